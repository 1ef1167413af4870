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

/// What an article body's HTML was made from besides its Markdown: every question its rendering
/// asked the site (the address of a link, the HTML of a picture), in order. The HTML is a
/// function of the Markdown and the answers, so a body whose Markdown hash is unchanged is known
/// to render as before when the same questions get the same answers now — without parsing it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BodyRecord {
    /// The document's file, relative to the site root.
    pub path: String,
    pub body_hash: u128,
    pub calls: Vec<Call>,
}

/// One question a body's rendering asked ([`crate::content::markdown::Media`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Call {
    /// `image` (else `href`)
    pub image: bool,
    pub dest: String,
    pub alt: String,
    pub title: String,
}

/// The jobs of the last build (when this build may reuse their files) and of this one.
#[derive(Default)]
pub struct Ledger {
    /// Whether digests are made at all (`watch` renders what it chose and keeps no state).
    on: bool,
    old: HashMap<String, (u128, Vec<String>)>,
    new: Mutex<Vec<JobRecord>>,
    kept: std::sync::atomic::AtomicUsize,
    old_bodies: HashMap<String, (u128, Vec<Call>)>,
    new_bodies: Mutex<Vec<BodyRecord>>,
    /// Values every page of a language shares, hashed once ([`Ledger::share`]).
    shared: std::sync::OnceLock<Shared>,
    /// The last build's search records (opened with the ledger, read one by one when asked for).
    old_records: Option<crate::search::store::Stored>,
}

/// Maps and lists that many contexts hold the very same copy of (Tera's values share them), with
/// their hashes: a context that holds one is hashed with that hash instead of the whole value.
/// Only values that live through the whole render pass may be here (the address is the key).
#[derive(Default)]
pub struct Shared(Vec<(usize, u128)>);

/// The address of a map's or list's contents, which clones of a value share.
fn address(v: &tera::Value) -> Option<usize> {
    if let Some(m) = v.as_map() {
        return Some(m as *const tera::value::Map as usize);
    }
    v.as_array().map(|a| a.as_ptr() as usize)
}

impl Ledger {
    /// No digests: every job is rendered and nothing is recorded.
    pub fn off() -> Ledger {
        Ledger::default()
    }

    /// Digests are made and recorded; the files of a job whose digest is in the last build's
    /// `jobs` are kept, its `bodies` need not be parsed to be known unchanged, and its search
    /// `records` are taken where their keys match.
    pub fn new(
        super::state::Parts {
            jobs,
            bodies,
            records,
        }: super::state::Parts,
    ) -> Ledger {
        Ledger {
            on: true,
            old: jobs
                .into_iter()
                .map(|r| (r.key, (r.digest, r.files)))
                .collect(),
            old_bodies: bodies
                .into_iter()
                .map(|b| (b.path, (b.body_hash, b.calls)))
                .collect(),
            // unreadable records are none (the records are made again)
            old_records: crate::search::store::open(records),
            ..Ledger::default()
        }
    }

