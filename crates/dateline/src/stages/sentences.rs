//! Stage `sentences`: groups tokens into sentences and paragraphs.
//!
//! Reads the `tokens` layer. A line break ends a sentence (headlines, bylines and
//! list items carry no period) unless the next line continues the sentence: it
//! starts in lowercase after a line that did not end in terminal punctuation
//! (hard-wrapped text). Within a line a sentence ends at `.`, `!`, `?` or an
//! ellipsis, with any closing quotes and brackets, when what follows looks like
//! a new sentence. Abbreviations decide by their class in `data/abbreviations.tsv`;
//! after acronyms, initials and ellipses only a usual sentence opener
//! (`data/sentence_openers.txt`) starts a new sentence, so "U.S. President" and
//! "John F. Kennedy" hold together while "in the U.S. The talks" splits.
//! `"Why?" Smith asked` holds together: a name followed by a reporting verb
//! (`data/speech_verbs.txt`) continues the quote's sentence.

use crate::doc::Doc;
use crate::lexicon::{self, AbbrevClass};
use crate::pipeline::Stage;
use crate::stages::tokens::{flags, Token, TokenKind};

/// A sentence: offsets as in [`Token`], the range of its tokens, and the
/// paragraph (0-based) it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub start: u32,
    pub end: u32,
    pub cstart: u32,
    pub cend: u32,
    /// Index of the first token.
    pub first: u32,
    /// One past the index of the last token.
    pub last: u32,
    pub paragraph: u32,
}

impl Sentence {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start as usize..self.end as usize]
    }
    /// Code-point span `[start, end)`.
    pub fn chars(&self) -> [usize; 2] {
        [self.cstart as usize, self.cend as usize]
    }
    pub fn tokens<'t>(&self, tokens: &'t [Token]) -> &'t [Token] {
        &tokens[self.first as usize..self.last as usize]
    }
}

/// Sentences longer than this many tokens are cut, so that no later stage
/// meets an unbounded sentence (a page of text with no punctuation).
pub const MAX_SENTENCE_TOKENS: usize = 1000;

/// The `sentences` stage.
#[derive(Debug, Default, Clone, Copy)]
pub struct Sentences;

impl Stage for Sentences {
    fn name(&self) -> &'static str {
        "sentences"
    }
    fn annotate(&self, doc: &mut Doc) {
        let mut out = std::mem::take(&mut doc.sentences);
        out.clear();
        split(doc.text(), &doc.tokens, &mut out);
        doc.sentences = out;
    }
}

/// Splits `tokens` (of `text`) into sentences, appended to `out`.
pub fn split(text: &str, tokens: &[Token], out: &mut Vec<Sentence>) {
    if tokens.is_empty() {
        return;
    }
    let mut first = 0usize;
    let mut paragraph = 0u32;
    let push = |first: usize, last: usize, paragraph: u32, out: &mut Vec<Sentence>| {
        let (a, b) = (&tokens[first], &tokens[last - 1]);
        out.push(Sentence {
            start: a.start,
            end: b.end,
            cstart: a.cstart,
            cend: b.cend,
            first: first as u32,
            last: last as u32,
            paragraph,
        });
    };
    for i in 1..tokens.len() {
        let brk = if tokens[i].has(flags::NEWLINE_BEFORE) {
            line_break(text, tokens, i)
        } else if i - first >= MAX_SENTENCE_TOKENS || breaks_before(text, tokens, first, i) {
            Break::Sentence
        } else {
            Break::None
        };
        if brk != Break::None {
            push(first, i, paragraph, out);
            first = i;
            if brk == Break::Paragraph {
                paragraph += 1;
            }
        }
    }
    push(first, tokens.len(), paragraph, out);
}

#[derive(PartialEq, Eq, Clone, Copy)]
enum Break {
    None,
    Sentence,
    Paragraph,
}

fn first_char(text: &str, t: &Token) -> char {
    t.text(text).chars().next().unwrap_or(' ')
}

fn starts_lower(text: &str, t: &Token) -> bool {
    t.kind == TokenKind::Word && first_char(text, t).is_lowercase()
}

fn is_terminal(text: &str, t: &Token) -> bool {
    match t.kind {
        TokenKind::Punct => matches!(t.text(text), "." | "!" | "?" | "؟" | "。" | "！" | "？"),
        TokenKind::Ellipsis => true,
        TokenKind::Word => t.has(flags::ABBREV),
        _ => false,
    }
}

