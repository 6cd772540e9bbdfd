//! Tables out of the store: typed columns, written as JSON Lines, CSV or Parquet.
//!
//! Every export and aggregate is a [`Table`]: named, typed columns and rows of
//! [`Value`]s. The writers keep the types where the format has them:
//!
//! | column type | JSON Lines | CSV | Parquet |
//! | --- | --- | --- | --- |
//! | [`Kind::Int`] | number | digits | `INT64` |
//! | [`Kind::Float`] | number | decimal | `DOUBLE` |
//! | [`Kind::Bool`] | `true`/`false` | `true`/`false` | `BOOLEAN` |
//! | [`Kind::Text`] | string | field (quoted when needed, RFC 4180) | `BYTE_ARRAY (UTF8)` |
//! | [`Kind::Date`] | `"YYYY-MM-DD"` | `YYYY-MM-DD` | `INT32 (DATE)` |
//! | [`Kind::List`] | array of strings | items joined by `"; "` | `LIST<BYTE_ARRAY (UTF8)>` |
//!
//! A missing value is `null` in JSON Lines and Parquet and an empty field in CSV.
//! CSV flattens lists by joining their items with `"; "` (so a compound actor
//! "Israel; Qatar; CIA" stays in one cell); JSON Lines and Parquet keep them as
//! lists.

use std::io::Write;
use std::sync::Arc;

use dateline::Date;
use parquet::basic::Compression;
use parquet::data_type::{BoolType, ByteArray, ByteArrayType, DoubleType, Int32Type, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;

use crate::{Error, Result};

/// A column's type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Int,
    Float,
    Bool,
    Text,
    Date,
    List,
}

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Int(i64),
    Float(f64),
    Bool(bool),
    Text(String),
    Date(Date),
    List(Vec<String>),
}

impl Value {
    /// Text, or null when absent.
    pub fn text(s: Option<impl Into<String>>) -> Value {
        s.map_or(Value::Null, |s| Value::Text(s.into()))
    }

    /// A date column's value: the date an ISO string starts with, else null.
    pub fn date(s: Option<&str>) -> Value {
        s.and_then(|s| Date::parse(s.get(..10)?)).map_or(Value::Null, Value::Date)
    }

    /// A number, or null.
    pub fn float(x: Option<f64>) -> Value {
        x.map_or(Value::Null, Value::Float)
    }

    fn to_json(&self) -> serde_json::Value {
        use serde_json::Value as J;
        match self {
            Value::Null => J::Null,
            Value::Int(i) => J::from(*i),
            Value::Float(f) if f.fract() == 0.0 && f.abs() < 9.0e15 => J::from(*f as i64),
            Value::Float(f) => J::from(*f),
            Value::Bool(b) => J::from(*b),
            Value::Text(s) => J::from(s.as_str()),
            Value::Date(d) => J::from(d.to_string()),
            Value::List(v) => J::from(v.clone()),
        }
    }

    /// As shown in a table or a CSV cell.
    pub fn display(&self) -> String {
        match self {
            Value::Null => String::new(),
            Value::Int(i) => i.to_string(),
            Value::Float(f) if f.fract() == 0.0 && f.abs() < 9.0e15 => format!("{}", *f as i64),
            Value::Float(f) => format!("{:.2}", f),
            Value::Bool(b) => b.to_string(),
            Value::Text(s) => s.clone(),
            Value::Date(d) => d.to_string(),
            Value::List(v) => v.join("; "),
        }
    }
}

/// Named, typed columns and their rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Used as the Parquet message name.
    pub name: String,
    pub columns: Vec<(String, Kind)>,
    pub rows: Vec<Vec<Value>>,
}

impl Table {
    pub fn new(name: &str, columns: &[(&str, Kind)]) -> Table {
        Table {
            name: name.into(),
            columns: columns.iter().map(|(n, k)| (n.to_string(), *k)).collect(),
            rows: Vec::new(),
        }
    }

    /// Adds a row; its cells are in column order.
    pub fn push(&mut self, row: Vec<Value>) {
        debug_assert_eq!(row.len(), self.columns.len());
        self.rows.push(row);
    }

