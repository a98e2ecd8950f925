//! One speaker value per person across the corpus: spelling variants and diacritics merge
//! (Zelensky, Zelenskyy, Zelenskiy -> one name), and an optional alias file names what the
//! rules cannot guess.
//!
//! Within one article the fullest form already wins (see [`crate::attribution`]); this
//! module works across articles. Names already in the index come first, so a new spelling
//! joins the name the index knows instead of splitting the person in two.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use crate::article::Article;
use crate::error::{Error, Result};

/// File name of the alias table inside a corpus folder.
pub const ALIASES_FILE: &str = "speakers.toml";

/// Jaro-Winkler similarity from which two surnames are spellings of one name.
const SURNAME_SIMILARITY: f64 = 0.93;

/// Canonical speaker names for a corpus.
#[derive(Debug, Clone, Default)]
pub struct SpeakerNames {
    /// Folded alias -> canonical name, from the alias file.
    aliases: HashMap<String, String>,
    /// Canonical names known so far, with their folded words.
    known: Vec<(Vec<String>, String)>,
    by_key: HashMap<String, usize>,
}

/// Folds a name for comparison: lowercase, accents and punctuation removed.
pub fn fold(name: &str) -> String {
    let ascii = deunicode::deunicode(name).to_lowercase();
    ascii
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

impl SpeakerNames {
    /// No aliases, no known names.
    pub fn new() -> SpeakerNames {
        SpeakerNames::default()
    }

    /// Reads an alias table: TOML, each canonical name mapped to a list of aliases.
    ///
    /// ```toml
    /// "Volodymyr Zelensky" = ["Wolodymyr Selenskyj", "Zelenskyy"]
    /// ```
    ///
    /// # Errors
    /// [`Error::Io`] when the file cannot be read, [`Error::BadArticle`] when it is not such
    /// a table.
    pub fn load_aliases(&mut self, path: &Path) -> Result<()> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        self.add_aliases_toml(&text)
            .map_err(|message| Error::BadArticle {
                location: path.display().to_string(),
                message,
            })
    }

    /// Adds aliases from TOML text (see [`SpeakerNames::load_aliases`]).
    ///
    /// # Errors
    /// A message when the text is not a table of name lists.
    pub fn add_aliases_toml(&mut self, text: &str) -> std::result::Result<(), String> {
        let table: BTreeMap<String, Vec<String>> =
            toml::from_str(text).map_err(|e| format!("not a table of speaker aliases: {e}"))?;
        for (canonical, aliases) in table {
            self.learn(&canonical);
            for alias in aliases {
                self.aliases.insert(fold(&alias), canonical.clone());
            }
        }
        Ok(())
    }

    /// Makes `name` a known canonical name (as names already in the index are).
    pub fn learn(&mut self, name: &str) {
        let key = fold(name);
        if key.is_empty() || self.by_key.contains_key(&key) {
            return;
        }
        self.by_key.insert(key.clone(), self.known.len());
        let words = key.split(' ').map(str::to_string).collect();
        self.known.push((words, name.to_string()));
    }

    /// The canonical form of `name`: an alias's target, a known spelling variant, or the
    /// name itself (which then becomes known).
    pub fn canonical(&mut self, name: &str) -> String {
        let key = fold(name);
        if let Some(target) = self.aliases.get(&key) {
            return target.clone();
        }
        if let Some(&i) = self.by_key.get(&key) {
            return self.known[i].1.clone();
        }
        let words: Vec<String> = key.split(' ').map(str::to_string).collect();
        if let Some(found) = self.variant_of(&words) {
            return found;
        }
        self.learn(name);
        name.to_string()
    }

    /// A known name that `words` is a spelling variant of: surnames alike (Jaro-Winkler),
    /// first names equal, an initial of each other, or missing on one side. A lone surname
    /// joins a known full name only when exactly one fits.
    fn variant_of(&self, words: &[String]) -> Option<String> {
        let (last, firsts) = words.split_last()?;
        let fits: Vec<&String> = self
            .known
            .iter()
            .filter(|(known, _)| {
                let (k_last, k_firsts) = known.split_last().expect("known names are not empty");
                let surname = k_last == last
                    || (last.len() >= 5
                        && strsim::jaro_winkler(k_last, last) >= SURNAME_SIMILARITY);
                let firsts_fit = match (firsts.first(), k_firsts.first()) {
                    (None, _) | (_, None) => true,
                    (Some(a), Some(b)) => {
                        a == b
                            || strsim::jaro_winkler(a, b) >= SURNAME_SIMILARITY
                            || (a.len() == 1 && b.starts_with(a.as_str()))
                            || (b.len() == 1 && a.starts_with(b.as_str()))
                    }
                };
                surname && firsts_fit
            })
            .map(|(_, name)| name)
            .collect();
        match fits.as_slice() {
            [one] => Some((*one).clone()),
            // Several fit: prefer the one with the same number of words, if unique.
            many => {
                let same: Vec<&&String> = many
                    .iter()
                    .filter(|n| fold(n).split(' ').count() == words.len())
                    .collect();
                (same.len() == 1 && !firsts.is_empty()).then(|| (*same[0]).clone())
            }
        }
    }

    /// Canonicalises the speakers of a batch of articles. Fuller, more frequent names are
    /// learnt first, so that "Volodymyr Zelensky" is the name that "Zelenskyy" joins.
    /// Returns, per canonical name, the other spellings seen (to index as variants).
    pub fn canonicalise(&mut self, articles: &mut [Article]) -> HashMap<String, Vec<String>> {
        let mut counts: HashMap<String, usize> = HashMap::new();
        for article in articles.iter() {
            for p in &article.paragraphs {
                for s in &p.speakers {
                    *counts.entry(s.name.clone()).or_default() += 1;
                }
            }
        }
        let mut order: Vec<(&String, &usize)> = counts.iter().collect();
        order.sort_by(|a, b| {
            let words = |n: &str| n.split_whitespace().count();
            words(b.0)
                .cmp(&words(a.0))
                .then(b.1.cmp(a.1))
                .then(a.0.cmp(b.0))
        });
        let mut mapping: HashMap<String, String> = HashMap::new();
        for (name, _) in order {
            mapping.insert(name.clone(), self.canonical(name));
        }
        let mut variants: HashMap<String, Vec<String>> = HashMap::new();
        for (from, to) in &mapping {
            if from != to {
                variants.entry(to.clone()).or_default().push(from.clone());
            }
        }
        for list in variants.values_mut() {
            list.sort();
        }
        for article in articles.iter_mut() {
            for p in &mut article.paragraphs {
                for s in &mut p.speakers {
                    if let Some(to) = mapping.get(&s.name) {
                        s.name.clone_from(to);
                    }
                }
                // Two spellings in one paragraph are one person.
                let mut seen = Vec::new();
                p.speakers.retain(|s| {
                    let new = !seen.contains(&s.name);
                    seen.push(s.name.clone());
                    new
                });
            }
        }
        variants
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spelling_variants_and_diacritics_merge() {
        let mut names = SpeakerNames::new();
        assert_eq!(names.canonical("Volodymyr Zelensky"), "Volodymyr Zelensky");
        for variant in [
            "Volodymyr Zelenskyy",
            "Volodymyr Zelenskiy",
            "Volodymyr Zelenskyj",
            "Zelenskyy",
            "volodymyr zelensky",
        ] {
            assert_eq!(names.canonical(variant), "Volodymyr Zelensky", "{variant}");
        }
        assert_eq!(names.canonical("José Álvarez"), "José Álvarez");
        assert_eq!(names.canonical("Jose Alvarez"), "José Álvarez");
    }

    #[test]
    fn different_people_stay_apart() {
        let mut names = SpeakerNames::new();
        names.canonical("Donald Trump");
        assert_eq!(names.canonical("Melania Trump"), "Melania Trump");
        assert_eq!(names.canonical("Anna Berg"), "Anna Berg");
        assert_eq!(names.canonical("Anna Bergman"), "Anna Bergman");
        // A lone surname shared by two known people is left as it is.
        assert_eq!(names.canonical("Trump"), "Trump");
    }

    #[test]
    fn alias_file_maps_what_rules_cannot_guess() {
        let mut names = SpeakerNames::new();
        names
            .add_aliases_toml("\"Volodymyr Zelensky\" = [\"Wolodymyr Selenskyj\"]")
            .unwrap();
        assert_eq!(names.canonical("Wolodymyr Selenskyj"), "Volodymyr Zelensky");
        assert!(names.add_aliases_toml("not = [toml").is_err());
    }
}
