//! The sample site as a reader navigates it: front pages grouped by day, pagination, topics,
//! countries, archives, related articles; every internal link resolves; every hreflang link is
//! answered by one back.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use common::{attr_values, file_for, hreflang_links, nashra, read, tree};

const BASE: &str = "https://nashra.example.org";

fn build_sample() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = tmp.path().join("site");
    let run = nashra(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &["build", "--output", &out.to_string_lossy()],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    (tmp, out)
}

fn html_pages(out: &Path) -> Vec<PathBuf> {
    tree(out)
        .into_keys()
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect()
}

#[test]
fn front_page_groups_by_day_and_paginates() {
    let (_t, out) = build_sample();
    let ar = read(&out.join("ar/index.html"));
    assert!(ar.contains("<h2 class=\"day-heading\"><time datetime=\"2025-11-27\">الخميس ٢٧ نوفمبر/تشرين الثاني ٢٠٢٥</time> <span class=\"hijri\">٦ جمادى الآخرة ١٤٤٧ هـ</span></h2>"), "{ar}");
    // paginate_by = 10 and 13 Arabic articles: two pages, newest first
    let first = ar.find("أوبك+ تبقي").unwrap_or(usize::MAX);
    let second = ar.find("قادة منظمة معاهدة").unwrap_or(0);
    assert!(first < second, "newest first");
    assert!(ar.contains("<link rel=\"next\" href=\"/ar/page/2/\">"));
    assert!(ar.contains("<a class=\"next\" rel=\"next\" href=\"/ar/page/2/\">"));
    let p2 = read(&out.join("ar/page/2/index.html"));
    assert!(p2.contains("<link rel=\"prev\" href=\"/ar/\">"));
    assert!(p2.contains("<span aria-current=\"page\">٢</span>"));
    assert!(!out.join("ar/page/1").exists(), "page 1 lives only at /ar/");
    assert!(!out.join("ar/page/3").exists());
    let en = read(&out.join("en/index.html"));
    assert!(en.contains("<time datetime=\"2025-11-27\">Thursday 27 November 2025</time>"));
}

#[test]
fn topic_and_country_pages_exist_in_both_languages_and_link_their_twins() {
    let (_t, out) = build_sample();
    for topic in [
        "security",
        "diplomacy",
        "economy",
        "energy",
        "migration",
        "climate",
        "health",
        "trade",
    ] {
        for (lang, other) in [("ar", "en"), ("en", "ar")] {
            let html = read(&out.join(format!("{lang}/topics/{topic}/index.html")));
            assert!(html.contains(&format!("<link rel=\"alternate\" hreflang=\"{other}\" href=\"{BASE}/{other}/topics/{topic}/\">")), "{lang} {topic}");
            assert!(out
                .join(format!("{lang}/topics/{topic}/feed.xml"))
                .is_file());
        }
    }
    let kg = read(&out.join("ar/countries/kg/index.html"));
    assert!(kg.contains("<h1 class=\"section-title\"><bdi>قيرغيزستان</bdi></h1>"));
    assert!(kg.contains(&format!(
        "<link rel=\"alternate\" hreflang=\"en\" href=\"{BASE}/en/countries/kg/\">"
    )));
    // an Arabic-only country (Algeria, from the Arabic-only dates article) has no English page,
    // and the Arabic page's switcher goes to the English countries index instead
    assert!(out.join("ar/countries/dz/index.html").is_file());
    assert!(!out.join("en/countries/dz").exists());
    let dz = read(&out.join("ar/countries/dz/index.html"));
    assert!(dz.contains("<a href=\"/en/countries/\" hreflang=\"en\" lang=\"en\" dir=\"ltr\"><bdi>English</bdi></a>"), "{dz}");
    assert!(!dz.contains("hreflang=\"en\" href="));
    let idx = read(&out.join("en/countries/index.html"));
    assert!(idx.contains("<a href=\"/en/countries/kg/\"><bdi>Kyrgyzstan</bdi></a> <span class=\"term-count\">One article</span>"), "{idx}");
}

