//! The record: what the engine emits for one article (schema `dateline/1`,
//! documented field by field in the project's `SCHEMA.md`).
//!
//! Offsets are `[start, end)` in code points into `text`. A value the engine
//! could not resolve is `null`, with a reason where the schema has one.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize, Serializer};

use crate::doc::Doc;

/// The schema identifier every record carries.
pub const SCHEMA_ID: &str = "dateline/1";

/// `[start, end)` in code points into the record's `text`.
pub type Span = [usize; 2];

/// Everything extracted from one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(
    title = "dateline record",
    description = "What dateline extracts from one news article (schema dateline/1)."
)]
pub struct Record {
    /// Always `dateline/1`.
    pub schema: String,
    /// The article's id: given by the input, else a content hash.
    pub id: String,
    pub url: Option<String>,
    pub title: Option<String>,
    /// The outlet that published the article.
    pub source: Option<String>,
    /// Publication date (`YYYY-MM-DD`): the anchor for relative dates.
    pub published: Option<String>,
    /// The language the engine read the text as.
    pub language: String,
    /// The article body, unchanged: every offset indexes it.
    pub text: String,
    /// The sentences the engine split the text into, in order.
    #[serde(default)]
    pub sentences: Vec<Span>,
    pub entities: Vec<Entity>,
    pub places: Vec<Place>,
    pub times: Vec<Time>,
    pub quotes: Vec<Quote>,
    pub figures: Vec<Figure>,
    pub events: Vec<Event>,
}

