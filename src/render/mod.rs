//! Stage 5: render pages with Tera and write them.
//!
//! [`Renderer::new`] loads the templates (built-in overlaid with the site's) once and registers
//! the template functions: `t(key=…, …)` (a Fluent message in the page's language), the filters
//! `num` (a number in the page's digits) and `digits`. [`plan`] lists every output file of the
//! site as a [`Job`]; [`Renderer::render_each`] renders the jobs in parallel (rayon) and writes each
//! result straight into the staging folder, so no page is held in memory longer than needed.
//! Rendering reads the [`Site`](crate::model::Site) and never changes it. What each template
//! receives is documented in `docs/templates.md`; [`view`] builds those values.

pub mod collisions;
pub mod feed;
pub mod guard;
pub mod meta;
pub mod news_sitemap;
pub mod redirects;
pub mod sitemap;
pub mod view;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use tera::{Kwargs, State, Tera, Value};

use crate::content::Kind;
use crate::diagnostics::{Diagnostic, Diagnostics, Pos};
use crate::i18n::{Arg, Localizer};
use crate::model::{paths, DocId, Scope, Site};
use crate::output;
use crate::theme::{self, Layer};

/// The formats every feed is written in, side by side: `feed.xml` and `feed.json`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FeedFormat {
    /// Atom (RFC 4287), `feed.xml`.
    Atom,
    /// JSON Feed 1.1, `feed.json`.
    Json,
}

impl FeedFormat {
    pub const ALL: [FeedFormat; 2] = [FeedFormat::Atom, FeedFormat::Json];

    /// The file of a list's feed in this format.
    pub fn path(self, lang: &str, scope: &Scope) -> String {
        match self {
            FeedFormat::Atom => paths::feed(lang, scope),
            FeedFormat::Json => paths::json_feed(lang, scope),
        }
    }
}

/// One output file (or one page) to produce.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Job {
    /// `/index.html`: sends the visitor to the default language.
    Root,
    /// `/404.html`
    NotFound,
    /// `/robots.txt`
    Robots,
    /// `/sitemap.xml` (a sitemap index with parts under `/sitemaps/` past 50,000 URLs)
    Sitemap,
    /// An article or a standalone page.
    Document(DocId),
    /// Page `page` (1-based) of a paginated article list: front page, topic or country.
    List {
        lang: String,
        scope: Scope,
        page: usize,
    },
    /// `/LANG/topics/`
    Topics(String),
    /// `/LANG/countries/`
    Countries(String),
    /// `/LANG/archive/`
    Archive(String),
    /// `/LANG/YYYY/MM/`
    Month { lang: String, year: i16, month: i8 },
    /// `/LANG/alert.json`: the language's alerts shown at the build time (`alerts.toml`), which
    /// the theme's script shows on every page.
    Alerts(String),
    /// A feed of a list's newest articles, in one of its two formats.
    Feed {
        lang: String,
        scope: Scope,
        format: FeedFormat,
    },
    /// `/LANG/authors/`
    Authors(String),
    /// `/LANG/tags/`: every free tag of a language (only when it has some).
    Tags(String),
    /// `/LANG/corrections/`
    Corrections(String),
    /// `/news-sitemap.xml`: the Google News sitemap.
    NewsSitemap,
    /// The redirect page at an old address (index into `Site::redirects`).
    Redirect(usize),
    /// `/_redirects` (Netlify, Cloudflare Pages): every alias with 301.
    RedirectsFile,
    /// `/LANG/search/`: the search page.
    Search(String),
    /// The search index of a language, beside its search page (`search::index`).
    SearchIndex(String),
    /// `/LANG/manifest.webmanifest`: name, direction and icons for "add to home screen".
    Manifest(String),
}

/// The path of the file a job writes when it is not a page of its own folder: the site-wide
/// files, feeds and manifests (a big sitemap also writes parts under `sitemaps/`). One place for
/// these names, for rendering and for the collision check.
pub fn job_file(job: &Job) -> Option<String> {
    Some(match job {
        Job::Root => "index.html".into(),
        Job::NotFound => "404.html".into(),
        Job::Robots => "robots.txt".into(),
        Job::Sitemap => "sitemap.xml".into(),
        Job::NewsSitemap => news_sitemap::PATH.into(),
        Job::RedirectsFile => redirects::FILE.into(),
        Job::Manifest(lang) => paths::manifest(lang),
        Job::Alerts(lang) => paths::alerts(lang),
        Job::Feed {
            lang,
            scope,
            format,
        } => format.path(lang, scope),
        _ => return None,
    })
}

