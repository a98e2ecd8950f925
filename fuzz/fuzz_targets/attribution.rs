//! Attribution over paragraphs of any text (split on blank lines).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let paragraphs: Vec<&str> = text.split("\n\n").collect();
    let speakers = whosaid::attribution::attribute_texts(&paragraphs);
    assert_eq!(speakers.len(), paragraphs.len());
    for list in speakers {
        for s in list {
            assert!(!s.name.trim().is_empty());
        }
    }
});
