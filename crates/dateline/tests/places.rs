//! The `places` stage on passages written for these tests.

use dateline::record::{Place, PlaceFeature};
use dateline::{Article, Pipeline};

fn places(text: &str) -> Vec<Place> {
    Pipeline::new().extract(Article::from_body(text)).places
}

fn names(text: &str) -> Vec<String> {
    places(text).into_iter().map(|p| p.name).collect()
}

#[test]
fn countries_cities_and_conflict_places_with_coordinates() {
    let ps = places(
        "Envoys from Qatar and Egypt met in Warsaw before flying to Doha. Strikes hit Khan Younis in the Gaza Strip.",
    );
    let got: Vec<(&str, PlaceFeature, Option<&str>)> =
        ps.iter().map(|p| (p.name.as_str(), p.feature, p.country.as_deref())).collect();
    assert_eq!(
        got,
        [
            ("Qatar", PlaceFeature::Country, Some("QAT")),
            ("Egypt", PlaceFeature::Country, Some("EGY")),
            ("Warsaw", PlaceFeature::City, Some("POL")),
            ("Doha", PlaceFeature::City, Some("QAT")),
            ("Khan Younis", PlaceFeature::City, Some("PSE")),
            ("Gaza Strip", PlaceFeature::Region, Some("PSE")),
        ]
    );
    let warsaw = &ps[2];
    assert!((warsaw.lat.unwrap() - 52.23).abs() < 0.01 && (warsaw.lon.unwrap() - 21.01).abs() < 0.01);
    assert_eq!(warsaw.geonames_id, Some(756135));
}

#[test]
fn mentions_are_grouped_and_short_forms_resolve() {
    let ps = places("The U.S. envoy left the United States on Monday. Cairo said Cairo would host.");
    assert_eq!(ps[0].name, "United States");
    assert_eq!(ps[0].mentions.len(), 2);
    assert_eq!(ps[1].name, "Cairo");
    assert_eq!(ps[1].mentions.len(), 2);
    let text = "The U.S. envoy left the United States on Monday. Cairo said Cairo would host.";
    let chars: Vec<char> = text.chars().collect();
    let [a, b] = ps[0].mentions[0];
    assert_eq!(chars[a..b].iter().collect::<String>(), "U.S.");
}

#[test]
fn names_of_people_and_outlets_are_not_places() {
    assert!(names("Florence Ozor spoke to The Washington Post on Monday.").is_empty());
    assert!(names("March was a hard month, said Victoria Nuland.").is_empty());
}

#[test]
fn the_article_s_countries_pick_the_town() {
    // Two towns called Tripoli: the one in the country the article names.
    assert_eq!(places("Clashes broke out in Tripoli, in northern Lebanon.")[0].country.as_deref(), Some("LBN"));
    assert_eq!(places("Militias fought in Tripoli, the capital of Libya.")[0].country.as_deref(), Some("LBY"));
}
