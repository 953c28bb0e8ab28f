//! Links anyone can craft (issue 18): the app opens generated hostile
//! addresses (markup, attribute breakouts, `javascript:` values, huge and
//! percent-encoded values; see `tests/support/hostile.rs`) without a page
//! error, and nothing in them ever runs: each carries a payload that would
//! set `window.__pwned`.

use serde_json::json;

use crate::support::hostile::hostile_queries;
use crate::support::page::Page;

/// How many hostile addresses each engine opens: enough to meet every kind
/// of payload, few enough to keep the warm test run near ten minutes.
const LINKS: usize = 30;

/// The generator's seed: the same addresses on every run and engine.
const SEED: u64 = 18;

/// Opens each hostile address; the app must start, record no error and
/// leave the trap unset.
pub async fn hostile_links_run_nothing_and_raise_no_error(page: &Page) -> Result<(), String> {
    let engine = page.engine().name();
    for (i, query) in hostile_queries(LINKS, SEED).iter().enumerate() {
        page.open(query)
            .await
            .map_err(|e| format!("hostile link {i} ({:.120}…): {e}", query))?;
        let trap = page
            .execute_json(
                "return window.__pwned === undefined ? null : String(window.__pwned);",
                vec![],
            )
            .await?;
        if trap != json!(null) {
            return Err(format!("[{engine}] hostile link {i} set the trap: {query:.300}"));
        }
        let errors = page.take_errors().await?;
        if !errors.is_empty() {
            return Err(format!("[{engine}] hostile link {i} ({query:.300}) raised {errors:?}"));
        }
    }
    Ok(())
}
