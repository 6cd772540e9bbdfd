//! The `events` stage (first version) on sentences written for these tests.

use dateline::record::{Event, EventStatus as S, EventType as T};
use dateline::{Article, Date, Pipeline};

fn events(text: &str) -> Vec<Event> {
    let mut a = Article::from_body(text);
    a.published = Date::parse("2024-03-15");
    Pipeline::new().extract(a).events
}

fn names(ps: &[dateline::record::Participant]) -> Vec<String> {
    ps.iter().filter_map(|p| p.name.clone()).collect()
}

#[test]
fn release_with_actor_recipient_date_and_figure() {
    let ev = events("On Tuesday, Israel released 240 Palestinian prisoners.");
    assert_eq!(ev.len(), 1);
    let e = &ev[0];
    assert_eq!((e.kind, e.mode.as_deref(), e.status), (T::Retreat, Some("release"), S::Occurred));
    assert_eq!(names(&e.actor), ["Israel"]);
    assert_eq!(e.recipient[0].country.as_deref(), Some("PSE"));
    assert_eq!(e.date.value.as_deref(), Some("2024-03-12"));
    assert_eq!(e.figures, ["F1"]);
    assert_eq!(e.cameo.as_deref(), Some("0841"));
    assert_eq!(e.score, Some(6.5));
}

#[test]
fn a_visit_takes_the_country_of_the_place() {
    let ev = events("Ismail Haniyeh arrived in Cairo on Wednesday.");
    assert_eq!((ev[0].kind, ev[0].mode.as_deref()), (T::Consult, Some("visit")));
    assert_eq!(names(&ev[0].actor), ["Ismail Haniyeh"]);
    assert_eq!(names(&ev[0].recipient), ["Egypt"]);
}

#[test]
fn status_from_the_words_around_the_trigger() {
    assert_eq!(events("Hamas will not release more captives until the bombardment ends.")[0].kind, T::Reject);
    assert_eq!(events("Hamas will not release more captives.")[0].status, S::Refused);
    assert_eq!(events("Hamas will not release more captives until the bombardment ends.")[0].status, S::Conditional);
    assert_eq!(events("Israel has continued to pound Gaza.")[0].status, S::Ongoing);
    assert_eq!(events("Qatar planned to meet Hamas negotiators.")[0].status, S::Planned);
}

#[test]
fn no_filler_events() {
    assert!(events("The weather in the region was mild this week.").is_empty());
    assert!(events("Officials said the report would be published soon.").is_empty());
}

#[test]
fn a_meeting_between_several_parties_and_noun_triggers() {
    let ev = events("The talks included a meeting in Warsaw between Israel, Qatar and the CIA.");
    let m = ev.iter().find(|e| e.kind == T::Consult && e.actor.len() == 3).expect("a three-party meeting");
    assert_eq!(names(&m.actor), ["Israel", "Qatar", "CIA"]);
    let ev = events("Hamas launched an assault on Israel in October.");
    let a = ev.iter().find(|e| e.kind == T::Assault).unwrap();
    assert_eq!(names(&a.actor), ["Hamas"]);
    assert_eq!(names(&a.recipient), ["Israel"]);
}

#[test]
fn the_two_sides_are_the_parties_named_together_before() {
    let evs = events(
        "The world is pressing both Armenia and Azerbaijan to settle the border. \
         The two sides have relaunched indirect talks, mediated by Egypt and Qatar.",
    );
    let e = evs.iter().find(|e| e.mode.as_deref() == Some("third-party")).expect("a mediated CONSULT");
    assert_eq!(names(&e.actor), ["Armenia", "Azerbaijan"]);
    assert_eq!(names(&e.recipient), ["Egypt", "Qatar"]);
    // One event for the sentence, not a second one without the mediators.
    assert_eq!(evs.iter().filter(|x| x.sentence == e.sentence && x.kind == T::Consult).count(), 1);
}

#[test]
fn a_date_inside_a_modifier_of_the_object_is_not_the_event_date() {
    let evs = events("Hamas released 12 soldiers taken captive on March 3.");
    let e = evs.iter().find(|e| e.kind == T::Retreat).expect("a release");
    assert_ne!(e.date.value.as_deref(), Some("2024-03-03"));
    // Without the modifier, the date is the event's.
    let evs = events("Hamas released 12 soldiers on March 3.");
    assert_eq!(evs.iter().find(|e| e.kind == T::Retreat).unwrap().date.value.as_deref(), Some("2024-03-03"));
}

