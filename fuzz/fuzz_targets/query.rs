//! Queries of any text against a small index: an answer or a `BadQuery`, nothing else.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use whosaid::{Article, Date, Error, Index, Input, SearchRequest, UpdateOptions};

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let index = Index::create_in_ram();
        let article = Article::new("a")
            .with_date(Date::new(2025, 3, 14).expect("a date"))
            .with_paragraph("\"A ceasefire is possible,\" said Russian President Vladimir Putin.")
            .with_paragraph("Ukrainian President Volodymyr Zelensky said he doubted it.");
        let input = Input::Articles {
            name: "t".into(),
            articles: vec![article],
        };
        index
            .update(vec![input], &UpdateOptions::default())
            .expect("indexes");
        index
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(query) = std::str::from_utf8(data) else {
        return;
    };
    for result in [
        index().search(&SearchRequest::new(query)).map(|_| ()),
        index().count_by_speaker(&SearchRequest::new(query)).map(|_| ()),
    ] {
        match result {
            Ok(()) | Err(Error::BadQuery { .. }) => {}
            Err(e) => panic!("{query:?}: {e}"),
        }
    }
});
