//! Query text -> a tantivy query, on tantivy's own grammar with the gaps users hit filled:
//! AND by default, plain dates (`date:2025-03`, `date:[2025-03-01 TO 2025-03-31]`,
//! `date:>=2025-03-01`), prefixes (`cease*`), fuzzy terms (`Zelenskiy~1`), queries of
//! negations only (`-Russia`), and errors that point at the problem's column.
//!
//! The grammar crate parses the text into an AST; this module checks and rewrites it,
//! building the leaves tantivy's parser cannot (dates, prefixes, fuzzy terms) itself and
//! handing the others to `QueryParser` one leaf at a time.

use std::ops::Bound;

use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, EmptyQuery, FuzzyTermQuery, Occur, Query, QueryParser,
    RangeQuery, RegexQuery,
};
use tantivy::schema::{Field, Term};
use tantivy::{DateTime, Index};
use tantivy_query_grammar::{
    Delimiter, Occur as AstOccur, UserInputAst, UserInputBound, UserInputLeaf, UserInputLiteral,
};

use crate::dates::{self, Date};
use crate::error::{Error, Result};
use crate::schema::{self, DATE, QUERY_FIELDS};

/// Builds queries for one index.
pub(crate) struct QueryBuilder<'a> {
    index: &'a Index,
    parser: QueryParser,
    date: Field,
    defaults: Vec<Field>,
    /// Words with no operator between them must all match (else any may).
    conjunction: bool,
}

fn bad(column: usize, message: impl Into<String>) -> Error {
    Error::BadQuery {
        column,
        message: message.into(),
    }
}

