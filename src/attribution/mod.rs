//! Paragraphs of one article -> the named persons whose words each paragraph carries.
//!
//! Pure: text in, speakers out, no I/O. Two stages, as in CoreNLP's quote attribution: link
//! each quotation or speech cue to a *mention* (a name, a pronoun, a role noun such as "the
//! president"), then link the mention to a person in the article's table of people.
//!
//! 1. Tokens and quotation spans (`tokens`); names inside quotations are never speakers.
//! 2. The table of people (`entities`), built over the whole article first, so that the
//!    canonical name is the fullest form the article uses.
//! 3. Per paragraph, in order: mentions outside quotations, with subject position
//!    (`mentions`); speech cues from the word lists (`lexicon`: verbs in all forms,
//!    "according to", participles) and their subjects (`cues`); each quotation tied to the
//!    cue of its sentence, or floating, or carried over from an open quotation in the
//!    previous paragraph (`quotes`).
//! 4. Pronouns take the most recent person in subject position of matching gender, never
//!    one named inside the quotation they attribute; role nouns take the most recent person
//!    introduced with that role, title, nationality or age.
//!
//! Precision over recall: anything unresolved is dropped. Organisations, places, offices and
//! unnamed sources are not persons and so never speakers.
//!
//! Not here: merging spelling variants across articles ([`crate::speakers`]).

mod cues;
mod entities;
mod lexicon;
mod mentions;
mod quotes;
#[doc(hidden)]
pub mod rank;
mod tokens;

pub use crate::model::{Cue, CueKind, Speaker};

/// Version of the attribution rules (and of the reader, whose splitting they depend on).
/// It is part of every file's fingerprint: after an upgrade that changes it, the next
/// update re-reads and re-attributes every file.
pub const RULES_VERSION: u32 = 6;
use crate::model::{Article, Quotation};
use compact_str::CompactString;
use cues::{CueHit, find_cues, is_preposition};
use entities::{PersonId, Position, Run, Table};
use lexicon::Gender;
use mentions::find_mentions;
use quotes::{answer_label, quote_speaker};
use std::borrow::Cow;
use tokens::{Kind, Quote, Token};
/// Longest paragraph attribution reads, in bytes (20 KB, ten times a long paragraph of
/// news). Longer ones (a whole page on one line, a binary dump) are indexed without
/// speakers.
pub const MAX_PARAGRAPH_BYTES: usize = 20_000;

/// Fills the `speakers` of every paragraph of `article`.
///
/// # Examples
/// ```
/// use whosaid::{Article, attribution};
/// let mut article = Article::new("a")
///     .with_paragraph("Prime Minister Jane Roe said the talks would resume.")
///     .with_paragraph("\"We are close,\" she added.");
/// attribution::attribute(&mut article);
/// let names: Vec<_> = article.paragraphs[1].speaker_names().collect();
/// assert_eq!(names, ["Jane Roe"]);
/// ```
pub fn attribute(article: &mut Article) {
    let texts: Vec<&str> = article.paragraphs.iter().map(|p| p.text.as_str()).collect();
    let found = run(&texts, false);
    let all = found.speakers.into_iter().zip(found.quotes);
    for (paragraph, (speakers, mut quotes)) in article.paragraphs.iter_mut().zip(all) {
        // Speakers the input named win over what the rules find, for quotations too.
        if paragraph.has_given_speakers {
            let given: Vec<&str> = paragraph.speaker_names().collect();
            for quote in &mut quotes {
                let found = quote.speaker.take();
                quote.speaker = match given.as_slice() {
                    [only] => Some((*only).to_string()),
                    _ => found.filter(|name| given.contains(&name.as_str())),
                };
            }
        } else {
            paragraph.speakers = speakers;
        }
        paragraph.quotes = quotes;
    }
}

/// The speakers of each paragraph of one article, given as texts in order.
///
/// A paragraph longer than [`MAX_PARAGRAPH_BYTES`] gets no speakers: no real paragraph is
/// that long, and the work on one grows faster than its length.
pub fn attribute_texts(paragraphs: &[&str]) -> Vec<Vec<Speaker>> {
    run(paragraphs, false).speakers
}

/// Why paragraphs with a quotation or a speech verb got no speaker, one list of reasons per
/// paragraph (empty where there is a speaker or nothing to explain): "subject is a group or
/// an organisation", "quotation with no speaker in reach", ...
///
/// # Examples
/// ```
/// use whosaid::{Article, attribution};
/// let article = Article::new("a").with_paragraph("\"It is over,\" officials said.");
/// let reasons = attribution::explain(&article);
/// assert!(reasons[0][0].contains("not a named person"));
/// ```
pub fn explain(article: &Article) -> Vec<Vec<String>> {
    let texts: Vec<&str> = article.paragraphs.iter().map(|p| p.text.as_str()).collect();
    let mut reasons = run(&texts, true).reasons;
    for (p, list) in article.paragraphs.iter().zip(&mut reasons) {
        if p.has_given_speakers {
            *list = vec!["speakers given by the input".to_string()];
        } else if p.text.len() > MAX_PARAGRAPH_BYTES {
            *list = vec![format!(
                "paragraph longer than {MAX_PARAGRAPH_BYTES} bytes: not attributed"
            )];
        }
    }
    reasons
}

