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
