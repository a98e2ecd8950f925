//! Reading the inputs of a run: folders walked and their changed files read, parsed and
//! attributed in parallel; JSON Lines and articles from code attributed likewise. This is
//! the one path from input to attributed articles: `whosaid parse` and the library's
//! [`crate::parse_paths`] take it too, with nothing indexed to compare against.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::manifest::Manifest;
use super::write::article_hash;
use super::{IndexReport, Input, InputError, Progress, UpdateOptions};
use crate::article::{self, ReadOptions, Source};
use crate::attribution;
use crate::error::{Error, Result};
use crate::model::{Article, Diagnostic};
use crate::schema::SCHEMA_VERSION;
use crate::speakers::{ALIASES_FILE, SpeakerNames};

/// What should become of the old articles of a file that is read again.
#[derive(Debug, Clone, Default)]
pub(crate) enum Keep {
    /// Old articles the new version lacks are deleted.
    #[default]
    None,
    /// These ids are kept though missing: their lines could not be read.
    Ids(HashSet<String>),
    /// Every old article is kept: some line that could not be read named an id we cannot
    /// make out.
    All,
}

/// Articles to write, from one file or stream, with the hash identifying that input.
pub(crate) struct Batch {
    /// Where it came from (`origin \u{1f} relative path`, or `name \u{1f}` for streams).
    pub key: String,
    /// What to show in messages about it.
    pub location: String,
    pub file_hash: u64,
    /// Articles, attributed, with their names as the articles write them.
    pub articles: Vec<ReadArticle>,
    /// From a file: articles of the file's old version not in the new one are deleted.
    pub replaces_file: bool,
    pub keep: Keep,
    /// Some of it could not be read (a bad line): read again next time, to say so again.
    pub is_flawed: bool,
}

/// Everything a run read.
#[derive(Default)]
pub(crate) struct Gathered {
    pub batches: Vec<Batch>,
    /// File keys this run looked at (read, unchanged or failed).
    pub seen: HashSet<String>,
    /// File keys whose indexed articles stay as they are (unchanged or failed to read).
    pub kept: HashSet<String>,
    /// Key prefixes of folders that could not be listed: what they held stays.
    pub kept_prefixes: Vec<String>,
    /// File keys that an earlier run indexed from a folder and that are gone from it.
    pub gone: Vec<String>,
    /// The aliases of every folder read.
    pub names: SpeakerNames,
}

/// The key of a file: the folder it was found under, and its path in it.
pub(crate) fn file_key(origin: &str, relative: &str) -> String {
    format!("{origin}\u{1f}{relative}")
}

/// The file a key names, when it names one on disk (streams have no file).
pub(crate) fn key_path(key: &str) -> Option<PathBuf> {
    let (origin, relative) = key.split_once('\u{1f}')?;
    let origin = Path::new(origin);
    (origin.is_absolute() && !relative.is_empty()).then(|| origin.join(relative))
}

/// Hash of what, besides a file's bytes, decides what its articles become: the schema, the
/// attribution rules, the reading options and the folder's aliases.
fn options_fingerprint(read: &ReadOptions, aliases: &[u8]) -> Vec<u8> {
    fingerprint_with(attribution::RULES_VERSION, read, aliases)
}

fn fingerprint_with(rules: u32, read: &ReadOptions, aliases: &[u8]) -> Vec<u8> {
    let mut bytes = SCHEMA_VERSION.to_le_bytes().to_vec();
    bytes.extend(rules.to_le_bytes());
    bytes.extend(read.assume_year.unwrap_or(i32::MIN).to_le_bytes());
    bytes.extend(xxhash_rust::xxh3::xxh3_64(aliases).to_le_bytes());
    bytes
}

/// Reads every input. Files whose bytes (and fingerprint) match `manifest` are not read;
/// with `options.full` every file is.
///
/// With `pack`, each article's text is kept compressed until it is written (see
/// [`ReadArticle`]): a full build of a large corpus holds every article at once.
pub(crate) fn gather(
    inputs: Vec<Input>,
    options: &UpdateOptions,
    manifest: &Manifest,
    pack: bool,
    report: &mut IndexReport,
) -> Result<Gathered> {
    let mut out = Gathered::default();
    for input in inputs {
        match input {
            Input::Path(path) => read_path(&path, options, manifest, pack, report, &mut out)?,
            Input::JsonLines { name, text } => {
                let source = article::parse_jsonl(&text, &name, &name, &options.read);
                out.batches.push(stream_batch(source, &name, pack, report));
            }
            Input::Articles { name, articles } => {
                out.batches
                    .push(stream_batch(Source::of(articles), &name, pack, report));
            }
        }
    }
    Ok(out)
}

/// An article as a run read it: what planning the run needs, at hand, and the article
/// itself, compressed when packed (news text shrinks about fourfold, and a full build of a
/// million paragraphs holds every article until the names are known).
pub(crate) struct ReadArticle {
    pub id: String,
    /// Hash of the article as indexed (see [`article_hash`]).
    pub hash: u64,
    pub paragraphs: usize,
    /// Each paragraph's speaker names as the article writes them, one after the other.
    pub names: Vec<String>,
    body: Body,
}

