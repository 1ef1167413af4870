//! nashra: a static site generator for bilingual (Arabic/English) news digests.
//!
//! The pipeline, one module per stage (see ARCHITECTURE.md):
//! [`config`] → [`i18n`] → [`content`] → [`model`] → [`render`] → [`output`], driven by
//! [`build`]. Problems from every stage are collected in [`diagnostics`].

pub mod build;
pub mod config;
pub mod content;
pub mod diagnostics;
pub mod i18n;
pub mod model;
pub mod output;
pub mod render;
pub mod theme;