/// Every output file of the site.
pub fn plan(site: &Site) -> Vec<Job> {
    // the generated files a site provides itself (`own_files`) are left to its static/
    let own = |name: &str| site.config.own_files.iter().any(|o| o == name);
    let mut jobs = vec![Job::Root];
    if !own("404.html") {
        jobs.push(Job::NotFound);
    }
    if !own("robots.txt") {
        jobs.push(Job::Robots);
    }
    jobs.extend([Job::Sitemap, Job::NewsSitemap]);
    if !site.redirects.is_empty() {
        if !own(redirects::FILE) {
            jobs.push(Job::RedirectsFile);
        }
        jobs.extend((0..site.redirects.len()).map(Job::Redirect));
    }
    for l in &site.config.languages {
        let lang = &l.code;
        for scope in site.scopes(lang) {
            for page in 1..=site.scope_pages(lang, &scope) {
                jobs.push(Job::List {
                    lang: lang.clone(),
                    scope: scope.clone(),
                    page,
                });
            }
            for format in FeedFormat::ALL {
                jobs.push(Job::Feed {
                    lang: lang.clone(),
                    scope: scope.clone(),
                    format,
                });
            }
        }
        jobs.push(Job::Topics(lang.clone()));
        jobs.push(Job::Countries(lang.clone()));
        jobs.push(Job::Archive(lang.clone()));
        jobs.push(Job::Authors(lang.clone()));
        jobs.push(Job::Corrections(lang.clone()));
        if site.has_tags(lang) {
            jobs.push(Job::Tags(lang.clone()));
        }
        jobs.push(Job::Manifest(lang.clone()));
        jobs.push(Job::Alerts(lang.clone()));
        if site.config.search {
            jobs.push(Job::Search(lang.clone()));
        }
        for &(year, month) in site.months.get(lang).into_iter().flat_map(|m| m.keys()) {
            jobs.push(Job::Month {
                lang: lang.clone(),
                year,
                month,
            });
        }
    }
    for list in site.articles.values().chain(site.pages.values()) {
        jobs.extend(list.iter().map(|&id| Job::Document(id)));
    }
    // last, and run after every other job (`render_each`): the pages make the search records
    if site.config.search {
        for l in &site.config.languages {
            jobs.push(Job::SearchIndex(l.code.clone()));
        }
    }
    jobs
}

pub struct Renderer {
    /// The site folder (article bodies are read from it as their pages are written).
    root: std::path::PathBuf,
    tera: Tera,
    /// Template name → path to show in errors.
    displays: std::collections::HashMap<String, std::path::PathBuf>,
    /// Every template's name and text, as read once (`check` looks for the messages they use).
    sources: Vec<(String, String)>,
    /// Whether the templates that receive a list's `days` (`list.html`, `month.html` and what
    /// they include: `days.html`, `pagination.html`) are the built-in ones, which read nothing
    /// of a card but its `html` unless it is the lead ([`view::ListCards`]).
    lists_builtin: bool,
    /// Whether the templates have a `card.html` (a theme may replace `days.html` without one).
    has_card: bool,
    pub l10n: Arc<Localizer>,
    /// How long one page may take to render (`render_timeout`).
    pub time_limit: std::time::Duration,
}

