#![allow(dead_code)]
//! Deterministic generator of realistic synthetic news articles.
//!
//! Benches and tests include this file with `#[path = "support/corpus.rs"] mod corpus;`
//! (or `#[path = "../benches/support/corpus.rs"]` from `tests/`). Corpora are generated at
//! run time and never committed. Only `std` is used, and the pseudo-random generator is a
//! self-contained SplitMix64, so the same `(seed, index)` gives the same article on every
//! machine and every Rust version.
//!
//! Each article is Markdown with YAML front matter (`id`, `title`, `source`, `author`,
//! `date`), followed by 6 to 16 blank-line separated paragraphs of 30 to 90 words, and in
//! about one article in four a `## Section heading` line between two paragraphs. Paragraphs
//! mimic news style: narrative, direct quotes with attribution before, after or inside the
//! quotation, reported speech, pronoun and role-noun attribution ("she said", "the minister
//! added", "the 45-year-old said"), organisation and anonymous sources, quotes that mention
//! other people, quotes that continue over two paragraphs, and quoted fragments.

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::Path;
use std::sync::OnceLock;

/// One generated article, as Markdown text with YAML front matter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedArticle {
    /// File name such as `article-000123.md`.
    pub file_name: String,
    /// Full Markdown text, front matter included.
    pub text: String,
    /// Number of body paragraphs (headings and front matter excluded).
    pub paragraphs: usize,
}

/// Deterministic: the same (seed, index) always gives the same article, on every machine.
pub fn article(seed: u64, index: usize) -> GeneratedArticle {
    let parts = generate(seed, index);
    GeneratedArticle {
        file_name: format!("article-{index:06}.md"),
        text: parts.markdown(),
        paragraphs: parts.paragraph_count(),
    }
}

/// Writes articles 0..n into `dir`, spread over subfolders of 500 files each
/// (e.g. `dir/0000/article-000123.md`), returns the total number of paragraphs written.
pub fn write_corpus(dir: &Path, seed: u64, n: usize) -> io::Result<usize> {
    let mut total = 0;
    for index in 0..n {
        let sub = dir.join(format!("{:04}", index / FILES_PER_FOLDER));
        if index % FILES_PER_FOLDER == 0 {
            fs::create_dir_all(&sub)?;
        }
        let a = article(seed, index);
        fs::write(sub.join(&a.file_name), a.text.as_bytes())?;
        total += a.paragraphs;
    }
    Ok(total)
}

/// Generates articles until at least `paragraphs` paragraphs, returning them (for in-memory benches).
pub fn articles_with_paragraphs(seed: u64, paragraphs: usize) -> Vec<GeneratedArticle> {
    let mut out = Vec::new();
    let mut total = 0;
    while total < paragraphs {
        let a = article(seed, out.len());
        total += a.paragraphs;
        out.push(a);
    }
    out
}

/// Writes a JSON Lines file with `n` articles, one per line:
/// `{"id","title","source","author","date","body"}` where `body` holds the paragraphs
/// (headings excluded) separated by `"\n\n"`. Returns the total number of paragraphs written.
pub fn write_jsonl(path: &Path, seed: u64, n: usize) -> io::Result<usize> {
    let mut w = BufWriter::new(fs::File::create(path)?);
    let mut total = 0;
    let mut line = String::new();
    for index in 0..n {
        let parts = generate(seed, index);
        total += parts.paragraph_count();
        line.clear();
        parts.json_line(&mut line);
        line.push('\n');
        w.write_all(line.as_bytes())?;
    }
    w.flush()?;
    Ok(total)
}

const FILES_PER_FOLDER: usize = 500;
const MAX_WORDS: usize = 90;
const MIN_WORDS: usize = 30;

// ---------------------------------------------------------------------------------------
// Pseudo-random numbers: SplitMix64, fully specified, so output never depends on the host.

#[derive(Clone)]
struct Rng(u64);

impl Rng {
    fn for_article(seed: u64, index: usize) -> Self {
        let s = Rng(seed).next_u64();
        let i = Rng((index as u64) ^ 0xA076_1D64_78BD_642F).next_u64();
        Rng(s ^ i.rotate_left(29))
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len())]
    }
}

// ---------------------------------------------------------------------------------------
// Vocabulary.

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Cat {
    Gov,
    Legis,
    Business,
    Finance,
    Union,
    Academic,
    Health,
    Sport,
    Justice,
    Civic,
}

const CATS: usize = 10;

/// (first name, surname)
const WOMEN: &[(&str, &str)] = &[
    ("Zoë", "Müller"),
    ("Ana", "Ruiz"),
    ("Chloé", "Lefèvre"),
    ("Ingrid", "Halvorsen"),
    ("Amara", "Okafor"),
    ("Mei", "Chen"),
    ("Fatima", "Benali"),
    ("Sofía", "Castellanos"),
    ("Hannah", "Whitcombe"),
    ("Agnieszka", "Wójcik"),
    ("Leila", "Haddad"),
    ("Margaret", "Osei-Bonsu"),
    ("Yuki", "Tanabe"),
    ("Elena", "Petrova"),
    ("Siobhán", "Kearney"),
    ("Camille", "Dubois-Martin"),
    ("Nadia", "Rahman"),
    ("Greta", "Lindqvist"),
    ("Isabel", "Ferreira"),
    ("Olga", "Kovalenko"),
    ("Rachel", "Goldberg"),
    ("Aisha", "Mwangi"),
    ("Laura", "Bianchi"),
    ("Sunita", "Rao"),
    ("Emma", "van der Berg"),
    ("Kateřina", "Nováková"),
    ("Maria", "Papadopoulou"),
    ("Helen", "Ashworth"),
    ("Noor", "Al-Sayed"),
    ("Julia", "Kowalczyk"),
    ("Ayşe", "Demir"),
    ("Beatriz", "Moreira"),
    ("Catherine", "Doyle"),
    ("Freya", "Sørensen"),
    ("Ngozi", "Adeyemi"),
    ("Lucía", "Herrera"),
    ("Tamsin", "Fairley"),
    ("Marta", "Jiménez-Vidal"),
    ("Anika", "Brandt"),
    ("Grace", "Mensah"),
    ("Rosa", "Delgado"),
    ("Sarah", "Lindgren-Holm"),
    ("Keiko", "Morimoto"),
    ("Valentina", "Russo"),
    ("Eilidh", "MacLeod"),
    ("Hana", "Novak"),
    ("Dolores", "Ibáñez"),
    ("Claire", "Beaumont"),
    ("Adaeze", "Nwosu"),
    ("Mariam", "Yusuf"),
    ("Paula", "Sandoval"),
    ("Astrid", "Bergström"),
    ("Lena", "Hoffmann"),
    ("Joanna", "Pearce"),
    ("Simone", "Achterberg"),
    ("Renée", "Gauthier"),
    ("Victoria", "Hale"),
    ("Irina", "Volkova"),
    ("Monique", "Fontaine"),
    ("Deborah", "Okonkwo"),
    ("Kirsten", "Dahl"),
    ("Patricia", "Mendes"),
    ("Ewa", "Zielińska"),
    ("Gabriela", "Ortiz"),
    ("Nicole", "Brennan"),
    ("Lucy", "Thornton"),
    ("Naledi", "Dlamini"),
    ("Elif", "Yılmaz"),
    ("Carmen", "Navarro"),
    ("Abigail", "Reyes"),
    ("Meera", "Pillai"),
    ("Sophie", "Wagner"),
    ("Tereza", "Horáková"),
    ("Jessica", "Holloway"),
    ("Ruth", "Abernathy"),
];

const MEN: &[(&str, &str)] = &[
    ("José", "Álvarez"),
    ("Søren", "Østergaard"),
    ("Łukasz", "Nowak"),
    ("Tomás", "Byrne"),
    ("Kwame", "Asante"),
    ("Jean-Luc", "Moreau"),
    ("Hiroshi", "Watanabe"),
    ("Mehmet", "Aydın"),
    ("David", "Okoro"),
    ("Lars", "Eriksen"),
    ("Rafael", "Domínguez"),
    ("Michael", "Hartley"),
    ("Ahmed", "El-Masri"),
    ("Pieter", "de Vries"),
    ("François", "Girard"),
    ("Andrzej", "Kamiński"),
    ("Samuel", "Adeyinka"),
    ("Dmitri", "Sokolov"),
    ("Marco", "Rossi-Lenzi"),
    ("Ravi", "Menon"),
    ("Björn", "Nyström"),
    ("Carlos", "Mendoza"),
    ("Thomas", "Whitfield"),
    ("Ibrahim", "Diallo"),
    ("Stefan", "Kraus"),
    ("Giorgos", "Nikolaidis"),
    ("Patrick", "O'Brien"),
    ("Kenji", "Sato"),
    ("Miguel Ángel", "Torres"),
    ("Oliver", "Pemberton"),
    ("Felipe", "Araújo"),
    ("Jonas", "Weber"),
    ("Emeka", "Eze"),
    ("Anders", "Lund"),
    ("Nikolai", "Petrenko"),
    ("Yusuf", "Karimi"),
    ("William", "Ashdown"),
    ("Matteo", "Conti"),
    ("Alejandro", "Fuentes"),
    ("Hamid", "Sharifi"),
    ("Viktor", "Horváth"),
    ("Daniel", "Kirchner"),
    ("Tobias", "Lindahl"),
    ("Rashid", "Qureshi"),
    ("Gareth", "Llewellyn"),
    ("Henrik", "Aalto"),
    ("Benoît", "Lacroix"),
    ("Chidi", "Okeke"),
    ("Wei", "Zhang"),
    ("Arjun", "Desai"),
    ("Mateus", "Carvalho"),
    ("Connor", "Maguire"),
    ("Erik", "Solberg"),
    ("Adrián", "Campos"),
    ("Fabian", "Schulte"),
    ("Omar", "Farouk"),
    ("Jan", "Dvořák"),
    ("Kofi", "Boateng"),
    ("Luca", "Marino"),
    ("Robert", "Kingsley"),
    ("Ivan", "Horvat"),
    ("Sebastián", "Rojas"),
    ("Malik", "Johnson"),
    ("Christoph", "Bauer"),
    ("Nikos", "Papadakis"),
    ("Hugo", "Delacroix"),
    ("Ethan", "Carver"),
    ("Rohan", "Kapoor"),
    ("Pavel", "Novotný"),
    ("Diego", "Salazar"),
    ("Aleksander", "Lis"),
    ("Graham", "Fletcher"),
    ("Sipho", "Ndlovu"),
    ("Ricardo", "Almeida"),
    ("Jakub", "Král"),
];

