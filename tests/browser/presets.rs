//! Embed presets as a blogger pastes them: a post on another origin holds
//! the three snippets the embed builder gives (`pactline::embed::snippets`),
//! for each preset, at a phone's width and a desktop's. Each embed shows its
//! preset without controls, stays under its height limit, never scrolls the
//! host page sideways, and links to the same view in Pactline; the script
//! embed's fallback shows when the script never runs.

use std::path::Path;

use pactline::embed::{self, Options};
use pactline::state::{Preset, ViewState};
use serde_json::json;

use crate::support::expect::expect_eq;
use crate::support::oracle::data;
use crate::support::page::Page;
use crate::support::server::{ReplacedFile, Server};

/// The tallest a preset's script embed grows (embed.js), and the slack
/// layout rounding needs.
const MAX_HEIGHT: f64 = 1200.0;
const TOLERANCE: f64 = 2.0;

/// The query of an absolute link, with its `?`.
fn query_of(href: &str) -> String {
    href.find('?').map_or(String::new(), |i| href[i..].to_string())
}

/// One query per preset, on real data.
fn preset_queries() -> Vec<(Preset, String)> {
    let data = data();
    let event = data
        .events
        .iter()
        .find(|e| data.conflicts_of_event(e.id).next().is_some())
        .map_or("", |e| e.id);
    let conflict = data.conflicts.first().map_or("", |c| c.id);
    vec![
        (Preset::Event, format!("view=timeline&preset=event&event={event}")),
        (
            Preset::Clause,
            "view=clauses&preset=clause&clause=cloud-exclusivity".to_string(),
        ),
        (Preset::Scoreboard, "view=clauses&preset=scoreboard".to_string()),
        (
            Preset::Conflict,
            format!("view=sources&preset=conflict&conflict={conflict}"),
        ),
        (
            Preset::Range,
            "view=timeline&preset=range&party=amazon&limit=4".to_string(),
        ),
    ]
}

/// A post on a second origin holding `body`; lives as long as this does.
struct Post {
    _page: ReplacedFile,
    _server: Server,
}

impl Post {
    async fn open(page: &Page, body: &str) -> Result<Self, String> {
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/fixtures");
        let server = Server::start(&fixtures, "/fixture/")
            .await
            .map_err(|e| format!("starting the post's server: {e}"))?;
        let html = format!(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
             <title>A post with Pactline embedded</title><link rel=\"icon\" href=\"data:,\">\
             <script>window.__pactlineErrors = []; \
             addEventListener('error', e => __pactlineErrors.push(String(e.message))); \
             addEventListener('unhandledrejection', e => __pactlineErrors.push(String(e.reason)));</script>\
             <style>body {{ max-width: 720px; margin: 0 auto; padding: 0 12px; font: 18px/1.6 Georgia, serif; }}</style>\
             </head><body><h1>A post</h1><p>Before the embeds.</p>{body}<p>After the embeds.</p></body></html>"
        );
        let post = server.control().replace_file("preset-post.html", html);
        page.goto(&format!("{}preset-post.html", server.base_url())).await?;
        Ok(Self {
            _page: post,
            _server: server,
        })
    }
}

