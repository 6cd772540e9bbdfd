//! The `times` stage on sentences written for these tests, each resolved against
//! a publication date (Wednesday 20 December 2023 unless stated).

use dateline::{Article, Date, Pipeline};

/// (text, value) of every time expression found.
fn times_on(published: Option<&str>, text: &str) -> Vec<(String, Option<String>)> {
    let mut a = Article::from_body(text);
    a.published = published.and_then(Date::parse);
    let r = Pipeline::new().extract(a);
    r.times.into_iter().map(|t| (t.text, t.value)).collect()
}

fn times(text: &str) -> Vec<(String, Option<String>)> {
    times_on(Some("2023-12-20"), text)
}

fn check(text: &str, expected: &[(&str, &str)]) {
    let got = times(text);
    let want: Vec<(String, Option<String>)> =
        expected.iter().map(|(t, v)| (t.to_string(), Some(v.to_string()))).collect();
    assert_eq!(got, want, "in {text:?}");
}

#[test]
fn explicit_dates() {
    check(
        "The truce ran from November 24 to December 1.",
        &[("November 24", "2023-11-24"), ("December 1", "2023-12-01")],
    );
    check("It was signed on 1 December 2022 in Doha.", &[("1 December 2022", "2022-12-01")]);
    check("Talks opened Dec. 4, 2023, in Geneva.", &[("Dec. 4, 2023", "2023-12-04")]);
    check("The vote is set for 2024-01-15.", &[("2024-01-15", "2024-01-15")]);
    check("The order was dated 12/1/2023.", &[("12/1/2023", "2023-12-01")]);
    check("Fighting resumed on Friday, Oct. 13, 2023.", &[("Friday, Oct. 13, 2023", "2023-10-13")]);
}

#[test]
fn months_years_decades_seasons_quarters() {
    check("The siege began in March 2022.", &[("March 2022", "2022-03")]);
    check("Elections were held in 2014.", &[("2014", "2014")]);
    check("The war of the 1990s left scars.", &[("the 1990s", "199")]);
    check("A new offensive is expected in the spring of 2024.", &[("the spring of 2024", "2024-SP")]);
    check("Exports fell in the third quarter.", &[("the third quarter", "2023-Q3")]);
    check("Prices rose between 2014-2016.", &[("2014-2016", "2014")]);
    check("Fighting intensified in mid-December.", &[("mid-December", "2023-12")]);
    check("Aid is promised for early 2024.", &[("early 2024", "2024")]);
}

#[test]
fn dates_without_a_year_take_the_nearest_reading_that_fits_the_tense() {
    // Past clause: the October before the publication date.
    check("Hamas attacked on October 7.", &[("October 7", "2023-10-07")]);
    // Future clause: the next January.
    check("The envoys will meet again on January 10.", &[("January 10", "2024-01-10")]);
    check("The deadline runs until Feb. 1.", &[("Feb. 1", "2024-02-01")]);
    check("Talks collapsed in November.", &[("November", "2023-11")]);
}

#[test]
fn weekdays_follow_the_tense() {
    check("Haniyeh arrived in Cairo on Wednesday.", &[("Wednesday", "2023-12-20")]);
    check("Netanyahu spoke on Tuesday.", &[("Tuesday", "2023-12-19")]);
    check("Officials met on Monday in Warsaw.", &[("Monday", "2023-12-18")]);
    check("The council will vote on Friday.", &[("Friday", "2023-12-22")]);
    check("He spoke on Tuesday night.", &[("Tuesday night", "2023-12-19TNI")]);
    check("They met last Monday.", &[("last Monday", "2023-12-18")]);
    check("They meet next Monday.", &[("next Monday", "2023-12-25")]);
}

