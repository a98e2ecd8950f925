//! The `whosaid` binary, run as a user runs it: in a temp dir, with `NO_COLOR` set and
//! `RUST_LOG` cleared, asserting stdout, stderr and the exit code separately.
//!
//! - `search`: the first run that builds the index, filters, dates, the JSON contract,
//!   stable ordering, bad queries (issue #2).
//! - `parse`: the raw seed articles, `--explain`, every input format (issue #2).
//! - `index`: incremental reindexing, bad inputs, the lock, a killed run, searches during a
//!   run, the schema version, exit codes (issue #4).
//!
//! Tests never touch the repository's `corpus/` or `index/`: they copy what they need.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::{Run, copy_corpus, whosaid};
use serde::Deserialize;
use serde_json::Value;

/// The sample corpus: article ids (from front matter), paragraphs and dates.
const ARTICLE_000: &str = "000_a5aa5458dad75b43";
const ARTICLE_002: &str = "002_8a3903543c9a21b0";
const PARAGRAPHS_000: usize = 11;
const PARAGRAPHS_002: usize = 16;
const SAMPLE_PARAGRAPHS: u64 = (PARAGRAPHS_000 + PARAGRAPHS_002) as u64;

/// One `search --json` line: the documented contract, nothing more.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)] // read by `Debug` and the contract test
struct Hit {
    article: String,
    title: Option<String>,
    source: Option<String>,
    author: Option<String>,
    url: Option<String>,
    date: Option<String>,
    paragraph: u64,
    section: Option<String>,
    speakers: Vec<String>,
    text: String,
    snippet: String,
    score: f64,
    highlights: Vec<[usize; 2]>,
}

/// Every key of a `search --json` line; serde would let an `Option` key be missing.
const HIT_KEYS: [&str; 13] = [
    "article",
    "title",
    "source",
    "author",
    "url",
    "date",
    "paragraph",
    "section",
    "speakers",
    "text",
    "snippet",
    "score",
    "highlights",
];

/// The one object `index --json` prints.
#[derive(Debug, Deserialize)]
struct Report {
    added: usize,
    updated: usize,
    deleted: usize,
    unchanged: usize,
    failed: usize,
    paragraphs: usize,
    seconds: f64,
    errors: Vec<InputError>,
}

#[derive(Debug, Deserialize)]
struct InputError {
    path: String,
    message: String,
}

fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temp dir")
}

/// A temp dir holding the sample corpus indexed into `idx`.
fn indexed_sample() -> tempfile::TempDir {
    let tmp = tempdir();
    copy_corpus(tmp.path());
    index(tmp.path(), &["corpus", "--index", "idx"]).expect_code(0);
    tmp
}

/// `whosaid index ARGS --json`.
fn index(dir: &Path, args: &[&str]) -> Run {
    let mut all = vec!["index"];
    all.extend_from_slice(args);
    all.push("--json");
    whosaid(dir, &all)
}

/// The report of an `index --json` run that exited with `code`.
#[track_caller]
fn report(run: &Run, code: i32) -> Report {
    run.expect_code(code);
    let lines: Vec<Report> = run.json_lines();
    assert_eq!(lines.len(), 1, "one summary object: {run:#?}");
    lines.into_iter().next().expect("one line")
}

/// `whosaid search QUERY --json --limit 1000 --index idx` (exit 0 or 1), its hits.
#[track_caller]
fn search_idx(dir: &Path, query: &str) -> Vec<Hit> {
    let run = whosaid(
        dir,
        &[
            "search", query, "--json", "--limit", "1000", "--index", "idx",
        ],
    );
    assert!(matches!(run.code, Some(0 | 1)), "{query}: {run:#?}");
    assert_eq!(run.code == Some(1), run.stdout.is_empty(), "{run:#?}");
    run.json_lines()
}

/// The paragraph numbers the index holds for one article.
#[track_caller]
fn paragraphs_of(dir: &Path, article: &str) -> Vec<u64> {
    let hits = search_idx(dir, &format!("article:\"{article}\""));
    assert!(hits.iter().all(|h| h.article == article), "{hits:#?}");
    let mut numbers: Vec<u64> = hits.iter().map(|h| h.paragraph).collect();
    numbers.sort();
    numbers
}

/// Paragraphs in `idx` with a date (every article of the sample and generated corpora has
/// one), counted by `search '*' --count date`.
#[track_caller]
fn dated_paragraphs(dir: &Path) -> u64 {
    let run = whosaid(
        dir,
        &["search", "*", "--count", "date", "--json", "--index", "idx"],
    );
    assert!(matches!(run.code, Some(0 | 1)), "{run:#?}");
    let rows: Vec<Value> = run.json_lines();
    rows.iter()
        .map(|r| r["count"].as_u64().expect("a count"))
        .sum()
}

fn articles(hits: &[Hit]) -> BTreeSet<&str> {
    hits.iter().map(|h| h.article.as_str()).collect()
}

mod search {
    use super::*;

    #[test]
    fn human_output_snapshot() {
        let tmp = indexed_sample();
        let run = whosaid(
            tmp.path(),
            &[
                "search",
                "Putin AND ceasefire",
                "--index",
                "idx",
                "--color",
                "never",
                "-n",
                "3",
            ],
        );
        run.expect_code(0);
        insta::assert_snapshot!("search_putin_and_ceasefire", run.stdout);
        assert_eq!(run.stderr, "whosaid: 3 of 3 matching paragraphs\n");
    }

    #[test]
    fn help_snapshot() {
        let tmp = tempdir();
        let run = whosaid(tmp.path(), &["--help"]);
        run.expect_code(0);
        insta::assert_snapshot!("help", run.stdout);
        let run = whosaid(tmp.path(), &["search", "--help"]);
        run.expect_code(0);
        insta::assert_snapshot!("search_help", run.stdout);
    }

