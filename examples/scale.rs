//! The tools of `scripts/scale.sh` (see `BENCHMARKS.md`): a generated news corpus of any
//! size, a bare tantivy program to compare whosaid with, and latency measurements.
//!
//! ```sh
//! cargo run --release --example scale -- gen PARAGRAPHS DIR     # corpus, paragraphs, queries
//! cargo run --release --example scale -- bare-index INDEX DIR/paragraphs.jsonl THREADS MB
//! cargo run --release --example scale -- bare-latency INDEX DIR/queries.tsv ROUNDS
//! cargo run --release --example scale -- latency INDEX DIR/queries.tsv ROUNDS
//! cargo run --release --example scale -- facets INDEX QUERY ROUNDS  # counts, timelines, per article
//! cargo run --release --example scale -- spawn-latency WHOSAID INDEX DIR/queries.tsv ROUNDS
//! cargo run --release --example scale -- bare-spawn-latency INDEX DIR/queries.tsv ROUNDS
//! cargo run --release --example scale -- bare-search INDEX QUERY
//! cargo run --release --example scale -- parse PARAGRAPHS      # reading + attribution, one core
//! ```
//!
//! The corpus is `benches/support/corpus.rs`'s articles (quotes with attributions, pronoun
//! follow-ups, speakers with titles) with words of a Zipf-distributed vocabulary of 50,000
//! made-up words added to every paragraph, so that there are common and rare terms as in
//! real text. Everything is deterministic (seeded).

/// The allocator of the `whosaid` binary, so the figures are what it runs.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[allow(unused_imports)]
#[path = "../benches/support/corpus.rs"]
mod corpus;

use std::collections::HashMap;
use std::fs;
use std::io::{BufRead, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use tantivy::collector::{Count, TopDocs};
use tantivy::query::QueryParser;
use tantivy::schema::{STORED, STRING, Schema, TEXT, Value};
use tantivy::{Index as Tantivy, TantivyDocument};
use whosaid::article::{self, ReadOptions};
use whosaid::{Facet, Index, Period, SearchRequest};

/// Words in the made-up vocabulary.
const VOCABULARY: usize = 50_000;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |i: usize| args.get(i).map(String::as_str).unwrap_or_else(|| usage());
    match arg(0) {
        "gen" => generate(
            arg(1).parse().unwrap_or_else(|_| usage()),
            Path::new(arg(2)),
        ),
        "bare-index" => bare_index(
            Path::new(arg(1)),
            Path::new(arg(2)),
            arg(3).parse().unwrap_or_else(|_| usage()),
            arg(4).parse().unwrap_or_else(|_| usage()),
        ),
        "bare-latency" => bare_latency(Path::new(arg(1)), Path::new(arg(2)), rounds(arg(3))),
        "latency" => latency(Path::new(arg(1)), Path::new(arg(2)), rounds(arg(3))),
        "facets" => facets(Path::new(arg(1)), arg(2), rounds(arg(3))),
        "spawn-latency" => spawn_latency(
            Path::new(arg(1)),
            Path::new(arg(2)),
            Path::new(arg(3)),
            rounds(arg(4)),
        ),
        "bare-spawn-latency" => {
            bare_spawn_latency(Path::new(arg(1)), Path::new(arg(2)), rounds(arg(3)))
        }
        "bare-search" => bare_search(Path::new(arg(1)), arg(2)),
        "parse" => parse_rate(arg(1).parse().unwrap_or_else(|_| usage())),
        _ => usage(),
    }
}

fn usage() -> ! {
    eprintln!("usage: see the doc comment of examples/scale.rs");
    std::process::exit(2)
}

fn rounds(s: &str) -> usize {
    s.parse().unwrap_or_else(|_| usage())
}

// ---- The corpus.

/// The made-up word of a rank: syllables for its digits in base 24.
fn word(rank: usize) -> String {
    const SYLLABLES: [&str; 24] = [
        "ka", "lo", "ren", "ti", "sa", "mu", "vel", "do", "ri", "pan", "go", "se", "tu", "bel",
        "ni", "ro", "fa", "qui", "zo", "le", "mar", "wen", "hi", "dor",
    ];
    let mut n = rank + 24;
    let mut w = String::new();
    while n > 0 {
        w.push_str(SYLLABLES[n % 24]);
        n /= 24;
    }
    w
}

