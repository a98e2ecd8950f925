//! Word lists behind attribution: speech verbs in all their forms, titles, roles,
//! nationalities, places and organisations, given names by gender. Built once, then looked
//! up by lowercase word.

use std::collections::{HashMap, HashSet};
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

// Tier A: speech with a person subject (design notes, §Speech verbs), widened.
const TIER_A: &str = "say tell add state ask note argue claim acknowledge insist warn explain \
announce declare confirm deny reply respond answer admit stress emphasise emphasize assert \
maintain contend comment remark observe write tweet post testify recall repeat reiterate \
concede complain suggest predict promise vow pledge urge inform indicate signal joke quip \
exclaim agree reveal mention describe conclude clarify counter retort caution accuse \
criticise criticize dismiss call brand label dub hail appeal continue allege boast lament acknowledge estimate recount \
recommend advise assure disclose concur object protest scoff shout sigh whisper \
murmur mutter grumble brag concede forecast reassure reckon threaten apologise apologize \
acknowledged elaborate interject insist recollect specify summarise summarize underline \
underscore vowed wonder welcome condemn denounce reject question";

// Tier B: only with a quotation or a that-clause.
const TIER_B: &str = "think believe hope fear expect hint demand propose praise slam blast \
feel worry doubt know admit acknowledge recognise recognize conclude predict";

const IRREGULAR: &[(&str, &[&str])] = &[
    ("say", &["say", "says", "said", "saying"]),
    ("tell", &["tell", "tells", "told", "telling"]),
    ("write", &["write", "writes", "wrote", "written", "writing"]),
    ("think", &["think", "thinks", "thought", "thinking"]),
    ("feel", &["feel", "feels", "felt", "feeling"]),
    ("know", &["know", "knows", "knew", "known", "knowing"]),
    (
        "forecast",
        &["forecast", "forecasts", "forecasted", "forecasting"],
    ),
    ("plead", &["plead", "pleads", "pleaded", "pled", "pleading"]),
];

const INVERTING: &str = "said says added asked wrote continued explained noted replied \
recalled declared insisted argued warned tweeted answered responded remarked observed \
quipped joked concluded retorted";

fn inflections(lemma: &str) -> Vec<String> {
    if let Some((_, forms)) = IRREGULAR.iter().find(|(l, _)| *l == lemma) {
        return forms.iter().map(|f| f.to_string()).collect();
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

static VERBS: LazyLock<HashMap<String, Verb>> = LazyLock::new(|| {
    let inverting: HashSet<&str> = INVERTING.split_whitespace().collect();
    let mut map = HashMap::new();
    for (list, tier) in [(TIER_B, Tier::B), (TIER_A, Tier::A)] {
        for lemma in list.split_whitespace() {
            if lemma.ends_with("ed") && lemma != "need" {
                continue; // stray past forms in the list are generated from their lemma
            }
            for form in inflections(lemma) {
                let verb = Verb {
                    tier,
                    is_participle: form.ends_with("ing"),
                    inverts: inverting.contains(form.as_str()),
                    is_call: matches!(lemma, "call" | "brand" | "label" | "dub"),
                    is_narrow: matches!(lemma, "add" | "write" | "post" | "answer"),
                };
                // Tier A wins where a verb is in both lists.
                map.insert(form, verb);
            }
        }
    }
    map
});

/// The speech verb for a lowercase word form, if it is one.
pub(crate) fn verb(word: &str) -> Option<Verb> {
    VERBS.get(word).copied()
}

fn set(words: &'static str) -> HashSet<&'static str> {
    words.split_whitespace().collect()
}

/// A set from a word file (one per line) and a few more words.
fn with_file(file: &'static str, more: &'static str) -> HashSet<&'static str> {
    file.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .chain(more.split_whitespace())
        .collect()
}

/// Words skipped between a subject and its verb: adverbs, auxiliaries, negation.
static SKIPPABLE: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(
        "also reportedly publicly privately allegedly swiftly later then again repeatedly \
            previously once twice now recently bluntly yesterday today tonight overnight last night \
    week weekend month morning afternoon evening separately earlier quickly flatly firmly openly separately further earlier \
    subsequently immediately simply just still even already often never always has have had \
    will would could should may might must shall was is are were be been being did does do not \
    n't never angrily calmly quietly loudly sharply frankly candidly tersely curtly herself \
    himself themselves personally directly initially finally first secondly has also went on to \
    reportedly apparently emphatically proudly cheerfully gravely wryly drily dryly jokingly",
    )
});

