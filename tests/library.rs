//! Drives whosaid through its public API only, as a library user would: opening and
//! creating indexes, incremental updates from code, files and JSON Lines, typed searches,
//! counts, parsing without an index, errors, and sharing an `Index` between threads.
//!
//! Every test works in its own temp dir or in RAM.

use std::fs::{self, OpenOptions};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::thread;
use std::time::{Duration, Instant};

use whosaid::article::{self, ReadOptions};
use whosaid::{
    Article, Date, Error, Hit, Index, IndexReport, Input, Progress, SCHEMA_VERSION, SearchRequest,
    Sort, UpdateOptions, attribution,
};

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

fn date(y: i32, m: u8, d: u8) -> Date {
    Date::new(y, m, d).expect("a valid test date")
}

/// A small hand-made corpus whose speakers, dates and sources the tests count on.
///
/// | article     | date       | source        | paragraphs (speakers)                     |
/// |-------------|------------|---------------|-------------------------------------------|
/// | harbour-1   | 2025-03-01 | Daily Planet  | Jane Roe; Omar Haddad                     |
/// | harbour-2   | 2025-03-05 | Evening Star  | Jane Roe; (none)                          |
/// | harvest-1   | 2025-03-10 | Daily Planet  | Mary Major; Jane Roe                      |
/// | undated     | none       | none          | Omar Haddad                               |
fn corpus() -> Vec<Article> {
    vec![
        Article::new("harbour-1")
            .with_title("Harbour strike enters second week")
            .with_source("Daily Planet")
            .with_date(date(2025, 3, 1))
            .with_paragraph("\"The ceasefire at the harbour must hold,\" said Jane Roe.")
            .with_paragraph(
                "\"We will not unload a single ship until we are paid,\" said Omar Haddad.",
            ),
        Article::new("harbour-2")
            .with_title("Dockers and owners meet again")
            .with_source("Evening Star")
            .with_date(date(2025, 3, 5))
            .with_paragraph("\"Talks on a ceasefire resume on Monday,\" said Jane Roe.")
            .with_paragraph("Rain fell all week across the harbour and the empty quays."),
        Article::new("harvest-1")
            .with_title("A good year for orchards")
            .with_source("Daily Planet")
            .with_date(date(2025, 3, 10))
            .with_paragraph("\"The apple harvest was the best in a decade,\" said Mary Major.")
            .with_paragraph("\"Prices will fall before the ceasefire talks end,\" said Jane Roe."),
        Article::new("undated")
            .with_title("Letter from the quays")
            .with_paragraph("\"Nobody asked the dockers,\" said Omar Haddad."),
    ]
}

fn articles(name: &str, articles: Vec<Article>) -> Vec<Input> {
    vec![Input::Articles {
        name: name.into(),
        articles,
    }]
}

fn update(index: &Index, inputs: Vec<Input>) -> IndexReport {
    index
        .update(inputs, &UpdateOptions::default())
        .expect("update succeeds")
}

fn corpus_index() -> Index {
    let index = Index::create_in_ram();
    let report = update(&index, articles("test", corpus()));
    assert_eq!(report.added, 4, "{report:?}");
    index
}

fn search(index: &Index, request: SearchRequest) -> Vec<Hit> {
    index.search(&request).expect("search succeeds").hits
}

/// `article#paragraph` of each hit, in order.
fn ids(hits: &[Hit]) -> Vec<String> {
    hits.iter()
        .map(|h| format!("{}#{}", h.article, h.paragraph))
        .collect()
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

fn write(path: &Path, text: &str) {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(path, text).unwrap();
}

/// `n` generated articles, each with `paragraphs` quoted paragraphs, all mentioning `word`.
fn generated(prefix: &str, n: usize, paragraphs: usize, word: &str) -> Vec<Article> {
    (0..n)
        .map(|i| {
            let mut a = Article::new(format!("{prefix}-{i:05}"))
                .with_title(format!("Bulletin {i}"))
                .with_date(date(2024, 1 + (i % 12) as u8, 1 + (i % 28) as u8));
            for p in 0..paragraphs {
                a = a.with_paragraph(format!(
                    "\"Item {p} of bulletin {i} is about the {word},\" said Jane Roe."
                ));
            }
            a
        })
        .collect()
}

// ---------------------------------------------------------------------------------------
// Opening and creating
// ---------------------------------------------------------------------------------------

#[test]
fn open_on_empty_dir_is_index_missing() {
    let dir = tempfile::tempdir().unwrap();
    match Index::open(dir.path()) {
        Err(Error::IndexMissing(path)) => assert_eq!(path, dir.path()),
        other => panic!("expected IndexMissing, got {other:?}"),
    }
    let absent = dir.path().join("no-such-folder");
    assert!(matches!(Index::open(&absent), Err(Error::IndexMissing(_))));
}

#[test]
fn open_or_create_then_open_finds_the_index() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested/index");
    let created = Index::open_or_create(&path).unwrap();
    assert_eq!(created.dir(), Some(path.as_path()));
    assert_eq!(created.num_paragraphs(), 0);
    update(&created, articles("test", corpus()));
    drop(created);

    let opened = Index::open(&path).unwrap();
    assert_eq!(opened.num_paragraphs(), 7);
    // open_or_create on an existing index opens it, keeping what is there.
    let again = Index::open_or_create(&path).unwrap();
    assert_eq!(again.num_paragraphs(), 7);
}

