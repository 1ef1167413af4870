//! The real judges of a news site, run on the built sample site: headless Chromium (direction,
//! overflow, language switcher, console errors, screenshots), axe-core (accessibility) and the
//! W3C Nu HTML checker (validity). The work is done by `tests/browser/run.mjs`; this test builds
//! the site and runs it.
//!
//! Needs Node with `npm ci` done in tests/browser, Debian's `chromium` and a Java runtime
//! (`default-jre-headless`); `.ci/run` installs them. Without them the test says so and passes,
//! except under `CI=true`, where it fails.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

fn missing_tools(browser_dir: &Path) -> Vec<&'static str> {
    let mut missing = Vec::new();
    let runs = |cmd: &str, arg: &str| {
        Command::new(cmd)
            .arg(arg)
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if !runs("node", "--version") {
        missing.push("node");
    }
    if !runs("java", "-version") {
        missing.push("java (apt-get install default-jre-headless)");
    }
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    if !Path::new(&chromium).exists() {
        missing.push("chromium (apt-get install chromium)");
    }
    if !browser_dir.join("node_modules/playwright-core").is_dir() {
        missing.push("npm packages (cd tests/browser && npm ci)");
    }
    missing
}

/// Whether the browser tools are here; without them the test says so and passes, except under
/// `CI=true`, where it fails.
fn tools_or_skip(repo: &Path) -> bool {
    let missing = missing_tools(&repo.join("tests/browser"));
    if missing.is_empty() {
        return true;
    }
    assert!(
        std::env::var("CI").is_err(),
        "CI must install the browser test tools; missing: {}",
        missing.join(", ")
    );
    eprintln!("skipped: browser gates need {}", missing.join(", "));
    false
}

/// Runs `tests/browser/run.mjs` over a built site (all its gates, or only the per-page ones over
/// a list of pages) and returns what it printed; fails the test when any gate failed.
fn run_gates(repo: &Path, site: &Path, artifacts: &Path, pages: Option<&Path>) -> String {
    let browser_dir = repo.join("tests/browser");
    let mut node = Command::new("node");
    node.arg(browser_dir.join("run.mjs"))
        .arg(site)
        .arg(artifacts);
    if let Some(p) = pages {
        node.arg(p);
    }
    let out = node
        .current_dir(&browser_dir)
        .output()
        .unwrap_or_else(|e| panic!("cannot run node: {e}"));
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "browser gates failed:\n{stdout}\n{stderr}"
    );
    stdout
}

