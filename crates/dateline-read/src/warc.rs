//! WARC archives (ISO 28500; WARC 1.0 and 1.1), as Common Crawl News writes them:
//! each `response` record holding an HTML page becomes an article.
//!
//! Records are read one at a time from a stream, so an archive of any size is
//! never held in memory; a `.warc.gz` (one gzip member per record, or one for
//! the whole file) is decompressed on the way in by the caller.
//!
//! For each record:
//! - `response` (an HTTP response) and `resource` records are read; `request`,
//!   `metadata`, `warcinfo`, `revisit` and others are passed over.
//! - The HTTP status must be 2xx and the content type HTML (or absent); a
//!   chunked or gzip-encoded payload is decoded; the charset named in the
//!   headers is honoured for UTF-8 and Latin-1/Windows-1252, anything else is
//!   read as UTF-8 with replacement.
//! - The page's text, title and metadata come from the HTML reader. The URL is
//!   the page's canonical link, else `WARC-Target-URI`; the publication date is
//!   the page's, else the day of `WARC-Date` (the crawl).
//! - A page without article text is skipped with a warning naming the record.
//!
//! A malformed record is reported (with its number and byte offset) and the
//! reader resynchronises on the next line starting with `WARC/`.

use std::io::{BufRead, Read};

use crate::{html, Article, Date, Item, Options, Problem, Severity, MAX_BODY_BYTES};

/// Streams the articles of a WARC file.
pub struct WarcReader<R: BufRead> {
    reader: R,
    file: String,
    opts: Options,
    /// Records seen, for messages.
    record: usize,
    /// Bytes consumed, for messages.
    offset: u64,
    done: bool,
}

impl<R: BufRead> WarcReader<R> {
    pub fn new(reader: R, file: String, opts: Options) -> WarcReader<R> {
        WarcReader { reader, file, opts, record: 0, offset: 0, done: false }
    }

    fn problem(&self, severity: Severity, message: String) -> Item {
        Item::Problem(Problem { severity, file: self.file.clone(), line: None, message })
    }

    /// One line, without its line end; `None` at the end of the stream.
    fn line(&mut self) -> std::io::Result<Option<Vec<u8>>> {
        let mut buf = Vec::new();
        let n = (&mut self.reader).take(64 * 1024).read_until(b'\n', &mut buf)?;
        if n == 0 {
            return Ok(None);
        }
        self.offset += n as u64;
        while buf.last().is_some_and(|&b| b == b'\n' || b == b'\r') {
            buf.pop();
        }
        Ok(Some(buf))
    }

    /// Reads the next record; `Ok(None)` at the end. Returns the item it makes, if any.
    fn next_record(&mut self) -> std::io::Result<Option<Option<Item>>> {
        // Find the version line, skipping blank lines between records.
        let start;
        loop {
            let at = self.offset;
            let Some(line) = self.line()? else { return Ok(None) };
            if line.starts_with(b"WARC/") {
                start = at;
                break;
            }
            if !line.iter().all(u8::is_ascii_whitespace) {
                let msg = format!("byte {at}: not a WARC record header; skipping to the next record");
                // Report once, then resynchronise on the next version line.
                let item = self.problem(Severity::Error, msg);
                self.resync()?;
                return Ok(Some(Some(item)));
            }
        }
        self.record += 1;
        let mut headers: Vec<(String, String)> = Vec::new();
        while let Some(line) = self.line()? {
            if line.is_empty() {
                break;
            }
            let line = String::from_utf8_lossy(&line);
            if let Some((k, v)) = line.split_once(':') {
                headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
            }
        }
        let get = |name: &str| headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
        let Some(len) = get("content-length").and_then(|v| v.parse::<u64>().ok()) else {
            let msg = format!("record {} (byte {start}): no Content-Length", self.record);
            return Ok(Some(Some(self.problem(Severity::Error, msg))));
        };
        let kind = get("warc-type").unwrap_or("").to_ascii_lowercase();
        let wanted = kind == "response" || kind == "resource";
        if !wanted || len > MAX_BODY_BYTES as u64 * 2 {
            let n = std::io::copy(&mut (&mut self.reader).take(len), &mut std::io::sink())?;
            self.offset += n;
            if wanted {
                let msg = format!("record {} (byte {start}): {len} bytes, over the size limit: skipped", self.record);
                return Ok(Some(Some(self.problem(Severity::Warning, msg))));
            }
            return Ok(Some(None));
        }
        let mut block = Vec::with_capacity(len as usize);
        let n = (&mut self.reader).take(len).read_to_end(&mut block)?;
        self.offset += n as u64;
        if (n as u64) < len {
            let msg = format!("record {} (byte {start}): truncated ({n} of {len} bytes)", self.record);
            return Ok(Some(Some(self.problem(Severity::Error, msg))));
        }
        let uri = get("warc-target-uri").map(|u| u.trim_matches(['<', '>']).to_string());
        let date = get("warc-date").and_then(Date::parse);
        let record_id = get("warc-record-id").map(str::to_string);
        let content_type = get("content-type").unwrap_or("").to_ascii_lowercase();
        let item = if kind == "response" && content_type.contains("application/http") {
            self.response(&block, uri, date, record_id, start)
        } else {
            let charset = charset(&content_type);
            (content_type.is_empty() || content_type.contains("html"))
                .then(|| self.page(&decode(&block, charset.as_deref()), uri, date, record_id, start))
                .flatten()
        };
        Ok(Some(item))
    }

