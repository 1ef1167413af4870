//! Decoding, resizing and encoding one picture.
//!
//! Decoders come from the `image` crate (zune-jpeg, png, image-webp), with the picture's size
//! checked from its header before any pixel is decoded; resizing is `fast_image_resize`
//! (Lanczos3, SIMD); WebP is libwebp's lossy encoder (the `webp` crate), JPEG `jpeg-encoder`,
//! PNG the `png` crate through `image`. Re-encoding drops the source's metadata; the credit,
//! when there is one, is written back as EXIF `Copyright`.

use std::io::Cursor;

use fast_image_resize as fr;
use image::{DynamicImage, ImageDecoder};

/// The encodings a derivative can have.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Encoding {
    Webp,
    Jpeg,
    Png,
}

impl Encoding {
    pub fn ext(self) -> &'static str {
        match self {
            Encoding::Webp => "webp",
            Encoding::Jpeg => "jpg",
            Encoding::Png => "png",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            Encoding::Webp => "image/webp",
            Encoding::Jpeg => "image/jpeg",
            Encoding::Png => "image/png",
        }
    }

    /// The encoding a file's first bytes say it has (as browsers and Hugo decide), whatever
    /// its name says.
    pub fn of_bytes(head: &[u8]) -> Option<Encoding> {
        if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(Encoding::Jpeg)
        } else if head.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(Encoding::Png)
        } else if head.len() >= 12 && &head[..4] == b"RIFF" && &head[8..12] == b"WEBP" {
            Some(Encoding::Webp)
        } else {
            None
        }
    }

    /// The encoding of a source file, from its name.
    pub fn of_name(name: &str) -> Option<Encoding> {
        let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
        match ext.as_str() {
            "jpg" | "jpeg" => Some(Encoding::Jpeg),
            "png" => Some(Encoding::Png),
            "webp" => Some(Encoding::Webp),
            _ => None,
        }
    }
}

/// A decoded picture, upright, as 8-bit RGB or RGBA.
pub struct Decoded {
    pub width: u32,
    pub height: u32,
    pub alpha: bool,
    pub pixels: Vec<u8>,
}

/// Decodes `bytes` (as [`for_decoding`] gives them), refusing pictures over `max_pixels` before
/// decoding them, and applies the EXIF orientation. The error is a sentence for the editor.
pub fn decode(bytes: &[u8], kind: Encoding, max_pixels: u64) -> Result<Decoded, String> {
    let format = match kind {
        Encoding::Jpeg => image::ImageFormat::Jpeg,
        Encoding::Png => image::ImageFormat::Png,
        Encoding::Webp => image::ImageFormat::WebP,
    };
    if kind == Encoding::Jpeg && !jpeg_complete(bytes) {
        return Err("the JPEG file is cut short (it has no end marker): copy it again".into());
    }
    // the header alone says how big it is: a huge picture is refused before a decoder exists
    if let Ok(size) = imagesize::blob_size(bytes) {
        too_big(size.width as u64, size.height as u64, max_pixels)?;
    }
    let mut reader = image::ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = image::Limits::default();
    // the decoded picture and the decoder's own buffers
    limits.max_alloc = Some(max_pixels.saturating_mul(8).saturating_add(64 << 20));
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(|e| describe(&e))?;
    let (w, h) = decoder.dimensions();
    too_big(u64::from(w), u64::from(h), max_pixels)?;
    if w == 0 || h == 0 {
        return Err("the picture has no pixels".into());
    }
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut img = DynamicImage::from_decoder(decoder).map_err(|e| describe(&e))?;
    img.apply_orientation(orientation);
    let alpha = img.color().has_alpha();
    let (width, height) = (img.width(), img.height());
    let pixels = if alpha {
        img.into_rgba8().into_raw()
    } else {
        img.into_rgb8().into_raw()
    };
    Ok(Decoded {
        width,
        height,
        alpha,
        pixels,
    })
}

