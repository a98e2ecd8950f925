//! Word lists behind attribution: speech verbs in all their forms, titles, roles,
//! nationalities, places and organisations, given names by gender. Built once, then looked
//! up by lowercase word.

use rustc_hash::FxHashMap as HashMap;
#[cfg(test)]
use rustc_hash::FxHashSet as HashSet;
use std::borrow::Borrow;
use std::hash::Hash;
use std::sync::LazyLock;

/// How a speech verb may be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tier {
    /// Speech on its own: "X said", "X warned".
    A,
    /// Speech only with a quotation or a that-clause: "X believes that", "X hoped: '...'".
    B,
}

/// A recognised speech-verb form.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Verb {
    pub tier: Tier,
    /// An `-ing` form ("saying", "adding"), used as a participle after a comma.
    pub is_participle: bool,
    /// Forms that may stand before their subject: `"...," said Hill`.
    pub inverts: bool,
    /// `call`, `brand`, `label`: speech only as "calling it ...", "branded her 'fake'".
    pub is_call: bool,
    /// `add`, `write`, `post`: speech only before a quotation, a that-clause or "in a
    /// post", not "adds the extras" or "writes them".
    pub is_narrow: bool,
}

/// The word lists, one entry per line; `#` lines are comments. Each file says what it holds.
pub(crate) mod lists {
    pub const SPEECH_VERBS: &str = include_str!("lists/speech_verbs.txt");
    pub const STANCE_VERBS: &str = include_str!("lists/stance_verbs.txt");
    pub const INVERTING_FORMS: &str = include_str!("lists/inverting_forms.txt");
    pub const IRREGULAR_VERBS: &str = include_str!("lists/irregular_verbs.txt");
    pub const SKIPPABLE: &str = include_str!("lists/skippable.txt");
    pub const CLAUSE_OPENERS: &str = include_str!("lists/clause_openers.txt");
    pub const STOP_WORDS: &str = include_str!("lists/stop_words.txt");
    pub const TITLES: &str = include_str!("lists/titles.txt");
    pub const POST_NOMINALS: &str = include_str!("lists/post_nominals.txt");
    pub const ROLES: &str = include_str!("lists/roles.txt");
    pub const NATIONALITIES: &str = include_str!("lists/nationalities.txt");
    pub const DEMONYMS: &str = include_str!("lists/demonyms.txt");
    pub const COUNTRY_NATIONALITIES: &str = include_str!("lists/country_nationalities.txt");
    pub const NOT_PERSON: &str = include_str!("lists/not_person.txt");
    pub const PARTICLES: &str = include_str!("lists/particles.txt");
    pub const FAMILY_NAMES_FIRST: &str = include_str!("lists/family_names_first.txt");
    pub const GIVEN_NAMES_FEMALE: &str = include_str!("lists/given_names_female.txt");
    pub const GIVEN_NAMES_MALE: &str = include_str!("lists/given_names_male.txt");
    pub const SPEECH_PHRASES: &str = include_str!("lists/speech_phrases.txt");
    pub const SOFT_SURNAMES: &str = include_str!("lists/soft_surnames.txt");
    pub const OUTLETS: &str = include_str!("lists/outlets.txt");

    /// Every list, with its file name, for the tests.
    #[cfg(test)]
    pub const ALL: &[(&str, &str)] = &[
        ("speech_verbs.txt", SPEECH_VERBS),
        ("stance_verbs.txt", STANCE_VERBS),
        ("inverting_forms.txt", INVERTING_FORMS),
        ("irregular_verbs.txt", IRREGULAR_VERBS),
        ("skippable.txt", SKIPPABLE),
        ("clause_openers.txt", CLAUSE_OPENERS),
        ("stop_words.txt", STOP_WORDS),
        ("titles.txt", TITLES),
        ("post_nominals.txt", POST_NOMINALS),
        ("roles.txt", ROLES),
        ("nationalities.txt", NATIONALITIES),
        ("demonyms.txt", DEMONYMS),
        ("country_nationalities.txt", COUNTRY_NATIONALITIES),
        ("not_person.txt", NOT_PERSON),
        ("particles.txt", PARTICLES),
        ("family_names_first.txt", FAMILY_NAMES_FIRST),
        ("given_names_female.txt", GIVEN_NAMES_FEMALE),
        ("given_names_male.txt", GIVEN_NAMES_MALE),
        ("speech_phrases.txt", SPEECH_PHRASES),
        ("soft_surnames.txt", SOFT_SURNAMES),
        ("outlets.txt", OUTLETS),
    ];
}

