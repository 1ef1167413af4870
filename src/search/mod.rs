//! Stage 5b: the search index of each language, written with the pages.
//!
//! Search runs in the reader's browser with no server: `/LANG/search/` is a page
//! (`templates/search.html`) whose script (`static/search.js`) reads a chunked index written
//! beside it. [`normalize`] (with [`words`]) is the one normalisation of text (folding, words, light stemming)
//! shared with the script; [`index`] turns the articles' [`Record`]s into the index files.
//!
//! Each article's [`Record`] (its stems with weights and its result entry) is made once and kept
//! in its card slot (`view::CardSlot`), so `watch` re-indexes only the articles that changed and
//! merges the rest as they were.

pub mod index;
pub mod normalize;
pub mod stems;
pub mod store;
pub mod words;

use std::path::Path;

use rustc_hash::FxHashMap;

use serde::Serialize;

use crate::content::markdown;
use crate::diagnostics::Diagnostic;
use crate::i18n::Localizer;
use crate::model::{DocId, Site};

/// `/LANG/search/`: the search page and, beside it, the index.
pub fn page_path(lang: &str) -> String {
    format!("{lang}/search/")
}

/// The folders of an index beside its search page: term chunks, result entries, entry-name
/// pages, filter lists and postings parts ([`index`]). Collisions, staleness and content-named
/// files all read this one list.
pub const INDEX_FOLDERS: [&str; 5] = ["t", "d", "e", "f", "p"];

/// Whether an output path is an index chunk, whose name carries the hash of its content.
pub fn is_content_named(rel: &str) -> bool {
    let mut parts = rel.split('/');
    matches!(
        (parts.next(), parts.next(), parts.next(), parts.next(), parts.next()),
        (Some(_), Some("search"), Some(sub), Some(name), None)
            if INDEX_FOLDERS.contains(&sub) && name.ends_with(".json")
    )
}

/// The index chunks under `out` (the served folder) for `lang` that `written` does not name: what
/// `watch` deletes after writing the index again.
pub fn stale_files(out: &Path, lang: &str, written: &[String]) -> Vec<String> {
    let fresh: std::collections::HashSet<&str> = written.iter().map(String::as_str).collect();
    let dir = page_path(lang);
    let mut stale = Vec::new();
    for sub in INDEX_FOLDERS {
        let Ok(entries) = std::fs::read_dir(out.join(&dir).join(sub)) else {
            continue;
        };
        for e in entries.flatten() {
            let name = e.file_name();
            let Some(name) = name.to_str() else { continue };
            let rel = format!("{dir}{sub}/{name}");
            if name.ends_with(".json") && !fresh.contains(rel.as_str()) {
                stale.push(rel);
            }
        }
    }
    stale
}

/// How long a result's summary may be, in characters.
const RESULT_SUMMARY_CHARS: usize = 220;

/// One article as the index sees it. Every article's record is kept until the index is written
/// (and for the next rebuild), so it is compact: its stems by number ([`stems`]), ascending, each
/// written as a LEB128 varint of (difference from the previous number × 4 + weight class): about
/// 2 bytes a stem where a `u32` and a `u8` took 5.
#[derive(Debug)]
pub struct Record {
    terms: Box<[u8]>,
    /// The result entry shown for it (JSON: url, title, date, summary).
    pub entry: Box<str>,
}

/// Weight classes a record keeps (0–3; a higher one is kept as 3).
const MAX_WEIGHT: u8 = 3;

