//! Questions asked of the corpus, answered as [`Table`]s.
//!
//! - [`timeline`]: per day and actor pair, events by PLOVER quad class and the
//!   sum and mean of their PLOVER scores (a cooperation/conflict index).
//! - [`figures`]: per category, place and subject, each claimant's latest value
//!   per day with its evidence; [`disagreements`]: claimants whose values for the
//!   same category, place and subject, within a few days, differ by more than 10%.
//! - [`talks`]: the state of a negotiation between two parties: mediators,
//!   meetings, demands, rejections, agreements, releases, in time order.
//!
//! **Story clusters count once.** Syndicated copies of a story (see
//! [`crate::cluster`]) repeat its events and figures; an event is counted once
//! per cluster (same type, mode, actors, recipients and day), and a figure once
//! per claimant, value and day.
//!
//! **Dates.** An event's day is its own date where the text gives a full one,
//! else the article's publication date; a figure's likewise.
//!
//! **Actors** are matched by name, case-insensitively ("Israel", "Hamas"), or by
//! country code when given as three capital letters ("ISR").

use std::collections::{BTreeMap, BTreeSet, HashMap};

use dateline::record::{EventType, Quad};
use dateline::Date;
use rusqlite::Connection;

use crate::export::{Kind, Table, Value};
use crate::Result;

/// Which rows an aggregate or export looks at. Empty fields filter nothing.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// First day included.
    pub since: Option<Date>,
    /// Last day included.
    pub until: Option<Date>,
    /// Rows involving any of these actors (by name, or ISO3 country code).
    pub actors: Vec<String>,
    /// Event types (`ASSAULT`) or figure categories (`killed`).
    pub types: Vec<String>,
    /// Rows at a place of this name.
    pub place: Option<String>,
}

impl Filter {
    /// Whether a day falls in the window (a row without a day passes only an open window).
    pub fn day(&self, day: Option<Date>) -> bool {
        match day {
            Some(d) => self.since.is_none_or(|s| d >= s) && self.until.is_none_or(|u| d <= u),
            None => self.since.is_none() && self.until.is_none(),
        }
    }

    fn kind(&self, kind: &str) -> bool {
        self.types.is_empty() || self.types.iter().any(|t| t.eq_ignore_ascii_case(kind))
    }

    fn place(&self, place: Option<&str>) -> bool {
        match &self.place {
            None => true,
            Some(p) => place.is_some_and(|n| n.eq_ignore_ascii_case(p)),
        }
    }

    fn any_actor<'a>(&self, mut parts: impl Iterator<Item = &'a Part>) -> bool {
        self.actors.is_empty() || parts.any(|p| self.actors.iter().any(|a| p.is(a)))
    }
}

/// An actor or recipient, as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    pub name: Option<String>,
    pub country: Option<String>,
    pub sector: Option<String>,
}

impl Part {
    /// Matches a user's name for an actor: the name, or a country code (`ISR`).
    pub fn is(&self, query: &str) -> bool {
        let code = query.len() == 3 && query.bytes().all(|b| b.is_ascii_uppercase());
        if code {
            return self.country.as_deref() == Some(query);
        }
        self.name.as_deref().is_some_and(|n| n.eq_ignore_ascii_case(query))
    }

    /// Matches a user's name for a side: as [`Part::is`], or the side the actor acts for.
    pub fn on_side(&self, query: &str, sides: &Sides) -> bool {
        self.is(query) || sides.of(self).eq_ignore_ascii_case(query)
    }

    fn label(&self) -> String {
        self.name.clone().or_else(|| self.country.clone()).unwrap_or_else(|| "-".into())
    }
}

/// Who an actor acts for, so that aggregates count sides, not individual
/// officials: a person or body of a government (sector GOV or MIL) acts for its
/// country ("Benjamin Netanyahu" → Israel); a person of an international body,
/// armed group or organization acts for the one body of its country code and
/// sector the corpus knows (an African Union envoy → African Union, where the
/// corpus names one body with code AFR and sector IGO); anyone else for
/// themselves.
#[derive(Debug, Clone, Default)]
pub struct Sides {
    countries: HashMap<String, String>,
    bodies: HashMap<(String, String), Option<String>>,
}

