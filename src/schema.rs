//! The tantivy schema: field names, options and tokenizers, in one place, with the version
//! number that tells an index built by another whosaid apart.
//!
//! Owns what each field stores and how it is tokenised. It does not decide what goes into a
//! field (the indexer does) or how queries are read (the search module does).

use rustc_hash::FxHashMap;
use tantivy::Index;
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer, Token,
    TokenFilter, TokenStream, Tokenizer,
};

/// Version of the schema: what the fields are and how they are tokenised. An index built
/// by an older whosaid is rebuilt, never mixed; one built by a newer whosaid is refused.
/// (What decides field contents, the reader and the attribution rules, carries its own
/// version in each file's fingerprint, so an upgrade re-reads files instead of rebuilding.)
pub const SCHEMA_VERSION: u32 = 4;

/// Article id: exact, stored, fast (ties are broken on it).
pub const ARTICLE: &str = "article";
/// Headline: searchable text.
pub const TITLE: &str = "title";
/// Outlet: searchable by any word, case- and accent-insensitive.
pub const SOURCE: &str = "source";
/// Byline: searchable like names.
pub const AUTHOR: &str = "author";
/// Address, exact.
pub const URL: &str = "url";
/// Publication date (tantivy date, day precision).
pub const DATE: &str = "date";
/// 0-based paragraph number within the article.
pub const PARAGRAPH: &str = "paragraph";
/// Heading of the paragraph's section: searchable text.
pub const SECTION: &str = "section";
/// Speakers' names and their spelling variants: searchable by any part of the name.
pub const SPEAKER: &str = "speaker";
/// Speakers' canonical names, exact, stored in order, fast for counting.
pub const SPEAKER_EXACT: &str = "speaker_exact";
/// Each speaker as the article named it and the canonical name it got, joined by U+001F:
/// what canonical names are recomputed from when the corpus changes.
pub const SPEAKER_PAIR: &str = "speaker_pair";
/// Outlet, byline and section heading as written: columns for counting (`--count source`).
pub const SOURCE_EXACT: &str = "source_exact";
/// See [`SOURCE_EXACT`].
pub const AUTHOR_EXACT: &str = "author_exact";
/// See [`SOURCE_EXACT`].
pub const SECTION_EXACT: &str = "section_exact";
/// Paragraph text: English stemming, positions for phrases.
pub const TEXT: &str = "text";
/// The words inside the paragraph's quotation marks, one value per quotation: stemmed like
/// [`TEXT`], with positions (a phrase never runs from one quotation into the next).
pub const QUOTE: &str = "quote";
/// Where each quotation is in the text and who says it, one stored value per quotation:
/// `start end speaker`, byte offsets into the text and the speaker's place among the
/// paragraph's [`SPEAKER_PAIR`] values (`-` for nobody).
pub const QUOTE_SPAN: &str = "quote_span";
/// Where the article came from: `origin folder \u{1f} path in it`; for incremental runs.
pub const FILE: &str = "file";
/// Hash of the source file's bytes and the reading options.
pub const FILE_HASH: &str = "file_hash";
/// Hash of the article's content as indexed.
pub const HASH: &str = "hash";

/// Tokenizer for running text: words, lowercase, accents folded, English stems.
pub const TEXT_TOKENIZER: &str = "whosaid_text";
/// Tokenizer for names: words, lowercase, accents folded, no stemming.
pub const NAME_TOKENIZER: &str = "whosaid_name";

/// Fields a query searches when it names none: words must be in one of these...
pub const MATCH_FIELDS: [&str; 2] = [TEXT, SPEAKER];
/// ...and matches in these raise the rank.
pub const BOOST_FIELDS: [&str; 2] = [TITLE, SECTION];

/// Fields a user may name in a query, for messages.
pub const QUERY_FIELDS: [&str; 11] = [
    TEXT, QUOTE, TITLE, SECTION, SPEAKER, SOURCE, AUTHOR, DATE, ARTICLE, PARAGRAPH, URL,
];

/// Handles to every field of the schema.
#[derive(Debug, Clone)]
pub(crate) struct Fields {
    pub article: Field,
    pub title: Field,
    pub source: Field,
    pub author: Field,
    pub url: Field,
    pub date: Field,
    pub paragraph: Field,
    pub section: Field,
    pub speaker: Field,
    pub speaker_exact: Field,
    pub speaker_pair: Field,
    pub source_exact: Field,
    pub author_exact: Field,
    pub section_exact: Field,
    pub text: Field,
    pub quote: Field,
    pub quote_span: Field,
    pub file: Field,
    pub file_hash: Field,
    pub hash: Field,
}

fn text_options(tokenizer: &str, stored: bool) -> TextOptions {
    let indexing = TextFieldIndexing::default()
        .set_tokenizer(tokenizer)
        .set_index_option(IndexRecordOption::WithFreqsAndPositions);
    let options = TextOptions::default().set_indexing_options(indexing);
    if stored {
        options.set_stored()
    } else {
        options
    }
}

