//! The clause comparison as a reader uses it: the summary line and each
//! row's kind of change match the native comparison over the terms in
//! force, "only changed" hides the rest, `n`/`p` step through the changes,
//! inline and side-by-side modes, every way of picking versions leaves the
//! other picker alone, the scoreboard's cells open their pair and clause,
//! unknown versions fall back with a notice, and a clause's event link
//! leads to the timeline and back.
//!
//! The oracle is `pactline::compare` on the built-in dataset; a few kinds
//! of change are pinned literally on top.

use pactline::compare::{self, ClauseComparison, Summary};
use pactline::data;
use pactline::state::{Comparison, ViewState};

use super::timeline::{
    expect_eq, expect_expanded, expect_notice_names_ignored, link_query, param, wait_for_absent, wait_for_focus,
    wait_for_param, wait_for_text, wait_for_view,
};
use crate::support::page::Page;

/// Every clause row of the comparison.
const CLAUSE_ROW: &str = r#"[data-testid="clause-row"]"#;

/// The summary line above the rows.
const SUMMARY: &str = r#"[data-testid="clause-summary"]"#;

/// The default comparison, first version to last.
const DEFAULT_VERSIONS: (&str, &str) = ("2019", "2026");

/// Kinds of change the sources pin down, per comparison.
const PINNED: [(&str, &str, &str, &str); 7] = [
    ("2019", "2026", "cloud-exclusivity", "changed"),
    ("2019", "2026", "agi-clause", "changed"),
    ("2019", "2026", "revenue-share-to-microsoft", "changed"),
    ("2019", "2026", "compute-rofr", "removed"),
    ("2019", "2026", "ship-first-azure", "added"),
    ("2025", "2026", "revenue-share-to-microsoft", "changed"),
    ("2025", "2026", "revenue-share-to-openai", "removed"),
];

/// The summary line and every row's `data-change` agree with the native
/// comparison, for the default pair and for the last step.
pub async fn summary_and_change_kinds_match_the_comparison(page: &Page) -> Result<(), String> {
    for (a, b) in [DEFAULT_VERSIONS, ("2025", "2026")] {
        page.open(&format!("view=clauses&a={a}&b={b}")).await?;
        expect_comparison(page, a, b).await?;
        for (_, _, clause, kind) in PINNED.iter().filter(|pin| (pin.0, pin.1) == (a, b)) {
            expect_eq(
                &format!("data-change of {clause}, {a} → {b}"),
                page.attr(&clause_row(clause), "data-change").await?.as_deref(),
                Some(*kind),
            )?;
        }
    }
    Ok(())
}

