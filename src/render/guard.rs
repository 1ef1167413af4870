//! Limits on one template render: a time limit and a size limit, so that a template that
//! loops or recurses without end (a component calling itself twice per level grows
//! exponentially under Tera's depth limit of 20) stops with an error naming the template
//! instead of running for hours or filling the memory.
//!
//! Tera cannot be interrupted, so the limits are checked where a render comes back to nashra:
//! every write of output ([`Guarded`]) and every call of nashra's template functions and
//! filters ([`check`]). A render that writes nothing and calls nothing (an empty loop inside a
//! loop) never comes back: every render is listed while it runs ([`stuck`]), and the command
//! that runs the build watches that list ([`watchdog`]) and ends the process with the template
//! and the article named, leaving the previous output as it was.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::Mutex;
use std::thread::ThreadId;
use std::time::{Duration, Instant};

/// How large one rendered page may grow.
pub const SIZE_LIMIT: usize = 256 << 20;

/// Which limit stopped a render.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tripped {
    Time,
    Size,
}

thread_local! {
    static DEADLINE: Cell<Option<Instant>> = const { Cell::new(None) };
    static TRIPPED: Cell<Option<Tripped>> = const { Cell::new(None) };
    static CALLS: Cell<u32> = const { Cell::new(0) };
    /// The content file whose page this thread renders, for the watchdog's message.
    static ABOUT: RefCell<Option<PathBuf>> = const { RefCell::new(None) };
}

/// A render in progress, as the watchdog sees it.
#[derive(Clone, Debug)]
pub struct Running {
    pub deadline: Instant,
    pub limit: Duration,
    pub template: String,
    /// The template's file, as diagnostics show it.
    pub file: PathBuf,
    /// The content file whose page it is, if it is one.
    pub about: Option<PathBuf>,
}

static RUNNING: Mutex<Option<HashMap<ThreadId, Running>>> = Mutex::new(None);

fn running<T>(f: impl FnOnce(&mut HashMap<ThreadId, Running>) -> T) -> T {
    let mut g = match RUNNING.lock() {
        Ok(g) => g,
        Err(p) => p.into_inner(),
    };
    f(g.get_or_insert_with(HashMap::new))
}

/// Names the content file whose page the renders on this thread make, until called again.
pub fn about(file: Option<PathBuf>) {
    ABOUT.with(|a| *a.borrow_mut() = file);
}

/// The render that has overrun its deadline by more than `grace`, if one has: it writes
/// nothing and calls nothing, so it cannot be stopped from inside.
pub fn stuck(grace: Duration) -> Option<Running> {
    let now = Instant::now();
    running(|m| {
        m.values()
            .filter(|r| now > r.deadline + grace)
            .min_by_key(|r| r.deadline)
            .cloned()
    })
}

/// Starts a thread that calls `on_stuck` (once) when a render overruns its deadline by more than
/// `grace` without coming back. `on_stuck` is expected to end the process: nothing else can stop
/// the render.
pub fn watchdog(grace: Duration, on_stuck: impl FnOnce(Running) + Send + 'static) {
    let _ = std::thread::Builder::new()
        .name("nashra-render-watchdog".into())
        .spawn(move || loop {
            std::thread::sleep(Duration::from_millis(200));
            if let Some(r) = stuck(grace) {
                on_stuck(r);
                return;
            }
        });
}

/// The render's output: a buffer that refuses to grow past [`SIZE_LIMIT`] or to take more
/// writes after the deadline.
pub struct Guarded {
    pub out: Vec<u8>,
    writes: u32,
}