/// Adverbs, auxiliaries and the like that may stand between a subject and its verb.
pub(crate) fn is_skippable(word: &str) -> bool {
    SKIPPABLE.contains(word) || (word.len() > 4 && word.ends_with("ly") && !is_stop(word))
}

/// Words that begin a clause: a mention right after one is in subject position.
static CLAUSE_OPENERS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(
        "and but while as when because although though that whether if so after before since \
    until where whereas yet meanwhile however nonetheless instead also then later who",
    )
});

/// True for words after which a new clause (and so a subject) starts.
pub(crate) fn opens_clause(word: &str) -> bool {
    CLAUSE_OPENERS.contains(word)
}

/// Capitalised words that are never part of a person's name.
static STOP: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(
        "the a an but and or nor while when where whether despite with without from later during \
    as in on at for if this that these those it its his her hers their theirs our ours we i you \
    they he she him them us me my your both all some one two three four five six seven eight nine \
    ten many most more several each every no not after before since until because although though \
    however meanwhile instead still yet also then there here what who whom whose which why how \
    speaking asked according under over into onto about above below between among against \
    toward towards upon via per amid amidst throughout across along around behind beyond inside \
    outside within by to of off out up down so such than too very just only even ever never \
    now today yesterday tomorrow tonight monday tuesday wednesday thursday friday saturday sunday \
    january february march april may june july august september october november december \
    jan feb mar apr jun jul aug sep sept oct nov dec mr ms mrs dr prof sir dame lord lady \
    breaking update updated exclusive analysis opinion editorial live watch read photo video \
    god lol ok okay yes no thanks please dear hello hi well oh ah",
    )
});

/// True for capitalised words that do not belong to names ("The", "While", "Monday").
pub(crate) fn is_stop(word: &str) -> bool {
    STOP.contains(word)
}

