//! Stage 5: render pages with Tera and write them.
//!
//! [`Renderer::new`] loads the templates (built-in overlaid with the site's) once and registers
//! the template functions: `t(key=…, …)` (a Fluent message in the page's language), the filters
//! `num` (a number in the page's digits) and `digits`. [`plan`] lists every output file of the
//! site as a [`Job`]; [`Renderer::render_all`] renders the jobs in parallel (rayon) and writes each
//! result straight into the staging folder, so no page is held in memory longer than needed.
//! Rendering reads the [`Site`](crate::model::Site) and never changes it. What each template
//! receives is documented in `docs/templates.md`; [`view`] builds those values.

pub mod view;

use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;
use tera::{Kwargs, State, Tera, Value};

use crate::content::Kind;
use crate::diagnostics::{Diagnostic, Diagnostics, Pos};
use crate::i18n::{Arg, Localizer};
use crate::model::{DocId, Site};
use crate::output;
use crate::theme::{self, Layer};

/// One output file to produce.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Job {
    /// `/index.html`: sends the visitor to the default language.
    Root,
    /// `/404.html`
    NotFound,
    /// `/LANG/index.html`
    Front(String),
    /// An article or a standalone page.
    Document(DocId),
    /// `robots.txt`
    Robots,
}

/// Every output file of the site.
pub fn plan(site: &Site) -> Vec<Job> {
    let mut jobs = vec![Job::Root, Job::NotFound, Job::Robots];
    for l in &site.config.languages {
        jobs.push(Job::Front(l.code.clone()));
    }
    for list in site.articles.values().chain(site.pages.values()) {
        jobs.extend(list.iter().map(|&id| Job::Document(id)));
    }
    jobs
}

pub struct Renderer {
    tera: Tera,
    /// Template name → path to show in errors.
    displays: std::collections::HashMap<String, std::path::PathBuf>,
    pub l10n: Arc<Localizer>,
}

