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