/// Titles and offices written before names, lowercase, multiword ones joined by spaces.
/// The value is the role they give their holder.
static TITLES: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    let pairs: &[(&str, &str)] = &[
        ("president", "president"),
        ("president-elect", "president"),
        ("vice", "vice"),
        ("prime", "prime"),
        ("minister", "minister"),
        ("premier", "premier"),
        ("chancellor", "chancellor"),
        ("secretary", "secretary"),
        ("secretary-general", "secretary-general"),
        ("general", "general"),
        ("gen", "general"),
        ("sen", "senator"),
        ("senator", "senator"),
        ("rep", "representative"),
        ("representative", "representative"),
        ("congressman", "congressman"),
        ("congresswoman", "congresswoman"),
        ("gov", "governor"),
        ("governor", "governor"),
        ("mayor", "mayor"),
        ("judge", "judge"),
        ("justice", "justice"),
        ("director", "director"),
        ("chief", "chief"),
        ("executive", "executive"),
        ("ceo", "chief executive"),
        ("cfo", "finance chief"),
        ("chairman", "chairman"),
        ("chairwoman", "chairwoman"),
        ("chair", "chair"),
        ("deputy", "deputy"),
        ("foreign", "foreign"),
        ("defence", "defence"),
        ("defense", "defense"),
        ("interior", "interior"),
        ("finance", "finance"),
        ("treasury", "treasury"),
        ("state", "state"),
        ("health", "health"),
        ("home", "home"),
        ("education", "education"),
        ("energy", "energy"),
        ("trade", "trade"),
        ("economy", "economy"),
        ("attorney", "attorney"),
        ("king", "king"),
        ("queen", "queen"),
        ("prince", "prince"),
        ("princess", "princess"),
        ("pope", "pope"),
        ("dr", "doctor"),
        ("doctor", "doctor"),
        ("prof", "professor"),
        ("professor", "professor"),
        ("mr", ""),
        ("mrs", ""),
        ("ms", ""),
        ("miss", ""),
        ("mx", ""),
        ("sir", ""),
        ("dame", ""),
        ("lord", ""),
        ("lady", ""),
        ("baroness", ""),
        ("baron", ""),
        ("coach", "coach"),
        ("captain", "captain"),
        ("capt", "captain"),
        ("councillor", "councillor"),
        ("cllr", "councillor"),
        ("councilman", "councilman"),
        ("councilwoman", "councilwoman"),
        ("commissioner", "commissioner"),
        ("ambassador", "ambassador"),
        ("envoy", "envoy"),
        ("special", "special"),
        ("spokesman", "spokesman"),
        ("spokeswoman", "spokeswoman"),
        ("spokesperson", "spokesperson"),
        ("officer", "officer"),
        ("detective", "detective"),
        ("inspector", "inspector"),
        ("superintendent", "superintendent"),
        ("sgt", "sergeant"),
        ("sergeant", "sergeant"),
        ("lt", "lieutenant"),
        ("col", "colonel"),
        ("colonel", "colonel"),
        ("maj", "major"),
        ("adm", "admiral"),
        ("admiral", "admiral"),
        ("rev", "reverend"),
        ("reverend", "reverend"),
        ("bishop", "bishop"),
        ("archbishop", "archbishop"),
        ("cardinal", "cardinal"),
        ("rabbi", "rabbi"),
        ("imam", "imam"),
        ("sheikh", "sheikh"),
        ("father", "father"),
        ("sister", "sister"),
        ("founder", "founder"),
        ("co-founder", "founder"),
        ("chef", "chef"),
        ("manager", "manager"),
        ("head", "head"),
        ("leader", "leader"),
        ("speaker", "speaker"),
        ("agent", "agent"),
        ("lawyer", "lawyer"),
        ("prosecutor", "prosecutor"),
        ("emir", "emir"),
        ("crown", "crown"),
        ("grand", "grand"),
        ("first", "first"),
        ("lady's", ""),
        ("dj", ""),
        ("striker", "striker"),
        ("midfielder", "midfielder"),
        ("defender", "defender"),
        ("goalkeeper", "goalkeeper"),
        ("forward", "forward"),
        ("economist", "economist"),
        ("analyst", "analyst"),
        ("researcher", "researcher"),
        ("scientist", "scientist"),
        ("mp", "mp"),
        ("alhaji", ""),
        ("alhaja", ""),
        ("magistrate", "magistrate"),
        ("mep", "mep"),
        ("taoiseach", "taoiseach"),
        ("tánaiste", "tánaiste"),
        ("tanaiste", "tánaiste"),
        ("moderator", "moderator"),
        ("constable", "constable"),
        ("pc", "constable"),
        ("di", "detective inspector"),
        ("dci", "detective chief inspector"),
        ("ds", "detective sergeant"),
        ("insp", "inspector"),
        ("supt", "superintendent"),
        ("frontman", "frontman"),
        ("frontwoman", "frontwoman"),
        ("singer", "singer"),
        ("principal", "principal"),
        ("headteacher", "headteacher"),
        ("chancellor", "chancellor"),
        ("assemblyman", "assemblyman"),
        ("assemblywoman", "assemblywoman"),
        ("alderman", "alderman"),
        ("commander", "commander"),
        ("marshal", "marshal"),
        ("sheriff", "sheriff"),
        ("trustee", "trustee"),
        ("president's", "president"),
        ("ombudsman", "ombudsman"),
        ("registrar", "registrar"),
        ("solicitor", "solicitor"),
        ("barrister", "barrister"),
        ("counsel", "counsel"),
        ("negotiator", "negotiator"),
        ("envoy", "envoy"),
        ("nurse", "nurse"),
        ("surgeon", "surgeon"),
        ("consultant", "consultant"),
        ("curator", "curator"),
        ("editor", "editor"),
        ("publisher", "publisher"),
        ("producer", "producer"),
        ("actor", "actor"),
        ("actress", "actress"),
        ("author", "author"),
        ("novelist", "novelist"),
        ("poet", "poet"),
        ("artist", "artist"),
        ("rapper", "rapper"),
        ("drummer", "drummer"),
        ("guitarist", "guitarist"),
        ("skipper", "skipper"),
        ("winger", "winger"),
        ("manager", "manager"),
        ("boss", "boss"),
        ("owner", "owner"),
        ("chairperson", "chair"),
        ("vice-chair", "vice chair"),
        ("vice-president", "vice president"),
        ("undersecretary", "undersecretary"),
        ("under-secretary", "undersecretary"),
        ("attorney-general", "attorney general"),
        ("solicitor-general", "solicitor general"),
        ("governor-general", "governor general"),
        ("auditor", "auditor"),
        ("comptroller", "comptroller"),
        ("treasurer", "treasurer"),
        ("secretary-treasurer", "treasurer"),
        ("pastor", "pastor"),
        ("vicar", "vicar"),
        ("dean", "dean"),
        ("provost", "provost"),
        ("rector", "rector"),
        ("lecturer", "lecturer"),
        ("economist", "economist"),
        ("strategist", "strategist"),
        ("strategist", "strategist"),
        ("analyst", "analyst"),
    ];
    pairs.iter().copied().collect()
});

