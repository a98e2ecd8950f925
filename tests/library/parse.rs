//! Parsing and attribution without an index.

use super::*;

#[test]
fn parse_paths_reads_and_attributes_without_an_index() {
    let dir = tempfile::tempdir().unwrap();
    write(
        &dir.path().join("a.md"),
        "---\nid: talks\ntitle: Harbour talks\ndate: 2025-03-01\n---\n\n\
         Omar Haddad, the dock union leader, met the owners on Monday.\n\n\
         \"We will not unload a single ship,\" he said.\n",
    );
    write(
        &dir.path().join("feed.jsonl"),
        r#"{"id":"j1","body":"\"Prices will fall,\" said Jane Roe."}"#,
    );
    let source =
        whosaid::parse_paths(&[dir.path().to_path_buf()], &ReadOptions::default()).unwrap();
    assert!(source.diagnostics.iter().all(|d| !d.is_error), "{source:?}");
    let mut by_id: Vec<&Article> = source.articles.iter().collect();
    by_id.sort_by(|a, b| a.id.cmp(&b.id));
    assert_eq!(
        by_id.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(),
        ["j1", "talks"]
    );
    let talks = by_id[1];
    assert_eq!(talks.title.as_deref(), Some("Harbour talks"));
    assert_eq!(talks.date, Some(date(2025, 3, 1)));
    assert_eq!(talks.paragraphs.len(), 2);
    let said: Vec<&str> = talks.paragraphs[1]
        .speakers
        .iter()
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(said, ["Omar Haddad"]);
    assert_eq!(
        by_id[0].paragraphs[0].speaker_names().collect::<Vec<_>>(),
        ["Jane Roe"]
    );
}

#[test]
fn article_parse_splits_front_matter_and_paragraphs() {
    let text = "---\ntitle: Quay notes\ndate: 2025-03-04\nsource: Evening Star\n---\n\n\
                # Morning\n\nThe quays were empty.\n\nThe ships waited offshore.\n";
    let mut warnings = Vec::new();
    let article = article::parse(text, "notes.md", &ReadOptions::default(), &mut |w| {
        warnings.push(w)
    })
    .unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(article.id, "notes.md");
    assert_eq!(article.title.as_deref(), Some("Quay notes"));
    assert_eq!(article.source.as_deref(), Some("Evening Star"));
    assert_eq!(article.date, Some(date(2025, 3, 4)));
    let texts: Vec<&str> = article.paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(
        texts,
        ["The quays were empty.", "The ships waited offshore."]
    );
    assert!(
        article
            .paragraphs
            .iter()
            .all(|p| p.section.as_deref() == Some("Morning"))
    );
    // Parsing does not attribute.
    assert!(article.paragraphs.iter().all(|p| p.speakers.is_empty()));
}

#[test]
fn article_parse_reports_year_less_dates_and_honours_assume_year() {
    let text = "---\ndate: Mar 14\n---\n\nThe quays were empty.\n";
    let mut warnings = Vec::new();
    let article = article::parse(text, "a", &ReadOptions::default(), &mut |w| {
        warnings.push(w)
    })
    .unwrap();
    assert_eq!(article.date, None);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    let options = ReadOptions::default().with_assume_year(Some(2025));
    let article = article::parse(text, "a", &options, &mut |_| {}).unwrap();
    assert_eq!(article.date, Some(date(2025, 3, 14)));
}

#[test]
fn article_parse_rejects_an_empty_article() {
    assert!(article::parse("", "empty", &ReadOptions::default(), &mut |_| {}).is_err());
}

#[test]
fn attribute_fills_speakers_of_an_article_built_in_code() {
    let mut article = Article::new("a")
        .with_paragraph("Prime Minister Jane Roe arrived in the port city on Monday.")
        .with_paragraph("\"We are close to a deal,\" she told reporters.")
        .with_paragraph("The talks resume next week.");
    attribution::attribute(&mut article);
    let speakers = &article.paragraphs[1].speakers;
    assert_eq!(speakers.len(), 1);
    assert_eq!(speakers[0].name, "Jane Roe");
    assert_eq!(speakers[0].cue.kind, whosaid::CueKind::Pronoun);
    assert!(speakers[0].cue.has_quote);
    assert!(article.paragraphs[2].speakers.is_empty());
}

