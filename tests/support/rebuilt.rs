//! The built page as the build would have written it otherwise, made with
//! the build's own code (`examples/support/`), so a scenario that rewrites
//! `index.html` serves a page whose Content-Security-Policy is still the
//! build's, not one written again by hand.

#[expect(
    dead_code,
    reason = "the single file's policy (`Served::SingleFile`) is not served here"
)]
#[path = "../../examples/support/mod.rs"]
mod build;

use build::csp::{Served, inline_code, policy, with_policy};

/// `built` as `PACTLINE_ORIGIN=<origin> trunk build` writes it: the same
/// page, with `origin` named beside `'self'` in its policy.
pub fn with_named_origin(built: &str, origin: &str) -> Result<String, String> {
    let served = Served::Http { origins: &[origin] };
    with_policy(built, &policy(&inline_code(built)?, &served)?)
}

/// `changed`, a rewrite of the built page `built`, with the hashes in its
/// policy updated for its rewritten inline scripts, so the policy lets
/// them run as the build's does.
pub fn rehashed(built: &str, changed: &str) -> Result<String, String> {
    let before = inline_code(built)?.scripts;
    let after = inline_code(changed)?.scripts;
    if before.len() != after.len() {
        return Err("test bug: the rewrite added or removed an inline script".into());
    }
    Ok(before
        .iter()
        .zip(&after)
        .fold(changed.to_owned(), |page, (old, new)| page.replacen(old, new, 1)))
}
