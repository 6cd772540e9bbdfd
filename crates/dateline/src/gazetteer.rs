//! The gazetteer: countries, cities and the places conflict reporting names,
//! with coordinates, compiled into the binary from `data/gazetteer/` and indexed
//! by lowercase name on first use.

use crate::lexicon::FastMap;
use std::sync::{Arc, LazyLock};

use crate::lexicon::data_lines;
use crate::record::PlaceFeature;

/// One place the gazetteer knows.
#[derive(Debug, Clone)]
pub struct Entry {
    pub name: String,
    pub feature: PlaceFeature,
    /// ISO 3166-1 alpha-3; empty for places in no single country.
    pub country: String,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub geonames_id: Option<u64>,
    /// Rank among namesakes: a city's population, a region's towns counted, a
    /// fixed rank for hand-written places.
    pub population: u64,
    /// A national capital (ranks above its namesakes: "Washington").
    pub capital: bool,
    /// The GeoNames first-level division code of a city or region ("TX" for
    /// Texas and for Paris, Texas); empty where unknown. Within one country, a
    /// city lies in the region of the same code.
    pub admin1: String,
}

/// A country's facts beyond its [`Entry`].
#[derive(Debug, Clone)]
pub struct Country {
    /// Index of the country's entry.
    pub entry: usize,
    pub iso3: String,
    pub demonyms: Vec<String>,
    pub capital: String,
}

/// The entry of no place: a facility the text names without saying where it is
/// has no country and no point.
pub const NOWHERE: usize = 0;

/// What a name in the index points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    Place(usize),
    /// A demonym ("Egyptian"): index into `countries`.
    Demonym(usize),
}

/// Where the small towns' entries start: the entry `TOWN + k` is the town on
/// line `k` of `towns.tsv`, so the other entries (users' places among them) grow
/// below it without renumbering.
pub const TOWN: usize = 1 << 30;

/// The entries of a gazetteer: its indexed places, and at [`TOWN`] and above
/// the towns of 500 people or more that the cities lack (`towns.tsv`, some
/// 200,000). A town is in no index: one this small is found only where the text
/// places it ("Holliday, Mo."), by [`Gazetteer::towns`]. The towns' file is
/// read on the first such question and each town parsed on its first use, so
/// that loading costs nothing for them.
#[derive(Clone, Default)]
pub struct Entries {
    places: Vec<Entry>,
    towns: Arc<Towns>,
}

/// Byte offset of each line of `towns.tsv` after the header, and its entry once
/// parsed.
type TownLines = (Vec<u32>, Box<[std::sync::OnceLock<Box<Entry>>]>);

#[derive(Default)]
struct Towns {
    lines: std::sync::OnceLock<TownLines>,
}

const TOWNS_TSV: &str = include_str!("../data/gazetteer/towns.tsv");

impl Towns {
    fn lines(&self) -> &TownLines {
        self.lines.get_or_init(|| {
            let body = TOWNS_TSV.find('\n').map_or(TOWNS_TSV.len(), |n| n + 1);
            let mut at = Vec::with_capacity(TOWNS_TSV.len() / 48);
            at.push(body as u32);
            at.extend(memchr::memchr_iter(b'\n', &TOWNS_TSV.as_bytes()[body..]).map(|i| (body + i + 1) as u32));
            at.pop_if(|&mut a| a as usize >= TOWNS_TSV.len());
            let cells = at.iter().map(|_| std::sync::OnceLock::new()).collect();
            (at, cells)
        })
    }

    /// The columns of line `k`.
    fn row(&self, k: usize) -> std::str::Split<'static, char> {
        let at = self.lines().0[k] as usize;
        TOWNS_TSV[at..].split('\n').next().unwrap_or("").split('\t')
    }

    fn entry(&self, k: usize) -> &Entry {
        self.lines().1[k].get_or_init(|| {
            let c: Vec<&str> = self.row(k).collect();
            let col = |i: usize| c.get(i).copied().unwrap_or("");
            Box::new(Entry {
                name: col(2).to_string(),
                feature: PlaceFeature::City,
                country: col(3).to_string(),
                lat: f(col(4)),
                lon: f(col(5)),
                geonames_id: col(1).parse().ok(),
                population: col(6).parse().unwrap_or(0),
                capital: false,
                admin1: col(7).to_string(),
            })
        })
    }
}

