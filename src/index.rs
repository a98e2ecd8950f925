//! The [`Index`] handle: opening, creating and rebuilding an index folder, its schema
//! version, the writer lock, and the reader that searches see.
//!
//! Owns the index's life cycle. Updating is in [`crate::indexer`], searching in
//! [`crate::search`]; both work through this handle.

use std::fs::{self, File, OpenOptions};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use tantivy::directory::MmapDirectory;
use tantivy::{IndexReader, ReloadPolicy, Searcher};

use crate::error::{Error, Result};
use crate::schema::{self, Fields, SCHEMA_VERSION};

/// Name of the lock file that keeps to one writer at a time.
const LOCK_FILE: &str = "whosaid.lock";

/// An open whosaid index: searchable from many threads at once (`Send + Sync`).
///
/// Searches see the index as of the last reload. The reader reloads by itself shortly after
/// any commit, including commits by other processes; [`Index::reload`] makes a new commit
/// visible at once. An update made through this handle reloads before it returns.
pub struct Index {
    dir: Option<PathBuf>,
    pub(crate) inner: tantivy::Index,
    pub(crate) fields: Fields,
    reader: IndexReader,
}

/// What whosaid records in each commit.
#[derive(Debug, Serialize, Deserialize)]
struct CommitPayload {
    whosaid_schema: u32,
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index")
            .field("dir", &self.dir)
            .finish_non_exhaustive()
    }
}

impl Index {
    /// Opens the index in `dir`.
    ///
    /// # Errors
    /// [`Error::IndexMissing`] when `dir` holds no index, [`Error::SchemaMismatch`] when it
    /// was built by a whosaid with another schema, [`Error::IndexCorrupt`] when it cannot be
    /// read.
    pub fn open(dir: impl AsRef<Path>) -> Result<Index> {
        let dir = dir.as_ref();
        if !has_index(dir) {
            return Err(Error::IndexMissing(dir.to_path_buf()));
        }
        let corrupt = |reason: String| Error::IndexCorrupt {
            path: dir.to_path_buf(),
            reason,
        };
        let inner = tantivy::Index::open_in_dir(dir).map_err(|e| corrupt(e.to_string()))?;
        let found = recorded_version(&inner).map_err(corrupt)?;
        if found != SCHEMA_VERSION {
            return Err(Error::SchemaMismatch {
                found,
                expected: SCHEMA_VERSION,
            });
        }
        Index::wrap(inner, Some(dir.to_path_buf()))
    }

    /// Opens the index in `dir`, creating an empty one (and the folder) if there is none.
    ///
    /// # Errors
    /// As [`Index::open`], plus [`Error::Io`] when the folder cannot be created.
    pub fn open_or_create(dir: impl AsRef<Path>) -> Result<Index> {
        let dir = dir.as_ref();
        ensure_folder(dir)?;
        if has_index(dir) {
            return Index::open(dir);
        }
        fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        let _lock = WriterLock::acquire(dir)?;
        if has_index(dir) {
            // Another process created it while we waited for nothing: use theirs.
            return Index::open(dir);
        }
        Index::create_locked(dir)
    }

    /// Throws away whatever index is in `dir` and creates an empty one: for schema changes
    /// and corrupt indexes.
    ///
    /// # Errors
    /// [`Error::Locked`] when another process is updating it, [`Error::Io`] on file errors.
    pub fn recreate(dir: impl AsRef<Path>) -> Result<Index> {
        let dir = dir.as_ref();
        ensure_folder(dir)?;
        fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        let _lock = WriterLock::acquire(dir)?;
        // meta.json first: a kill after this leaves "no index", never a half-old one.
        let meta = dir.join("meta.json");
        if meta.exists() {
            fs::remove_file(&meta).map_err(|e| Error::io(&meta, e))?;
        }
        for entry in fs::read_dir(dir).map_err(|e| Error::io(dir, e))? {
            let entry = entry.map_err(|e| Error::io(dir, e))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let is_tantivy = name.ends_with(".idx")
                || name.ends_with(".pos")
                || name.ends_with(".term")
                || name.ends_with(".store")
                || name.ends_with(".fast")
                || name.ends_with(".fieldnorm")
                || name.ends_with(".del")
                || name == ".managed.json"
                || name == ".tantivy-meta.lock"
                || name == ".tantivy-writer.lock";
            if is_tantivy && entry.path().is_file() {
                fs::remove_file(entry.path()).map_err(|e| Error::io(entry.path(), e))?;
            }
        }
        Index::create_locked(dir)
    }

