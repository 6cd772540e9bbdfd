//! The `quotes` stage on passages written for these tests.

use dateline::record::Quote;
use dateline::{Article, Pipeline};

fn quotes(text: &str) -> Vec<Quote> {
    Pipeline::new().extract(Article::from_body(text)).quotes
}

/// (text, direct, speaker name) of each quote.
fn summary(text: &str) -> Vec<(String, bool, Option<String>)> {
    quotes(text).into_iter().map(|q| (q.text, q.direct, q.speaker.map(|s| s.name))).collect()
}

fn q(text: &str, direct: bool, speaker: Option<&str>) -> (String, bool, Option<String>) {
    (text.to_string(), direct, speaker.map(str::to_string))
}

#[test]
fn direct_quotes_with_every_kind_of_mark() {
    assert_eq!(
        summary("“We will not leave,” said the mayor, Ana Ruiz."),
        [q("We will not leave,", true, Some("the mayor"))]
    );
    assert_eq!(
        summary("\"The road is closed,\" the officer said."),
        [q("The road is closed,", true, Some("the officer"))]
    );
    assert_eq!(
        summary("« Nous restons ici », a déclaré Paul, the envoy said."),
        [q("Nous restons ici", true, Some("the envoy"))]
    );
    assert_eq!(summary("The minister said: „Wir bleiben hier.“"), [q("Wir bleiben hier.", true, Some("The minister"))]);
    assert_eq!(
        summary("‘We are ready to talk,’ Tarek Saleh told Reuters."),
        [q("We are ready to talk,", true, Some("Tarek Saleh"))]
    );
}

#[test]
fn nested_quotes_stay_inside_the_outer_one() {
    let got = summary("“He told me ‘go home now’ and left,” the witness said.");
    assert_eq!(got, [q("He told me ‘go home now’ and left,", true, Some("the witness"))]);
}

#[test]
fn quotes_across_sentences_and_paragraphs() {
    let text = "“We will rebuild. We have done it before,” Governor Lina Haddad said.\n\
                “Nothing will stop us.”\n\
                Rain fell overnight.";
    let got = summary(text);
    assert_eq!(got[0], q("We will rebuild. We have done it before,", true, Some("Lina Haddad")));
    // A quote paragraph with no attribution inherits the previous speaker.
    assert_eq!(got[1], q("Nothing will stop us.", true, Some("Lina Haddad")));
    assert_eq!(got.len(), 2);

    // A paragraph that continues a quote opens with a mark and the one before does not close.
    let text = "The commander spoke at length. “We held the bridge for three days.\n“Then the shelling stopped and we moved east,” he said.";
    let got = summary(text);
    assert_eq!(got.len(), 1);
    assert!(got[0].0.starts_with("We held the bridge") && got[0].0.ends_with("moved east,"), "{got:?}");
}

#[test]
fn partial_quotes_take_the_sentence_attribution() {
    let text = "Haniyeh planned to discuss “stopping the aggression” in Gaza, a Hamas source told the AFP news agency.";
    let qs = quotes(text);
    assert_eq!(qs.len(), 1);
    assert_eq!(qs[0].text, "stopping the aggression");
    assert_eq!(qs[0].speaker.as_ref().unwrap().name, "a Hamas source");
    assert_eq!(qs[0].cue.as_deref(), Some("told"));
    assert_eq!(qs[0].channel.as_deref(), Some("AFP"));
}

#[test]
fn scare_quotes_and_unbalanced_marks() {
    // One quoted word inside reported speech is a scare quote, not a quote of its own.
    let got = summary("Officials said the army had launched a “humanitarian” operation in the north.");
    assert_eq!(got, [q("the army had launched a “humanitarian” operation in the north", false, Some("Officials"))]);
    // A mark that never closes stops at the end of its paragraph.
    let text = "“This is the end of the talks, the delegate said angrily after the session\nNegotiators left the city on Monday. Talks may resume next week.";
    let qs = quotes(text);
    assert_eq!(qs.len(), 1);
    assert!(qs[0].text.ends_with("after the session"));
}

#[test]
fn reported_speech_patterns() {
    assert_eq!(
        summary("Hamas has said it will not release any more captives."),
        [q("it will not release any more captives", false, Some("Hamas"))]
    );
    assert_eq!(
        summary("The ministry said on Monday that 14 people were killed."),
        [q("14 people were killed", false, Some("The ministry"))]
    );
    assert_eq!(
        summary("According to the health ministry, 40 people died in the strike."),
        [q("40 people died in the strike", false, Some("the health ministry"))]
    );
    assert_eq!(
        summary("Forty people died in the strike, according to the health ministry."),
        [q("Forty people died in the strike", false, Some("the health ministry"))]
    );
    assert_eq!(
        summary("The envoy told reporters that a deal was close."),
        [q("a deal was close", false, Some("The envoy"))]
    );
    // The capital speaks for its country.
    assert_eq!(
        summary("Kyiv insisted the bridge was a military target."),
        [q("the bridge was a military target", false, Some("Ukraine"))]
    );
    assert_eq!(
        summary("The army warned that more strikes would follow."),
        [q("more strikes would follow", false, Some("The army"))]
    );
    assert_eq!(
        summary("The rebels seized the airport at dawn, the government says."),
        [q("The rebels seized the airport at dawn", false, Some("the government"))]
    );
    assert_eq!(
        summary("Israel has continued to pound Gaza, claiming it must destroy the group."),
        [q("it must destroy the group", false, Some("Israel"))]
    );
}

#[test]
fn speaker_patterns() {
    let text =
        "In an interview with Al Jazeera, Hamas official Ghazi Hamad said that the group was ready to negotiate.";
    let qs = quotes(text);
    assert_eq!(qs[0].speaker.as_ref().unwrap().name, "Ghazi Hamad");
    assert_eq!(qs[0].channel.as_deref(), Some("Al Jazeera"));

    let text = "Omar Bakri, a spokesman for the council, said the vote would go ahead.";
    assert_eq!(summary(text)[0].2.as_deref(), Some("Omar Bakri"));

    let text = "The lawyer for the defendant, Sara Levi, said the evidence was thin.";
    assert_eq!(summary(text)[0].2.as_deref(), Some("Sara Levi"));

    // The knowledge base knows President Ruto by his full name.
    let text = "President Ruto, speaking to soldiers on Friday, said the mission would last a year.";
    assert_eq!(summary(text)[0].2.as_deref(), Some("William Ruto"));
    let text = "Governor Wanjiru, speaking to traders on Friday, said the market would reopen.";
    assert_eq!(summary(text)[0].2.as_deref(), Some("Wanjiru"));

    // Titles and descriptions before a name give way to the name.
    let text = "Israel’s Prime Minister Benjamin Netanyahu said the war would go on.";
    assert_eq!(summary(text)[0].2.as_deref(), Some("Benjamin Netanyahu"));
    // A speaker that is a known entity takes its name.
    let text = "The U.N. said aid deliveries had stopped.";
    assert_eq!(summary(text)[0].2.as_deref(), Some("United Nations"));

    let text = "“The situation is calm,” Colonel Yusuf Adamu told reporters.";
    assert_eq!(summary(text)[0].2.as_deref(), Some("Yusuf Adamu"));
}

