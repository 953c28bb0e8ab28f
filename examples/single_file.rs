//! Packs the built app into one self-contained HTML file that opens from
//! disk (`file://`), can be mailed or archived, and fetches nothing.
//!
//! ```text
//! trunk build --release
//! cargo run --release --example single_file -- [DIST] [OUTPUT]
//! ```
//!
//! `DIST` is Trunk's output (default `dist`); `OUTPUT` defaults to
//! `target/pactline.html`, outside `dist/`, so that a static host does not
//! publish it and the size budget (`tests/size.rs`) does not count it.
//!
//! From `DIST/index.html`, which already carries its stylesheet (the
//! post-build hook, `support/style.rs`), it:
//! - drops what only makes sense over http(s): the web app manifest, the
//!   home-screen icon and the service-worker registration;
//! - turns the icon and the dataset's JSON (the `<link rel="alternate">`
//!   the share menu's download reads its address from) into `data:` URLs;
//! - replaces Trunk's module script, which imports the wasm-bindgen glue and
//!   fetches the wasm, with one inline module: the glue itself, then a few
//!   lines that decode the wasm from a base64 `<script
//!   type="application/octet-stream" id="pactline-wasm">` element and pass
//!   the bytes to the glue's init function.
//!
//! It then checks that no `src` or `href` in the output names a file (the
//! first screens' links are queries of this one, or links out to the
//! sources' pages), gives the file its own Content-Security-Policy in place
//! of `dist/`'s (the inline code differs: see `Served::SingleFile`), and prints the
//! output's path and size. Besides std it uses only `sha2`, for the
//! policy's hashes (shared with `examples/csp.rs` in `support/`).

#[expect(dead_code, reason = "the served page's policy (`Served::Http`) is csp.rs's")]
#[path = "support/mod.rs"]
mod support;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::{env, fs};

use support::base64;
use support::csp::{Served, inline_code, policy, with_policy};
use support::html::{Tag, next_tag_any};

fn main() -> ExitCode {
    let mut args = env::args_os().skip(1);
    let dist = PathBuf::from(args.next().unwrap_or_else(|| "dist".into()));
    let output = PathBuf::from(args.next().unwrap_or_else(|| "target/pactline.html".into()));
    match build(&dist) {
        Ok(html) => {
            if let Some(dir) = output.parent().filter(|d| !d.as_os_str().is_empty())
                && let Err(e) = fs::create_dir_all(dir)
            {
                eprintln!("single_file: cannot create {}: {e}", dir.display());
                return ExitCode::FAILURE;
            }
            if let Err(e) = fs::write(&output, &html) {
                eprintln!("single_file: cannot write {}: {e}", output.display());
                return ExitCode::FAILURE;
            }
            println!("{} ({} bytes)", output.display(), html.len());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("single_file: {e}");
            ExitCode::FAILURE
        }
    }
}

