//! Stage 2: load the content tree.
//!
//! [`load`] walks `content/` (sorted, so the result does not depend on the file system's order),
//! reads every Markdown file in parallel, splits and parses its front matter, validates each key
//! against the configuration, renders the Markdown body, and returns one [`Document`] per file
//! plus the non-Markdown [`Asset`]s to copy. Problems go into the run's diagnostics with the file,
//! line and column; a file with errors yields no document, and the other files are still read so
//! one run reports everything.

pub mod countries;
pub mod dates;
pub mod frontmatter;
pub mod markdown;
mod names;
pub mod newsroom;
mod resolve;
pub mod slug;
pub mod tags;
mod toml_front;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::config::Config;
use crate::diagnostics::{Diagnostic, Diagnostics, Pos};
use dates::PubDate;

/// The folder of standalone pages, relative to `content/`.
pub const PAGES_DIR: &str = "pages";

/// Whether a document is a dated news article or a standalone page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Article,
    Page,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Source {
    pub name: String,
    pub url: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Image {
    pub src: String,
    pub alt: String,
    pub credit: Option<String>,
    /// What the picture shows, under it (the `alt` text describes it for those who cannot see it).
    pub caption: Option<String>,
    /// The point crops keep (`focus: "0.5,0.3"`: fractions of width and height from the top
    /// left corner), in thousandths; the centre when not given.
    pub focus: Option<(u16, u16)>,
    /// Where `image:` is written (errors about the picture point here).
    #[serde(skip)]
    pub pos: Pos,
}

/// One Markdown file, read and validated.
#[derive(Clone, Debug)]
pub struct Document {
    /// Path relative to the site root, e.g. `content/2025/11/csto-summit.ar.md`.
    pub path: PathBuf,
    /// Folder of the file relative to `content/` (for assets).
    pub folder: PathBuf,
    pub lang: String,
    pub kind: Kind,
    /// Links translations: `translation_key`, or the path without language suffix.
    pub translation_key: String,
    pub title: String,
    pub date: Option<PubDate>,
    pub updated: Option<Box<PubDate>>,
    /// The `summary` as written, or the start of the first paragraph when none was.
    pub summary: String,
    /// Whether `summary` was written in the front matter (a dek), not taken from the body.
    pub summary_written: bool,
    pub topics: Vec<String>,
    /// Upper-case ISO codes.
    pub countries: Vec<String>,
    /// Free tags from `tags:` and `categories:`, one per slug.
    pub tags: Vec<tags::Tag>,
    pub sources: Vec<Source>,
    /// Boxed: most articles of a big archive have none, and it is the largest field.
    pub image: Option<Box<Image>>,
    pub authors: Vec<String>,
    pub slug: String,
    pub draft: bool,
    /// After this time the article is taken off the site (`expires`).
    pub expires: Option<Box<PubDate>>,
    /// Corrections and clarifications, oldest first.
    pub corrections: Vec<newsroom::Correction>,
    /// Old URLs that redirect here (`aliases`).
    pub aliases: Vec<newsroom::Alias>,
    pub extra: serde_json::Map<String, serde_json::Value>,
    /// Byte length of the Markdown body as read.
    pub body_len: usize,
    /// xxh3-128 of the Markdown body as read: what the search record and the body's HTML are
    /// made from, for the build cache ([`crate::incremental`]) to tell an unchanged body.
    pub body_hash: u128,
    /// The Markdown body, when the load kept it (see [`BodyBudget`]); otherwise the file is read
    /// again when its page is written, so a big site's bodies are never all in memory at once.
    pub body: Option<Arc<str>>,
    /// Line of the `slug` key, or of `title`, for errors about the URL.
    pub url_pos: Pos,
}

impl Document {
    /// When the document last changed: `updated`, or else `date`.
    pub fn last_change(&self) -> Option<&PubDate> {
        self.updated.as_deref().or(self.date.as_ref())
    }
}

/// A non-Markdown file under `content/`, copied beside the pages of its folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Asset {
    /// Absolute path on disk.
    pub source: PathBuf,
    /// Folder relative to `content/`.
    pub folder: PathBuf,
    /// Path relative to its folder (keeps sub-folders of a bundle).
    pub name: PathBuf,
}

