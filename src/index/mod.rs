//! The [`Index`] handle: opening, creating and rebuilding an index folder, its schema
//! version, the writer lock, and the reader that searches see.
//!
//! Owns the index's life cycle and what a folder must hold before whosaid touches it: an
//! index of its own (rebuilt when an older whosaid made it), or nothing at all. Updating is
//! in [`crate::indexer`], searching in [`crate::search`]; both work through this handle.

mod directory;

use std::fs::{self, File, OpenOptions};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use tantivy::{IndexReader, ReloadPolicy, Searcher};

use directory::IndexDirectory;
pub(crate) use directory::remove_unreferenced;

use crate::error::{Error, Result};
use crate::schema::{self, Fields, SCHEMA_VERSION};

/// Name of the lock file that keeps to one writer at a time. Every index whosaid creates
/// has it from the start, so it also marks a folder as whosaid's.
pub(crate) const LOCK_FILE: &str = "whosaid.lock";

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
#[derive(Debug, Default, Serialize, Deserialize)]
pub(crate) struct CommitPayload {
    pub whosaid_schema: u32,
    /// Files (keys) indexed with some lines that could not be read: read again on every run,
    /// so that they are reported until they are fixed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub flawed: Vec<String>,
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index")
            .field("dir", &self.dir)
            .finish_non_exhaustive()
    }
}

/// What a folder holds, as far as opening an index is concerned.
#[derive(Debug, PartialEq, Eq)]
enum Folder {
    /// Nothing there yet.
    Missing,
    /// A folder with nothing in it but hidden files (`.gitignore`).
    Empty,
    /// A committed index (whosaid's or not: the payload tells).
    Index,
    /// whosaid's lock file and tantivy's files, but no commit: a creation that was killed.
    Unfinished,
    /// Something else: never touched.
    Foreign,
}

fn folder(dir: &Path) -> Result<Folder> {
    if !dir.exists() {
        return Ok(Folder::Missing);
    }
    ensure_folder(dir)?;
    if has_index(dir) {
        return Ok(Folder::Index);
    }
    let mut ours = false;
    let mut other = false;
    for entry in fs::read_dir(dir).map_err(|e| Error::io(dir, e))? {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name == LOCK_FILE {
            ours = true;
        } else if !(name.starts_with('.') || is_tantivy_file(&name)) {
            other = true;
        }
    }
    Ok(match (ours, other) {
        (_, true) => Folder::Foreign,
        (true, false) => Folder::Unfinished,
        (false, false) => Folder::Empty,
    })
}

fn is_tantivy_file(name: &str) -> bool {
    name.len() > 33
        && name.as_bytes()[32] == b'.'
        && name.as_bytes()[..32].iter().all(u8::is_ascii_hexdigit)
}

impl Index {
    /// Opens the index in `dir` (which may be read-only).
    ///
    /// # Errors
    /// [`Error::IndexMissing`] when `dir` holds no index, [`Error::SchemaMismatch`] when an
    /// older whosaid built it, [`Error::IndexTooNew`] when a newer one did,
    /// [`Error::ForeignFolder`] when it is not a whosaid index, [`Error::IndexCorrupt`] when
    /// it cannot be read.
    pub fn open(dir: impl AsRef<Path>) -> Result<Index> {
        let dir = dir.as_ref();
        match folder(dir)? {
            Folder::Index => {}
            Folder::Foreign => {
                return Err(Error::ForeignFolder {
                    path: dir.to_path_buf(),
                    reason: "it holds files but no whosaid index".into(),
                });
            }
            _ => return Err(Error::IndexMissing(dir.to_path_buf())),
        }
        let corrupt = |reason: String| Error::IndexCorrupt {
            path: dir.to_path_buf(),
            reason,
        };
        let directory = IndexDirectory::open(dir).map_err(|e| corrupt(e.to_string()))?;
        let inner = tantivy::Index::open(directory).map_err(|e| corrupt(e.to_string()))?;
        check_version(dir, &inner)?;
        Index::wrap(inner, Some(dir.to_path_buf()))
    }

    /// Opens the index in `dir`, creating an empty one (and the folder) if there is none.
    /// A folder that holds anything but hidden files and no index is never touched.
    ///
    /// # Errors
    /// As [`Index::open`], plus [`Error::Io`] when the folder cannot be created.
    pub fn open_or_create(dir: impl AsRef<Path>) -> Result<Index> {
        let dir = dir.as_ref();
        match folder(dir)? {
            Folder::Index | Folder::Foreign => Index::open(dir),
            Folder::Missing | Folder::Empty | Folder::Unfinished => {
                fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
                let _lock = WriterLock::acquire(dir)?;
                match folder(dir)? {
                    // Another process created it meanwhile: use theirs.
                    Folder::Index => Index::open(dir),
                    _ => Index::create_locked(dir),
                }
            }
        }
    }

