//! The input to the pipeline: one news article.

use crate::calendar::Date;

/// One news article, as a reader hands it to the pipeline.
///
/// `body` is kept exactly as given: every offset the engine emits indexes it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Article {
    /// Stable identifier: given by the input, else a content hash (see [`content_id`]).
    pub id: String,
    pub url: Option<String>,
    pub title: Option<String>,
    /// The outlet ("Al Jazeera", "VOA").
    pub source: Option<String>,
    /// Publication date: the anchor for relative dates ("on Wednesday", "last week").
    pub published: Option<Date>,
    /// The article's text, unchanged.
    pub body: String,
}

impl Article {
    /// An article with the given body and an id derived from its content.
    pub fn from_body(body: impl Into<String>) -> Article {
        let body = body.into();
        Article { id: content_id(None, &body), body, ..Article::default() }
    }
}

/// A stable content hash for articles that come without an id.
///
/// 64-bit FNV-1a over the title and body, written as `h` and 16 hex digits. It is
/// the same on every platform and every version of the engine, so re-reading the
/// same input gives the same ids (the store relies on this).
pub fn content_id(title: Option<&str>, body: &str) -> String {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut h = OFFSET;
    let mut feed = |bytes: &[u8]| {
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(PRIME);
        }
    };
    if let Some(t) = title {
        feed(t.as_bytes());
    }
    feed(&[0]);
    feed(body.as_bytes());
    format!("h{h:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_id_is_stable_and_depends_on_title_and_body() {
        // Fixed value: a change here would change every stored id.
        assert_eq!(content_id(None, ""), "haf63bd4c8601b7df");
        let a = content_id(Some("Talks resume"), "Envoys met in Doha.");
        assert_eq!(a, content_id(Some("Talks resume"), "Envoys met in Doha."));
        assert_ne!(a, content_id(Some("Talks resume"), "Envoys met in Cairo."));
        assert_ne!(a, content_id(None, "Envoys met in Doha."));
        assert_eq!(a.len(), 17);
    }
}