#[test]
fn in_ram_index_has_no_dir() {
    let index = Index::create_in_ram();
    assert_eq!(index.dir(), None);
    assert_eq!(index.num_paragraphs(), 0);
}

/// Sets the `whosaid_schema` recorded in `dir/meta.json`'s payload.
fn set_recorded_schema(dir: &Path, version: u32) {
    let meta_path = dir.join("meta.json");
    let mut meta: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&meta_path).unwrap()).unwrap();
    let payload = meta["payload"].as_str().expect("payload is a JSON string");
    let mut payload: serde_json::Value = serde_json::from_str(payload).unwrap();
    assert_eq!(payload["whosaid_schema"], SCHEMA_VERSION);
    payload["whosaid_schema"] = version.into();
    meta["payload"] = payload.to_string().into();
    fs::write(&meta_path, meta.to_string()).unwrap();
}

#[test]
fn open_on_index_of_another_schema_version_is_schema_mismatch() {
    let dir = tempfile::tempdir().unwrap();
    update(
        &Index::open_or_create(dir.path()).unwrap(),
        articles("t", corpus()),
    );
    set_recorded_schema(dir.path(), 0);
    match Index::open(dir.path()) {
        Err(Error::SchemaMismatch { found, expected }) => {
            assert_eq!(found, 0);
            assert_eq!(expected, SCHEMA_VERSION);
        }
        other => panic!("expected SchemaMismatch, got {other:?}"),
    }
    // open_or_create does not silently rebuild either.
    assert!(matches!(
        Index::open_or_create(dir.path()),
        Err(Error::SchemaMismatch { .. })
    ));
    // recreate is the way out: an empty index of this version.
    let index = Index::recreate(dir.path()).unwrap();
    assert_eq!(index.num_paragraphs(), 0);
    drop(index);
    assert_eq!(Index::open(dir.path()).unwrap().num_paragraphs(), 0);
}

#[test]
fn open_on_garbage_meta_json_is_index_corrupt_and_recreate_recovers() {
    let dir = tempfile::tempdir().unwrap();
    update(
        &Index::open_or_create(dir.path()).unwrap(),
        articles("t", corpus()),
    );
    fs::write(dir.path().join("meta.json"), "this is { not json").unwrap();
    match Index::open(dir.path()) {
        Err(Error::IndexCorrupt { path, reason }) => {
            assert_eq!(path, dir.path());
            assert!(!reason.is_empty());
        }
        other => panic!("expected IndexCorrupt, got {other:?}"),
    }
    let index = Index::recreate(dir.path()).unwrap();
    assert_eq!(index.num_paragraphs(), 0);
    let report = update(&index, articles("t", corpus()));
    assert_eq!(report.added, 4);
    drop(index);
    assert_eq!(Index::open(dir.path()).unwrap().num_paragraphs(), 7);
}

// ---------------------------------------------------------------------------------------
// Updating
// ---------------------------------------------------------------------------------------

#[test]
fn articles_from_code_are_indexed_with_their_metadata() {
    let index = Index::create_in_ram();
    let report = update(&index, articles("code", corpus()));
    assert_eq!(
        (
            report.added,
            report.updated,
            report.deleted,
            report.unchanged
        ),
        (4, 0, 0, 0)
    );
    assert_eq!(report.paragraphs, 7);
    assert!(report.committed);
    assert!(!report.has_failures());
    assert_eq!(index.num_paragraphs(), 7);

    let hits = search(&index, SearchRequest::new("apple harvest"));
    assert_eq!(ids(&hits), ["harvest-1#0"]);
    let hit = &hits[0];
    assert_eq!(hit.title.as_deref(), Some("A good year for orchards"));
    assert_eq!(hit.source.as_deref(), Some("Daily Planet"));
    assert_eq!(hit.date, Some(date(2025, 3, 10)));
    assert_eq!(hit.speakers, ["Mary Major"]);
    assert!(hit.score > 0.0);
}

#[test]
fn identical_second_batch_is_unchanged_and_commits_nothing() {
    let index = corpus_index();
    let report = update(&index, articles("test", corpus()));
    assert_eq!(
        (
            report.added,
            report.updated,
            report.deleted,
            report.unchanged
        ),
        (0, 0, 0, 4),
        "{report:?}"
    );
    assert_eq!(report.paragraphs, 0);
    assert!(!report.committed);
    assert_eq!(index.num_paragraphs(), 7);
}