    /// Throws away the index in `dir` and creates an empty one: for an index an older whosaid
    /// built, or one whosaid made that cannot be read any more. Anything else is refused.
    ///
    /// # Errors
    /// [`Error::ForeignFolder`] when the folder is not whosaid's, [`Error::IndexTooNew`] when
    /// a newer whosaid built it, [`Error::Locked`] when another process is updating it,
    /// [`Error::Io`] on file errors.
    pub fn recreate(dir: impl AsRef<Path>) -> Result<Index> {
        let dir = dir.as_ref();
        if folder(dir)? == Folder::Index {
            match Index::open(dir) {
                Ok(_) | Err(Error::SchemaMismatch { .. }) => {}
                // A corrupt index whosaid made (its lock file is there) may be rebuilt.
                Err(Error::IndexCorrupt { .. }) if dir.join(LOCK_FILE).is_file() => {}
                Err(e) => return Err(e),
            }
        } else if folder(dir)? == Folder::Foreign {
            return Index::open(dir); // the error that says why
        }
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
            let is_tantivy = is_tantivy_file(&name)
                || matches!(
                    name.as_str(),
                    ".managed.json" | ".tantivy-meta.lock" | ".tantivy-writer.lock"
                );
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
        let directory = IndexDirectory::open(dir).map_err(|e| Error::IndexCorrupt {
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
        commit.set_payload(&payload(Vec::new()));
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

    /// Removes what killed or failed runs left in the folder; needs the writer lock.
    pub(crate) fn remove_leftovers(&self) -> Result<()> {
        if let Some(dir) = &self.dir {
            remove_unreferenced(dir, &self.inner)?;
        }
        Ok(())
    }

    /// After a failed run: removes what it wrote until nothing more appears. A merge tantivy
    /// started before the failure may still be writing its segment for a moment after the
    /// writer is gone (nothing waits for it), so one pass could miss its files.
    pub(crate) fn remove_leftovers_settled(&self) -> Result<()> {
        let Some(dir) = &self.dir else {
            return Ok(());
        };
        for _ in 0..SETTLE_PASSES {
            if remove_unreferenced(dir, &self.inner)? == 0 {
                std::thread::sleep(SETTLE_PAUSE);
                if remove_unreferenced(dir, &self.inner)? == 0 {
                    break;
                }
            }
            std::thread::sleep(SETTLE_PAUSE);
        }
        Ok(())
    }
}

/// How often, and how far apart, a failed run looks again for files a merge wrote late.
pub(crate) const SETTLE_PASSES: usize = 100;
pub(crate) const SETTLE_PAUSE: std::time::Duration = std::time::Duration::from_millis(20);

/// The commit payload recording this build's schema version and the flawed files.
pub(crate) fn payload(flawed: Vec<String>) -> String {
    serde_json::to_string(&CommitPayload {
        whosaid_schema: SCHEMA_VERSION,
        flawed,
    })
    .expect("the payload always serialises")
}

impl Index {
    /// What the last commit recorded.
    pub(crate) fn payload(&self) -> Result<CommitPayload> {
        let metas = self.inner.load_metas()?;
        Ok(metas
            .payload
            .as_deref()
            .and_then(|p| serde_json::from_str(p).ok())
            .unwrap_or_default())
    }
}

/// Refuses an index whosaid did not make or made with another schema.
fn check_version(dir: &Path, index: &tantivy::Index) -> Result<()> {
    let metas = index.load_metas().map_err(|e| Error::IndexCorrupt {
        path: dir.to_path_buf(),
        reason: e.to_string(),
    })?;
    let found = metas
        .payload
        .as_deref()
        .and_then(|p| serde_json::from_str::<CommitPayload>(p).ok())
        .map(|p| p.whosaid_schema);
    match found {
        // whosaid's first schema recorded no payload, but always had its lock file.
        None if dir.join(LOCK_FILE).is_file() => Err(Error::SchemaMismatch {
            found: 0,
            expected: SCHEMA_VERSION,
        }),
        None => Err(Error::ForeignFolder {
            path: dir.to_path_buf(),
            reason: "it holds a search index that whosaid did not make".into(),
        }),
        Some(v) if v < SCHEMA_VERSION => Err(Error::SchemaMismatch {
            found: v,
            expected: SCHEMA_VERSION,
        }),
        Some(v) if v > SCHEMA_VERSION => Err(Error::IndexTooNew {
            found: v,
            supported: SCHEMA_VERSION,
        }),
        Some(_) => Ok(()),
    }
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
