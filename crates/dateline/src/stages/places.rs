//! Stage `places`: place names with coordinates, from the gazetteer
//! ([`crate::gazetteer`]).
//!
//! Reads `tokens` and `sentences`. Capitalized word sequences are looked up,
//! longest first. A country is a country. A town name is resolved by the
//! countries the article names (a town in a country the article mentions wins),
//! else by population. A single capitalized word next to another capitalized
//! word ("Florence Ozor", "Washington Post") is part of a name, not a place;
//! a word from `data/gazetteer/not_places.txt`, a small town at the start of a
//! sentence, or a small town far from every country the article names, are
//! left out unless the text says they are places ("in Nice", "the capital,
//! Wellington", a list of places). Facilities ("Al-Shifa Hospital in Gaza
//! City", "London Heathrow Airport") are places of feature `other`, located by
//! the place named after them, their possessor or a place inside their name
//! (`data/gazetteer/facilities.tsv`). A town too small for the cities (down to
//! 500 people) is a place where the text places it by its region or country
//! ("HOLLIDAY, Texas —", "Urozhaine, a village in Donetsk region"), and so are
//! its other mentions; a region so placed holds the towns named "in", "of" or
//! "from".

use crate::lexicon::FastSet;
use std::sync::LazyLock;

use crate::doc::Doc;
use crate::gazetteer::{Gazetteer, Hit};
use crate::lexicon::data_lines;
use crate::pipeline::Stage;
use crate::record::PlaceFeature;
use crate::stages::tokens::TokenKind;

/// A place mention in the `places` layer. Offsets are bytes into the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceAnn {
    pub start: u32,
    pub end: u32,
    /// Index of the gazetteer entry; for a facility, the place that locates it.
    pub entry: usize,
    pub sentence: u32,
    /// A facility ("London Heathrow Airport", "the Qahira Hotel in Beledweyne"):
    /// its name is the text of the span, its country and coordinates `entry`'s.
    pub facility: bool,
}

/// Facility head words and, for some, the words one must follow.
static FACILITIES: LazyLock<crate::lexicon::FastMap<&'static str, Vec<&'static str>>> = LazyLock::new(|| {
    data_lines(include_str!("../../data/gazetteer/facilities.tsv"))
        .map(|l| {
            let (head, quals) = l.split_once('\t').unwrap_or((l, ""));
            (head.trim(), quals.split('|').map(str::trim).filter(|q| !q.is_empty()).collect())
        })
        .collect()
});

/// The `places` stage.
#[derive(Debug, Default, Clone, Copy)]
pub struct Places;

static NOT_PLACES: LazyLock<FastSet<&'static str>> =
    LazyLock::new(|| data_lines(include_str!("../../data/gazetteer/not_places.txt")).map(str::trim).collect());

/// Towns smaller than this need their country named in the article.
const SMALL_TOWN: u64 = 100_000;

/// Capitalized words after a place's name that keep it a place ("Seoul City Hall").
const CIVIC: &[&str] = &[
    "City",
    "Hall",
    "Province",
    "State",
    "County",
    "Region",
    "Government",
    "Police",
    "Airport",
    "Council",
    "Mayor",
    "Governor",
    "Capitol",
    "Municipality",
    "District",
    "Metro",
    // A district of the place ("Kowloon West", "Beirut South").
    "North",
    "South",
    "East",
    "West",
    "Central",
];

struct Candidate {
    first: usize,
    last: usize,
    sentence: u32,
    places: Vec<usize>,
    /// For a place opening a hyphenated word ("Iran-backed"), the byte where
    /// its name ends.
    cut: Option<u32>,
    /// A town the text places by the region or country after it ("Holliday,
    /// Mo.", "London, Ky."), or a later mention of it: a place however small.
    qualified: bool,
}

impl Candidate {
    /// A town the text placed, tokens `first..last`.
    fn placed(first: usize, last: usize, sentence: u32, town: usize) -> Candidate {
        Candidate { first, last, sentence, places: vec![town], cut: None, qualified: true }
    }
}

/// How much larger a namesake must be to win over the place in a country the
/// article names.
const FAR_LARGER: u64 = 8;

/// How much a place named by its own name outranks one that only lists the name
/// among its variants ("Florida" the state over Floridablanca, also "Florida").
const OWN_NAME: u64 = 3;

/// How much more a national capital weighs than its size.
const CAPITAL: u64 = 3;

fn pick_place(g: &Gazetteer, places: &[usize], key: &str, context: &FastSet<&str>) -> usize {
    if let Some(&e) = places.iter().find(|&&e| g.entries[e].feature == PlaceFeature::Country) {
        return e;
    }
    // (entry, size, rank): size is the population, times OWN_NAME for a place
    // named by its own name; a national capital ranks CAPITAL times its size.
    let ranked: Vec<(usize, u64, u64)> = places
        .iter()
        .map(|&e| {
            let en = &g.entries[e];
            let own = crate::gazetteer::fold_eq(&en.name, key);
            let size = en.population.saturating_mul(if own { OWN_NAME } else { 1 });
            (e, size, size.saturating_mul(if en.capital { CAPITAL } else { 1 }))
        })
        .collect();
    let largest = ranked.iter().max_by_key(|r| r.2).copied().unwrap_or((places[0], 0, 0));
    let in_context = ranked.iter().filter(|r| context.contains(g.entries[r.0].country.as_str())).max_by_key(|r| r.2);
    // The article's country wins unless the other place is far larger.
    match in_context {
        Some(&(e, size, _)) if largest.1 < size.max(1).saturating_mul(FAR_LARGER) => e,
        _ => largest.0,
    }
}

