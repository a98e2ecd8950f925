//! Article text -> [`Article`]: front matter, header block, headings, page chrome and the two
//! paragraph layouts. Also JSON Lines, and finding article files in a folder.
//!
//! Owns what counts as a paragraph, a section heading and an article's metadata. It does not
//! find speakers (see [`crate::attribution`]) and knows nothing of the index. The pure
//! functions ([`parse`], [`parse_jsonl`]) do the work; [`read`] wraps them with file access.

use std::fs;
use std::path::Path;

use serde::Deserialize;

use crate::dates::{self, Date, Parsed};
use crate::error::{Error, Result};

mod jsonl;
mod walk;

pub use crate::model::{Article, Diagnostic, Paragraph};
pub use jsonl::parse_jsonl;
pub use walk::{Walk, discover};

/// Builders that split text as the reader does.
impl Article {
    /// Appends one paragraph, its white space collapsed; a blank one is left out.
    pub fn with_paragraph(mut self, text: impl Into<String>) -> Article {
        let text = into_collapsed(text.into());
        if !text.is_empty() {
            self.paragraphs.push(Paragraph::new(None, text));
        }
        self
    }

    /// Appends the paragraphs of a body text, split as files are (blank lines or one per line,
    /// Markdown headings as sections).
    pub fn with_body(mut self, body: &str) -> Article {
        let lines: Vec<&str> = body.lines().collect();
        self.paragraphs.extend(split_paragraphs(&lines));
        self
    }
}

/// How to read articles.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct ReadOptions {
    /// Year for dates written without one ("Mar 14"); without it such articles get no date.
    pub assume_year: Option<i32>,
    /// Largest file read, in bytes ([`DEFAULT_MAX_FILE_BYTES`] by default); a larger one is
    /// reported and skipped.
    pub max_file_bytes: u64,
}

/// Default limit on the size of one input file: 256 MiB.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 256 << 20;

impl Default for ReadOptions {
    fn default() -> ReadOptions {
        ReadOptions {
            assume_year: None,
            max_file_bytes: DEFAULT_MAX_FILE_BYTES,
        }
    }
}

impl ReadOptions {
    /// Options that skip files larger than `bytes`.
    pub fn with_max_file_bytes(mut self, bytes: u64) -> ReadOptions {
        self.max_file_bytes = bytes;
        self
    }

    /// Options that complete year-less dates with `year`.
    pub fn with_assume_year(mut self, year: Option<i32>) -> ReadOptions {
        self.assume_year = year;
        self
    }
}

/// The articles read from one input, and what was noticed on the way.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct Source {
    /// Articles in file order.
    pub articles: Vec<Article>,
    /// Warnings and skipped parts, in order.
    pub diagnostics: Vec<Diagnostic>,
    /// Articles of lines that could not be read (JSON Lines): each one's id where it could
    /// be made out of the broken line, `None` where not. The indexer keeps the old version
    /// of these instead of deleting it.
    pub unreadable: Vec<Option<String>>,
}

impl Source {
    /// A source holding `articles` and nothing else.
    pub fn of(articles: Vec<Article>) -> Source {
        Source {
            articles,
            ..Source::default()
        }
    }
}

/// Kinds of input file, from the file name's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text or Markdown, optionally with YAML front matter: one article.
    Text,
    /// JSON Lines: one article per line.
    JsonLines,
}

impl Format {
    /// The format for a path, or `None` for files whosaid does not read.
    pub fn of(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "md" | "markdown" => Some(Format::Text),
            "jsonl" | "ndjson" => Some(Format::JsonLines),
            _ => None,
        }
    }
}

