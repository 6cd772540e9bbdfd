//! The `dateline` binary end to end: inputs, outputs, errors, exit codes, and
//! every record it emits checked against the JSON Schema it prints.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

use serde_json::Value;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dateline"))
}

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("dateline runs");
    // Feed standard input from another thread: the child may fill its output
    // pipe before it has read all of its input.
    let mut si = child.stdin.take().unwrap();
    let data = stdin.map(<[u8]>::to_vec);
    let feeder = std::thread::spawn(move || {
        if let Some(data) = data {
            let _ = si.write_all(&data);
        }
    });
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    out
}

fn schema() -> &'static jsonschema::Validator {
    static V: OnceLock<jsonschema::Validator> = OnceLock::new();
    V.get_or_init(|| {
        let out = run(&["schema"], None);
        assert!(out.status.success());
        let schema: Value = serde_json::from_slice(&out.stdout).expect("schema is JSON");
        jsonschema::validator_for(&schema).expect("schema is a valid JSON Schema")
    })
}

/// Parses JSON Lines output, validating every record against the schema and
/// checking that every span indexes `text` in code points.
fn records(stdout: &[u8]) -> Vec<Value> {
    let text = std::str::from_utf8(stdout).unwrap();
    text.lines()
        .map(|l| {
            let r: Value = serde_json::from_str(l).unwrap();
            check_record(&r);
            r
        })
        .collect()
}

fn check_record(r: &Value) {
    let errors: Vec<String> = schema().iter_errors(r).map(|e| format!("{} at {}", e, e.instance_path())).collect();
    assert!(errors.is_empty(), "record {} does not match the schema: {errors:?}", r["id"]);
    let n = r["text"].as_str().unwrap().chars().count();
    let mut last = 0;
    for s in r["sentences"].as_array().unwrap() {
        let (a, b) = (s[0].as_u64().unwrap() as usize, s[1].as_u64().unwrap() as usize);
        assert!(last <= a && a < b && b <= n, "sentence span {a}..{b} out of order or range in {}", r["id"]);
        last = b;
    }
}

#[test]
fn examples_directory_yields_one_valid_record_per_article() {
    let out = run(&["extract", "--input", examples().to_str().unwrap()], None);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let rs = records(&out.stdout);
    let ids: Vec<&str> = rs.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["kyiv-grain-corridor", "sahel-hostage-release", "geneva-talks", "port-strike"]);
    assert_eq!(rs[3]["published"], "2024-02-08");
    assert_eq!(rs[3]["source"], "Example Daily");
    let text = rs[2]["text"].as_str().unwrap();
    assert!(text.starts_with("Sudan's army"), "title line is not part of the body");
    assert_eq!(rs[2]["title"], "Envoys meet in Geneva as pressure grows for a Sudan truce");
    let first = &rs[2]["sentences"][0];
    let s: String = text
        .chars()
        .skip(first[0].as_u64().unwrap() as usize)
        .take((first[1].as_u64().unwrap() - first[0].as_u64().unwrap()) as usize)
        .collect();
    assert!(s.ends_with("in four months."), "{s}");
}