#[test]
fn relative_expressions() {
    check("The strike happened yesterday.", &[("yesterday", "2023-12-19")]);
    check("A vote is due tomorrow.", &[("tomorrow", "2023-12-21")]);
    check("Shelling continued this morning.", &[("this morning", "2023-12-20TMO")]);
    check("Two days ago the convoy left.", &[("Two days ago", "2023-12-18")]);
    check("The envoy visited last week.", &[("last week", "2023-W50")]);
    check("Talks resume next month.", &[("next month", "2024-01")]);
    check("Attacks rose earlier this month.", &[("earlier this month", "2023-12")]);
    check("Elections were held last year.", &[("last year", "2022")]);
    check("Progress is expected in the coming days.", &[("the coming days", "FUTURE_REF")]);
    check("The sides have recently relaunched talks.", &[("recently", "PAST_REF")]);
    check("Talks are now underway.", &[("now", "PRESENT_REF")]);
}

#[test]
fn durations() {
    check("after 10 weeks of war", &[("10 weeks", "P10W")]);
    check("The siege lasted more than two years.", &[("more than two years", "P2Y")]);
    check("a 24-hour pause", &[("24-hour", "PT24H")]);
    check("a two-year truce", &[("two-year", "P2Y")]);
    check("nearly forty years of occupation", &[("nearly forty years", "P40Y")]);
    check("Officials are eyeing more months of combat.", &[("months", "PXM")]);
    check("The past three months were the deadliest.", &[("The past three months", "P3M")]);
    check("for a year and a half", &[("a year and a half", "P1Y6M")]);
}

#[test]
fn times_of_day_and_sets() {
    check("The blast came at 3 p.m.", &[("3 p.m.", "2023-12-20T15:00")]);
    check("Sirens sounded at 16:08 UTC.", &[("16:08 UTC", "2023-12-20T16:08Z")]);
    check("Convoys enter daily.", &[("daily", "P1D")]);
    check("They meet every Monday.", &[("every Monday", "XXXX-WXX-1")]);
}

#[test]
fn not_times() {
    check("A 12-year-old boy was among 2,000 people hurt.", &[]);
    check("The soldiers may march at dawn.", &[]);
    check("Troops were 10 years old.", &[]);
}

#[test]
fn no_publication_date_means_no_guess() {
    let got = times_on(None, "Officials met on Monday and again in 2019.");
    assert_eq!(got[0], ("Monday".to_string(), None));
    assert_eq!(got[1], ("2019".to_string(), Some("2019".to_string())));
    let mut a = Article::from_body("They met on Monday.");
    a.published = None;
    let r = Pipeline::new().extract(a);
    assert_eq!(r.times[0].reason.as_deref(), Some("no publication date to resolve against"));
}

#[test]
fn times_are_queryable_by_sentence() {
    let mut a = Article::from_body("Talks began on Monday. No date here. They resume on Friday, officials said.");
    a.published = Date::parse("2023-12-20");
    let doc = Pipeline::new().annotate(a);
    assert_eq!(doc.times_in_sentence(0).len(), 1);
    assert!(doc.times_in_sentence(1).is_empty());
    assert_eq!(doc.times_in_sentence(2).len(), 1);
    let s = doc.sentences[2];
    assert_eq!(doc.times_between(s.start as usize, s.end as usize).len(), 1);
}

#[test]
fn clock_times_join_their_day() {
    check("The strike came at 10 p.m. Tuesday.", &[("10 p.m. Tuesday", "2023-12-19T22:00")]);
    check("They met on Monday at noon.", &[("Monday at noon", "2023-12-18T12:00")]);
}

#[test]
fn the_fall_of_a_town_is_no_season() {
    let r = dateline::Pipeline::new().extract({
        let mut a =
            dateline::Article::from_body("She called the fall of the town a loss. Talks resume in the fall of 2025.");
        a.published = dateline::Date::parse("2025-03-04");
        a
    });
    let values: Vec<_> = r.times.iter().map(|t| t.value.clone()).collect();
    assert_eq!(values, [Some("2025-FA".to_string())]);
}

#[test]
fn a_year_earlier_counts_back_from_the_dateline() {
    let r = dateline::Pipeline::new().extract({
        let mut a = dateline::Article::from_body(
            "Profit rose to $2 million from $1.5 million a year earlier. Talks had ended two days earlier.",
        );
        a.published = dateline::Date::parse("1998-02-06");
        a
    });
    let got: Vec<(&str, Option<&str>)> = r.times.iter().map(|t| (t.text.as_str(), t.value.as_deref())).collect();
    assert_eq!(got[0], ("a year earlier", Some("1997")));
    assert!(got.iter().all(|(t, v)| *t != "two days earlier" || *v != Some("1998-02-04")), "{got:?}");
}

