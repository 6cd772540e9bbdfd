//! Stage `times`: finds time expressions and normalizes them to TIMEX3 values
//! against the publication date.
//!
//! Reads `tokens` and `sentences`. Words (months, weekdays, units, number words,
//! parts of day, seasons, holidays, reference words) come from
//! `data/time_words.tsv`; the rules below combine them. At each token every rule
//! is tried and the longest match wins.
//!
//! Resolution:
//! - A date without a year, or a bare weekday, takes the reading nearest the
//!   publication date that fits the tense of the clause: a weekday in a past
//!   clause is the last such day (the same day if the article's own weekday), in
//!   a future clause ("will", "is due to") the next one.
//! - "last week" is the ISO week before the publication date's; "this month",
//!   "next year" and the like likewise. "two days ago" is a date.
//! - Durations become `P…`: "10 weeks" `P10W`, "24-hour" `PT24H`, "years" `PXY`.
//! - A day more than half a year back in a past clause yields to the same day
//!   within the next two months: news gives the year of a day that far back.
//! - Some expressions count from the time the text last spoke of (its reference
//!   time), not from the dateline: "the following month", "that year", "the day
//!   before", a clock time ("at 10 p.m." after "on Oct. 23"), and in a report on
//!   quarterly results "the quarter", "the year-ago period", "a year earlier".
//!   A pass over the whole text resolves them once the sentences are matched.
//! - Ranges keep their two ends as two expressions, as TIMEX3 does; the first
//!   carries the range's `end` ("from November 24 to December 1"); one token
//!   ranges ("2014-2016", "November 24-30") are one expression with an `end`.
//! - An expression that needs the publication date when there is none gets
//!   `value: null` and a reason; nothing is guessed.

use crate::lexicon::{FastMap, FastSet};
use std::sync::LazyLock;

use crate::calendar::Date;
use crate::doc::Doc;
use crate::lexicon::data_lines;
use crate::pipeline::Stage;
use crate::record::TimeType;
use crate::stages::tokens::{flags, Token, TokenKind};

/// A time expression in the `times` layer. Offsets are bytes into the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeExpr {
    pub start: u32,
    pub end: u32,
    pub kind: TimeType,
    /// TIMEX3 value; `None` when it could not be resolved (see `reason`).
    pub value: Option<String>,
    /// End of a range ("2014-2016").
    pub end_value: Option<String>,
    pub reason: Option<&'static str>,
    /// Index of the sentence it occurs in.
    pub sentence: u32,
    /// How the value depends on an earlier time of the text (resolved, then cleared,
    /// before the stage returns).
    anaphor: Option<Anaphor>,
}

/// An expression whose value comes from the time the text last spoke of (its
/// reference time) rather than from the dateline: "the following month", "that
/// year", "the quarter", "a year earlier" in a report on quarterly results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Anaphor {
    /// A quarter: `year` if written ("the 1988 quarter"), else the reference
    /// quarter's year less `back` years; quarter `q` if written, else the reference
    /// quarter's. Without a quarter in the text the matcher's own value stands, or,
    /// if it has none, the expression is dropped ("the quarter" may be a district).
    Quarter { year: Option<i32>, back: i32, q: Option<u8> },
    /// `n` units ("D", "W", "M", "Y") after the reference time; without one, the
    /// matcher's own (dateline) value stands.
    Shift { unit: &'static str, n: i64 },
    /// A clock time on the day the text last named ("killed on Oct. 23 ... at 10
    /// p.m."); without a day named, the dateline's.
    OnDay,
}

/// The `times` stage.
#[derive(Debug, Default, Clone, Copy)]
pub struct Times;

impl Stage for Times {
    fn name(&self) -> &'static str {
        "times"
    }
    fn annotate(&self, doc: &mut Doc) {
        let mut out = Vec::new();
        for (si, s) in doc.sentences.iter().enumerate() {
            let toks = s.tokens(&doc.tokens);
            let m = Matcher { text: doc.text(), lower: doc.lower(), toks, anchor: doc.published() };
            m.run(si as u32, &mut out);
        }
        resolve_anaphora(&mut out);
        doc.times = out;
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Month,
    Weekday,
    Unit,
    Part,
    Season,
    Number,
    Ordinal,
    Deictic,
    Ref,
    Set,
    Holiday,
    Approx,
    Zone,
}

#[derive(Debug, Clone, Copy)]
struct Word {
    kind: Kind,
    num: i64,
    val: &'static str,
}

struct Lexicon {
    words: FastMap<&'static str, Vec<Word>>,
    /// Multi-word entries ("new year's day"), by first word.
    phrases: Vec<(Vec<&'static str>, Word)>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut words: FastMap<&'static str, Vec<Word>> = FastMap::default();
    let mut phrases = Vec::new();
    for line in data_lines(include_str!("../../data/time_words.tsv")) {
        let mut it = line.split('\t');
        let (Some(w), Some(k)) = (it.next(), it.next()) else { continue };
        let val = it.next().unwrap_or("").trim();
        let kind = match k.trim() {
            "month" => Kind::Month,
            "weekday" => Kind::Weekday,
            "unit" => Kind::Unit,
            "part" => Kind::Part,
            "season" => Kind::Season,
            "number" => Kind::Number,
            "ordinal" => Kind::Ordinal,
            "deictic" => Kind::Deictic,
            "ref" => Kind::Ref,
            "set" => Kind::Set,
            "holiday" => Kind::Holiday,
            "approx" => Kind::Approx,
            "zone" => Kind::Zone,
            _ => continue,
        };
        let num = val.parse().unwrap_or(0);
        let word = Word { kind, num, val };
        if w.contains(' ') {
            phrases.push((w.split(' ').collect(), word));
        } else {
            words.entry(w.trim()).or_default().push(word);
        }
    }
    Lexicon { words, phrases }
});

static TENSE_CUES: LazyLock<FastMap<&'static str, (Tense, bool)>> = LazyLock::new(|| {
    let mut m = FastMap::default();
    for line in data_lines(include_str!("../../data/tense_cues.tsv")) {
        let Some((w, t)) = line.split_once('\t') else { continue };
        let t = if t.trim() == "future" { Tense::Future } else { Tense::Past };
        match w.strip_suffix("+to") {
            Some(base) => m.insert(base, (t, true)),
            None => m.insert(w, (t, false)),
        };
    }
    m
});

/// Words that open a time expression without being time words themselves.
static OPENERS: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    "the this last next past previous following coming upcoming recent early late earlier later mid end \
     beginning start middle by more less fewer at up every each few several many couple in current \
     these that noon midday midnight"
        .split_whitespace()
        .collect()
});

/// Tense of the clause around an expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tense {
    Past,
    Future,
    Unknown,
}

/// What a rule found: tokens `[i, end)`, type, value.
#[derive(Debug, Clone)]
struct Hit {
    end: usize,
    kind: TimeType,
    value: Result<String, &'static str>,
    end_value: Option<String>,
    anaphor: Option<Anaphor>,
}

impl Hit {
    fn new(end: usize, kind: TimeType, value: Result<String, &'static str>) -> Hit {
        Hit { end, kind, value, end_value: None, anaphor: None }
    }
    fn anaphor(mut self, a: Anaphor) -> Hit {
        self.anaphor = Some(a);
        self
    }
}

const NO_ANCHOR: &str = "no publication date to resolve against";
const NO_QUARTER: &str = "no quarter named before";
const NO_REFERENCE: &str = "no earlier date to count from";

struct Matcher<'a> {
    text: &'a str,
    /// `text` with ASCII letters lowercased.
    lower: &'a str,
    toks: &'a [Token],
    anchor: Option<Date>,
}

fn fmt_date(d: Date) -> String {
    d.to_string()
}
fn fmt_month(y: i32, m: u8) -> String {
    format!("{y:04}-{m:02}")
}
fn fmt_week(d: Date) -> String {
    let (y, w) = d.iso_week();
    format!("{y:04}-W{w:02}")
}

impl<'a> Matcher<'a> {
    fn run(&self, sentence: u32, out: &mut Vec<TimeExpr>) {
        let first = out.len();
        let mut i = 0;
        while i < self.toks.len() {
            match self.best(i) {
                Some(hit) if hit.end > i => {
                    let (start, end) = (self.toks[i].start, self.toks[hit.end - 1].end);
                    let (value, reason) = match hit.value {
                        Ok(v) => (Some(v), None),
                        Err(r) => (None, Some(r)),
                    };
                    out.push(TimeExpr {
                        start,
                        end,
                        kind: hit.kind,
                        value,
                        end_value: hit.end_value,
                        reason,
                        sentence,
                        anaphor: hit.anaphor,
                    });
                    i = hit.end;
                }
                _ => i += 1,
            }
        }
        merge_clock_and_day(self.text, out, first);
        link_ranges(self.text, &mut out[first..]);
    }

    /// Whether a time expression can start at token `i`: a number, a word of
    /// the time lexicon, or a word that opens one ("last", "the", "early" ...).
    /// Most tokens are neither, and skip every rule.
    fn can_start(&self, i: usize) -> bool {
        let t = &self.toks[i];
        if t.kind == TokenKind::Number {
            return true;
        }
        if t.kind != TokenKind::Word {
            return false;
        }
        let w = self.lw(i);
        LEXICON.words.contains_key(w) || OPENERS.contains(w) || w.starts_with("mid-") || w.contains('-')
    }

