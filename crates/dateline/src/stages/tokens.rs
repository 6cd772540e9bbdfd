//! Stage `tokens`: splits the text into words, numbers, punctuation, quote marks,
//! ellipses, symbols and URLs, with byte and code-point offsets.
//!
//! One pass over the text, no backtracking, one `Vec` for the whole document.
//! Decisions that later stages and the sentence splitter rely on:
//!
//! - A known abbreviation ("Gen.", "Jan."), a dotted acronym ("U.S.", "a.m.") and a
//!   single-letter initial ("F.") keep their period and carry [`flags::ABBREV`].
//! - Numbers keep their separators and ranges: "7,729", "1.9", "30-40", "2023-12-01",
//!   "3:30", "12-year-old" are one token each.
//! - Hyphenated words stay whole ("al-Sudani", "Israel-Hamas"); possessive and other
//!   clitics split off ("Hamas" + "’s", "do" + "n't"), as in the Penn Treebank.
//! - Whitespace is not a token; the token after it records a space, a line break or
//!   a blank line before it ([`flags`]).

use crate::doc::Doc;
use crate::lexicon;
use crate::pipeline::Stage;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
    /// A quotation mark or apostrophe standing alone: " “ ” ‘ ’ « » „ '
    Quote,
    /// "..." or "…"
    Ellipsis,
    /// Currency, math and other symbols: $ % € ° +
    Symbol,
    Url,
}

/// Bit flags on [`Token::flags`].
pub mod flags {
    /// Whitespace precedes the token.
    pub const SPACE_BEFORE: u8 = 1;
    /// A line break precedes the token.
    pub const NEWLINE_BEFORE: u8 = 2;
    /// A blank line (two or more line breaks) precedes the token.
    pub const BLANK_LINE_BEFORE: u8 = 4;
    /// A word that keeps its abbreviation period: "Gen.", "U.S.", "F.".
    pub const ABBREV: u8 = 8;
    /// A word or number with an inner hyphen: "al-Sudani", "30-40".
    pub const HYPHENATED: u8 = 16;
    /// A clitic split from the word before it: "’s", "n't".
    pub const CLITIC: u8 = 32;
}

/// One token. Offsets are `[start, end)`: bytes (`start`, `end`) for slicing the
/// text, code points (`cstart`, `cend`) for output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: u32,
    pub end: u32,
    pub cstart: u32,
    pub cend: u32,
    pub kind: TokenKind,
    pub flags: u8,
}

impl Token {
    /// The token's text.
    #[inline]
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start as usize..self.end as usize]
    }
    #[inline]
    pub fn has(&self, flag: u8) -> bool {
        self.flags & flag != 0
    }
    /// Code-point span `[start, end)`.
    #[inline]
    pub fn chars(&self) -> [usize; 2] {
        [self.cstart as usize, self.cend as usize]
    }
    /// No whitespace between this token and the one before.
    #[inline]
    pub fn attached(&self) -> bool {
        self.flags & flags::SPACE_BEFORE == 0
    }
}

/// The `tokens` stage.
#[derive(Debug, Default, Clone, Copy)]
pub struct Tokens;

impl Stage for Tokens {
    fn name(&self) -> &'static str {
        "tokens"
    }
    fn annotate(&self, doc: &mut Doc) {
        let mut out = std::mem::take(&mut doc.tokens);
        out.clear();
        tokenize(doc.text(), &mut out);
        doc.tokens = out;
    }
}

/// Tokenizes `text` into `out`. Texts longer than `u32::MAX` bytes are tokenized
/// up to that length (readers refuse such articles long before).
pub fn tokenize(text: &str, out: &mut Vec<Token>) {
    let limit = text.len().min(u32::MAX as usize - 1);
    let mut s = Scanner { text, i: 0, ci: 0, limit };
    let mut pending = 0u8;
    while let Some(c) = s.peek() {
        if c.is_whitespace() {
            let mut breaks = 0u32;
            let mut para = false;
            while let Some(c) = s.peek() {
                if !c.is_whitespace() {
                    break;
                }
                match c {
                    '\n' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' => breaks += 1,
                    '\r' if s.peek_next() != Some('\n') => breaks += 1,
                    '\u{2029}' => para = true,
                    _ => {}
                }
                s.bump();
            }
            pending |= flags::SPACE_BEFORE;
            if breaks >= 1 || para {
                pending |= flags::NEWLINE_BEFORE;
            }
            if breaks >= 2 || para {
                pending |= flags::BLANK_LINE_BEFORE;
            }
            continue;
        }
        let (b0, c0) = (s.i, s.ci);
        let attached = pending & flags::SPACE_BEFORE == 0 && !out.is_empty();
        let (kind, f) = scan_token(&mut s, c, attached);
        debug_assert!(s.i > b0);
        out.push(Token {
            start: b0 as u32,
            end: s.i as u32,
            cstart: c0 as u32,
            cend: s.ci as u32,
            kind,
            flags: pending | f,
        });
        pending = 0;
    }
}

