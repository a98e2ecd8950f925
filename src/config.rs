//! The command line resolved into one [`Config`] before any work: every option checked and
//! turned into library values (a [`SearchRequest`], [`UpdateOptions`], a [`Style`]), so that
//! clap's types stop here and the commands in `main.rs` only do the work.

use std::path::PathBuf;

use anyhow::{Result, bail};
use whosaid::output::Style;
use whosaid::{Facet, Period, ReadOptions, SearchRequest, Sort, UpdateOptions};

use crate::cli::{self, ByArg, Cli, Command, CountArg, SortArg};

/// What to do, and how to print it.
#[derive(Debug)]
pub struct Config {
    /// How results are printed for people.
    pub style: Style,
    /// No progress, summaries or warnings on stderr.
    pub quiet: bool,
    /// The command.
    pub task: Task,
}

/// One command, resolved.
#[derive(Debug)]
pub enum Task {
    Search(SearchTask),
    Index(IndexTask),
    Parse(ParseTask),
    Delete { index: PathBuf, id: String },
    Show(ShowTask),
    Completions(clap_complete::Shell),
    Man,
}

/// `whosaid search`.
#[derive(Debug)]
pub struct SearchTask {
    pub index: PathBuf,
    pub request: SearchRequest,
    pub output: SearchOutput,
    pub json: bool,
}

/// What a search prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchOutput {
    /// Ranked hits.
    Hits,
    /// Matching paragraphs counted by a facet; the label of the row of paragraphs with none.
    Count(Facet, &'static str),
    /// Matching paragraphs counted per calendar period.
    Timeline(Period),
}

/// `whosaid index`.
#[derive(Debug)]
pub struct IndexTask {
    pub index: PathBuf,
    /// Files and folders, all existing, or `-` for JSON Lines on stdin.
    pub paths: Vec<PathBuf>,
    /// Everything but the progress callback, which the binary adds.
    pub options: UpdateOptions,
    pub full: bool,
    pub json: bool,
}

/// `whosaid parse`.
#[derive(Debug)]
pub struct ParseTask {
    pub paths: Vec<PathBuf>,
    pub index: Option<PathBuf>,
    pub read: ReadOptions,
    pub explain: bool,
    pub json: bool,
}

/// `whosaid show`.
#[derive(Debug)]
pub struct ShowTask {
    pub index: PathBuf,
    pub id: String,
    pub paragraph: Option<u64>,
    pub json: bool,
}

impl Config {
    /// Checks the options and resolves them.
    ///
    /// # Errors
    /// Options that do not go together, and inputs that do not exist (before anything is
    /// created or changed).
    pub fn from_cli(cli: Cli) -> Result<Config> {
        let mut style = Style {
            color: cli.global.color.enabled(),
            ..Style::default()
        };
        let task = match cli.command {
            Command::Search(args) => {
                style.quotes = args.quotes;
                Task::Search(search(args)?)
            }
            Command::Index(args) => Task::Index(index(args)?),
            Command::Parse(args) => Task::Parse(ParseTask {
                read: read_options(args.assume_year, args.max_file_size),
                paths: args.paths,
                index: args.index,
                explain: args.explain,
                json: args.json,
            }),
            Command::Delete(args) => Task::Delete {
                index: args.index,
                id: args.id,
            },
            Command::Show(args) => Task::Show(ShowTask {
                index: args.index,
                id: args.id,
                paragraph: args.paragraph,
                json: args.json,
            }),
            Command::Completions(args) => Task::Completions(args.shell),
            Command::Man => Task::Man,
        };
        Ok(Config {
            style,
            quiet: cli.global.quiet,
            task,
        })
    }
}

