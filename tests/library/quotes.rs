//! Quotations: the `quote` field, each hit's quotations with their speakers, and
//! snippets of several passages.

use super::*;

/// Two paragraphs with the same word, once inside quotation marks and once in the
/// reporter's prose, and a scare quote that nobody says.
fn quoted_and_not() -> Index {
    let index = Index::create_in_ram();
    let article = Article::new("port")
        .with_date(date(2025, 4, 2))
        .with_paragraph(
            "\"The ceasefire must hold at the port,\" said Jane Roe, the harbour master.",
        )
        .with_paragraph("The ceasefire was signed at dawn, officials said, after a night of talks.")
        .with_paragraph(
            "Critics called the deal a \"paper truce\" on Tuesday. \"It buys us a week of \
             quiet and no more than that,\" Omar Haddad told reporters.",
        );
    update(&index, articles("port", vec![article]));
    index
}

#[test]
fn quote_finds_words_said_in_quotation_marks_not_in_prose() {
    let index = quoted_and_not();
    assert_eq!(
        ids(&search(&index, SearchRequest::new("ceasefire"))).len(),
        2
    );
    let hits = search(&index, SearchRequest::new("quote:ceasefire"));
    assert_eq!(ids(&hits), ["port#0"]);
    // Stemmed like the text: "ceasefires" finds "ceasefire".
    assert_eq!(
        ids(&search(&index, SearchRequest::new("quote:ceasefires"))),
        ["port#0"]
    );
    // A phrase inside one quotation.
    assert_eq!(
        ids(&search(
            &index,
            SearchRequest::new("quote:\"week of quiet\"")
        )),
        ["port#2"]
    );
    // ...but never across two quotations.
    assert!(search(&index, SearchRequest::new("quote:\"truce it\"")).is_empty());
    // "X said Y in quotes".
    let hits = search(&index, SearchRequest::new("speaker:Haddad quote:quiet"));
    assert_eq!(ids(&hits), ["port#2"]);
    assert!(search(&index, SearchRequest::new("speaker:Roe quote:quiet")).is_empty());
}

#[test]
fn hits_carry_their_quotations_with_speakers() {
    let index = quoted_and_not();
    let hits = search(&index, SearchRequest::new("truce"));
    let hit = &hits[0];
    let quotes: Vec<(&str, Option<&str>)> = hit
        .quotes
        .iter()
        .map(|q| (q.text(&hit.text), q.speaker.as_deref()))
        .collect();
    assert_eq!(
        quotes,
        [
            ("paper truce", None),
            (
                "It buys us a week of quiet and no more than that",
                Some("Omar Haddad")
            ),
        ]
    );
    let prose = &search(&index, SearchRequest::new("officials"))[0];
    assert!(prose.quotes.is_empty(), "{prose:?}");
}

#[test]
fn quote_words_are_highlighted_only_inside_quotations() {
    let index = Index::create_in_ram();
    let article = Article::new("a").with_paragraph(
        "The truce was a surprise. \"This truce will not last,\" said Jane Roe about the truce.",
    );
    update(&index, articles("a", vec![article]));
    let hit = &search(&index, SearchRequest::new("quote:truce"))[0];
    let marked: Vec<usize> = hit.snippet.highlights.iter().map(|r| r.start).collect();
    let inside = hit.text.find("This truce").unwrap() + 5;
    assert_eq!(marked, [inside], "{hit:?}");
    let hit = &search(&index, SearchRequest::new("truce"))[0];
    assert_eq!(hit.snippet.highlights.len(), 3, "{hit:?}");
}

#[test]
fn quotations_keep_their_speaker_when_a_fuller_name_renames_them() {
    let first = || {
        Article::new("day-1").with_paragraph(
            "\"We hold the line and we will not retreat,\" President Zelenskyy said.",
        )
    };
    let second = Article::new("day-2")
        .with_paragraph("Ukrainian President Volodymyr Zelensky said the army would not retreat.");
    let index = Index::create_in_ram();
    update(&index, articles("one", vec![first()]));
    let report = update(&index, articles("two", vec![second.clone()]));
    assert_eq!(report.renamed, 1, "{report:?}");
    let clean = Index::create_in_ram();
    update(&clean, articles("both", vec![first(), second]));
    for index in [&index, &clean] {
        let hits = search(index, SearchRequest::new("quote:line"));
        assert_eq!(ids(&hits), ["day-1#0"]);
        let speakers: Vec<Option<&str>> = hits[0]
            .quotes
            .iter()
            .map(|q| q.speaker.as_deref())
            .collect();
        assert_eq!(speakers, [Some("Volodymyr Zelensky")]);
    }
}

#[test]
fn speakers_given_by_the_input_are_the_speakers_of_its_quotations() {
    let index = Index::create_in_ram();
    let feed = r#"{"id": "g", "paragraphs": [{"text": "\"We are ready for the vote tomorrow,\" the minister said.", "speakers": ["Ana Diaz"]}]}"#;
    update(
        &index,
        vec![Input::JsonLines {
            name: "feed".into(),
            text: feed.into(),
        }],
    );
    let hit = &search(&index, SearchRequest::new("quote:vote"))[0];
    assert_eq!(hit.speakers, ["Ana Diaz"]);
    assert_eq!(hit.quotes[0].speaker.as_deref(), Some("Ana Diaz"));
}

#[test]
fn a_long_paragraph_gets_several_passages_with_offsets_into_text_and_snippet() {
    let filler = "The rest of the meeting covered budgets, parking and the new rota for cleaners.";
    let text = format!(
        "The ceasefire talks opened in Geneva on Monday. {filler} {filler} {filler} \
         Delegates said the ceasefire would be signed by Friday. {filler} {filler}"
    );
    let index = Index::create_in_ram();
    update(
        &index,
        articles("a", vec![Article::new("long").with_paragraph(&text)]),
    );
    let hit = &search(&index, SearchRequest::new("ceasefire").snippet_chars(150))[0];
    let s = &hit.snippet;
    assert_eq!(s.fragments.len(), 2, "{s:?}");
    assert_eq!(
        s.text,
        "The ceasefire talks opened in Geneva on Monday. … Delegates said the ceasefire would \
         be signed by Friday."
    );
    assert_eq!(s.highlights.len(), 2);
    for (in_text, in_snippet) in s.highlights.iter().zip(&s.snippet_highlights) {
        assert_eq!(&hit.text[in_text.clone()], "ceasefire");
        assert_eq!(&s.text[in_snippet.clone()], "ceasefire");
    }
    // A short paragraph is its own snippet, whole.
    let short = Index::create_in_ram();
    update(
        &short,
        articles(
            "b",
            vec![Article::new("s").with_paragraph("Quiet day. The ceasefire held.")],
        ),
    );
    let hit = &search(&short, SearchRequest::new("ceasefire"))[0];
    assert_eq!(hit.snippet.text, hit.text);
    assert_eq!(
        hit.snippet.fragments,
        Vec::from_iter(std::iter::once(0..hit.text.len()))
    );
}

#[test]
fn parsing_fills_quotations() {
    let mut article = Article::new("p")
        .with_paragraph("Prime Minister Jane Roe spoke first.")
        .with_paragraph("\"We are close to a deal on the budget,\" she added.");
    attribution::attribute(&mut article);
    let p = &article.paragraphs[1];
    assert_eq!(p.quotes.len(), 1);
    assert_eq!(
        p.quotes[0].text(&p.text),
        "We are close to a deal on the budget"
    );
    assert_eq!(p.quotes[0].speaker.as_deref(), Some("Jane Roe"));
}
