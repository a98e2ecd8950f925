//! Typed searches: filters, paging, sorting, snippets.

use super::*;

#[test]
fn speaker_filter_keeps_paragraphs_of_that_speaker() {
    let index = corpus_index();
    let roe = search(
        &index,
        SearchRequest::new("").speaker("Jane Roe").limit(100),
    );
    assert_eq!(
        sorted(ids(&roe)),
        ["harbour-1#0", "harbour-2#0", "harvest-1#1"]
    );
    assert!(
        roe.iter()
            .all(|h| h.speakers.contains(&"Jane Roe".to_string()))
    );
    // Any part of the name will do, and several speakers mean any of them.
    let either = search(
        &index,
        SearchRequest::new("")
            .speaker("roe")
            .speaker("Major")
            .limit(100),
    );
    assert_eq!(
        sorted(ids(&either)),
        ["harbour-1#0", "harbour-2#0", "harvest-1#0", "harvest-1#1"]
    );
    // Filter and query words combine.
    let hits = search(&index, SearchRequest::new("ceasefire").speaker("Haddad"));
    assert!(hits.is_empty());
}

#[test]
fn date_range_includes_both_ends() {
    let index = corpus_index();
    let range = |from, until| {
        sorted(ids(&search(
            &index,
            SearchRequest::new("").dates(from, until).limit(100),
        )))
    };
    assert_eq!(
        range(Some(date(2025, 3, 5)), Some(date(2025, 3, 10))),
        ["harbour-2#0", "harbour-2#1", "harvest-1#0", "harvest-1#1"]
    );
    assert_eq!(
        range(Some(date(2025, 3, 5)), Some(date(2025, 3, 5))),
        ["harbour-2#0", "harbour-2#1"]
    );
    assert_eq!(
        range(None, Some(date(2025, 3, 1))),
        ["harbour-1#0", "harbour-1#1"]
    );
    assert_eq!(
        range(Some(date(2025, 3, 10)), None),
        ["harvest-1#0", "harvest-1#1"]
    );
    assert!(range(Some(date(2025, 3, 2)), Some(date(2025, 3, 4))).is_empty());
}

#[test]
fn source_filter_keeps_paragraphs_of_that_outlet() {
    let index = corpus_index();
    let planet = search(
        &index,
        SearchRequest::new("").source("Daily Planet").limit(100),
    );
    assert_eq!(
        sorted(ids(&planet)),
        ["harbour-1#0", "harbour-1#1", "harvest-1#0", "harvest-1#1"]
    );
    let star = search(&index, SearchRequest::new("ceasefire").source("star"));
    assert_eq!(ids(&star), ["harbour-2#0"]);
}

#[test]
fn pages_do_not_overlap_and_concatenate_to_the_full_list() {
    let index = Index::create_in_ram();
    update(
        &index,
        articles("gen", generated("page", 23, 2, "lighthouse")),
    );
    let all = index
        .search(&SearchRequest::new("lighthouse").limit(1000))
        .unwrap();
    assert_eq!(all.total, 46);
    assert_eq!(all.hits.len(), 46);
    for sort in [Sort::Relevance, Sort::Newest, Sort::Oldest] {
        let full = ids(&search(
            &index,
            SearchRequest::new("lighthouse").sort(sort).limit(1000),
        ));
        let mut paged = Vec::new();
        for page in 0..6 {
            let results = index
                .search(
                    &SearchRequest::new("lighthouse")
                        .sort(sort)
                        .limit(10)
                        .offset(page * 10),
                )
                .unwrap();
            assert_eq!(results.total, 46, "total counts all matches, not the page");
            paged.extend(ids(&results.hits));
        }
        assert_eq!(paged, full, "{sort:?}");
    }
    let past_the_end = index
        .search(&SearchRequest::new("lighthouse").offset(100))
        .unwrap();
    assert!(past_the_end.hits.is_empty());
    assert_eq!(past_the_end.total, 46);
}