impl Renderer {
    /// Loads all templates. Every syntax error of every template is reported.
    pub fn new(
        root: &Path,
        config: &crate::config::Config,
        l10n: Arc<Localizer>,
        diags: &Diagnostics,
    ) -> Option<Renderer> {
        let mut tera = Tera::default();
        tera.autoescape_on([".html", ".xml"]);
        let mut displays = std::collections::HashMap::new();
        let mut sources = Vec::new();
        let mut lists_builtin = true;
        for f in theme::overlay(root, Layer::Templates, config.follow_symlinks, diags) {
            if !f.is_builtin() && view::LIST_TEMPLATES.contains(&f.name.as_str()) {
                lists_builtin = false;
            }
            let text = match f.read().map(|b| String::from_utf8(b.into_owned())) {
                Ok(Ok(t)) => t,
                Ok(Err(e)) => {
                    diags.push(
                        Diagnostic::error("encoding", "the template is not valid UTF-8")
                            .in_file(&f.display)
                            .at(Pos::of_bad_utf8(e.as_bytes()))
                            .help("save the file as UTF-8"),
                    );
                    continue;
                }
                Err(e) => {
                    diags.push(
                        Diagnostic::error("io", format!("cannot read the template: {e}"))
                            .in_file(&f.display),
                    );
                    continue;
                }
            };
            displays.insert(f.name.clone(), f.display.clone());
            sources.push((f.name, text));
        }
        let l = Arc::clone(&l10n);
        tera.register_function(
            "t",
            move |kwargs: Kwargs, state: &State| -> tera::TeraResult<String> {
                guard::check()?;
                // borrowed, not converted to `String`: this is called tens of times a page
                let key: std::borrow::Cow<'_, str> = kwargs.must_get("key")?;
                // `lang=` picks another language (bilingual pages such as 404.html).
                let page_lang;
                let lang: std::borrow::Cow<'_, str> = match kwargs.get("lang")? {
                    Some(l) => l,
                    None => {
                        page_lang = state.get::<Value>("lang")?;
                        match &page_lang {
                            Some(v) => match v.as_str() {
                                Some(l) => std::borrow::Cow::Borrowed(l),
                                None => std::borrow::Cow::Owned(v.to_string()),
                            },
                            None => std::borrow::Cow::Borrowed(""),
                        }
                    }
                };
                let mut args: Vec<(&str, Arg)> = Vec::new();
                for (k, v) in kwargs.iter() {
                    let Some(name) = k.as_str() else { continue };
                    if name == "key" || name == "lang" {
                        continue;
                    }
                    let arg = match v.as_f64() {
                        Some(n) if v.is_number() => Arg::Num(n),
                        _ => Arg::Str(v.as_str().map_or_else(|| v.to_string(), str::to_string)),
                    };
                    args.push((name, arg));
                }
                Ok(l.format(&lang, &key, &args))
            },
        );
        let l = Arc::clone(&l10n);
        tera.register_filter(
            "num",
            move |v: Value, _: Kwargs, state: &State| -> tera::TeraResult<String> {
                guard::check()?;
                let lang = state.get::<Value>("lang")?;
                let lang = lang.as_ref().and_then(Value::as_str).unwrap_or_default();
                Ok(match v.as_f64() {
                    Some(n) => l.number(lang, n),
                    None => v.to_string(),
                })
            },
        );
        let l = Arc::clone(&l10n);
        tera.register_filter(
            "digits",
            move |v: Value, _: Kwargs, state: &State| -> tera::TeraResult<String> {
                guard::check()?;
                let lang = state.get::<Value>("lang")?;
                let lang = lang.as_ref().and_then(Value::as_str).unwrap_or_default();
                let s = v.as_str().map_or_else(|| v.to_string(), str::to_string);
                Ok(crate::i18n::format::digits(&s, l.digits(lang)))
            },
        );
        // Parsed once, all together. Only when that fails is each file parsed alone, so that
        // every syntax error names its own file (a lone template cannot find its parent, so
        // only syntax errors count there); otherwise the error is the set's (a cycle, a missing
        // parent).
        if let Err(e) =
            tera.add_raw_templates(sources.iter().map(|(n, t)| (n.as_str(), t.as_str())))
        {
            let mut syntax = false;
            for (name, text) in &sources {
                let mut probe = Tera::default();
                probe.register_from(&tera);
                if let Err(e) = probe.add_raw_template(name, text) {
                    if !matches!(e.kind(), tera::ErrorKind::SyntaxError(_)) {
                        continue;
                    }
                    let mut d = template_diagnostic(&e, &displays);
                    if d.pos.is_none() {
                        d.file = displays.get(name).cloned();
                    }
                    diags.push(d);
                    syntax = true;
                }
            }
            if !syntax {
                diags.push(
                    cycle_diagnostic(&e, &sources, &displays)
                        .unwrap_or_else(|| template_diagnostic(&e, &displays)),
                );
            }
            return None;
        }
        for required in [
            "article.html",
            "page.html",
            "list.html",
            "topics.html",
            "countries.html",
            "archive.html",
            "month.html",
            "404.html",
            "root.html",
            "authors.html",
            "corrections.html",
            "tags.html",
            "redirect.html",
            "search.html",
        ] {
            if !tera.contains_template(required) {
                diags.push(
                    Diagnostic::error("template", format!("template `{required}` is missing"))
                        .in_file("templates"),
                );
                return None;
            }
        }
        let has_card = tera.contains_template("card.html");
        Some(Renderer {
            root: root.to_path_buf(),
            tera,
            displays,
            sources,
            lists_builtin,
            has_card,
            l10n,
            time_limit: config.render_timeout,
        })
    }

    /// Every template (name, path to show, text), as this renderer read and parsed it.
    pub fn templates(&self) -> impl Iterator<Item = (&str, &Path, &str)> {
        self.sources.iter().map(|(name, text)| {
            let shown = self
                .displays
                .get(name)
                .map_or_else(|| Path::new(name.as_str()), PathBuf::as_path);
            (name.as_str(), shown, text.as_str())
        })
    }

    fn render(&self, template: &str, ctx: &tera::Context) -> Result<Vec<u8>, Diagnostic> {
        let file = self
            .displays
            .get(template)
            .cloned()
            .unwrap_or_else(|| Path::new("templates").join(template));
        let mut out = guard::start(16 * 1024, self.time_limit, template, file.clone());
        let started = timings::enabled().then(std::time::Instant::now);
        let result = self.tera.render_to(template, ctx, &mut out);
        if let Some(t) = started {
            timings::add(template, t.elapsed());
        }
        let tripped = guard::finish();
        if let Some(why) = tripped {
            let message = match why {
                guard::Tripped::Time => format!(
                    "template `{template}` did not finish rendering within {} s",
                    self.time_limit.as_secs()
                ),
                guard::Tripped::Size => format!(
                    "template `{template}` made a page of more than {} MiB",
                    guard::SIZE_LIMIT >> 20
                ),
            };
            return Err(Diagnostic::error("template", message).in_file(file).help(
                "look for a loop over a huge range, or a component (or include) that calls itself more than once per level: its work doubles with every level",
            ));
        }
        result.map_err(|e| template_diagnostic(&e, &self.displays))?;
        Ok(out.out)
    }

    /// Renders `card.html` for a card once (as a card that is not a list's lead), with `a`, `lead`
    /// (false), `lang`, `dir` and `site`. A card whose template fails is left without: the list
    /// page then includes `card.html` itself, and its error names the page.
    fn make_card(&self, site: &Site, prep: &view::Prepared, id: DocId) {
        let card = prep.card(id);
        if card.html.is_made() || !self.has_card {
            return;
        }
        let mut ctx = crate::render::view::Ctx::new();
        ctx.insert("a", card);
        ctx.insert("lead", &false);
        ctx.insert("lang", card.lang());
        ctx.insert("dir", view::language(site, card.lang()).direction.as_str());
        if let Some(p) = prep.langs.get(card.lang()) {
            ctx.insert_value("site", p.site.clone());
        }
        if let Ok(Ok(html)) = self.render("card.html", &ctx).map(String::from_utf8) {
            card.html.set(html);
        }
    }

    /// Renders one job to (output path relative to the output folder, bytes).
    pub fn render_job(
        &self,
        site: &Site,
        prep: &view::Prepared,
        jobs: &[Job],
        job: &Job,
    ) -> Result<Vec<(String, Vec<u8>)>, Diagnostic> {
        match self.work(site, prep, jobs, job, false)? {
            Work::Files(files) => Ok(files),
            Work::Page(page) => Ok(vec![self.render_page(site, &page)?]),
        }
    }

    /// A page's file: Tera's rendering of its template with its context.
    fn render_page(&self, site: &Site, page: &Page) -> Result<(String, Vec<u8>), Diagnostic> {
        let Some(id) = page.document else {
            return Ok((page.path.clone(), self.render(page.template, &page.ctx)?));
        };
        let doc = &site.documents[id];
        guard::about(Some(doc.path.clone()));
        let bytes = self.render(page.template, &page.ctx);
        guard::about(None);
        match bytes {
            Ok(b) => Ok((page.path.clone(), b)),
            Err(d) => {
                let message = format!("{} (while rendering {})", d.message, doc.path.display());
                Err(Diagnostic { message, ..d })
            }
        }
    }

    /// What a job needs done: files made without a template, or a page to render.
    fn work(
        &self,
        site: &Site,
        prep: &view::Prepared,
        jobs: &[Job],
        job: &Job,
        hashed: bool,
    ) -> Result<Work, Diagnostic> {
        let cfg = &site.config;
        let l10n = &*self.l10n;
        let page = |template: &'static str, ctx: crate::render::view::Ctx| {
            let path = view::job_path(site, job).unwrap_or_default();
            Ok(Work::Page(Page {
                path: format!("{path}index.html"),
                template,
                ctx,
                document: None,
            }))
        };
        let file = || job_file(job).unwrap_or_default();
        let make = |id| self.make_card(site, prep, id);
        let cards = view::ListCards {
            make: &make,
            html_only: self.lists_builtin,
            hashed,
        };
        let files = |f: Vec<(String, Vec<u8>)>| Ok(Work::Files(f));
        match job {
            Job::Root => Ok(Work::Page(Page {
                path: file(),
                template: "root.html",
                ctx: view::root_context(site),
                document: None,
            })),
            Job::NotFound => Ok(Work::Page(Page {
                path: file(),
                template: "404.html",
                ctx: view::not_found_context(site),
                document: None,
            })),
            Job::Robots => files(vec![(
                file(),
                format!(
                    "User-agent: *\nAllow: /\n\nSitemap: {}\nSitemap: {}\n",
                    view::permalink(cfg, "sitemap.xml"),
                    view::permalink(cfg, news_sitemap::PATH)
                )
                .into_bytes(),
            )]),
            Job::Manifest(lang) => files(vec![(file(), manifest(site, lang).into_bytes())]),
            Job::Alerts(lang) => files(vec![(file(), view::alerts_json(site, lang).into_bytes())]),
            Job::NewsSitemap => files(vec![(file(), news_sitemap::render(site).into_bytes())]),
            Job::RedirectsFile => files(vec![(file(), redirects::netlify(site).into_bytes())]),
            Job::Redirect(i) => {
                let Some(r) = site.redirects.get(*i) else {
                    return files(Vec::new());
                };
                Ok(Work::Page(Page {
                    path: r.alias.file(),
                    template: "redirect.html",
                    ctx: redirects::context(site, r),
                    document: None,
                }))
            }
            Job::Authors(lang) => page(
                "authors.html",
                view::authors_context(site, l10n, prep, lang),
            ),
            Job::Tags(lang) => page("tags.html", view::tags_context(site, l10n, prep, lang)),
            Job::Corrections(lang) => page(
                "corrections.html",
                view::corrections_context(site, l10n, prep, lang),
            ),
            Job::Search(lang) => page("search.html", view::search_context(site, l10n, prep, lang)),
            Job::SearchIndex(lang) => files(crate::search::files(
                &self.root, site, l10n, prep, lang, None,
            )?),
            Job::Sitemap => files(sitemap::render(site, jobs)),
            Job::Feed {
                lang,
                scope,
                format: FeedFormat::Atom,
            } => files(vec![(
                file(),
                feed::render(&self.root, site, l10n, prep, lang, scope).into_bytes(),
            )]),
            Job::Feed {
                lang,
                scope,
                format: FeedFormat::Json,
            } => files(vec![(
                file(),
                feed::render_json(&self.root, site, l10n, prep, lang, scope).into_bytes(),
            )]),
            Job::Document(id) => {
                let doc = &site.documents[*id];
                let template = match doc.kind {
                    Kind::Article => "article.html",
                    Kind::Page => "page.html",
                };
                let body = prep.body(&self.root, site, l10n, *id)?;
                let path = view::job_path(site, job).unwrap_or_default();
                Ok(Work::Page(Page {
                    path: format!("{path}index.html"),
                    template,
                    ctx: view::document_context(site, l10n, prep, *id, body),
                    document: Some(*id),
                }))
            }
            Job::List { .. } => page(
                "list.html",
                view::list_context(site, l10n, prep, &cards, job),
            ),
            Job::Topics(lang) => page("topics.html", view::topics_context(site, l10n, prep, lang)),
            Job::Countries(lang) => page(
                "countries.html",
                view::countries_context(site, l10n, prep, lang),
            ),
            Job::Archive(lang) => page(
                "archive.html",
                view::archive_context(site, l10n, prep, lang),
            ),
            Job::Month { .. } => page(
                "month.html",
                view::month_context(site, l10n, prep, &cards, job),
            ),
        }
    }

    /// Does one job of a build that keeps a ledger: a page whose context has the digest it had
    /// in the last build, or a search index whose inputs do, keeps the last build's files
    /// (`keep` links each into the new output; a file it cannot keep means the job is done
    /// again); anything else is made. Every file goes to `write`. Returns the files produced.
    fn run_job(&self, pass: &Pass<'_>, job: &Job) -> usize {
        let Pass {
            site,
            prep,
            all_jobs,
            reuse:
                Reuse {
                    ledger,
                    keep,
                    unkeep,
                },
            write,
            diags,
        } = *pass;
        let keep_all = |files: &[String]| -> bool {
            for (i, f) in files.iter().enumerate() {
                if !keep(f) {
                    for done in &files[..i] {
                        unkeep(done);
                    }
                    return false;
                }
            }
            true
        };
        let put = |files: &[(String, Vec<u8>)]| -> usize {
            files
                .iter()
                .filter(|(rel, bytes)| match write(rel, bytes) {
                    Ok(()) => true,
                    Err(d) => {
                        diags.push(d);
                        false
                    }
                })
                .count()
        };
        if let (true, Job::SearchIndex(lang)) = (ledger.is_on(), job) {
            let key = format!("\0search-index {lang}");
            let digest = crate::search::digest(site, &self.l10n, prep, lang);
            if let Some(old) = ledger.unchanged(&key, digest) {
                if keep_all(old) {
                    ledger.record(key, digest, old.to_vec(), true);
                    return old.len();
                }
            }
            let old = ledger.old_records();
            return match crate::search::files(&self.root, site, &self.l10n, prep, lang, old) {
                Ok(files) => {
                    ledger.record(
                        key,
                        digest,
                        files.iter().map(|(rel, _)| rel.clone()).collect(),
                        false,
                    );
                    put(&files)
                }
                Err(d) => {
                    diags.push(d);
                    0
                }
            };
        }
        if let (true, Job::Document(id)) = (ledger.is_on(), job) {
            return match self.run_document(pass, *id) {
                Ok(n) => n,
                Err(d) => {
                    diags.push(d);
                    0
                }
            };
        }
        // With a ledger, a list's `days` is hashed ([`view::list_days_digest`]); where the last
        // build had the page, before it is made (`view::ListCards::hashed`), to be made only if
        // the digest changed; elsewhere (a first build) with the context made whole at once.
        let list = ledger.is_on() && matches!(job, Job::List { .. } | Job::Month { .. });
        let deferred = list
            && view::job_path(site, job).is_some_and(|p| ledger.had(&format!("{p}index.html")));
        let work = match self.work(site, prep, all_jobs, job, deferred) {
            Ok(w) => w,
            Err(d) => {
                diags.push(d);
                return 0;
            }
        };
        match work {
            Work::Files(files) => put(&files),
            Work::Page(page) if ledger.is_on() => {
                use crate::incremental::jobs::Entry;
                let days = (list && !deferred)
                    .then(|| {
                        view::list_days_digest(site, &self.l10n, prep, self.lists_builtin, job)
                    })
                    .flatten();
                let entries = page.ctx.entries().map(|(k, e)| match days {
                    Some(d) if k == "days" => (k, Entry::Hashed(d)),
                    _ => (k, e),
                });
                let digest =
                    crate::incremental::jobs::page_digest(page.template, entries, ledger.shared());
                if ledger.unchanged(&page.path, digest).is_some() && keep(&page.path) {
                    ledger.record(page.path.clone(), digest, vec![page.path], true);
                    return 1;
                }
                let page = if deferred {
                    match self.work(site, prep, all_jobs, job, false) {
                        Ok(Work::Page(whole)) => whole,
                        Ok(Work::Files(files)) => return put(&files),
                        Err(d) => {
                            diags.push(d);
                            return 0;
                        }
                    }
                } else {
                    page
                };
                match self.render_page(site, &page) {
                    Ok(file) => {
                        ledger.record(page.path.clone(), digest, vec![page.path], false);
                        put(std::slice::from_ref(&file))
                    }
                    Err(d) => {
                        diags.push(d);
                        0
                    }
                }
            }
            Work::Page(page) => match self.render_page(site, &page) {
                Ok(file) => put(std::slice::from_ref(&file)),
                Err(d) => {
                    diags.push(d);
                    0
                }
            },
        }
    }

    /// An article or page in a build that keeps a ledger. Its digest is taken with the body
    /// stood in for by a key ([`crate::incremental::jobs::replay`]): the Markdown's hash and the
    /// answers to the questions its rendering asked in the last build, asked again now; so an
    /// unchanged page is known without parsing its body. A body not in the last build's record
    /// (new, or its Markdown changed) is rendered, its questions recorded. The page itself is
    /// rendered only when its digest changed, with the body's HTML.
    fn run_document(&self, pass: &Pass<'_>, id: DocId) -> Result<usize, Diagnostic> {
        use crate::incremental::jobs::{self, BodyRecord};
        let Pass {
            site,
            prep,
            reuse: Reuse { ledger, keep, .. },
            write,
            ..
        } = *pass;
        let doc = &site.documents[id];
        let l10n = &*self.l10n;
        let source = doc.path.to_string_lossy().replace('\\', "/");
        let (calls, key, mut body) = match ledger.old_calls(&source, doc.body_hash) {
            Some(calls) => (
                calls.to_vec(),
                jobs::replay(doc.body_hash, calls, &prep.media_of(site, id)),
                None,
            ),
            None => {
                let (html, calls, key) = prep.body_recorded(&self.root, site, l10n, id)?;
                (calls, key, Some(html))
            }
        };
        ledger.record_body(BodyRecord {
            path: source,
            body_hash: doc.body_hash,
            calls,
        });
        let template = match doc.kind {
            Kind::Article => "article.html",
            Kind::Page => "page.html",
        };
        let path = format!(
            "{}index.html",
            view::job_path(site, &Job::Document(id)).unwrap_or_default()
        );
        let (mut ctx, held) = view::base_context_held(site, l10n, prep, &Job::Document(id));
        view::hash_document_values(&mut ctx, site, l10n, prep, id, format!("\0body {key:032x}"));
        let digest = jobs::page_digest(template, ctx.entries(), ledger.shared());
        if ledger.unchanged(&path, digest).is_some() && keep(&path) {
            ledger.record(path.clone(), digest, vec![path], true);
            return Ok(1);
        }
        let html = match body.take() {
            Some(h) => h,
            None => prep.body(&self.root, site, l10n, id)?,
        };
        if let Some(held) = held {
            held.put(&mut ctx);
        }
        view::set_document_values(&mut ctx, site, l10n, prep, id, html);
        let page = Page {
            path,
            template,
            ctx,
            document: Some(id),
        };
        let file = self.render_page(site, &page)?;
        ledger.record(page.path, digest, vec![file.0.clone()], false);
        write(&file.0, &file.1)?;
        Ok(1)
    }

    /// Renders `batch.jobs` in parallel and gives each file to `write` (path relative to the
    /// output folder, bytes) as soon as it is rendered, counting each job on `progress`.
    /// Problems go to `diags`. With a ledger that is on, a job whose inputs have the last
    /// build's digest keeps its files through `keep` instead ([`Renderer::run_job`]). Returns
    /// the number of files produced.
    #[allow(clippy::too_many_arguments)]
    pub fn render_each(
        &self,
        site: &Site,
        prep: &view::Prepared,
        Batch { all_jobs, jobs }: Batch<'_>,
        progress: &crate::progress::Progress,
        diags: &Diagnostics,
        reuse: Reuse<'_>,
        write: impl Fn(&str, &[u8]) -> Result<(), Diagnostic> + Sync,
    ) -> usize {
        // The search indexes come after every page: an article page makes its search record
        // from the parse of its body, so the index, run last, finds every record made; run
        // beside the pages, it parsed again the bodies of the pages not yet rendered.
        let (first, last): (Vec<&Job>, Vec<&Job>) =
            jobs.iter().partition(|j| !matches!(j, Job::SearchIndex(_)));
        reuse
            .ledger
            .share(prep.langs.values().flat_map(|p| [&p.site, &p.nav_pages]));
        let ctx = Pass {
            site,
            prep,
            all_jobs,
            reuse,
            write: &write,
            diags,
        };
        let pass = |jobs: &[&Job]| -> usize {
            jobs.par_iter()
                .inspect(|_| progress.step())
                .map(|job| self.run_job(&ctx, job))
                .sum()
        };
        // one language's index at a time: each is parallel inside, and two at once doubled the
        // memory of the build's last moments (every posting of both languages)
        pass(&first)
            + last
                .iter()
                .map(|j| pass(std::slice::from_ref(j)))
                .sum::<usize>()
    }
}