/// What attribution finds in an article, one entry per paragraph in each list.
struct Found {
    speakers: Vec<Vec<Speaker>>,
    quotes: Vec<Vec<Quotation>>,
    /// For paragraphs left without a speaker, the reasons (when asked for).
    reasons: Vec<Vec<String>>,
}

/// Speakers, quotations and, for paragraphs left without a speaker, the reasons (when
/// `explain`).
fn run(paragraphs: &[&str], explain: bool) -> Found {
    let texts: Vec<&str> = paragraphs
        .iter()
        .map(|t| if t.len() > MAX_PARAGRAPH_BYTES { "" } else { t })
        .collect();
    let tokens: Vec<(Vec<Token>, Vec<Quote>)> = texts
        .iter()
        .map(|text| {
            let mut tokens = tokens::tokenize(text);
            let quotes = tokens::find_quotes(text, &mut tokens);
            (tokens, quotes)
        })
        .collect();
    let lowered: Vec<Lowercase> = texts
        .iter()
        .zip(&tokens)
        .map(|(text, (tokens, _))| Lowercase::new(text, tokens))
        .collect();
    let analysed: Vec<Analysed> = texts
        .iter()
        .zip(tokens)
        .zip(&lowered)
        .map(|((text, (tokens, quotes)), lower)| Analysed::new(text, tokens, quotes, lower))
        .collect();
    let mut table = build_table(&analysed);
    table.forget_positions();
    let mut state = State::default();
    let mut speakers: Vec<Vec<Speaker>> = Vec::with_capacity(analysed.len());
    let mut claims: Vec<Vec<Claim>> = Vec::with_capacity(analysed.len());
    let mut leads: Vec<Option<String>> = Vec::with_capacity(analysed.len());
    let mut reasons: Vec<Vec<String>> = Vec::with_capacity(analysed.len());
    let mut quotes: Vec<Vec<Quotation>> = Vec::with_capacity(analysed.len());
    for (p, a) in analysed.iter().enumerate() {
        let (found, lead, why, quoted) = attribute_paragraph(a, p, &mut table, &mut state, explain);
        speakers.push(found);
        quotes.push(quoted);
        // Only the opening paragraphs' claims are read again (see `lead_descriptors`).
        claims.push(if p < LEAD_REACH {
            state.last_speakers.clone()
        } else {
            Vec::new()
        });
        leads.push(lead);
        reasons.push(why);
    }
    lead_descriptors(&analysed, &leads, &claims, &table, &mut speakers);
    quotations_named_later(&analysed, &mut speakers, &mut quotes);
    for (found, why) in speakers.iter().zip(&mut reasons) {
        if !found.is_empty() {
            why.clear();
        }
    }
    Found {
        speakers,
        quotes,
        reasons,
    }
}

/// Paragraphs whose opening descriptor may name a person of the next ones, how many next
/// ones are looked at, and so the paragraphs whose claims are kept for it.
const LEAD_PARAGRAPHS: usize = 2;
const LEAD_LOOK_AHEAD: usize = 3;
const LEAD_REACH: usize = LEAD_PARAGRAPHS + LEAD_LOOK_AHEAD;

/// Words that say a source is not to be named: then a descriptor stays nobody.
const ANONYMOUS: [&str; 6] = [
    "anonymity",
    "anonymously",
    "unnamed",
    "unidentified",
    "not authorized",
    "not authorised",
];

/// "A senior Defense Department spokesman said here yesterday ..." opening a story, and the
/// spokesman named in the next paragraphs: the descriptor is that person (the first one
/// named as a speaker there, one with the descriptor's role before others).
fn lead_descriptors(
    analysed: &[Analysed],
    leads: &[Option<String>],
    claims: &[Vec<Claim>],
    table: &Table,
    speakers: &mut [Vec<Speaker>],
) {
    for p in 0..analysed.len().min(LEAD_PARAGRAPHS) {
        let Some(descriptor) = &leads[p] else {
            continue;
        };
        let text = analysed[p].text.to_lowercase();
        if !speakers[p].is_empty()
            || ANONYMOUS.iter().any(|w| text.contains(w))
            || descriptor.to_lowercase().starts_with("another")
        {
            continue;
        }
        let head = descriptor
            .rsplit(' ')
            .next()
            .unwrap_or(descriptor)
            .to_lowercase();
        let later: Vec<&Claim> = claims
            .iter()
            .take(p + 1 + LEAD_LOOK_AHEAD)
            .skip(p + 1)
            .flatten()
            .filter(|c| c.cue.kind == CueKind::Name)
            .collect();
        // One with the descriptor's role, else the first one whose roles the article does
        // not say ("a nurse says", then the union's president: not her).
        let chosen = later
            .iter()
            .find(|c| table[c.person].has_role(&head))
            .or_else(|| {
                later
                    .first()
                    .filter(|c| table[c.person].roles.iter().all(|r| r == "person"))
            });
        if let Some(claim) = chosen {
            speakers[p].push(Speaker {
                name: table[claim.person].name(),
                cue: Cue {
                    kind: CueKind::Role,
                    mention: descriptor.clone(),
                    verb: None,
                    has_quote: false,
                },
            });
        }
    }
}

