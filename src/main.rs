//! The browser entry point: it only mounts the app.

#[cfg(feature = "csr")]
fn main() {
    pactline::app::mount();
}

#[cfg(not(feature = "csr"))]
fn main() {
    eprintln!("Pactline runs in the browser: build it with `trunk build --release` (see README.md).");
}