impl Asset {
    /// Its path relative to `content/`, joined with `/`: where it is published, once, however
    /// many pages use it (a `\\` inside a Unix file name stays a character of that name, and the
    /// output check refuses it).
    pub fn target(&self) -> String {
        let mut parts: Vec<_> = self.folder.components().collect();
        parts.extend(self.name.components());
        parts
            .iter()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/")
    }
}

#[derive(Debug, Default)]
pub struct Content {
    pub documents: Vec<Arc<Document>>,
    pub assets: Vec<Asset>,
    /// What the publication rules left out, and when the next one is due.
    pub held: Held,
    /// The build time the rules were applied at.
    pub now: Option<jiff::Timestamp>,
}

/// Which documents a build publishes: no drafts (unless `drafts`), no article dated after `now`
/// (unless `future`), none whose `expires` has passed.
#[derive(Clone, Debug)]
pub struct LoadOptions {
    pub drafts: bool,
    pub future: bool,
    /// The build time.
    pub now: jiff::Timestamp,
}

impl LoadOptions {
    /// Everything published, at the current time.
    #[cfg(test)]
    pub(crate) fn all() -> LoadOptions {
        LoadOptions {
            drafts: true,
            future: true,
            now: jiff::Timestamp::now(),
        }
    }

    /// Whether `doc` is on the site at the build time.
    pub fn publishes(&self, doc: &Document) -> bool {
        self.status(doc) == Status::Published
    }

    pub fn status(&self, doc: &Document) -> Status {
        if doc.draft && !self.drafts {
            return Status::Draft;
        }
        if doc
            .expires
            .as_ref()
            .is_some_and(|e| e.timestamp() <= self.now)
        {
            return Status::Expired;
        }
        if !self.future && doc.date.as_ref().is_some_and(|d| d.timestamp() > self.now) {
            return Status::Scheduled;
        }
        Status::Published
    }
}

/// Where a document stands at the build time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Published,
    Draft,
    /// Dated after the build time (embargoed or scheduled).
    Scheduled,
    /// Past its `expires`.
    Expired,
}

/// What a build left out, and the next time the site changes by itself.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Held {
    pub drafts: usize,
    pub scheduled: usize,
    pub expired: usize,
    /// The earliest future `date` of a scheduled article or `expires` of a published one (and its
    /// file): the site should be built again then.
    pub next: Option<(PubDate, PathBuf)>,
    /// The held documents' paths under `content/` (as `model::content_path` writes them): a link
    /// to one of them is shown without the link.
    pub paths: std::collections::BTreeSet<String>,
}

/// Every file under `content/`: the parse result of each Markdown file (by path relative to
/// `content/`) and the assets. Kept by `watch`, which re-reads only the files that change.
#[derive(Default)]
pub struct Files {
    pub markdown: std::collections::BTreeMap<PathBuf, Parsed>,
    pub assets: std::collections::BTreeMap<PathBuf, Asset>,
}

impl Files {
    /// The documents published under `opts`, the assets, and what was held back.
    pub fn content(&self, opts: &LoadOptions) -> Content {
        let mut held = Held::default();
        let mut documents = Vec::new();
        for (rel, d) in &self.markdown {
            let key = || crate::model::content_path(rel);
            let Some(doc) = &d.document else {
                if d.draft && !opts.drafts {
                    held.drafts += 1;
                    held.paths.insert(key());
                }
                continue;
            };
            let due = match opts.status(doc) {
                Status::Published => {
                    documents.push(Arc::clone(doc));
                    doc.expires.as_deref()
                }
                Status::Draft => {
                    held.drafts += 1;
                    held.paths.insert(key());
                    None
                }
                Status::Scheduled => {
                    held.scheduled += 1;
                    held.paths.insert(key());
                    doc.date.as_ref()
                }
                Status::Expired => {
                    held.expired += 1;
                    held.paths.insert(key());
                    None
                }
            };
            if let Some(due) = due {
                if held
                    .next
                    .as_ref()
                    .is_none_or(|(n, _)| due.timestamp() < n.timestamp())
                {
                    held.next = Some((due.clone(), doc.path.clone()));
                }
            }
        }
        Content {
            documents,
            assets: self.assets.values().cloned().collect(),
            held,
            now: Some(opts.now),
        }
    }

