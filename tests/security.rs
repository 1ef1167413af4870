//! SECURITY.md's promises, each as an attack or a crash a newsroom's builder can meet: odd file
//! names, symbolic links, a killed rebuild, two builds at once, files that collide with pages,
//! an output in a linked folder, and files in the output that nashra did not write.

mod common;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use common::{minimal_site, nashra, read, tree, write};

fn build(root: &Path) -> common::Run {
    nashra(root, &["build"])
}

/// A failed build: exit 1, every `expected` line in stderr, the old output byte for byte.
fn refused(root: &Path, args: &[&str], expected: &[&str]) -> String {
    let before = tree(&root.join("public"));
    let run = nashra(root, args);
    assert_eq!(run.code, 1, "expected exit 1:\n{}", run.stderr);
    for e in expected {
        assert!(run.stderr.contains(e), "expected\n{e}\nin:\n{}", run.stderr);
    }
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert_eq!(
        tree(&root.join("public")),
        before,
        "the old output must survive"
    );
    run.stderr
}

/// Item 1: `x\..\..\SOMEWHERE\PWNED.txt` once wrote outside the site.
#[test]
fn a_file_name_with_backslashes_writes_nothing_outside_the_output() {
    let (site, root) = common::nested_site();
    assert_eq!(build(&root).code, 0);
    let evil = format!("x\\{}SOMEWHERE\\PWNED.txt", "..\\".repeat(30));
    write(&root, &format!("content/2025/11/{evil}"), "pwned");
    write(&root, &format!("static/{evil}"), "pwned");
    refused(
        &root,
        &["build"],
        &[
            "error: the file name contains a backslash (`\\`)",
            &format!("--> content/2025/11/{evil}"),
            &format!("--> static/{evil}"),
        ],
    );
    // fresh, into a new folder, too
    let fresh = nashra(&root, &["build", "--output", "fresh"]);
    assert_eq!(fresh.code, 1, "{}", fresh.stderr);
    let check = nashra(&root, &["check"]);
    assert_eq!(check.code, 1, "{}", check.stderr);
    assert!(
        check
            .stderr
            .contains(&format!("--> content/2025/11/{evil}")),
        "{}",
        check.stderr
    );
    for dir in [site.path(), &root, Path::new("/")] {
        assert!(
            !dir.join("SOMEWHERE").exists(),
            "wrote outside: {}",
            dir.display()
        );
    }
    assert!(walkdir::WalkDir::new(site.path())
        .into_iter()
        .filter_map(Result::ok)
        .all(|e| e.file_name() != "PWNED.txt"));
}

#[cfg(unix)]
#[test]
fn symbolic_links_out_of_the_site_are_refused() {
    let site = minimal_site();
    let root = site.path();
    assert_eq!(build(root).code, 0);
    let secret = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    write(secret.path(), "id_rsa", "PRIVATE KEY");
    std::os::unix::fs::symlink("/etc/passwd", root.join("content/2025/11/leak.txt"))
        .unwrap_or_else(|e| panic!("{e}"));
    std::os::unix::fs::symlink(secret.path(), root.join("content/2025/keys"))
        .unwrap_or_else(|e| panic!("{e}"));
    std::fs::create_dir_all(root.join("static")).unwrap_or_else(|e| panic!("{e}"));
    std::os::unix::fs::symlink(secret.path().join("id_rsa"), root.join("static/key.txt"))
        .unwrap_or_else(|e| panic!("{e}"));
    let stderr = refused(
        root,
        &["build"],
        &[
            "error: refusing to follow the symbolic link: it points outside the site, to /etc/passwd\n  --> content/2025/11/leak.txt",
            "--> content/2025/keys",
            "--> static/key.txt",
        ],
    );
    assert!(!stderr.contains("PRIVATE KEY"));
    let check = nashra(root, &["check"]);
    assert_eq!(check.code, 1);
    assert!(
        check.stderr.contains("--> content/2025/11/leak.txt"),
        "{}",
        check.stderr
    );
    // even when links are allowed, those leaving the site stay refused
    let toml = read(&root.join("site.toml"));
    write(
        root,
        "site.toml",
        &format!("follow_symlinks = true\n{toml}"),
    );
    refused(
        root,
        &["build"],
        &["points outside the site", "--> content/2025/keys"],
    );
}

