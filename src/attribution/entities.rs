//! Names in text -> the article's table of people.
//!
//! A *run* is a stretch of capitalised words ("Russian President Vladimir Putin"). Leading
//! titles, nationalities and organisation acronyms become the person's descriptors; what is
//! left is the name. Full names create entities; a later surname maps to the entity whose
//! name ends with it. The canonical name is the fullest form the article uses.

use std::borrow::Cow;
use std::ops::Range;

use compact_str::CompactString;

use super::lexicon::{self, Gender};
use super::tokens::{Kind, Token};

/// A capitalised run of words, read as a mention of a person (or of something that is not).
#[derive(Debug, Clone)]
pub(crate) struct Run {
    /// First and one-past-last token of the whole run, titles included.
    pub start: usize,
    pub end: usize,
    /// Tokens of the name itself.
    pub name: Range<usize>,
    /// Where the folded keys of the name's words ([`key`]) are in the paragraph's list of
    /// keys, for a run that may be a person (empty otherwise): made once, looked up by every
    /// pass.
    pub keys: Range<usize>,
    /// Role phrase from the titles before the name ("prime minister", "president").
    pub title: Option<String>,
    pub nationality: Option<&'static str>,
    pub gender: Option<Gender>,
    /// The name ends with `’s`: a modifier ("Zelensky’s office"), not a subject.
    pub is_possessive: bool,
    /// A place, organisation or other capitalised thing that is not a person.
    pub is_not_person: bool,
    /// Had a title or honorific, so a single word is enough to be a person.
    pub has_title: bool,
    /// Offices written by their initials before the name ("CAS"), lowercase.
    pub acronyms: Vec<String>,
}

/// Lowercase form of a word with a trailing abbreviation period and possessive removed.
pub(crate) fn bare(word: &str) -> CompactString {
    lowercase(strip_suffixes(word))
}

/// [`bare`] of a word that [`lowercase`] made: lowercasing it again would change nothing
/// (no character of a lowercase mapping maps further), so only the suffixes go.
pub(crate) fn bare_lowercase(word: &str) -> &str {
    strip_suffixes(word)
}

/// A paragraph's tokens with their text and lowercase forms, as runs are read from them.
#[derive(Clone, Copy)]
pub(crate) struct Words<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    /// Each token lowercased by [`lowercase`].
    pub lower: &'a [&'a str],
    /// The text has a capital sigma ('Σ').
    pub has_sigma: bool,
}

impl<'a> Words<'a> {
    /// Token `i` as written.
    pub fn word(&self, i: usize) -> &'a str {
        &self.text[self.tokens[i].start..self.tokens[i].end]
    }

    /// [`bare`] of token `i`, from its lowercase form when that gives the same: always but
    /// for a possessive in capitals ("PUTIN'S" keeps its "'s" in [`bare`]) and a capital
    /// sigma (lowercased by its place in the word, which the suffixes change).
    #[inline]
    pub fn bare(&self, i: usize) -> Cow<'a, str> {
        let end = self.tokens[i].end;
        let unusual = self.has_sigma || self.text.as_bytes()[end - 1] == b'S';
        if unusual {
            let word = self.word(i);
            if word.ends_with("'S") || word.ends_with("’S") || word.contains('Σ') {
                return Cow::Owned(bare(word).into());
            }
        }
        Cow::Borrowed(bare_lowercase(self.lower[i]))
    }
}

/// A word without its possessive and then a trailing abbreviation period.
fn strip_suffixes(word: &str) -> &str {
    let w = strip_possessive(word);
    w.strip_suffix('.').unwrap_or(w)
}

/// A word in lowercase, without allocating for short words (most are ASCII and short).
#[inline]
pub(crate) fn lowercase(word: &str) -> CompactString {
    if word.is_ascii() {
        let mut out = CompactString::new(word);
        if word.bytes().any(|b| b.is_ascii_uppercase()) {
            out.make_ascii_lowercase();
        }
        out
    } else {
        lowercase_unicode(word)
    }
}

/// [`lowercase`] beyond ASCII, apart: the common case stays small enough to inline.
fn lowercase_unicode(word: &str) -> CompactString {
    if !word.chars().any(char::is_uppercase) {
        // Not `to_lowercase`: a titlecase letter ("ǅ") is left as written.
        CompactString::new(word)
    } else {
        CompactString::from(word.to_lowercase())
    }
}

fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("’s")
        .or_else(|| word.strip_suffix("'s"))
        .unwrap_or(word)
}

fn is_possessive(word: &str) -> bool {
    word.ends_with("’s") || word.ends_with("'s")
}

/// Capitalised, or a name behind a lowercase Arabic article ("el-Araby", "al-Jubeir").
#[inline(always)]
fn is_capitalised(word: &str) -> bool {
    // Most words start with an ASCII letter: the first byte decides, but for "al-", "el-".
    match word.as_bytes().first() {
        Some(b) if b.is_ascii_uppercase() => true,
        Some(b'a' | b'e') => particle_name(word).is_some(),
        Some(b) if b.is_ascii() => false,
        _ => word.chars().next().is_some_and(char::is_uppercase),
    }
}

