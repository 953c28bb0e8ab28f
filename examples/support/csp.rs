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

/// Where the page will be opened, which decides its policy.
pub enum Served<'a> {
    /// Over http(s), with its files beside it. `origins` are named beside
    /// `'self'` wherever it stands: the origin the app is served from, when
    /// the deployer knows it (`PACTLINE_ORIGIN`). A page in a frame
    /// sandboxed without `allow-same-origin` has an opaque origin, and
    /// WebKit (WebKitGTK 2.50, and Safari until its fix for
    /// <https://bugs.webkit.org/show_bug.cgi?id=316847>) resolves `'self'`
    /// against it, which matches nothing, so the app's own glue, wasm and
    /// stylesheet are refused; other engines resolve it against the page's
    /// URL, as CSP 3 says. An origin named outright matches on every
    /// engine, and trusts nothing `'self'` does not already.
    Http { origins: &'a [&'a str] },
    /// As the one file opened from disk (`examples/single_file.rs`), with
    /// its glue, wasm, stylesheet and icon inline.
    SingleFile,
}

/// The Content-Security-Policy for a page with `inline` code, opened as
/// `served` says.
pub fn policy(inline: &InlineCode, served: &Served) -> Result<String, String> {
    let directives = match served {
        Served::Http { origins } => {
            for origin in *origins {
                check_origin(origin)?;
            }
            let own = ["'self'"].iter().chain(*origins).copied().collect::<Vec<_>>().join(" ");
            vec![
                // Everything not named below (the manifest, the embed
                // builder's preview frame; the service worker goes by
                // script-src): this origin.
                format!("default-src {own}"),
                // The wasm-bindgen glue and the service worker are files;
                // the wasm needs 'wasm-unsafe-eval' to compile (no JS eval
                // is allowed); the inline scripts (Trunk's loader and
                // index.html's) by their hashes.
                format!("script-src {own} 'wasm-unsafe-eval' {}", inline.scripts.join(" ")),
                // The stylesheet is in the page (index.html says why), by
                // its hash.
                format!("style-src {own} {}", inline.styles.join(" ")),
                // Nothing ships a data: image today; issue 18 allows them
                // because an image cannot run code, so a small icon may be
                // inlined in CSS.
                format!("img-src {own} data:"),
                // The glue fetches the wasm; nothing else is fetched.
                format!("connect-src {own}"),
            ]
        }
        // Nothing from anywhere (a `file://` page has no origin for 'self'
        // to mean, and needs none), but its inline code by hash,
        // WebAssembly, and the `data:` icon.
        Served::SingleFile => vec![
            "default-src 'none'".to_owned(),
            // The glue and the wasm-bindgen start are one inline module.
            format!("script-src 'wasm-unsafe-eval' {}", inline.scripts.join(" ")),
            // The stylesheet is inline, as in the served page.
            format!("style-src {}", inline.styles.join(" ")),
            "img-src data:".to_owned(),
        ],
    };
    // No plugins, and no injected <base> can move the relative paths.
    let always = ["object-src 'none'".to_owned(), "base-uri 'none'".to_owned()];
    Ok(directives.into_iter().chain(always).collect::<Vec<_>>().join("; "))
}

/// Refuses anything but a bare `http(s)://host[:port]` origin: a path
/// would be a different source expression, and a quote, space or `;`
/// would write other sources or directives into the policy.
fn check_origin(origin: &str) -> Result<(), String> {
    let host = origin
        .strip_prefix("https://")
        .or_else(|| origin.strip_prefix("http://"))
        .unwrap_or_default();
    let bare = !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'));
    if bare {
        Ok(())
    } else {
        Err(format!(
            "PACTLINE_ORIGIN: {origin:?} is not an origin such as https://pactline.example (scheme, host, optional port; no path)"
        ))
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
