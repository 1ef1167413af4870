//! `nashra check`: what a build checks, plus links, anchors, images and messages across
//! languages; writes nothing; text for people and JSON lines for CI.

mod common;

use std::path::Path;

use common::{minimal_site, nashra, write};

#[test]
fn the_sample_site_has_no_problems_and_lists_untranslated_articles() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    for part in ["site.toml", "content", "templates", "locales", "static"] {
        let from = repo.join(part);
        if from.is_dir() {
            common::copy_dir(&from, &tmp.path().join(part));
        } else {
            std::fs::copy(&from, tmp.path().join(part)).unwrap_or_else(|e| panic!("{e}"));
        }
    }
    let run = nashra(tmp.path(), &["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("note: this article has no en version\n  --> content/2025/09/morocco-grain-imports.ar.md"), "{}", run.stderr);
    assert!(run.stderr.contains(
        "note: this article has no ar version\n  --> content/2025/10/caspian-gas-corridor.en.md"
    ));
    assert!(
        run.stderr.contains("check: no problems (3 notes)"),
        "{}",
        run.stderr
    );
    assert!(!tmp.path().join("public").exists(), "check writes nothing");
}

#[test]
fn broken_links_anchors_and_images_point_at_the_markdown() {
    let site = minimal_site();
    write(
        site.path(),
        "content/2025/11/summit.en.md",
        "---\ntitle: Summit\ndate: 2025-11-27\n---\n\n## Agenda\n\nSee [the agenda](#agenda) and [nothing](#nope).\n\nAlso [a page](/en/no-such-page/) and ![a map](map.png) and [home](/en/) and [out](https://example.com/).\n",
    );
    let run = nashra(site.path(), &["check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    for e in [
        "error: broken link `#nope`: `/en/2025/11/summit/index.html` has no element with id `nope`\n  --> content/2025/11/summit.en.md:8:41",
        "error: broken link `/en/no-such-page/`: nothing is generated at `/en/no-such-page/index.html`\n  --> content/2025/11/summit.en.md:10:15",
        "error: broken link `map.png`: nothing is generated at `/en/2025/11/summit/map.png`\n  --> content/2025/11/summit.en.md:10:47",
    ] {
        assert!(run.stderr.contains(e), "expected\n{e}\nin\n{}", run.stderr);
    }
    assert!(
        !run.stderr.contains("#agenda"),
        "a good anchor is fine: {}",
        run.stderr
    );
    assert!(run.stderr.contains("check: 3 problems"), "{}", run.stderr);
    assert!(!site.path().join("public").exists(), "check writes nothing");
}

#[test]
fn messages_missing_in_a_language_are_problems() {
    let site = minimal_site();
    write(
        site.path(),
        "locales/ar/extra.ftl",
        "# site messages\nbreaking = عاجل\n",
    );
    write(site.path(), "templates/page.html", "{% extends \"base.html\" %}{% block main %}{{ t(key=\"no-such-message\") }}{% endblock main %}");
    let run = nashra(site.path(), &["check"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("error: the message `breaking` is in `ar` but not in `en`\n  --> locales/ar/extra.ftl:2:1"), "{}", run.stderr);
    assert!(run.stderr.contains("error: the templates use the message `no-such-message`, which `ar` does not have\n  --> templates/page.html:1:"), "{}", run.stderr);
}

#[test]
fn warnings_count_as_errors_and_build_errors_are_found_too() {
    let site = minimal_site();
    write(
        site.path(),
        "content/2025/11/summit.ar.md",
        "---\ntitle: قمة\ndate: 2025-11-27\ntopic: [security]\ncountries: [XX]\n---\nنص.\n",
    );
    let run = nashra(site.path(), &["check"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains(
            "error: unknown front matter key `topic`\n  --> content/2025/11/summit.ar.md:4:1"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("error: invalid country code `XX`\n  --> content/2025/11/summit.ar.md:5:13"),
        "{}",
        run.stderr
    );
}

#[test]
fn json_format_gives_one_object_per_problem() {
    let site = minimal_site();
    write(
        site.path(),
        "content/2025/11/summit.en.md",
        "---\ntitle: Summit\ndate: 2025-11-27\n---\n\n[x](/en/gone/)\n",
    );
    let run = nashra(site.path(), &["check", "--format", "json"]);
    assert_eq!(run.code, 1);
    let objects: Vec<serde_json::Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    assert_eq!(objects.len(), 1, "{}", run.stdout);
    let o = &objects[0];
    assert_eq!(o["severity"], "error");
    assert_eq!(o["kind"], "broken-link");
    assert_eq!(o["file"], "content/2025/11/summit.en.md");
    assert_eq!(o["line"], 6);
    assert_eq!(o["column"], 5);
    assert_eq!(
        o["message"],
        "broken link `/en/gone/`: nothing is generated at `/en/gone/index.html`"
    );
}

#[test]
fn a_broken_link_in_a_template_is_reported_once() {
    let site = minimal_site();
    write(site.path(), "templates/page.html", "{% extends \"base.html\" %}{% block main %}<a href=\"/en/nowhere/\">x</a>{% endblock main %}");
    write(
        site.path(),
        "content/pages/about.en.md",
        "---\ntitle: About\n---\nText.\n",
    );
    write(
        site.path(),
        "content/pages/contact.en.md",
        "---\ntitle: Contact\n---\nText.\n",
    );
    let run = nashra(site.path(), &["check"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("error: broken link `/en/nowhere/`: nothing is generated at `/en/nowhere/index.html` (on /en/about/index.html and 1 more)\n  --> templates\n  = help: the link comes from a template"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("check: 1 problem"), "{}", run.stderr);
}

/// Issue 29.8: a Markdown link to a held article's file stayed in the page as its file name (a
/// broken link); it is shown as text with a warning at its line, and comes back when the article
/// is published. A broken `#anchor` in a link to another `.md` file was blamed on "templates".
#[test]
fn links_to_held_articles_are_text_and_md_anchors_point_at_the_markdown() {
    let site = minimal_site();
    let r = site.path();
    write(
        r,
        "content/2025/11/summit.en.md",
        "---\ntitle: Summit\ndate: 2025-11-27 10:30\n---\n\nSee [the report](report.en.md) first.\n\nAnd [the other](other.en.md#nowhere).\n",
    );
    write(
        r,
        "content/2025/11/report.en.md",
        "---\ntitle: Report\ndate: 2025-11-27\ndraft: true\n---\n\nDraft.\n",
    );
    write(
        r,
        "content/2025/11/other.en.md",
        "---\ntitle: Other\ndate: 2025-11-26\n---\n\nOther.\n",
    );
    let run = nashra(r, &["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("warning: the link to report.en.md is shown as text: that article is not published (a draft, embargoed or expired)\n  --> content/2025/11/summit.en.md:6:1"),
        "{}",
        run.stderr
    );
    let page = common::read(&r.join("public/en/2025/11/summit/index.html"));
    assert!(page.contains("See the report first."), "{page}");
    assert!(!page.contains("report.en.md"), "{page}");
    let check = nashra(r, &["check"]);
    assert_eq!(check.code, 1);
    assert!(
        check
            .stderr
            .contains("has no element with id `nowhere`\n  --> content/2025/11/summit.en.md:8:"),
        "{}",
        check.stderr
    );
    assert!(!check.stderr.contains("--> templates"), "{}", check.stderr);
    // published: the link is back
    let run = nashra(r, &["build", "--drafts"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = common::read(&r.join("public/en/2025/11/summit/index.html"));
    assert!(
        page.contains("See <a href=\"/en/2025/11/report/\">the report</a> first."),
        "{page}"
    );
}

/// Issue 30.15: `check` took `href='…'` written in an article's text for a link, and printed
/// one message repeated in many articles in full every time. Only tags' attributes are links;
/// a repeated message is shown at its first places, then as one line listing the others.
#[test]
fn prose_is_not_a_link_and_repeated_messages_are_grouped() {
    let site = minimal_site();
    write(
        site.path(),
        "content/2025/11/howto.en.md",
        "---\ntitle: How to link\ndate: 2025-11-20\n---\n\nWrite the attribute href='/en/nowhere/' on a link, or `src='gone.png'`.\n",
    );
    for n in 1..=6 {
        write(
            site.path(),
            &format!("content/2025/11/story-{n}.en.md"),
            &format!("---\ntitle: Story {n}\ndate: 2025-11-2{n}\n---\n\nSee [the old report](/en/old-report/).\n"),
        );
    }
    let run = nashra(site.path(), &["check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(!run.stderr.contains("nowhere"), "{}", run.stderr);
    assert!(!run.stderr.contains("gone.png"), "{}", run.stderr);
    let full =
        "error: broken link `/en/old-report/`: nothing is generated at `/en/old-report/index.html`";
    assert_eq!(run.stderr.matches(full).count(), 3, "{}", run.stderr);
    assert!(
        run.stderr.contains("  = the same error at 3 more places: content/2025/11/story-4.en.md:6:22, content/2025/11/story-5.en.md:6:22, content/2025/11/story-6.en.md:6:22\n"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("check: 6 problems"), "{}", run.stderr);
}

/// The README: `build` prints a repeated message the way `check` does — in full at its first
/// three places, then one line naming the others.
#[test]
fn build_groups_a_warning_repeated_in_many_articles() {
    let site = minimal_site();
    for n in 1..=5 {
        write(
            site.path(),
            &format!("content/2025/11/note-{n}.en.md"),
            &format!("---\ntitle: Note {n}\ncreated: 2025-11-2{n}\n---\n\nText.\n"),
        );
    }
    let run = nashra(site.path(), &["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let full = "warning: `created` is read as the article's `date`";
    assert_eq!(run.stderr.matches(full).count(), 3, "{}", run.stderr);
    assert!(
        run.stderr.contains("  = the same warning at 2 more places: content/2025/11/note-4.en.md:3:1, content/2025/11/note-5.en.md:3:1\n"),
        "{}",
        run.stderr
    );
}
