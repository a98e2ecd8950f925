//! Drives whosaid through its public API only, as a library user would: opening and
//! creating indexes, incremental updates from code, files and JSON Lines, typed searches,
//! counts, parsing without an index, errors, and sharing an `Index` between threads.
//!
//! Every test works in its own temp dir or in RAM.

mod counts;
mod errors;
mod open;
mod parse;
mod quotes;
mod search;
mod threads;
mod update;

use std::fs::{self, OpenOptions};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::thread;
use std::time::{Duration, Instant};

use whosaid::article::{self, ReadOptions};
use whosaid::{
    Article, Date, Error, Hit, Index, IndexReport, Input, Progress, SCHEMA_VERSION, SearchRequest,
    Sort, UpdateOptions, attribution,
};

fn date(y: i32, m: u8, d: u8) -> Date {
    Date::new(y, m, d).expect("a valid test date")
}

/// A small hand-made corpus whose speakers, dates and sources the tests count on.
///
/// | article     | date       | source        | paragraphs (speakers)                     |
/// |-------------|------------|---------------|-------------------------------------------|
/// | harbour-1   | 2025-03-01 | Daily Planet  | Jane Roe; Omar Haddad                     |
/// | harbour-2   | 2025-03-05 | Evening Star  | Jane Roe; (none)                          |
/// | harvest-1   | 2025-03-10 | Daily Planet  | Mary Major; Jane Roe                      |
/// | undated     | none       | none          | Omar Haddad                               |
fn corpus() -> Vec<Article> {
    vec![
        Article::new("harbour-1")
            .with_title("Harbour strike enters second week")
            .with_source("Daily Planet")
            .with_date(date(2025, 3, 1))
            .with_paragraph("\"The ceasefire at the harbour must hold,\" said Jane Roe.")
            .with_paragraph(
                "\"We will not unload a single ship until we are paid,\" said Omar Haddad.",
            ),
        Article::new("harbour-2")
            .with_title("Dockers and owners meet again")
            .with_source("Evening Star")
            .with_date(date(2025, 3, 5))
            .with_paragraph("\"Talks on a ceasefire resume on Monday,\" said Jane Roe.")
            .with_paragraph("Rain fell all week across the harbour and the empty quays."),
        Article::new("harvest-1")
            .with_title("A good year for orchards")
            .with_source("Daily Planet")
            .with_date(date(2025, 3, 10))
            .with_paragraph("\"The apple harvest was the best in a decade,\" said Mary Major.")
            .with_paragraph("\"Prices will fall before the ceasefire talks end,\" said Jane Roe."),
        Article::new("undated")
            .with_title("Letter from the quays")
            .with_paragraph("\"Nobody asked the dockers,\" said Omar Haddad."),
    ]
}

fn articles(name: &str, articles: Vec<Article>) -> Vec<Input> {
    vec![Input::Articles {
        name: name.into(),
        articles,
    }]
}

fn update(index: &Index, inputs: Vec<Input>) -> IndexReport {
    index
        .update(inputs, &UpdateOptions::default())
        .expect("update succeeds")
}

fn corpus_index() -> Index {
    let index = Index::create_in_ram();
    let report = update(&index, articles("test", corpus()));
    assert_eq!(report.added, 4, "{report:?}");
    index
}

fn search(index: &Index, request: SearchRequest) -> Vec<Hit> {
    index.search(&request).expect("search succeeds").hits
}

/// `article#paragraph` of each hit, in order.
fn ids(hits: &[Hit]) -> Vec<String> {
    hits.iter()
        .map(|h| format!("{}#{}", h.article, h.paragraph))
        .collect()
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

fn write(path: &Path, text: &str) {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(path, text).unwrap();
}

/// `n` generated articles, each with `paragraphs` quoted paragraphs, all mentioning `word`.
fn generated(prefix: &str, n: usize, paragraphs: usize, word: &str) -> Vec<Article> {
    (0..n)
        .map(|i| {
            let mut a = Article::new(format!("{prefix}-{i:05}"))
                .with_title(format!("Bulletin {i}"))
                .with_date(date(2024, 1 + (i % 12) as u8, 1 + (i % 28) as u8));
            for p in 0..paragraphs {
                a = a.with_paragraph(format!(
                    "\"Item {p} of bulletin {i} is about the {word},\" said Jane Roe."
                ));
            }
            a
        })
        .collect()
}
