//! Issue 16: `nashra import` from WordPress (WXR), Hugo, Jekyll and Zola, as a newsroom moving
//! over would run it — import, then build — with the fixtures in tests/fixtures/import/, written
//! for these tests.

mod common;

use std::path::{Path, PathBuf};

use common::{hreflang_links, nashra, read, tree, write, write_jpeg};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

/// Imports `src` into `dest` and builds the result; returns the import's report.
fn import_and_build(args: &[&str], dest: &Path) -> String {
    let cwd = dest.parent().unwrap_or(dest);
    let run = nashra(cwd, args);
    assert_eq!(
        run.code, 0,
        "import failed:\n{}\n{}",
        run.stdout, run.stderr
    );
    let built = nashra(cwd, &["build", "--root", &dest.to_string_lossy()]);
    assert_eq!(
        built.code, 0,
        "the imported site must build:\n{}",
        built.stderr
    );
    assert!(!built.stderr.contains("error"), "{}", built.stderr);
    run.stdout
}

/// The redirect page at an old address names the new one.
fn redirects(out: &Path, old: &str, to: &str) {
    let page = read(&out.join(old).join("index.html"));
    let decoded = common::percent_decode(&page);
    assert!(
        decoded.contains(&format!("url={to}\"")),
        "/{old} should send readers to {to}:\n{page}"
    );
}

#[test]
fn a_wordpress_export_becomes_a_bilingual_site_with_its_old_addresses() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let uploads = tmp.path().join("uploads");
    write_jpeg(&uploads, "2024/03/port.jpg", 800, 600);
    let dest = tmp.path().join("site");
    let xml = fixture("wordpress/export.xml");
    let report = import_and_build(
        &[
            "import",
            "wordpress",
            &xml.to_string_lossy(),
            &dest.to_string_lossy(),
            "--uploads",
            &uploads.to_string_lossy(),
        ],
        &dest,
    );
    for line in [
        "  articles: 3 (ar 2, en 1)\n",
        "  pages: 1 (ar 1)\n",
        "  translations paired: 1\n",
        "  drafts (written with draft: true): 1\n",
        "  old addresses kept as aliases (they redirect): 2\n",
        "  files copied: 1\n",
        "  1 × items of type `nav_menu_item`\n",
        "  1 × post in the trash or auto-saved\n",
        "WordPress shortcodes left as written",
        "[gallery ids=\"11,12\"]",
    ] {
        assert!(report.contains(line), "{line:?} in:\n{report}");
    }
    let toml = read(&dest.join("site.toml"));
    assert!(
        toml.contains("base_url = \"https://gulf.example.com/\""),
        "{toml}"
    );
    assert!(toml.contains("default_language = \"ar\""), "{toml}");

    let out = dest.join("public");
    // the classic-editor post: paragraphs, the caption unwrapped, the heading, the picture copied
    let ar = read(&out.join("ar/2024/03/ميناء-جديد/index.html"));
    assert!(ar.contains("<h2 id=\""), "{ar}");
    assert!(ar.contains("ماذا بعد؟</h2>"), "{ar}");
    assert!(
        ar.contains("<p>افتُتح اليوم ميناء جديد في الدوحة.<br"),
        "{ar}"
    );
    assert!(
        ar.contains("port-800."),
        "the copied picture has renditions: {ar}"
    );
    assert!(
        ar.contains("<figcaption>الرصيف الجديد</figcaption>"),
        "the [caption] is the figure's caption: {ar}"
    );
    assert!(ar.contains("سارة أحمد"), "the author's display name: {ar}");
    assert!(
        ar.contains("href=\"/ar/tags/%D9%85%D9%88%D8%A7%D9%86%D8%A6/\""),
        "{ar}"
    );
    // local time and offset kept: 10:00 in Doha (+03:00)
    assert!(
        ar.contains("datetime=\"2024-03-05T10:00:00+03:00\""),
        "{ar}"
    );
    // the Polylang pair is one story in two languages
    let en_path = out.join("en/2024/03/new-port-doha/index.html");
    let en = read(&en_path);
    assert!(
        en.contains("New port opens in Doha – and ships wait"),
        "{en}"
    );
    assert!(en.contains("<li>Four cranes</li>"), "{en}");
    let links = hreflang_links(&en);
    assert!(
        links.iter().any(
            |(l, h)| l == "ar" && common::percent_decode(h).contains("/ar/2024/03/ميناء-جديد/")
        ),
        "{links:?}"
    );
    // old addresses redirect; the page is a page; the draft, trash and menu are not published
    redirects(&out, "2024/03/ميناء-جديد", "/ar/2024/03/ميناء-جديد/");
    redirects(&out, "من-نحن", "/ar/من-نحن/");
    assert!(out.join("ar/من-نحن/index.html").is_file());
    let files = tree(&out);
    assert!(
        !files.keys().any(|p| p.to_string_lossy().contains("مسودة")),
        "the draft stays unpublished"
    );
    assert!(!files
        .keys()
        .any(|p| p.to_string_lossy().contains("deleted")));
    // no topics declared: the navigation offers the tags in their place
    let front = read(&out.join("en/index.html"));
    let nav = front.split("class=\"sections\"").nth(1).unwrap_or_default();
    let nav = nav.split("</nav>").next().unwrap_or_default();
    assert!(nav.contains("<a href=\"/en/tags/\">Tags</a>"), "{nav}");
    assert!(!nav.contains("/en/topics/"), "{nav}");
}

