//! The Content-Security-Policy helpers that the build runs on the finished
//! page (`examples/support/csp.rs`, and `style.rs`, which moves the
//! stylesheet into it first), checked natively: a hash is the one a
//! browser computes, the policy lands before anything it governs, and what
//! no hash can allow is refused at build time. The browsers' side (zero
//! violations, and a planted one caught) is in `tests/browser/harness.rs`.

#[path = "../examples/support/mod.rs"]
mod support;

use support::csp::{Served, inline_code, policy, with_policy};
use support::style::inline_stylesheets;

/// The worked example in the CSP specification and MDN's `script-src` page.
#[test]
fn a_script_hashes_as_the_specification_says() {
    let code = inline_code("<script>alert('Hello, world.');</script>").unwrap();
    assert_eq!(code.scripts, ["'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"]);
}

/// The HTML parser turns CR LF into LF before the browser hashes a script.
#[test]
fn line_ends_are_hashed_as_the_parser_leaves_them() {
    let crlf = inline_code("<script>a();\r\nb();</script>").unwrap();
    let lf = inline_code("<script>a();\nb();</script>").unwrap();
    assert_eq!(crlf.scripts, lf.scripts);
}

/// Data blocks and scripts with a `src` need no hash; modules and styles do.
#[test]
fn only_inline_code_that_runs_is_hashed() {
    let code = inline_code(
        "<script type=module>m()</script><script src=a.js></script>\
         <script type=application/octet-stream>AAAA</script><style>p{}</style>",
    )
    .unwrap();
    assert_eq!(code.scripts.len(), 1);
    assert_eq!(code.styles.len(), 1);
}

/// No hash allows an inline style or event handler attribute: the build fails.
#[test]
fn inline_style_and_handler_attributes_are_refused() {
    for html in ["<p style=\"color:red\">x</p>", "<button onclick=\"go()\">x</button>"] {
        let error = inline_code(html).unwrap_err();
        assert!(error.contains("Content-Security-Policy"), "{html}: {error}");
    }
}

/// The policy goes right after `<meta charset>`, and a second run replaces
/// the first one's rather than adding another.
#[test]
fn the_policy_follows_the_charset_once() {
    let page = "<!doctype html><html lang=en><meta charset=utf-8><title>t</title><script>x()</script>";
    let once = with_policy(page, "default-src 'self'").unwrap();
    assert_eq!(
        once,
        "<!doctype html><html lang=en><meta charset=utf-8>\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'\">\
         <title>t</title><script>x()</script>"
    );
    let twice = with_policy(&once, "default-src 'none'").unwrap();
    assert_eq!(twice, once.replace("'self'", "'none'"));
}

/// A script before the charset would run before the policy is in force.
#[test]
fn a_script_before_the_charset_is_refused() {
    assert!(with_policy("<script>x()</script><meta charset=utf-8>", "default-src 'self'").is_err());
    assert!(with_policy("<title>no charset</title>", "default-src 'self'").is_err());
}

/// A named origin stands beside every `'self'` (for WebKit's opaque
/// frames), and nothing else changes.
#[test]
fn a_named_origin_stands_beside_self() {
    let code = inline_code("<script>x()</script>").unwrap();
    let plain = policy(&code, &Served::Http { origins: &[] }).unwrap();
    let named = policy(
        &code,
        &Served::Http {
            origins: &["https://pactline.example"],
        },
    )
    .unwrap();
    assert_eq!(named, plain.replace("'self'", "'self' https://pactline.example"));
    assert!(plain.starts_with("default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-"));
    assert!(plain.ends_with("object-src 'none'; base-uri 'none'"), "{plain}");
}

/// An origin that is not bare cannot write other sources or directives.
#[test]
fn a_named_origin_must_be_bare() {
    let code = inline_code("").unwrap();
    for origin in [
        "pactline.example",
        "https://",
        "https://a.example/path",
        "https://a.example;script-src *",
        "https://a.example 'unsafe-inline'",
        "javascript:x",
    ] {
        assert!(
            policy(&code, &Served::Http { origins: &[origin] }).is_err(),
            "{origin} was taken"
        );
    }
    assert!(
        policy(
            &code,
            &Served::Http {
                origins: &["http://127.0.0.1:8080", "https://[::1]"]
            }
        )
        .is_ok()
    );
}

/// The single file names no origin at all: its code is inline, by hash.
#[test]
fn the_single_file_allows_only_its_own_inline_code() {
    let code = inline_code("<script type=module>m()</script><style>p{}</style>").unwrap();
    let single = policy(&code, &Served::SingleFile).unwrap();
    assert!(!single.contains("'self'"), "{single}");
    assert!(
        single.starts_with("default-src 'none'; script-src 'wasm-unsafe-eval' 'sha256-"),
        "{single}"
    );
}

/// The served page carries its stylesheet, allowed by its hash beside
/// `'self'`, and no other style.
#[test]
fn the_served_page_allows_its_own_style_by_hash() {
    let code = inline_code("<style>p{}</style>").unwrap();
    let served = policy(&code, &Served::Http { origins: &[] }).unwrap();
    assert!(
        served.contains(&format!("style-src 'self' {};", code.styles[0])),
        "{served}"
    );
}

/// The stylesheet's link becomes a `<style>` with the file's text, in its
/// place; other links stay, and a file that would end the element early is
/// refused.
#[test]
fn the_stylesheet_moves_into_the_page() {
    let page = "<head><link href=./a.css rel=stylesheet><link rel=icon href=i.svg></head>";
    let (html, inlined) = inline_stylesheets(page, |href| Ok(format!("/* {href} */p{{}}"))).unwrap();
    assert_eq!(
        html,
        "<head><style>/* ./a.css */p{}</style><link rel=icon href=i.svg></head>"
    );
    assert_eq!(inlined, ["./a.css"]);
    assert!(inline_stylesheets(page, |_| Ok("p{}</STYLE>".into())).is_err());
}