impl Stage for Places {
    fn name(&self) -> &'static str {
        "places"
    }
    fn annotate(&self, doc: &mut Doc) {
        let g = doc.gazetteer.clone();
        let g = &*g;
        let text = doc.text();
        let toks = &doc.tokens;
        let mut cands: Vec<Candidate> = Vec::new();
        let mut context: FastSet<&str> = FastSet::default();
        for (si, s) in doc.sentences.iter().enumerate() {
            let (a, b) = (s.first as usize, s.last as usize);
            let mut i = a;
            while i < b {
                let t = &toks[i];
                let capital = t.kind == TokenKind::Word && t.text(text).starts_with(char::is_uppercase);
                if !capital {
                    i += 1;
                    continue;
                }
                let mut found = None;
                for n in (1..=(g.max_words + 2).min(b - i)).rev() {
                    let last = i + n - 1;
                    // A name never spans punctuation other than inside a token.
                    if (i + 1..=last).any(|k| toks[k].kind != TokenKind::Word || toks[k].attached()) {
                        continue;
                    }
                    let key = &doc.lower()[t.start as usize..toks[last].end as usize];
                    let hits = g.lookup_lower(key);
                    if hits.is_empty() {
                        continue;
                    }
                    // "DAB", "ICI", "KSC": a short word in capitals is an acronym, a
                    // country's code ("UAE", "DRC") or a region's ("NSW") at most, not a
                    // town's name written in capitals ("Dab").
                    let raw = t.text(text);
                    let shouted = n == 1 && raw.len() <= 4 && raw.chars().all(|c| c.is_ascii_uppercase());
                    let places: Vec<usize> = hits
                        .iter()
                        .filter_map(|h| match h {
                            Hit::Place(e) => Some(*e),
                            Hit::Demonym(_) => None,
                        })
                        // (A dateline's town in capitals is its own name: "KYIV —".)
                        .filter(|&e| {
                            !shouted
                                || !matches!(g.entries[e].feature, PlaceFeature::City)
                                || g.entries[e].name.to_uppercase() == raw
                        })
                        .collect();
                    let demonym = g.demonym(key);
                    if let Some(k) = demonym {
                        context.insert(g.countries[k].iso3.as_str());
                    }
                    // "Somali" is the people of Somalia before it is a region of
                    // Ethiopia: a country's demonym names no place but the country's.
                    let only_demonym = demonym.is_some()
                        && n == 1
                        && places.iter().all(|&e| g.entries[e].feature != PlaceFeature::Country);
                    if !places.is_empty() && !only_demonym {
                        found = Some((n, places));
                    }
                    break;
                }
                // "Iran-backed", "Craiova-based": a place opens the hyphenated word.
                // ("New York-based": the capitalized words before belong to the name.)
                let hyphenated =
                    t.text(text).split_once('-').filter(|(_, tail)| crate::lexicon::MODIFIER_TAILS.contains(tail));
                if found.is_none() {
                    if let Some((head, _)) = hyphenated {
                        let cut = t.start + head.len() as u32;
                        let mut from = i;
                        while from > a
                            && i - from < 3
                            && toks[from - 1].kind == TokenKind::Word
                            && toks[from - 1].text(text).starts_with(char::is_uppercase)
                            && cands.last().is_none_or(|c| c.last < from)
                        {
                            from -= 1;
                        }
                        let places_from = |f: usize| -> Vec<usize> {
                            g.lookup_lower(&doc.lower()[toks[f].start as usize..cut as usize])
                                .iter()
                                .filter_map(|h| match h {
                                    Hit::Place(e) => Some(*e),
                                    Hit::Demonym(_) => None,
                                })
                                .collect()
                        };
                        let mut places = Vec::new();
                        while from <= i {
                            places = places_from(from);
                            if !places.is_empty() {
                                break;
                            }
                            from += 1;
                        }
                        if !places.is_empty() {
                            cands.push(Candidate {
                                first: from,
                                last: i + 1,
                                sentence: si as u32,
                                places,
                                cut: Some(cut),
                                qualified: false,
                            });
                            i += 1;
                            continue;
                        }
                    }
                }
                // "US$460 million", "HK$2 billion": a currency, not a place.
                let currency =
                    |n: usize| toks.get(i + n).is_some_and(|t| t.attached() && t.text(text).starts_with('$'));
                if found.as_ref().is_some_and(|(n, _)| currency(*n)) {
                    i += found.map_or(1, |f| f.0);
                    continue;
                }
                // "People's Republic of China" is China, not the Republic of China.
                if let Some((n, places)) = found.as_mut() {
                    let key = &doc.lower()[t.start as usize..toks[i + *n - 1].end as usize];
                    if key == "republic of china"
                        && i >= a + 2
                        && matches!(toks[i - 1].text(text), "'s" | "’s")
                        && toks[i - 2].text(text) == "People"
                    {
                        if let Some(k) = g.countries.iter().position(|c| c.iso3 == "CHN") {
                            *places = vec![g.countries[k].entry];
                        }
                    }
                }
                // A small town the region or country after it places, a name no
                // index knows ("HOLLIDAY, Mo. —") or longer than the one found
                // ("West Chester, Ohio", not "West").
                if let Some((n, town)) = placed_town(doc, g, i, a, b, found.as_ref().map_or(1, |f| f.0 + 1)) {
                    cands.push(Candidate::placed(i, i + n, si as u32, town));
                    i += n;
                    continue;
                }
                match found {
                    Some((n, places)) => {
                        if let Some(&e) = places.iter().find(|&&e| g.entries[e].feature == PlaceFeature::Country) {
                            context.insert(g.entries[e].country.as_str());
                        }
                        cands.push(Candidate {
                            first: i,
                            last: i + n,
                            sentence: si as u32,
                            places,
                            cut: None,
                            qualified: false,
                        });
                        i += n;
                    }
                    None => i += 1,
                }
            }
        }
        // Surnames: the second of two capitalized words that are no place
        // ("George Bush" makes a later "Bush" a person, not the town in Egypt).
        let mut surnames: FastSet<&str> = FastSet::default();
        for w in toks.windows(2) {
            let cap = |t: &crate::stages::tokens::Token| {
                t.kind == TokenKind::Word && t.text(text).starts_with(char::is_uppercase)
            };
            let pair = &doc.lower()[w[0].start as usize..w[1].end as usize];
            // "Michael Jordan", "Queen Victoria": after a given name or a title.
            let first = w[0].text(text);
            if cap(&w[0])
                && cap(&w[1])
                && !w[1].attached()
                && (crate::lexicon::opens_person(first) || crate::lexicon::is_title(first))
                && g.lookup_lower(w[0].text(doc.lower())).is_empty()
                && g.lookup_lower(pair).is_empty()
            {
                surnames.insert(w[1].text(text));
            }
        }
        // A country; else the place in a country the article names, unless a
        // namesake elsewhere is far larger (Geneva in Switzerland, not Illinois,
        // in a story that names the United States); else the largest.
        let keys: Vec<&str> = cands
            .iter()
            .map(|c| &doc.lower()[toks[c.first].start as usize..c.cut.unwrap_or(toks[c.last - 1].end) as usize])
            .collect();
        let mut picks: Vec<usize> =
            cands.iter().zip(&keys).map(|(c, k)| pick_place(g, &c.places, k, &context)).collect();
        // "the state of Victoria", "the province of Quebec", "the Kherson
        // region": the division; "New York state", "the New York governor",
        // "New York Gov. Andrew Cuomo": the state, not the city.
        for (c, pick) in cands.iter().zip(picks.iter_mut()) {
            let lw_at = |k: usize| toks.get(k).map_or("", |t| t.text(doc.lower()));
            let state_office = g.entries[*pick].feature == PlaceFeature::City
                && matches!(
                    lw_at(c.last),
                    "state" | "governor" | "gov." | "legislature" | "lawmakers" | "statehouse" | "senator" | "sen."
                )
                && !matches!(lw_at(c.last + 1), "media" | "television" | "tv" | "news" | "broadcaster" | "-run");
            if (c.first >= 2
                && lw_at(c.first - 1) == "of"
                && matches!(lw_at(c.first - 2), "state" | "province" | "region" | "governorate"))
                || (c.cut.is_none()
                    && (state_office
                        || matches!(lw_at(c.last), "region" | "province" | "oblast" | "governorate" | "prefecture")))
            {
                let regions = c.places.iter().filter(|&&e| g.entries[e].feature == PlaceFeature::Region);
                if let Some(&r) = regions.max_by_key(|&&e| g.entries[e].population) {
                    *pick = r;
                }
            }
        }
        let mut settled = settle_by_neighbours(g, &cands, &keys, &mut picks);
        small_towns(doc, g, (&context, &surnames), &mut cands, &mut picks, &mut settled);
        let mut out = Vec::new();
        for ((c, &pick), &settled) in cands.iter().zip(&picks).zip(&settled) {
            let single = c.last - c.first == 1;
            let en = &g.entries[pick];
            // "South East", "Central", "North West": a district named for its
            // compass point is that place only where the text names its country
            // ("the South East Asian city-state" is not Botswana's South East).
            let compass = (c.first..c.last).all(|k| {
                matches!(
                    toks[k].text(doc.lower()),
                    "north"
                        | "south"
                        | "east"
                        | "west"
                        | "central"
                        | "northern"
                        | "southern"
                        | "eastern"
                        | "western"
                        | "northeast"
                        | "northwest"
                        | "southeast"
                        | "southwest"
                )
            });
            if compass && en.feature != PlaceFeature::Country && !settled && !context.contains(en.country.as_str()) {
                continue;
            }
            // "Michael Jordan": even a country's name is a surname after a given name.
            if single
                && c.first > doc.sentences[c.sentence as usize].first as usize
                && crate::lexicon::opens_person(toks[c.first - 1].text(text))
                && !toks[c.first].attached()
            {
                continue;
            }
            // "Defense Minister Israel Katz": after a title and before a capitalized
            // word, even a country's name is a given name.
            if single
                && c.first > doc.sentences[c.sentence as usize].first as usize
                && crate::lexicon::is_title(toks[c.first - 1].text(text))
                && toks.get(c.last).is_some_and(|t| {
                    t.kind == TokenKind::Word
                        && !t.attached()
                        && t.text(text).starts_with(char::is_uppercase)
                        && !CIVIC.contains(&t.text(text))
                })
            {
                continue;
            }
            if en.feature != PlaceFeature::Country && single && c.cut.is_none() && !c.qualified {
                let word = toks[c.first].text(text);
                // Next to another capitalized word a town's name is often a
                // person's ("Jordan Peterson"); not before a title or a civic word
                // ("Texas Senator Ted Cruz", "Seoul City Hall"), nor before a time
                // ("in Europe and Asia Monday"), nor after "The".
                let next_cap = toks.get(c.last).is_some_and(|t| {
                    let w = t.text(text);
                    t.kind == TokenKind::Word
                        && !t.attached()
                        && w.starts_with(char::is_uppercase)
                        && !crate::lexicon::is_title(w)
                        && !CIVIC.contains(&w)
                        && !doc.times.iter().any(|x| x.start == t.start)
                });
                let prev_cap = c.first > doc.sentences[c.sentence as usize].first as usize
                    && {
                        let p = &toks[c.first - 1];
                        p.kind == TokenKind::Word
                        && p.text(text).starts_with(char::is_uppercase)
                        && !crate::lexicon::is_sentence_opener(p.text(text))
                        // ("Resource-rich Balochistan": a modifier, not a name's first word.)
                        && !p.text(text).rsplit_once('-').is_some_and(|(_, t)| crate::lexicon::MODIFIER_TAILS.contains(&t))
                    };
                let in_context = settled || context.contains(en.country.as_str());
                let sentence_start = c.first == doc.sentences[c.sentence as usize].first as usize;
                if next_cap || prev_cap {
                    continue;
                }
                // "in Nice", "the nation's capital, Wellington", "the state of
                // Victoria", "New South Wales, Victoria, South Australia", "Melbourne
                // and Victoria": a word that is usually something else is a place
                // where the text says so.
                let lw_at = |k: usize| toks.get(k).map_or("", |t| t.text(doc.lower()));
                let said_place = c.first > 0 && {
                    let k = c.first;
                    matches!(lw_at(k - 1), "in" | "near")
                        || (k >= 2 && lw_at(k - 1) == "," && lw_at(k - 2) == "capital")
                        || (k >= 2
                            && lw_at(k - 1) == "of"
                            && matches!(lw_at(k - 2), "capital" | "city" | "town" | "state" | "province" | "region"))
                        || (k >= 2
                            && matches!(lw_at(k - 1), "," | "and" | "or")
                            && in_context
                            && out.last().is_some_and(|p: &PlaceAnn| {
                                p.end == toks[k - 2].end && g.entries[p.entry].country == en.country
                            }))
                };
                // ("In March": a time, not the town.)
                let a_time = doc.times.iter().any(|x| x.start <= toks[c.first].start && toks[c.first].end <= x.end);
                if (NOT_PLACES.contains(word) && (!said_place || a_time)) || surnames.contains(word) {
                    continue;
                }
                if en.feature == PlaceFeature::City && en.population < SMALL_TOWN && (!in_context || sentence_start) {
                    continue;
                }
                // "..., said Nawa": a speaker, not Naha on Okinawa.
                if en.feature == PlaceFeature::City
                    && !en.capital
                    && c.first > 0
                    && crate::lexicon::is_speech_verb(toks[c.first - 1].text(doc.lower()))
                {
                    continue;
                }
            }
            // A town as a modifier ("Craiova-based") needs the size or the country
            // context any lone town needs.
            if c.cut.is_some()
                && en.feature == PlaceFeature::City
                && en.population < SMALL_TOWN
                && !settled
                && !context.contains(en.country.as_str())
            {
                continue;
            }
            out.push(PlaceAnn {
                start: toks[c.first].start,
                end: c.cut.unwrap_or(toks[c.last - 1].end),
                entry: pick,
                sentence: c.sentence,
                facility: false,
            });
        }
        facilities(doc, &mut out);
        doc.places = out;
    }
}