#[test]
fn a_hugo_site_keeps_its_translations_bundles_and_addresses() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let dest = tmp.path().join("site");
    let src = fixture("hugo");
    let report = import_and_build(
        &[
            "import",
            "hugo",
            &src.to_string_lossy(),
            &dest.to_string_lossy(),
        ],
        &dest,
    );
    assert!(report.contains("  articles: 4 (ar 1, en 3)\n"), "{report}");
    // a `lang:` no file name can carry is not used as one (`../../escape` would leave the site)
    assert!(
        report.contains("languages that are not language codes: read as `en`\n      ")
            && report.contains("odd-language.md: ../../escape"),
        "{report}"
    );
    assert!(!tmp.path().join("escape").exists());
    let odd = read(&dest.join("content/2024/09/odd-language/index.en.md"));
    assert!(
        odd.contains("expires: \"2030-01-01\"\n"),
        "Hugo's expiryDate: {odd}"
    );
    assert!(report.contains("  translations paired: 1\n"), "{report}");
    assert!(
        report.contains("1 × section list pages (_index.md)"),
        "{report}"
    );
    // the `{{< ref "posts/bundle" >}}` in the summit's text names an imported document: it
    // becomes that document's new address, and no shortcode is left to report
    assert!(
        report.contains("  links between documents pointed at their new addresses: 1\n"),
        "{report}"
    );
    assert!(!report.contains("shortcodes or template tags"), "{report}");
    let summit = read(&dest.join("content/2024/11/summit/index.en.md"));
    assert!(
        summit.contains("See /en/2024/10/photo-story/ for more."),
        "{summit}"
    );
    assert!(!summit.contains("{{<"), "{summit}");
    let out = dest.join("public");
    let en = read(&out.join("en/2024/11/summit/index.html"));
    assert!(en.contains("Leaders met in Bishkek."), "{en}");
    assert!(
        hreflang_links(&en)
            .iter()
            .any(|(l, h)| l == "ar" && h.ends_with("/ar/2024/11/summit/")),
        "{en}"
    );
    assert!(en.contains("href=\"/en/tags/central-asia/\""), "{en}");
    // the permalink pattern /:year/:month/:slug/ (slug from the title), the alias, the Arabic
    // file's address under /ar/
    redirects(&out, "2024/11/summit-in-bishkek", "/en/2024/11/summit/");
    redirects(&out, "old/summit-2024", "/en/2024/11/summit/");
    redirects(&out, "ar/2024/11/قمة-في-بيشكيك", "/ar/2024/11/summit/");
    // a bundle brings its picture; static/ is published at the root; undated files are pages
    let bundle = read(&out.join("en/2024/10/photo-story/index.html"));
    assert!(
        bundle.contains("<img src=\"/2024/10/photo-story/market.svg\" alt=\"The market\""),
        "{bundle}"
    );
    assert!(out.join("2024/10/photo-story/market.svg").is_file());
    assert!(out.join("images/logo.svg").is_file());
    assert!(out.join("en/guide/index.html").is_file());
    redirects(&out, "docs/guide", "/en/guide/");
}

#[test]
fn a_jekyll_site_keeps_its_permalinks_drafts_and_media() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let dest = tmp.path().join("site");
    let src = fixture("jekyll");
    let report = import_and_build(
        &[
            "import",
            "jekyll",
            &src.to_string_lossy(),
            &dest.to_string_lossy(),
        ],
        &dest,
    );
    assert!(
        report.contains("  drafts (written with draft: true): 1\n"),
        "{report}"
    );
    assert!(report.contains("{% include note.html %}"), "{report}");
    assert!(
        report.contains("1 × home page (index.md): nashra makes its own front page"),
        "{report}"
    );
    assert!(
        report.contains("1 × lead images without alt text"),
        "{report}"
    );
    let out = dest.join("public");
    // `permalink: pretty` with the post's category
    redirects(
        &out,
        "news/2024/02/01/welcome-to-the-gazette",
        "/en/2024/02/welcome-to-the-gazette/",
    );
    redirects(&out, "about", "/en/about/");
    let post = read(&out.join("en/2024/02/welcome-to-the-gazette/index.html"));
    assert!(post.contains("href=\"/en/tags/launch/\""), "{post}");
    assert!(out.join("assets/img/front.svg").is_file());
    assert!(
        !dest.join("content/pages/readme").exists(),
        "no front matter: not a page"
    );

    // a language the built-in theme has no interface text for (Swahili; French has it now) is
    // named in the report
    let sw = tmp.path().join("sw");
    let run = nashra(
        tmp.path(),
        &[
            "import",
            "jekyll",
            &src.to_string_lossy(),
            "sw",
            "--lang",
            "sw",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("1 × languages without built-in interface text (write locales/LANG/ui.ftl from locales/en/ui.ftl)\n      sw\n"),
        "{}",
        run.stdout
    );
    assert!(read(&sw.join("site.toml")).contains("default_language = \"sw\""));
}

#[test]
fn a_zola_site_keeps_its_sections_paths_and_taxonomies() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let dest = tmp.path().join("site");
    let src = fixture("zola");
    let report = import_and_build(
        &[
            "import",
            "zola",
            &src.to_string_lossy(),
            &dest.to_string_lossy(),
        ],
        &dest,
    );
    assert!(report.contains("  translations paired: 1\n"), "{report}");
    let out = dest.join("public");
    redirects(&out, "blog/rain", "/en/2024/03/rain/");
    redirects(&out, "weather/rain", "/en/2024/03/rain/");
    redirects(&out, "ar/blog/rain", "/ar/2024/03/rain/");
    redirects(&out, "about-us", "/en/about/");
    assert!(out.join("ar/tags/الطقس/index.html").is_file());
    assert!(out.join("en/tags/gulf/index.html").is_file());
    let en = read(&out.join("en/2024/03/rain/index.html"));
    assert!(en.contains("The first rain of the season."), "{en}");
}

