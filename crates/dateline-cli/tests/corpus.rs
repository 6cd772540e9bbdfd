//! The corpus commands end to end on the Marenia corpus (`tests/corpus/marenia`,
//! fictional articles written for these tests; its README says what they state):
//! ingest (idempotent, syndicated copies clustered, killed and resumed), the
//! talks, figures and timeline aggregates, and exports.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use dateline_store::rusqlite::{Connection, OpenFlags};
use serde_json::Value;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dateline"))
}

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/marenia")
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("dateline runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// A fresh directory under the target directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Ingests the corpus into a new database and returns its path.
fn ingested(name: &str) -> PathBuf {
    let db = scratch(name).join("corpus.db");
    let c = corpus();
    let out = run(&[
        "ingest",
        c.join("articles").to_str().unwrap(),
        "--dict",
        c.join("actors.tsv").to_str().unwrap(),
        "--places",
        c.join("places.tsv").to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    db
}

fn jsonl(out: &Output) -> Vec<Value> {
    assert!(out.status.success(), "{}", text(&out.stderr));
    text(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

fn strs(v: &Value) -> Vec<&str> {
    v.as_array().map(|a| a.iter().filter_map(Value::as_str).collect()).unwrap_or_default()
}

#[test]
fn ingest_stores_every_format_once_and_clusters_copies() {
    let db = scratch("ingest").join("corpus.db");
    let c = corpus();
    let args = |db: &Path| {
        vec![
            "ingest".to_string(),
            c.join("articles").display().to_string(),
            "--dict".into(),
            c.join("actors.tsv").display().to_string(),
            "--places".into(),
            c.join("places.tsv").display().to_string(),
            "--db".into(),
            db.display().to_string(),
        ]
    };
    let out = bin().args(args(&db)).output().unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let summary = text(&out.stderr);
    assert!(summary.contains("34 articles read"), "{summary}");
    assert!(summary.contains("26 new, 8 near-duplicate"), "{summary}");

    let conn = Connection::open(&db).unwrap();
    let count = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap();
    assert_eq!(count("SELECT count(*) FROM articles"), 34);
    assert_eq!(count("SELECT count(DISTINCT cluster) FROM articles"), 26);
    // The copies named in the corpus README, each in its original's cluster.
    let mut stmt = conn.prepare("SELECT a.id FROM articles a WHERE a.cluster <> a.aid ORDER BY a.id").unwrap();
    let copies: Vec<String> = stmt.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
    assert_eq!(
        copies,
        [
            "ct-0303-shelling",
            "ct-0312-reject",
            "ct-0317-nairobi",
            "ct-0320-release",
            "ct-0331-toll",
            "mw-0314-toll",
            "mw-0324-ceasefire",
            "nl-0310-geneva"
        ]
    );
    // Feed items and WARC records came in with their URLs, sources and dates.
    let (source, published): (String, String) = conn
        .query_row("SELECT source, published FROM articles WHERE id = 'ct-feed-0308'", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!((source.as_str(), published.as_str()), ("Coastal Times", "2025-03-08"));
    let url: String =
        conn.query_row("SELECT url FROM articles WHERE published = '2025-03-19'", [], |r| r.get(0)).unwrap();
    assert_eq!(url, "https://lighthouse.example/marenia/0319");
    // Every row keeps the engine that made it; full-text search finds articles and quotes.
    assert_eq!(count(&format!("SELECT count(*) FROM articles WHERE engine = '{}'", env!("CARGO_PKG_VERSION"))), 34);
    assert_eq!(count("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'goodwill'"), 2);
    assert!(count("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'prisons'") >= 1);
    drop(stmt);
    drop(conn);

    // The same input again adds nothing.
    let again = bin().args(args(&db)).output().unwrap();
    assert!(again.status.success());
    assert!(text(&again.stderr).contains("0 new, 0 near-duplicate (linked to a stored story), 34 duplicate"));
    let conn = Connection::open(&db).unwrap();
    assert_eq!(conn.query_row("SELECT count(*) FROM articles", [], |r| r.get::<_, i64>(0)).unwrap(), 34);

    // --reprocess extracts every stored article again and keeps one set of rows each.
    let events_before: i64 = conn.query_row("SELECT count(*) FROM events", [], |r| r.get(0)).unwrap();
    let mut re = args(&db);
    re.drain(1..2);
    re.push("--reprocess".into());
    let out = bin().args(&re).output().unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("34 stored articles extracted again"), "{}", text(&out.stderr));
    let events_after: i64 = conn.query_row("SELECT count(*) FROM events", [], |r| r.get(0)).unwrap();
    assert_eq!(events_before, events_after);
}

#[test]
fn search_finds_articles_and_quotes() {
    let db = ingested("search");
    let out = run(&["search", "goodwill", "--db", db.to_str().unwrap()]);
    let lines = text(&out.stdout);
    assert_eq!(lines.lines().count(), 2, "{lines}");
    assert!(lines.contains("mw-0320-release") && lines.contains("[goodwill]"));
    let out = run(&["search", "--quotes", "prisons", "--db", db.to_str().unwrap()]);
    assert!(text(&out.stdout).contains("Tomas Reul"), "{}", text(&out.stdout));
    let bad = run(&["search", "\"unbalanced", "--db", db.to_str().unwrap()]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn talks_names_mediators_meetings_demands_and_releases() {
    let db = ingested("talks");
    let out = run(&[
        "talks",
        "--parties",
        "Marenia,Coastal Liberation Front",
        "--format",
        "jsonl",
        "--db",
        db.to_str().unwrap(),
    ]);
    let rows = jsonl(&out);
    let mediators: Vec<&str> =
        rows.iter().filter(|r| r["kind"] == "mediator").flat_map(|r| strs(&r["actors"])).collect();
    assert_eq!(mediators, ["African Union", "Norway"]);

    let line = |kind: &str| -> Vec<(String, Vec<String>, String, Vec<String>)> {
        rows.iter()
            .filter(|r| r["kind"] == kind)
            .map(|r| {
                (
                    r["day"].as_str().unwrap_or("").to_string(),
                    strs(&r["actors"]).into_iter().map(String::from).collect(),
                    r["place"].as_str().unwrap_or("").to_string(),
                    strs(&r["figures"]).into_iter().map(String::from).collect(),
                )
            })
            .collect()
    };
    let both = || vec!["Marenia".to_string(), "Coastal Liberation Front".to_string()];
    // Each round once, although two outlets carried the first two.
    let rounds: Vec<(String, String)> = line("mediated talks")
        .into_iter()
        .map(|(d, a, p, _)| {
            assert_eq!(a, both());
            (d, p)
        })
        .collect();
    assert_eq!(
        rounds,
        [
            ("2025-03-10".to_string(), "Geneva".to_string()),
            ("2025-03-17".into(), "Nairobi".into()),
            ("2025-03-28".into(), "Geneva".into())
        ]
    );
    // The envoys' meetings with each side, before the first round.
    let meetings: Vec<(String, String)> = line("meeting").into_iter().map(|(d, _, p, _)| (d, p)).collect();
    for want in
        [("2025-03-05", "Port Halden"), ("2025-03-06", "Velo"), ("2025-03-08", "Port Halden"), ("2025-03-09", "Velo")]
    {
        assert!(meetings.contains(&(want.0.to_string(), want.1.to_string())), "{want:?} in {meetings:?}");
    }
    let demands: Vec<(String, Vec<String>)> = line("demand").into_iter().map(|(d, a, _, _)| (d, a)).collect();
    for (day, who) in [
        ("2025-03-11", "Coastal Liberation Front"),
        ("2025-03-18", "Marenia"),
        ("2025-04-02", "Coastal Liberation Front"),
    ] {
        assert!(demands.contains(&(day.to_string(), vec![who.to_string()])), "{day} {who} in {demands:?}");
    }
    // Each demand carries its answer: the other side's first later rejection or concession, else open.
    let answers: Vec<(&str, &str)> = rows
        .iter()
        .filter(|r| r["kind"] == "demand" && r["actors"] != serde_json::json!(["Elena Varga"]))
        .map(|r| (r["day"].as_str().unwrap(), r["answer"].as_str().unwrap()))
        .collect();
    assert_eq!(
        answers,
        [("2025-03-11", "rejected 2025-03-12"), ("2025-03-18", "rejected 2025-03-18"), ("2025-04-02", "open")]
    );
    let rejections: Vec<(String, Vec<String>)> = line("rejection").into_iter().map(|(d, a, _, _)| (d, a)).collect();
    assert_eq!(
        rejections,
        [
            ("2025-03-12".to_string(), vec!["Marenia".to_string()]),
            ("2025-03-18".into(), vec!["Coastal Liberation Front".into()]),
            ("2025-03-19".into(), vec!["Coastal Liberation Front".into()])
        ]
    );
    let agreements: Vec<(String, Vec<String>, String, &str)> = line("agreement")
        .into_iter()
        .zip(rows.iter().filter(|r| r["kind"] == "agreement"))
        .map(|((d, a, p, _), r)| (d, a, p, r["status"].as_str().unwrap_or("")))
        .collect();
    // The signed agreement, and the government's offer to release more prisoners
    // "if the ceasefire held": an agreement on a condition.
    assert_eq!(
        agreements,
        [
            ("2025-03-24".to_string(), both(), "Nairobi".to_string(), "occurred"),
            ("2025-03-28".to_string(), vec!["the government".to_string()], String::new(), "conditional")
        ]
    );
    let releases: Vec<(String, Vec<String>, Vec<String>)> =
        line("release").into_iter().map(|(d, a, _, f)| (d, a, f)).collect();
    assert_eq!(
        releases,
        [
            (
                "2025-03-20".to_string(),
                vec!["Coastal Liberation Front".to_string()],
                vec!["25 captive soldiers".to_string()]
            ),
            ("2025-03-21".into(), vec!["Marenia".into()], vec!["60 prisoners".into()]),
            ("2025-04-02".into(), vec!["Marenia".into()], vec!["120 prisoners".into()]),
            ("2025-04-02".into(), vec!["Coastal Liberation Front".into()], vec!["40 soldiers".into()]),
        ]
    );
    // Lines are in time order and each carries its evidence.
    let days: Vec<&str> = rows.iter().filter_map(|r| r["day"].as_str()).collect();
    assert!(days.windows(2).all(|w| w[0] <= w[1]));
    assert!(rows
        .iter()
        .filter(|r| r["kind"] != "mediator")
        .all(|r| r["evidence"].as_str().is_some_and(|e| !e.is_empty())));

    // The table view names the mediators in its header.
    let out = run(&["talks", "--parties", "Marenia,Coastal Liberation Front", "--db", db.to_str().unwrap()]);
    let table = text(&out.stdout);
    assert!(table.contains("Mediators: African Union (9 events), Norway (9 events)"), "{table}");
    assert!(table.contains("Open demands: 1"), "{table}");
    // Two parties are needed.
    assert_eq!(run(&["talks", "--parties", "Marenia", "--db", db.to_str().unwrap()]).status.code(), Some(2));
}

#[test]
fn figures_keep_each_claimants_series_and_find_the_disagreement() {
    let db = ingested("figures");
    let out = run(&[
        "figures",
        "--format",
        "jsonl",
        "--type",
        "killed",
        "--place",
        "Port Halden",
        "--db",
        db.to_str().unwrap(),
    ]);
    let rows = jsonl(&out);
    let series = |who: &str| -> Vec<(String, f64)> {
        rows.iter()
            .filter(|r| r["claimant"] == who)
            .map(|r| (r["day"].as_str().unwrap().to_string(), r["value"].as_f64().unwrap()))
            .collect()
    };
    assert_eq!(
        series("Marenian Health Ministry"),
        [
            ("2025-03-03".to_string(), 48.0),
            ("2025-03-07".into(), 112.0),
            ("2025-03-14".into(), 212.0),
            ("2025-03-31".into(), 231.0)
        ]
    );
    assert_eq!(series("Coastal Rights Watch"), [("2025-03-07".to_string(), 115.0), ("2025-03-14".into(), 340.0)]);
    assert!(rows.iter().all(|r| r["attributed"] == true && r["evidence"].as_str().is_some()));

    // One disagreement over 10%: 340 against 212 on 14 March (112 against 115 is within 10%).
    let out = run(&["figures", "--disagreements", "--format", "jsonl", "--db", db.to_str().unwrap()]);
    let d = jsonl(&out);
    assert_eq!(d.len(), 1, "{d:?}");
    let mut pair = [
        (d[0]["claimant_a"].as_str().unwrap(), d[0]["value_a"].as_f64().unwrap()),
        (d[0]["claimant_b"].as_str().unwrap(), d[0]["value_b"].as_f64().unwrap()),
    ];
    pair.sort_by(|a, b| a.0.cmp(b.0));
    assert_eq!(pair, [("Coastal Rights Watch", 340.0), ("Marenian Health Ministry", 212.0)]);
    assert_eq!((d[0]["category"].as_str(), d[0]["place"].as_str()), (Some("killed"), Some("Port Halden")));
    assert_eq!((d[0]["day_a"].as_str(), d[0]["day_b"].as_str()), (Some("2025-03-14"), Some("2025-03-14")));
    assert_eq!(d[0]["difference"].as_f64(), Some(37.6));
    // A window of 7 days also sets 14 March's 340 against 7 March's 112.
    let wide = jsonl(&run(&[
        "figures",
        "--disagreements",
        "--window",
        "7",
        "--format",
        "jsonl",
        "--db",
        db.to_str().unwrap(),
    ]));
    assert!(wide.len() > 1);
}

#[test]
fn timeline_counts_each_story_once_per_pair_of_sides() {
    let db = ingested("timeline");
    let rows = jsonl(&run(&[
        "timeline",
        "--format",
        "jsonl",
        "--since",
        "2025-03-10",
        "--until",
        "2025-03-20",
        "--db",
        db.to_str().unwrap(),
    ]));
    let get =
        |day: &str, a: &str, r: &str| rows.iter().find(|x| x["day"] == day && x["actor"] == a && x["recipient"] == r);
    // The Geneva round, told by two outlets, once for each pair of party and mediator.
    for party in ["Marenia", "Coastal Liberation Front"] {
        for mediator in ["Norway", "African Union"] {
            let x = get("2025-03-10", party, mediator).unwrap_or_else(|| panic!("{party} → {mediator}"));
            assert_eq!((x["events"].as_i64(), x["verbal_coop"].as_i64()), (Some(1), Some(1)));
            assert_eq!(x["score_mean"].as_f64(), Some(1.0));
        }
    }
    // 12 March: Marenia's rejection (verbal conflict, -2), told by two outlets.
    let x = get("2025-03-12", "Marenia", "-").expect("the rejection");
    assert_eq!(
        (x["events"].as_i64(), x["verbal_conflict"].as_i64(), x["score_sum"].as_f64()),
        (Some(1), Some(1), Some(-2.0))
    );
    // 20 March: the CLF's release (material cooperation), two outlets, once.
    let x = get("2025-03-20", "Coastal Liberation Front", "captive soldiers").expect("the release");
    assert_eq!((x["events"].as_i64(), x["material_coop"].as_i64()), (Some(1), Some(1)));
    // The window holds: nothing before 10 March or after 20 March.
    assert!(rows.iter().all(|x| x["day"].as_str().is_some_and(|d| ("2025-03-10"..="2025-03-20").contains(&d))));
    // An actor filter keeps only events it takes part in.
    let only = jsonl(&run(&["timeline", "--format", "jsonl", "--actor", "Norway", "--db", db.to_str().unwrap()]));
    assert!(!only.is_empty() && only.iter().all(|x| x["actor"] == "Norway" || x["recipient"] == "Norway"), "{only:?}");
}

#[test]
fn exports_csv_jsonl_and_parquet_agree() {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    use parquet::record::Field;

    let db = ingested("export");
    let dir = db.parent().unwrap().to_path_buf();
    for table in ["events", "figures", "quotes", "entities", "places", "articles"] {
        let jl = jsonl(&run(&["export", "--table", table, "--db", db.to_str().unwrap()]));
        assert!(!jl.is_empty(), "{table}");
        let csv = run(&["export", "--table", table, "--format", "csv", "--db", db.to_str().unwrap()]);
        assert!(csv.status.success());
        let path = dir.join(format!("{table}.parquet"));
        let out = run(&[
            "export",
            "--table",
            table,
            "--format",
            "parquet",
            "-o",
            path.to_str().unwrap(),
            "--db",
            db.to_str().unwrap(),
        ]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let reader = SerializedFileReader::new(std::fs::File::open(&path).unwrap()).unwrap();
        assert_eq!(reader.metadata().file_metadata().num_rows() as usize, jl.len(), "{table}");
        // The CSV has a header and a line per row (no cell holds a line break here).
        let csv = text(&csv.stdout);
        let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
        assert_eq!(header.len(), jl[0].as_object().unwrap().len(), "{table}");
    }

    // Filters, and typed columns: dates are dates, compound actors lists.
    let path = dir.join("releases.parquet");
    let out = run(&[
        "export",
        "--table",
        "events",
        "--type",
        "RETREAT",
        "--since",
        "2025-04-01",
        "--format",
        "parquet",
        "-o",
        path.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    let reader = SerializedFileReader::new(std::fs::File::open(&path).unwrap()).unwrap();
    let rows: Vec<_> = reader.get_row_iter(None).unwrap().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    for row in &rows {
        let cols: std::collections::HashMap<&str, &Field> =
            row.get_column_iter().map(|(n, f)| (n.as_str(), f)).collect();
        // 2025-04-02 is day 20180 of the Unix epoch.
        assert_eq!(cols["day"], &Field::Date(20180));
        assert_eq!(cols["type"], &Field::Str("RETREAT".into()));
        assert!(matches!(cols["actors"], Field::ListInternal(l) if l.len() == 1));
    }
    let csv = text(
        &run(&["export", "--table", "events", "--actor", "Norway", "--format", "csv", "--db", db.to_str().unwrap()])
            .stdout,
    );
    assert!(csv.lines().skip(1).all(|l| l.contains("Norway")), "{csv}");
    assert!(csv.contains("\"Marenia; Coastal Liberation Front\"") || csv.contains("Marenia; Coastal Liberation Front"));
}

#[test]
fn a_missing_database_and_bad_input_are_reported() {
    let dir = scratch("errors");
    let out = run(&["timeline", "--db", dir.join("none.db").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("no such database"));
    // A bad line fails alone, named by file and line; the rest is stored.
    let input = dir.join("in.jsonl");
    std::fs::write(&input, "{\"id\":\"a\",\"body\":\"Envoys met in Geneva on Monday.\"}\n{broken\n{\"id\":\"b\",\"body\":\"Talks resumed.\"}\n").unwrap();
    let db = dir.join("x.db");
    let out = run(&["ingest", input.to_str().unwrap(), "--db", db.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("in.jsonl:2:") && err.contains("2 new") && err.contains("1 failed"), "{err}");
    let conn = Connection::open(&db).unwrap();
    assert_eq!(conn.query_row("SELECT count(*) FROM articles", [], |r| r.get::<_, i64>(0)).unwrap(), 2);
}

/// Many distinct articles, made from the corpus by numbering copies of it.
fn big_input(path: &Path, copies: usize) -> usize {
    let lines: Vec<Value> = std::fs::read_to_string(corpus().join("articles/articles.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let mut out = String::new();
    let mut n = 0;
    for k in 0..copies {
        for a in &lines {
            let mut a = a.clone();
            a["id"] = Value::from(format!("{}-{k}", a["id"].as_str().unwrap()));
            let body = format!("{} Update {k}: the desk added this line.", a["body"].as_str().unwrap());
            a["body"] = Value::from(body);
            out.push_str(&serde_json::to_string(&a).unwrap());
            out.push('\n');
            n += 1;
        }
    }
    std::fs::write(path, out).unwrap();
    n
}

#[test]
fn an_ingest_killed_mid_run_completes_on_the_next_run() {
    let dir = scratch("kill");
    let input = dir.join("big.jsonl");
    let total = big_input(&input, 60);
    let db = dir.join("kill.db");
    let args = ["ingest", input.to_str().unwrap(), "--db", db.to_str().unwrap(), "--quiet", "-j", "1"];
    let mut child = bin().args(args).spawn().unwrap();
    // Wait for the first batch to be committed, then kill the process (SIGKILL).
    let start = Instant::now();
    let stored = |db: &Path| -> i64 {
        Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY)
            .and_then(|c| c.query_row("SELECT count(*) FROM articles", [], |r| r.get(0)))
            .unwrap_or(0)
    };
    while stored(&db) == 0 {
        assert!(start.elapsed() < Duration::from_secs(120), "no batch was stored");
        assert!(child.try_wait().unwrap().is_none(), "ingest ended before it could be killed");
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let partial = stored(&db);
    assert!(partial > 0 && (partial as usize) < total, "killed with {partial} of {total} stored");

    // Every stored article has all of its rows: none half-written.
    let conn = Connection::open(&db).unwrap();
    let orphans: i64 = conn
        .query_row("SELECT count(*) FROM events WHERE aid NOT IN (SELECT aid FROM articles)", [], |r| r.get(0))
        .unwrap();
    assert_eq!(orphans, 0);
    drop(conn);

    // Run again: the rest is stored, nothing twice.
    let out = bin().args(args).output().unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let conn = Connection::open(&db).unwrap();
    let count = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap();
    assert_eq!(count("SELECT count(*) FROM articles") as usize, total);
    assert_eq!(count("SELECT count(DISTINCT id) FROM articles") as usize, total);
    // As many events as one uninterrupted ingest stores.
    let whole = dir.join("whole.db");
    let out =
        bin().args(["ingest", input.to_str().unwrap(), "--db", whole.to_str().unwrap(), "--quiet"]).output().unwrap();
    assert!(out.status.success());
    let other = Connection::open(&whole).unwrap();
    let events_whole: i64 = other.query_row("SELECT count(*) FROM events", [], |r| r.get(0)).unwrap();
    assert_eq!(count("SELECT count(*) FROM events"), events_whole);
    assert_eq!(
        count("SELECT count(*) FROM figures"),
        other.query_row("SELECT count(*) FROM figures", [], |r| r.get::<_, i64>(0)).unwrap()
    );
}
