//! Timelines: matching paragraphs per day, ISO week, month or year, as calendar buckets from
//! the first match to the last, empty ones included, so a chart of them has no gaps.

use serde::Serialize;

use super::SearchRequest;
use crate::dates::Date;
use crate::error::Result;
use crate::index::Index;

/// The size of a timeline's buckets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Period {
    /// Calendar days: `2025-03-14`.
    #[default]
    Day,
    /// ISO 8601 weeks, Monday to Sunday, numbered within their ISO year: `2025-W11`.
    Week,
    /// Calendar months: `2025-03`.
    Month,
    /// Calendar years: `2025`.
    Year,
}

/// One bucket of a timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Bucket {
    /// The bucket's name: `2025-03-14`, `2025-W11`, `2025-03` or `2025`.
    pub bucket: String,
    /// Its first day.
    #[serde(skip)]
    pub first: Date,
    /// Matching paragraphs dated within it.
    pub count: u64,
}

impl Period {
    /// The first day of the bucket holding `day`.
    fn start(self, day: Date) -> Date {
        match self {
            Period::Day => day,
            Period::Week => {
                let days = day.to_unix_seconds().div_euclid(86_400);
                Date::from_unix_seconds((days - weekday(days)) * 86_400)
            }
            Period::Month => Date::new(day.year(), day.month(), 1).unwrap_or(day),
            Period::Year => Date::new(day.year(), 1, 1).unwrap_or(day),
        }
    }

    /// The first day of the next bucket, if the calendar whosaid keeps goes that far.
    fn next(self, start: Date) -> Option<Date> {
        let next = match self {
            Period::Day => Some(start.next_day()),
            Period::Week => Some(Date::from_unix_seconds(
                start.to_unix_seconds() + 7 * 86_400,
            )),
            Period::Month if start.month() == 12 => Date::new(start.year() + 1, 1, 1),
            Period::Month => Date::new(start.year(), start.month() + 1, 1),
            Period::Year => Date::new(start.year() + 1, 1, 1),
        };
        next.filter(|d| d.year() <= Date::MAX_YEAR)
    }

    /// The name of the bucket starting on `start`.
    fn label(self, start: Date) -> String {
        match self {
            Period::Day => start.to_string(),
            Period::Week => {
                let (year, week) = iso_week(start);
                format!("{year:04}-W{week:02}")
            }
            Period::Month => format!("{:04}-{:02}", start.year(), start.month()),
            Period::Year => format!("{:04}", start.year()),
        }
    }
}

/// Monday 0 to Sunday 6, for days since 1970-01-01 (a Thursday).
fn weekday(days: i64) -> i64 {
    (days + 3).rem_euclid(7)
}

/// The ISO year and week number of `day`: the week belongs to the year of its Thursday.
fn iso_week(day: Date) -> (i32, i64) {
    let days = day.to_unix_seconds().div_euclid(86_400);
    let thursday = Date::from_unix_seconds((days - weekday(days) + 3) * 86_400);
    let jan1 = Date::new(thursday.year(), 1, 1)
        .map_or(thursday.to_unix_seconds(), |d| d.to_unix_seconds());
    let ordinal = (thursday.to_unix_seconds() - jan1) / 86_400;
    (thursday.year(), ordinal / 7 + 1)
}

/// Buckets from the one holding the first day of `days` to the one holding the last, with
/// the counts of `days` (sorted by day) added up in them.
pub(crate) fn buckets(days: &[(Date, u64)], period: Period) -> Vec<Bucket> {
    let (Some(&(first, _)), Some(&(last, _))) = (days.first(), days.last()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut start = period.start(first);
    let end = period.start(last);
    let mut days = days.iter().peekable();
    loop {
        let next = period.next(start);
        let mut count = 0;
        while let Some(&&(day, n)) = days.peek() {
            if next.is_some_and(|next| day >= next) {
                break;
            }
            count += n;
            days.next();
        }
        out.push(Bucket {
            bucket: period.label(start),
            first: start,
            count,
        });
        match next {
            Some(next) if start < end => start = next,
            _ => break,
        }
    }
    out
}

impl Index {
    /// Matching paragraphs per day, week, month or year: every bucket from the first match
    /// to the last, empty ones included (undated paragraphs are left out). The request's
    /// query and filters apply; its limit, offset and sort do not.
    ///
    /// # Errors
    /// As [`Index::search`].
    ///
    /// # Examples
    /// ```
    /// use whosaid::{Article, Date, Index, Input, Period, SearchRequest, UpdateOptions};
    /// let index = Index::create_in_ram();
    /// let day = |d| Date::new(2025, 3, d).unwrap();
    /// let articles = vec![
    ///     Article::new("a").with_date(day(3)).with_paragraph("Talks began."),
    ///     Article::new("b").with_date(day(20)).with_paragraph("Talks ended."),
    /// ];
    /// index.update(vec![Input::Articles { name: "doc".into(), articles }], &UpdateOptions::default())?;
    /// let weeks = index.timeline(&SearchRequest::new("talks"), Period::Week)?;
    /// let counts: Vec<(&str, u64)> = weeks.iter().map(|b| (b.bucket.as_str(), b.count)).collect();
    /// assert_eq!(counts, [("2025-W10", 1), ("2025-W11", 0), ("2025-W12", 1)]);
    /// # Ok::<(), whosaid::Error>(())
    /// ```
    pub fn timeline(&self, request: &SearchRequest, period: Period) -> Result<Vec<Bucket>> {
        Ok(buckets(&self.count_by_date(request)?, period))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u8, day: u8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn iso_weeks_at_the_edges_of_years() {
        for (day, expected) in [
            (d(2025, 3, 14), "2025-W11"),
            (d(2024, 12, 30), "2025-W01"),
            (d(2021, 1, 3), "2020-W53"),
            (d(2021, 1, 4), "2021-W01"),
            (d(2026, 12, 31), "2026-W53"),
            (d(2027, 1, 1), "2026-W53"),
            (d(1970, 1, 1), "1970-W01"),
            (d(1969, 12, 29), "1970-W01"),
        ] {
            assert_eq!(
                Period::Week.label(Period::Week.start(day)),
                expected,
                "{day}"
            );
        }
    }

    #[test]
    fn buckets_run_from_first_to_last_with_empty_ones() {
        let days = [
            (d(2024, 11, 30), 2),
            (d(2025, 2, 1), 1),
            (d(2025, 2, 28), 4),
        ];
        let months: Vec<(String, u64)> = buckets(&days, Period::Month)
            .into_iter()
            .map(|b| (b.bucket, b.count))
            .collect();
        assert_eq!(
            months,
            [
                ("2024-11".to_string(), 2),
                ("2024-12".to_string(), 0),
                ("2025-01".to_string(), 0),
                ("2025-02".to_string(), 5),
            ]
        );
        let years: Vec<u64> = buckets(&days, Period::Year)
            .iter()
            .map(|b| b.count)
            .collect();
        assert_eq!(years, [2, 5]);
        let daily = buckets(&days, Period::Day);
        assert_eq!(daily.len(), 91);
        assert_eq!(daily.iter().map(|b| b.count).sum::<u64>(), 7);
        assert!(buckets(&[], Period::Week).is_empty());
        // The last day whosaid keeps ends the calendar without overflow.
        let end = [(d(2261, 12, 31), 1)];
        assert_eq!(buckets(&end, Period::Year).len(), 1);
        assert_eq!(buckets(&end, Period::Day).len(), 1);
    }
}