    #[test]
    fn prefix_fuzzy_and_wildcard_words_match() {
        let tmp = indexed_sample();
        let has = |hit: &Hit, word: &str| hit.text.to_lowercase().contains(word);
        // `cease*` finds every paragraph saying "ceasefire", like `ceasefire` itself.
        let prefix = search_idx(tmp.path(), "cease*");
        let exact = search_idx(tmp.path(), "ceasefire");
        assert!(!prefix.is_empty());
        assert_eq!(prefix.len(), exact.len());
        assert!(prefix.iter().all(|h| has(h, "cease")), "{prefix:#?}");
        // One edit away from "Zelensky"; on the speaker field only his paragraphs.
        let fuzzy = search_idx(tmp.path(), "Zelenskiy~1");
        assert!(!fuzzy.is_empty());
        assert!(
            fuzzy
                .iter()
                .all(|h| has(h, "zelensky") || h.speakers.iter().any(|s| s.contains("Zelensky")))
        );
        let speaker = search_idx(tmp.path(), "speaker:Zelenskiy~1");
        assert!(!speaker.is_empty());
        assert!(
            speaker
                .iter()
                .all(|h| h.speakers.contains(&"Volodymyr Zelensky".to_string()))
        );
        assert!(
            search_idx(tmp.path(), "Zelenskiy").is_empty(),
            "no fuzziness without ~"
        );
        // Wildcards inside a word, on stemmed text too.
        assert_eq!(search_idx(tmp.path(), "ceasef?re").len(), exact.len());
        assert!(!search_idx(tmp.path(), "zel*sky").is_empty());
    }

    #[test]
    fn first_search_builds_the_index_from_corpus_once() {
        let tmp = tempdir();
        let dir = tmp.path();
        copy_corpus(dir);

        let first = whosaid(dir, &["search", "Putin AND ceasefire"]);
        first.expect_code(0);
        assert!(first.stderr.contains("building"), "{}", first.stderr);
        assert!(dir.join("index/meta.json").is_file());
        assert!(
            first.stdout.starts_with(" 1. Ukraine War Twist"),
            "{}",
            first.stdout
        );
        assert!(first.stdout.contains("Vladimir Putin"), "{}", first.stdout);

        let second = whosaid(dir, &["search", "Putin AND ceasefire"]);
        second.expect_code(0);
        assert!(!second.stderr.contains("building"), "{}", second.stderr);
        assert_eq!(second.stdout, first.stdout);

        let hits: Vec<Hit> = whosaid(dir, &["search", "Putin AND ceasefire", "--json"])
            .expect_code(0)
            .json_lines();
        assert!(hits.len() >= 3, "{hits:#?}");
        for hit in &hits {
            assert!(!hit.snippet.is_empty(), "{hit:#?}");
            assert!(hit.text.contains(&hit.snippet), "{hit:#?}");
        }
        assert!(
            hits.iter()
                .any(|h| h.speakers == ["Vladimir Putin"] && h.paragraph == 0),
            "{hits:#?}"
        );
    }

    #[test]
    fn putin_and_ceasefire_hits_mention_both_in_their_text() {
        let tmp = indexed_sample();
        let hits = search_idx(tmp.path(), "Putin AND ceasefire");
        assert!(!hits.is_empty());
        for hit in &hits {
            let text = hit.text.to_lowercase();
            assert!(
                text.contains("putin") && text.contains("ceasefire"),
                "¶{} of {}: {}",
                hit.paragraph,
                hit.article,
                hit.text
            );
        }
    }

    #[test]
    fn speaker_query_keeps_only_that_speakers_paragraphs() {
        let tmp = indexed_sample();
        let hits = search_idx(tmp.path(), "speaker:Putin");
        assert!(hits.len() >= 3, "{hits:#?}");
        for hit in &hits {
            assert!(
                hit.speakers.iter().any(|s| s == "Vladimir Putin"),
                "{hit:#?}"
            );
        }
    }

    #[test]
    fn date_queries_keep_only_paragraphs_of_those_dates() {
        let tmp = indexed_sample();
        let march = ("2025-03-14", PARAGRAPHS_000);
        let february = ("2025-02-12", PARAGRAPHS_002);
        let table = [
            ("date:2025-03-14", march),
            ("date:2025-03", march),
            ("date:[2025-03-01 TO 2025-03-31]", march),
            ("date:[2025-03-14 TO 2025-03-14]", march),
            ("date:>=2025-03-01", march),
            ("date:2025-02", february),
            ("title:Trump AND date:2025-02-12", february),
        ];
        for (query, (date, count)) in table {
            let hits = search_idx(tmp.path(), query);
            assert_eq!(hits.len(), count, "{query}");
            for hit in &hits {
                assert_eq!(hit.date.as_deref(), Some(date), "{query}: {hit:#?}");
            }
        }
        for query in ["date:2025-03-13", "date:>=2025-03-15", "date:2024"] {
            assert!(search_idx(tmp.path(), query).is_empty(), "{query}");
        }
    }

    #[test]
    fn search_without_matches_exits_1_with_empty_stdout() {
        let tmp = indexed_sample();
        let run = whosaid(tmp.path(), &["search", "zanzibar", "--index", "idx"]);
        run.expect_code(1);
        assert_eq!(run.stdout, "");
        let run = whosaid(
            tmp.path(),
            &["search", "zanzibar", "--json", "--index", "idx"],
        );
        run.expect_code(1);
        assert_eq!(run.stdout, "");
    }

