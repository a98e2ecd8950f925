//! Query text -> a tantivy query, on tantivy's own grammar with the gaps users hit filled:
//! AND by default, plain dates (`date:2025-03`, `date:[2025-03-01 TO 2025-03-31]`,
//! `date:>=2025-03-01`), prefixes (`cease*`), fuzzy terms (`Zelenskiy~1`), queries of
//! negations only (`-Russia`), and errors that point at the problem's column.
//!
//! The grammar crate parses the text into an AST; this module checks and rewrites it,
//! building the leaves tantivy's parser cannot (dates, prefixes, fuzzy terms) itself and
//! handing the others to `QueryParser` one leaf at a time.

use std::ops::Bound;

use tantivy::Index;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, EmptyQuery, ExistsQuery, FuzzyTermQuery, Occur,
    PhrasePrefixQuery, Query, QueryParser, RangeQuery, RegexQuery,
};
use tantivy::schema::{Field, Term};
use tantivy_query_grammar::{
    Delimiter, Occur as AstOccur, UserInputAst, UserInputBound, UserInputLeaf, UserInputLiteral,
};

use crate::dates;
use crate::error::{Error, Result};
use crate::schema::{self, DATE, QUERY_FIELDS, SPEAKER};

/// Builds queries for one index.
pub(crate) struct QueryBuilder<'a> {
    index: &'a Index,
    /// The whosaid index, to follow a speaker's other spellings (`speaker:Zelenskyy`).
    names: Option<&'a crate::index::Index>,
    parser: QueryParser,
    date: Field,
    defaults: Vec<Field>,
    /// Words with no operator between them must all match (else any may).
    conjunction: bool,
}

/// Longest query accepted, in bytes: far beyond what anyone types, short enough that no
/// query can take long to parse.
pub const MAX_QUERY_BYTES: usize = 10_000;
/// Deepest nesting accepted: parentheses plus `NOT`/`-` operators applied to one another.
pub const MAX_QUERY_DEPTH: usize = 32;
/// Longest word a prefix, fuzzy or wildcard term may have, in characters: the index keeps
/// no word longer than this, and longer patterns only cost memory.
pub const MAX_PATTERN_CHARS: usize = 40;

/// Checks and parses query text into the grammar's tree.
///
/// # Errors
/// [`Error::BadQuery`] with the column of the problem.
pub(crate) fn parse(text: &str) -> Result<UserInputAst> {
    if text.trim().is_empty() {
        return Err(bad(
            1,
            "empty query; type some words, e.g. `Putin ceasefire`",
        ));
    }
    check_size(text)?;
    precheck(text)?;
    let (escaped, inserted) = escape_inner_apostrophes(text);
    tantivy_query_grammar::parse_query(&escaped).map_err(|_| {
        let (_, errors) = tantivy_query_grammar::parse_query_lenient(&escaped);
        match errors.first() {
            Some(e) => {
                // Back to a position in what the user typed.
                let before = inserted.iter().filter(|&&at| at < e.pos).count();
                bad(
                    column_of(text, e.pos.saturating_sub(before)),
                    e.message.clone(),
                )
            }
            None => bad(1, "this query does not parse; check operators and quotes"),
        }
    })
}

