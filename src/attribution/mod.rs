//! Paragraphs of one article -> the named persons whose words each paragraph carries.
//!
//! Pure: text in, speakers out, no I/O. Two stages, as in CoreNLP's quote attribution: link
//! each quotation or speech cue to a *mention* (a name, a pronoun, a role noun such as "the
//! president"), then link the mention to a person in the article's table of people.
//!
//! 1. Tokens and quotation spans (`tokens`); names inside quotations are never speakers.
//! 2. The table of people (`entities`), built over the whole article first, so that the
//!    canonical name is the fullest form the article uses.
//! 3. Per paragraph, in order: mentions outside quotations, with subject position; speech
//!    cues (a lexicon of verbs in all forms, "according to", participles) and their subjects;
//!    each quotation tied to the cue of its sentence, or floating, or carried over from an
//!    open quotation in the previous paragraph.
//! 4. Pronouns take the most recent person in subject position of matching gender, never
//!    one named inside the quotation they attribute; role nouns take the most recent person
//!    introduced with that role, title or nationality.
//!
//! Precision over recall: anything unresolved is dropped. Organisations, places, offices and
//! unnamed sources are not persons and so never speakers.
//!
//! Not here: merging spelling variants across articles ([`crate::speakers`]).

mod entities;
mod lexicon;
mod tokens;

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::article::Article;
use entities::{Run, Table, bare, key};
use lexicon::{Gender, Tier};
use tokens::{Kind, Quote, Token};

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
            CueKind::CarriedQuote => {
                write!(
                    f,
                    "quote carried over from the previous paragraph (\"{}{verb}\")",
                    self.mention
                )
            }
        }
    }
}

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
    let speakers = attribute_texts(&texts);
    for (paragraph, speakers) in article.paragraphs.iter_mut().zip(speakers) {
        paragraph.speakers = speakers;
    }
}

/// The speakers of each paragraph of one article, given as texts in order.
pub fn attribute_texts(paragraphs: &[&str]) -> Vec<Vec<Speaker>> {
    let analysed: Vec<Analysed> = paragraphs.iter().map(|t| Analysed::new(t)).collect();
    let mut table = build_table(&analysed);
    table.forget_positions();
    let mut state = State::default();
    analysed
        .iter()
        .enumerate()
        .map(|(p, a)| attribute_paragraph(a, p, &mut table, &mut state))
        .collect()
}

/// One paragraph's tokens, quotations and sentences.
struct Analysed<'a> {
    text: &'a str,
    tokens: Vec<Token>,
    lower: Vec<String>,
    quotes: Vec<Quote>,
    sentence: Vec<usize>,
}

impl<'a> Analysed<'a> {
    fn new(text: &'a str) -> Analysed<'a> {
        let mut tokens = tokens::tokenize(text);
        let quotes = tokens::find_quotes(text, &mut tokens);
        let lower = tokens
            .iter()
            .map(|t| text[t.start..t.end].to_lowercase())
            .collect();
        let mut a = Analysed {
            text,
            tokens,
            lower,
            quotes,
            sentence: Vec::new(),
        };
        a.sentence = a.sentences();
        a
    }

    fn word(&self, i: usize) -> &'a str {
        &self.text[self.tokens[i].start..self.tokens[i].end]
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
        while i < n {
            ids[i] = id;
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
                    .any(|j| lexicon::verb(&self.lower[j]).is_some())
            }
            _ => false,
        }
    }
}

/// Builds the table of people from every name in the article, quotations included.
fn build_table(paragraphs: &[Analysed]) -> Table {
    let mut table = Table::default();
    for (p, a) in paragraphs.iter().enumerate() {
        for run in entities::runs(a.text, &a.tokens, true) {
            let words = name_words(a, &run);
            let (roles, age, nat) = descriptors_around(a, &run);
            // "Ramavati, a 52-year-old farmer, said": one name, but described as a person.
            let after_preposition = run.start > 0 && is_preposition(&a.lower[run.start - 1]);
            let described = (!roles.is_empty() || age.is_some())
                && !after_preposition
                && words.first().is_some_and(|w| {
                    w.chars().count() >= 3 && w.chars().skip(1).any(char::is_lowercase)
                });
            let index = table
                .register(words.clone(), &run, (p, run.start))
                .or_else(|| {
                    described.then(|| table.register_single(words, &run, (p, run.start)))?
                });
            if let Some(index) = index {
                table.describe(index, &roles, age, nat);
            }
        }
    }
    table
}

