//! Pactline: an in-browser explorer of how the Microsoft–OpenAI partnership
//! changed, from the 2019 exclusive deal to the 2026 amendment.
//!
//! ```text
//! data/*.toml ──build.rs + loader──▶ data::builtin() : &'static Dataset
//!                                        │
//!          URL query ──url_state::parse──▶ ViewState ──▶ filter / compare ──▶ views
//!               ▲                            │
//!               └──────url_state::to_query───┘   (replaceState for edits,
//!                                                  pushState for view switches)
//! ```
//!
//! Everything but `app` is plain Rust with no `leptos` or `web_sys`, so it
//! runs under native `cargo test`. `app` (the Leptos views) is compiled for
//! the browser only.

pub mod checks;
pub mod compare;
pub mod data;
pub mod diff;
pub mod export;
pub mod filter;
#[cfg(not(target_arch = "wasm32"))]
pub mod loader;
pub mod model;
pub mod share;
pub mod summary;
pub mod synthetic;
pub mod text;
pub mod url_state;

#[cfg(target_arch = "wasm32")]
pub mod app;
