//! Snippets: the passages of a paragraph that show why it matched, several for a long
//! paragraph, joined with `…`.
//!
//! A passage is a sentence (or a window of a long one), chosen by the weight of the query
//! words it holds (rarer words weigh more) until the length budget is spent; then the
//! chosen passages grow by the sentences next to them while the budget lasts. Words a
//! query asks for in quotations (`quote:ceasefire`) are marked only inside quotations.
//! Cuts fall between words, never inside a run of matched words (a phrase).

use std::ops::Range;

use rustc_hash::FxHashMap;
use tantivy::query::Query;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Searcher, Term};

use super::Snippet;
use crate::model::Quotation;
use crate::schema::Fields;

/// Most passages in one snippet.
const MAX_FRAGMENTS: usize = 3;
/// What joins two passages in a snippet's text.
const JOINER: &str = " … ";

/// Makes the snippets of one search's hits.
pub(crate) struct Highlighter {
    /// Analysed words of the text field, with their weights.
    words: FxHashMap<String, f32>,
    /// Analysed words asked for in quotations only.
    quoted_words: FxHashMap<String, f32>,
    analyzer: TextAnalyzer,
    /// Budget of a snippet in characters, separators not counted.
    chars: usize,
}

impl Highlighter {
    /// A highlighter for the words `query` looks for in the text and quotation fields.
    pub(crate) fn new(
        searcher: &Searcher,
        query: &dyn Query,
        fields: &Fields,
        analyzer: TextAnalyzer,
        chars: usize,
    ) -> tantivy::Result<Highlighter> {
        let mut terms: Vec<Term> = Vec::new();
        query.query_terms(&mut |term, _| terms.push(term.clone()));
        let docs = searcher.num_docs().max(1) as f32;
        let mut words = FxHashMap::default();
        let mut quoted_words = FxHashMap::default();
        for term in terms {
            let table = if term.field() == fields.text {
                &mut words
            } else if term.field() == fields.quote {
                &mut quoted_words
            } else {
                continue;
            };
            let value = term.value();
            let Some(word) = value.as_str() else {
                continue;
            };
            let df = searcher.doc_freq(&term)? as f32;
            // BM25's idf: a word in few paragraphs says more about why this one matched.
            let weight = (1.0 + (docs - df + 0.5) / (df + 0.5)).ln();
            table.insert(word.to_string(), weight);
        }
        Ok(Highlighter {
            words,
            quoted_words,
            analyzer,
            chars: chars.max(20),
        })
    }

    /// The snippet of `text`, whose quotations are `quotes`.
    pub(crate) fn snippet(&mut self, text: &str, quotes: &[Quotation]) -> Snippet {
        let matches = self.matches(text, quotes);
        if matches.is_empty() {
            return opening(text, self.chars);
        }
        let fragments = if text.chars().count() <= self.chars {
            std::iter::once(0..text.len()).collect()
        } else {
            choose(text, &matches, self.chars)
        };
        build(text, fragments, &matches)
    }

    /// Matched words of `text` in order: byte range and weight.
    fn matches(&mut self, text: &str, quotes: &[Quotation]) -> Vec<(Range<usize>, f32)> {
        let mut out = Vec::new();
        let mut stream = self.analyzer.token_stream(text);
        while let Some(token) = stream.next() {
            let range = token.offset_from..token.offset_to;
            let weight = self.words.get(&token.text).copied().or_else(|| {
                let quoted = quotes
                    .iter()
                    .any(|q| q.start <= range.start && range.end <= q.end);
                quoted
                    .then(|| self.quoted_words.get(&token.text).copied())
                    .flatten()
            });
            if let Some(weight) = weight {
                out.push((range, weight));
            }
        }
        out
    }
}

/// The opening of `text` up to `chars` characters, cut between words: the snippet of a
/// paragraph that matched by its speakers or headline only.
fn opening(text: &str, chars: usize) -> Snippet {
    let end = text
        .char_indices()
        .nth(chars)
        .map_or(text.len(), |(i, _)| text[..i].rfind(' ').unwrap_or(i));
    Snippet {
        text: text[..end].to_string(),
        range: 0..end,
        highlights: Vec::new(),
        fragments: std::iter::once(0..end).collect(),
        snippet_highlights: Vec::new(),
    }
}

