//! Close words and speaker names for a search that finds nothing ("did you mean
//! `Zelensky`?"): each word of the query that the index does not hold at all is compared
//! with the words the index does hold, in the speakers' names and in the text.

use std::collections::HashMap;

use tantivy::query::TermQuery;
use tantivy::schema::{Field, IndexRecordOption, TantivyDocument, Term, Value};
use tantivy::tokenizer::TokenStream;
use tantivy_query_grammar::{Delimiter, Occur, UserInputAst, UserInputLeaf};

use super::SearchRequest;
use super::spellings::name_words;
use crate::error::Result;
use crate::index::Index;
use crate::query;
use crate::schema::{SECTION, SPEAKER, TEXT, TITLE, text_analyzer};

/// Suggestions given for one search at most.
const MAX_SUGGESTIONS: usize = 5;
/// Candidates kept per misspelt word and field.
const PER_WORD: usize = 2;

/// A word of the query to look for, and whether only speakers' names are meant.
struct Wanted {
    word: String,
    names_only: bool,
}

/// A word the index holds that is close to a wanted one.
struct Candidate {
    /// The term as indexed (folded name word, or English stem).
    term: String,
    distance: usize,
    paragraphs: u64,
}

/// A read error of the term dictionary, as tantivy's own errors are reported.
fn engine(e: std::io::Error) -> crate::Error {
    tantivy::TantivyError::from(e).into()
}

/// Edits (a swap of two letters is one) a word of this many characters may be away from a
/// suggestion.
fn allowed_edits(chars: usize) -> usize {
    if chars < 8 { 1 } else { 2 }
}

impl Index {
    /// Close words and speaker names for the words of `request` that match nothing in the
    /// index, closest and most common first ("did you mean `Zelensky`?"). Empty when every
    /// word is in the index (only their combination found nothing) or nothing is close.
    /// [`Index::search`] fills [`SearchResults::suggestions`](super::SearchResults) with
    /// these when it finds nothing.
    ///
    /// # Errors
    /// As [`Index::search`].
    pub fn suggestions(&self, request: &SearchRequest) -> Result<Vec<String>> {
        let mut wanted = Vec::new();
        if !request.query.trim().is_empty() {
            let ast = query::parse(&request.query)?;
            collect(&ast, false, &mut wanted);
        }
        for name in &request.speakers {
            for word in name.split_whitespace() {
                wanted.push(Wanted {
                    word: word.to_string(),
                    names_only: true,
                });
            }
        }
        let schema = self.inner.schema();
        let speaker = schema.get_field(SPEAKER)?;
        let text = schema.get_field(TEXT)?;
        let mut out: Vec<(usize, u64, String)> = Vec::new();
        for want in wanted {
            for word in name_words(&want.word) {
                let chars = word.chars().count();
                if chars < 3 {
                    continue;
                }
                let stem = stem_of(&word);
                let known = self.paragraphs_with(speaker, &word)? > 0
                    || (!want.names_only && self.paragraphs_with(text, &stem)? > 0);
                if known {
                    continue;
                }
                let edits = allowed_edits(chars);
                for c in self.close_terms(speaker, &word, edits, false)? {
                    out.push((c.distance, c.paragraphs, title_case(&c.term)));
                }
                if !want.names_only {
                    for c in self.close_terms(text, &stem, edits, true)? {
                        if let Some(word) = self.word_for_stem(text, &c.term)? {
                            out.push((c.distance, c.paragraphs, word));
                        }
                    }
                }
            }
        }
        out.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
        // One spelling per word; a name's capital letter wins over the text's lowercase.
        let mut seen: Vec<String> = Vec::new();
        for (_, _, word) in out {
            match seen
                .iter_mut()
                .find(|s| s.to_lowercase() == word.to_lowercase())
            {
                Some(kept) if word.chars().next().is_some_and(char::is_uppercase) => *kept = word,
                Some(_) => {}
                None => seen.push(word),
            }
        }
        seen.truncate(MAX_SUGGESTIONS);
        Ok(seen)
    }

    /// Paragraphs holding `term` in `field`.
    fn paragraphs_with(&self, field: Field, term: &str) -> Result<u64> {
        let mut n = 0;
        for segment in self.searcher().segment_readers() {
            let index = segment.inverted_index(field)?;
            if let Some(info) = index.terms().get(term.as_bytes()).map_err(engine)? {
                n += u64::from(info.doc_freq);
            }
        }
        Ok(n)
    }

