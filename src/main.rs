//! The `whosaid` binary: parses arguments, calls the library, prints, maps to exit codes.

mod args;
mod cli;

use std::io::{self, BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{Context, Result};
use clap::Parser;
use whosaid::output::{self, Style};
use whosaid::{
    Error, Facet, Index, IndexReport, Input, Period, Progress, ReadOptions, SearchRequest, Sort,
    UpdateOptions,
};

use cli::{ByArg, Cli, Command, CountArg, SortArg};

/// Exit status when another process holds the index (EX_TEMPFAIL).
const EXIT_LOCKED: u8 = 75;

fn main() -> ExitCode {
    let cli = Cli::parse_from(args::query_words_last(std::env::args_os().collect()));
    match run(cli) {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("whosaid: error: {e:#}");
            let locked = e
                .chain()
                .any(|c| matches!(c.downcast_ref(), Some(Error::Locked(_))));
            ExitCode::from(if locked { EXIT_LOCKED } else { 2 })
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

fn run(cli: Cli) -> Result<ExitCode> {
    let style = Style {
        color: cli.global.color.enabled(),
    };
    let quiet = cli.global.quiet;
    let mut out = BufWriter::new(io::stdout().lock());
    let code = match cli.command {
        Command::Search(args) => search(args, style, quiet, &mut out)?,
        Command::Index(args) => index(args, quiet, &mut out)?,
        Command::Parse(args) => parse(args, style, quiet, &mut out)?,
        Command::Delete(args) => {
            let index = Index::open(&args.index)?;
            index.delete(&args.id)?;
            if !quiet {
                eprintln!("whosaid: deleted article {}", args.id);
            }
            ExitCode::SUCCESS
        }
        Command::Show(args) => show(args, style, &mut out)?,
        Command::Completions(args) => {
            let mut command = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(args.shell, &mut command, "whosaid", &mut out);
            ExitCode::SUCCESS
        }
        Command::Man => {
            clap_mangen::Man::new(<Cli as clap::CommandFactory>::command()).render(&mut out)?;
            ExitCode::SUCCESS
        }
    };
    out.flush()?;
    Ok(code)
}

fn search(
    args: cli::SearchArgs,
    style: Style,
    quiet: bool,
    out: &mut impl Write,
) -> Result<ExitCode> {
    let index = open_for_search(&args.index, quiet)?;
    let query = args.query.join(" ");
    let with_caret = |e: Error| caret(e, &query);
    let mut request = SearchRequest::new(query.clone())
        .limit(args.limit)
        .offset(args.offset)
        .dates(args.from, args.until)
        .sort(match args.sort {
            SortArg::Relevance => Sort::Relevance,
            SortArg::Newest => Sort::Newest,
            SortArg::Oldest => Sort::Oldest,
        });
    request = request.per_article(args.per_article);
    let around = args.context.unwrap_or(0);
    request = request.context(
        args.before_context.unwrap_or(around),
        args.after_context.unwrap_or(around),
    );
    request.speakers = args.speakers;
    request.sources = args.sources;
    if args.by.is_some() && args.count != Some(CountArg::Date) {
        anyhow::bail!(
            "--by gives the buckets of a timeline: use it with --count date \
             (e.g. `whosaid search Putin --count date --by month`)"
        );
    }
    if let Some(by) = args.count {
        let found = match by {
            CountArg::Speaker | CountArg::Source | CountArg::Author | CountArg::Section => {
                let (facet, none) = match by {
                    CountArg::Source => (Facet::Source, "(no source)"),
                    CountArg::Author => (Facet::Author, "(no author)"),
                    CountArg::Section => (Facet::Section, "(no section)"),
                    _ => (Facet::Speaker, "(no speaker)"),
                };
                let rows = index.count_by(&request, facet).map_err(with_caret)?;
                for (key, n) in &rows {
                    if args.json {
                        writeln!(out, "{}", serde_json::json!({ "key": key, "count": n }))?;
                    } else {
                        writeln!(out, "{n:>7}  {}", key.as_deref().unwrap_or(none))?;
                    }
                }
                !rows.is_empty()
            }
            CountArg::Date => {
                let period = match args.by.unwrap_or(ByArg::Day) {
                    ByArg::Day => Period::Day,
                    ByArg::Week => Period::Week,
                    ByArg::Month => Period::Month,
                    ByArg::Year => Period::Year,
                };
                let buckets = index.timeline(&request, period).map_err(with_caret)?;
                if args.json {
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
        };
        if !found && !quiet {
            did_you_mean(&index.suggestions(&request).unwrap_or_default());
        }
        return Ok(exit_for_hits(found));
    }
    let results = index.search(&request).map_err(with_caret)?;
    if args.json {
        output::write_hits_json(out, &results)?;
    } else {
        output::write_hits(out, &results, args.offset, style)?;
    }
    if !quiet && !args.json {
        let shown = results.hits.len();
        let of = match results.articles {
            Some(articles) => format!(
                "{articles} matching articles ({} paragraphs)",
                results.total
            ),
            None => format!("{} matching paragraphs", results.total),
        };
        if args.offset == 0 || shown == 0 {
            eprintln!("whosaid: {shown} of {of}");
        } else {
            let (first, last) = (args.offset + 1, args.offset + shown);
            eprintln!("whosaid: {first}–{last} of {of}");
        }
    }
    if !quiet {
        did_you_mean(&results.suggestions);
    }
    Ok(exit_for_hits(!results.hits.is_empty()))
}

fn show(args: cli::ShowArgs, style: Style, out: &mut impl Write) -> Result<ExitCode> {
    let index = open_for_search(&args.index, true)?;
    let range = args.paragraph.map_or(0..=u64::MAX, |p| p..=p);
    let paragraphs = index.paragraphs(&args.id, range)?;
    if paragraphs.is_empty() {
        let what = match args.paragraph {
            Some(p) => format!("no paragraph ¶{p} in article {}", args.id),
            None => format!("no article {}", args.id),
        };
        anyhow::bail!(
            "{what} in {}; `whosaid search --json` prints the ids",
            args.index.display()
        );
    }
    if args.json {
        output::write_paragraphs_json(out, &paragraphs)?;
    } else {
        output::write_paragraphs(out, &paragraphs, style)?;
    }
    Ok(ExitCode::SUCCESS)
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

fn exit_for_hits(found: bool) -> ExitCode {
    if found {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
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

fn index(args: cli::IndexArgs, quiet: bool, out: &mut impl Write) -> Result<ExitCode> {
    // Inputs are checked before the index is touched: a typo never creates or rebuilds one.
    for path in args.paths.iter().filter(|p| p.as_os_str() != "-") {
        if !path.exists() {
            anyhow::bail!(
                "{} does not exist; give a folder or file of articles (nothing was changed)",
                path.display()
            );
        }
    }
    let before = FolderSnapshot::take(&args.index);
    let result = index_into(&args, quiet, out);
    if result.is_err() {
        // A run that fails leaves no index it created behind.
        before.restore();
    }
    result
}

fn index_into(args: &cli::IndexArgs, quiet: bool, out: &mut impl Write) -> Result<ExitCode> {
    let index = open_for_update(&args.index, args.full)
        .with_context(|| format!("opening index {}", args.index.display()))?;
    let mut inputs = Vec::new();
    for path in &args.paths {
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
    let mut options = UpdateOptions::default()
        .with_read(read_options(args.assume_year, args.max_file_size))
        .with_full(args.full)
        .with_threads(args.threads)
        .with_memory_mb(args.memory);
    let bar = (!quiet && io::stderr().is_terminal()).then(progress_bar);
    if let Some(bar) = &bar {
        options = options.with_progress(bar.clone());
    }
    let report = index
        .update(inputs, &options)
        .with_context(|| format!("updating index {}", args.index.display()))?;
    print_warnings(&report, quiet);
    if args.json {
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
    Ok(if report.has_failures() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
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

fn read_options(assume_year: Option<i32>, max_file_mb: Option<u64>) -> ReadOptions {
    let options = ReadOptions::default().with_assume_year(assume_year);
    match max_file_mb {
        Some(mb) => options.with_max_file_bytes(mb.saturating_mul(1 << 20)),
        None => options,
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

fn parse(
    args: cli::ParseArgs,
    style: Style,
    quiet: bool,
    out: &mut impl Write,
) -> Result<ExitCode> {
    let options = read_options(args.assume_year, args.max_file_size);
    let parsed = match &args.index {
        Some(dir) => {
            let inputs = args.paths.iter().map(|p| Input::Path(p.clone())).collect();
            Index::open(dir)?.parse(inputs, &options)?
        }
        None => whosaid::parse_paths(&args.paths, &options)?,
    };
    for d in &parsed.diagnostics {
        if d.is_error {
            eprintln!("whosaid: skipped {}: {}", d.location, d.message);
        } else if !quiet {
            eprintln!("whosaid: warning: {}: {}", d.location, d.message);
        }
    }
    for article in &parsed.articles {
        if args.json {
            let reasons = args.explain.then(|| whosaid::attribution::explain(article));
            output::write_article_json(out, article, reasons.as_deref())?;
        } else {
            let reasons = args.explain.then(|| whosaid::attribution::explain(article));
            output::write_article(out, article, reasons.as_deref(), style)?;
        }
    }
    Ok(if parsed.diagnostics.iter().any(|d| d.is_error) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
