//! Where sources disagree, and the comparison tables they give.

use super::Certainty;

/// One source's side of a disagreement.
#[derive(Debug)]
pub struct Claim {
    /// The source id.
    pub source: &'static str,
    /// What the source claims, in Pactline's words.
    pub text: &'static str,
    /// How sure the source is of it.
    pub certainty: Certainty,
    /// Events that carry this claim.
    pub events: &'static [&'static str],
}

/// A place where sources disagree; no claim is dropped.
#[derive(Debug)]
pub struct Conflict {
    /// Stable slug.
    pub id: &'static str,
    /// What the disagreement is about.
    pub title: &'static str,
    /// What exactly differs.
    pub summary: &'static str,
    /// Each side, with its source.
    pub claims: &'static [Claim],
}

/// A comparison table or set of estimates a source gives.
#[derive(Debug)]
pub struct Table {
    /// Stable slug.
    pub id: &'static str,
    /// Title.
    pub title: &'static str,
    /// How sure the figures are.
    pub certainty: Certainty,
    /// The source id.
    pub source: &'static str,
    /// What to keep in mind when reading it.
    pub note: &'static str,
    /// Column headings.
    pub columns: &'static [&'static str],
    /// Rows of cells.
    pub rows: &'static [&'static [&'static str]],
    /// Per row, for a table whose rows are of different kinds; else empty.
    pub row_certainty: &'static [Certainty],
    /// Per column, for a table whose columns are of different kinds; else empty.
    pub column_certainty: &'static [Certainty],
}

impl Table {
    /// How sure one cell is: its row's or column's kind where the table
    /// mixes kinds, else the table's.
    pub fn cell_certainty(&self, row: usize, column: usize) -> Certainty {
        self.row_certainty
            .get(row)
            .or_else(|| self.column_certainty.get(column))
            .copied()
            .unwrap_or(self.certainty)
    }

    /// Whether the table mixes kinds, so each row or column says its own.
    pub fn is_mixed(&self) -> bool {
        !self.row_certainty.is_empty() || !self.column_certainty.is_empty()
    }
}
