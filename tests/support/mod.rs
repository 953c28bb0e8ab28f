//! Shared machinery for the real-browser tests: the recording server
//! ([`server`]), browser drivers and sessions ([`driver`]), and the
//! reader-level page helpers scenarios are written with ([`page`]).

pub mod driver;
pub mod page;
pub mod server;

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
