//! # dateline-read
//!
//! Turns files, directories and standard input into [`Article`]s for the
//! dateline pipeline, and reports what it could not read without stopping.
//!
//! Formats (chosen by extension, else by sniffing the first bytes):
//!
//! | format | extensions | what an article is |
//! | --- | --- | --- |
//! | JSON Lines | `.jsonl`, `.ndjson` | one object a line: `id`, `title`, `published`, `source`, `url`, `body` (or `text`) |
//! | JSON | `.json` | one such object, an array of them, or a sequence of them |
//! | plain text | `.txt`, `.text`, `.md` | the file; its first line is the title when a blank line follows |
//! | HTML | `.html`, `.htm`, `.xhtml` | the page's main text, title, date, site and canonical URL ([`html`]) |
//! | RSS / Atom feed | `.rss`, `.atom` (or an `.xml` that is one) | one article per item or entry ([`feed`]) |
//! | WARC archive | `.warc` | one article per HTML response record ([`warc`]) |
//!
//! Any of these may be gzip-compressed (`.gz`, or told by its first bytes): it is
//! decompressed as it is read, so `.warc.gz` and `.jsonl.gz` work as they are.
//!
//! Directories are read recursively in name order, skipping hidden entries.
//! Problems come back as [`Item::Problem`] in reading order: a malformed line is an
//! error naming the file and line, invalid UTF-8 is replaced (a warning), a binary
//! file is skipped (a warning). Reading always goes on to the next article.

pub mod feed;
pub mod html;
mod json;
pub mod warc;

use std::collections::VecDeque;
use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

pub use dateline::{Article, Date};

/// Largest article body accepted, in bytes.
pub const MAX_BODY_BYTES: usize = 32 << 20;

/// An input format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Jsonl,
    Json,
    Text,
    Html,
    Feed,
    Warc,
}

impl Format {
    /// The format a file extension names, if any.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "gz" | "gzip" => Format::from_path(Path::new(path.file_stem()?)),
            "rss" | "atom" => Some(Format::Feed),
            "warc" => Some(Format::Warc),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            "json" => Some(Format::Json),
            "txt" | "text" | "md" => Some(Format::Text),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            _ => None,
        }
    }

    /// Guesses the format from the first bytes of the content; `None` for binary data.
    pub fn sniff(head: &[u8]) -> Option<Format> {
        if is_binary(head) {
            return None;
        }
        let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
        let start = head.iter().position(|c| !c.is_ascii_whitespace()).unwrap_or(head.len());
        let head = &head[start..];
        if head.starts_with(b"WARC/") {
            return Some(Format::Warc);
        }
        match head.first() {
            Some(b'[') => Some(Format::Json),
            Some(b'{') => Some(Format::Jsonl),
            Some(b'<') => {
                let lower = head[..head.len().min(8192)].to_ascii_lowercase();
                if feed::looks_like_feed(&lower[..lower.len().min(2048)]) {
                    return Some(Format::Feed);
                }
                let markers: [&[u8]; 8] =
                    [b"<html", b"<!doctype html", b"<head", b"<body", b"<p", b"<div", b"<article", b"<meta"];
                let html = markers.iter().any(|m| lower.windows(m.len()).any(|w| w == *m));
                Some(if html { Format::Html } else { Format::Text })
            }
            _ => Some(Format::Text),
        }
    }
}

/// Binary content: a NUL byte, or many control characters, in the first 8 KiB.
fn is_binary(head: &[u8]) -> bool {
    let head = &head[..head.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let controls = head.iter().filter(|&&c| c < 0x20 && !matches!(c, b'\t' | b'\n' | b'\r' | 0x0C)).count();
    !head.is_empty() && controls * 10 > head.len()
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Format, String> {
        match s.to_ascii_lowercase().as_str() {
            "jsonl" | "ndjson" => Ok(Format::Jsonl),
            "json" => Ok(Format::Json),
            "text" | "txt" => Ok(Format::Text),
            "html" => Ok(Format::Html),
            "feed" | "rss" | "atom" => Ok(Format::Feed),
            "warc" => Ok(Format::Warc),
            _ => Err(format!("unknown input format '{s}' (expected jsonl, json, text, html, feed or warc)")),
        }
    }
}

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// Something was changed or skipped, but the article (if any) was read.
    Warning,
    /// An article could not be read.
    Error,
}

/// A problem met while reading, with where it was met.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    /// The file's path as given, or `<stdin>`.
    pub file: String,
    /// 1-based line, where the problem has one.
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            Severity::Warning => "warning: ",
            Severity::Error => "",
        };
        match self.line {
            Some(l) => write!(f, "{}:{}: {}{}", self.file, l, kind, self.message),
            None => write!(f, "{}: {}{}", self.file, kind, self.message),
        }
    }
}