#[test]
fn huge_offset_returns_no_hits_instead_of_panicking() {
    let index = corpus_index();
    let results = index
        .search(&SearchRequest::new("ceasefire").offset(usize::MAX))
        .unwrap();
    assert!(results.hits.is_empty());
    assert_eq!(results.total, 3);
}

#[test]
fn newest_and_oldest_sort_by_date_with_undated_last() {
    let index = corpus_index();
    let dates = |sort| {
        search(&index, SearchRequest::new("").sort(sort).limit(100))
            .iter()
            .map(|h| h.date)
            .collect::<Vec<_>>()
    };
    let d1 = Some(date(2025, 3, 1));
    let d5 = Some(date(2025, 3, 5));
    let d10 = Some(date(2025, 3, 10));
    assert_eq!(dates(Sort::Newest), [d10, d10, d5, d5, d1, d1, None]);
    assert_eq!(dates(Sort::Oldest), [d1, d1, d5, d5, d10, d10, None]);
}

#[test]
fn relevance_order_is_stable_across_runs() {
    let index = corpus_index();
    let request = SearchRequest::new("ceasefire OR harbour").limit(100);
    let first = ids(&search(&index, request.clone()));
    assert!(first.len() >= 4);
    for _ in 0..3 {
        assert_eq!(ids(&search(&index, request.clone())), first);
    }
    let scores: Vec<f32> = search(&index, request).iter().map(|h| h.score).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
}

/// Checks that the snippet and highlights of `hit` are byte ranges into its text that slice
/// on char boundaries, and that each highlight covers a word starting with `stem`.
fn check_highlights(hit: &Hit, stem: &str) {
    let text = &hit.text;
    let s = &hit.snippet;
    assert!(text.is_char_boundary(s.range.start) && text.is_char_boundary(s.range.end));
    assert_eq!(&text[s.range.clone()], s.text);
    assert!(!s.highlights.is_empty(), "no highlights in {hit:?}");
    for r in &s.highlights {
        assert!(r.start < r.end && r.end <= text.len(), "{r:?}");
        assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        assert!(
            s.range.start <= r.start && r.end <= s.range.end,
            "{r:?} outside snippet"
        );
        let word = text[r.clone()].to_lowercase();
        assert!(word.starts_with(stem), "highlight {word:?} is not {stem}");
    }
}

#[test]
fn highlights_are_byte_ranges_into_the_paragraph_text() {
    let index = Index::create_in_ram();
    let long_prefix =
        "Über die Brücke — “the café’s owners”, naïve or not — walked crowds; ".repeat(8);
    let article = Article::new("unicode")
        .with_paragraph(format!(
            "{long_prefix}“The ceasefire is fragile, but the Ceasefires before it held,” said Zoë Ødegård."
        ))
        .with_paragraph("Café owners on the Brücke said nothing about a ceasefire.");
    update(&index, articles("u", vec![article]));
    let hits = search(&index, SearchRequest::new("ceasefire").limit(10));
    assert_eq!(hits.len(), 2);
    for hit in &hits {
        check_highlights(hit, "ceasefire");
    }
    // The long paragraph's snippet is a passage in the middle, yet its highlights still
    // point into the whole paragraph.
    let long = hits.iter().find(|h| h.paragraph == 0).unwrap();
    assert!(long.snippet.range.start > 0);
    assert_eq!(long.snippet.highlights.len(), 2);
}

#[test]
fn hits_matched_only_by_speaker_get_a_snippet_without_highlights() {
    let index = corpus_index();
    let hits = search(&index, SearchRequest::new("speaker:Major"));
    assert_eq!(ids(&hits), ["harvest-1#0"]);
    let s = &hits[0].snippet;
    assert_eq!(&hits[0].text[s.range.clone()], s.text);
    assert!(!s.text.is_empty());
}

#[test]
fn total_counts_all_matches() {
    let index = corpus_index();
    let results = index
        .search(&SearchRequest::new("ceasefire").limit(1))
        .unwrap();
    assert_eq!(results.total, 3);
    assert_eq!(results.hits.len(), 1);
    let none = index.search(&SearchRequest::new("zeppelin")).unwrap();
    assert_eq!((none.total, none.hits.len()), (0, 0));
}

