//! A static file server that is also the browsers' recording proxy.
//!
//! The built app is served under a sub-path (as it is when deployed to a
//! project page), so any asset URL that assumes it lives at `/` gets a 404
//! and shows up in the request log. Browsers are configured to use this same
//! listener as their HTTP and HTTPS proxy: a request for any other host
//! arrives here in absolute form (`GET http://host/...`) or as
//! `CONNECT host:443`, is recorded as off-origin and refused with 403 — it is
//! never forwarded, so nothing leaves the machine and every attempt is seen.
//!
//! One response per connection (`Connection: close`) keeps the parser
//! small; browsers simply open another connection. A request the parser
//! cannot read is recorded too ([`Destination::Unparseable`]) and answered
//! 400, so it fails the scenario it arrives in like an off-origin one.
//!
//! A scenario can change what a running server answers through its
//! [`ServerControl`]: take it off the network, serve other bytes at a
//! path (a new deploy's `index.html`, a generated host page, half a wasm),
//! fail a path with an error status, hold back the answers for some files
//! (the wasm, to look at the page before it arrives), or let any origin
//! read its answers (for a sandboxed frame, whose origin is opaque). Each
//! change lasts as long as the guard it returns.

use std::collections::HashMap;
use std::io;
use std::net::SocketAddr;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use tokio::io::{AsyncReadExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

use super::http::{Response, content_type, percent_decode, read_head, write_response};

/// The sub-path the built app is served under unless a test says otherwise.
pub const DEFAULT_BASE_PATH: &str = "/sub/path/pactline/";

/// An empty page every server answers, outside the served sub-path (so no
/// service worker of the app controls it): where a kept browser session
/// waits between scenarios, on the app's origin, so the harness can clear
/// that origin's storage.
const BLANK_PATH: &str = "/blank.html";

/// The page at [`BLANK_PATH`]. The empty icon stops a favicon request.
const BLANK_PAGE: &str = "<!doctype html><html lang=en><meta charset=utf-8>\
     <link rel=icon href=\"data:,\"><title>Between scenarios</title></html>";

/// Upper bound on a request body we are willing to read and discard.
const MAX_BODY_BYTES: u64 = 1024 * 1024;

/// The method recorded for a request that could not be parsed.
pub const UNPARSEABLE_METHOD: &str = "(unparseable)";

/// The status recorded for a request that got no answer because the server
/// was offline ([`ServerControl::go_offline`]).
pub const UNANSWERED: u16 = 0;

/// Where a recorded request was headed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Destination {
    /// Addressed to this server (origin-form target such as `/sub/path/x.js`).
    Local,
    /// Sent to us as a proxy, i.e. meant for some other host.
    OffOrigin,
    /// Not a request we could read (a malformed request line, a truncated
    /// or oversized head): where it was headed is unknown.
    Unparseable,
}

/// One request as the server saw it, with the answer it got.
#[derive(Clone, Debug)]
pub struct RequestRecord {
    /// The request method (`GET`, `HEAD`, `CONNECT`, ...); for an
    /// unparseable request, [`UNPARSEABLE_METHOD`].
    pub method: String,
    /// The raw request target: path and query for local requests, the
    /// absolute URL or `host:port` for off-origin ones; for an unparseable
    /// request, why it could not be read and how it started.
    pub target: String,
    /// Whether the request was for this server or for another host.
    pub destination: Destination,
    /// The status code we answered with, or [`UNANSWERED`] if the server
    /// was offline and closed the connection without an answer.
    pub status: u16,
    /// The `Content-Type` we answered with.
    pub content_type: &'static str,
}

impl std::fmt::Display for RequestRecord {
    /// `METHOD target -> status`, as failure messages show it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {} -> {}", self.method, self.target, self.status)
    }
}

impl RequestRecord {
    /// The target without its query string.
    pub fn path(&self) -> &str {
        self.target.split('?').next().unwrap_or_default()
    }

    /// Whether the request fails the scenario it arrives in: it was meant
    /// for another host, or it could not be read, so it may have been.
    pub fn is_stray(&self) -> bool {
        self.destination != Destination::Local
    }
}

/// Append-only log of every request a [`Server`] received, shared with the
/// connection tasks. Readers take a position with [`RequestLog::mark`] and
/// later read what came after it, which scopes the log to one scenario.
#[derive(Clone, Debug, Default)]
pub struct RequestLog(Arc<Mutex<Vec<RequestRecord>>>);

impl RequestLog {
    fn push(&self, record: RequestRecord) {
        self.0.lock().unwrap_or_else(PoisonError::into_inner).push(record);
    }