/// What reading yields, in input order.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Article(Box<Article>),
    Problem(Problem),
}

/// Reading options.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Publication date for articles that carry none.
    pub published: Option<Date>,
    /// Read every input as this format instead of guessing.
    pub format: Option<Format>,
}

/// Context for turning content into articles: the name problems are reported
/// under, and the id a single-article file gets.
pub(crate) struct Ctx<'a> {
    pub file: &'a str,
    pub id: Option<&'a str>,
    pub opts: &'a Options,
}

impl Ctx<'_> {
    pub(crate) fn problem(&self, severity: Severity, line: Option<usize>, message: impl Into<String>) -> Item {
        Item::Problem(Problem { severity, file: self.file.to_string(), line, message: message.into() })
    }
}

/// Reads a whole in-memory input. `name` is used in problems; `id` is the id a
/// single-article format (text, HTML) gives its article (else a content hash).
/// This is the reader the fuzzers drive: it never panics.
pub fn read_bytes(name: &str, id: Option<&str>, bytes: &[u8], format: Option<Format>, opts: &Options) -> Vec<Item> {
    let ctx = Ctx { file: name, id, opts };
    let mut out = Vec::new();
    if is_gzip(bytes) {
        let mut plain = Vec::new();
        let mut d = flate2::read::MultiGzDecoder::new(bytes).take(MAX_BODY_BYTES as u64 * 4);
        if let Err(e) = d.read_to_end(&mut plain) {
            out.push(ctx.problem(Severity::Error, None, format!("gzip data could not be decompressed: {e}")));
            return out;
        }
        out.extend(read_bytes(name, id, &plain, format, opts));
        return out;
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        if !bytes.is_empty() {
            out.push(ctx.problem(Severity::Warning, None, "skipped: no text"));
        }
        return out;
    }
    let format = match format.or(opts.format) {
        Some(f) => f,
        None => match Format::sniff(bytes) {
            Some(f) => f,
            None => {
                out.push(ctx.problem(Severity::Warning, None, "skipped: binary file"));
                return out;
            }
        },
    };
    match format {
        Format::Jsonl => {
            for (n, line) in bytes.split(|&b| b == b'\n').enumerate() {
                json::read_line(&ctx, n + 1, line, &mut out);
            }
        }
        Format::Json => {
            let text = decode(&ctx, bytes, &mut out);
            json::read_document(&ctx, &text, &mut out);
        }
        Format::Text => {
            let text = decode(&ctx, bytes, &mut out);
            out.push(read_text(&ctx, &text));
        }
        Format::Html => {
            let text = decode(&ctx, bytes, &mut out);
            out.extend(read_html(&ctx, &text));
        }
        Format::Feed => {
            let text = decode(&ctx, bytes, &mut out);
            out.extend(feed::read_feed(&ctx, &text));
        }
        Format::Warc => out.extend(warc::WarcReader::new(bytes, name.to_string(), *opts)),
    }
    out
}

/// gzip's magic number.
fn is_gzip(head: &[u8]) -> bool {
    head.starts_with(&[0x1f, 0x8b])
}

/// UTF-8 text from bytes, replacing invalid sequences (with a warning) and a BOM.
fn decode(ctx: &Ctx, bytes: &[u8], out: &mut Vec<Item>) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(e) => {
            let line = bytes[..e.valid_up_to()].iter().filter(|&&b| b == b'\n').count() + 1;
            out.push(ctx.problem(Severity::Warning, Some(line), "invalid UTF-8 replaced with U+FFFD"));
            String::from_utf8_lossy(bytes).into_owned()
        }
    }
}

fn too_large(ctx: &Ctx, line: Option<usize>, len: usize) -> Item {
    ctx.problem(
        Severity::Error,
        line,
        format!("article body is {len} bytes, over the {} MiB limit", MAX_BODY_BYTES >> 20),
    )
}

/// A plain-text article: the first line is the title when a blank line follows it.
fn read_text(ctx: &Ctx, text: &str) -> Item {
    if text.len() > MAX_BODY_BYTES {
        return too_large(ctx, None, text.len());
    }
    let mut title = None;
    let mut body = text;
    let start = text.len() - text.trim_start_matches(['\n', '\r']).len();
    let rest = &text[start..];
    if let Some(nl) = rest.find('\n') {
        let first = rest[..nl].trim();
        let after = &rest[nl + 1..];
        let blank_follows = after.split('\n').next().is_some_and(|l| l.trim().is_empty()) && !after.trim().is_empty();
        if blank_follows && !first.is_empty() && first.chars().count() <= 300 {
            title = Some(first.to_string());
            body = after.trim_start_matches(|c: char| c == '\n' || c == '\r' || c.is_whitespace());
        }
    }
    let id = ctx.id.map(str::to_string).unwrap_or_else(|| dateline::content_id(title.as_deref(), body));
    Item::Article(Box::new(Article {
        id,
        title,
        body: body.to_string(),
        published: ctx.opts.published,
        ..Article::default()
    }))
}

