//! The `watch` web server: serves the output folder on loopback, injects the live-reload script
//! into HTML responses (never into files on disk), and pushes reload and error events to open
//! pages over server-sent events.
//!
//! Only files inside the output folder are served: the raw request path is refused if it holds
//! backslashes, encoded slashes, encoded dots or NUL; decoded segments `.` and `..` are refused;
//! the final file is canonicalised and must lie inside the canonical output folder (so a symlink
//! pointing out is refused too). Directory URLs serve their `index.html`; unknown paths serve the
//! site's `404.html` with status 404. The server's state (last error, event channel) lives in
//! [`ServerState`], not in globals.

use std::convert::Infallible;
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};

use axum::body::Body;
use axum::extract::State;
use axum::http::{header, HeaderValue, Request, Response, StatusCode};
use axum::response::sse::{Event as SseEvent, KeepAlive, Sse};
use axum::response::IntoResponse;
use tokio::sync::broadcast;
use tokio_stream::wrappers::BroadcastStream;
use tokio_stream::StreamExt;

/// What open pages are told.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    /// A rebuild succeeded: reload.
    Reload,
    /// A rebuild failed: show this text over the page.
    Error(String),
}

/// What the server serves: the output folder and the site's path prefix. Both can change while
/// `watch` runs (`output_dir` or the path of `base_url` edited in site.toml).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Served {
    /// The output folder (canonicalised, re-resolved per request).
    pub output: PathBuf,
    /// Path prefix of the site (`/` or `/news/`).
    pub base_path: String,
}

pub struct ServerState {
    served: RwLock<Served>,
    /// The last build error, shown to pages that connect while it stands.
    pub error: RwLock<Option<String>>,
    pub events: broadcast::Sender<Event>,
    /// `Host` header values the server answers (against DNS rebinding); empty: any.
    pub hosts: Vec<String>,
    /// Slots for open pages' event streams ([`super::limits::stream_cap`]).
    streams: Arc<tokio::sync::Semaphore>,
}

impl ServerState {
    pub fn new(output: PathBuf, base_path: String) -> Arc<ServerState> {
        let (events, _) = broadcast::channel(64);
        Arc::new(ServerState {
            served: RwLock::new(Served { output, base_path }),
            error: RwLock::new(None),
            events,
            hosts: Vec::new(),
            streams: Arc::new(tokio::sync::Semaphore::new(super::limits::stream_cap(
                super::limits::settings().2,
            ))),
        })
    }

    /// Answers only requests whose `Host` names the address the server is bound to (for a
    /// loopback address, also `localhost`), so a web page on another name that a DNS server
    /// points at 127.0.0.1 cannot read the preview.
    pub fn with_hosts(mut self: Arc<Self>, addr: std::net::SocketAddr) -> Arc<Self> {
        if addr.ip().is_unspecified() {
            // `--bind 0.0.0.0`: shared on purpose, under names (LAN addresses, a hostname) this
            // server cannot know; the check that stops DNS rebinding is for loopback.
            return self;
        }
        let port = addr.port();
        let ip = match addr.ip() {
            std::net::IpAddr::V6(v6) => format!("[{v6}]"),
            v4 => v4.to_string(),
        };
        let mut names = vec![ip];
        if addr.ip().is_loopback() {
            names.extend([
                "localhost".to_string(),
                "127.0.0.1".to_string(),
                "[::1]".to_string(),
            ]);
        }
        let hosts = names
            .iter()
            .flat_map(|n| [n.clone(), format!("{n}:{port}")])
            .collect();
        if let Some(s) = Arc::get_mut(&mut self) {
            s.hosts = hosts;
        }
        self
    }

    /// What is served now.
    pub fn served(&self) -> Served {
        match self.served.read() {
            Ok(s) => s.clone(),
            Err(p) => p.into_inner().clone(),
        }
    }