struct Scanner<'a> {
    text: &'a str,
    /// Byte position.
    i: usize,
    /// Code-point position.
    ci: usize,
    limit: usize,
}

impl Scanner<'_> {
    #[inline]
    fn peek(&self) -> Option<char> {
        if self.i >= self.limit {
            return None;
        }
        self.text[self.i..].chars().next()
    }
    #[inline]
    fn peek_next(&self) -> Option<char> {
        let mut it = self.text[self.i..].chars();
        it.next()?;
        it.next()
    }
    #[inline]
    fn bump(&mut self) {
        if let Some(c) = self.peek() {
            self.i += c.len_utf8();
            self.ci += 1;
        }
    }
    #[inline]
    fn rest(&self) -> &str {
        &self.text[self.i..]
    }
}

/// Letters, digits and combining marks: what words are made of.
#[inline]
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || (c > '\u{2FF}' && is_mark(c))
}

fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{300}'..='\u{36F}' | '\u{483}'..='\u{489}' | '\u{591}'..='\u{5C7}' | '\u{610}'..='\u{61A}'
        | '\u{64B}'..='\u{65F}' | '\u{670}' | '\u{6D6}'..='\u{6ED}' | '\u{900}'..='\u{903}'
        | '\u{93A}'..='\u{94F}' | '\u{E31}'..='\u{E3A}' | '\u{E47}'..='\u{E4E}' | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}' | '\u{200C}' | '\u{200D}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// Quotation marks, straight and curly, and guillemets.
#[inline]
pub fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '”'
            | '‘'
            | '’'
            | '«'
            | '»'
            | '„'
            | '‚'
            | '‹'
            | '›'
            | '「'
            | '」'
            | '『'
            | '』'
            | '`'
    )
}

#[inline]
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

fn scan_token(s: &mut Scanner, c: char, attached: bool) -> (TokenKind, u8) {
    let next = s.peek_next();
    if (c == 'h' || c == 'H' || c == 'w' || c == 'W') && starts_url(s.rest()) {
        scan_url(s);
        return (TokenKind::Url, 0);
    }
    if attached && is_apostrophe(c) {
        if let Some(n) = clitic_len(&s.rest()[c.len_utf8()..]) {
            for _ in 0..=n {
                s.bump();
            }
            return (TokenKind::Word, flags::CLITIC);
        }
    }
    if attached && (c == 'n' || c == 'N') && is_nt(s.rest()) {
        for _ in 0..3 {
            s.bump();
        }
        return (TokenKind::Word, flags::CLITIC);
    }
    if c.is_numeric() {
        return (TokenKind::Number, scan_number(s));
    }
    if is_word_char(c) || ((c == '@' || c == '#') && next.is_some_and(|n| n.is_alphanumeric())) {
        return (TokenKind::Word, scan_word(s));
    }
    s.bump();
    match c {
        '.' if next == Some('.') => {
            while s.peek() == Some('.') {
                s.bump();
            }
            (TokenKind::Ellipsis, 0)
        }
        '…' => (TokenKind::Ellipsis, 0),
        '-' if next == Some('-') => {
            s.bump();
            (TokenKind::Punct, 0)
        }
        // Two apostrophes or backticks are one double mark (``like this'').
        '\'' | '`' if next == Some(c) => {
            s.bump();
            (TokenKind::Quote, 0)
        }
        c if is_quote_char(c) => (TokenKind::Quote, 0),
        '$' | '%' | '+' | '<' | '=' | '>' | '^' | '|' | '~' => (TokenKind::Symbol, 0),
        c if c.is_ascii_punctuation() => (TokenKind::Punct, 0),
        '\u{2010}'..='\u{2027}'
        | '\u{2030}'..='\u{205E}'
        | '\u{3000}'..='\u{303F}'
        | '¡'
        | '¿'
        | '§'
        | '¶'
        | '·'
        | '،'
        | '؛'
        | '؟'
        | '۔'
        | '\u{FF01}'..='\u{FF0F}' => (TokenKind::Punct, 0),
        _ => (TokenKind::Symbol, 0),
    }
}

fn starts_url(rest: &str) -> bool {
    let b = rest.as_bytes();
    let starts = |p: &str| b.len() > p.len() && b[..p.len()].eq_ignore_ascii_case(p.as_bytes());
    starts("http://") || starts("https://") || (starts("www.") && b.len() > 5 && b[4].is_ascii_alphanumeric())
}

