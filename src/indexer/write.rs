//! Articles -> tantivy documents, and the rewriting of indexed articles whose speakers'
//! canonical names changed.

use std::collections::HashSet;

use tantivy::collector::DocSetCollector;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, TantivyDocument, Term, Value};
use tantivy::{DocAddress, IndexWriter};

use super::manifest::{IndexedNames, pair, split_pair};
use crate::error::Result;
use crate::index::Index;
use crate::model::{Article, Paragraph, Quotation, Speaker};
use crate::schema::{self, ARTICLE, Fields};
use crate::speakers::NameMap;

/// Hash of an article as indexed: metadata, sections, texts and speakers (as the article
/// names them, before names are made canonical across the corpus).
pub(crate) fn article_hash(article: &Article) -> u64 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    let mut put = |s: &str| {
        h.update(&(s.len() as u64).to_le_bytes());
        h.update(s.as_bytes());
    };
    put(&article.id);
    for field in [
        &article.title,
        &article.source,
        &article.author,
        &article.url,
    ] {
        put(field.as_deref().unwrap_or("\u{0}"));
    }
    put(&article.date.map(|d| d.to_string()).unwrap_or_default());
    for p in &article.paragraphs {
        put(p.section.as_deref().unwrap_or("\u{0}"));
        put(&p.text);
        for s in &p.speakers {
            put(&s.name);
        }
        for q in &p.quotes {
            put(&quote_span(q, &p.speakers));
        }
        put("\u{1}");
    }
    h.digest()
}

/// Where an article's documents come from, stored with each.
pub(crate) struct Origin<'a> {
    pub key: &'a str,
    pub file_hash: u64,
    pub hash: u64,
}

/// The document of paragraph `n` of `article`.
pub(crate) fn document(
    f: &Fields,
    article: &Article,
    n: usize,
    paragraph: &Paragraph,
    origin: &Origin,
    names: &NameMap,
) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_text(f.article, &article.id);
    for (field, value) in [
        (f.title, &article.title),
        (f.source, &article.source),
        (f.author, &article.author),
        (f.url, &article.url),
    ] {
        if let Some(value) = value {
            doc.add_text(field, value);
        }
    }
    if let Some(date) = article.date {
        doc.add_date(f.date, schema::date_value(date.to_unix_seconds()));
    }
    doc.add_u64(f.paragraph, n as u64);
    if let Some(section) = &paragraph.section {
        doc.add_text(f.section, section);
    }
    add_speakers(&mut doc, f, paragraph.speaker_names(), names);
    add_facets(&mut doc, f);
    doc.add_text(f.text, &paragraph.text);
    for quote in &paragraph.quotes {
        doc.add_text(f.quote_span, quote_span(quote, &paragraph.speakers));
    }
    add_quotes(&mut doc, f);
    doc.add_text(f.file, origin.key);
    doc.add_u64(f.file_hash, origin.file_hash);
    doc.add_u64(f.hash, origin.hash);
    doc
}

/// The stored form of a quotation (see [`schema::QUOTE_SPAN`]).
fn quote_span(quote: &Quotation, speakers: &[Speaker]) -> String {
    let speaker = quote
        .speaker
        .as_ref()
        .and_then(|name| speakers.iter().position(|s| &s.name == name));
    match speaker {
        Some(i) => format!("{} {} {i}", quote.start, quote.end),
        None => format!("{} {} -", quote.start, quote.end),
    }
}

/// The searchable words of each quotation, from the stored text and quotation spans of
/// `doc`.
fn add_quotes(doc: &mut TantivyDocument, f: &Fields) {
    let Some(text) = doc.get_first(f.text).and_then(|v| v.as_str()) else {
        return;
    };
    let quoted: Vec<String> = doc
        .get_all(f.quote_span)
        .filter_map(|v| schema::parse_quote_span(v.as_str()?))
        .filter_map(|(range, _)| text.get(range).map(str::to_string))
        .collect();
    for words in quoted {
        doc.add_text(f.quote, words);
    }
}