impl Entries {
    /// How many entries there are below [`TOWN`].
    pub fn len(&self) -> usize {
        self.places.len()
    }

    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    fn push(&mut self, e: Entry) {
        self.places.push(e);
    }
}

impl std::ops::Index<usize> for Entries {
    type Output = Entry;
    fn index(&self, e: usize) -> &Entry {
        match e.checked_sub(TOWN) {
            Some(k) => self.towns.entry(k),
            None => &self.places[e],
        }
    }
}

impl std::ops::IndexMut<usize> for Entries {
    /// (Only the indexed places change, as the files' rows rename them.)
    fn index_mut(&mut self, e: usize) -> &mut Entry {
        &mut self.places[e]
    }
}

#[derive(Clone)]
pub struct Gazetteer {
    pub entries: Entries,
    pub countries: Vec<Country>,
    /// Lowercase name → what it names.
    pub index: FastMap<String, Vec<Hit>>,
    /// The longest name in the index, in words.
    pub max_words: usize,
}

/// Whether a city's name `n` names the capital `cap`: the same name ("Kyiv"), or
/// its first words ("Washington" for "Washington D.C."). ASCII, case-insensitive.
fn names_capital(cap: &str, n: &str) -> bool {
    !n.is_empty()
        && cap.len() >= n.len()
        && cap.is_char_boundary(n.len())
        && cap[..n.len()].eq_ignore_ascii_case(n)
        && (cap.len() == n.len() || cap.as_bytes()[n.len()] == b' ')
}

/// Whether two names are the same once lowercased and without accents
/// ("Montréal" and "montreal"), without allocating.
pub fn fold_eq(a: &str, b: &str) -> bool {
    let fold = |s: &str| s.chars().flat_map(char::to_lowercase).map(fold_accent).collect::<Vec<_>>();
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(b);
    }
    fold(a) == fold(b)
}

/// A name as the towns' file keys it: in lowercase, without accents ("Zürich"
/// is "zurich").
pub fn fold_key(name: &str) -> String {
    name.chars().flat_map(char::to_lowercase).map(fold_accent).collect()
}

/// A Latin letter without its accent (lowercase letters; others unchanged).
fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' | 'ĉ' | 'ċ' => 'c',
        'ď' | 'đ' | 'ḍ' | 'ḏ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => 'e',
        'ğ' | 'ĝ' | 'ġ' | 'ģ' => 'g',
        'ḩ' | 'ḥ' | 'ḫ' | 'ĥ' => 'h',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ĭ' | 'į' | 'ı' => 'i',
        'ñ' | 'ń' | 'ň' | 'ņ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => 'o',
        'ř' | 'ŕ' => 'r',
        'ś' | 'š' | 'ş' | 'ș' | 'ṣ' => 's',
        'ť' | 'ţ' | 'ț' | 'ṭ' | 'ṯ' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' | 'ẓ' => 'z',
        other => other,
    }
}

/// The population a first-level region counts as when ranking namesakes, when
/// its number of towns is unknown; else `REGION_PER_TOWN` for each town.
const REGION_RANK: u64 = 150_000;
const REGION_PER_TOWN: u64 = 2_000;

static GAZETTEER: LazyLock<Arc<Gazetteer>> = LazyLock::new(|| Arc::new(Gazetteer::load()));

/// The built-in gazetteer, loaded on first use.
pub fn gazetteer() -> &'static Gazetteer {
    &GAZETTEER
}

/// The built-in gazetteer, shared.
pub fn shared() -> Arc<Gazetteer> {
    GAZETTEER.clone()
}

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Gazetteer({} places, {} countries)", self.entries.len(), self.countries.len())
    }
}

