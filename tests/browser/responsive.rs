//! Responsive layout (issue 7): at phone, tablet and desktop sizes, and at
//! 200% zoom, no view makes the page scroll sideways, and the clause
//! scoreboard scrolls inside itself instead. On a phone every view shows
//! its first content in the first screen (issue 15). Every view at every
//! size is saved as a screenshot,
//! `test-artifacts/screenshots/<engine>-<view>-<w>x<h>.png`, for a human
//! look. On a touch screen the keyboard hints give way.
//!
//! The window is sized so its viewport has the wanted size. Firefox's and
//! WebKit's windows cannot get as narrow as a phone (about 450–500 px at
//! least), so there the view is shown in a same-origin iframe of exactly
//! that size instead, which lays the app out the same way.

use serde::Deserialize;

use crate::support::engines::{Engine, ExtraSettings};
use crate::support::other_browser::{BrowserSettings, firefox_pref, in_other_browser};
use crate::support::page::Page;
use crate::support::views::{ViewCase, open_case, views};

/// How many overflowing elements a failure names per view.
const OVERFLOWING_SHOWN: usize = 6;

/// Measures sideways overflow of the page: its scroll width against the
/// width it shows, and the outermost elements that reach past the right
/// edge (those inside a scroll container of their own, which scroll there,
/// do not count).
const PAGE_OVERFLOW: &str = r##"
    const root = document.documentElement;
    const edge = root.clientWidth + 1;
    const name = (el) => {
      let text = el.tagName.toLowerCase();
      if (el.id) text += "#" + el.id;
      const testid = el.getAttribute("data-testid");
      if (testid) text += `[data-testid="${testid}"]`;
      text += [...el.classList].slice(0, 3).map((c) => "." + c).join("");
      return text;
    };
    const path = (el) => {
      const parts = [];
      for (let e = el; e && e !== document.body && parts.length < 3; e = e.parentElement) parts.unshift(name(e));
      return parts.join(" > ");
    };
    const scrollsInside = (el) => {
      for (let p = el.parentElement; p && p !== document.body && p !== root; p = p.parentElement) {
        if (getComputedStyle(p).overflowX !== "visible") return true;
      }
      return false;
    };
    const sticksOut = (el) => el.getBoundingClientRect().right + window.scrollX > edge;
    const overflowing = [];
    for (const el of document.body.querySelectorAll("*")) {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) continue;
      if (!sticksOut(el) || scrollsInside(el)) continue;
      const parent = el.parentElement;
      if (parent && parent !== document.body && sticksOut(parent)) continue;
      overflowing.push(`${path(el)} (right edge ${Math.round(rect.right + window.scrollX)}px, width ${Math.round(rect.width)}px)`);
    }
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth,
             viewport: [window.innerWidth, window.innerHeight], overflowing };
"##;

/// What [`PAGE_OVERFLOW`] measured.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct PageOverflow {
    scroll_width: u32,
    client_width: u32,
    viewport: (u32, u32),
    overflowing: Vec<String>,
}

/// Where the views are shown at the wanted size.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Viewport {
    /// In the window, sized so its viewport matches.
    Window,
    /// In [`FRAME`], an iframe of exactly that size in a host page from the
    /// app's server, where the window cannot get that small.
    Frame,
}

/// The iframe a host page shows the app in.
const FRAME: &str = "iframe#viewport";

/// Sizes the window for a `width` × `height` viewport and says where the
/// views will be shown.
async fn prepare_viewport(page: &Page, width: u32, height: u32) -> Result<Viewport, String> {
    page.open("").await?;
    let got = page.set_viewport_size(width, height).await?;
    Ok(if got == (width, height) {
        Viewport::Window
    } else {
        Viewport::Frame
    })
}

/// A page that shows the app with `query` in a `width` × `height` iframe.
fn host_page(query: &str, width: u32, height: u32) -> String {
    let src = format!("./?{query}").replace('&', "&amp;");
    format!(
        "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>Pactline at {width}×{height}</title>\
         <style>html, body {{ margin: 0 }} iframe {{ display: block; border: 0; width: {width}px; height: {height}px }}</style>\
         <iframe id=\"viewport\" title=\"Pactline at {width}×{height}\" src=\"{src}\"></iframe></html>"
    )
}

