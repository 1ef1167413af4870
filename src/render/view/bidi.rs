//! Text direction of headlines and summaries in mixed Arabic/English text.
//!
//! A headline takes its page's direction (`I2P مقارنة بشبكات الخصوصية` is an Arabic headline
//! even though its first letter is Latin, which `dir="auto"` gets wrong). Inside it, each run
//! written in the other direction (`I2P`, `C++`, `Node.js 20`) is wrapped in `<bdi>`, so its
//! neutral characters (`+`, `#`, `.`) stay with it instead of moving to the far side.

use crate::config::Direction;

/// The direction of a strong character, or none for digits, punctuation and spaces.
fn strong(c: char) -> Option<Direction> {
    let u = c as u32;
    let rtl = matches!(u,
        0x0590..=0x05FF | 0x0600..=0x065F | 0x066A..=0x06EF | 0x06FA..=0x08FF
        | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF);
    if rtl {
        Some(Direction::Rtl)
    } else if c.is_alphabetic() {
        Some(Direction::Ltr)
    } else {
        None
    }
}

/// The direction most of the text's letters are written in, or none without letters.
pub fn dominant(text: &str) -> Option<Direction> {
    let (mut l, mut r) = (0usize, 0usize);
    for c in text.chars() {
        match strong(c) {
            Some(Direction::Ltr) => l += 1,
            Some(Direction::Rtl) => r += 1,
            None => {}
        }
    }
    match (l, r) {
        (0, 0) => None,
        _ if r > l => Some(Direction::Rtl),
        _ => Some(Direction::Ltr),
    }
}

/// Characters that end a sentence or clause: they belong to the surrounding text, not to an
/// embedded run that they follow.
fn clause_punctuation(c: char) -> bool {
    matches!(
        c,
        ':' | ';' | ',' | '.' | '!' | '?' | '،' | '؛' | '؟' | '"' | '\'' | '»' | '«'
    )
}

fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#x27;"),
            c => out.push(c),
        }
    }
}

/// `text` as HTML for a block of direction `dir`: escaped, with each run in the other direction
/// wrapped in `<bdi>`. Text without such a run is only escaped.
pub fn isolate_runs(text: &str, dir: Direction) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    let mut plain_from = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if strong(c).is_none_or(|d| d == dir) {
            i += 1;
            continue;
        }
        // a run of the other direction: up to the next letter of the block's direction
        let mut j = i + 1;
        while j < chars.len() && strong(chars[j].1).is_none_or(|d| d != dir) {
            j += 1;
        }
        // without the spaces, clause punctuation and opening brackets before that letter
        while j > i + 1 && {
            let c = chars[j - 1].1;
            c.is_whitespace() || clause_punctuation(c) || matches!(c, '<' | '(' | '[' | '{')
        } {
            j -= 1;
        }
        let end = chars.get(j).map_or(text.len(), |&(b, _)| b);
        escape_into(&mut out, &text[plain_from..start]);
        out.push_str("<bdi>");
        escape_into(&mut out, &text[start..end]);
        out.push_str("</bdi>");
        plain_from = end;
        i = j;
    }
    escape_into(&mut out, &text[plain_from..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_runs_in_arabic_are_isolated() {
        assert_eq!(
            isolate_runs("I2P مقارنة بشبكات الخصوصية", Direction::Rtl),
            "<bdi>I2P</bdi> مقارنة بشبكات الخصوصية"
        );
        assert_eq!(
            isolate_runs("لغة C++ و Node.js: إصدار", Direction::Rtl),
            "لغة <bdi>C++</bdi> و <bdi>Node.js</bdi>: إصدار"
        );
        assert_eq!(
            isolate_runs("قمة في بيشكيك", Direction::Rtl),
            "قمة في بيشكيك"
        );
        assert_eq!(
            isolate_runs("Summit in بيشكيك <today>", Direction::Ltr),
            "Summit in <bdi>بيشكيك</bdi> &lt;today&gt;"
        );
    }

    #[test]
    fn the_dominant_direction_counts_letters() {
        assert_eq!(dominant("I2P مقارنة بشبكات"), Some(Direction::Rtl));
        assert_eq!(dominant("Talks in Bishkek ١٢"), Some(Direction::Ltr));
        assert_eq!(dominant("٢٠٢٥ — 12"), None);
    }
}
