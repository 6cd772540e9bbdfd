//! Reader behaviour on inputs written for these tests.

use std::path::PathBuf;

use dateline_read::{html, read_bytes, Format, Input, Item, Options, Problem, Reader, Severity};

fn articles(items: &[Item]) -> Vec<&dateline::Article> {
    items.iter().filter_map(|i| if let Item::Article(a) = i { Some(&**a) } else { None }).collect()
}

fn problems(items: &[Item]) -> Vec<&Problem> {
    items.iter().filter_map(|i| if let Item::Problem(p) = i { Some(p) } else { None }).collect()
}

fn read(name: &str, bytes: &[u8], format: Option<Format>) -> Vec<Item> {
    read_bytes(name, None, bytes, format, &Options::default())
}

#[test]
fn jsonl_reads_every_field_and_reports_bad_lines_by_number() {
    let input = br#"{"id": "a1", "title": "Talks", "published": "2024-01-05T10:00:00Z", "source": "Wire", "url": "https://x.org/a", "body": "Envoys met."}
{"id": "a2", "body": "Broken
{"text": "No id here.", "title": "T"}

[1, 2]
{"id": 7, "body": "Numeric id."}
{"title": "no body"}
{"id": "a3", "body": 5}
"#;
    let items = read("in.jsonl", input, Some(Format::Jsonl));
    let arts = articles(&items);
    assert_eq!(arts.len(), 3);
    assert_eq!(arts[0].id, "a1");
    assert_eq!(arts[0].title.as_deref(), Some("Talks"));
    assert_eq!(arts[0].source.as_deref(), Some("Wire"));
    assert_eq!(arts[0].url.as_deref(), Some("https://x.org/a"));
    assert_eq!(arts[0].published.map(|d| d.to_string()).as_deref(), Some("2024-01-05"));
    assert_eq!(arts[0].body, "Envoys met.");
    assert_eq!(arts[1].body, "No id here.");
    assert_eq!(arts[1].id, dateline::content_id(Some("T"), "No id here."), "missing id becomes a content hash");
    assert_eq!(arts[2].id, "7");
    let errs: Vec<String> = problems(&items).iter().map(|p| p.to_string()).collect();
    assert_eq!(errs.len(), 4, "{errs:?}");
    assert!(errs[0].starts_with("in.jsonl:2: invalid JSON"), "{}", errs[0]);
    assert!(errs[1].starts_with("in.jsonl:5: expected a JSON object"), "{}", errs[1]);
    assert!(errs[2].starts_with("in.jsonl:7: no \"body\" or \"text\" field"), "{}", errs[2]);
    assert!(errs[3].starts_with("in.jsonl:8: field \"body\" must be a string"), "{}", errs[3]);
    assert!(problems(&items).iter().all(|p| p.severity == Severity::Error));
}

#[test]
fn content_ids_are_stable_across_reads() {
    let input = b"{\"body\": \"Same text.\"}\n";
    let a = articles(&read("x", input, None))[0].id.clone();
    let b = articles(&read("y", input, None))[0].id.clone();
    assert_eq!(a, b);
    assert!(a.starts_with('h'));
}

#[test]
fn json_documents_object_array_and_sequence() {
    let one = read("one.json", br#"{"id": "x", "body": "One."}"#, Some(Format::Json));
    assert_eq!(articles(&one).len(), 1);
    let arr = read("arr.json", b"[\n {\"id\": \"a\", \"body\": \"A.\"},\n {\"id\": \"b\"}\n]", Some(Format::Json));
    assert_eq!(articles(&arr).len(), 1);
    let p = problems(&arr);
    assert_eq!(p.len(), 1);
    assert!(p[0].message.starts_with("array item 2: no \"body\""), "{}", p[0]);
    let seq = read(
        "seq.json",
        b"{\n \"id\": \"a\",\n \"body\": \"A.\"\n}\n{\n \"id\": \"b\", \"body\": \"B.\"\n}\n",
        Some(Format::Json),
    );
    assert_eq!(articles(&seq).iter().map(|a| a.id.as_str()).collect::<Vec<_>>(), ["a", "b"]);
    let bad = read("bad.json", b"{\"id\": \"a\", \"body\": \"A.\"}\n{\"id\": ", Some(Format::Json));
    assert_eq!(articles(&bad).len(), 1);
    assert_eq!(problems(&bad)[0].line, Some(2));
}

#[test]
fn plain_text_title_rule() {
    let items = read_bytes(
        "s.txt",
        Some("s"),
        b"Ceasefire holds in Gaza\n\nThe truce held overnight.\nAid entered.",
        None,
        &Options::default(),
    );
    let a = articles(&items)[0];
    assert_eq!(a.id, "s");
    assert_eq!(a.title.as_deref(), Some("Ceasefire holds in Gaza"));
    assert_eq!(a.body, "The truce held overnight.\nAid entered.");
    // No blank line after the first line: no title, the text is all body.
    let items = read("t.txt", b"The truce held overnight.\nAid entered.", Some(Format::Text));
    let a = articles(&items)[0];
    assert_eq!(a.title, None);
    assert_eq!(a.body, "The truce held overnight.\nAid entered.");
}

#[test]
fn invalid_utf8_is_replaced_with_a_warning_and_the_article_kept() {
    let items = read("u.jsonl", b"{\"id\": \"a\", \"body\": \"caf\xe9 talks\"}\n", None);
    assert_eq!(articles(&items)[0].body, "caf\u{FFFD} talks");
    let p = problems(&items);
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].severity, Severity::Warning);
    assert_eq!(p[0].to_string(), "u.jsonl:1: warning: invalid UTF-8 replaced with U+FFFD");

    let items = read("u.txt", b"Line one\nline \xff two", Some(Format::Text));
    assert_eq!(articles(&items).len(), 1);
    assert_eq!(problems(&items)[0].line, Some(2));
}

