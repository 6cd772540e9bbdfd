// Shared checks for the fuzz targets: every article a reader yields goes through
// the whole pipeline, and the record's spans must index its text.

use dateline::{Article, Pipeline};
use dateline_read::{read_bytes, Format, Item, Options};

#[allow(dead_code)]
pub fn read_and_extract(data: &[u8], format: Option<Format>) {
    let items = read_bytes("fuzz", Some("fuzz"), data, format, &Options::default());
    let pipeline = Pipeline::new();
    for item in items {
        if let Item::Article(a) = item {
            check(&pipeline, *a);
        }
    }
}

pub fn check(pipeline: &Pipeline, article: Article) {
    let doc = pipeline.annotate(article);
    let text = doc.text();
    let n = text.chars().count() as u32;
    let mut last_end = 0;
    for t in &doc.tokens {
        assert!(t.start < t.end && t.end as usize <= text.len() && t.start >= last_end);
        assert!(text.is_char_boundary(t.start as usize) && text.is_char_boundary(t.end as usize));
        assert!(t.cstart < t.cend && t.cend <= n);
        assert_eq!(doc.char_offset(t.start as usize), t.cstart as usize);
        assert_eq!(doc.char_offset(t.end as usize), t.cend as usize);
        last_end = t.end;
    }
    let mut next_token = 0;
    for s in &doc.sentences {
        assert_eq!(s.first, next_token, "sentences cover the tokens in order");
        assert!(s.first < s.last);
        next_token = s.last;
        let _ = s.text(text);
    }
    assert_eq!(next_token as usize, doc.tokens.len());
    let record = dateline::Record::from_doc(doc);
    let json = serde_json::to_string(&record).expect("a record always serializes");
    let back: dateline::Record = serde_json::from_str(&json).expect("a record reads back");
    assert_eq!(back.sentences, record.sentences);
}
