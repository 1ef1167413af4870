//! A site folder made once per fuzzing process: `site.toml` with two languages and topics.

use std::path::PathBuf;

pub const SITE_TOML: &str = r#"base_url = "https://fuzz.example.org/"
default_language = "ar"
timezone = "Asia/Riyadh"
topics = ["politics", "economy"]

[languages.ar]
title = "نشرة"
digits = "arab"
hijri = true

[languages.en]
title = "Nashra"
"#;

/// A fresh site folder with `site.toml` and an empty `content/`, kept for the process.
pub fn site() -> PathBuf {
    let dir = tempfile::Builder::new()
        .prefix("nashra-fuzz-")
        .tempdir()
        .map(tempfile::TempDir::keep)
        .unwrap_or_else(|e| panic!("temp folder: {e}"));
    std::fs::create_dir_all(dir.join("content/2025/11")).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(dir.join("site.toml"), SITE_TOML).unwrap_or_else(|e| panic!("{e}"));
    dir
}

/// [`SITE_TOML`] read as nashra reads it (not every target needs it).
#[allow(dead_code)]
pub fn config() -> nashra::config::Config {
    let diags = nashra::diagnostics::Diagnostics::new();
    nashra::config::parse(SITE_TOML, &diags)
        .unwrap_or_else(|| panic!("the fixture's site.toml is valid"))
}
