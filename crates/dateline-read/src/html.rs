//! Article text and metadata from an HTML page.
//!
//! A small tolerant scanner (no DOM) walks the page once. It drops scripts,
//! styles, navigation, headers, footers, asides, forms, figures and elements
//! whose class, id or role marks them as boilerplate (menus, share bars, ads,
//! comments, related links, newsletters, bylines, captions). The remaining text
//! is cut into blocks at block-level tags. The article is the blocks of the
//! element marked `itemprop="articleBody"`, else of the largest `<article>`,
//! else of the element whose paragraphs hold the most text (the idea behind
//! Readability), less link-heavy and stock-phrase blocks. Blocks are joined
//! with blank lines.
//!
//! Metadata: title from `og:title`, `<title>` (site name removed) or the first
//! `<h1>`; publication date from `article:published_time` and the other usual
//! meta tags, JSON-LD `datePublished`, or `<time datetime>`; source from
//! `og:site_name` or the JSON-LD publisher; URL from the canonical link.

use std::collections::HashMap;

/// What a page yields.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    pub title: Option<String>,
    /// The publication date as the page writes it (parse with `dateline::Date::parse`).
    pub published: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    /// The article's main text, paragraphs separated by blank lines.
    pub body: String,
}

/// Elements whose whole content is dropped.
const SKIP_TAGS: &[&str] = &[
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "button",
    "select",
    "svg",
    "canvas",
    "figure",
    "figcaption",
    "iframe",
    "menu",
    "dialog",
    "template",
    "object",
    "embed",
    "video",
    "audio",
    "picture",
    "map",
    "noscript",
    "label",
    "input",
    "textarea",
];

/// Elements whose content is raw text (no tags inside).
const RAW_TAGS: &[&str] = &["script", "style", "title", "textarea", "xmp", "noembed", "noframes", "iframe", "noscript"];

const VOID_TAGS: &[&str] =
    &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"];

/// Tags that start or end a block of text.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "section",
    "article",
    "main",
    "br",
    "tr",
    "td",
    "th",
    "table",
    "dd",
    "dt",
    "dl",
    "hr",
    "address",
    "center",
    "body",
    "html",
    "header",
    "footer",
    "nav",
    "aside",
    "figure",
    "form",
];

/// Words in a class or id that mark boilerplate.
const BOILERPLATE_WORDS: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "footer",
    "sidebar",
    "comment",
    "comments",
    "disqus",
    "share",
    "sharing",
    "social",
    "related",
    "recommended",
    "recommendations",
    "promo",
    "promotion",
    "advert",
    "advertisement",
    "ads",
    "ad",
    "adv",
    "sponsor",
    "sponsored",
    "banner",
    "cookie",
    "cookies",
    "consent",
    "newsletter",
    "subscribe",
    "subscription",
    "signup",
    "breadcrumb",
    "breadcrumbs",
    "popup",
    "modal",
    "overlay",
    "widget",
    "tags",
    "byline",
    "author",
    "caption",
    "credit",
    "credits",
    "masthead",
    "toolbar",
    "pagination",
    "pager",
    "outbrain",
    "taboola",
    "mostread",
    "popular",
    "trending",
    "hidden",
    "skip",
    "timestamp",
    "dateline",
    "meta",
];

/// Words in a class or id that mark the article itself (they override boilerplate words).
const CONTENT_WORDS: &[&str] = &["article", "content", "story", "entry", "post", "text", "main", "body"];

/// Whole blocks that are page furniture, not article text (compared lowercase).
const STOCK_PHRASES: &[&str] = &[
    "advertisement",
    "share",
    "share this article",
    "read more",
    "related",
    "related articles",
    "sign up",
    "subscribe",
    "follow us",
    "skip to content",
    "skip to main content",
    "continue reading",
    "listen to this article",
];

struct Element {
    name: String,
    /// Index of the first block inside.
    first_block: usize,
    /// One past the last block inside (set when the element closes).
    end_block: usize,
    skip: bool,
    article_body: bool,
}

