//! Accessibility (issue 7): every view, in both themes and in embed mode,
//! passes axe-core's WCAG 2.2 A/AA rules with no violation; the structure
//! a screen reader navigates by is there (landmarks, exactly one `h1`); the
//! live event count is announced; and keyboard focus is always visible.
//!
//! axe-core comes from `.tools/node_modules/axe-core/` (`./tasks test`
//! installs it); each run injects it into the page under test, so the page
//! itself never loads it.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use pactline::checks::{self, Corroboration};
use pactline::model::{ClaimRef, Event};
use serde::Deserialize;
use serde_json::json;

use crate::support::page::Page;

/// axe-core's tags for the WCAG 2.0, 2.1 and 2.2 level A and AA rules.
const WCAG_TAGS: [&str; 5] = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/// axe-core's rules about page structure (tagged best practice, so not in
/// [`WCAG_TAGS`]): content sits in landmarks, there is one main, banner and
/// contentinfo at the top level, landmarks are unique, and there is an `h1`.
const STRUCTURE_RULES: [&str; 10] = [
    "region",
    "landmark-one-main",
    "landmark-no-duplicate-main",
    "landmark-no-duplicate-banner",
    "landmark-no-duplicate-contentinfo",
    "landmark-main-is-top-level",
    "landmark-banner-is-top-level",
    "landmark-contentinfo-is-top-level",
    "landmark-unique",
    "page-has-heading-one",
];

/// How many target selectors a failure message shows per violation.
const TARGETS_SHOWN: usize = 4;

/// One state of the app a reader can open by URL.
pub(super) struct ViewCase {
    /// A short name, for messages and artifact file names.
    pub name: &'static str,
    /// Its URL query.
    pub query: String,
    /// Matches once the state has rendered.
    pub ready: String,
}

/// Every view the accessibility and layout checks cover: the three views,
/// the timeline as a table and with an event expanded, and the clause
/// comparison inline.
pub(super) fn views() -> Vec<ViewCase> {
    let event = expanded_event_id();
    let case = |name, query: &str, ready: &str| ViewCase {
        name,
        query: query.to_owned(),
        ready: ready.to_owned(),
    };
    vec![
        case("timeline", "view=timeline", r#"[data-testid="event"]"#),
        case(
            "timeline-table",
            "view=timeline&layout=table",
            "table.event-table tbody tr",
        ),
        case(
            "timeline-event",
            &format!("view=timeline&event={event}"),
            &format!("#event-body-{event}"),
        ),
        case("clauses", "view=clauses", r#"[data-testid="clause-row"]"#),
        case("clauses-inline", "view=clauses&mode=inline", "p.inline-diff"),
        case("sources", "view=sources", r#"[data-testid="source"]"#),
    ]
}

/// The event shown expanded: the first with the most to show (a key figure,
/// a conflict, clause changes and a public report that contradicts it), so
/// its body has every kind of content.
pub(super) fn expanded_event_id() -> &'static str {
    let data = pactline::data::builtin();
    let rich = |e: &&Event| {
        !e.figures.is_empty() && !e.clause_changes.is_empty() && data.conflicts_of_event(e.id).next().is_some()
    };
    let contradicted = |e: &&Event| checks::status(data, ClaimRef::Figure(e.id, 0)) == Corroboration::Contradicted;
    data.events
        .iter()
        .find(|e| rich(e) && contradicted(e))
        .or_else(|| data.events.iter().find(rich))
        .or_else(|| data.events.first())
        .map_or("", |e| e.id)
}

/// Opens `case` with `extra` (`&name=value…`, or empty) added to its query
/// and waits until it has rendered, including the theme if `extra` sets one.
pub(super) async fn open_case(page: &Page, case: &ViewCase, extra: &str) -> Result<(), String> {
    page.open(&format!("{}{extra}", case.query)).await?;
    page.wait_for(&case.ready).await?;
    for theme in ["light", "dark"] {
        if extra.contains(&format!("theme={theme}")) {
            page.wait_for(&format!(r#"html[data-theme="{theme}"]"#)).await?;
        }
    }
    Ok(())
}

/// One axe-core violation: a rule and the elements that break it.
#[derive(Debug, Deserialize)]
struct Violation {
    id: String,
    impact: Option<String>,
    help: String,
    nodes: Vec<ViolatingNode>,
}

/// An element that breaks a rule.
#[derive(Debug, Deserialize)]
struct ViolatingNode {
    /// CSS selectors (one per frame or shadow root) that find it.
    target: Vec<String>,
    /// For contrast rules: the colours and ratios axe measured.
    contrast: Option<Contrast>,
}

/// What axe measured for a contrast violation.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Contrast {
    fg_color: Option<String>,
    bg_color: Option<String>,
    contrast_ratio: Option<f64>,
    expected_contrast_ratio: Option<String>,
}

impl std::fmt::Display for Violation {
    /// `id (impact) "help" at sel1 [fg on bg, ratio], sel2 … (+N more)`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let impact = self.impact.as_deref().unwrap_or("no impact given");
        write!(f, "{} ({impact}) \"{}\" at ", self.id, self.help)?;
        for (i, node) in self.nodes.iter().take(TARGETS_SHOWN).enumerate() {
            if i > 0 {
                write!(f, ", ")?;
            }
            write!(f, "`{}`", node.target.join(" >>> "))?;
            if let Some(c) = &node.contrast {
                write!(
                    f,
                    " [{} on {}, {:.2}:1, needs {}]",
                    c.fg_color.as_deref().unwrap_or("?"),
                    c.bg_color.as_deref().unwrap_or("?"),
                    c.contrast_ratio.unwrap_or(0.0),
                    c.expected_contrast_ratio.as_deref().unwrap_or("?")
                )?;
            }
        }
        if self.nodes.len() > TARGETS_SHOWN {
            write!(f, " (+{} more)", self.nodes.len() - TARGETS_SHOWN)?;
        }
        Ok(())
    }
}

/// Which axe-core rules to run.
#[derive(Clone, Copy)]
enum AxeRules<'a> {
    /// Every rule with one of these tags.
    Tagged(&'a [&'a str]),
    /// Exactly these rules.
    Named(&'a [&'a str]),
}

