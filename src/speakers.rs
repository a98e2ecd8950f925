//! One speaker value per person across the corpus: spelling variants and diacritics merge
//! (Zelensky, Zelenskyy, Zelenskiy -> one name), and an optional alias file names what the
//! rules cannot guess.
//!
//! Within one article the fullest form already wins (see [`crate::attribution`]); this
//! module works across articles. The canonical names are a pure function of the names the
//! corpus uses, how often, and the aliases: [`SpeakerNames::resolve`] sees every name at
//! once, so an index updated night after night gets the same names as one built in one go.
//!
//! Names are compared within blocks: the same folded surname, or for spelling variants a
//! surname that shares a form with a letter or two left out (at most one letter apart, two
//! for long surnames), so the work grows with the number of names, not its square.

use std::collections::{BTreeMap, HashMap};
use std::hash::Hasher;

use rustc_hash::{FxHashMap, FxHasher};
use std::path::Path;

use crate::error::{Error, Result};
use crate::model::Article;

/// File name of the alias table inside a corpus folder.
pub const ALIASES_FILE: &str = "speakers.toml";

/// Jaro-Winkler similarity from which two surnames are spellings of one name.
const SURNAME_SIMILARITY: f64 = 0.93;

/// Surnames shorter than this must match exactly: short names differ by one letter too often.
const FUZZY_MIN_LEN: usize = 5;

/// How to make speaker names canonical: the alias tables.
#[derive(Debug, Clone, Default)]
pub struct SpeakerNames {
    /// Folded alias -> canonical name, from the alias files.
    aliases: HashMap<String, String>,
    /// Canonical names named by the alias files, in file order: they are known first.
    targets: Vec<String>,
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

/// The canonical name of each name a corpus uses.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NameMap {
    map: HashMap<String, String>,
}

impl NameMap {
    /// The canonical form of `name` (the name itself when it is canonical or unknown).
    pub fn canonical<'a>(&'a self, name: &'a str) -> &'a str {
        self.map.get(name).map_or(name, String::as_str)
    }

    /// Every name that maps to another one, with its canonical form, sorted.
    pub fn variants(&self) -> Vec<(&str, &str)> {
        let mut out: Vec<(&str, &str)> = self
            .map
            .iter()
            .filter(|(from, to)| from != to)
            .map(|(from, to)| (from.as_str(), to.as_str()))
            .collect();
        out.sort();
        out
    }

    /// Rewrites the speakers of `articles` to their canonical names; two spellings in one
    /// paragraph become one speaker.
    pub fn apply(&self, articles: &mut [Article]) {
        for article in articles {
            for p in &mut article.paragraphs {
                for s in &mut p.speakers {
                    if let Some(to) = self.map.get(&s.name) {
                        s.name.clone_from(to);
                    }
                }
                let mut seen: Vec<String> = Vec::new();
                p.speakers.retain(|s| {
                    let new = !seen.contains(&s.name);
                    seen.push(s.name.clone());
                    new
                });
            }
        }
    }
}

/// The canonical names known while resolving, indexed for the lookups `resolve` makes.
#[derive(Default)]
struct Known {
    /// Canonical names with their folded words.
    names: Vec<(Vec<String>, String)>,
    by_key: HashMap<String, usize>,
    /// Folded surname -> known names with it.
    by_surname: HashMap<String, Vec<usize>>,
    /// Distinct surnames long enough for spelling variants.
    surnames: Vec<String>,
    /// Hash of a surname with one letter (or, for long ones, two) left out -> the surnames
    /// (indexes into `surnames`) that give it: two spellings within the edit distance
    /// allowed share such a form, so a new surname is compared only with those, never with
    /// every known one. Each hash heads a list in `chain` (no allocation per hash).
    by_deletion: FxHashMap<u64, u32>,
    /// (surname, next entry of the same hash or `u32::MAX`).
    chain: Vec<(u32, u32)>,
}

/// Letters by which two spellings of one surname may differ: one, or two for long names
/// ("Zelenskyy", "Zelenskiy", "Zelensky"; not "Johns" and "Johnson").
fn allowed_edits(chars: usize) -> usize {
    if chars >= 8 { 2 } else { 1 }
}

