//! Limits of the preview server, so that a page left open, a stuck client or a flood of
//! connections cannot take it down: at most [`cap`] connections at a time (more wait in the
//! kernel's queue, without taking a descriptor), a request head must arrive within
//! [`HEAD_TIMEOUT`] of its first byte (or of the connection opening), and a connection with no
//! byte in either direction for [`IDLE_TIMEOUT`] is closed. Open pages' event streams stay up:
//! the server writes to them every 15 s ([`keep_alive`]), and at most [`stream_cap`] of them are
//! up at once, so that open pages cannot hold every connection.
//!
//! hyper has a header-read timeout, but axum's `serve` gives it no timer, so the limits are
//! kept here, around each connection's socket ([`Limited`] is the listener `serve` gets).

use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tokio::time::{Instant, Sleep};

/// How long a request head (request line and headers) may take to arrive.
pub const HEAD_TIMEOUT: Duration = Duration::from_secs(10);
/// How long a connection may stay silent (longer than the event stream's 15 s keep-alive).
pub const IDLE_TIMEOUT: Duration = Duration::from_secs(60);

/// How many connections are served at once: half the process's descriptor limit, between 16
/// and 1024 (the rest is for the build, which opens files while the server runs).
pub fn cap() -> usize {
    #[cfg(unix)]
    {
        let limit = rustix::process::getrlimit(rustix::process::Resource::Nofile).current;
        limit.map_or(1024, |n| {
            usize::try_from(n / 2).unwrap_or(1024).clamp(16, 1024)
        })
    }
    #[cfg(not(unix))]
    {
        1024
    }
}

/// A listener that hands out at most [`cap`] connections at a time, each with the timeouts.
pub struct Limited {
    inner: TcpListener,
    permits: Arc<Semaphore>,
    head: Duration,
    idle: Duration,
}

/// The limits in force: [`HEAD_TIMEOUT`], [`IDLE_TIMEOUT`] and [`cap`], unless the environment
/// sets `NASHRA_SERVE_LIMITS="HEAD_MS IDLE_MS CAP"` (for tests, which cannot wait a minute).
pub fn settings() -> (Duration, Duration, usize) {
    static SETTINGS: std::sync::OnceLock<(Duration, Duration, usize)> = std::sync::OnceLock::new();
    *SETTINGS.get_or_init(read_settings)
}

fn read_settings() -> (Duration, Duration, usize) {
    let defaults = (HEAD_TIMEOUT, IDLE_TIMEOUT, cap());
    let Ok(text) = std::env::var("NASHRA_SERVE_LIMITS") else {
        return defaults;
    };
    let n: Vec<u64> = text
        .split_whitespace()
        .filter_map(|v| v.parse().ok())
        .collect();
    match n[..] {
        [head, idle, cap] if head > 0 && idle > 0 && cap > 0 => (
            Duration::from_millis(head),
            Duration::from_millis(idle),
            usize::try_from(cap).unwrap_or(usize::MAX),
        ),
        _ => defaults,
    }
}

/// How many open pages' event streams may be up at once: the connection cap less a reserve
/// (an eighth of it, at least 8 or half the cap), so pages left open can never take every
/// connection and leave none for the requests that load pages.
pub fn stream_cap(cap: usize) -> usize {
    let reserve = (cap / 8).max(8.min(cap / 2));
    cap.saturating_sub(reserve).max(1)
}

/// How often an open page's event stream gets a keep-alive comment: well within the idle limit.
pub fn keep_alive() -> Duration {
    settings().1 / 4
}

impl Limited {
    pub fn new(inner: TcpListener) -> Limited {
        let (head, idle, cap) = settings();
        Limited::with(inner, cap, head, idle)
    }

    pub fn with(inner: TcpListener, cap: usize, head: Duration, idle: Duration) -> Limited {
        Limited {
            inner,
            permits: Arc::new(Semaphore::new(cap)),
            head,
            idle,
        }
    }
}

impl axum::serve::Listener for Limited {
    type Io = Conn;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (Conn, SocketAddr) {
        let permit = match Arc::clone(&self.permits).acquire_owned().await {
            Ok(p) => p,
            Err(_) => std::future::pending().await, // never closed
        };
        loop {
            match self.inner.accept().await {
                Ok((io, addr)) => {
                    let _ = io.set_nodelay(true);
                    return (Conn::new(io, permit, self.head, self.idle), addr);
                }
                // out of descriptors or a connection reset before it was taken: wait, go on
                Err(_) => tokio::time::sleep(Duration::from_millis(50)).await,
            }
        }
    }