#[test]
fn sample_site_passes_browser_accessibility_and_html_validity_gates() {
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    if !tools_or_skip(&repo) {
        return;
    }
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let site = tmp.path().join("site");
    let run = common::nashra(&repo, &["build", "--output", &site.to_string_lossy()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let artifacts = repo.join("target/browser-artifacts");
    let stdout = run_gates(&repo, &site, &artifacts, None);
    assert!(
        stdout.contains("browser gates:") && stdout.contains(", 0 failed"),
        "{stdout}"
    );
    eprintln!("{}", stdout.trim());
    eprintln!("screenshots: {}", artifacts.display());
}

/// Issue 30.16: right-to-left languages other than Arabic look right: a Persian, Hebrew and
/// English site through the same per-page gates (direction, no overflow at phone and desktop
/// widths, axe, the language switcher, console errors) and the Nu HTML checker.
#[test]
fn persian_and_hebrew_pages_pass_the_browser_gates() {
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    if !tools_or_skip(&repo) {
        return;
    }
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let root = tmp.path().join("src");
    common::write(
        &root,
        "site.toml",
        "base_url = \"https://news.example.org/\"\ndefault_language = \"fa\"\ntimezone = \"Asia/Tehran\"\ntopics = [\"economy\", \"water\"]\n\
         [languages.fa]\ntitle = \"خبرنامه\"\n[languages.he]\ntitle = \"מבזק\"\n[languages.en]\ntitle = \"Digest\"\n",
    );
    for (lang, title, body) in [
        ("fa", "کم‌آبی در تهران و نشست اضطراری وزیران", "وزیران نیرو و کشاورزی روز دوشنبه در تهران دربارهٔ کم‌آبی تابستان ۲۰۲۵ گفت‌وگو کردند. بارش امسال ۴۰ درصد کمتر از میانگین بوده است."),
        ("he", "מחסור במים בטהרן ופגישת חירום של שרים", "שרי האנרגיה והחקלאות נפגשו ביום שני בטהרן כדי לדון במחסור במים בקיץ 2025. כמות המשקעים השנה נמוכה ב-40 אחוז מהממוצע."),
        ("en", "Water shortage in Tehran and an emergency meeting of ministers", "The energy and agriculture ministers met in Tehran on Monday to discuss the summer 2025 water shortage. Rainfall this year is 40 percent below average."),
    ] {
        common::write(
            &root,
            &format!("content/2025/07/water.{lang}.md"),
            &format!("---\ntitle: {title}\ndate: 2025-07-14T09:30:00+03:30\ntopics: [water, economy]\ncountries: [ir]\n---\n\n{body}\n\n## {title}\n\n{body}\n"),
        );
    }
    let site = tmp.path().join("site");
    let run = common::nashra(&root, &["build", "--output", &site.to_string_lossy()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let pages = r#"[
      {"name": "fa-front", "path": "/fa/", "dir": "rtl", "other": null},
      {"name": "fa-article", "path": "/fa/2025/07/water/", "dir": "rtl", "other": null},
      {"name": "he-article", "path": "/he/2025/07/water/", "dir": "rtl", "other": null},
      {"name": "he-topic", "path": "/he/topics/water/", "dir": "rtl", "other": null},
      {"name": "fa-country", "path": "/fa/countries/ir/", "dir": "rtl", "other": null},
      {"name": "en-article", "path": "/en/2025/07/water/", "dir": "ltr", "other": null}
    ]"#;
    let pages_file = tmp.path().join("pages.json");
    std::fs::write(&pages_file, pages).unwrap_or_else(|e| panic!("{e}"));
    let artifacts = repo.join("target/browser-artifacts/rtl");
    let stdout = run_gates(&repo, &site, &artifacts, Some(&pages_file));
    assert!(stdout.contains(", 0 failed"), "{stdout}");
    eprintln!("{}", stdout.trim());
}

/// Issue 33.2: a breaking-news alert in both languages, through the per-page gates (direction,
/// overflow, axe, the switcher, console errors): the banner shows on front pages without
/// JavaScript and on article and topic pages through `alert.js` and `/LANG/alert.json`, across
/// the page at phone and desktop widths, in the page's direction, once.
#[test]
fn the_alert_banner_passes_the_browser_gates_in_both_languages() {
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    if !tools_or_skip(&repo) {
        return;
    }
    let site_dir = common::minimal_site();
    let root = site_dir.path();
    common::write(
        root,
        "alerts.toml",
        "[[alert]]\nlang = \"ar\"\ntext = \"وقف لإطلاق النار في المنطقة يدخل حيّز التنفيذ عند منتصف الليل بتوقيت مكة المكرمة\"\nlink = \"/ar/2025/11/summit/\"\nexpires = \"2099-01-01 00:00\"\n\n\
         [[alert]]\nlang = \"en\"\ntext = \"A ceasefire across the region takes effect at midnight, Mecca time\"\nlink = \"/en/2025/11/summit/\"\nexpires = \"2099-01-01 00:00\"\n",
    );
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let site = tmp.path().join("site");
    let run = common::nashra(root, &["build", "--output", &site.to_string_lossy()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let pages = r#"[
      {"name": "ar-front-alert", "path": "/ar/", "dir": "rtl", "other": "/en/", "alert": "وقف لإطلاق النار", "alertLink": "/ar/2025/11/summit/", "alertWithoutScript": true},
      {"name": "en-front-alert", "path": "/en/", "dir": "ltr", "other": "/ar/", "alert": "A ceasefire", "alertLink": "/en/2025/11/summit/", "alertWithoutScript": true},
      {"name": "ar-article-alert", "path": "/ar/2025/11/summit/", "dir": "rtl", "other": "/en/2025/11/summit/", "alert": "وقف لإطلاق النار", "alertLink": "/ar/2025/11/summit/"},
      {"name": "en-topic-alert", "path": "/en/topics/security/", "dir": "ltr", "other": "/ar/topics/security/", "alert": "A ceasefire", "alertLink": "/en/2025/11/summit/"}
    ]"#;
    let pages_file = tmp.path().join("pages.json");
    std::fs::write(&pages_file, pages).unwrap_or_else(|e| panic!("{e}"));
    let artifacts = repo.join("target/browser-artifacts/alerts");
    let stdout = run_gates(&repo, &site, &artifacts, Some(&pages_file));
    assert!(stdout.contains(", 0 failed"), "{stdout}");
    eprintln!("{}", stdout.trim());
}
