//! Stage 6: writing the output folder safely.
//!
//! A build writes into a fresh staging folder beside the output (`.NAME.nashra-staging`) and only
//! when the whole build succeeded swaps it in place of the old output, so a failed build leaves
//! the previous site byte-for-byte as it was. nashra writes nothing outside the output folder and
//! its staging siblings, and refuses an output folder that is, contains or lies inside the site's
//! sources, or that is not empty and was not made by nashra (it carries a `.nashra` marker).

use std::path::{Component, Path, PathBuf};

use crate::diagnostics::Diagnostic;

mod files;
mod links;
mod lock;

pub(crate) use files::no_follow;
use files::{at, io_error, make_parent};
pub use files::{
    copy_file, free_files, free_space, is_full, remove, replace_file, write_file, DISK_FULL,
};
pub(crate) use links::link_target;
pub use links::refuse_links;
pub use lock::{lock, OutputLock};

/// What a build did to nashra's files in the output, for a deploy step that uploads only what
/// changed: each list sorted, paths relative to the output.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    /// New files and files whose bytes changed.
    pub written: Vec<String>,
    /// Files with the bytes they had.
    pub unchanged: Vec<String>,
    /// Files of the old output that the new one does not have.
    pub removed: Vec<String>,
}

/// Marker file at the top of every output folder nashra made.
pub const MARKER: &str = ".nashra";
const MARKER_TEXT: &str = "This folder is written by nashra (`nashra build`); its contents are replaced on every build.\n";

