//! Writes the static summary (see `pactline::summary`) to a file, and the
//! link-preview tags beside it (`head-meta.html`), for Trunk to paste into
//! `index.html` at build time. Trunk runs it as a pre-build hook
//! (Trunk.toml); by hand:
//!
//! ```text
//! cargo run --example static_summary -- target/static-summary.html
//! ```
//!
//! `PACTLINE_SITE_URL` (the address the app is deployed at, `https://…/`)
//! adds the preview image and canonical address, which must be absolute.

use std::process::ExitCode;

fn main() -> ExitCode {
    let out = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "target/static-summary.html".into());
    let html = pactline::summary::static_summary(pactline::data::builtin());
    let site = std::env::var("PACTLINE_SITE_URL").ok();
    let meta = pactline::summary::social_meta(site.as_deref().filter(|s| !s.is_empty()));
    let beside = std::path::Path::new(&out).with_file_name("head-meta.html");
    for (path, text) in [(std::path::Path::new(&out), html), (beside.as_path(), meta)] {
        if let Err(e) = std::fs::write(path, text) {
            eprintln!("static_summary: cannot write {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
