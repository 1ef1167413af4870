//! Incremental builds, the stage before all others: is the site already built, and what of it
//! can stay?
//!
//! `build` keeps one state per output folder in `.nashra-cache/build/` ([`state`]): the
//! fingerprint of every input ([`inputs`]), the options and the nashra that built it, the hash of
//! the output's `.nashra` manifest and the stat of every output file, the span of build times
//! over which the site stays the same (embargoes, expiries and the news sitemap's 48-hour window
//! end it), the digest and files of every render job ([`jobs`]), and the build's report and
//! problems. [`Cache::check`] answers with a [`Checked`]: the output is this build's result
//! already (`build` shows the old report and problems again and writes nothing); or only content,
//! static files or the clock changed, and the build renders only the jobs whose digests changed;
//! or everything is built — after a change to site.toml, authors.toml, a template or a message
//! file, other options, another nashra, an output changed since (by `watch` or another build), a
//! missing, damaged or foreign state — with one line saying why.

pub mod inputs;
pub mod jobs;
pub mod state;

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostics::Diagnostic;

/// What the last build into an output can give this one.
pub enum Checked<'a> {
    /// Nothing changed: the output is this build's result already.
    Same(&'a state::State),
    /// Content, static files or the clock changed, and the output is as the last build left it:
    /// the jobs whose digests are unchanged keep their files ([`jobs`]).
    Changed {
        why: String,
        /// The last build's jobs, bodies and search records.
        parts: state::Parts,
        /// The last build's report and problems (`build` reports again the message problems of
        /// the pages it keeps).
        report: Vec<u8>,
    },
    /// Everything is built; why (empty for a first build).
    Full(String),
}

/// One output's build state, before the build.
pub struct Cache {
    /// Where the state is kept.
    pub path: PathBuf,
    key: u128,
    /// The inputs as they are now (hashes filled in after a full build).
    pub now_inputs: Vec<inputs::Entry>,
    /// The state the last build left, if it can be used at all.
    pub old: Option<state::State>,
    /// Why there is no usable old state (shown with the full build); empty when there is none.
    pub missing: Option<String>,
}

/// What decides whether two builds of the same inputs are the same, besides the inputs.
pub struct Settings<'a> {
    pub root: &'a Path,
    pub output: &'a Path,
    pub base_url: Option<&'a str>,
    pub drafts: bool,
    pub future: bool,
}

/// The identity of this nashra (its version and its executable's length and time: a rebuilt
/// binary is another nashra) and the options that change the output.
pub fn settings_key(s: &Settings<'_>) -> u128 {
    let mut text = format!(
        "{}\n{}\n{}\n{:?}\n{}\n{}\n",
        env!("CARGO_PKG_VERSION"),
        crate::output::absolute(s.root).display(),
        crate::output::absolute(s.output).display(),
        s.base_url,
        s.drafts,
        s.future
    );
    if let Some(m) = std::env::current_exe()
        .ok()
        .and_then(|p| std::fs::metadata(p).ok())
    {
        text.push_str(&format!("{} {:?}\n", m.len(), m.modified().ok()));
    }
    xxhash_rust::xxh3::xxh3_128(text.as_bytes())
}

/// The state file of `output`: `CACHE_DIR/build/HASH.state`, one per output folder.
pub fn state_path(root: &Path, cache_dir: &Path, output: &Path) -> PathBuf {
    let abs = crate::output::absolute(output);
    let h = xxhash_rust::xxh3::xxh3_64(abs.as_os_str().as_encoded_bytes());
    root.join(cache_dir)
        .join("build")
        .join(format!("{h:016x}.state"))
}

/// Refuses a link at the cache folder or its `build/` folder: nashra never writes through one.
pub fn check_dir(root: &Path, cache_dir: &Path) -> Result<(), Diagnostic> {
    crate::safety::refuse_cache_link(root, &cache_dir.join("build"), "build cache")
}

/// The hash of `output`'s manifest, read without following a link; `None` if there is none.
pub fn marker_hash(output: &Path) -> Option<u128> {
    use std::io::Read;
    let mut f = crate::output::no_follow(std::fs::OpenOptions::new().read(true))
        .open(output.join(crate::output::MARKER))
        .ok()?;
    let mut bytes = Vec::new();
    f.read_to_end(&mut bytes).ok()?;
    Some(xxhash_rust::xxh3::xxh3_128(&bytes))
}

impl Cache {
    /// Fingerprints the inputs (without reading files) and reads the old state.
    pub fn open(root: &Path, follow: bool, path: PathBuf, key: u128) -> Result<Cache, String> {
        let t = std::time::Instant::now();
        let now_inputs = inputs::walk(root, follow)?;
        if std::env::var_os("NASHRA_TIMINGS").is_some() {
            eprintln!(
                "timing: cache: {} inputs walked in {:?}",
                now_inputs.len(),
                t.elapsed()
            );
        }
        let (old, missing) = match state::read(&path) {
            Ok(Some(s)) if s.key == key => (Some(s), None),
            Ok(Some(_)) => (
                None,
                Some("it was made by another nashra or with other options".to_string()),
            ),
            Ok(None) => (None, Some(String::new())),
            Err(why) => (None, Some(format!("{} {why}", path.display()))),
        };
        Ok(Cache {
            path,
            key,
            now_inputs,
            old,
            missing,
        })
    }