/// axe-core's source, read once per run.
fn axe_source() -> Result<&'static str, String> {
    static SOURCE: OnceLock<Result<String, String>> = OnceLock::new();
    SOURCE
        .get_or_init(|| {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(".tools/node_modules/axe-core/axe.min.js");
            std::fs::read_to_string(&path)
                .map_err(|e| format!("cannot read {} ({e}); `./tasks test` installs axe-core", path.display()))
        })
        .as_deref()
        .map_err(Clone::clone)
}

/// Runs axe-core on the current document and returns its violations.
async fn axe_violations(page: &Page, rules: AxeRules<'_>) -> Result<Vec<Violation>, String> {
    let present = page
        .execute_json("return typeof window.axe === 'object';", vec![])
        .await?;
    if present != json!(true) {
        page.execute_json(&format!("{}\nreturn typeof window.axe;", axe_source()?), vec![])
            .await?;
    }
    let run_only = match rules {
        AxeRules::Tagged(tags) => json!({ "type": "tag", "values": tags }),
        AxeRules::Named(names) => json!({ "type": "rule", "values": names }),
    };
    let outcome = page
        .execute_async_json(
            r#"const done = arguments[arguments.length - 1];
            axe.run(document, { runOnly: arguments[0], resultTypes: ["violations"] })
              .then((results) => done({ violations: results.violations.map((v) => ({
                id: v.id,
                impact: v.impact,
                help: v.help,
                nodes: v.nodes.map((n) => ({
                  target: n.target.map(String),
                  contrast: n.any.concat(n.all, n.none)
                    .map((check) => check.data)
                    .find((data) => data && data.fgColor) || null,
                })),
              })) }))
              .catch((e) => done({ error: String((e && e.stack) || e) }));"#,
            vec![run_only],
        )
        .await?;
    if let Some(error) = outcome.get("error") {
        return Err(format!("[{}] axe.run failed: {error}", page.engine().name()));
    }
    serde_json::from_value(outcome["violations"].clone())
        .map_err(|e| format!("[{}] unexpected axe results ({e}): {outcome}", page.engine().name()))
}

/// Opens the view case `name` in `theme` (`light` or `dark`), full page
/// and embedded, and runs the WCAG rules on each; fails listing every
/// violation in both.
async fn expect_no_wcag_violations(page: &Page, name: &str, theme: &str) -> Result<(), String> {
    let case = views()
        .into_iter()
        .find(|case| case.name == name)
        .ok_or_else(|| format!("no view case named {name:?}"))?;
    let mut problems = Vec::new();
    for variant in [format!("&theme={theme}"), format!("&theme={theme}&embed=1")] {
        open_case(page, &case, &variant).await?;
        let violations = axe_violations(page, AxeRules::Tagged(&WCAG_TAGS)).await?;
        if !violations.is_empty() {
            let listed: Vec<String> = violations.iter().map(ToString::to_string).collect();
            problems.push(format!(
                "{}{variant}: {} violation(s): {}",
                case.query,
                violations.len(),
                listed.join("; ")
            ));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "[{}] axe WCAG 2.2 A/AA: {}",
            page.engine().name(),
            problems.join(" | ")
        ))
    }
}

