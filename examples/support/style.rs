//! The built page's stylesheet, moved into the page as a `<style>`
//! element: by the post-build hook (`examples/csp.rs`) for the page every
//! reader is served, and so also in the single file made from it.
//!
//! In the page, the styles arrive with the first screen instead of one
//! request later: on a phone's link that request is a round trip (150 ms in
//! Lighthouse's slow 4G) before anything can paint. The file was 6 KB
//! brotli; it now travels inside the page, which the service worker keeps.

use super::html::next_tag_any;

/// `html` with each `<link rel=stylesheet>` replaced by a `<style>` holding
/// the file it names, read by `read`; and the names of the files inlined,
/// which the page no longer needs.
pub fn inline_stylesheets(
    html: &str,
    read: impl Fn(&str) -> Result<String, String>,
) -> Result<(String, Vec<String>), String> {
    let mut out = String::with_capacity(html.len());
    let mut inlined = Vec::new();
    let mut rest = html;
    while let Some(tag) = next_tag_any(rest) {
        let stylesheet = tag.name == "link"
            && tag.attr("rel").is_some_and(|rel| {
                rel.split_ascii_whitespace()
                    .any(|r| r.eq_ignore_ascii_case("stylesheet"))
            });
        if stylesheet {
            let href = tag.attr("href").ok_or("a <link rel=stylesheet> without href")?;
            let css = read(href)?;
            if css.to_ascii_lowercase().contains("</style") {
                return Err(format!(
                    "{href} contains `</style`, which would end the inline style early"
                ));
            }
            out.push_str(&rest[..tag.start]);
            out.push_str("<style>");
            out.push_str(&css);
            out.push_str("</style>");
            inlined.push(href.to_owned());
        } else {
            out.push_str(&rest[..tag.end]);
        }
        rest = &rest[tag.end..];
    }
    out.push_str(rest);
    Ok((out, inlined))
}