fn name_words(a: &Analysed, run: &Run) -> Vec<String> {
    run.name
        .iter()
        .map(|&i| {
            let w = a.word(i);
            let w = w
                .strip_suffix("’s")
                .or_else(|| w.strip_suffix("'s"))
                .unwrap_or(w);
            w.to_string()
        })
        .collect()
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
                a.lower[first].as_str(),
                "a" | "an" | "the" | "who" | "now" | "then"
            ) || a.lower[first].parse::<u32>().is_ok()
                || lexicon::is_role(&a.lower[first])
                || lexicon::is_nationality(&a.lower[first])
                || a.lower[first].ends_with("’s")
                || a.lower[first].ends_with("'s"));
        if looks_like_apposition {
            for k in first..j {
                let w = &a.lower[k];
                if lexicon::is_role(w) {
                    roles.push(w.clone());
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
    // Before: up to three lowercase words ("chief executive", "striker", "the club’s captain,").
    let mut k = run.start;
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
        let w = &a.lower[k];
        if lexicon::is_role(w) {
            roles.push(w.clone());
        } else if let Some(x) = lexicon::nationality(w) {
            nat.get_or_insert(x);
        } else if !matches!(
            w.as_str(),
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

/// What attribution remembers from one paragraph to the next.
#[derive(Default)]
struct State {
    /// Persons in subject position, in order: (entity, paragraph, token, is plural).
    /// `None` marks an unnamed person ("a Ukrainian officer"), who stops a pronoun from
    /// reaching further back.
    subjects: Vec<(Option<usize>, Option<Gender>, usize, usize)>,
    /// Speaker of a quotation left open at the end of the previous paragraph.
    carried: Option<(usize, Cue)>,
    /// Speaker of the previous paragraph's `Name:` answer (interviews, transcripts).
    answering: Option<(usize, Cue)>,
}

/// A mention outside quotations.
#[derive(Debug, Clone)]
struct Mention {
    start: usize,
    end: usize,
    what: Referent,
    is_subject: bool,
    kind: CueKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Referent {
    Person(usize),
    /// Something that is not a named person: a place, organisation, unknown role, group.
    Other,
}

/// A speech cue and the speaker it was tied to.
#[derive(Debug, Clone)]
struct CueHit {
    token: usize,
    /// The speaker, the cue and the mention's position; `None` when the subject is not a
    /// named person ("one source said") or there is none.
    speaker: Option<(usize, Cue, usize)>,
}

fn attribute_paragraph(
    a: &Analysed,
    p: usize,
    table: &mut Table,
    state: &mut State,
) -> Vec<Speaker> {
    let mentions = find_mentions(a, p, table, state);
    let cues = find_cues(a, &mentions, table);
    let mut found: Vec<(usize, usize, Cue)> = Vec::new(); // (position, entity, cue)
    for cue in &cues {
        if let Some((entity, c, pos)) = &cue.speaker {
            let verb = lexicon::verb(&a.lower[cue.token]);
            // Tier B verbs count only with a quotation or a that-clause, checked in find_cues.
            if verb.is_some() || c.kind == CueKind::AccordingTo {
                found.push((*pos, *entity, c.clone()));
            }
        }
    }
    let mut previous_quote: Option<(usize, Cue)> = None;
    let mut last_quote_speaker: Option<(usize, Cue)> = None;
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
            Some((entity, cue)) => {
                found.push((quote.open, *entity, cue.clone()));
                previous_quote = Some((*entity, cue.clone()));
            }
            None if quote.words >= 4 => previous_quote = None,
            None => {}
        }
        if quote.words >= 4 || speaker.is_some() {
            last_quote_speaker = speaker;
        }
    }
    // "Okonkwo: Honestly? The photocopier." An interview answer labelled with a name, and
    // the unlabelled paragraphs that go on with it (not a question).
    let label = answer_label(a, &mentions);
    let answering = state.answering.take();
    if let Some((entity, cue)) = label.clone() {
        found.push((0, entity, cue));
        state.answering = label;
    } else if let Some((entity, cue)) = answering
        && found.is_empty()
        && a.quotes.is_empty()
        && !a.text.trim_end().ends_with('?')
    {
        let cue = Cue {
            kind: CueKind::CarriedQuote,
            ..cue
        };
        found.push((0, entity, cue.clone()));
        state.answering = Some((entity, cue));
    }
    state.carried = match a.quotes.last() {
        Some(q) if q.is_open_at_end => last_quote_speaker.map(|(e, c)| {
            (
                e,
                Cue {
                    kind: CueKind::CarriedQuote,
                    has_quote: true,
                    ..c
                },
            )
        }),
        _ => None,
    };
    found.sort_by_key(|(pos, _, _)| *pos);
    let mut speakers: Vec<Speaker> = Vec::new();
    let mut seen: Vec<usize> = Vec::new();
    for (_, entity, cue) in found {
        if seen.contains(&entity) {
            // Keep the first cue, but note a direct quotation if a later one has it.
            if cue.has_quote
                && let Some(pos) = seen.iter().position(|&e| e == entity)
            {
                speakers[pos].cue.has_quote = true;
            }
            continue;
        }
        seen.push(entity);
        speakers.push(Speaker {
            name: table.entities[entity].name(),
            cue,
        });
    }
    speakers
}

/// Mentions outside quotations: names, pronouns and role noun phrases, each resolved.
fn find_mentions(a: &Analysed, p: usize, table: &mut Table, state: &mut State) -> Vec<Mention> {
    let mut mentions: Vec<Mention> = Vec::new();
    let runs = entities::runs(a.text, &a.tokens, false);
    let mut run_at: Vec<Option<usize>> = vec![None; a.tokens.len()];
    for (r, run) in runs.iter().enumerate() {
        run_at[run.start] = Some(r);
    }
    let mut i = 0;
    while i < a.tokens.len() {
        if !a.is_outside(i) || a.tokens[i].kind != Kind::Word {
            i += 1;
            continue;
        }
        let (mention, next) = if let Some(r) = run_at[i] {
            (name_mention(a, &runs[r], p, table), runs[r].end)
        } else if let Some(m) = role_mention(a, i, p, table, state) {
            let end = m.end;
            (Some(m), end)
        } else if let Some(gender) = unnamed_person(a, i) {
            // "a Ukrainian officer ... he wrote back": nobody the article names.
            state.subjects.push((None, gender, p, i));
            (None, i + 1)
        } else if matches!(a.lower[i].as_str(), "he" | "she") {
            let gender = if a.lower[i] == "he" {
                Gender::Male
            } else {
                Gender::Female
            };
            let exclude = named_in_sentence_quotes(a, i, table);
            let in_paragraph: Vec<usize> = mentions
                .iter()
                .filter_map(|m| match m.what {
                    Referent::Person(e) if m.kind == CueKind::Name => Some(e),
                    _ => None,
                })
                .collect();
            let who = resolve_pronoun(state, table, gender, p, &exclude, &in_paragraph);
            let m = Mention {
                start: i,
                end: i + 1,
                what: who.map_or(Referent::Other, Referent::Person),
                is_subject: false,
                kind: CueKind::Pronoun,
            };
            (Some(m), i + 1)
        } else {
            (None, i + 1)
        };
        if let Some(r) = run_at[i].filter(|&r| runs[r].is_possessive && !runs[r].is_not_person) {
            // "Achebe's team plans ... she said": the possessor stays in view for pronouns.
            let keys: Vec<String> = runs[r].name.iter().map(|&k| key(a.word(k))).collect();
            if let Some(e) = table.find(&keys, (p, i))
                && let Some(m) = &mention
                && is_subject_position(a, m, &mentions)
            {
                state.subjects.push((Some(e), None, p, i));
            }
        }
        if let Some(mut m) = mention {
            m.is_subject = is_subject_position(a, &m, &mentions);
            if let Referent::Person(e) = m.what {
                table.entities[e].last_seen = Some((p, m.start));
                if m.kind == CueKind::Pronoun && table.entities[e].gender.is_none() {
                    table.entities[e].gender = Some(if a.lower[m.start] == "he" {
                        Gender::Male
                    } else {
                        Gender::Female
                    });
                }
                if m.is_subject && !is_plural(a, &m) {
                    state.subjects.push((Some(e), None, p, m.start));
                }
            }
            mentions.push(m);
        }
        i = next.max(i + 1);
    }
    mentions
}

fn name_mention(a: &Analysed, run: &Run, p: usize, table: &Table) -> Option<Mention> {
    if run.name.is_empty() {
        // "The President said": a capitalised title alone is a role noun.
        let title = run.title.as_ref()?;
        let role = title.split(' ').next_back()?;
        let who = resolve_role(table, Some(role), run.nationality, None);
        return Some(Mention {
            start: run.start,
            end: run.end,
            what: who.map_or(Referent::Other, Referent::Person),
            is_subject: false,
            kind: CueKind::Role,
        });
    }
    let what = if run.is_not_person || run.is_possessive {
        Referent::Other
    } else {
        let keys: Vec<String> = run.name.iter().map(|&i| key(a.word(i))).collect();
        table
            .find(&keys, (p, run.start))
            .map_or(Referent::Other, Referent::Person)
    };
    Some(Mention {
        start: run.start,
        end: run.end,
        what,
        is_subject: false,
        kind: CueKind::Name,
    })
}

/// `the (Ukrainian|former|45-year-old)* president`, `the Ukrainian`, `the 45-year-old`.
fn role_mention(a: &Analysed, i: usize, p: usize, table: &Table, state: &State) -> Option<Mention> {
    if a.lower[i] != "the" {
        return None;
    }
    let mut j = i + 1;
    let mut nationality = None;
    let mut age = None;
    let mut role: Option<String> = None;
    let mut title_words: Vec<String> = Vec::new();
    while j < a.tokens.len() && j <= i + 4 && a.is_outside(j) && a.tokens[j].kind == Kind::Word {
        let w = bare(&a.lower[j]);
        if let Some(nat) = lexicon::nationality(&w)
            .or_else(|| lexicon::country_nationality(&w).filter(|_| a.word(j).contains('.')))
        {
            nationality = Some(nat);
        } else if let Some(nat) = lexicon::nationality_noun(&w) {
            // "the Spaniard": a nationality standing as the noun.
            nationality = Some(nat);
            j += 1;
            break;
        } else if let Some(years) = w.strip_suffix("-year-old") {
            age = years.parse().ok();
            // "the 27-year-old personal trainer": words up to a role noun.
            if let Some(r) = (j + 1..(j + 4).min(a.tokens.len()))
                .take_while(|&k| {
                    a.tokens[k].kind == Kind::Word && a.is_outside(k) && is_noun_like(&a.lower[k])
                })
                .find(|&k| lexicon::is_role(&a.lower[k]))
            {
                role = Some(a.lower[r].clone());
                j = r + 1;
                break;
            }
        } else if lexicon::is_role(&w) {
            // "chief executive", "prime minister", "vice president": the whole phrase.
            let mut phrase = std::mem::take(&mut title_words);
            phrase.push(w.clone());
            while j + 1 < a.tokens.len()
                && a.tokens[j + 1].kind == Kind::Word
                && lexicon::is_role(&a.lower[j + 1])
            {
                j += 1;
                phrase.push(a.lower[j].clone());
            }
            role = Some(phrase.join(" "));
            j += 1;
            break;
        } else if lexicon::title(&w).is_some_and(|t| !t.is_empty()) {
            title_words.push(w.clone());
        } else if matches!(
            w.as_str(),
            "former"
                | "new"
                | "veteran"
                | "embattled"
                | "outgoing"
                | "incoming"
                | "top"
                | "senior"
                | "young"
                | "elder"
                | "country"
                | "country’s"
                | "club"
                | "club’s"
        ) {
            // modifiers
        } else {
            break;
        }
        j += 1;
    }
    if role.is_none() && nationality.is_none() && age.is_none() {
        return None;
    }
    if role.is_none() {
        // "the Ukrainian" as a noun: the next word must not be a noun it modifies.
        if j < a.tokens.len()
            && a.tokens[j].kind == Kind::Word
            && a.is_outside(j)
            && !is_verbish(&a.lower[j])
        {
            return None;
        }
    }
    if role
        .as_deref()
        .is_some_and(|r| matches!(r, "woman" | "man"))
        && age.is_none()
        && nationality.is_none()
    {
        return None;
    }
    // An age is the most specific: "the 27-year-old personal trainer" is whoever is 27.
    let mut who = age
        .and_then(|_| resolve_role(table, None, nationality, age))
        .or_else(|| resolve_role(table, role.as_deref(), nationality, age));
    if who.is_none() && (role.is_none() || age.is_some()) {
        // "the 29-year-old", "the Australian" with no person of that age or nationality:
        // newswire style for the person just written about, if nothing contradicts it.
        who = latest_subject(state, p, |e| {
            let entity = &table.entities[e];
            age.is_none_or(|_| entity.age.is_none())
                && nationality.is_none_or(|_| entity.nationalities.is_empty())
        });
    }
    Some(Mention {
        start: i,
        end: j,
        what: who.map_or(Referent::Other, Referent::Person),
        is_subject: false,
        kind: CueKind::Role,
    })
}

fn is_verbish(w: &str) -> bool {
    lexicon::verb(w).is_some()
        || lexicon::is_skippable(w)
        || matches!(
            w,
            "was" | "is" | "had" | "has" | "would" | "will" | "who" | "did" | "and" | "but"
        )
        || w.ends_with("ed")
}

/// The person a role noun refers to: the most recently seen one with that role (and the
/// nationality or age given). A bare "the president" prefers a person whose title came
/// without a nationality ("President Donald Trump" over "Ukrainian President Volodymyr
/// Zelensky"): outlets name their own country's president that way (seed 002, line 2).
fn resolve_role(
    table: &Table,
    role: Option<&str>,
    nationality: Option<&str>,
    age: Option<u32>,
) -> Option<usize> {
    let fits: Vec<(usize, &entities::Entity)> = table
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            e.last_seen.is_some()
                && role.is_none_or(|r| e.has_role_phrase(r) || (r == "woman" || r == "man"))
                && nationality.is_none_or(|n| e.nationalities.contains(&n))
                && age.is_none_or(|y| e.age == Some(y))
        })
        .collect();
    let fits = if fits.is_empty() && nationality.is_some() && role.is_some() {
        // "the Ukrainian leader" for a leader whose nationality the article never states.
        table
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| {
                e.last_seen.is_some()
                    && e.nationalities.is_empty()
                    && role.is_some_and(|r| e.has_role_phrase(r))
            })
            .collect()
    } else {
        fits
    };
    let home: Vec<&(usize, &entities::Entity)> = fits
        .iter()
        .filter(|(_, e)| e.nationalities.is_empty())
        .collect();
    let pool: Vec<&(usize, &entities::Entity)> =
        if nationality.is_none() && role.is_some() && !home.is_empty() {
            home
        } else {
            fits.iter().collect()
        };
    pool.into_iter()
        .max_by_key(|(i, e)| (e.last_seen, std::cmp::Reverse(*i)))
        .map(|(i, _)| *i)
}

