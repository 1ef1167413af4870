//! Symbolic links where nashra keeps its own files.
//!
//! Everything in a site folder may come from a contributor's branch, symbolic links included,
//! and git checks them out as links. nashra's bookkeeping paths beside the output
//! (`.NAME.nashra-old`, `.NAME.nashra-staging`, `.NAME.nashra-lock`) are therefore never
//! followed: a link there is an error naming it. The output folder itself may be a link only
//! when the person running nashra says so (`--follow-output-link`); a link on the way to an output
//! inside the site folder is refused the same way.

use std::path::{Component, Path, PathBuf};

use super::{absolute, lexical, sibling};
use crate::diagnostics::Diagnostic;

/// The target of the link at `path`, if `path` is a symbolic link.
pub(crate) fn link_target(path: &Path) -> Option<PathBuf> {
    let meta = std::fs::symlink_metadata(path).ok()?;
    if !meta.file_type().is_symlink() {
        return None;
    }
    Some(std::fs::read_link(path).unwrap_or_default())
}

/// `path` relative to the site folder when it is inside it (as written or resolved), else as it is.
fn shown(root: &Path, path: &Path) -> PathBuf {
    if let Ok(r) = path.strip_prefix(root) {
        return r.to_path_buf();
    }
    match std::fs::canonicalize(root) {
        Ok(c) => path.strip_prefix(&c).unwrap_or(path).to_path_buf(),
        Err(_) => path.to_path_buf(),
    }
}

/// The error for a link at one of nashra's own paths.
pub(crate) fn own_path_link(shown: &Path, target: &Path) -> Diagnostic {
    Diagnostic::error(
        "symlink",
        format!(
            "refusing to follow the symbolic link (to {}): nashra keeps its own files at this path and never writes through a link",
            target.display()
        ),
    )
    .in_file(shown)
    .help("remove the link (nashra makes this file or folder itself); a link here can come from anyone's branch and would point nashra's writes and deletions elsewhere")
}

/// Refuses the output `output` when it, a folder on its way inside the site folder `root`, or one
/// of nashra's paths beside it is a symbolic link. `link_allowed`: the owner said on the command
/// line that the output itself may be a link.
pub fn refuse_links(root: &Path, output: &Path, link_allowed: bool) -> Result<(), Diagnostic> {
    let root_abs = lexical(root);
    let out = lexical(output);
    if !link_allowed {
        if let Some(target) = link_target(&out) {
            let at = shown(&root_abs, &out);
            return Err(Diagnostic::error(
                "symlink",
                format!(
                    "refusing to build into `{}`: it is a symbolic link (to {})",
                    at.display(),
                    target.display()
                ),
            )
            .in_file(at)
            .help("a link in the site folder can come from anyone's branch; build into its target with --output TARGET, or pass --follow-output-link if the link is yours"));
        }
    }
    // folders on the way to an output inside the site folder
    if let Ok(below) = out.strip_prefix(&root_abs) {
        let mut at = root_abs.clone();
        let parts: Vec<Component> = below.components().collect();
        for c in parts.iter().take(parts.len().saturating_sub(1)) {
            at.push(c);
            if let Some(target) = link_target(&at) {
                return Err(Diagnostic::error(
                    "symlink",
                    format!(
                        "refusing to build into `{}`: the folder `{}` on its way is a symbolic link (to {})",
                        output.display(),
                        shown(&root_abs, &at).display(),
                        target.display()
                    ),
                )
                .in_file(shown(&root_abs, &at))
                .help("replace the link with a folder, or build elsewhere with --output"));
            }
        }
    }
    let resolved = absolute(output);
    for suffix in ["old", "staging", "lock"] {
        let own = sibling(&resolved, suffix);
        if let Some(target) = link_target(&own) {
            return Err(own_path_link(&shown(&root_abs, &own), &target));
        }
    }
    Ok(())
}
