//! Gives the built page its Content-Security-Policy, once it has moved its
//! stylesheet into the page (`support/style.rs` says why): Trunk runs this
//! as a post-build hook (Trunk.toml), on the page in its staging directory
//! (`$TRUNK_STAGING_DIR/index.html`) before it moves to `dist/`. By hand:
//!
//! ```text
//! cargo run --example csp -- dist/index.html
//! ```
//!
//! The policy allows the page's own files, WebAssembly, and each inline
//! script and style by its hash (see `support/csp.rs` for why after the build), and
//! nothing else. `PACTLINE_ORIGIN` (origins, space-separated) names the
//! origin the app is served from beside `'self'`, for WebKit's sandboxed
//! frames (see `support::csp::Served`). Hosts that can send headers should also send it as one,
//! with `frame-ancestors`, which a `<meta>` cannot carry (README, Deploying).

#[expect(
    dead_code,
    reason = "the single file's policy (`Served::SingleFile`) is single_file.rs's"
)]
#[path = "support/mod.rs"]
mod support;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::{env, fs};

use support::csp::{Served, inline_code, policy, with_policy};
use support::style::inline_stylesheets;

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

/// Rewrites the page at `path` with its stylesheet inside it (the file
/// deleted) and its policy.
fn give_policy(path: &Path) -> Result<(), String> {
    let html = fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let dir = path.parent().unwrap_or(Path::new("."));
    // Trunk writes `./name`, beside the page.
    let beside = |href: &str| {
        let name = href.trim_start_matches("./");
        if name.is_empty() || name.contains(['/', '\\', ':']) || name.contains("..") {
            return Err(format!("refusing to inline {href:?}: not a file beside the page"));
        }
        Ok(dir.join(name))
    };
    let (html, inlined) = inline_stylesheets(&html, |href| {
        let file = beside(href)?;
        fs::read_to_string(&file).map_err(|e| format!("cannot read {}: {e}", file.display()))
    })?;
    for href in &inlined {
        let file = beside(href)?;
        fs::remove_file(&file).map_err(|e| format!("cannot remove {}: {e}", file.display()))?;
    }
    // `trunk serve` adds a live-reload script and writes the server's
    // address into it as it serves the page, so no hash made here could
    // let it run; the page it serves goes without a policy.
    let html = if html.contains(TRUNK_SERVE_ADDRESS) {
        eprintln!(
            "csp: no Content-Security-Policy under `trunk serve` (its live-reload script changes as it is served)"
        );
        html
    } else {
        let origins = env::var("PACTLINE_ORIGIN").unwrap_or_default();
        let origins: Vec<&str> = origins.split_whitespace().collect();
        with_policy(
            &html,
            &policy(&inline_code(&html)?, &Served::Http { origins: &origins })?,
        )?
    };
    fs::write(path, html).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// What `trunk serve` replaces in its live-reload script as it serves it.
const TRUNK_SERVE_ADDRESS: &str = "{{__TRUNK_ADDRESS__}}";
