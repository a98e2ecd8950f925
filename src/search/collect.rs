//! Collectors: the top hits in a stable order, and counts by speaker and by day, each from
//! fast fields.

use std::collections::BTreeMap;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::{DocAddress, DocId, Score, SegmentOrdinal, SegmentReader};

use super::Sort;
use crate::dates::Date;
use crate::schema::{ARTICLE, DATE, PARAGRAPH};

/// One ranked document, with its article as a term ordinal of its segment: ids are
/// decoded only where equal scores from different segments must be ordered by them.
#[derive(Clone)]
pub(super) struct Ranked {
    pub(super) primary: f64,
    pub(super) score: Score,
    /// Ordinal of the article id in the segment's dictionary (sorts like the id there).
    article: u64,
    pub(super) paragraph: u64,
    pub(super) address: DocAddress,
    /// The segment's article ids, to decode `article` when a tie needs it.
    articles: Option<tantivy::columnar::StrColumn>,
}

impl Ranked {
    /// Higher primary first, then higher score.
    fn cmp_score(&self, other: &Ranked) -> std::cmp::Ordering {
        other
            .primary
            .total_cmp(&self.primary)
            .then_with(|| other.score.total_cmp(&self.score))
    }

    /// Within one segment: score, then article and paragraph ascending.
    fn cmp_in_segment(&self, other: &Ranked) -> std::cmp::Ordering {
        self.cmp_score(other)
            .then_with(|| self.address.segment_ord.cmp(&other.address.segment_ord))
            .then_with(|| self.article.cmp(&other.article))
            .then_with(|| self.paragraph.cmp(&other.paragraph))
    }
}

/// Sorts ranked documents: higher primary first, then score, then article id and paragraph
/// ascending, keeping the first `limit`. Ids are decoded only for runs of equal scores
/// that reach into the kept ones and come from more than one segment.
pub(super) fn rank(mut all: Vec<Ranked>, limit: usize) -> Vec<Ranked> {
    all.sort_by(Ranked::cmp_in_segment);
    let mut i = 0;
    while i < all.len().min(limit) {
        let mut j = i + 1;
        while j < all.len() && all[j].cmp_score(&all[i]).is_eq() {
            j += 1;
        }
        let group = &mut all[i..j];
        if group
            .iter()
            .any(|r| r.address.segment_ord != group[0].address.segment_ord)
        {
            let ids = decode_ids(group);
            let mut keyed: Vec<(String, Ranked)> =
                ids.into_iter().zip(group.iter().cloned()).collect();
            keyed.sort_by(|(a, x), (b, y)| a.cmp(b).then_with(|| x.paragraph.cmp(&y.paragraph)));
            for (slot, (_, r)) in group.iter_mut().zip(keyed) {
                *slot = r;
            }
        }
        i = j;
    }
    all.truncate(limit);
    all
}

/// The article ids of `group`, in its order, decoded one pass per segment.
fn decode_ids(group: &[Ranked]) -> Vec<String> {
    let mut ids = vec![String::new(); group.len()];
    let mut segments: Vec<u32> = group.iter().map(|r| r.address.segment_ord).collect();
    segments.sort_unstable();
    segments.dedup();
    for segment in segments {
        let members: Vec<usize> = (0..group.len())
            .filter(|&k| group[k].address.segment_ord == segment)
            .collect();
        let Some(column) = &group[members[0]].articles else {
            continue;
        };
        let mut ords: Vec<u64> = members.iter().map(|&k| group[k].article).collect();
        ords.sort_unstable();
        ords.dedup();
        let terms = decode_sorted(column, &ords);
        for &k in &members {
            if let Ok(at) = ords.binary_search(&group[k].article) {
                ids[k] = terms.get(at).cloned().unwrap_or_default();
            }
        }
    }
    ids
}

/// The key ranked before the score: 0 for relevance, the date (newest first) or its
/// negation (oldest first); undated documents last either way.
fn primary(sort: Sort, dates: &tantivy::columnar::Column<tantivy::DateTime>, doc: DocId) -> f64 {
    let date = || dates.first(doc).map(|d| d.into_timestamp_secs() as f64);
    match sort {
        Sort::Relevance => 0.0,
        Sort::Newest => date().unwrap_or(f64::MIN),
        Sort::Oldest => date().map_or(f64::MIN, |d| -d),
    }
}

/// Top documents in a stable order: ties never depend on where a document sits in the index.
pub(super) struct TopSorted {
    pub(super) limit: usize,
    pub(super) sort: Sort,
}