    /// Hashes `values` once for the pass (the per-language values every page's context holds,
    /// `site` and `nav_pages`); they must outlive it.
    pub fn share<'v>(&self, values: impl Iterator<Item = &'v tera::Value>) {
        if !self.on {
            return;
        }
        let list = values
            .filter_map(|v| {
                let mut h = xxhash_rust::xxh3::Xxh3::new();
                hash_value(&mut h, v, &Shared::default());
                Some((address(v)?, h.digest128()))
            })
            .collect();
        let _ = self.shared.set(Shared(list));
    }

    /// The shared values' hashes ([`Ledger::share`]).
    pub fn shared(&self) -> &Shared {
        static NONE: Shared = Shared(Vec::new());
        self.shared.get().unwrap_or(&NONE)
    }

    /// The questions the body of the document at `path` asked in the last build, if its
    /// Markdown had the hash `body_hash` then.
    pub fn old_calls(&self, path: &str, body_hash: u128) -> Option<&[Call]> {
        match self.old_bodies.get(path) {
            Some((h, calls)) if *h == body_hash => Some(calls),
            _ => None,
        }
    }

    /// The last build's search records, if it left any that read.
    pub fn old_records(&self) -> Option<&crate::search::store::Stored> {
        self.old_records.as_ref()
    }

    /// Records what a body of this build asked.
    pub fn record_body(&self, b: BodyRecord) {
        if !self.on {
            return;
        }
        match self.new_bodies.lock() {
            Ok(mut v) => v.push(b),
            Err(p) => p.into_inner().push(b),
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

    /// Whether the last build had a job `key` (whatever its digest).
    pub fn had(&self, key: &str) -> bool {
        self.old.contains_key(key)
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

    /// This build's jobs and bodies, sorted by key and path, with its search `records`, for the
    /// state.
    pub fn into_parts(self, records: Vec<u8>) -> super::state::Parts {
        let mut v = match self.new.into_inner() {
            Ok(v) => v,
            Err(p) => p.into_inner(),
        };
        v.sort_unstable_by(|a, b| a.key.cmp(&b.key));
        let mut b = match self.new_bodies.into_inner() {
            Ok(v) => v,
            Err(p) => p.into_inner(),
        };
        b.sort_unstable_by(|x, y| x.path.cmp(&y.path));
        super::state::Parts {
            jobs: v,
            bodies: b,
            records,
        }
    }
}

/// A [`Media`](crate::content::markdown::Media) that answers as `inner` does and notes every
/// question with its answer, for [`body_key`].
pub struct Recording<'a> {
    pub inner: &'a dyn crate::content::markdown::Media,
    log: Mutex<Vec<(Call, Option<String>)>>,
}

impl<'a> Recording<'a> {
    pub fn new(inner: &'a dyn crate::content::markdown::Media) -> Recording<'a> {
        Recording {
            inner,
            log: Mutex::new(Vec::new()),
        }
    }

    /// The questions asked and the key of the body they and `body_hash` make.
    pub fn finish(self, body_hash: u128) -> (Vec<Call>, u128) {
        let log = match self.log.into_inner() {
            Ok(l) => l,
            Err(p) => p.into_inner(),
        };
        let key = body_key(body_hash, log.iter().map(|(c, a)| (c, a.as_deref())));
        (log.into_iter().map(|(c, _)| c).collect(), key)
    }

    fn note(&self, call: Call, answer: &Option<String>) {
        let e = (call, answer.clone());
        match self.log.lock() {
            Ok(mut l) => l.push(e),
            Err(p) => p.into_inner().push(e),
        }
    }
}

impl crate::content::markdown::Media for Recording<'_> {
    fn href(&self, dest: &str) -> Option<String> {
        let a = self.inner.href(dest);
        self.note(
            Call {
                image: false,
                dest: dest.to_string(),
                alt: String::new(),
                title: String::new(),
            },
            &a,
        );
        a
    }

    fn image(&self, dest: &str, alt: &str, title: &str) -> Option<String> {
        let a = self.inner.image(dest, alt, title);
        self.note(
            Call {
                image: true,
                dest: dest.to_string(),
                alt: alt.to_string(),
                title: title.to_string(),
            },
            &a,
        );
        a
    }
}

/// The key of a body: its Markdown's hash and each question with the answer it got now.
pub fn replay(
    body_hash: u128,
    calls: &[Call],
    media: &dyn crate::content::markdown::Media,
) -> u128 {
    let answers: Vec<Option<String>> = calls
        .iter()
        .map(|c| {
            if c.image {
                media.image(&c.dest, &c.alt, &c.title)
            } else {
                media.href(&c.dest)
            }
        })
        .collect();
    body_key(
        body_hash,
        calls.iter().zip(answers.iter().map(Option::as_deref)),
    )
}

fn body_key<'a>(body_hash: u128, log: impl Iterator<Item = (&'a Call, Option<&'a str>)>) -> u128 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(&body_hash.to_le_bytes());
    for (c, a) in log {
        h.update(&[u8::from(c.image)]);
        for part in [&c.dest, &c.alt, &c.title] {
            bytes(&mut h, part.as_bytes());
        }
        match a {
            Some(a) => {
                h.update(b"+");
                bytes(&mut h, a.as_bytes());
            }
            None => h.update(b"-"),
        }
    }
    h.digest128()
}

/// The digest of a page: its template and every value of its context, each with its name.
/// Every value is hashed whole and without ambiguity ([`hash_value`]), so two contexts with
/// equal digests render alike.
pub fn page_digest<'k, 'v>(
    template: &str,
    entries: impl Iterator<Item = (&'k str, Entry<'v>)>,
    shared: &Shared,
) -> u128 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    bytes(&mut h, template.as_bytes());
    for (name, entry) in entries {
        bytes(&mut h, name.as_bytes());
        match entry {
            Entry::Value(value) => hash_value(&mut h, value, shared),
            Entry::Hashed(hash) => {
                h.update(b"#");
                h.update(&hash.to_le_bytes());
            }
        }
    }
    h.digest128()
}

