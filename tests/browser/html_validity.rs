//! The rendered markup is valid HTML: every view case, light and full
//! page, and dark and embedded, serialised from the browser
//! (`document.documentElement.outerHTML` after a doctype) and checked with
//! the W3C Nu HTML Checker. axe checks what assistive technology gets from
//! the DOM; this catches what the DOM accepts but HTML does not allow,
//! which browsers and screen readers may each repair their own way.
//!
//! The documents are kept in `test-artifacts/html/<engine>-<case>.html`.
//! The scenario runs on Chromium only (see `SAME_MARKUP` in `mod.rs`).

use std::collections::{BTreeMap, BTreeSet};

use crate::support::html::check_documents;
use crate::support::page::Page;
use crate::support::views::{open_case, views};

/// The variants each view case is checked in: the light page, and the
/// dark embed (which has its own header and layout).
const VARIANTS: [(&str, &str); 2] = [("light", "&theme=light"), ("dark-embed", "&theme=dark&embed=1")];

/// CSS the checker's CSS validator does not know yet, which it reports in
/// the page's `<style>` as errors: container queries (CSS Containment 3,
/// in every engine Pactline is tested on). Only these are let through;
/// any other CSS message, and every HTML one, still fails.
const CSS_UNKNOWN_TO_THE_CHECKER: [&str; 2] = [
    "CSS: Unrecognized at-rule “@container”",
    "CSS: “container-type”: Property “container-type” doesn't exist",
];

/// How many documents a message names before it says how many more.
const DOCUMENTS_SHOWN: usize = 3;

/// The document as the browser holds it now, as HTML source.
const SERIALISE: &str = "return '<!DOCTYPE html>\\n' + document.documentElement.outerHTML;";

/// The Nu HTML Checker finds no error in any view case's rendered markup.
pub async fn rendered_views_are_valid_html(page: &Page) -> Result<(), String> {
    let mut documents = Vec::new();
    for case in views() {
        for (variant, extra) in VARIANTS {
            open_case(page, &case, extra).await?;
            let html = page.execute_json(SERIALISE, vec![]).await?;
            let html = html
                .as_str()
                .ok_or_else(|| format!("serialising {}: got {html}", case.query))?;
            documents.push((format!("{}-{variant}", case.name), html.to_owned()));
        }
    }
    let messages = check_documents(page.engine().name(), &documents).await?;
    // Each distinct message once: how often, in which documents, and the
    // markup around its first occurrence.
    let prefix = format!("{}-", page.engine().name());
    let mut errors: BTreeMap<&str, (usize, BTreeSet<&str>, String)> = BTreeMap::new();
    let unknown_to_the_checker = |text: &str| CSS_UNKNOWN_TO_THE_CHECKER.iter().any(|css| text.starts_with(css));
    for message in messages
        .iter()
        .filter(|message| message.is_error() && !unknown_to_the_checker(&message.message))
    {
        let extract = message.extract.as_deref().unwrap_or_default().replace('\n', " ");
        let (count, documents, _) = errors
            .entry(&message.message)
            .or_insert_with(|| (0, BTreeSet::new(), extract));
        *count += 1;
        documents.insert(message.document().trim_start_matches(&prefix));
    }
    if errors.is_empty() {
        return Ok(());
    }
    let total: usize = errors.values().map(|(count, _, _)| count).sum();
    let listed: Vec<String> = errors
        .iter()
        .map(|(message, (count, documents, first))| {
            let mut shown = documents
                .iter()
                .take(DOCUMENTS_SHOWN)
                .copied()
                .collect::<Vec<_>>()
                .join(", ");
            if documents.len() > DOCUMENTS_SHOWN {
                shown.push_str(&format!(" (+{} more)", documents.len() - DOCUMENTS_SHOWN));
            }
            format!("{message} ×{count} in {shown}, first at {first:?}")
        })
        .collect();
    Err(format!(
        "[{}] the Nu HTML Checker found {total} error(s), {} distinct: {}",
        page.engine().name(),
        errors.len(),
        listed.join(" | ")
    ))
}
