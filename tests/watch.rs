//! `nashra watch` as an editor uses it: a real server on a free port, real file edits, the
//! reload event, the error overlay, deletions, path traversal attempts, and incremental output
//! that matches a full build byte for byte.

mod common;

use std::io::Write;
use std::net::TcpStream;
use std::path::Path;
use std::time::{Duration, Instant};

use common::watch::{get, request, start, Events};
use common::{minimal_site, nashra, tree, write};

const PAGE: &str = "/ar/2025/11/summit/";

#[test]
fn edits_reload_errors_show_and_recover() {
    let site = minimal_site();
    let root = site.path();
    let w = start(root, &[]);
    let page = get(&w.addr, PAGE);
    assert_eq!(page.status, 200);
    assert!(page
        .headers
        .contains("content-type: text/html; charset=utf-8"));
    assert!(page.body.contains("نص المقال"));
    assert!(
        page.body
            .contains("<script src=\"/__nashra/live.js\"></script></body>"),
        "the reload script is injected while watching"
    );
    let on_disk = std::fs::read_to_string(root.join("public/ar/2025/11/summit/index.html"))
        .unwrap_or_default();
    assert!(
        !on_disk.contains("__nashra"),
        "never into the files: they are the same as `build` output"
    );

    let mut events = Events::open(&w.addr);
    write(
        root,
        "content/2025/11/summit.ar.md",
        &common::ARTICLE_AR.replace("نص المقال.", "نص جديد بعد الحفظ."),
    );
    events.wait_for("event: reload");
    assert!(get(&w.addr, PAGE).body.contains("نص جديد بعد الحفظ."));

    // a bad save: the error is pushed to open pages, and the last good page is still served
    write(
        root,
        "content/2025/11/summit.ar.md",
        "---\ntitle: \"قمة\ndate: 2025-11-27\n---\nنص معطوب.\n",
    );
    let got = events.wait_for("event: build-error");
    let rest = events.wait_for("\n\n");
    assert!(
        format!("{got}{rest}").contains("invalid front matter: unclosed quote"),
        "{got}{rest}"
    );
    let still = get(&w.addr, PAGE);
    assert_eq!(still.status, 200);
    assert!(
        still.body.contains("نص جديد بعد الحفظ."),
        "the last good site keeps being served"
    );
    // a page opened while the error stands learns it at once
    let mut late = Events {
        stream: TcpStream::connect(&w.addr).unwrap_or_else(|e| panic!("{e}")),
        seen: String::new(),
    };
    write!(
        late.stream,
        "GET /__nashra/events HTTP/1.1\r\nHost: {}\r\n\r\n",
        w.addr
    )
    .unwrap_or_else(|e| panic!("{e}"));
    late.stream
        .set_read_timeout(Some(Duration::from_millis(200)))
        .ok();
    late.wait_for("event: build-error");

    // a good save recovers
    write(
        root,
        "content/2025/11/summit.ar.md",
        &common::ARTICLE_AR.replace("نص المقال.", "نص مصلح."),
    );
    events.wait_for("event: reload");
    assert!(get(&w.addr, PAGE).body.contains("نص مصلح."));

    // an editor that saves by writing a temporary file and renaming it over the article (vim,
    // JetBrains)
    write(
        root,
        "content/2025/11/.summit.ar.md.swp",
        &common::ARTICLE_AR.replace("نص المقال.", "نص بعد إعادة التسمية."),
    );
    std::fs::rename(
        root.join("content/2025/11/.summit.ar.md.swp"),
        root.join("content/2025/11/summit.ar.md"),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    events.wait_for("event: reload");
    assert!(get(&w.addr, PAGE).body.contains("نص بعد إعادة التسمية."));
}

#[test]
fn deleting_an_article_removes_its_page_and_its_entries() {
    let site = minimal_site();
    let root = site.path();
    write(
        root,
        "content/2025/10/older.en.md",
        "---\ntitle: An older story\ndate: 2025-10-01\ntopics: [economy]\n---\nText.\n",
    );
    let w = start(root, &[]);
    assert!(get(&w.addr, "/en/").body.contains("An older story"));
    assert_eq!(get(&w.addr, "/en/topics/economy/").status, 200);
    let mut events = Events::open(&w.addr);
    std::fs::remove_file(root.join("content/2025/10/older.en.md"))
        .unwrap_or_else(|e| panic!("{e}"));
    events.wait_for("event: reload");
    let gone = get(&w.addr, "/en/2025/10/older/");
    assert_eq!(gone.status, 404);
    assert!(
        gone.body.contains("Page not found"),
        "the site's own 404 page"
    );
    assert!(!get(&w.addr, "/en/").body.contains("An older story"));
    assert_eq!(
        get(&w.addr, "/en/topics/economy/").status,
        404,
        "the topic has no English articles left"
    );
    assert!(!root.join("public/en/2025/10").exists());
}

#[test]
fn only_files_inside_the_output_are_served() {
    let site = minimal_site();
    let root = site.path();
    let w = start(root, &[]);
    // a symlink inside the output that points out of it
    #[cfg(unix)]
    std::os::unix::fs::symlink(root.join("site.toml"), root.join("public/leak.txt"))
        .unwrap_or_else(|e| panic!("{e}"));
    for raw in [
        "/../site.toml",
        "/ar/../../site.toml",
        "/%2e%2e/site.toml",
        "/%2E%2E/%2E%2E/site.toml",
        "/ar%2f..%2f..%2fsite.toml",
        "/..%5csite.toml",
        "/ar\\..\\..\\site.toml",
        "//etc/passwd",
        "/%00",
        "/leak.txt",
    ] {
        let r = get(&w.addr, raw);
        if r.status == 301 {
            // `//etc/passwd` is merged to `/etc/passwd`, a path inside the site
            assert!(
                r.headers.contains("location: /etc/passwd"),
                "{raw}: {}",
                r.headers
            );
            continue;
        }
        assert!(
            matches!(r.status, 400 | 403 | 404),
            "{raw}: status {}",
            r.status
        );
        assert!(!r.body.contains("base_url"), "{raw} leaked site.toml");
        assert!(!r.body.contains("root:"), "{raw} leaked a system file");
    }
}

#[test]
fn content_types_directories_and_404() {
    let site = minimal_site();
    let w = start(site.path(), &[]);
    assert!(get(&w.addr, "/ar/feed.xml")
        .headers
        .contains("content-type: application/atom+xml; charset=utf-8"));
    assert!(get(&w.addr, "/sitemap.xml")
        .headers
        .contains("content-type: application/xml; charset=utf-8"));
    assert!(get(&w.addr, "/ar/manifest.webmanifest")
        .headers
        .contains("content-type: application/manifest+json"));
    assert!(get(&w.addr, "/style.css")
        .headers
        .contains("content-type: text/css"));
    assert!(get(&w.addr, "/sitemap.xml").body.contains("<urlset"));
    let dir = get(&w.addr, "/ar");
    assert_eq!(dir.status, 301);
    assert!(dir.headers.contains("location: /ar/"));
    let root = get(&w.addr, "/");
    assert_eq!(root.status, 200);
    assert!(root.body.contains("<a href=\"/ar/\" hreflang=\"ar\">"));
    let missing = get(&w.addr, "/no/such/page/");
    assert_eq!(missing.status, 404);
    assert!(missing.body.contains("الصفحة غير موجودة"));
}

/// A series of edits made while watching leaves exactly the files a fresh full build makes.
#[test]
fn incremental_rebuilds_match_a_full_build() {
    let site = minimal_site();
    let root = site.path();
    for i in 0..25 {
        write(
            root,
            &format!("content/2025/{:02}/story-{i}.en.md", 9 + i % 3),
            &format!("---\ntitle: Story {i}\ndate: 2025-{:02}-{:02} 08:00\ntopics: [{}]\ncountries: [{}]\n---\nBody {i}.\n", 9 + i % 3, 1 + i, if i % 2 == 0 { "security" } else { "economy" }, ["SA", "EG", "KG"][i % 3]),
        );
    }
    write(
        root,
        "content/2025/11/photo.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    let w = start(root, &[]);
    let mut events = Events::open(&w.addr);
    let mut step = |f: &dyn Fn(&Path)| {
        f(root);
        events.wait_for("event: reload");
    };
    // a body edit, a title edit, a new article, a deletion, a topic move, a date move, a slug change,
    // a translation added, a draft, an asset change
    step(&|r| {
        write(r, "content/2025/09/story-0.en.md", "---\ntitle: Story 0\ndate: 2025-09-01 08:00\ntopics: [security]\ncountries: [SA]\n---\nA new body.\n")
    });
    step(&|r| {
        write(r, "content/2025/10/story-1.en.md", "---\ntitle: A new headline\ndate: 2025-10-02 08:00\ntopics: [economy]\ncountries: [EG]\n---\nBody 1.\n")
    });
    // a summary written, then changed: topic and country feeds carry it (not the body)
    step(&|r| {
        write(r, "content/2025/10/story-1.en.md", "---\ntitle: A new headline\ndate: 2025-10-02 08:00\nsummary: Rates rose.\ntopics: [economy]\ncountries: [EG]\n---\nBody 1.\n")
    });
    step(&|r| {
        write(r, "content/2025/10/story-1.en.md", "---\ntitle: A new headline\ndate: 2025-10-02 08:00\nsummary: Rates rose again.\ntopics: [economy]\ncountries: [EG]\n---\nBody 1.\n")
    });
    step(&|r| {
        write(r, "content/2025/11/fresh.en.md", "---\ntitle: Fresh\ndate: 2025-11-30 09:00\ntopics: [economy]\ncountries: [DZ]\n---\nNew.\n")
    });
    step(&|r| {
        std::fs::remove_file(r.join("content/2025/11/story-2.en.md"))
            .unwrap_or_else(|e| panic!("{e}"))
    });
    step(&|r| {
        write(r, "content/2025/09/story-3.en.md", "---\ntitle: Story 3\ndate: 2025-09-04 08:00\ntopics: [security, economy]\ncountries: [SA, KG]\n---\nBody 3.\n")
    });
    step(&|r| {
        write(r, "content/2025/10/story-4.en.md", "---\ntitle: Story 4\ndate: 2024-01-05 08:00\ntopics: [security]\ncountries: [KG]\n---\nBody 4.\n")
    });
    step(&|r| {
        write(r, "content/2025/11/story-5.en.md", "---\ntitle: Story 5\ndate: 2025-11-06 08:00\nslug: renamed\ntopics: [economy]\ncountries: [KG]\n---\nBody 5.\n")
    });
    step(&|r| {
        write(r, "content/2025/11/story-5.ar.md", "---\ntitle: قصة ٥\ndate: 2025-11-06 08:00\nslug: renamed\ntopics: [economy]\ncountries: [KG]\n---\nنص.\n")
    });
    step(&|r| {
        write(
            r,
            "content/2025/09/story-6.en.md",
            "---\ntitle: Story 6\ndate: 2025-09-07 08:00\ndraft: true\n---\nBody 6.\n",
        )
    });
    // a title edit of an article that has a translation (its twin shows the title)
    step(&|r| {
        write(
            r,
            "content/2025/11/summit.ar.md",
            &common::ARTICLE_AR.replace("قمة في بيشكيك", "عنوان معدّل"),
        )
    });
    step(&|r| {
        write(
            r,
            "content/2025/11/photo.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect/></svg>",
        )
    });
    // newsroom keys: an author, a correction and an alias added; then the alias removed and the
    // byline changed; an article that expired
    step(&|r| {
        write(r, "content/2025/10/story-7.en.md", "---\ntitle: Story 7\ndate: 2025-10-08 08:00\ntopics: [security]\nauthors: [Sara Ahmed]\naliases: [en/old-7/]\ncorrections:\n  - {date: 2025-10-09 10:00, text: Fixed a name.}\n---\nBody 7.\n")
    });
    step(&|r| {
        write(r, "content/2025/10/story-7.en.md", "---\ntitle: Story 7\ndate: 2025-10-08 08:00\ntopics: [security]\nauthors: [Omar Ali]\ncorrections:\n  - {date: 2025-10-09 10:00, text: Fixed a name.}\n---\nBody 7.\n")
    });
    step(&|r| {
        write(r, "content/2025/09/story-9.en.md", "---\ntitle: Story 9\ndate: 2025-09-10 08:00\nexpires: 2025-09-20 08:00\n---\nBody 9.\n")
    });
    // free tags: the language's first tag (its index page appears), a second article joins the
    // tag, the first one's tag is renamed, and the last tag goes (the index goes with it)
    step(&|r| {
        write(
            r,
            "content/2025/10/story-10.en.md",
            "---\ntitle: Story 10\ndate: 2025-10-11 08:00\ntags: [Water]\n---\nBody 10.\n",
        )
    });
    step(&|r| {
        write(r, "content/2025/11/story-11.en.md", "---\ntitle: Story 11\ndate: 2025-11-12 08:00\ncategories: water, دجلة\n---\nBody 11.\n")
    });
    step(&|r| {
        write(
            r,
            "content/2025/10/story-10.en.md",
            "---\ntitle: Story 10\ndate: 2025-10-11 08:00\ntags: [Rivers]\n---\nBody 10.\n",
        )
    });
    step(&|r| {
        write(
            r,
            "content/2025/10/story-10.en.md",
            "---\ntitle: Story 10\ndate: 2025-10-11 08:00\n---\nBody 10.\n",
        );
    });
    step(&|r| {
        write(
            r,
            "content/2025/11/story-11.en.md",
            "---\ntitle: Story 11\ndate: 2025-11-12 08:00\n---\nBody 11.\n",
        )
    });
    // a link to a draft's file (shown as text), the draft published (the link appears), and made
    // a draft again (the linking page must lose the link once more)
    step(&|r| {
        write(
            r,
            "content/2025/09/story-12.en.md",
            "---\ntitle: Story 12\ndate: 2025-09-13 08:00\n---\nSee [story six](story-6.en.md).\n",
        )
    });
    step(&|r| {
        write(
            r,
            "content/2025/09/story-6.en.md",
            "---\ntitle: Story 6\ndate: 2025-09-07 08:00\n---\nBody 6.\n",
        )
    });
    step(&|r| {
        write(
            r,
            "content/2025/09/story-6.en.md",
            "---\ntitle: Story 6\ndate: 2025-09-07 08:00\ndraft: true\n---\nBody 6.\n",
        )
    });
    drop(w);

    let watched = tree(&root.join("public"));
    let fresh = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = fresh.path().join("out");
    let run = nashra(root, &["build", "--output", &out.to_string_lossy()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let full = tree(&out);
    let twelve = String::from_utf8_lossy(
        full.get(Path::new("en/2025/09/story-12/index.html"))
            .map_or(&[][..], Vec::as_slice),
    )
    .into_owned();
    assert!(twelve.contains("See story six."), "{twelve}");
    let only_watch: Vec<_> = watched.keys().filter(|k| !full.contains_key(*k)).collect();
    let only_full: Vec<_> = full.keys().filter(|k| !watched.contains_key(*k)).collect();
    assert!(
        only_watch.is_empty() && only_full.is_empty(),
        "files only after watch: {only_watch:?}\nfiles only after build: {only_full:?}"
    );
    for (k, v) in &full {
        if k.as_path() == Path::new(".nashra") {
            continue; // watch appends what it wrote to the manifest; a build writes it sorted
        }
        assert!(
            watched.get(k) == Some(v),
            "{} differs from a full build",
            k.display()
        );
    }
}

#[test]
fn a_port_in_use_is_a_clear_error() {
    let site = minimal_site();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap_or_else(|e| panic!("{e}"));
    let port = taken
        .local_addr()
        .map(|a| a.port())
        .unwrap_or(0)
        .to_string();
    let run = nashra(site.path(), &["watch", "--port", &port]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains(&format!("error: cannot listen on 127.0.0.1:{port}")),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("--port 0"), "{}", run.stderr);
}

#[test]
fn init_makes_a_site_that_builds_and_new_writes_an_article_that_parses() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let site = dir.path().join("newsroom");
    let run = nashra(dir.path(), &["init", "newsroom"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for f in [
        "site.toml",
        ".gitignore",
        "content/pages/about.ar.md",
        "templates/.gitkeep",
        "locales/ar/.gitkeep",
        "locales/en/.gitkeep",
    ] {
        assert!(site.join(f).exists(), "{f}");
    }
    let built = nashra(&site, &["build"]);
    assert_eq!(built.code, 0, "{}", built.stderr);
    assert!(
        built
            .stderr
            .contains("ar: 1 article, 1 page; en: 1 article, 1 page"),
        "{}",
        built.stderr
    );
    // init refuses a folder that is not empty
    let again = nashra(dir.path(), &["init", "newsroom"]);
    assert_eq!(again.code, 1);
    assert!(again.stderr.contains("is not empty"));

    let new = nashra(&site, &["new", "2025/11/summit", "--title", "قمة بيشكيك"]);
    assert_eq!(new.code, 0, "{}", new.stderr);
    let file = site.join("content/2025/11/summit.ar.md");
    let text = std::fs::read_to_string(&file).unwrap_or_default();
    assert!(
        text.starts_with("---\ntitle: \"قمة بيشكيك\"\ndate: 20"),
        "{text}"
    );
    assert!(
        text.contains("\ntopics: []\ncountries: []\ndraft: true\n---\n\nاكتبوا نص المقال هنا.\n"),
        "{text}"
    );
    assert!(text.contains("\n# summary: "), "{text}");
    assert!(
        new.stderr.contains("is a draft") && new.stderr.contains("delete its `draft: true` line"),
        "{}",
        new.stderr
    );
    let en = nashra(&site, &["new", "content/2025/11/summit", "--lang", "en"]);
    assert_eq!(en.code, 0, "{}", en.stderr);
    assert!(
        std::fs::read_to_string(site.join("content/2025/11/summit.en.md"))
            .unwrap_or_default()
            .contains("title: \"summit\"")
    );
    // refuses to overwrite
    let twice = nashra(&site, &["new", "2025/11/summit"]);
    assert_eq!(twice.code, 1);
    assert!(twice.stderr.contains("already exists"), "{}", twice.stderr);
    // drafts are left out of a normal build and built with --drafts
    let b = nashra(&site, &["build", "--drafts"]);
    assert_eq!(b.code, 0, "{}", b.stderr);
    assert!(b.stderr.contains("ar: 2 articles"), "{}", b.stderr);
    let pages = tree(&site.join("public/en"));
    let page = pages
        .iter()
        .find(|(p, _)| p.ends_with("summit/index.html"))
        .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
        .unwrap_or_default();
    assert!(page.contains("Write the article here."), "{page}");
}

/// A burst of changes (a `git checkout`): every file ends up built, and the result equals a full
/// build.
#[test]
fn a_burst_of_changes_ends_in_the_state_of_a_full_build() {
    let site = minimal_site();
    let root = site.path();
    let w = start(root, &[]);
    let mut events = Events::open(&w.addr);
    for i in 0..200 {
        write(
            root,
            &format!("content/2025/{:02}/burst-{i}.en.md", 1 + i % 12),
            &format!("---\ntitle: Burst {i}\ndate: 2025-{:02}-10 08:00\ntopics: [economy]\n---\nBody {i}.\n", 1 + i % 12),
        );
    }
    // the last save of the burst; once it is served, every earlier one has been seen
    write(
        root,
        "content/2025/11/summit.ar.md",
        &common::ARTICLE_AR.replace("نص المقال.", "آخر حفظ."),
    );
    let deadline = Instant::now() + Duration::from_secs(60);
    while !get(&w.addr, PAGE).body.contains("آخر حفظ.") {
        assert!(
            Instant::now() < deadline,
            "the last save of the burst was never served"
        );
        let _ = events.wait_for("event: reload");
    }
    drop(w);
    let fresh = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = fresh.path().join("out");
    let run = nashra(root, &["build", "--output", &out.to_string_lossy()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        tree(&root.join("public")) == tree(&out),
        "the watched output differs from a full build"
    );
    assert!(out.join("en/2025/03/burst-2/index.html").is_file());
}

#[test]
fn a_site_broken_from_the_start_is_served_once_it_is_fixed() {
    let site = minimal_site();
    let root = site.path();
    write(
        root,
        "content/2025/11/summit.ar.md",
        "---\ntitle: \"قمة\ndate: 2025-11-27\n---\nنص معطوب.\n",
    );
    let w = start(root, &[]);
    // nothing was built: the server answers 404 and tells open pages about the error at once
    assert_eq!(get(&w.addr, PAGE).status, 404);
    let mut events = Events {
        stream: TcpStream::connect(&w.addr).unwrap_or_else(|e| panic!("{e}")),
        seen: String::new(),
    };
    write!(
        events.stream,
        "GET /__nashra/events HTTP/1.1\r\nHost: {}\r\n\r\n",
        w.addr
    )
    .unwrap_or_else(|e| panic!("{e}"));
    events
        .stream
        .set_read_timeout(Some(Duration::from_millis(200)))
        .ok();
    let got = events.wait_for("event: build-error");
    let rest = events.wait_for("\n\n");
    assert!(
        format!("{got}{rest}").contains("invalid front matter: unclosed quote"),
        "{got}{rest}"
    );
    // the fix builds the whole site and reloads the page
    write(root, "content/2025/11/summit.ar.md", common::ARTICLE_AR);
    events.wait_for("event: reload");
    let page = get(&w.addr, PAGE);
    assert_eq!(page.status, 200);
    assert!(page.body.contains("نص المقال"));
    // and later edits go through the incremental path
    write(
        root,
        "content/2025/11/summit.ar.md",
        &common::ARTICLE_AR.replace("نص المقال.", "نص لاحق."),
    );
    events.wait_for("event: reload");
    assert!(get(&w.addr, PAGE).body.contains("نص لاحق."));
}

/// SECURITY.md, server: no open redirect, DNS rebinding refused, read-only, bookkeeping hidden.
#[test]
fn the_preview_server_refuses_what_a_static_host_would_not_do() {
    let site = minimal_site();
    let w = start(site.path(), &[]);
    // `//ar` once answered `Location: //ar/`, which a browser reads as the host `ar`
    let r = get(&w.addr, "//ar");
    assert_eq!(r.status, 301, "{}", r.headers);
    assert!(
        r.headers.contains("location: /ar\r\n") || r.headers.ends_with("location: /ar"),
        "{}",
        r.headers
    );
    let r = get(&w.addr, "/ar");
    assert!(r.headers.contains("location: /ar/"), "{}", r.headers);
    let r = get(&w.addr, "///ar//2025");
    assert!(r.headers.contains("location: /ar/2025"), "{}", r.headers);
    // a page of another name that resolves to 127.0.0.1
    let r = request(&w.addr, "GET", "/ar/", "evil.example:1111");
    assert_eq!(r.status, 421, "{}", r.headers);
    let port = w.addr.rsplit(':').next().unwrap_or_default();
    let r = request(&w.addr, "GET", "/ar/", &format!("localhost:{port}"));
    assert_eq!(r.status, 200, "{}", r.headers);
    for method in ["POST", "DELETE", "PUT"] {
        let r = request(&w.addr, method, "/ar/", &w.addr);
        assert_eq!(r.status, 405, "{method}: {}", r.headers);
        assert!(r.headers.contains("allow: get, head"), "{}", r.headers);
    }
    assert!(site.path().join("public/.nashra").is_file());
    let r = get(&w.addr, "/.nashra");
    assert_eq!(r.status, 404, "the marker must not be served");
    assert!(!r.body.contains("nashra-output"), "{}", r.body);
    // issue 29.8: a gh-pages output keeps .git (with its remote's address) beside the site
    write(
        &site.path().join("public"),
        ".git/config",
        "[remote \"origin\"]\n\turl = https://token@example.com/x.git\n",
    );
    let r = get(&w.addr, "/.git/config");
    assert_eq!(r.status, 404, "a dot-folder must not be served");
    assert!(!r.body.contains("token"), "{}", r.body);
}

/// SECURITY.md item 1 while watching: a backslash name saved into content/ is an error shown
/// over the pages, and nothing is written outside the output.
#[test]
fn a_backslash_name_saved_while_watching_is_an_error() {
    let (site, root) = common::nested_site();
    let w = start(&root, &[]);
    let mut events = Events::open(&w.addr);
    let evil = format!("x\\{}SOMEWHERE\\PWNED.txt", "..\\".repeat(30));
    write(&root, &format!("content/2025/11/{evil}"), "pwned");
    let seen = events.wait_for("the file name contains a backslash");
    assert!(seen.contains("event: build-error"), "{seen}");
    assert!(!site.path().join("SOMEWHERE").exists());
    assert!(!root.join("SOMEWHERE").exists());
    assert_eq!(
        get(&w.addr, PAGE).status,
        200,
        "the last good site is still served"
    );
}

/// authors.toml is watched: renaming an author in it renames them on their pages at once, and
/// `--future` shows an article dated after the current time.
#[test]
fn authors_toml_and_future_articles_while_watching() {
    let site = minimal_site();
    let root = site.path();
    write(
        root,
        "content/2025/11/summit.en.md",
        &common::ARTICLE_EN.replace("countries:", "authors: [sara]\ncountries:"),
    );
    write(
        root,
        "content/2099/01/later.en.md",
        "---\ntitle: Far future\ndate: 2099-01-01 08:00\n---\n\nLater.\n",
    );
    let w = start(root, &["--future"]);
    let author = get(&w.addr, "/en/authors/sara/");
    assert_eq!(author.status, 200);
    assert!(author.body.contains("<bdi>sara</bdi>"), "{}", author.body);
    assert_eq!(get(&w.addr, "/en/2099/01/later/").status, 200);

    let mut events = Events::open(&w.addr);
    write(root, "authors.toml", "[sara]\nname = \"Sara Ahmed\"\n");
    events.wait_for("event: reload");
    let author = get(&w.addr, "/en/authors/sara/");
    assert!(
        author.body.contains("<bdi>Sara Ahmed</bdi>"),
        "{}",
        author.body
    );
    let article = get(&w.addr, "/en/2025/11/summit/");
    assert!(
        article
            .body
            .contains("rel=\"author\"><bdi>Sara Ahmed</bdi></a>"),
        "{}",
        article.body
    );
}

/// Every save reports its warnings (not only the first build); editors' swap files, backups and
/// Vim's `4913` probe neither show in the log nor trigger a rebuild.
#[test]
fn later_saves_print_their_warnings_and_editor_leftovers_are_ignored() {
    let site = minimal_site();
    let root = site.path();
    std::fs::create_dir_all(root.join("templates")).unwrap_or_else(|e| panic!("{e}"));
    let w = start(root, &[]);
    w.log_until("built in");
    let mut events = Events::open(&w.addr);
    for leftover in [
        "content/2025/11/.summit.ar.md.swp",
        "content/2025/11/summit.ar.md~",
        "content/2025/11/4913",
        "content/2025/11/#summit.ar.md#",
        "templates/.base.html.swx",
    ] {
        write(root, leftover, "leftover");
    }
    std::thread::sleep(Duration::from_millis(600));
    write(
        root,
        "content/2025/11/summit.ar.md",
        &common::ARTICLE_AR.replace("topics:", "colour: red\ntopics:"),
    );
    events.wait_for("event: reload");
    let log = w.log_until("rebuilt").join("\n");
    assert!(
        log.contains("unknown front matter key `colour`"),
        "the new warning is printed:\n{log}"
    );
    assert!(
        log.contains("(content/2025/11/summit.ar.md)") && !log.contains("rebuilt the site"),
        "one incremental rebuild, for the article only:\n{log}"
    );
    for leftover in ["swp", "~", "4913", "#summit", "swx"] {
        assert!(!log.contains(leftover), "{leftover} in the log:\n{log}");
    }
}

/// `--bind 0.0.0.0` shares the preview: watch says so, and answers under any host name.
#[test]
fn binding_beyond_loopback_warns_and_serves_other_host_names() {
    let site = minimal_site();
    let w = start(site.path(), &["--bind", "0.0.0.0"]);
    let log = w.log_until("reachable from the network").join("\n");
    assert!(log.contains("Leave out --bind"), "{log}");
    let port = w.addr.rsplit(':').next().unwrap_or_default().to_string();
    let addr = format!("127.0.0.1:{port}");
    let page = request(&addr, "GET", PAGE, &format!("192.0.2.7:{port}"));
    assert_eq!(page.status, 200, "{}", page.headers);
    // on loopback: no warning, up to the line of a later save (printed after where it would be)
    let quiet = minimal_site();
    let local = start(quiet.path(), &[]);
    let mut events = Events::open(&local.addr);
    write(
        quiet.path(),
        "content/2025/11/summit.ar.md",
        &common::ARTICLE_AR.replace("نص المقال.", "نص آخر."),
    );
    events.wait_for("event: reload");
    let log = local.log_until("rebuilt").join("\n");
    assert!(!log.contains("reachable"), "{log}");
}
