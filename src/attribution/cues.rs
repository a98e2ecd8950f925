//! Speech cues (verbs in all their forms, "according to", participles) and the subject
//! each one has: read leftwards past adverbs, appositions and asides, or after the verb in
//! `"...," said X`.

use compact_str::CompactString;

use super::entities::{Table, bare_lowercase};
use super::lexicon::{self, Tier};
use super::mentions::{Mention, Referent};
use super::tokens::Kind;
use super::{Analysed, Claim, ClaimCue, CueKind};

/// A speech cue and the speaker it was tied to.
#[derive(Debug, Clone)]
pub(super) struct CueHit {
    pub(super) token: usize,
    /// The speaker, the cue and the mention's position; `None` when the subject is not a
    /// named person ("one source said") or there is none.
    pub(super) speaker: Option<Claim>,
    /// When there is no speaker: the subject that was found and is not a named person (a
    /// pronoun with no antecedent, an unknown name, a group), as (kind, its words).
    pub(super) unresolved: Option<(CueKind, CompactString)>,
    /// Other speakers of the same cue: "Muthama and Aladwa have accused ...".
    pub(super) also: Vec<Claim>,
    /// A common noun that is the subject ("officials said"), for `--explain`.
    pub(super) noun: Option<String>,
}

/// Speech cues outside quotations, each tied to its speaker where one can be found.
pub(super) fn find_cues(a: &Analysed, mentions: &[Mention], table: &Table) -> Vec<CueHit> {
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
        let words_of = |k: usize, w: &str| a.lower.get(i + k).is_some_and(|x| *x == w);
        // "according to X", "in the words of X": the words that follow are X's.
        let source_at = if a.lower[i] == "according" && words_of(1, "to") {
            Some(i + 2)
        } else if a.lower[i] == "in"
            && words_of(1, "the")
            && words_of(2, "words")
            && words_of(3, "of")
        {
            Some(i + 4)
        } else {
            None
        };
        if let Some(from) = source_at {
            // "according to her barrister, Neil Ashby,": past the role to the name.
            let hit = (from..(from + 8).min(a.tokens.len()))
                .take_while(|&k| {
                    mention_starting_at[k].is_some()
                        || a.tokens[k].kind == Kind::Comma
                        || (a.tokens[k].kind == Kind::Word
                            && a.tokens[k].quote.is_none()
                            && is_role_word(a.lower[k]))
                })
                .find_map(|k| mention_starting_at[k])
                .and_then(|m| speaker_from(a, &mentions[m], None, CueKind::AccordingTo, table));
            cues.push(CueHit {
                token: i,
                speaker: hit,
                unresolved: None,
                also: Vec::new(),
                noun: None,
            });
            continue;
        }
        let Some(verb) = lexicon::verb_at(&a.lower, i) else {
            continue;
        };
        if !is_verb_use(a, i, verb) {
            continue;
        }
        let verb_text = a.word(i);
        // Participles after a comma or "and" belong to the sentence's subject.
        // "..., adding", "and telling", "opened the launch by calling it ...".
        let after_comma = i > 0
            && (a.tokens[i - 1].kind == Kind::Comma
                                || matches!(
                    a.lower[i - 1],
                                        "and" | "by" | "before" | "after" | "while" | "when" | "as"
                )
                // "..., at one point quipping that ..."
                || (1..=4).any(|back| {
                    i > back
                        && a.tokens[i - back - 1].kind == Kind::Comma
                        && (i - back..i).all(|k| {
                            a.tokens[k].kind == Kind::Word
                                && a.tokens[k].quote.is_none()
                                && a.word(k).chars().next().is_some_and(char::is_lowercase)
                                && lexicon::verb(a.lower[k]).is_none()
                        })
                }));
        // "Reporters were told by Treviño that ...": the agent speaks.
        let passive_agent = (i >= 1
            && matches!(
                a.lower[i - 1],
                "was" | "were" | "been" | "being" | "is" | "are"
            )
            && a.lower.get(i + 1).is_some_and(|w| *w == "by"))
        .then(|| mention_starting_at.get(i + 2).copied().flatten())
        .flatten();
        if let Some(m) = passive_agent {
            let speaker = speaker_from(a, &mentions[m], Some(verb_text), mentions[m].kind, table);
            let unresolved = unresolved(a, &mentions[m], &speaker);
            cues.push(CueHit {
                token: i,
                speaker,
                unresolved,
                also: Vec::new(),
                noun: None,
            });
            continue;
        }
        let (hit, subject) = match subject_of(a, i, mentions, &mention_ending_at) {
            _ if verb.is_participle && after_comma => (
                clause_speaker(a, i, &cues, mentions, verb_text, table),
                None,
            ),
            Subject::Shared => (
                clause_speaker(a, i, &cues, mentions, verb_text, table),
                None,
            ),
            Subject::Mention(m) => (
                speaker_from(a, &mentions[m], Some(verb_text), mentions[m].kind, table),
                Some(m),
            ),
            Subject::Blocked => (None, None),
            Subject::Noun(k) => {
                // Kept for what comes later: "a union boss has said" in a story's opening
                // names the person the next paragraphs name (see `lead_descriptors`).
                let unresolved = unnamed_role(a, k);
                cues.push(CueHit {
                    token: i,
                    speaker: None,
                    unresolved,
                    also: Vec::new(),
                    noun: Some(a.word(k).to_string()),
                });
                continue;
            }
            // `"...," said Hill`, `said store manager Hector Ramírez`: the speaker follows.
            Subject::Open { may_invert: true } if verb.inverts => {
                match mention_after(a, i, mentions, &mention_starting_at) {
                    Some(m) => (
                        speaker_from(a, &mentions[m], Some(verb_text), mentions[m].kind, table),
                        Some(m),
                    ),
                    None => (None, None),
                }
            }
            Subject::Open { .. } => (None, None),
        };
        // "Zuhdi clarified that the minister had said ...", "He said President Obi asked
        // ...": words reported inside another speaker's words are that speaker's report, not
        // a second speaker.
        let nested = subject.is_some_and(|m| {
            let start = mentions[m].start;
            start > 0
                && (matches!(a.lower[start - 1], "that" | "whether")
                    || cues
                        .iter()
                        .any(|c| c.token + 1 == start && c.speaker.is_some()))
        }) && cues
            .iter()
            .any(|c| a.sentence[c.token] == a.sentence[i] && c.speaker.is_some());
        let hit = if nested { None } else { hit };
        let unresolved = subject.and_then(|m| unresolved(a, &mentions[m], &hit));
        let also = match (subject, &hit) {
            (Some(m), Some(_)) => coordinated(a, m, mentions, &mention_ending_at)
                .into_iter()
                .filter_map(|c| {
                    speaker_from(a, &mentions[c], Some(verb_text), CueKind::Name, table)
                })
                .collect(),
            _ => Vec::new(),
        };
        cues.push(CueHit {
            token: i,
            speaker: hit,
            unresolved,
            also,
            noun: None,
        });
    }
    cues
}