impl Sides {
    /// Reads the corpus's countries and bodies (the gazetteer names countries it lacks).
    pub fn load(conn: &Connection) -> Result<Sides> {
        let mut sides = Sides::default();
        let mut stmt = conn.prepare(
            "SELECT DISTINCT name, type, country, sector FROM entities
             WHERE name IS NOT NULL AND country IS NOT NULL AND type <> 'PERSON'",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let (name, kind, country): (String, String, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
            let sector: Option<String> = r.get(3)?;
            if kind == "COUNTRY" {
                sides.countries.entry(country).or_insert(name);
            } else if let Some(sector) = sector.filter(|s| !matches!(s.as_str(), "GOV" | "MIL")) {
                let slot = sides.bodies.entry((country, sector)).or_insert_with(|| Some(name.clone()));
                if slot.as_deref() != Some(name.as_str()) {
                    *slot = None; // two bodies: a member's side is not known
                }
            }
        }
        Ok(sides)
    }

    fn country_name(&self, iso3: &str) -> Option<String> {
        self.countries.get(iso3).cloned().or_else(|| {
            let g = dateline::gazetteer::gazetteer();
            g.country(iso3).map(|c| g.entries[c.entry].name.clone())
        })
    }

    /// The side an actor acts for.
    pub fn of(&self, p: &Part) -> String {
        // A country the engine knew only by its code.
        if let (Some(c), None) = (&p.country, &p.sector) {
            if p.name.as_deref().is_none_or(|n| n == c) {
                if let Some(n) = self.country_name(c) {
                    return n;
                }
            }
        }
        if let (Some(c), Some(s)) = (&p.country, &p.sector) {
            if matches!(s.as_str(), "GOV" | "MIL") {
                if let Some(n) = self.country_name(c) {
                    return n;
                }
            } else if let Some(Some(n)) = self.bodies.get(&(c.clone(), s.clone())) {
                return n.clone();
            }
        }
        p.label()
    }
}

/// A stored event with what aggregates need of its article.
#[derive(Debug, Clone)]
pub struct Ev {
    pub aid: i64,
    /// The article's id.
    pub article: String,
    pub cluster: i64,
    pub published: Option<Date>,
    pub vid: String,
    pub kind: EventType,
    pub mode: Option<String>,
    pub cameo: Option<String>,
    pub score: Option<f64>,
    /// The TIMEX3 value of the event's date.
    pub date: Option<String>,
    pub date_status: String,
    /// Its day: the full date it names, else the article's publication date.
    pub day: Option<Date>,
    pub place: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub status: String,
    pub claimant: Option<String>,
    pub actors: Vec<Part>,
    pub recipients: Vec<Part>,
    /// Texts of the figures that measure it.
    pub figures: Vec<String>,
    /// Their values (a range's middle), in the same order.
    pub figure_values: Vec<Option<f64>>,
    pub sentence: String,
    pub sentence_span: [i64; 2],
    pub trigger: String,
    pub trigger_span: [i64; 2],
    pub engine: String,
}

impl Ev {
    fn parts(&self) -> impl Iterator<Item = &Part> {
        self.actors.iter().chain(&self.recipients)
    }

    /// The key under which copies of the event in one story cluster are one.
    fn cluster_key(&self) -> (i64, EventType, Option<String>, Vec<String>, Vec<String>, Option<Date>) {
        let names = |v: &[Part]| {
            let mut n: Vec<String> = v.iter().map(Part::label).collect();
            n.sort();
            n
        };
        (self.cluster, self.kind, self.mode.clone(), names(&self.actors), names(&self.recipients), self.day)
    }
}

fn day_of(value: Option<&str>, published: Option<Date>) -> Option<Date> {
    value.and_then(|v| if v.len() >= 10 { Date::parse(&v[..10]) } else { None }).or(published)
}