#[test]
fn actors_come_from_the_clause_the_trigger_is_in() {
    // A reporting verb's subject reports the event; it is not its actor.
    let evs = events("The Health Ministry said 212 people had been killed in Gaza.");
    assert!(evs.iter().all(|e| names(&e.actor) != ["Health Ministry"]), "{evs:?}");
    // ... unless the reported clause opens with a pronoun for the speaker.
    let evs = events("The Pakistan military said it killed 33 fighters of the Baloch Liberation Army.");
    assert_eq!(names(&evs[0].actor), ["Pakistan"]);
    // Passive: the subject undergoes the event; "by" names the actor.
    let evs = events("On Monday, 12 Hamas fighters were detained by Israel.");
    let e = evs.iter().find(|e| e.kind == T::Coerce).expect("an arrest");
    assert_eq!((names(&e.actor), names(&e.recipient)), (vec!["Israel".to_string()], vec!["Hamas".to_string()]));
    // A speaker after the trigger is no recipient.
    let evs = events("Egypt rejected the proposal, Sisi told reporters.");
    assert!(evs[0].recipient.is_empty(), "{evs:?}");
}

#[test]
fn coordinated_subjects_are_all_actors() {
    let evs = events("Armenia and Azerbaijan met in Washington on Monday.");
    assert_eq!(names(&evs[0].actor), ["Armenia", "Azerbaijan"]);
    let evs = events("Delegations of the Sudanese Armed Forces and the Rapid Support Forces met in Jeddah.");
    assert_eq!(names(&evs[0].actor), ["Sudanese Armed Forces", "Rapid Support Forces"]);
}

#[test]
fn a_demanded_release_is_the_demand_not_a_release() {
    let evs = events("Hamas demanded the release of 300 prisoners.");
    assert_eq!(evs.iter().map(|e| e.kind).collect::<Vec<_>>(), [T::Request]);
}

#[test]
fn clause_bounds_objects_and_places_as_objects() {
    // The object ends at "and": the next clause's subject is no recipient.
    let evs = events("Israel released 120 prisoners and Hamas freed 40 soldiers.");
    assert_eq!(names(&evs[0].recipient), ["prisoners"], "{evs:?}");
    assert_eq!(names(&evs[1].actor), ["Hamas"]);
    // A shelled place stands for its country.
    let evs = events("Russia shelled Kharkiv on Sunday.");
    assert_eq!(names(&evs[0].recipient), ["Kharkiv"]);
    assert_eq!(evs[0].recipient[0].country.as_deref(), Some("UKR"));
    // A condition is a clause of its own: its event is not the main subject's.
    let evs = events("Hamas said it would join talks only if the army stopped its airstrikes.");
    assert!(evs.iter().all(|e| e.kind != T::Assault || names(&e.actor) != ["Hamas"]), "{evs:?}");
}

#[test]
fn each_figure_measures_the_nearest_event_before_it() {
    let r = dateline::Pipeline::new().extract(dateline::Article::from_body(
        "Israel released 120 prisoners and Hamas freed 40 soldiers on Wednesday.",
    ));
    let figs: Vec<Vec<String>> = r.events.iter().map(|e| e.figures.clone()).collect();
    assert_eq!(figs, [vec!["F1".to_string()], vec!["F2".to_string()]]);
    assert_eq!(r.figures[0].event.as_deref(), Some("V1"));
    assert_eq!(r.figures[1].event.as_deref(), Some("V2"));
}

#[test]
fn announced_acts_follow_plover_future_rules() {
    // A cooperative act announced is an AGREE; a hostile one, or one held over
    // someone with "unless", a THREATEN.
    let evs = events("Germany will send aid to Sudan, the foreign ministry said.");
    assert!(evs.iter().any(|e| e.kind == T::Agree && names(&e.actor) == ["Germany"]), "{evs:?}");
    let evs = events("Nigeria said it will withdraw its troops from Chad unless a ceasefire is arranged.");
    assert!(evs.iter().any(|e| e.kind == T::Threaten && names(&e.actor) == ["Nigeria"]), "{evs:?}");
    // "X must …": the subject is asked, the one who says so asks.
    let evs = events("France said that Iraq must cooperate with the inspectors.");
    let e = evs.iter().find(|e| e.kind == T::Request).expect("a request");
    assert_eq!((names(&e.actor), names(&e.recipient)), (vec!["France".to_string()], vec!["Iraq".to_string()]));
}

#[test]
fn a_place_is_the_target_of_an_attack_or_a_protest() {
    let evs = events("Sudanese rebels shelled Juba on Sunday.");
    assert_eq!(names(&evs[0].recipient), ["Juba"]);
    let evs = events("Thousands of Iraqi Kurds demonstrated in Kirkuk on Sunday.");
    let e = evs.iter().find(|e| e.kind == T::Protest).expect("a protest");
    assert_eq!(names(&e.recipient), ["Kirkuk"]);
    assert_eq!(e.recipient[0].country.as_deref(), Some("IRQ"));
}

