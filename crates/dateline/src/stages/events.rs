//! Stage `events`: PLOVER/CAMEO-coded events with actor, recipient, status,
//! date, place and claimant.
//!
//! Reads every earlier layer. Triggers and how to read their participants come
//! from `data/events/triggers.tsv` (users add their own: [`Events::with_triggers`]);
//! types, modes, CAMEO codes and scores from `data/events/plover.tsv`. The actor
//! is the subject of the trigger's clause: the nearest entity before it (one not
//! behind a preposition first), an unnamed body or group as written, the
//! speaker when a pronoun opens what the `quotes` layer says they report, the
//! person or body "he" or "they" stands for; a passive's subject is its
//! recipient and its agent follows "by". The recipient is the first entity,
//! place or unnamed group after the trigger. Status comes from the words around
//! the trigger ("will", "planned to", "will not", "continued to", "only if",
//! "could"); a refused release or agreement is a REJECT, a commitment an AGREE.
//! What is demanded, threatened, condemned, denied, weighed or named as a cause,
//! a time or a condition is no event of its own. A sentence with no trigger
//! yields nothing: there is no fallback event. The same event told again merges,
//! keeping each sentence that tells it.

use std::sync::LazyLock;

use crate::doc::Doc;
use crate::lexicon::{data_lines, FastMap};
use crate::pipeline::Stage;
use crate::record::{EventStatus, EventType};
use crate::stages::tokens::TokenKind;

/// An event in the `events` layer. Offsets are bytes into the text.
#[derive(Debug, Clone, PartialEq)]
pub struct EventAnn {
    pub kind: EventType,
    pub mode: Option<&'static str>,
    pub cameo: Option<&'static str>,
    pub score: Option<f64>,
    /// Indices into the `entities` layer.
    pub actors: Vec<usize>,
    /// For each actor, the phrase that names it in the clause where it is a
    /// nationality and a body ("Rwandan rebels", "Israeli officials"): its byte
    /// span and the sector the body's noun gives.
    pub actor_phrases: Vec<Option<(u32, u32, Option<&'static str>)>>,
    /// Where no named actor acts, the clause's subject as written ("Teachers",
    /// "Nearly 70 countries"): its byte span.
    pub actor_text: Option<(u32, u32)>,
    /// When that subject is a state's body the text does not place ("the
    /// security forces", "officials"): the country the article is about (the one
    /// it names most) and the body's sector.
    pub actor_text_body: Option<(String, Option<&'static str>)>,
    pub recipients: Vec<Participant>,
    pub status: EventStatus,
    /// Index into the `times` layer.
    pub time: Option<usize>,
    /// Index into the `places` layer.
    pub place: Option<usize>,
    /// Index into the `quotes` layer of the quote that reports it.
    pub quote: Option<usize>,
    pub trigger: (u32, u32),
    pub sentence: u32,
    /// Other sentences that tell the same event (merged duplicates), in order.
    pub retold: Vec<u32>,
}

/// A recipient: an entity, a country known only through a place, or a place
/// (the target of an attack or a protest: "shelled Juba", "rioted in Dili").
#[derive(Debug, Clone, PartialEq)]
pub enum Participant {
    Entity(usize),
    Country {
        name: String,
        iso3: String,
    },
    /// Index into the `places` layer.
    Place(usize),
    /// People the text names without a name ("captives' families"): a byte span.
    Text {
        start: u32,
        end: u32,
    },
}

/// The `events` stage: the built-in triggers, and any of the user's.
#[derive(Default, Clone)]
pub struct Events {
    lexicon: Option<std::sync::Arc<Lexicon>>,
}

impl std::fmt::Debug for Events {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Events").field("user_triggers", &self.lexicon.is_some()).finish()
    }
}

impl Events {
    /// The stage with the user's trigger files added to the built-in ones
    /// (`(name, text)` pairs in the format of `data/events/triggers.tsv`; a
    /// longer phrase still wins over a shorter one opening the same). A malformed
    /// line is an error naming the file and line.
    pub fn with_triggers(files: &[(String, String)]) -> Result<Events, String> {
        if files.is_empty() {
            return Ok(Events::default());
        }
        let mut by_first = Triggers::default();
        read_triggers("triggers.tsv", BUILTIN_TRIGGERS, false, &mut by_first)?;
        for (name, text) in files {
            read_triggers(name, text, true, &mut by_first)?;
        }
        Ok(Events { lexicon: Some(std::sync::Arc::new(Lexicon { by_first, codes: plover_codes() })) })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Recip {
    Obj,
    With,
    Place,
    By,
    /// "X must …", said Y: the subject is the recipient, the reporter the actor.
    Subject,
    /// The subject hosts the one named after the trigger, who is the actor
    /// (the visitor) of a CONSULT visit.
    Host,
    /// The first actor after "against", "over" or "on" later in the sentence
    /// ("pledged to continue the offensive until victory over Hamas").
    Against,
    None,
}

struct Trigger {
    words: Vec<String>,
    kind: EventType,
    mode: Option<&'static str>,
    recip: Recip,
    needs: Vec<String>,
}

/// Triggers by their first word.
type Triggers = FastMap<String, Vec<Trigger>>;

struct Lexicon {
    by_first: Triggers,
    /// (type, mode) → (cameo, score)
    codes: Vec<(EventType, Option<&'static str>, &'static str, f64)>,
}

/// Reads trigger lines (the format of `data/events/triggers.tsv`) into `into`.
/// `strict` (users' files) reports a malformed line by file and line number;
/// our own file is checked by a test instead.
fn read_triggers(name: &str, src: &str, strict: bool, into: &mut Triggers) -> Result<(), String> {
    for (n, raw) in src.lines().enumerate() {
        let line = raw.split('#').next().unwrap_or("").trim_end();
        if line.trim().is_empty() {
            continue;
        }
        let at = format!("{name}:{}", n + 1);
        let c: Vec<&str> = line.split('\t').collect();
        let fail = |why: String| if strict { Err(format!("{at}: {why}")) } else { Ok(()) };
        if c.len() < 4 {
            fail("expected words, type, mode, recipient[, needs] separated by tabs".into())?;
            continue;
        }
        let Some(kind) = EventType::parse(c[1].trim()) else {
            fail(format!("type '{}' is not a PLOVER event type", c[1].trim()))?;
            continue;
        };
        let recip = match c[3].trim() {
            "obj" => Recip::Obj,
            "with" => Recip::With,
            "place" => Recip::Place,
            "by" => Recip::By,
            "subj" => Recip::Subject,
            "against" => Recip::Against,
            "host" => Recip::Host,
            "none" => Recip::None,
            other => {
                fail(format!("recipient '{other}' is not obj, with, place, by, subj, against, host or none"))?;
                Recip::None
            }
        };
        // A mode is one the engine knows: in data/events/plover.tsv or used by
        // its own triggers.
        let mode = match c[2].trim() {
            "-" | "" => None,
            m => match MODES.iter().find(|&&known| known == m) {
                Some(&known) => Some(known),
                None => {
                    fail(format!("mode '{m}' is not one of {}", MODES.join(", ")))?;
                    continue;
                }
            },
        };
        let needs: Vec<String> = c
            .get(4)
            .map_or(Vec::new(), |n| n.split('|').map(|w| w.trim().to_lowercase()).filter(|s| !s.is_empty()).collect());
        // "accuse|accuses|accused": one line for every form of a word.
        for form in c[0].split('|').map(str::trim).filter(|f| !f.is_empty()) {
            let words: Vec<String> = form.split_whitespace().map(str::to_lowercase).collect();
            let t = Trigger { words, kind, mode, recip, needs: needs.clone() };
            into.entry(t.words[0].clone()).or_default().push(t);
        }
    }
    for v in into.values_mut() {
        v.sort_by_key(|t| std::cmp::Reverse(t.words.len()));
    }
    Ok(())
}

fn plover_codes() -> Vec<(EventType, Option<&'static str>, &'static str, f64)> {
    let mut codes = Vec::new();
    for line in data_lines(include_str!("../../data/events/plover.tsv")) {
        let c: Vec<&str> = line.split('\t').collect();
        if c.len() < 4 {
            continue;
        }
        let Some(kind) = EventType::parse(c[0]) else { continue };
        codes.push((kind, (c[1] != "-").then_some(c[1]), c[2], c[3].trim().parse().unwrap_or(0.0)));
    }
    codes
}

const BUILTIN_TRIGGERS: &str = include_str!("../../data/events/triggers.tsv");

/// Every mode the engine knows: those of `plover.tsv` and of its own triggers.
static MODES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let plover = data_lines(include_str!("../../data/events/plover.tsv")).filter_map(|l| l.split('\t').nth(1));
    let ours = data_lines(BUILTIN_TRIGGERS).filter_map(|l| l.split('\t').nth(2));
    let mut v: Vec<&'static str> = plover.chain(ours).map(str::trim).filter(|m| !m.is_empty() && *m != "-").collect();
    v.sort_unstable();
    v.dedup();
    v
});

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let codes = plover_codes();
    let mut by_first = Triggers::default();
    let _ = read_triggers("triggers.tsv", BUILTIN_TRIGGERS, false, &mut by_first);
    Lexicon { by_first, codes }
});