/// The id of a file's article: its path relative to `root`, `/`-separated.
pub fn relative_id(path: &Path, root: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let rel = if rel.as_os_str().is_empty() {
        Path::new(path.file_name().unwrap_or(path.as_os_str()))
    } else {
        rel
    };
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Reads the articles of one file; `root` is the corpus folder its id is relative to.
///
/// # Errors
/// [`Error::Io`] when the file cannot be read, [`Error::BadArticle`] when it is not UTF-8
/// text, is empty, or (for text files) cannot be parsed.
pub fn read(path: &Path, root: &Path, options: &ReadOptions) -> Result<Source> {
    let bytes = read_bytes(path, options)?;
    parse_bytes(&bytes, path, &relative_id(path, root), options)
}

/// The bytes of a regular file no larger than the limit. A FIFO or device is refused before
/// it is opened (reading one could block or never end).
///
/// # Errors
/// [`Error::Io`] when the file cannot be read, [`Error::BadArticle`] when it is not a
/// regular file or is too large.
pub fn read_bytes(path: &Path, options: &ReadOptions) -> Result<Vec<u8>> {
    use std::io::Read;
    let bad = |message: String| Error::BadArticle {
        location: path.display().to_string(),
        message,
    };
    let meta = fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if !meta.is_file() {
        return Err(bad("not a regular file".into()));
    }
    let limit = options.max_file_bytes;
    let too_large = || {
        bad(format!(
            "larger than the limit of {} (raise it with --max-file-size)",
            human_bytes(limit)
        ))
    };
    if meta.len() > limit {
        return Err(too_large());
    }
    let file = fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // The file may grow while read: never read past the limit.
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(path, e))?;
    if bytes.len() as u64 > limit {
        return Err(too_large());
    }
    Ok(bytes)
}

fn human_bytes(bytes: u64) -> String {
    if bytes >= 1 << 20 && bytes.is_multiple_of(1 << 20) {
        format!("{} MB", bytes >> 20)
    } else {
        format!("{bytes} bytes")
    }
}

/// Parses file contents already in memory, as [`read`] does.
///
/// # Errors
/// As [`read`], less the I/O.
pub fn parse_bytes(bytes: &[u8], path: &Path, id: &str, options: &ReadOptions) -> Result<Source> {
    let location = path.display().to_string();
    let bad = |message: String| Error::BadArticle {
        location: location.clone(),
        message,
    };
    if bytes.contains(&0) {
        return Err(bad("binary file (contains NUL bytes)".into()));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        bad(format!("not UTF-8 text (invalid byte on line {line})"))
    })?;
    if text.trim().is_empty() {
        return Err(bad("empty file".into()));
    }
    match Format::of(path).unwrap_or(Format::Text) {
        Format::JsonLines => Ok(parse_jsonl(text, id, &location, options)),
        Format::Text => {
            let mut diagnostics = Vec::new();
            let article = parse(text, id, options, &mut |message| {
                diagnostics.push(Diagnostic {
                    location: location.clone(),
                    message,
                    is_error: false,
                })
            })
            .map_err(bad)?;
            let mut source = Source::of(vec![article]);
            source.diagnostics = diagnostics;
            Ok(source)
        }
    }
}

#[derive(Debug, Default, Deserialize)]
struct FrontMatter {
    id: Option<serde_yaml_ng::Value>,
    title: Option<String>,
    source: Option<String>,
    author: Option<String>,
    url: Option<String>,
    date: Option<serde_yaml_ng::Value>,
}

/// Parses one text or Markdown article. `warn` hears about dates that could not be used.
///
/// # Errors
/// A message when the front matter is malformed or the article has no paragraphs.
///
/// # Examples
/// ```
/// use whosaid::article::{parse, ReadOptions};
/// let text = "---\ntitle: Talks\ndate: 2025-03-14\n---\n\nFirst paragraph.\n\nSecond one.\n";
/// let article = parse(text, "talks.md", &ReadOptions::default(), &mut |_| {}).unwrap();
/// assert_eq!(article.title.as_deref(), Some("Talks"));
/// assert_eq!(article.paragraphs.len(), 2);
/// ```
pub fn parse(
    text: &str,
    id: &str,
    options: &ReadOptions,
    warn: &mut dyn FnMut(String),
) -> std::result::Result<Article, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines: Vec<&str> = text.lines().map(|l| l.trim_end_matches('\r')).collect();
    let (front, body) = split_front_matter(&lines)?;
    let mut article = Article::new(id);
    let mut raw_date = None;
    if let Some(front) = front {
        if let Some(value) = front.id.as_ref().and_then(yaml_scalar) {
            article.id = value;
        }
        article.title = front.title.filter(|s| !s.trim().is_empty());
        article.source = front.source.filter(|s| !s.trim().is_empty());
        article.author = front.author.filter(|s| !s.trim().is_empty());
        article.url = front.url.filter(|s| !s.trim().is_empty());
        raw_date = front.date.as_ref().and_then(yaml_scalar);
    }
    let body = read_header_block(body, &mut article, &mut raw_date);
    let body = read_markdown_title(body, &mut article);
    let body = read_byline(body, &mut article);
    if let Some(raw) = raw_date {
        article.date = complete_date(&raw, options, warn);
    }
    article.paragraphs = split_paragraphs(body);
    if article.paragraphs.is_empty() {
        return Err("no paragraphs of text".into());
    }
    Ok(article)
}

