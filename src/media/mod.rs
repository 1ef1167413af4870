//! Stage 4b: media. Every file under `content/` that is not Markdown is published once, at its
//! own path (`content/2025/11/x/map.svg` → `/2025/11/x/map.svg`), however many pages use it;
//! pages link to it there. Every JPEG, PNG and WebP photograph is published as renditions
//! instead (`lead-800.HASH.webp`): each width of `[images] widths` up to its own in the best
//! format of `[images] formats`, and one width (up to 1200 pixels) in the fallback, upright (EXIF orientation applied) and stripped of metadata but its
//! credit; each lead image also gets a 1200×630 crop around its `focus` for social cards. The
//! original is not published (its metadata can say where and when it was taken); a link to it
//! goes to its widest rendition.
//!
//! Processed pictures are kept in the cache ([`cache`]), so a rebuild decodes only pictures that
//! changed. The result is a [`Catalog`], kept in the site model: rendering asks it what to write
//! for an image or a link ([`Catalog::resolve`], [`markup`]).

pub mod cache;
pub mod encode;
pub mod markup;
mod renditions;

use std::collections::{BTreeMap, HashMap};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::diagnostics::{Diagnostic, Diagnostics, Pos};
use crate::model::Site;
use cache::Cache;
use encode::Encoding;

/// The social card size (Open Graph's recommended 1.91:1).
pub const SOCIAL: (u32, u32) = (1200, 630);

/// One size of one derivative.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rendition {
    pub width: u32,
    pub height: u32,
    /// Path in the output.
    pub rel: String,
}

/// The renditions of one format, narrowest first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Set {
    pub encoding: Encoding,
    pub items: Vec<Rendition>,
}

/// What is known of a picture: its size (upright) and its derivatives (none for SVG, GIF and
/// pictures not processed).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Picture {
    pub width: u32,
    pub height: u32,
    /// Best format first; the last is the `<img>` fallback.
    pub sets: Vec<Set>,
    /// Social card crops by focus (thousandths).
    pub socials: Vec<((u16, u16), Rendition)>,
}

impl Picture {
    /// The rendition for `<img src>`: the fallback format's widest up to 1200 pixels (with
    /// several formats, the fallback's only one).
    pub fn fallback(&self) -> Option<&Rendition> {
        let set = self.sets.last()?;
        set.items
            .iter()
            .rev()
            .find(|r| r.width <= renditions::FALLBACK_MAX)
            .or(set.items.first())
    }

    /// The widest rendition of the best format: where a link to the picture goes.
    pub fn widest(&self) -> Option<&Rendition> {
        self.sets.first()?.items.last()
    }

    pub fn social(&self, focus: (u16, u16)) -> Option<&Rendition> {
        self.socials
            .iter()
            .find(|(f, _)| *f == focus)
            .map(|(_, r)| r)
    }
}

/// A published file of `content/`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Published {
    /// Where a link to it points, in the output: the file itself, or for a processed picture
    /// its widest rendition in the best format (the original, with all its metadata, such
    /// as where it was taken, is not published).
    pub rel: String,
    /// Whether the file itself is copied (every file but the processed pictures).
    pub copied: bool,
    /// Its size and derivatives, when it is a picture.
    pub picture: Option<Picture>,
    /// Its template values, whole and as a thumbnail, made once for the site's base path
    /// ([`markup::view`] returns them rather than percent-encoding every address again for
    /// each page that shows the picture).
    pub views: Option<Box<markup::Views>>,
}

/// Every published content file, by its path under `content/` (`/`-separated).
#[derive(Debug, Default)]
pub struct Catalog {
    files: HashMap<String, Published>,
    /// Derivatives to write: output path → cached file.
    outputs: Vec<(String, PathBuf)>,
    /// Pictures decoded by the build that made this catalog, and pictures found in the cache.
    pub decoded: usize,
    pub cached: usize,
}

/// The focus of a picture with none given.
pub const CENTRE: (u16, u16) = (500, 500);

