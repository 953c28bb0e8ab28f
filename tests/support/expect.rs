//! Checks and URL pieces that need no browser: comparing a value with the
//! expected one, and reading or writing query parameters the way the app
//! does.

use std::fmt::Debug;

/// Fails unless `actual == expected`, naming `what`.
pub fn expect_eq<T: PartialEq + Debug>(what: &str, actual: T, expected: T) -> Result<(), String> {
    if actual == expected {
        Ok(())
    } else {
        Err(format!("{what}: expected {expected:?}, got {actual:?}"))
    }
}

/// The decoded value of parameter `name` in `query` (the last one wins, as
/// in the app), `None` if absent.
pub fn param(query: &str, name: &str) -> Option<String> {
    url::form_urlencoded::parse(query.as_bytes())
        .filter(|(key, _)| key == name)
        .last()
        .map(|(_, value)| value.into_owned())
}

/// The query of an in-app link's `href` (`?query#anchor`), without the `?`
/// and the anchor.
pub fn link_query(href: &str) -> &str {
    let query = href.trim_start_matches('?');
    query.split_once('#').map_or(query, |(query, _)| query)
}

/// The query of the absolute `url` (without `?`).
pub fn query_of(url: &str) -> Result<String, String> {
    let url = url::Url::parse(url).map_err(|e| format!("{url:?} is not a URL: {e}"))?;
    Ok(url.query().unwrap_or_default().to_owned())
}

/// Percent-encodes `text` for a query value.
pub fn encode(text: &str) -> String {
    url::form_urlencoded::byte_serialize(text.as_bytes()).collect()
}