/// The passages to show of a text longer than the budget, in text order.
fn choose(text: &str, matches: &[(Range<usize>, f32)], budget: usize) -> Vec<Range<usize>> {
    let sentences = sentences(text);
    let len = |r: &Range<usize>| text[r.clone()].chars().count();
    // Each sentence's score: the weight of each distinct word once, a little for repeats.
    let mut scored: Vec<(usize, f32)> = sentences
        .iter()
        .enumerate()
        .filter_map(|(i, s)| {
            let inside: Vec<&(Range<usize>, f32)> = matches
                .iter()
                .filter(|(m, _)| s.start <= m.start && m.end <= s.end)
                .collect();
            let mut seen: Vec<String> = Vec::new();
            let mut score = 0.0;
            for (m, weight) in &inside {
                let word = text[m.clone()].to_lowercase();
                if seen.contains(&word) {
                    score += weight * 0.1;
                } else {
                    score += weight;
                    seen.push(word);
                }
            }
            (score > 0.0).then_some((i, score))
        })
        .collect();
    scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut chosen: Vec<Range<usize>> = Vec::new();
    let mut spent = 0;
    for (i, _) in scored {
        if chosen.len() == MAX_FRAGMENTS {
            break;
        }
        let sentence = sentences[i].clone();
        if chosen.is_empty() {
            // A sentence a little over the budget is shown whole rather than cut.
            let passage = if len(&sentence) > budget + budget / 4 {
                window(text, &sentence, matches, budget)
            } else {
                sentence
            };
            spent += len(&passage);
            chosen.push(passage);
        } else if spent + len(&sentence) <= budget {
            spent += len(&sentence);
            chosen.push(sentence);
        }
    }
    chosen.sort_by_key(|r| r.start);
    grow(text, &sentences, &mut chosen, budget.saturating_sub(spent));
    merge(text, chosen)
}

/// Adds to the passages the sentences just after them (then just before) while `left`
/// characters allow, so that a short match is read with what goes with it.
fn grow(text: &str, sentences: &[Range<usize>], chosen: &mut [Range<usize>], mut left: usize) {
    let len = |r: &Range<usize>| text[r.clone()].chars().count();
    let mut grew = true;
    while grew {
        grew = false;
        for k in 0..chosen.len() {
            let next_start = chosen.get(k + 1).map_or(text.len(), |r| r.start);
            let prev_end = if k == 0 { 0 } else { chosen[k - 1].end };
            let after = sentences
                .iter()
                .find(|s| s.start >= chosen[k].end && s.end <= next_start);
            let before = sentences
                .iter()
                .rfind(|s| s.end <= chosen[k].start && s.start >= prev_end);
            for (s, is_after) in [(after, true), (before, false)] {
                let Some(s) = s else { continue };
                if len(s) + 1 > left {
                    continue;
                }
                left -= len(s) + 1;
                if is_after {
                    chosen[k].end = s.end;
                } else {
                    chosen[k].start = s.start;
                }
                grew = true;
                break;
            }
        }
    }
}

/// Joins passages with only spaces between them.
fn merge(text: &str, chosen: Vec<Range<usize>>) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for r in chosen {
        match out.last_mut() {
            Some(last) if text[last.end..r.start.max(last.end)].trim().is_empty() => {
                last.end = last.end.max(r.end);
            }
            _ => out.push(r),
        }
    }
    out
}