#[test]
fn a_broken_export_is_an_error_at_its_line_and_nothing_is_written() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    write(
        tmp.path(),
        "export.xml",
        "<?xml version=\"1.0\"?>\n<rss>\n<channel>\n<title>x</title>\n<item><title>a</wrong></item>\n</channel>\n</rss>\n",
    );
    let run = nashra(tmp.path(), &["import", "wordpress", "export.xml", "site"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("error: not a readable WordPress export:"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("--> export.xml:5:"), "{}", run.stderr);
    assert!(!tmp.path().join("site").exists(), "nothing written");
}

#[test]
fn an_import_never_overwrites_and_adds_to_an_existing_site() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let dest = tmp.path().join("site");
    write(&dest, "site.toml", common::SITE_TOML);
    write(&dest, "content/2024/11/summit/index.en.md", "mine\n");
    let before = tree(&dest);
    let src = fixture("hugo");
    let run = nashra(
        tmp.path(),
        &["import", "hugo", &src.to_string_lossy(), "site"],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("error: 1 file(s) to import exist already in site, such as content/2024/11/summit/index.en.md; nothing was written"),
        "{}",
        run.stderr
    );
    assert!(tree(&dest) == before, "the site is untouched");

    // without the clash the import adds to the site and keeps its site.toml
    std::fs::remove_dir_all(dest.join("content")).unwrap_or_else(|e| panic!("{e}"));
    let run = nashra(
        tmp.path(),
        &["import", "hugo", &src.to_string_lossy(), "site"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stdout.contains("site.toml written"), "{}", run.stdout);
    assert_eq!(read(&dest.join("site.toml")), common::SITE_TOML);
}

#[test]
fn a_destination_inside_the_source_is_not_read_as_source() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let src = tmp.path().join("blog");
    common::copy_dir(&fixture("jekyll"), &src);
    let first = nashra(&src, &["import", "jekyll", ".", "site"]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    // again, into the same folder after its content is moved aside: the imported Markdown under
    // site/ has front matter, and would count as more Jekyll pages if it were read
    std::fs::remove_dir_all(src.join("site/content")).unwrap_or_else(|e| panic!("{e}"));
    std::fs::remove_dir_all(src.join("site/static")).unwrap_or_else(|e| panic!("{e}"));
    let second = nashra(&src, &["import", "jekyll", ".", "site"]);
    assert_eq!(second.code, 0, "{}", second.stderr);
    assert!(
        second.stdout.contains("  pages: 1 (en 1)\n"),
        "{}",
        second.stdout
    );
}

#[test]
fn hugo_content_folders_per_language_pair_by_path() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let src = tmp.path().join("hugo");
    write(
        &src,
        "hugo.toml",
        "baseURL = \"https://h.example.org/\"\ndefaultContentLanguage = \"ar\"\n[languages.ar]\ncontentDir = \"content/ar\"\n[languages.en]\ncontentDir = \"content/en\"\n",
    );
    write(
        &src,
        "content/ar/news/rain.md",
        "---\ntitle: أمطار\ndate: 2024-03-05T08:00:00+03:00\n---\nنص.\n",
    );
    write(
        &src,
        "content/en/news/rain.md",
        "---\ntitle: Rain\ndate: 2024-03-05T08:00:00+03:00\n---\nText.\n",
    );
    let dest = tmp.path().join("site");
    let report = import_and_build(
        &[
            "import",
            "hugo",
            &src.to_string_lossy(),
            &dest.to_string_lossy(),
        ],
        &dest,
    );
    assert!(report.contains("  articles: 2 (ar 1, en 1)\n"), "{report}");
    assert!(report.contains("  translations paired: 1\n"), "{report}");
    let out = dest.join("public");
    let en = read(&out.join("en/2024/03/rain/index.html"));
    assert!(
        hreflang_links(&en)
            .iter()
            .any(|(l, h)| l == "ar" && h.ends_with("/ar/2024/03/rain/")),
        "{en}"
    );
    // the default language has no prefix on Hugo, the other one has
    redirects(&out, "news/rain", "/ar/2024/03/rain/");
    redirects(&out, "en/news/rain", "/en/2024/03/rain/");
}

#[test]
fn wpml_languages_and_pictures_left_at_their_addresses() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let item = |id: &str, lang: &str, title: &str, link: &str| {
        format!(
            "<item><title>{title}</title><link>{link}</link><dc:creator>ed</dc:creator>\
             <content:encoded><![CDATA[<p>Text <img src=\"https://w.example.com/wp-content/uploads/2024/01/a.jpg\" alt=\"a\"></p>]]></content:encoded>\
             <wp:post_id>{id}</wp:post_id><wp:post_date>2024-01-10 09:00:00</wp:post_date>\
             <wp:post_date_gmt>2024-01-10 06:00:00</wp:post_date_gmt><wp:post_name>{id}</wp:post_name>\
             <wp:status>publish</wp:status><wp:post_type>post</wp:post_type>\
             <wp:postmeta><wp:meta_key>_wpml_import_language_code</wp:meta_key><wp:meta_value>{lang}</wp:meta_value></wp:postmeta>\
             <wp:postmeta><wp:meta_key>_wpml_import_translation_group</wp:meta_key><wp:meta_value>77</wp:meta_value></wp:postmeta></item>\n"
        )
    };
    let xml = format!(
        "<?xml version=\"1.0\"?>\n<rss xmlns:content=\"c\" xmlns:wp=\"w\" xmlns:dc=\"d\" xmlns:excerpt=\"e\"><channel><title>W</title><link>https://w.example.com</link><language>en-US</language>\n{}{}</channel></rss>\n",
        item("1", "en", "Rates rise", "https://w.example.com/rates-rise/"),
        item("2", "ar", "ارتفاع الفائدة", "https://w.example.com/ar/rates-ar/"),
    );
    write(tmp.path(), "export.xml", &xml);
    let dest = tmp.path().join("site");
    let report = import_and_build(&["import", "wordpress", "export.xml", "site"], &dest);
    assert!(report.contains("  translations paired: 1\n"), "{report}");
    assert!(
        report.contains("  pictures left at their old addresses: 2 (pass --uploads"),
        "{report}"
    );
    let out = dest.join("public");
    let en = read(&out.join("en/2024/01/1/index.html"));
    assert!(
        en.contains("src=\"https://w.example.com/wp-content/uploads/2024/01/a.jpg\""),
        "{en}"
    );
    assert!(
        hreflang_links(&en)
            .iter()
            .any(|(l, h)| l == "ar" && h.ends_with("/ar/2024/01/2/")),
        "{en}"
    );
    redirects(&out, "rates-rise", "/en/2024/01/1/");
}

/// A one-post WordPress export whose post body is `body` (HTML).
fn one_post_export(body: &str) -> String {
    format!(
        "<?xml version=\"1.0\"?>\n<rss xmlns:content=\"c\" xmlns:wp=\"w\" xmlns:dc=\"d\" xmlns:excerpt=\"e\"><channel><title>W</title><link>https://w.example.com</link><language>en-US</language>\n\
         <item><title>Rates rise</title><link>https://w.example.com/rates-rise/</link><dc:creator>ed</dc:creator>\
         <content:encoded><![CDATA[{body}]]></content:encoded>\
         <wp:post_id>1</wp:post_id><wp:post_date>2024-01-10 09:00:00</wp:post_date>\
         <wp:post_date_gmt>2024-01-10 06:00:00</wp:post_date_gmt><wp:post_name>rates-rise</wp:post_name>\
         <wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>\n</channel></rss>\n"
    )
}

