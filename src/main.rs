//! The browser entry point: it only mounts the app.

#[cfg(target_arch = "wasm32")]
fn main() {
    pactline::app::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Pactline runs in the browser: build it with `trunk build --release` (see README.md).");
}
