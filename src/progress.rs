//! Progress on a terminal while `build` runs: a spinner while content, images and the site model
//! load, then a bar over the pages being rendered. Nothing is drawn unless stderr is a terminal
//! (never in CI logs, pipes, `--format json`), nor before the build has run for
//! [`DELAY`] (a small site finishes first and prints only its summary); it redraws a few times a
//! second and clears its line before anything else is printed.

use std::io::IsTerminal;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long a build runs before progress appears.
pub const DELAY: Duration = Duration::from_millis(300);

/// What the stages report to; a hidden one costs an atomic add per step. Dropping it clears the
/// line, so a failed build's errors do not print beside a bar.
pub struct Progress {
    bar: ProgressBar,
    /// `Some` while the bar may still be shown; `true` once it is on the terminal. Locked
    /// around showing and finishing so that a late start cannot draw after the end.
    state: Option<Arc<Mutex<Shown>>>,
}

#[derive(Default)]
struct Shown {
    drawing: bool,
    finished: bool,
}

impl Progress {
    /// Nothing is drawn.
    pub fn hidden() -> Progress {
        Progress {
            bar: ProgressBar::hidden(),
            state: None,
        }
    }

    /// Drawn when `wanted`, stderr is a terminal (and `TERM` is not `dumb`), after [`DELAY`].
    pub fn for_terminal(wanted: bool) -> Progress {
        let terminal =
            std::io::stderr().is_terminal() && std::env::var_os("TERM").is_none_or(|t| t != "dumb");
        if !(wanted && terminal) {
            return Progress::hidden();
        }
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
        let state = Arc::new(Mutex::new(Shown::default()));
        let (later_bar, later_state) = (bar.clone(), Arc::clone(&state));
        let started = std::thread::Builder::new()
            .name("progress".into())
            .spawn(move || {
                std::thread::sleep(DELAY);
                if let Ok(mut s) = later_state.lock() {
                    if !s.finished {
                        s.drawing = true;
                        later_bar.set_draw_target(ProgressDrawTarget::stderr_with_hz(4));
                        later_bar.tick();
                        later_bar.enable_steady_tick(Duration::from_millis(250));
                    }
                }
            });
        Progress {
            bar,
            state: started.is_ok().then_some(state),
        }
    }

    /// A stage of unknown length: a spinner with `what` and the time so far.
    pub fn stage(&self, what: &'static str) {
        if self.state.is_none() {
            return;
        }
        self.bar.set_message(what);
        self.bar.set_length(0);
        self.bar.set_position(0);
        self.bar.set_style(
            ProgressStyle::with_template("{spinner} {msg} {elapsed}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
    }

    /// A stage of `len` steps, each reported with [`Progress::step`].
    pub fn counted(&self, what: &'static str, len: usize) {
        if self.state.is_none() {
            return;
        }
        self.bar.set_message(what);
        self.bar.set_position(0);
        self.bar.set_length(len as u64);
        self.bar.set_style(
            ProgressStyle::with_template("{msg} [{bar:30}] {human_pos}/{human_len} {elapsed}")
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
        );
    }

    pub fn step(&self) {
        self.bar.inc(1);
    }

    /// Removes the line, so that what is printed next starts on a clean line.
    pub fn done(&self) {
        let Some(state) = &self.state else { return };
        if let Ok(mut s) = state.lock() {
            if !s.finished {
                s.finished = true;
                if s.drawing {
                    self.bar.finish_and_clear();
                }
            }
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.done();
    }
}