/// Issue 29.7: `--uploads` and a Hugo `static/` that is itself a link followed symbolic links
/// (copying `/etc/passwd` into the new site, which `build` then published), and a dangling link
/// in DEST was written through.
#[cfg(unix)]
#[test]
fn an_import_follows_no_links_out_and_writes_through_none() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let secret = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    write(secret.path(), "id_rsa", "PRIVATE KEY");
    let link = |target: &Path, at: &Path| {
        if let Some(p) = at.parent() {
            std::fs::create_dir_all(p).unwrap_or_else(|e| panic!("{e}"));
        }
        std::os::unix::fs::symlink(target, at).unwrap_or_else(|e| panic!("{e}"));
    };
    // WordPress: a picture in --uploads that is a link, and a folder that is one
    write(
        tmp.path(),
        "export.xml",
        &one_post_export("<p>Chart <img src=\"https://w.example.com/wp-content/uploads/2024/01/a.jpg\" alt=\"a\"> and <img src=\"https://w.example.com/wp-content/uploads/keys/id_rsa\" alt=\"k\"></p>"),
    );
    let uploads = tmp.path().join("uploads");
    link(
        &secret.path().join("id_rsa"),
        &uploads.join("2024/01/a.jpg"),
    );
    link(secret.path(), &uploads.join("keys"));
    let dest = tmp.path().join("wp");
    let report = import_and_build(
        &[
            "import",
            "wordpress",
            "export.xml",
            "wp",
            "--uploads",
            "uploads",
        ],
        &dest,
    );
    assert!(
        report.contains("pictures in --uploads reached through a symbolic link: not copied"),
        "{report}"
    );
    // Hugo: `static` is a link to the secret folder, and a post is a link to it too
    let hugo = tmp.path().join("hugo");
    common::copy_dir(&fixture("hugo"), &hugo);
    let _ = std::fs::remove_dir_all(hugo.join("static"));
    link(secret.path(), &hugo.join("static"));
    link(&secret.path().join("id_rsa"), &hugo.join("content/leak.md"));
    let dest_hugo = tmp.path().join("from-hugo");
    let report = import_and_build(&["import", "hugo", "hugo", "from-hugo"], &dest_hugo);
    assert!(
        report.contains("symbolic links in the source: not followed (left out)"),
        "{report}"
    );
    for d in [&dest, &dest_hugo] {
        for e in walkdir::WalkDir::new(d).into_iter().flatten() {
            if e.file_type().is_file() {
                let bytes = std::fs::read(e.path()).unwrap_or_default();
                assert!(
                    !String::from_utf8_lossy(&bytes).contains("PRIVATE KEY"),
                    "copied: {}",
                    e.path().display()
                );
            }
        }
    }
    // DEST holds a dangling link where the import writes
    let outside = tmp.path().join("outside");
    std::fs::create_dir_all(&outside).unwrap_or_else(|e| panic!("{e}"));
    let into = tmp.path().join("into");
    link(&outside.join("owned.toml"), &into.join("site.toml"));
    link(&outside.join("content"), &into.join("content"));
    let run = nashra(tmp.path(), &["import", "wordpress", "export.xml", "into"]);
    assert_eq!(run.code, 1, "{}\n{}", run.stdout, run.stderr);
    assert!(
        run.stderr.contains(&format!(
            "error: into/content is a symbolic link (to {}), which the import would write through; nothing was written",
            outside.join("content").display()
        )),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read_dir(&outside).map_or(0, Iterator::count),
        0,
        "wrote through the link"
    );
}

/// Issue 29.7: 20,000 nested HTML elements in one post overflowed the converter's stack (exit
/// 134); such a post is kept as HTML and named in the report.
#[test]
fn a_post_nested_too_deep_is_kept_as_html() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let deep = format!("{}deep{}", "<div>".repeat(20_000), "</div>".repeat(20_000));
    write(tmp.path(), "export.xml", &one_post_export(&deep));
    let dest = tmp.path().join("site");
    let run = nashra(tmp.path(), &["import", "wordpress", "export.xml", "site"]);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    assert!(
        run.stdout.contains(
            "posts whose HTML nests more than 200 elements deep: kept as HTML, not converted"
        ),
        "{}",
        run.stdout
    );
    let md = read(&dest.join("content/2024/01/rates-rise/index.en.md"));
    assert!(
        md.contains("<div><div>deep</div>"),
        "{}",
        &md[..200.min(md.len())]
    );
    // an ordinary post is converted, and one at the limit too
    let at_limit = format!(
        "{}<p>Plain <em>text</em></p>{}",
        "<div>".repeat(199),
        "</div>".repeat(199)
    );
    write(tmp.path(), "export2.xml", &one_post_export(&at_limit));
    let run = nashra(tmp.path(), &["import", "wordpress", "export2.xml", "site2"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let md = read(
        &tmp.path()
            .join("site2/content/2024/01/rates-rise/index.en.md"),
    );
    assert!(
        md.contains("Plain *text*") || md.contains("Plain _text_"),
        "{md}"
    );
}

/// Issue 30.1: a password-protected WordPress post (`wp:post_password`, status `publish`) was
/// published in full; it is imported as a draft and listed.
#[test]
fn a_password_protected_post_is_imported_as_a_draft() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let xml = one_post_export("<p>Only for subscribers.</p>").replace(
        "<wp:status>publish</wp:status>",
        "<wp:status>publish</wp:status><wp:post_password>s3cret</wp:post_password>",
    );
    write(tmp.path(), "export.xml", &xml);
    let dest = tmp.path().join("site");
    let report = import_and_build(&["import", "wordpress", "export.xml", "site"], &dest);
    assert!(
        report.contains("password-protected posts: imported as drafts (a static site cannot ask for the password)"),
        "{report}"
    );
    let md = read(&dest.join("content/2024/01/rates-rise/index.en.md"));
    assert!(md.contains("draft: true"), "{md}");
    assert!(!dest
        .join("public/en/2024/01/rates-rise/index.html")
        .exists());
}

/// Issues 30.2 and 30.3: Jekyll posts written in HTML were left out without a word, and a post
/// whose YAML repeats a key was dropped with serde-saphyr's hint; HTML posts are imported,
/// other formats listed, and a repeated key keeps its last value, as Jekyll does.
#[test]
fn jekyll_html_posts_and_repeated_keys_come_across() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let src = tmp.path().join("jekyll");
    write(
        &src,
        "_config.yml",
        "title: Gazette\nurl: \"https://j.example.org\"\n",
    );
    write(
        &src,
        "_posts/2020-07-21-html-post.html",
        "---\ntitle: Written in HTML\n---\n    <p>An <em>indented</em> paragraph.</p>\n    <p>Another.</p>\n",
    );
    write(
        &src,
        "_posts/2020-07-22-old.textile",
        "---\ntitle: Textile\n---\nh1. Old\n",
    );
    write(
        &src,
        "_posts/2020-07-23-twice.md",
        "---\ntitle: First title\nlayout: post\ntitle: Last title\n---\n\nText.\n",
    );
    let dest = tmp.path().join("site");
    let report = import_and_build(&["import", "jekyll", "jekyll", "site"], &dest);
    assert!(
        report.contains("posts in a format nashra does not read (.textile): left out"),
        "{report}"
    );
    assert!(
        report.contains(
            "front matter with a key written twice: the last value kept, as the generator did"
        ),
        "{report}"
    );
    assert!(
        report.contains("`title` is written twice (line 4): the last value is kept"),
        "{report}"
    );
    let out = dest.join("public");
    let html_post = read(&out.join("en/2020/07/html-post/index.html"));
    assert!(
        html_post.contains("An <em>indented</em> paragraph."),
        "{html_post}"
    );
    assert!(!html_post.contains("<pre><code>"), "{html_post}");
    let twice = read(&out.join("en/2020/07/twice/index.html"));
    assert!(twice.contains("Last title"), "{twice}");
}