#[cfg(unix)]
#[test]
fn symbolic_links_inside_the_site_are_followed_only_when_allowed() {
    let site = minimal_site();
    let root = site.path();
    write(
        root,
        "shared/logo.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    assert_eq!(build(root).code, 0);
    std::os::unix::fs::symlink(
        root.join("shared/logo.svg"),
        root.join("content/2025/11/logo.svg"),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    refused(
        root,
        &["build"],
        &[
            "which nashra does not follow by default",
            "--> content/2025/11/logo.svg",
            "follow_symlinks = true",
        ],
    );
    let toml = read(&root.join("site.toml"));
    write(
        root,
        "site.toml",
        &format!("follow_symlinks = true\n{toml}"),
    );
    let run = build(root);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(root.join("public/2025/11/logo.svg").is_file());
}

/// Item 5: a plain file where generated pages have their folder.
#[test]
fn an_asset_where_pages_are_generated_is_an_error_in_every_mode() {
    let site = minimal_site();
    let root = site.path();
    assert_eq!(build(root).code, 0);
    assert!(root.join("public/en/2025/11/summit/index.html").is_file());
    write(root, "content/en/2025", "not a folder");
    refused(
        root,
        &["build"],
        &["error: this file would be written at /en/2025, which is a folder of generated pages (e.g. /en/2025/11/", "--> content/en/2025"],
    );
    assert!(root.join("public/en/2025/11/summit/index.html").is_file());
    let fresh = nashra(root, &["build", "--output", "fresh"]);
    assert_eq!(fresh.code, 1);
    assert!(
        fresh.stderr.contains("--> content/en/2025"),
        "{}",
        fresh.stderr
    );
    let check = nashra(root, &["check"]);
    assert!(
        check.stderr.contains("--> content/en/2025"),
        "{}",
        check.stderr
    );
}

/// Item 3: an old file where the new site has a folder made a rebuild fail half-way, and every
/// later build too.
#[test]
fn a_file_that_becomes_a_folder_rebuilds_cleanly() {
    let site = minimal_site();
    let root = site.path();
    write(
        root,
        "content/pages/about.en.md",
        "---\ntitle: About\n---\n\nText.\n",
    );
    write(root, "content/pages/en/about", "a file named like the page");
    let run = build(root);
    // the asset is at /pages/en/about; nothing collides yet
    assert_eq!(run.code, 0, "{}", run.stderr);
    std::fs::remove_file(root.join("content/pages/en/about")).unwrap_or_else(|e| panic!("{e}"));
    let run = build(root);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(root.join("public/en/about/index.html").is_file());
    assert!(!root.join("public/pages/en/about").exists());
    assert_eq!(build(root).code, 0);
}

/// Item 6: the output inside a `content/` that is a link to elsewhere.
#[cfg(unix)]
#[test]
fn an_output_inside_a_linked_content_folder_is_refused() {
    let site = minimal_site();
    let root = site.path();
    let elsewhere = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    common::copy_dir(&root.join("content"), elsewhere.path());
    std::fs::remove_dir_all(root.join("content")).unwrap_or_else(|e| panic!("{e}"));
    std::os::unix::fs::symlink(elsewhere.path(), root.join("content"))
        .unwrap_or_else(|e| panic!("{e}"));
    let out = elsewhere.path().join("public");
    let run = nashra(root, &["build", "--output", &out.to_string_lossy()]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("it is inside the site's content/ folder"),
        "{}",
        run.stderr
    );
    assert!(!out.exists());
    // the link itself is the owner's choice: building elsewhere works
    let run = build(root);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

/// Item 8: `.git`, `CNAME` and `preserve`d files survive; a stray `.nashra` is not a licence.
#[test]
fn a_rebuild_keeps_what_nashra_did_not_write() {
    let site = minimal_site();
    let root = site.path();
    // a gh-pages worktree: .git and CNAME before the first build
    write(root, "public/.git/HEAD", "ref: refs/heads/gh-pages\n");
    write(root, "public/CNAME", "news.example.org\n");
    let run = build(root);
    assert_eq!(
        run.code, 1,
        "CNAME is not nashra's and not listed: {}",
        run.stderr
    );
    assert!(run.stderr.contains("it has `CNAME`"), "{}", run.stderr);
    let toml = read(&root.join("site.toml"));
    write(
        root,
        "site.toml",
        &format!("preserve = [\"CNAME\", \"downloads\"]\n{toml}"),
    );
    assert_eq!(build(root).code, 0);
    write(root, "public/downloads/report.pdf", "%PDF");
    write(root, "public/.well-known/security.txt", "Contact: x");
    write(
        root,
        "content/2025/11/b.en.md",
        "---\ntitle: B\ndate: 2025-11-28\n---\n\nB.\n",
    );
    let run = build(root);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        read(&root.join("public/.git/HEAD")),
        "ref: refs/heads/gh-pages\n"
    );
    assert_eq!(read(&root.join("public/CNAME")), "news.example.org\n");
    assert_eq!(read(&root.join("public/downloads/report.pdf")), "%PDF");
    assert!(root.join("public/.well-known/security.txt").is_file());
    assert!(root.join("public/en/2025/11/b/index.html").is_file());
    // a page nashra wrote and no longer produces goes
    std::fs::remove_file(root.join("content/2025/11/b.en.md")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(build(root).code, 0);
    assert!(!root.join("public/en/2025/11/b").exists());
    assert_eq!(read(&root.join("public/CNAME")), "news.example.org\n");

    // a folder with a hand-made marker is not wiped
    write(root, "mine/.nashra", "");
    write(root, "mine/thesis.docx", "years of work");
    let run = nashra(root, &["build", "--output", "mine"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("its .nashra file was not written by nashra"),
        "{}",
        run.stderr
    );
    assert_eq!(read(&root.join("mine/thesis.docx")), "years of work");
}

/// Item 4: one writer per output; `--wait` waits; a killed holder's lock is taken over.
#[test]
fn a_second_writer_is_refused_or_waits() {
    let site = minimal_site();
    let root = site.path();
    let mut watch = Command::new(env!("CARGO_BIN_EXE_nashra"))
        .args(["watch", "--port", "0"])
        .current_dir(root)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    let pid = watch.id();
    // the first line is printed once the first build is done and the lock is held
    let mut line = String::new();
    if let Some(out) = watch.stdout.take() {
        use std::io::BufRead;
        let _ = std::io::BufReader::new(out).read_line(&mut line);
    }
    assert!(line.contains("serving"), "{line}");
    let run = build(root);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(&format!(
            "error: another nashra process (pid {pid}) is writing"
        )),
        "{}",
        run.stderr
    );
    let waiting = Command::new(env!("CARGO_BIN_EXE_nashra"))
        .args(["build", "--wait"])
        .current_dir(root)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    std::thread::sleep(Duration::from_millis(500));
    let _ = watch.kill(); // SIGKILL: the OS releases its lock
    let _ = watch.wait();
    let out = waiting.wait_with_output().unwrap_or_else(|e| panic!("{e}"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("waiting for another nashra process"));
}

/// A bigger site, so that a build takes long enough to be killed in the middle.
fn big_site(root: &Path, n: usize, word: &str) {
    write(root, "site.toml", common::SITE_TOML);
    for i in 0..n {
        let day = 1 + i % 28;
        write(
            root,
            &format!("content/2025/11/a{i}.en.md"),
            &format!("---\ntitle: \"{word} {i}\"\ndate: 2025-11-{day:02} 10:30\ntopics: [security]\ncountries: [KG]\n---\n\n{word} body {i}.\n"),
        );
    }
}

/// Item 3: killed at any point of a rebuild, the output is the complete old site or the complete
/// new one, and the next run cleans up.
#[cfg(unix)]
#[test]
fn a_killed_rebuild_leaves_the_old_site_or_the_new_one() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let root = dir.path();
    big_site(root, 600, "Old");
    assert_eq!(build(root).code, 0);
    let old = tree(&root.join("public"));
    big_site(root, 600, "New");
    // the new site, built elsewhere, to compare with
    let reference = nashra(root, &["build", "--output", "reference"]);
    assert_eq!(reference.code, 0);
    let new = tree(&root.join("reference"));
    assert_ne!(old, new);
    let t0 = std::time::Instant::now();
    let probe = nashra(root, &["build", "--output", "probe"]);
    assert_eq!(probe.code, 0);
    let span = t0.elapsed().as_micros() as u64;
    let (mut saw_old, mut saw_new, mut mid_write) = (0, 0, 0);
    for step in 0..24u64 {
        // the output before this attempt: old, or new once an attempt got through
        let mut child = Command::new(env!("CARGO_BIN_EXE_nashra"))
            .arg("build")
            .current_dir(root)
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("{e}"));
        std::thread::sleep(Duration::from_micros(span * step / 20));
        let _ = child.kill();
        let _ = child.wait();
        // killed while the new site was being written (the window this test is about)
        if root.join(".public.nashra-staging").exists() {
            mid_write += 1;
        }
        // what a reader sees now, or after the next run rolls a half-swap back
        let now = if root.join("public").exists() {
            tree(&root.join("public"))
        } else {
            // killed between the two renames: the old site waits beside it
            tree(&root.join(".public.nashra-old"))
        };
        if now == old {
            saw_old += 1;
        } else if now == new {
            saw_new += 1;
            // start again from the old site
            big_site(root, 600, "Old");
            assert_eq!(build(root).code, 0);
            big_site(root, 600, "New");
        } else {
            panic!("step {step}: the output is neither the old site nor the new one");
        }
    }
    assert!(
        mid_write > 0,
        "no kill landed while the new site was being written ({saw_old} old, {saw_new} new)"
    );
    let run = build(root);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(tree(&root.join("public")), new);
    for leftover in [".public.nashra-staging", ".public.nashra-old"] {
        assert!(!root.join(leftover).exists(), "{leftover} left behind");
    }
    eprintln!(
        "kills: {saw_old} saw the old site, {saw_new} the new one, {mid_write} while writing"
    );
}

/// Item 2: a folder of the output replaced by a link is not written through.
#[cfg(unix)]
#[test]
fn a_linked_folder_in_the_output_is_not_written_through() {
    let site = minimal_site();
    let root = site.path();
    assert_eq!(build(root).code, 0);
    let elsewhere = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    write(elsewhere.path(), "precious.txt", "keep");
    std::fs::remove_dir_all(root.join("public/en")).unwrap_or_else(|e| panic!("{e}"));
    std::os::unix::fs::symlink(elsewhere.path(), root.join("public/en"))
        .unwrap_or_else(|e| panic!("{e}"));
    let run = build(root);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let meta = std::fs::symlink_metadata(root.join("public/en")).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        meta.is_dir(),
        "the output's en/ must be a real folder again"
    );
    assert!(root.join("public/en/2025/11/summit/index.html").is_file());
    let left: Vec<_> = std::fs::read_dir(elsewhere.path())
        .unwrap_or_else(|e| panic!("{e}"))
        .filter_map(Result::ok)
        .map(|e| e.file_name())
        .collect();
    assert_eq!(
        left,
        vec![std::ffi::OsString::from("precious.txt")],
        "nothing written through the link"
    );
    assert_eq!(read(&elsewhere.path().join("precious.txt")), "keep");
}

/// A folder outside the site a link may aim at: a file in it and one in a sub-folder.
#[cfg(unix)]
fn victim() -> tempfile::TempDir {
    let v = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    write(v.path(), "precious.txt", "keep me");
    write(
        v.path(),
        "0123456789abcdef0123456789abcdef/info",
        "an entry-shaped folder the cache would prune",
    );
    v
}

#[cfg(unix)]
fn link(target: &Path, at: &Path) {
    std::os::unix::fs::symlink(target, at).unwrap_or_else(|e| panic!("{e}"));
}

/// Issue 29.1: a committed `.public.nashra-old` → any folder once made a fresh build (no
/// `public/` yet, as in CI) delete that folder's contents, exit 0, nothing printed.
#[cfg(unix)]
#[test]
fn a_committed_link_at_a_bookkeeping_path_is_refused_and_followed_nowhere() {
    for own in [".public.nashra-old", ".public.nashra-staging"] {
        let site = minimal_site();
        let root = site.path();
        let v = victim();
        link(v.path(), &root.join(own));
        let before = tree(v.path());
        let run = build(root);
        assert_eq!(run.code, 1, "{own}: {}", run.stderr);
        assert!(
            run.stderr.contains(&format!(
                "error: refusing to follow the symbolic link (to {}): nashra keeps its own files at this path and never writes through a link\n  --> {own}",
                v.path().display()
            )),
            "{own}: {}",
            run.stderr
        );
        assert_eq!(tree(v.path()), before, "{own}: the linked folder changed");
        assert!(!root.join("public").exists(), "{own}: built anyway");
        // the same with an output from an earlier build: it survives
        std::fs::remove_file(root.join(own)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(build(root).code, 0);
        link(v.path(), &root.join(own));
        refused(root, &["build"], &[&format!("--> {own}")]);
        assert_eq!(tree(v.path()), before);
    }
}

/// Issue 29.1: `.public.nashra-lock` → any file was emptied and got the pid written into it on
/// every build and watch.
#[cfg(unix)]
#[test]
fn a_lock_file_that_is_a_link_is_not_written_through() {
    let site = minimal_site();
    let root = site.path();
    assert_eq!(build(root).code, 0);
    let v = victim();
    let target = v.path().join("precious.txt");
    std::fs::remove_file(root.join(".public.nashra-lock")).unwrap_or_else(|e| panic!("{e}"));
    link(&target, &root.join(".public.nashra-lock"));
    refused(
        root,
        &["build"],
        &[
            "refusing to follow the symbolic link",
            "--> .public.nashra-lock",
        ],
    );
    // watch reports it as its first build's error, and keeps watching for a fix
    let watch = common::watch::start(root, &[]);
    watch.log_until("--> .public.nashra-lock");
    drop(watch);
    assert_eq!(read(&target), "keep me");
}

/// Issue 29.1: a committed `public` → `../elsewhere` link sent the whole site into any folder
/// that was empty or held only dotfiles. The owner may still build through a link of theirs.
#[cfg(unix)]
#[test]
fn an_output_that_is_a_link_is_used_only_when_the_owner_says_so() {
    let site = minimal_site();
    let root = site.path();
    let elsewhere = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    write(elsewhere.path(), ".profile", "dotfiles only");
    link(elsewhere.path(), &root.join("public"));
    let run = build(root);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(&format!(
            "error: refusing to build into `public`: it is a symbolic link (to {})\n  --> public",
            elsewhere.path().display()
        )),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("--follow-output-link"),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read_dir(elsewhere.path()).map_or(0, Iterator::count),
        1,
        "the linked folder got files"
    );
    // a folder on the way to output_dir is refused the same way
    let toml = read(&root.join("site.toml"));
    write(
        root,
        "site.toml",
        &format!("output_dir = \"public/site\"\n{toml}"),
    );
    let run = build(root);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("the folder `public` on its way is a symbolic link"),
        "{}",
        run.stderr
    );
    write(root, "site.toml", &toml);
    // the owner's say on the command line
    let run = nashra(root, &["build", "--follow-output-link"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(elsewhere.path().join("index.html").exists());
}

/// Issue 29.1: site.toml is untrusted input, and `cache_dir = "../anywhere"` made the build write
/// and prune outside the site; so did a committed `.nashra-cache` link.
#[cfg(unix)]
#[test]
fn the_image_cache_stays_inside_the_site() {
    let site = minimal_site();
    let root = site.path();
    common::write_jpeg(root, "content/2025/11/photo.jpg", 320, 200);
    assert_eq!(build(root).code, 0);
    let toml = read(&root.join("site.toml"));
    for (value, why) in [
        (
            "../anywhere",
            "`../anywhere`: the path has a `..` component",
        ),
        ("/tmp/anywhere", "`/tmp/anywhere` is an absolute path"),
        (
            "cache/../../x",
            "`cache/../../x`: the path has a `..` component",
        ),
    ] {
        write(
            root,
            "site.toml",
            &format!("{toml}\n[images]\ncache_dir = \"{value}\"\n"),
        );
        let line = toml.lines().count() + 3;
        refused(
            root,
            &["build"],
            &[
                &format!("error: `cache_dir` must be a folder inside the site folder: {why}"),
                &format!("--> site.toml:{line}:"),
            ],
        );
    }
    write(
        root,
        "site.toml",
        &format!("output_dir = \"../out\"\n{toml}"),
    );
    refused(
        root,
        &["build"],
        &[
            "error: `output_dir` must be a folder inside the site folder: `../out`: the path has a `..` component",
            "--> site.toml:1:",
            "pass --output on the command line",
        ],
    );
    write(root, "site.toml", &toml);
    let v = victim();
    let before = tree(v.path());
    std::fs::remove_dir_all(root.join(".nashra-cache")).unwrap_or_else(|e| panic!("{e}"));
    link(v.path(), &root.join(".nashra-cache"));
    refused(
        root,
        &["build"],
        &[
            "refusing to follow the symbolic link",
            "nashra keeps its image cache here",
            "--> .nashra-cache",
        ],
    );
    // and a link one level down, at images/
    std::fs::remove_file(root.join(".nashra-cache")).unwrap_or_else(|e| panic!("{e}"));
    std::fs::create_dir(root.join(".nashra-cache")).unwrap_or_else(|e| panic!("{e}"));
    link(v.path(), &root.join(".nashra-cache/images"));
    refused(root, &["build"], &["--> .nashra-cache/images"]);
    assert_eq!(tree(v.path()), before, "the linked folder changed");
}

/// Issue 29.3: a file in `static/` or `content/` at the path of a generated *file* silently won
/// (a contributor's `content/_redirects` with `/* https://evil.example/ 301!` went live), and was
/// written through a hard link into the live old output. Now an error in every mode, unless
/// site.toml says the site provides that file itself.
#[test]
fn a_file_where_nashra_generates_one_is_an_error_in_every_mode() {
    let site = minimal_site();
    let root = site.path();
    assert_eq!(build(root).code, 0);
    let cases = [
        (
            "content/_redirects",
            "/_redirects",
            "/* https://evil.example/ 301!\n",
        ),
        (
            "static/robots.txt",
            "/robots.txt",
            "User-agent: *\nDisallow: /\n",
        ),
        ("static/sitemap.xml", "/sitemap.xml", "<urlset/>"),
        ("content/news-sitemap.xml", "/news-sitemap.xml", "<urlset/>"),
        (
            "static/index.html",
            "/index.html",
            "<meta http-equiv=refresh content='0;url=https://evil.example/'>",
        ),
        ("static/404.html", "/404.html", "gone"),
        (
            "static/_headers",
            "/_headers",
            "/*\n  Content-Security-Policy: none\n",
        ),
        ("content/en/feed.xml", "/en/feed.xml", "<feed/>"),
        (
            "static/ar/feed.json",
            "/ar/feed.json",
            "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}",
        ),
        (
            "static/ar/manifest.webmanifest",
            "/ar/manifest.webmanifest",
            "{}",
        ),
    ];
    for (file, at, text) in cases {
        write(root, file, text);
        let expected = format!(
            "error: this file would be written at {at}, which is the file {at} that nashra generates or reserves\n  --> {file}"
        );
        refused(root, &["build"], &[&expected]);
        let fresh = nashra(root, &["build", "--output", "fresh"]);
        assert_eq!(fresh.code, 1, "{file}: {}", fresh.stderr);
        assert!(fresh.stderr.contains(&expected), "{}", fresh.stderr);
        let check = nashra(root, &["check"]);
        assert!(check.stderr.contains(&expected), "{}", check.stderr);
        std::fs::remove_file(root.join(file)).unwrap_or_else(|e| panic!("{e}"));
    }
    // a file under a generated file (it was `File exists` on a staging path)
    write(root, "content/en/feed.xml/x.txt", "x");
    refused(
        root,
        &["build"],
        &["error: this file would be written at /en/feed.xml/x.txt, which is inside /en/feed.xml, a file that nashra generates or reserves\n  --> content/en/feed.xml/x.txt"],
    );
    std::fs::remove_dir_all(root.join("content/en/feed.xml")).unwrap_or_else(|e| panic!("{e}"));
    // the help says how a site publishes its own robots.txt, and that works
    write(
        root,
        "static/robots.txt",
        "User-agent: *\nDisallow: /drafts/\n",
    );
    let stderr = refused(root, &["build"], &["--> static/robots.txt"]);
    assert!(
        stderr.contains("add `own_files = [\"robots.txt\"]` to site.toml"),
        "{stderr}"
    );
    let toml = read(&root.join("site.toml"));
    write(
        root,
        "site.toml",
        &format!("own_files = [\"robots.txt\", \"_headers\"]\n{toml}"),
    );
    let run = build(root);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        read(&root.join("public/robots.txt")),
        "User-agent: *\nDisallow: /drafts/\n"
    );
    assert!(
        run.stderr.contains("warning: site.toml says the site provides its own /_headers (`own_files`), but neither static/ nor content/ has it"),
        "{}",
        run.stderr
    );
    write(
        root,
        "site.toml",
        &format!("own_files = [\"feed.xml\"]\n{toml}"),
    );
    refused(
        root,
        &["build"],
        &[
            "error: `own_files` cannot name `feed.xml`",
            "--> site.toml:1:",
        ],
    );
}

/// Issue 29.4: the output swap left a moment with no output (a reader polling `public/` during
/// rebuilds found nothing in 24 of 36); where the system can exchange two folders in one step
/// (Linux, macOS), a reader always finds a complete site.
#[cfg(any(target_os = "linux", target_vendor = "apple"))]
#[test]
fn a_reader_never_finds_the_output_missing_during_rebuilds() {
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    use std::sync::Arc;
    let site = minimal_site();
    let root = site.path().to_path_buf();
    let article = |i: usize, word: &str| {
        write(
            &root,
            &format!("content/2025/11/a{i}.en.md"),
            &format!(
                "---\ntitle: \"{word} {i}\"\ndate: 2025-11-{:02} 10:30\n---\n\n{word} body {i}.\n",
                1 + i % 28
            ),
        );
    };
    for i in 0..100 {
        article(i, "Old");
    }
    assert_eq!(build(&root).code, 0);
    let stop = Arc::new(AtomicBool::new(false));
    let (polls, misses) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
    let reader = {
        let (stop, polls, misses) = (stop.clone(), polls.clone(), misses.clone());
        let page = root.join("public/index.html");
        std::thread::spawn(move || {
            while !stop.load(Ordering::Relaxed) {
                if std::fs::metadata(&page).is_err() {
                    misses.fetch_add(1, Ordering::Relaxed);
                }
                polls.fetch_add(1, Ordering::Relaxed);
            }
        })
    };
    for round in 0..12 {
        for i in 0..100 {
            article(i, if round % 2 == 0 { "New" } else { "Old" });
        }
        let run = build(&root);
        assert_eq!(run.code, 0, "{}", run.stderr);
    }
    stop.store(true, Ordering::Relaxed);
    let _ = reader.join();
    assert!(polls.load(Ordering::Relaxed) > 1000);
    assert_eq!(
        misses.load(Ordering::Relaxed),
        0,
        "the output was missing {} times in {} polls",
        misses.load(Ordering::Relaxed),
        polls.load(Ordering::Relaxed)
    );
    assert!(!root.join(".public.nashra-old").exists());
    assert!(!root.join(".public.nashra-staging").exists());
}

/// The folders of a search index (term chunks, entries, entry-name pages, filter lists and
/// postings parts) are nashra's: a contributor's file where one of them goes is refused before
/// anything is written. (The entry-name pages and postings parts, added later, were missing
/// from the collision check: such a file built, and a big site's index then failed to write.)
#[test]
fn a_file_where_a_search_index_folder_goes_is_refused() {
    let site = minimal_site();
    let root = site.path();
    assert_eq!(build(root).code, 0);
    for sub in ["t", "d", "e", "f", "p"] {
        let file = format!("static/ar/search/{sub}");
        write(root, &file, "x");
        refused(
            root,
            &["build"],
            &[&format!("error: this file would be written at /ar/search/{sub}, which is a folder of generated pages (e.g. /ar/search/)\n  --> {file}")],
        );
        std::fs::remove_file(root.join(&file)).unwrap_or_else(|e| panic!("{e}"));
    }
}