    /// The terms of `field` within `edits` of `word` (sharing its first letter when
    /// `same_start`, which keeps the walk over a large dictionary short), closest first.
    fn close_terms(
        &self,
        field: Field,
        word: &str,
        edits: usize,
        same_start: bool,
    ) -> Result<Vec<Candidate>> {
        let chars = word.chars().count();
        let first = word.chars().next().unwrap_or('a');
        let mut found: HashMap<String, (usize, u64)> = HashMap::new();
        for segment in self.searcher().segment_readers() {
            let index = segment.inverted_index(field)?;
            let dictionary = index.terms();
            let mut range = dictionary.range();
            if same_start {
                let mut from = [0u8; 4];
                range = range.ge(first.encode_utf8(&mut from).as_bytes());
                if let Some(next) = char::from_u32(first as u32 + 1) {
                    let mut to = [0u8; 4];
                    range = range.lt(next.encode_utf8(&mut to).as_bytes());
                }
            }
            let mut stream = range.into_stream().map_err(engine)?;
            while stream.advance() {
                let Ok(term) = std::str::from_utf8(stream.key()) else {
                    continue;
                };
                if term.chars().count().abs_diff(chars) > edits {
                    continue;
                }
                let distance = strsim::osa_distance(term, word);
                if distance == 0 || distance > edits {
                    continue;
                }
                let entry = found.entry(term.to_string()).or_insert((distance, 0));
                entry.1 += u64::from(stream.value().doc_freq);
            }
        }
        let mut found: Vec<Candidate> = found
            .into_iter()
            .map(|(term, (distance, paragraphs))| Candidate {
                term,
                distance,
                paragraphs,
            })
            .collect();
        found.sort_by(|a, b| {
            a.distance
                .cmp(&b.distance)
                .then(b.paragraphs.cmp(&a.paragraphs))
                .then(a.term.cmp(&b.term))
        });
        found.truncate(PER_WORD);
        Ok(found)
    }

    /// A word of the text as written whose stem is `stem`, from one paragraph holding it.
    fn word_for_stem(&self, field: Field, stem: &str) -> Result<Option<String>> {
        let searcher = self.searcher();
        let query = TermQuery::new(Term::from_field_text(field, stem), IndexRecordOption::Basic);
        let top = searcher.search(
            &query,
            &tantivy::collector::TopDocs::with_limit(1).order_by_score(),
        )?;
        let Some((_, address)) = top.first() else {
            return Ok(None);
        };
        let doc: TantivyDocument = searcher.doc(*address)?;
        let Some(text) = doc.get_first(field).and_then(|v| v.as_str()) else {
            return Ok(None);
        };
        let mut analyzer = text_analyzer();
        let mut stream = analyzer.token_stream(text);
        while stream.advance() {
            let token = stream.token();
            if token.text == stem {
                return Ok(Some(
                    text[token.offset_from..token.offset_to].to_lowercase(),
                ));
            }
        }
        Ok(None)
    }
}

/// The English stem of a word, as the text field indexes it.
fn stem_of(word: &str) -> String {
    let mut analyzer = text_analyzer();
    let mut stream = analyzer.token_stream(word);
    if stream.advance() {
        stream.token().text.clone()
    } else {
        word.to_string()
    }
}

fn title_case(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().chain(chars).collect::<String>()
    })
}

/// The plain words of a query worth checking: not negated, not patterns, in fields that
/// hold words (`speaker:` ones as names only).
fn collect(ast: &UserInputAst, negated: bool, out: &mut Vec<Wanted>) {
    match ast {
        UserInputAst::Clause(clauses) => {
            for (occur, clause) in clauses {
                collect(clause, negated || *occur == Some(Occur::MustNot), out);
            }
        }
        UserInputAst::Boost(inner, _) => collect(inner, negated, out),
        UserInputAst::Leaf(leaf) => {
            let UserInputLeaf::Literal(literal) = &**leaf else {
                return;
            };
            let names_only = match literal.field_name.as_deref() {
                None => false,
                Some(SPEAKER) => true,
                Some(TEXT | TITLE | SECTION) => false,
                Some(_) => return,
            };
            let pattern = literal.prefix
                || (literal.delimiter == Delimiter::None && literal.slop > 0)
                || literal.phrase.contains(['*', '?']);
            if negated || pattern {
                return;
            }
            for word in literal.phrase.split_whitespace() {
                out.push(Wanted {
                    word: word.to_string(),
                    names_only,
                });
            }
        }
    }
}