#[test]
fn relative_clauses_possessives_and_conditions() {
    // "an assault … that also killed 1,200": one event, by the clause's subject.
    let evs = events(
        "Hamas took 240 captives in an unprecedented assault on Israeli territory that also killed 1,200 people.",
    );
    assert!(evs.iter().all(|e| names(&e.actor) == ["Hamas"]), "{evs:?}");
    // "its" is the nearest body named before it, not the people counted.
    let evs = events("Hamas returned 100 Israelis taken captive during its attacks on October 7.");
    assert!(evs.iter().filter(|e| e.kind == T::Assault).all(|e| names(&e.actor) == ["Hamas"]), "{evs:?}");
    // A refusal until something happens is conditional.
    let evs = events("Hamas will not release any more captives until the bombardment ends.");
    assert_eq!((evs[0].kind, evs[0].status), (T::Reject, S::Conditional));
    // Present state: ongoing.
    let evs = events("Qatari negotiators are in touch with Hamas.");
    assert_eq!(evs[0].status, S::Ongoing);
}

#[test]
fn unnamed_groups_and_truces() {
    // An unnamed group as the recipient, as the text names it.
    let evs = events("Netanyahu, speaking to captives' families on Tuesday, said efforts were underway.");
    assert_eq!(names(&evs[0].recipient), ["captives' families"]);
    // A truce is kept by the parties named together last.
    let evs =
        events("Egypt is pressing both Israel and Hamas to agree. During a truce that ran for a week, aid got in.");
    let t = evs.iter().find(|e| e.mode.as_deref() == Some("ceasefire")).expect("the truce");
    assert_eq!(names(&t.actor), ["Israel", "Hamas"]);
}

#[test]
fn pledging_to_continue_an_offensive_refuses_to_yield() {
    let evs = events(
        "Netanyahu has pledged to continue Israel's military offensive until achieving full victory over Hamas.",
    );
    let e = evs.iter().find(|e| e.kind == T::Reject).expect("a refusal");
    assert_eq!(e.mode.as_deref(), Some("yield"));
    assert_eq!(names(&e.recipient), ["Hamas"]);
}

#[test]
fn a_nationality_and_a_body_name_the_actor() {
    let evs = events("Rwandan rebels demanded the removal of the president.");
    assert_eq!(names(&evs[0].actor), ["Rwandan rebels"]);
    assert_eq!((evs[0].actor[0].country.as_deref(), evs[0].actor[0].sector.as_deref()), (Some("RWA"), Some("REB")));
}

#[test]
fn announced_visits_and_speakers_who_did_it_themselves() {
    let evs = events("German Foreign Minister Oskar Fischer will visit Albania in June.");
    assert!(evs.iter().any(|e| e.kind == T::Agree && e.status == S::Planned), "{evs:?}");
    let evs = events("Switzerland said today it had expelled two Russian diplomats.");
    assert!(evs.iter().any(|e| e.kind == T::Sanction && names(&e.actor) == ["Switzerland"]), "{evs:?}");
}

#[test]
fn an_unnamed_subject_acts_as_written() {
    let evs = events("Teachers have said they will not end the strike until their demands are met.");
    assert_eq!((evs[0].kind, evs[0].status), (T::Reject, S::Conditional));
    assert_eq!(names(&evs[0].actor), ["Teachers"]);
    let evs = events("Nearly 70 countries have agreed to share information.");
    assert_eq!(names(&evs[0].actor), ["Nearly 70 countries"]);
    // Nobody at all: no event.
    assert!(events("It was agreed on Monday.").is_empty());
}

#[test]
fn sanctions_sentences_and_censorship() {
    let ev = events("The European Union imposed sanctions on Belarus in 2021.");
    assert_eq!(ev[0].kind, T::Sanction);
    assert_eq!(names(&ev[0].actor), ["European Union"]);
    assert_eq!(names(&ev[0].recipient), ["Belarus"]);
    let ev = events("A Bosnian court sentenced Milorad Dodik to one year in prison.");
    assert_eq!((ev[0].kind, ev[0].mode.as_deref()), (T::Sanction, Some("convict")));
    assert_eq!(names(&ev[0].recipient), ["Milorad Dodik"]);
    assert_eq!(ev[0].actor[0].country.as_deref(), Some("BIH"), "a Bosnian court acts for Bosnia");
    let ev = events("The Somali government closed 12 media outlets linked to al-Shabab.");
    assert_eq!((ev[0].kind, ev[0].mode.as_deref()), (T::Coerce, Some("censor")));
    assert_eq!(ev[0].actor[0].country.as_deref(), Some("SOM"), "Somali is Somalia's, not a region of Ethiopia");
    // "closed" without an outlet is no censorship.
    assert!(events("Markets closed early on Friday.").is_empty());
}