#[test]
fn changed_article_is_updated_and_its_old_paragraphs_are_gone() {
    let index = corpus_index();
    let mut changed = corpus();
    changed[0] = Article::new("harbour-1")
        .with_title("Harbour strike ends")
        .with_source("Daily Planet")
        .with_date(date(2025, 3, 2))
        .with_paragraph("\"The lighthouse will reopen tomorrow,\" said Jane Roe.");
    let report = update(&index, articles("test", changed));
    assert_eq!(
        (
            report.added,
            report.updated,
            report.deleted,
            report.unchanged
        ),
        (0, 1, 0, 3),
        "{report:?}"
    );
    assert_eq!(report.paragraphs, 1);
    assert!(report.committed);
    assert_eq!(index.num_paragraphs(), 6);
    assert!(search(&index, SearchRequest::new("unload ship")).is_empty());
    assert!(search(&index, SearchRequest::new("speaker:Haddad paid")).is_empty());
    let hits = search(&index, SearchRequest::new("lighthouse"));
    assert_eq!(ids(&hits), ["harbour-1#0"]);
    assert_eq!(hits[0].date, Some(date(2025, 3, 2)));
}

#[test]
fn article_without_paragraphs_is_not_added_again_on_every_run() {
    let index = Index::create_in_ram();
    let batch = || articles("code", vec![Article::new("empty"), corpus().remove(0)]);
    update(&index, batch());
    let again = update(&index, batch());
    assert_eq!(again.added, 0, "{again:?}");
    assert!(!again.committed, "{again:?}");
}

#[test]
fn delete_removes_an_article_and_unknown_id_is_an_error() {
    let index = corpus_index();
    let report = index.delete("harbour-1").unwrap();
    assert_eq!(report.deleted, 1);
    assert!(report.committed);
    assert_eq!(index.num_paragraphs(), 5);
    assert!(search(&index, SearchRequest::new("unload")).is_empty());

    match index.delete("never-there") {
        Err(Error::UnknownArticle(id)) => assert_eq!(id, "never-there"),
        other => panic!("expected UnknownArticle, got {other:?}"),
    }
    // Deleted articles come back as new when fed again.
    let report = update(&index, articles("test", corpus()));
    assert_eq!((report.added, report.unchanged), (1, 3), "{report:?}");
}

#[test]
fn deleting_an_already_deleted_article_is_unknown_article() {
    // Two articles, so the first one's segment survives the delete with its documents
    // marked deleted (a segment with every document deleted is dropped, hiding the bug).
    let index = corpus_index();
    index.delete("harbour-1").unwrap();
    match index.delete("harbour-1") {
        Err(Error::UnknownArticle(id)) => assert_eq!(id, "harbour-1"),
        other => panic!("expected UnknownArticle, got {other:?}"),
    }
}

#[test]
fn folder_input_is_incremental_and_notices_edits_and_removals() {
    let dir = tempfile::tempdir().unwrap();
    let corpus_dir = dir.path().join("corpus");
    write(
        &corpus_dir.join("a.md"),
        "---\ntitle: Harbour talks\ndate: 2025-03-01\nsource: Daily Planet\n---\n\n\
         \"The ceasefire at the harbour must hold,\" said Jane Roe.\n\n\
         Rain fell all week across the quays.\n",
    );
    write(
        &corpus_dir.join("sub/b.txt"),
        "Orchards\n\n\"The apple harvest was the best in a decade,\" said Mary Major.\n",
    );
    write(
        &corpus_dir.join("feed.jsonl"),
        concat!(
            r#"{"id":"j1","title":"Quay notes","date":"2025-03-04","body":"\"Nobody asked the dockers,\" said Omar Haddad."}"#,
            "\n",
            r#"{"id":"j2","paragraphs":["\"Prices will fall,\" said Jane Roe."]}"#,
            "\n"
        ),
    );
    let index = Index::open_or_create(dir.path().join("index")).unwrap();
    let inputs = || vec![Input::Path(corpus_dir.clone())];

    let first = update(&index, inputs());
    assert_eq!((first.added, first.failed), (4, 0), "{first:?}");
    assert!(first.committed);
    let hits = search(&index, SearchRequest::new("apple"));
    assert_eq!(ids(&hits), ["sub/b.txt#0"]);
    assert_eq!(hits[0].speakers, ["Mary Major"]);

    let second = update(&index, inputs());
    assert_eq!((second.added, second.updated, second.unchanged), (0, 0, 4));
    assert!(!second.committed, "{second:?}");

    write(
        &corpus_dir.join("a.md"),
        "---\ntitle: Harbour talks\ndate: 2025-03-01\n---\n\n\
         \"The lighthouse reopens,\" said Jane Roe.\n",
    );
    fs::remove_file(corpus_dir.join("sub/b.txt")).unwrap();
    let third = update(&index, inputs());
    assert_eq!(
        (third.added, third.updated, third.deleted, third.unchanged),
        (0, 1, 1, 2),
        "{third:?}"
    );
    assert!(third.committed);
    assert!(search(&index, SearchRequest::new("apple")).is_empty());
    assert!(search(&index, SearchRequest::new("quays rain")).is_empty());
    assert_eq!(
        ids(&search(&index, SearchRequest::new("lighthouse"))),
        ["a.md#0"]
    );
    assert_eq!(index.num_paragraphs(), 3);
}

#[test]
fn single_file_input_is_indexed_with_its_relative_id() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("note.md");
    write(&file, "\"The ceasefire must hold,\" said Jane Roe.\n");
    let index = Index::create_in_ram();
    let report = update(&index, vec![Input::Path(file.clone())]);
    assert_eq!(report.added, 1);
    assert_eq!(
        ids(&search(&index, SearchRequest::new("ceasefire"))),
        ["note.md#0"]
    );
    assert!(!update(&index, vec![Input::Path(file)]).committed);
}

