//! The "safe to kill" promise, tested: `whosaid index` and `whosaid delete` are killed
//! (SIGKILL) at random moments, including the moments inside the commit when the first
//! new segment or `.del` file appears and when `meta.json` is replaced. After each kill a
//! search must answer, the next run must exit 0, and the index must then equal one that
//! went through the same operations without being killed.
//!
//! `WHOSAID_KILL_TRIALS=N` sets the number of trials (default 12, kept small for CI);
//! `WHOSAID_KILL_SEED=S` the seed. `scripts/kill-test.sh` runs many more.

#[path = "common/mod.rs"]
mod common;

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant, SystemTime};

use common::{command, corpus, whosaid};
use serde_json::Value;

/// Deterministic pseudo-random numbers (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

fn env_u64(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The index as a sorted list of (article, paragraph, speakers, text).
fn dump(dir: &Path, idx: &str) -> Vec<(String, u64, Vec<String>, String)> {
    let run = whosaid(
        dir,
        &["search", "", "--json", "--limit", "10000", "--index", idx],
    );
    assert!(matches!(run.code, Some(0 | 1)), "search failed: {run:#?}");
    let mut out: Vec<(String, u64, Vec<String>, String)> = run
        .stdout
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).expect("JSON hit");
            let speakers = v["speakers"]
                .as_array()
                .expect("speakers")
                .iter()
                .map(|s| s.as_str().expect("a name").to_string())
                .collect();
            (
                v["article"].as_str().expect("id").to_string(),
                v["paragraph"].as_u64().expect("number"),
                speakers,
                v["text"].as_str().expect("text").to_string(),
            )
        })
        .collect();
    out.sort();
    out
}

/// When to kill a run.
#[derive(Debug, Clone, Copy)]
enum Moment {
    /// After a random share of an uninterrupted run's time.
    Random(f64),
    /// As soon as a new file appears in the index folder (the writer has started).
    FirstNewFile,
    /// As soon as a new `.del` file appears (inside the commit of deletions).
    FirstNewDel,
    /// Right after `meta.json` is replaced (the commit has just landed).
    MetaReplaced,
}

fn files(dir: &Path) -> BTreeSet<String> {
    fs::read_dir(dir)
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default()
}

fn meta_stamp(dir: &Path) -> Option<(SystemTime, u64)> {
    let m = fs::metadata(dir.join("meta.json")).ok()?;
    Some((m.modified().ok()?, m.len()))
}

/// Runs `cmd`, killing it at `moment`; returns whether it was killed before it ended.
fn run_and_kill(mut cmd: Command, idx: &Path, moment: Moment, typical: Duration) -> bool {
    let before = files(idx);
    let meta_before = meta_stamp(idx);
    let started = Instant::now();
    let mut child = cmd
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("the binary runs");
    loop {
        if child.try_wait().expect("wait").is_some() {
            return false;
        }
        let now = files(idx);
        let due = match moment {
            Moment::Random(share) => {
                started.elapsed().as_secs_f64() >= share * typical.as_secs_f64()
            }
            Moment::FirstNewFile => now.difference(&before).next().is_some(),
            Moment::FirstNewDel => now.difference(&before).any(|f| f.ends_with(".del")),
            Moment::MetaReplaced => meta_stamp(idx) != meta_before,
        };
        if due {
            child.kill().expect("SIGKILL");
            child.wait().expect("reaped");
            return true;
        }
        assert!(
            started.elapsed() < Duration::from_secs(300),
            "the run never ended"
        );
        std::thread::sleep(Duration::from_micros(200));
    }
}

/// One operation on the corpus and index.
enum Op {
    /// Edit, add and remove some files, then `index` (maybe `--full`).
    Index { full: bool },
    /// `delete` one article.
    Delete(String),
}

