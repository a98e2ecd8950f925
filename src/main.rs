//! The `whosaid` binary: parses arguments, resolves them into one [`Config`], calls the
//! library, prints, and ends with an [`Exit`] status.

/// mimalloc: attribution and tantivy's writer allocate many small short-lived objects, which
/// it serves faster than the system allocator (see `BENCHMARKS.md`).
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod args;
mod cli;
mod config;
mod exit;

use std::io::{self, BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{Context, Result};
use clap::Parser;
use whosaid::output::{self, Style};
use whosaid::{Error, Index, IndexReport, Input, Progress, UpdateOptions};

use cli::Cli;
use config::{Config, IndexTask, ParseTask, SearchOutput, SearchTask, ShowTask, Task};
use exit::Exit;

fn main() -> ExitCode {
    let cli = Cli::parse_from(args::query_words_last(std::env::args_os().collect()));
    let outcome = Config::from_cli(cli).and_then(run);
    match outcome {
        Ok(exit) => exit.into(),
        Err(e) if is_broken_pipe(&e) => Exit::Success.into(),
        Err(e) => {
            eprintln!("whosaid: error: {e:#}");
            let locked = e
                .chain()
                .any(|c| matches!(c.downcast_ref(), Some(Error::Locked(_))));
            if locked { Exit::Locked } else { Exit::Error }.into()
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

fn run(config: Config) -> Result<Exit> {
    let Config { style, quiet, task } = config;
    let mut out = BufWriter::new(io::stdout().lock());
    let exit = match task {
        Task::Search(task) => search(task, style, quiet, &mut out)?,
        Task::Index(task) => index(task, quiet, &mut out)?,
        Task::Parse(task) => parse(task, style, quiet, &mut out)?,
        Task::Delete { index, id } => {
            Index::open(&index)?.delete(&id)?;
            if !quiet {
                eprintln!("whosaid: deleted article {id}");
            }
            Exit::Success
        }
        Task::Show(task) => show(task, style, &mut out)?,
        Task::Completions(shell) => {
            let mut command = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut command, "whosaid", &mut out);
            Exit::Success
        }
        Task::Man => {
            clap_mangen::Man::new(<Cli as clap::CommandFactory>::command()).render(&mut out)?;
            Exit::Success
        }
    };
    out.flush()?;
    Ok(exit)
}

fn search(task: SearchTask, style: Style, quiet: bool, out: &mut impl Write) -> Result<Exit> {
    let index = open_for_search(&task.index, quiet)?;
    let request = &task.request;
    let with_caret = |e: Error| caret(e, &request.query);
    let found = match task.output {
        SearchOutput::Count(facet, none) => {
            let rows = index.count_by(request, facet).map_err(with_caret)?;
            for (key, n) in &rows {
                if task.json {
                    writeln!(out, "{}", serde_json::json!({ "key": key, "count": n }))?;
                } else {
                    writeln!(out, "{n:>7}  {}", key.as_deref().unwrap_or(none))?;
                }
            }
            !rows.is_empty()
        }
        SearchOutput::Timeline(period) => {
            let buckets = index.timeline(request, period).map_err(with_caret)?;
            if task.json {
                for b in &buckets {
                    // `key` as before timelines, for programs that read it.
                    let row = serde_json::json!({
                        "bucket": b.bucket, "key": b.bucket, "count": b.count
                    });
                    writeln!(out, "{row}")?;
                }
            } else {
                output::write_timeline(out, &buckets, io::stdout().is_terminal())?;
            }
            !buckets.is_empty()
        }
        SearchOutput::Hits => {
            let results = index.search(request).map_err(with_caret)?;
            if task.json {
                output::write_hits_json(out, &results)?;
            } else {
                output::write_hits(out, &results, request.offset, style)?;
            }
            if !quiet && !task.json {
                eprintln!("whosaid: {}", summary(&results, request.offset));
            }
            if !quiet {
                did_you_mean(&results.suggestions);
            }
            return Ok(Exit::found(!results.hits.is_empty()));
        }
    };
    if !found && !quiet {
        did_you_mean(&index.suggestions(request).unwrap_or_default());
    }
    Ok(Exit::found(found))
}

/// "10 of 57 matching paragraphs", "11–20 of 57 ...", "3 of 3 matching articles (5
/// paragraphs)".
fn summary(results: &whosaid::SearchResults, offset: usize) -> String {
    let shown = results.hits.len();
    let of = match results.articles {
        Some(articles) => format!(
            "{articles} matching articles ({} paragraphs)",
            results.total
        ),
        None => format!("{} matching paragraphs", results.total),
    };
    if offset == 0 || shown == 0 {
        format!("{shown} of {of}")
    } else {
        format!("{}–{} of {of}", offset + 1, offset + shown)
    }
}

fn show(task: ShowTask, style: Style, out: &mut impl Write) -> Result<Exit> {
    let index = open_for_search(&task.index, true)?;
    let range = task.paragraph.map_or(0..=u64::MAX, |p| p..=p);
    let paragraphs = index.paragraphs(&task.id, range)?;
    if paragraphs.is_empty() {
        let what = match task.paragraph {
            Some(p) => format!("no paragraph ¶{p} in article {}", task.id),
            None => format!("no article {}", task.id),
        };
        anyhow::bail!(
            "{what} in {}; `whosaid search --json` prints the ids",
            task.index.display()
        );
    }
    if task.json {
        output::write_paragraphs_json(out, &paragraphs)?;
    } else {
        output::write_paragraphs(out, &paragraphs, style)?;
    }
    Ok(Exit::Success)
}

/// "did you mean `Zelensky`?" on stderr, when there is something to suggest.
fn did_you_mean(suggestions: &[String]) {
    let quoted: Vec<String> = suggestions.iter().map(|s| format!("`{s}`")).collect();
    let list = match quoted.as_slice() {
        [] => return,
        [one] => one.clone(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    };
    eprintln!("whosaid: no hits; did you mean {list}?");
}

/// A bad query's message, with the query and a caret under the column of the problem.
fn caret(e: Error, query: &str) -> anyhow::Error {
    match &e {
        Error::BadQuery { column, .. } if !query.contains(['\n', '\r']) => {
            let pad = " ".repeat(column.saturating_sub(1).min(query.chars().count()));
            anyhow::anyhow!("{e}\n  {query}\n  {pad}^")
        }
        _ => e.into(),
    }
}

/// Opens the index; a new user's first search builds the default one from `corpus/`.
fn open_for_search(dir: &Path, quiet: bool) -> Result<Index> {
    match Index::open(dir) {
        Err(Error::IndexMissing(_))
            if dir == Path::new("index") && Path::new("corpus").is_dir() =>
        {
            if !quiet {
                eprintln!("whosaid: no index yet; building it from corpus/ (once)");
            }
            let index = Index::open_or_create(dir)?;
            let report = index.update(
                vec![Input::Path(PathBuf::from("corpus"))],
                &UpdateOptions::default(),
            )?;
            print_warnings(&report, quiet);
            Ok(index)
        }
        Err(Error::IndexMissing(_)) => Err(anyhow::anyhow!(
            "no index at {0}; build one with `whosaid index CORPUS_FOLDER --index {0}`",
            dir.display()
        )),
        other => Ok(other?),
    }
}

fn index(task: IndexTask, quiet: bool, out: &mut impl Write) -> Result<Exit> {
    let before = FolderSnapshot::take(&task.index);
    let result = index_into(task, quiet, out);
    if result.is_err() {
        // A run that fails leaves no index it created behind.
        before.restore();
    }
    result
}

fn index_into(task: IndexTask, quiet: bool, out: &mut impl Write) -> Result<Exit> {
    let dir = &task.index;
    let index = open_for_update(dir, task.full)
        .with_context(|| format!("opening index {}", dir.display()))?;
    let mut inputs = Vec::new();
    for path in &task.paths {
        if path.as_os_str() == "-" {
            let mut text = String::new();
            io::stdin()
                .read_to_string(&mut text)
                .context("reading JSON Lines from stdin")?;
            inputs.push(Input::JsonLines {
                name: "stdin".into(),
                text,
            });
        } else {
            inputs.push(Input::Path(path.clone()));
        }
    }
    let mut options = task.options;
    if !quiet && io::stderr().is_terminal() {
        options = options.with_progress(progress_bar());
    }
    let report = index
        .update(inputs, &options)
        .with_context(|| format!("updating index {}", dir.display()))?;
    print_warnings(&report, quiet);
    if task.json {
        serde_json::to_writer(&mut *out, &report)?;
        writeln!(out)?;
    }
    if !quiet {
        eprintln!(
            "whosaid: {} added, {} updated, {} deleted, {} unchanged, {} renamed, {} failed; {} paragraphs in {:.2}s",
            report.added,
            report.updated,
            report.deleted,
            report.unchanged,
            report.renamed,
            report.failed,
            report.paragraphs,
            report.seconds
        );
    }
    Ok(Exit::skipped(report.has_failures()))
}

/// Opens the index to update, rebuilding one an older whosaid made (or, with `--full`, one
/// of whosaid's that cannot be read any more).
fn open_for_update(dir: &Path, full: bool) -> whosaid::Result<Index> {
    match Index::open_or_create(dir) {
        Err(Error::SchemaMismatch { found, expected }) => {
            eprintln!(
                "whosaid: index has schema v{found}, this whosaid writes v{expected}: rebuilding it"
            );
            Index::recreate(dir)
        }
        Err(Error::IndexCorrupt { reason, .. }) if full => {
            eprintln!("whosaid: index cannot be read ({reason}): rebuilding it");
            Index::recreate(dir)
        }
        other => other,
    }
}

/// What an index folder held before a run, to put back if the run fails.
struct FolderSnapshot {
    dir: PathBuf,
    /// `None`: there was no folder. Entries are only recorded when it held no index.
    entries: Option<Vec<std::ffi::OsString>>,
    had_index: bool,
}

impl FolderSnapshot {
    fn take(dir: &Path) -> FolderSnapshot {
        let had_index = dir.join("meta.json").is_file();
        let entries = std::fs::read_dir(dir)
            .ok()
            .map(|list| list.flatten().map(|e| e.file_name()).collect());
        FolderSnapshot {
            dir: dir.to_path_buf(),
            entries,
            had_index,
        }
    }

    /// Removes what the run created, when there was no index before it (an existing
    /// index is rolled back by the library itself).
    fn restore(self) {
        if self.had_index {
            return;
        }
        // A merge tantivy started may still write a file for a moment after the run failed:
        // look again until a pass finds nothing new (at most two seconds).
        for _ in 0..100 {
            let removed_any = match &self.entries {
                None => {
                    let existed = self.dir.exists();
                    let _ = std::fs::remove_dir_all(&self.dir);
                    existed
                }
                Some(before) => {
                    let mut any = false;
                    for entry in std::fs::read_dir(&self.dir).into_iter().flatten().flatten() {
                        if !before.contains(&entry.file_name()) {
                            any |= std::fs::remove_file(entry.path()).is_ok();
                        }
                    }
                    any
                }
            };
            std::thread::sleep(std::time::Duration::from_millis(20));
            if !removed_any {
                break;
            }
        }
    }
}

fn print_warnings(report: &IndexReport, quiet: bool) {
    for e in &report.errors {
        eprintln!("whosaid: skipped {}: {}", e.path, e.message);
    }
    if !quiet {
        for w in &report.warnings {
            eprintln!("whosaid: warning: {}: {}", w.path, w.message);
        }
    }
}

fn progress_bar() -> Arc<dyn Fn(Progress) + Send + Sync> {
    let bar = indicatif::ProgressBar::new(0);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{spinner} {msg} [{bar:30}] {pos}/{len} files")
            .expect("the template is valid")
            .progress_chars("=> "),
    );
    bar.set_message("reading");
    Arc::new(move |event| match event {
        Progress::Started { files } => bar.inc_length(files as u64),
        Progress::FileDone => bar.inc(1),
        Progress::Committing => bar.set_message("writing"),
        _ => {}
    })
}

fn parse(task: ParseTask, style: Style, quiet: bool, out: &mut impl Write) -> Result<Exit> {
    let parsed = match &task.index {
        Some(dir) => {
            let inputs = task.paths.iter().map(|p| Input::Path(p.clone())).collect();
            Index::open(dir)?.parse(inputs, &task.read)?
        }
        None => whosaid::parse_paths(&task.paths, &task.read)?,
    };
    for d in &parsed.diagnostics {
        if d.is_error {
            eprintln!("whosaid: skipped {}: {}", d.location, d.message);
        } else if !quiet {
            eprintln!("whosaid: warning: {}: {}", d.location, d.message);
        }
    }
    for article in &parsed.articles {
        let reasons = task.explain.then(|| whosaid::attribution::explain(article));
        if task.json {
            output::write_article_json(out, article, reasons.as_deref())?;
        } else {
            output::write_article(out, article, reasons.as_deref(), style)?;
        }
    }
    Ok(Exit::skipped(parsed.diagnostics.iter().any(|d| d.is_error)))
}
