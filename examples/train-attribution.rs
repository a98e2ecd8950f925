//! Trains the pronoun model of attribution (`src/attribution/rank.rs`) on the real-news gold
//! set, and reports how it does on articles it was not trained on.
//!
//! ```sh
//! cargo run --release --example train-attribution                  # figures only
//! cargo run --release --example train-attribution -- --write       # also writes weights.txt
//! cargo run --release --example train-attribution -- --write DIR   # and scores other sets
//! ```
//!
//! Each pronoun that gave a speaker is one example: its candidates' features, and which
//! candidate the gold labels name. An averaged perceptron starts from recency alone (the
//! most recent subject wins; `--from-prior` starts from the hand-set weights instead). It learns from the real set in `../shared/gold-real` and the two seed articles
//! (real news as well). The figures printed are leave-article-out: each article is scored
//! with weights trained on all the others. Deterministic: no randomness, examples in order.

#[path = "../tests/support/gold_real.rs"]
mod gold_real;

use std::path::{Path, PathBuf};

use whosaid::attribution::{self, rank};
use whosaid::{ReadOptions, article};

/// Passes over the examples.
const EPOCHS: usize = 10;

/// Size of one perceptron step (smaller: closer to the prior).
const RATE: f32 = 1.0;

/// One labelled decision: candidates' features, and the right one.
struct Example {
    article: usize,
    features: Vec<rank::Features>,
    gold: usize,
}

fn texts(a: &gold_real::GoldArticle) -> Vec<&str> {
    a.paragraphs.iter().map(String::as_str).collect()
}

/// The labelled decisions of one article, made with `weights`.
fn examples(index: usize, a: &gold_real::GoldArticle, weights: &rank::Weights) -> Vec<Example> {
    let (_, trace) = rank::traced(Some(weights), || attribution::attribute_texts(&texts(a)));
    trace
        .into_iter()
        .filter(|d| d.is_used && d.candidates.len() > 1)
        .filter_map(|d| {
            let row = &a.rows[d.paragraph];
            if row.ambiguous || row.speakers.is_empty() {
                return None;
            }
            let gold = d.candidates.iter().position(|(name, _)| {
                let got = gold_real::name_tokens(name);
                row.speakers
                    .iter()
                    .any(|g| gold_real::loose_match(&gold_real::name_tokens(g), &got))
            })?;
            Some(Example {
                article: index,
                features: d.candidates.iter().map(|(_, f)| *f).collect(),
                gold,
            })
        })
        .collect()
}

/// An averaged perceptron from `start`, over the examples `keep` lets through.
fn train(
    start: &rank::Weights,
    data: &[Example],
    keep: impl Fn(&Example) -> bool,
) -> rank::Weights {
    let mut w = start.0;
    let mut sum = [0.0f32; rank::N];
    let mut steps = 0.0f32;
    for _ in 0..EPOCHS {
        for e in data.iter().filter(|e| keep(e)) {
            let score = |f: &rank::Features| w.iter().zip(f).map(|(a, b)| a * b).sum::<f32>();
            let mut best = 0;
            for (i, f) in e.features.iter().enumerate() {
                if score(f) > score(&e.features[best]) {
                    best = i;
                }
            }
            if best != e.gold {
                let (good, bad) = (&e.features[e.gold], &e.features[best]);
                for ((w, g), b) in w.iter_mut().zip(good).zip(bad) {
                    *w += RATE * (g - b);
                }
            }
            for (s, w) in sum.iter_mut().zip(&w) {
                *s += w;
            }
            steps += 1.0;
        }
    }
    if steps == 0.0 {
        return start.clone();
    }
    rank::Weights(sum.map(|s| s / steps))
}

/// Scores one article with `weights`.
fn score(a: &gold_real::GoldArticle, weights: &rank::Weights, into: &mut gold_real::Score) {
    let (speakers, _) = rank::traced(Some(weights), || attribution::attribute_texts(&texts(a)));
    for (row, got) in a.rows.iter().zip(speakers) {
        let names: Vec<String> = got.into_iter().map(|s| s.name).collect();
        into.add(&format!("{} ¶{}", a.name, row.paragraph), row, &names);
    }
}

