//! The `entities` stage on passages written for these tests.

use dateline::record::{Entity, EntityType as T};
use dateline::{Article, Pipeline};

fn entities(text: &str) -> Vec<Entity> {
    Pipeline::new().extract(Article::from_body(text)).entities
}

fn find<'a>(es: &'a [Entity], name: &str) -> &'a Entity {
    es.iter()
        .find(|e| e.name.as_deref() == Some(name))
        .unwrap_or_else(|| panic!("no {name} in {:?}", es.iter().map(|e| &e.name).collect::<Vec<_>>()))
}

#[test]
fn known_actors_with_country_sector_and_roles() {
    let es = entities(
        "Israel’s Prime Minister Benjamin Netanyahu met Hamas negotiators. Later, Netanyahu spoke to the CIA.",
    );
    let bn = find(&es, "Benjamin Netanyahu");
    assert_eq!((bn.kind, bn.country.as_deref(), bn.sector.as_deref()), (T::Person, Some("ISR"), Some("GOV")));
    assert_eq!(bn.roles, ["Prime Minister"]);
    assert_eq!(bn.mentions.len(), 2, "the surname alone is the same person");
    assert_eq!(find(&es, "Hamas").kind, T::Group);
    assert_eq!(find(&es, "CIA").sector.as_deref(), Some("GOV"));
    assert_eq!(find(&es, "Israel").kind, T::Country);
}

#[test]
fn demonyms_mention_their_country() {
    let es = entities("Qatari negotiators met Egyptian officials in Cairo.");
    assert_eq!(find(&es, "Qatar").kind, T::Country);
    assert_eq!(find(&es, "Egypt").mentions.len(), 1);
}

#[test]
fn unknown_names_are_still_found_and_typed() {
    let text =
        "Brig. Gen. Nabil Abdallah said the army held the bridge. Abdallah added that the Sudanese Defense Ministry \
                agreed. The Marenian Liberation Front (MLF) denied it; the MLF said it would fight on.";
    let es = entities(text);
    let na = find(&es, "Nabil Abdallah");
    assert_eq!(na.kind, T::Person);
    assert_eq!(na.roles, ["Brig. Gen."]);
    assert_eq!(na.mentions.len(), 2);
    assert_eq!(find(&es, "Sudanese Defense Ministry").kind, T::Organization);
    let blf = find(&es, "Marenian Liberation Front");
    assert_eq!(blf.kind, T::Organization);
    assert_eq!(blf.mentions.len(), 3, "name, acronym in brackets, acronym alone");
}

#[test]
fn days_months_groups_and_things_are_not_entities() {
    let es = entities(
        "On Tuesday officials said the DNA tests were done. Experts said the Zamfara State camp was closed in March.",
    );
    let names: Vec<&str> = es.iter().filter_map(|e| e.name.as_deref()).collect();
    for bad in ["Tuesday", "DNA", "Experts", "March", "Zamfara State"] {
        assert!(!names.contains(&bad), "{bad} in {names:?}");
    }
}

#[test]
fn descriptions_refer_back_to_the_group() {
    let es = entities(
        "Hamas said talks would resume. The Palestinian group also said it was ready. The group did not say when.",
    );
    let hamas = find(&es, "Hamas");
    assert_eq!(hamas.mentions.len(), 2, "\"the Palestinian group\" is Hamas");
    assert!(es.iter().all(|e| e.name.as_deref() != Some("Palestine")));
}

#[test]
fn roles_from_role_nouns_and_appositions() {
    let es = entities("Hamas official Basem Naim spoke first. Ahmed Kico, a political and security expert, disagreed.");
    assert!(find(&es, "Basem Naim").roles.contains(&"Hamas official".to_string()));
    assert!(find(&es, "Ahmed Kico").roles.contains(&"political and security expert".to_string()));
}

#[test]
fn the_rebels_are_the_armed_group_named_before_or_after() {
    let r = dateline::Pipeline::new().extract(dateline::Article::from_body(
        "The rebels freed 25 soldiers on Thursday. The Rapid Support Forces said the rebels would free more.",
    ));
    let rsf = r.entities.iter().find(|e| e.name.as_deref() == Some("Rapid Support Forces")).unwrap();
    assert_eq!(rsf.mentions.len(), 3, "{:?}", rsf.mentions);
}