/// Hashes of `word` with up to `edits` (one or two) letters left out, itself included.
fn deletion_hashes(word: &str, edits: usize) -> Vec<u64> {
    let chars: Vec<char> = word.chars().collect();
    let hash = |skip: &[usize]| {
        let mut h = FxHasher::default();
        for (k, c) in chars.iter().enumerate() {
            if !skip.contains(&k) {
                h.write_u32(*c as u32);
            }
        }
        h.finish()
    };
    let n = chars.len();
    let mut out = vec![hash(&[])];
    for a in 0..n {
        out.push(hash(&[a]));
        if edits >= 2 {
            for b in a + 1..n {
                out.push(hash(&[a, b]));
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Whether two different surnames are spellings of one name.
fn are_spellings(a: &str, b: &str) -> bool {
    let shorter = a.chars().count().min(b.chars().count());
    a.len() >= FUZZY_MIN_LEN
        && b.len() >= FUZZY_MIN_LEN
        && strsim::levenshtein(a, b) <= allowed_edits(shorter)
        && strsim::jaro_winkler(a, b) >= SURNAME_SIMILARITY
}

impl Known {
    fn learn(&mut self, name: &str) -> usize {
        let key = fold(name);
        if let Some(&i) = self.by_key.get(&key) {
            return i;
        }
        let i = self.names.len();
        let words: Vec<String> = key.split(' ').map(str::to_string).collect();
        let surname = words.last().cloned().unwrap_or_default();
        let list = self.by_surname.entry(surname.clone()).or_default();
        if list.is_empty() && surname.len() >= FUZZY_MIN_LEN {
            let id = self.surnames.len() as u32;
            for h in deletion_hashes(&surname, allowed_edits(surname.chars().count())) {
                let entry = self.chain.len() as u32;
                let next = self.by_deletion.insert(h, entry).unwrap_or(u32::MAX);
                self.chain.push((id, next));
            }
            self.surnames.push(surname);
        }
        list.push(i);
        self.by_key.insert(key, i);
        self.names.push((words, name.to_string()));
        i
    }

    /// Known names whose surname is `last` or a spelling of it, in the order learnt.
    fn with_surname(&self, last: &str) -> Vec<usize> {
        let mut found: Vec<usize> = self.by_surname.get(last).cloned().unwrap_or_default();
        if last.len() >= FUZZY_MIN_LEN {
            let mut candidates: Vec<u32> = Vec::new();
            for h in deletion_hashes(last, allowed_edits(last.chars().count())) {
                let mut at = self.by_deletion.get(&h).copied().unwrap_or(u32::MAX);
                while at != u32::MAX {
                    let (id, next) = self.chain[at as usize];
                    candidates.push(id);
                    at = next;
                }
            }
            candidates.sort_unstable();
            candidates.dedup();
            for id in candidates {
                let s = &self.surnames[id as usize];
                if s != last && are_spellings(s, last) {
                    found.extend(&self.by_surname[s]);
                }
            }
        }
        found.sort_unstable();
        found
    }

    /// A known name that `words` is a spelling variant of: surnames alike (Jaro-Winkler),
    /// first names equal, an initial of each other, or missing on one side. A lone surname
    /// joins a known full name only when exactly one fits.
    fn variant_of(&self, words: &[String]) -> Option<usize> {
        let (last, firsts) = words.split_last()?;
        let fits: Vec<usize> = self
            .with_surname(last)
            .into_iter()
            .filter(|&i| {
                let (_, k_firsts) = self.names[i].0.split_last().expect("names are not empty");
                match (firsts.first(), k_firsts.first()) {
                    (None, _) | (_, None) => true,
                    (Some(a), Some(b)) => {
                        a == b
                            || strsim::jaro_winkler(a, b) >= SURNAME_SIMILARITY
                            || (a.len() == 1 && b.starts_with(a.as_str()))
                            || (b.len() == 1 && a.starts_with(b.as_str()))
                    }
                }
            })
            .collect();
        match fits.as_slice() {
            [one] => Some(*one),
            // Several fit: prefer the one with the same number of words, if unique.
            many => {
                let same: Vec<&usize> = many
                    .iter()
                    .filter(|&&i| self.names[i].0.len() == words.len())
                    .collect();
                (same.len() == 1 && !firsts.is_empty()).then(|| *same[0])
            }
        }
    }
}

impl SpeakerNames {
    /// No aliases.
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
            if !self.targets.contains(&canonical) {
                self.targets.push(canonical.clone());
            }
            for alias in aliases {
                self.aliases.insert(fold(&alias), canonical.clone());
            }
        }
        Ok(())
    }

    /// The canonical name of every name in `counts` (name -> paragraphs that use it).
    /// Fuller, more frequent names are learnt first, so that "Volodymyr Zelensky" is the name
    /// that "Zelenskyy" joins. The result depends only on the names, their counts and the
    /// aliases, never on the order they come in.
    pub fn resolve<'a>(&self, counts: impl IntoIterator<Item = (&'a str, u64)>) -> NameMap {
        let mut merged: HashMap<&str, u64> = HashMap::new();
        for (name, n) in counts {
            *merged.entry(name).or_default() += n;
        }
        let mut order: Vec<(&str, u64, usize)> = merged
            .into_iter()
            .map(|(name, n)| (name, n, name.split_whitespace().count()))
            .collect();
        order.sort_by(|a, b| b.2.cmp(&a.2).then(b.1.cmp(&a.1)).then(a.0.cmp(b.0)));
        let mut known = Known::default();
        for target in &self.targets {
            known.learn(target);
        }
        let mut map = HashMap::with_capacity(order.len());
        for (name, _, _) in order {
            let canonical = self.canonical(&mut known, name);
            map.insert(name.to_string(), canonical);
        }
        NameMap { map }
    }

    fn canonical(&self, known: &mut Known, name: &str) -> String {
        let key = fold(name);
        if let Some(target) = self.aliases.get(&key) {
            return target.clone();
        }
        if let Some(&i) = known.by_key.get(&key) {
            return known.names[i].1.clone();
        }
        if key.is_empty() {
            return name.to_string();
        }
        let words: Vec<String> = key.split(' ').map(str::to_string).collect();
        if let Some(i) = known.variant_of(&words) {
            return known.names[i].1.clone();
        }
        known.learn(name);
        name.to_string()
    }

    /// Makes the speakers of `articles` canonical among themselves.
    pub fn canonicalise(&self, articles: &mut [Article]) -> NameMap {
        let map = self.resolve(count_names(articles).iter().map(|(k, v)| (k.as_str(), *v)));
        map.apply(articles);
        map
    }
}

