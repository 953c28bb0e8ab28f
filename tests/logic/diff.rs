//! Word diff: empty, identical, reworded, Unicode and long texts, and every
//! pair of statements the real data compares.

use pactline::compare;
use pactline::diff::{self, Diff, Op, Piece};

fn pieces(a: &str, b: &str) -> Vec<Piece> {
    match diff::words(a, b) {
        Diff::Words(pieces) => pieces,
        Diff::Reworded => panic!("{a:?} → {b:?} came back reworded"),
    }
}

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

/// Whether every changed piece starts and ends on a word boundary of its
/// side: the words it marks are whole, never glued to their neighbours.
fn whole_words(pieces: &[Piece], keep: Op) -> bool {
    let mut text = String::new();
    let mut spans = Vec::new();
    for p in pieces.iter().filter(|p| p.op == Op::Same || p.op == keep) {
        if p.op == keep {
            spans.push((text.len(), text.len() + p.text.len()));
        }
        text.push_str(&p.text);
    }
    let boundary = |at: usize| {
        let before = text[..at].chars().next_back();
        let after = text[at..].chars().next();
        before.is_none_or(char::is_whitespace) || after.is_none_or(char::is_whitespace)
    };
    spans.iter().all(|&(start, end)| boundary(start) && boundary(end))
}

#[test]
fn empty_texts_give_nothing() {
    assert_eq!(diff::words("", ""), Diff::Words(Vec::new()));
}

#[test]
fn from_or_to_empty_is_one_insertion_or_deletion() {
    assert_eq!(render(&pieces("", "new term")), "{+new term+}");
    assert_eq!(render(&pieces("old term", "")), "[-old term-]");
}

#[test]
fn identical_texts_are_one_shared_piece() {
    assert_eq!(
        pieces("Azure is exclusive.", "Azure is exclusive."),
        [Piece {
            op: Op::Same,
            text: "Azure is exclusive.".into()
        }]
    );
}

#[test]
fn a_changed_word_is_marked_in_place() {
    assert_eq!(
        render(&pieces("Azure is exclusive", "Azure is primary")),
        "Azure is [-exclusive-]{+primary+}"
    );
}

#[test]
fn a_changed_number_shows_as_that_number_changed() {
    assert_eq!(
        render(&pieces(
            "A stake of about 27% worth about $135 billion.",
            "A stake of about 32% worth about $135 billion."
        )),
        "A stake of about [-27%-]{+32%+} worth about $135 billion."
    );
    assert_eq!(
        render(&pieces(
            "Revenue share runs through 2030.",
            "Revenue share runs through 2032."
        )),
        "Revenue share runs through [-2030.-]{+2032.+}"
    );
}

#[test]
fn statements_with_almost_nothing_in_common_are_reworded() {
    assert_eq!(
        diff::words(
            "Loosened: non-API products may be served from any cloud",
            "Azure is primary, not the only cloud",
        ),
        Diff::Reworded
    );
    assert_eq!(diff::words("alpha beta", "gamma delta"), Diff::Reworded);
}

#[test]
fn unicode_words_are_kept_intact() {
    let p = pieces("Licence naïve — until AGI 🚀", "Licence naïve — through 2032 🚀");
    assert_eq!(side(&p, Op::Deleted), "Licence naïve — until AGI 🚀");
    assert_eq!(side(&p, Op::Inserted), "Licence naïve — through 2032 🚀");
}

#[test]
fn long_texts_diff_completely() {
    let a: String = (0..3_000).map(|i| format!("w{i} ")).collect();
    let b = a.replace("w1500 ", "changed ");
    let p = pieces(&a, &b);
    assert_eq!(side(&p, Op::Deleted), a);
    assert_eq!(side(&p, Op::Inserted), b);
    assert_eq!(p.iter().filter(|p| p.op != Op::Same).count(), 2);
}

/// Every pair of versions of every clause in the real data, as the
/// comparison shows them: either the words that changed, whole and giving
/// back each statement exactly, or "reworded".
#[test]
fn every_real_clause_pair_diffs_cleanly() {
    let data = pactline::data::builtin();
    let (mut words, mut reworded) = (0, 0);
    for a in data.versions {
        for b in data.versions {
            for row in compare::compare(data, a.id, b.id) {
                let (Some(ta), Some(tb)) = (row.a.term, row.b.term) else {
                    continue;
                };
                match diff::words(ta.text, tb.text) {
                    Diff::Words(p) => {
                        words += 1;
                        assert_eq!(side(&p, Op::Deleted), ta.text, "{}: {} → {}", row.clause.id, a.id, b.id);
                        assert_eq!(
                            side(&p, Op::Inserted),
                            tb.text,
                            "{}: {} → {}",
                            row.clause.id,
                            a.id,
                            b.id
                        );
                        assert!(
                            whole_words(&p, Op::Deleted) && whole_words(&p, Op::Inserted),
                            "{}",
                            render(&p)
                        );
                    }
                    Diff::Reworded => reworded += 1,
                }
            }
        }
    }
    // Both forms occur on the real data: the test looks at each.
    assert!(words > 0 && reworded > 0, "{words} word diffs, {reworded} rewordings");
}

/// The browser build looks diffs up instead of working them out: for every
/// pair of versions of every clause, the table the build wrote gives what
/// the diff itself gives, and a pair the data never compares is not in it.
#[test]
fn the_build_time_table_gives_the_same_diffs() {
    let data = pactline::data::builtin();
    for a in data.versions {
        for b in data.versions {
            for row in compare::compare(data, a.id, b.id) {
                let (Some(ta), Some(tb)) = (row.a.term, row.b.term) else {
                    continue;
                };
                assert_eq!(
                    diff::lookup(pactline::data::WORD_DIFFS, ta.text, tb.text),
                    Some(diff::words(ta.text, tb.text)),
                    "{}: {} → {}",
                    row.clause.id,
                    a.id,
                    b.id
                );
            }
        }
    }
    assert_eq!(
        diff::lookup(pactline::data::WORD_DIFFS, "alpha beta", "alpha gamma"),
        None
    );
    assert_eq!(
        diff::lookup(&[], "same", "same"),
        Some(Diff::Words(vec![Piece {
            op: Op::Same,
            text: "same".into()
        }]))
    );
}
