//! Folding and word splitting, the first two steps of [`super::normalize`]: what every character
//! of search text becomes, and the words it falls into. The inner loop of indexing.

/// What a character becomes in search text: `None` keeps it (lower-cased), `Some("")` drops it.
pub fn fold(c: char) -> Option<&'static str> {
    Some(match c {
        // harakat, shadda, sukun, maddah and hamza marks, superscript alef, tatweel, Quranic marks
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' | '\u{06D6}'..='\u{06ED}' => "",
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' => "ا",
        'ى' | 'ی' | 'ې' | 'ۍ' => "ي",
        'ة' | 'ۀ' | 'ە' | 'ھ' | 'ہ' => "ه",
        'ؤ' | 'ئ' | 'ٶ' | 'ٸ' => "ء",
        'ک' | 'ڪ' => "ك",
        '٠' | '۰' => "0",
        '١' | '۱' => "1",
        '٢' | '۲' => "2",
        '٣' | '۳' => "3",
        '٤' | '۴' => "4",
        '٥' | '۵' => "5",
        '٦' | '۶' => "6",
        '٧' | '۷' => "7",
        '٨' | '۸' => "8",
        '٩' | '۹' => "9",
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' => {
            "a"
        }
        'ç' | 'Ç' | 'č' | 'Č' | 'ć' | 'Ć' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ē' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' => "i",
        'ñ' | 'Ñ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' => {
            "o"
        }
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' => "u",
        'ý' | 'ÿ' | 'Ý' => "y",
        'š' | 'Š' | 'ş' | 'Ş' => "s",
        'ž' | 'Ž' => "z",
        'ß' => "ss",
        _ => return None,
    })
}

/// Every character [`fold`] changes, for the browser (`meta.json`).
pub(crate) fn fold_table() -> Vec<(char, &'static str)> {
    let ranges = [('\u{0600}', '\u{06FF}'), ('\u{00C0}', '\u{017F}')];
    ranges
        .iter()
        .flat_map(|&(a, b)| a..=b)
        .filter_map(|c| fold(c).map(|f| (c, f)))
        .collect()
}

/// `char::is_alphanumeric` (Unicode `Alphabetic` or `Numeric`, as the script's
/// `[\p{Alphabetic}\p{N}]`), with the Arabic block written out (a unit test checks it against
/// the standard library): the library's search through its Unicode tables was a quarter of the
/// time of indexing Arabic.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    match u32::from(c) {
        0x600..=0x6FF => matches!(
            u32::from(c),
            0x0610..=0x061A
                | 0x0620..=0x0657
                | 0x0659..=0x0669
                | 0x066E..=0x06D3
                | 0x06D5..=0x06DC
                | 0x06E1..=0x06E8
                | 0x06ED..=0x06FC
                | 0x06FF
        ),
        _ => c.is_alphanumeric(),
    }
}

/// What [`words`] does with each character of the Arabic block, worked out once from [`fold`]
/// and [`is_word_char`] (so it cannot disagree with them): Arabic text is most of what a site of
/// this kind indexes, and this is its inner loop.
struct ArabicBlock {
    /// [`BREAK`], [`KEEP`], [`DROP`], or `REPLACE + i` for `replacements[i]`
    class: [u8; 256],
    replacements: Vec<&'static str>,
}

const BREAK: u8 = 0;
const KEEP: u8 = 1;
const DROP: u8 = 2;
const REPLACE: u8 = 3;

static ARABIC_BLOCK: std::sync::LazyLock<ArabicBlock> = std::sync::LazyLock::new(|| {
    let mut block = ArabicBlock {
        class: [BREAK; 256],
        replacements: Vec::new(),
    };
    for (i, class) in block.class.iter_mut().enumerate() {
        let Some(c) = char::from_u32(0x600 + i as u32) else {
            continue;
        };
        *class = match fold(c) {
            Some("") => DROP,
            Some(f) => {
                let k = match block.replacements.iter().position(|r| *r == f) {
                    Some(k) => k,
                    None => {
                        block.replacements.push(f);
                        block.replacements.len() - 1
                    }
                };
                REPLACE + k as u8
            }
            // Arabic letters have no case: kept as they are
            None if is_word_char(c) => KEEP,
            None => BREAK,
        };
    }
    block
});