#[test]
fn and_inside_an_organization_name() {
    let r = dateline::Pipeline::new().extract(dateline::Article::from_body(
        "Somalia's National Intelligence and Security Agency (NISA) said it had killed 50 militants. \
         Israel and Hamas traded blame.",
    ));
    let names: Vec<&str> = r.entities.iter().filter_map(|e| e.name.as_deref()).collect();
    assert!(names.contains(&"National Intelligence and Security Agency"), "{names:?}");
    assert!(names.contains(&"Israel") && names.contains(&"Hamas"), "{names:?}");
}

#[test]
fn companies_and_people_told_apart() {
    let es = entities(
        "Drone maker Skyward Dynamics won the contract over Halvard Aerospace. Skyward Dynamics CEO Maren Olsen \
         said the first aircraft would ship in May. Halvard spokesman Tomas Brekke said the firm would appeal. \
         Halvard has lost two such bids this year, and Halvard shares fell 4%.",
    );
    assert_eq!(find(&es, "Skyward Dynamics").kind, T::Organization);
    assert_eq!(find(&es, "Halvard Aerospace").kind, T::Organization);
    assert_eq!(find(&es, "Maren Olsen").kind, T::Person);
    assert_eq!(find(&es, "Maren Olsen").roles, ["CEO"]);
    assert_eq!(find(&es, "Tomas Brekke").kind, T::Person);
    // "Halvard" alone, again and again, is nobody's surname: an organization.
    assert_eq!(find(&es, "Halvard").kind, T::Organization);
}

#[test]
fn a_person_is_marked_by_a_given_name_a_surname_used_again_or_a_role() {
    let es = entities(
        "Aid worker Glwadys Siopathis reached the camp. Siopathis counted 300 families. \
         Kim Jong-un and Yau Wai-ching were named too, and Choe Sung-hoon. Space Shuttle Columbia and Windows Vista were not people.",
    );
    assert_eq!(find(&es, "Glwadys Siopathis").kind, T::Person);
    assert_eq!(find(&es, "Glwadys Siopathis").mentions.len(), 2);
    assert_eq!(find(&es, "Kim Jong Un").kind, T::Person, "in the knowledge base");
    assert_eq!(find(&es, "Yau Wai-ching").kind, T::Person);
    assert_eq!(find(&es, "Choe Sung-hoon").kind, T::Person);
    assert!(es.iter().all(|e| e.name.as_deref() != Some("Aid")));
    assert!(es.iter().all(|e| e.kind != T::Person || !e.name.as_deref().unwrap_or("").contains("Columbia")));
    assert!(es.iter().all(|e| e.name.as_deref() != Some("Windows Vista") || e.kind != T::Person));
}

#[test]
fn a_company_speaks_without_becoming_a_person() {
    let es = entities("Northwind said it had halted deliveries. Lena Moritz, a spokeswoman, said talks continue.");
    assert_eq!(find(&es, "Northwind").kind, T::Organization);
    assert_eq!(find(&es, "Lena Moritz").kind, T::Person);
}

fn entities_on(date: &str, text: &str) -> Vec<Entity> {
    let mut a = Article::from_body(text);
    a.published = dateline::Date::parse(date);
    Pipeline::new().extract(a).entities
}

#[test]
fn roles_held_on_the_article_s_date() {
    // The knowledge base has Donald Trump as President 2017-2021 and 2025-.
    let text = "Donald Trump spoke in Ohio.";
    assert_eq!(find(&entities_on("2019-05-01", text), "Donald Trump").roles, ["President"]);
    assert!(find(&entities_on("2023-05-01", text), "Donald Trump").roles.is_empty());
    assert_eq!(find(&entities_on("2025-05-01", text), "Donald Trump").roles, ["President"]);
}

