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

/// The minimal site with one more file, built.
fn built_with(rel: &str, text: &str) -> tempfile::TempDir {
    let site = minimal_site();
    write(site.path(), rel, text);
    build_ok(site.path());
    site
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
    let site = built_with("content/2025/11/i2p.ar.md", "---\ntitle: I2P مقارنة بشبكات الخصوصية الأخرى\ndate: 2025-11-20\nsummary: A summary written in English.\n---\n\nنص.\n");
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
    let site = built_with("content/2025/11/code.ar.md", "---\ntitle: شيفرة\ndate: 2025-11-20\n---\n\nاكتب `#![no_std]` في أول الملف، والتفاصيل في https://doc.rust-lang.org/book/ (بالإنجليزية).\n\n```rust\nfn main() {\n}\n```\n\n    | a | b |\n");
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

#[test]
fn webfonts_ship_with_the_theme_and_fonts_false_uses_system_fonts() {
    let site = minimal_site();
    build_ok(site.path());
    let out = site.path().join("public");
    for f in [
        "noto-naskh-arabic.woff2",
        "source-serif-4.woff2",
        "source-serif-4-italic.woff2",
        "OFL-noto-naskh-arabic.txt",
        "OFL-source-serif-4.txt",
    ] {
        assert!(out.join("fonts").join(f).is_file(), "{f}");
    }
    // each language preloads the face its script needs first; both faces are declared, each
    // limited to its script, so an English phrase on an Arabic page gets the Latin face
    let ar = page(site.path(), "ar/2025/11/summit");
    assert!(ar.contains("<link rel=\"preload\" href=\"/fonts/noto-naskh-arabic.woff2\" as=\"font\" type=\"font/woff2\" crossorigin>"), "{ar}");
    let en = page(site.path(), "en/2025/11/summit");
    assert!(en.contains(
        "<link rel=\"preload\" href=\"/fonts/source-serif-4.woff2\" as=\"font\" type=\"font/woff2\" crossorigin>"
    ));
    for html in [&ar, &en] {
        assert_eq!(html.matches("@font-face").count(), 3);
        assert!(html.contains("font-display: swap; unicode-range: U+0600-06FF"));
    }
    // the stylesheet chooses fonts by character, not by the lang of an ancestor
    let css = read(&out.join("style.css"));
    // (a descendant rule, `:lang(ar) .x`, also matches inside an English block of an Arabic page)
    let descendant = css
        .match_indices(":lang(ar) ")
        .any(|(i, m)| !css[i + m.len()..].starts_with('{'));
    assert!(!descendant, "descendant :lang(ar) rules are back");
    assert!(css.contains("--font-text: \"Nashra Serif\", \"Nashra Naskh\""));

    let toml = read(&site.path().join("site.toml"));
    write(site.path(), "site.toml", &format!("fonts = false\n{toml}"));
    build_ok(site.path());
    assert!(
        !out.join("fonts").exists(),
        "fonts = false still publishes fonts/"
    );
    let ar = page(site.path(), "ar/2025/11/summit");
    assert!(!ar.contains("@font-face") && !ar.contains("rel=\"preload\""));
}

#[test]
fn separators_come_from_the_locale() {
    let site = built_with(
        "content/2025/11/second.ar.md",
        "---\ntitle: خبر ثان\ndate: 2025-11-28\ntopics: [security, economy]\n---\n\nنص.\n",
    );
    let front = page(site.path(), "ar/topics/security");
    // "·" next to Arabic-Indic digits reads as a zero
    assert!(!front.contains('·'), "{front}");
    assert!(front.contains("<span class=\"sep\"> | </span>"), "{front}");
    let art = page(site.path(), "ar/2025/11/second");
    assert!(
        art.contains("</a><span class=\"sep\">، </span><a class=\"topic\""),
        "{art}"
    );
    let en = page(site.path(), "en/topics/security");
    assert!(en.contains("<span class=\"sep\"> · </span>"), "{en}");
}

#[test]
fn the_navigation_marks_the_current_section() {
    let site = minimal_site();
    build_ok(site.path());
    let topics = page(site.path(), "ar/topics");
    assert!(
        topics.contains("<a href=\"/ar/topics/\" aria-current=\"page\">"),
        "{topics}"
    );
    let topic = page(site.path(), "ar/topics/security");
    assert!(topic.contains("<a href=\"/ar/topics/\" aria-current=\"true\">"));
    let front = page(site.path(), "en");
    assert!(front.contains("<a href=\"/en/\" aria-current=\"page\">"));
    let article = page(site.path(), "en/2025/11/summit");
    assert!(!article.contains("aria-current"));
}

#[test]
fn list_pages_have_their_own_descriptions() {
    let site = minimal_site();
    build_ok(site.path());
    let mut seen = std::collections::BTreeMap::new();
    for rel in [
        "ar",
        "ar/topics",
        "ar/topics/security",
        "ar/countries",
        "ar/countries/kg",
        "ar/archive",
        "ar/2025/11",
        "ar/authors",
        "ar/corrections",
        "en",
        "en/topics/security",
        "en/countries/kg",
    ] {
        let html = page(site.path(), rel);
        let d = html
            .split("<meta name=\"description\" content=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .unwrap_or_else(|| panic!("{rel}: no description"))
            .to_string();
        assert!(!d.is_empty(), "{rel}");
        if let Some(other) = seen.insert(d.clone(), rel) {
            panic!("{rel} and {other} share the description {d}");
        }
    }
    let kg = page(site.path(), "en/countries/kg");
    assert!(kg.contains("content=\"Nashra: the latest news from and about Kyrgyzstan.\""));
}

#[test]
fn icons_manifest_and_theme_colour() {
    let site = minimal_site();
    build_ok(site.path());
    let out = site.path().join("public");
    let html = page(site.path(), "ar");
    for tag in [
        "<link rel=\"apple-touch-icon\" href=\"/apple-touch-icon.png\">",
        "<link rel=\"manifest\" href=\"/ar/manifest.webmanifest\">",
        "<meta name=\"theme-color\" content=\"#a4161a\" media=\"(prefers-color-scheme: light)\">",
    ] {
        assert!(html.contains(tag), "{tag}");
    }
    let png = std::fs::read(out.join("apple-touch-icon.png")).unwrap_or_default();
    let img = image::load_from_memory(&png).unwrap_or_else(|e| panic!("apple-touch-icon: {e}"));
    assert_eq!((img.width(), img.height()), (180, 180));
    let m: serde_json::Value = serde_json::from_str(&read(&out.join("ar/manifest.webmanifest")))
        .unwrap_or_else(|e| panic!("manifest: {e}"));
    assert_eq!(m["lang"], "ar");
    assert_eq!(m["dir"], "rtl");
    assert_eq!(m["start_url"], "/ar/");
    for icon in m["icons"].as_array().into_iter().flatten() {
        let src = icon["src"].as_str().unwrap_or_default();
        assert!(out.join(src.trim_start_matches('/')).is_file(), "{src}");
    }
}

#[test]
fn country_and_topic_lists_sort_by_the_language_s_collation() {
    let site = built_with("content/2025/11/three.ar.md", "---\ntitle: ثلاثة بلدان\ndate: 2025-11-28\ntopics: [economy, security]\ncountries: [UA, ET, JO]\n---\n\nنص.\n");
    let html = page(site.path(), "ar/countries");
    let at = |name: &str| {
        html.find(&format!("><bdi>{name}</bdi></a>"))
            .unwrap_or_else(|| panic!("{name} not listed:\n{html}"))
    };
    // code-point order would put أوكرانيا (U+0623) and إثيوبيا (U+0625) before الأردن (U+0627)
    assert!(at("إثيوبيا") < at("الأردن"), "{html}");
    assert!(at("الأردن") < at("أوكرانيا"), "{html}");
    let topics = page(site.path(), "ar/topics");
    let (eco, sec) = (
        topics.find("الاقتصاد</").unwrap_or(usize::MAX),
        topics.find("الأمن</").unwrap_or(usize::MAX),
    );
    // الاقتصاد before الأمن: أ sorts with ا and ق comes before م, although code-point order
    // (U+0623 < U+0627) would put الأمن first
    assert!(eco < sec && sec != usize::MAX, "{topics}");
}

/// Arabic interface text uses Arabic punctuation: no straight ASCII quotes in any message of the
/// built-in Arabic locales (string literals `{"…"}` aside, which are Fluent syntax).
#[test]
fn arabic_interface_strings_have_no_straight_quotes() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales/ar");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{e}")) {
        let path = entry.unwrap_or_else(|e| panic!("{e}")).path();
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
        for (n, line) in text.lines().enumerate() {
            if line.trim_start().starts_with('#') || !line.contains('=') && !line.starts_with(' ') {
                continue;
            }
            let mut value = line.split_once('=').map_or(line, |(_, v)| v).to_string();
            while let Some(start) = value.find("{\"") {
                let end = value[start + 2..]
                    .find("\"}")
                    .map_or(value.len(), |e| start + 2 + e + 2);
                value.replace_range(start..end, "");
            }
            assert!(
                !value.contains('"') && !value.contains('\''),
                "{}:{}: straight quote in `{line}`; use «…» or “…”",
                path.display(),
                n + 1
            );
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} message lines found");
}

