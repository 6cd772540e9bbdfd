//! The database schema, versioned with SQLite's `user_version`.
//!
//! Each entry of [`MIGRATIONS`] brings the schema from version *n* to *n + 1*;
//! opening a store runs the ones it lacks, in one transaction each. A store
//! written by a newer dateline (a version this one does not know) is refused
//! rather than guessed at.
//!
//! ## Version 1
//!
//! | table | one row per | key columns |
//! | --- | --- | --- |
//! | `articles` | stored article | `aid` (row id), `id` (as given), `hash` (content hash, unique), `url`, `title`, `source`, `published`, `text`, `cluster` (the `aid` that began its story cluster), `similarity` (estimated Jaccard to the nearest stored copy, null for a cluster's first article), `minhash` (signature), `engine` (the dateline version that made its rows), `ingested` (UTC) |
//! | `entities` | entity of a record | `aid`, `eid` (`E1`...), `name`, `type`, `country`, `sector`, `roles` (JSON list), `affiliation`, `kb` (JSON), `mentions` (JSON list of `[start, end]`) |
//! | `places` | place of a record | `aid`, `pid`, `name`, `feature`, `country`, `lat`, `lon`, `geonames_id`, `mentions` (JSON list of `[start, end]`) |
//! | `mentions` (a view) | mention of an entity or place | `aid`, `item` (`E1`, `P2`), `start`, `end` |
//! | `times` | time expression | `aid`, `tid`, `text`, `start`, `end`, `type`, `value`, `end_value`, `reason` |
//! | `quotes` | quote | `aid`, `qid`, `text`, `start`, `end`, `direct`, `speaker`, `speaker_entity`, `speaker_start`, `speaker_end`, `cue`, `channel`, `sentence_start`, `sentence_end` |
//! | `figures` | figure | `aid`, `fid`, `text`, `start`, `end`, `value`, `low`, `high`, `qualifier`, `category`, `subject`, `place` (a `pid`), `time` (a `tid`), `claimant`, `claimant_entity`, `status`, `event` (a `vid`), `sentence_start`, `sentence_end` |
//! | `events` | event | `aid`, `vid`, `type`, `mode`, `cameo`, `score`, `date`, `time`, `date_status`, `place`, `status`, `claimant`, `claimant_entity`, `figures` (JSON list of `fid`), `sentence_start`, `sentence_end`, `trigger_start`, `trigger_end` |
//! | `participants` | actor or recipient of an event | `aid`, `vid`, `role` (`actor` or `recipient`), `ord`, `name`, `entity`, `country`, `sector` |
//! | `lsh` | band of an article's MinHash signature | `key`, `aid` |
//! | `articles_fts`, `quotes_fts` | FTS5 indexes over article title and text, quote text and speaker | |
//!
//! Offsets (`start`, `end`, `*_start`, `*_end`) are code points into the article's `text`,
//! as in the record. Ids inside an article (`E1`, `P2`, `T3`, `F1`, `V4`) are the record's.

use rusqlite::Connection;

use crate::{Error, Result};

/// The schema version this build writes.
pub const VERSION: i64 = MIGRATIONS.len() as i64;