    #[test]
    fn limit_keeps_the_top_hits() {
        let tmp = indexed_sample();
        let all = search_idx(tmp.path(), "Trump");
        assert!(all.len() > 3, "{}", all.len());
        let top: Vec<Hit> = whosaid(
            tmp.path(),
            &[
                "search", "Trump", "--limit", "3", "--json", "--index", "idx",
            ],
        )
        .expect_code(0)
        .json_lines();
        let key = |h: &Hit| (h.article.clone(), h.paragraph);
        assert_eq!(
            top.iter().map(key).collect::<Vec<_>>(),
            all[..3].iter().map(key).collect::<Vec<_>>()
        );
    }

    #[test]
    fn json_hits_have_exactly_the_documented_keys() {
        let tmp = indexed_sample();
        let run = whosaid(
            tmp.path(),
            &[
                "search",
                "Putin OR Zelensky",
                "--json",
                "--limit",
                "100",
                "--index",
                "idx",
            ],
        );
        run.expect_code(0);
        let lines: Vec<Value> = run.json_lines();
        assert!(lines.len() > 10, "{}", lines.len());
        let highlighted = lines
            .iter()
            .filter(|l| l["highlights"] != Value::Array(vec![]));
        assert!(highlighted.count() > 10, "few hits have highlights");
        for line in &lines {
            let keys: BTreeSet<&str> = line
                .as_object()
                .expect("an object")
                .keys()
                .map(String::as_str)
                .collect();
            assert_eq!(keys, BTreeSet::from(HIT_KEYS), "{line}");
            let hit: Hit = serde_json::from_value(line.clone()).expect("the contract");
            if let Some(date) = &hit.date {
                assert!(is_iso_date(date), "{date}");
            }
            assert!(hit.score > 0.0, "{hit:#?}");
            for [start, end] in &hit.highlights {
                assert!(start < end && *end <= hit.text.len(), "{hit:#?}");
                assert!(hit.text.is_char_boundary(*start) && hit.text.is_char_boundary(*end));
                let word = hit.text[*start..*end].to_lowercase();
                assert!(
                    word.starts_with("putin") || word.starts_with("zelensk"),
                    "highlight `{word}` is not a query word"
                );
            }
        }
    }

    fn is_iso_date(date: &str) -> bool {
        let b = date.as_bytes();
        b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && date
                .char_indices()
                .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
    }

    #[test]
    fn same_query_gives_the_same_bytes_and_ties_break_on_article_then_paragraph() {
        let tmp = indexed_sample();
        for query in ["Trump", "date:2025", "speaker:Trump OR ceasefire"] {
            let args = [
                "search", query, "--json", "--limit", "100", "--index", "idx",
            ];
            let first = whosaid(tmp.path(), &args);
            first.expect_code(0);
            let second = whosaid(tmp.path(), &args);
            assert_eq!(first.stdout, second.stdout, "{query}");
            let hits: Vec<Hit> = first.json_lines();
            for pair in hits.windows(2) {
                let (a, b) = (&pair[0], &pair[1]);
                assert!(a.score >= b.score, "{query}: not ranked: {a:#?} {b:#?}");
                if a.score == b.score {
                    assert!(
                        (&a.article, a.paragraph) < (&b.article, b.paragraph),
                        "{query}: tie not broken on (article, paragraph): {a:#?} {b:#?}"
                    );
                }
            }
        }
    }

    #[test]
    fn bad_queries_exit_2_naming_the_problem_and_its_column() {
        let tmp = indexed_sample();
        // (query, column, words the message must have)
        let table: [(&str, usize, &[&str]); 6] = [
            ("Putin AND (", 11, &["parenthesis"]),
            ("\"unclosed", 1, &["quote"]),
            ("Putin AND", 7, &["AND"]),
            ("(Putin", 1, &["parenthesis"]),
            ("spaker:x", 1, &["spaker", "`speaker`", "text, title"]),
            ("date:2025-13", 6, &["2025-13", "date"]),
        ];
        for (query, column, words) in table {
            let run = whosaid(tmp.path(), &["search", query, "--index", "idx"]);
            run.expect_code(2);
            assert_eq!(run.stdout, "", "{query}");
            assert!(
                run.stderr.contains(&format!("column {column}")),
                "{query}: {}",
                run.stderr
            );
            for word in words {
                assert!(run.stderr.contains(word), "{query}: {}", run.stderr);
            }
        }
    }

    #[test]
    fn missing_index_outside_the_default_says_to_run_index() {
        let tmp = tempdir();
        copy_corpus(tmp.path());
        let run = whosaid(tmp.path(), &["search", "Putin", "--index", "some/dir"]);
        run.expect_code(2);
        assert_eq!(run.stdout, "");
        assert!(run.stderr.contains("whosaid index"), "{}", run.stderr);
        assert!(run.stderr.contains("some/dir"), "{}", run.stderr);
        assert!(!tmp.path().join("some").exists(), "search created a folder");
    }

    #[test]
    fn help_lists_the_exit_codes() {
        let tmp = tempdir();
        let run = whosaid(tmp.path(), &["--help"]);
        run.expect_code(0);
        assert_eq!(run.stderr, "");
        let help = run.stdout.to_lowercase();
        assert!(help.contains("exit"), "{help}");
        for code in [
            "0 success",
            "1 search found nothing",
            "2 error",
            "75 index locked",
        ] {
            assert!(help.contains(code), "`{code}` not in: {help}");
        }
    }
}

mod parse {
    use super::*;
    use common::fixture;

    const SEED_000: &str = "seeds/000_a5aa5458dad75b43.txt";
    const SEED_002: &str = "seeds/002_8a3903543c9a21b0.txt";