impl Record {
    /// Builds the record from a fully annotated document.
    pub fn from_doc(doc: Doc) -> Record {
        let sentences = doc.sentences.iter().map(|s| s.chars()).collect();
        let times = doc
            .times
            .iter()
            .enumerate()
            .map(|(k, t)| Time {
                id: format!("T{}", k + 1),
                text: doc.text()[t.start as usize..t.end as usize].to_string(),
                span: doc.char_span(t.start as usize, t.end as usize),
                kind: t.kind,
                value: t.value.clone(),
                end: t.end_value.clone(),
                reason: t.reason.map(str::to_string),
            })
            .collect();
        let quotes = doc
            .quotes
            .iter()
            .enumerate()
            .map(|(k, q)| Quote {
                id: format!("Q{}", k + 1),
                text: match q.gap {
                    // The words on both sides of the attribution that interrupts them.
                    Some((g0, g1)) => format!(
                        "{} {}",
                        &doc.text()[q.start as usize..g0 as usize],
                        &doc.text()[g1 as usize..q.end as usize]
                    ),
                    None => doc.text()[q.start as usize..q.end as usize].to_string(),
                },
                span: doc.char_span(q.start as usize, q.end as usize),
                direct: q.direct,
                speaker: q.speaker.as_ref().map(|s| Speaker {
                    name: s.name.clone(),
                    entity: s.entity.map(|k| format!("E{}", k + 1)),
                    span: Some(doc.char_span(s.start as usize, s.end as usize)),
                }),
                cue: q.cue.clone(),
                channel: q.channel.clone(),
                sentence: doc.char_span(q.sent_start as usize, q.sent_end as usize),
            })
            .collect();
        let g = doc.gazetteer.clone();
        let g = &*g;
        let mut places: Vec<Place> = Vec::new();
        // One record place per gazetteer entry, and per facility name (a facility
        // takes the country and coordinates of the place that locates it).
        let mut place_of: std::collections::HashMap<(usize, &str), usize> = std::collections::HashMap::new();
        let mut place_index: Vec<usize> = Vec::with_capacity(doc.places.len());
        for p in &doc.places {
            let span = doc.char_span(p.start as usize, p.end as usize);
            let name = if p.facility { &doc.text()[p.start as usize..p.end as usize] } else { "" };
            // A facility named again where the text does not locate it (or first
            // did not) is the same facility: "Johnson Space Center in Houston ...
            // the Johnson Space Center".
            let nowhere = crate::gazetteer::NOWHERE;
            let same_facility = || {
                if !p.facility {
                    return None;
                }
                // (The first such place, whatever the map's order.)
                place_of
                    .iter()
                    .filter_map(|(&(e, n), &k)| (n == name && (e == nowhere || p.entry == nowhere)).then_some(k))
                    .min()
            };
            let k = match place_of.get(&(p.entry, name)).copied().or_else(same_facility) {
                Some(k) => {
                    places[k].mentions.push(span);
                    if places[k].lat.is_none() && p.entry != nowhere {
                        let e = &g.entries[p.entry];
                        places[k].country = (!e.country.is_empty()).then(|| e.country.clone());
                        (places[k].lat, places[k].lon) = (e.lat, e.lon);
                        place_of.insert((p.entry, name), k);
                    }
                    k
                }
                None => {
                    let e = &g.entries[p.entry];
                    place_of.insert((p.entry, name), places.len());
                    places.push(Place {
                        id: format!("P{}", places.len() + 1),
                        name: if p.facility { name.to_string() } else { e.name.clone() },
                        feature: if p.facility { PlaceFeature::Other } else { e.feature },
                        country: (!e.country.is_empty()).then(|| e.country.clone()),
                        lat: e.lat,
                        lon: e.lon,
                        geonames_id: if p.facility { None } else { e.geonames_id },
                        mentions: vec![span],
                    });
                    places.len() - 1
                }
            };
            place_index.push(k);
        }
        // Each figure measures at most one event of its sentence: of those that
        // measure its kind, the one whose trigger is nearest before it, else
        // nearest after ("Israel released 240 prisoners and Hamas freed 100
        // captives": 240 is Israel's release, 100 Hamas's).
        let measured_by: Vec<Option<usize>> = doc
            .figures
            .iter()
            .map(|f| {
                doc.events
                    .iter()
                    .enumerate()
                    .filter(|(_, ev)| f.sentence == ev.sentence && crate::stages::events::measures(ev, f.category))
                    .min_by_key(|(_, ev)| {
                        let t = ev.trigger.0 as i64;
                        (t > f.start as i64, (f.start as i64 - t).abs())
                    })
                    .map(|(k, _)| k)
            })
            .collect();
        let figures = doc
            .figures
            .iter()
            .enumerate()
            .map(|(k, f)| Figure {
                id: format!("F{}", k + 1),
                text: doc.text()[f.start as usize..f.end as usize].to_string(),
                span: doc.char_span(f.start as usize, f.end as usize),
                value: f.value,
                low: f.low,
                high: f.high,
                qualifier: f.qualifier,
                category: f.category,
                subject: f.subject.clone(),
                place: f.place.map(|k| format!("P{}", place_index[k] + 1)),
                date: f.time.map(|t| format!("T{}", t + 1)),
                claimant: f
                    .claimant
                    .as_ref()
                    .map(|c| Claimant { name: c.clone(), entity: f.claimant_entity.map(|k| format!("E{}", k + 1)) }),
                status: f.status,
                event: measured_by[k].map(|v| format!("V{}", v + 1)),
                sentence: doc.sentences[f.sentence as usize].chars(),
            })
            .collect();
        let entities = doc
            .entities
            .iter()
            .enumerate()
            .map(|(k, e)| Entity {
                id: format!("E{}", k + 1),
                name: (!e.unnamed).then(|| e.name.clone()),
                kind: e.kind,
                country: e.country.clone(),
                sector: e.sector.clone(),
                roles: e.roles.clone(),
                affiliation: e.affiliation.map(|a| format!("E{}", a + 1)),
                kb: e.kb.as_ref().map(|n| BTreeMap::from([("dateline".to_string(), n.clone())])),
                mentions: e.mentions.iter().map(|&(a, b)| doc.char_span(a as usize, b as usize)).collect(),
            })
            .collect();
        let participant = |k: usize| {
            let e = &doc.entities[k];
            Participant {
                name: Some(e.name.clone()),
                entity: Some(format!("E{}", k + 1)),
                country: e.country.clone(),
                sector: e.sector.clone(),
            }
        };
        let events = doc
            .events
            .iter()
            .enumerate()
            .map(|(k, ev)| {
                let time = ev.time.map(|t| &doc.times[t]);
                let sentence = &doc.sentences[ev.sentence as usize];
                // Figures in the same sentence that measure this kind of event.
                let figures = doc
                    .figures
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| measured_by[*i] == Some(k))
                    .map(|(i, _)| format!("F{}", i + 1))
                    .collect();
                Event {
                    id: format!("V{}", k + 1),
                    kind: ev.kind,
                    mode: ev.mode.map(str::to_string),
                    cameo: ev.cameo.map(str::to_string),
                    score: ev.score,
                    actor: if ev.actors.is_empty() {
                        ev.actor_text
                            .map(|(s0, s1)| Participant {
                                name: Some(doc.text()[s0 as usize..s1 as usize].to_string()),
                                entity: None,
                                country: ev.actor_text_body.as_ref().map(|b| b.0.clone()),
                                sector: ev.actor_text_body.as_ref().and_then(|b| b.1.map(str::to_string)),
                            })
                            .into_iter()
                            .collect()
                    } else {
                        ev.actors
                            .iter()
                            .zip(ev.actor_phrases.iter().chain(std::iter::repeat(&None)))
                            .map(|(&a, phrase)| {
                                let mut p = participant(a);
                                if let Some((s0, s1, sector)) = phrase {
                                    p.name = Some(doc.text()[*s0 as usize..*s1 as usize].to_string());
                                    p.sector = sector.map(str::to_string).or(p.sector);
                                }
                                p
                            })
                            .collect()
                    },
                    recipient: ev
                        .recipients
                        .iter()
                        .map(|r| match r {
                            crate::stages::events::Participant::Entity(e) => participant(*e),
                            crate::stages::events::Participant::Country { name, iso3 } => Participant {
                                name: Some(name.clone()),
                                entity: None,
                                country: Some(iso3.clone()),
                                sector: None,
                            },
                            // "two British soldiers": the country a nationality names.
                            crate::stages::events::Participant::Text { start, end } => Participant {
                                name: Some(doc.text()[*start as usize..*end as usize].to_string()),
                                entity: None,
                                country: doc
                                    .entities
                                    .iter()
                                    .find(|e| {
                                        e.kind == EntityType::Country
                                            && e.mentions.iter().any(|&(a, b)| *start <= a && b <= *end)
                                    })
                                    .and_then(|e| e.country.clone()),
                                sector: None,
                            },
                            crate::stages::events::Participant::Place(p) => {
                                let e = &g.entries[doc.places[*p].entry];
                                Participant {
                                    name: Some(places[place_index[*p]].name.clone()),
                                    entity: None,
                                    country: (!e.country.is_empty()).then(|| e.country.clone()),
                                    sector: None,
                                }
                            }
                        })
                        .collect(),
                    date: match time {
                        Some(t) => EventDate {
                            value: t.value.clone(),
                            time: ev.time.map(|i| format!("T{}", i + 1)),
                            status: if t.value.as_ref().is_some_and(|v| v.len() == 10) {
                                DateStatus::Exact
                            } else {
                                DateStatus::Approximate
                            },
                        },
                        None => EventDate {
                            value: doc.published().map(|d| d.to_string()),
                            time: None,
                            status: if doc.published().is_some() {
                                DateStatus::Approximate
                            } else {
                                DateStatus::Unresolved
                            },
                        },
                    },
                    place: ev.place.map(|p| format!("P{}", place_index[p] + 1)),
                    status: ev.status,
                    claimant: ev
                        .quote
                        .and_then(|q| doc.quotes[q].speaker.as_ref())
                        .map(|s| Claimant { name: s.name.clone(), entity: s.entity.map(|k| format!("E{}", k + 1)) }),
                    figures,
                    sentence: sentence.chars(),
                    trigger: doc.char_span(ev.trigger.0 as usize, ev.trigger.1 as usize),
                    evidence: std::iter::once(ev.sentence)
                        .chain(ev.retold.iter().copied())
                        .map(|k| doc.sentences[k as usize].chars())
                        .collect(),
                }
            })
            .collect();
        let a = doc.article;
        Record {
            schema: SCHEMA_ID.to_string(),
            id: a.id,
            url: a.url,
            title: a.title,
            source: a.source,
            published: a.published.map(|d| d.to_string()),
            language: "en".to_string(),
            text: a.body,
            sentences,
            entities,
            places,
            times,
            quotes,
            figures,
            events,
        }
    }

    /// The JSON Schema of a record.
    pub fn json_schema() -> serde_json::Value {
        serde_json::to_value(schemars::schema_for!(Record)).unwrap_or_default()
    }
}

