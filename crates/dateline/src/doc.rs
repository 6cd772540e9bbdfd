//! The annotated document: the article and the layers the stages add to it.

use std::sync::Arc;

use crate::article::Article;
use crate::calendar::Date;
use crate::gazetteer::Gazetteer;
use crate::stages::entities::EntityAnn;
use crate::stages::events::EventAnn;
use crate::stages::figures::FigureAnn;
use crate::stages::places::PlaceAnn;
use crate::stages::quotes::QuoteAnn;
use crate::stages::sentences::Sentence;
use crate::stages::times::TimeExpr;
use crate::stages::tokens::Token;

/// An article under annotation. Each stage reads earlier layers and fills its own.
///
/// Offsets inside layers are byte offsets into [`Doc::text`] (for slicing);
/// tokens and sentences also carry code-point offsets, and [`Doc::char_offset`]
/// converts any byte offset, for output.
#[derive(Debug, Clone)]
pub struct Doc {
    pub article: Article,
    /// The gazetteer the stages resolve places with (the built-in one, or the
    /// pipeline's with users' places added).
    pub gazetteer: Arc<Gazetteer>,
    /// Layer `tokens`.
    pub tokens: Vec<Token>,
    /// Layer `sentences`.
    pub sentences: Vec<Sentence>,
    /// Layer `times`, in text order.
    pub times: Vec<TimeExpr>,
    /// Layer `entities`.
    pub entities: Vec<EntityAnn>,
    /// Layer `places`, in text order.
    pub places: Vec<PlaceAnn>,
    /// Layer `quotes`, in text order.
    pub quotes: Vec<QuoteAnn>,
    /// Layer `figures`, in text order.
    pub figures: Vec<FigureAnn>,
    /// Layer `events`, in text order.
    pub events: Vec<EventAnn>,
    chars: CharIndex,
    lower: String,
}

impl Doc {
    pub fn new(article: Article) -> Doc {
        Doc::with_gazetteer(article, crate::gazetteer::shared())
    }

    /// A document whose places are resolved with this gazetteer.
    pub fn with_gazetteer(article: Article, gazetteer: Arc<Gazetteer>) -> Doc {
        let chars = CharIndex::new(&article.body);
        let lower = article.body.to_ascii_lowercase();
        Doc {
            article,
            gazetteer,
            tokens: Vec::new(),
            sentences: Vec::new(),
            times: Vec::new(),
            entities: Vec::new(),
            places: Vec::new(),
            quotes: Vec::new(),
            figures: Vec::new(),
            events: Vec::new(),
            chars,
            lower,
        }
    }

    /// The text every offset indexes: the article body, unchanged.
    #[inline]
    pub fn text(&self) -> &str {
        &self.article.body
    }

    /// The text with ASCII letters lowercased: same length and offsets as
    /// [`Doc::text`], so a token's lowercase form is a slice, not an allocation.
    #[inline]
    pub fn lower(&self) -> &str {
        &self.lower
    }

    /// The publication date: the anchor for relative time expressions.
    pub fn published(&self) -> Option<Date> {
        self.article.published
    }

    /// The code-point offset of a byte offset (which must lie on a char boundary).
    #[inline]
    pub fn char_offset(&self, byte: usize) -> usize {
        self.chars.char_offset(byte)
    }

    /// A byte span as a code-point span.
    pub fn char_span(&self, start: usize, end: usize) -> [usize; 2] {
        [self.char_offset(start), self.char_offset(end)]
    }

    /// The tokens of sentence `i`.
    pub fn sentence_tokens(&self, i: usize) -> &[Token] {
        self.sentences[i].tokens(&self.tokens)
    }

    /// The time expressions of sentence `i`: the times that govern its clauses.
    pub fn times_in_sentence(&self, i: usize) -> &[TimeExpr] {
        let a = self.times.partition_point(|t| (t.sentence as usize) < i);
        let b = self.times.partition_point(|t| (t.sentence as usize) <= i);
        &self.times[a..b]
    }

