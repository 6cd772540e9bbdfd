//! `dateline ingest` against `dateline extract` on the same input, end to end
//! (the binary, process start and gazetteer load included), and the database's
//! size per article.
//!
//!     cargo bench -p dateline-cli --bench ingest
//!
//! Input: the 77 real Voice of America stories of `../shared/eval/sets/voa`
//! (when the evaluation data sits beside the repository), once, and ten times
//! over with a line added to each copy (so the copies are new articles and
//! near-duplicates of their story: the clustering path is exercised); else the
//! bundled examples.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

const RUNS: usize = 3;

fn median_secs(mut f: impl FnMut()) -> f64 {
    let mut t: Vec<f64> = (0..RUNS)
        .map(|_| {
            let s = Instant::now();
            f();
            s.elapsed().as_secs_f64()
        })
        .collect();
    t.sort_by(f64::total_cmp);
    t[RUNS / 2]
}

fn run(args: &[&str]) {
    let out = Command::new(env!("CARGO_BIN_EXE_dateline")).args(args).output().expect("dateline runs");
    assert!(out.status.code().is_some_and(|c| c <= 1), "{}", String::from_utf8_lossy(&out.stderr));
}

fn copies(src: &Path, dst: &Path, n: usize) -> usize {
    let text = std::fs::read_to_string(src).expect("input");
    let mut out = String::new();
    let mut count = 0;
    for k in 0..n {
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let mut v: serde_json::Value = serde_json::from_str(line).expect("JSON line");
            if k > 0 {
                let id = format!("{}-{k}", v["id"].as_str().unwrap_or("a"));
                v["id"] = id.into();
                let body =
                    format!("{}\n\nUpdate {k}: this copy carries one more line.", v["body"].as_str().unwrap_or(""));
                v["body"] = body.into();
            }
            out.push_str(&serde_json::to_string(&v).expect("JSON"));
            out.push('\n');
            count += 1;
        }
    }
    std::fs::write(dst, out).expect("write");
    count
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let tmp = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("bench-ingest");
    let _ = std::fs::remove_dir_all(&tmp);
    std::fs::create_dir_all(&tmp).expect("tmp");
    let voa = root.join("../shared/eval/sets/voa/voa.jsonl");
    let src = if voa.exists() { voa } else { root.join("examples/articles.jsonl") };
    println!("input: {}", src.display());
    for n in [1, 10] {
        let input = tmp.join(format!("x{n}.jsonl"));
        let articles = copies(&src, &input, n);
        let i = input.to_str().unwrap();
        let out = tmp.join("out.jsonl");
        let extract = median_secs(|| run(&["extract", i, "-o", out.to_str().unwrap()]));
        let db = tmp.join("bench.db");
        let ingest = median_secs(|| {
            for ext in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{ext}", db.display()));
            }
            run(&["ingest", i, "--db", db.to_str().unwrap(), "--quiet"]);
        });
        let again = median_secs(|| run(&["ingest", i, "--db", db.to_str().unwrap(), "--quiet"]));
        let bytes = std::fs::metadata(&db).map_or(0, |m| m.len());
        let text: usize = std::fs::read_to_string(&input)
            .unwrap()
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .map(|v| v["body"].as_str().map_or(0, str::len))
            .sum();
        println!(
            "{articles:>5} articles: extract {:>6.0} ms ({:>5.0}/s) · ingest {:>6.0} ms ({:>5.0}/s, {:.0}% of extract's rate) · \
             ingest again {:>5.0} ms · database {:.1} KB/article ({:.1}× the text)",
            extract * 1e3,
            articles as f64 / extract,
            ingest * 1e3,
            articles as f64 / ingest,
            100.0 * extract / ingest,
            again * 1e3,
            bytes as f64 / articles as f64 / 1e3,
            bytes as f64 / text as f64,
        );
    }
}
