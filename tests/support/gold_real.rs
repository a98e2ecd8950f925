//! The real-news gold set in `../shared/gold-real/` (see its README): loading the articles
//! and their hand labels, and scoring predicted speakers against them with the README's
//! matching (loose name match, one to one, ambiguous rows skipped).
//!
//! Shared by the real-set test and the training example (`#[path]`-included).
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use unicode_normalization::UnicodeNormalization;

/// Where the set is looked for: `WHOSAID_GOLD_REAL`, else `../shared/gold-real` beside the
/// project folder.
pub fn dir() -> PathBuf {
    match std::env::var_os("WHOSAID_GOLD_REAL") {
        Some(path) => PathBuf::from(path),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/gold-real"),
    }
}

/// One hand label.
#[derive(Debug, Clone, Deserialize)]
pub struct Row {
    pub article: String,
    pub paragraph: usize,
    pub speakers: Vec<String>,
    pub ambiguous: bool,
    pub difficulty: String,
    #[serde(default)]
    pub note: String,
}

/// One article of the set: its file text, its paragraphs as the README counts them, and
/// its labels in paragraph order.
#[derive(Debug, Clone)]
pub struct GoldArticle {
    pub name: String,
    pub path: PathBuf,
    pub text: String,
    pub paragraphs: Vec<String>,
    pub rows: Vec<Row>,
}

/// Reads the set, or says what is missing.
pub fn load(dir: &Path) -> Result<Vec<GoldArticle>, String> {
    let gold = dir.join("gold.jsonl");
    let text = std::fs::read_to_string(&gold).map_err(|e| {
        format!(
            "the real-news gold set is missing: cannot read {} ({e}); it lives in \
             ../shared/gold-real beside the project, or set WHOSAID_GOLD_REAL to its folder",
            gold.display()
        )
    })?;
    let mut rows: BTreeMap<String, Vec<Row>> = BTreeMap::new();
    for (n, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let row: Row =
            serde_json::from_str(line).map_err(|e| format!("{}:{}: {e}", gold.display(), n + 1))?;
        rows.entry(row.article.clone()).or_default().push(row);
    }
    let mut articles = Vec::new();
    for (name, mut rows) in rows {
        rows.sort_by_key(|r| r.paragraph);
        let path = dir.join("articles").join(format!("{name}.md"));
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let paragraphs = split(&text);
        if rows.len() != paragraphs.len() {
            return Err(format!(
                "{name}: {} gold rows for {} paragraphs",
                rows.len(),
                paragraphs.len()
            ));
        }
        articles.push(GoldArticle {
            name,
            path,
            text,
            paragraphs,
            rows,
        });
    }
    Ok(articles)
}

/// The README's paragraph count: drop the front matter, split on blank lines, trim.
pub fn split(text: &str) -> Vec<String> {
    let mut body = text;
    if body.starts_with("---")
        && let Some(end) = body[3..].find("\n---")
    {
        body = &body[3 + end + 4..];
    }
    let mut out = Vec::new();
    let mut current = String::new();
    for line in body.split('\n') {
        if line.trim().is_empty() {
            if !current.trim().is_empty() {
                out.push(current.trim().to_string());
            }
            current.clear();
        } else {
            current.push_str(line);
            current.push('\n');
        }
    }
    if !current.trim().is_empty() {
        out.push(current.trim().to_string());
    }
    out
}

/// The README's paragraph key: NFKC, plain quotes, collapsed spaces, lowercase, 80 chars.
pub fn key(text: &str) -> String {
    let s: String = text
        .nfkc()
        .map(|c| match c {
            '\u{2019}' | '\u{2018}' => '\'',
            '\u{201c}' | '\u{201d}' => '"',
            c => c,
        })
        .collect();
    let s = s
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    s.chars().take(80).collect()
}

