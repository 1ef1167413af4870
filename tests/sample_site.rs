//! The repository's sample site, built into a temporary folder as a user would build it.

mod common;

use std::path::{Path, PathBuf};

use common::{nashra, read, tree};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Builds the sample site into a fresh temporary folder.
fn build_sample() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = tmp.path().join("site");
    let out_s = out.to_string_lossy().into_owned();
    let run = nashra(&repo(), &["build", "--output", &out_s]);
    assert_eq!(run.code, 0, "build failed:\n{}", run.stderr);
    (tmp, out)
}

fn page(out: &Path, rel: &str) -> String {
    read(&out.join(rel).join("index.html"))
}

#[test]
fn arabic_seed_article_is_a_right_to_left_page_with_arabic_dates() {
    let (_tmp, out) = build_sample();
    let html = page(&out, "ar/2025/11/csto-summit-bishkek");
    assert!(html.contains("<html lang=\"ar\" dir=\"rtl\">"), "{html}");
    assert!(
        html.contains("<h1>قادة منظمة معاهدة الأمن الجماعي يجتمعون في بيشكيك لتوقيع 19 وثيقة</h1>")
    );
    // month_names = "both", digits = "arab"
    assert!(
        html.contains("٢٧ نوفمبر/تشرين الثاني ٢٠٢٥"),
        "Arabic date missing"
    );
    assert!(
        html.contains("الساعة ١٠:٣٠"),
        "time in Arabic digits missing"
    );
    assert!(html.contains("<time datetime=\"2025-11-27T10:30:00+03:00\">"));
    // hijri = true: 27 November 2025 is 6 Jumada al-Akhirah 1447 (Umm al-Qura)
    assert!(html.contains("٦ جمادى الآخرة ١٤٤٧ هـ"), "Hijri date missing");
    assert!(
        html.contains("المصدر: <a href=\"https://tass.ru/\" rel=\"noopener\"><bdi>تاس</bdi></a>")
    );
    assert!(html.contains("الصورة: <bdi>نشرة (رسم توضيحي)</bdi>"));
    // switcher and hreflang to the English translation
    assert!(html.contains("<a href=\"/en/2025/11/csto-summit-bishkek/\" hreflang=\"en\" lang=\"en\" dir=\"ltr\" rel=\"alternate\"><bdi>English</bdi></a>"));
    assert!(html.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"https://nashra.example.org/en/2025/11/csto-summit-bishkek/\">"));
    assert!(html.contains("<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://nashra.example.org/ar/2025/11/csto-summit-bishkek/\">"));
    assert!(html.contains("<link rel=\"canonical\" href=\"https://nashra.example.org/ar/2025/11/csto-summit-bishkek/\">"));
    // topics and countries by name
    assert!(html.contains("<a class=\"tag\" href=\"/ar/topics/security/\">الأمن</a>"));
    assert!(html.contains("<bdi>قيرغيزستان</bdi>"));
    // the lead image is published once as renditions, used by both languages
    let renditions: Vec<String> = std::fs::read_dir(out.join("2025/11/csto-summit-bishkek"))
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(
        renditions.iter().filter(|n| n.ends_with(".webp")).count(),
        4,
        "{renditions:?}"
    );
    assert!(html.contains(
        "<picture><source type=\"image/webp\" srcset=\"/2025/11/csto-summit-bishkek/lead-480."
    ));
    assert!(!out.join("ar/2025/11/csto-summit-bishkek/lead.jpg").exists());
}

#[test]
fn english_seed_article_links_back_to_arabic() {
    let (_tmp, out) = build_sample();
    let html = page(&out, "en/2025/11/csto-summit-bishkek");
    assert!(html.contains("<html lang=\"en\" dir=\"ltr\">"));
    assert!(html.contains("<h1>CSTO leaders meet in Bishkek to sign 19 documents</h1>"));
    assert!(html.contains("27 November 2025"));
    assert!(html.contains("at 10:30"));
    assert!(
        !html.contains("AH"),
        "English has no hijri = true, so no Hijri date"
    );
    assert!(
        html.contains("Source: <a href=\"https://tass.ru/\" rel=\"noopener\"><bdi>TASS</bdi></a>")
    );
    assert!(html.contains("<a href=\"/ar/2025/11/csto-summit-bishkek/\" hreflang=\"ar\" lang=\"ar\" dir=\"rtl\" rel=\"alternate\"><bdi>العربية</bdi></a>"));
    assert!(html.contains("<link rel=\"alternate\" hreflang=\"ar\" href=\"https://nashra.example.org/ar/2025/11/csto-summit-bishkek/\">"));
    // x-default is the default language's version
    assert!(html.contains("<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://nashra.example.org/ar/2025/11/csto-summit-bishkek/\">"));
}

#[test]
fn arabic_only_article_switches_to_the_english_front_page() {
    let (_tmp, out) = build_sample();
    let html = page(&out, "ar/2025/09/حصاد-التمور");
    assert!(
        html.contains(
            "<a href=\"/en/\" hreflang=\"en\" lang=\"en\" dir=\"ltr\"><bdi>English</bdi></a>"
        ),
        "{html}"
    );
    assert!(
        !html.contains("hreflang=\"en\" href="),
        "no hreflang link to a translation that does not exist"
    );
    // the Arabic slug is percent-encoded in links
    assert!(html.contains("https://nashra.example.org/ar/2025/09/%D8%AD%D8%B5%D8%A7%D8%AF-%D8%A7%D9%84%D8%AA%D9%85%D9%88%D8%B1/"));
}

