//! The index files of one language, from its articles' [`Record`]s.
//!
//! Under `/LANG/search/`:
//! - `meta.json`: the article count, the first stem of every term chunk, the names of the entry
//!   chunks and filter lists, and the normalisation rules ([`normalize::rules_json`]);
//! - `t/N-H.json`: a term chunk, `[[stem, postings], …]` in JavaScript string order, each about
//!   [`TERM_CHUNK_BYTES`]; postings are `gap × 4 + weight class,…` in base 36 (articles numbered newest
//!   first);
//! - `d/N-H.json`: [`ENTRIES_PER_CHUNK`] result entries;
//! - `e/P-H.json`: when there are more than [`ENTRY_NAMES_IN_META`] entry chunks, the names of
//!   that many of them (page P), which `meta.json` then names instead of the chunks;
//! - `p/K-H.json`: part K of the postings of a stem in more articles than a term chunk holds
//!   ([`POSTINGS_PART_BYTES`]), newest articles first; its term chunk names the parts and the
//!   first article of each;
//! - `f/KIND-KEY-H.json`: the articles of one topic or country, `delta,…` in base 36.
//!
//! `H` is a hash of the file's bytes, so a browser never mixes a cached chunk with a newer index.
//! A query loads `meta.json`, the one or two term chunks its words fall in and the entry chunks
//! of the results it shows (and, on a big site, the page naming those chunks).

use std::fmt::Write as _;
use std::hash::Hasher;
use std::sync::Arc;

use rayon::prelude::*;

use super::{normalize, Record};

/// About how many bytes a term chunk holds (a stem with very many articles has a chunk of its own).
pub const TERM_CHUNK_BYTES: usize = 24 * 1024;

/// How many weight classes a posting carries (`search::Seen::weight`); the script gives them the
/// weights 1, 2, 4 and 8.
pub const WEIGHT_CLASSES: u32 = 4;

/// Records collected by one parallel task.
const RECORDS_PER_TASK: usize = 1024;

/// Result entries per entry chunk.
pub const ENTRIES_PER_CHUNK: usize = 8;

/// Orders strings as JavaScript's `<` does (UTF-16 code units), which the script's binary search
/// relies on.
pub fn js_order(a: &str, b: &str) -> std::cmp::Ordering {
    // UTF-8 bytes sort as code points, which is UTF-16 order unless a character is outside the
    // Basic Multilingual Plane (4 bytes in UTF-8, a surrogate pair in UTF-16)
    let astral = |s: &str| s.bytes().any(|b| b >= 0xF0);
    if !astral(a) && !astral(b) {
        return a.cmp(b);
    }
    a.encode_utf16().cmp(b.encode_utf16())
}

/// The articles of one topic or country.
#[derive(Debug)]
pub struct Filter {
    /// `topic` or `country`
    pub kind: &'static str,
    pub key: String,
    pub name: String,
    /// Article numbers (positions in the newest-first list), ascending.
    pub docs: Vec<u32>,
}

fn base36(mut n: u32, out: &mut String) {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut buf = [0u8; 8];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = DIGITS[(n % 36) as usize];
        n /= 36;
        if n == 0 {
            break;
        }
    }
    for &b in &buf[i..] {
        out.push(b as char);
    }
}

fn short_hash(bytes: &[u8]) -> String {
    // names only need to change when the bytes do; FxHash reads 8 bytes at a step
    let mut h = rustc_hash::FxHasher::default();
    h.write(bytes);
    let v = h.finish();
    format!("{:08x}", (v >> 32) as u32 ^ v as u32)
}

fn json_str(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

/// Files of the index: (path under the output folder, bytes).
type Files = Vec<(String, Vec<u8>)>;

/// Entry chunk names (their hashes) listed in `meta.json` itself; a bigger index lists them in
/// pages of this many (`e/P-H.json`), so `meta.json`, which every query loads, stays small.
pub const ENTRY_NAMES_IN_META: usize = 1024;

/// The longest postings a term chunk holds for one stem, in bytes. A stem in more articles (a
/// common word of a big archive) has its postings in parts of about this size (`p/N-H.json`),
/// newest articles first, and a query loads only the parts it needs.
pub const POSTINGS_PART_BYTES: usize = 64 * 1024;

/// Where the index splits its lists ([`ENTRY_NAMES_IN_META`], [`POSTINGS_PART_BYTES`]; tests
/// use small sizes).
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    pub entry_page: usize,
    pub part_bytes: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            entry_page: ENTRY_NAMES_IN_META,
            part_bytes: POSTINGS_PART_BYTES,
        }
    }
}

/// Writes the index of `records` (newest article first) under `dir` (`LANG/search/`).
pub fn files(dir: &str, records: &[Arc<Record>], filters: &[Filter]) -> Vec<(String, Vec<u8>)> {
    files_with(dir, records, filters, Limits::default())
}