/// Calls `each` with every folded word of `text` (before stemming), in order.
pub fn words(text: &str, buf: &mut String, mut each: impl FnMut(&str)) {
    let arabic = &*ARABIC_BLOCK;
    let bytes = text.as_bytes();
    // A word is handed out as a slice of `text` while folding leaves it as it is (most words);
    // from its first changed character on, it is built in `buf`.
    let mut start = 0;
    let mut copied = false;
    let mut letters = 0usize;
    let mut i = 0;
    buf.clear();
    // `text[start..i]` into `buf`, at the first change of a word
    macro_rules! change {
        () => {
            if !copied {
                buf.clear();
                buf.push_str(&text[start..i]);
                copied = true;
            }
        };
    }
    while i < bytes.len() {
        let b = bytes[i];
        let step;
        let mut brk = false;
        if b < 0x80 {
            step = 1;
            if b.is_ascii_lowercase() || b.is_ascii_digit() {
                if copied {
                    buf.push(char::from(b));
                }
                letters += 1;
            } else if b.is_ascii_uppercase() {
                change!();
                buf.push(char::from(b.to_ascii_lowercase()));
                letters += 1;
            } else {
                brk = true;
            }
        } else if (0xD8..=0xDB).contains(&b) && i + 1 < bytes.len() {
            // U+0600..U+06FF: a two-byte sequence with lead byte D8..DB
            step = 2;
            let cp = (usize::from(b & 0x1F) << 6) | usize::from(bytes[i + 1] & 0x3F);
            match arabic.class[cp - 0x600] {
                KEEP => {
                    if copied {
                        buf.push_str(&text[i..i + 2]);
                    }
                    letters += 1;
                }
                DROP => change!(),
                BREAK => brk = true,
                k => {
                    change!();
                    let r = arabic.replacements[usize::from(k - REPLACE)];
                    buf.push_str(r);
                    letters += r.chars().count();
                }
            }
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            step = c.len_utf8().max(1);
            if let Some(f) = fold(c) {
                change!();
                buf.push_str(f);
                letters += f.chars().count();
            } else if is_word_char(c) {
                let mut lower = c.to_lowercase();
                if lower.len() == 1 && lower.next() == Some(c) {
                    if copied {
                        buf.push(c);
                    }
                } else {
                    change!();
                    buf.extend(c.to_lowercase());
                }
                letters += 1;
            } else {
                brk = true;
            }
        }
        if brk {
            if letters >= 2 {
                each(if copied { buf } else { &text[start..i] });
            }
            copied = false;
            letters = 0;
            start = i + step;
        }
        i += step;
    }
    if letters >= 2 {
        each(if copied { buf } else { &text[start..] });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_arabic_block_is_alphanumeric_as_unicode_says() {
        for n in 0x600..=0x6FF {
            let c = char::from_u32(n).unwrap();
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "U+{n:04X}");
        }
    }

    /// `words` (which avoids copying) against the plain definition: fold, split, lower-case.
    #[test]
    fn words_is_fold_split_lowercase() {
        fn plain(text: &str) -> Vec<String> {
            let mut out = Vec::new();
            let mut w = String::new();
            let mut n = 0;
            for c in text.chars().chain([' ']) {
                if let Some(f) = fold(c) {
                    w.push_str(f);
                    n += f.chars().count();
                } else if c.is_alphanumeric() {
                    w.extend(c.to_lowercase());
                    n += 1;
                } else {
                    if n >= 2 {
                        out.push(std::mem::take(&mut w));
                    }
                    w.clear();
                    n = 0;
                }
            }
            out
        }
        let samples = [
            "الحُكُومَةُ والحكومة، اجتمـــاع؛ ٢٠٢٥ و۱۴۰۳ ٱلاجتماع",
            "َبداية بحركة ً ثم كلمة",
            "Straße İstanbul ÉLYSÉE café NATO's x y ab",
            "mixed قمةNATO summit2025 Ωμέγα Привет 日本語 🙂emoji",
            "a",
            "ab",
            "",
            "  leading and trailing  ",
            "مسئول مسؤول ی ک کابل ایران",
        ];
        for text in samples {
            let mut got = Vec::new();
            words(text, &mut String::new(), |w| got.push(w.to_string()));
            assert_eq!(got, plain(text), "{text}");
        }
    }

    #[test]
    fn arabic_letters_have_no_case() {
        for n in 0x600..=0x6FF {
            let c = char::from_u32(n).unwrap();
            assert_eq!(
                c.to_lowercase().collect::<String>(),
                c.to_string(),
                "U+{n:04X}"
            );
        }
    }

    #[test]
    fn fold_table_covers_the_folds() {
        let t = fold_table();
        assert!(t.contains(&('أ', "ا")));
        assert!(t.contains(&('\u{064E}', "")));
        assert!(t.contains(&('۹', "9")));
        assert!(t.contains(&('é', "e")));
    }
}