/// The first `k` in `0..n` for which `below(k)` is false, `below` being true
/// then false along `0..n`.
fn partition(n: usize, below: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if below(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

fn f(s: &str) -> Option<f64> {
    s.trim().parse().ok()
}

impl Gazetteer {
    fn load() -> Gazetteer {
        let mut g =
            Gazetteer { entries: Entries::default(), countries: Vec::new(), index: FastMap::default(), max_words: 1 };
        // Entry NOWHERE: where a facility the text does not locate is.
        g.entries.push(Entry {
            name: String::new(),
            feature: PlaceFeature::Other,
            country: String::new(),
            lat: None,
            lon: None,
            geonames_id: None,
            population: 0,
            capital: false,
            admin1: String::new(),
        });
        let mut by_iso3: FastMap<String, usize> = FastMap::default();
        for line in include_str!("../data/gazetteer/countries.tsv").lines().skip(1) {
            let c: Vec<&str> = line.split('\t').collect();
            if c.len() < 10 {
                continue;
            }
            let e = g.entries.len();
            g.entries.push(Entry {
                name: c[2].to_string(),
                feature: PlaceFeature::Country,
                country: c[0].to_string(),
                lat: f(c[6]),
                lon: f(c[7]),
                geonames_id: c[8].parse().ok(),
                population: c[9].parse().unwrap_or(0),
                capital: false,
                admin1: String::new(),
            });
            let k = g.countries.len();
            g.countries.push(Country {
                entry: e,
                iso3: c[0].to_string(),
                demonyms: c[4].split('|').filter(|s| !s.is_empty()).map(str::to_string).collect(),
                capital: c[5].to_string(),
            });
            by_iso3.insert(c[0].to_string(), k);
            g.add(c[2], Hit::Place(e));
            for n in c[3].split('|').filter(|s| !s.is_empty()) {
                g.add(n, Hit::Place(e));
            }
            for d in c[4].split('|').filter(|s| !s.is_empty()) {
                g.add(d, Hit::Demonym(k));
            }
        }
        // Aliases name places of the files below: they are read after them.
        let rows =
            || data_lines(include_str!("../data/gazetteer/places.tsv")).map(|l| l.split('\t').collect::<Vec<_>>());
        // (Trailing empty columns are trimmed away: a demonym or seat row may have three.)
        let padded = |mut c: Vec<&'static str>| {
            c.resize(c.len().max(5), "");
            c
        };
        for c in rows().filter(|c| c.len() >= 3 && !matches!(c[1].trim(), "alias" | "seat" | "name")).map(padded) {
            g.add_row(&c, |iso3| by_iso3.get(iso3).copied(), 1_000_000);
        }
        for line in include_str!("../data/gazetteer/regions.tsv").lines().skip(1) {
            let c: Vec<&str> = line.split('\t').collect();
            if c.len() < 6 {
                continue;
            }
            let e = g.entries.len();
            g.entries.push(Entry {
                name: c[1].to_string(),
                feature: PlaceFeature::Region,
                country: c[0].to_string(),
                lat: f(c[3]),
                lon: f(c[4]),
                geonames_id: None,
                // A region ranks among namesakes by how many towns it holds: Florida
                // (759) above Floridablanca, Colombia; never below a small town.
                population: c[5].trim().parse::<u64>().map_or(REGION_RANK, |t| (t * REGION_PER_TOWN).max(REGION_RANK)),
                capital: false,
                admin1: c.get(6).map_or("", |a| a.trim()).to_string(),
            });
            g.add(c[1], Hit::Place(e));
            for n in c[2].split('|').filter(|s| !s.is_empty()) {
                g.add(n, Hit::Place(e));
            }
        }
        let iso3_of = |g: &Gazetteer, iso3: &str| by_iso3.get(iso3).map(|&k| g.countries[k].iso3.clone());
        for line in include_str!("../data/gazetteer/cities.tsv").lines().skip(1) {
            let c: Vec<&str> = line.split('\t').collect();
            if c.len() < 8 {
                continue;
            }
            let e = g.entries.len();
            let population: u64 = c[6].parse().unwrap_or(0);
            // A national capital outranks its namesakes: "Washington" is the city
            // the government sits in before the state.
            let capital = by_iso3.get(c[3]).is_some_and(|&k| {
                let cap = g.countries[k].capital.as_str();
                names_capital(cap, c[1]) || c[2].split('|').any(|n| names_capital(cap, n))
            });
            g.entries.push(Entry {
                name: c[1].to_string(),
                feature: PlaceFeature::City,
                country: iso3_of(&g, c[3]).unwrap_or_default(),
                lat: f(c[4]),
                lon: f(c[5]),
                geonames_id: c[0].parse().ok(),
                population,
                capital,
                admin1: c[7].trim().to_string(),
            });
            g.add(c[1], Hit::Place(e));
            for n in c[2].split('|').filter(|s| !s.is_empty()) {
                g.add(n, Hit::Place(e));
            }
            // "Frankfurt am Main", "Newcastle upon Tyne": news calls them by the
            // first part.
            if let Some((short, _)) = [" am ", " an der ", " upon ", " im "].iter().find_map(|sep| c[1].split_once(sep))
            {
                g.add(short, Hit::Place(e));
            }
        }
        for c in rows().filter(|c| c.len() >= 3 && matches!(c[1].trim(), "alias" | "seat" | "name")).map(padded) {
            g.add_row(&c, |iso3| by_iso3.get(iso3).copied(), 1_000_000);
        }
        g
    }

    /// The small towns named `key` (a name in lowercase, without accents), as
    /// entries from [`TOWN`] on, the most populous first.
    pub fn towns(&self, key: &str) -> std::ops::Range<usize> {
        let towns = &self.entries.towns;
        let lines = &towns.lines().0;
        let key_at = |k: usize| towns.row(k).next().unwrap_or("");
        let from = partition(lines.len(), |k| key_at(k) < key);
        let to = from + partition(lines.len() - from, |k| key_at(from + k) == key);
        TOWN + from..TOWN + to
    }

    /// The entries of country `iso3` whose own name is `name` (accents aside),
    /// in index order.
    fn named(&self, iso3: &str, name: &str) -> Vec<usize> {
        self.index.get(&name.to_lowercase()).map_or(Vec::new(), |hits| {
            hits.iter()
                .filter_map(|h| match *h {
                    Hit::Place(e) if self.entries[e].country == iso3 && fold_eq(&self.entries[e].name, name) => Some(e),
                    _ => None,
                })
                .collect()
        })
    }

    /// Adds a row in the format of `data/gazetteer/places.tsv`: name, feature
    /// (city, region, country, other), country (ISO3), lat, lon, aliases
    /// separated by `|`. A `country` row adds names to a known country.
    fn add_row(&mut self, c: &[&str], country: impl Fn(&str) -> Option<usize>, population: u64) {
        let feature = match c[1].trim() {
            "country" => PlaceFeature::Country,
            "region" => PlaceFeature::Region,
            "city" => PlaceFeature::City,
            _ => PlaceFeature::Other,
        };
        let aliases = c.get(5).copied().unwrap_or("");
        // Another name of a place the gazetteer has: "Ky." for Kentucky.
        if c[1].trim() == "alias" {
            let (iso3, target) = (c[2].trim(), c.get(5).map_or("", |t| t.trim()));
            if let Some(&e) = self.named(iso3, target).first() {
                self.add(c[0], Hit::Place(e));
            }
            return;
        }
        // The English name of a place the files beside call otherwise ("Mecca"
        // for Makkah): the record shows it, and both names find the place.
        if c[1].trim() == "name" {
            let (iso3, target) = (c[2].trim(), aliases.trim());
            // (The city and any division of its name: Makkah the city and the province.)
            for e in self.named(iso3, target) {
                self.entries[e].name = c[0].trim().to_string();
                self.add(c[0], Hit::Place(e));
            }
            return;
        }
        // A seat of government other than the capital ("Tel Aviv"): it speaks for
        // its state as a capital does.
        if c[1].trim() == "seat" {
            let (iso3, name) = (c[2].trim(), c[0].trim());
            // The city and any district of its name.
            for e in self.named(iso3, name) {
                self.entries[e].capital = true;
            }
            return;
        }
        // A demonym the country data lacks ("Bosnian").
        if c[1].trim() == "demonym" {
            if let Some(k) = country(c[2].trim()) {
                for d in std::iter::once(c[0]).chain(aliases.split('|')).filter(|s| !s.trim().is_empty()) {
                    self.add(d, Hit::Demonym(k));
                }
            }
            return;
        }
        if feature == PlaceFeature::Country {
            // A short form of a country already in the index.
            if let Some(k) = country(c[2].trim()) {
                let e = self.countries[k].entry;
                self.add(c[0], Hit::Place(e));
                for a in aliases.split('|').filter(|s| !s.is_empty()) {
                    self.add(a, Hit::Place(e));
                }
            }
            return;
        }
        let e = self.entries.len();
        self.entries.push(Entry {
            name: c[0].trim().to_string(),
            feature,
            country: c[2].trim().to_string(),
            lat: f(c[3]),
            lon: f(c[4]),
            geonames_id: None,
            // Places named in conflict reporting (and users' own) outrank namesakes.
            population,
            capital: false,
            admin1: String::new(),
        });
        self.add(c[0], Hit::Place(e));
        for a in aliases.split('|').filter(|s| !s.is_empty()) {
            self.add(a, Hit::Place(e));
        }
    }

    /// This gazetteer with users' places added: `(name, text)` pairs, each text
    /// in the format of `data/gazetteer/places.tsv` (`#` comments and blank
    /// lines allowed). A user's place outranks every namesake. Errors name the
    /// file and line.
    pub fn with_places(&self, dicts: &[(String, String)]) -> Result<Gazetteer, String> {
        let mut g = self.clone();
        for (name, text) in dicts {
            for (n, line) in text.lines().enumerate() {
                let t = line.trim();
                if t.is_empty() || t.starts_with('#') {
                    continue;
                }
                let mut c: Vec<&str> = line.trim_end().split('\t').collect();
                let at = format!("{name}:{}", n + 1);
                // A seat of government or a demonym names a country only.
                if c.len() >= 3 && matches!(c[1].trim(), "seat" | "demonym") {
                    c.resize(5, "");
                }
                if c.len() < 5 {
                    return Err(format!(
                        "{at}: expected name, feature, country, lat, lon[, aliases] separated by tabs"
                    ));
                }
                if !matches!(c[1].trim(), "city" | "region" | "country" | "other" | "seat" | "demonym") {
                    return Err(format!(
                        "{at}: feature '{}' is not city, region, country, other, seat or demonym",
                        c[1].trim()
                    ));
                }
                let iso3 = c[2].trim();
                if !(iso3.is_empty() || iso3.len() == 3 && iso3.bytes().all(|b| b.is_ascii_uppercase())) {
                    return Err(format!("{at}: country '{iso3}' is not an ISO 3166-1 alpha-3 code"));
                }
                let (lat, lon) = (f(c[3]), f(c[4]));
                let ok = |v: Option<f64>, max: f64, s: &str| s.trim().is_empty() || v.is_some_and(|x| x.abs() <= max);
                if !ok(lat, 90.0, c[3]) || !ok(lon, 180.0, c[4]) {
                    return Err(format!("{at}: coordinates '{}', '{}' are not a latitude and a longitude", c[3], c[4]));
                }
                if c[0].trim().is_empty() {
                    return Err(format!("{at}: empty name"));
                }
                let country = g.countries.iter().position(|k| k.iso3 == iso3);
                g.add_row(&c, |_| country, 10_000_000);
            }
        }
        Ok(g)
    }

    fn add(&mut self, name: &str, hit: Hit) {
        let key = name.trim().to_lowercase();
        if key.is_empty() {
            return;
        }
        // "Montréal" is also "Montreal", as English news writes it.
        if !key.is_ascii() {
            let folded: String = key.chars().map(fold_accent).collect();
            if folded != key && folded.is_ascii() {
                self.add_key(folded, hit);
            }
        }
        self.add_key(key, hit);
    }

    fn add_key(&mut self, key: String, hit: Hit) {
        self.max_words = self.max_words.max(key.split_whitespace().count());
        let v = self.index.entry(key).or_default();
        if !v.contains(&hit) {
            v.push(hit);
        }
    }

    /// What a name (any case) refers to.
    pub fn lookup(&self, name: &str) -> &[Hit] {
        self.lookup_lower(&name.to_lowercase())
    }

    /// What a name already in lowercase refers to (no allocation: the stages
    /// pass slices of the document's lowercase text).
    pub fn lookup_lower(&self, name: &str) -> &[Hit] {
        self.index.get(name).map_or(&[], Vec::as_slice)
    }

    /// The country a demonym (in lowercase) names; where several share it
    /// ("american"), the most populous.
    pub fn demonym(&self, word: &str) -> Option<usize> {
        self.lookup_lower(word)
            .iter()
            .filter_map(|h| match h {
                Hit::Demonym(k) => Some(*k),
                Hit::Place(_) => None,
            })
            .max_by_key(|&k| self.entries[self.countries[k].entry].population)
    }

    /// The country with this ISO3 code.
    /// Whether city `e` lies in region `r` (same country, same first-level code).
    pub fn within(&self, e: usize, r: usize) -> bool {
        let (a, b) = (&self.entries[e], &self.entries[r]);
        b.feature == PlaceFeature::Region && !b.admin1.is_empty() && a.admin1 == b.admin1 && a.country == b.country
    }

    pub fn country(&self, iso3: &str) -> Option<&Country> {
        self.countries.iter().find(|c| c.iso3 == iso3)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_countries_cities_short_forms_and_demonyms() {
        let g = gazetteer();
        let place = |n: &str| {
            g.lookup(n).iter().find_map(|h| match h {
                Hit::Place(e) => Some(&g.entries[*e]),
                _ => None,
            })
        };
        let egypt = place("Egypt").unwrap();
        assert_eq!((egypt.country.as_str(), egypt.feature), ("EGY", PlaceFeature::Country));
        let warsaw = place("Warsaw").unwrap();
        assert!((warsaw.lat.unwrap() - 52.23).abs() < 0.01 && (warsaw.lon.unwrap() - 21.01).abs() < 0.01);
        assert_eq!(warsaw.geonames_id, Some(756135));
        assert_eq!(place("U.S.").unwrap().country, "USA");
        assert_eq!(place("Khan Younis").unwrap().country, "PSE");
        assert!(g
            .lookup_lower("israeli")
            .contains(&Hit::Demonym(g.countries.iter().position(|c| c.iso3 == "ISR").unwrap())));
        assert!(g.entries.len() > 30_000);
        // A small town is found only by asking for it: Holliday, Texas; London,
        // Kentucky, among the small Londons, the most populous first.
        assert!(g.lookup("Holliday").is_empty());
        assert!(g.towns("holliday").any(|e| g.entries[e].admin1 == "TX" && g.entries[e].name == "Holliday"));
        let london: Vec<&Entry> = g.towns("london").map(|e| &g.entries[e]).collect();
        assert!(london.len() >= 3 && london.windows(2).all(|w| w[0].population >= w[1].population));
        assert!(london.iter().any(|e| e.admin1 == "KY" && e.country == "USA" && e.lat.is_some()));
        assert!(g.towns("zzzz no such town").is_empty());
        assert!(g.towns("").is_empty());
        // A seat of government speaks for its state as a capital does.
        assert!(g.lookup("Tel Aviv").iter().any(|h| matches!(h, Hit::Place(e) if g.entries[*e].capital)));
    }
}