/// Builds the schema.
pub(crate) fn build() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let fields = Fields {
        article: b.add_text_field(ARTICLE, STRING | STORED | FAST),
        title: b.add_text_field(TITLE, text_options(TEXT_TOKENIZER, true)),
        source: b.add_text_field(SOURCE, text_options(NAME_TOKENIZER, true)),
        author: b.add_text_field(AUTHOR, text_options(NAME_TOKENIZER, true)),
        url: b.add_text_field(URL, STRING | STORED),
        date: b.add_date_field(DATE, INDEXED | STORED | FAST),
        paragraph: b.add_u64_field(PARAGRAPH, INDEXED | STORED | FAST),
        section: b.add_text_field(SECTION, text_options(TEXT_TOKENIZER, true)),
        speaker: b.add_text_field(SPEAKER, text_options(NAME_TOKENIZER, false)),
        speaker_exact: b.add_text_field(SPEAKER_EXACT, STRING | STORED | FAST),
        speaker_pair: b.add_text_field(SPEAKER_PAIR, STRING | STORED | FAST),
        source_exact: b.add_text_field(SOURCE_EXACT, FAST),
        author_exact: b.add_text_field(AUTHOR_EXACT, FAST),
        section_exact: b.add_text_field(SECTION_EXACT, FAST),
        text: b.add_text_field(TEXT, text_options(TEXT_TOKENIZER, true)),
        quote: b.add_text_field(QUOTE, text_options(TEXT_TOKENIZER, false)),
        quote_span: b.add_text_field(QUOTE_SPAN, STORED),
        // Stored too, so that a document can be rewritten from what the index holds.
        file: b.add_text_field(FILE, STRING | STORED | FAST),
        file_hash: b.add_u64_field(FILE_HASH, STORED | FAST),
        hash: b.add_u64_field(HASH, STORED | FAST),
    };
    (b.build(), fields)
}

/// Looks the fields up in an opened index's schema.
pub(crate) fn fields_of(schema: &Schema) -> tantivy::Result<Fields> {
    let f = |name: &str| schema.get_field(name);
    Ok(Fields {
        article: f(ARTICLE)?,
        title: f(TITLE)?,
        source: f(SOURCE)?,
        author: f(AUTHOR)?,
        url: f(URL)?,
        date: f(DATE)?,
        paragraph: f(PARAGRAPH)?,
        section: f(SECTION)?,
        speaker: f(SPEAKER)?,
        speaker_exact: f(SPEAKER_EXACT)?,
        speaker_pair: f(SPEAKER_PAIR)?,
        source_exact: f(SOURCE_EXACT)?,
        author_exact: f(AUTHOR_EXACT)?,
        section_exact: f(SECTION_EXACT)?,
        text: f(TEXT)?,
        quote: f(QUOTE)?,
        quote_span: f(QUOTE_SPAN)?,
        file: f(FILE)?,
        file_hash: f(FILE_HASH)?,
        hash: f(HASH)?,
    })
}

/// The analyzer for running text.
pub(crate) fn text_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(CachedStemmer)
        .build()
}

/// English stems as tantivy's `Stemmer` makes them (the same Snowball algorithm), kept in
/// a table per analyzer: news repeats its words, and stemming was a tenth of indexing.
#[derive(Clone, Copy)]
pub(crate) struct CachedStemmer;

/// Words a stem table holds before it starts again.
const STEM_CACHE: usize = 100_000;

impl TokenFilter for CachedStemmer {
    type Tokenizer<T: Tokenizer> = CachedStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> CachedStemmerFilter<T> {
        CachedStemmerFilter {
            inner: tokenizer,
            stems: FxHashMap::default(),
        }
    }
}

#[derive(Clone)]
pub(crate) struct CachedStemmerFilter<T> {
    inner: T,
    stems: FxHashMap<String, String>,
}

impl<T: Tokenizer> Tokenizer for CachedStemmerFilter<T> {
    type TokenStream<'a> = CachedStemmerStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        CachedStemmerStream {
            tail: self.inner.token_stream(text),
            stems: &mut self.stems,
            stemmer: frostem::Stemmer::new(frostem::Algorithm::English),
        }
    }
}

pub(crate) struct CachedStemmerStream<'a, T> {
    tail: T,
    stems: &'a mut FxHashMap<String, String>,
    stemmer: frostem::Stemmer,
}

impl<T: TokenStream> TokenStream for CachedStemmerStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        if let Some(stem) = self.stems.get(&token.text) {
            token.text.clone_from(stem);
            return true;
        }
        let stem = self.stemmer.stem(&token.text).into_owned();
        if self.stems.len() >= STEM_CACHE {
            self.stems.clear();
        }
        self.stems
            .insert(std::mem::take(&mut token.text), stem.clone());
        token.text = stem;
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