/// Persons named inside the quotations of the sentence around token `i`.
fn named_in_sentence_quotes(a: &Analysed, i: usize, table: &Table) -> Vec<usize> {
    let sentence = a.sentence[i];
    let mut named = Vec::new();
    for quote in &a.quotes {
        if a.sentence[quote.open] != sentence {
            continue;
        }
        for j in quote.open..=quote.close {
            if a.tokens[j].kind == Kind::Word
                && a.word(j).chars().next().is_some_and(char::is_uppercase)
            {
                let k = key(a.word(j));
                for (e, entity) in table.entities.iter().enumerate() {
                    if entity.keys.last() == Some(&k) && !named.contains(&e) {
                        named.push(e);
                    }
                }
            }
        }
    }
    named
}

/// The most recent person in subject position, in this paragraph or the two before it,
/// whose gender fits and who is not named inside the quotation being attributed.
fn resolve_pronoun(
    state: &State,
    table: &Table,
    gender: Gender,
    p: usize,
    exclude: &[usize],
    in_paragraph: &[usize],
) -> Option<usize> {
    let fits =
        |e: usize| !exclude.contains(&e) && table.entities[e].gender.is_none_or(|g| g == gender);
    let mut looked_here = false;
    for &(entity, unnamed_gender, sp, _) in state.subjects.iter().rev() {
        if sp + 2 < p {
            break;
        }
        // "Among those affected was Harold Pemberton, 79. '...,' he said": with no subject
        // in this paragraph, a person named in it comes before earlier paragraphs.
        if sp < p && !looked_here {
            looked_here = true;
            if let Some(&e) = in_paragraph.iter().rev().find(|&&e| fits(e)) {
                return Some(e);
            }
        }
        match entity {
            // An unnamed person earlier in this paragraph is the nearer antecedent.
            None if sp == p && unnamed_gender.is_none_or(|g| g == gender) => return None,
            None => {}
            Some(e) if fits(e) => return Some(e),
            Some(_) => {}
        }
    }
    if looked_here {
        return None;
    }
    in_paragraph.iter().rev().find(|&&e| fits(e)).copied()
}

