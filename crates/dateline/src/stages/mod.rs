//! The pipeline's stages, in the order they run. Each reads the layers of the
//! stages before it and adds its own; no stage calls another.

pub mod entities;
pub mod events;
pub mod figures;
pub mod places;
pub mod quotes;
pub mod sentences;
pub mod times;
pub mod tokens;