    /// The index of a column.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|(n, _)| n == name)
    }

    /// One JSON object per row.
    pub fn write_jsonl(&self, out: &mut impl Write) -> std::io::Result<()> {
        for row in &self.rows {
            let obj: serde_json::Map<String, serde_json::Value> =
                self.columns.iter().zip(row).map(|((n, _), v)| (n.clone(), v.to_json())).collect();
            serde_json::to_writer(&mut *out, &obj)?;
            out.write_all(b"\n")?;
        }
        Ok(())
    }

    /// RFC 4180 CSV with a header line.
    pub fn write_csv(&self, out: &mut impl Write) -> std::io::Result<()> {
        let line = |cells: Vec<String>| {
            let mut s = cells.iter().map(|c| csv_field(c)).collect::<Vec<_>>().join(",");
            s.push_str("\r\n");
            s
        };
        out.write_all(line(self.columns.iter().map(|(n, _)| n.clone()).collect()).as_bytes())?;
        for row in &self.rows {
            out.write_all(line(row.iter().map(Value::display).collect()).as_bytes())?;
        }
        Ok(())
    }

    /// An aligned text table, cells cut to `width` characters.
    pub fn write_text(&self, out: &mut impl Write, width: usize) -> std::io::Result<()> {
        let cells: Vec<Vec<String>> =
            self.rows.iter().map(|r| r.iter().map(|v| cut(&v.display(), width)).collect()).collect();
        let mut widths: Vec<usize> = self.columns.iter().map(|(n, _)| n.chars().count()).collect();
        for r in &cells {
            for (w, c) in widths.iter_mut().zip(r) {
                *w = (*w).max(c.chars().count());
            }
        }
        let numeric: Vec<bool> = self.columns.iter().map(|(_, k)| matches!(k, Kind::Int | Kind::Float)).collect();
        let line = |r: &[String]| {
            let mut s = String::new();
            for (k, c) in r.iter().enumerate() {
                let pad = widths[k] - c.chars().count();
                if k > 0 {
                    s.push_str("  ");
                }
                if numeric[k] {
                    s.extend(std::iter::repeat_n(' ', pad));
                    s.push_str(c);
                } else {
                    s.push_str(c);
                    if k + 1 < r.len() {
                        s.extend(std::iter::repeat_n(' ', pad));
                    }
                }
            }
            s.push('\n');
            s
        };
        let header: Vec<String> = self.columns.iter().map(|(n, _)| n.clone()).collect();
        out.write_all(line(&header).as_bytes())?;
        let rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
        out.write_all(line(&rule).as_bytes())?;
        for r in &cells {
            out.write_all(line(r).as_bytes())?;
        }
        Ok(())
    }

    /// A Parquet file (one row group, Snappy pages).
    pub fn write_parquet<W: Write + Send>(&self, out: W) -> Result<()> {
        let pq = |e: parquet::errors::ParquetError| Error::new(format!("parquet: {e}"));
        let mut fields = String::new();
        for (name, kind) in &self.columns {
            let f = match kind {
                Kind::Int => format!("OPTIONAL INT64 {name};"),
                Kind::Float => format!("OPTIONAL DOUBLE {name};"),
                Kind::Bool => format!("OPTIONAL BOOLEAN {name};"),
                Kind::Text => format!("OPTIONAL BYTE_ARRAY {name} (UTF8);"),
                Kind::Date => format!("OPTIONAL INT32 {name} (DATE);"),
                Kind::List => format!(
                    "OPTIONAL group {name} (LIST) {{ REPEATED group list {{ OPTIONAL BYTE_ARRAY element (UTF8); }} }}"
                ),
            };
            fields.push_str(&f);
        }
        let schema = parse_message_type(&format!("message {} {{ {fields} }}", self.name)).map_err(pq)?;
        let props = WriterProperties::builder().set_compression(Compression::SNAPPY).build();
        let mut writer = SerializedFileWriter::new(out, Arc::new(schema), Arc::new(props)).map_err(pq)?;
        let mut group = writer.next_row_group().map_err(pq)?;
        let mut k = 0;
        while let Some(mut col) = group.next_column().map_err(pq)? {
            let kind = self.columns[k].1;
            let cells = self.rows.iter().map(|r| &r[k]);
            let defs: Vec<i16> = self.rows.iter().map(|r| i16::from(r[k] != Value::Null)).collect();
            match kind {
                Kind::Int => {
                    let v: Vec<i64> =
                        cells.filter_map(|c| if let Value::Int(i) = c { Some(*i) } else { None }).collect();
                    col.typed::<Int64Type>().write_batch(&v, Some(&defs), None).map_err(pq)?;
                }
                Kind::Float => {
                    let v: Vec<f64> =
                        cells.filter_map(|c| if let Value::Float(f) = c { Some(*f) } else { None }).collect();
                    col.typed::<DoubleType>().write_batch(&v, Some(&defs), None).map_err(pq)?;
                }
                Kind::Bool => {
                    let v: Vec<bool> =
                        cells.filter_map(|c| if let Value::Bool(b) = c { Some(*b) } else { None }).collect();
                    col.typed::<BoolType>().write_batch(&v, Some(&defs), None).map_err(pq)?;
                }
                Kind::Text => {
                    let v: Vec<ByteArray> = cells
                        .filter_map(|c| if let Value::Text(s) = c { Some(ByteArray::from(s.as_str())) } else { None })
                        .collect();
                    col.typed::<ByteArrayType>().write_batch(&v, Some(&defs), None).map_err(pq)?;
                }
                Kind::Date => {
                    let v: Vec<i32> = cells
                        .filter_map(|c| if let Value::Date(d) = c { Some(d.to_days() as i32) } else { None })
                        .collect();
                    col.typed::<Int32Type>().write_batch(&v, Some(&defs), None).map_err(pq)?;
                }
                Kind::List => {
                    // Levels: 0 null list, 1 empty list, 3 an item (lists hold no null items);
                    // repetition 0 starts a row, 1 continues its list.
                    let (mut v, mut d, mut r) = (Vec::new(), Vec::new(), Vec::new());
                    for c in cells {
                        match c {
                            Value::List(items) if !items.is_empty() => {
                                for (i, s) in items.iter().enumerate() {
                                    v.push(ByteArray::from(s.as_str()));
                                    d.push(3);
                                    r.push(i16::from(i > 0));
                                }
                            }
                            Value::List(_) => {
                                d.push(1);
                                r.push(0);
                            }
                            _ => {
                                d.push(0);
                                r.push(0);
                            }
                        }
                    }
                    col.typed::<ByteArrayType>().write_batch(&v, Some(&d), Some(&r)).map_err(pq)?;
                }
            }
            col.close().map_err(pq)?;
            k += 1;
        }
        group.close().map_err(pq)?;
        writer.close().map_err(pq)?;
        Ok(())
    }
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn cut(s: &str, width: usize) -> String {
    let s = s.replace(['\n', '\r', '\t'], " ");
    if s.chars().count() <= width {
        s
    } else {
        let mut t: String = s.chars().take(width.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Table {
        let mut t = Table::new(
            "sample",
            &[("n", Kind::Int), ("x", Kind::Float), ("s", Kind::Text), ("d", Kind::Date), ("l", Kind::List)],
        );
        t.push(vec![
            Value::Int(1),
            Value::Float(2.5),
            Value::text(Some("a, \"b\"")),
            Value::date(Some("2024-03-01")),
            Value::List(vec!["Israel".into(), "Qatar".into()]),
        ]);
        t.push(vec![Value::Null, Value::Null, Value::Null, Value::Null, Value::List(vec![])]);
        t
    }

    #[test]
    fn csv_quotes_and_flattens() {
        let mut out = Vec::new();
        sample().write_csv(&mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "n,x,s,d,l\r\n1,2.50,\"a, \"\"b\"\"\",2024-03-01,Israel; Qatar\r\n,,,,\r\n"
        );
    }

    #[test]
    fn jsonl_keeps_types() {
        let mut out = Vec::new();
        sample().write_jsonl(&mut out).unwrap();
        let first: serde_json::Value = serde_json::from_slice(out.split(|&b| b == b'\n').next().unwrap()).unwrap();
        assert_eq!(first["d"], "2024-03-01");
        assert_eq!(first["l"], serde_json::json!(["Israel", "Qatar"]));
        assert_eq!(first["x"], 2.5);
    }

    #[test]
    fn parquet_dates_count_days_from_1970() {
        // Parquet's DATE is days since the Unix epoch, as Date::to_days counts.
        assert_eq!(Date::parse("1970-01-01").unwrap().to_days(), 0);
    }
}