#[test]
fn pronouns_resolve_to_the_last_named_speaker() {
    let text = "Negotiator Dara Okafor said the talks were productive.\n“We are close,” she said.\nHe added that details were pending.";
    let got = summary(text);
    assert_eq!(got[1], q("We are close,", true, Some("Negotiator Dara Okafor")));
    assert_eq!(got[2], q("details were pending", false, Some("Negotiator Dara Okafor")));
    // A pronoun never resolves to a group or an unnamed source.
    let got = summary("Officials said the road was open. “It is safe,” she said.");
    assert_eq!(got[1].2.as_deref(), Some("she"));
}

#[test]
fn unnamed_speakers_are_kept_as_written() {
    let got = summary("A senior official said the ceasefire would begin at noon.");
    assert_eq!(got[0].2.as_deref(), Some("A senior official"));
    let got = summary("“The shelling went on all night,” witnesses said.");
    assert_eq!(got[0].2.as_deref(), Some("witnesses"));
}

#[test]
fn nothing_from_sentences_without_speech() {
    assert!(quotes("The convoy reached the border on Tuesday. Aid trucks waited outside.").is_empty());
    assert!(quotes("The army confirmed the killing of the commander.").is_empty());
}

#[test]
fn quote_offsets_index_the_text_in_code_points() {
    let text = "Rebels’ leader said: “Déjà vu — we have seen this before.”";
    let qs = quotes(text);
    let chars: Vec<char> = text.chars().collect();
    let [a, b] = qs[0].span;
    assert_eq!(chars[a..b].iter().collect::<String>(), qs[0].text);
    let sp = qs[0].speaker.as_ref().unwrap();
    let [a, b] = sp.span.unwrap();
    assert_eq!(chars[a..b].iter().collect::<String>(), "Rebels’ leader");
}

#[test]
fn he_and_she_refer_to_the_person_named_last() {
    let text =
        "Aid worker Glwadys Siopathis visited the camp on Monday. She says 10,000 people are hiding in the bush.";
    let got = summary(text);
    assert_eq!(got[0].2.as_deref(), Some("Glwadys Siopathis"));
}

#[test]
fn a_definite_description_speaks_for_the_role_holder_named_before() {
    let r = dateline::Pipeline::new().extract(dateline::Article::from_body(
        "Pakistan military spokesperson Lt. Gen. Ahmed Sharif Chaudhry briefed reporters on Monday. \
         The military spokesperson said 11,654 operations were conducted. \
         U.S. Secretary of State Marco Rubio met officials in Jeddah. \
         \"We could be spending more time on Asia,\" the top U.S. diplomat noted. \
         Al-Shabab attacked the hotel. In a statement, the group said it had killed more than 10 people. \
         \"We will not stop,\" the negotiator said.",
    ));
    let speakers: Vec<&str> = r.quotes.iter().map(|q| q.speaker.as_ref().unwrap().name.as_str()).collect();
    // An unknown role ("the negotiator": nobody named holds it) stays as written.
    assert_eq!(speakers, ["Ahmed Sharif Chaudhry", "Marco Rubio", "al-Shabab", "the negotiator"]);
    assert!(r.quotes[..3].iter().all(|q| q.speaker.as_ref().unwrap().entity.is_some()));
}

#[test]
fn doubled_apostrophes_and_backticks_are_quotation_marks() {
    let r = dateline::Pipeline::new().extract(dateline::Article::from_body(
        "''This isn't tax reform,'' said Douglas Holtz-Eakin, an economist. \
         Iraq said it would allow the return of inspectors ``without conditions''.",
    ));
    let got: Vec<(&str, &str)> =
        r.quotes.iter().map(|q| (q.text.as_str(), q.speaker.as_ref().unwrap().name.as_str())).collect();
    assert_eq!(
        got,
        [
            ("This isn't tax reform,", "Douglas Holtz-Eakin"),
            ("it would allow the return of inspectors ``without conditions''", "Iraq"),
            ("without conditions", "Iraq")
        ]
    );
}

#[test]
fn a_short_partial_quote_inside_reported_speech_is_a_mixed_quote() {
    let r = dateline::Pipeline::new().extract(dateline::Article::from_body(
        "Pence said his running mate's tweet was only “to mock” the rival campaign.",
    ));
    let reported: Vec<(&str, &str)> = r
        .quotes
        .iter()
        .filter(|q| !q.direct)
        .map(|q| (q.text.as_str(), q.speaker.as_ref().unwrap().name.as_str()))
        .collect();
    // (The speaker is the knowledge base's Mike Pence.)
    assert_eq!(reported, [("his running mate's tweet was only “to mock” the rival campaign", "Mike Pence")]);
}

#[test]
fn a_misspelled_surname_and_they() {
    let r = dateline::Pipeline::new().extract(dateline::Article::from_body(
        "U.N. envoy Geir Pedersen issued an appeal on Friday. \
         \"The conflict exposed the darkest depths of cruelty,\" Pederson said. \
         The foreign ministry said the talks would resume. \"We are ready,\" they said.",
    ));
    let speakers: Vec<&str> = r.quotes.iter().map(|q| q.speaker.as_ref().unwrap().name.as_str()).collect();
    assert_eq!(speakers[0], "Geir Pedersen");
    assert_eq!(speakers.last().copied(), Some("The foreign ministry"));
    assert!(r.entities.iter().all(|e| e.name.as_deref() != Some("Pederson")));
}

#[test]
fn a_plural_description_speaks_for_the_body_it_came_from() {
    let r = dateline::Pipeline::new().extract(dateline::Article::from_body(
        "Top diplomats from the Group of Seven urged Russia on Friday to accept a ceasefire. \
         \"We called for Russia to reciprocate,\" the diplomats said in a joint statement.",
    ));
    assert_eq!(r.quotes[0].speaker.as_ref().unwrap().name, "Group of Seven");
}

