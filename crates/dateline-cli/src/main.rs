//! The `dateline` command.

mod corpus;
mod summary;

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use dateline::{Date, Pipeline, Record};
use dateline_read::{Format, Input, Item, Options, Reader, Severity};
use rayon::prelude::*;

const ABOUT: &str = "Turns conflict and diplomacy news into structured, sourced event data.";

const LONG_ABOUT: &str = "\
Turns conflict and diplomacy news into structured, sourced event data.

dateline reads news articles and emits one JSON record per article (schema
dateline/1): the text, its sentences' evidence spans, and the layers the engine
extracts from it. Every offset is [start, end) in code points into `text`.

Examples:
  dateline extract --input examples/ --format summary
  dateline extract --input articles.jsonl --output records.jsonl
  cat page.html | dateline extract --published 2024-03-01
  dateline schema > record.schema.json
  dateline ingest news/ --db corpus.db && dateline talks --parties A,B --db corpus.db";

#[derive(Parser)]
#[command(name = "dateline", version, about = ABOUT, long_about = LONG_ABOUT)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract a record from each article.
    #[command(long_about = EXTRACT_LONG)]
    Extract(ExtractArgs),
    /// Print the JSON Schema of a record (schema dateline/1).
    Schema,
    /// Extract articles into a corpus database: idempotent, crash-safe, with
    /// syndicated copies grouped into story clusters.
    #[command(long_about = INGEST_LONG)]
    Ingest(corpus::IngestArgs),
    /// Per day and actor pair: events by PLOVER quad class and the
    /// cooperation/conflict score index.
    Timeline(corpus::TimelineArgs),
    /// Figures per category and place: each claimant's latest value per day, and
    /// where claimants disagree.
    Figures(corpus::FiguresArgs),
    /// The state of a negotiation between two parties: mediators, meetings,
    /// demands, rejections, agreements and releases, in time order.
    Talks(corpus::TalksArgs),
    /// Write a table of the corpus (events, figures, quotes, entities, places,
    /// articles) as JSON Lines, CSV or Parquet.
    Export(corpus::ExportArgs),
    /// Full-text search over stored articles or quotes.
    Search(corpus::SearchArgs),
}

const INGEST_LONG: &str = "\
Extract articles into a corpus database (SQLite, one file).

Reads everything `extract` reads, plus RSS/Atom feeds (.rss, .atom, or XML that
is one), WARC archives (.warc, .warc.gz: each HTML response record is an
article) and gzip-compressed files. Extraction runs on every core; one writer
stores each batch in a transaction.

An article already stored (same title and body) is not added again, so running
the same ingest twice adds nothing; a near-copy of a stored article (a
syndicated version) is stored and linked to that story's cluster, which the
aggregates count once. A run that is killed leaves every article either wholly
stored or absent: running it again completes it.

Examples:
  dateline ingest examples/ --db corpus.db
  dateline ingest crawl.warc.gz feeds/ --db corpus.db
  dateline ingest --reprocess --db corpus.db";

const EXTRACT_LONG: &str = "\
Extract a record from each article.

Inputs are files, directories (read recursively, in name order) or `-` for
standard input, which is also the default. Formats are told apart by extension,
else by content:
  .jsonl .ndjson   one article per line: {\"id\", \"title\", \"published\",
                   \"source\", \"url\", \"body\"} (\"text\" is accepted for \"body\";
                   an article without an id gets a stable content hash)
  .json            one such object, an array of them, or several in a row
  .txt .text .md   one article; the first line is its title when a blank
                   line follows
  .html .htm       one page: its main text, title, publication date, site
                   name and canonical URL
  .rss .atom       a feed: one article per item or entry
  .warc            a web archive: one article per HTML response record
Any of them may be gzip-compressed (.gz, or told by the first bytes).

Records come out in input order, whatever the number of threads. A line or file
that cannot be read is reported on stderr as FILE:LINE: REASON and the rest is
still processed; the exit status is then 1. Invalid UTF-8 is replaced (with a
warning) and binary files are skipped (with a warning). Usage errors exit with 2.";