/// Shows `case` at `width` × `height` in `viewport`, waits until it has
/// rendered, runs `measure` in the app's document, then saves a screenshot
/// named `<view>-<w>x<h>` and returns what `measure` did.
async fn at_size<T>(
    page: &Page,
    viewport: Viewport,
    case: &ViewCase,
    (width, height): (u32, u32),
    measure: impl AsyncFnOnce() -> Result<T, String>,
) -> Result<T, String> {
    let name = format!("{}-{width}x{height}", case.name);
    match viewport {
        Viewport::Window => {
            open_case(page, case, "").await?;
            let value = measure().await?;
            page.screenshot(&name).await?;
            Ok(value)
        }
        Viewport::Frame => {
            let host = format!("viewport-{width}x{height}.html");
            let _served = page
                .app_server()
                .replace_file(&host, host_page(&case.query, width, height));
            page.goto(&format!("{}{host}", page.app_url())).await?;
            let value = page
                .in_frame(FRAME, async move || {
                    page.wait_for(&case.ready).await?;
                    let value = measure().await?;
                    // The harness reads the top document's errors only.
                    let errors = page.errors().await?;
                    if errors.is_empty() {
                        Ok(value)
                    } else {
                        Err(format!("page errors in the frame: {errors:?}"))
                    }
                })
                .await?;
            page.screenshot_of(FRAME, &name).await?;
            Ok(value)
        }
    }
}

/// After [`at_size`] in a frame, goes back to the app itself, whose errors
/// the harness checks at the end.
async fn leave_viewport(page: &Page, viewport: Viewport) -> Result<(), String> {
    if viewport == Viewport::Frame {
        page.open("").await?;
    }
    Ok(())
}

/// Shows every view at `width` × `height`: each must fit the page's width
/// (no horizontal page scroll), and each is saved as a screenshot. Fails
/// listing every view that overflows and the elements that stick out.
async fn expect_no_sideways_scroll(page: &Page, width: u32, height: u32) -> Result<(), String> {
    let viewport = prepare_viewport(page, width, height).await?;
    let mut problems = Vec::new();
    for case in views() {
        let measured: PageOverflow = at_size(page, viewport, &case, (width, height), async || {
            serde_json::from_value(page.execute_json(PAGE_OVERFLOW, vec![]).await?)
                .map_err(|e| format!("[{}] unexpected overflow measurement: {e}", page.engine().name()))
        })
        .await?;
        if measured.viewport != (width, height) {
            return Err(format!(
                "[{}] {}: the viewport is {:?}, not {width}×{height}",
                page.engine().name(),
                case.query,
                measured.viewport
            ));
        }
        if measured.scroll_width > measured.client_width {
            let shown = measured.overflowing.len().min(OVERFLOWING_SHOWN);
            problems.push(format!(
                "{}: the page scrolls sideways (scrollWidth {} > {} wide); sticking out: {}{}",
                case.query,
                measured.scroll_width,
                measured.client_width,
                measured.overflowing[..shown].join("; "),
                if measured.overflowing.len() > shown {
                    format!(" (+{} more)", measured.overflowing.len() - shown)
                } else {
                    String::new()
                }
            ));
        }
    }
    leave_viewport(page, viewport).await?;
    if problems.is_empty() {
        Ok(())
    } else {
        let shown_in = if viewport == Viewport::Frame {
            " (in a frame)"
        } else {
            ""
        };
        Err(format!(
            "[{}] at {width}×{height}{shown_in}: {}",
            page.engine().name(),
            problems.join(" | ")
        ))
    }
}

/// On a phone (360×740) no view scrolls sideways.
pub async fn phone_360x740_has_no_sideways_scroll(page: &Page) -> Result<(), String> {
    expect_no_sideways_scroll(page, 360, 740).await
}

/// On a tablet (768×1024) no view scrolls sideways.
pub async fn tablet_768x1024_has_no_sideways_scroll(page: &Page) -> Result<(), String> {
    expect_no_sideways_scroll(page, 768, 1024).await
}