/// (category, title used before the name, appositive, role noun)
const ROLES: &[(Cat, &str, &str, &str)] = &[
    (
        Cat::Gov,
        "Foreign Minister",
        "the foreign minister of {country}",
        "the minister",
    ),
    (
        Cat::Gov,
        "Finance Minister",
        "{country}'s finance minister",
        "the minister",
    ),
    (
        Cat::Gov,
        "Energy Minister",
        "the energy minister",
        "the minister",
    ),
    (
        Cat::Gov,
        "Transport Minister",
        "the transport minister",
        "the minister",
    ),
    (
        Cat::Gov,
        "Agriculture Minister",
        "the agriculture minister",
        "the minister",
    ),
    (
        Cat::Gov,
        "Prime Minister",
        "the prime minister of {country}",
        "the prime minister",
    ),
    (
        Cat::Gov,
        "President",
        "the president of {country}",
        "the president",
    ),
    (Cat::Gov, "Mayor", "the mayor of {city}", "the mayor"),
    (
        Cat::Gov,
        "",
        "a government spokesperson",
        "the spokesperson",
    ),
    (
        Cat::Gov,
        "Deputy Minister",
        "a deputy minister",
        "the deputy minister",
    ),
    (
        Cat::Gov,
        "",
        "a senior adviser to the prime minister",
        "the adviser",
    ),
    (
        Cat::Legis,
        "Sen.",
        "a senator representing {city}",
        "the senator",
    ),
    (
        Cat::Legis,
        "Rep.",
        "a member of the budget committee",
        "the lawmaker",
    ),
    (Cat::Legis, "", "an opposition lawmaker", "the lawmaker"),
    (Cat::Legis, "", "leader of the {party}", "the party leader"),
    (
        Cat::Business,
        "",
        "chief executive of {company}",
        "the chief executive",
    ),
    (
        Cat::Business,
        "",
        "chief financial officer at {company}",
        "the executive",
    ),
    (Cat::Business, "", "chair of {company}", "the chair"),
    (
        Cat::Business,
        "",
        "a spokesperson for {company}",
        "the spokesperson",
    ),
    (
        Cat::Finance,
        "",
        "a senior analyst at {bank}",
        "the analyst",
    ),
    (
        Cat::Finance,
        "",
        "chief economist at {bank}",
        "the economist",
    ),
    (
        Cat::Finance,
        "Governor",
        "governor of the central bank",
        "the governor",
    ),
    (
        Cat::Union,
        "",
        "general secretary of the {union}",
        "the union leader",
    ),
    (Cat::Union, "", "a shop steward at {company}", "the steward"),
    (
        Cat::Academic,
        "Dr",
        "a professor of economics at {university}",
        "the professor",
    ),
    (
        Cat::Academic,
        "Dr",
        "a researcher at {university}",
        "the researcher",
    ),
    (
        Cat::Academic,
        "Prof.",
        "director of the {institute}",
        "the director",
    ),
    (
        Cat::Health,
        "Dr",
        "an epidemiologist at {university}",
        "the epidemiologist",
    ),
    (
        Cat::Health,
        "Dr",
        "head of infectious diseases at {hospital}",
        "the doctor",
    ),
    (Cat::Health, "", "a senior nurse at {hospital}", "the nurse"),
    (Cat::Sport, "", "coach of {club}", "the coach"),
    (Cat::Sport, "", "captain of {club}", "the captain"),
    (Cat::Sport, "", "president of {club}", "the club president"),
    (
        Cat::Sport,
        "",
        "sporting director at {club}",
        "the sporting director",
    ),
    (
        Cat::Sport,
        "",
        "head of the national athletics federation",
        "the federation chief",
    ),
    (
        Cat::Justice,
        "Chief Inspector",
        "a senior officer with the city police",
        "the inspector",
    ),
    (Cat::Justice, "Judge", "a judge at the {court}", "the judge"),
    (
        Cat::Justice,
        "",
        "a lawyer representing the families",
        "the lawyer",
    ),
    (Cat::Civic, "", "a campaigner with {ngo}", "the campaigner"),
    (Cat::Civic, "", "director of {ngo}", "the director"),
    (Cat::Civic, "", "a resident of {city}", "the resident"),
    (Cat::Civic, "", "a farmer near {city}", "the farmer"),
    (
        Cat::Civic,
        "",
        "a small business owner in {city}",
        "the shop owner",
    ),
];

const AUTHORS: &[&str] = &[
    "Priya Natarajan",
    "Tom Ellery",
    "Marisol Vega",
    "Kasia Drozd",
    "Ben Okoye",
    "Helena Strand",
    "Yusuf Demirci",
    "Clara Moss",
    "Aidan Rourke",
    "Jun Takeda",
    "Fiona Gallagher",
    "Mateo Ibarra",
    "Greta Holm",
    "Samir Haddad",
    "Lauren Pike",
    "Anton Berg",
    "Nia Owusu",
    "Rhys Cadogan",
    "Inès Marchand",
    "David Lowe",
];

/// (name, how the text refers to it)
const SOURCES: &[(&str, &str)] = &[
    ("Northern Ledger", "the Ledger"),
    ("The Harbour Times", "the Harbour Times"),
    ("Meridian Post", "the Post"),
    ("Daily Courier", "the Courier"),
    ("Continental Review", "the Review"),
    ("Eastport Gazette", "the Gazette"),
    ("Capital Dispatch", "the Dispatch"),
    ("Coastline News", "Coastline News"),
    ("Westmark Herald", "the Herald"),
    ("The Independent Observer", "the Observer"),
    ("Global Wire", "Global Wire"),
    ("Riverside Chronicle", "the Chronicle"),
];

struct Place {
    country: &'static str,
    cities: &'static [&'static str],
}

const PLACES: &[Place] = &[
    Place {
        country: "Germany",
        cities: &["Berlin", "Hamburg", "Munich", "Frankfurt", "Cologne"],
    },
    Place {
        country: "France",
        cities: &["Paris", "Lyon", "Marseille", "Toulouse", "Lille"],
    },
    Place {
        country: "Spain",
        cities: &["Madrid", "Barcelona", "Valencia", "Seville", "Bilbao"],
    },
    Place {
        country: "Italy",
        cities: &["Rome", "Milan", "Naples", "Turin", "Bologna"],
    },
    Place {
        country: "Poland",
        cities: &["Warsaw", "Kraków", "Gdańsk", "Wrocław"],
    },
    Place {
        country: "Belgium",
        cities: &["Brussels", "Antwerp", "Ghent", "Liège"],
    },
    Place {
        country: "Sweden",
        cities: &["Stockholm", "Gothenburg", "Malmö", "Uppsala"],
    },
    Place {
        country: "Norway",
        cities: &["Oslo", "Bergen", "Trondheim", "Tromsø"],
    },
    Place {
        country: "Denmark",
        cities: &["Copenhagen", "Aarhus", "Odense"],
    },
    Place {
        country: "Portugal",
        cities: &["Lisbon", "Porto", "Coimbra", "Faro"],
    },
    Place {
        country: "Greece",
        cities: &["Athens", "Thessaloniki", "Patras"],
    },
    Place {
        country: "Ireland",
        cities: &["Dublin", "Cork", "Galway", "Limerick"],
    },
    Place {
        country: "Britain",
        cities: &["London", "Manchester", "Glasgow", "Cardiff", "Leeds"],
    },
    Place {
        country: "Canada",
        cities: &["Ottawa", "Toronto", "Vancouver", "Montréal"],
    },
    Place {
        country: "Brazil",
        cities: &["Brasília", "São Paulo", "Rio de Janeiro", "Recife"],
    },
    Place {
        country: "Nigeria",
        cities: &["Abuja", "Lagos", "Kano", "Ibadan"],
    },
    Place {
        country: "Kenya",
        cities: &["Nairobi", "Mombasa", "Kisumu"],
    },
    Place {
        country: "India",
        cities: &["New Delhi", "Mumbai", "Bengaluru", "Chennai"],
    },
    Place {
        country: "Japan",
        cities: &["Tokyo", "Osaka", "Nagoya", "Sapporo"],
    },
    Place {
        country: "Australia",
        cities: &["Canberra", "Sydney", "Melbourne", "Perth"],
    },
    Place {
        country: "Turkey",
        cities: &["Ankara", "Istanbul", "İzmir"],
    },
    Place {
        country: "Mexico",
        cities: &["Mexico City", "Guadalajara", "Monterrey"],
    },
    Place {
        country: "South Africa",
        cities: &["Pretoria", "Johannesburg", "Cape Town", "Durban"],
    },
];

const COMPANIES: &[&str] = &[
    "Halden Group",
    "Norvik Energy",
    "Castellan Foods",
    "Brightwater Rail",
    "Ostara Semiconductors",
    "Meridian Shipping",
    "Kestrel Airlines",
    "Vantor Motors",
    "Sable Mining",
    "Quorum Pharma",
    "Tessaly Steel",
    "Lumen Grid",
    "Harrow & Finch",
    "Corvid Systems",
    "Aldana Logistics",
    "Pellwood Construction",
];
const BANKS: &[&str] = &[
    "Alderbank",
    "Northgate Capital",
    "Banca Serrano",
    "Fenwick Securities",
    "Helvion Partners",
];
const UNIONS: &[&str] = &[
    "Rail Workers' Union",
    "National Teachers' Federation",
    "General Transport Union",
    "Nurses' Association",
    "Metalworkers' Federation",
    "Dockers' Union",
];
const NGOS: &[&str] = &[
    "Clear Water Watch",
    "Open Borders Network",
    "Citizens for Fair Housing",
    "Green Horizon",
    "Transparency Forum",
    "Rural Futures",
];
const UNIVERSITIES: &[&str] = &[
    "Eastbridge University",
    "the University of Marlow",
    "Kellner Institute of Technology",
    "St Columba's College",
    "the University of Ashford",
];
const INSTITUTES: &[&str] = &[
    "Centre for Economic Policy",
    "Institute for Climate Studies",
    "Halvard Institute",
    "Foundation for Public Health",
];
const CLUBS: &[&str] = &[
    "Harbour City FC",
    "Sporting Vale",
    "Dynamo Kestrel",
    "Union Saint-Clair",
    "Atlético Norte",
    "Riverside Rovers",
];
const HOSPITALS: &[&str] = &[
    "St Anne's Hospital",
    "Riverside General Hospital",
    "the Royal Infirmary",
    "Mercy University Hospital",
];
const PARTIES: &[&str] = &[
    "Progress Party",
    "National Alliance",
    "Green Left",
    "Social Democrats",
    "Liberal Union",
    "Farmers' Party",
];
const COURTS: &[&str] = &[
    "Supreme Court",
    "High Court",
    "Constitutional Court",
    "Court of Appeal",
];

const FRAGMENTS: &[&str] = &[
    "reckless",
    "a betrayal",
    "deeply irresponsible",
    "long overdue",
    "a step in the right direction",
    "unworkable",
    "a historic opportunity",
    "a cynical stunt",
    "short-sighted",
    "a recipe for chaos",
    "an insult to working people",
    "a sensible compromise",
    "dead on arrival",
    "a game changer",
];

const COUNTS: &[&str] = &["thousands", "hundreds", "tens of thousands", "dozens"];
const OFFICIALS: &[&str] = &[
    "one senior official",
    "a government adviser",
    "a diplomat familiar with the talks",
    "a person close to the negotiations",
    "one official",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS: &[&str] = &[
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];
const ORDINALS: &[&str] = &["second", "third", "fourth", "fifth", "sixth"];

struct Topic {
    cats: &'static [Cat],
    ministry: &'static str,
    groups: &'static [&'static str],
    /// Noun phrases read as "the {subject}".
    subjects: &'static [&'static str],
    /// Stand-alone noun phrases.
    issues: &'static [&'static str],
    /// Infinitive verb phrases.
    actions: &'static [&'static str],
    /// Quantities that "rose" or "fell".
    measures: &'static [&'static str],
}