    /// A new, empty index in memory: for tests and short-lived tools.
    pub fn create_in_ram() -> Index {
        let (schema, _) = schema::build();
        let inner = tantivy::Index::create_in_ram(schema);
        Index::initialise(inner, None).expect("a new in-memory index can always be committed")
    }

    fn create_locked(dir: &Path) -> Result<Index> {
        let (schema, _) = schema::build();
        let directory = MmapDirectory::open(dir).map_err(|e| Error::IndexCorrupt {
            path: dir.to_path_buf(),
            reason: e.to_string(),
        })?;
        let inner = tantivy::Index::create(directory, schema, Default::default())?;
        Index::initialise(inner, Some(dir.to_path_buf()))
    }

    /// Records the schema version with a first, empty commit.
    fn initialise(inner: tantivy::Index, dir: Option<PathBuf>) -> Result<Index> {
        schema::register_tokenizers(&inner);
        let mut writer: tantivy::IndexWriter = inner.writer_with_num_threads(1, 15_000_000)?;
        let mut commit = writer.prepare_commit()?;
        commit.set_payload(&payload());
        commit.commit()?;
        writer.wait_merging_threads()?;
        Index::wrap(inner, dir)
    }

    fn wrap(inner: tantivy::Index, dir: Option<PathBuf>) -> Result<Index> {
        schema::register_tokenizers(&inner);
        let fields = schema::fields_of(&inner.schema()).map_err(|e| Error::IndexCorrupt {
            path: dir.clone().unwrap_or_default(),
            reason: e.to_string(),
        })?;
        let reader = inner
            .reader_builder()
            .reload_policy(if dir.is_some() {
                ReloadPolicy::OnCommitWithDelay
            } else {
                ReloadPolicy::Manual
            })
            .try_into()?;
        Ok(Index {
            dir,
            inner,
            fields,
            reader,
        })
    }

    /// The folder of the index, or `None` for an index in memory.
    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    /// Makes the latest commit visible to searches now, instead of shortly after.
    ///
    /// # Errors
    /// [`Error::Engine`] when the index files cannot be read.
    pub fn reload(&self) -> Result<()> {
        Ok(self.reader.reload()?)
    }

    /// Number of paragraphs searches see.
    pub fn num_paragraphs(&self) -> u64 {
        self.searcher().num_docs()
    }

    pub(crate) fn searcher(&self) -> Searcher {
        self.reader.searcher()
    }

    /// Takes the writer lock (a no-op guard for in-memory indexes).
    pub(crate) fn lock(&self) -> Result<Option<WriterLock>> {
        self.dir.as_deref().map(WriterLock::acquire).transpose()
    }
}

/// The commit payload recording this build's schema version.
pub(crate) fn payload() -> String {
    serde_json::to_string(&CommitPayload {
        whosaid_schema: SCHEMA_VERSION,
    })
    .expect("the payload always serialises")
}

fn recorded_version(index: &tantivy::Index) -> std::result::Result<u32, String> {
    let metas = index.load_metas().map_err(|e| e.to_string())?;
    // An index without a whosaid payload predates versioning: version 0.
    Ok(metas
        .payload
        .as_deref()
        .and_then(|p| serde_json::from_str::<CommitPayload>(p).ok())
        .map_or(0, |p| p.whosaid_schema))
}

/// An index path that exists must be a folder.
fn ensure_folder(dir: &Path) -> Result<()> {
    if dir.exists() && !dir.is_dir() {
        let source = std::io::Error::new(
            std::io::ErrorKind::AlreadyExists,
            "a file is in the way; an index is a folder",
        );
        return Err(Error::io(dir, source));
    }
    Ok(())
}

/// True if `dir` holds a committed index.
pub(crate) fn has_index(dir: &Path) -> bool {
    dir.join("meta.json").is_file()
}

/// An exclusive lock on an index folder, held while updating. The operating system drops it
/// when the process ends, however it ends, so a killed run never blocks the next.
#[derive(Debug)]
pub(crate) struct WriterLock {
    _file: File,
}

impl WriterLock {
    pub(crate) fn acquire(dir: &Path) -> Result<WriterLock> {
        let path = dir.join(LOCK_FILE);
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| Error::io(&path, e))?;
        match file.try_lock() {
            Ok(()) => Ok(WriterLock { _file: file }),
            Err(std::fs::TryLockError::WouldBlock) => Err(Error::Locked(dir.to_path_buf())),
            Err(std::fs::TryLockError::Error(e)) => Err(Error::io(&path, e)),
        }
    }
}
