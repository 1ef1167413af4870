//! Fingerprints of everything a build reads from the site folder: `site.toml`, `authors.toml`,
//! `alerts.toml`, and every entry under `content/`, `templates/`, `locales/` and `static/`.
//!
//! An entry is its path, kind, length, modification and change times, inode, and — for a file —
//! the xxh3-128 hash of its bytes. A later walk trusts an entry whose stat is unchanged and hashes
//! the rest again, so a fresh checkout (new times, new inodes, same bytes) is recognised as
//! unchanged by its content. A file modified within [`RACY`] of the walk is marked racy: a second
//! edit in the same clock tick could keep its length and times, so its hash is checked every time
//! (git's "racily clean" entries).

use std::path::{Path, PathBuf};

use rayon::prelude::*;

/// Files changed this close (in nanoseconds) before a walk are hashed again on every check.
const RACY: i64 = 2_000_000_000;

/// What an entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    File = 0,
    Dir = 1,
    /// A symbolic link that is not followed; its hash is the hash of its target path.
    Link = 2,
}

impl Kind {
    pub fn from_u8(b: u8) -> Option<Kind> {
        Some(match b {
            0 => Kind::File,
            1 => Kind::Dir,
            2 => Kind::Link,
            _ => return None,
        })
    }
}

/// One input entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Relative to the site root, `/`-separated, as the system's bytes.
    pub path: Vec<u8>,
    pub kind: Kind,
    pub len: u64,
    pub mtime: i64,
    pub ctime: i64,
    pub ino: u64,
    pub racy: bool,
    /// The hash of the bytes (files) or of the link target (links); `None` until computed.
    pub hash: Option<u128>,
    /// Where it is, to hash it (not stored).
    pub full: PathBuf,
}

impl Entry {
    /// Same length and times and inode, and not racy: the bytes are taken to be the same.
    fn same_stat(&self, old: &Entry) -> bool {
        self.kind == old.kind
            && self.len == old.len
            && self.mtime == old.mtime
            && self.ctime == old.ctime
            && self.ino == old.ino
            && !old.racy
    }

    fn compute_hash(&self) -> Option<u128> {
        match self.kind {
            Kind::Dir => Some(0),
            Kind::File => std::fs::read(&self.full)
                .ok()
                .map(|b| xxhash_rust::xxh3::xxh3_128(&b)),
            Kind::Link => std::fs::read_link(&self.full)
                .ok()
                .map(|t| xxhash_rust::xxh3::xxh3_128(t.as_os_str().as_encoded_bytes())),
        }
    }
}

/// The input folders and files, relative to the site root.
const FILES: [&str; 3] = [
    crate::alerts::ALERTS_FILE,
    crate::config::CONFIG_FILE,
    crate::authors::AUTHORS_FILE,
];
const FOLDERS: [&str; 4] = ["content", "locales", "static", "templates"];

