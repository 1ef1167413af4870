//! Articles' search records kept between builds, in the build state (`incremental::state`): a
//! build that makes a language's index again takes the record of every article whose
//! [`super::RecordInput::key`] (its title, summary, address, date and body hash) is the one a
//! record was made for, instead of parsing its body again. A record is a function of that key
//! (and of nashra and the site's settings, which the build cache checks before it lets a build
//! reuse anything), so the key alone finds it.
//!
//! Stem numbers are this process's ([`super::stems`]), so the bytes name each stem by its text
//! once, in a table, and each record by places in that table. Reading checks every count and
//! place against the bytes left and returns `None` for anything not written here: the build
//! then makes the records as a full build does.

use std::collections::HashMap;
use std::sync::Arc;

use super::{put_varint as varint, Record};

const MAGIC: &[u8] = b"nashra-search-records-1\n";

/// The records of the last build, by key: the stems' table is read (and each stem numbered in
/// this process) when they are opened, a record only when it is asked for.
#[derive(Default)]
pub struct Stored {
    bytes: Vec<u8>,
    /// This process's number of each stem of the table, by place.
    ids: Vec<u32>,
    /// Whether the numbers ascend with the places (then a record's stems, written by place,
    /// need no sorting).
    ascending: bool,
    /// Where each record's entry and terms are in `bytes`.
    at: HashMap<u128, usize>,
}

impl Stored {
    /// The record made for `key`, if there is one and it reads.
    pub fn get(&self, key: u128) -> Option<Arc<Record>> {
        let mut r = Reader(self.bytes.get(*self.at.get(&key)?..)?);
        let entry = r.str()?;
        let n = r.count(1)?;
        let terms = r.take(n)?;
        let mut r = Reader(terms);
        let mut keys = Vec::with_capacity(n);
        let mut place = 0u64;
        while !r.0.is_empty() {
            let v = r.varint()?;
            place = place.checked_add(v >> 2)?;
            let id = *self.ids.get(usize::try_from(place).ok()?)?;
            keys.push((u64::from(id) << 2) | (v & 3));
        }
        let strictly_ascending = keys.windows(2).all(|w| w[0] >> 2 < w[1] >> 2);
        Some(Arc::new(if self.ascending && strictly_ascending {
            Record::of_sorted(keys, entry)
        } else {
            Record::of_ids(
                keys.into_iter().map(|k| ((k >> 2) as u32, (k & 3) as u8)),
                entry,
            )
        }))
    }

    pub fn len(&self) -> usize {
        self.at.len()
    }

    pub fn is_empty(&self) -> bool {
        self.at.is_empty()
    }
}

/// The bytes of `records` (key, record), each key once.
pub fn encode<'a>(records: impl Iterator<Item = (u128, &'a Record)>) -> Vec<u8> {
    let records: Vec<(u128, &Record)> = records.collect();
    // the table: every stem the records use, in the order of their numbers, so that a record's
    // stems (ascending by number) are ascending by place too
    const NONE: u32 = u32::MAX;
    let mut place: Vec<u32> = Vec::new();
    for (_, r) in &records {
        for (id, _) in r.terms() {
            let i = id as usize;
            if i >= place.len() {
                place.resize(i + 1, NONE);
            }
            place[i] = 0;
        }
    }
    let mut used: Vec<u32> = Vec::new();
    for (id, p) in place.iter_mut().enumerate() {
        if *p != NONE {
            *p = used.len() as u32;
            used.push(id as u32);
        }
    }
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    varint(&mut out, used.len() as u64);
    super::stems::with_names(|names| {
        for &id in &used {
            let name = names.get(id as usize).map_or("", |n| &**n);
            varint(&mut out, name.len() as u64);
            out.extend_from_slice(name.as_bytes());
        }
    });
    varint(&mut out, records.len() as u64);
    let mut terms = Vec::new();
    for (key, r) in records {
        out.extend_from_slice(&key.to_le_bytes());
        varint(&mut out, r.entry.len() as u64);
        out.extend_from_slice(r.entry.as_bytes());
        terms.clear();
        let mut prev = 0u64;
        for (id, w) in r.terms() {
            let p = u64::from(place.get(id as usize).copied().unwrap_or_default());
            varint(&mut terms, ((p - prev.min(p)) << 2) | u64::from(w & 3));
            prev = p;
        }
        varint(&mut out, terms.len() as u64);
        out.extend_from_slice(&terms);
    }
    out
}

struct Reader<'b>(&'b [u8]);

impl<'b> Reader<'b> {
    fn varint(&mut self) -> Option<u64> {
        super::take_varint(&mut self.0)
    }

    /// A count of items of at least `min` bytes each, no more than the bytes left could hold.
    fn count(&mut self, min: usize) -> Option<usize> {
        let n = usize::try_from(self.varint()?).ok()?;
        (n <= self.0.len() / min.max(1)).then_some(n)
    }