#[test]
fn descriptions_near_multibyte_text_do_not_panic() {
    // A role holder's mention just after curly quotes and dashes (multi-byte characters).
    let r = dateline::Pipeline::new().extract(dateline::Article::from_body(
        "“It’s over” — “done” — said Lt. Gen. Ahmed Sharif Chaudhry, the military spokesperson. \
         The military spokesperson said 30 operations were conducted.",
    ));
    assert!(r.quotes.iter().any(|q| q.speaker.as_ref().is_some_and(|s| s.name == "Ahmed Sharif Chaudhry")));
}

#[test]
fn he_is_not_the_president_whose_administration_is_named() {
    let r = dateline::Pipeline::new().extract(dateline::Article::from_body(
        "Secretary of State Marco Rubio spoke in Jeddah. Rubio said the Donald Trump administration did not want a \
         partition. \"The last thing the world needs is another crisis,\" he said.",
    ));
    let q = r.quotes.iter().find(|q| q.direct).expect("the direct quote");
    assert_eq!(q.speaker.as_ref().unwrap().name, "Marco Rubio");
}

#[test]
fn he_is_the_speaker_not_the_person_he_watched() {
    let text = "In court on Tuesday, Tomas Reyes said he followed Maria Whitfield for a week. \
                He tracked when she left her office, he said.";
    let got = summary(text);
    assert!(got.iter().all(|q| q.2.as_deref() == Some("Tomas Reyes")), "{got:?}");
}

#[test]
fn demands_charges_and_stances_are_reported_claims() {
    // A demand: the object is what is asked for.
    assert_eq!(
        summary("The Red Crescent called for an immediate pause in the shelling of the camps."),
        [q("an immediate pause in the shelling of the camps", false, Some("Red Crescent"))]
    );
    assert_eq!(
        summary("Mayor Ivan Petrenko urged residents to leave the eastern districts before nightfall."),
        [q("residents to leave the eastern districts before nightfall", false, Some("Ivan Petrenko"))]
    );
    // A commitment or refusal takes an infinitive.
    assert_eq!(
        summary("The rebel commander has pledged to release all the captured soldiers by Friday."),
        [q("to release all the captured soldiers by Friday", false, Some("The rebel commander"))]
    );
    // A charge, and a belief.
    assert_eq!(
        summary("The ministry strongly denied reports of a secret deal with the militia."),
        [q("reports of a secret deal with the militia", false, Some("The ministry"))]
    );
    assert_eq!(
        summary("Western diplomats believe the talks could resume next month."),
        [q("the talks could resume next month", false, Some("Western diplomats"))]
    );
}

#[test]
fn adjectives_and_nouns_are_not_cues() {
    assert!(summary("The proposed deal would free 50 captives in the first stage.").is_empty());
    assert!(summary("Negotiators studied Israel's plans to widen the buffer zone along the border.").is_empty());
    assert!(summary("Analysts listed several questions about the ceasefire's monitoring mechanism.").is_empty());
    // Wanting and planning are states of mind the writer ascribes, not statements.
    assert!(summary("The army planned to open two more crossings for aid trucks.").is_empty());
}

#[test]
fn every_report_in_a_sentence_counts() {
    // Two speakers in one sentence: the first report ends where the second clause begins.
    assert_eq!(
        summary("The defence lawyer said the evidence was thin, while the prosecutor said the case was strong."),
        [
            q("the evidence was thin", false, Some("The defence lawyer")),
            q("the case was strong", false, Some("the prosecutor")),
        ]
    );
    // A nested report is the outer speaker's claim and the inner one's.
    assert_eq!(
        summary("Officials said the general believes the offensive will stall before winter."),
        [
            q("the general believes the offensive will stall before winter", false, Some("Officials")),
            q("the offensive will stall before winter", false, Some("the general")),
        ]
    );
    // "..., saying ..." and "..., accusing ...": the main clause's subject speaks.
    assert_eq!(
        summary("The government condemned the attack on the convoy, accusing the rebels of breaking the truce."),
        [
            q("the attack on the convoy, accusing the rebels of breaking the truce", false, Some("The government")),
            q("the rebels of breaking the truce", false, Some("The government")),
        ]
    );
}

#[test]
fn the_speaker_stands_before_adverbs_times_and_parentheses() {
    let speaker = |t: &str| summary(t).first().and_then(|q| q.2.clone());
    assert_eq!(
        speaker("Senator Dana Oyelaran (D-Ore.) said the vote would be delayed again.").as_deref(),
        Some("Dana Oyelaran")
    );
    assert_eq!(
        speaker("The governor this week also said the roads would reopen soon.").as_deref(),
        Some("The governor")
    );
    assert_eq!(speaker("The envoy has long called for talks between the two armies.").as_deref(), Some("The envoy"));
    assert_eq!(
        speaker("The ministry, which together vowed to rebuild the bridge, met on Monday.").as_deref(),
        Some("The ministry")
    );
    // A time after the cue is not who spoke: "said Friday".
    assert_eq!(speaker("“The convoy was hit twice,” said Friday the head of the mission.").as_deref(), None);
}

#[test]
fn cues_that_are_also_nouns_need_a_subject() {
    assert!(summary("Turnout in several battleground states could decide the election.").is_empty());
    assert!(summary("The low demand for coal shut the mine for three days.").is_empty());
    assert_eq!(
        summary("A new poll shows that most residents want the curfew lifted."),
        [q("most residents want the curfew lifted", false, Some("A new poll"))]
    );
}

#[test]
fn naming_and_long_partial_quotes() {
    // "X called Y Z" names a stance; "a group called X" does not.
    assert_eq!(
        summary("The opposition called the referendum a sham staged by the junta."),
        [q("the referendum a sham staged by the junta", false, Some("The opposition"))]
    );
    assert!(summary("A group called the Patriotic Front held the bridge until dawn.").is_empty());
    // A partial quote with much more reported text around it: both the quote and the clause.
    let got = summary(
        "The spokeswoman said that “the army will defend every village” against what the ministry sees as a \
         coordinated campaign by the rebels and their foreign backers.",
    );
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(got.contains(&q("the army will defend every village", true, Some("The spokeswoman"))), "{got:?}");
    assert!(got.iter().any(|g| !g.1 && g.0.ends_with("foreign backers")), "{got:?}");
}

#[test]
fn who_speaks_for_the_one_before_it_and_physical_verbs_are_no_cues() {
    let qs = quotes("Amina Yusuf, who fled Juba in May, says her four children have not been to school since.");
    assert_eq!(qs[0].speaker.as_ref().unwrap().name, "Amina Yusuf");
    let qs = quotes("The camp holds 300 families, among them Amina Yusuf, who says her children have no school.");
    let sp = qs[0].speaker.as_ref().unwrap();
    assert_eq!(sp.name, "Amina Yusuf");
    // The span is the word that refers to her.
    assert_eq!(sp.span.map(|[s, e]| e - s), Some(3));
    assert!(summary("The cyclone slammed into the coast on Monday, flattening homes.").is_empty());
}