#[test]
fn a_state_body_without_a_country_acts_for_the_country_of_the_story() {
    let ev = events(
        "Myanmar's junta faces growing protests. In Yangon, the security forces detained dozens of demonstrators on Sunday.",
    );
    let e = ev.iter().find(|e| e.kind == T::Coerce).expect("the detention");
    assert_eq!(names(&e.actor), ["the security forces"]);
    assert_eq!((e.actor[0].country.as_deref(), e.actor[0].sector.as_deref()), (Some("MMR"), Some("MIL")));
    // People who are no state body keep no country.
    let ev = events("Myanmar held elections. Teachers have said they will strike on Monday.");
    assert!(ev.iter().flat_map(|e| &e.actor).all(|a| a.country.is_none() || a.name.as_deref() == Some("Myanmar")));
}

#[test]
fn concessions_renewed_demands_and_refusals() {
    let ev = events("The Mozambique government accepted demands from the rebels that it hold elections.");
    assert_eq!(ev[0].kind, T::Concede);
    let ev = events("The ILO reiterated its demand that Israel ease restrictions on workers.");
    assert_eq!(ev[0].kind, T::Request);
    let ev = events("Vice-President Moody Awori has declined to resign despite growing pressure.");
    assert!(ev.iter().any(|e| e.kind == T::Reject));
    // "declined to comment" is no refusal of anything.
    assert!(events("The ministry declined to comment on Tuesday.").is_empty());
}

#[test]
fn an_agreement_or_refusal_about_a_place_targets_its_country() {
    let ev = events("Israel agreed to evacuate all 21 settlements in the Gaza Strip.");
    assert_eq!(ev[0].kind, T::Agree);
    assert_eq!(ev[0].recipient[0].country.as_deref(), Some("PSE"));
    // A meeting's place is where it is held, not whom it is with.
    let ev = events("Ukraine and Russia met in Istanbul on Monday.");
    assert!(ev.iter().all(|e| e.recipient.iter().all(|r| r.country.as_deref() != Some("TUR"))));
}

#[test]
fn an_unnamed_speaker_acts_in_what_they_announce() {
    let ev = events("Communist rebels said Saturday that they will release a kidnapped aid worker.");
    assert_eq!(names(&ev[0].actor), ["Communist rebels"]);
}

#[test]
fn visits_receptions_and_discussions_are_consultations() {
    let ev = events("Prime Minister Abiy Ahmed held bilateral discussions with Somalia on Monday.");
    assert_eq!(ev[0].kind, T::Consult);
    let ev = events("Qatar's emir received the Kenyan ambassador at his palace.");
    assert_eq!(ev[0].kind, T::Consult);
    let ev = events("Donald Trump made a state visit to the United Kingdom in June.");
    assert!(ev.iter().any(|e| e.kind == T::Consult && e.mode.as_deref() == Some("visit")));
    // Announced, it is an agreement to visit (PLOVER's rule for future cooperation).
    let ev = events("Donald Trump will make a state visit to the United Kingdom in June.");
    assert_eq!((ev[0].kind, ev[0].status), (T::Agree, S::Planned));
    assert_eq!(ev[0].recipient[0].country.as_deref(), Some("GBR"));
    assert!(events("The package was received on Monday.").is_empty());
}

#[test]
fn commitments_are_agreements_and_lifting_follows_the_crosswalk() {
    // What a party agrees, offers or pledges to do is an AGREE, not the act itself.
    let ev = events("Jordan agreed to open its borders to allow humanitarian aid into the enclave.");
    assert!(ev.iter().all(|e| e.kind == T::Agree), "{ev:?}");
    let ev = events("Kenya offered to send troops to Haiti.");
    assert_eq!(ev.iter().map(|e| e.kind).collect::<Vec<_>>(), [T::Agree]);
    // Economic sanctions lifted are a material retreat; a state of emergency or a ban lifted,
    // a concession (the PLOVER codebook lists curfews under CONCEDE).
    assert_eq!(events("The Security Council lifted sanctions on Eritrea.")[0].kind, T::Retreat);
    assert_eq!(events("Sudan lifted the state of emergency in Darfur.")[0].kind, T::Concede);
    assert_eq!(events("The court lifted a ban on the opposition party.")[0].kind, T::Concede);
    let ev = events("The rebels declared a ceasefire on Monday.");
    assert_eq!((ev[0].kind, ev[0].mode.as_deref()), (T::Retreat, Some("ceasefire")));
}

