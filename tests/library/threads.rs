//! Sharing an `Index` between threads; readers seeing new commits.

use super::*;

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
