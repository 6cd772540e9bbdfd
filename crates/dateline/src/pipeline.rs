//! The pipeline: `Article` → annotated [`Doc`] → [`Record`].

use crate::article::Article;
use crate::doc::Doc;
use crate::record::Record;
use crate::stages;

/// One step of the pipeline. A stage reads the layers earlier stages added to
/// the [`Doc`] and adds its own; it never calls another stage.
pub trait Stage: Send + Sync {
    /// The layer's name, as in the docs and `dateline --help`.
    fn name(&self) -> &'static str;
    /// Adds this stage's layer to `doc`.
    fn annotate(&self, doc: &mut Doc);
}

/// An ordered list of stages. Build it once and share it across threads:
/// [`Pipeline::extract`] takes `&self`.
pub struct Pipeline {
    stages: Vec<Box<dyn Stage>>,
    gazetteer: std::sync::Arc<crate::gazetteer::Gazetteer>,
}

impl Default for Pipeline {
    fn default() -> Self {
        Pipeline::new()
    }
}

impl Pipeline {
    /// Every stage the engine has, in order.
    pub fn new() -> Pipeline {
        Pipeline::all_stages(stages::entities::Entities::default())
    }

    fn all_stages(entities: stages::entities::Entities) -> Pipeline {
        Pipeline::empty()
            .with(stages::tokens::Tokens)
            .with(stages::sentences::Sentences)
            .with(stages::times::Times)
            .with(stages::places::Places)
            .with(entities)
            .with(stages::quotes::Quotes)
            .with(stages::figures::Figures)
            .with(stages::events::Events::default())
    }

    /// Every stage, with user dictionaries of actors added to the knowledge base
    /// (`(name, text)` pairs in the format of `data/kb/entities.tsv`; the
    /// caller reads the files). Errors name the dictionary and line.
    pub fn with_dictionaries(dicts: &[(String, String)]) -> Result<Pipeline, String> {
        Ok(Pipeline::all_stages(stages::entities::Entities::with_dictionaries(dicts)?))
    }

    /// This pipeline with users' places added to the gazetteer (`(name, text)`
    /// pairs in the format of `data/gazetteer/places.tsv`; the caller reads the
    /// files). Errors name the file and line.
    pub fn with_places(mut self, dicts: &[(String, String)]) -> Result<Pipeline, String> {
        if !dicts.is_empty() {
            self.gazetteer = std::sync::Arc::new(self.gazetteer.with_places(dicts)?);
        }
        Ok(self)
    }

    /// A pipeline with no stages (add them with [`Pipeline::with`]).
    /// This pipeline with the user's event triggers added (`(name, text)` pairs in
    /// the format of `data/events/triggers.tsv`). Errors name the file and line.
    pub fn with_triggers(mut self, files: &[(String, String)]) -> Result<Pipeline, String> {
        if !files.is_empty() {
            let events = stages::events::Events::with_triggers(files)?;
            if let Some(k) = self.stages.iter().position(|s| s.name() == "events") {
                self.stages[k] = Box::new(events);
            }
        }
        Ok(self)
    }

    pub fn empty() -> Pipeline {
        Pipeline { stages: Vec::new(), gazetteer: crate::gazetteer::shared() }
    }

    /// Appends a stage.
    pub fn with(mut self, stage: impl Stage + 'static) -> Pipeline {
        self.stages.push(Box::new(stage));
        self
    }

    /// The names of the stages, in order.
    pub fn stage_names(&self) -> Vec<&'static str> {
        self.stages.iter().map(|s| s.name()).collect()
    }

    /// Runs every stage over the article.
    pub fn annotate(&self, article: Article) -> Doc {
        let mut doc = Doc::with_gazetteer(article, self.gazetteer.clone());
        for stage in &self.stages {
            stage.annotate(&mut doc);
        }
        doc
    }

    /// Runs every stage and builds the record.
    pub fn extract(&self, article: Article) -> Record {
        Record::from_doc(self.annotate(article))
    }
}