/// Three Arabic articles on two days, all on `security`, with a theme's `card.html`.
fn site_with_card_template(card: &str) -> tempfile::TempDir {
    let site = minimal_site();
    for (slug, date) in [
        ("second", "2025-11-27 09:00"),
        ("third", "2025-11-26 08:00"),
    ] {
        write(
            site.path(),
            &format!("content/2025/11/{slug}.ar.md"),
            &format!("---\ntitle: خبر {slug}\ndate: {date}\ntopics: [security]\ncountries: [KG]\n---\n\nنص.\n"),
        );
    }
    write(site.path(), "templates/card.html", card);
    site
}

#[test]
fn a_theme_s_card_template_is_written_on_every_list_and_the_lead_is_rendered_in_place() {
    // `list` exists only on the page: the lead (rendered in place) sees it, the other cards
    // (rendered once, outside any page) do not
    let site = site_with_card_template(
        "<li class=\"mine{% if lead %} lead{% endif %}\" data-lang=\"{{ lang }}\" data-dir=\"{{ dir }}\" data-site=\"{{ site.title }}\" data-list=\"{% if list %}{{ list.kind }}{% endif %}\">{{ a.title }}</li>",
    );
    build_ok(site.path());
    let title = "نشرة";
    for rel in ["ar", "ar/topics/security", "ar/countries/kg", "ar/2025/11"] {
        let html = page(site.path(), rel);
        let lead = "<li class=\"mine lead\" data-lang=\"ar\" data-dir=\"rtl\"";
        assert_eq!(html.matches(lead).count(), 1, "{rel}:\n{html}");
        for slug in ["second", "third"] {
            let card = format!("<li class=\"mine\" data-lang=\"ar\" data-dir=\"rtl\" data-site=\"{title}\" data-list=\"\">خبر {slug}</li>");
            assert_eq!(html.matches(&card).count(), 1, "{rel}: {card}\n{html}");
        }
    }
    // the lead has the page's variables
    assert!(page(site.path(), "ar").contains("data-list=\"front\">قمة في بيشكيك</li>"));
    assert!(
        page(site.path(), "ar/topics/security").contains("data-list=\"topic\">قمة في بيشكيك</li>")
    );
}