    /// The section headings of seed 000 (see /work/shared/seeds/README.md).
    const HEADINGS_000: [&str; 7] = [
        "Putin Open to Ukraine Ceasefire Talks but Demands Direct White House Negotiations",
        "Ceasefire Talks Hang in the Balance",
        "Trump’s Response: Optimism with Caution",
        "Zelensky Calls Putin’s Offer ‘Manipulative’",
        "Battlefield Tensions Remain High",
        "U.S. Increases Pressure on Moscow",
        "What’s Next?",
    ];

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)] // read by `Debug`
    struct ParsedParagraph {
        article: String,
        title: Option<String>,
        source: Option<String>,
        author: Option<String>,
        url: Option<String>,
        date: Option<String>,
        paragraph: usize,
        section: Option<String>,
        speakers: Vec<String>,
        text: String,
        cues: Option<Vec<Value>>,
    }

    #[derive(Deserialize)]
    struct Label {
        file: String,
        line: usize,
        speakers: Vec<String>,
        difficulty: String,
        ambiguous: bool,
    }

    fn parse_json(args: &[&str]) -> (Run, Vec<ParsedParagraph>) {
        let tmp = tempdir();
        let mut all = vec!["parse", "--json"];
        all.extend_from_slice(args);
        let run = whosaid(tmp.path(), &all);
        let paragraphs = run.json_lines();
        (run, paragraphs)
    }

    fn seed_lines(seed: &str) -> Vec<String> {
        std::fs::read_to_string(fixture(seed))
            .expect("seed is readable")
            .lines()
            .map(str::to_string)
            .collect()
    }

    /// The gold speakers of `file`'s explicit, non-ambiguous lines, keyed by line text.
    fn explicit_speakers(file: &str) -> Vec<(String, Vec<String>)> {
        let lines = seed_lines(&format!("seeds/{file}"));
        let gold = std::fs::read_to_string(fixture("seeds/speakers.jsonl")).expect("gold");
        let labels: Vec<Label> = common::json_lines(&gold);
        let out: Vec<_> = labels
            .into_iter()
            .filter(|l| l.file == file && l.difficulty == "explicit" && !l.ambiguous)
            .map(|l| (lines[l.line - 1].trim().to_string(), l.speakers))
            .collect();
        assert!(out.len() >= 5, "{file}: {} labels", out.len());
        out
    }

    #[track_caller]
    fn assert_speakers(file: &str, paragraphs: &[ParsedParagraph]) {
        for (text, speakers) in explicit_speakers(file) {
            let p = paragraphs
                .iter()
                .find(|p| p.text == text)
                .unwrap_or_else(|| panic!("no paragraph reads: {text}"));
            assert_eq!(p.speakers, speakers, "¶{}: {}", p.paragraph, p.text);
        }
    }

    #[test]
    fn seed_000_keeps_header_block_and_headings_out_of_the_paragraphs() {
        let path = fixture(SEED_000);
        let (run, paragraphs) =
            parse_json(&[path.to_str().expect("UTF-8 path"), "--assume-year", "2025"]);
        run.expect_code(0);

        // Expected: body lines after the header block, headings naming the section of the
        // paragraphs below them, the `Comments` chrome dropped.
        let lines = seed_lines(SEED_000);
        let body_start = lines
            .iter()
            .position(|l| l.trim().is_empty())
            .expect("blank")
            + 1;
        let mut section: Option<&str> = None;
        let mut expected: Vec<(Option<&str>, &str)> = Vec::new();
        for line in lines[body_start..].iter().map(|l| l.trim()) {
            if HEADINGS_000.contains(&line) {
                section = Some(line);
            } else if !line.is_empty() && line != "Comments" {
                expected.push((section, line));
            }
        }
        assert_eq!(expected.len(), PARAGRAPHS_000);
        let got: Vec<(Option<&str>, &str)> = paragraphs
            .iter()
            .map(|p| (p.section.as_deref(), p.text.as_str()))
            .collect();
        assert_eq!(got, expected);

        for (n, p) in paragraphs.iter().enumerate() {
            assert_eq!(p.paragraph, n);
            assert_eq!(p.article, "000_a5aa5458dad75b43.txt");
            assert_eq!(
                p.title.as_deref(),
                Some("Ukraine War Twist: Putin Wants Direct Talks With Trump Before Truce")
            );
            assert_eq!(p.author.as_deref(), Some("C MONEY"));
            assert_eq!(p.date.as_deref(), Some("2025-03-14"));
            assert!(p.cues.is_none(), "cues without --explain");
        }
        let press = paragraphs
            .iter()
            .find(|p| p.text.starts_with("Speaking at a press conference"))
            .expect("the press conference paragraph");
        assert_eq!(
            press.section.as_deref(),
            Some("Ceasefire Talks Hang in the Balance")
        );
        assert_speakers("000_a5aa5458dad75b43.txt", &paragraphs);
    }

    #[test]
    fn date_without_year_is_null_and_warns_naming_the_file() {
        let path = fixture(SEED_000);
        let (run, paragraphs) = parse_json(&[path.to_str().expect("UTF-8 path")]);
        run.expect_code(0);
        assert_eq!(paragraphs.len(), PARAGRAPHS_000);
        assert!(
            paragraphs.iter().all(|p| p.date.is_none()),
            "{paragraphs:#?}"
        );
        assert!(
            run.stderr.contains("000_a5aa5458dad75b43.txt"),
            "{}",
            run.stderr
        );
        assert!(run.stderr.contains("--assume-year"), "{}", run.stderr);
    }

    #[test]
    fn seed_002_has_no_title_author_or_date_and_one_paragraph_per_line() {
        let path = fixture(SEED_002);
        let (run, paragraphs) = parse_json(&[path.to_str().expect("UTF-8 path")]);
        run.expect_code(0);
        assert_eq!(run.stderr, "");
        assert_eq!(paragraphs.len(), PARAGRAPHS_002);
        let lines = seed_lines(SEED_002);
        for (p, line) in paragraphs.iter().zip(&lines) {
            assert_eq!(p.text, line.trim());
            assert_eq!(
                (&p.title, &p.author, &p.date, &p.section),
                (&None, &None, &None, &None),
                "{p:#?}"
            );
        }
        assert_speakers("002_8a3903543c9a21b0.txt", &paragraphs);
    }

    #[test]
    fn explain_shows_the_cue_behind_each_speaker() {
        let tmp = tempdir();
        let path = fixture(SEED_002);
        let path = path.to_str().expect("UTF-8 path");

        let plain = whosaid(tmp.path(), &["parse", path]);
        plain.expect_code(0);
        assert!(!plain.stdout.contains(" <- "), "{}", plain.stdout);

        let human = whosaid(tmp.path(), &["parse", "--explain", path]);
        human.expect_code(0);
        let cue = human
            .stdout
            .lines()
            .find(|l| l.trim_start().starts_with("Volodymyr Zelensky <- "))
            .unwrap_or_else(|| panic!("no cue line for Zelensky: {}", human.stdout));
        assert!(cue.contains("told"), "{cue}");

        let (run, paragraphs) = parse_json(&["--explain", path]);
        run.expect_code(0);
        for p in &paragraphs {
            let cues = p.cues.as_ref().expect("a `cues` key on every line");
            let named: Vec<&str> = cues.iter().filter_map(|c| c["speaker"].as_str()).collect();
            assert_eq!(named, p.speakers, "{p:#?}");
        }
    }

    #[test]
    fn every_input_format_is_read_and_hidden_and_unknown_files_are_skipped() {
        let tmp = tempdir();
        common::copy_fixture_dir("cli/formats", &tmp.path().join("f"));
        let run = whosaid(tmp.path(), &["parse", "f", "--json"]);
        run.expect_code(0);
        assert_eq!(run.stderr, "");
        let paragraphs: Vec<ParsedParagraph> = run.json_lines();
        let got: Vec<(&str, usize, &str)> = paragraphs
            .iter()
            .map(|p| (p.article.as_str(), p.paragraph, p.text.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "a.md",
                    0,
                    "\"The harbour reopens on Monday,\" said Mayor Jane Roe."
                ),
                ("a.md", 1, "A second paragraph about the harbour."),
                (
                    "custom-id",
                    0,
                    "The id comes from the front matter, not the file name."
                ),
                ("feed-body", 0, "First body paragraph."),
                ("feed-body", 1, "Second body paragraph."),
                ("feed.jsonl#2", 0, "Listed paragraph one."),
                ("feed.jsonl#2", 1, "Listed paragraph two."),
                ("feed.jsonl#2", 2, "Listed paragraph three."),
                (
                    "wrapped.txt",
                    0,
                    "The first paragraph of this file is wrapped over two lines."
                ),
                ("wrapped.txt", 1, "The second paragraph is wrapped as well."),
            ]
        );
        let a = &paragraphs[0];
        assert_eq!(a.title.as_deref(), Some("Front matter without an id"));
        assert_eq!(a.source.as_deref(), Some("Harbour Gazette"));
        assert_eq!(a.date.as_deref(), Some("2025-03-14"));
        assert_eq!(
            paragraphs[5].title.as_deref(),
            Some("No id: named after its line")
        );
    }
}

