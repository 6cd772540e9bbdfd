//! The `figures` stage on sentences written for these tests: at least sixty with
//! figures (every category, qualifier and claimant pattern) and twenty with
//! numbers that are not figures.

use dateline::record::{Figure, FigureCategory as C, Qualifier as Q};
use dateline::{Article, Date, Pipeline};

fn figures(text: &str) -> Vec<Figure> {
    let mut a = Article::from_body(text);
    a.published = Date::parse("2024-03-15");
    Pipeline::new().extract(a).figures
}

/// What a test expects of one figure.
struct Want {
    cat: C,
    value: Option<f64>,
    range: Option<(f64, f64)>,
    qual: Option<Q>,
    claimant: Option<&'static str>,
}

fn v(cat: C, value: f64) -> Want {
    Want { cat, value: Some(value), range: None, qual: None, claimant: None }
}
fn r(cat: C, low: f64, high: f64) -> Want {
    Want { cat, value: None, range: Some((low, high)), qual: None, claimant: None }
}
impl Want {
    fn q(mut self, q: Q) -> Want {
        self.qual = Some(q);
        self
    }
    fn by(mut self, c: &'static str) -> Want {
        self.claimant = Some(c);
        self
    }
}

fn check(text: &str, want: &[Want]) {
    let got = figures(text);
    let show = || {
        got.iter()
            .map(|f| format!("{:?} {:?} {:?}-{:?} {:?}", f.category, f.value, f.low, f.high, f.claimant))
            .collect::<Vec<_>>()
    };
    assert_eq!(got.len(), want.len(), "{text:?}: {:?}", show());
    for (f, w) in got.iter().zip(want) {
        assert_eq!(f.category, w.cat, "{text:?}: {:?}", show());
        if let Some(x) = w.value {
            assert_eq!(f.value, Some(x), "{text:?}: {:?}", show());
        }
        if let Some((lo, hi)) = w.range {
            assert_eq!((f.low, f.high), (Some(lo), Some(hi)), "{text:?}: {:?}", show());
        }
        if let Some(q) = w.qual {
            assert_eq!(f.qualifier, q, "{text:?}");
        }
        assert_eq!(f.claimant.as_ref().map(|c| c.name.as_str()), w.claimant, "{text:?}: {:?}", show());
    }
}

#[test]
fn killed() {
    check("The strike killed 14 people in the market.", &[v(C::Killed, 14.0).q(Q::Exact)]);
    check("At least 32 people were killed in the shelling.", &[v(C::Killed, 32.0).q(Q::AtLeast)]);
    check("The death toll rose to 212 on Friday.", &[v(C::Killed, 212.0)]);
    check("Nearly 20,000 people have died since the war began.", &[v(C::Killed, 20000.0).q(Q::Approx)]);
    check("Rescuers recovered 9 bodies from the rubble.", &[v(C::Killed, 9.0)]);
    check("Seven soldiers were killed and 12 wounded in the ambush.", &[v(C::Killed, 7.0), v(C::Injured, 12.0)]);
    check("The raid left five civilians dead.", &[v(C::Killed, 5.0)]);
    check("More than 1,500 people lost their lives in the floods and fighting.", &[v(C::Killed, 1500.0).q(Q::AtLeast)]);
    check("The bombing killed 40 people, including 11 children.", &[v(C::Killed, 40.0), v(C::Killed, 11.0)]);
    check("Dozens of fighters were killed in the clashes.", &[r(C::Killed, 24.0, 99.0).q(Q::Approx)]);
    check("Hundreds of civilians have been killed in the city.", &[r(C::Killed, 200.0, 999.0)]);
    check("Tens of thousands of people have died in the conflict.", &[r(C::Killed, 20000.0, 99999.0)]);
}

#[test]
fn injured_and_missing() {
    check("The blast injured 27 people.", &[v(C::Injured, 27.0)]);
    check("Around 60 people were wounded.", &[v(C::Injured, 60.0).q(Q::Approx)]);
    check("Twenty-five people were hurt when the bridge collapsed.", &[v(C::Injured, 25.0)]);
    check("At least 18 fishermen remain missing after the attack.", &[v(C::Missing, 18.0).q(Q::AtLeast)]);
    check("Some 300 people are still unaccounted for.", &[v(C::Missing, 300.0).q(Q::Approx)]);
}