struct Block {
    text: String,
    /// Element the block's tag sits in (its parent in the DOM).
    parent: Option<usize>,
    is_para: bool,
    link_chars: usize,
}

#[derive(Default)]
struct Meta {
    og_title: Option<String>,
    title_tag: Option<String>,
    h1: Option<String>,
    dates: Vec<(u8, String)>, // (priority: lower wins, value)
    site_name: Option<String>,
    canonical: Option<String>,
    og_url: Option<String>,
    ld_publisher: Option<String>,
    ld_headline: Option<String>,
}

struct Builder {
    elements: Vec<Element>,
    /// Indices into `elements` of the open elements.
    stack: Vec<usize>,
    skip_depth: usize,
    blocks: Vec<Block>,
    buf: String,
    buf_links: usize,
    in_link: usize,
    in_h1: bool,
    h1_buf: String,
}

impl Builder {
    fn flush(&mut self) {
        let text = collapse(&self.buf);
        if !text.is_empty() {
            let parent =
                self.stack.iter().rev().copied().find(|&e| BLOCK_TAGS.contains(&self.elements[e].name.as_str()));
            let is_para = self.stack.last().is_some_and(|&e| self.elements[e].name == "p");
            let parent = if is_para { self.stack.iter().rev().nth(1).copied() } else { parent };
            self.blocks.push(Block { text, parent, is_para, link_chars: self.buf_links });
        }
        self.buf.clear();
        self.buf_links = 0;
    }

    fn text(&mut self, s: &str) {
        if self.in_h1 {
            self.h1_buf.push_str(s);
        }
        if self.skip_depth > 0 {
            return;
        }
        if self.in_link > 0 {
            self.buf_links += s.chars().filter(|c| !c.is_whitespace()).count();
        }
        self.buf.push_str(s);
    }

    fn open(&mut self, name: &str, attrs: &HashMap<String, String>) {
        let block = BLOCK_TAGS.contains(&name);
        if block {
            self.flush();
        }
        if name == "br" || name == "hr" {
            return;
        }
        if VOID_TAGS.contains(&name) {
            return;
        }
        // <p> and <li> close an open element of the same kind.
        if matches!(name, "p" | "li" | "dt" | "dd" | "tr" | "td" | "th") {
            if let Some(&top) = self.stack.last() {
                if self.elements[top].name == name {
                    self.close_top();
                }
            }
        }
        let skip = self.skip_depth > 0 || is_boilerplate(name, attrs);
        let article_body = attrs.get("itemprop").is_some_and(|v| v.eq_ignore_ascii_case("articleBody"));
        let idx = self.elements.len();
        self.elements.push(Element {
            name: name.to_string(),
            first_block: self.blocks.len(),
            end_block: usize::MAX,
            skip,
            article_body,
        });
        self.stack.push(idx);
        if skip {
            self.skip_depth += 1;
        }
        if name == "a" {
            self.in_link += 1;
        }
        if name == "h1" && self.h1_buf.is_empty() {
            self.in_h1 = true;
        }
    }

    fn close_top(&mut self) {
        let Some(&idx) = self.stack.last() else {
            return;
        };
        let name = self.elements[idx].name.clone();
        if BLOCK_TAGS.contains(&name.as_str()) {
            self.flush();
        }
        self.stack.pop();
        self.elements[idx].end_block = self.blocks.len();
        if self.elements[idx].skip {
            self.skip_depth -= 1;
        }
        if name == "a" {
            self.in_link = self.in_link.saturating_sub(1);
        }
        if name == "h1" {
            self.in_h1 = false;
        }
    }

    fn close(&mut self, name: &str) {
        if let Some(pos) = self.stack.iter().rposition(|&e| self.elements[e].name == name) {
            while self.stack.len() > pos {
                self.close_top();
            }
        } else if BLOCK_TAGS.contains(&name) {
            self.flush();
        }
    }
}