/// The social crops `site`'s documents ask for: each lead image's path and the focuses wanted,
/// in the order the documents ask for them.
fn wanted_socials(site: &Site) -> BTreeMap<String, Vec<(u16, u16)>> {
    let mut socials: BTreeMap<String, Vec<(u16, u16)>> = BTreeMap::new();
    for doc in &site.documents {
        if let Some(img) = &doc.image {
            if let Some(rel) = resolve(&doc.folder, &img.src) {
                let f = socials.entry(rel).or_default();
                let focus = img.focus.unwrap_or(CENTRE);
                if !f.contains(&focus) {
                    f.push(focus);
                }
            }
        }
    }
    socials
}

impl Catalog {
    /// Whether this catalog has exactly the social crops `site`'s documents ask for, so it can
    /// serve a new model of the same files (`watch`): a crop no document wants any more would
    /// otherwise stay in the output.
    pub fn socials_match(&self, site: &Site) -> bool {
        let wanted = wanted_socials(site);
        let mut have: BTreeMap<&str, Vec<(u16, u16)>> = BTreeMap::new();
        for (rel, p) in &self.files {
            if let Some(pic) = &p.picture {
                if !pic.socials.is_empty() {
                    let mut f: Vec<(u16, u16)> = pic.socials.iter().map(|(f, _)| *f).collect();
                    f.sort_unstable();
                    have.insert(rel.as_str(), f);
                }
            }
        }
        let mut want: BTreeMap<&str, Vec<(u16, u16)>> = BTreeMap::new();
        for (rel, f) in &wanted {
            // pictures that are not processed (or not pictures) have no crops to compare
            if self
                .files
                .get(rel)
                .and_then(|p| p.picture.as_ref())
                .is_some_and(|p| !p.sets.is_empty())
            {
                let mut f = f.clone();
                f.sort_unstable();
                want.insert(rel.as_str(), f);
            }
        }
        have == want
    }

    pub fn get(&self, rel: &str) -> Option<&Published> {
        self.files.get(rel)
    }

    /// The published file a reference written in a document of `folder` names, if any.
    pub fn resolve(&self, folder: &Path, dest: &str) -> Option<&Published> {
        self.get(&resolve(folder, dest)?)
    }

    /// Derivative files (output path, cached source), in a stable order.
    pub fn outputs(&self) -> &[(String, PathBuf)] {
        &self.outputs
    }

    /// Output paths of every derivative.
    pub fn output_paths(&self) -> impl Iterator<Item = &str> {
        self.outputs.iter().map(|(r, _)| r.as_str())
    }

    /// Whether the content file `rel` is copied into the output as it is (a processed picture
    /// is not: its renditions are). True for a file the catalog does not know.
    pub fn copies(&self, rel: &str) -> bool {
        self.files.get(rel).is_none_or(|p| p.copied)
    }
}

/// The path under `content/` that `dest`, written in a document of `folder`, names: a relative
/// reference (no scheme, not `/…`, no `#`/`?` part), percent-decoded, `..` allowed while it stays
/// inside `content/`.
pub fn resolve(folder: &Path, dest: &str) -> Option<String> {
    if dest.is_empty()
        || dest.starts_with('/')
        || dest.starts_with('#')
        || dest.contains('?')
        || dest.contains('#')
        || dest.contains('\\')
        || dest.split('/').next().is_some_and(|f| f.contains(':'))
    {
        return None;
    }
    let decoded = crate::content::slug::decode_path(dest)?;
    let mut parts: Vec<String> = Vec::new();
    for c in folder.components() {
        match c {
            Component::Normal(s) => parts.push(s.to_string_lossy().into_owned()),
            _ => return None,
        }
    }
    for seg in decoded.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s.to_string()),
        }
    }
    (!parts.is_empty()).then(|| parts.join("/"))
}

static DECODED: AtomicUsize = AtomicUsize::new(0);

/// Pictures decoded by this process so far (tests check that a warm rebuild decodes none).
pub fn decoded_total() -> usize {
    DECODED.load(Ordering::Relaxed)
}

