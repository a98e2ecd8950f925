//! `whosaid search`: ranking, query language, JSON contract, first run.

use super::*;

#[test]
fn human_output_snapshot() {
    let tmp = indexed_sample();
    let run = whosaid(
        tmp.path(),
        &[
            "search",
            "Putin AND ceasefire",
            "--index",
            "idx",
            "--color",
            "never",
            "-n",
            "3",
        ],
    );
    run.expect_code(0);
    insta::assert_snapshot!("search_putin_and_ceasefire", run.stdout);
    assert_eq!(run.stderr, "whosaid: 3 of 3 matching paragraphs\n");
}

#[test]
fn help_snapshot() {
    let tmp = tempdir();
    let run = whosaid(tmp.path(), &["--help"]);
    run.expect_code(0);
    insta::assert_snapshot!("help", run.stdout);
    let run = whosaid(tmp.path(), &["search", "--help"]);
    run.expect_code(0);
    insta::assert_snapshot!("search_help", run.stdout);
}

#[test]
fn prefix_fuzzy_and_wildcard_words_match() {
    let tmp = indexed_sample();
    let has = |hit: &Hit, word: &str| hit.text.to_lowercase().contains(word);
    // `cease*` finds every paragraph saying "ceasefire", like `ceasefire` itself.
    let prefix = search_idx(tmp.path(), "cease*");
    let exact = search_idx(tmp.path(), "ceasefire");
    assert!(!prefix.is_empty());
    assert_eq!(prefix.len(), exact.len());
    assert!(prefix.iter().all(|h| has(h, "cease")), "{prefix:#?}");
    // One edit away from "Zelensky"; on the speaker field only his paragraphs.
    let fuzzy = search_idx(tmp.path(), "Zelenskiy~1");
    assert!(!fuzzy.is_empty());
    assert!(
        fuzzy
            .iter()
            .all(|h| has(h, "zelensky") || h.speakers.iter().any(|s| s.contains("Zelensky")))
    );
    let speaker = search_idx(tmp.path(), "speaker:Zelenskiy~1");
    assert!(!speaker.is_empty());
    assert!(
        speaker
            .iter()
            .all(|h| h.speakers.contains(&"Volodymyr Zelensky".to_string()))
    );
    assert!(
        search_idx(tmp.path(), "Zelenskiy").is_empty(),
        "no fuzziness without ~"
    );
    // Wildcards inside a word, on stemmed text too.
    assert_eq!(search_idx(tmp.path(), "ceasef?re").len(), exact.len());
    assert!(!search_idx(tmp.path(), "zel*sky").is_empty());
}

#[test]
fn first_search_builds_the_index_from_corpus_once() {
    let tmp = tempdir();
    let dir = tmp.path();
    copy_corpus(dir);

    let first = whosaid(dir, &["search", "Putin AND ceasefire"]);
    first.expect_code(0);
    assert!(first.stderr.contains("building"), "{}", first.stderr);
    assert!(dir.join("index/meta.json").is_file());
    assert!(
        first.stdout.starts_with(" 1. Ukraine War Twist"),
        "{}",
        first.stdout
    );
    assert!(first.stdout.contains("Vladimir Putin"), "{}", first.stdout);

    let second = whosaid(dir, &["search", "Putin AND ceasefire"]);
    second.expect_code(0);
    assert!(!second.stderr.contains("building"), "{}", second.stderr);
    assert_eq!(second.stdout, first.stdout);

    let hits: Vec<Hit> = whosaid(dir, &["search", "Putin AND ceasefire", "--json"])
        .expect_code(0)
        .json_lines();
    assert!(hits.len() >= 3, "{hits:#?}");
    for hit in &hits {
        assert!(!hit.snippet.is_empty(), "{hit:#?}");
        for passage in hit.snippet.split(" … ") {
            assert!(hit.text.contains(passage), "{hit:#?}");
        }
    }
    assert!(
        hits.iter()
            .any(|h| h.speakers == ["Vladimir Putin"] && h.paragraph == 0),
        "{hits:#?}"
    );
}

#[test]
fn putin_and_ceasefire_hits_mention_both_in_their_text() {
    let tmp = indexed_sample();
    let hits = search_idx(tmp.path(), "Putin AND ceasefire");
    assert!(!hits.is_empty());
    for hit in &hits {
        let text = hit.text.to_lowercase();
        assert!(
            text.contains("putin") && text.contains("ceasefire"),
            "¶{} of {}: {}",
            hit.paragraph,
            hit.article,
            hit.text
        );
    }
}