/// Every stored event passing the filter, in day then article order.
pub fn events(conn: &Connection, filter: &Filter) -> Result<Vec<Ev>> {
    let mut parts: HashMap<(i64, String), (Vec<Part>, Vec<Part>)> = HashMap::new();
    let mut stmt =
        conn.prepare("SELECT aid, vid, role, name, country, sector FROM participants ORDER BY aid, vid, role, ord")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let p = Part { name: r.get(3)?, country: r.get(4)?, sector: r.get(5)? };
        let e = parts.entry((r.get(0)?, r.get(1)?)).or_default();
        if r.get::<_, String>(2)? == "actor" {
            e.0.push(p);
        } else {
            e.1.push(p);
        }
    }
    let mut figs: HashMap<(i64, String), (String, Option<f64>)> = HashMap::new();
    let mut stmt = conn.prepare("SELECT aid, fid, text, coalesce(value, (low + high) / 2) FROM figures")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        figs.insert((r.get(0)?, r.get(1)?), (r.get(2)?, r.get(3)?));
    }
    let mut stmt = conn.prepare(
        "SELECT e.aid, a.id, a.cluster, a.published, e.vid, e.type, e.mode, e.cameo, e.score, e.date, e.date_status,
                p.name, p.lat, p.lon, e.status, e.claimant, e.figures,
                substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start), e.sentence_start, e.sentence_end,
                substr(a.text, e.trigger_start + 1, e.trigger_end - e.trigger_start), e.trigger_start, e.trigger_end,
                a.engine
         FROM events e JOIN articles a ON a.aid = e.aid
         LEFT JOIN places p ON p.aid = e.aid AND p.pid = e.place
         ORDER BY e.aid, e.sentence_start, e.trigger_start",
    )?;
    let mut rows = stmt.query([])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let aid: i64 = r.get(0)?;
        let vid: String = r.get(4)?;
        let kind: String = r.get(5)?;
        let Some(kind) = EventType::parse(&kind) else { continue };
        let published = r.get::<_, Option<String>>(3)?.as_deref().and_then(Date::parse);
        let date: Option<String> = r.get(9)?;
        let fids: Vec<String> = serde_json::from_str(&r.get::<_, String>(16)?).unwrap_or_default();
        let (actors, recipients) = parts.remove(&(aid, vid.clone())).unwrap_or_default();
        let ev = Ev {
            aid,
            article: r.get(1)?,
            cluster: r.get(2)?,
            published,
            kind,
            mode: r.get(6)?,
            cameo: r.get(7)?,
            score: r.get(8)?,
            day: day_of(date.as_deref(), published),
            date,
            date_status: r.get(10)?,
            place: r.get(11)?,
            lat: r.get(12)?,
            lon: r.get(13)?,
            status: r.get(14)?,
            claimant: r.get(15)?,
            figures: fids.iter().filter_map(|f| figs.get(&(aid, f.clone())).map(|x| x.0.clone())).collect(),
            figure_values: fids.iter().filter_map(|f| figs.get(&(aid, f.clone())).map(|x| x.1)).collect(),
            sentence: r.get(17)?,
            sentence_span: [r.get(18)?, r.get(19)?],
            trigger: r.get(20)?,
            trigger_span: [r.get(21)?, r.get(22)?],
            engine: r.get(23)?,
            vid,
            actors,
            recipients,
        };
        if filter.day(ev.day)
            && filter.kind(ev.kind.as_str())
            && filter.place(ev.place.as_deref())
            && filter.any_actor(ev.parts())
        {
            out.push(ev);
        }
    }
    out.sort_by_key(|e| (e.day, e.aid, e.sentence_span));
    Ok(out)
}

/// Event statuses the timeline counts: what happened or is happening, and
/// refusals (a refusal is itself a statement). Planned, conditional, negated and
/// hypothetical events did not take place.
pub const COUNTED: [&str; 3] = ["occurred", "ongoing", "refused"];

/// Keeps the first of each event's copies within a story cluster.
pub fn once_per_cluster(events: Vec<Ev>) -> Vec<Ev> {
    let mut seen = BTreeSet::new();
    events.into_iter().filter(|e| seen.insert(e.cluster_key())).collect()
}

