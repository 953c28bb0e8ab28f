//! The little of HTTP/1.1 the test server speaks: reading a request's head
//! (or saying why it cannot), writing a response and closing, the content
//! type of each kind of file in `dist/`, and percent-decoding a path.

use std::io;
use std::path::Path;

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

/// Upper bound on a request head; anything larger is not a browser talking.
const MAX_HEAD_BYTES: usize = 64 * 1024;

/// How much of an unparseable request's head its record keeps.
const UNPARSEABLE_SHOWN: usize = 200;

/// A response before it is written out.
pub(super) struct Response {
    pub(super) status: u16,
    pub(super) content_type: &'static str,
    pub(super) body: Vec<u8>,
    pub(super) extra_headers: Vec<(&'static str, String)>,
}

impl Response {
    pub(super) fn ok(content_type: &'static str, body: Vec<u8>) -> Self {
        Self {
            status: 200,
            content_type,
            body,
            extra_headers: Vec::new(),
        }
    }

    pub(super) fn text(status: u16, body: &str) -> Self {
        Self {
            status,
            content_type: "text/plain; charset=utf-8",
            body: body.as_bytes().to_vec(),
            extra_headers: Vec::new(),
        }
    }
}

/// A request head the server could not read: why, and how it started.
#[derive(Debug)]
pub(super) struct Unreadable {
    reason: String,
    seen: String,
}

impl std::fmt::Display for Unreadable {
    /// `reason: "start of the head…"`, as the request log records it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let shown: String = self.seen.chars().take(UNPARSEABLE_SHOWN).collect();
        let more = if self.seen.chars().count() > UNPARSEABLE_SHOWN {
            "…"
        } else {
            ""
        };
        write!(f, "{}: {shown:?}{more}", self.reason)
    }
}

/// Reads the request line and headers. Returns `None` if the peer closed the
/// connection before sending anything, else the method, the raw target and
/// the declared body length; fails with what it read when that is not a
/// request head (or the connection broke in the middle of one).
pub(super) async fn read_head(reader: &mut BufReader<TcpStream>) -> Result<Option<(String, String, u64)>, Unreadable> {
    let mut seen = String::new();
    let unreadable = |reason: String, seen: &str| Unreadable {
        reason,
        seen: seen.to_owned(),
    };
    let mut request_line = Vec::new();
    match reader.read_until(b'\n', &mut request_line).await {
        Ok(0) => return Ok(None),
        Ok(_) => seen.push_str(&String::from_utf8_lossy(&request_line)),
        Err(e) => return Err(unreadable(format!("connection broke in the request line ({e})"), &seen)),
    }
    let mut parts = seen.split_whitespace();
    let (Some(method), Some(target), Some(version)) = (parts.next(), parts.next(), parts.next()) else {
        return Err(unreadable("malformed request line".into(), &seen));
    };
    if !version.starts_with("HTTP/") || parts.next().is_some() || !request_line.ends_with(b"\n") {
        return Err(unreadable("malformed request line".into(), &seen));
    }
    let (method, target) = (method.to_owned(), target.to_owned());

    let mut body_len = 0;
    loop {
        let mut line = Vec::new();
        let read = reader
            .read_until(b'\n', &mut line)
            .await
            .map_err(|e| unreadable(format!("connection broke in the headers ({e})"), &seen))?;
        seen.push_str(&String::from_utf8_lossy(&line));
        if read == 0 || !line.ends_with(b"\n") {
            return Err(unreadable("truncated request head".into(), &seen));
        }
        if seen.len() > MAX_HEAD_BYTES {
            return Err(unreadable("oversized request head".into(), &seen));
        }
        let line = String::from_utf8_lossy(&line);
        let line = line.trim_end();
        if line.is_empty() {
            return Ok(Some((method, target, body_len)));
        }
        if let Some((name, value)) = line.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            body_len = value.trim().parse().unwrap_or(0);
        }
    }
}

pub(super) async fn write_response(stream: &mut TcpStream, method: &str, response: Response) -> io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\n\
         Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n",
        response.status,
        reason(response.status),
        response.content_type,
        response.body.len(),
    );
    for (name, value) in &response.extra_headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).await?;
    if method != "HEAD" {
        stream.write_all(&response.body).await?;
    }
    stream.shutdown().await
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        500 => "Internal Server Error",
        _ => "",
    }
}

/// The MIME type browsers must see for each kind of file in `dist/`:
/// `application/wasm` in particular, or streaming compilation fails.
pub(super) fn content_type(file: &Path) -> &'static str {
    let extension = file
        .extension()
        .and_then(|ext| ext.to_str())
        .map(str::to_ascii_lowercase);
    match extension.as_deref() {
        Some("html") => "text/html; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("json") => "application/json",
        Some("webmanifest") => "application/manifest+json",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        Some("woff2") => "font/woff2",
        Some("txt") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// Decodes `%XX` escapes; `None` for a malformed escape, a NUL, or bytes
/// that are not UTF-8.
pub(super) fn percent_decode(raw: &str) -> Option<String> {
    let bytes = raw.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            if !hex.iter().all(u8::is_ascii_hexdigit) {
                return None;
            }
            decoded.push(u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?);
            i += 3;
        } else {
            decoded.push(bytes[i]);
            i += 1;
        }
    }
    if decoded.contains(&0) {
        return None;
    }
    String::from_utf8(decoded).ok()
}
