//! Shared machinery for the real-browser tests: the recording server
//! ([`server`], speaking [`http`]); browser engines and their drivers ([`engines`]), sessions
//! and their reset ([`session`]) and the processes behind them
//! ([`processes`]); the page a scenario drives ([`page`]) and a second
//! browser with other settings ([`other_browser`]); the
//! reader-level steps ([`steps`]), checks ([`expect`]) and native oracle
//! ([`oracle`]) scenarios are written with; the states of the app the
//! page-wide checks go through ([`views`]); the checkers run on them
//! ([`axe`], [`html`]); hostile links to open ([`hostile`]), which the
//! native URL fuzz test (`tests/fuzz_url.rs`) reads too; and the built page
//! rewritten by the build's own code ([`rebuilt`]).

pub mod axe;
pub mod driver;
pub mod engines;
pub mod expect;
#[expect(
    dead_code,
    reason = "the browser scenario opens ready-made hostile links; the strategies behind them are for tests/fuzz_url.rs"
)]
pub mod hostile;
pub mod html;
pub mod http;
pub mod oracle;
pub mod other_browser;
pub mod page;
pub mod processes;
pub mod rebuilt;
pub mod server;
pub mod session;
pub mod steps;
pub mod views;

use std::path::PathBuf;

/// `test-artifacts/<kind>/` in the crate root (created if missing), where
/// screenshots and driver logs go; the directory is git-ignored.
pub fn artifacts_dir(kind: &str) -> Result<PathBuf, String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("test-artifacts")
        .join(kind);
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    Ok(dir)
}