/// `O'Brien` as one word: an apostrophe between letters is escaped, so the grammar does not
/// read it as the start of a quotation. Returns the text and where backslashes went in.
fn escape_inner_apostrophes(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut inserted = Vec::new();
    let mut previous: Option<char> = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let inner = c == '\''
            && previous.is_some_and(char::is_alphanumeric)
            && chars.peek().is_some_and(|n| n.is_alphanumeric());
        if inner && previous != Some('\\') {
            inserted.push(out.len());
            out.push('\\');
        }
        out.push(c);
        previous = Some(c);
    }
    (out, inserted)
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
            names: None,
            parser,
            date: schema.get_field(DATE)?,
            defaults,
            conjunction,
        })
    }

    /// Follows speakers' other spellings through `index` (see [`crate::Index::speaker_query`]).
    pub(crate) fn with_spellings(mut self, index: &'a crate::index::Index) -> Self {
        self.names = Some(index);
        self
    }

    /// The query of a parsed `ast` (from [`parse`] of `text`): one parse serves builders
    /// of different fields.
    pub(crate) fn build(&self, ast: &UserInputAst, text: &str) -> Result<Box<dyn Query>> {
        self.convert(ast, text)
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
            UserInputLeaf::Exists { field } => Ok(self.exists(field)),
            UserInputLeaf::Literal(l) if field_name == Some(DATE) => {
                let (from, to) = date_span(&l.phrase, text)?;
                Ok(self.date_range(Bound::Included(from), Bound::Excluded(to)))
            }
            UserInputLeaf::Range {
                lower: UserInputBound::Unbounded,
                upper: UserInputBound::Unbounded,
                ..
            } if field_name == Some(DATE) => {
                // `date:[* TO *]`: every paragraph that has a date.
                Ok(Box::new(ExistsQuery::new(DATE.to_string(), false)))
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
                WordOperator::Prefix(word) => {
                    check_pattern(word, text)?;
                    self.prefix(&with_phrase(l, word))
                }
                WordOperator::Fuzzy(word, edits) => {
                    check_pattern(word, text)?;
                    self.fuzzy(&with_phrase(l, word), edits, text)
                }
                WordOperator::Wildcard => {
                    check_pattern(&l.phrase, text)?;
                    self.wildcard(l)
                }
                WordOperator::None if field_name == Some(SPEAKER) => self.speaker(leaf, l, text),
                WordOperator::None => self.parsed(leaf, field_name, text),
            },
            UserInputLeaf::Literal(l) if field_name == Some(SPEAKER) => self.speaker(leaf, l, text),
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

    /// `speaker:Zelenskyy`, `speaker:"Volodymyr Zelensky"`: the words as written, or any
    /// speaker whose other spellings have them.
    fn speaker(
        &self,
        leaf: &UserInputLeaf,
        l: &UserInputLiteral,
        text: &str,
    ) -> Result<Box<dyn Query>> {
        let Some(index) = self.names else {
            return self.parsed(leaf, Some(SPEAKER), text);
        };
        let words = crate::search::name_words(&l.phrase);
        match index.speaker_query(&words)? {
            Some(query) => Ok(query),
            None => self.parsed(leaf, Some(SPEAKER), text),
        }
    }

    /// `speaker:*`, `title:*`: paragraphs with any value in the field. Fields without
    /// column storage are matched through their words (any word at all).
    fn exists(&self, name: &str) -> Box<dyn Query> {
        let schema = self.index.schema();
        // A paragraph with a speaker has a canonical name, which is stored in columns.
        let name = if name == SPEAKER {
            schema::SPEAKER_EXACT
        } else {
            name
        };
        let Ok(field) = schema.get_field(name) else {
            return Box::new(EmptyQuery);
        };
        if schema.get_field_entry(field).is_fast() {
            return Box::new(ExistsQuery::new(name.to_string(), false));
        }
        let mut any = PhrasePrefixQuery::new(vec![Term::from_field_text(field, "")]);
        any.set_max_expansions(u32::MAX);
        Box::new(any)
    }

    fn date_range(&self, lower: Bound<i64>, upper: Bound<i64>) -> Box<dyn Query> {
        let term = |secs: i64| Term::from_field_date(self.date, schema::date_value(secs));
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
            // A range of the term dictionary (what tantivy makes of a one-word phrase
            // prefix): far cheaper than a regular expression run over it.
            let mut query = PhrasePrefixQuery::new(vec![Term::from_field_text(field, &prefix)]);
            // Every word with the prefix, not tantivy's default of the first 50.
            query.set_max_expansions(u32::MAX);
            subs.push((Occur::Should, Box::new(query)));
        }
        Ok(Box::new(BooleanQuery::new(subs)))
    }

    /// `zelenskiy~1`: terms within that many edits (at most 2).
    fn fuzzy(&self, l: &UserInputLiteral, edits: u32, text: &str) -> Result<Box<dyn Query>> {
        let at = || column_of(text, text.find(&format!("{}~", l.phrase)).unwrap_or(0));
        if edits > 2 {
            return Err(bad(
                at(),
                format!(
                    "`{}~{edits}`: a fuzzy word may differ by at most 2 edits; write `{}~2`",
                    l.phrase, l.phrase
                ),
            ));
        }
        let distance = edits as u8;
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
/// [first second, first second after) in Unix seconds. Years beyond what an index stores
/// are allowed here (`date:<3000` means every dated paragraph): the range is clamped later.
fn date_span(value: &str, text: &str) -> Result<(i64, i64)> {
    let value = value.trim_matches('"');
    let err = || {
        let at = text.find(value).unwrap_or(0);
        bad(
            column_of(text, at),
            format!("`{value}` is not a date; write YYYY-MM-DD, YYYY-MM or YYYY"),
        )
    };
    let parts: Vec<&str> = value.split('-').collect();
    let num = |s: &str| {
        (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<i32>().ok())
            .flatten()
    };
    let day = |y: i32, m: i32, d: i32| {
        let (m, d) = (u8::try_from(m).ok()?, u8::try_from(d).ok()?);
        dates::civil_seconds(y, m, d)
    };
    let span = match parts.as_slice() {
        [y] if y.len() == 4 => {
            let y = num(y).ok_or_else(err)?;
            day(y, 1, 1).zip(day(y + 1, 1, 1).or(Some(i64::MAX)))
        }
        [y, m] if y.len() == 4 => {
            let (y, m) = (num(y).ok_or_else(err)?, num(m).ok_or_else(err)?);
            let next = if m == 12 {
                day(y + 1, 1, 1)
            } else {
                day(y, m + 1, 1)
            };
            day(y, m, 1).zip(next.or(Some(i64::MAX)))
        }
        [y, m, d] if y.len() == 4 => {
            let (y, m, d) = (num(y), num(m), num(d));
            y.zip(m)
                .zip(d)
                .and_then(|((y, m), d)| day(y, m, d))
                .map(|from| (from, from + 86_400))
        }
        _ => match dates::parse(value) {
            dates::Parsed::Date(d) => {
                let from = d.to_unix_seconds();
                Some((from, from + 86_400))
            }
            _ => None,
        },
    };
    span.ok_or_else(err)
}

/// A prefix, fuzzy or wildcard word no longer than any indexed word can be.
fn check_pattern(word: &str, text: &str) -> Result<()> {
    let chars = word.chars().filter(|c| !matches!(c, '*' | '?')).count();
    if chars <= MAX_PATTERN_CHARS {
        return Ok(());
    }
    let shown: String = word.chars().take(20).collect();
    Err(bad(
        column_of(text, text.find(word).unwrap_or(0)),
        format!(
            "`{shown}…` has {chars} letters; a prefix, fuzzy or wildcard word may have at most \
             {MAX_PATTERN_CHARS} (no indexed word is longer)"
        ),
    ))
}

/// Refuses queries too long or too deeply nested to parse safely, naming the column where
/// the limit is passed.
fn check_size(text: &str) -> Result<()> {
    if text.len() > MAX_QUERY_BYTES {
        let mut at = MAX_QUERY_BYTES;
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        return Err(bad(
            column_of(text, at),
            format!(
                "the query is {} bytes long; the limit is {MAX_QUERY_BYTES}",
                text.len()
            ),
        ));
    }
    let mut parens = 0usize;
    let mut unary = 0usize;
    for (at, word) in words_outside_quotes(text) {
        match word {
            "(" => parens += 1,
            ")" => {
                parens = parens.saturating_sub(1);
                unary = 0;
            }
            "NOT" => unary += 1,
            _ => {
                let signs = word.chars().take_while(|c| matches!(c, '-' | '+')).count();
                // A sign on its own or before "(" is an operator too; a word ends the chain.
                unary = if signs == word.len() {
                    unary + signs
                } else {
                    0
                };
            }
        }
        if parens + unary > MAX_QUERY_DEPTH {
            return Err(bad(
                column_of(text, at),
                format!(
                    "the query nests deeper than {MAX_QUERY_DEPTH} levels of parentheses and \
                     NOT; simplify it"
                ),
            ));
        }
    }
    Ok(())
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
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
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
    fn oversized_and_deep_queries_are_refused_with_a_column() {
        let nots = "NOT ".repeat(1000) + "x";
        let parens = "(".repeat(9000) + "x" + &")".repeat(9000);
        let deep = "(".repeat(40) + "x" + &")".repeat(40);
        for text in [nots.as_str(), parens.as_str(), deep.as_str()] {
            let err = check_size(text).unwrap_err().to_string();
            assert!(err.contains("limit") || err.contains("nests"), "{err}");
        }
        let err = check_size(&"NOT ".repeat(40)).unwrap_err().to_string();
        assert!(err.contains("column 129"), "{err}");
        assert!(check_size(&("(".repeat(10) + "x" + &")".repeat(10))).is_ok());
        assert!(check_size(&"a OR ".repeat(1000)).is_ok());
    }

    #[test]
    fn long_patterns_are_refused() {
        let long = "a".repeat(130_000) + "~1";
        assert!(check_pattern(&long, &long).is_err());
        assert!(check_pattern("zelensk*", "").is_ok());
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
        let d = |y, m, day| dates::civil_seconds(y, m, day).unwrap();
        let table = [
            ("2025-03-14", (d(2025, 3, 14), d(2025, 3, 15))),
            ("2025-03", (d(2025, 3, 1), d(2025, 4, 1))),
            ("2025-12", (d(2025, 12, 1), d(2026, 1, 1))),
            ("2025", (d(2025, 1, 1), d(2026, 1, 1))),
            ("3000", (d(3000, 1, 1), d(3001, 1, 1))),
            ("9999", (d(9999, 1, 1), i64::MAX)),
        ];
        for (text, span) in table {
            assert_eq!(date_span(text, "").unwrap(), span, "{text}");
        }
        for text in [
            "2025-13",
            "soon",
            "2025-03-1é",
            "2025-02-30",
            "20250-01",
            "-1",
        ] {
            assert!(date_span(text, "").is_err(), "{text}");
        }
    }

    #[test]
    fn unknown_fields_suggest_the_nearest() {
        let err = check_field("spaker", "spaker:x").unwrap_err().to_string();
        assert!(err.contains("did you mean `speaker`"), "{err}");
        assert!(err.contains("column 1"), "{err}");
        assert!(check_field("speaker", "").is_ok());
    }
}