#[test]
fn affiliation_from_possessives_role_nouns_and_appositions() {
    let es = entities(
        "Al Jazeera's Nadia Farouk, reporting from Amman, said talks resumed. Hamas official Ghazi Hamad agreed. \
         Later, Boeing spokesman Tomas Brekke declined to comment.",
    );
    let id = |name: &str| Some(find(&es, name).id.clone());
    let nf = find(&es, "Nadia Farouk");
    assert_eq!(nf.roles, ["reporter"]);
    assert_eq!(nf.affiliation, id("Al Jazeera"));
    assert!(nf.country.is_none(), "an outlet's reporter is not its country's");
    assert_eq!(find(&es, "Ghazi Hamad").affiliation, id("Hamas"));
    assert_eq!(find(&es, "Tomas Brekke").affiliation, id("Boeing"));
}

#[test]
fn role_holders_the_text_does_not_name() {
    let es = entities_on(
        "2023-12-20",
        "Envoys met Cairo's spy chief on Monday. Qatar's prime minister and the head of the US's CIA joined them.",
    );
    let unnamed: Vec<&Entity> = es.iter().filter(|e| e.name.is_none()).collect();
    let got: Vec<(&str, Option<&str>, Option<&str>)> = unnamed
        .iter()
        .map(|e| {
            let aff = es.iter().find(|x| Some(&x.id) == e.affiliation.as_ref()).and_then(|x| x.name.as_deref());
            let holder = e.kb.as_ref().and_then(|kb| kb.get("dateline")).map(String::as_str);
            (e.roles[0].as_str(), aff, holder)
        })
        .collect();
    assert_eq!(
        got,
        [
            ("spy chief", Some("Egypt"), Some("Abbas Kamel")),
            ("prime minister", Some("Qatar"), Some("Mohammed bin Abdulrahman Al Thani")),
            ("head", Some("CIA"), Some("William Burns")),
        ]
    );
    assert!(unnamed.iter().all(|e| e.kind == T::Person));
    // Described and named: the description is a mention of the named person.
    let es = entities_on("2023-12-20", "The head of Hamas's political bureau arrived. Ismail Haniyeh met envoys.");
    assert_eq!(find(&es, "Ismail Haniyeh").mentions.len(), 2);
    assert!(es.iter().all(|e| e.name.is_some()));
}

#[test]
fn an_organization_named_for_a_place() {
    let es = entities(
        "Qatar Airways resumed flights, the Bank of Canada held rates and the Kenya Times reported it. \
         Israel's Cabinet met, and the Bush administration said little.",
    );
    assert_eq!(find(&es, "Qatar Airways").kind, T::Organization);
    assert_eq!(find(&es, "Bank of Canada").kind, T::Organization);
    assert_eq!(find(&es, "Kenya Times").kind, T::Organization);
    assert!(es.iter().all(|e| e.name.as_deref() != Some("Cabinet")), "Israel's Cabinet is Israel's");
    let air = entities("Air Kenya cancelled its flights.");
    assert_eq!(find(&air, "Air Kenya").kind, T::Organization);
    assert_eq!(find(&es, "Bush").kind, T::Person);
}

#[test]
fn descriptors_and_titles_before_a_name_are_roles() {
    let es =
        entities("Scientologist Tom Cruise spoke. NASA Administrator Charles Bolden said yes. Police fired tear gas.");
    assert_eq!(find(&es, "Tom Cruise").roles, ["Scientologist"]);
    let cb = find(&es, "Charles Bolden");
    assert_eq!(cb.roles, ["Administrator"]);
    assert_eq!(cb.affiliation, Some(find(&es, "NASA").id.clone()));
    assert_eq!(find(&es, "Police").kind, T::Organization);
}

#[test]
fn a_person_belongs_to_the_country_of_their_affiliation() {
    let es = entities("Ruritanian President Anton Weller met Serb leaders.");
    // "Ruritanian" is no demonym: no country.
    assert!(find(&es, "Anton Weller").country.is_none());
    let es = entities("Kenyan President Daniel Moi welcomed Croat and Serb envoys.");
    let dm = find(&es, "Daniel Moi");
    assert_eq!(dm.country.as_deref(), Some("KEN"));
    assert!(es.iter().any(|e| e.country.as_deref() == Some("HRV")), "Croat is Croatia's demonym");
}

