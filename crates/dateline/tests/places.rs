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

#[test]
fn users_add_places_of_their_own() {
    let places = "# villages the built-in gazetteer lacks\n\
                  Port Halden\tcity\tXMR\t12.5\t-40.25\tHalden\n\
                  Marenia\tregion\tXMR\t11.0\t-41.0\n";
    let p = Pipeline::new().with_places(&[("villages.tsv".into(), places.into())]).unwrap();
    let r = p.extract(Article::from_body(
        "Shelling hit Port Halden on Monday. Residents fled Halden for the hills of Marenia.",
    ));
    let names: Vec<(&str, Option<f64>)> = r.places.iter().map(|p| (p.name.as_str(), p.lat)).collect();
    assert_eq!(names, [("Port Halden", Some(12.5)), ("Marenia", Some(11.0))]);
    assert_eq!(r.places[0].mentions.len(), 2);
    assert_eq!(r.places[0].country.as_deref(), Some("XMR"));
    // The built-in pipeline does not know them.
    assert!(Pipeline::new().extract(Article::from_body("Shelling hit Port Halden on Monday.")).places.is_empty());
    // Errors name the file and line.
    let bad = Pipeline::new().with_places(&[("v.tsv".into(), "# c\nX\tcity\tXMR\t95\t0\n".into())]);
    assert!(bad.err().unwrap().starts_with("v.tsv:2: coordinates"));
    let bad = Pipeline::new().with_places(&[("v.tsv".into(), "X\ttown\tXMR\t1\t1\n".into())]);
    assert!(bad.err().unwrap().contains("v.tsv:1: feature 'town'"));
}

#[test]
fn a_country_name_among_another_countrys_regions_is_that_region() {
    let r = Pipeline::new().extract(Article::from_body(
        "The recall covers Alabama, Arizona, Georgia and Idaho, U.S. officials said. Georgia and Armenia held talks.",
    ));
    let georgia = |k: usize| r.places.iter().filter(|p| p.name == "Georgia").nth(k).map(|p| p.country.clone());
    assert_eq!(georgia(0), Some(Some("USA".to_string())));
    assert!(r.places.iter().any(|p| p.name == "Georgia" && p.country.as_deref() == Some("GEO")));
}

#[test]
fn a_place_written_without_its_accents() {
    let r = Pipeline::new().extract(Article::from_body("He spent a night in a Montreal jail before flying to Bogota."));
    let names: Vec<&str> = r.places.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Montréal", "Bogotá"]);
}

#[test]
fn namesakes_ranked_by_own_name_size_and_capital() {
    // The state named Florida, not Floridablanca (Colombia), which lists "Florida"
    // among its variants; Washington the capital, not the state.
    let ps = places("Storms hit Florida, and officials in Washington promised aid.");
    let got: Vec<(&str, PlaceFeature, Option<&str>)> =
        ps.iter().map(|p| (p.name.as_str(), p.feature, p.country.as_deref())).collect();
    assert_eq!(got, [("Florida", PlaceFeature::Region, Some("USA")), ("Washington", PlaceFeature::City, Some("USA"))]);
    let dc = &ps[1];
    assert!((dc.lat.unwrap() - 38.9).abs() < 0.2 && (dc.lon.unwrap() + 77.0).abs() < 0.2);
}

#[test]
fn a_place_before_a_title_or_a_civic_word_stays_a_place() {
    // ("Seoul City Hall" is a facility in Seoul: Seoul's country and point.)
    let ps = places("Crowds filled the plaza in front of Seoul City Hall.");
    assert_eq!((ps[0].name.as_str(), ps[0].country.as_deref()), ("Seoul City Hall", Some("KOR")));
    assert_eq!(names("Crowds gathered at Seoul City Council's offices."), ["Seoul"]);
    assert_eq!(names("Texas Senator Ted Cruz spoke."), ["Texas"]);
    assert_eq!(names("The Toronto area saw snow."), ["Toronto"]);
    // After a given name a town's name is a surname.
    assert!(names("Michael Jordan and Victoria Nuland met.").is_empty());
}