const TOPICS: &[Topic] = &[
    Topic {
        cats: &[Cat::Gov, Cat::Business, Cat::Civic],
        ministry: "the agriculture ministry",
        groups: &["Ministers", "Farmers", "Grain traders"],
        subjects: &[
            "grain export deal",
            "wheat export corridor",
            "harvest support package",
            "grain shipping agreement",
        ],
        issues: &[
            "falling wheat prices",
            "a shortage of cargo ships",
            "rising freight costs",
            "delays at the ports",
        ],
        actions: &[
            "reopen the export corridor",
            "guarantee safe passage for grain ships",
            "cap fertiliser prices",
            "release emergency grain reserves",
        ],
        measures: &["wheat prices", "grain exports", "fertiliser costs"],
    },
    Topic {
        cats: &[Cat::Gov, Cat::Business, Cat::Finance, Cat::Union],
        ministry: "the energy ministry",
        groups: &["Ministers", "Energy firms", "Consumer groups"],
        subjects: &[
            "energy price cap",
            "gas supply contract",
            "electricity market reform",
            "winter energy plan",
        ],
        issues: &[
            "soaring electricity bills",
            "a tight gas market",
            "the risk of power shortages",
            "the cost of heating homes",
        ],
        actions: &[
            "extend the price cap until spring",
            "build new gas storage",
            "speed up grid connections",
            "cut taxes on household energy",
        ],
        measures: &["wholesale gas prices", "electricity bills", "power demand"],
    },
    Topic {
        cats: &[Cat::Gov, Cat::Legis, Cat::Academic, Cat::Civic],
        ministry: "the interior ministry",
        groups: &["Party leaders", "Lawmakers", "Election observers"],
        subjects: &[
            "snap election",
            "regional election campaign",
            "electoral reform bill",
            "coalition talks",
        ],
        issues: &[
            "low voter turnout",
            "claims of irregularities at polling stations",
            "a fractured parliament",
            "disinformation online",
        ],
        actions: &[
            "hold a second round of voting",
            "recount ballots in three districts",
            "form a minority government",
            "lower the voting age to 16",
        ],
        measures: &["turnout", "support for the ruling party", "postal voting"],
    },
    Topic {
        cats: &[Cat::Gov, Cat::Union, Cat::Business, Cat::Civic],
        ministry: "the transport ministry",
        groups: &["Unions", "Rail operators", "Commuters"],
        subjects: &[
            "rail strike",
            "pay talks with train drivers",
            "bus network overhaul",
            "weekend walkout",
        ],
        issues: &[
            "cancelled trains",
            "overcrowded platforms",
            "stalled pay negotiations",
            "commuter chaos",
        ],
        actions: &[
            "call off the strike",
            "return to the negotiating table",
            "offer drivers a 5% pay rise",
            "run a reduced timetable",
        ],
        measures: &["cancellations", "passenger numbers", "ticket sales"],
    },
    Topic {
        cats: &[Cat::Health, Cat::Gov, Cat::Academic, Cat::Business],
        ministry: "the health ministry",
        groups: &["Doctors", "Health officials", "Parents"],
        subjects: &[
            "vaccination campaign",
            "booster programme",
            "vaccine procurement contract",
            "measles immunisation drive",
        ],
        issues: &[
            "falling vaccination rates",
            "a surge in hospital admissions",
            "vaccine hesitancy",
            "supply shortages at clinics",
        ],
        actions: &[
            "offer boosters to everyone over 60",
            "open walk-in clinics",
            "make vaccines free at pharmacies",
            "order ten million extra doses",
        ],
        measures: &[
            "vaccination rates",
            "hospital admissions",
            "infection rates",
        ],
    },
    Topic {
        cats: &[Cat::Sport, Cat::Business, Cat::Justice],
        ministry: "the sports ministry",
        groups: &["Club owners", "Fans", "League officials"],
        subjects: &[
            "transfer window",
            "league title race",
            "stadium redevelopment",
            "broadcasting rights deal",
        ],
        issues: &[
            "crowd trouble",
            "spiralling player wages",
            "breaches of spending rules",
            "a string of home defeats",
        ],
        actions: &[
            "sign a new striker",
            "sack the manager",
            "cap ticket prices for away fans",
            "expand the stadium to 60,000 seats",
        ],
        measures: &["ticket prices", "attendance", "club revenues"],
    },
    Topic {
        cats: &[Cat::Business, Cat::Gov, Cat::Academic, Cat::Finance],
        ministry: "the economy ministry",
        groups: &["Chipmakers", "Regulators", "Ministers"],
        subjects: &[
            "chip factory",
            "semiconductor subsidy scheme",
            "export controls on chips",
            "chip supply agreement",
        ],
        issues: &[
            "a global chip shortage",
            "delays in chip deliveries",
            "rising demand for AI processors",
            "a shortage of skilled engineers",
        ],
        actions: &[
            "build a new chip plant",
            "offer tax breaks to chipmakers",
            "train thousands of engineers",
            "secure supplies of advanced chips",
        ],
        measures: &["chip sales", "factory orders", "semiconductor exports"],
    },
    Topic {
        cats: &[Cat::Finance, Cat::Gov, Cat::Business],
        ministry: "the finance ministry",
        groups: &["Central bankers", "Economists", "Investors"],
        subjects: &[
            "interest rate decision",
            "monetary policy review",
            "rate cut",
            "bond buying programme",
        ],
        issues: &[
            "stubborn inflation",
            "weak consumer spending",
            "a slowing housing market",
            "rising mortgage costs",
        ],
        actions: &[
            "cut interest rates by a quarter point",
            "hold rates steady",
            "raise borrowing costs again",
            "end its bond purchases",
        ],
        measures: &["inflation", "mortgage rates", "bond yields"],
    },
    Topic {
        cats: &[Cat::Gov, Cat::Civic, Cat::Business, Cat::Legis],
        ministry: "the housing ministry",
        groups: &["Tenants", "Developers", "Lawmakers"],
        subjects: &[
            "affordable housing plan",
            "rent control law",
            "social housing programme",
            "planning reform",
        ],
        issues: &[
            "soaring rents",
            "a shortage of affordable homes",
            "long waiting lists for social housing",
            "rising homelessness",
        ],
        actions: &[
            "build 300,000 homes",
            "freeze rents for two years",
            "ease planning rules",
            "tax empty properties",
        ],
        measures: &["rents", "house prices", "building permits"],
    },
    Topic {
        cats: &[Cat::Gov, Cat::Civic, Cat::Academic],
        ministry: "the environment ministry",
        groups: &["Residents", "Emergency services", "Officials"],
        subjects: &[
            "flood defence programme",
            "emergency relief fund",
            "river management plan",
            "flood insurance scheme",
        ],
        issues: &[
            "heavy rainfall",
            "rising river levels",
            "damage to homes and farmland",
            "evacuations in low-lying areas",
        ],
        actions: &[
            "strengthen flood barriers",
            "compensate affected households",
            "rebuild damaged bridges",
            "relocate vulnerable communities",
        ],
        measures: &["rainfall", "river levels", "insurance claims"],
    },
    Topic {
        cats: &[Cat::Gov, Cat::Civic, Cat::Academic],
        ministry: "the interior ministry",
        groups: &["Firefighters", "Residents", "Officials"],
        subjects: &[
            "wildfire response plan",
            "firefighting budget",
            "forest management strategy",
            "evacuation order",
        ],
        issues: &[
            "record temperatures",
            "fires spreading towards villages",
            "a shortage of water bombers",
            "smoke over the capital",
        ],
        actions: &[
            "hire more seasonal firefighters",
            "buy new water bombers",
            "ban barbecues in forests",
            "clear dry vegetation near homes",
        ],
        measures: &["burnt area", "temperatures", "emergency calls"],
    },
    Topic {
        cats: &[Cat::Gov, Cat::Legis, Cat::Civic, Cat::Justice],
        ministry: "the interior ministry",
        groups: &["Ministers", "Aid groups", "Lawmakers"],
        subjects: &[
            "asylum reform",
            "border agreement",
            "migration pact",
            "reception centre plan",
        ],
        issues: &[
            "overcrowded reception centres",
            "a backlog of asylum claims",
            "dangerous sea crossings",
            "labour shortages",
        ],
        actions: &[
            "speed up asylum decisions",
            "open new reception centres",
            "share responsibility for arrivals",
            "issue more work visas",
        ],
        measures: &["asylum applications", "arrivals", "deportations"],
    },
    Topic {
        cats: &[Cat::Gov, Cat::Business, Cat::Finance],
        ministry: "the trade ministry",
        groups: &["Exporters", "Trade negotiators", "Ministers"],
        subjects: &[
            "trade agreement",
            "tariff package",
            "customs deal",
            "steel import quota",
        ],
        issues: &[
            "new tariffs on car parts",
            "a looming trade war",
            "falling exports",
            "retaliatory duties",
        ],
        actions: &[
            "lift tariffs on steel",
            "sign a free trade agreement",
            "challenge the duties at the WTO",
            "protect domestic producers",
        ],
        measures: &["exports", "the trade surplus", "import prices"],
    },
    Topic {
        cats: &[Cat::Gov, Cat::Union, Cat::Legis],
        ministry: "the labour ministry",
        groups: &["Unions", "Pensioners", "Ministers"],
        subjects: &[
            "pension reform",
            "retirement age plan",
            "pension fund overhaul",
            "pension increase",
        ],
        issues: &[
            "an ageing population",
            "a widening pension deficit",
            "poverty among older people",
            "strikes over retirement rules",
        ],
        actions: &[
            "raise the retirement age to 67",
            "protect the pension increase",
            "scrap the reform",
            "merge the public pension funds",
        ],
        measures: &[
            "pension spending",
            "the pension deficit",
            "average pensions",
        ],
    },
    Topic {
        cats: &[Cat::Union, Cat::Gov, Cat::Civic],
        ministry: "the education ministry",
        groups: &["Teachers", "Parents", "Headteachers"],
        subjects: &[
            "teachers' pay deal",
            "school funding formula",
            "curriculum reform",
            "school building programme",
        ],
        issues: &[
            "a shortage of teachers",
            "crumbling school buildings",
            "large class sizes",
            "falling reading scores",
        ],
        actions: &[
            "hire 20,000 new teachers",
            "raise starting salaries",
            "repair unsafe classrooms",
            "cut class sizes",
        ],
        measures: &["teacher vacancies", "exam results", "school funding"],
    },
    Topic {
        cats: &[Cat::Health, Cat::Gov, Cat::Union],
        ministry: "the health ministry",
        groups: &["Doctors", "Nurses", "Patients"],
        subjects: &[
            "hospital funding plan",
            "waiting list target",
            "emergency care reform",
            "health budget",
        ],
        issues: &[
            "record waiting lists",
            "overcrowded emergency departments",
            "a shortage of nurses",
            "ambulance delays",
        ],
        actions: &[
            "cut waiting times",
            "open more hospital beds",
            "recruit nurses from abroad",
            "build new community clinics",
        ],
        measures: &[
            "waiting lists",
            "ambulance response times",
            "hospital admissions",
        ],
    },
    Topic {
        cats: &[Cat::Gov, Cat::Business, Cat::Academic, Cat::Legis],
        ministry: "the digital ministry",
        groups: &["Tech firms", "Regulators", "Lawmakers"],
        subjects: &[
            "artificial intelligence bill",
            "AI safety code",
            "data protection law",
            "online safety rules",
        ],
        issues: &[
            "deepfake videos",
            "the spread of misinformation",
            "risks to privacy",
            "job losses from automation",
        ],
        actions: &[
            "ban facial recognition in public spaces",
            "force platforms to label AI content",
            "set up an AI regulator",
            "fine companies that break the rules",
        ],
        measures: &[
            "investment in AI",
            "complaints to regulators",
            "tech sector jobs",
        ],
    },
    Topic {
        cats: &[Cat::Business, Cat::Justice, Cat::Gov],
        ministry: "the digital ministry",
        groups: &["Regulators", "Customers", "Investigators"],
        subjects: &[
            "data breach investigation",
            "cyber security review",
            "ransomware inquiry",
            "customer compensation scheme",
        ],
        issues: &[
            "stolen customer records",
            "a ransomware attack",
            "weak password controls",
            "outages at online banking services",
        ],
        actions: &[
            "compensate affected customers",
            "notify everyone whose data was stolen",
            "tighten security rules",
            "pay no ransom",
        ],
        measures: &["cyber attacks", "reported breaches", "insurance premiums"],
    },
    Topic {
        cats: &[Cat::Gov, Cat::Business, Cat::Civic],
        ministry: "the transport ministry",
        groups: &["Planners", "Residents", "Ministers"],
        subjects: &[
            "high-speed rail line",
            "rail construction project",
            "new tunnel",
            "station redevelopment",
        ],
        issues: &[
            "spiralling construction costs",
            "years of delays",
            "noise from building sites",
            "disruption to local roads",
        ],
        actions: &[
            "finish the line by 2030",
            "scrap the northern section",
            "compensate homeowners",
            "bring in private investors",
        ],
        measures: &[
            "construction costs",
            "passenger forecasts",
            "the project budget",
        ],
    },
    Topic {
        cats: &[Cat::Gov, Cat::Civic, Cat::Academic],
        ministry: "the environment ministry",
        groups: &["Farmers", "Water companies", "Officials"],
        subjects: &[
            "drought plan",
            "water rationing scheme",
            "irrigation project",
            "hosepipe ban",
        ],
        issues: &[
            "the worst drought in decades",
            "empty reservoirs",
            "failing crops",
            "leaking water pipes",
        ],
        actions: &[
            "ration water for farms",
            "build desalination plants",
            "fix leaking pipes",
            "ban watering gardens",
        ],
        measures: &["reservoir levels", "water use", "crop yields"],
    },
    Topic {
        cats: &[Cat::Gov, Cat::Civic, Cat::Business],
        ministry: "the fisheries ministry",
        groups: &["Fishermen", "Negotiators", "Ministers"],
        subjects: &[
            "fishing quota deal",
            "marine protection plan",
            "fisheries agreement",
            "ban on bottom trawling",
        ],
        issues: &[
            "dwindling fish stocks",
            "foreign trawlers in coastal waters",
            "rising fuel costs for fleets",
            "empty harbours",
        ],
        actions: &[
            "cut cod quotas",
            "create new marine reserves",
            "support coastal communities",
            "ban bottom trawling",
        ],
        measures: &["fish catches", "cod stocks", "fleet incomes"],
    },
    Topic {
        cats: &[Cat::Business, Cat::Union, Cat::Gov],
        ministry: "the economy ministry",
        groups: &["Steelworkers", "Executives", "Ministers"],
        subjects: &[
            "steel plant closure",
            "rescue package for the steelworks",
            "green steel project",
            "restructuring plan",
        ],
        issues: &[
            "the loss of 2,000 jobs",
            "cheap imports",
            "high energy costs",
            "a collapse in orders",
        ],
        actions: &[
            "keep the blast furnaces running",
            "nationalise the plant",
            "retrain laid-off workers",
            "switch to electric furnaces",
        ],
        measures: &["steel output", "orders", "job losses"],
    },
    Topic {
        cats: &[Cat::Business, Cat::Union, Cat::Civic],
        ministry: "the transport ministry",
        groups: &["Airlines", "Passengers", "Pilots"],
        subjects: &[
            "airport expansion",
            "pilots' pay dispute",
            "summer flight schedule",
            "passenger compensation rules",
        ],
        issues: &[
            "flight cancellations",
            "long queues at security",
            "air traffic control strikes",
            "lost luggage",
        ],
        actions: &[
            "cancel hundreds of flights",
            "hire more security staff",
            "compensate stranded passengers",
            "build a third runway",
        ],
        measures: &["passenger numbers", "delays", "ticket prices"],
    },
    Topic {
        cats: &[Cat::Gov, Cat::Finance, Cat::Business, Cat::Civic],
        ministry: "the finance ministry",
        groups: &["Shoppers", "Supermarkets", "Ministers"],
        subjects: &[
            "cost of living package",
            "food price freeze",
            "VAT cut on groceries",
            "household support scheme",
        ],
        issues: &[
            "rising food prices",
            "the cost of living crisis",
            "record profits at supermarkets",
            "queues at food banks",
        ],
        actions: &[
            "cut VAT on basic foods",
            "cap the price of bread and milk",
            "give low-income families a one-off payment",
            "investigate supermarket margins",
        ],
        measures: &["food prices", "inflation", "retail sales"],
    },
    Topic {
        cats: &[Cat::Justice, Cat::Legis, Cat::Gov],
        ministry: "the justice ministry",
        groups: &["Prosecutors", "Lawmakers", "Defence lawyers"],
        subjects: &[
            "corruption trial",
            "bribery case",
            "public procurement inquiry",
            "anti-corruption law",
        ],
        issues: &[
            "allegations of bribery",
            "missing public funds",
            "rigged tenders",
            "pressure on witnesses",
        ],
        actions: &[
            "lift the immunity of two deputies",
            "reopen the investigation",
            "publish the contracts",
            "create an independent prosecutor",
        ],
        measures: &[
            "public trust",
            "the number of indictments",
            "procurement spending",
        ],
    },
    Topic {
        cats: &[Cat::Justice, Cat::Gov, Cat::Civic],
        ministry: "the interior ministry",
        groups: &["Police chiefs", "Campaigners", "Ministers"],
        subjects: &[
            "police reform",
            "body camera programme",
            "knife crime strategy",
            "neighbourhood policing plan",
        ],
        issues: &[
            "a rise in street crime",
            "complaints of excessive force",
            "falling police numbers",
            "slow response times",
        ],
        actions: &[
            "recruit 5,000 officers",
            "equip every officer with a body camera",
            "create an independent complaints body",
            "increase patrols at night",
        ],
        measures: &["reported crime", "arrests", "response times"],
    },
    Topic {
        cats: &[Cat::Gov, Cat::Legis, Cat::Business, Cat::Academic],
        ministry: "the defence ministry",
        groups: &["Ministers", "Generals", "Lawmakers"],
        subjects: &[
            "defence budget",
            "military procurement plan",
            "air defence programme",
            "conscription debate",
        ],
        issues: &[
            "ageing equipment",
            "a shortage of recruits",
            "rising threats on the eastern border",
            "delays in arms deliveries",
        ],
        actions: &[
            "raise defence spending to 2.5% of output",
            "buy new fighter jets",
            "reintroduce national service",
            "expand ammunition production",
        ],
        measures: &["defence spending", "recruitment", "arms exports"],
    },
    Topic {
        cats: &[Cat::Gov, Cat::Academic],
        ministry: "the foreign ministry",
        groups: &["Diplomats", "Mediators", "Ministers"],
        subjects: &[
            "ceasefire talks",
            "peace plan",
            "prisoner exchange",
            "humanitarian corridor",
        ],
        issues: &[
            "renewed shelling",
            "a deepening humanitarian crisis",
            "mistrust between the two sides",
            "attacks on aid convoys",
        ],
        actions: &[
            "agree a ceasefire",
            "open a humanitarian corridor",
            "exchange prisoners",
            "deploy international monitors",
        ],
        measures: &["civilian casualties", "aid deliveries", "refugee numbers"],
    },
    Topic {
        cats: &[Cat::Business, Cat::Union, Cat::Gov],
        ministry: "the transport ministry",
        groups: &["Shipping firms", "Dockworkers", "Port officials"],
        subjects: &[
            "port expansion",
            "dockworkers' contract",
            "container terminal deal",
            "shipping emissions rules",
        ],
        issues: &[
            "congestion at the ports",
            "ships waiting offshore",
            "rising container rates",
            "automation at the docks",
        ],
        actions: &[
            "clear the backlog of ships",
            "extend opening hours at the terminal",
            "invest in new cranes",
            "limit automation",
        ],
        measures: &["container volumes", "freight rates", "waiting times"],
    },
    Topic {
        cats: &[Cat::Business, Cat::Gov, Cat::Union],
        ministry: "the economy ministry",
        groups: &["Carmakers", "Dealers", "Ministers"],
        subjects: &[
            "electric car subsidy",
            "battery factory",
            "charging network plan",
            "ban on new petrol cars",
        ],
        issues: &[
            "slowing electric car sales",
            "a lack of charging points",
            "cheap imported models",
            "high battery costs",
        ],
        actions: &[
            "restore the purchase subsidy",
            "build 100,000 charging points",
            "open a battery plant",
            "delay the petrol car ban",
        ],
        measures: &["electric car sales", "battery prices", "car production"],
    },
    Topic {
        cats: &[Cat::Business, Cat::Gov, Cat::Civic],
        ministry: "the energy ministry",
        groups: &["Developers", "Residents", "Ministers"],
        subjects: &[
            "offshore wind farm",
            "wind power auction",
            "solar park",
            "grid expansion plan",
        ],
        issues: &[
            "objections from coastal residents",
            "rising turbine costs",
            "delays in grid connections",
            "a failed auction",
        ],
        actions: &[
            "double offshore wind capacity",
            "raise the auction price",
            "share profits with local communities",
            "speed up permits for turbines",
        ],
        measures: &[
            "wind power output",
            "electricity prices",
            "renewable investment",
        ],
    },
    Topic {
        cats: &[Cat::Gov, Cat::Business, Cat::Academic, Cat::Civic],
        ministry: "the energy ministry",
        groups: &["Ministers", "Campaigners", "Engineers"],
        subjects: &[
            "nuclear power plant",
            "reactor life extension",
            "nuclear waste site",
            "small modular reactor programme",
        ],
        issues: &[
            "safety concerns",
            "cost overruns at the new reactor",
            "the problem of nuclear waste",
            "ageing reactors",
        ],
        actions: &[
            "extend the life of two reactors",
            "build six new reactors",
            "close the oldest plant",
            "find a site for nuclear waste",
        ],
        measures: &[
            "nuclear output",
            "construction costs",
            "public support for nuclear power",
        ],
    },
    Topic {
        cats: &[Cat::Business, Cat::Gov, Cat::Civic],
        ministry: "the tourism ministry",
        groups: &["Hoteliers", "Residents", "City officials"],
        subjects: &[
            "tourist tax",
            "short-term rental ban",
            "cruise ship limit",
            "tourism strategy",
        ],
        issues: &[
            "overtourism in the old town",
            "rising rents driven by holiday lets",
            "crowded beaches",
            "a drop in foreign visitors",
        ],
        actions: &[
            "double the tourist tax",
            "limit cruise ship arrivals",
            "ban new holiday rentals",
            "promote off-season travel",
        ],
        measures: &["visitor numbers", "hotel occupancy", "tourism revenue"],
    },
    Topic {
        cats: &[Cat::Gov, Cat::Legis, Cat::Finance],
        ministry: "the finance ministry",
        groups: &["Ministers", "Lawmakers", "Economists"],
        subjects: &[
            "budget",
            "spending review",
            "tax reform",
            "debt reduction plan",
        ],
        issues: &[
            "a widening budget deficit",
            "rising debt interest payments",
            "pressure from rating agencies",
            "weak tax revenues",
        ],
        actions: &[
            "cut public spending",
            "raise taxes on high earners",
            "close tax loopholes",
            "freeze public sector pay",
        ],
        measures: &["the budget deficit", "public debt", "tax revenues"],
    },
    Topic {
        cats: &[Cat::Gov, Cat::Union, Cat::Business],
        ministry: "the labour ministry",
        groups: &["Unions", "Employers", "Ministers"],
        subjects: &[
            "minimum wage increase",
            "four-day week trial",
            "labour law reform",
            "wage agreement",
        ],
        issues: &[
            "low pay in the care sector",
            "falling real wages",
            "a shortage of workers",
            "insecure contracts",
        ],
        actions: &[
            "raise the minimum wage",
            "ban zero-hours contracts",
            "extend the four-day week trial",
            "index wages to inflation",
        ],
        measures: &["real wages", "unemployment", "job vacancies"],
    },
    Topic {
        cats: &[Cat::Health, Cat::Civic, Cat::Gov, Cat::Academic],
        ministry: "the agriculture ministry",
        groups: &["Poultry farmers", "Vets", "Officials"],
        subjects: &[
            "bird flu outbreak",
            "culling programme",
            "animal disease strategy",
            "poultry housing order",
        ],
        issues: &[
            "the spread of bird flu",
            "the culling of millions of hens",
            "egg shortages",
            "infections among wild birds",
        ],
        actions: &[
            "keep poultry indoors",
            "compensate farmers for culled birds",
            "vaccinate poultry",
            "set up exclusion zones",
        ],
        measures: &["egg prices", "confirmed cases", "poultry losses"],
    },
    Topic {
        cats: &[Cat::Sport, Cat::Gov],
        ministry: "the sports ministry",
        groups: &["Athletes", "Organisers", "Officials"],
        subjects: &[
            "Olympic bid",
            "athletics championships",
            "national stadium project",
            "anti-doping programme",
        ],
        issues: &[
            "doping allegations",
            "the cost of hosting the games",
            "empty seats at the stadium",
            "cuts to grassroots funding",
        ],
        actions: &[
            "bid for the 2036 Games",
            "fund grassroots clubs",
            "test every athlete before the championships",
            "rebuild the national stadium",
        ],
        measures: &["ticket sales", "medal counts", "sports funding"],
    },
    Topic {
        cats: &[Cat::Sport, Cat::Business],
        ministry: "the sports ministry",
        groups: &["Players", "Organisers", "Sponsors"],
        subjects: &[
            "tennis tournament",
            "prize money row",
            "tournament calendar",
            "new tennis centre",
        ],
        issues: &[
            "player injuries",
            "a crowded calendar",
            "rain delays",
            "the gap in prize money",
        ],
        actions: &[
            "install a roof on the centre court",
            "raise prize money",
            "shorten the season",
            "equalise pay for men and women",
        ],
        measures: &["prize money", "ticket sales", "television audiences"],
    },
    Topic {
        cats: &[Cat::Sport, Cat::Justice],
        ministry: "the sports ministry",
        groups: &["Riders", "Organisers", "Team managers"],
        subjects: &[
            "cycling tour",
            "mountain stage",
            "anti-doping case",
            "race safety review",
        ],
        issues: &[
            "crashes on wet roads",
            "a positive doping test",
            "spectators on the course",
            "extreme heat",
        ],
        actions: &[
            "shorten the mountain stage",
            "ban the team from the race",
            "add more barriers at finishes",
            "move the start time",
        ],
        measures: &["crash numbers", "average speeds", "viewing figures"],
    },
    Topic {
        cats: &[Cat::Business, Cat::Civic, Cat::Gov],
        ministry: "the economy ministry",
        groups: &["Miners", "Villagers", "Ministers"],
        subjects: &[
            "lithium mine",
            "mining licence",
            "critical minerals strategy",
            "mine expansion",
        ],
        issues: &[
            "water pollution near the mine",
            "protests by local farmers",
            "falling lithium prices",
            "a lack of processing capacity",
        ],
        actions: &[
            "approve the mining licence",
            "build a refinery",
            "share royalties with local communities",
            "suspend the permit",
        ],
        measures: &["lithium prices", "mineral exports", "mining investment"],
    },
    Topic {
        cats: &[Cat::Finance, Cat::Business, Cat::Gov],
        ministry: "the finance ministry",
        groups: &["Bankers", "Regulators", "Shareholders"],
        subjects: &[
            "bank merger",
            "takeover bid",
            "bank rescue plan",
            "banking tax",
        ],
        issues: &[
            "job cuts at the merged bank",
            "concerns about competition",
            "bad loans",
            "falling bank shares",
        ],
        actions: &[
            "block the takeover",
            "approve the merger with conditions",
            "sell its stake in the bank",
            "tax windfall profits",
        ],
        measures: &["bank shares", "lending", "bank profits"],
    },
];