/// A file's path relative to the output folder and its bytes, to write.
type Write<'a> = &'a (dyn Fn(&str, &[u8]) -> Result<(), Diagnostic> + Sync);

/// What every job of one render pass shares.
#[derive(Clone, Copy)]
struct Pass<'a> {
    site: &'a Site,
    prep: &'a view::Prepared,
    all_jobs: &'a [Job],
    reuse: Reuse<'a>,
    write: Write<'a>,
    diags: &'a Diagnostics,
}

/// What a job needs done ([`Renderer::work`]).
enum Work {
    /// Files made without a template.
    Files(Vec<(String, Vec<u8>)>),
    Page(Page),
}

/// A page to render: its file, its template and its context.
struct Page {
    path: String,
    template: &'static str,
    ctx: crate::render::view::Ctx,
    /// The document it shows (named in its errors).
    document: Option<DocId>,
}

/// How a render pass may reuse the last build's files: the ledger of digests, `keep` to link an
/// old file into the new output (false when it cannot), `unkeep` to take one back.
#[derive(Clone, Copy)]
pub struct Reuse<'a> {
    pub ledger: &'a crate::incremental::jobs::Ledger,
    pub keep: &'a (dyn Fn(&str) -> bool + Sync),
    pub unkeep: &'a (dyn Fn(&str) + Sync),
}

