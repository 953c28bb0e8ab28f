//! What the page's window shows: its size, screenshots and printouts, kept
//! in `test-artifacts/`.

use std::path::PathBuf;

use fantoccini::wd::PrintConfiguration;

use super::Page;
use crate::support::artifacts_dir;

impl Page {
    /// Saves a PNG of the viewport as
    /// `test-artifacts/screenshots/<engine>-<name>.png` and returns its path.
    pub async fn screenshot(&self, name: &str) -> Result<PathBuf, String> {
        let png = self
            .session
            .client
            .screenshot()
            .await
            .map_err(self.failed("taking a screenshot"))?;
        self.save_artifact("screenshots", name, "png", &png)
    }

    /// Prints the page with WebDriver's Print command (the browser's print
    /// layout, default paper and margins), saves the PDF as
    /// `test-artifacts/print/<engine>-<name>.pdf` and returns its path.
    pub async fn print_pdf(&self, name: &str) -> Result<PathBuf, String> {
        self.print_with(name, PrintConfiguration::default()).await
    }

    /// Like [`Page::print_pdf`], with background colours and images
    /// printed, as for a reader who ticks "Background graphics".
    pub async fn print_pdf_with_backgrounds(&self, name: &str) -> Result<PathBuf, String> {
        let config = PrintConfiguration::builder()
            .background(true)
            .build()
            .map_err(|e| format!("[{}] print settings: {e}", self.engine().name()))?;
        self.print_with(name, config).await
    }

    async fn print_with(&self, name: &str, config: PrintConfiguration) -> Result<PathBuf, String> {
        let pdf = self
            .session
            .client
            .print(config)
            .await
            .map_err(self.failed("printing the page"))?;
        self.save_artifact("print", name, "pdf", &pdf)
    }

    /// Sizes the window so that the viewport (`innerWidth` ×
    /// `innerHeight`) is as close to `width` × `height` CSS pixels as the
    /// engine allows: sets the window, then adds whatever the engine's
    /// window chrome takes. Returns the viewport it got, which is larger
    /// where the engine has a minimum window size (Firefox, WebKit).
    pub async fn set_viewport_size(&self, width: u32, height: u32) -> Result<(u32, u32), String> {
        let wanted = (i64::from(width), i64::from(height));
        let mut window = wanted;
        let mut viewport = (-1, -1);
        for _ in 0..4 {
            let (w, h) = (window.0.clamp(1, 10_000) as u32, window.1.clamp(1, 10_000) as u32);
            self.session
                .client
                .set_window_size(w, h)
                .await
                .map_err(self.failed(&format!("sizing the window to {w}×{h}")))?;
            let inner = self
                .execute_json("return [window.innerWidth, window.innerHeight];", vec![])
                .await?;
            let got = (inner[0].as_i64().unwrap_or(0), inner[1].as_i64().unwrap_or(0));
            // Done when it fits, or when the window would not change.
            let done = got == wanted || got == viewport;
            viewport = got;
            if done {
                break;
            }
            window = (window.0 + wanted.0 - got.0, window.1 + wanted.1 - got.1);
        }
        Ok((viewport.0.max(0) as u32, viewport.1.max(0) as u32))
    }

    /// Like [`Page::screenshot`], of the first element matching `css` only.
    pub async fn screenshot_of(&self, css: &str, name: &str) -> Result<PathBuf, String> {
        let png = self
            .first(css)
            .await?
            .screenshot()
            .await
            .map_err(self.failed(&format!("taking a screenshot of `{css}`")))?;
        self.save_artifact("screenshots", name, "png", &png)
    }

    /// Writes `bytes` to `test-artifacts/<kind>/<engine>-<name>.<extension>`
    /// (with anything but ASCII letters, digits and `.-_` in the name
    /// replaced by `_`) and returns the path.
    fn save_artifact(&self, kind: &str, name: &str, extension: &str, bytes: &[u8]) -> Result<PathBuf, String> {
        let file_name: String = format!("{}-{name}.{extension}", self.engine().name())
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || ".-_".contains(c) {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        let path = artifacts_dir(kind)?.join(file_name);
        std::fs::write(&path, bytes).map_err(|e| format!("writing {}: {e}", path.display()))?;
        Ok(path)
    }
}
