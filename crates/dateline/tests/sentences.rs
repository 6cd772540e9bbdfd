//! Hard cases for the sentence splitter, written in news style for these tests.
//! Each case lists the sentences the text must split into.

use dateline::{Article, Pipeline};

fn split(text: &str) -> Vec<String> {
    let doc = Pipeline::new().annotate(Article::from_body(text));
    doc.sentences.iter().map(|s| s.text(text).to_string()).collect()
}

fn check(text: &str, expected: &[&str]) {
    let got = split(text);
    assert_eq!(got, expected, "splitting {text:?}");
}

#[test]
fn abbreviations_and_titles() {
    check(
        "U.S. President Joe Biden spoke on Monday. He left.",
        &["U.S. President Joe Biden spoke on Monday.", "He left."],
    );
    check("The envoy flew to the U.S. The talks resumed.", &["The envoy flew to the U.S.", "The talks resumed."]);
    check("The U.N. Security Council met. It voted.", &["The U.N. Security Council met.", "It voted."]);
    check("Gen. Abdel Fattah al-Burhan arrived.", &["Gen. Abdel Fattah al-Burhan arrived."]);
    check(
        "Lt. Col. Peter Lerner said the army struck. Dr. Ahmed disagreed.",
        &["Lt. Col. Peter Lerner said the army struck.", "Dr. Ahmed disagreed."],
    );
    check("Mr. Smith and Mrs. Jones met Sen. Rubio.", &["Mr. Smith and Mrs. Jones met Sen. Rubio."]);
    check("Talks are set for Jan. 15 in Doha.", &["Talks are set for Jan. 15 in Doha."]);
    check("It ended in Jan. The next round began in March.", &["It ended in Jan.", "The next round began in March."]);
    check("Resolution No. 2334 was adopted.", &["Resolution No. 2334 was adopted."]);
    check("He was born in St. Petersburg.", &["He was born in St. Petersburg."]);
    check("Acme Corp. said it would comply.", &["Acme Corp. said it would comply."]);
    check("He works for Acme Inc. The firm denied it.", &["He works for Acme Inc.", "The firm denied it."]);
    check("Israel vs. Hamas is not the only front.", &["Israel vs. Hamas is not the only front."]);
}

#[test]
fn initials_and_times_of_day() {
    check("John F. Kennedy Airport was closed.", &["John F. Kennedy Airport was closed."]);
    check("The strike came at 3 p.m. Tuesday near Rafah.", &["The strike came at 3 p.m. Tuesday near Rafah."]);
    check("The strike came at 3 p.m. The army confirmed it.", &["The strike came at 3 p.m.", "The army confirmed it."]);
    check("He chose Plan B. The rest followed.", &["He chose Plan B.", "The rest followed."]);
}

#[test]
fn numbers() {
    check("The toll rose to 1.9 million. Aid trucks waited.", &["The toll rose to 1.9 million.", "Aid trucks waited."]);
    check(
        "About 20,000 people were killed. 7,729 were children.",
        &["About 20,000 people were killed.", "7,729 were children."],
    );
    check("Inflation hit 3.5 percent in 2023. Prices rose.", &["Inflation hit 3.5 percent in 2023.", "Prices rose."]);
}

#[test]
fn ellipses() {
    check("We will wait... The army will not.", &["We will wait...", "The army will not."]);
    check("The plan … Israel rejected it.", &["The plan … Israel rejected it."]);
    check("They said … the talks failed.", &["They said … the talks failed."]);
}

