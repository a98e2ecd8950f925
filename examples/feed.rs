//! Feed articles from code and search them: build a few articles in memory, index them in
//! RAM, ask who said what about the river, then correct one article and update again.
//!
//! ```text
//! cargo run --example feed
//! ```
//!
//! The same calls work on an index folder: use `Index::open_or_create(dir)` instead of
//! `Index::create_in_ram()`.

use std::error::Error;

use whosaid::{Article, Date, Index, IndexReport, Input, SearchRequest, UpdateOptions};

fn main() -> Result<(), Box<dyn Error>> {
    let index = Index::create_in_ram();
    let report = index.update(feed(articles()), &UpdateOptions::default())?;
    print_report("first update", &report);

    // Who speaks about the river, and what did the mayor say?
    let about_river = SearchRequest::new("river").limit(10);
    for (speaker, paragraphs) in index.count_by_speaker(&about_river)? {
        println!("  {speaker}: {paragraphs} paragraph(s) about the river");
    }
    show(&index, &SearchRequest::new("river").speaker("Alvarez"))?;

    // The town hall piece is corrected: the mayor's quote changes, the rest stays.
    let mut corrected = articles();
    corrected[0] = town_hall(
        "\"The new bridge will open in June, not in May,\" Mayor Lucía Álvarez said on Tuesday.",
    );
    let report = index.update(feed(corrected.clone()), &UpdateOptions::default())?;
    print_report("after the correction", &report);
    show(&index, &SearchRequest::new("bridge").speaker("Alvarez"))?;

    // Feeding the same articles again changes nothing and writes nothing.
    let report = index.update(feed(corrected), &UpdateOptions::default())?;
    print_report("same articles again", &report);
    Ok(())
}

/// The articles as one input, named for messages.
fn feed(articles: Vec<Article>) -> Vec<Input> {
    vec![Input::Articles {
        name: "newsroom".into(),
        articles,
    }]
}

fn date(year: i32, month: u8, day: u8) -> Date {
    Date::new(year, month, day).expect("a real calendar date")
}

/// The town hall article, with `quote` as its second paragraph.
fn town_hall(quote: &str) -> Article {
    Article::new("town-hall-0412")
        .with_title("Mayor sets date for new river bridge")
        .with_source("Valley Courier")
        .with_date(date(2025, 4, 12))
        .with_paragraph(
            "Mayor Lucía Álvarez told a packed town hall on Monday that work on the river \
             bridge is ahead of schedule.",
        )
        .with_paragraph(quote)
        .with_paragraph(
            "Engineer Tomasz Nowak, who leads the site, was more careful. \"The river is still \
             high, and we do not pour concrete into a flood,\" he said.",
        )
}

/// Three short articles written for this example.
fn articles() -> Vec<Article> {
    vec![
        town_hall("\"The new bridge will open in May,\" Mayor Lucía Álvarez said."),
        Article::new("floods-0415")
            .with_title("River rises after three days of rain")
            .with_source("Valley Courier")
            .with_date(date(2025, 4, 15))
            .with_paragraph(
                "The river rose by two metres overnight, and the lower market was closed.",
            )
            .with_paragraph(
                "\"We have sandbags for every house on the bank,\" said fire chief Amara Osei. \
                 \"Nobody needs to leave yet.\"",
            )
            .with_paragraph(
                "Álvarez visited the market at noon. \"The bridge site is safe,\" she said.",
            ),
        Article::new("market-0420")
            .with_title("Traders count the cost of the flood")
            .with_source("Evening Ledger")
            .with_date(date(2025, 4, 20))
            .with_paragraph(
                "\"I lost a week of stock to the river,\" said Jonas Berg, who sells cheese.",
            )
            .with_paragraph("The council has promised help, but no figure has been named."),
    ]
}

/// Runs `request` and prints each hit with its date, speakers and snippet.
fn show(index: &Index, request: &SearchRequest) -> Result<(), Box<dyn Error>> {
    let results = index.search(request)?;
    println!(
        "search {:?} speakers {:?}: {} hit(s)",
        request.query, request.speakers, results.total
    );
    for hit in &results.hits {
        let date = hit.date.map_or("no date".to_string(), |d| d.to_string());
        println!(
            "  {date} {} ¶{} [{}]",
            hit.article,
            hit.paragraph,
            hit.speakers.join(", ")
        );
        println!("    {}", hit.snippet.text);
    }
    Ok(())
}

fn print_report(what: &str, report: &IndexReport) {
    println!(
        "{what}: {} added, {} updated, {} unchanged, {} paragraphs written, committed: {}",
        report.added, report.updated, report.unchanged, report.paragraphs, report.committed
    );
}
