//! `whosaid parse`: reading the seeds and every input format, `--explain`.

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
    quotes: Vec<Value>,
    cues: Option<Vec<Value>>,
    unattributed: Option<Vec<String>>,
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
        assert!(p.unattributed.is_none(), "reasons without --explain");
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
        let reasons = p
            .unattributed
            .as_ref()
            .expect("an `unattributed` key on every line");
        assert!(p.speakers.is_empty() || reasons.is_empty(), "{p:#?}");
    }
}

#[test]
fn explain_says_why_a_paragraph_got_no_speaker() {
    let tmp = tempdir();
    common::write(
        &tmp.path().join("a.md"),
        "\"It is over,\" officials said.\n\n\"We stay,\" he said.\n\nThe Ministry said talks would resume.\n\nRain fell all day.\n",
    );
    let path = tmp.path().join("a.md");
    let (run, paragraphs) = parse_json(&["--explain", path.to_str().expect("UTF-8")]);
    run.expect_code(0);
    let reasons: Vec<Vec<String>> = paragraphs
        .iter()
        .map(|p| p.unattributed.clone().expect("reasons"))
        .collect();
    assert!(reasons[0][0].contains("a group"), "{reasons:?}");
    assert!(reasons[1][0].contains("pronoun"), "{reasons:?}");
    assert!(
        reasons[2][0].contains("not known to be a person"),
        "{reasons:?}"
    );
    assert!(reasons[3].is_empty(), "nothing to explain: {reasons:?}");
    let human = whosaid(tmp.path(), &["parse", "--explain", "a.md"]);
    assert!(
        human.stdout.contains("no speaker: \"officials said\""),
        "{}",
        human.stdout
    );
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