/// "al-Jubeir" -> "Jubeir": the name behind a lowercase article joined to it.
#[inline]
pub(crate) fn particle_name(word: &str) -> Option<&str> {
    // Most words start otherwise: look no further.
    if !matches!(word.as_bytes().first(), Some(b'a' | b'e')) {
        return None;
    }
    let (article, rest) = word.split_once('-')?;
    let is_article = matches!(
        article,
        "al" | "el" | "ad" | "as" | "ash" | "ar" | "an" | "at" | "az" | "ad-"
    );
    (is_article && rest.chars().next().is_some_and(char::is_uppercase)).then_some(rest)
}

/// Finds the runs of a paragraph's tokens, inside quotations too. The keys of their names go
/// to `keys`.
pub(crate) fn runs(words: Words, keys: &mut Vec<CompactString>) -> Vec<Run> {
    let Words { text, tokens, .. } = words;
    let word = |i: usize| words.word(i);
    let usable = |i: usize| tokens[i].kind == Kind::Word;
    let mut runs = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !usable(i) || !is_capitalised(word(i)) || is_date_month(text, tokens, i) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        loop {
            if end < tokens.len() && usable(end) && same_quote(tokens, start, end) {
                let w = word(end);
                let prev = word(end - 1);
                if is_capitalised(w) && !is_possessive(prev) && !is_date_month(text, tokens, end) {
                    end += 1;
                    continue;
                }
                // "Secretary of State", "Ursula von der Leyen": lowercase links.
                let next_cap = || {
                    end + 1 < tokens.len()
                        && usable(end + 1)
                        && (is_capitalised(word(end + 1)) || lexicon::is_particle(word(end + 1)))
                };
                // "Bank of England Governor Andrew Bailey": an organisation's "of" when a
                // title follows, so the title can be stripped from the name.
                let title_follows = || {
                    (end + 1..(end + 5).min(tokens.len()))
                        .take_while(|&k| usable(k) && is_capitalised(word(k)))
                        .any(|k| lexicon::title(&words.bare(k)).is_some())
                };
                let link = (w == "of"
                    && (lexicon::title(&words.bare(end - 1)).is_some()
                        || (lexicon::is_not_person(&words.bare(end - 1)) && title_follows())))
                    || lexicon::is_particle(w);
                if link && next_cap() && !is_possessive(prev) {
                    end += 1;
                    continue;
                }
                // "Secretary of the Army Mark Esper", "Minister for Business Heather
                // Humphreys": a title's organisation, then the name.
                let prev_is_title = || lexicon::title(&words.bare(end - 1)).is_some();
                if matches!(w, "of" | "for") && !is_possessive(prev) && prev_is_title() {
                    let the = end + 1 < tokens.len() && usable(end + 1) && word(end + 1) == "the";
                    let after = end + 1 + usize::from(the);
                    if after < tokens.len() && usable(after) && is_capitalised(word(after)) {
                        end = after;
                        continue;
                    }
                }
                // "Sgt. 1st Class Tuffy Latour", "Warrant Officer 2 Jo Reyes": ranks with numbers.
                if is_rank_number(w) && prev_is_title() && next_cap() {
                    end += 1;
                    continue;
                }
            }
            break;
        }
        // Trailing lowercase particles are not part of the name.
        while end > start + 1 && !is_capitalised(word(end - 1)) {
            end -= 1;
        }
        runs.extend(read_run(words, start, end, keys));
        i = end;
    }
    runs
}

/// "WASHINGTON, June 14, 2004", "President Bush June 15", "in Sept. 2001": a month written
/// before a day or a year is a date, never a name ("June" is a given name too).
fn is_date_month(text: &str, tokens: &[Token], i: usize) -> bool {
    let Some(next) = tokens.get(i + 1).filter(|t| t.kind == Kind::Word) else {
        return false;
    };
    let next = &text[next.start..next.end];
    // A day or a year starts with a digit: most words are not looked up as months at all.
    if !next.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let is_month = matches!(
        bare(&text[tokens[i].start..tokens[i].end]).as_str(),
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
    );
    if !is_month {
        return false;
    }
    let digits = next.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let number = digits.parse::<u32>().ok();
    let is_day = number.is_some_and(|n| (1..=31).contains(&n))
        && matches!(&next[digits.len()..], "" | "st" | "nd" | "rd" | "th");
    let is_year = digits.len() == 4 && digits == next && number.is_some();
    is_day || is_year
}

/// "1st", "2nd", "3": the number in a rank ("Sgt. 1st Class", "Warrant Officer 2").
fn is_rank_number(word: &str) -> bool {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    !digits.is_empty()
        && digits.len() <= 2
        && digits.bytes().all(|b| b.is_ascii_digit())
        && matches!(&word[digits.len()..], "" | "st" | "nd" | "rd" | "th")
}

