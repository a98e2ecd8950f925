//! The index folder on disk: tantivy's memory-mapped directory, made to serve searches from
//! a folder the searcher may not write to, and the removal of files no commit refers to.

use std::collections::HashSet;
use std::fs::{File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tantivy::directory::error::{DeleteError, LockError, OpenReadError, OpenWriteError};
use tantivy::directory::{
    Directory, DirectoryLock, FileHandle, Lock, MmapDirectory, WatchCallback, WatchHandle, WritePtr,
};
use tantivy::index::SegmentComponent;

/// tantivy's [`MmapDirectory`], except that a lock file which cannot be created because the
/// folder is read-only does not stop a search: nobody can write to such a folder, so there
/// is no writer to guard against.
#[derive(Debug, Clone)]
pub(crate) struct IndexDirectory {
    inner: MmapDirectory,
    root: PathBuf,
}

impl IndexDirectory {
    pub(crate) fn open(root: &Path) -> tantivy::Result<IndexDirectory> {
        let inner = MmapDirectory::open(root).map_err(|e| {
            tantivy::TantivyError::SystemError(format!("cannot open {}: {e}", root.display()))
        })?;
        Ok(IndexDirectory {
            inner,
            root: root.to_path_buf(),
        })
    }
}

/// A lock that holds nothing: for a folder nobody can write to.
struct NoLock;

/// A shared lock on an existing lock file, taken through a read-only handle.
struct SharedLock {
    _file: File,
}

fn is_read_only(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem
    )
}

impl Directory for IndexDirectory {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        self.inner.get_file_handle(path)
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        self.inner.delete(path)
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.inner.exists(path)
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        self.inner.open_write(path)
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.inner.atomic_read(path)
    }

    fn atomic_write(&self, path: &Path, data: &[u8]) -> io::Result<()> {
        self.inner.atomic_write(path, data)
    }

    fn sync_directory(&self) -> io::Result<()> {
        self.inner.sync_directory()
    }

    fn watch(&self, watch_callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.inner.watch(watch_callback)
    }

    fn acquire_lock(&self, lock: &Lock) -> Result<DirectoryLock, LockError> {
        match self.inner.acquire_lock(lock) {
            Err(LockError::IoError(e)) if is_read_only(&e) && lock.is_blocking => {
                // The meta lock only keeps a writer's garbage collection from deleting files
                // a reader is opening. Share an existing lock file if there is one.
                let path = self.root.join(&lock.filepath);
                match OpenOptions::new().read(true).open(&path) {
                    Ok(file) => {
                        file.lock_shared()
                            .map_err(|e| LockError::IoError(Arc::new(e)))?;
                        Ok(DirectoryLock::from(Box::new(SharedLock { _file: file })))
                    }
                    Err(_) => Ok(DirectoryLock::from(Box::new(NoLock))),
                }
            }
            other => other,
        }
    }
}

/// The files the last commit of `index` uses, relative to its folder.
fn living_files(index: &tantivy::Index) -> tantivy::Result<HashSet<PathBuf>> {
    let mut files = HashSet::new();
    for segment in index.searchable_segment_metas()? {
        for component in [
            SegmentComponent::Postings,
            SegmentComponent::Positions,
            SegmentComponent::Terms,
            SegmentComponent::Store,
            SegmentComponent::FastFields,
            SegmentComponent::FieldNorms,
        ] {
            files.insert(segment.relative_path(component));
        }
        if segment.has_deletes() {
            files.insert(segment.relative_path(SegmentComponent::Delete));
        }
    }
    Ok(files)
}

/// A segment file's name: 32 hexadecimal digits, a dot, then its component.
fn is_segment_file(name: &str) -> bool {
    name.len() > 33
        && name.as_bytes()[32] == b'.'
        && name.as_bytes()[..32].iter().all(u8::is_ascii_hexdigit)
}

/// Deletes the segment files no commit refers to: what a killed or failed run left behind
/// (a half-written segment, an uncommitted `.del` file whose name the next run would need,
/// the partial files of a full disk). Call only with the writer lock held.
///
/// Returns the number of files removed.
pub(crate) fn remove_unreferenced(dir: &Path, index: &tantivy::Index) -> crate::Result<usize> {
    let living = living_files(index)?;
    let mut removed = 0;
    let entries = std::fs::read_dir(dir).map_err(|e| crate::Error::io(dir, e))?;
    for entry in entries {
        let entry = entry.map_err(|e| crate::Error::io(dir, e))?;
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if is_segment_file(name) && !living.contains(Path::new(name)) {
            let path = entry.path();
            match std::fs::remove_file(&path) {
                Ok(()) => removed += 1,
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(e) => return Err(crate::Error::io(path, e)),
            }
        }
    }
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segment_file_names() {
        assert!(is_segment_file("0a1b2c3d4e5f60718293a4b5c6d7e8f9.idx"));
        assert!(is_segment_file("0a1b2c3d4e5f60718293a4b5c6d7e8f9.12.del"));
        assert!(!is_segment_file("meta.json"));
        assert!(!is_segment_file(".managed.json"));
        assert!(!is_segment_file("whosaid.lock"));
        assert!(!is_segment_file("0a1b2c3d4e5f60718293a4b5c6d7e8fz.idx"));
    }
}
