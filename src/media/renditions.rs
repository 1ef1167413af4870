//! The renditions of one picture: which widths and formats it gets, their names, and making
//! what its cache entry lacks.

use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;

use super::cache::Cache;
use super::encode::{self, Encoding};
use super::{Picture, Rendition, Set, CENTRE, SOCIAL};
use crate::config::{ImageFormat, Images};

/// The widths to make of a `w`-pixel-wide picture: the configured ones narrower than it, and
/// the widest it allows (never upscaled).
pub(super) fn widths(settings: &Images, w: u32) -> Vec<u32> {
    let max = settings.widths.last().copied().unwrap_or(w).min(w);
    let mut out: Vec<u32> = settings
        .widths
        .iter()
        .copied()
        .filter(|&x| x < max)
        .collect();
    out.push(max);
    out
}

/// The widest rendition a `w`×`h` picture may have in every one of `encs` (WebP allows 16,383
/// pixels a side: a tall infographic gets renditions narrow enough for its height to fit);
/// `None` when even one pixel wide would be too tall.
pub(super) fn widest(w: u32, h: u32, encs: &[Encoding]) -> Option<u32> {
    let side = encs.iter().map(|e| e.max_side()).min().unwrap_or(u32::MAX);
    if h <= side {
        return Some(w);
    }
    let fit = (u64::from(side) * u64::from(w) / u64::from(h)) as u32;
    (fit >= 1).then_some(fit.min(w))
}

/// The width of the fallback format's one rendition (the `<img src>`): the widest of `ws` up to
/// [`FALLBACK_MAX`], else the narrowest.
fn fallback_width(ws: &[u32]) -> u32 {
    ws.iter()
        .rev()
        .copied()
        .find(|&w| w <= FALLBACK_MAX)
        .or(ws.first().copied())
        .unwrap_or(FALLBACK_MAX)
}

/// The widest `<img src>` rendition: what a browser that takes none of the better formats gets.
pub(super) const FALLBACK_MAX: u32 = 1200;

/// The widths to make in the `i`-th of `n` encodings: all of `ws`, but for the fallback of
/// several formats, which is made once. Every current browser takes the better format (WebP) from
/// `<source>`, so more fallback widths would be files no reader loads.
fn widths_for(ws: &[u32], i: usize, n: usize) -> Vec<u32> {
    if n > 1 && i + 1 == n {
        vec![fallback_width(ws)]
    } else {
        ws.to_vec()
    }
}

/// The encodings to write for a source of `kind`, best first.
fn encodings(settings: &Images, kind: Encoding) -> Vec<Encoding> {
    let mut out = Vec::new();
    for f in &settings.formats {
        let e = match f {
            ImageFormat::Webp => Encoding::Webp,
            ImageFormat::Jpeg => Encoding::Jpeg,
            ImageFormat::Png => Encoding::Png,
            ImageFormat::Original => kind,
        };
        if !out.contains(&e) {
            out.push(e);
        }
    }
    out
}

fn height_for(w: u32, h: u32, width: u32) -> u32 {
    ((u64::from(h) * u64::from(width) + u64::from(w) / 2) / u64::from(w)).max(1) as u32
}

/// The social crop's output size for a `w`×`h` picture: 1200×630, or smaller with the same shape.
pub(super) fn social_size(w: u32, h: u32) -> (u32, u32) {
    let aspect = f64::from(SOCIAL.0) / f64::from(SOCIAL.1);
    let c = encode::crop_for(w, h, aspect, CENTRE);
    let sw = (c.width.round() as u32).clamp(1, SOCIAL.0);
    (sw, ((f64::from(sw) / aspect).round() as u32).max(1))
}

type Made = (Picture, Vec<(String, PathBuf)>, bool);

