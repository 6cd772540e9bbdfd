//! Stage `entities`: people, organizations, armed groups, outlets and countries.
//!
//! Reads `tokens`, `sentences` and `places`. Known actors come from
//! `data/kb/entities.tsv`; countries from the `places` layer and demonyms
//! ("Israeli officials" is a mention of Israel). Names the knowledge base lacks
//! are still found: a capitalized run after a title ("Gen. Nabil Abdallah"),
//! before a reporting verb ("Ahelbarra said"), or of two or more capitalized
//! words is a PERSON; a run ending in an organization word ("Ministry",
//! "Forces", "Council") or an acronym is an ORGANIZATION. A later surname alone
//! ("Haniyeh") is the same person; "(BLA)" after a name is its acronym.

use crate::lexicon::{FastMap, FastSet};
use std::sync::{Arc, LazyLock};

use crate::doc::Doc;
use crate::lexicon::{data_lines, opens_person};
use crate::pipeline::Stage;
use crate::record::{EntityType, PlaceFeature};
use crate::stages::tokens::{Token, TokenKind};

/// An entity in the `entities` layer.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityAnn {
    pub name: String,
    pub kind: EntityType,
    pub country: Option<String>,
    pub sector: Option<String>,
    pub roles: Vec<String>,
    /// Index (in the layer) of the organization or country the person's role
    /// belongs to: "Al Jazeera's Hashem Ahelbarra", "Hamas official Ghazi Hamad".
    pub affiliation: Option<usize>,
    /// A role holder the text does not name ("Cairo's spy chief"): `name` is
    /// then the phrase that describes them.
    pub unnamed: bool,
    /// The knowledge-base entry: the entity itself, or for an unnamed role holder
    /// the person the knowledge base has in that role on the article's date.
    pub kb: Option<String>,
    /// Mentions as byte spans, in text order.
    pub mentions: Vec<(u32, u32)>,
}

/// The `entities` stage, with its knowledge base of actors.
#[derive(Debug, Clone)]
pub struct Entities {
    kb: Arc<KnowledgeBase>,
}

impl Default for Entities {
    fn default() -> Self {
        Entities { kb: BUILTIN.clone() }
    }
}

impl Entities {
    /// The stage with the built-in knowledge base extended by user dictionaries,
    /// each given as `(name, text)` in the format of `data/kb/entities.tsv`.
    /// A later entry for the same name or alias wins. Errors name the
    /// dictionary and line.
    pub fn with_dictionaries(dicts: &[(String, String)]) -> Result<Entities, String> {
        let mut kb = (*BUILTIN.as_ref()).clone();
        for (name, text) in dicts {
            kb.load(text, name, true)?;
        }
        Ok(Entities { kb: Arc::new(kb) })
    }
}

#[derive(Debug, Clone)]
struct KbEntry {
    name: String,
    kind: EntityType,
    country: String,
    sector: String,
    roles: Vec<Role>,
    /// Name of the entry the person acts for ("Hamas" for Ismail Haniyeh).
    affiliation: String,
}

/// A role and the years it was held: "Prime Minister 2022-", "President
/// 2017-2021", or "Hamas official" (no years: always).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Role {
    title: String,
    from: Option<i32>,
    to: Option<i32>,
}

impl Role {
    fn parse(s: &str) -> Role {
        let s = s.trim();
        let (title, years) = match s.rsplit_once(' ') {
            Some((t, y)) if y.starts_with(|c: char| c.is_ascii_digit()) && y.len() <= 9 => (t, Some(y)),
            _ => (s, None),
        };
        let (from, to) = match years.map(|y| y.split_once('-').unwrap_or((y, y))) {
            Some((a, b)) => (a.parse().ok(), if b.is_empty() { None } else { b.parse().ok() }),
            None => (None, None),
        };
        Role { title: title.to_string(), from, to }
    }

    /// Held in `year` (any year when the article's date is unknown).
    fn held(&self, year: Option<i32>) -> bool {
        year.is_none_or(|y| self.from.is_none_or(|f| f <= y) && self.to.is_none_or(|t| y <= t))
    }
}

/// Known actors, indexed by lowercase name and alias.
#[derive(Debug, Clone, Default)]
pub struct KnowledgeBase {
    entries: Vec<KbEntry>,
    /// Lowercase name or alias → entry.
    index: FastMap<String, usize>,
    /// The letters a name opens with (up to its first non-alphanumeric) → the
    /// most words of a name opening so: most tokens skip the index at once.
    heads: FastMap<String, usize>,
    /// Names and aliases that open in lowercase ("anti-Balaka", "von der Leyen",
    /// "teleSUR"): found only as written.
    lowercase: FastSet<String>,
}

/// The letters a name or token opens with, lowercase: "u" for "U.S.", "al" for
/// "al-Shabab", "hamas" for "Hamas".
fn head_of(s: &str) -> &str {
    let end = s.find(|c: char| !c.is_alphanumeric()).unwrap_or(s.len());
    &s[..end]
}

impl KnowledgeBase {
    /// Adds the entries of a dictionary; `strict` reports malformed lines
    /// (user files) instead of skipping them (our own file is tested).
    fn load(&mut self, src: &str, source: &str, strict: bool) -> Result<(), String> {
        for (n, raw) in src.lines().enumerate() {
            let line = raw.split('#').next().unwrap_or("").trim_end();
            if line.trim().is_empty() {
                continue;
            }
            let c: Vec<&str> = line.split('\t').collect();
            let kind = match c.get(1).map(|s| s.trim()) {
                Some("PERSON") => EntityType::Person,
                Some("GROUP") => EntityType::Group,
                Some("MEDIA") => EntityType::Media,
                Some("COUNTRY") => EntityType::Country,
                Some("ORGANIZATION") => EntityType::Organization,
                other if strict => {
                    return Err(format!(
                        "{source}:{}: type {:?} is not PERSON, ORGANIZATION, GROUP, MEDIA or COUNTRY (columns are tab-separated)",
                        n + 1,
                        other.unwrap_or("")
                    ))
                }
                _ => continue,
            };
            if c.len() < 4 || c[0].trim().is_empty() {
                if strict {
                    return Err(format!(
                        "{source}:{}: expected name, type, country and sector separated by tabs",
                        n + 1
                    ));
                }
                continue;
            }
            let roles = c.get(5).map_or(Vec::new(), |r| {
                r.split(';').map(str::trim).filter(|s| !s.is_empty()).map(Role::parse).collect()
            });
            let k = self.entries.len();
            self.entries.push(KbEntry {
                name: c[0].trim().to_string(),
                kind,
                country: c[2].trim().to_string(),
                sector: c[3].trim().to_string(),
                roles,
                affiliation: c.get(6).map_or(String::new(), |a| a.trim().to_string()),
            });
            let aliases = c.get(4).copied().unwrap_or("");
            for name in std::iter::once(c[0]).chain(aliases.split('|')).map(str::trim).filter(|s| !s.is_empty()) {
                // (A name, with a capital inside: not a common noun such as "junta",
                // nor a phrase opening with "the".)
                if name.starts_with(char::is_lowercase)
                    && name.contains(char::is_uppercase)
                    && !name.starts_with("the ")
                {
                    self.lowercase.insert(name.to_string());
                }
                let words = name.split_whitespace().count() + 1;
                let lower = name.to_lowercase();
                // The Arabic article is written al- and el- alike ("el-Sisi").
                let swapped = lower
                    .split(' ')
                    .map(|w| match (w.strip_prefix("al-"), w.strip_prefix("el-")) {
                        (Some(r), _) => format!("el-{r}"),
                        (_, Some(r)) => format!("al-{r}"),
                        _ => w.to_string(),
                    })
                    .collect::<Vec<_>>()
                    .join(" ");
                for key in [lower, swapped] {
                    let most = self.heads.entry(head_of(&key).to_string()).or_default();
                    *most = (*most).max(words);
                    self.index.entry(key).or_insert(k);
                }
            }
        }
        Ok(())
    }
}

static BUILTIN: LazyLock<Arc<KnowledgeBase>> = LazyLock::new(|| {
    let mut kb = KnowledgeBase::default();
    let _ = kb.load(include_str!("../../data/kb/entities.tsv"), "entities.tsv", false);
    Arc::new(kb)
});

/// The person named in full before whose surname is `w` ("Haniyeh" for Ismail
/// Haniyeh); with `fuzzy`, also a surname one letter off ("Pederson").
fn person_named(out: &[EntityAnn], w: &str, fuzzy: bool) -> Option<usize> {
    out.iter().position(|x| {
        x.kind == EntityType::Person
            && !x.unnamed
            && x.name.contains(' ')
            && x.name
                .rsplit(' ')
                .next()
                .is_some_and(|last| last == w || fuzzy && crate::lexicon::one_letter_off(last, w))
    })
}

/// A company's legal ending, which belongs to the name before it ("General
/// Motors Corporation", "Boeing Co.").
fn legal_ending(w: &str) -> bool {
    matches!(
        w,
        "Corporation"
            | "Corp."
            | "Corp"
            | "Inc."
            | "Inc"
            | "Co."
            | "Company"
            | "Ltd"
            | "Ltd."
            | "LLC"
            | "PLC"
            | "plc"
            | "Holdings"
            | "Group"
            | "AG"
            | "SA"
    )
}

