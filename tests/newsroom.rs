//! Newsroom publishing (issue 11): social cards, JSON-LD, the Google News sitemap, corrections,
//! author pages, embargo and expiry, aliases and redirects, share links, drafts.

mod common;

use std::path::Path;

use common::{nashra, read, tree, write, write_jpeg, SITE_TOML};
use serde_json::Value;

const NOW: &str = "2025-11-28 12:00";

/// A site with a newsroom's front matter: bylines known to authors.toml, a correction, an alias,
/// an article published 30 hours before NOW (news sitemap), one 3 days before (not), one
/// embargoed until after NOW, one expired.
fn newsroom_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let r = dir.path();
    let toml = SITE_TOML.replace(
        "[languages.ar]",
        "[publisher]\nname = { ar = \"دار نشرة\", en = \"Nashra House\" }\nlogo = \"logo.png\"\nimage = \"card.png\"\ntwitter = \"@nashra\"\n\n[languages.ar]",
    );
    write(r, "site.toml", &toml);
    write(r, "static/logo.png", "png");
    write(r, "static/card.png", "png");
    write(
        r,
        "authors.toml",
        "[sara]\nname = { ar = \"سارة أحمد\", en = \"Sara Ahmed\" }\nbio = { en = \"Correspondent in Riyadh.\" }\nurl = \"https://example.org/sara\"\n",
    );
    write(
        r,
        "content/2025/11/summit.ar.md",
        "---\ntitle: \"قمة في بيشكيك\"\ndate: 2025-11-27 06:00\nupdated: 2025-11-27 18:00 +0300\ntopics: [security]\ncountries: [KG]\nauthors: [\"سارة أحمد\"]\nimage: {src: lead.jpg, alt: \"القادة\"}\naliases: [ar/2025/11/old-summit/]\ncorrections:\n  - date: 2025-11-27 20:00\n    text: \"صُحّح عدد الوثائق.\"\n---\n\nنص المقال.\n",
    );
    write(
        r,
        "content/2025/11/summit.en.md",
        "---\ntitle: \"Summit in Bishkek </script><script>alert(1)</script>\"\ndate: 2025-11-27 06:00\ntopics: [security]\nauthors: [sara]\nimage: {src: lead.jpg, alt: \"The leaders\"}\naliases: [/en/2025/11/old-summit/]\ncorrections:\n  - date: 2025-11-27 20:00\n    text: \"The number of documents was corrected.\"\n---\n\nThe article.\n",
    );
    write_jpeg(r, "content/2025/11/lead.jpg", 1600, 1000);
    write(
        r,
        "content/2025/11/older.en.md",
        "---\ntitle: Older news\ndate: 2025-11-25 09:00\n---\n\nOld.\n",
    );
    write(
        r,
        "content/2025/11/embargoed.en.md",
        "---\ntitle: Embargoed report\ndate: 2025-11-28 18:30\n---\n\nNot yet.\n",
    );
    write(
        r,
        "content/2025/11/gone.en.md",
        "---\ntitle: Offer ends\ndate: 2025-11-20 09:00\nexpires: 2025-11-27 00:00\n---\n\nExpired.\n",
    );
    dir
}

fn build(root: &Path, args: &[&str]) -> common::Run {
    let mut all = vec!["build"];
    all.extend_from_slice(args);
    let run = nashra(root, &all);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    run
}

fn page(root: &Path, path: &str) -> String {
    read(&root.join("public").join(path).join("index.html"))
}

/// The JSON-LD objects of a page (`@graph` members).
fn jsonld(html: &str) -> Vec<Value> {
    let start = "<script type=\"application/ld+json\">";
    html.split(start)
        .skip(1)
        .flat_map(|rest| {
            let json = rest.split("</script>").next().unwrap_or("");
            let v: Value = serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}: {json}"));
            assert_eq!(v["@context"], "https://schema.org");
            v["@graph"].as_array().cloned().unwrap_or_default()
        })
        .collect()
}

fn meta(html: &str, property: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attr in ["property", "name"] {
        let needle = format!("<meta {attr}=\"{property}\" content=\"");
        for part in html.split(&needle).skip(1) {
            out.push(part.split('"').next().unwrap_or("").to_string());
        }
    }
    out
}

