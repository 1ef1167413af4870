//! What templates see: the page's language and direction, its translations, and views of the
//! documents with dates already formatted for the language. Built per page from the read-only
//! site model. The fields are the public template contract (docs/templates.md).

use serde::Serialize;

use crate::config::{Config, Language};
use crate::content::dates::PubDate;
use crate::content::slug::encode_path;
use crate::content::{Document, Image, Kind, Source};
use crate::i18n::Localizer;
use crate::model::{DocId, Site};

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
}

/// A link to this page in another language (switcher, hreflang).
#[derive(Serialize)]
pub struct Alternate<'a> {
    pub lang: &'a str,
    /// The language's own name for itself (from its `language-name` message).
    pub lang_name: String,
    pub dir: &'static str,
    /// Absolute URL.
    pub href: String,
    /// Site-internal link.
    pub url: String,
    /// Title of the translation, or the language's site title when there is none.
    pub title: String,
    /// False when the link goes to the language's front page because there is no translation.
    pub is_translation: bool,
}

#[derive(Serialize)]
pub struct DateView {
    /// RFC 3339, for `<time datetime>`.
    pub iso: String,
    /// `27 نوفمبر 2025` / `27 November 2025`
    pub text: String,
    /// `10:30`, when the author gave a time.
    pub time: Option<String>,
    /// Umm al-Qura date when the language has `hijri = true`.
    pub hijri: Option<String>,
}

#[derive(Serialize)]
pub struct Term {
    pub key: String,
    pub name: String,
}

#[derive(Serialize)]
pub struct DocView<'a> {
    pub kind: Kind,
    pub title: &'a str,
    pub url: String,
    pub permalink: String,
    pub lang: &'a str,
    pub date: Option<DateView>,
    pub updated: Option<DateView>,
    pub summary: &'a str,
    pub authors: &'a [String],
    pub topics: Vec<Term>,
    pub countries: Vec<Term>,
    pub sources: &'a [Source],
    pub image: Option<ImageView<'a>>,
    pub body: &'a str,
    pub extra: &'a serde_json::Map<String, serde_json::Value>,
    pub source_path: String,
}

#[derive(Serialize)]
pub struct ImageView<'a> {
    pub src: String,
    pub alt: &'a str,
    pub credit: Option<&'a str>,
}

/// Site-internal link to a URL path.
pub fn link(config: &Config, path: &str) -> String {
    format!("{}{}", config.base_path, encode_path(path))
}

/// Absolute URL of a URL path.
pub fn permalink(config: &Config, path: &str) -> String {
    // base_url = origin + base_path, and `link` already starts with base_path.
    let origin = config
        .base_url
        .strip_suffix(config.base_path.as_str())
        .unwrap_or(&config.base_url);
    format!("{origin}{}", link(config, path))
}

fn site_view<'a>(site: &'a Site, lang: &'a Language) -> SiteView<'a> {
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
                url: link(cfg, &format!("{}/", l.code)),
            })
            .collect(),
        stylesheet: link(cfg, "style.css"),
    }
}

pub fn date_view(l10n: &Localizer, lang: &str, d: &PubDate) -> DateView {
    DateView {
        iso: d
            .zoned
            .timestamp()
            .to_zoned_datetime(d.zoned.time_zone().clone())
            .strftime("%Y-%m-%dT%H:%M:%S%:z")
            .to_string(),
        text: l10n.date(lang, d),
        time: l10n.time(lang, d),
        hijri: l10n.hijri(lang, d),
    }
}

pub fn topic_name(l10n: &Localizer, lang: &str, key: &str) -> String {
    l10n.format(lang, &format!("topic-{key}"), &[])
}

pub fn country_name(l10n: &Localizer, lang: &str, code: &str) -> String {
    let upper = format!("country-{code}");
    l10n.try_format(lang, &upper, &[]).unwrap_or_else(|| {
        l10n.format(lang, &format!("country-{}", code.to_ascii_lowercase()), &[])
    })
}

pub fn doc_view<'a>(site: &'a Site, l10n: &Localizer, id: DocId) -> DocView<'a> {
    let doc: &'a Document = &site.documents[id];
    let cfg = &site.config;
    let lang = doc.lang.as_str();
    let url = site.url_of(id);
    DocView {
        kind: doc.kind,
        title: &doc.title,
        url: link(cfg, url),
        permalink: permalink(cfg, url),
        lang,
        date: doc.date.as_ref().map(|d| date_view(l10n, lang, d)),
        updated: doc.updated.as_ref().map(|d| date_view(l10n, lang, d)),
        summary: &doc.summary,
        authors: &doc.authors,
        topics: doc
            .topics
            .iter()
            .map(|k| Term {
                key: k.clone(),
                name: topic_name(l10n, lang, k),
            })
            .collect(),
        countries: doc
            .countries
            .iter()
            .map(|c| Term {
                key: c.to_ascii_lowercase(),
                name: country_name(l10n, lang, c),
            })
            .collect(),
        sources: &doc.sources,
        image: doc.image.as_ref().map(|i: &'a Image| ImageView {
            src: i.src.clone(),
            alt: &i.alt,
            credit: i.credit.as_deref(),
        }),
        body: &doc.body_html,
        extra: &doc.extra,
        source_path: doc.path.to_string_lossy().replace('\\', "/"),
    }
}

fn lang_name(l10n: &Localizer, lang: &str) -> String {
    l10n.format(lang, "language-name", &[])
}