/// Zipf(1) ranks by inverse CDF over a table of cumulative weights.
struct Zipf {
    cumulative: Vec<f64>,
    state: u64,
}

impl Zipf {
    fn new(seed: u64) -> Zipf {
        let mut total = 0.0;
        let cumulative = (1..=VOCABULARY)
            .map(|r| {
                total += 1.0 / r as f64;
                total
            })
            .collect();
        Zipf {
            cumulative,
            state: seed,
        }
    }

    fn next(&mut self) -> usize {
        // SplitMix64
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        let u = (z >> 11) as f64 / (1u64 << 53) as f64 * self.cumulative[VOCABULARY - 1];
        self.cumulative.partition_point(|&c| c < u)
    }
}

/// Writes, for about `paragraphs` paragraphs: `md/` (Markdown with front matter, 500 files
/// per folder), `feed.jsonl` (the same articles as JSON Lines), `paragraphs.jsonl` (one
/// JSON string per paragraph, as whosaid reads them: for the bare program), `paragraphs.csv`
/// (for SQLite) and `queries.tsv` (the query set, with words picked by frequency).
fn generate(paragraphs: usize, dir: &Path) {
    fs::create_dir_all(dir.join("md")).expect("output folder");
    let mut zipf = Zipf::new(0x5ca1e);
    let mut feed = BufWriter::new(fs::File::create(dir.join("feed.jsonl")).expect("feed"));
    let mut plain = BufWriter::new(fs::File::create(dir.join("paragraphs.jsonl")).expect("p"));
    let mut csv = BufWriter::new(fs::File::create(dir.join("paragraphs.csv")).expect("csv"));
    let mut df: HashMap<usize, usize> = HashMap::new();
    let mut speakers: HashMap<String, usize> = HashMap::new();
    let (mut written, mut n, mut bytes) = (0usize, 0usize, 0usize);
    while written < paragraphs {
        let generated = corpus::article(7, n);
        let mut a = article::parse(&generated.text, "x", &ReadOptions::default(), &mut |_| {})
            .expect("generated articles parse");
        let mut md = format!(
            "---\nid: {}\ntitle: \"{}\"\nsource: {}\nauthor: {}\ndate: {}\n---\n",
            a.id,
            a.title.as_deref().unwrap_or("").replace('"', "'"),
            a.source.as_deref().unwrap_or(""),
            a.author.as_deref().unwrap_or(""),
            a.date.map(|d| d.to_string()).unwrap_or_default()
        );
        let mut section: Option<String> = None;
        for p in &mut a.paragraphs {
            let mut seen = Vec::new();
            let extra: Vec<String> = (0..8)
                .map(|_| {
                    let r = zipf.next();
                    if !seen.contains(&r) {
                        seen.push(r);
                        *df.entry(r).or_default() += 1;
                    }
                    word(r)
                })
                .collect();
            p.text = format!("{} Observers noted {}.", p.text, extra.join(" "));
            if p.section != section {
                section = p.section.clone();
                if let Some(s) = &section {
                    md.push_str(&format!("\n## {s}\n"));
                }
            }
            md.push('\n');
            md.push_str(&p.text);
            md.push('\n');
            serde_json::to_writer(&mut plain, &p.text).expect("write");
            plain.write_all(b"\n").expect("write");
            writeln!(csv, "\"{}\"", p.text.replace('"', "\"\"")).expect("write");
            bytes += p.text.len();
            written += 1;
        }
        let folder = dir.join(format!("md/{:04}", n / 500));
        fs::create_dir_all(&folder).expect("folder");
        fs::write(folder.join(format!("article-{n:06}.md")), md).expect("article");
        let body: Vec<&str> = a.paragraphs.iter().map(|p| p.text.as_str()).collect();
        let line = serde_json::json!({
            "id": a.id, "title": a.title, "source": a.source, "author": a.author,
            "date": a.date.map(|d| d.to_string()), "body": body.join("\n\n"),
        });
        serde_json::to_writer(&mut feed, &line).expect("write");
        feed.write_all(b"\n").expect("write");
        // Speakers, to pick a common one for the query set.
        whosaid::attribution::attribute(&mut a);
        for p in &a.paragraphs {
            for s in &p.speakers {
                let surname = s.name.rsplit(' ').next().unwrap_or(&s.name).to_string();
                *speakers.entry(surname).or_default() += 1;
            }
        }
        n += 1;
    }
    feed.flush().expect("flush");
    plain.flush().expect("flush");
    csv.flush().expect("flush");
    // Words by how many paragraphs they are in: the query set is picked from them.
    let near = |share: f64| {
        let target = (written as f64 * share) as usize;
        let mut best = (usize::MAX, 0);
        for (&r, &count) in &df {
            let gap = count.abs_diff(target);
            if gap < best.0 || (gap == best.0 && r < best.1) {
                best = (gap, r);
            }
        }
        word(best.1)
    };
    let common = near(0.30);
    let common2 = near(0.20);
    let ten = near(0.10);
    let rare = near(0.0005);
    let speaker = speakers
        .iter()
        .max_by_key(|(name, n)| (**n, std::cmp::Reverse((*name).clone())))
        .map(|(name, _)| name.clone())
        .unwrap_or_default();
    let queries = [
        ("two common terms", format!("{common} {common2}")),
        ("rare + common", format!("{rare} {common}")),
        ("phrase", "\"export corridor\"".to_string()),
        ("OR", format!("{rare} OR {ten}")),
        ("NOT", format!("{common} -{common2}")),
        ("prefix", format!("{}*", &common2[..common2.len().min(5)])),
        ("speaker filter", format!("speaker:{speaker} {common}")),
        (
            "date range",
            format!("{common} date:[2024-03-01 TO 2024-05-31]"),
        ),
        ("10% query", ten.clone()),
    ];
    let mut q = BufWriter::new(fs::File::create(dir.join("queries.tsv")).expect("queries"));
    for (name, query) in &queries {
        writeln!(q, "{name}\t{query}").expect("write");
    }
    q.flush().expect("flush");
    eprintln!(
        "{written} paragraphs in {n} articles, {:.1} MB of paragraph text; queries in {}",
        bytes as f64 / 1e6,
        dir.join("queries.tsv").display()
    );
}

