//! The bench's static server: pre-compressed brotli, server-side byte
//! counting, and the timing probe injected into each tool's HTML pages.
//!
//! The test harness's server (`tests/support/server.rs`) stays what the
//! browsers use as their recording proxy; this one only serves the two tools
//! under comparison, the way a static host with `brotli_static` would. Each
//! tool is a [`Mount`]: a URL prefix, a directory and the probe for its pages.
//! At start-up every file is read into memory, HTML pages get the probe
//! inserted (so brotli compresses it with the page), and each file is
//! compressed once with the `brotli` command-line tool (quality 11, as the
//! size budget in `tests/size.rs` measures), so no request waits on a
//! compressor and both tools get identical treatment.
//!
//! Every file is also served under [`AS_SHIPPED`], with HTML pages as the
//! tool ships them, without the probe: that is where Lighthouse loads its
//! pages, so it audits the tools and not the bench's instrumentation.
//!
//! What a request cost on the wire (status line, headers and body, as sent)
//! goes to a shared log, which is how the bench measures first-load bytes:
//! counting on the server sees every byte, whatever the page's resource
//! timing exposes.

use std::collections::HashMap;
use std::io;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::process::Command;
use tokio::sync::Semaphore;
use tokio::task::{JoinHandle, JoinSet};

/// Upper bound on a request head; anything larger is not a browser talking.
const MAX_HEAD_BYTES: usize = 64 * 1024;

/// What a static host would typically send: browsers may reuse a file for
/// ten minutes (GitHub Pages sends the same). Each measured load runs in a
/// fresh browser profile, so this never makes a first load warm; it only
/// lets Pactline's service worker precache from the HTTP cache, as it
/// would on a real host.
const CACHE_CONTROL: &str = "max-age=600";

/// The URL prefix under which every mount is served a second time, its
/// HTML pages without the probe: `/as-shipped/pactline/` is Pactline as a
/// host would serve it.
pub const AS_SHIPPED: &str = "/as-shipped";

/// Source maps are never fetched by a page (only by developer tools), so
/// they are neither served nor compressed.
const SKIPPED_EXTENSIONS: [&str; 1] = ["map"];

/// A directory served under a URL prefix.
#[derive(Clone, Debug)]
pub struct Mount {
    /// URL path prefix, starting and ending with `/`.
    pub prefix: String,
    /// The directory whose files are served under `prefix`.
    pub dir: PathBuf,
    /// A complete `<script>` element to insert near the top of every HTML
    /// page in `dir` (except under [`AS_SHIPPED`]).
    pub probe: Option<String>,
}

/// One file, ready to send.
#[derive(Debug)]
struct Asset {
    content_type: &'static str,
    /// What the bench's own loads get: for an HTML page, with the probe.
    probed: Body,
    /// An HTML page that got the probe, as the tool ships it, for
    /// [`AS_SHIPPED`]; other files are the same there.
    shipped: Option<Body>,
}

/// The bytes of one file, in both encodings.
#[derive(Debug)]
struct Body {
    identity: Vec<u8>,
    /// The brotli form, when it is smaller.
    brotli: Option<Vec<u8>>,
}

/// One answered request, as the bench reads it back.
#[derive(Clone, Debug)]
pub struct Served {
    /// Request path (without the query).
    pub path: String,
    /// Bytes written for the response: status line, headers and body.
    pub bytes: u64,
    /// Made by or for a service worker (its script, or a fetch from inside
    /// it): background work after the page is usable, not its first load.
    pub service_worker: bool,
}

/// The shared request log and the activity needed to tell when the
/// network has gone quiet.
#[derive(Debug)]
struct Activity {
    served: Vec<Served>,
    in_flight: usize,
    last_change: Instant,
}

/// A running bench server on a free port of 127.0.0.1; stops accepting
/// connections when dropped.
#[derive(Debug)]
pub struct BenchServer {
    addr: SocketAddr,
    activity: Arc<Mutex<Activity>>,
    accept_loop: JoinHandle<()>,
}

/// What the connection tasks share.
#[derive(Debug)]
struct Site {
    assets: HashMap<String, Asset>,
    activity: Arc<Mutex<Activity>>,
}