impl<'a> QueryBuilder<'a> {
    /// A builder whose words without a field search `defaults`.
    pub(crate) fn new(
        index: &'a Index,
        defaults: &[&str],
        conjunction: bool,
    ) -> Result<QueryBuilder<'a>> {
        let schema = index.schema();
        let defaults: Vec<Field> = defaults
            .iter()
            .map(|name| schema.get_field(name))
            .collect::<tantivy::Result<_>>()?;
        let mut parser = QueryParser::for_index(index, defaults.clone());
        if conjunction {
            parser.set_conjunction_by_default();
        }
        Ok(QueryBuilder {
            index,
            parser,
            date: schema.get_field(DATE)?,
            defaults,
            conjunction,
        })
    }

    /// Parses `text` into a query.
    pub(crate) fn parse(&self, text: &str) -> Result<Box<dyn Query>> {
        if text.trim().is_empty() {
            return Err(bad(
                1,
                "empty query; type some words, e.g. `Putin ceasefire`",
            ));
        }
        precheck(text)?;
        let ast = match tantivy_query_grammar::parse_query(text) {
            Ok(ast) => ast,
            Err(_) => {
                let (_, errors) = tantivy_query_grammar::parse_query_lenient(text);
                return Err(match errors.first() {
                    Some(e) => bad(column_of(text, e.pos), e.message.clone()),
                    None => bad(1, "this query does not parse; check operators and quotes"),
                });
            }
        };
        self.convert(&ast, text)
    }

    fn convert(&self, ast: &UserInputAst, text: &str) -> Result<Box<dyn Query>> {
        match ast {
            UserInputAst::Clause(clauses) => {
                if clauses.is_empty() {
                    return Ok(Box::new(EmptyQuery));
                }
                let mut subs: Vec<(Occur, Box<dyn Query>)> = Vec::new();
                for (occur, sub) in clauses {
                    let occur = match occur {
                        Some(AstOccur::Should) => Occur::Should,
                        Some(AstOccur::MustNot) => Occur::MustNot,
                        Some(AstOccur::Must) => Occur::Must,
                        None if self.conjunction => Occur::Must,
                        None => Occur::Should,
                    };
                    subs.push((occur, self.convert(sub, text)?));
                }
                // `-Russia` alone means "everything but Russia".
                if subs.iter().all(|(o, _)| *o == Occur::MustNot) {
                    subs.push((Occur::Must, Box::new(AllQuery)));
                }
                Ok(Box::new(BooleanQuery::new(subs)))
            }
            UserInputAst::Boost(inner, boost) => Ok(Box::new(BoostQuery::new(
                self.convert(inner, text)?,
                boost.into_inner() as f32,
            ))),
            UserInputAst::Leaf(leaf) => self.leaf(leaf, text),
        }
    }

    fn leaf(&self, leaf: &UserInputLeaf, text: &str) -> Result<Box<dyn Query>> {
        let field_name = match leaf {
            UserInputLeaf::Literal(l) => l.field_name.as_deref(),
            UserInputLeaf::Range { field, .. }
            | UserInputLeaf::Set { field, .. }
            | UserInputLeaf::Regex { field, .. } => field.as_deref(),
            UserInputLeaf::Exists { field } => Some(field.as_str()),
            UserInputLeaf::All => None,
        };
        if let Some(name) = field_name {
            check_field(name, text)?;
        }
        match leaf {
            UserInputLeaf::All => Ok(Box::new(AllQuery)),
            UserInputLeaf::Literal(l) if field_name == Some(DATE) => {
                let (from, to) = date_span(&l.phrase, text)?;
                Ok(self.date_range(Bound::Included(from), Bound::Excluded(to)))
            }
            UserInputLeaf::Range { lower, upper, .. } if field_name == Some(DATE) => {
                let lower = match lower {
                    UserInputBound::Inclusive(v) => Bound::Included(date_span(v, text)?.0),
                    UserInputBound::Exclusive(v) => Bound::Included(date_span(v, text)?.1),
                    UserInputBound::Unbounded => Bound::Unbounded,
                };
                let upper = match upper {
                    UserInputBound::Inclusive(v) => Bound::Excluded(date_span(v, text)?.1),
                    UserInputBound::Exclusive(v) => Bound::Excluded(date_span(v, text)?.0),
                    UserInputBound::Unbounded => Bound::Unbounded,
                };
                Ok(self.date_range(lower, upper))
            }
            UserInputLeaf::Literal(l) if is_single_word(l) => match word_operator(&l.phrase) {
                // The grammar keeps `cease*` and `zelenskiy~1` as plain words: read them here.
                WordOperator::Prefix(word) => self.prefix(&with_phrase(l, word)),
                WordOperator::Fuzzy(word, edits) => self.fuzzy(&with_phrase(l, word), edits),
                WordOperator::Wildcard => self.wildcard(l),
                WordOperator::None => self.parsed(leaf, field_name, text),
            },
            other => self.parsed(other, field_name, text),
        }
    }

    /// A leaf tantivy's own parser can build.
    fn parsed(
        &self,
        leaf: &UserInputLeaf,
        field_name: Option<&str>,
        text: &str,
    ) -> Result<Box<dyn Query>> {
        let ast = UserInputAst::Leaf(Box::new(leaf.clone()));
        self.parser
            .build_query_from_user_input_ast(ast)
            .map_err(|e| {
                let at = field_name
                    .and_then(|f| text.find(&format!("{f}:")))
                    .unwrap_or(0);
                bad(column_of(text, at), e.to_string())
            })
    }

    fn date_range(&self, lower: Bound<Date>, upper: Bound<Date>) -> Box<dyn Query> {
        let term = |d: Date| {
            Term::from_field_date(
                self.date,
                DateTime::from_timestamp_secs(d.to_unix_seconds()),
            )
        };
        Box::new(RangeQuery::new(lower.map(term), upper.map(term)))
    }

    /// The fields a literal targets: its own or the default ones.
    fn targets(&self, literal: &UserInputLiteral) -> Vec<Field> {
        match &literal.field_name {
            Some(name) => vec![self.index.schema().get_field(name).expect("checked")],
            None => self.defaults.clone(),
        }
    }

    /// The indexed form of a word in `field` (lowercase, folded, stemmed as the field is).
    fn analyse(&self, field: Field, word: &str) -> Option<String> {
        let mut analyzer = self.index.tokenizer_for_field(field).ok()?;
        let mut stream = analyzer.token_stream(word);
        let mut out = None;
        while let Some(token) = stream.next() {
            out.get_or_insert_with(|| token.text.clone());
        }
        out
    }

    /// `cease*`: every term starting with the word. The stem is used when shorter, so
    /// `running*` finds "run".
    fn prefix(&self, l: &UserInputLiteral) -> Result<Box<dyn Query>> {
        let folded = schema::name_fold(&l.phrase);
        let mut subs: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for field in self.targets(l) {
            let analysed = self.analyse(field, &l.phrase).unwrap_or_default();
            let prefix = if !analysed.is_empty() && folded.starts_with(&analysed) {
                analysed
            } else {
                folded.clone()
            };
            if prefix.is_empty() {
                continue;
            }
            let pattern = format!("{}.*", regex_escape(&prefix));
            let query = RegexQuery::from_pattern(&pattern, field)
                .map_err(|e| bad(1, format!("bad prefix `{}*`: {e}", l.phrase)))?;
            subs.push((Occur::Should, Box::new(query)));
        }
        Ok(Box::new(BooleanQuery::new(subs)))
    }

    /// `zelenskiy~1`: terms within that many edits (at most 2).
    fn fuzzy(&self, l: &UserInputLiteral, edits: u32) -> Result<Box<dyn Query>> {
        let distance = edits.min(2) as u8;
        let folded = schema::name_fold(&l.phrase);
        let mut subs: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for field in self.targets(l) {
            // Both the word as the field indexes it and as typed: a misspelling often stems
            // differently from the word it misspells.
            let mut forms = vec![folded.clone()];
            forms.extend(self.analyse(field, &l.phrase));
            forms.dedup();
            for word in forms {
                let term = Term::from_field_text(field, &word);
                let query = FuzzyTermQuery::new(term, distance, true);
                subs.push((Occur::Should, Box::new(query)));
            }
        }
        Ok(Box::new(BooleanQuery::new(subs)))
    }

    /// `zel*sky`, `ceasef?re`: `*` for any letters, `?` for one.
    fn wildcard(&self, l: &UserInputLiteral) -> Result<Box<dyn Query>> {
        let folded = schema::name_fold(&l.phrase);
        let mut pattern = String::new();
        for c in folded.chars() {
            match c {
                '*' => pattern.push_str(".*"),
                '?' => pattern.push('.'),
                c => pattern.push_str(&regex_escape(&c.to_string())),
            }
        }
        // Stemmed fields hold "ceasefir" for "ceasefire": the last letters may be missing.
        let mut stemmed = pattern.clone();
        let tail: Vec<char> = folded
            .chars()
            .rev()
            .take_while(|c| c.is_alphanumeric())
            .take(3)
            .collect();
        if !tail.is_empty() {
            let keep = pattern.len() - tail.len();
            let mut optional = String::new();
            for c in tail.iter() {
                optional = format!("({c}{optional})?");
            }
            stemmed = format!("{}{optional}", &pattern[..keep]);
        }
        let mut subs: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for field in self.targets(l) {
            let is_stemmed = match self.index.schema().get_field_entry(field).field_type() {
                tantivy::schema::FieldType::Str(options) => options
                    .get_indexing_options()
                    .is_some_and(|i| i.tokenizer() == schema::TEXT_TOKENIZER),
                _ => false,
            };
            let pattern = if is_stemmed { &stemmed } else { &pattern };
            let query = RegexQuery::from_pattern(pattern, field)
                .map_err(|e| bad(1, format!("bad wildcard `{}`: {e}", l.phrase)))?;
            subs.push((Occur::Should, Box::new(query)));
        }
        Ok(Box::new(BooleanQuery::new(subs)))
    }
}

