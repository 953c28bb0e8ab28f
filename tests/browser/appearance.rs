//! How the app looks (issue 7): light and dark themes (the system
//! preference by default, on a light system and on a dark one, with
//! `theme=` and the toggle to override it); and printing (a PDF that names
//! the dataset version, the filters or versions shown and the sources,
//! without the on-screen controls, that lists every matching event, not
//! just the page the screen shows, and that is light on a dark theme); and
//! forced colours (Windows high contrast), where controls, badges, the
//! current tab and focus stay visible. What it falls back to without
//! WebAssembly or JavaScript is in `fallbacks.rs`.
//!
//! The dark system is a second browser on the scenario's engine, started
//! with that engine's switch for it (`tests/support/other_browser.rs`).

use pactline::state::ViewState;
use serde_json::json;

use crate::support::engines::{Engine, ExtraSettings};
use crate::support::other_browser::{BrowserSettings, firefox_pref, in_other_browser};
use crate::support::page::Page;
use crate::support::steps::EVENT;

/// The theme toggle in the site header.
const TOGGLE: &str = "button.theme-toggle";

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

/// Fails unless the theme toggle says whether the dark theme is on, both to
/// assistive technology (`aria-pressed`) and in the words it shows ("Dark
/// theme: on" or "Dark theme: off"), as `dark` says it is.
async fn expect_toggle_says(page: &Page, dark: bool) -> Result<(), String> {
    let pressed = page.attr(TOGGLE, "aria-pressed").await?;
    let expected = dark.to_string();
    if pressed.as_deref() != Some(expected.as_str()) {
        return Err(format!(
            "{TOGGLE} has aria-pressed={pressed:?}, but the dark theme is {} (expected {expected:?})",
            if dark { "on" } else { "off" }
        ));
    }
    let shown = page.text(TOGGLE).await?;
    let wanted = if dark { "Dark theme: on" } else { "Dark theme: off" };
    if shown.trim() != wanted {
        return Err(format!("{TOGGLE} reads {shown:?}, expected {wanted:?}"));
    }
    Ok(())
}

/// Fails unless the page, opened without `theme=`, follows a `system`
/// (`"light"` or `"dark"`) colour scheme: the browser reports it for
/// `prefers-color-scheme`, the page sets no `data-theme`, is painted in
/// it, and the theme toggle says whether it is dark.
async fn expect_follows_system(page: &Page, system: &str) -> Result<(), String> {
    page.open("").await?;
    let reported = page
        .execute_json("return matchMedia('(prefers-color-scheme: dark)').matches;", vec![])
        .await?;
    let dark = system == "dark";
    if reported != json!(dark) {
        return Err(format!(
            "[{}] test set-up: the browser should report a {system} system, but prefers-color-scheme: dark is {reported}",
            page.engine().name()
        ));
    }
    let forced = page
        .execute_json("return document.documentElement.getAttribute('data-theme');", vec![])
        .await?;
    if !forced.is_null() {
        return Err(format!("without theme= <html> has data-theme={forced}, expected none"));
    }
    expect_painted(page, system).await?;
    expect_toggle_says(page, dark)
        .await
        .map_err(|e| format!("on a {system} system: {e}"))
}

