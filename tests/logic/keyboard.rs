//! Roving focus within a group, and the event nearest the viewport.

use pactline::keyboard::{nearest, roving};

#[test]
fn arrows_move_within_a_group_and_wrap() {
    assert_eq!(roving(4, 0, "ArrowDown"), Some(1));
    assert_eq!(roving(4, 3, "ArrowRight"), Some(0));
    assert_eq!(roving(4, 0, "ArrowUp"), Some(3));
    assert_eq!(roving(4, 2, "Home"), Some(0));
    assert_eq!(roving(4, 1, "End"), Some(3));
    assert_eq!(roving(4, 1, "Tab"), None);
    assert_eq!(roving(0, 0, "ArrowDown"), None);
}

#[test]
fn j_and_k_start_from_the_rows_in_view() {
    // Rows above the viewport, two in it, one below.
    let tops = [-900.0, -300.0, 40.0, 500.0, 1200.0];
    assert_eq!(nearest(&tops, 800.0, true), Some(2));
    assert_eq!(nearest(&tops, 800.0, false), Some(3));
    // Scrolled past every row: forward goes to the last, back too.
    assert_eq!(nearest(&[-500.0, -100.0], 800.0, true), Some(1));
    assert_eq!(nearest(&[-500.0, -100.0], 800.0, false), Some(1));
    // Every row below the viewport: back goes to the first.
    assert_eq!(nearest(&[900.0, 1000.0], 800.0, false), Some(0));
    assert_eq!(nearest(&[], 800.0, true), None);
}