impl Record {
    /// A record of (stem, weight) pairs; stems are words of [`normalize`].
    pub fn new<'a>(terms: impl IntoIterator<Item = (&'a str, u8)>, entry: &str) -> Record {
        Record::of_ids(terms.into_iter().map(|(t, w)| (stems::id(t), w)), entry)
    }

    /// A record of (stem number, weight) pairs, each stem once.
    fn of_ids(terms: impl IntoIterator<Item = (u32, u8)>, entry: &str) -> Record {
        // (number × 4 + weight) as one integer: sorting those is the cost of a record
        let mut keys: Vec<u64> = terms
            .into_iter()
            .map(|(id, w)| (u64::from(id) << 2) | u64::from(w.min(MAX_WEIGHT)))
            .collect();
        keys.sort_unstable();
        keys.dedup_by_key(|k| *k >> 2);
        Record::of_sorted(keys, entry)
    }

    /// A record of `keys` (stem number × 4 + weight), stem numbers strictly ascending.
    fn of_sorted(keys: impl IntoIterator<Item = u64>, entry: &str) -> Record {
        let keys = keys.into_iter();
        let mut out = Vec::with_capacity(keys.size_hint().0 * 2);
        let mut prev = 0u64;
        for key in keys {
            put_varint(&mut out, ((key >> 2) - prev) << 2 | (key & 3));
            prev = key >> 2;
        }
        Record {
            terms: out.into_boxed_slice(),
            entry: entry.into(),
        }
    }

    /// The bytes the record holds besides itself.
    pub fn heap_bytes(&self) -> usize {
        self.terms.len() + self.entry.len()
    }

    /// (stem number, weight class) pairs, stems ascending.
    pub fn terms(&self) -> impl Iterator<Item = (u32, u8)> + '_ {
        let mut bytes: &[u8] = &self.terms;
        let mut prev = 0u64;
        std::iter::from_fn(move || {
            let v = take_varint(&mut bytes)?;
            prev += v >> 2;
            Some((u32::try_from(prev).unwrap_or(u32::MAX), (v & 3) as u8))
        })
    }
}

/// Appends `v` as LEB128 (seven bits a byte, low first).
fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// Takes a LEB128 number off the front of `bytes`; `None` if they end first or it passes 64 bits.
fn take_varint(bytes: &mut &[u8]) -> Option<u64> {
    let mut v = 0u64;
    for shift in (0..64).step_by(7) {
        let (&b, rest) = bytes.split_first()?;
        *bytes = rest;
        v |= u64::from(b & 0x7f).checked_shl(shift)?;
        if b & 0x80 == 0 {
            return Some(v);
        }
    }
    None
}

#[derive(Serialize)]
struct Entry<'a> {
    /// URL (as linked from pages)
    u: &'a str,
    /// headline
    t: &'a str,
    /// date as the site writes it
    d: &'a str,
    /// summary
    s: &'a str,
}

/// A word's weight: where it appears and how often.
#[derive(Default, Clone, Copy)]
struct Seen {
    title: bool,
    summary: bool,
    body: u16,
}

#[derive(Clone, Copy)]
enum Field {
    Title,
    Summary,
    Body,
}

impl Seen {
    fn mark(&mut self, field: Field) {
        match field {
            Field::Title => self.title = true,
            Field::Summary => self.summary = true,
            Field::Body => self.body = self.body.saturating_add(1),
        }
    }

    /// The word's class (`index::WEIGHT_CLASSES`): 3 in the headline, 2 in the summary, 1 three
    /// times or more in the body, else 0.
    fn weight(self) -> u8 {
        if self.title {
            3
        } else if self.summary {
            2
        } else if self.body >= 3 {
            1
        } else {
            0
        }
    }
}

static RECORDS_MADE: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// How many article records this process has made (`watch` makes them only for what changed).
pub fn records_made() -> usize {
    RECORDS_MADE.load(std::sync::atomic::Ordering::Relaxed)
}

/// Reads the article's text (kept body or its file) and makes its record.
pub fn record(
    root: &Path,
    site: &Site,
    l10n: &Localizer,
    url: &str,
    summary: &str,
    id: DocId,
) -> Result<Record, Diagnostic> {
    record_with(site, l10n, url, summary, id, |add| {
        crate::content::with_body(root, &site.documents[id], |md| markdown::text_runs(md, add))
    })
}