#[test]
fn speaker_query_keeps_only_that_speakers_paragraphs() {
    let tmp = indexed_sample();
    let hits = search_idx(tmp.path(), "speaker:Putin");
    assert!(hits.len() >= 3, "{hits:#?}");
    for hit in &hits {
        assert!(
            hit.speakers.iter().any(|s| s == "Vladimir Putin"),
            "{hit:#?}"
        );
    }
}

#[test]
fn date_queries_keep_only_paragraphs_of_those_dates() {
    let tmp = indexed_sample();
    let march = ("2025-03-14", PARAGRAPHS_000);
    let february = ("2025-02-12", PARAGRAPHS_002);
    let table = [
        ("date:2025-03-14", march),
        ("date:2025-03", march),
        ("date:[2025-03-01 TO 2025-03-31]", march),
        ("date:[2025-03-14 TO 2025-03-14]", march),
        ("date:>=2025-03-01", march),
        ("date:2025-02", february),
        ("title:Trump AND date:2025-02-12", february),
    ];
    for (query, (date, count)) in table {
        let hits = search_idx(tmp.path(), query);
        assert_eq!(hits.len(), count, "{query}");
        for hit in &hits {
            assert_eq!(hit.date.as_deref(), Some(date), "{query}: {hit:#?}");
        }
    }
    for query in ["date:2025-03-13", "date:>=2025-03-15", "date:2024"] {
        assert!(search_idx(tmp.path(), query).is_empty(), "{query}");
    }
}

#[test]
fn search_without_matches_exits_1_with_empty_stdout() {
    let tmp = indexed_sample();
    let run = whosaid(tmp.path(), &["search", "zanzibar", "--index", "idx"]);
    run.expect_code(1);
    assert_eq!(run.stdout, "");
    let run = whosaid(
        tmp.path(),
        &["search", "zanzibar", "--json", "--index", "idx"],
    );
    run.expect_code(1);
    assert_eq!(run.stdout, "");
}

#[test]
fn limit_keeps_the_top_hits() {
    let tmp = indexed_sample();
    let all = search_idx(tmp.path(), "Trump");
    assert!(all.len() > 3, "{}", all.len());
    let top: Vec<Hit> = whosaid(
        tmp.path(),
        &[
            "search", "Trump", "--limit", "3", "--json", "--index", "idx",
        ],
    )
    .expect_code(0)
    .json_lines();
    let key = |h: &Hit| (h.article.clone(), h.paragraph);
    assert_eq!(
        top.iter().map(key).collect::<Vec<_>>(),
        all[..3].iter().map(key).collect::<Vec<_>>()
    );
}

#[test]
fn json_hits_have_exactly_the_documented_keys() {
    let tmp = indexed_sample();
    let run = whosaid(
        tmp.path(),
        &[
            "search",
            "Putin OR Zelensky",
            "--json",
            "--limit",
            "100",
            "--index",
            "idx",
        ],
    );
    run.expect_code(0);
    let lines: Vec<Value> = run.json_lines();
    assert!(lines.len() > 10, "{}", lines.len());
    let highlighted = lines
        .iter()
        .filter(|l| l["highlights"] != Value::Array(vec![]));
    assert!(highlighted.count() > 10, "few hits have highlights");
    for line in &lines {
        let keys: BTreeSet<&str> = line
            .as_object()
            .expect("an object")
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys, BTreeSet::from(HIT_KEYS), "{line}");
        let hit: Hit = serde_json::from_value(line.clone()).expect("the contract");
        if let Some(date) = &hit.date {
            assert!(is_iso_date(date), "{date}");
        }
        assert!(hit.score > 0.0, "{hit:#?}");
        for [start, end] in &hit.highlights {
            assert!(start < end && *end <= hit.text.len(), "{hit:#?}");
            assert!(hit.text.is_char_boundary(*start) && hit.text.is_char_boundary(*end));
            let word = hit.text[*start..*end].to_lowercase();
            assert!(
                word.starts_with("putin") || word.starts_with("zelensk"),
                "highlight `{word}` is not a query word"
            );
        }
        // The same words, by offsets into the snippet.
        assert_eq!(
            hit.snippet_highlights.len(),
            hit.highlights.len(),
            "{hit:#?}"
        );
        for ([s, e], [ts, te]) in hit.snippet_highlights.iter().zip(&hit.highlights) {
            assert_eq!(hit.snippet.get(*s..*e), hit.text.get(*ts..*te), "{hit:#?}");
        }
        for q in &hit.quotes {
            assert_eq!(
                hit.text.get(q.start..q.end),
                Some(q.text.as_str()),
                "{hit:#?}"
            );
            if let Some(speaker) = &q.speaker {
                assert!(hit.speakers.contains(speaker), "{hit:#?}");
            }
        }
    }
}