fn same_quote(tokens: &[Token], a: usize, b: usize) -> bool {
    tokens[a].quote == tokens[b].quote
}

/// Reads titles, nationality and name out of tokens `start..end`.
fn read_run(words: Words, start: usize, end: usize, keys: &mut Vec<CompactString>) -> Option<Run> {
    let word = |i: usize| words.word(i);
    let bare_at = |k: usize| words.bare(k);
    let mut i = start;
    // Sentence-initial function words: "The", "But", "While"; but not a surname that is
    // also one, standing last ("But May said"): the table knows whether it is a person's.
    while i < end
        && lexicon::is_stop(&bare_at(i))
        && lexicon::title(&bare_at(i)).is_none()
        && !(i + 1 == end && lexicon::is_soft_surname(&bare_at(i)))
    {
        i += 1;
    }
    if i == end {
        return None;
    }
    let mut run = Run {
        start: i,
        end,
        name: 0..0,
        keys: 0..0,
        title: None,
        nationality: None,
        gender: None,
        is_possessive: false,
        is_not_person: false,
        has_title: false,
        acronyms: Vec::new(),
    };
    let mut title_words: Vec<&str> = Vec::new();
    let mut acronyms: Vec<String> = Vec::new();
    // Post-nominals are not part of the name: "Rebecca Stone KC", "John Smith Jr".
    let mut name_end = end;
    while name_end > i + 1 && lexicon::is_post_nominal(&bare_at(name_end - 1)) {
        name_end -= 1;
    }
    // Descriptors run up to the last title before the name's final word: "European Council
    // President António Costa", "Assistant U.S. Attorney Nathan Greer".
    let last_title = (i..name_end.saturating_sub(1)).rev().find(|&k| {
        let b = bare_at(k);
        // "Assistant Commissioner Dean Harlow": a title word that is also a given name, right
        // before the surname, is the given name.
        let given_name = k + 2 == name_end && lexicon::is_given_name(&b);
        // "Singer-songwriter Maisie Doherty": a compound of titles is a title.
        let compound = b.contains('-')
            && b.split('-')
                .any(|part| lexicon::title(part).is_some() || lexicon::is_role(part));
        // "Volcanologist Ni Luh Putu Ariani": a capitalised role noun is a title too.
        let role = lexicon::is_role(&b) && word(k).chars().next().is_some_and(char::is_uppercase);
        (lexicon::title(&b).is_some() || compound || role) && !given_name
    });
    let all_titles = (i..name_end).all(|k| lexicon::title(&bare_at(k)).is_some());
    let mut descriptors_end = match last_title {
        // "The President said": a title alone names a role, not a person.
        _ if all_titles => name_end,
        Some(k) => k + 1,
        None => leading_descriptors_end(words, i, name_end),
    };
    // "INMO General Secretary, Phil ...": titles only, the name comes after the comma.
    if (descriptors_end..name_end).all(|k| lexicon::title(&bare_at(k)).is_some()) {
        descriptors_end = name_end;
    }
    if descriptors_end < name_end && matches!(word(descriptors_end), "of" | "for") {
        // "Secretary of the Army Mark T. Esper": the title's organisation, then the name,
        // which starts at a known given name, or else is the last two words.
        // "Minister of Industry and Trade, Nguyen ...": no name in the run at all.
        let from = descriptors_end + 1;
        descriptors_end = (from..name_end.saturating_sub(1))
            .find(|&k| lexicon::is_given_name(&bare_at(k)))
            .unwrap_or(if name_end >= from + 3 {
                name_end - 2
            } else {
                name_end
            });
    }
    for k in i..descriptors_end {
        let b = bare_at(k);
        let b = b.as_ref();
        if let Some(nat) = lexicon::country_nationality(b).or_else(|| lexicon::nationality(b)) {
            run.nationality = Some(nat);
        } else if let Some(role) = lexicon::title(b) {
            run.has_title = true;
            if let Some(g) = lexicon::honorific_gender(b) {
                run.gender = Some(g);
            }
            if !role.is_empty() {
                title_words.push(role);
            }
        } else if lexicon::is_role(b) {
            // "Volcanologist", "Superintendent": a role noun used as a title.
            run.has_title = true;
        } else if is_acronym(word(k))
            && word(k).len() <= 4
            && !lexicon::is_not_person(b)
            // "INMO General Secretary": initials before more titles name the organisation.
            && (k + 1 >= descriptors_end || lexicon::title(&bare_at(k + 1)).is_none())
        {
            // "CAS Mercy Mwangangi": the office, by its initials ("the CAS said").
            run.has_title = true;
            acronyms.push(b.to_string());
        }
    }
    // "Washington State Patrol", "Senior Defense Official": a word that only qualifies a title
    // ("state", "defense") and one word after it is an office, not a titled person.
    let qualifier_only = descriptors_end > i
        && name_end == descriptors_end + 1
        && is_title_qualifier(&bare_at(descriptors_end - 1));
    i = descriptors_end;
    let end = name_end;
    run.title = title_phrase(&title_words);
    run.acronyms = acronyms;
    run.name = i..end;
    if let Some(last) = run.name.clone().last() {
        run.is_possessive = is_possessive(word(last));
    }
    // "Rodrigo Lagos Vial": after a given name, a place word is part of the name; only the
    // last word can make it an organisation ("Lucas Hospital").
    let given_first = run.name.len() >= 2
        && run
            .name
            .clone()
            .next()
            .is_some_and(|f| lexicon::is_given_name(&bare_at(f)));
    let last_word = run.name.clone().last();
    // "Theresa May", "Dana W. White", "Mr West": a surname that is also a place or time word,
    // after a given name, an initial or a title.
    let named_before_last = given_first
        || run.has_title
        // A soft word alone ("White said") is left to the table: a person only if the
        // article named one with that surname.
        || run.name.len() == 1
        || run
            .name
            .clone()
            .rev()
            .nth(1)
            .is_some_and(|k| is_initial(word(k)));
    run.is_not_person = run
        .name
        .clone()
        .filter(|&j| !given_first || Some(j) == last_word)
        .any(|j| {
            let b = bare_at(j);
            let b = b.as_ref();
            // "Deborah A. Pruitt": an initial is not the word "a".
            if is_initial(word(j)) {
                return false;
            }
            if Some(j) == last_word && named_before_last && lexicon::is_soft_surname(b) {
                return false;
            }
            lexicon::is_not_person(b)
                // "U.N." is the UN, "Un" in "Kim Jong Un" is not.
                || (is_acronym(word(j)) && lexicon::is_not_person(&acronym_key(word(j))))
                || lexicon::is_nationality(b)
                || lexicon::is_stop(b)
        })
        || (run.name.len() == 1 && is_acronym(word(run.name.start)))
        || qualifier_only;
    if run.gender.is_none() && run.name.len() >= 2 {
        run.gender = lexicon::first_name_gender(&bare_at(run.name.start));
    }
    if !run.is_not_person {
        let from = keys.len();
        keys.extend(run.name.clone().map(|k| key(word(k))));
        run.keys = from..keys.len();
    }
    Some(run)
}

