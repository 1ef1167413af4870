//! What a page tells the platforms that show links to it: Open Graph and Twitter card values
//! (`social` in templates) and schema.org JSON-LD (`jsonld`): `NewsArticle` and `BreadcrumbList`
//! on articles, `WebSite` on front pages. Built from the site model in Rust, so every URL is
//! absolute and the JSON is escaped for a `<script>` element once, here.

use serde::Serialize;
use serde_json::{json, Value};

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
    pub organization: Value,
}

impl LangMeta {
    pub fn new(site: &Site, lang: &crate::config::Language) -> LangMeta {
        let cfg = &site.config;
        let site_name = cfg.publisher.name(&lang.code, &lang.title).to_string();
        let mut organization = json!({
            "@type": "Organization",
            "name": site_name,
            "url": permalink(cfg, &paths::front(&lang.code)),
        });
        if let Some(logo) = &cfg.publisher.logo {
            organization["logo"] = json!({"@type": "ImageObject", "url": absolute(site, "", logo)});
        }
        LangMeta {
            lang: lang.code.clone(),
            title: lang.title.clone(),
            description: lang.description.clone(),
            site_name,
            locale: og_locale(&lang.code),
            image: cfg.publisher.image.as_ref().map(|i| absolute(site, "", i)),
            organization,
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
        Job::Corrections(_) => l10n.format(lang, "corrections-title", &[]),
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
            s.image = Some(absolute(site, site.url_of(*id), &img.src));
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
pub fn script_json(v: &Value) -> String {
    // straight into a buffer: `Value`'s Display goes through a formatter adapter and cost most of
    // this function (callgrind)
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

fn article(site: &Site, prep: &Prepared, meta: &LangMeta, id: DocId) -> Value {
    let cfg = &site.config;
    let doc = &site.documents[id];
    let lang = doc.lang.as_str();
    let url = &prep.card(id).permalink;
    let authors: Vec<Value> = site.bylines[id]
        .iter()
        .map(|b| {
            let mut p = json!({"@type": "Person", "name": site.byline_name(lang, b)});
            if let Some(key) = &b.key {
                p["url"] = json!(permalink(
                    cfg,
                    &paths::scope(lang, &Scope::Author(key.clone()))
                ));
                if let Some(same) = site.author_data.get(key).and_then(|a| a.url.as_ref()) {
                    p["sameAs"] = json!(same);
                }
            }
            p
        })
        .collect();
    let mut a = json!({
        "@type": "NewsArticle",
        "@id": format!("{url}#article"),
        "headline": headline(&doc.title),
        "description": doc.summary,
        "inLanguage": lang,
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "isAccessibleForFree": true,
        "publisher": meta.organization,
    });
    if let Some(d) = &doc.date {
        a["datePublished"] = json!(rfc3339(d));
    }
    if let Some(d) = doc.last_change() {
        a["dateModified"] = json!(rfc3339(d));
    }
    if !authors.is_empty() {
        a["author"] = Value::Array(authors);
    }
    if let Some(img) = &doc.image {
        a["image"] = json!([absolute(site, site.url_of(id), &img.src)]);
    } else if let Some(img) = &meta.image {
        a["image"] = json!([img]);
    }
    if let Some(t) = section(prep, id) {
        a["articleSection"] = json!(t);
    }
    let keywords = tags(prep, id);
    if !keywords.is_empty() {
        a["keywords"] = json!(keywords);
    }
    if !doc.corrections.is_empty() {
        a["correction"] = Value::Array(
            doc.corrections
                .iter()
                .map(|c| json!({"@type": "CorrectionComment", "text": c.text, "datePublished": rfc3339(&c.date)}))
                .collect(),
        );
    }
    a
}

fn breadcrumbs(site: &Site, prep: &Prepared, id: DocId) -> Value {
    let cfg = &site.config;
    let doc = &site.documents[id];
    let lang = doc.lang.as_str();
    let mut items = vec![(
        cfg.language(lang)
            .map_or(String::new(), |l| l.title.clone()),
        permalink(cfg, &paths::front(lang)),
    )];
    if let (Some(t), Some(name)) = (doc.topics.first(), section(prep, id)) {
        items.push((
            name,
            permalink(cfg, &paths::scope(lang, &Scope::Topic(t.clone()))),
        ));
    }
    items.push((doc.title.clone(), permalink(cfg, site.url_of(id))));
    json!({
        "@type": "BreadcrumbList",
        "itemListElement": items.iter().enumerate().map(|(i, (name, item))| json!({
            "@type": "ListItem", "position": i + 1, "name": name, "item": item
        })).collect::<Vec<_>>(),
    })
}

/// The JSON-LD of a page, ready for a `<script>` element; `None` for pages without any.
pub fn jsonld(site: &Site, prep: &Prepared, meta: &LangMeta, job: &Job) -> Option<String> {
    let graph = match job {
        Job::Document(id) if site.documents[*id].kind == Kind::Article => {
            vec![article(site, prep, meta, *id), breadcrumbs(site, prep, *id)]
        }
        Job::List {
            scope: Scope::Front,
            page: 1,
            ..
        } => vec![json!({
            "@type": "WebSite",
            "name": meta.title,
            "description": meta.description,
            "url": permalink(&site.config, &paths::front(&meta.lang)),
            "inLanguage": meta.lang,
            "publisher": meta.organization,
        })],
        _ => return None,
    };
    Some(script_json(
        &json!({"@context": "https://schema.org", "@graph": graph}),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

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