/// The entries of a list file: its lines, less comments and blank lines.
pub(crate) fn entries(file: &'static str) -> impl Iterator<Item = &'static str> {
    file.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// An entry's key and value (`word<TAB>value`; the value is empty when there is none).
pub(crate) fn key_value(entry: &'static str) -> (&'static str, &'static str) {
    entry.split_once('\t').unwrap_or((entry, ""))
}

/// A word list as looked up: a hash map behind a bit set of sketches of its words (length,
/// first, second and last byte). Most words of a text are in no list, and most of those are
/// turned away by one bit, without hashing the word or comparing it with an entry.
pub(crate) struct Lookup<K, V> {
    map: HashMap<K, V>,
    sketches: Box<[u64]>,
    /// `32 - log2(bits)`: the shift that leaves a sketch's top bits as its bit.
    shift: u32,
}

/// Fewest bits in a [`Lookup`]'s sketch set: few enough to stay in cache, many enough that
/// the short lists leave most bits unset. Long lists get about 16 bits per word, up to
/// [`MAX_SKETCH_BITS`].
const MIN_SKETCH_BITS: usize = 1 << 12;
const MAX_SKETCH_BITS: usize = 1 << 16;

/// The bit a word sets in a sketch set of `32 - shift` bits.
#[inline]
fn sketch(word: &str, shift: u32) -> usize {
    let bytes = word.as_bytes();
    let byte = |b: Option<&u8>| b.map_or(0, |&b| u32::from(b));
    let packed = (bytes.len() as u32)
        ^ byte(bytes.first()) << 8
        ^ byte(bytes.get(1)) << 16
        ^ byte(bytes.last()) << 24;
    // Fibonacci hashing: the top bits of the product mix all four.
    (packed.wrapping_mul(0x9E37_79B9) >> shift) as usize
}

// The sketch test is inlined where a list is looked up; hashing stays out of line, as most
// words never get that far.
impl<K: Borrow<str> + Hash + Eq, V> Lookup<K, V> {
    #[inline]
    fn get(&self, word: &str) -> Option<&V> {
        self.get_key_value(word).map(|(_, v)| v)
    }

    #[inline]
    fn get_key_value(&self, word: &str) -> Option<(&K, &V)> {
        let bit = sketch(word, self.shift);
        if self.sketches[bit / 64] & (1 << (bit % 64)) == 0 {
            return None;
        }
        self.find(word)
    }

    #[inline(never)]
    fn find(&self, word: &str) -> Option<(&K, &V)> {
        self.map.get_key_value(word)
    }

    #[inline]
    fn contains(&self, word: &str) -> bool {
        self.get(word).is_some()
    }
}

impl<K: Borrow<str> + Hash + Eq, V> From<HashMap<K, V>> for Lookup<K, V> {
    fn from(map: HashMap<K, V>) -> Lookup<K, V> {
        let bits = (map.len() * 16)
            .next_power_of_two()
            .clamp(MIN_SKETCH_BITS, MAX_SKETCH_BITS);
        let shift = 32 - bits.trailing_zeros();
        let mut sketches = vec![0; bits / 64].into_boxed_slice();
        for key in map.keys() {
            let bit = sketch(key.borrow(), shift);
            sketches[bit / 64] |= 1 << (bit % 64);
        }
        Lookup {
            map,
            sketches,
            shift,
        }
    }
}

fn set(file: &'static str) -> Lookup<&'static str, ()> {
    Lookup::from(entries(file).map(|e| (e, ())).collect::<HashMap<_, _>>())
}

fn map(file: &'static str) -> Lookup<&'static str, &'static str> {
    Lookup::from(entries(file).map(key_value).collect::<HashMap<_, _>>())
}

fn inflections(lemma: &str) -> Vec<String> {
    if let Some(forms) = entries(lists::IRREGULAR_VERBS)
        .map(key_value)
        .find(|(l, _)| *l == lemma)
        .map(|(_, forms)| forms)
    {
        return forms.split(' ').map(str::to_string).collect();
    }
    let mut forms = vec![lemma.to_string()];
    let bytes = lemma.as_bytes();
    let last = *bytes.last().unwrap_or(&b'a');
    let before_last = if bytes.len() > 1 {
        bytes[bytes.len() - 2]
    } else {
        b'a'
    };
    let is_vowel = |b: u8| b"aeiou".contains(&b);
    // third person
    if lemma.ends_with('y') && !is_vowel(before_last) {
        forms.push(format!("{}ies", &lemma[..lemma.len() - 1]));
    } else if lemma.ends_with(['s', 'x', 'z']) || lemma.ends_with("sh") || lemma.ends_with("ch") {
        forms.push(format!("{lemma}es"));
    } else {
        forms.push(format!("{lemma}s"));
    }
    // past and -ing
    let doubles = matches!(
        lemma,
        "quip" | "admit" | "commit" | "plan" | "regret" | "abet"
    ) || lemma.ends_with("fer") && lemma != "offer";
    if let Some(stem) = lemma.strip_suffix('e') {
        forms.push(format!("{lemma}d"));
        forms.push(format!("{stem}ing"));
    } else if lemma.ends_with('y') && !is_vowel(before_last) {
        forms.push(format!("{}ied", &lemma[..lemma.len() - 1]));
        forms.push(format!("{lemma}ing"));
    } else if doubles {
        let c = last as char;
        forms.push(format!("{lemma}{c}ed"));
        forms.push(format!("{lemma}{c}ing"));
    } else {
        forms.push(format!("{lemma}ed"));
        forms.push(format!("{lemma}ing"));
    }
    forms
}

/// What a word form starts in speech: a verb on its own, phrases (the words after it).
#[derive(Default)]
struct Speech {
    verb: Option<Verb>,
    phrases: Vec<Vec<&'static str>>,
}

/// Speech verbs in all their forms, and speech acts of several words ("pointed out", "took
/// aim at") by the forms of their first word: one lookup per word of a text.
static SPEECH: LazyLock<Lookup<String, Speech>> = LazyLock::new(|| {
    let inverting = set(lists::INVERTING_FORMS);
    let mut map: HashMap<String, Speech> = HashMap::default();
    for (list, tier) in [
        (lists::STANCE_VERBS, Tier::B),
        (lists::SPEECH_VERBS, Tier::A),
    ] {
        for lemma in entries(list) {
            for form in inflections(lemma) {
                let verb = Verb {
                    tier,
                    is_participle: form.ends_with("ing"),
                    inverts: inverting.contains(form.as_str()),
                    is_call: matches!(lemma, "call" | "brand" | "label" | "dub"),
                    is_narrow: matches!(lemma, "add" | "write" | "post" | "answer"),
                };
                map.entry(form).or_default().verb = Some(verb);
            }
        }
    }
    for entry in entries(lists::SPEECH_PHRASES) {
        let mut words = entry.split(' ');
        let lemma = words.next().expect("a phrase has words");
        let rest: Vec<&'static str> = words.collect();
        for form in inflections(lemma) {
            map.entry(form).or_default().phrases.push(rest.clone());
        }
    }
    Lookup::from(map)
});

/// A speech act of several words starting at `words[i]` ("pointed out", "took aim at"):
/// the verb it counts as.
#[inline]
fn phrase(words: &[&str], i: usize, rests: &[Vec<&'static str>]) -> Option<Verb> {
    let fits = rests.iter().any(|rest| {
        rest.iter()
            .enumerate()
            .all(|(k, w)| words.get(i + 1 + k).is_some_and(|x| x == w))
    });
    fits.then_some(Verb {
        tier: Tier::A,
        is_participle: words[i].ends_with("ing"),
        inverts: false,
        is_call: false,
        is_narrow: false,
    })
}

/// The speech verb at `words[i]`: a listed verb, or the first word of a listed phrase.
#[inline]
pub(crate) fn verb_at(words: &[&str], i: usize) -> Option<Verb> {
    let speech = SPEECH.get(words[i])?;
    speech.verb.or_else(|| phrase(words, i, &speech.phrases))
}

/// True for words that mark places or organisations but are common surnames too ("May",
/// "White"): after a given name, an initial or a title they end a person's name.
#[inline]
pub(crate) fn is_soft_surname(word: &str) -> bool {
    static SOFT: LazyLock<Lookup<&'static str, ()>> = LazyLock::new(|| set(lists::SOFT_SURNAMES));
    SOFT.contains(word)
}

/// The speech verb for a lowercase word form, if it is one.
#[inline]
pub(crate) fn verb(word: &str) -> Option<Verb> {
    SPEECH.get(word)?.verb
}

/// Words skipped between a subject and its verb: adverbs, auxiliaries, negation.
static SKIPPABLE: LazyLock<Lookup<&'static str, ()>> = LazyLock::new(|| set(lists::SKIPPABLE));

/// Adverbs, auxiliaries and the like that may stand between a subject and its verb.
#[inline]
pub(crate) fn is_skippable(word: &str) -> bool {
    SKIPPABLE.contains(word) || (word.len() > 4 && word.ends_with("ly") && !is_stop(word))
}

/// Words that begin a clause: a mention right after one is in subject position.
static CLAUSE_OPENERS: LazyLock<Lookup<&'static str, ()>> =
    LazyLock::new(|| set(lists::CLAUSE_OPENERS));

/// True for words after which a new clause (and so a subject) starts.
#[inline]
pub(crate) fn opens_clause(word: &str) -> bool {
    CLAUSE_OPENERS.contains(word)
}

/// Capitalised words that are never part of a person's name.
static STOP: LazyLock<Lookup<&'static str, ()>> = LazyLock::new(|| set(lists::STOP_WORDS));

/// True for capitalised words that do not belong to names ("The", "While", "Monday").
#[inline]
pub(crate) fn is_stop(word: &str) -> bool {
    STOP.contains(word)
}

/// Titles and offices written before names, lowercase, multiword ones joined by spaces.
/// The value is the role they give their holder.
static TITLES: LazyLock<Lookup<&'static str, &'static str>> = LazyLock::new(|| map(lists::TITLES));

/// Letters after a name that are not part of it ("KC", "Jr", "OBE").
#[inline]
pub(crate) fn is_post_nominal(word: &str) -> bool {
    static POST: LazyLock<Lookup<&'static str, ()>> = LazyLock::new(|| set(lists::POST_NOMINALS));
    POST.contains(word)
}

/// The role a title word gives ("sen" -> "senator"), for words used as titles.
#[inline]
pub(crate) fn title(word: &str) -> Option<&'static str> {
    TITLES.get(word).copied()
}

/// Gender an honorific implies.
pub(crate) fn honorific_gender(word: &str) -> Option<Gender> {
    match word {
        "mr" | "sir" | "lord" | "king" | "prince" | "father" | "baron" | "congressman"
        | "councilman" | "chairman" | "spokesman" | "emir" | "sheikh" => Some(Gender::Male),
        "mrs" | "ms" | "miss" | "dame" | "lady" | "queen" | "princess" | "sister" | "baroness"
        | "congresswoman" | "councilwoman" | "chairwoman" | "spokeswoman" => Some(Gender::Female),
        _ => None,
    }
}

/// Grammatical gender of a person, where known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gender {
    Male,
    Female,
}

/// Role nouns that may refer back to a named person ("the president", "the coach").
static ROLES: LazyLock<Lookup<&'static str, ()>> = LazyLock::new(|| set(lists::ROLES));

/// True for nouns that can name a person by their role.
#[inline]
pub(crate) fn is_role(word: &str) -> bool {
    ROLES.contains(word)
        || (word.len() > 7
            && (word.ends_with("ologist") || word.ends_with("scientist") || word.ends_with("ician")))
        // physicist, journalist, activist; not insist, playlist
        || (word.len() >= 7
            && word.ends_with("ist")
            && verb(word).is_none()
            && !matches!(word, "persist" | "consist" | "checklist" | "playlist" | "shortlist"
                | "waitlist" | "blacklist" | "wishlist" | "whilst"))
}

/// Roles "the researcher" or "the scientist" may refer to.
pub(crate) fn is_research_role(role: &str) -> bool {
    matches!(
        role,
        "researcher" | "scientist" | "academic" | "professor" | "lecturer"
    ) || role.ends_with("ologist")
        || role.ends_with("scientist")
}

/// Roles that mean "head of state or government": "the leader" may refer to any of them.
pub(crate) fn is_leader_title(role: &str) -> bool {
    matches!(
        role,
        "president"
            | "prime minister"
            | "premier"
            | "chancellor"
            | "king"
            | "queen"
            | "leader"
            | "emir"
            | "monarch"
            | "taoiseach"
            | "minister-president"
    )
}

/// Nationality adjectives (lowercase) -> the nationality they name.
static NATIONALITIES: LazyLock<Lookup<&'static str, ()>> =
    LazyLock::new(|| set(lists::NATIONALITIES));

/// True for nationality adjectives ("ukrainian").
#[inline]
pub(crate) fn is_nationality(word: &str) -> bool {
    NATIONALITIES.contains(word)
}

/// The nationality an adjective names, as a static string.
#[inline]
pub(crate) fn nationality(word: &str) -> Option<&'static str> {
    NATIONALITIES.get_key_value(word).map(|(k, _)| *k)
}

/// Nationality named by a demonym used as a noun ("the Spaniard", "the Briton").
#[inline]
pub(crate) fn nationality_noun(word: &str) -> Option<&'static str> {
    static DEMONYMS: LazyLock<Lookup<&'static str, &'static str>> =
        LazyLock::new(|| map(lists::DEMONYMS));
    DEMONYMS.get(word).copied()
}