/// On a light system (every engine's default here) the page without
/// `theme=` is light and sets no `data-theme`; `theme=dark` and
/// `theme=light` force one on every view.
pub async fn theme_follows_system_unless_set_in_url(page: &Page) -> Result<(), String> {
    expect_follows_system(page, "light").await?;
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

/// A browser on `engine` whose system colour scheme is dark.
fn dark_system(engine: Engine) -> BrowserSettings {
    let settings = match engine {
        // Blink's own setting for what prefers-color-scheme reports (0 is
        // dark); headless Chromium has no system theme to follow.
        Engine::Chromium => ExtraSettings {
            args: vec!["--blink-settings=preferredColorScheme=0".into()],
            ..ExtraSettings::default()
        },
        // What Firefox takes the system theme to be.
        Engine::Firefox => ExtraSettings {
            prefs: firefox_pref("ui.systemUsesDarkTheme", 1),
            ..ExtraSettings::default()
        },
        // MiniBrowser's switch: GTK's prefer-dark-theme, which WebKitGTK
        // reports as prefers-color-scheme.
        Engine::Webkit => ExtraSettings {
            args: vec!["--dark-mode".into()],
            ..ExtraSettings::default()
        },
    };
    BrowserSettings {
        label: "dark-system",
        settings,
        ..BrowserSettings::default()
    }
}

/// On a dark system the page without `theme=` is dark, sets no
/// `data-theme` and its toggle reads pressed; `theme=light` still forces
/// light.
pub async fn theme_follows_a_dark_system(page: &Page) -> Result<(), String> {
    // The scenario's own page stays on the app, for the harness's checks.
    page.open("").await?;
    in_other_browser(page, &dark_system(page.engine()), async |page: &Page| {
        expect_follows_system(page, "dark").await?;
        page.open("view=clauses&theme=light").await?;
        wait_for_theme(page, "light").await?;
        expect_painted(page, "light")
            .await
            .map_err(|e| format!("theme=light on a dark system: {e}"))?;
        let errors = page.take_errors().await?;
        if errors.is_empty() {
            Ok(())
        } else {
            Err(format!(
                "[{}] page errors on the dark system: {errors:?}",
                page.engine().name()
            ))
        }
    })
    .await
}

/// The theme toggle switches light to dark and back: `data-theme`, the
/// page colours, what the toggle says (its `aria-pressed` and its words)
/// and `theme=` in the URL all follow.
pub async fn theme_toggle_flips_theme_and_url(page: &Page) -> Result<(), String> {
    page.open("view=clauses&theme=light").await?;
    wait_for_theme(page, "light").await?;
    expect_toggle_says(page, false).await?;
    for theme in ["dark", "light"] {
        page.click(TOGGLE).await?;
        wait_for_theme(page, theme).await?;
        wait_for_theme_in_url(page, theme).await?;
        expect_painted(page, theme).await?;
        expect_toggle_says(page, theme == "dark")
            .await
            .map_err(|e| format!("after switching to {theme}: {e}"))?;
    }
    let query = page.current_query().await?;
    if !query.split('&').any(|pair| pair == "view=clauses") {
        return Err(format!("toggling the theme lost the view from the URL: ?{query}"));
    }
    Ok(())
}

/// On-screen controls that have no place on paper.
const SCREEN_ONLY_LABELS: [&str; 13] = [
    "Skip to content",
    "Skip to events",
    "Skip to filters",
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
    let filters = pactline::filter::describe(data, &state.timeline.filters).join("; ");
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

/// A timeline filtered to more events than the screen renders at first
/// (the list adds them a page at a time as the reader scrolls).
const PRINT_ALL_QUERY: &str = "view=timeline&party=openai";

/// What the printout's header says when it lacks events the list had not
/// loaded.
const PARTIAL_NOTE: &str = "Not every event of this view is printed";

/// A filtered timeline prints every event it matches, not only the first
/// page of them that the screen has rendered: each one's title is in the
/// printout. Firefox lays a printout out from the page as it stands when
/// printing starts, before the app can add the rest, so there the
/// printout must instead say exactly what it holds: its header says not
/// every event is printed, and the end of the list how many are, which
/// are the first ones in order.
pub async fn printed_timeline_lists_every_matching_event(page: &Page) -> Result<(), String> {
    const NAME: &str = "timeline-openai-all";
    let data = pactline::data::builtin();
    let matching = crate::support::oracle::filtered_events(PRINT_ALL_QUERY)?;
    if matching.len() <= pactline::filter::PAGE || matching.len() == data.events.len() {
        return Err(format!(
            "test set-up: {PRINT_ALL_QUERY} should match more than a page ({}) of events but not all, matches {}",
            pactline::filter::PAGE,
            matching.len()
        ));
    }
    page.open(PRINT_ALL_QUERY).await?;
    page.wait_for(EVENT).await?;
    let on_screen = page.count(EVENT).await?;
    if on_screen >= matching.len() {
        return Err(format!(
            "test set-up: the screen already shows all {} events, so printing proves nothing",
            matching.len()
        ));
    }
    let text = printed_text(page, NAME).await?;
    let printed: Vec<bool> = matching
        .iter()
        .map(|&i| text.contains(&normalise(data.events[i].title)))
        .collect();
    let count = printed.iter().filter(|&&p| p).count();
    let engine = page.engine().name();
    let pdf = format!("test-artifacts/print/{engine}-{NAME}.pdf");
    if count == matching.len() {
        return if text.contains(PARTIAL_NOTE) {
            Err(format!("[{engine}] {pdf} prints every event but says it does not"))
        } else {
            Ok(())
        };
    }
    if page.engine() != Engine::Firefox {
        let missing: Vec<&str> = matching
            .iter()
            .zip(&printed)
            .filter(|(_, p)| !**p)
            .map(|(&i, _)| data.events[i].title)
            .collect();
        return Err(format!(
            "[{engine}] printed {PRINT_ALL_QUERY} ({pdf}) lacks {} of its {} events (the screen had rendered \
             {on_screen}), e.g. {:?}",
            missing.len(),
            matching.len(),
            &missing[..missing.len().min(3)],
        ));
    }
    let says_count = format!("{count} events printed, as many as the list on screen had loaded");
    let first_ones = printed[..count].iter().all(|&p| p);
    if text.contains(PARTIAL_NOTE) && text.contains(&says_count) && first_ones {
        Ok(())
    } else {
        Err(format!(
            "[{engine}] {pdf} prints {count} of {} events; it should say {PARTIAL_NOTE:?} (says so: {}) and \
             {says_count:?} (says so: {}), and hold the first {count} in order (does: {first_ones})",
            matching.len(),
            text.contains(PARTIAL_NOTE),
            text.contains(&says_count),
        ))
    }
}

/// The most of a printed page that may be dark: the text and the badges'
/// outlines. A light page measures about 2%; the dark theme's cards, when
/// they reached the paper, made it about 74%.
const MAX_DARK_SHARE: f64 = 0.10;

/// The timeline in the dark theme prints in the light palette, even with
/// background graphics printed: its first page, rendered to grey pixels,
/// is light (no dark cards or page behind dark titles).
pub async fn printed_dark_theme_uses_the_light_palette(page: &Page) -> Result<(), String> {
    page.open("view=timeline&theme=dark").await?;
    wait_for_theme(page, "dark").await?;
    page.wait_for(EVENT).await?;
    expect_painted(page, "dark").await?;
    let pdf = page.print_pdf_with_backgrounds("timeline-dark-backgrounds").await?;
    let dark = dark_share_of_first_page(&pdf).await?;
    if dark <= MAX_DARK_SHARE {
        return Ok(());
    }
    Err(format!(
        "[{}] the dark theme printed dark: {:.0}% of the first page of {} is dark (at most {:.0}% expected)",
        page.engine().name(),
        dark * 100.0,
        pdf.display(),
        MAX_DARK_SHARE * 100.0
    ))
}

/// The share of the PDF's first page, rendered in grey at 40 dpi with
/// `pdftoppm`, that is dark (below 100 of 255).
async fn dark_share_of_first_page(pdf: &std::path::Path) -> Result<f64, String> {
    let root = pdf.with_extension("");
    let output = tokio::process::Command::new("pdftoppm")
        .args(["-gray", "-r", "40", "-f", "1", "-l", "1", "-singlefile"])
        .arg(pdf)
        .arg(&root)
        .output()
        .await
        .map_err(|e| format!("cannot run pdftoppm ({e}); install poppler-utils (`./tasks test` does)"))?;
    if !output.status.success() {
        return Err(format!(
            "pdftoppm {} failed: {}",
            pdf.display(),
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    let pgm = root.with_extension("pgm");
    let bytes = std::fs::read(&pgm).map_err(|e| format!("reading {}: {e}", pgm.display()))?;
    // pdftoppm writes "P5\n<width> <height>\n255\n", then a byte a pixel.
    let mut parts = bytes.splitn(4, |&b| b == b'\n');
    let (magic, pixels) = (parts.next(), parts.nth(2));
    let pixels = match (magic, pixels) {
        (Some(b"P5"), Some(pixels)) if !pixels.is_empty() => pixels,
        _ => return Err(format!("{} is not the grey image pdftoppm writes", pgm.display())),
    };
    let dark = pixels.iter().filter(|&&grey| grey < 100).count();
    Ok(dark as f64 / pixels.len() as f64)
}

/// A browser on `engine` in forced-colours mode, as Windows high contrast
/// puts it: the browser replaces the page's colours with a few system
/// ones, and drops backgrounds and shadows that carried meaning.
fn forced_colors(engine: Engine) -> Result<BrowserSettings, String> {
    let settings = match engine {
        // Chromium's high-contrast switch, which Blink reports as
        // forced-colors: active and paints with.
        Engine::Chromium => ExtraSettings {
            args: vec!["--force-high-contrast".into()],
            ..ExtraSettings::default()
        },
        // "Override the colours specified by the page with your selections
        // above: Always".
        Engine::Firefox => ExtraSettings {
            prefs: firefox_pref("browser.display.document_color_use", 2),
            ..ExtraSettings::default()
        },
        Engine::Webkit => return Err("WebKit has no forced-colours mode".into()),
    };
    Ok(BrowserSettings {
        label: "forced-colors",
        settings,
        ..BrowserSettings::default()
    })
}

/// The controls that must keep a visible outline in forced colours:
/// buttons that look like buttons, download links, fields, and badges.
const OUTLINED: &str = "button.theme-toggle, .share-toggle, .share-menu button, .share-menu .button, \
    .layout-switch button, select, input[type=search], .clear-all, .badge, .version, .dismiss";

/// Lists, for the page as shown, every visible element matching
/// `arguments[0]` without a border that stands out from what is behind it,
/// and whether the current view tab's underline stands out where the
/// others' do not.
const FORCED_COLORS_PROBLEMS: &str = r##"
    const problems = [];
    const opaque = (color) => !/^rgba\(.*,\s*0\)$/.test(color) && color !== "transparent";
    const behind = (el) => {
      for (let e = el; e; e = e.parentElement) {
        const bg = getComputedStyle(e).backgroundColor;
        if (opaque(bg)) return bg;
      }
      return getComputedStyle(document.documentElement).backgroundColor;
    };
    const name = (el) => el.tagName.toLowerCase() + [...el.classList].map((c) => "." + c).join("")
      + ` "${(el.textContent || el.value || "").trim().slice(0, 24)}"`;
    const side = (el, s, edge) => s[`border${edge}Style`] !== "none" && parseFloat(s[`border${edge}Width`]) > 0
      && opaque(s[`border${edge}Color`]) && s[`border${edge}Color`] !== behind(el);
    for (const el of document.querySelectorAll(arguments[0])) {
      if (el.getClientRects().length === 0) continue;
      const s = getComputedStyle(el);
      if (!["Top", "Right", "Bottom", "Left"].some((edge) => side(el, s, edge))) {
        problems.push(`${name(el)} has no visible border (border ${s.borderStyle} ${s.borderWidth} ${s.borderColor} on ${behind(el)})`);
      }
    }
    const tabs = [...document.querySelectorAll(".view-link")];
    const current = tabs.find((t) => t.getAttribute("aria-current") === "page");
    if (current) {
      const underline = getComputedStyle(current).borderBottomColor;
      if (!side(current, getComputedStyle(current), "Bottom")) problems.push(`the current tab's underline does not show (${underline})`);
      for (const t of tabs.filter((t) => t !== current)) {
        const s = getComputedStyle(t);
        if (side(t, s, "Bottom") && s.borderBottomColor === underline) problems.push(`${name(t)} is underlined as the current tab is`);
      }
    }
    return { forced: matchMedia("(forced-colors: active)").matches, problems };
"##;

/// What [`FORCED_COLORS_PROBLEMS`] found.
#[derive(serde::Deserialize)]
struct ForcedColors {
    forced: bool,
    problems: Vec<String>,
}

/// How many Tab stops the forced-colours check follows from the top.
const FORCED_TAB_STOPS: usize = 8;

/// The focused element's outline, when it does not stand out from what is
/// behind it in forced colours; `null` when it does or focus is nowhere.
const UNSEEN_FOCUS: &str = r##"
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const s = getComputedStyle(el);
    let bg = "transparent";
    for (let e = el; e; e = e.parentElement) {
      const c = getComputedStyle(e).backgroundColor;
      if (!/^rgba\(.*,\s*0\)$/.test(c) && c !== "transparent") { bg = c; break; }
    }
    const shows = !["none", "hidden"].includes(s.outlineStyle) && parseFloat(s.outlineWidth) >= 2
      && s.outlineColor !== bg;
    return shows ? null : `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}: outline ${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor} on ${bg}`;
"##;

/// In forced colours (Windows high contrast; Chromium's and Firefox's own
/// switches for it) every view keeps its controls, its badges and its
/// focus ring visible: buttons, fields, the share menu's items and the
/// badges have a border that stands out, only the current view tab is
/// underlined, and each of the first Tab stops shows its outline. The
/// views are saved as `<engine>-forced-colors-<view>.png`.
pub async fn forced_colors_keep_controls_badges_and_focus_visible(page: &Page) -> Result<(), String> {
    page.open("").await?;
    let settings = forced_colors(page.engine())?;
    in_other_browser(page, &settings, async |page: &Page| {
        let engine = page.engine().name();
        let mut problems = Vec::new();
        for (view, ready) in [
            ("timeline", EVENT),
            ("clauses", r#"[data-testid="clause-row"]"#),
            ("sources", r#"[data-testid="source"]"#),
        ] {
            page.open(&format!("view={view}")).await?;
            page.wait_for(ready).await?;
            if view == "timeline" {
                crate::support::steps::open_share_menu(page).await?;
            }
            let found: ForcedColors =
                crate::support::steps::evaluate(page, FORCED_COLORS_PROBLEMS, vec![OUTLINED.into()]).await?;
            if !found.forced {
                return Err(format!(
                    "[{engine}] test set-up: the browser does not report forced-colors: active"
                ));
            }
            page.screenshot(&format!("forced-colors-{view}")).await?;
            problems.extend(found.problems.into_iter().map(|p| format!("{view}: {p}")));
            page.open(&format!("view={view}")).await?;
            page.wait_for(ready).await?;
            for stop in 1..=FORCED_TAB_STOPS {
                page.press("Tab").await?;
                let unseen = page.execute_json(UNSEEN_FOCUS, vec![]).await?;
                if let Some(unseen) = unseen.as_str() {
                    problems.push(format!("{view} tab stop {stop}: {unseen}"));
                }
            }
        }
        let errors = page.take_errors().await?;
        if !errors.is_empty() {
            problems.push(format!("page errors: {errors:?}"));
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(format!("[{engine}] in forced colours: {}", problems.join(" | ")))
        }
    })
    .await
}
