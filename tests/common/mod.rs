//! Helpers shared by the integration tests: run the `whosaid` binary in a temp dir, copy the
//! sample corpus and fixtures, write files, read JSON Lines.
//!
//! Not every test binary uses every helper.
#![allow(dead_code)]

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde::de::DeserializeOwned;

/// The deterministic generator of synthetic articles, shared with the benches.
#[path = "../../benches/support/corpus.rs"]
pub mod corpus;

/// The project's root folder (where `Cargo.toml` is).
pub fn project_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A file or folder under `tests/fixtures/`.
pub fn fixture(path: &str) -> PathBuf {
    project_dir().join("tests/fixtures").join(path)
}

/// What one run of the binary gave.
#[derive(Debug)]
pub struct Run {
    /// Exit code; `None` when killed by a signal.
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    fn from_output(output: Output) -> Run {
        Run {
            code: output.status.code(),
            stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
        }
    }

    /// Panics with the whole run shown unless it exited with `code`.
    #[track_caller]
    pub fn expect_code(&self, code: i32) -> &Run {
        assert_eq!(self.code, Some(code), "unexpected exit code: {self:#?}");
        assert!(
            !self.stderr.contains("panicked"),
            "the binary panicked: {}",
            self.stderr
        );
        self
    }

    /// The JSON lines of stdout, each read into a `T`.
    #[track_caller]
    pub fn json_lines<T: DeserializeOwned>(&self) -> Vec<T> {
        json_lines(&self.stdout)
    }
}

/// Reads JSON Lines into `T`s, naming the line that does not fit.
#[track_caller]
pub fn json_lines<T: DeserializeOwned>(text: &str) -> Vec<T> {
    text.lines()
        .map(|line| {
            serde_json::from_str(line).unwrap_or_else(|e| panic!("bad JSON line ({e}): {line}"))
        })
        .collect()
}

/// `whosaid ARGS` ready to run in `dir`: no colour, no `RUST_LOG`, stdin closed.
pub fn command(dir: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_whosaid"));
    cmd.args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("RUST_LOG")
        .env_remove("CLICOLOR_FORCE")
        .stdin(Stdio::null());
    cmd
}

/// Runs `whosaid ARGS` in `dir` and waits for it.
pub fn whosaid(dir: &Path, args: &[&str]) -> Run {
    let output = command(dir, args).output().expect("the binary runs");
    Run::from_output(output)
}

/// Runs `whosaid ARGS` in `dir` with `input` on stdin.
pub fn whosaid_with_stdin(dir: &Path, args: &[&str], input: &str) -> Run {
    let mut child = command(dir, args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(input.as_bytes())
        .expect("stdin takes the input");
    Run::from_output(child.wait_with_output().expect("the binary finishes"))
}

/// Runs `whosaid ARGS` in `dir`, killing it and failing if it takes longer than `limit`.
/// Returns the run and how long it took.
pub fn whosaid_within(dir: &Path, args: &[&str], limit: Duration) -> (Run, Duration) {
    let started = Instant::now();
    let mut child = command(dir, args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    while child
        .try_wait()
        .expect("the child can be waited on")
        .is_none()
    {
        if started.elapsed() > limit {
            child.kill().expect("the child can be killed");
            let run = Run::from_output(child.wait_with_output().expect("the child ends"));
            panic!(
                "`whosaid {}` still running after {limit:?}: {run:#?}",
                args.join(" ")
            );
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let elapsed = started.elapsed();
    (
        Run::from_output(child.wait_with_output().expect("the child ended")),
        elapsed,
    )
}

/// Starts `whosaid ARGS` in `dir` without waiting; its output is thrown away.
pub fn spawn_whosaid(dir: &Path, args: &[&str]) -> Child {
    command(dir, args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the binary runs")
}

/// Copies the sample corpus (`corpus/*.md`) into `dir/corpus`, returning that folder.
pub fn copy_corpus(dir: &Path) -> PathBuf {
    let to = dir.join("corpus");
    fs::create_dir_all(&to).expect("corpus folder can be created");
    let mut copied = 0;
    for entry in fs::read_dir(project_dir().join("corpus")).expect("corpus/ is readable") {
        let path = entry.expect("corpus/ is listable").path();
        if path.extension().is_some_and(|e| e == "md") {
            fs::copy(&path, to.join(path.file_name().expect("a file name")))
                .expect("corpus file copies");
            copied += 1;
        }
    }
    assert_eq!(copied, 2, "the sample corpus has two articles");
    to
}

/// Copies the files of a fixture folder (not recursive) into `to`.
pub fn copy_fixture_dir(name: &str, to: &Path) {
    fs::create_dir_all(to).expect("fixture copy folder can be created");
    for entry in fs::read_dir(fixture(name)).expect("fixture folder is readable") {
        let path = entry.expect("fixture folder is listable").path();
        if path.is_file() {
            fs::copy(&path, to.join(path.file_name().expect("a file name")))
                .expect("fixture copies");
        }
    }
}

/// Writes `contents` to `path`, creating its folder.
pub fn write(path: &Path, contents: impl AsRef<[u8]>) {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).expect("parent folder can be created");
    }
    fs::write(path, contents).expect("file can be written");
}

/// The files in a folder (names, sorted), to compare an index before and after a run.
pub fn list_files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("folder is readable")
        .map(|e| {
            e.expect("folder is listable")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}
