//! The store on records extracted from sentences written for these tests.

use dateline::{Article, Date, Pipeline};
use dateline_store::aggregate::{self, Filter};
use dateline_store::{article_hash, Added, Store};

fn article(id: &str, day: &str, body: &str) -> Article {
    Article { id: id.into(), published: Date::parse(day), body: body.into(), ..Article::default() }
}

const STORY: &str = "Israel and Hamas met in Doha on Monday for talks mediated by Qatar and Egypt. \
    Israel released 30 prisoners on Tuesday, officials said. Hamas freed 10 captives on Wednesday. \
    The Health Ministry said 40 people were killed in Rafah.";

#[test]
fn adding_is_idempotent_and_copies_join_a_cluster() {
    let p = Pipeline::new();
    let mut store = Store::open_in_memory().unwrap();
    let a = article("a", "2024-05-06", STORY);
    let copy = article("b", "2024-05-06", &format!("{STORY} The talks resume next week."));
    let other =
        article("c", "2024-05-07", "Heavy rain flooded Khartoum on Tuesday, cutting power to thousands of homes.");
    let mut tx = store.batch().unwrap();
    let first = tx.add(&p.extract(a.clone()), &article_hash(&a)).unwrap();
    assert!(matches!(first, Added::New { .. }));
    assert_eq!(tx.add(&p.extract(a.clone()), &article_hash(&a)).unwrap(), Added::Duplicate);
    let Added::NearDuplicate { cluster, similarity, .. } =
        tx.add(&p.extract(copy.clone()), &article_hash(&copy)).unwrap()
    else {
        panic!("a copy is a near-duplicate")
    };
    assert_eq!(Added::New { article: cluster }, first);
    assert!(similarity > 0.8, "{similarity}");
    assert!(matches!(tx.add(&p.extract(other.clone()), &article_hash(&other)).unwrap(), Added::New { .. }));
    tx.commit().unwrap();
    assert_eq!(store.len().unwrap(), 3);
    // Mentions, one row each, point at their words.
    let n: i64 = store
        .connection()
        .query_row(
            "SELECT count(*) FROM mentions m JOIN articles a ON a.aid = m.aid
             WHERE substr(a.text, m.start + 1, m.end - m.start) = 'Rafah'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(n, 2);
    assert!(store.contains(&article_hash(&copy)).unwrap());

    // The copy's events count once: one pair per day, not two.
    let t = aggregate::timeline(store.connection(), &Filter::default()).unwrap();
    let day = t.column("day").unwrap();
    let n = t.column("events").unwrap();
    let may6: i64 = t
        .rows
        .iter()
        .filter(|r| r[day].display() == "2024-05-06")
        .map(|r| if let dateline_store::export::Value::Int(i) = r[n] { i } else { 0 })
        .sum();
    assert!(may6 > 0);
    let single = {
        let mut s = Store::open_in_memory().unwrap();
        let mut tx = s.batch().unwrap();
        tx.add(&p.extract(a.clone()), &article_hash(&a)).unwrap();
        tx.commit().unwrap();
        aggregate::timeline(s.connection(), &Filter::default()).unwrap()
    };
    let single6: i64 = single
        .rows
        .iter()
        .filter(|r| r[day].display() == "2024-05-06")
        .map(|r| if let dateline_store::export::Value::Int(i) = r[n] { i } else { 0 })
        .sum();
    assert_eq!(may6, single6);

    // The talks view names the mediators.
    let talks = aggregate::talks(store.connection(), "Israel", "Hamas", &Filter::default()).unwrap();
    let names: Vec<&str> = talks.mediators.iter().map(|(m, _)| m.as_str()).collect();
    assert_eq!(names, ["Egypt", "Qatar"]);
}

#[test]
fn reprocessing_replaces_rows_and_an_unknown_schema_is_refused() {
    let dir = std::env::temp_dir().join(format!("dateline-store-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("s.db");
    let _ = std::fs::remove_file(&path);
    let p = Pipeline::new();
    {
        let mut store = Store::open(&path).unwrap();
        let a = article("a", "2024-05-06", STORY);
        let mut tx = store.batch().unwrap();
        tx.add(&p.extract(a.clone()), &article_hash(&a)).unwrap();
        tx.commit().unwrap();
        let events =
            |s: &Store| s.connection().query_row("SELECT count(*) FROM events", [], |r| r.get::<_, i64>(0)).unwrap();
        let before = events(&store);
        assert!(before > 0);
        let todo = store.articles_to_reprocess(true).unwrap();
        assert_eq!(todo.len(), 1);
        assert_eq!(todo[0].1.body, STORY);
        let mut tx = store.batch().unwrap();
        tx.replace(todo[0].0, &p.extract(todo[0].1.clone())).unwrap();
        tx.commit().unwrap();
        assert_eq!(events(&store), before);
        // Nothing made by another engine is left to reprocess.
        assert!(store.articles_to_reprocess(false).unwrap().is_empty());
        let v: i64 = store.connection().pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
        assert_eq!(v, dateline_store::schema::VERSION);
        store.connection().pragma_update(None, "user_version", 99).unwrap();
    }
    let err = Store::open(&path).err().expect("a newer schema is refused").to_string();
    assert!(err.contains("schema version 99") && err.contains("s.db"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}
