//! The tables `dateline export` writes, one row per stored item, with the
//! article it came from, its evidence span and the text of that span.
//!
//! | table | one row per | filters that apply |
//! | --- | --- | --- |
//! | `events` | event | day, actor (any participant), type, place |
//! | `figures` | figure | day, actor (claimant), type (category), place |
//! | `quotes` | quote | day (publication), actor (speaker) |
//! | `entities` | entity of an article | day (publication), actor (name), type (entity type) |
//! | `places` | place of an article | day (publication), place (name) |
//! | `articles` | article | day (publication), actor (an entity named), place (a place named) |

use rusqlite::Connection;

use crate::aggregate::{self, Filter};
use crate::export::{Kind, Table, Value};
use crate::{Error, Result};

/// The names `export --table` accepts.
pub const TABLES: [&str; 6] = ["events", "figures", "quotes", "entities", "places", "articles"];

/// Builds an export table by name.
pub fn table(conn: &Connection, name: &str, filter: &Filter) -> Result<Table> {
    match name {
        "events" => events(conn, filter),
        "figures" => figures(conn, filter),
        "quotes" => quotes(conn, filter),
        "entities" => entities(conn, filter),
        "places" => places(conn, filter),
        "articles" => articles(conn, filter),
        _ => Err(Error::new(format!("unknown table '{name}' (expected one of {})", TABLES.join(", ")))),
    }
}

fn events(conn: &Connection, filter: &Filter) -> Result<Table> {
    let mut t = Table::new(
        "events",
        &[
            ("article", Kind::Text),
            ("cluster", Kind::Int),
            ("published", Kind::Date),
            ("id", Kind::Text),
            ("type", Kind::Text),
            ("mode", Kind::Text),
            ("quad", Kind::Text),
            ("cameo", Kind::Text),
            ("score", Kind::Float),
            ("day", Kind::Date),
            ("date", Kind::Text),
            ("date_status", Kind::Text),
            ("status", Kind::Text),
            ("actors", Kind::List),
            ("actor_countries", Kind::List),
            ("actor_sectors", Kind::List),
            ("recipients", Kind::List),
            ("recipient_countries", Kind::List),
            ("recipient_sectors", Kind::List),
            ("place", Kind::Text),
            ("lat", Kind::Float),
            ("lon", Kind::Float),
            ("claimant", Kind::Text),
            ("figures", Kind::List),
            ("trigger", Kind::Text),
            ("trigger_start", Kind::Int),
            ("trigger_end", Kind::Int),
            ("sentence", Kind::Text),
            ("sentence_start", Kind::Int),
            ("sentence_end", Kind::Int),
            ("engine", Kind::Text),
        ],
    );
    for e in aggregate::events(conn, filter)? {
        let list = |v: &[aggregate::Part], f: fn(&aggregate::Part) -> Option<String>| {
            Value::List(v.iter().map(|p| f(p).unwrap_or_default()).collect())
        };
        t.push(vec![
            Value::Text(e.article.clone()),
            Value::Int(e.cluster),
            e.published.map_or(Value::Null, Value::Date),
            Value::Text(e.vid.clone()),
            Value::Text(e.kind.as_str().into()),
            Value::text(e.mode.clone()),
            Value::Text(e.kind.quad().as_str().into()),
            Value::text(e.cameo.clone()),
            Value::float(e.score),
            e.day.map_or(Value::Null, Value::Date),
            Value::text(e.date.clone()),
            Value::Text(e.date_status.clone()),
            Value::Text(e.status.clone()),
            list(&e.actors, |p| p.name.clone()),
            list(&e.actors, |p| p.country.clone()),
            list(&e.actors, |p| p.sector.clone()),
            list(&e.recipients, |p| p.name.clone()),
            list(&e.recipients, |p| p.country.clone()),
            list(&e.recipients, |p| p.sector.clone()),
            Value::text(e.place.clone()),
            Value::float(e.lat),
            Value::float(e.lon),
            Value::text(e.claimant.clone()),
            Value::List(e.figures.clone()),
            Value::Text(e.trigger.clone()),
            Value::Int(e.trigger_span[0]),
            Value::Int(e.trigger_span[1]),
            Value::Text(e.sentence.clone()),
            Value::Int(e.sentence_span[0]),
            Value::Int(e.sentence_span[1]),
            Value::Text(e.engine.clone()),
        ]);
    }
    Ok(t)
}

