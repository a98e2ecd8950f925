//! whosaid: a search engine for news that knows who said what, and when.
//!
//! Point it at news articles (plain text or Markdown, with or without front matter, or JSON
//! Lines). Each article is split into paragraphs; each paragraph gets its **speakers** (the
//! named persons whose words it carries, even where the text says only "he" or "the
//! president") and its **date**; and each paragraph becomes one document of a
//! [tantivy](https://docs.rs/tantivy) index that answers ranked queries such as
//! `speaker:Zelensky ceasefire` or `date:[2025-03-01 TO 2025-03-31]`.
//!
//! # The pipeline
//!
//! - [`article`]: text -> [`Article`] (front matter, header block, headings, paragraphs).
//! - [`dates`]: date strings -> [`Date`], never guessing a missing year.
//! - [`attribution`]: paragraphs -> [`Speaker`]s, with the cue behind each.
//! - [`speakers`]: one name per person across the corpus (spelling variants, aliases).
//! - [`Index`]: open or create an index; [`Index::update`] indexes incrementally,
//!   [`Index::search`] ranks, [`Index::count_by_speaker`] and [`Index::count_by_date`] count.
//! - [`output`]: hits and paragraphs as text for people or JSON Lines for programs.
//!
//! The `whosaid` binary is a thin shell over this API.
//!
//! # Quick start
//!
//! ```
//! use whosaid::{Article, Index, Input, SearchRequest, UpdateOptions};
//!
//! let dir = tempfile::tempdir()?;
//! let index = Index::open_or_create(dir.path())?;
//! let article = Article::new("talks-1")
//!     .with_title("Ceasefire talks")
//!     .with_paragraph("Ukrainian President Volodymyr Zelensky arrived in Paris on Monday.")
//!     .with_paragraph("\"We want a real ceasefire, not a pause,\" he told reporters.");
//! let report = index.update(
//!     vec![Input::Articles { name: "example".into(), articles: vec![article] }],
//!     &UpdateOptions::default(),
//! )?;
//! assert_eq!(report.added, 1);
//!
//! let results = index.search(&SearchRequest::new("speaker:Zelensky ceasefire"))?;
//! let top = &results.hits[0];
//! assert_eq!(top.speakers, ["Volodymyr Zelensky"]);
//! assert_eq!(top.paragraph, 1);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Errors and threads
//!
//! Every fallible call returns [`Error`], one enum whose variants say what happened and what
//! to do. The library never prints, never exits and does not panic on input. An [`Index`] is
//! `Send + Sync`: share it (in an `Arc`) and search from many threads while one of them
//! updates it.
#![warn(missing_docs)]

pub mod article;
pub mod attribution;
pub mod dates;
mod error;
mod index;
mod indexer;
pub mod model;
pub mod output;
mod query;
mod schema;
mod search;
pub mod speakers;

use std::path::Path;

pub use article::{ReadOptions, Source};
pub use dates::Date;
pub use error::{Error, Result};
pub use index::Index;
pub use indexer::{IndexReport, Input, InputError, Progress, ProgressFn, UpdateOptions};
pub use model::{Article, Cue, CueKind, Diagnostic, Paragraph, Quotation, Speaker};
pub use schema::SCHEMA_VERSION;
pub use search::{
    Bucket, Context, Facet, Hit, MAX_LIMIT, Period, SearchRequest, SearchResults, Snippet, Sort,
};

/// Reads, splits and attributes the articles under `paths` (files or folders), exactly as
/// [`Index::update`] would index them, without touching any index. Speaker names are made
/// canonical across all of them, with each folder's `speakers.toml` aliases.
///
/// Files that cannot be read are reported in the diagnostics and skipped.
///
/// # Errors
/// [`Error::Io`] when a path does not exist.
pub fn parse_paths(paths: &[impl AsRef<Path>], options: &ReadOptions) -> Result<Source> {
    let inputs = paths
        .iter()
        .map(|p| Input::Path(p.as_ref().to_path_buf()))
        .collect();
    let (articles, report) = indexer::parse_inputs(inputs, options, None)?;
    Ok(source_of(articles, report))
}

impl Index {
    /// Reads and attributes `inputs` as [`Index::update`] would, without changing the
    /// index: speaker names are made canonical together with the names the index holds,
    /// so what this shows is what an update would store.
    ///
    /// # Errors
    /// As [`parse_paths`], plus [`Error::Engine`] when the index cannot be read.
    pub fn parse(&self, inputs: Vec<Input>, options: &ReadOptions) -> Result<Source> {
        let (articles, report) = indexer::parse_inputs(inputs, options, Some(self))?;
        Ok(source_of(articles, report))
    }
}

fn source_of(articles: Vec<Article>, report: IndexReport) -> Source {
    let mut source = Source::of(articles);
    let diagnostic = |e: indexer::InputError, is_error| Diagnostic {
        location: e.path,
        message: e.message,
        is_error,
    };
    source
        .diagnostics
        .extend(report.errors.into_iter().map(|e| diagnostic(e, true)));
    source
        .diagnostics
        .extend(report.warnings.into_iter().map(|e| diagnostic(e, false)));
    source
}