/// Organizations' endings that alone, unnamed, still name a body that acts.
const BODIES: &[&str] = &[
    "Police",
    "Army",
    "Navy",
    "Government",
    "Parliament",
    "Cabinet",
    "Military",
    "Marines",
    "Senate",
    "Congress",
    "Guard",
    "Forces",
];

/// Whether the place at bytes `[start, end)` stands as a clause's subject: first in
/// its sentence or after a comma or conjunction, and followed by a lowercase word
/// that is no preposition or article ("Moscow said", "Beirut again rejected").
fn capital_speaks(doc: &Doc, start: u32, end: u32) -> bool {
    let r = doc.token_range(start, end);
    let text = doc.text();
    let Some(next) = doc.tokens.get(r.end) else { return false };
    if next.kind != TokenKind::Word || cap(next, text) {
        return false;
    }
    let w = lw(doc, r.end);
    // "Tel Aviv is pursuing a deal", "Moscow has rejected": an act of a state.
    let then = lw(doc, r.end + 1);
    let acts = (matches!(w, "is" | "was") && then.len() > 5 && then.ends_with("ing") && then != "being")
        || (matches!(w, "has" | "had") && then.len() > 4 && then.ends_with("ed"));
    if !acts
        && matches!(
            w,
            "of" | "in"
                | "on"
                | "at"
                | "to"
                | "and"
                | "or"
                | "for"
                | "from"
                | "with"
                | "by"
                | "the"
                | "a"
                | "an"
                | "into"
                | "near"
                | "after"
                | "before"
                | "where"
                | "which"
                | "who"
                | "is"
                | "was"
                | "has"
                | "had"
                | "city"
        )
    {
        return false;
    }
    let first = doc.sentence_at(start as usize).is_some_and(|s| doc.sentences[s].first as usize == r.start);
    // "a charge New Delhi quickly rejected": a verb (after an adverb) follows.
    let verb_at = |k: usize| {
        let v = lw(doc, k);
        (v.len() > 4 && v.ends_with("ed")) || crate::lexicon::is_speech_verb(v)
    };
    let verb_next = verb_at(r.end) || (w.len() > 4 && w.ends_with("ly") && verb_at(r.end + 1));
    let after_preposition = r.start > 0
        && matches!(lw(doc, r.start - 1), "in" | "to" | "from" | "at" | "of" | "on" | "near" | "by" | "with" | "for");
    first
        || r.start > 0 && matches!(lw(doc, r.start - 1), "," | "and" | "but" | "while" | "that" | "as")
        || (verb_next && !after_preposition)
}

/// An organization's ending that alone names nobody in particular ("Cabinet",
/// "Ministry", "Court"): typed only as part of a longer name.
fn cap_only_org(w: &str) -> bool {
    !is_acronym(w) && !w.ends_with('.')
}

/// Whether "he" or "she" is the next subject after token `e`: later in the same
/// sentence after a comma or "and", or opening the next sentence ("Glwadys
/// Siopathis led a delegation. She says ...").
fn he_or_she_follows(doc: &Doc, e: usize) -> bool {
    let Some(s) = doc.sentence_at(doc.tokens.get(e.saturating_sub(1)).map_or(0, |t| t.start as usize)) else {
        return false;
    };
    let next_first = doc.sentences.get(s + 1).map(|n| n.first as usize);
    next_first.is_some_and(|k| matches!(lw(doc, k), "he" | "she"))
}

/// A single word that reads as an adjective of origin or a compound, not a name:
/// "Saudi", "Somalian", "Baloch", "Bosnian", "Russia-Ukraine".
fn adjective_like(words: &[&str]) -> bool {
    let [w] = words else { return false };
    w.contains('-')
        || ["an", "ian", "ese", "ish", "i", "ch", "ic", "ed"].iter().any(|s| w.ends_with(s)) && !w.ends_with("ani")
}

/// A given name of two syllables joined by a hyphen, written after the surname
/// ("Kim Jong-un", "Yau Wai-ching", "Moon Jae-in").
fn hyphenated_given(w: &str) -> bool {
    let Some((a, b)) = w.split_once('-') else { return false };
    (2..=5).contains(&a.len())
        && (2..=5).contains(&b.len())
        && a.starts_with(|c: char| c.is_ascii_uppercase())
        && a[1..].bytes().all(|c| c.is_ascii_lowercase())
        && b.bytes().all(|c| c.is_ascii_lowercase())
}

/// Words that type a capitalized run (`data/name_words.tsv`), by kind.
struct NameWords {
    /// End an organization's name ("Ministry", "Airlines").
    org: FastSet<&'static str>,
    /// Make a run a place or a thing ("State", "Hotel").
    thing: FastSet<&'static str>,
    /// Role nouns before a name or opening an apposition ("official").
    role: FastSet<&'static str>,
    /// Acronyms that name no organization ("GDP").
    not_org: FastSet<&'static str>,
    /// Capitalized words that open sentences or name days ("However").
    not_name: FastSet<&'static str>,
}

static WORDS: LazyLock<NameWords> = LazyLock::new(|| {
    let mut w = NameWords {
        org: FastSet::default(),
        thing: FastSet::default(),
        role: FastSet::default(),
        not_org: FastSet::default(),
        not_name: FastSet::default(),
    };
    for line in data_lines(include_str!("../../data/name_words.tsv")) {
        let Some((word, kind)) = line.split_once('\t') else { continue };
        let set = match kind.trim() {
            "org" => &mut w.org,
            "thing" => &mut w.thing,
            "role" => &mut w.role,
            "not_org" => &mut w.not_org,
            "not_name" => &mut w.not_name,
            _ => continue,
        };
        set.insert(word);
    }
    w
});

static GROUP_NOUNS: LazyLock<FastSet<&'static str>> =
    LazyLock::new(|| data_lines(include_str!("../../data/group_nouns.txt")).flat_map(str::split_whitespace).collect());

impl Stage for Entities {
    fn name(&self) -> &'static str {
        "entities"
    }
    fn annotate(&self, doc: &mut Doc) {
        doc.entities = find(doc, &self.kb);
    }
}

/// Token `i` in lowercase.
fn lw(doc: &Doc, i: usize) -> &str {
    doc.tokens.get(i).map_or("", |t| t.text(doc.lower()))
}

fn cap(t: &Token, text: &str) -> bool {
    t.kind == TokenKind::Word && t.text(text).starts_with(char::is_uppercase)
}

/// A church named for its denomination is a body ("Greek Orthodox Church",
/// "the Coptic Church"); one named for a saint or a street is a building.
fn church_body(words: &[&str]) -> bool {
    words.last() == Some(&"Church")
        && words.iter().any(|w| {
            matches!(
                *w,
                "Orthodox"
                    | "Catholic"
                    | "Anglican"
                    | "Methodist"
                    | "Baptist"
                    | "Lutheran"
                    | "Evangelical"
                    | "Presbyterian"
                    | "Coptic"
                    | "Protestant"
                    | "Episcopal"
                    | "Pentecostal"
                    | "Adventist"
                    | "Maronite"
                    | "Apostolic"
                    | "Reformed"
                    | "Mennonite"
                    | "Moravian"
                    | "Unification"
            )
        })
}

fn is_acronym(w: &str) -> bool {
    // ("XVII", "III": a roman numeral, not a body's initials.)
    if w.len() >= 2 && w.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L')) {
        return false;
    }
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    (2..=6).contains(&letters) && w.chars().all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '.' || c == '-')
}