/// The CAMEO code and PLOVER score of a type and mode (the type's own where the
/// mode has none).
pub fn codes(kind: EventType, mode: Option<&str>) -> Option<(&'static str, f64)> {
    let l = &*LEXICON;
    l.codes
        .iter()
        .find(|c| c.0 == kind && c.1 == mode)
        .or_else(|| l.codes.iter().find(|c| c.0 == kind && c.1.is_none()))
        .map(|c| (c.2, c.3))
}

impl Stage for Events {
    fn name(&self) -> &'static str {
        "events"
    }
    fn annotate(&self, doc: &mut Doc) {
        doc.events = find(doc, self.lexicon.as_deref().unwrap_or(&LEXICON));
    }
}

fn find(doc: &Doc, lex: &Lexicon) -> Vec<EventAnn> {
    let text = doc.text();
    let lower = doc.lower();
    let toks = &doc.tokens;
    let lw = |i: usize| toks.get(i).map_or("", |t| t.text(lower));
    // Which entity each token belongs to.
    let mut ent_of: Vec<Option<usize>> = vec![None; toks.len()];
    for (k, e) in doc.entities.iter().enumerate() {
        for &(a, b) in &e.mentions {
            ent_of[doc.token_range(a, b)].fill(Some(k));
        }
    }
    let g = doc.gazetteer.clone();
    let g = &*g;
    // The country the article names most: "the security forces" with no country
    // named are its forces.
    let home = doc
        .entities
        .iter()
        .filter(|e| e.kind == crate::record::EntityType::Country)
        .max_by_key(|e| (e.mentions.len(), std::cmp::Reverse(e.mentions.first().map_or(u32::MAX, |m| m.0))))
        .and_then(|e| e.country.clone());
    let mut out: Vec<EventAnn> = Vec::new();
    for (si, s) in doc.sentences.iter().enumerate() {
        let (a, b) = (s.first as usize, s.last as usize);
        let mut i = a;
        while i < b {
            if toks[i].kind != TokenKind::Word {
                i += 1;
                continue;
            }
            let Some(list) = lex.by_first.get(lw(i)) else {
                i += 1;
                continue;
            };
            let found = list.iter().find(|t| {
                i + t.words.len() <= b
                    && t.words.iter().enumerate().all(|(k, w)| lw(i + k) == w)
                    && (t.needs.is_empty() || (i + 1..(i + 11).min(b)).any(|k| t.needs.iter().any(|n| n == lw(k))))
            });
            let Some(tr) = found else {
                i += 1;
                continue;
            };
            let end = i + tr.words.len();
            // What someone demands, lifts or halts ("demanded the release of 300
            // prisoners", "lifted long-standing sanctions", "urged Israel to halt the
            // bombardment") is the content of that act, not an event of its own.
            // What one is accused of ("accused the rebels of violating the ceasefire")
            // is the charge, not an event the text reports.
            let charged = i > a
                && matches!(lw(i - 1), "of" | "for")
                && (i.saturating_sub(8).max(a)..i).any(|k| {
                    matches!(lw(k), "accused" | "accuses" | "accusing" | "accuse" | "blamed" | "blames" | "blaming")
                });
            // What is condemned, denied or investigated ("condemned the terrorist
            // attack on a church", "refuted comments on the killing of farmers") is
            // the object of that judgement.
            let judged =
                (i.saturating_sub(5).max(a)..i).rev().find(|&k| JUDGE_WORDS.contains(&lw(k))).is_some_and(|k| {
                    (k + 1..i).all(|j| {
                        !matches!(lw(j), "," | ";" | "and" | "but" | "after" | "as" | "while" | "which" | "that")
                    })
                });
            // What is denied is no report of it ("denied charges he ran a hit squad
            // that killed officials").
            let denied = (a..i).any(|k| {
                matches!(lw(k), "denied" | "denies" | "deny" | "rejected" | "rejects" | "dismissed" | "refuted")
                    && (k + 1..(k + 4).min(i)).any(|j| {
                        matches!(
                            lw(j),
                            "charges" | "accusations" | "allegations" | "claims" | "reports" | "suggestions"
                        )
                    })
            });
            // An event named as the time of another ("condolences after the attack
            // in Kabul", "following Wednesday's assault"): background.
            // (A clause is no time: "a day after the rebels freed 25 soldiers".)
            let past_verb = lw(i).ends_with("ed")
                || matches!(
                    lw(i),
                    "struck" | "shot" | "fought" | "took" | "hit" | "beat" | "sent" | "gave" | "held" | "met"
                );
            let cause = !past_verb
                && (i.saturating_sub(5).max(a)..i).any(|k| {
                    matches!(lw(k), "amid" | "retaliation" | "response")
                        || (lw(k) == "because" && lw(k + 1) == "of")
                        || (lw(k) == "due" && lw(k + 1) == "to")
                });
            let as_time = !past_verb
                && (i.saturating_sub(4).max(a)..i).any(|k| {
                    matches!(lw(k), "after" | "following")
                        && (k + 1..i)
                            .any(|j| matches!(lw(j), "the" | "a" | "an" | "this" | "its" | "their" | "'s" | "’s"))
                });
            // Weighing an act is no act yet ("is considering sending aid").
            let weighed = (i.saturating_sub(3).max(a)..i)
                .any(|k| matches!(lw(k), "considering" | "mulling" | "weighing" | "contemplating" | "studying"));
            // What a protest or a refusal calls for ("demonstrated …, calling for
            // independence", "rejected the proposal, urging …") is its aim, not
            // another act; nor is a "press release".
            let aim = tr.kind == EventType::Request
                && lw(i).ends_with("ing")
                && out.iter().any(|o| o.sentence as usize == si && o.kind != EventType::Request);
            let press = matches!(lw(i), "release" | "releases") && i > a && matches!(lw(i - 1), "press" | "news");
            if aim || press {
                i = end;
                continue;
            }
            // The condition of an act told before it ("will launch an offensive unless
            // Baghdad accepted its conditions") is no event of its own.
            let condition = out.iter().any(|o| o.sentence as usize == si)
                && (a..i).rev().take_while(|&k| !matches!(lw(k), ";" | ".")).any(|k| matches!(lw(k), "unless" | "if"));
            if weighed || condition {
                i = end;
                continue;
            }
            // "reiterated its demand today that Israel ease restrictions", "urged the
            // rebels to free": what is asked, in its own clause; "Iraq must cooperate":
            // an obligation, not an act.
            let asked = (i.saturating_sub(12).max(a)..i).any(|k| {
                DEMAND_WORDS.contains(&lw(k))
                    && (k + 1..i).any(|j| matches!(lw(j), "that" | "to"))
                    && !(k + 1..i).any(|j| matches!(lw(j), "," | ";" | "and" | "but"))
            }) || (i.saturating_sub(2).max(a)..i).any(|k| matches!(lw(k), "must" | "should"));
            let content = charged
                || judged
                || denied
                || as_time
                || cause
                || asked
                || (i.saturating_sub(3).max(a)..i).any(|k| DEMAND_WORDS.contains(&lw(k)))
                || (i > a && matches!(lw(i - 1), "the" | "a" | "an") && {
                    (i.saturating_sub(3).max(a)..i).any(|k| CONTENT_WORDS.contains(&lw(k)))
                });
            // A passive in a relative clause is background ("a detainee who had been
            // jailed for links to …").
            let background = (i.saturating_sub(3).max(a)..i).any(|k| matches!(lw(k), "who" | "which" | "whom"))
                && (i.saturating_sub(2).max(a)..i).any(|k| matches!(lw(k), "been" | "was" | "were"));
            // ... except a concession sought from someone: "pursuing a deal to secure
            // the release by Hamas of women and children" asks Hamas to yield.
            let secured = content
                && matches!(tr.kind, EventType::Retreat | EventType::Concede)
                && (i.saturating_sub(3).max(a)..i).any(|k| matches!(lw(k), "secure" | "securing" | "win" | "obtain"));
            if tr.kind != EventType::Request && (content || background) && !secured {
                i = end;
                continue;
            }
            // "an assault … that killed around 1,200 people": the relative clause
            // tells the event already found, not another one.
            let relative =
                (i.saturating_sub(3).max(a)..i).rev().find(|&k| matches!(lw(k), "that" | "which")).is_some_and(|k| {
                    (k + 1..i).all(|j| {
                        matches!(lw(j), "has" | "have" | "had" | "also" | "reportedly" | "allegedly" | "later" | "then")
                    })
                });
            // ("the bombardment, which after 10 weeks of attacks has killed …")
            let far_which = (i.saturating_sub(10).max(a)..i)
                .rev()
                .take_while(|&k| !matches!(lw(k), "," | ";"))
                .any(|k| matches!(lw(k), "which" | "where"));
            // "staged a hunger strike … to protest", "demonstrated … during
            // demonstrations": the same act named again for its purpose.
            // ("wounded two soldiers in a bomb attack": the same attack.)
            let again = out.iter().any(|o| o.sentence as usize == si && o.kind == tr.kind && o.mode == tr.mode)
                && i > a
                && (matches!(lw(i - 1), "to" | "in" | "during" | "of")
                    || (i.saturating_sub(3).max(a)..i).any(|k| matches!(lw(k), "in" | "during" | "with"))
                        && (i.saturating_sub(2).max(a)..i).any(|k| matches!(lw(k), "a" | "an" | "the")));
            if ((relative || far_which) && out.last().is_some_and(|o| o.sentence as usize == si)) || again {
                i = end;
                continue;
            }
            // Clause bounds: the sentence, cut at semicolons and after a reporting
            // verb ("the ministry said 212 people had been killed": the ministry
            // reports the killing, it did not kill).
            let clause_start = (a..i)
                .rev()
                .find(|&k| {
                    matches!(lw(k), ";" | "if" | "until" | "unless" | "because" | "although" | "though" | "whereas")
                        || (crate::lexicon::is_speech_verb(lw(k)) && k + 1 < i && lw(k + 1) != "to")
                        || (lw(k) == "that" && k > a && crate::lexicon::is_speech_verb(lw(k - 1)))
                })
                .map_or(a, |k| k + 1);
            // A passive ("had been killed", "were released"): the subject undergoes
            // the event; its actor, if any, follows "by".
            // ("270 schoolgirls kidnapped in Zamfara": a participle right after its
            // group is passive too.)
            let passive = i > a
                && ((i.saturating_sub(2).max(a)..i).any(|k| matches!(lw(k), "been" | "were" | "was" | "be" | "being"))
                    || lw(end) == "by"
                    || ((GROUP_HEADS.contains(&lw(i - 1)) || MORE_PEOPLE.contains(&lw(i - 1)))
                        && matches!(lw(end), "in" | "during" | "from" | "near" | "last" | "overnight")))
                && lw(i).ends_with("ed")
                && tr.recip == Recip::Obj;
            // "the military said it killed …", "they say they …": a pronoun opening
            // the reported clause is the speaker, who is then the actor.
            // ("Switzerland said today it had expelled …": the pronoun may follow a
            // time or "that").
            // The attribution the quotes stage found: a reported clause around the
            // trigger starts where its content does ("Teachers have asserted that
            // they will not end the strike").
            let reported = doc.attribution(toks[i].start, toks[i].end, Some(false)).map(|k| &doc.quotes[k]);
            let content_start = reported.map(|q| toks.partition_point(|t| t.start < q.start));
            let sentence_clause = clause_start;
            // (An infinitive, "agreed to open its borders", has the main clause's subject.)
            let clause_start = match content_start {
                Some(k) if k > clause_start && k <= i && lw(k) != "to" => k,
                _ => clause_start,
            };
            let pronoun_opens =
                |from: usize| (from..(from + 4).min(i)).any(|k| matches!(lw(k), "it" | "they" | "he" | "she" | "we"));
            let quote_speaker = reported
                .filter(|_| content_start == Some(clause_start) && pronoun_opens(clause_start))
                .and_then(|q| q.speaker.as_ref());
            let speaker_subject = clause_start > a
                && crate::lexicon::is_speech_verb(lw(clause_start - 1))
                && (clause_start..(clause_start + 4).min(i))
                    .any(|k| matches!(lw(k), "it" | "they" | "he" | "she" | "we"));
            let search_from = if speaker_subject { a } else { clause_start };
            // Actor: the nearest entity before the trigger; passives take "by X".
            // An entity behind a preposition ("the U.N. special envoy for Syria is
            // calling") yields to one that is not, if the clause has one.
            let before = |from: usize| {
                let found = |k: usize| ent_of[k].filter(|&e| k == search_from || ent_of[k - 1] != Some(e));
                let bare = (search_from..from).rev().filter_map(|k| found(k).map(|e| (k, e))).find(|&(k, _)| {
                    k == 0
                        || !matches!(
                            lw(k - 1),
                            "for" | "to" | "in" | "on" | "at" | "from" | "of" | "with" | "by" | "against" | "near"
                        )
                });
                // (Where a pronoun opening a reported clause stands for the speaker,
                // the speaker acts, not a place behind a preposition: "announced it
                // would cut aid to rebels in Macedonia and would deny entry …".)
                let behind = || {
                    if quote_speaker.is_some() {
                        return None;
                    }
                    (search_from..from).rev().find_map(|k| ent_of[k])
                };
                bare.map(|(_, e)| e).or_else(behind).or_else(|| {
                    // "he was arrested in July": the person named last, in this
                    // sentence or the two before.
                    // "They called on China": the body or group named last. (Not when
                    // the pronoun opens what a speaker reports: the speaker is meant.)
                    if speaker_subject || quote_speaker.is_some() {
                        return None;
                    }
                    let he = (search_from..from).rev().find(|&k| matches!(lw(k), "he" | "she" | "they"))?;
                    doc.antecedent(toks[he].start)
                })
            };
            // "Ukrainian President Volodymyr Zelenskyy": the person, not the nationality of the title.
            let after = |from: usize| {
                let k = (from..(from + 8).min(b)).find(|&k| ent_of[k].is_some())?;
                let e = ent_of[k]?;
                let person = (doc.entities[e].kind == crate::record::EntityType::Country)
                    .then(|| {
                        (k + 1..(k + 5).min(b))
                            .take_while(|&j| {
                                toks[j].kind == TokenKind::Word && toks[j].text(text).starts_with(char::is_uppercase)
                            })
                            .filter_map(|j| ent_of[j])
                            .find(|&p| doc.entities[p].kind == crate::record::EntityType::Person)
                    })
                    .flatten();
                Some(person.unwrap_or(e))
            };
            let (mut actors, mut recipients): (Vec<usize>, Vec<Participant>) = (Vec::new(), Vec::new());
            // A passive's unnamed agent ("freed by their captors").
            let mut passive_agent: Option<(usize, usize)> = None;
            match tr.recip {
                Recip::By => {
                    // "talks, mediated by Egypt and Qatar": the mediators are the third party.
                    let mut k = end;
                    while k < (end + 8).min(b) {
                        if let Some(e) = ent_of[k] {
                            if !recipients.contains(&Participant::Entity(e)) {
                                recipients.push(Participant::Entity(e));
                            }
                        }
                        k += 1;
                    }
                    actors.extend(before(i));
                }
                Recip::Place => {
                    actors.extend(before(i));
                    if let Some(p) = doc.places.iter().find(|p| p.start >= toks[i].end && p.sentence as usize == si) {
                        let e = &g.entries[p.entry];
                        recipients.extend(country_participant(doc, g, &e.country));
                    }
                }
                Recip::With => {
                    actors.extend(before(i));
                    // "talks with X", "spoke to X": the preposition follows the trigger
                    // ("talks are expected to last" has no recipient).
                    // ("met with X": the preposition may close the trigger itself.)
                    let w =
                        (end - 1..(end + 2).min(b)).find(|&k| matches!(lw(k), "with" | "to" | "against" | "between"));
                    match w.and_then(|k| after(k + 1).map(|e| (k, e))) {
                        Some((_, e)) => recipients.push(Participant::Entity(e)),
                        // "pleading with civilians to go back": the people, as written.
                        None => {
                            if let Some(k) = w {
                                if let Some((s0, s1)) = unnamed_object(&lw, &|k| toks[k].kind, k + 1, (k + 7).min(b)) {
                                    recipients.push(Participant::Text { start: toks[s0].start, end: toks[s1 - 1].end });
                                }
                            }
                        }
                    }
                }
                Recip::Obj if passive => {
                    // "The 279 girls were released": the subject undergoes it; an
                    // unnamed group right before the verb before any entity further back.
                    match unnamed_subject(&lw, &|k| toks[k].kind, search_from, i) {
                        Some((s0, s1)) if (s0..s1).all(|k| ent_of[k].is_none()) => {
                            recipients.push(Participant::Text { start: toks[s0].start, end: toks[s1 - 1].end })
                        }
                        _ => recipients.extend(before(i).map(Participant::Entity)),
                    }
                    if let Some(k) = (end..(end + 3).min(b)).find(|&k| lw(k) == "by") {
                        actors.extend(after(k + 1));
                        if actors.is_empty() {
                            passive_agent = unnamed_object(&lw, &|k| toks[k].kind, k + 1, (k + 7).min(b));
                        }
                    }
                }
                Recip::Obj => {
                    actors.extend(before(i));
                    // "…, Reul told reporters": a speaker after the trigger is no recipient.
                    // The object stands before any "and", "but" or comma that opens
                    // another clause ("released 120 prisoners and the Front freed …").
                    let stop = (end..(end + 8).min(b))
                        .find(|&k| matches!(lw(k), "and" | "but" | "," | ";" | "while"))
                        .unwrap_or((end + 8).min(b));
                    if let Some(k) = (end..stop).find(|&k| ent_of[k].is_some()) {
                        let e = ent_of[k].unwrap_or_default();
                        let last = (k..b).take_while(|&j| ent_of[j] == Some(e)).last().unwrap_or(k);
                        let speaks = (last + 1..(last + 4).min(b)).any(|j| crate::lexicon::is_speech_verb(lw(j)));
                        if !speaks {
                            recipients.push(Participant::Entity(e));
                        }
                    }
                    // "accuses the rebel group of …": the armed group named last.
                    if recipients.is_empty()
                        && lw(end) == "the"
                        && (end + 1..(end + 4).min(stop))
                            .any(|k| matches!(lw(k), "group" | "rebels" | "militia" | "militants"))
                    {
                        let at = toks[i].start;
                        let group = doc
                            .entities
                            .iter()
                            .enumerate()
                            .filter(|(_, e)| e.kind == crate::record::EntityType::Group)
                            .filter_map(|(k, e)| {
                                e.mentions.iter().filter(|m| m.0 < at).map(|m| m.0).max().map(|p| (k, p))
                            })
                            .max_by_key(|&(_, p)| p)
                            .map(|(k, _)| k);
                        recipients.extend(group.filter(|g| !actors.contains(g)).map(Participant::Entity));
                    }
                    // "pounded Gaza", "shelled Kharkiv": a place as object stands for its country.
                    if recipients.is_empty() {
                        // ("shelled the southern regional capital Juba": a place the
                        // object phrase ends in.)
                        let describes = |k: usize| {
                            k <= end + 4
                                && (end..k).all(|j| {
                                    toks[j].kind == TokenKind::Word
                                        && !matches!(lw(j), "in" | "at" | "on" | "near" | "to" | "from" | "with" | "by")
                                        && !GROUP_HEADS.contains(&lw(j))
                                })
                        };
                        let obj = doc.places.iter().find(|p| {
                            let k = doc.token_range(p.start, p.end).start;
                            k >= end && k < stop && describes(k)
                        });
                        if let Some(p) = obj {
                            recipients.push(Participant::Place(doc.places.iter().position(|x| x == p).unwrap_or(0)));
                        }
                    }
                    // "speaking to captives' families", "killed 20 civilians": an
                    // unnamed group as object, as the text names it.
                    // ("ready to release more prisoners": the prisoners are what is
                    // offered, not whom the offer is made to.)
                    if recipients.is_empty() && !(tr.kind == EventType::Agree && lw(end - 1) == "to") {
                        if let Some((s0, s1)) = unnamed_object(&lw, &|k| toks[k].kind, end, stop) {
                            recipients.push(Participant::Text { start: toks[s0].start, end: toks[s1 - 1].end });
                        }
                    }
                }
                Recip::Subject => {
                    // "Chirac reminded Iraq that it must cooperate", "the Bush
                    // administration declared that China must drop barriers".
                    if let Some(e) = (clause_start..i).rev().find_map(|k| ent_of[k]) {
                        recipients.push(Participant::Entity(e));
                    }
                    let recipient = recipients.first().and_then(|r| match r {
                        Participant::Entity(e) => Some(*e),
                        Participant::Country { .. } | Participant::Place(_) | Participant::Text { .. } => None,
                    });
                    let speaker = (a..clause_start)
                        .find_map(|k| ent_of[k])
                        .or_else(|| {
                            // "…, said X" after the clause
                            (end..b).find(|&k| crate::lexicon::is_speech_verb(lw(k))).and_then(|k| after(k + 1))
                        })
                        .or_else(|| (a..i).find_map(|k| ent_of[k]).filter(|&e| Some(e) != recipient));
                    // "claiming it must wipe out Hamas": one's own resolve asks nobody.
                    if recipient.is_some() && speaker != recipient {
                        actors.extend(speaker);
                    } else {
                        recipients.clear();
                    }
                }
                Recip::Host => {
                    // "Yeltsin hosted Hashimoto": Hashimoto visits, Yeltsin receives.
                    let stop = (end..(end + 8).min(b)).find(|&k| matches!(lw(k), "," | ";" | "for" | "in" | "at"));
                    let guest = (end..stop.unwrap_or((end + 8).min(b))).find_map(|k| ent_of[k]);
                    let host = before(i);
                    match guest {
                        Some(gst) if Some(gst) != host => {
                            actors.push(gst);
                            recipients.extend(host.map(Participant::Entity));
                        }
                        _ => actors.extend(host),
                    }
                }
                Recip::Against => {
                    actors.extend(before(i));
                    if let Some(k) = (end..b).find(|&k| matches!(lw(k), "against" | "over" | "on")) {
                        if let Some(e) = after(k + 1) {
                            recipients.push(Participant::Entity(e));
                        }
                    }
                }
                Recip::None => actors.extend(before(i)),
            }
            // Coordinated subjects: "the government and the Front met", "A, B and C agreed".
            if let [x] = actors[..] {
                let mut k = (clause_start..i).rev().find(|&k| ent_of[k] == Some(x)).unwrap_or(i);
                while k > clause_start && ent_of[k - 1] == Some(x) {
                    k -= 1;
                }
                let mut start = k;
                while start > clause_start && matches!(lw(start - 1), "the" | "both") {
                    start -= 1;
                }
                while start >= clause_start + 2 && matches!(lw(start - 1), "and" | ",") {
                    // The entity ending before the conjunction (skipping "the").
                    let mut j = start - 2;
                    let Some(y) = ent_of[j] else { break };
                    if actors.contains(&y) {
                        break;
                    }
                    actors.insert(0, y);
                    while j > clause_start && ent_of[j - 1] == Some(y) {
                        j -= 1;
                    }
                    if j > clause_start && matches!(lw(j - 1), "the" | "both") {
                        j -= 1;
                    }
                    start = j;
                }
            }
            // "to meet with …": an infinitive's actor is the sentence's subject.
            if i > a && lw(i - 1) == "to" && !matches!(tr.recip, Recip::By) {
                if let Some(subj) = (search_from..i).find_map(|k| ent_of[k]) {
                    actors = vec![subj];
                }
            }
            // A noun trigger takes the actor written right before it ("Israeli
            // attacks", "Israel's retaliation") or, after "its"/"their", the subject.
            let noun = i > a && matches!(lw(i - 1), "the" | "its" | "their" | "his" | "her" | "a" | "an")
                || matches!(lw(i), "attacks" | "assault" | "bombardment" | "meeting" | "talks" | "airstrikes");
            if noun {
                let own = (i.saturating_sub(2).max(a)..i).rev().find_map(|k| ent_of[k]);
                if let Some(e) = own {
                    actors = vec![e];
                } else if i > a && matches!(lw(i - 1), "its" | "their")
                    || (i > a + 1 && matches!(lw(i - 2), "its" | "their"))
                {
                    // "its" stands for the nearest body named before it in the clause
                    // ("Hamas returned 100 Israelis taken captive during its attack").
                    // ("100 Israelis" are people, not an "it").
                    let subj = (search_from..i)
                        .rev()
                        .filter(|&k| g.demonym(lw(k)).is_none())
                        .filter_map(|k| ent_of[k])
                        .find(|&e| doc.entities[e].kind != crate::record::EntityType::Person);
                    if let Some(subj) = subj {
                        actors = vec![subj];
                    }
                } else if (i.saturating_sub(4).max(a)..i).any(|k| matches!(lw(k), "in" | "during")) {
                    // "took 240 captives in an unprecedented assault": the clause's subject.
                    if let Some(subj) = (search_from..i).find_map(|k| ent_of[k]) {
                        actors = vec![subj];
                    }
                } else if (i.saturating_sub(3).max(a)..i).any(|k| LIGHT_VERBS.contains(&lw(k))) {
                    // "completed their withdrawal", "started a hunger strike": the
                    // subject carries out the noun's act.
                } else if recipients.is_empty() && !matches!(tr.recip, Recip::By) {
                    // "as the first round of talks ended": a bare noun event names
                    // no actor; the sentence's subject is not its actor.
                    actors.clear();
                }
                // "an assault on Israeli territory", "attacks against"
                if let Some(k) = (end..(end + 2).min(b)).find(|&k| matches!(lw(k), "on" | "against")) {
                    if let Some(e) = after(k + 1) {
                        recipients = vec![Participant::Entity(e)];
                    }
                }
            }
            // "a meeting between A, B and C": all of them meet all of them.
            if tr.kind == EventType::Consult {
                if let Some(bw) = (end..(end + 6).min(b)).find(|&k| lw(k) == "between") {
                    let mut all: Vec<usize> = Vec::new();
                    for (k, ent) in ent_of.iter().enumerate().take(b).skip(bw + 1) {
                        if matches!(lw(k), ";" | ".")
                            || (lw(k) == "," && matches!(lw(k + 1), "in" | "who" | "which" | "where"))
                        {
                            break;
                        }
                        if let Some(e) = *ent {
                            if !all.contains(&e) {
                                all.push(e);
                            }
                        }
                    }
                    if all.len() >= 2 {
                        recipients = all.iter().map(|&e| Participant::Entity(e)).collect();
                        actors = all;
                    }
                }
            }
            // "During a truce that ran from …": a truce is kept by the parties named
            // together last ("both Israel and the Palestinian group").
            if actors.is_empty() && tr.mode == Some("ceasefire") {
                if let Some((x, y)) = last_pair(&lw, &ent_of, i) {
                    actors = vec![x, y];
                }
            }
            // "the two sides", "both parties": the last two parties named together
            // ("both Israel and the Palestinian group", "Israel and Hamas").
            if let Some(k) = sides_phrase(&lw, clause_start, i) {
                if (k..i).all(|j| ent_of[j].is_none()) {
                    if let Some((x, y)) = last_pair(&lw, &ent_of, k) {
                        actors = vec![x, y];
                    }
                }
            }
            // The target of a hostile act or a protest named as a place: "shelled
            // the capital Juba", "rioted at a jail in Dili", "a curfew in Cizre";
            // and of an agreement, support or refusal about a place ("agreed to
            // evacuate settlements in the Gaza Strip", "opened an embassy in Tehran").
            // A meeting's place is where it is, not whom it is with.
            let targeted = matches!(
                tr.kind,
                EventType::Assault
                    | EventType::Coerce
                    | EventType::Protest
                    | EventType::Mobilize
                    | EventType::Sanction
                    | EventType::Threaten
                    | EventType::Concede
                    | EventType::Retreat
                    | EventType::Aid
                    | EventType::Agree
                    | EventType::Support
                    | EventType::Reject
            );
            if recipients.is_empty() && targeted {
                let clause_end = (end..b).find(|&k| matches!(lw(k), ";" | "but" | "while")).unwrap_or(b);
                let place = doc.places.iter().position(|p| {
                    let k0 = doc.token_range(p.start, p.end).start;
                    // "in the Gaza Strip": the article between.
                    let k = if k0 > 1 && lw(k0 - 1) == "the" { k0 - 1 } else { k0 };
                    k >= end
                        && k < clause_end.min(end + 12)
                        && k > 0
                        && (k == end
                            || matches!(
                                lw(k - 1),
                                "in" | "on" | "at" | "against" | "from" | "into" | "near" | "to" | "of"
                            ))
                });
                if let Some(p) = place {
                    recipients.push(Participant::Place(p));
                }
            }
            // No named actor: the clause's subject as written ("Teachers have said
            // they will not end the strike", "Nearly 70 countries agreed").
            // ("Communist rebels said Saturday that they will release …": the speaker's
            // subject, before the reporting verb.)
            // "they will not …" in what a speaker reports: the speaker acts.
            // (A speaker's own resolve, "claiming it must …", asks nobody.)
            let quote_speaker = quote_speaker.filter(|_| tr.recip != Recip::Subject);
            // (In a passive the speaker undergoes it: "told jurors that he was arrested".)
            if let (true, Some(sp)) = (passive, quote_speaker) {
                // (Before any place the act is located at.)
                recipients.retain(|r| !matches!(r, Participant::Place(_)));
                if recipients.is_empty() {
                    recipients.extend(sp.entity.map(Participant::Entity));
                }
                actors.retain(|&x| Some(x) != sp.entity);
            } else if let (true, Some(sp)) = (actors.is_empty(), quote_speaker) {
                actors.extend(sp.entity);
            }
            // "…, accusing it of …": a participle after a comma acts for the
            // sentence's subject, and "it" is the object of the act before.
            // ("… met in Bangui last week and signed an agreement": a second verb
            // of the same subject.)
            let second_verb = i > a + 1 && lw(i - 1) == "and" && lw(i).ends_with("ed") && actors.len() <= 1;
            if i > a && ((lw(i - 1) == "," && lw(i).ends_with("ing")) || second_verb) {
                if let Some(prev) = out.iter().rev().find(|o| o.sentence as usize == si && !o.actors.is_empty()) {
                    actors = prev.actors.clone();
                    if matches!(lw(end), "it" | "them" | "him" | "her") && !prev.recipients.is_empty() {
                        recipients = prev.recipients.clone();
                    }
                }
            }
            // "a charge New Delhi quickly rejected": a rejected charge answers whoever
            // made it, in this sentence or the one before.
            let charge_words = |k: usize| {
                matches!(
                    lw(k),
                    "charge"
                        | "charges"
                        | "accusation"
                        | "accusations"
                        | "allegation"
                        | "allegations"
                        | "claim"
                        | "claims"
                        | "warrant"
                        | "verdict"
                        | "ruling"
                        | "indictment"
                )
            };
            if tr.kind == EventType::Reject
                && recipients.is_empty()
                && ((end..(end + 3).min(b)).any(charge_words) || (i.saturating_sub(10).max(a)..i).any(charge_words))
            {
                // (A warrant or verdict answers the court or prosecutors that issued it.)
                let accuser = out.iter().rev().find(|o| {
                    matches!(o.kind, EventType::Accuse | EventType::Sanction | EventType::Coerce)
                        && o.sentence as usize + 3 >= si
                        && !o.actors.is_empty()
                        && o.actors.iter().all(|x| !actors.contains(x))
                });
                if let Some(acc) = accuser {
                    recipients = acc.actors.iter().map(|&e| Participant::Entity(e)).collect();
                }
            }
            let speaker_span = quote_speaker.filter(|sp| sp.entity.is_none() && !passive).map(|sp| {
                let r = doc.token_range(sp.start, sp.end);
                (r.start, r.end)
            });
            let actor_text = if actors.is_empty() {
                // (A passive's subject is what the act is done to, never its actor.)
                let subject = || (!passive).then(|| unnamed_subject(&lw, &|k| toks[k].kind, search_from, i)).flatten();
                speaker_span.or(passive_agent).or_else(subject).or_else(|| {
                    let verb = (a..clause_start).rev().find(|&k| crate::lexicon::is_speech_verb(lw(k)))?;
                    speaker_subject.then(|| unnamed_subject(&lw, &|k| toks[k].kind, a, verb)).flatten()
                })
            } else {
                None
            }
            .map(|(s0, s1)| (toks[s0].start, toks[s1 - 1].end));
            // Without any actor only the harm done is worth coding ("12 people were
            // killed"); a request, meeting or agreement by nobody is not.
            let victim_centred = matches!(tr.kind, EventType::Assault | EventType::Coerce | EventType::Protest);
            // "Israel's Cabinet met Sunday": a body meeting itself consults no one.
            if tr.kind == EventType::Consult
                && matches!(lw(i), "met" | "meet" | "meets")
                && actors.len() <= 1
                && recipients.is_empty()
            {
                i = end;
                continue;
            }
            if actors.is_empty() && actor_text.is_none() && (recipients.is_empty() || !victim_centred) {
                i = end;
                continue;
            }
            let mutual = actors.len() >= 2 && recipients.len() == actors.len();
            if !mutual {
                recipients.retain(|r| !matches!(r, Participant::Entity(e) if actors.contains(e)));
            }
            // "Cameroon and C.A.R. officials met", "signed an agreement": with no one
            // else named, the parties act on each other.
            if actors.len() >= 2
                && recipients.is_empty()
                && matches!(tr.kind, EventType::Consult | EventType::Agree | EventType::Support | EventType::Cooperate)
            {
                recipients = actors.iter().map(|&e| Participant::Entity(e)).collect();
            }
            let mut status = status(&|k| lw(k), a, i, end, b);
            // A goal ("talks aimed at … freeing more captives", "in a bid to") is what
            // the act before it is for: no event of its own.
            if (clause_start..i).any(|k| matches!(lw(k), "aimed" | "aiming" | "aim" | "bid" | "hoping" | "hopes")) {
                i = end;
                continue;
            }
            let (mut kind, mut mode) = (tr.kind, tr.mode);
            // Troops that arrive do not visit: peacekeepers are aid, other forces
            // a deployment ("NATO peacekeeping troops have arrived in Bosnia").
            if kind == EventType::Consult && mode == Some("visit") {
                let troops = (clause_start..i).any(|k| {
                    matches!(lw(k), "troops" | "soldiers" | "forces" | "contingent" | "battalion" | "peacekeepers")
                });
                if troops {
                    let peace = (clause_start..i).any(|k| lw(k).starts_with("peacekeep"));
                    (kind, mode) = if peace { (EventType::Aid, None) } else { (EventType::Mobilize, Some("troops")) };
                }
            }
            if status == EventStatus::Refused
                && matches!(kind, EventType::Retreat | EventType::Agree | EventType::Concede)
            {
                kind = EventType::Reject;
                mode = Some("yield");
                // "will not release any more captives until the bombardment ends"
                if (end..b).any(|k| matches!(lw(k), "until" | "unless")) {
                    status = EventStatus::Conditional;
                }
            }
            if secured {
                (kind, mode) = (EventType::Request, Some("yield"));
                status = EventStatus::Planned;
                // The one asked to yield: "the release by Hamas".
                if let Some(k) = (end..(end + 3).min(b)).find(|&k| lw(k) == "by") {
                    if let Some(e) = after(k + 1) {
                        recipients = vec![Participant::Entity(e)];
                        actors.retain(|&x| x != e);
                    }
                }
            }
            // PLOVER's reading of the future: a cooperative act announced ("will
            // visit", "is willing to send", "would release") is an AGREE; a hostile
            // act announced, or any act held over someone ("… unless"), a THREATEN.
            // A trigger that opens with its modal ("will visit") is announced.
            if matches!(lw(i), "will" | "would") && status == EventStatus::Occurred {
                status = EventStatus::Planned;
            }
            // A commitment counts too ("agreed to open its borders", "offered to send
            // troops", "pledged to provide"): the act is what was agreed.
            let future = (i.saturating_sub(4).max(clause_start)..=i)
                .any(|k| matches!(lw(k), "will" | "would" | "shall" | "willing" | "ready" | "prepared" | "'ll"))
                || (i.saturating_sub(10).max(sentence_clause)..i)
                    .any(|k| COMMIT_WORDS.contains(&lw(k)) && lw(k + 1) == "to" && !(k + 1..i).any(|j| lw(j) == ","));
            let unless = (end..b).any(|k| lw(k) == "unless");
            let cooperative = matches!(
                kind,
                EventType::Consult | EventType::Support | EventType::Cooperate | EventType::Aid | EventType::Retreat
            );
            let hostile = matches!(
                kind,
                EventType::Assault | EventType::Coerce | EventType::Sanction | EventType::Mobilize | EventType::Protest
            );
            // A hostile act threatened ("is prepared to impose martial law", "…
            // unless") is a THREATEN; one announced as decided ("announced it would
            // prohibit all aid") stays what it is, planned.
            let readiness = (i.saturating_sub(4).max(clause_start)..=i)
                .any(|k| matches!(lw(k), "willing" | "ready" | "prepared" | "could" | "might"))
                || (a..i).any(|k| matches!(lw(k), "threatened" | "threatens" | "warned" | "warns" | "vowed" | "vows"));
            let decided = (a..i).any(|k| matches!(lw(k), "announced" | "announces" | "decided" | "decides"));
            if future && matches!(status, EventStatus::Planned | EventStatus::Conditional) {
                if unless || (hostile && (readiness || !decided)) {
                    (kind, mode) = (EventType::Threaten, None);
                } else if cooperative {
                    (kind, mode) = (EventType::Agree, None);
                }
            }
            let time = doc.times.iter().position(|t| {
                t.sentence as usize == si
                    && matches!(t.kind, crate::record::TimeType::Date | crate::record::TimeType::Time)
                    && t.value.as_ref().is_some_and(|v| v.starts_with(|c: char| c.is_ascii_digit()))
                    && !in_modifier(&lw, end, doc.token_range(t.start, t.end).start)
            });
            let place = doc.places.iter().position(|p| {
                p.sentence as usize == si && {
                    let k = doc.token_range(p.start, p.end).start;
                    k > 0 && matches!(lw(k - 1), "in" | "at" | "near")
                }
            });
            // "closed 12 media outlets and websites linked to al-Shabab", "arrested
            // 20 people affiliated with Hamas": the owner of what was acted on.
            if recipients.is_empty() && matches!(tr.recip, Recip::Obj) && !passive {
                let owner = (end..(end + 12).min(b)).find_map(|k| {
                    let linked = matches!(
                        (lw(k), lw(k + 1)),
                        ("linked" | "tied" | "loyal" | "belonging", "to") | ("affiliated", "with")
                    );
                    linked.then(|| after(k + 2)).flatten()
                });
                recipients.extend(owner.filter(|o| !actors.contains(o)).map(Participant::Entity));
            }
            // "The U.N. special envoy for Syria is calling for …": an envoy's
            // demands are addressed to those of the country of the mandate.
            if kind == EventType::Request && recipients.is_empty() {
                let mandate = (clause_start..i).find_map(|k| {
                    (matches!(lw(k), "envoy" | "representative" | "coordinator" | "rapporteur" | "mediator")
                        && matches!(lw(k + 1), "for" | "to" | "on"))
                    .then(|| ent_of.get(k + 2).copied().flatten())
                    .flatten()
                });
                recipients.extend(mandate.filter(|m| !actors.contains(m)).map(Participant::Entity));
                // ... or of the speaker's role ("UN envoy for Syria").
                if let ([x], true) = (&actors[..], recipients.is_empty()) {
                    let role_country = doc.entities[*x].roles.iter().find_map(|r| {
                        let (_, place) = r.split_once(" for ").or_else(|| r.split_once(" to "))?;
                        let place = place.split(" 20").next().unwrap_or(place).trim();
                        g.lookup(place).iter().find_map(|h| match *h {
                            crate::gazetteer::Hit::Place(e)
                                if g.entries[e].feature == crate::record::PlaceFeature::Country =>
                            {
                                Some(g.entries[e].country.clone())
                            }
                            _ => None,
                        })
                    });
                    if let Some(iso3) = role_country {
                        recipients.extend(country_participant(doc, g, &iso3));
                    }
                }
            }
            // PLOVER's visit: a meeting held in one party's country is hosted by it
            // ("MBS held a meeting with Zelenskyy in Riyadh": Zelenskyy visits).
            if let (EventType::Consult, None, Some(p), [x], [Participant::Entity(y)]) =
                (kind, mode, place, &actors[..], &recipients[..])
            {
                let here = &g.entries[doc.places[p].entry].country;
                let country = |e: usize| doc.entities[e].country.as_deref().unwrap_or("");
                if !here.is_empty() && country(*x) == here && country(*y) != here && !country(*y).is_empty() {
                    let (host, guest) = (*x, *y);
                    actors = vec![guest];
                    recipients = vec![Participant::Entity(host)];
                    mode = Some("visit");
                }
            }
            let code = codes(kind, mode);
            let quote =
                doc.quotes.iter().position(|q| q.start <= toks[i].start && toks[i].end <= q.end && q.speaker.is_some());
            // "Rwandan rebels demanded …": the actor as the clause names it.
            let actor_phrases = actors
                .iter()
                .map(|&e| {
                    let k = (a..i).rev().find(|&k| ent_of[k] == Some(e) && g.demonym(lw(k)).is_some())?;
                    let (_, sector) = BODY_SECTORS.iter().find(|(w, _)| lw(k + 1) == *w)?;
                    Some((toks[k].start, toks[k + 1].end, *sector))
                })
                .collect();
            let actor_text_body = actor_text.and_then(|(_, e)| {
                let k = toks.partition_point(|t| t.end < e);
                // A state's body (military, police, government, courts): with no
                // country named it acts for the country the article is about.
                let (_, sector) = BODY_SECTORS
                    .iter()
                    .find(|(w, s)| lw(k) == *w && matches!(s, Some("MIL" | "COP" | "GOV" | "JUD")))?;
                Some((home.clone()?, *sector))
            });
            let ev = EventAnn {
                kind,
                mode,
                cameo: code.map(|c| c.0),
                score: code.map(|c| c.1),
                actors,
                actor_phrases,
                actor_text,
                actor_text_body,
                recipients,
                status,
                time,
                place,
                quote,
                trigger: (toks[i].start, toks[end - 1].end),
                sentence: si as u32,
                retold: Vec::new(),
            };
            // The same event told twice in a sentence or article is one event
            // ("agreed to resign": one agreement).
            // The same date, by value: a time the event names (to the day), else the
            // day of publication.
            let published = doc.published().map(|d| d.to_string());
            let day = |t: Option<usize>| {
                t.and_then(|k| doc.times[k].value.as_deref())
                    .map(|v| v.get(..10).unwrap_or(v).to_string())
                    .or_else(|| published.clone())
            };
            // The same participants: a place by its gazetteer entry, not its mention.
            let who = |rs: &[Participant]| -> Vec<String> {
                rs.iter()
                    .map(|r| match r {
                        Participant::Entity(e) => format!("e{e}"),
                        Participant::Place(p) => format!("p{}", doc.places[*p].entry),
                        Participant::Country { iso3, .. } => iso3.clone(),
                        Participant::Text { start, end } => doc.lower()[*start as usize..*end as usize].to_string(),
                    })
                    .collect()
            };
            let dup = out
                .iter()
                .position(|o| {
                    o.kind == EventType::Agree
                        && ev.kind == EventType::Agree
                        && o.sentence == ev.sentence
                        && ev.actors.iter().all(|x| o.actors.contains(x))
                })
                .or_else(|| {
                    out.iter().position(|o| {
                        o.kind == ev.kind
                            && (o.mode == ev.mode || o.kind != EventType::Assault)
                            && ((o.actors == ev.actors
                                && who(&o.recipients) == who(&ev.recipients)
                                && day(o.time) == day(ev.time))
                                || (o.sentence == ev.sentence
                                    && (o.actors == ev.actors || ev.actors.is_empty())
                                    && (ev.recipients.is_empty() || o.recipients == ev.recipients)))
                    })
                });
            // A fuller telling in the same sentence ("relaunched talks, mediated by
            // Egypt and Qatar") replaces the one without recipients.
            // (Parties said to meet each other are no fuller than parties with no one named.)
            let only_each_other =
                |o: &EventAnn| o.recipients.iter().all(|r| matches!(r, Participant::Entity(e) if o.actors.contains(e)));
            let thinner = out.iter().position(|o| {
                o.kind == ev.kind && o.sentence == ev.sentence && o.actors == ev.actors && only_each_other(o)
            });
            if let (Some(k), false) = (thinner, ev.recipients.is_empty()) {
                let retold = std::mem::take(&mut out[k].retold);
                out[k] = EventAnn { retold, ..ev };
            } else if let Some(k) = dup {
                // The same event told again keeps the sentence that tells it.
                let o = &mut out[k];
                if o.sentence != ev.sentence && !o.retold.contains(&ev.sentence) {
                    o.retold.push(ev.sentence);
                }
            } else {
                out.push(ev);
            }
            let _ = text;
            i = end;
        }
    }
    out
}

