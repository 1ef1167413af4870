//! `nashra import`: another generator's site (Hugo, Jekyll, Zola) or a WordPress export (WXR)
//! turned into a nashra site, with a report of what was mapped and what was not.
//!
//! Each source reader ([`wordpress`], [`markdown`]) gives a list of [`Doc`]s: front matter already
//! in nashra's keys, a Markdown body, the files to copy beside it, the addresses it had, and the
//! translation group it belongs to. [`layout`] then places them the way nashra expects —
//! articles at `content/YYYY/MM/FOLDER/index.LANG.md` (translations share a folder, so they pair
//! by path), pages at `content/pages/SLUG/index.LANG.md` — and keeps every old address as an
//! alias unless it is a new page's own address. [`write`] refuses to overwrite anything, writes a
//! `site.toml` when the destination has none, and the [`Report`] says what happened.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};

use crate::content::slug::slugify;
use crate::diagnostics::Diagnostic;

pub mod frontmatter;
pub mod html;
pub mod markdown;
pub mod wordpress;

/// Which generator the source was made for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Source {
    Hugo,
    Jekyll,
    Zola,
    Wordpress,
}

impl Source {
    pub fn name(self) -> &'static str {
        match self {
            Source::Hugo => "Hugo",
            Source::Jekyll => "Jekyll",
            Source::Zola => "Zola",
            Source::Wordpress => "WordPress",
        }
    }
}

/// Options of one import.
pub struct Options {
    pub source: Source,
    /// A site folder (Hugo, Jekyll, Zola) or a WXR file (WordPress).
    pub src: PathBuf,
    pub dest: PathBuf,
    /// WordPress: a copy of `wp-content/uploads`, to copy pictures from.
    pub uploads: Option<PathBuf>,
    /// The language of documents whose language nothing says.
    pub lang: Option<String>,
}