/// Each preset, pasted all three ways, at 360 and 1,280 px: the script
/// embed fits its content up to 1,200 px, the iframe shows the preset, the
/// link is there, nothing scrolls the post sideways, and "Show all in
/// Pactline" opens the same view without embed or preset.
pub async fn presets_embed_both_ways_within_their_height(page: &Page) -> Result<(), String> {
    for width in [360, 1280] {
        let viewport = page.set_viewport_size(width, 900).await?;
        for (preset, query) in preset_queries() {
            let state = ViewState::parse(&query, data()).0;
            let snippets = embed::snippets(data(), page.app_url(), &state, Options::default());
            let body = format!(
                "<div id=\"script-embed\">{}</div><div id=\"iframe-embed\">{}</div><div id=\"link\">{}</div>",
                snippets.script, snippets.iframe, snippets.link
            );
            let _post = Post::open(page, &body).await?;
            let what = format!("{} at {}px", preset.id(), viewport.0);
            for frame in ["#script-embed iframe", "#iframe-embed iframe"] {
                page.wait_for(frame).await?;
                page.in_frame(frame, async || {
                    page.wait_for(&format!(r#"[data-testid="preset"][data-preset="{}"]"#, preset.id()))
                        .await?;
                    let errors = page
                        .execute_json("return window.__pactlineErrors || null;", vec![])
                        .await?;
                    expect_eq(&format!("errors in {what}"), errors, json!([]))?;
                    expect_eq(
                        &format!("filter panels in {what}"),
                        page.count("aside.filters").await?,
                        0,
                    )?;
                    expect_eq(
                        &format!("version pickers in {what}"),
                        page.count(r#"[data-testid="version-a"]"#).await?,
                        0,
                    )?;
                    let href = page
                        .attr(r#"a[data-testid="show-all"]"#, "href")
                        .await?
                        .ok_or_else(|| format!("{what}: no Show all link"))?;
                    let mut full = state.without_extra();
                    full.preset = None;
                    full.view = preset.view();
                    expect_eq(&format!("Show all in {what}"), query_of(&href), full.to_query())
                })
                .await
                .map_err(|e| format!("{what}, {frame}: {e}"))?;
            }
            // The script embed grows to its content, but no further than
            // the limit.
            page.wait_until(&format!("{what}: the script embed has fitted"), async || {
                let h = page
                    .execute_json(
                        "return document.querySelector('#script-embed iframe').getBoundingClientRect().height;",
                        vec![],
                    )
                    .await?
                    .as_f64()
                    .unwrap_or(0.0);
                Ok(h != 400.0)
            })
            .await?;
            let measured = page
                .execute_json(
                    "const h = s => document.querySelector(s).getBoundingClientRect().height;
                     return { script: h('#script-embed iframe'), iframe: h('#iframe-embed iframe'),
                              page: document.documentElement.scrollWidth, shown: document.documentElement.clientWidth,
                              link: document.querySelectorAll('#link a').length };",
                    vec![],
                )
                .await?;
            let number = |key: &str| measured[key].as_f64().unwrap_or(f64::NAN);
            // NaN, a height that could not be measured, fails too.
            let script = number("script");
            if script.is_nan() || script > MAX_HEIGHT + TOLERANCE {
                return Err(format!("{what}: the script embed is {script}px tall"));
            }
            if number("page") > number("shown") {
                return Err(format!(
                    "{what}: the post scrolls sideways ({} > {})",
                    number("page"),
                    number("shown")
                ));
            }
            expect_eq(
                &format!("{what}: links in the link snippet"),
                measured["link"].clone(),
                json!(1),
            )?;
            // Resizing to fit is over: nothing went wrong inside either embed.
            for frame in ["#script-embed iframe", "#iframe-embed iframe"] {
                let errors = page
                    .in_frame(frame, async || {
                        page.execute_json("return window.__pactlineErrors || null;", vec![])
                            .await
                    })
                    .await?;
                expect_eq(&format!("errors in {what}, {frame}"), errors, json!([]))?;
            }
            // For a person to look at: the post with each embed, as pasted.
            for (part, css) in [("script", "#script-embed"), ("iframe", "#iframe-embed")] {
                page.screenshot_of(css, &format!("post-{}-{part}-{}", preset.id(), viewport.0))
                    .await?;
            }
            expect_eq(
                &format!("{what}: the iframe's fixed height"),
                number("iframe").round() as u32,
                embed::fixed_height(&state),
            )?;
        }
    }
    Ok(())
}

/// With the script blocked (it never arrives), the script embed's fallback
/// stays readable: the title, what it shows and a link to Pactline.
pub async fn the_fallback_shows_when_the_script_never_runs(page: &Page) -> Result<(), String> {
    let (preset, query) = preset_queries().remove(0);
    let state = ViewState::parse(&query, data()).0;
    let snippets = embed::snippets(data(), page.app_url(), &state, Options::default());
    // The script points at a file the app's server does not have.
    let blocked = snippets.script.replace("embed.js", "embed-blocked.js");
    let _post = Post::open(page, &format!("<div id=\"script-embed\">{blocked}</div>")).await?;
    let title = embed::title(data(), &state);
    page.wait_until(&format!("the {} fallback is shown", preset.id()), async || {
        Ok(page.text("#script-embed").await?.contains(&title))
    })
    .await?;
    expect_eq("iframes in the post", page.count("#script-embed iframe").await?, 0)?;
    let href = page.attr("#script-embed a", "href").await?.unwrap_or_default();
    expect_eq("the fallback's link", query_of(&href), state.without_extra().to_query())
}