fn load(dir: &Path) -> Vec<gold_real::GoldArticle> {
    gold_real::load(dir).unwrap_or_else(|e| {
        eprintln!("train-attribution: {e}");
        std::process::exit(2);
    })
}

/// The two seed articles (real news too, labelled in `tests/fixtures/seeds/speakers.jsonl`)
/// in the gold set's form: more examples to learn from.
fn seeds() -> Vec<gold_real::GoldArticle> {
    #[derive(serde::Deserialize)]
    struct Label {
        file: String,
        line: usize,
        speakers: Vec<String>,
        difficulty: String,
        ambiguous: bool,
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds");
    let labels: Vec<Label> = std::fs::read_to_string(dir.join("speakers.jsonl"))
        .expect("seed labels")
        .lines()
        .map(|l| serde_json::from_str(l).expect("a seed label"))
        .collect();
    let mut files: Vec<&str> = labels.iter().map(|l| l.file.as_str()).collect();
    files.dedup();
    let options = ReadOptions::default().with_assume_year(Some(2025));
    files
        .into_iter()
        .map(|file| {
            let path = dir.join(file);
            let raw = std::fs::read_to_string(&path).expect("seed file");
            let lines: Vec<&str> = raw.lines().collect();
            let mut source = article::read(&path, &dir, &options).expect("seed parses");
            let a = source.articles.remove(0);
            let paragraphs: Vec<String> = a.paragraphs.iter().map(|p| p.text.clone()).collect();
            let rows = paragraphs
                .iter()
                .enumerate()
                .map(|(n, text)| {
                    let label = labels
                        .iter()
                        .find(|l| l.file == file && lines[l.line - 1].trim() == text);
                    gold_real::Row {
                        article: file.to_string(),
                        paragraph: n,
                        speakers: label.map(|l| l.speakers.clone()).unwrap_or_default(),
                        ambiguous: label.is_none_or(|l| l.ambiguous),
                        difficulty: label.map_or("none".into(), |l| l.difficulty.clone()),
                        note: String::new(),
                    }
                })
                .collect();
            gold_real::GoldArticle {
                name: file.to_string(),
                path,
                text: raw.clone(),
                paragraphs,
                rows,
            }
        })
        .collect()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let write = args.iter().any(|a| a == "--write");
    let others: Vec<PathBuf> = args
        .iter()
        .filter(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .collect();
    let mut articles = load(&gold_real::dir());
    articles.extend(seeds());
    let prior = rank::Weights::prior();
    let start = if args.iter().any(|a| a == "--from-prior") {
        rank::Weights::prior()
    } else {
        rank::Weights::recency()
    };
    let data: Vec<Example> = articles
        .iter()
        .enumerate()
        .flat_map(|(i, a)| examples(i, a, &start))
        .collect();
    println!(
        "{} labelled pronoun decisions with more than one candidate in {} articles \
         (the real set and the two seed articles)",
        data.len(),
        articles.len()
    );
    let mut before = gold_real::Score::default();
    let mut held_out = gold_real::Score::default();
    for (i, a) in articles.iter().enumerate() {
        score(a, &prior, &mut before);
        let w = train(&start, &data, |e| e.article != i);
        score(a, &w, &mut held_out);
    }
    print!("{}", before.report("real set, hand-set weights", false));
    print!(
        "{}",
        held_out.report("real set, leave-article-out trained weights", false)
    );
    let weights = train(&start, &data, |_| true);
    println!("weights trained on all articles:\n{}", weights.to_text());
    for dir in &others {
        let mut s_prior = gold_real::Score::default();
        let mut s_trained = gold_real::Score::default();
        for a in &load(dir) {
            score(a, &prior, &mut s_prior);
            score(a, &weights, &mut s_trained);
        }
        print!(
            "{}",
            s_prior.report(&format!("{}, prior", dir.display()), false)
        );
        print!(
            "{}",
            s_trained.report(&format!("{}, trained", dir.display()), false)
        );
    }
    if write {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/attribution/weights.txt");
        let text = format!(
            "# Weights of the pronoun model (see rank.rs), one feature per line.\n\
             # Written by `cargo run --release --example train-attribution -- --write`.\n{}",
            weights.to_text()
        );
        std::fs::write(&path, text).expect("weights.txt can be written");
        println!("wrote {}", path.display());
    }
}