fn find(doc: &Doc, kb: &KnowledgeBase) -> Vec<EntityAnn> {
    let year = doc.published().map(|d| d.year());
    let text = doc.text();
    let toks = &doc.tokens;
    let g = doc.gazetteer.clone();
    let g = &*g;
    let mut out: Vec<EntityAnn> = Vec::new();
    let mut armed_later: Vec<(u32, u32)> = Vec::new();
    let mut by_key: FastMap<String, usize> = FastMap::default();
    let add = |out: &mut Vec<EntityAnn>,
               by_key: &mut FastMap<String, usize>,
               key: String,
               make: &dyn Fn() -> EntityAnn,
               span: (u32, u32)| {
        let k = *by_key.entry(key).or_insert_with(|| {
            out.push(make());
            out.len() - 1
        });
        out[k].mentions.push(span);
    };

    // Tokens covered by places; countries become COUNTRY entities.
    let mut in_place = vec![false; toks.len()];
    let mut in_country = vec![false; toks.len()];
    for p in &doc.places {
        in_place[doc.token_range(p.start, p.end)].fill(true);
        let e = &g.entries[p.entry];
        if p.facility {
            continue;
        }
        if e.feature == PlaceFeature::Country {
            in_country[doc.token_range(p.start, p.end)].fill(true);
            let make = || country_entity(&e.name, &e.country);
            add(&mut out, &mut by_key, format!("country:{}", e.country), &make, (p.start, p.end));
        } else if e.capital && capital_speaks(doc, p.start, p.end) {
            // "Beirut again rejected ...", "Moscow said": a capital as the subject
            // of a clause speaks for its country's government.
            if let Some(c) = g.countries.iter().find(|c| c.iso3 == e.country) {
                let name = &g.entries[c.entry].name;
                let make = || country_entity(name, &c.iso3);
                add(&mut out, &mut by_key, format!("country:{}", c.iso3), &make, (p.start, p.end));
            }
        }
    }

    // Tokens inside time expressions are no names either ("Tuesday", "March").
    for x in &doc.times {
        in_place[doc.token_range(x.start, x.end)].fill(true);
    }

    // Capitalized words inside sentences, counted: a surname used again alone
    // ("Pedersen said") marks the full name before it as a person's.
    let mut alone: FastMap<&str, u32> = FastMap::default();
    for s in &doc.sentences {
        for k in s.first as usize + 1..s.last as usize {
            let t = &toks[k];
            if t.kind == TokenKind::Word
                && cap(t, text)
                && !toks.get(k + 1).is_some_and(|n| n.kind == TokenKind::Word && cap(n, text))
                && !cap(&toks[k - 1], text)
            {
                *alone.entry(t.text(text)).or_default() += 1;
            }
        }
    }

    for s in &doc.sentences {
        let (a, b) = (s.first as usize, s.last as usize);
        let mut i = a;
        while i < b {
            let tk = &toks[i];
            // "Israel Defense Forces", "Qatar Airways" known as such: a known name
            // that opens with a place's and goes on past it.
            if in_place[i] && tk.kind == TokenKind::Word {
                let most = kb.heads.get(head_of(lw(doc, i))).copied().unwrap_or(0);
                let hit = (2..=most.min(b - i)).rev().find_map(|n| {
                    let last = i + n - 1;
                    let split = (i + 1..=last).any(|k| toks[k].attached() && toks[k].kind != TokenKind::Word);
                    // (Capitalized past the place: "the U.S. military" stays the country's.)
                    if in_place[last] || split || !cap(&toks[last], text) {
                        return None;
                    }
                    kb.index.get(&doc.lower()[tk.start as usize..toks[last].end as usize]).map(|&k| (k, n))
                });
                if let Some((k, n)) = hit {
                    let e = &kb.entries[k];
                    let make = || kb_entity(e, year);
                    add(&mut out, &mut by_key, format!("kb:{k}"), &make, (tk.start, toks[i + n - 1].end));
                    i += n;
                    continue;
                }
            }
            if in_place[i] || tk.kind != TokenKind::Word {
                i += 1;
                continue;
            }
            // Descriptions: "the Palestinian group", "the militant group" refer back to
            // the last armed group or organization named (of that country, if given).
            // "the rebels", "the militants": the last armed group named.
            if lw(doc, i) == "the"
                && i + 1 < b
                && matches!(lw(doc, i + 1), "rebels" | "militants" | "insurgents" | "jihadists")
            {
                let target =
                    out.iter().rposition(|e| e.kind == EntityType::Group && e.sector.as_deref() == Some("REB"));
                match target {
                    Some(k) => out[k].mentions.push((toks[i].start, toks[i + 1].end)),
                    // Named later ("the rebels freed 25 soldiers … the Coastal Liberation Front said").
                    None => armed_later.push((toks[i].start, toks[i + 1].end)),
                }
                i += 2;
                continue;
            }
            if lw(doc, i) == "the" {
                let mut j = i + 1;
                let mut country: Option<String> = None;
                if j < b && cap(&toks[j], text) {
                    if let Some(k) = g.demonym(toks[j].text(doc.lower())) {
                        country = Some(g.countries[k].iso3.clone());
                        j += 1;
                    }
                } else if j < b && matches!(lw(doc, j), "militant" | "armed" | "rebel" | "islamist" | "jihadist") {
                    j += 1;
                }
                if j > i + 1 && j < b && matches!(lw(doc, j), "group" | "movement" | "militia" | "organization") {
                    let target = out.iter().rposition(|e| {
                        matches!(e.kind, EntityType::Group | EntityType::Organization)
                            && country.as_ref().is_none_or(|c| e.country.as_deref() == Some(c.as_str()))
                    });
                    if let Some(k) = target {
                        out[k].mentions.push((toks[i].start, toks[j].end));
                        i = j + 1;
                        continue;
                    }
                }
            }
            // Knowledge base, longest first (only names opening as this token does),
            // before a demonym opening one ("British Red Cross").
            let mut matched = None;
            let most = kb.heads.get(head_of(lw(doc, i))).copied().unwrap_or(0);
            for n in (1..=most.min(b - i)).rev() {
                let last = i + n - 1;
                if (i + 1..=last).any(|k| toks[k].attached() && toks[k].kind != TokenKind::Word) {
                    continue;
                }
                let key = &doc.lower()[tk.start as usize..toks[last].end as usize];
                if let Some(&k) = kb.index.get(key) {
                    // Lowercase aliases must match as written ("IS" is not "is").
                    let written = &text[tk.start as usize..toks[last].end as usize];
                    if written.chars().next().is_some_and(char::is_uppercase)
                        || key.starts_with("al-")
                        || key.starts_with("el-")
                        || kb.lowercase.contains(written)
                    {
                        matched = Some((k, n));
                        break;
                    }
                }
            }
            // A known company followed by an organization's word other than a legal
            // ending is a longer name of its own ("Apple Corps" is not Apple; "Hamas
            // Movement" is still Hamas).
            if let Some((k, n)) = matched {
                let next = toks.get(i + n).filter(|t| i + n < b && !t.attached()).map(|t| t.text(text));
                if kb.entries[k].sector == "BUS" && next.is_some_and(|w| WORDS.org.contains(w) && !legal_ending(w)) {
                    matched = None;
                }
            }
            // One known word that is also the surname of a person named before is
            // that person ("Doug Ford ... Ford said" is not the carmaker).
            if let Some((k, 1)) = matched {
                if kb.entries[k].kind != EntityType::Person {
                    // (Named in full with a first name we know: "Doug Ford".)
                    let full = person_named(&out, tk.text(text), false)
                        .filter(|&p| out[p].name.split_whitespace().next().is_some_and(opens_person));
                    if let Some(p) = full {
                        out[p].mentions.push((tk.start, tk.end));
                        i += 1;
                        continue;
                    }
                }
            }
            if let Some((k, mut n)) = matched {
                // A company's legal ending belongs to its name ("General Motors
                // Corporation", "Boeing Co.").
                while i + n < b && !toks[i + n].attached() && legal_ending(toks[i + n].text(text)) {
                    n += 1;
                }
                let e = &kb.entries[k];
                let make = || kb_entity(e, year);
                add(&mut out, &mut by_key, format!("kb:{k}"), &make, (tk.start, toks[i + n - 1].end));
                i += n;
                continue;
            }
            // Demonyms: "Israeli officials" mention Israel.
            if cap(tk, text) {
                // ... unless it opens an organization's name ("Sudanese Defense Ministry").
                let mut r = i + 1;
                while r < b && cap(&toks[r], text) && !toks[r].attached() {
                    r += 1;
                }
                let run: Vec<&str> = (i..r).map(|k| toks[k].text(text)).collect();
                // ("the Iraqi Government" is Iraq's, as "the Iraqi government" is.)
                let government = run.len() == 2 && matches!(run[1], "Government" | "Administration");
                let opens_org =
                    r > i + 1 && (WORDS.org.contains(toks[r - 1].text(text)) || church_body(&run)) && !government;
                if let (Some(k), false) = (g.demonym(tk.text(doc.lower())), opens_org) {
                    let c = &g.countries[k];
                    let e = &g.entries[c.entry];
                    let make = || country_entity(&e.name, &c.iso3);
                    add(&mut out, &mut by_key, format!("country:{}", c.iso3), &make, (tk.start, tk.end));
                    i += 1;
                    continue;
                }
            }
            // "The", "In", "However" open sentences, not names: the name (or the
            // demonym: "The Israeli army") starts after them.
            if !cap(tk, text) || WORDS.not_name.contains(tk.text(text)) {
                i += 1;
                continue;
            }
            // A run of capitalized words (with "of", "al-" particles inside).
            let mut e = i + 1;
            while e < b && !in_place[e] {
                let t2 = &toks[e];
                let connector = matches!(t2.text(text), "of" | "for" | "and" | "the")
                    && e + 1 < b
                    && cap(&toks[e + 1], text)
                    && t2.text(text) != "and";
                // "National Intelligence and Security Agency": "and" inside a name
                // that ends in an organization word a few words on.
                let and_in_org = t2.text(text) == "and"
                    && !(i..e).any(|k| WORDS.org.contains(toks[k].text(text)) || in_place[k])
                    && (e + 1..(e + 4).min(b))
                        .take_while(|&k| cap(&toks[k], text) && !in_place[k])
                        .any(|k| WORDS.org.contains(toks[k].text(text)));
                // "Abdel Fattah el-Sisi", "Mohammed bin Salman": a particle inside a name.
                let w2 = t2.text(text);
                let particle = t2.kind == TokenKind::Word
                    && !t2.attached()
                    && (["al-", "el-", "ad-", "as-", "an-", "ar-", "at-", "az-"]
                        .iter()
                        .any(|p| w2.strip_prefix(p).is_some_and(|r| r.starts_with(char::is_uppercase)))
                        || (matches!(
                            w2,
                            "bin"
                                | "ibn"
                                | "bint"
                                | "ould"
                                | "van"
                                | "von"
                                | "de"
                                | "da"
                                | "dos"
                                | "der"
                                | "den"
                                | "del"
                                | "della"
                                | "di"
                                | "du"
                                | "la"
                                | "le"
                                | "ter"
                        ) && e + 1 < b
                            && cap(&toks[e + 1], text)));
                if (cap(t2, text) && !t2.attached())
                    || particle
                    || and_in_org
                    || (connector && (i..e).any(|k| WORDS.org.contains(toks[k].text(text))))
                {
                    e += 1;
                } else {
                    break;
                }
            }
            // Trim a trailing connector, or a word that opens the next sentence of a
            // heading or caption ("... FTU In", "... Image").
            // A month or weekday stays ("Theresa May").
            while e > i + 1
                && (matches!(toks[e - 1].text(text), "of" | "for" | "the" | "Image" | "Photo")
                    || crate::lexicon::is_sentence_opener(toks[e - 1].text(text)))
            {
                e -= 1;
            }
            // "Air France", "Air India": a company named for a country.
            let named_for_place = e == i + 1
                && matches!(toks[i].text(text), "Air" | "Radio")
                && e < b
                && in_place[e]
                && !toks[e].attached();
            if named_for_place {
                while e < b && in_place[e] {
                    e += 1;
                }
            }
            let words: Vec<&str> = (i..e).map(|k| toks[k].text(text)).collect();
            // Leading titles are roles, not names.
            let mut nstart = i;
            let mut roles = Vec::new();
            let mut org_run = named_for_place || WORDS.org.contains(toks[e - 1].text(text));
            while !org_run && nstart < e && crate::lexicon::is_title(toks[nstart].text(text)) {
                nstart += 1;
            }
            if nstart > i {
                roles.push(text[toks[i].start as usize..toks[nstart - 1].end as usize].to_string());
            }
            // "Scientologist Tom Cruise", "Pan-democrat Gary Fan": a descriptor before
            // a given name and a surname is a role, not part of the name.
            // (Only a word shaped like a descriptor: "Sahra Abdi Ahmed" is one name.)
            let descriptor = |w: &str| {
                ["ist", "ists", "yst", "crat", "ian", "ite", "ese", "ive", "er", "or", "ee", "ant", "ent"]
                    .iter()
                    .any(|x| w.ends_with(x))
            };
            if !org_run
                && e - nstart >= 3
                && !opens_person(toks[nstart].text(text))
                && opens_person(toks[nstart + 1].text(text))
                && !WORDS.org.contains(toks[nstart].text(text))
                && descriptor(toks[nstart].text(text))
            {
                roles.push(toks[nstart].text(text).to_string());
                nstart += 1;
            }
            // "Apple CEO Steve Jobs", "Chrysler LLC Jim Press": an affiliation, then a
            // title or an organization's ending, then a person. The run ends before the
            // title (or after the ending); the person is read next.
            if let Some(k) = (nstart + 1..e.saturating_sub(1)).find(|&k| {
                crate::lexicon::is_title(toks[k].text(text)) && !org_run
                    || WORDS.org.contains(toks[k - 1].text(text)) && opens_person(toks[k].text(text))
            }) {
                e = k;
            }
            let words = &words[..e - i];
            let title_before = nstart > i || (i > a && crate::lexicon::is_title(toks[i - 1].text(text)));
            // "US$460 million", "HK$2 billion": a currency's prefix names no one.
            let currency = toks.get(e).is_some_and(|t| t.attached() && t.text(text).starts_with('$'));
            if nstart >= e || currency {
                i = e;
                continue;
            }
            org_run = named_for_place || WORDS.org.contains(toks[e - 1].text(text));
            let name_words = &words[nstart - i..];
            let last_word = *name_words.last().unwrap_or(&"");
            // Followed by a title or a role noun and a name: the name's organization
            // ("Boeing spokesman William Barksdale", "Apple CEO Steve Jobs").
            let affiliation = toks.get(e).is_some_and(|t| {
                let w = t.text(text);
                (crate::lexicon::is_title(w) || WORDS.role.contains(w))
                    && toks.get(e + 1).is_some_and(|n| n.kind == TokenKind::Word && cap(n, text))
            });
            let written = &text[toks[nstart].start as usize..toks[e - 1].end as usize];
            let speech_after = toks.get(e).is_some_and(|t| crate::lexicon::is_speech_verb(t.text(text)));
            // "Undersecretary for Education", "Minister of Defence": a portfolio,
            // part of a title, names no body.
            let portfolio = name_words.len() == 1
                && nstart >= a + 2
                && matches!(lw(doc, nstart - 1), "for" | "of")
                && crate::lexicon::is_title(toks[nstart - 2].text(text));
            let kind = if portfolio {
                None
            } else if church_body(name_words) {
                Some(EntityType::Organization)
            } else if name_words.iter().any(|w| WORDS.thing.contains(w)) && !WORDS.org.contains(last_word) {
                // (Not "Colorado State University": an organization's ending wins.)
                None // "Zamfara State", "Qahira Hotel": places and things we do not type yet
            } else if WORDS.org.contains(last_word) && (name_words.len() >= 2 || !cap_only_org(last_word))
                || (name_words.len() == 1
                    && is_acronym(last_word)
                    && !last_word.contains(|c: char| c.is_ascii_digit())
                    && !WORDS.not_org.contains(last_word))
            {
                Some(EntityType::Organization)
            } else if name_words.len() == 1
                && (WORDS.not_name.contains(name_words[0])
                    || GROUP_NOUNS.contains(name_words[0].to_lowercase().as_str()))
            {
                None
            } else if title_before
                || (name_words.len() >= 2
                    // ("Stealth Over Health": a headline's words in capitals, no name.)
                    && !name_words[1..].iter().any(|w| {
                        matches!(
                            *w,
                            "Over" | "To" | "In" | "At" | "On" | "For" | "With" | "From" | "By" | "Was" | "Is" | "Are"
                                | "And" | "The" | "Of" | "Into" | "After" | "Against"
                        )
                    })
                    && (opens_person(name_words[0])
                        || hyphenated_given(last_word)
                        || name_words.len() >= 3 && opens_person(name_words[1])
                        || alone.get(last_word).is_some_and(|&n| n >= 1)
                        || i > a && WORDS.role.contains(lw(doc, i - 1))
                        || toks.get(e).is_some_and(|t| t.text(text) == ",")
                            && (matches!(lw(doc, e + 1), "a" | "an" | "the" | "who" | "who's")
                                || WORDS.role.contains(lw(doc, e + 1))
                                || toks.get(e + 1).is_some_and(|t| crate::lexicon::is_title(t.text(text)))
                                // "Salaheddine Sidhoum, Algeria's leading activist"
                                || toks.get(e + 2).is_some_and(|t| matches!(t.text(text), "'s" | "’s"))
                                    && toks.get(e + 3).is_some_and(|t| !cap(t, text)))
                        || he_or_she_follows(doc, e)))
            {
                Some(EntityType::Person)
            } else if name_words.len() == 1 && matches!(lw(doc, e), "administration" | "campaign") {
                // "the Bush administration": named for a person.
                Some(EntityType::Person)
            } else if speech_after && name_words.len() == 1 && WORDS.not_org.contains(last_word) {
                None // "the QC said": a title's initials, no body
            } else if speech_after && name_words.len() == 1 {
                // "Ahelbarra said": a person, unless nothing marks one ("Boeing said"
                // with no one of that surname named before is a company).
                if person_named(&out, name_words[0], true).is_some() || opens_person(name_words[0]) {
                    Some(EntityType::Person)
                } else {
                    Some(EntityType::Organization)
                }
            } else if speech_after {
                Some(EntityType::Person)
            } else if name_words.len() == 1 && person_named(&out, last_word, false).is_some() {
                // The surname of a person named in full before ("Siopathis counted").
                Some(EntityType::Person)
            } else if let Some(&k) = by_key.get(&format!("name:{written}")) {
                // Named before with a type ("Apple" after "Apple CEO Steve Jobs").
                Some(out[k].kind)
            } else if org_run && name_words.len() >= 2
                || affiliation
                    && !opens_person(name_words[0])
                    && !adjective_like(name_words)
                    // First in its sentence, one word could be any noun ("Aid worker
                    // ..."): it needs to be named elsewhere too, or be an acronym.
                    && (i != a || name_words.len() != 1 || is_acronym(last_word) || alone.contains_key(last_word))
            {
                Some(EntityType::Organization)
            } else if name_words.len() == 1
                && i > a
                && alone.get(last_word).is_some_and(|&n| n >= 2)
                && !opens_person(last_word)
                && !adjective_like(name_words)
                && !WORDS.org.contains(last_word)
                && !out
                    .iter()
                    .any(|x| x.kind == EntityType::Person && x.name.split_whitespace().any(|w| w == last_word))
            {
                // A single name used alone again and again that is nobody's surname
                // ("Boeing", "Chrysler"): an organization.
                Some(EntityType::Organization)
            } else if name_words.len() >= 2 && alone.get(name_words[0]).is_some_and(|&n| n >= 1) {
                // Referred to again by its first word ("Lockheed Martin ... Lockheed"):
                // people are called by their last name, companies by their first.
                Some(EntityType::Organization)
            } else if name_words.len() >= 2 {
                // A name of two words or more with nothing to tell a person from a
                // body or a thing ("European Community", "Star Wars"): kept, untyped.
                Some(EntityType::Other)
            } else {
                None
            };
            // An organization's ending alone next to a place is the place's body:
            // "Qatar Airways", "New York Times", "Bank of Canada". After a
            // possessive it is the country's ("Israel's Cabinet"): left to the country.
            let mut kind = kind;
            let mut name_from = None;
            // ("Colorado State University": a longer name after a town or a region
            // takes it too; a country's is its attribute: "UK Home Office".)
            if name_words.len() >= 2
                && kind == Some(EntityType::Organization)
                && WORDS.org.contains(last_word)
                && i > a
                && in_place[i - 1]
                && !in_country[i - 1]
                && !toks[i].attached()
                && toks[i - 1].text(text).starts_with(char::is_uppercase)
            {
                let mut p0 = i - 1;
                while p0 > a && in_place[p0 - 1] {
                    p0 -= 1;
                }
                name_from = Some(p0);
            }
            if name_words.len() == 1 && WORDS.org.contains(last_word) && !is_acronym(last_word) {
                // (After a demonym too: "the Iraqi Government" is Iraq's.)
                let after_demonym = i > a && !in_place[i - 1] && g.demonym(lw(doc, i - 1)).is_some();
                let possessive = i > a && matches!(toks[i - 1].text(text), "'s" | "’s") || after_demonym;
                if i > a && in_place[i - 1] && !possessive && !toks[i].attached() {
                    let mut p0 = i - 1;
                    while p0 > a && in_place[p0 - 1] {
                        p0 -= 1;
                    }
                    name_from = Some(p0);
                    kind = Some(EntityType::Organization);
                } else if lw(doc, e) == "of" && e + 1 < b && in_place[e + 1] {
                    let mut p1 = e + 1;
                    while p1 < b && in_place[p1] {
                        p1 += 1;
                    }
                    e = p1;
                    kind = Some(EntityType::Organization);
                } else if !possessive && BODIES.contains(&last_word) {
                    // "Police fired tear gas": a body, if not a particular one.
                    kind = Some(EntityType::Organization);
                } else if !possessive {
                    // "the Commission", "the Treasury": the body named before whose
                    // name it ends; else nothing ("News of the arrest").
                    let suffix = format!(" {last_word}");
                    let named = out.iter().rposition(|x| {
                        matches!(x.kind, EntityType::Organization | EntityType::Group | EntityType::Media)
                            && x.name.ends_with(&suffix)
                    });
                    if let Some(k) = named {
                        out[k].mentions.push((toks[i].start, toks[e - 1].end));
                    }
                    kind = None;
                }
            }
            let Some(mut kind) = kind else {
                i = e;
                continue;
            };
            // A month, weekday or sentence opener heading a run is no part of the name.
            let mut ns = name_from.unwrap_or(nstart);
            // ("Pro-Beijing DAB", "Anti-Kremlin Kommersant": a stance heading a run too.)
            // ("Resource-rich Balochistan", "Muslim-led Seleka": a modifier too.)
            let stance = |w: &str| {
                ["Pro-", "Anti-", "Ex-"].iter().any(|p| w.starts_with(p))
                    || w.rsplit_once('-').is_some_and(|(_, tail)| crate::lexicon::MODIFIER_TAILS.contains(&tail))
            };
            while ns < e - 1 && (WORDS.not_name.contains(toks[ns].text(text)) || stance(toks[ns].text(text))) {
                ns += 1;
            }
            let name = text[toks[ns].start as usize..toks[e - 1].end as usize].to_string();
            // A known actor behind a title: "Prime Minister Benjamin Netanyahu".
            if let Some(&k) = kb.index.get(&name.to_lowercase()) {
                let en = &kb.entries[k];
                let make = || kb_entity(en, year);
                add(&mut out, &mut by_key, format!("kb:{k}"), &make, (toks[ns].start, toks[e - 1].end));
                i = e;
                continue;
            }
            if kind == EntityType::Person && name.split_whitespace().any(|w| WORDS.org.contains(w)) {
                kind = EntityType::Organization;
            }
            // A surname alone is the person named in full before.
            let key = if kind == EntityType::Person && e - ns == 1 {
                person_named(&out, &name, false).map_or_else(|| format!("name:{name}"), |k| format!("idx:{k}"))
            } else {
                format!("name:{name}")
            };
            let span = (toks[ns].start, toks[e - 1].end);
            if kind == EntityType::Person {
                // "Hamas official Ghazi Hamad", "spokesman John Kirby": a role noun before the name.
                if i > a && WORDS.role.contains(lw(doc, i - 1)) {
                    let mut r0 = i - 1;
                    while r0 > a && cap(&toks[r0 - 1], text) && !toks[r0 - 1].has(crate::stages::tokens::flags::CLITIC)
                    {
                        r0 -= 1;
                    }
                    roles.push(text[toks[r0].start as usize..toks[i - 1].end as usize].to_string());
                }
                // "An army spokesman, Brig. Gen. Nabil Abdallah, said": an apposition
                // before the name (past its titles), opening the sentence or a clause.
                let mut t0 = ns;
                while t0 > a && crate::lexicon::is_title(toks[t0 - 1].text(text)) {
                    t0 -= 1;
                }
                if t0 >= a + 2 && toks[t0 - 1].text(text) == "," && WORDS.role.contains(lw(doc, t0 - 2)) {
                    let head = t0 - 2;
                    let mut r0 = head;
                    while r0 > a
                        && head - r0 < 3
                        && toks[r0 - 1].kind == TokenKind::Word
                        && !cap(&toks[r0 - 1], text)
                        && !toks[r0 - 1].has(crate::stages::tokens::flags::CLITIC)
                    {
                        r0 -= 1;
                    }
                    // ("Amirov's lawyer, Michael Martin,": a person's role; a body's or a
                    // country's is read with its affiliation below.)
                    let body = |k: usize| {
                        in_place[k]
                            || out
                                .iter()
                                .any(|x| x.kind != EntityType::Person && x.mentions.iter().any(|m| m.1 == toks[k].end))
                    };
                    if r0 > a + 1
                        && toks[r0 - 1].has(crate::stages::tokens::flags::CLITIC)
                        && cap(&toks[r0 - 2], text)
                        && !body(r0 - 2)
                    {
                        r0 -= 2;
                        while r0 > a && cap(&toks[r0 - 1], text) && !toks[r0 - 1].attached() {
                            r0 -= 1;
                        }
                    }
                    let opener = r0 == a
                        || matches!(toks[r0 - 1].text(text), "," | ";" | "—" | "(")
                        || matches!(lw(doc, r0 - 1), "while" | "and" | "but" | "whereas")
                        || (r0 > a
                            && matches!(lw(doc, r0 - 1), "a" | "an" | "the")
                            && (r0 - 1 == a || matches!(toks[r0 - 2].text(text), "," | ";")));
                    if opener && !matches!(lw(doc, r0), "a" | "an" | "the") {
                        roles.push(text[toks[r0].start as usize..toks[head].end as usize].to_string());
                    } else if opener && r0 < head {
                        roles.push(text[toks[r0 + 1].start as usize..toks[head].end as usize].to_string());
                    }
                }
                // "Hashem Ahelbarra, reporting from Doha": a reporter.
                if toks.get(e).is_some_and(|t| t.text(text) == ",") && lw(doc, e + 1) == "reporting" {
                    roles.push("reporter".to_string());
                }
                // "Ahmed Kico, a political and security expert, …": an apposition.
                if toks.get(e).is_some_and(|t| t.text(text) == ",") {
                    let first = lw(doc, e + 1);
                    let opens = matches!(first, "a" | "an" | "the")
                        || WORDS.role.contains(first)
                        || crate::lexicon::is_title(toks.get(e + 1).map_or("", |t| t.text(text)));
                    if opens {
                        // (Up to a relative pronoun or a second apposition: "a senior
                        // al-Shabab leader who masterminded …", "president of … and a
                        // close ally of …".)
                        let close = (e + 2..(e + 20).min(b)).find(|&k| {
                            matches!(toks[k].text(text), "," | "." | ";" | "—" | "(")
                                || matches!(lw(doc, k), "who" | "whose" | "which")
                                || (lw(doc, k) == "and" && matches!(lw(doc, k + 1), "a" | "an" | "the"))
                        });
                        if let Some(c) = close {
                            // (Without its article: "a senior official" is a "senior official".)
                            let from = e + 1 + usize::from(matches!(first, "a" | "an" | "the"));
                            if c > from {
                                roles.push(text[toks[from].start as usize..toks[c - 1].end as usize].to_string());
                            }
                        }
                    }
                }
            }
            if let Some(k) = key.strip_prefix("idx:").and_then(|k| k.parse::<usize>().ok()) {
                out[k].mentions.push(span);
                for r in roles {
                    if !out[k].roles.contains(&r) {
                        out[k].roles.push(r);
                    }
                }
            } else {
                let make = || EntityAnn {
                    name: name.clone(),
                    kind,
                    country: None,
                    sector: None,
                    roles: roles.clone(),
                    affiliation: None,
                    unnamed: false,
                    kb: None,
                    mentions: Vec::new(),
                };
                add(&mut out, &mut by_key, key, &make, span);
            }
            // "(BLA)": the acronym of the name just read.
            if toks.get(e).is_some_and(|t| t.text(text) == "(")
                && toks.get(e + 2).is_some_and(|t| t.text(text) == ")")
                && is_acronym(toks[e + 1].text(text))
            {
                let acr = toks[e + 1].text(text).to_string();
                if let Some(k) = out.iter().position(|x| x.name == name) {
                    out[k].mentions.push((toks[e + 1].start, toks[e + 1].end));
                    by_key.insert(format!("name:{acr}"), k);
                }
                i = e + 3;
                continue;
            }
            i = e;
        }
    }
    if let Some(k) = out.iter().position(|e| e.kind == EntityType::Group && e.sector.as_deref() == Some("REB")) {
        out[k].mentions.extend(armed_later);
    }
    // "Pederson said" after "Geir Pedersen": a surname one letter off a person's
    // is that person (a misspelling), not a new one; so is a surname alone named
    // before the full name ("Ms Bauchtman said … Anna Bauchtman runs …").
    for k in 0..out.len() {
        if out[k].kind != EntityType::Person || out[k].name.contains(' ') || out[k].name.len() < 5 {
            continue;
        }
        let fits = |e: &EntityAnn| {
            e.kind == EntityType::Person
                && e.name.contains(' ')
                && e.name
                    .rsplit(' ')
                    .next()
                    .is_some_and(|last| crate::lexicon::one_letter_off(last, &out[k].name) || last == out[k].name)
        };
        // (Only where one person fits: "Ford" beside Henry and Gerald Ford stays.)
        let target = out.iter().position(fits).filter(|_| out.iter().filter(|e| fits(e)).count() == 1);
        if let Some(t) = target {
            let moved = std::mem::take(&mut out[k].mentions);
            out[t].mentions.extend(moved);
        }
    }
    leaders_governments(doc, &mut out);
    for e in &mut out {
        e.mentions.sort_unstable();
        e.mentions.dedup();
    }
    out.retain(|e| !e.mentions.is_empty());
    people_in_lists(text, &mut out);
    roles_before(doc, &mut out);
    role_holders(doc, kb, year, &mut out);
    affiliate(doc, kb, &mut out);
    out
}