fn too_big(w: u64, h: u64, max_pixels: u64) -> Result<(), String> {
    if w.max(h) > u64::from(JPEG_MAX_SIDE) {
        return Err(format!(
            "the picture is {w}×{h} pixels; a side longer than {JPEG_MAX_SIDE} pixels is not supported",
        ));
    }
    let pixels = w.saturating_mul(h);
    if pixels > max_pixels {
        return Err(format!(
            "the picture is {w}×{h} pixels ({:.0} megapixels), more than the {} allowed",
            pixels as f64 / 1e6,
            max_pixels / 1_000_000
        ));
    }
    Ok(())
}

/// A source's bytes as the decoders get them ([`decode`], [`credit_of`]): a PNG without its
/// compressed metadata chunks. Decoder allocations are bounded by [`decode`]'s limits, but the PNG
/// decoder inflates a colour profile (`iCCP`) whole, past them: 1 MB of one inflates to 1 GiB.
pub fn for_decoding(bytes: &[u8], kind: Encoding) -> std::borrow::Cow<'_, [u8]> {
    match kind {
        Encoding::Png => png_without_inflated_chunks(bytes),
        Encoding::Jpeg | Encoding::Webp => std::borrow::Cow::Borrowed(bytes),
    }
}

/// `bytes` (a PNG) without its compressed metadata chunks: colour profile (`iCCP`) and compressed
/// text (`zTXt`, `iTXt`). nashra uses none of them (renditions carry no profile, and the decoder
/// does no colour management, so the pixels are the same), and each is inflated whole by the
/// decoder, beyond its memory limits. Anything not shaped like chunks is left as it is, for the
/// decoder to judge.
fn png_without_inflated_chunks(bytes: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
    const INFLATED: [&[u8]; 3] = [b"iCCP", b"zTXt", b"iTXt"];
    if !bytes.starts_with(SIGNATURE) {
        return std::borrow::Cow::Borrowed(bytes);
    }
    // (start, end) of every chunk to drop
    let mut drop = Vec::new();
    let mut at = SIGNATURE.len();
    while let Some(head) = bytes.get(at..at + 8) {
        let len = u32::from_be_bytes([head[0], head[1], head[2], head[3]]) as usize;
        let Some(end) = at.checked_add(12).and_then(|e| e.checked_add(len)) else {
            break;
        };
        if end > bytes.len() {
            break;
        }
        let kind = &head[4..8];
        if INFLATED.contains(&kind) {
            drop.push((at, end));
        }
        if kind == b"IEND" {
            break;
        }
        at = end;
    }
    if drop.is_empty() {
        return std::borrow::Cow::Borrowed(bytes);
    }
    let mut out = Vec::with_capacity(bytes.len());
    let mut from = 0;
    for (start, end) in drop {
        out.extend_from_slice(&bytes[from..start]);
        from = end;
    }
    out.extend_from_slice(&bytes[from..]);
    std::borrow::Cow::Owned(out)
}

/// The credit the source carries in its EXIF (`Artist`, `Copyright`), the one piece of its
/// metadata the derivatives keep.
pub fn credit_of(bytes: &[u8], kind: Encoding) -> Option<String> {
    let format = match kind {
        Encoding::Jpeg => image::ImageFormat::Jpeg,
        Encoding::Png => image::ImageFormat::Png,
        Encoding::Webp => image::ImageFormat::WebP,
    };
    let mut decoder = image::ImageReader::with_format(Cursor::new(bytes), format)
        .into_decoder()
        .ok()?;
    let tiff = decoder.exif_metadata().ok()??;
    let mut parts: Vec<String> = Vec::new();
    for tag in [0x013B, 0x8298] {
        if let Some(t) = tiff_ascii(&tiff, tag) {
            if !t.is_empty() && !parts.contains(&t) {
                parts.push(t);
            }
        }
    }
    (!parts.is_empty()).then(|| parts.join(" / "))
}

