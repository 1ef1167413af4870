//! Stage 6: writing the output folder safely.
//!
//! A build writes into a fresh staging folder beside the output (`.NAME.nashra-staging`) and only
//! when the whole build succeeded swaps it in place of the old output, so a failed build leaves
//! the previous site byte-for-byte as it was. nashra writes nothing outside the output folder and
//! its staging siblings, and refuses an output folder that is, contains or lies inside the site's
//! sources, or that is not empty and was not made by nashra (it carries a `.nashra` marker).

use std::path::{Component, Path, PathBuf};

use crate::diagnostics::Diagnostic;

/// Marker file at the top of every output folder nashra made.
pub const MARKER: &str = ".nashra";
const MARKER_TEXT: &str = "This folder is written by nashra (`nashra build`); its contents are replaced on every build.\n";

/// Makes `path` absolute and removes `.`/`..` without touching the disk (the folder may not exist).
pub fn absolute(path: &Path) -> PathBuf {
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
pub fn check_output_dir(root: &Path, output: &Path) -> Result<(), Diagnostic> {
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
        let s = root.join(src);
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
        let empty = std::fs::read_dir(&out)
            .map(|mut d| d.next().is_none())
            .unwrap_or(false);
        if !empty && !out.join(MARKER).is_file() {
            return refuse(
                "it is not empty and was not made by nashra (no .nashra file in it)".into(),
            );
        }
    }
    Ok(())
}

/// Where a build writes, until it is known to have succeeded.
///
/// Into an empty or missing output folder, everything goes into a fresh staging folder beside it,
/// which replaces the output in one rename at the end. Into an existing nashra output, a rebuild
/// compares each file with the one already there and stages only the files that differ; at the
/// end those are moved in and files that the build no longer produces are removed. Either way a
/// failed build leaves the output exactly as it was, and an unchanged site costs reads, not
/// writes.
pub struct Staging {
    pub dir: PathBuf,
    output: PathBuf,
    /// Comparing with an existing output instead of replacing it whole.
    update: bool,
    /// Every file this build produced (update mode).
    produced: std::sync::Mutex<Vec<String>>,
}

fn sibling(output: &Path, suffix: &str) -> PathBuf {
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    output.with_file_name(format!(".{name}.nashra-{suffix}"))
}

impl Staging {
    /// Creates an empty staging folder beside `output` (removing a leftover of a crashed run).
    pub fn create(output: &Path) -> std::io::Result<Staging> {
        let output = absolute(output);
        if let Some(parent) = output.parent() {
            std::fs::create_dir_all(parent)?;
        }
        let dir = sibling(&output, "staging");
        if dir.exists() {
            std::fs::remove_dir_all(&dir)?;
        }
        std::fs::create_dir(&dir)?;
        std::fs::write(dir.join(MARKER), MARKER_TEXT)?;
        let update = output.join(MARKER).is_file();
        Ok(Staging {
            dir,
            output,
            update,
            produced: std::sync::Mutex::new(Vec::new()),
        })
    }

    fn produced(&self, rel: &str) {
        if self.update {
            match self.produced.lock() {
                Ok(mut v) => v.push(rel.to_string()),
                Err(p) => p.into_inner().push(rel.to_string()),
            }
        }
    }

    /// Whether `output/rel` is a file of `len` bytes that `same` accepts (it is read, and `same`
    /// called, only when the lengths match).
    fn unchanged(&self, rel: &str, len: u64, same: impl FnOnce(&[u8]) -> bool) -> bool {
        let old = self.output.join(rel);
        match std::fs::metadata(&old) {
            Ok(m) if m.is_file() && m.len() == len => std::fs::read(&old).is_ok_and(|b| same(&b)),
            _ => false,
        }
    }

    /// One output file. Returns whether it had to be written.
    pub fn put(&self, rel: &str, bytes: &[u8]) -> Result<bool, Diagnostic> {
        self.produced(rel);
        if self.update && self.unchanged(rel, bytes.len() as u64, |old| old == bytes) {
            return Ok(false);
        }
        write_file(&self.dir, rel, bytes).map(|()| true)
    }

    /// One output file copied from `from`. Returns whether it had to be copied.
    pub fn put_copy(&self, rel: &str, from: &Path) -> Result<bool, Diagnostic> {
        self.produced(rel);
        if self.update {
            let len = std::fs::metadata(from).map_or(u64::MAX, |m| m.len());
            if self.unchanged(rel, len, |old| std::fs::read(from).is_ok_and(|b| b == old)) {
                return Ok(false);
            }
        }
        copy_file(&self.dir, rel, from).map(|()| true)
    }

