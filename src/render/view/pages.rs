//! The context every page starts from; article, root and 404 pages.

use serde::Serialize;

use crate::config::Language;
use crate::content::Source;
use crate::i18n::Localizer;
use crate::model::{paths, DocId, Scope, Site};

use super::*;
use crate::render::Job;

// ---- views -----------------------------------------------------------------------------------

#[derive(Serialize)]
pub struct LangView<'a> {
    pub code: &'a str,
    pub title: &'a str,
    pub description: &'a str,
    pub dir: &'static str,
    /// Link to the language's front page.
    pub url: String,
}

#[derive(Serialize)]
pub struct SiteView<'a> {
    pub title: &'a str,
    pub description: &'a str,
    pub base_url: &'a str,
    /// Path prefix of every internal link (`/` or `/news/`).
    pub base_path: &'a str,
    pub default_language: &'a str,
    pub languages: Vec<LangView<'a>>,
    pub stylesheet: String,
    /// Links to the language's main sections.
    pub front_url: String,
    pub topics_url: String,
    pub countries_url: String,
    pub archive_url: String,
    pub authors_url: String,
    pub corrections_url: String,
    /// `/LANG/tags/`, or none when the language's articles have no free tags.
    pub tags_url: Option<String>,
    /// Whether site.toml declares topics (an imported site may have only free tags).
    pub has_topics: bool,
    pub feed_url: String,
    /// `/LANG/alert.json`, which the theme's script reads for breaking-news banners.
    pub alerts_url: String,
    /// The same feed as JSON Feed 1.1.
    pub json_feed_url: String,
    /// `/LANG/search/`, or none when `search = false`.
    pub search_url: Option<String>,
    /// The theme's webfonts are published (`fonts = false` in site.toml turns them off).
    pub fonts: bool,
    /// The webfont this language's pages need first (preloaded): the Arabic one for languages
    /// written in Arabic script, the Latin one otherwise.
    pub font_preload: String,
    /// `/LANG/manifest.webmanifest`: the web app manifest in this language.
    pub manifest_url: String,
}

/// Languages written in the Arabic script (their pages preload the Arabic webfont).
const ARABIC_SCRIPT: &[&str] = &["ar", "fa", "ur", "ps", "sd", "ckb", "ug", "ks", "ku"];

/// Whether `code` (a BCP 47 tag) is a language written in the Arabic script.
pub(crate) fn arabic_script(code: &str) -> bool {
    let primary = code.split(['-', '_']).next().unwrap_or(code);
    ARABIC_SCRIPT
        .iter()
        .any(|l| l.eq_ignore_ascii_case(primary))
}

/// A link to this page in another language (switcher, hreflang).
#[derive(Serialize)]
pub struct AlternateView<'a> {
    pub lang: &'a str,
    /// The language's own name for itself (from its `language-name` message).
    pub lang_name: String,
    pub dir: &'static str,
    pub href: String,
    pub url: String,
    pub title: String,
    pub is_translation: bool,
}

#[derive(Serialize)]
pub struct DocView<'a> {
    #[serde(flatten)]
    pub card: &'a Card,
    #[serde(flatten)]
    pub rest: DocRest<'a>,
}

/// What an article's `page` has besides its card (the build cache hashes the card once per
/// build and this part per page).
#[derive(Serialize)]
pub struct DocRest<'a> {
    pub sources: &'a [Source],
    pub image: Option<ImageView<'a>>,
    pub body: String,
    pub extra: &'a serde_json::Map<String, serde_json::Value>,
    pub source_path: String,
    /// Bylines with the author pages.
    pub author_links: Vec<AuthorLink>,
    /// Corrections, oldest first.
    pub corrections: Vec<CorrectionView>,
    /// Share links (articles only).
    pub share: Option<ShareLinks>,
}