fn is_boilerplate(name: &str, attrs: &HashMap<String, String>) -> bool {
    if SKIP_TAGS.contains(&name) {
        return true;
    }
    if attrs.contains_key("hidden") || attrs.get("aria-hidden").is_some_and(|v| v == "true") {
        return true;
    }
    if let Some(style) = attrs.get("style") {
        let s: String = style.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
        if s.contains("display:none") || s.contains("visibility:hidden") {
            return true;
        }
    }
    if let Some(role) = attrs.get("role") {
        let r = role.to_ascii_lowercase();
        if matches!(
            r.as_str(),
            "navigation"
                | "banner"
                | "contentinfo"
                | "complementary"
                | "menu"
                | "menubar"
                | "dialog"
                | "alert"
                | "search"
        ) {
            return true;
        }
    }
    if matches!(name, "html" | "body" | "main" | "article") {
        return false;
    }
    let mut bad = false;
    for key in ["class", "id"] {
        let Some(v) = attrs.get(key) else { continue };
        for word in v.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()) {
            let w = word.to_ascii_lowercase();
            if CONTENT_WORDS.contains(&w.as_str()) {
                return false;
            }
            bad |= BOILERPLATE_WORDS.contains(&w.as_str());
        }
    }
    bad
}

/// Collapses whitespace runs (including no-break spaces) to one space and trims.
fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split(|c: char| c.is_whitespace()) {
        if w.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Finds `needle` (ASCII, lowercase) in `hay` from `from`, ignoring ASCII case.
fn find_ci(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    (from..=hay.len() - needle.len()).find(|&i| hay[i..i + needle.len()].eq_ignore_ascii_case(needle))
}

/// Extracts the article from an HTML page. Never fails: a page with no article
/// text gives an empty body.
pub fn extract(html: &str) -> Page {
    let b = html.as_bytes();
    let n = b.len();
    let mut meta = Meta::default();
    let mut bld = Builder {
        elements: Vec::new(),
        stack: Vec::new(),
        skip_depth: 0,
        blocks: Vec::new(),
        buf: String::new(),
        buf_links: 0,
        in_link: 0,
        in_h1: false,
        h1_buf: String::new(),
    };
    let mut i = 0;
    while i < n {
        if b[i] != b'<' {
            let end = memchr(b'<', b, i).unwrap_or(n);
            bld.text(&decode_entities(&html[i..end]));
            i = end;
            continue;
        }
        // Comments, doctype, processing instructions, CDATA.
        if b[i..].starts_with(b"<!--") {
            i = find_ci(b, i + 4, b"-->").map_or(n, |e| e + 3);
            continue;
        }
        if i + 1 < n && (b[i + 1] == b'!' || b[i + 1] == b'?') {
            i = memchr(b'>', b, i).map_or(n, |e| e + 1);
            continue;
        }
        let closing = i + 1 < n && b[i + 1] == b'/';
        let name_start = if closing { i + 2 } else { i + 1 };
        if name_start >= n || !b[name_start].is_ascii_alphabetic() {
            bld.text("<");
            i += 1;
            continue;
        }
        let mut j = name_start;
        while j < n && (b[j].is_ascii_alphanumeric() || b[j] == b'-' || b[j] == b':') {
            j += 1;
        }
        let name = html[name_start..j].to_ascii_lowercase();
        let (attrs, tag_end) = parse_attrs(html, j);
        i = tag_end;
        if closing {
            bld.close(&name);
            continue;
        }
        collect_meta(&name, &attrs, &mut meta);
        if RAW_TAGS.contains(&name.as_str()) {
            let close = format!("</{name}");
            let end = find_ci(b, i, close.as_bytes()).unwrap_or(n);
            let content = &html[i..end];
            match name.as_str() {
                "title" if meta.title_tag.is_none() => meta.title_tag = Some(collapse(&decode_entities(content))),
                "script" if attrs.get("type").is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json")) => {
                    json_ld(content, &mut meta)
                }
                _ => {}
            }
            i = if end < n { memchr(b'>', b, end).map_or(n, |e| e + 1) } else { n };
            continue;
        }
        bld.open(&name, &attrs);
    }
    while !bld.stack.is_empty() {
        bld.close_top();
    }
    bld.flush();
    if !bld.h1_buf.trim().is_empty() {
        meta.h1 = Some(collapse(&decode_entities(&bld.h1_buf)));
    }

    let title = page_title(&meta);
    let body = main_text(&bld, title.as_deref());
    let mut dates = meta.dates;
    dates.sort_by_key(|d| d.0);
    Page {
        title,
        published: dates.into_iter().map(|d| d.1).find(|d| !d.trim().is_empty()),
        source: meta.site_name.or(meta.ld_publisher),
        url: meta.canonical.or(meta.og_url),
        body,
    }
}