/// Persons coordinated with the subject mention `m`: "Muthama and Aladwa", "A, B and C",
/// also with an apposition after each ("X, the club's president, and Y"). The chain must
/// end in "and" right before `m`.
fn coordinated(
    a: &Analysed,
    m: usize,
    mentions: &[Mention],
    mention_ending_at: &[Option<usize>],
) -> Vec<usize> {
    let sentence = a.sentence[mentions[m].start];
    let is_person = |x: usize| matches!(mentions[x].what, Referent::Person(_));
    let mut out = Vec::new();
    let mut k = mentions[m].start;
    // "Ana Diaz and her Chilean counterpart Luis Mora said": a short descriptor of the
    // last person, opened by a possessive, after "and".
    if let Some(p) = (k.saturating_sub(4)..k)
        .rev()
        .find(|&j| matches!(a.lower[j], "her" | "his" | "their"))
        && p >= 1
        && a.lower[p - 1] == "and"
        && (p + 1..k).all(|j| {
            a.tokens[j].kind == Kind::Word
                && a.tokens[j].quote.is_none()
                && lexicon::verb_at(&a.lower, j).is_none()
                && (a.word(j).starts_with(char::is_lowercase)
                    || lexicon::is_nationality(a.lower[j]))
        })
    {
        k = p;
    }
    let mut skipped = 0;
    let mut first = true;
    while k >= 2 {
        let link = k - 1;
        let is_and = a.lower[link] == "and";
        let is_comma = a.tokens[link].kind == Kind::Comma;
        let links = is_and || (is_comma && !first);
        if !links || a.sentence[link] != sentence {
            break;
        }
        first = false;
        let mut end = link;
        if is_and && a.tokens[end - 1].kind == Kind::Comma {
            end -= 1;
        }
        if let Some(x) = mention_ending_at[end - 1]
            && is_person(x)
        {
            out.push(x);
            k = mentions[x].start;
            skipped = 0;
            continue;
        }
        // An apposition of the person before: back to the comma that opens it.
        let opening = (end.saturating_sub(14)..end)
            .rev()
            .find(|&j| a.tokens[j].kind == Kind::Comma || a.sentence[j] != sentence);
        let segment_ok = opening.is_some_and(|c| {
            a.sentence[c] == sentence
                && (c + 1..end).all(|j| {
                    a.tokens[j].quote.is_none()
                        && a.tokens[j].kind != Kind::Stop
                        && lexicon::verb_at(&a.lower, j).is_none()
                })
        });
        match opening {
            Some(c) if segment_ok && skipped < 3 => {
                skipped += 1;
                k = c + 1;
            }
            _ => break,
        }
    }
    out
}