/// Makes `path` absolute and removes `.`/`..` without touching the disk and without resolving
/// links (the folder may not exist).
pub(crate) fn lexical(path: &Path) -> PathBuf {
    let base = if path.is_absolute() {
        PathBuf::new()
    } else {
        std::env::current_dir().unwrap_or_default()
    };
    let mut out = PathBuf::new();
    for c in base.join(path).components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// [`lexical`], then with the links of the part that exists resolved.
pub fn absolute(path: &Path) -> PathBuf {
    let out = lexical(path);
    // Resolve symlinks of the existing part, so two spellings of one folder compare equal.
    let mut existing = out.clone();
    let mut rest = Vec::new();
    while !existing.exists() {
        match existing.file_name() {
            Some(n) => {
                rest.push(n.to_os_string());
                existing.pop();
            }
            None => break,
        }
    }
    let mut resolved = std::fs::canonicalize(&existing).unwrap_or(existing);
    for n in rest.into_iter().rev() {
        resolved.push(n);
    }
    resolved
}

/// Checks that `output` is a folder nashra may replace. `root` is the site root.
pub fn check_output_dir(root: &Path, output: &Path, preserve: &[String]) -> Result<(), Diagnostic> {
    let root = absolute(root);
    let out = absolute(output);
    let show = output.display();
    let refuse = |what: String| {
        Err(Diagnostic::error(
            "unsafe-output",
            format!("refusing to use `{show}` as the output folder: {what}"),
        )
        .help(
            "choose a separate folder such as `public`, with --output or `output_dir` in site.toml",
        ))
    };
    if out.parent().is_none() {
        return refuse("it is the root of the file system".into());
    }
    if root.starts_with(&out) {
        return refuse(if root == out {
            "it is the site folder".into()
        } else {
            "it contains the site folder".into()
        });
    }
    for src in ["content", "templates", "locales", "static"] {
        // resolved: a `content/` that is a link must not hide an output inside its target
        let s = absolute(&root.join(src));
        if out == s {
            return refuse(format!("it is the site's {src}/ folder"));
        }
        if out.starts_with(&s) {
            return refuse(format!("it is inside the site's {src}/ folder"));
        }
    }
    if out == root.join(crate::config::CONFIG_FILE) {
        return refuse("it is site.toml".into());
    }
    if out.exists() {
        if !out.is_dir() {
            return refuse("it exists and is not a folder".into());
        }
        match read_marker(&out) {
            Err(why) => return refuse(why),
            Ok(Some(_)) => {}
            Ok(None) => {
                // a folder nashra did not make: only if it holds nothing but kept entries
                let others: Vec<String> = std::fs::read_dir(&out)
                    .map(|d| {
                        d.filter_map(Result::ok)
                            .map(|e| e.file_name().to_string_lossy().into_owned())
                            .filter(|n| !kept(n, preserve))
                            .collect()
                    })
                    .unwrap_or_default();
                if !others.is_empty() {
                    return refuse(format!(
                        "it is not empty and was not made by nashra (no .nashra file in it; it has `{}`)",
                        others[0]
                    ));
                }
            }
        }
    }
    Ok(())
}

/// Where a build writes, until it is known to have succeeded.
///
/// Every build writes a complete new site into a staging folder beside the output
/// (`.NAME.nashra-staging`) and makes it the output with renames at the end, so the output is the
/// old site or the new one at every instant, also when the process is killed. Rebuilding into an
/// existing output, a file whose bytes are unchanged is hard-linked from the old output instead of
/// written (it keeps its modification time, and an unchanged site costs reads, not writes).
/// Files in the old output that nashra did not write (not in the `.nashra` manifest: `.git`,
/// `CNAME`, anything listed in `preserve`) are carried over the same way. A leftover of a killed
/// run is cleaned, or rolled back, by the next run.
pub struct Staging {
    pub dir: PathBuf,
    output: PathBuf,
    /// Regular files of the old output that nashra wrote, reached without following links.
    old: std::collections::HashSet<String>,
    /// Old files nashra did not write, to carry over.
    foreign: Vec<String>,
    /// Every file this build produced, and whether its bytes differ from the old output's.
    produced: std::sync::Mutex<Vec<(String, bool)>>,
    /// Files that could not be written because the disk is full, and their bytes: reported once
    /// ([`Staging::disk_full`]), not once per file.
    full_files: std::sync::atomic::AtomicUsize,
    full_bytes: std::sync::atomic::AtomicU64,
    /// Bytes written into the staging folder.
    written: std::sync::atomic::AtomicU64,
}

fn sibling(output: &Path, suffix: &str) -> PathBuf {
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    output.with_file_name(format!(".{name}.nashra-{suffix}"))
}

/// The first line of a `.nashra` marker; the lines after it name every file nashra wrote.
const MANIFEST_HEADER: &str = "nashra-output 1";

/// What an output's marker says: `None` if the folder has none; `Some(None)` for a marker of an
/// older nashra (no manifest); `Err` for a marker nashra did not write.
pub fn read_marker(
    output: &Path,
) -> Result<Option<Option<std::collections::HashSet<String>>>, String> {
    let path = output.join(MARKER);
    let meta = match std::fs::symlink_metadata(&path) {
        Ok(m) => m,
        Err(_) => return Ok(None),
    };
    if !meta.is_file() {
        return Err("its .nashra is not a regular file".into());
    }
    let text =
        std::fs::read_to_string(&path).map_err(|e| format!("cannot read its .nashra: {e}"))?;
    if text == MARKER_TEXT {
        return Ok(Some(None));
    }
    let mut lines = text.lines();
    if lines.next() != Some(MARKER_TEXT.trim_end()) || lines.next() != Some(MANIFEST_HEADER) {
        return Err("its .nashra file was not written by nashra".into());
    }
    Ok(Some(Some(lines.map(str::to_string).collect())))
}

/// Adds files written into `output` outside a build (by `watch`) to its marker's manifest.
pub fn record_written(output: &Path, rels: &[String]) {
    use std::io::Write;
    if rels.is_empty() {
        return;
    }
    if let Ok(mut f) =
        files::no_follow(std::fs::OpenOptions::new().append(true)).open(output.join(MARKER))
    {
        let mut text = String::new();
        for r in rels {
            text.push_str(r);
            text.push('\n');
        }
        let _ = f.write_all(text.as_bytes());
    }
}

/// Whether the top-level entry of `rel` is kept although nashra did not write it.
fn kept(rel: &str, preserve: &[String]) -> bool {
    let top = rel.split('/').next().unwrap_or(rel);
    (top.starts_with('.') && top != MARKER)
        || preserve.iter().any(|p| {
            rel == p
                || rel
                    .strip_prefix(p.as_str())
                    .is_some_and(|r| r.starts_with('/'))
        })
}

/// Puts a killed run's leftovers right: a site renamed aside and not replaced goes back; the
/// rest is removed.
fn recover(output: &Path) -> std::io::Result<()> {
    let old = sibling(output, "old");
    let staging = sibling(output, "staging");
    // a link here was not made by nashra: never rename it into place or delete through it
    for own in [&old, &staging] {
        if let Some(target) = links::link_target(own) {
            return Err(std::io::Error::other(format!(
                "{} is a symbolic link (to {}), which nashra never follows; remove it",
                own.display(),
                target.display()
            )));
        }
    }
    if std::fs::symlink_metadata(&old).is_ok() {
        if std::fs::symlink_metadata(output).is_err() {
            std::fs::rename(&old, output)?;
        } else {
            std::fs::remove_dir_all(&old)?;
        }
    }
    if std::fs::symlink_metadata(&staging).is_ok() {
        std::fs::remove_dir_all(&staging)?;
    }
    Ok(())
}

impl Staging {
    /// Creates an empty staging folder beside `output` (after cleaning a crashed run's leftovers)
    /// and indexes the old output. `preserve` is site.toml's list.
    pub fn create(output: &Path, preserve: &[String]) -> std::io::Result<Staging> {
        let output = absolute(output);
        if let Some(parent) = output.parent() {
            std::fs::create_dir_all(parent)?;
        }
        recover(&output)?;
        let dir = sibling(&output, "staging");
        std::fs::create_dir(&dir)?;
        let mut old = std::collections::HashSet::new();
        let mut foreign = Vec::new();
        if std::fs::symlink_metadata(&output).is_ok_and(|m| m.is_dir()) {
            let manifest = read_marker(&output).map_err(std::io::Error::other)?;
            // from the folders alone, in parallel: no stat per file
            for (rel, t) in crate::safety::tree_entries(&output, &|e| e.file_type())? {
                if t.is_dir() {
                    continue;
                }
                let rel = String::from_utf8_lossy(&rel).into_owned();
                let is_file = t.is_file();
                if rel == MARKER {
                    continue;
                }
                // with an older marker (no manifest) or none, every entry not kept is nashra's
                let ours = !kept(&rel, preserve)
                    && match &manifest {
                        Some(Some(m)) => m.contains(&rel),
                        _ => true,
                    };
                if !ours {
                    foreign.push(rel);
                } else if is_file {
                    old.insert(rel);
                }
            }
        }
        Ok(Staging {
            dir,
            output,
            old,
            foreign,
            produced: std::sync::Mutex::new(Vec::new()),
            full_files: Default::default(),
            full_bytes: Default::default(),
            written: Default::default(),
        })
    }

    fn produced(&self, rel: &str, changed: bool) {
        match self.produced.lock() {
            Ok(mut v) => v.push((rel.to_string(), changed)),
            Err(p) => p.into_inner().push((rel.to_string(), changed)),
        }
    }

    /// Whether the old output's `rel` (a file nashra wrote) has the bytes of `from`: the same
    /// file (a link to the same cache entry), or equal bytes.
    fn same_as(&self, rel: &str, from: &Path) -> bool {
        let old = self.output.join(rel);
        let (Ok(a), Ok(b)) = (std::fs::symlink_metadata(&old), std::fs::metadata(from)) else {
            return false;
        };
        if !a.is_file() || a.len() != b.len() || !self.old.contains(rel) {
            return false;
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            if a.ino() == b.ino() && a.dev() == b.dev() {
                return true;
            }
        }
        matches!((std::fs::read(&old), std::fs::read(from)), (Ok(x), Ok(y)) if x == y)
    }

    /// Whether the old output has `rel` as a file nashra wrote, of `len` bytes that `same`
    /// accepts; if so it is hard-linked into the staging folder.
    fn reuse(&self, rel: &str, len: u64, same: impl FnOnce(&[u8]) -> bool) -> bool {
        if !self.old.contains(rel) {
            return false;
        }
        // the length first: a changed page is seldom the same length, and a stat is cheaper
        // than reading it
        if std::fs::symlink_metadata(self.output.join(rel)).map_or(true, |m| m.len() != len) {
            return false;
        }
        let old = self.output.join(rel);
        if !std::fs::read(&old).is_ok_and(|b| same(&b)) {
            return false;
        }
        let new = self.dir.join(rel);
        make_parent(&new).is_ok() && std::fs::hard_link(&old, &new).is_ok()
    }

    /// Keeps the old output's `rel`, a file nashra wrote, without reading it: it is hard-linked
    /// into the staging folder. Only for a file the build cache has just found as the last build
    /// left it (`incremental`). False when there is no such file or it cannot be linked.
    pub fn keep(&self, rel: &str) -> bool {
        if !self.old.contains(rel) || crate::safety::check_rel(rel).is_err() {
            return false;
        }
        let new = self.dir.join(rel);
        let linked = match std::fs::hard_link(self.output.join(rel), &new) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                make_parent(&new).is_ok() && std::fs::hard_link(self.output.join(rel), &new).is_ok()
            }
            r => r.is_ok(),
        };
        if linked {
            self.produced(rel, false);
        }
        linked
    }

    /// Takes back a file [`Staging::keep`] linked (its job is made again after all).
    pub fn unkeep(&self, rel: &str) {
        let _ = std::fs::remove_file(self.dir.join(rel));
        match self.produced.lock() {
            Ok(mut v) => v.retain(|(r, _)| r != rel),
            Err(p) => p.into_inner().retain(|(r, _)| r != rel),
        }
    }

    /// The result of writing `len` bytes: a full disk is counted here and reported once by
    /// [`Staging::disk_full`] (a site of 10,000 files would otherwise print 10,000 errors).
    fn wrote(&self, len: u64, r: Result<(), Diagnostic>) -> Result<bool, Diagnostic> {
        use std::sync::atomic::Ordering::Relaxed;
        match r {
            Ok(()) => {
                self.written.fetch_add(len, Relaxed);
                Ok(true)
            }
            Err(d) if d.kind == DISK_FULL => {
                self.full_files.fetch_add(1, Relaxed);
                self.full_bytes.fetch_add(len, Relaxed);
                Ok(false)
            }
            Err(d) => Err(d),
        }
    }

    /// The one error of a build that ran out of disk space, if it did: where, how much the new
    /// site needs and how much is free.
    pub fn disk_full(&self) -> Option<Diagnostic> {
        use std::sync::atomic::Ordering::Relaxed;
        let files = self.full_files.load(Relaxed);
        if files == 0 {
            return None;
        }
        let missing = self.full_bytes.load(Relaxed);
        let needed = self.written.load(Relaxed) + missing;
        let folder = self.output.parent().unwrap_or(&self.output);
        let mib = |b: u64| b.div_ceil(1 << 20);
        if free_files(folder) == Some(0) {
            return Some(
                Diagnostic::error(
                    DISK_FULL,
                    format!(
                        "the file system of {} can hold no more files (its inodes are used up): {files} files of the new site could not be written",
                        folder.display()
                    ),
                )
                .help("space is left, but not room for more files; remove files you do not need on that file system (a stale cache or old builds), or build onto another one"),
            );
        }
        let free =
            free_space(folder).map_or(String::new(), |f| format!(", {} MiB are free now", mib(f)));
        Some(
            Diagnostic::error(
                DISK_FULL,
                format!(
                    "no space left on the device of {}: {files} files ({} MiB) of the new site could not be written",
                    folder.display(),
                    mib(missing),
                ),
            )
            .help(format!(
                "the new site needs about {} MiB beside the old one (which stays until the new one is complete){free}; free some space and build again",
                mib(needed)
            )),
        )
    }

    /// One output file. Returns whether it had to be written.
    pub fn put(&self, rel: &str, bytes: &[u8]) -> Result<bool, Diagnostic> {
        crate::safety::check_rel(rel).map_err(|why| crate::safety::unsafe_path(rel, &why))?;
        if self.reuse(rel, bytes.len() as u64, |old| old == bytes) {
            self.produced(rel, false);
            return Ok(false);
        }
        self.produced(rel, true);
        self.wrote(bytes.len() as u64, write_file(&self.dir, rel, bytes))
    }

    /// One output file copied from `from`. Returns whether it had to be copied.
    pub fn put_copy(&self, rel: &str, from: &Path) -> Result<bool, Diagnostic> {
        crate::safety::check_rel(rel).map_err(|why| crate::safety::unsafe_path(rel, &why))?;
        let len = std::fs::metadata(from).map_or(u64::MAX, |m| m.len());
        if self.reuse(rel, len, |old| std::fs::read(from).is_ok_and(|b| b == old)) {
            self.produced(rel, false);
            return Ok(false);
        }
        self.produced(rel, true);
        self.wrote(len, copy_file(&self.dir, rel, from))
    }

    /// One output file that is a hard link to `from`, a file that is never changed in place (an
    /// image cache entry, written by rename): no bytes are copied. Falls back to a copy where
    /// links cannot be made (another file system).
    pub fn put_link(&self, rel: &str, from: &Path) -> Result<bool, Diagnostic> {
        crate::safety::check_rel(rel).map_err(|why| crate::safety::unsafe_path(rel, &why))?;
        self.produced(rel, !self.same_as(rel, from));
        let new = self.dir.join(rel);
        // the folder usually exists already (renditions share it): try first, make it if not
        let linked = match std::fs::hard_link(from, &new) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && from.exists() => {
                if let Err(d) = make_parent(&new) {
                    return self.wrote(0, Err(d));
                }
                std::fs::hard_link(from, &new)
            }
            r => r,
        };
        match linked {
            Ok(()) => Ok(true),
            Err(e) if is_full(&e) => self.wrote(
                0,
                Err(io_error(format!("cannot write {}", new.display()), &e)),
            ),
            Err(_) => {
                let len = std::fs::metadata(from).map_or(0, |m| m.len());
                self.wrote(len, copy_file(&self.dir, rel, from))
            }
        }
    }

    /// Makes the staged site the output: carries over what nashra did not write, writes the
    /// manifest, then swaps the folders. An error names the file it is about. Returns which of
    /// nashra's files were written, which kept their bytes, and which are gone.
    pub fn commit(self) -> Result<Changes, String> {
        let mut produced = match self.produced.into_inner() {
            Ok(v) => v,
            Err(p) => p.into_inner(),
        };
        for rel in &self.foreign {
            let from = self.output.join(rel);
            let to = self.dir.join(rel);
            if std::fs::symlink_metadata(&to).is_ok() {
                continue; // the new site has a file there
            }
            if let Some(parent) = to.parent() {
                if std::fs::create_dir_all(parent).is_err() {
                    continue; // a generated file where the kept one's folder was
                }
            }
            let meta = std::fs::symlink_metadata(&from).map_err(at("cannot read", &from))?;
            let carry = |e: std::io::Error| {
                format!(
                    "cannot carry {} (not written by nashra) over to the new site at {}: {e}",
                    from.display(),
                    to.display()
                )
            };
            #[cfg(unix)]
            if meta.file_type().is_symlink() {
                let target =
                    std::fs::read_link(&from).map_err(at("cannot read the link", &from))?;
                std::os::unix::fs::symlink(target, &to).map_err(carry)?;
                continue;
            }
            if meta.is_file() && std::fs::hard_link(&from, &to).is_err() {
                std::fs::copy(&from, &to).map_err(carry)?;
            }
        }
        produced.sort_unstable();
        produced.dedup_by(|a, b| a.0 == b.0);
        let mut marker = String::with_capacity(produced.len() * 48 + 200);
        marker.push_str(MARKER_TEXT);
        marker.push_str(MANIFEST_HEADER);
        marker.push('\n');
        for (rel, _) in &produced {
            marker.push_str(rel);
            marker.push('\n');
        }
        let manifest = self.dir.join(MARKER);
        std::fs::write(&manifest, marker).map_err(at("cannot write", &manifest))?;
        Self::swap(&self.dir, &self.output)?;
        let mut changes = Changes::default();
        let mut removed: Vec<String> = self
            .old
            .into_iter()
            .filter(|k| {
                produced
                    .binary_search_by(|(p, _)| p.as_str().cmp(k))
                    .is_err()
            })
            .collect();
        removed.sort_unstable();
        changes.removed = removed;
        for (rel, changed) in produced {
            if changed {
                changes.written.push(rel);
            } else {
                changes.unchanged.push(rel);
            }
        }
        Ok(changes)
    }

    /// Replaces the output with the staging folder. Where the system can exchange two paths in
    /// one step (Linux `renameat2(RENAME_EXCHANGE)`, macOS `renameatx_np(RENAME_SWAP)`), it does,
    /// and a reader of the output never finds it missing. Elsewhere, or where the file system
    /// refuses the exchange, the old output is renamed aside, the new one renamed in, the old one
    /// removed: a kill between the renames leaves the old site aside, which the next run puts
    /// back ([`recover`]) before anything else.
    fn swap(dir: &Path, output: &Path) -> Result<(), String> {
        // one atomic exchange where the system has it: the output path always holds a site
        if exchange(dir, output) {
            // the old site is now at the staging path; a kill here leaves it for the next run
            // to remove, as any staging leftover
            return remove_tree(dir)
                .map_err(|e| format!("cannot remove the old site at {}: {e}", dir.display()));
        }
        Self::swap_by_renames(dir, output)
    }

    /// [`Staging::swap`] where the system cannot exchange two folders: the old output renamed
    /// aside, the new one renamed in, the old one removed.
    fn swap_by_renames(dir: &Path, output: &Path) -> Result<(), String> {
        let old = sibling(output, "old");
        if std::fs::symlink_metadata(output).is_ok() {
            std::fs::rename(output, &old).map_err(|e| {
                format!(
                    "cannot move the old site {} aside to {}: {e}",
                    output.display(),
                    old.display()
                )
            })?;
        }
        if let Err(e) = std::fs::rename(dir, output) {
            // put the old site back
            let _ = std::fs::rename(&old, output);
            return Err(format!(
                "cannot move the new site {} to {}: {e}",
                dir.display(),
                output.display()
            ));
        }
        if std::fs::symlink_metadata(&old).is_ok() {
            remove_tree(&old)
                .map_err(|e| format!("cannot remove the old site at {}: {e}", old.display()))?;
        }
        Ok(())
    }

    /// Throws the staging folder away (failed build).
    pub fn discard(self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Exchanges the folders `dir` and `output` in one step; `false` where the system or the file
/// system cannot (then nothing was changed).
#[cfg(any(target_os = "linux", target_os = "android", target_vendor = "apple"))]
fn exchange(dir: &Path, output: &Path) -> bool {
    if !std::fs::symlink_metadata(output).is_ok_and(|m| m.is_dir()) {
        return false;
    }
    rustix::fs::renameat_with(
        rustix::fs::CWD,
        dir,
        rustix::fs::CWD,
        output,
        rustix::fs::RenameFlags::EXCHANGE,
    )
    .is_ok()
}

#[cfg(not(any(target_os = "linux", target_os = "android", target_vendor = "apple")))]
fn exchange(_: &Path, _: &Path) -> bool {
    false
}

/// Removes the folder `dir` and everything in it, its sub-folders two levels down on every core
/// (the old site of a rebuild has tens of thousands of files). Links are removed, not followed.
fn remove_tree(dir: &Path) -> std::io::Result<()> {
    use rayon::prelude::*;
    let mut parts = Vec::new();
    for e in std::fs::read_dir(dir)?.filter_map(Result::ok) {
        let is_dir = e.file_type().is_ok_and(|t| t.is_dir());
        if is_dir {
            if let Ok(sub) = std::fs::read_dir(e.path()) {
                parts.extend(sub.filter_map(Result::ok).map(|s| s.path()));
            }
        } else {
            parts.push(e.path());
        }
    }
    parts.par_iter().for_each(|p| {
        let _ = match std::fs::symlink_metadata(p) {
            Ok(m) if m.is_dir() => std::fs::remove_dir_all(p),
            _ => std::fs::remove_file(p),
        };
    });
    std::fs::remove_dir_all(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 29.3: a file staged twice (once hard-linked from the old output because unchanged,
    /// then written again) was written through the link into the live old output.
    #[test]
    fn staging_never_writes_through_a_hard_link_into_the_old_output() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let output = dir.path().join("public");
        std::fs::create_dir_all(&output).unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(output.join(MARKER), MARKER_TEXT).unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(output.join("robots.txt"), "old").unwrap_or_else(|e| panic!("{e}"));
        let from = dir.path().join("evil.txt");
        std::fs::write(&from, "evil").unwrap_or_else(|e| panic!("{e}"));
        for copy in [false, true] {
            let staging = Staging::create(&output, &[]).unwrap_or_else(|e| panic!("{e}"));
            // unchanged: hard-linked from the old output
            assert_eq!(staging.put("robots.txt", b"old"), Ok(false));
            let r = if copy {
                staging.put_copy("robots.txt", &from)
            } else {
                staging.put("robots.txt", b"evil")
            };
            assert_eq!(r, Ok(true));
            assert_eq!(
                std::fs::read_to_string(staging.dir.join("robots.txt")).unwrap_or_default(),
                "evil"
            );
            // the build fails: the old output is as it was
            staging.discard();
            assert_eq!(
                std::fs::read_to_string(output.join("robots.txt")).unwrap_or_default(),
                "old",
                "copy: {copy}"
            );
        }
    }

    #[test]
    fn a_failed_swap_names_the_folders_and_keeps_the_old_site() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let output = dir.path().join("public");
        std::fs::create_dir_all(&output).unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(output.join(MARKER), MARKER_TEXT).unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(output.join("old.html"), "old").unwrap_or_else(|e| panic!("{e}"));
        let staging = Staging::create(&output, &[]).unwrap_or_else(|e| panic!("{e}"));
        staging
            .put("new.html", b"new")
            .unwrap_or_else(|d| panic!("{d}"));
        // something else took the name the old site is moved to, after the staging began (the
        // two-rename swap, used where the system cannot exchange folders in one step)
        let aside = sibling(&absolute(&output), "old");
        std::fs::create_dir_all(aside.join("x")).unwrap_or_else(|e| panic!("{e}"));
        let err = Staging::swap_by_renames(&staging.dir, &staging.output)
            .err()
            .unwrap_or_default();
        assert!(
            err.starts_with(&format!(
                "cannot move the old site {} aside to {}: ",
                absolute(&output).display(),
                aside.display()
            )),
            "{err}"
        );
        assert_eq!(
            std::fs::read_to_string(output.join("old.html")).unwrap_or_default(),
            "old"
        );
    }
}
