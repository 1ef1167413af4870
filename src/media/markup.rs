//! What a page writes for a picture: the template value of a lead image or card thumbnail
//! ([`PictureView`]) and the `<picture>` HTML of a Markdown image ([`ForDocument`]).

use std::path::Path;

use serde::Serialize;

use super::{Catalog, Published, Rendition};
use crate::content::markdown::Media;

/// How wide a body image is shown by the default theme (the article column): browsers pick the
/// rendition from it.
pub const BODY_SIZES: &str = "(min-width: 44rem) 42rem, calc(100vw - 2rem)";

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SourceView {
    #[serde(rename = "type")]
    pub mime: &'static str,
    pub srcset: String,
}

/// A picture as templates get it: `src` (the fallback), `srcset` of the fallback format (when
/// it has more than one rendition),
/// `sources` (one per better format, for `<source>`), and the size when known.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PictureView {
    pub src: String,
    pub srcset: Option<String>,
    pub sources: Vec<SourceView>,
    pub width: Option<u32>,
    pub height: Option<u32>,
}

/// The address of an output file: base path + its path, percent-encoded (a space or a comma in
/// a file name would end the URL inside `srcset`).
fn url(base: &str, rel: &str) -> String {
    format!("{base}{}", crate::content::slug::encode_path(rel))
}

fn srcset(base: &str, items: &[Rendition]) -> String {
    items
        .iter()
        .map(|r| format!("{} {}w", url(base, &r.rel), r.width))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The widest rendition a thumbnail lists in its `srcset`.
pub const THUMB_MAX: u32 = 1200;

/// A picture's template values for the site's base path: whole, and as a thumbnail.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Views {
    pub full: PictureView,
    pub thumb: PictureView,
}

impl Views {
    pub fn of(base: &str, p: &Published) -> Views {
        Views {
            full: make(base, p, u32::MAX),
            thumb: make(base, p, THUMB_MAX),
        }
    }
}

/// The template value of a published file shown as a picture (`base`: the site's base path,
/// which the catalog's pictures were made for).
pub fn view(base: &str, p: &Published) -> PictureView {
    p.views
        .as_ref()
        .map_or_else(|| make(base, p, u32::MAX), |v| v.full.clone())
}

/// [`view`] with the renditions wider than [`THUMB_MAX`] left out of `srcset` (thumbnails never
/// need them, and a list page shows hundreds of cards).
pub fn thumb(base: &str, p: &Published) -> PictureView {
    p.views
        .as_ref()
        .map_or_else(|| make(base, p, THUMB_MAX), |v| v.thumb.clone())
}

/// The picture with the renditions wider than `max` left out of `srcset`.
fn make(base: &str, p: &Published, max: u32) -> PictureView {
    let pic = p.picture.as_ref();
    let narrow = |items: &[Rendition]| -> Vec<Rendition> {
        let mut v: Vec<Rendition> = items.iter().filter(|r| r.width <= max).cloned().collect();
        if v.is_empty() {
            v.extend(items.first().cloned());
        }
        v
    };
    let fallback = pic.and_then(|p| p.fallback());
    let sets = pic.map_or(&[][..], |p| p.sets.as_slice());
    let (last, better) = match sets.split_last() {
        Some((l, b)) => (Some(l), b),
        None => (None, &[][..]),
    };
    PictureView {
        src: url(base, fallback.map_or(p.rel.as_str(), |r| r.rel.as_str())),
        // one rendition needs no srcset: `src` is it
        srcset: last
            .filter(|s| s.items.len() > 1)
            .map(|s| srcset(base, &narrow(&s.items))),
        sources: better
            .iter()
            .map(|s| SourceView {
                mime: s.encoding.mime(),
                srcset: srcset(base, &narrow(&s.items)),
            })
            .collect(),
        width: pic.map(|p| p.width),
        height: pic.map(|p| p.height),
    }
}

/// The `<picture>` (or `<img>`) HTML of `v`, loaded lazily.
pub fn html(v: &PictureView, alt: &str, title: &str, sizes: &str) -> String {
    html_with(v, alt, title, sizes, " loading=\"lazy\" decoding=\"async\"")
}

