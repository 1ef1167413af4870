//! `[images]` in site.toml: how photographs under `content/` are resized and re-encoded.
//!
//! ```toml
//! [images]
//! widths = [480, 800, 1200, 1600]   # pixel widths to make (never wider than the source)
//! formats = ["webp", "original"]    # best first; the last is the <img> fallback (one width)
//! quality = 80                      # lossy quality, 1–100 (WebP and JPEG)
//! cache_dir = ".nashra-cache"       # processed images are kept here, relative to the site
//! process = true                    # false: copy images as they are, make nothing
//! max_megapixels = 50               # a bigger image is an error (memory stays bounded)
//! ```

use std::path::PathBuf;

use serde::Deserialize;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawImages {
    #[serde(default)]
    pub widths: Option<toml::Spanned<Vec<i64>>>,
    #[serde(default)]
    pub formats: Option<toml::Spanned<Vec<toml::Spanned<String>>>>,
    #[serde(default)]
    pub quality: Option<toml::Spanned<i64>>,
    #[serde(default)]
    pub cache_dir: Option<toml::Spanned<String>>,
    #[serde(default)]
    pub process: Option<bool>,
    #[serde(default)]
    pub max_megapixels: Option<toml::Spanned<i64>>,
}

/// One encoded format of the derivatives.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    Webp,
    Jpeg,
    Png,
    /// The source's own format (JPEG for a JPEG, PNG for a PNG, WebP for a WebP).
    Original,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Webp => "webp",
            Format::Jpeg => "jpeg",
            Format::Png => "png",
            Format::Original => "original",
        }
    }
}

/// The resolved `[images]`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Images {
    /// Ascending, no duplicates.
    pub widths: Vec<u32>,
    /// Best first; the last one is the fallback of `<img>`.
    pub formats: Vec<Format>,
    pub quality: u8,
    /// Relative to the site root unless absolute.
    pub cache_dir: PathBuf,
    pub process: bool,
    pub max_pixels: u64,
}

impl Default for Images {
    fn default() -> Self {
        Images {
            widths: vec![480, 800, 1200, 1600],
            formats: vec![Format::Webp, Format::Original],
            quality: 80,
            cache_dir: PathBuf::from(".nashra-cache"),
            process: true,
            max_pixels: 50_000_000,
        }
    }
}

/// Resolves `[images]`; `err(span, message, help)` reports a problem.
pub(super) fn resolve(
    raw: Option<RawImages>,
    err: &mut dyn FnMut(std::ops::Range<usize>, String, &str),
) -> Images {
    let mut out = Images::default();
    let Some(raw) = raw else { return out };
    if let Some(w) = raw.widths {
        let mut widths = Vec::new();
        for &v in w.get_ref() {
            match u32::try_from(v) {
                Ok(v) if (16..=8192).contains(&v) => widths.push(v),
                _ => err(
                    w.span(),
                    format!("image width {v} is out of range"),
                    "each width is a number of pixels from 16 to 8192, e.g. `widths = [480, 800, 1200, 1600]`",
                ),
            }
        }
        widths.sort_unstable();
        widths.dedup();
        if widths.is_empty() && w.get_ref().is_empty() {
            err(
                w.span(),
                "`widths` is empty".into(),
                "list at least one width, or set `process = false` to copy images as they are",
            );
        }
        if !widths.is_empty() {
            out.widths = widths;
        }
    }
    if let Some(f) = raw.formats {
        let mut formats = Vec::new();
        for name in f.get_ref() {
            let format = match name.get_ref().as_str() {
                "webp" => Format::Webp,
                "jpeg" | "jpg" => Format::Jpeg,
                "png" => Format::Png,
                "original" => Format::Original,
                other => {
                    let help = if other == "avif" {
                        "AVIF is not built into this version of nashra (its encoder is about ten times slower than WebP's); use \"webp\""
                    } else {
                        "the formats are \"webp\", \"jpeg\", \"png\" and \"original\" (the source's own format)"
                    };
                    err(name.span(), format!("unknown image format `{other}`"), help);
                    continue;
                }
            };
            if !formats.contains(&format) {
                formats.push(format);
            }
        }
        if f.get_ref().is_empty() {
            err(
                f.span(),
                "`formats` is empty".into(),
                "e.g. `formats = [\"webp\", \"original\"]`",
            );
        }
        if !formats.is_empty() {
            out.formats = formats;
        }
    }
    if let Some(q) = raw.quality {
        match u8::try_from(*q.get_ref()) {
            Ok(v) if (1..=100).contains(&v) => out.quality = v,
            _ => err(
                q.span(),
                format!("image quality {} is out of range", q.get_ref()),
                "`quality` is from 1 to 100; 80 keeps photographs sharp at a third of their size",
            ),
        }
    }
    if let Some(d) = raw.cache_dir {
        if d.get_ref().trim().is_empty() {
            err(
                d.span(),
                "`cache_dir` is empty".into(),
                "name a folder, e.g. `cache_dir = \".nashra-cache\"`",
            );
        } else if let Err(why) = crate::config::inside_site(d.get_ref()) {
            err(
                d.span(),
                format!("`cache_dir` must be a folder inside the site folder: {why}"),
                "site.toml can come from anyone's branch, and the build writes and deletes in the cache; use a folder of the site, e.g. `cache_dir = \".nashra-cache\"`",
            );
        } else {
            out.cache_dir = PathBuf::from(crate::config::site_folder(d.get_ref()));
        }
    }
    if let Some(p) = raw.process {
        out.process = p;
    }
    if let Some(m) = raw.max_megapixels {
        match u64::try_from(*m.get_ref()) {
            Ok(v) if (1..=500).contains(&v) => out.max_pixels = v * 1_000_000,
            _ => err(
                m.span(),
                format!("max_megapixels {} is out of range", m.get_ref()),
                "`max_megapixels` is from 1 to 500 (a 50-megapixel image takes 150 MB to decode)",
            ),
        }
    }
    out
}
