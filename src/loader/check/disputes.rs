//! Checks `conflicts.toml` and `tables.toml`: where sources disagree, and
//! the comparison tables they give.

use super::{Known, Validator};
use crate::loader::files::Raw;
use crate::loader::vocab::{CERTAINTIES, variant};

impl Validator {
    /// A conflict has at least two sides, each with its source.
    pub(super) fn check_conflicts(&mut self, raw: &Raw, known: &Known) {
        let f = "conflicts.toml";
        for c in &raw.conflicts {
            self.non_empty(f, &c.id, "title", &c.title);
            self.non_empty(f, &c.id, "summary", &c.summary);
            if c.claims.len() < 2 {
                self.err(f, &c.id, "a conflict needs at least two claims");
            }
            for claim in &c.claims {
                self.reference(f, &c.id, "source", &claim.source, &known.sources);
                if variant(&CERTAINTIES, &claim.certainty).is_none() {
                    self.err(f, &c.id, format!("unknown certainty `{}`", claim.certainty));
                }
                self.non_empty(f, &c.id, "claim text", &claim.text);
                self.refs(f, &c.id, "event", &claim.events, &known.events);
            }
        }
    }

    /// A table's rows fit its columns, and its certainty labels fit its rows
    /// or its columns.
    pub(super) fn check_tables(&mut self, raw: &Raw, known: &Known) {
        let f = "tables.toml";
        for t in &raw.tables {
            self.reference(f, &t.id, "source", &t.source, &known.sources);
            if variant(&CERTAINTIES, &t.certainty).is_none() {
                self.err(f, &t.id, format!("unknown certainty `{}`", t.certainty));
            }
            for (i, row) in t.rows.iter().enumerate() {
                if row.len() != t.columns.len() {
                    self.err(
                        f,
                        &t.id,
                        format!("row {} has {} cells for {} columns", i + 1, row.len(), t.columns.len()),
                    );
                }
            }
            // A table that mixes kinds labels each row or each column.
            for (what, labels, count) in [
                ("row_certainty", &t.row_certainty, t.rows.len()),
                ("column_certainty", &t.column_certainty, t.columns.len()),
            ] {
                if !labels.is_empty() && labels.len() != count {
                    self.err(f, &t.id, format!("`{what}` has {} labels for {count}", labels.len()));
                }
                for label in labels.iter().filter(|l| variant(&CERTAINTIES, l).is_none()) {
                    self.err(f, &t.id, format!("unknown certainty `{label}` in `{what}`"));
                }
            }
            if !t.row_certainty.is_empty() && !t.column_certainty.is_empty() {
                self.err(f, &t.id, "label rows or columns, not both");
            }
        }
    }
}