#[test]
fn malformed_lines_are_reported_and_the_rest_processed() {
    let dir = std::env::temp_dir().join(format!("dateline-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("mixed.jsonl");
    std::fs::write(&f, "{\"id\": \"one\", \"body\": \"First.\"}\n{\"id\": \"two\", \"body\": \n{\"id\": \"three\", \"body\": \"Third.\"}\n").unwrap();
    let out = run(&["extract", f.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&format!("{}:2: invalid JSON", f.display())), "{err}");
    let ids: Vec<String> = records(&out.stdout).iter().map(|r| r["id"].as_str().unwrap().to_string()).collect();
    assert_eq!(ids, ["one", "three"]);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn usage_errors_exit_with_2() {
    assert_eq!(run(&["extract", "--format", "xml"], None).status.code(), Some(2));
    assert_eq!(run(&["extract", "--published", "soon"], None).status.code(), Some(2));
    assert_eq!(run(&["frobnicate"], None).status.code(), Some(2));
}

#[test]
fn missing_input_is_an_error_not_a_panic() {
    let out = run(&["extract", "/nonexistent/dateline-input.jsonl"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/dateline-input.jsonl: cannot read"));
}

#[test]
fn output_keeps_input_order_across_threads() {
    let mut input = String::new();
    for i in 0..1500 {
        // Articles of very different lengths finish at different times.
        let body = "Talks resumed in Doha. ".repeat(1 + (i * 7919) % 40);
        input.push_str(&serde_json::json!({"id": format!("a{i}"), "body": body}).to_string());
        input.push('\n');
    }
    let out = run(&["extract", "--threads", "2"], Some(input.as_bytes()));
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let ids: Vec<String> =
        text.lines().map(|l| serde_json::from_str::<Value>(l).unwrap()["id"].as_str().unwrap().to_string()).collect();
    let expected: Vec<String> = (0..1500).map(|i| format!("a{i}")).collect();
    assert_eq!(ids, expected);
}

#[test]
fn stdin_text_and_html_are_sniffed() {
    let out = run(&["extract", "--published", "2024-01-02"], Some(b"Headline here\n\nBody text. More text."));
    let rs = records(&out.stdout);
    assert_eq!(rs[0]["title"], "Headline here");
    assert_eq!(rs[0]["published"], "2024-01-02");
    assert_eq!(rs[0]["sentences"].as_array().unwrap().len(), 2);
    let out = run(
        &["extract", "-"],
        Some(b"<html><head><title>Page</title></head><body><p>Paragraph one is here.</p></body></html>"),
    );
    let rs = records(&out.stdout);
    assert_eq!(rs[0]["text"], "Paragraph one is here.");
}

#[test]
fn invalid_utf8_and_binary_input() {
    let out = run(&["extract"], Some(b"{\"id\": \"x\", \"body\": \"bad \xff byte\"}\n"));
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("<stdin>:1: warning: invalid UTF-8 replaced"));
    assert_eq!(records(&out.stdout)[0]["text"], "bad \u{FFFD} byte");
    let out = run(&["extract"], Some(b"\x7fELF\x02\x01\x01\x00\x00\x00"));
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("skipped: binary file"));
}

#[test]
fn json_and_summary_formats() {
    let ex = examples();
    let out = run(&["extract", "--format", "json", ex.join("articles.jsonl").to_str().unwrap()], None);
    let arr: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(arr.as_array().unwrap().len(), 2);
    arr.as_array().unwrap().iter().for_each(check_record);
    let empty = run(&["extract", "--format", "json"], Some(b""));
    assert_eq!(serde_json::from_slice::<Value>(&empty.stdout).unwrap(), serde_json::json!([]));
    let out = run(&["extract", "--format", "summary", ex.join("geneva-talks.txt").to_str().unwrap()], None);
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("Envoys meet in Geneva as pressure grows for a Sudan truce"));
    assert!(s.contains("id geneva-talks"));
    for table in ["Entities (", "Places (", "Times (", "Quotes (", "Figures (", "Events (", "Sentences (8)"] {
        assert!(s.contains(table), "summary lacks {table}");
    }
}

#[test]
fn output_file_and_help() {
    let dir = std::env::temp_dir().join(format!("dateline-cli-out-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out_file = dir.join("records.jsonl");
    let out = run(&["extract", "-o", out_file.to_str().unwrap()], Some(b"{\"id\": \"z\", \"body\": \"Hi.\"}\n"));
    assert!(out.status.success() && out.stdout.is_empty());
    let rs = records(&std::fs::read(&out_file).unwrap());
    assert_eq!(rs[0]["id"], "z");
    std::fs::remove_dir_all(&dir).unwrap();
    let help = run(&["extract", "--help"], None);
    let h = String::from_utf8(help.stdout).unwrap();
    for flag in ["--input", "--output", "--published", "--format", "--threads", "FILE:LINE"] {
        assert!(h.contains(flag), "help lacks {flag}");
    }
}

#[test]
fn user_dictionaries_extend_the_knowledge_base() {
    let dir = std::env::temp_dir().join(format!("dateline-cli-dict-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let dict = dir.join("actors.tsv");
    std::fs::write(&dict, "# our own actors\nDara Okafor\tPERSON\tNGA\tGOV\tOkafor\tdefence minister 2024-\n").unwrap();
    let out = run(
        &["extract", "--dict", dict.to_str().unwrap()],
        Some(b"{\"id\": \"d\", \"body\": \"Okafor visited the front.\"}\n"),
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let r = &records(&out.stdout)[0];
    let e =
        r["entities"].as_array().unwrap().iter().find(|e| e["name"] == "Dara Okafor").expect("the dictionary's actor");
    assert_eq!(e["country"], "NGA");
    assert_eq!(e["roles"][0], "defence minister");
    // A malformed dictionary is a usage error naming the file and line.
    std::fs::write(&dict, "Dara Okafor\tMINISTER\tNGA\tGOV\n").unwrap();
    let out = run(&["extract", "--dict", dict.to_str().unwrap()], Some(b""));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains(&format!("{}:1: type", dict.display())));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn user_triggers_extend_the_event_lexicon() {
    let dir = std::env::temp_dir().join(format!("dateline-cli-triggers-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("triggers.tsv");
    std::fs::write(&file, "# our own words\ntorched|torches\tASSAULT\t-\tobj\n").unwrap();
    let input = b"{\"id\": \"t\", \"body\": \"Hamas fighters torched the village of Kolo on Monday.\"}\n";
    let out = run(&["extract", "--triggers", file.to_str().unwrap()], Some(input));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(records(&out.stdout)[0]["events"][0]["type"], "ASSAULT");
    std::fs::write(&file, "torched\tASSAULT\n").unwrap();
    let out = run(&["extract", "--triggers", file.to_str().unwrap()], Some(b""));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains(&format!("{}:1: expected", file.display())));
    std::fs::remove_dir_all(&dir).unwrap();
}