/// What a trailing `*`, `~N` or inner wildcard makes of a plain word.
#[derive(Debug, PartialEq, Eq)]
enum WordOperator<'a> {
    Prefix(&'a str),
    Fuzzy(&'a str, u32),
    Wildcard,
    None,
}

fn word_operator(phrase: &str) -> WordOperator<'_> {
    if let Some(word) = phrase.strip_suffix('*')
        && !word.is_empty()
        && !word.contains(['*', '?'])
    {
        return WordOperator::Prefix(word);
    }
    if let Some((word, edits)) = phrase.rsplit_once('~')
        && !word.is_empty()
        && let Ok(edits) = edits.parse::<u32>()
    {
        return WordOperator::Fuzzy(word, edits);
    }
    if phrase.contains(['*', '?']) && phrase.chars().any(char::is_alphanumeric) {
        return WordOperator::Wildcard;
    }
    WordOperator::None
}

fn with_phrase(l: &UserInputLiteral, phrase: &str) -> UserInputLiteral {
    UserInputLiteral {
        phrase: phrase.to_string(),
        ..l.clone()
    }
}

fn is_single_word(l: &UserInputLiteral) -> bool {
    l.delimiter == Delimiter::None && !l.phrase.contains(char::is_whitespace)
}

fn regex_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else {
            out.push('\\');
            out.push(c);
        }
    }
    out
}