    /// The longest match of any rule at token `i`.
    fn best(&self, i: usize) -> Option<Hit> {
        if !self.can_start(i) {
            return None;
        }
        let rules: [fn(&Self, usize) -> Option<Hit>; 10] = [
            Self::misc,
            Self::modified,
            Self::calendar_date,
            Self::weekday,
            Self::deictic,
            Self::relative,
            Self::duration,
            Self::clock,
            Self::reference,
            Self::set,
        ];
        let mut best: Option<Hit> = None;
        for rule in rules {
            if let Some(h) = rule(self, i) {
                if best.as_ref().is_none_or(|b| h.end > b.end) {
                    best = Some(h);
                }
            }
        }
        best
    }

    // ---- token helpers ------------------------------------------------------

    fn tok(&self, i: usize) -> Option<&'a Token> {
        self.toks.get(i)
    }

    #[inline]
    fn raw(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.text(self.text))
    }

    /// The token's text without an abbreviation's final period.
    #[inline]
    fn word(&self, i: usize) -> &'a str {
        let w = self.raw(i);
        if self.toks.get(i).is_some_and(|t| t.has(flags::ABBREV)) {
            w.strip_suffix('.').unwrap_or(w)
        } else {
            w
        }
    }

    /// `word(i)` in lowercase (ASCII), without allocating.
    #[inline]
    fn lw(&self, i: usize) -> &'a str {
        let w = self.word(i);
        self.toks.get(i).map_or("", |t| &self.lower[t.start as usize..t.start as usize + w.len()])
    }

    #[inline]
    fn is(&self, i: usize, w: &str) -> bool {
        self.word(i).eq_ignore_ascii_case(w)
    }

    fn is_any(&self, i: usize, ws: &[&str]) -> bool {
        ws.iter().any(|w| self.is(i, w))
    }

    fn capitalized(&self, i: usize) -> bool {
        self.raw(i).chars().next().is_some_and(char::is_uppercase)
    }

    fn lookup(&self, i: usize, kind: Kind) -> Option<Word> {
        LEXICON.words.get(self.lw(i))?.iter().find(|x| x.kind == kind).copied()
    }

    /// A month name: capitalized (so "may" and "march" as verbs are left alone);
    /// "May" needs a day, a year or a preposition next to it.
    fn month(&self, i: usize) -> Option<u8> {
        let w = self.lookup(i, Kind::Month)?;
        if !self.capitalized(i) {
            return None;
        }
        let word = self.word(i);
        let abbrev = word.len() <= 4 && !matches!(word.to_ascii_lowercase().as_str(), "may" | "june" | "july");
        if abbrev && !self.tok(i).is_some_and(|t| t.has(flags::ABBREV)) && word.len() < 4 {
            // "Jan" without a period is still a month before a day or a year.
            if !matches!(self.tok(i + 1).map(|t| t.kind), Some(TokenKind::Number)) {
                return None;
            }
        }
        if word.eq_ignore_ascii_case("may") {
            let next_num = matches!(self.tok(i + 1).map(|t| t.kind), Some(TokenKind::Number));
            let prep = i > 0
                && self.is_any(
                    i - 1,
                    &[
                        "in", "since", "until", "of", "early", "late", "mid", "last", "next", "this", "from",
                        "through", "by", "before", "after", "during",
                    ],
                );
            if !next_num && !prep {
                return None;
            }
        }
        Some(w.num as u8)
    }

    /// A time zone written in capitals after a clock time ("UTC", "EST"): its
    /// TIMEX3 suffix ("Z", or "" for a local clock).
    fn zone(&self, i: usize) -> Option<&'static str> {
        let w = self.word(i);
        if w.len() > 4 || !w.bytes().all(|b| b.is_ascii_uppercase()) && w != "Zulu" {
            return None;
        }
        self.lookup(i, Kind::Zone).map(|z| z.val)
    }

    fn weekday_at(&self, i: usize) -> Option<u8> {
        let w = self.lookup(i, Kind::Weekday)?;
        let full = self.word(i).len() >= 6;
        (self.capitalized(i) && (full || self.tok(i).is_some_and(|t| t.has(flags::ABBREV)))).then_some(w.num as u8)
    }

    /// "November 24-30" or "24-30 November" at `i` (two tokens), a year after
    /// them or not: the first day, with the last as `end`.
    fn days_of_month(&self, i: usize, m: u8, (d1, d2): (u8, u8)) -> Hit {
        let (year, end) = self.year_after(i + 2);
        let day = |d: u8| match year {
            Some(y) => Date::new(y, m, d).map(fmt_date).ok_or("no such date"),
            None => self.resolve_day(i, m, d),
        };
        let mut h = Hit::new(end, TimeType::Date, day(d1));
        h.end_value = day(d2).ok();
        h
    }

    /// Two days of one month: "24-30", "24–30".
    fn day_range(&self, i: usize) -> Option<(u8, u8)> {
        if self.tok(i)?.kind != TokenKind::Number {
            return None;
        }
        let (a, b) = self.word(i).split_once(['-', '–'])?;
        let (a, b): (u8, u8) = (a.parse().ok()?, b.parse().ok()?);
        (1 <= a && a < b && b <= 31).then_some((a, b))
    }

    /// A day of the month: "1", "1st", "24th".
    fn day_number(&self, i: usize) -> Option<u8> {
        let t = self.tok(i)?;
        if t.kind != TokenKind::Number {
            return None;
        }
        let w = self.word(i);
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &w[digits.len()..];
        if !(suffix.is_empty() || matches!(suffix, "st" | "nd" | "rd" | "th")) || digits.len() > 2 {
            return None;
        }
        let d: u8 = digits.parse().ok()?;
        (1..=31).contains(&d).then_some(d)
    }

    /// A four-digit year, 1000–2199.
    fn year_number(&self, i: usize) -> Option<i32> {
        let t = self.tok(i)?;
        let w = self.word(i);
        if t.kind != TokenKind::Number || w.len() != 4 || !w.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let y: i32 = w.parse().ok()?;
        (1000..=2199).contains(&y).then_some(y)
    }

    /// A cardinal: digits ("10", "1,500") or number words ("two", "twenty four",
    /// "twenty-four"). Returns the value and the token after it.
    fn number(&self, i: usize) -> Option<(i64, usize)> {
        let t = self.tok(i)?;
        if t.kind == TokenKind::Number {
            let w = self.word(i).replace(',', "");
            return w.parse::<i64>().ok().map(|n| (n, i + 1));
        }
        let (mut n, mut j) = (word_number(self.word(i))?, i + 1);
        if (20..100).contains(&n) && n % 10 == 0 {
            if let Some(u) = self.tok(j).and_then(|_| word_number(self.word(j))).filter(|u| (1..10).contains(u)) {
                n += u;
                j += 1;
            }
        }
        Some((n, j))
    }

    /// Whether the clause around token `i` is past or future (`data/tense_cues.tsv`).
    /// "by", "until", "through", "effective" right before the expression point ahead.
    fn tense(&self, i: usize) -> Tense {
        if i > 0 && self.is_any(i - 1, &["by", "until", "till", "effective", "payable"]) {
            return Tense::Future;
        }
        self.verb_tense(i)
    }

    /// The tense of the verbs around token `i`, prepositions aside. A weekday
    /// right after a reporting verb ("said Friday") dates the report.
    fn verb_tense(&self, i: usize) -> Tense {
        let before = if i > 1 && self.is(i - 1, "on") { i - 2 } else { i.wrapping_sub(1) };
        if before < self.toks.len() && crate::lexicon::is_speech_verb(self.word(before)) {
            let w = self.lw(before);
            return if w.ends_with('s') { Tense::Unknown } else { Tense::Past };
        }
        let cue = |j: usize| -> Option<Tense> {
            let w = self.lw(j);
            if crate::lexicon::is_speech_verb(w) {
                return None;
            }
            // "is to resume", "are to meet": arranged for the future.
            if w == "to" && j > 0 && self.is_any(j - 1, &["is", "are"]) {
                return Some(Tense::Future);
            }
            let t = match TENSE_CUES.get(w) {
                Some(&(t, needs_to)) if !needs_to || self.is(j + 1, "to") => t,
                Some(_) => return None,
                // "-ed" after a determiner is an adjective ("the increased dividend",
                // "a still unspecified date"), not a verb.
                None if w.len() > 4
                    && w.ends_with("ed")
                    && !self.capitalized(j)
                    && !(j > 0
                        && self.is_any(
                            j - 1,
                            &["a", "an", "the", "its", "their", "his", "her", "our", "still", "newly", "this", "that"],
                        )) =>
                {
                    Tense::Past
                }
                None => return None,
            };
            // A participle after a modal ("will be paid", "is to be published",
            // "would have ended") takes the modal's time.
            if t == Tense::Past && w != "was" && w != "were" {
                let mut k = j;
                while k > 0 && self.is_any(k - 1, &["be", "been", "being", "have", "not", "also", "then"]) {
                    k -= 1;
                }
                if k < j && k > 0 && self.is_any(k - 1, &["will", "would", "shall", "to", "'ll", "’ll", "wo"]) {
                    return Some(Tense::Future);
                }
            }
            Some(t)
        };
        // The nearest cue before the expression, else after it.
        (0..i).rev().find_map(cue).or_else(|| (i + 1..self.toks.len()).find_map(cue)).unwrap_or(Tense::Unknown)
    }

    // ---- rules ---------------------------------------------------------------

    /// "early 2024", "mid-December", "late Tuesday", "the end of last year":
    /// a modifier before another expression, kept in the span, value unchanged.
    fn modified(&self, i: usize) -> Option<Hit> {
        let raw = self.raw(i).to_ascii_lowercase();
        // "mid-December", "mid-2023" are one token.
        if let Some(rest) = raw.strip_prefix("mid-") {
            if let Some(m) = LEXICON.words.get(rest).and_then(|v| v.iter().find(|x| x.kind == Kind::Month)) {
                return Some(Hit::new(i + 1, TimeType::Date, self.resolve_month(i, m.num as u8, None)));
            }
            if let Ok(y) = rest.parse::<i32>() {
                if (1000..=2199).contains(&y) {
                    return Some(Hit::new(i + 1, TimeType::Date, Ok(format!("{y:04}"))));
                }
            }
        }
        let j = if self.is_any(i, &["early", "late", "mid", "earlier", "later"]) {
            i + 1
        } else if self.is_any(i, &["the", "by"])
            && self.is_any(i + 1, &["end", "beginning", "start", "middle", "turn"])
            && self.is(i + 2, "of")
        {
            i + 3
        } else if self.is_any(i, &["end", "beginning", "start", "middle"]) && self.is(i + 1, "of") {
            i + 2
        } else {
            return None;
        };
        let mut inner = [Self::calendar_date, Self::weekday, Self::relative, Self::deictic]
            .iter()
            .filter_map(|r| r(self, j))
            .max_by_key(|h| h.end)?;
        if self.is_any(i, &["earlier", "later"]) && !self.is_any(j, &["this", "that"]) {
            return None;
        }
        inner.end = inner.end.max(j + 1);
        Some(inner)
    }

    /// Dates from the calendar: "December 1", "Dec. 1, 2023", "1 December 2023",
    /// "Friday, Oct. 23", "December 2023", "January of this year", "December",
    /// "2013", "the 1990s", "2023-12-01", "12/1/2023", "2014-2016", seasons,
    /// quarters and holidays.
    fn calendar_date(&self, i: usize) -> Option<Hit> {
        // Weekday, Month Day: the weekday only adds to the span.
        if self.weekday_at(i).is_some() {
            let j = if self.raw(i + 1) == "," { i + 2 } else { i + 1 };
            if self.month(j).is_some() {
                if let Some(mut h) = self.calendar_date(j).filter(|h| h.kind == TimeType::Date) {
                    h.end = h.end.max(j + 1);
                    return Some(h);
                }
            }
        }
        if let Some(m) = self.month(i) {
            // Month Day-Day [,] [Year]: "November 24-30"
            if let Some(days) = self.day_range(i + 1) {
                return Some(self.days_of_month(i, m, days));
            }
            // Month Day [,] [Year]
            if let Some(d) = self.day_number(i + 1) {
                let (year, end) = self.year_after(i + 2);
                if let Some(y) = year {
                    return Some(Hit::new(end, TimeType::Date, Date::new(y, m, d).map(fmt_date).ok_or("no such date")));
                }
                return Some(Hit::new(i + 2, TimeType::Date, self.resolve_day(i, m, d)));
            }
            // Month [of] Year
            let (year, end) = self.year_after(i + 1);
            if let Some(y) = year {
                return Some(Hit::new(end, TimeType::Date, Ok(fmt_month(y, m))));
            }
            let of = if self.is(i + 1, "of") { i + 2 } else { i + 1 };
            if self.is_any(of, &["this", "last", "next"]) && self.is(of + 1, "year") {
                let y = self.anchor.map(|a| {
                    a.year()
                        + match self.lw(of) {
                            "last" => -1,
                            "next" => 1,
                            _ => 0,
                        }
                });
                return Some(Hit::new(of + 2, TimeType::Date, y.map(|y| fmt_month(y, m)).ok_or(NO_ANCHOR)));
            }
            // "last December", "this March" are handled by `relative`.
            return Some(Hit::new(i + 1, TimeType::Date, self.resolve_month(i, m, None)));
        }
        // Day-Day Month [Year]: "24-30 November"
        if let (Some(days), Some(m)) = (self.day_range(i), self.month(i + 1)) {
            return Some(self.days_of_month(i, m, days));
        }
        // Day Month [Year]
        if let Some(d) = self.day_number(i) {
            if let Some(m) = self.month(i + 1) {
                let (year, end) = self.year_after(i + 2);
                return Some(match year {
                    Some(y) => Hit::new(end, TimeType::Date, Date::new(y, m, d).map(fmt_date).ok_or("no such date")),
                    None => Hit::new(i + 2, TimeType::Date, self.resolve_day(i, m, d)),
                });
            }
        }
        // The decade: "the 1990s", "1990s".
        let w = self.word(i);
        let decade_at = if self.is(i, "the") { i + 1 } else { i };
        let dw = self.word(decade_at);
        // "the mid-1990s", "the late-1980s": the decade, the modifier kept in the span.
        let dw = ["mid-", "early-", "late-"].iter().find_map(|p| dw.strip_prefix(p)).unwrap_or(dw);
        if dw.len() == 5 && dw.ends_with('s') && dw[..4].bytes().all(|b| b.is_ascii_digit()) && dw[3..4] == *"0" {
            return Some(Hit::new(decade_at + 1, TimeType::Date, Ok(dw[..3].to_string())));
        }
        // "the nineties", "the eighties": the current century's decade of that name
        // unless it has not begun, then the last century's.
        if decade_at > i {
            if let Some(tens) = word_number(dw.strip_suffix("ies").map(|t| format!("{t}y")).as_deref().unwrap_or("")) {
                if (20..=90).contains(&tens) && tens % 10 == 0 {
                    let century = self.anchor.map_or(19, |a| {
                        let c = a.year() / 100;
                        if (c * 100 + tens as i32) > a.year() {
                            c - 1
                        } else {
                            c
                        }
                    });
                    return Some(Hit::new(decade_at + 1, TimeType::Date, Ok(format!("{century:02}{}", tens / 10))));
                }
            }
        }
        // Year, or a year range "2014-2016".
        if let Some(y) = self.year_number(i) {
            if i > 0 && matches!(self.raw(i - 1), "$" | "#" | "No." | "€" | "£") {
                return None;
            }
            if self.is_any(i + 1, &["percent", "%", "people", "troops", "soldiers"]) {
                return None;
            }
            return Some(Hit::new(i + 1, TimeType::Date, Ok(format!("{y:04}"))));
        }
        if let Some(h) = self.numeric_date(i, w) {
            return Some(h);
        }
        // "nineteen ninety-six"; "the year two thousand".
        let the_year = self.is(i, "the") && self.raw(i + 1) == "year";
        if let Some((y, end)) = self.spoken_year(if the_year { i + 2 } else { i }, the_year) {
            return Some(Hit::new(end, TimeType::Date, Ok(format!("{y:04}"))));
        }
        if the_year {
            if let Some(y) = self.year_number(i + 2) {
                return Some(Hit::new(i + 3, TimeType::Date, Ok(format!("{y:04}"))));
            }
        }
        if let Some(h) = self.season(i) {
            return Some(h);
        }
        if let Some(h) = self.quarter(i) {
            return Some(h);
        }
        self.holiday(i)
    }

    /// ", 2023" / "2023" / "of 2023" / "nineteen ninety-six" after a month, day or
    /// season: (year, end token).
    fn year_after(&self, j: usize) -> (Option<i32>, usize) {
        let k = if self.raw(j) == "," || self.is(j, "of") { j + 1 } else { j };
        match self.year_number(k) {
            Some(y) => (Some(y), k + 1),
            None => match self.spoken_year(k, true) {
                Some((y, end)) => (Some(y), end),
                None => (None, j),
            },
        }
    }

    /// A year said in words, as broadcast transcripts write it: "nineteen
    /// ninety-six", "twenty twenty-three"; and, where a year is expected
    /// (`expected`), "two thousand" and "two thousand and one".
    fn spoken_year(&self, i: usize, expected: bool) -> Option<(i32, usize)> {
        if self.tok(i)?.kind != TokenKind::Word {
            return None;
        }
        let century = word_number(self.word(i))?;
        if (10..=20).contains(&century) {
            let (rest, end) =
                self.number(i + 1).filter(|_| self.tok(i + 1).is_some_and(|t| t.kind == TokenKind::Word))?;
            return (10..=99).contains(&rest).then_some(((century * 100 + rest) as i32, end));
        }
        if century == 2 && expected && self.is(i + 1, "thousand") {
            let j = if self.is(i + 2, "and") { i + 3 } else { i + 2 };
            return match self
                .number(j)
                .filter(|&(n, _)| (1..=99).contains(&n) && self.tok(j).is_some_and(|t| t.kind == TokenKind::Word))
            {
                Some((n, end)) => Some((2000 + n as i32, end)),
                None => Some((2000, i + 2)),
            };
        }
        None
    }

    /// "2023-12-01", "12/1/2023" (month first), "2014-2016".
    fn numeric_date(&self, i: usize, w: &str) -> Option<Hit> {
        if self.tok(i)?.kind != TokenKind::Number {
            return None;
        }
        let parts: Vec<&str> = w.split(['-', '/', '–']).collect();
        if parts.iter().any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit())) {
            return None;
        }
        let num = |k: usize| parts[k].parse::<i32>().ok();
        match parts.len() {
            3 if parts[0].len() == 4 && w.contains('-') => {
                let d = Date::new(num(0)?, num(1)? as u8, num(2)? as u8)?;
                Some(Hit::new(i + 1, TimeType::Date, Ok(fmt_date(d))))
            }
            3 if parts[2].len() == 4 && w.contains('/') => {
                let (a, b) = (u8::try_from(num(0)?).ok()?, u8::try_from(num(1)?).ok()?);
                let (m, d) = if a > 12 { (b, a) } else { (a, b) };
                let date = Date::new(num(2)?, m, d)?;
                Some(Hit::new(i + 1, TimeType::Date, Ok(fmt_date(date))))
            }
            2 if parts[0].len() == 4 && parts[1].len() == 4 && !w.contains('/') => {
                let (a, b) = (num(0)?, num(1)?);
                if !(1000..=2199).contains(&a) || b <= a || b - a > 200 {
                    return None;
                }
                let mut h = Hit::new(i + 1, TimeType::Date, Ok(format!("{a:04}")));
                h.end_value = Some(format!("{b:04}"));
                Some(h)
            }
            _ => None,
        }
    }

    /// "spring", "this summer", "the fall of 2023", "winter 2022".
    fn season(&self, i: usize) -> Option<Hit> {
        let (j, shift) = match self.lw(i) {
            "this" if self.is(i + 1, "past") => (i + 2, Some(-1)),
            "this" => (i + 1, Some(0)),
            "last" | "past" => (i + 1, Some(-1)),
            "next" | "coming" => (i + 1, Some(1)),
            "the" | "in" => (i + 1, None),
            _ => (i, None),
        };
        let s = self.lookup(j, Kind::Season)?;
        let (year, end) = self.year_after(j + 1);
        // "the fall of the town", "the spring of discontent": a noun, not a season,
        // unless a year follows ("the fall of 2023").
        if year.is_none() && self.is(j + 1, "of") {
            return None;
        }
        if j == i
            && year.is_none()
            && !(i > 0 && self.is_any(i - 1, &["in", "this", "last", "next", "early", "late", "the"]))
        {
            return None;
        }
        // "last spring" is the latest spring over by the dateline, "next spring"
        // the first yet to begin; a winter is named by the year of its December.
        let (first, last) = match s.val {
            "SP" => (3, 5),
            "SU" => (6, 8),
            "FA" => (9, 11),
            _ => (12, 14),
        };
        let value = match (year, shift) {
            (Some(y), _) => Ok(format!("{y:04}-{}", s.val)),
            (None, shift) => match self.anchor {
                Some(a) => {
                    // Months counted from January of the year before the dateline's.
                    let now = i32::from(a.month()) + 12;
                    let y = match shift {
                        Some(-1) => {
                            (-1..=1).rev().find(|k| k * 12 + last < now).map_or(a.year() - 1, |k| a.year() - 1 + k)
                        }
                        Some(1) => (1..4).find(|k| k * 12 + first > now).map_or(a.year() + 1, |k| a.year() - 1 + k),
                        _ => a.year(),
                    };
                    Ok(format!("{y:04}-{}", s.val))
                }
                None => Err(NO_ANCHOR),
            },
        };
        Some(Hit::new(end.max(j + 1), TimeType::Date, value))
    }

    /// Quarters: "the fourth quarter", "third-quarter", "Q3", "the first quarter of
    /// 2023", "the 1988 third quarter", "next year's first quarter", "the latest
    /// quarter", "the year-ago period", "the quarter a year ago", "year-earlier".
    /// A numbered quarter without a year is this year's (last year's for a later
    /// quarter in a past clause); one without a number is the quarter the text
    /// last named (`Anaphor::Quarter`).
    fn quarter(&self, i: usize) -> Option<Hit> {
        let mut j = if self.is_any(i, &["the", "that"]) { i + 1 } else { i };
        let (mut year, mut back, mut latest, mut modifier) = (None, 0, false, false);
        loop {
            let w = self.lw(j);
            if matches!(w, "comparable" | "corresponding" | "same" | "fiscal") {
                j += 1;
            } else if matches!(w, "year-ago" | "year-earlier" | "prior-year" | "year-before") {
                back = 1;
                j += 1;
            } else if w == "latest" {
                latest = true;
                j += 1;
            } else if w == "current" && self.raw(j + 1) == "quarter" {
                // "the current quarter": the dateline's.
                let a = self.anchor?;
                return Some(Hit::new(
                    j + 2,
                    TimeType::Date,
                    Ok(format!("{:04}-Q{}", a.year(), (a.month() - 1) / 3 + 1)),
                ));
            } else if w == "most" && self.is(j + 1, "recent") {
                latest = true;
                j += 2;
            } else if let Some(y) = self.year_number(j) {
                year = Some(y);
                j += 1;
            } else if matches!(w, "this" | "last" | "next")
                && self.is(j + 1, "year")
                && matches!(self.raw(j + 2), "'s" | "’s")
            {
                let d = match w {
                    "last" => -1,
                    "next" => 1,
                    _ => 0,
                };
                year = Some(self.anchor?.year() + d);
                j += 3;
            } else {
                break;
            }
            modifier = true;
        }
        let w = self.lw(j);
        let numbered = |ord: &str| word_ordinal(ord).and_then(|q| u8::try_from(q).ok()).filter(|q| (1..=4).contains(q));
        let (q, end) = if let Some(ord) = w.strip_suffix("-quarter") {
            (Some(numbered(ord)?), j + 1)
        } else if w.len() == 2 && w.starts_with('q') && self.capitalized(j) {
            (Some(numbered(&w[1..])?), j + 1)
        } else if self.raw(j + 1) == "quarter" && word_ordinal(w).is_some() {
            (Some(numbered(w)?), j + 2)
        } else if self.raw(j) == "quarter" && j > i && !self.is(j + 1, "of") || self.raw(j) == "period" && modifier {
            (None, j + 1)
        } else if back > 0 && j == i + 1 && !self.is_any(i, &["the", "that"]) {
            // "year-earlier" alone ("year-earlier levels"): a year before the reference.
            let v = self.anchor.map(|a| format!("{:04}", a.year() - 1)).ok_or(NO_ANCHOR);
            return Some(Hit::new(j, TimeType::Date, v).anaphor(Anaphor::Quarter { year: None, back, q: None }));
        } else {
            return None;
        };
        let (written, mut end) = self.year_after(end);
        let mut year = written.or(year);
        // "the first quarter of last year"
        if year.is_none()
            && self.is(end, "of")
            && self.is_any(end + 1, &["this", "last", "next"])
            && self.is(end + 2, "year")
        {
            let d = match self.lw(end + 1) {
                "last" => -1,
                "next" => 1,
                _ => 0,
            };
            year = Some(self.anchor?.year() + d);
            end += 3;
        }
        // "the quarter a year ago", "the corresponding period last year"
        if year.is_none() {
            if self.is(end, "a") && self.is(end + 1, "year") && self.is_any(end + 2, &["ago", "earlier", "before"]) {
                back = 1;
                end += 3;
            } else if self.is(end, "last") && self.is(end + 1, "year") {
                back = 1;
                end += 2;
            }
        }
        let anchor = self.anchor;
        let hit = match (q, year) {
            (Some(q), Some(y)) => return Some(Hit::new(end, TimeType::Date, Ok(format!("{y:04}-Q{q}")))),
            (Some(q), None) => {
                let v = anchor.ok_or(NO_ANCHOR).map(|a| {
                    let current = (a.month() - 1) / 3 + 1;
                    let past = back > 0 || q > current && self.tense(i) == Tense::Past;
                    format!("{:04}-Q{q}", a.year() - i32::from(past))
                });
                let hit = Hit::new(end, TimeType::Date, v);
                if back == 0 {
                    return Some(hit);
                }
                hit
            }
            (None, Some(y)) => Hit::new(end, TimeType::Date, Ok(format!("{y:04}"))),
            (None, None) if back > 0 => {
                Hit::new(end, TimeType::Date, anchor.map(|a| format!("{:04}", a.year() - 1)).ok_or(NO_ANCHOR))
            }
            (None, None) if latest => {
                // The last quarter ended before the dateline.
                let v = anchor.ok_or(NO_ANCHOR).map(|a| {
                    let q = i32::from((a.month() - 1) / 3);
                    let (y, q) = if q == 0 { (a.year() - 1, 4) } else { (a.year(), q) };
                    format!("{y:04}-Q{q}")
                });
                return Some(Hit::new(end, TimeType::Date, v));
            }
            (None, None) => Hit::new(end, TimeType::Date, Err(NO_QUARTER)),
        };
        Some(hit.anaphor(Anaphor::Quarter { year, back, q }))
    }

    /// "Christmas", "Christmas Day", "New Year's Day".
    fn holiday(&self, i: usize) -> Option<Hit> {
        let (word, end) = if let Some(w) = self.lookup(i, Kind::Holiday).filter(|_| self.capitalized(i)) {
            (w, if self.is(i + 1, "Day") || self.is(i + 1, "Eve") { i + 2 } else { i + 1 })
        } else {
            let lex = &*LEXICON;
            let mut found = None;
            for (words, w) in &lex.phrases {
                if w.kind != Kind::Holiday || !self.capitalized(i) {
                    continue;
                }
                let mut j = i;
                let mut ok = true;
                for part in words {
                    // "year's" is split into "year" + "'s".
                    let mut expected = part.to_string();
                    if let Some(base) = part.strip_suffix("'s") {
                        if !(self.is(j, base) && (self.raw(j + 1) == "'s" || self.raw(j + 1) == "’s")) {
                            ok = false;
                            break;
                        }
                        j += 2;
                        continue;
                    }
                    expected.make_ascii_lowercase();
                    if !self.is(j, &expected) {
                        ok = false;
                        break;
                    }
                    j += 1;
                }
                if ok {
                    found = Some((*w, j));
                    break;
                }
            }
            found?
        };
        let eve = self.is(end - 1, "Eve");
        // "12-25", or "11-22+thu": the first Thursday on or after 22 November.
        let (m, rest) = word.val.split_once('-')?;
        let (d, wd) = match rest.split_once('+') {
            Some((d, wd)) => (d, Some(LEXICON.words.get(wd)?.iter().find(|x| x.kind == Kind::Weekday)?.num as u8)),
            None => (rest, None),
        };
        let (m, d): (u8, u8) = (m.parse().ok()?, d.parse().ok()?);
        let in_year = |y: i32| {
            let first = Date::new(y, m, d)?;
            match wd {
                Some(wd) => first.add_days((i64::from(wd) - i64::from(first.weekday().index())).rem_euclid(7)),
                None => Some(first),
            }
        };
        let (year, end2) = self.year_after(end);
        let value = match year {
            Some(y) => in_year(y).map(fmt_date).ok_or("no such date"),
            None => self.resolve_in_year(i, &in_year),
        };
        let value = if eve { value.and_then(|v| prev_day(&v)) } else { value };
        Some(Hit::new(end2, TimeType::Date, value))
    }

    /// "Wednesday", "on Tuesday night", "last Monday", "next Friday", "Monday morning".
    fn weekday(&self, i: usize) -> Option<Hit> {
        let (shift, j) = match self.lw(i) {
            "last" | "past" | "previous" => (-1, i + 1),
            "next" | "coming" => (1, i + 1),
            "this" => (0, i + 1),
            _ => (2, i), // unmodified: by tense
        };
        let wd = self.weekday_at(j)?;
        let mut end = j + 1;
        let part = self.lookup(end, Kind::Part);
        if part.is_some() {
            end += 1;
        }
        let value = match self.anchor {
            None => Err(NO_ANCHOR),
            Some(a) => {
                let cur = a.weekday().index() as i64;
                let back = (cur - wd as i64).rem_euclid(7);
                let fwd = (wd as i64 - cur).rem_euclid(7);
                let offset = match shift {
                    -1 => -(if back == 0 { 7 } else { back }),
                    1 => {
                        if fwd == 0 {
                            7
                        } else {
                            fwd
                        }
                    }
                    0 => fwd,
                    _ if back == 0 => 0,
                    // "Wednesday's ruling": a day whose events are spoken of as done.
                    _ if matches!(self.raw(end), "'s" | "’s") => -back,
                    _ => match self.verb_tense(i) {
                        Tense::Future => fwd,
                        _ => -back,
                    },
                };
                a.add_days(offset).map(fmt_date).ok_or("date out of range")
            }
        };
        let kind = TimeType::Date;
        let value = match part {
            Some(p) => value.map(|v| format!("{v}T{}", p.val)),
            None => value,
        };
        Some(Hit::new(end, kind, value))
    }

    /// "today", "yesterday morning", "tonight", "this morning", "last night".
    fn deictic(&self, i: usize) -> Option<Hit> {
        let anchor = self.anchor;
        let day =
            |off: i64| anchor.ok_or(NO_ANCHOR).and_then(|a| a.add_days(off).map(fmt_date).ok_or("date out of range"));
        if let Some(w) = self.lookup(i, Kind::Deictic) {
            let mut end = i + 1;
            let mut part = if self.is(i, "tonight") { Some("NI") } else { None };
            if let Some(p) = self.lookup(end, Kind::Part) {
                part = Some(p.val);
                end += 1;
            }
            let v = day(w.num);
            return Some(match part {
                Some(p) => Hit::new(end, TimeType::Time, v.map(|v| format!("{v}T{p}"))),
                None => Hit::new(end, TimeType::Date, v),
            });
        }
        // "this morning", "last night", "early this morning"
        let off = match self.lw(i) {
            "this" => 0,
            "last" if self.is(i + 1, "night") => -1,
            _ => return None,
        };
        let p = self.lookup(i + 1, Kind::Part)?;
        Some(Hit::new(i + 2, TimeType::Time, day(off).map(|v| format!("{v}T{}", p.val))))
    }

    /// "last week", "this month", "next year", "earlier this week", "two days ago",
    /// "the past three months" (a duration), "last December", "in the coming days".
    fn relative(&self, i: usize) -> Option<Hit> {
        let w = self.lw(i);
        // N units ago
        if let Some((n, j)) = self.vague_number(i).or_else(|| self.number(i)) {
            if let Some(u) = self.lookup(j, Kind::Unit) {
                // "a year earlier" in a report (results, tolls compared with the year
                // before): counted back from the dateline, as "ago" is. Shorter units
                // ("two days earlier") count from an event we do not know: left alone.
                let earlier = self.is(j + 1, "earlier") && matches!(u.val, "Y" | "Q" | "M");
                if self.is(j + 1, "ago") || earlier {
                    let v = match self.anchor {
                        _ if n < 0 => Ok("PAST_REF".to_string()), // "a few years ago"
                        Some(a) => shift(a, u.val, -n).ok_or("date out of range"),
                        None => Err(NO_ANCHOR),
                    };
                    let hit = Hit::new(j + 2, TimeType::Date, v);
                    // In a text about quarters, "a year ago" is that quarter a year back.
                    if n == 1 && u.val == "Y" {
                        return Some(hit.anaphor(Anaphor::Quarter { year: None, back: 1, q: None }));
                    }
                    return Some(hit);
                }
            }
        }
        // in the coming days / in recent weeks / the upcoming days
        let k = if w == "the" { i + 1 } else { i };
        let kw = self.lw(k);
        if matches!(kw, "coming" | "upcoming" | "recent" | "next" | "past") {
            let (few, u_at) = if self.is_any(k + 1, &["few", "several"]) { (true, k + 2) } else { (false, k + 1) };
            if self.lookup(u_at, Kind::Unit).is_some() && self.word(u_at).ends_with('s') {
                if matches!(kw, "past" | "next" | "recent") {
                    // "the next few days", "the past several weeks": a duration of unknown length.
                    if few || kw == "recent" {
                        let u = self.lookup(u_at, Kind::Unit)?;
                        return Some(Hit::new(u_at + 1, TimeType::Duration, Ok(duration(-1, u.val))));
                    }
                } else {
                    // "in the coming days", "the upcoming weeks"
                    return Some(Hit::new(u_at + 1, TimeType::Date, Ok("FUTURE_REF".to_string())));
                }
            }
        }
        // the past/last/next/previous/first N units: a duration
        if matches!(kw, "past" | "last" | "next" | "previous" | "first" | "latest" | "coming") {
            if let Some((n, j)) = self.vague_number(k + 1).filter(|&(n, _)| n > 0).or_else(|| self.number(k + 1)) {
                if let Some(u) = self.lookup(j, Kind::Unit) {
                    return Some(Hit::new(j + 1, TimeType::Duration, Ok(duration(n, u.val))));
                }
            }
        }
        // last/this/next/past unit
        let dir = match w {
            "last" | "previous" => -1,
            "this" | "current" => 0,
            "next" | "coming" | "following" => 1,
            "past" => -2,
            "earlier" | "later" if self.is(i + 1, "this") => {
                let h = self.relative(i + 1)?;
                return Some(h);
            }
            _ => {
                if w == "the" && self.is(i + 1, "past") {
                    let u = self.lookup(i + 2, Kind::Unit)?;
                    return Some(Hit::new(i + 3, TimeType::Duration, Ok(duration(1, u.val))));
                }
                // "the following month", "the previous day", "the next day", "the day
                // before": counted from the time the text last spoke of.
                let day_before_after = w == "the" && self.is(i + 1, "day") && self.is_any(i + 2, &["before", "after"]);
                if day_before_after {
                    let n = if self.is(i + 2, "before") { -1 } else { 1 };
                    let v = self.anchor.and_then(|a| a.add_days(n)).map(fmt_date).ok_or(NO_ANCHOR);
                    return Some(Hit::new(i + 3, TimeType::Date, v).anaphor(Anaphor::Shift { unit: "D", n }));
                }
                let next_day = w == "the" && self.is(i + 1, "next") && self.is(i + 2, "day");
                if w == "the" && (self.is_any(i + 1, &["previous", "following"]) || next_day) {
                    let mut h = self.relative(i + 1)?;
                    h.end = h.end.max(i + 2);
                    if let Some(u) = self.lookup(i + 2, Kind::Unit).filter(|u| matches!(u.val, "D" | "W" | "M" | "Y")) {
                        let n = if self.is(i + 1, "previous") { -1 } else { 1 };
                        h.anaphor = Some(Anaphor::Shift { unit: u.val, n });
                    }
                    return Some(h);
                }
                // "that year", "that same day"
                if w == "that" {
                    let k = if self.is(i + 1, "same") { i + 2 } else { i + 1 };
                    let u = self.lookup(k, Kind::Unit).filter(|u| matches!(u.val, "D" | "W" | "M" | "Y"))?;
                    if self.word(k).ends_with('s') {
                        return None;
                    }
                    let hit = Hit::new(k + 1, TimeType::Date, Err(NO_REFERENCE));
                    return Some(hit.anaphor(Anaphor::Shift { unit: u.val, n: 0 }));
                }
                return None;
            }
        };
        if let Some(m) = self.month(i + 1) {
            let v = self.resolve_month(i, m, Some(dir.clamp(-1, 1)));
            return Some(Hit::new(i + 2, TimeType::Date, v));
        }
        let u = self.lookup(i + 1, Kind::Unit)?;
        if self.word(i + 1).ends_with('s') {
            return None;
        }
        if dir == -2 {
            return Some(Hit::new(i + 2, TimeType::Duration, Ok(duration(1, u.val))));
        }
        let Some(a) = self.anchor else {
            return Some(Hit::new(i + 2, TimeType::Date, Err(NO_ANCHOR)));
        };
        let v = match u.val {
            "D" => a.add_days(dir).map(fmt_date),
            "W" => a.add_days(7 * dir).map(fmt_week),
            "WE" => a.add_days(7 * dir).map(|d| format!("{}-WE", fmt_week(d))),
            "M" => Some(add_months(a, dir)).map(|(y, m)| fmt_month(y, m)),
            "Y" => Some(format!("{:04}", a.year() + dir as i32)),
            "Q" => {
                let q = (a.month() as i64 - 1) / 3 + dir;
                let (y, q) = (a.year() + q.div_euclid(4) as i32, q.rem_euclid(4) + 1);
                Some(format!("{y:04}-Q{q}"))
            }
            "DE" => Some(format!("{:03}", a.year() / 10 + dir as i32)),
            "CE" => Some(format!("{:02}", a.year() / 100 + dir as i32)),
            _ => return None,
        };
        Some(Hit::new(i + 2, TimeType::Date, v.ok_or("date out of range")))
    }

    /// "a few", "several", "many": an unknown number (X).
    fn vague_number(&self, i: usize) -> Option<(i64, usize)> {
        if self.is(i, "a") && self.is(i + 1, "few") {
            return Some((-1, i + 2));
        }
        if self.is_any(i, &["several", "many", "few"]) {
            return Some((-1, i + 1));
        }
        if self.is(i, "a") && self.is(i + 1, "couple") && self.is(i + 2, "of") {
            return Some((2, i + 3));
        }
        if self.is(i, "couple") && self.is(i + 1, "of") {
            return Some((2, i + 2));
        }
        None
    }

    /// "10 weeks", "nearly forty years", "more than two years", "a minute",
    /// "24-hour", "two-year", "several months", bare "years" or "decades".
    fn duration(&self, i: usize) -> Option<Hit> {
        // Qualifiers that belong to the expression.
        let mut j = i;
        let two_word = (self.is_any(j, &["more", "less", "fewer"]) && self.is(j + 1, "than"))
            || (self.is(j, "at") && self.is_any(j + 1, &["least", "most"]))
            || (self.is(j, "up") && self.is(j + 1, "to"));
        if two_word {
            j += 2;
        } else if self.lookup(j, Kind::Approx).is_some() && !self.is(j, "some")
            || (self.is(j, "some") && j + 1 < self.toks.len())
        {
            j += 1;
        }
        if j > i && self.is(j, "the") {
            return None;
        }
        let start_num = if self.is(j, "the") { j + 1 } else { j };
        // "24-hour", "two-year", "10-day": one token.
        if let Some(h) = self.hyphen_duration(start_num) {
            return Some(h);
        }
        let (n, k) = match self.vague_number(start_num).or_else(|| self.number(start_num)) {
            Some(x) => x,
            None => {
                // Bare plural unit: "years", "decades of war", "months of combat".
                if j == i && start_num == i {
                    let u = self.lookup(i, Kind::Unit)?;
                    let w = self.word(i);
                    if !w.ends_with('s')
                        || matches!(u.val, "Q" | "S" | "MIN" | "WE")
                        || self.is_any(i + 1, &["ago", "old", "later", "earlier"])
                    {
                        return None;
                    }
                    if i > 0
                        && (self.number(i - 1).is_some()
                            || self.is_any(i - 1, &["the", "these", "those", "recent", "coming", "upcoming"]))
                    {
                        return None;
                    }
                    return Some(Hit::new(i + 1, TimeType::Duration, Ok(duration(-1, u.val))));
                }
                return None;
            }
        };
        if n == 0 || n > 10_000 {
            return None;
        }
        // "2 1/2 years", "10 more days", "eight trading days", "three straight nights"
        let (mut k, number_end) = (k, k);
        let half = matches!(self.raw(k), "1/2" | "½");
        if half {
            k += 1;
        }
        while k < number_end + 2 && self.is_any(k, &DURATION_ADJECTIVES) {
            k += 1;
        }
        let u = self.lookup(k, Kind::Unit)?;
        // "one second" as an ordinal ("the second day") is not a unit here.
        if self.is(k, "second") && self.lookup(start_num, Kind::Number).is_none() && n != 1 {
            return None;
        }
        if self.is_any(k + 1, &["old", "ago"]) {
            return None;
        }
        // "a quarter from South Sudan", "three quarters of the vote": fractions.
        if u.val == "Q" && (self.is_any(start_num, &["a", "an"]) || self.is(k + 1, "of")) {
            return None;
        }
        // "60 Minutes" is a programme; "a second group" an ordinal.
        if self.capitalized(k) {
            return None;
        }
        if self.is(k, "second")
            && self.tok(k + 1).is_some_and(|t| t.kind == TokenKind::Word)
            && !self.is_any(k + 1, &["or", "and", "later", "earlier", "before", "after", "in", "of", "to"])
        {
            return None;
        }
        // "$1.76 a year", "four flights a week", "24 hours a day": a rate, so a set.
        if start_num == i
            && self.is_any(i, &["a", "an"])
            && number_end == i + 1
            && i > 0
            && (self.tok(i - 1).is_some_and(|t| t.kind == TokenKind::Number)
                || self.number(i - 1).is_some()
                || self.lookup(i - 1, Kind::Unit).is_some()
                || i > 1 && self.number(i - 2).is_some())
        {
            return Some(Hit::new(k + 1, TimeType::Set, Ok(duration(1, u.val))));
        }
        // a unit in the singular needs "a", "an" or "one".
        let singular = !self.word(k).ends_with('s');
        if singular && n != 1 {
            return None;
        }
        // "a years" is no duration; "a couple of years" is.
        if self.is(start_num, "a") && number_end == start_num + 1 && !singular {
            return None;
        }
        let mut end = k + 1;
        let mut value = duration(n, u.val);
        if half {
            value = half_more(n, u.val).unwrap_or(value);
        } else if self.is(end, "and") && self.is(end + 1, "a") && self.is(end + 2, "half") {
            value = half_more(n, u.val).unwrap_or(value);
            end += 3;
        }
        Some(Hit::new(end, TimeType::Duration, Ok(value)))
    }

    fn hyphen_duration(&self, i: usize) -> Option<Hit> {
        let w = self.lw(i);
        let (num, unit) = w.split_once('-')?;
        if unit.contains('-') {
            return None; // "12-year-old"
        }
        let n = num.parse::<i64>().ok().or_else(|| word_number(num))?;
        let u = LEXICON.words.get(unit)?.iter().find(|x| x.kind == Kind::Unit)?;
        if unit.ends_with('s') || n <= 0 {
            return None;
        }
        Some(Hit::new(i + 1, TimeType::Duration, Ok(duration(n, u.val))))
    }

    /// "3 p.m.", "3:30 p.m.", "16:08 UTC", "noon", "around 3 a.m. local time".
    fn clock(&self, i: usize) -> Option<Hit> {
        let (h, m, mut end) = if self.is_any(i, &["noon", "midday"]) {
            (12, 0, i + 1)
        } else if self.is(i, "midnight") {
            (24, 0, i + 1)
        } else {
            let t = self.tok(i)?;
            if t.kind != TokenKind::Number {
                return None;
            }
            let w = self.lw(i);
            let (num, suffix) = w.split_at(w.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(w.len()));
            let (h, m) = match num.split_once([':', '.']) {
                Some((h, m)) if m.len() == 2 => (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?),
                None if !num.is_empty() && num.len() <= 2 => (num.parse::<u32>().ok()?, 0),
                _ => return None,
            };
            let mut end = i + 1;
            let mer = if matches!(suffix, "am" | "pm") {
                Some(suffix == "pm")
            } else if suffix.is_empty() && self.is_any(end, &["a.m", "am", "a.m."]) {
                end += 1;
                Some(false)
            } else if suffix.is_empty() && self.is_any(end, &["p.m", "pm", "p.m."]) {
                end += 1;
                Some(true)
            } else {
                None
            };
            let zone_next = self.zone(end).is_some();
            if mer.is_none()
                && !(num.contains(':') && (zone_next || self.is(end, "local") || (i > 0 && self.is(i - 1, "at"))))
            {
                return None;
            }
            if h > 24 || m > 59 || (mer.is_some() && (h == 0 || h > 12)) {
                return None;
            }
            let h = match mer {
                Some(true) if h < 12 => h + 12,
                Some(false) if h == 12 => 0,
                _ => h,
            };
            (h, m, end)
        };
        let mut zone = "";
        if let Some(z) = self.zone(end) {
            zone = z;
            end += 1;
        } else if self.is(end, "local") && self.is(end + 1, "time") {
            end += 2;
        }
        let date = self.anchor.map(fmt_date).ok_or(NO_ANCHOR);
        let hit = Hit::new(end, TimeType::Time, date.map(|d| format!("{d}T{h:02}:{m:02}{zone}")));
        Some(hit.anaphor(Anaphor::OnDay))
    }

    /// "now", "recently", "currently", "the past", "the future", "at present".
    fn reference(&self, i: usize) -> Option<Hit> {
        if let Some(w) = self.lookup(i, Kind::Ref) {
            return Some(Hit::new(i + 1, TimeType::Date, Ok(w.val.to_string())));
        }
        if self.is(i, "the") && self.is(i + 1, "future") && !self.is(i + 2, "of") {
            return Some(Hit::new(i + 2, TimeType::Date, Ok("FUTURE_REF".into())));
        }
        if self.is(i, "the")
            && self.is(i + 1, "past")
            && self.lookup(i + 2, Kind::Unit).is_none()
            && self.number(i + 2).is_none()
        {
            return Some(Hit::new(i + 2, TimeType::Date, Ok("PAST_REF".into())));
        }
        if self.is(i, "at") && self.is(i + 1, "present") {
            return Some(Hit::new(i + 2, TimeType::Date, Ok("PRESENT_REF".into())));
        }
        if self.is(i, "the") && self.is(i + 1, "time") && self.is(i + 2, "being") {
            return Some(Hit::new(i + 3, TimeType::Date, Ok("PRESENT_REF".into())));
        }
        None
    }

    /// "the weekend", "the 20th century", "months ago", "the near future", "these days".
    fn misc(&self, i: usize) -> Option<Hit> {
        let the = usize::from(self.is_any(i, &["the", "this"]));
        let j = i + the;
        // The weekend: the one before the publication date in a past clause.
        if self.is(j, "weekend") && the == 1 {
            let v = self.anchor.ok_or(NO_ANCHOR).map(|a| {
                let wd = a.weekday().index() as i64; // Saturday = 5
                let week_of = match self.tense(i) {
                    _ if self.is(i, "this") => a,
                    Tense::Future => a,
                    _ if wd >= 5 => a,
                    _ => a.add_days(-7).unwrap_or(a),
                };
                format!("{}-WE", fmt_week(week_of))
            });
            return Some(Hit::new(j + 1, TimeType::Date, v));
        }
        // "the year": "for the year ended June 30" is a year's length; "the full
        // year", "the current year", "for the year" and "of the year" the year the
        // text speaks of (the dateline's unless another was named).
        if self.is(i, "the") {
            let mut k = i + 1;
            while self.is_any(k, &["full", "current", "fiscal", "calendar", "whole", "entire"]) && k < i + 3 {
                k += 1;
            }
            if self.raw(k) == "year" {
                if self.is_any(k + 1, &["ended", "ending", "to", "through", "beginning", "starting"]) {
                    return Some(Hit::new(k + 1, TimeType::Duration, Ok("P1Y".into())));
                }
                let framed = k > i + 1 || i > 0 && self.is_any(i - 1, &["for", "of", "during", "throughout"]);
                let open = matches!(self.raw(k + 1), "" | "," | "." | ";" | ":" | ")" | "'s" | "’s")
                    || self.is_any(k + 1, &["and", "but", "as", "in", "to", "from", "was", "were", "is", "will"]);
                if framed && open {
                    let v = self.anchor.map(|a| format!("{:04}", a.year())).ok_or(NO_ANCHOR);
                    let hit = Hit::new(k + 1, TimeType::Date, v);
                    // "the current year" is the dateline's; a bare "the year" the text's.
                    if k > i + 1 {
                        return Some(hit);
                    }
                    return Some(hit.anaphor(Anaphor::Shift { unit: "Y", n: 0 }));
                }
            }
        }
        // "on the day", "earlier in the day", "the same day": the day the text speaks of.
        if self.is(i, "the") {
            let same = self.is(i + 1, "same");
            let k = i + 1 + usize::from(same);
            if self.raw(k) == "day" {
                let framed = same || i > 0 && self.is_any(i - 1, &["on", "in", "of", "for", "during", "throughout"]);
                let open = matches!(self.raw(k + 1), "" | "," | "." | ";" | ":" | ")")
                    || self.is_any(k + 1, &["and", "but", "as", "when", "after", "before", "that"]) && !same;
                if framed && (open || same) && !self.is_any(k + 1, &["after", "before"]) {
                    let v = self.anchor.map(fmt_date).ok_or(NO_ANCHOR);
                    return Some(Hit::new(k + 1, TimeType::Date, v).anaphor(Anaphor::Shift { unit: "D", n: 0 }));
                }
            }
        }
        // "the 20th century", "the nineteenth century"
        if self.is(j + 1, "century") {
            let n = word_ordinal(self.word(j)).filter(|n| (1..=30).contains(n))?;
            return Some(Hit::new(j + 2, TimeType::Date, Ok(format!("{:02}", n - 1))));
        }
        // "months ago", "years ago"
        if let Some(u) = self.lookup(i, Kind::Unit) {
            if self.word(i).ends_with('s') && self.is(i + 1, "ago") && !matches!(u.val, "Q" | "WE") {
                return Some(Hit::new(i + 2, TimeType::Date, Ok("PAST_REF".into())));
            }
        }
        let phrase = |words: &[&str]| words.iter().enumerate().all(|(k, w)| self.is(i + k, w));
        for (words, value) in [
            (&["the", "near", "future"][..], "FUTURE_REF"),
            (&["the", "long", "term"], "FUTURE_REF"),
            (&["the", "short", "term"], "FUTURE_REF"),
            (&["the", "near", "term"], "FUTURE_REF"),
            (&["these", "days"], "PRESENT_REF"),
        ] {
            if phrase(words) {
                return Some(Hit::new(i + words.len(), TimeType::Date, Ok(value.into())));
            }
        }
        None
    }

    /// "daily", "every day", "each week", "every Monday", "every three months".
    fn set(&self, i: usize) -> Option<Hit> {
        if let Some(w) = self.lookup(i, Kind::Set) {
            return Some(Hit::new(i + 1, TimeType::Set, Ok(w.val.to_string())));
        }
        if !self.is_any(i, &["every", "each"]) {
            return None;
        }
        if let Some(wd) = self.weekday_at(i + 1) {
            return Some(Hit::new(i + 2, TimeType::Set, Ok(format!("XXXX-WXX-{}", wd + 1))));
        }
        if let Some(p) = self.lookup(i + 1, Kind::Part) {
            return Some(Hit::new(i + 2, TimeType::Set, Ok(format!("XXXX-XX-XXT{}", p.val))));
        }
        let (n, j) = self.number(i + 1).unwrap_or((1, i + 1));
        let u = self.lookup(j, Kind::Unit)?;
        Some(Hit::new(j + 1, TimeType::Set, Ok(duration(n, u.val))))
    }

    // ---- resolution ------------------------------------------------------------

    /// A month without a year: `dir` -1/0/1 for "last/this/next", else by tense.
    fn resolve_month(&self, i: usize, m: u8, dir: Option<i64>) -> Result<String, &'static str> {
        let a = self.anchor.ok_or(NO_ANCHOR)?;
        let y = a.year();
        let y = match dir {
            Some(-1) => {
                if m < a.month() {
                    y
                } else {
                    y - 1
                }
            }
            Some(1) => {
                if m > a.month() {
                    y
                } else {
                    y + 1
                }
            }
            Some(_) => y,
            None => {
                let (am, m) = (a.month() as i32, m as i32);
                match self.tense(i) {
                    // As for days (`resolve_day`): a month of the next two is this year's.
                    Tense::Past if m > am + 2 => y - 1,
                    Tense::Future if m < am => y + 1,
                    Tense::Past | Tense::Future => y,
                    // Nearest reading.
                    Tense::Unknown if m - am > 6 => y - 1,
                    Tense::Unknown if am - m > 6 => y + 1,
                    Tense::Unknown => y,
                }
            }
        };
        Ok(fmt_month(y, m))
    }

    /// A month and day without a year: the reading nearest the publication date
    /// that fits the tense.
    fn resolve_day(&self, i: usize, m: u8, d: u8) -> Result<String, &'static str> {
        self.resolve_in_year(i, &|y| Date::new(y, m, d))
    }

    /// A day given for any year (`in_year`): the reading nearest the publication
    /// date that fits the tense.
    fn resolve_in_year(&self, i: usize, in_year: &dyn Fn(i32) -> Option<Date>) -> Result<String, &'static str> {
        let a = self.anchor.ok_or(NO_ANCHOR)?;
        let tense = self.tense(i);
        let candidates = [a.year() - 1, a.year(), a.year() + 1];
        let nearest = |fits: &dyn Fn(&Date) -> bool| {
            candidates
                .iter()
                .filter_map(|&y| in_year(y))
                .filter(|c| fits(c))
                .min_by_key(|c| (c.to_days() - a.to_days()).abs())
        };
        let fitting = nearest(&|c: &Date| match tense {
            Tense::Past => c.to_days() <= a.to_days() + 14,
            Tense::Future => c.to_days() >= a.to_days() - 14,
            Tense::Unknown => true,
        });
        // A past clause about a day more than half a year back, when the same day
        // falls within the coming two months: news gives the year of a day that far
        // back, so the tense belongs to the report ("was extended to Nov. 20").
        let any = nearest(&|_: &Date| true);
        let best = match (fitting, any) {
            (Some(f), Some(n))
                if tense == Tense::Past && a.to_days() - f.to_days() > 183 && n.to_days() - a.to_days() <= 62 =>
            {
                Some(n)
            }
            (f, n) => f.or(n),
        };
        best.map(fmt_date).ok_or("no such date")
    }
}

