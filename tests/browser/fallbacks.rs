//! What a reader gets when the app cannot run (issue 7): with WebAssembly or
//! JavaScript turned off, the static summary `index.html` carries, and why.
//!
//! Each scenario starts a second browser on its engine with the feature
//! turned off (`tests/support/other_browser.rs`) and compares it with the
//! scenario's own page, where the app replaces the summary.

use serde_json::json;

use crate::support::engines::{Engine, ExtraSettings};
use crate::support::other_browser::{BrowserSettings, firefox_pref, in_other_browser};
use crate::support::page::Page;

/// The summary `index.html` carries for browsers that cannot run the app.
const SUMMARY: &str = "#static-summary";

/// A browser on `engine` in which `WebAssembly` is undefined.
fn without_webassembly(engine: Engine) -> BrowserSettings {
    let label = "no-wasm";
    match engine {
        // V8 without its JIT has no WebAssembly (`--noexpose_wasm` no longer
        // hides it from Blink).
        Engine::Chromium => BrowserSettings {
            label,
            settings: ExtraSettings {
                args: vec!["--js-flags=--jitless".into()],
                ..ExtraSettings::default()
            },
            ..BrowserSettings::default()
        },
        Engine::Firefox => BrowserSettings {
            label,
            settings: ExtraSettings {
                prefs: firefox_pref("javascript.options.wasm", false),
                ..ExtraSettings::default()
            },
            ..BrowserSettings::default()
        },
        // MiniBrowser has no switch for it; JavaScriptCore reads its
        // options from the environment.
        Engine::Webkit => BrowserSettings {
            label,
            driver_env: vec![("JSC_useWasm", "false")],
            ..BrowserSettings::default()
        },
    }
}

/// A browser on `engine` with JavaScript turned off.
fn without_javascript(engine: Engine) -> BrowserSettings {
    let args = |arg: &str| ExtraSettings {
        args: vec![arg.into()],
        ..ExtraSettings::default()
    };
    let settings = match engine {
        Engine::Chromium => args("--blink-settings=scriptEnabled=false"),
        Engine::Firefox => ExtraSettings {
            prefs: firefox_pref("javascript.enabled", false),
            ..ExtraSettings::default()
        },
        Engine::Webkit => args("--enable-javascript=false"),
    };
    BrowserSettings {
        label: "no-js",
        settings,
        ..BrowserSettings::default()
    }
}

/// Opens `query` on `page` (with everything turned on): the app replaces
/// the static summary. Then runs `body` on a page in a second browser on
/// the same engine, started with `restriction` (see [`in_other_browser`]).
async fn compare_with_browser<T>(
    page: &Page,
    query: &str,
    restriction: &BrowserSettings,
    body: impl AsyncFnOnce(&Page) -> Result<T, String>,
) -> Result<T, String> {
    page.open(query).await?;
    if page.count(SUMMARY).await? != 0 {
        return Err(format!(
            "[{}] the app left the static summary in place",
            page.engine().name()
        ));
    }
    in_other_browser(page, restriction, body).await
}

/// Fails unless the static summary is showing: the key events (those that
/// changed a clause, as reported) and a table with one row per clause.
async fn expect_static_summary(page: &Page) -> Result<(), String> {
    let data = pactline::data::builtin();
    let key_events = data
        .events
        .iter()
        .filter(|e| e.certainty == pactline::model::Certainty::Reported && !e.clause_changes.is_empty())
        .count();
    page.wait_for(SUMMARY).await?;
    let rows = page.count(&format!("{SUMMARY} table tbody tr")).await?;
    if rows != data.clauses.len() {
        return Err(format!(
            "[{}] the static summary's clause table has {rows} rows, expected one per clause ({})",
            page.engine().name(),
            data.clauses.len()
        ));
    }
    let events = page.count(&format!("{SUMMARY} ul li")).await?;
    if events != key_events {
        return Err(format!(
            "[{}] the static summary lists {events} key events, expected {key_events}",
            page.engine().name()
        ));
    }
    if page.count(r#"[data-testid="view"]"#).await? != 0 {
        return Err(format!("[{}] the app rendered a view after all", page.engine().name()));
    }
    Ok(())
}

/// With WebAssembly turned off the page keeps the static summary and says
/// why (naming WebAssembly); the only errors are the app's failed start
/// for want of WebAssembly, and the error banner stays hidden since the
/// summary already explains.
pub async fn without_webassembly_shows_summary_and_why(page: &Page) -> Result<(), String> {
    const QUERY: &str = "view=clauses";
    let restriction = without_webassembly(page.engine());
    compare_with_browser(page, QUERY, &restriction, async |page: &Page| {
        page.goto(&format!("{}?{QUERY}", page.app_url())).await?;
        let wasm = page.execute_json("return typeof WebAssembly;", vec![]).await?;
        if wasm != json!("undefined") {
            return Err(format!(
                "[{}] the settings left WebAssembly {wasm}",
                page.engine().name()
            ));
        }
        expect_static_summary(page).await?;
        let why = page.text("#static-why").await?;
        if !why.contains("WebAssembly") || !why.contains("turned off") {
            return Err(format!(
                "[{}] #static-why should say WebAssembly is turned off, says {why:?}",
                page.engine().name()
            ));
        }
        let banner_hidden = page
            .execute_json("return document.getElementById('boot-error').hidden;", vec![])
            .await?;
        if banner_hidden != json!(true) {
            return Err(format!(
                "[{}] #boot-error is showing on top of the static summary",
                page.engine().name()
            ));
        }
        let unexpected: Vec<String> = page
            .take_errors()
            .await?
            .into_iter()
            .filter(|error| !error.contains("WebAssembly"))
            .collect();
        if unexpected.is_empty() {
            Ok(())
        } else {
            Err(format!(
                "[{}] page errors other than the missing WebAssembly: {unexpected:?}",
                page.engine().name()
            ))
        }
    })
    .await
}

/// With JavaScript turned off the page shows the static summary and the
/// `<noscript>` notice saying JavaScript is off.
pub async fn without_javascript_shows_summary_and_noscript(page: &Page) -> Result<(), String> {
    const QUERY: &str = "view=timeline";
    let restriction = without_javascript(page.engine());
    compare_with_browser(page, QUERY, &restriction, async |page: &Page| {
        page.goto(&format!("{}?{QUERY}", page.app_url())).await?;
        expect_static_summary(page).await?;
        let notice = page.text("noscript .why").await?;
        if !notice.contains("JavaScript is turned off") {
            return Err(format!(
                "[{}] the <noscript> notice should say JavaScript is turned off, says {notice:?}",
                page.engine().name()
            ));
        }
        Ok(())
    })
    .await
}