const HEADLINES: &[&str] = &[
    "{group} clash over {subject} as talks stall",
    "{country} moves to {action}",
    "Pressure mounts on {country} over {issue}",
    "{city} braces for {issue}",
    "{group} split over plan to {action}",
    "{country} and {country2} agree to {action}",
    "Anger over {issue} sparks protests in {city}",
    "Talks on {subject} to resume next week",
    "{company} warns of {issue}",
    "Critics question timing of {subject}",
    "What the {subject} means for {country}",
    "{measure} up {pct} amid {issue}",
    "Government under fire over {subject}",
    "Deadline looms for {subject}",
    "{group} demand answers over {issue}",
    "{country} unveils plan to {action}",
    "Setback for {subject} amid {issue}",
    "{group} welcome {subject} but warn of {issue}",
];

const HEADINGS: &[&str] = &[
    "What happens next",
    "Background",
    "Market reaction",
    "Political fallout",
    "Reaction in {city}",
    "The numbers",
    "A long-running dispute",
    "What critics say",
    "Next steps",
    "Wider impact",
    "The view from {city}",
    "Behind the talks",
];

// Markers rendered per article style: « » double quotes, ‹ › inner single quotes, ' apostrophe.

const LEDES: &[&str] = &[
    "Talks on the {subject} stalled on {weekday} after officials in {city} failed to reach agreement, deepening a dispute over {issue} that has unsettled {country} for months.",
    "The government of {country} announced plans on {weekday} to {action}, in a bid to contain {issue} before the end of the year.",
    "{count} of people took to the streets of {city} on {weekday} as anger over {issue} spilled over into one of the largest protests the country has seen in years.",
    "{country}'s leaders are under mounting pressure to {action} after new figures showed {measure} rose {pct} in {month}.",
    "A long-running row over the {subject} escalated on {weekday} when negotiators walked out of talks in {city}, accusing each other of bad faith.",
    "{company} said on {weekday} it would {action}, a move that could reshape the debate over {issue} in {country}.",
    "Lawmakers in {city} are expected to vote this week on the {subject}, a measure supporters say is the best chance in a decade to tackle {issue}.",
    "Officials from {country} and {country2} signed a provisional agreement on the {subject} on {weekday}, although key questions about {issue} remain unresolved.",
    "Concern over {issue} has pushed the {subject} to the top of the political agenda in {country}, with ministers meeting in emergency session in {city} on {weekday}.",
    "The {subject} suffered a fresh setback on {weekday} when {ministry} admitted it would miss its own deadline to {action}.",
];