/// Issue 30.4: Hugo pairs translations by the whole file name, date included; grouping by the
/// name without its date made `2002-05-22-dev-meeting` and `2002-05-29-dev-meeting` three unpaired
/// articles. Old addresses keep the date, as Hugo served them.
#[test]
fn hugo_translations_pair_by_the_whole_file_name() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let src = tmp.path().join("hugo");
    write(
        &src,
        "hugo.toml",
        "baseURL = \"https://h.example.org/\"\ndefaultContentLanguage = \"en\"\n[languages.en]\ncontentDir = \"content/en\"\n[languages.ar]\ncontentDir = \"content/ar\"\n",
    );
    for (day, lang, title) in [
        ("22", "en", "Developers meet"),
        ("22", "ar", "اجتماع المطورين"),
        ("29", "en", "Developers meet again"),
        ("29", "ar", "اجتماع المطورين مجددا"),
    ] {
        write(
            &src,
            &format!("content/{lang}/blog/2002-05-{day}-dev-meeting.md"),
            &format!("---\ntitle: {title}\ndate: 2002-05-{day}T10:00:00Z\nslug: dev-meeting\n---\nText.\n"),
        );
    }
    let dest = tmp.path().join("site");
    let report = import_and_build(&["import", "hugo", "hugo", "site"], &dest);
    assert!(report.contains("  translations paired: 2\n"), "{report}");
    assert!(!report.contains("placed apart"), "{report}");
    let out = dest.join("public");
    let first = read(&out.join("en/2002/05/dev-meeting/index.html"));
    assert!(first.contains("Developers meet</h1>"), "{first}");
    assert!(
        hreflang_links(&first)
            .iter()
            .any(|(l, h)| l == "ar" && h.ends_with("/ar/2002/05/dev-meeting/")),
        "{first}"
    );
    let second = read(&out.join("ar/2002/05/dev-meeting-2/index.html"));
    assert!(second.contains("اجتماع المطورين مجددا"), "{second}");
}

/// Issue 30.4: with `[frontmatter] date = [":filename", …]` Hugo reads the date out of the name
/// and leaves it out of the address; without it the date stays in the address.
#[test]
fn hugo_old_addresses_keep_the_date_unless_the_config_reads_it_from_the_name() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for (config, old) in [
        ("", "posts/2021-03-04-budget"),
        (
            "[frontmatter]\ndate = [\":filename\", \":default\"]\n",
            "posts/budget",
        ),
    ] {
        let src = tmp.path().join(format!("hugo{}", config.len()));
        write(
            &src,
            "hugo.toml",
            &format!("baseURL = \"https://h.example.org/\"\n{config}"),
        );
        write(
            &src,
            "content/posts/2021-03-04-budget.md",
            "---\ntitle: Budget\ndate: 2021-03-04T10:00:00Z\n---\nText.\n",
        );
        let dest = tmp.path().join(format!("site{}", config.len()));
        import_and_build(
            &[
                "import",
                "hugo",
                &src.to_string_lossy(),
                &dest.to_string_lossy(),
            ],
            &dest,
        );
        redirects(&dest.join("public"), old, "/en/2021/03/budget/");
    }
}

/// Issue 30.5: file names with spaces or `?` gave aliases `build` refused. Old addresses are what
/// the generator served (Jekyll percent-encodes, Hugo's urlize turns spaces into `-` and drops
/// `?`), written percent-encoded, and the site builds.
#[test]
fn file_names_with_spaces_and_question_marks_keep_their_old_addresses() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let jekyll = tmp.path().join("jekyll");
    write(
        &jekyll,
        "_config.yml",
        "title: Gazette\nurl: \"https://j.example.org\"\n",
    );
    write(
        &jekyll,
        "_posts/2020-07-21-forbidding evil.md",
        "---\ntitle: Forbidding evil\ncategories: [World News, world news]\n---\nText.\n",
    );
    write(
        &jekyll,
        "_posts/2020-07-22-why?.md",
        "---\ntitle: Why\n---\nText.\n",
    );
    let dest = tmp.path().join("jsite");
    import_and_build(&["import", "jekyll", "jekyll", "jsite"], &dest);
    let md = read(&dest.join("content/2020/07/forbidding-evil/index.en.md"));
    // Jekyll's :title is slugged ("pretty"); its categories are not, and were served encoded
    assert!(
        md.contains("aliases: [\"world%20news/2020/07/21/forbidding-evil.html\"]"),
        "{md}"
    );
    let out = dest.join("public");
    let page = read(&out.join("world news/2020/07/21/forbidding-evil.html"));
    assert!(page.contains("/en/2020/07/forbidding-evil/"), "{page}");
    let page = read(&out.join("2020/07/22/why.html"));
    assert!(page.contains("/en/2020/07/why/"), "{page}");

    let hugo = tmp.path().join("hugo");
    write(&hugo, "hugo.toml", "baseURL = \"https://h.example.org/\"\n");
    write(
        &hugo,
        "content/posts/A hacker hunt?.md",
        "---\ntitle: A hacker hunt\ndate: 2021-01-02T10:00:00Z\n---\nText.\n",
    );
    let dest = tmp.path().join("hsite");
    import_and_build(&["import", "hugo", "hugo", "hsite"], &dest);
    redirects(
        &dest.join("public"),
        "posts/a-hacker-hunt",
        "/en/2021/01/a-hacker-hunt/",
    );
}

