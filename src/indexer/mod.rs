//! Building and incrementally updating an index from article files, JSON Lines text or
//! articles made in code, with one commit per run.
//!
//! What is indexed is keyed on the article id. A file whose bytes (and reading options) are
//! unchanged since the last run is not even parsed; a changed file's articles replace their
//! old paragraphs; articles whose files are gone from a folder are deleted; a file that
//! cannot be read is reported and its old version kept. Speaker names are made canonical
//! over everything the index will hold after the run, and indexed articles whose names
//! that changes are rewritten, so an index updated night after night equals one built from
//! the same files at once. All of it lands in one tantivy commit, so searches see the old
//! state or the new one, never a mix; a run that fails leaves the folder as it was.

mod manifest;
mod plan;
mod read;
mod write;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use serde::Serialize;
use tantivy::IndexWriter;
use tantivy::schema::Term;

use crate::article::ReadOptions;
use crate::error::{Error, Result};
use crate::index::{self, Index};
use crate::model::Article;
use crate::speakers::{NameMap, SpeakerNames};
use plan::Plan;
use read::Batch;
pub(crate) use read::gather;
use write::Origin;

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
    /// Articles rewritten because a speaker's canonical name changed (a fuller form of the
    /// name, or a spelling that now joins another, arrived with other articles).
    pub renamed: usize,
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

impl Index {
    /// Adds, replaces and deletes articles so that the index reflects `inputs`, in one
    /// commit. Takes the index's writer lock for the whole run.
    ///
    /// # Errors
    /// [`Error::Locked`] when another process is updating the index, [`Error::Io`] when an
    /// input does not exist, [`Error::Engine`] when writing fails (nothing is committed
    /// then, and what the run wrote is removed). Unreadable articles are not errors: they
    /// are in the report.
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
        self.prepare_to_write()?;
        let manifest = manifest::read(self)?;
        let mut report = IndexReport::default();
        let mut gathered = gather(inputs, options, &manifest, true, &mut report)?;
        if let Some(p) = &options.progress {
            p(Progress::Committing);
        }
        for batch in &mut gathered.batches {
            drop_empty_articles(batch, &mut report);
        }
        plan::drop_collisions(&mut gathered, &manifest, &mut report);
        let plan = plan::plan(&manifest, &gathered, options.full);
        report.added += plan.added;
        report.updated += plan.updated;
        report.unchanged += plan.unchanged;
        report.deleted += plan.deleted;
        let flawed = flawed_after(&manifest, &gathered);
        if !plan.is_empty() || flawed != manifest.flawed {
            let mut flawed: Vec<String> = flawed.into_iter().collect();
            flawed.sort();
            let batches = &gathered.batches;
            self.apply(
                &plan,
                batches,
                &gathered.names,
                flawed,
                options,
                &mut report,
            )?;
        }
        report.seconds = started.elapsed().as_secs_f64();
        Ok(report)
    }

    /// Deletes the article `id` and all its paragraphs, in one commit. The deletion lasts
    /// until the article is indexed again (its file still in a folder that is reindexed,
    /// or sent again).
    ///
    /// # Errors
    /// [`Error::UnknownArticle`] when no such article is indexed, [`Error::Locked`] when
    /// another process is updating the index.
    pub fn delete(&self, id: &str) -> Result<IndexReport> {
        let started = Instant::now();
        let _lock = self.lock()?;
        self.prepare_to_write()?;
        let term = Term::from_field_text(self.fields.article, id);
        // Count live paragraphs: `doc_freq` still counts deleted ones until a merge.
        let query = tantivy::query::TermQuery::new(term, tantivy::schema::IndexRecordOption::Basic);
        let found = self.searcher().search(&query, &tantivy::collector::Count)?;
        if found == 0 {
            return Err(Error::UnknownArticle(id.to_string()));
        }
        let plan = Plan {
            delete: vec![id.to_string()],
            deleted: 1,
            ..Plan::default()
        };
        let mut report = IndexReport {
            deleted: 1,
            ..IndexReport::default()
        };
        let flawed = self.payload()?.flawed;
        let options = UpdateOptions::default();
        self.apply(
            &plan,
            &[],
            &SpeakerNames::new(),
            flawed,
            &options,
            &mut report,
        )?;
        report.seconds = started.elapsed().as_secs_f64();
        Ok(report)
    }

    /// Under the writer lock: the latest commit in view, and nothing a killed or failed
    /// run left behind in the way.
    fn prepare_to_write(&self) -> Result<()> {
        self.reload()?;
        self.remove_leftovers()
    }

    /// Carries out a plan in one commit, with canonical names over everything the index
    /// will hold. On failure, nothing is committed and what was written is removed.
    fn apply(
        &self,
        plan: &Plan,
        batches: &[Batch],
        aliases: &SpeakerNames,
        flawed: Vec<String>,
        options: &UpdateOptions,
        report: &mut IndexReport,
    ) -> Result<()> {
        let leaving: HashSet<&str> = plan.delete.iter().map(String::as_str).collect();
        let indexed = manifest::names(self, &leaving)?;
        let mut counts = indexed.counts.clone();
        for &(b, i, _) in &plan.write {
            for name in &batches[b].articles[i].names {
                *counts.entry(name.clone()).or_default() += 1;
            }
        }
        let names = aliases.resolve(counts.iter().map(|(k, v)| (k.as_str(), *v)));
        let renamed = write::renamed_articles(self, &indexed, &names, &leaving)?;
        let mut writer = self.writer(options)?;
        let payload = index::payload(flawed);
        let commit = Commit {
            renamed: &renamed,
            names: &names,
            payload: &payload,
        };
        let written = self.write(&mut writer, plan, batches, &commit, report);
        if let Err(e) = written {
            let _ = writer.rollback();
            drop(writer);
            let _ = self.remove_leftovers_settled();
            return Err(e);
        }
        report.renamed = renamed.len();
        report.committed = true;
        // The commit has landed: a merge that fails now only leaves more segments.
        if let Err(e) = writer.wait_merging_threads() {
            report.warnings.push(InputError {
                path: self
                    .dir()
                    .map_or_else(String::new, |d| d.display().to_string()),
                message: format!("merging segments after the commit failed: {e}"),
            });
            let _ = self.remove_leftovers();
        }
        self.reload()
    }

    fn write(
        &self,
        writer: &mut IndexWriter,
        plan: &Plan,
        batches: &[Batch],
        commit: &Commit,
        report: &mut IndexReport,
    ) -> Result<()> {
        let Commit {
            renamed,
            names,
            payload,
        } = *commit;
        let f = &self.fields;
        // Deletes first: they only touch documents added before them.
        for id in plan.delete.iter().chain(renamed) {
            writer.delete_term(Term::from_field_text(f.article, id));
        }
        for id in renamed {
            report.paragraphs += write::rewrite(self, writer, id, names)?;
        }
        for &(b, i, hash) in &plan.write {
            let batch = &batches[b];
            let article = batch.articles[i].article();
            let origin = Origin {
                key: &batch.key,
                file_hash: batch.file_hash,
                hash,
            };
            for (n, paragraph) in article.paragraphs.iter().enumerate() {
                writer.add_document(write::document(f, &article, n, paragraph, &origin, names))?;
                report.paragraphs += 1;
            }
        }
        let mut commit = writer.prepare_commit()?;
        commit.set_payload(payload);
        commit.commit()?;
        Ok(())
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

/// What a commit writes besides the plan.
#[derive(Clone, Copy)]
struct Commit<'a> {
    /// Indexed articles to rewrite with new canonical names.
    renamed: &'a [String],
    names: &'a NameMap,
    payload: &'a str,
}

