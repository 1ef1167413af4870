//! Incremental rebuilds for `watch`: the last good build, and what one change re-renders.
//!
//! A [`Session`] keeps the state of the last successful build ([`Built`]) and every content
//! file's parse result. [`Session::apply`] takes the paths an editor touched:
//!
//! - a change to `site.toml`, `templates/`, `locales/` or `static/` re-runs the whole build;
//! - a change under `content/` re-reads only the touched files, rebuilds the (cheap) site model,
//!   reuses the cards and related-article lists of everything else, and re-renders only the
//!   pages whose inputs changed: the article, its translations, articles listing it as related,
//!   the list pages, feeds and month pages it appears in (before or after the change), the
//!   indexes of its language, and the sitemap when URLs or dates moved. Pages that no longer
//!   exist are deleted. The result is byte-for-byte what a full build gives (tested).
//!
//! On errors nothing is written: the last good site stays on disk and in the session, and the
//! files changed since are remembered until a later save succeeds.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::build::{self, BuildOptions, Built};
use crate::content::{self, Entry, LoadOptions};
use crate::diagnostics::{Diagnostics, Failed, Severity};
use crate::model::{self, DocId, Scope, Site};
use crate::output;
use crate::progress::Progress;
use crate::render::{self, view, Job};

use super::affected::{affected, same_place, same_shape};

/// What one rebuild did.
#[derive(Debug, Default)]
pub struct Rebuilt {
    pub full: bool,
    pub rendered: usize,
    pub removed: usize,
    pub elapsed: Duration,
}

pub struct Session {
    opts: BuildOptions,
    /// The site folder as the file watcher reports paths in it (canonical).
    canonical_root: PathBuf,
    built: Built,
    /// Markdown files (relative to `content/`) changed since the last successful render.
    pending: BTreeSet<PathBuf>,
    /// Asset files (relative to `content/`) changed since the last successful render.
    pending_assets: BTreeSet<PathBuf>,
    /// A full rebuild failed: what it would have read is not in `built`, so every later change
    /// rebuilds everything until one succeeds (an incremental one would miss the files the
    /// failed build saw, and accept a site `build` refuses).
    full_pending: bool,
}

/// Where a touched path sits in the site.
enum Touched {
    /// `site.toml`, `templates/`, `locales/`, `static/`: everything may change.
    Everything,
    /// A file under `content/` (relative to it).
    Content(PathBuf),
    Ignore,
}

impl Session {
    /// Builds the whole site once.
    pub fn start(opts: BuildOptions, diags: &Diagnostics) -> Result<Session, build::BuildFailed> {
        let built = build::build_full(&opts, diags)?;
        let canonical_root =
            std::fs::canonicalize(&opts.root).unwrap_or_else(|_| opts.root.clone());
        Ok(Session {
            canonical_root,
            opts,
            built,
            pending: BTreeSet::new(),
            pending_assets: BTreeSet::new(),
            full_pending: false,
        })
    }

    pub fn output(&self) -> &Path {
        &self.built.output
    }

    pub fn site(&self) -> &Site {
        &self.built.loaded.site
    }

    /// Where a path reported by the watcher (absolute, in the canonical site folder) sits.
    fn classify(&self, path: &Path) -> Touched {
        let rel = match path
            .strip_prefix(&self.canonical_root)
            .or_else(|_| path.strip_prefix(&self.opts.root))
        {
            Ok(r) => r,
            Err(_) => return Touched::Ignore,
        };
        let mut parts = rel.components();
        match parts.next().and_then(|c| c.as_os_str().to_str()) {
            Some("site.toml" | "authors.toml" | "alerts.toml") if parts.next().is_none() => {
                Touched::Everything
            }
            Some("templates" | "locales" | "static") => Touched::Everything,
            Some("content") => {
                let inner: PathBuf = parts.collect();
                if inner.as_os_str().is_empty() {
                    Touched::Everything
                } else {
                    Touched::Content(inner)
                }
            }
            _ => Touched::Ignore,
        }
    }