    /// The time expressions lying within bytes `[start, end)` (a clause).
    pub fn times_between(&self, start: usize, end: usize) -> &[TimeExpr] {
        let a = self.times.partition_point(|t| (t.start as usize) < start);
        let b = self.times.partition_point(|t| (t.end as usize) <= end);
        &self.times[a..b.max(a)]
    }

    /// The tokens that a byte span `[start, end)` covers, in part or whole.
    pub fn token_range(&self, start: u32, end: u32) -> std::ops::Range<usize> {
        let a = self.tokens.partition_point(|t| t.end <= start);
        let b = a + self.tokens[a..].partition_point(|t| t.start < end);
        a..b
    }

    /// The index of the sentence that contains byte offset `byte`, if any.
    pub fn sentence_at(&self, byte: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| (s.end as usize) <= byte);
        (i < self.sentences.len() && self.sentences[i].start as usize <= byte).then_some(i)
    }

    /// The entity (index in [`Doc::entities`]) one of whose mentions covers
    /// bytes `[start, end)`: "which entity is this span?". Needs the `entities`
    /// layer.
    pub fn entity_at(&self, start: u32, end: u32) -> Option<usize> {
        self.entities.iter().position(|e| e.mentions.iter().any(|&(a, b)| a <= start && end <= b))
    }

    /// Who says the words at bytes `[start, end)`: the index in [`Doc::quotes`]
    /// of the innermost quote or reported clause with a speaker that holds them
    /// ("Israel says Hamas claims 20 were killed": Hamas's claim, inside
    /// Israel's). `direct: Some(false)` asks for reported speech only. Needs the
    /// `quotes` layer; the figures and events stages ask it for claimants and
    /// reporters.
    pub fn attribution(&self, start: u32, end: u32, direct: Option<bool>) -> Option<usize> {
        self.quotes
            .iter()
            .enumerate()
            .filter(|(_, q)| q.speaker.is_some() && q.start <= start && end <= q.end)
            // (Not the attribution that interrupts a quote.)
            .filter(|(_, q)| q.gap.is_none_or(|(g0, g1)| end <= g0 || start >= g1))
            .filter(|(_, q)| direct.is_none_or(|d| q.direct == d))
            .max_by_key(|(_, q)| (q.start, std::cmp::Reverse(q.end)))
            .map(|(k, _)| k)
    }

    /// The entity a pronoun starting at byte `at` stands for: "he", "she",
    /// "him", "his", "her" the person named last before it, "they", "them",
    /// "their" the body or group named last, "it", "its" the body, group or
    /// country named last, looking back no further than two sentences before
    /// the pronoun's. `None` for any other word, or where no such entity is
    /// named. Needs the `entities` layer. (The quotes stage asks more of a
    /// speaker's "he": see there.)
    pub fn antecedent(&self, at: u32) -> Option<usize> {
        use crate::record::EntityType as T;
        let k = self.tokens.partition_point(|t| t.start < at);
        let word = self.tokens.get(k).filter(|t| t.start == at)?.text(&self.lower);
        let fits = |kind: T| match word {
            "he" | "she" | "him" | "his" | "her" => kind == T::Person,
            "they" | "them" | "their" => matches!(kind, T::Organization | T::Group),
            "it" | "its" => matches!(kind, T::Organization | T::Group | T::Country),
            _ => false,
        };
        if !fits(T::Person) && !fits(T::Organization) {
            return None;
        }
        let floor = self.sentence_at(at as usize).map_or(0, |s| self.sentences[s.saturating_sub(2)].start);
        self.entities
            .iter()
            .enumerate()
            .filter(|(_, e)| fits(e.kind))
            .flat_map(|(i, e)| e.mentions.iter().map(move |&(a, _)| (a, i)))
            .filter(|&(a, _)| a >= floor && a < at)
            .max_by_key(|&(a, _)| a)
            .map(|(_, i)| i)
    }
}

/// Byte → code-point conversion. Empty for ASCII text (offsets are equal);
/// otherwise one entry per multi-byte character: its byte offset and how many
/// bytes beyond one each character up to and including it took.
#[derive(Debug, Clone, Default)]
struct CharIndex {
    wide: Vec<(u32, u32)>,
}

