//! Property tests: whatever the input, the reader, dates, attribution and the query
//! language answer without panicking, and what they answer is well formed. The fuzz
//! targets in `fuzz/` search the same entry points for longer; crashes they find become
//! cases in `regressions` below.

use proptest::prelude::*;
use whosaid::article::{self, ReadOptions};
use whosaid::{Article, Error, Index, Input, SearchRequest, UpdateOptions, attribution, dates};

/// Text made of the pieces news and hostile input are made of: names, quotation marks of
/// every kind, speech verbs, punctuation, odd Unicode.
fn newsy() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Putin",
        "Zelensky",
        "he",
        "she",
        "said",
        "told",
        "the president",
        "according to",
        "\"",
        "“",
        "”",
        "‘",
        "’",
        "'",
        "„",
        "«",
        "»",
        ",",
        ".",
        "?",
        ":",
        ";",
        "—",
        "-",
        " ",
        " ",
        " ",
        "\n",
        "\n\n",
        "---",
        "#",
        "Mr.",
        "U.S.",
        "é",
        "\u{200b}",
        "\u{202e}",
        "🙂",
        "said Ann Lee",
        "who",
        "and",
        "(",
        ")",
        "2025-03-1é",
        "date: ",
        "al-",
        "von der",
    ]);
    prop::collection::vec(pieces, 0..120).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]

    #[test]
    fn reader_never_panics_on_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let o = ReadOptions::default();
        let _ = article::parse_bytes(&bytes, std::path::Path::new("x.md"), "x", &o);
        let _ = article::parse_bytes(&bytes, std::path::Path::new("x.jsonl"), "x", &o);
    }

    #[test]
    fn reader_never_panics_on_text(text in newsy()) {
        let o = ReadOptions::default();
        if let Ok(source) = article::parse_bytes(text.as_bytes(), std::path::Path::new("x.md"), "x", &o) {
            for a in &source.articles {
                prop_assert!(!a.paragraphs.is_empty());
                prop_assert!(a.paragraphs.iter().all(|p| !p.text.trim().is_empty()));
            }
        }
        let json = serde_json::json!({"id": "a", "body": text}).to_string();
        let _ = article::parse_jsonl(&json, "f", "f", &o);
    }

    #[test]
    fn dates_never_panic(text in ".{0,40}") {
        if let dates::Parsed::Date(d) = dates::parse(&text) {
            prop_assert!((whosaid::Date::MIN_YEAR..=whosaid::Date::MAX_YEAR).contains(&d.year()));
            prop_assert_eq!(dates::parse(&d.to_string()), dates::Parsed::Date(d));
        }
    }

    #[test]
    fn attribution_never_panics_and_names_are_clean(paragraphs in prop::collection::vec(newsy(), 0..8)) {
        let texts: Vec<&str> = paragraphs.iter().map(String::as_str).collect();
        let speakers = attribution::attribute_texts(&texts);
        prop_assert_eq!(speakers.len(), texts.len());
        for list in speakers {
            for s in list {
                prop_assert!(!s.name.trim().is_empty());
                prop_assert_eq!(s.name.trim(), s.name.as_str());
            }
        }
    }

    #[test]
    fn quotations_are_spans_of_their_paragraph(paragraphs in prop::collection::vec(newsy(), 1..6)) {
        let mut article = Article::new("q");
        for p in &paragraphs {
            article = article.with_paragraph(p.as_str());
        }
        attribution::attribute(&mut article);
        for p in &article.paragraphs {
            let names: Vec<&str> = p.speaker_names().collect();
            for q in &p.quotes {
                prop_assert!(q.start < q.end && p.text.get(q.start..q.end).is_some(), "{q:?} in {:?}", p.text);
                prop_assert_eq!(q.text(&p.text).trim(), q.text(&p.text));
                if let Some(name) = &q.speaker {
                    prop_assert!(names.contains(&name.as_str()), "{name} not in {names:?}");
                }
            }
        }
    }

    #[test]
    fn snippets_are_passages_of_the_text(text in newsy(), chars in 20usize..300) {
        let article = Article::new("s").with_paragraph(format!("{text} ceasefire {text}"));
        let index = Index::create_in_ram();
        let input = Input::Articles { name: "s".into(), articles: vec![article] };
        index.update(vec![input], &UpdateOptions::default()).expect("update");
        let results = index.search(&SearchRequest::new("ceasefire").snippet_chars(chars)).expect("search");
        for hit in &results.hits {
            let s = &hit.snippet;
            prop_assert!(!s.fragments.is_empty());
            for f in &s.fragments {
                prop_assert!(hit.text.get(f.clone()).is_some_and(|t| s.text.contains(t)), "{s:?}");
            }
            prop_assert_eq!(s.highlights.len(), s.snippet_highlights.len());
            for (t, n) in s.highlights.iter().zip(&s.snippet_highlights) {
                prop_assert_eq!(hit.text.get(t.clone()), s.text.get(n.clone()));
            }
            prop_assert!(!s.highlights.is_empty(), "{s:?}");
        }
    }

    #[test]
    fn queries_never_panic(query in query_text()) {
        let index = small_index();
        match index.search(&SearchRequest::new(query.clone())) {
            Ok(_) | Err(Error::BadQuery { .. }) => {}
            Err(e) => prop_assert!(false, "{query:?}: {e}"),
        }
        let _ = index.count_by_speaker(&SearchRequest::new(query));
    }
}