#[test]
fn orders_and_long_sources() {
    assert_eq!(
        summary("The general told his commanders to hold the bridge at any cost."),
        [q("his commanders to hold the bridge at any cost", false, Some("The general"))]
    );
    let got = summary(
        "More than 100,000 people fled the district in a week, according to the aid agency Relief Partners \\
         International (RPI).",
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].0.starts_with("More than 100,000 people fled"), "{got:?}");
}

#[test]
fn a_cue_first_in_the_text_has_nothing_to_its_left() {
    // Found by fuzzing: an adverb check looked left of the first token.
    let text = "demanded\u{0}: \"\u{fffd}ckyiv-\"Ukrai\u{fffd}\u{fffd} and Turkey agpee to extend grain corridor talks\",\u{fffd}\u{74f}D&OC8";
    let _ = quotes(text);
    let _ = quotes("demanded");
    let _ = quotes("strongly demanded that");
}

#[test]
fn a_headline_says_after_a_name() {
    let got = summary("Mayor Ana Ruiz Says Flood Barriers Will Hold Through The Winter\n\nThe city is ready.");
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].0.starts_with("Flood Barriers") && !got[0].1, "{got:?}");
    // In running text a capitalized "Says" is no cue.
    assert!(summary("The book Simon Says was reprinted in the capital last year.").is_empty());
}

#[test]
fn progressive_and_negated_cues() {
    assert_eq!(
        summary("The palace is saying that the tax records make the case for reform."),
        [q("the tax records make the case for reform", false, Some("The palace"))]
    );
    // Not saying whether is saying nothing.
    assert!(summary("The governor isn't saying whether the guard will be sent to the border.").is_empty());
    assert_eq!(
        summary("The union is demanding that the ministry reopen the wage talks."),
        [q("the ministry reopen the wage talks", false, Some("The union"))]
    );
    // Pressing someone is no report, in any tense.
    assert!(summary("Much of the world is pressing both sides to agree a truce.").is_empty());
}

#[test]
fn a_second_verb_shares_the_subject() {
    assert_eq!(
        summary("Police arrested two men on Friday and said a curfew would stay in place through the weekend."),
        [q("a curfew would stay in place through the weekend", false, Some("Police"))]
    );
    // A subject ends where its verb begins.
    assert_eq!(
        summary("The army shelled the town on Friday, saying militants had fired from it."),
        [q("militants had fired from it", false, Some("The army"))]
    );
}

#[test]
fn times_and_channels_between_the_speaker_and_the_cue() {
    let speaker = |t: &str| summary(t).first().and_then(|q| q.2.clone());
    assert_eq!(
        speaker("The movement on Tuesday said it would send a delegation to Cairo.").as_deref(),
        Some("The movement")
    );
    assert_eq!(
        speaker("The ministry in a statement said three soldiers were killed.").as_deref(),
        Some("The ministry")
    );
    assert_eq!(
        speaker("The minister in an interview with a local radio station said the port would reopen.").as_deref(),
        Some("The minister")
    );
    // A stop word inside a name is the name's.
    assert_eq!(
        speaker("Prime Minister Theresa May said this week that the country would leave by March.").as_deref(),
        Some("Theresa May")
    );
    // The subject keeps its phrase; the name in it is what they speak of.
    assert_eq!(
        speaker("Experts on North Korea said the latest test could change that.").as_deref(),
        Some("Experts on North Korea")
    );
    assert_eq!(
        summary("Experts said the latest test could change that."),
        [q("the latest test could change that", false, Some("Experts"))]
    );
}

#[test]
fn a_clause_without_that_and_a_quoted_title() {
    assert_eq!(
        summary("The bank announced it would close forty branches in the north."),
        [q("it would close forty branches in the north", false, Some("The bank"))]
    );
    assert!(summary("The ministry confirmed it on Tuesday.").is_empty());
    // A programme's title after "told" is the addressee, not a quote.
    assert_eq!(
        summary("The senator told the network's “Week in Review” that the vote would pass."),
        [q("the vote would pass", false, Some("The senator"))]
    );
}

#[test]
fn a_phrase_about_the_speaking_is_no_content() {
    assert!(summary("The envoy said in a phone interview from the capital.").is_empty());
    assert!(summary("The colonel said when he resigned from the army in dramatic fashion last year.").is_empty());
    // Unless a "that" or a clause follows it.
    assert_eq!(
        summary("The envoy said in a phone interview that the border would stay closed."),
        [q("the border would stay closed", false, Some("The envoy"))]
    );
    assert_eq!(
        summary("The mayor said after the vote she would not run again."),
        [q("after the vote she would not run again", false, Some("The mayor"))]
    );
    // "what they describe as …": the thing described went before.
    assert!(summary("Residents fled what officials describe as a joint operation by two militias.").is_empty());
}

#[test]
fn a_report_closed_by_its_speaker_times_and_places() {
    assert_eq!(
        summary("The shelling went on through the night, and the clinic was hit twice, said one doctor in the town."),
        [q("The shelling went on through the night, and the clinic was hit twice", false, Some("one doctor"))]
    );
    assert_eq!(
        summary("The convoy never reached the camp, aid workers said Friday."),
        [q("The convoy never reached the camp", false, Some("aid workers"))]
    );
    // A clause after "said" is content, not a speaker.
    assert_eq!(
        summary("The region's governor, Ivan Petrov, said he cannot comment on the strike because he has not seen it."),
        [q("he cannot comment on the strike because he has not seen it", false, Some("Ivan Petrov"))]
    );
    // A dateline is not part of what was said.
    assert_eq!(
        summary("ISLAMABAD/WASHINGTON — A cargo plane crashed near the base, military officials confirmed."),
        [q("A cargo plane crashed near the base", false, Some("military officials"))]
    );
    assert_eq!(
        summary("KHARKIV, Ukraine (AP) — Three drones hit the power plant overnight, the governor said."),
        [q("Three drones hit the power plant overnight", false, Some("the governor"))]
    );
}

#[test]
fn it_says_and_a_document_that_posted() {
    assert_eq!(
        summary("The city sent a letter on Thursday. It says the campaign used the images without consent."),
        [q("the campaign used the images without consent", false, Some("It"))]
    );
    // "posted" reports only with a "that": the quote inside the clause is the minister's.
    let got = summary("In a message posted Friday, the minister said he had \"deep disagreements\" with the plan.");
    assert!(got.iter().all(|g| g.2.as_deref() == Some("the minister")), "{got:?}");
}

