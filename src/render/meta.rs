//! What a page tells the platforms that show links to it: Open Graph and Twitter card values
//! (`social` in templates) and schema.org JSON-LD (`jsonld`): `NewsArticle` and `BreadcrumbList`
//! on articles, `WebSite` on front pages. Built from the site model in Rust, so every URL is
//! absolute and the JSON is escaped for a `<script>` element once, here.

use serde::Serialize;

use crate::content::newsroom::headline;
use crate::content::Kind;
use crate::i18n::Localizer;
use crate::model::{paths, DocId, Scope, Site};

use super::view::{self, origin, permalink, rfc3339, Prepared};
use super::Job;

/// The Open Graph / Twitter values of a page.
#[derive(Serialize, Default)]
pub struct Social {
    /// `article` or `website`
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub title: String,
    pub description: String,
    pub url: String,
    pub image: Option<String>,
    pub image_alt: Option<String>,
    /// The card picture's size, when nashra made it (the 1200×630 crop) or read it.
    pub image_width: Option<u32>,
    pub image_height: Option<u32>,
    /// `ar_AR`, `en_US`
    pub locale: String,
    /// The locales of the page's translations.
    pub locale_alternate: Vec<String>,
    pub site_name: String,
    pub published_time: Option<String>,
    pub modified_time: Option<String>,
    pub section: Option<String>,
    pub tags: Vec<String>,
    /// `summary_large_image` when there is a picture, else `summary`.
    pub twitter_card: &'static str,
    pub twitter_site: Option<String>,
}

/// The Open Graph locale of a language (`language_TERRITORY`, as Facebook lists them).
pub fn og_locale(lang: &str) -> String {
    let territory = match lang {
        "ar" => "AR",
        "en" => "US",
        "fa" => "IR",
        "he" => "IL",
        "ur" => "PK",
        "ku" => "TR",
        "ja" => "JP",
        "ko" => "KR",
        "zh" => "CN",
        "sv" => "SE",
        "da" => "DK",
        "hi" => "IN",
        "uk" => "UA",
        other => return format!("{other}_{}", other.to_ascii_uppercase()),
    };
    format!("{lang}_{territory}")
}

/// An image address as written in front matter or site.toml, made absolute: relative ones are
/// taken from `page` (a URL path of the site).
pub fn absolute(site: &Site, page: &str, src: &str) -> String {
    let cfg = &site.config;
    if src.starts_with("https://") || src.starts_with("http://") {
        src.to_string()
    } else if let Some(rooted) = src.strip_prefix('/') {
        format!("{}/{}", origin(cfg), rooted)
    } else {
        permalink(cfg, &format!("{page}{src}"))
    }
}

/// The absolute addresses of a document's lead image for social cards and structured data: the
/// social crop (with its size) first, then the widest rendition of the whole picture; the
/// address as written when it is not a file nashra publishes.
pub fn lead_images(site: &Site, id: DocId) -> Vec<(String, Option<(u32, u32)>)> {
    let doc = &site.documents[id];
    let Some(img) = &doc.image else {
        return Vec::new();
    };
    let cfg = &site.config;
    let Some(p) = site.media.resolve(&doc.folder, &img.src) else {
        return vec![(absolute(site, site.url_of(id), &img.src), None)];
    };
    let Some(pic) = &p.picture else {
        return vec![(permalink(cfg, &p.rel), None)];
    };
    let mut out = Vec::new();
    if let Some(r) = pic.social(img.focus.unwrap_or(crate::media::CENTRE)) {
        out.push((permalink(cfg, &r.rel), Some((r.width, r.height))));
    }
    // the widest rendition, in the best format (WebP, which Google's structured data takes)
    match pic.widest() {
        Some(r) => out.push((permalink(cfg, &r.rel), Some((r.width, r.height)))),
        None => out.push((permalink(cfg, &p.rel), Some((pic.width, pic.height)))),
    }
    out
}