/// "Only changed clauses" keeps just the added, removed and changed rows,
/// and says so in the URL.
pub async fn only_changed_keeps_changed_clauses(page: &Page) -> Result<(), String> {
    let (a, b) = DEFAULT_VERSIONS;
    page.open(&format!("view=clauses&a={a}&b={b}")).await?;
    expect_comparison(page, a, b).await?;
    page.click(r#"input[data-testid="only-changed"]"#).await?;
    wait_for_param(page, "changed", Some("1")).await?;

    let changed = changed_clauses(a, b);
    page.wait_until(&format!("{} clause rows remain", changed.len()), async || {
        Ok(page.count(CLAUSE_ROW).await? == changed.len())
    })
    .await?;
    let unchanged_rows =
        format!(r#"{CLAUSE_ROW}:not([data-change="added"]):not([data-change="removed"]):not([data-change="changed"])"#);
    expect_eq("rows left that did not change", page.count(&unchanged_rows).await?, 0)?;
    for clause in changed {
        expect_eq(
            &format!("rows of changed clause {clause}"),
            page.count(&clause_row(clause)).await?,
            1,
        )?;
    }
    Ok(())
}

/// With focus on the page, `n` selects the next changed clause (URL, row
/// and focus on its heading) and `p` the previous one.
pub async fn n_and_p_step_through_changed_clauses(page: &Page) -> Result<(), String> {
    let (a, b) = DEFAULT_VERSIONS;
    page.open(&format!("view=clauses&a={a}&b={b}")).await?;
    page.wait_for(CLAUSE_ROW).await?;
    let changed = changed_clauses(a, b);
    let [first, second, ..] = changed[..] else {
        return Err(format!("{a} → {b} has fewer than two changed clauses: {changed:?}"));
    };
    for (key, clause) in [("n", first), ("n", second), ("p", first)] {
        page.press(key).await?;
        expect_selected_clause(page, clause).await?;
        wait_for_focus(page, &clause_heading(clause))
            .await
            .map_err(|e| format!("after pressing {key}: {e}"))?;
    }
    Ok(())
}

/// Side by side (the default) shows both terms as cards; inline shows the
/// words that changed, or, for statements that share almost nothing, both
/// whole, one above the other, each labelled with its version.
pub async fn inline_and_side_by_side_modes(page: &Page) -> Result<(), String> {
    let (a, b) = DEFAULT_VERSIONS;
    page.open(&format!("view=clauses&a={a}&b={b}")).await?;
    let id = "cloud-exclusivity";
    let row = clause_row(id);
    let cards = format!("{row} .side-by-side .term");
    let reworded = format!(r#"{row} [data-testid="reworded"]"#);
    page.wait_for(&cards).await?;
    expect_eq("term cards side by side", page.count(&cards).await?, 2)?;
    expect_eq("reworded statements in side mode", page.count(&reworded).await?, 0)?;

    page.click(r#"input[data-testid="mode-inline"]"#).await?;
    wait_for_param(page, "mode", Some("inline")).await?;
    page.wait_for(&reworded).await?;
    let clause = data::builtin().clause(id).ok_or("no cloud-exclusivity clause")?;
    let text = |v: &str| clause.term(v).map(|t| t.text).unwrap_or_default();
    for (n, version) in [(2, a), (3, b)] {
        expect_eq(
            &format!("reworded statement {n}"),
            page.text(&format!("{reworded} p:nth-child({n})")).await?,
            format!("{version}: {}", text(version)),
        )?;
    }
    expect_eq("term cards in inline mode", page.count(&cards).await?, 0)?;

    page.click(r#"input[name="mode"]:not([data-testid="mode-inline"])"#)
        .await?;
    wait_for_param(page, "mode", None).await?;
    wait_for_absent(page, &reworded).await?;
    expect_eq("term cards back side by side", page.count(&cards).await?, 2)
}

/// An unknown version falls back to the default for its side, and the
/// notice names what was ignored.
pub async fn unknown_versions_fall_back_with_a_notice(page: &Page) -> Result<(), String> {
    let (a, b) = DEFAULT_VERSIONS;
    let query = "view=clauses&a=zzz";
    page.open(query).await?;
    expect_notice_names_ignored(page, query).await?;
    expect_comparison(page, a, b).await?;
    expect_pickers(page, a, b).await?;
    wait_for_param(page, "a", None).await
}

/// Every way of picking versions: a picker never moves the other; the same
/// version twice shows its terms alone with a notice; a reversed pair is
/// kept and reads as looking back; Swap and "previous version" do what they
/// say; a reversed deep link is kept as it is.
pub async fn picking_versions_never_moves_the_other_picker(page: &Page) -> Result<(), String> {
    const SAME: &str = r#"[data-testid="same-version"]"#;
    const TITLE: &str = r#"[data-testid="pair-title"]"#;
    page.open("view=clauses").await?;
    expect_comparison(page, "2019", "2026").await?;

    page.select_value(r#"[data-testid="version-a"]"#, "2026").await?;
    wait_for_param(page, "a", Some("2026")).await?;
    expect_pickers(page, "2026", "2026").await?;
    page.wait_for(SAME).await?;
    expect_comparison(page, "2026", "2026").await?;

    page.select_value(r#"[data-testid="version-b"]"#, "2019").await?;
    wait_for_param(page, "b", Some("2019")).await?;
    expect_pickers(page, "2026", "2019").await?;
    wait_for_absent(page, SAME).await?;
    wait_for_text(page, TITLE, "2026 → 2019: how the terms looked before").await?;
    expect_comparison(page, "2026", "2019").await?;

    page.click(r#"[data-testid="swap-versions"]"#).await?;
    wait_for_param(page, "a", Some("2019")).await?;
    wait_for_param(page, "b", Some("2026")).await?;
    expect_pickers(page, "2019", "2026").await?;

    page.click(r#"[data-testid="previous-version"]"#).await?;
    wait_for_param(page, "a", Some("2025")).await?;
    expect_pickers(page, "2025", "2026").await?;
    expect_comparison(page, "2025", "2026").await?;

    page.open("view=clauses&a=2026&b=2019").await?;
    expect_pickers(page, "2026", "2019").await?;
    expect_comparison(page, "2026", "2019").await?;
    expect_eq(
        "notices for a reversed pair",
        page.count(r#"[data-testid="url-notice"]"#).await?,
        0,
    )
}

/// The scoreboard sits above the pairwise comparison; every cell links to
/// its version against the one before (the first version, alone), scrolled
/// to its clause; and opening a cell shows that pair with the clause
/// selected and its change as the scoreboard named it.
pub async fn scoreboard_cells_open_their_pair_and_clause(page: &Page) -> Result<(), String> {
    const CELL: &str = r#"a[data-testid="score-cell"]"#;
    let data = data::builtin();
    page.open("view=clauses").await?;
    page.wait_for(CELL).await?;
    let order = page
        .execute_json(
            r#"const board = document.querySelector('[data-testid="scoreboard"]').getBoundingClientRect();
               const row = document.querySelector('[data-testid="clause-row"]').getBoundingClientRect();
               return board.bottom <= row.top;"#,
            vec![],
        )
        .await?;
    expect_eq("scoreboard above the first clause row", order.as_bool(), Some(true))?;

    let hrefs = page
        .execute_json(
            "return [...document.querySelectorAll(arguments[0])].map(a => a.getAttribute('href'));",
            vec![CELL.into()],
        )
        .await?;
    let hrefs: Vec<&str> = hrefs
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|h| h.as_str())
        .collect();
    let mut expected = Vec::new();
    for clause in data.clauses {
        for (i, v) in data.versions.iter().enumerate() {
            let a = i.checked_sub(1).map_or(v.id, |p| data.versions[p].id);
            expected.push((a, v.id, clause.id));
        }
    }
    expect_eq("scoreboard cells", hrefs.len(), expected.len())?;
    for (href, (a, b, clause)) in hrefs.iter().zip(&expected) {
        let query = link_query(href);
        let got = (param(query, "a"), param(query, "b"), param(query, "clause"));
        let want = (Some(a.to_string()), Some(b.to_string()), Some(clause.to_string()));
        expect_eq(&format!("cell {clause} at {b}: {href}"), got, want)?;
        if !href.ends_with(&format!("#clause-{clause}")) {
            return Err(format!("cell {clause} at {b} does not scroll to its clause: {href}"));
        }
    }

    let cell = r#"tr[data-clause-id="compute-rofr"] td[data-step="removed"] a"#;
    page.click(cell).await?;
    wait_for_param(page, "a", Some("2023")).await?;
    wait_for_param(page, "b", Some("2025")).await?;
    expect_selected_clause(page, "compute-rofr").await?;
    expect_eq(
        "data-change of compute-rofr, 2023 → 2025",
        page.attr(&clause_row("compute-rofr"), "data-change").await?.as_deref(),
        Some("removed"),
    )?;
    expect_comparison(page, "2023", "2025").await
}

/// A clause's event link opens the timeline with that event expanded; Back
/// returns to the same comparison.
pub async fn event_link_opens_the_timeline_and_back_returns(page: &Page) -> Result<(), String> {
    let (a, b) = ("2025", "2026");
    page.open(&format!("view=clauses&a={a}&b={b}")).await?;
    let link = format!(
        r#"{} a[data-testid="clause-event-link"]"#,
        clause_row("revenue-share-to-microsoft")
    );
    let href = page.attr(&link, "href").await?.unwrap_or_default();
    let event =
        param(link_query(&href), "event").ok_or_else(|| format!("the event link's href {href:?} names no event"))?;

    page.click(&link).await?;
    wait_for_view(page, "timeline").await?;
    expect_expanded(page, &event).await?;

    page.back().await?;
    wait_for_view(page, "clauses").await?;
    wait_for_param(page, "a", Some(a)).await?;
    wait_for_param(page, "b", Some(b)).await?;
    expect_comparison(page, a, b).await
}

// ---------------------------------------------------------------------------
// Shared with the timeline and keyboard scenarios.

/// A clause's row.
pub(super) fn clause_row(id: &str) -> String {
    format!(r#"{CLAUSE_ROW}[data-clause-id="{id}"]"#)
}

/// A clause row's heading, which takes focus when the row is stepped to.
pub(super) fn clause_heading(id: &str) -> String {
    format!("h3#clause-{id}")
}

/// Waits until clause `id` is the selected one: named in the URL and the
/// only row marked `selected`.
pub(super) async fn expect_selected_clause(page: &Page, id: &str) -> Result<(), String> {
    wait_for_param(page, "clause", Some(id)).await?;
    let row = format!("{}.selected", clause_row(id));
    page.wait_until(&format!("clause row {id} is selected"), async || {
        Ok(page.count(&row).await? == 1)
    })
    .await?;
    expect_eq(
        "selected clause rows",
        page.count(&format!("{CLAUSE_ROW}.selected")).await?,
        1,
    )
}

/// The changed clause that `n` (`forward`) or `p` selects from clause
/// `from`, in the comparison that `query` names: the library's own rule.
pub(super) fn changed_clause_from(query: &str, from: &str, forward: bool) -> Option<&'static str> {
    let data = data::builtin();
    let (state, _) = ViewState::parse(query, data);
    let comparison = Comparison {
        clause: Some(from.to_string()),
        ..state.comparison
    };
    comparison.changed_clause(data, forward)
}

// ---------------------------------------------------------------------------
// Clauses-only helpers.

/// Waits until the pickers show versions `a` and `b`.
async fn expect_pickers(page: &Page, a: &str, b: &str) -> Result<(), String> {
    for (select, version) in [("version-a", a), ("version-b", b)] {
        let css = format!(r#"[data-testid="{select}"] option:checked"#);
        page.wait_until(&format!("{select} shows {version}"), async || {
            Ok(page.attr(&css, "value").await?.as_deref() == Some(version))
        })
        .await?;
    }
    Ok(())
}

/// The native comparison of two versions.
fn comparison(a: &str, b: &str) -> Vec<ClauseComparison> {
    compare::compare(data::builtin(), a, b)
}

/// The clauses that changed between `a` and `b`, in row order.
fn changed_clauses(a: &str, b: &str) -> Vec<&'static str> {
    comparison(a, b)
        .iter()
        .filter(|row| row.kind.is_change())
        .map(|row| row.clause.id)
        .collect()
}

/// Checks the summary line and every row's kind of change against the
/// native comparison of `a` and `b`.
async fn expect_comparison(page: &Page, a: &str, b: &str) -> Result<(), String> {
    let rows = comparison(a, b);
    wait_for_text(page, SUMMARY, &Summary::of(&rows).line(a, b)).await?;
    expect_eq(
        &format!("clause rows, {a} → {b}"),
        page.count(CLAUSE_ROW).await?,
        rows.len(),
    )?;
    for row in &rows {
        let id = row.clause.id;
        expect_eq(
            &format!("data-change of {id}, {a} → {b}"),
            page.attr(&clause_row(id), "data-change").await?.as_deref(),
            Some(row.change_id()),
        )?;
    }
    Ok(())
}