#[test]
fn a_capital_as_subject_speaks_for_its_country() {
    let es = entities("Beirut again rejected the appeal. Protesters in Beirut marched.");
    let lb = find(&es, "Lebanon");
    assert_eq!(lb.kind, T::Country);
    assert_eq!(lb.mentions.len(), 1, "only the subject, not the place where people marched");
}

#[test]
fn a_month_that_ends_a_name_stays_in_it() {
    let es = entities("Theresa May will hold talks with Donald Tusk.");
    assert_eq!(find(&es, "Theresa May").kind, T::Person);
}

#[test]
fn names_with_particles_and_the_article_written_el() {
    let r = Pipeline::new().extract(Article::from_body(
        "Egyptian President Abdel Fattah el-Sisi met Mohammed bin Salman in Riyadh. Later, el-Sisi flew home.",
    ));
    let sisi = r.entities.iter().find(|e| e.name.as_deref() == Some("Abdel Fattah al-Sisi")).expect("Sisi");
    assert_eq!(sisi.mentions.len(), 2, "{:?}", r.entities);
    assert!(r.entities.iter().any(|e| e.name.as_deref() == Some("Mohammed bin Salman")), "{:?}", r.entities);
}

#[test]
fn first_names_from_the_wider_list_open_a_person() {
    // No title, no "said": the first name alone tells a person ("Thibaut", "Axel"
    // come from the generated list), and a word that is also a noun does not
    // ("Grace Church" is no person).
    let es = entities("The keeper, Thibaut Vermeulen, and Axel Dardenne trained on the pitch near Grace Church.");
    assert_eq!(find(&es, "Thibaut Vermeulen").kind, T::Person);
    assert_eq!(find(&es, "Axel Dardenne").kind, T::Person);
    assert!(es.iter().all(|e| e.name.as_deref() != Some("Grace Church") || e.kind != T::Person));
}

#[test]
fn a_currency_prefix_names_no_one() {
    let es = entities("The fund paid US$460 million and HK$2 billion to the families.");
    assert!(
        es.iter().all(|e| !matches!(e.name.as_deref(), Some("US" | "HK"))),
        "{:?}",
        es.iter().map(|e| &e.name).collect::<Vec<_>>()
    );
}

#[test]
fn the_words_of_a_portfolio_or_a_law_are_no_person() {
    let es = entities("He resigned as Foreign Affairs minister after the Patriot Act passed.");
    assert!(es.iter().all(|e| e.kind != T::Person), "{:?}", es.iter().map(|e| (&e.name, e.kind)).collect::<Vec<_>>());
}

#[test]
fn a_known_name_opening_with_a_demonym_is_that_name() {
    let es =
        entities("The British Red Cross and the Syrian Arab Red Crescent sent trucks; the Catholic Church prayed.");
    for name in ["British Red Cross", "Syrian Arab Red Crescent", "Catholic Church"] {
        assert_eq!(find(&es, name).kind, T::Organization);
    }
    assert!(es.iter().all(|e| e.name.as_deref() != Some("International Committee of the Red Cross")));
}

#[test]
fn a_surname_again_is_the_person_before_the_company_and_three_part_names_hold() {
    let es = entities("Ontario Premier Doug Ford threatened to cut power. \"I will not hesitate,\" Ford said.");
    let ford = find(&es, "Doug Ford");
    assert_eq!((ford.kind, ford.mentions.len()), (T::Person, 2));
    assert!(es.iter().all(|e| e.kind != T::Organization));
    // Alone, Ford is the carmaker.
    assert_eq!(find(&entities("Ford said it would recall 10,000 trucks."), "Ford").kind, T::Organization);
    // A first word that is no descriptor stays in the name.
    assert_eq!(find(&entities("Sahra Abdi Ahmed said the hotel burned."), "Sahra Abdi Ahmed").kind, T::Person);
}