/// Without a title, leading nationalities and organisations ("Ukrainian", "NATO") are
/// descriptors, and so is anything before a known given name ("Frontman Rhys Cadwallader").
fn leading_descriptors_end(words: Words, start: usize, end: usize) -> usize {
    let word = |i: usize| words.word(i);
    let bare = |i: usize| words.bare(i);
    let mut i = start;
    while i + 1 < end {
        let w = word(i);
        let b = bare(i);
        // "CAS Mercy Mwangangi", "CS Kamau-Odhiambo": an office's initials before a name.
        // "IIT Indore" is an institute: the name after initials must look like one.
        let office = is_acronym(w)
            && w.len() <= 4
            && i + 2 <= end
            && !is_acronym(word(i + 1))
            && (lexicon::is_given_name(&bare(i + 1)) || end - i >= 3);
        let descriptive = lexicon::country_nationality(&b).is_some()
            || lexicon::is_nationality(&b)
            || (is_acronym(w) && lexicon::is_not_person(&acronym_key(w)))
            || office;
        if !descriptive {
            break;
        }
        i += 1;
    }
    if let Some(k) =
        (i + 1..end.saturating_sub(1)).find(|&k| lexicon::is_given_name(&bare(k)))
                && (i..k).all(|j| !lexicon::is_given_name(&bare(j)))
        // "Tan Wei Ming": a family name written first is part of the name.
        && !lexicon::is_family_name_first(&bare(k - 1), &bare(end - 1))
    {
        return k;
    }
    i
}

/// Title words that only qualify a head title ("Defense Secretary", "State Senator").
fn is_title_qualifier(word: &str) -> bool {
    matches!(
        word,
        "state"
            | "defense"
            | "defence"
            | "foreign"
            | "interior"
            | "finance"
            | "treasury"
            | "health"
            | "home"
            | "education"
            | "energy"
            | "trade"
            | "economy"
            | "special"
            | "deputy"
            | "vice"
            | "first"
            | "grand"
            | "crown"
            | "prime"
            | "executive"
    )
}

