//! Query and filters -> ranked, typed hits with snippets; and counts by speaker and by date.
//!
//! Owns ranking order (BM25, ties broken on article id and paragraph so the same query
//! always gives the same order), filters and snippets. The query language is in
//! [`crate::query`]; printing is in [`crate::output`].

use std::ops::Range;

use serde::Serialize;
use tantivy::collector::Count;
use tantivy::query::{BooleanQuery, Occur, PhraseQuery, Query, RangeQuery, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, TantivyDocument, Term, Value};
use tantivy::{DocAddress, Score};

use crate::dates::Date;
use crate::error::Result;
use crate::index::Index;
use crate::query::QueryBuilder;
use collect::{ArticleBest, DateCounts, FieldCounts, TopSorted};
use snippets::Highlighter;

mod collect;
mod snippets;
mod spellings;
mod suggest;
mod timeline;

pub use timeline::{Bucket, Period};

use crate::model::Quotation;
use crate::schema::{BOOST_FIELDS, MATCH_FIELDS, PAIR_SEPARATOR};
pub(crate) use spellings::{name_words, words_query};

/// Largest number of hits one search returns.
pub const MAX_LIMIT: usize = 10_000;

/// Order of hits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Sort {
    /// Best match first (BM25).
    #[default]
    Relevance,
    /// Latest date first; undated paragraphs last.
    Newest,
    /// Earliest date first; undated paragraphs last.
    Oldest,
}

/// A search: query text plus typed filters.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct SearchRequest {
    /// Query in whosaid's query language (see the README); empty matches everything.
    pub query: String,
    /// Keep paragraphs where any of these persons speaks (any part of the name).
    pub speakers: Vec<String>,
    /// Keep paragraphs from any of these outlets.
    pub sources: Vec<String>,
    /// Keep paragraphs dated on or after this day.
    pub from: Option<Date>,
    /// Keep paragraphs dated on or before this day.
    pub until: Option<Date>,
    /// Hits to return (at most [`MAX_LIMIT`]).
    pub limit: usize,
    /// Hits to skip first, for paging.
    pub offset: usize,
    /// Order of hits.
    pub sort: Sort,
    /// Characters of context in a snippet.
    pub snippet_chars: usize,
    /// Whether hits get snippets (on by default); without them a hit's snippet is empty.
    pub snippets: bool,
    /// Paragraphs of the same article to give with each hit: how many before it and how
    /// many after (none by default).
    pub context: (usize, usize),
    /// One hit per article: its best paragraph, with how many others of it match.
    pub per_article: bool,
}

impl SearchRequest {
    /// A request for `query`, best 10 hits first.
    pub fn new(query: impl Into<String>) -> SearchRequest {
        SearchRequest {
            query: query.into(),
            speakers: Vec::new(),
            sources: Vec::new(),
            from: None,
            until: None,
            limit: 10,
            offset: 0,
            sort: Sort::Relevance,
            snippet_chars: 200,
            snippets: true,
            context: (0, 0),
            per_article: false,
        }
    }
    /// Keeps paragraphs where this person speaks (may be called again for more persons).
    pub fn speaker(mut self, name: impl Into<String>) -> Self {
        self.speakers.push(name.into());
        self
    }
    /// Keeps paragraphs from this outlet (may be called again).
    pub fn source(mut self, name: impl Into<String>) -> Self {
        self.sources.push(name.into());
        self
    }
    /// Keeps paragraphs dated on or after `date`.
    pub fn from(mut self, date: Date) -> Self {
        self.from = Some(date);
        self
    }
    /// Keeps paragraphs dated on or before `date`.
    pub fn until(mut self, date: Date) -> Self {
        self.until = Some(date);
        self
    }
    /// Turns snippets on or off (on by default): without them a search does less work, and
    /// each hit's snippet is empty.
    pub fn snippets(mut self, on: bool) -> Self {
        self.snippets = on;
        self
    }
    /// Gives each hit the `before` paragraphs of its article just before it and the `after`
    /// paragraphs just after it ([`Hit::context_before`], [`Hit::context_after`]).
    pub fn context(mut self, before: usize, after: usize) -> Self {
        self.context = (before, after);
        self
    }
    /// Keeps the best paragraph of each article ([`Hit::other_matches`] says how many more
    /// of it match); the limit, offset and sort then count articles.
    pub fn per_article(mut self, on: bool) -> Self {
        self.per_article = on;
        self
    }
    /// Sets the characters of context in a snippet (default 200).
    pub fn snippet_chars(mut self, chars: usize) -> Self {
        self.snippet_chars = chars;
        self
    }
    /// Keeps paragraphs dated within `from..=until` (either end may be open).
    pub fn dates(mut self, from: Option<Date>, until: Option<Date>) -> Self {
        self.from = from;
        self.until = until;
        self
    }
    /// Sets how many hits to return.
    pub fn limit(mut self, limit: usize) -> Self {
        self.limit = limit;
        self
    }
    /// Sets how many hits to skip.
    pub fn offset(mut self, offset: usize) -> Self {
        self.offset = offset;
        self
    }
    /// Sets the order.
    pub fn sort(mut self, sort: Sort) -> Self {
        self.sort = sort;
        self
    }
}

