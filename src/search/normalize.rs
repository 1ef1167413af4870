//! The one normalisation of search text: folding, word splitting and light stemming.
//!
//! The same rules run on every article when the index is built (here) and on the reader's query
//! in the browser (`static/search.js`). The browser gets the rules as data ([`rules_json`],
//! written into the index's `meta.json`) and applies them with the same algorithm, so the two
//! sides cannot drift apart in their tables; `tests/search/cases.tsv` is run through both.
//!
//! The algorithm, for each word:
//! 1. **fold** every character through [`fold`]: Arabic harakat, tatweel and Quranic marks are
//!    dropped; أ إ آ ٱ → ا, ى → ي, ة → ه, ؤ ئ → ء, Persian ی ک → ي ك, Arabic-Indic and Persian
//!    digits → ASCII, Latin accents dropped; then lower case;
//! 2. **split** into words: runs of Unicode alphabetic and numeric characters (`\p{Alphabetic}`
//!    and `\p{N}` in JavaScript); words of one letter are dropped;
//! 3. **stop words** of the word's script are dropped;
//! 4. **forms**: the rules of the word's script (Arabic or Latin; other scripts are only folded)
//!    strip one article prefix (`وال`, `بال`, `لل`, `ال`, …); a word that starts with a one-letter
//!    clitic (و ف ب ل) and had no article also yields a second form without it (`وفلسطين` →
//!    `فلسطين`), since `وزير` must stay `وزير`; then suffixes are stripped: in Arabic every
//!    suffix of the list once, in order (as in Larkey's light10 stemmer), in English the first
//!    that matches. A stem keeps at least `min_stem` letters.
//!
//! Queries match a stem exactly or as a prefix (`فلسط` finds `فلسطين`, the stem of
//! `الفلسطينيين`), which is what makes a light stemmer enough and lets results appear as the
//! reader types.

/// Affix rules for one script.
pub struct Rules {
    /// `arabic` or `latin`.
    pub script: &'static str,
    /// Folded words that are never indexed nor searched.
    pub stop: &'static [&'static str],
    /// Prefixes removed (the first that matches, longest listed first).
    pub articles: &'static [&'static str],
    /// One-letter prefixes that also give a second form without them.
    pub clitics: &'static [char],
    /// (suffix, replacement)
    pub suffixes: &'static [(&'static str, &'static str)],
    /// Every suffix once, in order (`true`), or only the first that matches.
    pub all_suffixes: bool,
    /// The fewest letters a stem keeps.
    pub min_stem: usize,
}

pub const ARABIC: Rules = Rules {
    script: "arabic",
    stop: &[
        "في",
        "من",
        "علي",
        "الي",
        "عن",
        "ان",
        "او",
        "ما",
        "لا",
        "لم",
        "لن",
        "قد",
        "مع",
        "ثم",
        "هذا",
        "هذه",
        "ذلك",
        "تلك",
        "التي",
        "الذي",
        "الذين",
        "كان",
        "كانت",
        "وقد",
        "وفي",
        "ومن",
        "وعلي",
        "الا",
        "اذا",
        "كما",
        "حتي",
        "منذ",
        "عند",
        "هو",
        "هي",
        "هم",
        "بعد",
        "قبل",
        "غير",
        "اي",
        "كل",
        "وهو",
        "وهي",
        "انه",
        "بين",
        "فيه",
        "فيها",
        "عليه",
        "لها",
        "له",
        "به",
        "بها",
        "وان",
        "اما",
    ],
    articles: &["وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال"],
    clitics: &['و', 'ف', 'ب', 'ل'],
    suffixes: &[
        ("ها", ""),
        ("ان", ""),
        ("ات", ""),
        ("ون", ""),
        ("ين", ""),
        ("يه", ""),
        ("ه", ""),
        ("ي", ""),
    ],
    all_suffixes: true,
    min_stem: 2,
};

pub const LATIN: Rules = Rules {
    script: "latin",
    stop: &[
        "the", "an", "and", "or", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as",
        "is", "are", "was", "were", "be", "been", "that", "this", "it", "its", "into", "than",
        "but", "not", "has", "have", "had", "he", "she", "they", "their", "his", "her", "which",
        "who", "will", "would", "also",
    ],
    articles: &[],
    clitics: &[],
    suffixes: &[
        ("sses", "ss"),
        ("ies", "y"),
        ("ied", "y"),
        ("ings", ""),
        ("ing", ""),
        ("edly", ""),
        ("ed", ""),
        ("ly", ""),
        ("ss", "ss"),
        ("us", "us"),
        ("is", "is"),
        ("s", ""),
    ],
    all_suffixes: false,
    min_stem: 3,
};

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
fn fold_table() -> Vec<(char, &'static str)> {
    let ranges = [('\u{0600}', '\u{06FF}'), ('\u{00C0}', '\u{017F}')];
    ranges
        .iter()
        .flat_map(|&(a, b)| a..=b)
        .filter_map(|c| fold(c).map(|f| (c, f)))
        .collect()
}

fn rules_for(word: &str) -> Option<&'static Rules> {
    let c = word.chars().next()?;
    if ('\u{0600}'..='\u{06FF}').contains(&c) {
        Some(&ARABIC)
    } else if c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c) {
        Some(&LATIN)
    } else {
        None
    }
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

