//! Stage `quotes`: direct and reported speech with its speaker, cue and channel.
//!
//! Reads `tokens` and `sentences`. Reporting verbs and their behaviour come from
//! `data/quote_cues.tsv`, outlets that carry words to the press from
//! `data/media.txt`.
//!
//! - **Direct quotes** are the text between paired quotation marks (“…”, «…»,
//!   „…“, "…", and ‘…’ outside double quotes). A quote left open at the end of a
//!   paragraph continues when the next paragraph opens with a quotation mark,
//!   and is otherwise closed there, so an unbalanced mark never swallows the
//!   article. A single quoted word with no attribution next to it is a scare
//!   quote, not speech; a title in capitals (“Face the Nation”) is a name, not
//!   speech, unless someone gave it ("what she called the “…”"). A quote its
//!   attribution interrupts in one sentence (`“…,” she said, “…”`) is one
//!   quote with a gap.
//! - **Attribution** of a direct quote is read around its marks: `”, said X`,
//!   `,” X said`, `X said: “`, or any reporting clause in the same sentence
//!   (`planned to discuss “…”, a source told AFP`). A quote paragraph with no
//!   attribution inherits the previous quote's speaker.
//! - **Reported speech**: `X said (that) …`, `X told Y (that) …`, `…, X says`,
//!   `…, saying …` (the speaker is the main clause's subject), `according to X, …`
//!   and `…, according to X`; demands, charges and stances whose object is the
//!   claim (`X called for …`, `X denied …`, `X urged Y to …`), commitments
//!   (`X pledged to …`) and beliefs (`X believes …`). Every report in a sentence
//!   counts, a nested one too; a report ends where the clause of the next
//!   speaker begins (`…, while Y said …`) or where the speaker's next verb does
//!   (`called … outrageous and called for …`). A participle after "is" or
//!   "keeps" is the finite verb (`is saying that`, `keeps saying`); a
//!   headline's or a transcript's speaker stands before a colon (`UN envoy: …`,
//!   `WALLACE: …`, the turn running to the paragraph's end). Wanting and
//!   planning are states of mind the writer ascribes, not reports, and are left
//!   out. A question left unanswered ("did not say which …") reports nothing;
//!   a gloss ("translates as “…”", "whose name means “…”") is the writer's.
//!   Past the addressee of "told" a clause is the content without a "that"
//!   ("told Reuters on Tuesday the group had …"), as it is past a channel or a
//!   time ("said in a statement the strike killed …").
//! - **Speakers** are the noun phrase next to the cue, as written ("a Hamas
//!   source", "Al Jazeera’s Hashem Ahelbarra", "Experts on North Korea"), past
//!   auxiliaries, times and channels ("Hamas on Tuesday said", "the ministry in
//!   a statement said"), or the subject of a first verb (`arrested … and said`).
//!   "he" and "she" resolve to the last named speaker, "they" to the body or
//!   the people named together last, "the statement" to whoever issued it;
//!   "who" to the phrase before it, with or without a comma. Between a speaker
//!   and the cue stand adverbials ("has so far refused"), relative clauses
//!   ("armed men who boarded the bus told") and appositions in commas or dashes;
//!   after an inverted cue the phrase must close the clause ("said another risk
//!   factor is …" has no speaker there). A quote with no cue in a sentence whose
//!   subject is a person is that person's. An unnamed speaker stays as written;
//!   none is guessed.

use crate::lexicon::{FastMap, FastSet};
use std::sync::LazyLock;

use crate::doc::Doc;
use crate::lexicon::data_lines;
use crate::pipeline::Stage;
use crate::stages::tokens::{flags, Token, TokenKind};

/// A quote in the `quotes` layer. Offsets are bytes into the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteAnn {
    /// The quoted words (inside the marks, for direct quotes).
    pub start: u32,
    pub end: u32,
    pub direct: bool,
    pub speaker: Option<SpeakerAnn>,
    /// The reporting verb or phrase, as written.
    pub cue: Option<String>,
    pub channel: Option<String>,
    /// The sentence or sentences the quote stands in.
    pub sent_start: u32,
    pub sent_end: u32,
    /// Bytes inside `[start, end)` that are not the quote's words: the
    /// attribution that interrupts it (“We will stay,” she said, “until …”).
    pub gap: Option<(u32, u32)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeakerAnn {
    pub name: String,
    /// The mention in the text that names or refers to the speaker.
    pub start: u32,
    pub end: u32,
    /// Index into the `entities` layer, where the speaker is a known entity.
    pub entity: Option<usize>,
}

/// Role nouns a description may use for a role ("the top diplomat" for a
/// secretary of state): head noun → words of which a role must contain one.
static ROLE_WORDS: LazyLock<FastMap<&'static str, Vec<&'static str>>> = LazyLock::new(|| {
    let mut m: FastMap<&'static str, Vec<&'static str>> = FastMap::default();
    for line in crate::lexicon::data_lines(include_str!("../../data/role_words.tsv")) {
        if let Some((head, words)) = line.split_once('\t') {
            let mut v: Vec<&'static str> = words.split('|').map(str::trim).filter(|w| !w.is_empty()).collect();
            v.push(head.trim());
            m.insert(head.trim(), v);
        }
    }
    m
});

/// The `quotes` stage.
#[derive(Debug, Default, Clone, Copy)]
pub struct Quotes;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    Verb,
    /// Reported speech only with "that": "confirmed that …", not "confirmed the killing".
    That,
    Participle,
    Object,
    /// Content is an infinitive or a "that" clause: "pledged to continue", "hopes that".
    To,
    /// Content is the object itself, a demand or a stance: "called for a ceasefire",
    /// "denied the report", "urged Israel to stop".
    Object2,
}

fn cue_kind(k: &str) -> Cue {
    match k.trim() {
        "participle" => Cue::Participle,
        "object" => Cue::Object,
        "that" => Cue::That,
        "to" => Cue::To,
        "np" => Cue::Object2,
        _ => Cue::Verb,
    }
}

/// One-word cues, and two-word cues by their first word ("called" → "for").
/// Forms that are also common nouns sit in the third set.
type CueTable = (FastMap<&'static str, Cue>, FastMap<&'static str, Vec<(&'static str, Cue)>>, FastSet<&'static str>);

static CUES: LazyLock<CueTable> = LazyLock::new(|| {
    let (mut one, mut two) = (FastMap::default(), FastMap::<&'static str, Vec<(&'static str, Cue)>>::default());
    let mut nounish = FastSet::default();
    for line in data_lines(include_str!("../../data/quote_cues.tsv")) {
        if let Some((w, rest)) = line.split_once('\t') {
            let (k, flag) = rest.split_once('\t').unwrap_or((rest, ""));
            if flag.trim() == "noun" {
                nounish.insert(w.trim().split(' ').next().unwrap_or(""));
            }
            match w.trim().split_once(' ') {
                Some((first, second)) => two.entry(first).or_default().push((second, cue_kind(k))),
                None => {
                    one.insert(w.trim(), cue_kind(k));
                }
            }
        }
    }
    (one, two, nounish)
});

static MEDIA: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut v: Vec<&'static str> = data_lines(include_str!("../../data/media.txt")).map(str::trim).collect();
    v.sort_by_key(|s| std::cmp::Reverse(s.len()));
    v
});

static TITLES: LazyLock<FastSet<&'static str>> =
    LazyLock::new(|| data_lines(include_str!("../../data/titles.txt")).flat_map(str::split_whitespace).collect());

static GROUP_NOUNS: LazyLock<FastSet<&'static str>> =
    LazyLock::new(|| data_lines(include_str!("../../data/group_nouns.txt")).flat_map(str::split_whitespace).collect());

/// Adverbs that stand between a subject and its reporting verb ("has long
/// called for", "Trump often cited", "all agreed").
static LEFT_ADVERBS: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    "long often once sometimes first only together all both already always just even now then soon \
     initially originally privately openly frequently"
        .split_whitespace()
        .collect()
});

/// Common irregular past forms, which open the verb phrase of a relative clause
/// ("those who fled the town said").
static IRREGULAR_PAST: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    "fled fought led left lost met ran saw spoke took went won came made knew held sent kept had got gave \
     stood sat fell broke brought bought built caught drove flew found heard hid hit hurt paid put read rode \
     rose set shot slept spent stole struck swore taught told thought threw wore wrote"
        .split_whitespace()
        .collect()
});

/// Things that state or show, before a cue that is also a noun ("the poll shows").
static DOCUMENT_NOUNS: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    "poll survey report study data analysis slide statement document letter memo figures records research chart \
     map video footage ad indictment complaint filing lawsuit ruling order resolution law bill text draft agreement \
     treaty website post tweet average transcript tally count estimate assessment review audit investigation probe \
     inquiry findings evidence images photos photographs imagery documents returns analyses polls surveys reports \
     studies"
        .split_whitespace()
        .collect()
});

/// What words reach the public through, in a phrase between a speaker and the
/// verb ("the ministry in a statement said").
static CHANNEL_NOUNS: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    "statement statements interview interviews tweet tweets letter post posting message speech briefing conference \
     remarks email video broadcast op-ed column appearance address twitter facebook telegram instagram television \
     radio podcast communique communiqué release filing testimony hearing"
        .split_whitespace()
        .collect()
});

/// Words that end a speaker noun phrase when walking away from the cue.
static NP_STOP: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    "after before in on with for to from by at that which who whom whose and but or as when while if because \
     since although though than is was are were be been being has have had do does did will would could should \
     can may might must not also reportedly later earlier previously then now however meanwhile still yet this \
     these those it its there here about into over under during against between through what where why how \
     so just even cannot n't n’t ca wo"
        .split_whitespace()
        .collect()
});

impl Stage for Quotes {
    fn name(&self) -> &'static str {
        "quotes"
    }
    fn annotate(&self, doc: &mut Doc) {
        let q = Quoter::new(doc);
        doc.quotes = q.run();
    }
}

struct Quoter<'a> {
    text: &'a str,
    toks: &'a [Token],
    /// Sentence index of each token.
    sent_of: Vec<u32>,
    /// Whether each token lies in a time expression ("this week", "Friday").
    in_time: Vec<bool>,
    doc: &'a Doc,
}

/// A pair of quotation marks: token indices of the opening and closing marks
/// (the closing one may be missing at a paragraph end: `close` is then the last
/// token of the quote plus one and `closed` false).
#[derive(Debug, Clone, Copy)]
struct Marks {
    open: usize,
    close: usize,
    closed: bool,
}

#[derive(Debug, Clone)]
struct Attribution {
    speaker: Option<(usize, usize)>, // token range of the speaker NP
    cue: (usize, usize),
    channel: Option<String>,
    /// The cue stands right next to the quotation marks.
    adjacent: bool,
}

impl<'a> Quoter<'a> {
    fn new(doc: &'a Doc) -> Quoter<'a> {
        let mut sent_of = vec![0u32; doc.tokens.len()];
        for (k, s) in doc.sentences.iter().enumerate() {
            for x in &mut sent_of[s.first as usize..s.last as usize] {
                *x = k as u32;
            }
        }
        let mut in_time = vec![false; doc.tokens.len()];
        for t in &doc.times {
            let from = doc.tokens.partition_point(|k| k.start < t.start);
            for (k, x) in in_time.iter_mut().enumerate().skip(from) {
                if doc.tokens[k].end > t.end {
                    break;
                }
                *x = true;
            }
        }
        Quoter { text: doc.text(), toks: &doc.tokens, sent_of, in_time, doc }
    }

    fn raw(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.text(self.text))
    }