/// Verbs of commitment: what follows "agreed to", "offered to" is not yet done.
const COMMIT_WORDS: &[&str] = &[
    "consensus",
    "agreement",
    "deal",
    "accord",
    "agreed",
    "agree",
    "agrees",
    "agreeing",
    "offered",
    "offer",
    "offers",
    "offering",
    "pledged",
    "pledge",
    "pledges",
    "promised",
    "promise",
    "promises",
    "vowed",
    "vow",
    "vows",
    "committed",
    "undertook",
];

/// The participant a country code stands for: the article's entity for that
/// country where it has one (a country it names, or a user's country), else the
/// gazetteer's country.
fn country_participant(doc: &Doc, g: &crate::gazetteer::Gazetteer, iso3: &str) -> Option<Participant> {
    if iso3.is_empty() {
        return None;
    }
    let own = doc
        .entities
        .iter()
        .position(|x| x.kind == crate::record::EntityType::Country && x.country.as_deref() == Some(iso3));
    Some(match own {
        Some(x) => Participant::Entity(x),
        None => {
            let name = g.country(iso3).map_or(iso3.to_string(), |c| g.entries[c.entry].name.clone());
            Participant::Country { name, iso3: iso3.to_string() }
        }
    })
}

/// Verbs whose subject carries out the noun event that follows them.
const LIGHT_VERBS: [&str; 30] = [
    "completed",
    "began",
    "begun",
    "started",
    "starts",
    "speeded",
    "sped",
    "carried",
    "launched",
    "staged",
    "stage",
    "conducted",
    "continued",
    "continues",
    "resumed",
    "held",
    "holds",
    "made",
    "announced",
    "ordered",
    "completes",
    "issued",
    "issues",
    "delivered",
    "lodged",
    "filed",
    "opened",
    "opens",
    "approved",
    "approves",
];