/// The most recent named person in subject position (this paragraph or the one before) that
/// `fits`.
fn latest_subject(state: &State, p: usize, fits: impl Fn(usize) -> bool) -> Option<usize> {
    state
        .subjects
        .iter()
        .rev()
        .take_while(|(_, _, sp, _)| *sp + 1 >= p)
        .find_map(|&(e, _, _, _)| e.filter(|&e| fits(e)))
}

/// "a spokesman", "an Ukrainian officer", "one witness": a person the article does not name,
/// with the gender the noun implies. Not an apposition ("Hill, a doctor,") or a predicate
/// ("she is a lawyer"), which describe a named person.
fn unnamed_person(a: &Analysed, i: usize) -> Option<Option<Gender>> {
    if !matches!(a.lower[i].as_str(), "a" | "an" | "one" | "another") {
        return None;
    }
    if i > 0 {
        let prev = a.lower[i - 1].as_str();
        if a.tokens[i - 1].kind == Kind::Comma
            || matches!(
                prev,
                "is" | "was" | "as" | "be" | "been" | "became" | "remains" | "were" | "are"
            )
        {
            return None;
        }
    }
    let noun = (i + 1..(i + 5).min(a.tokens.len()))
        .take_while(|&k| a.tokens[k].kind == Kind::Word && a.tokens[k].quote.is_none())
        .find(|&k| lexicon::is_role(&a.lower[k]) || is_person_noun(&a.lower[k]))?;
    let w = a.lower[noun].as_str();
    Some(
        if w.ends_with("woman")
            || matches!(
                w,
                "mother" | "actress" | "queen" | "girl" | "wife" | "sister"
            )
        {
            Some(Gender::Female)
        } else if w.ends_with("man")
            || matches!(
                w,
                "father" | "actor" | "king" | "boy" | "husband" | "brother"
            )
        {
            Some(Gender::Male)
        } else {
            None
        },
    )
}

fn is_person_noun(w: &str) -> bool {
    matches!(
        w,
        "officer"
            | "witness"
            | "source"
            | "official"
            | "resident"
            | "neighbour"
            | "neighbor"
            | "friend"
            | "relative"
            | "passenger"
            | "customer"
            | "soldier"
            | "worker"
            | "student"
            | "mother"
            | "father"
            | "girl"
            | "boy"
            | "wife"
            | "husband"
            | "sister"
            | "brother"
            | "aide"
            | "adviser"
            | "advisor"
            | "spokesperson"
            | "colleague"
            | "survivor"
            | "volunteer"
            | "protester"
            | "fan"
            | "voter"
            | "shopper"
            | "commuter"
            | "parent"
    )
}

/// A mention is in subject position when it opens a clause: after the start of a sentence,
/// punctuation, a closing quotation or a conjunction ("..., but the Ukrainian was").
fn is_subject_position(a: &Analysed, m: &Mention, before: &[Mention]) -> bool {
    // "Union leader Omar Haddad met ...", "Kestrel boss Neil Hargreaves was ...": look past
    // the role words and the organisation before the name.
    let mut start = m.start;
    if m.kind == CueKind::Name {
        let mut k = start;
        while k > 0 && start - k < 4 {
            let t = a.tokens[k - 1];
            let w = a.lower[k - 1].as_str();
            let capital = a.word(k - 1).chars().next().is_some_and(char::is_uppercase);
            // "truck driver Joseph Kiprono": a noun before the role word belongs to it.
            let before_role = start == k && lexicon::is_role(&a.lower[k]) && is_noun_like(w);
            let roleish = is_role_word(w) || before_role;
            if t.kind != Kind::Word || t.quote.is_some() || !(roleish || (capital && k < start)) {
                break;
            }
            if roleish {
                start = k - 1;
            }
            k -= 1;
        }
        // Only an organisation name right before the role counts ("Kestrel boss").
        while start > 0
            && start < m.start
            && a.tokens[start - 1].kind == Kind::Word
            && a.tokens[start - 1].quote.is_none()
            && a.word(start - 1)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        {
            start -= 1;
        }
    }
    if start == 0 {
        return true;
    }
    let prev = start - 1;
    if a.sentence[prev] != a.sentence[start] {
        return true;
    }
    let t = a.tokens[prev];
    if t.quote.is_some() {
        return true;
    }
    match t.kind {
        Kind::Comma | Kind::Semicolon | Kind::Colon | Kind::Dash | Kind::Stop => {
            // "..., Hugh Hill said" yes; but not the object in "told Y, ..." (comma before).
            true
        }
        Kind::Word => {
            let w = a.lower[prev].as_str();
            // "According to Sarah Quinn, ...": the source is who the text follows.
            if w == "to" && prev > 0 && a.lower[prev - 1] == "according" {
                return true;
            }
            lexicon::opens_clause(w)
                && !(w == "and" && before.last().is_some_and(|b| b.end == prev))
        }
        _ => false,
    }
}