/// A value of a page's context as [`page_digest`] reads it: the value itself, or the digest of
/// the value it will be given only if the page is rendered ([`digest_of`]).
#[derive(Clone, Copy)]
pub enum Entry<'v> {
    Value(&'v tera::Value),
    Hashed(u128),
}

fn bytes(h: &mut xxhash_rust::xxh3::Xxh3, b: &[u8]) {
    h.update(&(b.len() as u64).to_le_bytes());
    h.update(b);
}

/// Feeds a Tera value to `h`: a tag for its kind, then its contents, lengths first. A string's
/// safe mark counts (a safe string is not escaped); a map's entries go in their order.
fn hash_value(h: &mut xxhash_rust::xxh3::Xxh3, v: &tera::Value, shared: &Shared) {
    use tera::value::ValueKind as K;
    if !shared.0.is_empty() {
        if let Some(at) = address(v) {
            if let Some((_, hash)) = shared.0.iter().find(|(a, _)| *a == at) {
                h.update(b"@");
                h.update(&hash.to_le_bytes());
                return;
            }
        }
    }
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
                hash_value(h, x, shared);
            }
        }
        K::Map => {
            h.update(b"{");
            let Some(m) = v.as_map() else { return };
            h.update(&(m.len() as u64).to_le_bytes());
            // in the map's own order: with `preserve_order` (Cargo.toml) Tera keeps the order
            // the entries were made in, which is also the order a template loops over them
            for (k, x) in m.iter() {
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
                hash_value(h, x, shared);
            }
        }
        // a kind this nashra does not know: never equal to anything
        _ => h.update(&rand_bytes()),
    }
}

/// The digest of what `value` serializes to ([`hash_serialize`]).
pub fn digest_of<T: serde::Serialize + ?Sized>(value: &T) -> u128 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    hash_serialize(&mut h, value);
    h.digest128()
}

/// Feeds `value` to `h` as serde sees it: every event tagged, lengths first, so that two values
/// with the same digest serialize alike — and make the same template value, which is made from
/// the same events. For a value that goes into a page's context only when the page is rendered
/// ([`crate::render::view::Ctx::insert_hashed`]): hashing it this way costs no template value.
/// A value that fails to serialize hashes as nothing else does, so its page is rendered (and
/// reports the failure).
pub fn hash_serialize<T: serde::Serialize + ?Sized>(h: &mut xxhash_rust::xxh3::Xxh3, value: &T) {
    if value.serialize(HashSer(h)).is_err() {
        h.update(&rand_bytes());
    }
}

/// The serde serializer of [`hash_serialize`].
struct HashSer<'h>(&'h mut xxhash_rust::xxh3::Xxh3);

#[derive(Debug)]
struct HashSerError;

impl std::fmt::Display for HashSerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a value could not be hashed")
    }
}

impl std::error::Error for HashSerError {}

impl serde::ser::Error for HashSerError {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        HashSerError
    }
}

impl HashSer<'_> {
    fn tag(&mut self, t: &[u8]) -> Result<(), HashSerError> {
        self.0.update(t);
        Ok(())
    }

    fn str(&mut self, t: &[u8], s: &str) -> Result<(), HashSerError> {
        self.0.update(t);
        bytes(self.0, s.as_bytes());
        Ok(())
    }

    /// Opens a list (`[`) or a map (`{`). Its length is not hashed: the same value may be
    /// written with or without one, and the closing tag ends it.
    fn open(self, t: &[u8]) -> Result<Self, HashSerError> {
        self.0.update(t);
        Ok(self)
    }

    fn element<T: serde::Serialize + ?Sized>(&mut self, v: &T) -> Result<(), HashSerError> {
        self.0.update(b",");
        v.serialize(HashSer(self.0))
    }

    fn field<T: serde::Serialize + ?Sized>(
        &mut self,
        name: &str,
        v: &T,
    ) -> Result<(), HashSerError> {
        // `f` for a struct's field, `k` for a map's key, `x` for a skipped field: a struct and
        // a map of the same entries make the same template value, but never the same stream
        self.0.update(b"f");
        bytes(self.0, name.as_bytes());
        v.serialize(HashSer(self.0))
    }

    fn close(self) -> Result<(), HashSerError> {
        self.0.update(b")");
        Ok(())
    }
}

