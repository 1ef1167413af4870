//! Hugo, Jekyll and Zola sites: Markdown files with front matter, read from the site folder with
//! its configuration (`hugo.toml`/`config.toml`/`config.yaml`, `_config.yml`, Zola's
//! `config.toml`) for the site's title, address, languages and permalink patterns.
//!
//! Languages come from the file name (`summit.ar.md`), a per-language content folder (Hugo's
//! `contentDir`), a `lang:` key (Jekyll, polyglot), else the site's default. Translations pair the
//! way each generator pairs them: by path without the language (Hugo, Zola) or a
//! `translationKey`/`ref`/`lang_ref`. Each file's old address is worked out the way its generator
//! made it (`url`/`permalink`/`path` keys, permalink patterns, language prefixes), so it can be
//! kept as an alias. Page bundles bring their pictures; `static/` (Hugo, Zola) and media files
//! outside `_` folders (Jekyll) go to `static/`.

use std::path::{Path, PathBuf};

use serde_json::Value;

use super::frontmatter::{self, text};
use super::{Doc, Options, Read, Report, Source};
use crate::config::canonical_language;
use crate::diagnostics::Diagnostic;

/// Site settings that decide languages and addresses.
#[derive(Debug, Default)]
pub(super) struct Site {
    pub(super) title: Option<String>,
    pub(super) base_url: Option<String>,
    pub(super) default_lang: String,
    /// Every language the configuration names.
    pub(super) langs: Vec<String>,
    /// Hugo: (folder, language) for per-language content folders.
    pub(super) content_dirs: Vec<(PathBuf, Option<String>)>,
    /// Hugo: section → pattern; Jekyll: `""` → the site's pattern.
    pub(super) permalinks: Vec<(String, String)>,
    /// Hugo `defaultContentLanguageInSubdir`.
    pub(super) default_in_subdir: bool,
    /// Hugo `[frontmatter] date = [":filename", …]`: a file name's date prefix is a date, not
    /// part of its address (Jekyll and Zola always read it so).
    pub(super) date_from_filename: bool,
    /// Jekyll `defaults:` that set a permalink: (scope path, scope type, pattern).
    pub(super) default_permalinks: Vec<(String, Option<String>, String)>,
    /// The zone the configuration names (Jekyll `timezone`, Hugo `timeZone`, an IANA name).
    pub(super) timezone: Option<String>,
    pub(super) description: Option<String>,
    pub(super) lang_info: std::collections::BTreeMap<String, super::LangInfo>,
}

/// A config key, any case (Hugo's keys are case-insensitive).
fn get<'a>(m: &'a Value, key: &str) -> Option<&'a Value> {
    m.as_object()?
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(key))
        .map(|(_, v)| v)
}

fn load_config(dir: &Path, names: &[&str]) -> Result<(Value, Option<PathBuf>), Diagnostic> {
    for n in names {
        let p = dir.join(n);
        // a configuration that is a link would be read from wherever it points (and parts of
        // that file shown in an error): the import follows no link
        if let Some(target) = crate::output::link_target(&p) {
            return Err(Diagnostic::error(
                "import-config",
                format!(
                    "{} is a symbolic link (to {}); the import follows none, so nothing was written",
                    p.display(),
                    target.display()
                ),
            )
            .help("copy the file it points to in its place"));
        }
        let Ok(text) = std::fs::read_to_string(&p) else {
            continue;
        };
        let v: Result<Value, String> = if n.ends_with(".toml") {
            toml::from_str::<toml::Table>(&text)
                .map(|t| frontmatter::toml_json(toml::Value::Table(t)))
                .map_err(|e| e.to_string())
        } else if n.ends_with(".json") {
            serde_json::from_str(&text).map_err(|e| e.to_string())
        } else {
            serde_saphyr::from_str(&text).map_err(|e| e.to_string())
        };
        return match v {
            Ok(v) => Ok((v, Some(p))),
            Err(e) => Err(Diagnostic::error(
                "import-config",
                format!(
                    "cannot read {}: {}",
                    p.display(),
                    e.lines().next().unwrap_or("")
                ),
            )),
        };
    }
    Ok((Value::Null, None))
}