fn change_files(news: &Path, rng: &mut Rng, trial: u64) {
    let mut all: Vec<_> = walk(news);
    all.sort();
    for _ in 0..3 {
        if all.is_empty() {
            break;
        }
        let i = rng.below(all.len() as u64) as usize;
        let path = all[i].clone();
        match rng.below(3) {
            0 => {
                let text = fs::read_to_string(&path).expect("article");
                fs::write(
                    &path,
                    text + &format!(
                        "\n\n\"We changed it in trial {trial},\" said Olena Kravets.\n"
                    ),
                )
                .expect("edit");
            }
            1 => {
                fs::remove_file(&path).expect("remove");
                all.remove(i);
            }
            _ => {
                let new = news.join(format!("added/t{trial}-{i}.md"));
                fs::create_dir_all(new.parent().expect("parent")).expect("folder");
                fs::write(
                    &new,
                    format!("Article of trial {trial}.\n\n\"It is new,\" said Maria Lopez.\n"),
                )
                .expect("write");
            }
        }
    }
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

fn op_args(op: &Op, idx: &str) -> Vec<String> {
    match op {
        Op::Index { full } => {
            let mut v = vec![
                "index".to_string(),
                "news".into(),
                "--index".into(),
                idx.into(),
            ];
            if *full {
                v.push("--full".into());
            }
            v
        }
        Op::Delete(id) => vec!["delete".into(), id.clone(), "--index".into(), idx.into()],
    }
}

fn run_op(dir: &Path, op: &Op, idx: &str) -> common::Run {
    let args = op_args(op, idx);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    whosaid(dir, &args)
}

#[test]
fn killed_runs_leave_an_index_that_answers_and_the_next_run_completes() {
    let trials = env_u64("WHOSAID_KILL_TRIALS", 12);
    let mut rng = Rng(env_u64("WHOSAID_KILL_SEED", 0x5eed_1234_abcd) | 1);
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path();
    let articles = if cfg!(debug_assertions) { 300 } else { 3000 };
    corpus::write_corpus(&dir.join("news"), 7, articles).expect("corpus");
    for idx in ["idx", "ref"] {
        run_op(dir, &Op::Index { full: false }, idx).expect_code(0);
    }
    let mut killed = 0;
    for trial in 0..trials {
        let op = if rng.below(3) == 0 {
            let ids: Vec<String> = dump(dir, "ref").into_iter().map(|d| d.0).collect();
            Op::Delete(ids[rng.below(ids.len() as u64) as usize].clone())
        } else {
            change_files(&dir.join("news"), &mut rng, trial);
            Op::Index {
                full: rng.below(4) == 0,
            }
        };
        let started = Instant::now();
        let reference = run_op(dir, &op, "ref");
        assert_eq!(reference.code, Some(0), "uninterrupted run: {reference:#?}");
        let typical = started.elapsed();
        let moment = match rng.below(4) {
            0 => Moment::FirstNewFile,
            1 => Moment::FirstNewDel,
            2 => Moment::MetaReplaced,
            _ => Moment::Random(rng.below(1000) as f64 / 1000.0),
        };
        let args = op_args(&op, "idx");
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let was_killed = run_and_kill(command(dir, &args), &dir.join("idx"), moment, typical);
        killed += u64::from(was_killed);
        // A search answers, from the old state or the new one.
        let during = whosaid(dir, &["search", "said", "--index", "idx"]);
        assert!(
            matches!(during.code, Some(0 | 1)),
            "trial {trial} {moment:?}: {during:#?}"
        );
        // The next run completes (a delete that had landed finds nothing left to delete).
        let next = run_op(dir, &op, "idx");
        let deleted_already = matches!(op, Op::Delete(_))
            && next.code == Some(2)
            && next.stderr.contains("no article with id");
        assert!(
            next.code == Some(0) || deleted_already,
            "trial {trial} {moment:?}: the run after the kill failed: {next:#?}"
        );
        assert_eq!(
            dump(dir, "idx"),
            dump(dir, "ref"),
            "trial {trial} {moment:?}: the index differs from an uninterrupted one"
        );
    }
    println!("{trials} trials, {killed} runs killed before they ended");
}
