//! Writes the static summary (see `pactline::summary`) to a file, for Trunk
//! to paste into `index.html` at build time. Trunk runs it as a pre-build
//! hook (Trunk.toml); by hand:
//!
//! ```text
//! cargo run --example static_summary -- target/static-summary.html
//! ```

use std::process::ExitCode;

fn main() -> ExitCode {
    let out = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "target/static-summary.html".into());
    let html = pactline::summary::static_summary(pactline::data::builtin());
    match std::fs::write(&out, html) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("static_summary: cannot write {out}: {e}");
            ExitCode::FAILURE
        }
    }
}
