//! Every kind of bad input: the exact error (message, file, line, column), exit code 1, and the
//! previous output left byte-for-byte as it was.

mod common;

use std::path::Path;

use common::{fails_with, minimal_site, nashra, write, ARTICLE_AR};

fn article(root: &Path, front_matter: &str) {
    write(
        root,
        "content/2025/11/summit.ar.md",
        &format!("---\n{front_matter}---\n\nنص.\n"),
    );
}

#[test]
fn broken_yaml() {
    fails_with(
        |r| article(r, "title: \"قمة\ndate: 2025-11-27\n"),
        &[],
        &["error: invalid front matter: unclosed quote\n  --> content/2025/11/summit.ar.md:2:8"],
    );
}

#[test]
fn wrong_type_in_front_matter() {
    fails_with(
        |r| article(r, "title: [a, b]\ndate: 2025-11-27\n"),
        &[],
        &["error: invalid front matter: expected string scalar\n  --> content/2025/11/summit.ar.md:2:8"],
    );
}

#[test]
fn missing_title() {
    fails_with(
        |r| article(r, "date: 2025-11-27\n"),
        &[],
        &["error: front matter has no `title`\n  --> content/2025/11/summit.ar.md:2:1\n  = help: add a line `title: …` with the headline"],
    );
}

#[test]
fn missing_date() {
    fails_with(
        |r| article(r, "title: قمة\n"),
        &[],
        &["error: front matter has no `date`\n  --> content/2025/11/summit.ar.md:2:1"],
    );
}

#[test]
fn bad_date() {
    fails_with(
        |r| article(r, "title: قمة\ndate: 2025-13-27\n"),
        &[],
        &["error: invalid `date`: month 13 is out of range (01–12) in `2025-13-27`\n  --> content/2025/11/summit.ar.md:3:7"],
    );
}

#[test]
fn hour_24() {
    fails_with(
        |r| article(r, "title: قمة\ndate: 2025-11-27 24:00\n"),
        &[],
        &["error: invalid `date`: hour 24 is out of range (00–23) in `24:00`\n  --> content/2025/11/summit.ar.md:3:7"],
    );
}

#[test]
fn bad_updated_date() {
    fails_with(
        |r| article(r, "title: قمة\ndate: 2025-11-27\nupdated: yesterday\n"),
        &[],
        &["error: invalid `updated`: `yesterday` is not a date (expected YYYY-MM-DD)\n  --> content/2025/11/summit.ar.md:4:10"],
    );
}

#[test]
fn unknown_topic_with_suggestion() {
    fails_with(
        |r| article(r, "title: قمة\ndate: 2025-11-27\ntopics: [economy, securty]\n"),
        &[],
        &["error: unknown topic `securty` (did you mean `security`?)\n  --> content/2025/11/summit.ar.md:4:19"],
    );
}

#[test]
fn invalid_country_code() {
    fails_with(
        |r| {
            article(
                r,
                "title: قمة\ndate: 2025-11-27\ncountries:\n  - KG\n  - XX\n",
            )
        },
        &[],
        &["error: invalid country code `XX`\n  --> content/2025/11/summit.ar.md:6:5"],
    );
}

#[test]
fn uk_is_not_an_iso_code() {
    fails_with(
        |r| article(r, "title: قمة\ndate: 2025-11-27\ncountries: [uk]\n"),
        &[],
        &["error: invalid country code `uk` (did you mean `GB`?)\n  --> content/2025/11/summit.ar.md:4:13"],
    );
}

#[test]
fn two_files_claim_one_url() {
    fails_with(
        |r| write(r, "content/2025/11/other.ar.md", "---\ntitle: أخرى\ndate: 2025-11-28\nslug: summit\n---\n"),
        &[],
        &["error: `/ar/2025/11/summit/` is claimed by two files: this one and content/2025/11/other.ar.md\n  --> content/2025/11/summit.ar.md:2:8"],
    );
}

#[test]
fn two_translations_in_one_language() {
    fails_with(
        |r| {
            write(r, "content/a.ar.md", "---\ntitle: أ\ndate: 2025-11-28\ntranslation_key: k\n---\n");
            write(r, "content/b.ar.md", "---\ntitle: ب\ndate: 2025-11-28\ntranslation_key: k\n---\n");
        },
        &[],
        &["error: two `ar` files are versions of `k`: this one and content/a.ar.md\n  --> content/b.ar.md:2:8"],
    );
}