/// "The Trump administration", "the Netanyahu government": a leader's name
/// before "administration", "government" or "cabinet" names the government
/// body, an ORGANIZATION of the leader's country (sector GOV), not the person.
fn leaders_governments(doc: &Doc, out: &mut Vec<EntityAnn>) {
    let (text, toks) = (doc.text(), &doc.tokens);
    let mut bodies: Vec<(String, Option<String>, (u32, u32))> = Vec::new();
    for e in out.iter_mut().filter(|e| e.kind == EntityType::Person && e.country.is_some()) {
        let country = e.country.clone();
        e.mentions.retain(|&(start, end)| {
            let k = toks.partition_point(|t| t.start < end);
            let body = toks
                .get(k)
                .is_some_and(|t| matches!(t.text(text), "administration" | "government" | "cabinet") && !t.attached());
            if body {
                let surname = text[start as usize..end as usize].rsplit(' ').next().unwrap_or("").to_string();
                bodies.push((format!("{surname} {}", toks[k].text(text)), country.clone(), (start, toks[k].end)));
            }
            !body
        });
    }
    for (name, country, span) in bodies {
        match out.iter().position(|e| e.kind == EntityType::Organization && e.name == name) {
            Some(k) => out[k].mentions.push(span),
            None => out.push(EntityAnn {
                name,
                kind: EntityType::Organization,
                country,
                sector: Some("GOV".to_string()),
                roles: Vec::new(),
                affiliation: None,
                unnamed: false,
                kb: None,
                mentions: vec![span],
            }),
        }
    }
}

