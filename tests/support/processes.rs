//! The processes the browser tests start: WebDriver servers, Xvfb, and the
//! browsers they launch, each the leader of its own process group and killed
//! as a group when its guard drops, so a browser spawned by a driver cannot
//! outlive the run even if its session was never closed; plus the small
//! helpers around them (finding a binary, a free port, waiting for a driver
//! to answer, a temporary directory). The bench runs Lighthouse, and the
//! Chromium it launches, as such a group too.

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;
use tokio::process::{Child, Command};

/// How long a driver (or Xvfb) may take to come up.
const STARTUP_TIMEOUT: Duration = Duration::from_secs(30);

/// A child process started as the leader of its own process group; the
/// whole group is terminated when this guard drops.
#[derive(Debug)]
pub struct ProcessGroup {
    child: Child,
    pid: u32,
}

impl ProcessGroup {
    /// Spawns `command` with its output appended to `log` (or discarded).
    pub fn spawn(mut command: Command, log: Option<&Path>) -> Result<Self, String> {
        let program = format!("{:?}", command.as_std().get_program());
        let (stdout, stderr) = match log {
            Some(path) => {
                let file = File::create(path).map_err(|e| format!("cannot create {}: {e}", path.display()))?;
                let copy = file
                    .try_clone()
                    .map_err(|e| format!("cannot share {}: {e}", path.display()))?;
                (Stdio::from(file), Stdio::from(copy))
            }
            None => (Stdio::null(), Stdio::null()),
        };
        Self::from_child(
            command
                .stdin(Stdio::null())
                .stdout(stdout)
                .stderr(stderr)
                .process_group(0)
                .spawn()
                .map_err(|e| format!("cannot start {program}: {e}"))?,
        )
    }

    pub(super) fn from_child(child: Child) -> Result<Self, String> {
        let pid = child.id().ok_or("child exited before it could be tracked")?;
        Ok(Self { child, pid })
    }

    /// `Some(status)` once the leader has exited.
    pub fn exited(&mut self) -> Option<std::process::ExitStatus> {
        self.child.try_wait().ok().flatten()
    }
}

impl Drop for ProcessGroup {
    fn drop(&mut self) {
        // TERM first so drivers can take their browsers down cleanly, then
        // KILL whatever is left in the group.
        signal_group(self.pid, "TERM");
        let deadline = Instant::now() + Duration::from_secs(3);
        while self.exited().is_none() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
        }
        signal_group(self.pid, "KILL");
        if self.exited().is_none() {
            std::thread::sleep(Duration::from_millis(50));
            self.exited();
        }
    }
}

/// Sends `signal` to the process group led by `pid` (our own child), via
/// kill(1) so no `unsafe` is needed. An already-empty group is fine.
fn signal_group(pid: u32, signal: &str) {
    let _ = std::process::Command::new("kill")
        .arg(format!("-{signal}"))
        .arg("--")
        .arg(format!("-{pid}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
}

/// Starts Xvfb on a display it picks itself (`-displayfd`, so two runs
/// never race for the same number) and returns it with the number.
pub(super) async fn start_xvfb() -> Result<(ProcessGroup, u32), String> {
    let xvfb = find_binary("Xvfb").ok_or("Xvfb not found; install it with `apt-get install xvfb`")?;
    let child = Command::new(xvfb)
        .args(["-displayfd", "1", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .process_group(0)
        .spawn()
        .map_err(|e| format!("cannot start Xvfb: {e}"))?;
    let mut xvfb = ProcessGroup::from_child(child)?;
    let stdout = xvfb.child.stdout.take().ok_or("Xvfb stdout was not captured")?;
    let mut line = String::new();
    tokio::time::timeout(STARTUP_TIMEOUT, BufReader::new(stdout).read_line(&mut line))
        .await
        .map_err(|_| "Xvfb did not report a display in time".to_owned())?
        .map_err(|e| format!("reading Xvfb's display number: {e}"))?;
    let number = line
        .trim()
        .parse()
        .map_err(|_| format!("Xvfb reported no display number (got {line:?})"))?;
    Ok((xvfb, number))
}

/// Polls `GET /status` until the driver answers 200, failing early (with
/// the end of its log) if it exits.
pub(super) async fn wait_for_status(port: u16, process: &mut ProcessGroup, log: &Path) -> Result<(), String> {
    let deadline = Instant::now() + STARTUP_TIMEOUT;
    loop {
        if let Some(status) = process.exited() {
            return Err(format!("driver exited ({status}) before answering; {}", log_tail(log)));
        }
        if status_ok(port).await {
            return Ok(());
        }
        if Instant::now() > deadline {
            return Err(format!(
                "driver did not answer /status on port {port} within {STARTUP_TIMEOUT:?}; {}",
                log_tail(log)
            ));
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// One raw HTTP/1.1 `GET /status`: any 200 means the driver is serving.
async fn status_ok(port: u16) -> bool {
    let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)).await else {
        return false;
    };
    let request = format!("GET /status HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n");
    if stream.write_all(request.as_bytes()).await.is_err() {
        return false;
    }
    let mut status_line = [0u8; 12];
    stream.read_exact(&mut status_line).await.is_ok() && status_line.ends_with(b" 200")
}

fn log_tail(log: &Path) -> String {
    let text = std::fs::read_to_string(log).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    let tail = lines[lines.len().saturating_sub(15)..].join("\n");
    format!("log {}:\n{tail}", log.display())
}

/// Takes an absolute `name` as it is; looks any other up on PATH, then in cargo's bin directory (where
/// `cargo install geckodriver` puts it, which is not always on PATH).
pub fn find_binary(name: &str) -> Option<PathBuf> {
    if Path::new(name).is_absolute() {
        return Path::new(name).is_file().then(|| PathBuf::from(name));
    }
    let cargo_bin = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")))
        .map(|cargo| cargo.join("bin"));
    std::env::var_os("PATH")
        .iter()
        .flat_map(std::env::split_paths)
        .chain(cargo_bin)
        .map(|dir| dir.join(name))
        .find(|candidate| candidate.is_file())
}

/// A port that was free a moment ago; the driver binds it right after.
pub(super) fn free_port() -> io::Result<u16> {
    Ok(std::net::TcpListener::bind(("127.0.0.1", 0))?.local_addr()?.port())
}

/// A uniquely named directory under the system temp dir, removed on drop.
#[derive(Debug)]
pub(super) struct TempDir(PathBuf);

impl TempDir {
    pub(super) fn new(label: &str) -> io::Result<Self> {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default()
            .as_nanos();
        let path = std::env::temp_dir().join(format!("pactline-{label}-{}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&path)?;
        Ok(Self(path))
    }

    pub(super) fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