/// Makes the catalog of `site`'s content files: processes every picture (from the cache when it
/// can) and reports each picture that cannot be read, with the documents that use it.
pub fn process(root: &Path, site: &Site, diags: &Diagnostics) -> Catalog {
    let settings = &site.config.images;
    let socials = wanted_socials(site);
    let cache_dir = root.join(&settings.cache_dir);
    let cache = Cache::open(&cache_dir);
    let cache_failures: std::sync::Mutex<Vec<String>> = Default::default();
    // (path, what is published, its derivative files, decoded or from the cache)
    type One = (String, Published, Vec<(String, PathBuf)>, Option<bool>);
    let results: Vec<One> = site
        .assets
        .par_iter()
        .filter_map(|(asset, _)| {
            let rel = asset.target();
            let named = Encoding::of_name(&rel).filter(|_| settings.process);
            // decoded by what the file is: a JPEG named `.png` is read as a JPEG, with a warning
            let kind = named.map(|named| {
                let actual = first_bytes(&asset.source).and_then(|h| Encoding::of_bytes(&h));
                match actual {
                    Some(actual) if actual != named => {
                        diags.push(
                            Diagnostic::warning(
                                "image-extension",
                                format!(
                                    "this file is a {} picture, but its name ends in .{}",
                                    actual.ext().to_ascii_uppercase(),
                                    rel.rsplit_once('.').map_or("", |(_, e)| e)
                                ),
                            )
                            .in_file(Path::new("content").join(&rel))
                            .help(format!(
                                "rename it to end in .{} (it is read as what it is, but other tools go by the name)",
                                actual.ext()
                            )),
                        );
                        actual
                    }
                    _ => named,
                }
            });
            let Some(kind) = kind else {
                // copied as it is; its size when its header says it (SVG has none)
                let picture = imagesize::size(&asset.source).ok().map(|s| Picture {
                    width: s.width as u32,
                    height: s.height as u32,
                    ..Picture::default()
                });
                let published = Published {
                    rel: rel.clone(),
                    copied: true,
                    picture,
                    views: None,
                };
                return Some((rel, published, Vec::new(), None));
            };
            let wanted = socials.get(&rel).map_or(&[][..], Vec::as_slice);
            match renditions::make(&cache, settings, &rel, &asset.source, kind, wanted) {
                Ok((picture, files, decoded)) => Some((
                    rel.clone(),
                    Published {
                        rel: picture.widest().map_or(rel, |r| r.rel.clone()),
                        copied: false,
                        picture: Some(picture),
                        views: None,
                    },
                    files,
                    Some(decoded),
                )),
                Err(why) if why.starts_with(CACHE_WRITE) => {
                    // the cache's disk, not the picture: said once, below
                    if let Ok(mut c) = cache_failures.lock() {
                        c.push(why);
                    }
                    None
                }
                Err(why) => {
                    report(root, site, &rel, &why, diags);
                    None
                }
            }
        })
        .collect();
    let cache_failures = match cache_failures.into_inner() {
        Ok(c) => c,
        Err(p) => p.into_inner(),
    };
    if let Some(first) = cache_failures.first() {
        diags.push(
            Diagnostic::error(
                "image-cache",
                format!(
                    "{first} (and {} more pictures)",
                    cache_failures.len() - 1
                ),
            )
            .in_file(&settings.cache_dir)
            .help("the image cache could not be written (is its disk full?); free some space, or set `cache_dir` in site.toml to a folder on another disk, and build again"),
        );
    }
    cache.finish(true);
    let mut catalog = Catalog::default();
    for (rel, published, files, decoded) in results {
        match decoded {
            Some(true) => catalog.decoded += 1,
            Some(false) => catalog.cached += 1,
            None => {}
        }
        catalog.outputs.extend(files);
        catalog.files.insert(rel, published);
    }
    let base = &site.config.base_path;
    catalog
        .files
        .par_iter_mut()
        .filter(|(_, p)| p.picture.is_some())
        .for_each(|(_, p)| p.views = Some(Box::new(markup::Views::of(base, p))));
    catalog.outputs.sort();
    catalog
}

/// The first 16 bytes of a file, enough to tell a picture's format.
fn first_bytes(path: &Path) -> Option<Vec<u8>> {
    use std::io::Read;
    let mut head = Vec::with_capacity(16);
    std::fs::File::open(path)
        .ok()?
        .take(16)
        .read_to_end(&mut head)
        .ok()?;
    Some(head)
}

/// How an error writing to the image cache begins (see `renditions::make`).
pub(crate) const CACHE_WRITE: &str = "cannot write to the image cache";