/// A word that can modify a role noun before a name ("former", "deputy",
/// "acting", "Syrian"): no article, preposition, pronoun or verb ("said his
/// daughter", "celebrities such as singer", "judge ordered prominent
/// journalist").
fn modifier(w: &str) -> bool {
    !(matches!(
        w,
        "the"
            | "a"
            | "an"
            | "of"
            | "to"
            | "by"
            | "and"
            | "or"
            | "with"
            | "for"
            | "as"
            | "such"
            | "like"
            | "including"
            | "his"
            | "her"
            | "its"
            | "their"
            | "our"
            | "my"
            | "your"
            | "is"
            | "was"
            | "are"
            | "were"
            | "be"
    ) || crate::lexicon::is_speech_verb(w)
        || (w.ends_with("ed") && !matches!(w, "retired" | "elected" | "designated" | "appointed"))
        || (w.ends_with("ing") && !matches!(w, "acting" | "ruling" | "outgoing" | "incoming" | "sitting" | "reigning")))
}

/// The role written before a person's mention, known person or not: titles
/// ("President Bashar al-Assad", "then-President Francois Bozize") or a
/// lowercase role with its modifiers ("former Syrian president Bashar
/// al-Assad", "IS deputy caliph Abdallah …"), where the person's roles lack it.
fn roles_before(doc: &Doc, out: &mut [EntityAnn]) {
    let (text, toks) = (doc.text(), &doc.tokens);
    for e in out.iter_mut().filter(|e| e.kind == EntityType::Person && !e.unnamed) {
        let mut found: Vec<String> = Vec::new();
        for &(start, _) in &e.mentions {
            let k = toks.partition_point(|t| t.start < start);
            let Some(si) = doc.sentence_at(start as usize) else { continue };
            let a = doc.sentences[si].first as usize;
            let title = |j: usize| {
                let w = toks[j].text(text);
                crate::lexicon::is_title(w)
                    || w.split_once('-').is_some_and(|(pre, t)| {
                        matches!(pre.to_ascii_lowercase().as_str(), "then" | "ex" | "former")
                            && crate::lexicon::is_title(t)
                    })
            };
            // (An honorific is no role: "Mr.", "Dr.".)
            let honorific = |j: usize| {
                matches!(
                    toks[j].text(text),
                    "Mr." | "Mrs." | "Ms." | "Mr" | "Mrs" | "Ms" | "Miss" | "Dr." | "Dr" | "Sir" | "Dame"
                )
            };
            let mut r0 = k;
            while r0 > a && k - r0 < 4 && title(r0 - 1) && !honorific(r0 - 1) {
                r0 -= 1;
            }
            if r0 == k && k > a && WORDS.role.contains(lw(doc, k - 1)) && !cap(&toks[k - 1], text) {
                // Lowercase modifiers, a demonym or an acronym before the role noun.
                r0 = k - 1;
                while r0 > a
                    && k - r0 < 4
                    && toks[r0 - 1].kind == TokenKind::Word
                    && !toks[r0 - 1].attached()
                    && modifier(lw(doc, r0 - 1))
                    && (!cap(&toks[r0 - 1], text)
                        || doc.gazetteer.demonym(lw(doc, r0 - 1)).is_some()
                        || toks[r0 - 1].text(text).chars().all(|c| c.is_ascii_uppercase()))
                {
                    r0 -= 1;
                }
            }
            if r0 < k {
                found.push(text[toks[r0].start as usize..toks[k - 1].end as usize].to_string());
            }
        }
        // (A longer form replaces a shorter one: "IS deputy caliph" for "caliph".)
        for r in found {
            let lower = r.to_lowercase();
            if e.roles.iter().any(|x| x.to_lowercase().contains(&lower)) {
                continue;
            }
            match e.roles.iter().position(|x| lower.contains(&x.to_lowercase())) {
                Some(p) => e.roles[p] = r,
                None => e.roles.push(r),
            }
        }
    }
}