#[test]
fn the_speaker_of_a_report_acts_in_it_and_bodies_act_as_written() {
    // "they" opening what a speaker reports is the speaker.
    let ev = events("Teachers have asserted that they will not end the strike until their demands are met.");
    assert_eq!((ev[0].kind, ev[0].status), (T::Reject, S::Conditional));
    assert_eq!(names(&ev[0].actor), ["Teachers"], "{ev:?}");
    // A body named with a place: "A court in Bishkek".
    let ev = events("A court in Bishkek has freed a jailed journalist.");
    assert_eq!(names(&ev[0].actor), ["A court in Bishkek"], "{ev:?}");
    // A seat of government speaks for its state as a capital does.
    let ev = events("Tel Aviv is pursuing a deal to secure the release by Hamas of elderly captives.");
    assert_eq!((ev[0].kind, names(&ev[0].actor)), (T::Request, vec!["Israel".to_string()]));
}

#[test]
fn strikes_alerts_captures_and_charges() {
    let kinds = |t: &str| events(t).iter().map(|e| e.kind).collect::<Vec<_>>();
    assert_eq!(kinds("About 900 dock workers stopped work on Tuesday in a strike over wages."), [T::Protest]);
    assert_eq!(kinds("Border troops remained on alert after the clash."), [T::Mobilize]);
    assert_eq!(kinds("Militia fighters violated the ceasefire 40 times overnight."), [T::Assault]);
    assert_eq!(kinds("Government troops captured the town of Hadi from the rebels."), [T::Assault]);
    // What a party is accused of is the charge, not a reported attack.
    assert_eq!(kinds("The government accused the rebels of violating the ceasefire."), [T::Accuse]);
}

#[test]
fn judged_denied_weighed_and_background_acts_are_not_reported_events() {
    let kinds = |t: &str| events(t).iter().map(|e| e.kind).collect::<Vec<_>>();
    // What is condemned is the object of the condemnation.
    assert_eq!(kinds("The UN chief condemned the bombing of a market in the north."), [T::Accuse]);
    // What is denied is not reported as done.
    assert_eq!(kinds("The minister rejected accusations that his police had killed protesters."), [T::Reject]);
    // Weighing an act is no act yet.
    assert!(kinds("Japan is considering sending aid to the flooded provinces.").is_empty());
    // An attack named as the time of a condolence is background.
    assert!(kinds("The king sent condolences following the attack on the embassy.").is_empty());
}

#[test]
fn lawsuits_investigations_mediation_and_verbal_support() {
    let kinds = |t: &str| events(t).iter().map(|e| e.kind).collect::<Vec<_>>();
    let ev = events("Three opposition politicians filed a libel lawsuit against the interior minister.");
    assert_eq!((ev[0].kind, ev[0].mode.as_deref()), (T::Accuse, Some("allege")), "{ev:?}");
    assert_eq!(names(&ev[0].actor), ["Three opposition politicians"]);
    assert_eq!(kinds("Kuwait launched a mediation effort between the two parties."), [T::Consult]);
    assert_eq!(kinds("The envoy defended the army's handling of the protests."), [T::Support]);
    assert_eq!(kinds("Rwanda and Burundi restored diplomatic ties on Monday."), [T::Support]);
}

#[test]
fn hosts_receive_visitors_and_rejected_proposals_are_not_events() {
    // PLOVER's visit: the guest acts, the host receives.
    let ev = events("Egyptian President Abdel Fattah el-Sisi hosted Ismail Haniyeh in Cairo on Monday.");
    assert_eq!((ev[0].kind, ev[0].mode.as_deref()), (T::Consult, Some("visit")));
    assert_eq!(
        (names(&ev[0].actor), names(&ev[0].recipient)),
        (vec!["Ismail Haniyeh".to_string()], vec!["Abdel Fattah al-Sisi".to_string()])
    );
    let kinds = |t: &str| events(t).iter().map(|e| e.kind).collect::<Vec<_>>();
    // What is rejected or cancelled is not done.
    assert_eq!(
        kinds("The United Nations rejected a call for its peacekeepers to be deployed in the east."),
        [T::Reject]
    );
    assert_eq!(kinds("The French minister cancelled a planned visit to Haiti."), [T::Sanction]);
    // The cause of an act is background: "in retaliation for an air raid".
    assert_eq!(kinds("Iran shelled Iraqi towns in retaliation for an air raid on Susangerd."), [T::Assault]);
}