/// A person, organization, group, outlet or country the article names or describes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Entity {
    /// `E1`, `E2`, ...
    pub id: String,
    /// Canonical name; null for an unnamed role holder ("Cairo's spy chief").
    pub name: Option<String>,
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// ISO 3166-1 alpha-3, or a CAMEO code for international bodies.
    pub country: Option<String>,
    /// CAMEO/PLOVER sector: GOV, MIL, REB, OPP, MED, IGO, NGO, CVL, BUS, ...
    pub sector: Option<String>,
    pub roles: Vec<String>,
    /// Id of the organization or country the role belongs to.
    pub affiliation: Option<String>,
    /// Knowledge-base ids, only where the engine's dictionary knows them.
    pub kb: Option<BTreeMap<String, String>>,
    pub mentions: Vec<Span>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum EntityType {
    Person,
    Organization,
    Country,
    Group,
    Media,
    Other,
}

/// A place the article names, resolved to coordinates where possible.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Place {
    /// `P1`, `P2`, ...
    pub id: String,
    pub name: String,
    pub feature: PlaceFeature,
    pub country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub geonames_id: Option<u64>,
    pub mentions: Vec<Span>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum PlaceFeature {
    City,
    Country,
    Region,
    Other,
}

/// A time expression, normalized to a TIMEX3 value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Time {
    /// `T1`, `T2`, ...
    pub id: String,
    pub text: String,
    pub span: Span,
    #[serde(rename = "type")]
    pub kind: TimeType,
    /// TIMEX3 value (`2023-12-19`, `2023-12-19TNI`, `P10W`, `PAST_REF`); null when unresolved.
    pub value: Option<String>,
    /// End of a range ("from November 24 to December 1").
    pub end: Option<String>,
    /// Why `value` is null.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimeType {
    Date,
    Time,
    Duration,
    Set,
}