/// Hugo's configuration folder (`config/_default/`, as theme starters ship it): `hugo.toml` or
/// `config.toml` at the root, every other `NAME.toml` (`languages.toml`, `params.toml`) under
/// the key `NAME`; each merged over what the root file says.
fn hugo_config_dir(src: &Path, cfg: &mut Value) -> Result<(), Diagnostic> {
    let dir = src.join("config").join("_default");
    if !dir.is_dir() || crate::output::link_target(&dir).is_some() {
        return Ok(());
    }
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .map_err(|e| {
            Diagnostic::error(
                "import-config",
                format!("cannot read {}: {e}", dir.display()),
            )
        })?
        .flatten()
        // links too: `load_config` refuses them by name
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file() || t.is_symlink()))
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| {
            [".toml", ".yaml", ".yml", ".json"]
                .iter()
                .any(|x| n.ends_with(x))
        })
        .collect();
    names.sort();
    if !cfg.is_object() {
        *cfg = Value::Object(Default::default());
    }
    for n in names {
        let (value, _) = load_config(&dir, &[n.as_str()])?;
        let key = n.rsplit_once('.').map_or(n.as_str(), |(k, _)| k);
        let Some(root) = cfg.as_object_mut() else {
            break;
        };
        match (key, value) {
            ("hugo" | "config", Value::Object(m)) => root.extend(m),
            (_, Value::Null) => {}
            (k, v) => {
                root.insert(k.to_string(), v);
            }
        }
    }
    Ok(())
}