/// Per day and pair of sides ([`Sides`]): event counts by quad class and the
/// PLOVER score index. A compound event (several actors or recipients) counts
/// once for each pair of sides it joins; a missing side is `-`.
pub fn timeline(conn: &Connection, filter: &Filter) -> Result<Table> {
    let evs = once_per_cluster(events(conn, filter)?);
    let sides = Sides::load(conn)?;
    #[derive(Default)]
    struct Acc {
        n: i64,
        quads: [i64; 4],
        sum: f64,
        scored: i64,
    }
    let mut acc: BTreeMap<(Option<Date>, String, String), Acc> = BTreeMap::new();
    for e in evs.iter().filter(|e| COUNTED.contains(&e.status.as_str())) {
        let one = [Part { name: None, country: None, sector: None }];
        let actors: &[Part] = if e.actors.is_empty() { &one } else { &e.actors };
        let recips: &[Part] = if e.recipients.is_empty() { &one } else { &e.recipients };
        // Each pair of sides once per event ("Israel's intelligence chief and
        // Israel's prime minister" are one side).
        let mut pairs = BTreeSet::new();
        for a in actors {
            for r in recips {
                let (a, r) = (sides.of(a), sides.of(r));
                // With an actor filter, only that actor's pairs.
                let wanted = filter.actors.is_empty()
                    || filter.actors.iter().any(|q| q.eq_ignore_ascii_case(&a) || q.eq_ignore_ascii_case(&r));
                if a != r && wanted {
                    pairs.insert((a, r));
                }
            }
        }
        for (a, r) in pairs {
            let x = acc.entry((e.day, a, r)).or_default();
            x.n += 1;
            x.quads[e.kind.quad() as usize] += 1;
            if let Some(s) = e.score {
                x.sum += s;
                x.scored += 1;
            }
        }
    }
    let mut cols = vec![("day", Kind::Date), ("actor", Kind::Text), ("recipient", Kind::Text), ("events", Kind::Int)];
    cols.extend(Quad::ALL.iter().map(|q| (q.as_str(), Kind::Int)));
    cols.extend([("score_sum", Kind::Float), ("score_mean", Kind::Float)]);
    let mut t = Table::new("timeline", &cols);
    for ((day, a, r), x) in acc {
        let mut row = vec![day.map_or(Value::Null, Value::Date), Value::Text(a), Value::Text(r), Value::Int(x.n)];
        row.extend(x.quads.iter().map(|&q| Value::Int(q)));
        row.push(Value::Float(x.sum));
        row.push(if x.scored > 0 { Value::Float(x.sum / x.scored as f64) } else { Value::Null });
        t.push(row);
    }
    Ok(t)
}

/// A stored figure with what aggregates need of its article.
#[derive(Debug, Clone)]
pub struct Fig {
    pub aid: i64,
    pub article: String,
    pub published: Option<Date>,
    pub day: Option<Date>,
    pub category: String,
    pub place: Option<String>,
    pub subject: Option<String>,
    /// Who says so; the article's source where the article states it itself.
    pub claimant: String,
    pub attributed: bool,
    pub value: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub qualifier: String,
    pub status: String,
    pub text: String,
    pub span: [i64; 2],
    pub sentence: String,
}

impl Fig {
    /// The value compared between claimants: the value, else a range's middle.
    pub fn amount(&self) -> Option<f64> {
        self.value.or(match (self.low, self.high) {
            (Some(l), Some(h)) => Some((l + h) / 2.0),
            (l, h) => l.or(h),
        })
    }

    /// The subject when it names a group a toll is kept for apart (children,
    /// soldiers...), else empty: "people", "Palestinians", "civilians" are one toll.
    pub fn subject_group(&self) -> String {
        let s = self.subject.as_deref().unwrap_or("").to_lowercase();
        SPECIFIC_SUBJECTS.iter().find(|k| s.contains(*k)).map_or(String::new(), |k| k.to_string())
    }
}

/// Subjects counted apart from a general toll.
const SPECIFIC_SUBJECTS: [&str; 14] = [
    "child",
    "women",
    "soldier",
    "troop",
    "journalist",
    "worker",
    "staff",
    "fighter",
    "militant",
    "police",
    "officer",
    "doctor",
    "medic",
    "prisoner",
];

