//! Search (issue 12): the index nashra writes, queried through the same JavaScript the search
//! page runs (`static/search.js`, in Node), for the Arabic cases Pagefind gets wrong.

mod common;

use std::path::Path;
use std::process::Command;

use common::{nashra, read, write, SITE_TOML};
use serde_json::Value;

fn node(args: &[&str]) -> Value {
    let out = Command::new("node")
        .arg("tests/search/query.cjs")
        .arg("static/search.js")
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run node (needed by the search tests): {e}"));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "node failed: {}{}",
        stdout,
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"))
}

fn article(r: &Path, name: &str, title: &str, topics: &str, body: &str) {
    write(
        r,
        &format!("content/2025/11/{name}.md"),
        &format!("---\ntitle: \"{title}\"\ndate: 2025-11-2{} 10:30\ntopics: [{topics}]\ncountries: [KG]\n---\n\n{body}\n", name.len() % 9),
    );
}

/// Arabic articles that each hold one form of a word the issue names.
fn search_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let r = dir.path();
    write(r, "site.toml", SITE_TOML);
    article(
        r,
        "cabinet.ar",
        "تعديل وزاري",
        "economy",
        "أعلنت الرئاسة تشكيلة جديدة والحكومة تؤدي اليمين اليوم.",
    );
    article(
        r,
        "refugees.ar",
        "مخيمات اللاجئين",
        "security",
        "زار الوفد مخيمات الفلسطينيين في الأردن.",
    );
    article(
        r,
        "gaza.ar",
        "مؤتمر المانحين",
        "economy",
        "تعهد المانحون بدعم لبنان وفلسطين بمليار دولار.",
    );
    article(
        r,
        "official.ar",
        "تصريح",
        "security",
        "قال مسؤول في الوزارة إن المفاوضات مستمرة.",
    );
    article(
        r,
        "meeting.ar",
        "الاجتماع الوزاري في بيشكيك",
        "security",
        "عقد وزراء الخارجية اجتماعات مطوّلة.",
    );
    article(
        r,
        "iran.ar",
        "زيارة إلى إيران",
        "economy",
        "وصل الوفد إلى طهران، ومنها إلى كابل.",
    );
    article(
        r,
        "talks.en",
        "Ministers meet in Bishkek",
        "security",
        "The meetings of the foreign ministers went on for hours.",
    );
    article(
        r,
        "trade.en",
        "Trade figures",
        "economy",
        "Exports grew as ministers met traders.",
    );
    dir
}