/// What the cards and JSON-LD of every page of one language share, made once per build.
pub struct LangMeta {
    pub lang: String,
    /// The language's site title and description.
    pub title: String,
    pub description: String,
    /// The publisher's name in the language (`og:site_name`).
    pub site_name: String,
    /// `ar_AR`, `en_US`
    pub locale: String,
    /// `[publisher] image`, absolute.
    pub image: Option<String>,
    /// The publisher as a schema.org `Organization`.
    pub organization: Organization,
    /// The language's front page, absolute.
    pub front: String,
}

impl LangMeta {
    pub fn new(site: &Site, lang: &crate::config::Language) -> LangMeta {
        let cfg = &site.config;
        let site_name = cfg.publisher.name(&lang.code, &lang.title).to_string();
        let organization = Organization::new(site, &site_name, &lang.code);
        LangMeta {
            lang: lang.code.clone(),
            title: lang.title.clone(),
            description: lang.description.clone(),
            site_name,
            locale: og_locale(&lang.code),
            image: cfg.publisher.image.as_ref().map(|i| absolute(site, "", i)),
            organization,
            front: permalink(cfg, &paths::front(&lang.code)),
        }
    }
}

/// The page title platforms show (without the site name).
fn title(site: &Site, l10n: &Localizer, prep: &Prepared, meta: &LangMeta, job: &Job) -> String {
    let lang = meta.lang.as_str();
    match job {
        Job::Document(id) => site.documents[*id].title.clone(),
        Job::List {
            scope: Scope::Front,
            ..
        } => meta.title.clone(),
        Job::List { scope, .. } => prep
            .terms
            .get(site, l10n, lang, scope.clone())
            .view
            .name
            .clone(),
        Job::Topics(_) => l10n.format(lang, "nav-topics", &[]),
        Job::Countries(_) => l10n.format(lang, "nav-countries", &[]),
        Job::Archive(_) => l10n.format(lang, "nav-archive", &[]),
        Job::Authors(_) => l10n.format(lang, "nav-authors", &[]),
        Job::Tags(_) => l10n.format(lang, "nav-tags", &[]),
        Job::Corrections(_) => l10n.format(lang, "corrections-title", &[]),
        Job::Search(_) => l10n.format(lang, "search-title", &[]),
        _ => meta.title.clone(),
    }
}

/// Topic and country names of a document (from its prepared card), for `article:tag` and
/// `keywords`.
fn tags(prep: &Prepared, id: DocId) -> Vec<String> {
    let card = prep.card(id);
    card.topics
        .iter()
        .chain(&card.countries)
        .chain(&card.tags)
        .map(|t| t.view.name.clone())
        .collect()
}

/// The name of a document's first topic.
fn section(prep: &Prepared, id: DocId) -> Option<String> {
    prep.card(id).topics.first().map(|t| t.view.name.clone())
}

/// The `social` value of the page `job` at `canonical` (its absolute URL).
pub fn social(
    site: &Site,
    l10n: &Localizer,
    prep: &Prepared,
    meta: &LangMeta,
    job: &Job,
    canonical: &str,
    alts: &[view::Alt],
) -> Social {
    let mut s = Social {
        kind: "website",
        title: title(site, l10n, prep, meta, job),
        description: meta.description.clone(),
        url: canonical.to_string(),
        locale: meta.locale.clone(),
        locale_alternate: alts
            .iter()
            .filter(|a| a.is_translation)
            .map(|a| og_locale(&a.lang))
            .collect(),
        site_name: meta.site_name.clone(),
        twitter_site: site.config.publisher.twitter.clone(),
        image: meta.image.clone(),
        ..Social::default()
    };
    if let Job::Document(id) = job {
        let doc = &site.documents[*id];
        if !doc.summary.is_empty() {
            s.description = doc.summary.clone();
        }
        if let Some(img) = &doc.image {
            if let Some((url, size)) = lead_images(site, *id).into_iter().next() {
                s.image = Some(url);
                s.image_width = size.map(|z| z.0);
                s.image_height = size.map(|z| z.1);
            }
            s.image_alt = Some(img.alt.clone()).filter(|a| !a.is_empty());
        }
        if doc.kind == Kind::Article {
            s.kind = "article";
            s.published_time = doc.date.as_ref().map(rfc3339);
            s.modified_time = doc.last_change().map(rfc3339);
            s.section = section(prep, *id);
            s.tags = tags(prep, *id);
        }
    }
    s.twitter_card = if s.image.is_some() {
        "summary_large_image"
    } else {
        "summary"
    };
    s
}

