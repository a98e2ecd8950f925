//! Hits and parsed paragraphs -> text for people or JSON Lines for programs, into any
//! `impl Write`. Knows nothing of tantivy.
//!
//! The JSON keys are a contract (see the README): present on every line, `null` when
//! unknown, added to but never renamed.

use std::io::{self, Write};

use serde::Serialize;

use crate::article::{Article, Paragraph};
use crate::attribution::Cue;
use crate::dates::Date;
use crate::model::Quotation;
use crate::search::{Bucket, Context, Hit, SearchResults};

/// How to print for people.
#[derive(Debug, Clone, Copy, Default)]
pub struct Style {
    /// Use ANSI colour and bold.
    pub color: bool,
    /// Print each hit's quotations with their speakers instead of its snippet.
    pub quotes: bool,
}

const BOLD: &str = "\x1b[1m";
const DIM: &str = "\x1b[2m";
const MATCH: &str = "\x1b[1;33m";
const RESET: &str = "\x1b[0m";

impl Style {
    fn paint(self, code: &str, text: &str) -> String {
        if self.color {
            format!("{code}{text}{RESET}")
        } else {
            text.to_string()
        }
    }
}

/// The keys every JSON line of an indexed paragraph has (`show`, and hits first).
#[derive(Debug, Serialize)]
struct ParagraphKeys<'a> {
    article: &'a str,
    title: Option<&'a str>,
    source: Option<&'a str>,
    author: Option<&'a str>,
    url: Option<&'a str>,
    date: Option<Date>,
    paragraph: u64,
    section: Option<&'a str>,
    speakers: &'a [String],
    text: &'a str,
    quotes: Vec<QuoteLine<'a>>,
}

/// A quotation in JSON: its words, their byte range in `text`, and who says them.
#[derive(Debug, Serialize)]
struct QuoteLine<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    speaker: Option<&'a str>,
}

impl<'a> QuoteLine<'a> {
    fn all(quotes: &'a [Quotation], text: &'a str) -> Vec<QuoteLine<'a>> {
        quotes
            .iter()
            .map(|q| QuoteLine {
                text: q.text(text),
                start: q.start,
                end: q.end,
                speaker: q.speaker.as_deref(),
            })
            .collect()
    }
}

impl<'a> ParagraphKeys<'a> {
    fn of(hit: &'a Hit) -> ParagraphKeys<'a> {
        ParagraphKeys {
            article: &hit.article,
            title: hit.title.as_deref(),
            source: hit.source.as_deref(),
            author: hit.author.as_deref(),
            url: hit.url.as_deref(),
            date: hit.date,
            paragraph: hit.paragraph,
            section: hit.section.as_deref(),
            speakers: &hit.speakers,
            text: &hit.text,
            quotes: QuoteLine::all(&hit.quotes, &hit.text),
        }
    }
}

/// One JSON line per hit.
#[derive(Debug, Serialize)]
struct HitLine<'a> {
    #[serde(flatten)]
    paragraph: ParagraphKeys<'a>,
    snippet: &'a str,
    score: f32,
    /// Byte ranges of matched words in `text`.
    highlights: Vec<[usize; 2]>,
    /// The same words' byte ranges in `snippet`.
    snippet_highlights: Vec<[usize; 2]>,
    #[serde(skip_serializing_if = "<[Context]>::is_empty")]
    context_before: &'a [Context],
    #[serde(skip_serializing_if = "<[Context]>::is_empty")]
    context_after: &'a [Context],
    #[serde(skip_serializing_if = "Option::is_none")]
    other_matches: Option<u64>,
}

/// One JSON line per parsed paragraph.
#[derive(Debug, Serialize)]
struct ParagraphLine<'a> {
    article: &'a str,
    title: Option<&'a str>,
    source: Option<&'a str>,
    author: Option<&'a str>,
    url: Option<&'a str>,
    date: Option<Date>,
    paragraph: usize,
    section: Option<&'a str>,
    speakers: Vec<&'a str>,
    text: &'a str,
    quotes: Vec<QuoteLine<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cues: Option<Vec<CueLine<'a>>>,
    /// With `--explain`: why a paragraph with a quotation or speech verb got no speaker.
    #[serde(skip_serializing_if = "Option::is_none")]
    unattributed: Option<&'a [String]>,
}

#[derive(Debug, Serialize)]
struct CueLine<'a> {
    speaker: &'a str,
    #[serde(flatten)]
    cue: &'a Cue,
}

/// One JSON object and a newline.
fn write_json_line(out: &mut impl Write, value: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    out.write_all(b"\n")
}