#[test]
fn snippets_can_be_turned_off_without_changing_the_hits() {
    let index = corpus_index();
    let request = SearchRequest::new("harbour OR ceasefire").limit(100);
    let with = index.search(&request).expect("search");
    let without = index
        .search(&request.clone().snippets(false))
        .expect("search");
    assert!(!with.hits.is_empty());
    assert_eq!(with.total, without.total);
    let key = |h: &whosaid::Hit| (h.article.clone(), h.paragraph, h.text.clone());
    assert_eq!(
        with.hits.iter().map(key).collect::<Vec<_>>(),
        without.hits.iter().map(key).collect::<Vec<_>>()
    );
    assert!(with.hits.iter().all(|h| !h.snippet.text.is_empty()));
    assert!(
        without
            .hits
            .iter()
            .all(|h| h.snippet.text.is_empty() && h.snippet.highlights.is_empty())
    );
}

/// Equal scores are ordered by article id, then paragraph, also when the tied paragraphs
/// sit in different segments (one update each) written in another order.
#[test]
fn ties_across_segments_are_ordered_by_article_then_paragraph() {
    let index = Index::create_in_ram();
    let ids_written = ["foxtrot", "echo", "delta", "charlie", "bravo", "alpha"];
    for id in ids_written {
        let mut article = Article::new(id).with_paragraph("The harbour bridge opened on time.");
        if id == "bravo" {
            article = article.with_paragraph("The harbour bridge opened on time.");
        }
        let input = Input::Articles {
            name: "code".into(),
            articles: vec![article],
        };
        index
            .update(vec![input], &UpdateOptions::default())
            .expect("update");
    }
    let expected = [
        "alpha#0",
        "bravo#0",
        "bravo#1",
        "charlie#0",
        "delta#0",
        "echo#0",
        "foxtrot#0",
    ];
    for sort in [Sort::Relevance, Sort::Newest] {
        let hits = search(&index, SearchRequest::new("harbour").sort(sort).limit(10));
        assert_eq!(ids(&hits), expected, "{sort:?}");
    }
    let page = search(&index, SearchRequest::new("").limit(3).offset(2));
    assert_eq!(ids(&page), expected[2..5]);
}

/// Many equal scores in one segment, written in descending id order: the first ids win,
/// also past the point where the collector starts rejecting documents (twice the limit),
/// and also for a prefix, whose matches all score alike.
#[test]
fn many_ties_in_one_segment_keep_the_first_article_ids() {
    let index = Index::create_in_ram();
    let articles: Vec<Article> = (0..40)
        .rev()
        .map(|n| {
            Article::new(format!("t{n:02}"))
                .with_paragraph("The harbour bridge opened on time.")
                .with_paragraph("The harbour ferry was late.")
        })
        .collect();
    index
        .update(super::articles("code", articles), &UpdateOptions::default())
        .expect("update");
    for query in ["bridge", "harbo*"] {
        let hits = search(&index, SearchRequest::new(query).limit(3));
        let expected: &[&str] = if query == "bridge" {
            &["t00#0", "t01#0", "t02#0"]
        } else {
            &["t00#0", "t00#1", "t01#0"]
        };
        assert_eq!(ids(&hits), expected, "{query}");
    }
}

/// A prefix finds every word that has it, not a first batch of them.
#[test]
fn a_prefix_matches_every_word_that_starts_with_it() {
    let index = Index::create_in_ram();
    let letters = |n: usize| {
        let a = (b'a' + (n / 26) as u8) as char;
        let b = (b'a' + (n % 26) as u8) as char;
        format!("quorx{a}{b}")
    };
    let articles: Vec<Article> = (0..80)
        .map(|n| {
            Article::new(format!("a{n:03}")).with_paragraph(format!("The {} was seen.", letters(n)))
        })
        .collect();
    index
        .update(super::articles("code", articles), &UpdateOptions::default())
        .expect("update");
    let results = index
        .search(&SearchRequest::new("quorx*").limit(1))
        .expect("search");
    assert_eq!(results.total, 80);
}

