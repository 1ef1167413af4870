//! What each render job read, as a digest, and which files it made: the part of the build state
//! that lets a build whose inputs changed render only the jobs whose inputs changed.
//!
//! A page is Tera's rendering of one template with one context; the templates, the messages
//! (`t`) and the number formats (`num`, `digits`) are the same from build to build while
//! `site.toml`, `authors.toml`, `templates/` and `locales/` are (the cache allows reuse only
//! then), so the digest of the context is the digest of the page. The context is hashed as a
//! whole ([`page_digest`]), so whatever a view puts into it — a new front-matter field, a related
//! card, a translation's title — is tracked without a line written for it here. The search
//! index has a digest of its own (`search::digest`). Files made without a template (feeds,
//! sitemaps, manifests, `robots.txt`, `_redirects`) are cheap and always made again.

use std::collections::HashMap;
use std::sync::Mutex;

/// A job as the state keeps it: its key (the path of the page it writes, or a name that cannot be
/// a path for jobs that write several files), the digest of what it read, and its files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobRecord {
    pub key: String,
    pub digest: u128,
    pub files: Vec<String>,
}

/// The jobs of the last build (when this build may reuse their files) and of this one.
#[derive(Default)]
pub struct Ledger {
    /// Whether digests are made at all (`watch` renders what it chose and keeps no state).
    on: bool,
    old: HashMap<String, (u128, Vec<String>)>,
    new: Mutex<Vec<JobRecord>>,
    kept: std::sync::atomic::AtomicUsize,
}

impl Ledger {
    /// No digests: every job is rendered and nothing is recorded.
    pub fn off() -> Ledger {
        Ledger::default()
    }

    /// Digests are made and recorded; the files of a job whose digest is in `old` are kept.
    pub fn new(old: Vec<JobRecord>) -> Ledger {
        Ledger {
            on: true,
            old: old
                .into_iter()
                .map(|r| (r.key, (r.digest, r.files)))
                .collect(),
            ..Ledger::default()
        }
    }

    pub fn is_on(&self) -> bool {
        self.on
    }

    /// The files the last build made for `key`, if its digest then was `digest`.
    pub fn unchanged(&self, key: &str, digest: u128) -> Option<&[String]> {
        match self.old.get(key) {
            Some((d, files)) if *d == digest => Some(files),
            _ => None,
        }
    }

