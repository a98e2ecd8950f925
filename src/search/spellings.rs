//! Other spellings of a speaker: `speaker:Zelenskyy` should find every paragraph of the
//! person whose canonical name is "Volodymyr Zelensky", not only those whose article wrote
//! "Zelenskyy". Paragraphs store each speaker as written beside its canonical name, so the
//! canonical names a spelling leads to are read off the paragraphs that match it.

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::StrColumn;
use tantivy::query::{PhraseQuery, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Term};
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use crate::error::Result;
use crate::index::Index;
use crate::schema::{PAIR_SEPARATOR, SPEAKER_PAIR, name_analyzer};

/// The words of a name as the name analyzer makes them (lowercase, folded).
pub(crate) fn name_words(text: &str) -> Vec<String> {
    let mut analyzer = name_analyzer();
    let mut stream = analyzer.token_stream(text);
    let mut words = Vec::new();
    while let Some(token) = stream.next() {
        words.push(token.text.clone());
    }
    words
}

/// A query for `words` in `field`: a term, or a phrase.
pub(crate) fn words_query(
    field: tantivy::schema::Field,
    words: &[String],
) -> Option<Box<dyn Query>> {
    let terms: Vec<Term> = words
        .iter()
        .map(|w| Term::from_field_text(field, w))
        .collect();
    match terms.len() {
        0 => None,
        1 => Some(Box::new(TermQuery::new(
            terms[0].clone(),
            IndexRecordOption::Basic,
        ))),
        _ => Some(Box::new(PhraseQuery::new(terms))),
    }
}

impl Index {
    /// Canonical names of the speakers written as `words` somewhere in the index, when that
    /// spelling is not part of the canonical name itself.
    pub(crate) fn canonical_names_spelt(&self, words: &[String]) -> Result<Vec<String>> {
        let Some(query) = words_query(self.fields.speaker, words) else {
            return Ok(Vec::new());
        };
        let pairs = self.searcher().search(&*query, &PairsOf)?;
        let mut names: Vec<String> = pairs
            .into_iter()
            .filter_map(|pair| {
                let (raw, canonical) = pair.split_once(PAIR_SEPARATOR)?;
                let written = contains(&name_words(raw), words);
                let already = contains(&name_words(canonical), words);
                (written && !already).then(|| canonical.to_string())
            })
            .collect();
        names.sort();
        names.dedup();
        Ok(names)
    }
}

fn contains(haystack: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

/// The distinct speaker pairs of the matching paragraphs.
struct PairsOf;

struct PairsOfSegment {
    column: Option<StrColumn>,
    seen: Vec<bool>,
}

impl Collector for PairsOf {
    type Fruit = Vec<String>;
    type Child = PairsOfSegment;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<Self::Child> {
        let column = reader.fast_fields().str(SPEAKER_PAIR)?;
        let terms = column.as_ref().map_or(0, |c| c.num_terms());
        Ok(PairsOfSegment {
            column,
            seen: vec![false; terms],
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Vec<String>>) -> tantivy::Result<Vec<String>> {
        Ok(fruits.into_iter().flatten().collect())
    }
}

impl SegmentCollector for PairsOfSegment {
    type Fruit = Vec<String>;

    fn collect(&mut self, doc: DocId, _: Score) {
        if let Some(column) = &self.column {
            for ord in column.term_ords(doc) {
                self.seen[ord as usize] = true;
            }
        }
    }

    fn harvest(self) -> Vec<String> {
        let Some(column) = self.column else {
            return Vec::new();
        };
        let ords: Vec<u64> = (0..self.seen.len() as u64)
            .filter(|&ord| self.seen[ord as usize])
            .collect();
        super::collect::decode_sorted(&column, &ords)
    }
}