/// `“It has not sunk in yet.` left open at the end of a paragraph, and the next one going
/// on `“It will,” Hart told reporters.`: the quotation is the speaker's whom its last part
/// names. From the last paragraph back, so a quotation over three paragraphs is one.
fn quotations_named_later(
    analysed: &[Analysed],
    speakers: &mut [Vec<Speaker>],
    quotes: &mut [Vec<Quotation>],
) {
    for p in (0..analysed.len().saturating_sub(1)).rev() {
        let open_at_end = analysed[p]
            .quotes
            .last()
            .is_some_and(|q| q.is_open_at_end && q.words >= 4);
        let next_opens = analysed[p + 1].quotes.first().is_some_and(|q| q.open == 0);
        // A paragraph that is all quotation went on with the previous speaker, as a guess
        // (see `continued_quote`): the name in the quotation's own last part is better.
        let previous_open = p > 0
            && analysed[p - 1]
                .quotes
                .last()
                .is_some_and(|q| q.is_open_at_end);
        let guessed = matches!(speakers[p].as_slice(), [only] if only.cue.kind == CueKind::CarriedQuote)
            && !previous_open;
        if !open_at_end || !next_opens || !(speakers[p].is_empty() || guessed) {
            continue;
        }
        let Some(name) = quotes[p + 1].first().and_then(|q| q.speaker.clone()) else {
            continue;
        };
        let Some(later) = speakers[p + 1].iter().find(|s| s.name == name) else {
            continue;
        };
        if guessed && speakers[p][0].name == name {
            continue;
        }
        let cue = Cue {
            kind: CueKind::NamedLater,
            has_quote: true,
            ..later.cue.clone()
        };
        let guess = speakers[p].pop().map(|s| s.name);
        for quote in &mut quotes[p] {
            if quote.speaker.is_none() || quote.speaker == guess {
                quote.speaker = Some(name.clone());
            }
        }
        speakers[p].push(Speaker { name, cue });
    }
}

/// One paragraph's tokens, quotations and sentences.
struct Analysed<'a> {
    text: &'a str,
    tokens: Vec<Token>,
    /// Capitalised runs of words, inside quotations too (see [`Analysed::is_outside`]).
    runs: Vec<Run>,
    /// The folded keys of the runs' names (see [`Analysed::keys`]).
    keys: Vec<CompactString>,
    /// Each token lowercased, as [`entities::lowercase`] does it.
    lower: Vec<&'a str>,
    quotes: Vec<Quote>,
    sentence: Vec<usize>,
}