/// `2025-03-14` -> that day, `2025-03` -> that month, `2025` -> that year, as
/// [first day, day after the last).
fn date_span(value: &str, text: &str) -> Result<(Date, Date)> {
    let value = value.trim_matches('"');
    let err = || {
        let at = text.find(value).unwrap_or(0);
        bad(
            column_of(text, at),
            format!("`{value}` is not a date; write YYYY-MM-DD, YYYY-MM or YYYY"),
        )
    };
    let parts: Vec<&str> = value.split('-').collect();
    let num = |s: &str| s.parse::<i32>().ok();
    match parts.as_slice() {
        [y] if y.len() == 4 => {
            let y = num(y).ok_or_else(err)?;
            let from = Date::new(y, 1, 1).ok_or_else(err)?;
            let to = Date::new(y + 1, 1, 1).ok_or_else(err)?;
            Ok((from, to))
        }
        [y, m] if y.len() == 4 => {
            let (y, m) = (num(y).ok_or_else(err)?, num(m).ok_or_else(err)?);
            let from = Date::new(y, u8::try_from(m).map_err(|_| err())?, 1).ok_or_else(err)?;
            let to = if m == 12 {
                Date::new(y + 1, 1, 1)
            } else {
                Date::new(y, m as u8 + 1, 1)
            };
            Ok((from, to.ok_or_else(err)?))
        }
        _ => match dates::parse(value) {
            dates::Parsed::Date(d) => Ok((d, d.next_day())),
            _ => Err(err()),
        },
    }
}

/// Checks a field name, suggesting the nearest known one.
fn check_field(name: &str, text: &str) -> Result<()> {
    if QUERY_FIELDS.contains(&name) || name == schema::SPEAKER_EXACT {
        return Ok(());
    }
    let at = text.find(&format!("{name}:")).unwrap_or(0);
    let nearest = QUERY_FIELDS
        .iter()
        .map(|f| (strsim::levenshtein(f, name), *f))
        .min()
        .filter(|(d, _)| *d <= 2)
        .map(|(_, f)| format!("; did you mean `{f}`?"))
        .unwrap_or_default();
    Err(bad(
        column_of(text, at),
        format!(
            "unknown field `{name}`{nearest} fields: {}",
            QUERY_FIELDS.join(", ")
        ),
    ))
}

/// 1-based column in characters of byte offset `at`.
fn column_of(text: &str, at: usize) -> usize {
    let at = at.min(text.len());
    text[..at].chars().count() + 1
}

/// Finds the mistakes people make most, with positions: unclosed quotes, parentheses and
/// ranges, and operators with nothing on one side.
fn precheck(text: &str) -> Result<()> {
    let mut parens: Vec<usize> = Vec::new();
    let mut range_open: Option<usize> = None;
    let mut quote_open: Option<usize> = None;
    let mut escaped = false;
    for (at, c) in text.char_indices() {
        if escaped {
            escaped = false;
            continue;
        }
        if c == '\\' {
            escaped = true;
            continue;
        }
        if let Some(_start) = quote_open {
            if c == '"' {
                quote_open = None;
            }
            continue;
        }
        match c {
            '"' => quote_open = Some(at),
            '(' => parens.push(at),
            ')' if parens.pop().is_none() => {
                return Err(bad(
                    column_of(text, at),
                    "`)` closes nothing; remove it or add `(` before",
                ));
            }
            '[' | '{' if range_open.is_none() => range_open = Some(at),
            ']' | '}' => range_open = None,
            _ => {}
        }
    }
    if let Some(at) = quote_open {
        return Err(bad(
            column_of(text, at),
            "unclosed quote `\"`; add the closing `\"`",
        ));
    }
    if let Some(at) = parens.pop() {
        return Err(bad(
            column_of(text, at),
            "unclosed parenthesis `(`; add the closing `)`",
        ));
    }
    if let Some(at) = range_open {
        return Err(bad(
            column_of(text, at),
            "unclosed range; write it as `[FROM TO UNTIL]`",
        ));
    }
    check_operators(text)
}

/// `Putin AND`, `AND Putin`, `a AND OR b`, `(OR a)`: an operator needs terms around it.
fn check_operators(text: &str) -> Result<()> {
    let words = words_outside_quotes(text);
    for (i, (at, word)) in words.iter().enumerate() {
        let is_binary = matches!(*word, "AND" | "OR" | "&&" | "||");
        let is_not = *word == "NOT";
        if !is_binary && !is_not {
            continue;
        }
        let prev = i.checked_sub(1).map(|j| words[j].1);
        let next = words.get(i + 1).map(|w| w.1);
        let is_operand_end = |w: Option<&str>| {
            w.is_some_and(|w| {
                !matches!(w, "AND" | "OR" | "NOT" | "&&" | "||" | "(") && !w.ends_with('(')
            })
        };
        let is_operand_start = |w: Option<&str>| {
            w.is_some_and(|w| !matches!(w, "AND" | "OR" | "&&" | "||" | ")") && !w.starts_with(')'))
        };
        if is_binary && !is_operand_end(prev) {
            return Err(bad(
                column_of(text, *at),
                format!("`{word}` needs a term before it"),
            ));
        }
        if !is_operand_start(next) {
            return Err(bad(
                column_of(text, *at),
                format!("`{word}` needs a term after it"),
            ));
        }
    }
    Ok(())
}