#[test]
fn unknown_key_is_an_error_under_strict() {
    let stderr = fails_with(
        |r| article(r, "title: قمة\ndate: 2025-11-27\ntopic: [security]\n"),
        &["--strict"],
        &["error: unknown front matter key `topic`\n  --> content/2025/11/summit.ar.md:4:1\n  = help: did you mean `topics`? (kept for templates under `extra.topic`)"],
    );
    assert!(!stderr.contains("warning:"), "{stderr}");
}

#[test]
fn unknown_key_is_only_a_warning_without_strict() {
    let site = minimal_site();
    article(
        site.path(),
        "title: قمة\ndate: 2025-11-27\ntopic: [security]\n",
    );
    let run = nashra(site.path(), &["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "warning: unknown front matter key `topic`\n  --> content/2025/11/summit.ar.md:4:1"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn no_front_matter() {
    fails_with(
        |r| write(r, "content/2025/11/summit.ar.md", "# عنوان\n\nنص.\n"),
        &[],
        &["error: the file does not start with front matter\n  --> content/2025/11/summit.ar.md:1:1"],
    );
}

#[test]
fn unclosed_front_matter() {
    fails_with(
        |r| {
            write(
                r,
                "content/2025/11/summit.ar.md",
                "---\ntitle: قمة\ndate: 2025-11-27\n\nنص.\n",
            )
        },
        &[],
        &["error: the front matter is never closed\n  --> content/2025/11/summit.ar.md:1:1"],
    );
}

#[test]
fn file_that_is_not_utf8() {
    fails_with(
        |r| {
            std::fs::write(
                r.join("content/2025/11/summit.ar.md"),
                b"---\ntitle: \xff\xfe\n---\n",
            )
            .unwrap_or_else(|e| panic!("{e}"))
        },
        &[],
        &["error: the file is not valid UTF-8\n  --> content/2025/11/summit.ar.md:2:8"],
    );
}

#[test]
fn language_that_is_not_configured() {
    fails_with(
        |r| write(r, "content/2025/11/summit.fr.md", ARTICLE_AR),
        &[],
        &["error: language `fr` in the file name is not configured\n  --> content/2025/11/summit.fr.md:1:1"],
    );
}

#[test]
fn slug_with_no_letters() {
    fails_with(
        |r| article(r, "title: قمة\ndate: 2025-11-27\nslug: \"؟!\"\n"),
        &[],
        &["error: `؟!` gives an empty slug\n  --> content/2025/11/summit.ar.md:4:7"],
    );
}

#[test]
fn template_syntax_error() {
    fails_with(
        |r| {
            write(r, "templates/article.html", "{% extends \"base.html\" %}\n{% block main %}\n<h1>{{ page.title </h1>\n{% endblock main %}\n")
        },
        &[],
        &["error: template error: Found `</` but expected }}.\n  --> templates/article.html:3:19"],
    );
}

#[test]
fn template_rendering_error() {
    fails_with(
        |r| write(r, "templates/article.html", "<p>\n{{ page.no_such_field.deeper }}</p>\n"),
        &[],
        &["error: template error: Field `no_such_field` is not defined. Available fields: author_links, authors, body, corrections, countries, date, extra, html, image, kind, lang, permalink, share, source_path, sources, summary, summary_dir, summary_lang, summary_written, tags, title, title_html, topics, updated, url (while rendering content/2025/11/summit.ar.md)\n  --> templates/article.html:2:9"],
    );
}

#[test]
fn card_template_rendering_error() {
    // a card is rendered once outside any page first; when that fails, the list page renders it
    // in place and its error names the template and line
    fails_with(
        |r| {
            write(
                r,
                "templates/card.html",
                "<li>\n{{ a.no_such_field.deeper }}</li>",
            )
        },
        &[],
        &[
            "error: template error: Field `no_such_field` is not defined.",
            "  --> templates/card.html:2:6",
        ],
    );
}

#[test]
fn broken_fluent_file() {
    fails_with(
        |r| write(r, "locales/ar/extra.ftl", "good = جيد\nbad message without equals\n"),
        &[],
        &["error: invalid Fluent: Expected a token starting with \"=\"\n  --> locales/ar/extra.ftl:2:5"],
    );
}

#[test]
fn topic_without_a_name() {
    fails_with(
        |r| {
            write(
                r,
                "site.toml",
                &common::SITE_TOML.replace(
                    "[\"security\", \"economy\"]",
                    "[\"security\", \"economy\", \"space\"]",
                ),
            )
        },
        &[],
        &[
            "error: topic `space` has no name in `ar`\n  --> site.toml:4:34",
            "error: topic `space` has no name in `en`\n  --> site.toml:4:34",
        ],
    );
}

#[test]
fn bad_site_toml_value() {
    fails_with(
        |r| write(r, "site.toml", &common::SITE_TOML.replace("digits = \"arab\"", "digits = \"arabic\"")),
        &[],
        &["error: invalid digits `arabic`\n  --> site.toml:8:10\n  = help: use \"latn\" (0123456789), \"arab\" (٠١٢٣٤٥٦٧٨٩) or \"arabext\" (۰۱۲۳۴۵۶۷۸۹, Persian and Urdu)"],
    );
}

#[test]
fn unknown_site_toml_key() {
    fails_with(
        |r| write(r, "site.toml", &common::SITE_TOML.replace("timezone =", "time_zone =")),
        &[],
        &["error: unknown key `time_zone` in site.toml\n  --> site.toml:3:1\n  = help: did you mean `timezone`?"],
    );
}

#[test]
fn bad_time_zone() {
    fails_with(
        |r| {
            write(
                r,
                "site.toml",
                &common::SITE_TOML.replace("Asia/Riyadh", "Mars/Olympus"),
            )
        },
        &[],
        &["error: unknown time zone `Mars/Olympus`\n  --> site.toml:3:12"],
    );
}

#[test]
fn output_folder_is_content() {
    fails_with(|_| {}, &["--output", "content"], &["error: refusing to use `content` as the output folder: it is the site's content/ folder"]);
}

#[test]
fn output_folder_is_the_site_root() {
    fails_with(
        |_| {},
        &["--output", "."],
        &["error: refusing to use `.` as the output folder: it is the site folder"],
    );
}

#[test]
fn output_folder_contains_the_site() {
    fails_with(
        |_| {},
        &["--output", ".."],
        &["error: refusing to use `..` as the output folder: it contains the site folder"],
    );
}

#[test]
fn output_folder_that_nashra_did_not_make() {
    fails_with(
        |r| write(r, "elsewhere/notes.txt", "keep me"),
        &["--output", "elsewhere"],
        &["error: refusing to use `elsewhere` as the output folder: it is not empty and was not made by nashra (no .nashra file in it; it has `notes.txt`)"],
    );
}

#[test]
fn every_problem_of_a_run_is_reported_together() {
    let stderr = fails_with(
        |r| {
            article(r, "title: قمة\ndate: 2025-11-27 25:00\ntopics: [securty]\n");
            write(r, "content/2025/11/b.en.md", "---\ndate: 2025-11-27\ncountries: [ZZ]\n---\n");
        },
        &[],
        &[
            "error: invalid `date`: hour 25 is out of range (00–23) in `25:00`\n  --> content/2025/11/summit.ar.md:3:7",
            "error: unknown topic `securty` (did you mean `security`?)\n  --> content/2025/11/summit.ar.md:4:10",
            "error: front matter has no `title`\n  --> content/2025/11/b.en.md:2:1",
            "error: invalid country code `ZZ`\n  --> content/2025/11/b.en.md:3:13",
        ],
    );
    assert!(stderr.contains("build failed with 4 errors"), "{stderr}");
}

#[test]
fn missing_site_toml_is_explained() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let run = nashra(dir.path(), &["build"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("error: no site.toml in ."),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("nashra init DIR"), "{}", run.stderr);
}

#[test]
fn wrong_usage_exits_2() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(nashra(dir.path(), &["build", "--no-such-flag"]).code, 2);
    assert_eq!(nashra(dir.path(), &["frobnicate"]).code, 2);
}

/// SPEC §7: `--help` on every command.
#[test]
fn every_command_has_help() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for cmd in ["build", "watch", "check", "new", "init"] {
        let run = nashra(dir.path(), &[cmd, "--help"]);
        assert_eq!(run.code, 0, "{cmd} --help: {}", run.stderr);
        assert!(
            run.stdout.contains(&format!("Usage: nashra {cmd}")),
            "{cmd} --help:\n{}",
            run.stdout
        );
    }
    let top = nashra(dir.path(), &["--help"]);
    assert_eq!(top.code, 0);
    for cmd in ["build", "watch", "check", "new", "init"] {
        assert!(top.stdout.contains(cmd), "{}", top.stdout);
    }
}

