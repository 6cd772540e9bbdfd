//! Stage `figures`: the counts conflict reporting turns on — killed, injured,
//! displaced, captives taken, held and released, prisoners, detained, aid — with
//! who claims them.
//!
//! Reads `tokens`, `sentences`, `times` and `quotes`. Words come from
//! `data/figure_words.tsv`.
//!
//! - **Numbers**: digits ("7,729", "1.9 million"), words ("seven", "two dozen"),
//!   ranges ("30-40", "30 to 40", "between 1,500 and 3,000") and vague amounts
//!   ("dozens", "tens of thousands"), with the qualifier before them ("nearly",
//!   "at least", "up to").
//! - **Not figures**: numbers inside time expressions, years, money, percentages,
//!   ages ("12-year-old"), ordinals, measures ("10 kilometers") and counts of
//!   things like "two sides".
//! - **Category** from the nearest cue in the clause ("killed", "displaced",
//!   "released"); taking, holding and releasing become `captives_*` or
//!   `prisoners_*` by the counted noun. "including 7,729 children" takes the
//!   category of the figure it belongs to. A count with no cue is `other`.
//! - **Claimant**: the speaker of the quote or reported speech the number
//!   stands in ("…, Israel says"; "according to the health ministry").
//! - A fact repeated with the same value is one figure, claimed by whoever is
//!   named at any of its mentions.

use crate::lexicon::FastMap;
use std::sync::LazyLock;

use crate::doc::Doc;
use crate::lexicon::data_lines;
use crate::pipeline::Stage;
use crate::record::{FigureCategory, FigureStatus, Qualifier};
use crate::stages::quotes::SpeakerAnn;
use crate::stages::tokens::{Token, TokenKind};

/// A figure in the `figures` layer. Offsets are bytes into the text.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureAnn {
    pub start: u32,
    pub end: u32,
    pub value: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub qualifier: Qualifier,
    pub category: FigureCategory,
    pub subject: Option<String>,
    pub claimant: Option<String>,
    /// Index into the `entities` layer of the claimant, where known.
    pub claimant_entity: Option<usize>,
    pub status: FigureStatus,
    /// Index into the `times` layer of the time the sentence ties it to.
    pub time: Option<usize>,
    /// Index into the `places` layer of the place the sentence ties it to.
    pub place: Option<usize>,
    pub sentence: u32,
}

/// The `figures` stage.
#[derive(Debug, Default, Clone, Copy)]
pub struct Figures;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    Category(FigureCategory),
    Take,
    Hold,
    Release,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Cue(Cue),
    Captive,
    Prisoner,
    Multiplier(f64),
    Vague(f64, f64),
    Qual(Qualifier),
    NotCounted,
    Status(FigureStatus),
    Countable,
    Fraction(f64),
}

struct Lexicon {
    /// Entries by first word: (all words, kind); longest first.
    by_first: FastMap<&'static str, Vec<(Vec<&'static str>, Kind)>>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut by_first: FastMap<&'static str, Vec<(Vec<&'static str>, Kind)>> = FastMap::default();
    for line in data_lines(include_str!("../../data/figure_words.tsv")) {
        let mut it = line.split('\t');
        let (Some(w), Some(k)) = (it.next(), it.next()) else { continue };
        let v = it.next().unwrap_or("").trim();
        let cat = |s: &str| match s {
            "killed" => Some(FigureCategory::Killed),
            "injured" => Some(FigureCategory::Injured),
            "missing" => Some(FigureCategory::Missing),
            "displaced" => Some(FigureCategory::Displaced),
            "detained" => Some(FigureCategory::Detained),
            "aid" => Some(FigureCategory::Aid),
            _ => None,
        };
        let kind = match k.trim() {
            "cue" => Kind::Cue(match v {
                "take" => Cue::Take,
                "hold" => Cue::Hold,
                "release" => Cue::Release,
                other => match cat(other) {
                    Some(c) => Cue::Category(c),
                    None => continue,
                },
            }),
            "captive" => Kind::Captive,
            "prisoner" => Kind::Prisoner,
            "multiplier" => Kind::Multiplier(v.parse().unwrap_or(1.0)),
            "vague" => {
                let Some((a, b)) = v.split_once('-') else { continue };
                Kind::Vague(a.parse().unwrap_or(0.0), b.parse().unwrap_or(0.0))
            }
            "approx" => Kind::Qual(Qualifier::Approx),
            "at_least" => Kind::Qual(Qualifier::AtLeast),
            "at_most" => Kind::Qual(Qualifier::AtMost),
            "notcounted" => Kind::NotCounted,
            "countable" => Kind::Countable,
            "fraction" => Kind::Fraction(v.parse().unwrap_or(0.0)),
            "status" => Kind::Status(match v {
                "demanded" => FigureStatus::Demanded,
                "projected" => FigureStatus::Projected,
                _ => FigureStatus::Proposed,
            }),
            _ => continue,
        };
        let words: Vec<&'static str> = w.split(' ').collect();
        by_first.entry(words[0]).or_default().push((words, kind));
    }
    for v in by_first.values_mut() {
        v.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    }
    Lexicon { by_first }
});

