//! Authoring features, each checked on a small site built into a temporary folder.

mod common;

use std::path::Path;

use common::{minimal_site, nashra, read, write, SITE_TOML};

fn build_ok(root: &Path, args: &[&str]) -> String {
    let mut all = vec!["build"];
    all.extend_from_slice(args);
    let run = nashra(root, &all);
    assert_eq!(run.code, 0, "build failed:\n{}", run.stderr);
    run.stderr
}

fn page(root: &Path, rel: &str) -> String {
    read(&root.join("public").join(rel).join("index.html"))
}

#[test]
fn bom_crlf_and_trailing_spaces_are_accepted() {
    let site = minimal_site();
    write(
        site.path(),
        "content/2025/11/summit.ar.md",
        "\u{feff}---  \r\ntitle: \"قمة\"\r\ndate: 2025-11-27\r\n--- \r\n\r\nنص **مهم**.\r\n",
    );
    build_ok(site.path(), &[]);
    let html = page(site.path(), "ar/2025/11/summit");
    assert!(html.contains("<h1>قمة</h1>"));
    assert!(html.contains("<p>نص <strong>مهم</strong>.</p>"));
}

#[test]
fn a_file_without_language_suffix_is_in_the_default_language() {
    let site = minimal_site();
    write(
        site.path(),
        "content/2025/10/plain.md",
        "---\ntitle: خبر\ndate: 2025-10-01\n---\nنص.\n",
    );
    build_ok(site.path(), &[]);
    assert!(page(site.path(), "ar/2025/10/plain").contains("<html lang=\"ar\" dir=\"rtl\">"));
}

#[test]
fn translation_key_links_files_with_different_paths() {
    let site = minimal_site();
    write(
        site.path(),
        "content/ar/قمة-الرياض.md",
        "---\ntitle: قمة الرياض\ndate: 2025-10-01\ntranslation_key: riyadh-summit\n---\nنص.\n",
    );
    write(
        site.path(),
        "content/en/riyadh-summit.en.md",
        "---\ntitle: Riyadh summit\ndate: 2025-10-01\ntranslation_key: riyadh-summit\n---\nText.\n",
    );
    build_ok(site.path(), &[]);
    let ar = page(site.path(), "ar/2025/10/قمة-الرياض");
    assert!(ar.contains("<a href=\"/en/2025/10/riyadh-summit/\" hreflang=\"en\" lang=\"en\" dir=\"ltr\" rel=\"alternate\">"), "{ar}");
    let en = page(site.path(), "en/2025/10/riyadh-summit");
    assert!(en.contains("href=\"/ar/2025/10/%D9%82%D9%85%D8%A9-%D8%A7%D9%84%D8%B1%D9%8A%D8%A7%D8%B6/\" hreflang=\"ar\""), "{en}");
}

#[test]
fn an_english_only_article_switches_to_the_arabic_front_page() {
    let site = minimal_site();
    write(
        site.path(),
        "content/2025/10/only.en.md",
        "---\ntitle: Only in English\ndate: 2025-10-01\n---\nText.\n",
    );
    build_ok(site.path(), &[]);
    let en = page(site.path(), "en/2025/10/only");
    assert!(
        en.contains(
            "<a href=\"/ar/\" hreflang=\"ar\" lang=\"ar\" dir=\"rtl\"><bdi>العربية</bdi></a>"
        ),
        "{en}"
    );
    // a page without translations declares no hreflang alternates at all
    assert!(!en.contains("hreflang=\"x-default\""));
    assert!(!en.contains("<link rel=\"alternate\" hreflang="));
}

#[test]
fn drafts_are_left_out_unless_asked_for() {
    let site = minimal_site();
    write(
        site.path(),
        "content/2025/10/draft.ar.md",
        "---\ntitle: مسودة\ndate: 2025-10-01\ndraft: true\n---\nنص.\n",
    );
    build_ok(site.path(), &[]);
    assert!(!site.path().join("public/ar/2025/10/draft").exists());
    assert!(!page(site.path(), "ar").contains("مسودة"));
    build_ok(site.path(), &["--drafts"]);
    assert!(page(site.path(), "ar/2025/10/draft").contains("مسودة"));
}