    /// The current end of the log, to pass to [`RequestLog::since`] later.
    pub fn mark(&self) -> usize {
        self.0.lock().unwrap_or_else(PoisonError::into_inner).len()
    }

    /// Every request recorded after `mark`, oldest first.
    pub fn since(&self, mark: usize) -> Vec<RequestRecord> {
        self.window(mark).0
    }

    /// Every request recorded after `mark`, oldest first, and the end of
    /// the log they were read up to, taken together: passing that end as
    /// the next window's `mark` leaves no request between two windows.
    pub fn window(&self, mark: usize) -> (Vec<RequestRecord>, usize) {
        let records = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        (records.get(mark..).unwrap_or_default().to_vec(), records.len())
    }
}

/// Live changes to what a running [`Server`] answers, shared with its
/// connection tasks. Each change lasts until the guard it returns drops, so
/// a scenario that fails half-way (or times out) cannot leave the server
/// changed for the next one.
#[derive(Clone, Debug, Default)]
pub struct ServerControl(Arc<Mutex<Changes>>, Arc<tokio::sync::Notify>);

/// The changes in force.
#[derive(Debug, Default)]
struct Changes {
    /// How many [`Offline`] guards are alive; any one makes the server offline.
    offline: usize,
    /// Answers given instead of files, by path relative to the base path.
    replaced: HashMap<String, Replacement>,
    /// How many [`AnyOrigin`] guards are alive; any one adds the header.
    any_origin: usize,
    /// Endings of paths whose answers wait, with how many guards hold each.
    held: HashMap<String, usize>,
    /// How many requests are waiting for a held answer now.
    waiting: usize,
}

impl ServerControl {
    fn changes(&self) -> std::sync::MutexGuard<'_, Changes> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Takes the server off the network until the guard drops: it still
    /// reads and records every request, the app's and the proxy's, but
    /// closes each connection without answering (status [`UNANSWERED`] in
    /// the log), so the browser sees a network error as it would offline.
    pub fn go_offline(&self) -> Offline {
        self.changes().offline += 1;
        Offline(self.clone())
    }

    /// Serves `body` at `relative_path` (relative to the base path, e.g.
    /// `index.html`, which also answers the directory URL) instead of the
    /// file there, or where there is none, until the guard drops. The
    /// content type follows the path's extension, as for files.
    pub fn replace_file(&self, relative_path: &str, body: impl Into<Vec<u8>>) -> ReplacedFile {
        self.replace(relative_path, Replacement::Body(body.into()))
    }

    /// Answers `relative_path` with `status` (e.g. 404) and a short text
    /// instead of the file there, until the guard drops, as a host whose
    /// deploy lost a file does.
    pub fn fail_file(&self, relative_path: &str, status: u16) -> ReplacedFile {
        self.replace(relative_path, Replacement::Status(status))
    }

    fn replace(&self, relative_path: &str, replacement: Replacement) -> ReplacedFile {
        let path = relative_path.trim_start_matches('/').to_owned();
        let previous = self.changes().replaced.insert(path.clone(), replacement);
        ReplacedFile {
            control: self.clone(),
            path,
            previous,
        }
    }

    /// Sends `Access-Control-Allow-Origin: *` with every answer until the
    /// guard drops, as README's Deploying asks of a host whose copy is
    /// embedded in sandboxed frames: there the app's origin is opaque, so
    /// its module script and wasm are cross-origin fetches.
    pub fn allow_any_origin(&self) -> AnyOrigin {
        self.changes().any_origin += 1;
        AnyOrigin(self.clone())
    }

    /// Holds back the answer to every request whose path ends with
    /// `ending` (e.g. `.wasm`) until the guard drops; then each is answered
    /// as usual. [`HeldBack::waiting`] says how many requests wait.
    pub fn hold_back(&self, ending: &str) -> HeldBack {
        *self.changes().held.entry(ending.to_owned()).or_default() += 1;
        HeldBack {
            control: self.clone(),
            ending: ending.to_owned(),
        }
    }

    /// Waits while a [`HeldBack`] guard holds `path`'s answer.
    async fn wait_while_held(&self, path: &str) {
        let held = |changes: &Changes| changes.held.keys().any(|ending| path.ends_with(ending.as_str()));
        if !held(&self.changes()) {
            return;
        }
        self.changes().waiting += 1;
        loop {
            // Listening before looking, so a release in between is not missed.
            let released = self.1.notified();
            if !held(&self.changes()) {
                break;
            }
            released.await;
        }
        self.changes().waiting -= 1;
    }

    fn is_offline(&self) -> bool {
        self.changes().offline > 0
    }

    fn replacement(&self, relative_path: &str) -> Option<Replacement> {
        self.changes().replaced.get(relative_path).cloned()
    }

