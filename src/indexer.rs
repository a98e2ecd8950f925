//! Building and incrementally updating an index from article files, JSON Lines text or
//! articles made in code, with one commit per run.
//!
//! What is indexed is keyed on the article id. A file whose bytes (and reading options) are
//! unchanged since the last run is not even parsed; a changed file's articles replace their
//! old paragraphs; articles whose files are gone from a folder are deleted; a file that
//! cannot be read is reported and its old version kept. All of it lands in one tantivy
//! commit, so searches see the old state or the new one, never a mix.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use rayon::prelude::*;
use serde::Serialize;
use tantivy::schema::{TantivyDocument, Term};
use tantivy::{DateTime, IndexWriter};

use crate::article::{self, Article, ReadOptions};
use crate::attribution;
use crate::error::{Error, Result};
use crate::index::{self, Index};
use crate::schema::{Fields, SCHEMA_VERSION, SPEAKER_EXACT};
use crate::speakers::{ALIASES_FILE, SpeakerNames};

/// Where articles come from.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum Input {
    /// A file or a folder of article files (read recursively). For a folder, articles that
    /// an earlier run indexed from it and whose files are gone are deleted.
    Path(PathBuf),
    /// JSON Lines text (as from stdin), named for messages and ids (`stdin#3`).
    JsonLines {
        /// Name used in ids and messages.
        name: String,
        /// The text, one article per line.
        text: String,
    },
    /// Articles made in code. Like JSON Lines, they are keyed by id only: an article left
    /// out of a later batch stays indexed (use [`Index::delete`]), and one whose content is
    /// unchanged is not rewritten.
    Articles {
        /// Name used in messages.
        name: String,
        /// The articles; their ids identify them in the index.
        articles: Vec<Article>,
    },
}

/// A progress event, for callers that show progress.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub enum Progress {
    /// Files found; reading begins.
    Started {
        /// Number of files to look at.
        files: usize,
    },
    /// One more file read (or skipped as unchanged).
    FileDone,
    /// Writing and committing the index.
    Committing,
}

/// Callback that hears about progress.
pub type ProgressFn = Arc<dyn Fn(Progress) + Send + Sync>;

/// How to update an index.
#[derive(Clone, Default)]
#[non_exhaustive]
pub struct UpdateOptions {
    /// How to read articles.
    pub read: ReadOptions,
    /// Re-read every input even if unchanged, and drop every article the inputs no longer
    /// have (except those of inputs that fail to read, which are kept).
    pub full: bool,
    /// Indexing threads for tantivy's writer (default: the number of cores, at most 4).
    pub threads: Option<usize>,
    /// Memory for tantivy's writer in megabytes (default 256, at least 15 per thread).
    pub memory_mb: Option<usize>,
    /// Hears about progress.
    pub progress: Option<ProgressFn>,
}

impl std::fmt::Debug for UpdateOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UpdateOptions")
            .field("read", &self.read)
            .field("full", &self.full)
            .field("threads", &self.threads)
            .field("memory_mb", &self.memory_mb)
            .finish_non_exhaustive()
    }
}

impl UpdateOptions {
    /// Sets the reading options.
    pub fn with_read(mut self, read: ReadOptions) -> Self {
        self.read = read;
        self
    }
    /// Rebuilds everything from the inputs.
    pub fn with_full(mut self, full: bool) -> Self {
        self.full = full;
        self
    }
    /// Sets the writer's threads.
    pub fn with_threads(mut self, threads: Option<usize>) -> Self {
        self.threads = threads;
        self
    }
    /// Sets the writer's memory in megabytes.
    pub fn with_memory_mb(mut self, memory_mb: Option<usize>) -> Self {
        self.memory_mb = memory_mb;
        self
    }
    /// Sets a progress callback.
    pub fn with_progress(mut self, progress: ProgressFn) -> Self {
        self.progress = Some(progress);
        self
    }
}

/// A problem with one input: the file (and line) and what was wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InputError {
    /// File, and line where known (`corpus/feed.jsonl:3`).
    pub path: String,
    /// What was wrong.
    pub message: String,
}