/// Every stored figure passing the filter (`types` filters categories; `actors` claimants).
pub fn figures_in(conn: &Connection, filter: &Filter) -> Result<Vec<Fig>> {
    let mut stmt = conn.prepare(
        "SELECT f.aid, a.id, a.published, a.source, t.value, f.category, p.name, f.subject, f.claimant, f.value, f.low,
                f.high, f.qualifier, f.status, f.text, f.start, f.end,
                substr(a.text, f.sentence_start + 1, f.sentence_end - f.sentence_start)
         FROM figures f JOIN articles a ON a.aid = f.aid
         LEFT JOIN places p ON p.aid = f.aid AND p.pid = f.place
         LEFT JOIN times t ON t.aid = f.aid AND t.tid = f.time
         ORDER BY a.published, f.aid, f.start",
    )?;
    let mut rows = stmt.query([])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let published = r.get::<_, Option<String>>(2)?.as_deref().and_then(Date::parse);
        let source: Option<String> = r.get(3)?;
        let claimant: Option<String> = r.get(8)?;
        let f = Fig {
            aid: r.get(0)?,
            article: r.get(1)?,
            published,
            day: day_of(r.get::<_, Option<String>>(4)?.as_deref(), published),
            category: r.get(5)?,
            place: r.get(6)?,
            subject: r.get(7)?,
            attributed: claimant.is_some(),
            claimant: claimant.or(source).unwrap_or_else(|| "unattributed".into()),
            value: r.get(9)?,
            low: r.get(10)?,
            high: r.get(11)?,
            qualifier: r.get(12)?,
            status: r.get(13)?,
            text: r.get(14)?,
            span: [r.get(15)?, r.get(16)?],
            sentence: r.get(17)?,
        };
        let actor_ok = filter.actors.is_empty() || filter.actors.iter().any(|a| a.eq_ignore_ascii_case(&f.claimant));
        if filter.day(f.day) && filter.kind(&f.category) && filter.place(f.place.as_deref()) && actor_ok {
            out.push(f);
        }
    }
    Ok(out)
}

type SeriesKey = (String, String, String, String, Option<Date>);

/// Each claimant's latest reported value per day, per category, place and
/// subject; copies of a figure (syndication, repeats) are one row.
fn latest(figs: Vec<Fig>) -> BTreeMap<SeriesKey, Fig> {
    let mut out: BTreeMap<SeriesKey, Fig> = BTreeMap::new();
    for f in figs.into_iter().filter(|f| f.status == "reported") {
        let key =
            (f.category.clone(), f.place.clone().unwrap_or_default(), f.subject_group(), f.claimant.clone(), f.day);
        // Rows come in publication order: a later report replaces an earlier one.
        out.insert(key, f);
    }
    out
}

fn figure_cells(f: &Fig) -> Vec<Value> {
    vec![
        Value::float(f.amount()),
        Value::float(f.low),
        Value::float(f.high),
        Value::Text(f.qualifier.clone()),
        Value::Text(f.article.clone()),
        Value::Text(f.text.clone()),
        Value::Text(f.sentence.clone()),
    ]
}

/// Per category, place and subject: each claimant's latest value per day, with its evidence.
pub fn figures(conn: &Connection, filter: &Filter) -> Result<Table> {
    let mut t = Table::new(
        "figures",
        &[
            ("category", Kind::Text),
            ("place", Kind::Text),
            ("subject", Kind::Text),
            ("day", Kind::Date),
            ("claimant", Kind::Text),
            ("attributed", Kind::Bool),
            ("value", Kind::Float),
            ("low", Kind::Float),
            ("high", Kind::Float),
            ("qualifier", Kind::Text),
            ("article", Kind::Text),
            ("evidence", Kind::Text),
            ("sentence", Kind::Text),
        ],
    );
    for ((cat, place, subject, claimant, day), f) in latest(figures_in(conn, filter)?) {
        let mut row = vec![
            Value::Text(cat),
            Value::text((!place.is_empty()).then_some(place)),
            Value::text((!subject.is_empty()).then_some(subject)),
            day.map_or(Value::Null, Value::Date),
            Value::Text(claimant),
            Value::Bool(f.attributed),
        ];
        row.extend(figure_cells(&f));
        t.push(row);
    }
    Ok(t)
}