/// Bodies a nationality can qualify, and the sector each stands for:
/// "Rwandan rebels" are rebels (REB), "Israeli officials" government (GOV).
const BODY_SECTORS: [(&str, Option<&str>); 23] = [
    ("rebels", Some("REB")),
    ("militants", Some("REB")),
    ("insurgents", Some("REB")),
    ("guerrillas", Some("REB")),
    ("forces", Some("MIL")),
    ("troops", Some("MIL")),
    ("army", Some("MIL")),
    ("military", Some("MIL")),
    ("soldiers", Some("MIL")),
    ("police", Some("COP")),
    ("officials", Some("GOV")),
    ("authorities", Some("GOV")),
    ("government", Some("GOV")),
    ("regime", Some("GOV")),
    ("junta", Some("MIL")),
    ("prosecutors", Some("JUD")),
    ("negotiators", Some("GOV")),
    ("diplomats", Some("GOV")),
    ("leaders", Some("GOV")),
    ("protesters", Some("CVL")),
    ("demonstrators", Some("CVL")),
    ("workers", Some("LAB")),
    ("students", Some("EDU")),
];

/// Singular nouns for bodies and office holders that act: "A court in Bishkek
/// has freed …", "The minister rejected …".
const BODY_HEADS: [&str; 47] = [
    "court",
    "judge",
    "ministry",
    "parliament",
    "council",
    "committee",
    "commission",
    "agency",
    "tribunal",
    "government",
    "army",
    "military",
    "police",
    "regime",
    "junta",
    "cabinet",
    "administration",
    "senate",
    "congress",
    "assembly",
    "navy",
    "coalition",
    "alliance",
    "union",
    "party",
    "group",
    "minister",
    "president",
    "premier",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "official",
    "commander",
    "governor",
    "mayor",
    "envoy",
    "ambassador",
    "chief",
    "leader",
    "secretary",
    "general",
    "prosecutor",
    "king",
    "queen",
    "emir",
    "prince",
];

