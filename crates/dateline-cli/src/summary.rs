//! `--format summary`: a record as a person reads it in a terminal — a header,
//! then one table per layer.

use std::fmt::Write;

use dateline::record::{Figure, Participant, Record};

/// Widest a table cell may be before it is cut with "…".
const CELL: usize = 60;

/// Renders one record.
pub fn render(r: &Record) -> String {
    let mut s = String::new();
    let rule = "═".repeat(78);
    let _ = writeln!(s, "{rule}");
    let _ = writeln!(s, "{}", r.title.as_deref().unwrap_or("(untitled)"));
    let mut meta = vec![format!("id {}", r.id)];
    meta.extend(r.source.clone());
    meta.push(r.published.clone().map_or("no date".to_string(), |d| format!("published {d}")));
    meta.push(format!(
        "{} characters, {} sentences",
        thousands(r.text.chars().count() as u64),
        thousands(r.sentences.len() as u64)
    ));
    let _ = writeln!(s, "{}", meta.join(" · "));
    if let Some(url) = &r.url {
        let _ = writeln!(s, "{url}");
    }
    let _ = writeln!(s, "{rule}");

    let mut t = Table::new("Entities", &["id", "name", "type", "country", "sector", "roles", "mentions"]);
    for e in &r.entities {
        t.row(vec![
            e.id.clone(),
            e.name.clone().unwrap_or_else(|| "(unnamed)".into()),
            format!("{:?}", e.kind).to_uppercase(),
            opt(&e.country),
            opt(&e.sector),
            e.roles.join("; "),
            e.mentions.len().to_string(),
        ]);
    }
    t.write(&mut s);

    let mut t = Table::new("Places", &["id", "name", "feature", "country", "lat", "lon", "mentions"]);
    for p in &r.places {
        t.row(vec![
            p.id.clone(),
            p.name.clone(),
            format!("{:?}", p.feature).to_lowercase(),
            opt(&p.country),
            p.lat.map_or("-".into(), |v| format!("{v:.2}")),
            p.lon.map_or("-".into(), |v| format!("{v:.2}")),
            p.mentions.len().to_string(),
        ]);
    }
    t.write(&mut s);

    let mut t = Table::new("Times", &["id", "text", "type", "value", "end"]);
    for x in &r.times {
        let value = x.value.clone().unwrap_or_else(|| format!("? ({})", x.reason.as_deref().unwrap_or("unresolved")));
        t.row(vec![x.id.clone(), x.text.clone(), format!("{:?}", x.kind).to_uppercase(), value, opt(&x.end)]);
    }
    t.write(&mut s);

    let mut t = Table::new("Quotes", &["id", "speaker", "cue", "kind", "text"]);
    for q in &r.quotes {
        let speaker = q.speaker.as_ref().map_or("(unknown)".to_string(), |sp| sp.name.clone());
        let kind = if q.direct { "direct" } else { "reported" };
        t.row(vec![q.id.clone(), speaker, opt(&q.cue), kind.into(), q.text.clone()]);
    }
    t.write(&mut s);

    let mut t = Table::new("Figures", &["id", "amount", "category", "subject", "claimant", "status"]);
    for f in &r.figures {
        t.row(vec![
            f.id.clone(),
            amount(f),
            debug_snake(&f.category),
            opt(&f.subject),
            f.claimant.as_ref().map_or("(the article)".to_string(), |c| c.name.clone()),
            debug_snake(&f.status),
        ]);
    }
    t.write(&mut s);

    let mut t = Table::new("Events", &["id", "type", "actor → recipient", "date", "place", "status"]);
    for e in &r.events {
        let ty = match &e.mode {
            Some(m) => format!("{:?}/{m}", e.kind).to_uppercase(),
            None => format!("{:?}", e.kind).to_uppercase(),
        };
        let who = format!("{} → {}", names(&e.actor), names(&e.recipient));
        let place = e
            .place
            .as_ref()
            .map_or("-".to_string(), |id| r.places.iter().find(|p| &p.id == id).map_or(id.clone(), |p| p.name.clone()));
        t.row(vec![e.id.clone(), ty, who, opt(&e.date.value), place, debug_snake(&e.status)]);
    }
    t.write(&mut s);

    let chars: Vec<char> = r.text.chars().collect();
    let mut t = Table::new("Sentences", &["span", "text"]);
    for &[a, b] in &r.sentences {
        let text: String = chars.get(a..b.min(chars.len())).unwrap_or_default().iter().collect();
        t.row(vec![format!("{a}–{b}"), text]);
    }
    t.wide_last = true;
    t.write(&mut s);
    s
}