/// "Putin and Zelensky": coordinated mentions are a group, not one antecedent.
fn is_plural(a: &Analysed, m: &Mention) -> bool {
    let n = a.tokens.len();
    (m.end < n
        && a.lower[m.end] == "and"
        && m.end + 1 < n
        && a.word(m.end + 1)
            .chars()
            .next()
            .is_some_and(char::is_uppercase))
        || (m.start >= 1 && a.lower[m.start - 1] == "and")
}

/// Speech cues outside quotations, each tied to its speaker where one can be found.
fn find_cues(a: &Analysed, mentions: &[Mention], table: &Table) -> Vec<CueHit> {
    let mut mention_ending_at: Vec<Option<usize>> = vec![None; a.tokens.len() + 1];
    let mut mention_starting_at: Vec<Option<usize>> = vec![None; a.tokens.len() + 1];
    for (m, mention) in mentions.iter().enumerate() {
        mention_ending_at[mention.end - 1] = Some(m);
        mention_starting_at[mention.start] = Some(m);
    }
    let mut cues: Vec<CueHit> = Vec::new();
    for i in 0..a.tokens.len() {
        if !a.is_outside(i) || a.tokens[i].kind != Kind::Word {
            continue;
        }
        if a.lower[i] == "according" && i + 1 < a.tokens.len() && a.lower[i + 1] == "to" {
            // "according to her barrister, Neil Ashby,": past the role to the name.
            let hit = (i + 2..(i + 8).min(a.tokens.len()))
                .take_while(|&k| {
                    mention_starting_at[k].is_some()
                        || a.tokens[k].kind == Kind::Comma
                        || (a.tokens[k].kind == Kind::Word
                            && a.tokens[k].quote.is_none()
                            && is_role_word(&a.lower[k]))
                })
                .find_map(|k| mention_starting_at[k])
                .and_then(|m| speaker_from(a, &mentions[m], None, CueKind::AccordingTo, table));
            cues.push(CueHit {
                token: i,
                speaker: hit,
            });
            continue;
        }
        let Some(verb) = lexicon::verb(&a.lower[i]) else {
            continue;
        };
        if !is_verb_use(a, i, verb) {
            continue;
        }
        let verb_text = a.word(i).to_string();
        // Participles after a comma or "and" belong to the sentence's subject.
        // "..., adding", "and telling", "opened the launch by calling it ...".
        let after_comma = i > 0
            && (a.tokens[i - 1].kind == Kind::Comma
                || matches!(a.lower[i - 1].as_str(), "and" | "by"));
        // "Reporters were told by Treviño that ...": the agent speaks.
        let passive_agent = (i >= 1
            && matches!(
                a.lower[i - 1].as_str(),
                "was" | "were" | "been" | "being" | "is" | "are"
            )
            && a.lower.get(i + 1).is_some_and(|w| w == "by"))
        .then(|| mention_starting_at.get(i + 2).copied().flatten())
        .flatten();
        if let Some(m) = passive_agent {
            let speaker = speaker_from(a, &mentions[m], Some(&verb_text), mentions[m].kind, table);
            cues.push(CueHit { token: i, speaker });
            continue;
        }
        let hit = match subject_of(a, i, mentions, &mention_ending_at) {
            _ if verb.is_participle && after_comma => {
                clause_speaker(a, i, &cues, mentions, &verb_text, table)
            }
            Subject::Shared => clause_speaker(a, i, &cues, mentions, &verb_text, table),
            Subject::Mention(m) => {
                speaker_from(a, &mentions[m], Some(&verb_text), mentions[m].kind, table)
            }
            Subject::Blocked => None,
            // `"...," said Hill`, `said store manager Hector Ramírez`: the speaker follows.
            Subject::Open { may_invert: true } if verb.inverts => {
                mention_after(a, i, mentions, &mention_starting_at).and_then(|m| {
                    speaker_from(a, &mentions[m], Some(&verb_text), mentions[m].kind, table)
                })
            }
            Subject::Open { .. } => None,
        };
        cues.push(CueHit {
            token: i,
            speaker: hit,
        });
    }
    cues
}

/// The speaker of a clause whose verb has no subject of its own (a participle, or a verb
/// coordinated with "and"/"but"): the speaker of an earlier cue in the sentence, else the
/// sentence's first subject if that is a person.
fn clause_speaker(
    a: &Analysed,
    i: usize,
    cues: &[CueHit],
    mentions: &[Mention],
    verb: &str,
    table: &Table,
) -> Option<(usize, Cue, usize)> {
    let sentence = a.sentence[i];
    let earlier = cues
        .iter()
        .rev()
        .find(|c| a.sentence[c.token] == sentence && c.speaker.is_some());
    if let Some((e, mut c, _)) = earlier.and_then(|c| c.speaker.clone()) {
        c.verb = Some(verb.to_string());
        return Some((e, c, i));
    }
    // "Rovers chairman Paweł Nowicki ...": an organisation naming the person's employer
    // is not the subject.
    let modifies_next = |m: &Mention| {
        m.what == Referent::Other
            && mentions.iter().any(|n| {
                n.start > m.end
                    && n.start <= m.end + 3
                    && (m.end..n.start)
                        .all(|k| a.tokens[k].kind == Kind::Word && is_role_word(&a.lower[k]))
            })
    };
    let m = mentions.iter().find(|m| {
        a.sentence[m.start] == sentence && m.start < i && m.is_subject && !modifies_next(m)
    })?;
    speaker_from(a, m, Some(verb), m.kind, table)
}