    /// Serves `output` under `base_path` from now on; whether that is a change.
    pub fn serve_from(&self, output: PathBuf, base_path: String) -> bool {
        let new = Served { output, base_path };
        let mut s = match self.served.write() {
            Ok(s) => s,
            Err(p) => p.into_inner(),
        };
        let changed = *s != new;
        *s = new;
        changed
    }

    /// Records the outcome of a rebuild and tells every open page.
    pub fn publish(&self, event: Event) {
        if let Ok(mut e) = self.error.write() {
            *e = match &event {
                Event::Reload => None,
                Event::Error(text) => Some(text.clone()),
            };
        }
        let _ = self.events.send(event);
    }
}

/// The script injected into every HTML response while watching.
pub const LIVE_JS: &str = r#"(() => {
  const es = new EventSource("/__nashra/events");
  let overlay = null;
  function show(text) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "nashra-error";
      overlay.setAttribute("dir", "ltr");
      overlay.setAttribute("lang", "en");
      overlay.setAttribute("role", "alert");
      overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;padding:2rem;" +
        "background:rgba(30,0,0,.94);color:#fff;font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;white-space:pre-wrap";
      document.body.appendChild(overlay);
    }
    overlay.textContent = "nashra: the last save has errors; the page shows the last good build.\n\n" + text;
  }
  es.addEventListener("reload", () => location.reload());
  es.addEventListener("build-error", (e) => show(e.data));
})();
"#;

const SCRIPT_TAG: &str = "<script src=\"/__nashra/live.js\"></script>";

fn content_type(path: &Path) -> &'static str {
    // nashra's feeds are Atom: feed readers and browsers recognise them by this type
    if path.file_name().is_some_and(|n| n == "feed.xml") {
        return "application/atom+xml; charset=utf-8";
    }
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("html" | "htm") => "text/html; charset=utf-8",
        Some("xml") => "application/xml; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("json") => "application/json",
        Some("webmanifest") => "application/manifest+json",
        Some("txt") => "text/plain; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("gif") => "image/gif",
        Some("webp") => "image/webp",
        Some("avif") => "image/avif",
        Some("ico") => "image/x-icon",
        Some("woff2") => "font/woff2",
        Some("woff") => "font/woff",
        Some("ttf") => "font/ttf",
        Some("otf") => "font/otf",
        Some("pdf") => "application/pdf",
        Some("mp4") => "video/mp4",
        Some("mp3") => "audio/mpeg",
        _ => "application/octet-stream",
    }
}

fn plain(status: StatusCode, text: &str) -> Response<Body> {
    let mut r = Response::new(Body::from(text.to_string()));
    *r.status_mut() = status;
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    r
}

/// A permanent redirect to `path`, which starts with exactly one `/` (path-absolute).
fn redirect(path: &str) -> Response<Body> {
    let mut r = plain(StatusCode::MOVED_PERMANENTLY, "");
    let path = format!("/{}", path.trim_start_matches('/'));
    if let Ok(v) = HeaderValue::from_str(&path) {
        r.headers_mut().insert(header::LOCATION, v);
    }
    r
}

/// nashra's own bookkeeping in the output (the marker, temporary files) is never served, nor is
/// any other dotfile or dot-folder (a gh-pages output keeps `.git` with its remote's address and
/// credentials), but for `.well-known`, which sites publish on purpose.
fn private(segment: &str) -> bool {
    (segment.starts_with('.') && segment != ".well-known") || segment.ends_with(".nashra-tmp")
}

/// The request path as segments inside the output folder, or why it is refused.
pub fn resolve_request(raw: &str, base_path: &str) -> Result<Vec<String>, StatusCode> {
    let lower = raw.to_ascii_lowercase();
    if raw.contains('\\')
        || lower.contains("%5c")
        || lower.contains("%2f")
        || lower.contains("%2e")
        || lower.contains("%00")
    {
        return Err(StatusCode::FORBIDDEN);
    }
    let decoded = crate::content::slug::decode_path(raw).ok_or(StatusCode::BAD_REQUEST)?;
    if decoded.contains('\0') {
        return Err(StatusCode::FORBIDDEN);
    }
    let inside = if base_path == "/" {
        decoded.as_str()
    } else if decoded == base_path.trim_end_matches('/') {
        ""
    } else {
        decoded
            .strip_prefix(base_path)
            .ok_or(StatusCode::NOT_FOUND)?
    };
    let mut segments = Vec::new();
    for seg in inside.split('/') {
        match seg {
            "" => {}
            "." | ".." => return Err(StatusCode::FORBIDDEN),
            s if private(s) => return Err(StatusCode::NOT_FOUND),
            s if s.contains(':') && cfg!(windows) => return Err(StatusCode::FORBIDDEN),
            s => segments.push(s.to_string()),
        }
    }
    Ok(segments)
}