/// A quotation, direct or reported, with its speaker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Quote {
    /// `Q1`, `Q2`, ...
    pub id: String,
    /// The words quoted or reported. A quote its attribution interrupts
    /// (“We will stay,” she said, “until the road opens.”) gives both parts
    /// joined by a space; `span` then runs from the first to the last.
    pub text: String,
    pub span: Span,
    /// True inside quotation marks; false for reported speech.
    pub direct: bool,
    pub speaker: Option<Speaker>,
    /// The reporting verb or phrase.
    pub cue: Option<String>,
    /// The medium the words reached the press through ("AFP").
    pub channel: Option<String>,
    pub sentence: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Speaker {
    /// Who speaks: the known entity's name where the speaker is one ("Pence
    /// said" → "Mike Pence"), the person a pronoun stands for ("he said" →
    /// "Ghazi Hamad"), else as the article names the speaker ("a Hamas source").
    /// `span` keeps the mention as written.
    pub name: String,
    /// Entity id, where the speaker is a known entity.
    pub entity: Option<String>,
    /// The mention that names or refers to the speaker.
    pub span: Option<Span>,
}

/// A count the article reports (killed, displaced, captives, aid ...), with who claims it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Figure {
    /// `F1`, `F2`, ...
    pub id: String,
    pub text: String,
    pub span: Span,
    #[serde(serialize_with = "ser_number")]
    pub value: Option<f64>,
    #[serde(serialize_with = "ser_number")]
    pub low: Option<f64>,
    #[serde(serialize_with = "ser_number")]
    pub high: Option<f64>,
    pub qualifier: Qualifier,
    pub category: FigureCategory,
    /// Who or what is counted: "children", "Palestinian prisoners", "trucks".
    pub subject: Option<String>,
    /// Place id.
    pub place: Option<String>,
    /// Time id.
    pub date: Option<String>,
    /// Who says so; null where the article states it as its own fact.
    pub claimant: Option<Claimant>,
    pub status: FigureStatus,
    /// Id of the event this figure measures.
    #[serde(default)]
    pub event: Option<String>,
    pub sentence: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    Exact,
    Approx,
    AtLeast,
    AtMost,
    Range,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FigureCategory {
    Killed,
    Injured,
    Missing,
    Displaced,
    CaptivesTaken,
    CaptivesHeld,
    CaptivesReleased,
    PrisonersHeld,
    PrisonersReleased,
    Detained,
    Aid,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FigureStatus {
    Reported,
    Proposed,
    Demanded,
    Projected,
}

/// Who a figure or event is attributed to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Claimant {
    pub name: String,
    pub entity: Option<String>,
}

