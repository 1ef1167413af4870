//! The built-in theme: the repository's `templates/`, `locales/` and `static/` folders, compiled
//! into the binary, and the overlay of a site's own files on top of them (SPEC §1).
//!
//! A site file with the same relative path replaces the built-in one; locale files are merged
//! later, message by message (see [`crate::i18n`]). Every file knows where it came from, so
//! errors name the site's file, or `<built-in>/…` for the theme's own.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use include_dir::{include_dir, Dir};

use crate::diagnostics::{Diagnostic, Diagnostics};

static TEMPLATES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/templates");
static LOCALES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/locales");
static STATIC: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/static");

/// Which of the theme's folders.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layer {
    Templates,
    Locales,
    Static,
}

impl Layer {
    pub fn folder(self) -> &'static str {
        match self {
            Layer::Templates => "templates",
            Layer::Locales => "locales",
            Layer::Static => "static",
        }
    }

    fn builtin(self) -> &'static Dir<'static> {
        match self {
            Layer::Templates => &TEMPLATES,
            Layer::Locales => &LOCALES,
            Layer::Static => &STATIC,
        }
    }
}

/// One file of a layer.
#[derive(Clone, Debug)]
pub struct ThemeFile {
    /// `/`-separated path inside the layer folder, e.g. `article.html` or `ar/ui.ftl`.
    pub name: String,
    /// The path to show in messages: `templates/article.html` or `<built-in>/templates/article.html`.
    pub display: PathBuf,
    pub contents: Contents,
}

#[derive(Clone, Debug)]
pub enum Contents {
    Embedded(&'static [u8]),
    /// A file of the site, read when needed (static files are copied, never loaded whole).
    OnDisk(PathBuf),
}

impl ThemeFile {
    /// A file of the built-in theme (not one the site wrote or replaced).
    pub fn is_builtin(&self) -> bool {
        matches!(self.contents, Contents::Embedded(_))
    }

    pub fn read(&self) -> std::io::Result<std::borrow::Cow<'static, [u8]>> {
        match &self.contents {
            Contents::Embedded(b) => Ok(std::borrow::Cow::Borrowed(b)),
            Contents::OnDisk(p) => std::fs::read(p).map(std::borrow::Cow::Owned),
        }
    }
}

fn collect_builtin(dir: &'static Dir<'static>, out: &mut Vec<(String, &'static [u8])>) {
    for f in dir.files() {
        out.push((f.path().to_string_lossy().replace('\\', "/"), f.contents()));
    }
    for d in dir.dirs() {
        collect_builtin(d, out);
    }
}

/// The built-in files of a layer (only), sorted by name.
pub fn builtin_files(layer: Layer) -> Vec<ThemeFile> {
    let mut raw = Vec::new();
    collect_builtin(layer.builtin(), &mut raw);
    raw.sort();
    raw.into_iter()
        .map(|(name, bytes)| ThemeFile {
            display: Path::new("<built-in>").join(layer.folder()).join(&name),
            name,
            contents: Contents::Embedded(bytes),
        })
        .collect()
}

/// The site's own files of a layer, sorted by name.
/// Symbolic links are refused unless `follow` (site.toml `follow_symlinks`) allows those that
/// stay inside the site (see [`crate::safety`]).
pub fn site_files(root: &Path, layer: Layer, follow: bool, diags: &Diagnostics) -> Vec<ThemeFile> {
    let dir = root.join(layer.folder());
    if !dir.is_dir() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let bounds = crate::safety::Bounds::new(root, follow);
    crate::safety::walk(root, &dir, &bounds, diags, |path, rel| {
        let display = Path::new(layer.folder()).join(rel);
        let parts: Option<Vec<&str>> = rel.components().map(|c| c.as_os_str().to_str()).collect();
        let Some(parts) = parts else {
            diags.push(Diagnostic::error("io", "file name is not valid UTF-8").in_file(display));
            return;
        };
        if crate::safety::is_ignored_source(rel) {
            return;
        }
        if let Some(why) = crate::safety::bad_source_name(rel) {
            diags.push(Diagnostic::error("bad-file-name", why).in_file(display));
            return;
        }
        out.push(ThemeFile {
            name: parts.join("/"),
            display,
            contents: Contents::OnDisk(path.to_path_buf()),
        });
    });
    out
}

/// Built-in files overlaid with the site's: same name → the site's file wins.
pub fn overlay(root: &Path, layer: Layer, follow: bool, diags: &Diagnostics) -> Vec<ThemeFile> {
    let mut map: BTreeMap<String, ThemeFile> = BTreeMap::new();
    for f in builtin_files(layer) {
        map.insert(f.name.clone(), f);
    }
    for f in site_files(root, layer, follow, diags) {
        map.insert(f.name.clone(), f);
    }
    map.into_values().collect()
}
