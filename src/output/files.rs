//! Writing, copying and removing single files of an output, with errors that name the file
//! (and one kind, [`DISK_FULL`], for a full disk).

use std::path::Path;

use crate::diagnostics::Diagnostic;

/// Creates the folder `path` goes in. Errors name the folder.
pub(super) fn make_parent(path: &Path) -> Result<(), Diagnostic> {
    match path.parent() {
        Some(parent) => std::fs::create_dir_all(parent)
            .map_err(|e| io_error(format!("cannot create folder {}", parent.display()), &e)),
        None => Ok(()),
    }
}

/// An I/O error as "WHAT PATH: ERROR".
pub(super) fn at<'a>(what: &'a str, p: &'a Path) -> impl FnOnce(std::io::Error) -> String + 'a {
    move |e| format!("{what} {}: {e}", p.display())
}

/// The kind of the diagnostic of a write that failed for want of space.
pub const DISK_FULL: &str = "disk-full";

/// Whether `e` says the disk (or the user's quota) is full.
pub fn is_full(e: &std::io::Error) -> bool {
    matches!(
        e.kind(),
        std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded
    )
}

/// `what: e` as a diagnostic; of kind [`DISK_FULL`] when the disk is full.
pub(super) fn io_error(what: String, e: &std::io::Error) -> Diagnostic {
    Diagnostic::error(
        if is_full(e) { DISK_FULL } else { "io" },
        format!("{what}: {e}"),
    )
}

/// `opts` set not to follow a symbolic link at the last component of the path opened (the open
/// fails instead), where the system has `O_NOFOLLOW`.
pub(crate) fn no_follow(opts: &mut std::fs::OpenOptions) -> &mut std::fs::OpenOptions {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.custom_flags(rustix::fs::OFlags::NOFOLLOW.bits() as i32);
    }
    opts
}

/// The space free for this user on the file system of `dir`, when the system says.
#[cfg(unix)]
pub fn free_space(dir: &Path) -> Option<u64> {
    let st = rustix::fs::statvfs(dir).ok()?;
    Some(st.f_bavail.saturating_mul(st.f_frsize))
}

#[cfg(not(unix))]
pub fn free_space(_: &Path) -> Option<u64> {
    None
}

/// How many more files (inodes) the file system of `dir` can hold for this user, when the
/// system says: a disk can refuse new files with space left when its inodes run out.
#[cfg(unix)]
pub fn free_files(dir: &Path) -> Option<u64> {
    let st = rustix::fs::statvfs(dir).ok()?;
    // file systems without an inode limit report 0 files in all
    (st.f_files > 0).then_some(st.f_favail)
}

#[cfg(not(unix))]
pub fn free_files(_: &Path) -> Option<u64> {
    None
}

/// Writes `bytes` at `rel` inside `dir`, creating folders. Errors name the file.
pub fn write_file(dir: &Path, rel: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
    crate::safety::check_rel(rel).map_err(|why| crate::safety::unsafe_path(rel, &why))?;
    let path = dir.join(rel);
    make_parent(&path)?;
    fresh(&path)
        .and_then(|mut f| std::io::Write::write_all(&mut f, bytes))
        .map_err(|e| io_error(format!("cannot write {}", path.display()), &e))
}

/// A new file at `path`. A file already there is removed first, never opened: in a staging
/// folder it can be a hard link to the live output, which writing into would change.
fn fresh(path: &Path) -> std::io::Result<std::fs::File> {
    let create = || no_follow(std::fs::OpenOptions::new().write(true).create_new(true)).open(path);
    match create() {
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            std::fs::remove_file(path)?;
            create()
        }
        r => r,
    }
}

/// Copies a file into `dir` at `rel`.
pub fn copy_file(dir: &Path, rel: &str, from: &Path) -> Result<(), Diagnostic> {
    crate::safety::check_rel(rel).map_err(|why| crate::safety::unsafe_path(rel, &why))?;
    let path = dir.join(rel);
    make_parent(&path)?;
    let copied = std::fs::File::open(from).and_then(|mut src| {
        let mut dst = fresh(&path)?;
        std::io::copy(&mut src, &mut dst)?;
        // the permissions travel with the file, as `std::fs::copy` does
        let perms = src.metadata()?.permissions();
        dst.set_permissions(perms)
    });
    copied.map_err(|e| {
        io_error(
            format!("cannot copy {} to {}", from.display(), path.display()),
            &e,
        )
    })
}

/// Writes `bytes` at `rel` inside `dir` through a temporary file renamed into place, so that a
/// reader (the `watch` server) sees the old file or the new one, never half of one.
pub fn replace_file(dir: &Path, rel: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
    crate::safety::check_rel(rel).map_err(|why| crate::safety::unsafe_path(rel, &why))?;
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
