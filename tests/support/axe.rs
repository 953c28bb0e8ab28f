//! axe-core, run in the page under test: its violations, and the checks it
//! could not finish ("incomplete": axe found something it cannot judge on
//! its own, such as text over a gradient, and needs a human to look).
//!
//! axe-core comes from `.tools/node_modules/axe-core/` (`./tasks test`
//! installs it); each run injects it into the page under test, so the page
//! itself never loads it.

use std::sync::OnceLock;

use serde::Deserialize;
use serde_json::json;

use super::page::Page;

/// axe-core's tags for the WCAG 2.0, 2.1 and 2.2 level A and AA rules.
pub const WCAG_TAGS: [&str; 5] = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/// How many target selectors a message shows per rule.
const TARGETS_SHOWN: usize = 4;

/// Which axe-core rules to run.
#[derive(Clone, Copy)]
pub enum AxeRules<'a> {
    /// Every rule with one of these tags.
    Tagged(&'a [&'a str]),
    /// Exactly these rules.
    Named(&'a [&'a str]),
}

/// What one axe run found.
#[derive(Debug, Deserialize)]
pub struct AxeReport {
    /// Rules the page breaks.
    pub violations: Vec<AxeResult>,
    /// Rules axe could not decide for some elements.
    pub incomplete: Vec<AxeResult>,
}

/// One rule, and the elements that break it (or that axe could not judge).
#[derive(Debug, Deserialize)]
pub struct AxeResult {
    /// The rule's id, e.g. `color-contrast`.
    pub id: String,
    /// How much it matters, as axe rates it.
    pub impact: Option<String>,
    /// The rule, in a sentence.
    pub help: String,
    /// The elements.
    pub nodes: Vec<AxeNode>,
}

/// An element a rule reports.
#[derive(Debug, Deserialize)]
pub struct AxeNode {
    /// CSS selectors (one per frame or shadow root) that find it.
    pub target: Vec<String>,
    /// For contrast rules: the colours and ratios axe measured.
    pub contrast: Option<Contrast>,
    /// What axe's checks said about it (why it fails, or why axe could not
    /// tell).
    pub messages: Vec<String>,
    /// Other elements the checks point at (e.g. the header without data
    /// cells, the element in front), as selectors.
    pub related: Vec<String>,
    /// For an incomplete result: which entry of the cleared list given to
    /// [`run_axe`] covers this element, if one does.
    pub cleared_by: Option<usize>,
}

impl AxeNode {
    /// The element's selectors, joined as axe joins frames.
    pub fn selector(&self) -> String {
        self.target.join(" >>> ")
    }
}

/// An element for which axe could not decide a rule on its own, looked at
/// by a person and found to pass.
pub struct Cleared {
    /// The axe rule.
    pub rule: &'static str,
    /// A CSS selector every element cleared matches.
    pub selector: &'static str,
    /// Part of axe's reason for not deciding: the clearance holds for that
    /// reason only, and a new reason needs a new look.
    pub reason: &'static str,
    /// Why the elements pass, and how that was checked.
    pub why: &'static str,
}

/// What axe measured for a contrast result.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Contrast {
    fg_color: Option<String>,
    bg_color: Option<String>,
    contrast_ratio: Option<f64>,
    expected_contrast_ratio: Option<String>,
}

impl std::fmt::Display for AxeResult {
    /// `id (impact) "help" at sel1 [fg on bg, ratio], sel2 … (+N more)`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let impact = self.impact.as_deref().unwrap_or("no impact given");
        write!(f, "{} ({impact}) \"{}\" at ", self.id, self.help)?;
        for (i, node) in self.nodes.iter().take(TARGETS_SHOWN).enumerate() {
            if i > 0 {
                write!(f, ", ")?;
            }
            write!(f, "`{}`", node.selector())?;
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

/// Runs the rules `arguments[0]` in the page (or only in the element that
/// `arguments[2]` selects, when it is not null) and returns what axe reports,
/// in the shape of [`AxeReport`]; marks each incomplete node with the index
/// of the first entry of `arguments[1]` (`{ rule, selector, reason }`)
/// whose rule it is, whose selector the element matches and whose reason
/// is in axe's messages.
const RUN_AXE: &str = r#"
const [runOnly, cleared, within, done] = arguments;
const clearance = (result, node, messages) => {
  // Elements in frames or shadow roots have longer targets: never cleared.
  const element = node.target.length === 1 ? document.querySelector(String(node.target[0])) : null;
  const index = cleared.findIndex((entry) => entry.rule === result.id && element
    && element.matches(entry.selector) && messages.some((message) => message.includes(entry.reason)));
  return index < 0 ? null : index;
};
const shape = (incomplete) => (result) => ({
  id: result.id,
  impact: result.impact,
  help: result.help,
  nodes: result.nodes.map((node) => {
    const checks = node.any.concat(node.all, node.none);
    const messages = checks.map((check) => check.message).filter(Boolean);
    return {
      target: node.target.map(String),
      contrast: checks.map((check) => check.data).find((data) => data && data.fgColor) || null,
      messages,
      related: checks.flatMap((check) => check.relatedNodes || []).map((related) => related.target.map(String).join(" >>> ")),
      cleared_by: incomplete ? clearance(result, node, messages) : null,
    };
  }),
});
axe.run(within ? { include: [within] } : document, { runOnly, resultTypes: ["violations", "incomplete"] })
  .then((results) => done({
    violations: results.violations.map(shape(false)),
    incomplete: results.incomplete.map(shape(true)),
  }))
  .catch((e) => done({ error: String((e && e.stack) || e) }));
"#;

/// Runs axe-core's `rules` on the current document; `cleared` are the
/// incomplete results a person has looked at (see [`AxeNode::cleared_by`]).
pub async fn run_axe(page: &Page, rules: AxeRules<'_>, cleared: &[Cleared]) -> Result<AxeReport, String> {
    run_axe_within(page, None, rules, cleared).await
}

/// Like [`run_axe`], on the element `within` selects (and what it holds)
/// only, when there is one: for a part of the page that covers others,
/// such as an open menu, whose neighbours axe cannot judge while covered.
pub async fn run_axe_within(
    page: &Page,
    within: Option<&str>,
    rules: AxeRules<'_>,
    cleared: &[Cleared],
) -> Result<AxeReport, String> {
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
    if let Some(entry) = cleared.iter().find(|entry| entry.why.trim().is_empty()) {
        return Err(format!(
            "test bug: the clearance of {} at `{}` does not say why it is fine",
            entry.rule, entry.selector
        ));
    }
    let cleared: Vec<serde_json::Value> = cleared
        .iter()
        .map(|entry| json!({ "rule": entry.rule, "selector": entry.selector, "reason": entry.reason }))
        .collect();
    let outcome = page
        .execute_async_json(RUN_AXE, vec![run_only, json!(cleared), json!(within)])
        .await?;
    if let Some(error) = outcome.get("error") {
        return Err(format!("[{}] axe.run failed: {error}", page.engine().name()));
    }
    serde_json::from_value(outcome.clone())
        .map_err(|e| format!("[{}] unexpected axe results ({e}): {outcome}", page.engine().name()))
}
