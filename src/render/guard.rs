//! Limits on one template render: a time limit and a size limit, so that a template that
//! loops or recurses without end (a component calling itself twice per level grows
//! exponentially under Tera's depth limit of 20) stops with an error naming the template
//! instead of running for hours or filling the memory.
//!
//! Tera cannot be interrupted, so the limits are checked where a render comes back to nashra:
//! every write of output ([`Guarded`]) and every call of nashra's template functions and
//! filters ([`check`]).

use std::cell::Cell;
use std::io::{self, Write};
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
}

/// The render's output: a buffer that refuses to grow past [`SIZE_LIMIT`] or to take more
/// writes after the deadline.
pub struct Guarded {
    pub out: Vec<u8>,
    writes: u32,
}

/// Starts guarding a render on this thread; the returned buffer is its output.
pub fn start(capacity: usize, limit: Duration) -> Guarded {
    DEADLINE.with(|d| d.set(Some(Instant::now() + limit)));
    TRIPPED.with(|t| t.set(None));
    Guarded {
        out: Vec::with_capacity(capacity),
        writes: 0,
    }
}

/// Ends the guard; tells which limit stopped the render, if one did.
pub fn finish() -> Option<Tripped> {
    DEADLINE.with(|d| d.set(None));
    TRIPPED.with(Cell::take)
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
        let mut g = start(0, Duration::ZERO);
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
    fn a_page_too_large_is_stopped() {
        let mut g = start(0, Duration::from_secs(30));
        assert!(g.write_all(&vec![b'x'; SIZE_LIMIT + 1]).is_err());
        assert_eq!(finish(), Some(Tripped::Size));
    }
}