/// More plural nouns for people an act is done to ("Hausa politicians",
/// "British nationals").
const MORE_PEOPLE: [&str; 25] = [
    "groups",
    "captors",
    "kidnappers",
    "abductors",
    "gunmen",
    "attackers",
    "assailants",
    "bandits",
    "militias",
    "jihadists",
    "extremists",
    "politicians",
    "guerrillas",
    "insurgents",
    "forces",
    "nationals",
    "settlers",
    "immigrants",
    "pilgrims",
    "monitors",
    "observers",
    "inspectors",
    "peacekeepers",
    "diplomats",
    "lawmakers",
];

/// Nouns for people and groups an act can be done to or with, when the text
/// gives no name: "families", "civilians", "protesters".
const GROUP_HEADS: [&str; 34] = [
    "families",
    "relatives",
    "civilians",
    "people",
    "protesters",
    "demonstrators",
    "students",
    "journalists",
    "reporters",
    "refugees",
    "migrants",
    "workers",
    "soldiers",
    "troops",
    "fighters",
    "militants",
    "rebels",
    "police",
    "officers",
    "prisoners",
    "detainees",
    "hostages",
    "captives",
    "villagers",
    "residents",
    "children",
    "women",
    "schoolgirls",
    "leaders",
    "officials",
    "activists",
    "doctors",
    "patients",
    "supporters",
];