/// Gives the expressions that depend on the reference time their value, in text
/// order. The reference time is the last specific date before the expression
/// ("1988", "March 1995", "the third quarter"); for a quarter, one named later in
/// the same sentence also counts ("up from a year ago in the third quarter"). An
/// expression with no reference keeps the matcher's value; a bare "the quarter"
/// with none is dropped.
fn resolve_anaphora(times: &mut Vec<TimeExpr>) {
    if times.iter().all(|t| t.anaphor.is_none()) {
        return;
    }
    let quarter_of = |t: &TimeExpr| {
        let v = t.value.as_deref()?;
        let (y, q) = v.split_once("-Q")?;
        Some((y.parse::<i32>().ok()?, q.parse::<u8>().ok()?))
    };
    let mut reference: Option<String> = None;
    let mut quarter: Option<((i32, u8), u32)> = None;
    for k in 0..times.len() {
        // "a year earlier" does not move the quarter under discussion.
        let mut looks_back = false;
        if let Some(a) = times[k].anaphor.take() {
            looks_back = matches!(a, Anaphor::Quarter { back: 1.., .. });
            let sentence = times[k].sentence;
            let resolved = match a {
                Anaphor::Quarter { year, back, q } => {
                    let here = quarter.filter(|&(_, s)| s == sentence).map(|(yq, _)| yq);
                    let later = || {
                        times[k + 1..]
                            .iter()
                            .take_while(|t| t.sentence == sentence)
                            .find(|t| t.anaphor.is_none())
                            .and_then(quarter_of)
                    };
                    here.or_else(later)
                        .or(quarter.map(|(yq, _)| yq))
                        .map(|(y0, q0)| format!("{:04}-Q{}", year.unwrap_or(y0 - back), q.unwrap_or(q0)))
                }
                Anaphor::Shift { unit, n } => reference.as_deref().and_then(|r| shift_reference(r, unit, n)),
                Anaphor::OnDay => match (reference.as_deref(), times[k].value.as_deref()) {
                    (Some(r), Some(v)) if r.len() >= 10 && v.len() > 10 && Date::parse(&r[..10]).is_some() => {
                        Some(format!("{}{}", &r[..10], &v[10..]))
                    }
                    _ => None,
                },
            };
            if let Some(v) = resolved {
                times[k].value = Some(v);
                times[k].reason = None;
            }
        }
        let t = &times[k];
        if let Some(yq) = quarter_of(t).filter(|_| !looks_back) {
            quarter = Some((yq, t.sentence));
        }
        if let Some(v) = t.value.as_deref().filter(|v| specific(v)) {
            reference = Some(v.to_string());
        }
    }
    times.retain(|t| t.reason != Some(NO_QUARTER));
}

