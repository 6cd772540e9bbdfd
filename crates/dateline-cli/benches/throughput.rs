//! Throughput of the whole pipeline (every stage, plus JSON serialization of the
//! record), in articles/s and MB/s of article text, on one thread and on all.
//!
//!     cargo bench -p dateline-cli --bench throughput
//!
//! Corpora: the bundled examples (our own articles), and, where the evaluation
//! data sits beside the repository (`../shared/eval/sets/voa`), 77 real Voice of
//! America conflict stories. Reading files is not timed; extraction is.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use dateline::{Article, Pipeline};
use dateline_read::{Input, Item, Options, Reader};
use rayon::prelude::*;

/// Each measurement runs at least this long.
const MIN_TIME: Duration = Duration::from_secs(3);

fn load(path: &Path) -> Vec<Article> {
    Reader::new([Input::Path(path.to_path_buf())], Options::default())
        .filter_map(|i| match i {
            Item::Article(a) => Some(*a),
            Item::Problem(_) => None,
        })
        .collect()
}

fn extract_all(pipeline: &Pipeline, articles: &[Article], parallel: bool) -> usize {
    let one = |a: &Article| serde_json::to_vec(&pipeline.extract(a.clone())).map_or(0, |v| v.len());
    if parallel {
        articles.par_iter().map(one).sum()
    } else {
        articles.iter().map(one).sum()
    }
}

fn measure(name: &str, articles: &[Article], threads: usize) {
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("thread pool");
    let pipeline = Pipeline::new();
    let bytes: usize = articles.iter().map(|a| a.body.len()).sum();
    pool.install(|| extract_all(&pipeline, articles, threads > 1)); // warm up
    let start = Instant::now();
    let mut rounds = 0u64;
    while start.elapsed() < MIN_TIME {
        pool.install(|| std::hint::black_box(extract_all(&pipeline, articles, threads > 1)));
        rounds += 1;
    }
    let secs = start.elapsed().as_secs_f64();
    let n = articles.len() as f64 * rounds as f64;
    println!(
        "{name:<22} {threads:>2} thread{} {:>12.0} articles/s {:>9.2} MB/s   ({} articles, {:.1} KB avg)",
        if threads == 1 { " " } else { "s" },
        n / secs,
        bytes as f64 * rounds as f64 / secs / 1e6,
        articles.len(),
        bytes as f64 / articles.len().max(1) as f64 / 1e3,
    );
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut corpora = vec![("examples", load(&root.join("examples")))];
    let voa = root.join("../shared/eval/sets/voa/voa.jsonl");
    if voa.exists() {
        corpora.push(("voa (77 real stories)", load(&voa)));
    } else {
        println!("(../shared/eval/sets/voa not found: benchmarking the bundled examples only)");
    }
    println!("dateline {} · stages: {}", env!("CARGO_PKG_VERSION"), Pipeline::new().stage_names().join(", "));
    for (name, articles) in &corpora {
        if articles.is_empty() {
            continue;
        }
        measure(name, articles, 1);
        if cores > 1 {
            measure(name, articles, cores);
        }
    }
}
