//! Newsroom parts of pages: bylines linking to author pages, corrections, share links, and the
//! author index and corrections pages.

use serde::Serialize;

use crate::content::slug::encode_component;
use crate::i18n::Localizer;
use crate::model::{paths, DocId, Scope, Site};
use crate::render::Job;

use super::*;

/// A byline with the author's page.
/// A byline with the author's page (`url` is `null` for a name that gives no address).
#[derive(Serialize)]
pub struct AuthorLink {
    pub key: Option<String>,
    pub name: String,
    pub url: Option<String>,
}

/// One correction, dated.
#[derive(Serialize)]
pub struct CorrectionView {
    pub date: DateView,
    pub text: String,
}

/// Plain links to share an article (no third-party script runs on the page).
#[derive(Serialize)]
pub struct ShareLinks {
    pub url: String,
    pub whatsapp: String,
    pub telegram: String,
    pub x: String,
    pub facebook: String,
    pub email: String,
}

pub fn author_links(site: &Site, id: DocId) -> Vec<AuthorLink> {
    let lang = &site.documents[id].lang;
    site.bylines[id]
        .iter()
        .map(|b| AuthorLink {
            key: b.key.clone(),
            name: site.byline_name(lang, b).to_string(),
            url: b
                .key
                .as_ref()
                .map(|k| link(&site.config, &paths::scope(lang, &Scope::Author(k.clone())))),
        })
        .collect()
}

pub fn corrections(site: &Site, l10n: &Localizer, id: DocId) -> Vec<CorrectionView> {
    let doc = &site.documents[id];
    doc.corrections
        .iter()
        .map(|c| CorrectionView {
            date: date_view(l10n, &doc.lang, &c.date),
            text: c.text.clone(),
        })
        .collect()
}

/// The share links of an article, from its card (title and absolute URL). Telegram and X show
/// the page's card (its Open Graph title and picture), so they get the URL alone: an Arabic
/// headline percent-encoded is about 500 bytes, and every article carried it five times.
pub fn share(card: &Card) -> ShareLinks {
    let url = &card.permalink;
    let u = encode_component(url);
    let title = encode_component(card.title());
    ShareLinks {
        whatsapp: format!("https://wa.me/?text={title}%20{u}"),
        telegram: format!("https://t.me/share/url?url={u}"),
        x: format!("https://x.com/intent/post?url={u}"),
        facebook: format!("https://www.facebook.com/sharer/sharer.php?u={u}"),
        email: format!("mailto:?subject={title}&body={u}"),
        url: url.clone(),
    }
}

/// An author as list pages show them: on `/LANG/authors/` and atop their own page.
#[derive(Serialize)]
pub struct AuthorEntry {
    key: String,
    name: String,
    count: usize,
    url: String,
    bio: Option<String>,
    image: Option<String>,
    /// Their own site (authors.toml `url`).
    website: Option<String>,
}

pub fn author_entry(site: &Site, lang: &str, key: &str) -> AuthorEntry {
    let data = site.author_data.get(key);
    let cfg = &site.config;
    AuthorEntry {
        key: key.to_string(),
        name: site.author_name(lang, key),
        count: site.author_articles(lang, key).len(),
        url: link(cfg, &paths::scope(lang, &Scope::Author(key.to_string()))),
        bio: data.and_then(|a| a.bio.get(lang).cloned()),
        // `file_or_url` made it an absolute URL or a path of the output
        image: data.and_then(|a| a.image.as_ref()).map(|i| {
            if i.contains("://") {
                i.clone()
            } else {
                link(cfg, i)
            }
        }),
        website: data.and_then(|a| a.url.clone()),
    }
}

/// `/LANG/authors/`: every author with articles in the language, by name.
pub fn authors_context(
    site: &Site,
    l10n: &Localizer,
    prep: &Prepared,
    lang: &str,
) -> crate::render::view::Ctx {
    let mut ctx = base_context(site, l10n, prep, &Job::Authors(lang.to_string()));
    let mut list: Vec<AuthorEntry> = site
        .authors
        .get(lang)
        .into_iter()
        .flatten()
        .map(|(k, _)| author_entry(site, lang, k))
        .collect();
    list.sort_by(|a, b| {
        l10n.compare_names(lang, &a.name, &b.name)
            .then_with(|| a.key.cmp(&b.key))
    });
    ctx.insert("authors", &list);
    ctx
}

/// `/LANG/corrections/`: every corrected article, the most recently corrected first.
pub fn corrections_context(
    site: &Site,
    l10n: &Localizer,
    prep: &Prepared,
    lang: &str,
) -> crate::render::view::Ctx {
    let mut ctx = base_context(site, l10n, prep, &Job::Corrections(lang.to_string()));
    let items: Vec<serde_json::Value> = site
        .corrections
        .get(lang)
        .into_iter()
        .flatten()
        .map(|&id| {
            let mut c = corrections(site, l10n, id);
            c.reverse();
            serde_json::json!({
                "article": prep.card(id),
                "corrections": c,
            })
        })
        .collect();
    ctx.insert("items", &items);
    ctx
}

/// A topic or country a search can be limited to.
#[derive(Serialize)]
pub struct SearchFilter {
    pub key: String,
    pub name: String,
}

/// `/LANG/search/`: `search_config` (the script's configuration, JSON for a `<script>` element),
/// and the `topics` and `countries` the form offers as filters.
pub fn search_context(
    site: &Site,
    l10n: &Localizer,
    prep: &Prepared,
    lang: &str,
) -> crate::render::view::Ctx {
    let mut ctx = base_context(site, l10n, prep, &Job::Search(lang.to_string()));
    let config = crate::search::page_config(site, l10n, lang);
    ctx.insert("search_config", &crate::render::meta::script_json(&config));
    let (topics, countries) = crate::search::filter_names(site, l10n, prep, lang);
    ctx.insert("topics", &topics);
    ctx.insert("countries", &countries);
    ctx
}
