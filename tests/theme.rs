//! What the default theme shows a reader, checked in the built HTML: headlines and deks in the
//! right direction, code laid out left to right, separators and sort order from the locale.
//! (What can only be seen in a browser — contrast, wrapping, fonts — is in tests/browser.)

mod common;

use std::path::Path;

use common::{minimal_site, nashra, read, write};

fn build_ok(root: &Path) {
    let run = nashra(root, &["build"]);
    assert_eq!(run.code, 0, "build failed:\n{}", run.stderr);
}

fn page(root: &Path, rel: &str) -> String {
    read(&root.join("public").join(rel).join("index.html"))
}

#[test]
fn the_first_paragraph_is_not_printed_twice_without_a_written_summary() {
    let site = minimal_site();
    write(
        site.path(),
        "content/2025/11/derived.ar.md",
        "---\ntitle: خبر بلا موجز\ndate: 2025-11-20\n---\n\nالفقرة الأولى من الخبر.\n\nالفقرة الثانية.\n",
    );
    write(
        site.path(),
        "content/2025/11/written.ar.md",
        "---\ntitle: خبر بموجز\ndate: 2025-11-21\nsummary: موجز كتبه المحرر.\n---\n\nالفقرة الأولى.\n",
    );
    build_ok(site.path());
    let derived = page(site.path(), "ar/2025/11/derived");
    assert_eq!(
        derived.matches("الفقرة الأولى من الخبر.</p>").count(),
        1,
        "{derived}"
    );
    assert!(!derived.contains("class=\"dek\""));
    // the derived summary still describes the page to search engines and feeds
    assert!(derived.contains("<meta name=\"description\" content=\"الفقرة الأولى من الخبر.\">"));
    let written = page(site.path(), "ar/2025/11/written");
    assert!(
        written.contains("<p class=\"dek\">موجز كتبه المحرر.</p>"),
        "{written}"
    );
}

#[test]
fn arabic_headlines_keep_the_page_direction_and_isolate_latin_words() {
    let site = minimal_site();
    write(
        site.path(),
        "content/2025/11/i2p.ar.md",
        "---\ntitle: I2P مقارنة بشبكات الخصوصية الأخرى\ndate: 2025-11-20\nsummary: A summary written in English.\n---\n\nنص.\n",
    );
    build_ok(site.path());
    let html = page(site.path(), "ar/2025/11/i2p");
    assert!(
        html.contains("<h1><bdi>I2P</bdi> مقارنة بشبكات الخصوصية الأخرى</h1>"),
        "{html}"
    );
    assert!(!html.contains("dir=\"auto\""));
    // a summary in the other language gets its own direction and language
    assert!(
        html.contains("<p class=\"dek\" dir=\"ltr\" lang=\"en\">A summary written in English.</p>")
    );
    // so do cards on the front page
    let front = read(&site.path().join("public/ar/index.html"));
    assert!(front.contains("<bdi>I2P</bdi> مقارنة"), "{front}");
    assert!(front.contains(
        "<p class=\"summary\" dir=\"ltr\" lang=\"en\">A summary written in English.</p>"
    ));
}

#[test]
fn code_is_always_left_to_right_and_bare_addresses_are_links() {
    let site = minimal_site();
    write(
        site.path(),
        "content/2025/11/code.ar.md",
        "---\ntitle: شيفرة\ndate: 2025-11-20\n---\n\nاكتب `#![no_std]` في أول الملف، والتفاصيل في https://doc.rust-lang.org/book/ (بالإنجليزية).\n\n```rust\nfn main() {\n}\n```\n\n    | a | b |\n",
    );
    build_ok(site.path());
    let html = page(site.path(), "ar/2025/11/code");
    assert!(
        html.contains("<code dir=\"ltr\">#![no_std]</code>"),
        "{html}"
    );
    assert!(html
        .contains("<pre dir=\"ltr\"><code class=\"language-rust\">fn main() {\n}\n</code></pre>"));
    assert!(html.contains("<pre dir=\"ltr\"><code>| a | b |\n</code></pre>"));
    assert!(html.contains(
        "<a class=\"url\" dir=\"ltr\" href=\"https://doc.rust-lang.org/book/\">https://doc.rust-lang.org/book/</a> (بالإنجليزية)"
    ));
}