/// The subject of the clause `[from, to)` when it names people or bodies
/// without a name: up to five words right before the verb (auxiliaries skipped)
/// that start the clause and end in a plural or group noun; its token range.
fn unnamed_subject<'t>(
    lw: &dyn Fn(usize) -> &'t str,
    kind: &dyn Fn(usize) -> TokenKind,
    from: usize,
    to: usize,
) -> Option<(usize, usize)> {
    let mut end = to;
    while end > from
        && matches!(
            lw(end - 1),
            "has"
                | "have"
                | "had"
                | "will"
                | "would"
                | "not"
                | "n't"
                | "also"
                | "to"
                | "be"
                | "been"
                | "is"
                | "are"
                | "was"
                | "were"
                | "could"
                | "may"
                | "might"
                | "should"
                | "reportedly"
                | "allegedly"
                | "already"
                | "still"
                | "recently"
                | "never"
                | "once"
                | "again"
                | "said"
                | "say"
                | "says"
                | "they"
                | "it"
                | "remained"
                | "remain"
                | "remains"
                | "stayed"
        )
    {
        end -= 1;
    }
    // "In Yangon, security forces detained ...": the subject follows the last comma.
    let from = (from..end).rev().find(|&k| lw(k) == ",").map_or(from, |k| k + 1);
    // "A court in Bishkek", "officials of the ministry": the head comes before
    // the first preposition.
    let prep = (from + 1..end).find(|&k| matches!(lw(k), "in" | "of" | "from" | "at"));
    let limit = if prep.is_some() { 8 } else { 5 };
    if end <= from || end - from > limit || (from..end).any(|k| !matches!(kind(k), TokenKind::Word | TokenKind::Number))
    {
        return None;
    }
    let head = lw(prep.map_or(end, |p| p) - 1);
    let plural = head.len() > 3 && head.ends_with('s') && !head.ends_with("ss");
    (plural || names_people(head)).then_some((from, end))
}