/// The mention after an inverted verb, past lowercase words naming a role ("said store
/// manager Hector Ramírez").
fn mention_after(
    a: &Analysed,
    i: usize,
    mentions: &[Mention],
    mention_starting_at: &[Option<usize>],
) -> Option<usize> {
    if let Some(m) = mention_starting_at.get(i + 1).copied().flatten() {
        return Some(m); // "said Hill", "said the minister", "said he"
    }
    for (k, starting) in mention_starting_at
        .iter()
        .enumerate()
        .take((i + 4).min(a.tokens.len()))
        .skip(i + 1)
    {
        if let Some(m) = *starting {
            return (mentions[m].kind != CueKind::Pronoun).then_some(m);
        }
        let t = a.tokens[k];
        let w = a.lower[k].as_str();
        let describes = t.kind == Kind::Word
            && t.quote.is_none()
            && a.word(k).chars().next().is_some_and(char::is_lowercase)
            && (lexicon::is_role(w)
                || lexicon::title(w).is_some()
                || lexicon::is_nationality(w)
                || is_noun_like(w));
        if !describes {
            return None;
        }
    }
    None
}

/// Words of a role phrase before a name: "her barrister", "the club's captain".
fn is_role_word(w: &str) -> bool {
    matches!(
        w,
        "the" | "a" | "an" | "her" | "his" | "its" | "their" | "our" | "my" | "former"
    ) || lexicon::is_role(w)
        || lexicon::title(w).is_some_and(|t| !t.is_empty())
        || lexicon::is_nationality(w)
}

/// A lowercase word that can modify a role noun ("store manager", "club captain"): not a
/// function word, pronoun or verb.
fn is_noun_like(w: &str) -> bool {
    w.len() > 2
        && w.chars().all(|c| c.is_alphabetic() || c == '-')
        && lexicon::verb(w).is_none()
        && !lexicon::is_stop(w)
        && !lexicon::is_skippable(w)
        && !is_preposition(w)
        && !lexicon::opens_clause(w)
}

/// Whether a speech-verb form is used as a verb here, and strongly enough for its tier.
fn is_verb_use(a: &Analysed, i: usize, verb: lexicon::Verb) -> bool {
    let n = a.tokens.len();
    let prev = if i > 0 { a.lower[i - 1].as_str() } else { "" };
    // "the post", "a statement", "his claim": nouns.
    if matches!(
        prev,
        "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "its"
            | "their"
            | "this"
            | "that"
            | "our"
            | "my"
            | "your"
            | "no"
            | "any"
    ) {
        return false;
    }
    // "declined to comment", "wants to say": an infinitive is no speech, but "went on to say" is.
    if prev == "to" && !(i >= 2 && a.lower[i - 2] == "on") {
        return false;
    }
    // "did not respond", "declined to comment", "would never say": no speech.
    let mut k = i;
    while k > 0 && i - k < 4 {
        k -= 1;
        let w = a.lower[k].as_str();
        if matches!(
            w,
            "not" | "n't" | "never" | "declined" | "refused" | "failed"
        ) {
            return false;
        }
        if !(lexicon::is_skippable(w) || w == "to") {
            break;
        }
    }
    // "he has already said his goodbyes": a farewell, not a statement.
    if matches!(a.lower[i].as_str(), "said" | "says" | "say" | "saying")
        && (i + 1..(i + 3).min(n)).any(|j| {
            matches!(
                a.lower[j].as_str(),
                "goodbye" | "goodbyes" | "farewell" | "farewells" | "grace" | "prayers" | "hello"
            )
        })
    {
        return false;
    }
    // "Tait claimed his first championship victory": winning, not saying.
    if a.lower[i].starts_with("claim")
        && (i + 1..(i + 5).min(n)).any(|j| {
            matches!(
                a.lower[j].as_str(),
                "victory"
                    | "title"
                    | "win"
                    | "crown"
                    | "seat"
                    | "prize"
                    | "medal"
                    | "pole"
                    | "trophy"
                    | "gold"
                    | "silver"
                    | "bronze"
                    | "championship"
                    | "wickets"
                    | "lives"
                    | "life"
                    | "asylum"
                    | "benefits"
                    | "expenses"
            )
        })
    {
        return false;
    }
    // "Marshall added 14 points": adding up, not speaking.
    if a.lower[i].starts_with("add")
        && a.lower
            .get(i + 1)
            .is_some_and(|w| w.chars().next().is_some_and(|c| c.is_ascii_digit()))
    {
        return false;
    }
    let quote_follows = (i + 1..(i + 5).min(n)).any(|j| a.tokens[j].quote.is_some());
    let next = a.lower.get(i + 1).map(String::as_str).unwrap_or("");
    if verb.is_call {
        return quote_follows
            || matches!(
                next,
                "it" | "for" | "on" | "them" | "him" | "her" | "this" | "that"
            );
    }
    if verb.is_narrow {
        let after_quote = i > 0
            && (a.tokens[i - 1].quote.is_some()
                || (a.tokens[i - 1].kind == Kind::Comma
                    && i > 1
                    && a.tokens[i - 2].quote.is_some()));
        let opens = matches!(
            next,
            "that" | "in" | "on" | "to" | "back" | "," | ":" | "." | ""
        ) || a
            .tokens
            .get(i + 1)
            .is_some_and(|t| matches!(t.kind, Kind::Stop | Kind::Comma | Kind::Colon));
        let quote_in_sentence = (i + 1..n)
            .take_while(|&j| a.sentence[j] == a.sentence[i])
            .any(|j| a.tokens[j].quote.is_some());
        return quote_in_sentence
            || after_quote
            || opens
            || a.sentence.get(i + 1) != a.sentence.get(i);
    }
    match verb.tier {
        Tier::A => true,
        Tier::B => quote_follows || next == "that" || (i > 0 && a.tokens[i - 1].quote.is_some()),
    }
}

enum Subject {
    /// The mention standing as the verb's subject.
    Mention(usize),
    /// A coordinated verb ("... and told", "... but says"): the clause's subject.
    Shared,
    /// Something else is the subject: a noun, an organisation, an unnamed source.
    Blocked,
    /// Nothing stands before the verb in its clause: `"...," said X` (which may put the
    /// speaker after the verb) or a sentence start (which may not: "Asked whether ...").
    Open {
        /// The verb follows a quotation or comma, so `said X` order is possible.
        may_invert: bool,
    },
}