fn queries(path: &Path) -> Vec<(String, String)> {
    fs::read_to_string(path)
        .expect("queries.tsv")
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

/// Reading and attribution of generated articles on one thread, as `index` does for each
/// file: paragraphs per second (generation is not timed).
fn parse_rate(paragraphs: usize) {
    let texts: Vec<String> = corpus::articles_with_paragraphs(7, paragraphs)
        .into_iter()
        .map(|a| a.text)
        .collect();
    let start = Instant::now();
    let mut count = 0;
    for text in &texts {
        let mut a = article::parse(text, "x", &ReadOptions::default(), &mut |_| {})
            .expect("generated articles parse");
        whosaid::attribution::attribute(&mut a);
        count += a.paragraphs.len();
    }
    let seconds = start.elapsed().as_secs_f64();
    println!(
        "{count} paragraphs in {seconds:.2} s: {:.0} paragraphs/s",
        count as f64 / seconds
    );
}

// ---- The bare tantivy program: a plain schema, the same paragraphs.

fn bare_index(index_dir: &Path, paragraphs: &Path, threads: usize, mb: usize) {
    let mut schema = Schema::builder();
    let id = schema.add_text_field("id", STRING | STORED);
    let text = schema.add_text_field("text", TEXT | STORED);
    fs::create_dir_all(index_dir).expect("index folder");
    let index = Tantivy::create_in_dir(index_dir, schema.build()).expect("a new index");
    let mut writer: tantivy::IndexWriter = index
        .writer_with_num_threads(threads, mb * 1_000_000)
        .expect("writer");
    let file = std::io::BufReader::new(fs::File::open(paragraphs).expect("paragraphs"));
    for (n, line) in file.lines().enumerate() {
        let body: String = serde_json::from_str(&line.expect("a line")).expect("a JSON string");
        let mut doc = TantivyDocument::default();
        doc.add_text(id, n.to_string());
        doc.add_text(text, body);
        writer.add_document(doc).expect("add");
    }
    writer.commit().expect("commit");
    writer.wait_merging_threads().expect("merges");
}

/// Times `f` `rounds` times after one warm-up: (median, p99) in microseconds.
fn percentiles(rounds: usize, mut f: impl FnMut()) -> (f64, f64) {
    f();
    let mut times: Vec<Duration> = (0..rounds)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize].as_secs_f64() * 1e6;
    (at(0.5), at(0.99))
}