/// An untyped name listed with people is a person too: "Ada Obi, Lena Okafor
/// and Jon Miller", "Hazard, Mertens and Carrasco".
fn people_in_lists(text: &str, out: &mut [EntityAnn]) {
    let mut ms: Vec<(u32, u32, usize)> = out
        .iter()
        .enumerate()
        .filter(|(_, e)| matches!(e.kind, EntityType::Person | EntityType::Other))
        .flat_map(|(k, e)| e.mentions.iter().map(move |&(a, b)| (a, b, k)))
        .collect();
    ms.sort_unstable();
    let joined = |x: &(u32, u32, usize), y: &(u32, u32, usize)| {
        x.1 <= y.0 && matches!(text[x.1 as usize..y.0 as usize].trim(), "," | "and" | ", and")
    };
    let mut i = 0;
    while i < ms.len() {
        let mut j = i;
        while j + 1 < ms.len() && joined(&ms[j], &ms[j + 1]) {
            j += 1;
        }
        let people = (i..=j).filter(|&m| out[ms[m].2].kind == EntityType::Person).count();
        if j > i && people >= 1 && text[ms[j - 1].1 as usize..ms[j].0 as usize].contains("and") {
            for m in i..=j {
                // ("Raymond Chan of People Power, and Leung Kwok-hung": what
                // follows "of" is the person's body, not one of the list.)
                let before = text[..ms[m].0 as usize].trim_end();
                let attached = ["of", "from", "at", "for", "in", "with", "by"]
                    .iter()
                    .any(|p| before.strip_suffix(p).is_some_and(|r| r.ends_with(' ') || r.is_empty()));
                if out[ms[m].2].kind == EntityType::Other && !attached {
                    out[ms[m].2].kind = EntityType::Person;
                }
            }
        }
        i = j + 1;
    }
}

