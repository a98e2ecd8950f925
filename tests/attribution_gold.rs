//! Regression tests for speaker attribution: the seed articles' labels and the articles
//! written for `tests/gold/`. These sets were written to fit the rules, so they guard
//! against regressions; the measure of accuracy is real news (`tests/attribution_real.rs`).
//! Fails below the recorded floors.
//!
//! `cargo test --test attribution_gold -- --nocapture` prints the full table.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;
use whosaid::{ReadOptions, article, attribution};

#[derive(Deserialize)]
struct GoldArticle {
    article: String,
    paragraphs: Vec<GoldParagraph>,
}

#[derive(Deserialize)]
struct GoldParagraph {
    text: String,
    speakers: Vec<String>,
    difficulty: String,
    ambiguous: bool,
}

#[derive(Deserialize)]
struct SeedLabel {
    file: String,
    line: usize,
    speakers: Vec<String>,
    difficulty: String,
    ambiguous: bool,
}

/// One scored paragraph.
struct Case {
    label: String,
    gold: Vec<String>,
    got: Vec<String>,
    difficulty: String,
    ambiguous: bool,
}

#[derive(Default)]
struct Score {
    by_difficulty: BTreeMap<String, (usize, usize)>,
    true_pos: usize,
    false_pos: usize,
    false_neg: usize,
    none_total: usize,
    none_with_speaker: usize,
    misses: Vec<String>,
}

impl Score {
    fn add(&mut self, case: &Case) {
        let gold: std::collections::BTreeSet<&String> = case.gold.iter().collect();
        let got: std::collections::BTreeSet<&String> = case.got.iter().collect();
        if !case.ambiguous {
            let entry = self
                .by_difficulty
                .entry(case.difficulty.clone())
                .or_default();
            entry.1 += 1;
            if gold == got {
                entry.0 += 1;
            } else {
                self.misses.push(format!(
                    "{} [{}] gold {:?} got {:?}",
                    case.label, case.difficulty, case.gold, case.got
                ));
            }
            if case.difficulty == "none" {
                self.none_total += 1;
                if !got.is_empty() {
                    self.none_with_speaker += 1;
                }
            }
            self.true_pos += gold.intersection(&got).count();
            self.false_pos += got.difference(&gold).count();
            self.false_neg += gold.difference(&got).count();
        }
    }

    fn accuracy(&self) -> f64 {
        let (right, all) = self
            .by_difficulty
            .values()
            .fold((0, 0), |(r, a), (x, y)| (r + x, a + y));
        right as f64 / all.max(1) as f64
    }

    fn difficulty(&self, name: &str) -> f64 {
        self.by_difficulty
            .get(name)
            .map_or(1.0, |(r, a)| *r as f64 / (*a).max(1) as f64)
    }

    fn precision(&self) -> f64 {
        self.true_pos as f64 / (self.true_pos + self.false_pos).max(1) as f64
    }

    fn recall(&self) -> f64 {
        self.true_pos as f64 / (self.true_pos + self.false_neg).max(1) as f64
    }

    fn false_speaker_rate(&self) -> f64 {
        self.none_with_speaker as f64 / self.none_total.max(1) as f64
    }

    fn print(&self, name: &str) {
        println!("== {name}");
        for (d, (r, a)) in &self.by_difficulty {
            println!(
                "  {d:<10} {r:>4}/{a:<4} {:>6.1}%",
                100.0 * *r as f64 / (*a).max(1) as f64
            );
        }
        println!(
            "  overall {:.1}%  precision {:.1}%  recall {:.1}%  false speakers on `none` {:.1}%",
            100.0 * self.accuracy(),
            100.0 * self.precision(),
            100.0 * self.recall(),
            100.0 * self.false_speaker_rate()
        );
        for miss in &self.misses {
            println!("  miss: {miss}");
        }
    }
}

fn gold_cases(file: &Path) -> Vec<Case> {
    let text = std::fs::read_to_string(file).expect("gold file");
    let mut cases = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let article: GoldArticle = serde_json::from_str(line).expect("gold article");
        let texts: Vec<&str> = article.paragraphs.iter().map(|p| p.text.as_str()).collect();
        let speakers = attribution::attribute_texts(&texts);
        for (n, (p, got)) in article.paragraphs.iter().zip(speakers).enumerate() {
            cases.push(Case {
                label: format!("{} ¶{n}", article.article),
                gold: p.speakers.clone(),
                got: got.into_iter().map(|s| s.name).collect(),
                difficulty: p.difficulty.clone(),
                ambiguous: p.ambiguous,
            });
        }
    }
    cases
}