/// Refuses an image cache reached through a symbolic link ([`crate::safety::refuse_cache_link`]).
pub fn check_cache_dir(
    root: &Path,
    settings: &crate::config::images::Images,
) -> Result<(), Diagnostic> {
    crate::safety::refuse_cache_link(root, &settings.cache_dir.join("images"), "image cache")
}

/// Reports a picture that cannot be processed: at each document that uses it (the line of its
/// `image:` or of the Markdown that shows it), or at the file when none does.
fn report(root: &Path, site: &Site, rel: &str, why: &str, diags: &Diagnostics) {
    let file = Path::new("content").join(rel);
    let mut users: Vec<(PathBuf, Pos)> = Vec::new();
    let name = rel.rsplit('/').next().unwrap_or(rel);
    for doc in &site.documents {
        if let Some(img) = &doc.image {
            if resolve(&doc.folder, &img.src).as_deref() == Some(rel) {
                users.push((doc.path.clone(), img.pos));
                continue;
            }
        }
        // a body reference: the first line naming the file
        let Ok(text) = std::fs::read_to_string(root.join(&doc.path)) else {
            continue;
        };
        if !text.contains(name) {
            continue;
        }
        for (i, line) in text.lines().enumerate() {
            let used = line.match_indices(name).any(|(at, _)| {
                let start = line[..at].rfind(['(', '"', '\'']).map_or(0, |p| p + 1);
                resolve(&doc.folder, &line[start..at + name.len()]).as_deref() == Some(rel)
            });
            if used {
                users.push((doc.path.clone(), Pos::new(i + 1, 1)));
                break;
            }
        }
    }
    let message = format!("image {}: {why}", file.display());
    if users.is_empty() {
        diags.push(
            Diagnostic::error("bad-image", message.clone())
                .in_file(&file)
                .help("replace the file with a JPEG, PNG or WebP that opens in an image viewer, or remove it"),
        );
    }
    for (path, pos) in users {
        diags.push(
            Diagnostic::error("bad-image", message.clone())
                .in_file(path)
                .at(pos)
                .help("replace the file with a JPEG, PNG or WebP that opens in an image viewer, or stop using it here"),
        );
    }
}

/// Writes every derivative into the output as a hard link to its cache file (cache files are
/// only ever replaced, never changed in place, so the output cannot change under a later
/// build). Returns the count.
pub fn write(catalog: &Catalog, out: &crate::output::Staging, diags: &Diagnostics) -> usize {
    catalog
        .outputs
        .par_iter()
        .filter(|(rel, from)| match out.put_link(rel, from) {
            Ok(_) => true,
            Err(d) => {
                diags.push(d);
                false
            }
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_resolve_inside_content_only() {
        let f = Path::new("2025/11/summit");
        assert_eq!(
            resolve(f, "lead.jpg").as_deref(),
            Some("2025/11/summit/lead.jpg")
        );
        assert_eq!(
            resolve(f, "./a/b.png").as_deref(),
            Some("2025/11/summit/a/b.png")
        );
        assert_eq!(
            resolve(f, "../shared/map.png").as_deref(),
            Some("2025/11/shared/map.png")
        );
        assert_eq!(
            resolve(f, "my%20photo.jpg").as_deref(),
            Some("2025/11/summit/my photo.jpg")
        );
        assert_eq!(resolve(f, "../../../../etc/passwd"), None);
        for no in [
            "https://x.org/a.jpg",
            "/a.jpg",
            "#top",
            "a.jpg?x=1",
            "mailto:a@b",
            "data:image/png;base64,xx",
        ] {
            assert_eq!(resolve(f, no), None, "{no}");
        }
    }

    #[test]
    fn widths_never_upscale() {
        use crate::config::Images;
        use renditions::{social_size, widths};
        let s = Images::default();
        assert_eq!(widths(&s, 2400), vec![480, 800, 1200, 1600]);
        assert_eq!(widths(&s, 1000), vec![480, 800, 1000]);
        assert_eq!(widths(&s, 300), vec![300]);
        assert_eq!(widths(&s, 800), vec![480, 800]);
        assert_eq!(social_size(2400, 1600), (1200, 630));
        assert_eq!(social_size(600, 600), (600, 315));
    }
}