    /// Every problem of every file. Unless drafts are built, an error in a draft is a warning:
    /// one reporter's unfinished file does not stop the site from being published.
    pub fn diagnostics(&self, drafts: bool) -> impl Iterator<Item = Diagnostic> + '_ {
        self.markdown.values().flat_map(move |p| {
            p.diagnostics.iter().map(move |d| {
                if p.draft && !drafts && d.severity == crate::diagnostics::Severity::Error {
                    let mut d = d.clone();
                    d.severity = crate::diagnostics::Severity::Warning;
                    d.message = format!("{} (in a draft, left out of the site)", d.message);
                    d
                } else {
                    d.clone()
                }
            })
        })
    }
}

/// How many bytes of Markdown bodies a load keeps in memory: 128 MiB, about 12,000 articles of
/// ordinary length. Kept bodies are rendered without opening their files a second time; past the
/// budget, bodies are read again when their page is written, so memory stays flat on big sites.
pub const KEEP_BODIES_BYTES: usize = 128 << 20;

/// The bytes of Markdown bodies a load may still keep in memory, shared by its parser threads.
pub struct BodyBudget(std::sync::atomic::AtomicUsize);

impl BodyBudget {
    pub fn new(bytes: usize) -> BodyBudget {
        BodyBudget(std::sync::atomic::AtomicUsize::new(bytes))
    }

    /// Takes `n` bytes from the budget if that many are left.
    fn take(&self, n: usize) -> bool {
        use std::sync::atomic::Ordering;
        self.0
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |left| {
                left.checked_sub(n)
            })
            .is_ok()
    }
}

/// Walks `content/` and parses every Markdown file (in parallel). Walk problems go to `diags`;
/// each file's own problems stay with its [`Parsed`].
pub fn load_files(root: &Path, config: &Config, diags: &Diagnostics) -> Files {
    let content_dir = root.join("content");
    if !content_dir.is_dir() {
        diags.push(
            Diagnostic::error("content", "the site has no content/ folder")
                .help("create content/ and put articles in it as NAME.ar.md / NAME.en.md"),
        );
        return Files::default();
    }
    let mut markdown = Vec::new();
    let mut assets = std::collections::BTreeMap::new();
    let bounds = crate::safety::Bounds::new(root, config.follow_symlinks);
    crate::safety::walk(root, &content_dir, &bounds, diags, |path, rel| {
        let rel = rel.to_path_buf();
        match classify(&content_dir, &rel) {
            Entry::Markdown => markdown.push(rel),
            Entry::Asset(a) => {
                assets.insert(rel, a);
            }
            Entry::Ignored => {}
            Entry::BadName(why) => diags.push(
                Diagnostic::error("bad-file-name", why)
                    .in_file(relative(root, path))
                    .help("rename the file"),
            ),
        }
    });

    let budget = BodyBudget::new(KEEP_BODIES_BYTES);
    let parsed: Vec<Parsed> = markdown
        .par_iter()
        .map(|rel| parse_file(root, rel, config, &budget))
        .collect();
    Files {
        markdown: markdown.into_iter().zip(parsed).collect(),
        assets,
    }
}

/// What a file under `content/` is.
pub enum Entry {
    Markdown,
    Asset(Asset),
    /// Hidden files and editor leftovers.
    Ignored,
    /// A name nashra refuses, and why.
    BadName(String),
}

/// Classifies `rel` (relative to `content_dir`).
pub fn classify(content_dir: &Path, rel: &Path) -> Entry {
    let Some(name) = rel.file_name().and_then(|n| n.to_str()) else {
        return Entry::BadName(
            "the file name is not valid UTF-8; rename it using UTF-8 characters".into(),
        );
    };
    if crate::safety::is_ignored_source(rel) {
        return Entry::Ignored;
    }
    if let Some(why) = crate::safety::bad_source_name(rel) {
        return Entry::BadName(why);
    }
    if name.ends_with(".md") {
        Entry::Markdown
    } else {
        let folder = bundle_folder(rel);
        let name = rel.strip_prefix(&folder).unwrap_or(rel).to_path_buf();
        Entry::Asset(Asset {
            source: content_dir.join(rel),
            folder,
            name,
        })
    }
}