/// The passages of a paragraph around the matched words: the whole paragraph when it is
/// short, else up to three of its sentences (or a window of a long one), joined with `…`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Snippet {
    /// The passages, joined with ` … `.
    pub text: String,
    /// Byte range within the paragraph's text from the first passage's start to the last
    /// one's end.
    pub range: Range<usize>,
    /// Byte ranges of matched words within the paragraph's text.
    pub highlights: Vec<Range<usize>>,
    /// Byte range of each passage within the paragraph's text, in order.
    pub fragments: Vec<Range<usize>>,
    /// Byte ranges of the same matched words within [`Snippet::text`].
    pub snippet_highlights: Vec<Range<usize>>,
}

/// One matching paragraph.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Hit {
    /// Article id.
    pub article: String,
    /// Headline.
    pub title: Option<String>,
    /// Outlet.
    pub source: Option<String>,
    /// Byline.
    pub author: Option<String>,
    /// Address.
    pub url: Option<String>,
    /// Publication date.
    pub date: Option<Date>,
    /// 0-based paragraph number in the article.
    pub paragraph: u64,
    /// Section heading.
    pub section: Option<String>,
    /// Speakers, main speaker first.
    pub speakers: Vec<String>,
    /// The paragraph.
    pub text: String,
    /// The paragraph's quotations in order, with their speakers' canonical names
    /// ([`Quotation::text`] gives the words).
    pub quotes: Vec<Quotation>,
    /// BM25 score.
    pub score: f32,
    /// The matched passage.
    pub snippet: Snippet,
    /// With [`SearchRequest::context`]: the article's paragraphs just before this one.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub context_before: Vec<Context>,
    /// With [`SearchRequest::context`]: the article's paragraphs just after this one.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub context_after: Vec<Context>,
    /// With [`SearchRequest::per_article`]: how many other paragraphs of the article match.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub other_matches: Option<u64>,
}

/// A paragraph given around a hit, from the same article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Context {
    /// 0-based paragraph number in the article.
    pub paragraph: u64,
    /// Speakers, main speaker first.
    pub speakers: Vec<String>,
    /// The paragraph.
    pub text: String,
}

/// A hit of a page before it is read: address, score, other matches of its article.
type PageEntry = (DocAddress, Score, Option<u64>);

/// What matching paragraphs can be counted by (see [`Index::count_by`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Facet {
    /// Canonical speaker names.
    Speaker,
    /// Outlets.
    Source,
    /// Bylines.
    Author,
    /// Section headings.
    Section,
}

