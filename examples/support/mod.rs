//! Helpers shared by the build programs in `examples/` that rewrite the
//! built `index.html` (`single_file.rs`, `csp.rs`). Each includes this
//! directory with `#[path = "support/mod.rs"] mod support;`, since an
//! example cannot import another example.

pub mod csp;
pub mod html;
pub mod style;

/// Standard base64 with padding: the wasm and icon in the single file, and
/// each hash in the policy. Written out rather than taken from a crate: it
/// is a dozen lines, it only runs at build time, and it needs no options.
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | (b as u32) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}