fn opt(v: &Option<String>) -> String {
    v.clone().unwrap_or_else(|| "-".into())
}

fn names(ps: &[Participant]) -> String {
    if ps.is_empty() {
        return "-".into();
    }
    ps.iter()
        .map(|p| p.name.clone().or_else(|| p.country.clone()).unwrap_or_else(|| "?".into()))
        .collect::<Vec<_>>()
        .join(", ")
}

fn debug_snake(v: &impl std::fmt::Debug) -> String {
    let d = format!("{v:?}");
    let mut out = String::new();
    for (i, c) in d.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push('_');
        }
        out.extend(c.to_lowercase());
    }
    out
}

fn amount(f: &Figure) -> String {
    let n = |v: f64| {
        if v.fract() == 0.0 && v.abs() < 1e15 {
            thousands(v as u64)
        } else {
            format!("{v}")
        }
    };
    let q = debug_snake(&f.qualifier).replace('_', " ");
    match (f.value, f.low, f.high) {
        (Some(v), _, _) => format!("{} ({q})", n(v)),
        (None, Some(lo), Some(hi)) => format!("{}–{} ({q})", n(lo), n(hi)),
        (None, Some(lo), None) => format!("≥{} ({q})", n(lo)),
        (None, None, Some(hi)) => format!("≤{} ({q})", n(hi)),
        _ => "?".into(),
    }
}

/// 20000 → "20,000".
pub fn thousands(v: u64) -> String {
    let digits = v.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

struct Table {
    title: &'static str,
    headers: Vec<&'static str>,
    rows: Vec<Vec<String>>,
    /// Let the last column run to `WIDE` characters instead of `CELL`.
    wide_last: bool,
}

/// Widest the last column of a wide table may be.
const WIDE: usize = 100;

impl Table {
    fn new(title: &'static str, headers: &[&'static str]) -> Table {
        Table { title, headers: headers.to_vec(), rows: Vec::new(), wide_last: false }
    }

    fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells.into_iter().map(|c| c.replace(['\n', '\r', '\t'], " ")).collect());
    }

    fn write(&self, s: &mut String) {
        let _ = writeln!(s, "\n{} ({})", self.title, self.rows.len());
        let last = self.headers.len().saturating_sub(1);
        let limit = |i: usize| if self.wide_last && i == last { WIDE } else { CELL };
        let rows: Vec<Vec<String>> =
            self.rows.iter().map(|r| r.iter().enumerate().map(|(i, c)| cut(c, limit(i))).collect()).collect();
        if self.rows.is_empty() {
            let _ = writeln!(s, "  none found");
            return;
        }
        let mut widths: Vec<usize> = self.headers.iter().map(|h| h.chars().count()).collect();
        for r in &rows {
            for (w, c) in widths.iter_mut().zip(r) {
                *w = (*w).max(c.chars().count());
            }
        }
        let line = |cells: &[String]| {
            let mut l = String::from(" ");
            for (i, (c, w)) in cells.iter().zip(&widths).enumerate() {
                let pad = w - c.chars().count();
                l.push(' ');
                l.push_str(c);
                if i + 1 < cells.len() {
                    l.push_str(&" ".repeat(pad + 1));
                }
            }
            l
        };
        let header: Vec<String> = self.headers.iter().map(|h| h.to_string()).collect();
        let _ = writeln!(s, "{}", line(&header));
        let _ = writeln!(s, "  {}", widths.iter().map(|w| "─".repeat(*w)).collect::<Vec<_>>().join("  "));
        for r in &rows {
            let _ = writeln!(s, "{}", line(r));
        }
    }
}

fn cut(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max - 1).collect();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1_900_000), "1,900,000");
    }

    #[test]
    fn long_cells_are_cut() {
        let long = "x".repeat(100);
        assert_eq!(cut(&long, CELL).chars().count(), CELL);
        assert!(cut(&long, CELL).ends_with('…'));
        assert_eq!(cut("short", CELL), "short");
    }
}
