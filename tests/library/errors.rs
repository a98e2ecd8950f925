//! Errors, one kind each.

use super::*;

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
