//! `whosaid index` and `delete`: incremental runs, bad input, locks, kills, schema changes.

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
    let run = common::whosaid_with_stdin(dir, &["index", "-", "--index", "idx", "--json"], input);
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
    let payload: Value = serde_json::from_str(meta["payload"].as_str().expect("a payload string"))
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
