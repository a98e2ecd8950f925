//! Paragraph text -> tokens with byte offsets, and the quotation spans over them.
//!
//! Curly quotes pair by direction, straight ones by context and parity. `’` between letters
//! is an apostrophe; single quotes count as quotation marks only when word-bounded. A double
//! quotation left open at the end of the paragraph is marked, so its speaker can carry over.

use compact_str::CompactString;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    Comma,
    /// `.`, `?`, `!`, `…`: may end a sentence.
    Stop,
    Colon,
    Semicolon,
    Dash,
    Open,
    Close,
    Other,
}

/// One token of a paragraph.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Token {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    /// Index of the quotation this token is inside (or delimits), if any.
    pub quote: Option<usize>,
}

/// A quotation: token range from its opening mark to its closing mark (inclusive).
#[derive(Debug, Clone)]
pub(crate) struct Quote {
    pub open: usize,
    /// The closing mark's token, or the last token when left open.
    pub close: usize,
    /// Left open at the end of the paragraph (newswire continuation).
    pub is_open_at_end: bool,
    /// Number of words inside.
    pub words: usize,
    /// The text inside ends a sentence (`."`, `?"`).
    pub ends_sentence: bool,
}

/// Abbreviations whose period does not end a sentence.
fn is_abbreviation(word: &str) -> bool {
    // None is longer than six letters ("approx"): most words ending a sentence are.
    if word.len() > 6 {
        return false;
    }
    let mut word = CompactString::new(word);
    word.make_ascii_lowercase();
    matches!(
        word.as_str(),
        "mr" | "mrs"
            | "ms"
            | "dr"
            | "prof"
            | "sen"
            | "rep"
            | "gov"
            | "gen"
            | "col"
            | "lt"
            | "sgt"
            | "capt"
            | "maj"
            | "adm"
            | "rev"
            | "st"
            | "jr"
            | "sr"
            | "no"
            | "vs"
            | "etc"
            | "inc"
            | "corp"
            | "ltd"
            | "co"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
            | "mt"
            | "ft"
            | "approx"
            | "cllr"
            | "fig"
            | "cpl"
            | "spc"
            | "pfc"
            | "pvt"
            | "pte"
            | "brig"
            | "cmdr"
            | "cdr"
            | "ens"
            | "cwo"
            | "det"
            | "insp"
            | "supt"
            | "hon"
            | "amb"
            | "atty"
            | "sgm"
            | "ssgt"
            | "tsgt"
            | "msgt"
            | "lcpl"
    )
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// ASCII letters and digits, by byte.
const ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// Splits a paragraph into tokens.
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    // Positions are byte offsets, always at the start of a character. Most characters are
    // ASCII: those are read without decoding.
    let at = |i: usize| match text.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => text[i..].chars().next(),
        None => None,
    };
    let next = |i: usize| i + at(i).map_or(0, char::len_utf8);
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // ASCII spaces, letters and digits are told at once, from the byte.
        let b = bytes[i];
        let (c, after) = if b.is_ascii() {
            if matches!(b, b' ' | b'\t'..=b'\r') {
                i += 1;
                continue;
            }
            (char::from(b), i + 1)
        } else {
            let c = text[i..].chars().next().expect("i is a character boundary");
            if c.is_whitespace() {
                i += c.len_utf8();
                continue;
            }
            (c, i + c.len_utf8())
        };
        if ALNUM[usize::from(b)] || (!b.is_ascii() && is_word_char(c)) {
            let start = i;
            i = after;
            loop {
                // ASCII letters and digits, the most of any word, need no decoding.
                let rest = &bytes[i..];
                i += rest
                    .iter()
                    .position(|&b| !ALNUM[usize::from(b)])
                    .unwrap_or(rest.len());
                let Some(c) = at(i) else { break };
                let after = i + c.len_utf8();
                match c {
                    c if is_word_char(c) => i = after,
                    // Apostrophes and hyphens inside words: Putin’s, don't, Secretary-General.
                    '\'' | '’' | '-' | '‑' if at(after).is_some_and(is_word_char) => {
                        i = next(after)
                    }
                    // Periods inside abbreviations: U.S., J.D.
                    '.' if at(after).is_some_and(|c| c.is_alphabetic())
                        && at(next(after)).is_some_and(|c| c == '.' || !c.is_alphabetic()) =>
                    {
                        i = next(after)
                    }
                    _ => break,
                }
            }
            // A period after an abbreviation, an initial or a dotted acronym stays in the word.
            if at(i) == Some('.') {
                let word = &text[start..i];
                let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
                if is_abbreviation(word) || initial || word.contains('.') {
                    i += 1;
                }
            }
            tokens.push(Token {
                kind: Kind::Word,
                start,
                end: i,
                quote: None,
            });
            continue;
        }
        let kind = match c {
            ',' => Kind::Comma,
            '.' | '?' | '!' | '…' => Kind::Stop,
            ':' => Kind::Colon,
            ';' => Kind::Semicolon,
            '—' | '–' => Kind::Dash,
            '-' if at(after) == Some('-') => Kind::Dash,
            '“' | '„' | '«' | '‘' | '‹' => Kind::Open,
            '”' | '»' | '’' | '›' => Kind::Close,
            '"' | '\'' => straight_direction(text[..i].chars().next_back(), at(after)),
            _ => Kind::Other,
        };
        tokens.push(Token {
            kind,
            start: i,
            end: after,
            quote: None,
        });
        i = after;
    }
    tokens
}

