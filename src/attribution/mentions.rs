//! Mentions outside quotations (names, pronouns, role nouns) and how each is resolved to
//! a person of the article: pronouns to the most recent subject of matching gender, role
//! nouns to the person with that role, title, nationality or age.

use compact_str::CompactString;

use super::cues::{is_noun_like, is_role_word};
use super::entities::{self, PersonId, Position, Run, Table, bare_lowercase, key};
use super::lexicon::{self, Gender};
use super::tokens::Kind;
use super::{Analysed, CueKind, State, Subject, rank};

/// A mention outside quotations.
#[derive(Debug, Clone)]
pub(super) struct Mention {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) what: Referent,
    pub(super) is_subject: bool,
    pub(super) kind: CueKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Referent {
    /// A capitalised word the article never shows to be anything ("Gracious in defeat,").
    Unknown,
    Person(PersonId),
    /// Something that is not a named person: a place, organisation, unknown role, group.
    Other,
}

/// Mentions outside quotations: names, pronouns and role noun phrases, each resolved.
pub(super) fn find_mentions(
    a: &Analysed,
    p: usize,
    table: &mut Table,
    state: &mut State,
) -> Vec<Mention> {
    let mut mentions: Vec<Mention> = Vec::with_capacity(a.runs.len() + 4);
    let runs = &a.runs;
    let mut run_at: Vec<Option<usize>> = vec![None; a.tokens.len()];
    // No run crosses a quotation mark: one that starts outside is outside.
    for (r, run) in runs.iter().enumerate() {
        if a.is_outside(run.start) {
            run_at[run.start] = Some(r);
        }
    }
    let mut i = 0;
    while i < a.tokens.len() {
        if !a.is_outside(i) || a.tokens[i].kind != Kind::Word {
            i += 1;
            continue;
        }
        let (mention, next) = if let Some(r) = run_at[i] {
            (name_mention(a, &runs[r], table), runs[r].end)
        } else if let Some(m) = role_mention(a, i, p, table, state) {
            let end = m.end;
            (Some(m), end)
        } else if let Some(gender) = unnamed_person(a, i) {
            // "a Ukrainian officer ... he wrote back": nobody the article names.
            state.subjects.push(Subject {
                person: None,
                gender,
                at: Position::new(p, i),
            });
            (None, i + 1)
        } else if let Some(gender) = pronoun_gender(a, i) {
            let exclude = named_in_sentence_quotes(a, i, table);
            let in_paragraph: Vec<PersonId> = mentions
                .iter()
                .filter_map(|m| match m.what {
                    Referent::Person(e) if m.kind == CueKind::Name => Some(e),
                    _ => None,
                })
                .collect();
            // Persons who spoke earlier in this paragraph ("said Dana Whitfield. She said").
            let spoke: Vec<PersonId> = mentions
                .iter()
                .filter_map(|m| match m.what {
                    Referent::Person(e) if m.kind == CueKind::Name && stands_by_speech(a, m) => {
                        Some(e)
                    }
                    _ => None,
                })
                .collect();
            let who = resolve_pronoun(
                a,
                i,
                state,
                table,
                gender,
                p,
                &exclude,
                &in_paragraph,
                &spoke,
            );
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
        // "Keating’s mother ... she said": a relative the article does not name.
        if let Some(r) = run_at[i].filter(|&r| runs[r].is_possessive)
            && let Some(noun) = a.lower.get(runs[r].end)
            && let Some(gender) = kin_gender(noun)
        {
            state.subjects.push(Subject {
                person: None,
                gender,
                at: Position::new(p, runs[r].end),
            });
        }
        if let Some(r) = run_at[i].filter(|&r| runs[r].is_possessive && !runs[r].is_not_person) {
            // "Achebe's team plans ... she said": the possessor stays in view for pronouns.
            if let Some(e) = table.find(a.keys(&runs[r]))
                && let Some(m) = &mention
                && is_subject_position(a, m, &mentions)
            {
                state.subjects.push(Subject {
                    person: Some(e),
                    gender: None,
                    at: Position::new(p, i),
                });
            }
        }
        if let Some(mut m) = mention {
            m.is_subject = is_subject_position(a, &m, &mentions);
            if let Referent::Person(e) = m.what {
                table[e].last_seen = Some(Position::new(p, m.start));
                if m.kind == CueKind::Name {
                    table[e].mentions += 1;
                }
                if m.kind == CueKind::Pronoun && table[e].gender.is_none() {
                    table[e].gender = pronoun_gender(a, m.start);
                }
                if m.is_subject && !is_plural(a, &m) {
                    state.subjects.push(Subject {
                        person: Some(e),
                        gender: None,
                        at: Position::new(p, m.start),
                    });
                }
            }
            mentions.push(m);
        }
        i = next.max(i + 1);
    }
    mentions
}

pub(super) fn name_mention(a: &Analysed, run: &Run, table: &Table) -> Option<Mention> {
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
        match table.find(a.keys(run)) {
            Some(e) if table[e].is_person => Referent::Person(e),
            None if run.name.len() == 1 && !run.has_title => Referent::Unknown,
            _ => Referent::Other,
        }
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
pub(super) fn role_mention(
    a: &Analysed,
    i: usize,
    p: usize,
    table: &Table,
    state: &State,
) -> Option<Mention> {
    if a.lower[i] != "the" {
        return None;
    }
    let mut j = i + 1;
    let mut nationality = None;
    let mut age = None;
    let mut role: Option<String> = None;
    let mut title_words: Vec<String> = Vec::new();
    // "the SNP leader", "the Toyota chief": organisations the role is held in.
    let mut orgs: Vec<CompactString> = Vec::new();
    while j < a.tokens.len() && j <= i + 4 && a.is_outside(j) && a.tokens[j].kind == Kind::Word {
        let w = bare_lowercase(a.lower[j]);
        if let Some(nat) = lexicon::nationality(w)
            .or_else(|| lexicon::country_nationality(w).filter(|_| a.word(j).contains('.')))
        {
            nationality = Some(nat);
        } else if let Some(nat) = lexicon::nationality_noun(w) {
            // "the Spaniard": a nationality standing as the noun.
            nationality = Some(nat);
            j += 1;
            break;
        } else if let Some(years) = w.strip_suffix("-year-old") {
            age = years.parse().ok();
            // "the 27-year-old personal trainer": words up to a role noun.
            if let Some(r) = (j + 1..(j + 4).min(a.tokens.len()))
                .take_while(|&k| {
                    a.tokens[k].kind == Kind::Word && a.is_outside(k) && is_noun_like(a.lower[k])
                })
                .find(|&k| lexicon::is_role(a.lower[k]))
            {
                role = Some(a.lower[r].to_string());
                j = r + 1;
                break;
            }
        } else if lexicon::is_role(w) {
            // "chief executive", "prime minister", "vice president": the whole phrase.
            let mut phrase = std::mem::take(&mut title_words);
            phrase.push(w.to_string());
            while j + 1 < a.tokens.len()
                && a.tokens[j + 1].kind == Kind::Word
                && lexicon::is_role(a.lower[j + 1])
            {
                j += 1;
                phrase.push(a.lower[j].to_string());
            }
            role = Some(phrase.join(" "));
            j += 1;
            break;
        } else if entities::is_acronym(a.word(j)) && table.people().any(|(_, e)| e.has_role(w)) {
            // "The SP said", "the CAS added": an office by its initials, as written before.
            role = Some(w.to_string());
            j += 1;
            break;
        } else if lexicon::title(w).is_some_and(|t| !t.is_empty()) {
            title_words.push(w.to_string());
        } else if matches!(
            w,
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
        } else if let Some(r) = role_after_modifiers(a, j, i + 7, table) {
            // "the press secretary", "the angry judge", "the Toronto Maple Leafs head coach".
            let mut end = r + 1;
            while end < a.tokens.len()
                && a.tokens[end].kind == Kind::Word
                && lexicon::is_role(bare_lowercase(a.lower[end]))
            {
                end += 1;
            }
            let phrase: Vec<String> = (r..end)
                .map(|k| bare_lowercase(a.lower[k]).to_string())
                .collect();
            role = Some(phrase.join(" "));
            orgs = (j..r)
                .filter(|&k| a.word(k).chars().next().is_some_and(char::is_uppercase))
                .map(|k| key(a.word(k)))
                .collect();
            j = end;
            break;
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
            && !is_verbish(a.lower[j])
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
            let entity = &table[e];
            age.is_none_or(|_| entity.age.is_none())
                && nationality.is_none_or(|_| entity.nationalities.is_empty())
        });
    }
    if who.is_none()
        && let Some(role) = role.as_deref()
        && !table.people().any(|(_, e)| e.has_role_phrase(role))
    {
        // "the chairman said" when the article never wrote "chairman" beside a name: the
        // person just written about, unless their roles say otherwise.
        who = latest_subject(state, p, |e| {
            let entity = &table[e];
            let gender_fits = match role_gender(role) {
                Some(g) => entity.gender.is_none_or(|x| x == g),
                None => true,
            };
            // Who has just spoken may be given a role the article never wrote beside the
            // name, unless it is one of the court's, which are never one person's twice.
            let courtroom = |r: &String| {
                matches!(
                    r.as_str(),
                    "judge"
                        | "lawyer"
                        | "prosecutor"
                        | "defendant"
                        | "witness"
                        | "attorney"
                        | "barrister"
                        | "solicitor"
                        | "magistrate"
                        | "counsel"
                )
            };
            let is_last_speaker = state.last_speakers.iter().any(|c| c.person == e);
            let free = entity.roles.iter().all(|r| r == "person")
                || (is_last_speaker && !entity.roles.iter().any(courtroom));
            let nationality_fits = nationality.is_none_or(|n| entity.nationalities.contains(&n));
            nationality_fits
                && (gender_fits && entity.is_person && free || entity.has_role_phrase(role))
        });
    }
    // "the former SNP leader" is not the president of Kenya: a person the article never
    // wrote beside the organisation is not the one meant.
    let in_org = |e: PersonId| {
        let context = &table[e].context;
        // "the LP candidate" for "Labour Party candidate X": initials of words in a row.
        let initials: String = context.iter().filter_map(|w| w.chars().next()).collect();
        orgs.iter()
            .any(|o| context.contains(o) || (o.len() >= 2 && initials.contains(o.as_str())))
    };
    if !orgs.is_empty() && who.is_some_and(|e| !in_org(e)) {
        // "the Regional Minister" after another minister was named: the one the article
        // wrote beside "Regional", else nobody.
        who = role.as_deref().and_then(|r| {
            table
                .people()
                .filter(|&(e, entity)| {
                    entity.last_seen.is_some() && entity.has_role_phrase(r) && in_org(e)
                })
                .max_by_key(|&(e, entity)| (entity.last_seen, std::cmp::Reverse(e)))
                .map(|(e, _)| e)
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

/// The first role noun at or after `from` (up to `limit`), past words that may modify it:
/// lowercase nouns and adjectives ("press", "angry"), capitalised names of teams and
/// organisations ("Toronto Maple Leafs"), not a person's name.
fn role_after_modifiers(a: &Analysed, from: usize, limit: usize, table: &Table) -> Option<usize> {
    let limit = limit.min(a.tokens.len().saturating_sub(1));
    // Most phrases after "the" hold no role noun at all: then the words need no closer look.
    let has_role = (from..=limit)
        .take_while(|&k| a.tokens[k].kind == Kind::Word && a.is_outside(k))
        .any(|k| lexicon::is_role(bare_lowercase(a.lower[k])));
    if !has_role {
        return None;
    }
    for k in from..=limit {
        if a.tokens[k].kind != Kind::Word || !a.is_outside(k) {
            return None;
        }
        let w = bare_lowercase(a.lower[k]);
        if lexicon::is_role(w) {
            return (k > from).then_some(k);
        }
        let capital = a.word(k).chars().next().is_some_and(char::is_uppercase);
        if capital {
            let known = table.find(&[key(a.word(k))]);
            if known.is_some_and(|e| table[e].is_person) || lexicon::is_given_name(w) {
                return None;
            }
        } else if !is_noun_like(w) {
            return None;
        }
    }
    None
}

/// The gender a role noun names ("chairwoman", "spokesman").
fn role_gender(role: &str) -> Option<Gender> {
    let head = role.rsplit(' ').next().unwrap_or(role);
    if head.ends_with("woman") || matches!(head, "actress" | "queen" | "princess") {
        Some(Gender::Female)
    } else if head.ends_with("man") || matches!(head, "actor" | "king" | "prince") {
        Some(Gender::Male)
    } else {
        None
    }
}

pub(super) fn is_verbish(w: &str) -> bool {
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
pub(super) fn resolve_role(
    table: &Table,
    role: Option<&str>,
    nationality: Option<&str>,
    age: Option<u32>,
) -> Option<PersonId> {
    let fits: Vec<(PersonId, &entities::Entity)> = table
        .people()
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
            .people()
            .filter(|(_, e)| {
                e.last_seen.is_some()
                    && e.nationalities.is_empty()
                    && role.is_some_and(|r| e.has_role_phrase(r))
            })
            .collect()
    } else {
        fits
    };
    let home: Vec<&(PersonId, &entities::Entity)> = fits
        .iter()
        .filter(|(_, e)| e.nationalities.is_empty())
        .collect();
    let pool: Vec<&(PersonId, &entities::Entity)> =
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
pub(super) fn named_in_sentence_quotes(a: &Analysed, i: usize, table: &Table) -> Vec<PersonId> {
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
                for &e in table.with_last(&k) {
                    if !named.contains(&e) {
                        named.push(e);
                    }
                }
            }
        }
    }
    named
}

/// The gender of a pronoun that may stand for a speaker: "he", "she", and "him" or "her"
/// as the source of "according to him," ("according to her lawyer" is a role).
#[inline]
fn pronoun_gender(a: &Analysed, i: usize) -> Option<Gender> {
    // Most words are longer: told by their length alone.
    if !(2..=3).contains(&a.lower[i].len()) {
        return None;
    }
    let object = || {
        i >= 2
            && a.lower[i - 1] == "to"
            && a.lower[i - 2] == "according"
            && a.tokens.get(i + 1).is_none_or(|t| t.kind != Kind::Word)
    };
    match a.lower[i] {
        "he" => Some(Gender::Male),
        "she" => Some(Gender::Female),
        "him" if object() => Some(Gender::Male),
        "her" if object() => Some(Gender::Female),
        _ => None,
    }
}

/// Paragraphs back that a pronoun looks for the person in subject position it stands for.
/// Three finds a few more speakers in real copy but costs as many elsewhere (leave-article-
/// out on the real set: 0.954 with two, 0.951 with three).
const PRONOUN_REACH: usize = 2;

/// The person a pronoun at token `i` of paragraph `p` stands for: among the persons in view
/// (subjects of this paragraph and the two before, persons named here, the last speakers),
/// whose gender fits and who is not named inside the quotation being attributed, the one the
/// model in [`super::rank`] scores best. An unnamed person earlier in this paragraph ("a
/// Ukrainian officer ... he wrote") is the nearer antecedent: then nobody.
#[allow(clippy::too_many_arguments)]
pub(super) fn resolve_pronoun(
    a: &Analysed,
    i: usize,
    state: &State,
    table: &Table,
    gender: Gender,
    p: usize,
    exclude: &[PersonId],
    in_paragraph: &[PersonId],
    spoke: &[PersonId],
) -> Option<PersonId> {
    let fits = |e: PersonId| !exclude.contains(&e) && table[e].gender.is_none_or(|g| g == gender);
    // Recent subjects, most recent first, each person once.
    let mut recent: Vec<PersonId> = Vec::new();
    for subject in state.subjects.iter().rev() {
        let sp = subject.at.paragraph;
        if sp + PRONOUN_REACH < p {
            break;
        }
        match subject.person {
            None if sp == p && recent.is_empty() && subject.gender.is_none_or(|g| g == gender) => {
                return None;
            }
            Some(e) if fits(e) && !recent.contains(&e) => recent.push(e),
            _ => {}
        }
    }
    let mut people: Vec<PersonId> = recent.clone();
    for &e in in_paragraph.iter().rev() {
        if fits(e) && !people.contains(&e) {
            people.push(e);
        }
    }
    for claim in state.last_speakers.iter().rev() {
        if fits(claim.person) && !people.contains(&claim.person) {
            people.push(claim.person);
        }
    }
    let speech_follows = (i + 1..(i + 4).min(a.tokens.len()))
        .take_while(|&k| a.tokens[k].kind == Kind::Word)
        .find(|&k| !lexicon::is_skippable(a.lower[k]))
        .is_some_and(|k| lexicon::verb_at(&a.lower, k).is_some());
    let first_person = table.people().find(|(_, e)| e.is_person).map(|(id, _)| id);
    let last_speaker = state.last_speakers.last().map(|c| c.person);
    let only = people.len() == 1;
    let candidates = people
        .into_iter()
        .map(|e| {
            let entity = &table[e];
            let rank = recent.iter().position(|&r| r == e);
            let subject_here = state
                .subjects
                .iter()
                .any(|s| s.person == Some(e) && s.at.paragraph == p && s.at.token < i);
            let named_here = in_paragraph.contains(&e);
            let distance = entity
                .last_seen
                .map_or(3, |at| p.saturating_sub(at.paragraph));
            let is_last_speaker = last_speaker == Some(e);
            let flag = |b: bool| if b { 1.0 } else { 0.0 };
            let features: rank::Features = [
                flag(rank == Some(0)),
                flag(rank == Some(1)),
                flag(rank.is_some_and(|r| r >= 2)),
                flag(subject_here),
                flag(named_here),
                flag(named_here && !subject_here),
                flag(state.last_speakers.iter().any(|c| c.person == e)),
                flag(is_last_speaker),
                flag(entity.gender == Some(gender)),
                flag(distance == 0),
                flag(distance == 1),
                flag(distance == 2),
                flag(only),
                (1.0 + entity.mentions as f32).ln(),
                flag(first_person == Some(e)),
                flag(speech_follows && is_last_speaker),
                flag(spoke.contains(&e)),
            ];
            rank::Candidate {
                person: e,
                name: entity.name(),
                features,
            }
        })
        .collect();
    rank::choose(p, i, candidates)
}

/// True when a name stands right by a speech verb: "said Dana Whitfield", "Whitfield said".
fn stands_by_speech(a: &Analysed, m: &Mention) -> bool {
    let before = m.start > 0 && lexicon::verb(a.lower[m.start - 1]).is_some_and(|v| v.inverts);
    let after = a
        .lower
        .get(m.end)
        .is_some_and(|w| lexicon::verb(w).is_some());
    before || after
}

/// The most recent named person in subject position (this paragraph or the one before) that
/// `fits`.
pub(super) fn latest_subject(
    state: &State,
    p: usize,
    fits: impl Fn(PersonId) -> bool,
) -> Option<PersonId> {
    state
        .subjects
        .iter()
        .rev()
        .take_while(|s| s.at.paragraph + 1 >= p)
        .find_map(|s| s.person.filter(|&e| fits(e)))
}

/// "a spokesman", "an Ukrainian officer", "one witness": a person the article does not name,
/// with the gender the noun implies. Not an apposition ("Hill, a doctor,") or a predicate
/// ("she is a lawyer"), which describe a named person.
pub(super) fn unnamed_person(a: &Analysed, i: usize) -> Option<Option<Gender>> {
    if !matches!(a.lower[i], "a" | "an" | "one" | "another") {
        return None;
    }
    if i > 0 {
        let prev = a.lower[i - 1];
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
        .find(|&k| lexicon::is_role(a.lower[k]) || is_person_noun(a.lower[k]))?;
    let w = a.lower[noun];
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

/// Gender of a kinship noun ("mother", "son"), for relatives named only by their relation.
fn kin_gender(w: &str) -> Option<Option<Gender>> {
    Some(match w {
        "mother" | "mum" | "mom" | "wife" | "daughter" | "sister" | "grandmother" | "aunt"
        | "widow" | "girlfriend" => Some(Gender::Female),
        "father" | "dad" | "husband" | "son" | "brother" | "grandfather" | "uncle" | "widower"
        | "boyfriend" => Some(Gender::Male),
        "partner" | "spouse" | "lawyer" | "spokesperson" | "spokesman" | "spokeswoman"
        | "friend" | "neighbour" | "neighbor" | "relative" | "cousin" => None,
        _ => return None,
    })
}

pub(super) fn is_person_noun(w: &str) -> bool {
    // Plurals too: "one of the alleged victims".
    let w = w.strip_suffix('s').filter(|s| s.len() > 3).unwrap_or(w);
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
            | "victim"
            | "member"
            | "patient"
            | "employee"
            | "teacher"
            | "nurse"
    )
}

/// A mention is in subject position when it opens a clause: after the start of a sentence,
/// punctuation, a closing quotation or a conjunction ("..., but the Ukrainian was").
pub(super) fn is_subject_position(a: &Analysed, m: &Mention, before: &[Mention]) -> bool {
    // "Union leader Omar Haddad met ...", "Kestrel boss Neil Hargreaves was ...": look past
    // the role words and the organisation before the name.
    let mut start = m.start;
    if m.kind == CueKind::Name {
        let mut k = start;
        while k > 0 && start - k < 4 {
            let t = a.tokens[k - 1];
            let w = a.lower[k - 1];
            let capital = a.word(k - 1).chars().next().is_some_and(char::is_uppercase);
            // "truck driver Joseph Kiprono": a noun before the role word belongs to it.
            let before_role = start == k && lexicon::is_role(a.lower[k]) && is_noun_like(w);
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
        // "a tearful Whitlock said": an article and adjectives before the name.
        let mut k = start;
        while k > 0
            && start - k < 3
            && a.tokens[k - 1].kind == Kind::Word
            && a.word(k - 1).chars().next().is_some_and(char::is_lowercase)
        {
            k -= 1;
            if matches!(a.lower[k], "a" | "an" | "the") {
                start = k;
                break;
            }
            if !is_noun_like(a.lower[k]) {
                break;
            }
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
            let w = a.lower[prev];
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
pub(super) fn is_plural(a: &Analysed, m: &Mention) -> bool {
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
