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

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::diagnostics::Diagnostic;

pub mod frontmatter;
pub mod html;
mod layout;
mod links;
pub mod markdown;
mod permalinks;
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
    /// Its path under the content folder (`blog/post.md`), for links between documents.
    pub source: Option<String>,
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
    /// Links between documents pointed at their new addresses.
    pub links: usize,
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
        if self.links > 0 {
            let _ = writeln!(
                out,
                "  links between documents pointed at their new addresses: {}",
                self.links
            );
        }
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

/// What the source says about one of its languages.
#[derive(Debug, Default, Clone)]
pub struct LangInfo {
    pub title: Option<String>,
    pub description: Option<String>,
    /// `Some(true)`: written right to left (Hugo `languageDirection = "rtl"`).
    pub rtl: Option<bool>,
}

/// What a source reader gives: its documents, site-wide facts, and files for `static/`.
#[derive(Debug, Default)]
pub struct Read {
    pub docs: Vec<Doc>,
    pub title: Option<String>,
    pub base_url: Option<String>,
    pub default_language: Option<String>,
    /// The zone the source's configuration names (IANA), for dates written without an offset.
    pub timezone: Option<String>,
    /// The site's description, and per language what its configuration says.
    pub description: Option<String>,
    pub lang_info: BTreeMap<String, LangInfo>,
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
    layout::check_docs(&mut read, opts, &mut report);
    let plan = layout::layout(read, opts, &mut report);
    write(&plan, opts)?;
    Ok(report)
}

/// What an import would write, without writing it: (path, bytes of text or 0 for a copy). For
/// tools and the fuzz target.
pub fn plan(read: Read, opts: &Options, report: &mut Report) -> Vec<(PathBuf, usize)> {
    let mut read = read;
    layout::check_docs(&mut read, opts, report);
    layout::layout(read, opts, report)
        .files
        .into_iter()
        .map(|(p, out)| match out {
            layout::Out::Text(t) => (p, t.len()),
            layout::Out::Copy(_) => (p, 0),
        })
        .collect()
}

fn io_err(path: &Path, e: std::io::Error) -> Diagnostic {
    Diagnostic::error("io", format!("cannot write {}: {e}", path.display()))
}

/// Writes the plan; checks first that no file exists, so a refused import writes nothing.
fn write(plan: &layout::Plan, opts: &Options) -> Result<(), Diagnostic> {
    let dest = &opts.dest;
    // a link in DEST (also a dangling one) would send a write elsewhere
    let site_toml = PathBuf::from("site.toml");
    let paths = plan
        .files
        .iter()
        .map(|(p, _)| p)
        .chain(plan.site_toml.as_ref().map(|_| &site_toml));
    for p in paths.clone() {
        if let Some((link, target)) = crate::safety::first_link_under(dest, p) {
            return Err(Diagnostic::error(
                "exists",
                format!(
                    "{} is a symbolic link (to {}), which the import would write through; nothing was written",
                    link.display(),
                    target.display()
                ),
            )
            .help("import into an empty folder, or remove the link"));
        }
    }
    let existing: Vec<&PathBuf> = plan
        .files
        .iter()
        .map(|(p, _)| p)
        .filter(|p| std::fs::symlink_metadata(dest.join(p)).is_ok())
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
        crate::output::no_follow(std::fs::OpenOptions::new().write(true).create_new(true))
            .open(&p)
            .and_then(|mut f| std::io::Write::write_all(&mut f, toml.as_bytes()))
            .map_err(|e| io_err(&p, e))?;
    }
    use rayon::prelude::*;
    let failed: Vec<Diagnostic> = plan
        .files
        .par_iter()
        .filter_map(|(p, out)| {
            let target = dest.join(p);
            // created new, never through a link (one made since the check above included)
            let create = || {
                crate::output::no_follow(std::fs::OpenOptions::new().write(true).create_new(true))
                    .open(&target)
            };
            let r = match out {
                layout::Out::Text(t) => {
                    create().and_then(|mut f| std::io::Write::write_all(&mut f, t.as_bytes()))
                }
                layout::Out::Copy(src) => std::fs::File::open(src).and_then(|mut from| {
                    let mut to = create()?;
                    std::io::copy(&mut from, &mut to).map(|_| ())
                }),
            };
            r.err().map(|e| match out {
                layout::Out::Copy(src) => Diagnostic::error(
                    "io",
                    format!("cannot copy {} to {}: {e}", src.display(), target.display()),
                ),
                layout::Out::Text(_) => io_err(&target, e),
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
    }
}