    fn allows_any_origin(&self) -> bool {
        self.changes().any_origin > 0
    }
}

/// What the server answers at a replaced path.
#[derive(Clone, Debug)]
enum Replacement {
    /// These bytes, with the content type of the path's extension.
    Body(Vec<u8>),
    /// This error status.
    Status(u16),
}

/// Keeps the server sending `Access-Control-Allow-Origin: *`; it stops
/// when this drops.
#[derive(Debug)]
#[must_use = "the header stops as soon as this guard drops"]
pub struct AnyOrigin(ServerControl);

impl Drop for AnyOrigin {
    fn drop(&mut self) {
        self.0.changes().any_origin -= 1;
    }
}

/// Keeps a server offline; it answers again when this drops.
#[derive(Debug)]
#[must_use = "the server is back online as soon as this guard drops"]
pub struct Offline(ServerControl);

impl Drop for Offline {
    fn drop(&mut self) {
        self.0.changes().offline -= 1;
    }
}

/// Holds back answers (see [`ServerControl::hold_back`]); they go out when
/// this drops.
#[derive(Debug)]
#[must_use = "the answers go out as soon as this guard drops"]
pub struct HeldBack {
    control: ServerControl,
    ending: String,
}

impl HeldBack {
    /// How many requests are waiting for a held answer.
    pub fn waiting(&self) -> usize {
        self.control.changes().waiting
    }
}

impl Drop for HeldBack {
    fn drop(&mut self) {
        let mut changes = self.control.changes();
        if let Some(count) = changes.held.get_mut(&self.ending) {
            *count -= 1;
            if *count == 0 {
                changes.held.remove(&self.ending);
            }
        }
        drop(changes);
        self.control.1.notify_waiters();
    }
}

/// Keeps a file replaced; what was served before comes back when this drops.
#[derive(Debug)]
#[must_use = "the replacement ends as soon as this guard drops"]
pub struct ReplacedFile {
    control: ServerControl,
    path: String,
    previous: Option<Replacement>,
}

impl Drop for ReplacedFile {
    fn drop(&mut self) {
        let mut changes = self.control.changes();
        match self.previous.take() {
            Some(body) => changes.replaced.insert(self.path.clone(), body),
            None => changes.replaced.remove(&self.path),
        };
    }
}

/// A running server on `127.0.0.1` with a port of its own (so each instance
/// is a separate origin). Stops accepting connections when dropped.
#[derive(Debug)]
pub struct Server {
    addr: SocketAddr,
    root: PathBuf,
    base_path: String,
    log: RequestLog,
    control: ServerControl,
    accept_loop: JoinHandle<()>,
}

/// What the connection tasks need to answer a request.
#[derive(Debug)]
struct Site {
    root: PathBuf,
    base_path: String,
    log: RequestLog,
    control: ServerControl,
}

impl Server {
    /// Serves the directory `root` at `base_path` (which must start and end
    /// with `/`) on a free port of 127.0.0.1.
    pub async fn start(root: impl Into<PathBuf>, base_path: &str) -> io::Result<Self> {
        assert!(
            base_path.starts_with('/') && base_path.ends_with('/'),
            "base path {base_path:?} must start and end with '/'"
        );
        let listener = TcpListener::bind(("127.0.0.1", 0)).await?;
        let addr = listener.local_addr()?;
        let root = root.into();
        let log = RequestLog::default();
        let control = ServerControl::default();
        let site = Arc::new(Site {
            root: root.clone(),
            base_path: base_path.to_owned(),
            log: log.clone(),
            control: control.clone(),
        });
        let accept_loop = tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let site = Arc::clone(&site);
                tokio::spawn(async move {
                    // A browser hanging up mid-request is its own business;
                    // whatever we did see has already been logged.
                    let _ = site.serve_connection(stream).await;
                });
            }
        });
        Ok(Self {
            addr,
            root,
            base_path: base_path.to_owned(),
            log,
            control,
            accept_loop,
        })
    }

    /// The directory served.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// `http://127.0.0.1:PORT`, this instance's origin.
    pub fn origin(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The URL of the served directory, ending in `/`.
    pub fn base_url(&self) -> String {
        format!("{}{}", self.origin(), self.base_path)
    }

    /// The URL of this origin's empty page ([`BLANK_PATH`]).
    pub fn blank_url(&self) -> String {
        format!("{}{BLANK_PATH}", self.origin())
    }

    /// `127.0.0.1:PORT`, for a browser's proxy settings.
    pub fn proxy_address(&self) -> String {
        self.addr.to_string()
    }

    /// The request log (a shared handle; it keeps filling while we run).
    pub fn log(&self) -> &RequestLog {
        &self.log
    }

    /// Live changes to what this server answers (a shared handle).
    pub fn control(&self) -> &ServerControl {
        &self.control
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.accept_loop.abort();
    }
}