/// The text of an ASCII tag of the first IFD of a TIFF block.
fn tiff_ascii(t: &[u8], tag: u16) -> Option<String> {
    let le = match t.get(..2)? {
        b"II" => true,
        b"MM" => false,
        _ => return None,
    };
    let u16_at = |o: usize| -> Option<u16> {
        let b: [u8; 2] = t.get(o..o + 2)?.try_into().ok()?;
        Some(if le {
            u16::from_le_bytes(b)
        } else {
            u16::from_be_bytes(b)
        })
    };
    let u32_at = |o: usize| -> Option<u32> {
        let b: [u8; 4] = t.get(o..o + 4)?.try_into().ok()?;
        Some(if le {
            u32::from_le_bytes(b)
        } else {
            u32::from_be_bytes(b)
        })
    };
    let ifd = u32_at(4)? as usize;
    let n = u16_at(ifd)? as usize;
    for i in 0..n.min(512) {
        let e = ifd + 2 + i * 12;
        if u16_at(e)? != tag || u16_at(e + 2)? != 2 {
            continue;
        }
        let count = u32_at(e + 4)? as usize;
        let start = if count <= 4 {
            e + 8
        } else {
            u32_at(e + 8)? as usize
        };
        let raw = t.get(start..start.checked_add(count)?)?;
        let raw = raw.split(|&b| b == 0).next().unwrap_or(raw);
        return Some(String::from_utf8_lossy(raw).trim().to_string());
    }
    None
}

/// A JPEG ends with the EOI marker (`FF D9`), possibly followed by a camera's trailer; one cut
/// short has none in its second half (an embedded thumbnail has its own, near the start).
fn jpeg_complete(bytes: &[u8]) -> bool {
    let half = bytes.len() / 2;
    bytes[half..].windows(2).any(|w| w == [0xFF, 0xD9])
}

fn describe(e: &image::ImageError) -> String {
    match e {
        image::ImageError::Limits(_) => {
            "the picture needs more memory to decode than nashra allows".into()
        }
        image::ImageError::Unsupported(u) => format!("this kind of picture is not supported: {u}"),
        other => format!("the file cannot be read as a picture: {other}"),
    }
}

/// The part of the picture to keep: a rectangle in source pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Crop {
    pub left: f64,
    pub top: f64,
    pub width: f64,
    pub height: f64,
}

/// The largest rectangle of `aspect` (width / height) inside a `w`×`h` picture, placed so the
/// focus point (thousandths) is as near its centre as the picture allows.
pub fn crop_for(w: u32, h: u32, aspect: f64, focus: (u16, u16)) -> Crop {
    let (w, h) = (f64::from(w), f64::from(h));
    let (cw, ch) = if w / h > aspect {
        (h * aspect, h)
    } else {
        (w, w / aspect)
    };
    let fx = f64::from(focus.0) / 1000.0 * w;
    let fy = f64::from(focus.1) / 1000.0 * h;
    Crop {
        left: (fx - cw / 2.0).clamp(0.0, w - cw),
        top: (fy - ch / 2.0).clamp(0.0, h - ch),
        width: cw,
        height: ch,
    }
}

/// `src` resized to `w`×`h` (after `crop`, when given).
pub fn resize(
    resizer: &mut fr::Resizer,
    src: &Decoded,
    w: u32,
    h: u32,
    crop: Option<Crop>,
) -> Result<Vec<u8>, String> {
    let kind = if src.alpha {
        fr::PixelType::U8x4
    } else {
        fr::PixelType::U8x3
    };
    let from = fr::images::ImageRef::new(src.width, src.height, &src.pixels, kind)
        .map_err(|e| format!("cannot resize the picture: {e}"))?;
    let mut to = fr::images::Image::new(w, h, kind);
    let mut options = fr::ResizeOptions::new()
        .resize_alg(fr::ResizeAlg::Convolution(fr::FilterType::Lanczos3))
        .use_alpha(src.alpha);
    if let Some(c) = crop {
        options = options.crop(c.left, c.top, c.width, c.height);
    }
    resizer
        .resize(&from, &mut to, &options)
        .map_err(|e| format!("cannot resize the picture: {e}"))?;
    Ok(to.into_vec())
}

/// The longest side a WebP may have (the format stores 14 bits).
pub const WEBP_MAX_SIDE: u32 = 16_383;
/// The longest side a JPEG may have (the format stores 16 bits); pictures with a longer side are
/// refused before they are decoded.
pub const JPEG_MAX_SIDE: u32 = 65_535;