#[test]
fn the_reference_time_anchors_following_previous_and_that() {
    check(
        "The militia seized the port in March 2021. The following month it lost the airport.",
        &[("March 2021", "2021-03"), ("The following month", "2021-04")],
    );
    check(
        "The accord was signed in 2016. Fighting resumed the following year, and by the end of that year \
         the town had fallen.",
        &[("2016", "2016"), ("the following year", "2017"), ("the end of that year", "2017")],
    );
    check(
        "Envoys met in Doha on November 14, 2022. The day before, a drone had struck the convoy.",
        &[("November 14, 2022", "2022-11-14"), ("The day before", "2022-11-13")],
    );
    // With no earlier date, "the following week" counts from the dateline and
    // "that year" has no value.
    check("Talks will resume the following week.", &[("the following week", "2023-W52")]);
    let got = times("Nobody knew what that year would bring.");
    assert_eq!(got, vec![("that year".to_string(), None)]);
}

#[test]
fn quarters_named_by_the_text() {
    // A report on quarterly results, published 20 December 2023.
    check(
        "The ministry's arms exports rose 12% in the third quarter from a year ago. Spending in the \
         quarter fell, and the year-earlier period had been weaker.",
        &[
            ("the third quarter", "2023-Q3"),
            ("a year ago", "2022-Q3"),
            ("the quarter", "2023-Q3"),
            ("the year-earlier period", "2022-Q3"),
        ],
    );
    check(
        "Output in the 2021 second quarter was double that of next year's first quarter.",
        &[("the 2021 second quarter", "2021-Q2"), ("next year's first quarter", "2024-Q1")],
    );
    check("Revenue in the latest quarter rose.", &[("the latest quarter", "2023-Q3")]);
    // Without a quarter in the text, "the quarter" is a district and "a year ago" a year.
    check("Shelling hit the Christian quarter a year ago.", &[("a year ago", "2022")]);
}

#[test]
fn a_participle_after_a_modal_is_future() {
    // Published 26 October: "will be paid Dec. 14" is this December, not last.
    let got = times_on(Some("2023-10-26"), "The compensation will be paid Dec. 14, the ministry said.");
    assert_eq!(got, vec![("Dec. 14".to_string(), Some("2023-12-14".to_string()))]);
    let got = times_on(Some("2023-10-26"), "The ministry said the aid was delivered Feb. 14.");
    assert_eq!(got, vec![("Feb. 14".to_string(), Some("2023-02-14".to_string()))]);
    // A past clause about a day ten months back, when the same day is weeks away:
    // the tense is the report's ("was extended to Nov. 20"), and the day is next month's.
    let got = times_on(Some("2023-10-26"), "The deadline was extended to Nov. 20.");
    assert_eq!(got, vec![("Nov. 20".to_string(), Some("2023-11-20".to_string()))]);
    // Months likewise: one of the next two is this year's, a later one last year's.
    let got = times_on(Some("2023-10-26"), "Officials agreed to hold the vote in December.");
    assert_eq!(got, vec![("December".to_string(), Some("2023-12".to_string()))]);
    let got = times_on(Some("2023-08-26"), "The rebels took the town in December.");
    assert_eq!(got, vec![("December".to_string(), Some("2022-12".to_string()))]);
}

#[test]
fn seasons_counted_from_the_dateline() {
    // Published 20 December 2023: the spring that is over is this year's, the
    // next spring next year's; "this past summer" is the summer just gone.
    check("Fighting eased last spring.", &[("last spring", "2023-SP")]);
    check("It held this past summer.", &[("this past summer", "2023-SU")]);
    check("A new push is expected next spring.", &[("next spring", "2024-SP")]);
    check("Aid ran short last winter.", &[("last winter", "2022-WI")]);
}