pub(super) struct TopSortedSegment {
    limit: usize,
    sort: Sort,
    segment: SegmentOrdinal,
    articles: Option<tantivy::columnar::StrColumn>,
    paragraphs: tantivy::columnar::Column<u64>,
    dates: tantivy::columnar::Column<tantivy::DateTime>,
    best: Vec<SegmentRanked>,
    /// Worst entry kept once `best` is full, to reject most documents by score alone.
    floor: Option<SegmentRanked>,
}

/// A ranked document within one segment: its article as a term ordinal, which sorts like
/// the id within the segment.
#[derive(Debug, Clone, Copy)]
struct SegmentRanked {
    primary: f64,
    score: Score,
    article: u64,
    paragraph: u64,
    doc: DocId,
}

impl SegmentRanked {
    fn cmp_rank(&self, other: &SegmentRanked) -> std::cmp::Ordering {
        other
            .primary
            .total_cmp(&self.primary)
            .then_with(|| other.score.total_cmp(&self.score))
            .then_with(|| self.article.cmp(&other.article))
            .then_with(|| self.paragraph.cmp(&other.paragraph))
    }
}

impl Collector for TopSorted {
    type Fruit = Vec<Ranked>;
    type Child = TopSortedSegment;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<TopSortedSegment> {
        let fast = reader.fast_fields();
        Ok(TopSortedSegment {
            limit: self.limit,
            sort: self.sort,
            segment,
            articles: fast.str(ARTICLE)?,
            paragraphs: fast.u64(PARAGRAPH)?,
            dates: fast.date(DATE)?,
            best: Vec::new(),
            floor: None,
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, fruits: Vec<Vec<Ranked>>) -> tantivy::Result<Vec<Ranked>> {
        Ok(rank(fruits.into_iter().flatten().collect(), self.limit))
    }
}

impl SegmentCollector for TopSortedSegment {
    type Fruit = Vec<Ranked>;

    fn collect(&mut self, doc: DocId, score: Score) {
        if self.limit == 0 {
            return;
        }
        let primary = primary(self.sort, &self.dates, doc);
        // Most documents lose to the worst one kept on score alone.
        let ties_floor = match &self.floor {
            Some(floor) if primary < floor.primary => return,
            Some(floor) if primary == floor.primary && score < floor.score => return,
            Some(floor) => primary == floor.primary && score == floor.score,
            None => false,
        };
        let article = self
            .articles
            .as_ref()
            .and_then(|c| c.term_ords(doc).next())
            .unwrap_or(u64::MAX);
        let paragraph = self.paragraphs.first(doc).unwrap_or(0);
        // A tie with the worst one kept (every document of a query that scores all alike)
        // is decided by article and paragraph here, not by sorting it in.
        if let Some(floor) = &self.floor
            && ties_floor
            && (article, paragraph) >= (floor.article, floor.paragraph)
        {
            return;
        }
        self.best.push(SegmentRanked {
            primary,
            score,
            article,
            paragraph,
            doc,
        });
        // Keep at most twice the limit, pruning in batches.
        if self.best.len() >= self.limit.saturating_mul(2) {
            self.best.sort_by(SegmentRanked::cmp_rank);
            self.best.truncate(self.limit);
            self.floor = self.best.last().copied();
        }
    }

    fn harvest(mut self) -> Vec<Ranked> {
        self.best.sort_by(SegmentRanked::cmp_rank);
        self.best.truncate(self.limit);
        self.best
            .into_iter()
            .map(|r| Ranked {
                primary: r.primary,
                score: r.score,
                article: r.article,
                paragraph: r.paragraph,
                address: DocAddress::new(self.segment, r.doc),
                articles: self.articles.clone(),
            })
            .collect()
    }
}

/// The best paragraph of one matching article, and how many of its paragraphs match.
pub(super) struct Grouped {
    pub(super) id: String,
    pub(super) primary: f64,
    pub(super) score: Score,
    pub(super) paragraph: u64,
    pub(super) address: DocAddress,
    pub(super) matches: u64,
}

impl Grouped {
    /// Better first: higher primary, then score, then the earlier paragraph.
    fn better_than(&self, other: &Grouped) -> bool {
        other
            .primary
            .total_cmp(&self.primary)
            .then_with(|| other.score.total_cmp(&self.score))
            .then_with(|| self.paragraph.cmp(&other.paragraph))
            .is_lt()
    }
}

/// Every matching article with its best paragraph (collapsing by article), in rank order:
/// primary, score, then article id and paragraph, as [`TopSorted`] orders paragraphs.
pub(super) struct ArticleBest {
    pub(super) sort: Sort,
    /// Groups wanted in order, from the first (offset + limit); the rest are only counted.
    pub(super) wanted: usize,
}

/// The best groups in rank order, and how many articles matched in all.
pub(super) struct RankedArticles {
    pub(super) top: Vec<Grouped>,
    pub(super) count: usize,
}

pub(super) struct ArticleBestSegment {
    sort: Sort,
    segment: SegmentOrdinal,
    articles: Option<tantivy::columnar::StrColumn>,
    paragraphs: tantivy::columnar::Column<u64>,
    dates: tantivy::columnar::Column<tantivy::DateTime>,
    /// Per article ordinal: (primary, score, paragraph, doc) of its best paragraph.
    best: Vec<Option<(f64, Score, u64, DocId)>>,
    counts: Vec<u64>,
}

impl Collector for ArticleBest {
    type Fruit = RankedArticles;
    type Child = ArticleBestSegment;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<ArticleBestSegment> {
        let fast = reader.fast_fields();
        let articles = fast.str(ARTICLE)?;
        let terms = articles.as_ref().map_or(0, |c| c.num_terms());
        Ok(ArticleBestSegment {
            sort: self.sort,
            segment,
            articles,
            paragraphs: fast.u64(PARAGRAPH)?,
            dates: fast.date(DATE)?,
            best: vec![None; terms],
            counts: vec![0; terms],
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, fruits: Vec<Vec<Grouped>>) -> tantivy::Result<RankedArticles> {
        // An article written by several indexing threads may sit in several segments; with
        // one segment holding matches, there is nothing to merge.
        let mut fruits: Vec<Vec<Grouped>> = fruits.into_iter().filter(|f| !f.is_empty()).collect();
        let mut all: Vec<Grouped> = if fruits.len() <= 1 {
            fruits.pop().unwrap_or_default()
        } else {
            merge_groups(fruits)
        };
        let count = all.len();
        let rank = |a: &Grouped, b: &Grouped| {
            b.primary
                .total_cmp(&a.primary)
                .then_with(|| b.score.total_cmp(&a.score))
                .then_with(|| a.id.cmp(&b.id))
                .then_with(|| a.paragraph.cmp(&b.paragraph))
        };
        // Only the wanted groups are put in order: a page of a query matching 60,000
        // articles sorts ten of them.
        if self.wanted < all.len() {
            all.select_nth_unstable_by(self.wanted, rank);
            all.truncate(self.wanted);
        }
        all.sort_unstable_by(rank);
        Ok(RankedArticles { top: all, count })
    }
}

/// One group per article id from the groups of several segments: the best paragraph of
/// all, and the matches of all added up.
fn merge_groups(fruits: Vec<Vec<Grouped>>) -> Vec<Grouped> {
    let capacity = fruits.iter().map(Vec::len).sum();
    let mut by_id: rustc_hash::FxHashMap<String, Grouped> =
        rustc_hash::FxHashMap::with_capacity_and_hasher(capacity, Default::default());
    for group in fruits.into_iter().flatten() {
        match by_id.get_mut(&group.id) {
            Some(kept) => {
                let matches = kept.matches + group.matches;
                if group.better_than(kept) {
                    *kept = group;
                }
                kept.matches = matches;
            }
            None => {
                by_id.insert(group.id.clone(), group);
            }
        }
    }
    by_id.into_values().collect()
}

impl SegmentCollector for ArticleBestSegment {
    type Fruit = Vec<Grouped>;

    fn collect(&mut self, doc: DocId, score: Score) {
        let Some(ord) = self.articles.as_ref().and_then(|c| c.term_ords(doc).next()) else {
            return;
        };
        let primary = primary(self.sort, &self.dates, doc);
        let paragraph = self.paragraphs.first(doc).unwrap_or(0);
        let slot = &mut self.best[ord as usize];
        let better = slot.is_none_or(|(p, s, n, _)| {
            primary
                .total_cmp(&p)
                .then_with(|| score.total_cmp(&s))
                .then_with(|| n.cmp(&paragraph))
                .is_gt()
        });
        if better {
            *slot = Some((primary, score, paragraph, doc));
        }
        self.counts[ord as usize] += 1;
    }

    fn harvest(self) -> Vec<Grouped> {
        let Some(column) = &self.articles else {
            return Vec::new();
        };
        let ords: Vec<u64> = (0..self.counts.len() as u64)
            .filter(|&ord| self.counts[ord as usize] > 0)
            .collect();
        decode_sorted(column, &ords)
            .into_iter()
            .zip(&ords)
            .filter_map(|(id, &ord)| {
                let (primary, score, paragraph, doc) = self.best[ord as usize]?;
                Some(Grouped {
                    id,
                    primary,
                    score,
                    paragraph,
                    address: DocAddress::new(self.segment, doc),
                    matches: self.counts[ord as usize],
                })
            })
            .collect()
    }
}

/// The terms of sorted, distinct ordinals, read in one pass over the dictionary (decoding
/// them one by one opens a decompressor for every one).
pub(super) fn decode_sorted(column: &tantivy::columnar::StrColumn, ords: &[u64]) -> Vec<String> {
    let mut out = Vec::with_capacity(ords.len());
    let _ = column.dictionary().sorted_ords_to_term_cb(ords, |bytes| {
        out.push(String::from_utf8_lossy(bytes).into_owned())
    });
    out
}

/// Adds up per-segment counts.
fn sum_counts<K: Ord>(fruits: Vec<BTreeMap<K, u64>>) -> BTreeMap<K, u64> {
    let mut all = BTreeMap::new();
    for fruit in fruits {
        for (key, n) in fruit {
            *all.entry(key).or_insert(0) += n;
        }
    }
    all
}

/// Counts matching documents per value of a string column (canonical speaker, outlet,
/// byline, section); `None` counts the documents with no value.
pub(super) struct FieldCounts {
    pub(super) field: &'static str,
}

pub(super) struct FieldCountsSegment {
    column: Option<tantivy::columnar::StrColumn>,
    counts: Vec<u64>,
    none: u64,
}

impl Collector for FieldCounts {
    type Fruit = BTreeMap<Option<String>, u64>;
    type Child = FieldCountsSegment;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<FieldCountsSegment> {
        let column = reader.fast_fields().str(self.field)?;
        let terms = column.as_ref().map_or(0, |c| c.num_terms());
        Ok(FieldCountsSegment {
            column,
            counts: vec![0; terms],
            none: 0,
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(
        &self,
        fruits: Vec<BTreeMap<Option<String>, u64>>,
    ) -> tantivy::Result<BTreeMap<Option<String>, u64>> {
        Ok(sum_counts(fruits))
    }
}

impl SegmentCollector for FieldCountsSegment {
    type Fruit = BTreeMap<Option<String>, u64>;

    fn collect(&mut self, doc: DocId, _: Score) {
        let mut any = false;
        if let Some(column) = &self.column {
            for ord in column.term_ords(doc) {
                self.counts[ord as usize] += 1;
                any = true;
            }
        }
        if !any {
            self.none += 1;
        }
    }

    fn harvest(self) -> BTreeMap<Option<String>, u64> {
        let mut out = BTreeMap::new();
        if self.none > 0 {
            out.insert(None, self.none);
        }
        let Some(column) = self.column else {
            return out;
        };
        let ords: Vec<u64> = (0..self.counts.len() as u64)
            .filter(|&ord| self.counts[ord as usize] > 0)
            .collect();
        for (name, ord) in decode_sorted(&column, &ords).into_iter().zip(&ords) {
            out.insert(Some(name), self.counts[*ord as usize]);
        }
        out
    }
}

/// Counts matching documents per day.
pub(super) struct DateCounts;

pub(super) struct DateCountsSegment {
    column: tantivy::columnar::Column<tantivy::DateTime>,
    counts: BTreeMap<i64, u64>,
}

impl Collector for DateCounts {
    type Fruit = BTreeMap<Date, u64>;
    type Child = DateCountsSegment;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<DateCountsSegment> {
        Ok(DateCountsSegment {
            column: reader.fast_fields().date(DATE)?,
            counts: BTreeMap::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(
        &self,
        fruits: Vec<BTreeMap<Date, u64>>,
    ) -> tantivy::Result<BTreeMap<Date, u64>> {
        Ok(sum_counts(fruits))
    }
}

impl SegmentCollector for DateCountsSegment {
    type Fruit = BTreeMap<Date, u64>;

    fn collect(&mut self, doc: DocId, _: Score) {
        if let Some(d) = self.column.first(doc) {
            *self
                .counts
                .entry(d.into_timestamp_secs().div_euclid(86_400))
                .or_insert(0) += 1;
        }
    }

    fn harvest(self) -> BTreeMap<Date, u64> {
        self.counts
            .into_iter()
            .map(|(day, n)| (Date::from_unix_seconds(day * 86_400), n))
            .collect()
    }
}