/// Walks the inputs of the site at `root` (links followed as the site's `follow_symlinks` says),
/// sorted by path, without reading any file. `Err` names an entry that could not be read.
pub fn walk(root: &Path, follow: bool) -> Result<Vec<Entry>, String> {
    let start = now_ns();
    let mut out = Vec::new();
    for name in FILES {
        let full = root.join(name);
        match std::fs::symlink_metadata(&full) {
            Ok(m) => out.push(entry(name.as_bytes().to_vec(), full, &m, start)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(format!("{name}: {e}")),
        }
    }
    for dir in FOLDERS {
        let top = root.join(dir);
        if std::fs::symlink_metadata(&top).is_err() {
            continue;
        }
        if follow {
            walk_following(root, dir, &top, start, &mut out)?;
        } else {
            let meta = std::fs::metadata(&top).map_err(|e| format!("{dir}: {e}"))?;
            out.push(entry(dir.as_bytes().to_vec(), top.clone(), &meta, start));
            if meta.is_dir() {
                out.extend(walk_parallel(&top, dir.as_bytes(), start)?);
            }
        }
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(out)
}

/// The entries under `dir` (whose path relative to the root is `rel`), links not followed
/// ([`crate::safety::tree_entries`]), each stat'ed from its folder entry in parallel.
fn walk_parallel(dir: &Path, rel: &[u8], start: i64) -> Result<Vec<Entry>, String> {
    let shown = |p: &[u8]| String::from_utf8_lossy(p).into_owned();
    // a stat relative to the open folder, not a lookup of the whole path
    let entries = crate::safety::tree_entries(dir, &|e| Ok((e.metadata()?, e.path())))
        .map_err(|e| format!("{}: {e}", shown(rel)))?;
    Ok(entries
        .into_par_iter()
        .map(|(sub, (meta, full))| {
            let mut path = rel.to_vec();
            path.push(b'/');
            path.extend_from_slice(&sub);
            entry(path, full, &meta, start)
        })
        .collect())
}

/// The entries under `top` with links followed (`follow_symlinks = true`), as the loaders walk.
fn walk_following(
    root: &Path,
    dir: &str,
    top: &Path,
    start: i64,
    out: &mut Vec<Entry>,
) -> Result<(), String> {
    for item in walkdir::WalkDir::new(top)
        .sort_by_file_name()
        .follow_links(true)
    {
        let item = item.map_err(|e| format!("{dir}: {e}"))?;
        let rel = item.path().strip_prefix(root).unwrap_or(item.path());
        let mut path = Vec::new();
        for (i, c) in rel.components().enumerate() {
            if i > 0 {
                path.push(b'/');
            }
            path.extend_from_slice(c.as_os_str().as_encoded_bytes());
        }
        let meta = item
            .metadata()
            .map_err(|e| format!("{}: {e}", rel.display()))?;
        out.push(entry(path, item.path().to_path_buf(), &meta, start));
    }
    Ok(())
}

fn entry(path: Vec<u8>, full: PathBuf, m: &std::fs::Metadata, start: i64) -> Entry {
    let (mtime, ctime, ino) = stat(m);
    let kind = if m.is_dir() {
        Kind::Dir
    } else if m.file_type().is_symlink() {
        Kind::Link
    } else {
        Kind::File
    };
    Entry {
        path,
        kind,
        len: if kind == Kind::Dir { 0 } else { m.len() },
        // a folder's times change with its entries, which are fingerprinted themselves
        mtime: if kind == Kind::Dir { 0 } else { mtime },
        ctime: if kind == Kind::Dir { 0 } else { ctime },
        ino: if kind == Kind::Dir { 0 } else { ino },
        racy: kind != Kind::Dir && (mtime > start - RACY || ctime > start - RACY),
        hash: None,
        full,
    }
}

#[cfg(unix)]
pub(crate) fn stat(m: &std::fs::Metadata) -> (i64, i64, u64) {
    use std::os::unix::fs::MetadataExt;
    (
        m.mtime()
            .saturating_mul(1_000_000_000)
            .saturating_add(m.mtime_nsec()),
        m.ctime()
            .saturating_mul(1_000_000_000)
            .saturating_add(m.ctime_nsec()),
        m.ino(),
    )
}

#[cfg(not(unix))]
pub(crate) fn stat(m: &std::fs::Metadata) -> (i64, i64, u64) {
    let t = m
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos() as i64);
    (t, 0, 0)
}

fn now_ns() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as i64)
}

/// How the inputs differ from the last build's ([`diff`]).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Diff {
    /// The first difference (by path): what changed, or `None` when nothing did.
    pub first: Option<String>,
    /// The first difference outside `content/` and `static/` (site.toml, authors.toml, a
    /// template, a message file): it can change every page.
    pub global: Option<String>,
    /// Some entries had to be hashed (a new stat worth keeping when nothing changed).
    pub rehashed: bool,
}

/// Whether a change to the input at `path` can reach pages without going through the site model
/// (the configuration, the templates and the messages every page is rendered with).
fn is_global(path: &[u8]) -> bool {
    let under =
        |dir: &[u8]| path == dir || (path.starts_with(dir) && path.get(dir.len()) == Some(&b'/'));
    // alerts reach pages through the model: the front pages and `alert.json` that show them
    !(under(b"content") || under(b"static") || path == crate::alerts::ALERTS_FILE.as_bytes())
}