    /// What a build at `now` into an output whose manifest hashes to `marker` can take from the
    /// last one ([`Checked`]). When the inputs are the same but some had new times (a fresh
    /// checkout, a `touch`), their new stats are written to the state, so the next check need
    /// not read them.
    pub fn check(
        &mut self,
        now: jiff::Timestamp,
        output: &Path,
        marker: Option<u128>,
    ) -> Checked<'_> {
        let Some(old) = self.old.as_ref() else {
            return Checked::Full(self.missing.clone().unwrap_or_default());
        };
        if marker != Some(old.marker) {
            return Checked::Full("the output was changed since the last build".into());
        }
        if let Some(o) = old.outputs.par_iter().find_any(|o| !output_same(output, o)) {
            return Checked::Full(format!(
                "{} in the output was changed since the last build",
                o.path
            ));
        }
        let diff = inputs::diff(&old.inputs, &mut self.now_inputs);
        if let Some(why) = diff.global {
            return Checked::Full(why);
        }
        let t = now.as_nanosecond();
        let why = match diff.first {
            Some(why) => why,
            None if t < old.lo || t >= old.hi => {
                "the build time passed an embargo, an expiry or the news window".into()
            }
            None => {
                let Some(old) = self.old.as_mut() else {
                    return Checked::Full(String::new());
                };
                if diff.rehashed {
                    old.inputs = std::mem::take(&mut self.now_inputs);
                    let _ = state::write(&self.path, old);
                }
                return Checked::Same(old);
            }
        };
        let (parts, report) = match self.old.as_mut() {
            Some(o) => (
                std::mem::replace(&mut o.tail, state::Tail::Parts(state::Parts::default()))
                    .into_parts(),
                o.report.clone(),
            ),
            None => (Ok(state::Parts::default()), Vec::new()),
        };
        match parts {
            Ok(parts) => Checked::Changed { why, parts, report },
            Err(damaged) => Checked::Full(format!("{} {damaged}", self.path.display())),
        }
    }

    /// Records a finished full build: fills the inputs' hashes (from the old state where the
    /// files are untouched) and writes the state.
    pub fn save(
        mut self,
        output: &Path,
        files: &[String],
        marker: u128,
        span: (i128, i128),
        report: Vec<u8>,
        parts: state::Parts,
    ) -> std::io::Result<()> {
        let old = self.old.take().map(|s| s.inputs).unwrap_or_default();
        inputs::hash_all(&mut self.now_inputs, &old);
        let outputs = files
            .par_iter()
            .map(|rel| {
                let m = std::fs::symlink_metadata(output.join(rel))?;
                let (mtime, ctime, ino) = inputs::stat(&m);
                Ok(state::Output {
                    path: rel.clone(),
                    len: m.len(),
                    mtime,
                    ctime,
                    ino,
                })
            })
            .collect::<std::io::Result<Vec<_>>>()?;
        let s = state::State {
            key: self.key,
            marker,
            lo: span.0,
            hi: span.1,
            report,
            inputs: self.now_inputs,
            outputs,
            tail: state::Tail::Parts(parts),
        };
        state::write(&self.path, &s)?;
        prune(&self.path);
        Ok(())
    }
}

/// How many outputs' states are kept: a state is per output folder, and builds into a new
/// folder each time (benchmarks, previews) would otherwise leave one each.
const KEPT_STATES: usize = 4;

/// Removes all but the [`KEPT_STATES`] most recently written states beside `path` (never
/// `path` itself).
fn prune(path: &Path) {
    let Some(dir) = path.parent() else { return };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut states: Vec<(std::time::SystemTime, PathBuf)> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".state"))
        .filter(|e| e.path() != path)
        .filter_map(|e| {
            let m = e.metadata().ok()?;
            m.is_file().then_some(())?;
            Some((m.modified().ok()?, e.path()))
        })
        .collect();
    states.sort();
    let extra = states.len().saturating_sub(KEPT_STATES - 1);
    for (_, p) in states.into_iter().take(extra) {
        state::remove(&p);
    }
}

/// The span of build times around the site's `now` in which no publication rule changes its
/// answer for any document of `files` or any alert: embargoes lifting (`date`), expiries,
/// articles leaving the news sitemap (48 hours after `date`), alerts starting and expiring. Every rule is "now ≥ t" for some t, so the span is
/// `[latest t ≤ now, earliest t > now)`.
pub fn time_span(files: &crate::content::Files, site: &crate::model::Site) -> (i128, i128) {
    let now = site.now;
    let window = i128::from(crate::render::news_sitemap::WINDOW_HOURS) * 3_600 * 1_000_000_000 + 1;
    let t = now.as_nanosecond();
    let (mut lo, mut hi) = (i128::MIN, i128::MAX);
    let mut see = |e: i128| {
        if e <= t {
            lo = lo.max(e);
        } else {
            hi = hi.min(e);
        }
    };
    for parsed in files.markdown.values() {
        let Some(doc) = &parsed.document else {
            continue;
        };
        if let Some(d) = &doc.date {
            let d = d.timestamp().as_nanosecond();
            see(d);
            see(d.saturating_add(window));
        }
        if let Some(e) = &doc.expires {
            see(e.timestamp().as_nanosecond());
        }
    }
    for t in site.alerts.iter().flat_map(crate::alerts::Alert::times) {
        see(t.as_nanosecond());
    }
    (lo, hi)
}

/// Whether the output file `o` is still the file the build left (same inode, length and
/// modification time; a folder on its way replaced by a link gives another inode). The change
/// time is not compared: a picture's renditions are hard links to the image cache, and another
/// build linking the same cache file (a second output, `watch`) changes it.
fn output_same(output: &Path, o: &state::Output) -> bool {
    std::fs::symlink_metadata(output.join(&o.path)).is_ok_and(|m| {
        let (mtime, _, ino) = inputs::stat(&m);
        m.is_file() && m.len() == o.len && mtime == o.mtime && ino == o.ino
    })
}