fn inject(html: Vec<u8>) -> Vec<u8> {
    let text = String::from_utf8_lossy(&html);
    match text.rfind("</body>") {
        Some(i) => format!("{}{SCRIPT_TAG}{}", &text[..i], &text[i..]).into_bytes(),
        None => format!("{text}{SCRIPT_TAG}").into_bytes(),
    }
}

async fn file_response(
    root: &Path,
    file: &Path,
    status: StatusCode,
    range: Option<&HeaderValue>,
) -> Option<Response<Body>> {
    let canonical = tokio::fs::canonicalize(file).await.ok()?;
    let root = tokio::fs::canonicalize(root).await.ok()?;
    if !canonical.starts_with(&root) {
        return Some(plain(StatusCode::FORBIDDEN, "forbidden"));
    }
    let bytes = tokio::fs::read(&canonical).await.ok()?;
    let ctype = content_type(&canonical);
    let html = ctype.starts_with("text/html");
    let mut status = status;
    let mut content_range = None;
    let body = if html {
        inject(bytes)
    } else if let (StatusCode::OK, Some(range)) = (status, range) {
        // audio, video and PDF viewers ask for parts of a file
        let len = bytes.len() as u64;
        match byte_range(range.to_str().unwrap_or_default(), len) {
            Ranged::Part(start, end) => {
                status = StatusCode::PARTIAL_CONTENT;
                content_range = Some(format!("bytes {start}-{end}/{len}"));
                bytes[start as usize..=end as usize].to_vec()
            }
            Ranged::Whole => bytes,
            Ranged::PastTheEnd => {
                let mut r = plain(StatusCode::RANGE_NOT_SATISFIABLE, "");
                if let Ok(v) = HeaderValue::from_str(&format!("bytes */{len}")) {
                    r.headers_mut().insert(header::CONTENT_RANGE, v);
                }
                return Some(r);
            }
        }
    } else {
        bytes
    };
    let mut r = Response::new(Body::from(body));
    *r.status_mut() = status;
    r.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(ctype));
    r.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if !html {
        r.headers_mut()
            .insert(header::ACCEPT_RANGES, HeaderValue::from_static("bytes"));
    }
    if let Some(v) = content_range.and_then(|c| HeaderValue::from_str(&c).ok()) {
        r.headers_mut().insert(header::CONTENT_RANGE, v);
    }
    Some(r)
}

/// What a `Range` header asks of a file.
#[derive(Debug, PartialEq, Eq)]
pub enum Ranged {
    /// The whole file: no usable single range (several ranges, another unit, or a malformed
    /// header, which RFC 9110 lets a server ignore).
    Whole,
    /// The bytes from the first to the last, inclusive.
    Part(u64, u64),
    /// A range that starts past the end (416).
    PastTheEnd,
}