#[test]
fn displaced() {
    check("The fighting has displaced 1.9 million people.", &[v(C::Displaced, 1_900_000.0)]);
    check("About 40,000 residents fled the town.", &[v(C::Displaced, 40_000.0).q(Q::Approx)]);
    check("The camp now shelters 85,000 refugees.", &[v(C::Displaced, 85_000.0)]);
    check("Up to 10,000 civilians were displaced by the offensive.", &[v(C::Displaced, 10_000.0).q(Q::AtMost)]);
    check("Thousands of families fled their homes.", &[r(C::Displaced, 2000.0, 9999.0)]);
}

#[test]
fn captives_and_prisoners() {
    check("Gunmen abducted 27 students from the school.", &[v(C::CaptivesTaken, 27.0)]);
    check("The militants took 240 hostages during the raid.", &[v(C::CaptivesTaken, 240.0)]);
    check("The group still holds 129 captives.", &[v(C::CaptivesHeld, 129.0)]);
    check("An estimated 130 hostages remain in captivity.", &[v(C::CaptivesHeld, 130.0).q(Q::Approx)]);
    check("The rebels freed 12 hostages on Sunday.", &[v(C::CaptivesReleased, 12.0)]);
    check("The group released 17 captives under the deal.", &[v(C::CaptivesReleased, 17.0)]);
    check("The government released 240 Palestinian prisoners.", &[v(C::PrisonersReleased, 240.0)]);
    check("Authorities freed 30 detainees in a goodwill gesture.", &[v(C::PrisonersReleased, 30.0)]);
    check("Israel holds about 7,000 Palestinian prisoners.", &[v(C::PrisonersHeld, 7000.0).q(Q::Approx)]);
    check("Hamas returned 100 Israelis and others taken captive in October.", &[v(C::CaptivesReleased, 100.0)]);
    check("More than 270 schoolgirls kidnapped last week were freed on Tuesday.", &[v(C::CaptivesReleased, 270.0)]);
}

#[test]
fn detained_and_aid() {
    check("Police arrested 45 protesters in the capital.", &[v(C::Detained, 45.0)]);
    check("Security forces detained at least 2,400 people.", &[v(C::Detained, 2400.0).q(Q::AtLeast)]);
    check("The raids led to the arrest of another five suspects.", &[v(C::Detained, 5.0)]);
    check("Some 200 trucks of aid entered the enclave.", &[v(C::Aid, 200.0).q(Q::Approx)]);
    check("The agency delivered food assistance to 1 million people.", &[v(C::Aid, 1_000_000.0)]);
}

#[test]
fn numbers_in_every_form() {
    check("The attack killed two dozen people.", &[v(C::Killed, 24.0)]);
    check("Militants killed a dozen villagers.", &[v(C::Killed, 12.0)]);
    check("The flood displaced a million people.", &[v(C::Displaced, 1_000_000.0)]);
    check("Between 30 and 40 people were killed.", &[r(C::Killed, 30.0, 40.0).q(Q::Range)]);
    check("A deal would free 30-40 hostages.", &[r(C::CaptivesReleased, 30.0, 40.0).q(Q::Range)]);
    check("Gunmen killed 30 to 40 villagers.", &[r(C::Killed, 30.0, 40.0)]);
    check("Several hundred people were detained.", &[r(C::Detained, 300.0, 999.0)]);
    check("Hundreds of thousands of people fled.", &[r(C::Displaced, 200_000.0, 999_999.0)]);
    check("Scores of protesters were arrested.", &[r(C::Detained, 40.0, 99.0)]);
    check("Fighting killed forty-two soldiers.", &[v(C::Killed, 42.0)]);
    check("Fewer than 100 people were injured.", &[v(C::Injured, 100.0).q(Q::AtMost)]);
    check("Over 500 attacks were recorded in 2024.", &[v(C::Other, 500.0).q(Q::AtLeast)]);
    check("The army deployed 3,000 troops to the border.", &[v(C::Other, 3000.0)]);
    check("Drones struck six villages overnight.", &[v(C::Other, 6.0)]);
    check("A third of the population has fled the region.", &[v(C::Displaced, 0.3333).q(Q::Approx)]);
    check("Half the residents were displaced by the floods.", &[v(C::Displaced, 0.5)]);
}

#[test]
fn claimants() {
    check("The attack killed 31 people, the health ministry said.", &[v(C::Killed, 31.0).by("the health ministry")]);
    check("According to the U.N., 2 million people have fled.", &[v(C::Displaced, 2_000_000.0).by("United Nations")]);
    check("At least 90 people were killed, according to local officials.", &[v(C::Killed, 90.0).by("local officials")]);
    check("The militants killed 1,200 people, Israel says.", &[v(C::Killed, 1200.0).by("Israel")]);
    check("The ministry said 14 soldiers were wounded.", &[v(C::Injured, 14.0).by("The ministry")]);
    check("“We freed 40 hostages,” the commander said.", &[v(C::CaptivesReleased, 40.0).by("the commander")]);
    check("Rebels said they had captured 60 soldiers.", &[v(C::CaptivesTaken, 60.0).by("Rebels")]);
    check("Local media reported that 8 people died.", &[v(C::Killed, 8.0).by("Local media")]);
    check("Security forces killed 26 militants.", &[v(C::Killed, 26.0)]);
}