/// The speaker of a clause whose verb has no subject of its own (a participle, or a verb
/// coordinated with "and"/"but"): the speaker of an earlier cue in the sentence, else the
/// sentence's first subject if that is a person.
pub(super) fn clause_speaker(
    a: &Analysed,
    i: usize,
    cues: &[CueHit],
    mentions: &[Mention],
    verb: &str,
    table: &Table,
) -> Option<Claim> {
    let sentence = a.sentence[i];
    let earlier = cues
        .iter()
        .rev()
        .find(|c| a.sentence[c.token] == sentence && c.speaker.is_some());
    if let Some(mut claim) = earlier.and_then(|c| c.speaker.clone()) {
        claim.cue.verb = Some(CompactString::new(verb));
        claim.at = i;
        return Some(claim);
    }
    // "Rovers chairman Paweł Nowicki ...": an organisation naming the person's employer
    // is not the subject.
    let modifies_next = |m: &Mention| {
        !matches!(m.what, Referent::Person(_))
            && mentions.iter().any(|n| {
                // "The Peoples Democratic Party candidate, Alhaji Musa Bello Danjuma,"
                n.start > m.end
                    && n.start <= m.end + 4
                    && (m.end..n.start).all(|k| {
                        (a.tokens[k].kind == Kind::Word && is_role_word(a.lower[k]))
                            || a.tokens[k].kind == Kind::Comma
                    })
            })
    };
    let m = mentions.iter().find(|m| {
        a.sentence[m.start] == sentence
            && m.start < i
            && m.is_subject
            && m.what != Referent::Unknown
            && !modifies_next(m)
    })?;
    speaker_from(a, m, Some(verb), m.kind, table)
}

/// The mention after an inverted verb, past lowercase words naming a role ("said store
/// manager Hector Ramírez").
pub(super) fn mention_after(
    a: &Analysed,
    i: usize,
    mentions: &[Mention],
    mention_starting_at: &[Option<usize>],
) -> Option<usize> {
    if let Some(m) = mention_starting_at.get(i + 1).copied().flatten()
        && (matches!(mentions[m].what, Referent::Person(_)) || !describes_on(a, mentions[m].end))
    {
        return Some(m); // "said Hill", "said the minister", "said he"
    }
    // "recalls former VOA White House correspondent Paula Wolfson", "said Red Sox second
    // baseman Dustin Pedroia": past role words and the names of organisations they work for.
    let mut k = i + 1;
    while k < a.tokens.len() && k <= i + 9 {
        if let Some(m) = mention_starting_at[k] {
            if matches!(mentions[m].what, Referent::Person(_)) || !describes_on(a, mentions[m].end)
            {
                return (mentions[m].kind != CueKind::Pronoun || k == i + 1).then_some(m);
            }
            k = mentions[m].end;
            continue;
        }
        let t = a.tokens[k];
        let w = a.lower[k];
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
        k += 1;
    }
    None
}