/// How many paragraphs use each speaker name.
pub fn count_names(articles: &[Article]) -> HashMap<String, u64> {
    let mut counts: HashMap<String, u64> = HashMap::new();
    for article in articles {
        for p in &article.paragraphs {
            for s in &p.speakers {
                *counts.entry(s.name.clone()).or_default() += 1;
            }
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolve(names: &[(&str, u64)]) -> NameMap {
        SpeakerNames::new().resolve(names.iter().copied())
    }

    #[test]
    fn spelling_variants_and_diacritics_merge() {
        let map = resolve(&[
            ("Volodymyr Zelensky", 5),
            ("Volodymyr Zelenskyy", 1),
            ("Volodymyr Zelenskiy", 1),
            ("Volodymyr Zelenskyj", 1),
            ("Zelenskyy", 1),
            ("volodymyr zelensky", 1),
            ("José Álvarez", 2),
            ("Jose Alvarez", 1),
        ]);
        for variant in [
            "Volodymyr Zelenskyy",
            "Volodymyr Zelenskiy",
            "Volodymyr Zelenskyj",
            "Zelenskyy",
            "volodymyr zelensky",
        ] {
            assert_eq!(map.canonical(variant), "Volodymyr Zelensky", "{variant}");
        }
        assert_eq!(map.canonical("Jose Alvarez"), "José Álvarez");
    }

    #[test]
    fn surnames_one_letter_apart_or_two_when_long_are_spellings() {
        for (a, b, same) in [
            ("zelensky", "zelenskyy", true),
            ("zelensky", "zelenskiy", true),
            ("zelenskyy", "zelenskiy", true),
            ("alvarez", "alvares", true),
            ("johns", "johnson", false),
            ("renkaka", "renkakati", false),
            ("berg", "borg", false),
            ("kowalski", "kowalsky", true),
            ("abdullahi", "abdulahi", true),
        ] {
            assert_eq!(are_spellings(a, b), same, "{a} {b}");
        }
        assert_eq!(deletion_hashes("abc", 1).len(), 4);
        assert_eq!(deletion_hashes("abcd", 2).len(), 11);
    }

    #[test]
    fn the_result_does_not_depend_on_order() {
        // A surname seen first must still join the full name that comes later.
        let names = [("Zelenskyy", 3), ("Volodymyr Zelensky", 1)];
        let forward = resolve(&names);
        let backward = resolve(&[names[1], names[0]]);
        assert_eq!(forward, backward);
        assert_eq!(forward.canonical("Zelenskyy"), "Volodymyr Zelensky");
    }

    #[test]
    fn different_people_stay_apart() {
        let map = resolve(&[
            ("Donald Trump", 3),
            ("Melania Trump", 1),
            ("Anna Berg", 1),
            ("Anna Bergman", 1),
            ("Trump", 1),
        ]);
        assert_eq!(map.canonical("Melania Trump"), "Melania Trump");
        // A surname that another one starts with is another family, not a spelling.
        let map = resolve(&[
            ("Mary Johnson", 3),
            ("Mary Johns", 1),
            ("Ana Renkakati", 2),
            ("Ana Renkaka", 1),
        ]);
        assert_eq!(map.canonical("Mary Johns"), "Mary Johns");
        assert_eq!(map.canonical("Ana Renkaka"), "Ana Renkaka");
        assert_eq!(map.canonical("Anna Bergman"), "Anna Bergman");
        // A lone surname shared by two known people is left as it is.
        assert_eq!(map.canonical("Trump"), "Trump");
    }

    #[test]
    fn alias_file_maps_what_rules_cannot_guess() {
        let mut names = SpeakerNames::new();
        names
            .add_aliases_toml("\"Volodymyr Zelensky\" = [\"Wolodymyr Selenskyj\"]")
            .unwrap();
        let map = names.resolve([("Wolodymyr Selenskyj", 1)]);
        assert_eq!(map.canonical("Wolodymyr Selenskyj"), "Volodymyr Zelensky");
        assert!(names.add_aliases_toml("not = [toml").is_err());
    }
}