#[test]
fn binary_content_is_skipped_with_a_warning() {
    let items = read("img.bin", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", None);
    assert!(articles(&items).is_empty());
    let p = problems(&items);
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].severity, Severity::Warning);
    assert!(p[0].message.contains("binary"));
}

#[test]
fn sniffing() {
    assert_eq!(Format::sniff(b"  {\"id\": 1}"), Some(Format::Jsonl));
    assert_eq!(Format::sniff(b"[{}]"), Some(Format::Json));
    assert_eq!(Format::sniff(b"<!DOCTYPE html><html>"), Some(Format::Html));
    assert_eq!(Format::sniff(b"<p>Hello</p>"), Some(Format::Html));
    assert_eq!(Format::sniff(b"<< not markup"), Some(Format::Text));
    assert_eq!(Format::sniff(b"Plain words."), Some(Format::Text));
    assert_eq!(Format::sniff(b"\x00\x01"), None);
}

#[test]
fn published_fallback_applies_only_where_missing() {
    let opts = Options { published: dateline::Date::parse("2024-06-01"), format: None };
    let items = read_bytes("p.jsonl", None, b"{\"body\": \"A.\"}\n{\"body\": \"B.\", \"published\": \"2020-01-02\"}\n{\"body\": \"C.\", \"published\": \"someday\"}\n", None, &opts);
    let dates: Vec<String> = articles(&items).iter().map(|a| a.published.unwrap().to_string()).collect();
    assert_eq!(dates, ["2024-06-01", "2020-01-02", "2024-06-01"]);
    let p = problems(&items);
    assert_eq!(p.len(), 1);
    assert!(p[0].to_string().starts_with("p.jsonl:3: warning: publication date \"someday\""));
}

const PAGE: &str = r##"<!doctype html><html><head>
<title>Talks collapse in Doha - Example Times</title>
<meta name="description" content="ignored">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","datePublished":"2024-04-09T08:00:00+03:00","publisher":{"@type":"Organization","name":"Example Times"}}]}</script>
</head><body>
<div id="menu"><ul><li><a href="/">Home</a></li><li><a href="/w">World</a></li></ul></div>
<div class="cookie-banner">We use cookies. Accept?</div>
<div class="layout">
  <div class="story-column">
    <h1>Talks collapse in Doha</h1>
    <span class="author">By Staff</span>
    <p>Negotiators left Doha on Monday without an agreement, two officials said, after three days of indirect talks.</p>
    <p>The mediators said they would try again &quot;as soon as both sides are ready&quot;, one of them told reporters.</p>
    <p style="display: none">Hidden teaser text.</p>
    <p><a href="/more">Read more</a></p>
    <div class="share-tools"><a href="#">Share on X</a></div>
    <p>Fighting continued overnight in the south &amp; east, residents said.</p>
  </div>
  <div class="sidebar"><p>Most read: a long list of other stories that are not part of this article at all.</p></div>
</div>
<div class="comments"><p>Great article! I fully agree with every word of it, thanks.</p></div>
</body></html>"##;

#[test]
fn html_main_text_and_metadata() {
    let page = html::extract(PAGE);
    assert_eq!(page.title.as_deref(), Some("Talks collapse in Doha"));
    assert_eq!(page.published.as_deref(), Some("2024-04-09T08:00:00+03:00"));
    assert_eq!(page.source.as_deref(), Some("Example Times"));
    assert_eq!(
        page.body,
        "Negotiators left Doha on Monday without an agreement, two officials said, after three days of indirect talks.\n\n\
         The mediators said they would try again \"as soon as both sides are ready\", one of them told reporters.\n\n\
         Fighting continued overnight in the south & east, residents said."
    );
    let items = read_bytes("doha.html", Some("doha"), PAGE.as_bytes(), None, &Options::default());
    let a = articles(&items)[0];
    assert_eq!(a.published.unwrap().to_string(), "2024-04-09");
    assert_eq!(a.id, "doha");
}

