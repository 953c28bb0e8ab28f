//! The app shell contract: it renders under a sub-path, every view is
//! reachable by URL and by the nav links, history moves between views, and
//! the build's assets are served from the sub-path with the right types.

use crate::support::expect::expect_eq;
use crate::support::page::Page;
use crate::support::server::{DEFAULT_BASE_PATH, Destination};
use crate::support::steps::{VIEW, nav_link, showing};

/// The views, in nav order.
const VIEWS: [&str; 3] = ["timeline", "clauses", "sources"];

/// Waits until the URL's query names `view`.
async fn wait_for_query(page: &Page, view: &str) -> Result<(), String> {
    let wanted = format!("view={view}");
    page.wait_until(&format!("the URL query contains {wanted}"), async || {
        Ok(page.current_query().await?.split('&').any(|pair| pair == wanted))
    })
    .await
}

/// The bare URL under the sub-path shows the shell: title, a view, and the
/// dataset version.
pub async fn renders_under_sub_path(page: &Page) -> Result<(), String> {
    page.open("").await?;
    let title = page.text("h1").await?;
    if !title.contains("Pactline") {
        return Err(format!("h1 should contain \"Pactline\", got {title:?}"));
    }
    expect_eq("number of view roots", page.count(VIEW).await?, 1)?;
    let version = page.text(r#"[data-testid="dataset-version"]"#).await?;
    if version.trim().is_empty() {
        return Err("dataset-version is empty".into());
    }
    Ok(())
}

/// `?view=NAME` opens that view; no query opens the timeline.
pub async fn views_reachable_by_url(page: &Page) -> Result<(), String> {
    for view in VIEWS {
        page.open(&format!("view={view}")).await?;
        expect_eq(
            &format!("data-view for ?view={view}"),
            page.attr(VIEW, "data-view").await?.as_deref(),
            Some(view),
        )?;
    }
    page.open("").await?;
    expect_eq(
        "data-view for the bare URL",
        page.attr(VIEW, "data-view").await?.as_deref(),
        Some("timeline"),
    )
}

/// Clicking a nav link switches the view, puts it in the URL, and marks
/// that link (and only that one) as the current page.
pub async fn views_reachable_by_clicking(page: &Page) -> Result<(), String> {
    page.open("").await?;
    // Timeline last, so every click is a real change away from the default.
    for view in ["clauses", "sources", "timeline"] {
        page.click(&nav_link(view)).await?;
        page.wait_for(&showing(view)).await?;
        wait_for_query(page, view).await?;
        for other in VIEWS {
            let current = page.attr(&nav_link(other), "aria-current").await?;
            let expected = (other == view).then_some("page");
            expect_eq(
                &format!("aria-current of nav-{other} after clicking nav-{view}"),
                current.as_deref(),
                expected,
            )?;
        }
    }
    Ok(())
}

/// Back returns to the previous view and Forward re-applies the next one,
/// URL and view together.
pub async fn back_and_forward_restore_views(page: &Page) -> Result<(), String> {
    page.open("view=timeline").await?;
    for view in ["clauses", "sources"] {
        page.click(&nav_link(view)).await?;
        page.wait_for(&showing(view)).await?;
    }
    for (step, view) in [
        ("back", "clauses"),
        ("back", "timeline"),
        ("forward", "clauses"),
        ("forward", "sources"),
    ] {
        if step == "back" {
            page.back().await?;
        } else {
            page.forward().await?;
        }
        page.wait_for(&showing(view)).await?;
        wait_for_query(page, view).await?;
    }
    Ok(())
}

/// Every request the app makes stays under the sub-path and succeeds, and
/// the wasm module is served as `application/wasm` (which streaming
/// compilation requires).
pub async fn assets_served_from_sub_path(page: &Page) -> Result<(), String> {
    page.open("").await?;
    // Off-origin attempts are the harness's check; these are the app's own.
    let requests: Vec<_> = page
        .requests()
        .into_iter()
        .filter(|request| request.destination == Destination::Local)
        .collect();
    let stray: Vec<_> = requests
        .iter()
        .filter(|request| !request.path().starts_with(DEFAULT_BASE_PATH) || request.status != 200)
        .map(ToString::to_string)
        .collect();
    if !stray.is_empty() {
        return Err(format!(
            "requests outside {DEFAULT_BASE_PATH} or not answered 200: {stray:?}"
        ));
    }
    let wasm: Vec<_> = requests
        .iter()
        .filter(|request| request.path().ends_with(".wasm"))
        .collect();
    if wasm.is_empty() {
        return Err("the page loaded no .wasm file".into());
    }
    for request in wasm {
        expect_eq(
            &format!("content type of {}", request.target),
            request.content_type,
            "application/wasm",
        )?;
    }
    Ok(())
}

/// Visiting every view makes no request that leaves 127.0.0.1 and reports
/// no error. (The harness checks this after every scenario too; this one
/// makes sure each view has actually been rendered once.)
pub async fn stays_on_loopback_without_errors(page: &Page) -> Result<(), String> {
    for view in VIEWS {
        page.open(&format!("view={view}")).await?;
        page.wait_for(&showing(view)).await?;
    }
    let offorigin: Vec<_> = page.offorigin_requests().iter().map(ToString::to_string).collect();
    if !offorigin.is_empty() {
        return Err(format!("requests tried to leave 127.0.0.1: {offorigin:?}"));
    }
    let errors = page.errors().await?;
    if !errors.is_empty() {
        return Err(format!("page errors: {errors:?}"));
    }
    Ok(())
}