/// Compares the inputs `new` with `old` (both sorted by path). Entries whose stat is unchanged
/// take their old hash; the others that were there before are hashed (in parallel) and compared
/// by content.
pub fn diff(old: &[Entry], new: &mut [Entry]) -> Diff {
    let shown = |p: &[u8]| String::from_utf8_lossy(p).into_owned();
    let mut changes: Vec<(Vec<u8>, &'static str)> = Vec::new();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let (mut i, mut k) = (0, 0);
    while i < old.len() || k < new.len() {
        match (old.get(i), new.get(k)) {
            (Some(o), Some(n)) if o.path == n.path => {
                if o.kind != n.kind || (n.kind != Kind::Dir && o.len != n.len) {
                    changes.push((n.path.clone(), "changed"));
                } else {
                    pairs.push((i, k));
                }
                i += 1;
                k += 1;
            }
            (Some(o), Some(n)) if o.path < n.path => {
                changes.push((o.path.clone(), "was removed"));
                i += 1;
            }
            (Some(o), None) => {
                changes.push((o.path.clone(), "was removed"));
                i += 1;
            }
            (_, Some(n)) => {
                changes.push((n.path.clone(), "is new"));
                k += 1;
            }
            (None, None) => break,
        }
    }
    let mut rehashed = false;
    for &(i, k) in &pairs {
        let (o, n) = (&old[i], &mut new[k]);
        if n.kind == Kind::Dir || n.same_stat(o) {
            n.hash = o.hash;
        } else {
            rehashed = true;
        }
    }
    new.par_iter_mut()
        .enumerate()
        .filter(|(_, e)| e.hash.is_none())
        .for_each(|(k, e)| {
            if pairs.binary_search_by_key(&k, |p| p.1).is_ok() {
                e.hash = e.compute_hash();
            }
        });
    for &(i, k) in &pairs {
        if new[k].hash.is_none() || new[k].hash != old[i].hash {
            changes.push((new[k].path.clone(), "changed"));
        }
    }
    changes.sort();
    let say = |(p, what): &(Vec<u8>, &str)| format!("{} {what}", shown(p));
    Diff {
        first: changes.first().map(say),
        global: changes.iter().find(|(p, _)| is_global(p)).map(say),
        rehashed,
    }
}

/// Fills every entry's hash after a build: from `old` where the stat says the bytes are the same,
/// else by reading the file. The file is stat'ed again after it is read: if it changed since the
/// walk before the build (an editor saving during the build), its hash is left out, so the next
/// check sees a change instead of trusting bytes the build may not have read.
pub fn hash_all(new: &mut [Entry], old: &[Entry]) {
    let mut k = 0;
    for n in new.iter_mut() {
        while k < old.len() && old[k].path < n.path {
            k += 1;
        }
        if let Some(o) = old.get(k).filter(|o| o.path == n.path) {
            if n.hash.is_none() && n.same_stat(o) && o.hash.is_some() {
                n.hash = o.hash;
            }
        }
    }
    new.par_iter_mut()
        .filter(|e| e.hash.is_none())
        .for_each(|e| {
            let h = e.compute_hash();
            let again = std::fs::metadata(&e.full).ok().map(|m| {
                let (mtime, ctime, ino) = stat(&m);
                (m.len(), mtime, ctime, ino)
            });
            let unchanged = e.kind != Kind::File || again == Some((e.len, e.mtime, e.ctime, e.ino));
            e.hash = if unchanged { h } else { None };
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file rewritten with other bytes of the same length within one tick of a coarse clock
    /// keeps its stat; only its racy mark makes the check read it again.
    #[test]
    fn a_racy_entry_is_read_again_even_when_its_stat_is_unchanged() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("content")).unwrap();
        std::fs::write(dir.path().join("content/a.md"), "one").unwrap();
        let mut old = walk(dir.path(), false).unwrap();
        hash_all(&mut old, &[]);
        assert!(old[1].racy, "just written: racy");
        std::fs::write(dir.path().join("content/a.md"), "two").unwrap();
        // the same stat as before, as a file system with coarse times would report it
        let mut new = walk(dir.path(), false).unwrap();
        for (n, o) in new.iter_mut().zip(&old) {
            (n.mtime, n.ctime, n.ino) = (o.mtime, o.ctime, o.ino);
        }
        let d = diff(&old, &mut new.clone());
        assert_eq!(d.first.as_deref(), Some("content/a.md changed"));
        assert_eq!(d.global, None, "a content file is not global");
        // without the mark, the stat would be trusted (what the mark is for)
        for o in &mut old {
            o.racy = false;
        }
        assert_eq!(diff(&old, &mut new), Diff::default());
    }

    /// New, removed and changed entries are all found, and those outside content/ and static/
    /// are told apart.
    #[test]
    fn a_diff_names_the_first_change_and_the_first_global_one() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for d in ["content", "static", "templates"] {
            std::fs::create_dir(root.join(d)).unwrap();
        }
        std::fs::write(root.join("content/a.md"), "one").unwrap();
        std::fs::write(root.join("content/b.md"), "one").unwrap();
        std::fs::write(root.join("static/s.css"), "one").unwrap();
        std::fs::write(root.join("templates/t.html"), "one").unwrap();
        let mut old = walk(root, false).unwrap();
        hash_all(&mut old, &[]);
        std::fs::remove_file(root.join("content/a.md")).unwrap();
        std::fs::write(root.join("content/c.md"), "new").unwrap();
        std::fs::write(root.join("static/s.css"), "two!").unwrap();
        let mut new = walk(root, false).unwrap();
        let d = diff(&old, &mut new);
        assert_eq!(d.first.as_deref(), Some("content/a.md was removed"));
        assert_eq!(d.global, None);
        std::fs::write(root.join("templates/t.html"), "two").unwrap();
        let mut new = walk(root, false).unwrap();
        let d = diff(&old, &mut new);
        assert_eq!(d.global.as_deref(), Some("templates/t.html changed"));
        std::fs::write(root.join("site.toml"), "").unwrap();
        let mut new = walk(root, false).unwrap();
        assert_eq!(
            diff(&old, &mut new).global.as_deref(),
            Some("site.toml is new")
        );
    }
}