/// Whitespace-separated words outside double quotes, with byte offsets; parentheses stand
/// as words of their own.
fn words_outside_quotes(text: &str) -> Vec<(usize, &str)> {
    let mut words = Vec::new();
    let mut start: Option<usize> = None;
    let mut in_quote = false;
    for (at, c) in text.char_indices() {
        if c == '"' {
            in_quote = !in_quote;
        }
        let splits = !in_quote && (c.is_whitespace() || c == '(' || c == ')');
        if splits {
            if let Some(s) = start.take() {
                words.push((s, &text[s..at]));
            }
            if c == '(' || c == ')' {
                words.push((at, &text[at..at + 1]));
            }
        } else if start.is_none() {
            start = Some(at);
        }
    }
    if let Some(s) = start {
        words.push((s, &text[s..]));
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(text: &str) -> (usize, String) {
        match precheck(text).and_then(|_| {
            if text.trim().is_empty() {
                Err(bad(1, "empty"))
            } else {
                Ok(())
            }
        }) {
            Err(Error::BadQuery { column, message }) => (column, message),
            other => panic!("{text}: {other:?}"),
        }
    }

    #[test]
    fn mistakes_are_reported_with_their_column() {
        let table = [
            ("Putin AND", 7, "after"),
            ("AND Putin", 1, "before"),
            ("Putin AND (", 11, "parenthesis"),
            ("(Putin", 1, "parenthesis"),
            ("Putin)", 6, "closes nothing"),
            ("\"unclosed", 1, "quote"),
            ("a AND OR b", 3, "after"),
            ("date:[2025-01-01 TO 2025", 6, "range"),
            ("Putin NOT", 7, "after"),
        ];
        for (text, column, words) in table {
            let (c, message) = error(text);
            assert_eq!(c, column, "{text}: {message}");
            assert!(message.contains(words), "{text}: {message}");
        }
    }

    #[test]
    fn good_queries_pass_the_precheck() {
        for text in [
            "Putin AND ceasefire",
            "\"30-day truce\"",
            "speaker:Zelensky (ceasefire OR truce)",
            "date:[2025-03-01 TO 2025-03-31]",
            "-Russia",
            "NOT Russia",
            "\"AND\" Putin",
            "a\\(b",
        ] {
            assert!(precheck(text).is_ok(), "{text}");
        }
    }

    #[test]
    fn word_operators() {
        assert_eq!(word_operator("cease*"), WordOperator::Prefix("cease"));
        assert_eq!(
            word_operator("zelenskiy~1"),
            WordOperator::Fuzzy("zelenskiy", 1)
        );
        assert_eq!(word_operator("zel*sky"), WordOperator::Wildcard);
        assert_eq!(word_operator("ceasef?re"), WordOperator::Wildcard);
        assert_eq!(word_operator("ceasefire"), WordOperator::None);
        assert_eq!(word_operator("*"), WordOperator::None);
        assert_eq!(word_operator("a~b"), WordOperator::None);
    }

    #[test]
    fn date_spans() {
        let d = |y, m, day| Date::new(y, m, day).unwrap();
        assert_eq!(
            date_span("2025-03-14", "").unwrap(),
            (d(2025, 3, 14), d(2025, 3, 15))
        );
        assert_eq!(
            date_span("2025-03", "").unwrap(),
            (d(2025, 3, 1), d(2025, 4, 1))
        );
        assert_eq!(
            date_span("2025-12", "").unwrap(),
            (d(2025, 12, 1), d(2026, 1, 1))
        );
        assert_eq!(
            date_span("2025", "").unwrap(),
            (d(2025, 1, 1), d(2026, 1, 1))
        );
        assert!(date_span("2025-13", "").is_err());
        assert!(date_span("soon", "").is_err());
    }

    #[test]
    fn unknown_fields_suggest_the_nearest() {
        let err = check_field("spaker", "spaker:x").unwrap_err().to_string();
        assert!(err.contains("did you mean `speaker`"), "{err}");
        assert!(err.contains("column 1"), "{err}");
        assert!(check_field("speaker", "").is_ok());
    }
}