#[test]
fn a_city_called_by_the_first_part_of_its_name() {
    let ps = places("The A380 flew from Frankfurt to Chicago.");
    assert_eq!((ps[0].name.as_str(), ps[0].country.as_deref()), ("Frankfurt am Main", Some("DEU")));
}

#[test]
fn state_and_province_abbreviations() {
    let ps = places("LOUISVILLE, Ky. (AP) -- Officials in Vancouver, B.C., agreed.");
    let got: Vec<(&str, Option<&str>)> = ps.iter().map(|p| (p.name.as_str(), p.country.as_deref())).collect();
    assert_eq!(
        got,
        [
            ("Louisville", Some("USA")),
            ("Kentucky", Some("USA")),
            ("Vancouver", Some("CAN")),
            ("British Columbia", Some("CAN"))
        ]
    );
}

#[test]
fn facilities_are_placed_by_the_place_that_locates_them() {
    let ps = places(
        "Troops raided Al-Shifa Hospital in Gaza City. Flights resumed at London Heathrow Airport. \
         Protesters gathered outside the U.S. Embassy. The Carter Center said it was worried.",
    );
    let got: Vec<(&str, PlaceFeature, Option<&str>)> =
        ps.iter().map(|p| (p.name.as_str(), p.feature, p.country.as_deref())).collect();
    assert!(got.contains(&("Al-Shifa Hospital", PlaceFeature::Other, Some("PSE"))), "{got:?}");
    assert!(got.contains(&("London Heathrow Airport", PlaceFeature::Other, Some("GBR"))), "{got:?}");
    // A place inside a facility's name is no place of its own.
    assert!(!got.iter().any(|g| g.0 == "London"), "{got:?}");
    // An embassy with no place after it, and an organization named a "Center", are no places.
    assert!(!got.iter().any(|g| g.0.contains("Embassy") || g.0.contains("Carter")), "{got:?}");
    let hospital = ps.iter().find(|p| p.name == "Al-Shifa Hospital").unwrap();
    assert!(hospital.lat.is_some() && hospital.geonames_id.is_none());
}

#[test]
fn a_country_name_after_a_title_opens_a_persons_name() {
    assert_eq!(names("Defense Minister Israel Katz visited Jerusalem."), ["Jerusalem"]);
    // Before a civic word it stays a place.
    assert_eq!(names("The Texas Senator spoke."), ["Texas"]);
}

#[test]
fn short_country_names_and_frontline_places() {
    let ps =
        places("Peacekeepers arrived in Bosnia. Rockets hit Sderot and Deir al-Balah. Türkiye and Kosovo protested.");
    let got: Vec<(&str, Option<&str>)> = ps.iter().map(|p| (p.name.as_str(), p.country.as_deref())).collect();
    for want in [
        ("Bosnia and Herzegovina", Some("BIH")),
        ("Sderot", Some("ISR")),
        ("Deir al-Balah", Some("PSE")),
        ("Turkey", Some("TUR")),
        ("Kosovo", Some("XKX")),
    ] {
        assert!(got.contains(&want), "{want:?} in {got:?}");
    }
}

#[test]
fn entities_of_a_state_are_places_in_it() {
    let ps = places("Dodik's allies met in Republika Srpska on Monday.");
    assert!(ps.iter().any(|p| p.name == "Republika Srpska" && p.country.as_deref() == Some("BIH")), "{ps:?}");
}

fn country_of(text: &str, name: &str) -> Option<String> {
    places(text).into_iter().find(|p| p.name == name).and_then(|p| p.country)
}

#[test]
fn a_region_the_story_names_holds_the_town() {
    // Paris, Texas, and Waterloo, Iowa, where the story names their states.
    let text = "Storms flattened barns near Paris on Tuesday, the Texas emergency office said.";
    assert_eq!(country_of(text, "Paris").as_deref(), Some("USA"));
    let text = "Floodwater reached Waterloo overnight and Iowa officials closed two bridges.";
    assert_eq!(country_of(text, "Waterloo").as_deref(), Some("USA"));
    // Where France is named too, Paris stays the French capital.
    let text = "A Texas delegation flew to Paris, where France hosted the climate talks.";
    assert_eq!(country_of(text, "Paris").as_deref(), Some("FRA"));
}