/// What an update did.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct IndexReport {
    /// Articles new to the index.
    pub added: usize,
    /// Articles whose content changed and were replaced.
    pub updated: usize,
    /// Articles removed (files gone, or dropped by a full rebuild or `delete`).
    pub deleted: usize,
    /// Articles left as they were.
    pub unchanged: usize,
    /// Files or lines that could not be read and were skipped (old versions kept).
    pub failed: usize,
    /// Paragraphs written by this run.
    pub paragraphs: usize,
    /// Wall-clock seconds.
    pub seconds: f64,
    /// The inputs skipped, and why.
    pub errors: Vec<InputError>,
    /// Things worth knowing that did not stop an article (a date without a year, ...).
    pub warnings: Vec<InputError>,
    /// Whether anything was written (a run with nothing changed writes nothing).
    pub committed: bool,
}

impl IndexReport {
    /// True when some input was skipped.
    pub fn has_failures(&self) -> bool {
        self.failed > 0
    }
}

/// What the index holds, per article, as far as updates care.
#[derive(Debug, Default)]
struct Manifest {
    /// article id -> (file key, article hash)
    articles: HashMap<String, (String, u64)>,
    /// file key -> (file hash, article ids)
    files: HashMap<String, (u64, Vec<String>)>,
    /// canonical speaker names in the index
    speakers: Vec<String>,
}

/// The outcome of reading one file.
enum FileResult {
    Unchanged {
        key: String,
    },
    Read {
        key: String,
        file_hash: u64,
        source: article::Source,
    },
    Failed {
        key: String,
        error: InputError,
    },
}

/// Articles to write, from one file or stream, with the hash identifying that input.
struct Batch {
    key: String,
    file_hash: u64,
    articles: Vec<Article>,
    /// From a file: articles of the file's old version not in the new one are deleted.
    replaces_file: bool,
}

impl Index {
    /// Adds, replaces and deletes articles so that the index reflects `inputs`, in one
    /// commit. Takes the index's writer lock for the whole run.
    ///
    /// # Errors
    /// [`Error::Locked`] when another process is updating the index, [`Error::Io`] when an
    /// input folder cannot be listed, [`Error::Engine`] when writing fails (nothing is
    /// committed then). Unreadable articles are not errors: they are in the report.
    ///
    /// # Examples
    /// ```
    /// use whosaid::{Article, Index, Input, UpdateOptions};
    /// let index = Index::create_in_ram();
    /// let article = Article::new("a1").with_paragraph("\"Rates will fall,\" said Jane Roe, the governor.");
    /// let report = index.update(
    ///     vec![Input::Articles { name: "code".into(), articles: vec![article] }],
    ///     &UpdateOptions::default(),
    /// )?;
    /// assert_eq!(report.added, 1);
    /// # Ok::<(), whosaid::Error>(())
    /// ```
    pub fn update(&self, inputs: Vec<Input>, options: &UpdateOptions) -> Result<IndexReport> {
        let started = Instant::now();
        let _lock = self.lock()?;
        let manifest = read_manifest(self)?;
        let mut report = IndexReport::default();
        let mut names = SpeakerNames::new();
        for name in &manifest.speakers {
            names.learn(name);
        }
        let mut batches = Vec::new();
        let mut seen_files: HashSet<String> = HashSet::new();
        let mut kept_files: HashSet<String> = HashSet::new();
        let mut gone: Vec<String> = Vec::new();
        for input in inputs {
            match input {
                Input::Path(path) => {
                    let folder = read_path(&path, options, &manifest, &mut names, &mut report)?;
                    seen_files.extend(folder.seen);
                    kept_files.extend(folder.kept);
                    gone.extend(folder.gone);
                    batches.extend(folder.batches);
                }
                Input::JsonLines { name, text } => {
                    let source = article::parse_jsonl(&text, &name, &name, &options.read);
                    let key = file_key(&name, "");
                    seen_files.insert(key.clone());
                    batches.extend(stream_batches(source, &key, &mut report));
                }
                Input::Articles { name, articles } => {
                    let key = file_key(&name, "");
                    seen_files.insert(key.clone());
                    let source = article::Source {
                        articles,
                        diagnostics: Vec::new(),
                    };
                    batches.extend(stream_batches(source, &key, &mut report));
                }
            }
        }
        if let Some(p) = &options.progress {
            p(Progress::Committing);
        }
        for batch in &mut batches {
            drop_empty_articles(batch, &mut report);
        }
        let mut articles: Vec<Article> = batches
            .iter_mut()
            .flat_map(|b| b.articles.iter_mut())
            .map(|a| std::mem::replace(a, Article::new("")))
            .collect();
        attribute_all(&mut articles);
        let variants = names.canonicalise(&mut articles);
        let mut iter = articles.into_iter();
        for batch in &mut batches {
            let n = batch.articles.len();
            batch.articles = iter.by_ref().take(n).collect();
        }
        let plan = plan(&manifest, &batches, &gone, &kept_files, options.full);
        report.added += plan.added;
        report.updated += plan.updated;
        report.unchanged += plan.unchanged;
        report.deleted += plan.deleted;
        if plan.delete.is_empty() && plan.write.is_empty() {
            report.seconds = started.elapsed().as_secs_f64();
            return Ok(report);
        }
        let mut writer = self.writer(options)?;
        let result = write_plan(self, &mut writer, &plan, &batches, &variants, &mut report);
        if let Err(e) = result {
            writer.rollback()?;
            return Err(e);
        }
        let mut commit = writer.prepare_commit()?;
        commit.set_payload(&index::payload());
        commit.commit()?;
        writer.wait_merging_threads()?;
        self.reload()?;
        report.committed = true;
        report.seconds = started.elapsed().as_secs_f64();
        Ok(report)
    }