/// Makes the article's record; `body` gives every run of the body's text to the function it is
/// handed (the article page's rendering does, so the Markdown is parsed once for both).
pub fn record_with(
    site: &Site,
    l10n: &Localizer,
    url: &str,
    summary: &str,
    id: DocId,
    body: impl FnOnce(&mut dyn FnMut(&str)) -> Result<(), Diagnostic>,
) -> Result<Record, Diagnostic> {
    RECORDS_MADE.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let input = RecordInput::new(site, l10n, url, summary, id);
    // each word's stems (by number, through this thread's cache of words), with where they appear
    let mut seen: FxHashMap<u32, Seen> = FxHashMap::default();
    let mut buf = String::new();
    let mut add = |text: &str, field: Field| {
        normalize::words(text, &mut buf, |w| {
            normalize::stem_ids_cached(w, |f| seen.entry(f).or_default().mark(field));
        });
    };
    add(input.title, Field::Title);
    add(input.summary, Field::Summary);
    body(&mut |t| add(t, Field::Body))?;
    let entry = serde_json::to_string(&Entry {
        u: input.url,
        t: input.title,
        d: &input.date,
        s: &markdown::cut_summary(input.summary, RESULT_SUMMARY_CHARS),
    })
    .unwrap_or_default();
    Ok(Record::of_ids(
        seen.iter().map(|(&t, s)| (t, s.weight())),
        &entry,
    ))
}

/// Everything an article's record is made of besides its Markdown body: [`record_with`] reads
/// the document through this alone, so that its [`RecordInput::key`] and the body's hash
/// (`Document::body_hash`) say whether a record made before is still the one it would make.
#[derive(Debug, Hash)]
pub struct RecordInput<'a> {
    title: &'a str,
    summary: &'a str,
    url: &'a str,
    /// The date as the result entry shows it.
    date: String,
}

impl<'a> RecordInput<'a> {
    pub fn new(
        site: &'a Site,
        l10n: &Localizer,
        url: &'a str,
        summary: &'a str,
        id: DocId,
    ) -> RecordInput<'a> {
        let doc = &site.documents[id];
        RecordInput {
            title: &doc.title,
            summary,
            url,
            date: doc
                .date
                .as_ref()
                .map(|d| l10n.date(&doc.lang, d))
                .unwrap_or_default(),
        }
    }

    /// A hash of the record this input and a body of hash `body_hash` make.
    pub fn key(&self, body_hash: u128) -> u128 {
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        for part in [self.title, self.summary, self.url, &self.date] {
            h.update(&(part.len() as u64).to_le_bytes());
            h.update(part.as_bytes());
        }
        h.update(&body_hash.to_le_bytes());
        h.digest128()
    }
}

/// The configuration the search page's script reads (`<script id="search-config">`): where the
/// index is, the interface strings, and the result count in each plural category.
pub fn page_config(site: &Site, l10n: &Localizer, lang: &str) -> serde_json::Value {
    let cfg = &site.config;
    let s = |key: &str| l10n.format(lang, key, &[]);
    let plurals = crate::i18n::format::Plurals::new(lang);
    let mut counts = serde_json::Map::new();
    for n in 0..=200u32 {
        let category = plurals.category(f64::from(n));
        if !counts.contains_key(category) {
            let text = l10n.format(
                lang,
                "search-count",
                &[
                    ("count", crate::i18n::Arg::Num(f64::from(n))),
                    ("n", crate::i18n::Arg::Str("{n}".into())),
                ],
            );
            counts.insert(category.to_string(), text.into());
        }
    }
    serde_json::json!({
        "index": crate::render::view::link(cfg, &page_path(lang)),
        "lang": lang,
        "digits": match l10n.digits(lang) {
            crate::config::Digits::Arab => "arab",
            crate::config::Digits::Arabext => "arabext",
            crate::config::Digits::Latn => "latn",
        },
        "counts": counts,
        "strings": {
            "none": s("search-none"),
            "more": s("search-more"),
            "error": s("search-error"),
            "loading": s("search-loading"),
            "short": s("search-short"),
        },
    })
}