fn bare_open(index_dir: &Path) -> (Tantivy, tantivy::Searcher, QueryParser) {
    let index = Tantivy::open_in_dir(index_dir).expect("bare index");
    let text = index.schema().get_field("text").expect("text");
    let searcher = index.reader().expect("reader").searcher();
    let mut parser = QueryParser::for_index(&index, vec![text]);
    parser.set_conjunction_by_default();
    (index, searcher, parser)
}

/// The queries tantivy's own parser reads alike (whosaid-only fields are left out).
fn bare_query(q: &str) -> Option<String> {
    (!q.contains("speaker:") && !q.contains("date:")).then(|| q.to_string())
}

/// The bare program's query for `q`: tantivy's parser, except that a prefix expands to every
/// word it starts (the parser stops at 50 words; whosaid does not), so both count alike.
fn bare_parse(index: &Tantivy, parser: &QueryParser, q: &str) -> Box<dyn tantivy::query::Query> {
    if let Some(prefix) = q
        .strip_suffix('*')
        .filter(|p| p.chars().all(char::is_alphanumeric))
    {
        let text = index.schema().get_field("text").expect("text");
        let pattern = format!("{}.*", prefix.to_lowercase());
        return Box::new(tantivy::query::RegexQuery::from_pattern(&pattern, text).expect("regex"));
    }
    parser.parse_query(q).expect("bare query")
}

/// Top 10 with their stored text, and the total: what a search that shows hits does.
fn bare_run(
    searcher: &tantivy::Searcher,
    query: &dyn tantivy::query::Query,
) -> (Vec<String>, usize) {
    let (top, count) = searcher
        .search(query, &(TopDocs::with_limit(10).order_by_score(), Count))
        .expect("search");
    let text = searcher.schema().get_field("text").expect("text");
    let bodies = top
        .into_iter()
        .map(|(_, address)| {
            let doc: TantivyDocument = searcher.doc(address).expect("doc");
            doc.get_first(text)
                .and_then(|v| v.as_str())
                .unwrap_or("")
                .to_string()
        })
        .collect();
    (bodies, count)
}

fn bare_latency(index_dir: &Path, queries_file: &Path, rounds: usize) {
    let (index, searcher, parser) = bare_open(index_dir);
    for (name, q) in queries(queries_file) {
        let Some(q) = bare_query(&q) else {
            println!("{name}\t-\t-\t-");
            continue;
        };
        let query = bare_parse(&index, &parser, &q);
        let mut total = 0;
        let (p50, p99) = percentiles(rounds, || {
            let (top, count) = bare_run(&searcher, query.as_ref());
            std::hint::black_box(top);
            total = count;
        });
        println!("{name}\t{total}\t{p50:.0}\t{p99:.0}");
    }
}

fn bare_search(index_dir: &Path, q: &str) {
    let (index, searcher, parser) = bare_open(index_dir);
    let query = bare_parse(&index, &parser, q);
    let (top, count) = bare_run(&searcher, query.as_ref());
    for body in top {
        println!("{}", body.chars().take(80).collect::<String>());
    }
    println!("{count}");
}

/// The bare program as a new process per query (this binary's `bare-search`).
fn bare_spawn_latency(index_dir: &Path, queries_file: &Path, rounds: usize) {
    let me = std::env::current_exe().expect("own path");
    let dir = index_dir.to_str().expect("a UTF-8 path");
    for (name, q) in queries(queries_file) {
        let Some(q) = bare_query(&q) else {
            println!("{name}\t-\t-");
            continue;
        };
        let (p50, p99) = percentiles(rounds, || {
            let status = std::process::Command::new(&me)
                .args(["bare-search", dir, &q])
                .stdout(std::process::Stdio::null())
                .status()
                .expect("bare search runs");
            assert!(status.success(), "{q}: {status}");
        });
        println!("{name}\t{:.1}\t{:.1}", p50 / 1000.0, p99 / 1000.0);
    }
}

// ---- whosaid in-process.

