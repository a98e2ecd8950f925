//! Who said each quotation: the cue of its sentence, a colon's subject, the previous
//! quotation, a quotation carried over from the last paragraph, or an interview label.

use super::cues::CueHit;
use super::mentions::{Mention, Referent};
use super::tokens::{Kind, Quote};
use super::{Analysed, Claim, ClaimCue, CueKind};

/// The speaker of quotation `q`: the cue of its sentence (right after it first, then before
/// it), else the previous quotation's speaker, else one carried over from the last paragraph.
pub(super) fn quote_speaker(
    a: &Analysed,
    q: usize,
    quote: &Quote,
    cues: &[CueHit],
    mentions: &[Mention],
    previous: Option<&Claim>,
    carried: Option<&Claim>,
) -> Option<Claim> {
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
        return cue.speaker.as_ref().map(|claim| {
            let cue = ClaimCue {
                has_quote: true,
                ..claim.cue.clone()
            };
            Claim::new(claim.person, cue, quote.open)
        });
    }
    if quote.words < 4 {
        return None; // A fragment needs a cue of its own.
    }
    // `Tully, via WhatsApp, is not impressed: "..."`: a colon hands the quotation to the
    // subject of the clause before it.
    if quote.open > 0 && a.tokens[quote.open - 1].kind == Kind::Colon {
        // "More from Thornbury:" has no subject: then the last person named before it.
        let before = |m: &&Mention| a.sentence[m.start] == sentence && m.start < quote.open;
        let subject = mentions
            .iter()
            .filter(before)
            .find(|m| m.is_subject && m.what != Referent::Unknown)
            .or_else(|| {
                mentions
                    .iter()
                    .filter(before)
                    .rfind(|m| matches!(m.what, Referent::Person(_)))
            });
        if let Some(m) = subject
            && let Referent::Person(entity) = m.what
        {
            let mention = a.span(m.start, m.end);
            let kind = if m.kind == CueKind::Name {
                CueKind::Name
            } else {
                m.kind
            };
            let cue = ClaimCue {
                kind,
                mention,
                verb: None,
                has_quote: true,
            };
            return Some(Claim::new(entity, cue, quote.open));
        }
    }
    let opens_paragraph = quote.open == 0;
    if opens_paragraph && let Some(claim) = carried {
        return Some(claim.clone());
    }
    if previous.is_none() {
        return after_person_sentence(a, quote, mentions);
    }
    previous.map(|c| {
        let cue = ClaimCue {
            kind: if c.cue.kind == CueKind::CarriedQuote {
                CueKind::CarriedQuote
            } else {
                CueKind::FloatingQuote
            },
            has_quote: true,
            ..c.cue.clone()
        };
        Claim::new(c.person, cue, quote.open)
    })
}

/// A paragraph that opens with a person's name and a colon ("Okonkwo: ...").
pub(super) fn answer_label(a: &Analysed, mentions: &[Mention]) -> Option<Claim> {
    let m = mentions
        .first()
        .filter(|m| m.start == 0 && m.kind == CueKind::Name)?;
    let Referent::Person(entity) = m.what else {
        return None;
    };
    if a.tokens.get(m.end).map(|t| t.kind) != Some(Kind::Colon) {
        return None;
    }
    let mention = a.span(m.start, m.end);
    let cue = ClaimCue {
        kind: CueKind::Name,
        mention,
        verb: None,
        has_quote: true,
    };
    Some(Claim::new(entity, cue, 0))
}

/// `Then he went further. "They want us to ..."`: a quotation standing as a sentence of its
/// own, right after a sentence whose subject is a person, quotes that person.
pub(super) fn after_person_sentence(
    a: &Analysed,
    quote: &Quote,
    mentions: &[Mention],
) -> Option<Claim> {
    let sentence = a.sentence[quote.open];
    if quote.open == 0 || a.sentence[quote.open - 1] == sentence {
        return None;
    }
    let previous = a.sentence[quote.open - 1];
    // The first subject that is a person, past words the article never explains
    // ("Roads and Transport Cabinet Secretary Davis Chirchir").
    let subject = mentions
        .iter()
        .filter(|m| a.sentence[m.start] == previous && m.is_subject)
        .find(|m| m.what != Referent::Unknown)?;
    let Referent::Person(entity) = subject.what else {
        return None;
    };
    let mention = a.span(subject.start, subject.end);
    let cue = ClaimCue {
        kind: CueKind::FloatingQuote,
        mention,
        verb: None,
        has_quote: true,
    };
    Some(Claim::new(entity, cue, quote.open))
}
