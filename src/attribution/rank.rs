//! The learned part of attribution: which person a pronoun ("he said") stands for. The
//! candidates are the persons in view (recent subjects, persons named in the paragraph, the
//! last speakers); each gets features, a linear model scores them, and the best one wins.
//!
//! The weights live in `weights.txt` beside this file, trained on the real-news gold set by
//! `cargo run --release --example train-attribution -- --write` (an averaged perceptron
//! started from recency alone, [`Weights::recency`], so that everything else it weighs is
//! learnt from labelled news). [`Weights::prior`] keeps the hand-set weights the rules had,
//! for comparison. The training example reports leave-article-out figures.

use std::cell::RefCell;
use std::sync::LazyLock;

use super::entities::PersonId;

/// The features of a candidate, by index.
pub const FEATURES: [&str; 17] = [
    "most_recent_subject",
    "second_subject",
    "later_subject",
    "subject_in_paragraph",
    "named_in_paragraph",
    "object_in_paragraph",
    "speaker_of_previous_paragraph",
    "last_speaker",
    "gender_known",
    "same_paragraph",
    "previous_paragraph",
    "two_paragraphs_back",
    "only_candidate",
    "mentions",
    "first_person_named",
    "speech_cue_and_last_speaker",
    "spoke_in_paragraph",
];

/// Number of features.
pub const N: usize = FEATURES.len();

/// One feature vector.
pub type Features = [f32; N];

/// Weights of the linear model.
#[derive(Debug, Clone, PartialEq)]
pub struct Weights(pub [f32; N]);

impl Weights {
    /// The hand-set weights the rules had before any training: subjects of this paragraph
    /// first, then persons named in it, then recency.
    pub fn prior() -> Weights {
        let mut w = [0.0; N];
        let set = |w: &mut [f32; N], name: &str, v: f32| {
            w[FEATURES.iter().position(|f| *f == name).expect("a feature")] = v;
        };
        set(&mut w, "subject_in_paragraph", 4.0);
        set(&mut w, "named_in_paragraph", 3.0);
        set(&mut w, "most_recent_subject", 2.0);
        set(&mut w, "second_subject", 1.0);
        set(&mut w, "later_subject", 0.5);
        set(&mut w, "last_speaker", 0.25);
        set(&mut w, "spoke_in_paragraph", 2.0);
        Weights(w)
    }

    /// Recency alone: the most recent subject wins. Where training starts from, so that what
    /// the model knows beyond recency comes from the labelled news.
    pub fn recency() -> Weights {
        let mut w = [0.0; N];
        w[0] = 1.0;
        Weights(w)
    }

    /// Reads `name value` lines (`#` comments); features not named keep their prior weight.
    ///
    /// # Errors
    /// A message naming the line that is not a known feature and a number.
    pub fn parse(text: &str) -> Result<Weights, String> {
        let mut w = Weights::prior();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (name, value) = line
                .split_once(char::is_whitespace)
                .ok_or_else(|| format!("line {}: `feature weight` expected", n + 1))?;
            let i = FEATURES
                .iter()
                .position(|f| *f == name)
                .ok_or_else(|| format!("line {}: unknown feature `{name}`", n + 1))?;
            w.0[i] = value
                .trim()
                .parse()
                .map_err(|e| format!("line {}: {e}", n + 1))?;
        }
        Ok(w)
    }

    /// The weights as `parse` reads them, one feature per line.
    pub fn to_text(&self) -> String {
        FEATURES
            .iter()
            .zip(self.0)
            .map(|(f, v)| format!("{f} {v:.4}\n"))
            .collect()
    }

    /// The score of a candidate.
    pub fn score(&self, features: &Features) -> f32 {
        self.0.iter().zip(features).map(|(w, f)| w * f).sum()
    }
}

/// The committed weights.
static WEIGHTS: LazyLock<Weights> = LazyLock::new(|| {
    Weights::parse(include_str!("weights.txt")).expect("weights.txt is well formed (tested)")
});

/// One decision, as training sees it.
#[derive(Debug, Clone)]
pub struct Decision {
    /// Paragraph of the pronoun.
    pub paragraph: usize,
    /// Token of the pronoun in it.
    pub token: usize,
    /// The candidates: their names and features.
    pub candidates: Vec<(String, Features)>,
    /// The candidate the model chose.
    pub chosen: Option<usize>,
    /// The pronoun gave a speaker (it was the subject of a speech cue).
    pub is_used: bool,
}

thread_local! {
    /// Weights to use instead of the committed ones (training only).
    static OVERRIDE: RefCell<Option<Weights>> = const { RefCell::new(None) };
    /// Decisions being recorded (training only).
    static TRACE: RefCell<Option<Vec<Decision>>> = const { RefCell::new(None) };
}

/// A person that a pronoun may stand for, with its features.
pub(super) struct Candidate {
    pub person: PersonId,
    pub name: String,
    pub features: Features,
}

/// The best candidate, recorded when a trace is on.
pub(super) fn choose(
    paragraph: usize,
    token: usize,
    candidates: Vec<Candidate>,
) -> Option<PersonId> {
    let score = |c: &Candidate| {
        OVERRIDE.with(|o| match &*o.borrow() {
            Some(w) => w.score(&c.features),
            None => WEIGHTS.score(&c.features),
        })
    };
    // Highest score; ties go to the earlier candidate (the more recent one).
    let mut best: Option<(usize, f32)> = None;
    for (i, c) in candidates.iter().enumerate() {
        let s = score(c);
        if best.is_none_or(|(_, b)| s > b) {
            best = Some((i, s));
        }
    }
    let chosen = best.map(|(i, _)| i);
    TRACE.with(|t| {
        if let Some(trace) = &mut *t.borrow_mut() {
            trace.push(Decision {
                paragraph,
                token,
                candidates: candidates
                    .iter()
                    .map(|c| (c.name.clone(), c.features))
                    .collect(),
                chosen,
                is_used: false,
            });
        }
    });
    chosen.map(|i| candidates[i].person)
}

/// Marks the decision for the pronoun at (`paragraph`, `token`) as one that gave a speaker.
pub(super) fn mark_used(paragraph: usize, token: usize) {
    TRACE.with(|t| {
        if let Some(trace) = &mut *t.borrow_mut()
            && let Some(d) = trace
                .iter_mut()
                .rev()
                .find(|d| d.paragraph == paragraph && d.token == token)
        {
            d.is_used = true;
        }
    });
}

/// Runs `f` with `weights` in place of the committed ones, recording every decision.
pub fn traced<T>(weights: Option<&Weights>, f: impl FnOnce() -> T) -> (T, Vec<Decision>) {
    OVERRIDE.with(|o| *o.borrow_mut() = weights.cloned());
    TRACE.with(|t| *t.borrow_mut() = Some(Vec::new()));
    let out = f();
    let trace = TRACE.with(|t| t.borrow_mut().take()).unwrap_or_default();
    OVERRIDE.with(|o| *o.borrow_mut() = None);
    (out, trace)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn committed_weights_parse_and_round_trip() {
        let w = Weights::parse(include_str!("weights.txt")).unwrap();
        assert_eq!(Weights::parse(&w.to_text()).unwrap(), w);
        assert!(Weights::parse("no_such_feature 1").is_err());
        assert!(Weights::parse("mentions x").is_err());
    }
}