fn memchr(needle: u8, hay: &[u8], from: usize) -> Option<usize> {
    hay[from..].iter().position(|&c| c == needle).map(|p| p + from)
}

/// Parses attributes from `j` (just after the tag name) to the closing `>`.
/// Returns the attributes (names lowercased, values decoded) and the index after `>`.
fn parse_attrs(html: &str, mut j: usize) -> (HashMap<String, String>, usize) {
    let b = html.as_bytes();
    let n = b.len();
    let mut attrs = HashMap::new();
    loop {
        while j < n && (b[j].is_ascii_whitespace() || b[j] == b'/') {
            j += 1;
        }
        if j >= n {
            return (attrs, n);
        }
        if b[j] == b'>' {
            return (attrs, j + 1);
        }
        let k0 = j;
        while j < n && !b[j].is_ascii_whitespace() && !matches!(b[j], b'=' | b'>' | b'/') {
            j += 1;
        }
        let key = html[k0..j].to_ascii_lowercase();
        while j < n && b[j].is_ascii_whitespace() {
            j += 1;
        }
        let mut value = String::new();
        if j < n && b[j] == b'=' {
            j += 1;
            while j < n && b[j].is_ascii_whitespace() {
                j += 1;
            }
            if j < n && (b[j] == b'"' || b[j] == b'\'') {
                let q = b[j];
                let v0 = j + 1;
                let v1 = memchr(q, b, v0).unwrap_or(n);
                value = decode_entities(&html[v0..v1]);
                j = (v1 + 1).min(n);
            } else {
                let v0 = j;
                while j < n && !b[j].is_ascii_whitespace() && b[j] != b'>' {
                    j += 1;
                }
                value = decode_entities(&html[v0..j]);
            }
        }
        if !key.is_empty() {
            attrs.entry(key).or_insert(value);
        }
        if j == k0 {
            j += 1; // never stall on a stray byte
            while j < n && !html.is_char_boundary(j) {
                j += 1;
            }
        }
    }
}

fn collect_meta(name: &str, attrs: &HashMap<String, String>, meta: &mut Meta) {
    let get = |k: &str| attrs.get(k).map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
    match name {
        "meta" => {
            let key = attrs
                .get("property")
                .or_else(|| attrs.get("name"))
                .or_else(|| attrs.get("itemprop"))
                .map(|k| k.to_ascii_lowercase());
            let (Some(key), Some(content)) = (key, get("content")) else {
                return;
            };
            match key.as_str() {
                "og:title" | "twitter:title" if meta.og_title.is_none() => meta.og_title = Some(collapse(&content)),
                "og:site_name" if meta.site_name.is_none() => meta.site_name = Some(content),
                "og:url" if meta.og_url.is_none() => meta.og_url = Some(content),
                "article:published_time" | "og:published_time" => meta.dates.push((0, content)),
                "datepublished" => meta.dates.push((2, content)),
                "pubdate"
                | "publishdate"
                | "publish-date"
                | "publish_date"
                | "publication_date"
                | "date"
                | "dc.date"
                | "dc.date.issued"
                | "dcterms.created"
                | "dcterms.date"
                | "dcterms.issued"
                | "sailthru.date"
                | "parsely-pub-date"
                | "article.published"
                | "original-publish-date" => meta.dates.push((3, content)),
                _ => {}
            }
        }
        "link" => {
            let rel = attrs.get("rel").map(|r| r.to_ascii_lowercase());
            if rel.as_deref() == Some("canonical") && meta.canonical.is_none() {
                meta.canonical = get("href");
            }
        }
        "time" => {
            if let Some(dt) = get("datetime") {
                let published = attrs.contains_key("pubdate")
                    || attrs.get("itemprop").is_some_and(|v| v.eq_ignore_ascii_case("datePublished"));
                meta.dates.push((if published { 2 } else { 4 }, dt));
            }
        }
        _ => {
            if attrs.get("itemprop").is_some_and(|v| v.eq_ignore_ascii_case("datePublished")) {
                if let Some(c) = get("content") {
                    meta.dates.push((2, c));
                }
            }
        }
    }
}