#[test]
fn headline_speakers_and_more_verbs_of_speech() {
    // A headline's speaker before a colon: a body, a document or a speaking role.
    assert_eq!(
        summary("UN envoy: Talks on Sudan will resume in Jeddah next week\n\nThe envoy spoke in Geneva."),
        [q("Talks on Sudan will resume in Jeddah next week", false, Some("UN envoy"))]
    );
    // Not a genre label or a place.
    assert!(summary("Analysis: What the deal means for the north\n\nThe deal was signed.").is_empty());
    assert!(summary("Ukraine: Drone strike kills five in Kharkiv\n\nThe strike came at night.").is_empty());
    assert!(summary("WATCH: Drone footage of the damaged bridge near the border\n\nThe bridge fell.").is_empty());
    assert_eq!(
        summary("The foreign minister echoed the call for an immediate ceasefire in the south."),
        [q("the call for an immediate ceasefire in the south", false, Some("The foreign minister"))]
    );
    assert_eq!(
        summary("The donors voiced concern about the rising cost of the relief effort."),
        [q("concern about the rising cost of the relief effort", false, Some("The donors"))]
    );
    assert_eq!(
        summary("Aid workers are wondering whether the corridor will ever open."),
        [q("whether the corridor will ever open", false, Some("Aid workers"))]
    );
}

#[test]
fn speakers_not_taken_from_auxiliaries_openers_or_infinitives() {
    let speaker = |t: &str| summary(t).first().and_then(|q| q.2.clone());
    assert_eq!(
        speaker("The colonel said the unit failed because he didn't believe the river could be crossed at night.")
            .as_deref(),
        Some("The colonel")
    );
    let got =
        summary("According to the camp's records, after the floods, the manager insisted that the tents be moved.");
    assert!(got.contains(&q("the tents be moved", false, Some("the manager"))), "{got:?}");
    // An infinitive has no speaker: "to assert their rights" reports nothing.
    assert!(
        summary("The law does not require witnesses to show up at a public hearing to assert their rights.").is_empty()
    );
}

#[test]
fn documents_that_show_and_relative_clauses() {
    assert_eq!(
        summary("Video of the incident shows the soldiers firing on the crowd from the roof."),
        [q("the soldiers firing on the crowd from the roof", false, Some("Video of the incident"))]
    );
    // A relative clause between commas ends at the second; "said nothing" names no speaker.
    assert_eq!(
        summary("The general, who has called for a wider offensive in the east, said nothing."),
        [q("a wider offensive in the east", false, Some("The general"))]
    );
}

#[test]
fn titles_in_quotation_marks_are_not_speech() {
    assert!(summary("The minister said on CBS's “Face the Nation,” a Sunday programme, that she would stay.")
        .iter()
        .all(|g| !g.1));
    assert!(summary("His memoir, “Legend of the Coal Fields,” came out in the spring of that year.").is_empty());
    // A name someone gave is theirs to have said.
    let got = summary("The minister warned against what she called the “Axis of Upheaval” of four states.");
    assert!(got.iter().any(|g| g.0.starts_with("Axis of Upheaval") && g.1), "{got:?}");
    // Speech in capitals at a sentence's start stays speech.
    assert_eq!(summary("“We Will Return,” the refugees chanted, the mayor said.").len(), 1);
}

#[test]
fn a_second_verb_of_the_speaker_ends_the_first_report() {
    assert_eq!(
        summary("The senator called the bank's conduct shameful and called for the bonuses to be returned."),
        [
            q("the bank's conduct shameful", false, Some("The senator")),
            q("the bonuses to be returned", false, Some("The senator")),
        ]
    );
    assert_eq!(
        summary("The envoy urged both armies to open the road, and criticized the delay in the talks."),
        [
            q("both armies to open the road", false, Some("The envoy")),
            q("the delay in the talks", false, Some("The envoy")),
        ]
    );
    // A commitment after "and" goes on with the reported clause.
    let got = summary("Police say the driver ignored the warning and refused to stop at the checkpoint.");
    assert!(
        got.iter().any(|g| g.0 == "the driver ignored the warning and refused to stop at the checkpoint"),
        "{got:?}"
    );
}

#[test]
fn a_quote_its_attribution_interrupts_is_one_quote() {
    let qs = quotes("“We will not leave,” the mayor said, “until the road is open and the shelling stops.”");
    assert_eq!(qs.len(), 1, "{qs:?}");
    assert_eq!(qs[0].text, "We will not leave, until the road is open and the shelling stops.");
    assert_eq!(qs[0].speaker.as_ref().map(|s| s.name.as_str()), Some("the mayor"));
    // Its span runs from the first part to the last.
    let [s, e] = qs[0].span;
    assert_eq!((s, e), (1, 84));
    // Two sentences stay two quotes.
    assert_eq!(summary("“We will not leave,” the mayor said. “The road is open.”").len(), 2);
}

#[test]
fn a_transcript_turn_runs_to_its_paragraph_end() {
    let got = summary(
        "The envoy Lena Okafor spoke to the station on Sunday.\n\n\
         OKAFOR: The corridor opens at dawn. Nobody will be turned back.\n\n\
         The talks resume on Monday.",
    );
    assert_eq!(got, [q("The corridor opens at dawn. Nobody will be turned back", false, Some("OKAFOR"))]);
}

#[test]
fn partial_quotes_keep_the_speaker_of_their_clause() {
    // A stance verb never puts its speaker after it.
    let got = summary("Okafor, posting on X, called the strike a \"significant security achievement.\"");
    assert_eq!(got, [q("significant security achievement.", true, Some("Okafor"))]);
    // A verb past a partial quote is no attribution unless the clause ends with it.
    let got = summary(
        "Prosecutors told the court they would present “substantial electronic records” documenting the plan \
         found on his phone.",
    );
    assert!(got.iter().all(|g| g.2.as_deref() == Some("Prosecutors")), "{got:?}");
}

#[test]
fn a_military_spokesperson_is_the_director_of_its_public_relations() {
    let got = summary(
        "Major General Omar Siddiq, director general of military public relations, spoke on Monday. \
         A foreign ministry spokesperson, Lina Haddad, declined to comment. \
         The military spokesperson said 40 raids were carried out in the province.",
    );
    assert!(got.contains(&q("40 raids were carried out in the province", false, Some("Omar Siddiq"))), "{got:?}");
}

