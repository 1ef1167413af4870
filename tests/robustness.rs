//! Issue 15: messages that name the file and line for inputs that used to get a vague or
//! misplaced one, limits on templates that never finish, a full disk, and names that differ
//! only in Unicode normalisation. Each failing case also checks that the old output survived.

mod common;

use common::{fails_with, minimal_site, nashra, read, write, ARTICLE_AR};

#[test]
fn a_slug_too_long_for_a_folder_name_is_an_error_at_its_line() {
    let slug = "a".repeat(5000);
    let stderr = fails_with(
        |r| {
            write(
                r,
                "content/2025/11/summit.ar.md",
                &ARTICLE_AR.replacen("---\n", &format!("---\nslug: {slug}\n"), 1),
            )
        },
        &[],
        &["error: the slug is 5000 bytes long (5000 characters); a folder name can have at most 255 bytes\n  --> content/2025/11/summit.ar.md:2:7"],
    );
    assert!(!stderr.contains("nashra-staging"), "{stderr}");
}

#[test]
fn any_language_tag_in_a_file_name_is_a_language() {
    fails_with(
        |r| write(r, "content/2025/11/summit.pt-BR.md", ARTICLE_AR),
        &[],
        &["error: language `pt-BR` in the file name is not configured\n  --> content/2025/11/summit.pt-BR.md:1:1\n  = help: configured languages: ar, en; add [languages.pt-BR] to site.toml or rename the file"],
    );
}

#[test]
fn invalid_utf8_in_site_toml_and_locales_has_a_line() {
    fails_with(
        |r| {
            let mut bytes = std::fs::read(r.join("site.toml")).unwrap_or_else(|e| panic!("{e}"));
            bytes.extend_from_slice(b"# caf\xe9\n");
            std::fs::write(r.join("site.toml"), bytes).unwrap_or_else(|e| panic!("{e}"));
        },
        &[],
        &["error: site.toml is not valid UTF-8\n  --> site.toml:14:6"],
    );
    fails_with(
        |r| {
            std::fs::create_dir_all(r.join("locales/en")).unwrap_or_else(|e| panic!("{e}"));
            std::fs::write(
                r.join("locales/en/extra.ftl"),
                b"hello = Hi\nbye = Caf\xe9\n",
            )
            .unwrap_or_else(|e| panic!("{e}"));
        },
        &[],
        &["error: the file is not valid UTF-8\n  --> locales/en/extra.ftl:2:10"],
    );
}

#[test]
fn an_unclosed_fluent_placeable_is_reported_on_its_own_line() {
    fails_with(
        |r| write(r, "locales/en/extra.ftl", "hello = Hi\n  = broken {\nnext = ok\n"),
        &[],
        &["error: invalid Fluent: this `{` is not closed with `}`\n  --> locales/en/extra.ftl:2:12"],
    );
}

#[test]
fn a_template_that_never_finishes_is_stopped_and_named() {
    let stderr = fails_with(
        |r| {
            let toml = read(&r.join("site.toml"));
            write(r, "site.toml", &format!("render_timeout = 1\n{toml}"));
            // three calls per level, 20 levels deep: 3^20 renders
            write(
                r,
                "templates/article.html",
                "{% extends \"base.html\" %}{% component boom(n) %}{% if n > 0 %}{{ <boom n={n - 1} /> }}{{ <boom n={n - 1} /> }}{{ <boom n={n - 1} /> }}{% else %}x{% endif %}{% endcomponent boom %}{% block main %}{{ <boom n={19} /> }}{% endblock main %}",
            );
        },
        &[],
        &["error: template `article.html` did not finish rendering within 1 s (while rendering content/2025/11/summit.ar.md)\n  --> templates/article.html\n  = help: look for a loop over a huge range, or a component (or include) that calls itself more than once per level"],
    );
    assert_eq!(stderr.matches("did not finish").count(), 2, "{stderr}");
}

