//! The link-preview tags (Open Graph and Twitter cards) pasted into the
//! page's head at build time (see `examples/prerender.rs`).

use crate::share::escape_html;
use std::fmt::Write as _;

/// The tags a link preview reads (Open Graph and Twitter cards): a title
/// and a description, and, where the deploy address `site` is known
/// (`https://…/`), the canonical address and a preview image, which must be
/// absolute. Social sites do not run scripts, so these describe the app as
/// a whole; the app names each view in the page title once it runs.
pub fn social_meta(site: Option<&str>) -> String {
    const TITLE: &str = "Pactline — how the Microsoft–OpenAI partnership changed";
    const DESCRIPTION: &str = "A filterable timeline and a clause-by-clause comparison of the Microsoft–OpenAI agreement, 2019–2026, with every claim traced to its source.";
    let mut out = String::new();
    let mut tag = |attr: &str, name: &str, content: &str| {
        let _ = writeln!(out, "<meta {attr}=\"{name}\" content=\"{}\">", escape_html(content));
    };
    tag("property", "og:type", "website");
    tag("property", "og:site_name", "Pactline");
    tag("property", "og:title", TITLE);
    tag("property", "og:description", DESCRIPTION);
    let site = site.filter(|s| s.starts_with("https://") || s.starts_with("http://"));
    tag("name", "twitter:card", "summary");
    tag("name", "twitter:title", TITLE);
    tag("name", "twitter:description", DESCRIPTION);
    if let Some(site) = site {
        let base = if site.ends_with('/') {
            site.to_string()
        } else {
            format!("{site}/")
        };
        tag("property", "og:url", &base);
        tag("property", "og:image", &format!("{base}icons/icon-512.png"));
        tag("property", "og:image:alt", "The Pactline mark");
        tag("name", "twitter:image", &format!("{base}icons/icon-512.png"));
    }
    out
}
