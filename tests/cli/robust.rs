//! What a paranoid operator does to the indexer: kill it at the wrong moment, point it at
//! the wrong folder, fill the disk, feed it hostile files and queries. Each test is named
//! for the case that once broke.

use std::fs;
use std::path::{Path, PathBuf};

use super::*;
use common::{command, list_files, write};

/// Every file in an index folder with its size, to see that a run left it as it was.
fn snapshot(dir: &Path) -> Vec<(String, u64)> {
    let mut out: Vec<(String, u64)> = fs::read_dir(dir)
        .expect("index folder")
        .map(|e| {
            let e = e.expect("entry");
            let len = e.metadata().map(|m| m.len()).unwrap_or(0);
            (e.file_name().to_string_lossy().into_owned(), len)
        })
        // Lock files, and tantivy's list of the files it made (which may still name the
        // files a failed run wrote and whosaid removed; tantivy prunes it itself).
        .filter(|(name, _)| {
            name != "whosaid.lock" && !name.starts_with(".tantivy") && name != ".managed.json"
        })
        .collect();
    out.sort();
    out
}

fn meta(dir: &Path) -> Value {
    serde_json::from_slice(&fs::read(dir.join("idx/meta.json")).expect("meta.json"))
        .expect("meta.json is JSON")
}

#[test]
fn uncommitted_delete_files_left_by_a_kill_never_block_later_runs() {
    let tmp = indexed_sample();
    let dir = tmp.path();
    // A run killed inside its commit leaves `<segment>.<opstamp>.del` files that meta.json
    // does not name; the next run would want the same names.
    let m = meta(dir);
    let opstamp = m["opstamp"].as_u64().expect("opstamp");
    for segment in m["segments"].as_array().expect("segments") {
        let id = segment["segment_id"].as_str().expect("id").replace('-', "");
        for stamp in opstamp..opstamp + 200 {
            write(
                &dir.join(format!("idx/{id}.{stamp}.del")),
                b"left by a kill",
            );
        }
    }
    let path = dir.join("corpus/002_8a3903543c9a21b0.md");
    let text = fs::read_to_string(&path).expect("article") + "\nA closing line on the talks.\n";
    write(&path, text);
    let r = report(&index(dir, &["corpus", "--index", "idx"]), 0);
    assert_eq!(r.updated, 1, "{r:#?}");
    assert!(
        !list_files(&dir.join("idx"))
            .iter()
            .any(|f| f.ends_with(".del")
                && fs::read(dir.join("idx").join(f)).unwrap() == b"left by a kill"),
        "the leftovers are gone"
    );
    // A deletion (its commit writes .del files too) works as well.
    whosaid(dir, &["delete", ARTICLE_000, "--index", "idx"]).expect_code(0);
    assert!(paragraphs_of(dir, ARTICLE_000).is_empty());
}

#[test]
fn a_truncated_json_line_keeps_the_article_it_held() {
    let tmp = tempdir();
    let dir = tmp.path();
    let feed = dir.join("feed/news.jsonl");
    write(
        &feed,
        "{\"id\":\"k1\",\"body\":\"First story.\"}\n{\"id\":\"k2\",\"body\":\"keepme.\"}\n",
    );
    report(&index(dir, &["feed", "--index", "idx"]), 0);
    write(
        &feed,
        "{\"id\":\"k1\",\"body\":\"First story, updated.\"}\n{\"id\":\"k2\",\"body\":\"keep\n",
    );
    let r = report(&index(dir, &["feed", "--index", "idx"]), 1);
    assert_eq!((r.updated, r.deleted, r.failed), (1, 0, 1), "{r:#?}");
    assert!(r.errors[0].path.ends_with("news.jsonl:2"), "{r:#?}");
    assert_eq!(paragraphs_of(dir, "k2"), [0]);
    assert_eq!(search_idx(dir, "keepme").len(), 1);
}