/// Claimants disagreeing: the same category, place and subject, values reported
/// at most `window` days apart, differing by more than 10% of the larger.
pub fn disagreements(conn: &Connection, filter: &Filter, window: i64) -> Result<Table> {
    let rows: Vec<Fig> = latest(figures_in(conn, filter)?).into_values().collect();
    let mut t = Table::new(
        "disagreements",
        &[
            ("category", Kind::Text),
            ("place", Kind::Text),
            ("subject", Kind::Text),
            ("claimant_a", Kind::Text),
            ("day_a", Kind::Date),
            ("value_a", Kind::Float),
            ("claimant_b", Kind::Text),
            ("day_b", Kind::Date),
            ("value_b", Kind::Float),
            ("difference", Kind::Float),
            ("evidence_a", Kind::Text),
            ("article_a", Kind::Text),
            ("evidence_b", Kind::Text),
            ("article_b", Kind::Text),
        ],
    );
    for (i, a) in rows.iter().enumerate() {
        for b in &rows[i + 1..] {
            let same = a.category == b.category && a.place == b.place && a.subject_group() == b.subject_group();
            if !same || a.claimant == b.claimant {
                continue;
            }
            let (Some(da), Some(db)) = (a.day, b.day) else { continue };
            if (da.to_days() - db.to_days()).abs() > window {
                continue;
            }
            let (Some(va), Some(vb)) = (a.amount(), b.amount()) else { continue };
            let diff = (va - vb).abs() / va.abs().max(vb.abs());
            if diff <= 0.10 {
                continue;
            }
            t.push(vec![
                Value::Text(a.category.clone()),
                Value::text(a.place.clone()),
                Value::text(Some(a.subject_group()).filter(|s| !s.is_empty())),
                Value::Text(a.claimant.clone()),
                Value::Date(da),
                Value::Float(va),
                Value::Text(b.claimant.clone()),
                Value::Date(db),
                Value::Float(vb),
                Value::Float((diff * 1000.0).round() / 10.0),
                Value::Text(a.text.clone()),
                Value::Text(a.article.clone()),
                Value::Text(b.text.clone()),
                Value::Text(b.article.clone()),
            ]);
        }
    }
    Ok(t)
}

/// The negotiation between two parties.
#[derive(Debug, Clone)]
pub struct Talks {
    /// Third parties: named as mediators of the parties' talks, or consulting
    /// both parties. With the number of events that show it.
    pub mediators: Vec<(String, usize)>,
    /// Meetings, demands, rejections, agreements, releases: in time order.
    pub lines: Table,
}

/// What a talks line is, from its event type and mode; `None`: not part of the talks view.
fn talks_kind(e: &Ev) -> Option<&'static str> {
    let mode = e.mode.as_deref().unwrap_or("");
    Some(match e.kind {
        EventType::Consult if mode == "third-party" => "mediated talks",
        EventType::Consult if mode == "phone" => "call",
        EventType::Consult => "meeting",
        EventType::Request => "demand",
        EventType::Reject => "rejection",
        EventType::Agree => "agreement",
        EventType::Concede => "concession",
        EventType::Retreat if mode == "release" => "release",
        EventType::Retreat if mode == "ceasefire" => "truce",
        EventType::Retreat => "withdrawal",
        _ => return None,
    })
}

