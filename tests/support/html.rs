//! The W3C Nu HTML Checker (`vnu.jar`), run on documents the tests have
//! serialised from the browser: it reads the markup as a parser would, so
//! it finds what the DOM APIs accept but HTML does not allow (an attribute
//! an element may not carry, text that is not in the format an element
//! requires, invalid nesting).
//!
//! The jar comes from npm's `vnu-jar` in `.tools/node_modules/`, and runs
//! on the system's Java (`./tasks test` installs both). One run checks
//! every document given, so the JVM starts once per scenario.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::artifacts_dir;

/// Where `./tasks test` puts the checker.
const VNU_JAR: &str = ".tools/node_modules/vnu-jar/build/dist/vnu.jar";

/// One message from the checker.
#[derive(Debug, Deserialize)]
pub struct NuMessage {
    /// `error`, `info` (with `subType` `warning` for warnings) or
    /// `non-document-error` (the checker could not check the file).
    #[serde(rename = "type")]
    pub kind: String,
    /// The file checked, as a `file:` URL.
    pub url: Option<String>,
    /// What is wrong.
    pub message: String,
    /// The markup around it.
    pub extract: Option<String>,
}

impl NuMessage {
    /// Whether it fails the check: an error, or a file that could not be
    /// checked at all. Warnings and notes do not.
    pub fn is_error(&self) -> bool {
        self.kind == "error" || self.kind == "non-document-error"
    }

    /// The name of the document it is about (its file's stem).
    pub fn document(&self) -> &str {
        let url = self.url.as_deref().unwrap_or_default();
        let file = url.rsplit('/').next().unwrap_or(url);
        file.strip_suffix(".html").unwrap_or(file)
    }
}

#[derive(Deserialize)]
struct NuOutput {
    messages: Vec<NuMessage>,
}

/// Writes each `(name, html)` to `test-artifacts/html/<prefix>-<name>.html`
/// (kept for a person to read) and checks them all in one run of the
/// checker; returns every message it gives.
pub async fn check_documents(prefix: &str, documents: &[(String, String)]) -> Result<Vec<NuMessage>, String> {
    let jar = Path::new(env!("CARGO_MANIFEST_DIR")).join(VNU_JAR);
    if !jar.is_file() {
        return Err(format!(
            "no {}; `./tasks test` installs the checker (npm vnu-jar)",
            jar.display()
        ));
    }
    let dir = artifacts_dir("html")?;
    let mut files: Vec<PathBuf> = Vec::new();
    for (name, html) in documents {
        let file = dir.join(format!("{prefix}-{name}.html"));
        std::fs::write(&file, html).map_err(|e| format!("writing {}: {e}", file.display()))?;
        files.push(file);
    }
    let output = tokio::process::Command::new("java")
        .arg("-jar")
        .arg(&jar)
        .args(["--format", "json", "--stdout"])
        .args(&files)
        .output()
        .await
        .map_err(|e| format!("cannot run java ({e}); `./tasks test` installs it (default-jre-headless)"))?;
    // The checker exits 1 when it finds errors; its report is what counts.
    let report: NuOutput = serde_json::from_slice(&output.stdout).map_err(|e| {
        format!(
            "the checker gave no report ({e}; exit {}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        )
    })?;
    Ok(report.messages)
}