/// Letters after a name that are not part of it ("KC", "Jr", "OBE").
pub(crate) fn is_post_nominal(word: &str) -> bool {
    matches!(
        word,
        "kc" | "qc"
            | "mp"
            | "mep"
            | "msp"
            | "jr"
            | "sr"
            | "ii"
            | "iii"
            | "iv"
            | "phd"
            | "md"
            | "obe"
            | "cbe"
            | "mbe"
            | "dbe"
            | "kbe"
            | "esq"
            | "frs"
            | "td"
    )
}

/// The role a title word gives ("sen" -> "senator"), for words used as titles.
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
static ROLES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(
        "president leader minister chancellor premier senator envoy spokesman spokeswoman \
    spokesperson secretary secretary-general general judge mayor governor coach manager striker \
    captain executive chief founder co-founder researcher scientist professor doctor councillor \
    defendant prosecutor lawyer attorney economist analyst actor actress singer director chairman \
    chairwoman chair boss king queen prince princess diplomat ambassador commander candidate \
    congressman congresswoman lawmaker politician billionaire businessman businesswoman star \
    player midfielder defender goalkeeper forward veteran teenager novelist author artist \
    designer chef officer detective inspector superintendent pope bishop archbishop cardinal \
    rabbi imam monarch emir sheikh representative governor-general commissioner chairperson \
    owner physician surgeon nurse teacher headteacher headmaster principal pilot driver \
    winger skipper striker batsman bowler champion rapper musician filmmaker investor banker \
    entrepreneur activist campaigner economist historian epidemiologist virologist engineer \
    lecturer dean rector regulator negotiator mediator minister-president head \
    climber runner cyclist swimmer boxer golfer tennis trainer woman man barrister solicitor \
    trader broker farmer owner landlord tenant witness adviser advisor academic steward vet elder \
    engineer physicist commissioner negotiator presenter host reporter correspondent",
    )
});

/// True for nouns that can name a person by their role.
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
static NATIONALITIES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(
        "american british english scottish welsh irish french german italian spanish portuguese \
    dutch belgian swiss austrian polish czech slovak hungarian romanian bulgarian greek turkish \
    russian ukrainian belarusian georgian armenian azerbaijani kazakh uzbek chinese japanese \
    korean taiwanese indian pakistani bangladeshi afghan iranian iraqi syrian lebanese israeli \
    palestinian jordanian saudi emirati qatari kuwaiti yemeni omani egyptian libyan tunisian \
    algerian moroccan nigerian ghanaian kenyan ethiopian somali sudanese south african \
    zimbabwean canadian mexican brazilian argentine argentinian chilean colombian peruvian \
    venezuelan cuban australian kiwi zealander swedish norwegian danish finnish icelandic \
    estonian latvian lithuanian serbian croatian bosnian slovenian albanian macedonian moldovan \
    european western eastern northern southern asian african arab latin indonesian malaysian \
    thai vietnamese filipino singaporean burmese cambodian mongolian nepalese sri lankan",
    )
});

/// True for nationality adjectives ("ukrainian").
pub(crate) fn is_nationality(word: &str) -> bool {
    NATIONALITIES.contains(word)
}

/// The nationality an adjective names, as a static string.
pub(crate) fn nationality(word: &str) -> Option<&'static str> {
    NATIONALITIES.get(word).copied()
}