    fn take(&mut self, n: usize) -> Option<&'b [u8]> {
        (n <= self.0.len()).then(|| {
            let (a, b) = self.0.split_at(n);
            self.0 = b;
            a
        })
    }

    fn str(&mut self) -> Option<&'b str> {
        let n = self.count(1)?;
        std::str::from_utf8(self.take(n)?).ok()
    }
}

/// Opens the records in `bytes`: numbers the table's stems and finds where each record is.
/// `None` if they are not records [`encode`] wrote.
pub fn open(bytes: Vec<u8>) -> Option<Stored> {
    let mut r = Reader(bytes.strip_prefix(MAGIC)?);
    let n = r.count(1)?;
    let mut ids = Vec::with_capacity(n);
    for _ in 0..n {
        ids.push(super::stems::id(r.str()?));
    }
    let ascending = ids.windows(2).all(|w| w[0] < w[1]);
    let n = r.count(18)?;
    let mut at = HashMap::with_capacity(n);
    for _ in 0..n {
        let key = u128::from_le_bytes(r.take(16)?.try_into().ok()?);
        at.insert(key, bytes.len() - r.0.len());
        let len = r.count(1)?;
        r.take(len)?;
        let len = r.count(1)?;
        r.take(len)?;
    }
    if !r.0.is_empty() {
        return None;
    }
    Some(Stored {
        bytes,
        ids,
        ascending,
        at,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(terms: &[(&str, u8)], entry: &str) -> Record {
        Record::new(terms.iter().copied(), entry)
    }

    fn terms_of(r: &Record) -> Vec<(String, u8)> {
        super::super::stems::with_names(|names| {
            let mut v: Vec<(String, u8)> = r
                .terms()
                .map(|(id, w)| (names[id as usize].to_string(), w))
                .collect();
            v.sort();
            v
        })
    }

    #[test]
    fn records_come_back_by_key_with_their_stems_and_entries() {
        let a = record(
            &[("قمة", 3), ("بيشكيك", 2), ("store-test", 0)],
            "{\"u\":\"/ar/a/\"}",
        );
        let b = record(&[("summit", 3), ("store-test", 1)], "{\"u\":\"/en/b/\"}");
        let bytes = encode([(7u128, &a), (9u128, &b)].into_iter());
        let stored = open(bytes).expect("decodes");
        assert_eq!(stored.len(), 2);
        let a2 = stored.get(7).expect("a");
        assert_eq!(terms_of(&a2), terms_of(&a));
        assert_eq!(&*a2.entry, &*a.entry);
        assert_eq!(terms_of(&stored.get(9).expect("b")), terms_of(&b));
        assert!(stored.get(8).is_none());
    }

    /// A table whose stems this process numbered in another order (a corrected article's
    /// words are numbered while its page is made, before an index reads the records) still
    /// gives each record its stems, sorted.
    #[test]
    fn stems_numbered_in_another_order_come_back_sorted() {
        let early = super::super::stems::id("store-order-early");
        let late = super::super::stems::id("store-order-late");
        assert!(early < late);
        let mut bytes = MAGIC.to_vec();
        varint(&mut bytes, 2);
        for name in ["store-order-late", "store-order-early"] {
            varint(&mut bytes, name.len() as u64);
            bytes.extend_from_slice(name.as_bytes());
        }
        varint(&mut bytes, 1);
        bytes.extend_from_slice(&5u128.to_le_bytes());
        varint(&mut bytes, 2);
        bytes.extend_from_slice(b"{}");
        // place 0 (late) weight 3, place 1 (early) weight 1
        let terms = [3u8, (1 << 2) | 1];
        varint(&mut bytes, terms.len() as u64);
        bytes.extend_from_slice(&terms);
        let stored = open(bytes).expect("opens");
        let r = stored.get(5).expect("the record");
        let got: Vec<(u32, u8)> = r.terms().collect();
        assert_eq!(got, vec![(early, 1), (late, 3)]);
    }

    /// Cut anywhere or with any byte changed, the bytes give `None` or records (never a panic);
    /// cut short or too long, they are refused.
    #[test]
    fn damaged_records_are_refused_without_a_panic() {
        let a = record(&[("damaged-test", 3), ("x", 1)], "{}");
        let bytes = encode([(1u128, &a)].into_iter());
        for n in 0..bytes.len() {
            assert!(open(bytes[..n].to_vec()).is_none(), "cut at {n}");
        }
        for i in 0..bytes.len() {
            let mut b = bytes.clone();
            b[i] ^= 0xff;
            if let Some(s) = open(b) {
                let _ = s.get(1);
            }
        }
        let mut long = bytes.clone();
        long.push(0);
        assert!(open(long).is_none());
    }
}