#[test]
fn a_town_beside_another_named_place_is_the_neighbour() {
    // Edmonton beside Enfield is the north London district, not Alberta's capital.
    let ps = places("Police sealed off a street in Edmonton after the stabbing, and shops in Enfield Town shut early.");
    let edmonton = ps.iter().find(|p| p.name == "Edmonton").expect("Edmonton found");
    assert_eq!(edmonton.country.as_deref(), Some("GBR"));
    // Alone, Edmonton is the larger Canadian city.
    assert_eq!(
        country_of("Police sealed off a street in Edmonton after the stabbing.", "Edmonton").as_deref(),
        Some("CAN")
    );
}

#[test]
fn a_country_name_with_a_town_of_its_namesake_state_is_the_state() {
    let ps = places("The patient flew home to Atlanta, Georgia, from Lagos.");
    let georgia = ps.iter().find(|p| p.name == "Georgia").expect("Georgia found");
    assert_eq!((georgia.feature, georgia.country.as_deref()), (PlaceFeature::Region, Some("USA")));
    let ps = places("Tanks rolled toward Tbilisi, Georgia, at dawn.");
    let georgia = ps.iter().find(|p| p.name == "Georgia").expect("Georgia found");
    assert_eq!((georgia.feature, georgia.country.as_deref()), (PlaceFeature::Country, Some("GEO")));
}

#[test]
fn a_country_point_is_the_point_of_its_geonames_entry() {
    let ps = places("Officials in the United States and Canada agreed.");
    let us = &ps[0];
    assert_eq!(us.geonames_id, Some(6252001));
    assert!((us.lat.unwrap() - 39.76).abs() < 0.01 && (us.lon.unwrap() + 98.5).abs() < 0.01);
}

#[test]
fn a_place_before_a_time_and_chinese_provinces_by_their_short_names() {
    // "Asia Monday" is no name: a time follows the place.
    assert_eq!(names("Stocks fell in Europe and Asia Monday as fears grew."), ["Europe", "Asia"]);
    let ps = places("Floods hit Henan and Guangxi this week.");
    let got: Vec<(&str, Option<&str>)> = ps.iter().map(|p| (p.name.as_str(), p.country.as_deref())).collect();
    assert_eq!(got, [("Henan", Some("CHN")), ("Guangxi", Some("CHN"))]);
}

#[test]
fn facilities_named_with_of_and_unlocated_ones() {
    let ps =
        places("Engines went to the National Museum of the U.S. Air Force at Wright-Patterson Air Force Base in Ohio.");
    let got: Vec<(&str, Option<&str>)> = ps.iter().map(|p| (p.name.as_str(), p.country.as_deref())).collect();
    assert_eq!(
        got,
        [
            ("National Museum of the U.S. Air Force", Some("USA")),
            ("Wright-Patterson Air Force Base", Some("USA")),
            ("Ohio", Some("USA"))
        ]
    );
    // Not located by the text: kept, with no country and no point.
    let ps = places("The Museum of Flight received a trainer.");
    assert_eq!(ps.len(), 1);
    assert_eq!((ps[0].name.as_str(), ps[0].country.as_deref(), ps[0].lat), ("Museum of Flight", None, None));
    // An unlocated church is a body, and a town inside a name locates only when
    // the story is in its country or the town is big.
    assert!(places("The Catholic Church said it would pay the tax.").is_empty());
    let ps = places("Prints went to the Mary & Leigh Block Museum last week.");
    assert_eq!(ps.iter().map(|p| p.country.as_deref()).collect::<Vec<_>>(), [None]);
}