#[test]
fn json_lines_input_reports_bad_lines_and_keeps_the_rest() {
    let index = Index::create_in_ram();
    let text = [
        r#"{"id":"j1","date":"2025-03-04","body":"\"Nobody asked the dockers,\" said Omar Haddad."}"#,
        "this line is not JSON",
        r#"{"paragraphs":["\"Prices will fall,\" said Jane Roe."]}"#,
    ]
    .join("\n");
    let input = || {
        vec![Input::JsonLines {
            name: "stdin".into(),
            text: text.clone(),
        }]
    };
    let report = update(&index, input());
    assert_eq!((report.added, report.failed), (2, 1), "{report:?}");
    assert!(report.has_failures());
    assert_eq!(report.errors.len(), 1);
    assert_eq!(report.errors[0].path, "stdin:2");
    // An article without an id is named after the input and its line.
    assert_eq!(
        ids(&search(&index, SearchRequest::new("prices"))),
        ["stdin#3#0"]
    );
    let hits = search(&index, SearchRequest::new("dockers"));
    assert_eq!(hits[0].date, Some(date(2025, 3, 4)));
    assert_eq!(hits[0].speakers, ["Omar Haddad"]);

    let again = update(&index, input());
    assert_eq!((again.added, again.unchanged), (0, 2), "{again:?}");
    assert!(!again.committed);
}

// ---------------------------------------------------------------------------------------
// Searching
// ---------------------------------------------------------------------------------------

#[test]
fn speaker_filter_keeps_paragraphs_of_that_speaker() {
    let index = corpus_index();
    let roe = search(
        &index,
        SearchRequest::new("").speaker("Jane Roe").limit(100),
    );
    assert_eq!(
        sorted(ids(&roe)),
        ["harbour-1#0", "harbour-2#0", "harvest-1#1"]
    );
    assert!(
        roe.iter()
            .all(|h| h.speakers.contains(&"Jane Roe".to_string()))
    );
    // Any part of the name will do, and several speakers mean any of them.
    let either = search(
        &index,
        SearchRequest::new("")
            .speaker("roe")
            .speaker("Major")
            .limit(100),
    );
    assert_eq!(
        sorted(ids(&either)),
        ["harbour-1#0", "harbour-2#0", "harvest-1#0", "harvest-1#1"]
    );
    // Filter and query words combine.
    let hits = search(&index, SearchRequest::new("ceasefire").speaker("Haddad"));
    assert!(hits.is_empty());
}

#[test]
fn date_range_includes_both_ends() {
    let index = corpus_index();
    let range = |from, until| {
        sorted(ids(&search(
            &index,
            SearchRequest::new("").dates(from, until).limit(100),
        )))
    };
    assert_eq!(
        range(Some(date(2025, 3, 5)), Some(date(2025, 3, 10))),
        ["harbour-2#0", "harbour-2#1", "harvest-1#0", "harvest-1#1"]
    );
    assert_eq!(
        range(Some(date(2025, 3, 5)), Some(date(2025, 3, 5))),
        ["harbour-2#0", "harbour-2#1"]
    );
    assert_eq!(
        range(None, Some(date(2025, 3, 1))),
        ["harbour-1#0", "harbour-1#1"]
    );
    assert_eq!(
        range(Some(date(2025, 3, 10)), None),
        ["harvest-1#0", "harvest-1#1"]
    );
    assert!(range(Some(date(2025, 3, 2)), Some(date(2025, 3, 4))).is_empty());
}

#[test]
fn source_filter_keeps_paragraphs_of_that_outlet() {
    let index = corpus_index();
    let planet = search(
        &index,
        SearchRequest::new("").source("Daily Planet").limit(100),
    );
    assert_eq!(
        sorted(ids(&planet)),
        ["harbour-1#0", "harbour-1#1", "harvest-1#0", "harvest-1#1"]
    );
    let star = search(&index, SearchRequest::new("ceasefire").source("star"));
    assert_eq!(ids(&star), ["harbour-2#0"]);
}

#[test]
fn pages_do_not_overlap_and_concatenate_to_the_full_list() {
    let index = Index::create_in_ram();
    update(
        &index,
        articles("gen", generated("page", 23, 2, "lighthouse")),
    );
    let all = index
        .search(&SearchRequest::new("lighthouse").limit(1000))
        .unwrap();
    assert_eq!(all.total, 46);
    assert_eq!(all.hits.len(), 46);
    for sort in [Sort::Relevance, Sort::Newest, Sort::Oldest] {
        let full = ids(&search(
            &index,
            SearchRequest::new("lighthouse").sort(sort).limit(1000),
        ));
        let mut paged = Vec::new();
        for page in 0..6 {
            let results = index
                .search(
                    &SearchRequest::new("lighthouse")
                        .sort(sort)
                        .limit(10)
                        .offset(page * 10),
                )
                .unwrap();
            assert_eq!(results.total, 46, "total counts all matches, not the page");
            paged.extend(ids(&results.hits));
        }
        assert_eq!(paged, full, "{sort:?}");
    }
    let past_the_end = index
        .search(&SearchRequest::new("lighthouse").offset(100))
        .unwrap();
    assert!(past_the_end.hits.is_empty());
    assert_eq!(past_the_end.total, 46);
}