/// The timeline (cards), light, full page and embedded, has no WCAG 2.2 A/AA
/// violation.
pub async fn timeline_light_meets_wcag(page: &Page) -> Result<(), String> {
    expect_no_wcag_violations(page, "timeline", "light").await
}

/// The timeline (cards), dark, full page and embedded, has no WCAG 2.2 A/AA
/// violation.
pub async fn timeline_dark_meets_wcag(page: &Page) -> Result<(), String> {
    expect_no_wcag_violations(page, "timeline", "dark").await
}

/// The timeline as a table (`layout=table`), light, full page and embedded, has no WCAG 2.2 A/AA
/// violation.
pub async fn timeline_table_light_meets_wcag(page: &Page) -> Result<(), String> {
    expect_no_wcag_violations(page, "timeline-table", "light").await
}

/// The timeline as a table (`layout=table`), dark, full page and embedded, has no WCAG 2.2 A/AA
/// violation.
pub async fn timeline_table_dark_meets_wcag(page: &Page) -> Result<(), String> {
    expect_no_wcag_violations(page, "timeline-table", "dark").await
}

/// The timeline with an event expanded (figures, sources, conflicts,
/// clause links), light, full page and embedded, has no WCAG 2.2 A/AA
/// violation.
pub async fn timeline_event_light_meets_wcag(page: &Page) -> Result<(), String> {
    expect_no_wcag_violations(page, "timeline-event", "light").await
}

/// The timeline with an event expanded (figures, sources, conflicts,
/// clause links), dark, full page and embedded, has no WCAG 2.2 A/AA
/// violation.
pub async fn timeline_event_dark_meets_wcag(page: &Page) -> Result<(), String> {
    expect_no_wcag_violations(page, "timeline-event", "dark").await
}

/// The clause comparison side by side, light, full page and embedded, has no WCAG 2.2 A/AA
/// violation.
pub async fn clauses_light_meet_wcag(page: &Page) -> Result<(), String> {
    expect_no_wcag_violations(page, "clauses", "light").await
}

/// The clause comparison side by side, dark, full page and embedded, has no WCAG 2.2 A/AA
/// violation.
pub async fn clauses_dark_meet_wcag(page: &Page) -> Result<(), String> {
    expect_no_wcag_violations(page, "clauses", "dark").await
}

/// The clause comparison inline (`mode=inline`, with `del`/`ins`), light, full page and embedded, has no WCAG 2.2 A/AA
/// violation.
pub async fn clauses_inline_light_meet_wcag(page: &Page) -> Result<(), String> {
    expect_no_wcag_violations(page, "clauses-inline", "light").await
}

/// The clause comparison inline (`mode=inline`, with `del`/`ins`), dark, full page and embedded, has no WCAG 2.2 A/AA
/// violation.
pub async fn clauses_inline_dark_meet_wcag(page: &Page) -> Result<(), String> {
    expect_no_wcag_violations(page, "clauses-inline", "dark").await
}

/// The sources view, light, full page and embedded, has no WCAG 2.2 A/AA
/// violation.
pub async fn sources_light_meet_wcag(page: &Page) -> Result<(), String> {
    expect_no_wcag_violations(page, "sources", "light").await
}

/// The sources view, dark, full page and embedded, has no WCAG 2.2 A/AA
/// violation.
pub async fn sources_dark_meet_wcag(page: &Page) -> Result<(), String> {
    expect_no_wcag_violations(page, "sources", "dark").await
}

/// Elements that break WCAG on purpose: an unlabelled text field and
/// light grey text on white.
const PLANTED: &str = r#"
    const box = document.createElement("div");
    box.id = "planted-violations";
    box.innerHTML = '<input type="text"><p style="color:#c8c8c8;background:#fff">Faint text</p>';
    document.getElementById("main").append(box);
"#;

/// The axe run above does catch violations, so its silence means
/// something: planting an unlabelled field and faint text makes it report
/// `label` and `color-contrast`, with the colours measured.
pub async fn axe_reports_planted_violations(page: &Page) -> Result<(), String> {
    page.open("view=sources&theme=light").await?;
    page.execute_json(PLANTED, vec![]).await?;
    let violations = axe_violations(page, AxeRules::Tagged(&WCAG_TAGS)).await?;
    page.execute_json("document.getElementById('planted-violations').remove();", vec![])
        .await?;
    let report: Vec<String> = violations.iter().map(ToString::to_string).collect();
    let found = |id: &str| violations.iter().any(|v| v.id == id);
    if !found("label") || !found("color-contrast") {
        return Err(format!(
            "[{}] expected axe to report label and color-contrast, got: {report:?}",
            page.engine().name()
        ));
    }
    let contrast = report
        .iter()
        .find(|r| r.starts_with("color-contrast"))
        .cloned()
        .unwrap_or_default();
    if !contrast.contains("#c8c8c8 on #ffffff") {
        return Err(format!(
            "[{}] the contrast report should name the colours: {contrast}",
            page.engine().name()
        ));
    }
    Ok(())
}