impl Encoding {
    /// The longest side a picture of this encoding may have.
    pub fn max_side(self) -> u32 {
        match self {
            Encoding::Webp => WEBP_MAX_SIDE,
            Encoding::Jpeg | Encoding::Png => JPEG_MAX_SIDE,
        }
    }
}

/// Encodes `pixels` (`w`×`h`, RGB or RGBA) as `enc`, with `credit` as EXIF `Copyright`.
pub fn encode(
    enc: Encoding,
    pixels: &[u8],
    w: u32,
    h: u32,
    alpha: bool,
    quality: u8,
    credit: Option<&str>,
) -> Result<Vec<u8>, String> {
    let exif = credit.map(exif_copyright);
    match enc {
        Encoding::Webp => {
            let encoder = if alpha {
                webp::Encoder::from_rgba(pixels, w, h)
            } else {
                webp::Encoder::from_rgb(pixels, w, h)
            };
            if w > WEBP_MAX_SIDE || h > WEBP_MAX_SIDE {
                return Err(format!(
                    "a WebP is at most {WEBP_MAX_SIDE} pixels wide and high ({w}×{h} asked)"
                ));
            }
            let out = encoder
                .encode_simple(false, f32::from(quality))
                .map_err(|e| format!("cannot write the WebP: {e:?}"))?
                .to_vec();
            Ok(match exif {
                Some(x) => webp_with_exif(&out, w, h, alpha, &x).unwrap_or(out),
                None => out,
            })
        }
        Encoding::Jpeg => {
            let (w16, h16) = match (u16::try_from(w), u16::try_from(h)) {
                (Ok(a), Ok(b)) => (a, b),
                _ => return Err("a JPEG is at most 65,535 pixels wide and high".into()),
            };
            let flat;
            let (data, color) = if alpha {
                flat = flatten(pixels);
                (flat.as_slice(), jpeg_encoder::ColorType::Rgb)
            } else {
                (pixels, jpeg_encoder::ColorType::Rgb)
            };
            let mut out = Vec::with_capacity(pixels.len() / 8);
            let mut e = jpeg_encoder::Encoder::new(&mut out, quality);
            e.set_progressive(true);
            if let Some(x) = &exif {
                let _ = e.add_exif_metadata(x);
            }
            e.encode(data, w16, h16, color)
                .map_err(|e| format!("cannot write the JPEG: {e}"))?;
            Ok(out)
        }
        Encoding::Png => {
            use image::ImageEncoder;
            let mut out = Vec::new();
            let e = image::codecs::png::PngEncoder::new_with_quality(
                &mut out,
                image::codecs::png::CompressionType::Fast,
                image::codecs::png::FilterType::Adaptive,
            );
            let color = if alpha {
                image::ExtendedColorType::Rgba8
            } else {
                image::ExtendedColorType::Rgb8
            };
            e.write_image(pixels, w, h, color)
                .map_err(|e| format!("cannot write the PNG: {e}"))?;
            Ok(out)
        }
    }
}

/// RGBA on a white background, as RGB (JPEG has no transparency).
fn flatten(rgba: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(rgba.len() / 4 * 3);
    for p in rgba.chunks_exact(4) {
        let a = u16::from(p[3]);
        for &c in &p[..3] {
            out.push(((u16::from(c) * a + 255 * (255 - a)) / 255) as u8);
        }
    }
    out
}

/// A TIFF block (big-endian) with one tag, Copyright (0x8298), as EXIF carries it.
fn exif_copyright(credit: &str) -> Vec<u8> {
    let mut text: Vec<u8> = credit.as_bytes().iter().take(2000).copied().collect();
    text.push(0);
    let count = text.len() as u32;
    let mut t = Vec::with_capacity(32 + text.len());
    t.extend_from_slice(b"MM\0\x2a");
    t.extend_from_slice(&8u32.to_be_bytes()); // the first IFD
    t.extend_from_slice(&1u16.to_be_bytes()); // one entry
    t.extend_from_slice(&0x8298u16.to_be_bytes());
    t.extend_from_slice(&2u16.to_be_bytes()); // ASCII
    t.extend_from_slice(&count.to_be_bytes());
    if count <= 4 {
        let mut inline = text.clone();
        inline.resize(4, 0);
        t.extend_from_slice(&inline);
        t.extend_from_slice(&0u32.to_be_bytes()); // no next IFD
    } else {
        t.extend_from_slice(&26u32.to_be_bytes()); // the text, after this IFD
        t.extend_from_slice(&0u32.to_be_bytes());
        t.extend_from_slice(&text);
    }
    t
}