/// Arbitrary bytes as an article never crash nashra: it builds or reports errors.
#[test]
fn garbage_never_panics() {
    let site = minimal_site();
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let pieces: [&[u8]; 12] = [
        b"---\n",
        b"title: ",
        b"date: ",
        b"2025-11-27",
        b" 10:30",
        b"\xd9\x82\xd9\x85\xd8\xa9",
        b"[",
        b"]",
        b"{",
        b"&a *a",
        b"\r\n",
        b"\xff",
    ];
    for _ in 0..40 {
        let mut text = Vec::new();
        for _ in 0..30 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            text.extend_from_slice(pieces[(seed % pieces.len() as u64) as usize]);
        }
        std::fs::write(site.path().join("content/2025/11/summit.ar.md"), &text)
            .unwrap_or_else(|e| panic!("{e}"));
        let run = nashra(site.path(), &["build"]);
        assert!(
            run.code == 0 || run.code == 1,
            "exit {} on {:?}:\n{}",
            run.code,
            String::from_utf8_lossy(&text),
            run.stderr
        );
        assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    }
}

#[test]
fn duplicate_front_matter_key() {
    fails_with(
        |r| article(r, "title: قمة\ntitle: قمة ثانية\ndate: 2025-11-27\n"),
        &[],
        &["error: invalid front matter: the key `title` appears twice\n  --> content/2025/11/summit.ar.md:3:1\n  = help: keep one of the two lines"],
    );
}

