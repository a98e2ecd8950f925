//! Finding article files under a folder: each real file once, in sorted order.
//!
//! Links are followed, as a reader of the folder would, but a folder reached twice (a link
//! loop, or two links to one place) is walked once, so that no article is indexed twice and
//! no arrangement of links makes the walk explode. What is not a regular file (a FIFO, a
//! device, a socket) is skipped with a warning, and a folder that cannot be listed is
//! reported and skipped: the rest of the walk goes on.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::Format;
use crate::error::{Error, Result};
use crate::model::Diagnostic;

/// What a walk found.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct Walk {
    /// Article files (known extensions), sorted.
    pub files: Vec<PathBuf>,
    /// Folders that could not be listed, and entries that could not be looked at (a
    /// dangling link): what an earlier run indexed from them is kept.
    pub unreadable: Vec<PathBuf>,
    /// What was skipped and why: errors for unreadable folders, warnings for the rest.
    pub problems: Vec<Diagnostic>,
}

/// Article files under `path` (itself if it is a file): recursive, hidden entries and unknown
/// extensions skipped, sorted so that every run sees the same order.
///
/// # Errors
/// [`Error::Io`] when `path` itself cannot be read. Problems below it are in
/// [`Walk::problems`].
pub fn discover(path: &Path) -> Result<Walk> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    let mut walk = Walk::default();
    if !meta.is_dir() {
        walk.files.push(path.to_path_buf());
        return Ok(walk);
    }
    let mut seen_dirs: HashSet<FileId> = HashSet::new();
    let mut seen_files: HashSet<FileId> = HashSet::new();
    let mut entries = walkdir::WalkDir::new(path)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter();
    while let Some(entry) = entries.next() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                record_error(&mut walk, path, e);
                continue;
            }
        };
        let hidden = entry.depth() > 0 && entry.file_name().to_string_lossy().starts_with('.');
        let file_type = entry.file_type();
        if hidden {
            if file_type.is_dir() {
                entries.skip_current_dir();
            }
            continue;
        }
        let id = entry.metadata().ok().and_then(|m| file_id(&m));
        if file_type.is_dir() {
            if let Some(id) = id
                && !seen_dirs.insert(id)
            {
                // Reached again through another link: its files are already listed.
                entries.skip_current_dir();
            }
            continue;
        }
        if Format::of(entry.path()).is_none() {
            continue;
        }
        if !file_type.is_file() {
            walk.problems.push(Diagnostic {
                location: entry.path().display().to_string(),
                message: format!("skipped: {}, not a regular file", kind(&file_type)),
                is_error: false,
            });
            continue;
        }
        if let Some(id) = id
            && !seen_files.insert(id)
        {
            continue; // the same file through another link
        }
        walk.files.push(entry.into_path());
    }
    walk.files.sort();
    Ok(walk)
}

fn record_error(walk: &mut Walk, root: &Path, e: walkdir::Error) {
    let at = e.path().unwrap_or(root).to_path_buf();
    if let Some(ancestor) = e.loop_ancestor() {
        walk.problems.push(Diagnostic {
            location: at.display().to_string(),
            message: format!(
                "skipped: a link loop back to {} (already read)",
                ancestor.display()
            ),
            is_error: false,
        });
        return;
    }
    let what = if Format::of(&at).is_some() {
        "this file"
    } else {
        "this folder"
    };
    let message = match e.io_error() {
        Some(io) => format!("cannot read {what}: {io}; what was indexed from it is kept"),
        None => format!("cannot read {what}: {e}; what was indexed from it is kept"),
    };
    walk.problems.push(Diagnostic {
        location: at.display().to_string(),
        message,
        is_error: true,
    });
    walk.unreadable.push(at);
}

fn kind(t: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    let _ = t;
    "something"
}

/// Identity of a file on disk, to see the same file or folder through two paths.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct FileId(u64, u64);

#[cfg(unix)]
fn file_id(meta: &std::fs::Metadata) -> Option<FileId> {
    use std::os::unix::fs::MetadataExt;
    Some(FileId(meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn file_id(_: &std::fs::Metadata) -> Option<FileId> {
    None
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    #[test]
    fn link_loops_and_repeated_links_give_each_file_once() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("a/b")).unwrap();
        std::fs::write(root.join("a/one.md"), "One.").unwrap();
        std::fs::write(root.join("a/b/two.md"), "Two.").unwrap();
        symlink(root.join("a"), root.join("a/b/loop")).unwrap();
        symlink(root.join("a/b"), root.join("a/again")).unwrap();
        symlink(root.join("a/one.md"), root.join("a/b/link.md")).unwrap();
        // Links that fan out to one folder many times over: no blow-up.
        for i in 0..8 {
            symlink(root.join("a"), root.join(format!("a/b/fan{i}"))).unwrap();
        }
        let walk = discover(root).unwrap();
        let names: Vec<String> = walk
            .files
            .iter()
            .map(|p| p.strip_prefix(root).unwrap().display().to_string())
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
        assert!(
            walk.problems.iter().all(|p| !p.is_error),
            "{:?}",
            walk.problems
        );
    }

    #[test]
    fn fifos_and_devices_are_skipped_with_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.md");
        let status = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !status.is_ok_and(|s| s.success()) {
            return; // no mkfifo here
        }
        symlink("/dev/zero", dir.path().join("zero.txt")).unwrap();
        std::fs::write(dir.path().join("ok.md"), "Fine.").unwrap();
        let walk = discover(dir.path()).unwrap();
        assert_eq!(walk.files, [dir.path().join("ok.md")]);
        let messages: Vec<&str> = walk.problems.iter().map(|p| p.message.as_str()).collect();
        assert!(messages.iter().any(|m| m.contains("FIFO")), "{messages:?}");
        assert!(
            messages.iter().any(|m| m.contains("device")),
            "{messages:?}"
        );
    }
}