/// An unnamed group right after a trigger, within `[from, stop)`: up to five
/// words ending in a group noun ("captives' families", "20 civilians", "anti-coup
/// demonstrators"); its token range.
fn unnamed_object<'t>(
    lw: &dyn Fn(usize) -> &'t str,
    kind: &dyn Fn(usize) -> TokenKind,
    from: usize,
    stop: usize,
) -> Option<(usize, usize)> {
    let mut start = from;
    while start < stop && matches!(lw(start), "to" | "with" | "from" | "the" | "a" | "an" | "some" | "at" | "least") {
        start += 1;
    }
    // The phrase runs while words (and possessive marks) continue, short of a
    // verb, conjunction or preposition.
    let in_np = |k: usize| {
        (matches!(kind(k), TokenKind::Word | TokenKind::Number) || matches!(lw(k), "'s" | "’s" | "'" | "’"))
            && !matches!(
                lw(k),
                "has"
                    | "have"
                    | "had"
                    | "was"
                    | "were"
                    | "is"
                    | "are"
                    | "been"
                    | "and"
                    | "or"
                    | "who"
                    | "which"
                    | "that"
                    | "in"
                    | "on"
                    | "at"
                    | "for"
                    | "of"
                    | "by"
                    | "from"
            )
    };
    let np_end = (start..stop.min(start + 5)).find(|&k| !in_np(k)).unwrap_or(stop.min(start + 5));
    let head = (start..np_end).rev().find(|&k| names_people(lw(k)))?;
    // Counted groups stay with their figure ("killed 20 civilians"): the words only.
    let first = (start..=head).find(|&k| kind(k) == TokenKind::Word && !lw(k).chars().all(|c| c.is_ascii_digit()))?;
    // ("to launch a new military offensive": a verb opens no group.)
    if start < head && VERB_OPENERS.contains(&lw(start)) {
        return None;
    }
    Some((first, head + 1))
}

