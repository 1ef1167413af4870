//! What the build may read and where it may write (SECURITY.md).
//!
//! Two rules live here so that every stage applies them the same way:
//!
//! - **Output paths stay inside the output.** [`check_rel`] accepts only `/`-separated relative
//!   paths of ordinary components: no empty, `.` or `..` component, no leading `/`, no `\` (which
//!   Windows hosts and many servers read as a folder separator) and no NUL. Every file the build
//!   or `watch` writes passes through it, whatever computed the path.
//! - **Sources are the site's own files.** [`Walk`] walks a source folder (`content/`, `static/`,
//!   `templates/`, `locales/`) without following symbolic links; a link is an error naming it and
//!   its target, unless `follow_symlinks = true` in site.toml and the link stays inside the site.
//!   A link that leaves the site is always refused, so a contributor's branch cannot publish the
//!   builder's `/etc/passwd` or `~/.ssh`. File names with a backslash are refused too.

use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, Diagnostics};

/// Why `rel` is not a safe path inside the output folder, if it is not.
pub fn check_rel(rel: &str) -> Result<(), String> {
    if rel.is_empty() {
        return Err("the path is empty".into());
    }
    if rel.starts_with('/') {
        return Err("the path is absolute".into());
    }
    if rel.contains('\\') {
        return Err("the path contains a backslash (`\\`)".into());
    }
    if rel.contains('\0') {
        return Err("the path contains a NUL character".into());
    }
    for part in rel.trim_end_matches('/').split('/') {
        match part {
            "" => return Err("the path has an empty component (`//`)".into()),
            "." | ".." => return Err(format!("the path has a `{part}` component")),
            _ => {}
        }
    }
    Ok(())
}

/// The error for an output path that [`check_rel`] refuses.
pub fn unsafe_path(rel: &str, why: &str) -> Diagnostic {
    Diagnostic::error(
        "unsafe-path",
        format!("refusing to write `{rel}` in the output: {why}"),
    )
    .help("nashra writes only inside the output folder; rename the file this path comes from")
}

/// Whether a file name is an editor's or the system's leftover rather than a source: hidden
/// files (`.name.swp`, Emacs `.#name`, GNOME's `.goutputstream-…`, `.DS_Store`), backups
/// (`name~`), swap and lock files (`.swp`/`.swo`/`.swx`, `.kate-swp`, `#name#`, Office `~$name`),
/// temporary saves (`.tmp`, JetBrains `___jb_tmp___`/`___jb_old___`, Chrome `.crswap`) and Vim's
/// write test `4913`. `build` skips them and `watch` does not rebuild for them.
pub fn is_editor_leftover(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with('#')
        || name.starts_with("~$")
        || name.ends_with('~')
        || name == "4913"
        || [
            ".swp",
            ".swo",
            ".swx",
            ".tmp",
            ".kate-swp",
            ".crswap",
            "___jb_tmp___",
            "___jb_old___",
        ]
        .iter()
        .any(|end| name.ends_with(end))
}

/// Whether a source path (relative to the site or one of its folders) is never read: it lies in
/// a hidden folder (`.git/`), or its file name is an [editor's leftover](is_editor_leftover).
pub fn is_ignored_source(rel: &Path) -> bool {
    let hidden = rel
        .components()
        .any(|c| c.as_os_str().to_str().is_some_and(|s| s.starts_with('.')));
    hidden
        || rel
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(is_editor_leftover)
}

/// Why a source file name is refused, if it is: a backslash, which a Windows checkout or a web
/// server reads as a folder separator (`x\..\..\etc`), so the name means two different paths.
pub fn bad_source_name(rel: &Path) -> Option<String> {
    let s = rel.to_string_lossy();
    if cfg!(unix) && s.contains('\\') {
        return Some("the file name contains a backslash (`\\`); rename it with `/`-free, `\\`-free characters".into());
    }
    None
}

/// The first of `root/rel`'s folders and file (each component of `rel` in turn) that is a symbolic
/// link, with the link's target; `None` when none is.
pub fn first_link_under(root: &Path, rel: &Path) -> Option<(PathBuf, PathBuf)> {
    let mut at = root.to_path_buf();
    for c in rel.components() {
        at.push(c);
        let meta = std::fs::symlink_metadata(&at).ok()?;
        if meta.file_type().is_symlink() {
            let target = std::fs::read_link(&at).unwrap_or_default();
            return Some((at, target));
        }
    }
    None
}

/// Refuses a cache folder of nashra's (`CACHE_DIR/SUB`) reached through a symbolic link at any
/// of its components: a `.nashra-cache` committed as a link would make the build write, and
/// prune, wherever it points. `what` names the cache in the error ("image cache", "build
/// cache"). site.toml's `cache_dir` is already known to stay inside the site folder.
pub fn refuse_cache_link(root: &Path, rel: &Path, what: &str) -> Result<(), Diagnostic> {
    match first_link_under(root, rel) {
        None => Ok(()),
        Some((link, target)) => Err(Diagnostic::error(
            "symlink",
            format!(
                "refusing to follow the symbolic link (to {}): nashra keeps its {what} here and never writes or deletes through a link",
                target.display()
            ),
        )
        .in_file(link.strip_prefix(root).unwrap_or(&link))
        .help("remove the link (nashra makes the cache folder itself), or set `cache_dir` in site.toml to a folder of the site")),
    }
}