impl Renderer {
    /// Loads all templates. Every syntax error of every template is reported.
    pub fn new(root: &Path, l10n: Arc<Localizer>, diags: &Diagnostics) -> Option<Renderer> {
        let mut tera = Tera::default();
        tera.autoescape_on([".html", ".xml"]);
        let mut displays = std::collections::HashMap::new();
        let mut sources = Vec::new();
        for f in theme::overlay(root, Layer::Templates, diags) {
            let text = match f.read().map(|b| String::from_utf8(b.into_owned())) {
                Ok(Ok(t)) => t,
                _ => {
                    diags.push(
                        Diagnostic::error("template", "cannot read the template as UTF-8 text")
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
                let key: String = kwargs.must_get("key")?;
                // `lang=` picks another language (bilingual pages such as 404.html).
                let lang: String = match kwargs.get::<String>("lang")? {
                    Some(l) => l,
                    None => state.get("lang")?.unwrap_or_default(),
                };
                let mut args = Vec::new();
                for (k, v) in kwargs.iter() {
                    let Some(name) = k.as_str() else { continue };
                    if name == "key" || name == "lang" {
                        continue;
                    }
                    let arg = match v.as_f64() {
                        Some(n) if v.is_number() => Arg::Num(n),
                        _ => Arg::Str(v.as_str().map_or_else(|| v.to_string(), str::to_string)),
                    };
                    args.push((name.to_string(), arg));
                }
                let refs: Vec<(&str, Arg)> =
                    args.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
                Ok(l.format(&lang, &key, &refs))
            },
        );
        let l = Arc::clone(&l10n);
        tera.register_filter(
            "num",
            move |v: Value, _: Kwargs, state: &State| -> tera::TeraResult<String> {
                let lang: String = state.get("lang")?.unwrap_or_default();
                Ok(match v.as_f64() {
                    Some(n) => l.number(&lang, n),
                    None => v.to_string(),
                })
            },
        );
        let l = Arc::clone(&l10n);
        tera.register_filter(
            "digits",
            move |v: Value, _: Kwargs, state: &State| -> tera::TeraResult<String> {
                let lang: String = state.get("lang")?.unwrap_or_default();
                let s = v.as_str().map_or_else(|| v.to_string(), str::to_string);
                Ok(crate::i18n::format::digits(&s, l.digits(&lang)))
            },
        );
        // Add one by one first so that each syntax error names its own file.
        let mut ok = true;
        for (name, text) in &sources {
            let mut probe = Tera::default();
            probe.register_from(&tera);
            // Only syntax errors here: a lone template cannot find its parent.
            if let Err(e) = probe.add_raw_template(name, text) {
                if !matches!(e.kind(), tera::ErrorKind::SyntaxError(_)) {
                    continue;
                }
                let mut d = template_diagnostic(&e, &displays);
                if d.pos.is_none() {
                    d.file = displays.get(name).cloned();
                }
                diags.push(d);
                ok = false;
            }
        }
        if !ok {
            return None;
        }
        if let Err(e) =
            tera.add_raw_templates(sources.iter().map(|(n, t)| (n.as_str(), t.as_str())))
        {
            diags.push(template_diagnostic(&e, &displays));
            return None;
        }
        for required in [
            "article.html",
            "page.html",
            "index.html",
            "404.html",
            "root.html",
        ] {
            if !tera.contains_template(required) {
                diags.push(
                    Diagnostic::error("template", format!("template `{required}` is missing"))
                        .in_file("templates"),
                );
                return None;
            }
        }
        Some(Renderer {
            tera,
            displays,
            l10n,
        })
    }

    fn render(&self, template: &str, ctx: &tera::Context) -> Result<String, Diagnostic> {
        self.tera
            .render(template, ctx)
            .map_err(|e| template_diagnostic(&e, &self.displays))
    }

    /// Renders one job to (output path, bytes).
    pub fn render_job(&self, site: &Site, job: &Job) -> Result<Vec<(String, Vec<u8>)>, Diagnostic> {
        let cfg = &site.config;
        Ok(match job {
            Job::Root => {
                let ctx = view::root_context(site);
                vec![(
                    "index.html".into(),
                    self.render("root.html", &ctx)?.into_bytes(),
                )]
            }
            Job::NotFound => {
                let ctx = view::not_found_context(site);
                vec![(
                    "404.html".into(),
                    self.render("404.html", &ctx)?.into_bytes(),
                )]
            }
            Job::Robots => vec![(
                "robots.txt".into(),
                format!(
                    "User-agent: *\nAllow: /\n\nSitemap: {}sitemap.xml\n",
                    cfg.base_url
                )
                .into_bytes(),
            )],
            Job::Front(lang) => {
                let ctx = view::front_context(site, &self.l10n, lang);
                vec![(
                    format!("{lang}/index.html"),
                    self.render("index.html", &ctx)?.into_bytes(),
                )]
            }
            Job::Document(id) => {
                let doc = &site.documents[*id];
                let ctx = view::document_context(site, &self.l10n, *id);
                let template = match doc.kind {
                    Kind::Article => "article.html",
                    Kind::Page => "page.html",
                };
                let html = self.render(template, &ctx).map_err(|d| {
                    let msg = format!("{} (while rendering {})", d.message, doc.path.display());
                    Diagnostic { message: msg, ..d }
                })?;
                let mut out = vec![(format!("{}index.html", site.url_of(*id)), html.into_bytes())];
                // assets beside the page are copied by `copy_assets`
                out.shrink_to_fit();
                out
            }
        })
    }

    /// Renders every job in parallel and writes it under `dir`. Returns the number of files.
    pub fn render_all(&self, site: &Site, jobs: &[Job], dir: &Path, diags: &Diagnostics) -> usize {
        jobs.par_iter()
            .map(|job| match self.render_job(site, job) {
                Ok(files) => {
                    let mut n = 0;
                    for (rel, bytes) in files {
                        match output::write_file(dir, &rel, &bytes) {
                            Ok(()) => n += 1,
                            Err(d) => diags.push(d),
                        }
                    }
                    n
                }
                Err(d) => {
                    diags.push(d);
                    0
                }
            })
            .sum()
    }
}

/// Copies `static/` (built-in overlaid with the site's) and content assets. Returns the count.
pub fn copy_assets(root: &Path, site: &Site, dir: &Path, diags: &Diagnostics) -> usize {
    let mut n = 0;
    for f in theme::overlay(root, Layer::Static, diags) {
        let r = match &f.contents {
            theme::Contents::Embedded(b) => output::write_file(dir, &f.name, b),
            theme::Contents::OnDisk(p) => output::copy_file(dir, &f.name, p),
        };
        match r {
            Ok(()) => n += 1,
            Err(d) => diags.push(d.in_file(&f.display)),
        }
    }
    let copies: Vec<(String, &Path)> = site
        .assets
        .iter()
        .flat_map(|(asset, owners)| {
            let name = asset.name.to_string_lossy().replace('\\', "/");
            let targets: Vec<String> = if owners.is_empty() {
                let folder = asset.folder.to_string_lossy().replace('\\', "/");
                vec![if folder.is_empty() {
                    name.clone()
                } else {
                    format!("{folder}/{name}")
                }]
            } else {
                owners
                    .iter()
                    .map(|&id| format!("{}{name}", site.url_of(id)))
                    .collect()
            };
            targets
                .into_iter()
                .map(move |t| (t, asset.source.as_path()))
        })
        .collect();
    n += copies
        .par_iter()
        .filter(|(rel, from)| match output::copy_file(dir, rel, from) {
            Ok(()) => true,
            Err(d) => {
                diags.push(d);
                false
            }
        })
        .count();
    n
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