impl<'a> Analysed<'a> {
    fn new(
        text: &'a str,
        tokens: Vec<Token>,
        quotes: Vec<Quote>,
        lowercase: &'a Lowercase,
    ) -> Analysed<'a> {
        let lower = lowercase.words(&tokens);
        let mut keys = Vec::new();
        let words = entities::Words {
            text,
            tokens: &tokens,
            lower: &lower,
            has_sigma: !text.is_ascii() && text.contains('Σ'),
        };
        let runs = entities::runs(words, &mut keys);
        let mut a = Analysed {
            text,
            tokens,
            runs,
            keys,
            lower,
            quotes,
            sentence: Vec::new(),
        };
        a.sentence = a.sentences();
        a
    }

    /// The folded keys of a run's name, if it may be a person's.
    fn keys(&self, run: &Run) -> &[CompactString] {
        &self.keys[run.keys.clone()]
    }

    fn word(&self, i: usize) -> &'a str {
        &self.text[self.tokens[i].start..self.tokens[i].end]
    }

    /// Byte range of the words inside quotation `quote`, without its marks and the spaces
    /// next to them; `None` when nothing is inside.
    fn quoted_span(&self, quote: &Quote) -> Option<(usize, usize)> {
        let start = self.tokens[quote.open].end;
        let end = if quote.is_open_at_end {
            self.text.len()
        } else {
            self.tokens[quote.close].start
        };
        let inner = self.text.get(start..end)?;
        let trimmed = inner.trim_start();
        let start = start + (inner.len() - trimmed.len());
        // "We are close," she said: the comma belongs to the sentence around the quotation.
        let end = start + trimmed.trim_end().trim_end_matches(',').trim_end().len();
        (end > start).then_some((start, end))
    }

    /// The text of tokens `start..end`, as written.
    fn span(&self, start: usize, end: usize) -> CompactString {
        CompactString::new(&self.text[self.tokens[start].start..self.tokens[end - 1].end])
    }

    fn is_outside(&self, i: usize) -> bool {
        self.tokens[i].quote.is_none()
    }

    /// Sentence number of every token. Quotations belong to the sentence they open in;
    /// a quotation ending a sentence (`."`) ends it too, unless a cue follows (`?" he asked`).
    fn sentences(&self) -> Vec<usize> {
        let n = self.tokens.len();
        let mut ids = vec![0; n];
        let mut id = 0;
        let mut i = 0;
        let dateline = self.dateline_end();
        while i < n {
            ids[i] = id;
            // "WASHINGTON, June 14, 2004 – Afghan President ...": the dateline stands apart.
            if Some(i) == dateline {
                id += 1;
                i += 1;
                continue;
            }
            let t = self.tokens[i];
            if let Some(q) = t.quote {
                let quote = &self.quotes[q];
                if i == quote.close {
                    if quote.ends_sentence && self.starts_new_sentence(i + 1) {
                        id += 1;
                    }
                } else if i < quote.close {
                    // Tokens inside the quotation share its sentence.
                    for slot in ids.iter_mut().take(quote.close + 1).skip(i) {
                        *slot = id;
                    }
                    i = quote.close;
                    continue;
                }
            } else if t.kind == Kind::Stop && self.starts_new_sentence(i + 1) {
                id += 1;
            }
            i += 1;
        }
        ids
    }

    /// The dash closing a dateline that opens the paragraph ("WASHINGTON, June 14, 2004 –",
    /// "KYIV, Ukraine (AP) —"): capitalised words, numbers, commas and a parenthesis only.
    fn dateline_end(&self) -> Option<usize> {
        let mut words = 0;
        // "Putin – speaking on Tuesday – said" is no dateline: one needs a comma, a
        // parenthesis or a place in capitals.
        let mut is_dateline = self.tokens.first().is_some_and(|t| {
            let w = self.word(0);
            t.kind == Kind::Word && w.len() >= 3 && w.chars().all(|c| c.is_uppercase())
        });
        for (i, t) in self.tokens.iter().enumerate().take(16) {
            match t.kind {
                Kind::Dash => return (words > 0 && is_dateline).then_some(i),
                // "NEW YORK (Reuters) - ...": a spaced hyphen.
                Kind::Other if self.word(i) == "-" => {
                    return (words > 0 && is_dateline).then_some(i);
                }
                Kind::Word => {
                    let first = self.word(i).chars().next()?;
                    if !(first.is_uppercase() || first.is_ascii_digit()) {
                        return None;
                    }
                    // "Sen. Susan Collins (R-Maine) – who ...": a person, not a place.
                    let bare = self.lower[i].trim_end_matches('.');
                    if lexicon::title(bare).is_some_and(|t| !t.is_empty()) {
                        return None;
                    }
                    words += 1;
                }
                Kind::Comma => is_dateline = true,
                Kind::Stop => {}
                Kind::Other if matches!(self.word(i), "(" | ")" | "/") => is_dateline = true,
                _ => return None,
            }
        }
        None
    }

    /// True if token `i` can begin a sentence: a capital or an opening quotation that is not
    /// the start of an attribution ("Putin asked.").
    fn starts_new_sentence(&self, i: usize) -> bool {
        let Some(t) = self.tokens.get(i) else {
            return false;
        };
        match t.kind {
            Kind::Open => true,
            Kind::Other if t.quote.is_some() => true,
            Kind::Word => {
                let w = self.word(i);
                if !w.chars().next().is_some_and(char::is_uppercase) {
                    return false;
                }
                // `"...?" Putin asked.`: a short name + verb right after is the attribution.
                !(i..(i + 4).min(self.tokens.len()))
                    .take_while(|&j| self.tokens[j].kind == Kind::Word)
                    .any(|j| lexicon::verb(self.lower[j]).is_some())
            }
            _ => false,
        }
    }
}

/// A paragraph's tokens in lowercase, as [`entities::lowercase`] makes them, in one string
/// that every paragraph's [`Analysed`] borrows its words from: no string per token.
struct Lowercase {
    text: String,
    /// Where each token's lowercase form is in `text`; empty when the paragraph was
    /// lowercased at once (plain ASCII, and most text beyond it: see [`lowercase_in_place`]),
    /// so its tokens stand where they do in the paragraph.
    spans: Vec<(usize, usize)>,
}

/// `text` lowercased character by character when that gives every token what
/// [`entities::lowercase`] gives it and keeps each character's length, so tokens stand where
/// they do in the paragraph: true of most text beyond ASCII (curly quotes, accented names).
/// `None` for a capital sigma (lowercased by its place in the word), a titlecase letter
/// (left as written in a word without capitals) and a capital whose lowercase is longer or
/// shorter ("İ").
fn lowercase_in_place(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if c.is_uppercase() {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) if c != 'Σ' && l.len_utf8() == c.len_utf8() => out.push(l),
                _ => return None,
            }
        } else if c.to_lowercase().eq([c]) {
            out.push(c);
        } else {
            return None;
        }
    }
    Some(out)
}

