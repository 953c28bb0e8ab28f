//! Word-level difference between two statements of a term, for the inline
//! comparison mode.
//!
//! Uses the `similar` crate (Myers' algorithm over words) rather than a
//! hand-written LCS: it is well kept, handles Unicode and long texts, and
//! its cost in the wasm is reported in README.md.

use similar::{ChangeTag, TextDiff};

/// Whether a piece of text is shared, only in A, or only in B.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Same,
    Deleted,
    Inserted,
}

/// A run of words with one [`Op`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// What happened to the text.
    pub op: Op,
    /// The text, with its spacing.
    pub text: String,
}

/// Diffs `a` against `b` word by word, merging neighbouring words with the
/// same operation so a view renders few elements.
pub fn words(a: &str, b: &str) -> Vec<Piece> {
    let diff = TextDiff::from_words(a, b);
    let mut pieces: Vec<Piece> = Vec::new();
    for change in diff.iter_all_changes() {
        let op = match change.tag() {
            ChangeTag::Equal => Op::Same,
            ChangeTag::Delete => Op::Deleted,
            ChangeTag::Insert => Op::Inserted,
        };
        match pieces.last_mut() {
            Some(last) if last.op == op => last.text.push_str(change.value()),
            _ => pieces.push(Piece {
                op,
                text: change.value().to_string(),
            }),
        }
    }
    pieces
}