/// Finds the subject of the verb at `cue` by reading left: adverbs and auxiliaries are
/// skipped, and so is an apposition between commas ("Hugh Hill, a doctor, said").
fn subject_of(
    a: &Analysed,
    cue: usize,
    mentions: &[Mention],
    mention_ending_at: &[Option<usize>],
) -> Subject {
    let sentence = a.sentence[cue];
    let mut j = cue;
    let mut steps = 0;
    // Set once an apposition was skipped: the name before it is the subject.
    let mut past_apposition = false;
    // Inside the tail of a relative clause ("..., has worked ..."), until its start.
    let mut in_relative = false;
    while j > 0 && steps < 60 {
        j -= 1;
        steps += 1;
        if a.sentence[j] != sentence {
            return Subject::Open { may_invert: false };
        }
        let t = a.tokens[j];
        if t.quote.is_some() {
            return Subject::Open { may_invert: true };
        }
        if let Some(m) = mention_ending_at[j] {
            let start = mentions[m].start;
            // "Henrik Aalund of Baltic Freight Research warned": the person before "of".
            if mentions[m].what == Referent::Other
                && start > 0
                && let Some(person) =
                    name_before_of(a, start - 1, mention_ending_at).or_else(|| {
                        (a.lower[start - 1] == "of")
                            .then(|| start.checked_sub(2).and_then(|b| mention_ending_at[b]))
                            .flatten()
                    })
                && matches!(mentions[person].what, Referent::Person(_))
            {
                return Subject::Mention(person);
            }
            // "A spokesman for Mr Harris said": the name is in a phrase, not the subject.
            if start > 0 && is_preposition(&a.lower[start - 1]) {
                return Subject::Blocked;
            }
            return Subject::Mention(m);
        }
        match t.kind {
            Kind::Word => {
                let w = a.lower[j].as_str();
                // "..., led by Olena Kravets, who told": the relative pronoun's antecedent.
                if w == "who"
                    && j >= 2
                    && a.tokens[j - 1].kind == Kind::Comma
                    && let Some(m) = mention_ending_at[j - 2]
                {
                    return Subject::Mention(m);
                }
                if lexicon::is_skippable(w) || w == "who" {
                    continue;
                }
                // "Brannigan owns a van but says ...": the verb shares the clause's subject.
                if matches!(w, "and" | "but") {
                    return Subject::Shared;
                }
                // "Moderator Tom Keegan of WRVL radio asked": a name with its "of" phrase.
                if let Some(m) = name_before_of(a, j, mention_ending_at) {
                    return Subject::Mention(m);
                }
                return Subject::Blocked;
            }
            // "Rep. Andre Gilliam (R-Texas) told": skip the parenthesis.
            Kind::Other if a.word(j) == ")" => match (0..j).rev().find(|&k| a.word(k) == "(") {
                Some(k) if a.sentence[k] == sentence => j = k,
                _ => return Subject::Blocked,
            },
            Kind::Comma | Kind::Dash => {
                // "Its chair, Alan Pryor, joked", "Král, 51, told": a name right before the
                // comma, when it opens its clause or an apposition was just skipped.
                if j > 0
                    && !in_relative
                    && let Some(m) = mention_ending_at[j - 1]
                    && (past_apposition || opens_apposition(a, mentions[m].start))
                {
                    return Subject::Mention(m);
                }
                // An apposition or aside between commas: skip back over it to the name.
                match apposition_start(a, j) {
                    Some(k) => {
                        j = k + 1;
                        past_apposition = true;
                        // "Méndez, whose husband, Juan Carlos, has worked there, said": the
                        // tail of a relative clause; its own commas hold no subject.
                        let first = a.lower.get(k + 1).map(String::as_str).unwrap_or("");
                        if is_auxiliary(first) {
                            in_relative = true;
                        } else if matches!(first, "who" | "whose" | "which") {
                            in_relative = false;
                        }
                    }
                    // `"...", said Hill` and "The plan fails, said Hill": may invert.
                    None if t.kind == Kind::Comma => return Subject::Open { may_invert: true },
                    None => return Subject::Blocked,
                }
            }
            Kind::Close | Kind::Open | Kind::Other => return Subject::Open { may_invert: true },
            Kind::Stop | Kind::Colon | Kind::Semicolon => {
                return Subject::Open { may_invert: false };
            }
        }
    }
    Subject::Open { may_invert: false }
}

/// For a word ending an "of" phrase (`Keegan of WRVL radio`), the mention before "of".
fn name_before_of(a: &Analysed, j: usize, mention_ending_at: &[Option<usize>]) -> Option<usize> {
    let sentence = a.sentence[j];
    let mut k = j;
    while k > 0 && j - k < 5 {
        k -= 1;
        if a.sentence[k] != sentence
            || a.tokens[k].kind != Kind::Word
            || a.tokens[k].quote.is_some()
        {
            return None;
        }
        if a.lower[k] == "of" {
            return k.checked_sub(1).and_then(|b| mention_ending_at[b]);
        }
        if lexicon::verb(&a.lower[k]).is_some() || lexicon::opens_clause(&a.lower[k]) {
            return None;
        }
    }
    None
}

fn is_auxiliary(word: &str) -> bool {
    matches!(
        word,
        "has"
            | "have"
            | "had"
            | "is"
            | "are"
            | "was"
            | "were"
            | "will"
            | "would"
            | "can"
            | "could"
            | "does"
            | "did"
            | "may"
            | "might"
    )
}

fn is_preposition(word: &str) -> bool {
    matches!(
        word,
        "for"
            | "of"
            | "to"
            | "with"
            | "at"
            | "from"
            | "by"
            | "about"
            | "on"
            | "in"
            | "against"
            | "like"
            | "than"
            | "under"
            | "behind"
            | "near"
            | "without"
            | "toward"
            | "towards"
    )
}

/// True if a mention starting at `start` begins a sentence or follows a comma or dash.
fn opens_apposition(a: &Analysed, start: usize) -> bool {
    start == 0
        || a.sentence[start - 1] != a.sentence[start]
        || matches!(a.tokens[start - 1].kind, Kind::Comma | Kind::Dash)
}