/// The topics and countries of `lang` that have articles, as search filters (key, name), the
/// largest first.
pub fn filter_names(
    site: &Site,
    l10n: &Localizer,
    prep: &crate::render::view::Prepared,
    lang: &str,
) -> (
    Vec<crate::render::view::SearchFilter>,
    Vec<crate::render::view::SearchFilter>,
) {
    let (topics, countries) = filter_lists(site, l10n, prep, lang);
    let names = |list: Vec<(String, String, &[DocId])>| {
        list.into_iter()
            .map(|(key, name, _)| crate::render::view::SearchFilter { key, name })
            .collect()
    };
    (names(topics), names(countries))
}

type FilterList<'a> = Vec<(String, String, &'a [DocId])>;

fn filter_lists<'a>(
    site: &'a Site,
    l10n: &Localizer,
    prep: &crate::render::view::Prepared,
    lang: &str,
) -> (FilterList<'a>, FilterList<'a>) {
    use crate::model::Scope;
    let name = |scope: Scope| prep.terms.get(site, l10n, lang, scope).view.name.clone();
    let mut topics: FilterList<'a> = site
        .topics
        .get(lang)
        .into_iter()
        .flatten()
        .filter(|(_, ids)| !ids.is_empty())
        .map(|(k, ids)| (k.clone(), name(Scope::Topic(k.clone())), ids.as_slice()))
        .collect();
    let mut countries: FilterList<'a> = site
        .countries
        .get(lang)
        .into_iter()
        .flatten()
        .filter(|(_, ids)| !ids.is_empty())
        .map(|(c, ids)| {
            (
                c.to_ascii_lowercase(),
                name(Scope::Country(c.clone())),
                ids.as_slice(),
            )
        })
        .collect();
    let by_size = |a: &(String, String, &[DocId]), b: &(String, String, &[DocId])| {
        b.2.len()
            .cmp(&a.2.len())
            .then_with(|| l10n.compare_names(lang, &a.1, &b.1))
    };
    topics.sort_by(by_size);
    countries.sort_by(by_size);
    (topics, countries)
}

/// Every file of the search index of `lang` (paths relative to the output folder). Articles'
/// records are made in parallel, or reused from their cards, or taken from `old` when it has
/// the record of an article's key.
pub fn files(
    root: &Path,
    site: &Site,
    l10n: &Localizer,
    prep: &crate::render::view::Prepared,
    lang: &str,
    old: Option<&store::Stored>,
) -> Result<Vec<(String, Vec<u8>)>, Diagnostic> {
    use rayon::prelude::*;
    let start = std::time::Instant::now();
    let ids: &[DocId] = site.articles.get(lang).map_or(&[], Vec::as_slice);
    let records = ids
        .par_iter()
        .map(|&id| prep.search_record(root, site, l10n, id, old))
        .collect::<Result<Vec<_>, _>>()?;
    let made = start.elapsed();
    let filters = filters(site, l10n, prep, lang);
    let files = index::files(&page_path(lang), &records, &filters);
    if std::env::var_os("NASHRA_TIMINGS").is_some() {
        let kept: usize = records.iter().map(|r| r.heap_bytes()).sum();
        eprintln!(
            "timing: search index {lang}: records {made:?} ({} KiB kept), index {:?}, {} files",
            kept >> 10,
            start.elapsed() - made,
            files.len()
        );
    }
    Ok(files)
}

