//! A whole one-article site through every stage of `build`: the input is split at the first
//! NUL byte into the article (content/2025/11/story.ar.md) and the site's `templates/article.html`
//! when there is a second part; the output goes to a folder beside it.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use nashra::build::{self, BuildOptions};
use nashra::diagnostics::Diagnostics;

#[path = "common.rs"]
mod common;

fn root() -> &'static PathBuf {
    static R: OnceLock<PathBuf> = OnceLock::new();
    R.get_or_init(common::site)
}

fuzz_target!(|data: &[u8]| {
    let root = root();
    let (article, template) = match data.iter().position(|&b| b == 0) {
        Some(i) => (&data[..i], Some(&data[i + 1..])),
        None => (data, None),
    };
    let tpl = root.join("templates/article.html");
    let ok = std::fs::write(root.join("content/2025/11/story.ar.md"), article).is_ok()
        && match template {
            Some(t) => std::fs::create_dir_all(root.join("templates")).is_ok()
                && std::fs::write(&tpl, t).is_ok(),
            None => std::fs::remove_file(&tpl).is_ok() || !tpl.exists(),
        };
    if !ok {
        return;
    }
    let opts = BuildOptions {
        root: root.clone(),
        output: Some(root.join("public")),
        now: Some("2025-12-01".into()),
        ..BuildOptions::default()
    };
    let diags = Diagnostics::new();
    let _ = build::build(&opts, &diags);
});