/// Nationality implied by a country or abbreviation before a title ("U.S. President").
#[inline]
pub(crate) fn country_nationality(word: &str) -> Option<&'static str> {
    static COUNTRIES: LazyLock<Lookup<&'static str, &'static str>> =
        LazyLock::new(|| map(lists::COUNTRY_NATIONALITIES));
    COUNTRIES.get(word).copied()
}

/// Countries, cities, regions and organisations: capitalised words that are not people.
static NOT_PERSON: LazyLock<Lookup<&'static str, ()>> = LazyLock::new(|| set(lists::NOT_PERSON));

/// True for capitalised words that mark a run as a place or organisation.
#[inline]
pub(crate) fn is_not_person(word: &str) -> bool {
    static OUTLETS: LazyLock<Lookup<&'static str, ()>> = LazyLock::new(|| set(lists::OUTLETS));
    NOT_PERSON.contains(word) || OUTLETS.contains(word)
}

/// Name particles allowed inside a name in lowercase ("Ursula von der Leyen").
#[inline]
pub(crate) fn is_particle(word: &str) -> bool {
    static PARTICLES: LazyLock<Lookup<&'static str, ()>> = LazyLock::new(|| set(lists::PARTICLES));
    PARTICLES.contains(word)
}

static FEMALE_NAMES: LazyLock<Lookup<&'static str, ()>> =
    LazyLock::new(|| set(lists::GIVEN_NAMES_FEMALE));

