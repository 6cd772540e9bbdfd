//! Story clusters: syndicated and lightly edited copies of one story.
//!
//! A wire story reappears in many outlets with a new headline, a trimmed last
//! paragraph or an added line. Counting each copy would multiply its events and
//! figures, so copies are grouped into one cluster and aggregates count a
//! cluster once.
//!
//! How: an article's text is cut into overlapping runs of [`SHINGLE`] words
//! (lower-cased, punctuation dropped); two texts are copies when the sets of
//! runs overlap by a Jaccard similarity of at least [`THRESHOLD`]. A MinHash
//! signature of [`HASHES`] values estimates that similarity without the sets,
//! and locality-sensitive hashing over [`BANDS`] bands of the signature finds
//! the candidates with one index look-up per band, so adding an article costs
//! the same however large the store is. With 16 bands of 4 rows, a pair at
//! similarity 0.5 becomes a candidate with probability 0.65, one at 0.7 with
//! 0.98; articles about the same event written separately share few runs of
//! four words and stay apart.

use rusqlite::{params, Transaction};

use crate::Result;

/// Words per shingle.
pub const SHINGLE: usize = 4;
/// Values in a signature.
pub const HASHES: usize = 64;
/// LSH bands (each of `HASHES / BANDS` values).
pub const BANDS: usize = 16;
/// Estimated Jaccard similarity from which two articles are copies of one story.
pub const THRESHOLD: f64 = 0.5;

const ROWS: usize = HASHES / BANDS;

/// SplitMix64's finalizer: a fast, well-mixed 64-bit hash step.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A MinHash signature; empty for a text too short to have a shingle.
pub fn signature(text: &str) -> Vec<u32> {
    // Word hashes (FNV-1a over lower-cased alphanumerics).
    let mut words: Vec<u64> = Vec::new();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut in_word = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            for l in c.to_lowercase() {
                let mut buf = [0u8; 4];
                for &b in l.encode_utf8(&mut buf).as_bytes() {
                    h ^= u64::from(b);
                    h = h.wrapping_mul(0x100_0000_01b3);
                }
            }
            in_word = true;
        } else if in_word {
            words.push(h);
            h = 0xcbf2_9ce4_8422_2325;
            in_word = false;
        }
    }
    if in_word {
        words.push(h);
    }
    if words.is_empty() {
        return Vec::new();
    }
    let k = SHINGLE.min(words.len());
    let mut sig = vec![u32::MAX; HASHES];
    for w in words.windows(k) {
        // One well-mixed hash per shingle, then a multiply-shift hash per
        // signature slot (odd multipliers): a family of hash functions at one
        // multiplication each.
        let s = mix(w.iter().fold(0u64, |acc, &x| mix(acc ^ x)));
        for (slot, &a) in sig.iter_mut().zip(SEEDS.iter()) {
            let v = (s.wrapping_mul(a | 1) >> 32) as u32;
            if v < *slot {
                *slot = v;
            }
        }
    }
    sig
}

const SEEDS: [u64; HASHES] = {
    let mut s = [0u64; HASHES];
    let mut i = 0;
    while i < HASHES {
        // SplitMix64 stream from a fixed start: the same seeds in every build.
        let mut z = 0x9e37_79b9_7f4a_7c15u64.wrapping_mul(i as u64 + 1);
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        s[i] = z ^ (z >> 31);
        i += 1;
    }
    s
};

/// Estimated Jaccard similarity of the texts two signatures come from.
pub fn similarity(a: &[u32], b: &[u32]) -> f64 {
    if a.len() != HASHES || b.len() != HASHES {
        return 0.0;
    }
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / HASHES as f64
}

/// The band keys of a signature.
fn bands(sig: &[u32]) -> impl Iterator<Item = i64> + '_ {
    sig.chunks(ROWS).enumerate().map(|(b, rows)| {
        let h = rows.iter().fold(mix(b as u64 + 1), |acc, &v| mix(acc ^ u64::from(v)));
        h as i64
    })
}

pub(crate) fn to_blob(sig: &[u32]) -> Vec<u8> {
    sig.iter().flat_map(|v| v.to_le_bytes()).collect()
}

pub(crate) fn from_blob(b: &[u8]) -> Vec<u32> {
    b.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect()
}

/// The stored article most similar to a signature, if any reaches [`THRESHOLD`].
pub(crate) fn nearest(tx: &Transaction, sig: &[u32]) -> Result<Option<(i64, f64)>> {
    if sig.is_empty() {
        return Ok(None);
    }
    let mut find = tx.prepare_cached("SELECT aid FROM lsh WHERE key = ?1")?;
    let mut candidates: Vec<i64> = Vec::new();
    for key in bands(sig) {
        for aid in find.query_map([key], |r| r.get::<_, i64>(0))? {
            candidates.push(aid?);
        }
    }
    candidates.sort_unstable();
    candidates.dedup();
    let mut load = tx.prepare_cached("SELECT minhash FROM articles WHERE aid = ?1")?;
    let mut best: Option<(i64, f64)> = None;
    for aid in candidates {
        let blob: Vec<u8> = load.query_row([aid], |r| r.get(0))?;
        let s = similarity(sig, &from_blob(&blob));
        if s >= THRESHOLD && best.is_none_or(|(_, b)| s > b) {
            best = Some((aid, s));
        }
    }
    Ok(best)
}

/// Records an article's bands so later copies find it.
pub(crate) fn index(tx: &Transaction, aid: i64, sig: &[u32]) -> Result<()> {
    if sig.is_empty() {
        return Ok(());
    }
    let mut ins = tx.prepare_cached("INSERT OR IGNORE INTO lsh (key, aid) VALUES (?1, ?2)")?;
    for key in bands(sig) {
        ins.execute(params![key, aid])?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "Envoys from both sides met in Geneva on Monday for a third round of talks on a prisoner \
        exchange, officials said. The mediators said the meeting lasted six hours and would resume next week. \
        The government delegation demanded the release of 40 soldiers held since March. Rebel negotiators \
        said they would not agree to any exchange until the shelling of the northern towns stopped.";

    #[test]
    fn copies_are_similar_and_other_stories_are_not() {
        let a = signature(STORY);
        assert_eq!(a.len(), HASHES);
        assert_eq!(similarity(&a, &signature(STORY)), 1.0);
        // A syndicated copy: punctuation and case changed, a line added at the end.
        let copy = format!("{} THE TALKS ARE BACKED BY THE REGIONAL BLOC.", STORY.replace(", officials said", ""));
        let s = similarity(&a, &signature(&copy));
        assert!(s >= THRESHOLD, "copy similarity {s}");
        let other = "Heavy rain flooded the capital on Tuesday, cutting power to thousands of homes. The weather \
            service said more storms were expected along the coast later in the week, and schools closed early.";
        let s = similarity(&a, &signature(other));
        assert!(s < 0.2, "unrelated similarity {s}");
        // A copy shares at least one band with the original; the unrelated story shares none.
        let shared = bands(&a).zip(bands(&signature(&copy))).filter(|(x, y)| x == y).count();
        assert!(shared > 0);
        let shared = bands(&a).zip(bands(&signature(other))).filter(|(x, y)| x == y).count();
        assert_eq!(shared, 0);
    }

    #[test]
    fn short_and_empty_texts() {
        assert!(signature("").is_empty());
        assert!(signature(" ,.; ").is_empty());
        assert_eq!(signature("Ceasefire holds").len(), HASHES);
        assert_eq!(from_blob(&to_blob(&signature("Ceasefire holds"))), signature("Ceasefire holds"));
    }
}
