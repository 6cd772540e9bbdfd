//! RSS 2.0, RSS 1.0 (RDF) and Atom feeds: one article per `<item>` or `<entry>`.
//!
//! A feed is scanned, not parsed as a tree: the reader finds each item's block
//! and the first of the elements it knows inside it, so a feed with stray or
//! broken markup elsewhere still yields its items.
//!
//! | article field | RSS | Atom |
//! | --- | --- | --- |
//! | id | `guid`, else `link` | `id`, else the link |
//! | url | `link` | `link href` (the `alternate` one first) |
//! | title | `title` | `title` |
//! | published | `pubDate`, `dc:date` | `published`, `updated` |
//! | body | `content:encoded`, else `description` | `content`, else `summary` |
//! | source | the channel's `title` | the feed's `title` |
//!
//! Bodies are HTML in most feeds (escaped or in CDATA): their text is taken as
//! for a page, paragraphs kept. An item without any text is skipped with a
//! warning that names its line.

use crate::html;
use crate::{Article, Ctx, Date, Item, Severity, MAX_BODY_BYTES};

/// Whether the start of a document looks like a feed.
pub(crate) fn looks_like_feed(lower_head: &[u8]) -> bool {
    let has = |m: &[u8]| lower_head.windows(m.len()).any(|w| w == m);
    (has(b"<rss") || has(b"<feed") || has(b"<rdf:rdf")) && !has(b"<html")
}

/// Every item of a feed document.
pub(crate) fn read_feed(ctx: &Ctx, text: &str) -> Vec<Item> {
    let mut out = Vec::new();
    let lower = text.to_ascii_lowercase();
    let first = [find_tag(&lower, "item", 0), find_tag(&lower, "entry", 0)].into_iter().flatten().min();
    let head = &text[..first.unwrap_or(text.len())];
    let source = element(head, &head.to_ascii_lowercase(), "title").map(|t| plain(&t)).filter(|t| !t.is_empty());
    let mut pos = 0;
    let mut n = 0;
    while let Some(start) = [find_tag(&lower, "item", pos), find_tag(&lower, "entry", pos)].into_iter().flatten().min()
    {
        let name = if lower[start + 1..].starts_with("item") { "item" } else { "entry" };
        let end = lower[start..].find(&format!("</{name}")).map_or(text.len(), |e| start + e);
        n += 1;
        let line = text[..start].bytes().filter(|&b| b == b'\n').count() + 1;
        out.push(read_item(ctx, &text[start..end], &lower[start..end], source.as_deref(), line, n));
        pos = end.max(start + 1);
    }
    if n == 0 {
        out.push(ctx.problem(Severity::Warning, None, "feed has no items"));
    }
    out
}

fn read_item(ctx: &Ctx, block: &str, lower: &str, source: Option<&str>, line: usize, n: usize) -> Item {
    let get =
        |names: &[&str]| names.iter().find_map(|name| element(block, lower, name)).filter(|s| !s.trim().is_empty());
    let title = get(&["title"]).map(|t| plain(&t)).filter(|t| !t.is_empty());
    let url = get(&["link"]).map(|l| plain(&l)).or_else(|| atom_link(block, lower));
    let id = get(&["guid", "id"]).map(|g| plain(&g)).or_else(|| url.clone());
    let date = get(&["pubdate", "published", "dc:date", "updated"]).map(|d| plain(&d));
    let body =
        get(&["content:encoded", "content", "description", "summary"]).map(|b| body_text(&b)).unwrap_or_default();
    if body.trim().is_empty() {
        return ctx.problem(Severity::Warning, Some(line), format!("feed item {n} has no text: skipped"));
    }
    if body.len() > MAX_BODY_BYTES {
        return ctx.problem(Severity::Error, Some(line), format!("feed item {n} is over the size limit"));
    }
    let published = date.as_deref().and_then(Date::parse).or(ctx.opts.published);
    let id = id.unwrap_or_else(|| dateline::content_id(title.as_deref(), &body));
    Item::Article(Box::new(Article { id, url, title, source: source.map(str::to_string), published, body }))
}

/// Byte offset of the next `<name` tag (followed by `>`, `/` or a space) at or after `from`.
fn find_tag(lower: &str, name: &str, from: usize) -> Option<usize> {
    let pat = format!("<{name}");
    let mut at = from;
    while let Some(i) = lower.get(at..)?.find(&pat) {
        let k = at + i;
        match lower.as_bytes().get(k + pat.len()) {
            Some(b'>' | b'/' | b' ' | b'\t' | b'\r' | b'\n') => return Some(k),
            _ => at = k + pat.len(),
        }
    }
    None
}

/// The raw content of the first `<name ...>...</name>` in a block: CDATA
/// sections unwrapped, other text with its entities decoded once.
fn element(block: &str, lower: &str, name: &str) -> Option<String> {
    let start = find_tag(lower, name, 0)?;
    let open_end = start + lower[start..].find('>')?;
    if lower.as_bytes()[open_end - 1] == b'/' {
        return None; // <link href="..."/>: no content
    }
    let close = lower[open_end..].find(&format!("</{name}")).map_or(lower.len(), |e| open_end + e);
    let raw = &block[open_end + 1..close];
    let mut out = String::new();
    let mut rest = raw;
    while let Some(i) = rest.find("<![CDATA[") {
        out.push_str(&html::decode_entities(&rest[..i]));
        let after = &rest[i + 9..];
        let j = after.find("]]>").unwrap_or(after.len());
        out.push_str(&after[..j]);
        rest = after.get(j + 3..).unwrap_or("");
    }
    out.push_str(&html::decode_entities(rest));
    Some(out)
}