#[derive(clap::Args)]
struct ExtractArgs {
    /// An input file or directory, or `-` for standard input (repeatable).
    #[arg(short, long = "input", value_name = "PATH")]
    inputs: Vec<String>,

    /// More inputs, as with --input.
    #[arg(value_name = "PATH")]
    paths: Vec<String>,

    /// Write records here instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,

    /// Publication date (YYYY-MM-DD) for articles that carry none; it anchors
    /// relative dates such as "on Wednesday".
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    published: Option<Date>,

    /// Output format: one JSON record per line, a JSON array, or a readable
    /// summary with a table per layer.
    #[arg(short, long, value_enum, default_value_t = OutFormat::Jsonl)]
    format: OutFormat,

    /// Read every input as this format instead of guessing.
    #[arg(long, value_name = "FORMAT", value_parser = ["jsonl", "json", "text", "html", "feed", "warc"])]
    input_format: Option<String>,

    /// A dictionary of actors to add to the built-in knowledge base
    /// (repeatable). One actor a line, tab-separated: name, type (PERSON,
    /// ORGANIZATION, GROUP, MEDIA, COUNTRY), country (ISO3), sector (GOV, MIL,
    /// REB ...), aliases separated by "|", roles separated by ";".
    #[arg(long = "dict", value_name = "FILE")]
    dicts: Vec<PathBuf>,

    /// Places to add to the gazetteer (repeatable). One place a line,
    /// tab-separated: name, feature (city, region, other; or country to add a
    /// name to a known country), country (ISO3), lat, lon, aliases separated by
    /// "|". A place of yours outranks every namesake.
    #[arg(long = "places", value_name = "FILE")]
    places: Vec<PathBuf>,

    /// Event triggers to add to the built-in ones (repeatable). One trigger a
    /// line, tab-separated: words (forms separated by "|": "shelled|shells"),
    /// PLOVER type, mode (- for none), where the recipient stands (obj, with,
    /// place, by, subj, against, host, none), and optionally words of which one
    /// must follow within ten: "took", ASSAULT, abduct, obj, "hostages|captives".
    #[arg(long = "triggers", value_name = "FILE")]
    triggers: Vec<PathBuf>,

    /// Worker threads; 0 uses every core.
    #[arg(short = 'j', long, value_name = "N", default_value_t = 0)]
    threads: usize,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum OutFormat {
    /// One JSON record per line (JSON Lines).
    Jsonl,
    /// A JSON array of pretty-printed records.
    Json,
    /// A readable view of each record: tables of entities, places, times,
    /// quotes, figures and events.
    Summary,
}

fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse(s).ok_or_else(|| format!("'{s}' is not a date (expected YYYY-MM-DD)"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => extract(args),
        Command::Schema => print_schema(),
        Command::Ingest(args) => corpus::ingest(args),
        Command::Timeline(args) => corpus::timeline(args),
        Command::Figures(args) => corpus::figures(args),
        Command::Talks(args) => corpus::talks(args),
        Command::Export(args) => corpus::export(args),
        Command::Search(args) => corpus::search(args),
    };
    match result {
        Ok(code) => code,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dateline: {e}");
            ExitCode::from(1)
        }
    }
}

fn print_schema() -> io::Result<ExitCode> {
    let mut out = io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, &Record::json_schema())?;
    writeln!(out)?;
    Ok(ExitCode::SUCCESS)
}

/// Articles handed to the workers at once.
const BATCH: usize = 512;