fn is_iso_date(date: &str) -> bool {
    let b = date.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && date
            .char_indices()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

#[test]
fn same_query_gives_the_same_bytes_and_ties_break_on_article_then_paragraph() {
    let tmp = indexed_sample();
    for query in ["Trump", "date:2025", "speaker:Trump OR ceasefire"] {
        let args = [
            "search", query, "--json", "--limit", "100", "--index", "idx",
        ];
        let first = whosaid(tmp.path(), &args);
        first.expect_code(0);
        let second = whosaid(tmp.path(), &args);
        assert_eq!(first.stdout, second.stdout, "{query}");
        let hits: Vec<Hit> = first.json_lines();
        for pair in hits.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            assert!(a.score >= b.score, "{query}: not ranked: {a:#?} {b:#?}");
            if a.score == b.score {
                assert!(
                    (&a.article, a.paragraph) < (&b.article, b.paragraph),
                    "{query}: tie not broken on (article, paragraph): {a:#?} {b:#?}"
                );
            }
        }
    }
}

#[test]
fn bad_queries_exit_2_naming_the_problem_and_its_column() {
    let tmp = indexed_sample();
    // (query, column, words the message must have)
    let table: [(&str, usize, &[&str]); 6] = [
        ("Putin AND (", 11, &["parenthesis"]),
        ("\"unclosed", 1, &["quote"]),
        ("Putin AND", 7, &["AND"]),
        ("(Putin", 1, &["parenthesis"]),
        (
            "spaker:x",
            1,
            &["spaker", "`speaker`", "text, quote, title"],
        ),
        ("date:2025-13", 6, &["2025-13", "date"]),
    ];
    for (query, column, words) in table {
        let run = whosaid(tmp.path(), &["search", query, "--index", "idx"]);
        run.expect_code(2);
        assert_eq!(run.stdout, "", "{query}");
        assert!(
            run.stderr.contains(&format!("column {column}")),
            "{query}: {}",
            run.stderr
        );
        for word in words {
            assert!(run.stderr.contains(word), "{query}: {}", run.stderr);
        }
    }
}

#[test]
fn missing_index_outside_the_default_says_to_run_index() {
    let tmp = tempdir();
    copy_corpus(tmp.path());
    let run = whosaid(tmp.path(), &["search", "Putin", "--index", "some/dir"]);
    run.expect_code(2);
    assert_eq!(run.stdout, "");
    assert!(run.stderr.contains("whosaid index"), "{}", run.stderr);
    assert!(run.stderr.contains("some/dir"), "{}", run.stderr);
    assert!(!tmp.path().join("some").exists(), "search created a folder");
}

#[test]
fn help_lists_the_exit_codes() {
    let tmp = tempdir();
    let run = whosaid(tmp.path(), &["--help"]);
    run.expect_code(0);
    assert_eq!(run.stderr, "");
    let help = run.stdout.to_lowercase();
    assert!(help.contains("exit"), "{help}");
    for code in [
        "0 success",
        "1 search found nothing",
        "2 error",
        "75 index locked",
    ] {
        assert!(help.contains(code), "`{code}` not in: {help}");
    }
}

#[test]
fn completions_and_man_page_are_generated_from_the_options() {
    let tmp = tempdir();
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let run = whosaid(tmp.path(), &["completions", shell]);
        run.expect_code(0);
        for word in ["whosaid", "search", "speaker", "count"] {
            assert!(run.stdout.contains(word), "{shell}: {word}");
        }
    }
    // The bash script is valid bash.
    let script = tmp.path().join("whosaid.bash");
    std::fs::write(
        &script,
        whosaid(tmp.path(), &["completions", "bash"]).stdout,
    )
    .unwrap();
    let checked = std::process::Command::new("bash")
        .arg("-n")
        .arg(&script)
        .status()
        .expect("bash runs");
    assert!(checked.success());
    let run = whosaid(tmp.path(), &["completions", "tcsh"]);
    run.expect_code(2);
    let man = whosaid(tmp.path(), &["man"]);
    man.expect_code(0);
    assert!(man.stdout.contains(".TH whosaid 1"), "{}", man.stdout);
    assert!(man.stdout.contains("search"));
}

