//! Speaker-name canonicalisation across the corpus (`SpeakerNames::resolve`): names per
//! second with 10,000 and 50,000 distinct people, so that the two figures show how the
//! cost grows (it must stay linear: names are compared only within blocks of similar
//! surnames, never each with each).
//!
//! Each person appears as a full name, and a share of them also as a surname alone, a
//! spelling variant of the surname and a name with its accents removed, as a corpus of
//! news gives them. Run with `cargo bench --bench names`.

/// The allocator of the `whosaid` binary, so the figures are what it runs.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use whosaid::speakers::SpeakerNames;

const GIVEN: [&str; 24] = [
    "Anna", "Boris", "Chloé", "Daniel", "Elena", "Farid", "Grace", "Hamid", "Ines", "Jorge",
    "Kwame", "Lucía", "Mehmet", "Nadia", "Olga", "Pedro", "Qing", "Rania", "Sven", "Tomás", "Uma",
    "Viktor", "Wanjiru", "Yusuf",
];
const CONSONANTS: [&str; 20] = [
    "b", "ch", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "sh", "t", "v", "w", "y",
    "z", "kr",
];
const VOWELS: [&str; 6] = ["a", "e", "i", "o", "u", "ay"];
const ENDINGS: [&str; 8] = ["", "n", "s", "r", "ski", "ov", "ez", "ling"];

/// SplitMix64: pseudo-random but fixed, so that every run has the same names.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A made-up surname of two or three syllables for `n` (the same `n`, the same name).
fn surname(n: usize) -> String {
    let mut r = mix(n as u64);
    let mut take = |k: usize| {
        let v = (r % k as u64) as usize;
        r /= k as u64;
        v
    };
    let syllables = 2 + take(2);
    let mut s = String::new();
    for _ in 0..syllables {
        s.push_str(CONSONANTS[take(CONSONANTS.len())]);
        s.push_str(VOWELS[take(VOWELS.len())]);
    }
    s.push_str(ENDINGS[take(ENDINGS.len())]);
    let mut chars = s.chars();
    let first = chars.next().expect("a letter").to_uppercase();
    first.chain(chars).collect()
}

/// The names of `people` persons, with how many paragraphs use each form.
fn names(people: usize) -> Vec<(String, u64)> {
    let mut out = Vec::with_capacity(people * 2);
    for i in 0..people {
        let last = surname(i);
        let full = format!("{} {last}", GIVEN[i % GIVEN.len()]);
        out.push((full.clone(), 5 + (i % 7) as u64));
        match i % 10 {
            // "Zelenskyy" for "Zelensky": a letter doubled at the end.
            0 => out.push((format!("{full}{}", &last[last.len() - 1..]), 1)),
            // The surname alone.
            1 => out.push((last.clone(), 2)),
            // Without accents.
            2 => out.push((deaccent(&full), 1)),
            _ => {}
        }
    }
    out
}

fn deaccent(s: &str) -> String {
    s.replace('é', "e").replace('í', "i").replace('á', "a")
}

fn bench_names(c: &mut Criterion) {
    let resolver = SpeakerNames::new();
    let mut group = c.benchmark_group("names");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(5))
        .warm_up_time(Duration::from_secs(1));
    for people in [10_000, 50_000] {
        let all = names(people);
        group.throughput(Throughput::Elements(all.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(people), &all, |b, all| {
            b.iter(|| {
                let map = resolver.resolve(all.iter().map(|(n, c)| (n.as_str(), *c)));
                // A doubled last letter joins the full name; accents are folded.
                let first = &all[0].0;
                assert_eq!(
                    map.canonical(&format!("{first}{}", &first[first.len() - 1..])),
                    first
                );
                assert_eq!(map.canonical(&deaccent(&all[4].0)), all[4].0);
                black_box(map)
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench_names);
criterion_main!(benches);