#[test]
fn pronoun_resolves_to_a_name_after_a_lowercase_role() {
    let mut article = Article::new("a")
        .with_paragraph("Union leader Omar Haddad met the owners on Monday.")
        .with_paragraph("\"We will not unload a single ship,\" he said.");
    attribution::attribute(&mut article);
    let names: Vec<&str> = article.paragraphs[1].speaker_names().collect();
    assert_eq!(names, ["Omar Haddad"]);
}

#[test]
fn speakers_given_by_the_input_are_kept_and_indexed() {
    let index = Index::create_in_ram();
    let text = concat!(
        r#"{"id":"n1","paragraphs":["#,
        r#"{"text":"The board met on Friday to discuss the harbour.","speakers":["Lena Ortiz"]},"#,
        r#"{"text":"\"We will sell,\" said Jane Roe.","speakers":[]},"#,
        r#""\"Not yet,\" said Omar Haddad.""#,
        r#"]}"#
    );
    let report = update(
        &index,
        vec![Input::JsonLines {
            name: "newsroom".into(),
            text: text.into(),
        }],
    );
    assert_eq!(report.added, 1, "{report:?}");
    let hits = search(&index, SearchRequest::new("article:n1").limit(10));
    let speakers: Vec<Vec<String>> = {
        let mut by_paragraph: Vec<(u64, Vec<String>)> = hits
            .iter()
            .map(|h| (h.paragraph, h.speakers.clone()))
            .collect();
        by_paragraph.sort();
        by_paragraph.into_iter().map(|(_, s)| s).collect()
    };
    // Given speakers win, also an empty list; the third paragraph is attributed as usual.
    assert_eq!(
        speakers,
        [
            vec!["Lena Ortiz".to_string()],
            vec![],
            vec!["Omar Haddad".to_string()]
        ]
    );
    assert_eq!(search(&index, SearchRequest::new("speaker:Ortiz")).len(), 1);
}

#[test]
fn parsing_with_an_index_uses_its_names() {
    let dir = tempfile::tempdir().unwrap();
    let index = Index::open_or_create(dir.path().join("idx")).unwrap();
    let full = Article::new("a1")
        .with_paragraph("Ukrainian President Volodymyr Zelensky said the front was holding.");
    update(&index, articles("code", vec![full]));
    write(
        &dir.path().join("news/b.md"),
        "\"We will not give up land,\" President Zelenskyy said.\n",
    );
    let news = vec![Input::Path(dir.path().join("news"))];
    let alone = whosaid::parse_paths(&[dir.path().join("news")], &ReadOptions::default()).unwrap();
    assert_eq!(
        alone.articles[0].paragraphs[0]
            .speaker_names()
            .collect::<Vec<_>>(),
        ["Zelenskyy"]
    );
    let with_index = index.parse(news, &ReadOptions::default()).unwrap();
    assert_eq!(
        with_index.articles[0].paragraphs[0]
            .speaker_names()
            .collect::<Vec<_>>(),
        ["Volodymyr Zelensky"]
    );
    // Parsing changes nothing.
    assert_eq!(index.num_paragraphs(), 1);
}

#[test]
fn explain_gives_reasons_only_where_no_speaker_was_found() {
    let mut a = Article::new("x")
        .with_paragraph("\"Prices will rise,\" officials warned.")
        .with_paragraph("\"Prices will rise,\" said Jane Roe.");
    attribution::attribute(&mut a);
    let reasons = attribution::explain(&a);
    assert!(
        reasons[0].iter().any(|r| r.contains("group")),
        "{reasons:?}"
    );
    assert!(reasons[1].is_empty());
}