/// Closing quotes and brackets that may follow terminal punctuation: `.”` `?)`
fn is_closer(text: &str, t: &Token) -> bool {
    match t.kind {
        TokenKind::Quote => !matches!(t.text(text), "„" | "‚"),
        TokenKind::Punct => matches!(t.text(text), ")" | "]" | "}"),
        _ => false,
    }
}

fn is_opener(text: &str, t: &Token) -> bool {
    match t.kind {
        TokenKind::Quote => true,
        TokenKind::Punct => matches!(t.text(text), "(" | "[" | "¿" | "¡" | "—" | "–" | "-" | "•" | "*"),
        _ => false,
    }
}

/// A token that can begin a sentence: capitalised, a number, an opening quote or
/// bracket, a bullet, or a letter of a script without case.
fn can_open(text: &str, t: &Token) -> bool {
    let c = first_char(text, t);
    match t.kind {
        TokenKind::Word => c.is_uppercase() || (c.is_alphabetic() && !c.is_lowercase()) || c == '@' || c == '#',
        TokenKind::Number | TokenKind::Symbol | TokenKind::Url => true,
        _ => is_opener(text, t),
    }
}

fn line_break(text: &str, tokens: &[Token], i: usize) -> Break {
    let t = &tokens[i];
    if t.has(flags::BLANK_LINE_BEFORE) {
        return Break::Paragraph;
    }
    let prev = &tokens[i - 1];
    let continues = starts_lower(text, t)
        && !is_terminal(text, prev)
        && !is_closer(text, prev)
        && !matches!(prev.text(text), ":" | ";");
    if continues {
        Break::None
    } else {
        Break::Paragraph
    }
}

/// Whether a sentence ends before token `i` (on the same line).
fn breaks_before(text: &str, tokens: &[Token], first: usize, i: usize) -> bool {
    // Walk back over closing quotes and brackets attached to what precedes them.
    let mut j = i - 1;
    let mut closers = false;
    while j > first && is_closer(text, &tokens[j]) && tokens[j].attached() {
        j -= 1;
        closers = true;
    }
    let term = &tokens[j];
    if !is_terminal(text, term) {
        return false;
    }
    let next = &tokens[i];
    let spaced = !next.attached();
    let next_text = next.text(text);
    let opener_word = next.kind == TokenKind::Word && can_open(text, next) && lexicon::is_sentence_opener(next_text);
    match term.kind {
        TokenKind::Ellipsis => spaced && can_open(text, next) && (opener_word || closers || is_opener(text, next)),
        TokenKind::Word => {
            // An abbreviation that kept its period.
            if !spaced {
                return false;
            }
            let word = term.text(text).trim_end_matches('.');
            let class = lexicon::abbreviation(word).unwrap_or(AbbrevClass::General);
            match class {
                AbbrevClass::Title | AbbrevClass::Never => false,
                AbbrevClass::Month | AbbrevClass::Number if next.kind == TokenKind::Number => false,
                _ => opener_word || (closers && can_open(text, next)),
            }
        }
        _ => {
            let mark = term.text(text);
            if mark == "." && j > first {
                // "1. First item": a list number at the start of a line.
                let num = &tokens[j - 1];
                let line_start = j - 1 == first && (num.has(flags::NEWLINE_BEFORE) || j - 1 == 0);
                if num.kind == TokenKind::Number && line_start && num.end - num.start <= 3 && !closers {
                    return false;
                }
            }
            if !spaced {
                // "in Gaza.Israel said": a missing space after a full stop.
                return mark == "."
                    && !closers
                    && next.kind == TokenKind::Word
                    && first_char(text, next).is_uppercase()
                    && next_text.chars().nth(1).is_some_and(char::is_lowercase);
            }
            if !can_open(text, next) {
                return false;
            }
            // "Why?" Smith asked. — a name then a reporting verb continues the
            // sentence after a question or an exclamation; after a full stop
            // ("It is over." Smith said later …) a new sentence begins.
            let asked = matches!(term.text(text), "?" | "!" | "؟" | "？" | "！");
            if closers && asked && next.kind == TokenKind::Word && !opener_word {
                let ahead = tokens[i + 1..].iter().take(3);
                let verb_follows = ahead
                    .take_while(|t| t.kind == TokenKind::Word)
                    .any(|t| starts_lower(text, t) && lexicon::is_speech_verb(t.text(text)));
                if verb_follows {
                    return false;
                }
            }
            true
        }
    }
}
