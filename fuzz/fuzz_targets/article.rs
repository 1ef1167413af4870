//! One article file: front matter (YAML) and Markdown, read as `build` reads it, then its body
//! rendered to HTML.
#![no_main]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use nashra::content::{self, markdown, BodyBudget};

#[path = "common.rs"]
mod common;

struct Fixture {
    root: PathBuf,
    config: nashra::config::Config,
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| Fixture {
        root: common::site(),
        config: common::config(),
    })
}

fuzz_target!(|data: &[u8]| {
    let f = fixture();
    let rel = Path::new("2025/11/story.en.md");
    if std::fs::write(f.root.join("content").join(rel), data).is_err() {
        return;
    }
    let budget = BodyBudget::new(1 << 20);
    let parsed = content::parse_file(&f.root, rel, &f.config, &budget);
    if let Some(doc) = parsed.document {
        let _ = content::render_body(&f.root, &doc, &markdown::AsWritten);
    }
});