#[test]
fn a_folder_that_is_not_a_whosaid_index_is_never_touched() {
    let tmp = tempdir();
    let dir = tmp.path();
    copy_corpus(dir);
    // A tantivy index of someone else's.
    let other = dir.join("other");
    fs::create_dir_all(&other).unwrap();
    {
        let mut schema = tantivy::schema::Schema::builder();
        let body = schema.add_text_field("body", tantivy::schema::TEXT | tantivy::schema::STORED);
        let index = tantivy::Index::create_in_dir(&other, schema.build()).unwrap();
        let mut writer: tantivy::IndexWriter = index.writer(15_000_000).unwrap();
        writer
            .add_document(tantivy::doc!(body => "precious"))
            .unwrap();
        writer.commit().unwrap();
    }
    // A folder of notes.
    write(&dir.join("notes/todo.txt"), "buy milk\n");
    for folder in ["other", "notes"] {
        let before = snapshot(&dir.join(folder));
        for args in [
            vec!["index", "corpus", "--index", folder],
            vec!["index", "corpus", "--full", "--index", folder],
            vec!["search", "precious", "--index", folder],
            vec!["delete", "x", "--index", folder],
        ] {
            let run = whosaid(dir, &args);
            run.expect_code(2);
            assert!(
                run.stderr.contains("not a whosaid index"),
                "{args:?}: {}",
                run.stderr
            );
            assert_eq!(
                snapshot(&dir.join(folder)),
                before,
                "{args:?} touched {folder}"
            );
        }
    }
}

#[test]
fn an_index_from_a_newer_whosaid_is_refused_not_rebuilt() {
    let tmp = indexed_sample();
    let dir = tmp.path();
    let mut m = meta(dir);
    m["payload"] = Value::String(format!(
        "{{\"whosaid_schema\":{}}}",
        whosaid::SCHEMA_VERSION + 1
    ));
    write(&dir.join("idx/meta.json"), serde_json::to_vec(&m).unwrap());
    let before = snapshot(&dir.join("idx"));
    for args in [
        vec!["index", "corpus", "--index", "idx"],
        vec!["index", "corpus", "--full", "--index", "idx"],
        vec!["search", "Putin", "--index", "idx"],
    ] {
        let run = whosaid(dir, &args);
        run.expect_code(2);
        assert!(
            run.stderr.contains("newer whosaid"),
            "{args:?}: {}",
            run.stderr
        );
    }
    assert_eq!(snapshot(&dir.join("idx")), before);
}

#[test]
fn a_corrupt_index_is_rebuilt_by_index_full_as_its_message_says() {
    let tmp = indexed_sample();
    let dir = tmp.path();
    write(&dir.join("idx/meta.json"), "{ torn");
    let run = whosaid(dir, &["search", "Putin", "--index", "idx"]);
    run.expect_code(2);
    assert!(
        run.stderr.contains("index --full --index idx"),
        "{}",
        run.stderr
    );
    index(dir, &["corpus", "--index", "idx"]).expect_code(2);
    let r = report(&index(dir, &["corpus", "--full", "--index", "idx"]), 0);
    assert_eq!(r.added, 2);
    assert_eq!(dated_paragraphs(dir), SAMPLE_PARAGRAPHS);
}

#[test]
fn a_missing_input_creates_nothing_and_changes_nothing() {
    let tmp = tempdir();
    let dir = tmp.path();
    let run = index(dir, &["nonexistent", "--index", "new"]);
    run.expect_code(2);
    assert!(run.stderr.contains("nonexistent"), "{}", run.stderr);
    assert!(!dir.join("new").exists(), "no empty index is left behind");
    let tmp = indexed_sample();
    let before = snapshot(&tmp.path().join("idx"));
    index(tmp.path(), &["nonexistent", "--index", "idx"]).expect_code(2);
    assert_eq!(snapshot(&tmp.path().join("idx")), before);
}