fn yaml_scalar(value: &serde_yaml_ng::Value) -> Option<String> {
    match value {
        serde_yaml_ng::Value::String(s) => Some(s.clone()),
        serde_yaml_ng::Value::Number(n) => Some(n.to_string()),
        serde_yaml_ng::Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

pub(crate) fn complete_date(
    raw: &str,
    options: &ReadOptions,
    warn: &mut dyn FnMut(String),
) -> Option<Date> {
    let parsed = dates::parse(raw);
    let date = parsed.with_year(options.assume_year);
    if date.is_none() {
        warn(match parsed {
            Parsed::NoYear { .. } => format!(
                "date `{raw}` has no year; paragraphs get no date (give one with --assume-year YEAR)"
            ),
            Parsed::Ambiguous => {
                format!("date `{raw}` is ambiguous (day/month?); paragraphs get no date")
            }
            _ => format!("date `{raw}` is not understood; paragraphs get no date"),
        });
    }
    date
}

/// A `---` YAML block at the very top, closed by `---` or `...`.
fn split_front_matter<'a>(
    lines: &'a [&'a str],
) -> std::result::Result<(Option<FrontMatter>, &'a [&'a str]), String> {
    if lines.first().map(|l| l.trim_end()) != Some("---") {
        return Ok((None, lines));
    }
    let Some(end) = lines[1..]
        .iter()
        .position(|l| matches!(l.trim_end(), "---" | "..."))
    else {
        return Err("front matter opened with `---` on line 1 is never closed".into());
    };
    let block = &lines[1..=end];
    let yaml = || block.join("\n");
    let front = if block.iter().all(|l| l.trim().is_empty()) {
        FrontMatter::default()
    } else if let Some(front) = simple_front_matter(block) {
        front
    } else {
        serde_yaml_ng::from_str(&yaml()).map_err(|e| {
            // The YAML error counts lines from the block's start; the file has `---` above it.
            match e.location() {
                Some(loc) => format!("front matter, line {}: {e}", loc.line() + 1),
                None => format!("front matter: {e}"),
            }
        })?
    };
    Ok((Some(front), &lines[end + 2..]))
}

/// Front matter of the common shape, read without the YAML parser (which costs more than
/// the rest of reading an article): one `key: value` line for each of some known keys, each
/// value a run of words, a `YYYY-MM-DD` date, or double-quoted text with no escapes. `None`
/// for anything else, which the YAML parser reads; what is read here, it reads alike.
fn simple_front_matter(lines: &[&str]) -> Option<FrontMatter> {
    let mut front = FrontMatter::default();
    let mut seen: Vec<&str> = Vec::new();
    for line in lines {
        let (key, rest) = line.split_once(": ")?;
        // A key given twice is an error for the YAML parser.
        if seen.contains(&key) {
            return None;
        }
        seen.push(key);
        let value = rest.trim_matches(' ');
        let text = || simple_scalar(value).map(str::to_string);
        match key {
            "title" => front.title = Some(text()?),
            "source" => front.source = Some(text()?),
            "author" => front.author = Some(text()?),
            "url" => front.url = Some(text()?),
            "id" => front.id = Some(serde_yaml_ng::Value::String(text()?)),
            "date" if is_iso_date(value) => {
                front.date = Some(serde_yaml_ng::Value::String(value.to_string()));
            }
            "date" => front.date = Some(serde_yaml_ng::Value::String(text()?)),
            _ => return None,
        }
    }
    Some(front)
}

/// A YAML scalar that is text whatever the schema: words that start with a letter and are
/// not `null`, `true`, `yes`, `nan` and the like, or double quotes around text with no
/// escapes.
fn simple_scalar(value: &str) -> Option<&str> {
    if let Some(inner) = value.strip_prefix('"').and_then(|v| v.strip_suffix('"')) {
        let is_plain_text = |c: char| {
            c.is_alphanumeric()
                || c == ' '
                || (c.is_ascii_punctuation() && !matches!(c, '"' | '\\'))
                || matches!(c, '‘' | '’' | '“' | '”' | '–' | '—' | '…')
        };
        return inner.chars().all(is_plain_text).then_some(inner);
    }
    let is_word_text = |c: char| {
        c.is_alphanumeric() || matches!(c, ' ' | '.' | ',' | '\'' | '’' | '-' | '(' | ')' | '/')
    };
    let special = [
        "null", "true", "false", "yes", "no", "on", "off", "y", "n", "nan", "inf", "infinity",
    ];
    let is_plain = value.starts_with(char::is_alphabetic)
        && value.chars().all(is_word_text)
        && !special.iter().any(|w| value.eq_ignore_ascii_case(w));
    is_plain.then_some(value)
}

