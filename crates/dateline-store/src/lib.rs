//! # dateline-store
//!
//! The corpus side of dateline: records kept in an embedded SQLite database,
//! syndicated copies grouped into story clusters, aggregates over many articles
//! (timeline, figures and their claimants, the state of a negotiation) and
//! exports.
//!
//! Why SQLite: one file, no server, transactions that survive a killed process,
//! and full-text search (FTS5) built in. The store is written by one writer
//! ([`Store::batch`]), read by any number of readers; WAL mode lets readers run
//! while an ingest writes.
//!
//! ## Guarantees
//! - **Idempotent**: an article is keyed by its content hash ([`dateline::content_id`]
//!   of title and body); adding it again adds nothing.
//! - **Crash-safe**: an article and every row extracted from it are written in the
//!   same transaction, so a process killed at any moment leaves each article either
//!   wholly stored or absent, and running again completes the rest.
//! - **Traceable**: every row keeps its evidence span (code points into the
//!   article's text) and the article row keeps the engine version that made it.
//!
//! The schema is documented in [`schema`]; [`cluster`] explains near-duplicate
//! detection, [`aggregate`] the questions the corpus answers, [`export`] the tables.

pub mod aggregate;
pub mod cluster;
pub mod export;
pub mod schema;
pub mod tables;

use std::fmt;
use std::path::Path;

use dateline::record::{Entity, Event, Figure, Participant, Place, Quote, Time};
use dateline::{Article, Date, Record};
use rusqlite::{params, Connection, OptionalExtension, Transaction};

pub use rusqlite;

/// A store error: the database could not be opened, read or written.
#[derive(Debug)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Error {
        Error(e.to_string())
    }
}

impl Error {
    pub fn new(msg: impl Into<String>) -> Error {
        Error(msg.into())
    }
}

pub type Result<T> = std::result::Result<T, Error>;

/// An open corpus database.
pub struct Store {
    conn: Connection,
}

/// What adding one article did.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Added {
    /// A new story: the article starts its own cluster.
    New { article: i64 },
    /// A near-copy of a stored article (a syndicated or lightly edited version):
    /// stored, and linked to that article's story cluster.
    NearDuplicate { article: i64, cluster: i64, similarity: f64 },
    /// The same title and body are already stored: nothing was added.
    Duplicate,
}

impl Store {
    /// Opens (creating if needed) the database at `path`, bringing its schema up
    /// to date.
    pub fn open(path: &Path) -> Result<Store> {
        let conn = Connection::open(path).map_err(|e| Error(format!("{}: {e}", path.display())))?;
        Store::init(conn).map_err(|e| Error(format!("{}: {e}", path.display())))
    }

    /// A store in memory, for tests and one-off work.
    pub fn open_in_memory() -> Result<Store> {
        Store::init(Connection::open_in_memory()?)
    }

    fn init(conn: Connection) -> Result<Store> {
        conn.busy_timeout(std::time::Duration::from_secs(30))?;
        // WAL: readers do not block the writer; NORMAL sync is durable across a
        // killed process (only a power cut can lose the last commits).
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        // A larger page cache and fewer WAL checkpoints during bulk writes.
        conn.pragma_update(None, "cache_size", -65_536)?;
        conn.pragma_update(None, "wal_autocheckpoint", 8_192)?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        schema::migrate(&conn)?;
        Ok(Store { conn })
    }

    /// The underlying connection, for queries of one's own.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// Whether an article with this content hash is stored.
    pub fn contains(&self, hash: &str) -> Result<bool> {
        Ok(self.conn.query_row("SELECT 1 FROM articles WHERE hash = ?1", [hash], |_| Ok(())).optional()?.is_some())
    }

    /// Number of stored articles.
    pub fn len(&self) -> Result<usize> {
        Ok(self.conn.query_row("SELECT count(*) FROM articles", [], |r| r.get::<_, i64>(0))? as usize)
    }

    /// Whether the store holds no article.
    pub fn is_empty(&self) -> Result<bool> {
        Ok(self.len()? == 0)
    }