/// Atom's `<link rel="alternate" href="...">`, else the first link with an href.
fn atom_link(block: &str, lower: &str) -> Option<String> {
    let mut pos = 0;
    let mut first = None;
    while let Some(k) = find_tag(lower, "link", pos) {
        let end = k + lower[k..].find('>').unwrap_or(lower.len() - k);
        let tag = &block[k..end];
        let attr = |name: &str| {
            let t = tag.to_ascii_lowercase();
            let i = t.find(&format!("{name}="))? + name.len() + 1;
            let q = tag[i..].chars().next()?;
            let v = if q == '"' || q == '\'' { tag[i + 1..].split(q).next()? } else { tag[i..].split(' ').next()? };
            Some(html::decode_entities(v))
        };
        if let Some(href) = attr("href") {
            if attr("rel").is_none_or(|r| r == "alternate") {
                return Some(href);
            }
            first.get_or_insert(href);
        }
        pos = end;
    }
    first
}

/// Text of an item body: HTML taken as a page's article text, else the text itself.
fn body_text(s: &str) -> String {
    if s.contains('<') {
        html::extract(&format!("<html><body><article>{s}</article></body></html>")).body
    } else {
        s.trim().to_string()
    }
}

/// A short field (title, link, date): tags dropped, spaces collapsed.
fn plain(s: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Options;

    fn read(text: &str) -> Vec<Item> {
        let opts = Options::default();
        read_feed(&Ctx { file: "feed.xml", id: None, opts: &opts }, text)
    }

    #[test]
    fn rss_items_with_cdata_and_escaped_html() {
        let feed = r#"<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Northern Courier</title><link>https://courier.example/</link>
<item><title>Talks resume in Geneva</title><link>https://courier.example/a1</link>
<guid isPermaLink="false">courier-1</guid><pubDate>Tue, 05 Mar 2024 09:00:00 GMT</pubDate>
<description>Short teaser</description>
<content:encoded><![CDATA[<p>Envoys met in Geneva on Monday.</p><p>They will meet again on Friday.</p>]]></content:encoded>
</item>
<item><title>Second &amp; last</title><link>https://courier.example/a2</link>
<description>&lt;p&gt;Shelling hit the port on Sunday, officials said.&lt;/p&gt;</description></item>
<item><title>Empty</title></item>
</channel></rss>"#;
        let items = read(feed);
        assert_eq!(items.len(), 3);
        let Item::Article(a) = &items[0] else { panic!("{:?}", items[0]) };
        assert_eq!(a.id, "courier-1");
        assert_eq!(a.title.as_deref(), Some("Talks resume in Geneva"));
        assert_eq!(a.url.as_deref(), Some("https://courier.example/a1"));
        assert_eq!(a.source.as_deref(), Some("Northern Courier"));
        assert_eq!(a.published, Date::parse("2024-03-05"));
        assert!(a.body.contains("Envoys met in Geneva on Monday.") && a.body.contains("again on Friday"));
        assert!(!a.body.contains("teaser"));
        let Item::Article(b) = &items[1] else { panic!() };
        assert_eq!(b.title.as_deref(), Some("Second & last"));
        assert_eq!(b.id, "https://courier.example/a2");
        assert_eq!(b.body, "Shelling hit the port on Sunday, officials said.");
        let Item::Problem(p) = &items[2] else { panic!() };
        assert_eq!(p.line, Some(11));
        assert!(p.message.contains("item 3 has no text"));
    }

    #[test]
    fn atom_entries() {
        let feed = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title type="text">Wire Desk</title>
<entry><title>Ceasefire holds</title><id>tag:wire,2024:7</id>
<link rel="self" href="https://wire.example/self/7"/><link rel="alternate" href="https://wire.example/7"/>
<published>2024-04-02T08:00:00Z</published>
<content type="html">&lt;p&gt;The truce held overnight.&lt;/p&gt;</content></entry></feed>"#;
        let items = read(feed);
        let Item::Article(a) = &items[0] else { panic!("{items:?}") };
        assert_eq!(a.id, "tag:wire,2024:7");
        assert_eq!(a.url.as_deref(), Some("https://wire.example/7"));
        assert_eq!(a.source.as_deref(), Some("Wire Desk"));
        assert_eq!(a.published, Date::parse("2024-04-02"));
        assert_eq!(a.body, "The truce held overnight.");
    }

    #[test]
    fn broken_feeds_do_not_panic() {
        for s in ["<rss><item>", "<rss><item><title>x", "<feed><entry><link href=", "<rss><item><![CDATA[", "<rss>"] {
            let _ = read(s);
        }
        assert!(matches!(&read("<rss><channel></channel></rss>")[0], Item::Problem(_)));
    }
}