#[test]
fn timelines_have_a_bucket_for_every_period_from_first_to_last() {
    let tmp = tempdir();
    let dir = tmp.path();
    for (name, date) in [
        ("a", "2024-12-30"),
        ("b", "2025-01-02"),
        ("c", "2025-03-14"),
    ] {
        common::write(
            &dir.join(format!("news/{name}.md")),
            format!("---\ndate: {date}\n---\nThe talks went on.\n"),
        );
    }
    report(&index(dir, &["news", "--index", "idx"]), 0);
    let rows = |by: &str| -> Vec<(String, u64)> {
        let run = whosaid(
            dir,
            &[
                "search", "talks", "--count", "date", "--by", by, "--json", "--index", "idx",
            ],
        );
        run.expect_code(0);
        run.json_lines::<Value>()
            .into_iter()
            .map(|r| {
                assert_eq!(r["key"], r["bucket"], "{r}");
                (
                    r["bucket"].as_str().unwrap().to_string(),
                    r["count"].as_u64().unwrap(),
                )
            })
            .collect()
    };
    let owned = |v: &[(&str, u64)]| -> Vec<(String, u64)> {
        v.iter().map(|&(b, n)| (b.to_string(), n)).collect()
    };
    assert_eq!(rows("year"), owned(&[("2024", 1), ("2025", 2)]));
    assert_eq!(
        rows("month"),
        owned(&[
            ("2024-12", 1),
            ("2025-01", 1),
            ("2025-02", 0),
            ("2025-03", 1)
        ])
    );
    let weeks = rows("week");
    // 2024-12-30 and 2025-01-02 are both in ISO week 1 of 2025.
    assert_eq!(weeks[0], ("2025-W01".to_string(), 2));
    assert_eq!(weeks.last().unwrap(), &("2025-W11".to_string(), 1));
    assert_eq!(weeks.len(), 11);
    let days = rows("day");
    assert_eq!(days.len(), 75);
    assert_eq!(days.iter().map(|d| d.1).sum::<u64>(), 3);
    // Without --json: count and bucket, no bars when stdout is not a terminal.
    let run = whosaid(
        dir,
        &[
            "search", "talks", "--count", "date", "--by", "year", "--index", "idx",
        ],
    );
    assert_eq!(run.stdout, "      1  2024\n      2  2025\n");
    // --by belongs to --count date.
    let run = whosaid(dir, &["search", "talks", "--by", "month", "--index", "idx"]);
    run.expect_code(2);
    assert!(run.stderr.contains("--count date"), "{}", run.stderr);
}

#[test]
fn context_gives_the_paragraphs_around_each_hit() {
    let tmp = tempdir();
    let dir = tmp.path();
    common::write(
        &dir.join("news/a.md"),
        "The first paragraph sets the scene.\n\n\
         \"We are ready,\" said Jane Roe.\n\n\
         The harbour reopened on Monday.\n\n\
         \"It took too long,\" said John Poe.\n\n\
         The last paragraph closes.\n",
    );
    report(&index(dir, &["news", "--index", "idx"]), 0);
    let json = |args: &[&str]| -> Value {
        let mut all = vec!["search", "harbour", "--json", "--index", "idx"];
        all.extend_from_slice(args);
        let run = whosaid(dir, &all);
        run.expect_code(0);
        run.json_lines::<Value>().remove(0)
    };
    let around = json(&["-C", "1"]);
    assert_eq!(around["paragraph"], 2);
    assert_eq!(around["context_before"][0]["paragraph"], 1);
    assert_eq!(around["context_before"][0]["speakers"][0], "Jane Roe");
    assert_eq!(around["context_after"][0]["speakers"][0], "John Poe");
    assert_eq!(around["context_after"].as_array().unwrap().len(), 1);
    let before = json(&["-B", "5"]);
    assert_eq!(before["context_before"].as_array().unwrap().len(), 2);
    assert!(before.get("context_after").is_none(), "{before}");
    let after = json(&["--after-context", "1"]);
    assert!(after.get("context_before").is_none());
    // Without context there are no context keys at all.
    assert!(json(&[]).get("context_before").is_none());
    // For people: the hit marked with its number, context dimmed around it.
    let run = whosaid(dir, &["search", "harbour", "-C", "1", "--index", "idx"]);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("    ¶1 │ [Jane Roe] \"We are ready,\""))
    );
    assert!(lines.iter().any(|l| l.starts_with("    ¶2 ▶ The harbour")));
    assert!(lines.iter().any(|l| l.starts_with("    ¶3 │ [John Poe]")));
}