#[derive(Serialize)]
pub struct ImageView<'a> {
    /// `src` (the fallback rendition, or the address as written), `srcset`, `sources` (one per
    /// better format), `width` and `height` (the picture's own, when nashra knows it).
    #[serde(flatten)]
    pub picture: crate::media::markup::PictureView,
    pub alt: &'a str,
    pub credit: Option<&'a str>,
    pub caption: Option<&'a str>,
    /// The focus as a CSS position (`50% 30%`), for `object-position` when a theme crops it.
    pub focus: String,
}

/// The template value of a document's lead image: its published renditions when it is a file of
/// the site, else the address as written.
pub fn image_view<'a>(site: &Site, doc: &'a crate::content::Document) -> Option<ImageView<'a>> {
    image_view_as(site, doc, crate::media::markup::view)
}

/// [`image_view`] with the picture's values made by `view` (the whole picture, or
/// [`crate::media::markup::thumb`] for a card).
pub fn image_view_as<'a>(
    site: &Site,
    doc: &'a crate::content::Document,
    view: fn(&str, &crate::media::Published) -> crate::media::markup::PictureView,
) -> Option<ImageView<'a>> {
    let i = doc.image.as_ref()?;
    let base = &site.config.base_path;
    let picture = match site.media.resolve(&doc.folder, &i.src) {
        Some(p) => view(base, p),
        None => crate::media::markup::PictureView {
            src: i.src.clone(),
            srcset: None,
            sources: Vec::new(),
            width: None,
            height: None,
        },
    };
    let (fx, fy) = i.focus.unwrap_or(crate::media::CENTRE);
    Some(ImageView {
        picture,
        alt: &i.alt,
        credit: i.credit.as_deref(),
        caption: i.caption.as_deref(),
        focus: format!("{}% {}%", f64::from(fx) / 10.0, f64::from(fy) / 10.0),
    })
}

pub(crate) fn lang_name(l10n: &Localizer, lang: &str) -> String {
    l10n.format(lang, "language-name", &[])
}

pub(crate) fn language<'a>(site: &'a Site, code: &str) -> &'a Language {
    site.config
        .language(code)
        .unwrap_or(&site.config.languages[0])
}

pub(crate) fn site_view<'a>(site: &'a Site, lang: &'a Language) -> SiteView<'a> {
    let cfg = &site.config;
    SiteView {
        title: &lang.title,
        description: &lang.description,
        base_url: &cfg.base_url,
        base_path: &cfg.base_path,
        default_language: &cfg.default_language,
        languages: cfg
            .languages
            .iter()
            .map(|l| LangView {
                code: &l.code,
                title: &l.title,
                description: &l.description,
                dir: l.direction.as_str(),
                url: link(cfg, &paths::front(&l.code)),
            })
            .collect(),
        stylesheet: link(cfg, "style.css"),
        front_url: link(cfg, &paths::front(&lang.code)),
        topics_url: link(cfg, &paths::topics(&lang.code)),
        countries_url: link(cfg, &paths::countries(&lang.code)),
        archive_url: link(cfg, &paths::archive(&lang.code)),
        authors_url: link(cfg, &paths::authors(&lang.code)),
        corrections_url: link(cfg, &paths::corrections(&lang.code)),
        tags_url: site
            .has_tags(&lang.code)
            .then(|| link(cfg, &paths::tags(&lang.code))),
        has_topics: !cfg.topics.is_empty(),
        feed_url: link(cfg, &paths::feed(&lang.code, &Scope::Front)),
        alerts_url: link(cfg, &paths::alerts(&lang.code)),
        json_feed_url: link(cfg, &paths::json_feed(&lang.code, &Scope::Front)),
        search_url: cfg
            .search
            .then(|| link(cfg, &crate::search::page_path(&lang.code))),
        fonts: cfg.fonts,
        font_preload: link(
            cfg,
            if arabic_script(&lang.code) {
                "fonts/noto-naskh-arabic.woff2"
            } else {
                "fonts/source-serif-4.woff2"
            },
        ),
        manifest_url: link(cfg, &paths::manifest(&lang.code)),
    }
}