    /// Rebuilds after `paths` changed. On `Err` the old site is still on disk and `diags` says why.
    pub fn apply(&mut self, paths: &[PathBuf], diags: &Diagnostics) -> Result<Rebuilt, Failed> {
        let start = Instant::now();
        let mut everything = false;
        let mut touched = BTreeSet::new();
        for p in paths {
            match self.classify(p) {
                Touched::Everything => everything = true,
                Touched::Content(rel) => {
                    touched.insert(rel);
                }
                Touched::Ignore => {}
            }
        }
        // A folder that appeared, moved or vanished: its files may not all have been reported.
        let content_dir = self.opts.root.join("content");
        let folder_event = touched.iter().any(|p| {
            let full = content_dir.join(p);
            full.is_dir()
                || (!full.exists()
                    && p.extension().is_none()
                    && !self.built.loaded.files.assets.contains_key(p))
        });
        if everything || folder_event || self.full_pending {
            return self.full(diags, start);
        }
        if touched.is_empty() {
            return Ok(Rebuilt::default());
        }
        // Standalone pages are linked from every page's footer: a change to one is a change to all.
        if touched.iter().any(|p| p.starts_with(content::PAGES_DIR)) {
            return self.full(diags, start);
        }
        self.incremental(touched, diags, start)
    }

    fn full(&mut self, diags: &Diagnostics, start: Instant) -> Result<Rebuilt, Failed> {
        self.full_pending = true;
        let built = build::build_full(&self.opts, diags).map_err(|_| Failed)?;
        self.full_pending = false;
        let rendered = built.report.files;
        self.built = built;
        self.pending.clear();
        self.pending_assets.clear();
        Ok(Rebuilt {
            full: true,
            rendered,
            removed: 0,
            elapsed: start.elapsed(),
        })
    }