fn scan_url(s: &mut Scanner) {
    let (b0, c0) = (s.i, s.ci);
    while let Some(c) = s.peek() {
        if c.is_whitespace() || matches!(c, '"' | '<' | '>' | '“' | '”' | '‘' | '’' | '«' | '»') {
            break;
        }
        s.bump();
    }
    // Trailing punctuation belongs to the sentence, not the URL; a ")" stays when the URL opened one.
    let mut end = s.i;
    let mut cend = s.ci;
    let url = &s.text[b0..end];
    let opens = url.matches('(').count();
    let mut closes = url.matches(')').count();
    while end > b0 + 1 {
        let last = s.text.as_bytes()[end - 1];
        let strip = match last {
            b'.' | b',' | b';' | b':' | b'!' | b'?' | b'\'' | b']' | b'}' => true,
            b')' if closes > opens => {
                closes -= 1;
                true
            }
            _ => false,
        };
        if !strip {
            break;
        }
        end -= 1;
        cend -= 1;
    }
    debug_assert!(cend > c0);
    s.i = end;
    s.ci = cend;
}

/// Length in chars (after the apostrophe) of a clitic at the start of `rest`:
/// "s", "re", "ve", "ll", "d", "m", followed by a non-word character.
fn clitic_len(rest: &str) -> Option<usize> {
    for cl in ["s", "re", "ve", "ll", "d", "m"] {
        if rest.len() >= cl.len() && rest.as_bytes()[..cl.len()].eq_ignore_ascii_case(cl.as_bytes()) {
            let after = rest[cl.len()..].chars().next();
            if !after.is_some_and(is_word_char) {
                return Some(cl.len());
            }
        }
    }
    None
}

/// "n't" / "n’t" followed by a non-word character.
fn is_nt(rest: &str) -> bool {
    let mut it = rest.chars();
    matches!(it.next(), Some('n' | 'N'))
        && it.next().is_some_and(is_apostrophe)
        && matches!(it.next(), Some('t' | 'T'))
        && !it.next().is_some_and(is_word_char)
}

fn scan_word(s: &mut Scanner) -> u8 {
    let b0 = s.i;
    let mut f = 0u8;
    let mut dotted = false;
    let mut seg_start = s.i; // start of the current dot-separated segment
    s.bump();
    while let Some(c) = s.peek() {
        if is_word_char(c) {
            s.bump();
            continue;
        }
        let next = s.peek_next();
        let next_word = next.is_some_and(is_word_char);
        match c {
            '-' | '\u{2010}' | '\u{2011}' if next_word => {
                s.bump();
                f |= flags::HYPHENATED;
            }
            '.' if next.is_some_and(|n| n.is_lowercase() || (n.is_alphabetic() && s.i - seg_start <= 3)) => {
                s.bump();
                seg_start = s.i;
                dotted = true;
            }
            '\'' | '’' if next_word => {
                let after = &s.rest()[c.len_utf8()..];
                if clitic_len(after).is_some() {
                    break;
                }
                let prev_n = s.i > b0 + 1 && matches!(s.text.as_bytes()[s.i - 1], b'n' | b'N');
                if prev_n
                    && matches!(after.chars().next(), Some('t' | 'T'))
                    && !after[1..].chars().next().is_some_and(is_word_char)
                {
                    // "don't": the word ends before the "n" of "n't".
                    s.i -= 1;
                    s.ci -= 1;
                    break;
                }
                s.bump();
            }
            '@' if next.is_some_and(|n| n.is_alphanumeric()) && s.rest()[1..].contains('.') => s.bump(),
            '&' if next.is_some_and(|n| n.is_uppercase()) && s.text[b0..s.i].chars().all(|c| c.is_uppercase()) => {
                s.bump()
            }
            _ => break,
        }
    }
    // Keep the period of an abbreviation, a dotted acronym or an initial.
    if s.peek() == Some('.') && s.peek_next() != Some('.') {
        let word = &s.text[b0..s.i];
        let single = word.chars().count() == 1 && word.chars().all(char::is_alphabetic);
        if single || (dotted && is_acronym(word)) || lexicon::abbreviation(word).is_some() {
            s.bump();
            f |= flags::ABBREV;
        }
    }
    f
}

/// "U.S", "a.m", "Ph.D", "e.g": dot-separated parts of at most three letters, one of them a single letter.
fn is_acronym(word: &str) -> bool {
    let mut single = false;
    for part in word.split('.') {
        let n = part.chars().count();
        if n == 0 || n > 3 || !part.chars().all(char::is_alphabetic) {
            return false;
        }
        single |= n == 1;
    }
    single
}