/// Hits of one search.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct SearchResults {
    /// Paragraphs matching in all.
    pub total: usize,
    /// The requested page of hits, in order.
    pub hits: Vec<Hit>,
    /// With [`SearchRequest::per_article`]: the number of matching articles.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub articles: Option<usize>,
    /// When nothing matched: close words and speaker names the index holds for the query's
    /// words that it does not hold (see [`Index::suggestions`]).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub suggestions: Vec<String>,
}

impl Index {
    /// Runs a search.
    ///
    /// # Errors
    /// [`Error::BadQuery`](crate::Error::BadQuery) with the column of the problem when the query does not parse.
    ///
    /// # Examples
    /// ```
    /// use whosaid::{Article, Index, Input, SearchRequest, UpdateOptions};
    /// let index = Index::create_in_ram();
    /// let article = Article::new("a").with_paragraph("\"The ceasefire holds,\" said Jane Roe.");
    /// index.update(vec![Input::Articles { name: "doc".into(), articles: vec![article] }], &UpdateOptions::default())?;
    /// let results = index.search(&SearchRequest::new("speaker:Roe ceasefire"))?;
    /// assert_eq!(results.hits[0].speakers, ["Jane Roe"]);
    /// # Ok::<(), whosaid::Error>(())
    /// ```
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResults> {
        let query = self.build_query(request)?;
        let searcher = self.searcher();
        // The page: each hit's address, score and, per article, its other matches.
        let (page, total, articles): (Vec<PageEntry>, usize, _) = if request.per_article {
            let collector = ArticleBest {
                sort: request.sort,
                wanted: request.offset.saturating_add(request.limit.min(MAX_LIMIT)),
            };
            let (groups, total) = searcher.search(&*query, &(collector, Count))?;
            let articles = groups.count;
            let page = groups
                .top
                .into_iter()
                .skip(request.offset)
                .take(request.limit.min(MAX_LIMIT))
                .map(|g| (g.address, g.score, Some(g.matches - 1)))
                .collect();
            (page, total, Some(articles))
        } else {
            let wanted = request
                .offset
                .saturating_add(request.limit.min(MAX_LIMIT))
                .min(MAX_LIMIT * 10);
            let top = TopSorted {
                limit: wanted,
                sort: request.sort,
            };
            let (ranked, total) = searcher.search(&*query, &(top, Count))?;
            let page = ranked
                .into_iter()
                .skip(request.offset)
                .map(|r| (r.address, r.score, None))
                .collect();
            (page, total, None)
        };
        let mut snippets = if request.snippets && !page.is_empty() {
            let analyzer = self.inner.tokenizer_for_field(self.fields.text)?;
            Some(Highlighter::new(
                &searcher,
                &*query,
                &self.fields,
                analyzer,
                request.snippet_chars,
            )?)
        } else {
            None
        };
        let mut hits = page
            .into_iter()
            .map(|(address, score, others)| {
                let doc: TantivyDocument = searcher.doc(address)?;
                let mut hit = self.hit(&doc, score);
                if let Some(highlighter) = &mut snippets {
                    hit.snippet = highlighter.snippet(&hit.text, &hit.quotes);
                }
                hit.other_matches = others;
                Ok(hit)
            })
            .collect::<Result<Vec<Hit>>>()?;
        self.add_context(&mut hits, request.context)?;
        let suggestions = if total == 0 {
            self.suggestions(request)?
        } else {
            Vec::new()
        };
        Ok(SearchResults {
            total,
            hits,
            articles,
            suggestions,
        })
    }

    /// Counts matching paragraphs per speaker, most first (ties by name). The request's
    /// query and filters apply; its limit, offset and sort do not. Paragraphs with no
    /// speaker are not counted here ([`Index::count_by`] counts them too).
    ///
    /// # Errors
    /// As [`Index::search`].
    pub fn count_by_speaker(&self, request: &SearchRequest) -> Result<Vec<(String, u64)>> {
        Ok(self
            .count_by(request, Facet::Speaker)?
            .into_iter()
            .filter_map(|(name, n)| Some((name?, n)))
            .collect())
    }