mod index {
    use std::fs::{self, OpenOptions};
    use std::time::Duration;

    use super::*;
    use common::{corpus, list_files, spawn_whosaid, write};

    #[test]
    fn spelling_variants_and_aliases_are_one_speaker() {
        let tmp = tempdir();
        let dir = tmp.path();
        let news = dir.join("news");
        write(
            &news.join("a.md"),
            "Ukrainian President Volodymyr Zelensky said the front was holding.\n",
        );
        write(
            &news.join("b.md"),
            "\"We will not give up land,\" said Volodymyr Zelenskyy.\n",
        );
        write(
            &news.join("c.md"),
            "President Wolodymyr Selenskyj said the war must end, and Selenskyj said so twice.\n",
        );
        write(
            &news.join("speakers.toml"),
            "\"Volodymyr Zelensky\" = [\"Wolodymyr Selenskyj\"]\n",
        );
        index(dir, &["news", "--index", "idx"]).expect_code(0);
        let run = whosaid(
            dir,
            &[
                "search",
                "war OR front OR land",
                "--count",
                "speaker",
                "--json",
                "--index",
                "idx",
            ],
        );
        run.expect_code(0);
        let counts: Vec<serde_json::Value> = run.json_lines();
        assert_eq!(counts.len(), 1, "{counts:#?}");
        assert_eq!(counts[0]["key"], "Volodymyr Zelensky");
        assert_eq!(counts[0]["count"], 3);
        // Any spelling finds him.
        for query in ["speaker:Zelenskyy", "speaker:Selenskyj", "speaker:zelensky"] {
            assert_eq!(search_idx(dir, query).len(), 3, "{query}");
        }
    }