    /// Skips to just before the next `WARC/` line.
    fn resync(&mut self) -> std::io::Result<()> {
        loop {
            let buf = self.reader.fill_buf()?;
            if buf.is_empty() || buf.starts_with(b"WARC/") {
                return Ok(());
            }
            self.line()?;
        }
    }

    fn response(
        &self,
        block: &[u8],
        uri: Option<String>,
        date: Option<Date>,
        record_id: Option<String>,
        start: u64,
    ) -> Option<Item> {
        let split = block
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .map(|i| (i, i + 4))
            .or_else(|| block.windows(2).position(|w| w == b"\n\n").map(|i| (i, i + 2)));
        let (head_end, body_start) = split.unwrap_or((block.len(), block.len()));
        let head = String::from_utf8_lossy(&block[..head_end]);
        let mut lines = head.lines();
        let status: u16 = lines.next()?.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
        if !(200..300).contains(&status) {
            return None;
        }
        let mut content_type = String::new();
        let (mut chunked, mut encoding) = (false, String::new());
        for l in lines {
            if let Some((k, v)) = l.split_once(':') {
                let (k, v) = (k.trim().to_ascii_lowercase(), v.trim().to_ascii_lowercase());
                match k.as_str() {
                    "content-type" => content_type = v,
                    "transfer-encoding" => chunked = v.contains("chunked"),
                    "content-encoding" => encoding = v,
                    _ => {}
                }
            }
        }
        if !content_type.is_empty() && !content_type.contains("html") {
            return None;
        }
        let mut body = block[body_start..].to_vec();
        if chunked {
            body = dechunk(&body);
        }
        if encoding.contains("gzip") {
            let mut out = Vec::new();
            let mut d = flate2::read::MultiGzDecoder::new(&body[..]).take(MAX_BODY_BYTES as u64);
            if d.read_to_end(&mut out).is_err() {
                let msg = format!("record {} (byte {start}): gzip payload could not be decoded", self.record);
                return Some(self.problem(Severity::Error, msg));
            }
            body = out;
        } else if !encoding.is_empty() && encoding != "identity" {
            let msg = format!("record {} (byte {start}): content encoding '{encoding}' not supported", self.record);
            return Some(self.problem(Severity::Warning, msg));
        }
        let text = decode(&body, charset(&content_type).as_deref());
        self.page(&text, uri, date, record_id, start)
    }

    fn page(
        &self,
        text: &str,
        uri: Option<String>,
        date: Option<Date>,
        record_id: Option<String>,
        start: u64,
    ) -> Option<Item> {
        let page = html::extract(text);
        if page.body.trim().is_empty() || page.body.len() > MAX_BODY_BYTES {
            let what = uri.as_deref().unwrap_or("page");
            let msg = format!("record {} (byte {start}): no article text in {what}: skipped", self.record);
            return Some(self.problem(Severity::Warning, msg));
        }
        let url = page.url.or(uri);
        let published = page.published.as_deref().and_then(Date::parse).or(date).or(self.opts.published);
        let id = url.clone().or(record_id).unwrap_or_else(|| dateline::content_id(page.title.as_deref(), &page.body));
        Some(Item::Article(Box::new(Article {
            id,
            url,
            title: page.title,
            source: page.source,
            published,
            body: page.body,
        })))
    }
}

impl<R: BufRead> Iterator for WarcReader<R> {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        while !self.done {
            match self.next_record() {
                Ok(None) => self.done = true,
                Ok(Some(None)) => {}
                Ok(Some(Some(item))) => return Some(item),
                Err(e) => {
                    self.done = true;
                    let msg = format!("read failed after record {} (byte {}): {e}", self.record, self.offset);
                    return Some(self.problem(Severity::Error, msg));
                }
            }
        }
        None
    }
}

/// The charset a content type names.
fn charset(content_type: &str) -> Option<String> {
    let i = content_type.find("charset=")? + 8;
    Some(content_type[i..].trim_matches(['"', '\'', ' ']).split([';', ' ', '"']).next()?.to_string())
}