/// The result of reading one Markdown file: its document (unless it has errors) and its
/// problems (with the file set).
#[derive(Clone)]
pub struct Parsed {
    pub document: Option<Arc<Document>>,
    /// The file says `draft: true` (known even when it has errors).
    pub draft: bool,
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads and validates one Markdown file, `rel` relative to `content/`; keeps its body in memory
/// if `budget` has room for it.
pub fn parse_file(root: &Path, rel: &Path, config: &Config, budget: &BodyBudget) -> Parsed {
    let file = Path::new("content").join(rel);
    let failed = |errors: Vec<Diagnostic>, draft: bool| Parsed {
        draft,
        document: None,
        diagnostics: errors.into_iter().map(|e| e.in_file(&file)).collect(),
    };
    let bytes = match std::fs::read(root.join(&file)) {
        Ok(b) => b,
        Err(e) => {
            let d = Diagnostic::error("io", format!("cannot read file: {e}"));
            return failed(vec![d], false);
        }
    };
    let text = match decode(&bytes) {
        Ok(t) => t,
        Err(d) => return failed(vec![d], false),
    };
    match load_document(&text, rel, config, budget) {
        Ok((doc, warnings)) => Parsed {
            draft: doc.draft,
            document: Some(Arc::new(doc)),
            diagnostics: warnings.into_iter().map(|w| w.in_file(&file)).collect(),
        },
        Err(errors) => failed(errors, says_draft(&text)),
    }
}

/// Whether a file's front matter has a line `draft: true`, read line by line so that a file whose
/// YAML does not parse can still be known as a draft.
fn says_draft(text: &str) -> bool {
    let mut lines = text.lines();
    let fence = match lines.next().map(str::trim_end) {
        Some(f @ ("---" | "+++")) => f,
        _ => return false,
    };
    lines.take_while(|l| l.trim_end() != fence).any(|l| {
        l.strip_prefix("draft:")
            .or_else(|| {
                l.strip_prefix("draft =")
                    .or_else(|| l.strip_prefix("draft="))
            })
            .is_some_and(|v| {
                let v = v.split('#').next().unwrap_or("").trim();
                matches!(v, "true" | "True" | "TRUE" | "yes" | "on")
            })
    })
}

/// The folder an asset belongs to: its own folder.
fn bundle_folder(rel: &Path) -> PathBuf {
    rel.parent().map(Path::to_path_buf).unwrap_or_default()
}

pub fn relative(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

/// The text of a content file without a UTF-8 BOM and with `\n` line endings (a copy only when
/// there are `\r`s to replace).
pub fn normalize_text(text: &str) -> std::borrow::Cow<'_, str> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n").into()
    } else {
        text.into()
    }
}

/// The bytes as text, checked with SIMD (most of a file is Arabic, where the standard library's
/// ASCII fast path does not help); `None` if they are not UTF-8.
fn as_utf8(bytes: &[u8]) -> Option<&str> {
    simdutf8::basic::from_utf8(bytes).ok()
}

/// The HTML of a document's Markdown body: the kept body, or else read again from its file;
/// references to files written as `media` says.
pub fn render_body(
    root: &Path,
    doc: &Document,
    media: &dyn markdown::Media,
) -> Result<String, Diagnostic> {
    with_body(root, doc, |md| {
        markdown::render_with_text(md, media, |_| {})
    })
}

/// Calls `f` with the document's Markdown body: the kept one, or the file read again.
pub fn with_body<T>(
    root: &Path,
    doc: &Document,
    f: impl FnOnce(&str) -> T,
) -> Result<T, Diagnostic> {
    if let Some(body) = &doc.body {
        return Ok(f(body));
    }
    let file = root.join(&doc.path);
    let vanished = |e: String| {
        Diagnostic::error(
            "io",
            format!("cannot read the file again to render it: {e}"),
        )
        .in_file(&doc.path)
        .help("the file changed or vanished during the build; build again")
    };
    let bytes = std::fs::read(&file).map_err(|e| vanished(e.to_string()))?;
    let text = as_utf8(&bytes).ok_or_else(|| vanished("it is no longer UTF-8".into()))?;
    let text = normalize_text(text);
    let split = frontmatter::split(&text).map_err(|d| d.in_file(&doc.path))?;
    Ok(f(split.body))
}