fn search(args: cli::SearchArgs) -> Result<SearchTask> {
    if args.by.is_some() && args.count != Some(CountArg::Date) {
        bail!(
            "--by gives the buckets of a timeline: use it with --count date \
             (e.g. `whosaid search Putin --count date --by month`)"
        );
    }
    let output = match args.count {
        None => SearchOutput::Hits,
        Some(CountArg::Speaker) => SearchOutput::Count(Facet::Speaker, "(no speaker)"),
        Some(CountArg::Source) => SearchOutput::Count(Facet::Source, "(no source)"),
        Some(CountArg::Author) => SearchOutput::Count(Facet::Author, "(no author)"),
        Some(CountArg::Section) => SearchOutput::Count(Facet::Section, "(no section)"),
        Some(CountArg::Date) => SearchOutput::Timeline(match args.by.unwrap_or(ByArg::Day) {
            ByArg::Day => Period::Day,
            ByArg::Week => Period::Week,
            ByArg::Month => Period::Month,
            ByArg::Year => Period::Year,
        }),
    };
    let around = args.context.unwrap_or(0);
    let mut request = SearchRequest::new(args.query.join(" "))
        .limit(args.limit)
        .offset(args.offset)
        .dates(args.from, args.until)
        .sort(match args.sort {
            SortArg::Relevance => Sort::Relevance,
            SortArg::Newest => Sort::Newest,
            SortArg::Oldest => Sort::Oldest,
        })
        .per_article(args.per_article)
        .context(
            args.before_context.unwrap_or(around),
            args.after_context.unwrap_or(around),
        );
    request.speakers = args.speakers;
    request.sources = args.sources;
    Ok(SearchTask {
        index: args.index,
        request,
        output,
        json: args.json,
    })
}

fn index(args: cli::IndexArgs) -> Result<IndexTask> {
    // Inputs are checked before the index is touched: a typo never creates or rebuilds one.
    for path in args.paths.iter().filter(|p| p.as_os_str() != "-") {
        if !path.exists() {
            bail!(
                "{} does not exist; give a folder or file of articles (nothing was changed)",
                path.display()
            );
        }
    }
    let options = UpdateOptions::default()
        .with_read(read_options(args.assume_year, args.max_file_size))
        .with_full(args.full)
        .with_threads(args.threads)
        .with_memory_mb(args.memory);
    Ok(IndexTask {
        index: args.index,
        paths: args.paths,
        options,
        full: args.full,
        json: args.json,
    })
}

fn read_options(assume_year: Option<i32>, max_file_mb: Option<u64>) -> ReadOptions {
    let options = ReadOptions::default().with_assume_year(assume_year);
    match max_file_mb {
        Some(mb) => options.with_max_file_bytes(mb.saturating_mul(1 << 20)),
        None => options,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn config(args: &[&str]) -> Result<Config> {
        let argv = std::iter::once("whosaid").chain(args.iter().copied());
        Config::from_cli(Cli::try_parse_from(argv)?)
    }

    fn search_task(args: &[&str]) -> SearchTask {
        match config(args).unwrap().task {
            Task::Search(task) => task,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn search_options_become_one_request() {
        let task = search_task(&[
            "search",
            "Putin",
            "truce",
            "-n",
            "5",
            "--offset",
            "5",
            "--sort",
            "newest",
            "-C",
            "2",
            "-A",
            "1",
            "--speaker",
            "Zelensky",
            "--from",
            "2025-03",
        ]);
        let r = &task.request;
        assert_eq!(r.query, "Putin truce");
        assert_eq!((r.limit, r.offset, r.sort), (5, 5, Sort::Newest));
        assert_eq!(r.context, (2, 1), "-A wins over -C for after");
        assert_eq!(r.speakers, ["Zelensky"]);
        assert_eq!(r.from.map(|d| d.to_string()).as_deref(), Some("2025-03-01"));
        assert_eq!(task.output, SearchOutput::Hits);
    }

    #[test]
    fn counts_and_timelines_are_resolved() {
        let table: [(&[&str], SearchOutput); 4] = [
            (
                &["--count", "source"],
                SearchOutput::Count(Facet::Source, "(no source)"),
            ),
            (
                &["--count", "speaker"],
                SearchOutput::Count(Facet::Speaker, "(no speaker)"),
            ),
            (&["--count", "date"], SearchOutput::Timeline(Period::Day)),
            (
                &["--count", "date", "--by", "week"],
                SearchOutput::Timeline(Period::Week),
            ),
        ];
        for (flags, want) in table {
            let mut args = vec!["search", "Putin"];
            args.extend_from_slice(flags);
            assert_eq!(search_task(&args).output, want, "{flags:?}");
        }
    }

    #[test]
    fn options_that_do_not_go_together_fail_before_any_work() {
        let e = config(&["search", "Putin", "--by", "month"]).unwrap_err();
        assert!(e.to_string().contains("--count date"), "{e}");
        let e = config(&["index", "/no/such/folder/for/whosaid"]).unwrap_err();
        assert!(e.to_string().contains("nothing was changed"), "{e}");
    }

    #[test]
    fn quotes_set_the_style() {
        let c = config(&["--color", "never", "search", "Putin", "--quotes"]).unwrap();
        assert!(c.style.quotes && !c.style.color);
    }
}