fn scan_number(s: &mut Scanner) -> u8 {
    let mut f = 0u8;
    s.bump();
    while let Some(c) = s.peek() {
        if c.is_numeric() || is_word_char(c) {
            s.bump();
            continue;
        }
        let next = s.peek_next();
        match c {
            ',' | '.' | ':' | '/' if next.is_some_and(|n| n.is_ascii_digit()) => s.bump(),
            '-' | '–' if next.is_some_and(|n| n.is_ascii_digit()) => {
                s.bump();
                f |= flags::HYPHENATED;
            }
            '-' if next.is_some_and(char::is_alphabetic) => {
                s.bump();
                f |= flags::HYPHENATED;
            }
            _ => break,
        }
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<String> {
        let mut v = Vec::new();
        tokenize(text, &mut v);
        v.iter().map(|t| t.text(text).to_string()).collect()
    }

    #[test]
    fn words_numbers_and_punctuation() {
        assert_eq!(toks("Israel released 240 prisoners."), ["Israel", "released", "240", "prisoners", "."]);
        assert_eq!(
            toks("nearly 20,000 people, including 7,729 children"),
            ["nearly", "20,000", "people", ",", "including", "7,729", "children"]
        );
        assert_eq!(toks("1.9 million; 30-40 captives"), ["1.9", "million", ";", "30-40", "captives"]);
        assert_eq!(toks("on 2023-12-01 at 3:30"), ["on", "2023-12-01", "at", "3:30"]);
        assert_eq!(toks("a 12-year-old boy"), ["a", "12-year-old", "boy"]);
        assert_eq!(toks("$5bn (€4.6bn)"), ["$", "5bn", "(", "€", "4.6bn", ")"]);
    }

    #[test]
    fn abbreviations_keep_their_period() {
        assert_eq!(toks("U.S. and U.N. officials"), ["U.S.", "and", "U.N.", "officials"]);
        assert_eq!(toks("Lt. Col. Smith met Gen. Ali"), ["Lt.", "Col.", "Smith", "met", "Gen.", "Ali"]);
        assert_eq!(toks("John F. Kennedy"), ["John", "F.", "Kennedy"]);
        assert_eq!(toks("at 3 p.m. Tuesday"), ["at", "3", "p.m.", "Tuesday"]);
        assert_eq!(toks("in Gaza."), ["in", "Gaza", "."]);
        assert_eq!(toks("visit voanews.com."), ["visit", "voanews.com", "."]);
    }

    #[test]
    fn clitics_and_hyphens() {
        assert_eq!(toks("Hamas’s political bureau"), ["Hamas", "’s", "political", "bureau"]);
        assert_eq!(toks("Israel's don't"), ["Israel", "'s", "do", "n't"]);
        assert_eq!(toks("captives’ families"), ["captives", "’", "families"]);
        assert_eq!(toks("al-Rufay’i’s death"), ["al-Rufay’i", "’s", "death"]);
        assert_eq!(toks("Côte d'Ivoire"), ["Côte", "d'Ivoire"]);
        assert_eq!(toks("Israel-Hamas truce"), ["Israel-Hamas", "truce"]);
    }

    #[test]
    fn quotes_ellipses_urls() {
        assert_eq!(toks("“stopping the aggression”"), ["“", "stopping", "the", "aggression", "”"]);
        assert_eq!(toks("wait... and…"), ["wait", "...", "and", "…"]);
        assert_eq!(toks("see https://example.org/a_(b)."), ["see", "https://example.org/a_(b)", "."]);
        assert_eq!(toks("(see https://example.org/a)."), ["(", "see", "https://example.org/a", ")", "."]);
    }

    #[test]
    fn offsets_are_bytes_and_code_points() {
        let text = "Hamas’s “truce”";
        let mut v = Vec::new();
        tokenize(text, &mut v);
        let chars: Vec<[usize; 2]> = v.iter().map(Token::chars).collect();
        assert_eq!(chars, [[0, 5], [5, 7], [8, 9], [9, 14], [14, 15]]);
        for t in &v {
            let cs: String = text.chars().skip(t.cstart as usize).take((t.cend - t.cstart) as usize).collect();
            assert_eq!(cs, t.text(text));
        }
    }

    #[test]
    fn line_break_flags() {
        let text = "Title\n\nFirst line\nsecond";
        let mut v = Vec::new();
        tokenize(text, &mut v);
        assert!(v[1].has(flags::BLANK_LINE_BEFORE) && v[1].has(flags::NEWLINE_BEFORE));
        assert!(v[3].has(flags::NEWLINE_BEFORE) && !v[3].has(flags::BLANK_LINE_BEFORE));
        assert!(!v[2].has(flags::NEWLINE_BEFORE) && v[2].has(flags::SPACE_BEFORE));
    }
}