/// Every view, full page and embedded, has its content in landmarks (one
/// main, unique and top-level landmarks) and exactly one `h1`.
pub async fn views_have_landmarks_and_one_h1(page: &Page) -> Result<(), String> {
    // Each problem, with the URLs that have it: most are in every view.
    let mut problems: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for case in views() {
        for variant in ["", "&embed=1"] {
            open_case(page, &case, variant).await?;
            let url = format!("{}{variant}", case.query);
            let h1s = page.count("h1").await?;
            if h1s != 1 {
                problems
                    .entry(format!("{h1s} h1 elements, expected exactly 1"))
                    .or_default()
                    .push(url.clone());
            }
            for violation in axe_violations(page, AxeRules::Named(&STRUCTURE_RULES)).await? {
                problems.entry(violation.to_string()).or_default().push(url.clone());
            }
        }
    }
    if problems.is_empty() {
        return Ok(());
    }
    let listed: Vec<String> = problems
        .iter()
        .map(|(problem, urls)| format!("{problem} — in {}", urls.join(", ")))
        .collect();
    Err(format!("[{}] structure: {}", page.engine().name(), listed.join(" | ")))
}

/// The event count is a polite live status, so screen readers announce the
/// new count as filters change; it updates in place when a search narrows
/// the list.
pub async fn event_count_is_a_live_status(page: &Page) -> Result<(), String> {
    const COUNT: &str = r#"[data-testid="event-count"]"#;
    page.open("view=timeline").await?;
    let live = page.attr(COUNT, "aria-live").await?;
    if !matches!(live.as_deref(), Some("polite" | "assertive")) {
        return Err(format!("{COUNT} has aria-live={live:?}, expected \"polite\""));
    }
    let role = page.attr(COUNT, "role").await?;
    if role.as_deref() != Some("status") {
        return Err(format!("{COUNT} has role={role:?}, expected \"status\""));
    }
    let before = page.text(COUNT).await?;
    page.type_into("#search", "Amazon").await?;
    page.wait_until(&format!("{COUNT} changes from {before:?}"), async || {
        Ok(page.text(COUNT).await? != before)
    })
    .await?;
    let live_after = page.attr(COUNT, "aria-live").await?;
    if live_after != live {
        return Err(format!(
            "{COUNT} was re-rendered without its live region: aria-live={live_after:?}"
        ));
    }
    Ok(())
}

/// How many Tab presses the focus check follows per view.
const TAB_STOPS: usize = 12;

/// Describes the focused element and whether its focus indicator shows:
/// an outline at least 2px wide, or a box shadow.
const FOCUS_STATE: &str = r##"
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return null;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
    const shadow = style.boxShadow && style.boxShadow !== "none";
    let name = el.tagName.toLowerCase();
    if (el.id) name += "#" + el.id;
    if (el.getAttribute("data-testid")) name += `[data-testid=${el.getAttribute("data-testid")}]`;
    else if (el.classList.length) name += "." + [...el.classList].join(".");
    const label = (el.getAttribute("aria-label") || el.textContent || "").trim().slice(0, 30);
    return { name: `${name} "${label}"`, visible: outline || shadow,
             style: `outline ${style.outlineStyle} ${style.outlineWidth}, box-shadow ${style.boxShadow}` };
"##;

/// Tabbing through the start of every view (skip link, header, filters,
/// controls) always lands on an element with a visible focus indicator.
pub async fn keyboard_focus_is_visible(page: &Page) -> Result<(), String> {
    let mut problems = Vec::new();
    for case in views() {
        open_case(page, &case, "").await?;
        for stop in 1..=TAB_STOPS {
            page.press("Tab").await?;
            let state = page.execute_json(FOCUS_STATE, vec![]).await?;
            if state.is_null() {
                continue;
            }
            if state["visible"] != json!(true) {
                problems.push(format!(
                    "{} tab stop {stop}: {} shows no focus indicator ({})",
                    case.query,
                    state["name"].as_str().unwrap_or("?"),
                    state["style"].as_str().unwrap_or("?")
                ));
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("[{}] focus: {}", page.engine().name(), problems.join(" | ")))
    }
}