#[test]
fn known_names_that_open_with_a_place_and_names_longer_than_a_known_one() {
    let es = entities("The Israel Defense Forces said it struck targets; Qatar Airways cancelled flights.");
    assert_eq!(find(&es, "Israel Defense Forces").kind, T::Organization);
    assert_eq!(find(&es, "Qatar Airways").kind, T::Organization);
    // "Apple Corps" is not Apple; "General Motors Corporation" is General Motors;
    // "Hamas Movement" is Hamas.
    assert_eq!(find(&entities("Hamas Movement officials met."), "Hamas").kind, T::Group);
    let es = entities("Apple Corps sued Apple Inc. and General Motors Corporation cut jobs.");
    assert_eq!(find(&es, "Apple Corps").kind, T::Organization);
    assert_eq!(find(&es, "General Motors").mentions.len(), 1);
    // A lone organization's word: the body named before whose name it ends, or nothing.
    let es = entities("The European Commission fined Apple. The Commission said so. News of the fine spread.");
    assert_eq!(find(&es, "European Commission").mentions.len(), 2);
    assert!(es.iter().all(|e| e.name.as_deref() != Some("News")));
    // "Police fired tear gas": a body that acts.
    assert_eq!(find(&entities("Police fired tear gas at the crowd."), "Police").kind, T::Organization);
}

#[test]
fn auxiliaries_and_shouted_words_opening_a_quote_are_not_names() {
    let es = entities("\"Had it happened an hour later it would have been much worse,\" the editor said.");
    assert!(es.is_empty(), "{es:?}");
    let es = entities("He would stay in jail for years, UNLESS of course he cooperated with the court.");
    assert!(es.iter().all(|e| e.name.as_deref() != Some("UNLESS")), "{es:?}");
    let es = entities("Emeritus Professor Hana Mori, who chairs the panel, said the report was late.");
    assert!(es.iter().any(|e| e.name.as_deref() == Some("Hana Mori") && e.kind == T::Person), "{es:?}");
    let es = entities("The video spread quickly on the Internet after the march.");
    assert!(es.is_empty(), "{es:?}");
    // Believers and migrants are people, not organizations; a shuttle is a thing.
    let es = entities("Muslims and Christians prayed together. Muslims travelling to the city were stopped.");
    assert!(es.is_empty(), "{es:?}");
    let es = entities("Space Shuttle Atlantis landed at dawn. Atlantis had flown 33 missions.");
    assert!(es.iter().all(|e| e.kind != T::Person), "{es:?}");
}

#[test]
fn a_described_role_in_apposition_is_the_named_persons() {
    let es = entities(
        "Amadou Keita, Mali's territorial administration minister, says the border posts will reopen. \
         He says the army will guard them.",
    );
    let p = find(&es, "Amadou Keita");
    assert!(p.roles.iter().any(|r| r.contains("minister")), "{:?}", p.roles);
    assert!(es.iter().all(|e| e.name.as_deref() != Some("Mali's territorial administration minister")), "{es:?}");
}

#[test]
fn an_untyped_name_listed_with_people_is_a_person() {
    let es = entities("Three senators — Amara Obi, Lena Okafor and Jon Miller — wrote to the ministry on Monday.");
    for n in ["Amara Obi", "Lena Okafor", "Jon Miller"] {
        assert_eq!(find(&es, n).kind, T::Person, "{n}");
    }
    // What follows "of" in a list of people is their body, not one of them.
    let es = entities("Winners included Ana Ruiz of Green Dawn Alliance, and Jon Miller of the Labour Party.");
    assert!(es.iter().all(|e| e.name.as_deref() != Some("Green Dawn Alliance") || e.kind != T::Person), "{es:?}");
}

#[test]
fn a_surname_named_before_the_full_name_is_that_person() {
    let es = entities("Ms Bauchtman said the pupils were safe. Anna Bauchtman has run the school since 2019.");
    let p = find(&es, "Anna Bauchtman");
    assert_eq!(p.mentions.len(), 2, "{es:?}");
    let es = entities("Shadow Home Secretary Yvette Cooper said her party backed the plan.");
    assert_eq!(es.iter().filter(|e| e.kind == T::Person).count(), 1, "{es:?}");
}

