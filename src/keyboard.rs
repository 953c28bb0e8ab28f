//! Where keyboard navigation goes next, decided apart from the DOM: within
//! a group that is one Tab stop (a roving tabindex), and from the event
//! nearest the viewport.

/// The option an arrow key moves to in a group of `len` options whose
/// focused one is `current`: Down/Right forward and Up/Left back, wrapping
/// round, Home and End to the ends. `None` for any other key.
pub fn roving(len: usize, current: usize, key: &str) -> Option<usize> {
    if len == 0 {
        return None;
    }
    match key {
        "ArrowDown" | "ArrowRight" => Some((current + 1) % len),
        "ArrowUp" | "ArrowLeft" => Some((current + len - 1) % len),
        "Home" => Some(0),
        "End" => Some(len - 1),
        _ => None,
    }
}

/// The row to move to when focus is outside the list: going forward, the
/// first row whose top is in view (at or below the top of the viewport);
/// going back, the last row that starts above the bottom of the viewport.
/// `tops` are the rows' tops relative to the viewport, in list order;
/// `height` is the viewport's height.
pub fn nearest(tops: &[f64], height: f64, forward: bool) -> Option<usize> {
    if forward {
        tops.iter().position(|&top| top >= 0.0).or(tops.len().checked_sub(1))
    } else {
        tops.iter()
            .rposition(|&top| top < height)
            .or((!tops.is_empty()).then_some(0))
    }
}
