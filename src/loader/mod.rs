//! Reads the human-edited TOML files in `data/`, checks them, and writes the
//! Rust source of the typed dataset.
//!
//! This module runs at build time, never in the browser: `build.rs` includes
//! it by path and the native tests reach it as `pactline::loader`, so the
//! shipped wasm carries no TOML parser. Every problem it finds names the file,
//! the entry id and what is wrong; `cargo build` stops on the first report.
//! The schema is documented for editors in `data/README.md`.
//!
//! The work runs in three steps, a module each: `files` parses every file
//! into its serde shape, `check` checks each file and its references to the
//! others, and `generate` writes the Rust source, with `figures` writing how
//! each figure reads. `dates` and `vocab` hold what checking and generation
//! share: the date syntax, and the words the files use for the model's enums.

mod check;
mod dates;
mod figures;
mod files;
mod generate;
mod vocab;

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

/// The data files, by name, in the order they are read.
pub const FILES: [&str; 11] = [
    "dataset.toml",
    "sources.toml",
    "parties.toml",
    "topics.toml",
    "events.toml",
    "versions.toml",
    "clauses.toml",
    "conflicts.toml",
    "tables.toml",
    "checks.toml",
    "corrections.toml",
];

/// A problem in the data, located precisely enough to fix by hand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    /// The file, e.g. `events.toml`.
    pub file: String,
    /// The entry's id (or `-` when the file as a whole is at fault).
    pub entry: String,
    /// What is wrong.
    pub problem: String,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "data/{}: `{}`: {}", self.file, self.entry, self.problem)
    }
}

/// The checked dataset, ready to be compiled into the app.
#[derive(Debug)]
pub struct Compiled {
    /// Rust source defining `pub static DATASET: Dataset`.
    pub rust: String,
    /// The dataset version: the review date plus a content hash.
    pub version: String,
}

/// Reads every data file from `dir` and compiles them.
pub fn compile_dir(dir: &Path) -> Result<Compiled, Vec<DataError>> {
    let mut texts = BTreeMap::new();
    let mut errors = Vec::new();
    for name in FILES {
        match std::fs::read_to_string(dir.join(name)) {
            Ok(text) => {
                texts.insert(name.to_string(), text);
            }
            Err(e) => errors.push(DataError {
                file: name.into(),
                entry: "-".into(),
                problem: format!("cannot be read: {e}"),
            }),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    compile_texts(&texts)
}

/// Compiles data files given as text, keyed by file name (see [`FILES`]).
/// A missing file counts as empty.
pub fn compile_texts(texts: &BTreeMap<String, String>) -> Result<Compiled, Vec<DataError>> {
    let raw = files::Raw::parse(texts)?;
    let checked = check::check(&raw)?;
    let version = format!("{}.{:08x}", raw.meta.updated, content_hash(texts));
    Ok(Compiled {
        rust: generate::generate(&raw, &checked, &version),
        version,
    })
}

/// FNV-1a over the file names and contents: stable across platforms and
/// Rust versions, which `std`'s hasher does not promise.
fn content_hash(texts: &BTreeMap<String, String>) -> u32 {
    let mut hash: u32 = 0x811c_9dc5;
    for (name, text) in texts {
        for byte in name.bytes().chain(text.bytes()) {
            hash ^= byte as u32;
            hash = hash.wrapping_mul(0x0100_0193);
        }
    }
    hash
}