    /// Starts a write: everything added through the batch is stored together
    /// when it commits, or not at all.
    pub fn batch(&mut self) -> Result<Batch<'_>> {
        Ok(Batch { tx: self.conn.transaction()? })
    }

    /// The stored articles whose records an engine other than this one made
    /// (`all`: every article), to extract again.
    pub fn articles_to_reprocess(&self, all: bool) -> Result<Vec<(i64, Article)>> {
        let mut stmt = self.conn.prepare(
            "SELECT aid, id, url, title, source, published, text FROM articles WHERE ?1 OR engine <> ?2 ORDER BY aid",
        )?;
        let rows = stmt.query_map(params![all, dateline::VERSION], |r| {
            let published: Option<String> = r.get(5)?;
            Ok((
                r.get(0)?,
                Article {
                    id: r.get(1)?,
                    url: r.get(2)?,
                    title: r.get(3)?,
                    source: r.get(4)?,
                    published: published.as_deref().and_then(Date::parse),
                    body: r.get(6)?,
                },
            ))
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }
}

/// One write transaction.
pub struct Batch<'a> {
    tx: Transaction<'a>,
}

impl Batch<'_> {
    /// Adds an article's record, keyed by `hash` (the article's content hash),
    /// linking it to the story cluster of its nearest stored copy, if any.
    pub fn add(&mut self, record: &Record, hash: &str) -> Result<Added> {
        self.add_signed(record, hash, &cluster::signature(&record.text))
    }

    /// As [`Batch::add`], with the text's [`cluster::signature`] already computed
    /// (by the threads that extract, so the one writer does less).
    pub fn add_signed(&mut self, record: &Record, hash: &str, sig: &[u32]) -> Result<Added> {
        let tx = &self.tx;
        if tx.query_row("SELECT 1 FROM articles WHERE hash = ?1", [hash], |_| Ok(())).optional()?.is_some() {
            return Ok(Added::Duplicate);
        }
        let near = cluster::nearest(tx, sig)?;
        tx.execute(
            "INSERT INTO articles (id, hash, url, title, source, published, text, cluster, similarity, minhash, engine, ingested)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 0, ?8, ?9, ?10, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
            params![
                record.id,
                hash,
                record.url,
                record.title,
                record.source,
                record.published,
                record.text,
                near.map(|n| n.1),
                cluster::to_blob(sig),
                dateline::VERSION
            ],
        )?;
        let aid = tx.last_insert_rowid();
        let cluster = match near {
            Some((other, _)) => tx.query_row("SELECT cluster FROM articles WHERE aid = ?1", [other], |r| r.get(0))?,
            None => aid,
        };
        tx.execute("UPDATE articles SET cluster = ?1 WHERE aid = ?2", params![cluster, aid])?;
        tx.execute(
            "INSERT INTO articles_fts (rowid, title, text) VALUES (?1, ?2, ?3)",
            params![aid, record.title, record.text],
        )?;
        cluster::index(tx, aid, sig)?;
        write_layers(tx, aid, record)?;
        Ok(match near {
            Some((_, similarity)) => Added::NearDuplicate { article: aid, cluster, similarity },
            None => Added::New { article: aid },
        })
    }

    /// Replaces the extracted layers of a stored article with a new record of
    /// the same text (after an engine upgrade).
    pub fn replace(&mut self, aid: i64, record: &Record) -> Result<()> {
        delete_layers(&self.tx, aid)?;
        write_layers(&self.tx, aid, record)?;
        self.tx.execute("UPDATE articles SET engine = ?1 WHERE aid = ?2", params![dateline::VERSION, aid])?;
        Ok(())
    }

    /// Stores everything added so far.
    pub fn commit(self) -> Result<()> {
        Ok(self.tx.commit()?)
    }
}

/// The string a record enum is written as (`"killed"`, `"CONSULT"`).
pub(crate) fn name<T: serde::Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_default()
}

fn delete_layers(tx: &Transaction, aid: i64) -> Result<()> {
    tx.execute(
        "INSERT INTO quotes_fts (quotes_fts, rowid, text, speaker)
         SELECT 'delete', qrow, text, speaker FROM quotes WHERE aid = ?1",
        [aid],
    )?;
    for table in ["entities", "places", "times", "quotes", "figures", "participants", "events"] {
        tx.execute(&format!("DELETE FROM {table} WHERE aid = ?1"), [aid])?;
    }
    Ok(())
}