fn figures(conn: &Connection, filter: &Filter) -> Result<Table> {
    let mut t = Table::new(
        "figures",
        &[
            ("article", Kind::Text),
            ("published", Kind::Date),
            ("day", Kind::Date),
            ("category", Kind::Text),
            ("value", Kind::Float),
            ("low", Kind::Float),
            ("high", Kind::Float),
            ("qualifier", Kind::Text),
            ("subject", Kind::Text),
            ("place", Kind::Text),
            ("claimant", Kind::Text),
            ("attributed", Kind::Bool),
            ("status", Kind::Text),
            ("text", Kind::Text),
            ("start", Kind::Int),
            ("end", Kind::Int),
            ("sentence", Kind::Text),
        ],
    );
    for f in aggregate::figures_in(conn, filter)? {
        t.push(vec![
            Value::Text(f.article),
            f.published.map_or(Value::Null, Value::Date),
            f.day.map_or(Value::Null, Value::Date),
            Value::Text(f.category),
            Value::float(f.value),
            Value::float(f.low),
            Value::float(f.high),
            Value::Text(f.qualifier),
            Value::text(f.subject),
            Value::text(f.place),
            Value::Text(f.claimant),
            Value::Bool(f.attributed),
            Value::Text(f.status),
            Value::Text(f.text),
            Value::Int(f.span[0]),
            Value::Int(f.span[1]),
            Value::Text(f.sentence),
        ]);
    }
    Ok(t)
}

/// Runs a query whose first three columns are the article id, its publication
/// date and a name the `actors` filter matches, the rest typed by `cols`.
fn simple(
    conn: &Connection,
    name: &str,
    sql: &str,
    cols: &[(&str, Kind)],
    keep: impl Fn(&Filter, Option<&str>) -> bool,
    filter: &Filter,
) -> Result<Table> {
    let mut all = vec![("article", Kind::Text), ("published", Kind::Date)];
    all.extend_from_slice(cols);
    let mut t = Table::new(name, &all);
    let mut stmt = conn.prepare(sql)?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let published: Option<String> = r.get(1)?;
        let day = published.as_deref().and_then(dateline::Date::parse);
        let key: Option<String> = r.get(2)?;
        if !filter.day(day) || !keep(filter, key.as_deref()) {
            continue;
        }
        let mut row = vec![Value::Text(r.get(0)?), day.map_or(Value::Null, Value::Date)];
        for (k, (_, kind)) in cols.iter().enumerate() {
            let i = k + 3;
            row.push(match kind {
                Kind::Int => r.get::<_, Option<i64>>(i)?.map_or(Value::Null, Value::Int),
                Kind::Float => Value::float(r.get(i)?),
                Kind::Bool => r.get::<_, Option<bool>>(i)?.map_or(Value::Null, Value::Bool),
                Kind::Text => Value::text(r.get::<_, Option<String>>(i)?),
                Kind::Date => Value::date(r.get::<_, Option<String>>(i)?.as_deref()),
                Kind::List => {
                    let s: Option<String> = r.get(i)?;
                    s.and_then(|s| serde_json::from_str(&s).ok()).map_or(Value::Null, Value::List)
                }
            });
        }
        t.push(row);
    }
    Ok(t)
}

fn named(filter: &Filter, key: Option<&str>) -> bool {
    filter.actors.is_empty() || key.is_some_and(|k| filter.actors.iter().any(|a| a.eq_ignore_ascii_case(k)))
}

fn quotes(conn: &Connection, filter: &Filter) -> Result<Table> {
    simple(
        conn,
        "quotes",
        "SELECT a.id, a.published, q.speaker, q.qid, q.text, q.direct, q.speaker, q.speaker_entity, q.cue, q.channel,
                q.start, q.end, substr(a.text, q.sentence_start + 1, q.sentence_end - q.sentence_start)
         FROM quotes q JOIN articles a ON a.aid = q.aid ORDER BY q.aid, q.start",
        &[
            ("id", Kind::Text),
            ("text", Kind::Text),
            ("direct", Kind::Bool),
            ("speaker", Kind::Text),
            ("speaker_entity", Kind::Text),
            ("cue", Kind::Text),
            ("channel", Kind::Text),
            ("start", Kind::Int),
            ("end", Kind::Int),
            ("sentence", Kind::Text),
        ],
        named,
        filter,
    )
}