/// Nationality named by a demonym used as a noun ("the Spaniard", "the Briton").
pub(crate) fn nationality_noun(word: &str) -> Option<&'static str> {
    Some(match word {
        "spaniard" => "spanish",
        "briton" | "brit" => "british",
        "frenchman" | "frenchwoman" => "french",
        "dutchman" | "dutchwoman" => "dutch",
        "englishman" | "englishwoman" => "english",
        "irishman" | "irishwoman" => "irish",
        "scot" | "scotsman" | "scotswoman" => "scottish",
        "welshman" | "welshwoman" => "welsh",
        "dane" => "danish",
        "swede" => "swedish",
        "finn" => "finnish",
        "pole" => "polish",
        "turk" => "turkish",
        "aussie" => "australian",
        "kiwi" => "kiwi",
        "yankee" => "american",
        "argentine" => "argentine",
        _ => return None,
    })
}

/// Nationality implied by a country or abbreviation before a title ("U.S. President").
pub(crate) fn country_nationality(word: &str) -> Option<&'static str> {
    Some(match word {
        "u.s." | "us" | "u.s" | "america" | "united" | "states" => "american",
        "uk" | "u.k." | "britain" | "kingdom" => "british",
        "russia" | "kremlin" => "russian",
        "ukraine" => "ukrainian",
        "china" => "chinese",
        "france" => "french",
        "germany" => "german",
        "israel" => "israeli",
        "iran" => "iranian",
        "india" => "indian",
        "japan" => "japanese",
        "canada" => "canadian",
        "australia" => "australian",
        _ => return None,
    })
}

/// Countries, cities, regions and organisations: capitalised words that are not people.
static NOT_PERSON: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(
        "ukraine russia america usa us u.s. u.s uk u.k. britain england scotland wales ireland \
    france germany italy spain portugal poland china japan korea india pakistan iran iraq syria \
    israel gaza palestine lebanon egypt turkey greece canada mexico brazil argentina australia \
    europe asia africa moscow kyiv kiev washington london paris berlin brussels beijing tokyo \
    delhi munich geneva vienna rome madrid warsaw minsk tehran jerusalem kharkiv kursk tuapse \
    donbas crimea odesa lviv dnipro zaporizhzhia kremlin nato eu un u.n. un's cia fbi nsa imf \
    who wto opec g7 g20 white house senate congress parliament commons lords pentagon \
    downing street whitehall ministry department office council government administration \
    committee commission agency bureau court supreme party union league federation association \
    institute university college school hospital clinic foundation trust bank group inc corp \
    corporation ltd plc llc company co fc club united city county state republic kingdom \
    federal national international news times post journal herald tribune guardian telegraph \
    independent mail express mirror sun beast axios reuters bloomberg ap afp bbc cnn nbc abc \
    cbs fox npr pbs politico wsj ft economist tass ria interfax xinhua press agence associated \
    daily weekly monday tuesday wednesday thursday friday saturday sunday middle east west north \
    south eastern western northern southern central airlines airways motors energy systems \
    technologies labs network networks media studios records capital partners holdings \
    apple google alphabet microsoft amazon meta facebook twitter tesla nvidia openai intel \
    samsung sony netflix uber boeing airbus toyota volkswagen shell bp exxon gazprom \
    democrats republicans labour conservatives tories liberal democrats greens reform \
    st saint mount lake river street road avenue square bridge station airport port \
    north sea atlantic pacific baltic black mediterranean arctic covid coronavirus omicron \
    christmas easter ramadan olympics world cup premier championship series grand prix \
    internet online web app ai devices research town books electric rail railway \
    festival police command forces army navy air force guard brigade regiment corps \
    hospice hospital trust council authority board service services centre center \
    institute laboratory laboratories labs lab pharmaceuticals pharma therapeutics bio \
    biotech health healthcare care foods food farms farm dairy brewery brewing mining \
    minerals metals steel oil gas petroleum utilities water waters transport \
    logistics shipping freight airlines motors automotive cars software solutions digital \
    data analytics security insurance finance financial investments investment fund funds \
    capital securities markets exchange ventures consulting advisors advisers partners \
    associates group holdings industries enterprises international global worldwide \
    company corporation incorporated limited society league club fc afc rovers wanderers \
    athletic athletics hotspur albion county borough city village district region \
    province state states kingdom republic union alliance coalition movement front \
    campaign network foundation charity appeal gallery museum library theatre theater \
    cinema studios records press publishing media radio television tv channel \
    magazine review gazette chronicle courier clarion ledger observer standard \
    bulletin dispatch argus echo \
    school academy polytechnic seminary cathedral chapel mosque \
    temple synagogue lane boulevard harbour harbor bay beach gardens valley island \
    islands mountains coast upper lower greater \
    house assembly cabinet tribunal courts prison jail constabulary \
    crown hotel restaurant cafe pub shop store stores market supermarket mall \
            hardware bakery pharmacy clinic surgery practice palace castle abbey risk llp \
    organization organisation organizations organisations
    universidad université universität universiteit università universidade riders \
    bst gmt utc cet cest est edt pst pdt aest aedt ist jst nzst nzdt sast \
    zealand africa arabia emirates afghanistan albania algeria angola armenia austria \
    azerbaijan bahrain bangladesh belarus belgium bolivia bosnia botswana bulgaria \
    cambodia cameroon chile colombia congo croatia cuba cyprus czechia denmark ecuador \
    estonia ethiopia finland  ghana guatemala haiti honduras hungary iceland \
    indonesia jamaica  kazakhstan kenya kosovo kuwait kyrgyzstan laos latvia \
    libya lithuania luxembourg madagascar malawi malaysia mali malta moldova mongolia \
    montenegro morocco mozambique myanmar namibia nepal netherlands nicaragua niger \
    nigeria norway oman panama paraguay peru philippines qatar romania rwanda senegal \
    serbia singapore slovakia slovenia somalia sudan sweden switzerland taiwan \
    tajikistan tanzania thailand tunisia turkmenistan uganda uruguay uzbekistan \
    venezuela vietnam yemen zambia zimbabwe sahel balkans caucasus \
    toronto  melbourne auckland wellington johannesburg cape nairobi lagos cairo \
    dubai istanbul ankara athens lisbon dublin edinburgh glasgow cardiff belfast \
    manchester birmingham liverpool leeds bristol chicago boston   \
    seattle atlanta miami denver detroit  philadelphia francisco angeles \
    york jersey texas california florida ohio michigan   arizona \
    ontario quebec bavaria catalonia scandinavia mumbai karachi lahore dhaka \
    jakarta manila bangkok hanoi seoul shanghai hong kong osaka kyoto  \
    bogota lima caracas havana mexico brasília brasilia   buenos aires montreal \
    vancouver ottawa copenhagen stockholm oslo helsinki amsterdam rotterdam antwerp \
    hamburg frankfurt cologne zurich  naples barcelona  seville porto \
    prague budapest bucharest  belgrade zagreb riga tallinn vilnius valparaíso",
    )
});