#[test]
fn a_theme_s_own_days_template_without_card_html_still_renders_every_card() {
    // three articles, so that two are not the lead: an old-style `days.html` reads their fields
    // (not only their `html`) on every list
    let site = site_with_card_template("<li>{{ a.title }}</li>");
    std::fs::remove_file(site.path().join("templates/card.html")).unwrap_or_else(|e| panic!("{e}"));
    write(
        site.path(),
        "templates/days.html",
        "{% for day in days %}{% for a in day.articles %}<p class=\"old\">{{ a.title }}|{{ a.url }}</p>{% endfor %}{% endfor %}",
    );
    build_ok(site.path());
    for rel in ["ar", "ar/topics/security", "ar/2025/11"] {
        let html = page(site.path(), rel);
        for (title, slug) in [
            ("قمة في بيشكيك", "summit"),
            ("خبر second", "second"),
            ("خبر third", "third"),
        ] {
            let p = format!("<p class=\"old\">{title}|/ar/2025/11/{slug}/</p>");
            assert!(html.contains(&p), "{rel}: {p}\n{html}");
        }
    }
}

#[test]
fn a_theme_s_own_list_template_reads_every_field_of_every_card() {
    // with list templates of its own (here `pagination.html`, which sees the page's `days`), a
    // theme gets every card as a whole map, not only the lead: nashra passes the other cards as
    // their `html` alone only to the built-in templates
    let site = site_with_card_template("<li>{{ a.title }}</li>");
    write(
        site.path(),
        "templates/pagination.html",
        "{% for day in days %}{% for a in day.articles %}<p class=\"probe\">{{ a.title }}|{{ a.url }}|{{ a.html | safe }}</p>{% endfor %}{% endfor %}",
    );
    build_ok(site.path());
    let front = page(site.path(), "ar");
    for (slug, html) in [
        ("second", "<li>خبر second</li>"),
        ("third", "<li>خبر third</li>"),
    ] {
        let probe = format!("<p class=\"probe\">خبر {slug}|/ar/2025/11/{slug}/|{html}</p>");
        assert!(front.contains(&probe), "{probe}\n{front}");
    }
}
