//! The `whosaid` binary, run as a user runs it: in a temp dir, with `NO_COLOR` set and
//! `RUST_LOG` cleared, asserting stdout, stderr and the exit code separately.
//!
//! - `search`: the first run that builds the index, filters, dates, the JSON contract,
//!   stable ordering, bad queries (issue #2).
//! - `parse`: the raw seed articles, `--explain`, every input format (issue #2).
//! - `index`: incremental reindexing, bad inputs, the lock, a killed run, searches during a
//!   run, the schema version, exit codes (issue #4).
//!
//! Tests never touch the repository's `corpus/` or `index/`: they copy what they need.

#[path = "../common/mod.rs"]
mod common;
mod forgiving;
mod index;
mod parse;
mod robust;
mod search;

use std::collections::BTreeSet;
use std::path::Path;

use common::{Run, copy_corpus, whosaid};
use serde::Deserialize;
use serde_json::Value;

/// The sample corpus: article ids (from front matter), paragraphs and dates.
const ARTICLE_000: &str = "000_a5aa5458dad75b43";
const ARTICLE_002: &str = "002_8a3903543c9a21b0";
const PARAGRAPHS_000: usize = 11;
const PARAGRAPHS_002: usize = 16;
const SAMPLE_PARAGRAPHS: u64 = (PARAGRAPHS_000 + PARAGRAPHS_002) as u64;

/// One `search --json` line: the documented contract, nothing more.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)] // read by `Debug` and the contract test
struct Hit {
    article: String,
    title: Option<String>,
    source: Option<String>,
    author: Option<String>,
    url: Option<String>,
    date: Option<String>,
    paragraph: u64,
    section: Option<String>,
    speakers: Vec<String>,
    text: String,
    quotes: Vec<QuoteKeys>,
    snippet: String,
    score: f64,
    highlights: Vec<[usize; 2]>,
    snippet_highlights: Vec<[usize; 2]>,
}

/// One quotation of a hit: its words, their byte range in `text`, who says them.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct QuoteKeys {
    text: String,
    start: usize,
    end: usize,
    speaker: Option<String>,
}

/// Every key of a `search --json` line; serde would let an `Option` key be missing.
const HIT_KEYS: [&str; 15] = [
    "article",
    "title",
    "source",
    "author",
    "url",
    "date",
    "paragraph",
    "section",
    "speakers",
    "text",
    "quotes",
    "snippet",
    "score",
    "highlights",
    "snippet_highlights",
];

/// The one object `index --json` prints.
#[derive(Debug, Deserialize)]
struct Report {
    added: usize,
    updated: usize,
    deleted: usize,
    unchanged: usize,
    renamed: usize,
    failed: usize,
    paragraphs: usize,
    seconds: f64,
    errors: Vec<InputError>,
}

#[derive(Debug, Deserialize)]
struct InputError {
    path: String,
    message: String,
}

fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temp dir")
}

/// A temp dir holding the sample corpus indexed into `idx`.
fn indexed_sample() -> tempfile::TempDir {
    let tmp = tempdir();
    copy_corpus(tmp.path());
    index(tmp.path(), &["corpus", "--index", "idx"]).expect_code(0);
    tmp
}

/// `whosaid index ARGS --json`.
fn index(dir: &Path, args: &[&str]) -> Run {
    let mut all = vec!["index"];
    all.extend_from_slice(args);
    all.push("--json");
    whosaid(dir, &all)
}

/// The report of an `index --json` run that exited with `code`.
#[track_caller]
fn report(run: &Run, code: i32) -> Report {
    run.expect_code(code);
    let lines: Vec<Report> = run.json_lines();
    assert_eq!(lines.len(), 1, "one summary object: {run:#?}");
    lines.into_iter().next().expect("one line")
}

/// `whosaid search QUERY --json --limit 1000 --index idx` (exit 0 or 1), its hits.
#[track_caller]
fn search_idx(dir: &Path, query: &str) -> Vec<Hit> {
    let run = whosaid(
        dir,
        &[
            "search", query, "--json", "--limit", "1000", "--index", "idx",
        ],
    );
    assert!(matches!(run.code, Some(0 | 1)), "{query}: {run:#?}");
    assert_eq!(run.code == Some(1), run.stdout.is_empty(), "{run:#?}");
    run.json_lines()
}

/// The paragraph numbers the index holds for one article.
#[track_caller]
fn paragraphs_of(dir: &Path, article: &str) -> Vec<u64> {
    let hits = search_idx(dir, &format!("article:\"{article}\""));
    assert!(hits.iter().all(|h| h.article == article), "{hits:#?}");
    let mut numbers: Vec<u64> = hits.iter().map(|h| h.paragraph).collect();
    numbers.sort();
    numbers
}

/// Paragraphs in `idx` with a date (every article of the sample and generated corpora has
/// one), counted by `search '*' --count date`.
#[track_caller]
fn dated_paragraphs(dir: &Path) -> u64 {
    let run = whosaid(
        dir,
        &["search", "*", "--count", "date", "--json", "--index", "idx"],
    );
    assert!(matches!(run.code, Some(0 | 1)), "{run:#?}");
    let rows: Vec<Value> = run.json_lines();
    rows.iter()
        .map(|r| r["count"].as_u64().expect("a count"))
        .sum()
}

fn articles(hits: &[Hit]) -> BTreeSet<&str> {
    hits.iter().map(|h| h.article.as_str()).collect()
}