/// True when the words from `k` go on describing someone: a lowercase role, title or noun,
/// or a capitalised name, before the name of who is meant.
fn describes_on(a: &Analysed, k: usize) -> bool {
    a.tokens.get(k).is_some_and(|t| {
        let w = a.lower[k];
        t.kind == Kind::Word
            && t.quote.is_none()
            && (lexicon::is_role(w)
                || lexicon::title(w).is_some_and(|t| !t.is_empty())
                || a.word(k).chars().next().is_some_and(char::is_uppercase))
    })
}

/// Words of a role phrase before a name: "her barrister", "the club's captain".
pub(super) fn is_role_word(w: &str) -> bool {
    matches!(
        w,
        "the" | "a" | "an" | "her" | "his" | "its" | "their" | "our" | "my" | "former"
    ) || lexicon::is_role(w)
        || lexicon::title(w).is_some_and(|t| !t.is_empty())
        || lexicon::is_nationality(w)
}

/// A lowercase word that can modify a role noun ("store manager", "club captain"): not a
/// function word, pronoun or verb.
pub(super) fn is_noun_like(w: &str) -> bool {
    w.len() > 2
        && w.chars().all(|c| c.is_alphabetic() || c == '-')
        && lexicon::verb(w).is_none()
        && !lexicon::is_stop(w)
        && !lexicon::is_skippable(w)
        && !is_preposition(w)
        && !lexicon::opens_clause(w)
}