/// Every entry under `dir`, folders included, as (its path relative to `dir`, `/`-joined, in
/// the system's bytes; what `look` says of its folder entry), links not followed and never
/// entered. `look` runs while the entry's folder is open (a stat through it is relative to the
/// open folder, not a lookup of the whole path). Folders are read in parallel: an output or a
/// content folder of a big site is tens of thousands of files in thousands of folders. A
/// folder is closed before its subfolders are read, so the open folders at any time are at most
/// the depth times the threads (a `DirEntry` keeps its folder open; none is kept). The order is
/// unspecified.
pub fn tree_entries<T: Send>(
    dir: &Path,
    look: &(dyn Fn(&std::fs::DirEntry) -> std::io::Result<T> + Sync),
) -> std::io::Result<Vec<(Vec<u8>, T)>> {
    fn under<T: Send>(
        dir: &Path,
        rel: &[u8],
        look: &(dyn Fn(&std::fs::DirEntry) -> std::io::Result<T> + Sync),
    ) -> std::io::Result<Vec<(Vec<u8>, T)>> {
        use rayon::prelude::*;
        let mut here: Vec<(Vec<u8>, T)> = Vec::new();
        let mut folders: Vec<(Vec<u8>, PathBuf)> = Vec::new();
        for e in std::fs::read_dir(dir)? {
            let e = e?;
            let mut path = rel.to_vec();
            if !path.is_empty() {
                path.push(b'/');
            }
            path.extend_from_slice(e.file_name().as_encoded_bytes());
            if e.file_type().is_ok_and(|t| t.is_dir()) {
                folders.push((path.clone(), e.path()));
            }
            here.push((path, look(&e)?));
        }
        // every DirEntry of this folder is dropped by now, and the folder with them
        let subs: Vec<std::io::Result<Vec<_>>> = folders
            .par_iter()
            .map(|(path, full)| under(full, path, look))
            .collect();
        for sub in subs {
            here.extend(sub?);
        }
        Ok(here)
    }
    under(dir, b"", look)
}

/// The site's folder, resolved, that links must stay inside.
pub struct Bounds {
    roots: Vec<PathBuf>,
    follow: bool,
}

impl Bounds {
    /// `root` is the site folder; each source folder counts as inside too when it is itself a
    /// link to elsewhere (a `content/` kept in another checkout is the site owner's choice).
    pub fn new(root: &Path, follow: bool) -> Bounds {
        let mut roots = Vec::new();
        let canon = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
        for dir in ["content", "static", "templates", "locales"] {
            if let Ok(c) = std::fs::canonicalize(canon.join(dir)) {
                if !c.starts_with(&canon) {
                    roots.push(c);
                }
            }
        }
        roots.insert(0, canon);
        Bounds { roots, follow }
    }

    /// Whether the link at `path` may be followed; the error names it and its target otherwise.
    fn check_link(&self, path: &Path, shown: &Path) -> Result<(), Diagnostic> {
        let target = std::fs::read_link(path).unwrap_or_default();
        let resolved = std::fs::canonicalize(path);
        let inside = resolved
            .as_ref()
            .is_ok_and(|r| self.roots.iter().any(|root| r.starts_with(root)));
        if !inside {
            let what = match &resolved {
                Ok(r) => format!("it points outside the site, to {}", r.display()),
                Err(e) => format!("its target {} cannot be read: {e}", target.display()),
            };
            return Err(Diagnostic::error(
                "symlink",
                format!("refusing to follow the symbolic link: {what}"),
            )
            .in_file(shown)
            .help("replace the link with the file itself; nashra never publishes files from outside the site folder"));
        }
        if !self.follow {
            return Err(Diagnostic::error(
                "symlink",
                format!(
                    "the file is a symbolic link (to {}), which nashra does not follow by default",
                    target.display()
                ),
            )
            .in_file(shown)
            .help("replace it with the file itself, or set `follow_symlinks = true` in site.toml to follow links that stay inside the site"));
        }
        Ok(())
    }
}

/// Walks `dir` (a source folder inside `site_root`) sorted by name and calls `visit` with each
/// regular file's path and its path relative to `dir`. Links and walk errors go to `diags`, named
/// relative to `site_root`.
pub fn walk(
    site_root: &Path,
    dir: &Path,
    bounds: &Bounds,
    diags: &Diagnostics,
    mut visit: impl FnMut(&Path, &Path),
) {
    let shown = |p: &Path| p.strip_prefix(site_root).unwrap_or(p).to_path_buf();
    let mut it = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .follow_links(bounds.follow)
        .into_iter();
    while let Some(entry) = it.next() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e.path().map_or_else(|| shown(dir), shown);
                diags.push(Diagnostic::error("io", format!("cannot read: {e}")).in_file(path));
                continue;
            }
        };
        if entry.depth() > 0 && entry.path_is_symlink() {
            if let Err(d) = bounds.check_link(entry.path(), &shown(entry.path())) {
                diags.push(d);
                if entry.file_type().is_dir() {
                    it.skip_current_dir();
                }
                continue;
            }
        }
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry.path().strip_prefix(dir).unwrap_or(entry.path());
        visit(entry.path(), rel);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_paths_stay_inside() {
        for ok in ["index.html", "ar/2025/11/x/index.html", "ar/", "en/قمة/"] {
            assert_eq!(check_rel(ok), Ok(()), "{ok}");
        }
        for bad in [
            "",
            "/etc/passwd",
            "../x",
            "a/../../x",
            "a/./b",
            "a//b",
            "x\\..\\..\\y",
            "a\0b",
        ] {
            assert!(check_rel(bad).is_err(), "{bad:?} must be refused");
        }
    }
}
