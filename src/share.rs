//! Links to the current view, and where readers report errors. (Embed
//! snippets are in `embed`, citations in `cite`.)

use crate::state::ViewState;

/// Escapes text for an HTML attribute or text node.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The page's address without query or fragment: `<site>/blog/pactline/` on a web host
/// or `file:///home/me/pactline.html`.
pub fn page_url(href: &str) -> &str {
    let end = href.find(['?', '#']).unwrap_or(href.len());
    &href[..end]
}

/// The folder the page lives in, where `embed.js` sits beside it.
pub fn folder_url(href: &str) -> &str {
    let page = page_url(href);
    match page.rfind('/') {
        Some(i) => &page[..=i],
        None => page,
    }
}

/// The shareable link to `state`: the page plus its query, never in embed mode.
pub fn link(href: &str, state: &ViewState) -> String {
    let state = ViewState {
        embed: false,
        ..state.clone()
    };
    format!("{}{}", page_url(href), state.to_query())
}

/// Where readers send corrections: the `mailto:` or `https://` address in
/// `PACTLINE_REPORT_ERRORS` when the app was built (`build.rs` checks its
/// form), or `None` when the publisher set none.
pub fn corrections_address() -> Option<&'static str> {
    option_env!("PACTLINE_REPORT_ERRORS").filter(|a| !a.is_empty())
}

/// A link that reports an error with no backend. An e-mail address gets a
/// subject naming the dataset version, and a body naming the claim's link
/// when there is one; a web address (a form, an issue tracker) is used as
/// it is, since its fields are unknown.
pub fn error_report_link(address: &str, version: &str, about: Option<&str>) -> String {
    if !address.starts_with("mailto:") {
        return address.to_string();
    }
    let subject = format!("Pactline correction (dataset {version})");
    let body = match about {
        Some(link) => format!("About: {link}\n\nWhat is wrong, and which source or report shows it:\n"),
        None => "What is wrong, and which source or report shows it:\n".to_string(),
    };
    let separator = if address.contains('?') { '&' } else { '?' };
    format!(
        "{address}{separator}subject={}&body={}",
        mail_encode(&subject),
        mail_encode(&body)
    )
}

/// Percent-encodes a `mailto:` header value (RFC 6068): unlike a query
/// string, a space must be `%20`, as mail clients read `+` literally.
fn mail_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}
