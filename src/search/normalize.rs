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

use super::words::fold_table;
pub use super::words::{fold, words};

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

/// The numbers ([`super::stems::id`]) of the [`forms`] of `word`, through a cache of this
/// thread's recent words: what an article's search record is made of (most words of a site
/// recur; stemming each occurrence again was most of the cost of indexing).
pub fn stem_ids_cached(word: &str, mut each: impl FnMut(u32)) {
    const MAX_WORDS: usize = 1 << 17;
    type Cache = (rustc_hash::FxHashMap<Box<str>, Box<[u32]>>, Scratch);
    thread_local! {
        static CACHE: std::cell::RefCell<Cache> = Default::default();
    }
    CACHE.with(|c| {
        let Ok(mut c) = c.try_borrow_mut() else {
            // not reentrant; cannot happen, but stemming without the cache is always right
            forms(word, &mut Scratch::default(), |f| each(super::stems::id(f)));
            return;
        };
        let (cache, scratch) = &mut *c;
        if let Some(ids) = cache.get(word) {
            ids.iter().copied().for_each(&mut each);
            return;
        }
        let mut ids = Vec::new();
        forms(word, scratch, |f| ids.push(super::stems::id(f)));
        ids.iter().copied().for_each(&mut each);
        if cache.len() >= MAX_WORDS {
            cache.clear();
        }
        cache.insert(word.into(), ids.into_boxed_slice());
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

/// Every stem of `text`, in order (a word with two forms gives both): the normalisation table's
/// view of the rules (indexing goes through [`words`] and [`stem_ids_cached`]).
#[cfg(test)]
fn terms(text: &str) -> Vec<String> {
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
    fn the_cache_gives_what_stemming_gives() {
        for w in ["والحكومه", "في", "meetings", "بيشكيك", "بيشكيك"] {
            let (mut a, mut b) = (Vec::new(), Vec::new());
            forms(w, &mut Scratch::default(), |f| a.push(f.to_string()));
            stem_ids_cached(w, |id| {
                super::super::stems::with_names(|names| b.push(names[id as usize].to_string()))
            });
            assert_eq!(a, b, "{w}");
        }
    }
}