/// [`files`] with other [`Limits`].
pub fn files_with(
    dir: &str,
    records: &[Arc<Record>],
    filters: &[Filter],
    limits: Limits,
) -> Vec<(String, Vec<u8>)> {
    // postings: stem number → article × 4 + weight class (one u32: half the memory of a pair,
    // which is most of an index's memory while it is made), articles ascending: groups of
    // records are collected in parallel and joined in order
    type Postings = rustc_hash::FxHashMap<u32, Vec<u32>>;
    let postings: Postings = records
        .par_chunks(RECORDS_PER_TASK)
        .enumerate()
        .map(|(c, group)| {
            let mut map: Postings = Default::default();
            for (k, r) in group.iter().enumerate() {
                let doc = (c * RECORDS_PER_TASK + k) as u32;
                for (t, w) in r.terms() {
                    map.entry(t)
                        .or_default()
                        .push(doc * WEIGHT_CLASSES + u32::from(w.min(3)));
                }
            }
            map
        })
        .reduce(Postings::default, |mut a, b| {
            if a.is_empty() {
                return b;
            }
            for (t, mut list) in b {
                a.entry(t).or_default().append(&mut list);
            }
            a
        });
    super::stems::with_names(|names| write_files(dir, records, filters, limits, postings, names))
}