fn seed_cases() -> Vec<Case> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds");
    let labels = std::fs::read_to_string(dir.join("speakers.jsonl")).expect("seed labels");
    let labels: Vec<SeedLabel> = labels
        .lines()
        .map(|l| serde_json::from_str(l).expect("seed label"))
        .collect();
    let options = ReadOptions::default().with_assume_year(Some(2025));
    let mut cases = Vec::new();
    let mut files: Vec<&str> = labels.iter().map(|l| l.file.as_str()).collect();
    files.dedup();
    for file in files {
        let path = dir.join(file);
        let raw = std::fs::read_to_string(&path).expect("seed file");
        let lines: Vec<&str> = raw.lines().collect();
        let mut source = article::read(&path, &dir, &options).expect("seed parses");
        let mut a = source.articles.remove(0);
        attribution::attribute(&mut a);
        for label in labels.iter().filter(|l| l.file == file) {
            let line = lines[label.line - 1];
            let paragraph = a.paragraphs.iter().find(|p| p.text == line.trim());
            let got = paragraph.map_or_else(
                || vec![format!("<no paragraph for line {}>", label.line)],
                |p| p.speaker_names().map(str::to_string).collect(),
            );
            cases.push(Case {
                label: format!("{file}:{}", label.line),
                gold: label.speakers.clone(),
                got,
                difficulty: label.difficulty.clone(),
                ambiguous: label.ambiguous,
            });
        }
    }
    cases
}

fn score(cases: &[Case]) -> Score {
    let mut s = Score::default();
    for case in cases {
        s.add(case);
    }
    s
}

#[test]
fn every_unambiguous_seed_paragraph_is_right() {
    let s = score(&seed_cases());
    s.print("seeds");
    assert!(s.misses.is_empty(), "seed misses: {:#?}", s.misses);
}

/// The held-out sets: written apart from the attribution rules, by writers who never saw
/// the code. Each was scored once untouched (set 1: 85.1%, set 2: 83.2%, set 3: 82.8%,
/// set 4: 88.6%, set 5: 83.4%, set 6: 92.6% of paragraphs exactly right, each after the
/// fixes the previous sets led to), then sets 1 to 5 were studied for general failure
/// classes. Set 6 has never been studied: its score is the honest estimate of accuracy on
/// new text. The floors guard against regressions: raise them, never lower them.
#[test]
fn held_out_sets_score_above_their_floors() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/gold");
    let floors = [
        ("heldout.jsonl", 0.93),
        ("heldout2.jsonl", 0.93),
        ("heldout3.jsonl", 0.93),
        ("heldout4.jsonl", 0.93),
        ("heldout5.jsonl", 0.92),
        // Never studied: its misses have not been looked at.
        ("heldout6.jsonl", 0.90),
    ];
    for (file, floor) in floors {
        let s = score(&gold_cases(&dir.join(file)));
        s.print(file);
        assert!(
            s.accuracy() >= floor,
            "{file}: accuracy {:.3}",
            s.accuracy()
        );
        assert!(
            s.precision() >= 0.97,
            "{file}: precision {:.3}",
            s.precision()
        );
        assert!(
            s.false_speaker_rate() <= 0.03,
            "{file}: false speakers {:.3}",
            s.false_speaker_rate()
        );
    }
}

#[test]
fn gold_set_scores_above_the_floors() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/gold");
    let mut cases = Vec::new();
    for file in ["attribution_a.jsonl", "attribution_b.jsonl"] {
        cases.extend(gold_cases(&dir.join(file)));
    }
    assert!(
        cases.len() >= 300,
        "gold set has {} paragraphs",
        cases.len()
    );
    let s = score(&cases);
    s.print("gold set");
    // Floors: raise them as attribution improves, never lower them.
    let floors = [
        ("overall", s.accuracy(), 0.97),
        ("explicit", s.difficulty("explicit"), 0.97),
        ("pronoun", s.difficulty("pronoun"), 0.85),
        ("role", s.difficulty("role"), 0.80),
        ("carryover", s.difficulty("carryover"), 0.85),
        ("precision", s.precision(), 0.97),
        ("recall", s.recall(), 0.96),
    ];
    for (name, value, floor) in floors {
        assert!(
            value >= floor,
            "{name} {value:.3} is below the floor {floor}"
        );
    }
    assert!(
        s.false_speaker_rate() <= 0.02,
        "false speakers {:.3}",
        s.false_speaker_rate()
    );
}
