//! nashra: a static site generator for bilingual (Arabic/English) news digests.
//!
//! The pipeline, one module per stage (see ARCHITECTURE.md):
//! [`config`] → [`i18n`] → [`content`] → [`model`] → [`media`] → [`render`] → [`output`], driven by
//! [`build`]. Problems from every stage are collected in [`diagnostics`].

// Nothing a user feeds in may crash nashra: no unwrap/expect/panic in library code.
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

pub mod alerts;
pub mod authors;
pub mod build;
pub mod check;
pub mod config;
pub mod content;
pub mod diagnostics;
pub mod i18n;
pub mod import;
pub mod incremental;
pub mod media;
pub mod model;
pub mod output;
pub mod progress;
pub mod render;
pub mod safety;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod theme;