/// A hash of everything [`files`] makes a language's index from (its folder, each article's
/// [`RecordInput`] and body hash, in order, and the filters), without making a record: equal
/// hashes, equal index files.
pub fn digest(
    site: &Site,
    l10n: &Localizer,
    prep: &crate::render::view::Prepared,
    lang: &str,
) -> u128 {
    use rayon::prelude::*;
    let ids: &[DocId] = site.articles.get(lang).map_or(&[], Vec::as_slice);
    let keys: Vec<u128> = ids
        .par_iter()
        .map(|&id| record_key(site, l10n, prep, id))
        .collect();
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(page_path(lang).as_bytes());
    h.update(&(keys.len() as u64).to_le_bytes());
    for k in keys {
        h.update(&k.to_le_bytes());
    }
    h.update(format!("{:?}", filters(site, l10n, prep, lang)).as_bytes());
    h.digest128()
}

/// The key of an article's record ([`RecordInput::key`]), made once per build.
pub fn record_key(
    site: &Site,
    l10n: &Localizer,
    prep: &crate::render::view::Prepared,
    id: DocId,
) -> u128 {
    prep.search_key(id, || {
        let card = prep.card(id);
        RecordInput::new(site, l10n, &card.url, card.summary(), id)
            .key(site.documents[id].body_hash)
    })
}

/// The bytes of every article's record for the next build ([`store`]): the ones this build
/// made or took, and for the articles of an index it kept, the ones `old` has.
pub fn stored(
    site: &Site,
    l10n: &Localizer,
    prep: &crate::render::view::Prepared,
    old: Option<&store::Stored>,
) -> Vec<u8> {
    use rayon::prelude::*;
    if !site.config.search {
        return Vec::new();
    }
    let ids: Vec<DocId> = site.articles.values().flatten().copied().collect();
    let records: Vec<(u128, std::sync::Arc<Record>)> = ids
        .par_iter()
        .filter_map(|&id| {
            let key = record_key(site, l10n, prep, id);
            let record = prep.made_search_record(id).or_else(|| old?.get(key))?;
            Some((key, record))
        })
        .collect();
    store::encode(records.iter().map(|(k, r)| (*k, &**r)))
}

/// The topic and country filters of a language's index, articles by their place in it.
fn filters(
    site: &Site,
    l10n: &Localizer,
    prep: &crate::render::view::Prepared,
    lang: &str,
) -> Vec<index::Filter> {
    let ids: &[DocId] = site.articles.get(lang).map_or(&[], Vec::as_slice);
    let mut position = vec![u32::MAX; site.documents.len()];
    for (i, &id) in ids.iter().enumerate() {
        position[id] = i as u32;
    }
    let (topics, countries) = filter_lists(site, l10n, prep, lang);
    topics
        .into_iter()
        .map(|t| ("topic", t))
        .chain(countries.into_iter().map(|c| ("country", c)))
        .map(|(kind, (key, name, list))| {
            let mut docs: Vec<u32> = list
                .iter()
                .map(|&id| position[id])
                .filter(|&p| p != u32::MAX)
                .collect();
            docs.sort_unstable();
            index::Filter {
                kind,
                key,
                name,
                docs,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_gives_back_its_stems_ascending_with_their_weights() {
        let pairs = [
            (7u32, 1u8),
            (0, 0),
            (u32::MAX, 3),
            (130, 2),
            (129, 9),
            (1 << 20, 0),
            (u32::MAX - 1, 1),
        ];
        let r = Record::of_ids(pairs, "{}");
        let back: Vec<(u32, u8)> = r.terms().collect();
        assert_eq!(
            back,
            vec![
                (0, 0),
                (7, 1),
                (129, 3),
                (130, 2),
                (1 << 20, 0),
                (u32::MAX - 1, 1),
                (u32::MAX, 3)
            ]
        );
        // a stem given twice is kept once
        let r = Record::of_ids([(5, 1), (5, 2)], "{}");
        assert_eq!(r.terms().count(), 1);
        // small gaps take one byte a stem
        let dense = Record::of_ids((1000..1100).map(|i| (i, 1)), "");
        assert_eq!(dense.heap_bytes(), 101);
    }
}