/// Distance in kilometres between two entries' points (haversine); `None`
/// where one has no point.
fn km(a: &crate::gazetteer::Entry, b: &crate::gazetteer::Entry) -> Option<f64> {
    let (la1, lo1, la2, lo2) = (a.lat?.to_radians(), a.lon?.to_radians(), b.lat?.to_radians(), b.lon?.to_radians());
    let h = ((la2 - la1) / 2.0).sin().powi(2) + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    Some(2.0 * 6371.0 * h.sqrt().asin())
}

/// A town this close to another place the article names is that place's
/// neighbour ("Edmonton" beside Enfield is the London district, not Alberta's
/// capital).
const NEIGHBOUR_KM: f64 = 60.0;

/// Second look at each name with namesakes, given what the others resolved to:
/// - a country's or a town's name among regions of one country in a sentence
///   ("Alabama, Arizona, Georgia"; "Ohio and Oregon"; a capital or a country
///   only among plain region names), or right after a town of its namesake
///   region ("Atlanta, Georgia", "Seattle, Washington"), is that region;
/// - of a town's or county's namesakes (by that very name, of the same kind),
///   the one inside a region the article names ("Paris" in a story that names
///   Texas; "Marion County" with Florida), else the one beside another town the
///   article names, or holding it, where the picked one is beside none
///   ("Edmonton" beside Enfield; "Melbourne and Victoria"). A town with
///   namesakes abroad is looked at only where nothing else in the article
///   supports its country.
///
/// Returns, for each candidate, whether its neighbours placed it (then a small
/// town needs no country named); a town inside a region the article names is
/// placed too.
fn settle_by_neighbours(g: &Gazetteer, cands: &[Candidate], keys: &[&str], picks: &mut [usize]) -> Vec<bool> {
    let mut settled = vec![false; cands.len()];
    // What each name resolved to before this look (picks change below).
    let before: Vec<usize> = picks.to_vec();
    let first = &before;
    let regions: Vec<usize> = first.iter().copied().filter(|&e| g.entries[e].feature == PlaceFeature::Region).collect();
    for (i, c) in cands.iter().enumerate() {
        // A town in a region the article names needs no country named ("the
        // Cupertino, California event").
        let e = first[i];
        if g.entries[e].feature == PlaceFeature::City
            && regions.iter().any(|&r| !c.places.contains(&r) && g.within(e, r))
        {
            settled[i] = true;
        }
        if c.places.len() < 2 {
            continue;
        }
        let pick = first[i];
        let en = &g.entries[pick];
        let others = move || (0..cands.len()).filter(move |&j| j != i && g.entries[first[j]].name != en.name);
        if matches!(en.feature, PlaceFeature::Country | PlaceFeature::City) {
            // "Alabama, Arizona, Georgia", "Ontario and Quebec", "Utah, Washington,
            // Wyoming": another place in the sentence a region
            // of the namesake region's country; "Atlanta, Georgia", "Seattle,
            // Washington": right after a town of the namesake region and a comma.
            let region = c.places.iter().copied().find(|&e| {
                g.entries[e].feature == PlaceFeature::Region && {
                    let country = g.entries[e].country.as_str();
                    others().any(|j| {
                        cands[j].sentence == c.sentence
                            && ((g.entries[first[j]].feature == PlaceFeature::Region
                                && g.entries[first[j]].country == country
                                // (A capital or a country yields only to a list of
                                // plain regions: "officials in Washington" stays the
                                // capital beside "Florida".)
                                && (!(en.capital || en.feature == PlaceFeature::Country)
                                    || cands[j].places.iter().all(|&x| {
                                        g.entries[x].feature == PlaceFeature::Region && g.entries[x].country == country
                                    })))
                                || (cands[j].last + 1 == c.first && g.within(first[j], e)))
                    })
                }
            });
            if let Some(r) = region {
                picks[i] = r;
                settled[i] = true;
                continue;
            }
            if en.feature == PlaceFeature::Country {
                continue;
            }
        }
        // A town or county whose namesakes are all in its country ("Marion
        // County" in a dozen states) is looked at again; one with namesakes abroad
        // only where nothing else in the article supports its country ("Santiago"
        // stays in Chile where Chile is named).
        let at_home = c.places.iter().all(|&e| g.entries[e].country == en.country);
        if !matches!(en.feature, PlaceFeature::City | PlaceFeature::Region)
            || (en.feature == PlaceFeature::Region && !at_home)
            || (!at_home && others().any(|j| g.entries[first[j]].country == en.country))
        {
            continue;
        }
        // Only a namesake by its own name: "Frankfurt" is not Frankfort, Illinois,
        // for all that Chicago is near.
        let best = |pool: &mut dyn Iterator<Item = usize>| {
            pool.filter(|&e| crate::gazetteer::fold_eq(&g.entries[e].name, keys[i]))
                .max_by_key(|&e| g.entries[e].population)
        };
        // (A namesake of the same kind: Oregon the state is not Oregon, Ohio.)
        let held = |e: usize| {
            g.entries[e].feature == en.feature && regions.iter().any(|&r| !c.places.contains(&r) && g.within(e, r))
        };
        if let Some(e) = best(&mut c.places.iter().copied().filter(|&e| held(e))) {
            picks[i] = e;
            settled[i] = true;
            continue;
        }
        // Beside a town the article names, or (a region) holding one ("Melbourne
        // and Victoria").
        let near = |e: usize| {
            others().any(|j| {
                let o = &g.entries[first[j]];
                o.feature == PlaceFeature::City
                    && (km(&g.entries[e], o).is_some_and(|d| d < NEIGHBOUR_KM) || g.within(first[j], e))
            })
        };
        if !near(pick) {
            if let Some(e) = best(&mut c.places.iter().copied().filter(|&e| e != pick && near(e))) {
                picks[i] = e;
                settled[i] = true;
            }
        }
    }
    settled
}

