//! How the app looks and degrades (issue 7): light and dark themes (the
//! system preference by default, `theme=` and the toggle to override it);
//! printing (a PDF that names the dataset version, the filters or versions
//! shown and the sources, without the on-screen controls); and the static
//! summary a reader gets when WebAssembly or JavaScript is turned off.
//!
//! The last two start a second browser on the scenario's engine with other
//! settings ([`ExtraSettings`]); its page shares the app's server, so the
//! harness still sees any request it tries to send off 127.0.0.1.

use pactline::url_state::ViewState;
use serde_json::json;

use crate::support::driver::{Driver, Engine, ExtraSettings};
use crate::support::page::Page;

/// The theme toggle in the site header.
const TOGGLE: &str = "button.theme-toggle";

/// The summary `index.html` carries for browsers that cannot run the app.
const SUMMARY: &str = "#static-summary";

/// The page's background as `[r, g, b]` (0–255): the body's, or the root's
/// where the body's is transparent.
const PAGE_BACKGROUND: &str = r#"
    for (const el of [document.body, document.documentElement]) {
      const parts = getComputedStyle(el).backgroundColor.match(/[\d.]+/g) || [];
      const [r, g, b, a = 1] = parts.map(Number);
      if (parts.length >= 3 && a > 0) return [r, g, b];
    }
    return [255, 255, 255];
"#;

/// The page's background colour, as `[r, g, b]`.
async fn page_background(page: &Page) -> Result<[f64; 3], String> {
    let value = page.execute_json(PAGE_BACKGROUND, vec![]).await?;
    let channel = |i: usize| value[i].as_f64().unwrap_or(0.0);
    Ok([channel(0), channel(1), channel(2)])
}

