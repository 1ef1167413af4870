//! The lock that makes one process the only writer of an output folder.

use std::path::{Path, PathBuf};

use super::{absolute, sibling};
use crate::diagnostics::Diagnostic;

/// The lock that makes a process the only writer of an output folder: an OS file lock on
/// `.NAME.nashra-lock` beside it, released when the process ends however it ends (so a lock
/// left by a killed process is simply taken). Within one process the lock is shared, so
/// `watch` can rebuild while it holds it.
pub struct OutputLock {
    _file: std::fs::File,
}

static LOCKS: std::sync::Mutex<Vec<(PathBuf, std::sync::Weak<OutputLock>)>> =
    std::sync::Mutex::new(Vec::new());

/// Takes the lock of `output`; with `wait`, waits for another process to release it.
pub fn lock(output: &Path, wait: bool) -> Result<std::sync::Arc<OutputLock>, Diagnostic> {
    use std::io::Write;
    let output = absolute(output);
    let path = sibling(&output, "lock");
    let mut held = match LOCKS.lock() {
        Ok(g) => g,
        Err(p) => p.into_inner(),
    };
    held.retain(|(_, w)| w.strong_count() > 0);
    if let Some(l) = held
        .iter()
        .find(|(p, _)| *p == path)
        .and_then(|(_, w)| w.upgrade())
    {
        return Ok(l);
    }
    let io =
        |e: std::io::Error| Diagnostic::error("io", format!("cannot lock {}: {e}", path.display()));
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(io)?;
    }
    // never through a link: a committed `.public.nashra-lock` → any file would be emptied
    if let Some(target) = super::links::link_target(&path) {
        return Err(super::links::own_path_link(&path, &target));
    }
    let mut file = super::files::no_follow(
        std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false),
    )
    .open(&path)
    .map_err(io)?;
    if !file.metadata().is_ok_and(|m| m.is_file()) {
        return Err(Diagnostic::error(
            "io",
            format!("cannot lock {}: it is not a regular file", path.display()),
        )
        .help("remove it; nashra makes this file itself"));
    }
    match file.try_lock() {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) if wait => {
            eprintln!(
                "waiting for another nashra process writing {} …",
                output.display()
            );
            file.lock().map_err(io)?;
        }
        Err(std::fs::TryLockError::WouldBlock) => {
            let pid = std::fs::read_to_string(&path).unwrap_or_default();
            let pid = pid.trim();
            return Err(Diagnostic::error(
                "locked",
                format!(
                    "another nashra process ({}) is writing {}",
                    if pid.is_empty() {
                        "pid unknown".to_string()
                    } else {
                        format!("pid {pid}")
                    },
                    output.display()
                ),
            )
            .help("wait for it to finish, stop it, or pass --wait to wait for it"));
        }
        Err(std::fs::TryLockError::Error(e)) => return Err(io(e)),
    }
    let _ = file.set_len(0);
    let _ = write!(file, "{}", std::process::id());
    let lock = std::sync::Arc::new(OutputLock { _file: file });
    held.push((path, std::sync::Arc::downgrade(&lock)));
    Ok(lock)
}
