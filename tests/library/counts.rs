//! Counts by speaker and by date.

use super::*;

#[test]
fn count_by_speaker_counts_paragraphs_most_first() {
    let index = corpus_index();
    let all = index.count_by_speaker(&SearchRequest::new("")).unwrap();
    assert_eq!(
        all,
        [
            ("Jane Roe".to_string(), 3),
            ("Omar Haddad".to_string(), 2),
            ("Mary Major".to_string(), 1),
        ]
    );
    let ceasefire = index
        .count_by_speaker(&SearchRequest::new("ceasefire"))
        .unwrap();
    assert_eq!(ceasefire, [("Jane Roe".to_string(), 3)]);
    let planet = index
        .count_by_speaker(&SearchRequest::new("").source("Daily Planet"))
        .unwrap();
    assert_eq!(
        planet,
        [
            ("Jane Roe".to_string(), 2),
            ("Mary Major".to_string(), 1),
            ("Omar Haddad".to_string(), 1),
        ]
    );
}

#[test]
fn count_by_date_counts_paragraphs_per_day_in_order() {
    let index = corpus_index();
    let all = index.count_by_date(&SearchRequest::new("")).unwrap();
    assert_eq!(
        all,
        [
            (date(2025, 3, 1), 2),
            (date(2025, 3, 5), 2),
            (date(2025, 3, 10), 2),
        ]
    );
    let roe = index
        .count_by_date(&SearchRequest::new("").speaker("Jane Roe"))
        .unwrap();
    assert_eq!(
        roe,
        [
            (date(2025, 3, 1), 1),
            (date(2025, 3, 5), 1),
            (date(2025, 3, 10), 1),
        ]
    );
    let march_5_on = index
        .count_by_date(&SearchRequest::new("").dates(Some(date(2025, 3, 5)), None))
        .unwrap();
    assert_eq!(march_5_on, [(date(2025, 3, 5), 2), (date(2025, 3, 10), 2)]);
}

#[test]
fn counts_reject_bad_queries_like_search() {
    let index = corpus_index();
    assert!(matches!(
        index.count_by_speaker(&SearchRequest::new("Roe AND (")),
        Err(Error::BadQuery { .. })
    ));
    assert!(matches!(
        index.count_by_date(&SearchRequest::new("Roe AND (")),
        Err(Error::BadQuery { .. })
    ));
}