    fn incremental(
        &mut self,
        touched: BTreeSet<PathBuf>,
        diags: &Diagnostics,
        start: Instant,
    ) -> Result<Rebuilt, Failed> {
        let root = self.opts.root.clone();
        let content_dir = root.join("content");
        let config = self.built.loaded.site.config.clone();
        // a few edited files: their bodies are kept, like those of a load within its budget
        let budget = content::BodyBudget::new(content::KEEP_BODIES_BYTES);
        // a link or a refused name: the full build reports it like `build` does
        let odd = touched.iter().any(|rel| {
            matches!(content::classify(&content_dir, rel), Entry::BadName(_))
                || std::fs::symlink_metadata(content_dir.join(rel))
                    .is_ok_and(|m| m.file_type().is_symlink())
        });
        if odd {
            return self.full(diags, start);
        }
        // a picture changed, or a file appeared or vanished: the media stage runs again (its
        // cache decodes only the changed picture), and so does every page
        let processes = self.built.loaded.site.config.images.process;
        let media_change = touched.iter().any(|rel| {
            let Entry::Asset(_) = content::classify(&content_dir, rel) else {
                return false;
            };
            let known = self.built.loaded.files.assets.contains_key(rel);
            let exists = content_dir.join(rel).is_file();
            known != exists
                || (processes
                    && crate::media::encode::Encoding::of_name(&rel.to_string_lossy()).is_some())
        });
        if media_change {
            return self.full(diags, start);
        }
        // 1. re-read the touched files
        for rel in &touched {
            let exists = content_dir.join(rel).is_file();
            match content::classify(&content_dir, rel) {
                Entry::Markdown => {
                    let files = &mut self.built.loaded.files;
                    if exists {
                        files.markdown.insert(
                            rel.clone(),
                            content::parse_file(&root, rel, &config, &budget),
                        );
                    } else {
                        files.markdown.remove(rel);
                    }
                    self.pending.insert(rel.clone());
                }
                Entry::Asset(a) => {
                    if exists {
                        self.built.loaded.files.assets.insert(rel.clone(), a);
                    } else {
                        self.built.loaded.files.assets.remove(rel);
                    }
                    self.pending_assets.insert(rel.clone());
                }
                Entry::Ignored | Entry::BadName(_) => {}
            }
        }
        diags.extend(self.built.loaded.files.diagnostics(self.opts.drafts));
        if diags.has_errors() {
            return Err(Failed);
        }
        let publication = self.publication();
        if let Some(r) = self.edit_in_place(&publication, diags, start) {
            return r;
        }
        let files = &self.built.loaded.files;

        // 2. the new model, reusing what cannot have changed
        let old = &self.built.loaded.site;
        let changed: BTreeSet<PathBuf> = self
            .pending
            .iter()
            .map(|p| Path::new("content").join(p))
            .collect();
        let new_content = files.content(&publication);
        let same_shape = same_shape(old, &new_content.documents, &changed);
        let related = same_shape.then(|| old.related.clone());
        let model_diags = Diagnostics::new();
        let mut site = model::build_with(
            config,
            new_content,
            old.author_data.clone(),
            &model_diags,
            related,
        );
        site.media = Arc::clone(&old.media);
        site.alerts = old.alerts.clone();
        // a lead image's crop that no published document asks for any more (its article
        // removed, held back, or given another focus): the media stage decides the crops
        if !site.media.socials_match(&site) {
            return self.full(diags, start);
        }
        // every page of a language links its tag index (footer or navigation): the index coming
        // or going is a change to all of them
        if site
            .config
            .language_codes()
            .any(|l| old.has_tags(l) != site.has_tags(l))
        {
            return self.full(diags, start);
        }
        let model_diags = model_diags.snapshot();
        if model_diags.iter().any(|d| d.severity == Severity::Error) {
            diags.extend(model_diags);
            return Err(Failed);
        }
        diags.extend(model_diags);

        // 3. cards: reuse by path, recompute the changed ones
        let l10n = Arc::clone(&self.built.loaded.l10n);
        let old_ids: HashMap<&Path, DocId> = old
            .documents
            .iter()
            .enumerate()
            .map(|(i, d)| (d.path.as_path(), i))
            .collect();
        let terms = view::Terms::new(&site, &l10n);
        // a card keeps its rendered body: with links to Markdown files, a document that moved
        // (or came or went) changes other documents' bodies, so no card is kept then
        let md_links = self
            .built
            .prepared
            .md_links
            .load(std::sync::atomic::Ordering::Relaxed);
        let relink = md_links
            && (old.documents.len() != site.documents.len()
                || changed.iter().any(|p| {
                    let n = site.by_path.get(&model::content_path(p)).copied();
                    match (old_ids.get(p.as_path()), n) {
                        (Some(&o), Some(n)) => old.url_of(o) != site.url_of(n),
                        _ => true,
                    }
                }));
        let cards: Vec<view::CardSlot> = (0..site.documents.len())
            .map(|id| {
                let path = site.documents[id].path.as_path();
                match old_ids.get(path) {
                    Some(&o)
                        if !relink
                            && !changed.contains(path)
                            && old.url_of(o) == site.url_of(id) =>
                    {
                        self.built.prepared.cards[o].clone()
                    }
                    _ => view::CardSlot::new(view::card(&site, &l10n, &terms, id)),
                }
            })
            .collect();

        // 4. what to render and what to delete
        let mut prepared = view::Prepared::with_cards(&site, &l10n, cards, terms);
        // whether some page links to a Markdown file: known from every render so far
        prepared.md_links = Arc::clone(&self.built.prepared.md_links);
        let jobs = render::plan(&site);
        let clashes = Diagnostics::new();
        render::collisions::find(&site, &jobs, &root, &self.built.loaded.statics, &clashes);
        if clashes.has_errors() {
            diags.extend(clashes.snapshot());
            return Err(Failed);
        }
        let plan = affected(
            old,
            &old_ids,
            &site,
            &changed,
            &jobs,
            &self.built.jobs,
            md_links,
        );
        let out = self.built.output.clone();
        let mut rendered = write_jobs(
            &self.built.renderer,
            &site,
            &prepared,
            &jobs,
            &plan.render,
            &out,
            diags,
        )?;
        let mut removed = 0;
        for (rel, folder) in &plan.remove {
            output::remove(&out, rel, *folder);
            removed += 1;
        }
        // assets: a changed file is copied again to its one place (one that appeared or
        // vanished, or a picture, took the full build)
        let changed_assets = std::mem::take(&mut self.pending_assets);
        for (asset, _) in &site.assets {
            let rel = asset.folder.join(&asset.name);
            if changed_assets.contains(&rel) {
                let t = asset.target();
                match output::copy_file(&out, &t, &asset.source) {
                    Ok(()) => {
                        rendered += 1;
                        output::record_written(&out, &[t]);
                    }
                    Err(d) => diags.push(d),
                }
            }
        }

        self.built.loaded.site = site;
        self.built.prepared = prepared;
        self.built.jobs = jobs;
        self.pending.clear();
        Ok(Rebuilt {
            full: false,
            rendered,
            removed,
            elapsed: start.elapsed(),
        })
    }
}

