//! What templates see: the page's language and direction, its alternates in the other languages,
//! and views of documents with dates already formatted for the language. Built per page from the
//! read-only site model; the per-article parts ([`Card`]) are prepared once per build. The fields
//! are the public template contract (docs/templates.md).
//!
//! - [`links`]: URLs, and the one place that decides which page is a translation of which;
//! - [`bidi`]: headline and summary direction in mixed Arabic/English text;
//! - [`cards`]: what is prepared once per build (cards, terms, per-language values);
//! - [`pages`]: the context every page starts from, article pages, the root and 404 pages;
//! - [`lists`]: front, topic, country, author, month and archive pages;
//! - [`newsroom`]: bylines, corrections, share links, the author index and corrections pages.

pub mod bidi;
pub mod cards;
pub mod links;
pub mod lists;
pub mod newsroom;
pub mod pages;

pub use cards::*;
pub use links::*;
pub use lists::*;
pub use newsroom::*;
pub use pages::*;

/// A page's context: Tera's, with the names of its values kept, so that the build cache can hash
/// every value it holds ([`crate::incremental::jobs::page_digest`]); `tera::Context` does not
/// list its keys. Read it as a `tera::Context` (`Deref`); change it only through these methods.
#[derive(Default, Clone)]
pub struct Ctx {
    inner: tera::Context,
    /// Every name, with the digest of the value it will have for the names whose value is put
    /// in only if the page is rendered ([`Ctx::insert_hashed`]).
    keys: std::collections::BTreeMap<&'static str, Option<u128>>,
}

impl Ctx {
    pub fn new() -> Ctx {
        Ctx::default()
    }

    pub fn insert<T: serde::Serialize + ?Sized>(&mut self, key: &'static str, val: &T) {
        self.keys.insert(key, None);
        self.inner.insert(key, val);
    }

    pub fn insert_value(&mut self, key: &'static str, val: tera::Value) {
        self.keys.insert(key, None);
        self.inner.insert_value(key, val);
    }

    /// Names a value by its digest alone ([`crate::incremental::jobs::digest_of`] of what will
    /// be inserted): for a value that is costly to make and needed only if the page is rendered,
    /// which then inserts it with [`Ctx::insert`]. The digest must be of that very value.
    pub fn insert_hashed(&mut self, key: &'static str, hash: u128) {
        self.keys.insert(key, Some(hash));
        self.inner.remove(key);
    }

    /// Every value (or its digest), by name in order.
    pub fn entries(
        &self,
    ) -> impl Iterator<Item = (&'static str, crate::incremental::jobs::Entry<'_>)> + '_ {
        use crate::incremental::jobs::Entry;
        self.keys.iter().filter_map(|(k, hash)| match hash {
            Some(h) => Some((*k, Entry::Hashed(*h))),
            None => self.inner.get(k).map(|v| (*k, Entry::Value(v))),
        })
    }
}

impl std::ops::Deref for Ctx {
    type Target = tera::Context;

    fn deref(&self) -> &tera::Context {
        &self.inner
    }
}
