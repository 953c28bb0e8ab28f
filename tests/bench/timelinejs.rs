//! TimelineJS, the tool Pactline is compared with: installed from npm into
//! a cache outside the repository, and given the same synthetic events as
//! Pactline in its own JSON format.

use std::path::{Path, PathBuf};
use std::process::Command;

use pactline::synthetic::SyntheticEvent;
use serde_json::json;

/// The TimelineJS release compared against (the newest 3.9.x on npm when
/// the bench was written; `npm view @knight-lab/timelinejs versions`).
pub const VERSION: &str = "3.9.11";

/// The npm package.
const PACKAGE: &str = "@knight-lab/timelinejs";

/// The page that loads TimelineJS and the events for `?n=N`.
const PAGE: &str = include_str!("timelinejs.html");

/// `${XDG_CACHE_HOME:-$HOME/.cache}/pactline-bench/`: downloads are kept
/// between runs but never inside the repository.
pub fn cache_dir() -> Result<PathBuf, String> {
    let base = std::env::var_os("XDG_CACHE_HOME")
        .filter(|dir| !dir.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cache")))
        .ok_or("neither XDG_CACHE_HOME nor HOME is set")?;
    Ok(base.join("pactline-bench"))
}

/// Installs TimelineJS [`VERSION`] into the cache unless it is there
/// already, and returns its `dist/` directory (the files a site serves).
pub fn install() -> Result<PathBuf, String> {
    let prefix = cache_dir()?.join(format!("timelinejs-{VERSION}"));
    let package = prefix.join("node_modules").join(PACKAGE);
    let dist = package.join("dist");
    if installed_version(&package).as_deref() == Some(VERSION) && dist.join("js/timeline.js").is_file() {
        return Ok(dist);
    }
    println!(
        "bench: installing {PACKAGE}@{VERSION} from npm into {}",
        prefix.display()
    );
    std::fs::create_dir_all(&prefix).map_err(|e| format!("creating {}: {e}", prefix.display()))?;
    let status = Command::new("npm")
        .args(["install", "--no-audit", "--no-fund", "--silent", "--prefix"])
        .arg(&prefix)
        .arg(format!("{PACKAGE}@{VERSION}"))
        .status()
        .map_err(|e| format!("cannot run npm ({e}); install it with `apt-get install npm`"))?;
    if !status.success() || !dist.join("js/timeline.js").is_file() {
        return Err(format!("npm could not install {PACKAGE}@{VERSION} ({status})"));
    }
    Ok(dist)
}

/// The `version` in the installed package's `package.json`, if any.
fn installed_version(package: &Path) -> Option<String> {
    let manifest = std::fs::read_to_string(package.join("package.json")).ok()?;
    let manifest: serde_json::Value = serde_json::from_str(&manifest).ok()?;
    manifest["version"].as_str().map(str::to_owned)
}

/// Writes the TimelineJS site into `dir`: `index.html` and one
/// `events-N.json` per size. The library itself is served from the cache.
pub fn write_site(dir: &Path, datasets: &[(usize, Vec<SyntheticEvent>)]) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("creating {}: {e}", dir.display()))?;
    let write = |name: &str, contents: &[u8]| {
        let path = dir.join(name);
        std::fs::write(&path, contents).map_err(|e| format!("writing {}: {e}", path.display()))
    };
    write("index.html", PAGE.as_bytes())?;
    for (n, events) in datasets {
        write(
            &format!("events-{n}.json"),
            timeline_json(events).to_string().as_bytes(),
        )?;
    }
    Ok(())
}

/// The events in TimelineJS's JSON format. Its headline and text are HTML,
/// so they are escaped: the synthetic titles carry markup that Pactline
/// shows as text, and both tools must show the same words.
fn timeline_json(events: &[SyntheticEvent]) -> serde_json::Value {
    let events: Vec<_> = events
        .iter()
        .map(|event| {
            let (year, month, day) = event.date;
            json!({
                "unique_id": event.id,
                "start_date": { "year": year, "month": month, "day": day },
                "text": { "headline": escape_html(&event.title), "text": escape_html(&event.summary) },
            })
        })
        .collect();
    json!({ "events": events })
}

fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}
