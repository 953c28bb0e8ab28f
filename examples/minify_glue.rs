//! Minifies the wasm-bindgen JS glue of a release build with terser: Trunk
//! runs this as a post-build hook (Trunk.toml) on its staging directory,
//! before it moves to `dist/`. By hand:
//!
//! ```text
//! cargo run --example minify_glue -- dist
//! ```
//!
//! Trunk 0.21's own minifier (minify-js) stops at the glue's `export {
//! initSync, __wbg_init as default }`, warns, and ships the glue as it is:
//! 53 KB, 7.8 KB brotli. terser makes it 24 KB, 6.0 KB brotli (measured
//! 2026-12-03 with wasm-bindgen 0.2.130). esbuild 0.28.2 does as well, to a
//! byte of brotli (5,994 to terser's 5,995; 112 bytes fewer before
//! compression), but installs 12 MB, most of it a native binary made for
//! each platform; terser is 4.9 MB of JavaScript on the Node that already
//! runs the other npm tools, and its half a second per release build does
//! not matter beside wasm-opt's minute. `./tasks` pins its version and
//! installs it into `.tools/`, which it puts on PATH.
//!
//! `--module` lets terser rename the module's own top-level names, but
//! never what it exports: the default export (the init function that
//! Trunk's loader and `single_file.rs` import), `initSync` and the classes
//! keep their names. Property names are left alone too (no
//! `--mangle-props`): the imports object that the wasm links against is
//! keyed by them (`"./pactline_bg.js"`, `__wbg_…`).
//!
//! Trunk runs post-build hooks for debug builds and `trunk serve` as well,
//! and tells them which profile they build (`TRUNK_PROFILE`); it does not
//! tell them whether it minifies, but Trunk.toml's `minify = "on_release"`
//! makes that the same question. A debug build's glue stays readable.
//!
//! The glue keeps the name Trunk gave it: the hash in it is the wasm's,
//! which the glue follows from, as the minified glue does from the glue
//! and terser's pinned version.

use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::{env, fs};

fn main() -> ExitCode {
    let dir = match env::args_os().nth(1) {
        Some(dir) => PathBuf::from(dir),
        None => match env::var_os("TRUNK_STAGING_DIR") {
            Some(_) if env::var("TRUNK_PROFILE").as_deref() != Ok("release") => {
                println!("minify_glue: not a release build; the JS glue stays readable");
                return ExitCode::SUCCESS;
            }
            Some(dir) => PathBuf::from(dir),
            None => {
                eprintln!("minify_glue: name the directory (or run as a Trunk hook, which sets TRUNK_STAGING_DIR)");
                return ExitCode::FAILURE;
            }
        },
    };
    match minify_glue(&dir) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("minify_glue: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Minifies each glue in `dir`: the `NAME.js` beside a `NAME_bg.wasm`,
/// which is how wasm-bindgen and Trunk name the pair.
fn minify_glue(dir: &Path) -> Result<(), String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut minified = 0;
    for entry in entries {
        let name = entry
            .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
            .file_name();
        let Some(stem) = name.to_str().and_then(|name| name.strip_suffix("_bg.wasm")) else {
            continue;
        };
        let glue = dir.join(format!("{stem}.js"));
        if glue.is_file() {
            minify(&glue)?;
            minified += 1;
        }
    }
    if minified == 0 {
        return Err(format!(
            "no JS glue in {} (a NAME.js beside a NAME_bg.wasm)",
            dir.display()
        ));
    }
    Ok(())
}

/// Rewrites the file at `glue` minified.
///
/// Without terser the build fails rather than ship the glue as it is with
/// a warning: that is how Trunk's own minifier failed unnoticed, one line
/// among the build's, while the size budget counted the larger glue.
fn minify(glue: &Path) -> Result<(), String> {
    let before = fs::read(glue).map_err(|e| format!("cannot read {}: {e}", glue.display()))?;
    let output = Command::new("terser")
        .arg(glue)
        .args(["--module", "--compress", "--mangle"])
        .output()
        .map_err(|e| match e.kind() {
            ErrorKind::NotFound => "terser is not on PATH: `./tasks dist` installs it into .tools/ \
                 (or put .tools/node_modules/.bin on PATH, as ./tasks does)"
                .to_owned(),
            _ => format!("cannot run terser: {e}"),
        })?;
    if !output.status.success() || output.stdout.is_empty() {
        return Err(format!(
            "terser failed on {} ({}): {}",
            glue.display(),
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    fs::write(glue, &output.stdout).map_err(|e| format!("cannot write {}: {e}", glue.display()))?;
    println!(
        "minify_glue: {} {} → {} bytes",
        glue.display(),
        before.len(),
        output.stdout.len()
    );
    Ok(())
}