fn build(dist: &Path) -> Result<String, String> {
    let read = |name: &str| -> Result<Vec<u8>, String> {
        // Trunk writes `./name`; anything that climbs out of dist/ is refused.
        let name = name.trim_start_matches("./");
        if name.is_empty() || name.contains("..") || name.contains(':') || name.starts_with('/') {
            return Err(format!(
                "refusing to inline {name:?}: not a file inside {}",
                dist.display()
            ));
        }
        fs::read(dist.join(name)).map_err(|e| format!("cannot read {}: {e}", dist.join(name).display()))
    };
    let text = |name: &str| -> Result<String, String> {
        String::from_utf8(read(name)?).map_err(|_| format!("{name} is not UTF-8"))
    };

    let index = text("index.html").map_err(|e| format!("{e} (run `trunk build --release` first)"))?;
    let mut out = String::with_capacity(index.len() + (1 << 20));
    let mut wasm_b64 = None;
    let mut rest = index.as_str();

    while let Some(tag) = next_tag(rest) {
        out.push_str(&rest[..tag.start]);
        let raw = &rest[tag.start..tag.end];
        match tag.name.as_str() {
            "link" => {
                let rel = tag.attr("rel").unwrap_or("").to_ascii_lowercase();
                let href = tag.attr("href").unwrap_or("");
                let rels: Vec<&str> = rel.split_ascii_whitespace().collect();
                let data_url = |mime: &str| -> Result<String, String> {
                    Ok(format!("data:{mime};base64,{}", base64(&read(href)?)))
                };
                if rels.contains(&"icon") {
                    let mime = if href.ends_with(".svg") {
                        "image/svg+xml"
                    } else {
                        "image/png"
                    };
                    out.push_str(&format!("<link rel=icon href=\"{}\">", data_url(mime)?));
                } else if rels.contains(&"alternate") && tag.attr("type") == Some("application/json") {
                    out.push_str(&format!(
                        "<link rel=alternate type=application/json href=\"{}\">",
                        data_url("application/json")?
                    ));
                } else if rels.iter().any(|r| ["manifest", "apple-touch-icon"].contains(r)) {
                    // Only useful to a page served over http(s).
                } else {
                    return Err(format!("do not know how to inline {raw}"));
                }
            }
            "script" if tag.attr("src").is_some() => {
                return Err(format!("do not know how to inline {raw}"));
            }
            "script" if tag.attr("type") == Some("module") && tag.body.contains("module_or_path") => {
                let glue_name = quoted_after(&tag.body, " from ")
                    .ok_or("cannot find the glue's file name in Trunk's module script")?;
                let wasm_name = quoted_after(&tag.body, "module_or_path:")
                    .ok_or("cannot find the wasm's file name in Trunk's module script")?;
                let glue = text(glue_name)?;
                wasm_b64 = Some(base64(&read(wasm_name)?));
                out.push_str("<script type=module>");
                out.push_str(&inline_glue(&glue)?);
                out.push_str("</script>");
            }
            "script" if tag.body.contains("serviceWorker") => {
                // Service workers do not exist on file://.
            }
            _ => out.push_str(raw),
        }
        rest = &rest[tag.end..];
    }
    out.push_str(rest);

    let wasm_b64 = wasm_b64.ok_or("index.html has no Trunk module script (`module_or_path`)")?;
    let holder = format!("<script type=application/octet-stream id=pactline-wasm>{wasm_b64}</script>");
    match out.rfind("</body>") {
        Some(at) => out.insert_str(at, &holder),
        None => out.push_str(&holder),
    }

    let mut check = out.as_str();
    while let Some(tag) = next_tag_any(check) {
        for (k, v) in &tag.attrs {
            // A query or fragment stays within this file, and a link out to
            // a source's page is followed only when the reader clicks it.
            let here = v.starts_with('#') || v.starts_with('?');
            let link_out = tag.name == "a" && (v.starts_with("https://") || v.starts_with("http://"));
            if (k == "src" || k == "href") && !(v.starts_with("data:") || here || link_out) {
                return Err(format!("the output would still load {v:?} ({k}= in <{}>)", tag.name));
            }
        }
        check = &check[tag.end..];
    }
    with_policy(&out, &policy(&inline_code(&out)?, &Served::SingleFile)?)
}

/// The wasm-bindgen glue as the body of an inline module, followed by the
/// code that starts it from the embedded bytes.
fn inline_glue(glue: &str) -> Result<String, String> {
    // `export { initSync, __wbg_init as default };` names the init function.
    let init = glue
        .rfind(" as default")
        .and_then(|end| {
            glue[..end]
                .rsplit(|c: char| c == '{' || c == ',' || c.is_whitespace())
                .next()
        })
        .filter(|name| !name.is_empty())
        .ok_or("cannot find the glue's default export (its init function)")?;
    // With no argument the glue would fetch `<crate>_bg.wasm` next to the
    // page. It always gets the bytes here; make sure it can never fetch.
    let mut glue = glue.to_owned();
    while let Some(at) = glue.find("import.meta.url") {
        let start = glue[..at]
            .rfind("new URL(")
            .ok_or("unexpected use of import.meta.url in the glue")?;
        let end = at + glue[at..].find(')').ok_or("unbalanced new URL( in the glue")? + 1;
        glue.replace_range(start..end, "undefined");
    }
    // Inside an inline script, `</script` would end it early; in JS strings,
    // `<\/script` means the same.
    let glue = glue.replace("</script", "<\\/script").replace("</SCRIPT", "<\\/SCRIPT");
    if glue.contains("<!--") {
        return Err("the glue contains `<!--`, which changes how an inline script is parsed".into());
    }
    Ok(format!(
        r#"{glue}
// Single-file build (examples/single_file.rs): the wasm is base64 in #pactline-wasm.
{{
  const holder = document.getElementById("pactline-wasm");
  const b64 = holder.textContent.trim();
  holder.remove();
  const bytes = typeof Uint8Array.fromBase64 === "function"
    ? Uint8Array.fromBase64(b64)
    : Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  const instance = await {init}({{ module_or_path: bytes }});
  dispatchEvent(new CustomEvent("TrunkApplicationStarted", {{ detail: {{ wasm: instance }} }}));
}}
"#
    ))
}

/// The first '…' or "…" string after `marker` in `s`.
fn quoted_after<'a>(s: &'a str, marker: &str) -> Option<&'a str> {
    let after = &s[s.find(marker)? + marker.len()..];
    let open = after.find(['\'', '"'])?;
    let quote = after[open..].chars().next()?;
    let body = &after[open + 1..];
    Some(&body[..body.find(quote)?])
}

/// The next `<link>` or `<script>` in `html`.
fn next_tag(html: &str) -> Option<Tag> {
    let mut from = 0;
    loop {
        let tag = next_tag_any(&html[from..])?;
        if tag.name == "link" || tag.name == "script" {
            return Some(Tag {
                start: tag.start + from,
                end: tag.end + from,
                ..tag
            });
        }
        from += tag.end;
    }
}