fn pairs(ranges: &[std::ops::Range<usize>]) -> Vec<[usize; 2]> {
    ranges.iter().map(|r| [r.start, r.end]).collect()
}

/// Writes hits as JSON Lines.
///
/// # Errors
/// Whatever writing to `out` gives.
pub fn write_hits_json(out: &mut impl Write, results: &SearchResults) -> io::Result<()> {
    for hit in &results.hits {
        let line = HitLine {
            paragraph: ParagraphKeys::of(hit),
            snippet: &hit.snippet.text,
            score: hit.score,
            highlights: pairs(&hit.snippet.highlights),
            snippet_highlights: pairs(&hit.snippet.snippet_highlights),
            context_before: &hit.context_before,
            context_after: &hit.context_after,
            other_matches: hit.other_matches,
        };
        write_json_line(out, &line)?;
    }
    Ok(())
}

/// Writes hits for people: rank, score, date, speakers, title, paragraph and snippet.
///
/// # Errors
/// Whatever writing to `out` gives.
pub fn write_hits(
    out: &mut impl Write,
    results: &SearchResults,
    offset: usize,
    style: Style,
) -> io::Result<()> {
    for (i, hit) in results.hits.iter().enumerate() {
        write_hit(out, offset + i + 1, hit, style)?;
    }
    Ok(())
}

fn write_hit(out: &mut impl Write, rank: usize, hit: &Hit, style: Style) -> io::Result<()> {
    let date = hit
        .date
        .map_or_else(|| "no date".to_string(), |d| d.to_string());
    let speakers = if hit.speakers.is_empty() {
        "no speaker".to_string()
    } else {
        hit.speakers.join(", ")
    };
    let title = hit.title.as_deref().unwrap_or(&hit.article);
    writeln!(
        out,
        "{} {}  {}",
        style.paint(BOLD, &format!("{rank:>2}.")),
        style.paint(BOLD, title),
        style.paint(DIM, &format!("[score {:.2}]", hit.score)),
    )?;
    let section = hit
        .section
        .as_deref()
        .map(|s| format!(" · {s}"))
        .unwrap_or_default();
    let others = match hit.other_matches {
        Some(n) if n > 0 => format!(" · +{n} more in this article"),
        _ => String::new(),
    };
    writeln!(
        out,
        "    {date} · {} · ¶{}{section} · {}{others}",
        style.paint(BOLD, &speakers),
        hit.paragraph,
        style.paint(DIM, &hit.article)
    )?;
    write_context(out, &hit.context_before, style)?;
    let marker = if hit.context_before.is_empty() && hit.context_after.is_empty() {
        String::new()
    } else {
        format!("¶{} ▶ ", hit.paragraph)
    };
    if style.quotes {
        write_quotes(out, hit, &marker, style)?;
    } else {
        writeln!(out, "    {marker}{}", highlighted(hit, style))?;
    }
    write_context(out, &hit.context_after, style)?;
    writeln!(out)
}

/// Each quotation of a hit whole, on a line of its own, with its speaker.
fn write_quotes(out: &mut impl Write, hit: &Hit, marker: &str, style: Style) -> io::Result<()> {
    if hit.quotes.is_empty() {
        let note = "(no quotation in this paragraph)";
        return writeln!(out, "    {marker}{}", style.paint(DIM, note));
    }
    for (i, q) in hit.quotes.iter().enumerate() {
        let speaker = q.speaker.as_deref().unwrap_or("speaker unknown");
        let marker = if i == 0 { marker } else { "" };
        let words = painted(hit, q.start..q.end, style);
        writeln!(
            out,
            "    {marker}“{}” — {}",
            words.split_whitespace().collect::<Vec<_>>().join(" "),
            style.paint(BOLD, speaker)
        )?;
    }
    Ok(())
}

/// The hit's text in `range` with its matched words painted.
fn painted(hit: &Hit, range: std::ops::Range<usize>, style: Style) -> String {
    let mut text = String::new();
    let mut at = range.start;
    for h in &hit.snippet.highlights {
        if h.start < at || h.end > range.end {
            continue;
        }
        text.push_str(&hit.text[at..h.start]);
        text.push_str(&style.paint(MATCH, &hit.text[h.start..h.end]));
        at = h.end;
    }
    text.push_str(&hit.text[at..range.end]);
    text
}

/// Context paragraphs, dimmed and marked with their numbers and speakers.
fn write_context(out: &mut impl Write, context: &[Context], style: Style) -> io::Result<()> {
    for c in context {
        let speakers = if c.speakers.is_empty() {
            String::new()
        } else {
            format!("[{}] ", c.speakers.join(", "))
        };
        let text = format!("¶{} │ {speakers}{}", c.paragraph, c.text);
        writeln!(out, "    {}", style.paint(DIM, &text))?;
    }
    Ok(())
}