/// A calendar value a later expression can count from: "1995", "1995-03",
/// "1995-03-12", "1995-03-12T10:00", "1995-Q3".
fn specific(v: &str) -> bool {
    let b = v.as_bytes();
    b.len() >= 4 && b[..4].iter().all(u8::is_ascii_digit) && (b.len() == 4 || b[4] == b'-') && !v.contains('X')
}

/// The reference value `r` moved `n` units, written at the unit's granularity;
/// `None` when `r` is coarser than the unit ("1995" and a month).
fn shift_reference(r: &str, unit: &str, n: i64) -> Option<String> {
    let year: i32 = r.get(..4)?.parse().ok()?;
    if unit == "Y" {
        return Some(format!("{:04}", year as i64 + n));
    }
    if unit == "M" {
        let m: u8 = r.get(5..7)?.parse().ok()?;
        let (y, m) = add_months(Date::new(year, m, 1)?, n);
        return Some(fmt_month(y, m));
    }
    let d = Date::parse(r.get(..10)?)?;
    match unit {
        "D" => d.add_days(n).map(fmt_date),
        "W" => d.add_days(7 * n).map(fmt_week),
        _ => None,
    }
}

/// "from November 24 to December 1", "between 2014 and 2016", "Nov. 24 through
/// Dec. 1": the two ends stay two expressions, as TIMEX3 has them, and the first
/// carries the range's `end`.
fn link_ranges(text: &str, times: &mut [TimeExpr]) {
    for k in 1..times.len() {
        let (a, b) = (&times[k - 1], &times[k]);
        if a.kind != TimeType::Date || b.kind != TimeType::Date || a.end_value.is_some() {
            continue;
        }
        let (Some(av), Some(bv)) = (a.value.as_deref(), b.value.as_deref()) else { continue };
        if !specific(av) || !specific(bv) || bv < av {
            continue;
        }
        let between = text[a.end as usize..b.start as usize].trim().to_ascii_lowercase();
        let before = text[..a.start as usize].trim_end();
        let word_before = before.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("").to_ascii_lowercase();
        let linked = match between.as_str() {
            "to" | "until" | "till" => word_before == "from",
            "and" => word_before == "between",
            "through" | "-" | "–" => true,
            _ => false,
        };
        if linked {
            times[k - 1].end_value = Some(bv.to_string());
        }
    }
}

