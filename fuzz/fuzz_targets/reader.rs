//! Article files of any bytes, as text/Markdown and as JSON Lines.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::path::Path;
use whosaid::article::{ReadOptions, parse_bytes};

fuzz_target!(|data: &[u8]| {
    let options = ReadOptions::default().with_assume_year(Some(2025));
    for name in ["x.md", "x.jsonl"] {
        if let Ok(source) = parse_bytes(data, Path::new(name), name, &options) {
            for article in &source.articles {
                assert!(!article.paragraphs.is_empty());
            }
        }
    }
});