/// Schema changes, oldest first.
pub const MIGRATIONS: &[&str] = &[
    // 1: the first schema.
    "
    CREATE TABLE articles (
        aid INTEGER PRIMARY KEY,
        id TEXT NOT NULL,
        hash TEXT NOT NULL UNIQUE,
        url TEXT,
        title TEXT,
        source TEXT,
        published TEXT,
        text TEXT NOT NULL,
        cluster INTEGER NOT NULL,
        similarity REAL,
        minhash BLOB NOT NULL,
        engine TEXT NOT NULL,
        ingested TEXT NOT NULL
    );
    CREATE INDEX articles_id ON articles (id);
    CREATE INDEX articles_cluster ON articles (cluster);
    CREATE INDEX articles_published ON articles (published);

    CREATE TABLE entities (
        aid INTEGER NOT NULL REFERENCES articles (aid),
        eid TEXT NOT NULL,
        name TEXT,
        type TEXT NOT NULL,
        country TEXT,
        sector TEXT,
        roles TEXT NOT NULL,
        affiliation TEXT,
        kb TEXT,
        mentions TEXT NOT NULL,
        PRIMARY KEY (aid, eid)
    ) WITHOUT ROWID;
    CREATE INDEX entities_name ON entities (name);

    CREATE TABLE places (
        aid INTEGER NOT NULL REFERENCES articles (aid),
        pid TEXT NOT NULL,
        name TEXT NOT NULL,
        feature TEXT NOT NULL,
        country TEXT,
        lat REAL,
        lon REAL,
        geonames_id INTEGER,
        mentions TEXT NOT NULL,
        PRIMARY KEY (aid, pid)
    ) WITHOUT ROWID;

    -- Every mention of an entity or place, one row each (the lists are kept
    -- with their entity or place; this view spreads them out).
    CREATE VIEW mentions (aid, item, start, end) AS
        SELECT e.aid, e.eid, json_extract(m.value, '$[0]'), json_extract(m.value, '$[1]')
        FROM entities e, json_each(e.mentions) m
        UNION ALL
        SELECT p.aid, p.pid, json_extract(m.value, '$[0]'), json_extract(m.value, '$[1]')
        FROM places p, json_each(p.mentions) m;

    CREATE TABLE times (
        aid INTEGER NOT NULL REFERENCES articles (aid),
        tid TEXT NOT NULL,
        text TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        type TEXT NOT NULL,
        value TEXT,
        end_value TEXT,
        reason TEXT,
        PRIMARY KEY (aid, tid)
    ) WITHOUT ROWID;

    CREATE TABLE quotes (
        qrow INTEGER PRIMARY KEY,
        aid INTEGER NOT NULL REFERENCES articles (aid),
        qid TEXT NOT NULL,
        text TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        direct INTEGER NOT NULL,
        speaker TEXT,
        speaker_entity TEXT,
        speaker_start INTEGER,
        speaker_end INTEGER,
        cue TEXT,
        channel TEXT,
        sentence_start INTEGER NOT NULL,
        sentence_end INTEGER NOT NULL
    );
    CREATE INDEX quotes_aid ON quotes (aid);

    CREATE TABLE figures (
        aid INTEGER NOT NULL REFERENCES articles (aid),
        fid TEXT NOT NULL,
        text TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        value REAL,
        low REAL,
        high REAL,
        qualifier TEXT NOT NULL,
        category TEXT NOT NULL,
        subject TEXT,
        place TEXT,
        time TEXT,
        claimant TEXT,
        claimant_entity TEXT,
        status TEXT NOT NULL,
        event TEXT,
        sentence_start INTEGER NOT NULL,
        sentence_end INTEGER NOT NULL,
        PRIMARY KEY (aid, fid)
    ) WITHOUT ROWID;
    CREATE INDEX figures_category ON figures (category);

    CREATE TABLE events (
        aid INTEGER NOT NULL REFERENCES articles (aid),
        vid TEXT NOT NULL,
        type TEXT NOT NULL,
        mode TEXT,
        cameo TEXT,
        score REAL,
        date TEXT,
        time TEXT,
        date_status TEXT NOT NULL,
        place TEXT,
        status TEXT NOT NULL,
        claimant TEXT,
        claimant_entity TEXT,
        figures TEXT NOT NULL,
        sentence_start INTEGER NOT NULL,
        sentence_end INTEGER NOT NULL,
        trigger_start INTEGER NOT NULL,
        trigger_end INTEGER NOT NULL,
        PRIMARY KEY (aid, vid)
    ) WITHOUT ROWID;
    CREATE INDEX events_type ON events (type);

    CREATE TABLE participants (
        aid INTEGER NOT NULL REFERENCES articles (aid),
        vid TEXT NOT NULL,
        role TEXT NOT NULL,
        ord INTEGER NOT NULL,
        name TEXT,
        entity TEXT,
        country TEXT,
        sector TEXT,
        PRIMARY KEY (aid, vid, role, ord)
    ) WITHOUT ROWID;
    CREATE INDEX participants_name ON participants (name);

    CREATE TABLE lsh (
        key INTEGER NOT NULL,
        aid INTEGER NOT NULL REFERENCES articles (aid),
        PRIMARY KEY (key, aid)
    ) WITHOUT ROWID;

    CREATE VIRTUAL TABLE articles_fts USING fts5 (title, text, content = 'articles', content_rowid = 'aid');
    CREATE VIRTUAL TABLE quotes_fts USING fts5 (text, speaker, content = 'quotes', content_rowid = 'qrow');
    ",
];

/// Brings the database's schema up to [`VERSION`].
pub fn migrate(conn: &Connection) -> Result<()> {
    let current: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if current > VERSION {
        return Err(Error::new(format!(
            "the store has schema version {current}, newer than this dateline knows ({VERSION}): upgrade dateline"
        )));
    }
    for (k, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        let tx = conn.unchecked_transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", k as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}
