//! Index stage: build an index in RAM from about 5,000 paragraphs, one writer thread.
//!
//! - `index/articles`: articles already parsed (`Input::Articles`); times attribution,
//!   speaker canonicalisation, tantivy's writer and the commit.
//! - `index/files`: a corpus folder on disk (`Input::Path`); adds discovery, reading,
//!   hashing and parsing, i.e. what `whosaid index DIR` does, but into RAM.
//!
//! rayon's global pool is limited to one thread and tantivy's writer to one indexing
//! thread, so the figures compare with `benches/parse.rs` per core (the writer's indexing
//! thread still runs beside the feeding thread). Run with `cargo bench --bench index`.

/// The allocator of the `whosaid` binary, so the figures are what it runs.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{BatchSize, Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use whosaid::article::{self, Article, ReadOptions};
use whosaid::{Index, IndexReport, Input, UpdateOptions};

// cargo builds benches with `--cfg test` but without `--test`, so the generator's own
// `#[cfg(test)] mod tests` is compiled with its `#[test]` functions stripped.
#[allow(unused_imports)]
#[path = "support/corpus.rs"]
mod corpus;

/// Paragraphs per iteration.
const PARAGRAPHS: usize = 5_000;

fn options() -> UpdateOptions {
    UpdateOptions::default().with_threads(Some(1))
}

/// Checks a build inside the timed loop, so that a broken indexer cannot look fast.
fn check(index: &Index, report: &IndexReport, articles: usize, paragraphs: usize) {
    assert!(report.committed, "{report:?}");
    assert!(!report.has_failures(), "{report:?}");
    assert_eq!(report.added, articles, "{report:?}");
    assert_eq!(report.paragraphs, paragraphs, "{report:?}");
    assert_eq!(index.num_paragraphs(), paragraphs as u64);
}

fn parse_articles(generated: &[corpus::GeneratedArticle]) -> Vec<Article> {
    generated
        .iter()
        .map(|a| {
            article::parse(&a.text, &a.file_name, &ReadOptions::default(), &mut |_| {})
                .unwrap_or_else(|e| panic!("{}: {e}", a.file_name))
        })
        .collect()
}

/// Writes the generated articles as `.md` files under `dir`.
fn write_files(dir: &Path, generated: &[corpus::GeneratedArticle]) {
    for a in generated {
        std::fs::write(dir.join(&a.file_name), &a.text).expect("write corpus file");
    }
}

fn bench_index(c: &mut Criterion) {
    rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build_global()
        .expect("rayon's global pool is configured once, before any use");

    let generated = corpus::articles_with_paragraphs(2, PARAGRAPHS);
    let paragraphs: usize = generated.iter().map(|a| a.paragraphs).sum();
    let articles = parse_articles(&generated);
    let n_articles = articles.len();
    let dir = tempfile::tempdir().expect("temp dir");
    write_files(dir.path(), &generated);
    eprintln!("index: {n_articles} articles, {paragraphs} paragraphs");

    let mut group = c.benchmark_group("index");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(5))
        .warm_up_time(Duration::from_secs(1))
        .sampling_mode(SamplingMode::Flat)
        .throughput(Throughput::Elements(paragraphs as u64));
    group.bench_function("articles", |b| {
        b.iter_batched(
            || (Index::create_in_ram(), articles.clone()),
            |(index, articles)| {
                let input = Input::Articles {
                    name: "bench".into(),
                    articles,
                };
                let report = index.update(vec![input], &options()).expect("update");
                check(&index, &report, n_articles, paragraphs);
                black_box(index)
            },
            BatchSize::PerIteration,
        )
    });
    group.bench_function("files", |b| {
        b.iter_batched(
            Index::create_in_ram,
            |index| {
                let input = Input::Path(dir.path().to_path_buf());
                let report = index.update(vec![input], &options()).expect("update");
                check(&index, &report, n_articles, paragraphs);
                black_box(index)
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, bench_index);
criterion_main!(benches);