#[test]
fn huge_offset_returns_no_hits_instead_of_panicking() {
    let index = corpus_index();
    let results = index
        .search(&SearchRequest::new("ceasefire").offset(usize::MAX))
        .unwrap();
    assert!(results.hits.is_empty());
    assert_eq!(results.total, 3);
}

#[test]
fn newest_and_oldest_sort_by_date_with_undated_last() {
    let index = corpus_index();
    let dates = |sort| {
        search(&index, SearchRequest::new("").sort(sort).limit(100))
            .iter()
            .map(|h| h.date)
            .collect::<Vec<_>>()
    };
    let d1 = Some(date(2025, 3, 1));
    let d5 = Some(date(2025, 3, 5));
    let d10 = Some(date(2025, 3, 10));
    assert_eq!(dates(Sort::Newest), [d10, d10, d5, d5, d1, d1, None]);
    assert_eq!(dates(Sort::Oldest), [d1, d1, d5, d5, d10, d10, None]);
}

#[test]
fn relevance_order_is_stable_across_runs() {
    let index = corpus_index();
    let request = SearchRequest::new("ceasefire OR harbour").limit(100);
    let first = ids(&search(&index, request.clone()));
    assert!(first.len() >= 4);
    for _ in 0..3 {
        assert_eq!(ids(&search(&index, request.clone())), first);
    }
    let scores: Vec<f32> = search(&index, request).iter().map(|h| h.score).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
}

/// Checks that the snippet and highlights of `hit` are byte ranges into its text that slice
/// on char boundaries, and that each highlight covers a word starting with `stem`.
fn check_highlights(hit: &Hit, stem: &str) {
    let text = &hit.text;
    let s = &hit.snippet;
    assert!(text.is_char_boundary(s.range.start) && text.is_char_boundary(s.range.end));
    assert_eq!(&text[s.range.clone()], s.text);
    assert!(!s.highlights.is_empty(), "no highlights in {hit:?}");
    for r in &s.highlights {
        assert!(r.start < r.end && r.end <= text.len(), "{r:?}");
        assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        assert!(
            s.range.start <= r.start && r.end <= s.range.end,
            "{r:?} outside snippet"
        );
        let word = text[r.clone()].to_lowercase();
        assert!(word.starts_with(stem), "highlight {word:?} is not {stem}");
    }
}

#[test]
fn highlights_are_byte_ranges_into_the_paragraph_text() {
    let index = Index::create_in_ram();
    let long_prefix =
        "Über die Brücke — “the café’s owners”, naïve or not — walked crowds; ".repeat(8);
    let article = Article::new("unicode")
        .with_paragraph(format!(
            "{long_prefix}“The ceasefire is fragile, but the Ceasefires before it held,” said Zoë Ødegård."
        ))
        .with_paragraph("Café owners on the Brücke said nothing about a ceasefire.");
    update(&index, articles("u", vec![article]));
    let hits = search(&index, SearchRequest::new("ceasefire").limit(10));
    assert_eq!(hits.len(), 2);
    for hit in &hits {
        check_highlights(hit, "ceasefire");
    }
    // The long paragraph's snippet is a passage in the middle, yet its highlights still
    // point into the whole paragraph.
    let long = hits.iter().find(|h| h.paragraph == 0).unwrap();
    assert!(long.snippet.range.start > 0);
    assert_eq!(long.snippet.highlights.len(), 2);
}

#[test]
fn hits_matched_only_by_speaker_get_a_snippet_without_highlights() {
    let index = corpus_index();
    let hits = search(&index, SearchRequest::new("speaker:Major"));
    assert_eq!(ids(&hits), ["harvest-1#0"]);
    let s = &hits[0].snippet;
    assert_eq!(&hits[0].text[s.range.clone()], s.text);
    assert!(!s.text.is_empty());
}

#[test]
fn total_counts_all_matches() {
    let index = corpus_index();
    let results = index
        .search(&SearchRequest::new("ceasefire").limit(1))
        .unwrap();
    assert_eq!(results.total, 3);
    assert_eq!(results.hits.len(), 1);
    let none = index.search(&SearchRequest::new("zeppelin")).unwrap();
    assert_eq!((none.total, none.hits.len()), (0, 0));
}

// ---------------------------------------------------------------------------------------
// Counting
// ---------------------------------------------------------------------------------------

#[test]
fn count_by_speaker_counts_paragraphs_most_first() {
    let index = corpus_index();
    let all = index.count_by_speaker(&SearchRequest::new("")).unwrap();
    assert_eq!(
        all,
        [
            ("Jane Roe".to_string(), 3),
            ("Omar Haddad".to_string(), 2),
            ("Mary Major".to_string(), 1),
        ]
    );
    let ceasefire = index
        .count_by_speaker(&SearchRequest::new("ceasefire"))
        .unwrap();
    assert_eq!(ceasefire, [("Jane Roe".to_string(), 3)]);
    let planet = index
        .count_by_speaker(&SearchRequest::new("").source("Daily Planet"))
        .unwrap();
    assert_eq!(
        planet,
        [
            ("Jane Roe".to_string(), 2),
            ("Mary Major".to_string(), 1),
            ("Omar Haddad".to_string(), 1),
        ]
    );
}