impl CharIndex {
    fn new(text: &str) -> CharIndex {
        if text.is_ascii() {
            return CharIndex::default();
        }
        let mut wide = Vec::new();
        let mut extra = 0u32;
        for (i, c) in text.char_indices() {
            let n = c.len_utf8() as u32;
            if n > 1 {
                extra += n - 1;
                wide.push((i as u32, extra));
            }
        }
        CharIndex { wide }
    }

    fn char_offset(&self, byte: usize) -> usize {
        // Characters starting before `byte` contribute their extra bytes.
        let k = self.wide.partition_point(|&(b, _)| (b as usize) < byte);
        if k == 0 {
            byte
        } else {
            byte - self.wide[k - 1].1 as usize
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_range_covers_partly_and_wholly_covered_tokens() {
        let doc = crate::Pipeline::new().annotate(Article::from_body("Talks in Cairo resumed."));
        // "Cairo" is bytes 9..14; tokens: Talks, in, Cairo, resumed, .
        assert_eq!(doc.token_range(9, 14), 2..3);
        assert_eq!(doc.token_range(7, 16), 1..4);
        assert_eq!(doc.token_range(23, 23), 5..5);
    }

    #[test]
    fn spans_and_pronouns_resolve_to_entities() {
        let text = "Hamas official Ghazi Hamad spoke in Doha. He said the group would study it. \
                    Egypt's mediators met Hamas. They left. It was late.";
        let doc = crate::Pipeline::new().annotate(Article::from_body(text));
        let name = |e: Option<usize>| e.map(|k| doc.entities[k].name.clone());
        let at = |w: &str| text.find(w).unwrap() as u32;
        assert_eq!(name(doc.entity_at(at("Ghazi"), at("Ghazi") + 11)), Some("Ghazi Hamad".into()));
        assert_eq!(name(doc.entity_at(at("Ghazi"), at("Ghazi") + 5)), Some("Ghazi Hamad".into()));
        assert_eq!(doc.entity_at(at("spoke"), at("spoke") + 5), None);
        // "He": the person named last; "They": the body or group named last.
        assert_eq!(name(doc.antecedent(at("He said"))), Some("Ghazi Hamad".into()));
        assert_eq!(name(doc.antecedent(at("They left"))), Some("Hamas".into()));
        // Not a pronoun, or not at a token's start.
        assert_eq!(doc.antecedent(at("spoke")), None);
        assert_eq!(doc.antecedent(at("He said") + 1), None);
    }

    #[test]
    fn attribution_finds_who_says_a_span() {
        let text = "The ministry said the rebels claim that 40 soldiers were killed. \
                    According to the mayor, the bridge fell. The bridge was old.";
        let doc = crate::Pipeline::new().annotate(Article::from_body(text));
        let at = |w: &str| text.find(w).unwrap() as u32;
        let speaker = |k: Option<usize>| k.and_then(|k| doc.quotes[k].speaker.as_ref()).map(|s| s.name.clone());
        // Inside two reports: the inner claim is the rebels'.
        assert_eq!(speaker(doc.attribution(at("40"), at("40") + 2, None)), Some("the rebels".into()));
        assert_eq!(speaker(doc.attribution(at("rebels"), at("rebels") + 6, None)), Some("The ministry".into()));
        assert_eq!(
            speaker(doc.attribution(at("bridge fell"), at("bridge fell") + 6, Some(false))),
            Some("the mayor".into())
        );
        assert_eq!(doc.attribution(at("was old"), at("was old") + 3, None), None);
        assert_eq!(doc.attribution(at("bridge fell"), at("bridge fell") + 6, Some(true)), None);
    }

    #[test]
    fn char_offsets_match_code_point_counts() {
        for text in ["plain ascii", "Hamas’s “truce” — الهدنة 🕊 end", "ééé", ""] {
            let doc = Doc::new(Article::from_body(text));
            for (b, _) in text.char_indices().chain([(text.len(), ' ')]) {
                assert_eq!(doc.char_offset(b), text[..b].chars().count(), "{text:?} at {b}");
            }
        }
    }
}