/// The flawed files after this run: those read now with a bad part, and those flawed
/// before that were not read again and are still indexed.
fn flawed_after(manifest: &manifest::Manifest, gathered: &read::Gathered) -> HashSet<String> {
    let read: HashSet<&str> = gathered.batches.iter().map(|b| b.key.as_str()).collect();
    let gone: HashSet<&str> = gathered.gone.iter().map(String::as_str).collect();
    let mut flawed: HashSet<String> = manifest
        .flawed
        .iter()
        .filter(|k| !read.contains(k.as_str()) && !gone.contains(k.as_str()))
        .cloned()
        .collect();
    flawed.extend(
        gathered
            .batches
            .iter()
            .filter(|b| b.is_flawed)
            .map(|b| b.key.clone()),
    );
    flawed
}

/// An article without paragraphs has nothing to index: it is reported, not added.
fn drop_empty_articles(batch: &mut Batch, report: &mut IndexReport) {
    batch.articles.retain(|a| {
        let keep = a.paragraphs > 0;
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

/// Reads and attributes the articles of `inputs` exactly as [`Index::update`] would index
/// them, with canonical names over them and over the names `index` already holds.
pub(crate) fn parse_inputs(
    inputs: Vec<Input>,
    read: &ReadOptions,
    index: Option<&Index>,
) -> Result<(Vec<Article>, IndexReport)> {
    let options = UpdateOptions::default()
        .with_read(read.clone())
        .with_full(true);
    let mut report = IndexReport::default();
    let gathered = gather(
        inputs,
        &options,
        &manifest::Manifest::default(),
        false,
        &mut report,
    )?;
    let mut articles: Vec<Article> = gathered
        .batches
        .into_iter()
        .flat_map(|b| b.articles)
        .map(read::ReadArticle::into_article)
        .collect();
    let mut counts = crate::speakers::count_names(&articles);
    if let Some(index) = index {
        let ids: HashSet<&str> = articles.iter().map(|a| a.id.as_str()).collect();
        for (name, n) in manifest::names(index, &ids)?.counts {
            *counts.entry(name).or_default() += n;
        }
    }
    let names = gathered
        .names
        .resolve(counts.iter().map(|(k, v)| (k.as_str(), *v)));
    names.apply(&mut articles);
    Ok((articles, report))
}