/// JSON for inside `<script type="application/ld+json">`: `<`, `>` and `&` (and the line
/// separators JavaScript does not allow in strings) written as `\uXXXX`, so no text of a title
/// can close the element.
pub fn script_json(v: &impl Serialize) -> String {
    let text = serde_json::to_string(v).unwrap_or_default();
    if !text.contains(['<', '>', '&', '\u{2028}', '\u{2029}']) {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

// ---- JSON-LD: typed, so an article's graph is serialised straight into its string ----------

/// schema.org `Organization`: the publisher in one language.
#[derive(Serialize)]
pub struct Organization {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: String,
    url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    logo: Option<ImageObject>,
}

#[derive(Serialize)]
struct ImageObject {
    #[serde(rename = "@type")]
    kind: &'static str,
    url: String,
}

#[derive(Serialize)]
struct Graph<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@graph")]
    graph: Vec<Node<'a>>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Node<'a> {
    Article(Box<NewsArticle<'a>>),
    Breadcrumbs(BreadcrumbList),
    Site(WebSite<'a>),
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct NewsArticle<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "@id")]
    id: String,
    headline: String,
    description: &'a str,
    in_language: &'a str,
    url: &'a str,
    main_entity_of_page: WebPageRef<'a>,
    is_accessible_for_free: bool,
    publisher: &'a Organization,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_modified: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    author: Vec<Person<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    image: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    article_section: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    keywords: Vec<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    correction: Vec<CorrectionComment<'a>>,
}

#[derive(Serialize)]
struct WebPageRef<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "@id")]
    id: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Person<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    same_as: Option<&'a str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CorrectionComment<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    text: &'a str,
    date_published: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct BreadcrumbList {
    #[serde(rename = "@type")]
    kind: &'static str,
    item_list_element: Vec<ListItem>,
}

#[derive(Serialize)]
struct ListItem {
    #[serde(rename = "@type")]
    kind: &'static str,
    position: usize,
    name: String,
    item: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct WebSite<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    description: &'a str,
    url: &'a str,
    in_language: &'a str,
    publisher: &'a Organization,
}

impl Organization {
    fn new(site: &Site, name: &str, lang: &str) -> Organization {
        Organization {
            kind: "Organization",
            name: name.to_string(),
            url: permalink(&site.config, &paths::front(lang)),
            logo: site.config.publisher.logo.as_ref().map(|l| ImageObject {
                kind: "ImageObject",
                url: absolute(site, "", l),
            }),
        }
    }
}

