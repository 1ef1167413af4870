//! `nashra watch`: build, serve on loopback, rebuild on every change, reload open pages.
//!
//! The same stages as `build` (see [`session`]): the watcher only decides what to re-run. The
//! loop folds a burst of file events (an editor's save-by-rename, a `git checkout`) into one
//! rebuild: after the first event it waits until the file system has been quiet for
//! [`QUIET`], then rebuilds the final state of every touched path. The output folder is never
//! watched. After an error the last good site keeps being served, the error is printed and shown
//! over open pages, and the next good save clears it.

mod affected;
pub mod limits;
pub mod server;
pub mod session;

use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::Arc;
use std::time::{Duration, Instant};

use notify::{RecursiveMode, Watcher};

use crate::build::BuildOptions;
use crate::diagnostics::{Diagnostic, Diagnostics, Severity};
use server::{Event, ServerState};
use session::Session;

/// How long the file system must be quiet before a rebuild starts.
pub const QUIET: Duration = Duration::from_millis(15);
/// The longest a burst may delay a rebuild.
pub const MAX_WAIT: Duration = Duration::from_millis(1000);

pub struct WatchOptions {
    pub root: PathBuf,
    pub bind: IpAddr,
    pub port: u16,
    pub drafts: bool,
    /// Show articles dated after the current time.
    pub future: bool,
    pub wait: bool,
}

/// What `watch` says when it listens beyond this computer.
fn network_warning(local: SocketAddr) -> String {
    let reach = if local.ip().is_unspecified() {
        "any computer that can reach this one".to_string()
    } else {
        format!("computers that can reach {}", local.ip())
    };
    format!(
        "warning: the preview is reachable from the network: {reach} can read the site, drafts \
         and future articles included when they are shown; it is a preview server, not for \
         publishing. Leave out --bind to keep it on this computer (127.0.0.1)"
    )
}

/// Prints every diagnostic (warnings too: an editor who just added an unknown key should hear
/// about it now); returns the errors' text, shown in the pages' overlay.
fn report(diags: &Diagnostics) -> String {
    let mut text = String::new();
    for d in diags.snapshot() {
        eprintln!("{d}\n");
        if d.severity == Severity::Error {
            text.push_str(&d.to_string());
            text.push_str("\n\n");
        }
    }
    text
}

/// Runs until the process is stopped. Returns an error diagnostic if it cannot start.
pub fn run(opts: WatchOptions) -> Result<(), Diagnostic> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| Diagnostic::error("io", format!("cannot start the server runtime: {e}")))?;
    let addr = SocketAddr::new(opts.bind, opts.port);
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind(addr))
        .map_err(|e| {
            Diagnostic::error("bind", format!("cannot listen on {addr}: {e}"))
                .help("another program uses this port: pass --port with another number, or --port 0 for any free port")
        })?;
    let local = listener.local_addr().map_err(|e| {
        Diagnostic::error("bind", format!("cannot read the listening address: {e}"))
    })?;

    // Watch the site's sources, never the output.
    let (tx, rx) = mpsc::channel::<notify::Result<notify::Event>>();
    let mut watcher = notify::recommended_watcher(move |e| {
        let _ = tx.send(e);
    })
    .map_err(|e| Diagnostic::error("watch", format!("cannot watch files: {e}")))?;
    let root = std::fs::canonicalize(&opts.root).unwrap_or(opts.root.clone());
    // Set up before the first build, so that saves made while it runs are not lost.
    watcher
        .watch(&root, RecursiveMode::NonRecursive)
        .map_err(|e| Diagnostic::error("watch", format!("cannot watch {}: {e}", root.display())))?;
    let mut watched: Vec<PathBuf> = Vec::new();
    let watch_sources = |w: &mut notify::RecommendedWatcher, watched: &mut Vec<PathBuf>| {
        for dir in ["content", "templates", "locales", "static"] {
            let p = root.join(dir);
            if p.is_dir() && !watched.contains(&p) && w.watch(&p, RecursiveMode::Recursive).is_ok()
            {
                watched.push(p);
            }
        }
    };
    watch_sources(&mut watcher, &mut watched);

    let build_opts = BuildOptions {
        root: opts.root.clone(),
        output: None,
        base_url: None,
        drafts: opts.drafts,
        strict: false,
        wait: opts.wait,
        future: opts.future,
        now: None,
        progress: true,
        follow_output_link: false,
        fresh: true,
    };
    let diags = Diagnostics::new();
    let started = Instant::now();
    let mut session = Session::start(build_opts.clone(), &diags).ok();
    let first_error = report(&diags);

    // Where to serve from: the build's output, or (if the first build failed) where it would be.
    let (output, base_path) = match &session {
        Some(s) => (s.output().to_path_buf(), s.site().config.base_path.clone()),
        None => {
            let d = Diagnostics::new();
            let config = crate::config::load(&opts.root, &d);
            let out = config.as_ref().map_or_else(
                || opts.root.join("public"),
                |c| opts.root.join(&c.output_dir),
            );
            (out, config.map_or_else(|| "/".to_string(), |c| c.base_path))
        }
    };
    let mut output = std::fs::canonicalize(&output).unwrap_or(output);
    let state = ServerState::new(output.clone(), base_path.clone()).with_hosts(local);
    if session.is_none() {
        state.publish(Event::Error(first_error));
        eprintln!("the first build failed; fix the errors above and save: nashra keeps watching");
    } else {
        eprintln!("built in {} ms", started.elapsed().as_millis());
    }

    let app = axum::Router::new()
        .fallback(server::handle)
        .with_state(Arc::clone(&state));
    let listener = limits::Limited::new(listener);
    runtime.spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    println!("serving http://{local}{base_path} (Ctrl+C to stop)");
    if !local.ip().is_loopback() {
        eprintln!("{}", network_warning(local));
    }

    loop {
        let Some((paths, t0)) = next_batch(&rx, &output, &root) else {
            return Ok(());
        };
        if paths.is_empty() {
            continue;
        }
        watch_sources(&mut watcher, &mut watched);
        let diags = Diagnostics::new();
        let result = rebuild(&mut session, &build_opts, &paths, &diags);
        // site.toml may have moved the output or the site's path: serve what was just built
        if let (Ok(_), Some(s)) = (&result, &session) {
            let out = s.output().to_path_buf();
            let out = std::fs::canonicalize(&out).unwrap_or(out);
            let base = s.site().config.base_path.clone();
            if state.serve_from(out.clone(), base.clone()) {
                eprintln!("now serving {} at http://{local}{base}", out.display());
                output = out;
            }
        }
        announce(result, &diags, &state, t0, &describe(&paths, &root));
    }
}