/// Whether a folded word is a stop word of its script.
fn is_stop(word: &str) -> bool {
    static STOP: std::sync::LazyLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::LazyLock::new(|| ARABIC.stop.iter().chain(LATIN.stop).copied().collect());
    STOP.contains(word)
}

/// Reusable buffers for [`forms`].
#[derive(Default)]
pub struct Scratch {
    out: String,
    alt: String,
}

/// The stems of one folded word (none for a stop word; two when a clitic may be a letter of the
/// word), given to `each`.
pub fn forms(word: &str, scratch: &mut Scratch, mut each: impl FnMut(&str)) {
    let Some(rules) = rules_for(word) else {
        each(word);
        return;
    };
    if is_stop(word) {
        return;
    }
    let len = |s: &str| s.chars().count();
    let strip_article = |s: &str| -> usize {
        rules
            .articles
            .iter()
            .find(|a| s.starts_with(**a) && len(&s[a.len()..]) >= rules.min_stem)
            .map_or(0, |a| a.len())
    };
    let article = strip_article(word);
    let Scratch { out, alt } = scratch;
    stem(rules, &word[article..], out);
    each(out);
    if article == 0 && !rules.clitics.is_empty() {
        if let Some(first) = word.chars().next() {
            let rest = &word[first.len_utf8()..];
            if rules.clitics.contains(&first) && len(rest) >= 3 {
                stem(rules, &rest[strip_article(rest)..], alt);
                if alt != out {
                    each(alt);
                }
            }
        }
    }
}

/// [`forms`] through a cache of this thread's recent words (most words of a site recur; stemming
/// each occurrence again was most of the cost of indexing).
pub fn forms_cached(word: &str, mut each: impl FnMut(&str)) {
    const MAX_WORDS: usize = 1 << 17;
    type Cache = (rustc_hash::FxHashMap<Box<str>, Box<str>>, Scratch);
    thread_local! {
        static CACHE: std::cell::RefCell<Cache> = Default::default();
    }
    CACHE.with(|c| {
        let Ok(mut c) = c.try_borrow_mut() else {
            // not reentrant; cannot happen, but stemming without the cache is always right
            forms(word, &mut Scratch::default(), each);
            return;
        };
        let (cache, scratch) = &mut *c;
        if let Some(stems) = cache.get(word) {
            stems
                .split(' ')
                .filter(|s| !s.is_empty())
                .for_each(&mut each);
            return;
        }
        let mut joined = String::new();
        forms(word, scratch, |f| {
            if !joined.is_empty() {
                joined.push(' ');
            }
            joined.push_str(f);
        });
        joined
            .split(' ')
            .filter(|s| !s.is_empty())
            .for_each(&mut each);
        if cache.len() >= MAX_WORDS {
            cache.clear();
        }
        cache.insert(word.into(), joined.into_boxed_str());
    });
}

fn stem(rules: &Rules, word: &str, out: &mut String) {
    out.clear();
    out.push_str(word);
    let mut letters = word.chars().count();
    for (suffix, with) in rules.suffixes {
        if out.ends_with(suffix) {
            let n = suffix.chars().count();
            if letters >= n + rules.min_stem {
                out.truncate(out.len() - suffix.len());
                out.push_str(with);
                letters = letters - n + with.chars().count();
                if !rules.all_suffixes {
                    return;
                }
            }
        }
    }
}

/// Every stem of `text`, in order (a word with two forms gives both).
pub fn terms(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut buf = String::new();
    let mut scratch = Scratch::default();
    words(text, &mut buf, |w| {
        forms(w, &mut scratch, |f| out.push(f.to_string()))
    });
    out
}

/// The rules as the browser reads them.
pub fn rules_json() -> serde_json::Value {
    let rules = |r: &Rules| {
        serde_json::json!({
            "stop": r.stop,
            "articles": r.articles,
            "clitics": r.clitics.iter().map(|c| c.to_string()).collect::<Vec<_>>(),
            "suffixes": r.suffixes,
            "all": r.all_suffixes,
            "min": r.min_stem,
        })
    };
    let fold: serde_json::Map<String, serde_json::Value> = fold_table()
        .into_iter()
        .map(|(c, f)| (c.to_string(), f.into()))
        .collect();
    serde_json::json!({
        "fold": fold,
        ARABIC.script: rules(&ARABIC),
        LATIN.script: rules(&LATIN),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `tests/search/cases.tsv`: the same table runs through `static/search.js` in
    /// `tests/search.rs`.
    #[test]
    fn normalisation_table() {
        let table = include_str!("../../tests/search/cases.tsv");
        let mut n = 0;
        for (i, line) in table.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let mut cols = line.split('\t');
            let (Some(input), Some(expected)) = (cols.next(), cols.next()) else {
                panic!("line {}: two tab-separated columns expected", i + 1);
            };
            let expected: Vec<&str> = expected.split(' ').filter(|s| !s.is_empty()).collect();
            assert_eq!(terms(input), expected, "line {}: {input}", i + 1);
            n += 1;
        }
        assert!(n > 30, "{n} cases");
    }

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
    fn the_cache_gives_what_stemming_gives() {
        for w in ["والحكومه", "في", "meetings", "بيشكيك", "بيشكيك"] {
            let (mut a, mut b) = (Vec::new(), Vec::new());
            forms(w, &mut Scratch::default(), |f| a.push(f.to_string()));
            forms_cached(w, |f| b.push(f.to_string()));
            assert_eq!(a, b, "{w}");
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