/// Issue 30.6: Zola's `@/path.md#anchor` links, relative links to Markdown files and links to the
/// old site's own addresses all point at the new addresses, anchors kept; `check` finds every
/// internal link and anchor resolved. A link to a file the import does not have is listed.
#[test]
fn links_between_documents_point_at_their_new_addresses() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let src = tmp.path().join("zola");
    write(
        &src,
        "config.toml",
        "base_url = \"https://z.example.org\"\ntitle = \"Docs\"\n",
    );
    write(
        &src,
        "content/blog/rates.md",
        "+++\ntitle = \"Rates\"\ndate = 2024-03-05\n+++\n\n## Outlook\n\nText.\n",
    );
    write(
        &src,
        "content/blog/budget/index.md",
        "+++\ntitle = \"Budget\"\ndate = 2024-03-06\n+++\n\nSee [the outlook](@/blog/rates.md#outlook), \
         [rates again](../rates.md), [the old address](https://z.example.org/blog/rates/#outlook) \
         and [missing](@/blog/gone.md).\n\n```\n[syntax](@/blog/rates.md)\n```\n",
    );
    let dest = tmp.path().join("site");
    let report = import_and_build(&["import", "zola", "zola", "site"], &dest);
    assert!(
        report.contains("  links between documents pointed at their new addresses: 3\n"),
        "{report}"
    );
    assert!(
        report.contains("links to documents that are not in the import: left as written"),
        "{report}"
    );
    assert!(report.contains("@/blog/gone.md"), "{report}");
    let md = read(&dest.join("content/2024/03/budget/index.en.md"));
    assert!(
        md.contains("[the outlook](/en/2024/03/rates/#outlook), [rates again](/en/2024/03/rates/), [the old address](/en/2024/03/rates/#outlook)"),
        "{md}"
    );
    assert!(md.contains("```\n[syntax](@/blog/rates.md)\n```"), "{md}");
    let page = read(&dest.join("public/en/2024/03/budget/index.html"));
    assert!(
        page.contains("href=\"/en/2024/03/rates/#outlook\""),
        "{page}"
    );
}

/// Issue 30.7 and 30.9: Jekyll's old addresses — `defaults:` permalinks, folders inside `_posts`
/// (not categories), jekyll-polyglot's `_posts/LANG/` translations sharing a permalink — and the
/// dates Jekyll reads (`2020/08/8`, `2015-9-19-name.md`), with the configured time zone kept.
#[test]
fn jekyll_defaults_polyglot_and_loose_dates_come_across() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let src = tmp.path().join("jekyll");
    write(
        &src,
        "_config.yml",
        "title: Gazette\nurl: \"https://j.example.org\"\ntimezone: Asia/Qatar\n\
         languages: [\"en\", \"ar\"]\ndefault_lang: en\n\
         defaults:\n  - scope:\n      path: \"\"\n    values:\n      layout: default\n\
         \x20 - scope:\n      path: \"\"\n      type: posts\n    values:\n      permalink: /blog/:year/:title/\n",
    );
    write(
        &src,
        "_posts/en/2020-01-05-hello.md",
        "---\ntitle: Hello\nlang: en\n---\nText.\n",
    );
    write(
        &src,
        "_posts/ar/2020-01-05-hello.md",
        "---\ntitle: مرحبا\n---\nنص.\n",
    );
    write(
        &src,
        "_posts/2020/2020-08-08-slashes.md",
        "---\ntitle: Slashes\ndate: 2020/08/8 10:30\n---\nText.\n",
    );
    write(
        &src,
        "_posts/2015-9-19-short-date.md",
        "---\ntitle: Short date\n---\nText.\n",
    );
    let dest = tmp.path().join("site");
    let report = import_and_build(&["import", "jekyll", "jekyll", "site"], &dest);
    assert!(report.contains("  translations paired: 1\n"), "{report}");
    assert!(report.contains("  articles: 4 (ar 1, en 3)\n"), "{report}");
    assert!(!report.contains("dates nashra cannot read"), "{report}");
    let toml = read(&dest.join("site.toml"));
    assert!(toml.contains("timezone = \"Asia/Qatar\""), "{toml}");
    let out = dest.join("public");
    redirects(&out, "blog/2020/hello", "/en/2020/01/hello/");
    redirects(&out, "ar/blog/2020/hello", "/ar/2020/01/hello/");
    assert!(!out.join("ar/ar").exists());
    // a folder inside `_posts` is not a category
    redirects(&out, "blog/2020/slashes", "/en/2020/08/slashes/");
    redirects(&out, "blog/2015/short-date", "/en/2015/09/short-date/");
    let slashes = read(&out.join("en/2020/08/slashes/index.html"));
    assert!(
        slashes.contains("datetime=\"2020-08-08T10:30:00+03:00\""),
        "{slashes}"
    );
}

/// Issue 30.8: Hugo's `config/_default/` folder (config.toml + languages.toml + params.toml) is
/// read — languages, per-language titles and descriptions, direction — a base URL of `/`
/// becomes a placeholder with a report line, and permalinks with slices give old addresses.
/// Zola's `path` is the whole address (no language prefix added).
#[test]
fn hugo_config_folders_language_titles_and_slices() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let src = tmp.path().join("hugo");
    write(
        &src,
        "config/_default/config.toml",
        "baseURL = \"/\"\ndefaultContentLanguage = \"ar\"\n[permalinks]\ndocs = \"/:sections[1:]/:slug/\"\n",
    );
    write(
        &src,
        "config/_default/languages.toml",
        "[ar]\ntitle = \"أخبار الخليج\"\nlanguageDirection = \"rtl\"\n[ar.params]\ndescription = \"نشرة يومية\"\n\
         [en]\ntitle = \"Gulf News\"\n[en.params]\ndescription = \"A daily digest\"\n\
         [nqo]\ntitle = \"ߞߎߡߊ\"\nlanguagedir = \"rtl\"\n",
    );
    write(
        &src,
        "config/_default/params.toml",
        "description = \"unused\"\n",
    );
    write(
        &src,
        "content/docs/guides/setup.md",
        "---\ntitle: إعداد\ndate: 2024-02-01T10:00:00+03:00\nslug: setup\n---\nنص.\n",
    );
    write(
        &src,
        "content/docs/guides/setup.en.md",
        "---\ntitle: Setup\ndate: 2024-02-01T10:00:00+03:00\nslug: setup\n---\nText.\n",
    );
    write(
        &src,
        "content/news/hello.nqo.md",
        "---\ntitle: سڵاو\ndate: 2024-02-02T10:00:00+03:00\n---\nدەق.\n",
    );
    let dest = tmp.path().join("site");
    let report = import_and_build(&["import", "hugo", "hugo", "site"], &dest);
    assert!(
        report.contains("the old site's base URL is not an address nashra can use"),
        "{report}"
    );
    assert!(report.contains("  translations paired: 1\n"), "{report}");
    let toml = read(&dest.join("site.toml"));
    for line in [
        "base_url = \"https://example.org/\"",
        "default_language = \"ar\"",
        "[languages.\"ar\"]\ntitle = \"أخبار الخليج\"\ndescription = \"نشرة يومية\"\n",
        "[languages.\"en\"]\ntitle = \"Gulf News\"\ndescription = \"A daily digest\"\n",
        // N'Ko is written right to left, which nashra does not derive: the source's setting is
        // carried
        "[languages.\"nqo\"]\ntitle = \"ߞߎߡߊ\"\ndirection = \"rtl\"\n",
    ] {
        assert!(toml.contains(line), "{line:?} in:\n{toml}");
    }
    let out = dest.join("public");
    redirects(&out, "guides/setup", "/ar/2024/02/setup/");
    redirects(&out, "en/guides/setup", "/en/2024/02/setup/");
    let nqo = read(&out.join("nqo/2024/02/hello/index.html"));
    assert!(nqo.contains("lang=\"nqo\" dir=\"rtl\""), "{nqo}");

    let zola = tmp.path().join("zola");
    write(
        &zola,
        "config.toml",
        "base_url = \"https://z.example.org\"\ndefault_language = \"en\"\n[languages.fr]\ntitle = \"Nouvelles\"\n",
    );
    write(
        &zola,
        "content/blog/hello.fr.md",
        "+++\ntitle = \"Bonjour\"\ndate = 2024-03-01\npath = \"fr/salut\"\n+++\nTexte.\n",
    );
    let dest = tmp.path().join("zsite");
    import_and_build(&["import", "zola", "zola", "zsite"], &dest);
    let md = read(&dest.join("content/2024/03/hello/index.fr.md"));
    assert!(md.contains("aliases: [\"fr/salut\"]"), "{md}");
}