/// Direction of a straight quote from its neighbours; `Other` when it could be either.
fn straight_direction(before: Option<char>, after: Option<char>) -> Kind {
    let space_before = before.is_none_or(|c| c.is_whitespace() || "([{—–-".contains(c));
    let space_after = after.is_none_or(|c| c.is_whitespace() || ",.;:!?)]}—–".contains(c));
    match (space_before, space_after) {
        (true, false) => Kind::Open,
        (false, true) => Kind::Close,
        _ => Kind::Other,
    }
}

fn is_double(mark: &str) -> bool {
    matches!(mark, "“" | "”" | "„" | "«" | "»" | "\"")
}

/// Finds quotations and marks every token inside one. Returns the quotations in order.
pub(crate) fn find_quotes(text: &str, tokens: &mut [Token]) -> Vec<Quote> {
    let mut quotes: Vec<Quote> = Vec::new();
    // Top-level quotation being read: (token index of its mark, is double).
    let mut outer: Option<(usize, bool)> = None;
    // German style „...“: the low mark is closed by a high one that elsewhere opens.
    let mut low_open = false;
    // Nested single quotes inside a double one only need balancing, not spans.
    let mut nested_single = 0usize;
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        // Words and most punctuation are no quotation marks: skip them before slicing.
        if !matches!(t.kind, Kind::Open | Kind::Close | Kind::Other) {
            i += 1;
            continue;
        }
        let mark = &text[t.start..t.end];
        let is_mark = matches!(t.kind, Kind::Open | Kind::Close)
            || (t.kind == Kind::Other && (mark == "\"" || mark == "'"));
        if !is_mark {
            i += 1;
            continue;
        }
        let double = is_double(mark);
        match outer {
            None => {
                // Straight double quote of unknown direction opens when nothing is open.
                let opens = t.kind == Kind::Open || (t.kind == Kind::Other && double);
                if opens {
                    outer = Some((i, double));
                    nested_single = 0;
                    low_open = mark == "„";
                }
            }
            Some((open, outer_double)) => {
                let closes = t.kind == Kind::Close
                    || t.kind == Kind::Other
                    || (low_open && matches!(mark, "“" | "”"));
                let reopens = double && t.kind == Kind::Open && !low_open;
                if double == outer_double && closes && !reopens {
                    if !double && nested_single > 0 {
                        nested_single -= 1;
                    } else {
                        quotes.push(make_quote(text, tokens, open, i, false));
                        outer = None;
                    }
                } else if !double && outer_double {
                    match t.kind {
                        Kind::Open => nested_single += 1,
                        _ => nested_single = nested_single.saturating_sub(1),
                    }
                } else if double && outer_double && t.kind == Kind::Open {
                    // “ inside “: the first was left open; newswire style restarts here.
                    quotes.push(make_quote(text, tokens, open, i - 1, true));
                    outer = Some((i, true));
                }
            }
        }
        i += 1;
    }
    if let Some((open, double)) = outer
        && double
    {
        let last = tokens.len() - 1;
        quotes.push(make_quote(text, tokens, open, last, true));
    }
    // An unclosed single quote is an apostrophe we could not tell apart: no quotation.
    for (q, quote) in quotes.iter().enumerate() {
        for token in &mut tokens[quote.open..=quote.close] {
            token.quote = Some(q);
        }
    }
    quotes
}

