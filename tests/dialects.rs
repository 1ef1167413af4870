//! Issue 16, first part: front matter written for other generators (Hugo, Jekyll, Zola,
//! Obsidian) builds, with its keys read as nashra's.

mod common;

use common::{minimal_site, nashra, read, write};

#[test]
fn other_generators_keys_are_read_as_nashras() {
    let site = minimal_site();
    let r = site.path();
    write(
        r,
        "content/2025/11/summit.en.md",
        "---\ntitle: Summit in Bishkek\ncreated: 2025-11-27T10:30:00+03:00\nlastmod: 2025-11-28 09:00\ndescription: Leaders met in Bishkek.\ntopics: [security]\n---\n\nThe article.\n",
    );
    write(
        r,
        "content/2025/11/summit.ar.md",
        "---\ntitle: قمة في بيشكيك\npublishDate: 2025-11-27 10:30\nlastupdated: 2025-11-28 09:00\nsummary: التقى القادة.\ndescription: وصف لا يستعمل.\n---\n\nنص.\n",
    );
    let run = nashra(r, &["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // `created` and `publishDate` work, with a warning naming `date` at their lines
    assert!(
        run.stderr.contains("warning: `created` is read as the article's `date`\n  --> content/2025/11/summit.en.md:3:1\n  = help: nashra calls it `date`: rename `created:` to `date:` to silence this"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("warning: `publishDate` is read as the article's `date`\n  --> content/2025/11/summit.ar.md:3:1"),
        "{}",
        run.stderr
    );
    // description, lastmod and lastupdated are read silently; none is an unknown key
    assert!(
        !run.stderr.contains("unknown front matter key"),
        "{}",
        run.stderr
    );
    let en = read(&r.join("public/en/2025/11/summit/index.html"));
    assert!(
        en.contains("<meta name=\"description\" content=\"Leaders met in Bishkek.\">"),
        "{en}"
    );
    assert!(
        en.contains("2025-11-28T09:00:00+03:00"),
        "the update time: {en}"
    );
    assert!(
        en.contains("datetime=\"2025-11-27T10:30:00+03:00\""),
        "{en}"
    );
    // `summary` wins over `description` when both are written
    let ar = read(&r.join("public/ar/2025/11/summit/index.html"));
    assert!(ar.contains("التقى القادة."), "{ar}");
    assert!(!ar.contains("وصف لا يستعمل"), "{ar}");
}

#[test]
fn links_to_other_markdown_files_go_to_their_pages() {
    let site = minimal_site();
    let r = site.path();
    write(
        r,
        "content/2025/10/background.en.md",
        "---\ntitle: Background\ndate: 2025-10-01\n---\n\n## Key dates {#key}\n\nText.\n",
    );
    write(
        r,
        "content/2025/11/summit.en.md",
        "---\ntitle: Summit\ndate: 2025-11-27\n---\n\nSee [the background](../10/background.en.md#key) and [the about page](../../pages/about.en.md).\n",
    );
    write(
        r,
        "content/pages/about.en.md",
        "---\ntitle: About\n---\n\nWho we are.\n",
    );
    let run = nashra(r, &["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let en = read(&r.join("public/en/2025/11/summit/index.html"));
    assert!(
        en.contains("<a href=\"/en/2025/10/background/#key\">the background</a> and <a href=\"/en/about/\">the about page</a>"),
        "{en}"
    );
    let check = nashra(r, &["check"]);
    assert!(!check.stderr.contains("broken link"), "{}", check.stderr);
    // a link to a Markdown file that does not exist is a broken link at its line
    write(
        r,
        "content/2025/11/summit.en.md",
        "---\ntitle: Summit\ndate: 2025-11-27\n---\n\nSee [the background](../10/missing.en.md).\n",
    );
    let check = nashra(r, &["check"]);
    assert_eq!(check.code, 1, "{}", check.stderr);
    assert!(
        check.stderr.contains("broken link `../10/missing.en.md`")
            && check
                .stderr
                .contains("--> content/2025/11/summit.en.md:6:22"),
        "{}",
        check.stderr
    );
}

#[test]
fn undated_files_are_pages_when_the_site_says_so() {
    let site = minimal_site();
    let r = site.path();
    write(
        r,
        "content/docs/style-guide.en.md",
        "---\ntitle: Style guide\n---\n\nHow we write.\n",
    );
    // by default a file without a date is an error that says where pages go
    let run = nashra(r, &["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("error: front matter has no `date`\n  --> content/docs/style-guide.en.md:2:1\n  = help: add a line `date: 2025-11-27 10:30` with the publication time; a page that is not news (about, contact) goes under content/pages/, or set `undated = \"page\"` in site.toml"),
        "{}",
        run.stderr
    );
    let toml = read(&r.join("site.toml"));
    write(r, "site.toml", &format!("undated = \"page\"\n{toml}"));
    let run = nashra(r, &["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = read(&r.join("public/en/style-guide/index.html"));
    assert!(page.contains("How we write."), "{page}");
    // it is a page, not news: linked in the footer with the other pages, not listed with the
    // news or in the feed
    let front = read(&r.join("public/en/index.html"));
    assert!(
        front.contains("<a href=\"/en/style-guide/\">Style guide</a>"),
        "{front}"
    );
    assert!(
        !front.contains("<h3><a href=\"/en/style-guide/\">"),
        "{front}"
    );
    assert!(!read(&r.join("public/en/feed.xml")).contains("Style guide"));
    // a value that is neither is an error at its line
    write(r, "site.toml", &format!("undated = \"pages\"\n{toml}"));
    let run = nashra(r, &["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "error: `undated` is \"error\" or \"page\", not \"pages\"\n  --> site.toml:1:11"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn toml_front_matter_is_read_like_yaml() {
    let site = minimal_site();
    let r = site.path();
    write(
        r,
        "content/2025/11/summit.en.md",
        "+++\ntitle = \"Summit: in Bishkek\"\ndate = 2025-11-27T10:30:00+03:00\ndescription = \"Leaders met.\"\ntopics = [\n  \"security\",\n]\n\n[extra]\nsubtitle = \"x\"\n+++\n\nThe article.\n",
    );
    let run = nashra(r, &["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let en = read(&r.join("public/en/2025/11/summit/index.html"));
    assert!(en.contains("Summit: in Bishkek"), "{en}");
    assert!(
        en.contains("datetime=\"2025-11-27T10:30:00+03:00\""),
        "{en}"
    );
    assert!(
        en.contains("<meta name=\"description\" content=\"Leaders met.\">"),
        "{en}"
    );
    assert!(en.contains("href=\"/en/topics/security/\""), "{en}");
    // problems are reported at their lines, as in YAML
    write(
        r,
        "content/2025/11/summit.en.md",
        "+++\ntitle = \"Summit\"\ndate = 2025-11-27\ntopics = [\"securty\"]\n+++\n\nThe article.\n",
    );
    let run = nashra(r, &["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("error: unknown topic `securty` (did you mean `security`?)\n  --> content/2025/11/summit.en.md:4:"),
        "{}",
        run.stderr
    );
    // a TOML syntax error has its line and column in the file
    write(
        r,
        "content/2025/11/summit.en.md",
        "+++\ntitle = \"Summit\ndate = 2025-11-27\n+++\n\nThe article.\n",
    );
    let run = nashra(r, &["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("error: invalid TOML front matter: invalid basic string, expected `\"`\n  --> content/2025/11/summit.en.md:2:16"),
        "{}",
        run.stderr
    );
}

#[test]
fn urls_can_follow_folders() {
    let site = minimal_site();
    let r = site.path();
    let toml = read(&r.join("site.toml"));
    write(r, "site.toml", &format!("urls = \"path\"\n{toml}"));
    write(
        r,
        "content/Docs/Specs/feed-format.en.md",
        "---\ntitle: Feed format\ndate: 2025-11-20\n---\n\nSpec.\n",
    );
    write(
        r,
        "content/docs/guide/index.en.md",
        "---\ntitle: Guide\ndate: 2025-11-21\n---\n\nGuide.\n",
    );
    let run = nashra(r, &["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(r
        .join("public/en/docs/specs/feed-format/index.html")
        .is_file());
    assert!(r.join("public/en/docs/guide/index.html").is_file());
    // the dated articles of the fixture follow their folders too, and keep their translation
    assert!(r.join("public/en/2025/11/summit/index.html").is_file());
    let ar = read(&r.join("public/ar/2025/11/summit/index.html"));
    assert!(
        ar.contains("hreflang=\"en\" href=\"https://news.example.org/en/2025/11/summit/\""),
        "{ar}"
    );
    // lists and feeds link the new addresses
    assert!(read(&r.join("public/en/index.html")).contains("href=\"/en/docs/specs/feed-format/\""));
    // a folder that would mix articles with the site's own pages is an error
    write(
        r,
        "content/topics/x.en.md",
        "---\ntitle: X\ndate: 2025-11-22\n---\n\nX.\n",
    );
    let run = nashra(r, &["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("error: with urls = \"path\", the folder `topics` would put this article at `/en/topics/x/`, among the site's own pages\n  --> content/topics/x.en.md"),
        "{}",
        run.stderr
    );
    // a value that is neither is an error at its line
    write(r, "site.toml", &format!("urls = \"folders\"\n{toml}"));
    let run = nashra(r, &["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "error: `urls` is \"date\" or \"path\", not \"folders\"\n  --> site.toml:1:8"
        ),
        "{}",
        run.stderr
    );
}

/// `watch` keeps a link to a Markdown file right when the document it names moves.
#[test]
fn watch_follows_a_moved_document_in_markdown_links() {
    let site = minimal_site();
    let r = site.path();
    write(
        r,
        "content/2025/10/background.en.md",
        "---\ntitle: Background\ndate: 2025-10-01\n---\n\nText.\n",
    );
    write(
        r,
        "content/2025/11/summit.en.md",
        "---\ntitle: Summit\ndate: 2025-11-27\n---\n\nSee [the background](../10/background.en.md).\n",
    );
    let w = common::watch::start(r, &[]);
    let page = common::watch::get(&w.addr, "/en/2025/11/summit/");
    assert!(
        page.body.contains("href=\"/en/2025/10/background/\""),
        "{}",
        page.body
    );
    // the background moves to September: its address changes, and so does the link to it
    write(
        r,
        "content/2025/10/background.en.md",
        "---\ntitle: Background\ndate: 2025-09-15\n---\n\nText.\n",
    );
    w.log_until("rebuilt");
    let page = common::watch::get(&w.addr, "/en/2025/11/summit/");
    assert!(
        page.body.contains("href=\"/en/2025/09/background/\""),
        "{}",
        page.body
    );
    // and the output is what a full build writes
    let served = common::tree(&r.join("public"));
    let fresh = nashra(r, &["build", "--output", "fresh"]);
    assert_eq!(fresh.code, 0, "{}", fresh.stderr);
    let built = common::tree(&r.join("fresh"));
    let differ: Vec<_> = built
        .iter()
        .filter(|(p, b)| served.get(*p) != Some(*b))
        .map(|(p, _)| p.clone())
        .filter(|p| !p.to_string_lossy().contains(".nashra"))
        .collect();
    assert!(differ.is_empty(), "{differ:?}");
}

/// A draft's errors are warnings (README, Front matter): also when the draft says so in TOML.
#[test]
fn a_toml_draft_with_an_error_does_not_fail_the_build() {
    let site = minimal_site();
    let r = site.path();
    write(
        r,
        "content/2025/11/plans.en.md",
        "+++\ntitle = \"Plans\"\ndate = 2025-11-27\ndraft = true\ntopics = [\"securty\"]\n+++\n\nNot yet.\n",
    );
    let run = nashra(r, &["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("warning: unknown topic `securty` (did you mean `security`?) (in a draft, left out of the site)\n  --> content/2025/11/plans.en.md:5:12"),
        "{}",
        run.stderr
    );
    assert!(!r.join("public/en/2025/11/plans").exists());
}