impl Reuse<'static> {
    /// Nothing reused, no digests made (`watch`, tests).
    pub fn none() -> Reuse<'static> {
        static OFF: std::sync::LazyLock<crate::incremental::jobs::Ledger> =
            std::sync::LazyLock::new(crate::incremental::jobs::Ledger::off);
        Reuse {
            ledger: &OFF,
            keep: &|_| false,
            unkeep: &|_| {},
        }
    }
}

/// The jobs one render pass runs, and the whole plan they belong to (the sitemap lists it).
#[derive(Clone, Copy)]
pub struct Batch<'a> {
    pub all_jobs: &'a [Job],
    pub jobs: &'a [Job],
}

/// Copies the files of `static/` (built-in overlaid with the site's, `build::Loaded::statics`)
/// into the output. Returns the count.
pub fn copy_static(
    statics: &[theme::ThemeFile],
    out: &output::Staging,
    diags: &Diagnostics,
) -> usize {
    let mut n = 0;
    for f in statics {
        let r = match &f.contents {
            theme::Contents::Embedded(b) => out.put(&f.name, b),
            theme::Contents::OnDisk(p) => out.put_copy(&f.name, p),
        };
        match r {
            Ok(_) => n += 1,
            Err(d) => diags.push(d.in_file(&f.display)),
        }
    }
    n
}