/// An HTML page's article.
fn read_html(ctx: &Ctx, text: &str) -> Vec<Item> {
    let mut out = Vec::new();
    let page = html::extract(text);
    if page.body.len() > MAX_BODY_BYTES {
        return vec![too_large(ctx, None, page.body.len())];
    }
    if page.body.is_empty() {
        out.push(ctx.problem(Severity::Warning, None, "no article text found in the page"));
    }
    let mut published = None;
    if let Some(p) = &page.published {
        published = Date::parse(p);
        if published.is_none() {
            out.push(ctx.problem(Severity::Warning, None, format!("publication date {p:?} not understood")));
        }
    }
    let id = ctx.id.map(str::to_string).unwrap_or_else(|| dateline::content_id(page.title.as_deref(), &page.body));
    out.push(Item::Article(Box::new(Article {
        id,
        url: page.url,
        title: page.title,
        source: page.source,
        published: published.or(ctx.opts.published),
        body: page.body,
    })));
    out
}

/// One input: a path (file or directory) or standard input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Path(PathBuf),
    Stdin,
}

impl Input {
    /// `-` is standard input; anything else a path.
    pub fn parse(s: &str) -> Input {
        if s == "-" {
            Input::Stdin
        } else {
            Input::Path(PathBuf::from(s))
        }
    }
}

enum Pending {
    /// A path, and the directory it was found under (for its id).
    Path(PathBuf, Option<PathBuf>),
    Stdin,
}

enum Current {
    Lines { reader: Box<dyn BufRead>, file: String, line: usize },
    Items(std::vec::IntoIter<Item>),
    Warc(Box<warc::WarcReader<Box<dyn BufRead>>>),
}

/// Streams [`Item`]s from a list of inputs, in order. JSON Lines are read line by
/// line, so a large file is never held in memory at once.
pub struct Reader {
    pending: VecDeque<Pending>,
    current: Option<Current>,
    /// Items read from the current JSON line, not yet handed out.
    buffered: VecDeque<Item>,
    opts: Options,
    /// Bytes read from input files so far (before decompression).
    consumed: Arc<AtomicU64>,
}

/// A file that counts the bytes read from it.
struct Counted {
    inner: File,
    count: Arc<AtomicU64>,
}

impl Read for Counted {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// Total size in bytes of the files the inputs name (directories walked as the
/// reader walks them; standard input counts nothing). With [`Reader::bytes_read`],
/// for progress reports.
pub fn input_size(inputs: &[Input]) -> u64 {
    fn walk(p: &Path) -> u64 {
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => list_dir(p).map_or(0, |v| v.iter().map(|e| walk(e)).sum()),
            Ok(m) => m.len(),
            Err(_) => 0,
        }
    }
    inputs.iter().map(|i| if let Input::Path(p) = i { walk(p) } else { 0 }).sum()
}

impl Reader {
    pub fn new(inputs: impl IntoIterator<Item = Input>, opts: Options) -> Reader {
        let pending = inputs
            .into_iter()
            .map(|i| match i {
                Input::Path(p) => Pending::Path(p, None),
                Input::Stdin => Pending::Stdin,
            })
            .collect();
        Reader { pending, current: None, buffered: VecDeque::new(), opts, consumed: Arc::default() }
    }

    /// Bytes read so far from input files, as stored on disk (compressed where they are).
    pub fn bytes_read(&self) -> u64 {
        self.consumed.load(Ordering::Relaxed)
    }