    #[test]
    fn json_summary_and_a_rerun_with_nothing_changed_writes_nothing() {
        let tmp = tempdir();
        let dir = tmp.path();
        copy_corpus(dir);

        let run = index(dir, &["corpus", "--index", "idx"]);
        let keys: Value = serde_json::from_str(run.stdout.trim()).expect("one JSON object");
        for key in [
            "added",
            "updated",
            "deleted",
            "unchanged",
            "failed",
            "paragraphs",
            "seconds",
            "errors",
        ] {
            assert!(keys.get(key).is_some(), "no `{key}` in {keys}");
        }
        let first = report(&run, 0);
        assert_eq!((first.added, first.updated, first.deleted), (2, 0, 0));
        assert_eq!((first.unchanged, first.failed), (0, 0));
        assert_eq!(first.paragraphs as u64, SAMPLE_PARAGRAPHS);
        assert!(first.seconds >= 0.0);
        assert!(first.errors.is_empty());

        let meta = fs::read(dir.join("idx/meta.json")).expect("meta.json");
        let files = list_files(&dir.join("idx"));
        let hits = whosaid(dir, &["search", "Putin", "--json", "--index", "idx"]);
        hits.expect_code(0);

        let second = report(&index(dir, &["corpus", "--index", "idx"]), 0);
        assert_eq!(
            (second.added, second.updated, second.deleted),
            (0, 0, 0),
            "{second:#?}"
        );
        assert_eq!((second.unchanged, second.paragraphs), (2, 0));
        assert_eq!(
            fs::read(dir.join("idx/meta.json")).expect("meta.json"),
            meta
        );
        assert_eq!(list_files(&dir.join("idx")), files);
        let again = whosaid(dir, &["search", "Putin", "--json", "--index", "idx"]);
        assert_eq!(again.stdout, hits.stdout, "same top hits");
    }

    #[test]
    fn edited_article_replaces_all_its_old_paragraphs() {
        let tmp = indexed_sample();
        let dir = tmp.path();
        let file = dir.join(format!("corpus/{ARTICLE_000}.md"));
        let text = fs::read_to_string(&file).expect("article");
        assert!(text.contains("Kremlin"));
        // One word replaced, and one paragraph dropped, so a left-behind paragraph shows.
        let dropped = "Despite diplomatic efforts, fighting continues.";
        let edited: String = text
            .replace("Kremlin", "Zorblatt")
            .lines()
            .filter(|l| !l.starts_with(dropped))
            .map(|l| format!("{l}\n"))
            .collect();
        assert_ne!(edited.lines().count(), text.lines().count());
        write(&file, &edited);

        let r = report(&index(dir, &["corpus", "--index", "idx"]), 0);
        assert_eq!((r.added, r.updated, r.deleted, r.unchanged), (0, 1, 0, 1));
        assert_eq!(r.paragraphs, PARAGRAPHS_000 - 1);

        assert_eq!(articles(&search_idx(dir, "Zorblatt")), [ARTICLE_000].into());
        assert!(search_idx(dir, "Kremlin").is_empty());
        assert!(search_idx(dir, "\"fighting continues\"").is_empty());
        let parsed = whosaid(dir, &["parse", "--json", file.to_str().expect("UTF-8")]);
        let parsed_count = parsed.expect_code(0).stdout.lines().count();
        assert_eq!(parsed_count, PARAGRAPHS_000 - 1);
        let expected: Vec<u64> = (0..parsed_count as u64).collect();
        assert_eq!(paragraphs_of(dir, ARTICLE_000), expected);
        assert_eq!(paragraphs_of(dir, ARTICLE_002).len(), PARAGRAPHS_002);
    }

    #[test]
    fn deleted_file_takes_its_paragraphs_and_a_new_file_is_added() {
        let tmp = indexed_sample();
        let dir = tmp.path();
        fs::remove_file(dir.join(format!("corpus/{ARTICLE_002}.md"))).expect("remove");
        let r = report(&index(dir, &["corpus", "--index", "idx"]), 0);
        assert_eq!((r.added, r.updated, r.deleted, r.unchanged), (0, 0, 1, 1));
        assert!(paragraphs_of(dir, ARTICLE_002).is_empty());
        assert!(search_idx(dir, "Bessent").is_empty(), "a paragraph of 002");
        assert_eq!(dated_paragraphs(dir), PARAGRAPHS_000 as u64);

        write(
            &dir.join("corpus/new.md"),
            "---\ndate: 2025-04-01\n---\n\nThe new kangaroo paragraph.\n",
        );
        let r = report(&index(dir, &["corpus", "--index", "idx"]), 0);
        assert_eq!((r.added, r.updated, r.deleted, r.unchanged), (1, 0, 0, 1));
        assert_eq!(articles(&search_idx(dir, "kangaroo")), ["new.md"].into());
    }

    #[test]
    fn a_run_over_one_folder_leaves_another_folders_articles_alone() {
        let tmp = indexed_sample();
        let dir = tmp.path();
        write(&dir.join("other/o.md"), "The platypus paragraph.\n");
        let r = report(&index(dir, &["other", "--index", "idx"]), 0);
        assert_eq!((r.added, r.deleted, r.unchanged), (1, 0, 0));

        let r = report(&index(dir, &["corpus", "--index", "idx"]), 0);
        assert_eq!((r.added, r.updated, r.deleted, r.unchanged), (0, 0, 0, 2));
        assert_eq!(articles(&search_idx(dir, "platypus")), ["o.md"].into());

        // And the other way round: a change in `corpus` does not touch `other`.
        fs::remove_file(dir.join(format!("corpus/{ARTICLE_000}.md"))).expect("remove");
        let r = report(&index(dir, &["corpus", "--index", "idx"]), 0);
        assert_eq!(r.deleted, 1);
        assert_eq!(articles(&search_idx(dir, "platypus")), ["o.md"].into());
    }