/// The one byte range a `Range` header asks of a `len`-byte file.
pub fn byte_range(header: &str, len: u64) -> Ranged {
    let Some(spec) = header.trim().strip_prefix("bytes=") else {
        return Ranged::Whole;
    };
    if spec.contains(',') {
        return Ranged::Whole;
    }
    let Some((a, b)) = spec.trim().split_once('-') else {
        return Ranged::Whole;
    };
    let (a, b) = (a.trim(), b.trim());
    let (start, end) = match (a.parse::<u64>(), b.parse::<u64>()) {
        // `bytes=-N`: the last N bytes
        (Err(_), Ok(n)) if a.is_empty() => {
            if n == 0 || len == 0 {
                return Ranged::PastTheEnd;
            }
            (len.saturating_sub(n), len - 1)
        }
        (Ok(start), Err(_)) if b.is_empty() => (start, len.saturating_sub(1)),
        (Ok(start), Ok(end)) if start <= end => (start, end.min(len.saturating_sub(1))),
        _ => return Ranged::Whole,
    };
    if start >= len {
        return Ranged::PastTheEnd;
    }
    Ranged::Part(start, end)
}

/// Serves one request.
pub async fn handle(State(state): State<Arc<ServerState>>, req: Request<Body>) -> Response<Body> {
    if req.method() != axum::http::Method::GET && req.method() != axum::http::Method::HEAD {
        let mut r = plain(StatusCode::METHOD_NOT_ALLOWED, "only GET and HEAD");
        r.headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return r;
    }
    if !state.hosts.is_empty() {
        let host = req
            .headers()
            .get(header::HOST)
            .and_then(|h| h.to_str().ok())
            .unwrap_or_default()
            .to_ascii_lowercase();
        if !state.hosts.contains(&host) {
            return plain(
                StatusCode::MISDIRECTED_REQUEST,
                "refused: the Host header does not name this preview server",
            );
        }
    }
    let raw = req.uri().path().to_string();
    if raw.contains("//") {
        // `//ar` must not become a Location that a browser reads as the host `ar`
        let mut merged = String::with_capacity(raw.len());
        for c in raw.chars() {
            if !(c == '/' && merged.ends_with('/')) {
                merged.push(c);
            }
        }
        return redirect(&merged);
    }
    match raw.as_str() {
        "/__nashra/live.js" => {
            let mut r = Response::new(Body::from(LIVE_JS));
            r.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/javascript; charset=utf-8"),
            );
            return r;
        }
        "/__nashra/events" => {
            // a slot of its own, or a refusal: open pages never take the last connections
            return match Arc::clone(&state.streams).try_acquire_owned() {
                Ok(slot) => events(state, slot).await.into_response(),
                Err(_) => plain(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "too many open pages are listening for reloads; close some and reload this one\n",
                ),
            };
        }
        _ => {}
    }
    let served = state.served();
    if raw == "/" && served.base_path != "/" {
        let mut r = plain(StatusCode::FOUND, "");
        if let Ok(v) = HeaderValue::from_str(&served.base_path) {
            r.headers_mut().insert(header::LOCATION, v);
        }
        return r;
    }
    let segments = match resolve_request(&raw, &served.base_path) {
        Ok(s) => s,
        Err(StatusCode::NOT_FOUND) => return not_found(&served).await,
        Err(code) => return plain(code, "refused: this path is not inside the site"),
    };
    let mut path = served.output.clone();
    for s in &segments {
        path.push(s);
    }
    let meta = tokio::fs::symlink_metadata(&path).await;
    let target = match meta {
        Ok(m) if m.is_dir() || (m.file_type().is_symlink() && path.is_dir()) => {
            if !raw.ends_with('/') {
                // keep the query: `/ar/search?q=…` must still search
                return redirect(&match req.uri().query() {
                    Some(q) => format!("{raw}/?{q}"),
                    None => format!("{raw}/"),
                });
            }
            path.join("index.html")
        }
        Ok(_) => path,
        Err(_) => return not_found(&served).await,
    };
    let range = req.headers().get(header::RANGE);
    match file_response(&served.output, &target, StatusCode::OK, range).await {
        Some(r) => r,
        None => not_found(&served).await,
    }
}

async fn not_found(served: &Served) -> Response<Body> {
    match file_response(
        &served.output,
        &served.output.join("404.html"),
        StatusCode::NOT_FOUND,
        None,
    )
    .await
    {
        Some(r) => r,
        None => plain(StatusCode::NOT_FOUND, "not found"),
    }
}