/// "10 p.m. Wednesday", "Tuesday at noon": a clock time next to a day (with at
/// most "on" or "at" between) becomes one expression on that day.
fn merge_clock_and_day(text: &str, times: &mut Vec<TimeExpr>, from: usize) {
    let mut k = from;
    while k + 1 < times.len() {
        let (a, b) = (&times[k], &times[k + 1]);
        let between = text[a.end as usize..b.start as usize].trim();
        let joinable = matches!(between.to_ascii_lowercase().as_str(), "" | "on" | "at" | ",");
        let day = |t: &TimeExpr| t.kind == TimeType::Date && t.value.as_ref().is_some_and(|v| v.len() == 10);
        let clock = |t: &TimeExpr| {
            t.kind == TimeType::Time
                && t.value.as_ref().is_some_and(|v| v.len() > 11 && v.as_bytes()[11].is_ascii_digit())
        };
        let merged = if joinable && clock(a) && day(b) {
            Some((b.value.clone(), a.value.clone()))
        } else if joinable && day(a) && clock(b) {
            Some((a.value.clone(), b.value.clone()))
        } else {
            None
        };
        if let Some((Some(d), Some(c))) = merged {
            let value = format!("{d}{}", &c[10..]);
            let end = times[k + 1].end;
            let t = &mut times[k];
            t.end = end;
            t.kind = TimeType::Time;
            t.value = Some(value);
            t.anaphor = None;
            times.remove(k + 1);
        }
        k += 1;
    }
}