/// The negotiation view between parties `a` and `b`. A demand by one party
/// carries its `answer`: "rejected DAY" or "answered DAY (agree|concede|retreat)"
/// for the other party's first later reply of that kind, else "open".
pub fn talks(conn: &Connection, a: &str, b: &str, filter: &Filter) -> Result<Talks> {
    let evs = once_per_cluster(events(conn, filter)?);
    let sides = Sides::load(conn)?;
    let party = |p: &Part| p.on_side(a, &sides) || p.on_side(b, &sides);
    // The parties' countries: a person or office of theirs is not a mediator.
    let mut home: BTreeSet<String> = BTreeSet::new();
    for e in &evs {
        for p in e.parts().filter(|p| party(p)) {
            home.extend(p.country.clone());
        }
    }
    let outsider = |p: &Part| !party(p) && p.name.is_some() && p.country.as_ref().is_none_or(|c| !home.contains(c));
    let mut named: BTreeMap<String, usize> = BTreeMap::new();
    let mut consulted: BTreeMap<String, (bool, bool, usize)> = BTreeMap::new();
    for e in evs.iter().filter(|e| e.kind == EventType::Consult && COUNTED.contains(&e.status.as_str())) {
        if e.mode.as_deref() == Some("third-party") && e.actors.iter().any(party) {
            for r in e.recipients.iter().filter(|p| outsider(p)) {
                *named.entry(sides.of(r)).or_default() += 1;
            }
        }
        for (side, other) in [(&e.actors, &e.recipients), (&e.recipients, &e.actors)] {
            for x in side.iter().filter(|p| outsider(p)) {
                let c = consulted.entry(sides.of(x)).or_default();
                c.0 |= other.iter().any(|p| p.on_side(a, &sides));
                c.1 |= other.iter().any(|p| p.on_side(b, &sides));
                c.2 += 1;
            }
        }
    }
    for (x, (with_a, with_b, n)) in consulted {
        if with_a && with_b {
            *named.entry(x).or_default() += n;
        }
    }
    let mut mediators: Vec<(String, usize)> = named.into_iter().collect();
    mediators.sort_by(|x, y| y.1.cmp(&x.1).then_with(|| x.0.cmp(&y.0)));

    let mut t = Table::new(
        "talks",
        &[
            ("day", Kind::Date),
            ("dated", Kind::Text),
            ("kind", Kind::Text),
            ("type", Kind::Text),
            ("actors", Kind::List),
            ("recipients", Kind::List),
            ("place", Kind::Text),
            ("status", Kind::Text),
            ("figures", Kind::List),
            ("answer", Kind::Text),
            ("article", Kind::Text),
            ("evidence", Kind::Text),
        ],
    );
    // Names as the articles give them; a country known only by its code by its name.
    let names =
        |v: &[Part]| Value::List(v.iter().map(|p| if p.name == p.country { sides.of(p) } else { p.label() }).collect());
    // The same measured act told again in another story ("a day after the rebels
    // freed 25 soldiers"): same kind, sides and figures within two days, one line.
    let mut told: Vec<(&str, Vec<String>, Vec<i64>, Date)> = Vec::new();
    // The party on the other side of a party's act.
    let other = |e: &Ev| -> Option<&str> {
        let by_a = e.actors.iter().any(|p| p.on_side(a, &sides));
        let by_b = e.actors.iter().any(|p| p.on_side(b, &sides));
        match (by_a, by_b) {
            (true, false) => Some(b),
            (false, true) => Some(a),
            _ => None,
        }
    };
    let acts = |e: &Ev, party_name: &str| e.actors.iter().any(|p| p.on_side(party_name, &sides));
    for e in evs.iter().filter(|e| e.parts().any(party)) {
        let Some(kind) = talks_kind(e) else { continue };
        let values: Vec<i64> = e.figure_values.iter().flatten().map(|v| *v as i64).collect();
        if let (Some(day), false) = (e.day, values.is_empty()) {
            let mut who: Vec<String> = e.actors.iter().map(|p| sides.of(p)).collect();
            who.sort();
            let again = told.iter().any(|(k, w, v, d)| {
                *k == kind && *w == who && *v == values && (d.to_days() - day.to_days()).abs() <= 2
            });
            if again {
                continue;
            }
            told.push((kind, who, values, day));
        }
        let ty = match &e.mode {
            Some(m) => format!("{}/{}", e.kind.as_str(), m),
            None => e.kind.as_str().to_string(),
        };
        // A demand is answered by the other side's first later rejection or
        // agreement (or concession, release, withdrawal); else it is open.
        let answer = match (kind, other(e)) {
            ("demand", Some(them)) => {
                // Later: a later day, or later in the same article.
                let reply = evs.iter().find(|x| {
                    (x.day > e.day || (x.day == e.day && x.aid == e.aid && x.sentence_span > e.sentence_span))
                        && (x.status == "occurred" || x.status == "ongoing" || x.kind == EventType::Reject)
                        && acts(x, them)
                        && !acts(x, if them == a { b } else { a })
                        && matches!(
                            x.kind,
                            EventType::Reject | EventType::Agree | EventType::Concede | EventType::Retreat
                        )
                });
                Value::Text(match reply {
                    Some(x) if x.kind == EventType::Reject => {
                        format!("rejected {}", x.day.map_or("-".into(), |d| d.to_string()))
                    }
                    Some(x) => format!(
                        "answered {} ({})",
                        x.day.map_or("-".into(), |d| d.to_string()),
                        x.kind.as_str().to_lowercase()
                    ),
                    None => "open".into(),
                })
            }
            _ => Value::Null,
        };
        // "exact": the text dates it; "approximate": the article's date stands in.
        t.push(vec![
            e.day.map_or(Value::Null, Value::Date),
            Value::Text(e.date_status.clone()),
            Value::Text(kind.into()),
            Value::Text(ty),
            names(&e.actors),
            names(&e.recipients),
            Value::text(e.place.clone()),
            Value::Text(e.status.clone()),
            Value::List(e.figures.clone()),
            answer,
            Value::Text(e.article.clone()),
            Value::Text(e.sentence.clone()),
        ]);
    }
    Ok(Talks { mediators, lines: t })
}
