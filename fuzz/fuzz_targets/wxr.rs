//! What `nashra import` reads: the bytes as a WordPress export (the XML, each post's HTML turned
//! into Markdown, the documents laid out with their slugs, folders, aliases and front matter;
//! nothing is written, `import::plan`), and as a Hugo/Jekyll/Zola file's front matter (YAML or
//! TOML, other generators' keys mapped to nashra's and written back).
#![no_main]

use libfuzzer_sys::fuzz_target;
use nashra::import::{self, frontmatter, wordpress, Doc, Options, Report, Source};

fuzz_target!(|data: &[u8]| {
    let xml = String::from_utf8_lossy(data);
    let opts = Options {
        source: Source::Wordpress,
        src: "export.xml".into(),
        dest: "site".into(),
        uploads: None,
        lang: None,
    };
    let mut report = Report::default();
    if let Ok(read) = wordpress::from_str(&xml, &opts, &mut report) {
        let _ = import::plan(read, &opts, &mut report);
        let _ = report.text(&opts);
    }
    if let Ok(Some((keys, body))) = frontmatter::read(&xml) {
        let m = frontmatter::map(keys);
        let doc = Doc {
            title: m.title.unwrap_or_default(),
            date: m.date,
            slug: m.slug.unwrap_or_default(),
            fields: m.fields,
            body,
            old_urls: m.aliases,
            ..Doc::default()
        };
        let _ = frontmatter::document(&doc);
    }
});
