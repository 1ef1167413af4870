//! Issue 16: free `tags:` and `categories:` — tag pages, feeds and the tag index per language,
//! Arabic names slugged like titles, separate from the declared topics.

mod common;

use common::{minimal_site, nashra, read, write};

#[test]
fn free_tags_get_pages_feeds_and_an_index_per_language() {
    let site = minimal_site();
    let r = site.path();
    write(
        r,
        "content/2025/11/dam.ar.md",
        "---\ntitle: محادثات السد\ndate: 2025-11-27 10:30\ntags: [الأمن المائي, سدّ النهضة]\ncategories: أخبار، الأمن المائي\n---\n\nنص.\n",
    );
    write(
        r,
        "content/2025/11/dam.en.md",
        "---\ntitle: Dam talks\ndate: 2025-11-27 10:30\ntags: [Water Security, GERD, 2025]\n---\n\nText.\n",
    );
    write(
        r,
        "content/2025/11/rain.en.md",
        "---\ntitle: Rain returns\ndate: 2025-11-28 08:00\ntags: water-security\n---\n\nText.\n",
    );
    let run = nashra(r, &["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        !run.stderr.contains("unknown front matter key"),
        "{}",
        run.stderr
    );
    let out = r.join("public");

    // Arabic tag pages at slugged Arabic addresses; tags and categories make one set
    let ar = read(&out.join("ar/tags/الأمن-المائي/index.html"));
    assert!(ar.contains("<bdi>الأمن المائي</bdi></h1>"), "{ar}");
    assert!(ar.contains("محادثات السد"), "{ar}");
    assert!(out.join("ar/tags/سد-النهضة/index.html").is_file());
    assert!(out.join("ar/tags/أخبار/index.html").is_file());
    assert!(out.join("ar/tags/الأمن-المائي/feed.xml").is_file());

    // two spellings of one slug are one tag; the newest article's spelling names it
    let en = read(&out.join("en/tags/water-security/index.html"));
    assert!(
        en.contains("Rain returns") && en.contains("Dam talks"),
        "{en}"
    );
    assert!(en.contains("<bdi>water-security</bdi></h1>"), "{en}");
    assert!(
        out.join("en/tags/2025/index.html").is_file(),
        "a number is a tag name"
    );
    let feed = read(&out.join("en/tags/water-security/feed.xml"));
    assert_eq!(feed.matches("<entry>").count(), 2, "{feed}");

    // the article links its tags; the index lists every tag with its count
    let article = read(&out.join("en/2025/11/dam/index.html"));
    assert!(
        article
            .contains("<a class=\"tag\" href=\"/en/tags/gerd/\" rel=\"tag\"><bdi>GERD</bdi></a>"),
        "{article}"
    );
    assert!(
        article.contains("<meta property=\"article:tag\" content=\"GERD\">"),
        "{article}"
    );
    let index = read(&out.join("en/tags/index.html"));
    // a site with topics keeps them in the navigation and links the tags from the footer
    let footer = index.split("<footer").nth(1).unwrap_or_default();
    assert!(
        footer.contains("<a href=\"/en/tags/\">Tags</a>"),
        "{footer}"
    );
    assert!(index.contains("href=\"/en/tags/gerd/\""), "{index}");
    assert!(index.contains("2 articles"), "{index}");

    // tag pages are in the sitemap; tags are not topics
    let sitemap = read(&out.join("sitemap.xml"));
    assert!(sitemap.contains("/en/tags/gerd/</loc>"), "{sitemap}");
    assert!(!out.join("en/topics/gerd").exists());
}

#[test]
fn a_tag_without_letters_is_left_out_with_a_warning() {
    let site = minimal_site();
    let r = site.path();
    write(
        r,
        "content/2025/11/x.en.md",
        "---\ntitle: X\ndate: 2025-11-27\ntags: [\"!!!\", ok]\n---\n\nText.\n",
    );
    let run = nashra(r, &["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("warning: the tag `!!!` has no letters or digits to make its address from; it is left out\n  --> content/2025/11/x.en.md:4:"),
        "{}",
        run.stderr
    );
    assert!(r.join("public/en/tags/ok/index.html").is_file());
}

#[test]
fn a_site_without_tags_has_no_tag_index() {
    let site = minimal_site();
    let r = site.path();
    write(
        r,
        "content/2025/11/x.en.md",
        "---\ntitle: X\ndate: 2025-11-27\n---\n\nText.\n",
    );
    let run = nashra(r, &["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!r.join("public/en/tags").exists());
}

#[test]
fn a_tag_that_is_not_a_list_of_names_is_an_error_at_its_line() {
    let stderr = common::fails_with(
        |r| {
            write(
                r,
                "content/2025/11/x.en.md",
                "---\ntitle: X\ndate: 2025-11-27\ntags:\n  name: a\n---\n\nText.\n",
            )
        },
        &[],
        &["a list of tag names, or names separated by commas"],
    );
    assert!(
        stderr.contains("--> content/2025/11/x.en.md:5:"),
        "{stderr}"
    );
}