fn site(opts: &Options) -> Result<Site, Diagnostic> {
    let src = &opts.src;
    let names: &[&str] = match opts.source {
        Source::Hugo => &[
            "hugo.toml",
            "hugo.yaml",
            "hugo.yml",
            "hugo.json",
            "config.toml",
            "config.yaml",
            "config.yml",
            "config.json",
        ],
        Source::Zola => &["config.toml", "zola.toml"],
        _ => &["_config.yml", "_config.yaml"],
    };
    let (mut cfg, _) = load_config(src, names)?;
    if opts.source == Source::Hugo {
        hugo_config_dir(src, &mut cfg)?;
    }
    let s = |k: &str| get(&cfg, k).and_then(text);
    let mut site = Site {
        title: s("title"),
        ..Site::default()
    };
    match opts.source {
        Source::Hugo => {
            site.base_url = s("baseURL");
            site.timezone = s("timeZone");
            site.default_lang = s("defaultContentLanguage").unwrap_or_else(|| "en".into());
            site.default_in_subdir = get(&cfg, "defaultContentLanguageInSubdir")
                .and_then(Value::as_bool)
                .unwrap_or(false);
            let main_dir = s("contentDir").unwrap_or_else(|| "content".into());
            site.description = get(&cfg, "params")
                .and_then(|p| get(p, "description"))
                .or_else(|| get(&cfg, "description"))
                .and_then(text);
            if let Some(Value::Object(langs)) = get(&cfg, "languages") {
                for (code, l) in langs {
                    let code = canonical_language(code);
                    site.langs.push(code.clone());
                    if let Some(d) = get(l, "contentDir").and_then(text) {
                        site.content_dirs.push((src.join(d), Some(code.clone())));
                    }
                    if site.title.is_none() {
                        site.title = get(l, "title").and_then(text);
                    }
                    let params = get(l, "params");
                    let direction = get(l, "languageDirection")
                        .or_else(|| get(l, "languagedir"))
                        .or_else(|| params.and_then(|p| get(p, "languagedir")))
                        .or_else(|| params.and_then(|p| get(p, "languageDirection")))
                        .and_then(text);
                    site.lang_info.insert(
                        code,
                        super::LangInfo {
                            title: get(l, "title").and_then(text),
                            description: get(l, "description")
                                .or_else(|| params.and_then(|p| get(p, "description")))
                                .and_then(text),
                            rtl: direction.map(|d| d.eq_ignore_ascii_case("rtl")),
                        },
                    );
                }
            }
            site.content_dirs.push((src.join(main_dir), None));
            site.date_from_filename = get(&cfg, "frontmatter")
                .and_then(|f| get(f, "date"))
                .is_some_and(|d| match d {
                    Value::Array(a) => a.iter().any(|x| x.as_str() == Some(":filename")),
                    Value::String(s) => s == ":filename",
                    _ => false,
                });
            let perma = get(&cfg, "permalinks");
            let perma = perma.and_then(|p| get(p, "page")).or(perma);
            if let Some(Value::Object(p)) = perma {
                for (section, pattern) in p {
                    if let Some(pat) = text(pattern) {
                        site.permalinks.push((section.clone(), pat));
                    }
                }
            }
        }
        Source::Zola => {
            site.base_url = s("base_url");
            site.default_lang = s("default_language").unwrap_or_else(|| "en".into());
            site.description = s("description");
            if let Some(Value::Object(langs)) = get(&cfg, "languages") {
                for (code, l) in langs {
                    let code = canonical_language(code);
                    site.langs.push(code.clone());
                    site.lang_info.insert(
                        code,
                        super::LangInfo {
                            title: get(l, "title").and_then(text),
                            description: get(l, "description").and_then(text),
                            rtl: None,
                        },
                    );
                }
            }
            site.content_dirs.push((src.join("content"), None));
        }
        _ => {
            site.base_url = match (s("url"), s("baseurl")) {
                (Some(u), Some(b)) => Some(format!(
                    "{}/{}",
                    u.trim_end_matches('/'),
                    b.trim_matches('/')
                )),
                (u, _) => u,
            };
            site.default_lang = s("default_lang")
                .or_else(|| s("lang"))
                .unwrap_or_else(|| "en".into());
            if let Some(Value::Array(l)) = get(&cfg, "languages") {
                for code in l.iter().filter_map(text) {
                    let code = canonical_language(&code);
                    site.lang_info.insert(code.clone(), Default::default());
                    site.langs.push(code);
                }
            }
            let pattern = jekyll_style(s("permalink").as_deref().unwrap_or("date"));
            site.permalinks.push((String::new(), pattern));
            site.content_dirs.push((src.to_path_buf(), None));
            site.timezone = s("timezone");
            site.description = s("description");
            if let Some(Value::Array(defaults)) = get(&cfg, "defaults") {
                for d in defaults {
                    let Some(pattern) = get(d, "values")
                        .and_then(|v| get(v, "permalink"))
                        .and_then(text)
                    else {
                        continue;
                    };
                    let scope = get(d, "scope");
                    let path = scope
                        .and_then(|s| get(s, "path"))
                        .and_then(text)
                        .unwrap_or_default();
                    let kind = scope.and_then(|s| get(s, "type")).and_then(text);
                    site.default_permalinks.push((
                        path.trim_matches('/').to_string(),
                        kind,
                        jekyll_style(&pattern),
                    ));
                }
            }
        }
    }
    if let Some(l) = &opts.lang {
        site.default_lang = l.clone();
    }
    site.default_lang = canonical_language(&site.default_lang);
    if !site.langs.contains(&site.default_lang) {
        site.langs.push(site.default_lang.clone());
    }
    Ok(site)
}

/// A Jekyll permalink setting as a pattern (`pretty` and the other named styles spelled out).
fn jekyll_style(p: &str) -> String {
    match p {
        "date" => "/:categories/:year/:month/:day/:title:output_ext",
        "pretty" => "/:categories/:year/:month/:day/:title/",
        "ordinal" => "/:categories/:year/:y_day/:title:output_ext",
        "weekdate" => "/:categories/:year/W:week/:short_day/:title:output_ext",
        "none" => "/:categories/:title:output_ext",
        p => p,
    }
    .to_string()
}

/// Folders never read: build output, dependencies, version control.
const IGNORED: &[&str] = &[
    "_site",
    "public",
    "node_modules",
    "vendor",
    ".git",
    ".jekyll-cache",
    "resources",
    "themes",
    ".sass-cache",
];