/// The title of the page an alternate points to.
fn alt_title(site: &Site, job: &Job, alt: &Alt) -> String {
    match job {
        Job::Document(id) if alt.is_translation => site.translations[*id]
            .iter()
            .find(|&&t| site.documents[t].lang == alt.lang)
            .map_or_else(String::new, |&t| site.documents[t].title.clone()),
        _ => language(site, &alt.lang).title.clone(),
    }
}

/// The part of the site a page belongs to, for the navigation's `aria-current`: `front`,
/// `topics`, `countries`, `archive`, `authors`, `tags`, `corrections`, `search`, or empty (articles, pages).
fn section(job: &Job) -> &'static str {
    match job {
        Job::List { scope, .. } => match scope {
            Scope::Front => "front",
            Scope::Topic(_) => "topics",
            Scope::Country(_) => "countries",
            Scope::Author(_) => "authors",
            Scope::Tag(_) => "tags",
        },
        Job::Topics(_) => "topics",
        Job::Countries(_) => "countries",
        Job::Archive(_) | Job::Month { .. } => "archive",
        Job::Authors(_) => "authors",
        Job::Tags(_) => "tags",
        Job::Corrections(_) => "corrections",
        Job::Search(_) => "search",
        _ => "",
    }
}

/// The context every HTML page starts from.
pub fn base_context(
    site: &Site,
    l10n: &Localizer,
    prep: &Prepared,
    job: &Job,
) -> crate::render::view::Ctx {
    base_context_with(site, l10n, prep, job, false).0
}

/// What [`base_context_held`] holds back: the page's social card and JSON-LD, to be put in
/// ([`Held::put`]) only if the page is rendered.
pub struct Held<'a> {
    social: crate::render::meta::Social,
    jsonld: Option<crate::render::meta::JsonLd<'a>>,
}

impl Held<'_> {
    pub fn put(self, ctx: &mut crate::render::view::Ctx) {
        ctx.insert("social", &self.social);
        if let Some(j) = self.jsonld {
            ctx.insert("jsonld", &j.text());
        }
    }
}

/// [`base_context`] with `social` and `jsonld` named by their digests only
/// ([`crate::render::view::Ctx::insert_hashed`]), their values held back: the build cache's
/// digest of a document page, which is rendered (and given them) only if it changed.
pub fn base_context_held<'a>(
    site: &'a Site,
    l10n: &Localizer,
    prep: &'a Prepared,
    job: &Job,
) -> (crate::render::view::Ctx, Option<Held<'a>>) {
    base_context_with(site, l10n, prep, job, true)
}

