//! The gazetteer: countries, cities and the places conflict reporting names,
//! with coordinates, compiled into the binary from `data/gazetteer/` and indexed
//! by lowercase name on first use.

use crate::lexicon::FastMap;
use std::sync::LazyLock;

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
    pub population: u64,
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

/// What a name in the index points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    Place(usize),
    /// A demonym ("Egyptian"): index into `countries`.
    Demonym(usize),
}

pub struct Gazetteer {
    pub entries: Vec<Entry>,
    pub countries: Vec<Country>,
    /// Lowercase name → what it names.
    pub index: FastMap<String, Vec<Hit>>,
    /// The longest name in the index, in words.
    pub max_words: usize,
}

/// The population a first-level region counts as when ranking namesakes.
const REGION_RANK: u64 = 150_000;

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::load);

/// The gazetteer, loaded on first use.
pub fn gazetteer() -> &'static Gazetteer {
    &GAZETTEER
}

fn f(s: &str) -> Option<f64> {
    s.trim().parse().ok()
}

impl Gazetteer {
    fn load() -> Gazetteer {
        let mut g = Gazetteer { entries: Vec::new(), countries: Vec::new(), index: FastMap::default(), max_words: 1 };
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
        for line in data_lines(include_str!("../data/gazetteer/places.tsv")) {
            let c: Vec<&str> = line.split('\t').collect();
            if c.len() < 5 {
                continue;
            }
            let feature = match c[1] {
                "country" => PlaceFeature::Country,
                "region" => PlaceFeature::Region,
                "city" => PlaceFeature::City,
                _ => PlaceFeature::Other,
            };
            let aliases = c.get(5).copied().unwrap_or("");
            if feature == PlaceFeature::Country {
                // A short form of a country already in the index.
                if let Some(&k) = by_iso3.get(c[2]) {
                    let e = g.countries[k].entry;
                    g.add(c[0], Hit::Place(e));
                    for a in aliases.split('|').filter(|s| !s.is_empty()) {
                        g.add(a, Hit::Place(e));
                    }
                }
                continue;
            }
            let e = g.entries.len();
            g.entries.push(Entry {
                name: c[0].to_string(),
                feature,
                country: c[2].to_string(),
                lat: f(c[3]),
                lon: f(c[4]),
                geonames_id: None,
                population: 1_000_000, // places named in conflict reporting outrank namesakes
            });
            g.add(c[0], Hit::Place(e));
            for a in aliases.split('|').filter(|s| !s.is_empty()) {
                g.add(a, Hit::Place(e));
            }
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
                // Ranks a region above small towns of the same name, below cities.
                population: REGION_RANK,
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
            g.entries.push(Entry {
                name: c[1].to_string(),
                feature: PlaceFeature::City,
                country: iso3_of(&g, c[3]).unwrap_or_default(),
                lat: f(c[4]),
                lon: f(c[5]),
                geonames_id: c[0].parse().ok(),
                population: c[6].parse().unwrap_or(0),
            });
            g.add(c[1], Hit::Place(e));
            for n in c[2].split('|').filter(|s| !s.is_empty()) {
                g.add(n, Hit::Place(e));
            }
        }
        g
    }

    fn add(&mut self, name: &str, hit: Hit) {
        let key = name.trim().to_lowercase();
        if key.is_empty() {
            return;
        }
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
    }
}