#[test]
fn a_statement_speaks_for_whoever_issued_it() {
    let got = summary(
        "“We call on both sides to hold their fire,” the envoys said in a joint statement. \
         The statement said the talks would resume in Doha.",
    );
    assert!(got.contains(&q("the talks would resume in Doha", false, Some("the envoys"))), "{got:?}");
    let got = summary("“The raid targeted a weapons depot,” said a statement posted by the interior ministry.");
    assert_eq!(got, [q("The raid targeted a weapons depot,", true, Some("the interior ministry"))]);
}

#[test]
fn a_named_subject_after_an_opening_phrase_speaks() {
    let speaker = |t: &str| summary(t).first().and_then(|q| q.2.clone());
    assert_eq!(
        speaker("Speaking at a rally in Kisumu, Kenya, Wekesa says the vote was stolen from his supporters.")
            .as_deref(),
        Some("Wekesa")
    );
    assert_eq!(
        speaker("More than the economy or crime, Okafor believes the drought will decide the election.").as_deref(),
        Some("Okafor")
    );
    // A time ends the subject: "spoke out Tuesday" is no name.
    assert_eq!(
        speaker("Amina Yusuf spoke out Tuesday about the raid on the camp, arguing that the guards had fled.")
            .as_deref(),
        Some("Amina Yusuf")
    );
}

#[test]
fn they_are_the_people_named_together_last() {
    let got = summary(
        "The mayor said the road was shut. Three senators — Ada Obi, Lena Okafor and Jon Miller — wrote to the \
         ministry on Monday. \"We are deeply concerned about the blockade,\" they wrote in a letter.",
    );
    assert!(
        got.contains(&q(
            "We are deeply concerned about the blockade,",
            true,
            Some("Ada Obi, Lena Okafor and Jon Miller")
        )),
        "{got:?}"
    );
}

#[test]
fn past_an_age_or_a_relative_clause_the_subject_speaks() {
    let speaker = |t: &str| summary(t).first().and_then(|q| q.2.clone());
    assert_eq!(
        speaker("Okafor, 56, who has led the relief mission for a decade, told reporters that the camp was full.")
            .as_deref(),
        Some("Okafor")
    );
    assert_eq!(
        speaker("A nurse in Kharkiv, who spoke on condition of anonymity, said the ward had no power for a week.")
            .as_deref(),
        Some("A nurse in Kharkiv")
    );
    assert_eq!(
        speaker("The families of the missing, many of whom say the search was halted too early, met on Monday.")
            .as_deref(),
        Some("many of whom")
    );
}

#[test]
fn adverbs_end_subjects_and_participles_are_no_reports() {
    let got = summary("The prime minister's office promptly issued a statement, saying the report was false.");
    assert_eq!(got, [q("the report was false", false, Some("The prime minister's office"))]);
    // After a determiner an adverb is part of the phrase.
    let got = summary("According to a recently published survey, most residents want the curfew lifted.");
    assert!(got.iter().any(|g| g.2.as_deref() == Some("a recently published survey")), "{got:?}");
    // "the attitudes expressed on social media": a participle, no report.
    assert!(summary("The attitudes expressed on social media networks were often hostile to the plan.").is_empty());
}

#[test]
fn numbers_pronouns_and_clauses_in_speaker_phrases() {
    let speaker = |t: &str| summary(t).first().and_then(|q| q.2.clone());
    assert_eq!(speaker("Another 19 percent said they would not vote at all.").as_deref(), Some("Another 19 percent"));
    assert_eq!(
        speaker("Those close to him say that he would have to consider the ambassador.").as_deref(),
        Some("Those close to him")
    );
    let got = summary("Pupils score lower on exams at such schools, according to one 2017 study.");
    assert_eq!(got[0].2.as_deref(), Some("one 2017 study"));
    // ", said he hopes …": the speaker is on the left.
    let got = summary(
        "Ana Ruiz, head of the teachers union, said she hopes the march sends a message that “the schools are ours.”",
    );
    assert!(got.iter().all(|g| g.2.as_deref() == Some("Ana Ruiz")), "{got:?}");
}

#[test]
fn a_clause_after_a_that_verb_needs_no_that() {
    assert_eq!(
        summary("One study found the new levy would raise costs for eight million households."),
        [q("the new levy would raise costs for eight million households", false, Some("One study"))]
    );
    // An object with a relative clause is no reported clause.
    assert!(summary("Police announced the arrest of a man who was seen near the site.").is_empty());
}

#[test]
fn a_quote_before_a_second_verb_and_a_speaker_in_apposition() {
    let got = summary("Cruz urged delegates to \"vote your conscience\" and said he was standing on principle.");
    assert!(got.contains(&q("vote your conscience", true, Some("Cruz"))), "{got:?}");
    assert!(got.contains(&q("he was standing on principle", false, Some("Cruz"))), "{got:?}");
    let got =
        summary("“The convoy was hit twice,” the spokesman for the ministry, Ali Omar, said on Tuesday in Cairo.");
    assert_eq!(got, [q("The convoy was hit twice,", true, Some("Ali Omar"))]);
}

#[test]
fn an_object_after_an_inverted_verb_is_no_speaker() {
    assert!(summary("One after another, the mining companies, including Patriot, declared bankruptcy.").is_empty());
    assert_eq!(
        summary("The convoy was hit twice, said the minister."),
        [q("The convoy was hit twice", false, Some("the minister"))]
    );
}

#[test]
fn a_time_before_the_content_is_no_part_of_it() {
    assert_eq!(
        summary("The ministry announced Wednesday it would close the crossing for a week."),
        [q("it would close the crossing for a week", false, Some("The ministry"))]
    );
}

#[test]
fn progressives_of_verbs_known_only_in_finite_forms() {
    assert_eq!(
        summary("The mayor is telling residents that the water is safe."),
        [q("the water is safe", false, Some("The mayor"))]
    );
    assert_eq!(
        summary("The union is calling for a strike over the cuts."),
        [q("a strike over the cuts", false, Some("The union"))]
    );
    assert_eq!(
        summary("The army is denying that the shelling hit the clinic."),
        [q("the shelling hit the clinic", false, Some("The army"))]
    );
}

#[test]
fn a_name_given_after_something_indefinite_is_no_report() {
    assert!(summary("A rebel militia called the Liberation Front took the town, residents said.")
        .iter()
        .all(|x| x.2.as_deref() != Some("A rebel militia")));
    assert!(summary("An app dubbed Safeway was used to coordinate the aid.").is_empty());
    // A person still calls things names; a definite body too.
    assert_eq!(
        summary("The ministry called the strike a war crime."),
        [q("the strike a war crime", false, Some("The ministry"))]
    );
}