impl Lowercase {
    fn new(text: &str, tokens: &[Token]) -> Lowercase {
        if text.is_ascii() {
            return Lowercase {
                text: text.to_ascii_lowercase(),
                spans: Vec::new(),
            };
        }
        if let Some(text) = lowercase_in_place(text) {
            return Lowercase {
                text,
                spans: Vec::new(),
            };
        }
        let mut lower = String::with_capacity(text.len());
        let spans = tokens
            .iter()
            .map(|t| {
                let start = lower.len();
                lower.push_str(&entities::lowercase(&text[t.start..t.end]));
                (start, lower.len())
            })
            .collect();
        Lowercase { text: lower, spans }
    }

    /// Each token's lowercase form.
    fn words<'a>(&'a self, tokens: &[Token]) -> Vec<&'a str> {
        if self.spans.is_empty() {
            tokens.iter().map(|t| &self.text[t.start..t.end]).collect()
        } else {
            self.spans.iter().map(|&(s, e)| &self.text[s..e]).collect()
        }
    }
}

/// Builds the table of people from every name in the article, quotations included.
fn build_table(paragraphs: &[Analysed]) -> Table {
    let mut table = Table::default();
    for (p, a) in paragraphs.iter().enumerate() {
        for run in &a.runs {
            // Neither a place or organisation nor a run with no name is registered.
            if run.is_not_person || run.name.is_empty() {
                continue;
            }
            let words = || name_words(a, run);
            let keys = register_keys(a, run);
            let (roles, age, nat) = descriptors_around(a, run);
            // "Ramavati, a 52-year-old farmer, said": one name, but described as a person.
            let after_preposition = run.start > 0 && is_preposition(a.lower[run.start - 1]);
            let described = (!roles.is_empty() || age.is_some())
                && !after_preposition
                && run.name.len() == 1
                && {
                    let w = strip_possessive(a.word(run.name.start));
                    w.chars().count() >= 3 && w.chars().skip(1).any(char::is_lowercase)
                };
            let at = Position::new(p, run.start);
            let index = table
                .register(keys.clone(), &words, run, at)
                .or_else(|| described.then(|| table.register_single(keys, words(), run, at))?);
            // "Sethuraman of IIT Indore, who has studied ...": the description is of the
            // person before the preposition, not of the organisation after it.
            if let Some(index) = index
                && !after_preposition
            {
                table.describe(index, &roles, age, nat);
                table[index].evidence += person_signs(a, run);
                table.add_context(index, context_around(a, run));
            }
        }
    }
    table.promote(2);
    table
}

/// Capitalised words near a name in its sentence, outside quotations ("SNP leader Nicola
/// Sturgeon", "Koji Sato, Toyota's president,", "President of Kenya William Ruto").
fn context_around(a: &Analysed, run: &Run) -> Vec<CompactString> {
    const REACH: usize = 8;
    let sentence = a.sentence[run.start];
    let from = run.start.saturating_sub(REACH);
    let to = (run.end + REACH).min(a.tokens.len());
    (from..to)
        .filter(|&k| {
            !run.name.contains(&k)
                && a.sentence[k] == sentence
                && a.tokens[k].kind == Kind::Word
                && a.is_outside(k)
                && a.word(k).chars().next().is_some_and(char::is_uppercase)
        })
        .map(|k| entities::key(a.word(k)))
        .collect()
}

/// Signs around a name that a person, not an organisation, is meant: a speech verb right
/// after it or an inverted one right before it ("said Jawan Jackson"), an outlet's
/// possessive before it ("NPR's Merrit Kennedy").
fn person_signs(a: &Analysed, run: &Run) -> u32 {
    let mut signs = 0;
    let mut k = run.end;
    while k < a.tokens.len() && a.tokens[k].kind == Kind::Word && lexicon::is_skippable(a.lower[k])
    {
        k += 1;
    }
    let verb_after = k < a.tokens.len()
        && a.tokens[k].kind == Kind::Word
        && lexicon::verb(a.lower[k]).is_some_and(|v| v.tier == lexicon::Tier::A);
    let inverted_before =
        run.start > 0 && lexicon::verb(a.lower[run.start - 1]).is_some_and(|v| v.inverts);
    signs += u32::from(verb_after || inverted_before);
    let possessive_before = run.start > 0 && {
        let w = a.word(run.start - 1);
        (w.ends_with("’s") || w.ends_with("'s")) && w.chars().next().is_some_and(char::is_uppercase)
    };
    signs += u32::from(possessive_before);
    signs
}

fn name_words(a: &Analysed, run: &Run) -> Vec<String> {
    run.name
        .clone()
        .map(|i| strip_possessive(a.word(i)).to_string())
        .collect()
}

fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("’s")
        .or_else(|| w.strip_suffix("'s"))
        .unwrap_or(w)
}