fn latency(index_dir: &Path, queries_file: &Path, rounds: usize) {
    let index = Index::open(index_dir).expect("whosaid index");
    println!(
        "query\ttotal\tp50 µs\tp99 µs\tno snippets p50 µs\tspeaker counts p50 µs\tdate counts p50 µs"
    );
    for (name, q) in queries(queries_file) {
        let request = SearchRequest::new(q.clone());
        let mut total = 0;
        let (p50, p99) = percentiles(rounds, || {
            total = index.search(&request).expect("search").total;
        });
        let bare = request.clone().snippets(false);
        let (np50, _) = percentiles(rounds, || {
            std::hint::black_box(index.search(&bare).expect("search"));
        });
        let (s50, _) = percentiles(rounds.min(50), || {
            std::hint::black_box(index.count_by_speaker(&request).expect("counts"));
        });
        let (d50, _) = percentiles(rounds.min(50), || {
            std::hint::black_box(index.count_by_date(&request).expect("counts"));
        });
        println!("{name}\t{total}\t{p50:.0}\t{p99:.0}\t{np50:.0}\t{s50:.0}\t{d50:.0}");
    }
    let all = SearchRequest::new("");
    let (a50, a99) = percentiles(rounds.min(20), || {
        std::hint::black_box(index.count_by_speaker(&all).expect("counts"));
    });
    println!("all speakers\t-\t{a50:.0}\t{a99:.0}\t-\t-\t-");
}

/// Counts by each facet, timelines by each period and a per-article page for one query:
/// `what\tmatches\trows\tp50 µs\tp99 µs` lines.
fn facets(index_dir: &Path, q: &str, rounds: usize) {
    let index = Index::open(index_dir).expect("whosaid index");
    let request = SearchRequest::new(q);
    let total = index.search(&request).expect("search").total;
    println!("what\tmatches\trows\tp50 µs\tp99 µs");
    let row = |what: &str, f: &mut dyn FnMut() -> usize| {
        let mut rows = 0;
        let (p50, p99) = percentiles(rounds, || rows = f());
        println!("{what}\t{total}\t{rows}\t{p50:.0}\t{p99:.0}");
    };
    for (name, facet) in [
        ("speaker", Facet::Speaker),
        ("source", Facet::Source),
        ("author", Facet::Author),
        ("section", Facet::Section),
    ] {
        row(&format!("--count {name}"), &mut || {
            index.count_by(&request, facet).expect("counts").len()
        });
    }
    for (name, period) in [
        ("day", Period::Day),
        ("week", Period::Week),
        ("month", Period::Month),
        ("year", Period::Year),
    ] {
        row(&format!("--count date --by {name}"), &mut || {
            index.timeline(&request, period).expect("timeline").len()
        });
    }
    let per_article = request.clone().per_article(true);
    row("--per-article (top 10)", &mut || {
        index
            .search(&per_article)
            .expect("search")
            .articles
            .unwrap_or(0)
    });
    let quotes = SearchRequest::new(format!("quote:{q}"));
    row("quote: (top 10)", &mut || {
        index.search(&quotes).expect("search").total
    });
}

/// `whosaid search` as a new process each time (warm cache): (median, p99) per query.
fn spawn_latency(bin: &Path, index_dir: &Path, queries_file: &Path, rounds: usize) {
    let run = |args: &[&str]| {
        let status = std::process::Command::new(bin)
            .args(args)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .expect("whosaid runs");
        assert!(status.code().is_some_and(|c| c <= 1), "{args:?}: {status}");
    };
    let dir = index_dir.to_str().expect("a UTF-8 path");
    let mut all: Vec<(String, Vec<String>)> = queries(queries_file)
        .into_iter()
        .map(|(name, q)| (name, vec!["search".into(), q, "--index".into(), dir.into()]))
        .collect();
    for (name, q) in queries(queries_file)
        .into_iter()
        .filter(|(n, _)| n == "10% query")
    {
        for by in ["speaker", "date"] {
            let args = vec![
                "search".into(),
                q.clone(),
                "--count".into(),
                by.into(),
                "--index".into(),
                dir.into(),
            ];
            all.push((format!("{name} --count {by}"), args));
        }
    }
    for (name, args) in all {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (p50, p99) = percentiles(rounds, || run(&args));
        println!("{name}\t{:.1}\t{:.1}", p50 / 1000.0, p99 / 1000.0);
    }
}

#[allow(dead_code)]
fn unused(_: PathBuf) {}