/// On a desktop (1440×900) no view scrolls sideways.
pub async fn desktop_1440x900_has_no_sideways_scroll(page: &Page) -> Result<(), String> {
    expect_no_sideways_scroll(page, 1440, 900).await
}

/// At 200% zoom a 1440×900 screen lays pages out as a 720×450 one does
/// (CSS pixels double in size, so half as many fit): no view scrolls
/// sideways there either.
pub async fn zoom_200_percent_has_no_sideways_scroll(page: &Page) -> Result<(), String> {
    expect_no_sideways_scroll(page, 720, 450).await
}

/// Each view's first content, and the element that shows it: the first
/// event on the timeline, the scoreboard of every version on the clauses
/// view, the first source on the sources view.
const FIRST_CONTENT: [(&str, &str); 3] = [
    ("timeline", r#"#app [data-testid="event"]"#),
    ("clauses", r#"#app [data-testid="scoreboard"]"#),
    ("sources", r#"#app [data-testid="source"]"#),
];

/// The top edge of the first element matching `arguments[0]`, in CSS
/// pixels from the top of the viewport, with the page scrolled to the top;
/// `null` if nothing matches.
const TOP_EDGE: &str = "window.scrollTo(0, 0);     const el = document.querySelector(arguments[0]);     return el ? el.getBoundingClientRect().top : null;";

/// On a phone (360×740) every view opens with its first content inside the
/// first screen, not below the header and controls: the first event's top
/// edge, the scoreboard's, the first source's. The measured edges are kept
/// in `test-artifacts/measurements/<engine>-first-screen-360x740.txt`.
pub async fn phone_360x740_shows_content_in_the_first_screen(page: &Page) -> Result<(), String> {
    const PHONE: (u32, u32) = (360, 740);
    let viewport = prepare_viewport(page, PHONE.0, PHONE.1).await?;
    let cases = views();
    let mut measured = Vec::new();
    let mut problems = Vec::new();
    for (name, first) in FIRST_CONTENT {
        let case = cases
            .iter()
            .find(|case| case.name == name)
            .ok_or_else(|| format!("no {name} view case"))?;
        let top = at_size(page, viewport, case, PHONE, async || {
            page.wait_for(first).await?;
            page.execute_json(TOP_EDGE, vec![first.into()]).await
        })
        .await?;
        let top = top
            .as_f64()
            .ok_or_else(|| format!("{name}: no `{first}` to measure ({top})"))?;
        measured.push(format!("{name}: `{first}` top edge {top:.0}px of {}", PHONE.1));
        if top >= f64::from(PHONE.1) {
            problems.push(format!(
                "{name}: `{first}` starts at {top:.0}px, below the first screen"
            ));
        }
    }
    leave_viewport(page, viewport).await?;
    let file = crate::support::artifacts_dir("measurements")?
        .join(format!("{}-first-screen-360x740.txt", page.engine().name()));
    std::fs::write(&file, measured.join("\n") + "\n").map_err(|e| format!("writing {}: {e}", file.display()))?;
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "[{}] at 360×740: {}",
            page.engine().name(),
            problems.join("; ")
        ))
    }
}

/// On a phone the clause scoreboard, wider than the screen, scrolls inside its
/// own `.scoreboard-scroll` box (which can be scrolled), while the page does not.
pub async fn clause_scoreboard_scrolls_inside_itself_on_a_phone(page: &Page) -> Result<(), String> {
    const MATRIX: &str = ".scoreboard-scroll";
    const PHONE: (u32, u32) = (360, 740);
    let clauses = views()
        .into_iter()
        .find(|case| case.name == "clauses")
        .ok_or("no clauses view case")?;
    let viewport = prepare_viewport(page, PHONE.0, PHONE.1).await?;
    let measured = at_size(page, viewport, &clauses, PHONE, async || {
        page.wait_for(&format!("{MATRIX} table")).await?;
        page.execute_json(
            "const box = document.querySelector(arguments[0]);
             const root = document.documentElement;
             return { inner: box.scrollWidth, shown: box.clientWidth,
                      overflowX: getComputedStyle(box).overflowX,
                      page: root.scrollWidth, pageShown: root.clientWidth };",
            vec![MATRIX.into()],
        )
        .await
    })
    .await?;
    leave_viewport(page, viewport).await?;
    let number = |key: &str| measured[key].as_u64().unwrap_or(0);
    if number("inner") <= number("shown") {
        return Err(format!(
            "{MATRIX} does not scroll at 360px: scrollWidth {} <= clientWidth {}",
            number("inner"),
            number("shown")
        ));
    }
    let overflow_x = measured["overflowX"].as_str().unwrap_or_default();
    if !matches!(overflow_x, "auto" | "scroll") {
        return Err(format!(
            "{MATRIX} has overflow-x {overflow_x:?}, so its overflow cannot be scrolled"
        ));
    }
    if number("page") > number("pageShown") {
        return Err(format!(
            "the page scrolls sideways with the matrix: scrollWidth {} > {}",
            number("page"),
            number("pageShown")
        ));
    }
    Ok(())
}