fn json_ld(src: &str, meta: &mut Meta) {
    let Ok(v) = serde_json::from_str::<serde_json::Value>(src.trim()) else {
        return;
    };
    let mut stack = vec![&v];
    let mut seen = 0;
    while let Some(v) = stack.pop() {
        seen += 1;
        if seen > 10_000 {
            break;
        }
        match v {
            serde_json::Value::Array(a) => stack.extend(a.iter()),
            serde_json::Value::Object(o) => {
                if let Some(d) = o.get("datePublished").and_then(|d| d.as_str()) {
                    meta.dates.push((1, d.to_string()));
                }
                if let Some(h) = o.get("headline").and_then(|d| d.as_str()) {
                    meta.ld_headline.get_or_insert_with(|| collapse(h));
                }
                if let Some(name) = o.get("publisher").and_then(|p| p.get("name")).and_then(|n| n.as_str()) {
                    meta.ld_publisher.get_or_insert_with(|| name.to_string());
                }
                if let Some(g) = o.get("@graph") {
                    stack.push(g);
                }
            }
            _ => {}
        }
    }
}

fn page_title(meta: &Meta) -> Option<String> {
    if let Some(t) = meta.og_title.clone().or_else(|| meta.ld_headline.clone()) {
        return Some(t);
    }
    if let Some(t) = &meta.title_tag {
        // "Headline | Site" / "Headline - Site": drop the site part.
        let mut t = t.as_str();
        for sep in [" | ", " - ", " – ", " — ", " :: "] {
            if let Some(pos) = t.rfind(sep) {
                let tail = &t[pos + sep.len()..];
                let is_site = meta.site_name.as_deref().is_some_and(|s| s.eq_ignore_ascii_case(tail.trim()))
                    || tail.split_whitespace().count() <= 3;
                if is_site && pos > 0 {
                    t = &t[..pos];
                    break;
                }
            }
        }
        if !t.trim().is_empty() {
            return Some(t.trim().to_string());
        }
    }
    meta.h1.clone()
}

fn main_text(bld: &Builder, title: Option<&str>) -> String {
    let blocks = &bld.blocks;
    let size = |e: &Element| -> usize {
        let end = e.end_block.min(blocks.len());
        blocks[e.first_block.min(end)..end].iter().map(|b| b.text.len()).sum()
    };
    let best = |pred: &dyn Fn(&Element) -> bool| -> Option<(usize, usize)> {
        bld.elements
            .iter()
            .filter(|e| pred(e) && !e.skip)
            .map(|e| (size(e), e.first_block, e.end_block.min(blocks.len())))
            .filter(|&(s, _, _)| s > 0)
            .max_by_key(|&(s, _, _)| s)
            .map(|(_, a, b)| (a, b))
    };
    let range = best(&|e| e.article_body)
        .or_else(|| best(&|e| e.name == "article"))
        .or_else(|| {
            // The element whose paragraphs hold the most text.
            let mut score: HashMap<usize, usize> = HashMap::new();
            for b in blocks.iter().filter(|b| b.is_para && b.text.len() >= 25) {
                if let Some(p) = b.parent {
                    *score.entry(p).or_default() += b.text.len();
                }
            }
            let (&p, _) = score.iter().max_by_key(|&(&p, &s)| (s, std::cmp::Reverse(p)))?;
            let e = &bld.elements[p];
            Some((e.first_block, e.end_block.min(blocks.len())))
        })
        .unwrap_or((0, blocks.len()));
    let (a, b) = (range.0.min(range.1), range.1);
    let mut out = String::new();
    for blk in &blocks[a..b] {
        let chars = blk.text.chars().count();
        if blk.link_chars * 2 > chars && chars < 300 {
            continue;
        }
        let lower = blk.text.to_lowercase();
        let lower = lower.trim_end_matches([':', '.', '»', '›', '>']).trim();
        if STOCK_PHRASES.contains(&lower) || title.is_some_and(|t| t == blk.text) {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&blk.text);
    }
    out
}