/// A WebP file from libwebp's simple output with an EXIF chunk added (extended format: a `VP8X`
/// header announcing it). `None` if the input is not the RIFF layout expected.
fn webp_with_exif(webp: &[u8], w: u32, h: u32, alpha: bool, exif: &[u8]) -> Option<Vec<u8>> {
    if webp.len() < 20 || &webp[..4] != b"RIFF" || &webp[8..12] != b"WEBP" {
        return None;
    }
    let chunks = &webp[12..];
    let mut body = Vec::with_capacity(webp.len() + exif.len() + 32);
    if &chunks[..4] == b"VP8X" {
        let mut c = chunks.to_vec();
        c[8] |= 0x08; // EXIF present
        body.extend_from_slice(&c);
    } else {
        body.extend_from_slice(b"VP8X");
        body.extend_from_slice(&10u32.to_le_bytes());
        body.push(0x08 | if alpha { 0x10 } else { 0 });
        body.extend_from_slice(&[0, 0, 0]);
        body.extend_from_slice(&(w - 1).to_le_bytes()[..3]);
        body.extend_from_slice(&(h - 1).to_le_bytes()[..3]);
        body.extend_from_slice(chunks);
    }
    body.extend_from_slice(b"EXIF");
    body.extend_from_slice(&(exif.len() as u32).to_le_bytes());
    body.extend_from_slice(exif);
    if exif.len() % 2 == 1 {
        body.push(0);
    }
    let mut out = Vec::with_capacity(body.len() + 12);
    out.extend_from_slice(b"RIFF");
    out.extend_from_slice(&((body.len() + 4) as u32).to_le_bytes());
    out.extend_from_slice(b"WEBP");
    out.extend_from_slice(&body);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crops_keep_the_focus_inside_the_picture() {
        // a 3:2 photograph: full width, a band around the centre
        let c = crop_for(2400, 1600, 1200.0 / 630.0, (500, 500));
        assert_eq!((c.left, c.width, c.height), (0.0, 2400.0, 1260.0));
        assert!((c.top - 170.0).abs() < 1e-9);
        // a wide picture: full height, the crop slides along
        let c = crop_for(3200, 1000, 1200.0 / 630.0, (0, 500));
        assert_eq!((c.left, c.top, c.height), (0.0, 0.0, 1000.0));
        let c = crop_for(3200, 1000, 1200.0 / 630.0, (1000, 500));
        assert!((c.left + c.width - 3200.0).abs() < 1e-6);
        // a tall picture: full width, the focus near the top keeps the top
        let c = crop_for(1000, 3000, 1200.0 / 630.0, (500, 50));
        assert_eq!((c.left, c.top, c.width), (0.0, 0.0, 1000.0));
        let c = crop_for(1000, 3000, 1200.0 / 630.0, (500, 600));
        assert!((c.top + c.height / 2.0 - 1800.0).abs() < 1e-6);
    }

    #[test]
    fn exif_block_is_a_valid_tiff_with_the_credit() {
        let x = exif_copyright("Reuters");
        assert_eq!(&x[..4], b"MM\0\x2a");
        assert_eq!(&x[26..], b"Reuters\0");
        let short = exif_copyright("AP");
        assert_eq!(&short[18..22], b"AP\0\0");
        assert_eq!(tiff_ascii(&x, 0x8298).as_deref(), Some("Reuters"));
        assert_eq!(tiff_ascii(&short, 0x8298).as_deref(), Some("AP"));
        assert_eq!(tiff_ascii(&x, 0x013B), None);
    }
}