/// The smallest town a preposition of place alone makes a place, in a country
/// the article names ("fighting in Chasiv Yar" in a story on Ukraine).
const LOCATIVE_TOWN: u64 = 5_000;

/// How far from a hand-written region's point (Donbas, Hirshabelle) a town of
/// its country may lie and be in it.
const HAND_REGION_KM: f64 = 300.0;

/// Whether entry `e` lies in `r`: a town in its region, or in its country.
fn inside(g: &Gazetteer, e: usize, r: usize) -> bool {
    let (a, b) = (&g.entries[e], &g.entries[r]);
    match b.feature {
        // (A region written by hand has no admin1 code: near its point, in its country.)
        PlaceFeature::Region if b.admin1.is_empty() => {
            !a.country.is_empty() && a.country == b.country && km(a, b).is_some_and(|d| d < HAND_REGION_KM)
        }
        PlaceFeature::Region => g.within(e, r),
        PlaceFeature::Country => !a.country.is_empty() && a.country == b.country,
        _ => false,
    }
}

/// Whether the token before `i` (in a sentence starting at `a`) is a
/// capitalized word of a name that runs on ("Michael Jackson, Mississippi's
/// …"), not a sentence's opener.
fn after_name(doc: &Doc, i: usize, a: usize) -> bool {
    let text = doc.text();
    i > a && {
        let p = &doc.tokens[i - 1];
        p.kind == TokenKind::Word
            && p.text(text).starts_with(char::is_uppercase)
            && !(i - 1 == a && crate::lexicon::is_sentence_opener(p.text(text)))
    }
}

