//! Command-line arguments. Declared from `main.rs` only; the types stop there and become
//! library option structs.

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use whosaid::Date;

/// whosaid: search news by who said what, and when.
///
/// Exit status: 0 success (search: hits found), 1 search found nothing or index/parse
/// skipped some inputs, 2 error, 75 index locked by another process (try again later).
#[derive(Debug, Parser)]
#[command(
    version,
    about,
    long_about,
    max_term_width = 100,
    after_help = "Exit status: 0 success (search: hits found), 1 nothing found or some inputs \
                  skipped, 2 error, 75 index locked by another process."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// When to colour output.
    #[arg(long, value_enum, default_value_t = Color::Auto, global = true)]
    pub color: Color,
    /// Print nothing on stderr but errors.
    #[arg(short, long, global = true)]
    pub quiet: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    /// Colour when stdout is a terminal, NO_COLOR is unset and TERM is not dumb.
    Auto,
    Always,
    Never,
}

impl Color {
    pub fn enabled(self) -> bool {
        match self {
            Color::Always => true,
            Color::Never => false,
            Color::Auto => {
                std::io::stdout().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::env::var("TERM").map_or(true, |t| t != "dumb")
            }
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run a ranked query against the index.
    ///
    /// Words are ANDed: `Putin ceasefire`. Also: OR, NOT or -, (parentheses), "phrases",
    /// prefix*, fuzzy~1, field:value (text, title, section, speaker, source, author, date,
    /// article, paragraph, url), date:2025-03-14, date:2025-03, date:[2025-03-01 TO
    /// 2025-03-31], date:>=2025-03-01.
    Search(SearchArgs),
    /// Build or update the index from article files or folders (`-` reads JSON Lines on stdin).
    Index(IndexArgs),
    /// Show articles split into paragraphs with speakers and dates, as they would be indexed.
    Parse(ParseArgs),
    /// Delete one article (all its paragraphs) from the index by id.
    Delete(DeleteArgs),
    /// Print an article (or one of its paragraphs) as indexed, with speakers.
    Show(ShowArgs),
    /// Print a shell completion script (see the README for where to put it).
    Completions(CompletionsArgs),
    /// Print the manual page (roff), e.g. `whosaid man > ~/.local/share/man/man1/whosaid.1`.
    Man,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Article id, as `whosaid search` prints it.
    pub id: String,
    /// Only this paragraph (`3` or `¶3`).
    #[arg(value_name = "¶N", value_parser = paragraph_number)]
    pub paragraph: Option<u64>,
    /// Index folder.
    #[arg(long, default_value = "index")]
    pub index: PathBuf,
    /// Print JSON Lines, one object per paragraph.
    #[arg(long)]
    pub json: bool,
}

/// `3` or `¶3`.
fn paragraph_number(text: &str) -> Result<u64, String> {
    let digits = text.trim().trim_start_matches('¶');
    digits
        .parse()
        .map_err(|_| format!("`{text}` is not a paragraph number; write e.g. 3 or ¶3"))
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// The query; several words are joined with spaces.
    #[arg(required = true, num_args = 1..)]
    pub query: Vec<String>,
    /// Index folder. When it is the default and holds no index, one is built from `corpus`.
    #[arg(long, default_value = "index")]
    pub index: PathBuf,
    /// Number of hits to show.
    #[arg(short = 'n', long, default_value_t = 10)]
    pub limit: usize,
    /// Hits to skip (for paging).
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    /// Keep paragraphs where this person speaks (repeatable).
    #[arg(long = "speaker", value_name = "NAME")]
    pub speakers: Vec<String>,
    /// Keep paragraphs from this outlet (repeatable).
    #[arg(long = "source", value_name = "NAME")]
    pub sources: Vec<String>,
    /// Keep paragraphs dated on or after this day, or from the start of this month or year
    /// (YYYY-MM-DD, YYYY-MM or YYYY).
    #[arg(long, value_name = "DATE", value_parser = first_day)]
    pub from: Option<whosaid::Date>,
    /// Keep paragraphs dated on or before this day, or up to the end of this month or year
    /// (YYYY-MM-DD, YYYY-MM or YYYY).
    #[arg(long, value_name = "DATE", value_parser = last_day)]
    pub until: Option<whosaid::Date>,
    /// Order of hits.
    #[arg(long, value_enum, default_value_t = SortArg::Relevance)]
    pub sort: SortArg,
    /// Print counts of matching paragraphs instead of hits.
    #[arg(long, value_enum, value_name = "BY")]
    pub count: Option<CountArg>,
    /// With `--count date`: buckets of a day, an ISO week, a month or a year, from the
    /// first match to the last, empty ones included.
    #[arg(long, value_enum, value_name = "PERIOD")]
    pub by: Option<ByArg>,
    /// One hit per article: its best paragraph, with how many more of it match (the
    /// limit, offset and sort then count articles).
    #[arg(long)]
    pub per_article: bool,
    /// Show N paragraphs of the same article before and after each hit.
    #[arg(short = 'C', long, value_name = "N")]
    pub context: Option<usize>,
    /// Show N paragraphs of the same article before each hit.
    #[arg(short = 'B', long, value_name = "N")]
    pub before_context: Option<usize>,
    /// Show N paragraphs of the same article after each hit.
    #[arg(short = 'A', long, value_name = "N")]
    pub after_context: Option<usize>,
    /// Print each hit's quotations, whole, with who says them, instead of its snippet
    /// (JSON hits always have them, under `quotes`).
    #[arg(long)]
    pub quotes: bool,
    /// Print JSON Lines, one object per hit.
    #[arg(long)]
    pub json: bool,
}

/// The first and last day of `2025`, `2025-03` or one day (any form a date may take).
fn period(text: &str) -> Result<(Date, Date), String> {
    let text = text.trim();
    let bytes = text.as_bytes();
    let digits = |b: &[u8]| !b.is_empty() && b.iter().all(u8::is_ascii_digit);
    let number = |b: &[u8]| std::str::from_utf8(b).ok()?.parse::<i32>().ok();
    let bad = || {
        format!(
            "`{text}` is not a date; write YYYY-MM-DD, YYYY-MM or YYYY (years {} to {})",
            Date::MIN_YEAR,
            Date::MAX_YEAR
        )
    };
    match bytes.len() {
        4 if digits(bytes) => {
            let year = number(bytes).ok_or_else(bad)?;
            Date::new(year, 1, 1)
                .zip(Date::new(year, 12, 31))
                .ok_or_else(bad)
        }
        6 | 7 if bytes[4] == b'-' && digits(&bytes[..4]) && digits(&bytes[5..]) => {
            let year = number(&bytes[..4]).ok_or_else(bad)?;
            let month = u8::try_from(number(&bytes[5..]).ok_or_else(bad)?).map_err(|_| bad())?;
            let first = Date::new(year, month, 1).ok_or_else(bad)?;
            let last = (28..=31)
                .rev()
                .find_map(|day| Date::new(year, month, day))
                .ok_or_else(bad)?;
            Ok((first, last))
        }
        _ => text.parse::<Date>().map(|day| (day, day)).map_err(|e| {
            if e.contains("is not a date") {
                bad()
            } else {
                e
            }
        }),
    }
}

fn first_day(text: &str) -> Result<Date, String> {
    period(text).map(|(first, _)| first)
}

fn last_day(text: &str) -> Result<Date, String> {
    period(text).map(|(_, last)| last)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SortArg {
    Relevance,
    Newest,
    Oldest,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CountArg {
    /// Paragraphs per speaker.
    Speaker,
    /// Paragraphs per outlet.
    Source,
    /// Paragraphs per byline.
    Author,
    /// Paragraphs per section heading.
    Section,
    /// Paragraphs per day.
    Date,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ByArg {
    Day,
    Week,
    Month,
    Year,
}

#[derive(Debug, Args)]
pub struct IndexArgs {
    /// Files or folders of articles (.txt, .md, .jsonl, .ndjson); `-` for JSON Lines on stdin.
    #[arg(default_value = "corpus")]
    pub paths: Vec<PathBuf>,
    /// Index folder.
    #[arg(long, default_value = "index")]
    pub index: PathBuf,
    /// Re-read everything and drop articles the inputs no longer have.
    #[arg(long)]
    pub full: bool,
    /// Year for dates written without one ("Mar 14").
    #[arg(long, value_name = "YEAR")]
    pub assume_year: Option<i32>,
    /// Skip files larger than this many megabytes [default: 256].
    #[arg(long, value_name = "MB")]
    pub max_file_size: Option<u64>,
    /// Indexing threads [default: cores, at most 4].
    #[arg(long)]
    pub threads: Option<usize>,
    /// Indexing memory in MB [default: 256].
    #[arg(long, value_name = "MB")]
    pub memory: Option<usize>,
    /// Print the summary as one JSON object on stdout.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ParseArgs {
    /// Files or folders of articles.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Year for dates written without one ("Mar 14").
    #[arg(long, value_name = "YEAR")]
    pub assume_year: Option<i32>,
    /// Show the cue behind every speaker.
    #[arg(long)]
    pub explain: bool,
    /// Make speaker names canonical together with the names in this index, as `index`
    /// would store them.
    #[arg(long, value_name = "DIR")]
    pub index: Option<PathBuf>,
    /// Skip files larger than this many megabytes [default: 256].
    #[arg(long, value_name = "MB")]
    pub max_file_size: Option<u64>,
    /// Print JSON Lines, one object per paragraph.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct DeleteArgs {
    /// Article id, as `whosaid search --json` prints it.
    pub id: String,
    /// Index folder.
    #[arg(long, default_value = "index")]
    pub index: PathBuf,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn verify_cli() {
        Cli::command().debug_assert();
    }

    #[test]
    fn from_and_until_take_a_year_a_month_or_a_day() {
        let d = |y, m, day| Date::new(y, m, day).unwrap();
        for (text, first, last) in [
            ("2025", d(2025, 1, 1), d(2025, 12, 31)),
            ("2025-02", d(2025, 2, 1), d(2025, 2, 28)),
            ("2024-2", d(2024, 2, 1), d(2024, 2, 29)),
            ("2025-12", d(2025, 12, 1), d(2025, 12, 31)),
            ("2025-03-14", d(2025, 3, 14), d(2025, 3, 14)),
            ("March 14, 2025", d(2025, 3, 14), d(2025, 3, 14)),
        ] {
            assert_eq!(first_day(text), Ok(first), "{text}");
            assert_eq!(last_day(text), Ok(last), "{text}");
        }
        for text in [
            "2025-13",
            "2025-00",
            "9999",
            "2025-1é",
            "20x5",
            "",
            "2025-03-1é",
        ] {
            assert!(first_day(text).is_err(), "{text}");
            assert!(last_day(text).is_err(), "{text}");
        }
    }
}