/// Runs `whosaid ARGS` in `dir` with files limited to `kb` kilobytes: writes past it fail
/// as on a full disk (EFBIG, the signal ignored).
fn with_file_limit(dir: &Path, kb: u64, args: &[&str]) -> Run {
    let script = format!("trap '' XFSZ; ulimit -f {kb}; exec \"$0\" \"$@\"");
    let output = std::process::Command::new("bash")
        .arg("-c")
        .arg(script)
        .arg(env!("CARGO_BIN_EXE_whosaid"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("bash runs");
    Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

fn big_article(dir: &Path) -> PathBuf {
    let path = dir.join("corpus/big.md");
    let mut text = String::new();
    // Words that do not compress, so that the index files grow past a small limit.
    let mut x: u64 = 88172645463325252;
    for i in 0..4000 {
        let mut words = Vec::new();
        for _ in 0..12 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            words.push(format!("w{:x}", x % 1_000_000_007));
        }
        text += &format!("Paragraph {i}: ceasefire{i} {}.\n\n", words.join(" "));
    }
    write(&path, text);
    path
}

#[test]
fn a_full_disk_leaves_the_index_as_it_was_and_the_next_run_works() {
    let tmp = indexed_sample();
    let dir = tmp.path();
    big_article(dir);
    let before = snapshot(&dir.join("idx"));
    let run = with_file_limit(dir, 32, &["index", "corpus", "--index", "idx"]);
    assert_eq!(run.code, Some(2), "{run:#?}");
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert_eq!(
        snapshot(&dir.join("idx")),
        before,
        "partial files left behind"
    );
    // Searching still answers from the last commit; the next run does the work.
    assert_eq!(dated_paragraphs(dir), SAMPLE_PARAGRAPHS);
    let r = report(&index(dir, &["corpus", "--index", "idx"]), 0);
    assert_eq!(r.added, 1);
    assert_eq!(dated_paragraphs(dir), SAMPLE_PARAGRAPHS);
    assert_eq!(search_idx(dir, "ceasefire17").len(), 1);

    // Into a new folder, a failed run leaves nothing behind.
    let run = with_file_limit(dir, 32, &["index", "corpus", "--index", "fresh"]);
    assert_eq!(run.code, Some(2), "{run:#?}");
    assert!(
        !dir.join("fresh").exists(),
        "{:?}",
        list_files(&dir.join("fresh"))
    );
}

#[test]
fn two_folders_with_the_same_file_names_do_not_replace_each_other() {
    let tmp = tempdir();
    let dir = tmp.path();
    write(&dir.join("cx/a.md"), "From the first folder: apples.\n");
    write(&dir.join("cy/a.md"), "From the second folder: pears.\n");
    report(&index(dir, &["cx", "--index", "idx"]), 0);
    for _ in 0..2 {
        let run = index(dir, &["cy", "--index", "idx"]);
        let r = report(&run, 1);
        assert_eq!((r.added, r.updated, r.failed), (0, 0, 1), "{r:#?}");
        assert!(r.errors[0].message.contains("also the id of"), "{r:#?}");
        assert!(r.errors[0].message.contains("cx"), "{r:#?}");
        assert_eq!(search_idx(dir, "apples").len(), 1);
        assert!(search_idx(dir, "pears").is_empty());
    }
    // Both in one run: the one the index has keeps it, the other is named.
    let r = report(&index(dir, &["cy", "cx", "--index", "idx"]), 1);
    assert_eq!(r.failed, 1, "{r:#?}");
    assert_eq!(search_idx(dir, "apples").len(), 1);
    // When the first folder's file is gone, the second may have the id.
    fs::remove_file(dir.join("cx/a.md")).unwrap();
    report(&index(dir, &["cy", "--index", "idx"]), 0);
    assert_eq!(search_idx(dir, "pears").len(), 1);
}

/// Every paragraph's speakers, by (article, paragraph).
fn all_speakers(dir: &Path, idx: &str) -> Vec<(String, u64, Vec<String>)> {
    let run = whosaid(
        dir,
        &["search", "", "--json", "--limit", "10000", "--index", idx],
    );
    run.expect_code(0);
    let hits: Vec<Hit> = run.json_lines();
    let mut out: Vec<(String, u64, Vec<String>)> = hits
        .into_iter()
        .map(|h| (h.article, h.paragraph, h.speakers))
        .collect();
    out.sort();
    out
}

#[test]
fn incremental_runs_and_full_runs_equal_a_clean_build() {
    let tmp = tempdir();
    let dir = tmp.path();
    // Day 1: a person named by surname only, a spelling variant.
    write(
        &dir.join("news/1.md"),
        "\"We hold the line,\" President Zelenskyy said on Monday.\n",
    );
    write(
        &dir.join("news/2.md"),
        "\"Talks must go on,\" said Keir Starmer.\n",
    );
    report(&index(dir, &["news", "--index", "idx"]), 0);
    // Day 2: the full name arrives.
    write(
        &dir.join("news/3.md"),
        "Ukrainian President Volodymyr Zelensky said the army would not retreat.\n\n\"Not one step,\" he said.\n",
    );
    let r = report(&index(dir, &["news", "--index", "idx"]), 0);
    assert_eq!((r.added, r.renamed), (1, 1), "{r:#?}");
    report(&index(dir, &["news", "--index", "clean"]), 0);
    let clean = all_speakers(dir, "clean");
    assert!(
        clean
            .iter()
            .any(|(a, _, s)| a == "1.md" && s == &["Volodymyr Zelensky"]),
        "{clean:#?}"
    );
    assert_eq!(all_speakers(dir, "idx"), clean);
    // Day 3: the full name's article goes away again.
    fs::remove_file(dir.join("news/3.md")).unwrap();
    let r = report(&index(dir, &["news", "--index", "idx"]), 0);
    assert_eq!((r.deleted, r.renamed), (1, 1), "{r:#?}");
    fs::remove_dir_all(dir.join("clean")).unwrap();
    report(&index(dir, &["news", "--index", "clean"]), 0);
    assert_eq!(all_speakers(dir, "idx"), all_speakers(dir, "clean"));
    report(&index(dir, &["news", "--full", "--index", "idx"]), 0);
    assert_eq!(all_speakers(dir, "idx"), all_speakers(dir, "clean"));
}

/// Runs `cmd` as an unprivileged user when this test runs as root (root reads and writes
/// anything, so permissions would not be tested), or as is.
fn unprivileged(cmd: std::process::Command) -> Option<std::process::Command> {
    let is_root = std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
    if !is_root {
        return Some(cmd);
    }
    let setpriv = Path::new("/usr/bin/setpriv");
    if !setpriv.exists() {
        eprintln!("skipped: running as root without setpriv to drop privileges");
        return None;
    }
    let program = cmd.get_program().to_owned();
    let args: Vec<_> = cmd.get_args().map(|a| a.to_owned()).collect();
    let mut wrapped = std::process::Command::new(setpriv);
    wrapped
        .args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
        .arg(program)
        .args(args);
    if let Some(dir) = cmd.get_current_dir() {
        wrapped.current_dir(dir);
    }
    wrapped.env("NO_COLOR", "1");
    Some(wrapped)
}

fn make_tree_readable_by_all(dir: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let mut p = dir.to_path_buf();
    // The temp dir's parents may be private to root: nobody must be able to reach it.
    loop {
        if let Ok(meta) = fs::metadata(&p) {
            let mode = meta.permissions().mode();
            let _ = fs::set_permissions(&p, fs::Permissions::from_mode(mode | 0o555));
        }
        if !p.pop() {
            break;
        }
    }
}

#[test]
fn a_read_only_index_can_be_searched() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = indexed_sample();
    let dir = tmp.path();
    make_tree_readable_by_all(&dir.join("idx"));
    for entry in fs::read_dir(dir.join("idx")).unwrap() {
        let path = entry.unwrap().path();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
    }
    fs::set_permissions(dir.join("idx"), fs::Permissions::from_mode(0o555)).unwrap();
    let Some(mut cmd) = unprivileged(command(dir, &["search", "Putin", "--index", "idx"])) else {
        return;
    };
    let output = cmd.output().expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(String::from_utf8_lossy(&output.stdout).contains("Putin"));
    fs::set_permissions(dir.join("idx"), fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn an_unreadable_subfolder_is_skipped_and_its_articles_kept() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempdir();
    let dir = tmp.path();
    write(&dir.join("news/open/a.md"), "Apples are in season.\n");
    write(&dir.join("news/locked/b.md"), "Bananas are in season.\n");
    make_tree_readable_by_all(dir);
    let perms = |p: &Path, mode| fs::set_permissions(p, fs::Permissions::from_mode(mode)).unwrap();
    perms(dir, 0o777);
    let Some(mut cmd) = unprivileged(command(dir, &["index", "news", "--index", "idx", "--json"]))
    else {
        return;
    };
    assert_eq!(cmd.output().unwrap().status.code(), Some(0));
    perms(&dir.join("news/locked"), 0o000);
    let mut cmd =
        unprivileged(command(dir, &["index", "news", "--index", "idx", "--json"])).unwrap();
    let output = cmd.output().unwrap();
    perms(&dir.join("news/locked"), 0o755);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(
        output.status.code(),
        Some(1),
        "{stdout} {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let r: Value = serde_json::from_str(stdout.trim()).unwrap();
    assert_eq!(r["deleted"], 0, "{r}");
    assert!(
        r["errors"][0]["path"].as_str().unwrap().ends_with("locked"),
        "{r}"
    );
    assert_eq!(search_idx(dir, "bananas").len(), 1);
}

#[test]
fn bad_dates_in_articles_and_queries_never_panic() {
    let tmp = tempdir();
    let dir = tmp.path();
    write(
        &dir.join("news/a.md"),
        "---\ndate: 2025-03-1é\n---\nThe day was odd.\n",
    );
    write(
        &dir.join("news/b.md"),
        "---\ndate: 2262-04-12\n---\nFar in the future.\n",
    );
    write(
        &dir.join("news/c.md"),
        "---\ndate: 2025-03-14\n---\nAn ordinary day.\n",
    );
    let run = index(dir, &["news", "--index", "idx"]);
    let r = report(&run, 0);
    assert_eq!(r.added, 3);
    assert!(run.stderr.contains("2025-03-1é"), "{}", run.stderr);
    for query in ["date:2025-03-1é", "date:[2025 TO 2025-03-1é]"] {
        let run = whosaid(dir, &["search", query, "--index", "idx"]);
        run.expect_code(2);
        assert!(run.stderr.contains("not a date"), "{query}: {}", run.stderr);
    }
    whosaid(
        dir,
        &["search", "day", "--from", "2025-03-1é", "--index", "idx"],
    )
    .expect_code(2);
    // Open ranges beyond what a date field holds: no wrap-around to "everything".
    for (query, hits) in [
        ("date:>=2262-04-12", 0),
        ("date:<1677-09-21", 0),
        ("date:<3000", 1),
        ("date:>1000", 1),
        ("date:[* TO *]", 1),
        ("date:{* TO *}", 1),
    ] {
        assert_eq!(search_idx(dir, query).len(), hits, "{query}");
    }
}

#[test]
fn deep_and_huge_queries_get_an_error_not_a_crash() {
    let tmp = indexed_sample();
    let dir = tmp.path();
    let nots = "NOT ".repeat(1000) + "Putin";
    let parens = "(".repeat(9000) + "Putin" + &")".repeat(9000);
    let fuzzy = "a".repeat(130_000) + "~1";
    let prefix = "b".repeat(5000) + "*";
    let long = "Putin ".repeat(3000);
    for query in [&nots, &parens, &fuzzy, &prefix, &long] {
        let run = whosaid(dir, &["search", query, "--index", "idx"]);
        run.expect_code(2);
        assert!(
            run.stderr.contains("bad query at column"),
            "{}",
            &run.stderr[..200.min(run.stderr.len())]
        );
    }
    let run = whosaid(dir, &["search", "Putin~3", "--index", "idx"]);
    run.expect_code(2);
    assert!(run.stderr.contains("at most 2"), "{}", run.stderr);
    // Just inside the limits still works.
    let nested = "(".repeat(30) + "Putin" + &")".repeat(30);
    whosaid(dir, &["search", &nested, "--index", "idx"]).expect_code(0);
}

#[test]
fn links_loops_fifos_devices_and_huge_files_are_walked_safely() {
    use std::os::unix::fs::symlink;
    let tmp = tempdir();
    let dir = tmp.path();
    write(&dir.join("news/a/one.md"), "One story about apples.\n");
    write(&dir.join("news/b/two.md"), "Another about pears.\n");
    symlink(dir.join("news"), dir.join("news/a/loop")).unwrap();
    symlink(dir.join("news/b"), dir.join("news/a/loop2")).unwrap();
    symlink(dir.join("news/a"), dir.join("news/b/back")).unwrap();
    symlink("/dev/zero", dir.join("news/zero.md")).unwrap();
    let fifo = dir.join("news/pipe.md");
    let has_fifo = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    write(&dir.join("news/huge.txt"), "word ".repeat(300_000));
    let (run, _) = common::whosaid_within(
        dir,
        &[
            "index",
            "news",
            "--index",
            "idx",
            "--json",
            "--max-file-size",
            "1",
        ],
        std::time::Duration::from_secs(60),
    );
    let r = report(&run, 1);
    assert_eq!(r.added, 2, "each article once: {r:#?}");
    assert_eq!(r.failed, 1, "{r:#?}");
    assert!(r.errors[0].message.contains("limit of 1 MB"), "{r:#?}");
    assert!(run.stderr.contains("device"), "{}", run.stderr);
    if has_fifo {
        assert!(run.stderr.contains("FIFO"), "{}", run.stderr);
    }
}

#[test]
fn a_giant_paragraph_is_indexed_without_speakers_and_with_a_warning() {
    let tmp = tempdir();
    let dir = tmp.path();
    let line = "\"we go on\" said John Smith and he told Mary Jones, ".repeat(40_000);
    write(&dir.join("news/giant.md"), &line);
    let (run, _) = common::whosaid_within(
        dir,
        &["index", "news", "--index", "idx", "--json"],
        std::time::Duration::from_secs(120),
    );
    let r = report(&run, 0);
    assert_eq!(r.added, 1);
    assert!(run.stderr.contains("without speakers"), "{}", run.stderr);
}

#[test]
fn a_corpus_of_everything_that_goes_wrong_is_read_file_by_file() {
    let tmp = tempdir();
    let dir = tmp.path();
    let c = dir.join("c");
    // Bad: each is skipped, named, with a reason.
    let bad: &[(&str, &[u8])] = &[
        ("latin1.txt", b"Caf\xe9 au lait, said nobody.\n"),
        ("nul.md", b"NUL\0bytes are not text.\n"),
        ("binary.md", &[0x7f, b'E', b'L', b'F', 2, 1, 1, 0, 0, 0]),
        ("empty.md", b""),
        ("blank.md", b"  \n\n \t\n"),
        ("front-only.md", b"---\ntitle: Nothing below\n---\n"),
        ("unterminated.md", b"---\ntitle: never closed\nBody text.\n"),
        ("wrong-types.md", b"---\ntitle: [a, list]\n---\nBody.\n"),
        ("feed.jsonl", b"{\"id\":\"j1\",\"body\":\"Fine line.\"}\n{\"id\": 3.5e999, \"body\": \"x\"}\n[1,2]\n{\"id\":\"j4\",\"paragraphs\":[]}\n"),
    ];
    for (name, bytes) in bad {
        write(&c.join(name), bytes);
    }
    // Odd but good: each is indexed.
    let deep_quotes = "“".repeat(300) + "deepquote" + &"”".repeat(300) + " she said.";
    let good: &[(&str, String)] = &[
        (
            "impossible-date.md",
            "---\ndate: 2025-02-30\n---\nA day that never was.\n".into(),
        ),
        ("deep-quotes.md", deep_quotes),
        (
            "rtl.md",
            "\u{202e}Reversed text\u{202c} and עברית and العربية side by side.\n".into(),
        ),
        ("emoji.md", "\"Great news 🎉🙂,\" said Ann Lee 👍.\n".into()),
        (
            "zero-width.md",
            "Zero\u{200b}width\u{200d}joiners\u{feff} inside words.\n".into(),
        ),
        (
            "crlf.md",
            "First line, CRLF.\r\n\r\nSecond paragraph, CRLF.\r\n".into(),
        ),
        (
            "bom.md",
            "\u{feff}---\ntitle: With a BOM\n---\nBody after a BOM.\n".into(),
        ),
        ("only-quotes.md", "\"\"\"\"\"\"\n\n'''\n\n„“«»\n".into()),
    ];
    for (name, text) in good {
        write(&c.join(name), text);
    }
    let run = index(dir, &["c", "--index", "idx"]);
    let r = report(&run, 1);
    assert!(!run.stderr.contains("panicked"));
    let named: Vec<&str> = r.errors.iter().map(|e| e.path.as_str()).collect();
    for (name, _) in bad {
        if *name == "feed.jsonl" {
            continue;
        }
        assert!(
            named.iter().any(|p| p.ends_with(name)),
            "{name} not reported: {r:#?}"
        );
    }
    for line in [2, 3, 4] {
        let at = format!("feed.jsonl:{line}");
        assert!(
            named.iter().any(|p| p.ends_with(&at)),
            "{at} not reported: {r:#?}"
        );
    }
    assert!(r.errors.iter().all(|e| !e.message.is_empty()));
    assert_eq!(r.added, good.len() + 1, "{r:#?}");
    assert!(
        run.stderr.contains("2025-02-30"),
        "the impossible date is warned about"
    );
    for word in [
        "deepquote",
        "reversed",
        "great",
        "joiners",
        "crlf",
        "bom",
        "fine",
    ] {
        assert!(!search_idx(dir, word).is_empty(), "{word}");
    }
    // The same corpus again: nothing changes, the same files are reported.
    let again = report(&index(dir, &["c", "--index", "idx"]), 1);
    assert_eq!(
        (again.added, again.updated, again.deleted),
        (0, 0, 0),
        "{again:#?}"
    );
    assert_eq!(again.failed, r.failed);
}

#[test]
fn a_file_changing_while_it_is_read_gives_one_version_or_the_other() {
    let tmp = tempdir();
    let dir = tmp.path();
    let path = dir.join("news/live.md");
    write(&path, "Version zero of the live story.\n");
    let writer = {
        let path = path.clone();
        std::thread::spawn(move || {
            for i in 1..200 {
                let text = format!("Version {i} of the live story.\n\n").repeat(50);
                fs::write(&path, text).unwrap();
            }
        })
    };
    for _ in 0..5 {
        let run = index(dir, &["news", "--index", "idx"]);
        assert!(matches!(run.code, Some(0 | 1)), "{run:#?}");
        assert!(!run.stderr.contains("panicked"));
    }
    writer.join().unwrap();
    report(&index(dir, &["news", "--index", "idx"]), 0);
    let hits = search_idx(dir, "live");
    assert!(
        hits.iter()
            .all(|h| h.text == "Version 199 of the live story."),
        "{hits:#?}"
    );
}

#[test]
fn files_deeper_than_the_path_length_limit_are_reported_not_skipped_silently() {
    let tmp = tempdir();
    let dir = tmp.path();
    write(&dir.join("news/a.md"), "Apples are in season.\n");
    // Twenty folders of 250 letters reach past Linux's 4,096-byte limit on a path. They are
    // made one level at a time with relative names, as no single path may be that long.
    let level = "d".repeat(250);
    let script = format!(
        "cd news && for i in $(seq 20); do mkdir {level} && cd {level} || exit 1; done \
         && echo 'Pears are in season.' > deep.md"
    );
    let made = std::process::Command::new("sh")
        .arg("-c")
        .arg(&script)
        .current_dir(dir)
        .status()
        .is_ok_and(|s| s.success());
    if !made {
        return; // a file system that refuses deep trees cannot show the case
    }
    let r = report(&index(dir, &["news", "--index", "idx"]), 1);
    assert_eq!(r.added, 1, "{r:#?}");
    assert!(
        r.errors
            .iter()
            .any(|e| e.message.contains("too long") && e.path.contains(&level)),
        "the deep folder is named in an error: {r:#?}"
    );
    assert_eq!(search_idx(dir, "apples").len(), 1);
}