/// A window of about `budget` characters of a sentence longer than that, around its first
/// matches: a few words before the first, then to a word boundary, never inside a run of
/// matched words.
fn window(
    text: &str,
    sentence: &Range<usize>,
    matches: &[(Range<usize>, f32)],
    budget: usize,
) -> Range<usize> {
    let inside: Vec<&Range<usize>> = matches
        .iter()
        .map(|(m, _)| m)
        .filter(|m| sentence.start <= m.start && m.end <= sentence.end)
        .collect();
    let first = inside.first().map_or(sentence.start, |m| m.start);
    // Some words of lead-in, a fifth of the budget.
    let lead = budget / 5;
    let mut start = first;
    for (i, c) in text[sentence.start..first].char_indices().rev() {
        if first - (sentence.start + i) > lead {
            break;
        }
        if c == ' ' {
            start = sentence.start + i + 1;
        }
    }
    if first - sentence.start <= lead {
        start = sentence.start;
    }
    // When the rest of the sentence fits, start earlier and show it to its end.
    let tail = text[sentence.start..sentence.end]
        .char_indices()
        .rev()
        .nth(budget.saturating_sub(1))
        .map_or(sentence.start, |(i, _)| sentence.start + i);
    if tail < start {
        start = match text[tail..start].find(' ') {
            Some(i) if tail > sentence.start => tail + i + 1,
            _ => tail,
        };
    }
    let mut end = text[start..sentence.end]
        .char_indices()
        .nth(budget)
        .map_or(sentence.end, |(i, _)| start + i);
    if end < sentence.end {
        end = text[start..end].rfind(' ').map_or(end, |i| start + i);
    }
    // A run of matched words (a phrase) that the cut would split is kept whole.
    for pair in inside.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let adjacent = text[a.end..b.start].trim().is_empty();
        if adjacent && a.start < end && b.end > end {
            end = b.end;
        }
    }
    start..end.max(start)
}

/// Sentences of `text` as byte ranges without the spaces between them. A sentence ends at
/// `.`, `!` or `?` (and closing quotation marks or brackets after it) before a space and a
/// capital, digit or opening mark, unless the word is an initial or a common abbreviation.
fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if matches!(c, b'.' | b'!' | b'?') {
            let mut end = i + 1;
            while let Some(ch) = text[end..].chars().next() {
                if matches!(ch, '"' | '”' | '’' | '\'' | ')' | '»') {
                    end += ch.len_utf8();
                } else {
                    break;
                }
            }
            let rest = &text[end..];
            let after_space = rest.trim_start();
            let starts_next = rest.starts_with(char::is_whitespace)
                && after_space.chars().next().is_some_and(|n| {
                    n.is_uppercase() || n.is_ascii_digit() || matches!(n, '"' | '“' | '‘' | '«')
                });
            if starts_next && !(c == b'.' && is_abbreviation(&text[start..i])) {
                out.push(start..end);
                start = text.len() - after_space.len();
                i = start;
                continue;
            }
            i = end;
            continue;
        }
        i += 1;
    }
    if start < text.len() && !text[start..].trim().is_empty() {
        out.push(start..text.trim_end().len().max(start));
    }
    out
}

/// Whether the word just before a period ending `before` is an initial or an abbreviation
/// ("U.S", "Mr", "J"), after which a capital does not start a sentence.
fn is_abbreviation(before: &str) -> bool {
    let word = before.rsplit(char::is_whitespace).next().unwrap_or("");
    let word = word.trim_start_matches(['(', '"', '“', '\'']);
    word.contains('.')
        || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
        || matches!(
            word,
            "Mr" | "Mrs"
                | "Ms"
                | "Dr"
                | "St"
                | "Jr"
                | "Sr"
                | "Gen"
                | "Gov"
                | "Sen"
                | "Rep"
                | "Lt"
                | "Col"
                | "Sgt"
                | "Capt"
                | "Prof"
                | "Rev"
                | "No"
                | "vs"
        )
}