/// The regions and countries a name from token `k` names (one to three words,
/// before the sentence's end `b`), where that name ends its phrase: "Ky." in
/// "HOLLIDAY, Ky. —", "Missouri" in "a Paris, Missouri, man"; not
/// "Mississippi's governor", "Texas Republican", nor the first of a list
/// ("Kentucky, Ohio and Indiana").
fn qualifier(doc: &Doc, g: &Gazetteer, k: usize, b: usize) -> Option<Vec<usize>> {
    let (toks, text) = (&doc.tokens, doc.text());
    let word = |j: usize| toks.get(j).filter(|t| j < b && t.kind == TokenKind::Word);
    let capital = |j: usize| word(j).is_some_and(|t| t.text(text).starts_with(char::is_uppercase));
    if !capital(k) {
        return None;
    }
    let regions = |from: usize, to: usize| -> Vec<usize> {
        g.lookup_lower(&doc.lower()[toks[from].start as usize..toks[to].end as usize])
            .iter()
            .filter_map(|h| match *h {
                Hit::Place(e) if matches!(g.entries[e].feature, PlaceFeature::Region | PlaceFeature::Country) => {
                    Some(e)
                }
                _ => None,
            })
            .collect()
    };
    for n in (1..=3.min(b - k)).rev() {
        let last = k + n - 1;
        if (k + 1..=last).any(|j| word(j).is_none_or(|t| t.attached())) {
            continue;
        }
        let mut places = regions(k, last);
        let next = last + 1;
        let lw = |j: usize| toks.get(j).filter(|_| j < b).map_or("", |t| t.text(doc.lower()));
        // A dateline's abbreviation without its period ("EDMONTON, Ky (WBKO) --").
        if places.is_empty() && n == 1 && matches!(lw(next), "(" | "-" | "--" | "—" | "–") {
            let dotted = format!("{}.", toks[k].text(doc.lower()));
            places = g
                .lookup_lower(&dotted)
                .iter()
                .filter_map(|h| match *h {
                    Hit::Place(e) if g.entries[e].feature == PlaceFeature::Region => Some(e),
                    _ => None,
                })
                .collect();
        }
        if places.is_empty() {
            continue;
        }
        // ("Mississippi's governor", "Texas Republican".)
        if word(next).is_some_and(|t| t.attached() || t.text(text).starts_with(char::is_uppercase)) {
            return None;
        }
        // ("Kentucky, Ohio and Indiana": a list of regions.)
        if matches!(lw(next), "," | "and" | "or")
            && capital(next + 1)
            && (1..=3).any(|m| next + m < b && !regions(next + 1, next + m).is_empty())
        {
            return None;
        }
        return Some(places);
    }
    None
}

/// Words for a settlement, which the text names its small towns by.
const SETTLEMENTS: &[&str] =
    &["village", "town", "city", "settlement", "hamlet", "suburb", "community", "township", "locality"];

/// The regions or countries the text places a name (tokens `i` up to `k`) in,
/// in a sentence ending at `b`: a comma and a [`qualifier`] ("Holliday, Mo."),
/// a comma and a phrase for a settlement there ("Urozhaine, a village in
/// Donetsk region"), or, after "the village of" …, "in" and a qualifier
/// ("the village of Krynky in the Kherson region").
fn placed_in(doc: &Doc, g: &Gazetteer, i: usize, k: usize, b: usize) -> Option<Vec<usize>> {
    let lw = |j: usize| doc.tokens.get(j).filter(|_| j < b).map_or("", |t| t.text(doc.lower()));
    let the = |j: usize| j + usize::from(lw(j) == "the");
    match lw(k) {
        "," => qualifier(doc, g, k + 1, b).or_else(|| {
            // ", a village in", ", a small front-line town of", ", the district's main town in".
            let mut j = k + 1;
            if !matches!(lw(j), "a" | "an" | "the") {
                return None;
            }
            j += 1;
            while j < k + 5 && !SETTLEMENTS.contains(&lw(j)) && lw(j).starts_with(|c: char| c.is_ascii_lowercase()) {
                j += 1;
            }
            if !SETTLEMENTS.contains(&lw(j)) {
                return None;
            }
            j += 1;
            if matches!(lw(j), "in" | "of" | "near") {
                j += 1;
            }
            qualifier(doc, g, the(j), b)
        }),
        "in" if i >= 2 && lw(i - 1) == "of" && SETTLEMENTS.contains(&lw(i - 2)) => qualifier(doc, g, the(k + 1), b),
        _ => None,
    }
}

/// A small town at token `i` (of a sentence from `a` to `b`) the text places
/// by a region or a country after a comma: `min` to three capitalized words
/// that no longer name runs into, a comma, and a [`qualifier`] ("HOLLIDAY, Mo.
/// —", "Detroit, Texas"). Returns its words and its entry, the most populous
/// town of the name there.
fn placed_town(doc: &Doc, g: &Gazetteer, i: usize, a: usize, b: usize, min: usize) -> Option<(usize, usize)> {
    let (toks, text) = (&doc.tokens, doc.text());
    if after_name(doc, i, a) {
        return None;
    }
    for n in (min..=3).rev() {
        let last = i + n - 1;
        if last + 2 >= b
            || (i..=last).any(|j| {
                toks[j].kind != TokenKind::Word
                    || (j > i && toks[j].attached())
                    || !toks[j].text(text).starts_with(char::is_uppercase)
            })
        {
            continue;
        }
        let Some(regions) = placed_in(doc, g, i, last + 1, b) else { continue };
        let key = crate::gazetteer::fold_key(&doc.lower()[toks[i].start as usize..toks[last].end as usize]);
        if let Some(t) = g.towns(&key).find(|&t| regions.iter().any(|&r| inside(g, t, r))) {
            return Some((n, t));
        }
    }
    None
}