    /// Deletes the article `id` and all its paragraphs, in one commit.
    ///
    /// # Errors
    /// [`Error::UnknownArticle`] when no such article is indexed, [`Error::Locked`] when
    /// another process is updating the index.
    pub fn delete(&self, id: &str) -> Result<IndexReport> {
        let started = Instant::now();
        let _lock = self.lock()?;
        let term = Term::from_field_text(self.fields.article, id);
        // Count live paragraphs: `doc_freq` still counts deleted ones until a merge.
        let query =
            tantivy::query::TermQuery::new(term.clone(), tantivy::schema::IndexRecordOption::Basic);
        let found = self.searcher().search(&query, &tantivy::collector::Count)?;
        if found == 0 {
            return Err(Error::UnknownArticle(id.to_string()));
        }
        let mut writer = self.writer(&UpdateOptions::default())?;
        writer.delete_term(term);
        let mut commit = writer.prepare_commit()?;
        commit.set_payload(&index::payload());
        commit.commit()?;
        writer.wait_merging_threads()?;
        self.reload()?;
        Ok(IndexReport {
            deleted: 1,
            committed: true,
            seconds: started.elapsed().as_secs_f64(),
            ..IndexReport::default()
        })
    }

    fn writer(&self, options: &UpdateOptions) -> Result<IndexWriter> {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        let threads = options.threads.unwrap_or(cores.min(4)).clamp(1, 16);
        let memory = options.memory_mb.unwrap_or(256).max(15 * threads);
        self.inner
            .writer_with_num_threads(threads, memory * 1_000_000)
            .map_err(|e| match e {
                tantivy::TantivyError::LockFailure(..) => {
                    Error::Locked(self.dir().map(Path::to_path_buf).unwrap_or_default())
                }
                other => other.into(),
            })
    }
}

/// An article without paragraphs has nothing to index: it is reported, not added.
fn drop_empty_articles(batch: &mut Batch, report: &mut IndexReport) {
    batch.articles.retain(|a| {
        let keep = !a.paragraphs.is_empty();
        if !keep {
            report.failed += 1;
            report.errors.push(InputError {
                path: a.id.clone(),
                message: "article has no paragraphs of text".into(),
            });
        }
        keep
    });
}

/// Runs attribution over every article, in parallel.
fn attribute_all(articles: &mut [Article]) {
    articles.par_iter_mut().for_each(attribution::attribute);
}

/// The key of a file: the folder it was found under, and its path in it.
fn file_key(origin: &str, relative: &str) -> String {
    format!("{origin}\u{1f}{relative}")
}

/// Hash of the options that change what a file's articles become.
fn options_fingerprint(read: &ReadOptions, aliases: &[u8]) -> Vec<u8> {
    let mut bytes = SCHEMA_VERSION.to_le_bytes().to_vec();
    bytes.extend(read.assume_year.unwrap_or(i32::MIN).to_le_bytes());
    bytes.extend(xxhash_rust::xxh3::xxh3_64(aliases).to_le_bytes());
    bytes
}

struct FolderResult {
    batches: Vec<Batch>,
    seen: Vec<String>,
    kept: Vec<String>,
    gone: Vec<String>,
}

