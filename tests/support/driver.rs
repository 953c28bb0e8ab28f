//! The names `tests/bench` imports from here, where they lived before the
//! engine set-up, sessions and processes got files of their own
//! ([`super::engines`], [`super::session`], [`super::processes`]). The
//! browser tests import from those files directly, so for them these
//! re-exports go unused.

#[allow(unused_imports, reason = "tests/bench imports these; the browser tests do not")]
pub use super::engines::{Driver, Engine};
#[allow(unused_imports, reason = "tests/bench imports these; the browser tests do not")]
pub use super::session::Session;