/// WCAG relative luminance of an sRGB colour: 0 is black, 1 is white.
fn luminance([r, g, b]: [f64; 3]) -> f64 {
    let linear = |c: f64| {
        let c = c / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
}

/// Fails unless the page is painted `theme` (`"dark"`: a background darker
/// than 10% luminance; `"light"`: lighter than 70%).
async fn expect_painted(page: &Page, theme: &str) -> Result<(), String> {
    let background = page_background(page).await?;
    let lum = luminance(background);
    let painted = if lum < 0.1 {
        "dark"
    } else if lum > 0.7 {
        "light"
    } else {
        "neither light nor dark"
    };
    if painted == theme {
        Ok(())
    } else {
        Err(format!(
            "[{}] expected a {theme} page, but the background is rgb({}, {}, {}) (luminance {lum:.2}: {painted})",
            page.engine().name(),
            background[0],
            background[1],
            background[2]
        ))
    }
}

/// Waits until `<html>` carries `data-theme="theme"`.
async fn wait_for_theme(page: &Page, theme: &str) -> Result<(), String> {
    page.wait_for(&format!(r#"html[data-theme="{theme}"]"#)).await
}

/// Waits until the URL's query holds `theme=value`.
async fn wait_for_theme_in_url(page: &Page, value: &str) -> Result<(), String> {
    let wanted = format!("theme={value}");
    page.wait_until(&format!("the URL query contains {wanted}"), async || {
        Ok(page.current_query().await?.split('&').any(|pair| pair == wanted))
    })
    .await
}

/// Without `theme=` the page follows the system's colour scheme (whatever
/// the browser reports for `prefers-color-scheme`) and sets no
/// `data-theme`; `theme=dark` and `theme=light` force one on every view.
pub async fn theme_follows_system_unless_set_in_url(page: &Page) -> Result<(), String> {
    page.open("").await?;
    let forced = page
        .execute_json("return document.documentElement.getAttribute('data-theme');", vec![])
        .await?;
    if !forced.is_null() {
        return Err(format!("without theme= <html> has data-theme={forced}, expected none"));
    }
    let system_dark = page
        .execute_json("return matchMedia('(prefers-color-scheme: dark)').matches;", vec![])
        .await?
        == json!(true);
    expect_painted(page, if system_dark { "dark" } else { "light" }).await?;
    let pressed = page.attr(TOGGLE, "aria-pressed").await?;
    let expected = system_dark.to_string();
    if pressed.as_deref() != Some(expected.as_str()) {
        return Err(format!(
            "{TOGGLE} has aria-pressed={pressed:?}, but the system is {} (expected {expected:?})",
            if system_dark { "dark" } else { "light" }
        ));
    }
    for view in ["timeline", "clauses", "sources"] {
        for theme in ["dark", "light"] {
            page.open(&format!("view={view}&theme={theme}")).await?;
            wait_for_theme(page, theme).await?;
            expect_painted(page, theme)
                .await
                .map_err(|e| format!("view={view}&theme={theme}: {e}"))?;
        }
    }
    Ok(())
}

/// The theme toggle switches light to dark and back: `data-theme`, the
/// page colours, its `aria-pressed` and `theme=` in the URL all follow.
pub async fn theme_toggle_flips_theme_and_url(page: &Page) -> Result<(), String> {
    page.open("view=clauses&theme=light").await?;
    wait_for_theme(page, "light").await?;
    for (theme, pressed) in [("dark", "true"), ("light", "false")] {
        page.click(TOGGLE).await?;
        wait_for_theme(page, theme).await?;
        wait_for_theme_in_url(page, theme).await?;
        expect_painted(page, theme).await?;
        let actual = page.attr(TOGGLE, "aria-pressed").await?;
        if actual.as_deref() != Some(pressed) {
            return Err(format!(
                "after switching to {theme}, {TOGGLE} has aria-pressed={actual:?}, expected {pressed:?}"
            ));
        }
    }
    let query = page.current_query().await?;
    if !query.split('&').any(|pair| pair == "view=clauses") {
        return Err(format!("toggling the theme lost the view from the URL: ?{query}"));
    }
    Ok(())
}

/// On-screen controls that have no place on paper.
const SCREEN_ONLY_LABELS: [&str; 11] = [
    "Skip to content",
    // The timeline's layout switch, two buttons side by side.
    "Cards Table",
    "Copy link",
    "Embed…",
    "Cite…",
    "Download",
    "Search events",
    "Clear all filters",
    "Only changed clauses",
    "Next change",
    "Dark theme",
];

/// Prints the current page to `test-artifacts/print/<engine>-<name>.pdf`
/// and returns its text (from `pdftotext`), with ligatures spelled out and
/// whitespace collapsed to single spaces so line breaks do not matter.
async fn printed_text(page: &Page, name: &str) -> Result<String, String> {
    let pdf = page.print_pdf(name).await.map_err(|e| {
        if page.engine() == Engine::Webkit && e.contains("Unknown command") {
            format!(
                "{e}: WebKitWebDriver does not implement WebDriver's Print command, so WebKit cannot print to PDF here"
            )
        } else {
            e
        }
    })?;
    let output = tokio::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&pdf)
        .arg("-")
        .output()
        .await
        .map_err(|e| format!("cannot run pdftotext ({e}); install poppler-utils (`./tasks test` does)"))?;
    if !output.status.success() {
        return Err(format!(
            "pdftotext {} failed: {}",
            pdf.display(),
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    Ok(normalise(&unligature(&String::from_utf8_lossy(&output.stdout))))
}

/// `text` with typographic ligatures (`ﬁ`, which Firefox's PDFs use)
/// spelled out, so words match as typed.
fn unligature(text: &str) -> String {
    let mut plain = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\u{FB00}' => plain.push_str("ff"),
            '\u{FB01}' => plain.push_str("fi"),
            '\u{FB02}' => plain.push_str("fl"),
            '\u{FB03}' => plain.push_str("ffi"),
            '\u{FB04}' => plain.push_str("ffl"),
            '\u{FB05}' | '\u{FB06}' => plain.push_str("st"),
            other => plain.push(other),
        }
    }
    plain
}

/// Fails unless the printed `text` contains every one of `wanted` and
/// none of [`SCREEN_ONLY_LABELS`]; names the PDF and what is wrong.
fn expect_printed(page: &Page, name: &str, text: &str, wanted: &[String]) -> Result<(), String> {
    let missing: Vec<&String> = wanted.iter().filter(|w| !text.contains(w.as_str())).collect();
    let controls: Vec<&str> = SCREEN_ONLY_LABELS
        .into_iter()
        .filter(|label| text.contains(label))
        .collect();
    if missing.is_empty() && controls.is_empty() {
        return Ok(());
    }
    let start: String = text.chars().take(600).collect();
    Err(format!(
        "[{engine}] printed {name} (test-artifacts/print/{engine}-{name}.pdf): missing {missing:?}; \
         shows controls {controls:?}; text starts: {start:?}",
        engine = page.engine().name()
    ))
}

/// What every printout must say: the dataset version and each source.
fn printed_basics() -> Vec<String> {
    let data = pactline::data::builtin();
    let mut wanted = vec![format!("Dataset version {}", data.version), "Sources:".to_owned()];
    wanted.extend(data.sources.iter().map(|source| normalise(source.title)));
    wanted
}

/// `text` with whitespace collapsed, as [`printed_text`] returns it.
fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A timeline filtered to Amazon prints the filter in words ("Timeline
/// filtered by parties: Amazon"), the dataset version and the sources,
/// and none of the controls.
pub async fn printed_timeline_names_filter_version_and_sources(page: &Page) -> Result<(), String> {
    const QUERY: &str = "view=timeline&party=amazon";
    page.open(QUERY).await?;
    page.wait_for(r#"[data-testid="event"]"#).await?;
    let data = pactline::data::builtin();
    let (state, _) = ViewState::parse(QUERY, data);
    let filters = pactline::filter::describe(data, &state).join("; ");
    let mut wanted = vec![format!("Timeline filtered by {filters}")];
    if !wanted[0].contains("parties: Amazon") {
        return Err(format!("the oracle describes the filter as {:?}", wanted[0]));
    }
    wanted.extend(printed_basics());
    let text = printed_text(page, "timeline-amazon").await?;
    expect_printed(page, "timeline-amazon", &text, &wanted)
}

/// The clause comparison prints which versions it compares, the dataset
/// version and the sources, and none of the controls.
pub async fn printed_comparison_names_versions_and_sources(page: &Page) -> Result<(), String> {
    page.open("view=clauses&a=2019&b=2026").await?;
    page.wait_for(r#"[data-testid="clause-row"]"#).await?;
    let mut wanted = vec!["Clause comparison, 2019 → 2026".to_owned()];
    wanted.extend(printed_basics());
    let text = printed_text(page, "clauses-2019-2026").await?;
    expect_printed(page, "clauses-2019-2026", &text, &wanted)
}

/// How to start a browser with something turned off: its driver's
/// environment (which the browser inherits) and the session's settings.
#[derive(Default)]
struct Restriction {
    /// A short name for the driver's log file.
    label: &'static str,
    driver_env: Vec<(&'static str, &'static str)>,
    settings: ExtraSettings,
}

/// One Firefox preference, as [`ExtraSettings::prefs`] takes it.
fn firefox_pref(name: &str, value: bool) -> serde_json::Map<String, serde_json::Value> {
    serde_json::Map::from_iter([(name.to_owned(), value.into())])
}

/// A browser on `engine` in which `WebAssembly` is undefined.
fn without_webassembly(engine: Engine) -> Restriction {
    let label = "no-wasm";
    match engine {
        // V8 without its JIT has no WebAssembly (`--noexpose_wasm` no longer
        // hides it from Blink).
        Engine::Chromium => Restriction {
            label,
            settings: ExtraSettings {
                args: vec!["--js-flags=--jitless".into()],
                ..ExtraSettings::default()
            },
            ..Restriction::default()
        },
        Engine::Firefox => Restriction {
            label,
            settings: ExtraSettings {
                prefs: firefox_pref("javascript.options.wasm", false),
                ..ExtraSettings::default()
            },
            ..Restriction::default()
        },
        // MiniBrowser has no switch for it; JavaScriptCore reads its
        // options from the environment.
        Engine::Webkit => Restriction {
            label,
            driver_env: vec![("JSC_useWasm", "false")],
            ..Restriction::default()
        },
    }
}

/// A browser on `engine` with JavaScript turned off.
fn without_javascript(engine: Engine) -> Restriction {
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
    Restriction {
        label: "no-js",
        settings,
        ..Restriction::default()
    }
}

/// Opens `query` on `page` (with everything turned on): the app replaces
/// the static summary. Then runs `body` on a page in a second browser on
/// the same engine, started with `restriction`, and closes that browser
/// afterwards, also when `body` fails.
async fn compare_with_browser<T>(
    page: &Page,
    query: &str,
    restriction: &Restriction,
    body: impl AsyncFnOnce(&Page) -> Result<T, String>,
) -> Result<T, String> {
    page.open(query).await?;
    if page.count(SUMMARY).await? != 0 {
        return Err(format!(
            "[{}] the app left the static summary in place",
            page.engine().name()
        ));
    }
    let driver = Driver::start_with_env(page.engine(), restriction.label, &restriction.driver_env).await?;
    let session = driver
        .new_session_with(&page.proxy_address(), &restriction.settings)
        .await?;
    let other = page.sibling(session);
    let outcome = body(&other).await;
    let closed = other.close().await;
    let value = outcome?;
    closed?;
    Ok(value)
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