/// Issue 30.10: regional languages were merged (zh-CN and zh-TW both `zh`) and site.toml
/// refused `zh-TW`. Both come across as languages of their own; a lone `en-US` is still `en`.
#[test]
fn regional_languages_stay_apart() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let src = tmp.path().join("hugo");
    write(
        &src,
        "hugo.toml",
        "baseURL = \"https://h.example.org/\"\ndefaultContentLanguage = \"zh-cn\"\n[languages.zh-cn]\ntitle = \"新闻\"\n[languages.zh-tw]\ntitle = \"新聞\"\n",
    );
    write(
        &src,
        "content/posts/rain.zh-cn.md",
        "---\ntitle: 下雨\ndate: 2024-03-05T08:00:00Z\n---\n文字。\n",
    );
    write(
        &src,
        "content/posts/rain.zh-tw.md",
        "---\ntitle: 下雨了\ndate: 2024-03-05T08:00:00Z\n---\n文字。\n",
    );
    write(
        &src,
        "content/posts/wind.md",
        "---\ntitle: 风\nlang: zh-CN\ndate: 2024-03-06T08:00:00Z\n---\n文字。\n",
    );
    let dest = tmp.path().join("site");
    let report = import_and_build(&["import", "hugo", "hugo", "site"], &dest);
    assert!(
        report.contains("  articles: 3 (zh-CN 2, zh-TW 1)\n"),
        "{report}"
    );
    assert!(report.contains("  translations paired: 1\n"), "{report}");
    let out = dest.join("public");
    let tw = read(&out.join("zh-TW/2024/03/rain/index.html"));
    assert!(tw.contains("lang=\"zh-TW\""), "{tw}");
    redirects(&out, "zh-tw/posts/rain", "/zh-TW/2024/03/rain/");

    // one regional tag alone is the language
    let wp = one_post_export("<p>Text.</p>")
        .replace("<language>en</language>", "<language>en-US</language>");
    write(tmp.path(), "export.xml", &wp);
    let dest = tmp.path().join("wp");
    let report = import_and_build(&["import", "wordpress", "export.xml", "wp"], &dest);
    assert!(report.contains("  articles: 1 (en 1)\n"), "{report}");
}

/// Issue 30.11: WordPress block footnotes lost their text, `[caption]` took the picture's title
/// instead of the caption, `<a name>` anchors were dropped (in-page links broke) and HTML in
/// titles came out as markup.
#[test]
fn wordpress_footnotes_captions_anchors_and_titles_come_across() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let body = "<p><a name=\"part-one\"></a>Part one.</p>\
                <p>A claim<sup data-fn=\"f1-uuid\" class=\"fn\"><a href=\"#f1-uuid\" id=\"f1-uuid-link\">1</a></sup> \
                and <a href=\"#part-one\">back to part one</a>.</p>\
                [caption id=\"attachment_9\" align=\"alignnone\" width=\"800\"]<img src=\"https://cdn.example.org/port.jpg\" title=\"IMG_2041\" alt=\"Cranes\" /> Cranes at the port of Doha[/caption]\
                <!-- wp:footnotes /-->";
    let xml = one_post_export(body)
        .replace(
            "<title>Rates rise</title>",
            "<title>Rates &lt;em&gt;rise&lt;/em&gt; again</title>",
        )
        .replace(
            "<wp:status>publish</wp:status>",
            "<wp:status>publish</wp:status><wp:postmeta><wp:meta_key>footnotes</wp:meta_key>\
             <wp:meta_value><![CDATA[[{\"content\":\"The central bank, <em>on Monday</em>.\",\"id\":\"f1-uuid\"}]]]></wp:meta_value></wp:postmeta>",
        );
    write(tmp.path(), "export.xml", &xml);
    let dest = tmp.path().join("site");
    import_and_build(&["import", "wordpress", "export.xml", "site"], &dest);
    let md = read(&dest.join("content/2024/01/rates-rise/index.en.md"));
    assert!(md.contains("title: \"Rates rise again\""), "{md}");
    assert!(md.contains("A claim[^1]"), "{md}");
    assert!(md.contains("[^1]: The central bank, *on Monday*."), "{md}");
    assert!(md.contains("<a id=\"part-one\"></a>Part one."), "{md}");
    assert!(md.contains("\"Cranes at the port of Doha\")"), "{md}");
    assert!(!md.contains("IMG_2041"), "{md}");
    let page = read(&dest.join("public/en/2024/01/rates-rise/index.html"));
    assert!(page.contains("id=\"part-one\""), "{page}");
    assert!(
        page.contains("The central bank, <em>on Monday</em>."),
        "{page}"
    );
    assert!(
        page.contains("<figcaption>Cranes at the port of Doha</figcaption>"),
        "{page}"
    );
}