/// Whether a noun names people or a body acting or acted on ("civilians",
/// "the ministry", "gunmen").
fn names_people(w: &str) -> bool {
    GROUP_HEADS.contains(&w) || BODY_HEADS.contains(&w) || MORE_PEOPLE.contains(&w)
}

/// Verbs that can follow a trigger before its object phrase ("threatened to
/// launch a new military offensive"): no group opens with them.
const VERB_OPENERS: [&str; 12] =
    ["launch", "send", "deploy", "use", "release", "free", "return", "attack", "strike", "hit", "end", "stop"];

/// Verbs and nouns of judgement: an event named as their object is what is
/// judged ("condemned the attack", "an inquiry into the killings").
const JUDGE_WORDS: [&str; 39] = [
    "condemned",
    "condemns",
    "condemning",
    "condemn",
    "denounced",
    "denounces",
    "denouncing",
    "deplored",
    "deplores",
    "decried",
    "refuted",
    "refutes",
    "criticized",
    "criticised",
    "criticizes",
    "welcomed",
    "welcomes",
    "praised",
    "praises",
    "investigate",
    "investigating",
    "investigated",
    "investigates",
    "inquiry",
    "investigation",
    "probe",
    "mourned",
    "commemorated",
    "comments",
    "remarks",
    "rejected",
    "rejects",
    "reject",
    "rejecting",
    "refused",
    "dismissed",
    "cancelled",
    "canceled",
    "postponed",
];

/// Words that make a following noun event the content of a demand.
const DEMAND_WORDS: [&str; 46] = [
    "threatened",
    "threatens",
    "threaten",
    "threatening",
    "call",
    "calls",
    "appeal",
    "appeals",
    "ultimatum",
    "request",
    "proposal",
    "plan",
    "demanded",
    "demand",
    "demands",
    "demanding",
    "sought",
    "seek",
    "seeks",
    "seeking",
    "urged",
    "urging",
    "called",
    "halt",
    "stop",
    "ending",
    "halting",
    "stopping",
    "cease",
    "lift",
    "lifted",
    "lifts",
    "lifting",
    "ease",
    "eased",
    "eases",
    "easing",
    "asked",
    "ceased",
    "ceases",
    "halted",
    "halts",
    "stopped",
    "stops",
    "ended",
    "ends",
];

/// Words that make a following noun event ("the release", "an end") the content
/// of what they name.
const CONTENT_WORDS: [&str; 4] = ["for", "end", "against", "secure"];

/// Where a phrase standing for the two parties ("the two sides", "both
/// parties") begins in `from..to`.
fn sides_phrase<'t>(lw: &dyn Fn(usize) -> &'t str, from: usize, to: usize) -> Option<usize> {
    (from..to)
        .find(|&k| {
            matches!(lw(k), "sides" | "parties")
                && k > from
                && matches!(lw(k - 1), "two" | "both" | "the" | "warring" | "rival")
                && !(k + 1 < to && lw(k + 1) == "of")
        })
        .map(|k| if k >= from + 2 && matches!(lw(k - 2), "the" | "both") { k - 2 } else { k - 1 })
}

/// The last two different entities joined by "and" before token `before`.
fn last_pair<'t>(lw: &dyn Fn(usize) -> &'t str, ent_of: &[Option<usize>], before: usize) -> Option<(usize, usize)> {
    (1..before).rev().find_map(|k| {
        if lw(k) != "and" {
            return None;
        }
        match (ent_of[k - 1], ent_of.get(k + 1).copied().flatten()) {
            (Some(x), Some(y)) if x != y => Some((x, y)),
            _ => None,
        }
    })
}

/// Whether a time at token `at`, after a trigger ending at `end`, belongs to a
/// modifier of what follows the trigger rather than to the event: "returned 100
/// Israelis taken captive on October 7", "released prisoners who were arrested in 2019".
fn in_modifier<'t>(lw: &dyn Fn(usize) -> &'t str, end: usize, at: usize) -> bool {
    at > end
        && (end..at).any(|k| {
            matches!(
                lw(k),
                "taken"
                    | "captured"
                    | "seized"
                    | "abducted"
                    | "kidnapped"
                    | "held"
                    | "arrested"
                    | "detained"
                    | "who"
                    | "which"
                    | "jailed"
                    | "sentenced"
                    | "convicted"
            )
        })
}

/// Whether a figure of this category measures the event (the dead of an
/// assault, the released of a release).
pub fn measures(ev: &EventAnn, category: crate::record::FigureCategory) -> bool {
    use crate::record::FigureCategory as C;
    match ev.kind {
        EventType::Assault if ev.mode == Some("abduct") => category == C::CaptivesTaken,
        EventType::Assault => matches!(category, C::Killed | C::Injured | C::Displaced | C::Missing),
        EventType::Retreat if ev.mode == Some("release") => {
            matches!(category, C::CaptivesReleased | C::PrisonersReleased)
        }
        EventType::Coerce => category == C::Detained,
        EventType::Aid => category == C::Aid,
        _ => false,
    }
}

/// The status of the event whose trigger spans tokens `[i, end)` in the
/// sentence `[a, b)`.
fn status<'t>(lw: &dyn Fn(usize) -> &'t str, a: usize, i: usize, end: usize, b: usize) -> EventStatus {
    let window: Vec<&str> = (i.saturating_sub(4).max(a)..i).map(lw).collect();
    let has = |w: &str| window.contains(&w);
    let negated = has("not") || has("n't") || has("never") || has("no");
    let refuses = ["refused", "refuses", "refuse", "refusing", "declined", "declines"].iter().any(|w| has(w));
    if (has("will") || has("would") || has("wo")) && negated || refuses {
        return EventStatus::Refused;
    }
    if negated {
        return EventStatus::Negated;
    }
    let cond = (end..b).any(|k| matches!(lw(k), "if" | "until" | "unless")) || (a..i).any(|k| lw(k) == "once");
    if cond && (has("will") || has("would") || has("ready") || lw(i) == "ready") {
        return EventStatus::Conditional;
    }
    if has("continue") || has("continued") || has("continues") || has("continuing") {
        return EventStatus::Ongoing;
    }
    if has("could") || has("might") || has("may") {
        return EventStatus::Hypothetical;
    }
    if has("will") || has("plans") || has("planned") || has("plan") || has("pursuing") || has("to") || has("would") {
        return EventStatus::Planned;
    }
    // "are in touch with", "is holding talks": going on as the story is told.
    let passive = lw(i).ends_with("ed") && (has("is") || has("are"));
    if !passive && (has("is") || has("are") || has("remain") || has("remains") || has("still")) {
        return EventStatus::Ongoing;
    }
    EventStatus::Occurred
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn our_trigger_file_reads_cleanly_as_a_users_would() {
        let mut t = Triggers::default();
        read_triggers("triggers.tsv", BUILTIN_TRIGGERS, true, &mut t).unwrap();
        assert!(t.len() > 200);
    }
}