/// Decodes character references: named ones in common use and all numeric ones.
/// Unknown names are kept as written; invalid code points become U+FFFD.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let semi = rest[1..].find(';').map(|p| p + 1).filter(|&p| p <= 33);
        let decoded = semi.and_then(|p| decode_one(&rest[1..p]).map(|c| (c, p)));
        match decoded {
            Some((c, p)) => {
                out.push(c);
                rest = &rest[p + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn decode_one(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = if let Some(hex) = num.strip_prefix(['x', 'X']) {
            u32::from_str_radix(hex, 16).ok()?
        } else {
            num.parse::<u32>().ok()?
        };
        return Some(match code {
            0 => '\u{FFFD}',
            // Windows-1252 punctuation that pages write as numeric references.
            0x91 => '‘',
            0x92 => '’',
            0x93 => '“',
            0x94 => '”',
            0x96 => '–',
            0x97 => '—',
            0x85 => '…',
            c => char::from_u32(c).unwrap_or('\u{FFFD}'),
        });
    }
    let c = match name {
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "nbsp" => '\u{A0}',
        "ndash" => '–',
        "mdash" => '—',
        "lsquo" => '‘',
        "rsquo" => '’',
        "sbquo" => '‚',
        "ldquo" => '“',
        "rdquo" => '”',
        "bdquo" => '„',
        "laquo" => '«',
        "raquo" => '»',
        "lsaquo" => '‹',
        "rsaquo" => '›',
        "hellip" => '…',
        "bull" => '•',
        "middot" => '·',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "deg" => '°',
        "euro" => '€',
        "pound" => '£',
        "yen" => '¥',
        "cent" => '¢',
        "sect" => '§',
        "para" => '¶',
        "times" => '×',
        "divide" => '÷',
        "minus" => '−',
        "plusmn" => '±',
        "frac12" => '½',
        "frac14" => '¼',
        "frac34" => '¾',
        "shy" => '\u{AD}',
        "zwj" => '\u{200D}',
        "zwnj" => '\u{200C}',
        "lrm" => '\u{200E}',
        "rlm" => '\u{200F}',
        "thinsp" => '\u{2009}',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "prime" => '′',
        "Prime" => '″',
        "iexcl" => '¡',
        "iquest" => '¿',
        "szlig" => 'ß',
        _ => return latin_letter(name),
    };
    Some(c)
}

/// `&eacute;`, `&Uuml;`, `&ccedil;` ...: Latin-1 letters with diacritics.
fn latin_letter(name: &str) -> Option<char> {
    let mut it = name.chars();
    let base = it.next()?;
    let mark: String = it.collect();
    let table: &[(&str, &str, &str)] = &[
        ("acute", "aeiouyAEIOUY", "áéíóúýÁÉÍÓÚÝ"),
        ("grave", "aeiouAEIOU", "àèìòùÀÈÌÒÙ"),
        ("circ", "aeiouAEIOU", "âêîôûÂÊÎÔÛ"),
        ("uml", "aeiouyAEIOUY", "äëïöüÿÄËÏÖÜŸ"),
        ("tilde", "anoANO", "ãñõÃÑÕ"),
        ("cedil", "cC", "çÇ"),
        ("ring", "aA", "åÅ"),
        ("slash", "oO", "øØ"),
        ("lig", "", ""),
    ];
    if name == "aelig" {
        return Some('æ');
    }
    if name == "AElig" {
        return Some('Æ');
    }
    let (_, bases, out) = table.iter().find(|(m, _, _)| *m == mark)?;
    let pos = bases.chars().position(|c| c == base)?;
    out.chars().nth(pos)
}