/// `2025-06-21`: a date, which YAML reads as text.
fn is_iso_date(value: &str) -> bool {
    let b = value.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        })
}

/// The header block of pages saved from blogs: a title line, then `- Author`, `- Mar 14`,
/// `- 3 min read` lines, then a blank line (seed article 000).
fn read_header_block<'a>(
    body: &'a [&'a str],
    article: &mut Article,
    raw_date: &mut Option<String>,
) -> &'a [&'a str] {
    let start = body.iter().take_while(|l| l.trim().is_empty()).count();
    let block = &body[start..];
    let len = block.iter().take_while(|l| !l.trim().is_empty()).count();
    if !(2..=6).contains(&len)
        || !block[1..len]
            .iter()
            .all(|l| l.trim_start().starts_with("- "))
    {
        return body;
    }
    let title = block[0].trim().trim_start_matches('#').trim();
    if article.title.is_none() {
        article.title = Some(title.to_string());
    }
    for line in &block[1..len] {
        let value = line.trim_start()[2..].trim();
        if is_reading_time(value) || value.is_empty() {
            continue;
        }
        if !matches!(dates::parse(value), Parsed::Invalid) {
            raw_date.get_or_insert_with(|| value.to_string());
        } else if article.author.is_none() {
            article.author = Some(value.trim_start_matches("By ").to_string());
        }
    }
    &block[len..]
}

fn is_reading_time(value: &str) -> bool {
    let lower = value.to_ascii_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    matches!(words.as_slice(), [n, "min" | "mins" | "minute" | "minutes", "read"] if n.parse::<u32>().is_ok())
}