/// [`html`] with `tail` (attributes, each with its leading space) at the end of `<img>`.
pub fn html_with(v: &PictureView, alt: &str, title: &str, sizes: &str, tail: &str) -> String {
    use pulldown_cmark_escape::{escape_href, escape_html};
    let mut s = String::new();
    if !v.sources.is_empty() {
        s.push_str("<picture>");
        for src in &v.sources {
            s.push_str("<source type=\"");
            s.push_str(src.mime);
            s.push_str("\" srcset=\"");
            let _ = escape_html(&mut s, &src.srcset);
            s.push_str("\" sizes=\"");
            s.push_str(sizes);
            s.push_str("\">");
        }
    }
    s.push_str("<img src=\"");
    let _ = escape_href(&mut s, &v.src);
    s.push('"');
    if let Some(set) = &v.srcset {
        s.push_str(" srcset=\"");
        let _ = escape_html(&mut s, set);
        s.push_str("\" sizes=\"");
        s.push_str(sizes);
        s.push('"');
    }
    s.push_str(" alt=\"");
    let _ = escape_html(&mut s, alt);
    s.push('"');
    if !title.is_empty() {
        s.push_str(" title=\"");
        let _ = escape_html(&mut s, title);
        s.push('"');
    }
    if let (Some(w), Some(h)) = (v.width, v.height) {
        s.push_str(&format!(" width=\"{w}\" height=\"{h}\""));
    }
    s.push_str(tail);
    s.push('>');
    if !v.sources.is_empty() {
        s.push_str("</picture>");
    }
    s
}

/// Resolves the links and images of one document's Markdown against the catalog.
pub struct ForDocument<'a> {
    pub catalog: &'a Catalog,
    /// The document's folder under `content/`.
    pub folder: &'a Path,
    /// The site's base path (`/` or `/news/`).
    pub base: &'a str,
    /// Every document by its path under `content/`, and every document's URL path: a link to
    /// another Markdown file (`[…](../10/report.md#key)`, as Obsidian and Hugo sites write them)
    /// goes to that article's page.
    pub documents: &'a std::collections::HashMap<String, usize>,
    pub urls: &'a [String],
    /// Set when a link to a Markdown file is seen (see `Prepared::md_links`).
    pub md_links: &'a std::sync::atomic::AtomicBool,
    /// Documents the publication rules left out (`Site::held_paths`).
    pub held: &'a std::collections::BTreeSet<String>,
    /// Where links to held documents are noted: (this document, the link as written).
    pub held_links: &'a std::sync::Mutex<Vec<(usize, String)>>,
    /// This document.
    pub id: usize,
}

impl Media for ForDocument<'_> {
    fn href(&self, dest: &str) -> Option<String> {
        let (path, fragment) = match dest.split_once('#') {
            Some((p, f)) => (p, Some(f)),
            None => (dest, None),
        };
        if path.ends_with(".md") {
            use unicode_normalization::UnicodeNormalization;
            self.md_links
                .store(true, std::sync::atomic::Ordering::Relaxed);
            let key: String = super::resolve(self.folder, path)?.nfc().collect();
            let Some(&id) = self.documents.get(&key) else {
                // a draft, embargoed or expired article: no link to a page that is not there
                if self.held.contains(&key) {
                    if let Ok(mut h) = self.held_links.lock() {
                        h.push((self.id, dest.to_string()));
                    }
                    return Some(String::new());
                }
                return None;
            };
            let mut link = url(self.base, self.urls.get(id)?);
            if let Some(f) = fragment {
                link.push('#');
                link.push_str(f);
            }
            return Some(link);
        }
        let p = self.catalog.resolve(self.folder, dest)?;
        Some(url(self.base, &p.rel))
    }

    fn image(&self, dest: &str, alt: &str, title: &str) -> Option<String> {
        let p = self.catalog.resolve(self.folder, dest)?;
        Some(html(&view(self.base, p), alt, title, BODY_SIZES))
    }
}
