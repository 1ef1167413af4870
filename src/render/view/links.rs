//! URLs of pages, and which page is a translation of which.

use crate::config::Config;
use crate::content::slug::encode_path;
use crate::model::{paths, Scope, Site};

use crate::render::Job;
// ---- links ---------------------------------------------------------------------------------

/// Site-internal link to a URL path.
pub fn link(config: &Config, path: &str) -> String {
    format!("{}{}", config.base_path, encode_path(path))
}

/// `https://host` of the base URL (base_url = origin + base_path).
pub fn origin(config: &Config) -> &str {
    config
        .base_url
        .strip_suffix(config.base_path.as_str())
        .unwrap_or(&config.base_url)
}

/// Absolute URL of a URL path.
pub fn permalink(config: &Config, path: &str) -> String {
    format!("{}{}", origin(config), link(config, path))
}

// ---- alternates: one place decides which pages are translations of which ----------------------

/// A page's counterpart in another language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Alt {
    pub lang: String,
    pub path: String,
    /// True when `path` is the same page in that language (hreflang); false when it is only the
    /// nearest page there (the switcher still goes to it).
    pub is_translation: bool,
}

/// The URL path of an HTML job (None for files that are not pages).
pub fn job_path(site: &Site, job: &Job) -> Option<String> {
    Some(match job {
        Job::Document(id) => site.url_of(*id).to_string(),
        Job::List { lang, scope, page } => paths::page(&paths::scope(lang, scope), *page),
        Job::Topics(lang) => paths::topics(lang),
        Job::Countries(lang) => paths::countries(lang),
        Job::Archive(lang) => paths::archive(lang),
        Job::Month { lang, year, month } => paths::month(lang, *year, *month),
        Job::Authors(lang) => paths::authors(lang),
        Job::Tags(lang) => paths::tags(lang),
        Job::Corrections(lang) => paths::corrections(lang),
        Job::Search(lang) => crate::search::page_path(lang),
        _ => return None,
    })
}

pub fn job_lang<'a>(site: &'a Site, job: &'a Job) -> Option<&'a str> {
    match job {
        Job::Document(id) => Some(site.documents[*id].lang.as_str()),
        Job::List { lang, .. }
        | Job::Topics(lang)
        | Job::Countries(lang)
        | Job::Archive(lang)
        | Job::Month { lang, .. }
        | Job::Authors(lang)
        | Job::Tags(lang)
        | Job::Corrections(lang)
        | Job::Search(lang)
        | Job::SearchIndex(lang)
        | Job::Feed { lang, .. }
        | Job::Alerts(lang) => Some(lang),
        _ => None,
    }
}

/// The page in every other configured language. Symmetric by construction: if A lists B as a
/// translation, B lists A.
pub fn alternates(site: &Site, job: &Job) -> Vec<Alt> {
    let Some(lang) = job_lang(site, job) else {
        return Vec::new();
    };
    site.config
        .languages
        .iter()
        .filter(|l| l.code != lang)
        .map(|l| {
            let other = l.code.as_str();
            let exact = |path: String| Alt {
                lang: other.to_string(),
                path,
                is_translation: true,
            };
            let near = |path: String| Alt {
                lang: other.to_string(),
                path,
                is_translation: false,
            };
            match job {
                Job::Document(id) => site.translations[*id]
                    .iter()
                    .find(|&&t| site.documents[t].lang == other)
                    .map_or_else(
                        || near(paths::front(other)),
                        |&t| exact(site.url_of(t).to_string()),
                    ),
                Job::List { scope, page, .. } => {
                    if site.scope_pages(other, scope) == 0 {
                        near(match scope {
                            Scope::Front => paths::front(other),
                            Scope::Topic(_) => paths::topics(other),
                            Scope::Country(_) => paths::countries(other),
                            Scope::Author(_) => paths::authors(other),
                            Scope::Tag(_) if site.has_tags(other) => paths::tags(other),
                            Scope::Tag(_) => paths::front(other),
                        })
                    } else if *page == 1 {
                        exact(paths::scope(other, scope))
                    } else {
                        near(paths::scope(other, scope))
                    }
                }
                Job::Topics(_) => exact(paths::topics(other)),
                Job::Countries(_) => exact(paths::countries(other)),
                Job::Archive(_) => exact(paths::archive(other)),
                Job::Authors(_) => exact(paths::authors(other)),
                Job::Tags(_) if site.has_tags(other) => exact(paths::tags(other)),
                Job::Tags(_) => near(paths::front(other)),
                Job::Corrections(_) => exact(paths::corrections(other)),
                // the language switch goes to the other search page; search engines are told
                // nothing (the page is `noindex` and not in the sitemap)
                Job::Search(_) => near(crate::search::page_path(other)),
                Job::Month { year, month, .. } => {
                    if site.month_articles(other, *year, *month).is_empty() {
                        near(paths::archive(other))
                    } else {
                        exact(paths::month(other, *year, *month))
                    }
                }
                _ => near(paths::front(other)),
            }
        })
        .collect()
}

/// The `x-default` page: the default language's version when there is one, else the page itself.
/// The x-default of page `job` (at `path` in `lang`): `/`, the language chooser, for the front
/// pages (it lists them back); the version in the default language for every other page, so a
/// cluster of translations stays a cluster of equal pages.
pub fn job_x_default(site: &Site, job: &Job, lang: &str, path: &str, alts: &[Alt]) -> String {
    match job {
        Job::List {
            scope: Scope::Front,
            page: 1,
            ..
        } => String::new(),
        _ => x_default(site, lang, path, alts),
    }
}

pub fn x_default(site: &Site, lang: &str, path: &str, alts: &[Alt]) -> String {
    let default = &site.config.default_language;
    if lang == default.as_str() {
        return path.to_string();
    }
    alts.iter()
        .find(|a| a.is_translation && &a.lang == default)
        .map_or_else(|| path.to_string(), |a| a.path.clone())
}