/// The keys a run's name is registered under: those of [`name_words`], which are the run's
/// own keys but for a word with two possessives ("Smith's's").
fn register_keys<'r>(a: &'r Analysed, run: &Run) -> Cow<'r, [CompactString]> {
    let doubled = run.name.clone().any(|i| {
        let w = strip_possessive(a.word(i));
        w.ends_with("’s") || w.ends_with("'s")
    });
    if doubled {
        Cow::Owned(
            name_words(a, run)
                .iter()
                .map(|w| entities::key(w))
                .collect(),
        )
    } else {
        Cow::Borrowed(a.keys(run))
    }
}

/// Roles, age and nationality written around a name: an apposition after it ("Hugh Hill,
/// a doctor at St Mary’s,", "Jane Roe, 45,") or lowercase roles just before it ("striker
/// Sam Kerr", "the club’s captain, Sam Kerr").
fn descriptors_around(a: &Analysed, run: &Run) -> (Vec<String>, Option<u32>, Option<&'static str>) {
    let mut roles = Vec::new();
    let mut age = None;
    let mut nat = None;
    let n = a.tokens.len();
    // After: ", <apposition> ,"
    if run.end < n && a.tokens[run.end].kind == Kind::Comma {
        let mut j = run.end + 1;
        let first = j;
        while j < n
            && j < first + 12
            && !matches!(
                a.tokens[j].kind,
                Kind::Comma | Kind::Stop | Kind::Semicolon | Kind::Open | Kind::Close
            )
        {
            j += 1;
        }
        let looks_like_apposition = first < n
            && (matches!(
                a.lower[first],
                "a" | "an" | "the" | "who" | "now" | "then"
            ) || a.lower[first].parse::<u32>().is_ok()
                || lexicon::is_role(a.lower[first])
                || lexicon::is_nationality(a.lower[first])
                || a.lower[first].ends_with("’s")
                || a.lower[first].ends_with("'s")
                // "Rohan Pramod Botre, SP (City), Agra said": an office's initials.
                || entities::is_acronym(a.word(first)));
        if looks_like_apposition {
            // "Mercy Atieno, who runs a firm,": "who" is said of people, not organisations.
            if matches!(a.lower[first], "who" | "whose") {
                roles.push("person".to_string());
            }
            for k in first..j {
                let w = &a.lower[k];
                if lexicon::is_role(w) || (entities::is_acronym(a.word(k)) && a.word(k).len() <= 5)
                {
                    roles.push(w.to_string());
                } else if let Some(x) = lexicon::nationality(w) {
                    nat = Some(x);
                } else if let Ok(years) = w.parse::<u32>()
                    && k == first
                    && (1..120).contains(&years)
                {
                    age = Some(years);
                }
            }
        }
    }
    // Before: up to three lowercase words ("chief executive", "striker", "the club’s captain,"),
    // also before the organisation they are held in ("the chief executive of the Adu
    // Foundation, Esi Adu").
    let mut k = organisation_before(a, run.start).unwrap_or(run.start);
    let mut steps = 0;
    while k > 0 && steps < 4 {
        k -= 1;
        steps += 1;
        let t = a.tokens[k];
        if t.kind == Kind::Comma && steps == 1 {
            continue;
        }
        if t.kind != Kind::Word || t.quote.is_some() {
            break;
        }
        let w = a.lower[k];
        if lexicon::is_role(w) {
            roles.push(w.to_string());
        } else if let Some(x) = lexicon::nationality(w) {
            nat.get_or_insert(x);
        } else if !matches!(
            w,
            "the" | "a" | "chief" | "former" | "new" | "its" | "their" | "his" | "her"
        ) && !w.ends_with("’s")
            && !w.ends_with("'s")
        {
            break;
        }
    }
    if let Some(age_word) = a.lower.get(run.end).filter(|w| w.ends_with("-year-old")) {
        age = age.or_else(|| age_word.split('-').next()?.parse().ok());
    }
    (roles, age, nat)
}

/// For a name after `of [the] Capitalised Words,`, the position of that "of": the words
/// before it may describe the person.
fn organisation_before(a: &Analysed, start: usize) -> Option<usize> {
    let comma = start.checked_sub(1)?;
    if a.tokens[comma].kind != Kind::Comma {
        return None;
    }
    let is_capitalised_word = |k: usize| {
        a.tokens[k].kind == Kind::Word
            && a.is_outside(k)
            && a.word(k).chars().next().is_some_and(char::is_uppercase)
    };
    let mut k = comma;
    while k > 0 && comma - k < 6 && is_capitalised_word(k - 1) {
        k -= 1;
    }
    if k == comma {
        return None;
    }
    if k > 0 && a.lower[k - 1] == "the" {
        k -= 1;
    }
    (k > 1 && a.lower[k - 1] == "of").then(|| k - 1)
}

/// A cue linked to a person: who speaks, the evidence, and where (token) in the paragraph.
#[derive(Debug, Clone)]
struct Claim {
    person: PersonId,
    cue: ClaimCue,
    at: usize,
}

impl Claim {
    fn new(person: PersonId, cue: ClaimCue, at: usize) -> Claim {
        Claim { person, cue, at }
    }
}