fn extract(args: ExtractArgs) -> io::Result<ExitCode> {
    let mut inputs: Vec<Input> = args.inputs.iter().chain(&args.paths).map(|s| Input::parse(s)).collect();
    if inputs.is_empty() {
        inputs.push(Input::Stdin);
    }
    let format = args.input_format.as_deref().map(|f| f.parse::<Format>()).transpose().map_err(io::Error::other)?;
    let opts = Options { published: args.published, format };

    let pool = rayon::ThreadPoolBuilder::new().num_threads(args.threads).build().map_err(io::Error::other)?;
    let pipeline = match load_pipeline(&args.dicts, &args.places, &args.triggers)? {
        Ok(p) => p,
        Err(code) => return Ok(code),
    };

    let sink: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(File::create(path).map_err(|e| with_path(e, path))?),
        None => Box::new(io::stdout().lock()),
    };
    let mut w = Writer { out: BufWriter::with_capacity(1 << 16, sink), format: args.format, count: 0 };
    w.begin()?;

    let mut failed = false;
    let mut batch = Vec::with_capacity(BATCH);
    let stderr = io::stderr();
    for item in Reader::new(inputs, opts) {
        match item {
            Item::Article(a) => {
                batch.push(*a);
                if batch.len() == BATCH {
                    w.records(pool.install(|| run(&pipeline, &mut batch)))?;
                }
            }
            Item::Problem(p) => {
                failed |= p.severity == Severity::Error;
                let _ = writeln!(stderr.lock(), "{p}");
            }
        }
    }
    w.records(pool.install(|| run(&pipeline, &mut batch)))?;
    w.end()?;
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// The pipeline with the user's dictionaries of actors, places and event
/// triggers; a bad dictionary is a usage error (exit 2).
fn load_pipeline(
    actors: &[PathBuf],
    places: &[PathBuf],
    triggers: &[PathBuf],
) -> io::Result<Result<Pipeline, ExitCode>> {
    let read = |paths: &[PathBuf]| -> io::Result<Vec<(String, String)>> {
        paths
            .iter()
            .map(|p| std::fs::read_to_string(p).map(|t| (p.display().to_string(), t)).map_err(|e| with_path(e, p)))
            .collect()
    };
    let (actors, places, triggers) = (read(actors)?, read(places)?, read(triggers)?);
    let pipeline = Pipeline::with_dictionaries(&actors).and_then(|p| p.with_places(&places));
    Ok(pipeline.and_then(|p| p.with_triggers(&triggers)).map_err(|e| {
        eprintln!("dateline: {e}");
        ExitCode::from(2)
    }))
}

fn with_path(e: io::Error, path: &std::path::Path) -> io::Error {
    io::Error::new(e.kind(), format!("{}: {e}", path.display()))
}

fn run(pipeline: &Pipeline, batch: &mut Vec<dateline::Article>) -> Vec<Record> {
    batch.par_drain(..).map(|a| pipeline.extract(a)).collect()
}

struct Writer {
    out: BufWriter<Box<dyn Write>>,
    format: OutFormat,
    count: usize,
}

impl Writer {
    fn begin(&mut self) -> io::Result<()> {
        if self.format == OutFormat::Json {
            self.out.write_all(b"[")?;
        }
        Ok(())
    }

    fn records(&mut self, records: Vec<Record>) -> io::Result<()> {
        for r in &records {
            match self.format {
                OutFormat::Jsonl => {
                    serde_json::to_writer(&mut self.out, r)?;
                    self.out.write_all(b"\n")?;
                }
                OutFormat::Json => {
                    self.out.write_all(if self.count == 0 { b"\n" } else { b",\n" })?;
                    serde_json::to_writer_pretty(&mut self.out, r)?;
                }
                OutFormat::Summary => {
                    if self.count > 0 {
                        self.out.write_all(b"\n")?;
                    }
                    self.out.write_all(summary::render(r).as_bytes())?;
                }
            }
            self.count += 1;
        }
        // Whatever is processed is written out before more is read.
        self.out.flush()
    }

    fn end(&mut self) -> io::Result<()> {
        if self.format == OutFormat::Json {
            self.out.write_all(if self.count == 0 { b"]\n" } else { b"\n]\n" })?;
        }
        self.out.flush()
    }
}