#[test]
fn archives_list_months_newest_first() {
    let (_t, out) = build_sample();
    let ar = read(&out.join("ar/archive/index.html"));
    let nov = ar
        .find("<a href=\"/ar/2025/11/\">نوفمبر/تشرين الثاني ٢٠٢٥</a>")
        .unwrap_or(usize::MAX);
    let oct = ar
        .find("<a href=\"/ar/2025/10/\">أكتوبر/تشرين الأول ٢٠٢٥</a>")
        .unwrap_or(0);
    assert!(nov < oct, "{ar}");
    let month = read(&out.join("en/2025/09/index.html"));
    assert!(month.contains("<h1 class=\"section-title\">September 2025</h1>"));
    assert!(
        month.contains("One article"),
        "English has one September article"
    );
    assert!(month.contains(&format!(
        "<link rel=\"alternate\" hreflang=\"ar\" href=\"{BASE}/ar/2025/09/\">"
    )));
}

#[test]
fn article_pages_link_topics_countries_and_related_articles() {
    let (_t, out) = build_sample();
    let html = read(&out.join("en/2025/11/csto-summit-bishkek/index.html"));
    assert!(html.contains("<a class=\"tag\" href=\"/en/topics/security/\">Security</a>"));
    assert!(html.contains("<a class=\"tag\" href=\"/en/countries/kg/\"><bdi>Kyrgyzstan</bdi></a>"));
    let related = html
        .split("<aside class=\"related\"")
        .nth(1)
        .and_then(|s| s.split("</aside>").next())
        .unwrap_or_default();
    let links = attr_values(related, "href");
    assert!(!links.is_empty() && links.len() <= 5, "{links:?}");
    assert!(
        links.iter().all(|l| l.starts_with("/en/")),
        "related articles stay in the language: {links:?}"
    );
    assert!(!links.contains(&"/en/2025/11/csto-summit-bishkek/"));
}

