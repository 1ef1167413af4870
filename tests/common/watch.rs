//! `nashra watch` driven from a test: a real server on a free port, raw HTTP requests, and
//! server-sent event streams.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

pub struct Watch {
    pub child: Child,
    pub addr: String,
    /// What `watch` prints on stderr, line by line.
    pub log: mpsc::Receiver<String>,
}

impl Watch {
    /// Stderr lines up to and including the first that contains `what`.
    pub fn log_until(&self, what: &str) -> Vec<String> {
        let deadline = Instant::now() + Duration::from_secs(20);
        let mut lines = Vec::new();
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.log.recv_timeout(left) {
                Ok(line) => {
                    let found = line.contains(what);
                    lines.push(line);
                    if found {
                        return lines;
                    }
                }
                Err(_) => panic!(
                    "watch never printed `{what}`; it printed:\n{}",
                    lines.join("\n")
                ),
            }
        }
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn start(root: &Path, extra: &[&str]) -> Watch {
    start_with(root, extra, &[])
}

/// [`start`] with environment variables.
pub fn start_with(root: &Path, extra: &[&str], env: &[(&str, &str)]) -> Watch {
    let mut child = Command::new(env!("CARGO_BIN_EXE_nashra"))
        .args(["watch", "--port", "0"])
        .args(extra)
        .envs(env.iter().copied())
        .current_dir(root)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start watch: {e}"));
    let stdout = child.stdout.take().unwrap_or_else(|| panic!("no stdout"));
    let stderr = child.stderr.take().unwrap_or_else(|| panic!("no stderr"));
    let (log_tx, log) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = log_tx.send(line);
        }
    });
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let line = rx
        .recv_timeout(Duration::from_secs(30))
        .unwrap_or_else(|e| panic!("watch printed no address: {e}"));
    let addr = line
        .split("http://")
        .nth(1)
        .and_then(|s| s.split('/').next())
        .unwrap_or_else(|| panic!("unexpected first line: {line}"))
        .to_string();
    Watch { child, addr, log }
}

pub struct Reply {
    pub status: u16,
    pub headers: String,
    pub body: String,
}

/// One raw HTTP/1.1 GET: the path is sent exactly as given (no client normalisation).
pub fn get(addr: &str, raw_path: &str) -> Reply {
    request(addr, "GET", raw_path, addr)
}

/// An open server-sent events connection.
pub struct Events {
    pub stream: TcpStream,
    pub seen: String,
}

impl Events {
    pub fn open(addr: &str) -> Events {
        let mut stream = TcpStream::connect(addr).unwrap_or_else(|e| panic!("{e}"));
        write!(
            stream,
            "GET /__nashra/events HTTP/1.1\r\nHost: {addr}\r\nAccept: text/event-stream\r\n\r\n"
        )
        .unwrap_or_else(|e| panic!("{e}"));
        stream
            .set_read_timeout(Some(Duration::from_millis(200)))
            .ok();
        let mut ev = Events {
            stream,
            seen: String::new(),
        };
        ev.wait_for("event: hello");
        ev
    }

    /// Waits until `what` arrives; returns everything received up to it.
    pub fn wait_for(&mut self, what: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        let mut buf = [0u8; 4096];
        loop {
            if let Some(i) = self.seen.find(what) {
                let upto = self.seen[..i + what.len()].to_string();
                self.seen = self.seen[i + what.len()..].to_string();
                return upto;
            }
            assert!(
                Instant::now() < deadline,
                "no `{what}` event; received: {}",
                self.seen
            );
            match self.stream.read(&mut buf) {
                Ok(0) => panic!("event stream closed; received: {}", self.seen),
                Ok(n) => self.seen.push_str(&String::from_utf8_lossy(&buf[..n])),
                Err(_) => {}
            }
        }
    }
}

/// One raw request with any method and `Host` header.
pub fn request(addr: &str, method: &str, raw_path: &str, host: &str) -> Reply {
    let mut s = TcpStream::connect(addr).unwrap_or_else(|e| panic!("connect {addr}: {e}"));
    s.set_read_timeout(Some(Duration::from_secs(10))).ok();
    write!(
        s,
        "{method} {raw_path} HTTP/1.1\r\nHost: {host}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let mut buf = Vec::new();
    let _ = s.read_to_end(&mut buf);
    let text = String::from_utf8_lossy(&buf).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    Reply {
        status,
        headers: head.to_ascii_lowercase(),
        body: body.to_string(),
    }
}