fn write_layers(tx: &Transaction, aid: i64, r: &Record) -> Result<()> {
    let mut entity = tx.prepare_cached(
        "INSERT INTO entities (aid, eid, name, type, country, sector, roles, affiliation, kb, mentions)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    for Entity { id, name: n, kind, country, sector, roles, affiliation, kb, mentions } in &r.entities {
        let kb = kb.as_ref().map(json);
        entity.execute(params![
            aid,
            id,
            n,
            name(kind),
            country,
            sector,
            json(roles),
            affiliation,
            kb,
            json(mentions)
        ])?;
    }
    let mut place = tx.prepare_cached(
        "INSERT INTO places (aid, pid, name, feature, country, lat, lon, geonames_id, mentions)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for Place { id, name: n, feature, country, lat, lon, geonames_id, mentions } in &r.places {
        let gid = geonames_id.map(|g| g as i64);
        place.execute(params![aid, id, n, name(feature), country, lat, lon, gid, json(mentions)])?;
    }
    let mut time = tx.prepare_cached(
        "INSERT INTO times (aid, tid, text, start, end, type, value, end_value, reason)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for Time { id, text, span, kind, value, end, reason } in &r.times {
        time.execute(params![aid, id, text, span[0], span[1], name(kind), value, end, reason])?;
    }
    let mut quote = tx.prepare_cached(
        "INSERT INTO quotes (aid, qid, text, start, end, direct, speaker, speaker_entity, speaker_start, speaker_end,
                             cue, channel, sentence_start, sentence_end)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?;
    let mut quote_fts = tx.prepare_cached("INSERT INTO quotes_fts (rowid, text, speaker) VALUES (?1, ?2, ?3)")?;
    for Quote { id, text, span, direct, speaker, cue, channel, sentence } in &r.quotes {
        let (who, ent, ss) = match speaker {
            Some(s) => (Some(&s.name), s.entity.as_ref(), s.span),
            None => (None, None, None),
        };
        quote.execute(params![
            aid,
            id,
            text,
            span[0],
            span[1],
            direct,
            who,
            ent,
            ss.map(|s| s[0]),
            ss.map(|s| s[1]),
            cue,
            channel,
            sentence[0],
            sentence[1]
        ])?;
        quote_fts.execute(params![tx.last_insert_rowid(), text, who])?;
    }
    let mut figure = tx.prepare_cached(
        "INSERT INTO figures (aid, fid, text, start, end, value, low, high, qualifier, category, subject, place, time,
                              claimant, claimant_entity, status, event, sentence_start, sentence_end)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)",
    )?;
    for f in &r.figures {
        let Figure { id, text, span, value, low, high, qualifier, category, subject, place, date, .. } = f;
        figure.execute(params![
            aid,
            id,
            text,
            span[0],
            span[1],
            value,
            low,
            high,
            name(qualifier),
            name(category),
            subject,
            place,
            date,
            f.claimant.as_ref().map(|c| &c.name),
            f.claimant.as_ref().and_then(|c| c.entity.as_ref()),
            name(&f.status),
            f.event,
            f.sentence[0],
            f.sentence[1]
        ])?;
    }
    let mut event = tx.prepare_cached(
        "INSERT INTO events (aid, vid, type, mode, cameo, score, date, time, date_status, place, status, claimant,
                             claimant_entity, figures, sentence_start, sentence_end, trigger_start, trigger_end)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
    )?;
    let mut participant = tx.prepare_cached(
        "INSERT INTO participants (aid, vid, role, ord, name, entity, country, sector)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for e in &r.events {
        let Event { id, kind, mode, cameo, score, date, place, status, claimant, figures, sentence, trigger, .. } = e;
        event.execute(params![
            aid,
            id,
            kind.as_str(),
            mode,
            cameo,
            score,
            date.value,
            date.time,
            name(&date.status),
            place,
            name(status),
            claimant.as_ref().map(|c| &c.name),
            claimant.as_ref().and_then(|c| c.entity.as_ref()),
            json(figures),
            sentence[0],
            sentence[1],
            trigger[0],
            trigger[1]
        ])?;
        for (role, list) in [("actor", &e.actor), ("recipient", &e.recipient)] {
            for (k, Participant { name: n, entity, country, sector }) in list.iter().enumerate() {
                participant.execute(params![aid, id, role, k, n, entity, country, sector])?;
            }
        }
    }
    Ok(())
}

/// The content hash an article is stored under: [`dateline::content_id`] of its
/// title and body, whatever id the input gave it.
pub fn article_hash(a: &Article) -> String {
    dateline::content_id(a.title.as_deref(), &a.body)
}

/// Looks up a stored article by its id (as given by the input, or its hash).
pub fn find_article(conn: &Connection, id: &str) -> Result<Option<i64>> {
    Ok(conn
        .query_row("SELECT aid FROM articles WHERE id = ?1 OR hash = ?1 ORDER BY aid LIMIT 1", [id], |r| r.get(0))
        .optional()?)
}