/// Issue 30.12 and 30.13: Hugo's headless bundles and `_build.render = never` pages were
/// published as empty pages, and a lead image naming a file of `static/` stayed relative to the
/// article; Zola's ASCII heading anchors differed from nashra's, breaking links written to them.
#[test]
fn hugo_headless_bundles_static_images_and_zola_anchors() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let src = tmp.path().join("hugo");
    write(&src, "hugo.toml", "baseURL = \"https://h.example.org/\"\n");
    write(
        &src,
        "content/shared/index.md",
        "---\nheadless: true\n---\n",
    );
    write(
        &src,
        "content/posts/hidden.md",
        "---\ntitle: Hidden\ndate: 2024-03-01T10:00:00Z\n_build:\n  render: never\n---\nText.\n",
    );
    write(
        &src,
        "content/posts/port.md",
        "---\ntitle: Port\ndate: 2024-03-02T10:00:00Z\nimage: images/port.jpg\n---\nText.\n",
    );
    write_jpeg(&src, "static/images/port.jpg", 320, 200);
    let dest = tmp.path().join("site");
    let report = import_and_build(&["import", "hugo", "hugo", "site"], &dest);
    assert!(report.contains("  articles: 1 (en 1)\n"), "{report}");
    assert!(
        report.contains(
            "2 × Hugo pages it did not publish (headless bundles, `_build.render = never`)"
        ),
        "{report}"
    );
    let md = read(&dest.join("content/2024/03/port/index.en.md"));
    assert!(md.contains("\"src\":\"/images/port.jpg\""), "{md}");
    let page = read(&dest.join("public/en/2024/03/port/index.html"));
    assert!(page.contains("/images/port.jpg"), "{page}");

    let zola = tmp.path().join("zola");
    write(
        &zola,
        "config.toml",
        "base_url = \"https://z.example.org\"\n",
    );
    write(
        &zola,
        "content/notes.md",
        "+++\ntitle = \"Notes\"\ndate = 2024-03-03\n+++\n\nJump to [the café](#cafe-au-lait) or [the second one](#overview-1).\n\n\
         ## Overview\n\nA.\n\n## Café au lait\n\nB.\n\n## Overview\n\nC.\n",
    );
    let dest = tmp.path().join("zsite");
    import_and_build(&["import", "zola", "zola", "zsite"], &dest);
    let page = read(&dest.join("public/en/2024/03/notes/index.html"));
    for id in [
        "id=\"overview\"",
        "id=\"cafe-au-lait\"",
        "id=\"overview-1\"",
    ] {
        assert!(page.contains(id), "{id} in {page}");
    }
    let check = common::nashra(tmp.path(), &["check", "--root", "zsite"]);
    assert!(!check.stderr.contains("cafe-au-lait"), "{}", check.stderr);
    assert!(!check.stderr.contains("overview-1"), "{}", check.stderr);
}

/// Links written with the generators' template tags — Hugo's `{{< ref >}}`, Jekyll's
/// `{% post_url %}` and `{{ site.baseurl }}` — point at the new addresses.
#[test]
fn template_tag_links_point_at_their_new_addresses() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let hugo = tmp.path().join("hugo");
    write(&hugo, "hugo.toml", "baseURL = \"https://h.example.org/\"\n");
    write(
        &hugo,
        "content/posts/rates.md",
        "---\ntitle: Rates\ndate: 2024-03-05T10:00:00Z\n---\n\n## Outlook\n\nText.\n",
    );
    write(
        &hugo,
        "content/posts/budget.md",
        "---\ntitle: Budget\ndate: 2024-03-06T10:00:00Z\n---\n\nSee [rates]({{< ref \"rates.md#outlook\" >}}) and [again]({{< relref \"/posts/rates\" >}}).\n",
    );
    let dest = tmp.path().join("hsite");
    import_and_build(&["import", "hugo", "hugo", "hsite"], &dest);
    let md = read(&dest.join("content/2024/03/budget/index.en.md"));
    assert!(
        md.contains("[rates](/en/2024/03/rates/#outlook) and [again](/en/2024/03/rates/)"),
        "{md}"
    );

    let jekyll = tmp.path().join("jekyll");
    write(&jekyll, "_config.yml", "url: \"https://j.example.org\"\n");
    write(
        &jekyll,
        "_posts/2020-07-21-rates.md",
        "---\ntitle: Rates\n---\nText.\n",
    );
    write(
        &jekyll,
        "_posts/2020-07-22-budget.md",
        "---\ntitle: Budget\n---\nSee [rates]({% post_url 2020-07-21-rates %}) and [the same]({{ site.baseurl }}/2020/07/21/rates.html).\n",
    );
    let dest = tmp.path().join("jsite");
    import_and_build(&["import", "jekyll", "jekyll", "jsite"], &dest);
    let md = read(&dest.join("content/2020/07/budget/index.en.md"));
    assert!(
        md.contains("[rates](/en/2020/07/rates/) and [the same](/en/2020/07/rates/)"),
        "{md}"
    );
}

/// A Hugo configuration file that is a symbolic link (in `config/_default/` or at the root) is
/// refused by name, before anything is read through it or written: its target could be any file
/// of the importing machine, and a parse error would show part of it.
#[cfg(unix)]
#[test]
fn a_configuration_that_is_a_link_is_refused() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let secret = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    write(
        secret.path(),
        "shadow",
        "root:$6$secret-hash:19000:0:99999:7:::\n",
    );
    for at in ["config/_default/languages.toml", "hugo.toml"] {
        let src = tmp.path().join(format!("hugo-{}", at.len()));
        write(
            &src,
            "content/posts/rates.md",
            "---\ntitle: Rates\ndate: 2024-03-05\n---\nText.\n",
        );
        let link = src.join(at);
        std::fs::create_dir_all(link.parent().unwrap_or(&src)).unwrap_or_else(|e| panic!("{e}"));
        std::os::unix::fs::symlink(secret.path().join("shadow"), &link)
            .unwrap_or_else(|e| panic!("{e}"));
        let dest = tmp.path().join(format!("site-{}", at.len()));
        let run = nashra(
            tmp.path(),
            &[
                "import",
                "hugo",
                &src.to_string_lossy(),
                &dest.to_string_lossy(),
            ],
        );
        assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
        assert!(
            run.stderr.contains(&format!(
                "error: {} is a symbolic link (to {}); the import follows none, so nothing was written",
                link.display(),
                secret.path().join("shadow").display()
            )),
            "{}",
            run.stderr
        );
        assert!(!run.stderr.contains("secret-hash"), "{}", run.stderr);
        assert!(!dest.exists());
    }
}
