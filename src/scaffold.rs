//! `nashra init` and `nashra new`: the two commands that start a newcomer.
//!
//! `init` writes a new site that builds at once with the built-in theme; `new` writes an article
//! with its front matter filled in. Both refuse to overwrite anything.

use std::path::{Path, PathBuf};

use crate::config::{self, Config};
use crate::diagnostics::{Diagnostic, Diagnostics, Failed};

const SITE_TOML: &str = r#"# Site configuration: see the README's "site.toml" section.
base_url = "https://example.org/"
default_language = "ar"
timezone = "Asia/Riyadh"
paginate_by = 20
topics = ["security", "diplomacy", "economy", "energy", "migration"]

[languages.ar]
title = "نشرة"
description = "موجز إخباري ثنائي اللغة."
digits = "arab"
month_names = "both"
hijri = true

[languages.en]
title = "Nashra"
description = "A bilingual news digest."
"#;

fn io_err(path: &Path, e: std::io::Error) -> Diagnostic {
    Diagnostic::error("io", format!("cannot write {}: {e}", path.display()))
}

fn write_new(path: &Path, text: &str) -> Result<(), Diagnostic> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| io_err(parent, e))?;
    }
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                Diagnostic::error(
                    "exists",
                    format!(
                        "{} already exists; nashra does not overwrite files",
                        path.display()
                    ),
                )
            } else {
                io_err(path, e)
            }
        })?;
    std::io::Write::write_all(&mut f, text.as_bytes()).map_err(|e| io_err(path, e))
}

/// Makes a new site in `dir` (which must not exist or be empty). Returns the files written.
pub fn init(dir: &Path, now: jiff::Timestamp) -> Result<Vec<PathBuf>, Diagnostic> {
    if dir.exists() {
        if !dir.is_dir() {
            return Err(Diagnostic::error(
                "exists",
                format!("{} exists and is not a folder", dir.display()),
            ));
        }
        let empty = std::fs::read_dir(dir)
            .map(|mut d| d.next().is_none())
            .map_err(|e| io_err(dir, e))?;
        if !empty {
            return Err(
                Diagnostic::error("exists", format!("{} is not empty", dir.display()))
                    .help("choose a new folder name, or an empty folder"),
            );
        }
    }
    let tz = jiff::tz::TimeZone::get("Asia/Riyadh").unwrap_or(jiff::tz::TimeZone::UTC);
    let zoned = now.to_zoned_datetime(tz);
    let date = zoned.strftime("%Y-%m-%d %H:%M").to_string();
    let folder = zoned.strftime("content/%Y/%m").to_string();
    let ar = format!(
        "---\ntitle: \"مرحبًا بكم في نشرة\"\ndate: {date}\nsummary: \"أول مقال في موقعكم الجديد.\"\ntopics: [diplomacy]\ncountries: [SA]\nsource:\n  name: \"نشرة\"\n---\n\nهذا أول مقال في موقعكم. عدّلوا هذا الملف أو احذفوه، ثم أضيفوا مقالاتكم في مجلد `content/`.\n\nشغّلوا `nashra watch` لمعاينة الموقع وهو يتحدّث مع كل حفظ.\n"
    );
    let en = format!(
        "---\ntitle: \"Welcome to Nashra\"\ndate: {date}\nsummary: \"The first article of your new site.\"\ntopics: [diplomacy]\ncountries: [SA]\nsource:\n  name: \"Nashra\"\n---\n\nThis is the first article of your site. Edit or delete this file, then add your articles under `content/`.\n\nRun `nashra watch` to preview the site as it updates on every save.\n"
    );
    let files: Vec<(PathBuf, String)> = vec![
        (dir.join("site.toml"), SITE_TOML.to_string()),
        (dir.join(&folder).join("welcome.ar.md"), ar),
        (dir.join(&folder).join("welcome.en.md"), en),
        (
            dir.join("content/pages/about.ar.md"),
            "---\ntitle: \"عن الموقع\"\n---\n\nاكتبوا هنا من أنتم وكيف تعملون.\n".to_string(),
        ),
        (
            dir.join("content/pages/about.en.md"),
            "---\ntitle: \"About\"\n---\n\nSay here who you are and how you work.\n".to_string(),
        ),
        (dir.join("templates/.gitkeep"), String::new()),
        (dir.join("locales/ar/.gitkeep"), String::new()),
        (dir.join("locales/en/.gitkeep"), String::new()),
        (dir.join("static/.gitkeep"), String::new()),
        (
            dir.join(".gitignore"),
            "/public/\n/.public.nashra-*\n/.nashra-cache/\n".to_string(),
        ),
    ];
    let mut written = Vec::new();
    for (path, text) in files {
        write_new(&path, &text)?;
        written.push(path);
    }
    Ok(written)
}

/// The commented summary line and the body placeholder `new` writes, in the article's language
/// where nashra has them (English otherwise).
fn placeholder(lang: &str) -> (&'static str, &'static str) {
    match lang.split('-').next().unwrap_or(lang) {
        "ar" => (
            "\"جملة تظهر تحت العنوان وفي الخلاصات\"",
            "اكتبوا نص المقال هنا.",
        ),
        _ => (
            "\"one sentence shown under the headline and in feeds\"",
            "Write the article here.",
        ),
    }
}

/// Writes a new article. `path` is relative to `content/` (a leading `content/` is accepted);
/// without `.md` the language suffix is added.
pub fn new_article(
    root: &Path,
    path: &str,
    lang: Option<&str>,
    title: Option<&str>,
    now: jiff::Timestamp,
    diags: &Diagnostics,
) -> Result<PathBuf, Failed> {
    let config: Config = config::load(root, diags).ok_or(Failed)?;
    let lang = lang.unwrap_or(&config.default_language);
    if !config.is_language(lang) {
        let codes: Vec<&str> = config.language_codes().collect();
        diags.push(
            Diagnostic::error("usage", format!("language `{lang}` is not configured"))
                .help(format!("configured languages: {}", codes.join(", "))),
        );
        return Err(Failed);
    }
    let rel = path.trim_start_matches("./").trim_start_matches("content/");
    if rel.is_empty()
        || rel.split(['/', '\\']).any(|part| part == "..")
        || Path::new(rel).is_absolute()
    {
        diags.push(
            Diagnostic::error("usage", format!("`{path}` is not a path inside content/"))
                .help("e.g. `nashra new 2025/11/summit --lang ar`"),
        );
        return Err(Failed);
    }
    let file = if rel.ends_with(".md") {
        rel.to_string()
    } else {
        format!("{rel}.{lang}.md")
    };
    let target = root.join("content").join(&file);
    let stem = Path::new(&file)
        .file_name()
        .and_then(|n| n.to_str())
        .map(|n| {
            n.trim_end_matches(".md")
                .trim_end_matches(&format!(".{lang}"))
                .replace(['-', '_'], " ")
        })
        .unwrap_or_default();
    let title = title.map_or(stem, str::to_string);
    let date = now
        .to_zoned_datetime(config.timezone.clone())
        .strftime("%Y-%m-%d %H:%M:%S %z")
        .to_string();
    let quoted = serde_json::to_string(&title).unwrap_or_else(|_| "\"\"".into());
    let (summary_hint, body) = placeholder(lang);
    let text = format!(
        "---\ntitle: {quoted}\ndate: {date}\n# summary: {summary_hint}\ntopics: []\ncountries: []\ndraft: true\n---\n\n{body}\n"
    );
    match write_new(&target, &text) {
        Ok(()) => Ok(target),
        Err(d) => {
            diags.push(d);
            Err(Failed)
        }
    }
}