#[test]
fn show_prints_an_article_or_one_paragraph_as_indexed() {
    let tmp = indexed_sample();
    let dir = tmp.path();
    let whole = whosaid(dir, &["show", ARTICLE_000, "--json", "--index", "idx"]);
    whole.expect_code(0);
    let rows: Vec<Value> = whole.json_lines();
    assert_eq!(
        rows.len() as u64,
        paragraphs_of(dir, ARTICLE_000).len() as u64
    );
    for (n, row) in rows.iter().enumerate() {
        assert_eq!(row["paragraph"], n as u64);
        assert_eq!(row["article"], ARTICLE_000);
        assert!(row.get("snippet").is_none());
    }
    let one = whosaid(
        dir,
        &["show", ARTICLE_000, "¶2", "--json", "--index", "idx"],
    );
    let one: Vec<Value> = one.json_lines();
    assert_eq!(one, [rows[2].clone()]);
    let text = whosaid(
        dir,
        &[
            "show",
            ARTICLE_000,
            "2",
            "--index",
            "idx",
            "--color",
            "never",
        ],
    );
    text.expect_code(0);
    assert!(text.stdout.contains(&format!(
        "¶2 {}",
        rows[2]["speakers"][0].as_str().unwrap_or("")
    )));
    assert!(text.stdout.contains(rows[2]["text"].as_str().unwrap()));
    let missing = whosaid(dir, &["show", "no-such-article", "--index", "idx"]);
    missing.expect_code(2);
    assert!(
        missing.stderr.contains("no article no-such-article"),
        "{}",
        missing.stderr
    );
}

#[test]
fn counts_by_outlet_byline_and_section_add_up_to_the_matches() {
    let tmp = tempdir();
    let dir = tmp.path();
    common::write(
        &dir.join("news/1.md"),
        "---\nsource: Kyiv Daily\nauthor: Ann Lee\n---\n## Front line\n\n\
         \"We hold the line,\" President Zelenskyy said on Monday.\n\n\
         The talks went on.\n",
    );
    common::write(
        &dir.join("news/2.md"),
        "---\nsource: Kyiv Daily\n---\n\"Talks must go on,\" said Keir Starmer.\n",
    );
    report(&index(dir, &["news", "--index", "idx"]), 0);
    let counts = |by: &str, idx: &str| -> Vec<(Option<String>, u64)> {
        let run = whosaid(
            dir,
            &["search", "*", "--count", by, "--json", "--index", idx],
        );
        run.expect_code(0);
        run.json_lines::<Value>()
            .into_iter()
            .map(|r| {
                (
                    r["key"].as_str().map(str::to_string),
                    r["count"].as_u64().unwrap(),
                )
            })
            .collect()
    };
    let some = |s: &str| Some(s.to_string());
    assert_eq!(counts("source", "idx"), [(some("Kyiv Daily"), 3)]);
    assert_eq!(counts("author", "idx"), [(some("Ann Lee"), 2), (None, 1)]);
    assert_eq!(
        counts("section", "idx"),
        [(some("Front line"), 2), (None, 1)]
    );
    let speakers = counts("speaker", "idx");
    assert_eq!(speakers.last().unwrap(), &(None, 1), "{speakers:?}");
    assert_eq!(speakers.iter().map(|r| r.1).sum::<u64>(), 3);
    let run = whosaid(dir, &["search", "*", "--count", "author", "--index", "idx"]);
    assert_eq!(run.stdout, "      2  Ann Lee\n      1  (no author)\n");
    // A run that rewrites the first article for a fuller name keeps its columns.
    common::write(
        &dir.join("news/3.md"),
        "---\nsource: Wire\n---\nUkrainian President Volodymyr Zelensky said the army would \
         not retreat.\n",
    );
    let r = report(&index(dir, &["news", "--index", "idx"]), 0);
    assert_eq!(r.renamed, 1, "{r:#?}");
    report(&index(dir, &["news", "--index", "clean"]), 0);
    for by in ["source", "author", "section", "speaker"] {
        assert_eq!(counts(by, "idx"), counts(by, "clean"), "{by}");
    }
}

