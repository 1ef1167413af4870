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

/// Calls `each` with every folded word of `text` (before stemming), in order.
pub fn words(text: &str, buf: &mut String, mut each: impl FnMut(&str)) {
    buf.clear();
    let mut flush = |buf: &mut String| {
        if buf.chars().nth(1).is_some() {
            each(buf);
        }
        buf.clear();
    };
    for c in text.chars() {
        match fold(c) {
            Some(f) => buf.push_str(f),
            None if c.is_alphanumeric() => {
                if c.is_ascii() {
                    buf.push(c.to_ascii_lowercase());
                } else {
                    buf.extend(c.to_lowercase());
                }
            }
            None => flush(buf),
        }
    }
    flush(buf);
}

/// The stems of one folded word (none for a stop word; two when a clitic may be a letter of the
/// word), given to `each`.
pub fn forms(word: &str, mut each: impl FnMut(&str)) {
    let Some(rules) = rules_for(word) else {
        each(word);
        return;
    };
    if rules.stop.contains(&word) {
        return;
    }
    let len = |s: &str| s.chars().count();
    let strip_article = |w: &'static str, s: &str| -> Option<usize> {
        // returns the byte length of the article stripped
        s.strip_prefix(w)
            .filter(|rest| len(rest) >= rules.min_stem)
            .map(|_| w.len())
    };
    let article = rules
        .articles
        .iter()
        .find_map(|a| strip_article(a, word))
        .unwrap_or(0);
    let mut out = String::with_capacity(word.len());
    stem(rules, &word[article..], &mut out);
    each(&out);
    if article == 0 {
        if let Some(first) = word.chars().next() {
            let rest = &word[first.len_utf8()..];
            if rules.clitics.contains(&first) && len(rest) >= 3 {
                let article = rules
                    .articles
                    .iter()
                    .find_map(|a| strip_article(a, rest))
                    .unwrap_or(0);
                let mut alt = String::with_capacity(rest.len());
                stem(rules, &rest[article..], &mut alt);
                if alt != out {
                    each(&alt);
                }
            }
        }
    }
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
    words(text, &mut buf, |w| forms(w, |f| out.push(f.to_string())));
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
    fn fold_table_covers_the_folds() {
        let t = fold_table();
        assert!(t.contains(&('أ', "ا")));
        assert!(t.contains(&('\u{064E}', "")));
        assert!(t.contains(&('۹', "9")));
        assert!(t.contains(&('é', "e")));
    }
}