fn base_context_with<'a>(
    site: &'a Site,
    l10n: &Localizer,
    prep: &'a Prepared,
    job: &Job,
    hold: bool,
) -> (crate::render::view::Ctx, Option<Held<'a>>) {
    let cfg = &site.config;
    let lang = language(site, job_lang(site, job).unwrap_or(&cfg.default_language));
    let path = job_path(site, job).unwrap_or_else(|| paths::front(&lang.code));
    let alts = alternates(site, job);
    let xd = job_x_default(site, job, &lang.code, &path, &alts);
    let views: Vec<AlternateView<'_>> = alts
        .iter()
        .map(|a| {
            let l = language(site, &a.lang);
            AlternateView {
                lang: &l.code,
                lang_name: prep
                    .langs
                    .get(&l.code)
                    .map_or_else(|| lang_name(l10n, &l.code), |p| p.name.clone()),
                dir: l.direction.as_str(),
                href: permalink(cfg, &a.path),
                url: link(cfg, &a.path),
                title: alt_title(site, job, a),
                is_translation: a.is_translation,
            }
        })
        .collect();
    let mut ctx = crate::render::view::Ctx::new();
    let mut held = None;
    ctx.insert("lang", &lang.code);
    ctx.insert("dir", lang.direction.as_str());
    let canonical = permalink(cfg, &path);
    match prep.langs.get(&lang.code) {
        Some(p) => {
            ctx.insert_value("site", p.site.clone());
            ctx.insert_value("nav_pages", p.nav_pages.clone());
            ctx.insert("lang_name", &p.name);
            let meta = &p.meta;
            let social =
                crate::render::meta::social(site, l10n, prep, meta, job, &canonical, &alts);
            let jsonld = crate::render::meta::jsonld_graph(site, prep, meta, job);
            let values = Held { social, jsonld };
            if hold {
                ctx.insert_hashed(
                    "social",
                    crate::incremental::jobs::digest_of(&values.social),
                );
                if let Some(j) = &values.jsonld {
                    ctx.insert_hashed("jsonld", j.digest());
                }
                held = Some(values);
            } else {
                values.put(&mut ctx);
            }
        }
        None => ctx.insert("site", &site_view(site, lang)),
    }
    ctx.insert("section", section(job));
    ctx.insert("url", &link(cfg, &path));
    ctx.insert("x_default", &permalink(cfg, &xd));
    ctx.insert("has_translations", &alts.iter().any(|a| a.is_translation));
    ctx.insert("canonical", &canonical);
    ctx.insert("alternates", &views);
    // a language's front page shows its alerts itself (readers without JavaScript see them
    // there); every other page gets them from `alert.json`, so an alert rewrites no other page
    let front = matches!(
        job,
        Job::List {
            scope: Scope::Front,
            page: 1,
            ..
        }
    );
    let alerts: Vec<AlertView> = if front {
        site.alerts_at_now(&lang.code)
            .into_iter()
            .map(|a| alert_view(site, a))
            .collect()
    } else {
        Vec::new()
    };
    ctx.insert("alerts", &alerts);
    (ctx, held)
}

/// An alert as the front page's banner and `alert.json` show it.
#[derive(Serialize)]
pub struct AlertView {
    pub text: String,
    /// The story's address (a site path with the base path, or the address as written).
    pub url: Option<String>,
    pub expires: String,
}

fn alert_view(site: &Site, a: &crate::alerts::Alert) -> AlertView {
    AlertView {
        text: a.text.clone(),
        url: a.link.as_ref().map(|l| match l.strip_prefix('/') {
            Some(path) => link(&site.config, path),
            None => l.clone(),
        }),
        expires: rfc3339(&a.expires),
    }
}

/// `/LANG/alert.json`: `{"alerts": [{text, url, expires}]}`, the alerts shown at the build time
/// (an empty list when there are none, so a removed alert disappears from open pages too).
pub fn alerts_json(site: &Site, lang: &str) -> String {
    #[derive(Serialize)]
    struct File {
        alerts: Vec<AlertView>,
    }
    let file = File {
        alerts: site
            .alerts_at_now(lang)
            .into_iter()
            .map(|a| alert_view(site, a))
            .collect(),
    };
    let mut s = serde_json::to_string(&file).unwrap_or_else(|_| "{\"alerts\":[]}".into());
    s.push('\n');
    s
}

pub fn document_context(
    site: &Site,
    l10n: &Localizer,
    prep: &Prepared,
    id: DocId,
    body: String,
) -> crate::render::view::Ctx {
    let mut ctx = base_context(site, l10n, prep, &Job::Document(id));
    set_document_values(&mut ctx, site, l10n, prep, id, body);
    ctx
}

/// Puts an article's or page's own values in its context: `page` (the document with its body)
/// and `related` (cards).
pub fn set_document_values(
    ctx: &mut crate::render::view::Ctx,
    site: &Site,
    l10n: &Localizer,
    prep: &Prepared,
    id: DocId,
    body: String,
) {
    ctx.insert(
        "page",
        &DocView {
            card: prep.card(id),
            rest: doc_rest(site, l10n, prep, id, body),
        },
    );
    ctx.insert_value("related", prep.values(&site.related[id]));
}