#[test]
fn a_passive_verb_of_speech_names_no_speaker() {
    let got = summary("The envoy said a pause could be agreed “within days” if both sides stayed.");
    assert!(got.iter().all(|x| x.2.as_deref() == Some("The envoy")), "{got:?}");
    assert!(got.contains(&q("within days", true, Some("The envoy"))), "{got:?}");
}

#[test]
fn an_attribution_set_off_by_commas_reports_the_whole_sentence() {
    assert_eq!(
        summary("But to prevent problems, he said, local officials should be vigilant."),
        [q("But to prevent problems local officials should be vigilant", false, Some("he"))]
    );
    assert_eq!(
        summary("Hamas, the official said, wants a full ceasefire."),
        [q("Hamas wants a full ceasefire", false, Some("the official"))]
    );
    // Not where another report goes on, nor past an inverted verb's apposition.
    let got = summary("Bombers wore vests, security sources said, adding that they used cars.");
    assert!(got.contains(&q("Bombers wore vests", false, Some("security sources"))), "{got:?}");
    let got = summary("The port is closed, said Ana Ruiz, a senior fellow at the institute.");
    assert_eq!(got[0].0, "The port is closed", "{got:?}");
}

#[test]
fn no_report_in_a_relative_clause_or_before_a_preposition_of_place() {
    assert!(summary("Everything the mayor says is a lie unless proven otherwise.").is_empty());
    assert_eq!(
        summary("What the envoy said was the talks must resume."),
        [q("the talks must resume", false, Some("the envoy"))]
    );
    assert!(summary("Viewers pressed against a fence, listening to the president.").is_empty());
    assert_eq!(
        summary("The minister pressed Israel to stop the strikes."),
        [q("Israel to stop the strikes", false, Some("The minister"))]
    );
    // An attribution set off by commas before a partial quote still joins both sides.
    let got = summary("During his years in office, the mayor said, most residents came to believe “the city works.”");
    assert!(got.iter().any(|x| x.0.starts_with("During his years in office most residents")), "{got:?}");
}

#[test]
fn the_speaker_of_a_reduced_relative_is_not_its_antecedent() {
    assert_eq!(
        summary("It is a move analysts say is aimed at increasing its influence."),
        [q("is aimed at increasing its influence", false, Some("analysts"))]
    );
    let got = summary("The new rule the ministry says is needed will pass.");
    assert_eq!(got.iter().map(|x| x.2.as_deref()).collect::<Vec<_>>(), [Some("the ministry")], "{got:?}");
}

#[test]
fn an_unanswered_question_and_a_gloss_are_not_speech() {
    assert!(summary("The ministry did not say which towns the rebels had taken.").is_empty());
    assert!(summary("Officials would not say how many soldiers were killed.").is_empty());
    // Saying how, not declining to, still reports.
    assert_eq!(
        summary("The general explained how the brigade had crossed the river."),
        [q("how the brigade had crossed the river", false, Some("The general"))]
    );
    // A translation is the writer's gloss.
    assert_eq!(
        summary("The movement, whose name means “the youth” in Arabic, said it carried out the raid."),
        [q("it carried out the raid", false, Some("The movement"))]
    );
    let got = summary("Rebels use a word that loosely translates as “those who betray the land” for the militia.");
    assert!(got.iter().all(|x| !x.1), "{got:?}");
}

#[test]
fn a_phrase_the_clause_goes_on_after_is_no_inverted_speaker() {
    // "said another risk factor is …": the content's subject, not the speaker.
    let got = summary(
        "Dr. Amal Haddad, a co-author of the study, said another risk factor is living on the edge of \
         cities, or “peri-urban areas.”",
    );
    assert!(got.iter().all(|x| x.2.as_deref() == Some("Amal Haddad")), "{got:?}");
    // A participle after the cue is no speaker either; the name before the dashes is.
    let got = summary(
        "Al-Hassan — leader of the group that led the offensive — said following the ceremony that he \
         hoped the charter would mark “a new beginning for the whole country and its people.”",
    );
    assert!(got.iter().all(|x| x.2.as_deref() == Some("Al-Hassan")), "{got:?}");
    // "…, however, found few voters want to …": a subject and an aside, no clause, before the comma.
    let got = summary("Another survey, however, found few voters want to pay more for the army.");
    assert!(got.iter().all(|x| x.2.as_deref() != Some("few voters want")), "{got:?}");
}

#[test]
fn adverbials_and_relative_clauses_between_speaker_and_cue() {
    let speaker = |t: &str| summary(t).first().and_then(|q| q.2.clone());
    assert_eq!(speaker("The army has so far refused to open the road to aid convoys.").as_deref(), Some("The army"));
    assert_eq!(
        speaker("The premier has at various times said the tariffs are aimed at raising revenue.").as_deref(),
        Some("The premier")
    );
    assert_eq!(speaker("Armed men who boarded the bus told passengers to leave.").as_deref(), Some("Armed men"));
    assert_eq!(
        speaker("Officials who spoke on condition of anonymity said the strike killed 12 people.").as_deref(),
        Some("Officials")
    );
    assert_eq!(
        speaker("Those who fled the town said the militia burned their homes.").as_deref(),
        Some("Those who fled the town")
    );
    // After "which" the phrase is the clause's own subject.
    assert_eq!(
        speaker("Kabul protested the incident which consular officials said occurred near the guesthouse.").as_deref(),
        Some("consular officials")
    );
    // "who" without a comma stands for the phrase before it.
    assert_eq!(
        speaker("A judge heard the case of a reporter who interviewed a veteran who criticized the governor for the arrests.")
            .as_deref(),
        Some("a veteran")
    );
    // A name's second apposition does not hide the name.
    assert_eq!(
        speaker(
            "But Mark Pell, deputy assistant secretary in the Bureau of European and Eurasian Affairs, with \
             responsibility for the Balkans, said one should not read too much into the timing."
        )
        .as_deref(),
        Some("Mark Pell")
    );
}

#[test]
fn states_and_calls_as_nouns_and_names_given() {
    assert!(summary("Ontario sends power to three northern U.S. states that border Canada.").is_empty());
    assert_eq!(summary("Gulf states say the talks must resume.")[0].2.as_deref(), Some("Gulf states"));
    assert_eq!(summary("Hamas states that it will not release the captives.")[0].2.as_deref(), Some("Hamas"));
    assert_eq!(
        summary("The Charter calls on democratic nations to form an alliance.")[0].2.as_deref(),
        Some("The Charter")
    );
    assert!(summary("Police broke up a cell calling itself “the Lions of the Desert.”").is_empty());
    // Writing to someone is no content.
    assert!(summary("Three senators wrote to the ministry on Monday.").is_empty());
}