/// Whether a speech-verb form is used as a verb here, and strongly enough for its tier.
pub(super) fn is_verb_use(a: &Analysed, i: usize, verb: lexicon::Verb) -> bool {
    let n = a.tokens.len();
    // "Governor Samuel Ortom of Benue State", "the Daily Post": a form written with a
    // capital after a word of its sentence is part of a name (a line in capitals is not).
    let word = a.word(i);
    if i > 0
        && a.tokens[i - 1].kind == Kind::Word
        && word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().any(char::is_lowercase)
    {
        return false;
    }
    let prev = if i > 0 { a.lower[i - 1] } else { "" };
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
    // "over the minister’s remarks", "Putin's claims": a possessive makes a noun.
    if prev.ends_with("’s") || prev.ends_with("'s") || prev.ends_with("s’") {
        return false;
    }
    // "declined to comment", "wants to say": an infinitive is no speech, but "went on to say" is.
    if prev == "to" && !(i >= 2 && a.lower[i - 2] == "on") {
        return false;
    }
    // "The coach was told of the decision", "she was asked about it": the subject of a
    // passive is who heard the words ("was told by X" has X as its speaker, found apart).
    let passive = matches!(
        prev,
        "was" | "were" | "been" | "being" | "is" | "are" | "be" | "got"
    ) && !verb.is_participle
        && a.lower[i] != "says"
        && a.lower.get(i + 1).is_none_or(|w| *w != "by");
    if passive {
        return false;
    }
    // "the secretary of state", "a tool for comment": after a preposition the word is a noun
    // ("by saying", "after adding" are participles of the sentence's speaker).
    if !verb.is_participle && matches!(prev, "of" | "for" | "with" | "from" | "at" | "about") {
        return false;
    }
    // "did not respond", "declined to comment", "would never say": no speech.
    let mut k = i;
    while k > 0 && i - k < 4 {
        k -= 1;
        let w = a.lower[k];
        // "should complain", "could say", "will tell": what might be said, not what was
        // (a capitalised "May" or "Will" is a name).
        let is_name = a.word(k).chars().next().is_some_and(char::is_uppercase) && k > 0;
        if !is_name
            && matches!(
                w,
                "not"
                    | "n't"
                    | "never"
                    | "declined"
                    | "refused"
                    | "failed"
                    | "should"
                    | "could"
                    | "would"
                    | "might"
                    | "must"
                    | "can"
                    | "shall"
                    | "will"
                    | "may"
            )
        {
            return false;
        }
        if !(lexicon::is_skippable(w) || w == "to") {
            break;
        }
    }
    // "he has already said his goodbyes": a farewell, not a statement.
    if matches!(a.lower[i], "said" | "says" | "say" | "saying")
        && (i + 1..(i + 3).min(n)).any(|j| {
            matches!(
                a.lower[j],
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
                a.lower[j],
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
    let next = a.lower.get(i + 1).copied().unwrap_or("");
    if verb.is_call {
        // "called the overall picture ... "a bleak one"": a quotation later in the clause.
        let quote_in_clause = (i + 1..n)
            .take_while(|&j| {
                a.sentence[j] == a.sentence[i]
                    && !matches!(a.tokens[j].kind, Kind::Comma | Kind::Semicolon)
            })
            .take(12)
            .any(|j| a.tokens[j].quote.is_some());
        return quote_follows
            || quote_in_clause
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

pub(super) enum Subject {
    /// The mention standing as the verb's subject.
    Mention(usize),
    /// A coordinated verb ("... and told", "... but says"): the clause's subject.
    Shared,
    /// Something else is the subject: an organisation, an unnamed source.
    Blocked,
    /// A common noun ends the subject, at this token ("a senior spokesman said").
    Noun(usize),
    /// Nothing stands before the verb in its clause: `"...," said X` (which may put the
    /// speaker after the verb) or a sentence start (which may not: "Asked whether ...").
    Open {
        /// The verb follows a quotation or comma, so `said X` order is possible.
        may_invert: bool,
    },
}

/// Finds the subject of the verb at `cue` by reading left: adverbs and auxiliaries are
/// skipped, and so is an apposition between commas ("Hugh Hill, a doctor, said").
pub(super) fn subject_of(
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
            if !matches!(mentions[m].what, Referent::Person(_))
                && let Some(person) = name_before_of(a, start, mentions, mention_ending_at)
            {
                return Subject::Mention(person);
            }
            // "Ama Serwaa, Group Managing Director of Star Bank told": an apposition of
            // titles whose closing comma was left out; the name before it speaks.
            if !matches!(mentions[m].what, Referent::Person(_))
                && !past_apposition
                && start >= 2
                && a.tokens[start - 1].kind == Kind::Comma
                && (start..mentions[m].end).any(|k| {
                    let w = bare_lowercase(a.lower[k]);
                    lexicon::title(w).is_some_and(|t| !t.is_empty()) || lexicon::is_role(w)
                })
                && mention_ending_at[start - 2]
                    .is_some_and(|n| matches!(mentions[n].what, Referent::Person(_)))
            {
                j = start;
                past_apposition = true;
                continue;
            }
            // "A spokesman for Mr Harris said", "The secretary of the Environment and Water
            // Minister X criticised": the name is in a phrase, not the subject.
            if let Some(p) = phrase_start(a, start) {
                // "The head of Local Government New Zealand says": the role is.
                if a.lower[p] == "of" && p >= 1 && lexicon::is_role(a.lower[p - 1]) {
                    return Subject::Noun(p - 1);
                }
                return Subject::Blocked;
            }
            if in_reported_content(a, start) {
                return Subject::Blocked;
            }
            return Subject::Mention(m);
        }
        match t.kind {
            Kind::Word => {
                let w = a.lower[j];
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
                // "Ruto on Tuesday said", "Ruto late Monday told": a day between subject and verb.
                if is_weekday(w) {
                    if j > 0 && matches!(a.lower[j - 1], "on" | "last" | "late" | "early") {
                        j -= 1;
                    }
                    continue;
                }
                // "Brannigan owns a van but says ...": the verb shares the clause's subject.
                if matches!(w, "and" | "but") {
                    // "Xi Jinping, who went a step further and warned": the relative's person.
                    if let Some(m) = relative_antecedent(a, j, mention_ending_at) {
                        return Subject::Mention(m);
                    }
                    return Subject::Shared;
                }
                // "Moderator Tom Keegan of WRVL radio asked": a name with its "of" phrase.
                if let Some(m) = name_before_of(a, j + 1, mentions, mention_ending_at) {
                    return Subject::Mention(m);
                }
                return Subject::Noun(j);
            }
            // "Rep. Andre Gilliam (R-Texas) told": skip the parenthesis.
            Kind::Other if a.word(j) == ")" => match (0..j).rev().find(|&k| a.word(k) == "(") {
                Some(k) if a.sentence[k] == sentence => j = k,
                _ => return Subject::Blocked,
            },
            Kind::Comma | Kind::Dash => {
                // "Its chair, Alan Pryor, joked", "Král, 51, told": a name right before the
                // comma, when it opens its clause or an apposition was just skipped; "Sen.
                // Susan Collins (R-Maine) — who ... — stated": also past a parenthesis.
                let before = match j.checked_sub(1) {
                    Some(b) if past_apposition && a.word(b) == ")" => (0..b)
                        .rev()
                        .take_while(|&k| a.sentence[k] == sentence)
                        .find(|&k| a.word(k) == "(")
                        .and_then(|k| k.checked_sub(1)),
                    other => other,
                };
                if let Some(before) = before
                    && !in_relative
                    && let Some(m) = mention_ending_at[before]
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
                        let first = a.lower.get(k + 1).copied().unwrap_or("");
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

/// "The forum described reports that President Obi chided the governors": a subject inside
/// what a report, claim or rumour says is not the one speaking here.
fn in_reported_content(a: &Analysed, start: usize) -> bool {
    start >= 2
        && a.lower[start - 1] == "that"
        && matches!(
            a.lower[start - 2],
            "report"
                | "reports"
                | "claim"
                | "claims"
                | "allegation"
                | "allegations"
                | "assertion"
                | "assertions"
                | "suggestion"
                | "suggestions"
                | "rumour"
                | "rumours"
                | "rumor"
                | "rumors"
                | "speculation"
                | "news"
        )
}

/// The preposition whose phrase a mention starting at `start` ends: right before it ("for
/// Mr Harris"), or before capitalised words, "the" and "and" ("of the Environment and
/// Water Minister X").
fn phrase_start(a: &Analysed, start: usize) -> Option<usize> {
    let mut k = start;
    while k > 0 && start - k < 8 {
        k -= 1;
        if a.tokens[k].kind != Kind::Word || a.tokens[k].quote.is_some() {
            return None;
        }
        let w = a.lower[k];
        if is_preposition(w) {
            return Some(k);
        }
        let capital = a.word(k).chars().next().is_some_and(char::is_uppercase);
        if !(capital || matches!(w, "the" | "and" | "&")) {
            return None;
        }
    }
    None
}

fn is_weekday(word: &str) -> bool {
    matches!(
        word,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

/// For "and"/"but" at `j` inside a relative clause ("X, who ... and warned"), the mention
/// before ", who".
fn relative_antecedent(
    a: &Analysed,
    j: usize,
    mention_ending_at: &[Option<usize>],
) -> Option<usize> {
    let sentence = a.sentence[j];
    let mut k = j;
    while k >= 2 && j - k < 20 {
        k -= 1;
        if a.sentence[k] != sentence || a.tokens[k].quote.is_some() {
            return None;
        }
        if matches!(a.tokens[k].kind, Kind::Stop | Kind::Semicolon | Kind::Colon) {
            return None;
        }
        if a.lower[k] == "who" && a.tokens[k - 1].kind == Kind::Comma {
            return mention_ending_at[k - 2];
        }
    }
    None
}

/// For a word ending an "of" phrase (`Keegan of WRVL radio`), the mention before "of".
pub(super) fn name_before_of(
    a: &Analysed,
    end: usize,
    mentions: &[Mention],
    mention_ending_at: &[Option<usize>],
) -> Option<usize> {
    // Reads left from `end` (exclusive) over "of the University of the Witwatersrand" to
    // the first person standing before an "of".
    let sentence = a.sentence.get(end.saturating_sub(1)).copied()?;
    let mut k = end;
    while k > 0 && end - k < 12 {
        k -= 1;
        if a.sentence[k] != sentence
            || a.tokens[k].kind != Kind::Word
            || a.tokens[k].quote.is_some()
        {
            return None;
        }
        if a.lower[k] == "of" {
            if let Some(m) = k.checked_sub(1).and_then(|b| mention_ending_at[b])
                && matches!(mentions[m].what, Referent::Person(_))
            {
                return Some(m);
            }
            continue;
        }
        if lexicon::verb(a.lower[k]).is_some() || lexicon::opens_clause(a.lower[k]) {
            return None;
        }
    }
    None
}

pub(super) fn is_auxiliary(word: &str) -> bool {
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

pub(super) fn is_preposition(word: &str) -> bool {
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
pub(super) fn opens_apposition(a: &Analysed, start: usize) -> bool {
    // "One, actress Delphine Achterberg, tweeted", "the trustee, Denver attorney Daniel K.
    // Whitfield, told": past the role words and a capitalised word before them.
    let mut start = start;
    let mut past_role = false;
    while start > 0 && a.tokens[start - 1].kind == Kind::Word && a.tokens[start - 1].quote.is_none()
    {
        let w = &a.lower[start - 1];
        let lower = a
            .word(start - 1)
            .chars()
            .next()
            .is_some_and(char::is_lowercase);
        if lower && is_role_word(w) {
            past_role = true;
        } else if !past_role || lower {
            break;
        }
        start -= 1;
    }
    start == 0
        || a.sentence[start - 1] != a.sentence[start]
        || matches!(a.tokens[start - 1].kind, Kind::Comma | Kind::Dash)
}

/// For a comma at `j` closing an apposition or aside (", a doctor at St Mary’s,", ", 52,",
/// ", however,", ", asked whether ...,"), the comma that opens it.
pub(super) fn apposition_start(a: &Analysed, j: usize) -> Option<usize> {
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
                let first = a.lower[k + 1];
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
                    || segment.clone().any(|x| lexicon::is_role(a.lower[x]));
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

/// "a senior Defense Department spokesman", "an SDF commander": a singular role noun at
/// `k` after an article, as (Role, its words).
fn unnamed_role(a: &Analysed, k: usize) -> Option<(CueKind, CompactString)> {
    let w = a.lower[k];
    // "A man who threatened ...": a person nobody will name, not a role.
    let generic = matches!(w, "man" | "woman" | "person" | "boy" | "girl");
    if !lexicon::is_role(w) || generic || a.tokens[k].quote.is_some() {
        return None;
    }
    let start = (k.saturating_sub(6)..k)
        .rev()
        .take_while(|&j| a.tokens[j].kind == Kind::Word && a.tokens[j].quote.is_none())
        .find(|&j| matches!(a.lower[j], "a" | "an" | "the"))?;
    Some((CueKind::Role, a.span(start, k + 1)))
}

/// The subject of a cue that gave no speaker: its kind and words.
fn unresolved(
    a: &Analysed,
    m: &Mention,
    speaker: &Option<Claim>,
) -> Option<(CueKind, CompactString)> {
    speaker.is_none().then(|| (m.kind, a.span(m.start, m.end)))
}

/// The speaker a mention stands for, with the cue that found it.
pub(super) fn speaker_from(
    a: &Analysed,
    m: &Mention,
    verb: Option<&str>,
    kind: CueKind,
    _table: &Table,
) -> Option<Claim> {
    let Referent::Person(entity) = m.what else {
        return None;
    };
    let mention = a.span(m.start, m.end);
    let cue = ClaimCue {
        kind,
        mention,
        verb: verb.map(CompactString::new),
        has_quote: false,
    };
    Some(Claim::new(entity, cue, m.start))
}
