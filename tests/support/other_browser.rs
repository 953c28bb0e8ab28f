//! A second browser on the scenario's engine, started with other settings
//! (JavaScript or WebAssembly off, a dark system theme), for the scenarios
//! that must see the app as such a browser does.
//!
//! Its page shares the app's server, so the harness still sees any request
//! it tries to send off 127.0.0.1; its errors are the scenario's to check.

use super::engines::{Driver, ExtraSettings};
use super::page::Page;

/// How to start the browser: its driver's environment (which the browser
/// inherits) and the session's settings.
#[derive(Default)]
pub struct BrowserSettings {
    /// A short name for the driver's log file.
    pub label: &'static str,
    /// Added to the driver's environment.
    pub driver_env: Vec<(&'static str, &'static str)>,
    /// Added to the session's capabilities.
    pub settings: ExtraSettings,
}

/// One Firefox preference, as [`ExtraSettings::prefs`] takes it.
pub fn firefox_pref(name: &str, value: impl Into<serde_json::Value>) -> serde_json::Map<String, serde_json::Value> {
    serde_json::Map::from_iter([(name.to_owned(), value.into())])
}

/// Runs `body` on a page in a second browser on `page`'s engine, started
/// with `settings`, and closes that browser afterwards, also when `body`
/// fails.
pub async fn in_other_browser<T>(
    page: &Page,
    settings: &BrowserSettings,
    body: impl AsyncFnOnce(&Page) -> Result<T, String>,
) -> Result<T, String> {
    let driver = Driver::start_with_env(page.engine(), settings.label, &settings.driver_env).await?;
    let session = driver
        .new_session_with(&page.proxy_address(), &settings.settings)
        .await?;
    let other = page.sibling(session);
    let outcome = body(&other).await;
    let closed = other.close().await;
    let value = outcome?;
    closed?;
    Ok(value)
}