impl<'h> serde::Serializer for HashSer<'h> {
    type Ok = ();
    type Error = HashSerError;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    fn serialize_bool(mut self, v: bool) -> Result<(), HashSerError> {
        self.tag(if v { b"t" } else { b"f" })
    }
    fn serialize_i8(self, v: i8) -> Result<(), HashSerError> {
        self.serialize_i128(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<(), HashSerError> {
        self.serialize_i128(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<(), HashSerError> {
        self.serialize_i128(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<(), HashSerError> {
        self.serialize_i128(v.into())
    }
    // integers by kind and value, not width: the template value of an `i32` and an `i64` of
    // the same value is the same (signed and unsigned stay apart, as in [`hash_value`])
    fn serialize_i128(mut self, v: i128) -> Result<(), HashSerError> {
        self.tag(b"-")?;
        self.tag(&v.to_le_bytes())
    }
    fn serialize_u8(self, v: u8) -> Result<(), HashSerError> {
        self.serialize_u128(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<(), HashSerError> {
        self.serialize_u128(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<(), HashSerError> {
        self.serialize_u128(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<(), HashSerError> {
        self.serialize_u128(v.into())
    }
    fn serialize_u128(mut self, v: u128) -> Result<(), HashSerError> {
        self.tag(b"+")?;
        self.tag(&v.to_le_bytes())
    }
    fn serialize_f32(self, v: f32) -> Result<(), HashSerError> {
        self.serialize_f64(v.into())
    }
    fn serialize_f64(mut self, v: f64) -> Result<(), HashSerError> {
        self.tag(b".")?;
        self.tag(&v.to_bits().to_le_bytes())
    }
    fn serialize_char(mut self, v: char) -> Result<(), HashSerError> {
        self.str(b"s", v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(mut self, v: &str) -> Result<(), HashSerError> {
        self.str(b"s", v)
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), HashSerError> {
        self.0.update(b"b");
        bytes(self.0, v);
        Ok(())
    }
    fn serialize_none(mut self) -> Result<(), HashSerError> {
        self.tag(b"n")
    }
    fn serialize_some<T: serde::Serialize + ?Sized>(self, v: &T) -> Result<(), HashSerError> {
        v.serialize(self)
    }
    fn serialize_unit(mut self) -> Result<(), HashSerError> {
        self.tag(b"n")
    }
    fn serialize_unit_struct(mut self, _: &'static str) -> Result<(), HashSerError> {
        self.tag(b"n")
    }
    fn serialize_unit_variant(
        mut self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), HashSerError> {
        self.str(b"s", variant)
    }
    fn serialize_newtype_struct<T: serde::Serialize + ?Sized>(
        mut self,
        name: &'static str,
        v: &T,
    ) -> Result<(), HashSerError> {
        self.str(b"N", name)?;
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: serde::Serialize + ?Sized>(
        mut self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        v: &T,
    ) -> Result<(), HashSerError> {
        self.str(b"V", variant)?;
        v.serialize(self)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self, HashSerError> {
        self.open(b"[")
    }
    fn serialize_tuple(self, _: usize) -> Result<Self, HashSerError> {
        self.open(b"[")
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self, HashSerError> {
        self.open(b"[")
    }
    fn serialize_tuple_variant(
        mut self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Self, HashSerError> {
        self.str(b"V", variant)?;
        self.open(b"[")
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self, HashSerError> {
        self.open(b"{")
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, HashSerError> {
        self.open(b"{")
    }
    fn serialize_struct_variant(
        mut self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Self, HashSerError> {
        self.str(b"V", variant)?;
        self.open(b"{")
    }
}

/// Lists, tuples and tuple structs and variants: each element after a `,`, then the close.
macro_rules! list_like {
    ($($trait:ident :: $method:ident),*) => {$(
        impl serde::ser::$trait for HashSer<'_> {
            type Ok = ();
            type Error = HashSerError;
            fn $method<T: serde::Serialize + ?Sized>(&mut self, v: &T) -> Result<(), HashSerError> {
                self.element(v)
            }
            fn end(self) -> Result<(), HashSerError> {
                self.close()
            }
        }
    )*};
}

list_like!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl serde::ser::SerializeMap for HashSer<'_> {
    type Ok = ();
    type Error = HashSerError;
    // a key as the value it serializes to (Tera makes a key of a string, a number or a bool)
    fn serialize_key<T: serde::Serialize + ?Sized>(&mut self, k: &T) -> Result<(), HashSerError> {
        self.0.update(b"k");
        k.serialize(HashSer(self.0))
    }
    fn serialize_value<T: serde::Serialize + ?Sized>(&mut self, v: &T) -> Result<(), HashSerError> {
        v.serialize(HashSer(self.0))
    }
    fn end(self) -> Result<(), HashSerError> {
        self.close()
    }
}

impl serde::ser::SerializeStruct for HashSer<'_> {
    type Ok = ();
    type Error = HashSerError;
    fn serialize_field<T: serde::Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        v: &T,
    ) -> Result<(), HashSerError> {
        self.field(name, v)
    }
    fn skip_field(&mut self, name: &'static str) -> Result<(), HashSerError> {
        self.0.update(b"x");
        bytes(self.0, name.as_bytes());
        Ok(())
    }
    fn end(self) -> Result<(), HashSerError> {
        self.close()
    }
}

impl serde::ser::SerializeStructVariant for HashSer<'_> {
    type Ok = ();
    type Error = HashSerError;
    fn serialize_field<T: serde::Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        v: &T,
    ) -> Result<(), HashSerError> {
        self.field(name, v)
    }
    fn end(self) -> Result<(), HashSerError> {
        self.close()
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
        page_digest(template, c.entries(), &Shared::default())
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

    /// A value shared by many pages is hashed once, and its hash still follows its contents.
    #[test]
    fn a_shared_value_counts_by_its_contents() {
        let digest_with = |site: serde_json::Value| {
            let v = tera::Value::from_serializable(&site);
            let l = Ledger::new(Default::default());
            l.share(std::iter::once(&v));
            let mut c = Ctx::new();
            c.insert_value("site", v.clone());
            page_digest("x", c.entries(), l.shared())
        };
        let a = digest_with(serde_json::json!({"title": "نشرة", "topics": ["a", "b"]}));
        assert_eq!(
            a,
            digest_with(serde_json::json!({"title": "نشرة", "topics": ["a", "b"]}))
        );
        assert_ne!(
            a,
            digest_with(serde_json::json!({"title": "نشرة", "topics": ["a", "c"]}))
        );
    }

    #[test]
    fn only_a_matching_digest_keeps_files() {
        let l = Ledger::new(crate::incremental::state::Parts {
            jobs: vec![JobRecord {
                key: "ar/x/index.html".into(),
                digest: 7,
                files: vec!["ar/x/index.html".into()],
            }],
            ..Default::default()
        });
        assert!(l.unchanged("ar/x/index.html", 7).is_some());
        assert!(l.unchanged("ar/x/index.html", 8).is_none());
        assert!(l.unchanged("ar/y/index.html", 7).is_none());
        assert!(Ledger::off().unchanged("ar/x/index.html", 7).is_none());
    }

    /// Tera loops over a map in the order its entries were made (`preserve_order`), so the
    /// order is part of what a page shows and of its digest; the same map made again hashes
    /// alike.
    #[test]
    fn a_map_hashes_in_its_own_order() {
        let ab: serde_json::Value = serde_json::from_str(r#"{"a": 1, "b": 2}"#).unwrap();
        let one = |m: &serde_json::Value| {
            let mut c = Ctx::new();
            c.insert("m", m);
            digest("x", &c)
        };
        assert_eq!(one(&ab), one(&ab.clone()));
        // serde_json keeps keys sorted; build the other order as Tera values directly
        let mut ba = tera::value::Map::default();
        ba.insert("b".into(), tera::Value::from(2));
        ba.insert("a".into(), tera::Value::from(1));
        let mut c = Ctx::new();
        c.insert_value("m", tera::Value::from(ba));
        assert_ne!(one(&ab), digest("x", &c));
    }

    /// A random JSON value from `seed`: small alphabets so that random pairs are often equal.
    fn next(seed: &mut u64) -> u64 {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        *seed
    }

    fn random_value(seed: &mut u64, depth: u32) -> serde_json::Value {
        let pick = next(seed) % if depth == 0 { 6 } else { 8 };
        match pick {
            0 => serde_json::Value::Null,
            1 => serde_json::Value::Bool(next(seed).is_multiple_of(2)),
            2 => serde_json::json!(next(seed) % 3),
            3 => serde_json::json!(-((next(seed) % 3) as i64)),
            4 => serde_json::json!((next(seed) % 3) as f64 / 2.0),
            5 => serde_json::json!(["", "a", "ab", "\u{0}"][(next(seed) % 4) as usize]),
            6 => {
                let n = next(seed) % 3;
                serde_json::Value::Array((0..n).map(|_| random_value(seed, depth - 1)).collect())
            }
            _ => {
                let n = next(seed) % 3;
                let mut m = serde_json::Map::new();
                for _ in 0..n {
                    let k = ["a", "b", ""][(next(seed) % 3) as usize].to_string();
                    m.insert(k, random_value(seed, depth - 1));
                }
                serde_json::Value::Object(m)
            }
        }
    }

    /// Two values hash alike by their serialization exactly when they make the same template
    /// value (what the page is rendered from), over many random pairs of which many are equal.
    /// (Its other half, that different values hash apart, is what makes the test able to fail
    /// for a digest that ignores something.)
    #[test]
    fn a_serialized_digest_is_equal_exactly_when_the_template_value_is() {
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        let (mut same, mut differ) = (0, 0);
        for _ in 0..20_000 {
            let a = random_value(&mut seed, 3);
            let b = random_value(&mut seed, 3);
            // the same value, kinds included (Tera's `==` takes 1 for 1.0, which render apart)
            let shape = |v: &serde_json::Value| {
                serde_json::to_string(&tera::Value::from_serializable(v)).unwrap_or_default()
            };
            let values_equal = shape(&a) == shape(&b);
            assert_eq!(digest_of(&a) == digest_of(&b), values_equal, "{a} / {b}");
            if values_equal {
                same += 1;
            } else {
                differ += 1;
            }
        }
        assert!(same > 1_000 && differ > 1_000, "{same} equal, {differ} not");
    }

    /// Structs hash by every field, skipped or not; a struct is never taken for a map of the
    /// same entries' hashes in another order.
    #[test]
    fn a_serialized_digest_follows_fields_and_options() {
        #[derive(serde::Serialize)]
        struct Doc<'a> {
            title: &'a str,
            n: Option<u32>,
            #[serde(skip_serializing_if = "Option::is_none")]
            tag: Option<&'a str>,
            extra: std::collections::BTreeMap<&'a str, i64>,
        }
        let base = || Doc {
            title: "القمة",
            n: Some(3),
            tag: None,
            extra: [("a", 1)].into_iter().collect(),
        };
        let d = digest_of(&base());
        assert_eq!(d, digest_of(&base()));
        for changed in [
            Doc {
                title: "القمه",
                ..base()
            },
            Doc { n: None, ..base() },
            Doc {
                n: Some(4),
                ..base()
            },
            Doc {
                tag: Some(""),
                ..base()
            },
            Doc {
                extra: [("a", 2)].into_iter().collect(),
                ..base()
            },
            Doc {
                extra: [("b", 1)].into_iter().collect(),
                ..base()
            },
            Doc {
                extra: Default::default(),
                ..base()
            },
        ] {
            assert_ne!(d, digest_of(&changed));
        }
        // a hashed entry stands for its value in a page's digest
        let mut a = Ctx::new();
        a.insert_hashed("page", d);
        let mut b = Ctx::new();
        b.insert_hashed("page", digest_of(&Doc { n: None, ..base() }));
        assert_ne!(digest("x", &a), digest("x", &b));
        assert!(a.get("page").is_none());
    }
}

#[cfg(test)]
mod body_tests {
    use super::*;
    use crate::content::markdown::{render_with_text, Media};

    struct Site(&'static str);
    impl Media for Site {
        fn href(&self, dest: &str) -> Option<String> {
            (dest == "other.md").then(|| self.0.to_string())
        }
        fn image(&self, dest: &str, _: &str, _: &str) -> Option<String> {
            (dest == "a.jpg").then(|| "<picture></picture>".to_string())
        }
    }

    /// The key a body gets from replaying its questions equals the key of rendering it, and
    /// changes when an answer does (the linked article moved) though the Markdown did not.
    #[test]
    fn a_replayed_body_has_the_key_of_its_rendering_until_an_answer_changes() {
        let md = "See [the other](other.md), ![a photo](a.jpg \"t\") and [out](https://x.org/).";
        let h = xxhash_rust::xxh3::xxh3_128(md.as_bytes());
        let site = Site("/en/2025/11/other/");
        let rec = Recording::new(&site);
        let _ = render_with_text(md, &rec, |_| {});
        let (calls, key) = rec.finish(h);
        assert_eq!(calls.len(), 3, "{calls:?}");
        assert_eq!(replay(h, &calls, &site), key);
        assert_ne!(replay(h, &calls, &Site("/en/2025/12/other/")), key);
        assert_ne!(replay(h ^ 1, &calls, &site), key);
    }
}