#[test]
fn a_place_opening_a_hyphenated_word() {
    let ps = places("The Iran-backed militia and the Qatar-based channel both blamed the U.S.-led coalition.");
    let got: Vec<(&str, usize, usize)> =
        ps.iter().map(|p| (p.name.as_str(), p.mentions[0][0], p.mentions[0][1])).collect();
    assert_eq!(got, [("Iran", 4, 8), ("Qatar", 32, 37), ("United States", 68, 72)]);
    // Not before any other word, and a small town needs its country named.
    assert!(places("The Iran-Contra affair was investigated.").is_empty());
    assert!(names("A Dubrovnik-based maker was sold.").is_empty());
    assert_eq!(names("A Dubrovnik-based maker was sold to a Croatian state fund."), ["Dubrovnik"]);
}

#[test]
fn airports_by_their_bare_name_and_centers_located_by_the_text() {
    assert_eq!(names("It will fly the jet out of Heathrow in 2009."), ["Heathrow Airport"]);
    assert_eq!(names("The keynote was at Moscone Center in San Francisco."), ["Moscone Center", "San Francisco"]);
    // Without a place to locate it, a "Center" that needs a qualifier is no place.
    assert!(names("Delegates met at the Carter Center.").is_empty());
    // "New York-based": the words before the hyphenated one belong to the name.
    let ps = places("The New York-based group said so.");
    assert_eq!(ps.len(), 1);
    assert_eq!(ps[0].mentions[0], [4, 12]);
}

#[test]
fn cities_under_the_names_english_news_uses() {
    assert_eq!(
        names("Pilgrims reached Mecca; shells hit Khan Younis and Hodeidah."),
        ["Mecca", "Khan Younis", "Hodeidah"]
    );
    // The GeoNames name still finds the place.
    assert_eq!(names("Pilgrims reached Makkah on Friday."), ["Mecca"]);
}

#[test]
fn a_place_before_a_compass_word_stays_a_place() {
    assert_eq!(names("She won in the Kowloon West constituency."), ["Kowloon"]);
}

#[test]
fn a_facility_named_again_unlocated_is_the_same_facility() {
    let ps = places("Crews flew to the Johnson Space Center in Houston. Later the Johnson Space Center confirmed it.");
    let jsc: Vec<&Place> = ps.iter().filter(|p| p.name == "Johnson Space Center").collect();
    assert_eq!(jsc.len(), 1);
    assert_eq!((jsc[0].country.as_deref(), jsc[0].mentions.len()), (Some("USA"), 2));
    assert!(jsc[0].lat.is_some());
}

#[test]
fn us_counties_by_their_full_names_in_the_state_the_story_names() {
    let ps = places("Deputies in Marion County, Florida, searched the woods.");
    let marion = ps.iter().find(|p| p.name == "Marion County").expect("Marion County found");
    // Florida's Marion County lies around Ocala (29.2 N, 82.1 W).
    assert!((marion.lat.unwrap() - 29.2).abs() < 1.0 && (marion.lon.unwrap() + 82.1).abs() < 1.0);
    // The bare name is no county.
    assert!(names("Marion said she would stay.").is_empty());
}

#[test]
fn the_state_of_a_name_and_former_names_of_cities() {
    let ps = places("Most cases were in the state of Victoria, near Melbourne.");
    assert_eq!(
        (ps[0].name.as_str(), ps[0].feature, ps[0].country.as_deref()),
        ("Victoria", PlaceFeature::Region, Some("AUS"))
    );
    assert_eq!(names("Melbourne and Victoria were affected."), ["Melbourne", "Victoria"]);
    assert_eq!(names("Stall owners in Calcutta were trained."), ["Kolkata"]);
}

#[test]
fn currencies_the_chinese_republics_and_towns_in_a_named_state() {
    assert_eq!(names("Libya received a US$460 million settlement and HK$2 billion."), ["Libya"]);
    let ps = places("The People's Republic of China withheld data.");
    assert_eq!(ps.iter().map(|p| p.country.as_deref()).collect::<Vec<_>>(), [Some("CHN")]);
    assert!(names("Samples went to the Plum Island Animal Disease Center.").iter().all(|n| n != "Iceland"));
    assert_eq!(names("Apple unveiled the products at the Cupertino, California event."), ["Cupertino", "California"]);
}

