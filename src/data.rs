//! The built-in dataset, compiled from `data/*.toml` by `build.rs`, with
//! the word diffs of its clauses' terms.

use crate::diff::Stored;
use crate::model::*;

include!(concat!(env!("OUT_DIR"), "/dataset.rs"));

/// The dataset that ships with the app.
pub fn builtin() -> &'static Dataset {
    &DATASET
}