/// The snippet of the chosen passages: their text joined with [`JOINER`], and the matched
/// words both in the paragraph's text and in the snippet's.
fn build(text: &str, fragments: Vec<Range<usize>>, matches: &[(Range<usize>, f32)]) -> Snippet {
    let mut joined = String::new();
    let mut highlights = Vec::new();
    let mut snippet_highlights = Vec::new();
    for (k, fragment) in fragments.iter().enumerate() {
        if k > 0 {
            joined.push_str(JOINER);
        }
        let base = joined.len();
        joined.push_str(&text[fragment.clone()]);
        for (m, _) in matches {
            if fragment.start <= m.start && m.end <= fragment.end {
                highlights.push(m.clone());
                let at = base + (m.start - fragment.start);
                snippet_highlights.push(at..at + m.len());
            }
        }
    }
    let range = fragments.first().map_or(0, |f| f.start)..fragments.last().map_or(0, |f| f.end);
    Snippet {
        text: joined,
        range,
        highlights,
        fragments,
        snippet_highlights,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str, ranges: &[Range<usize>]) -> Vec<String> {
        ranges.iter().map(|r| text[r.clone()].to_string()).collect()
    }

    #[test]
    fn sentences_end_at_stops_before_capitals_not_at_abbreviations() {
        let table: [(&str, &[&str]); 5] = [
            ("One. Two.", &["One.", "Two."]),
            (
                "He met U.S. President Donald Trump. Then he left.",
                &["He met U.S. President Donald Trump.", "Then he left."],
            ),
            (
                "\"It is over.\" She left. Mr. Roe stayed.",
                &["\"It is over.\"", "She left.", "Mr. Roe stayed."],
            ),
            (
                "Costs rose 3.5 percent. Why? Nobody knows",
                &["Costs rose 3.5 percent.", "Why?", "Nobody knows"],
            ),
            ("no stop at all", &["no stop at all"]),
        ];
        for (text, want) in table {
            assert_eq!(texts(text, &sentences(text)), want, "{text}");
        }
    }

    fn matches_of(text: &str, words: &[&str]) -> Vec<(Range<usize>, f32)> {
        let mut out = Vec::new();
        for w in words {
            let mut from = 0;
            while let Some(i) = text[from..].find(w) {
                out.push((from + i..from + i + w.len(), 1.0));
                from += i + w.len();
            }
        }
        out.sort_by_key(|(r, _)| r.start);
        out
    }

    #[test]
    fn a_long_paragraph_gets_its_matching_sentences_joined() {
        let filler = "Nothing of note happened on the long road to the capital that day.";
        let text = format!(
            "The ceasefire began at dawn. {filler} {filler} {filler} Then the truce held. {filler} {filler}"
        );
        let matches = matches_of(&text, &["ceasefire", "truce"]);
        let s = build(&text, choose(&text, &matches, 120), &matches);
        assert_eq!(s.fragments.len(), 2, "{s:?}");
        assert!(s.text.contains(JOINER), "{}", s.text);
        for (in_text, in_snippet) in s.highlights.iter().zip(&s.snippet_highlights) {
            assert_eq!(text[in_text.clone()], s.text[in_snippet.clone()]);
        }
        assert_eq!(s.highlights.len(), 2);
        assert!(s.text.chars().count() <= 120 + JOINER.len());
    }

    #[test]
    fn a_long_sentence_is_cut_between_words_and_keeps_a_phrase_whole() {
        let words: Vec<String> = (0..60).map(|i| format!("word{i}")).collect();
        let text = format!(
            "{} peace talks {}",
            words[..30].join(" "),
            words[30..].join(" ")
        );
        let matches = matches_of(&text, &["peace", "talks"]);
        // A budget that ends right inside the phrase.
        let sentence = 0..text.len();
        let at = text.find("peace").unwrap();
        for budget in 40..80 {
            let w = window(&text, &sentence, &matches, budget);
            assert!(
                w.start <= at && w.end >= text.find("talks").unwrap() + 5,
                "{budget}"
            );
            assert!(w.start == 0 || text.as_bytes()[w.start - 1] == b' ');
            assert!(
                w.end == text.len() || text.as_bytes()[w.end] == b' ',
                "{budget}"
            );
        }
    }

    #[test]
    fn short_matches_grow_into_the_sentences_around_them() {
        let text = "First things. The ceasefire began. Everyone cheered. Much later, far away, a completely unrelated thing happened to someone else entirely.";
        let matches = matches_of(text, &["ceasefire"]);
        let s = build(text, choose(text, &matches, 60), &matches);
        assert_eq!(s.fragments.len(), 1);
        assert_eq!(
            s.text,
            "First things. The ceasefire began. Everyone cheered."
        );
    }
}