#[test]
fn quotes() {
    check("“We will not stop,” he said. “Never.”", &["“We will not stop,” he said.", "“Never.”"]);
    check(
        "He called the talks “quite positive.” Others disagreed.",
        &["He called the talks “quite positive.”", "Others disagreed."],
    );
    check("She said: «Nous restons.» Then she left.", &["She said: «Nous restons.»", "Then she left."]);
    check("\"Why now?\" he asked. \"Because.\"", &["\"Why now?\" he asked.", "\"Because.\""]);
    check("\"Why now?\" Ahelbarra asked reporters.", &["\"Why now?\" Ahelbarra asked reporters."]);
    // After a full stop inside the quote, a name and a reporting verb begin a new sentence.
    check(
        "\"It is over.\" Smith said later that talks would resume.",
        &["\"It is over.\"", "Smith said later that talks would resume."],
    );
    check("''It is tinkering.'' Iraq said it would.", &["''It is tinkering.''", "Iraq said it would."]);
    check(
        "“We will fight. We will win,” the commander said.",
        &["“We will fight.", "We will win,” the commander said."],
    );
    check("It was ‘a mistake.’ He apologised.", &["It was ‘a mistake.’", "He apologised."]);
    check(
        "The statement (issued late.) was brief. It said little.",
        &["The statement (issued late.) was brief.", "It said little."],
    );
}

#[test]
fn exclamations_and_questions() {
    check("Stop the war! Bring them home! Now?", &["Stop the war!", "Bring them home!", "Now?"]);
    check("Who gains? Nobody does.", &["Who gains?", "Nobody does."]);
    check("Is this the end? no one knows.", &["Is this the end? no one knows."]);
}

#[test]
fn headlines_bylines_and_paragraphs() {
    check(
        "Hamas head in Cairo for truce talks\n\nBy Jane Roe\n\nCAIRO — The head of the group arrived on Wednesday.",
        &["Hamas head in Cairo for truce talks", "By Jane Roe", "CAIRO — The head of the group arrived on Wednesday."],
    );
    check(
        "First paragraph ends here.\nSecond paragraph starts here.",
        &["First paragraph ends here.", "Second paragraph starts here."],
    );
    check(
        "A line that was wrapped\nby the sender continues here.",
        &["A line that was wrapped\nby the sender continues here."],
    );
    check("Ceasefire holds\nAid convoys enter Gaza", &["Ceasefire holds", "Aid convoys enter Gaza"]);
}

#[test]
fn lists() {
    check(
        "The demands were:\n1. A ceasefire.\n2. Release of captives.\n- Aid access\n• Reconstruction",
        &["The demands were:", "1. A ceasefire.", "2. Release of captives.", "- Aid access", "• Reconstruction"],
    );
}

#[test]
fn urls_and_missing_spaces() {
    check("Read more at voanews.com. The story continues.", &["Read more at voanews.com.", "The story continues."]);
    check("See https://example.org/report.html. It is long.", &["See https://example.org/report.html.", "It is long."]);
    check("Troops entered Gaza.Israel said the raid ended.", &["Troops entered Gaza.", "Israel said the raid ended."]);
}

#[test]
fn other_scripts_and_empty() {
    check("قال المتحدث. Talks continue.", &["قال المتحدث.", "Talks continue."]);
    check("", &[]);
    check("   \n\n  ", &[]);
    check("No final period", &["No final period"]);
}

#[test]
fn paragraphs_are_numbered() {
    let text = "Title line\n\nOne. Two.\nThree.";
    let doc = Pipeline::new().annotate(Article::from_body(text));
    let paras: Vec<u32> = doc.sentences.iter().map(|s| s.paragraph).collect();
    assert_eq!(paras, [0, 1, 1, 2]);
}

#[test]
fn sentence_offsets_are_code_points() {
    let text = "Hamas’s bureau — “yes.” Next one.";
    let doc = Pipeline::new().annotate(Article::from_body(text));
    let chars: Vec<char> = text.chars().collect();
    for s in &doc.sentences {
        let [a, b] = s.chars();
        let by_chars: String = chars[a..b].iter().collect();
        assert_eq!(by_chars, s.text(text));
    }
    assert_eq!(doc.sentences.len(), 2);
}

#[test]
fn pathological_run_on_text_is_cut() {
    let text = "word ".repeat(2500);
    let doc = Pipeline::new().annotate(Article::from_body(text));
    assert_eq!(doc.sentences.len(), 3);
    assert!(doc
        .sentences
        .iter()
        .all(|s| (s.last - s.first) as usize <= dateline::stages::sentences::MAX_SENTENCE_TOKENS));
}
