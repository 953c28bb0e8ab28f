//! Word diff: empty, identical, fully different, Unicode and long texts.

use pactline::diff::{self, Op, Piece};

fn render(pieces: &[Piece]) -> String {
    pieces
        .iter()
        .map(|p| match p.op {
            Op::Same => p.text.clone(),
            Op::Deleted => format!("[-{}-]", p.text),
            Op::Inserted => format!("{{+{}+}}", p.text),
        })
        .collect()
}

fn side(pieces: &[Piece], keep: Op) -> String {
    pieces
        .iter()
        .filter(|p| p.op == Op::Same || p.op == keep)
        .map(|p| p.text.as_str())
        .collect()
}

#[test]
fn empty_texts_give_nothing() {
    assert!(diff::words("", "").is_empty());
}

#[test]
fn from_or_to_empty_is_one_insertion_or_deletion() {
    assert_eq!(render(&diff::words("", "new term")), "{+new term+}");
    assert_eq!(render(&diff::words("old term", "")), "[-old term-]");
}

#[test]
fn identical_texts_are_one_shared_piece() {
    let pieces = diff::words("Azure is exclusive.", "Azure is exclusive.");
    assert_eq!(
        pieces,
        [Piece {
            op: Op::Same,
            text: "Azure is exclusive.".into()
        }]
    );
}

#[test]
fn a_changed_word_is_marked_in_place() {
    assert_eq!(
        render(&diff::words("Azure is exclusive", "Azure is primary")),
        "Azure is [-exclusive-]{+primary+}"
    );
}

#[test]
fn fully_different_texts_keep_both_sides_whole() {
    let pieces = diff::words("alpha beta", "gamma delta");
    assert_eq!(side(&pieces, Op::Deleted), "alpha beta");
    assert_eq!(side(&pieces, Op::Inserted), "gamma delta");
    assert!(pieces.iter().all(|p| p.op != Op::Same || p.text.trim().is_empty()));
}

#[test]
fn a_rewrite_is_shown_as_old_then_new_whole() {
    let pieces = diff::words(
        "Loosened: non-API products may be served from any cloud",
        "Azure is primary, not the only cloud",
    );
    assert_eq!(
        render(&pieces),
        "[-Loosened: non-API products may be served from any cloud-]{+Azure is primary, not the only cloud+}"
    );
}

#[test]
fn unicode_words_are_kept_intact() {
    let pieces = diff::words("Licence naïve — until AGI 🚀", "Licence naïve — through 2032 🚀");
    assert_eq!(side(&pieces, Op::Deleted), "Licence naïve — until AGI 🚀");
    assert_eq!(side(&pieces, Op::Inserted), "Licence naïve — through 2032 🚀");
}

#[test]
fn long_texts_diff_completely() {
    let a: String = (0..3_000).map(|i| format!("w{i} ")).collect();
    let b = a.replace("w1500 ", "changed ");
    let pieces = diff::words(&a, &b);
    assert_eq!(side(&pieces, Op::Deleted), a);
    assert_eq!(side(&pieces, Op::Inserted), b);
    assert_eq!(pieces.iter().filter(|p| p.op != Op::Same).count(), 2);
}