/// An open page's event stream; `slot` is held while it is up.
async fn events(
    state: Arc<ServerState>,
    slot: tokio::sync::OwnedSemaphorePermit,
) -> Sse<impl tokio_stream::Stream<Item = Result<SseEvent, Infallible>>> {
    let current = state.error.read().ok().and_then(|e| e.clone());
    let first = match current {
        Some(text) => SseEvent::default().event("build-error").data(text),
        None => SseEvent::default().event("hello").data("ok"),
    };
    let rx = BroadcastStream::new(state.events.subscribe());
    let stream = tokio_stream::once(Ok(first)).chain(rx.filter_map(|e| match e {
        Ok(Event::Reload) => Some(Ok(SseEvent::default().event("reload").data("reload"))),
        Ok(Event::Error(text)) => Some(Ok(SseEvent::default().event("build-error").data(text))),
        Err(_) => None,
    }));
    let stream = stream.map(move |e| {
        let _held = &slot;
        e
    });
    Sse::new(stream).keep_alive(KeepAlive::new().interval(super::limits::keep_alive()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traversal_is_refused_in_every_spelling() {
        for raw in [
            "/../etc/passwd",
            "/ar/../../x",
            "/%2e%2e/x",
            "/%2E%2E/x",
            "/ar%2f..%2fx",
            "/..%5cx",
            "/a\\b",
            "/%00",
            "/./x",
        ] {
            assert!(resolve_request(raw, "/").is_err(), "{raw} must be refused");
        }
        assert_eq!(
            resolve_request("/ar/2025/", "/"),
            Ok(vec!["ar".to_string(), "2025".to_string()])
        );
        assert_eq!(
            resolve_request("/ar/%D9%82/", "/"),
            Ok(vec!["ar".to_string(), "ق".to_string()])
        );
        assert_eq!(
            resolve_request("/news/ar/", "/news/"),
            Ok(vec!["ar".to_string()])
        );
        assert_eq!(
            resolve_request("/other/", "/news/"),
            Err(StatusCode::NOT_FOUND)
        );
        assert_eq!(
            resolve_request("/newsroom/", "/news/"),
            Err(StatusCode::NOT_FOUND)
        );
        for private in [
            "/.nashra",
            "/ar/.index.html.nashra-tmp",
            "/.nashra-staging/x",
            "/.git/config",
            "/ar/.env",
            "/.htpasswd",
        ] {
            assert_eq!(
                resolve_request(private, "/"),
                Err(StatusCode::NOT_FOUND),
                "{private}"
            );
        }
    }

    #[test]
    fn well_known_files_are_served() {
        assert_eq!(
            resolve_request("/.well-known/security.txt", "/"),
            Ok(vec![".well-known".to_string(), "security.txt".to_string()])
        );
    }

    #[test]
    fn byte_ranges() {
        use Ranged::*;
        assert_eq!(byte_range("bytes=0-99", 1000), Part(0, 99));
        assert_eq!(byte_range("bytes=900-", 1000), Part(900, 999));
        assert_eq!(byte_range("bytes=-100", 1000), Part(900, 999));
        assert_eq!(byte_range("bytes=990-2000", 1000), Part(990, 999));
        assert_eq!(byte_range("bytes=-5000", 1000), Part(0, 999));
        assert_eq!(byte_range("bytes=1000-", 1000), PastTheEnd);
        assert_eq!(byte_range("bytes=-0", 1000), PastTheEnd);
        assert_eq!(byte_range("bytes=0-1,5-9", 1000), Whole);
        assert_eq!(byte_range("items=0-1", 1000), Whole);
        assert_eq!(byte_range("bytes=9-1", 1000), Whole);
        assert_eq!(byte_range("bytes=x", 1000), Whole);
    }

    #[test]
    fn script_goes_before_the_end_of_body() {
        let out = String::from_utf8(inject(b"<html><body><p>x</p></body></html>".to_vec()))
            .unwrap_or_default();
        assert_eq!(
            out,
            format!("<html><body><p>x</p>{SCRIPT_TAG}</body></html>")
        );
    }
}