/// For a comma at `j` closing an apposition or aside (", a doctor at St Mary’s,", ", 52,",
/// ", however,", ", asked whether ...,"), the comma that opens it.
fn apposition_start(a: &Analysed, j: usize) -> Option<usize> {
    let sentence = a.sentence[j];
    let mut k = j;
    while k > 0 && j - k < 30 {
        k -= 1;
        if a.sentence[k] != sentence || a.tokens[k].quote.is_some() {
            return None;
        }
        match a.tokens[k].kind {
            Kind::Comma | Kind::Dash => {
                if k + 1 == j {
                    return None;
                }
                let first = a.lower[k + 1].as_str();
                let segment = k + 1..j;
                let looks_like = matches!(
                    first,
                    "a" | "an"
                        | "the"
                        | "who"
                        | "whose"
                        | "which"
                        | "now"
                        | "then"
                        | "once"
                        | "however"
                        | "meanwhile"
                        | "too"
                        | "though"
                        | "again"
                        | "later"
                        | "moreover"
                        | "instead"
                        | "also"
                        | "nonetheless"
                        | "formerly"
                        | "herself"
                        | "himself"
                        | "its"
                        | "his"
                        | "her"
                ) || first.parse::<u32>().is_ok()
                    || lexicon::is_nationality(first)
                    || a.word(k + 1).chars().next().is_some_and(char::is_lowercase)
                    || segment.clone().any(|x| lexicon::is_role(&a.lower[x]));
                return looks_like.then_some(k);
            }
            Kind::Word | Kind::Other => {}
            // A stray mark outside any quotation ("Shipowners’ Alliance").
            Kind::Open | Kind::Close if a.tokens[k].quote.is_none() => {}
            _ => return None,
        }
    }
    None
}

/// The speaker a mention stands for, with the cue that found it.
fn speaker_from(
    a: &Analysed,
    m: &Mention,
    verb: Option<&str>,
    kind: CueKind,
    _table: &Table,
) -> Option<(usize, Cue, usize)> {
    let Referent::Person(entity) = m.what else {
        return None;
    };
    let mention = a.text[a.tokens[m.start].start..a.tokens[m.end - 1].end].to_string();
    Some((
        entity,
        Cue {
            kind,
            mention,
            verb: verb.map(str::to_string),
            has_quote: false,
        },
        m.start,
    ))
}

/// The speaker of quotation `q`: the cue of its sentence (right after it first, then before
/// it), else the previous quotation's speaker, else one carried over from the last paragraph.
fn quote_speaker(
    a: &Analysed,
    q: usize,
    quote: &Quote,
    cues: &[CueHit],
    mentions: &[Mention],
    previous: Option<&(usize, Cue)>,
    carried: Option<&(usize, Cue)>,
) -> Option<(usize, Cue)> {
    let sentence = a.sentence[quote.open];
    let in_sentence: Vec<&CueHit> = cues
        .iter()
        .filter(|c| a.sentence[c.token] == sentence)
        .collect();
    let next_quote = a.quotes.get(q + 1).map_or(usize::MAX, |n| n.open);
    let after = in_sentence
        .iter()
        .find(|c| c.token > quote.close && c.token < next_quote && c.token <= quote.close + 8);
    let before = in_sentence.iter().rev().find(|c| c.token < quote.open);
    let later = in_sentence
        .iter()
        .find(|c| c.token > quote.close && c.token < next_quote);
    let chosen = after.or(before).or(later);
    if let Some(cue) = chosen {
        return cue.speaker.as_ref().map(|(e, c, _)| {
            (
                *e,
                Cue {
                    has_quote: true,
                    ..c.clone()
                },
            )
        });
    }
    if quote.words < 4 {
        return None; // A fragment needs a cue of its own.
    }
    // `Tully, via WhatsApp, is not impressed: "..."`: a colon hands the quotation to the
    // subject of the clause before it.
    if quote.open > 0 && a.tokens[quote.open - 1].kind == Kind::Colon {
        let subject = mentions
            .iter()
            .find(|m| a.sentence[m.start] == sentence && m.start < quote.open && m.is_subject);
        if let Some(m) = subject
            && let Referent::Person(entity) = m.what
        {
            let mention = a.text[a.tokens[m.start].start..a.tokens[m.end - 1].end].to_string();
            let kind = if m.kind == CueKind::Name {
                CueKind::Name
            } else {
                m.kind
            };
            let cue = Cue {
                kind,
                mention,
                verb: None,
                has_quote: true,
            };
            return Some((entity, cue));
        }
    }
    let opens_paragraph = quote.open == 0;
    if opens_paragraph && let Some((e, c)) = carried {
        return Some((*e, c.clone()));
    }
    if previous.is_none() {
        return after_person_sentence(a, quote, mentions);
    }
    previous.map(|(e, c)| {
        (
            *e,
            Cue {
                kind: if c.kind == CueKind::CarriedQuote {
                    CueKind::CarriedQuote
                } else {
                    CueKind::FloatingQuote
                },
                has_quote: true,
                ..c.clone()
            },
        )
    })
}

/// A paragraph that opens with a person's name and a colon ("Okonkwo: ...").
fn answer_label(a: &Analysed, mentions: &[Mention]) -> Option<(usize, Cue)> {
    let m = mentions
        .first()
        .filter(|m| m.start == 0 && m.kind == CueKind::Name)?;
    let Referent::Person(entity) = m.what else {
        return None;
    };
    if a.tokens.get(m.end).map(|t| t.kind) != Some(Kind::Colon) {
        return None;
    }
    let mention = a.text[a.tokens[m.start].start..a.tokens[m.end - 1].end].to_string();
    Some((
        entity,
        Cue {
            kind: CueKind::Name,
            mention,
            verb: None,
            has_quote: true,
        },
    ))
}

/// `Then he went further. "They want us to ..."`: a quotation standing as a sentence of its
/// own, right after a sentence whose subject is a person, quotes that person.
fn after_person_sentence(
    a: &Analysed,
    quote: &Quote,
    mentions: &[Mention],
) -> Option<(usize, Cue)> {
    let sentence = a.sentence[quote.open];
    if quote.open == 0 || a.sentence[quote.open - 1] == sentence {
        return None;
    }
    let previous = a.sentence[quote.open - 1];
    let subject = mentions
        .iter()
        .find(|m| a.sentence[m.start] == previous && m.is_subject)?;
    let Referent::Person(entity) = subject.what else {
        return None;
    };
    let mention = a.text[a.tokens[subject.start].start..a.tokens[subject.end - 1].end].to_string();
    Some((
        entity,
        Cue {
            kind: CueKind::FloatingQuote,
            mention,
            verb: None,
            has_quote: true,
        },
    ))
}

#[cfg(test)]
mod tests;