    /// Counts matching paragraphs per speaker, outlet, byline or section heading, most
    /// first (ties by name), with the paragraphs that have none as a last `None` row, so
    /// that the rows add up to the matches (a paragraph with two speakers counts for each).
    /// The request's query and filters apply; its limit, offset and sort do not.
    ///
    /// # Errors
    /// As [`Index::search`].
    pub fn count_by(
        &self,
        request: &SearchRequest,
        facet: Facet,
    ) -> Result<Vec<(Option<String>, u64)>> {
        let query = self.build_query(request)?;
        let field = match facet {
            Facet::Speaker => crate::schema::SPEAKER_EXACT,
            Facet::Source => crate::schema::SOURCE_EXACT,
            Facet::Author => crate::schema::AUTHOR_EXACT,
            Facet::Section => crate::schema::SECTION_EXACT,
        };
        let counts = self.searcher().search(&*query, &FieldCounts { field })?;
        let mut counts: Vec<(Option<String>, u64)> = counts.into_iter().collect();
        counts.sort_by(|a, b| {
            a.0.is_none()
                .cmp(&b.0.is_none())
                .then(b.1.cmp(&a.1))
                .then_with(|| a.0.cmp(&b.0))
        });
        Ok(counts)
    }

    /// Counts matching paragraphs per day, in date order (undated paragraphs are left out).
    /// The request's query and filters apply; its limit, offset and sort do not.
    ///
    /// # Errors
    /// As [`Index::search`].
    pub fn count_by_date(&self, request: &SearchRequest) -> Result<Vec<(Date, u64)>> {
        let query = self.build_query(request)?;
        let counts = self.searcher().search(&*query, &DateCounts)?;
        Ok(counts.into_iter().collect())
    }

    /// The query text plus the request's filters, as one query.
    fn build_query(&self, request: &SearchRequest) -> Result<Box<dyn Query>> {
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        if request.query.trim().is_empty() {
            clauses.push((Occur::Must, Box::new(tantivy::query::AllQuery)));
        } else {
            // Words must be in the paragraph (its text or its speakers); the headline and
            // section only raise the rank, else every paragraph of an article titled
            // "Putin ..." would match `Putin`.
            let matching =
                QueryBuilder::new(&self.inner, &MATCH_FIELDS, true)?.with_spellings(self);
            let ast = crate::query::parse(&request.query)?;
            clauses.push((Occur::Must, matching.build(&ast, &request.query)?));
            let boosting = QueryBuilder::new(&self.inner, &BOOST_FIELDS, false)?;
            if let Ok(boost) = boosting.build(&ast, &request.query) {
                clauses.push((Occur::Should, boost));
            }
        }
        // A filter whose values are all blank filters nothing.
        if let Some(filter) = self.any_speaker(&request.speakers)? {
            clauses.push((Occur::Must, filter));
        }
        if let Some(filter) = self.any_phrase(self.fields.source, &request.sources) {
            clauses.push((Occur::Must, filter));
        }
        if request.from.is_some() || request.until.is_some() {
            let term = |d: Date| {
                Term::from_field_date(
                    self.fields.date,
                    crate::schema::date_value(d.to_unix_seconds()),
                )
            };
            let lower = request.from.map_or(std::ops::Bound::Unbounded, |d| {
                std::ops::Bound::Included(term(d))
            });
            let upper = request.until.map_or(std::ops::Bound::Unbounded, |d| {
                std::ops::Bound::Excluded(term(d.next_day()))
            });
            clauses.push((Occur::Must, Box::new(RangeQuery::new(lower, upper))));
        }
        Ok(if clauses.len() == 1 {
            clauses.pop().expect("one clause").1
        } else {
            Box::new(BooleanQuery::new(clauses))
        })
    }