fn word_number(w: &str) -> Option<i64> {
    if w.len() > 24 || !w.is_ascii() {
        return None;
    }
    let lower = w.to_ascii_lowercase();
    if let Some((tens, units)) = lower.split_once('-') {
        let t = word_number(tens)?;
        let u = word_number(units)?;
        return ((20..100).contains(&t) && t % 10 == 0 && (1..10).contains(&u)).then_some(t + u);
    }
    if lower == "a" || lower == "an" {
        return Some(1);
    }
    LEXICON.words.get(lower.as_str())?.iter().find(|x| x.kind == Kind::Number).map(|x| x.num)
}

fn word_ordinal(w: &str) -> Option<i64> {
    let lower = w.to_ascii_lowercase();
    if let Some(x) = LEXICON.words.get(lower.as_str()).and_then(|v| v.iter().find(|x| x.kind == Kind::Ordinal)) {
        return Some(x.num);
    }
    let digits = lower.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    digits.parse().ok()
}

/// A TIMEX3 duration: `n` units (`n < 0` for an unknown number: `PXY`).
fn duration(n: i64, unit: &str) -> String {
    let (n, unit) = match unit {
        "2W" => (n.checked_mul(2).unwrap_or(n), "W"),
        "DE" if n > 0 => (n * 10, "Y"),
        "CE" if n > 0 => (n * 100, "Y"),
        u => (n, u),
    };
    let num = if n < 0 { "X".to_string() } else { n.to_string() };
    // Time units take "PT" ("PT24H"); an unknown number of them is written "PXH".
    let t = if n < 0 { "" } else { "T" };
    match unit {
        "H" => format!("P{t}{num}H"),
        "MIN" => format!("P{t}{num}M"),
        "S" => format!("P{t}{num}S"),
        "Q" => format!("P{num}Q"),
        "WE" => format!("P{num}WE"),
        u => format!("P{num}{u}"),
    }
}

