//! Word lists the segmentation stages read. They live in `data/` as plain text
//! and are compiled into the binary; each file documents its own format.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// A fast hasher for the engine's dictionaries (the multiply-rotate scheme of
/// rustc's FxHash). The keys are words; flooding attacks do not apply to
/// tables built from our own data files, and SipHash cost a fifth of the run.
#[derive(Debug, Default, Clone, Copy)]
pub struct FastHasher {
    hash: u64,
}

impl FastHasher {
    #[inline]
    fn add(&mut self, v: u64) {
        self.hash = (self.hash.rotate_left(5) ^ v).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for FastHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]));
        }
        let mut tail = 0u64;
        for (i, &b) in chunks.remainder().iter().enumerate() {
            tail |= u64::from(b) << (8 * i);
        }
        self.add(tail);
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// A `HashMap` with [`FastHasher`].
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;
/// A `HashSet` with [`FastHasher`].
pub type FastSet<T> = HashSet<T, BuildHasherDefault<FastHasher>>;

/// How an abbreviation behaves before a possible sentence break.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbbrevClass {
    /// Precedes a name and never ends a sentence: "Gen.", "Mr.".
    Title,
    /// A month: no break before a number ("Jan. 5").
    Month,
    /// Precedes a number: "No. 10".
    Number,
    /// Breaks only before a usual sentence opener; also dotted acronyms and initials.
    General,
    /// Never ends a sentence: "vs.".
    Never,
}

static ABBREVIATIONS: LazyLock<FastMap<&'static str, AbbrevClass>> = LazyLock::new(|| {
    let mut m = FastMap::default();
    for line in data_lines(include_str!("../data/abbreviations.tsv")) {
        let mut it = line.split('\t');
        let (Some(form), Some(class)) = (it.next(), it.next()) else {
            continue;
        };
        let class = match class.trim() {
            "title" => AbbrevClass::Title,
            "month" => AbbrevClass::Month,
            "number" => AbbrevClass::Number,
            "never" => AbbrevClass::Never,
            _ => AbbrevClass::General,
        };
        m.insert(form.trim(), class);
    }
    m
});

static OPENERS: LazyLock<FastSet<&'static str>> = LazyLock::new(|| words(include_str!("../data/sentence_openers.txt")));
static SPEECH_VERBS: LazyLock<FastSet<&'static str>> =
    LazyLock::new(|| words(include_str!("../data/speech_verbs.txt")));

static GIVEN_NAMES: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    let mut names = words(include_str!("../data/given_names.txt"));
    names.extend(words(include_str!("../data/given_names_more.txt")));
    names
});
static TITLES: LazyLock<FastSet<&'static str>> = LazyLock::new(|| words(include_str!("../data/titles.txt")));

/// Whether `w` opens a person's name: a given name ("Hashem",
/// `data/given_names.txt`, widened by the generated `data/given_names_more.txt`),
/// an initial ("J.") or initials ("J.D."). As written.
pub fn opens_person(w: &str) -> bool {
    GIVEN_NAMES.contains(w)
        || (w.len() >= 2 && w.ends_with('.') && w.split('.').all(|p| p.len() <= 1) && w.starts_with(char::is_uppercase))
}

/// Whether `w` is a title that stands before a name ("President", "Gen.",
/// `data/titles.txt`). As written.
pub fn is_title(w: &str) -> bool {
    TITLES.contains(w)
}

/// The lines of a data file without comments (`#` to end of line) and blank lines.
pub(crate) fn data_lines(src: &str) -> impl Iterator<Item = &str> {
    src.lines().map(|l| l.split('#').next().unwrap_or("").trim_end()).filter(|l| !l.trim().is_empty())
}

fn words(src: &'static str) -> FastSet<&'static str> {
    data_lines(src).flat_map(str::split_whitespace).collect()
}

/// The class of a known abbreviation written without its period ("Gen", "Jan").
pub fn abbreviation(form: &str) -> Option<AbbrevClass> {
    ABBREVIATIONS.get(form).copied()
}

/// Whether a word usually opens a sentence ("The", "He", "But"); case-insensitive.
pub fn is_sentence_opener(word: &str) -> bool {
    with_lower(word, |w| OPENERS.contains(w))
}

/// Whether a word is a reporting verb ("said", "asked"); case-insensitive.
pub fn is_speech_verb(word: &str) -> bool {
    with_lower(word, |w| SPEECH_VERBS.contains(w))
}

/// Runs `f` on the ASCII-lowercased word without allocating for short words.
fn with_lower(word: &str, f: impl Fn(&str) -> bool) -> bool {
    let b = word.as_bytes();
    if b.len() > 24 || !word.is_ascii() {
        return false;
    }
    let mut buf = [0u8; 24];
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..b.len()]).is_ok_and(f)
}

/// Whether two words differ by one substituted, inserted or dropped letter
/// (same first letter).
pub fn one_letter_off(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.first() != b.first() || a == b || a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let (mut i, mut j, mut edits) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        if a[i] == b[j] {
            i += 1;
            j += 1;
            continue;
        }
        edits += 1;
        match a.len().cmp(&b.len()) {
            std::cmp::Ordering::Greater => i += 1,
            std::cmp::Ordering::Less => j += 1,
            std::cmp::Ordering::Equal => {
                i += 1;
                j += 1;
            }
        }
    }
    edits + (a.len() - i) + (b.len() - j) == 1
}

/// Words after a hyphen that make the word before it a modifier: "Iran-backed",
/// "Qatar-based", "Canada-wide", "U.S.-led", "Resource-rich", "Muslim-led". The
/// places stage reads a place before them; the entities stage strips such a
/// word heading a name.
pub(crate) const MODIFIER_TAILS: &[&str] = &[
    "backed",
    "based",
    "led",
    "brokered",
    "funded",
    "made",
    "born",
    "wide",
    "controlled",
    "held",
    "run",
    "bound",
    "allied",
    "aligned",
    "sponsored",
    "supported",
    "owned",
    "registered",
    "flagged",
    "linked",
    "friendly",
    "bred",
    "headquartered",
    "area",
    "rich",
    "speaking",
    "majority",
    "dominated",
    "populated",
    "inspired",
    "affiliated",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_letter_off_is_one_edit_with_the_same_first_letter() {
        assert!(one_letter_off("Pedersen", "Pederson"));
        assert!(one_letter_off("Pedersen", "Pedersn"));
        assert!(one_letter_off("Rubio", "Rubioa"));
        assert!(!one_letter_off("Pedersen", "Pedersen"));
        assert!(!one_letter_off("Pedersen", "Petersson"));
        assert!(!one_letter_off("Rubio", "Tubio"));
    }

    #[test]
    fn data_files_load() {
        assert_eq!(abbreviation("Gen"), Some(AbbrevClass::Title));
        assert_eq!(abbreviation("Jan"), Some(AbbrevClass::Month));
        assert_eq!(abbreviation("No"), Some(AbbrevClass::Number));
        assert_eq!(abbreviation("vs"), Some(AbbrevClass::Never));
        assert_eq!(abbreviation("the"), None);
        assert!(is_sentence_opener("The"));
        assert!(!is_sentence_opener("President"));
        assert!(is_speech_verb("Asked"));
        assert!(!is_speech_verb("walked"));
    }
}
