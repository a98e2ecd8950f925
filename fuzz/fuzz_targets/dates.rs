//! Date strings of any text: parsed dates print and parse back to themselves.
#![no_main]
use libfuzzer_sys::fuzz_target;
use whosaid::dates::{Parsed, parse};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Parsed::Date(d) = parse(text) {
        assert_eq!(parse(&d.to_string()), Parsed::Date(d));
    }
    let _ = text.parse::<whosaid::Date>();
});