/// Singular nouns that head a role ("Qatar's prime minister", "Cairo's spy chief").
const ROLE_HEADS: &[&str] = &[
    "minister",
    "president",
    "premier",
    "chief",
    "head",
    "leader",
    "commander",
    "director",
    "envoy",
    "ambassador",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "king",
    "emir",
    "negotiator",
    "mediator",
    "governor",
    "mayor",
    "secretary",
    "chancellor",
    "ruler",
];

/// Lowercase words that end a noun phrase ("has", "said", "and").
const NOT_NOUNS: &[&str] = &[
    "has", "have", "had", "is", "are", "was", "were", "will", "would", "said", "says", "and", "or", "to", "in", "on",
    "at", "for", "with", "who", "which", "that", "as", "by", "from",
];

/// A role word in a comparable form: "spy" and "intelligence", "head" and "chief".
fn role_word(w: &str) -> &str {
    match w {
        "spy" => "intelligence",
        "chief" | "director" | "leader" => "head",
        "defense" => "defence",
        "premier" => "prime",
        w => w,
    }
}

/// Whether a knowledge-base role title fits a description: every word of the
/// description is in the title ("prime minister" in "Prime Minister"; "spy
/// chief" in "intelligence chief"), or the two are the same phrase.
fn role_fits(title: &str, desc: &str) -> bool {
    let title = title.to_lowercase();
    if title == desc {
        return true;
    }
    let words: Vec<&str> =
        title.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(role_word).collect();
    let mut d = desc.split_whitespace().map(role_word).peekable();
    d.peek().is_some() && d.all(|w| words.contains(&w) || (w == "minister" && words.contains(&"prime")))
}

/// Role holders the text describes rather than names: "Qatar's prime minister",
/// "Cairo's spy chief" (a capital speaks for its country), "the head of the US's
/// CIA", "the Israeli prime minister". The person the knowledge base has in
/// that role on the article's date gets the mention if the text names them too;
/// else an unnamed PERSON is added, with the role, the country or body it
/// belongs to, and the knowledge base's holder (if any) in `kb`.
fn role_holders(doc: &Doc, kb: &KnowledgeBase, year: Option<i32>, out: &mut Vec<EntityAnn>) {
    let text = doc.text();
    let toks = &doc.tokens;
    let g = &*doc.gazetteer;
    // Where each country, organization and capital city mention ends.
    let mut ends: FastMap<u32, usize> = FastMap::default();
    let mut starts: FastMap<u32, (u32, usize)> = FastMap::default();
    for (k, e) in out.iter().enumerate() {
        if e.kind != EntityType::Person {
            for &(a, b) in &e.mentions {
                ends.insert(b, k);
                starts.insert(a, (b, k));
            }
        }
    }
    let mut capitals: FastMap<u32, (u32, String)> = FastMap::default();
    for p in doc.places.iter().filter(|p| !p.facility) {
        let en = &g.entries[p.entry];
        if en.capital {
            capitals.insert(p.end, (p.start, en.country.clone()));
        }
    }
    let lower = |k: usize| toks.get(k).filter(|t| t.kind == TokenKind::Word && !cap(t, text)).map(|_| lw(doc, k));
    // The role phrase from token `k`: up to two lowercase modifiers and a head.
    let phrase = |k: usize| -> Option<usize> {
        (k..k + 3).take_while(|&j| lower(j).is_some()).find(|&j| ROLE_HEADS.contains(&lw(doc, j))).map(|j| j + 1)
    };
    let mut found: Vec<(u32, u32, String, usize)> = Vec::new(); // span, description, body
    for s in &doc.sentences {
        let (a, b) = (s.first as usize, s.last as usize);
        for i in a..b {
            let w = toks[i].text(text);
            // "Qatar's prime minister", "Cairo's spy chief"
            if matches!(w, "'s" | "’s") && i > a {
                let end = toks[i - 1].end;
                // A capital speaks for its country ("Cairo's spy chief"): the country,
                // with the capital as its mention if the text does not name it.
                let body = ends.get(&end).copied().or_else(|| {
                    let (cap_start, iso3) = capitals.get(&end)?;
                    let k =
                        out.iter().position(|e| e.kind == EntityType::Country && e.country.as_deref() == Some(iso3));
                    Some(k.unwrap_or_else(|| {
                        let c = g.countries.iter().find(|c| &c.iso3 == iso3);
                        let name = c.map_or(iso3.as_str(), |c| g.entries[c.entry].name.as_str());
                        let mut e = country_entity(name, iso3);
                        e.mentions.push((*cap_start, end));
                        out.push(e);
                        out.len() - 1
                    }))
                });
                if let (Some(body), Some(stop)) = (body, phrase(i + 1)) {
                    if toks.get(stop).is_none_or(|t| !(t.kind == TokenKind::Word && cap(t, text))) {
                        let start = out[body].mentions.iter().find(|m| m.1 == end).map_or(toks[i - 1].start, |m| m.0);
                        let desc = text[toks[i + 1].start as usize..toks[stop - 1].end as usize].to_lowercase();
                        found.push((start, toks[stop - 1].end, desc, body));
                    }
                }
            }
            // "the head of the US's CIA", "the head of Hamas's political bureau"
            if lw(doc, i) == "the" && i + 2 < b {
                if let Some(stop) = phrase(i + 1).filter(|&st| lw(doc, st) == "of") {
                    // The body after "of": a chain of possessives ("the US's CIA"), then
                    // at most two nouns ("Hamas's political bureau").
                    let mut k = stop + 1 + usize::from(lw(doc, stop + 1) == "the");
                    let (mut body, mut np_end) = (None, None);
                    while let Some(&(m_end, e)) = toks.get(k).and_then(|t| starts.get(&t.start)) {
                        let last = k + toks[k..].partition_point(|t| t.end <= m_end) - 1;
                        body = Some(e);
                        np_end = Some(last);
                        if !toks.get(last + 1).is_some_and(|t| matches!(t.text(text), "'s" | "’s")) {
                            break;
                        }
                        k = last + 2;
                        if !toks.get(k).is_some_and(|t| starts.contains_key(&t.start)) {
                            // "Hamas's political bureau"
                            let nouns = (k..k + 2)
                                .take_while(|&j| {
                                    lower(j).is_some_and(|w| !w.ends_with("ed") && !NOT_NOUNS.contains(&w))
                                })
                                .last();
                            np_end = nouns.or(np_end);
                            break;
                        }
                    }
                    if let (Some(body), Some(e)) = (body, np_end) {
                        let desc = text[toks[i + 1].start as usize..toks[e].end as usize].to_lowercase();
                        found.push((toks[i].start, toks[e].end, desc, body));
                    }
                }
            }
        }
    }
    for (start, end, desc, body) in found {
        let (country, aff_name) = (out[body].country.clone(), out[body].name.clone());
        let head_desc = desc.split(" of ").next().unwrap_or(&desc).to_string();
        let holder = kb.entries.iter().position(|e| {
            e.kind == EntityType::Person
                && (e.affiliation.eq_ignore_ascii_case(&aff_name)
                    || out[body].kind == EntityType::Country && country.as_deref() == Some(e.country.as_str()))
                && e.roles.iter().any(|r| {
                    r.held(year) && year.is_some() && (role_fits(&r.title, &desc) || role_fits(&r.title, &head_desc))
                })
        });
        // Named in the text too: the description is another mention.
        if let Some(h) = holder {
            if let Some(k) = out.iter().position(|e| e.kb.as_deref() == Some(kb.entries[h].name.as_str()) && !e.unnamed)
            {
                out[k].mentions.push((start, end));
                out[k].mentions.sort_unstable();
                continue;
            }
        }
        // "Bruno Yapande, C.A.R.'s territorial administration minister, says":
        // in apposition to a person named just before, it is that person's role.
        let first = toks.partition_point(|t| t.start < start);
        let apposed = (first >= 2 && toks[first - 1].text(text) == ",").then(|| toks[first - 2].end).and_then(|pe| {
            out.iter().position(|e| e.kind == EntityType::Person && !e.unnamed && e.mentions.iter().any(|m| m.1 == pe))
        });
        // "Sudan's army spokesman, Brig. Gen. Nabil Abdallah, said": before the
        // name (and its titles) too.
        let apposed = apposed.or_else(|| {
            let mut k = toks.partition_point(|t| t.end <= end);
            if toks.get(k).is_none_or(|t| t.text(text) != ",") {
                return None;
            }
            k += 1;
            while toks.get(k).is_some_and(|t| crate::lexicon::is_title(t.text(text))) {
                k += 1;
            }
            let (ts, title_start) = (toks.get(k)?.start, toks[toks.partition_point(|t| t.end <= end) + 1].start);
            out.iter().position(|e| {
                e.kind == EntityType::Person && !e.unnamed && e.mentions.iter().any(|m| m.0 == ts || m.0 == title_start)
            })
        });
        if let Some(k) = apposed {
            if !out[k].roles.iter().any(|r| r.eq_ignore_ascii_case(&head_desc)) {
                out[k].roles.push(head_desc);
            }
            if out[k].affiliation.is_none() {
                out[k].affiliation = Some(body);
            }
            if out[k].country.is_none() {
                out[k].country = country;
            }
            continue;
        }
        let name = text[start as usize..end as usize].to_string();
        if let Some(k) = out.iter().position(|e| e.unnamed && e.name.eq_ignore_ascii_case(&name)) {
            out[k].mentions.push((start, end));
            continue;
        }
        out.push(EntityAnn {
            name,
            kind: EntityType::Person,
            country: country.clone(),
            sector: holder.map(|h| kb.entries[h].sector.clone()).filter(|s| !s.is_empty()),
            roles: vec![head_desc],
            affiliation: Some(body),
            unnamed: true,
            kb: holder.map(|h| kb.entries[h].name.clone()),
            mentions: vec![(start, end)],
        });
    }
}

