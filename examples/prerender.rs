//! Renders the first screen of each view to HTML, natively, from the same
//! Leptos components the browser mounts (`pactline::app::prerender`), for
//! Trunk to paste into `index.html` at build time; the link-preview tags
//! beside it (`head-meta.html`); and the dataset's JSON download
//! (`pactline::export::DATASET_FILE`), which Trunk copies into `dist/`.
//! Trunk runs it as a pre-build hook (Trunk.toml); by hand:
//!
//! ```text
//! cargo run --features prerender --example prerender -- target/prerender.html
//! ```
//!
//! Each screen is shown before the app starts only to an address that asks
//! for exactly it: `head-meta.html` lists which, for the page's first
//! script (see index.html). Without WebAssembly the app never starts, and
//! every screen stays readable.
//!
//! The timeline's screen, the page with no query, is built as it is read.
//! The others are the text of a `<noscript>`: without JavaScript it shows
//! as it is; with JavaScript the parser keeps it as text, not as three
//! pages nobody sees (in Chromium slowed 4×, as Lighthouse's phone, the
//! page was parsed about 130 ms sooner), and index.html's script builds the
//! one the address asks for.
//!
//! `PACTLINE_SITE_URL` (the address the app is deployed at, `https://…/`)
//! adds the preview image and canonical address, which must be absolute.

use pactline::share::escape_html;
use pactline::state::ViewState;
use std::fmt::Write as _;
use std::process::ExitCode;

/// The screens rendered, each with the addresses that ask for it: the
/// first is the one the app writes, and the screen is rendered from it.
const SCREENS: [(&str, &[&str]); 4] = [
    ("timeline", &["?view=timeline", ""]),
    ("clauses", &["?view=clauses"]),
    ("sources", &["?view=sources"]),
    // The default embed, where a blog's readers first meet Pactline.
    ("embed", &["?view=timeline&embed=1", "?embed=1"]),
];

fn main() -> ExitCode {
    let out = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "target/prerender.html".into());
    let data = pactline::data::builtin();
    let mut screens = String::from("<div id=\"prerender\">\n");
    let mut queries = Vec::new();
    for (name, asked) in SCREENS {
        // Every address listed must show exactly the screen rendered.
        let (rendered, _) = ViewState::parse(asked[0], data);
        if rendered.to_query() != asked[0] {
            eprintln!("prerender: the app writes {:?} as {:?}", asked[0], rendered.to_query());
            return ExitCode::FAILURE;
        }
        for query in asked {
            let (state, ignored) = ViewState::parse(query, data);
            if state != rendered || !ignored.is_empty() {
                eprintln!("prerender: {query:?} does not ask for the screen {name:?}");
                return ExitCode::FAILURE;
            }
            queries.push(format!("\"{query}\":\"{name}\""));
        }
        let screen = format!(
            "<div class=\"screen\" data-screen=\"{name}\">{}</div>",
            pactline::app::prerender(asked[0])
        );
        if name == SCREENS[0].0 {
            screens.push_str(&screen);
        } else if screen.to_ascii_lowercase().contains("</noscript") {
            eprintln!("prerender: the screen {name:?} would end the <noscript> that holds it");
            return ExitCode::FAILURE;
        } else {
            let _ = write!(screens, "<noscript data-screen=\"{name}\">{screen}</noscript>");
        }
        screens.push('\n');
    }
    screens.push_str("</div>\n");
    let site = std::env::var("PACTLINE_SITE_URL").ok();
    let mut head = pactline::preview::social_meta(site.as_deref().filter(|s| !s.is_empty()));
    let _ = writeln!(
        head,
        "<meta name=\"pactline-screens\" content=\"{}\">",
        escape_html(&format!("{{{}}}", queries.join(",")))
    );
    let beside = |name: &str| std::path::Path::new(&out).with_file_name(name);
    for (path, text) in [
        (std::path::PathBuf::from(&out), screens),
        (beside("head-meta.html"), head),
        (
            beside(pactline::export::DATASET_FILE),
            pactline::export::dataset_json(data),
        ),
    ] {
        if let Err(e) = std::fs::write(&path, text) {
            eprintln!("prerender: cannot write {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