#[test]
fn root_is_a_language_chooser_and_404_is_bilingual() {
    let (_tmp, out) = build_sample();
    let root = read(&out.join("index.html"));
    // no refresh: that would send every visitor to Arabic; a script follows the browser's
    // languages, and the links work without it
    assert!(!root.contains("http-equiv=\"refresh\""), "{root}");
    assert!(
        root.contains("var fronts = {\"ar\":\"/ar/\",\"en\":\"/en/\"};"),
        "{root}"
    );
    assert!(root.contains("<li lang=\"ar\" dir=\"rtl\"><a href=\"/ar/\" hreflang=\"ar\"><span class=\"chooser-title\">نشرة</span> <span class=\"chooser-lang\">العربية</span></a></li>"), "{root}");
    assert!(root.contains("<li lang=\"en\" dir=\"ltr\"><a href=\"/en/\" hreflang=\"en\"><span class=\"chooser-title\">Nashra</span> <span class=\"chooser-lang\">English</span></a></li>"), "{root}");
    // the page's one heading names the site in every language (axe's page-has-heading-one)
    assert!(root.contains("<h1 class=\"site-title\"><span lang=\"ar\" dir=\"rtl\">نشرة</span><span class=\"title-sep\" aria-hidden=\"true\"> · </span><span lang=\"en\" dir=\"ltr\">Nashra</span></h1>"), "{root}");
    assert!(root.contains(
        "<link rel=\"alternate\" hreflang=\"en\" href=\"https://nashra.example.org/en/\">"
    ));
    assert!(root.contains("<link rel=\"canonical\" href=\"https://nashra.example.org/\">"));
    assert!(root.contains(
        "<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://nashra.example.org/\">"
    ));
    let sitemap = read(&out.join("sitemap.xml"));
    assert!(sitemap.contains("<loc>https://nashra.example.org/</loc>"));
    let nf = read(&out.join("404.html"));
    assert!(nf.contains("<section lang=\"ar\" dir=\"rtl\">"));
    assert!(nf.contains("<section lang=\"en\" dir=\"ltr\">"));
    assert!(nf.contains("الصفحة غير موجودة") && nf.contains("Page not found"));
    // the 404 page is the site's own: masthead, favicon, both languages' front pages
    assert!(
        nf.contains("<a class=\"site-title\" href=\"/ar/\">نشرة</a>"),
        "{nf}"
    );
    assert!(nf.contains("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">"));
    assert!(nf.contains(
        "<a href=\"/en/\" hreflang=\"en\" lang=\"en\" dir=\"ltr\"><bdi>English</bdi></a>"
    ));
}

#[test]
fn pages_front_pages_and_static_files_exist() {
    let (_tmp, out) = build_sample();
    let about = page(&out, "ar/about");
    assert!(about.contains("<h1>عن نشرة</h1>"));
    assert!(about.contains("<a href=\"/en/about/\" hreflang=\"en\""));
    let front = page(&out, "en");
    assert!(front.contains("<html lang=\"en\" dir=\"ltr\">"));
    assert!(front.contains("<a href=\"/en/2025/11/csto-summit-bishkek/\">CSTO leaders meet in Bishkek to sign 19 documents</a>"));
    assert!(out.join("style.css").is_file());
    assert!(out.join("robots.txt").is_file());
    let css = read(&out.join("style.css"));
    for physical in [
        "margin-left",
        "margin-right",
        "padding-left",
        "padding-right",
        "text-align: left",
        "text-align: right",
        "float: left",
        "float: right",
    ] {
        assert!(
            !css.contains(physical),
            "stylesheet uses the physical property `{physical}`"
        );
    }
}

#[test]
fn no_template_syntax_is_left_in_any_output_file() {
    let (_tmp, out) = build_sample();
    for (path, bytes) in tree(&out) {
        // pictures are bytes, where `{{` can occur by chance
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if matches!(ext, "jpg" | "png" | "webp" | "woff2") {
            continue;
        }
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains("{{") && !text.contains("{%"),
            "template syntax left in {}",
            path.display()
        );
    }
}

#[test]
fn two_builds_give_identical_bytes() {
    let (_a, out_a) = build_sample();
    let (_b, out_b) = build_sample();
    let (ta, tb) = (tree(&out_a), tree(&out_b));
    assert!(
        ta.len() > 30,
        "expected a full site, got {} files",
        ta.len()
    );
    assert_eq!(ta.keys().collect::<Vec<_>>(), tb.keys().collect::<Vec<_>>());
    for (k, v) in &ta {
        assert!(
            tb.get(k) == Some(v),
            "{} differs between builds",
            k.display()
        );
    }
}

#[test]
fn rebuilding_into_an_existing_output_replaces_it() {
    let (_tmp, out) = build_sample();
    // a page an earlier build wrote (listed in the manifest) and a file someone else put there
    std::fs::write(out.join("stale.html"), "old").unwrap_or_else(|e| panic!("{e}"));
    let marker = read(&out.join(".nashra"));
    std::fs::write(out.join(".nashra"), format!("{marker}stale.html\n"))
        .unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(out.join("CNAME"), "news.example.org").unwrap_or_else(|e| panic!("{e}"));
    let out_s = out.to_string_lossy().into_owned();
    let run = nashra(&repo(), &["build", "--output", &out_s]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        !out.join("stale.html").exists(),
        "a file nashra wrote and no build produces must be gone after a rebuild"
    );
    assert_eq!(
        read(&out.join("CNAME")),
        "news.example.org",
        "a file nashra did not write is kept"
    );
    assert!(
        run.stderr
            .contains("ar: 14 articles, 1 page; en: 13 articles, 1 page"),
        "{}",
        run.stderr
    );
}