#[test]
fn name_particles_and_former_holders() {
    let es = entities("Commission President Ursula Von der Leyen said the bloc would act.");
    assert!(es.iter().any(|e| e.name.as_deref() == Some("Ursula von der Leyen")), "{es:?}");
    let es = entities("Former French Ambassador Michel Duclos said the talks had stalled.");
    assert!(es.iter().any(|e| e.name.as_deref() == Some("Michel Duclos") && e.kind == T::Person), "{es:?}");
    assert!(es.iter().all(|e| e.name.as_deref() != Some("Former French")), "{es:?}");
    let es = entities("The book by Nobel laureate Amani Okoth sold well; striker Jon Arrieta scored twice.");
    assert!(es.iter().any(|e| e.name.as_deref() == Some("Amani Okoth") && e.kind == T::Person), "{es:?}");
    assert!(es.iter().any(|e| e.name.as_deref() == Some("Jon Arrieta") && e.kind == T::Person), "{es:?}");
    assert!(es.iter().all(|e| e.name.as_deref() != Some("Nobel")), "{es:?}");
    let es = entities("Pro-Kremlin Nashi activists marched. Anti-Kremlin Kommersant reported it.");
    assert!(es.iter().all(|e| !e.name.as_deref().unwrap_or("").contains("Kremlin")), "{es:?}");
    let es = entities("The Muslim-led Seleka rebels attacked the town.");
    assert!(es.iter().all(|e| e.name.as_deref() != Some("Muslim-led Seleka")), "{es:?}");
    // "the Iraqi Government" is Iraq's, as "the Iraqi government" is; an airline is not.
    let es = entities("The Iraqi Government said the strike killed him. Qatar Airways resumed flights.");
    let mut names: Vec<_> = es.iter().filter_map(|e| e.name.clone()).collect();
    names.sort();
    assert_eq!(names, ["Iraq", "Qatar", "Qatar Airways"], "{es:?}");
    let es = entities("Lena Maria della Rocca, an envoy, said the talks had stalled.");
    assert!(es.iter().any(|e| e.name.as_deref() == Some("Lena Maria della Rocca")), "{es:?}");
}

#[test]
fn a_church_named_for_its_denomination_is_a_body() {
    let es = entities("The Coptic Church condemned the attack on St. Mark's Church in Cairo.");
    assert!(es.iter().any(|e| e.name.as_deref() == Some("Coptic Church") && e.kind == T::Organization), "{es:?}");
    assert!(es.iter().all(|e| e.name.as_deref() != Some("St. Mark's Church")), "{es:?}");
    let es = entities("The Greek Orthodox Church estimates the number is close to 2,000.");
    assert!(es.iter().any(|e| e.name.as_deref() == Some("Greek Orthodox Church")), "{es:?}");
}

#[test]
fn an_organizations_ending_wins_over_a_things_word_and_papers_are_bodies() {
    let es = entities("Researchers at Ohio State University and the Daily Herald reported the find.");
    assert!(es.iter().any(|e| e.name.as_deref().is_some_and(|n| n.ends_with("State University"))), "{es:?}");
    assert!(es.iter().any(|e| e.name.as_deref() == Some("Daily Herald")), "{es:?}");
    let es = entities("A team from Colorado State University took part. The UK Home Office said so.");
    assert!(es.iter().any(|e| e.name.as_deref() == Some("Colorado State University")), "{es:?}");
    assert!(es.iter().any(|e| e.name.as_deref() == Some("Home Office")), "{es:?}");
    // "Zamfara State" is still a place, not a body.
    assert!(entities("Zamfara State officials said so.").is_empty());
}

#[test]
fn portfolios_are_no_bodies_and_municipalities_are() {
    let es = entities("Undersecretary for Education Marco Toccafondi said the schools would pay.");
    assert!(es.iter().all(|e| e.name.as_deref() != Some("Education")), "{es:?}");
    let es = entities("Requests came from the Municipality of Bogliasco last week.");
    assert!(es.iter().any(|e| e.name.as_deref() == Some("Municipality of Bogliasco")), "{es:?}");
}

#[test]
fn roman_numerals_and_common_acronyms_are_no_bodies() {
    let es = entities("Pope Benedict XVI met the VIP guests. The QC said their IQ and the HTML code were fine.");
    let names: Vec<_> = es.iter().filter_map(|e| e.name.clone()).collect();
    assert_eq!(names, ["Benedict XVI"], "{es:?}");
    // A body's initials still are one.
    let es = entities("The IAEA said the plant was safe. The SPLM agreed.");
    assert!(
        es.iter().any(|e| e.name.as_deref() == Some("SPLM") || e.name.as_deref().is_some_and(|n| n.contains("Sudan"))),
        "{es:?}"
    );
}

