//! What flows between the stages: [`Article`]s and their [`Paragraph`]s, the [`Speaker`]s
//! attribution finds with the [`Cue`] behind each, and [`Diagnostic`]s about inputs.
//!
//! Plain data shared by the reader ([`crate::article`]), attribution
//! ([`crate::attribution`]), the indexer and output, so that none of them imports another.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::dates::Date;

/// One news article, split into paragraphs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable identity: front matter or JSON `id`, else the path relative to the corpus root.
    pub id: String,
    /// Headline.
    pub title: Option<String>,
    /// Outlet that published it.
    pub source: Option<String>,
    /// Byline.
    pub author: Option<String>,
    /// Where it was published.
    pub url: Option<String>,
    /// Publication date.
    pub date: Option<Date>,
    /// Body paragraphs in order; headings are not paragraphs but the `section` of those after.
    pub paragraphs: Vec<Paragraph>,
}

/// One paragraph of an article: the unit whosaid indexes and searches.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Paragraph {
    /// Heading of the section the paragraph stands in, if any.
    pub section: Option<String>,
    /// The paragraph's text, lines joined with single spaces.
    pub text: String,
    /// Persons whose words the paragraph carries, main speaker first (filled by attribution).
    #[serde(default)]
    pub speakers: Vec<Speaker>,
    /// The input gave the speakers (JSON Lines paragraphs with `speakers`): attribution
    /// leaves them as they are.
    #[serde(default)]
    pub has_given_speakers: bool,
    /// The paragraph's quotations in order, with who says each (filled by attribution).
    #[serde(default)]
    pub quotes: Vec<Quotation>,
}

/// A quotation in a paragraph: where its words are, and who says them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quotation {
    /// Byte offset in the paragraph's text of the first quoted character (after the mark).
    pub start: usize,
    /// Byte offset just past the last quoted character (before the closing mark, or the
    /// end of the paragraph when the quotation goes on in the next one).
    pub end: usize,
    /// Who says it, when attribution found out: a name of [`Paragraph::speakers`] (in a
    /// search hit, the canonical name, one of the hit's speakers).
    pub speaker: Option<String>,
}

impl Quotation {
    /// The quoted words of `paragraph_text` (the text this quotation was found in).
    pub fn text<'a>(&self, paragraph_text: &'a str) -> &'a str {
        paragraph_text.get(self.start..self.end).unwrap_or("")
    }
}

impl Article {
    /// An empty article with this id, to fill with the `with_*` methods.
    ///
    /// # Examples
    /// ```
    /// use whosaid::{Article, Date};
    /// let article = Article::new("memo-1")
    ///     .with_title("Budget talks")
    ///     .with_date(Date::new(2025, 3, 14).unwrap())
    ///     .with_body("\"We are close,\" Jane Roe said.\n\nTalks resume on Monday.");
    /// assert_eq!(article.paragraphs.len(), 2);
    /// ```
    pub fn new(id: impl Into<String>) -> Article {
        Article {
            id: id.into(),
            title: None,
            source: None,
            author: None,
            url: None,
            date: None,
            paragraphs: Vec::new(),
        }
    }

    /// Sets the headline.
    pub fn with_title(mut self, title: impl Into<String>) -> Article {
        self.title = Some(title.into());
        self
    }

    /// Sets the outlet.
    pub fn with_source(mut self, source: impl Into<String>) -> Article {
        self.source = Some(source.into());
        self
    }

    /// Sets the byline.
    pub fn with_author(mut self, author: impl Into<String>) -> Article {
        self.author = Some(author.into());
        self
    }

    /// Sets the address.
    pub fn with_url(mut self, url: impl Into<String>) -> Article {
        self.url = Some(url.into());
        self
    }

    /// Sets the publication date.
    pub fn with_date(mut self, date: Date) -> Article {
        self.date = Some(date);
        self
    }
}

impl Paragraph {
    /// A paragraph with no speakers yet.
    pub(crate) fn new(section: Option<String>, text: String) -> Paragraph {
        Paragraph {
            section,
            text,
            speakers: Vec::new(),
            has_given_speakers: false,
            quotes: Vec::new(),
        }
    }

    /// The speakers' canonical names, main speaker first.
    pub fn speaker_names(&self) -> impl Iterator<Item = &str> {
        self.speakers.iter().map(|s| s.name.as_str())
    }
}

/// Something worth telling about an input: where, and what.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// The file, and line where known (`corpus/feed.jsonl:3`).
    pub location: String,
    /// What happened.
    pub message: String,
    /// True when an article was skipped because of it; false for a warning.
    pub is_error: bool,
}

/// A person whose words a paragraph carries, and the cue that says so.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    /// Canonical full name ("Volodymyr Zelensky").
    pub name: String,
    /// Why this person was credited.
    pub cue: Cue,
}

/// The evidence for one speaker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Cue {
    /// How the speaker was found.
    pub kind: CueKind,
    /// The words that name the speaker here, as written ("he", "the Ukrainian leader").
    pub mention: String,
    /// The speech verb, if one was used ("said", "told", "adding").
    pub verb: Option<String>,
    /// True when the paragraph quotes the speaker directly.
    pub has_quote: bool,
}

/// How a speaker was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CueKind {
    /// The person's name stands by the speech verb or quotation.
    Name,
    /// A pronoun ("he said") resolved to an earlier person.
    Pronoun,
    /// A role noun ("the president added") resolved to the person with that role.
    Role,
    /// `according to X`.
    AccordingTo,
    /// A quotation with no cue of its own, continuing an earlier quotation in the paragraph.
    FloatingQuote,
    /// A quotation continued from the previous paragraph, left open there.
    CarriedQuote,
    /// A quotation left open at the end of the paragraph, whose speaker the next paragraph
    /// names as the quotation goes on there.
    NamedLater,
    /// Named by the input itself (JSON Lines paragraphs with `speakers`).
    Given,
}

impl Cue {
    /// The cue of a speaker the input named.
    pub fn given(name: &str) -> Cue {
        Cue {
            kind: CueKind::Given,
            mention: name.to_string(),
            verb: None,
            has_quote: false,
        }
    }
}

impl fmt::Display for Cue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let quote = if self.has_quote { "quote + " } else { "" };
        let verb = self
            .verb
            .as_deref()
            .map(|v| format!(" {v}"))
            .unwrap_or_default();
        match self.kind {
            CueKind::Name => write!(f, "{quote}name + verb: \"{}{verb}\"", self.mention),
            CueKind::Pronoun => {
                write!(f, "{quote}pronoun \"{}{verb}\" -> antecedent", self.mention)
            }
            CueKind::Role => write!(f, "{quote}role noun \"{}{verb}\" -> person", self.mention),
            CueKind::AccordingTo => write!(f, "according to \"{}\"", self.mention),
            CueKind::FloatingQuote => {
                write!(
                    f,
                    "quote continuing \"{}{verb}\" earlier in the paragraph",
                    self.mention
                )
            }
            CueKind::Given => write!(f, "given by the input"),
            CueKind::CarriedQuote => {
                write!(
                    f,
                    "quote carried over from the previous paragraph (\"{}{verb}\")",
                    self.mention
                )
            }
            CueKind::NamedLater => {
                write!(
                    f,
                    "quote going on in the next paragraph (\"{}{verb}\")",
                    self.mention
                )
            }
        }
    }
}