#[test]
fn count_by_date_counts_paragraphs_per_day_in_order() {
    let index = corpus_index();
    let all = index.count_by_date(&SearchRequest::new("")).unwrap();
    assert_eq!(
        all,
        [
            (date(2025, 3, 1), 2),
            (date(2025, 3, 5), 2),
            (date(2025, 3, 10), 2),
        ]
    );
    let roe = index
        .count_by_date(&SearchRequest::new("").speaker("Jane Roe"))
        .unwrap();
    assert_eq!(
        roe,
        [
            (date(2025, 3, 1), 1),
            (date(2025, 3, 5), 1),
            (date(2025, 3, 10), 1),
        ]
    );
    let march_5_on = index
        .count_by_date(&SearchRequest::new("").dates(Some(date(2025, 3, 5)), None))
        .unwrap();
    assert_eq!(march_5_on, [(date(2025, 3, 5), 2), (date(2025, 3, 10), 2)]);
}

#[test]
fn counts_reject_bad_queries_like_search() {
    let index = corpus_index();
    assert!(matches!(
        index.count_by_speaker(&SearchRequest::new("Roe AND (")),
        Err(Error::BadQuery { .. })
    ));
    assert!(matches!(
        index.count_by_date(&SearchRequest::new("Roe AND (")),
        Err(Error::BadQuery { .. })
    ));
}

// ---------------------------------------------------------------------------------------
// Parsing without an index
// ---------------------------------------------------------------------------------------

#[test]
fn parse_paths_reads_and_attributes_without_an_index() {
    let dir = tempfile::tempdir().unwrap();
    write(
        &dir.path().join("a.md"),
        "---\nid: talks\ntitle: Harbour talks\ndate: 2025-03-01\n---\n\n\
         Omar Haddad, the dock union leader, met the owners on Monday.\n\n\
         \"We will not unload a single ship,\" he said.\n",
    );
    write(
        &dir.path().join("feed.jsonl"),
        r#"{"id":"j1","body":"\"Prices will fall,\" said Jane Roe."}"#,
    );
    let source =
        whosaid::parse_paths(&[dir.path().to_path_buf()], &ReadOptions::default()).unwrap();
    assert!(source.diagnostics.iter().all(|d| !d.is_error), "{source:?}");
    let mut by_id: Vec<&Article> = source.articles.iter().collect();
    by_id.sort_by(|a, b| a.id.cmp(&b.id));
    assert_eq!(
        by_id.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(),
        ["j1", "talks"]
    );
    let talks = by_id[1];
    assert_eq!(talks.title.as_deref(), Some("Harbour talks"));
    assert_eq!(talks.date, Some(date(2025, 3, 1)));
    assert_eq!(talks.paragraphs.len(), 2);
    let said: Vec<&str> = talks.paragraphs[1]
        .speakers
        .iter()
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(said, ["Omar Haddad"]);
    assert_eq!(
        by_id[0].paragraphs[0].speaker_names().collect::<Vec<_>>(),
        ["Jane Roe"]
    );
}

#[test]
fn article_parse_splits_front_matter_and_paragraphs() {
    let text = "---\ntitle: Quay notes\ndate: 2025-03-04\nsource: Evening Star\n---\n\n\
                # Morning\n\nThe quays were empty.\n\nThe ships waited offshore.\n";
    let mut warnings = Vec::new();
    let article = article::parse(text, "notes.md", &ReadOptions::default(), &mut |w| {
        warnings.push(w)
    })
    .unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(article.id, "notes.md");
    assert_eq!(article.title.as_deref(), Some("Quay notes"));
    assert_eq!(article.source.as_deref(), Some("Evening Star"));
    assert_eq!(article.date, Some(date(2025, 3, 4)));
    let texts: Vec<&str> = article.paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(
        texts,
        ["The quays were empty.", "The ships waited offshore."]
    );
    assert!(
        article
            .paragraphs
            .iter()
            .all(|p| p.section.as_deref() == Some("Morning"))
    );
    // Parsing does not attribute.
    assert!(article.paragraphs.iter().all(|p| p.speakers.is_empty()));
}

#[test]
fn article_parse_reports_year_less_dates_and_honours_assume_year() {
    let text = "---\ndate: Mar 14\n---\n\nThe quays were empty.\n";
    let mut warnings = Vec::new();
    let article = article::parse(text, "a", &ReadOptions::default(), &mut |w| {
        warnings.push(w)
    })
    .unwrap();
    assert_eq!(article.date, None);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    let options = ReadOptions::default().with_assume_year(Some(2025));
    let article = article::parse(text, "a", &options, &mut |_| {}).unwrap();
    assert_eq!(article.date, Some(date(2025, 3, 14)));
}