/// One front matter value, written as YAML (JSON is YAML 1.2, so every value is written as JSON).
pub type Fields = Vec<(&'static str, serde_json::Value)>;

/// A document read from the source, in nashra's terms.
#[derive(Debug, Default)]
pub struct Doc {
    /// Where it came from, for the report (`content/posts/x.md`, `post 123`).
    pub origin: String,
    pub lang: String,
    /// `None`: a page (no date).
    pub date: Option<String>,
    pub title: String,
    /// The slug wanted (slugged again by nashra's rules).
    pub slug: String,
    /// Front matter after `title`, `date` and `slug` (which [`layout`] writes).
    pub fields: Fields,
    pub body: String,
    /// Files to copy beside the document: (source file, name in its folder).
    pub files: Vec<(PathBuf, String)>,
    /// Site-relative paths it was published at (no leading `/`).
    pub old_urls: Vec<String>,
    /// Documents with the same group are translations of each other.
    pub group: String,
    pub draft: bool,
}

/// What an import did, and what it could not do.
#[derive(Debug, Default)]
pub struct Report {
    pub articles: BTreeMap<String, usize>,
    pub pages: BTreeMap<String, usize>,
    pub drafts: usize,
    pub paired: usize,
    pub aliases: usize,
    pub files: usize,
    /// Picture addresses left pointing at the old site (no local copy).
    pub remote_pictures: usize,
    /// What was left out, by kind, with a count.
    pub skipped: BTreeMap<String, usize>,
    /// Things to look at: (what, examples).
    pub notes: BTreeMap<String, Vec<String>>,
    pub site_toml: bool,
    pub languages: Vec<String>,
}

impl Report {
    pub fn skip(&mut self, what: impl Into<String>) {
        *self.skipped.entry(what.into()).or_default() += 1;
    }

    pub fn note(&mut self, what: impl Into<String>, example: impl Into<String>) {
        self.notes
            .entry(what.into())
            .or_default()
            .push(example.into());
    }

    /// The report as printed.
    pub fn text(&self, opts: &Options) -> String {
        use std::fmt::Write;
        let mut out = String::new();
        let per = |m: &BTreeMap<String, usize>| {
            let all: usize = m.values().sum();
            let parts: Vec<String> = m.iter().map(|(l, n)| format!("{l} {n}")).collect();
            if parts.is_empty() {
                "0".to_string()
            } else {
                format!("{all} ({})", parts.join(", "))
            }
        };
        let _ = writeln!(
            out,
            "imported {} from {} into {}",
            opts.source.name(),
            opts.src.display(),
            opts.dest.display()
        );
        let _ = writeln!(out, "  articles: {}", per(&self.articles));
        let _ = writeln!(out, "  pages: {}", per(&self.pages));
        let _ = writeln!(out, "  translations paired: {}", self.paired);
        let _ = writeln!(out, "  drafts (written with draft: true): {}", self.drafts);
        let _ = writeln!(
            out,
            "  old addresses kept as aliases (they redirect): {}",
            self.aliases
        );
        let _ = writeln!(out, "  files copied: {}", self.files);
        if self.remote_pictures > 0 {
            let _ = writeln!(
                out,
                "  pictures left at their old addresses: {} (pass --uploads with a copy of wp-content/uploads to copy them)",
                self.remote_pictures
            );
        }
        if self.site_toml {
            let _ = writeln!(
                out,
                "  site.toml written (languages: {}): check base_url, timezone and titles",
                self.languages.join(", ")
            );
        }
        if !self.skipped.is_empty() {
            let _ = writeln!(out, "not imported:");
            for (what, n) in &self.skipped {
                let _ = writeln!(out, "  {n} × {what}");
            }
        }
        if !self.notes.is_empty() {
            let _ = writeln!(out, "to look at:");
            for (what, examples) in &self.notes {
                let _ = writeln!(out, "  {} × {what}", examples.len());
                for e in examples.iter().take(5) {
                    let _ = writeln!(out, "      {e}");
                }
                if examples.len() > 5 {
                    let _ = writeln!(out, "      … and {} more", examples.len() - 5);
                }
            }
        }
        let _ = writeln!(out, "next: nashra build --root {}", opts.dest.display());
        out
    }
}

/// What a source reader gives: its documents, site-wide facts, and files for `static/`.
#[derive(Debug, Default)]
pub struct Read {
    pub docs: Vec<Doc>,
    pub title: Option<String>,
    pub base_url: Option<String>,
    pub default_language: Option<String>,
    /// (source file, path under `static/`)
    pub statics: Vec<(PathBuf, String)>,
}

/// Runs an import: reads the source, lays out the documents, writes them. Nothing is written
/// when a destination file exists already.
pub fn run(opts: &Options) -> Result<Report, Diagnostic> {
    let mut report = Report::default();
    let read = match opts.source {
        Source::Wordpress => wordpress::read(opts, &mut report)?,
        Source::Hugo | Source::Jekyll | Source::Zola => markdown::read(opts, &mut report)?,
    };
    let mut read = read;
    check_docs(&mut read, opts, &mut report);
    let plan = layout(read, opts, &mut report);
    write(&plan, opts)?;
    Ok(report)
}

/// Whether `code` can be a language in a file name: `ar`, `en`, `pt-br`, `zh-hant`.
pub(super) fn is_language_code(code: &str) -> bool {
    let mut parts = code.split('-');
    let first = parts.next().unwrap_or_default();
    (2..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Languages that cannot be a file name's (`lang: "../x"`, `English`) become the default one,
/// and dates nashra cannot read are reported (the build will point at them).
fn check_docs(read: &mut Read, opts: &Options, report: &mut Report) {
    let fallback = read
        .default_language
        .clone()
        .or_else(|| opts.lang.clone())
        .filter(|l| is_language_code(l))
        .unwrap_or_else(|| "en".to_string());
    if read
        .default_language
        .as_deref()
        .is_some_and(|l| !is_language_code(l))
    {
        read.default_language = Some(fallback.clone());
    }
    let utc = jiff::tz::TimeZone::UTC;
    for d in &mut read.docs {
        let code = d.lang.trim().to_ascii_lowercase().replace('_', "-");
        if is_language_code(&code) {
            d.lang = code;
        } else {
            report.note(
                format!("languages that are not language codes: read as `{fallback}`"),
                format!("{}: {}", d.origin, d.lang),
            );
            d.lang = fallback.clone();
        }
        if let Some(date) = &d.date {
            if let Err((msg, _)) = crate::content::dates::parse(date, &utc) {
                report.note(
                    "dates nashra cannot read, written as they were (the build names each file)",
                    format!("{}: {date} ({msg})", d.origin),
                );
            }
        }
    }
}

/// A file to write: its text, or a file to copy.
enum Out {
    Text(String),
    Copy(PathBuf),
}

struct Plan {
    files: Vec<(PathBuf, Out)>,
    site_toml: Option<String>,
}

/// Site-relative URL of an article or a page as nashra makes it.
fn new_url(lang: &str, date: Option<&str>, slug: &str) -> String {
    match date.and_then(year_month) {
        Some((y, m)) => format!("{lang}/{y}/{m}/{slug}/"),
        None => format!("{lang}/{slug}/"),
    }
}

/// `2024-01-31…` → ("2024", "01").
fn year_month(date: &str) -> Option<(&str, &str)> {
    let y = date.get(0..4)?;
    let m = date.get(5..7)?;
    (y.bytes().all(|b| b.is_ascii_digit()) && m.bytes().all(|b| b.is_ascii_digit()))
        .then_some((y, m))
}

/// Places every document, pairs translations, settles slugs and aliases.
fn layout(read: Read, opts: &Options, report: &mut Report) -> Plan {
    let zone = common_zone(&read.docs);
    let mut docs = read.docs;
    // groups in a stable order: by the first member's origin
    docs.sort_by(|a, b| a.group.cmp(&b.group).then_with(|| a.origin.cmp(&b.origin)));
    let default_lang = read
        .default_language
        .clone()
        .or_else(|| opts.lang.clone())
        .unwrap_or_else(|| "en".to_string());

    let mut taken_urls: HashSet<String> = HashSet::new();
    let mut taken_folders: HashSet<String> = HashSet::new();
    let mut copied: HashSet<PathBuf> = HashSet::new();
    let mut files = Vec::new();
    let mut langs: BTreeSet<String> = BTreeSet::new();
    let mut placed: Vec<(String, String, Doc)> = Vec::new(); // (new URL, folder, doc)
                                                             // each turn takes the first group out of `docs`
    let i = 0;
    while i < docs.len() {
        let mut j = i + 1;
        while j < docs.len() && docs[j].group == docs[i].group {
            j += 1;
        }
        let mut group: Vec<Doc> = docs.drain(i..j).collect();
        // the default language first: its slug names the folder
        group.sort_by_key(|d| (d.lang != default_lang, d.lang.clone()));
        // one document per language: a second one is its own group
        let mut seen_langs = HashSet::new();
        let mut rest = Vec::new();
        group.retain_mut(|d| {
            if seen_langs.insert(d.lang.clone()) {
                true
            } else {
                rest.push(std::mem::take(d));
                false
            }
        });
        for mut r in rest {
            report.note(
                "documents of one language in one translation group: placed apart, unpaired",
                r.origin.clone(),
            );
            r.group = format!("{}#{}", r.group, r.origin);
            docs.insert(i, r);
        }
        if group.len() > 1 {
            report.paired += group.len() - 1;
        }
        let first = &group[0];
        let is_page = first.date.is_none();
        let base = {
            let s = slugify(&first.slug);
            let s = if s.is_empty() {
                slugify(&first.title)
            } else {
                s
            };
            if s.is_empty() {
                "untitled".to_string()
            } else {
                truncate_slug(&s)
            }
        };
        let parent = match first.date.as_deref().and_then(year_month) {
            Some((y, m)) if !is_page => format!("content/{y}/{m}"),
            _ => "content/pages".to_string(),
        };
        let mut folder = format!("{parent}/{base}");
        let mut n = 2;
        while !taken_folders.insert(folder.clone()) {
            folder = format!("{parent}/{base}-{n}");
            n += 1;
        }
        for mut d in group {
            langs.insert(d.lang.clone());
            let mut slug = {
                let s = slugify(&d.slug);
                let s = if s.is_empty() { slugify(&d.title) } else { s };
                if s.is_empty() {
                    base.clone()
                } else {
                    truncate_slug(&s)
                }
            };
            let page = d.date.is_none();
            if page
                && (crate::model::RESERVED_SLUGS.contains(&slug.as_str())
                    || slug.chars().all(|c| c.is_ascii_digit()))
            {
                report.note(
                    "page slugs that are nashra's own sections: renamed with -page",
                    format!("{} ({slug})", d.origin),
                );
                slug = format!("{slug}-page");
            }
            let mut url = new_url(&d.lang, d.date.as_deref(), &slug);
            let mut n = 2;
            let wanted = slug.clone();
            while taken_urls.contains(&url) {
                slug = format!("{wanted}-{n}");
                url = new_url(&d.lang, d.date.as_deref(), &slug);
                n += 1;
            }
            if slug != wanted {
                report.note(
                    "documents whose address another one had: given a number",
                    format!("{} → /{url}", d.origin),
                );
            }
            taken_urls.insert(url.clone());
            d.slug = slug;
            if page {
                *report.pages.entry(d.lang.clone()).or_default() += 1;
            } else {
                *report.articles.entry(d.lang.clone()).or_default() += 1;
            }
            if d.draft {
                report.drafts += 1;
            }
            let dir = PathBuf::from(&folder);
            for (src, name) in std::mem::take(&mut d.files) {
                let target = dir.join(&name);
                // translations sharing a folder often share their pictures
                if copied.insert(target.clone()) {
                    files.push((target, Out::Copy(src)));
                    report.files += 1;
                }
            }
            placed.push((url, folder.clone(), d));
        }
    }

    // aliases: every old address that is not a new page's own, each once
    let mut alias_owner: HashMap<String, String> = HashMap::new();
    for (url, _, d) in placed.iter_mut() {
        let mut keep = Vec::new();
        for old in std::mem::take(&mut d.old_urls) {
            let old = old.trim_start_matches('/').to_string();
            if old.is_empty() || &old == url {
                continue;
            }
            if old.contains('\\') || old.split('/').any(|p| p == ".." || p == ".") {
                report.note(
                    "old addresses that are not paths on the site: not redirected",
                    format!("/{old}"),
                );
                continue;
            }
            if taken_urls.contains(&old) {
                report.note(
                    "old addresses that are now another page's: not redirected",
                    format!("/{old}"),
                );
                continue;
            }
            match alias_owner.get(&old) {
                Some(other) if other != url => {
                    report.note(
                        "old addresses claimed by two documents: the first keeps it",
                        format!("/{old}"),
                    );
                }
                Some(_) => {}
                None => {
                    alias_owner.insert(old.clone(), url.clone());
                    keep.push(old);
                }
            }
        }
        d.old_urls = keep;
    }
    for (_, folder, d) in placed {
        let path = PathBuf::from(folder).join(format!("index.{}.md", d.lang));
        report.aliases += d.old_urls.len();
        files.push((path, Out::Text(frontmatter::document(&d))));
    }
    for (src, rel) in read.statics {
        files.push((PathBuf::from("static").join(rel), Out::Copy(src)));
        report.files += 1;
    }

    let site_toml = if opts.dest.join("site.toml").exists() {
        None
    } else {
        report.site_toml = true;
        let mut langs: Vec<String> = langs.into_iter().collect();
        if langs.is_empty() {
            langs.push(default_lang.clone());
        }
        let default = if langs.contains(&default_lang) {
            default_lang
        } else {
            langs[0].clone()
        };
        report.languages = langs.clone();
        Some(site_toml(
            read.title.as_deref().unwrap_or("News"),
            read.base_url.as_deref().unwrap_or("https://example.org/"),
            &default,
            &langs,
            &zone,
        ))
    };
    Plan { files, site_toml }
}

/// A slug short enough to be a folder name with room for `-NN`.
fn truncate_slug(s: &str) -> String {
    let max = crate::content::slug::MAX_BYTES - 8;
    if s.len() <= max {
        return s.to_string();
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s[..end].trim_end_matches('-').to_string()
}

/// The time zone most dates are written in, as a fixed-offset zone (`Etc/GMT-3` is UTC+3: the
/// tz database's signs are inverted); `UTC` when dates carry no offset or a fractional one.
fn common_zone(docs: &[Doc]) -> String {
    let mut count: HashMap<i32, usize> = HashMap::new();
    for d in docs {
        let Some(date) = &d.date else { continue };
        let offset = if date.ends_with('Z') {
            Some(0)
        } else {
            date.len()
                .checked_sub(6)
                .and_then(|i| date.get(i..))
                .filter(|t| {
                    let b = t.as_bytes();
                    matches!(b[0], b'+' | b'-') && b[3] == b':' && date.len() > 16
                })
                .and_then(|t| {
                    let h: i32 = t[1..3].parse().ok()?;
                    let m: i32 = t[4..6].parse().ok()?;
                    let sign = if t.starts_with('-') { -1 } else { 1 };
                    Some(sign * (h * 60 + m))
                })
        };
        if let Some(o) = offset {
            *count.entry(o).or_default() += 1;
        }
    }
    let best = count
        .into_iter()
        .max_by_key(|&(o, n)| (n, std::cmp::Reverse(o)))
        .map(|(o, _)| o);
    match best {
        Some(o) if o != 0 && o % 60 == 0 => {
            let h = o / 60;
            // Etc/GMT-3 is three hours ahead of UTC
            if h > 0 {
                format!("Etc/GMT-{h}")
            } else {
                format!("Etc/GMT+{}", -h)
            }
        }
        _ => "UTC".to_string(),
    }
}

/// The site.toml of an imported site.
fn site_toml(title: &str, base_url: &str, default: &str, langs: &[String], zone: &str) -> String {
    let q = |s: &str| serde_json::Value::from(s).to_string();
    let mut base = base_url.trim().to_string();
    if !base.ends_with('/') {
        base.push('/');
    }
    let mut out = format!(
        "# Written by `nashra import`: see the README's \"site.toml\" section.\n\
         base_url = {}\n\
         default_language = {}\n\
         # the zone most imported dates were written in; better: your city's, e.g. \"Asia/Qatar\"\n\
         timezone = {}\n\
         # files without a date (documentation, notes) are standalone pages\n\
         undated = \"page\"\n\
         topics = []\n",
        q(&base),
        q(default),
        q(zone)
    );
    for l in langs {
        out.push_str(&format!("\n[languages.{}]\ntitle = {}\n", q(l), q(title)));
        if l == "ar" {
            out.push_str("digits = \"arab\"\nmonth_names = \"both\"\n");
        }
    }
    out
}

fn io_err(path: &Path, e: std::io::Error) -> Diagnostic {
    Diagnostic::error("io", format!("cannot write {}: {e}", path.display()))
}

/// Writes the plan; checks first that no file exists, so a refused import writes nothing.
fn write(plan: &Plan, opts: &Options) -> Result<(), Diagnostic> {
    let dest = &opts.dest;
    let existing: Vec<&PathBuf> = plan
        .files
        .iter()
        .map(|(p, _)| p)
        .filter(|p| dest.join(p).exists())
        .collect();
    if let Some(first) = existing.first() {
        return Err(Diagnostic::error(
            "exists",
            format!(
                "{} file(s) to import exist already in {}, such as {}; nothing was written",
                existing.len(),
                dest.display(),
                first.display()
            ),
        )
        .help("import into an empty folder, or move the existing content aside"));
    }
    let mut dirs: BTreeSet<PathBuf> = BTreeSet::new();
    for (p, _) in &plan.files {
        if let Some(parent) = dest.join(p).parent() {
            dirs.insert(parent.to_path_buf());
        }
    }
    std::fs::create_dir_all(dest).map_err(|e| io_err(dest, e))?;
    for d in &dirs {
        std::fs::create_dir_all(d).map_err(|e| io_err(d, e))?;
    }
    if let Some(toml) = &plan.site_toml {
        let p = dest.join("site.toml");
        std::fs::write(&p, toml).map_err(|e| io_err(&p, e))?;
    }
    use rayon::prelude::*;
    let failed: Vec<Diagnostic> = plan
        .files
        .par_iter()
        .filter_map(|(p, out)| {
            let target = dest.join(p);
            let r = match out {
                Out::Text(t) => std::fs::write(&target, t),
                Out::Copy(src) => std::fs::copy(src, &target).map(|_| ()),
            };
            r.err().map(|e| match out {
                Out::Copy(src) => Diagnostic::error(
                    "io",
                    format!("cannot copy {} to {}: {e}", src.display(), target.display()),
                ),
                Out::Text(_) => io_err(&target, e),
            })
        })
        .collect();
    if let Some(first) = failed.into_iter().next() {
        return Err(first);
    }
    Ok(())
}

/// Percent-decodes a URL path (WordPress writes Arabic slugs encoded); invalid input is kept.
pub fn decode(s: &str) -> String {
    crate::content::slug::decode_path(s).unwrap_or_else(|| s.to_string())
}

/// The path of a URL on the source site, without its host and the site's base path, and without
/// a leading `/` (`https://ex.org/blog/2024/01/x/` with base `https://ex.org/blog/` →
/// `2024/01/x/`). `None` for another host.
pub fn site_path(url: &str, base: Option<&str>) -> Option<String> {
    let url = url.trim();
    let strip_host = |u: &str| -> Option<(String, String)> {
        let rest = u
            .strip_prefix("https://")
            .or_else(|| u.strip_prefix("http://"))
            .or_else(|| u.strip_prefix("//"))?;
        let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
        Some((host.to_ascii_lowercase(), path.to_string()))
    };
    let (path, base_path) = match (strip_host(url), base.and_then(strip_host)) {
        (Some((h, p)), Some((bh, bp))) => {
            let bare = |h: &str| h.trim_start_matches("www.").to_string();
            if bare(&h) != bare(&bh) {
                return None;
            }
            (p, bp)
        }
        (Some((_, p)), None) => (p, String::new()),
        (None, Some((_, bp))) => (url.trim_start_matches('/').to_string(), bp),
        (None, None) => (url.trim_start_matches('/').to_string(), String::new()),
    };
    let base_path = base_path.trim_matches('/');
    let path = path.split(['?', '#']).next().unwrap_or("").to_string();
    let path = if !base_path.is_empty() {
        path.strip_prefix(base_path)
            .map(|p| p.trim_start_matches('/').to_string())
            .unwrap_or(path)
    } else {
        path
    };
    Some(decode(&path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_paths() {
        assert_eq!(
            site_path("https://ex.org/2024/01/x/", Some("https://www.ex.org")).as_deref(),
            Some("2024/01/x/")
        );
        assert_eq!(
            site_path(
                "https://ex.org/blog/%d9%82%d9%85%d8%a9/",
                Some("https://ex.org/blog/")
            )
            .as_deref(),
            Some("قمة/")
        );
        assert_eq!(
            site_path("https://other.org/x/", Some("https://ex.org")),
            None
        );
        assert_eq!(
            new_url("ar", Some("2024-01-31 10:00"), "x"),
            "ar/2024/01/x/"
        );
        assert_eq!(new_url("en", None, "about"), "en/about/");
    }

    #[test]
    fn the_zone_most_dates_are_written_in() {
        let doc = |d: &str| Doc {
            date: Some(d.to_string()),
            ..Doc::default()
        };
        let docs = [
            doc("2024-03-05T10:00:00+03:00"),
            doc("2024-03-06T10:00:00+03:00"),
            doc("2024-03-07T10:00:00Z"),
            doc("2024-03-08"),
        ];
        assert_eq!(common_zone(&docs), "Etc/GMT-3");
        assert_eq!(
            common_zone(&[doc("2024-03-05T10:00:00-05:00")]),
            "Etc/GMT+5"
        );
        assert_eq!(common_zone(&[doc("2024-03-05T10:00:00+05:30")]), "UTC");
        assert_eq!(common_zone(&[doc("2024-03-05")]), "UTC");
    }
}
