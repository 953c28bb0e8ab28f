//! Pactline: an in-browser explorer of how the Microsoft–OpenAI partnership
//! changed, from the 2019 exclusive deal to the 2026 amendment.
//!
//! ```text
//! data/*.toml ──build.rs + loader──▶ data::builtin() : &'static Dataset
//!                                        │
//! URL query ──url_state::parse──▶ state::ViewState ──▶ filter, compare, chronology, drawing ──▶ app
//!     ▲                              │  (each change a reader                   (views read one memo
//!     └──────url_state::to_query─────┘   makes is a method)                      per slice of the state)
//!        replaceState for edits, pushState for moves between views
//! ```
//!
//! Everything but `app` is plain Rust with no `leptos` or `web_sys`, so it
//! runs under native `cargo test`. `app` (the Leptos views) is compiled for
//! the browser (`--features csr`) and, natively, to render each view's first
//! screen to HTML at build time (`--features prerender`).

pub mod checks;
pub mod chronology;
pub mod cite;
pub mod compare;
pub mod data;
pub mod diff;
pub mod drawing;
pub mod embed;
pub mod export;
pub mod filter;
pub mod keyboard;
#[cfg(not(target_arch = "wasm32"))]
pub mod loader;
pub mod model;
pub mod preview;
pub mod share;
pub mod state;
pub mod synthetic;
pub mod text;
pub mod url_state;

#[cfg(feature = "view")]
pub mod app;
