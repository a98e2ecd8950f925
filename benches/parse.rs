//! Parse stage: read, split, attribute and date generated articles, in memory, on one thread.
//!
//! `parse/articles` is the issue-3 figure: `article::parse` (front matter, header block,
//! headings, paragraphs, date) then `attribution::attribute`, reported in paragraphs per
//! second on one core (target: at least 50,000). `parse/attribute_texts` times attribution
//! alone on the same paragraphs, so the difference is the reader's cost.
//!
//! Run with `cargo bench --bench parse`.

/// The allocator of the `whosaid` binary, so the figures are what it runs.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use whosaid::article::{self, ReadOptions};
use whosaid::attribution;

// cargo builds benches with `--cfg test` but without `--test`, so the generator's own
// `#[cfg(test)] mod tests` is compiled with its `#[test]` functions stripped.
#[allow(unused_imports)]
#[path = "support/corpus.rs"]
mod corpus;

/// Paragraphs per iteration.
const PARAGRAPHS: usize = 2_000;
/// Fewer speakers than this means attribution is broken, whatever the timing says.
/// (The generator's mix gives speakers to roughly half of all paragraphs.)
const MIN_SPEAKER_SHARE: f64 = 0.25;

/// What one pass over the corpus found; compared against a first pass inside the loop.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Tally {
    paragraphs: usize,
    speakers: usize,
    dated: usize,
}

/// Parses and attributes every article, as `whosaid parse` would.
fn parse_all(texts: &[(String, String)]) -> Tally {
    let options = ReadOptions::default();
    let mut tally = Tally::default();
    for (id, text) in texts {
        let mut article =
            article::parse(text, id, &options, &mut |_| {}).unwrap_or_else(|e| panic!("{id}: {e}"));
        attribution::attribute(&mut article);
        tally.paragraphs += article.paragraphs.len();
        tally.speakers += article
            .paragraphs
            .iter()
            .map(|p| p.speakers.len())
            .sum::<usize>();
        tally.dated += usize::from(article.date.is_some());
    }
    tally
}

/// Attribution alone, on paragraphs already split.
fn attribute_all(articles: &[Vec<&str>]) -> Tally {
    let mut tally = Tally::default();
    for paragraphs in articles {
        let speakers = attribution::attribute_texts(paragraphs);
        tally.paragraphs += speakers.len();
        tally.speakers += speakers.iter().map(Vec::len).sum::<usize>();
    }
    tally
}

fn bench_parse(c: &mut Criterion) {
    let generated = corpus::articles_with_paragraphs(1, PARAGRAPHS);
    let expected_paragraphs: usize = generated.iter().map(|a| a.paragraphs).sum();
    let bytes: usize = generated.iter().map(|a| a.text.len()).sum();
    let texts: Vec<(String, String)> = generated
        .into_iter()
        .map(|a| (a.file_name, a.text))
        .collect();

    let reference = parse_all(&texts);
    assert_eq!(reference.paragraphs, expected_paragraphs, "paragraph count");
    assert_eq!(reference.dated, texts.len(), "every article has a date");
    assert!(
        reference.speakers as f64 >= MIN_SPEAKER_SHARE * expected_paragraphs as f64,
        "too few speakers: {reference:?}"
    );
    eprintln!(
        "parse: {} articles, {} paragraphs, {} KiB, {} speakers",
        texts.len(),
        reference.paragraphs,
        bytes / 1024,
        reference.speakers
    );

    // Paragraph texts per article, for attribution alone.
    let split: Vec<Vec<String>> = texts
        .iter()
        .map(|(id, text)| {
            let a = article::parse(text, id, &ReadOptions::default(), &mut |_| {})
                .expect("parsed above");
            a.paragraphs.into_iter().map(|p| p.text).collect()
        })
        .collect();
    let split: Vec<Vec<&str>> = split
        .iter()
        .map(|ps| ps.iter().map(String::as_str).collect())
        .collect();
    let attributed = attribute_all(&split);
    assert_eq!(attributed.paragraphs, reference.paragraphs);
    assert_eq!(attributed.speakers, reference.speakers);

    let mut group = c.benchmark_group("parse");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(5))
        .warm_up_time(Duration::from_secs(1))
        .sampling_mode(SamplingMode::Flat)
        .throughput(Throughput::Elements(expected_paragraphs as u64));
    group.bench_function("articles", |b| {
        b.iter(|| {
            let tally = parse_all(black_box(&texts));
            assert_eq!(tally, reference);
            tally
        })
    });
    group.bench_function("attribute_texts", |b| {
        b.iter(|| {
            let tally = attribute_all(black_box(&split));
            assert_eq!(tally, attributed);
            tally
        })
    });
    group.finish();
}

criterion_group!(benches, bench_parse);
criterion_main!(benches);