#[test]
fn a_passive_subject_undergoes_the_act() {
    let ev = events("More than 270 schoolgirls were freed by their captors on Tuesday.");
    let e = ev.iter().find(|e| e.kind == T::Retreat).expect("a release");
    assert_eq!(
        (names(&e.actor), names(&e.recipient)),
        (vec!["their captors".to_string()], vec!["More than 270 schoolgirls".to_string()])
    );
    // With no agent named, the victims are the recipient, never the actor.
    let ev = events("Eight protesters were killed on Friday in the central town.");
    assert!(ev[0].actor.is_empty() && names(&ev[0].recipient) == ["Eight protesters"], "{ev:?}");
}

#[test]
fn met_with_takes_the_one_met() {
    let ev =
        events("Mohammed bin Salman held a separate meeting with Ukrainian President Volodymyr Zelenskyy in Geneva.");
    assert_eq!(names(&ev[0].recipient), ["Volodymyr Zelenskyy"], "{ev:?}");
}

#[test]
fn parties_meet_each_other_and_unnamed_people_are_pleaded_with() {
    let ev = events("Cameroon and Chad signed an agreement to jointly patrol their border.");
    let e = ev.iter().find(|e| e.kind == T::Support).expect("a signing");
    assert_eq!(names(&e.recipient), ["Cameroon", "Chad"], "{ev:?}");
    let ev = events("Officials in Bangui are pleading with civilians to go back to their villages.");
    let e = ev.iter().find(|e| e.kind == T::Request).expect("a request");
    assert_eq!(names(&e.recipient), ["civilians"], "{ev:?}");
}

#[test]
fn an_actor_behind_a_preposition_yields_to_the_subject() {
    let ev = events("The U.N. special envoy for Syria is calling for an end to the violence.");
    assert_eq!(names(&ev[0].actor), ["United Nations"], "{ev:?}");
    // With no other, the one behind the preposition stays: "officials from Qatar said …".
    let ev = events("Officials from Qatar met Hamas leaders on Monday.");
    assert_eq!(names(&ev[0].actor), ["Qatar"], "{ev:?}");
}

#[test]
fn conditions_are_not_events_and_a_capital_before_its_verb_speaks() {
    let kinds = |t: &str| events(t).iter().map(|e| e.kind).collect::<Vec<_>>();
    // (The threatened offensive is what the threat is made of: one event.)
    assert_eq!(
        kinds("Iran threatened to launch a new offensive unless Baghdad accepted its conditions."),
        [T::Threaten]
    );
    let ev = events("The ministry blamed India, a charge New Delhi quickly rejected.");
    assert!(ev.iter().any(|e| e.kind == T::Reject && names(&e.actor) == ["India"]), "{ev:?}");
}

#[test]
fn a_participle_acts_for_the_subject_and_a_rejected_charge_answers_its_maker() {
    let ev = events(
        "Pakistani officials blamed India, accusing it of arming militants, a charge New Delhi quickly rejected.",
    );
    let accuse: Vec<_> = ev.iter().filter(|e| e.kind == T::Accuse).collect();
    assert_eq!(accuse.len(), 1, "{ev:?}");
    assert_eq!(names(&accuse[0].recipient), ["India"]);
    let reject = ev.iter().find(|e| e.kind == T::Reject).expect("a rejection");
    assert_eq!(
        (names(&reject.actor), names(&reject.recipient)),
        (vec!["India".to_string()], vec!["Pakistan".to_string()])
    );
}

#[test]
fn he_and_she_are_the_person_named_last_and_a_passive_speaker_undergoes() {
    let ev = events("Khalid Mehdiyev told jurors that he was arrested in July 2022 in Brooklyn.");
    assert!(ev[0].actor.is_empty() && names(&ev[0].recipient) == ["Khalid Mehdiyev"], "{ev:?}");
    let ev = events("Ismail Haniyeh arrived in Cairo on Wednesday. He met Egypt's intelligence chief.");
    let meet = ev.iter().rfind(|e| e.kind == T::Consult).unwrap();
    assert_eq!(names(&meet.actor), ["Ismail Haniyeh"], "{ev:?}");
    // "They" is the body or group named last.
    let ev = events("The Group of Seven met in Canada on Friday. They called on China to join arms talks.");
    let ask = ev.iter().find(|e| e.kind == T::Request).expect("a request");
    assert_eq!(
        (names(&ask.actor), names(&ask.recipient)),
        (vec!["Group of Seven".to_string()], vec!["China".to_string()])
    );
}