/// A "By Jane Roe" line opening the body is the byline, not a paragraph.
fn read_byline<'a>(body: &'a [&'a str], article: &mut Article) -> &'a [&'a str] {
    let start = body.iter().take_while(|l| l.trim().is_empty()).count();
    let Some(line) = body.get(start).map(|l| l.trim()) else {
        return body;
    };
    let Some(names) = line
        .strip_prefix("By ")
        .or_else(|| line.strip_prefix("by "))
    else {
        return body;
    };
    let words: Vec<&str> = names.split_whitespace().collect();
    let is_byline = !words.is_empty()
        && words.len() <= 8
        && !names.ends_with(['.', '?', '!'])
        && words.iter().all(|w| {
            w.chars().next().is_some_and(|c| c.is_uppercase())
                || matches!(
                    *w,
                    "and" | "&" | "in" | "de" | "van" | "von" | "|" | "-" | "—"
                )
        });
    if !is_byline {
        return body;
    }
    if article.author.is_none() {
        article.author = Some(names.trim_end_matches(',').to_string());
    }
    &body[start + 1..]
}

/// A Markdown `# Title` as the first line gives the title when none is known.
fn read_markdown_title<'a>(body: &'a [&'a str], article: &mut Article) -> &'a [&'a str] {
    let start = body.iter().take_while(|l| l.trim().is_empty()).count();
    match body.get(start) {
        Some(line) if line.starts_with("# ") && article.title.is_none() => {
            article.title = Some(line[2..].trim().to_string());
            &body[start + 1..]
        }
        _ => body,
    }
}

/// Splits body lines into paragraphs. Blocks are separated by blank lines; a block whose
/// lines each end a sentence (or are headings) holds one paragraph per line, as in the
/// seeds; any other block is one paragraph wrapped over several lines.
pub(crate) fn split_paragraphs(lines: &[&str]) -> Vec<Paragraph> {
    let mut paragraphs = Vec::new();
    let mut section: Option<String> = None;
    let mut pending_heading: Option<String> = None;
    for block in lines.split(|l| l.trim().is_empty()) {
        let block: Vec<&str> = block.iter().map(|l| l.trim()).collect();
        if block.is_empty() {
            continue;
        }
        // A line that starts in lowercase continues the one above: the block is wrapped.
        let one_per_line = block.len() > 1
            && block
                .iter()
                .all(|l| ends_sentence(l) || heading_text(l, true).is_some())
            && block[1..].iter().all(|l| !starts_lowercase(l));
        let units: Vec<String> = if one_per_line {
            block.iter().map(|l| l.to_string()).collect()
        } else if block.iter().all(|l| l.starts_with('#')) {
            block.iter().map(|l| l.to_string()).collect()
        } else {
            vec![block.join(" ")]
        };
        for unit in units {
            if is_chrome(&unit) {
                continue;
            }
            if let Some(heading) = heading_text(&unit, one_per_line || block.len() == 1) {
                pending_heading = Some(heading);
                continue;
            }
            if let Some(heading) = pending_heading.take() {
                section = Some(heading);
            }
            paragraphs.push(Paragraph::new(section.clone(), into_collapsed(unit)));
        }
    }
    paragraphs
}

fn starts_lowercase(line: &str) -> bool {
    line.chars().next().is_some_and(char::is_lowercase)
}

/// `text` with every run of whitespace made one space, and none at either end.
fn collapse_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// [`collapse_spaces`] for a string of one's own: most paragraphs have nothing to collapse,
/// and then the string is kept as it is.
pub(crate) fn into_collapsed(text: String) -> String {
    if is_collapsed(&text) {
        text
    } else {
        collapse_spaces(&text)
    }
}

/// True when the only whitespace in `text` is single spaces between words.
fn is_collapsed(text: &str) -> bool {
    // ASCII text with no tab or line break, found in one pass that the compiler vectorises:
    // then only spaces can need collapsing.
    let is_plain = text.bytes().fold(true, |plain, b| {
        plain & b.is_ascii() & !(b'\t'..=b'\r').contains(&b)
    });
    if is_plain {
        return !text.starts_with(' ') && !text.ends_with(' ') && !text.contains("  ");
    }
    let mut after_space = true;
    for (i, &b) in text.as_bytes().iter().enumerate() {
        match b {
            b' ' if after_space => return false,
            b' ' => after_space = true,
            b'\t'..=b'\r' => return false,
            // The first byte of a character beyond ASCII, which may be white space (U+00A0).
            0xC0.. if text[i..].starts_with(char::is_whitespace) => return false,
            _ => after_space = false,
        }
    }
    !after_space || text.is_empty()
}

fn ends_sentence(line: &str) -> bool {
    let trimmed = line.trim_end_matches(['"', '”', '’', '\'', ')', ']', '*', '_']);
    trimmed.ends_with(['.', '?', '!', '…', ':', ';'])
        || (trimmed.len() < line.len() && trimmed.ends_with([',', '—']))
}

/// A line that is a heading: Markdown `#`, or a short Title Case line with no sentence end
/// and no quotation (only recognised where `bare` headings are possible).
fn heading_text(line: &str, bare: bool) -> Option<String> {
    let line = line.trim();
    if line.starts_with('#') {
        let text = line.trim_start_matches('#').trim();
        return (!text.is_empty()).then(|| text.to_string());
    }
    if !bare || line.chars().count() > 90 {
        return None;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.is_empty() || words.len() > 12 {
        return None;
    }
    let last = line.chars().last()?;
    if matches!(last, '.' | ',' | ';' | ':' | '"' | '”') || line.contains(['"', '“']) {
        return None;
    }
    if last == '?' && words.len() > 6 {
        return None;
    }
    let content: Vec<&&str> = words.iter().filter(|w| w.chars().count() > 3).collect();
    let capitalised = content
        .iter()
        .filter(|w| {
            w.trim_start_matches(['‘', '\'', '(', '“'])
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_numeric())
        })
        .count();
    let first_upper = words[0]
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_numeric());
    (first_upper && capitalised * 10 >= content.len() * 7).then(|| line.to_string())
}

/// Lines that belong to the web page, not the article.
fn is_chrome(line: &str) -> bool {
    let line = line.trim();
    // Photo captions and credits are not paragraphs of the story.
    const CAPTIONS: [&str; 9] = [
        "Photo:",
        "Photograph:",
        "Image:",
        "Picture:",
        "Credit:",
        "Illustration:",
        "Image caption",
        "Image source",
        "(Photo",
    ];
    if CAPTIONS.iter().any(|c| line.starts_with(c)) {
        return true;
    }
    // Chrome lines are short; running text is not worth lowercasing here.
    if line.len() > 40 {
        return false;
    }
    let lower = line.trim_end_matches(':').to_lowercase();
    const CHROME: [&str; 12] = [
        "comments",
        "share",
        "share this article",
        "advertisement",
        "read more",
        "related",
        "related articles",
        "subscribe",
        "sign up",
        "sponsored",
        "leave a comment",
        "show comments",
    ];
    CHROME.contains(&lower.as_str())
        || is_reading_time(&lower)
        || lower
            .split_once(' ')
            .is_some_and(|(n, rest)| n.parse::<u32>().is_ok() && rest == "comments")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_ok(text: &str) -> Article {
        parse(text, "t.md", &ReadOptions::default(), &mut |_| {}).unwrap()
    }

    fn texts(article: &Article) -> Vec<&str> {
        article.paragraphs.iter().map(|p| p.text.as_str()).collect()
    }

    #[test]
    fn blank_line_layout_joins_wrapped_lines() {
        let a = parse_ok("The first paragraph is\nwrapped over two lines.\n\nThe second.\n");
        assert_eq!(
            texts(&a),
            [
                "The first paragraph is wrapped over two lines.",
                "The second."
            ]
        );
    }

    #[test]
    fn one_paragraph_per_line_layout() {
        let a = parse_ok("First sentence here.\n“A quote,” he said.\nThird line ends here!\n");
        assert_eq!(a.paragraphs.len(), 3);
    }

    #[test]
    fn header_block_gives_title_author_and_date() {
        let text = "Big Title Here\n- C MONEY\n- Mar 14\n- 3 min read\n\nHeading Of A Part\nBody line one.\nBody line two.\nComments";
        let mut warnings = Vec::new();
        let options = ReadOptions::default().with_assume_year(Some(2025));
        let a = parse(text, "x", &options, &mut |w| warnings.push(w)).unwrap();
        assert_eq!(a.title.as_deref(), Some("Big Title Here"));
        assert_eq!(a.author.as_deref(), Some("C MONEY"));
        assert_eq!(a.date, Date::new(2025, 3, 14));
        assert_eq!(texts(&a), ["Body line one.", "Body line two."]);
        assert_eq!(
            a.paragraphs[0].section.as_deref(),
            Some("Heading Of A Part")
        );
        assert!(warnings.is_empty());
    }

    #[test]
    fn date_without_year_warns_and_gives_no_date() {
        let mut warnings = Vec::new();
        let text = "Title\n- Mar 14\n\nBody.";
        let a = parse(text, "x", &ReadOptions::default(), &mut |w| {
            warnings.push(w)
        })
        .unwrap();
        assert_eq!(a.date, None);
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].contains("--assume-year"), "{}", warnings[0]);
    }

    #[test]
    fn front_matter_sets_metadata_and_ignores_unknown_keys() {
        let text = "---\nid: abc-1\ntitle: \"A: title\"\nsource: Wire\nauthor: Jo\nurl: https://x.test/a\ndate: March 14, 2025\ntags: [a, b]\n---\nBody text.\n";
        let a = parse_ok(text);
        assert_eq!(a.id, "abc-1");
        assert_eq!(a.title.as_deref(), Some("A: title"));
        assert_eq!(a.source.as_deref(), Some("Wire"));
        assert_eq!(a.url.as_deref(), Some("https://x.test/a"));
        assert_eq!(a.date, Date::new(2025, 3, 14));
        assert_eq!(texts(&a), ["Body text."]);
    }

    #[test]
    fn malformed_front_matter_is_an_error_with_a_line() {
        let err = parse(
            "---\ntitle: [unclosed\n---\nBody.",
            "x",
            &ReadOptions::default(),
            &mut |_| {},
        )
        .unwrap_err();
        assert!(err.contains("front matter"), "{err}");
        let err = parse(
            "---\ntitle: x\nBody.",
            "x",
            &ReadOptions::default(),
            &mut |_| {},
        )
        .unwrap_err();
        assert!(err.contains("never closed"), "{err}");
    }

    #[test]
    fn markdown_headings_become_sections() {
        let a =
            parse_ok("# The Title\n\nIntro para.\n\n## Part Two\n\nSecond para.\nstill second.\n");
        assert_eq!(a.title.as_deref(), Some("The Title"));
        assert_eq!(texts(&a), ["Intro para.", "Second para. still second."]);
        assert_eq!(a.paragraphs[0].section, None);
        assert_eq!(a.paragraphs[1].section.as_deref(), Some("Part Two"));
    }

    #[test]
    fn bylines_and_captions_are_not_paragraphs() {
        let a = parse_ok(
            "By Jane Roe and Tom Cole\n\nFirst paragraph.\n\nPhoto: Reuters/John Doe\n\nSecond.\n",
        );
        assert_eq!(a.author.as_deref(), Some("Jane Roe and Tom Cole"));
        assert_eq!(texts(&a), ["First paragraph.", "Second."]);
        // A sentence that starts with "By" is a paragraph.
        let a = parse_ok("By noon the square was full.\n\nSecond.\n");
        assert_eq!(texts(&a), ["By noon the square was full.", "Second."]);
    }

    #[test]
    fn crlf_and_bom_are_handled() {
        let a = parse_ok("\u{feff}One.\r\n\r\nTwo.\r\n");
        assert_eq!(texts(&a), ["One.", "Two."]);
    }

    #[test]
    fn binary_empty_and_non_utf8_files_are_bad_articles() {
        let o = ReadOptions::default();
        let p = Path::new("x.txt");
        for bytes in [&b"\0\x01binary"[..], b"  \n\n", b"ok line\n\xff\xfe bad"] {
            let err = parse_bytes(bytes, p, "x.txt", &o).unwrap_err();
            assert!(matches!(err, Error::BadArticle { .. }), "{err}");
        }
        let err = parse_bytes(b"ok line\n\xff bad", p, "x", &o).unwrap_err();
        assert!(err.to_string().contains("line 2"), "{err}");
    }

    #[test]
    fn relative_ids_use_forward_slashes() {
        assert_eq!(
            relative_id(Path::new("corpus/a/b.md"), Path::new("corpus")),
            "a/b.md"
        );
        assert_eq!(
            relative_id(Path::new("corpus/b.md"), Path::new("corpus/b.md")),
            "b.md"
        );
    }

    #[test]
    fn collapsing_keeps_what_has_nothing_to_collapse() {
        for text in [
            "",
            "one",
            "one two",
            " one",
            "one ",
            "one  two",
            "one\ttwo",
            "one\u{a0}two",
            "one\u{2003} two",
            "“Quoted,” she said.",
            "   ",
        ] {
            let expected = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(into_collapsed(text.to_string()), expected, "{text:?}");
            assert_eq!(is_collapsed(text), text == expected, "{text:?}");
        }
    }

    #[test]
    fn simple_front_matter_reads_as_yaml_does() {
        let yaml = |text: &str| {
            let front: FrontMatter = serde_yaml_ng::from_str(text).unwrap();
            format!("{front:?}")
        };
        let simple = [
            "title: Talks resume\nsource: Daily Courier\nauthor: Jo O’Neill\ndate: 2025-06-21",
            "id: gen-000001\ntitle: \"A: title, with ‘quotes’ and (more)!\"",
            "title: \"\"\nurl: \"https://x.test/a?b=1&c=2#top\"",
            "date: March 14, 2025\nsource: C MONEY (blog)",
            "title:   Spaces around   ",
        ];
        for text in simple {
            let lines: Vec<&str> = text.lines().collect();
            let front = simple_front_matter(&lines).expect(text);
            assert_eq!(format!("{front:?}"), yaml(text), "{text}");
        }
        let for_yaml = [
            "title: null",
            "title: yes",
            "title: No",
            "id: 123",
            "id: 000_a5aa",
            "date: 2025-6-21",
            "title: a # comment",
            "title: \"esc\\\"aped\"",
            "title: x\ntitle: y",
            "tags: [a, b]",
            "title:x",
            "title: 'single'",
            "title: -dash",
            "title: a: b",
            "# comment",
            " title: indented",
        ];
        for text in for_yaml {
            let lines: Vec<&str> = text.lines().collect();
            assert!(simple_front_matter(&lines).is_none(), "{text}");
        }
    }

    #[test]
    fn heading_detection() {
        for (line, is_heading) in [
            ("Ceasefire Talks Hang in the Balance", true),
            ("What’s Next?", true),
            ("Zelensky Calls Putin’s Offer ‘Manipulative’", true),
            ("U.S. Increases Pressure on Moscow", true),
            ("Despite diplomatic efforts, fighting continues.", false),
            ("\"Why?\"", false),
            ("the lower case line", false),
        ] {
            assert_eq!(heading_text(line, true).is_some(), is_heading, "{line}");
        }
    }
}