/// Names the values [`set_document_values`] would put in with `body` by their digests, without
/// making them: the build cache takes a document page's digest so, with a stand-in for the
/// body, and makes the values only for a page it renders. The card's digest is made once per
/// build ([`Prepared::card_digest`]).
pub fn hash_document_values(
    ctx: &mut crate::render::view::Ctx,
    site: &Site,
    l10n: &Localizer,
    prep: &Prepared,
    id: DocId,
    body: String,
) {
    use crate::incremental::jobs;
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(&prep.card_digest(id).to_le_bytes());
    jobs::hash_serialize(&mut h, &doc_rest(site, l10n, prep, id, body));
    ctx.insert_hashed("page", h.digest128());
    ctx.insert_hashed("related", prep.cards_digest(&site.related[id]));
}

fn doc_rest<'a>(
    site: &'a Site,
    l10n: &Localizer,
    prep: &Prepared,
    id: DocId,
    body: String,
) -> DocRest<'a> {
    let doc = &site.documents[id];
    DocRest {
        sources: &doc.sources,
        image: image_view(site, doc),
        body,
        extra: &doc.extra,
        source_path: doc.path.to_string_lossy().replace('\\', "/"),
        author_links: author_links(site, id),
        corrections: corrections(site, l10n, id),
        share: (doc.kind == crate::content::Kind::Article).then(|| share(prep.card(id))),
    }
}

/// The context of a page that is for every language at once (the root redirect, the 404 page):
/// the default language's `lang`, `dir` and `site`, and every language's front page.
fn every_language_context(site: &Site) -> (crate::render::view::Ctx, Vec<serde_json::Value>) {
    let cfg = &site.config;
    let default = language(site, &cfg.default_language);
    let mut ctx = crate::render::view::Ctx::new();
    ctx.insert("lang", &default.code);
    ctx.insert("dir", default.direction.as_str());
    ctx.insert("site", &site_view(site, default));
    let fronts = cfg
        .languages
        .iter()
        .map(|l| {
            let front = paths::front(&l.code);
            serde_json::json!({"lang": l.code, "dir": l.direction.as_str(), "title": l.title, "url": link(cfg, &front), "href": permalink(cfg, &front)})
        })
        .collect();
    (ctx, fronts)
}

/// `root.html`, the language chooser at `/`: `alternates` lists every front page (`lang`, `dir`,
/// `title`, `url`, `href`); `languages_json` maps each language code to its front page for the
/// script that follows the browser's languages. It is its own canonical and the x-default of the
/// front pages.
pub fn root_context(site: &Site) -> crate::render::view::Ctx {
    let cfg = &site.config;
    let (mut ctx, fronts) = every_language_context(site);
    let map: serde_json::Map<String, serde_json::Value> = cfg
        .languages
        .iter()
        .map(|l| {
            (
                l.code.to_ascii_lowercase(),
                link(cfg, &paths::front(&l.code)).into(),
            )
        })
        .collect();
    ctx.insert(
        "languages_json",
        // safe inside <script>: no `</` can close it
        &serde_json::to_string(&map)
            .unwrap_or_default()
            .replace("</", "<\\/"),
    );
    ctx.insert("target", &link(cfg, &paths::front(&cfg.default_language)));
    ctx.insert("canonical", &permalink(cfg, ""));
    ctx.insert("x_default", &permalink(cfg, ""));
    ctx.insert("alternates", &fronts);
    ctx
}

/// `404.html` shows every language: `sections` has one entry per language.
pub fn not_found_context(site: &Site) -> crate::render::view::Ctx {
    let (mut ctx, fronts) = every_language_context(site);
    ctx.insert("sections", &fronts);
    ctx
}