/// True for capitalised words that mark a run as a place or organisation.
pub(crate) fn is_not_person(word: &str) -> bool {
    NOT_PERSON.contains(word)
}

/// Name particles allowed inside a name in lowercase ("Ursula von der Leyen").
pub(crate) fn is_particle(word: &str) -> bool {
    matches!(
        word,
        "de" | "da"
            | "di"
            | "du"
            | "del"
            | "della"
            | "van"
            | "von"
            | "der"
            | "den"
            | "bin"
            | "ibn"
            | "al"
            | "el"
            | "la"
            | "le"
            | "dos"
            | "das"
            | "ter"
            | "zu"
            | "y"
            | "í"
    )
}

/// Given names, one per line: the word lists a person's first name is checked against.
const FEMALE_NAMES_FILE: &str = include_str!("names_female.txt");
const MALE_NAMES_FILE: &str = include_str!("names_male.txt");

static FEMALE_NAMES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    with_file(
        FEMALE_NAMES_FILE,
        "mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa \
    betty margaret sandra ashley kimberly emily donna michelle carol amanda dorothy melissa \
    deborah stephanie rebecca sharon laura cynthia kathleen amy angela shirley anna brenda pamela \
    emma nicole helen samantha katherine christine debra rachel carolyn janet catherine maria \
    heather diane ruth julie olivia joyce virginia victoria kelly lauren christina joan evelyn \
    judith megan andrea cheryl hannah jacqueline martha gloria teresa ann sara madison frances \
    kathryn janice jean abigail alice judy sophia grace denise amber doris marilyn danielle \
    beverly isabella theresa diana natalie brittany charlotte marie kayla alexis lori kamala \
    hillary nancy ursula angela theresa giorgia marine liz kemi yvette rachel priti suella \
    nicola jacinda sanna annalena ilhan alexandria elise marjorie lauren kristi kristen tulsi \
    pam susie karoline jill melania ivanka michelle oksana olena yulia iryna tetiana natalia \
    svetlana olga tatiana irina elena anastasia ekaterina maria valentina marta kaja kaia \
    mette magdalena ewa agnieszka katarzyna anna zoe zoë chloe sophie lucy amelia isla ava mia \
    ella freya poppy lily rosie ruby millie evie jess jessie beth kate katie claire fiona \
    siobhan aoife niamh sinead priya ananya aisha fatima leila layla yasmin noor mariam amina \
    zainab sofia lucia carmen elena isabel ines ana beatriz camila valeria ximena mei ling yan \
    yuki haruka sakura akiko hana jia xin wen fang priyanka deepika sunita meera anjali \
    ingrid astrid freja saga linnea elin greta heidi petra monika sabine ursula gisela \
    francesca giulia chiara alessandra federica claudia marina nadia dana rita rosa clara \
    maya mila nina lena lea leah hanna eva ada ida ines judit zsofia agnes margit \
    sam jo alison alexandra bridget caroline cassandra cecilia colleen connie \
    constance daisy daphne deirdre delia edith eileen eleanor elaine eloise esther eve fay \
    felicity florence georgia georgina gillian gwen harriet hazel holly imogen irene iris \
    isobel ivy jade jane janine jasmine jenny jocelyn josephine joy juliet june \
    kathy kerry kirsty lara leanne lesley lindsay lorna louise lydia mabel maeve maggie \
    mandy marcia margot marianne marion maureen maxine meredith miranda molly monica naomi \
    nora olive paige pauline penelope philippa phoebe polly rachael rebekah rhiannon roberta \
    rosalind rosemary roxanne sabrina selina serena shannon sheila sonia stella susanna suzanne \
    sylvia tamsin tessa tina tracey tracy trudy vanessa vera vicky wendy yvonne zara \
    aine saoirse ciara orla grainne roisin mairead nuala brigid una siobhán \
    kateryna halyna lyudmila nadiya khrystyna viktoriya valentyna \
    birgit sigrid solveig karin kristin liv marit ragnhild tove \
    anneliese brigitte helga ilse renate ulrike waltraud jutta heike silke \
    giovanna lorenza paola raffaella simona \
    amélie camille chloé élise juliette léa manon margaux océane zoé \
    catarina leonor mariana raquel \
    dolores guadalupe lourdes marisol pilar rocío soledad \
    agata aleksandra beata dorota ewelina joanna justyna malgorzata zofia \
    fatma zeynep elif ayse emine \
    adaeze chioma ngozi amara nneka folasade yetunde wanjiru akosua abena efua \
    keiko yoko naoko emiko tomoko mariko \
    xiaoling xiu hui ying \
    kenzie mackenzie brooke kayleigh courtney chelsea ashleigh bethany demi \
    hannah miriam deborah sally susan carla harriet priya nadia",
    )
});