/// Waits for the next file event, then folds every event that follows within the quiet period
/// (up to `MAX_WAIT`) into one sorted list of source paths, with the time of the first event.
/// `None` when the watcher is gone.
fn next_batch(
    rx: &mpsc::Receiver<notify::Result<notify::Event>>,
    output: &Path,
    root: &Path,
) -> Option<(Vec<PathBuf>, Instant)> {
    let first = rx.recv().ok()?;
    let t0 = Instant::now();
    let mut paths: Vec<PathBuf> = Vec::new();
    collect(first, &mut paths, output, root);
    while t0.elapsed() < MAX_WAIT {
        match rx.recv_timeout(QUIET) {
            Ok(e) => collect(e, &mut paths, output, root),
            Err(mpsc::RecvTimeoutError::Timeout) => break,
            Err(mpsc::RecvTimeoutError::Disconnected) => return None,
        }
    }
    paths.sort();
    paths.dedup();
    Some((paths, t0))
}

/// Brings the site up to date with the changed `paths`: through the session, or with a first
/// good build when there is no session yet (the site had errors from the start).
fn rebuild(
    session: &mut Option<Session>,
    build_opts: &BuildOptions,
    paths: &[PathBuf],
    diags: &Diagnostics,
) -> Result<session::Rebuilt, crate::diagnostics::Failed> {
    match session.as_mut() {
        Some(s) => s.apply(paths, diags),
        None => {
            *session = Some(Session::start(build_opts.clone(), diags)?);
            Ok(session::Rebuilt {
                full: true,
                ..Default::default()
            })
        }
    }
}

/// Tells open pages to reload (or shows them the errors) and prints a line about the rebuild.
fn announce(
    result: Result<session::Rebuilt, crate::diagnostics::Failed>,
    diags: &Diagnostics,
    state: &ServerState,
    t0: Instant,
    what: &str,
) {
    let errors = report(diags);
    match result {
        Ok(r) if r.rendered == 0 && r.removed == 0 && !r.full => {}
        Ok(r) => {
            state.publish(Event::Reload);
            eprintln!(
                "{} {} file{}{} in {} ms ({what})",
                if r.full {
                    "rebuilt the site:"
                } else {
                    "rebuilt"
                },
                r.rendered,
                if r.rendered == 1 { "" } else { "s" },
                if r.removed > 0 {
                    format!(", removed {}", r.removed)
                } else {
                    String::new()
                },
                t0.elapsed().as_millis(),
            );
        }
        Err(_) => {
            state.publish(Event::Error(errors));
            eprintln!("the site has errors; still serving the last good build");
        }
    }
}

/// Adds an event's paths to `paths`, leaving out the output folder and editors' leftovers (swap
/// files, backups, Vim's `4913` write test), which no build reads.
fn collect(e: notify::Result<notify::Event>, paths: &mut Vec<PathBuf>, output: &Path, root: &Path) {
    let Ok(e) = e else { return };
    if matches!(e.kind, notify::EventKind::Access(_)) {
        return;
    }
    for p in e.paths {
        // only the part inside the site counts: the site itself may sit in a hidden folder
        let ignored = match p.strip_prefix(root) {
            Ok(rel) => crate::safety::is_ignored_source(rel),
            Err(_) => p
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(crate::safety::is_editor_leftover),
        };
        if !(p.starts_with(output) || ignored) {
            paths.push(p);
        }
    }
}

fn describe(paths: &[PathBuf], root: &Path) -> String {
    let shown: Vec<String> = paths
        .iter()
        .take(3)
        .map(|p| p.strip_prefix(root).unwrap_or(p).display().to_string())
        .collect();
    if paths.len() > 3 {
        format!("{} and {} more", shown.join(", "), paths.len() - 3)
    } else {
        shown.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(paths: &[&str]) -> notify::Result<notify::Event> {
        let mut e = notify::Event::new(notify::EventKind::Modify(notify::event::ModifyKind::Any));
        for p in paths {
            e = e.add_path(PathBuf::from(p));
        }
        Ok(e)
    }

    #[test]
    fn leftovers_are_dropped_but_a_site_in_a_hidden_folder_is_watched() {
        let root = Path::new("/home/editor/.sites/news");
        let mut paths = Vec::new();
        collect(
            event(&[
                "/home/editor/.sites/news/content/2025/11/summit.ar.md",
                "/home/editor/.sites/news/content/2025/11/.summit.ar.md.swp",
                "/home/editor/.sites/news/content/2025/11/4913",
                "/home/editor/.sites/news/templates/.git/HEAD",
                "/home/editor/.sites/news/public/ar/index.html",
            ]),
            &mut paths,
            &root.join("public"),
            root,
        );
        assert_eq!(
            paths,
            [PathBuf::from(
                "/home/editor/.sites/news/content/2025/11/summit.ar.md"
            )]
        );
    }
}
