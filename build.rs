//! Compiles `data/*.toml` into typed `static` Rust, so the app ships no data
//! parser and a broken entry stops the build with its file and id.

#[path = "src/loader/mod.rs"]
mod loader;

// The loader writes each clause's word diffs into the dataset with the
// native diff; the lookup the app does with them is not needed here.
#[path = "src/diff.rs"]
#[allow(dead_code)]
mod diff;

use std::path::PathBuf;

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    // PACTLINE_DATA_DIR builds the app on another dataset, e.g. a test fixture.
    println!("cargo::rerun-if-env-changed=PACTLINE_DATA_DIR");
    let data = std::env::var_os("PACTLINE_DATA_DIR").map_or_else(|| root.join("data"), PathBuf::from);
    // Where readers report errors (read by `share::corrections_address`):
    // a wrong form would ship a link that goes nowhere, so it stops the build.
    println!("cargo::rerun-if-env-changed=PACTLINE_REPORT_ERRORS");
    if let Ok(address) = std::env::var("PACTLINE_REPORT_ERRORS")
        && !address.is_empty()
        && !(address.starts_with("mailto:") || address.starts_with("https://"))
    {
        eprintln!("PACTLINE_REPORT_ERRORS must be a mailto: or https:// address, not `{address}`");
        std::process::exit(1);
    }
    println!("cargo::rerun-if-changed=src/loader");
    for file in loader::FILES {
        println!("cargo::rerun-if-changed={}", data.join(file).display());
    }
    match loader::compile_dir(&data) {
        Ok(compiled) => {
            let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
            std::fs::write(out.join("dataset.rs"), compiled.rust).expect("OUT_DIR is writable");
            println!("cargo::rustc-env=PACTLINE_DATASET_VERSION={}", compiled.version);
        }
        Err(errors) => {
            eprintln!("{} problem(s) in data/:", errors.len());
            for e in &errors {
                eprintln!("  {e}");
            }
            std::process::exit(1);
        }
    }
}