    #[test]
    fn delete_removes_one_article_and_an_unknown_id_exits_2() {
        let tmp = indexed_sample();
        let dir = tmp.path();
        let run = whosaid(dir, &["delete", ARTICLE_000, "--index", "idx"]);
        run.expect_code(0);
        assert_eq!(run.stdout, "");
        assert!(paragraphs_of(dir, ARTICLE_000).is_empty());
        assert_eq!(paragraphs_of(dir, ARTICLE_002).len(), PARAGRAPHS_002);

        let run = whosaid(dir, &["delete", "no-such-article", "--index", "idx"]);
        run.expect_code(2);
        assert_eq!(run.stdout, "");
        assert!(run.stderr.contains("no-such-article"), "{}", run.stderr);
        assert_eq!(paragraphs_of(dir, ARTICLE_002).len(), PARAGRAPHS_002);
    }

    #[test]
    fn json_lines_on_stdin_are_indexed_with_stdin_ids() {
        let tmp = tempdir();
        let dir = tmp.path();
        let input = concat!(
            "{\"title\": \"No id\", \"body\": \"The wombat spoke first.\"}\n",
            "{\"id\": \"given\", \"paragraphs\": [\"The wombat spoke again.\"]}\n",
        );
        let run =
            common::whosaid_with_stdin(dir, &["index", "-", "--index", "idx", "--json"], input);
        let r = report(&run, 0);
        assert_eq!((r.added, r.failed, r.paragraphs), (2, 0, 2));
        assert_eq!(
            articles(&search_idx(dir, "wombat")),
            ["given", "stdin#1"].into()
        );
    }

    #[test]
    fn bad_inputs_are_skipped_and_named_and_good_ones_indexed() {
        let tmp = tempdir();
        let dir = tmp.path();
        common::copy_fixture_dir("cli/bad", &dir.join("c"));
        write(
            &dir.join("c/latin1.txt"),
            b"Caf\xe9 au lait, said nobody.\n",
        );
        write(&dir.join("c/binary.txt"), b"NUL\0bytes are not text.\n");

        let run = index(dir, &["c", "--index", "idx"]);
        let r = report(&run, 1);
        assert_eq!((r.added, r.failed), (3, 5), "{r:#?}");
        let bad = [
            "bad-front-matter.md",
            "binary.txt",
            "empty.md",
            "feed.jsonl:2",
            "latin1.txt",
        ];
        let paths: BTreeSet<&str> = r.errors.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(paths.len(), bad.len(), "{r:#?}");
        for name in bad {
            let error = r
                .errors
                .iter()
                .find(|e| e.path.ends_with(&format!("c/{name}")))
                .unwrap_or_else(|| panic!("no error for {name}: {r:#?}"));
            assert!(!error.message.is_empty(), "{error:#?}");
            assert!(run.stderr.contains(name), "{name} not in {}", run.stderr);
        }
        assert_eq!(articles(&search_idx(dir, "aardvark")), ["good.md"].into());
        assert_eq!(
            articles(&search_idx(dir, "echidna")),
            ["echidna-1", "echidna-3"].into()
        );
    }

    #[test]
    fn an_unreadable_new_version_keeps_the_old_one_searchable() {
        let tmp = tempdir();
        let dir = tmp.path();
        write(&dir.join("d/x.md"), "The ocelot paragraph.\n");
        report(&index(dir, &["d", "--index", "idx"]), 0);

        write(&dir.join("d/x.md"), b"The \xff ocelot, now broken.\n");
        let run = index(dir, &["d", "--index", "idx"]);
        let r = report(&run, 1);
        assert_eq!((r.failed, r.deleted, r.updated), (1, 0, 0), "{r:#?}");
        assert!(run.stderr.contains("x.md"), "{}", run.stderr);
        let hits = search_idx(dir, "ocelot");
        assert_eq!(hits.len(), 1, "{hits:#?}");
        assert_eq!(hits[0].text, "The ocelot paragraph.");
    }

    #[test]
    fn a_locked_index_exits_75_at_once_and_searches_still_work() {
        let tmp = indexed_sample();
        let dir = tmp.path();
        let file = dir.join(format!("corpus/{ARTICLE_000}.md"));
        let text = fs::read_to_string(&file).expect("article");
        write(&file, text.replace("Kremlin", "Zorblatt"));

        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(dir.join("idx/whosaid.lock"))
            .expect("lock file");
        lock.try_lock().expect("nobody else holds the lock");

        let args = ["index", "corpus", "--index", "idx", "--json"];
        let (run, took) = common::whosaid_within(dir, &args, Duration::from_secs(60));
        run.expect_code(75);
        assert!(took < Duration::from_secs(5), "took {took:?}");
        assert_eq!(run.stdout, "");
        assert!(
            run.stderr
                .contains("index is being updated by another process"),
            "{}",
            run.stderr
        );
        let (run, _) = common::whosaid_within(
            dir,
            &["delete", ARTICLE_002, "--index", "idx"],
            Duration::from_secs(60),
        );
        run.expect_code(75);
        assert_eq!(articles(&search_idx(dir, "Kremlin")), [ARTICLE_000].into());

        lock.unlock().expect("unlock");
        drop(lock);
        let r = report(&whosaid(dir, &args), 0);
        assert_eq!(
            (r.updated, r.unchanged),
            (1, 1),
            "the locked run wrote nothing"
        );
        assert!(search_idx(dir, "Kremlin").is_empty());
    }

    #[test]
    fn a_stale_lock_file_never_blocks() {
        let tmp = tempdir();
        let dir = tmp.path();
        copy_corpus(dir);
        // A lock file with nobody holding it, before the index exists...
        write(&dir.join("idx/whosaid.lock"), "12345\n");
        let r = report(&index(dir, &["corpus", "--index", "idx"]), 0);
        assert_eq!(r.added, 2);
        // ...and after.
        write(&dir.join("idx/whosaid.lock"), "67890\n");
        fs::remove_file(dir.join(format!("corpus/{ARTICLE_002}.md"))).expect("remove");
        let r = report(&index(dir, &["corpus", "--index", "idx"]), 0);
        assert_eq!(r.deleted, 1);
    }