/// Starts guarding a render of `template` (its file `file`) on this thread; the returned buffer
/// is its output.
pub fn start(capacity: usize, limit: Duration, template: &str, file: PathBuf) -> Guarded {
    let deadline = Instant::now() + limit;
    DEADLINE.with(|d| d.set(Some(deadline)));
    TRIPPED.with(|t| t.set(None));
    let about = ABOUT.with(|a| a.borrow().clone());
    running(|m| {
        m.insert(
            std::thread::current().id(),
            Running {
                deadline,
                limit,
                template: template.to_string(),
                file,
                about,
            },
        )
    });
    Guarded {
        out: Vec::with_capacity(capacity),
        writes: 0,
    }
}

/// Ends the guard; tells which limit stopped the render, if one did. A render that came back
/// after its deadline without being stopped (it wrote and called nothing for long) is stopped by
/// time too.
pub fn finish() -> Option<Tripped> {
    running(|m| m.remove(&std::thread::current().id()));
    let late = late();
    DEADLINE.with(|d| d.set(None));
    TRIPPED.with(Cell::take).or(late.then_some(Tripped::Time))
}

fn trip(why: Tripped) -> io::Error {
    TRIPPED.with(|t| t.set(Some(why)));
    io::Error::other(match why {
        Tripped::Time => "the render took too long",
        Tripped::Size => "the page grew too large",
    })
}

/// Whether this thread's render is past its deadline (an error for Tera if it is). Reads the
/// clock on one call in 64: templates call nashra's functions thousands of times a page.
pub fn check() -> tera::TeraResult<()> {
    let n = CALLS.with(|c| {
        let n = c.get().wrapping_add(1);
        c.set(n);
        n
    });
    if n.is_multiple_of(64) && late() {
        return Err(tera::Error::message(trip(Tripped::Time).to_string()));
    }
    Ok(())
}

fn late() -> bool {
    DEADLINE.with(|d| d.get().is_some_and(|d| Instant::now() > d))
}

impl Write for Guarded {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.out.len() + buf.len() > SIZE_LIMIT {
            return Err(trip(Tripped::Size));
        }
        // the clock every 1024 writes: a page makes thousands of small writes
        self.writes = self.writes.wrapping_add(1);
        if self.writes.is_multiple_of(1024) && late() {
            return Err(trip(Tripped::Time));
        }
        self.out.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_render_past_its_deadline_is_stopped_and_reported() {
        let mut g = start(
            0,
            Duration::ZERO,
            "t.html",
            PathBuf::from("templates/t.html"),
        );
        std::thread::sleep(Duration::from_millis(2));
        let mut stopped = false;
        for _ in 0..2000 {
            if g.write_all(b"x").is_err() {
                stopped = true;
                break;
            }
        }
        assert!(stopped);
        assert_eq!(finish(), Some(Tripped::Time));
        assert_eq!(finish(), None);
    }

    #[test]
    fn a_render_that_never_comes_back_is_seen_by_the_watchdog() {
        let (tx, rx) = std::sync::mpsc::channel();
        let spinning = std::thread::spawn(move || {
            about(Some(PathBuf::from("content/a.md")));
            let _g = start(
                0,
                Duration::ZERO,
                "loop.html",
                PathBuf::from("templates/loop.html"),
            );
            // a silent loop: no write, no call; it ends only when told
            let _ = rx.recv();
            finish()
        });
        let seen = (0..200).find_map(|_| {
            std::thread::sleep(Duration::from_millis(5));
            stuck(Duration::ZERO).filter(|r| r.template == "loop.html")
        });
        let seen = seen.unwrap_or_else(|| panic!("the watchdog saw nothing"));
        assert_eq!(seen.about, Some(PathBuf::from("content/a.md")));
        let _ = tx.send(());
        // it came back late: stopped by time all the same
        assert_eq!(spinning.join().ok().flatten(), Some(Tripped::Time));
    }

    #[test]
    fn a_page_too_large_is_stopped() {
        let mut g = start(0, Duration::from_secs(30), "t.html", PathBuf::new());
        assert!(g.write_all(&vec![b'x'; SIZE_LIMIT + 1]).is_err());
        assert_eq!(finish(), Some(Tripped::Size));
    }
}