/// A content file's bytes as text without BOM and with `\n` line endings, or where it is not
/// UTF-8.
fn decode(bytes: &[u8]) -> Result<std::borrow::Cow<'_, str>, Diagnostic> {
    let text = as_utf8(bytes).ok_or_else(|| {
        Diagnostic::error("encoding", "the file is not valid UTF-8")
            .at(Pos::of_bad_utf8(bytes))
            .help("save the file as UTF-8")
    })?;
    Ok(normalize_text(text))
}

/// Reads one file's text (see [`decode`]) into a document.
fn load_document(
    text: &str,
    rel: &Path,
    config: &Config,
    budget: &BodyBudget,
) -> Result<(Document, Vec<Diagnostic>), Vec<Diagnostic>> {
    let file_name = rel.file_name().and_then(|n| n.to_str()).unwrap_or_default();
    let (name, lang) = names::split_name(file_name, config);
    let lang = match lang {
        Some(l) if config.is_language(l) => l.to_string(),
        Some(l) => {
            let codes: Vec<&str> = config.language_codes().collect();
            return Err(vec![Diagnostic::error(
                "language",
                format!("language `{l}` in the file name is not configured"),
            )
            .at(Pos::new(1, 1))
            .help(format!(
                "configured languages: {}; add [languages.{l}] to site.toml or rename the file",
                codes.join(", ")
            ))]);
        }
        None => config.default_language.clone(),
    };
    let folder = rel.parent().map(Path::to_path_buf).unwrap_or_default();
    let kind = if folder.starts_with(PAGES_DIR) {
        Kind::Page
    } else {
        Kind::Article
    };

    let split = frontmatter::split(text).map_err(|d| vec![d])?;
    let (raw, mut warnings) = frontmatter::parse(&split).map_err(|d| vec![d])?;
    let mut errors = Vec::new();
    let doc = resolve::resolve(
        raw,
        &split,
        config,
        resolve::ResolveCtx {
            rel,
            name,
            lang,
            folder,
            kind,
        },
        &mut errors,
        &mut warnings,
    );
    if errors.is_empty() {
        if let Some(mut doc) = doc {
            if budget.take(split.body.len()) {
                doc.body = Some(Arc::from(split.body));
            }
            return Ok((doc, warnings));
        }
    }
    errors.extend(warnings);
    Err(errors)
}

#[cfg(test)]
mod tests {

    use super::*;

    /// A body kept in memory and a body read again from the file render the same HTML, and the
    /// budget decides which one a document gets.
    #[test]
    fn kept_and_reread_bodies_render_alike() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("content")).unwrap();
        let text = "---\r\ntitle: T\r\ndate: 2025-11-27\r\n---\r\n\r\n# Head {#h}\r\n\r\nSome *text* | a\r\n\r\n| x | y |\r\n|---|---|\r\n| 1 | 2 |\r\n";
        std::fs::write(root.join("content/a.en.md"), text).unwrap();
        let diags = Diagnostics::default();
        let config = crate::config::parse(
            "base_url = \"https://example.org/\"\ndefault_language = \"en\"\n[languages.en]\ntitle = \"Site\"\n",
            &diags,
        )
        .unwrap();
        let rel = Path::new("a.en.md");
        let kept = parse_file(root, rel, &config, &BodyBudget::new(1 << 20));
        let reread = parse_file(root, rel, &config, &BodyBudget::new(10));
        let kept = kept.document.unwrap();
        let reread = reread.document.unwrap();
        assert!(kept.body.is_some());
        assert!(reread.body.is_none());
        let a = render_body(root, &kept, &markdown::AsWritten).unwrap();
        let b = render_body(root, &reread, &markdown::AsWritten).unwrap();
        assert_eq!(a, b);
        assert!(a.contains("<h1 id=\"h\">Head</h1>"), "{a}");
        assert!(a.contains("<table>"), "{a}");
    }
}
