//! JSON Lines: one article per line, its text as `body` or as `paragraphs` (strings, or
//! objects carrying speakers given by the input).

use serde::Deserialize;

use super::{ReadOptions, Source, complete_date, into_collapsed, split_paragraphs};
use crate::model::{Article, Cue, Diagnostic, Paragraph, Speaker};

/// Unknown keys (`lang`, `tags`, ...) are ignored.
#[derive(Deserialize)]
struct JsonArticle {
    id: Option<serde_json::Value>,
    title: Option<String>,
    source: Option<String>,
    author: Option<String>,
    url: Option<String>,
    date: Option<String>,
    body: Option<String>,
    paragraphs: Option<Vec<JsonParagraph>>,
}

/// A paragraph as text, or as an object whose `speakers` the input already knows (a
/// newsroom's own quote annotations): those win over attribution.
#[derive(Deserialize)]
#[serde(untagged)]
enum JsonParagraph {
    Text(String),
    Annotated {
        text: String,
        #[serde(default)]
        section: Option<String>,
        speakers: Option<Vec<String>>,
    },
}

/// Parses JSON Lines: one article per line, `body` or `paragraphs`. A bad line is reported
/// with its number and skipped; the others are read. Articles without an `id` get
/// `base_id#N`, N being the 1-based line number.
///
/// # Examples
/// ```
/// use whosaid::article::{parse_jsonl, ReadOptions};
/// let text = r#"{"id": "a1", "paragraphs": [{"text": "We will win.", "speakers": ["Jane Roe"]}]}"#;
/// let source = parse_jsonl(text, "feed.jsonl", "feed.jsonl", &ReadOptions::default());
/// assert_eq!(source.articles[0].paragraphs[0].speakers[0].name, "Jane Roe");
/// ```
pub fn parse_jsonl(text: &str, base_id: &str, location: &str, options: &ReadOptions) -> Source {
    let mut source = Source::default();
    for (n, line) in text.lines().enumerate() {
        let line_no = n + 1;
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let here = format!("{location}:{line_no}");
        let default_id = format!("{base_id}#{line_no}");
        match parse_json_article(line, &default_id, options, &here) {
            Ok((article, warnings)) => {
                source.articles.push(article);
                source.diagnostics.extend(warnings);
            }
            Err(message) => {
                source.unreadable.push(id_of_broken_line(line, &default_id));
                source.diagnostics.push(Diagnostic {
                    location: here,
                    message,
                    is_error: true,
                });
            }
        }
    }
    source
}

/// The id a line that does not parse was meant to carry: its `"id"` value when that much
/// of it is readable (`{"id":"k2","body":"keep` is cut off after the id), the default id
/// when the line names none, and `None` when it names one that cannot be read.
fn id_of_broken_line(line: &str, default_id: &str) -> Option<String> {
    let Some(at) = line.find("\"id\"") else {
        return Some(default_id.to_string());
    };
    let rest = line[at + 4..].trim_start().strip_prefix(':')?.trim_start();
    if let Some(quoted) = rest.strip_prefix('"') {
        // The id as JSON would read it, escapes and all.
        let end = quoted
            .char_indices()
            .scan(false, |escaped, (i, c)| {
                let stop = c == '"' && !*escaped;
                *escaped = c == '\\' && !*escaped;
                Some((i, stop))
            })
            .find(|&(_, stop)| stop)?
            .0;
        return serde_json::from_str::<String>(&rest[..end + 2])
            .ok()
            .filter(|s| !s.trim().is_empty());
    }
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let after = rest[digits.len()..].trim_start();
    (!digits.is_empty() && (after.starts_with(',') || after.starts_with('}'))).then_some(digits)
}