/// Copies the content assets, once each. Returns the count.
pub fn copy_assets(site: &Site, out: &output::Staging, diags: &Diagnostics) -> usize {
    let copies: Vec<(String, &Path)> = site
        .assets
        .iter()
        .map(|(asset, _)| (asset.target(), asset.source.as_path()))
        .filter(|(rel, _)| site.media.copies(rel))
        .collect();
    copies
        .par_iter()
        .filter(|(rel, from)| match out.put_copy(rel, from) {
            Ok(_) => true,
            Err(d) => {
                diags.push(d);
                false
            }
        })
        .count()
}

/// A cycle of `{% include %}` or `{% extends %}` between templates, reported at the line of
/// the template that closes it, with the whole chain.
fn cycle_diagnostic(
    e: &tera::Error,
    sources: &[(String, String)],
    displays: &std::collections::HashMap<String, std::path::PathBuf>,
) -> Option<Diagnostic> {
    let (chain, verb) = match e.kind() {
        tera::ErrorKind::CircularInclude { include_chain, .. } => (include_chain, "include"),
        tera::ErrorKind::CircularExtend {
            inheritance_chain, ..
        } => (inheritance_chain, "extend"),
        _ => return None,
    };
    let [.., from, to] = chain.as_slice() else {
        return None;
    };
    let file = displays
        .get(from)
        .cloned()
        .unwrap_or_else(|| Path::new("templates").join(from));
    let pos = sources
        .iter()
        .find(|(n, _)| n == from)
        .and_then(|(_, text)| {
            let at = [format!("\"{to}\""), format!("'{to}'")]
                .iter()
                .filter_map(|q| text.find(q.as_str()))
                .min()?;
            Some(Pos::from_offset(text, at))
        });
    Some(
        Diagnostic::error(
            "template",
            format!(
                "templates {verb} each other in a cycle: {}",
                chain.join(" → ")
            ),
        )
        .in_file(file)
        .at_opt(pos)
        .help(format!(
            "`{from}` must not {verb} `{to}`: that leads back to itself"
        )),
    )
}

