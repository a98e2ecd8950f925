//! `whosaid search` forgiving what people type: words that start with `-`, options after
//! the query, years and months as dates, names with apostrophes, misspellings, and errors
//! that point at the problem.

use super::*;
use common::write;

/// Stderr of `whosaid search ARGS... --index idx` run in `dir`, with its exit code checked.
#[track_caller]
fn stderr_of(dir: &Path, args: &[&str], code: i32) -> String {
    let mut all = vec!["search"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--index", "idx"]);
    let run = whosaid(dir, &all);
    run.expect_code(code);
    run.stderr
}

#[test]
fn a_leading_minus_word_is_a_query_and_options_go_anywhere() {
    let tmp = indexed_sample();
    let dir = tmp.path();
    let all = search_idx(dir, "*");
    let without = search_idx(dir, "-Putin");
    assert!(!without.is_empty() && without.len() < all.len());
    assert!(without.iter().all(|h| !h.text.contains("Putin")));
    // Unquoted, before and after options, and with `-n` after the words.
    let total = |stderr: &str| stderr.split(" of ").nth(1).map(str::to_string);
    let a = stderr_of(dir, &["-Putin", "-n", "2"], 0);
    let b = stderr_of(dir, &["-n", "2", "-Putin"], 0);
    assert_eq!(total(&a), total(&b));
    assert!(a.starts_with("whosaid: 2 of "), "{a}");
    let c = stderr_of(dir, &["ceasefire", "-Putin", "--limit", "1"], 0);
    assert!(c.starts_with("whosaid: 1 of "), "{c}");
    // `-nuclear` is a word, not `-n uclear`.
    stderr_of(dir, &["-nuclear"], 0);
}

#[test]
fn from_and_until_take_years_and_months() {
    let tmp = indexed_sample();
    let dir = tmp.path();
    let count = |args: &[&str]| {
        let stderr = stderr_of(dir, args, 0);
        stderr
            .split(" of ")
            .nth(1)
            .and_then(|s| s.split(' ').next())
            .and_then(|n| n.parse::<usize>().ok())
            .unwrap_or_else(|| panic!("{stderr}"))
    };
    let march_by_month = count(&["Putin", "--from", "2025-03", "--until", "2025-03"]);
    let march_by_day = count(&["Putin", "--from", "2025-03-01", "--until", "2025-03-31"]);
    let by_query = search_idx(dir, "Putin date:2025-03").len();
    assert_eq!(march_by_month, march_by_day);
    assert_eq!(march_by_month, by_query);
    assert_eq!(
        count(&["Putin", "--from", "2025", "--until", "2025"]),
        search_idx(dir, "Putin date:2025").len()
    );
    let stderr = stderr_of(dir, &["Putin", "--from", "2025-13"], 2);
    assert!(
        stderr.contains("write YYYY-MM-DD, YYYY-MM or YYYY"),
        "{stderr}"
    );
}

#[test]
fn names_with_apostrophes_are_found_however_they_are_typed() {
    let tmp = tempdir();
    let dir = tmp.path();
    write(
        &dir.join("news/a.md"),
        "\"We will not move,\" said Conor O'Brien, the union leader.\n\n\
         \"It is over,\" said Jean-Pierre Dupont.\n",
    );
    report(&index(dir, &["news", "--index", "idx"]), 0);
    for query in [
        "speaker:O'Brien",
        "speaker:O’Brien",
        "speaker:oBrien",
        "speaker:obrien",
        "speaker:\"Conor O'Brien\"",
        "O'Brien",
    ] {
        let hits = search_idx(dir, query);
        assert_eq!(hits.len(), 1, "{query}");
        assert_eq!(hits[0].speakers, ["Conor O'Brien"], "{query}");
    }
    let hits = search_idx(dir, "speaker:Jean-Pierre");
    assert_eq!(hits[0].speakers, ["Jean-Pierre Dupont"]);
}

#[test]
fn a_bad_query_shows_a_caret_under_the_problem() {
    let tmp = indexed_sample();
    let dir = tmp.path();
    let stderr = stderr_of(dir, &["O'Brien AND ("], 2);
    assert_eq!(
        stderr,
        "whosaid: error: bad query at column 13: unclosed parenthesis `(`; add the closing `)`\n  \
         O'Brien AND (\n              ^\n"
    );
    let stderr = stderr_of(dir, &["Putin~3"], 2);
    assert!(stderr.contains("at most 2"), "{stderr}");
    assert!(stderr.ends_with("  Putin~3\n  ^\n"), "{stderr}");
}

#[test]
fn nothing_found_suggests_close_names_and_words() {
    let tmp = indexed_sample();
    let dir = tmp.path();
    for (query, suggestion) in [
        ("speaker:Zelenksy", "`Zelensky`"),
        ("Zelenksy", "`Zelensky`"),
        ("cesefire", "`ceasefire`"),
        ("speaker:Zelensky cesefire", "`ceasefire`"),
    ] {
        let stderr = stderr_of(dir, &[query], 1);
        assert!(
            stderr.contains(&format!("no hits; did you mean {suggestion}?")),
            "{query}: {stderr}"
        );
    }
    // Words the index holds, found nothing only together: nothing to suggest.
    let stderr = stderr_of(dir, &["speaker:Zelensky Kremlin Kursk"], 1);
    assert!(!stderr.contains("did you mean"), "{stderr}");
    // A misspelt --speaker, also when counting.
    let stderr = stderr_of(dir, &["", "--count", "speaker", "--speaker", "Zelenksy"], 1);
    assert!(stderr.contains("did you mean `Zelensky`?"), "{stderr}");
}

#[test]
fn paging_names_the_range_shown() {
    let tmp = indexed_sample();
    let dir = tmp.path();
    let total = search_idx(dir, "Putin").len();
    assert!(total > 4);
    let stderr = stderr_of(dir, &["Putin", "-n", "2", "--offset", "2"], 0);
    assert_eq!(
        stderr,
        format!("whosaid: 3–4 of {total} matching paragraphs\n")
    );
    let stderr = stderr_of(dir, &["Putin", "--offset", "1000"], 1);
    assert_eq!(
        stderr,
        format!("whosaid: 0 of {total} matching paragraphs\n")
    );
}