/// Narrative sentences; those containing `{other}` name a person.
const NARRATIVE: &[&str] = &[
    "The {subject} has become a flashpoint in {country}, where the row over {issue} has dominated the debate for months.",
    "Officials in {city} said on {weekday} that talks on the {subject} would resume next week.",
    "The dispute centres on {issue}, which critics say the government has ignored for too long.",
    "Figures published on {weekday} showed {measure} rose {pct} in {month}, the sharpest increase in more than a year.",
    "{measure} fell {pct} in the three months to {month}, according to official data.",
    "The plan would cost an estimated {money} over five years, although independent analysts say the true figure could be higher.",
    "{count} of people gathered outside parliament in {city} on {weekday} to protest against {issue}.",
    "The opposition has seized on the issue, accusing ministers of failing to {action}.",
    "Talks between the two sides broke down late on {weekday} after negotiators failed to agree on a timetable.",
    "The {subject} is expected to be discussed at a summit in {city2} next month.",
    "Analysts at {bank} said concern over {issue} was likely to weigh on growth for the rest of the year.",
    "Shares in {company} fell {pct} in early trading before recovering some of their losses.",
    "The announcement came as {issue} continued to put pressure on households across {country}.",
    "Critics have described the proposal as «{fragment}», while supporters argue that it is long overdue.",
    "Opposition parties were quick to attack the plan, calling it «{fragment}».",
    "{ministry} has been under growing pressure to {action} since the start of the year.",
    "{other} is expected to travel to {city2} later this week for further talks.",
    "The row has exposed deep divisions within the governing coalition, which holds a narrow majority in parliament.",
    "A report by researchers at {university} found that {measure} had risen in almost every region of {country}.",
    "The government has promised to {action}, but has so far given few details about how the measure would be funded.",
    "{country2}, which faces similar problems, has already moved to {action}.",
    "It is the third time in {num} months that the issue has prompted protests in the capital.",
    "Local businesses in {city} say they have already lost {money} as a result.",
    "The proposals will be put to a vote in parliament before the summer recess.",
    "The {union} has threatened further action if its demands are not met.",
    "{ngo} said the measures did not go far enough and called for an independent inquiry.",
    "Some {bignum} households are thought to be affected, according to estimates from {ministry}.",
    "The issue has also strained relations between {country} and {country2}.",
    "Markets reacted calmly to the news, with the main stock index closing slightly higher.",
    "Previous attempts to {action} collapsed amid disagreements over cost and timing.",
    "{other}, who has led the talks for the past year, was not present at {weekday}'s meeting.",
    "Polls suggest that a majority of voters in {country} support efforts to {action}.",
    "The measure still needs approval from the upper house, where the government lacks a majority.",
    "Experts warn that {issue} could worsen over the coming months if no action is taken.",
    "Under the proposal, {company} would receive {money} in state support over the next three years.",
    "The last comparable agreement, signed in {year2}, was widely seen as a failure.",
    "Residents in {city} described long queues and growing frustration with the authorities.",
    "The {party} has made the {subject} a central part of its campaign.",
    "Inspectors visited {num} sites in {city} last month and found serious problems at most of them.",
    "A similar scheme in {country2} was abandoned after {num} months because of rising costs.",
    "In {city}, the mood was one of weary resignation rather than anger.",
    "The debate is likely to intensify ahead of the regional elections in {month}.",
    "{other} has been among the most vocal critics of the {subject}.",
    "Spending on the programme has risen from {money} to more than twice that figure since {year2}.",
];

const QUOTES: &[&str] = &[
    "We cannot allow {issue} to continue unchecked.",
    "This is not about politics, it's about people's livelihoods.",
    "I've spoken to families in {city} who simply can't wait any longer.",
    "Nobody wants to see {issue}, but we have to be realistic about what can be done.",
    "The {subject} is the best deal on the table, and we'd be foolish to walk away from it.",
    "Frankly, the numbers don't add up.",
    "We're going to {action}, and we're going to do it this year.",
    "There is no plan B.",
    "I told {other} last week that we needed a decision by {month}.",
    "As {other} put it, this is ‹a test of our credibility›.",
    "People are tired of promises. They want to see results.",
    "We have been warning about {issue} for years, and nobody listened.",
    "This government has failed to {action}, and ordinary people are paying the price.",
    "We are open to compromise, but not at any cost.",
    "It's a step in the right direction, but it's nowhere near enough.",
    "I don't think anyone expected {measure} to rise this quickly.",
    "Our priority is to {action} as quickly as possible.",
    "Every week of delay costs us money we simply don't have.",
    "I have full confidence in the negotiating team.",
    "There's a lot of anger out there, and I understand it.",
    "We will look carefully at the proposals before making any decision.",
    "Let me be clear: we will not accept {issue} as the new normal.",
    "The evidence is overwhelming.",
    "Who is going to pay for this?",
    "How many more warnings do we need?",
    "What we are seeing in {city} is deeply worrying.",
    "I spoke with {other} this morning and we agreed to keep talking.",
    "The idea that we can simply {action} overnight is ‹wishful thinking›, to be honest.",
    "It's been a difficult year for everyone involved.",
    "We owe it to the next generation to get this right.",
    "I'm not going to speculate about what happens next.",
    "Anyone who tells you this will be easy is not being honest.",
    "The {subject} was never designed to deal with {issue}.",
    "We've done our homework, and the figures speak for themselves.",
    "These are the people who keep the country running, and they deserve better.",
    "My door remains open.",
    "We need to {action} before it's too late.",
    "Talk is cheap; what matters is what happens on the ground.",
    "This is a turning point for {country}.",
    "Even {other} admits the current system isn't working.",
    "When {other} called the plan ‹{fragment}›, that was a mistake, and the figures prove it.",
    "Some people have called this ‹{fragment}›. I disagree.",
    "We were promised action in {month}, and we are still waiting.",
    "I wouldn't say we're there yet, but we're a lot closer than we were.",
];

/// Quotes that an attribution can interrupt: (first part, lower-case continuation).
const SPLIT_QUOTES: &[(&str, &str)] = &[
    (
        "We will not back down",
        "and we are prepared to take this to the courts if we have to.",
    ),
    (
        "The reality is",
        "that the poorest households are bearing the brunt of {issue}.",
    ),
    (
        "If we fail to {action} now",
        "we will be having this same conversation in five years' time.",
    ),
    (
        "This is not the end of the process",
        "but it is an important step.",
    ),
    (
        "I understand the frustration",
        "but we need to let the negotiators do their job.",
    ),
    (
        "Our members have been patient",
        "but their patience is running out.",
    ),
    (
        "We have made a fair offer",
        "and the ball is now in their court.",
    ),
    (
        "Nobody is pretending this is perfect",
        "but it is a lot better than what we had.",
    ),
    (
        "The question is not whether we {action}",
        "but how quickly we can do it.",
    ),
    (
        "I've known {other} for twenty years",
        "and I have never seen the mood this bad.",
    ),
];

/// Reported-speech clauses (third person, past tense).
const CLAUSES: &[&str] = &[
    "the government would {action} before {month}",
    "{issue} had already hurt businesses in {city}",
    "talks on the {subject} had made little progress",
    "{ministry} had underestimated {issue}",
    "there was no realistic alternative to the {subject}",
    "{measure} could fall by as much as {pct} this year",
    "the plan would cost at least {money}",
    "the talks had reached a «critical stage»",
    "negotiators were close to a deal but several issues remained unresolved",
    "{other} had been kept informed throughout the negotiations",
    "the decision to {action} had come «far too late»",
    "the country could not afford to ignore {issue}",
    "officials were working around the clock to {action}",
    "the proposal had broad support within the {party}",
    "{issue} posed a serious risk to the economy",
    "it was too early to say whether the {subject} would survive",
    "{company} had agreed to cooperate fully with the authorities",
    "the current rules were «{fragment}»",
    "the government had «no intention» of changing course",
    "voters would punish any party that failed to {action}",
    "a final decision would be taken after consultations with {country2}",
    "{measure} had risen for a {ordinal} consecutive month",
    "the {subject} had been rushed through without proper scrutiny",
    "{other} was wrong to dismiss concerns about {issue}",
];

const YES_NO: &[&str] = &[
    "the {subject} could still be saved",
    "the government would {action}",
    "she or her colleagues had been warned about {issue}",
    "a deal was possible before {month}",
    "{issue} would get worse",
];

// ---------------------------------------------------------------------------------------
// People, built once from the tables above.

struct Person {
    full: String,
    last: &'static str,
    female: bool,
    prefix: &'static str,
    appositive: String,
    noun: &'static str,
    cat: Cat,
    age: usize,
    /// Index into `PLACES`: the country the person works in.
    home: usize,
    /// Index into `ROLES`; no two people with the same role speak in one article.
    role: usize,
}

struct Db {
    people: Vec<Person>,
    by_cat: Vec<Vec<usize>>,
}

fn db() -> &'static Db {
    static DB: OnceLock<Db> = OnceLock::new();
    DB.get_or_init(build_db)
}