#[test]
fn repeated_facts_count_once_with_any_claimant() {
    let text = "The raid killed 1,200 people. The attack, which killed 1,200 people, began at dawn, officials say.";
    check(text, &[v(C::Killed, 1200.0).by("officials")]);
}

#[test]
fn status() {
    let f = figures("Negotiators discussed a deal that would release 50 hostages.");
    assert_eq!(f[0].status, dateline::record::FigureStatus::Proposed);
    let f = figures("The group demanded the release of 300 prisoners.");
    assert_eq!(f[0].status, dateline::record::FigureStatus::Demanded);
    let f = figures("The strike killed 14 people.");
    assert_eq!(f[0].status, dateline::record::FigureStatus::Reported);
}

#[test]
fn numbers_that_are_not_figures() {
    for text in [
        "The war entered its 10th week on Monday.",
        "Talks resumed on March 3 in Doha.",
        "The ceasefire was signed in 2014.",
        "The meeting starts at 3:30 p.m.",
        "After 10 weeks of fighting, the town fell.",
        "A 12-year-old boy was hurt.",
        "The two sides met in Cairo.",
        "Prices rose by 40 percent.",
        "Unemployment hit 15% last year.",
        "The fund pledged $500 million for reconstruction.",
        "The convoy travelled 120 kilometers.",
        "Resolution No. 2334 was adopted by the council.",
        "Call 555-0134 for information.",
        "The team won 3-1 on Sunday.",
        "He met the envoy five times.",
        "The commander, 45, was promoted.",
        "Four nations signed the declaration.",
        "The third round of talks ended.",
        "Article 51 allows self-defense.",
        "The report runs to 300 pages.",
        "One official declined to comment.",
        "The ministers met on Tuesday, 12 March.",
    ] {
        let f = figures(text);
        assert!(f.is_empty(), "{text:?} gave {:?}", f.iter().map(|f| &f.text).collect::<Vec<_>>());
    }
}

#[test]
fn figures_link_the_place_the_sentence_locates_them_in() {
    let mut a = Article::from_body("Israel released 240 prisoners. The shelling killed 30 people in Khan Younis.");
    a.published = Date::parse("2024-03-15");
    let r = Pipeline::new().extract(a);
    assert_eq!(r.figures[0].place, None, "a place that acts is no location");
    let p = r.figures[1].place.as_deref().unwrap();
    assert_eq!(r.places.iter().find(|x| x.id == p).unwrap().name, "Khan Younis");
}

#[test]
fn figure_spans_and_links() {
    let text = "On Tuesday, the strike killed 14 people.";
    let mut a = Article::from_body(text);
    a.published = Date::parse("2024-03-15");
    let r = Pipeline::new().extract(a);
    let f = &r.figures[0];
    let chars: Vec<char> = text.chars().collect();
    assert_eq!(chars[f.span[0]..f.span[1]].iter().collect::<String>(), f.text);
    assert_eq!(f.text, "14 people");
    assert_eq!(f.subject.as_deref(), Some("people"));
    assert_eq!(f.date.as_deref(), Some("T1"));
    assert_eq!(r.times[0].value.as_deref(), Some("2024-03-12"));
}

#[test]
fn the_place_after_a_figure_is_where_it_happened() {
    let r = dateline::Pipeline::new().extract(dateline::Article::from_body(
        "Human Rights Watch, a group based in Geneva, said 30 civilians were killed in Khan Younis.",
    ));
    let f = &r.figures[0];
    let place = r.places.iter().find(|p| Some(&p.id) == f.place.as_ref()).map(|p| p.name.as_str());
    assert_eq!(place, Some("Khan Younis"));
}

#[test]
fn those_counted_who_hold_take_or_release_are_not_captives() {
    check("The two ministers agreed to hold a further round of talks.", &[]);
    check("Nine press groups called for the reporter's release.", &[]);
    check("Scores of traders held a sit-in on Monday.", &[]);
    // Unless the noun or a passive says they are held.
    check("Three soldiers were held at a checkpoint.", &[v(C::CaptivesHeld, 3.0)]);
    check("Four hostages agreed to be released first.", &[v(C::CaptivesReleased, 4.0)]);
}