/// Reads a file or folder: unchanged files are skipped by hash, the rest parsed in parallel.
fn read_path(
    path: &Path,
    options: &UpdateOptions,
    manifest: &Manifest,
    names: &mut SpeakerNames,
    report: &mut IndexReport,
) -> Result<FolderResult> {
    let is_dir = path.is_dir();
    let root = if is_dir {
        path.to_path_buf()
    } else {
        path.parent().map(Path::to_path_buf).unwrap_or_default()
    };
    let origin = std::fs::canonicalize(&root)
        .unwrap_or(root.clone())
        .display()
        .to_string();
    let files = article::discover(path)?;
    let mut aliases = Vec::new();
    let alias_path = root.join(ALIASES_FILE);
    if alias_path.is_file() {
        match std::fs::read(&alias_path) {
            Ok(bytes) => aliases = bytes,
            Err(e) => report.warnings.push(InputError {
                path: alias_path.display().to_string(),
                message: e.to_string(),
            }),
        }
        if let Err(e) = names.load_aliases(&alias_path) {
            report.warnings.push(InputError {
                path: alias_path.display().to_string(),
                message: e.to_string(),
            });
        }
    }
    let fingerprint = options_fingerprint(&options.read, &aliases);
    if let Some(p) = &options.progress {
        p(Progress::Started { files: files.len() });
    }
    let results: Vec<FileResult> = files
        .par_iter()
        .map(|file| {
            let result = read_one(file, &root, &origin, &fingerprint, options, manifest);
            if let Some(p) = &options.progress {
                p(Progress::FileDone);
            }
            result
        })
        .collect();
    let mut out = FolderResult {
        batches: Vec::new(),
        seen: Vec::new(),
        kept: Vec::new(),
        gone: Vec::new(),
    };
    for result in results {
        match result {
            FileResult::Unchanged { key } => {
                report.unchanged += manifest.files.get(&key).map_or(0, |(_, ids)| ids.len());
                out.kept.push(key.clone());
                out.seen.push(key);
            }
            FileResult::Failed { key, error } => {
                report.failed += 1;
                report.errors.push(error);
                out.kept.push(key.clone());
                out.seen.push(key);
            }
            FileResult::Read {
                key,
                file_hash,
                source,
            } => {
                record(source.diagnostics, report);
                out.seen.push(key.clone());
                out.batches.push(Batch {
                    key,
                    file_hash,
                    articles: source.articles,
                    replaces_file: true,
                });
            }
        }
    }
    if is_dir {
        let seen: HashSet<&String> = out.seen.iter().collect();
        let prefix = file_key(&origin, "");
        out.gone = manifest
            .files
            .keys()
            .filter(|k| k.starts_with(&prefix) && !seen.contains(k))
            .cloned()
            .collect();
        out.gone.sort();
    }
    Ok(out)
}

fn read_one(
    file: &Path,
    root: &Path,
    origin: &str,
    fingerprint: &[u8],
    options: &UpdateOptions,
    manifest: &Manifest,
) -> FileResult {
    let key = file_key(origin, &article::relative_id(file, root));
    let bytes = match std::fs::read(file) {
        Ok(bytes) => bytes,
        Err(e) => {
            let error = InputError {
                path: file.display().to_string(),
                message: format!("cannot read: {e}"),
            };
            return FileResult::Failed { key, error };
        }
    };
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    hasher.update(fingerprint);
    hasher.update(&bytes);
    let file_hash = hasher.digest();
    if !options.full
        && manifest
            .files
            .get(&key)
            .is_some_and(|(h, _)| *h == file_hash)
    {
        return FileResult::Unchanged { key };
    }
    let id = article::relative_id(file, root);
    match article::parse_bytes(&bytes, file, &id, &options.read) {
        Ok(source) if source.articles.is_empty() && !source.diagnostics.is_empty() => {
            // A JSON Lines file none of whose lines could be read: a failure, old version kept.
            let first = &source.diagnostics[0];
            let error = InputError {
                path: first.location.clone(),
                message: first.message.clone(),
            };
            FileResult::Failed { key, error }
        }
        Ok(source) => FileResult::Read {
            key,
            file_hash,
            source,
        },
        Err(e) => {
            let (path, message) = match e {
                Error::BadArticle { location, message } => (location, message),
                other => (file.display().to_string(), other.to_string()),
            };
            FileResult::Failed {
                key,
                error: InputError { path, message },
            }
        }
    }
}