/// Files copied as static files (Jekyll): pictures, documents, sound and video.
const MEDIA: &[&str] = &[
    "jpg", "jpeg", "png", "gif", "webp", "avif", "svg", "pdf", "mp3", "mp4", "webm", "ogg",
];

/// Reads a Hugo, Jekyll or Zola site.
pub fn read(opts: &Options, report: &mut Report) -> Result<Read, Diagnostic> {
    if !opts.src.is_dir() {
        return Err(Diagnostic::error(
            "import-source",
            format!("{} is not a folder", opts.src.display()),
        )
        .help(format!(
            "pass the {} site's folder (the one with its configuration)",
            opts.source.name()
        )));
    }
    let site = site(opts)?;
    let mut docs = Vec::new();
    let mut statics = Vec::new();
    let mut seen: std::collections::HashSet<PathBuf> = Default::default();
    // the destination may be inside the source (`nashra import jekyll . nashra-site`)
    let dest = opts.dest.canonicalize().ok();
    for (dir, dir_lang) in &site.content_dirs {
        if left_out_link(dir, report) {
            continue;
        }
        if !dir.is_dir() {
            continue;
        }
        let walker = walkdir::WalkDir::new(dir)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| {
                let n = e.file_name().to_string_lossy();
                e.depth() == 0
                    || !(IGNORED.contains(&n.as_ref())
                        || (n.starts_with('.') && n.len() > 1)
                        || (e.file_type().is_dir()
                            && dest.as_deref().is_some_and(|d| {
                                e.path().canonicalize().ok().as_deref() == Some(d)
                            })))
            });
        for entry in walker.flatten() {
            let path = entry.path();
            // walkdir already knows: no extra look at the disk for ordinary files
            if entry.path_is_symlink() && left_out_link(path, report) {
                continue;
            }
            if !entry.file_type().is_file() || !seen.insert(path.to_path_buf()) {
                continue;
            }
            // another language's folder inside the main one (Hugo `contentDir = "content/ar"`)
            if dir_lang.is_none()
                && site
                    .content_dirs
                    .iter()
                    .any(|(d, l)| l.is_some() && d != dir && path.starts_with(d))
            {
                continue;
            }
            let rel = path.strip_prefix(dir).unwrap_or(path);
            let name = rel.to_string_lossy().replace('\\', "/");
            let is_md = name.ends_with(".md") || name.ends_with(".markdown");
            if opts.source == Source::Jekyll {
                let in_underscore = rel
                    .components()
                    .any(|c| c.as_os_str().to_string_lossy().starts_with('_'));
                let in_posts = rel.components().any(|c| {
                    let c = c.as_os_str().to_string_lossy();
                    c == "_posts" || c == "_drafts"
                });
                let ext = path
                    .extension()
                    .map(|e| e.to_string_lossy().to_ascii_lowercase())
                    .unwrap_or_default();
                // a post written in HTML: an HTML body is valid Markdown input
                let html_post = in_posts && matches!(ext.as_str(), "html" | "htm");
                if !is_md && !html_post {
                    if in_posts && !ext.is_empty() && !MEDIA.contains(&ext.as_str()) {
                        report.note(
                            format!("posts in a format nashra does not read (.{ext}): left out"),
                            path.display().to_string(),
                        );
                    } else if !in_underscore && MEDIA.contains(&ext.as_str()) {
                        statics.push((path.to_path_buf(), name));
                    }
                    continue;
                }
                if in_underscore && !in_posts {
                    continue;
                }
            } else if !is_md {
                continue; // bundle files are taken with their index.md
            }
            match file_doc(opts, &site, dir, dir_lang.as_deref(), path, report) {
                Ok(Some(d)) => docs.push(d),
                Ok(None) => {}
                Err(msg) => report.note(
                    "files whose front matter could not be read: left out",
                    format!("{}: {msg}", path.display()),
                ),
            }
        }
    }
    if matches!(opts.source, Source::Hugo | Source::Zola) {
        let st = opts.src.join("static");
        // the folder itself too: a `static` link to `/etc` would be copied into the new site
        let walk = (!left_out_link(&st, report)).then(|| walkdir::WalkDir::new(&st));
        for e in walk.into_iter().flatten().flatten() {
            if e.path_is_symlink() && left_out_link(e.path(), report) {
                continue;
            }
            if e.file_type().is_file() {
                let rel = e.path().strip_prefix(&st).unwrap_or(e.path());
                statics.push((
                    e.path().to_path_buf(),
                    rel.to_string_lossy().replace('\\', "/"),
                ));
            }
        }
    }
    if docs.is_empty() {
        return Err(Diagnostic::error(
            "import-source",
            format!(
                "no Markdown files with front matter were found in {}",
                opts.src.display()
            ),
        )
        .help(format!(
            "pass the {} site's folder (the one with its configuration)",
            opts.source.name()
        )));
    }
    Ok(Read {
        docs,
        title: site.title,
        base_url: site.base_url,
        default_language: Some(site.default_lang),
        timezone: site.timezone,
        description: site.description,
        lang_info: site.lang_info,
        statics,
    })
}