    /// A generated corpus big enough that indexing it takes seconds: (articles, paragraphs).
    fn big_corpus(folder: &Path) -> (usize, u64) {
        let articles = if cfg!(debug_assertions) { 1500 } else { 10_000 };
        let paragraphs = corpus::write_corpus(folder, 4, articles).expect("corpus written");
        (articles, paragraphs as u64)
    }

    #[test]
    fn a_killed_run_leaves_the_last_commit_and_the_next_run_completes() {
        let tmp = indexed_sample();
        let dir = tmp.path();
        let (articles, generated) = big_corpus(&dir.join("big"));
        let before = whosaid(dir, &["search", "Putin", "--json", "--index", "idx"]);
        before.expect_code(0);
        let files_before = list_files(&dir.join("idx"));

        let mut child = spawn_whosaid(dir, &["index", "big", "--index", "idx"]);
        // Mid-run: the writer has started writing segment files (after reading everything).
        let deadline = std::time::Instant::now() + Duration::from_secs(120);
        while list_files(&dir.join("idx")) == files_before {
            assert!(
                child.try_wait().expect("wait").is_none(),
                "indexing ended before it wrote anything"
            );
            assert!(std::time::Instant::now() < deadline, "no progress");
            std::thread::sleep(Duration::from_millis(20));
        }
        std::thread::sleep(Duration::from_millis(100));
        assert!(
            child.try_wait().expect("wait").is_none(),
            "indexing finished before it could be killed; make the corpus bigger"
        );
        child.kill().expect("SIGKILL");
        child.wait().expect("the killed child is reaped");

        // All or nothing: the sample corpus alone, or all of it.
        let total = dated_paragraphs(dir);
        assert!(
            total == SAMPLE_PARAGRAPHS || total == SAMPLE_PARAGRAPHS + generated,
            "{total} paragraphs: a partial commit"
        );
        let after = whosaid(dir, &["search", "Putin", "--json", "--index", "idx"]);
        after.expect_code(0);
        if total == SAMPLE_PARAGRAPHS {
            assert_eq!(after.stdout, before.stdout);
        }

        let r = report(&index(dir, &["big", "--index", "idx"]), 0);
        assert_eq!(r.added + r.unchanged, articles, "{r:#?}");
        assert_eq!(r.failed, 0);
        assert_eq!(dated_paragraphs(dir), SAMPLE_PARAGRAPHS + generated);
    }

    #[test]
    fn searches_during_a_reindex_never_fail() {
        let tmp = indexed_sample();
        let dir = tmp.path();
        big_corpus(&dir.join("big"));
        let mut child = spawn_whosaid(dir, &["index", "big", "--index", "idx"]);
        let mut during = 0;
        let mut after = 0;
        for _ in 0..500 {
            let running = child.try_wait().expect("wait").is_none();
            let run = whosaid(dir, &["search", "Putin", "--json", "--index", "idx"]);
            run.expect_code(0);
            assert!(!run.stdout.is_empty());
            if running {
                during += 1;
            } else {
                after += 1;
                if after == 3 {
                    break;
                }
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let status = child.wait().expect("indexing ends");
        assert!(status.success(), "{status:?}");
        assert!(during >= 5, "only {during} searches ran during indexing");
    }

    #[test]
    fn an_older_schema_is_refused_by_search_and_rebuilt_by_index() {
        let tmp = indexed_sample();
        let dir = tmp.path();
        let meta_path = dir.join("idx/meta.json");
        let mut meta: Value =
            serde_json::from_slice(&fs::read(&meta_path).expect("meta.json")).expect("JSON");
        let payload: Value =
            serde_json::from_str(meta["payload"].as_str().expect("a payload string"))
                .expect("payload JSON");
        assert_eq!(payload["whosaid_schema"], whosaid::SCHEMA_VERSION);
        meta["payload"] = Value::String("{\"whosaid_schema\":0}".into());
        write(
            &meta_path,
            serde_json::to_vec_pretty(&meta).expect("serialises"),
        );

        let run = whosaid(dir, &["search", "Putin", "--index", "idx"]);
        run.expect_code(2);
        assert_eq!(run.stdout, "");
        assert!(
            run.stderr.contains("whosaid index --full"),
            "{}",
            run.stderr
        );

        let run = index(dir, &["corpus", "--index", "idx"]);
        let r = report(&run, 0);
        assert!(run.stderr.contains("rebuilding"), "{}", run.stderr);
        assert_eq!(r.added, 2);
        assert_eq!(dated_paragraphs(dir), SAMPLE_PARAGRAPHS);
        assert_eq!(
            articles(&search_idx(dir, "speaker:Putin")),
            [ARTICLE_000].into()
        );
    }

    #[test]
    fn an_index_path_that_is_a_file_exits_2() {
        let tmp = tempdir();
        let dir = tmp.path();
        copy_corpus(dir);
        write(&dir.join("idx"), "not a folder\n");
        let run = index(dir, &["corpus", "--index", "idx"]);
        run.expect_code(2);
        assert_eq!(run.stdout, "");
        assert!(run.stderr.contains("whosaid: error"), "{}", run.stderr);
        assert!(run.stderr.contains("idx"), "{}", run.stderr);
        assert_eq!(
            fs::read_to_string(dir.join("idx")).expect("file"),
            "not a folder\n"
        );
    }
}