/// Processes one picture: from its cache entry when complete, else decoded once for whatever is
/// missing. Returns the picture, its files (output path, cached file) and whether it was decoded.
pub(super) fn make(
    cache: &Cache,
    settings: &Images,
    rel: &str,
    source: &Path,
    kind: Encoding,
    focuses: &[(u16, u16)],
) -> Result<Made, String> {
    let (hash, bytes) = cache
        .source_hash(rel, source)
        .map_err(|e| format!("cannot read the picture: {e}"))?;
    let encs = encodings(settings, kind);
    let fingerprint = format!(
        "v2 {:?} {:?} q{} max{}",
        settings.widths, encs, settings.quality, settings.max_pixels
    );
    let mut keyed = hash.to_le_bytes().to_vec();
    keyed.extend_from_slice(fingerprint.as_bytes());
    let key = xxhash_rust::xxh3::xxh3_128(&keyed);
    let entry = cache.entry(key);
    let short = format!("{key:032x}");
    let short = &short[..8];
    let stem = rel.rsplit_once('.').map_or(rel, |(s, _)| s);
    let social_name = |f: (u16, u16)| format!("social-{}-{}.jpg", f.0, f.1);

    let layout = |w: u32, h: u32| -> (Picture, Vec<(String, PathBuf)>) {
        let mut files = Vec::new();
        let mut sets = Vec::new();
        let ws = widths(settings, widest(w, h, &encs).unwrap_or(1));
        for (i, &e) in encs.iter().enumerate() {
            let items = widths_for(&ws, i, encs.len())
                .iter()
                .map(|&width| {
                    let out = format!("{stem}-{width}.{short}.{}", e.ext());
                    files.push((out.clone(), entry.join(format!("{width}.{}", e.ext()))));
                    Rendition {
                        width,
                        height: height_for(w, h, width),
                        rel: out,
                    }
                })
                .collect();
            sets.push(Set { encoding: e, items });
        }
        let (sw, sh) = social_size(w, h);
        let socials = focuses
            .iter()
            .map(|&f| {
                let out = format!("{stem}-social-{}-{}.{short}.jpg", f.0, f.1);
                files.push((out.clone(), entry.join(social_name(f))));
                (
                    f,
                    Rendition {
                        width: sw,
                        height: sh,
                        rel: out,
                    },
                )
            })
            .collect();
        (
            Picture {
                width: w,
                height: h,
                sets,
                socials,
            },
            files,
        )
    };

    let known = Cache::info(&entry);
    let missing: Vec<(u16, u16)> = focuses
        .iter()
        .copied()
        .filter(|&f| known.is_none() || !entry.join(social_name(f)).is_file())
        .collect();
    if let Some((w, h)) = known {
        if missing.is_empty() {
            let (p, files) = layout(w, h);
            return Ok((p, files, false));
        }
    }

    let bytes = match bytes {
        Some(b) => b,
        None => std::fs::read(source).map_err(|e| format!("cannot read the picture: {e}"))?,
    };
    super::DECODED.fetch_add(1, Ordering::Relaxed);
    let readable = encode::for_decoding(&bytes, kind);
    let credit = encode::credit_of(&readable, kind);
    let d = encode::decode(&readable, kind, settings.max_pixels)?;
    drop(readable);
    drop(bytes);
    let Some(widest) = widest(d.width, d.height, &encs) else {
        return Err(format!(
            "the picture is {}×{} pixels: too tall for any rendition at least one pixel wide (WebP allows {} pixels a side)",
            d.width,
            d.height,
            encode::WEBP_MAX_SIDE
        ));
    };
    let (picture, files) = layout(d.width, d.height);
    let mut resizer = fast_image_resize::Resizer::new();
    let write = |name: &str, data: &[u8]| {
        Cache::put(&entry, name, data).map_err(|e| {
            format!(
                "{} {}: {e}",
                super::CACHE_WRITE,
                entry.parent().unwrap_or(&entry).display()
            )
        })
    };
    if known.is_none() {
        let ws = widths(settings, widest);
        for &width in &ws {
            let height = height_for(d.width, d.height, width);
            let resized;
            let pixels = if width == d.width {
                &d.pixels
            } else {
                resized = encode::resize(&mut resizer, &d, width, height, None)?;
                &resized
            };
            for (i, &e) in encs.iter().enumerate() {
                if !widths_for(&ws, i, encs.len()).contains(&width) {
                    continue;
                }
                let out = encode::encode(
                    e,
                    pixels,
                    width,
                    height,
                    d.alpha,
                    settings.quality,
                    credit.as_deref(),
                )?;
                write(&format!("{width}.{}", e.ext()), &out)?;
            }
        }
    }
    let (sw, sh) = social_size(d.width, d.height);
    let aspect = f64::from(SOCIAL.0) / f64::from(SOCIAL.1);
    for f in missing {
        let crop = encode::crop_for(d.width, d.height, aspect, f);
        let pixels = encode::resize(&mut resizer, &d, sw, sh, Some(crop))?;
        let out = encode::encode(
            Encoding::Jpeg,
            &pixels,
            sw,
            sh,
            d.alpha,
            settings.quality,
            credit.as_deref(),
        )?;
        write(&social_name(f), &out)?;
    }
    write("info", format!("{} {}", d.width, d.height).as_bytes())?;
    Ok((picture, files, true))
}