    /// Records a job of this build; `kept` when its files were the last build's.
    pub fn record(&self, key: String, digest: u128, files: Vec<String>, kept: bool) {
        if !self.on {
            return;
        }
        if kept {
            self.kept.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
        let r = JobRecord { key, digest, files };
        match self.new.lock() {
            Ok(mut v) => v.push(r),
            Err(p) => p.into_inner().push(r),
        }
    }

    /// How many jobs kept the last build's files.
    pub fn kept(&self) -> usize {
        self.kept.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// This build's jobs, sorted by key.
    pub fn into_records(self) -> Vec<JobRecord> {
        let mut v = match self.new.into_inner() {
            Ok(v) => v,
            Err(p) => p.into_inner(),
        };
        v.sort_unstable_by(|a, b| a.key.cmp(&b.key));
        v
    }
}

/// The digest of a page: its template and every value of its context, each with its name.
/// Every value is hashed whole and without ambiguity ([`hash_value`]), so two contexts with
/// equal digests render alike.
pub fn page_digest<'k, 'v>(
    template: &str,
    entries: impl Iterator<Item = (&'k str, &'v tera::Value)>,
) -> u128 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    bytes(&mut h, template.as_bytes());
    for (name, value) in entries {
        bytes(&mut h, name.as_bytes());
        hash_value(&mut h, value);
    }
    h.digest128()
}

fn bytes(h: &mut xxhash_rust::xxh3::Xxh3, b: &[u8]) {
    h.update(&(b.len() as u64).to_le_bytes());
    h.update(b);
}

/// Feeds a Tera value to `h`: a tag for its kind, then its contents, lengths first. A string's
/// safe mark counts (a safe string is not escaped); a map's entries go in key order (Tera's
/// maps have no order of their own).
fn hash_value(h: &mut xxhash_rust::xxh3::Xxh3, v: &tera::Value) {
    use tera::value::ValueKind as K;
    match v.kind() {
        K::Undefined => h.update(b"u"),
        K::None => h.update(b"n"),
        K::Bool => h.update(if v.as_bool() == Some(true) {
            b"t"
        } else {
            b"f"
        }),
        K::U64 | K::U128 => {
            h.update(b"+");
            h.update(&v.as_u128().unwrap_or_default().to_le_bytes());
        }
        K::I64 | K::I128 => {
            h.update(b"-");
            h.update(&v.as_i128().unwrap_or_default().to_le_bytes());
        }
        K::F64 => {
            h.update(b".");
            h.update(&v.as_f64().unwrap_or_default().to_bits().to_le_bytes());
        }
        K::String => {
            h.update(if v.is_safe() { b"S" } else { b"s" });
            bytes(h, v.as_str().unwrap_or_default().as_bytes());
        }
        K::Bytes => {
            h.update(b"b");
            bytes(h, v.as_bytes().unwrap_or_default());
        }
        K::Array => {
            let a = v.as_array().unwrap_or_default();
            h.update(b"[");
            h.update(&(a.len() as u64).to_le_bytes());
            for x in a {
                hash_value(h, x);
            }
        }
        K::Map => {
            h.update(b"{");
            let Some(m) = v.as_map() else { return };
            let mut entries: Vec<_> = m.iter().collect();
            entries.sort_unstable_by(|a, b| a.0.cmp(b.0));
            h.update(&(entries.len() as u64).to_le_bytes());
            for (k, x) in entries {
                match k.as_str() {
                    Some(s) => {
                        h.update(b"k");
                        bytes(h, s.as_bytes());
                    }
                    None => {
                        h.update(b"K");
                        bytes(h, k.to_string().as_bytes());
                    }
                }
                hash_value(h, x);
            }
        }
        // a kind this nashra does not know: never equal to anything
        _ => h.update(&rand_bytes()),
    }
}

/// Bytes no two calls share (for a value the digest cannot read, so that its page is rendered).
fn rand_bytes() -> [u8; 16] {
    static N: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let t = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    (t ^ (u128::from(n) << 64) ^ u128::from(std::process::id())).to_le_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::render::view::Ctx;

    fn digest(template: &str, c: &Ctx) -> u128 {
        page_digest(template, c.entries())
    }

    #[test]
    fn a_digest_follows_every_value_of_the_context() {
        let mut a = Ctx::new();
        a.insert("title", "القمة");
        a.insert("n", &3);
        a.insert(
            "card",
            &serde_json::json!({"a": 1, "b": "x", "c": [1.5, null]}),
        );
        let d = digest("article.html", &a);
        assert_eq!(d, digest("article.html", &a.clone()));
        assert_ne!(d, digest("page.html", &a));
        let mut b = a.clone();
        b.insert("n", &4);
        assert_ne!(d, digest("article.html", &b));
        let mut c = a.clone();
        c.insert("extra", &serde_json::json!({"new_field": [1, 2]}));
        assert_ne!(d, digest("article.html", &c));
        let mut e = a.clone();
        e.insert(
            "card",
            &serde_json::json!({"a": 1, "b": "x", "c": [1.5, 0]}),
        );
        assert_ne!(d, digest("article.html", &e));
        // a string that spells out the structure of another value
        let mut f = Ctx::new();
        f.insert("title", "a");
        f.insert("n", "b");
        let mut g = Ctx::new();
        g.insert("title", "a\u{0}\u{0}n");
        g.insert("n", "b");
        assert_ne!(digest("x", &f), digest("x", &g));
        // the same text, once safe (not escaped when rendered)
        let mut s = Ctx::new();
        s.insert_value("html", tera::Value::normal_string("<b>"));
        let mut t = Ctx::new();
        t.insert_value("html", tera::Value::safe_string("<b>"));
        assert_ne!(digest("x", &s), digest("x", &t));
    }

    /// Tera's maps iterate in an order of their own, which differs from process to process; the
    /// digest must not.
    #[test]
    fn map_order_does_not_change_the_digest() {
        let a: serde_json::Value =
            serde_json::from_str(r#"{"x": 1, "y": 2, "z": {"p": 1, "q": 2}}"#).unwrap();
        let mut one = Ctx::new();
        one.insert("m", &a);
        let first = digest("x", &one);
        for _ in 0..20 {
            let mut again = Ctx::new();
            again.insert("m", &a);
            assert_eq!(digest("x", &again), first);
        }
    }

    #[test]
    fn only_a_matching_digest_keeps_files() {
        let l = Ledger::new(vec![JobRecord {
            key: "ar/x/index.html".into(),
            digest: 7,
            files: vec!["ar/x/index.html".into()],
        }]);
        assert!(l.unchanged("ar/x/index.html", 7).is_some());
        assert!(l.unchanged("ar/x/index.html", 8).is_none());
        assert!(l.unchanged("ar/y/index.html", 7).is_none());
        assert!(Ledger::off().unchanged("ar/x/index.html", 7).is_none());
    }
}