/// Issue 29.6: a loop that writes nothing and calls nothing ran 300 s with `render_timeout = 3`;
/// `build`, `check` and `watch` now stop a second after the limit, naming the template and the
/// article, and the old output survives. A writing loop is stopped from inside as before.
#[test]
fn a_template_loop_that_writes_nothing_is_stopped_in_every_command() {
    const SILENT: &str = "{% extends \"base.html\" %}{% block main %}{% for i in range(end=100000) %}{% for j in range(end=100000) %}{% endfor %}{% endfor %}{% endblock main %}";
    const WRITING: &str = "{% extends \"base.html\" %}{% block main %}{% for i in range(end=100000) %}{% for j in range(end=100000) %}.{% endfor %}{% endfor %}{% endblock main %}";
    let expected = "error: template `article.html` did not finish rendering within 1 s (while rendering content/2025/11/summit.";
    for body in [SILENT, WRITING] {
        let started = std::time::Instant::now();
        let stderr = fails_with(
            |r| {
                let toml = read(&r.join("site.toml"));
                write(r, "site.toml", &format!("render_timeout = 1\n{toml}"));
                write(r, "templates/article.html", body);
            },
            &[],
            &[
                expected,
                "  --> templates/article.html\n  = help: look for a loop over a huge range",
            ],
        );
        assert!(
            started.elapsed() < std::time::Duration::from_secs(60),
            "took {:?}: {stderr}",
            started.elapsed()
        );
    }
    let site = minimal_site();
    let r = site.path();
    let toml = read(&r.join("site.toml"));
    write(r, "site.toml", &format!("render_timeout = 1\n{toml}"));
    write(r, "templates/article.html", SILENT);
    let check = nashra(r, &["check"]);
    assert_eq!(check.code, 1, "{}", check.stderr);
    assert!(check.stderr.contains(expected), "{}", check.stderr);
    let json = nashra(r, &["build", "--format", "json"]);
    assert_eq!(json.code, 1, "{}", json.stderr);
    let v: serde_json::Value =
        serde_json::from_str(json.stdout.trim()).unwrap_or_else(|e| panic!("{e}: {}", json.stdout));
    assert_eq!(v["ok"], false);
    assert_eq!(v["problems"][0]["file"], "templates/article.html");
    // watch: the first build never ends; the process stops with the error instead of spinning
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_nashra"))
        .args(["watch", "--port", "0"])
        .current_dir(r)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains(expected), "{stderr}");
}

#[test]
fn a_template_include_cycle_names_the_templates() {
    fails_with(
        |r| {
            write(r, "templates/a.html", "{% include \"b.html\" %}");
            write(r, "templates/b.html", "x\n{% include \"a.html\" %}");
            write(
                r,
                "templates/article.html",
                "{% extends \"base.html\" %}{% block main %}{% include \"a.html\" %}{% endblock main %}",
            );
        },
        &[],
        &["error: templates include each other in a cycle: a.html → b.html → a.html\n  --> templates/b.html:2:12\n  = help: `b.html` must not include `a.html`: that leads back to itself"],
    );
}