fn article<'a>(
    site: &'a Site,
    prep: &'a Prepared,
    meta: &'a LangMeta,
    id: DocId,
) -> NewsArticle<'a> {
    let cfg = &site.config;
    let doc = &site.documents[id];
    let lang = doc.lang.as_str();
    let card = prep.card(id);
    let url = card.permalink.as_str();
    let author = site.bylines[id]
        .iter()
        .map(|b| Person {
            kind: "Person",
            name: site.byline_name(lang, b),
            url: b
                .key
                .as_ref()
                .map(|k| permalink(cfg, &paths::scope(lang, &Scope::Author(k.clone())))),
            same_as: b
                .key
                .as_ref()
                .and_then(|k| site.author_data.get(k))
                .and_then(|a| a.url.as_deref()),
        })
        .collect();
    let image = match (&doc.image, &meta.image) {
        (Some(_), _) => lead_images(site, id).into_iter().map(|(u, _)| u).collect(),
        (None, Some(img)) => vec![img.clone()],
        (None, None) => Vec::new(),
    };
    NewsArticle {
        kind: "NewsArticle",
        id: format!("{url}#article"),
        headline: headline(&doc.title),
        description: &doc.summary,
        in_language: lang,
        url,
        main_entity_of_page: WebPageRef {
            kind: "WebPage",
            id: url,
        },
        is_accessible_for_free: true,
        publisher: &meta.organization,
        date_published: doc.date.as_ref().map(rfc3339),
        date_modified: doc.last_change().map(rfc3339),
        author,
        image,
        article_section: card.topics.first().map(|t| t.view.name.as_str()),
        keywords: card
            .topics
            .iter()
            .chain(&card.countries)
            .map(|t| t.view.name.as_str())
            .collect(),
        correction: doc
            .corrections
            .iter()
            .map(|c| CorrectionComment {
                kind: "CorrectionComment",
                text: &c.text,
                date_published: rfc3339(&c.date),
            })
            .collect(),
    }
}

/// Front page → first topic → the article.
fn breadcrumbs(site: &Site, prep: &Prepared, meta: &LangMeta, id: DocId) -> BreadcrumbList {
    let card = prep.card(id);
    let origin = origin(&site.config);
    let mut items = vec![(meta.title.clone(), meta.front.clone())];
    if let Some(t) = card.topics.first() {
        items.push((t.view.name.clone(), format!("{origin}{}", t.view.url)));
    }
    items.push((card.title().to_string(), card.permalink.clone()));
    BreadcrumbList {
        kind: "BreadcrumbList",
        item_list_element: items
            .into_iter()
            .enumerate()
            .map(|(i, (name, item))| ListItem {
                kind: "ListItem",
                position: i + 1,
                name,
                item,
            })
            .collect(),
    }
}

/// The JSON-LD of a page, ready for a `<script>` element; `None` for pages without any.
pub fn jsonld(site: &Site, prep: &Prepared, meta: &LangMeta, job: &Job) -> Option<String> {
    jsonld_graph(site, prep, meta, job).map(|g| g.text())
}

/// A page's JSON-LD before it is written out ([`jsonld`]).
pub struct JsonLd<'a>(Graph<'a>);

impl JsonLd<'_> {
    /// The text of the page's `<script type="application/ld+json">`.
    pub fn text(&self) -> String {
        script_json(&self.0)
    }

    /// The digest of what [`JsonLd::text`] is made from (`incremental::jobs::digest_of`).
    pub fn digest(&self) -> u128 {
        crate::incremental::jobs::digest_of(&self.0)
    }
}

/// The graph of [`jsonld`].
pub fn jsonld_graph<'a>(
    site: &'a Site,
    prep: &'a Prepared,
    meta: &'a LangMeta,
    job: &Job,
) -> Option<JsonLd<'a>> {
    let graph = match job {
        Job::Document(id) if site.documents[*id].kind == Kind::Article => vec![
            Node::Article(Box::new(article(site, prep, meta, *id))),
            Node::Breadcrumbs(breadcrumbs(site, prep, meta, *id)),
        ],
        Job::List {
            scope: Scope::Front,
            page: 1,
            ..
        } => vec![Node::Site(WebSite {
            kind: "WebSite",
            name: &meta.title,
            description: &meta.description,
            url: &meta.front,
            in_language: &meta.lang,
            publisher: &meta.organization,
        })],
        _ => return None,
    };
    Some(JsonLd(Graph {
        context: "https://schema.org",
        graph,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    #[test]
    fn script_json_cannot_close_the_element() {
        let v = json!({"headline": "a </script><script>alert(1)</script> & b\u{2028}"});
        let s = script_json(&v);
        assert!(
            !s.contains('<') && !s.contains('>') && !s.contains('&'),
            "{s}"
        );
        let back: Value = serde_json::from_str(&s).unwrap();
        assert_eq!(back, v);
    }
}