fn write_files(
    dir: &str,
    records: &[Arc<Record>],
    filters: &[Filter],
    limits: Limits,
    postings: rustc_hash::FxHashMap<u32, Vec<u32>>,
    names: &[Arc<str>],
) -> Vec<(String, Vec<u8>)> {
    let page = limits.entry_page.max(1);
    let part_bytes = limits.part_bytes.max(1);
    let mut out = Vec::new();
    let mut terms: Vec<(&str, Vec<u32>)> = postings
        .into_iter()
        .filter_map(|(id, list)| Some((names.get(id as usize)?.as_ref(), list)))
        .collect();
    terms.par_sort_unstable_by(|a, b| js_order(a.0, b.0));
    // each stem's entry, `["stem","postings"]`, written in parallel; a stem whose postings are
    // longer than a part: `["stem",{"n":COUNT,"p":[[FIRST_ARTICLE,"N-H"],…]}]` and its parts
    // (the stem's entry, its part files)
    let written: Vec<(String, Files)> = terms
        .par_iter()
        .map(|(term, list)| {
            // finished parts: (first article, postings)
            let mut parts: Vec<(u32, String)> = Vec::new();
            let mut text = String::with_capacity(list.len().min(part_bytes) * 2);
            let mut first = 0u32;
            let mut prev = 0u32;
            for &p in list {
                let doc = p / WEIGHT_CLASSES;
                if text.len() >= part_bytes {
                    parts.push((first, std::mem::take(&mut text)));
                }
                if text.is_empty() {
                    // a list (or a part) starts from article 0: its first gap is the number
                    first = doc;
                    prev = 0;
                } else {
                    text.push(',');
                }
                // the gap and the class in one number: most postings are one character
                base36(
                    (doc - prev) * WEIGHT_CLASSES + p % WEIGHT_CLASSES,
                    &mut text,
                );
                prev = doc;
            }
            let mut e = String::with_capacity(text.len() + term.len() + 8);
            e.push('[');
            e.push_str(&json_str(term));
            if parts.is_empty() {
                e.push_str(",\"");
                e.push_str(&text);
                e.push_str("\"]");
                return (e, Vec::new());
            }
            parts.push((first, text));
            let _ = write!(e, ",{{\"n\":{},\"p\":[", list.len());
            let mut files = Vec::new();
            for (k, (first, part)) in parts.iter().enumerate() {
                let body = json_str(part);
                // the stem is in the hash: two stems' parts never share a name
                let h = short_hash(format!("{term}\n{body}").as_bytes());
                let name = format!("{k}-{h}");
                if k > 0 {
                    e.push(',');
                }
                let _ = write!(e, "[{first},\"{name}\"]");
                files.push((format!("{dir}p/{name}.json"), body.into_bytes()));
            }
            e.push_str("]}]");
            (e, files)
        })
        .collect();
    let mut entries = Vec::with_capacity(written.len());
    for (e, files) in written {
        entries.push(e);
        out.extend(files);
    }
    // the postings are written: only the stems are needed from here
    let terms: Vec<&str> = terms.into_iter().map(|(t, _)| t).collect();

    let mut chunk_firsts: Vec<(String, String)> = Vec::new();
    let mut chunk = String::new();
    let mut first: Option<&str> = None;
    let mut flush = |chunk: &mut String, first: &mut Option<&str>, out: &mut Vec<_>| {
        if let Some(f) = first.take() {
            chunk.push(']');
            let h = short_hash(chunk.as_bytes());
            let n = chunk_firsts.len();
            out.push((
                format!("{dir}t/{n}-{h}.json"),
                std::mem::take(chunk).into_bytes(),
            ));
            chunk_firsts.push((f.to_string(), h));
        }
    };
    for (&term, entry) in terms.iter().zip(&entries) {
        if first.is_none() {
            chunk.push('[');
            first = Some(term);
        } else {
            chunk.push(',');
        }
        chunk.push_str(entry);
        if chunk.len() >= TERM_CHUNK_BYTES {
            flush(&mut chunk, &mut first, &mut out);
        }
    }
    flush(&mut chunk, &mut first, &mut out);

    let mut entry_hashes = Vec::new();
    for (n, group) in records.chunks(ENTRIES_PER_CHUNK).enumerate() {
        let mut text = String::from("[");
        for (k, r) in group.iter().enumerate() {
            if k > 0 {
                text.push(',');
            }
            text.push_str(&r.entry);
        }
        text.push(']');
        let h = short_hash(text.as_bytes());
        out.push((format!("{dir}d/{n}-{h}.json"), text.into_bytes()));
        entry_hashes.push(h);
    }

    let mut filter_meta: serde_json::Map<String, serde_json::Value> = serde_json::Map::new();
    for f in filters {
        let mut text = String::from("\"");
        let mut prev = 0u32;
        for (k, &d) in f.docs.iter().enumerate() {
            if k > 0 {
                text.push(',');
            }
            base36(d - prev, &mut text);
            prev = d;
        }
        text.push('"');
        let h = short_hash(text.as_bytes());
        let name = format!("{}-{}-{h}", f.kind, f.key);
        out.push((format!("{dir}f/{name}.json"), text.into_bytes()));
        if let serde_json::Value::Array(list) = filter_meta
            .entry(f.kind.to_string())
            .or_insert_with(|| serde_json::Value::Array(Vec::new()))
        {
            list.push(serde_json::json!([f.key, f.name, f.docs.len(), name]));
        }
    }

    let mut meta = String::with_capacity(64 + chunk_firsts.len() * 24 + entry_hashes.len() * 12);
    let _ = write!(
        meta,
        "{{\"v\":1,\"docs\":{},\"per\":{},\"terms\":[",
        records.len(),
        ENTRIES_PER_CHUNK
    );
    for (k, (f, h)) in chunk_firsts.iter().enumerate() {
        if k > 0 {
            meta.push(',');
        }
        let _ = write!(meta, "[{},\"{h}\"]", json_str(f));
    }
    // the entry chunks' names: in meta.json for a small index, else in pages that meta.json names
    let names = |hashes: &[String]| {
        let mut list = String::with_capacity(hashes.len() * 11);
        for (k, h) in hashes.iter().enumerate() {
            if k > 0 {
                list.push(',');
            }
            let _ = write!(list, "\"{h}\"");
        }
        list
    };
    if entry_hashes.len() <= page {
        let _ = write!(meta, "],\"entries\":[{}", names(&entry_hashes));
    } else {
        let mut pages = Vec::new();
        for (p, group) in entry_hashes.chunks(page).enumerate() {
            let text = format!("[{}]", names(group));
            let h = short_hash(text.as_bytes());
            out.push((format!("{dir}e/{p}-{h}.json"), text.into_bytes()));
            pages.push(h);
        }
        let _ = write!(
            meta,
            "],\"entries\":[],\"entry_page\":{page},\"entry_pages\":[{}",
            names(&pages)
        );
    }
    let _ = write!(
        meta,
        "],\"filters\":{},\"norm\":{}}}",
        serde_json::Value::Object(filter_meta),
        normalize::rules_json()
    );
    out.push((format!("{dir}meta.json"), meta.into_bytes()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base36_and_order() {
        let mut s = String::new();
        for n in [0, 35, 36, 1295, u32::MAX] {
            base36(n, &mut s);
            s.push(' ');
        }
        assert_eq!(s, "0 z 10 zz 1z141z3 ");
        // U+FF21 sorts after U+1F600 in UTF-16 order (a surrogate pair starts with 0xD83D)
        assert_eq!(
            js_order("\u{FF21}", "\u{1F600}"),
            std::cmp::Ordering::Greater
        );
    }

    #[test]
    fn postings_are_delta_encoded_with_weights() {
        let rec = |terms: &[(&str, u8)]| Arc::new(Record::new(terms.iter().copied(), "{}"));
        let records = vec![
            rec(&[("a", 0), ("b", 3)]),
            rec(&[("a", 2)]),
            rec(&[("a", 1)]),
        ];
        let files = files("ar/search/", &records, &[]);
        let terms = files
            .iter()
            .find(|(p, _)| p.starts_with("ar/search/t/0-"))
            .map(|(_, b)| String::from_utf8_lossy(b).to_string());
        // a: article 0 class 0 → 0; gap 1 class 2 → 6; gap 1 class 1 → 5. b: article 0 class 3 → 3
        assert_eq!(terms.as_deref(), Some(r#"[["a","0,6,5"],["b","3"]]"#));
    }
}