impl BenchServer {
    /// Loads and compresses every file under `mounts` (inserting each
    /// mount's probe into its HTML pages), then starts serving them.
    pub async fn start(mounts: &[Mount]) -> Result<Self, String> {
        // brotli at quality 11 is slow on the larger files: keep every core
        // busy, but no more.
        let parallel = std::thread::available_parallelism().map_or(2, usize::from);
        let permits = Arc::new(Semaphore::new(parallel));
        let mut loading = JoinSet::new();
        for mount in mounts {
            assert!(
                mount.prefix.starts_with('/') && mount.prefix.ends_with('/'),
                "mount prefix {:?} must start and end with '/'",
                mount.prefix
            );
            for file in files_under(&mount.dir)? {
                let relative = file
                    .strip_prefix(&mount.dir)
                    .map_err(|e| format!("{}: {e}", file.display()))?;
                let url = format!("{}{}", mount.prefix, relative.to_string_lossy());
                let (probe, permits) = (mount.probe.clone(), Arc::clone(&permits));
                loading.spawn(async move {
                    let _permit = permits.acquire_owned().await.map_err(|e| e.to_string())?;
                    Ok::<_, String>((url, load_asset(&file, probe.as_deref()).await?))
                });
            }
        }
        let mut assets = HashMap::new();
        while let Some(loaded) = loading.join_next().await {
            let (url, asset) = loaded.map_err(|e| format!("loading a file: {e}"))??;
            assets.insert(url, asset);
        }
        let listener = TcpListener::bind(("127.0.0.1", 0))
            .await
            .map_err(|e| format!("bench server: cannot listen: {e}"))?;
        let addr = listener
            .local_addr()
            .map_err(|e| format!("bench server: no local address: {e}"))?;
        let activity = Arc::new(Mutex::new(Activity {
            served: Vec::new(),
            in_flight: 0,
            last_change: Instant::now(),
        }));
        let site = Arc::new(Site {
            assets,
            activity: Arc::clone(&activity),
        });
        let accept_loop = tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let site = Arc::clone(&site);
                tokio::spawn(async move {
                    // A browser closing a kept-alive connection, or hanging
                    // up mid-response, is normal; what was sent is logged.
                    let _ = site.serve_connection(stream).await;
                });
            }
        });
        Ok(Self {
            addr,
            activity,
            accept_loop,
        })
    }

    /// `http://127.0.0.1:PORT`.
    pub fn origin(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The current end of the request log, for [`BenchServer::served_since`].
    pub fn mark(&self) -> usize {
        self.lock().served.len()
    }

    /// Every response sent after `mark`, oldest first.
    pub fn served_since(&self, mark: usize) -> Vec<Served> {
        self.lock().served.get(mark..).unwrap_or_default().to_vec()
    }

    /// Waits until no request has been in flight for `quiet`, or `limit`
    /// has passed; returns whether the network did go quiet.
    pub async fn wait_idle(&self, quiet: Duration, limit: Duration) -> bool {
        let deadline = Instant::now() + limit;
        loop {
            let idle = {
                let activity = self.lock();
                activity.in_flight == 0 && activity.last_change.elapsed() >= quiet
            };
            if idle {
                return true;
            }
            if Instant::now() > deadline {
                return false;
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Activity> {
        self.activity.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Drop for BenchServer {
    fn drop(&mut self) {
        self.accept_loop.abort();
    }
}

/// The request headers the server acts on.
#[derive(Debug, Default)]
struct Request {
    method: String,
    target: String,
    accepts_brotli: bool,
    service_worker: bool,
    keep_alive: bool,
}

impl Site {
    /// Answers requests on one connection until the browser closes it (or
    /// asks to), as HTTP/1.1 keep-alive does: a real host reuses
    /// connections too, and a fresh TCP handshake per file would tax the
    /// tool that loads more files.
    async fn serve_connection(&self, stream: TcpStream) -> io::Result<()> {
        let mut stream = BufReader::new(stream);
        while let Some(request) = read_request(&mut stream).await? {
            self.change_in_flight(1);
            let result = self.answer(&request, stream.get_mut()).await;
            self.change_in_flight(-1);
            result?;
            if !request.keep_alive {
                break;
            }
        }
        stream.get_mut().shutdown().await
    }

    async fn answer(&self, request: &Request, stream: &mut TcpStream) -> io::Result<()> {
        let path = request.target.split('?').next().unwrap_or_default();
        let (file, as_shipped) = match path.strip_prefix(AS_SHIPPED) {
            Some(rest) if rest.starts_with('/') => (rest, true),
            _ => (path, false),
        };
        let key = if file.ends_with('/') {
            format!("{file}index.html")
        } else {
            file.to_owned()
        };
        let found = self.assets.get(&key).map(|asset| {
            let body = match &asset.shipped {
                Some(shipped) if as_shipped => shipped,
                _ => &asset.probed,
            };
            (asset.content_type, body)
        });
        let readable = request.method == "GET" || request.method == "HEAD";
        let (status, content_type, body, brotli) = match found {
            _ if !readable => (405, "text/plain", &b"method not allowed\n"[..], false),
            Some((
                content_type,
                Body {
                    brotli: Some(compressed),
                    ..
                },
            )) if request.accepts_brotli => (200, content_type, &compressed[..], true),
            Some((content_type, body)) => (200, content_type, &body.identity[..], false),
            None => (404, "text/plain", &b"not found\n"[..], false),
        };
        let mut head = format!(
            "HTTP/1.1 {status} {}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\
             Cache-Control: {CACHE_CONTROL}\r\nVary: Accept-Encoding\r\n",
            match status {
                200 => "OK",
                404 => "Not Found",
                _ => "Method Not Allowed",
            },
            body.len(),
        );
        if brotli {
            head.push_str("Content-Encoding: br\r\n");
        }
        head.push_str(if request.keep_alive {
            "Connection: keep-alive\r\n\r\n"
        } else {
            "Connection: close\r\n\r\n"
        });
        stream.write_all(head.as_bytes()).await?;
        let mut bytes = head.len() as u64;
        if request.method != "HEAD" {
            stream.write_all(body).await?;
            bytes += body.len() as u64;
        }
        stream.flush().await?;
        self.activity
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .served
            .push(Served {
                path: path.to_owned(),
                bytes,
                service_worker: request.service_worker,
            });
        Ok(())
    }

    fn change_in_flight(&self, delta: isize) {
        let mut activity = self.activity.lock().unwrap_or_else(PoisonError::into_inner);
        activity.in_flight = activity.in_flight.saturating_add_signed(delta);
        activity.last_change = Instant::now();
    }
}

/// Reads one request head; `None` when the browser closed the connection.
/// GET and HEAD requests have no body, and nothing else is served.
async fn read_request(stream: &mut BufReader<TcpStream>) -> io::Result<Option<Request>> {
    let mut line = String::new();
    if stream.read_line(&mut line).await? == 0 {
        return Ok(None);
    }
    let mut parts = line.split_whitespace();
    let (Some(method), Some(target), version) = (parts.next(), parts.next(), parts.next()) else {
        return Err(io::Error::new(io::ErrorKind::InvalidData, "malformed request line"));
    };
    let mut request = Request {
        method: method.to_owned(),
        target: target.to_owned(),
        keep_alive: version == Some("HTTP/1.1"),
        ..Request::default()
    };
    let mut head_bytes = line.len();
    loop {
        line.clear();
        let read = stream.read_line(&mut line).await?;
        head_bytes += read;
        if read == 0 || head_bytes > MAX_HEAD_BYTES {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "truncated or oversized head",
            ));
        }
        let Some((name, value)) = line.trim_end().split_once(':') else {
            return Ok(Some(request));
        };
        let value = value.trim();
        match name.to_ascii_lowercase().as_str() {
            "accept-encoding" => {
                request.accepts_brotli = value.split(',').any(|coding| coding.trim().starts_with("br"));
            }
            // The worker's own script is fetched with `Service-Worker:
            // script`; what the worker fetches names it as the referrer.
            "service-worker" => request.service_worker = true,
            "referer" if value.split('?').next().is_some_and(|url| url.ends_with("/sw.js")) => {
                request.service_worker = true;
            }
            "connection" if value.eq_ignore_ascii_case("close") => request.keep_alive = false,
            _ => {}
        }
    }
}

/// Every file under `dir`, recursively, except source maps.
fn files_under(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let entries = std::fs::read_dir(&dir).map_err(|e| format!("reading {}: {e}", dir.display()))?;
        for entry in entries {
            let path = entry.map_err(|e| format!("reading {}: {e}", dir.display()))?.path();
            if path.is_dir() {
                pending.push(path);
            } else if !SKIPPED_EXTENSIONS.contains(&extension(&path).as_str()) {
                files.push(path);
            }
        }
    }
    Ok(files)
}

/// Reads `file`, inserts the probe if it is HTML (keeping the page as
/// shipped too), and compresses it.
async fn load_asset(file: &Path, probe: Option<&str>) -> Result<Asset, String> {
    let identity = tokio::fs::read(file)
        .await
        .map_err(|e| format!("reading {}: {e}", file.display()))?;
    let content_type = content_type(file);
    match probe {
        Some(probe) if content_type.starts_with("text/html") => {
            let html = std::str::from_utf8(&identity).map_err(|_| format!("{} is not UTF-8", file.display()))?;
            let probed = insert_probe(html, probe).into_bytes();
            Ok(Asset {
                content_type,
                probed: body(probed, content_type).await?,
                shipped: Some(body(identity, content_type).await?),
            })
        }
        _ => Ok(Asset {
            content_type,
            probed: body(identity, content_type).await?,
            shipped: None,
        }),
    }
}

/// `identity` with its brotli form, if a host would compress the type and
/// it comes out smaller.
async fn body(identity: Vec<u8>, content_type: &str) -> Result<Body, String> {
    let brotli = if compressible(content_type) {
        Some(brotli(&identity).await?).filter(|compressed| compressed.len() < identity.len())
    } else {
        None
    };
    Ok(Body { identity, brotli })
}

/// Puts `probe` as early in the document as it can go: right after the
/// charset declaration (which must stay within the first 1024 bytes), or
/// after `<head>`, or after `<html …>`, or at the very start. Pactline's
/// minified page has no `<head>` tag, so the rule cannot rely on one.
fn insert_probe(html: &str, probe: &str) -> String {
    let lower = html.to_ascii_lowercase();
    let after_tag = |open: &str| {
        let start = lower.find(open)?;
        Some(start + lower[start..].find('>')? + 1)
    };
    let at = after_tag("<meta charset")
        .or_else(|| after_tag("<head"))
        .or_else(|| after_tag("<html"))
        .unwrap_or(0);
    format!("{}{probe}{}", &html[..at], &html[at..])
}

/// Compresses `data` with the `brotli` command at quality 11.
async fn brotli(data: &[u8]) -> Result<Vec<u8>, String> {
    let mut child = Command::new("brotli")
        .args(["-c", "-q", "11"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot run `brotli` ({e}); install it with `apt-get install brotli`"))?;
    let mut stdin = child.stdin.take().ok_or("brotli: no stdin")?;
    let input = data.to_vec();
    // Feed stdin while reading stdout, or a large file fills both pipes.
    let writer = tokio::spawn(async move {
        stdin.write_all(&input).await?;
        stdin.shutdown().await
    });
    let output = child.wait_with_output().await.map_err(|e| format!("brotli: {e}"))?;
    writer
        .await
        .map_err(|e| format!("brotli: {e}"))?
        .map_err(|e| format!("brotli: {e}"))?;
    if !output.status.success() {
        return Err(format!("brotli exited with {}", output.status));
    }
    Ok(output.stdout)
}

fn extension(path: &Path) -> String {
    path.extension()
        .and_then(|ext| ext.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase()
}

/// The MIME type of each kind of file the two tools ship: `application/wasm`
/// in particular, or streaming compilation fails.
fn content_type(file: &Path) -> &'static str {
    match extension(file).as_str() {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "ttf" => "font/ttf",
        "eot" => "application/vnd.ms-fontobject",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// Whether a host would compress this type: text, wasm and the old font
/// formats; PNG and WOFF/WOFF2 are compressed already.
fn compressible(content_type: &str) -> bool {
    ["text/", "application/", "image/svg", "font/ttf"]
        .iter()
        .any(|prefix| content_type.starts_with(prefix))
}