/// What a sentence ends with, for where `…` goes.
const SENTENCE_END: [char; 6] = ['.', '!', '?', '"', '”', '’'];

/// The snippet's passages with matched words painted, and `…` wherever they cut the
/// paragraph.
fn highlighted(hit: &Hit, style: Style) -> String {
    let s = &hit.snippet;
    let mut text = String::new();
    for (k, fragment) in s.fragments.iter().enumerate() {
        if k > 0 {
            text.push_str(" … ");
        } else if fragment.start > 0 {
            // "…of the talks" inside a sentence, "… The talks" at the start of one.
            let after_sentence = hit.text[..fragment.start]
                .trim_end()
                .ends_with(SENTENCE_END);
            text.push_str(if after_sentence { "… " } else { "…" });
        }
        text.push_str(&painted(hit, fragment.clone(), style));
    }
    if s.fragments.last().is_some_and(|f| f.end < hit.text.len()) {
        text.push_str(if text.ends_with(SENTENCE_END) {
            " …"
        } else {
            "…"
        });
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Paragraphs of one article for `whosaid show`: its headline, date, outlet and id once,
/// then each paragraph with its number and speakers.
///
/// # Errors
/// When `out` fails.
pub fn write_paragraphs(out: &mut impl Write, paragraphs: &[Hit], style: Style) -> io::Result<()> {
    let Some(first) = paragraphs.first() else {
        return Ok(());
    };
    writeln!(
        out,
        "{}",
        style.paint(BOLD, first.title.as_deref().unwrap_or(&first.article))
    )?;
    let facts: Vec<String> = [
        first.date.map(|d| d.to_string()),
        first.source.clone(),
        first.author.clone(),
        Some(first.article.clone()),
    ]
    .into_iter()
    .flatten()
    .collect();
    writeln!(out, "{}", style.paint(DIM, &facts.join(" · ")))?;
    let mut section: Option<&str> = None;
    for p in paragraphs {
        if p.section.as_deref() != section {
            section = p.section.as_deref();
            if let Some(heading) = section {
                writeln!(out, "\n{}", style.paint(BOLD, &format!("## {heading}")))?;
            }
        }
        let speakers = if p.speakers.is_empty() {
            String::new()
        } else {
            format!(" {}", style.paint(BOLD, &p.speakers.join(", ")))
        };
        writeln!(out, "\n¶{}{speakers}", p.paragraph)?;
        writeln!(out, "{}", p.text)?;
    }
    Ok(())
}

/// Paragraphs of one article as JSON Lines: the keys of a hit without `snippet`, `score`
/// and `highlights`.
///
/// # Errors
/// When `out` fails.
pub fn write_paragraphs_json(out: &mut impl Write, paragraphs: &[Hit]) -> io::Result<()> {
    for p in paragraphs {
        write_json_line(out, &ParagraphKeys::of(p))?;
    }
    Ok(())
}

/// A timeline, a bucket per line: `count  bucket`, and on a terminal (`bars`) a bar per
/// bucket scaled to the widest count and to the terminal's width (`COLUMNS`, else 80).
///
/// # Errors
/// When `out` fails.
pub fn write_timeline(out: &mut impl Write, buckets: &[Bucket], bars: bool) -> io::Result<()> {
    let columns = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse::<usize>().ok())
        .unwrap_or(80);
    let label = buckets.iter().map(|b| b.bucket.len()).max().unwrap_or(0);
    let most = buckets.iter().map(|b| b.count).max().unwrap_or(0).max(1);
    let room = columns.saturating_sub(7 + 2 + label + 2).max(10) as u64;
    for bucket in buckets {
        if bars {
            let len = (bucket.count * room).div_ceil(most) as usize;
            let line = format!(
                "{:>7}  {:<label$}  {}",
                bucket.count,
                bucket.bucket,
                "█".repeat(len)
            );
            writeln!(out, "{}", line.trim_end())?;
        } else {
            writeln!(out, "{:>7}  {}", bucket.count, bucket.bucket)?;
        }
    }
    Ok(())
}

/// Writes an article's paragraphs as JSON Lines, as they would be indexed. With `explain`
/// (the reasons of [`crate::attribution::explain`], one list per paragraph), each line also
/// has the cue behind every speaker and why a paragraph got none.
///
/// # Errors
/// Whatever writing to `out` gives.
pub fn write_article_json(
    out: &mut impl Write,
    article: &Article,
    explain: Option<&[Vec<String>]>,
) -> io::Result<()> {
    for (n, p) in article.paragraphs.iter().enumerate() {
        let line = ParagraphLine {
            article: &article.id,
            title: article.title.as_deref(),
            source: article.source.as_deref(),
            author: article.author.as_deref(),
            url: article.url.as_deref(),
            date: article.date,
            paragraph: n,
            section: p.section.as_deref(),
            speakers: p.speaker_names().collect(),
            text: &p.text,
            quotes: QuoteLine::all(&p.quotes, &p.text),
            cues: explain.is_some().then(|| {
                p.speakers
                    .iter()
                    .map(|s| CueLine {
                        speaker: &s.name,
                        cue: &s.cue,
                    })
                    .collect()
            }),
            unattributed: explain.map(|r| r.get(n).map_or(&[][..], Vec::as_slice)),
        };
        write_json_line(out, &line)?;
    }
    Ok(())
}

/// Writes an article for people: its metadata, then each paragraph with its speakers (and,
/// with `explain`, the reasons of [`crate::attribution::explain`], the cue behind each
/// speaker and why a paragraph got none).
///
/// # Errors
/// Whatever writing to `out` gives.
pub fn write_article(
    out: &mut impl Write,
    article: &Article,
    explain: Option<&[Vec<String>]>,
    style: Style,
) -> io::Result<()> {
    writeln!(out, "{}", style.paint(BOLD, &format!("== {}", article.id)))?;
    let field = |name: &str, value: Option<String>| {
        format!("{name}: {}", value.unwrap_or_else(|| "-".into()))
    };
    writeln!(out, "   {}", field("title", article.title.clone()))?;
    writeln!(
        out,
        "   {} · {} · {}",
        field("author", article.author.clone()),
        field("source", article.source.clone()),
        field("date", article.date.map(|d| d.to_string()))
    )?;
    let mut section: Option<&str> = None;
    for (n, p) in article.paragraphs.iter().enumerate() {
        if p.section.as_deref() != section {
            section = p.section.as_deref();
            if let Some(s) = section {
                writeln!(out, "   {}", style.paint(BOLD, &format!("§ {s}")))?;
            }
        }
        let reasons = explain.map(|r| r.get(n).map_or(&[][..], Vec::as_slice));
        write_paragraph(out, n, p, reasons, style)?;
    }
    writeln!(out)
}

fn write_paragraph(
    out: &mut impl Write,
    n: usize,
    p: &Paragraph,
    explain: Option<&[String]>,
    style: Style,
) -> io::Result<()> {
    let names: Vec<&str> = p.speaker_names().collect();
    let speakers = if names.is_empty() {
        "-".to_string()
    } else {
        names.join(", ")
    };
    writeln!(out, "[{n}] speakers: {}", style.paint(BOLD, &speakers))?;
    if let Some(reasons) = explain {
        for s in &p.speakers {
            writeln!(
                out,
                "      {} <- {}",
                s.name,
                style.paint(DIM, &s.cue.to_string())
            )?;
        }
        for why in reasons {
            writeln!(
                out,
                "      {}",
                style.paint(DIM, &format!("no speaker: {why}"))
            )?;
        }
    }
    writeln!(out, "    {}", p.text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::Snippet;

    fn hit() -> Hit {
        let text = "Putin said the ceasefire idea is correct.".to_string();
        let start = text.find("ceasefire").unwrap();
        Hit::for_tests(
            text.clone(),
            Snippet {
                text: text.clone(),
                range: 0..text.len(),
                highlights: std::iter::once(start..start + 9).collect(),
                fragments: std::iter::once(0..text.len()).collect(),
                snippet_highlights: std::iter::once(start..start + 9).collect(),
            },
        )
    }

    #[test]
    fn human_output_highlights_only_in_colour() {
        let h = hit();
        let plain = highlighted(&h, Style::default());
        assert_eq!(plain, "Putin said the ceasefire idea is correct.");
        let colour = highlighted(
            &h,
            Style {
                color: true,
                ..Style::default()
            },
        );
        assert!(colour.contains("\x1b[1;33mceasefire\x1b[0m"), "{colour}");
    }

    #[test]
    fn json_lines_have_every_key() {
        let results = SearchResults::for_tests(vec![hit()]);
        let mut out = Vec::new();
        write_hits_json(&mut out, &results).unwrap();
        let line: serde_json::Value = serde_json::from_slice(&out).unwrap();
        for key in [
            "article",
            "title",
            "source",
            "author",
            "url",
            "date",
            "paragraph",
            "section",
            "speakers",
            "text",
            "snippet",
            "score",
        ] {
            assert!(line.get(key).is_some(), "{key}");
        }
        assert_eq!(line["date"], serde_json::Value::Null);
    }
}