#[test]
fn every_internal_link_resolves() {
    let (_t, out) = build_sample();
    let mut broken = Vec::new();
    let pages = html_pages(&out);
    assert!(pages.len() > 100);
    for rel in pages {
        let html = read(&out.join(&rel));
        let base_dir = format!(
            "/{}",
            rel.parent()
                .map(|p| p.to_string_lossy().into_owned())
                .unwrap_or_default()
        );
        for url in attr_values(&html, "href")
            .into_iter()
            .chain(attr_values(&html, "src"))
        {
            let path = if let Some(p) = url.strip_prefix(BASE) {
                p.to_string()
            } else if url.starts_with("http") || url.starts_with('#') || url.starts_with("mailto:")
            {
                continue;
            } else if url.starts_with('/') {
                url.to_string()
            } else {
                format!("{}/{url}", base_dir.trim_end_matches('/'))
            };
            if !file_for(&out, &path).is_file() {
                broken.push(format!("{}: {url}", rel.display()));
            }
        }
    }
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

/// hreflang links of pages and sitemap, and their reciprocity.
#[test]
fn hreflang_is_reciprocal_in_pages_and_sitemap() {
    let (_t, out) = build_sample();
    // page URL -> set of (lang, href) it declares
    let mut declared: BTreeMap<String, BTreeSet<(String, String)>> = BTreeMap::new();
    let mut x_defaults: BTreeMap<String, String> = BTreeMap::new();
    for rel in html_pages(&out) {
        let html = read(&out.join(&rel));
        let Some(canonical) = html
            .split("<link rel=\"canonical\" href=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
        else {
            continue;
        };
        let all = hreflang_links(&html);
        if let Some((_, xd)) = all.iter().find(|(l, _)| l == "x-default") {
            x_defaults.insert(canonical.to_string(), xd.clone());
        }
        let links: BTreeSet<(String, String)> =
            all.into_iter().filter(|(l, _)| l != "x-default").collect();
        if !links.is_empty() {
            declared.insert(canonical.to_string(), links);
        }
    }
    assert!(declared.len() > 50);
    // `/` is the language chooser: the front pages' x-default, itself listing them
    let root = format!("{BASE}/");
    for lang in ["ar", "en"] {
        let front = format!("{BASE}/{lang}/");
        assert_eq!(x_defaults.get(&front), Some(&root), "{front}: x-default");
        assert!(declared[&root].contains(&(lang.to_string(), front.clone())));
    }
    assert_eq!(x_defaults.get(&root), Some(&root));
    // an article's x-default is its default-language version
    assert_eq!(
        x_defaults
            .get(&format!("{BASE}/en/2025/11/csto-summit-bishkek/"))
            .map(String::as_str),
        Some(format!("{BASE}/ar/2025/11/csto-summit-bishkek/").as_str())
    );
    for (page, links) in &declared {
        for (lang, href) in links {
            let back = declared
                .get(href)
                .unwrap_or_else(|| panic!("{page} declares {lang} {href}, which declares nothing"));
            // a page links back by a language, or (the chooser) as its x-default
            assert!(
                back.iter().any(|(_, h)| h == page) || x_defaults.get(href) == Some(page),
                "{href} does not link back to {page}"
            );
            assert!(
                file_for(&out, href.trim_start_matches(BASE)).is_file(),
                "{href} does not exist"
            );
        }
    }
    // the sitemap declares exactly the same alternates
    let sitemap = read(&out.join("sitemap.xml"));
    let doc = roxmltree::Document::parse(&sitemap).unwrap_or_else(|e| panic!("sitemap: {e}"));
    let mut in_sitemap = 0;
    for url in doc.descendants().filter(|n| n.has_tag_name("url")) {
        let loc = url
            .children()
            .find(|n| n.has_tag_name("loc"))
            .and_then(|n| n.text())
            .unwrap_or_default();
        assert!(
            file_for(&out, loc.trim_start_matches(BASE)).is_file(),
            "sitemap lists {loc}, which does not exist"
        );
        let alts: BTreeSet<(String, String)> = url
            .children()
            .filter(|n| n.has_tag_name("link") && n.attribute("hreflang") != Some("x-default"))
            .filter_map(|n| {
                Some((
                    n.attribute("hreflang")?.to_string(),
                    n.attribute("href")?.to_string(),
                ))
            })
            .collect();
        if !alts.is_empty() {
            in_sitemap += 1;
            assert_eq!(
                declared.get(loc),
                Some(&alts),
                "sitemap and page disagree for {loc}"
            );
            assert!(
                url.children()
                    .any(|n| n.attribute("hreflang") == Some("x-default")),
                "{loc} has no x-default"
            );
        }
        // every page has a lastmod, except standalone pages written without `date`/`updated`
        let has_lastmod = url.children().any(|n| n.has_tag_name("lastmod"));
        assert_eq!(has_lastmod, !loc.ends_with("/about/"), "{loc}: lastmod");
    }
    assert_eq!(
        in_sitemap,
        declared.len(),
        "every page with translations is in the sitemap with them"
    );
    assert!(read(&out.join("robots.txt")).contains(&format!("Sitemap: {BASE}/sitemap.xml")));
}

fn child<'a, 'i>(n: roxmltree::Node<'a, 'i>, name: &str) -> Option<roxmltree::Node<'a, 'i>> {
    n.children()
        .find(|c| c.has_tag_name(("http://www.w3.org/2005/Atom", name)))
}

/// RFC 4287's required elements, checked on every feed of the sample site.
#[test]
fn feeds_are_well_formed_atom_with_absolute_urls() {
    let (_t, out) = build_sample();
    let atom = "http://www.w3.org/2005/Atom";
    let feeds: Vec<PathBuf> = tree(&out)
        .into_keys()
        .filter(|p| p.extension().is_some_and(|e| e == "xml") && p.ends_with("feed.xml"))
        .collect();
    assert!(feeds.len() > 40, "{} feeds", feeds.len());
    for rel in feeds {
        let text = read(&out.join(&rel));
        let doc =
            roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", rel.display()));
        let feed = doc.root_element();
        assert!(feed.has_tag_name((atom, "feed")), "{}", rel.display());
        for required in ["id", "title", "updated"] {
            assert!(
                child(feed, required).is_some(),
                "{}: feed has no {required}",
                rel.display()
            );
        }
        let self_link = feed
            .children()
            .find(|c| c.has_tag_name((atom, "link")) && c.attribute("rel") == Some("self"));
        let expected_self = format!("{BASE}/{}", rel.to_string_lossy());
        assert_eq!(
            self_link
                .and_then(|l| l.attribute("href"))
                .map(common::percent_decode),
            Some(expected_self)
        );
        let feed_author = child(feed, "author").is_some();
        let entries: Vec<_> = feed
            .children()
            .filter(|c| c.has_tag_name((atom, "entry")))
            .collect();
        assert!(!entries.is_empty() && entries.len() <= 20);
        // the language's feed carries whole articles, the others summaries (`term_feeds`)
        let language_feed = rel.components().count() == 2;
        for e in entries {
            let body = if language_feed { "content" } else { "summary" };
            for required in ["id", "title", "updated", "published", body] {
                assert!(
                    child(e, required).is_some(),
                    "{}: entry has no {required}",
                    rel.display()
                );
            }
            assert!(feed_author || child(e, "author").is_some());
            let href = e
                .children()
                .find(|c| c.has_tag_name((atom, "link")))
                .and_then(|l| l.attribute("href"))
                .unwrap_or_default();
            assert!(href.starts_with(BASE), "entry link {href} is not absolute");
            assert!(
                file_for(&out, href.trim_start_matches(BASE)).is_file(),
                "{href} does not exist"
            );
            let id = child(e, "id").and_then(|n| n.text()).unwrap_or_default();
            assert!(id.starts_with("tag:nashra.example.org,20"), "{id}");
        }
    }
    // the Arabic slug is percent-encoded in feeds
    let ar = read(&out.join("ar/feed.xml"));
    assert!(ar.contains(&format!(
        "{BASE}/ar/2025/09/%D8%AD%D8%B5%D8%A7%D8%AF-%D8%A7%D9%84%D8%AA%D9%85%D9%88%D8%B1/"
    )));
    assert!(ar.contains("xml:lang=\"ar\""));
}

/// feedparser, the parser most feed readers' authors test against, accepts every feed.
#[test]
fn feeds_pass_feedparser() {
    let has_feedparser = std::process::Command::new("python3")
        .args(["-c", "import feedparser"])
        .status()
        .is_ok_and(|s| s.success());
    if !has_feedparser {
        assert!(
            std::env::var("CI").is_err(),
            "CI must install feedparser (pip install feedparser)"
        );
        eprintln!(
            "skipped: the Python package feedparser is not installed (pip install feedparser)"
        );
        return;
    }
    let (_t, out) = build_sample();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/check_feeds.py");
    let run = std::process::Command::new("python3")
        .arg(script)
        .arg(&out)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        run.status.success(),
        "{}{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
}

/// Issue 31 (bytes written): topic, country, tag and author feeds carry each article's summary
/// and link, not a second copy of the whole article; the language's own feed carries whole
/// articles; `term_feeds = "full"` gives every feed whole articles; a wrong value is an error at
/// its line.
#[test]
fn term_feeds_carry_summaries_unless_the_site_asks_for_full_articles() {
    let site = common::minimal_site();
    let r = site.path();
    common::write(
        r,
        "content/2025/11/summit.en.md",
        "---\ntitle: \"Summit in Bishkek\"\ndate: 2025-11-27 10:30\nsummary: Leaders met.\ntopics: [security]\ncountries: [KG]\n---\n\nThe whole article, paragraph one.\n",
    );
    let run = nashra(r, &["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = r.join("public");
    let main = read(&out.join("en/feed.xml"));
    assert!(main.contains("The whole article, paragraph one."), "{main}");
    for term in ["en/topics/security/feed.xml", "en/countries/kg/feed.xml"] {
        let feed = read(&out.join(term));
        assert!(
            feed.contains("<summary type=\"text\">Leaders met.</summary>"),
            "{feed}"
        );
        assert!(feed.contains("/en/2025/11/summit/\"/>"), "{feed}");
        assert!(!feed.contains("<content"), "{feed}");
        assert!(!feed.contains("paragraph one"), "{feed}");
    }

    let toml = read(&r.join("site.toml"));
    common::write(r, "site.toml", &format!("term_feeds = \"full\"\n{toml}"));
    let run = nashra(r, &["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let topic = read(&out.join("en/topics/security/feed.xml"));
    assert!(
        topic.contains("The whole article, paragraph one."),
        "{topic}"
    );

    common::write(r, "site.toml", &format!("term_feeds = \"some\"\n{toml}"));
    let run = nashra(r, &["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "error: `term_feeds` is \"summary\" or \"full\", not \"some\"\n  --> site.toml:1:14"
        ),
        "{}",
        run.stderr
    );
    // the old output survived the refused build
    assert!(read(&out.join("en/topics/security/feed.xml")).contains("paragraph one"));
}

/// The JSON Feed 1.1 specification's required fields (and the ones nashra promises), on every
/// `feed.json` of the sample site: one beside every Atom feed, with the same entries in the same
/// order and the same ids; whole articles in the language's feed, summaries in the others;
/// bylines by name with their author page, never by key; pages link both feeds.
#[test]
fn json_feeds_follow_json_feed_1_1_beside_every_atom_feed() {
    let (_t, out) = build_sample();
    let atom = "http://www.w3.org/2005/Atom";
    let atom_feeds: Vec<PathBuf> = tree(&out)
        .into_keys()
        .filter(|p| p.ends_with("feed.xml"))
        .collect();
    assert!(atom_feeds.len() > 40, "{} feeds", atom_feeds.len());
    let rfc3339 = |s: &str| {
        s.len() == 25 && s.as_bytes()[10] == b'T' && (s.contains('+') || s[19..].contains('-'))
    };
    for atom_rel in atom_feeds {
        let rel = atom_rel.with_file_name("feed.json");
        let path = out.join(&rel);
        assert!(path.is_file(), "no {} beside its Atom feed", rel.display());
        let text = read(&path);
        let feed: serde_json::Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", rel.display()));
        let s = |v: &serde_json::Value, k: &str| v[k].as_str().map(str::to_string);
        assert_eq!(
            s(&feed, "version").as_deref(),
            Some("https://jsonfeed.org/version/1.1"),
            "{}",
            rel.display()
        );
        assert!(s(&feed, "title").is_some_and(|t| !t.is_empty()));
        assert_eq!(
            s(&feed, "feed_url").map(|u| common::percent_decode(&u)),
            Some(format!("{BASE}/{}", rel.to_string_lossy()))
        );
        let home = s(&feed, "home_page_url").unwrap_or_default();
        assert!(
            file_for(&out, home.trim_start_matches(BASE)).is_file(),
            "{home}"
        );
        let lang = rel
            .components()
            .next()
            .map(|c| c.as_os_str().to_string_lossy().into_owned());
        assert_eq!(s(&feed, "language"), lang);
        assert!(
            feed.get("hubs").is_none(),
            "no hub unless site.toml names one"
        );
        let items = feed["items"]
            .as_array()
            .unwrap_or_else(|| panic!("{}: items is not a list", rel.display()));
        // the same entries as the Atom feed, in its order, with its ids
        let atom_text = read(&out.join(&atom_rel));
        let doc = roxmltree::Document::parse(&atom_text).unwrap_or_else(|e| panic!("{e}"));
        let atom_ids: Vec<String> = doc
            .root_element()
            .children()
            .filter(|c| c.has_tag_name((atom, "entry")))
            .filter_map(|e| child(e, "id").and_then(|n| n.text()).map(str::to_string))
            .collect();
        let ids: Vec<String> = items.iter().filter_map(|i| s(i, "id")).collect();
        assert_eq!(ids, atom_ids, "{}", rel.display());
        let language_feed = rel.components().count() == 2;
        for item in items {
            let id = s(item, "id").unwrap_or_default();
            assert!(id.starts_with("tag:nashra.example.org,20"), "{id}");
            let url = s(item, "url").unwrap_or_default();
            assert!(
                file_for(&out, url.trim_start_matches(BASE)).is_file(),
                "{url} does not exist"
            );
            assert!(s(item, "title").is_some_and(|t| !t.is_empty()));
            if language_feed {
                let html = s(item, "content_html").unwrap_or_default();
                assert!(
                    html.contains("<p>"),
                    "{}: {id} has no article",
                    rel.display()
                );
            } else {
                assert!(
                    item.get("content_html").is_none(),
                    "{}: {id}",
                    rel.display()
                );
                assert!(s(item, "content_text").is_some_and(|t| !t.is_empty()));
            }
            for date in ["date_published", "date_modified"] {
                let d = s(item, date).unwrap_or_default();
                assert!(rfc3339(&d), "{}: {id} {date} {d:?}", rel.display());
            }
            assert_eq!(s(item, "language"), lang);
            for a in item["authors"].as_array().into_iter().flatten() {
                let name = s(a, "name").unwrap_or_default();
                assert!(!name.is_empty() && name != "desk", "{id}: author {a}");
                if let Some(page) = s(a, "url") {
                    assert!(
                        file_for(&out, page.trim_start_matches(BASE)).is_file(),
                        "{page}"
                    );
                }
            }
        }
    }
    // the desk's byline by name, with its page, in both formats
    let en = read(&out.join("en/feed.xml"));
    assert!(en.contains(
        "<author><name>Nashra desk</name><uri>https://nashra.example.org/en/authors/desk/</uri></author>"
    ), "{en}");
    assert!(!en.contains("<name>desk</name>"));
    // every page names both feeds of its language, a topic page its topic's too
    let front = read(&out.join("en/index.html"));
    assert!(
        front.contains(
            "<link rel=\"alternate\" type=\"application/feed+json\" title=\"Nashra\" href=\"/en/feed.json\">"
        ),
        "{front}"
    );
    let topic = read(&out.join("en/topics/security/index.html"));
    assert!(topic.contains("type=\"application/feed+json\""), "{topic}");
    assert!(
        topic.contains("href=\"/en/topics/security/feed.json\""),
        "{topic}"
    );
}

/// `websub_hub` names a WebSub hub in both formats of every feed (nashra never calls it); an
/// address that is not one is an error at its line, and the old output survives it.
#[test]
fn a_websub_hub_is_named_in_both_feed_formats() {
    let site = common::minimal_site();
    let r = site.path();
    let toml = read(&r.join("site.toml"));
    common::write(
        r,
        "site.toml",
        &format!("websub_hub = \"https://hub.example.net/\"\n{toml}"),
    );
    let run = nashra(r, &["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = r.join("public");
    for lang in ["ar", "en"] {
        let atom = read(&out.join(format!("{lang}/feed.xml")));
        assert!(
            atom.contains("<link rel=\"hub\" href=\"https://hub.example.net/\"/>"),
            "{atom}"
        );
        let json: serde_json::Value =
            serde_json::from_str(&read(&out.join(format!("{lang}/feed.json"))))
                .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            json["hubs"],
            serde_json::json!([{"type": "WebSub", "url": "https://hub.example.net/"}])
        );
    }
    for (bad, message) in [
        (
            "hub.example.net",
            "error: websub_hub `hub.example.net` must start with https:// or http://\n  --> site.toml:1:14",
        ),
        (
            "https://hub.example.net/\\\" onload=\\\"x",
            "error: websub_hub `https://hub.example.net/\" onload=\"x` may not contain spaces, quotes or angle brackets\n  --> site.toml:1:14",
        ),
    ] {
        common::write(r, "site.toml", &format!("websub_hub = \"{bad}\"\n{toml}"));
        let run = nashra(r, &["build"]);
        assert_eq!(run.code, 1, "{}", run.stderr);
        assert!(run.stderr.contains(message), "{}", run.stderr);
        // the old output survived the refused build
        assert!(read(&out.join("en/feed.xml")).contains("rel=\"hub\""));
    }
}