    fn open(&mut self, p: Pending) -> Option<Item> {
        match p {
            Pending::Stdin => {
                let reader: Box<dyn BufRead> = Box::new(BufReader::with_capacity(1 << 16, io::stdin()));
                self.open_stream(reader, "<stdin>".to_string(), None)
            }
            Pending::Path(path, root) => {
                let file = path.display().to_string();
                let meta = match std::fs::metadata(&path) {
                    Ok(m) => m,
                    Err(e) => return Some(error(&file, format!("cannot read: {e}"))),
                };
                if meta.is_dir() {
                    let root = root.or_else(|| Some(path.clone()));
                    match list_dir(&path) {
                        Ok(entries) => {
                            for e in entries.into_iter().rev() {
                                self.pending.push_front(Pending::Path(e, root.clone()));
                            }
                            None
                        }
                        Err(e) => Some(error(&file, format!("cannot read directory: {e}"))),
                    }
                } else {
                    let f = match File::open(&path) {
                        Ok(f) => f,
                        Err(e) => return Some(error(&file, format!("cannot read: {e}"))),
                    };
                    let id = article_id(&path, root.as_deref());
                    let fmt = self.opts.format.or_else(|| Format::from_path(&path));
                    let counted = Counted { inner: f, count: self.consumed.clone() };
                    self.open_file(Box::new(BufReader::with_capacity(1 << 16, counted)), file, Some(id), fmt)
                }
            }
        }
    }

    fn open_stream(&mut self, reader: Box<dyn BufRead>, file: String, id: Option<String>) -> Option<Item> {
        let fmt = self.opts.format;
        self.open_file(reader, file, id, fmt)
    }

    fn open_file(
        &mut self,
        mut reader: Box<dyn BufRead>,
        file: String,
        id: Option<String>,
        fmt: Option<Format>,
    ) -> Option<Item> {
        let mut head = match reader.fill_buf() {
            Ok(h) => h,
            Err(e) => return Some(error(&file, format!("cannot read: {e}"))),
        };
        if is_gzip(head) {
            reader = Box::new(BufReader::with_capacity(1 << 16, flate2::read::MultiGzDecoder::new(reader)));
            head = match reader.fill_buf() {
                Ok(h) => h,
                Err(e) => return Some(error(&file, format!("cannot decompress: {e}"))),
            };
        }
        // A binary file is skipped whatever its extension says, unless the user forced a format.
        if self.opts.format.is_none() && is_binary(head) {
            return Some(Item::Problem(Problem {
                severity: Severity::Warning,
                file,
                line: None,
                message: "skipped: binary file".into(),
            }));
        }
        let fmt = fmt.or_else(|| Format::sniff(head));
        if fmt == Some(Format::Jsonl) {
            self.current = Some(Current::Lines { reader, file, line: 0 });
            return None;
        }
        if fmt == Some(Format::Warc) {
            self.current = Some(Current::Warc(Box::new(warc::WarcReader::new(reader, file, self.opts))));
            return None;
        }
        let mut bytes = Vec::new();
        if let Err(e) = reader.read_to_end(&mut bytes) {
            return Some(error(&file, format!("cannot read: {e}")));
        }
        let items = read_bytes(&file, id.as_deref(), &bytes, fmt, &self.opts);
        self.current = Some(Current::Items(items.into_iter()));
        None
    }
}

fn error(file: &str, message: String) -> Item {
    Item::Problem(Problem { severity: Severity::Error, file: file.to_string(), line: None, message })
}

/// Files and folders in `dir`, sorted by name, hidden ones left out.
fn list_dir(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| e.path())
        .collect();
    v.sort();
    Ok(v)
}

/// The id of a single-article file: its path under the directory it was found
/// in, without extension (`sub/story`), or its file stem when given directly.
fn article_id(path: &Path, root: Option<&Path>) -> String {
    let rel =
        root.and_then(|r| path.strip_prefix(r).ok()).unwrap_or_else(|| Path::new(path.file_name().unwrap_or_default()));
    let rel = rel.with_extension("");
    let parts: Vec<String> = rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
    parts.join("/")
}

impl Iterator for Reader {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(item) = self.buffered.pop_front() {
                return Some(item);
            }
            match &mut self.current {
                Some(Current::Items(it)) => match it.next() {
                    Some(item) => return Some(item),
                    None => self.current = None,
                },
                Some(Current::Warc(it)) => match it.next() {
                    Some(item) => return Some(item),
                    None => self.current = None,
                },
                Some(Current::Lines { reader, file, line }) => {
                    let mut buf = Vec::new();
                    match reader.read_until(b'\n', &mut buf) {
                        Ok(0) => self.current = None,
                        Ok(_) => {
                            *line += 1;
                            let ctx = Ctx { file, id: None, opts: &self.opts };
                            let mut out = Vec::new();
                            json::read_line(&ctx, *line, &buf, &mut out);
                            self.buffered.extend(out);
                        }
                        Err(e) => {
                            let item = error(file, format!("read failed after line {line}: {e}"));
                            self.current = None;
                            return Some(item);
                        }
                    }
                }
                None => {
                    let p = self.pending.pop_front()?;
                    if let Some(item) = self.open(p) {
                        return Some(item);
                    }
                }
            }
        }
    }
}
