//! The library's one error type. Each variant says what went wrong and, where the caller
//! can fix it, what to do next. Messages are lowercase with no final period; the
//! underlying cause is left to the error chain (`source()`).

use std::path::PathBuf;

/// Everything that can go wrong in whosaid.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The query text does not parse or names something unknown.
    #[error("bad query at column {column}: {message}")]
    BadQuery {
        /// 1-based column (in characters) where the problem is.
        column: usize,
        /// What is wrong and, where possible, how to write it instead.
        message: String,
    },
    /// A file or folder could not be read or written.
    #[error("cannot access {}", .path.display())]
    Io {
        /// The file or folder concerned.
        path: PathBuf,
        /// The operating system's error.
        #[source]
        source: std::io::Error,
    },
    /// Another process holds the index's writer lock.
    #[error("index is being updated by another process ({}); try again later", .0.display())]
    Locked(PathBuf),
    /// The index was built by a whosaid with another schema version.
    #[error(
        "index schema v{found}, this whosaid needs v{expected}; rebuild with `whosaid index --full`"
    )]
    SchemaMismatch {
        /// Schema version recorded in the index.
        found: u32,
        /// Schema version of this build.
        expected: u32,
    },
    /// The index was built by a newer whosaid, whose files this one cannot read.
    #[error(
        "index schema v{found} was written by a newer whosaid; this one reads up to v{supported}; upgrade whosaid (nothing was changed)"
    )]
    IndexTooNew {
        /// Schema version recorded in the index.
        found: u32,
        /// Newest schema version this build reads.
        supported: u32,
    },
    /// The folder is not a whosaid index and is not empty: whosaid leaves it alone.
    #[error("{} is not a whosaid index: {reason}; nothing was changed (choose a new or empty folder for an index)", .path.display())]
    ForeignFolder {
        /// The folder.
        path: PathBuf,
        /// What is there instead.
        reason: String,
    },
    /// There is no index in the folder.
    #[error("no index at {}; run `whosaid index` to build one", .0.display())]
    IndexMissing(PathBuf),
    /// The folder holds something that is not a readable whosaid index.
    #[error("index at {} is corrupt or unreadable: {reason}; rebuild it with `whosaid index --full --index {}`", .path.display(), .path.display())]
    IndexCorrupt {
        /// The index folder.
        path: PathBuf,
        /// What could not be read.
        reason: String,
    },
    /// An article could not be read or made sense of.
    #[error("{location}: {message}")]
    BadArticle {
        /// File, and line where known (`corpus/a.jsonl:3`).
        location: String,
        /// What is wrong with it.
        message: String,
    },
    /// An article id given by the caller is not in the index.
    #[error("no article with id `{0}` in the index")]
    UnknownArticle(String),
    /// An error inside the search engine library.
    #[error("search engine error: {0}")]
    Engine(String),
}

impl From<tantivy::TantivyError> for Error {
    fn from(error: tantivy::TantivyError) -> Self {
        // Kept as a string so that tantivy's types stay out of the public API.
        Error::Engine(error.to_string())
    }
}

impl Error {
    /// Wraps an I/O error with the path it concerns.
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

/// `Result` with whosaid's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