fn entities(conn: &Connection, filter: &Filter) -> Result<Table> {
    let by_type = filter.types.clone();
    simple(
        conn,
        "entities",
        "SELECT a.id, a.published, e.name, e.eid, e.name, e.type, e.country, e.sector, e.roles, e.affiliation,
                json_array_length(e.mentions), json_extract(e.mentions, '$[0][0]'),
                substr(a.text, json_extract(e.mentions, '$[0][0]') + 1,
                       json_extract(e.mentions, '$[0][1]') - json_extract(e.mentions, '$[0][0]'))
         FROM entities e JOIN articles a ON a.aid = e.aid ORDER BY e.aid, e.eid",
        &[
            ("id", Kind::Text),
            ("name", Kind::Text),
            ("type", Kind::Text),
            ("country", Kind::Text),
            ("sector", Kind::Text),
            ("roles", Kind::List),
            ("affiliation", Kind::Text),
            ("mentions", Kind::Int),
            ("first_start", Kind::Int),
            ("first_mention", Kind::Text),
        ],
        named,
        filter,
    )
    .map(|mut t| {
        if !by_type.is_empty() {
            let k = t.column("type").unwrap_or(0);
            t.rows.retain(|r| by_type.iter().any(|ty| r[k].display().eq_ignore_ascii_case(ty)));
        }
        t
    })
}

fn places(conn: &Connection, filter: &Filter) -> Result<Table> {
    simple(
        conn,
        "places",
        "SELECT a.id, a.published, p.name, p.pid, p.name, p.feature, p.country, p.lat, p.lon, p.geonames_id,
                json_array_length(p.mentions), json_extract(p.mentions, '$[0][0]')
         FROM places p JOIN articles a ON a.aid = p.aid ORDER BY p.aid, p.pid",
        &[
            ("id", Kind::Text),
            ("name", Kind::Text),
            ("feature", Kind::Text),
            ("country", Kind::Text),
            ("lat", Kind::Float),
            ("lon", Kind::Float),
            ("geonames_id", Kind::Int),
            ("mentions", Kind::Int),
            ("first_start", Kind::Int),
        ],
        |f, name| f.place.as_ref().is_none_or(|p| name.is_some_and(|n| n.eq_ignore_ascii_case(p))),
        filter,
    )
}

fn articles(conn: &Connection, filter: &Filter) -> Result<Table> {
    let mut t = simple(
        conn,
        "articles",
        "SELECT a.id, a.published, NULL, a.hash, a.url, a.title, a.source, a.cluster, a.similarity, a.engine,
                a.ingested, length(a.text),
                (SELECT json_group_array(name) FROM (SELECT DISTINCT name FROM entities e
                  WHERE e.aid = a.aid AND name IS NOT NULL)),
                (SELECT json_group_array(name) FROM (SELECT DISTINCT name FROM places p WHERE p.aid = a.aid)),
                (SELECT count(*) FROM events v WHERE v.aid = a.aid)
         FROM articles a ORDER BY a.aid",
        &[
            ("hash", Kind::Text),
            ("url", Kind::Text),
            ("title", Kind::Text),
            ("source", Kind::Text),
            ("cluster", Kind::Int),
            ("similarity", Kind::Float),
            ("engine", Kind::Text),
            ("ingested", Kind::Text),
            ("chars", Kind::Int),
            ("entities", Kind::List),
            ("places", Kind::List),
            ("events", Kind::Int),
        ],
        |_, _| true,
        filter,
    )?;
    let (ents, places) = (t.column("entities").unwrap_or(0), t.column("places").unwrap_or(0));
    let has =
        |v: &Value, want: &str| matches!(v, Value::List(items) if items.iter().any(|i| i.eq_ignore_ascii_case(want)));
    t.rows.retain(|r| {
        (filter.actors.is_empty() || filter.actors.iter().any(|a| has(&r[ents], a)))
            && filter.place.as_ref().is_none_or(|p| has(&r[places], p))
    });
    Ok(t)
}