#[test]
fn a_headlines_words_in_capitals_are_no_persons_name() {
    let es = entities("Stealth Over Health: Clinic Staff Were Sent Home\n\nShe left at noon.");
    assert!(es.iter().all(|e| e.name.as_deref() != Some("Stealth Over Health") || e.kind != T::Person), "{es:?}");
}

#[test]
fn a_role_in_apposition_before_the_name_is_the_persons() {
    let es = entities("An army spokesman, Brig. Gen. Omar Tahir, said on Monday that the talks had failed.");
    assert!(find(&es, "Omar Tahir").roles.contains(&"army spokesman".to_string()));
    let es = entities("The talks failed, a senior official, Omar Tahir, said.");
    assert_eq!(find(&es, "Omar Tahir").roles, ["senior official"]);
    // A described role holder before the name is that person, not another one.
    let es = entities("Sudan's army spokesman, Omar Tahir, said the talks failed.");
    let p = find(&es, "Omar Tahir");
    assert_eq!((p.roles.as_slice(), p.country.as_deref()), (&["army spokesman".to_string()][..], Some("SDN")));
    assert_eq!(es.iter().filter(|e| e.kind == T::Person).count(), 1, "{es:?}");
}

#[test]
fn a_role_written_before_any_persons_name() {
    // Known to the knowledge base or not, the text's own title or role noun.
    let es = entities("Seleka rebels forced then-President Faustin Ngaro from office.");
    assert_eq!(find(&es, "Faustin Ngaro").roles, ["then-President"]);
    let es = entities("Forces loyal to former Syrian president Omar Haddad fled.");
    assert_eq!(find(&es, "Omar Haddad").roles, ["former Syrian president"]);
    // Not the words before it that are no part of a role, nor an honorific.
    let es = entities("Stars came, celebrities such as singer Ada Obi. Mr. Obi said his daughter Ifeoma Obi sang.");
    assert_eq!(find(&es, "Ada Obi").roles, ["singer"]);
    assert_eq!(find(&es, "Ifeoma Obi").roles, ["daughter"]);
    // A person's role in apposition before the name, with its possessor.
    let es =
        entities("Amirov's lawyer, Dan Roth, said the evidence was weak, while Omarov's lawyer, Eli Stone, agreed.");
    assert_eq!(find(&es, "Dan Roth").roles, ["Amirov's lawyer"]);
    assert_eq!(find(&es, "Eli Stone").roles, ["Omarov's lawyer"]);
    // An apposition after the name ends at a relative pronoun or a second apposition.
    let es = entities("The strike killed Ali Warsame, a senior al-Shabab leader who planned attacks.");
    assert_eq!(find(&es, "Ali Warsame").roles, ["senior al-Shabab leader"]);
}

#[test]
fn a_leaders_administration_is_the_government_body() {
    let es = entities("The Netanyahu government rejected the plan. Later, Netanyahu spoke to reporters.");
    let body = find(&es, "Netanyahu government");
    assert_eq!(
        (body.kind, body.country.as_deref(), body.sector.as_deref()),
        (T::Organization, Some("ISR"), Some("GOV"))
    );
    // The person keeps only the mentions of the person.
    assert_eq!(find(&es, "Benjamin Netanyahu").mentions.len(), 1);
}

#[test]
fn known_names_that_open_in_lowercase_as_written() {
    let es = entities("A militia called the anti-Balaka fought ex-Seleka rebels, von der Leyen said.");
    assert_eq!(find(&es, "Anti-Balaka").country.as_deref(), Some("CAF"));
    assert_eq!(find(&es, "Seleka").kind, T::Group);
    assert_eq!(find(&es, "Ursula von der Leyen").kind, T::Person);
    // Not a common noun that an entry lists ("junta").
    let es = entities("The junta in Niamey closed the border.");
    assert!(es.iter().all(|e| e.name.as_deref() != Some("Myanmar military")), "{es:?}");
}