#[test]
fn announced_decisions_stay_what_they_are_and_bodies_meeting_alone_consult_no_one() {
    let ev = events("The United States announced Wednesday it would prohibit all aid to the rebels.");
    assert_eq!((ev[0].kind, ev[0].status), (T::Sanction, S::Planned), "{ev:?}");
    let ev = events("Iraq's government said it is prepared to impose martial law in Baghdad.");
    assert_eq!(ev[0].kind, T::Threaten, "{ev:?}");
    assert!(events("Israel's Cabinet met on Sunday.").is_empty());
}

#[test]
fn the_aim_of_a_protest_or_refusal_is_no_second_event() {
    let kinds = |t: &str| events(t).iter().map(|e| e.kind).collect::<Vec<_>>();
    assert_eq!(kinds("Thousands of Kurds demonstrated in Kirkuk on Sunday calling for independence."), [T::Protest]);
    assert_eq!(
        kinds("The army has been holding 300 civilians, according to a press release by the rebels."),
        Vec::<T>::new().into_iter().chain(kinds("The army has been holding 300 civilians.")).collect::<Vec<_>>()
    );
}

#[test]
fn troops_that_arrive_do_not_visit() {
    let ev = events("The first NATO peacekeeping troops have arrived in Bosnia.");
    assert_eq!((ev[0].kind, names(&ev[0].recipient)), (T::Aid, vec!["Bosnia and Herzegovina".to_string()]), "{ev:?}");
    let ev = events("Russian troops arrived in the border town on Monday.");
    assert!(ev.iter().all(|e| e.kind != T::Consult), "{ev:?}");
}

#[test]
fn a_concession_answers_whom_the_demands_came_from_and_a_consensus_is_an_agreement() {
    let ev = events("The Mozambique government accepted demands from Shona rebels that it initiate reforms.");
    assert_eq!((ev[0].kind, names(&ev[0].recipient)), (T::Concede, vec!["Shona rebels".to_string()]), "{ev:?}");
    let kinds: Vec<_> = events("Israel and the Palestinians reached a consensus to exchange information on water.")
        .iter()
        .map(|e| e.kind)
        .collect();
    assert_eq!(kinds, [T::Agree]);
}

#[test]
fn a_second_verb_shares_the_subject_and_an_unnamed_group_undergoes_the_passive() {
    let ev =
        events("Cameroon and Chad officials met in Bangui last week and signed an agreement to patrol the border.");
    let sign = ev.iter().find(|e| e.kind == T::Support).expect("a signing");
    assert_eq!(names(&sign.actor), ["Cameroon", "Chad"], "{ev:?}");
    // (Demonstrators killed are the victims of an attack, not a protest.)
    let ev = events("In Myanmar, at least eight anti-coup demonstrators were killed on Friday.");
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(
        (ev[0].kind, names(&ev[0].recipient)),
        (T::Assault, vec!["at least eight anti-coup demonstrators".to_string()])
    );
}

#[test]
fn support_for_someone_and_what_a_demand_asks_at_length() {
    let ev = events("The G7 countries affirmed their unwavering support for Ukraine in defending its borders.");
    assert_eq!((ev[0].kind, names(&ev[0].recipient)), (T::Support, vec!["Ukraine".to_string()]), "{ev:?}");
    let kinds: Vec<_> = events(
        "Palestinian officials demanded Friday that the United States match the European Union's support for statehood.",
    )
    .iter()
    .map(|e| e.kind)
    .collect();
    assert_eq!(kinds, [T::Request]);
}

#[test]
fn operations_against_a_group_and_gunmen_as_actors() {
    let ev = events("Somali soldiers are conducting operations against al-Shabab in central Somalia.");
    let e = ev.iter().find(|e| e.kind == T::Assault).expect("an operation");
    assert_eq!(names(&e.recipient), ["al-Shabab"], "{ev:?}");
    let ev = events("Gunmen stormed a hotel in the city on Tuesday.");
    assert_eq!(names(&ev[0].actor), ["Gunmen"], "{ev:?}");
}

#[test]
fn agreeing_with_a_proposal_supports_it_and_a_group_participle_is_passive() {
    let ev = events("All G7 foreign ministers agree with the U.S. proposal of a ceasefire.");
    assert_eq!((ev[0].kind, names(&ev[0].recipient)), (T::Support, vec!["United States".to_string()]), "{ev:?}");
    let ev = events("More than 270 schoolgirls kidnapped in northwestern Zamfara state were freed.");
    let abduct = ev.iter().find(|e| e.kind == T::Assault).expect("an abduction");
    assert!(abduct.actor.is_empty() && names(&abduct.recipient) == ["More than 270 schoolgirls"], "{ev:?}");
    // An active verb after a plural subject stays active.
    let ev = events("Rebels attacked three villages near the border.");
    assert_eq!(names(&ev[0].actor), ["Rebels"], "{ev:?}");
    let ev = events("The president said his administration will not succumb to pressure from kidnappers.");
    assert_eq!(ev[0].kind, T::Reject, "{ev:?}");
}

