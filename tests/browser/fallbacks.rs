//! What a reader gets when the app cannot run (issues 7 and 17): with
//! WebAssembly or JavaScript turned off, the first screens `index.html`
//! carries, rendered at build time from the app's components, and why.
//!
//! Each scenario starts a second browser on its engine with the feature
//! turned off (`tests/support/other_browser.rs`) and compares it with the
//! scenario's own page, where the app replaces those screens.

use serde_json::json;

use crate::support::engines::{Engine, ExtraSettings};
use crate::support::expect::expect_eq;
use crate::support::other_browser::{BrowserSettings, firefox_pref, in_other_browser};
use crate::support::page::Page;

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

/// The first screens rendered at build time.
const SCREENS: &str = "#prerender .screen";

/// What a reader can see of the first screens: which are on show, how many
/// events and scoreboard rows, whether the app started, and the notice.
const LOOK: &str = r##"
    const seen = (el) => el.getClientRects().length > 0;
    const shown = [...document.querySelectorAll(arguments[0])].filter(seen);
    return {
        screens: shown.map((s) => s.dataset.screen),
        events: shown.flatMap((s) => [...s.querySelectorAll('[data-testid="event"]')]).filter(seen).length,
        clauses: shown.flatMap((s) => [...s.querySelectorAll('[data-testid="scoreboard"] tbody tr')]).filter(seen).length,
        app: document.querySelectorAll('#app [data-testid="view"]').length > 0,
        notice: [...document.querySelectorAll("#no-wasm, noscript > .why")].filter(seen).map((n) => n.textContent).join(" "),
    };
"##;

/// What [`LOOK`] saw.
#[derive(Debug, PartialEq, serde::Deserialize)]
struct Seen {
    screens: Vec<String>,
    events: usize,
    clauses: usize,
    app: bool,
    notice: String,
}

async fn look(page: &Page) -> Result<Seen, String> {
    page.wait_for(SCREENS).await?;
    let value = page.execute_json(LOOK, vec![json!(SCREENS)]).await?;
    serde_json::from_value(value).map_err(|e| format!("[{}] reading the page: {e}", page.engine().name()))
}

/// Opens `query` on `page` (with everything turned on): the app replaces
/// the first screens. Then runs `body` on a page in a second browser on
/// the same engine, started with `restriction` (see [`in_other_browser`]).
async fn compare_with_browser<T>(
    page: &Page,
    query: &str,
    restriction: &BrowserSettings,
    body: impl AsyncFnOnce(&Page) -> Result<T, String>,
) -> Result<T, String> {
    page.open(query).await?;
    if page.count("#prerender").await? != 0 {
        return Err(format!(
            "[{}] the app left the first screens in place",
            page.engine().name()
        ));
    }
    in_other_browser(page, restriction, body).await
}

/// With WebAssembly turned off the page shows the screen of the view the
/// address names, and only it: the comparison with a row per clause, then,
/// through the view links (real links), the timeline with every event. It
/// says why (naming WebAssembly); the only errors are the app's failed
/// start for want of WebAssembly, and the error banner stays hidden since
/// the notice already explains.
pub async fn without_webassembly_shows_every_screen_and_why(page: &Page) -> Result<(), String> {
    const QUERY: &str = "view=clauses";
    let restriction = without_webassembly(page.engine());
    compare_with_browser(page, QUERY, &restriction, async |page: &Page| {
        let engine = page.engine().name();
        page.goto(&format!("{}?{QUERY}", page.app_url())).await?;
        let wasm = page.execute_json("return typeof WebAssembly;", vec![]).await?;
        if wasm != json!("undefined") {
            return Err(format!("[{engine}] the settings left WebAssembly {wasm}"));
        }
        let clauses = look(page).await?;
        page.screenshot("fallback-no-wasm-clauses").await?;
        expect_eq(
            &format!("[{engine}] screens shown"),
            clauses.screens.clone(),
            vec!["clauses".to_string()],
        )?;
        expect_eq(
            &format!("[{engine}] scoreboard rows"),
            clauses.clauses,
            pactline::data::builtin().clauses.len(),
        )?;
        expect_eq(&format!("[{engine}] the app started"), clauses.app, false)?;
        if !clauses.notice.contains("WebAssembly") || !clauses.notice.contains("turned off") {
            return Err(format!(
                "[{engine}] the notice should say WebAssembly is turned off, says {:?}",
                clauses.notice
            ));
        }
        let banner_hidden = page
            .execute_json("return document.getElementById('boot-error').hidden;", vec![])
            .await?;
        if banner_hidden != json!(true) {
            return Err(format!("[{engine}] #boot-error is showing on top of the notice"));
        }
        // The view links are real links.
        page.click(r#".screen[data-screen="clauses"] [data-testid="nav-timeline"]"#)
            .await?;
        page.wait_until("the timeline's link opens the timeline screen", async || {
            Ok(look(page).await?.screens == ["timeline"])
        })
        .await?;
        let timeline = look(page).await?;
        expect_eq(
            &format!("[{engine}] events on the timeline screen"),
            timeline.events,
            pactline::data::builtin().events.len(),
        )?;
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
                "[{engine}] page errors other than the missing WebAssembly: {unexpected:?}"
            ))
        }
    })
    .await
}

/// With JavaScript turned off the page shows every screen but the embed's,
/// one after another: every event and the comparison with a row per
/// clause, under the `<noscript>` notice saying JavaScript is off.
pub async fn without_javascript_shows_every_event_and_the_comparison(page: &Page) -> Result<(), String> {
    const QUERY: &str = "view=timeline";
    let restriction = without_javascript(page.engine());
    compare_with_browser(page, QUERY, &restriction, async |page: &Page| {
        let engine = page.engine().name();
        page.goto(&format!("{}?{QUERY}", page.app_url())).await?;
        let seen = look(page).await?;
        page.screenshot("fallback-no-js").await?;
        let data = pactline::data::builtin();
        let expected = Seen {
            screens: ["timeline", "clauses", "sources"].map(String::from).to_vec(),
            events: data.events.len(),
            clauses: data.clauses.len(),
            app: false,
            notice: seen.notice.clone(),
        };
        expect_eq(&format!("[{engine}] what the page shows"), &seen, &expected)?;
        if !seen.notice.contains("JavaScript is turned off") {
            return Err(format!(
                "[{engine}] the <noscript> notice should say JavaScript is turned off, says {:?}",
                seen.notice
            ));
        }
        Ok(())
    })
    .await
}
