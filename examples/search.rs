//! Search from code: build an index of the sample corpus, run a few queries with typed
//! options, and print the hits and who said what.
//!
//! ```text
//! cargo run --example search                     # the built-in queries
//! cargo run --example search -- 'speaker:Trump'  # your own query
//! ```
//!
//! The index is built from `corpus/` (next to `Cargo.toml`) into a temp dir that is removed
//! on exit, so the example never touches an index of yours.

use std::error::Error;
use std::path::Path;
use std::process::ExitCode;

use whosaid::{Date, Hit, Index, Input, SearchRequest, Sort, UpdateOptions};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // Display, not Debug: whosaid's messages say what is wrong and what to do.
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), Box<dyn Error>> {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let dir = tempfile::tempdir()?;
    let index = Index::open_or_create(dir.path())?;
    let report = index.update(vec![Input::Path(corpus.clone())], &UpdateOptions::default())?;
    println!(
        "indexed {} articles ({} paragraphs) from {}",
        report.added,
        report.paragraphs,
        corpus.display()
    );
    for error in &report.errors {
        eprintln!("skipped {}: {}", error.path, error.message);
    }

    let requests = match std::env::args().nth(1) {
        Some(query) => vec![SearchRequest::new(query)],
        None => vec![
            SearchRequest::new("Putin AND ceasefire").limit(3),
            SearchRequest::new("speaker:Zelensky").limit(3),
            // The same filters as `date:[2025-03-01 TO 2025-03-31]`, typed.
            SearchRequest::new("Trump")
                .dates(Date::new(2025, 3, 1), Date::new(2025, 3, 31))
                .sort(Sort::Newest)
                .limit(3),
        ],
    };
    for request in &requests {
        show(&index, request)?;
    }
    Ok(())
}

/// Prints one search: its hits, then who speaks in all its matching paragraphs.
fn show(index: &Index, request: &SearchRequest) -> Result<(), Box<dyn Error>> {
    let results = index.search(request)?;
    println!();
    println!(
        "== {:?} ({} matching paragraphs, showing {})",
        request.query,
        results.total,
        results.hits.len()
    );
    for (i, hit) in results.hits.iter().enumerate() {
        let date = hit.date.map_or("no date".to_string(), |d| d.to_string());
        let speakers = if hit.speakers.is_empty() {
            "no speaker".to_string()
        } else {
            hit.speakers.join(", ")
        };
        println!(
            "{:>2}. [{:.2}] {date} · {speakers} · {}#{}",
            request.offset + i + 1,
            hit.score,
            hit.article,
            hit.paragraph
        );
        println!("    {}", marked(hit));
    }
    let counts = index.count_by_speaker(request)?;
    if !counts.is_empty() {
        let counts: Vec<String> = counts.iter().map(|(n, c)| format!("{n} ({c})")).collect();
        println!("   speakers: {}", counts.join(", "));
    }
    Ok(())
}

/// The hit's snippet with each matched word in `[brackets]`. `snippet_highlights` are byte
/// ranges into the snippet's own text (passages joined with ` … `).
fn marked(hit: &Hit) -> String {
    let snippet = &hit.snippet;
    let mut out = String::new();
    let mut at = 0;
    for range in &snippet.snippet_highlights {
        out.push_str(&snippet.text[at..range.start]);
        out.push('[');
        out.push_str(&snippet.text[range.clone()]);
        out.push(']');
        at = range.end;
    }
    out.push_str(&snippet.text[at..]);
    if snippet.range.start > 0 {
        out.insert(0, '…');
    }
    if snippet.range.end < hit.text.len() {
        out.push('…');
    }
    out
}