fn built() -> tempfile::TempDir {
    let dir = search_site();
    let run = nashra(dir.path(), &["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    dir
}

fn query(out: &Path, lang: &str, queries: &[(&str, &str)]) -> Vec<Value> {
    let list: Vec<Value> = queries
        .iter()
        .map(|(q, topic)| {
            if topic.is_empty() {
                serde_json::json!([q, {}])
            } else {
                serde_json::json!([q, {"topic": topic}])
            }
        })
        .collect();
    let json = serde_json::to_string(&list).unwrap_or_default();
    let v = node(&[&out.to_string_lossy(), "query", lang, &json]);
    v.as_array().cloned().unwrap_or_default()
}

fn titles(result: &Value) -> Vec<String> {
    result["hits"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|h| h["t"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn the_normalisation_table_gives_the_same_stems_in_javascript() {
    let dir = built();
    let out = dir.path().join("public");
    let v = node(&[&out.to_string_lossy(), "terms", "tests/search/cases.tsv"]);
    assert!(v["cases"].as_u64().unwrap_or(0) > 30, "{v}");
    assert_eq!(v["failures"], serde_json::json!([]), "{v:#}");
}

#[test]
fn arabic_queries_find_every_form_of_the_word() {
    let dir = built();
    let out = dir.path().join("public");
    let cases: &[(&str, &[&str])] = &[
        // و + ال stripped: the article has only والحكومة
        ("حكومة", &["تعديل وزاري"]),
        ("الحكومة", &["تعديل وزاري"]),
        // فلسطين finds الفلسطينيين and وفلسطين
        ("فلسطين", &["مخيمات اللاجئين", "مؤتمر المانحين"]),
        // hamza seats
        ("مسئول", &["تصريح"]),
        ("مسؤول", &["تصريح"]),
        // the article, the plural, hamza on alef, tanween, harakat
        ("الاجتماع", &["الاجتماع الوزاري في بيشكيك"]),
        ("اجتماعات", &["الاجتماع الوزاري في بيشكيك"]),
        ("إجتماع", &["الاجتماع الوزاري في بيشكيك"]),
        ("اجتماعٌ", &["الاجتماع الوزاري في بيشكيك"]),
        // Persian keyboard: ی and ک
        ("ایران", &["زيارة إلى إيران"]),
        ("کابل", &["زيارة إلى إيران"]),
        // as the reader types: the start of a word
        ("بيشك", &["الاجتماع الوزاري في بيشكيك"]),
        // every word must match
        ("الوفد طهران", &["زيارة إلى إيران"]),
        ("الوفد كوبنهاغن", &[]),
    ];
    let queries: Vec<(&str, &str)> = cases.iter().map(|(q, _)| (*q, "")).collect();
    let results = query(&out, "ar", &queries);
    assert_eq!(results.len(), cases.len());
    for ((q, want), got) in cases.iter().zip(&results) {
        let mut got = titles(got);
        got.sort();
        let mut want: Vec<String> = want.iter().map(|s| s.to_string()).collect();
        want.sort();
        assert_eq!(got, want, "query {q}");
    }
    // results show the date in the site's digits and the match highlighted in the summary
    let r = &results[0];
    assert_eq!(r["hits"][0]["d"], "٢١ نوفمبر/تشرين الثاني ٢٠٢٥", "{r}");
    assert!(
        r["highlighted"]
            .as_str()
            .unwrap_or("")
            .contains("[والحكومة]"),
        "{r}"
    );
    assert!(
        r["hits"][0]["u"]
            .as_str()
            .unwrap_or("")
            .starts_with("/ar/2025/11/"),
        "{r}"
    );
}

#[test]
fn each_language_searches_its_own_articles_with_filters() {
    let dir = built();
    let out = dir.path().join("public");
    let en = query(
        &out,
        "en",
        &[
            ("meeting", ""),
            ("ministers", ""),
            ("ministers", "economy"),
            ("حكومة", ""),
        ],
    );
    assert_eq!(titles(&en[0]), ["Ministers meet in Bishkek"]);
    // the article with the word in its headline ranks first
    assert_eq!(
        titles(&en[1]),
        ["Ministers meet in Bishkek", "Trade figures"]
    );
    assert_eq!(titles(&en[2]), ["Trade figures"]);
    assert_eq!(titles(&en[3]), Vec::<String>::new());
    let ar = query(&out, "ar", &[("الوفد", ""), ("الوفد", "security")]);
    assert_eq!(titles(&ar[0]).len(), 2);
    assert_eq!(titles(&ar[1]), ["مخيمات اللاجئين"]);
}

#[test]
fn every_page_has_the_search_box_and_search_can_be_turned_off() {
    let dir = built();
    let r = dir.path();
    let front = read(&r.join("public/ar/index.html"));
    assert!(
        front.contains(
            "<form class=\"site-search\" role=\"search\" method=\"get\" action=\"/ar/search/\">"
        ),
        "{front}"
    );
    let page = read(&r.join("public/en/search/index.html"));
    assert!(page.contains("<html lang=\"en\" dir=\"ltr\">"));
    assert!(
        page.contains("<option value=\"economy\">Economy</option>"),
        "{page}"
    );
    assert!(page.contains("\"index\":\"/en/search/\""), "{page}");
    assert!(
        !page.contains("class=\"site-search\""),
        "one search box on the search page"
    );
    let ar = read(&r.join("public/ar/search/index.html"));
    assert!(ar.contains("<html lang=\"ar\" dir=\"rtl\">"));
    assert!(ar.contains("\"two\":\"نتيجتان\""), "{ar}");
    assert!(ar.contains("placeholder=\"ابحث في الأخبار…\""));
    // for readers, not search engines: noindex, not in the sitemap, no hreflang; the language
    // switch goes to the other search page
    let sitemap = read(&r.join("public/sitemap.xml"));
    assert!(!sitemap.contains("/search/"), "{sitemap}");
    assert!(ar.contains("<meta name=\"robots\" content=\"noindex, follow\">"));
    assert!(!ar.contains("hreflang=\"en\" href="), "{ar}");
    assert!(
        ar.contains("<a href=\"/en/search/\" hreflang=\"en\""),
        "{ar}"
    );

    write(r, "site.toml", &format!("search = false\n{SITE_TOML}"));
    let run = nashra(r, &["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!r.join("public/ar/search").exists());
    assert!(!read(&r.join("public/ar/index.html")).contains("site-search"));
}

#[test]
fn a_query_downloads_a_few_chunks_not_the_index() {
    // 600 articles with a shared vocabulary and a word of their own each
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let r = dir.path();
    write(r, "site.toml", SITE_TOML);
    let words = [
        "اقتصاد",
        "طاقة",
        "نفط",
        "غاز",
        "حدود",
        "لاجئين",
        "انتخابات",
        "برلمان",
    ];
    for i in 0..600 {
        let body: Vec<String> = (0..60)
            .map(|k| {
                format!(
                    "{}{}",
                    words[(i + k) % words.len()],
                    ["", "ات", "ية"][k % 3]
                )
            })
            .collect();
        write(
            r,
            &format!("content/2025/{:02}/a{i}.ar.md", i % 12 + 1),
            &format!(
                "---\ntitle: \"خبر رقم {i} عن كلمة{i}\"\ndate: 2025-{:02}-{:02} 10:00\n---\n\n{}\n",
                i % 12 + 1,
                i % 28 + 1,
                body.join(" ")
            ),
        );
    }
    let run = nashra(r, &["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = r.join("public");
    let total: u64 = walk_size(&out.join("ar/search"));
    let res = query(&out, "ar", &[("كلمة417", ""), ("نفط", "")]);
    assert_eq!(titles(&res[0]), ["خبر رقم 417 عن كلمة417"]);
    assert_eq!(res[1]["total"], 600, "{}", res[1]);
    let bytes = res[0]["bytes"].as_u64().unwrap_or(u64::MAX);
    assert!(bytes * 4 < total, "a query read {bytes} of {total} bytes");
}

/// `watch` (its rebuild stage, driven directly): an edited article is indexed again, and only it.
#[test]
fn watch_indexes_only_the_edited_article_again() {
    let dir = search_site();
    let root = dir.path().to_path_buf();
    let opts = nashra::build::BuildOptions {
        root: root.clone(),
        ..Default::default()
    };
    let diags = nashra::diagnostics::Diagnostics::new();
    let mut session = nashra::serve::session::Session::start(opts, &diags)
        .unwrap_or_else(|_| panic!("{:?}", diags.snapshot()));
    let out = session.output().to_path_buf();
    assert!(query(&out, "ar", &[("كوبنهاغن", "")])[0]["total"] == 0);
    let made = nashra::search::records_made();
    article(
        &root,
        "meeting.ar",
        "الاجتماع الوزاري في بيشكيك",
        "security",
        "عقد وزراء الخارجية اجتماعات مطوّلة، والاجتماع القادم في كوبنهاغن.",
    );
    let file = root.join("content/2025/11/meeting.ar.md");
    let rebuilt = session.apply(&[file], &diags);
    assert!(rebuilt.is_ok(), "{:?}", diags.snapshot());
    assert_eq!(
        nashra::search::records_made() - made,
        1,
        "records made again"
    );
    let res = query(&out, "ar", &[("كوبنهاغن", ""), ("حكومة", "")]);
    assert_eq!(titles(&res[0]), ["الاجتماع الوزاري في بيشكيك"]);
    assert_eq!(titles(&res[1]), ["تعديل وزاري"]);
    // a new article (the model is rebuilt): its record is made, the others' are kept
    let made = nashra::search::records_made();
    article(
        &root,
        "new.ar",
        "خبر جديد",
        "economy",
        "وصلت بعثة إلى نواكشوط.",
    );
    let rebuilt = session.apply(&[root.join("content/2025/11/new.ar.md")], &diags);
    assert!(rebuilt.is_ok(), "{:?}", diags.snapshot());
    assert_eq!(
        nashra::search::records_made() - made,
        1,
        "records made again"
    );
    assert_eq!(
        titles(&query(&out, "ar", &[("نواكشوط", "")])[0]),
        ["خبر جديد"]
    );
    // the replaced chunks are gone: one meta.json names every file there is
    let meta = read(&out.join("ar/search/meta.json"));
    for sub in ["t", "d"] {
        for e in std::fs::read_dir(out.join("ar/search").join(sub))
            .into_iter()
            .flatten()
            .flatten()
        {
            let name = e.file_name().to_string_lossy().to_string();
            let hash = name
                .trim_end_matches(".json")
                .rsplit('-')
                .next()
                .unwrap_or("")
                .to_string();
            assert!(
                meta.contains(&format!("\"{hash}\"")),
                "{sub}/{name} is not in meta.json"
            );
        }
    }
}

/// `search = "no"`: an error at its line and column, and the built site (and its index) stay.
#[test]
fn a_search_setting_that_is_not_true_or_false_is_an_error_and_the_output_survives() {
    let dir = built();
    let r = dir.path();
    let meta = read(&r.join("public/ar/search/meta.json"));
    write(r, "site.toml", &format!("search = \"no\"\n{SITE_TOML}"));
    let run = nashra(r, &["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "error: invalid type: string \"no\", expected a boolean\n  --> site.toml:1:10"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(read(&r.join("public/ar/search/meta.json")), meta);
}

/// A site under a path (`/news/`): the script looks for the index there and results link there.
#[test]
fn search_under_a_base_path() {
    let dir = search_site();
    let r = dir.path();
    let run = nashra(r, &["build", "--base-url", "https://example.org/news/"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = read(&r.join("public/ar/search/index.html"));
    assert!(page.contains("\"index\":\"/news/ar/search/\""), "{page}");
    assert!(
        page.contains("<script src=\"/news/search.js\" defer>"),
        "{page}"
    );
    let front = read(&r.join("public/en/index.html"));
    assert!(front.contains("action=\"/news/en/search/\""), "{front}");
    let entries: Vec<String> = std::fs::read_dir(r.join("public/ar/search/d"))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| read(&e.path()))
        .collect();
    assert!(!entries.is_empty());
    for e in &entries {
        let v: Value = serde_json::from_str(e).unwrap_or_else(|err| panic!("{err}: {e}"));
        for entry in v.as_array().into_iter().flatten() {
            let u = entry["u"].as_str().unwrap_or("");
            assert!(u.starts_with("/news/ar/2025/11/"), "{u}");
        }
    }
}

fn walk_size(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| {
            let p = e.path();
            if p.is_dir() {
                walk_size(&p)
            } else {
                e.metadata().map_or(0, |m| m.len())
            }
        })
        .sum()
}

/// Each article's Markdown is parsed once per build: its page, the feeds that carry it and its
/// search record share the parse (the feeds run first; the search index after every page).
#[test]
fn a_build_parses_each_body_once() {
    let dir = search_site();
    let root = dir.path().to_path_buf();
    let documents = walkdir::WalkDir::new(root.join("content"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .count();
    let diags = nashra::diagnostics::Diagnostics::new();
    let report = nashra::build::build(
        &nashra::build::BuildOptions {
            root: root.clone(),
            ..Default::default()
        },
        &diags,
    )
    .unwrap_or_else(|_| panic!("{:?}", diags.snapshot()));
    assert!(documents >= 6, "{documents}");
    assert_eq!(report.bodies_parsed, documents);
    // and the record made from the page's parse is in the index
    let out = root.join("public");
    assert_eq!(
        titles(&query(&out, "ar", &[("بيشكيك", "")])[0]),
        ["الاجتماع الوزاري في بيشكيك"]
    );
}

/// The stems of `word`, as the index writes them.
fn stems(word: &str) -> Vec<String> {
    let mut v = Vec::new();
    nashra::search::normalize::forms(
        word,
        &mut nashra::search::normalize::Scratch::default(),
        |f| v.push(f.to_string()),
    );
    v
}

/// Article `i` of a hand-made index: the given stems, each in its headline, and the entry
/// `مقال i`.
fn record(i: usize, terms: &[&String]) -> std::sync::Arc<nashra::search::Record> {
    let entry =
        serde_json::json!({"u": format!("/ar/{i}/"), "t": format!("مقال {i}"), "d": "", "s": ""});
    std::sync::Arc::new(nashra::search::Record::new(
        terms.iter().map(|t| (t.as_str(), 3u8)),
        &entry.to_string(),
    ))
}

/// Replaces the Arabic index of the built site `out` with one of `records` under `limits`;
/// returns the files written (relative to `out`).
fn write_index(
    out: &Path,
    records: &[std::sync::Arc<nashra::search::Record>],
    limits: nashra::search::index::Limits,
) -> Vec<String> {
    std::fs::remove_dir_all(out.join("ar/search")).unwrap_or_else(|e| panic!("{e}"));
    let files = nashra::search::index::files_with("ar/search/", records, &[], limits);
    files
        .into_iter()
        .map(|(rel, bytes)| {
            let path = out.join(&rel);
            std::fs::create_dir_all(path.parent().unwrap_or(out)).unwrap_or_else(|e| panic!("{e}"));
            std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{e}"));
            rel
        })
        .collect()
}

/// A big index names its entry chunks in pages (`e/P-H.json`) instead of in `meta.json`, which
/// every query loads; the script follows the page to the chunk. Written here with pages of two
/// names, as an index of more than 8,192 articles is written with pages of 1,024.
#[test]
fn entry_chunk_names_in_pages_are_followed() {
    let dir = built();
    let out = dir.path().join("public");
    let (talks, economy) = (stems("مفاوضات"), stems("اقتصاد"));
    let records: Vec<_> = (0..40)
        .map(|i| {
            let terms = if i % 3 == 0 { &talks } else { &economy };
            record(i, &terms.iter().collect::<Vec<_>>())
        })
        .collect();
    let limits = nashra::search::index::Limits {
        entry_page: 2,
        ..Default::default()
    };
    write_index(&out, &records, limits);
    let search = out.join("ar/search");
    let meta: Value = serde_json::from_slice(
        &std::fs::read(search.join("meta.json")).unwrap_or_else(|e| panic!("{e}")),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    // 40 entries, 8 to a chunk: 5 chunks named in 3 pages of 2
    assert_eq!(meta["entries"], serde_json::json!([]));
    assert_eq!(meta["entry_pages"].as_array().map(Vec::len), Some(3));
    let res = query(&out, "ar", &[("مفاوضات", "")]);
    assert_eq!(res[0]["total"], 14, "{:#}", res[0]);
    let want: Vec<String> = (0..10).map(|k| format!("مقال {}", k * 3)).collect();
    assert_eq!(titles(&res[0]), want);
}

/// A stem in more articles than a term chunk holds has its postings in parts, newest articles
/// first. Alone, the word loads only the newest part; beside a rarer word, only the parts
/// holding that word's articles, so an old article with both is still found. Written here with
/// parts of 8 bytes, as a big archive's commonest words are written with parts of 64 KB.
#[test]
fn a_common_word_loads_only_the_parts_it_needs() {
    let dir = built();
    let out = dir.path().join("public");
    let (talks, rare) = (stems("مفاوضات"), stems("بيشكيك"));
    let records: Vec<_> = (0..60)
        .map(|i| {
            let mut terms: Vec<&String> = Vec::new();
            if i % 2 == 0 {
                terms.extend(&talks);
            }
            if i == 4 || i == 58 {
                terms.extend(&rare);
            }
            record(i, &terms)
        })
        .collect();
    let limits = nashra::search::index::Limits {
        part_bytes: 8,
        ..Default::default()
    };
    let files = write_index(&out, &records, limits);
    let parts = files
        .iter()
        .filter(|p| p.starts_with("ar/search/p/"))
        .count();
    assert!(parts >= 5, "{parts} parts");
    let loaded = |r: &Value| {
        r["files"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|f| f.as_str().is_some_and(|f| f.contains("/search/p/")))
            .count()
    };
    let res = query(&out, "ar", &[("مفاوضات", ""), ("مفاوضات بيشكيك", "")]);
    // alone: the newest part (articles 0 to 8)
    assert_eq!(
        titles(&res[0]),
        ["مقال 0", "مقال 2", "مقال 4", "مقال 6", "مقال 8"]
    );
    assert_eq!(loaded(&res[0]), 1, "{:#}", res[0]);
    // with the rarer word: the two parts that hold its articles, the newest and the oldest
    assert_eq!(titles(&res[1]), ["مقال 4", "مقال 58"]);
    assert_eq!(loaded(&res[1]), 2, "{:#}", res[1]);
}