/// `2024-01-31-name` → (Some("2024-01-31"), "name"); Jekyll's looser `2015-9-19-name` too
/// (`\d{2,4}-\d{1,2}-\d{1,2}-`), the date written out in full.
fn date_prefix(stem: &str) -> (Option<String>, &str) {
    let mut parts = stem.splitn(4, ['-', '_']);
    let (Some(y), Some(m), Some(d), Some(rest)) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return (None, stem);
    };
    let digits = |s: &str, lo: usize, hi: usize| {
        (lo..=hi).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    if !(y.len() == 4 && digits(y, 4, 4) && digits(m, 1, 2) && digits(d, 1, 2))
        || rest.is_empty()
        || stem.as_bytes()[y.len()] != b'-'
    {
        return (None, stem);
    }
    (Some(format!("{y}-{m:0>2}-{d:0>2}")), rest)
}

/// A date as Jekyll reads it, written the way nashra does: `2020/08/8 10:00` →
/// `2020-08-08 10:00`. Anything else is returned as it was.
fn normal_date(date: &str) -> String {
    let (day, rest) = match date.find([' ', 'T']) {
        Some(i) => date.split_at(i),
        None => (date, ""),
    };
    let parts: Vec<&str> = day.split(['/', '-']).collect();
    match parts.as_slice() {
        [y, m, d]
            if y.len() == 4
                && [y, m, d]
                    .iter()
                    .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
                && m.len() <= 2
                && d.len() <= 2 =>
        {
            format!("{y}-{m:0>2}-{d:0>2}{rest}")
        }
        _ => date.to_string(),
    }
}

/// Whether `path` is a symbolic link, which the import never follows: if so it is listed in the
/// report with its target.
fn left_out_link(path: &Path, report: &mut Report) -> bool {
    let Some(target) = crate::output::link_target(path) else {
        return false;
    };
    report.note(
        "symbolic links in the source: not followed (left out)",
        format!("{} → {}", path.display(), target.display()),
    );
    true
}