/// Puts a reader's diagnostics into the report: errors (a skipped part) and warnings.
fn record(diagnostics: Vec<article::Diagnostic>, report: &mut IndexReport) {
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

/// Articles from stdin or code: one batch, with bad lines reported.
fn stream_batches(source: article::Source, key: &str, report: &mut IndexReport) -> Option<Batch> {
    record(source.diagnostics, report);
    Some(Batch {
        key: key.to_string(),
        file_hash: 0,
        articles: source.articles,
        replaces_file: false,
    })
}

/// Hash of an article as indexed (metadata, sections, texts and speakers).
fn article_hash(article: &Article) -> u64 {
    let json = serde_json::to_vec(article).expect("articles always serialise");
    xxhash_rust::xxh3::xxh3_64(&json)
}

/// What to delete and write.
#[derive(Default)]
struct Plan {
    /// Article ids to delete (all their paragraphs).
    delete: Vec<String>,
    /// (batch, article) pairs to write.
    write: Vec<(usize, usize)>,
    added: usize,
    updated: usize,
    unchanged: usize,
    /// Articles removed for good (ids in `delete` that are not rewritten).
    deleted: usize,
}

fn plan(
    manifest: &Manifest,
    batches: &[Batch],
    gone: &[String],
    kept: &HashSet<String>,
    full: bool,
) -> Plan {
    let mut plan = Plan::default();
    let mut deleted: HashSet<String> = HashSet::new();
    // Files gone from their folder: all their articles go.
    for key in gone {
        if let Some((_, ids)) = manifest.files.get(key) {
            for id in ids {
                if deleted.insert(id.clone()) {
                    plan.delete.push(id.clone());
                }
            }
        }
    }
    let mut written: HashMap<&str, (usize, usize)> = HashMap::new();
    for (b, batch) in batches.iter().enumerate() {
        let new_ids: HashSet<&str> = batch.articles.iter().map(|a| a.id.as_str()).collect();
        if batch.replaces_file
            && let Some((_, old_ids)) = manifest.files.get(&batch.key)
        {
            for id in old_ids {
                if !new_ids.contains(id.as_str()) && deleted.insert(id.clone()) {
                    plan.delete.push(id.clone());
                }
            }
        }
        for (i, article) in batch.articles.iter().enumerate() {
            // The same id twice in one run: the later one wins.
            written.insert(article.id.as_str(), (b, i));
        }
    }
    let mut order: Vec<(&str, (usize, usize))> = written.into_iter().collect();
    order.sort_by_key(|(_, at)| *at);
    for (id, (b, i)) in order {
        let batch = &batches[b];
        let hash = article_hash(&batch.articles[i]);
        match manifest.articles.get(id) {
            None => plan.added += 1,
            Some((key, old)) if *old == hash && *key == batch.key && !full => {
                plan.unchanged += 1;
                // Same content from the same file: no need to rewrite, unless the file's
                // hash changed (then rewrite so the stored file hash stays true).
                if !batch.replaces_file
                    || manifest
                        .files
                        .get(&batch.key)
                        .is_some_and(|(h, _)| *h == batch.file_hash)
                {
                    continue;
                }
            }
            Some(_) => plan.updated += 1,
        }
        if !deleted.contains(id) {
            plan.delete.push(id.to_string());
            deleted.insert(id.to_string());
        }
        plan.write.push((b, i));
    }
    if full {
        // Everything not re-read now, and not from a file that failed, goes.
        let rewritten: HashSet<&str> = plan
            .write
            .iter()
            .map(|&(b, i)| batches[b].articles[i].id.as_str())
            .collect();
        for (id, (key, _)) in &manifest.articles {
            let keep = kept.contains(key);
            if !rewritten.contains(id.as_str()) && !keep && !deleted.contains(id) {
                deleted.insert(id.clone());
                plan.delete.push(id.clone());
            }
        }
    }
    // Deleting an id that is rewritten is part of replacing it, not a deletion.
    let rewritten: HashSet<&str> = plan
        .write
        .iter()
        .map(|&(b, i)| batches[b].articles[i].id.as_str())
        .collect();
    plan.deleted = plan
        .delete
        .iter()
        .filter(|id| !rewritten.contains(id.as_str()))
        .count();
    plan
}

fn write_plan(
    index: &Index,
    writer: &mut IndexWriter,
    plan: &Plan,
    batches: &[Batch],
    variants: &HashMap<String, Vec<String>>,
    report: &mut IndexReport,
) -> Result<()> {
    let f = &index.fields;
    // Deletes first: they only touch documents added before them.
    for id in &plan.delete {
        writer.delete_term(Term::from_field_text(f.article, id));
    }
    for &(b, i) in &plan.write {
        let batch = &batches[b];
        let article = &batch.articles[i];
        let hash = article_hash(article);
        for (n, paragraph) in article.paragraphs.iter().enumerate() {
            let doc = document(
                f,
                article,
                n,
                paragraph,
                &batch.key,
                batch.file_hash,
                hash,
                variants,
            );
            writer.add_document(doc)?;
            report.paragraphs += 1;
        }
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn document(
    f: &Fields,
    article: &Article,
    n: usize,
    paragraph: &article::Paragraph,
    key: &str,
    file_hash: u64,
    hash: u64,
    variants: &HashMap<String, Vec<String>>,
) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_text(f.article, &article.id);
    for (field, value) in [
        (f.title, &article.title),
        (f.source, &article.source),
        (f.author, &article.author),
        (f.url, &article.url),
    ] {
        if let Some(value) = value {
            doc.add_text(field, value);
        }
    }
    if let Some(date) = article.date {
        doc.add_date(
            f.date,
            DateTime::from_timestamp_secs(date.to_unix_seconds()),
        );
    }
    doc.add_u64(f.paragraph, n as u64);
    if let Some(section) = &paragraph.section {
        doc.add_text(f.section, section);
    }
    for speaker in &paragraph.speakers {
        doc.add_text(f.speaker_exact, &speaker.name);
        doc.add_text(f.speaker, &speaker.name);
        for variant in variants.get(&speaker.name).into_iter().flatten() {
            doc.add_text(f.speaker, variant);
        }
    }
    doc.add_text(f.text, &paragraph.text);
    doc.add_text(f.file, key);
    doc.add_u64(f.file_hash, file_hash);
    doc.add_u64(f.hash, hash);
    doc
}

/// Reads what the index holds from its fast fields: per article its file and hash, per file
/// its hash and articles, and the speaker names in use.
fn read_manifest(index: &Index) -> Result<Manifest> {
    let searcher = index.searcher();
    let mut manifest = Manifest::default();
    let mut speakers: BTreeMap<String, ()> = BTreeMap::new();
    for segment in searcher.segment_readers() {
        let fast = segment.fast_fields();
        let (Some(articles), Some(files)) = (fast.str("article")?, fast.str("file")?) else {
            continue;
        };
        let file_hashes = fast.u64("file_hash")?;
        let hashes = fast.u64("hash")?;
        // Each dictionary is read once, in order: decoding ids one by one is far slower.
        let ids = all_terms(&articles)?;
        let keys = all_terms(&files)?;
        let mut last_ord = u64::MAX;
        for doc in segment.doc_ids_alive() {
            let Some(ord) = articles.term_ords(doc).next() else {
                continue;
            };
            if ord == last_ord {
                continue; // paragraphs of one article sit together
            }
            last_ord = ord;
            let id = &ids[ord as usize];
            let Some(file_ord) = files.term_ords(doc).next() else {
                continue;
            };
            if manifest.articles.contains_key(id) {
                continue;
            }
            let key = &keys[file_ord as usize];
            let hash = hashes.first(doc).unwrap_or(0);
            let file_hash = file_hashes.first(doc).unwrap_or(0);
            manifest.articles.insert(id.clone(), (key.clone(), hash));
            let entry = manifest
                .files
                .entry(key.clone())
                .or_insert((file_hash, Vec::new()));
            entry.1.push(id.clone());
        }
        if let Some(names) = fast.str(SPEAKER_EXACT)? {
            for name in all_terms(&names)? {
                speakers.insert(name, ());
            }
        }
    }
    manifest.speakers = speakers.into_keys().collect();
    Ok(manifest)
}

/// Every term of a string column, indexed by ordinal.
fn all_terms(column: &tantivy::columnar::StrColumn) -> Result<Vec<String>> {
    let mut terms = Vec::with_capacity(column.num_terms());
    let mut stream = column.dictionary().stream().map_err(engine)?;
    while stream.advance() {
        terms.push(String::from_utf8_lossy(stream.key()).into_owned());
    }
    Ok(terms)
}

fn engine(e: std::io::Error) -> Error {
    Error::Engine(format!("reading the index: {e}"))
}