enum Body {
    Full(Box<Article>),
    /// JSON of the article, compressed with zstd.
    Packed(Vec<u8>),
}

impl ReadArticle {
    pub(crate) fn new(article: Article, pack: bool) -> ReadArticle {
        let names = article
            .paragraphs
            .iter()
            .flat_map(|p| p.speaker_names())
            .map(str::to_string)
            .collect();
        let id = article.id.clone();
        let hash = article_hash(&article);
        let paragraphs = article.paragraphs.len();
        let body = if pack {
            let json = serde_json::to_vec(&article).expect("an article always serialises");
            let mut packed = zstd::bulk::compress(&json, 1).expect("compressing in memory");
            packed.shrink_to_fit();
            Body::Packed(packed)
        } else {
            Body::Full(Box::new(article))
        };
        ReadArticle {
            id,
            hash,
            paragraphs,
            names,
            body,
        }
    }

    /// The article, unpacked.
    pub(crate) fn article(&self) -> Article {
        match &self.body {
            Body::Full(article) => (**article).clone(),
            Body::Packed(bytes) => unpack(bytes),
        }
    }

    pub(crate) fn into_article(self) -> Article {
        match self.body {
            Body::Full(article) => *article,
            Body::Packed(bytes) => unpack(&bytes),
        }
    }
}

fn unpack(bytes: &[u8]) -> Article {
    let json = zstd::stream::decode_all(bytes).expect("bytes this run packed");
    serde_json::from_slice(&json).expect("JSON this run wrote")
}

/// Articles from stdin or code: one batch, attributed in parallel, bad lines reported.
fn stream_batch(mut source: Source, name: &str, pack: bool, report: &mut IndexReport) -> Batch {
    record(std::mem::take(&mut source.diagnostics), report);
    let articles = std::mem::take(&mut source.articles)
        .into_par_iter()
        .map(|mut a| {
            attribution::attribute(&mut a);
            ReadArticle::new(a, pack)
        })
        .collect();
    Batch {
        key: file_key(name, ""),
        location: name.to_string(),
        file_hash: 0,
        articles,
        replaces_file: false,
        keep: Keep::None,
        is_flawed: false,
    }
}

/// The outcome of reading one file.
enum FileResult {
    Unchanged { key: String },
    Read(Batch, Vec<Diagnostic>),
    Failed { key: String, error: InputError },
}

/// Reads a file or folder: unchanged files are skipped by hash, the rest read, parsed and
/// attributed in parallel.
fn read_path(
    path: &Path,
    options: &UpdateOptions,
    manifest: &Manifest,
    pack: bool,
    report: &mut IndexReport,
    out: &mut Gathered,
) -> Result<()> {
    let is_dir = path.is_dir();
    let root = if is_dir {
        path.to_path_buf()
    } else {
        path.parent().map(Path::to_path_buf).unwrap_or_default()
    };
    let walk = article::discover(path)?;
    let origin = std::fs::canonicalize(&root)
        .unwrap_or(root.clone())
        .display()
        .to_string();
    record(walk.problems, report);
    for dir in &walk.unreadable {
        let relative = article::relative_id(dir, &root);
        out.kept_prefixes
            .push(file_key(&origin, &format!("{relative}/")));
    }
    let aliases = read_aliases(&root, &mut out.names, report);
    let fingerprint = options_fingerprint(&options.read, &aliases);
    if let Some(p) = &options.progress {
        p(Progress::Started {
            files: walk.files.len(),
        });
    }
    let results: Vec<FileResult> = walk
        .files
        .par_iter()
        .map(|file| {
            let result = read_one(file, &root, &origin, &fingerprint, options, manifest, pack);
            if let Some(p) = &options.progress {
                p(Progress::FileDone);
            }
            result
        })
        .collect();
    for result in results {
        match result {
            FileResult::Unchanged { key } => {
                report.unchanged += manifest.files.get(&key).map_or(0, |f| f.ids.len());
                out.kept.insert(key.clone());
                out.seen.insert(key);
            }
            FileResult::Failed { key, error } => {
                report.failed += 1;
                report.errors.push(error);
                out.kept.insert(key.clone());
                out.seen.insert(key);
            }
            FileResult::Read(batch, diagnostics) => {
                record(diagnostics, report);
                out.seen.insert(batch.key.clone());
                out.batches.push(batch);
            }
        }
    }
    if is_dir {
        let prefix = file_key(&origin, "");
        let mut gone: Vec<String> = manifest
            .files
            .keys()
            .filter(|k| k.starts_with(&prefix) && !out.seen.contains(*k))
            .filter(|k| !out.kept_prefixes.iter().any(|p| k.starts_with(p.as_str())))
            .cloned()
            .collect();
        gone.sort();
        out.gone.extend(gone);
    }
    Ok(())
}