/// One Markdown file as a document; `None` for files that are not documents (section lists).
fn file_doc(
    opts: &Options,
    site: &Site,
    dir: &Path,
    dir_lang: Option<&str>,
    path: &Path,
    report: &mut Report,
) -> Result<Option<Doc>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let rel = path.strip_prefix(dir).unwrap_or(path);
    let file = rel
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = file
        .strip_suffix(".md")
        .or_else(|| file.strip_suffix(".markdown"))
        .or_else(|| file.strip_suffix(".html"))
        .or_else(|| file.strip_suffix(".htm"))
        .unwrap_or(&file);
    // `name.ar` → name and language
    let (stem, file_lang) = match stem.rsplit_once('.') {
        Some((n, l))
            if site.langs.iter().any(|x| x == &canonical_language(l))
                || (l.len() == 2 && l.chars().all(|c| c.is_ascii_lowercase())) =>
        {
            (n, Some(canonical_language(l)))
        }
        _ => (stem, None),
    };
    if stem == "_index" {
        report.skip("section list pages (_index.md): nashra makes its own lists");
        return Ok(None);
    }
    if opts.source == Source::Jekyll && rel.parent() == Some(Path::new("")) && stem == "index" {
        report.skip("home page (index.md): nashra makes its own front page");
        return Ok(None);
    }
    let mut read_notes = Vec::new();
    let read = frontmatter::read_noting(&text, &mut read_notes)?;
    for n in read_notes {
        report.note(
            "front matter with a key written twice: the last value kept, as the generator did",
            format!("{}: {n}", path.display()),
        );
    }
    let Some((fm, body)) = read else {
        if opts.source == Source::Jekyll {
            return Ok(None); // Jekyll copies such files as they are; they are not pages
        }
        return Err("no front matter".into());
    };
    // a post written in HTML becomes Markdown (indented HTML would otherwise read as code)
    let body = if file.ends_with(".html") || file.ends_with(".htm") {
        super::html::markdown(&super::html::converter(), &body).unwrap_or(body)
    } else {
        body
    };
    // Zola gave headings ASCII anchors; links written to them keep working with those ids
    let body = if opts.source == Source::Zola {
        zola_anchors(&body)
    } else {
        body
    };
    if opts.source == Source::Hugo && not_rendered(&fm) {
        report.skip(
            "Hugo pages it did not publish (headless bundles, `_build.render = never`): their files stay unused",
        );
        return Ok(None);
    }
    let mut m = frontmatter::map(fm);
    let parent = rel.parent().unwrap_or(Path::new(""));
    let bundle = stem == "index";
    let name = if bundle {
        parent
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "index".into())
    } else {
        stem.to_string()
    };
    // translations pair by the whole file name (Hugo and Zola pair `2002-05-22-x.md` with
    // `2002-05-22-x.ar.md`, never with `2002-05-29-x.md`)
    let whole_name = name.clone();
    let (name_date, bare_name) = date_prefix(&name);
    // Hugo keeps the date in the address unless its config reads dates from file names
    let url_name = if opts.source == Source::Hugo && !site.date_from_filename {
        whole_name.clone()
    } else {
        bare_name.to_string()
    };
    let name = bare_name.to_string();
    let in_posts = rel
        .components()
        .any(|c| c.as_os_str() == "_posts" || c.as_os_str() == "_drafts");
    let sections: Vec<String> = {
        let p = if bundle {
            parent.parent().unwrap_or(Path::new(""))
        } else {
            parent
        };
        let parts = p
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned());
        if opts.source == Source::Jekyll && in_posts {
            // Jekyll's categories come from the folders above `_posts`, never those inside
            parts
                .take_while(|c| c != "_posts" && c != "_drafts")
                .collect()
        } else {
            parts.filter(|c| c != "_posts" && c != "_drafts").collect()
        }
    };
    // jekyll-polyglot sites keep each language's posts in `_posts/LANG/`
    let folder_lang = (opts.source == Source::Jekyll && site.langs.len() > 1)
        .then(|| {
            parent.components().find_map(|c| {
                let c = canonical_language(&c.as_os_str().to_string_lossy());
                site.langs.contains(&c).then_some(c)
            })
        })
        .flatten();
    // the whole tag: `check_docs` keeps a region only where the site needs it
    let lang = m
        .lang
        .as_deref()
        .map(canonical_language)
        .or(file_lang)
        .or(folder_lang)
        .or_else(|| dir_lang.map(str::to_string))
        .unwrap_or_else(|| site.default_lang.clone());
    // a language no file name can carry is reported by `check_docs`; the address is worked out
    // as the default language's
    let url_lang = if super::layout::is_language_code(&lang) {
        lang.as_str()
    } else {
        site.default_lang.as_str()
    };
    let in_drafts = rel.components().any(|c| c.as_os_str() == "_drafts");
    let date = m.date.as_deref().map(normal_date).or(name_date);
    let date = if opts.source == Source::Jekyll && in_drafts && date.is_none() {
        Some(jiff::Timestamp::now().strftime("%Y-%m-%d").to_string())
    } else {
        date
    };
    let title = m.title.clone().unwrap_or_else(|| name.clone());
    let slug = m.slug.clone().unwrap_or_else(|| name.clone());

    let old = super::permalinks::old_url(
        opts.source,
        site,
        &m,
        url_lang,
        &sections,
        &url_name,
        date.as_deref(),
        &title,
        bundle,
        rel,
    );
    let mut old_urls: Vec<String> = old.iter().cloned().collect();
    old_urls.extend(m.aliases.iter().map(|a| {
        super::site_path(a, site.base_url.as_deref())
            .unwrap_or_else(|| a.trim_start_matches('/').to_string())
    }));

    // a bundle's other files go with it
    let mut files = Vec::new();
    if bundle {
        let folder = path.parent().unwrap_or(Path::new("."));
        for e in walkdir::WalkDir::new(folder).into_iter().flatten() {
            let p = e.path();
            let is_md = p.extension().is_some_and(|x| x == "md" || x == "markdown");
            if e.file_type().is_file() && !is_md {
                let r = p.strip_prefix(folder).unwrap_or(p);
                files.push((p.to_path_buf(), r.to_string_lossy().replace('\\', "/")));
            }
        }
    }
    // a lead image named by its path under `static/` (Hugo and Zola themes read it from the
    // site's root), not a file beside the document: the site's address of it
    if matches!(opts.source, Source::Hugo | Source::Zola) {
        for (k, v) in m.fields.iter_mut() {
            let Some(src) = v.get_mut("src").filter(|_| *k == "image") else {
                continue;
            };
            let Some(path) = src.as_str().map(str::to_string) else {
                continue;
            };
            let relative = !path.starts_with('/') && !path.contains("://") && !path.contains("..");
            let beside = files.iter().any(|(_, name)| *name == path);
            if relative && !beside && opts.src.join("static").join(&path).is_file() {
                *src = serde_json::Value::String(format!("/{path}"));
            }
        }
    }
    let group = match &m.group {
        Some(g) => format!("key:{g}"),
        // jekyll-polyglot pairs the documents that share a permalink
        None if opts.source == Source::Jekyll && site.langs.len() > 1 && old.is_some() => {
            let url = old.as_deref().unwrap_or("");
            let bare = url
                .strip_prefix(&format!("{url_lang}/"))
                .filter(|_| url_lang != site.default_lang)
                .unwrap_or(url);
            format!("url:{bare}")
        }
        None => {
            let mut p: Vec<String> = sections.clone();
            p.push(whole_name.clone());
            format!("path:{}", p.join("/"))
        }
    };
    Ok(Some(Doc {
        origin: path.display().to_string(),
        source: Some(rel.to_string_lossy().replace('\\', "/")),
        lang,
        date,
        title,
        slug,
        fields: m.fields,
        body,
        files,
        old_urls,
        group,
        draft: m.draft || in_drafts,
    }))
}