static MALE_NAMES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    with_file(
        MALE_NAMES_FILE,
        "james robert john michael william david richard joseph thomas charles christopher daniel \
    matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy \
    ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott \
    brandon benjamin samuel gregory alexander frank patrick raymond jack dennis jerry tyler aaron \
    jose adam nathan henry douglas zachary peter kyle noah ethan jeremy walter christian keith \
    roger terry austin sean gerald carl harold dylan arthur lawrence jordan jesse bryan billy \
    bruce gabriel joe logan alan juan albert willie elijah wayne randy vincent mason roy ralph \
    bobby russell bradley philip eugene vladimir volodymyr dmitry dmitri sergei sergey andriy \
    andrii oleksandr oleksiy mykola petro yuriy viktor vitali vitaliy denys rustem kyrylo \
    valery valeriy alexei alexey mikhail nikolai ivan boris igor yevgeny evgeny maxim pavel \
    emmanuel olaf friedrich keir rishi boris tony gordon jeremy nigel kemi marco jd j.d. \
    antony lloyd pete mike ron rand ted chuck mitch kevin hakeem bernie barack joe hunter \
    elon jeff bill warren tim satya sundar jensen sam mark larry sergey steve xi li wang zhang \
    liu chen yang huang zhao wu zhou recep tayyip benjamin binyamin yoav bezalel itamar \
    mohammed muhammad ahmed ali hassan hussein omar khalid abdullah salman mahmoud yahya \
    ismail hamid karim tariq imran nawaz shehbaz narendra rahul amit arvind rajnath jaishankar \
    subrahmanyam luiz inacio javier gustavo nicolas andres pedro carlos luis miguel alejandro \
    diego pablo sergio fernando jorge ricardo eduardo rafael mario luca matteo giuseppe \
    giovanni francesco antonio marco lorenzo paolo andrea mateusz jakub piotr tomasz krzysztof \
    andrzej donald rafal radoslaw lars erik anders magnus henrik jens nils olof jonas mikael \
    stefan hans klaus jurgen wolfgang dieter friedrich markus thomas tobias lukas felix max \
    hugh hugo oliver harry charlie jake jamie liam owen callum connor rory kieran declan \
    ciaran niall eamon fergus angus hamish graham ian neil colin keir ed wes rex jon jim \
    tom dan ben nick matt chris rob steve andy phil greg doug ken rick dave mike joel \
    hiroshi takeshi kenji haruto fumio shinzo yoshihide shigeru kishida junichiro taro \
    jae-myung yoon suk-yeol moon kim alastair alistair archie barry bernard brendan \
    cameron clive craig darren dominic duncan edmund elliot emmet fraser gareth gavin geoffrey \
    gerard giles glenn grant guy howard jeremiah jerome jonah julian kelvin \
    leon leslie lewis lionel malcolm marcus martin maurice melvin miles nathaniel \
    neville norman oscar percy quentin reginald rhys rodney rupert \
    seamus sebastian shane sidney simon spencer stanley stuart terence theo toby trevor \
    vernon victor vince wilfred wyn ollie alfie freddie reggie \
    micheál micheal padraig pádraig cathal cillian colm conor donal eoin fintan oisin ruairi \
    henning sven bjorn björn gunnar leif rolf torsten ulf \
    andre andré darnell deshawn jamal jermaine lamar marquis tyrone \
    kwame kofi kojo yaw olumide tunde chidi emeka obinna segun babatunde \
    kazuo koji makoto masahiro satoshi takashi \
    jun wei hao jian ming qiang lei tao bo \
    radek tomas tomáš jiri jiří petr vaclav václav ondřej ondrej \
    arkadiusz bartosz grzegorz lukasz łukasz marcin pawel paweł wojciech \
    mehmet mustafa ahmet emre burak can selim kemal \
    hector héctor ignacio joaquín joaquin santiago alvaro álvaro \
    joão joao rui tiago duarte antónio \
    jean-luc jean-pierre jean-marc francois françois pierre jacques michel philippe \
    guillaume olivier thierry \
    yevgeniy dmytro oleg vasyl serhiy taras bohdan \
    lachlan nigel evan neil tobias vincent raymond luis kyle alan dean joseph brian declan \
    cian sunil harold",
    )
});