/// Alternates of a page for every configured language except `lang`; `target(code)` gives the
/// translation's URL path and title, or `None` to fall back to that language's front page.
fn alternates<'a>(
    site: &'a Site,
    l10n: &Localizer,
    lang: &str,
    target: impl Fn(&str) -> Option<(String, String)>,
) -> Vec<Alternate<'a>> {
    let cfg = &site.config;
    cfg.languages
        .iter()
        .filter(|l| l.code != lang)
        .map(|l| {
            let (path, title, is_translation) = match target(&l.code) {
                Some((p, t)) => (p, t, true),
                None => (format!("{}/", l.code), l.title.clone(), false),
            };
            Alternate {
                lang: &l.code,
                lang_name: lang_name(l10n, &l.code),
                dir: l.direction.as_str(),
                href: permalink(cfg, &path),
                url: link(cfg, &path),
                title,
                is_translation,
            }
        })
        .collect()
}

fn base_context(
    site: &Site,
    l10n: &Localizer,
    lang: &Language,
    path: &str,
    alts: Vec<Alternate<'_>>,
    x_default: String,
) -> tera::Context {
    let cfg = &site.config;
    let mut ctx = tera::Context::new();
    ctx.insert("lang", &lang.code);
    ctx.insert("dir", lang.direction.as_str());
    ctx.insert("lang_name", &lang_name(l10n, &lang.code));
    ctx.insert("site", &site_view(site, lang));
    ctx.insert("canonical", &permalink(cfg, path));
    ctx.insert("url", &link(cfg, path));
    ctx.insert("x_default", &x_default);
    ctx.insert("alternates", &alts);
    let pages: Vec<(String, String)> = site
        .pages
        .get(&lang.code)
        .map(|ids| {
            ids.iter()
                .map(|&id| (site.documents[id].title.clone(), link(cfg, site.url_of(id))))
                .collect()
        })
        .unwrap_or_default();
    ctx.insert(
        "nav_pages",
        &pages
            .iter()
            .map(|(t, u)| serde_json::json!({"title": t, "url": u}))
            .collect::<Vec<_>>(),
    );
    ctx
}

fn language<'a>(site: &'a Site, code: &str) -> &'a Language {
    site.config
        .language(code)
        .unwrap_or(&site.config.languages[0])
}

pub fn document_context(site: &Site, l10n: &Localizer, id: DocId) -> tera::Context {
    let doc = &site.documents[id];
    let lang = language(site, &doc.lang);
    let translations = &site.translations[id];
    let alts = alternates(site, l10n, &doc.lang, |code| {
        translations
            .iter()
            .find(|&&t| site.documents[t].lang == code)
            .map(|&t| (site.url_of(t).to_string(), site.documents[t].title.clone()))
    });
    // x-default: the default-language version when there is one, else this page.
    let x_default = std::iter::once(id)
        .chain(translations.iter().copied())
        .find(|&t| site.documents[t].lang == site.config.default_language)
        .map_or_else(
            || permalink(&site.config, site.url_of(id)),
            |t| permalink(&site.config, site.url_of(t)),
        );
    let mut ctx = base_context(site, l10n, lang, site.url_of(id), alts, x_default);
    ctx.insert("page", &doc_view(site, l10n, id));
    ctx
}

pub fn front_context(site: &Site, l10n: &Localizer, code: &str) -> tera::Context {
    let lang = language(site, code);
    let alts = alternates(site, l10n, code, |other| {
        Some((format!("{other}/"), language(site, other).title.clone()))
    });
    let x_default = permalink(&site.config, &format!("{}/", site.config.default_language));
    let mut ctx = base_context(site, l10n, lang, &format!("{code}/"), alts, x_default);
    let articles: Vec<DocView<'_>> = site
        .articles
        .get(code)
        .map(|ids| ids.iter().map(|&id| doc_view(site, l10n, id)).collect())
        .unwrap_or_default();
    ctx.insert("articles", &articles);
    ctx.insert("article_count", &articles.len());
    ctx
}

pub fn root_context(site: &Site) -> tera::Context {
    let cfg = &site.config;
    let mut ctx = tera::Context::new();
    let default = language(site, &cfg.default_language);
    ctx.insert("lang", &default.code);
    ctx.insert("dir", default.direction.as_str());
    ctx.insert("site", &site_view(site, default));
    ctx.insert("target", &link(cfg, &format!("{}/", cfg.default_language)));
    ctx.insert(
        "canonical",
        &permalink(cfg, &format!("{}/", cfg.default_language)),
    );
    let alts: Vec<serde_json::Value> = cfg
        .languages
        .iter()
        .map(|l| serde_json::json!({"lang": l.code, "href": permalink(cfg, &format!("{}/", l.code)), "url": link(cfg, &format!("{}/", l.code)), "title": l.title, "dir": l.direction.as_str()}))
        .collect();
    ctx.insert("alternates", &alts);
    ctx.insert(
        "x_default",
        &permalink(cfg, &format!("{}/", cfg.default_language)),
    );
    ctx
}

/// The 404 page shows every language: `sections` has one entry per language with its strings.
pub fn not_found_context(site: &Site) -> tera::Context {
    let cfg = &site.config;
    let default = language(site, &cfg.default_language);
    let mut ctx = tera::Context::new();
    ctx.insert("lang", &default.code);
    ctx.insert("dir", default.direction.as_str());
    ctx.insert("site", &site_view(site, default));
    ctx.insert(
        "sections",
        &cfg.languages.iter().map(|l| serde_json::json!({"lang": l.code, "dir": l.direction.as_str(), "title": l.title, "url": link(cfg, &format!("{}/", l.code))})).collect::<Vec<_>>(),
    );
    ctx
}
