//! The image cache: processed pictures kept between builds.
//!
//! ```text
//! .nashra-cache/images/
//!   index                      one line per source: length, mtime (ns), content hash, path
//!   <key>/info                 "WIDTH HEIGHT": written last, so an entry with it is complete
//!   <key>/800.webp, 800.jpg …  the derivatives
//!   <key>/social-500-300.jpg   a social card crop (focus in thousandths)
//! ```
//!
//! `key` is a hash of the source's bytes and of every setting that changes the result, so a
//! changed photo or setting makes a new entry and never reuses a stale one. The index lets a
//! rebuild skip reading a source whose length and modification time are unchanged (as git's
//! index does). Files are written under a temporary name and renamed, so a killed build leaves
//! no half-written entry. `build` removes the entries it did not use.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// What the index knows of one source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Stat {
    len: u64,
    mtime: i128,
    hash: u128,
}

pub struct Cache {
    dir: PathBuf,
    old: HashMap<String, Stat>,
    seen: Mutex<HashMap<String, Stat>>,
    used: Mutex<HashSet<String>>,
}

impl Cache {
    /// Opens (or prepares) the cache under `dir`. An unreadable index is an empty one.
    pub fn open(dir: &Path) -> Cache {
        let dir = dir.join("images");
        let mut old = HashMap::new();
        if let Ok(text) = std::fs::read_to_string(dir.join("index")) {
            for line in text.lines() {
                let mut parts = line.splitn(4, ' ');
                let (Some(len), Some(mtime), Some(hash), Some(path)) =
                    (parts.next(), parts.next(), parts.next(), parts.next())
                else {
                    continue;
                };
                if let (Ok(len), Ok(mtime), Ok(hash)) =
                    (len.parse(), mtime.parse(), u128::from_str_radix(hash, 16))
                {
                    old.insert(path.to_string(), Stat { len, mtime, hash });
                }
            }
        }
        Cache {
            dir,
            old,
            seen: Mutex::new(HashMap::new()),
            used: Mutex::new(HashSet::new()),
        }
    }

    /// The content hash of the source `rel` at `path`, and its bytes when they had to be read
    /// (the index answers for a file whose length and time are unchanged).
    pub fn source_hash(&self, rel: &str, path: &Path) -> std::io::Result<(u128, Option<Vec<u8>>)> {
        let meta = std::fs::metadata(path)?;
        let mtime = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos() as i128);
        let len = meta.len();
        if let Some(s) = self.old.get(rel) {
            if s.len == len && s.mtime == mtime && mtime != 0 {
                self.remember(rel, *s);
                return Ok((s.hash, None));
            }
        }
        let bytes = std::fs::read(path)?;
        let hash = xxhash_rust::xxh3::xxh3_128(&bytes);
        self.remember(
            rel,
            Stat {
                len: bytes.len() as u64,
                mtime,
                hash,
            },
        );
        Ok((hash, Some(bytes)))
    }

    fn remember(&self, rel: &str, s: Stat) {
        if let Ok(mut seen) = self.seen.lock() {
            seen.insert(rel.to_string(), s);
        }
    }

    /// The folder of an entry (marked as used by this build).
    pub fn entry(&self, key: u128) -> PathBuf {
        let name = format!("{key:032x}");
        let dir = self.dir.join(&name);
        if let Ok(mut used) = self.used.lock() {
            used.insert(name);
        }
        dir
    }

    /// The size recorded in a complete entry.
    pub fn info(entry: &Path) -> Option<(u32, u32)> {
        let text = std::fs::read_to_string(entry.join("info")).ok()?;
        let (w, h) = text.trim().split_once(' ')?;
        Some((w.parse().ok()?, h.parse().ok()?))
    }

    /// Writes `bytes` as `entry/name`, atomically.
    pub fn put(entry: &Path, name: &str, bytes: &[u8]) -> std::io::Result<()> {
        std::fs::create_dir_all(entry)?;
        let tmp = entry.join(format!(
            ".{name}.{}.{:?}.tmp",
            std::process::id(),
            std::thread::current().id()
        ));
        // a failed write (a full disk) leaves no half-written or empty temporary file behind
        std::fs::write(&tmp, bytes)
            .and_then(|()| std::fs::rename(&tmp, entry.join(name)))
            .inspect_err(|_| {
                let _ = std::fs::remove_file(&tmp);
            })
    }

    /// Writes the index of the sources seen by this build; with `prune`, removes the entries it
    /// did not use.
    pub fn finish(&self, prune: bool) {
        let seen = match self.seen.lock() {
            Ok(s) => s.clone(),
            Err(_) => return,
        };
        if seen.is_empty() && !self.dir.exists() {
            return;
        }
        let mut lines: Vec<String> = seen
            .iter()
            .map(|(p, s)| format!("{} {} {:032x} {p}", s.len, s.mtime, s.hash))
            .collect();
        lines.sort();
        if seen != self.old || !self.dir.join("index").exists() {
            let _ = Cache::put(&self.dir, "index", (lines.join("\n") + "\n").as_bytes());
        }
        if !prune {
            return;
        }
        let used = match self.used.lock() {
            Ok(u) => u.clone(),
            Err(_) => return,
        };
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return;
        };
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            let is_entry = name.len() == 32 && name.bytes().all(|b| b.is_ascii_hexdigit());
            if is_entry && !used.contains(&name) && e.path().is_dir() {
                let _ = std::fs::remove_dir_all(e.path());
            }
        }
    }
}
