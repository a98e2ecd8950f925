//! Incremental updates from code, files and JSON Lines.

use super::*;

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
