//! The corpus commands: `ingest`, `timeline`, `figures`, `talks`, `export`, `search`.

use std::collections::{BTreeMap, HashSet};
use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use dateline::{Article, Date, Record};
use dateline_read::{Input, Item, Options, Reader, Severity};
use dateline_store::aggregate::{self, Filter};
use dateline_store::export::Table;
use dateline_store::{Added, Store};
use rayon::prelude::*;

/// Articles extracted and stored per transaction.
const BATCH: usize = 256;

#[derive(clap::Args)]
pub struct DbArg {
    /// The corpus database (created if missing).
    #[arg(long, value_name = "FILE", default_value = "dateline.db")]
    pub db: PathBuf,
}

#[derive(clap::Args)]
pub struct IngestArgs {
    /// Files, directories or `-`: everything `extract` reads, plus RSS/Atom
    /// feeds, WARC archives and gzip-compressed files.
    #[arg(value_name = "PATH")]
    pub paths: Vec<String>,

    #[command(flatten)]
    pub db: DbArg,

    /// Publication date (YYYY-MM-DD) for articles that carry none.
    #[arg(long, value_name = "DATE", value_parser = crate::parse_date)]
    pub published: Option<Date>,

    /// Read every input as this format instead of guessing.
    #[arg(long, value_name = "FORMAT", value_parser = ["jsonl", "json", "text", "html", "feed", "warc"])]
    pub input_format: Option<String>,

    /// A dictionary of actors to add to the knowledge base (repeatable), as for `extract`.
    #[arg(long = "dict", value_name = "FILE")]
    pub dicts: Vec<PathBuf>,

    /// Places to add to the gazetteer (repeatable), as for `extract`.
    #[arg(long = "places", value_name = "FILE")]
    pub places: Vec<PathBuf>,

    /// Event triggers to add to the built-in ones (repeatable), as for `extract`.
    #[arg(long = "triggers", value_name = "FILE")]
    pub triggers: Vec<PathBuf>,

    /// Extract every stored article again with this engine (after an upgrade or
    /// a new dictionary), replacing its rows.
    #[arg(long)]
    pub reprocess: bool,

    /// No progress and no summary; problems are still reported.
    #[arg(short, long)]
    pub quiet: bool,

    /// Worker threads; 0 uses every core.
    #[arg(short = 'j', long, value_name = "N", default_value_t = 0)]
    pub threads: usize,
}

#[derive(clap::Args, Clone)]
pub struct FilterArgs {
    /// First day included (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = crate::parse_date)]
    pub since: Option<Date>,
    /// Last day included (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = crate::parse_date)]
    pub until: Option<Date>,
    /// Only rows involving this actor: a name ("Hamas") or an ISO3 country code
    /// ("ISR") (repeatable).
    #[arg(long = "actor", value_name = "NAME")]
    pub actors: Vec<String>,
    /// Only this event type ("ASSAULT"), figure category ("killed") or entity type
    /// ("PERSON") (repeatable).
    #[arg(long = "type", value_name = "TYPE")]
    pub types: Vec<String>,
    /// Only rows at this place ("Rafah").
    #[arg(long, value_name = "NAME")]
    pub place: Option<String>,
}

