//! The Content-Security-Policy of a built page, as a `<meta http-equiv>`
//! tag: the hashes of its inline scripts and styles, worked out from the
//! finished HTML, and the tag put in before anything the policy governs.
//!
//! Trunk's module loader is inline and its text changes with every build
//! (it names the hashed file names), so the hashes can only be taken after
//! Trunk has written the page; `examples/csp.rs` does it as a post-build
//! hook, and `examples/single_file.rs` again for the one-file copy, whose
//! inline code differs. Hashing the page as it is keeps `index.html` free
//! of placeholders, and lets its hand-written scripts change without anyone
//! updating a hash by hand.

use sha2::{Digest, Sha256};

use super::base64;
use super::html::next_tag_any;

/// The hash sources (`'sha256-…'`) of a page's inline code, in page order.
#[derive(Debug, Default)]
pub struct InlineCode {
    /// One per inline script the browser runs (not per data block, such as
    /// the single file's `type=application/octet-stream` wasm).
    pub scripts: Vec<String>,
    /// One per `<style>` element.
    pub styles: Vec<String>,
}

/// Hashes the inline scripts and styles of `html`. Fails on an inline
/// `style=` or `on…=` attribute: a hash cannot allow those (only
/// `'unsafe-inline'` or `'unsafe-hashes'` would), so they must not ship.
pub fn inline_code(html: &str) -> Result<InlineCode, String> {
    let mut code = InlineCode::default();
    let mut rest = html;
    while let Some(tag) = next_tag_any(rest) {
        if let Some((name, value)) = tag.attrs.iter().find(|(k, _)| k == "style" || k.starts_with("on")) {
            let value: String = value.chars().take(80).collect();
            return Err(format!(
                "<{} {name}=\"{value}\"> would be blocked by the Content-Security-Policy: \
                 style it with a class (or the CSSOM), and handle events from the app",
                tag.name
            ));
        }
        match tag.name.as_str() {
            "script" if tag.attr("src").is_none() && runs(tag.attr("type")) => code.scripts.push(hash(&tag.body)),
            "style" => code.styles.push(hash(&tag.body)),
            _ => {}
        }
        rest = &rest[tag.end..];
    }
    Ok(code)
}

/// `html` with `policy` as its Content-Security-Policy: a `<meta
/// http-equiv>` right after `<meta charset>`, which must come first (and
/// the minifier leaves out the optional `<head>` tag), and before any
/// script, style or link, which it would not govern if it came later. A
/// policy tag already there (an earlier run's, or `dist/`'s in the page
/// the single file is made from) is taken out, so running this twice is
/// the same as once.
pub fn with_policy(html: &str, policy: &str) -> Result<String, String> {
    if policy.contains(['"', '&', '<', '>']) {
        return Err(format!("the policy would need escaping in an attribute: {policy}"));
    }
    let meta = format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">");
    let mut out = String::with_capacity(html.len() + meta.len());
    let mut placed = false;
    let mut rest = html;
    while let Some(tag) = next_tag_any(rest) {
        let policy_tag = tag.name == "meta"
            && tag
                .attr("http-equiv")
                .is_some_and(|v| v.eq_ignore_ascii_case("content-security-policy"));
        if policy_tag {
            out.push_str(&rest[..tag.start]);
        } else {
            out.push_str(&rest[..tag.end]);
        }
        if !placed && tag.name == "meta" && tag.attr("charset").is_some() {
            out.push_str(&meta);
            placed = true;
        } else if !placed && ["script", "style", "link"].contains(&tag.name.as_str()) {
            return Err(format!(
                "a <{}> comes before <meta charset>, out of the policy's reach",
                tag.name
            ));
        }
        rest = &rest[tag.end..];
    }
    out.push_str(rest);
    if placed {
        Ok(out)
    } else {
        Err("the page has no <meta charset> to put the policy after".into())
    }
}

/// Whether a `<script type=…>` runs as a classic script or a module (and
/// so needs the policy's leave), rather than holding data.
fn runs(kind: Option<&str>) -> bool {
    kind.is_none_or(|kind| {
        let kind = kind.trim().to_ascii_lowercase();
        kind.is_empty() || kind == "module" || kind.ends_with("javascript")
    })
}

/// The policy's source for `text`: its SHA-256, base64. The HTML parser
/// turns CR LF and lone CRs into LF before a script sees its text, and the
/// browser hashes what it sees.
fn hash(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    format!("'sha256-{}'", base64(&Sha256::digest(text.as_bytes())))
}