#[test]
fn article_parse_rejects_an_empty_article() {
    assert!(article::parse("", "empty", &ReadOptions::default(), &mut |_| {}).is_err());
}

#[test]
fn attribute_fills_speakers_of_an_article_built_in_code() {
    let mut article = Article::new("a")
        .with_paragraph("Prime Minister Jane Roe arrived in the port city on Monday.")
        .with_paragraph("\"We are close to a deal,\" she told reporters.")
        .with_paragraph("The talks resume next week.");
    attribution::attribute(&mut article);
    let speakers = &article.paragraphs[1].speakers;
    assert_eq!(speakers.len(), 1);
    assert_eq!(speakers[0].name, "Jane Roe");
    assert_eq!(speakers[0].cue.kind, whosaid::CueKind::Pronoun);
    assert!(speakers[0].cue.has_quote);
    assert!(article.paragraphs[2].speakers.is_empty());
}

#[test]
fn pronoun_resolves_to_a_name_after_a_lowercase_role() {
    let mut article = Article::new("a")
        .with_paragraph("Union leader Omar Haddad met the owners on Monday.")
        .with_paragraph("\"We will not unload a single ship,\" he said.");
    attribution::attribute(&mut article);
    let names: Vec<&str> = article.paragraphs[1].speaker_names().collect();
    assert_eq!(names, ["Omar Haddad"]);
}

// ---------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------

#[test]
fn bad_query_points_at_the_column_of_the_problem() {
    let index = corpus_index();
    match index.search(&SearchRequest::new("Putin AND (")) {
        Err(Error::BadQuery { column, message }) => {
            assert_eq!(column, 11, "{message}");
            assert!(!message.is_empty());
        }
        other => panic!("expected BadQuery, got {other:?}"),
    }
    // Columns count characters, not bytes.
    match index.search(&SearchRequest::new("Zoë AND (")) {
        Err(Error::BadQuery { column, .. }) => assert_eq!(column, 9),
        other => panic!("expected BadQuery, got {other:?}"),
    }
    let error = index
        .search(&SearchRequest::new("Putin AND ("))
        .unwrap_err();
    assert!(error.to_string().contains("column 11"), "{error}");
}

#[test]
fn parse_paths_on_a_missing_path_is_an_io_error_with_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-corpus");
    match whosaid::parse_paths(std::slice::from_ref(&missing), &ReadOptions::default()) {
        Err(Error::Io { path, source }) => {
            assert_eq!(path, missing);
            assert_eq!(source.kind(), std::io::ErrorKind::NotFound);
        }
        other => panic!("expected Io, got {other:?}"),
    }
}

#[test]
fn update_from_a_missing_folder_is_an_io_error_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let index = corpus_index();
    let missing = dir.path().join("gone");
    match index.update(
        vec![Input::Path(missing.clone())],
        &UpdateOptions::default(),
    ) {
        Err(Error::Io { path, .. }) => assert_eq!(path, missing),
        other => panic!("expected Io, got {other:?}"),
    }
    assert_eq!(index.num_paragraphs(), 7);
}

/// Holds `dir/whosaid.lock` as another process would.
fn hold_writer_lock(dir: &Path) -> fs::File {
    let lock = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.join("whosaid.lock"))
        .unwrap();
    lock.try_lock().expect("nobody else holds the lock yet");
    lock
}

#[test]
fn writes_while_another_holds_the_writer_lock_are_locked() {
    let dir = tempfile::tempdir().unwrap();
    let index = Index::open_or_create(dir.path()).unwrap();
    update(&index, articles("test", corpus()));

    let lock = hold_writer_lock(dir.path());
    let expect_locked = |result: whosaid::Result<IndexReport>, what: &str| match result {
        Err(Error::Locked(path)) => assert_eq!(path, dir.path(), "{what}"),
        other => panic!("{what}: expected Locked, got {other:?}"),
    };
    let more = articles("more", generated("more", 3, 1, "lighthouse"));
    expect_locked(index.update(more, &UpdateOptions::default()), "update");
    expect_locked(index.delete("harbour-1"), "delete");
    assert!(matches!(Index::recreate(dir.path()), Err(Error::Locked(_))));
    // Reading is not blocked by a writer.
    assert_eq!(search(&index, SearchRequest::new("ceasefire")).len(), 3);
    assert!(Index::open(dir.path()).is_ok());

    drop(lock);
    let report = update(
        &index,
        articles("more", generated("more", 3, 1, "lighthouse")),
    );
    assert_eq!(report.added, 3);
}