/// A claim's [`Cue`], its words kept inline when short (most are: "he", "said"), as claims
/// are copied from paragraph to paragraph.
#[derive(Debug, Clone)]
struct ClaimCue {
    kind: CueKind,
    mention: CompactString,
    verb: Option<CompactString>,
    has_quote: bool,
}

impl From<ClaimCue> for Cue {
    fn from(cue: ClaimCue) -> Cue {
        Cue {
            kind: cue.kind,
            mention: cue.mention.into(),
            verb: cue.verb.map(Into::into),
            has_quote: cue.has_quote,
        }
    }
}

/// A person in subject position, as pronouns look back for them.
#[derive(Debug, Clone, Copy)]
struct Subject {
    /// `None`: a person the article does not name ("a Ukrainian officer"), who stops a
    /// pronoun from reaching further back.
    person: Option<PersonId>,
    /// The gender such an unnamed person's noun implies.
    gender: Option<Gender>,
    at: Position,
}

/// What attribution remembers from one paragraph to the next.
#[derive(Default)]
struct State {
    /// Persons in subject position, in text order.
    subjects: Vec<Subject>,
    /// Speaker of a quotation left open at the end of the previous paragraph.
    carried: Option<Claim>,
    /// Speaker of the previous paragraph's `Name:` answer (interviews, transcripts).
    answering: Option<Claim>,
    /// The speakers of the previous paragraph, in text order.
    last_speakers: Vec<Claim>,
}

/// The speakers of paragraph `p`, and a role descriptor whose person it did not find ("a
/// union boss has said"), for [`lead_descriptors`].
fn attribute_paragraph(
    a: &Analysed,
    p: usize,
    table: &mut Table,
    state: &mut State,
    explain: bool,
) -> (Vec<Speaker>, Option<String>, Vec<String>, Vec<Quotation>) {
    let mentions = find_mentions(a, p, table, state);
    let cues = find_cues(a, &mentions, table);
    let mut found: Vec<Claim> = Vec::new();
    for cue in &cues {
        if let Some(claim) = &cue.speaker {
            let verb = lexicon::verb_at(&a.lower, cue.token);
            // Tier B verbs count only with a quotation or a that-clause, checked in find_cues.
            if verb.is_some() || claim.cue.kind == CueKind::AccordingTo {
                found.push(claim.clone());
                found.extend(cue.also.iter().cloned());
            }
        }
    }
    let mut previous_quote: Option<Claim> = None;
    let mut last_quote_speaker: Option<Claim> = None;
    // Who says each quotation.
    let mut quoted: Vec<Option<PersonId>> = vec![None; a.quotes.len()];
    for (q, quote) in a.quotes.iter().enumerate() {
        let speaker = quote_speaker(
            a,
            q,
            quote,
            &cues,
            &mentions,
            previous_quote.as_ref(),
            state.carried.as_ref(),
        );
        match &speaker {
            Some(claim) => {
                quoted[q] = Some(claim.person);
                found.push(Claim::new(claim.person, claim.cue.clone(), quote.open));
                previous_quote = Some(claim.clone());
            }
            None if quote.words >= 4 => previous_quote = None,
            None => {}
        }
        if quote.words >= 4 || speaker.is_some() {
            last_quote_speaker = speaker;
        }
    }
    if found.is_empty()
        && let Some(claim) = continued_quote(a, &cues, table, state)
    {
        fill_quotes(&mut quoted, &a.quotes, claim.person);
        found.push(claim.clone());
        last_quote_speaker = Some(claim);
    }
    // "Okonkwo: Honestly? The photocopier." An interview answer labelled with a name, and
    // the unlabelled paragraphs that go on with it (not a question).
    let label = answer_label(a, &mentions);
    let answering = state.answering.take();
    if let Some(claim) = label.clone() {
        fill_quotes(&mut quoted, &a.quotes, claim.person);
        found.push(claim);
        state.answering = label;
    } else if let Some(claim) = answering
        && found.is_empty()
        && a.quotes.is_empty()
        && !a.text.trim_end().ends_with('?')
        // An answer goes on in the first person; narration after the interview does not.
        && a.lower.iter().any(|w| matches!(*w, "i" | "we" | "my" | "our" | "me" | "us"))
    {
        let cue = ClaimCue {
            kind: CueKind::CarriedQuote,
            ..claim.cue
        };
        let claim = Claim::new(claim.person, cue, 0);
        found.push(claim.clone());
        state.answering = Some(claim);
    }
    state.carried = match a.quotes.last() {
        Some(q) if q.is_open_at_end => last_quote_speaker.map(|c| {
            let cue = ClaimCue {
                kind: CueKind::CarriedQuote,
                has_quote: true,
                ..c.cue
            };
            Claim::new(c.person, cue, 0)
        }),
        _ => None,
    };
    found.sort_by_key(|c| c.at);
    for claim in &found {
        if claim.cue.kind == CueKind::Pronoun {
            rank::mark_used(p, claim.at);
        }
    }
    // Who has spoken is who a pronoun in the next paragraphs most likely means, also when
    // the name stood after the verb ("said Hill") or in a clause of its own ("who says").
    for claim in &found {
        state.subjects.push(Subject {
            person: Some(claim.person),
            gender: None,
            at: Position::new(p, claim.at),
        });
    }
    state.subjects.sort_by_key(|s| s.at);
    state.last_speakers = found.clone();
    let mut speakers: Vec<Speaker> = Vec::new();
    let mut seen: Vec<PersonId> = Vec::new();
    for claim in found {
        if let Some(pos) = seen.iter().position(|&e| e == claim.person) {
            // Keep the first cue, but note a direct quotation if a later one has it.
            if claim.cue.has_quote {
                speakers[pos].cue.has_quote = true;
            }
            continue;
        }
        seen.push(claim.person);
        speakers.push(Speaker {
            name: table[claim.person].name(),
            cue: claim.cue.into(),
        });
    }
    let lead = cues.iter().find_map(|c| match &c.unresolved {
        Some((CueKind::Role, words)) if c.speaker.is_none() => Some(words.to_string()),
        _ => None,
    });
    let why = if explain && speakers.is_empty() {
        reasons(a, &cues)
    } else {
        Vec::new()
    };
    // A whole quotation with no cue of its own in a paragraph of one speaker is theirs.
    if let [only] = seen.as_slice() {
        fill_quotes(&mut quoted, &a.quotes, *only);
    }
    let quotations = a
        .quotes
        .iter()
        .zip(quoted)
        .filter_map(|(quote, person)| {
            let (start, end) = a.quoted_span(quote)?;
            let speaker = person
                .and_then(|person| seen.iter().position(|&e| e == person))
                .map(|i| speakers[i].name.clone());
            Some(Quotation {
                start,
                end,
                speaker,
            })
        })
        .collect();
    (speakers, lead, why, quotations)
}