#[test]
fn spoken_years_decades_and_vague_counts() {
    check("The camp opened in nineteen ninety-six.", &[("nineteen ninety-six", "1996")]);
    check("It was due by the year two thousand.", &[("the year two thousand", "2000")]);
    check("The feud dates to the nineties.", &[("the nineties", "199")]);
    check("Exiles have lived there since the mid-1990s.", &[("the mid-1990s", "199")]);
    check("Rebuilding took a couple of years.", &[("a couple of years", "P2Y")]);
    check("Talks could take the next couple of months.", &[("the next couple of months", "P2M")]);
    check("The siege lasted 2 1/2 years.", &[("2 1/2 years", "P2Y6M")]);
    check("The market shut for eight trading days.", &[("eight trading days", "P8D")]);
    // Counts that are no years.
    check("Two thousand people fled and nineteen died.", &[]);
}

#[test]
fn holidays_on_a_weekday_and_local_zones() {
    check("Families gathered on Thanksgiving.", &[("Thanksgiving", "2023-11-23")]);
    check("The deadline is 5 p.m. EST, Dec. 22.", &[("5 p.m. EST, Dec. 22", "2023-12-22T17:00")]);
}

#[test]
fn ranges_carry_their_end() {
    // The two ends stay two expressions (as TIMEX3 has them); the first carries `end`.
    let ends = |text: &str| -> Vec<(String, Option<String>, Option<String>)> {
        let mut a = Article::from_body(text);
        a.published = Date::parse("2023-12-20");
        Pipeline::new().extract(a).times.into_iter().map(|t| (t.text, t.value, t.end)).collect()
    };
    let s = |x: &str| Some(x.to_string());
    assert_eq!(
        ends("The truce ran from November 24 to December 1."),
        vec![("November 24".into(), s("2023-11-24"), s("2023-12-01")), ("December 1".into(), s("2023-12-01"), None)]
    );
    assert_eq!(
        ends("Between 2014 and 2016 the front barely moved."),
        vec![("2014".into(), s("2014"), s("2016")), ("2016".into(), s("2016"), None)]
    );
    assert_eq!(
        ends("The truce ran November 24-30."),
        vec![("November 24-30".into(), s("2023-11-24"), s("2023-11-30"))]
    );
    assert_eq!(ends("Shelling peaked 3-9 May 2022."), vec![("3-9 May 2022".into(), s("2022-05-03"), s("2022-05-09"))]);
    assert_eq!(ends("He led the army 2014-2016."), vec![("2014-2016".into(), s("2014"), s("2016"))]);
    // Two dates that are no range.
    assert_eq!(
        ends("Talks began on November 24 and ended on December 1."),
        vec![("November 24".into(), s("2023-11-24"), None), ("December 1".into(), s("2023-12-01"), None)]
    );
}

#[test]
fn a_clock_time_falls_on_the_day_last_named() {
    check(
        "The convoy was hit on December 12. The first strike came at 10 p.m.",
        &[("December 12", "2023-12-12"), ("10 p.m.", "2023-12-12T22:00")],
    );
    check(
        "Fighting broke out yesterday. By 6 a.m. the town had fallen.",
        &[("yesterday", "2023-12-19"), ("6 a.m.", "2023-12-19T06:00")],
    );
    // With no day named, the dateline's.
    check("The curfew starts at 9 p.m.", &[("9 p.m.", "2023-12-20T21:00")]);
}

#[test]
fn rates_are_sets_and_look_alikes_are_not_times() {
    check("Aid costs $500 million a year.", &[("a year", "P1Y")]);
    check("Four convoys a week cross the border.", &[("a week", "P1W")]);
    check("A second group of envoys arrived.", &[]);
    check("Roughly a quarter come from Darfur and three quarters of them are children.", &[]);
    check("He spoke to 60 Minutes.", &[]);
    let got = Pipeline::new().extract({
        let mut a = Article::from_body("Four convoys a week cross the border.");
        a.published = Date::parse("2023-12-20");
        a
    });
    assert_eq!(got.times[0].kind, dateline::record::TimeType::Set);
}