#[test]
fn html_entities() {
    assert_eq!(
        html::decode_entities("a &amp; b &#8220;x&#x201D; &eacute;t&eacute; &bogus; &"),
        "a & b “x” été &bogus; &"
    );
    assert_eq!(html::decode_entities("&#0; &#xD800; &#150;"), "\u{FFFD} \u{FFFD} –");
}

#[test]
fn html_without_article_text_warns() {
    let items =
        read_bytes("e.html", Some("e"), b"<html><body><nav>Home</nav></body></html>", None, &Options::default());
    assert_eq!(articles(&items).len(), 1);
    assert!(problems(&items)[0].message.contains("no article text"));
}

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("dateline-read-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn directories_are_read_recursively_in_name_order() {
    let d = temp_dir("dirs");
    std::fs::create_dir_all(d.join("b/deeper")).unwrap();
    std::fs::write(d.join("a.txt"), "Title A\n\nBody A.").unwrap();
    std::fs::write(d.join("b/deeper/c.html"), "<html><body><p>Body C is a page paragraph.</p></body></html>").unwrap();
    std::fs::write(
        d.join("b/list.jsonl"),
        "{\"id\": \"j1\", \"body\": \"J1.\"}\nnot json\n{\"id\": \"j2\", \"body\": \"J2.\"}\n",
    )
    .unwrap();
    std::fs::write(d.join(".hidden.txt"), "Hidden.").unwrap();
    std::fs::write(d.join("blob"), b"\x00\x01\x02binary").unwrap();
    let items: Vec<Item> = Reader::new([Input::Path(d.clone())], Options::default()).collect();
    let ids: Vec<&str> = articles(&items).iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["a", "b/deeper/c", "j1", "j2"]);
    let p = problems(&items);
    assert_eq!(p.len(), 2, "{p:?}");
    assert!(p[0].to_string().ends_with("list.jsonl:2: invalid JSON: expected ident (column 2)"), "{}", p[0]);
    assert!(p[1].to_string().contains("blob: warning: skipped: binary file"), "{}", p[1]);
    let missing: Vec<Item> = Reader::new([Input::Path(d.join("nope.txt"))], Options::default()).collect();
    assert!(
        matches!(&missing[0], Item::Problem(p) if p.severity == Severity::Error && p.message.starts_with("cannot read"))
    );
    std::fs::remove_dir_all(&d).unwrap();
}

#[test]
fn html_article_body_wins_and_scripts_hide_nothing() {
    let page = r#"<html><head><meta property="og:site_name" content="The Daily Example">
<title>Ceasefire collapses | The Daily Example</title>
<script>var s = "</div><p>not text</p>";</script></head><body>
<!-- <p>commented out paragraph that must not appear in the text</p> -->
<div class="promo-grid"><p>Subscribe today and get a free tote bag with your first order.</p></div>
<div itemprop="articleBody">
  <p>The ceasefire collapsed on Sunday after three days of relative calm in the north.</p>
  <p>Residents said shelling resumed before dawn.</p>
</div>
<div class="main-text"><p>Another long block of text that sits outside the marked article body.</p></div>
</body></html>"#;
    let p = html::extract(page);
    assert_eq!(p.title.as_deref(), Some("Ceasefire collapses"));
    assert_eq!(p.source.as_deref(), Some("The Daily Example"));
    assert_eq!(
        p.body,
        "The ceasefire collapsed on Sunday after three days of relative calm in the north.\n\nResidents said shelling resumed before dawn."
    );
}

#[test]
fn html_without_paragraph_tags_uses_line_breaks() {
    let page = "<html><body><div id=\"story\">Troops withdrew from the town on Friday.<br>Aid groups said roads were open.<br/>Markets reopened.</div></body></html>";
    let p = html::extract(page);
    assert_eq!(
        p.body,
        "Troops withdrew from the town on Friday.\n\nAid groups said roads were open.\n\nMarkets reopened."
    );
    assert_eq!(p.title, None);
}

#[test]
fn html_truncated_and_malformed_markup_is_survived() {
    for page in [
        "<html><body><p>Unclosed paragraph one<p>Unclosed two</body>",
        "<p class='x' data-a=\"1\" broken=>Text</p><",
        "<<<>>>< p>not a tag</p>",
        "<p>text &#xFFFFFFFF; &#99999999999; &amp</p>",
        "<script>never closed",
        "<div><span><a href=x>link</a></span>",
    ] {
        let _ = html::extract(page);
    }
    let p = html::extract("<html><body><p>Unclosed paragraph one<p>Unclosed two</body>");
    assert_eq!(p.body, "Unclosed paragraph one\n\nUnclosed two");
}