impl Stage for Figures {
    fn name(&self) -> &'static str {
        "figures"
    }
    fn annotate(&self, doc: &mut Doc) {
        let f = Finder::new(doc);
        doc.figures = f.run();
    }
}

struct Finder<'a> {
    doc: &'a Doc,
    text: &'a str,
    toks: &'a [Token],
    /// Tokens inside a time expression.
    in_time: Vec<bool>,
}

/// A number found at tokens `[start, end)`.
#[derive(Debug, Clone, Copy)]
struct Amount {
    start: usize,
    end: usize,
    value: Option<f64>,
    low: Option<f64>,
    high: Option<f64>,
    qualifier: Qualifier,
}

impl<'a> Finder<'a> {
    fn new(doc: &'a Doc) -> Finder<'a> {
        let mut in_time = vec![false; doc.tokens.len()];
        for t in &doc.times {
            in_time[doc.token_range(t.start, t.end)].fill(true);
        }
        Finder { doc, text: doc.text(), toks: &doc.tokens, in_time }
    }

    fn raw(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.text(self.text))
    }

    /// The token's text in lowercase (ASCII), without allocating.
    fn lower(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.text(self.doc.lower()))
    }

    /// The lexicon entry starting at token `i` (longest phrase), and its length.
    fn entry(&self, i: usize, end: usize) -> Option<(Kind, usize)> {
        let first = self.lower(i);
        let list = LEXICON.by_first.get(first)?;
        for (words, kind) in list {
            if i + words.len() > end {
                continue;
            }
            if words.iter().enumerate().all(|(k, w)| self.raw(i + k).eq_ignore_ascii_case(w)) {
                return Some((*kind, words.len()));
            }
        }
        None
    }

    fn run(&self) -> Vec<FigureAnn> {
        let mut out: Vec<FigureAnn> = Vec::new();
        for (si, s) in self.doc.sentences.iter().enumerate() {
            let (a, b) = (s.first as usize, s.last as usize);
            let mut i = a;
            let mut prev_in_sentence: Option<usize> = None;
            while i < b {
                let Some(amount) = self.amount(i, b) else {
                    i += 1;
                    continue;
                };
                i = amount.end.max(i + 1);
                if let Some(f) = self.figure(si, a, b, amount, prev_in_sentence.map(|k| &out[k])) {
                    prev_in_sentence = Some(out.len());
                    out.push(f);
                }
            }
        }
        merge_repeats(out)
    }

    /// A number (with its qualifier) at token `i`.
    fn amount(&self, i: usize, end: usize) -> Option<Amount> {
        // Qualifier
        let (qual, q_len) = match self.entry(i, end) {
            Some((Kind::Qual(q), n)) => (Some(q), n),
            _ => (None, 0),
        };
        let j = i + q_len;
        if j >= end || self.in_time[j] {
            return None;
        }
        // "between 1,500 and 3,000"
        if self.lower(j) == "between" {
            let (lo, e1) = self.number(j + 1, end)?;
            if self.lower(e1) == "and" {
                let (hi, e2) = self.number(e1 + 1, end)?;
                if hi > lo {
                    return Some(Amount {
                        start: i,
                        end: e2,
                        value: None,
                        low: Some(lo),
                        high: Some(hi),
                        qualifier: Qualifier::Range,
                    });
                }
            }
            return None;
        }
        // Fractions: "a third of the population" (the value is the fraction).
        if let Some((Kind::Fraction(f), n)) = self.entry(j, end) {
            // "half the" keeps its article in the counted phrase.
            let n = if self.lower(j + n - 1) == "the" { n - 1 } else { n };
            return Some(Amount {
                start: i,
                end: j + n,
                value: Some(f),
                low: None,
                high: None,
                qualifier: Qualifier::Approx,
            });
        }
        // Vague amounts: "dozens", "tens of thousands", "several hundred"
        if let Some((Kind::Vague(lo, hi), n)) = self.entry(j, end) {
            // "hundreds" needs "of" + a noun or a cue after it.
            let next = self.lower(j + n);
            let several = self.lower(j) == "several";
            if several || next == "of" || self.entry(j + n, end).is_some() || next == "were" || next == "have" {
                return Some(Amount {
                    start: i,
                    end: j + n,
                    value: None,
                    low: Some(lo),
                    high: Some(hi),
                    qualifier: Qualifier::Approx,
                });
            }
            return None;
        }
        // Ranges in one token: "30-40"
        let t = self.toks.get(j)?;
        if t.kind == TokenKind::Number {
            let w = self.raw(j);
            if let Some((x, y)) = w.split_once(['-', '–']) {
                let (lo, hi) = (parse_digits(x)?, parse_digits(y)?);
                if hi > lo && !y.contains(|c: char| c.is_alphabetic()) {
                    return Some(Amount {
                        start: i,
                        end: j + 1,
                        value: None,
                        low: Some(lo),
                        high: Some(hi),
                        qualifier: Qualifier::Range,
                    });
                }
                return None;
            }
        }
        let (v, e) = self.number(j, end)?;
        // "30 to 40"
        if self.lower(e) == "to" {
            if let Some((hi, e2)) = self.number(e + 1, end) {
                if hi > v {
                    return Some(Amount {
                        start: i,
                        end: e2,
                        value: None,
                        low: Some(v),
                        high: Some(hi),
                        qualifier: Qualifier::Range,
                    });
                }
            }
        }
        Some(Amount {
            start: i,
            end: e,
            value: Some(v),
            low: None,
            high: None,
            qualifier: qual.unwrap_or(Qualifier::Exact),
        })
    }

    /// A cardinal at token `i`: digits or words, with a multiplier ("1.9 million",
    /// "two dozen", "a million"). Returns the value and the token after it.
    fn number(&self, i: usize, end: usize) -> Option<(f64, usize)> {
        if i >= end || self.in_time[i] {
            return None;
        }
        let t = &self.toks[i];
        let (mut v, mut e) = if t.kind == TokenKind::Number {
            let w = self.raw(i);
            if w.contains(['-', '/', ':']) || w.ends_with(|c: char| c.is_alphabetic()) {
                return None; // dates, times, "12-year-old", "7th", "5bn"
            }
            (parse_digits(w)?, i + 1)
        } else {
            let w = self.lower(i);
            let n = word_value(w).or_else(|| {
                (w == "a" && matches!(self.entry(i + 1, end), Some((Kind::Multiplier(_), _)))).then_some(1.0)
            })?;
            let mut e = i + 1;
            let mut n = n;
            // "twenty five"
            if (20.0..100.0).contains(&n) && n % 10.0 == 0.0 {
                if let Some(u) = word_value(self.lower(e)).filter(|u| (1.0..10.0).contains(u)) {
                    n += u;
                    e += 1;
                }
            }
            (n, e)
        };
        while let Some((Kind::Multiplier(m), n)) = self.entry(e, end) {
            if self.lower(e) == "millions" {
                break;
            }
            v *= m;
            e += n;
        }
        Some((v, e))
    }

    /// A figure from an amount in sentence `si` (`[a, b)` its tokens), or `None`
    /// when the number counts nothing that matters here.
    fn figure(&self, si: usize, a: usize, b: usize, am: Amount, prev: Option<&FigureAnn>) -> Option<FigureAnn> {
        let n0 = am.start;
        // What precedes: money, ordinals, "No.", "aged".
        if n0 > a
            && matches!(self.raw(n0 - 1), "$" | "€" | "£" | "#" | "No." | "No" | "aged" | "age" | "Article" | "page")
        {
            return None;
        }
        // Years counted as numbers: 1900-2100 as a bare four-digit token.
        if let Some(v) = am.value {
            let w = self.raw(am.end - 1);
            if w.len() == 4 && (1800.0..=2100.0).contains(&v) && !w.contains(',') {
                return None;
            }
            if v == 1.0 && self.lower(am.start) != "1" {
                return None; // "one", "a"
            }
            // A fraction counts people only with a cue ("a third of Gaza's people fled").
        }
        // The counted noun phrase: "of" after vague amounts, then words up to a stop.
        let mut k = am.end;
        if self.lower(k) == "of" && am.value.is_none() {
            k += 1;
        }
        if self.lower(k) == "of" && am.value.is_some() {
            // "37 of them", "18 of its trucks"
            match self.lower(k + 1) {
                "them" | "whom" => k += 2,
                "its" | "their" | "the" | "his" | "her" | "those" | "these" | "our" => k += 2,
                _ => {}
            }
        }
        if am.value.is_some_and(|v| v < 1.0) && matches!(self.lower(k), "the" | "its" | "their" | "his" | "her") {
            k += 1; // "a third of the population"
        }
        if matches!(self.entry(k, b), Some((Kind::NotCounted, _))) || matches!(self.raw(k), "%" | "percent") {
            return None;
        }
        let (subj_start, mut subj_end) = self.subject(k, b);
        // The counted noun ends the subject: "six villages overnight" counts villages.
        if let Some(h) = (subj_start..subj_end)
            .rev()
            .find(|&x| matches!(self.entry(x, subj_end), Some((Kind::Countable | Kind::Captive | Kind::Prisoner, _))))
        {
            if self.lower(h + 1) != "and" {
                subj_end = h + 1;
            }
        }
        let subject = (subj_end > subj_start).then(|| self.span(subj_start, subj_end).to_string());
        // A number followed by nothing it counts and no cue nearby is no figure.
        let noun_class = (subj_start..subj_end).find_map(|x| match self.entry(x, subj_end) {
            Some((Kind::Captive, _)) => Some(Kind::Captive),
            Some((Kind::Prisoner, _)) => Some(Kind::Prisoner),
            _ => None,
        });
        let cue = self.cue_near(a, b, (am.start, am.end), subj_end, noun_class.is_some());
        // "including 7,729 children": part of the figure before it.
        let including = am.start > a && matches!(self.lower(am.start - 1), "including" | "among");
        let mut category = match (cue, noun_class) {
            (Some(Cue::Category(c)), _) => c,
            (Some(Cue::Take), _) => FigureCategory::CaptivesTaken,
            (Some(Cue::Hold), Some(Kind::Prisoner)) => FigureCategory::PrisonersHeld,
            (Some(Cue::Hold), _) => FigureCategory::CaptivesHeld,
            (Some(Cue::Release), Some(Kind::Prisoner)) => FigureCategory::PrisonersReleased,
            (Some(Cue::Release), _) => FigureCategory::CaptivesReleased,
            (None, Some(Kind::Captive)) => self.captive_context(si),
            (None, Some(Kind::Prisoner)) => FigureCategory::PrisonersHeld,
            _ => FigureCategory::Other,
        };
        if including {
            if let Some(p) = prev {
                category = p.category;
            }
        }
        if category == FigureCategory::Other && (subject.is_none() || am.value.is_some_and(|v| v < 2.0)) {
            return None;
        }
        if category == FigureCategory::Other {
            // Counts of anything outside the conflict lexicon are not figures.
            let head = (subj_start..subj_end)
                .rev()
                .find(|&x| self.toks[x].kind == TokenKind::Word && self.lower(x) != "others");
            let countable = head.is_some_and(|h| matches!(self.entry(h, subj_end), Some((Kind::Countable, _))));
            if !countable {
                return None;
            }
        }
        let end_tok = am.end.max(subj_end);
        let (start, end) = (self.toks[am.start].start, self.toks[end_tok - 1].end);
        let status = self.status(a, b);
        let (claimant, claimant_entity) = match self.claimant(si, start, end) {
            Some(sp) => (Some(sp.name), sp.entity),
            None => (None, None),
        };
        let time =
            self.doc.times.iter().position(|t| t.sentence as usize == si && t.kind == crate::record::TimeType::Date);
        // The place the sentence locates it in ("in Gaza", "across Darfur"),
        // nearest to the figure; a place that acts ("Israel released") is no location.
        let place = self
            .doc
            .places
            .iter()
            .enumerate()
            .filter(|(_, p)| p.sentence as usize == si && self.locative_before(p.start))
            // Nearest, a place after the figure first ("a group based in Velo said
            // 30 were killed in Karsk": Karsk).
            .min_by_key(|(_, p)| (p.start < start, (p.start as i64 - start as i64).abs()))
            .map(|(k, _)| k);
        Some(FigureAnn {
            start,
            end,
            place,
            value: am.value,
            low: am.low,
            high: am.high,
            qualifier: am.qualifier,
            category,
            subject,
            claimant,
            claimant_entity,
            status,
            time,
            sentence: si as u32,
        })
    }

    /// Whether a locative preposition ("in", "near", "across" …) stands before the
    /// token starting at byte `start` (allowing "the" between).
    fn locative_before(&self, start: u32) -> bool {
        let mut j = self.doc.token_range(start, start + 1).start;
        if j > 0 && self.lower(j - 1) == "the" {
            j -= 1;
        }
        j > 0
            && matches!(
                self.lower(j - 1),
                "in" | "at" | "near" | "across" | "inside" | "outside" | "throughout" | "into" | "from" | "around"
            )
    }

    fn span(&self, a: usize, b: usize) -> &'a str {
        &self.text[self.toks[a].start as usize..self.toks[b - 1].end as usize]
    }

    /// The counted noun phrase from token `k`: adjectives and nouns up to a verb,
    /// preposition or punctuation, at most five words; "Israelis and others" whole.
    fn subject(&self, k: usize, b: usize) -> (usize, usize) {
        const STOP: &[&str] = &[
            "were",
            "was",
            "are",
            "is",
            "have",
            "has",
            "had",
            "in",
            "on",
            "at",
            "from",
            "to",
            "by",
            "with",
            "and",
            "or",
            "who",
            "which",
            "that",
            "since",
            "after",
            "during",
            "for",
            "over",
            "of",
            "as",
            "including",
            "while",
            "when",
            "the",
            "their",
            "its",
            "his",
            "her",
            "still",
            "had",
            "would",
            "could",
            "will",
            "before",
            "across",
            "into",
            "near",
            "under",
            "whom",
        ];
        let mut e = k;
        while e < b && e - k < 5 {
            let t = &self.toks[e];
            if t.kind != TokenKind::Word {
                break;
            }
            let w = self.lower(e);
            if matches!(self.entry(e, b), Some((Kind::Cue(_), _)))
                && !matches!(self.entry(e, b), Some((Kind::Cue(Cue::Category(FigureCategory::Aid)), _)))
            {
                break;
            }
            if STOP.contains(&w) {
                // "Israelis and others"
                if w == "and" && self.lower(e + 1) == "others" {
                    e += 2;
                }
                break;
            }
            if w.ends_with("ed") && e > k && !matches!(w, "armed" | "displaced" | "detained" | "wounded" | "injured") {
                break;
            }
            // "the 129 captives Hamas still holds": a name after a common noun opens a new clause.
            let cap = self.raw(e).chars().next().is_some_and(char::is_uppercase);
            if cap && e > k && self.raw(e - 1).chars().next().is_some_and(char::is_lowercase) {
                break;
            }
            e += 1;
        }
        (k, e)
    }

    /// The category cue that governs the number: a verb right before it
    /// ("killed 20,000", "the arrest of five"), else the main verb after its noun
    /// ("31 people, including …, lost their lives"; "270 schoolgirls kidnapped in
    /// Zamfara were freed" counts the freed), else the nearest cue in the clause.
    fn cue_near(
        &self,
        a: usize,
        b: usize,
        (num, num_end): (usize, usize),
        after: usize,
        captives: bool,
    ) -> Option<Cue> {
        // "12 wounded", "1.9 million displaced", "five dead": the word after the number.
        if let Some((Kind::Cue(c @ Cue::Category(_)), _)) = self.entry(num_end, b) {
            return Some(c);
        }
        // Left, within the clause; a number after a preposition ("in 500 attacks")
        // is not what the verb counts.
        let after_prep =
            num > a && matches!(self.lower(num - 1), "in" | "from" | "at" | "during" | "across" | "by" | "with");
        let mut left: Option<(usize, Cue)> = None;
        let mut j = num;
        while !after_prep && j > a && num - j < 7 {
            j -= 1;
            if matches!(self.raw(j), ";" | ":" | ",") {
                break;
            }
            // A capitalized cue opens the sentence's subject ("Aid groups say …").
            if self.raw(j).starts_with(char::is_uppercase) {
                continue;
            }
            if let Some((Kind::Cue(c), _)) = self.entry(j, b) {
                left = Some((num - j, c));
                break;
            }
        }
        if let Some((d, c)) = left {
            if d <= 3 {
                return Some(c);
            }
        }
        // Right: the noun itself may be a cue ("1.9 million displaced"), then the
        // clause's verbs, skipping ", including …," and a participle right after the noun.
        let mut j = num;
        let mut first: Option<Cue> = None;
        let mut finite: Option<Cue> = None;
        while j < b && j < after + 12 {
            let w = self.raw(j);
            if j >= after
                && matches!(w, "," | "—" | "–")
                && matches!(self.lower(j + 1), "including" | "among" | "mostly")
            {
                // skip the parenthetical up to the next comma or dash
                let close = (j + 1..b).find(|&x| matches!(self.raw(x), "," | "—" | "–"));
                match close {
                    Some(c) => {
                        j = c + 1;
                        continue;
                    }
                    None => break,
                }
            }
            if j >= after && matches!(w, "," | ";" | "." | ":") {
                break;
            }
            if let Some((Kind::Cue(c), n)) = self.entry(j, b) {
                let aux = j > 0 && matches!(self.lower(j - 1), "were" | "was" | "been" | "are" | "is" | "be");
                // ("The two ministers agreed to hold talks", "traders held a
                // sit-in": those counted hold, take or release, they are not held,
                // unless the noun says so.)
                let object = matches!(self.lower(j + n), "a" | "an" | "the" | "their" | "its" | "his" | "her");
                if matches!(c, Cue::Take | Cue::Hold | Cue::Release) && !aux && !captives && (j > after || object) {
                    j += n;
                    continue;
                }
                if aux && finite.is_none() {
                    finite = Some(c);
                }
                first.get_or_insert(c);
                j += n;
                continue;
            }
            j += 1;
        }
        finite.or(first).or(left.map(|(_, c)| c))
    }

    /// Captives with no verb next to them: what the sentence or the one before
    /// says is done with captives (a deal "to secure the release of" them).
    fn captive_context(&self, si: usize) -> FigureCategory {
        for s in [Some(si), si.checked_sub(1)].into_iter().flatten() {
            let st = &self.doc.sentences[s];
            for j in st.first as usize..st.last as usize {
                match self.entry(j, st.last as usize) {
                    Some((Kind::Cue(Cue::Release), _)) => return FigureCategory::CaptivesReleased,
                    Some((Kind::Cue(Cue::Take), _)) => return FigureCategory::CaptivesTaken,
                    _ => {}
                }
            }
        }
        FigureCategory::CaptivesHeld
    }

    fn status(&self, a: usize, b: usize) -> FigureStatus {
        for j in a..b {
            if let Some((Kind::Status(s), _)) = self.entry(j, b) {
                return s;
            }
        }
        FigureStatus::Reported
    }

    /// The speaker of the quote or reported speech the figure stands in; for a
    /// sentence that says it only "reportedly", the source of the sentence before.
    fn claimant(&self, si: usize, start: u32, end: u32) -> Option<SpeakerAnn> {
        if let Some(k) = self.doc.attribution(start, end, None) {
            return self.doc.quotes[k].speaker.clone();
        }
        let s = &self.doc.sentences[si];
        let reportedly = (s.first as usize..s.last as usize).any(|j| self.lower(j) == "reportedly");
        if reportedly && si > 0 {
            let prev = &self.doc.sentences[si - 1];
            return self
                .doc
                .quotes
                .iter()
                .find(|q| q.sent_start >= prev.start && q.sent_end <= prev.end && q.speaker.is_some())
                .and_then(|q| q.speaker.clone());
        }
        None
    }
}

/// Merges figures that repeat a fact (same category and amount): the first
/// mention stays, with a claimant from any mention.
fn merge_repeats(figs: Vec<FigureAnn>) -> Vec<FigureAnn> {
    let mut out: Vec<FigureAnn> = Vec::new();
    for f in figs {
        if let Some(prev) = out
            .iter_mut()
            .find(|p| p.category == f.category && p.value == f.value && p.low == f.low && p.high == f.high)
        {
            if prev.claimant.is_none() {
                prev.claimant = f.claimant;
                prev.claimant_entity = f.claimant_entity;
            }
            continue;
        }
        out.push(f);
    }
    out
}

fn parse_digits(w: &str) -> Option<f64> {
    let clean: String = w.chars().filter(|&c| c != ',').collect();
    if clean.is_empty() || !clean.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return None;
    }
    clean.parse().ok()
}

fn word_value(w: &str) -> Option<f64> {
    let v = match w {
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "dozen" => 12,
        _ => {
            if let Some((t, u)) = w.split_once('-') {
                let (t, u) = (word_value(t)?, word_value(u)?);
                return ((20.0..100.0).contains(&t) && (1.0..10.0).contains(&u)).then_some(t + u);
            }
            return None;
        }
    };
    Some(v as f64)
}