    /// The token's text in lowercase (ASCII), without allocating.
    fn lower(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.text(self.doc.lower()))
    }

    fn cue(&self, i: usize) -> Option<Cue> {
        let t = self.toks.get(i)?;
        // Reporting verbs are lowercase: "the United States" holds no "states";
        // except in a headline after a name ("Graham Says Trump Could …").
        if t.kind != TokenKind::Word
            || (self.raw(i).starts_with(char::is_uppercase)
                && !(matches!(self.lower(i), "says" | "warns" | "urges" | "vows" | "claims" | "denies" | "insists")
                    && self.headline_after_name(i)))
        {
            return None;
        }
        let w = self.lower(i);
        // "a militia called the anti-Balaka", "an app dubbed Signal": a name given,
        // after something indefinite that speaks for no one.
        if matches!(w, "called" | "dubbed" | "nicknamed")
            && (self.lower(i + 1) == "the" || self.raw(i + 1).starts_with(char::is_uppercase))
            && !person_noun(self.lower(i.saturating_sub(1)))
            && (i.saturating_sub(4)..i).any(|k| {
                matches!(self.lower(k), "a" | "an") && (k + 1..i).all(|j| self.toks[j].kind == TokenKind::Word)
            })
        {
            return None;
        }
        // "a cell calling itself “…”": the name a group gives itself.
        if matches!(w, "calling" | "calls" | "called" | "call")
            && matches!(self.lower(i + 1), "itself" | "themselves" | "himself" | "herself")
        {
            return None;
        }
        // "could be agreed", "had been told": a passive names no one who speaks.
        if i > 0 && matches!(self.lower(i - 1), "be" | "been" | "being") && !w.ends_with("ing") {
            return None;
        }
        // "viewers pressed against a fence": a verb of demand or stance with a
        // preposition of place is no report ("pressed for" is a cue of its own).
        if matches!(CUES.0.get(w), Some(Cue::Object2))
            && matches!(
                self.lower(i + 1),
                "against" | "into" | "onto" | "through" | "toward" | "towards" | "down" | "up"
            )
        {
            return None;
        }
        // "battleground states", "the low demand": a noun after a modifier; "Gulf
        // states say": a noun before a verb of speech.
        if CUES.2.contains(w)
            && (!self.subject_before(i)
                || matches!(CUES.0.get(self.lower(i + 1)), Some(Cue::Verb | Cue::That | Cue::Object | Cue::To)))
        {
            return None;
        }
        let next = self.lower(i + 1);
        if let Some(seconds) = CUES.1.get(w) {
            if let Some(&(_, k)) = seconds.iter().find(|(s, _)| *s == next) {
                return Some(self.progressive(i, k));
            }
        }
        let k = CUES.0.get(w).copied();
        match k {
            Some(k) => Some(self.progressive(i, k)),
            // "is telling", "is confirming": a verb of speech known only in its finite
            // forms ("is pressing them to agree" is no report).
            None if w.ends_with("ing") && self.aux_ing(i) > 0 => {
                finite_kind(w, next).filter(|k| matches!(k, Cue::Verb | Cue::That | Cue::Object))
            }
            None => None,
        }
    }

    /// A participle after "is", "was", "keeps" … is the finite verb it stands for:
    /// "is saying that", "isn't saying whether", "keeps saying".
    fn progressive(&self, i: usize, k: Cue) -> Cue {
        if k != Cue::Participle || self.aux_ing(i) == 0 {
            return k;
        }
        finite_kind(self.lower(i), self.lower(i + 1)).unwrap_or(Cue::Verb)
    }

    /// How many tokens before `i` make a progressive with it ("is", "is not",
    /// "is n't", "was still", "keeps"); 0 when none does.
    fn aux_ing(&self, i: usize) -> usize {
        if !self.lower(i).ends_with("ing") {
            return 0;
        }
        let mut k = i;
        while k > 0
            && i - k < 3
            && (matches!(self.lower(k - 1), "not" | "n't" | "n’t")
                || self.is_adverb(k - 1)
                || matches!(self.lower(k - 1), "still" | "now" | "also" | "again"))
        {
            k -= 1;
        }
        let aux = k > 0
            && matches!(
                self.lower(k - 1),
                "is" | "are"
                    | "was"
                    | "were"
                    | "am"
                    | "be"
                    | "been"
                    | "'s"
                    | "’s"
                    | "'re"
                    | "’re"
                    | "keeps"
                    | "keep"
                    | "kept"
                    | "continues"
                    | "continued"
                    | "began"
                    | "begun"
                    | "started"
                    | "starts"
                    | "stopped"
            );
        // "’s" is a verb only after a pronoun or a name ("he’s saying"), not a possessive of a noun.
        if aux && matches!(self.lower(k - 1), "'s" | "’s") && !(k >= 2 && is_pronoun(self.lower(k - 2))) {
            return 0;
        }
        if aux {
            i - k + 1
        } else {
            0
        }
    }

    /// A stop word that is part of a name: capitalized after a capitalized word
    /// ("Theresa May", "Ready Will"), not first in its sentence.
    fn name_word(&self, i: usize) -> bool {
        i > 0
            && self.raw(i).starts_with(char::is_uppercase)
            && self.toks[i - 1].kind == TokenKind::Word
            && self.raw(i - 1).starts_with(char::is_uppercase)
            && self.sent_of[i] == self.sent_of[i - 1]
    }

    /// The first token from `s` (before `before`) past opening conjunctions ("But",
    /// "And", "However").
    fn past_conjunctions(&self, mut s: usize, before: usize) -> usize {
        while s < before && matches!(self.lower(s), "but" | "and" | "however" | "so" | "yet") {
            s += 1;
        }
        s
    }

    /// The entities layer found a person whose mention ends where tokens `[a, b)`
    /// end and starts inside them ("Senator Ana Ruiz": the mention "Ana Ruiz").
    fn person_ends(&self, a: usize, b: usize) -> bool {
        let (at, end) = (self.toks[a].start, self.toks[b - 1].end);
        self.doc.entities.iter().any(|e| {
            e.kind == crate::record::EntityType::Person && e.mentions.iter().any(|&(ms, me)| ms >= at && me == end)
        })
    }

    /// Token `i` is the relative pronoun "who" or "which" (not the acronym "WHO").
    fn relative_pronoun(&self, i: usize) -> bool {
        matches!(self.raw(i), "who" | "which" | "Who" | "Which")
    }

    /// An acronym in capitals ("WHO", "IT"), which no stop word list holds.
    fn acronym(&self, i: usize) -> bool {
        let r = self.raw(i);
        r.len() >= 2 && r.chars().all(|c| c.is_ascii_uppercase())
    }

    /// A lowercase "-ed" word after a noun, where a subject ends and its verb
    /// begins ("Police arrested", "The army shelled"), unlike an adjective after a
    /// determiner, an adverb or a possessive ("the armed group", "newly elected").
    fn past_verb(&self, i: usize) -> bool {
        let w = self.lower(i);
        if i == 0 || w.len() < 5 || !w.ends_with("ed") || !self.raw(i).starts_with(char::is_lowercase) {
            return false;
        }
        let p = &self.toks[i - 1];
        p.kind == TokenKind::Word
            && !p.has(flags::CLITIC)
            && !is_determiner(self.lower(i - 1))
            && !self.is_adverb(i - 1)
            && !matches!(self.lower(i - 1), "so" | "well" | "most" | "more" | "less" | "least" | "best" | "ill" | "un")
    }

    /// The word before token `i` can end a subject: a name, a pronoun, a plural
    /// noun ("experts say") or a relative pronoun.
    fn subject_before(&self, i: usize) -> bool {
        if i == 0 || self.toks[i - 1].kind != TokenKind::Word {
            return false;
        }
        let (raw, w) = (self.raw(i - 1), self.lower(i - 1));
        // "three northern U.S. states", "the Gulf states": a name that modifies
        // the noun, after a number, a determiner or an adjective of place.
        let modifier = || {
            let mut k = i - 1;
            while k > 0
                && self.toks[k - 1].kind == TokenKind::Word
                && self.raw(k - 1).starts_with(char::is_uppercase)
                && !is_determiner(self.lower(k - 1))
            {
                k -= 1;
            }
            k > 0
                && (self.toks[k - 1].kind == TokenKind::Number
                    || matches!(
                        self.lower(k - 1),
                        "other"
                            | "several"
                            | "many"
                            | "some"
                            | "all"
                            | "both"
                            | "most"
                            | "of"
                            | "in"
                            | "to"
                            | "from"
                            | "for"
                            | "with"
                            | "among"
                            | "across"
                            | "by"
                            | "on"
                            | "two"
                            | "three"
                            | "four"
                            | "five"
                            | "six"
                            | "seven"
                            | "eight"
                            | "nine"
                            | "ten"
                            | "member"
                            | "fellow"
                            | "neighboring"
                            | "neighbouring"
                            | "coastal"
                            | "central"
                    )
                    || self.lower(k - 1).ends_with("ern"))
        };
        (raw.starts_with(char::is_uppercase) && !modifier())
            || is_pronoun(w)
            || matches!(w, "who" | "which" | "that" | "also" | "still" | "now")
            || DOCUMENT_NOUNS.contains(w)
            // "Video of the incident shows", "an analysis of new filings shows"
            || (i.saturating_sub(6)..i - 1)
                .rev()
                .find(|&p| self.lower(p) == "of")
                .is_some_and(|p| p > 0 && DOCUMENT_NOUNS.contains(self.lower(p - 1)))
            || (w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("ous"))
    }

    /// Token `i` follows a capitalized word in a sentence written in title case
    /// (most of its words capitalized): a headline.
    fn headline_after_name(&self, i: usize) -> bool {
        let Some(&si) = self.sent_of.get(i) else { return false };
        let (a, _) = self.sentence_range(si as usize);
        i > a && self.raw(i - 1).starts_with(char::is_uppercase) && self.title_cased(si as usize)
    }

    /// Sentence `si` is written in title case: at least three words of four
    /// letters or more, seven in ten of them capitalized.
    fn title_cased(&self, si: usize) -> bool {
        let (a, b) = self.sentence_range(si);
        let long = (a..b).filter(|&k| self.toks[k].kind == TokenKind::Word && self.raw(k).len() > 3);
        let (n, caps) =
            long.fold((0, 0), |(n, c), k| (n + 1, c + usize::from(self.raw(k).starts_with(char::is_uppercase))));
        n >= 3 && caps * 10 >= n * 7
    }

    /// The token after the cue at `i`: two-word cues ("called for") end one later.
    fn cue_end(&self, i: usize) -> usize {
        let two = CUES.1.get(self.lower(i)).is_some_and(|v| v.iter().any(|(s, _)| *s == self.lower(i + 1)));
        if two {
            i + 2
        } else {
            i + 1
        }
    }

    fn paragraph(&self, i: usize) -> u32 {
        self.doc.sentences[self.sent_of[i] as usize].paragraph
    }

    fn sentence_range(&self, s: usize) -> (usize, usize) {
        let st = &self.doc.sentences[s];
        (st.first as usize, st.last as usize)
    }

    fn run(&self) -> Vec<QuoteAnn> {
        if self.doc.sentences.is_empty() {
            return Vec::new();
        }
        let marks = self.find_marks();
        let mut inside = vec![false; self.toks.len()];
        for m in &marks {
            for x in &mut inside[m.open..m.close.min(self.toks.len())] {
                *x = true;
            }
        }
        let mut out: Vec<QuoteAnn> = Vec::new();
        // The last named speaker, for "he said" and for quote paragraphs without attribution.
        let mut last: Option<SpeakerAnn> = None;
        let mut last_quote_para: Option<u32> = None;
        let mut used: Vec<usize> = Vec::new(); // cue tokens that attributed a direct quote
        let mut next_mark = 0;
        for si in 0..self.doc.sentences.len() {
            let (a, b) = self.sentence_range(si);
            // Direct quotes opening in this sentence, in order.
            while next_mark < marks.len() && marks[next_mark].open < b {
                let m = marks[next_mark];
                next_mark += 1;
                if m.open < a {
                    continue;
                }
                if let Some(q) = self.direct(&m, &inside, &mut last, &mut last_quote_para, &mut used) {
                    out.push(q);
                }
            }
            out.extend(self.reported(si, &inside, &used, &mut last));
        }
        out.sort_by_key(|q| (q.start, q.end));
        let out = self.join_interrupted(out);
        out.into_iter().map(|q| self.around_parenthetical(q)).collect()
    }

    /// "But to prevent problems, he said, local officials should be vigilant":
    /// an attribution set off by commas inside a sentence reports the whole
    /// sentence, both sides joined, the attribution a gap between them. (Only
    /// for a plain verb of speech, and not where a quote mark stands on
    /// either side.)
    fn around_parenthetical(&self, mut q: QuoteAnn) -> QuoteAnn {
        let Some(sp) = q.speaker.as_ref() else { return q };
        if q.direct || q.gap.is_some() {
            return q;
        }
        let si = self.sent_of[self.toks.partition_point(|t| t.start < q.start).min(self.toks.len() - 1)] as usize;
        let (a, b) = self.sentence_range(si);
        let (s0, s1) =
            (self.toks.partition_point(|t| t.start < sp.start), self.toks.partition_point(|t| t.start < sp.end));
        // The verb right after the speaker ("he said"; not "said Oh Ei Sun, senior
        // fellow at …", where an apposition follows).
        // ("he said on Friday,", "he told reporters,": past a time, a channel, an addressee.)
        let cue = if s1 < b { self.cue(s1) } else { None };
        if !matches!(cue, Some(Cue::Verb | Cue::Object)) {
            return q;
        }
        // (The speaker's titles are part of the attribution: "Mr. Clarke said".)
        let mut r0 = s0;
        while r0 > a && crate::lexicon::is_title(self.raw(r0 - 1)) {
            r0 -= 1;
        }
        // (And a description before the name: ", mother Carla Alcorn told CNN,".)
        let d = self.word_run_left(r0, a, 3, false);
        if d < r0 && d > a && self.raw(d - 1) == "," {
            r0 = d;
        }
        let mut r1 = s1 + 1;
        if cue == Some(Cue::Object) {
            r1 = self.np_right(r1, b).map_or(r1, |r| r.1);
        }
        let r1 = self.skip_tail(r1, b);
        // A comma on each side, words on each side.
        if r0 < a + 2 || r1 + 2 >= b || self.raw(r0 - 1) != "," || self.raw(r1) != "," {
            return q;
        }
        let mut end = b;
        while end > r1 + 1 && self.toks[end - 1].kind == TokenKind::Punct {
            end -= 1;
        }
        let words = |x: usize, y: usize| (x..y).filter(|&k| self.toks[k].kind == TokenKind::Word).count();
        let quote_mark = |x: usize, y: usize| {
            (x..y).any(|k| matches!(self.raw(k), "“" | "”" | "\"" | "«" | "»" | "„" | "''" | "``" | "‘" | "’" | "'"))
        };
        // (Nor where another report goes on: "…, security sources said, adding that …".)
        if words(a, r0 - 1) < 1 || words(r1 + 1, end) < 2 || quote_mark(a, r0) || self.cue(r1 + 1).is_some() {
            return q;
        }
        // (The quote as read holds one side only.)
        let (left, right) =
            ((self.toks[a].start, self.toks[r0 - 2].end), (self.toks[r1 + 1].start, self.toks[end - 1].end));
        let one_side = (q.start >= left.0 && q.end <= left.1) || (q.start >= right.0 && q.end <= right.1);
        if one_side {
            q.start = left.0;
            q.end = right.1;
            q.gap = Some((left.1, right.0));
        }
        q
    }

    /// “We will not leave,” the mayor said, “until the road is open.”: one
    /// quote, its attribution a gap inside it. Both parts stand in one sentence,
    /// the first ends in a comma, and only the attribution lies between them.
    fn join_interrupted(&self, quotes: Vec<QuoteAnn>) -> Vec<QuoteAnn> {
        let mut out: Vec<QuoteAnn> = Vec::with_capacity(quotes.len());
        for q in quotes {
            if let Some(p) = out.last_mut() {
                let joins = p.direct
                    && q.direct
                    && p.gap.is_none()
                    && p.sent_start == q.sent_start
                    && p.cue.is_some()
                    && (q.cue.is_none() || q.cue == p.cue)
                    && p.speaker.as_ref().map(|s| &s.name) == q.speaker.as_ref().map(|s| &s.name)
                    && self.text[..p.end as usize].ends_with(',')
                    && {
                        let (a, b) = (
                            self.toks.partition_point(|t| t.start < p.end),
                            self.toks.partition_point(|t| t.start < q.start),
                        );
                        let between = &self.toks[a..b];
                        let words = between.iter().filter(|t| t.kind == TokenKind::Word).count();
                        (1..=8).contains(&words)
                            && b >= 2
                            && self.raw(b - 2) == ","
                            && between.iter().all(|t| !matches!(t.text(self.text), "." | "!" | "?" | ";" | ":"))
                    };
                if joins {
                    p.gap = Some((p.end, q.start));
                    p.end = q.end;
                    p.sent_end = p.sent_end.max(q.sent_end);
                    continue;
                }
            }
            out.push(q);
        }
        out
    }

    fn direct(
        &self,
        m: &Marks,
        inside: &[bool],
        last: &mut Option<SpeakerAnn>,
        last_quote_para: &mut Option<u32>,
        used: &mut Vec<usize>,
    ) -> Option<QuoteAnn> {
        let (cs, ce) = (m.open + 1, m.close);
        if cs >= ce {
            return None;
        }
        let words =
            self.toks[cs..ce].iter().filter(|t| t.kind == TokenKind::Word || t.kind == TokenKind::Number).count();
        // "told NBC’s “Meet the Nation” that …": a programme's title is the addressee.
        if m.closed && words <= 6 && self.lower(m.close + 1) == "that" {
            let mut k = m.open;
            while k > 0 && m.open - k < 6 && (self.toks[k - 1].kind == TokenKind::Word) {
                k -= 1;
                if self.cue(k) == Some(Cue::Object) {
                    return None;
                }
            }
        }
        // “Face the Nation,” “Coal Isn't the Villain”: a title in capitals names a
        // programme, a book or a song, not words spoken.
        // (A name someone gave is theirs: "what analysts call the “Axis of Upheaval”".)
        // ("refer to these nations as the “Axis of Upheaval”" too.)
        let naming = |w: &str| {
            matches!(
                w,
                "call" | "calls" | "called" | "dubbed" | "termed" | "branded" | "labelled" | "labeled" | "nicknamed"
            )
        };
        let named = (m.open.saturating_sub(2)..m.open).any(|k| {
            naming(self.lower(k))
                || self.lower(k) == "as"
                    && (k.saturating_sub(8)..k).any(|j| {
                        let w = self.lower(j);
                        naming(w) || w.starts_with("refer") || w.starts_with("describ") || w == "known"
                    })
        });
        if self.title_case(cs, ce) && !named {
            return None;
        }
        // "a term that loosely translates as “those who deviate”", "whose name
        // means “the youth”": the writer's gloss of a word, not words spoken.
        let gloss = m.open > 0
            && match self.lower(m.open - 1) {
                "means" | "meaning" | "mean" | "meant" => true,
                "as" => m.open > 1 && self.lower(m.open - 2).starts_with("translat"),
                _ => false,
            };
        if gloss {
            return None;
        }
        let para = self.paragraph(m.open);
        let att = self.attribute_direct(m, inside);
        // A single quoted word is a scare quote unless a cue stands right next to it.
        if words <= 1 && !att.as_ref().is_some_and(|a| a.adjacent) {
            return None;
        }
        let (speaker, cue, channel) = match &att {
            Some(a) => {
                // "X said his rival's tweet was only “to mock” her": a partial quote
                // inside the reported clause leaves the cue to the clause, which is
                // reported speech of its own (a mixed quote).
                // A long partial quote, with less than twice its words around
                // it, is the statement itself.
                let around = || {
                    let (_, sb) = self.sentence_range(self.sent_of[m.open] as usize);
                    (a.cue.1..sb)
                        .filter(|&k| !inside[k] && matches!(self.toks[k].kind, TokenKind::Word | TokenKind::Number))
                        .count()
                };
                let partial_inside = !a.adjacent && a.cue.0 < m.open && (words <= 6 || around() >= 2 * words);
                // (A verb past the quote that it does not stand next to keeps its own
                // report: `exhorted them to “vote your conscience” and said he …`.)
                let later =
                    !a.adjacent && a.cue.0 > m.close && a.cue.0 > 0 && matches!(self.lower(a.cue.0 - 1), "and" | "but");
                if !partial_inside && !later {
                    used.push(a.cue.0);
                }
                let sp = a.speaker.and_then(|r| self.speaker(r, last.as_ref()));
                (sp, Some(self.span_text(a.cue.0, a.cue.1)), a.channel.clone())
            }
            None => {
                // A quote paragraph with no attribution inherits the last speaker;
                // elsewhere a short unattributed quote is not speech.
                let inherit = last_quote_para.is_some_and(|p| p + 1 >= para);
                if !inherit && words <= 4 {
                    return None;
                }
                // ("Reid has gone after Trump as a “human leech”": inside a sentence
                // about a person, the words are that person's.)
                // (Not in a headline, nor inside a relative clause about the person:
                // "Mhlanga, who faces charges relating to “…”, denies …".)
                let si = self.sent_of[m.open] as usize;
                let (sa, _) = self.sentence_range(si);
                let headline = self.title_cased(si);
                let person = |n0: usize, n1: usize| {
                    matches!(self.lower(n0), "he" | "she") && n1 == n0 + 1 || self.person_ends(n0, n1)
                };
                let relative = |n1: usize| self.raw(n1) == "," && matches!(self.lower(n1 + 1), "who" | "which");
                let subject = self.subject(sa, m.open).filter(|&(n0, n1)| {
                    let excluded = headline || matches!(self.lower(n0), "says" | "said") || relative(n1);
                    !excluded && n1 < m.open && person(n0, n1)
                });
                match subject {
                    Some(r) => (self.speaker(r, last.as_ref()), None, None),
                    None => (if inherit { last.clone() } else { None }, None, None),
                }
            }
        };
        if let Some(sp) = &speaker {
            *last = Some(sp.clone());
        }
        *last_quote_para = Some(para);
        let (s0, s1) = (self.sent_of[m.open] as usize, self.sent_of[ce - 1] as usize);
        Some(QuoteAnn {
            start: self.toks[cs].start,
            end: self.toks[ce - 1].end,
            direct: true,
            speaker,
            cue,
            channel,
            sent_start: self.doc.sentences[s0].start,
            sent_end: self.doc.sentences[s1].end,
            gap: None,
        })
    }

    /// Tokens `[a, b)` can name who speaks after an inverted verb ("…, said the
    /// minister", "said officials", "said Smith"), unlike an object ("…,
    /// declared bankruptcy", "noted the rule"): a name, a plural, a pronoun, or a
    /// noun for people.
    fn speaker_like(&self, a: usize, b: usize) -> bool {
        let head = self.lower(b - 1);
        (a..b).any(|k| self.raw(k).starts_with(char::is_uppercase))
            || is_pronoun(head)
            || head.ends_with('s')
            || GROUP_NOUNS.contains(head)
            || person_noun(head)
            // ("a diplomat close to the talks", "a source familiar with …")
            || (a..b).any(|k| person_noun(self.lower(k)))
    }

    /// Tokens `[a, b)` are a title: two to eight words, every word but the small
    /// ones capitalized, and no "I" or "We" opening a sentence of speech.
    fn title_case(&self, a: usize, b: usize) -> bool {
        let words: Vec<usize> = (a..b).filter(|&k| self.toks[k].kind == TokenKind::Word).collect();
        if words.len() < 2 || words.len() > 8 || self.toks[a].kind != TokenKind::Word {
            return false;
        }
        let small = |w: &str| {
            matches!(
                w,
                "of" | "the"
                    | "a"
                    | "an"
                    | "and"
                    | "or"
                    | "in"
                    | "on"
                    | "for"
                    | "to"
                    | "at"
                    | "by"
                    | "with"
                    | "from"
                    | "is"
                    | "are"
                    | "as"
                    | "but"
                    | "nor"
                    | "vs"
            ) || w.starts_with('\'')
                || w.starts_with('’')
                || w == "n't"
                || w == "n’t"
        };
        let mut caps = 0;
        for &k in &words {
            let raw = self.raw(k);
            if raw.starts_with(char::is_uppercase) {
                caps += 1;
            } else if !small(self.lower(k)) {
                return false;
            }
        }
        caps >= 2 && !matches!(self.raw(a), "I" | "We" | "You")
    }

    /// Pairs quotation marks into quotes.
    fn find_marks(&self) -> Vec<Marks> {
        let mut out = Vec::new();
        let mut open: Option<(usize, bool)> = None; // (token, double?)
        let n = self.toks.len();
        for i in 0..n {
            let t = &self.toks[i];
            // A paragraph boundary with a quote still open.
            if let Some((o, _)) = open {
                if i > o + 1 && self.paragraph(i) != self.paragraph(i - 1) {
                    let continues = t.kind == TokenKind::Quote && self.is_opening(i);
                    if !continues {
                        out.push(Marks { open: o, close: i, closed: false });
                        open = None;
                    } else {
                        continue; // the continuation mark re-opens the same quote
                    }
                }
            }
            if t.kind != TokenKind::Quote {
                continue;
            }
            let m = self.raw(i);
            let double = !matches!(m, "‘" | "’" | "'" | "‚" | "‹" | "›");
            match open {
                None => {
                    if self.is_opening(i) && (double || matches!(m, "‘" | "‚" | "'")) {
                        open = Some((i, double));
                    }
                }
                Some((o, od)) => {
                    if od == double && self.is_closing(i) {
                        out.push(Marks { open: o, close: i, closed: true });
                        open = None;
                    } else if !od && double && self.is_opening(i) {
                        // A single mark that never closed: start over with the double one.
                        open = Some((i, true));
                    }
                }
            }
        }
        if let Some((o, _)) = open {
            out.push(Marks { open: o, close: n, closed: false });
        }
        out.retain(|m| m.close > m.open + 1);
        out
    }

    fn is_opening(&self, i: usize) -> bool {
        let m = self.raw(i);
        let next_attached = self.toks.get(i + 1).is_some_and(|t| t.attached());
        match m {
            // French typography puts a space inside guillemets: « … ».
            "«" => true,
            "“" | "„" | "‘" | "‚" | "‹" | "「" | "『" => next_attached,
            "``" => next_attached,
            "\"" | "'" | "''" => {
                let start =
                    i == 0 || !self.toks[i].attached() || matches!(self.raw(i - 1), "(" | "[" | "—" | "–" | ":");
                start && next_attached
            }
            _ => false,
        }
    }

    fn is_closing(&self, i: usize) -> bool {
        let m = self.raw(i);
        let attached = self.toks[i].attached();
        match m {
            "»" => true,
            "”" | "’" | "›" | "」" | "』" => attached,
            "“" => attached, // German-style „…“
            "\"" | "'" | "''" => attached || self.toks.get(i + 1).is_none_or(|t| !t.attached()),
            _ => false,
        }
    }

    fn span_text(&self, a: usize, b: usize) -> String {
        self.text[self.toks[a].start as usize..self.toks[b - 1].end as usize].to_string()
    }

    /// The speaker for an NP token range; pronouns resolve to `last`.
    fn speaker(&self, (a, b): (usize, usize), last: Option<&SpeakerAnn>) -> Option<SpeakerAnn> {
        let name = self.span_text(a, b);
        let (start, end) = (self.toks[a].start, self.toks[b - 1].end);
        // "Amina Yusuf, who fled Juba in May, says …": "who" keeps its span and
        // takes the name of the one it stands for.
        // ("a veteran who criticized the president": without the comma too.)
        if b == a + 1 && self.relative_pronoun(a) && a >= 1 {
            let floor = self.sentence_range(self.sent_of[a] as usize).0;
            let stop = if self.raw(a - 1) == "," { a - 1 } else { a };
            if let Some(r) = self.np_left(stop, floor).filter(|&(_, e)| e > floor && e == stop).map(|r| self.trim_np(r))
            {
                if let Some(sp) = self.speaker(r, last) {
                    return Some(SpeakerAnn { start, end, ..sp });
                }
            }
        }
        if is_pronoun(&name) {
            let he_she = matches!(name.to_lowercase().as_str(), "he" | "she");
            if he_she {
                if let Some(p) = self.last_person(start, last) {
                    return Some(SpeakerAnn { start, end, ..p });
                }
            }
            // "they": the last speaker when that was several people or a body
            // ("Grassley, Shaheen and Risch", "the ministry", "officials").
            let plural = |l: &SpeakerAnn| {
                l.name.contains(" and ")
                    || l.entity.is_some_and(|k| self.doc.entities[k].kind != crate::record::EntityType::Person)
                    || l.name.rsplit(' ').next().is_some_and(|w| {
                        w.starts_with(char::is_lowercase) && (w.ends_with('s') || GROUP_NOUNS.contains(w))
                    })
            };
            return match last {
                Some(l) if he_she && person_like(&l.name) => {
                    Some(SpeakerAnn { name: l.name.clone(), start, end, entity: l.entity })
                }
                Some(l) if name.eq_ignore_ascii_case("they") && plural(l) => {
                    Some(SpeakerAnn { name: l.name.clone(), start, end, entity: l.entity })
                }
                // "Chuck Grassley, Jeanne Shaheen and Jim Risch … they wrote": the
                // people named together last.
                _ if name.eq_ignore_ascii_case("they") => {
                    let list = self.people_listed_before(start, last.map_or(0, |l| l.start));
                    Some(SpeakerAnn { name: list.unwrap_or(name), start, end, entity: None })
                }
                _ => Some(SpeakerAnn { name, start, end, entity: None }),
            };
        }
        // "Israel’s Prime Minister Benjamin Netanyahu": the person's name.
        if let Some((na, nb)) = self.proper_name(a, b) {
            return Some(self.linked(SpeakerAnn {
                name: self.span_text(na, nb),
                start: self.toks[na].start,
                end: self.toks[nb - 1].end,
                entity: None,
            }));
        }
        let lower = name.to_lowercase();
        // "the military spokesperson", "the top U.S. diplomat": the person named
        // earlier with that role; "the group": the armed group named last.
        if let Some(desc) = lower.strip_prefix("the ") {
            if let Some(k) = self.role_holder(desc, start) {
                return Some(SpeakerAnn { name: self.doc.entities[k].name.clone(), start, end, entity: Some(k) });
            }
        }
        // "said a statement posted by the news agency", "a statement from the
        // ministry": who issued it.
        let doc_noun = |w: &str| {
            matches!(w, "statement" | "communique" | "communiqué" | "letter" | "report" | "declaration" | "notice")
        };
        let by_verb = |k: usize| matches!(self.lower(k), "posted" | "issued" | "released" | "published" | "signed");
        let by = if by_verb(b - 1) && self.lower(b) == "by"
            || doc_noun(self.lower(b - 1)) && matches!(self.lower(b), "by" | "from")
        {
            Some(b + 1)
        } else if doc_noun(self.lower(b - 1)) && by_verb(b) && self.lower(b + 1) == "by" {
            Some(b + 2)
        } else {
            None
        };
        if let Some(from) = by {
            let ceil = self.sentence_range(self.sent_of[a] as usize).1;
            if let Some(r) = self.np_right(from, ceil) {
                return self.speaker(r, last).map(|sp| SpeakerAnn { start, end: sp.end, ..sp });
            }
        }
        // "The statement said" after "the diplomats said in a joint statement":
        // whoever issued it.
        if let (Some(l), Some(head)) = (last, lower.strip_prefix("the ")) {
            let noun = head.rsplit(' ').next().unwrap_or(head);
            let said_in_it = || {
                let si = self.doc.sentence_at(l.start as usize)?;
                let st = &self.doc.sentences[si];
                let words = &self.doc.lower()[st.start as usize..st.end as usize];
                contains_word(words, noun).then_some(())
            };
            if doc_noun(noun) && l.end <= start && said_in_it().is_some() {
                return Some(SpeakerAnn { name: l.name.clone(), start, end, entity: l.entity });
            }
        }
        // "the source" after "a Hamas source": the same speaker.
        if let (Some(l), Some(head)) = (last, lower.strip_prefix("the ")) {
            if !head.contains(' ') && l.name.to_lowercase().ends_with(head) {
                return Some(SpeakerAnn { name: l.name.clone(), start, end, entity: l.entity });
            }
        }
        Some(self.linked(SpeakerAnn { name, start, end, entity: None }))
    }

    /// Links a speaker to the entity that makes up most of its span ("the U.N."
    /// is the United Nations); "Israeli officials" and "a Hamas source" stay as
    /// written, unlinked: they belong to an entity without being it.
    fn linked(&self, mut sp: SpeakerAnn) -> SpeakerAnn {
        let best = self
            .doc
            .entities
            .iter()
            .enumerate()
            .flat_map(|(k, e)| e.mentions.iter().map(move |&(a, b)| (k, a, b)))
            .filter(|&(_, a, b)| a < sp.end && sp.start < b)
            .max_by_key(|&(_, a, b)| b.min(sp.end) - a.max(sp.start));
        if let Some((k, a, b)) = best {
            // Measure against the phrase without its article ("The U.N." is all U.N.).
            let text = &self.text[sp.start as usize..sp.end as usize];
            let article = ["the ", "The ", "a ", "A "].iter().find(|p| text.starts_with(*p)).map_or(0, |p| p.len());
            let start = sp.start + article as u32;
            let covered = (b.min(sp.end) - a.max(start)) as usize;
            // "The U.N. report", "the G7 joint statement": the organization speaks.
            let last = text.rsplit(' ').next().unwrap_or("");
            let document = matches!(last, "report" | "statement" | "communique" | "communiqué" | "announcement");
            if covered * 10 >= (sp.end - start) as usize * 6 || document {
                sp.entity = Some(k);
                // (A person the text only describes keeps the description as
                // written: "The head of the UN agency", not the entity's shorter
                // mention.)
                if !self.doc.entities[k].unnamed {
                    sp.name = self.doc.entities[k].name.clone();
                }
            }
        }
        sp
    }

    /// The entity a definite description before byte `at` stands for: a person
    /// named earlier whose role has the description's head noun (or a word that
    /// `data/role_words.tsv` makes its equal), the latest named; for "group",
    /// "militants" and their like, the armed group named last.
    fn role_holder(&self, desc: &str, at: u32) -> Option<usize> {
        let head = desc.rsplit(' ').next()?;
        let before = |e: &crate::stages::entities::EntityAnn| e.mentions.iter().filter(|m| m.0 < at).map(|m| m.0).max();
        if matches!(head, "group" | "militants" | "rebels" | "insurgents" | "movement" | "militia") {
            return self
                .doc
                .entities
                .iter()
                .enumerate()
                .filter(|(_, e)| e.kind == crate::record::EntityType::Group)
                .filter_map(|(k, e)| before(e).map(|p| (k, p)))
                .max_by_key(|&(_, p)| p)
                .map(|(k, _)| k);
        }
        // "the diplomats" after "top diplomats from the Group of Seven": the body
        // the same plural was said to come from.
        if head.ends_with('s') {
            let from = (0..self.toks.len())
                .rev()
                .filter(|&k| self.toks[k].start < at && self.lower(k) == head)
                .find_map(|k| {
                    let j = (k + 1..(k + 3).min(self.toks.len())).find(|&j| matches!(self.lower(j), "from" | "of"))?;
                    let pos = self.toks.get(j + 1)?.start;
                    let pos2 = self.toks.get(j + 2).map_or(pos, |t| t.start);
                    self.doc.entities.iter().position(|e| {
                        e.kind != crate::record::EntityType::Person
                            && e.mentions.iter().any(|m| m.0 == pos || m.0 == pos2)
                    })
                });
            if from.is_some() {
                return from;
            }
        }
        let words: &[&str] = ROLE_WORDS.get(head).map_or(&[], Vec::as_slice);
        if words.is_empty() {
            return None;
        }
        // The description's other words ("military" in "the military spokesperson")
        // prefer the holder whose role or title has them too.
        let modifiers: Vec<&str> = desc.split(' ').filter(|w| *w != head && w.len() > 2).collect();
        self.doc
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == crate::record::EntityType::Person)
            .filter(|(_, e)| {
                e.roles.iter().any(|r| {
                    let r = r.to_lowercase();
                    words.iter().any(|w| contains_word(&r, w))
                })
            })
            .filter_map(|(k, e)| before(e).map(|p| (k, e, p)))
            .max_by_key(|&(_, e, p)| {
                let agrees = modifiers.iter().any(|m| {
                    e.roles.iter().any(|r| contains_word(&r.to_lowercase(), m))
                        || e.mentions.iter().any(|&(s0, _)| {
                            let mut from = (s0 as usize).saturating_sub(40);
                            while !self.text.is_char_boundary(from) {
                                from += 1;
                            }
                            let before = &self.text[from..s0 as usize];
                            contains_word(&before.to_lowercase(), m)
                        })
                });
                (agrees, p)
            })
            .map(|(k, _, _)| k)
    }

    /// The person "he" or "she" at byte `at` refers to: the person named last
    /// before it (within the two sentences before), unless the last speaker was
    /// named later.
    fn last_person(&self, at: u32, last: Option<&SpeakerAnn>) -> Option<SpeakerAnn> {
        let floor = self.doc.sentence_at(at as usize).map_or(0, |s| self.doc.sentences[s.saturating_sub(2)].start);
        let named = self
            .doc
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == crate::record::EntityType::Person)
            .flat_map(|(k, e)| e.mentions.iter().map(move |&(a, b)| (k, a, b)))
            .filter(|&(_, a, _)| a < at && a >= floor)
            // "the Trump administration" names an office, not the person who speaks.
            .filter(|&(_, _, b)| {
                let rest = self.text[b as usize..].trim_start();
                let next = rest.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
                !matches!(
                    next,
                    "administration"
                        | "government"
                        | "campaign"
                        | "team"
                        | "camp"
                        | "family"
                        | "era"
                        | "presidency"
                        | "regime"
                        | "allies"
                        | "supporters"
                        | "cabinet"
                )
            })
            .map(|(k, a, _)| (k, a))
            .filter(|&(_, a)| {
                // Named after the last speaker, a person takes "he" from them only as a
                // subject: not as an object ("observed Alinejad", "an ally of Dodik").
                let after_speaker = last.is_some_and(|l| person_like(&l.name) && a > l.start);
                !after_speaker || self.subject_position(a)
            })
            .max_by_key(|&(_, a)| a);
        let speaker_pos = last.map_or(0, |l| l.start);
        match named {
            Some((k, a)) if a > speaker_pos || last.is_none_or(|l| !person_like(&l.name)) => {
                Some(SpeakerAnn { name: self.doc.entities[k].name.clone(), start: 0, end: 0, entity: Some(k) })
            }
            _ => None,
        }
    }

    /// The last list of two or more people named together ("Chuck Grassley,
    /// Jeanne Shaheen and Jim Risch") before byte `at` and after byte `after`,
    /// within the two sentences before: the list as written.
    fn people_listed_before(&self, at: u32, after: u32) -> Option<String> {
        let floor = self.doc.sentence_at(at as usize).map_or(0, |s| self.doc.sentences[s.saturating_sub(2)].start);
        let mut ms: Vec<(u32, u32)> = self
            .doc
            .entities
            .iter()
            .filter(|e| e.kind == crate::record::EntityType::Person)
            .flat_map(|e| e.mentions.iter().copied())
            .filter(|&(a, b)| a >= floor.max(after) && b <= at)
            .collect();
        ms.sort_unstable();
        // Runs of mentions joined by ", " or " and ".
        let joined = |x: (u32, u32), y: (u32, u32)| {
            let gap = self.text[x.1 as usize..y.0 as usize].trim();
            matches!(gap, "," | "and" | ", and")
        };
        let mut best: Option<(u32, u32, usize)> = None;
        let mut i = 0;
        while i < ms.len() {
            let mut j = i;
            while j + 1 < ms.len() && joined(ms[j], ms[j + 1]) {
                j += 1;
            }
            let closes_with_and = j > i && self.text[ms[j - 1].1 as usize..ms[j].0 as usize].contains("and");
            if closes_with_and {
                best = Some((ms[i].0, ms[j].1, j - i + 1));
            }
            i = j + 1;
        }
        best.map(|(a, b, _)| self.text[a as usize..b as usize].to_string())
    }

    /// Whether the name starting at byte `at` stands where a subject stands: first
    /// in its sentence, or after punctuation, a conjunction or capitalized words (a
    /// title) rather than after a verb or a preposition.
    fn subject_position(&self, at: u32) -> bool {
        let k = self.toks.partition_point(|t| t.start < at);
        if k == 0 || self.doc.sentence_at(at as usize) != self.doc.sentence_at(self.toks[k - 1].start as usize) {
            return true;
        }
        let prev = &self.toks[k - 1];
        if prev.kind != TokenKind::Word {
            return true;
        }
        let w = self.lower(k - 1);
        prev.text(self.text).starts_with(char::is_uppercase)
            || matches!(w, "and" | "but" | "that" | "while" | "when" | "as" | "because" | "after" | "before" | "since")
    }

    /// The noun phrase ending just before token `end` (walking left), at most 8 tokens.
    fn np_left(&self, end: usize, floor: usize) -> Option<(usize, usize)> {
        // "once he said", "the $18 million he says": the pronoun alone.
        if end > floor && matches!(self.lower(end - 1), "he" | "she" | "they" | "we" | "i" | "you" | "it") {
            return Some((end - 1, end));
        }
        // "Rep. Gwen Moore (D-Wis.) said": the name before the parenthesis.
        if end > floor + 1 && self.raw(end - 1) == ")" {
            if let Some(open) = (floor..end - 1).rev().take(8).find(|&k| self.raw(k) == "(") {
                return self.np_left(open, floor);
            }
        }
        // "..., who said", "which together vowed": the relative pronoun.
        if end > floor && self.relative_pronoun(end - 1) {
            return Some((end - 1, end));
        }
        // "…, many of whom say": the part of those named before.
        if end > floor + 2 && matches!(self.lower(end - 1), "whom" | "which") && self.lower(end - 2) == "of" {
            return Some((end - 3, end));
        }
        let mut a = end;
        while a > floor && end - a < 8 {
            let t = &self.toks[a - 1];
            let ok = match t.kind {
                TokenKind::Word => {
                    let w = self.lower(a - 1);
                    (!NP_STOP.contains(w) || self.name_word(a - 1) || (a == end && self.acronym(a - 1)))
                        && self.cue(a - 1).is_none()
                        && !self.in_time[a - 1]
                }
                TokenKind::Quote => t.has(flags::CLITIC) || (self.raw(a - 1) == "’" && t.attached()),
                // "73 percent said", "two-thirds of voters"
                TokenKind::Number => a < end,
                _ => false,
            };
            if !ok {
                break;
            }
            a -= 1;
        }
        // Drop a leading lowercase non-determiner run that is not a noun phrase start.
        (a < end).then_some((a, end))
    }

    /// The noun phrase starting at token `start` (walking right), at most 8 tokens.
    fn np_right(&self, start: usize, ceil: usize) -> Option<(usize, usize)> {
        // "said of Mrs. Clinton's plan", "said Friday": what was spoken of, or when.
        if matches!(self.lower(start), "of" | "in") || self.in_time.get(start).copied().unwrap_or(false) {
            return None;
        }
        let mut b = start;
        while b < ceil && b - start < 8 {
            let t = &self.toks[b];
            let ok = match t.kind {
                TokenKind::Word => {
                    let w = self.lower(b);
                    (!NP_STOP.contains(w)
                        || self.name_word(b)
                        || (self.acronym(b) && (b == start || is_determiner(self.lower(b - 1))))
                        || (b == start && matches!(w, "the" | "a" | "an" | "those" | "these")))
                        && self.cue(b).is_none()
                        // ("Hillary Clinton spoke out Tuesday", "the administration promptly")
                        && !(b > start
                            && (self.past_verb(b)
                                || self.in_time[b] && self.raw(b).starts_with(char::is_uppercase)
                                || self.raw(b).starts_with(char::is_lowercase)
                                    && self.is_adverb(b)
                                    && w != "only"
                                    && !is_determiner(self.lower(b - 1))))
                }
                // "a 52-count complaint", "one 2017 study"
                TokenKind::Number => b > start,
                _ => t.has(flags::CLITIC),
            };
            if !ok {
                break;
            }
            b += 1;
        }
        (b > start).then_some((start, b))
    }

    /// The channel after a cue: "told the AFP news agency", "told Reuters".
    fn channel_after(&self, from: usize, ceil: usize) -> Option<String> {
        let end = (from + 6).min(ceil);
        if from >= end {
            return None;
        }
        let window = &self.text[self.toks[from].start as usize..self.toks[end - 1].end as usize];
        MEDIA.iter().find(|m| contains_word(window, m)).map(|m| m.to_string())
    }

    /// "In an interview with Al Jazeera, ..." anywhere in the sentence.
    fn channel_interview(&self, a: usize, b: usize) -> Option<String> {
        let s = &self.text[self.toks[a].start as usize..self.toks[b - 1].end as usize];
        let lower = s.to_lowercase();
        for pat in ["interview with ", "speaking to ", "told "] {
            if let Some(p) = lower.find(pat) {
                let rest = &s[p + pat.len()..];
                let rest = rest.get(..rest.len().min(40)).unwrap_or(rest);
                if let Some(m) = MEDIA.iter().find(|m| contains_word(rest, m)) {
                    return Some(m.to_string());
                }
            }
        }
        None
    }

    /// Who said a direct quote: the reporting clause next to its marks, else any
    /// reporting clause in its sentence.
    fn attribute_direct(&self, m: &Marks, inside: &[bool]) -> Option<Attribution> {
        let close = m.close;
        // After the closing mark: ", said X" / ", X said" / " X said"
        let s_end = {
            let si = self.sent_of[close.min(self.toks.len() - 1)] as usize;
            self.sentence_range(si).1
        };
        if m.closed {
            let mut j = close + 1;
            if self.raw(j) == "," {
                j += 1;
            }
            if let Some(a) = self.clause_at(j, s_end, inside) {
                return Some(a);
            }
        }
        // Before the opening mark: "X said: “" / "X said, “" / "X said “"
        let s_start = self.sentence_range(self.sent_of[m.open] as usize).0;
        let mut k = m.open;
        if k > s_start && matches!(self.raw(k - 1), ":" | ",") {
            k -= 1;
        }
        if k > s_start {
            if let Some(c) = self.cue(k - 1) {
                // ("While noting “…,” Rasmussen expressed …": a participle opening the
                // sentence has the main clause's subject, after the comma.)
                let opening = k - 1 == s_start
                    || (k - 1 == s_start + 1
                        && matches!(
                            self.lower(s_start),
                            "while" | "after" | "before" | "when" | "in" | "by" | "since"
                        ));
                let after_comma = || {
                    // (The comma may stand inside the closing mark: `“…,” Rasmussen`.)
                    let c = if self.raw(m.close - 1) == "," {
                        m.close
                    } else {
                        (m.close + 1..s_end).find(|&x| self.raw(x) == ",")?
                    };
                    self.np_right(c + 1, s_end)
                };
                let sp = match c {
                    Cue::Participle if opening => after_comma(),
                    Cue::Participle => self.subject(s_start, k - 1),
                    _ => self.speaker_left(k - 1, s_start),
                };
                return Some(Attribution { speaker: sp, cue: (k - 1, k), channel: None, adjacent: true });
            }
            // "X told AFP: “"
            let mut v = k;
            while v > s_start && k - v < 6 {
                v -= 1;
                if self.cue(v) == Some(Cue::Object) {
                    let sp = self.speaker_left(v, s_start);
                    let channel = self.channel_after(v + 1, k);
                    return Some(Attribution { speaker: sp, cue: (v, v + 1), channel, adjacent: true });
                }
            }
        }
        // Any reporting clause in the quote's sentence, outside quotes.
        let (a, b) = self.sentence_range(self.sent_of[m.open] as usize);
        // Speech first: in "planned to discuss “…”, a source told AFP" the source speaks.
        // ("a Facebook message posted Friday": "posted" reports only with a "that".)
        let speech = |j: usize| match self.cue(j) {
            Some(Cue::Verb | Cue::Object | Cue::Participle) => true,
            Some(Cue::That) => self.lower(j + 1) == "that" || self.clause_opens(j + 1),
            _ => false,
        };
        let first_speech = (a..b).filter(|&j| !inside[j]).find(|&j| speech(j));
        let other = |j: usize| first_speech.is_none() || speech(j) || self.lower(j) == "according";
        for j in (a..b).filter(|&j| !inside[j] && other(j)) {
            if self.cue(j).is_some() {
                // "..., a Hamas source told AFP" (the NP on the left), else "..., said X".
                let left_is_word = j > a && self.toks[j - 1].kind == TokenKind::Word;
                // (After a comma: "…, told AFP" and "Sudani, posting on X, called the
                // death a “…”" have their speaker on the left; ", said X" not.)
                // (", said he hopes …", ", said that …": a clause follows, the speaker
                // is on the left.)
                let clause_next = is_subject_pronoun(self.lower(j + 1)) || self.lower(j + 1) == "that";
                let left = left_is_word
                    || ((self.cue(j) != Some(Cue::Verb) || clause_next) && j > a && self.raw(j - 1) == ",");
                let at = if left { self.clause_with_verb_at(j, a, b) } else { None };
                if let Some(at) = at.or_else(|| self.clause_at(j, b, inside)) {
                    // ("“…,” the spokesman for the ministry, Ali Omar, said on Tuesday":
                    // nothing after "said", the speaker stands before it.)
                    if at.speaker.is_none() && j > a && matches!(self.raw(j - 1), "," | "—" | "–" | "--") {
                        if let Some(left) = self.clause_with_verb_at(j, a, b).filter(|l| l.speaker.is_some()) {
                            return Some(Attribution { adjacent: false, ..left });
                        }
                    }
                    return Some(Attribution { adjacent: false, ..at });
                }
            }
            if self.cue(j).is_none() && self.lower(j) == "according" && self.lower(j + 1) == "to" {
                let sp = self.np_right(j + 2, b);
                return Some(Attribution { speaker: sp, cue: (j, j + 2), channel: None, adjacent: false });
            }
        }
        None
    }

    /// An attribution starting at token `j`: "said X", "X said", "he added".
    fn clause_at(&self, j: usize, ceil: usize, inside: &[bool]) -> Option<Attribution> {
        if j >= ceil || inside.get(j).copied().unwrap_or(true) {
            return None;
        }
        if let Some(c) = self.cue(j) {
            // ("called the death a “…”": a demand or a stance never puts its speaker after it.)
            if matches!(c, Cue::Participle | Cue::Object2 | Cue::To) {
                return None;
            }
            // "said X"; after "told" comes the addressee, not the speaker.
            // ("said another risk factor is …", "said following the ceremony that
            // …": a phrase the clause goes on after is none.)
            let sp = if c == Cue::Object { None } else { self.np_right(j + 1, ceil) };
            let sp = sp.filter(|&(s0, s1)| {
                let after = self.skip_tail(s1, ceil);
                !(self.lower(s0).ends_with("ing") && self.raw(s0).starts_with(char::is_lowercase))
                    && (after >= ceil
                        || !(is_aux(self.lower(after))
                            || self.lower(after) == "that"
                            || self.cue(after).is_some() && self.lower(after + 1) != "by"))
            });
            let sp = sp.map(|r| self.described(r, ceil));
            let channel = if c == Cue::Object { self.channel_after(j + 1, ceil) } else { None };
            return Some(Attribution { speaker: sp, cue: (j, j + 1), channel, adjacent: true });
        }
        // "X said" / "X told AFP"
        let np = self.np_right(j, ceil)?;
        let v = np.1;
        let c = self.cue(v)?;
        if c == Cue::Participle {
            return None;
        }
        // "“…” documenting the plan found on …": past a partial quote, a verb that
        // also takes objects attributes it only where the clause ends with it.
        if !matches!(c, Cue::Verb | Cue::Object) && !self.toks.get(v + 1).is_none_or(|t| t.kind == TokenKind::Punct) {
            return None;
        }
        let channel = if c == Cue::Object { self.channel_after(v + 1, ceil) } else { None };
        Some(Attribution { speaker: Some(np), cue: (v, v + 1), channel, adjacent: true })
    }

    /// "…, a Hamas source told the AFP news agency": the NP before the cue at `v`.
    fn clause_with_verb_at(&self, v: usize, floor: usize, ceil: usize) -> Option<Attribution> {
        let c = self.cue(v)?;
        let sp = if c == Cue::Participle { self.subject(floor, v) } else { self.speaker_left(v, floor) };
        let channel = if c == Cue::Object { self.channel_after(v + 1, ceil) } else { None };
        let channel = channel.or_else(|| self.channel_interview(floor, ceil));
        Some(Attribution { speaker: sp, cue: (v, v + 1), channel, adjacent: false })
    }

    /// The subject of the sentence starting at `a`: its first noun phrase, after
    /// any opening adverbial ("In an interview with Al Jazeera, ...").
    fn subject(&self, a: usize, before: usize) -> Option<(usize, usize)> {
        let mut start = a;
        // Skip a leading adverbial that ends in a comma within the first 12 tokens
        // (a time: "One day earlier, parliament voted …"; "While highly critical
        // of …, he has warned …" within 24).
        let window = if matches!(self.lower(a), "while" | "although" | "though") { 24 } else { 12 };
        if let Some(c) = (a..before.min(a + window)).find(|&k| self.raw(k) == ",") {
            let time = (a..c).all(|k| {
                self.in_time[k]
                    || self.toks[k].kind != TokenKind::Word
                    || matches!(self.lower(k), "on" | "earlier" | "later" | "ago")
            });
            if is_opener(self.lower(a)) || (time && self.in_time[a]) {
                start = c + 1;
            }
        }
        let s = self.past_conjunctions(start, before);
        let (n0, mut n1) = self.np_right(s, before)?;
        // "international and local media groups have condemned …": both modifiers.
        if n1 == n0 + 1 && self.raw(n0).starts_with(char::is_lowercase) && matches!(self.lower(n1), "and" | "or") {
            if let Some((_, e)) = self.np_right(n1 + 1, before).filter(|&(x, _)| !is_determiner(self.lower(x))) {
                n1 = e;
            }
        }
        // "Amina Yusuf spoke out …": a person's name the entities layer found
        // opening the phrase, with lowercase words after it, is the subject.
        let people = self.doc.entities.iter().filter(|e| e.kind == crate::record::EntityType::Person);
        let cut = people.flat_map(|e| e.mentions.iter()).find_map(|&(ms, me)| {
            (ms == self.toks[n0].start && me < self.toks[n1 - 1].end)
                .then(|| self.toks.partition_point(|t| t.end <= me))
        });
        match cut {
            Some(c) if c > n0 && c < n1 && self.raw(c).starts_with(char::is_lowercase) => Some((n0, c)),
            _ => Some((n0, n1)),
        }
    }

    /// Reported speech in sentence `si`: every reporting clause outside direct
    /// quotes whose content is not itself mostly a direct quote. Nested reports
    /// each count ("X said Y believes Z" is X's claim and Y's).
    fn reported(&self, si: usize, inside: &[bool], used: &[usize], last: &mut Option<SpeakerAnn>) -> Vec<QuoteAnn> {
        let (a, b) = self.sentence_range(si);
        let mut b_content = b;
        while b_content > a && matches!(self.toks[b_content - 1].kind, TokenKind::Punct) {
            b_content -= 1;
        }
        let s = &self.doc.sentences[si];
        let make = |ca: usize,
                    cb: usize,
                    sp: Option<(usize, usize)>,
                    cue: (usize, usize),
                    channel: Option<String>,
                    last: &Option<SpeakerAnn>|
         -> Option<QuoteAnn> {
            // Trim punctuation and "that" at the content's edges, and a dateline
            // ("WASHINGTON ―", "GAZA CITY (Reuters) -").
            let (mut ca, mut cb) = (ca, cb);
            if let Some(d) = self.dateline_end(ca, cb) {
                ca = d;
            }
            while ca < cb && (matches!(self.toks[ca].kind, TokenKind::Punct) || self.lower(ca) == "that") {
                ca += 1;
            }
            while cb > ca && matches!(self.toks[cb - 1].kind, TokenKind::Punct) {
                cb -= 1;
            }
            // "said in his interview", "said when she resigned", "called in to": a
            // phrase about the speaking, with no content, unless a "that" follows it.
            // (A phrase that a comma closes or a clause follows is the content's own:
            // "said in 1998, the party …", "said after the vote he would resign".)
            // (Verbs of speech only: "believe in", "described … as", "pointed to" take theirs.)
            // "what they describe as a joint operation": the thing described went before.
            let speech = matches!(self.cue(cue.0), Some(Cue::Verb | Cue::That | Cue::Object | Cue::Participle))
                || (self.cue(cue.0) == Some(Cue::Object2) && self.lower(ca) == "as");
            // ("wrote to the ministry on Monday": to whom, not what.)
            if speech && ca == cue.1 && ca < cb && (is_adjunct_start(self.lower(ca)) || self.lower(ca) == "to") {
                let that = (ca + 1..cb.min(ca + 12)).find(|&k| self.lower(k) == "that");
                let preposition = !matches!(
                    self.lower(ca),
                    "when" | "while" | "as" | "and" | "or" | "but" | "than" | "up" | "out" | "down" | "off" | "back"
                );
                let clause =
                    (ca + 1..cb.min(ca + 9)).any(|k| self.raw(k) == ",") || (ca + 1..cb).any(|k| is_aux(self.lower(k)));
                // "said in a statement the strike killed 12", "said on Telegram its
                // fighters had …": past a phrase of the channel that ends in its noun
                // or a name, the clause.
                // (And past times and "with CNN": "said in an interview with CNN he
                // would …", "said in 1998 the party …".)
                let opens_clause = |x: usize| {
                    x < cb
                        && (is_determiner(self.lower(x))
                            || is_subject_pronoun(self.lower(x))
                            || self.raw(x).starts_with(char::is_uppercase)
                            || self.toks[x].kind == TokenKind::Number)
                };
                let past_tail = |mut y: usize| loop {
                    if y < cb
                        && (self.in_time[y] || (y + 1 < cb && self.in_time[y + 1] && is_adjunct_start(self.lower(y))))
                    {
                        y += 1;
                    } else if y + 1 < cb && self.lower(y) == "with" && self.raw(y + 1).starts_with(char::is_uppercase) {
                        y += 2;
                        while y < cb
                            && self.toks[y].kind == TokenKind::Word
                            && self.raw(y).starts_with(char::is_uppercase)
                        {
                            y += 1;
                        }
                    } else {
                        return y;
                    }
                };
                let channel = (ca + 2..cb.min(ca + 8))
                    .find(|&x| {
                        let last = x - 1;
                        let noun = CHANNEL_NOUNS.contains(self.lower(last))
                            || (self.raw(last).starts_with(char::is_uppercase)
                                && matches!(self.lower(ca), "on" | "via"));
                        noun && matches!(self.lower(ca), "in" | "on" | "at" | "via" | "during")
                            && (ca + 1..last)
                                .all(|y| self.toks[y].kind == TokenKind::Word && !NP_STOP.contains(self.lower(y)))
                    })
                    .map(past_tail)
                    .or_else(|| Some(past_tail(ca)).filter(|&y| y > ca))
                    .filter(|&y| opens_clause(y) && self.lower(y) != "that");
                match (that, channel) {
                    (Some(t), _) => ca = t + 1,
                    (None, Some(x)) => ca = x,
                    (None, None) if preposition && clause => {}
                    (None, None) => return None,
                }
            }
            let words = (ca..cb).filter(|&k| matches!(self.toks[k].kind, TokenKind::Word | TokenKind::Number)).count();
            if words < 3 {
                return None;
            }
            // "He did not say which countries …", "officials would not say how many
            // were killed": a question left unanswered is nothing said (as "did not
            // say when" is).
            if speech
                && ca == cue.1
                && matches!(self.lower(ca), "which" | "how" | "why" | "where" | "whether" | "who" | "what" | "if")
                && (cue.0.saturating_sub(2)..cue.0)
                    .any(|k| matches!(self.lower(k), "not" | "n't" | "n’t" | "never" | "declined" | "refused"))
            {
                return None;
            }
            // "Everything Trump says is a lie": after "everything", "anything" … the
            // verb that follows is the writer's, not what was said; "What Lai said
            // was China must …": what follows the copula was said. ("a move analysts
            // say is aimed at …" stays the analysts' report.)
            if ca == cue.1 && matches!(self.raw(ca), "is" | "are" | "was" | "were") {
                // (The word before the speaker, or the speaker's first as read.)
                let before = sp.map_or("", |(x, _)| {
                    let first = self.lower(x);
                    if matches!(first, "everything" | "anything" | "nothing" | "something" | "what") || x <= a {
                        first
                    } else {
                        self.lower(x - 1)
                    }
                });
                match before {
                    "everything" | "anything" | "nothing" | "something" | "all" => return None,
                    "what" => ca += 1,
                    _ => {}
                }
            }
            // ("a move analysts say is aimed at …", "the rule the ministry says is
            // needed": the antecedent is no part of the speaker, who is the noun
            // phrase after a second article, or the plural or name before the verb.)
            let mut sp = sp;
            if let Some((x, y)) = sp.filter(|&(x, y)| {
                ca == cue.1 && y >= x + 3 && matches!(self.lower(x), "a" | "an" | "the") && is_aux(self.lower(ca))
            }) {
                let second = (x + 1..y - 1).rev().find(|&k| matches!(self.lower(k), "a" | "an" | "the"));
                let name = self.raw(y - 1).starts_with(char::is_uppercase);
                if let Some(d) = second {
                    sp = Some((d, y));
                } else if name || self.lower(y - 1).ends_with('s') {
                    let mut z = y - 1;
                    while name && z > x + 1 && self.raw(z - 1).starts_with(char::is_uppercase) {
                        z -= 1;
                    }
                    sp = Some((z, y));
                }
            }
            // Mostly a direct quote: the direct quote stands for it.
            let quoted = (ca..cb).filter(|&k| inside[k]).count();
            if quoted * 2 > cb - ca || (quoted > 0 && cb - ca - quoted < 4) {
                return None;
            }
            let speaker = sp.and_then(|r| self.speaker(r, last.as_ref()));
            Some(QuoteAnn {
                start: self.toks[ca].start,
                end: self.toks[cb - 1].end,
                direct: false,
                speaker,
                cue: Some(self.span_text(cue.0, cue.1)),
                channel,
                sent_start: s.start,
                sent_end: s.end,
                gap: None,
            })
        };
        let mut out = Vec::new();
        let mut push = |q: Option<QuoteAnn>, last: &mut Option<SpeakerAnn>| {
            if let Some(q) = q {
                if let Some(sp) = &q.speaker {
                    *last = Some(sp.clone());
                }
                out.push(q);
            }
        };
        // "Pence: Trump Was Mocking Clinton Camp", "Poll: Clinton Leads": a
        // headline's speaker before a colon.
        if let Some(c) = (a + 1..b_content.min(a + 6)).find(|&k| self.raw(k) == ":") {
            if self.colon_speaker(a, c) {
                // A turn in a transcript or an interview ("WALLACE: …", "VOA: …")
                // opening its paragraph runs to the paragraph's end.
                let para = self.doc.sentences[si].paragraph;
                let opens = si == 0 || self.doc.sentences[si - 1].paragraph != para;
                let mut last_si = si;
                while opens
                    && last_si + 1 < self.doc.sentences.len()
                    && self.doc.sentences[last_si + 1].paragraph == para
                {
                    last_si += 1;
                }
                let mut end = self.sentence_range(last_si).1;
                while end > c + 1 && matches!(self.toks[end - 1].kind, TokenKind::Punct) {
                    end -= 1;
                }
                let q = make(c + 1, end.max(b_content), Some((a, c)), (c, c + 1), None, last).map(|mut q| {
                    q.sent_end = self.doc.sentences[last_si].end;
                    q
                });
                push(q, last);
            }
        }
        let mut j = a;
        while j < b_content {
            let here = j;
            j += 1;
            if inside[here] || used.contains(&here) {
                continue;
            }
            // "according to X, CONTENT" / "CONTENT, according to X"
            if self.lower(here) == "according" && self.lower(here + 1) == "to" {
                let Some(np) = self.np_right(here + 2, b_content) else { continue };
                // "…, according to the U.N., and …": the clause before it.
                // (A long source runs to the end: "…, according to the event organizer
                // Alliance to Reclaim Our Schools (AROS)".)
                let closes = np.1 >= b_content - 1
                    || self.raw(np.1) == ","
                    || ((np.1 - np.0 >= 6 || b_content - np.1 <= 12)
                        && !(np.1..b_content).any(|k| self.cue(k).is_some()));
                if here == a {
                    push(make(np.1, b_content, Some(np), (here, here + 2), None, last), last);
                } else if self.raw(here - 1) == "," && closes {
                    push(make(a, here - 1, Some(np), (here, here + 2), None, last), last);
                }
                j = np.1;
                continue;
            }
            let Some(c) = self.cue(here) else { continue };
            let ce = self.cue_end(here);
            j = ce;
            match c {
                Cue::Participle => {
                    // "..., saying the group was ready": the speaker is the subject.
                    if here > a && self.raw(here - 1) == "," {
                        let q = match self.subject(a, here) {
                            Some(sp) => make(ce, b_content, Some(sp), (here, ce), None, last),
                            // "“…,” said Chaudhry, adding that …": the quote's speaker.
                            None => make(ce, b_content, None, (here, ce), None, last).map(|mut q| {
                                q.speaker = last.clone();
                                q
                            }),
                        };
                        push(q, last);
                    }
                }
                Cue::Verb | Cue::Object | Cue::That | Cue::To | Cue::Object2 => {
                    // "CONTENT, X says" / "CONTENT, says X" near the end of the clause.
                    // ("…, a source familiar with the talks told": the phrase with its "with".)
                    let left_np = self
                        .np_left(here, a)
                        .map(|(s0, s1)| self.with_phrase(s0, s1, a).unwrap_or((s0, s1)))
                        .map(|(s0, s1)| (self.coordinated(s0, a), s1));
                    let before_comma = here > a + 1
                        && (self.raw(here - 1) == ","
                            || left_np.is_some_and(|(s0, _)| s0 > a && self.raw(s0 - 1) == ","));
                    if before_comma && matches!(c, Cue::Verb | Cue::That | Cue::Object) {
                        let np_start = if self.raw(here - 1) == "," { here } else { left_np.map_or(here, |r| r.0) };
                        let sp = if self.raw(here - 1) == "," {
                            // "X, a chairman, said he cannot …": a clause follows, not a speaker.
                            // ("…, said nothing": what was said, not who.)
                            self.np_right(ce, b_content)
                                .filter(|&(s0, s1)| {
                                    (s1 == s0 + 1 || !is_subject_pronoun(self.lower(s0)))
                                        && !matches!(
                                            self.lower(s0),
                                            "nothing" | "little" | "much" | "something" | "anything" | "so" | "this"
                                        )
                                        && self.speaker_like(s0, s1)
                                })
                                .map(|r| self.described(r, b_content))
                        } else {
                            left_np
                        };
                        // "…, top lawmakers said Friday", "…, said one source in the room".
                        // ("…, a senior official told reporters": past the addressee.)
                        let addressee = if c == Cue::Object && self.raw(here - 1) != "," {
                            self.addressee_end(ce, b_content).unwrap_or(ce)
                        } else {
                            ce
                        };
                        let after = self.skip_tail(sp.map_or(addressee, |r| r.1.max(addressee)), b_content);
                        // ("Another poll, however, found …": a subject and an aside
                        // before the comma, no clause.)
                        let mut c_end = np_start - 1;
                        if c_end > a + 1
                            && matches!(
                                self.lower(c_end - 1),
                                "however"
                                    | "though"
                                    | "meanwhile"
                                    | "too"
                                    | "also"
                                    | "instead"
                                    | "therefore"
                                    | "moreover"
                            )
                        {
                            c_end -= 1;
                            while c_end > a && self.raw(c_end - 1) == "," {
                                c_end -= 1;
                            }
                        }
                        if c_end > a + 2 && np_start > a + 3 && (after >= b_content || self.raw(after) == ",") {
                            push(make(a, np_start - 1, sp, (here, ce), None, last), last);
                            continue;
                        }
                    }
                    // "people accused of rape", "a man described by police as": a participle;
                    // "a group called the Patriotic Front": a name.
                    if c == Cue::Object2
                        && (matches!(
                            self.lower(ce),
                            "of" | "by" | "into" | "onto" | "through" | "on" | "in" | "at" | "during"
                        ) || (here > a + 1 && matches!(self.lower(here - 2), "a" | "an")))
                    {
                        continue;
                    }
                    // "the proposed deal", "Israel's plans to": a noun or an adjective, not a report.
                    if here > a
                        && (is_determiner(self.lower(here - 1))
                            || (self.toks[here - 1].has(flags::CLITIC) && !self.lower(here - 1).ends_with('t')))
                    {
                        continue;
                    }
                    // "X said (on Tuesday) (that) CONTENT" / "X told Y (that) CONTENT"
                    let Some(sp) = self.speaker_left(here, a) else { continue };
                    let mut k = ce;
                    let mut channel = None;
                    match c {
                        Cue::Object => {
                            // the addressee, up to "that" or ","
                            channel = self.channel_after(k, b_content);
                            let stop = (k..b_content.min(k + 12))
                                .find(|&x| self.lower(x) == "that" || self.raw(x) == "," || self.raw(x) == ":");
                            // "told his advisers to find a way": an order, with its addressee.
                            let order = (k + 1..b_content.min(k + 6)).find(|&x| self.lower(x) == "to");
                            // "told reporters (on Tuesday) the talks would resume": a
                            // clause right after the addressee.
                            let clause = self
                                .addressee_end(k, b_content)
                                .map(|e| self.skip_tail(e, b_content))
                                .filter(|&x| x < b_content && self.clause_opens(x));
                            match (stop, clause, order) {
                                (Some(x), _, _) => k = x,
                                (None, Some(x), _) => k = x,
                                (None, None, Some(_)) => {}
                                (None, None, None) => continue,
                            }
                        }
                        // "pledged to continue", "hopes that": nothing else is a report.
                        Cue::To => {
                            while k < b_content && self.is_adverb(k) {
                                k += 1;
                            }
                            if !matches!(self.lower(k), "to" | "that") {
                                continue;
                            }
                        }
                        Cue::Object2 => {}
                        _ => {
                            // "announced Wednesday it would …": a time before the content is not part of it.
                            while k < b_content && self.in_time[k] {
                                k += 1;
                            }
                            // "said on Wednesday that", "indicated in talks with US representatives that";
                            // not "said the test could change that".
                            let comp = (k..b_content.min(k + 11)).find(|&x| {
                                self.lower(x) == "that"
                                    && (x + 1..b_content).filter(|&y| self.toks[y].kind == TokenKind::Word).count() >= 2
                                    && !(k..x).any(|y| is_aux(self.lower(y)) || self.cue(y).is_some())
                            });
                            if let Some(x) = comp {
                                if (k..x).all(|y| !inside[y]) {
                                    k = x;
                                }
                            } else if c == Cue::That && !self.clause_opens(k) {
                                // "announced it would": a clause without "that" is content too.
                                continue;
                            }
                        }
                    }
                    let channel = channel.or_else(|| self.channel_interview(a, b_content));
                    // "Trump, who has called for tax hikes, said …": a relative clause
                    // between commas ends at the second.
                    let relative = sp.1 == sp.0 + 1 && sp.0 > a && self.raw(sp.0 - 1) == ",";
                    // ("While he acknowledged funding was a reason, Ham noted …": a
                    // subordinate clause opening the sentence ends at its comma.)
                    let subordinate =
                        sp.0 == a + 1 && matches!(self.lower(a), "while" | "although" | "though" | "whereas");
                    let end = if (relative && self.relative_pronoun(sp.0)) || subordinate {
                        (k..b_content).find(|&x| self.raw(x) == ",").unwrap_or(b_content)
                    } else {
                        b_content
                    };
                    push(make(k, end, Some(sp), (here, ce), channel, last), last);
                }
            }
        }
        // "Martin said the evidence was weak, while Perkins said …": the first
        // report ends where the clause of the next one begins.
        for k in 1..out.len() {
            let Some(next_sp) = out[k].speaker.as_ref().map(|sp| sp.start) else { continue };
            let from = self.toks.partition_point(|t| t.start < next_sp);
            let prev = &out[k - 1];
            // (After a bare "and", only a new subject that speaks: "… and the militia
            // said …", not "… shootings and protests demands …".)
            let speaks = out[k].cue.as_deref().and_then(|c| c.split(' ').next()).is_some_and(|c| {
                matches!(CUES.0.get(c.to_lowercase().as_str()), Some(Cue::Verb | Cue::Object | Cue::That))
            }) && (is_determiner(self.lower(from))
                || self.raw(from).starts_with(char::is_uppercase)
                || is_pronoun(self.lower(from)));
            let cut = (from.saturating_sub(12)..from).rev().find(|&p| {
                self.toks[p].start > prev.start
                    && self.toks[p].end < prev.end
                    && (self.raw(p) == ";"
                        // ("… 12 fighters and the militia said …")
                        || (speaks && p + 1 == from && matches!(self.lower(p), "and" | "but" | "while" | "whereas"))
                        || (self.raw(p) == ","
                            && matches!(
                                self.lower(p + 1),
                                "while" | "but" | "and" | "whereas" | "although" | "though"
                            )))
            });
            // "called the bank's conduct outrageous and called for …": a second
            // verb of the same subject ends the first report at its "and".
            let coordinated = || {
                let first = out[k].cue.as_deref()?.split(' ').next()?;
                if CUES.0.get(first.to_lowercase().as_str()) == Some(&Cue::To) {
                    return None;
                }
                let content = self.toks.partition_point(|t| t.start < out[k].start);
                let v = (content.saturating_sub(12)..content).rev().find(|&v| self.raw(v) == first)?;
                let mut c = v;
                while c > 0 && (self.is_adverb(c - 1) || LEFT_ADVERBS.contains(self.lower(c - 1))) {
                    c -= 1;
                }
                let and = c.checked_sub(1)?;
                let inside = self.toks[and].start > prev.start && self.toks[and].end < prev.end;
                (inside && matches!(self.lower(and), "and" | "but")).then_some(and)
            };
            let cut = cut.or_else(coordinated);
            if let Some(p) = cut {
                let mut p = p;
                while p > 0 && self.raw(p - 1) == "," {
                    p -= 1;
                }
                let end = self.toks[p - 1].end;
                if end > out[k - 1].start {
                    out[k - 1].end = end;
                }
            }
        }
        out
    }

    /// Token `k` opens a clause: a subject pronoun and an auxiliary ("it would",
    /// "he was", "they had").
    fn clause_opens(&self, k: usize) -> bool {
        if is_subject_pronoun(self.lower(k)) {
            return is_aux(self.lower(k + 1));
        }
        // "acknowledged funding was a major reason": a bare noun and its auxiliary.
        if self.toks.get(k).is_some_and(|t| t.kind == TokenKind::Word)
            && self.raw(k).starts_with(char::is_lowercase)
            && !NP_STOP.contains(self.lower(k))
            && !is_determiner(self.lower(k))
            && self.cue(k).is_none()
            && matches!(self.lower(k + 1), "was" | "were" | "is" | "are" | "had" | "has" | "have" | "would" | "will")
        {
            return true;
        }
        // "one study found Trump would raise taxes", "a panel found the United
        // States was in breach": a subject and, within a few words, an auxiliary
        // (not one of a relative clause: "announced the arrest of a man who was …").
        let opens = self.raw(k).starts_with(char::is_uppercase)
            || matches!(self.lower(k), "the" | "a" | "an" | "his" | "her" | "their" | "its")
            || self.toks.get(k).is_some_and(|t| t.kind == TokenKind::Number);
        opens
            && (k + 1..(k + 7).min(self.toks.len()))
                .take_while(|&x| {
                    self.toks[x].kind != TokenKind::Punct && !matches!(self.lower(x), "who" | "which" | "that")
                })
                .any(|x| is_aux(self.lower(x)))
    }

    /// Past what may close a reporting clause after its cue or speaker: times
    /// ("Friday", "on Tuesday"), and a phrase that runs to the clause's end from a
    /// preposition or "who" ("in a statement", "in the room", "who asked not to
    /// be named"). Returns the first token not skipped.
    fn skip_tail(&self, mut k: usize, end: usize) -> usize {
        while k < end && (self.in_time[k] || (k + 1 < end && self.in_time[k + 1] && is_adjunct_start(self.lower(k)))) {
            k += 1;
        }
        // ("to pay more": an infinitive goes on with a clause.)
        let infinitive = self.lower(k) == "to"
            && self.raw(k + 1).starts_with(char::is_lowercase)
            && self.toks.get(k + 1).is_some_and(|t| t.kind == TokenKind::Word)
            && !is_determiner(self.lower(k + 1));
        if k < end
            && !infinitive
            && (matches!(self.lower(k), "in" | "on" | "at" | "to" | "from" | "of" | "with" | "who" | "via"))
        {
            let stop = (k..end).find(|&x| self.raw(x) == ",").unwrap_or(end);
            if stop - k <= 10 && !(k..stop).any(|x| self.lower(x) == "that" || self.toks[x].kind == TokenKind::Quote) {
                return stop;
            }
        }
        k
    }

    /// The token after a dateline opening tokens `[a, b)`: capitalized place
    /// words, an agency in parentheses, a dash.
    fn dateline_end(&self, a: usize, b: usize) -> Option<usize> {
        let mut k = a;
        while k < b && k - a < 8 {
            let raw = self.raw(k);
            match self.toks[k].kind {
                TokenKind::Word if raw.chars().all(|c| !c.is_lowercase()) => {}
                TokenKind::Word if k > a && matches!(self.raw(k - 1), "(" | ",") => {}
                _ if matches!(raw, "(" | ")" | "," | "/") && k > a => {}
                _ if k > a && matches!(raw, "—" | "―" | "–" | "-" | "--") => return Some(k + 1),
                _ => return None,
            }
            k += 1;
        }
        None
    }

    /// Tokens `[a, c)` before a colon name who speaks: a person, a body or an
    /// outlet the entities layer found there (not a country: "Ukraine: …" labels a
    /// place), a document ("Poll:") or a speaking role ("UN envoy:").
    fn colon_speaker(&self, a: usize, c: usize) -> bool {
        if !(a..c).all(|k| self.toks[k].kind == TokenKind::Word || self.toks[k].has(flags::CLITIC)) {
            return false;
        }
        let last = self.lower(c - 1);
        if matches!(
            last,
            "poll"
                | "survey"
                | "report"
                | "study"
                | "chief"
                | "envoy"
                | "minister"
                | "spokesman"
                | "spokeswoman"
                | "spokesperson"
                | "official"
                | "officials"
        ) {
            return true;
        }
        let (s, e) = (self.toks[a].start, self.toks[c - 1].end);
        // ("WATCH:", "UPDATE:": a word in capitals that no dictionary knows is a label.)
        let shouted = c == a + 1 && !self.raw(a).chars().any(char::is_lowercase);
        // "WALLACE:": a transcript names a speaker by the surname in capitals.
        if shouted && self.raw(a).chars().count() > 2 {
            let surname = self.raw(a);
            let person = self.doc.entities.iter().any(|en| {
                en.kind == crate::record::EntityType::Person
                    && en.name.rsplit(' ').next().is_some_and(|w| w.eq_ignore_ascii_case(surname))
            });
            if person {
                return true;
            }
        }
        self.doc.entities.iter().any(|en| {
            matches!(
                en.kind,
                crate::record::EntityType::Person
                    | crate::record::EntityType::Organization
                    | crate::record::EntityType::Group
                    | crate::record::EntityType::Media
            ) && (!shouted || en.kb.is_some())
                && en.mentions.iter().any(|&(ms, me)| me == e && ms >= s)
        })
    }

    /// An adverb between a cue and its content ("pledged again to", "hopes soon to").
    fn is_adverb(&self, k: usize) -> bool {
        let w = self.lower(k);
        w.len() > 4 && w.ends_with("ly") || matches!(w, "again" | "not" | "never" | "also" | "still" | "once")
    }

    /// The speaker of a cue at `v`, looking left: the noun phrase right before it,
    /// or before an auxiliary ("has pledged"), or before a parenthetical
    /// ("Netanyahu, speaking to families on Tuesday, said"); an NP that itself
    /// follows a parenthetical comma gives way to the sentence's subject.
    fn speaker_left(&self, v: usize, floor: usize) -> Option<(usize, usize)> {
        // "to assert their rights", "refused to comment": an infinitive has no
        // speaker of its own.
        if v > floor && self.lower(v - 1) == "to" {
            return None;
        }
        // "The White House is saying": the subject stands before the auxiliary.
        let v = v - self.aux_ing(v).min(v - floor);
        if let Some(p) = self.channel_pp(v, floor) {
            return self.speaker_left(p, floor);
        }
        // "Police arrested two men and said …": the subject of the first verb.
        let mut c = v;
        while c > floor && (LEFT_ADVERBS.contains(self.lower(c - 1)) || matches!(self.lower(c - 1), "also" | "later")) {
            c -= 1;
        }
        // (Not "said he posed a threat and refused to …": a commitment after "and"
        // most often goes on with the reported clause.)
        if c > floor + 2
            && self.cue(v) != Some(Cue::To)
            && matches!(self.lower(c - 1), "and" | "but")
            && (matches!(self.toks[c - 2].kind, TokenKind::Word | TokenKind::Quote) || self.raw(c - 2) == ",")
        {
            return self.subject(floor, c - 1);
        }
        // "Guterres strongly condemned": the adverb is not part of the speaker.
        let adverb = v > floor
            && (self.is_adverb(v - 1)
                || self.in_time[v - 1]
                || LEFT_ADVERBS.contains(self.lower(v - 1))
                || self.adverbial_left(v, floor).is_some());
        let direct = if adverb {
            self.skip_aux_np(v, floor)
        } else {
            self.np_left(v, floor).or_else(|| self.skip_aux_np(v, floor))
        };
        if let Some((s0, s1)) = direct {
            // "Armed men who boarded the train told", "officials who spoke on
            // condition of anonymity said": the relative clause's antecedent.
            let who = (floor + 1..s0)
                .rev()
                .take(10)
                .take_while(|&k| self.toks[k].kind == TokenKind::Word && self.cue(k).is_none())
                .find(|&k| self.relative_pronoun(k));
            // (Not "the incident which consular officials said occurred": there the
            // phrase after "which" is the subject of the clause.)
            let verb = |k: usize| {
                let w = self.lower(k);
                self.raw(k).starts_with(char::is_lowercase)
                    && (w.ends_with("ed") || is_aux(w) || IRREGULAR_PAST.contains(w))
            };
            let relative = s1 > s0 + 1 || !self.relative_pronoun(s0);
            let relative = relative && who.is_some_and(|w| w + 1 < s0 || verb(s0));
            if let Some(w) = who.filter(|&w| relative && self.toks[w - 1].kind == TokenKind::Word) {
                let one =
                    matches!(self.lower(w - 1), "those" | "anyone" | "people" | "others" | "many" | "some" | "all");
                // ("Those who fled the town said": the pronoun needs its clause.)
                let antecedent = self.np_left(w, floor);
                if one && antecedent.is_none_or(|r| r.0 == w - 1) {
                    return Some((w - 1, s1));
                }
                if let Some(r) = antecedent.filter(|r| r.1 == w).map(|r| self.trim_np(r)) {
                    return Some(self.with_phrase(r.0, r.1, floor).unwrap_or(r));
                }
            }
            // "Those close to him say": an object pronoun ends a longer subject.
            if s1 == s0 + 1 && matches!(self.lower(s0), "him" | "her" | "them" | "us" | "me") {
                return self.subject(floor, v).map(|(h0, _)| (h0, s1)).filter(|&(h0, _)| h0 < s0);
            }
            if let Some(r) = self.with_phrase(s0, s1, floor) {
                return Some(self.named_before(r, floor).unwrap_or(r));
            }
            // "images of a letter the minister said": the last phrase.
            let (s0, s1) = self.trim_np((s0, s1));
            // "military and vigilante sources said": coordinated modifiers.
            let s0 = self.coordinated(s0, floor);
            // ("…, among them Amina Yusuf, who says": "who" stands for her.)
            if s1 == s0 + 1 && self.relative_pronoun(s0) {
                return Some((s0, s1));
            }
            // ("Speaking at a rally in Novi, Michigan, Trump says", "More than health
            // care, Mr. Obama believes": a name or an opening phrase keeps the NP.)
            let named = (s0..s1).any(|k| self.raw(k).starts_with(char::is_uppercase) && k > floor)
                || (s1 == s0 + 1 && is_pronoun(self.lower(s0)));
            if s0 > floor
                && self.raw(s0 - 1) == ","
                && self.sent_has_comma_pair(floor, s0)
                && !named
                && !is_opener(self.lower(floor))
            {
                return self.subject(floor, s0 - 1).or(Some((s0, s1)));
            }
            return Some((s0, s1));
        }
        // Skip back over ", ... ," and any auxiliary.
        let mut k = v;
        while k > floor && matches!(self.lower(k - 1), "has" | "have" | "had" | "also" | "reportedly") {
            k -= 1;
        }
        // "Al-Sharaa — leader of the group … — said": the name before the dashes.
        if k > floor + 1 && matches!(self.raw(k - 1), "—" | "–" | "--") {
            let dash = self.raw(k - 1);
            if let Some(open) = (floor + 1..k - 1).rev().find(|&x| self.raw(x) == dash) {
                return self.np_left(open, floor);
            }
        }
        if k > floor && self.raw(k - 1) == "," {
            // ("Schiff, 56, who has served on the committee for a decade, told":
            // past an age or a relative clause, the sentence's subject.)
            let Some(open) = (floor..k - 1).rev().find(|&x| self.raw(x) == ",") else {
                return self.subject(floor, v);
            };
            // "Amirov’s lawyer, Michael Martin, said": the name between the commas.
            if self.is_name(open + 1, k - 1) {
                return Some((open + 1, k - 1));
            }
            // ("A college student in Beijing, who spoke …, said": the student.)
            let np = self.np_left(open, floor).map(|(s0, s1)| self.with_phrase(s0, s1, floor).unwrap_or((s0, s1)));
            // ("Mark Pell, deputy assistant secretary of state in the Bureau of …,
            // with responsibility for …, said": a phrase cut off inside a longer
            // apposition gives way to the named subject before it.)
            // (Nor does an apposition of that name: "Mark Pell, deputy …, with …, said".)
            if let Some((s0, _)) = np.filter(|&(s0, _)| s0 > floor) {
                let cut = self.raw(s0 - 1) != ",";
                let first = self.past_conjunctions(floor, v);
                let subj = self.np_right(first, v).filter(|&(x, y)| self.raw(y) == "," && self.is_name(x, y));
                if let Some((x, y)) = subj.filter(|&(_, y)| cut || y + 1 == s0) {
                    return Some((x, y));
                }
            }
            return np.or_else(|| self.subject(floor, v));
        }
        None
    }

    /// The person's name at the end of a speaker phrase, after any titles and
    /// descriptions ("Hamas official Ghazi Hamad" → "Ghazi Hamad"). `None` when
    /// the phrase is all name already, ends in a common noun ("a Hamas source"),
    /// or what is left is an acronym ("the U.N.").
    fn proper_name(&self, a: usize, b: usize) -> Option<(usize, usize)> {
        let capital = |k: usize| self.toks[k].kind == TokenKind::Word && self.raw(k).starts_with(char::is_uppercase);
        let mut s = b;
        while s > a && capital(s - 1) {
            s -= 1;
        }
        while s < b && TITLES.contains(self.raw(s)) {
            s += 1;
        }
        // ("expert Soli Ozel of Istanbul's Kadir Has University": the person's name
        // before the "of" of their affiliation.)
        let before_of = (a + 2..b).find(|&o| self.lower(o) == "of").and_then(|o| {
            let r = self.word_run_left(o, a, o - a, true);
            let person = o - r >= 2
                && r > a
                && self.raw(r - 1).starts_with(char::is_lowercase)
                && self.is_name(r, o)
                && self.person_ends(r, o);
            person.then_some((r, o))
        });
        if before_of.is_some() {
            return before_of;
        }
        // "Experts on North Korea": the name is what they speak of, not who speaks.
        if s == a || s >= b || matches!(self.lower(s - 1), "of" | "on" | "for" | "from" | "at" | "in" | "with") {
            return None;
        }
        let acronym = (s..b).all(|k| self.raw(k).contains('.') || self.raw(k).chars().all(|c| !c.is_lowercase()));
        (!acronym).then_some((s, b))
    }

    /// Tokens `[a, b)` are a proper name: one to four capitalized words.
    fn is_name(&self, a: usize, b: usize) -> bool {
        b > a
            && b - a <= 4
            && (a..b).all(|k| {
                let t = &self.toks[k];
                t.kind == TokenKind::Word && self.raw(k).chars().next().is_some_and(char::is_uppercase)
            })
    }

    /// "Experts on North Korea said", "The head of the agency said", "A student
    /// in Beijing said": the subject with its prepositional phrase, where the NP
    /// `[s0, s1)` follows a preposition after a phrase that opens the clause.
    /// (Not "diplomats from the Group of Seven": the body they came from speaks.)
    fn with_phrase(&self, s0: usize, s1: usize, floor: usize) -> Option<(usize, usize)> {
        if s0 > floor + 1 && matches!(self.lower(s0 - 1), "of" | "on" | "for" | "at" | "in" | "with") {
            let (h0, _) = self.np_left(s0 - 1, floor)?;
            // (Not "…, resulted in total losses": a verb is no head.)
            let w = self.lower(h0);
            if self.raw(h0).starts_with(char::is_lowercase) && (w.ends_with("ed") || IRREGULAR_PAST.contains(w)) {
                return None;
            }
            if h0 == floor || self.raw(h0 - 1) == "," && self.toks[h0].kind == TokenKind::Word {
                return Some((h0, s1));
            }
        }
        None
    }

    /// "Israeli officials have indicated": the NP before an auxiliary or adverb.
    fn skip_aux_np(&self, v: usize, floor: usize) -> Option<(usize, usize)> {
        let mut k = v;
        while k > floor
            && (matches!(
                self.lower(k - 1),
                "has"
                    | "have"
                    | "had"
                    | "also"
                    | "reportedly"
                    | "later"
                    | "previously"
                    | "earlier"
                    | "repeatedly"
                    | "again"
                    | "publicly"
                    | "since"
                    | "further"
                    | "not"
                    | "n't"
                    | "n’t"
                    | "cannot"
                    | "never"
                    | "would"
                    | "will"
                    | "did"
                    | "does"
                    | "do"
            ) || self.is_adverb(k - 1)
                || self.in_time[k - 1]
                || LEFT_ADVERBS.contains(self.lower(k - 1))
                || (k < v && self.in_time[k] && matches!(self.lower(k - 1), "on" | "in" | "at" | "during" | "by")))
        {
            k -= 1;
        }
        // "has so far refused", "has at various times said": an adverbial phrase.
        if let Some(x) = self.adverbial_left(k, floor) {
            return self.skip_aux_np(x, floor);
        }
        // "The ministry in a statement said", "Trump on Twitter wrote".
        if let Some(p) = self.channel_pp(k, floor) {
            return self.skip_aux_np(p, floor).or_else(|| self.np_left(p, floor));
        }
        if k == v {
            return None;
        }
        self.np_left(k, floor)
    }

    /// The start of the run of at most `max` words ending before `end` (not
    /// before `floor`) that open with a capital (`upper`) or a lowercase letter.
    fn word_run_left(&self, end: usize, floor: usize, max: usize, upper: bool) -> usize {
        let mut x = end;
        while x > floor && end - x < max && self.toks[x - 1].kind == TokenKind::Word && {
            let first = self.raw(x - 1).chars().next();
            first.is_some_and(|c| if upper { c.is_uppercase() } else { c.is_lowercase() })
        } {
            x -= 1;
        }
        x
    }

    /// "Hassan Omar, regional adviser at the WHO said": the name a description of
    /// a person stands in apposition to, before its comma.
    fn named_before(&self, (s0, s1): (usize, usize), floor: usize) -> Option<(usize, usize)> {
        if s0 < floor + 2 || self.raw(s0 - 1) != "," || !(s0..s1).any(|k| person_noun(self.lower(k))) {
            return None;
        }
        let y = s0 - 1;
        let x = self.word_run_left(y, floor, 4, true);
        let opens = x == floor || matches!(self.toks[x - 1].kind, TokenKind::Punct | TokenKind::Quote);
        (x < y && opens && self.is_name(x, y) && !is_determiner(self.lower(x))).then_some((x, y))
    }

    /// The start of a phrase starting at `s0` with a modifier coordinated before
    /// it ("military and vigilante sources", "international and local groups").
    fn coordinated(&self, s0: usize, floor: usize) -> usize {
        let ok = s0 >= floor + 2
            && matches!(self.lower(s0 - 1), "and" | "or")
            && self.toks[s0 - 2].kind == TokenKind::Word
            && self.raw(s0 - 2).starts_with(char::is_lowercase)
            && self.cue(s0 - 2).is_none()
            && !is_determiner(self.lower(s0))
            && self.raw(s0).starts_with(char::is_lowercase)
            && (s0 - 2 == floor
                || matches!(self.toks[s0 - 3].kind, TokenKind::Punct)
                || is_determiner(self.lower(s0 - 3)));
        if !ok {
            return s0;
        }
        if s0 - 2 > floor && is_determiner(self.lower(s0 - 3)) {
            s0 - 3
        } else {
            s0 - 2
        }
    }

    /// The end of the addressee starting at `k` after "told": a short noun phrase
    /// that a determiner or a pronoun after its first word ends ("reporters",
    /// "the AFP news agency", "the court", "VOA").
    fn addressee_end(&self, k: usize, ceil: usize) -> Option<usize> {
        let mut e = k;
        while e < ceil && e - k < 5 {
            let w = self.lower(e);
            let word = matches!(self.toks[e].kind, TokenKind::Word | TokenKind::Number);
            let stop = NP_STOP.contains(w)
                || (e > k && (is_determiner(w) || is_subject_pronoun(w)))
                || (e == k && is_subject_pronoun(w))
                || self.cue(e).is_some();
            if !word || stop {
                break;
            }
            e += 1;
        }
        (e > k).then_some(e)
    }

    /// A speaker phrase after its cue with the description that follows it ("a
    /// diplomat close to the talks", "a source familiar with the plan").
    fn described(&self, (s0, s1): (usize, usize), ceil: usize) -> (usize, usize) {
        let adjective = matches!(
            self.lower(s1 - 1),
            "close" | "familiar" | "linked" | "loyal" | "allied" | "affiliated" | "opposed" | "privy"
        );
        if !adjective {
            return (s0, s1);
        }
        let mut e = self.skip_tail(s1, ceil);
        while e > s1 && !matches!(self.toks[e - 1].kind, TokenKind::Word | TokenKind::Number) {
            e -= 1;
        }
        (s0, e)
    }

    /// A noun phrase found walking left may run over a verb into another phrase
    /// ("interviewed a veteran"): it starts at its last inner determiner after a
    /// lowercase word other than "of".
    fn trim_np(&self, (a, b): (usize, usize)) -> (usize, usize) {
        let d = (a + 1..b).rev().find(|&d| {
            matches!(self.lower(d), "a" | "an" | "the")
                && self.raw(d - 1).starts_with(char::is_lowercase)
                && self.toks[d - 1].kind == TokenKind::Word
                && !matches!(
                    self.lower(d - 1),
                    "of" | "and" | "or" | "for" | "at" | "in" | "with" | "from" | "to" | "on" | "by" | "near" | "over"
                )
        });
        (d.unwrap_or(a), b)
    }

    /// The first token of a multiword adverbial ending before token `k` ("so
    /// far", "thus far", "at times", "at various times", "at one point", "for
    /// years"), which stands between a subject and its verb.
    fn adverbial_left(&self, k: usize, floor: usize) -> Option<usize> {
        if k < floor + 2 {
            return None;
        }
        let (w1, w2) = (self.lower(k - 2), self.lower(k - 1));
        match (w1, w2) {
            ("so" | "thus" | "by", "far") | ("at", "times" | "first" | "last") | ("in" | "of", "late") => Some(k - 2),
            ("in", "turn" | "fact" | "private" | "public") => Some(k - 2),
            ("for", "years" | "decades" | "months" | "weeks" | "days" | "long") => Some(k - 2),
            ("one" | "some" | "various" | "different" | "other" | "several" | "many", "point" | "points" | "times")
                if k >= floor + 3 && self.lower(k - 3) == "at" =>
            {
                Some(k - 3)
            }
            _ => None,
        }
    }

    /// A phrase of the channel ending before token `k`: "in a statement", "at a
    /// news conference", "on Twitter", "in an interview with CNN"; its first token.
    fn channel_pp(&self, k: usize, floor: usize) -> Option<usize> {
        let lo = k.saturating_sub(8).max(floor);
        let p = (lo..k).rev().find(|&p| matches!(self.lower(p), "in" | "on" | "at" | "during" | "via" | "through"))?;
        let words = p + 1..k;
        let ok = !words.is_empty()
            && words.clone().all(|x| self.toks[x].kind == TokenKind::Word && self.cue(x).is_none())
            && words.clone().any(|x| CHANNEL_NOUNS.contains(self.lower(x)))
            // ("at a public hearing to assert": the phrase must end where the verb begins.)
            && (words.clone().any(|x| CHANNEL_NOUNS.contains(self.lower(x)) && (x + 1 == k || self.lower(x + 1) == "with"))
                || self.raw(k - 1).starts_with(char::is_uppercase)
                || self.in_time[k - 1]);
        (ok && p > floor).then_some(p)
    }

    fn sent_has_comma_pair(&self, a: usize, s0: usize) -> bool {
        (a..s0.saturating_sub(1)).any(|k| self.raw(k) == ",")
    }
}