#[test]
fn base_url_with_a_path_prefixes_every_link() {
    let site = minimal_site();
    build_ok(
        site.path(),
        &["--base-url", "https://staging.example.net/news"],
    );
    let html = page(site.path(), "ar/2025/11/summit");
    assert!(html.contains(
        "<link rel=\"canonical\" href=\"https://staging.example.net/news/ar/2025/11/summit/\">"
    ));
    assert!(html.contains("<link rel=\"stylesheet\" href=\"/news/style.css\">"));
    assert!(html.contains("<a href=\"/news/en/2025/11/summit/\""));
    let root = read(&site.path().join("public/index.html"));
    assert!(
        root.contains("<a href=\"/news/ar/\" hreflang=\"ar\">"),
        "{root}"
    );
    assert!(root.contains("\"ar\":\"/news/ar/\""), "{root}");
    assert!(html.contains("href=\"/news/fonts/noto-naskh-arabic.woff2\""));
    assert!(html.contains("<link rel=\"manifest\" href=\"/news/ar/manifest.webmanifest\">"));
}

#[test]
fn assets_are_published_once_at_their_own_path() {
    let site = minimal_site();
    write(
        site.path(),
        "content/2025/11/photo.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    write(
        site.path(),
        "content/media/logo.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    write(site.path(), "content/2025/11/summit.ar.md", "---\ntitle: قمة\ndate: 2025-11-27\nimage: {src: photo.svg, alt: صورة, credit: وكالة}\n---\nنص.\n");
    build_ok(site.path(), &[]);
    // one copy, used by the pages of both languages
    assert!(site.path().join("public/2025/11/photo.svg").is_file());
    for lang in ["ar", "en"] {
        assert!(!site
            .path()
            .join(format!("public/{lang}/2025/11/summit/photo.svg"))
            .exists());
    }
    assert!(site.path().join("public/media/logo.svg").is_file());
    let html = page(site.path(), "ar/2025/11/summit");
    assert!(
        html.contains("<img src=\"/2025/11/photo.svg\" alt=\"صورة\""),
        "{html}"
    );
    assert!(html.contains("الصورة: <bdi>وكالة</bdi>"));
}

#[test]
fn summary_defaults_to_the_first_paragraph_and_updated_is_shown() {
    let site = minimal_site();
    let long = "كلمة ".repeat(100);
    write(site.path(), "content/2025/11/summit.ar.md", &format!("---\ntitle: قمة\ndate: 2025-11-27 09:05\nupdated: 2025-11-28 14:00\n---\n\n{long}\n\nفقرة ثانية.\n"));
    build_ok(site.path(), &[]);
    let html = page(site.path(), "ar/2025/11/summit");
    // the derived summary describes the page (it is not shown as a dek: the body starts with it)
    assert!(!html.contains("class=\"dek\""));
    let dek = html
        .split("<meta name=\"description\" content=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap_or_default();
    assert!(dek.ends_with("كلمة…"), "{dek}");
    assert!(dek.chars().count() <= 301);
    assert!(html.contains("حُدِّث في <time datetime=\"2025-11-28T14:00:00+03:00\">٢٨ نوفمبر/تشرين الثاني ٢٠٢٥ الساعة ١٤:٠٠ <span class=\"zone\">بتوقيت غرينتش+٣</span></time>"), "{html}");
}

#[test]
fn syriac_month_names_and_latin_digits() {
    let site = minimal_site();
    write(
        site.path(),
        "site.toml",
        &SITE_TOML
            .replace("month_names = \"both\"", "month_names = \"syriac\"")
            .replace("digits = \"arab\"", "digits = \"latn\""),
    );
    build_ok(site.path(), &[]);
    let html = page(site.path(), "ar/2025/11/summit");
    assert!(html.contains("27 تشرين الثاني 2025"), "{html}");
    assert!(html.contains("6 جمادى الآخرة 1447 هـ"));
}

#[test]
fn a_site_overrides_templates_and_single_messages() {
    let site = minimal_site();
    write(
        site.path(),
        "locales/ar/mine.ftl",
        "latest-news = أحدث الأخبار\n",
    );
    write(site.path(), "templates/page.html", "{% extends \"base.html\" %}{% block main %}<p class=\"mine\">{{ page.title }}</p>{% endblock main %}");
    write(
        site.path(),
        "content/pages/about.ar.md",
        "---\ntitle: من نحن\n---\nنص.\n",
    );
    build_ok(site.path(), &[]);
    let front = page(site.path(), "ar");
    assert!(front.contains("أحدث الأخبار"), "the site's message wins");
    assert!(
        front.contains("انتقل إلى المحتوى"),
        "other built-in messages stay"
    );
    assert!(page(site.path(), "ar/about").contains("<p class=\"mine\">من نحن</p>"));
}

#[test]
fn times_without_offset_use_the_site_time_zone_and_offsets_are_converted() {
    let site = minimal_site();
    write(
        site.path(),
        "content/2025/11/summit.ar.md",
        "---\ntitle: قمة\ndate: 2025-11-30T23:30:00Z\n---\nنص.\n",
    );
    build_ok(site.path(), &[]);
    // 23:30 UTC is 02:30 the next day in Riyadh: the article belongs to December
    let html = page(site.path(), "ar/2025/12/summit");
    assert!(
        html.contains("<time datetime=\"2025-12-01T02:30:00+03:00\"><span class=\"date-text\">١ ديسمبر/كانون الأول ٢٠٢٥"),
        "{html}"
    );
}

#[test]
fn markdown_extensions_render() {
    let site = minimal_site();
    write(
        site.path(),
        "content/2025/11/summit.en.md",
        "---\ntitle: Summit\ndate: 2025-11-27\n---\n\n## Agenda {#agenda}\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n~~no~~ yes[^1]\n\n[^1]: Note.\n",
    );
    build_ok(site.path(), &[]);
    let html = page(site.path(), "en/2025/11/summit");
    assert!(html.contains("<h2 id=\"agenda\">Agenda</h2>"));
    assert!(
        html.contains("<table>")
            && html.contains("<del>no</del>")
            && html.contains("footnote-definition")
    );
}

#[test]
fn a_site_with_only_site_toml_and_content_builds_with_the_built_in_theme() {
    let site = minimal_site();
    assert!(!site.path().join("templates").exists() && !site.path().join("static").exists());
    let stderr = build_ok(site.path(), &[]);
    assert!(
        stderr.contains("ar: 1 article, 0 pages; en: 1 article, 0 pages"),
        "{stderr}"
    );
    assert!(site.path().join("public/style.css").is_file());
    assert!(site.path().join("public/404.html").is_file());
}

#[test]
fn feed_entries_and_direction_come_from_site_toml() {
    let site = minimal_site();
    let toml = SITE_TOML
        .replace("topics = [", "feed_entries = 1\ntopics = [")
        .replace(
            "[languages.en]\ntitle = \"Nashra\"",
            "[languages.en]\ntitle = \"Nashra\"\ndirection = \"rtl\"",
        );
    write(site.path(), "site.toml", &toml);
    write(
        site.path(),
        "content/2025/10/older.ar.md",
        "---\ntitle: أقدم\ndate: 2025-10-01\n---\nنص.\n",
    );
    build_ok(site.path(), &[]);
    let feed = read(&site.path().join("public/ar/feed.xml"));
    assert_eq!(feed.matches("<entry>").count(), 1, "feed_entries = 1");
    assert!(
        feed.contains("قمة في بيشكيك") && !feed.contains("أقدم"),
        "the newest entry is kept"
    );
    assert!(
        page(site.path(), "en/2025/11/summit").contains("<html lang=\"en\" dir=\"rtl\">"),
        "direction overrides the language's own"
    );
}

#[test]
fn front_matter_forms_the_readme_promises() {
    let site = minimal_site();
    // one author as a string, several sources, free `extra` data and an unknown key for
    // templates, Kosovo's XK, and an image without alt (a warning)
    write(
        site.path(),
        "content/2025/11/summit.en.md",
        "---\ntitle: Summit\ndate: 2025-11-27\nauthors: Jane Doe\nsource:\n  - {name: TASS, url: \"https://tass.ru/\"}\n  - {name: Reuters}\ncountries: [xk]\nimage: {src: a.svg}\nextra: {desk: Moscow}\nedition: evening\n---\nText.\n",
    );
    write(
        site.path(),
        "content/2025/11/a.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    write(
        site.path(),
        "templates/article.html",
        "{% extends \"base.html\" %}{% block main %}{% if page.lang == \"en\" %}<p id=\"x\">{{ page.extra.desk }}|{{ page.extra.edition }}|{{ page.authors | join(sep=\",\") }}|{% for s in page.sources %}{{ s.name }};{% endfor %}|{% for c in page.countries %}{{ c.name }}{% endfor %}</p>{% endif %}{% endblock main %}",
    );
    // hidden files and editor leftovers are not content
    write(site.path(), "content/2025/11/.summit.en.md.swp", "garbage");
    write(site.path(), "content/2025/11/summit.en.md~", "garbage");
    write(site.path(), "content/2025/11/#summit.en.md#", "garbage");
    write(site.path(), "content/2025/11/summit.en.md.tmp", "garbage");
    write(
        site.path(),
        "content/.drafts/secret.en.md",
        "not even front matter",
    );
    let stderr = build_ok(site.path(), &[]);
    let html = page(site.path(), "en/2025/11/summit");
    assert!(
        html.contains("<p id=\"x\">Moscow|evening|Jane Doe|TASS;Reuters;|Kosovo</p>"),
        "{html}"
    );
    assert!(
        stderr.contains(
            "warning: the lead image has no `alt` text\n  --> content/2025/11/summit.en.md:9:8"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("warning: unknown front matter key `edition`"),
        "{stderr}"
    );
    for leftover in [
        "summit.en.md~",
        "#summit.en.md#",
        "summit.en.md.tmp",
        ".summit.en.md.swp",
    ] {
        assert!(
            !site.path().join("public/2025/11").join(leftover).exists(),
            "{leftover} was copied as an asset"
        );
    }
    assert!(site.path().join("public/2025/11/a.svg").exists());
    assert!(!site.path().join("public/.drafts").exists());
}

/// A template that loops over a map (here `page.extra`) sees its entries in one order, the keys'
/// alphabetical order, in every build: two builds write the same bytes. (Tera's maps used to
/// iterate in a per-process random order, so such a page changed from build to build.)
#[test]
fn a_template_loops_over_a_map_in_the_same_order_every_build() {
    let site = minimal_site();
    write(
        site.path(),
        "content/2025/11/summit.en.md",
        "---\ntitle: Summit\ndate: 2025-11-27\nextra: {desk: Moscow, edition: evening, beat: energy, zone: east, rank: 2, angle: trade, wire: false, chief: Lina}\n---\nText.\n",
    );
    write(
        site.path(),
        "templates/article.html",
        "{% extends \"base.html\" %}{% block main %}<p id=\"x\">{% for k, v in page.extra %}{{ k }}={{ v }};{% endfor %}</p>{% endblock main %}",
    );
    let expected = "<p id=\"x\">angle=trade;beat=energy;chief=Lina;desk=Moscow;edition=evening;rank=2;wire=false;zone=east;</p>";
    for _ in 0..3 {
        build_ok(site.path(), &["--fresh"]);
        let html = page(site.path(), "en/2025/11/summit");
        assert!(html.contains(expected), "{html}");
    }
}

#[test]
fn output_dir_is_relative_to_the_site_and_output_to_the_current_folder() {
    let site = minimal_site();
    write(
        site.path(),
        "site.toml",
        &SITE_TOML.replace("topics = [", "output_dir = \"_site\"\ntopics = ["),
    );
    let other = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let root = site.path().to_string_lossy().into_owned();
    let run = nashra(other.path(), &["build", "--root", &root]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        site.path().join("_site/ar/index.html").is_file(),
        "output_dir is inside the site"
    );
    let run = nashra(
        other.path(),
        &["build", "--root", &root, "--output", "here"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        other.path().join("here/ar/index.html").is_file(),
        "--output is relative to the current folder"
    );
}

/// A rebuild into an existing output writes only what changed and removes what is gone: the
/// result must be exactly what a build into an empty folder gives.
#[test]
fn a_rebuild_in_place_equals_a_fresh_build() {
    let site = minimal_site();
    write(
        site.path(),
        "content/2025/10/old.en.md",
        "---\ntitle: Old\ndate: 2025-10-01\ntopics: [economy]\n---\nText.\n",
    );
    build_ok(site.path(), &[]);
    // change a title, delete an article (and with it a topic page and a month), add one
    write(
        site.path(),
        "content/2025/11/summit.en.md",
        &common::ARTICLE_EN.replace("Summit in Bishkek", "A new headline"),
    );
    std::fs::remove_file(site.path().join("content/2025/10/old.en.md"))
        .unwrap_or_else(|e| panic!("{e}"));
    write(
        site.path(),
        "content/2025/12/new.ar.md",
        "---\ntitle: جديد\ndate: 2025-12-02\n---\nنص.\n",
    );
    build_ok(site.path(), &[]);
    let fresh = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = fresh.path().join("out");
    build_ok(site.path(), &["--output", &out.to_string_lossy()]);
    let (a, b) = (
        common::tree(&site.path().join("public")),
        common::tree(&out),
    );
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    assert!(a == b, "a rebuild in place differs from a fresh build");
    assert!(
        !site.path().join("public/en/2025/10").exists(),
        "empty folders are removed too"
    );
}

/// README: "a rebuild into an existing output writes only the files that changed". A file that
/// was written again is a new file (staged, then moved in), so its inode changes.
#[cfg(unix)]
#[test]
fn a_rebuild_in_place_leaves_unchanged_files_alone() {
    use std::os::unix::fs::MetadataExt;
    let site = minimal_site();
    write(
        site.path(),
        "content/2025/11/photo.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    build_ok(site.path(), &[]);
    let public = site.path().join("public");
    let ino = |rel: &str| {
        std::fs::metadata(public.join(rel))
            .unwrap_or_else(|e| panic!("{rel}: {e}"))
            .ino()
    };
    let files = [
        "ar/2025/11/summit/index.html",
        "en/2025/11/summit/index.html",
        "2025/11/photo.svg",
        "style.css",
        "sitemap.xml",
    ];
    let before: Vec<u64> = files.iter().map(|f| ino(f)).collect();
    build_ok(site.path(), &[]);
    let after: Vec<u64> = files.iter().map(|f| ino(f)).collect();
    assert_eq!(before, after, "an unchanged site rewrote files");
    // a text edit of the English article rewrites its page (and the Arabic one, which shows the
    // English headline in its "read in English" link), not the asset or the stylesheet
    write(
        site.path(),
        "content/2025/11/summit.en.md",
        &common::ARTICLE_EN.replace("Summit in Bishkek", "A new headline"),
    );
    build_ok(site.path(), &[]);
    assert_ne!(ino(files[1]), before[1], "the changed page was not written");
    assert_ne!(
        ino(files[0]),
        before[0],
        "the translation's page was not written"
    );
    assert_eq!(ino(files[2]), before[2]);
    assert_eq!(ino(files[3]), before[3]);
}

/// SPEC §5: the direction is derived from the language unless set: Persian is right-to-left
/// without saying so, like Arabic.
#[test]
fn direction_is_derived_from_the_language() {
    let site = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    write(
        site.path(),
        "site.toml",
        "base_url = \"https://news.example.org/\"\ndefault_language = \"en\"\n\n[languages.en]\ntitle = \"News\"\n\n[languages.fa]\ntitle = \"اخبار\"\n",
    );
    write(
        site.path(),
        "content/2025/11/summit.en.md",
        "---\ntitle: Summit\ndate: 2025-11-27\n---\nText.\n",
    );
    write(
        site.path(),
        "content/2025/11/summit.fa.md",
        "---\ntitle: نشست\ndate: 2025-11-27\n---\nمتن.\n",
    );
    build_ok(site.path(), &[]);
    assert!(page(site.path(), "fa/2025/11/summit").contains("<html lang=\"fa\" dir=\"rtl\">"));
    assert!(page(site.path(), "en/2025/11/summit").contains("<html lang=\"en\" dir=\"ltr\">"));
}

/// SPEC §6: one stylesheet for both directions, written with logical properties only.
#[test]
fn the_stylesheet_uses_logical_properties_only() {
    let site = minimal_site();
    build_ok(site.path(), &[]);
    let css = read(&site.path().join("public/style.css"));
    let physical = [
        "margin-left",
        "margin-right",
        "padding-left",
        "padding-right",
        "border-left",
        "border-right",
        "text-align: left",
        "text-align: right",
        "float: left",
        "float: right",
    ];
    for (n, line) in css.lines().enumerate() {
        let l = line.trim_start();
        for p in physical {
            assert!(
                !l.contains(p),
                "style.css:{}: `{p}` (use the logical property)",
                n + 1
            );
        }
        for p in ["left:", "right:"] {
            assert!(
                !l.starts_with(p),
                "style.css:{}: `{p}` (use inset-inline-…)",
                n + 1
            );
        }
    }
}

/// `build` shows progress on a terminal (run under `script`, which gives it one) and never when
/// its output is a pipe or a CI log.
#[test]
fn build_shows_progress_on_a_terminal_only() {
    let site = minimal_site();
    // enough articles that the build outlasts the progress delay (300 ms) by far: with 3,000 a
    // build on an idle machine took 412 ms and the bar's first draw could come after the summary
    for i in 0..8000 {
        write(
            site.path(),
            &format!("content/2025/10/story-{i}.en.md"),
            &format!("---\ntitle: Story {i}\ndate: 2025-10-{:02}\ntopics: [economy]\n---\n\nText of story {i}.\n\n## Part\n\nMore text.\n", i % 28 + 1),
        );
    }
    let piped = nashra(site.path(), &["build"]);
    assert_eq!(piped.code, 0, "{}", piped.stderr);
    assert!(
        !piped.stderr.contains('\u{1b}') && !piped.stderr.contains('\r'),
        "no drawing into a pipe: {:?}",
        piped.stderr
    );
    let bin = env!("CARGO_BIN_EXE_nashra");
    let Ok(tty) = std::process::Command::new("script")
        .args(["-qec", &format!("{bin} build --fresh"), "/dev/null"])
        .current_dir(site.path())
        .output()
    else {
        eprintln!("skipped the terminal half: `script` (util-linux) is not installed");
        return;
    };
    let shown = String::from_utf8_lossy(&tty.stdout);
    assert!(tty.status.success(), "{shown}");
    assert!(
        shown.contains("reading content") || shown.contains("rendering ["),
        "progress on a terminal: {shown:?}"
    );
    let last = shown.rsplit("\u{1b}[2K").next().unwrap_or_default();
    assert!(
        last.starts_with("built "),
        "the bar is cleared before the summary: {last:?}"
    );
}