impl Site {
    async fn serve_connection(&self, stream: TcpStream) -> io::Result<()> {
        let mut reader = BufReader::new(stream);
        let (method, target, body_len) = match read_head(&mut reader).await {
            Ok(Some(head)) => head,
            Ok(None) => return Ok(()),
            Err(unreadable) => {
                self.log.push(RequestRecord {
                    method: UNPARSEABLE_METHOD.to_owned(),
                    target: unreadable.to_string(),
                    destination: Destination::Unparseable,
                    status: 400,
                    content_type: "text/plain; charset=utf-8",
                });
                // The peer may be gone already; the record is what counts.
                let answer = Response::text(400, "pactline test server: unparseable request\n");
                let _ = write_response(reader.get_mut(), "GET", answer).await;
                return Ok(());
            }
        };
        // Drain the body so closing the socket does not reset the
        // connection before the client has read our answer.
        tokio::io::copy(
            &mut (&mut reader).take(body_len.min(MAX_BODY_BYTES)),
            &mut tokio::io::sink(),
        )
        .await?;

        if self.control.is_offline() {
            self.log.push(RequestRecord {
                destination: destination(&method, &target),
                method,
                target,
                status: UNANSWERED,
                content_type: "",
            });
            // Dropping the stream closes the connection unanswered.
            return Ok(());
        }
        let (destination, mut response) = self.respond(&method, &target).await;
        if destination == Destination::Local && self.control.allows_any_origin() {
            response
                .extra_headers
                .push(("Access-Control-Allow-Origin", "*".to_owned()));
        }
        self.log.push(RequestRecord {
            method: method.clone(),
            target,
            destination,
            status: response.status,
            content_type: response.content_type,
        });
        write_response(reader.get_mut(), &method, response).await
    }

    async fn respond(&self, method: &str, target: &str) -> (Destination, Response) {
        if destination(method, target) == Destination::OffOrigin {
            let refusal = Response::text(403, "pactline test proxy: off-origin request refused\n");
            return (Destination::OffOrigin, refusal);
        }
        let response = if method == "GET" || method == "HEAD" {
            self.static_file(target).await
        } else {
            Response {
                extra_headers: vec![("Allow", "GET, HEAD".to_owned())],
                ..Response::text(405, "method not allowed\n")
            }
        };
        (Destination::Local, response)
    }

    async fn static_file(&self, target: &str) -> Response {
        let (raw_path, query) = match target.split_once('?') {
            Some((path, query)) => (path, Some(query)),
            None => (target, None),
        };
        let Some(path) = percent_decode(raw_path) else {
            return Response::text(400, "bad percent-encoding\n");
        };
        // `/sub/path/pactline` (no slash) is the directory itself; send the
        // browser to the slash form so relative asset URLs resolve inside it.
        if path == self.base_path.trim_end_matches('/') {
            let location = match query {
                Some(query) => format!("{}?{query}", self.base_path),
                None => self.base_path.clone(),
            };
            return Response {
                extra_headers: vec![("Location", location)],
                ..Response::text(301, "moved\n")
            };
        }
        if path == BLANK_PATH {
            return Response::ok("text/html; charset=utf-8", BLANK_PAGE.as_bytes().to_vec());
        }
        let Some(relative) = path.strip_prefix(&self.base_path) else {
            return Response::text(404, "outside the served sub-path\n");
        };
        let relative = Path::new(relative);
        if !relative.components().all(|part| matches!(part, Component::Normal(_))) {
            return Response::text(403, "path escapes the served directory\n");
        }
        let mut file = self.root.join(relative);
        if path.ends_with('/') {
            file.push("index.html");
        }
        self.control.wait_while_held(&path).await;
        let replacement = file
            .strip_prefix(&self.root)
            .ok()
            .and_then(|relative| relative.to_str())
            .and_then(|relative| self.control.replacement(relative));
        match replacement {
            Some(Replacement::Body(body)) => return Response::ok(content_type(&file), body),
            Some(Replacement::Status(status)) => {
                return Response::text(status, "pactline test server: this file fails on purpose\n");
            }
            None => {}
        }
        match tokio::fs::read(&file).await {
            Ok(body) => Response::ok(content_type(&file), body),
            Err(_) => Response::text(404, "not found\n"),
        }
    }
}

/// A request for another host reaches us as a proxy: `CONNECT host:port`
/// or an absolute-form target.
fn destination(method: &str, target: &str) -> Destination {
    if method == "CONNECT" || !target.starts_with('/') {
        Destination::OffOrigin
    } else {
        Destination::Local
    }
}
