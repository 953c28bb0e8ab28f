//! Word-level difference between two statements of a term, for the inline
//! comparison mode: the words that changed where the statements share
//! enough, or "reworded" where they share almost nothing.
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

/// Below this share of common words, interleaved edits read as word soup:
/// the statements are a rewording, shown one above the other.
const REWRITE_BELOW: f32 = 0.4;

/// How two statements differ.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Diff {
    /// Enough words in common to mark the ones that changed, in order.
    Words(Vec<Piece>),
    /// Too few words in common: the view shows both statements whole,
    /// each labelled with its version.
    Reworded,
}

/// The share of words (not spaces, which `similar` also counts as tokens)
/// the two texts have in common: 1.0 for equal texts, 0.0 for disjoint ones.
fn shared_words<'a>(diff: &'a TextDiff<'a, 'a, 'a, str>) -> f32 {
    let (mut same, mut total) = (0, 0);
    for change in diff.iter_all_changes().filter(|c| !c.value().trim().is_empty()) {
        match change.tag() {
            ChangeTag::Equal => {
                same += 2;
                total += 2;
            }
            _ => total += 1,
        }
    }
    if total == 0 { 1.0 } else { same as f32 / total as f32 }
}

/// Diffs `a` against `b` word by word, merging neighbouring words with the
/// same operation so a view renders few elements. Spaces are tokens of
/// their own, so the pieces of either side joined give that side back
/// exactly: no two words are ever glued together.
pub fn words(a: &str, b: &str) -> Diff {
    let diff = TextDiff::from_words(a, b);
    if !a.is_empty() && !b.is_empty() && shared_words(&diff) < REWRITE_BELOW {
        return Diff::Reworded;
    }
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
    Diff::Words(pieces)
}