/// True for names written family name first: an East Asian family name followed by a given
/// name ("Park Seo-yeon", "Lee Dong-hyuk", "Nguyen Van An", "Xi Jinping").
pub(crate) fn is_family_name_first(first: &str, last: &str) -> bool {
    is_family_name(first) && (last.contains('-') || first.len() <= 5)
}

/// An East Asian family name ("Pham" in "Vinh Pham", "Park" in "Park Seo-yeon").
pub(crate) fn is_family_name(word: &str) -> bool {
    const FAMILY: &[&str] = &[
        "kim", "lee", "park", "choi", "jung", "jeong", "kang", "cho", "yoon", "jang", "lim", "han",
        "oh", "seo", "shin", "kwon", "hwang", "ahn", "song", "jeon", "hong", "moon", "yoo", "wang",
        "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun", "ma",
        "zhu", "hu", "guo", "he", "lin", "luo", "gao", "xi", "nguyen", "tran", "le", "pham",
        "hoang", "phan", "vu", "vo", "dang", "bui", "do", "ho", "ngo", "duong", "ly", "tan", "ng",
        "ong", "goh", "chua", "teo", "koh", "chan", "wong", "leung", "cheung", "lau", "yeo", "toh",
        "sim", "tay", "quek", "low", "chong", "foo", "yap", "seah", "heng", "tang", "lai",
    ];
    FAMILY.contains(&word)
}

/// True for a known given name of either gender: the first word of a person's name. Keys
/// are folded to ASCII, so both "josé" and "jose" are looked up.
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