/// Whether Hugo left a page unpublished: `headless: true` (a bundle that only holds files for
/// others) or `_build`/`build` with `render: never` (or `false`).
fn not_rendered(fm: &serde_json::Map<String, Value>) -> bool {
    let key = |name: &str| {
        fm.iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v)
    };
    if key("headless") == Some(&Value::Bool(true)) {
        return true;
    }
    ["_build", "build"].iter().any(|b| {
        key(b)
            .and_then(|v| get(v, "render"))
            .is_some_and(|r| r == &Value::Bool(false) || r.as_str() == Some("never"))
    })
}

/// Zola's heading anchors (its default `slugify.anchors = "on"`: ASCII, transliterated, `-1`,
/// `-2` for repeats) written as `{#id}` where nashra's own id for the heading would differ.
fn zola_anchors(body: &str) -> String {
    let mut out = String::with_capacity(body.len() + 64);
    let mut used: Vec<String> = Vec::new();
    let mut fence: Option<&str> = None;
    for line in body.split_inclusive('\n') {
        let t = line.trim_start();
        if let Some(f) = fence {
            if t.starts_with(f) {
                fence = None;
            }
            out.push_str(line);
            continue;
        }
        if t.starts_with("```") || t.starts_with("~~~") {
            fence = Some(&t[..3]);
            out.push_str(line);
            continue;
        }
        let hashes = t.chars().take_while(|&c| c == '#').count();
        let is_heading = (1..=6).contains(&hashes)
            && line.len() - t.len() < 4
            && t[hashes..].starts_with([' ', '\t']);
        if !is_heading || t.contains("{#") {
            out.push_str(line);
            continue;
        }
        let text = heading_text(t);
        let base = ascii_slug(&text);
        let mut id = base.clone();
        let mut n = 0;
        while used.contains(&id) {
            n += 1;
            id = format!("{base}-{n}");
        }
        used.push(id.clone());
        if id.is_empty() || id == crate::content::slug::slugify(&text) {
            out.push_str(line);
        } else {
            let content = line.trim_end_matches(['\n', '\r']);
            let content = content.trim_end().trim_end_matches('#').trim_end();
            out.push_str(&format!("{content} {{#{id}}}\n"));
        }
    }
    out
}