#[test]
fn source_and_authors_of_the_wrong_shape() {
    fails_with(
        |r| {
            article(
                r,
                "title: قمة\ndate: 2025-11-27\nsource:\n  name: تاس\n  site: https://tass.ru\n",
            )
        },
        &[],
        &["error: invalid front matter: unknown field `site`, expected one of name, url\n  --> content/2025/11/summit.ar.md:6:3"],
    );
    fails_with(
        |r| article(r, "title: قمة\ndate: 2025-11-27\nsource: [{name: تاس}, {url: \"https://tass.ru\"}]\n"),
        &[],
        &["error: invalid front matter: missing field `name`\n  --> content/2025/11/summit.ar.md:4:24"],
    );
    fails_with(
        |r| article(r, "title: قمة\ndate: 2025-11-27\nsource: تاس\n"),
        &[],
        &["error: invalid front matter: invalid type: string \"تاس\", expected a source: `{name: …, url: …}`\n  --> content/2025/11/summit.ar.md:4:1"],
    );
    fails_with(
        |r| article(r, "title: قمة\ndate: 2025-11-27\nauthors: {name: 1}\n"),
        &[],
        &["error: invalid front matter: invalid type: map, expected a string\n  --> content/2025/11/summit.ar.md:4:10"],
    );
}

/// `2025-01-257` was published as 1 January 2025 (the day cast to a byte).
#[test]
fn an_out_of_range_day_is_an_error_not_another_date() {
    fails_with(
        |r| article(r, "title: قمة\ndate: 2025-01-257\n"),
        &[],
        &["error: invalid `date`: day 257 is out of range (01–31) in `2025-01-257`\n  --> content/2025/11/summit.ar.md:3:7"],
    );
    fails_with(
        |r| article(r, "title: قمة\ndate: 2025-11-27\nupdated: 2025-11-28 10:75\n"),
        &[],
        &["error: invalid `updated`: minute 75 is out of range (00–59) in `10:75`\n  --> content/2025/11/summit.ar.md:4:10"],
    );
}
