//! Word-level difference between two statements of a term, for the inline
//! comparison mode: the words that changed where the statements share
//! enough, or "reworded" where they share almost nothing.
//!
//! The diff runs natively only, with the `similar` crate (Myers' algorithm
//! over words) rather than a hand-written LCS: it is well kept and handles
//! Unicode and long texts. The app can only compare the dataset's own
//! terms, so `build.rs` works out every diff the comparison can show (see
//! `loader`) and the browser build looks them up ([`lookup`]), which keeps
//! `similar` out of the wasm: 17 KB less, 3.6 KB brotli (issue 17). Native
//! code, the tests among it, still diffs any two texts.

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

/// How two statements differ.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Diff {
    /// Enough words in common to mark the ones that changed, in order.
    Words(Vec<Piece>),
    /// Too few words in common: the view shows both statements whole,
    /// each labelled with its version.
    Reworded,
}

/// A diff worked out at build time, as the generated dataset holds it:
/// the pieces are cut from the statements themselves, so only their
/// operations and lengths are stored.
#[derive(Debug)]
pub struct Stored {
    /// The first statement.
    pub a: &'static str,
    /// The second statement.
    pub b: &'static str,
    /// Each piece in order, as its length in bytes times four plus its
    /// operation (0 same, 1 deleted, 2 inserted); `None` when reworded.
    pub runs: Option<&'static [u32]>,
}

impl Stored {
    /// The diff, with each piece's text taken from `a` or `b`; `None` if
    /// the runs do not fit the statements (a build that went wrong).
    fn diff(&self) -> Option<Diff> {
        let Some(runs) = self.runs else {
            return Some(Diff::Reworded);
        };
        let (mut a, mut b) = (self.a, self.b);
        let mut pieces = Vec::with_capacity(runs.len());
        for &run in runs {
            let len = (run >> 2) as usize;
            let (op, text) = match run & 3 {
                0 => {
                    take(&mut b, len)?;
                    (Op::Same, take(&mut a, len)?)
                }
                1 => (Op::Deleted, take(&mut a, len)?),
                _ => (Op::Inserted, take(&mut b, len)?),
            };
            pieces.push(Piece { op, text: text.into() });
        }
        Some(Diff::Words(pieces))
    }
}

/// Cuts the first `len` bytes off `text` and returns them.
fn take<'a>(text: &mut &'a str, len: usize) -> Option<&'a str> {
    let (head, tail) = text.split_at_checked(len)?;
    *text = tail;
    Some(head)
}

/// The diff of `a` against `b` from a table worked out at build time (the
/// app's is `data::WORD_DIFFS`); `None` when the table lacks the pair.
/// Equal statements need no entry: they are one shared piece.
pub fn lookup(table: &[Stored], a: &str, b: &str) -> Option<Diff> {
    if a == b {
        let same = (!a.is_empty()).then(|| Piece {
            op: Op::Same,
            text: a.into(),
        });
        return Some(Diff::Words(same.into_iter().collect()));
    }
    table.iter().find(|s| s.a == a && s.b == b)?.diff()
}

/// Diffs `a` against `b` word by word (see the native version). In the
/// browser the pairs are the dataset's, worked out at build time; a pair
/// the build did not see shows both statements whole.
#[cfg(target_arch = "wasm32")]
pub fn words(a: &str, b: &str) -> Diff {
    lookup(crate::data::WORD_DIFFS, a, b).unwrap_or(Diff::Reworded)
}

#[cfg(not(target_arch = "wasm32"))]
pub use native::{pack, words};

/// The diff itself, with `similar`: for the build, the tests and tools.
#[cfg(not(target_arch = "wasm32"))]
mod native {
    use super::{Diff, Op, Piece};
    use similar::{ChangeTag, TextDiff};

    /// Below this share of common words, interleaved edits read as word
    /// soup: the statements are a rewording, shown one above the other.
    const REWRITE_BELOW: f32 = 0.4;

    /// The share of words (not spaces, which `similar` also counts as
    /// tokens) the two texts have in common: 1.0 for equal texts, 0.0 for
    /// disjoint ones.
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

    /// Diffs `a` against `b` word by word, merging neighbouring words with
    /// the same operation so a view renders few elements. Spaces are tokens
    /// of their own, so the pieces of either side joined give that side
    /// back exactly: no two words are ever glued together.
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

    /// The runs of [`super::Stored`] for a diff, as the build writes them;
    /// `None` for a rewording.
    pub fn pack(diff: &Diff) -> Option<Vec<u32>> {
        let Diff::Words(pieces) = diff else {
            return None;
        };
        let runs = pieces.iter().map(|p| {
            let op = match p.op {
                Op::Same => 0,
                Op::Deleted => 1,
                Op::Inserted => 2,
            };
            (p.text.len() as u32) << 2 | op
        });
        Some(runs.collect())
    }
}