/// Whether the article writes `word` (in lowercase) in lowercase somewhere, as
/// a whole word ("justice" beside "Department of Justice").
fn lowercase_too(doc: &Doc, word: &str) -> bool {
    let (lower, text) = (doc.lower(), doc.text().as_bytes());
    let letter = |i: usize| lower.as_bytes().get(i).is_some_and(|b| b.is_ascii_alphanumeric());
    lower.match_indices(word).any(|(at, _)| {
        !letter(at.wrapping_sub(1)) && !letter(at + word.len()) && text.get(at).is_some_and(u8::is_ascii_lowercase)
    })
}

/// Small towns among the candidates, once their neighbours settled them
/// ([`settle_by_neighbours`]):
/// - a region's name after a name no index knows and a comma is the region
///   ("Bronx, New York");
/// - a town's name followed by a comma and a region or country its pick is not
///   in ("London, Ky.", "Paris, Idaho") is its namesake there, among the
///   gazetteer's places or its small towns;
/// - every other mention of a town the text placed so is that town ("of
///   Paris"; "Holliday", a name no index knows);
/// - where the text placed a town or a county in a region ("COLUMBIA, Ky.",
///   "LAUREL COUNTY, Ky."), a town's name after "in", "of", "from" … whose
///   country nothing else in the article supports is its namesake in that
///   region if it has one ("of Edmonton" is Kentucky's, not Alberta's), and a
///   name no index knows after those words is a town there if it has one;
/// - a name no index knows after "the village of", "a town called" … is a town
///   of that name in a country the article names.
fn small_towns(
    doc: &Doc,
    g: &Gazetteer,
    (context, surnames): (&FastSet<&str>, &FastSet<&str>),
    cands: &mut Vec<Candidate>,
    picks: &mut Vec<usize>,
    settled: &mut Vec<bool>,
) {
    let (toks, text) = (&doc.tokens, doc.text());
    let key_of = |c: &Candidate| {
        crate::gazetteer::fold_key(
            &doc.lower()[toks[c.first].start as usize..c.cut.unwrap_or(toks[c.last - 1].end) as usize],
        )
    };
    // A region's name after a name no index knows and a comma, ending its
    // phrase, is the region ("Bronx, New York": the state, not the city).
    for i in 0..cands.len() {
        let (c, s) = (&cands[i], &doc.sentences[cands[i].sentence as usize]);
        let k = c.first;
        let region = c
            .places
            .iter()
            .copied()
            .filter(|&e| g.entries[e].feature == PlaceFeature::Region)
            .max_by_key(|&e| g.entries[e].population);
        let Some(r) = region else { continue };
        // (Not a capital, which speaks for its state: "Despite the S-400s,
        // Washington appeared to step back".)
        if g.entries[picks[i]].feature != PlaceFeature::City
            || g.entries[picks[i]].capital
            || k < s.first as usize + 2
            || toks[k - 1].text(text) != ","
            || toks[k - 2].kind != TokenKind::Word
            || !toks[k - 2].text(text).starts_with(char::is_uppercase)
            || cands.iter().any(|o| o.first <= k - 2 && k - 2 < o.last)
            || qualifier(doc, g, k, s.last as usize).is_none()
        {
            continue;
        }
        picks[i] = r;
        settled[i] = true;
    }
    // The regions the text places towns or counties in ("LAUREL COUNTY, Ky.").
    let mut home: Vec<usize> = Vec::new();
    for i in 0..cands.len() {
        let c = &cands[i];
        let s = &doc.sentences[c.sentence as usize];
        let en = &g.entries[picks[i]];
        if c.cut.is_some()
            || matches!(en.feature, PlaceFeature::Country | PlaceFeature::Other)
            || after_name(doc, c.first, s.first as usize)
        {
            continue;
        }
        let Some(regions) = placed_in(doc, g, c.first, c.last, s.last as usize) else { continue };
        let within = |e: usize| regions.iter().any(|&r| inside(g, e, r));
        if c.qualified || en.feature == PlaceFeature::Region {
            home.extend(regions.iter().filter(|&&r| g.within(picks[i], r)));
            continue;
        }
        let pick = if within(picks[i]) {
            Some(picks[i])
        } else {
            c.places
                .iter()
                .copied()
                .filter(|&e| within(e))
                .max_by_key(|&e| g.entries[e].population)
                .or_else(|| g.towns(&key_of(c)).find(|&t| within(t)))
        };
        if let Some(e) = pick {
            picks[i] = e;
            settled[i] = true;
            cands[i].qualified = true;
            home.extend(regions.iter().filter(|&&r| g.within(e, r)));
        }
    }
    // Every other mention of a placed town.
    let placed: Vec<(String, usize, usize)> = cands
        .iter()
        .zip(picks.iter())
        .filter(|(c, &e)| c.qualified && g.entries[e].feature == PlaceFeature::City)
        .map(|(c, &e)| (key_of(c), c.last - c.first, e))
        .collect();
    // A mention that is no part of a longer name ("Holliday Road", "the Houston
    // Asian American Archive", "Mayor Ann Holliday"): tokens `k..=last` of a
    // sentence from `a` to `b`.
    let alone = |k: usize, last: usize, a: usize, b: usize| {
        !after_name(doc, k, a)
            && !toks.get(last + 1).filter(|_| last + 1 < b).is_some_and(|x| {
                x.kind == TokenKind::Word
                    && !x.attached()
                    && x.text(text).starts_with(char::is_uppercase)
                    && !CIVIC.contains(&x.text(text))
            })
    };
    for i in (0..cands.len()).filter(|_| !placed.is_empty()) {
        let (c, en) = (&cands[i], &g.entries[picks[i]]);
        let s = &doc.sentences[c.sentence as usize];
        if c.qualified
            || c.cut.is_some()
            || en.feature != PlaceFeature::City
            || !alone(c.first, c.last - 1, s.first as usize, s.last as usize)
        {
            continue;
        }
        let key = key_of(c);
        if let Some(&(_, _, e)) = placed.iter().find(|p| p.0 == key) {
            picks[i] = e;
            settled[i] = true;
            cands[i].qualified = true;
        }
    }
    let mut added = false;
    for (si, s) in doc.sentences.iter().enumerate().filter(|_| !placed.is_empty()) {
        let (a, b) = (s.first as usize, s.last as usize);
        for k in a..b {
            let t = &toks[k];
            if t.kind != TokenKind::Word || !t.text(text).starts_with(char::is_uppercase) {
                continue;
            }
            for &(ref key, n, e) in &placed {
                let last = k + n - 1;
                if last >= b
                    || (k + 1..=last).any(|j| toks[j].kind != TokenKind::Word || toks[j].attached())
                    || cands.iter().any(|c| c.first <= last && k < c.last)
                    || crate::gazetteer::fold_key(&doc.lower()[t.start as usize..toks[last].end as usize]) != *key
                    || !alone(k, last, a, b)
                {
                    continue;
                }
                cands.push(Candidate::placed(k, last + 1, si as u32, e));
                picks.push(e);
                settled.push(true);
                added = true;
                break;
            }
        }
    }
    // Namesakes in the regions the text placed its towns in.
    if !home.is_empty() {
        for i in 0..cands.len() {
            let en = &g.entries[picks[i]];
            // (Only where the text says it is a place: "of Edmonton", not "Finally,
            // Atlantis will go on display".)
            let k = cands[i].first;
            let said_place =
                k > 0 && matches!(toks[k - 1].text(doc.lower()), "in" | "of" | "near" | "from" | "at" | "to");
            if cands[i].qualified
                || cands[i].cut.is_some()
                || en.feature != PlaceFeature::City
                || !said_place
                || home.iter().any(|&r| g.within(picks[i], r))
            {
                continue;
            }
            let supported = (0..cands.len())
                .any(|j| j != i && g.entries[picks[j]].name != en.name && g.entries[picks[j]].country == en.country);
            if supported {
                continue;
            }
            if let Some(t) = g.towns(&key_of(&cands[i])).find(|&t| home.iter().any(|&r| g.within(t, r))) {
                picks[i] = t;
                settled[i] = true;
            }
        }
    }
    // Names no index knows, said to be places: a town of that name in a region
    // the text placed a town in ("Kimberly Hacker, 43, of McKee" in a story from
    // "LONDON, Ky."), or after "the village of", "a town called" …, in a country
    // the article names ("the northern Kurdish village of Ranya" in a story on
    // Iraq).
    for (si, st) in doc.sentences.iter().enumerate() {
        let (a, b) = (st.first as usize, st.last as usize);
        let lw = |j: usize| toks.get(j).filter(|_| j < b).map_or("", |t| t.text(doc.lower()));
        let capital =
            |j: usize| j < b && toks[j].kind == TokenKind::Word && toks[j].text(text).starts_with(char::is_uppercase);
        for k in a + 1..b {
            if !capital(k) || toks[k].attached() {
                continue;
            }
            let settlement = k >= a + 2
                && matches!(lw(k - 1), "of" | "called" | "named")
                && (SETTLEMENTS.contains(&lw(k - 2)) || matches!(lw(k - 2), "villages" | "towns"));
            let said = matches!(lw(k - 1), "in" | "of" | "near" | "from");
            // ("captured Chasiv Yar"? No: only where a preposition of place says it.)
            let locative = matches!(lw(k - 1), "in" | "near" | "outside" | "around" | "toward" | "towards" | "into");
            if !(settlement || (said && !home.is_empty()) || (locative && !context.is_empty())) {
                continue;
            }
            // Up to three capitalized words, not before another ("McKee Road").
            let mut n = 1;
            while n < 3 && capital(k + n) && !toks[k + n].attached() {
                n += 1;
            }
            // (Not a word listed as seldom a place, a name's tail after "of"
            // ("Department of Justice"), nor a word the article also writes in
            // lowercase.)
            let word = toks[k].text(text);
            if capital(k + n)
                || cands.iter().any(|c| c.first < k + n && k < c.last)
                || surnames.contains(word)
                || NOT_PLACES.contains(word)
                || (k >= 2 && lw(k - 1) == "of" && capital(k - 2))
                || (n == 1 && lowercase_too(doc, toks[k].text(doc.lower())))
                || doc.times.iter().any(|x| x.start <= toks[k].start && toks[k].end <= x.end)
                || g.demonym(lw(k)).is_some()
            {
                continue;
            }
            let key = crate::gazetteer::fold_key(&doc.lower()[toks[k].start as usize..toks[k + n - 1].end as usize]);
            if !g.lookup_lower(&key).is_empty() {
                continue;
            }
            // (After a preposition of place alone, a town of some size: the small
            // places named for common words are many.)
            let in_context = |t: usize| context.contains(g.entries[t].country.as_str());
            let town = if settlement { g.towns(&key).find(|&t| in_context(t)) } else { None }
                .or_else(|| g.towns(&key).find(|&t| home.iter().any(|&r| g.within(t, r))))
                .or_else(|| {
                    locative
                        .then(|| g.towns(&key).find(|&t| in_context(t) && g.entries[t].population >= LOCATIVE_TOWN))
                        .flatten()
                });
            if let Some(t) = town {
                cands.push(Candidate::placed(k, k + n, si as u32, t));
                picks.push(t);
                settled.push(true);
                added = true;
            }
        }
    }
    if added {
        let mut order: Vec<usize> = (0..cands.len()).collect();
        order.sort_by_key(|&k| cands[k].first);
        let mut taken: Vec<Option<Candidate>> = std::mem::take(cands).into_iter().map(Some).collect();
        *cands = order.iter().filter_map(|&k| taken[k].take()).collect();
        *picks = order.iter().map(|&k| picks[k]).collect();
        *settled = order.iter().map(|&k| settled[k]).collect();
    }
}