/// Words of a name, with an apostrophe between letters dropped first: "O'Brien", "O’Brien"
/// and "OBrien" are the one word `obrien`, so a name is found however it is typed.
#[derive(Clone, Default)]
pub(crate) struct NameTokenizer {
    inner: SimpleTokenizer,
    joined: String,
}

/// `'` or `’` between two letters.
fn is_inner_apostrophe(text: &str, at: usize, c: char) -> bool {
    matches!(c, '\'' | '’')
        && text[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
        && text[at + c.len_utf8()..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
}

impl Tokenizer for NameTokenizer {
    type TokenStream<'a> = <SimpleTokenizer as Tokenizer>::TokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        self.joined.clear();
        for (at, c) in text.char_indices() {
            if !is_inner_apostrophe(text, at, c) {
                self.joined.push(c);
            }
        }
        self.inner.token_stream(&self.joined)
    }
}

/// The analyzer for names.
pub(crate) fn name_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(NameTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

/// The index's date value for Unix seconds, clamped to what a date field can hold
/// (nanoseconds in an `i64`: 1677-09-21 to 2262-04-11), so that a query's far bound
/// never wraps around.
pub(crate) fn date_value(secs: i64) -> tantivy::DateTime {
    const LIMIT: i64 = i64::MAX / 1_000_000_000 - 1;
    tantivy::DateTime::from_timestamp_secs(secs.clamp(-LIMIT, LIMIT))
}

/// Separates the name as written from the canonical name in [`SPEAKER_PAIR`].
pub(crate) const PAIR_SEPARATOR: char = '\u{1f}';

/// Reads a stored [`QUOTE_SPAN`] value: the quotation's byte range in the text, and the
/// speaker's place among the paragraph's speaker pairs.
pub(crate) fn parse_quote_span(value: &str) -> Option<(std::ops::Range<usize>, Option<usize>)> {
    let mut parts = value.split(' ');
    let start = parts.next()?.parse().ok()?;
    let end = parts.next()?.parse().ok()?;
    let speaker = parts.next()?.parse().ok();
    (start <= end).then_some((start..end, speaker))
}

/// Lowercase ASCII form of a word, as the analyzers fold it (for prefix queries).
pub(crate) fn name_fold(word: &str) -> String {
    deunicode::deunicode(word).to_lowercase()
}

/// Registers whosaid's tokenizers. Must run every time an index is opened, or queries on
/// the text fields silently stop matching.
pub(crate) fn register_tokenizers(index: &Index) {
    index.tokenizers().register(TEXT_TOKENIZER, text_analyzer());
    index.tokenizers().register(NAME_TOKENIZER, name_analyzer());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_query_field_exists() {
        let (schema, _) = build();
        for name in QUERY_FIELDS
            .iter()
            .chain(MATCH_FIELDS.iter())
            .chain(BOOST_FIELDS.iter())
        {
            assert!(schema.get_field(name).is_ok(), "{name}");
        }
        assert!(fields_of(&schema).is_ok());
    }

    #[test]
    fn names_with_apostrophes_are_one_word() {
        let words = |text: &str| {
            let mut analyzer = name_analyzer();
            let mut stream = analyzer.token_stream(text);
            let mut out = Vec::new();
            while let Some(t) = stream.next() {
                out.push(t.text.clone());
            }
            out
        };
        for (text, expected) in [
            ("Conor O'Brien", vec!["conor", "obrien"]),
            ("Conor O’Brien", vec!["conor", "obrien"]),
            ("oBrien", vec!["obrien"]),
            ("Jean-Pierre Dupont", vec!["jean", "pierre", "dupont"]),
            ("'Sam' Smith's", vec!["sam", "smiths"]),
            ("Zoë Ağaoğlu", vec!["zoe", "agaoglu"]),
        ] {
            assert_eq!(words(text), expected, "{text}");
        }
    }

    #[test]
    fn cached_stems_are_tantivys_stems() {
        use tantivy::tokenizer::{Language, Stemmer};
        let text = "running ceasefires talks talked Running nations national ceasefires";
        let tokens = |mut a: TextAnalyzer| {
            let mut out = Vec::new();
            let mut stream = a.token_stream(text);
            while let Some(t) = stream.next() {
                out.push(t.text.clone());
            }
            out
        };
        let plain = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(Stemmer::new(Language::English))
            .build();
        let cached = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(CachedStemmer)
            .build();
        assert_eq!(tokens(cached), tokens(plain));
    }

    #[test]
    fn analyzers_fold_accents_and_stem() {
        let mut tokens = Vec::new();
        let mut a = text_analyzer();
        let mut stream = a.token_stream("Zelenskyy's CEASEFIRES café");
        while let Some(t) = stream.next() {
            tokens.push(t.text.clone());
        }
        assert_eq!(tokens, ["zelenskyy", "s", "ceasefir", "cafe"]);
    }
}