/// The folder's alias table, loaded into `names`; its bytes go into the fingerprint.
fn read_aliases(root: &Path, names: &mut SpeakerNames, report: &mut IndexReport) -> Vec<u8> {
    let path = root.join(ALIASES_FILE);
    if !path.is_file() {
        return Vec::new();
    }
    let warn = |report: &mut IndexReport, message: String| {
        report.warnings.push(InputError {
            path: path.display().to_string(),
            message,
        })
    };
    match std::fs::read(&path) {
        Ok(bytes) => {
            if let Err(e) = names.load_aliases(&path) {
                warn(report, e.to_string());
            }
            bytes
        }
        Err(e) => {
            warn(report, e.to_string());
            Vec::new()
        }
    }
}

fn read_one(
    file: &Path,
    root: &Path,
    origin: &str,
    fingerprint: &[u8],
    options: &UpdateOptions,
    manifest: &Manifest,
    pack: bool,
) -> FileResult {
    let id = article::relative_id(file, root);
    let key = file_key(origin, &id);
    let failed = |key: String, path: String, message: String| FileResult::Failed {
        key,
        error: InputError { path, message },
    };
    let bytes = match article::read_bytes(file, &options.read) {
        Ok(bytes) => bytes,
        Err(Error::BadArticle { location, message }) => return failed(key, location, message),
        Err(e) => {
            let message = match &e {
                Error::Io { source, .. } => format!("cannot read: {source}"),
                other => other.to_string(),
            };
            return failed(key, file.display().to_string(), message);
        }
    };
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    hasher.update(fingerprint);
    hasher.update(&bytes);
    let file_hash = hasher.digest();
    let is_unchanged = manifest
        .files
        .get(&key)
        .is_some_and(|f| f.hash == file_hash);
    if !options.full && is_unchanged && !manifest.flawed.contains(&key) {
        return FileResult::Unchanged { key };
    }
    let mut source = match article::parse_bytes(&bytes, file, &id, &options.read) {
        Ok(source) => source,
        Err(Error::BadArticle { location, message }) => return failed(key, location, message),
        Err(other) => return failed(key, file.display().to_string(), other.to_string()),
    };
    if source.articles.is_empty()
        && let Some(first) = source.diagnostics.iter().find(|d| d.is_error)
    {
        // A JSON Lines file none of whose lines could be read: a failure, old version kept.
        return failed(key, first.location.clone(), first.message.clone());
    }
    drop(bytes);
    let location = file.display().to_string();
    // A JSON Lines file may hold a whole corpus: its articles are attributed (and packed) on
    // every core, each freed as soon as it is packed.
    let (articles, warnings): (Vec<ReadArticle>, Vec<Vec<Diagnostic>>) =
        std::mem::take(&mut source.articles)
            .into_par_iter()
            .map(|mut article| {
                attribution::attribute(&mut article);
                let warnings = too_long(&article, &location);
                (ReadArticle::new(article, pack), warnings)
            })
            .unzip();
    source.diagnostics.extend(warnings.into_iter().flatten());
    let keep = if source.unreadable.iter().any(Option::is_none) {
        Keep::All
    } else if source.unreadable.is_empty() {
        Keep::None
    } else {
        Keep::Ids(source.unreadable.iter().flatten().cloned().collect())
    };
    let batch = Batch {
        key,
        location,
        file_hash,
        articles,
        replaces_file: true,
        keep,
        is_flawed: source.diagnostics.iter().any(|d| d.is_error),
    };
    FileResult::Read(batch, source.diagnostics)
}

/// Warnings for paragraphs too long for attribution.
fn too_long(article: &Article, location: &str) -> Vec<Diagnostic> {
    article
        .paragraphs
        .iter()
        .enumerate()
        .filter(|(_, p)| p.text.len() > attribution::MAX_PARAGRAPH_BYTES)
        .map(|(n, p)| Diagnostic {
            location: format!("{location} (article {}, paragraph {n})", article.id),
            message: format!(
                "paragraph of {} bytes is indexed without speakers; attribution reads \
                 paragraphs of up to {} bytes",
                p.text.len(),
                attribution::MAX_PARAGRAPH_BYTES
            ),
            is_error: false,
        })
        .collect()
}

/// Puts a reader's diagnostics into the report: errors (a skipped part) and warnings.
pub(crate) fn record(diagnostics: Vec<Diagnostic>, report: &mut IndexReport) {
    for d in diagnostics {
        let e = InputError {
            path: d.location,
            message: d.message,
        };
        if d.is_error {
            report.failed += 1;
            report.errors.push(e);
        } else {
            report.warnings.push(e);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// After an upgrade that changes the rules, every file's fingerprint changes, so the
    /// next update re-reads and re-attributes all of them.
    #[test]
    fn the_rules_version_is_part_of_every_files_fingerprint() {
        let read = ReadOptions::default();
        let now = fingerprint_with(attribution::RULES_VERSION, &read, b"");
        assert_eq!(now, options_fingerprint(&read, b""));
        assert_ne!(
            now,
            fingerprint_with(attribution::RULES_VERSION + 1, &read, b"")
        );
        assert_ne!(
            now,
            options_fingerprint(&read.clone().with_assume_year(Some(2025)), b"")
        );
        assert_ne!(now, options_fingerprint(&read, b"\"A\" = [\"B\"]"));
    }
}