    /// Matches paragraphs where any of `names` speaks: the name's words in the speaker field,
    /// or a canonical name that one of the index's spellings of it leads to.
    fn any_speaker(&self, names: &[String]) -> Result<Option<Box<dyn Query>>> {
        let mut alternatives: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for name in names {
            let words = name_words(name);
            if let Some(query) = self.speaker_query(&words)? {
                alternatives.push((Occur::Should, query));
            }
        }
        Ok((!alternatives.is_empty())
            .then(|| Box::new(BooleanQuery::new(alternatives)) as Box<dyn Query>))
    }

    /// Paragraphs whose speakers include `words` (as written or in the canonical name).
    pub(crate) fn speaker_query(&self, words: &[String]) -> Result<Option<Box<dyn Query>>> {
        let Some(direct) = words_query(self.fields.speaker, words) else {
            return Ok(None);
        };
        let others = self.canonical_names_spelt(words)?;
        if others.is_empty() {
            return Ok(Some(direct));
        }
        let mut alternatives: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Should, direct)];
        for name in others {
            let term = Term::from_field_text(self.fields.speaker_exact, &name);
            alternatives.push((
                Occur::Should,
                Box::new(TermQuery::new(term, IndexRecordOption::Basic)),
            ));
        }
        Ok(Some(Box::new(BooleanQuery::new(alternatives))))
    }

    /// Matches any of `values` as a phrase in `field` (tokenised as the field is).
    fn any_phrase(&self, field: Field, values: &[String]) -> Option<Box<dyn Query>> {
        let mut analyzer = self.inner.tokenizer_for_field(field).expect("text field");
        let mut alternatives: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for value in values {
            let mut terms = Vec::new();
            let mut stream = analyzer.token_stream(value);
            while let Some(token) = stream.next() {
                terms.push(Term::from_field_text(field, &token.text));
            }
            let query: Box<dyn Query> = match terms.len() {
                0 => continue,
                1 => Box::new(TermQuery::new(terms.remove(0), IndexRecordOption::Basic)),
                _ => Box::new(PhraseQuery::new(terms)),
            };
            alternatives.push((Occur::Should, query));
        }
        (!alternatives.is_empty())
            .then(|| Box::new(BooleanQuery::new(alternatives)) as Box<dyn Query>)
    }

    /// A hit of a stored paragraph, with an empty snippet.
    fn hit(&self, doc: &TantivyDocument, score: Score) -> Hit {
        let f = &self.fields;
        let text_of = |field: Field| {
            doc.get_first(field)
                .and_then(|v| v.as_str())
                .map(str::to_string)
        };
        let text = text_of(f.text).unwrap_or_default();
        let date = doc
            .get_first(f.date)
            .and_then(|v| v.as_datetime())
            .map(|d| Date::from_unix_seconds(d.into_timestamp_secs()));
        let speakers = doc
            .get_all(f.speaker_exact)
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect();
        Hit {
            quotes: stored_quotes(doc, f, &text),
            article: text_of(f.article).unwrap_or_default(),
            title: text_of(f.title),
            source: text_of(f.source),
            author: text_of(f.author),
            url: text_of(f.url),
            date,
            paragraph: doc
                .get_first(f.paragraph)
                .and_then(|v| v.as_u64())
                .unwrap_or(0),
            section: text_of(f.section),
            speakers,
            snippet: Snippet::empty(),
            text,
            score,
            context_before: Vec::new(),
            context_after: Vec::new(),
            other_matches: None,
        }
    }

    /// The paragraphs of `article` numbered within `paragraphs`, in order, as hits with no
    /// score and no snippet; empty when there is no such article.
    ///
    /// # Errors
    /// [`Error::Engine`](crate::Error::Engine) when the index cannot be read.
    pub fn paragraphs(
        &self,
        article: &str,
        paragraphs: std::ops::RangeInclusive<u64>,
    ) -> Result<Vec<Hit>> {
        let f = &self.fields;
        let query = BooleanQuery::new(vec![
            (
                Occur::Must,
                Box::new(TermQuery::new(
                    Term::from_field_text(f.article, article),
                    IndexRecordOption::Basic,
                )) as Box<dyn Query>,
            ),
            (
                Occur::Must,
                Box::new(RangeQuery::new(
                    std::ops::Bound::Included(Term::from_field_u64(
                        f.paragraph,
                        *paragraphs.start(),
                    )),
                    std::ops::Bound::Included(Term::from_field_u64(f.paragraph, *paragraphs.end())),
                )),
            ),
        ]);
        let searcher = self.searcher();
        let addresses = searcher.search(&query, &tantivy::collector::DocSetCollector)?;
        let mut hits = addresses
            .into_iter()
            .map(|address| {
                let doc: TantivyDocument = searcher.doc(address)?;
                Ok(self.hit(&doc, 0.0))
            })
            .collect::<Result<Vec<Hit>>>()?;
        hits.sort_by_key(|h| h.paragraph);
        Ok(hits)
    }

    /// Fills the hits' context paragraphs.
    fn add_context(&self, hits: &mut [Hit], (before, after): (usize, usize)) -> Result<()> {
        if before == 0 && after == 0 {
            return Ok(());
        }
        for hit in hits {
            let first = hit.paragraph.saturating_sub(before as u64);
            let last = hit.paragraph.saturating_add(after as u64);
            for p in self.paragraphs(&hit.article, first..=last)? {
                let context = Context {
                    paragraph: p.paragraph,
                    speakers: p.speakers,
                    text: p.text,
                };
                match p.paragraph.cmp(&hit.paragraph) {
                    std::cmp::Ordering::Less => hit.context_before.push(context),
                    std::cmp::Ordering::Greater => hit.context_after.push(context),
                    std::cmp::Ordering::Equal => {}
                }
            }
        }
        Ok(())
    }
}