#[test]
fn per_article_gives_one_hit_per_article_and_counts_the_rest() {
    let tmp = indexed_sample();
    let dir = tmp.path();
    let all = search_idx(dir, "Putin");
    let run = whosaid(
        dir,
        &[
            "search",
            "Putin",
            "--per-article",
            "--json",
            "--index",
            "idx",
        ],
    );
    run.expect_code(0);
    let hits: Vec<Value> = run.json_lines();
    let ids: BTreeSet<&str> = hits
        .iter()
        .map(|h| h["article"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), hits.len(), "one hit per article");
    assert_eq!(ids, articles(&all));
    let paragraphs: u64 = hits
        .iter()
        .map(|h| 1 + h["other_matches"].as_u64().unwrap())
        .sum();
    assert_eq!(paragraphs, all.len() as u64);
    let human = whosaid(
        dir,
        &[
            "search",
            "Putin",
            "--per-article",
            "--color",
            "never",
            "--index",
            "idx",
        ],
    );
    assert!(
        human.stdout.contains("more in this article"),
        "{}",
        human.stdout
    );
    assert_eq!(
        human.stderr,
        format!(
            "whosaid: {} of {} matching articles ({} paragraphs)\n",
            hits.len(),
            hits.len(),
            all.len()
        )
    );
}

/// The keys that `-C` and `--per-article` add, and only those: the documented ones plus
/// `context_before` (not on an article's first paragraph), `context_after` (not on its
/// last) and `other_matches`, each of the documented shape.
#[test]
fn json_hits_with_context_and_per_article_add_exactly_their_keys() {
    let tmp = indexed_sample();
    let run = whosaid(
        tmp.path(),
        &[
            "search",
            "Putin OR Zelensky",
            "--json",
            "-C",
            "1",
            "--per-article",
            "--index",
            "idx",
        ],
    );
    run.expect_code(0);
    let lines: Vec<Value> = run.json_lines();
    assert!(!lines.is_empty());
    let extra = ["context_before", "context_after", "other_matches"];
    for line in &lines {
        let object = line.as_object().expect("an object");
        for key in object.keys() {
            assert!(
                HIT_KEYS.contains(&key.as_str()) || extra.contains(&key.as_str()),
                "{key}"
            );
        }
        assert!(HIT_KEYS.iter().all(|k| object.contains_key(*k)), "{line}");
        assert!(line["other_matches"].is_u64(), "{line}");
        for side in ["context_before", "context_after"] {
            for c in line[side].as_array().into_iter().flatten() {
                let keys: BTreeSet<&str> =
                    c.as_object().unwrap().keys().map(String::as_str).collect();
                assert_eq!(
                    keys,
                    BTreeSet::from(["paragraph", "speakers", "text"]),
                    "{c}"
                );
            }
        }
        let paragraph = line["paragraph"].as_u64().unwrap();
        assert_eq!(
            line.get("context_before").is_some(),
            paragraph > 0,
            "{line}"
        );
    }
}

#[test]
fn quotes_prints_each_quotation_whole_with_its_speaker() {
    let tmp = indexed_sample();
    let run = whosaid(
        tmp.path(),
        &[
            "search",
            "speaker:Putin",
            "quote:call",
            "--quotes",
            "--index",
            "idx",
        ],
    );
    run.expect_code(0);
    assert!(
        run.stdout
            .contains("“Maybe I’ll have a call with Donald Trump” — Vladimir Putin"),
        "{}",
        run.stdout
    );
    // The reporter's own words are not printed.
    assert!(
        !run.stdout.contains("Speaking at a press conference"),
        "{}",
        run.stdout
    );
    // `quote:` finds fewer paragraphs than the same word anywhere.
    let anywhere = search_idx(tmp.path(), "peace").len();
    let quoted = search_idx(tmp.path(), "quote:peace");
    assert!(!quoted.is_empty() && quoted.len() < anywhere, "{quoted:#?}");
    for hit in &quoted {
        assert!(
            hit.quotes
                .iter()
                .any(|q| q.text.to_lowercase().contains("peace")),
            "{hit:#?}"
        );
    }
}