/// "a year and a half" → P1Y6M, "2 1/2 hours" → PT2H30M.
fn half_more(n: i64, unit: &str) -> Option<String> {
    match unit {
        "Y" => Some(format!("P{n}Y6M")),
        "M" => Some(format!("P{n}M15D")),
        "W" => Some(format!("P{}D", n * 7 + 3)),
        "D" => Some(format!("P{n}DT12H")),
        "H" => Some(format!("PT{n}H30M")),
        "MIN" => Some(format!("PT{n}M30S")),
        _ => None,
    }
}

/// Words between a number and its unit that leave the length as it is.
const DURATION_ADJECTIVES: [&str; 10] =
    ["more", "additional", "extra", "full", "straight", "consecutive", "trading", "business", "working", "long"];

fn add_months(a: Date, dir: i64) -> (i32, u8) {
    let total = a.year() as i64 * 12 + (a.month() as i64 - 1) + dir;
    (total.div_euclid(12) as i32, (total.rem_euclid(12) + 1) as u8)
}

/// The date `n` units after `a`, written at the unit's granularity.
fn shift(a: Date, unit: &str, n: i64) -> Option<String> {
    match unit {
        "D" => a.add_days(n).map(fmt_date),
        "W" => a.add_days(7 * n).map(fmt_week),
        "2W" => a.add_days(14 * n).map(fmt_week),
        "M" => Some(add_months(a, n)).map(|(y, m)| fmt_month(y, m)),
        "Y" => Some(format!("{:04}", a.year() as i64 + n)),
        "DE" => Some(format!("{:03}", (a.year() as i64 + 10 * n) / 10)),
        "CE" => Some(format!("{:02}", (a.year() as i64 + 100 * n) / 100)),
        "H" | "MIN" | "S" => Some(fmt_date(a)),
        _ => None,
    }
}

fn prev_day(v: &str) -> Result<String, &'static str> {
    Date::parse(v).and_then(|d| d.add_days(-1)).map(fmt_date).ok_or("date out of range")
}