#[test]
fn translations_pair_whatever_the_unicode_normalisation_of_their_names() {
    let site = minimal_site();
    let r = site.path();
    // "café" composed (as Linux and Windows write it) and decomposed (as macOS does)
    write(r, "content/2025/11/caf\u{e9}.ar.md", ARTICLE_AR);
    write(
        r,
        "content/2025/11/cafe\u{301}.en.md",
        &common::ARTICLE_EN.replace("Summit", "Café"),
    );
    let run = nashra(r, &["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let ar = read(&r.join("public/ar/2025/11/caf\u{e9}/index.html"));
    assert!(
        ar.contains("hreflang=\"en\" href=\"https://news.example.org/en/2025/11/caf%C3%A9/\""),
        "{ar}"
    );
}

#[test]
fn check_finds_a_broken_link_written_in_arabic_in_its_article() {
    let site = minimal_site();
    let r = site.path();
    write(
        r,
        "content/2025/11/summit.ar.md",
        &format!("{ARTICLE_AR}\nانظر [الصفحة](صفحة-مفقودة/).\n"),
    );
    let run = nashra(r, &["check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("  --> content/2025/11/summit.ar.md:10:15"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("--> templates"), "{}", run.stderr);
}

/// A small tmpfs mounted at a folder for one test, unmounted when dropped.
struct SmallDisk(std::path::PathBuf);

impl SmallDisk {
    /// Mounts a tmpfs with `options` at `dir`; `None` (with a message) where this machine does not
    /// let the tests mount one (not root).
    fn mount(dir: &std::path::Path, options: &str) -> Option<SmallDisk> {
        std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("{e}"));
        let mounted = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", options, "tmpfs"])
            .arg(dir)
            .output()
            .is_ok_and(|o| o.status.success());
        if !mounted {
            eprintln!("skipped: cannot mount a small tmpfs here (not root?)");
            return None;
        }
        Some(SmallDisk(dir.to_path_buf()))
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount").arg(&self.0).status();
    }
}

/// A full disk is one error naming the folder and the space needed, not one per file. Needs a
/// small tmpfs (root); skipped with a message where it cannot be mounted.
#[test]
fn a_full_disk_is_one_error_with_the_space_needed() {
    let site = minimal_site();
    let r = site.path();
    let disk = r.join("disk");
    let Some(_mounted) = SmallDisk::mount(&disk, "size=256k") else {
        return;
    };
    let out = disk.join("public");
    let out = out.to_string_lossy();
    let run = nashra(r, &["build", "--output", &out]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let errors: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("error:"))
        .collect();
    assert_eq!(errors.len(), 1, "{}", run.stderr);
    assert!(
        errors[0].starts_with(&format!(
            "error: no space left on the device of {}: ",
            disk.display()
        )),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("MiB are free now"), "{}", run.stderr);
    assert!(!disk.join("public").exists());
}

/// Issue 29.8: a disk out of inodes (space left, no room for files) was reported as "no space …
/// 14 MiB free"; it is said as it is.
#[test]
fn a_disk_out_of_inodes_is_said_as_it_is() {
    let site = minimal_site();
    let r = site.path();
    let disk = r.join("disk");
    let Some(_mounted) = SmallDisk::mount(&disk, "size=64m,nr_inodes=40") else {
        return;
    };
    let out = disk.join("public");
    let run = nashra(r, &["build", "--output", &out.to_string_lossy()]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.stderr.matches("error:").count(), 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(&format!(
            "error: the file system of {} can hold no more files (its inodes are used up): ",
            disk.display()
        )),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("MiB are free"), "{}", run.stderr);
}

/// Issue 29.8: an over-long alias or byline failed as `File name too long` on a staging path,
/// without a file. The alias is an error at its line; the byline's page gets a name a file system
/// takes.
#[test]
fn over_long_names_are_errors_at_their_line_or_cut_to_fit() {
    let long = "a".repeat(300);
    fails_with(
        |r| {
            write(
                r,
                "content/2025/11/summit.en.md",
                &format!("---\ntitle: Summit\ndate: 2025-11-27\naliases: [/old/{long}/]\n---\n\nText.\n"),
            )
        },
        &[],
        &["a part of it is 300 bytes long, and file systems allow 255 in a folder or file name\n  --> content/2025/11/summit.en.md:4:"],
    );
    let site = minimal_site();
    let r = site.path();
    let byline = "ب".repeat(200);
    write(
        r,
        "content/2025/11/summit.ar.md",
        &common::ARTICLE_AR.replace("topics:", &format!("authors: [\"{byline}\"]\ntopics:")),
    );
    let run = nashra(r, &["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let cut = "ب".repeat(127);
    assert!(
        r.join("public/ar/authors")
            .join(&cut)
            .join("index.html")
            .is_file(),
        "{:?}",
        std::fs::read_dir(r.join("public/ar/authors")).map(|d| d.count())
    );
}