impl Session {
    /// The publication rules at this moment (`watch` has no fixed build time: an article whose
    /// time has come appears at the next rebuild).
    fn publication(&self) -> LoadOptions {
        LoadOptions {
            drafts: self.opts.drafts,
            future: self.opts.future,
            now: build::build_time(self.opts.now.as_deref(), &self.built.loaded.site.config)
                .unwrap_or_else(|_| jiff::Timestamp::now()),
        }
    }

    /// The common case of an editor at work: existing articles changed in their text only (title,
    /// summary, body, byline, sources, image, extra), not in anything that places them in the
    /// site (language, date, `updated`, topics, countries, slug, translation key, draft). The
    /// site's structure is then unchanged: the documents are replaced in place and only the pages
    /// that show them are rendered. `None` when the change is of another kind.
    fn edit_in_place(
        &mut self,
        publication: &LoadOptions,
        diags: &Diagnostics,
        start: Instant,
    ) -> Option<Result<Rebuilt, Failed>> {
        if !self.pending_assets.is_empty() {
            return None;
        }
        let site = &self.built.loaded.site;
        let mut edits: Vec<(DocId, Arc<content::Document>)> = Vec::new();
        for rel in &self.pending {
            let new = self
                .built
                .loaded
                .files
                .markdown
                .get(rel)?
                .document
                .clone()?;
            let id = site
                .documents
                .binary_search_by(|d| d.path.as_path().cmp(&new.path))
                .ok()?;
            let old = &site.documents[id];
            let unmoved = same_place(old, &new)
                && old.updated == new.updated
                && old.draft == new.draft
                && old.expires == new.expires
                // another lead image or focus may leave a social crop no one wants: the
                // model path compares the crops (`Catalog::socials_match`)
                && old.image.as_ref().map(|i| (&i.src, i.focus))
                    == new.image.as_ref().map(|i| (&i.src, i.focus))
                && publication.publishes(&new);
            if !unmoved {
                return None;
            }
            edits.push((id, new));
        }
        let mut jobs: BTreeSet<Job> = BTreeSet::new();
        let per = site.config.paginate_by;
        for (id, doc) in &edits {
            let id = *id;
            jobs.insert(Job::Document(id));
            jobs.extend(site.translations[id].iter().map(|&t| Job::Document(t)));
            jobs.extend(
                (0..site.related.len())
                    .filter(|&r| site.related[r].contains(&id))
                    .map(Job::Document),
            );
            let lang = &doc.lang;
            jobs.insert(Job::NewsSitemap);
            if site.config.search {
                jobs.insert(Job::SearchIndex(lang.clone()));
            }
            if !doc.corrections.is_empty() {
                jobs.insert(Job::Corrections(lang.clone()));
            }
            jobs.extend(
                (0..site.redirects.len())
                    .filter(|&i| site.redirects[i].target == id)
                    .map(Job::Redirect),
            );
            let scopes = std::iter::once(Scope::Front)
                .chain(doc.topics.iter().map(|t| Scope::Topic(t.clone())))
                .chain(doc.countries.iter().map(|c| Scope::Country(c.clone())))
                .chain(
                    site.bylines[id]
                        .iter()
                        .filter_map(|b| b.key.clone())
                        .map(Scope::Author),
                )
                .chain(doc.tags.iter().map(|t| Scope::Tag(t.slug.clone())));
            for scope in scopes {
                if let Some(pos) = site
                    .scope_articles(lang, &scope)
                    .iter()
                    .position(|&x| x == id)
                {
                    if pos < site.feed_articles(lang, &scope).len() {
                        for format in crate::render::FeedFormat::ALL {
                            jobs.insert(Job::Feed {
                                lang: lang.clone(),
                                scope: scope.clone(),
                                format,
                            });
                        }
                    }
                    jobs.insert(Job::List {
                        lang: lang.clone(),
                        scope,
                        page: pos / per + 1,
                    });
                }
            }
            if let Some(d) = &doc.date {
                jobs.insert(Job::Month {
                    lang: lang.clone(),
                    year: d.zoned.year(),
                    month: d.zoned.month(),
                });
            }
        }
        let l10n = Arc::clone(&self.built.loaded.l10n);
        for (id, doc) in edits {
            self.built.loaded.site.documents[id] = doc;
            let card = view::card(
                &self.built.loaded.site,
                &l10n,
                &self.built.prepared.terms,
                id,
            );
            self.built.prepared.set(id, card);
        }
        let jobs: Vec<Job> = jobs.into_iter().collect();
        let rendered = self.write(&jobs, diags);
        self.pending.clear();
        Some(rendered.map(|rendered| Rebuilt {
            full: false,
            rendered,
            removed: 0,
            elapsed: start.elapsed(),
        }))
    }