/// "U.N." -> "un": acronyms are looked up without their dots.
pub(crate) fn acronym_key(word: &str) -> String {
    word.chars()
        .filter(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_lowercase()
}

/// "A.", "J": a capital letter standing for a name.
fn is_initial(word: &str) -> bool {
    let mut letters = word.chars().filter(|c| *c != '.');
    matches!((letters.next(), letters.next()), (Some(c), None) if c.is_uppercase())
}

pub(crate) fn is_acronym(word: &str) -> bool {
    let mut letters = 0;
    for c in word.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

/// "prime minister", "vice president", "secretary of state" -> one role phrase.
fn title_phrase(words: &[&str]) -> Option<String> {
    if words.is_empty() {
        return None;
    }
    Some(words.join(" "))
}

/// Roles a title phrase gives: the phrase and its head noun ("treasury secretary" also makes
/// "the secretary"), but a vice or deputy is not "the president".
pub(crate) fn roles_of_title(title: &str) -> Vec<String> {
    let mut roles = vec![title.to_string()];
    let words: Vec<&str> = title.split(' ').collect();
    let head = words
        .iter()
        .rev()
        .find(|w| lexicon::is_role(w))
        .copied()
        .unwrap_or(words[words.len() - 1]);
    let subordinate = words
        .first()
        .is_some_and(|w| matches!(*w, "vice" | "deputy"));
    if !subordinate && head != title {
        roles.push(head.to_string());
    }
    if matches!(title, "prime minister" | "premier") {
        roles.push("leader".into());
    }
    roles
}

/// One person of the article.
#[derive(Debug, Clone)]
pub(crate) struct Entity {
    /// Name words as written, fullest form seen.
    pub words: Vec<String>,
    /// Folded keys of `words`, for matching.
    pub keys: Vec<CompactString>,
    pub roles: Vec<String>,
    pub nationalities: Vec<&'static str>,
    pub age: Option<u32>,
    pub gender: Option<Gender>,
    /// Position of the latest mention (paragraph, token), for recency.
    /// Position of the latest mention in the current pass (`None`: not yet mentioned).
    pub last_seen: Option<Position>,
    /// Something shows this is a person, not an organisation with a two-word name: a known
    /// given name, a title or honorific, or a description ("Green Horizon said" has none).
    pub is_person: bool,
    /// Weaker signs of a person, counted (see [`Table::promote`]): the name standing by a
    /// speech verb, the surname used alone later, an outlet's possessive before it.
    pub evidence: u32,
    /// Times named so far in the current pass.
    pub mentions: u32,
    /// Folded capitalised words written near the name, in its sentence ("Toyota", "SNP",
    /// "Kenya"): what "the Toyota chief" must find beside the person it stands for.
    pub context: Vec<CompactString>,
}

impl Entity {
    /// The canonical name: the fullest form the article uses.
    pub fn name(&self) -> String {
        self.words.join(" ")
    }

    fn add_role(&mut self, role: &str) {
        if !self.roles.iter().any(|r| r == role) {
            self.roles.push(role.to_string());
        }
    }

    /// True when this person holds the role a phrase names: the whole phrase ("prime
    /// minister"), else its head noun ("minister"), but a vice or deputy names only itself.
    pub fn has_role_phrase(&self, phrase: &str) -> bool {
        if self.has_role(phrase) {
            return true;
        }
        let subordinate = phrase.starts_with("vice") || phrase.starts_with("deputy");
        let head = phrase.rsplit(' ').next().unwrap_or(phrase);
        !subordinate && head != phrase && self.has_role(head)
    }

    /// True when this person holds `role` ("leader" matches any head of state or government).
    pub fn has_role(&self, role: &str) -> bool {
        self.roles.iter().any(|r| {
            r == role
                || (role == "leader" && lexicon::is_leader_title(r))
                || (lexicon::is_research_role(role) && lexicon::is_research_role(r))
                || {
                    // "chief executive" written as "the executive" or "the chief".
                    r.split(' ').any(|w| w == role)
                        && !r.starts_with("vice")
                        && !r.starts_with("deputy")
                }
        })
    }
}

/// Folds a name word for matching: lowercase, accents removed, possessive and dots dropped.
pub(crate) fn key(word: &str) -> CompactString {
    let stripped = strip_suffixes(word);
    // Most name words are ASCII letters with nothing to drop: lowercased in one copy.
    if stripped
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-')
    {
        let mut key = CompactString::new(stripped);
        key.make_ascii_lowercase();
        return key;
    }
    let b = lowercase(stripped);
    let keep = |c: &char| c.is_alphanumeric() || *c == '-';
    if b.is_ascii() {
        return b.chars().filter(keep).collect();
    }
    deunicode::deunicode(&b).chars().filter(keep).collect()
}

/// A person of one article's table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct PersonId(u32);

impl PersonId {
    fn new(index: usize) -> PersonId {
        PersonId(u32::try_from(index).expect("tables hold at most MAX_PEOPLE"))
    }

    fn index(self) -> usize {
        self.0 as usize
    }
}

/// A place in an article: a paragraph and a token in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Position {
    pub paragraph: usize,
    pub token: usize,
}

impl Position {
    pub(crate) fn new(paragraph: usize, token: usize) -> Position {
        Position { paragraph, token }
    }
}

/// Most people one article's table holds: no real article names more, and a hostile one
/// (a list of thousands of names) must not make every lookup slow.
const MAX_PEOPLE: usize = 1_000;

/// The people of one article.
#[derive(Debug, Default)]
pub(crate) struct Table {
    entities: Vec<Entity>,
    /// Folded surname -> the entities with it, so that lookups need not scan the table.
    by_last: rustc_hash::FxHashMap<CompactString, Vec<PersonId>>,
}

impl std::ops::Index<PersonId> for Table {
    type Output = Entity;

    fn index(&self, id: PersonId) -> &Entity {
        &self.entities[id.index()]
    }
}

impl std::ops::IndexMut<PersonId> for Table {
    fn index_mut(&mut self, id: PersonId) -> &mut Entity {
        &mut self.entities[id.index()]
    }
}

impl Table {
    /// Adds a run's person (or merges it into a known one) and returns its index.
    ///
    /// `keys` are the name's folded words; `words` makes the name as written, asked for only
    /// when the table keeps it.
    pub fn register(
        &mut self,
        keys: Cow<[CompactString]>,
        words: &dyn Fn() -> Vec<String>,
        run: &Run,
        at: Position,
    ) -> Option<PersonId> {
        if keys.is_empty() || run.is_not_person {
            return None;
        }
        // "Dame Rosalind", "Mr Harris": a known person's first or last name.
        let known_single = if keys.len() < 2 {
            self.find(&keys)
        } else {
            None
        };
        if keys.len() < 2 && (known_single.is_some() || !run.has_title) {
            // "Ms O’Brien": a title shows the known name is a person's.
            if let Some(i) = known_single {
                if run.has_title {
                    self[i].is_person = true;
                }
                // "Komar said" after "Brad Komar": people are called by their surname.
                self[i].evidence += 1;
            }
            return known_single;
        }
        let index = match self
            .find_compatible(&keys)
            .or_else(|| self.find_by_prefix(&keys))
        {
            Some(i) => {
                // "Mohd Zuhdi" then "Mohd Zuhdi Marsuki": the fuller name's surname finds
                // the person too.
                if let Some(last) = keys.last()
                    && !self.with_last(last).contains(&i)
                {
                    self.by_last.entry(last.clone()).or_default().push(i);
                }
                let e = &mut self[i];
                // The fullest form wins; at equal length, one not in capitals ("EMMA
                // Whitlock" in a tabloid's opening words).
                let shouts = |w: &[String]| {
                    w.iter()
                        .any(|x| x.chars().count() > 1 && !x.chars().any(char::is_lowercase))
                };
                if keys.len() > e.keys.len() {
                    e.words = words();
                    e.keys = keys.into_owned();
                } else if keys.len() == e.keys.len() && shouts(&e.words) {
                    let words = words();
                    if !shouts(&words) {
                        e.words = words;
                        e.keys = keys.into_owned();
                    }
                }
                i
            }
            None => self.push(words(), keys.into_owned(), at, false)?,
        };
        let e = &mut self[index];
        let last = e.keys.last().expect("a name");
        e.is_person |= run.has_title
            || lexicon::is_family_name(last)
            || e.keys.first().is_some_and(|k| {
                lexicon::is_given_name(k) || lexicon::is_family_name_first(k, last)
            });
        if let Some(title) = &run.title {
            for role in roles_of_title(title) {
                e.add_role(&role);
            }
        }
        for office in &run.acronyms {
            e.add_role(office);
        }
        if let Some(nat) = run.nationality
            && !e.nationalities.contains(&nat)
        {
            e.nationalities.push(nat);
        }
        if e.gender.is_none() {
            e.gender = run.gender;
        }
        Some(index)
    }

    /// Registers a one-word name known to be a person from how it is described.
    pub fn register_single(
        &mut self,
        keys: Cow<[CompactString]>,
        words: Vec<String>,
        run: &Run,
        at: Position,
    ) -> Option<PersonId> {
        if words.len() != 1 || run.is_not_person || run.is_possessive {
            return None;
        }
        self.push(words, keys.into_owned(), at, true)
    }

    fn push(
        &mut self,
        words: Vec<String>,
        keys: Vec<CompactString>,
        at: Position,
        is_person: bool,
    ) -> Option<PersonId> {
        if self.entities.len() >= MAX_PEOPLE {
            return None;
        }
        let last = keys.last().cloned().unwrap_or_default();
        let id = PersonId::new(self.entities.len());
        // "Jubeir said" for "Adel al-Jubeir".
        if let Some((_, rest)) = last.split_once('-')
            && matches!(
                last.split('-').next(),
                Some("al" | "el" | "ad" | "as" | "ash" | "ar" | "an" | "at" | "az")
            )
        {
            self.by_last.entry(rest.into()).or_default().push(id);
        }
        self.by_last.entry(last).or_default().push(id);
        self.entities.push(Entity {
            words,
            keys,
            roles: Vec::new(),
            nationalities: Vec::new(),
            age: None,
            gender: None,
            last_seen: Some(at),
            is_person,
            evidence: 0,
            mentions: 0,
            context: Vec::new(),
        });
        Some(id)
    }

    /// Every person with their id, in the order first met.
    pub fn people(&self) -> impl Iterator<Item = (PersonId, &Entity)> {
        self.entities
            .iter()
            .enumerate()
            .map(|(i, e)| (PersonId::new(i), e))
    }

    /// Entities whose surname is `last`.
    pub fn with_last(&self, last: &str) -> &[PersonId] {
        self.by_last.get(last).map_or(&[], Vec::as_slice)
    }

    /// An entity the name `keys` can be a form of: same surname and compatible first names.
    fn find_compatible(&self, keys: &[CompactString]) -> Option<PersonId> {
        let last = keys.last()?;
        self.with_last(last).iter().copied().find(|&i| {
            let e = &self[i];
            {
                let (a, b) = (&e.keys[..e.keys.len() - 1], &keys[..keys.len() - 1]);
                a.is_empty()
                    || b.is_empty()
                    || a[0] == b[0]
                    || initial_of(&a[0], &b[0])
                    || is_suffix(keys, &e.keys)
                    || is_suffix(&e.keys, keys)
            }
        })
    }

    /// The one person whose name starts with `keys` or is the start of them, both of two
    /// words or more: "Mohd Zuhdi" and "Mohd Zuhdi Marsuki", "Kim Jong" and "Kim Jong Un".
    fn find_by_prefix(&self, keys: &[CompactString]) -> Option<PersonId> {
        if keys.len() < 2 {
            return None;
        }
        let mut found = self.people().filter(|(_, e)| {
            e.keys.len() >= 2
                && e.keys.len() != keys.len()
                && (e.keys.starts_with(keys) || keys.starts_with(&e.keys))
        });
        let first = found.next()?.0;
        found.next().is_none().then_some(first)
    }

    fn find_compatible_first(&self, keys: &[CompactString]) -> Vec<PersonId> {
        self.people()
            .filter(|(_, e)| {
                // Only a known given name stands for a person alone ("Kestrel" is a club),
                // or a family name written first ("Park" for "Park Seo-yeon").
                e.keys.len() >= 2
                    && e.keys[0] == keys[0]
                    && (lexicon::is_given_name(&e.keys[0])
                        || lexicon::is_family_name_first(&e.keys[0], &e.keys[e.keys.len() - 1]))
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// Makes persons of the names with at least `enough` weaker signs of one: a name like
    /// "Jawan Jackson" whose given name no list knows, which stands by a speech verb and whose
    /// surname is used alone later. Organisation words never become persons (those runs are
    /// not registered at all).
    pub fn promote(&mut self, enough: u32) {
        for e in &mut self.entities {
            let shouts = e.words.iter().all(|w| !w.chars().any(char::is_lowercase));
            if !e.is_person && e.keys.len() >= 2 && e.evidence >= enough && !shouts {
                e.is_person = true;
            }
        }
    }

    /// Forgets positions, before a pass that resolves mentions in text order.
    pub fn forget_positions(&mut self) {
        for e in &mut self.entities {
            e.last_seen = None;
            e.mentions = 0;
        }
    }

    /// The entity a mention of `keys` refers to; the most recently seen when several fit.
    pub fn find(&self, keys: &[CompactString]) -> Option<PersonId> {
        if keys.is_empty() {
            return None;
        }
        let recency = |&i: &PersonId| (self[i].last_seen, std::cmp::Reverse(i));
        let by_last = self
            .with_last(keys.last().expect("not empty"))
            .iter()
            .map(|&i| (i, &self[i]))
            .filter(|(_, e)| {
                keys.len() == 1
                        || e.keys.len() == 1
                        || e.keys[0] == keys[0]
                        || initial_of(&e.keys[0], &keys[0])
                        // "Ortiz de Zárate" for "Javier Ortiz de Zárate"
                        || is_suffix(keys, &e.keys)
            })
            .map(|(i, _)| i);
        // Most mentions find their person by surname: then no list of candidates is made.
        if let Some(found) = by_last.max_by_key(recency) {
            return Some(found);
        }
        let by_last: Vec<PersonId> = self.find_by_prefix(keys).into_iter().collect();
        let candidates = if by_last.is_empty() && keys.len() == 1 {
            let first = self.find_compatible_first(keys);
            if first.is_empty() {
                // "Ibáñez" for "José Luis Ibáñez Soler": the first of two surnames.
                self.people()
                    .filter(|(_, e)| {
                        e.keys.len() >= 3 && e.keys[1..e.keys.len() - 1].contains(&keys[0])
                    })
                    .map(|(i, _)| i)
                    .collect()
            } else {
                first
            }
        } else {
            by_last
        };
        candidates.into_iter().max_by_key(recency)
    }

    /// Records capitalised words written near a mention of the person (folded keys).
    pub fn add_context(&mut self, index: PersonId, words: impl IntoIterator<Item = CompactString>) {
        let e = &mut self[index];
        for w in words {
            if !e.context.contains(&w) && !e.keys.contains(&w) {
                e.context.push(w);
            }
        }
    }

    /// Records descriptors found around a mention: apposition roles, age, nationality.
    pub fn describe(
        &mut self,
        index: PersonId,
        roles: &[String],
        age: Option<u32>,
        nationality: Option<&'static str>,
    ) {
        let e = &mut self[index];
        e.is_person |= !roles.is_empty() || age.is_some();
        for role in roles {
            e.add_role(role);
        }
        if age.is_some() {
            e.age = age;
        }
        if let Some(nat) = nationality
            && !e.nationalities.contains(&nat)
        {
            e.nationalities.push(nat);
        }
    }
}

/// True if `short` is the tail of `long`: a multi-word surname without the given name.
fn is_suffix(short: &[CompactString], long: &[CompactString]) -> bool {
    short.len() < long.len() && long.ends_with(short)
}

fn initial_of(a: &str, b: &str) -> bool {
    (a.len() == 1 && b.starts_with(a)) || (b.len() == 1 && a.starts_with(b))
}

#[cfg(test)]
mod tests {
    use super::super::Lowercase;
    use super::super::tokens::tokenize;
    use super::*;

    /// Runs `f` on the words of `text`, tokenized and lowercased as attribution does it.
    fn with_words<R>(text: &str, f: impl FnOnce(Words) -> R) -> R {
        let tokens = tokenize(text);
        let lowercase = Lowercase::new(text, &tokens);
        let lower = lowercase.words(&tokens);
        f(Words {
            text,
            tokens: &tokens,
            lower: &lower,
            has_sigma: text.contains('Σ'),
        })
    }

    fn read(text: &str) -> Vec<(String, Option<String>, bool)> {
        with_words(text, read_words)
    }

    fn read_words(words: Words) -> Vec<(String, Option<String>, bool)> {
        runs(words, &mut Vec::new())
            .into_iter()
            .map(|r| {
                let name: Vec<&str> = r.name.map(|i| words.word(i)).collect();
                (name.join(" "), r.title, r.is_not_person)
            })
            .collect()
    }

    #[test]
    fn titles_and_nationalities_are_stripped_from_names() {
        let table = [
            (
                "Russian President Vladimir Putin",
                "Vladimir Putin",
                Some("president"),
            ),
            (
                "U.S. President Donald Trump",
                "Donald Trump",
                Some("president"),
            ),
            (
                "NATO Secretary-General Mark Rutte",
                "Mark Rutte",
                Some("secretary-general"),
            ),
            (
                "Secretary of State Marco Rubio",
                "Marco Rubio",
                Some("secretary state"),
            ),
            (
                "CIA Director John Ratcliffe",
                "John Ratcliffe",
                Some("director"),
            ),
            (
                "Vice President JD Vance",
                "JD Vance",
                Some("vice president"),
            ),
            (
                "Treasury Secretary Scott Bessent",
                "Scott Bessent",
                Some("treasury secretary"),
            ),
            ("Sen. Maria Lopez", "Maria Lopez", Some("senator")),
            ("Dr Hugh Hill", "Hugh Hill", Some("doctor")),
            ("Ursula von der Leyen", "Ursula von der Leyen", None),
        ];
        for (text, name, title) in table {
            let runs = read(text);
            assert_eq!(runs.len(), 1, "{text}: {runs:?}");
            assert_eq!(runs[0].0, name, "{text}");
            assert_eq!(runs[0].1.as_deref(), title, "{text}");
            assert!(!runs[0].2, "{text}");
        }
    }

    #[test]
    fn places_and_organisations_are_not_people() {
        for text in [
            "the White House",
            "the Kremlin",
            "Moscow",
            "Axios",
            "Daily Beast",
        ] {
            let runs = read(text);
            assert!(runs.iter().all(|r| r.2), "{text}: {runs:?}");
        }
    }

    #[test]
    fn bare_of_a_lowercase_word_only_drops_suffixes() {
        for word in [
            "Putin’s",
            "MR.",
            "İstanbul's",
            "ǅemal",
            "ΣΟΦΙΑΣ.",
            "ϒpsilon",
            "U.S.",
            "so",
        ] {
            let lower = lowercase(word);
            assert_eq!(bare_lowercase(&lower), bare(&lower).as_str(), "{word}");
        }
    }

    #[test]
    fn bare_from_the_lowercase_token_is_bare_of_the_word() {
        let text = "PUTIN'S Putin’s PUTIN’S MR. İstanbul's ǅemal ΟΔΥΣΣΕΑΣ’s ΣΟΦΙΑΣ. U.S. so";
        with_words(text, |words| {
            for i in 0..words.tokens.len() {
                let word = words.word(i);
                assert_eq!(words.bare(i), bare(word).as_str(), "{word}");
            }
        });
    }

    #[test]
    fn roles_of_titles() {
        assert_eq!(roles_of_title("president"), ["president"]);
        assert_eq!(roles_of_title("vice president"), ["vice president"]);
        assert!(roles_of_title("prime minister").contains(&"minister".to_string()));
        assert!(roles_of_title("prime minister").contains(&"leader".to_string()));
    }
}