/// A speaker name that can be what "he" or "she" refers to: it ends in a
/// capitalized word that is not an acronym ("Hashem Ahelbarra", "Haniyeh"),
/// unlike "officials", "the source" or "the U.N.".
fn person_like(name: &str) -> bool {
    let last = name.split_whitespace().next_back().unwrap_or("");
    if GROUP_NOUNS.contains(last.to_lowercase().as_str()) {
        return false;
    }
    let mut chars = last.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.clone().any(char::is_lowercase)
        && !last.contains('.')
        && !is_pronoun(name)
}

/// The "-ing" forms of the cues known only in finite forms, with the finite
/// verb's kind ("telling" → "tell", "demanding" → "demanded", "calling for" →
/// "called for"), derived once from the cue table: `cue` reads them on every
/// word, so nothing is built per call.
type IngTable = (FastMap<String, Cue>, FastMap<String, Vec<(&'static str, Cue)>>);

static ING: LazyLock<IngTable> = LazyLock::new(|| {
    fn forms(w: &str) -> Vec<String> {
        if let Some(stem) = w.strip_suffix("ied").or_else(|| w.strip_suffix("ies")) {
            return vec![format!("{stem}ying")]; // "denied", "denies" → "denying"
        }
        if let Some(stem) = w.strip_suffix("ed") {
            return vec![format!("{stem}ing")]; // "demanded", "promised", "admitted"
        }
        if let Some(stem) = w.strip_suffix("es") {
            return vec![format!("{stem}ing"), format!("{stem}eing")]; // "urges" → "urging"
        }
        if let Some(stem) = w.strip_suffix('s') {
            return vec![format!("{stem}ing")]; // "says", "tells", "warns"
        }
        match w.strip_suffix('e') {
            Some(stem) => vec![format!("{stem}ing")], // "promise" → "promising"
            None => vec![format!("{w}ing")],
        }
    }
    let (mut one, mut two) = (FastMap::default(), FastMap::<String, Vec<(&'static str, Cue)>>::default());
    for (w, &k) in CUES.0.iter().filter(|(_, &k)| k != Cue::Participle) {
        for f in forms(w) {
            one.entry(f).or_insert(k);
        }
    }
    for (w, seconds) in &CUES.1 {
        for &(second, k) in seconds.iter().filter(|(_, k)| *k != Cue::Participle) {
            for f in forms(w) {
                two.entry(f).or_default().push((second, k));
            }
        }
    }
    (one, two)
});

/// A noun for a person who may speak: a role ("minister", "spokesman") or a
/// word for people ("witness", "official", "mother").
fn person_noun(head: &str) -> bool {
    ROLE_WORDS.contains_key(head)
        || matches!(
            head,
            "witness"
                | "source"
                | "official"
                | "resident"
                | "analyst"
                | "expert"
                | "lawmaker"
                | "doctor"
                | "survivor"
                | "researcher"
                | "economist"
                | "lawyer"
                | "attorney"
                | "activist"
                | "worker"
                | "officer"
                | "soldier"
                | "commander"
                | "aide"
                | "adviser"
                | "advisor"
                | "member"
                | "man"
                | "woman"
                | "mother"
                | "father"
                | "farmer"
                | "student"
                | "teacher"
                | "nurse"
                | "one"
                | "other"
        )
}

/// The kind of the finite verb an "-ing" form stands for.
fn finite_kind(ing: &str, next: &str) -> Option<Cue> {
    let two = ING.1.get(ing).and_then(|v| v.iter().find(|(s, _)| *s == next)).map(|&(_, k)| k);
    two.or_else(|| ING.0.get(ing).copied())
}

/// A word that opens a phrase about the act of speaking rather than what was
/// said ("in an interview", "when she resigned", "up at the debate").
fn is_adjunct_start(w: &str) -> bool {
    matches!(
        w,
        "in" | "on"
            | "at"
            | "during"
            | "before"
            | "after"
            | "when"
            | "while"
            | "since"
            | "from"
            | "with"
            | "by"
            | "as"
            | "up"
            | "out"
            | "down"
            | "off"
            | "back"
            | "and"
            | "but"
            | "or"
            | "than"
            | "into"
            | "over"
            | "through"
            | "until"
            | "because"
            | "via"
    )
}

/// An auxiliary or modal verb: where one stands, a finite clause does.
fn is_aux(w: &str) -> bool {
    matches!(
        w,
        "would"
            | "will"
            | "was"
            | "were"
            | "is"
            | "are"
            | "had"
            | "has"
            | "have"
            | "could"
            | "can"
            | "should"
            | "might"
            | "may"
            | "must"
            | "did"
            | "does"
            | "'d"
            | "’d"
            | "'ll"
            | "’ll"
            | "wo"
            | "ca"
    )
}

/// A word that opens a phrase before a sentence's subject ("In a statement, …",
/// "Speaking to reporters, …", "According to …, …").
fn is_opener(w: &str) -> bool {
    matches!(
        w,
        "in" | "on"
            | "at"
            | "during"
            | "after"
            | "before"
            | "however"
            | "meanwhile"
            | "but"
            | "and"
            | "still"
            | "speaking"
            | "earlier"
            | "later"
            | "according"
            | "having"
            | "as"
            | "with"
            | "for"
            | "despite"
            | "under"
            | "amid"
            | "following"
            | "asked"
            | "when"
            | "while"
            | "if"
            | "although"
            | "though"
            | "because"
            | "since"
            | "by"
            | "instead"
    )
}

fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "this"
            | "that"
            | "these"
            | "those"
            | "its"
            | "his"
            | "her"
            | "their"
            | "our"
            | "my"
            | "your"
            | "any"
            | "no"
            | "every"
            | "each"
    )
}

/// A pronoun that opens a clause as its subject ("he said", "it would").
fn is_subject_pronoun(w: &str) -> bool {
    matches!(w, "he" | "she" | "it" | "they" | "we" | "i" | "there")
}

fn is_pronoun(name: &str) -> bool {
    matches!(name.to_lowercase().as_str(), "he" | "she" | "they" | "it" | "we" | "i")
}

/// Whether `needle` occurs in `hay` as whole words.
fn contains_word(hay: &str, needle: &str) -> bool {
    let mut from = 0;
    while let Some(p) = hay[from..].find(needle) {
        let s = from + p;
        let e = s + needle.len();
        let before = hay[..s].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        let after = hay[e..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        if before && after {
            return true;
        }
        from = s + needle.len().max(1);
        while from < hay.len() && !hay.is_char_boundary(from) {
            from += 1;
        }
    }
    false
}