fn query_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Putin",
        "ceasefire",
        "AND",
        "OR",
        "NOT",
        "-",
        "+",
        "(",
        ")",
        "\"",
        "*",
        "?",
        "~",
        "~1",
        "~3",
        ":",
        "speaker:",
        "date:",
        "title:",
        "spaker:",
        "[",
        "]",
        "{",
        "}",
        " TO ",
        "*",
        ">=",
        "<",
        "2025",
        "2025-03",
        "2025-03-1é",
        "2262-04-12",
        "^2",
        "\\",
        " ",
        " ",
        "é",
        "zel*sky",
        "\u{0}",
        "'",
        "O'Brien",
    ]);
    prop::collection::vec(pieces, 0..25).prop_map(|v| v.concat())
}

fn small_index() -> &'static Index {
    static INDEX: std::sync::OnceLock<Index> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let index = Index::create_in_ram();
        let article = Article::new("a")
            .with_date(whosaid::Date::new(2025, 3, 14).expect("a date"))
            .with_paragraph("\"A ceasefire is possible,\" said Russian President Vladimir Putin.")
            .with_paragraph("Ukrainian President Volodymyr Zelensky said he doubted it.");
        index
            .update(
                vec![Input::Articles {
                    name: "t".into(),
                    articles: vec![article],
                }],
                &UpdateOptions::default(),
            )
            .expect("indexes");
        index
    })
}

/// Inputs that once broke, kept as plain cases.
mod regressions {
    use super::*;

    #[test]
    fn multibyte_character_at_byte_ten_of_a_date() {
        assert_eq!(dates::parse("2025-03-1é"), dates::Parsed::Invalid);
        let text = "---\ndate: 2025-03-1é\n---\nBody.\n";
        let mut warnings = Vec::new();
        let a = article::parse(text, "x", &ReadOptions::default(), &mut |w| {
            warnings.push(w)
        })
        .expect("the article reads");
        assert_eq!(a.date, None);
        assert_eq!(warnings.len(), 1);
    }

    #[test]
    fn open_ranges_on_both_sides() {
        let index = small_index();
        for q in ["date:[* TO *]", "date:{* TO *}"] {
            assert_eq!(
                index.search(&SearchRequest::new(q)).expect(q).total,
                2,
                "{q}"
            );
        }
    }

    #[test]
    fn deep_nesting_is_a_bad_query() {
        let index = small_index();
        for q in [
            "NOT ".repeat(1000) + "x",
            "(".repeat(9000) + "x" + &")".repeat(9000),
        ] {
            assert!(matches!(
                index.search(&SearchRequest::new(q)),
                Err(Error::BadQuery { .. })
            ));
        }
    }

    #[test]
    fn timestamps_beyond_the_date_field_do_not_wrap() {
        let index = small_index();
        for (q, n) in [
            ("date:>=2262-04-12", 0),
            ("date:<1677-09-21", 0),
            ("date:<9999", 2),
        ] {
            assert_eq!(
                index.search(&SearchRequest::new(q)).expect(q).total,
                n,
                "{q}"
            );
        }
    }
}
