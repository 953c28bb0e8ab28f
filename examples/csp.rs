//! Gives the built page its Content-Security-Policy: Trunk runs this as a
//! post-build hook (Trunk.toml), on the page in its staging directory
//! (`$TRUNK_STAGING_DIR/index.html`) before it moves to `dist/`. By hand:
//!
//! ```text
//! cargo run --example csp -- dist/index.html
//! ```
//!
//! The policy allows the page's own files, WebAssembly, and each inline
//! script by its hash (see `support/csp.rs` for why after the build), and
//! nothing else. Hosts that can send headers should also send it as one,
//! with `frame-ancestors`, which a `<meta>` cannot carry (README, Deploying).

#[path = "support/mod.rs"]
mod support;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::{env, fs};

use support::csp::{InlineCode, inline_code, with_policy};

fn main() -> ExitCode {
    let page = env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .or_else(|| env::var_os("TRUNK_STAGING_DIR").map(|dir| PathBuf::from(dir).join("index.html")));
    let Some(page) = page else {
        eprintln!("csp: name the page to rewrite (or run as a Trunk hook, which sets TRUNK_STAGING_DIR)");
        return ExitCode::FAILURE;
    };
    match give_policy(&page) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("csp: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Rewrites the page at `path` with its policy.
fn give_policy(path: &Path) -> Result<(), String> {
    let html = fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    // `trunk serve` adds a live-reload script and writes the server's
    // address into it as it serves the page, so no hash made here could
    // let it run; the page it serves goes without a policy.
    if html.contains(TRUNK_SERVE_ADDRESS) {
        eprintln!(
            "csp: no Content-Security-Policy under `trunk serve` (its live-reload script changes as it is served)"
        );
        return Ok(());
    }
    let html = with_policy(&html, &policy(&inline_code(&html)?)?)?;
    fs::write(path, html).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// What `trunk serve` replaces in its live-reload script as it serves it.
const TRUNK_SERVE_ADDRESS: &str = "{{__TRUNK_ADDRESS__}}";

/// The policy for the page served over http(s) with its files beside it.
fn policy(inline: &InlineCode) -> Result<String, String> {
    // The stylesheet is a file; an inline one would be blocked.
    if !inline.styles.is_empty() {
        return Err("the page has a <style> element, which style-src 'self' blocks: move it into style/".into());
    }
    Ok([
        // Everything not named below (the manifest, the embed builder's
        // preview frame; the service worker goes by script-src): this origin.
        "default-src 'self'".to_owned(),
        // The wasm-bindgen glue and the service worker are files; the wasm
        // needs 'wasm-unsafe-eval' to compile (no JS eval is allowed); the
        // inline scripts (Trunk's loader and index.html's) by their hashes.
        format!("script-src 'self' 'wasm-unsafe-eval' {}", inline.scripts.join(" ")),
        "style-src 'self'".to_owned(),
        // Nothing ships a data: image today; issue 18 allows them because
        // an image cannot run code, so a small icon may be inlined in CSS.
        "img-src 'self' data:".to_owned(),
        // The glue fetches the wasm; nothing else is fetched.
        "connect-src 'self'".to_owned(),
        // No plugins, and no injected <base> can move the relative paths.
        "object-src 'none'".to_owned(),
        "base-uri 'none'".to_owned(),
    ]
    .join("; "))
}