/// A name as a token tuple: NFKC, NFKD without non-ASCII, lowercase, letters and spaces.
pub fn name_tokens(name: &str) -> Vec<String> {
    let s: String = name.nfkc().collect::<String>().to_lowercase();
    let s: String = s.nfkd().filter(char::is_ascii).collect();
    s.chars()
        .map(|c| if c.is_ascii_lowercase() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .map(str::to_string)
        .collect()
}

/// Python's `difflib.SequenceMatcher(None, a, b).ratio()` (Ratcliff-Obershelp).
pub fn ratio(a: &str, b: &str) -> f64 {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    2.0 * matching(&a, &b) as f64 / (a.len() + b.len()) as f64
}

fn matching(a: &[char], b: &[char]) -> usize {
    // Longest common block, leftmost in `a`, then leftmost in `b` (as difflib finds it).
    let (mut best, mut at_a, mut at_b) = (0, 0, 0);
    for i in 0..a.len() {
        for j in 0..b.len() {
            let mut k = 0;
            while i + k < a.len() && j + k < b.len() && a[i + k] == b[j + k] {
                k += 1;
            }
            if k > best {
                (best, at_a, at_b) = (k, i, j);
            }
        }
    }
    if best == 0 {
        return 0;
    }
    best + matching(&a[..at_a], &b[..at_b]) + matching(&a[at_a + best..], &b[at_b + best..])
}

/// The README's loose match of two token tuples.
pub fn loose_match(a: &[String], b: &[String]) -> bool {
    let (Some(la), Some(lb)) = (a.last(), b.last()) else {
        return false;
    };
    if la == lb {
        return true;
    }
    let subset = |x: &[String], y: &[String]| x.iter().all(|t| y.contains(t));
    if subset(a, b) || subset(b, a) {
        return true;
    }
    la.len() >= 5 && lb.len() >= 5 && ratio(la, lb) >= 0.85
}

/// Matches gold names to predicted names one to one, greedily in gold order, with `fits`.
/// Returns (matched, unmatched gold, unmatched predicted).
pub fn pair(
    gold: &[String],
    got: &[String],
    fits: impl Fn(&[String], &[String]) -> bool,
) -> (usize, usize, usize) {
    let gold: Vec<Vec<String>> = gold.iter().map(|n| name_tokens(n)).collect();
    let mut predicted: Vec<Vec<String>> = Vec::new();
    for name in got {
        let t = name_tokens(name);
        if !predicted.contains(&t) {
            predicted.push(t);
        }
    }
    let got = predicted;
    let mut used = vec![false; got.len()];
    let mut matched = 0;
    for g in &gold {
        if let Some(j) = (0..got.len()).find(|&j| !used[j] && fits(g, &got[j])) {
            used[j] = true;
            matched += 1;
        }
    }
    (matched, gold.len() - matched, got.len() - matched)
}

/// Scores of one run over the set.
#[derive(Debug, Default, Clone)]
pub struct Score {
    /// difficulty -> (right, scored)
    pub by_difficulty: BTreeMap<String, (usize, usize)>,
    pub true_pos: usize,
    pub false_pos: usize,
    pub false_neg: usize,
    pub strict_true_pos: usize,
    pub strict_false_pos: usize,
    pub strict_false_neg: usize,
    /// Scored rows with no speaker, and how many got one.
    pub none_total: usize,
    pub none_with_speaker: usize,
    /// Rows with a speaker, and how many were right.
    pub speaker_rows: usize,
    pub speaker_rows_right: usize,
    pub misses: Vec<String>,
}

impl Score {
    /// Scores one row's prediction.
    pub fn add(&mut self, label: &str, row: &Row, got: &[String]) {
        if row.ambiguous {
            return;
        }
        let (tp, fneg, fpos) = pair(&row.speakers, got, loose_match);
        let (stp, sfn, sfp) = pair(&row.speakers, got, |a, b| a == b);
        let right = fneg == 0 && fpos == 0;
        let entry = self
            .by_difficulty
            .entry(row.difficulty.clone())
            .or_default();
        entry.1 += 1;
        if right {
            entry.0 += 1;
        } else {
            self.misses.push(format!(
                "{label} [{}] gold {:?} got {:?}",
                row.difficulty, row.speakers, got
            ));
        }
        if row.speakers.is_empty() {
            self.none_total += 1;
            if !got.is_empty() {
                self.none_with_speaker += 1;
            }
        } else {
            self.speaker_rows += 1;
            if right {
                self.speaker_rows_right += 1;
            }
        }
        self.true_pos += tp;
        self.false_pos += fpos;
        self.false_neg += fneg;
        self.strict_true_pos += stp;
        self.strict_false_pos += sfp;
        self.strict_false_neg += sfn;
    }

    pub fn merge(&mut self, other: &Score) {
        for (d, (r, a)) in &other.by_difficulty {
            let e = self.by_difficulty.entry(d.clone()).or_default();
            e.0 += r;
            e.1 += a;
        }
        self.true_pos += other.true_pos;
        self.false_pos += other.false_pos;
        self.false_neg += other.false_neg;
        self.strict_true_pos += other.strict_true_pos;
        self.strict_false_pos += other.strict_false_pos;
        self.strict_false_neg += other.strict_false_neg;
        self.none_total += other.none_total;
        self.none_with_speaker += other.none_with_speaker;
        self.speaker_rows += other.speaker_rows;
        self.speaker_rows_right += other.speaker_rows_right;
        self.misses.extend(other.misses.iter().cloned());
    }

    pub fn accuracy(&self) -> f64 {
        let (r, a) = self
            .by_difficulty
            .values()
            .fold((0, 0), |(r, a), (x, y)| (r + x, a + y));
        r as f64 / a.max(1) as f64
    }

    pub fn speaker_accuracy(&self) -> f64 {
        self.speaker_rows_right as f64 / self.speaker_rows.max(1) as f64
    }

    pub fn precision(&self) -> f64 {
        self.true_pos as f64 / (self.true_pos + self.false_pos).max(1) as f64
    }

    pub fn recall(&self) -> f64 {
        self.true_pos as f64 / (self.true_pos + self.false_neg).max(1) as f64
    }

    pub fn strict_f1(&self) -> f64 {
        let p = self.strict_true_pos as f64
            / (self.strict_true_pos + self.strict_false_pos).max(1) as f64;
        let r = self.strict_true_pos as f64
            / (self.strict_true_pos + self.strict_false_neg).max(1) as f64;
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    pub fn false_speaker_rate(&self) -> f64 {
        self.none_with_speaker as f64 / self.none_total.max(1) as f64
    }

    /// The figures as a table, misses last when `misses`.
    pub fn report(&self, name: &str, misses: bool) -> String {
        let mut out = format!("== {name}\n");
        for (d, (r, a)) in &self.by_difficulty {
            out += &format!(
                "  {d:<10} {r:>4}/{a:<4} {:>6.1}%\n",
                100.0 * *r as f64 / (*a).max(1) as f64
            );
        }
        out += &format!(
            "  overall {:.3}  with a speaker {}/{} = {:.3}  precision {:.3}  recall {:.3}  \
             strict F1 {:.3}  false speakers on none {}/{} = {:.3}\n",
            self.accuracy(),
            self.speaker_rows_right,
            self.speaker_rows,
            self.speaker_accuracy(),
            self.precision(),
            self.recall(),
            self.strict_f1(),
            self.none_with_speaker,
            self.none_total,
            self.false_speaker_rate()
        );
        if misses {
            for m in &self.misses {
                out += &format!("  miss: {m}\n");
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratio_is_difflibs() {
        // difflib.SequenceMatcher(None, "zelensky", "zelenskyy").ratio() == 0.9411...
        assert!((ratio("zelensky", "zelenskyy") - 16.0 / 17.0).abs() < 1e-9);
        assert!((ratio("abcd", "bcde") - 0.75).abs() < 1e-9);
        assert_eq!(ratio("abc", "xyz"), 0.0);
    }

    #[test]
    fn loose_names() {
        let t = |s: &str| name_tokens(s);
        assert!(loose_match(&t("Saw San Aung"), &t("Aung")));
        assert!(loose_match(&t("Ban Ki-moon"), &t("Ban")));
        assert!(loose_match(&t("Juan Guaido"), &t("Guaidó")));
        assert!(!loose_match(
            &t("George W. Casey Jr."),
            &t("George Casey Sr.")
        ));
        assert!(loose_match(&t("Samantha Schultz"), &t("Shultz")));
        assert!(!loose_match(&t("Donald Trump"), &t("Joe Biden")));
    }
}