/// `field:*` finds the paragraphs with anything in that field, for every field.
#[test]
fn a_field_with_anything_in_it() {
    let index = corpus_index();
    let all = search(&index, SearchRequest::new("").limit(1000));
    let with_speakers = search(&index, SearchRequest::new("speaker:*").limit(1000));
    let expected: Vec<String> = all
        .iter()
        .filter(|h| !h.speakers.is_empty())
        .map(|h| format!("{}#{}", h.article, h.paragraph))
        .collect();
    assert!(!expected.is_empty());
    assert_eq!(sorted(ids(&with_speakers)), sorted(expected));
    for field in [
        "title", "text", "source", "author", "section", "url", "date", "article",
    ] {
        let results = index
            .search(&SearchRequest::new(format!("{field}:*")))
            .unwrap_or_else(|e| panic!("{field}:*: {e}"));
        assert!(results.total <= all.len(), "{field}");
    }
    assert_eq!(
        index
            .search(&SearchRequest::new("text:*"))
            .expect("search")
            .total,
        all.len()
    );
}

/// A search that finds nothing carries close names and words; one that finds something,
/// or whose words are all in the index, carries none.
#[test]
fn nothing_found_carries_suggestions() {
    let index = Index::create_in_ram();
    let article = Article::new("a")
        .with_paragraph("\"The ceasefire holds,\" said Volodymyr Zelensky.")
        .with_paragraph("\"We want peace,\" said Conor O'Brien.");
    index
        .update(
            super::articles("code", vec![article]),
            &UpdateOptions::default(),
        )
        .expect("update");
    let results = index
        .search(&SearchRequest::new("speaker:Zelenksy"))
        .expect("search");
    assert_eq!(results.total, 0);
    assert_eq!(results.suggestions, ["Zelensky"]);
    let results = index
        .search(&SearchRequest::new("cesefire"))
        .expect("search");
    assert_eq!(results.suggestions, ["ceasefire"]);
    let results = index
        .search(&SearchRequest::new("ceasefire peace"))
        .expect("search");
    assert_eq!(results.total, 0);
    assert!(results.suggestions.is_empty());
    let results = index
        .search(&SearchRequest::new("speaker:obrien"))
        .expect("search");
    assert_eq!(results.total, 1);
    assert!(results.suggestions.is_empty());
    assert_eq!(
        index
            .suggestions(&SearchRequest::new("").speaker("Zelenksy"))
            .expect("suggestions"),
        ["Zelensky"]
    );
}

/// Context paragraphs come from the hit's own article, in order, and stop at its edges;
/// `Index::paragraphs` reads an article back.
#[test]
fn context_and_paragraphs_read_an_article_around_a_hit() {
    let index = Index::create_in_ram();
    let a = Article::new("a")
        .with_paragraph("Opening words.")
        .with_paragraph("\"We are ready,\" said Jane Roe.")
        .with_paragraph("The harbour reopened.");
    let b = Article::new("b").with_paragraph("Another story entirely.");
    index
        .update(
            super::articles("code", vec![a, b]),
            &UpdateOptions::default(),
        )
        .expect("update");
    let results = index
        .search(&SearchRequest::new("harbour").context(2, 3))
        .expect("search");
    let hit = &results.hits[0];
    let numbers = |c: &[whosaid::Context]| c.iter().map(|c| c.paragraph).collect::<Vec<_>>();
    assert_eq!(numbers(&hit.context_before), [0, 1]);
    assert!(hit.context_after.is_empty());
    assert_eq!(hit.context_before[1].speakers, ["Jane Roe"]);
    let all = index.paragraphs("a", 0..=u64::MAX).expect("paragraphs");
    assert_eq!(all.len(), 3);
    assert_eq!(all[2].text, "The harbour reopened.");
    assert!(
        index
            .paragraphs("nope", 0..=9)
            .expect("paragraphs")
            .is_empty()
    );
    assert_eq!(
        index.paragraphs("a", 1..=1).expect("paragraphs")[0].speakers,
        ["Jane Roe"]
    );
}