/// Facilities: a capitalized name ending in a word of
/// `data/gazetteer/facilities.tsv`, located by a place inside its name (which
/// then is no place of its own) or named right after it ("in", "near", "at", a
/// comma, a parenthesis between). A name goes on after "of" ("Museum of
/// Flight"). A facility the text does not locate is kept with no country and no
/// point (entry [`crate::gazetteer::NOWHERE`]), but an unlocated church is a
/// body, not a building; a place inside the name locates it only when it is big
/// or in a country the article's places are in.
fn facilities(doc: &Doc, out: &mut Vec<PlaceAnn>) {
    let text = doc.text();
    let toks = &doc.tokens;
    let lw = |k: usize| toks.get(k).map_or("", |t| t.text(doc.lower()));
    let capital = |k: usize| {
        toks.get(k).is_some_and(|t| t.kind == TokenKind::Word && t.text(text).starts_with(char::is_uppercase))
    };
    let mut found: Vec<PlaceAnn> = Vec::new();
    let mut inner: Vec<usize> = Vec::new();
    for (si, st) in doc.sentences.iter().enumerate() {
        let (a, b) = (st.first as usize, st.last as usize);
        for h in a + 1..b {
            let Some(quals) = FACILITIES.get(toks[h].text(text)) else { continue };
            // A head that needs a qualifier may do without where a place follows
            // to locate it ("Moscone Center in San Francisco"), checked below.
            let unqualified = !quals.is_empty() && !quals.contains(&toks[h - 1].text(text));
            // The longest head wins: "Memorial Hall", not "Memorial".
            if capital(h + 1) && FACILITIES.contains_key(toks[h + 1].text(text)) {
                continue;
            }
            let mut s = h;
            while s > a && h - s < 7 {
                let k = s - 1;
                let t = &toks[k];
                // ("Hong Kong's Princess Margaret Hospital": the possessor locates it;
                // "Superintendent of …": a title is no part of the name.)
                let possessor = t.has(crate::stages::tokens::flags::CLITIC)
                    && out.iter().any(|p| k > 0 && p.end == toks[k - 1].end);
                let ok = capital(k)
                    || (t.has(crate::stages::tokens::flags::CLITIC) && !possessor)
                    || (matches!(lw(k), "of" | "&" | "and" | "de" | "al") && capital(k.saturating_sub(1)));
                // (A title before "of" is no part of the name; one inside it is:
                // "National Museum", "Air Force Base".)
                if !ok
                    || (crate::lexicon::is_title(t.text(text)) && lw(k + 1) == "of")
                    || (k == a && crate::lexicon::is_sentence_opener(t.text(text)))
                {
                    break;
                }
                s = k;
            }
            // (Nor a possessive's ending: "the base's Migrant Operations Center".)
            while s < h && (matches!(lw(s), "of" | "&" | "and") || toks[s].has(crate::stages::tokens::flags::CLITIC)) {
                s += 1;
            }
            // "Museum of Flight", "National Museum of the U.S. Air Force": the
            // name goes on after "of" (and "the") while its words are capitalized,
            // up to a title ("Museum of Flight CEO") unless the title's word also
            // names facilities ("Air").
            let mut last = h;
            let at_place = |k: usize| out.iter().any(|p| p.start == toks.get(k).map_or(u32::MAX, |t| t.start));
            // (Not over a place: "Museum of McMinnville" is the museum of that town.)
            if lw(h + 1) == "of" && !at_place(h + 2) {
                let mut k = h + 2 + usize::from(lw(h + 2) == "the");
                while k < b
                    && k < h + 10
                    && (!crate::lexicon::is_title(toks[k].text(text))
                        || FACILITIES.values().any(|q| q.contains(&toks[k].text(text))))
                    && (capital(k) || (matches!(lw(k), "&" | "and") && capital(k + 1)))
                {
                    last = k;
                    k += 1;
                }
            }
            // ("The Museum of Flight" is the Museum of Flight.)
            if lw(s) == "the" && s < h {
                s += 1;
            }
            if s == h && last == h {
                continue;
            }
            let (start, end) = (toks[s].start, toks[last].end);
            // ("College Station, Texas": a town named like a facility is the town.)
            if doc
                .gazetteer
                .lookup_lower(&doc.lower()[start as usize..end as usize])
                .iter()
                .any(|h| matches!(*h, Hit::Place(e) if doc.gazetteer.entries[e].feature == PlaceFeature::City))
            {
                continue;
            }
            let within: Vec<usize> = (0..out.len()).filter(|&k| out[k].start >= start && out[k].end <= end).collect();
            // After the name: skip a parenthesis ("(KSC)"), then "in", "near", "at" or ",".
            let mut k = last + 1;
            if lw(k) == "(" {
                while k < b && lw(k) != ")" && k < h + 6 {
                    k += 1;
                }
                k += 1;
            }
            // ("in central Somalia": past a compass word.)
            let at = k
                + 1
                + usize::from(matches!(
                    lw(k + 1),
                    "central"
                        | "northern"
                        | "southern"
                        | "eastern"
                        | "western"
                        | "northeastern"
                        | "northwestern"
                        | "southeastern"
                        | "southwestern"
                ));
            let next = matches!(lw(k), "in" | "near" | "at" | ",")
                .then(|| out.iter().position(|p| p.start == toks.get(at).map_or(u32::MAX, |t| t.start)))
                .flatten();
            // A place inside the name locates it if it is a big city, or one in a
            // country another of the article's places is in ("Mary & Leigh Block
            // Museum" is not in Mary, Turkmenistan).
            let plausible = |e: usize| {
                let g = &*doc.gazetteer;
                let en = &g.entries[e];
                !matches!(en.feature, PlaceFeature::City | PlaceFeature::Region)
                    || (en.feature == PlaceFeature::City && en.population >= 1_000_000)
                    || out.iter().any(|p| p.entry != e && g.entries[p.entry].country == en.country)
            };
            // A place named inside the name, even one the pass above left as part of
            // a longer name ("London Heathrow Airport", "Nizhny Novgorod Stadium").
            let named_inside = || {
                let g = &*doc.gazetteer;
                (1..=3)
                    .rev()
                    .find_map(|n| {
                        (s..h.saturating_sub(n - 1))
                            .filter_map(|k| {
                                let key = &doc.lower()[toks[k].start as usize..toks[k + n - 1].end as usize];
                                g.lookup_lower(key)
                                    .iter()
                                    .filter_map(|hit| match *hit {
                                        Hit::Place(e) if g.entries[e].feature != PlaceFeature::Other => Some(e),
                                        _ => None,
                                    })
                                    .max_by_key(|&e| (g.entries[e].capital, g.entries[e].population))
                            })
                            .max_by_key(|&e| g.entries[e].population)
                    })
                    .filter(|&e| plausible(e))
            };
            // The place named after it is the more precise ("Paris Regional Medical
            // Center in Paris, Texas"); an embassy is never where its country is.
            let possessed = (s >= 2 && toks[s - 1].has(crate::stages::tokens::flags::CLITIC))
                .then(|| out.iter().position(|p| p.end == toks[s - 2].end))
                .flatten();
            let abroad = matches!(toks[h].text(text), "Embassy" | "Consulate");
            if (abroad || unqualified) && next.is_none() {
                continue;
            }
            let within_at = within.first().copied().filter(|&at| plausible(out[at].entry));
            let entry = match next.or(possessed).or(within_at) {
                Some(at) => out[at].entry,
                // Unlocated, a facility is kept without country or point, but a
                // church the text does not place is a body ("the Catholic Church").
                None => match named_inside() {
                    Some(e) => e,
                    None if toks[h].text(text) == "Church" => continue,
                    None => crate::gazetteer::NOWHERE,
                },
            };
            inner.extend(within);
            found.push(PlaceAnn { start, end, entry, sentence: si as u32, facility: true });
        }
    }
    let mut k = 0;
    out.retain(|_| {
        k += 1;
        !inner.contains(&(k - 1))
    });
    out.extend(found);
    out.sort_by_key(|p| p.start);
}