#[test]
fn second_handle_updating_during_an_update_is_locked() {
    let dir = tempfile::tempdir().unwrap();
    Index::open_or_create(dir.path()).unwrap();
    let first = Index::open(dir.path()).unwrap();
    let second = Index::open(dir.path()).unwrap();

    // The first update stops in its progress callback (lock held) until the second handle
    // has tried its own update: deterministic, however fast the machine.
    let (at_commit_tx, at_commit_rx) = mpsc::channel::<()>();
    let (go_on_tx, go_on_rx) = mpsc::channel::<()>();
    let at_commit_tx = Mutex::new(at_commit_tx);
    let go_on_rx = Mutex::new(go_on_rx);
    let options = UpdateOptions::default().with_progress(Arc::new(move |p| {
        if matches!(p, Progress::Committing) {
            at_commit_tx.lock().unwrap().send(()).unwrap();
            go_on_rx.lock().unwrap().recv().unwrap();
        }
    }));

    thread::scope(|s| {
        let writer = s.spawn(|| first.update(articles("first", corpus()), &options));
        at_commit_rx.recv().unwrap();
        let attempt = second.update(
            articles("second", generated("second", 2, 1, "lighthouse")),
            &UpdateOptions::default(),
        );
        assert!(
            matches!(attempt, Err(Error::Locked(_))),
            "expected Locked, got {attempt:?}"
        );
        go_on_tx.send(()).unwrap();
        let report = writer.join().unwrap().unwrap();
        assert_eq!(report.added, 4);
    });
    // Once the first is done, the second handle may write.
    let report = update(
        &second,
        articles("second", generated("second", 2, 1, "lighthouse")),
    );
    assert_eq!(report.added, 2);
}

// ---------------------------------------------------------------------------------------
// Threads and readers
// ---------------------------------------------------------------------------------------

#[test]
fn searches_from_many_threads_run_while_another_thread_updates() {
    let dir = tempfile::tempdir().unwrap();
    let index = Arc::new(Index::open_or_create(dir.path()).unwrap());
    update(&index, articles("test", corpus()));
    let updating = Arc::new(AtomicBool::new(true));
    let searches = Arc::new(AtomicUsize::new(0));

    let searchers: Vec<_> = (0..4)
        .map(|t| {
            let index = Arc::clone(&index);
            let updating = Arc::clone(&updating);
            let searches = Arc::clone(&searches);
            thread::spawn(move || {
                let queries = ["ceasefire", "speaker:Roe", "lighthouse OR harbour", ""];
                let mut runs = 0;
                // Bounded: stop once the update is over, after 5000 searches at most.
                while runs < 5000 && updating.load(Ordering::SeqCst) {
                    let request = SearchRequest::new(queries[(t + runs) % queries.len()]);
                    let results = index.search(&request).expect("search during update");
                    assert!(results.total >= results.hits.len());
                    index
                        .count_by_speaker(&request)
                        .expect("count during update");
                    runs += 1;
                    searches.fetch_add(1, Ordering::SeqCst);
                }
                runs
            })
        })
        .collect();

    // The update holds on (lock taken, nothing written yet) until the searchers have run
    // 40 more searches, so that searching and updating surely overlap.
    let options = {
        let searches = Arc::clone(&searches);
        UpdateOptions::default().with_progress(Arc::new(move |p| {
            if matches!(p, Progress::Committing) {
                let start = searches.load(Ordering::SeqCst);
                let deadline = Instant::now() + Duration::from_secs(60);
                while searches.load(Ordering::SeqCst) < start + 40 && Instant::now() < deadline {
                    thread::sleep(Duration::from_millis(1));
                }
            }
        }))
    };
    let writer = {
        let index = Arc::clone(&index);
        thread::spawn(move || {
            index.update(
                articles("bulk", generated("bulk", 300, 3, "lighthouse")),
                &options,
            )
        })
    };
    let report = writer.join().unwrap().expect("update during searches");
    updating.store(false, Ordering::SeqCst);
    assert_eq!(report.added, 300);
    let runs: usize = searchers
        .into_iter()
        .map(|s| s.join().expect("no search thread panicked"))
        .sum();
    assert!(runs >= 40, "{runs} searches");
    // The update reloaded the handle's reader: the new articles are visible at once.
    let results = index.search(&SearchRequest::new("lighthouse")).unwrap();
    assert_eq!(results.total, 900);
    assert_eq!(index.num_paragraphs(), 907);
}

#[test]
fn another_handle_sees_a_commit_after_reload() {
    let dir = tempfile::tempdir().unwrap();
    let writer = Index::open_or_create(dir.path()).unwrap();
    let reader = Index::open(dir.path()).unwrap();
    assert_eq!(reader.num_paragraphs(), 0);

    update(&writer, articles("test", corpus()));
    reader.reload().unwrap();
    assert_eq!(reader.num_paragraphs(), 7);
    assert_eq!(search(&reader, SearchRequest::new("apple")).len(), 1);

    writer.delete("harvest-1").unwrap();
    reader.reload().unwrap();
    assert!(search(&reader, SearchRequest::new("apple")).is_empty());
}

#[test]
fn index_and_its_values_can_cross_threads() {
    fn check<T: Send + Sync>() {}
    check::<Index>();
    check::<Error>();
    check::<whosaid::SearchResults>();
    check::<IndexReport>();
    check::<UpdateOptions>();
    fn check_error<T: std::error::Error + Send + Sync + 'static>() {}
    check_error::<Error>();
}

#[test]
fn errors_carry_their_paths() {
    let dir = tempfile::tempdir().unwrap();
    let error = Index::open(dir.path()).unwrap_err();
    assert!(error.to_string().contains(&*dir.path().to_string_lossy()));
    let _: PathBuf = match error {
        Error::IndexMissing(p) => p,
        other => panic!("{other:?}"),
    };
}
