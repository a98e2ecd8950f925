//! Scores speaker attribution on sets laid out like `../shared/gold-real/` (articles/*.md and
//! gold.jsonl, with that README's matching), by difficulty, with every miss.
//!
//! ```sh
//! cargo run --release --example score-attribution                 # ../shared/gold-real
//! cargo run --release --example score-attribution -- DIR... [--misses]
//! ```

#[path = "../tests/support/gold_real.rs"]
mod gold_real;

use std::path::PathBuf;

use whosaid::attribution;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let misses = args.iter().any(|a| a == "--misses");
    let mut dirs: Vec<PathBuf> = args
        .iter()
        .filter(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .collect();
    if dirs.is_empty() {
        dirs.push(gold_real::dir());
    }
    let mut all = gold_real::Score::default();
    for dir in &dirs {
        let articles = match gold_real::load(dir) {
            Ok(a) => a,
            Err(e) => {
                eprintln!("score-attribution: {e}");
                std::process::exit(2);
            }
        };
        let mut score = gold_real::Score::default();
        for a in &articles {
            let texts: Vec<&str> = a.paragraphs.iter().map(String::as_str).collect();
            for (row, got) in a.rows.iter().zip(attribution::attribute_texts(&texts)) {
                let names: Vec<String> = got.into_iter().map(|s| s.name).collect();
                score.add(&format!("{} ¶{}", a.name, row.paragraph), row, &names);
            }
        }
        print!("{}", score.report(&dir.display().to_string(), misses));
        all.merge(&score);
    }
    if dirs.len() > 1 {
        print!("{}", all.report("all sets", false));
    }
}