fn template_diagnostic(
    e: &tera::Error,
    displays: &std::collections::HashMap<String, std::path::PathBuf>,
) -> Diagnostic {
    match e.kind() {
        tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => {
            let file = displays
                .get(r.filename())
                .cloned()
                .unwrap_or_else(|| Path::new("templates").join(r.filename()));
            let span = r.span();
            Diagnostic::error("template", format!("template error: {}", r.message()))
                .in_file(file)
                .at(Pos::new(span.start_line.max(1), span.start_col + 1))
        }
        other => {
            Diagnostic::error("template", format!("template error: {other}")).in_file("templates")
        }
    }
}

/// The web app manifest of a language: its site title, direction and front page, and the theme's
/// icons (the SVG favicon and the 180 px PNG).
fn manifest(site: &Site, lang: &str) -> String {
    let cfg = &site.config;
    let l = view::language(site, lang);
    let value = serde_json::json!({
        "name": l.title,
        "short_name": l.title,
        "description": l.description,
        "lang": l.code,
        "dir": l.direction.as_str(),
        "start_url": view::link(cfg, &paths::front(&l.code)),
        "scope": cfg.base_path,
        "display": "minimal-ui",
        "background_color": "#fdfcf9",
        "theme_color": "#a4161a",
        "icons": [
            {"src": view::link(cfg, "favicon.svg"), "type": "image/svg+xml", "sizes": "any"},
            {"src": view::link(cfg, "apple-touch-icon.png"), "type": "image/png", "sizes": "180x180"},
            {"src": view::link(cfg, "icon-512.png"), "type": "image/png", "sizes": "512x512"}
        ]
    });
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

/// Time spent in each template, for `NASHRA_TIMINGS` (which `build` prints after rendering).
pub mod timings {
    use std::collections::BTreeMap;
    use std::sync::{LazyLock, Mutex};
    use std::time::Duration;

    static ENABLED: LazyLock<bool> = LazyLock::new(|| std::env::var_os("NASHRA_TIMINGS").is_some());
    static SPENT: Mutex<BTreeMap<String, (usize, Duration)>> = Mutex::new(BTreeMap::new());

    pub fn enabled() -> bool {
        *ENABLED
    }

    pub(super) fn add(template: &str, took: Duration) {
        if let Ok(mut m) = SPENT.lock() {
            let e = m.entry(template.to_string()).or_default();
            e.0 += 1;
            e.1 += took;
        }
    }

    /// One line per template: pages rendered and the time summed over all threads.
    pub fn report() -> Vec<String> {
        let Ok(m) = SPENT.lock() else {
            return Vec::new();
        };
        let mut rows: Vec<_> = m.iter().collect();
        rows.sort_by_key(|r| std::cmp::Reverse(r.1 .1));
        rows.into_iter()
            .map(|(name, (n, d))| {
                format!("timing: template {name}: {n} pages, {d:?} (all threads)")
            })
            .collect()
    }
}