    /// Makes the staged files the output.
    pub fn commit(self) -> std::io::Result<()> {
        if !self.update {
            return self.swap();
        }
        // move the changed files in
        for entry in walkdir::WalkDir::new(&self.dir).min_depth(1) {
            let entry = entry.map_err(std::io::Error::other)?;
            if !entry.file_type().is_file() {
                continue;
            }
            let rel = entry.path().strip_prefix(&self.dir).unwrap_or(entry.path());
            if rel == Path::new(MARKER) {
                continue;
            }
            let target = self.output.join(rel);
            if let Some(parent) = target.parent() {
                std::fs::create_dir_all(parent)?;
            }
            if target.is_dir() {
                std::fs::remove_dir_all(&target)?;
            }
            std::fs::rename(entry.path(), &target)?;
        }
        // remove what this build no longer produces
        let produced: std::collections::HashSet<String> = match self.produced.into_inner() {
            Ok(v) => v.into_iter().collect(),
            Err(p) => p.into_inner().into_iter().collect(),
        };
        let mut dirs = Vec::new();
        for entry in walkdir::WalkDir::new(&self.output).min_depth(1) {
            let entry = entry.map_err(std::io::Error::other)?;
            let rel = entry
                .path()
                .strip_prefix(&self.output)
                .unwrap_or(entry.path());
            let rel_s = rel.to_string_lossy().replace('\\', "/");
            if entry.file_type().is_dir() {
                dirs.push(entry.path().to_path_buf());
            } else if rel != Path::new(MARKER) && !produced.contains(&rel_s) {
                std::fs::remove_file(entry.path())?;
            }
        }
        for d in dirs.iter().rev() {
            let _ = std::fs::remove_dir(d); // only empty folders go
        }
        std::fs::remove_dir_all(&self.dir)
    }

    /// Replaces the whole output with the staging folder.
    fn swap(self) -> std::io::Result<()> {
        let old = sibling(&self.output, "old");
        if old.exists() {
            std::fs::remove_dir_all(&old)?;
        }
        if self.output.exists() {
            std::fs::rename(&self.output, &old)?;
        }
        if let Err(e) = std::fs::rename(&self.dir, &self.output) {
            // put the old site back
            let _ = std::fs::rename(&old, &self.output);
            return Err(e);
        }
        if old.exists() {
            std::fs::remove_dir_all(&old)?;
        }
        Ok(())
    }

    /// Throws the staging folder away (failed build).
    pub fn discard(self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Creates the folder `path` goes in. Errors name the folder.
fn make_parent(path: &Path) -> Result<(), Diagnostic> {
    match path.parent() {
        Some(parent) => std::fs::create_dir_all(parent).map_err(|e| {
            Diagnostic::error(
                "io",
                format!("cannot create folder {}: {e}", parent.display()),
            )
        }),
        None => Ok(()),
    }
}

/// Writes `bytes` at `rel` inside `dir`, creating folders. Errors name the file.
pub fn write_file(dir: &Path, rel: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
    let path = dir.join(rel);
    make_parent(&path)?;
    std::fs::write(&path, bytes)
        .map_err(|e| Diagnostic::error("io", format!("cannot write {}: {e}", path.display())))
}

/// Copies a file into `dir` at `rel`.
pub fn copy_file(dir: &Path, rel: &str, from: &Path) -> Result<(), Diagnostic> {
    let path = dir.join(rel);
    make_parent(&path)?;
    std::fs::copy(from, &path).map(|_| ()).map_err(|e| {
        Diagnostic::error(
            "io",
            format!("cannot copy {} to {}: {e}", from.display(), path.display()),
        )
    })
}

/// Writes `bytes` at `rel` inside `dir` through a temporary file renamed into place, so that a
/// reader (the `watch` server) sees the old file or the new one, never half of one.
pub fn replace_file(dir: &Path, rel: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
    let path = dir.join(rel);
    make_parent(&path)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.nashra-tmp"));
    std::fs::write(&tmp, bytes)
        .and_then(|()| std::fs::rename(&tmp, &path))
        .map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            Diagnostic::error("io", format!("cannot write {}: {e}", path.display()))
        })
}

/// Removes `rel` (a file, or a page's folder when `folder` is set) from `dir`, then every parent
/// folder left empty, up to `dir`. Missing files are fine.
pub fn remove(dir: &Path, rel: &str, folder: bool) {
    let path = dir.join(rel);
    if !path.starts_with(dir) || rel.split('/').any(|p| p == "..") {
        return;
    }
    let _ = if folder {
        std::fs::remove_dir_all(&path)
    } else {
        std::fs::remove_file(&path)
    };
    let mut parent = path.parent();
    while let Some(p) = parent {
        if p == dir || !p.starts_with(dir) || std::fs::remove_dir(p).is_err() {
            break;
        }
        parent = p.parent();
    }
}
