//! Date strings as news articles write them -> calendar dates. Pure: no I/O, no clock.
//!
//! Owns the forms whosaid understands (`2025-03-14`, RFC 3339 timestamps, `14 March 2025`,
//! `March 14, 2025`, `Mar 14 2025`, `14/03/2025` where unambiguous) and the rule that a date
//! without a year is never completed by guessing. It does not know where a date came from;
//! the article reader decides what to do with a [`Parsed::NoYear`].

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar date (proleptic Gregorian), printed as `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

impl Date {
    /// The earliest year a date may have: an index stores dates as nanoseconds since 1970
    /// in 64 bits, which reach back to September 1677.
    pub const MIN_YEAR: i32 = 1678;
    /// The latest year a date may have (the same limit reaches April 2262).
    pub const MAX_YEAR: i32 = 2261;

    /// The date for `year`, `month` (1-12) and `day`, if such a day exists and the year is
    /// within [`Date::MIN_YEAR`]..=[`Date::MAX_YEAR`].
    ///
    /// # Examples
    /// ```
    /// use whosaid::Date;
    /// assert!(Date::new(2024, 2, 29).is_some());
    /// assert!(Date::new(2025, 2, 29).is_none());
    /// ```
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let valid = (Date::MIN_YEAR..=Date::MAX_YEAR).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1-12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, 1-31.
    pub fn day(self) -> u8 {
        self.day
    }

    /// Seconds from the Unix epoch to midnight UTC at the start of this day.
    pub fn to_unix_seconds(self) -> i64 {
        days_from_civil(self.year, self.month, self.day) * 86_400
    }

    /// The UTC calendar date containing the Unix timestamp `seconds`.
    pub fn from_unix_seconds(seconds: i64) -> Date {
        let (year, month, day) = civil_from_days(seconds.div_euclid(86_400));
        Date { year, month, day }
    }

    /// The day after this one.
    pub fn next_day(self) -> Date {
        Date::from_unix_seconds(self.to_unix_seconds() + 86_400)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = String;

    /// Parses any form [`parse`] knows that carries a year.
    fn from_str(text: &str) -> Result<Date, String> {
        match parse(text) {
            Parsed::Date(date) => Ok(date),
            Parsed::NoYear { .. } => Err(format!("date `{text}` has no year")),
            Parsed::Ambiguous => Err(format!(
                "date `{text}` is ambiguous (day/month or month/day?); write it as YYYY-MM-DD"
            )),
            Parsed::Invalid => Err(format!(
                "`{text}` is not a date; write it as YYYY-MM-DD (years {} to {})",
                Date::MIN_YEAR,
                Date::MAX_YEAR
            )),
        }
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// What a date string turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Parsed {
    /// A full calendar date.
    Date(Date),
    /// A day and month with no year ("Mar 14"): complete it only from a year the user gives.
    NoYear {
        /// Month, 1-12.
        month: u8,
        /// Day of the month.
        day: u8,
    },
    /// Numeric day and month that could be either way round (`03/04/2025`).
    Ambiguous,
    /// Not a date whosaid understands.
    Invalid,
}

impl Parsed {
    /// The date, completing a missing year with `assume_year` when given.
    pub fn with_year(self, assume_year: Option<i32>) -> Option<Date> {
        match self {
            Parsed::Date(date) => Some(date),
            Parsed::NoYear { month, day } => Date::new(assume_year?, month, day),
            Parsed::Ambiguous | Parsed::Invalid => None,
        }
    }
}

/// Parses a date as news sites and front matter write it.
///
/// # Examples
/// ```
/// use whosaid::dates::{parse, Parsed};
/// use whosaid::Date;
/// let march_14 = Parsed::Date(Date::new(2025, 3, 14).unwrap());
/// assert_eq!(parse("March 14, 2025"), march_14);
/// assert_eq!(parse("2025-03-14T09:30:00+02:00"), march_14);
/// assert_eq!(parse("Mar 14"), Parsed::NoYear { month: 3, day: 14 });
/// ```
pub fn parse(text: &str) -> Parsed {
    let text = text.trim().trim_matches(|c| c == '"' || c == '\'');
    if text.is_empty() {
        return Parsed::Invalid;
    }
    if let Some(parsed) = parse_iso(text) {
        return parsed;
    }
    if let Some(parsed) = parse_numeric(text) {
        return parsed;
    }
    parse_words(text).unwrap_or(Parsed::Invalid)
}

/// `2025-03-14`, `2025/03/14`, and RFC 3339 timestamps: the calendar date as written,
/// whatever the offset, because that is the day the article says it was published.
fn parse_iso(text: &str) -> Option<Parsed> {
    let bytes = text.as_bytes();
    if bytes.len() < 10 || !bytes[..4].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let sep = bytes[4];
    if (sep != b'-' && sep != b'/') || bytes[7] != sep {
        return None;
    }
    // Byte 10 may fall inside a character ("2025-03-1é"): then this is no ISO date.
    let rest = text.get(10..)?;
    if !rest.is_empty() && !rest.starts_with(['T', 't', ' ']) {
        return None;
    }
    let year = text[..4].parse().ok()?;
    let month = text[5..7].parse().ok()?;
    let day = text[8..10].parse().ok()?;
    Some(Date::new(year, month, day).map_or(Parsed::Invalid, Parsed::Date))
}

/// `14/03/2025`, `3/14/2025`, `14.03.2025`: only when the numbers allow one reading.
fn parse_numeric(text: &str) -> Option<Parsed> {
    let parts: Vec<&str> = text.split(['/', '.', '-']).collect();
    if parts.len() != 3
        || !parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    if parts[2].len() != 4 || parts[0].len() > 2 || parts[1].len() > 2 {
        return Some(Parsed::Invalid);
    }
    let (a, b): (u8, u8) = (parts[0].parse().ok()?, parts[1].parse().ok()?);
    let year: i32 = parts[2].parse().ok()?;
    let (month, day) = match (a, b) {
        _ if a == b => (a, b),
        (a, b) if a > 12 => (b, a),
        (a, b) if b > 12 => (a, b),
        _ => return Some(Parsed::Ambiguous),
    };
    Some(Date::new(year, month, day).map_or(Parsed::Invalid, Parsed::Date))
}

/// Forms with a month name: `14 March 2025`, `March 14, 2025`, `Mar. 14 2025`,
/// `Friday, March 14, 2025`, `Mar 14` (no year), `14th of March, 2025`.
fn parse_words(text: &str) -> Option<Parsed> {
    let mut month = None;
    let mut numbers: Vec<u32> = Vec::new();
    for word in text
        .split(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .filter(|w| !w.is_empty())
    {
        let lower = word.to_ascii_lowercase();
        if let Some(m) = month_number(&lower) {
            if month.replace(m).is_some() {
                return None;
            }
        } else if let Some(n) = ordinal_number(&lower) {
            numbers.push(n);
        } else if weekday(&lower) || lower == "of" || lower == "the" {
            continue;
        } else {
            return None;
        }
    }
    let month = month?;
    let (day, year) = match numbers.as_slice() {
        [day] => (*day, None),
        [x, y] if *x > 31 => (*y, Some(*x)),
        [day, year] => (*day, Some(*year)),
        _ => return None,
    };
    let day = u8::try_from(day).ok()?;
    match year {
        None if (1..=days_in_month(2024, month)).contains(&day) => {
            Some(Parsed::NoYear { month, day })
        }
        None => Some(Parsed::Invalid),
        Some(year) if year < 1000 => Some(Parsed::Invalid),
        Some(year) => Some(
            Date::new(i32::try_from(year).ok()?, month, day).map_or(Parsed::Invalid, Parsed::Date),
        ),
    }
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn month_number(word: &str) -> Option<u8> {
    if word == "sept" {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| *m == word || (word.len() == 3 && m.starts_with(word)))
        .map(|i| i as u8 + 1)
}

fn ordinal_number(word: &str) -> Option<u32> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    let valid_suffix = matches!(suffix, "" | "st" | "nd" | "rd" | "th");
    if digits.is_empty() || !valid_suffix || digits.len() > 4 {
        return None;
    }
    digits.parse().ok()
}

fn weekday(word: &str) -> bool {
    const DAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    DAYS.iter()
        .any(|d| *d == word || (word.len() == 3 && d.starts_with(word)))
}

/// Seconds from the Unix epoch to midnight UTC starting `year-month-day`, for any year of
/// four digits (queries may name days outside [`Date::MIN_YEAR`]..=[`Date::MAX_YEAR`]).
pub(crate) fn civil_seconds(year: i32, month: u8, day: u8) -> Option<i64> {
    let valid = (1..=9999).contains(&year)
        && (1..=12).contains(&month)
        && day >= 1
        && day <= days_in_month(year, month);
    valid.then(|| days_from_civil(year, month, day) * 86_400)
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

// Howard Hinnant's days_from_civil / civil_from_days: exact for the proleptic Gregorian
// calendar, and small enough not to need a date crate for two conversions.
fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(days: i64) -> (i32, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u8, d: u8) -> Parsed {
        Parsed::Date(Date::new(y, m, d).unwrap())
    }

    #[test]
    fn parses_the_usual_forms() {
        let table = [
            ("2025-03-14", date(2025, 3, 14)),
            ("2025/03/14", date(2025, 3, 14)),
            ("2025-03-14T10:00:00Z", date(2025, 3, 14)),
            // The date as written, not shifted to UTC: that is the day the outlet printed.
            ("2025-03-14T23:30:00-05:00", date(2025, 3, 14)),
            ("14 March 2025", date(2025, 3, 14)),
            ("March 14, 2025", date(2025, 3, 14)),
            ("Mar 14 2025", date(2025, 3, 14)),
            ("Mar. 14, 2025", date(2025, 3, 14)),
            ("Friday, March 14, 2025", date(2025, 3, 14)),
            ("14th of March, 2025", date(2025, 3, 14)),
            ("Sept 3, 2024", date(2024, 9, 3)),
            ("2025 March 14", date(2025, 3, 14)),
            ("14/03/2025", date(2025, 3, 14)),
            ("3/14/2025", date(2025, 3, 14)),
            ("05/05/2025", date(2025, 5, 5)),
            ("14.03.2025", date(2025, 3, 14)),
        ];
        for (text, expected) in table {
            assert_eq!(parse(text), expected, "{text}");
        }
    }

    #[test]
    fn date_without_year_is_never_completed_silently() {
        assert_eq!(parse("Mar 14"), Parsed::NoYear { month: 3, day: 14 });
        assert_eq!(parse("14 March"), Parsed::NoYear { month: 3, day: 14 });
        assert_eq!(parse("Mar 14").with_year(None), None);
        assert_eq!(
            parse("Mar 14").with_year(Some(2025)),
            Date::new(2025, 3, 14)
        );
        // 29 February exists only in leap years.
        assert_eq!(parse("Feb 29").with_year(Some(2025)), None);
        assert_eq!(
            parse("Feb 29").with_year(Some(2024)),
            Date::new(2024, 2, 29)
        );
    }

    #[test]
    fn ambiguous_and_invalid_dates_are_refused() {
        assert_eq!(parse("03/04/2025"), Parsed::Ambiguous);
        for text in [
            "",
            "yesterday",
            "2025-02-30",
            "2025-13-01",
            "32 March 2025",
            "March 2025 14 15",
            "13/13/2025",
            "3 min read",
            "C MONEY",
        ] {
            assert!(
                matches!(parse(text), Parsed::Invalid | Parsed::Ambiguous),
                "{text}: {:?}",
                parse(text)
            );
        }
    }

    #[test]
    fn odd_characters_never_panic() {
        for text in [
            "2025-03-1é",
            "2025-03-é",
            "2025-0é-14",
            "é025-03-14",
            "2025-03-14é",
            "2025-03-1\u{0301}",
            "１２/３/２０２５",
            "14th of Märch",
            "99999999999999999999/1/2025",
        ] {
            let _ = parse(text);
        }
        assert_eq!(parse("2025-03-1é"), Parsed::Invalid);
    }

    #[test]
    fn years_beyond_what_an_index_stores_are_refused() {
        for text in ["2262-04-12", "1677-09-21", "3000-01-01", "14 March 9999"] {
            assert_eq!(parse(text), Parsed::Invalid, "{text}");
        }
        assert!(Date::new(Date::MIN_YEAR, 1, 1).is_some());
        assert!(Date::new(Date::MAX_YEAR, 12, 31).is_some());
    }

    #[test]
    fn unix_seconds_round_trip() {
        let d = Date::new(2025, 3, 14).unwrap();
        assert_eq!(d.to_unix_seconds(), 1_741_910_400);
        assert_eq!(Date::from_unix_seconds(1_741_910_400 + 3600), d);
        assert_eq!(Date::new(1969, 12, 31).unwrap().to_unix_seconds(), -86_400);
        assert_eq!(d.next_day(), Date::new(2025, 3, 15).unwrap());
        assert_eq!(
            Date::new(2024, 12, 31).unwrap().next_day(),
            Date::new(2025, 1, 1).unwrap()
        );
    }

    #[test]
    fn serde_uses_iso_strings() {
        let d = Date::new(2025, 3, 14).unwrap();
        assert_eq!(serde_json::to_string(&d).unwrap(), "\"2025-03-14\"");
        let back: Date = serde_json::from_str("\"2025-03-14\"").unwrap();
        assert_eq!(back, d);
        assert!(serde_json::from_str::<Date>("\"Mar 14\"").is_err());
    }
}