impl FilterArgs {
    fn filter(&self) -> Filter {
        Filter {
            since: self.since,
            until: self.until,
            actors: self.actors.clone(),
            types: self.types.clone(),
            place: self.place.clone(),
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TableFormat {
    /// Aligned columns for reading.
    Table,
    /// One JSON object per row.
    Jsonl,
    /// Comma-separated values with a header line.
    Csv,
}

#[derive(clap::Args)]
pub struct TimelineArgs {
    #[command(flatten)]
    pub db: DbArg,
    #[command(flatten)]
    pub filter: FilterArgs,
    #[arg(short, long, value_enum, default_value_t = TableFormat::Table)]
    pub format: TableFormat,
}

#[derive(clap::Args)]
pub struct FiguresArgs {
    #[command(flatten)]
    pub db: DbArg,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Days apart two claimants' figures may be and still be compared.
    #[arg(long, value_name = "DAYS", default_value_t = 3)]
    pub window: i64,
    /// Print only the disagreements (the table format prints both tables).
    #[arg(long)]
    pub disagreements: bool,
    #[arg(short, long, value_enum, default_value_t = TableFormat::Table)]
    pub format: TableFormat,
}

#[derive(clap::Args)]
pub struct TalksArgs {
    #[command(flatten)]
    pub db: DbArg,
    /// The two parties, comma-separated: "Israel,Hamas".
    #[arg(long, value_name = "A,B")]
    pub parties: String,
    #[command(flatten)]
    pub filter: FilterArgs,
    #[arg(short, long, value_enum, default_value_t = TableFormat::Table)]
    pub format: TableFormat,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    Jsonl,
    Csv,
    Parquet,
}

#[derive(clap::Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub db: DbArg,
    /// The table: events, figures, quotes, entities, places or articles.
    #[arg(long, value_name = "TABLE", value_parser = dateline_store::tables::TABLES)]
    pub table: String,
    #[arg(short, long, value_enum, default_value_t = ExportFormat::Jsonl)]
    pub format: ExportFormat,
    /// Write here instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub filter: FilterArgs,
}

#[derive(clap::Args)]
pub struct SearchArgs {
    #[command(flatten)]
    pub db: DbArg,
    /// An FTS5 query: words, "a phrase", AND / OR / NOT, prefix*.
    pub query: String,
    /// Search quotes (text and speaker) instead of articles.
    #[arg(long)]
    pub quotes: bool,
    /// At most this many results.
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
}

fn open_existing(db: &Path) -> io::Result<Store> {
    if !db.exists() {
        return Err(io::Error::new(
            io::ErrorKind::NotFound,
            format!("{}: no such database (create it with `dateline ingest PATH --db {}`)", db.display(), db.display()),
        ));
    }
    Store::open(db).map_err(io::Error::other)
}

/// Progress on standard error: a redrawn line on a terminal, a plain line every
/// few seconds otherwise, nothing when quiet.
struct Progress {
    start: Instant,
    last: Instant,
    total_bytes: u64,
    tty: bool,
    quiet: bool,
    drawn: bool,
}

impl Progress {
    fn new(total_bytes: u64, quiet: bool) -> Progress {
        let now = Instant::now();
        Progress { start: now, last: now, total_bytes, tty: io::stderr().is_terminal(), quiet, drawn: false }
    }

    fn update(&mut self, articles: usize, bytes: u64) {
        if self.quiet {
            return;
        }
        let every = if self.tty { Duration::from_millis(200) } else { Duration::from_secs(5) };
        if self.last.elapsed() < every {
            return;
        }
        self.last = Instant::now();
        let secs = self.start.elapsed().as_secs_f64();
        let rate = articles as f64 / secs.max(1e-9);
        let mut line = format!("{articles} articles, {rate:.0}/s");
        if self.total_bytes > 0 && bytes > 0 {
            let done = (bytes as f64 / self.total_bytes as f64).min(1.0);
            let eta = secs * (1.0 - done) / done.max(1e-9);
            line.push_str(&format!(", {:.0}% read, ETA {}", done * 100.0, clock(eta)));
        }
        if self.tty {
            eprint!("\r\x1b[2K{line}");
            self.drawn = true;
        } else {
            eprintln!("progress: {line}");
        }
    }

    /// Clears the redrawn line before other output.
    fn clear(&mut self) {
        if self.drawn {
            eprint!("\r\x1b[2K");
            self.drawn = false;
        }
    }
}

fn clock(secs: f64) -> String {
    let s = secs.round() as u64;
    if s >= 3600 {
        format!("{}h{:02}m", s / 3600, (s % 3600) / 60)
    } else {
        format!("{}m{:02}s", s / 60, s % 60)
    }
}

#[derive(Default)]
struct Tally {
    new: usize,
    duplicate: usize,
    near: usize,
    failed: usize,
    reasons: BTreeMap<String, usize>,
}

pub fn ingest(args: IngestArgs) -> io::Result<ExitCode> {
    let inputs: Vec<Input> = args.paths.iter().map(|s| Input::parse(s)).collect();
    if inputs.is_empty() && !args.reprocess {
        eprintln!("dateline ingest: no input (give files, directories or `-`; or --reprocess)");
        return Ok(ExitCode::from(2));
    }
    let format = args.input_format.as_deref().map(|f| f.parse()).transpose().map_err(io::Error::other)?;
    let opts = Options { published: args.published, format };
    let pipeline = match crate::load_pipeline(&args.dicts, &args.places, &args.triggers)? {
        Ok(p) => p,
        Err(code) => return Ok(code),
    };
    let pool = rayon::ThreadPoolBuilder::new().num_threads(args.threads).build().map_err(io::Error::other)?;
    let store = Store::open(&args.db.db).map_err(io::Error::other)?;
    // Looks up known hashes while the writer writes (WAL: readers do not wait).
    let lookup = Store::open(&args.db.db).map_err(io::Error::other)?;

    // One writer thread stores each extracted batch in a transaction, while this
    // thread reads and the pool extracts the next.
    type Extracted = (String, Record, Vec<u32>);
    let (send, receive) = std::sync::mpsc::sync_channel::<Vec<Extracted>>(2);
    let writer = std::thread::spawn(move || -> dateline_store::Result<(Store, [usize; 3])> {
        let mut store = store;
        let mut counts = [0usize; 3]; // new, near-duplicate, duplicate
        for records in receive {
            let mut tx = store.batch()?;
            for (hash, record, sig) in &records {
                let k = match tx.add_signed(record, hash, sig)? {
                    Added::New { .. } => 0,
                    Added::NearDuplicate { .. } => 1,
                    Added::Duplicate => 2,
                };
                counts[k] += 1;
            }
            tx.commit()?;
        }
        Ok((store, counts))
    });

    let mut progress = Progress::new(dateline_read::input_size(&inputs), args.quiet);
    let mut tally = Tally::default();
    let mut reader = Reader::new(inputs, opts);
    let mut batch: Vec<(String, Article)> = Vec::with_capacity(BATCH);
    // Hashes sent to the writer in this run (it may not have stored them yet).
    let mut seen: HashSet<String> = HashSet::new();
    let mut read = 0usize;
    loop {
        let item = reader.next();
        let end = item.is_none();
        match item {
            Some(Item::Article(a)) => {
                read += 1;
                let hash = dateline_store::article_hash(&a);
                // Known already (stored, or earlier in this run): not extracted again.
                if seen.contains(&hash) || lookup.contains(&hash).map_err(io::Error::other)? {
                    tally.duplicate += 1;
                } else {
                    seen.insert(hash.clone());
                    batch.push((hash, *a));
                }
            }
            Some(Item::Problem(p)) => {
                progress.clear();
                eprintln!("{p}");
                if p.severity == Severity::Error {
                    tally.failed += 1;
                    *tally.reasons.entry(reason(&p.message)).or_default() += 1;
                }
            }
            None => {}
        }
        if batch.len() == BATCH || (end && !batch.is_empty()) {
            let records: Vec<Extracted> = pool.install(|| {
                batch
                    .par_drain(..)
                    .map(|(h, a)| {
                        let r = pipeline.extract(a);
                        let sig = dateline_store::cluster::signature(&r.text);
                        (h, r, sig)
                    })
                    .collect()
            });
            if send.send(records).is_err() {
                break; // the writer stopped: its error is reported below
            }
        }
        progress.update(read, reader.bytes_read());
        if end {
            break;
        }
    }
    drop(send);
    let (mut store, counts) = match writer.join() {
        Ok(r) => r.map_err(io::Error::other)?,
        Err(_) => return Err(io::Error::other("the database writer failed")),
    };
    tally.new += counts[0];
    tally.near += counts[1];
    tally.duplicate += counts[2];
    let mut reprocessed = 0;
    if args.reprocess {
        let stored = store.articles_to_reprocess(true).map_err(io::Error::other)?;
        for chunk in stored.chunks(BATCH) {
            let records: Vec<(i64, Record)> =
                pool.install(|| chunk.par_iter().map(|(aid, a)| (*aid, pipeline.extract(a.clone()))).collect());
            let mut tx = store.batch().map_err(io::Error::other)?;
            for (aid, r) in &records {
                tx.replace(*aid, r).map_err(io::Error::other)?;
            }
            tx.commit().map_err(io::Error::other)?;
            reprocessed += records.len();
            progress.update(reprocessed, 0);
        }
    }
    progress.clear();
    if !args.quiet {
        let secs = progress.start.elapsed().as_secs_f64();
        let stored = store.len().map_err(io::Error::other)?;
        eprintln!(
            "{read} articles read in {secs:.2} s ({:.0}/s): {} new, {} near-duplicate (linked to a stored story), \
             {} duplicate (already stored), {} failed; {stored} in {}",
            read as f64 / secs.max(1e-9),
            tally.new,
            tally.near,
            tally.duplicate,
            tally.failed,
            args.db.db.display()
        );
        if reprocessed > 0 {
            eprintln!("{reprocessed} stored articles extracted again with dateline {}", dateline::VERSION);
        }
        for (why, n) in &tally.reasons {
            eprintln!("  failed: {n} × {why}");
        }
    }
    Ok(if tally.failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// A problem's message with numbers taken out, to group failures by kind.
fn reason(msg: &str) -> String {
    let mut out = String::new();
    let mut digits = false;
    for c in msg.chars() {
        if c.is_ascii_digit() {
            if !digits {
                out.push('N');
            }
            digits = true;
        } else {
            digits = false;
            out.push(c);
        }
    }
    out
}

fn print_table(t: &Table, format: TableFormat) -> io::Result<()> {
    let mut out = BufWriter::new(io::stdout().lock());
    match format {
        TableFormat::Table => t.write_text(&mut out, 60)?,
        TableFormat::Jsonl => t.write_jsonl(&mut out)?,
        TableFormat::Csv => t.write_csv(&mut out)?,
    }
    out.flush()
}

pub fn timeline(args: TimelineArgs) -> io::Result<ExitCode> {
    let store = open_existing(&args.db.db)?;
    let t = aggregate::timeline(store.connection(), &args.filter.filter()).map_err(io::Error::other)?;
    print_table(&t, args.format)?;
    Ok(ExitCode::SUCCESS)
}

pub fn figures(args: FiguresArgs) -> io::Result<ExitCode> {
    let store = open_existing(&args.db.db)?;
    let filter = args.filter.filter();
    let d = aggregate::disagreements(store.connection(), &filter, args.window).map_err(io::Error::other)?;
    if args.disagreements {
        print_table(&d, args.format)?;
        return Ok(ExitCode::SUCCESS);
    }
    let f = aggregate::figures(store.connection(), &filter).map_err(io::Error::other)?;
    print_table(&f, args.format)?;
    if args.format == TableFormat::Table {
        println!("\nDisagreements (same category, place and subject, within {} days, > 10% apart)", args.window);
        if d.rows.is_empty() {
            println!("  none");
        } else {
            print_table(&d, args.format)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn talks(args: TalksArgs) -> io::Result<ExitCode> {
    let parties: Vec<&str> = args.parties.split(',').map(str::trim).filter(|s| !s.is_empty()).collect();
    let [a, b] = parties[..] else {
        eprintln!("dateline talks: --parties takes two names separated by a comma, e.g. \"Israel,Hamas\"");
        return Ok(ExitCode::from(2));
    };
    let store = open_existing(&args.db.db)?;
    let talks = aggregate::talks(store.connection(), a, b, &args.filter.filter()).map_err(io::Error::other)?;
    if args.format == TableFormat::Table {
        let med: Vec<String> =
            talks.mediators.iter().map(|(m, n)| format!("{m} ({n} event{})", if *n == 1 { "" } else { "s" })).collect();
        println!("Talks between {a} and {b}");
        println!("Mediators: {}", if med.is_empty() { "none found".into() } else { med.join(", ") });
        let (kind, answer) = (talks.lines.column("kind"), talks.lines.column("answer"));
        let open = talks
            .lines
            .rows
            .iter()
            .filter(|r| {
                kind.is_some_and(|k| r[k].display() == "demand") && answer.is_some_and(|k| r[k].display() == "open")
            })
            .count();
        println!("Open demands: {open}\n");
        print_table(&talks.lines, args.format)?;
    } else {
        // Machine formats: the mediators first, as rows of kind "mediator".
        let mut t = talks.lines.clone();
        use dateline_store::export::Value;
        let rows: Vec<Vec<Value>> = talks
            .mediators
            .iter()
            .map(|(m, n)| {
                let mut row = vec![Value::Null; t.columns.len()];
                let col = |name: &str| t.column(name).unwrap_or(0);
                row[col("kind")] = Value::Text("mediator".into());
                row[col("actors")] = Value::List(vec![m.clone()]);
                row[col("recipients")] = Value::List(vec![a.to_string(), b.to_string()]);
                row[col("figures")] = Value::List(vec![]);
                row[col("evidence")] = Value::Text(format!("{n} events"));
                row
            })
            .collect();
        t.rows.splice(0..0, rows);
        print_table(&t, args.format)?;
    }
    Ok(ExitCode::SUCCESS)
}

pub fn export(args: ExportArgs) -> io::Result<ExitCode> {
    let store = open_existing(&args.db.db)?;
    let t = dateline_store::tables::table(store.connection(), &args.table, &args.filter.filter())
        .map_err(io::Error::other)?;
    let sink: Box<dyn Write + Send> = match &args.output {
        Some(p) => Box::new(File::create(p).map_err(|e| crate::with_path(e, p))?),
        None => {
            if args.format == ExportFormat::Parquet && io::stdout().is_terminal() {
                eprintln!("dateline export: Parquet is binary: give --output FILE or redirect standard output");
                return Ok(ExitCode::from(2));
            }
            Box::new(io::stdout())
        }
    };
    let mut out = BufWriter::with_capacity(1 << 16, sink);
    match args.format {
        ExportFormat::Jsonl => t.write_jsonl(&mut out)?,
        ExportFormat::Csv => t.write_csv(&mut out)?,
        ExportFormat::Parquet => t.write_parquet(&mut out).map_err(io::Error::other)?,
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

pub fn search(args: SearchArgs) -> io::Result<ExitCode> {
    let store = open_existing(&args.db.db)?;
    let conn = store.connection();
    let sql = if args.quotes {
        "SELECT a.id, coalesce(q.speaker, '-'), snippet(quotes_fts, 0, '[', ']', '…', 12)
         FROM quotes_fts JOIN quotes q ON q.qrow = quotes_fts.rowid JOIN articles a ON a.aid = q.aid
         WHERE quotes_fts MATCH ?1 ORDER BY rank LIMIT ?2"
    } else {
        "SELECT a.id, coalesce(a.title, '-'), snippet(articles_fts, 1, '[', ']', '…', 12)
         FROM articles_fts JOIN articles a ON a.aid = articles_fts.rowid
         WHERE articles_fts MATCH ?1 ORDER BY rank LIMIT ?2"
    };
    let run = || -> dateline_store::rusqlite::Result<Vec<(String, String, String)>> {
        let mut stmt = conn.prepare(sql)?;
        let rows = stmt.query_map(dateline_store::rusqlite::params![args.query, args.limit as i64], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })?;
        rows.collect()
    };
    match run() {
        Ok(rows) => {
            let mut out = io::stdout().lock();
            for (id, who, snippet) in rows {
                writeln!(out, "{id}\t{who}\t{}", snippet.replace('\n', " "))?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            eprintln!("dateline search: {e}");
            Ok(ExitCode::from(2))
        }
    }
}