static MALE_NAMES: LazyLock<Lookup<&'static str, ()>> =
    LazyLock::new(|| set(lists::GIVEN_NAMES_MALE));

/// True for names written family name first: an East Asian family name followed by a given
/// name ("Park Seo-yeon", "Lee Dong-hyuk", "Nguyen Van An", "Xi Jinping").
pub(crate) fn is_family_name_first(first: &str, last: &str) -> bool {
    is_family_name(first) && (last.contains('-') || first.len() <= 5)
}

/// An East Asian family name ("Pham" in "Vinh Pham", "Park" in "Park Seo-yeon").
#[inline]
pub(crate) fn is_family_name(word: &str) -> bool {
    static FAMILY: LazyLock<Lookup<&'static str, ()>> =
        LazyLock::new(|| set(lists::FAMILY_NAMES_FIRST));
    FAMILY.contains(word)
}

/// True for a known given name of either gender: the first word of a person's name. Keys
/// are folded to ASCII, so both "josé" and "jose" are looked up.
#[inline]
pub(crate) fn is_given_name(word: &str) -> bool {
    FEMALE_NAMES.contains(word) || MALE_NAMES.contains(word)
}

/// Gender suggested by a given name, where the lists know it.
pub(crate) fn first_name_gender(word: &str) -> Option<Gender> {
    let female = FEMALE_NAMES.contains(word);
    let male = MALE_NAMES.contains(word);
    match (male, female) {
        (true, false) => Some(Gender::Male),
        (false, true) => Some(Gender::Female),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// ripgrep keeps its file-type table sorted and unique with a test; so do we.
    #[test]
    fn every_list_is_sorted_unique_and_lowercase() {
        for (name, file) in lists::ALL {
            let keys: Vec<&str> = entries(file).map(|e| key_value(e).0).collect();
            assert!(!keys.is_empty(), "{name} is empty");
            for pair in keys.windows(2) {
                assert!(
                    pair[0] < pair[1],
                    "{name}: `{}` then `{}`: not sorted or a duplicate",
                    pair[0],
                    pair[1]
                );
            }
            for key in &keys {
                assert_eq!(key.trim(), *key, "{name}: `{key}` has spaces around it");
                assert!(
                    !key.chars().any(char::is_uppercase),
                    "{name}: `{key}` is not lowercase"
                );
            }
        }
    }

    /// An entry that another list decides first would never take effect.
    #[test]
    fn no_entry_is_shadowed_by_another_list() {
        let keys = |file: &'static str| -> HashSet<&'static str> {
            entries(file).map(|e| key_value(e).0).collect()
        };
        let check = |a: (&str, &'static str), b: (&str, &'static str), why: &str| {
            let (ka, kb) = (keys(a.1), keys(b.1));
            let mut both: Vec<&&str> = ka.intersection(&kb).collect();
            both.sort();
            assert!(
                both.is_empty(),
                "in both {} and {} ({why}): {both:?}",
                a.0,
                b.0
            );
        };
        use lists::*;
        check(
            ("speech_verbs", SPEECH_VERBS),
            ("stance_verbs", STANCE_VERBS),
            "speech wins",
        );
        check(
            ("stop_words", STOP_WORDS),
            ("roles", ROLES),
            "a stop word is never a role",
        );
        check(
            ("nationalities", NATIONALITIES),
            ("not_person", NOT_PERSON),
            "nationality is read first",
        );
        check(
            ("particles", PARTICLES),
            ("stop_words", STOP_WORDS),
            "a particle links names",
        );
        for (name, file) in [
            ("given_names_female", GIVEN_NAMES_FEMALE),
            ("given_names_male", GIVEN_NAMES_MALE),
        ] {
            check(
                (name, file),
                ("stop_words", STOP_WORDS),
                "a stop word ends a name first",
            );
            // "dean" and "lance" stay in both: right before a surname they are read as given
            // names ("Dean Harlow", "Lance Armstrong"), elsewhere as titles ("Dean Ruth Gill",
            // "Lance Cpl. Rick Hill").
            let (ka, kb) = (keys(file), keys(TITLES));
            let both: Vec<&&str> = ka
                .intersection(&kb)
                .filter(|w| !matches!(**w, "dean" | "lance"))
                .collect();
            assert!(
                both.is_empty(),
                "in both {name} and titles (a title is stripped first): {both:?}"
            );
        }
        // Every inverting form is a form of a listed verb.
        for form in entries(INVERTING_FORMS) {
            assert!(
                verb(form).is_some(),
                "inverting form `{form}` is no speech verb"
            );
        }
    }

    #[test]
    fn verb_inflections_cover_regular_and_irregular_forms() {
        for form in [
            "said",
            "says",
            "saying",
            "told",
            "tells",
            "added",
            "adding",
            "noted",
            "argued",
            "insisted",
            "acknowledged",
            "emphasized",
            "emphasised",
            "testified",
            "denies",
            "replied",
            "quipped",
            "admitted",
            "wrote",
            "tweeted",
            "joked",
            "informed",
            "asked",
            "stated",
            "signaled",
            "warns",
            "conceded",
            "vowed",
            "calling",
        ] {
            assert!(verb(form).is_some(), "{form}");
        }
        for word in ["spoke", "president", "ceasefire", "declined", "the"] {
            assert!(verb(word).is_none(), "{word}");
        }
        assert_eq!(verb("believes").unwrap().tier, Tier::B);
        assert_eq!(verb("said").unwrap().tier, Tier::A);
        assert!(verb("adding").unwrap().is_participle);
        assert!(verb("said").unwrap().inverts);
        assert!(!verb("told").unwrap().inverts);
    }

    #[test]
    fn name_lists() {
        assert_eq!(first_name_gender("vladimir"), Some(Gender::Male));
        assert_eq!(first_name_gender("ursula"), Some(Gender::Female));
        assert_eq!(honorific_gender("mrs"), Some(Gender::Female));
        assert!(is_not_person("kremlin"));
        assert!(is_nationality("ukrainian"));
        assert!(is_role("president"));
        assert!(is_leader_title("prime minister"));
    }
}
