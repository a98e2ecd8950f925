//! Search stage: queries on an index of about 20,000 paragraphs built in RAM before timing.
//!
//! One benchmark per kind of query (two-term AND, phrase, speaker, date range, prefix,
//! fuzzy term) and one for `count_by_speaker`. Each iteration asserts that the query found
//! something and that its top hit fits it, so a broken index or parser cannot look fast.
//! Throughput is one query per iteration (criterion's "elem/s" are queries per second).
//!
//! Run with `cargo bench --bench search`.

/// The allocator of the `whosaid` binary, so the figures are what it runs.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use whosaid::article::{self, Article, ReadOptions};
use whosaid::{Date, Hit, Index, Input, SearchRequest, UpdateOptions};

// cargo builds benches with `--cfg test` but without `--test`, so the generator's own
// `#[cfg(test)] mod tests` is compiled with its `#[test]` functions stripped.
#[allow(unused_imports)]
#[path = "support/corpus.rs"]
mod corpus;

/// Paragraphs in the index.
const PARAGRAPHS: usize = 20_000;

fn build_index() -> (Index, usize) {
    let generated = corpus::articles_with_paragraphs(3, PARAGRAPHS);
    let paragraphs: usize = generated.iter().map(|a| a.paragraphs).sum();
    let articles: Vec<Article> = generated
        .iter()
        .map(|a| {
            article::parse(&a.text, &a.file_name, &ReadOptions::default(), &mut |_| {})
                .unwrap_or_else(|e| panic!("{}: {e}", a.file_name))
        })
        .collect();
    let index = Index::create_in_ram();
    let input = Input::Articles {
        name: "bench".into(),
        articles,
    };
    let report = index
        .update(vec![input], &UpdateOptions::default())
        .expect("build the bench index");
    assert_eq!(report.paragraphs, paragraphs, "{report:?}");
    assert_eq!(index.num_paragraphs(), paragraphs as u64);
    (index, paragraphs)
}

/// The speaker of most paragraphs about ministers whose surname is one plain word, for
/// `speaker:SURNAME`. (Over all paragraphs the top "speakers" are organisations that the
/// generator names like persons, such as "Green Horizon".)
fn busiest_surname(index: &Index) -> String {
    let counts = index
        .count_by_speaker(&SearchRequest::new("minister"))
        .expect("count speakers");
    counts
        .iter()
        .filter_map(|(name, _)| name.rsplit(' ').next())
        .find(|last| last.len() > 2 && last.chars().all(char::is_alphabetic))
        .expect("some speaker with a one-word surname")
        .to_string()
}

/// One query to time, and what its top hit must satisfy.
struct Case {
    name: &'static str,
    query: String,
    check: Box<dyn Fn(&Hit) -> bool>,
}

fn cases(surname: &str) -> Vec<Case> {
    let surname_lower = surname.to_lowercase();
    let march = Date::new(2025, 3, 1).expect("date")..=Date::new(2025, 3, 31).expect("date");
    let has = |words: &'static [&'static str]| -> Box<dyn Fn(&Hit) -> bool> {
        Box::new(move |hit: &Hit| {
            let text = hit.text.to_lowercase();
            words.iter().all(|w| text.contains(w))
        })
    };
    vec![
        Case {
            name: "and",
            query: "interest rates".into(),
            check: has(&["interest", "rate"]),
        },
        Case {
            name: "phrase",
            query: "\"mortgage costs\"".into(),
            check: has(&["mortgage cost"]),
        },
        Case {
            name: "speaker",
            query: format!("speaker:{surname}"),
            check: Box::new(move |hit: &Hit| {
                hit.speakers
                    .iter()
                    .any(|s| s.to_lowercase().contains(&surname_lower))
            }),
        },
        Case {
            name: "date_range",
            query: "date:[2025-03-01 TO 2025-03-31]".into(),
            check: Box::new(move |hit: &Hit| hit.date.is_some_and(|d| march.contains(&d))),
        },
        Case {
            name: "prefix",
            query: "cease*".into(),
            check: has(&["cease"]),
        },
        Case {
            name: "fuzzy",
            // One edit from the stem "mortgag". (`inflaton~1` would miss "inflation": fuzzy
            // terms are matched against stems, and "inflat" is two edits from "inflaton".)
            query: "mortage~1".into(),
            check: has(&["mortgage"]),
        },
    ]
}

fn bench_search(c: &mut Criterion) {
    let (index, paragraphs) = build_index();
    let surname = busiest_surname(&index);
    let cases = cases(&surname);
    for case in &cases {
        let results = index
            .search(&SearchRequest::new(case.query.as_str()))
            .expect("search");
        eprintln!(
            "search: {:<10} {:<40} {:>6} hits of {paragraphs}",
            case.name, case.query, results.total
        );
    }

    let mut group = c.benchmark_group("search");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(3))
        .warm_up_time(Duration::from_secs(1))
        .throughput(Throughput::Elements(1));
    for case in &cases {
        let request = SearchRequest::new(case.query.as_str());
        group.bench_function(case.name, |b| {
            b.iter(|| {
                let results = index.search(black_box(&request)).expect("search");
                assert!(results.total > 0, "{}: no hits", case.query);
                assert!(
                    (case.check)(&results.hits[0]),
                    "{}: top hit does not match: {:?}",
                    case.query,
                    results.hits[0]
                );
                results.total
            })
        });
    }
    let request = SearchRequest::new("minister");
    group.bench_function("count_by_speaker", |b| {
        b.iter(|| {
            let counts = index.count_by_speaker(black_box(&request)).expect("count");
            assert!(counts.len() > 10, "{} speakers", counts.len());
            assert!(counts[0].1 > 0);
            counts.len()
        })
    });
    group.bench_function("count_by_date", |b| {
        b.iter(|| {
            let counts = index.count_by_date(black_box(&request)).expect("count");
            assert!(counts.len() > 10, "{} days", counts.len());
            counts.len()
        })
    });
    let all = SearchRequest::new("");
    group.bench_function("count_all_speakers", |b| {
        b.iter(|| {
            let counts = index.count_by_speaker(black_box(&all)).expect("count");
            assert!(counts.len() > 100, "{} speakers", counts.len());
            counts.len()
        })
    });
    group.finish();
}

criterion_group!(benches, bench_search);
criterion_main!(benches);