fn make_quote(text: &str, tokens: &[Token], open: usize, close: usize, left_open: bool) -> Quote {
    let inner_end = if left_open { close + 1 } else { close };
    let inner = &tokens[open + 1..inner_end.max(open + 1)];
    let words = inner.iter().filter(|t| t.kind == Kind::Word).count();
    let ends_sentence = inner.last().is_some_and(|t| {
        t.kind == Kind::Stop || (t.kind == Kind::Word && text[t.start..t.end].ends_with('.'))
    });
    Quote {
        open,
        close,
        is_open_at_end: left_open,
        words,
        ends_sentence,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<(String, bool)> {
        let mut tokens = tokenize(text);
        let quotes = find_quotes(text, &mut tokens);
        quotes
            .iter()
            .map(|q| {
                let end = tokens[q.close].end;
                (
                    text[tokens[q.open].start..end].to_string(),
                    q.is_open_at_end,
                )
            })
            .collect()
    }

    #[test]
    fn words_keep_apostrophes_hyphens_and_abbreviations() {
        let text = "Putin’s U.S. Secretary-General Mr. Smith don't stop. Next";
        let tokens = tokenize(text);
        let words: Vec<&str> = tokens.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(
            words,
            [
                "Putin’s",
                "U.S.",
                "Secretary-General",
                "Mr.",
                "Smith",
                "don't",
                "stop",
                ".",
                "Next"
            ]
        );
    }

    #[test]
    fn quotations_of_every_kind() {
        let table: &[(&str, &[(&str, bool)])] = &[
            ("He said \"yes, now\" today.", &[("\"yes, now\"", false)]),
            ("“It is over,” she said.", &[("“It is over,”", false)]),
            (
                "‘We’re ready,’ said the coach.",
                &[("‘We’re ready,’", false)],
            ),
            (
                "“He told me ‘no way’ twice,” Hill said.",
                &[("“He told me ‘no way’ twice,”", false)],
            ),
            (
                "calling it 'reckless' and the Russians’ plan",
                &[("'reckless'", false)],
            ),
            (
                "“We will go on. And on",
                &[("“We will go on. And on", true)],
            ),
            (
                "“First part. “Second part,” he said.",
                &[("“First part.", true), ("“Second part,”", false)],
            ),
            (
                "„Wir schaffen das“, sagte sie. „Noch einmal.“",
                &[("„Wir schaffen das“", false), ("„Noch einmal.“", false)],
            ),
            ("The 1990s' boom was ‘huge’.", &[("‘huge’", false)]),
        ];
        for (text, expected) in table {
            let got = spans(text);
            let want: Vec<(String, bool)> =
                expected.iter().map(|(s, o)| (s.to_string(), *o)).collect();
            assert_eq!(got, want, "{text}");
        }
    }
}