/// Gives each person the organization or country their role belongs to, from the
/// words around a mention: a possessive before the title ("Al Jazeera's Hashem
/// Ahelbarra", "Israel's Prime Minister Benjamin Netanyahu"), a name before a
/// role noun ("Hamas official Ghazi Hamad", "Apple CEO Steve Jobs"), an entity
/// inside an apposition ("Ismail Haniyeh, head of Hamas's political bureau");
/// else from the knowledge base's affiliation, when that entity is in the text.
fn affiliate(doc: &Doc, kb: &KnowledgeBase, out: &mut [EntityAnn]) {
    let text = doc.text();
    let toks = &doc.tokens;
    // Mention end (byte) → entity, for everything a person can belong to.
    let mut ends: FastMap<u32, usize> = FastMap::default();
    let mut starts: Vec<(u32, usize)> = Vec::new();
    for (k, e) in out.iter().enumerate() {
        if e.kind != EntityType::Person {
            for &(a, b) in &e.mentions {
                ends.insert(b, k);
                starts.push((a, k));
            }
        }
    }
    starts.sort_unstable();
    let possessive = |t: usize| matches!(toks[t].text(text), "'s" | "’s");
    for p in 0..out.len() {
        if out[p].kind != EntityType::Person || out[p].affiliation.is_some() {
            continue;
        }
        let mut found = None;
        for &(a, b) in &out[p].mentions {
            let r = doc.token_range(a, b);
            // Left: titles and role nouns, then "X's" or "X".
            let mut j = r.start;
            while j > 0
                && r.start - j < 5
                && (crate::lexicon::is_title(toks[j - 1].text(text)) || WORDS.role.contains(lw(doc, j - 1)))
            {
                j -= 1;
            }
            if j >= 2 && possessive(j - 1) {
                found = ends.get(&toks[j - 2].end).copied();
            } else if j < r.start && j >= 1 {
                found = ends.get(&toks[j - 1].end).copied();
            }
            // Right: ", head of Hamas's political bureau,".
            if found.is_none() && toks.get(r.end).is_some_and(|t| t.text(text) == ",") {
                let stop = (r.end + 1..(r.end + 12).min(toks.len()))
                    .find(|&k| matches!(toks[k].text(text), "," | "." | ";" | "—"))
                    .unwrap_or(r.end + 1);
                let (from, to) = (toks[r.end].end, toks[stop.min(toks.len() - 1)].start);
                let first = starts.partition_point(|&(s, _)| s < from);
                found = starts[first..].iter().take_while(|&&(s, _)| s < to).map(|&(_, k)| k).next();
            }
            if found.is_some() {
                break;
            }
        }
        if found.is_none() {
            let named = kb.index.get(&out[p].name.to_lowercase()).map(|&k| &kb.entries[k].affiliation);
            if let Some(aff) = named.filter(|a| !a.is_empty()) {
                found = out.iter().position(|e| e.name.eq_ignore_ascii_case(aff));
            }
        }
        out[p].affiliation = found.filter(|&k| k != p);
        // "Russian President Boris Yeltsin": a person the knowledge base does not
        // place belongs to the country of their affiliation.
        // Not through an outlet, a company or an international body: Al Jazeera's
        // reporter is not Qatar's.
        if out[p].country.is_none() {
            out[p].country = out[p]
                .affiliation
                .filter(|&k| {
                    out[k].kind == EntityType::Country
                        || matches!(
                            out[k].sector.as_deref(),
                            Some("GOV" | "MIL" | "COP" | "SPY" | "JUD" | "LEG" | "REB")
                        )
                })
                .and_then(|k| out[k].country.clone());
        }
    }
}

/// A country as an entity.
fn country_entity(name: &str, iso3: &str) -> EntityAnn {
    EntityAnn {
        name: name.to_string(),
        kind: EntityType::Country,
        country: Some(iso3.to_string()),
        sector: None,
        roles: Vec::new(),
        affiliation: None,
        unnamed: false,
        kb: None,
        mentions: Vec::new(),
    }
}

/// A knowledge-base entry as an entity (mentions to be added), with the roles it
/// held in `year`.
fn kb_entity(e: &KbEntry, year: Option<i32>) -> EntityAnn {
    let mut roles: Vec<String> = Vec::new();
    for r in e.roles.iter().filter(|r| r.held(year)) {
        if !roles.contains(&r.title) {
            roles.push(r.title.clone());
        }
    }
    EntityAnn {
        name: e.name.clone(),
        kind: e.kind,
        country: (!e.country.is_empty()).then(|| e.country.clone()),
        sector: (!e.sector.is_empty()).then(|| e.sector.clone()),
        roles,
        affiliation: None,
        unnamed: false,
        kb: Some(e.name.clone()),
        mentions: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_knowledge_base_is_well_formed() {
        let mut kb = KnowledgeBase::default();
        kb.load(include_str!("../../data/kb/entities.tsv"), "entities.tsv", true).unwrap();
        assert!(kb.entries.len() > 2000, "{} entries", kb.entries.len());
        // No name or alias stands for two entries.
        let mut owner: FastMap<String, &str> = FastMap::default();
        for line in data_lines(include_str!("../../data/kb/entities.tsv")) {
            let c: Vec<&str> = line.split('\t').collect();
            let names = std::iter::once(c[0]).chain(c.get(4).map_or("", |a| *a).split('|'));
            for n in names.map(str::trim).filter(|n| !n.is_empty()) {
                let before = owner.insert(n.to_lowercase(), c[0]);
                assert!(before.is_none_or(|b| b == c[0]), "{n:?} names both {before:?} and {:?}", c[0]);
            }
        }
        for e in &kb.entries {
            // An affiliation names another entry.
            assert!(
                e.affiliation.is_empty() || kb.index.contains_key(&e.affiliation.to_lowercase()),
                "{}: affiliation {:?} is no entry",
                e.name,
                e.affiliation
            );
            for r in &e.roles {
                assert!(!r.title.is_empty(), "{}: empty role", e.name);
                if let (Some(f), Some(t)) = (r.from, r.to) {
                    assert!(f <= t, "{}: {} {f}-{t}", e.name, r.title);
                }
                assert!(r.from.is_none_or(|y| (1900..=2100).contains(&y)), "{}: {:?}", e.name, r);
            }
        }
    }

    #[test]
    fn roles_parse_with_their_years() {
        let r = Role::parse("Prime Minister 2022-");
        assert_eq!((r.title.as_str(), r.from, r.to), ("Prime Minister", Some(2022), None));
        let r = Role::parse("President 2017-2021");
        assert_eq!((r.from, r.to), (Some(2017), Some(2021)));
        assert!(r.held(Some(2019)) && !r.held(Some(2023)) && r.held(None));
        let r = Role::parse("Hamas official");
        assert_eq!((r.title.as_str(), r.from, r.to), ("Hamas official", None, None));
        assert!(r.held(Some(1990)));
    }
}
