//! What the index holds, read from its fast fields: per article its file and hash, per
//! file its hash and articles, and the speaker names in use with how often each is used.
//! Each dictionary is read once, in order: decoding terms one by one is far slower.

use std::collections::{HashMap, HashSet};

use tantivy::columnar::StrColumn;

use crate::error::{Error, Result};
use crate::index::Index;
use crate::schema::{ARTICLE, FILE, FILE_HASH, HASH, PAIR_SEPARATOR, SPEAKER_PAIR};

/// One indexed article.
#[derive(Debug, Clone)]
pub(crate) struct IndexedArticle {
    pub key: String,
    pub hash: u64,
}

/// One indexed file.
#[derive(Debug, Clone, Default)]
pub(crate) struct IndexedFile {
    pub hash: u64,
    pub ids: Vec<String>,
}

/// What the index holds, as far as updates care.
#[derive(Debug, Default)]
pub(crate) struct Manifest {
    pub articles: HashMap<String, IndexedArticle>,
    pub files: HashMap<String, IndexedFile>,
    /// Files indexed with lines that could not be read (see [`crate::index::CommitPayload`]).
    pub flawed: HashSet<String>,
}

/// The speaker names of the paragraphs that stay: how often each name as written is used,
/// and the canonical name each currently has in the index.
#[derive(Debug, Default)]
pub(crate) struct IndexedNames {
    pub counts: HashMap<String, u64>,
    /// (name as written, canonical name) pairs in use.
    pub pairs: HashSet<(String, String)>,
}

pub(crate) fn read(index: &Index) -> Result<Manifest> {
    let searcher = index.searcher();
    let mut manifest = Manifest {
        flawed: index.payload()?.flawed.into_iter().collect(),
        ..Manifest::default()
    };
    for segment in searcher.segment_readers() {
        let fast = segment.fast_fields();
        let (Some(articles), Some(files)) = (fast.str(ARTICLE)?, fast.str(FILE)?) else {
            continue;
        };
        let file_hashes = fast.u64(FILE_HASH)?;
        let hashes = fast.u64(HASH)?;
        let ids = all_terms(&articles)?;
        let keys = all_terms(&files)?;
        let mut last_ord = u64::MAX;
        for doc in segment.doc_ids_alive() {
            let Some(ord) = articles.term_ords(doc).next() else {
                continue;
            };
            if ord == last_ord {
                continue; // paragraphs of one article sit together
            }
            last_ord = ord;
            let id = &ids[ord as usize];
            if manifest.articles.contains_key(id) {
                continue;
            }
            let Some(file_ord) = files.term_ords(doc).next() else {
                continue;
            };
            let key = &keys[file_ord as usize];
            let indexed = IndexedArticle {
                key: key.clone(),
                hash: hashes.first(doc).unwrap_or(0),
            };
            manifest.articles.insert(id.clone(), indexed);
            let file = manifest.files.entry(key.clone()).or_default();
            file.hash = file_hashes.first(doc).unwrap_or(0);
            file.ids.push(id.clone());
        }
    }
    Ok(manifest)
}

/// The speaker names of every live paragraph whose article is not in `leaving`.
pub(crate) fn names(index: &Index, leaving: &HashSet<&str>) -> Result<IndexedNames> {
    let searcher = index.searcher();
    let mut names = IndexedNames::default();
    for segment in searcher.segment_readers() {
        let fast = segment.fast_fields();
        let (Some(articles), Some(pairs)) = (fast.str(ARTICLE)?, fast.str(SPEAKER_PAIR)?) else {
            continue;
        };
        let pair_terms = all_terms(&pairs)?;
        // Which article ordinals are leaving, decided once per segment.
        let leaving_ords: Vec<bool> = all_terms(&articles)?
            .iter()
            .map(|id| leaving.contains(id.as_str()))
            .collect();
        let mut used = vec![0u64; pair_terms.len()];
        for doc in segment.doc_ids_alive() {
            let leaves = articles
                .term_ords(doc)
                .next()
                .is_some_and(|ord| leaving_ords[ord as usize]);
            if leaves {
                continue;
            }
            for ord in pairs.term_ords(doc) {
                used[ord as usize] += 1;
            }
        }
        for (term, n) in pair_terms.into_iter().zip(used) {
            if n == 0 {
                continue;
            }
            let (raw, canonical) = split_pair(&term);
            *names.counts.entry(raw.to_string()).or_default() += n;
            names.pairs.insert((raw.to_string(), canonical.to_string()));
        }
    }
    Ok(names)
}

/// The value of the pair field for a name as written and its canonical name.
pub(crate) fn pair(raw: &str, canonical: &str) -> String {
    format!("{raw}{PAIR_SEPARATOR}{canonical}")
}

pub(crate) fn split_pair(term: &str) -> (&str, &str) {
    term.split_once(PAIR_SEPARATOR).unwrap_or((term, term))
}

/// Every term of a string column, indexed by ordinal.
fn all_terms(column: &StrColumn) -> Result<Vec<String>> {
    let mut terms = Vec::with_capacity(column.num_terms());
    let mut stream = column.dictionary().stream().map_err(engine)?;
    while stream.advance() {
        terms.push(String::from_utf8_lossy(stream.key()).into_owned());
    }
    Ok(terms)
}

fn engine(e: std::io::Error) -> Error {
    Error::Engine(format!("reading the index: {e}"))
}