#[test]
fn a_large_region_at_its_centre_and_a_facility_in_central_somewhere() {
    let ps = places("Wildfires spread across Alberta.");
    assert!((ps[0].lat.unwrap() - 55.0).abs() < 1.0 && (ps[0].lon.unwrap() + 115.0).abs() < 1.0);
    let ps = places("Elders met at the Qahira Hotel in central Somalia.");
    assert_eq!((ps[0].name.as_str(), ps[0].country.as_deref()), ("Qahira Hotel", Some("SOM")));
}

#[test]
fn a_city_named_like_a_state_among_states_is_the_state() {
    let ps = places("They visited Ohio and Oregon, then Ontario and Quebec.");
    let got: Vec<(&str, PlaceFeature)> = ps.iter().map(|p| (p.name.as_str(), p.feature)).collect();
    assert_eq!(
        got,
        [
            ("Ohio", PlaceFeature::Region),
            ("Oregon", PlaceFeature::Region),
            ("Ontario", PlaceFeature::Region),
            ("Quebec", PlaceFeature::Region)
        ]
    );
}

#[test]
fn months_gulfs_and_possessives_read_from_real_conflict_news() {
    // "In March" is a time; "Gulf nations" the Persian Gulf's, not Papua New
    // Guinea's Gulf Province; a possessive's ending opens no facility's name.
    assert_eq!(names("In March, Gulf nations met near the Gulf of Guinea."), ["Persian Gulf", "Gulf of Guinea"]);
    assert_eq!(names("The base's Migrant Operations Center holds 130 detainees."), ["Migrant Operations Center"]);
    assert!(names("Green cards can be revoked, the Alliance of Democracies said.").is_empty());
}

#[test]
fn a_speaker_after_said_and_a_region_inside_a_facility_name_far_away() {
    // "said Nawa" names a speaker, not Naha on Okinawa (also spelt Nawa).
    assert_eq!(names("\"There should be research,\" said Nawa. Botswana has the most elephants."), ["Botswana"]);
    // Mwanza is a district of Malawi and a region of Tanzania: the hospital is
    // placed by the place the text names after it, not by the far region.
    let ps = places("The boy is at Mwanza District Hospital in Malawi.");
    assert_eq!(ps[0].country.as_deref(), Some("MWI"));
}

#[test]
fn a_small_capital_inside_a_park_s_name_does_not_place_it() {
    // Victoria, the Seychelles' capital, does not place a Victoria Park.
    let ps = places("Hundreds rallied in Victoria Park on Saturday.");
    assert_eq!((ps[0].name.as_str(), ps[0].country.as_deref()), ("Victoria Park", None));
    let ps = places("Crowds gathered at London Heathrow Airport.");
    assert_eq!(ps[0].country.as_deref(), Some("GBR"));
}

#[test]
fn a_short_word_in_capitals_is_no_towns_name() {
    // "DAB" is a party's acronym, not Dabou ("Dab") in Ivory Coast.
    assert_eq!(names("The pro-Beijing DAB won four seats in Kowloon."), ["Kowloon"]);
    // A dateline's town in capitals is that town.
    assert_eq!(names("KYIV — Drones hit the port overnight."), ["Kyiv"]);
    // Countries' codes still are countries.
    assert_eq!(
        names("Officials in the UAE and the DRC agreed."),
        ["United Arab Emirates", "Democratic Republic of the Congo"]
    );
}

#[test]
fn a_modifier_before_a_place_is_no_part_of_a_name() {
    assert_eq!(names("Resource-rich Balochistan is the country's largest province."), ["Balochistan"]);
}

#[test]
fn a_district_named_for_its_compass_point_needs_its_country() {
    assert!(names("The town is nowhere near the South East Asian city-state.").is_empty());
    assert_eq!(names("In Botswana, officials in the South East district said so."), ["Botswana", "South East"]);
}

fn place(text: &str, name: &str) -> Place {
    places(text).into_iter().find(|p| p.name == name).unwrap_or_else(|| panic!("{name} not found in {text:?}"))
}