/// Counts by outlet, byline and section, with a `None` row for paragraphs without one.
#[test]
fn count_by_outlet_byline_and_section() {
    use whosaid::Facet;
    let index = Index::create_in_ram();
    let a = Article::new("a")
        .with_source("Kyiv Daily")
        .with_paragraph("\"We hold,\" said Jane Roe.")
        .with_paragraph("The talks went on.");
    let b = Article::new("b").with_paragraph("Talks resumed.");
    index
        .update(
            super::articles("code", vec![a, b]),
            &UpdateOptions::default(),
        )
        .expect("update");
    let request = SearchRequest::new("");
    let sources = index.count_by(&request, Facet::Source).expect("counts");
    assert_eq!(sources, [(Some("Kyiv Daily".to_string()), 2), (None, 1)]);
    let speakers = index.count_by(&request, Facet::Speaker).expect("counts");
    assert_eq!(speakers, [(Some("Jane Roe".to_string()), 1), (None, 2)]);
    assert_eq!(
        index.count_by_speaker(&request).expect("counts"),
        [("Jane Roe".to_string(), 1)]
    );
    let talks = index
        .count_by(&SearchRequest::new("talks"), Facet::Author)
        .expect("counts");
    assert_eq!(talks, [(None, 2)]);
}

/// One hit per article: its best paragraph, the others counted; paging and sorting count
/// articles.
#[test]
fn per_article_keeps_each_articles_best_paragraph() {
    let day = |d| whosaid::Date::new(2025, 3, d).unwrap();
    let index = Index::create_in_ram();
    let articles = vec![
        Article::new("a")
            .with_date(day(1))
            .with_paragraph("The harbour opened.")
            .with_paragraph("The harbour harbour harbour was busy.")
            .with_paragraph("Nothing here."),
        Article::new("b")
            .with_date(day(9))
            .with_paragraph("A harbour story of some length about ships and weather."),
        Article::new("c")
            .with_date(day(5))
            .with_paragraph("No match."),
    ];
    index
        .update(super::articles("code", articles), &UpdateOptions::default())
        .expect("update");
    let results = index
        .search(&SearchRequest::new("harbour").per_article(true))
        .expect("search");
    assert_eq!(results.total, 3);
    assert_eq!(results.articles, Some(2));
    assert_eq!(ids(&results.hits), ["a#1", "b#0"]);
    assert_eq!(results.hits[0].other_matches, Some(1));
    assert_eq!(results.hits[1].other_matches, Some(0));
    let newest = index
        .search(
            &SearchRequest::new("harbour")
                .per_article(true)
                .sort(Sort::Newest),
        )
        .expect("search");
    assert_eq!(ids(&newest.hits), ["b#0", "a#1"]);
    let second = index
        .search(
            &SearchRequest::new("harbour")
                .per_article(true)
                .limit(1)
                .offset(1),
        )
        .expect("search");
    assert_eq!(ids(&second.hits), ["b#0"]);
    let plain = index
        .search(&SearchRequest::new("harbour"))
        .expect("search");
    assert_eq!(plain.articles, None);
    assert!(plain.hits.iter().all(|h| h.other_matches.is_none()));
}

#[test]
fn per_article_pages_over_several_segments_concatenate_to_the_whole_list() {
    // Several updates: several segments, with ties in score across them.
    let index = Index::create_in_ram();
    for batch in 0..4 {
        let batch_articles = generated(&format!("seg{batch}"), 30, 3, "harbour");
        update(
            &index,
            super::articles(&format!("b{batch}"), batch_articles),
        );
    }
    let all = index
        .search(&SearchRequest::new("harbour").per_article(true).limit(1000))
        .expect("search");
    assert_eq!(all.articles, Some(120));
    assert_eq!(all.hits.len(), 120);
    let mut paged = Vec::new();
    for page in 0..12 {
        let hits = search(
            &index,
            SearchRequest::new("harbour")
                .per_article(true)
                .limit(10)
                .offset(page * 10),
        );
        paged.extend(ids(&hits));
    }
    assert_eq!(paged, ids(&all.hits));
    assert!(all.hits.iter().all(|h| h.other_matches == Some(2)));
}