/// A coded event: who did what to whom, where, when, and whether it happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Event {
    /// `V1`, `V2`, ...
    pub id: String,
    #[serde(rename = "type")]
    pub kind: EventType,
    /// PLOVER mode.
    pub mode: Option<String>,
    /// Closest CAMEO code.
    pub cameo: Option<String>,
    /// PLOVER conflict-cooperation score.
    pub score: Option<f64>,
    pub actor: Vec<Participant>,
    pub recipient: Vec<Participant>,
    pub date: EventDate,
    /// Place id.
    pub place: Option<String>,
    pub status: EventStatus,
    pub claimant: Option<Claimant>,
    /// Ids of figures that measure this event.
    pub figures: Vec<String>,
    pub sentence: Span,
    /// The words that carry the action.
    pub trigger: Span,
    /// Every sentence that tells this event: its own first, then each one that
    /// tells it again (duplicates within the article merge into one event).
    #[serde(default)]
    pub evidence: Vec<Span>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "UPPERCASE")]
pub enum EventType {
    Agree,
    Consult,
    Support,
    Concede,
    Cooperate,
    Aid,
    Retreat,
    Request,
    Accuse,
    Reject,
    Threaten,
    Protest,
    Sanction,
    Mobilize,
    Coerce,
    Assault,
}

impl EventType {
    /// Every type, in PLOVER's order (cooperation first, then conflict).
    pub const ALL: [EventType; 16] = [
        EventType::Agree,
        EventType::Consult,
        EventType::Support,
        EventType::Concede,
        EventType::Cooperate,
        EventType::Aid,
        EventType::Retreat,
        EventType::Request,
        EventType::Accuse,
        EventType::Reject,
        EventType::Threaten,
        EventType::Protest,
        EventType::Sanction,
        EventType::Mobilize,
        EventType::Coerce,
        EventType::Assault,
    ];

    /// The name as written in records (`CONSULT`).
    pub fn as_str(self) -> &'static str {
        const NAMES: [&str; 16] = [
            "AGREE",
            "CONSULT",
            "SUPPORT",
            "CONCEDE",
            "COOPERATE",
            "AID",
            "RETREAT",
            "REQUEST",
            "ACCUSE",
            "REJECT",
            "THREATEN",
            "PROTEST",
            "SANCTION",
            "MOBILIZE",
            "COERCE",
            "ASSAULT",
        ];
        NAMES[self as usize]
    }

    /// The type a record's name stands for (case-insensitive).
    pub fn parse(s: &str) -> Option<EventType> {
        EventType::ALL.into_iter().find(|t| t.as_str().eq_ignore_ascii_case(s))
    }

    /// PLOVER's quad class: the first four types are verbal cooperation, the next
    /// three material cooperation, then four of verbal and five of material conflict.
    pub fn quad(self) -> Quad {
        match self as usize {
            0..=3 => Quad::VerbalCooperation,
            4..=6 => Quad::MaterialCooperation,
            7..=10 => Quad::VerbalConflict,
            _ => Quad::MaterialConflict,
        }
    }
}

/// PLOVER's four quad classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Quad {
    VerbalCooperation,
    MaterialCooperation,
    VerbalConflict,
    MaterialConflict,
}

impl Quad {
    pub const ALL: [Quad; 4] =
        [Quad::VerbalCooperation, Quad::MaterialCooperation, Quad::VerbalConflict, Quad::MaterialConflict];

    /// Short column name: `verbal_coop`, `material_coop`, `verbal_conflict`, `material_conflict`.
    pub fn as_str(self) -> &'static str {
        ["verbal_coop", "material_coop", "verbal_conflict", "material_conflict"][self as usize]
    }
}

/// An actor or recipient of an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Participant {
    pub name: Option<String>,
    pub entity: Option<String>,
    pub country: Option<String>,
    pub sector: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct EventDate {
    pub value: Option<String>,
    /// Time id the date comes from.
    pub time: Option<String>,
    pub status: DateStatus,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum DateStatus {
    Exact,
    Approximate,
    Range,
    Unresolved,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum EventStatus {
    Occurred,
    Ongoing,
    Planned,
    Conditional,
    Refused,
    Negated,
    Hypothetical,
}

/// Writes whole numbers as JSON integers (`20000`, not `20000.0`).
fn ser_number<S: Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match *v {
        Some(x) if x.fract() == 0.0 && x.abs() < 9.0e15 => s.serialize_i64(x as i64),
        Some(x) => s.serialize_f64(x),
        None => s.serialize_none(),
    }
}