#[test]
fn a_small_town_placed_by_its_region_or_country() {
    // A dateline's town too small for the cities, and its later mentions.
    let p = place(
        "HOLLIDAY, Texas — Volunteers rebuilt the fire station on Saturday. Holliday has 1,700 people.",
        "Holliday",
    );
    assert_eq!((p.country.as_deref(), p.feature), (Some("USA"), PlaceFeature::City));
    assert!((p.lat.unwrap() - 33.82).abs() < 0.1 && (p.lon.unwrap() + 98.70).abs() < 0.1);
    assert_eq!(p.mentions.len(), 2);
    // A big city's namesake where the text says so, however it abbreviates the state.
    let p = place("A 40-year-old London, Ky., woman was charged Friday. Police in London said she fled.", "London");
    assert_eq!((p.country.as_deref(), p.mentions.len()), (Some("USA"), 2));
    assert!((p.lat.unwrap() - 37.13).abs() < 0.1);
    assert_eq!(
        country_of("EDMONTON, Ky (WXYZ) -- Fire crews from Edmonton fought the blaze.", "Edmonton").as_deref(),
        Some("USA")
    );
    assert_eq!(country_of("The plant in Erskine, Scotland, will close.", "Erskine").as_deref(), Some("GBR"));
    // Front-line villages, by their oblast.
    for text in [
        "Shelling hit Urozhaine, Donetsk region, on Monday, the governor said.",
        "Russian troops entered Urozhaine, a small front-line village in the Donetsk region.",
        "Troops shelled the village of Urozhaine in the Donetsk region.",
    ] {
        assert_eq!(country_of(text, "Urozhaine").as_deref(), Some("UKR"), "{text}");
    }
    assert_eq!(
        place("Troops shelled the village of Krynky in the Kherson region.", "Kherson").feature,
        PlaceFeature::Region
    );
    // A person named before a state is no town.
    assert!(!names("The bill was backed by Jim Holliday, Texas Republican.").contains(&"Holliday".to_string()));
    assert!(!names("Sam Holliday, Texas's new senator, spoke.").contains(&"Holliday".to_string()));
    // A town named like a facility is the town.
    assert_eq!(
        place("The rally in College Station, Texas, drew thousands.", "College Station").feature,
        PlaceFeature::City
    );
}

#[test]
fn the_region_a_dateline_places_holds_the_small_towns_named_after() {
    // "LAUREL COUNTY, Ky.": a driver "from London" is from Kentucky's London.
    assert_eq!(
        country_of("LAUREL COUNTY, Ky. — A driver from London died in a crash on Thursday.", "London").as_deref(),
        Some("USA")
    );
    // Not a name the text does not call a place ("Space Shuttle Atlantis").
    assert!(!names("CAPE CANAVERAL, Fla. — Finally, Atlantis will go on display.").contains(&"Atlantis".to_string()));
    // Where the article names the country of the larger namesake, it stays.
    assert_eq!(
        country_of(
            "LAUREL COUNTY, Ky. — The mayor flew to London to meet British investors in the United Kingdom.",
            "London"
        )
        .as_deref(),
        Some("GBR")
    );
}

#[test]
fn a_name_said_to_be_a_place_is_a_small_town_where_the_story_is() {
    // "of McKee" in a story from London, Kentucky: the Kentucky town.
    let p = place(
        "LONDON, Ky. (WXYZ) - Police arrested two people. In the car they found Kim Hacker, 43, of McKee.",
        "McKee",
    );
    assert_eq!(p.country.as_deref(), Some("USA"));
    assert!((p.lat.unwrap() - 37.43).abs() < 0.1);
    // "the village of", in the country the story names.
    assert_eq!(
        country_of("Iraqi officials said a girl from the northern Kurdish village of Ranya died.", "Rānyah").as_deref(),
        Some("IRQ")
    );
    assert_eq!(names("LONDON, Ky. — Crews from Hazard helped."), ["London", "Kentucky", "Hazard"]);
    // A body's name, or a word the story also writes in lowercase, is no town,
    // for all that Kentucky has a Hazard.
    assert_eq!(names("LONDON, Ky. — He banks with the Bank of Hazard."), ["London", "Kentucky"]);
    assert_eq!(
        names("LONDON, Ky. — Fear rests in Hazard, the pastor said, and the hazard remains."),
        ["London", "Kentucky"]
    );
}