/// A browser on `engine` whose main pointer is coarse and cannot hover,
/// as on a phone; WebKitGTK takes this from the devices plugged in, and
/// has no switch for it.
fn touch_screen(engine: Engine) -> Result<BrowserSettings, String> {
    let settings = match engine {
        // Blink's own settings for what `pointer` and `hover` report:
        // coarse (2) and none (1).
        Engine::Chromium => ExtraSettings {
            args: vec!["--blink-settings=primaryPointerType=2,primaryHoverType=1".into()],
            ..ExtraSettings::default()
        },
        // Firefox's pointer capabilities, as bits: coarse (1), no fine
        // pointer (2), no hover (4).
        Engine::Firefox => ExtraSettings {
            prefs: firefox_pref("ui.primaryPointerCapabilities", 1),
            ..ExtraSettings::default()
        },
        Engine::Webkit => return Err("WebKitGTK has no switch for a touch screen".into()),
    };
    Ok(BrowserSettings {
        label: "touch-screen",
        settings,
        ..BrowserSettings::default()
    })
}

/// The keyboard hints ("Press / to search…", "or press n / p").
const HINT: &str = ".hint";

/// The views that show a keyboard hint.
const HINTED: [&str; 2] = ["view=timeline", "view=clauses"];

/// How many keyboard hints the page shows (not hidden by its styles).
async fn hints_shown(page: &Page) -> Result<usize, String> {
    let shown = page
        .execute_json(
            "return [...document.querySelectorAll(arguments[0])].filter((el) => el.getClientRects().length > 0).length;",
            vec![HINT.into()],
        )
        .await?;
    shown
        .as_u64()
        .map(|n| n as usize)
        .ok_or_else(|| format!("counting the shown hints gave {shown}"))
}

/// On a touch screen (a coarse pointer that cannot hover) the keyboard
/// hints are hidden on the timeline and the clauses view; with a mouse
/// they show.
pub async fn touch_screen_hides_keyboard_hints(page: &Page) -> Result<(), String> {
    for query in HINTED {
        page.open(query).await?;
        page.wait_for(HINT).await?;
        if hints_shown(page).await? == 0 {
            return Err(format!("{query}: with a mouse no keyboard hint shows"));
        }
    }
    let touch = touch_screen(page.engine())?;
    in_other_browser(page, &touch, async |page: &Page| {
        let coarse = page
            .execute_json(
                "return matchMedia('(hover: none) and (pointer: coarse)').matches;",
                vec![],
            )
            .await?;
        if coarse != serde_json::json!(true) {
            return Err(format!(
                "[{}] test set-up: the touch browser does not report a coarse pointer without hover",
                page.engine().name()
            ));
        }
        for query in HINTED {
            page.open(query).await?;
            page.wait_for(HINT).await?;
            let shown = hints_shown(page).await?;
            if shown > 0 {
                return Err(format!(
                    "[{}] {query}: {shown} keyboard hint(s) show on a touch screen",
                    page.engine().name()
                ));
            }
        }
        let errors = page.take_errors().await?;
        if errors.is_empty() {
            Ok(())
        } else {
            Err(format!(
                "[{}] page errors on the touch screen: {errors:?}",
                page.engine().name()
            ))
        }
    })
    .await
}
