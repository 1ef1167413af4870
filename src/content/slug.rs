//! Slugs: the last part of an article's URL.
//!
//! Latin letters are lower-cased; Arabic (and any other script) is kept, in NFC. Spaces and
//! underscores become `-`; punctuation, including Arabic `؟ ، ؛ ٪ ۔`, is dropped, as are harakat
//! (tashkeel, U+064B–U+065F, U+0670) and tatweel (U+0640), so that `مُؤتمرُ القمّة` and `مؤتمر القمة`
//! give one slug. Runs of `-` collapse and none is left at either end. Links percent-encode
//! non-ASCII slugs.

use unicode_normalization::UnicodeNormalization;

/// The longest slug, in bytes of UTF-8: a slug is a folder name in the output, and file systems
/// (ext4, APFS, NTFS in UTF-16 aside) allow 255 bytes per name.
pub const MAX_BYTES: usize = 255;

pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfc() {
        if is_harakah(c) || c == '\u{0640}' || is_invisible(c) {
            continue;
        }
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if (c.is_whitespace() || matches!(c, '-' | '_' | '.' | '/')) && !out.ends_with('-') {
            out.push('-');
        }
        // everything else (punctuation, symbols) is dropped
    }
    out.trim_matches('-').to_string()
}

fn is_harakah(c: char) -> bool {
    matches!(c, '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}')
}

fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// Percent-encodes a URL path (keeps `/` and unreserved ASCII).
pub fn encode_path(path: &str) -> String {
    encode(path, true)
}

/// Percent-encodes a URL query value or path segment: only unreserved ASCII is kept.
pub fn encode_component(text: &str) -> String {
    encode(text, false)
}

/// Every byte but unreserved ASCII (and `/` when `keep_slash`) as `%XX`. Runs for every link of
/// every page, so the hex digits are pushed directly rather than formatted.
fn encode(text: &str, keep_slash: bool) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(text.len() * 3);
    for b in text.bytes() {
        if b.is_ascii_alphanumeric()
            || matches!(b, b'-' | b'_' | b'.' | b'~')
            || (keep_slash && b == b'/')
        {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 15)] as char);
        }
    }
    out
}

/// Decodes `%XX` escapes; `None` if an escape is malformed or the result is not UTF-8.
pub fn decode_path(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoding_keeps_only_what_urls_allow() {
        assert_eq!(encode_path("ar/قمة a/"), "ar/%D9%82%D9%85%D8%A9%20a/");
        assert_eq!(
            encode_component("https://x.org/a b?"),
            "https%3A%2F%2Fx.org%2Fa%20b%3F"
        );
        assert_eq!(
            decode_path(&encode_path("ar/قمة/")).as_deref(),
            Some("ar/قمة/")
        );
    }

    #[test]
    fn latin_and_arabic() {
        assert_eq!(slugify("CSTO Summit in Bishkek!"), "csto-summit-in-bishkek");
        assert_eq!(slugify("  قمّةُ بيشكيك؟ "), "قمة-بيشكيك");
        assert_eq!(slugify("الأمن، الطاقة؛ والاقتصاد"), "الأمن-الطاقة-والاقتصاد");
        assert_eq!(slugify("مـــؤتمر"), "مؤتمر");
        assert_eq!(slugify("a -- b__c"), "a-b-c");
        assert_eq!(slugify("؟!"), "");
    }

    #[test]
    fn encodes_non_ascii() {
        assert_eq!(
            encode_path("/ar/2025/11/قمة/"),
            "/ar/2025/11/%D9%82%D9%85%D8%A9/"
        );
    }
}