#[test]
fn new_york_is_the_city_unless_the_text_means_the_state() {
    let p = place("Diplomats met in New York on Monday.", "New York City");
    assert_eq!((p.feature, p.country.as_deref()), (PlaceFeature::City, Some("USA")));
    for text in
        ["Former New York Gov. Mario Cuomo died.", "In New York state, 40 died.", "He lives in Buffalo, New York."]
    {
        assert_eq!(place(text, "New York").feature, PlaceFeature::Region, "{text}");
    }
    assert_eq!(place("Officials in Washington state said so.", "Washington").feature, PlaceFeature::Region);
    // After a town the gazetteer lacks, the state; a capital stays the capital.
    assert_eq!(
        place("She trained at a hospital in Bronx, New York. She left.", "New York").feature,
        PlaceFeature::Region
    );
    assert_eq!(
        place("Despite the delivery of the S-400s, Washington stepped back.", "Washington").feature,
        PlaceFeature::City
    );
    // (A country's "state media" is still the country's.)
    assert_eq!(place("Georgia state media said so.", "Georgia").feature, PlaceFeature::Country);
}

#[test]
fn a_region_written_by_hand_holds_the_towns_near_it() {
    // Somalia's federal member states, and a town placed in one.
    let ps = places("Beledweyne, a town in Hirshabelle state, was attacked. Forces in Puntland and Jubaland moved.");
    let found: Vec<&str> = ps.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(found, ["Beledweyne", "Hirshabelle", "Puntland", "Jubaland"]);
    assert!(ps.iter().all(|p| p.country.as_deref() == Some("SOM")));
    assert_eq!(country_of("Shelling hit Urozhaine, Donbas, on Monday.", "Urozhaine").as_deref(), Some("UKR"));
    assert_eq!(names("The C.A.R is pleading with civilians to return."), ["Central African Republic"]);
}

#[test]
fn sudan_s_and_myanmar_s_states_by_the_names_news_uses() {
    let ps = places("Clashes spread in North Kordofan, South Kordofan and West Darfur, and in Sagaing Region.");
    let found: Vec<(&str, PlaceFeature)> = ps.iter().map(|p| (p.name.as_str(), p.feature)).collect();
    assert_eq!(found.len(), 4, "{found:?}");
    assert!(found.iter().all(|f| f.1 == PlaceFeature::Region), "{found:?}");
    assert!(
        found.iter().any(|f| f.0 == "North Kordofan") && found.iter().any(|f| f.0 == "Sagaing Region"),
        "{found:?}"
    );
    // A lake is not the country it is named for.
    assert_eq!(names("Boko Haram fighters attacked villages near Lake Chad on Monday."), ["Lake Chad"]);
}

#[test]
fn a_town_of_some_size_after_a_preposition_of_place_in_a_country_the_story_names() {
    let ps = places("Ukrainian troops fought in Chasiv Yar and near Siversk, the army said.");
    let found: Vec<(&str, Option<&str>)> = ps.iter().map(|p| (p.name.as_str(), p.country.as_deref())).collect();
    assert_eq!(found, [("Chasiv Yar", Some("UKR")), ("Siversk", Some("UKR"))]);
    // Not a month, a people, nor without a country named.
    assert!(
        !names("Ukrainian troops fought in August, in Arab lands and in Chasiv Yar.").contains(&"August".to_string())
    );
    assert!(names("Troops fought in Chasiv Yar.").is_empty());
}

#[test]
fn towns_by_the_english_names_news_uses() {
    let text = "Strikes hit Beit Lahia and Beit Hanoun in Gaza, raids hit Tulkarem, Palestinian officials said.";
    let found = names(text);
    for n in ["Beit Lahia", "Beit Hanoun", "Tulkarem"] {
        assert!(found.contains(&n.to_string()), "{n} in {found:?}");
    }
    assert!(names("Ukrainian forces left Kupiansk on Friday.").contains(&"Kupiansk".to_string()));
}
