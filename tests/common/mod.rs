//! Helpers for the integration tests: make sites in temporary folders, run the real `nashra`
//! binary on them, and read what it wrote.

#![allow(dead_code)]

pub mod watch;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs the `nashra` binary with `args` in `cwd`.
pub fn nashra(cwd: &Path, args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_nashra"))
        .args(args)
        .current_dir(cwd)
        .output()
        .unwrap_or_else(|e| panic!("cannot run nashra: {e}"));
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

pub fn write(root: &Path, rel: &str, text: &str) {
    let p = root.join(rel);
    if let Some(parent) = p.parent() {
        std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{e}"));
    }
    std::fs::write(&p, text).unwrap_or_else(|e| panic!("write {}: {e}", p.display()));
}

pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

pub const SITE_TOML: &str = r#"base_url = "https://news.example.org/"
default_language = "ar"
timezone = "Asia/Riyadh"
topics = ["security", "economy"]

[languages.ar]
title = "نشرة"
digits = "arab"
month_names = "both"
hijri = true

[languages.en]
title = "Nashra"
"#;

pub const ARTICLE_AR: &str = "---\ntitle: \"قمة في بيشكيك\"\ndate: 2025-11-27 10:30\ntopics: [security]\ncountries: [KG, ru]\n---\n\nنص المقال.\n";
pub const ARTICLE_EN: &str = "---\ntitle: \"Summit in Bishkek\"\ndate: 2025-11-27 10:30\ntopics: [security]\ncountries: [KG, RU]\n---\n\nThe article.\n";

/// A small valid bilingual site with one article in two languages.
pub fn minimal_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    write(dir.path(), "site.toml", SITE_TOML);
    write(dir.path(), "content/2025/11/summit.ar.md", ARTICLE_AR);
    write(dir.path(), "content/2025/11/summit.en.md", ARTICLE_EN);
    dir
}

/// [`minimal_site`] one folder down, at `TMP/site`, so that a test can look for files written
/// beside the site as well as inside it. Returns the temporary folder and the site's root.
pub fn nested_site() -> (tempfile::TempDir, PathBuf) {
    let dir = minimal_site();
    let root = dir.path().join("site");
    std::fs::create_dir_all(&root).unwrap_or_else(|e| panic!("{e}"));
    for name in ["site.toml", "content"] {
        std::fs::rename(dir.path().join(name), root.join(name)).unwrap_or_else(|e| panic!("{e}"));
    }
    (dir, root)
}

/// Every file under `dir` with its bytes.
pub fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    for e in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let e = e.unwrap_or_else(|e| panic!("{e}"));
        if e.file_type().is_file() {
            let rel = e.path().strip_prefix(dir).unwrap_or(e.path()).to_path_buf();
            out.insert(
                rel,
                std::fs::read(e.path()).unwrap_or_else(|e| panic!("{e}")),
            );
        }
    }
    out
}

/// Copies a folder (the sample site's sources) into `to`.
pub fn copy_dir(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from) {
        let e = e.unwrap_or_else(|e| panic!("{e}"));
        let rel = e.path().strip_prefix(from).unwrap_or(e.path());
        let target = to.join(rel);
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap_or_else(|e| panic!("{e}"));
        } else {
            std::fs::copy(e.path(), &target).unwrap_or_else(|e| panic!("{e}"));
        }
    }
}

/// Decodes `%XX` escapes of a URL path.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(b) = u8::from_str_radix(&s[i + 1..i + 3], 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Values of `attr="…"` in an HTML text (the generated HTML always quotes attributes).
pub fn attr_values<'a>(html: &'a str, attr: &str) -> Vec<&'a str> {
    let needle = format!(" {attr}=\"");
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(&needle) {
        rest = &rest[i + needle.len()..];
        if let Some(end) = rest.find('"') {
            out.push(&rest[..end]);
            rest = &rest[end..];
        }
    }
    out
}

/// `(hreflang, href)` of every `<link rel="alternate" hreflang=…>` in a page.
pub fn hreflang_links(html: &str) -> Vec<(String, String)> {
    html.split("<link ")
        .skip(1)
        .filter_map(|tag| {
            let tag = &tag[..tag.find('>')?];
            if !tag.contains("rel=\"alternate\"") {
                return None;
            }
            let lang = attr_values(&format!(" {tag}"), "hreflang")
                .first()?
                .to_string();
            let href = attr_values(&format!(" {tag}"), "href").first()?.to_string();
            Some((lang, href))
        })
        .collect()
}

/// The file under `out` that a site-internal URL path (`/ar/x/`, percent-encoded) is served from.
pub fn file_for(out: &Path, url_path: &str) -> PathBuf {
    let path = percent_decode(url_path.split(['#', '?']).next().unwrap_or(""));
    let rel = path.trim_start_matches('/');
    let mut p = out.join(rel);
    if rel.is_empty() || rel.ends_with('/') {
        p = p.join("index.html");
    }
    p
}

/// A real `w`×`h` picture (a smooth gradient with a few shapes) encoded as `format`: what an
/// editor's photo is to the decoder, small enough for a test.
pub fn picture(w: u32, h: u32, format: image::ImageFormat) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        let r = (x * 255 / w.max(1)) as u8;
        let g = (y * 255 / h.max(1)) as u8;
        let b = if (x / 37 + y / 23) % 5 == 0 { 200 } else { 60 };
        image::Rgb([r, g, b])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    image::DynamicImage::ImageRgb8(img)
        .write_to(&mut out, format)
        .unwrap_or_else(|e| panic!("encode test picture: {e}"));
    out.into_inner()
}

/// Writes a real JPEG of `w`×`h` at `rel` under `root`.
pub fn write_jpeg(root: &Path, rel: &str, w: u32, h: u32) {
    let p = root.join(rel);
    if let Some(parent) = p.parent() {
        std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{e}"));
    }
    std::fs::write(&p, picture(w, h, image::ImageFormat::Jpeg))
        .unwrap_or_else(|e| panic!("write {}: {e}", p.display()));
}

/// Builds the good minimal site once, breaks it with `mutate`, builds again with `args`, and
/// checks that the build failed with `expected` in stderr and left the old output alone.
pub fn fails_with(mutate: impl FnOnce(&Path), args: &[&str], expected: &[&str]) -> String {
    let site = minimal_site();
    let root = site.path();
    let first = nashra(root, &["build"]);
    assert_eq!(first.code, 0, "the good site must build:\n{}", first.stderr);
    let before = tree(&root.join("public"));
    assert!(before.len() > 5);
    mutate(root);
    let mut all = vec!["build"];
    all.extend_from_slice(args);
    let run = nashra(root, &all);
    assert_eq!(
        run.code, 1,
        "expected exit 1, got {}:\n{}",
        run.code, run.stderr
    );
    for e in expected {
        assert!(
            run.stderr.contains(e),
            "expected\n{e}\nin stderr:\n{}",
            run.stderr
        );
    }
    assert!(
        run.stderr
            .contains("the previous output was left as it was"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    let after = tree(&root.join("public"));
    assert!(before == after, "the previous output changed");
    run.stderr
}
