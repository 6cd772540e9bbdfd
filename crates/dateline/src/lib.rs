//! # dateline
//!
//! Turns conflict and diplomacy news into structured, sourced event data.
//!
//! The flow runs one way: an [`Article`] goes through the [`Pipeline`]'s stages,
//! each adding a layer to the annotated [`Doc`] (tokens, sentences, and in later
//! versions entities, places, times, quotes, figures and events); the finished
//! `Doc` becomes a [`Record`], the JSON object described by schema `dateline/1`.
//!
//! ```
//! use dateline::{Article, Pipeline};
//!
//! let pipeline = Pipeline::new();
//! let doc = pipeline.annotate(Article::from_body("Envoys met in Doha on Monday. Talks resume Friday."));
//! assert_eq!(doc.sentences.len(), 2);
//! let record = pipeline.extract(Article::from_body("Envoys met in Doha."));
//! assert_eq!(record.schema, "dateline/1");
//! ```
//!
//! This crate does no I/O: readers (`dateline-read`), the store and the CLI wrap it.
//! Knowledge the stages use (abbreviations, word lists) lives in `data/` as text
//! files compiled into the library.

pub mod article;
pub mod calendar;
pub mod doc;
pub mod gazetteer;
pub mod lexicon;
pub mod pipeline;
pub mod record;
pub mod stages;

pub use article::{content_id, Article};
pub use calendar::Date;
pub use doc::Doc;
pub use pipeline::{Pipeline, Stage};
pub use record::Record;

/// The engine's version: stored with everything it extracts, so a store can tell
/// which records an older engine made.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