fn build_db() -> Db {
    let count = WOMEN.len() + MEN.len();
    let mut people = Vec::with_capacity(count);
    let mut by_cat = vec![Vec::new(); CATS];
    for i in 0..count {
        let female = i % 2 == 0 && i / 2 < WOMEN.len();
        let (first, last) = if female { WOMEN[i / 2] } else { MEN[i / 2] };
        let (cat, prefix, appositive, noun) = ROLES[i % ROLES.len()];
        let mut rng = Rng(0x5EED_0000 + i as u64);
        let home = rng.below(PLACES.len());
        let mut appos = String::new();
        expand(appositive, &mut appos, |key, out| {
            if let Some(word) = org_slot(key, &mut rng) {
                out.push_str(word);
            } else {
                let place = &PLACES[home];
                match key {
                    "country" => out.push_str(place.country),
                    "city" => out.push_str(rng.pick(place.cities)),
                    _ => panic!("unknown role slot {key}"),
                }
            }
        });
        let age = match cat {
            Cat::Sport => rng.range(21, 58),
            Cat::Civic => rng.range(24, 79),
            _ => rng.range(34, 72),
        };
        by_cat[cat as usize].push(i);
        people.push(Person {
            full: format!("{first} {last}"),
            last,
            female,
            prefix,
            appositive: appos,
            noun,
            cat,
            age,
            home,
            role: i % ROLES.len(),
        });
    }
    Db { people, by_cat }
}

fn org_slot(key: &str, rng: &mut Rng) -> Option<&'static str> {
    let list = match key {
        "company" => COMPANIES,
        "bank" => BANKS,
        "union" => UNIONS,
        "ngo" => NGOS,
        "university" => UNIVERSITIES,
        "institute" => INSTITUTES,
        "club" => CLUBS,
        "hospital" => HOSPITALS,
        "party" => PARTIES,
        "court" => COURTS,
        _ => return None,
    };
    Some(rng.pick(list))
}

/// Copies `tpl` into `out`, replacing each `{key}` with what `slot` writes.
fn expand(tpl: &str, out: &mut String, mut slot: impl FnMut(&str, &mut String)) {
    let mut rest = tpl;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let end = start + rest[start..].find('}').expect("unclosed slot");
        slot(&rest[start + 1..end], out);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
}

fn cap(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Turns a closing full stop into the comma that precedes an attribution.
fn comma_end(q: &str) -> String {
    match q.strip_suffix('.') {
        Some(s) => format!("{s},"),
        None => q.to_string(),
    }
}

fn days_in_month(year: usize, month: usize) -> usize {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Day of the week, 0 = Sunday (Sakamoto's method).
fn weekday(year: usize, month: usize, day: usize) -> usize {
    const T: [usize; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let y = if month < 3 { year - 1 } else { year };
    (y + y / 4 - y / 100 + y / 400 + T[month - 1] + day) % 7
}

// ---------------------------------------------------------------------------------------
// Article assembly.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Narrative,
    Direct,
    Reported,
    Pronoun,
    RoleNoun,
    Organisation,
    Continuation,
}

enum Block {
    Paragraph(String),
    Heading(String),
}

struct Parts {
    index: usize,
    title: String,
    source: &'static str,
    author: &'static str,
    date: String,
    blocks: Vec<Block>,
    kinds: Vec<Kind>,
}

impl Parts {
    fn paragraph_count(&self) -> usize {
        self.kinds.len()
    }

    fn paragraphs(&self) -> impl Iterator<Item = &str> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Paragraph(p) => Some(p.as_str()),
            Block::Heading(_) => None,
        })
    }

    fn markdown(&self) -> String {
        let mut s = String::with_capacity(4096);
        s.push_str("---\nid: gen-");
        s.push_str(&format!("{:06}", self.index));
        s.push_str("\ntitle: \"");
        for c in self.title.chars() {
            if c == '"' || c == '\\' {
                s.push('\\');
            }
            s.push(c);
        }
        s.push_str("\"\nsource: ");
        s.push_str(self.source);
        s.push_str("\nauthor: ");
        s.push_str(self.author);
        s.push_str("\ndate: ");
        s.push_str(&self.date);
        s.push_str("\n---\n");
        for b in &self.blocks {
            s.push('\n');
            match b {
                Block::Paragraph(p) => s.push_str(p),
                Block::Heading(h) => {
                    s.push_str("## ");
                    s.push_str(h);
                }
            }
            s.push('\n');
        }
        s
    }

    fn json_line(&self, out: &mut String) {
        out.push_str("{\"id\":");
        json_string(out, &format!("gen-{:06}", self.index));
        out.push_str(",\"title\":");
        json_string(out, &self.title);
        out.push_str(",\"source\":");
        json_string(out, self.source);
        out.push_str(",\"author\":");
        json_string(out, self.author);
        out.push_str(",\"date\":");
        json_string(out, &self.date);
        out.push_str(",\"body\":");
        let body: Vec<&str> = self.paragraphs().collect();
        json_string(out, &body.join("\n\n"));
        out.push('}');
    }
}

fn json_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

struct Style {
    open: &'static str,
    close: &'static str,
    inner_open: &'static str,
    inner_close: &'static str,
    apostrophe: &'static str,
}

const STRAIGHT: Style = Style {
    open: "\"",
    close: "\"",
    inner_open: "'",
    inner_close: "'",
    apostrophe: "'",
};
const CURLY: Style = Style {
    open: "\u{201c}",
    close: "\u{201d}",
    inner_open: "\u{2018}",
    inner_close: "\u{2019}",
    apostrophe: "\u{2019}",
};

impl Style {
    fn render(&self, s: &str) -> String {
        let mut out = String::with_capacity(s.len() + 8);
        for c in s.chars() {
            match c {
                '«' => out.push_str(self.open),
                '»' => out.push_str(self.close),
                '‹' => out.push_str(self.inner_open),
                '›' => out.push_str(self.inner_close),
                '\'' => out.push_str(self.apostrophe),
                c => out.push(c),
            }
        }
        out
    }
}

/// How a person is named at one point of an article.
struct Mention {
    name: String,
    appositive: Option<String>,
}

impl Mention {
    /// Before a verb: "Ruiz" or "Ana Ruiz, the foreign minister of Spain,".
    fn subject(&self) -> String {
        match &self.appositive {
            Some(a) => format!("{}, {},", self.name, a),
            None => self.name.clone(),
        }
    }

    /// After a verb, at the end of a sentence.
    fn tail(&self) -> String {
        match &self.appositive {
            Some(a) => format!("{}, {}", self.name, a),
            None => self.name.clone(),
        }
    }

    /// Followed by a clause: "According to {lead} the ...".
    fn lead(&self) -> String {
        match &self.appositive {
            Some(a) => format!("{}, {},", self.name, a),
            None => format!("{},", self.name),
        }
    }
}

struct Writer {
    rng: Rng,
    db: &'static Db,
    topic: &'static Topic,
    place: &'static Place,
    other_place: &'static Place,
    source_ref: &'static str,
    weekday: usize,
    year: usize,
    cast: Vec<usize>,
    mentioned: Vec<usize>,
    /// Who was quoted or named as speaker in the previous paragraph.
    prev_speaker: Option<usize>,
    speaker: Option<usize>,
    used: Vec<(u8, usize)>,
    /// Per topic slot (subject, issue, action, measure): the article's main choice.
    cursors: [usize; 4],
    /// Per topic slot: how many times a secondary choice was taken.
    turns: [usize; 4],
}

fn generate(seed: u64, index: usize) -> Parts {
    let mut rng = Rng::for_article(seed, index);
    let year = 2024 + rng.below(2);
    let month = 1 + rng.below(12);
    let day = 1 + rng.below(days_in_month(year, month));
    let topic = &TOPICS[rng.below(TOPICS.len())];
    let (source, source_ref) = rng.pick(SOURCES);
    let author = rng.pick(AUTHORS);
    let style = if rng.chance(40) { &CURLY } else { &STRAIGHT };
    let db = db();

    // The people who speak in this story; most of them work where the story happens.
    let mut candidates: Vec<usize> = Vec::new();
    for &c in topic.cats {
        candidates.extend_from_slice(&db.by_cat[c as usize]);
    }
    let first = rng.pick(&candidates);
    let home = db.people[first].home;
    let locals: Vec<usize> = candidates
        .iter()
        .copied()
        .filter(|&p| p != first && db.people[p].home == home)
        .collect();
    let cast_size = rng.range(2, 4);
    let mut cast = Vec::with_capacity(cast_size);
    cast.push(first);
    while cast.len() < cast_size {
        let p = if !locals.is_empty() && rng.chance(50) {
            rng.pick(&locals)
        } else {
            rng.pick(&candidates)
        };
        if !cast.iter().any(|&c| db.people[c].role == db.people[p].role) {
            cast.push(p);
        }
    }
    let place = &PLACES[home];
    let other_place = &PLACES[(home + 1 + rng.below(PLACES.len() - 1)) % PLACES.len()];

    let mut w = Writer {
        rng,
        db,
        topic,
        place,
        other_place,
        source_ref,
        weekday: weekday(year, month, day),
        year,
        cast,
        mentioned: Vec::new(),
        prev_speaker: None,
        speaker: None,
        used: Vec::new(),
        cursors: [0; 4],
        turns: [0; 4],
    };
    for c in &mut w.cursors {
        *c = w.rng.below(12);
    }

    let title = {
        let t = w.pick_template(10, HEADLINES);
        let filled = w.fill(t);
        STRAIGHT.render(&cap(&filled))
    };

    let n = 6 + w.rng.below(6) + w.rng.below(6);
    let heading_after = if w.rng.chance(25) {
        Some(w.rng.range(2, n - 2))
    } else {
        None
    };
    let mut blocks = Vec::with_capacity(n + 1);
    let mut kinds = Vec::with_capacity(n);
    let mut open = false;
    for i in 0..n {
        if heading_after == Some(i) && !open {
            let h = w.pick_template(11, HEADINGS);
            let h = w.fill(h);
            blocks.push(Block::Heading(STRAIGHT.render(&h)));
        }
        let (kind, text, now_open) = w.paragraph(i, n, open);
        open = now_open;
        kinds.push(kind);
        blocks.push(Block::Paragraph(style.render(&cap(&text))));
    }

    Parts {
        index,
        title,
        source,
        author,
        date: format!("{year:04}-{month:02}-{day:02}"),
        blocks,
        kinds,
    }
}