fn parse_json_article(
    line: &str,
    default_id: &str,
    options: &ReadOptions,
    here: &str,
) -> Result<(Article, Vec<Diagnostic>), String> {
    let json: JsonArticle =
        serde_json::from_str(line).map_err(|e| format!("not a JSON article: {e}"))?;
    let id = match json.id {
        Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        None | Some(serde_json::Value::Null) => default_id.to_string(),
        Some(other) => return Err(format!("`id` must be a string, not {other}")),
    };
    let mut article = Article::new(id);
    article.title = json.title;
    article.source = json.source;
    article.author = json.author;
    article.url = json.url;
    let mut warnings = Vec::new();
    if let Some(raw) = json.date {
        article.date = complete_date(&raw, options, &mut |message| {
            warnings.push(Diagnostic {
                location: here.to_string(),
                message,
                is_error: false,
            })
        });
    }
    article.paragraphs = match (json.body, json.paragraphs) {
        (Some(_), Some(_)) => return Err("has both `body` and `paragraphs`; give one".into()),
        (Some(body), None) => split_paragraphs(&body.lines().collect::<Vec<_>>()),
        (None, Some(list)) => list.into_iter().filter_map(paragraph).collect(),
        (None, None) => return Err("has neither `body` nor `paragraphs`".into()),
    };
    if article.paragraphs.is_empty() {
        return Err("no paragraphs of text".into());
    }
    Ok((article, warnings))
}

fn paragraph(json: JsonParagraph) -> Option<Paragraph> {
    let (text, section, speakers) = match json {
        JsonParagraph::Text(text) => (text, None, None),
        JsonParagraph::Annotated {
            text,
            section,
            speakers,
        } => (text, section, speakers),
    };
    let text = into_collapsed(text);
    if text.is_empty() {
        return None;
    }
    let section = section.map(into_collapsed).filter(|s| !s.is_empty());
    let mut p = Paragraph::new(section, text);
    if let Some(names) = speakers {
        p.has_given_speakers = true;
        for name in names {
            let name = into_collapsed(name);
            if !name.is_empty() && !p.speakers.iter().any(|s| s.name == name) {
                p.speakers.push(Speaker {
                    cue: Cue::given(&name),
                    name,
                });
            }
        }
    }
    Some(p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CueKind;

    #[test]
    fn reads_body_or_paragraphs_and_reports_bad_lines() {
        let text = concat!(
            "{\"id\": \"a\", \"title\": \"T\", \"date\": \"2025-03-14\", \"body\": \"One.\\n\\nTwo.\"}\n",
            "\n",
            "{\"paragraphs\": [\"P1\", \"P2\"], \"lang\": \"en\"}\n",
            "{not json\n",
            "{\"title\": \"no body\"}\n",
        );
        let s = parse_jsonl(
            text,
            "feed.jsonl",
            "corpus/feed.jsonl",
            &ReadOptions::default(),
        );
        assert_eq!(s.articles.len(), 2);
        assert_eq!(s.articles[0].id, "a");
        assert_eq!(s.articles[0].paragraphs.len(), 2);
        assert_eq!(s.articles[1].id, "feed.jsonl#3");
        let errors: Vec<&str> = s.diagnostics.iter().map(|d| d.location.as_str()).collect();
        assert_eq!(errors, ["corpus/feed.jsonl:4", "corpus/feed.jsonl:5"]);
        assert_eq!(
            s.unreadable,
            [
                Some("feed.jsonl#4".to_string()),
                Some("feed.jsonl#5".into())
            ]
        );
    }

    #[test]
    fn broken_lines_keep_the_id_they_carry() {
        let table = [
            (r#"{"id":"k2","body":"keep"#, Some("k2")),
            (r#"{"id": "a\"b", "body": 3}"#, Some("a\"b")),
            (r#"{"id": 17, "body": "#, Some("17")),
            (r#"{"body": "no id at all"#, Some("f#1")),
            (r#"{"id":"#, None),
            (r#"{"id": "unterminated"#, None),
            (r#"{"id": ["x"]}"#, None),
        ];
        for (line, id) in table {
            assert_eq!(id_of_broken_line(line, "f#1").as_deref(), id, "{line}");
        }
    }

    #[test]
    fn given_speakers_are_kept_as_given() {
        let text = r#"{"id":"g","paragraphs":[{"text":"  We  will win. ","speakers":["Jane Roe","Jane Roe"]},{"text":"Quiet.","speakers":[]},"Plain."]}"#;
        let s = parse_jsonl(text, "f", "f", &ReadOptions::default());
        let p = &s.articles[0].paragraphs;
        assert_eq!(p[0].text, "We will win.");
        assert_eq!(p[0].speaker_names().collect::<Vec<_>>(), ["Jane Roe"]);
        assert_eq!(p[0].speakers[0].cue.kind, CueKind::Given);
        assert!(p[0].has_given_speakers && p[1].has_given_speakers);
        assert!(p[1].speakers.is_empty());
        assert!(!p[2].has_given_speakers);
    }
}