/// The quotations stored with a paragraph, speakers by canonical name.
fn stored_quotes(doc: &TantivyDocument, f: &crate::schema::Fields, text: &str) -> Vec<Quotation> {
    let canonical: Vec<&str> = doc
        .get_all(f.speaker_pair)
        .filter_map(|v| v.as_str())
        .map(|pair| pair.split_once(PAIR_SEPARATOR).map_or(pair, |(_, c)| c))
        .collect();
    doc.get_all(f.quote_span)
        .filter_map(|v| crate::schema::parse_quote_span(v.as_str()?))
        .filter(|(range, _)| text.get(range.clone()).is_some())
        .map(|(range, speaker)| Quotation {
            start: range.start,
            end: range.end,
            speaker: speaker
                .and_then(|i| canonical.get(i))
                .map(|name| (*name).to_string()),
        })
        .collect()
}

impl Snippet {
    /// No passage: a hit without snippets, or a paragraph read whole.
    pub(crate) fn empty() -> Snippet {
        Snippet {
            text: String::new(),
            range: 0..0,
            highlights: Vec::new(),
            fragments: Vec::new(),
            snippet_highlights: Vec::new(),
        }
    }
}

#[cfg(test)]
impl Hit {
    pub(crate) fn for_tests(text: String, snippet: Snippet) -> Hit {
        Hit {
            article: "a.md".into(),
            title: Some("Title".into()),
            source: None,
            author: None,
            url: None,
            date: None,
            paragraph: 0,
            section: None,
            speakers: vec!["Vladimir Putin".into()],
            text,
            quotes: Vec::new(),
            score: 1.0,
            snippet,
            context_before: Vec::new(),
            context_after: Vec::new(),
            other_matches: None,
        }
    }
}

#[cfg(test)]
impl SearchResults {
    pub(crate) fn for_tests(hits: Vec<Hit>) -> SearchResults {
        SearchResults {
            total: hits.len(),
            hits,
            articles: None,
            suggestions: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Index>();
    }
}