#[test]
fn articles_carry_social_cards_and_news_article_json_ld() {
    let site = newsroom_site();
    let r = site.path();
    let run = build(r, &["--now", NOW]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = page(r, "en/2025/11/summit");
    // a title cannot close the script element; it comes back intact from the JSON
    let script = html
        .split("<script type=\"application/ld+json\">")
        .nth(1)
        .and_then(|s| s.split("</script>").next())
        .unwrap_or_default();
    assert!(!script.contains('<'), "{script}");
    let graph = jsonld(&html);
    let article = graph
        .iter()
        .find(|v| v["@type"] == "NewsArticle")
        .unwrap_or_else(|| panic!("no NewsArticle in {graph:?}"));
    assert_eq!(
        article["headline"],
        "Summit in Bishkek </script><script>alert(1)</script>"
    );
    assert_eq!(article["datePublished"], "2025-11-27T06:00:00+03:00");
    assert_eq!(article["inLanguage"], "en");
    assert_eq!(article["isAccessibleForFree"], true);
    assert_eq!(
        article["mainEntityOfPage"]["@id"],
        "https://news.example.org/en/2025/11/summit/"
    );
    // the social crop first, then the whole picture at its widest rendition
    let images: Vec<&str> = article["image"]
        .as_array()
        .map(|a| a.iter().filter_map(|v| v.as_str()).collect())
        .unwrap_or_default();
    assert_eq!(images.len(), 2, "{images:?}");
    assert!(
        images[0].starts_with("https://news.example.org/2025/11/lead-social-500-500.")
            && images[0].ends_with(".jpg"),
        "{images:?}"
    );
    assert!(
        images[1].starts_with("https://news.example.org/2025/11/lead-1600.")
            && images[1].ends_with(".webp"),
        "{images:?}"
    );
    assert_eq!(article["publisher"]["@type"], "Organization");
    assert_eq!(article["publisher"]["name"], "Nashra House");
    assert_eq!(
        article["publisher"]["logo"]["url"],
        "https://news.example.org/logo.png"
    );
    let author = &article["author"][0];
    assert_eq!(author["@type"], "Person");
    assert_eq!(author["name"], "Sara Ahmed");
    assert_eq!(author["url"], "https://news.example.org/en/authors/sara/");
    assert_eq!(author["sameAs"], "https://example.org/sara");
    assert!(r.join("public/en/authors/sara/index.html").is_file());
    assert_eq!(article["correction"][0]["@type"], "CorrectionComment");
    assert_eq!(
        article["correction"][0]["text"],
        "The number of documents was corrected."
    );
    assert_eq!(
        article["correction"][0]["datePublished"],
        "2025-11-27T20:00:00+03:00"
    );
    let crumbs = graph
        .iter()
        .find(|v| v["@type"] == "BreadcrumbList")
        .unwrap_or_else(|| panic!("no BreadcrumbList"));
    let items = crumbs["itemListElement"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(items.len(), 3);
    assert_eq!(
        items[1]["item"],
        "https://news.example.org/en/topics/security/"
    );

    // the Arabic version: its own publisher name, dateModified with the offset
    let ar = jsonld(&page(r, "ar/2025/11/summit"));
    assert_eq!(ar[0]["publisher"]["name"], "دار نشرة");
    assert_eq!(ar[0]["dateModified"], "2025-11-27T18:00:00+03:00");
    assert_eq!(ar[0]["author"][0]["name"], "سارة أحمد");
    assert_eq!(
        ar[0]["author"][0]["url"],
        "https://news.example.org/ar/authors/sara/"
    );

    // Open Graph and Twitter
    assert_eq!(meta(&html, "og:type"), ["article"]);
    assert_eq!(meta(&html, "og:image"), [images[0]]);
    assert_eq!(meta(&html, "og:image:width"), ["1200"]);
    assert_eq!(meta(&html, "og:image:height"), ["630"]);
    assert_eq!(meta(&html, "og:image:alt"), ["The leaders"]);
    assert_eq!(meta(&html, "og:locale"), ["en_US"]);
    assert_eq!(meta(&html, "og:locale:alternate"), ["ar_AR"]);
    assert_eq!(meta(&html, "og:site_name"), ["Nashra House"]);
    assert_eq!(
        meta(&html, "article:published_time"),
        ["2025-11-27T06:00:00+03:00"]
    );
    assert_eq!(meta(&html, "article:section"), ["Security"]);
    assert_eq!(meta(&html, "twitter:card"), ["summary_large_image"]);
    assert_eq!(meta(&html, "twitter:site"), ["@nashra"]);
    assert_eq!(meta(&html, "robots"), ["max-image-preview:large"]);

    // front pages: website cards and WebSite
    let front = page(r, "en");
    assert_eq!(meta(&front, "og:type"), ["website"]);
    let graph = jsonld(&front);
    assert_eq!(graph[0]["@type"], "WebSite");
    assert_eq!(graph[0]["url"], "https://news.example.org/en/");
    // lists: website cards, no JSON-LD
    let topic = page(r, "en/topics/security");
    assert_eq!(meta(&topic, "og:type"), ["website"]);
    assert_eq!(meta(&topic, "og:title"), ["Security"]);
    assert!(jsonld(&topic).is_empty());
    // pages without a picture of their own get the publisher's card image
    assert_eq!(
        meta(&topic, "og:image"),
        ["https://news.example.org/card.png"]
    );
    assert_eq!(meta(&topic, "twitter:card"), ["summary_large_image"]);
    let older = jsonld(&page(r, "en/2025/11/older"));
    assert_eq!(older[0]["image"][0], "https://news.example.org/card.png");
}

#[test]
fn every_sample_article_has_valid_news_article_json_ld() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = tmp.path().join("site");
    let run = nashra(repo, &["build", "--output", &out.to_string_lossy()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut articles = 0;
    for (rel, bytes) in tree(&out) {
        let rel = rel.to_string_lossy().into_owned();
        // article pages: LANG/YYYY/MM/SLUG/index.html
        let parts: Vec<&str> = rel.split('/').collect();
        if parts.len() != 5 || parts[4] != "index.html" || parts[1].len() != 4 {
            continue;
        }
        let html = String::from_utf8_lossy(&bytes);
        if html.contains("http-equiv=\"refresh\"") {
            continue; // an alias
        }
        articles += 1;
        let graph = jsonld(&html);
        let a = graph
            .iter()
            .find(|v| v["@type"] == "NewsArticle")
            .unwrap_or_else(|| panic!("{rel}: no NewsArticle"));
        for key in [
            "headline",
            "description",
            "datePublished",
            "dateModified",
            "publisher",
            "inLanguage",
            "mainEntityOfPage",
            "isAccessibleForFree",
        ] {
            assert!(!a[key].is_null(), "{rel}: no {key}");
        }
        assert!(a["headline"]
            .as_str()
            .is_some_and(|h| h.chars().count() <= 110));
        let published = a["datePublished"].as_str().unwrap_or("");
        assert!(published.ends_with("+03:00"), "{rel}: {published}");
        assert_eq!(a["inLanguage"], parts[0]);
        for p in a["author"].as_array().into_iter().flatten() {
            let url = p["url"].as_str().unwrap_or("");
            let path = url.trim_start_matches("https://nashra.example.org");
            assert!(
                common::file_for(&out, path).is_file(),
                "{rel}: author page {url} missing"
            );
        }
        assert!(graph.iter().any(|v| v["@type"] == "BreadcrumbList"));
    }
    assert!(articles >= 20, "{articles} articles");
}

#[test]
fn news_sitemap_lists_only_the_last_48_hours() {
    let site = newsroom_site();
    let r = site.path();
    let run = build(r, &["--now", NOW]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = read(&r.join("public/news-sitemap.xml"));
    let doc = roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{e}"));
    let sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
    let news = "http://www.google.com/schemas/sitemap-news/0.9";
    let root = doc.root_element();
    assert!(root.has_tag_name((sm, "urlset")));
    let mut locs = Vec::new();
    for url in root.children().filter(|c| c.is_element()) {
        assert!(url.has_tag_name((sm, "url")));
        fn child<'a, 'i>(
            n: roxmltree::Node<'a, 'i>,
            ns: &str,
            name: &str,
        ) -> roxmltree::Node<'a, 'i> {
            n.children()
                .find(|c| c.has_tag_name((ns, name)))
                .unwrap_or_else(|| panic!("no {name}"))
        }
        locs.push(child(url, sm, "loc").text().unwrap_or("").to_string());
        let n = child(url, news, "news");
        let publication = child(n, news, "publication");
        let name = child(publication, news, "name").text().unwrap_or("");
        let lang = child(publication, news, "language").text().unwrap_or("");
        assert!(
            matches!((lang, name), ("ar", "دار نشرة") | ("en", "Nashra House")),
            "{lang} {name}"
        );
        let date = child(n, news, "publication_date").text().unwrap_or("");
        assert!(date.starts_with("2025-11-27T06:00:00"), "{date}");
        assert!(!child(n, news, "title").text().unwrap_or("").is_empty());
    }
    locs.sort();
    assert_eq!(
        locs,
        [
            "https://news.example.org/ar/2025/11/summit/",
            "https://news.example.org/en/2025/11/summit/"
        ]
    );
    let robots = read(&r.join("public/robots.txt"));
    assert!(
        robots.contains("Sitemap: https://news.example.org/news-sitemap.xml"),
        "{robots}"
    );
    // three days later nothing is news any more: a valid, empty urlset
    let run = build(r, &["--now", "2025-12-01 12:00"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = read(&r.join("public/news-sitemap.xml"));
    assert!(
        !text.contains("<url>") && text.contains("</urlset>"),
        "{text}"
    );
}

#[test]
fn embargoed_articles_appear_when_their_time_comes_and_expired_ones_leave() {
    let site = newsroom_site();
    let r = site.path();
    let run = build(r, &["--now", NOW]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "left out: 1 article dated later (use --future to include), 1 article expired"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(
            "next: 2025-11-28 18:30 +03:00 — rebuild then (content/2025/11/embargoed.en.md)"
        ),
        "{}",
        run.stderr
    );
    let out = r.join("public");
    let everywhere = |needle: &str| -> Vec<String> {
        tree(&out)
            .into_iter()
            .filter(|(_, b)| String::from_utf8_lossy(b).contains(needle))
            .map(|(p, _)| p.to_string_lossy().into_owned())
            .collect()
    };
    assert!(
        everywhere("Embargoed report").is_empty(),
        "{:?}",
        everywhere("Embargoed report")
    );
    assert!(everywhere("embargoed").is_empty());
    assert!(everywhere("Offer ends").is_empty());
    assert!(!out.join("en/2025/11/gone").exists());

    // the JSON report says the same, for a scheduler
    let json = build(r, &["--now", NOW, "--format", "json"]);
    assert_eq!(json.code, 0, "{}", json.stderr);
    let v: Value =
        serde_json::from_str(json.stdout.trim()).unwrap_or_else(|e| panic!("{e}: {}", json.stdout));
    assert_eq!(v["ok"], true);
    assert_eq!(v["next"], "2025-11-28T18:30:00+03:00");
    assert_eq!(v["left_out"]["scheduled"], 1);
    assert_eq!(v["left_out"]["expired"], 1);

    // the embargo passes: the article is in lists, feeds, sitemaps
    let run = build(r, &["--now", "2025-11-28 18:30"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let found = everywhere("Embargoed report");
    for f in [
        "en/index.html",
        "en/feed.xml",
        "news-sitemap.xml",
        "en/2025/11/embargoed/index.html",
    ] {
        assert!(found.iter().any(|p| p == f), "{f} not in {found:?}");
    }
    assert!(read(&out.join("sitemap.xml")).contains("/en/2025/11/embargoed/"));
    assert!(!run.stderr.contains("next:"), "{}", run.stderr);
    // NASHRA_NOW does what --now does
    let out2 = std::process::Command::new(env!("CARGO_BIN_EXE_nashra"))
        .args(["build"])
        .env("NASHRA_NOW", NOW)
        .current_dir(r)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(String::from_utf8_lossy(&out2.stderr).contains("1 article dated later"));
    // --future publishes it before its time
    let run = build(r, &["--now", NOW, "--future"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(out.join("en/2025/11/embargoed/index.html").is_file());
}

#[test]
fn a_bad_now_is_a_usage_error() {
    let site = newsroom_site();
    let run = build(site.path(), &["--now", "tomorrow"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("error: --now: "), "{}", run.stderr);
    // the JSON report of a failed build says so, with the problem
    let run = build(site.path(), &["--now", "tomorrow", "--format", "json"]);
    assert_eq!(run.code, 1);
    let v: Value =
        serde_json::from_str(run.stdout.trim()).unwrap_or_else(|e| panic!("{e}: {}", run.stdout));
    assert_eq!(v["ok"], false);
    assert_eq!(v["errors"], 1);
    assert_eq!(v["problems"][0]["severity"], "error");
    assert!(v["problems"][0]["message"]
        .as_str()
        .is_some_and(|m| m.starts_with("--now: ")));
}

#[test]
fn aliases_get_redirect_pages_and_a_redirects_file() {
    let site = newsroom_site();
    let r = site.path();
    let run = build(r, &["--now", NOW]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let old = page(r, "en/2025/11/old-summit");
    assert!(
        old.contains("<meta http-equiv=\"refresh\" content=\"0; url=/en/2025/11/summit/\">"),
        "{old}"
    );
    assert!(old
        .contains("<link rel=\"canonical\" href=\"https://news.example.org/en/2025/11/summit/\">"));
    assert!(old.contains("<meta name=\"robots\" content=\"noindex\">"));
    assert!(old.contains("<a href=\"/en/2025/11/summit/\">"));
    let redirects = read(&r.join("public/_redirects"));
    assert!(
        redirects.contains("/ar/2025/11/old-summit/ /ar/2025/11/summit/ 301\n"),
        "{redirects}"
    );
    assert!(
        redirects.contains("/en/2025/11/old-summit/ /en/2025/11/summit/ 301\n"),
        "{redirects}"
    );
    // redirect pages are not in the sitemap
    assert!(!read(&r.join("public/sitemap.xml")).contains("old-summit"));
}

/// Builds the newsroom site, writes `edits` (path, text), builds again and checks that the
/// build failed with every `expected` text in stderr and left the old output as it was.
fn fails_keeping_output(edits: &[(&str, &str)], expected: &[&str]) {
    let site = newsroom_site();
    let r = site.path();
    assert_eq!(build(r, &["--now", NOW]).code, 0);
    let before = tree(&r.join("public"));
    for (path, text) in edits {
        write(r, path, text);
    }
    let run = build(r, &["--now", NOW]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    for want in expected {
        assert!(run.stderr.contains(want), "{want}\nnot in\n{}", run.stderr);
    }
    assert!(before == tree(&r.join("public")), "the old output changed");
}

#[test]
fn an_alias_that_is_another_page_is_an_error_and_the_output_survives() {
    fails_keeping_output(
        &[
            (
                "content/2025/11/older.en.md",
                "---\ntitle: Older news\ndate: 2025-11-25 09:00\naliases:\n  - en/2025/11/summit/\n---\n\nOld.\n",
            ),
            (
                "content/2025/11/embargoed.en.md",
                "---\ntitle: Embargoed report\ndate: 2025-11-28 18:30\naliases:\n  - en/ok/\n  - \"../x/\"\n---\n\nNot yet.\n",
            ),
            (
                "content/2025/11/other.ar.md",
                "---\ntitle: أخرى\ndate: 2025-11-25 09:00\naliases: [ar/2025/11/old-summit/]\n---\n\nنص.\n",
            ),
        ],
        &[
            "error: the alias `/en/2025/11/summit/` is the address of content/2025/11/summit.en.md\n  --> content/2025/11/older.en.md:5:5",
            "error: invalid alias `../x/`: it is not a path inside the site",
            "--> content/2025/11/embargoed.en.md:6:5",
            "error: the alias `/ar/2025/11/old-summit/` is also an alias of content/2025/11/other.ar.md\n  --> content/2025/11/summit.ar.md:9:11",
        ],
    );
}

#[test]
fn corrections_are_shown_on_the_article_and_listed() {
    let site = newsroom_site();
    let r = site.path();
    assert_eq!(build(r, &["--now", NOW]).code, 0);
    let html = page(r, "ar/2025/11/summit");
    assert!(html.contains("<strong class=\"correction-label\">تصحيح</strong> <time datetime=\"2025-11-27T20:00:00+03:00\">٢٧ نوفمبر/تشرين الثاني ٢٠٢٥ الساعة ٢٠:٠٠ <span class=\"zone\">بتوقيت غرينتش+٣</span></time>: صُحّح عدد الوثائق.</li>"), "{html}");
    let list = page(r, "en/corrections");
    assert!(list.contains("<a href=\"/en/2025/11/summit/\">"), "{list}");
    assert!(list.contains("The number of documents was corrected."));
    assert!(page(r, "ar/corrections").contains("صُحّح عدد الوثائق."));
}

#[test]
fn authors_get_pages_feeds_and_translations() {
    let site = newsroom_site();
    let r = site.path();
    assert_eq!(build(r, &["--now", NOW]).code, 0);
    let en = page(r, "en/authors/sara");
    assert!(
        en.contains("<h1 class=\"section-title\"><bdi>Sara Ahmed</bdi></h1>"),
        "{en}"
    );
    assert!(en.contains("Correspondent in Riyadh."));
    assert!(en.contains("href=\"https://example.org/sara\""));
    assert!(en.contains("<link rel=\"alternate\" hreflang=\"ar\" href=\"https://news.example.org/ar/authors/sara/\">"), "{en}");
    let feed = read(&r.join("public/en/authors/sara/feed.xml"));
    assert!(feed.contains("/en/2025/11/summit/"), "{feed}");
    let index = page(r, "ar/authors");
    assert!(
        index.contains("<a href=\"/ar/authors/sara/\"><bdi>سارة أحمد</bdi></a>"),
        "{index}"
    );
    // the byline links to the page
    let article = page(r, "ar/2025/11/summit");
    assert!(article.contains("<a class=\"author\" href=\"/ar/authors/sara/\" rel=\"author\"><bdi>سارة أحمد</bdi></a>"), "{article}");

    // a byline in no table gets a page under its slug; one that gives no slug is shown without a
    // link, and the names after it keep their own pages
    write(
        r,
        "content/2025/11/older.en.md",
        "---\ntitle: Older news\ndate: 2025-11-25 09:00\nauthors: [\"—\", Omar Ali, sara]\n---\n\nOld.\n",
    );
    assert_eq!(build(r, &["--now", NOW]).code, 0);
    let older = page(r, "en/2025/11/older");
    assert!(
        older.contains("<bdi class=\"author\">—</bdi>, <a class=\"author\" href=\"/en/authors/omar-ali/\" rel=\"author\"><bdi>Omar Ali</bdi></a>, <a class=\"author\" href=\"/en/authors/sara/\" rel=\"author\"><bdi>Sara Ahmed</bdi></a>"),
        "{older}"
    );
    assert!(page(r, "en/authors/omar-ali").contains("<bdi>Omar Ali</bdi>"));
    let graph = jsonld(&older);
    let names: Vec<&str> = graph[0]["author"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|p| p["name"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(names, ["—", "Omar Ali", "Sara Ahmed"]);
    assert!(graph[0]["author"][0]["url"].is_null());
    assert_eq!(
        graph[0]["author"][2]["url"],
        "https://news.example.org/en/authors/sara/"
    );
}

#[test]
fn share_links_are_plain_links() {
    let site = newsroom_site();
    let r = site.path();
    assert_eq!(build(r, &["--now", NOW]).code, 0);
    let html = page(r, "ar/2025/11/summit");
    let url = "https%3A%2F%2Fnews.example.org%2Far%2F2025%2F11%2Fsummit%2F";
    for want in [
        format!("href=\"https://wa.me/?text=%D9%82%D9%85%D8%A9%20%D9%81%D9%8A%20%D8%A8%D9%8A%D8%B4%D9%83%D9%8A%D9%83%20{url}\""),
        format!("href=\"https://t.me/share/url?url={url}\""),
        format!("href=\"https://x.com/intent/post?url={url}\""),
        format!("href=\"https://www.facebook.com/sharer/sharer.php?u={url}\""),
        format!("href=\"mailto:?subject=%D9%82%D9%85%D8%A9%20%D9%81%D9%8A%20%D8%A8%D9%8A%D8%B4%D9%83%D9%8A%D9%83&amp;body={url}\""),
    ] {
        assert!(html.contains(&want), "{want} not in the page");
    }
    assert!(html.contains(">واتساب</a>") && html.contains(">انسخ الرابط</button>"));
    assert!(page(r, "en/2025/11/summit").contains(">Copy link</button>"));
    // no script from another site
    assert!(!html.contains("<script src=\"http"));
}

#[test]
fn an_error_in_a_draft_does_not_block_the_build() {
    let site = newsroom_site();
    let r = site.path();
    write(
        r,
        "content/2025/11/unfinished.en.md",
        "---\ntitle: Unfinished\ndate: 2025-11-27\ndraft: true\ntopics: [securty]\n---\n\nTK\n",
    );
    // a draft whose YAML does not even parse is still known as a draft
    write(
        r,
        "content/2025/11/broken.en.md",
        "---\ntitle: \"Broken\ndraft: true\n---\n\nTK\n",
    );
    let run = build(r, &["--now", NOW]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("warning: unknown topic `securty` (did you mean `security`?) (in a draft, left out of the site)\n  --> content/2025/11/unfinished.en.md:5:10"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("warning: invalid front matter: unclosed quote (in a draft, left out of the site)\n  --> content/2025/11/broken.en.md:2:8"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("left out: 2 drafts, "),
        "{}",
        run.stderr
    );
    // with --drafts it is an error again
    let run = build(r, &["--now", NOW, "--drafts"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("error: unknown topic `securty`"),
        "{}",
        run.stderr
    );
}

#[test]
fn newsroom_input_errors_name_file_and_line() {
    fails_keeping_output(
        &[
            (
                "content/2025/11/older.en.md",
                "---\ntitle: Older news\ndate: 2025-11-25 09:00\nexpires: 2025-11-24\ncorrections:\n  - date: 2025-13-01\n    text: Fixed.\n---\n\nOld.\n",
            ),
            ("authors.toml", "[sara]\nname = \"Sara\"\nwebsite = \"x\"\n"),
        ],
        &[
            "error: `expires` is not after `date`\n  --> content/2025/11/older.en.md:4:10",
            "error: invalid correction `date`: ",
            "--> content/2025/11/older.en.md:6:11",
            "error: invalid authors.toml: unknown field `website`",
            "--> authors.toml:3:1",
        ],
    );
}

#[test]
fn long_headlines_are_warned_about() {
    let site = newsroom_site();
    let r = site.path();
    let title = "word ".repeat(30);
    write(
        r,
        "content/2025/11/older.en.md",
        &format!(
            "---\ntitle: \"{}\"\ndate: 2025-11-25 09:00\n---\n\nOld.\n",
            title.trim()
        ),
    );
    let run = build(r, &["--now", NOW]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("warning: the headline has 149 characters; Google News uses at most 110\n  --> content/2025/11/older.en.md:2:8"),
        "{}",
        run.stderr
    );
    let graph = jsonld(&page(r, "en/2025/11/older"));
    let h = graph[0]["headline"].as_str().unwrap_or("");
    assert!(h.chars().count() <= 110 && h.ends_with('…'), "{h}");
}

/// extruct (the scrapers' library) reads the cards and JSON-LD as platforms do.
#[test]
fn extruct_reads_open_graph_and_json_ld() {
    let probe = std::process::Command::new("python3")
        .args(["-c", "import extruct"])
        .output();
    if !probe.is_ok_and(|o| o.status.success()) {
        assert!(
            std::env::var("CI").is_err(),
            "CI must install extruct (pip)"
        );
        eprintln!("skipped: pip install extruct");
        return;
    }
    let site = newsroom_site();
    let r = site.path();
    assert_eq!(build(r, &["--now", NOW]).code, 0);
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/extract_metadata.py");
    let out = std::process::Command::new("python3")
        .arg(&script)
        .arg(r.join("public/en/2025/11/summit/index.html"))
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_str(stdout.trim()).unwrap_or_else(|e| panic!("{e}: {stdout}"));
    assert_eq!(v["og"]["og:type"], "article");
    assert_eq!(
        v["og"]["og:url"],
        "https://news.example.org/en/2025/11/summit/"
    );
    let og_image = v["og"]["og:image"].as_str().unwrap_or_default();
    assert!(
        og_image.starts_with("https://news.example.org/2025/11/lead-social-500-500."),
        "{og_image}"
    );
    assert_eq!(
        v["jsonld_types"],
        serde_json::json!(["BreadcrumbList", "NewsArticle"])
    );
    assert_eq!(
        v["headline"],
        "Summit in Bishkek </script><script>alert(1)</script>"
    );
}

#[test]
fn a_static_file_at_an_alias_is_an_error() {
    fails_keeping_output(
        &[("static/en/2025/11/old-summit/index.html", "<p>old</p>")],
        &["error: this file would be written at /en/2025/11/old-summit/index.html, which is the generated page /en/2025/11/old-summit/\n  --> static/en/2025/11/old-summit/index.html"],
    );
}

const ALERTS: &str = r#"[[alert]]
lang = "ar"
text = "عاجل: انفجار في ميناء بيروت"
link = "/ar/2025/11/summit/"
start = "2025-11-28 09:00"
expires = "2025-11-28 21:00"

[[alert]]
lang = "en"
text = "Ceasefire <announced> & holding"
link = "https://example.net/live?a=1&b=2"
expires = 2025-11-28T21:00:00+03:00
"#;

/// Issue 33.2: an alert shows, while it runs, on its language's front page (in the HTML, for
/// readers without JavaScript) and in `/LANG/alert.json` (which the theme's script shows on every
/// other page); it is gone at the first build after it expires; its start and expiry are the
/// "next rebuild at".
#[test]
fn alerts_show_on_front_pages_and_in_alert_json_while_they_run() {
    let site = common::minimal_site();
    let r = site.path();
    write(r, "alerts.toml", ALERTS);
    let out = r.join("public");
    let at = |now: &str| {
        let run = nashra(r, &["build", "--now", now]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        run
    };
    let json = |lang: &str| -> Value {
        serde_json::from_str(&read(&out.join(format!("{lang}/alert.json"))))
            .unwrap_or_else(|e| panic!("{e}"))
    };

    // before the Arabic alert starts: only the English one shows
    let run = at("2025-11-28 08:00");
    assert!(
        run.stderr
            .contains("next: 2025-11-28 09:00 +03:00 — rebuild then (alerts.toml)"),
        "{}",
        run.stderr
    );
    assert_eq!(json("ar"), serde_json::json!({"alerts": []}));
    assert_eq!(
        json("en"),
        serde_json::json!({"alerts": [{
            "text": "Ceasefire <announced> & holding",
            "url": "https://example.net/live?a=1&b=2",
            "expires": "2025-11-28T21:00:00+03:00"
        }]})
    );
    let en = read(&out.join("en/index.html"));
    assert!(en.contains("<div class=\"alerts\" id=\"alerts\" data-src=\"/en/alert.json\" data-label=\"Breaking\" role=\"status\"><p class=\"alert\"><strong class=\"alert-label\">Breaking</strong> <a href=\"https://example.net/live?a=1&amp;b=2\">Ceasefire &lt;announced&gt; &amp; holding</a></p></div>"), "{en}");
    assert!(!read(&out.join("ar/index.html")).contains("class=\"alert\""));

    // while both run
    let run = at("2025-11-28 12:00");
    assert!(
        run.stderr
            .contains("next: 2025-11-28 21:00 +03:00 — rebuild then (alerts.toml)"),
        "{}",
        run.stderr
    );
    assert_eq!(
        json("ar")["alerts"][0]["url"],
        "/ar/2025/11/summit/",
        "{}",
        json("ar")
    );
    let ar = read(&out.join("ar/index.html"));
    assert!(ar.contains("<strong class=\"alert-label\">عاجل</strong> <a href=\"/ar/2025/11/summit/\">عاجل: انفجار في ميناء بيروت</a>"), "{ar}");
    // other pages carry the empty slot and the script, not the alert: an alert rewrites no
    // article page
    let article = read(&out.join("ar/2025/11/summit/index.html"));
    assert!(article.contains("<div class=\"alerts\" id=\"alerts\" data-src=\"/ar/alert.json\" data-label=\"عاجل\" role=\"status\"></div>\n<script src=\"/alert.js\" defer></script>"), "{article}");
    assert!(!article.contains("ميناء بيروت"));
    assert!(out.join("alert.js").is_file());

    // after both expire
    at("2025-11-28 21:00");
    for lang in ["ar", "en"] {
        assert_eq!(json(lang), serde_json::json!({"alerts": []}));
        assert!(!read(&out.join(format!("{lang}/index.html"))).contains("class=\"alert\""));
    }
}

/// Every kind of bad alert is an error at its line in alerts.toml, and the old output survives.
#[test]
fn bad_alerts_are_errors_at_their_line() {
    let site = common::minimal_site();
    let r = site.path();
    assert_eq!(nashra(r, &["build"]).code, 0);
    let before = tree(&r.join("public"));
    let head = "[[alert]]\nlang = \"ar\"\ntext = \"نص\"\n";
    let cases = [
        (
            format!("{head}link = \"/ar/\"\n"),
            "error: alert has no `expires`\n  --> alerts.toml:1:1",
        ),
        (
            "[[alert]]\nlang = \"fr\"\ntext = \"x\"\nexpires = \"2025-11-28 21:00\"\n".to_string(),
            "error: alert for `fr`, which is not a configured language\n  --> alerts.toml:2:8",
        ),
        (
            format!("{head}expires = \"2025-13-28 21:00\"\n"),
            "error: alert `expires`: ",
        ),
        (
            format!("{head}link = \"javascript:alert(1)\"\nexpires = \"2025-11-28 21:00\"\n"),
            "error: alert link `javascript:alert(1)` is neither a page of the site nor an http(s) address\n  --> alerts.toml:4:8",
        ),
        (
            format!("{head}start = \"2025-11-29 10:00\"\nexpires = \"2025-11-28 21:00\"\n"),
            "error: alert expires before it starts\n  --> alerts.toml:5:11",
        ),
        (
            "[[alert]]\nlang = \"ar\"\ntext = \"  \"\nexpires = \"2025-11-28 21:00\"\n".to_string(),
            "error: alert text is empty\n  --> alerts.toml:3:8",
        ),
        (
            "[[alert]]\nlang = \"ar\"\ntxt = \"x\"\n".to_string(),
            "error: invalid alerts.toml: unknown field `txt`",
        ),
    ];
    for (text, expected) in cases {
        write(r, "alerts.toml", &text);
        let run = nashra(r, &["build"]);
        assert_eq!(run.code, 1, "{text}: {}", run.stderr);
        assert!(run.stderr.contains(expected), "{text}: {}", run.stderr);
        assert_eq!(
            tree(&r.join("public")),
            before,
            "{text}: the old output changed"
        );
    }
    let long = "خبر ".repeat(100);
    write(
        r,
        "alerts.toml",
        &format!("[[alert]]\nlang = \"ar\"\ntext = \"{long}\"\nexpires = \"2025-11-28 21:00\"\n"),
    );
    let run = nashra(r, &["build"]);
    assert!(
        run.stderr
            .contains("error: alert text has 399 characters; a banner has at most 300"),
        "{}",
        run.stderr
    );
}

/// A contributor's branch commits `alerts.toml` as a link to a file outside the site: it is
/// refused, never read, and the old output survives.
#[cfg(unix)]
#[test]
fn an_alerts_file_that_is_a_link_is_refused() {
    let site = common::minimal_site();
    let r = site.path();
    assert_eq!(nashra(r, &["build"]).code, 0);
    let before = tree(&r.join("public"));
    let outside = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    write(
        outside.path(),
        "secret.toml",
        "[[alert]]\nlang = \"ar\"\ntext = \"SECRET\"\nexpires = \"2099-01-01 00:00\"\n",
    );
    std::os::unix::fs::symlink(outside.path().join("secret.toml"), r.join("alerts.toml"))
        .unwrap_or_else(|e| panic!("{e}"));
    let run = nashra(r, &["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(&format!(
            "error: alerts.toml is a symbolic link (to {}), which nashra does not follow",
            outside.path().join("secret.toml").display()
        )),
        "{}",
        run.stderr
    );
    assert_eq!(tree(&r.join("public")), before);
    assert!(!run.stderr.contains("SECRET"));
}