/// The text of an ATX heading line, as Markdown renders it (emphasis, code and links as text).
fn heading_text(line: &str) -> String {
    use pulldown_cmark::{Event, Parser};
    Parser::new(line)
        .filter_map(|e| match e {
            Event::Text(t) | Event::Code(t) => Some(t.into_string()),
            _ => None,
        })
        .collect()
}

/// Zola's (the `slug` crate's) slug: letters transliterated to ASCII, lower case, every other
/// run one `-`, none at the ends.
fn ascii_slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut dash = true;
    let mut push = |b: u8, out: &mut String| match b {
        b'a'..=b'z' | b'0'..=b'9' => {
            dash = false;
            out.push(b as char);
        }
        b'A'..=b'Z' => {
            dash = false;
            out.push((b - b'A' + b'a') as char);
        }
        _ => {
            if !dash {
                out.push('-');
                dash = true;
            }
        }
    };
    for c in text.chars() {
        if c.is_ascii() {
            push(c as u8, &mut out);
        } else {
            for b in deunicode::deunicode_char(c).unwrap_or("-").bytes() {
                push(b, &mut out);
            }
        }
    }
    if out.ends_with('-') {
        out.pop();
    }
    out
}

/// The first Hugo shortcode, Zola shortcode or Liquid tag in a body.
pub(super) fn template_code(body: &str) -> Option<String> {
    let mut in_fence = false;
    for line in body.lines() {
        if line.trim_start().starts_with("```") {
            in_fence = !in_fence;
            continue;
        }
        if in_fence {
            continue;
        }
        for open in ["{{<", "{{%", "{%", "{{"] {
            if let Some(i) = line.find(open) {
                return Some(line[i..].chars().take(60).collect());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zola_heading_anchors_are_kept() {
        assert_eq!(ascii_slug("Café au lait!"), "cafe-au-lait");
        let body = "## Overview\n\n## Café *au* lait\n\n```\n## not a heading\n```\n\n## Overview\n\n## Done {#end}\n";
        assert_eq!(
            zola_anchors(body),
            "## Overview\n\n## Café *au* lait {#cafe-au-lait}\n\n```\n## not a heading\n```\n\n## Overview {#overview-1}\n\n## Done {#end}\n"
        );
    }

    #[test]
    fn date_prefixes() {
        assert_eq!(
            date_prefix("2024-01-31-summit"),
            (Some("2024-01-31".to_string()), "summit")
        );
        assert_eq!(
            date_prefix("2015-9-19-short"),
            (Some("2015-09-19".to_string()), "short")
        );
        assert_eq!(date_prefix("2015-9-summit"), (None, "2015-9-summit"));
        assert_eq!(normal_date("2020/08/8 10:30"), "2020-08-08 10:30");
        assert_eq!(normal_date("2020-08-08T10:30:00Z"), "2020-08-08T10:30:00Z");
        assert_eq!(date_prefix("summit"), (None, "summit"));
    }
}