    fn local_addr(&self) -> io::Result<SocketAddr> {
        self.inner.local_addr()
    }
}

/// One connection with its deadlines; its slot is given back when it is dropped.
pub struct Conn {
    io: TcpStream,
    _permit: OwnedSemaphorePermit,
    timer: Pin<Box<Sleep>>,
    head: Duration,
    idle: Duration,
    /// A request head is being read (true from the start: the first one must come).
    in_head: bool,
    head_deadline: Instant,
    /// Progress through the blank line that ends a head: 1 after `\n`, 2 after `\n\r`.
    ending: u8,
    last_activity: Instant,
}

impl Conn {
    fn new(io: TcpStream, permit: OwnedSemaphorePermit, head: Duration, idle: Duration) -> Conn {
        let now = Instant::now();
        Conn {
            io,
            _permit: permit,
            timer: Box::pin(tokio::time::sleep_until(now + head)),
            head,
            idle,
            in_head: true,
            head_deadline: now + head,
            ending: 0,
            last_activity: now,
        }
    }

    /// Follows the bytes read: where each request head starts and ends.
    fn saw(&mut self, bytes: &[u8]) {
        let now = Instant::now();
        self.last_activity = now;
        for &b in bytes {
            if !self.in_head {
                self.in_head = true;
                self.head_deadline = now + self.head;
                self.ending = 0;
            }
            self.ending = match (self.ending, b) {
                (1 | 2, b'\n') => {
                    self.in_head = false;
                    0
                }
                (_, b'\n') => 1,
                (1, b'\r') => 2,
                _ => 0,
            };
        }
    }

    /// `Err` once the connection is past a deadline; otherwise arms the timer for the next one.
    fn expired(&mut self, cx: &mut Context<'_>) -> io::Result<()> {
        let mut deadline = self.last_activity + self.idle;
        if self.in_head {
            deadline = deadline.min(self.head_deadline);
        }
        if self.timer.deadline() != deadline {
            self.timer.as_mut().reset(deadline);
        }
        match self.timer.as_mut().poll(cx) {
            Poll::Ready(()) => Err(io::Error::new(
                io::ErrorKind::TimedOut,
                "the connection was too slow or idle for too long",
            )),
            Poll::Pending => Ok(()),
        }
    }
}

impl AsyncRead for Conn {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        match Pin::new(&mut self.io).poll_read(cx, buf) {
            Poll::Ready(Ok(())) => {
                let n = buf.filled().len() - before;
                if n > 0 {
                    self.saw(&buf.filled()[before..]);
                }
                Poll::Ready(Ok(()))
            }
            Poll::Ready(Err(e)) => Poll::Ready(Err(e)),
            Poll::Pending => match self.expired(cx) {
                Ok(()) => Poll::Pending,
                Err(e) => Poll::Ready(Err(e)),
            },
        }
    }
}

impl Conn {
    /// What a write of the socket returned, with the time of the last byte kept; a client that
    /// stops reading is idle too.
    fn wrote(
        &mut self,
        cx: &mut Context<'_>,
        r: Poll<io::Result<usize>>,
    ) -> Poll<io::Result<usize>> {
        match r {
            Poll::Ready(Ok(n)) => {
                if n > 0 {
                    self.last_activity = Instant::now();
                }
                Poll::Ready(Ok(n))
            }
            Poll::Ready(Err(e)) => Poll::Ready(Err(e)),
            Poll::Pending => match self.expired(cx) {
                Ok(()) => Poll::Pending,
                Err(e) => Poll::Ready(Err(e)),
            },
        }
    }
}

impl AsyncWrite for Conn {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let r = Pin::new(&mut self.io).poll_write(cx, buf);
        self.wrote(cx, r)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let r = Pin::new(&mut self.io).poll_write_vectored(cx, bufs);
        self.wrote(cx, r)
    }

    fn is_write_vectored(&self) -> bool {
        self.io.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.io).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.io).poll_shutdown(cx)
    }
}