/// The columns counted by outlet, byline and section, from the stored fields of `doc`.
fn add_facets(doc: &mut TantivyDocument, f: &Fields) {
    let mut values: Vec<(Field, String)> = Vec::new();
    for (stored, exact) in [
        (f.source, f.source_exact),
        (f.author, f.author_exact),
        (f.section, f.section_exact),
    ] {
        for value in doc.get_all(stored).filter_map(|v| v.as_str()) {
            values.push((exact, value.to_string()));
        }
    }
    for (field, value) in values {
        doc.add_text(field, value);
    }
}

/// The speaker fields from the names as the article wrote them: canonical names (two
/// spellings of one person count once), searchable words of both forms, and the pairs.
fn add_speakers<'a>(
    doc: &mut TantivyDocument,
    f: &Fields,
    raws: impl Iterator<Item = &'a str>,
    names: &NameMap,
) {
    let mut seen: Vec<&str> = Vec::new();
    for raw in raws {
        let canonical = names.canonical(raw);
        doc.add_text(f.speaker_pair, pair(raw, canonical));
        if raw != canonical {
            doc.add_text(f.speaker, raw);
        }
        if !seen.contains(&canonical) {
            seen.push(canonical);
            doc.add_text(f.speaker_exact, canonical);
            doc.add_text(f.speaker, canonical);
        }
    }
}

/// Ids of indexed articles (other than those in `skip`) with a speaker whose canonical
/// name is not what `names` now gives.
pub(crate) fn renamed_articles(
    index: &Index,
    indexed: &IndexedNames,
    names: &NameMap,
    skip: &HashSet<&str>,
) -> Result<Vec<String>> {
    let stale: Vec<(Occur, Box<dyn Query>)> = indexed
        .pairs
        .iter()
        .filter(|(raw, canonical)| names.canonical(raw) != canonical)
        .map(|(raw, canonical)| {
            let term = Term::from_field_text(index.fields.speaker_pair, &pair(raw, canonical));
            let query: Box<dyn Query> = Box::new(TermQuery::new(term, IndexRecordOption::Basic));
            (Occur::Should, query)
        })
        .collect();
    if stale.is_empty() {
        return Ok(Vec::new());
    }
    let searcher = index.searcher();
    let docs = searcher.search(&BooleanQuery::new(stale), &DocSetCollector)?;
    let mut ids: Vec<String> = Vec::new();
    let mut id = String::new();
    for address in docs {
        let segment = searcher.segment_reader(address.segment_ord);
        let Some(column) = segment.fast_fields().str(ARTICLE)? else {
            continue;
        };
        let Some(ord) = column.term_ords(address.doc_id).next() else {
            continue;
        };
        id.clear();
        column
            .ord_to_str(ord, &mut id)
            .map_err(|e| crate::Error::Engine(format!("reading the index: {e}")))?;
        if !skip.contains(id.as_str()) {
            ids.push(id.clone());
        }
    }
    ids.sort();
    ids.dedup();
    Ok(ids)
}

/// Re-adds the paragraphs of indexed article `id` with canonical names from `names`. The
/// caller deletes the old ones first. Returns the number of paragraphs written.
pub(crate) fn rewrite(
    index: &Index,
    writer: &IndexWriter,
    id: &str,
    names: &NameMap,
) -> Result<usize> {
    let f = &index.fields;
    let searcher = index.searcher();
    let query = TermQuery::new(
        Term::from_field_text(f.article, id),
        IndexRecordOption::Basic,
    );
    let mut addresses: Vec<DocAddress> = searcher
        .search(&query, &DocSetCollector)?
        .into_iter()
        .collect();
    addresses.sort();
    let skip = [
        f.quote,
        f.speaker,
        f.speaker_exact,
        f.speaker_pair,
        f.source_exact,
        f.author_exact,
        f.section_exact,
    ];
    for address in &addresses {
        let old: TantivyDocument = searcher.doc(*address)?;
        let mut doc = TantivyDocument::default();
        for (field, value) in old.field_values() {
            if !skip.contains(&field) {
                doc.add_field_value(field, value);
            }
        }
        let raws: Vec<String> = old
            .get_all(f.speaker_pair)
            .filter_map(|v| v.as_str().map(|s| split_pair(s).0.to_string()))
            .collect();
        add_speakers(&mut doc, f, raws.iter().map(String::as_str), names);
        add_facets(&mut doc, f);
        add_quotes(&mut doc, f);
        writer.add_document(doc)?;
    }
    Ok(addresses.len())
}