#[test]
fn they_in_a_report_is_the_speaker_not_the_group_named_last() {
    let ev = events(
        "Islamic State lost its deputy leader. Iraqi officials also said they arrested seven IS members in Irbil.",
    );
    let arrest = ev.iter().find(|e| e.kind == T::Coerce).expect("an arrest");
    assert!(!names(&arrest.actor).contains(&"Islamic State".to_string()), "{ev:?}");
}

#[test]
fn a_meeting_in_one_partys_country_is_hosted_by_it() {
    let ev = events("Mohammed bin Salman held a meeting with Volodymyr Zelenskyy in Riyadh on Monday.");
    let e = &ev[0];
    assert_eq!((e.kind, e.mode.as_deref()), (T::Consult, Some("visit")));
    assert_eq!(
        (names(&e.actor), names(&e.recipient)),
        (vec!["Volodymyr Zelenskyy".to_string()], vec!["Mohammed bin Salman".to_string()])
    );
}

#[test]
fn an_envoys_demands_go_to_the_country_of_the_mandate() {
    let ev = events("The U.N. special envoy for Syria is calling for an end to the violence.");
    assert_eq!(
        (names(&ev[0].actor), names(&ev[0].recipient)),
        (vec!["United Nations".to_string()], vec!["Syria".to_string()])
    );
}

#[test]
fn the_owner_of_what_was_acted_on_and_the_issuer_of_a_rejected_verdict() {
    let ev = events("The agency said it closed 12 media outlets and websites linked to al-Shabab.");
    assert_eq!(names(&ev[0].recipient), ["al-Shabab"], "{ev:?}");
    let ev = events("Last month, a Bosnian court sentenced Dodik to one year in prison. Dodik rejected the verdict.");
    let reject = ev.iter().find(|e| e.kind == T::Reject).expect("a rejection");
    assert_eq!(names(&reject.recipient), ["Bosnia and Herzegovina"], "{ev:?}");
}

#[test]
fn an_envoys_demands_go_to_the_country_of_the_role() {
    let ev = events("Geir Pedersen spoke on Monday. He called for the creation of a credible transitional government.");
    let ask = ev.iter().find(|e| e.kind == T::Request).expect("a request");
    assert_eq!(names(&ask.recipient), ["Syria"], "{ev:?}");
}

#[test]
fn the_same_event_told_twice_is_one_event_with_both_sentences() {
    let ev = events(
        "Russia shelled Kharkiv on Thursday. Officials said Russia shelled Kharkiv on Thursday for the third time.",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].evidence.len(), 2);
    assert_eq!(ev[0].evidence[0], ev[0].sentence);
    // On another day it is another event.
    let ev = events("Russia shelled Kharkiv on Thursday. Russia shelled Kharkiv again on Friday.");
    assert_eq!(ev.len(), 2, "{ev:?}");
}

#[test]
fn users_add_their_own_triggers() {
    let text = "Hamas fighters torched the village of Kolo on Monday.";
    assert!(events(text).is_empty());
    let mine = [("mine.tsv".to_string(), "torched|torches\tASSAULT\t-\tobj\n".to_string())];
    let p = Pipeline::new().with_triggers(&mine).unwrap();
    let ev = p.extract(Article::from_body(text)).events;
    assert_eq!((ev[0].kind, names(&ev[0].actor)), (T::Assault, vec!["Hamas".to_string()]));
    // A bad line names its file and line.
    let bad = [("mine.tsv".to_string(), "# mine\ntorched\tBURN\t-\tobj\n".to_string())];
    let err = Pipeline::new().with_triggers(&bad).err().expect("an error");
    assert!(err.starts_with("mine.tsv:2:") && err.contains("BURN"), "{err}");
    let bad = [("mine.tsv".to_string(), "torched\tASSAULT\tnapalm\tobj\n".to_string())];
    assert!(Pipeline::new().with_triggers(&bad).err().expect("an error").contains("mode 'napalm'"));
}

#[test]
fn the_speaker_acts_in_a_reported_clause_a_pronoun_opens() {
    // Not the place behind a preposition: "rebels in the north".
    let ev = events(
        "Kenya announced Wednesday it would cut all aid to rebels in Somalia and would deny entry to their leaders.",
    );
    assert!(ev.iter().all(|e| names(&e.actor) != vec!["Somalia".to_string()]), "{ev:?}");
}