#[test]
fn inverted_and_parenthetical_attributions_with_addressee_or_description() {
    assert_eq!(
        summary("The talks will resume next week, a senior official told reporters."),
        [q("The talks will resume next week", false, Some("a senior official"))]
    );
    assert_eq!(
        summary("The talks will resume next week, a source familiar with the negotiations told Reuters."),
        [q("The talks will resume next week", false, Some("a source familiar with the negotiations"))]
    );
    assert_eq!(
        summary("“The talks will resume next week,” said a diplomat close to the talks."),
        [q("The talks will resume next week,", true, Some("a diplomat close to the talks"))]
    );
    assert_eq!(
        summary("The difference now, she said on Friday, is that the army holds the road."),
        [q("The difference now is that the army holds the road", false, Some("she"))]
    );
}

#[test]
fn acronyms_appositions_and_coordinated_speakers() {
    let speakers = |t: &str| summary(t).into_iter().map(|q| q.2).collect::<Vec<_>>();
    // "WHO" is a body, not a relative pronoun.
    assert_eq!(
        speakers("“There is bird flu in the delta now,” Hassan Omar, regional adviser at the regional office of the WHO said."),
        [Some("Hassan Omar".to_string())]
    );
    assert_eq!(
        speakers("Rebels overran a military base, military and vigilante sources said Sunday."),
        [Some("military and vigilante sources".to_string())]
    );
    assert_eq!(
        speakers(
            "In his latest case, international and local press groups have condemned the arrest and urged the \
             government to drop all charges."
        ),
        [
            Some("international and local press groups".to_string()),
            Some("international and local press groups".to_string())
        ]
    );
    // A report ends where a new subject's report begins after "and".
    assert_eq!(
        summary("The army said it killed 12 fighters and the militia said it lost two."),
        [q("it killed 12 fighters", false, Some("The army")), q("it lost two", false, Some("the militia"))]
    );
    // A description before the name in a parenthetical attribution.
    assert_eq!(
        summary("They did not, mother Ana Ruiz told reporters, for religious reasons."),
        [q("They did not for religious reasons", false, Some("Ana Ruiz"))]
    );
}

#[test]
fn told_an_addressee_a_clause_without_that() {
    assert_eq!(
        summary("A militia commander told Reuters on Tuesday the group had accepted the proposal."),
        [q("the group had accepted the proposal", false, Some("A militia commander"))]
    );
    assert_eq!(summary("She told the court she had been beaten.")[0].0, "she had been beaten");
    assert_eq!(summary("Officials told residents the water was safe to drink.")[0].0, "the water was safe to drink");
    // An order keeps its addressee.
    assert_eq!(summary("The general told troops to hold the line.")[0].0, "troops to hold the line");
    assert!(summary("He told them nothing.").is_empty());
}

#[test]
fn the_channel_and_time_before_a_clause_are_not_content() {
    assert_eq!(
        summary("The ministry said in a statement the strike killed 12 people.")[0].0,
        "the strike killed 12 people"
    );
    assert_eq!(
        summary("The group said on Telegram its fighters had destroyed a tank.")[0].0,
        "its fighters had destroyed a tank"
    );
    assert_eq!(summary("He said in an interview with CNN he would run again.")[0].0, "he would run again");
    assert_eq!(summary("He said in 1998 the party would never return.")[0].0, "the party would never return");
}

#[test]
fn an_unattributed_quote_in_a_sentence_about_a_person_is_theirs() {
    let got = summary(
        "The mayor said the budget was sound. In recent weeks, Senator Ana Ruiz has gone after the governor as a \
         “human leech who will bleed the state dry.”",
    );
    assert_eq!(got.last().and_then(|x| x.2.as_deref()), Some("Ana Ruiz"), "{got:?}");
    // Not the words of a charge in a relative clause about the person.
    let got = summary(
        "Tomas Obi, who faces two charges relating to “transmitting messages inciting violence,” denies the charges.",
    );
    assert!(got.iter().all(|x| x.2.as_deref() != Some("Tomas Obi")), "{got:?}");
}

#[test]
fn a_bare_noun_clause_and_a_subordinate_report() {
    // "acknowledged funding was …": a clause without "that" or a determiner.
    assert_eq!(
        summary(
            "While he acknowledged funding was a major reason for the delay, the general also noted other problems."
        )[0]
        .0,
        "funding was a major reason for the delay"
    );
    // "As X said, …": the main clause is what was said.
    assert_eq!(
        summary("As many analysts have pointed out, the army is free to withdraw at any time.")[0].0,
        "the army is free to withdraw at any time"
    );
}

#[test]
fn subjects_past_openings_and_participles_opening_a_sentence() {
    let speaker = |t: &str| summary(t).first().and_then(|q| q.2.clone());
    // A time before the comma is no subject.
    assert_eq!(
        speaker("One day earlier, the lower house voted to extend his mandate, saying it had no other choice.")
            .as_deref(),
        Some("the lower house")
    );
    // A long concessive opening.
    assert_eq!(
        speaker(
            "While highly critical of the government and its decision to leave the customs union, he has warned \
             that other members could quit."
        )
        .as_deref(),
        Some("he")
    );
    // "While noting “…,” X …": the main clause's subject.
    assert_eq!(
        speaker("While noting “the platforms have been turned into tools of disinformation,” Rasmussen urged calm.")
            .as_deref(),
        Some("Rasmussen")
    );
    // A court rules; a verb of feeling after the quote attributes it.
    assert_eq!(
        speaker("In its opinion, the court ruled “the process was not lawfully completed.”").as_deref(),
        Some("the court")
    );
    assert_eq!(
        speaker("\"I am not ready to go back,\" fretted Amina Yusuf, who lives in the camp.").as_deref(),
        Some("Amina Yusuf")
    );
}

#[test]
fn a_name_before_its_affiliation() {
    assert_eq!(
        summary("\"The base was always the trump card,\" said lecturer Ali Demir of Ankara's Bilkent University.")[0]
            .2
            .as_deref(),
        Some("Ali Demir")
    );
    assert_eq!(
        summary("Experts on North Korea said the test was a failure.")[0].2.as_deref(),
        Some("Experts on North Korea")
    );
}

#[test]
fn a_described_speaker_keeps_the_description_as_written() {
    assert_eq!(
        summary("The head of the UN agency said more aid was needed.")[0].2.as_deref(),
        Some("The head of the UN agency")
    );
}