impl Writer {
    fn pick_template(&mut self, pool: u8, list: &'static [&'static str]) -> &'static str {
        let mut i = self.rng.below(list.len());
        for _ in 0..6 {
            if !self.used.contains(&(pool, i)) {
                break;
            }
            i = self.rng.below(list.len());
        }
        self.used.push((pool, i));
        list[i]
    }

    fn fill(&mut self, tpl: &str) -> String {
        let mut out = String::with_capacity(tpl.len() + 32);
        expand(tpl, &mut out, |key, out| self.slot(key, out));
        out
    }

    fn slot(&mut self, key: &str, out: &mut String) {
        if let Some(word) = org_slot(key, &mut self.rng) {
            out.push_str(word);
            return;
        }
        let t = self.topic;
        match key {
            "city" => {
                let p = if self.rng.chance(85) {
                    self.place
                } else {
                    self.other_place
                };
                out.push_str(self.rng.pick(p.cities));
            }
            "city2" => out.push_str(self.rng.pick(self.other_place.cities)),
            "country" => out.push_str(self.place.country),
            "country2" => out.push_str(self.other_place.country),
            "subject" => out.push_str(self.topic_word(0, t.subjects, 65)),
            "issue" => out.push_str(self.topic_word(1, t.issues, 35)),
            "action" => out.push_str(self.topic_word(2, t.actions, 45)),
            "measure" => out.push_str(self.topic_word(3, t.measures, 40)),
            "group" => out.push_str(self.rng.pick(t.groups)),
            "ministry" => out.push_str(t.ministry),
            "pct" => {
                let whole = self.rng.range(1, 14);
                let tenth = self.rng.below(10);
                out.push_str(&format!("{whole}.{tenth}%"));
            }
            "money" => {
                let currency = if self.rng.chance(60) {
                    "euros"
                } else {
                    "dollars"
                };
                if self.rng.chance(50) {
                    let m = self.rng.range(12, 900);
                    out.push_str(&format!("{m} million {currency}"));
                } else {
                    let b = self.rng.range(1, 40);
                    let tenth = self.rng.below(10);
                    out.push_str(&format!("{b}.{tenth} billion {currency}"));
                }
            }
            "num" => {
                const SMALL: &[&str] = &[
                    "two", "three", "four", "five", "six", "seven", "eight", "nine",
                ];
                let k = self.rng.range(2, 18);
                match SMALL.get(k - 2) {
                    Some(word) => out.push_str(word),
                    None => out.push_str(&k.to_string()),
                }
            }
            "bignum" => {
                let hundreds = self.rng.range(12, 4800);
                out.push_str(&format!("{},{}00", hundreds / 10, hundreds % 10));
            }
            "count" => out.push_str(self.rng.pick(COUNTS)),
            "weekday" => {
                let back = self.rng.below(3);
                out.push_str(WEEKDAYS[(self.weekday + 7 - back) % 7]);
            }
            "month" => out.push_str(self.rng.pick(MONTHS)),
            "year2" => out.push_str(&(self.year - self.rng.range(2, 9)).to_string()),
            "ordinal" => out.push_str(self.rng.pick(ORDINALS)),
            "fragment" => out.push_str(self.rng.pick(FRAGMENTS)),
            "source" => out.push_str(self.source_ref),
            "official" => out.push_str(self.rng.pick(OFFICIALS)),
            "other" => {
                let db = self.db;
                let mut p = self.rng.below(db.people.len());
                while Some(p) == self.speaker || self.cast.contains(&p) {
                    p = self.rng.below(db.people.len());
                }
                let person = &db.people[p];
                if !person.prefix.is_empty() && self.rng.chance(40) {
                    out.push_str(person.prefix);
                    out.push(' ');
                }
                out.push_str(&person.full);
            }
            _ => panic!("unknown template slot {key}"),
        }
    }

    /// The article's main phrase for this slot `main_percent` of the time, otherwise the
    /// next one in rotation, so that an article keeps to its story without repeating itself.
    fn topic_word(
        &mut self,
        slot: usize,
        list: &'static [&'static str],
        main_percent: usize,
    ) -> &'static str {
        if self.rng.chance(main_percent) {
            return list[self.cursors[slot] % list.len()];
        }
        self.turns[slot] += 1;
        list[(self.cursors[slot] + self.turns[slot]) % list.len()]
    }

    fn sentence(&mut self, pool: u8, list: &'static [&'static str]) -> String {
        let t = self.pick_template(pool, list);
        cap(&self.fill(t))
    }

    fn narrative_sentence(&mut self, allow_people: bool) -> String {
        let mut t = self.pick_template(0, NARRATIVE);
        while !allow_people && t.contains("{other}") {
            t = self.pick_template(0, NARRATIVE);
        }
        if t.contains("{other}") {
            self.prev_speaker = None;
        }
        cap(&self.fill(t))
    }

    fn clause(&mut self) -> String {
        let t = self.pick_template(2, CLAUSES);
        self.fill(t)
    }

    /// One to three quoted sentences, at least `min` words when possible, at most `max`.
    fn quote(&mut self, min: usize, max: usize) -> String {
        let mut q = self.sentence(1, QUOTES);
        let mut tries = 0;
        while word_count(&q) < min && tries < 8 {
            let s = self.sentence(1, QUOTES);
            if word_count(&q) + word_count(&s) <= max {
                q.push(' ');
                q.push_str(&s);
            } else {
                tries += 1;
            }
        }
        q
    }

    fn short_quote(&mut self) -> String {
        let min = self.rng.range(6, 28);
        self.quote(min, 42)
    }

    fn split_quote(&mut self) -> (String, String) {
        let i = self.rng.below(SPLIT_QUOTES.len());
        let (a, b) = SPLIT_QUOTES[i];
        (cap(&self.fill(a)), self.fill(b))
    }

    fn speech_verb(&mut self, quote: &str) -> String {
        if quote.ends_with('?') {
            return "asked".to_string();
        }
        const VERBS: &[&str] = &[
            "said",
            "said",
            "said",
            "added",
            "said on {weekday}",
            "told reporters",
            "told {source}",
            "said in an interview",
            "said in a statement",
            "warned",
        ];
        let v = self.rng.pick(VERBS);
        self.fill(v)
    }

    fn pick_speaker(&mut self) -> usize {
        if self.rng.chance(8) {
            let cat = self.rng.pick(self.topic.cats);
            let list = &self.db.by_cat[cat as usize];
            let p = list[self.rng.below(list.len())];
            let people = &self.db.people;
            if !self
                .cast
                .iter()
                .any(|&c| c != p && people[c].role == people[p].role)
            {
                return p;
            }
        }
        for _ in 0..4 {
            let p = self.rng.pick(&self.cast);
            if Some(p) != self.prev_speaker {
                return p;
            }
        }
        self.cast[0]
    }

    fn mention(&mut self, p: usize, allow_appositive: bool) -> Mention {
        let person = &self.db.people[p];
        self.prev_speaker = Some(p);
        self.speaker = Some(p);
        if !self.mentioned.contains(&p) {
            self.mentioned.push(p);
            if !person.prefix.is_empty() && (!allow_appositive || self.rng.chance(50)) {
                Mention {
                    name: format!("{} {}", person.prefix, person.full),
                    appositive: None,
                }
            } else if allow_appositive {
                Mention {
                    name: person.full.clone(),
                    appositive: Some(person.appositive.clone()),
                }
            } else {
                Mention {
                    name: person.full.clone(),
                    appositive: None,
                }
            }
        } else {
            let r = self.rng.below(100);
            let short_title = matches!(person.prefix, "Dr" | "Sen." | "Prof." | "Rep." | "Judge");
            let name = if r < 75 {
                person.last.to_string()
            } else if r < 88 && short_title {
                format!("{} {}", person.prefix, person.last)
            } else {
                person.full.clone()
            };
            Mention {
                name,
                appositive: None,
            }
        }
    }

    fn pronoun(&self, p: usize) -> &'static str {
        if self.db.people[p].female {
            "she"
        } else {
            "he"
        }
    }

    /// Appends narrative sentences until the paragraph has at least `target` words.
    fn pad(&mut self, para: &mut String, target: usize) {
        let mut words = word_count(para);
        let mut tries = 0;
        while (words < target || words < MIN_WORDS) && tries < 12 {
            let s = self.narrative_sentence(false);
            let w = word_count(&s);
            if words + w > MAX_WORDS {
                tries += 1;
                continue;
            }
            if !para.is_empty() {
                para.push(' ');
            }
            para.push_str(&s);
            words += w;
        }
    }

    fn paragraph(&mut self, i: usize, n: usize, continuing: bool) -> (Kind, String, bool) {
        let target = self.rng.range(MIN_WORDS, 70);
        self.speaker = None;
        if continuing {
            let mut text = self.continuation();
            self.pad(&mut text, target);
            return (Kind::Continuation, text, false);
        }
        if i == 0 {
            let mut text = self.sentence(4, LEDES);
            self.pad(&mut text, target.min(45));
            return (Kind::Narrative, text, false);
        }
        let roll = self.rng.below(100);
        let kind = match self.prev_speaker {
            Some(_) => match roll {
                0..21 => Kind::Narrative,
                21..39 => Kind::Direct,
                39..49 => Kind::Reported,
                49..78 => Kind::Pronoun,
                78..96 => Kind::RoleNoun,
                _ => Kind::Organisation,
            },
            None => match roll {
                0..27 => Kind::Narrative,
                27..65 => Kind::Direct,
                65..93 => Kind::Reported,
                _ => Kind::Organisation,
            },
        };
        let allow_open = i + 2 < n;
        let (text, open) = match kind {
            Kind::Narrative => {
                self.prev_speaker = None;
                let mut text = String::new();
                self.pad(&mut text, target);
                (text, false)
            }
            Kind::Direct => self.direct(target, allow_open),
            Kind::Reported => (self.reported(), false),
            Kind::Pronoun => (self.pronoun_paragraph(), false),
            Kind::RoleNoun => (self.role_noun_paragraph(), false),
            Kind::Organisation => {
                self.prev_speaker = None;
                (self.organisation(), false)
            }
            Kind::Continuation => unreachable!(),
        };
        if open {
            return (kind, text, true);
        }
        let mut text = text;
        self.pad(&mut text, target);
        (kind, text, false)
    }

    fn direct(&mut self, target: usize, allow_open: bool) -> (String, bool) {
        let p = self.pick_speaker();
        let form = self.rng.below(if allow_open { 12 } else { 11 });
        let text = match form {
            0 | 1 => {
                let q = self.short_quote();
                let m = self.mention(p, true);
                let v = self.speech_verb(&q);
                format!("«{}» {} {v}.", comma_end(&q), m.subject())
            }
            2 => {
                let q = self.short_quote();
                let m = self.mention(p, true);
                const LEADS: &[&str] = &["said", "told reporters", "added", "said in a statement"];
                let v = self.rng.pick(LEADS);
                format!("{} {v}: «{q}»", m.subject())
            }
            3 => {
                let q = self.short_quote();
                let m = self.mention(p, true);
                let v = if q.ends_with('?') { "asked" } else { "said" };
                format!("«{}» {v} {}.", comma_end(&q), m.tail())
            }
            4 => {
                let (a, b) = self.split_quote();
                let m = self.mention(p, false);
                let v = self.rng.pick(&["added", "said", "said", "told reporters"]);
                format!("«{a},» {} {v}, «{b}»", m.subject())
            }
            5 => {
                let q1 = self.quote(4, 20);
                let m = self.mention(p, true);
                let v = self.speech_verb(&q1);
                let q2 = self.quote(8, 26);
                format!("«{}» {} {v}. «{q2}»", comma_end(&q1), m.subject())
            }
            6 => {
                let city = self.fill("{city}");
                let q = self.short_quote();
                let m = self.mention(p, true);
                format!(
                    "Speaking to reporters in {city}, {} said: «{q}»",
                    m.subject()
                )
            }
            7 => {
                let q = self.short_quote();
                let m = self.mention(p, true);
                format!(
                    "«{}» {} wrote in a post on social media.",
                    comma_end(&q),
                    m.subject()
                )
            }
            8 => {
                let t = self.pick_template(5, YES_NO);
                let yn = self.fill(t);
                let yn = if self.db.people[p].female {
                    yn
                } else {
                    yn.replace("she or her", "he or his")
                };
                let q = self.short_quote();
                let m = self.mention(p, false);
                format!("Asked whether {yn}, {} replied: «{q}»", m.subject())
            }
            9 => {
                let q = self.quote(6, 24);
                let m = self.mention(p, true);
                let c = self.clause();
                format!(
                    "«{}» {} told {}, adding that {c}.",
                    comma_end(&q),
                    m.subject(),
                    self.source_ref
                )
            }
            10 => {
                let m = self.mention(p, true);
                const TONES: &[&str] = &[
                    "struck a more cautious tone",
                    "was more blunt",
                    "was less optimistic",
                    "sounded a note of defiance",
                ];
                let tone = self.rng.pick(TONES);
                let q = self.short_quote();
                format!("{} {tone}. «{q}»", m.subject())
            }
            _ => {
                // Quote that runs on into the next paragraph: no closing mark.
                let m = self.mention(p, true);
                let head = format!("{} said: «", m.subject());
                let min = target.clamp(MIN_WORDS + 4, 48) - word_count(&head);
                let q = self.quote(min, 78 - word_count(&head));
                return (format!("{head}{q}"), true);
            }
        };
        (text, false)
    }

    fn continuation(&mut self) -> String {
        let p = self.prev_speaker.expect("continued quote has a speaker");
        self.speaker = Some(p);
        let he = self.pronoun(p);
        let q = self.quote(12, 40);
        match self.rng.below(3) {
            0 => format!("«{}» {he} added.", comma_end(&q)),
            1 => format!("«{q}»"),
            _ => {
                let q2 = self.quote(4, 20);
                format!("«{}» {he} said. «{q2}»", comma_end(&q))
            }
        }
    }

    fn reported(&mut self) -> String {
        let p = self.pick_speaker();
        let form = self.rng.below(12);
        let c = self.clause();
        match form {
            0 => format!(
                "{} told reporters that {c}.",
                self.mention(p, true).subject()
            ),
            1 => format!("According to {} {c}.", self.mention(p, true).lead()),
            2 => format!("{} warned that {c}.", self.mention(p, true).subject()),
            3 => {
                let first = !self.mentioned.contains(&p);
                let m = self.mention(p, true);
                if first && m.appositive.is_none() {
                    let a = &self.db.people[p].appositive;
                    format!("{}, {a}, said {c}.", self.db.people[p].full)
                } else {
                    format!("{} said {c}.", m.subject())
                }
            }
            4 => {
                let f = self.rng.pick(FRAGMENTS);
                format!(
                    "{} said {c}, calling the proposal «{f}».",
                    self.mention(p, true).subject()
                )
            }
            5 => {
                let f = self.rng.pick(FRAGMENTS);
                format!(
                    "{} dismissed the plan as «{f}» and said {c}.",
                    self.mention(p, true).subject()
                )
            }
            6 => {
                let m = self.mention(p, true);
                format!(
                    "In an interview with {}, {} said {c}.",
                    self.source_ref,
                    m.subject()
                )
            }
            7 => format!("{} insisted that {c}.", self.mention(p, true).subject()),
            8 => format!(
                "{} has repeatedly argued that {c}.",
                self.mention(p, true).subject()
            ),
            9 => {
                let d = self.fill("{weekday}");
                format!("{} said on {d} that {c}.", self.mention(p, true).subject())
            }
            10 => format!("{}'s office said {c}.", self.mention(p, false).name),
            _ => format!(
                "{} told {} that {c}, but declined to give further details.",
                self.mention(p, true).subject(),
                self.source_ref
            ),
        }
    }

    fn pronoun_paragraph(&mut self) -> String {
        let p = self
            .prev_speaker
            .expect("pronoun paragraph follows a speaker");
        self.speaker = Some(p);
        let he = self.pronoun(p);
        let he_cap = cap(he);
        match self.rng.below(9) {
            0 | 1 => {
                let q = self.short_quote();
                let v = if q.ends_with('?') { "asked" } else { "said" };
                format!("«{}» {he} {v}.", comma_end(&q))
            }
            2 => {
                let q = self.short_quote();
                format!("«{}» {he} added.", comma_end(&q))
            }
            3 => format!("{he_cap} added: «{}»", self.short_quote()),
            4 => {
                let q1 = self.quote(4, 20);
                let q2 = self.quote(8, 26);
                format!("«{}» {he} said. «{q2}»", comma_end(&q1))
            }
            5 => {
                let q = self.short_quote();
                format!("«{}» {he} told {}.", comma_end(&q), self.source_ref)
            }
            6 => format!("{he_cap} said {}.", self.clause()),
            7 => {
                let q = self.quote(6, 26);
                let c = self.clause();
                format!("«{}» {he} said, before adding that {c}.", comma_end(&q))
            }
            _ => format!("{he_cap} went further. «{}»", self.short_quote()),
        }
    }

    fn role_noun_paragraph(&mut self) -> String {
        let p = self
            .prev_speaker
            .expect("role-noun paragraph follows a speaker");
        self.speaker = Some(p);
        let person = &self.db.people[p];
        let noun = person.noun;
        let age = person.age;
        match self.rng.below(6) {
            0 => {
                let q = self.short_quote();
                format!("«{}» {noun} said.", comma_end(&q))
            }
            1 => {
                let q = self.short_quote();
                format!("«{}» the {age}-year-old added.", comma_end(&q))
            }
            2 => format!("{} said {}.", cap(noun), self.clause()),
            3 => {
                let q = self.short_quote();
                format!("«{}» {noun} told reporters.", comma_end(&q))
            }
            4 => {
                let city = self.fill("{city}");
                format!("Speaking in {city}, {noun} added: «{}»", self.short_quote())
            }
            _ => {
                let q = self.short_quote();
                let y = self.fill("{year2}");
                format!(
                    "«{}» said {noun}, who has been in the role since {y}.",
                    comma_end(&q)
                )
            }
        }
    }

    fn organisation(&mut self) -> String {
        match self.rng.below(8) {
            0 => format!(
                "{} said in a statement that {}.",
                self.topic.ministry,
                self.clause()
            ),
            1 => {
                let q = self.short_quote();
                format!(
                    "«{}» {} said in a statement.",
                    comma_end(&q),
                    self.topic.ministry
                )
            }
            2 => {
                let o = self.rng.pick(OFFICIALS);
                let c = self.clause();
                format!("{o} told {} that {c}.", self.source_ref)
            }
            3 => {
                let q = self.short_quote();
                format!(
                    "«{}» said one official, who asked not to be named because the talks were confidential.",
                    comma_end(&q)
                )
            }
            4 => {
                let c = self.fill("{company}");
                format!(
                    "A spokesperson for {c} declined to comment, but the company said in a filing that {}.",
                    self.clause()
                )
            }
            5 => {
                let c = self.fill("{company}");
                format!("{c} said in a statement that {}.", self.clause())
            }
            6 => {
                let q = self.short_quote();
                format!(
                    "«{}» a senior diplomat said, speaking on condition of anonymity.",
                    comma_end(&q)
                )
            }
            _ => {
                let u = self.fill("{union}");
                format!("The {u} said {}.", self.clause())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(text: &str) -> &str {
        let rest = text.strip_prefix("---\n").expect("front matter start");
        let end = rest.find("\n---\n").expect("front matter end");
        &rest[end + 5..]
    }

    fn front(text: &str, key: &str) -> String {
        let prefix = format!("{key}: ");
        text.lines()
            .find_map(|l| l.strip_prefix(prefix.as_str()))
            .unwrap_or_else(|| panic!("missing {key}"))
            .to_string()
    }

    fn body_paragraphs(text: &str) -> Vec<&str> {
        body(text)
            .split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty() && !p.starts_with("## "))
            .collect()
    }

    #[test]
    fn deterministic() {
        for i in [0, 1, 77, 4321] {
            assert_eq!(article(7, i), article(7, i));
        }
        assert_ne!(article(7, 1).text, article(7, 2).text);
        assert_ne!(article(7, 1).text, article(8, 1).text);
        assert_eq!(article(7, 123).file_name, "article-000123.md");
    }

    #[test]
    fn paragraphs_counted_and_sized() {
        let mut total = 0;
        for i in 0..400 {
            let a = article(42, i);
            let paras = body_paragraphs(&a.text);
            assert_eq!(paras.len(), a.paragraphs, "article {i}:\n{}", a.text);
            assert!((6..=16).contains(&a.paragraphs), "article {i}");
            for p in paras {
                let w = word_count(p);
                assert!((MIN_WORDS..=MAX_WORDS).contains(&w), "{w} words: {p}");
                assert!(
                    !p.contains('{') && !p.contains('«') && !p.contains('‹'),
                    "{p}"
                );
            }
            assert!(
                a.text
                    .starts_with(&format!("---\nid: gen-{i:06}\ntitle: \""))
            );
            total += a.paragraphs;
        }
        let mean = total as f64 / 400.0;
        assert!((9.5..=12.5).contains(&mean), "mean {mean}");
    }

    #[test]
    fn speech_mix_is_realistic() {
        let kinds = [
            Kind::Narrative,
            Kind::Direct,
            Kind::Reported,
            Kind::Pronoun,
            Kind::RoleNoun,
            Kind::Organisation,
            Kind::Continuation,
        ];
        let mut counts = [0usize; 7];
        let mut total = 0;
        for i in 0..1000 {
            for k in generate(1, i).kinds {
                counts[kinds.iter().position(|x| *x == k).unwrap()] += 1;
                total += 1;
            }
        }
        let share: Vec<f64> = counts.iter().map(|&c| c as f64 / total as f64).collect();
        println!("{kinds:?}\n{share:.3?}");
        let expected = [0.30, 0.25, 0.15, 0.15, 0.10, 0.05, 0.02];
        for (got, want) in share.iter().zip(expected) {
            assert!((got - want).abs() < 0.05, "{share:?}");
        }
    }

    #[test]
    fn valid_dates() {
        for i in 0..500 {
            let a = article(3, i);
            let date = front(&a.text, "date");
            let parts: Vec<usize> = date.split('-').map(|x| x.parse().unwrap()).collect();
            assert_eq!(parts.len(), 3, "{date}");
            assert!((2024..=2025).contains(&parts[0]), "{date}");
            assert!((1..=12).contains(&parts[1]), "{date}");
            assert!(
                (1..=days_in_month(parts[0], parts[1])).contains(&parts[2]),
                "{date}"
            );
        }
        assert_eq!(weekday(2024, 1, 1), 1);
        assert_eq!(weekday(2025, 12, 31), 3);
    }

    #[test]
    fn articles_with_paragraphs_reaches_target() {
        let v = articles_with_paragraphs(5, 1000);
        let total: usize = v.iter().map(|a| a.paragraphs).sum();
        assert!(total >= 1000);
        assert!(total - v.last().unwrap().paragraphs < 1000);
    }

    /// Minimal parser for a flat JSON object of string values.
    fn parse_flat_object(line: &str) -> Vec<(String, String)> {
        let mut chars = line.chars().peekable();
        let mut fields = Vec::new();
        assert_eq!(chars.next(), Some('{'));
        loop {
            let key = parse_json_string(&mut chars);
            assert_eq!(chars.next(), Some(':'));
            let value = parse_json_string(&mut chars);
            fields.push((key, value));
            match chars.next() {
                Some(',') => continue,
                Some('}') => break,
                other => panic!("unexpected {other:?}"),
            }
        }
        assert_eq!(chars.next(), None);
        fields
    }

    fn parse_json_string(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) -> String {
        assert_eq!(chars.next(), Some('"'));
        let mut s = String::new();
        loop {
            match chars.next().expect("unterminated string") {
                '"' => return s,
                '\\' => match chars.next().expect("escape") {
                    '"' => s.push('"'),
                    '\\' => s.push('\\'),
                    '/' => s.push('/'),
                    'n' => s.push('\n'),
                    'r' => s.push('\r'),
                    't' => s.push('\t'),
                    'b' => s.push('\u{8}'),
                    'f' => s.push('\u{c}'),
                    'u' => {
                        let hex: String = (&mut *chars).take(4).collect();
                        let v = u32::from_str_radix(&hex, 16).expect("hex");
                        s.push(char::from_u32(v).expect("scalar"));
                    }
                    c => panic!("bad escape {c}"),
                },
                c => {
                    assert!(c as u32 >= 0x20, "raw control character");
                    s.push(c);
                }
            }
        }
    }

    #[test]
    fn json_escaping() {
        let mut out = String::new();
        json_string(&mut out, "a\"b\\c\nd\u{1}é“x”");
        assert_eq!(out, "\"a\\\"b\\\\c\\nd\\u0001é“x”\"");
        let mut chars = out.chars().peekable();
        assert_eq!(parse_json_string(&mut chars), "a\"b\\c\nd\u{1}é“x”");
    }

    fn scratch_path(name: &str) -> std::path::PathBuf {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        std::env::temp_dir().join(format!(
            "whosaid-corpus-{name}-{}-{nanos}",
            std::process::id()
        ))
    }

    #[test]
    fn jsonl_lines_parse() {
        let path = scratch_path("jsonl");
        let n = 60;
        let total = write_jsonl(&path, 11, n).unwrap();
        let text = fs::read_to_string(&path).unwrap();
        fs::remove_file(&path).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), n);
        let mut counted = 0;
        for (i, line) in lines.iter().enumerate() {
            assert!(line.starts_with("{\"id\":"));
            let fields = parse_flat_object(line);
            let keys: Vec<&str> = fields.iter().map(|(k, _)| k.as_str()).collect();
            assert_eq!(keys, ["id", "title", "source", "author", "date", "body"]);
            assert_eq!(fields[0].1, format!("gen-{i:06}"));
            let md = article(11, i);
            assert_eq!(fields[1].1, front(&md.text, "title").trim_matches('"'));
            let body_paras: Vec<&str> = fields[5].1.split("\n\n").collect();
            assert_eq!(body_paras, body_paragraphs(&md.text));
            counted += body_paras.len();
        }
        assert_eq!(counted, total);
    }

    #[test]
    fn corpus_written_in_subfolders() {
        let dir = scratch_path("dir");
        let total = write_corpus(&dir, 9, 503).unwrap();
        let last = dir.join("0001").join("article-000502.md");
        let first = dir.join("0000").join("article-000000.md");
        assert_eq!(fs::read_to_string(&last).unwrap(), article(9, 502).text);
        assert_eq!(fs::read_to_string(&first).unwrap(), article(9, 0).text);
        assert_eq!(fs::read_dir(dir.join("0000")).unwrap().count(), 500);
        let expected: usize = (0..503).map(|i| article(9, i).paragraphs).sum();
        assert_eq!(total, expected);
        fs::remove_dir_all(&dir).unwrap();
    }
}