    /// Renders `jobs` of the current site into the output folder.
    fn write(&self, jobs: &[Job], diags: &Diagnostics) -> Result<usize, Failed> {
        let b = &self.built;
        write_jobs(
            &b.renderer,
            &b.loaded.site,
            &b.prepared,
            &b.jobs,
            jobs,
            &b.output,
            diags,
        )
    }
}

/// Renders `jobs` of `site` straight into the served output folder, each file replaced
/// atomically (the server may be reading it). `Err` if any page failed.
fn write_jobs(
    renderer: &render::Renderer,
    site: &Site,
    prep: &view::Prepared,
    all_jobs: &[Job],
    jobs: &[Job],
    out: &Path,
    diags: &Diagnostics,
) -> Result<usize, Failed> {
    let errors = Diagnostics::new();
    let written = std::sync::Mutex::new(Vec::new());
    let n = renderer.render_each(
        site,
        prep,
        render::Batch { all_jobs, jobs },
        &Progress::hidden(),
        &errors,
        render::Reuse::none(),
        |rel, bytes| {
            // a search chunk is named by its content: if it is there, it is this
            if !(crate::search::is_content_named(rel) && out.join(rel).is_file()) {
                output::replace_file(out, rel, bytes)?;
            }
            if let Ok(mut w) = written.lock() {
                w.push(rel.to_string());
            }
            Ok(())
        },
    );
    let written = written.into_inner().unwrap_or_default();
    // a search index written again replaces its chunks (their names carry their hash); after a
    // failure the old chunks stay, with the old meta.json that names them
    for job in jobs.iter().filter(|_| !errors.has_errors()) {
        if let Job::SearchIndex(lang) = job {
            for rel in crate::search::stale_files(out, lang, &written) {
                output::remove(out, &rel, false);
            }
        }
    }
    // the output's manifest names every file nashra wrote, so a later build can tell them from
    // files someone else put there
    output::record_written(out, &written);
    let errors = errors.snapshot();
    if errors.is_empty() {
        Ok(n)
    } else {
        diags.extend(errors);
        Err(Failed)
    }
}