/// Text from bytes in the named charset: Latin-1 and Windows-1252 mapped, else UTF-8 (lossy).
fn decode(bytes: &[u8], charset: Option<&str>) -> String {
    match charset {
        Some("iso-8859-1" | "latin1" | "latin-1" | "windows-1252" | "cp1252")
            if std::str::from_utf8(bytes).is_err() =>
        {
            bytes.iter().map(|&b| char::from(b)).collect()
        }
        _ => String::from_utf8_lossy(bytes).into_owned(),
    }
}

/// Decodes an HTTP chunked body; a malformed one gives what was decoded so far.
fn dechunk(mut b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(nl) = b.iter().position(|&c| c == b'\n') {
        let size = String::from_utf8_lossy(&b[..nl]);
        let Ok(size) = usize::from_str_radix(size.trim().split(';').next().unwrap_or("").trim(), 16) else { break };
        b = &b[nl + 1..];
        if size == 0 || size > b.len() {
            out.extend_from_slice(&b[..size.min(b.len())]);
            break;
        }
        out.extend_from_slice(&b[..size]);
        b = &b[size..];
        b = b.strip_prefix(b"\r\n").or_else(|| b.strip_prefix(b"\n")).unwrap_or(b);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: &str, uri: &str, date: &str, block: &str) -> String {
        format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: {date}\r\n\
             WARC-Record-ID: <urn:uuid:{uri}>\r\nContent-Type: application/http; msgtype=response\r\n\
             Content-Length: {}\r\n\r\n{block}\r\n\r\n",
            block.len()
        )
    }

    fn read(bytes: &[u8]) -> Vec<Item> {
        WarcReader::new(bytes, "crawl.warc".into(), Options::default()).collect()
    }

    const PAGE: &str = "<html><head><title>Port shelled</title></head><body><article><p>Shelling hit the port of \
        Kessa on Sunday, officials said, and ships left the harbour.</p></article></body></html>";

    #[test]
    fn responses_become_articles() {
        let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{PAGE}");
        let redirect = "HTTP/1.1 301 Moved\r\nLocation: /x\r\n\r\n";
        let chunked = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n{:x}\r\n{PAGE}\r\n0\r\n\r\n",
            PAGE.len()
        );
        let warc = format!(
            "WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 5\r\n\r\nhello\r\n\r\n{}{}{}{}",
            record("response", "https://a.example/1", "2024-05-02T10:00:00Z", &http),
            record("response", "https://a.example/2", "2024-05-02T10:00:00Z", redirect),
            record("request", "https://a.example/3", "2024-05-02T10:00:00Z", "GET / HTTP/1.1\r\n\r\n"),
            record("response", "https://a.example/4", "2024-05-03T10:00:00Z", &chunked),
        );
        let items = read(warc.as_bytes());
        assert_eq!(items.len(), 2, "{items:?}");
        for (item, (url, day)) in
            items.iter().zip([("https://a.example/1", "2024-05-02"), ("https://a.example/4", "2024-05-03")])
        {
            let Item::Article(a) = item else { panic!("{item:?}") };
            assert_eq!(a.url.as_deref(), Some(url));
            assert_eq!(a.id, url);
            assert_eq!(a.published, Date::parse(day));
            assert_eq!(a.title.as_deref(), Some("Port shelled"));
            assert!(a.body.starts_with("Shelling hit the port of Kessa on Sunday"), "{}", a.body);
        }
    }

    #[test]
    fn garbage_is_reported_and_reading_goes_on() {
        let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{PAGE}");
        let warc =
            format!("junk line\r\nmore junk\r\n{}", record("response", "https://b.example/", "2024-01-01", &http));
        let items = read(warc.as_bytes());
        assert!(matches!(&items[0], Item::Problem(p) if p.message.contains("not a WARC record")), "{items:?}");
        assert!(matches!(&items[1], Item::Article(_)));
        // Truncated block.
        let t = "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 500\r\n\r\nshort";
        assert!(matches!(&read(t.as_bytes())[0], Item::Problem(p) if p.message.contains("truncated")));
        for s in ["WARC/1.0\r\n", "WARC/1.0\r\nContent-Length: x\r\n\r\n", "WARC/1.0\r\nContent-Length: 3\r\n\r\nab"] {
            let _ = read(s.as_bytes());
        }
    }

    #[test]
    fn chunks_and_charsets() {
        assert_eq!(dechunk(b"3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n"), b"abcde");
        assert_eq!(dechunk(b"zz\r\n"), b"");
        assert_eq!(decode(b"caf\xe9", Some("iso-8859-1")), "café");
        assert_eq!(charset("text/html; charset=\"utf-8\""), Some("utf-8".to_string()));
    }
}
