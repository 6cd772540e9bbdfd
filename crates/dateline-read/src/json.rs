//! Articles from JSON: one object per line (JSON Lines), or a JSON document
//! holding one object, an array of objects or a sequence of objects.

use serde_json::{Map, Value};

use crate::{Article, Ctx, Date, Item, Severity, MAX_BODY_BYTES};

/// Reads one line of a JSON Lines file (`n` is 1-based). Blank lines are skipped.
pub(crate) fn read_line(ctx: &Ctx, n: usize, raw: &[u8], out: &mut Vec<Item>) {
    let raw = raw.strip_suffix(b"\n").unwrap_or(raw);
    let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
    let raw = if n == 1 { raw.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(raw) } else { raw };
    if raw.iter().all(u8::is_ascii_whitespace) {
        return;
    }
    let line = match std::str::from_utf8(raw) {
        Ok(s) => std::borrow::Cow::Borrowed(s),
        Err(_) => {
            out.push(ctx.problem(Severity::Warning, Some(n), "invalid UTF-8 replaced with U+FFFD"));
            String::from_utf8_lossy(raw)
        }
    };
    if line.len() > MAX_BODY_BYTES + (1 << 20) {
        out.push(ctx.problem(
            Severity::Error,
            Some(n),
            format!("line is {} bytes, over the article size limit", line.len()),
        ));
        return;
    }
    match serde_json::from_str::<Value>(&line) {
        Ok(v) => article(ctx, Some(n), v, out),
        Err(e) => out.push(ctx.problem(Severity::Error, Some(n), format!("invalid JSON: {}", describe(&e)))),
    }
}

/// Reads a JSON document: an object, an array of objects, or objects one after another.
pub(crate) fn read_document(ctx: &Ctx, text: &str, out: &mut Vec<Item>) {
    let mut stream = serde_json::Deserializer::from_str(text).into_iter::<Value>();
    loop {
        let offset = stream.byte_offset();
        match stream.next() {
            None => break,
            Some(Ok(Value::Array(items))) => {
                let line = line_of(text, offset);
                for (k, v) in items.into_iter().enumerate() {
                    let mut sub = Vec::new();
                    article(ctx, Some(line), v, &mut sub);
                    for item in sub {
                        out.push(match item {
                            Item::Problem(mut p) => {
                                p.message = format!("array item {}: {}", k + 1, p.message);
                                Item::Problem(p)
                            }
                            a => a,
                        });
                    }
                }
            }
            Some(Ok(v)) => {
                let start = offset + text[offset..].len() - text[offset..].trim_start().len();
                article(ctx, Some(line_of(text, start)), v, out)
            }
            Some(Err(e)) => {
                out.push(ctx.problem(Severity::Error, Some(e.line()), format!("invalid JSON: {}", describe(&e))));
                break;
            }
        }
    }
}

fn line_of(text: &str, byte: usize) -> usize {
    text.as_bytes()[..byte.min(text.len())].iter().filter(|&&b| b == b'\n').count() + 1
}

/// serde_json's message without its "at line L column C" tail, with the column kept.
fn describe(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
    format!("{msg} (column {})", e.column())
}

fn article(ctx: &Ctx, line: Option<usize>, v: Value, out: &mut Vec<Item>) {
    let Value::Object(mut o) = v else {
        out.push(ctx.problem(Severity::Error, line, "expected a JSON object (an article)"));
        return;
    };
    match fields(ctx, line, &mut o, out) {
        Ok(a) => out.push(Item::Article(Box::new(a))),
        Err(msg) => out.push(ctx.problem(Severity::Error, line, msg)),
    }
}

/// A string field, null or absent; anything else is an error.
fn string(o: &mut Map<String, Value>, keys: &[&str]) -> Result<Option<String>, String> {
    for k in keys {
        match o.remove(*k) {
            None | Some(Value::Null) => continue,
            Some(Value::String(s)) => return Ok(Some(s)),
            Some(other) => return Err(format!("field \"{k}\" must be a string, not {}", kind(&other))),
        }
    }
    Ok(None)
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn fields(ctx: &Ctx, line: Option<usize>, o: &mut Map<String, Value>, out: &mut Vec<Item>) -> Result<Article, String> {
    let body = string(o, &["body", "text"])?.ok_or("no \"body\" or \"text\" field")?;
    if body.len() > MAX_BODY_BYTES {
        return Err(format!("article body is {} bytes, over the {} MiB limit", body.len(), MAX_BODY_BYTES >> 20));
    }
    let id = match o.remove("id") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s),
        Some(Value::String(_)) => None,
        Some(Value::Number(n)) => Some(n.to_string()),
        Some(other) => return Err(format!("field \"id\" must be a string or a number, not {}", kind(&other))),
    };
    let title = string(o, &["title", "headline"])?;
    let source = string(o, &["source", "outlet"])?;
    let url = string(o, &["url", "link"])?;
    let published = match string(o, &["published", "date", "published_at"])? {
        None => ctx.opts.published,
        Some(p) if p.trim().is_empty() => ctx.opts.published,
        Some(p) => match Date::parse(&p) {
            Some(d) => Some(d),
            None => {
                out.push(ctx.problem(Severity::Warning, line, format!("publication date {p:?} not understood")));
                ctx.opts.published
            }
        },
    };
    let id = id.unwrap_or_else(|| dateline::content_id(title.as_deref(), &body));
    Ok(Article { id, url, title, source, published, body })
}