/// Gives `person` the quotations of four words or more that nobody says yet (scare quotes,
/// "a so-called \"special operation\"", stay with nobody unless a cue names their speaker).
fn fill_quotes(quoted: &mut [Option<PersonId>], quotes: &[Quote], person: PersonId) {
    for (slot, quote) in quoted.iter_mut().zip(quotes) {
        if slot.is_none() && quote.words >= 4 {
            *slot = Some(person);
        }
    }
}

/// Why the cues and quotations of a paragraph gave no speaker.
fn reasons(a: &Analysed, cues: &[CueHit]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for c in cues.iter().filter(|c| c.speaker.is_none()) {
        let verb = a.word(c.token);
        let why = match &c.unresolved {
            Some((CueKind::Pronoun, w)) => {
                format!("\"{w} {verb}\": nobody in reach fits the pronoun")
            }
            Some((CueKind::Role, w)) => {
                format!("\"{w} {verb}\": the role names nobody the article names")
            }
            Some((_, w)) => format!(
                "\"{w} {verb}\": not known to be a person (an organisation, a place, or a \
                 name the lists do not know)"
            ),
            None => match &c.noun {
                Some(noun) if noun.ends_with('s') => {
                    format!("\"{noun} {verb}\": the subject is a group, not a named person")
                }
                Some(noun) => format!(
                    "\"{noun} {verb}\": the subject is an unnamed person or a thing, not a \
                     named person"
                ),
                None => format!(
                    "\"{verb}\": its subject is not a named person (an organisation, a group \
                     or an unnamed source)"
                ),
            },
        };
        if !out.contains(&why) {
            out.push(why);
        }
    }
    if out.is_empty() && a.quotes.iter().any(|q| q.words >= 4) {
        out.push("quotation with no speaker in reach".to_string());
    }
    out
}

/// `“We will rebuild this club. …”` as a paragraph of its own: a quotation that opens the
/// paragraph, with no cue naming anyone else, goes on with the previous paragraph's last
/// speaker. A cue whose pronoun or role found nobody ("he added") may stand by it, if the
/// previous speaker fits it.
fn continued_quote(a: &Analysed, cues: &[CueHit], table: &Table, state: &State) -> Option<Claim> {
    let first = a.quotes.first()?;
    if first.open != 0 || first.words < 4 {
        return None;
    }
    let previous = state.last_speakers.last()?;
    let person = &table[previous.person];
    let fits = cues.iter().all(|c| match &c.unresolved {
        Some((CueKind::Pronoun, word)) => {
            let gender = match word.to_lowercase().as_str() {
                "he" | "him" => Gender::Male,
                _ => Gender::Female,
            };
            person.gender.is_none_or(|g| g == gender)
        }
        Some((CueKind::Role, _)) => true,
        _ => false,
    });
    if !fits {
        return None;
    }
    let cue = ClaimCue {
        kind: CueKind::CarriedQuote,
        has_quote: true,
        ..previous.cue.clone()
    };
    Some(Claim::new(previous.person, cue, 0))
}

#[cfg(test)]
mod tests;
