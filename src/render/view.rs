//! What templates see: the page's language and direction, its alternates in the other languages,
//! and views of documents with dates already formatted for the language. Built per page from the
//! read-only site model; the per-article parts ([`Card`]) are prepared once per build. The fields
//! are the public template contract (docs/templates.md).

use std::collections::BTreeMap;

use std::sync::Arc;

use serde::Serialize;

use crate::config::{Config, Language};
use crate::content::dates::PubDate;
use crate::content::slug::encode_path;
use crate::content::{Kind, Source};
use crate::i18n::{Arg, Localizer};
use crate::model::{paths, DocId, Scope, Site};

use super::Job;

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
        | Job::Feed { lang, .. } => Some(lang),
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
pub fn x_default(site: &Site, lang: &str, path: &str, alts: &[Alt]) -> String {
    let default = &site.config.default_language;
    if lang == default.as_str() {
        return path.to_string();
    }
    alts.iter()
        .find(|a| a.is_translation && &a.lang == default)
        .map_or_else(|| path.to_string(), |a| a.path.clone())
}

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
    pub feed_url: String,
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

#[derive(Serialize, Clone)]
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

#[derive(Serialize, Clone)]
pub struct TermView {
    pub key: String,
    pub name: String,
    pub url: String,
}

/// A topic or country in one language: its view for Rust code (feeds) and the same as a ready
/// template value, shared by every card that mentions it.
pub struct Term {
    pub view: TermView,
    value: tera::Value,
}

impl Term {
    fn new(view: TermView) -> Term {
        let value = tera::Value::from_serializable(&view);
        Term { view, value }
    }
}

/// Every topic and country of a site in every language, made once per build.
pub struct Terms(std::collections::HashMap<String, std::collections::HashMap<Scope, Arc<Term>>>);

impl Terms {
    pub fn new(site: &Site, l10n: &Localizer) -> Terms {
        let mut all: std::collections::HashMap<
            String,
            std::collections::HashMap<Scope, Arc<Term>>,
        > = Default::default();
        let topics = site
            .topics
            .iter()
            .flat_map(|(lang, t)| t.iter().map(move |(k, _)| (lang, Scope::Topic(k.clone()))));
        let countries = site.countries.iter().flat_map(|(lang, c)| {
            c.keys()
                .map(move |code| (lang, Scope::Country(code.clone())))
        });
        for (lang, scope) in topics.chain(countries) {
            let term = Arc::new(Term::new(term_view(site, l10n, lang, &scope)));
            all.entry(lang.clone()).or_default().insert(scope, term);
        }
        Terms(all)
    }

    /// The term, made now if the table does not have it.
    fn get(&self, site: &Site, l10n: &Localizer, lang: &str, scope: Scope) -> Arc<Term> {
        match self.0.get(lang).and_then(|m| m.get(&scope)) {
            Some(t) => Arc::clone(t),
            None => Arc::new(Term::new(term_view(site, l10n, lang, &scope))),
        }
    }
}

/// What lists need of an article; prepared once per build. The parts that are maps in templates
/// (dates, topics, countries) are kept as ready template values: a card shows up in a dozen lists
/// on average, and turning it into tera maps each time was the largest cost of list pages.
#[derive(Serialize, Clone)]
pub struct Card {
    pub kind: Kind,
    pub title: String,
    pub url: String,
    pub permalink: String,
    pub lang: String,
    pub summary: String,
    /// A [`DateView`] value, or none.
    pub date: tera::Value,
    /// A [`DateView`] value, or none.
    pub updated: tera::Value,
    #[serde(skip)]
    pub topics: Vec<Arc<Term>>,
    #[serde(skip)]
    pub countries: Vec<Arc<Term>>,
    /// `topics` as one template value (a list of [`TermView`]s).
    #[serde(rename = "topics")]
    topics_value: tera::Value,
    #[serde(rename = "countries")]
    countries_value: tera::Value,
    pub authors: Vec<String>,
}

#[derive(Serialize)]
pub struct DocView<'a> {
    #[serde(flatten)]
    pub card: &'a Card,
    pub sources: &'a [Source],
    pub image: Option<ImageView<'a>>,
    pub body: String,
    pub extra: &'a serde_json::Map<String, serde_json::Value>,
    pub source_path: String,
}

#[derive(Serialize)]
pub struct ImageView<'a> {
    pub src: &'a str,
    pub alt: &'a str,
    pub credit: Option<&'a str>,
}

pub fn date_view(l10n: &Localizer, lang: &str, d: &PubDate) -> DateView {
    DateView {
        iso: rfc3339(d),
        text: l10n.date(lang, d),
        time: l10n.time(lang, d),
        hijri: l10n.hijri(lang, d),
    }
}

/// RFC 3339 with the site's offset, e.g. `2025-11-27T10:30:00+03:00`.
pub fn rfc3339(d: &PubDate) -> String {
    d.zoned.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string()
}

pub fn topic_name(l10n: &Localizer, lang: &str, key: &str) -> String {
    l10n.format(lang, &format!("topic-{key}"), &[])
}

pub fn country_name(l10n: &Localizer, lang: &str, code: &str) -> String {
    l10n.try_format(lang, &format!("country-{code}"), &[])
        .unwrap_or_else(|| {
            l10n.format(lang, &format!("country-{}", code.to_ascii_lowercase()), &[])
        })
}

/// One document's card, and its Atom entry once a feed has written it. A card becomes a template
/// map each time a page lists it (its dates and terms inside are ready values): keeping a whole
/// ready value per card cost 4 KiB a card and was no faster (BENCHMARKS.md).
#[derive(Clone)]
pub struct CardSlot {
    pub card: Arc<Card>,
    pub entry: Arc<std::sync::OnceLock<String>>,
    /// The body's HTML, kept only for documents that a feed carries (their page and their feed
    /// entries share one rendering).
    body: Arc<std::sync::OnceLock<Result<Arc<str>, crate::diagnostics::Diagnostic>>>,
}

impl CardSlot {
    pub fn new(card: Card) -> CardSlot {
        CardSlot {
            card: Arc::new(card),
            entry: Arc::new(std::sync::OnceLock::new()),
            body: Arc::new(std::sync::OnceLock::new()),
        }
    }
}

/// What every page of a build shares, prepared once: each document's card, and for each
/// language the `site` and `nav_pages` template values.
pub struct Prepared {
    pub cards: Vec<CardSlot>,
    /// The topics and countries the cards share.
    pub terms: Terms,
    langs: BTreeMap<String, (tera::Value, tera::Value, String)>,
    /// Documents that some feed carries.
    in_feed: Vec<bool>,
}

impl Prepared {
    /// Builds every card (in parallel) and the per-language values.
    pub fn new(site: &Site, l10n: &Localizer) -> Prepared {
        use rayon::prelude::*;
        let terms = Terms::new(site, l10n);
        let cards = (0..site.documents.len())
            .into_par_iter()
            .map(|id| CardSlot::new(card(site, l10n, &terms, id)))
            .collect();
        Prepared::with_cards(site, l10n, cards, terms)
    }

    /// The per-language values around given cards (`watch` reuses unchanged cards) and the
    /// terms they were made with.
    pub fn with_cards(
        site: &Site,
        l10n: &Localizer,
        cards: Vec<CardSlot>,
        terms: Terms,
    ) -> Prepared {
        let cfg = &site.config;
        let langs = cfg
            .languages
            .iter()
            .map(|lang| {
                let site_value = tera::Value::from_serializable(&site_view(site, lang));
                let pages: Vec<serde_json::Value> = site
                    .pages
                    .get(&lang.code)
                    .map(|ids| ids.iter().map(|&id| serde_json::json!({"title": site.documents[id].title, "url": link(cfg, site.url_of(id))})).collect())
                    .unwrap_or_default();
                (lang.code.clone(), (site_value, tera::Value::from_serializable(&pages), lang_name(l10n, &lang.code)))
            })
            .collect();
        // every list of a language has a feed (`render::plan`)
        let mut in_feed = vec![false; site.documents.len()];
        for lang in &cfg.languages {
            for scope in site.scopes(&lang.code) {
                for &i in site.feed_articles(&lang.code, &scope) {
                    in_feed[i] = true;
                }
            }
        }
        Prepared {
            cards,
            terms,
            langs,
            in_feed,
        }
    }

    /// The HTML of a document's body: rendered once and shared when a feed also carries it.
    pub fn body(
        &self,
        root: &std::path::Path,
        site: &Site,
        id: DocId,
    ) -> Result<String, crate::diagnostics::Diagnostic> {
        let doc = &site.documents[id];
        if !self.in_feed.get(id).copied().unwrap_or(false) {
            return crate::content::render_body(root, doc);
        }
        match self.cards[id]
            .body
            .get_or_init(|| crate::content::render_body(root, doc).map(Arc::from))
        {
            Ok(html) => Ok(html.to_string()),
            Err(d) => Err(d.clone()),
        }
    }

    pub fn card(&self, id: DocId) -> &Card {
        &self.cards[id].card
    }

    /// Replaces one document's card (its cached feed entry goes with it).
    pub fn set(&mut self, id: DocId, card: Card) {
        self.cards[id] = CardSlot::new(card);
    }

    fn values(&self, ids: &[DocId]) -> tera::Value {
        let cards: Vec<&Card> = ids.iter().map(|&i| &*self.cards[i].card).collect();
        tera::Value::from_serializable(&cards)
    }
}

/// A topic's or country's key, name and link in a language.
fn term_view(site: &Site, l10n: &Localizer, lang: &str, scope: &Scope) -> TermView {
    let (key, name) = match scope {
        Scope::Topic(k) => (k.clone(), topic_name(l10n, lang, k)),
        Scope::Country(c) => (c.to_ascii_lowercase(), country_name(l10n, lang, c)),
        Scope::Front => (String::new(), String::new()),
    };
    TermView {
        key,
        name,
        url: link(&site.config, &paths::scope(lang, scope)),
    }
}

/// The card of one document, its topics and countries taken from `terms`.
pub fn card(site: &Site, l10n: &Localizer, terms: &Terms, id: DocId) -> Card {
    let cfg = &site.config;
    let doc = &site.documents[id];
    let lang = doc.lang.as_str();
    let url = site.url_of(id);
    let date = |d: Option<&PubDate>| match d {
        Some(d) => tera::Value::from_serializable(&date_view(l10n, lang, d)),
        None => tera::Value::none(),
    };
    let topics: Vec<Arc<Term>> = doc
        .topics
        .iter()
        .map(|k| terms.get(site, l10n, lang, Scope::Topic(k.clone())))
        .collect();
    let countries: Vec<Arc<Term>> = doc
        .countries
        .iter()
        .map(|c| terms.get(site, l10n, lang, Scope::Country(c.clone())))
        .collect();
    let values = |terms: &[Arc<Term>]| {
        tera::Value::from(terms.iter().map(|t| t.value.clone()).collect::<Vec<_>>())
    };
    Card {
        kind: doc.kind,
        title: doc.title.clone(),
        url: link(cfg, url),
        permalink: permalink(cfg, url),
        lang: doc.lang.clone(),
        summary: doc.summary.clone(),
        date: date(doc.date.as_ref()),
        updated: date(doc.updated.as_ref()),
        topics_value: values(&topics),
        countries_value: values(&countries),
        topics,
        countries,
        authors: doc.authors.clone(),
    }
}

fn lang_name(l10n: &Localizer, lang: &str) -> String {
    l10n.format(lang, "language-name", &[])
}

fn language<'a>(site: &'a Site, code: &str) -> &'a Language {
    site.config
        .language(code)
        .unwrap_or(&site.config.languages[0])
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
                url: link(cfg, &paths::front(&l.code)),
            })
            .collect(),
        stylesheet: link(cfg, "style.css"),
        front_url: link(cfg, &paths::front(&lang.code)),
        topics_url: link(cfg, &paths::topics(&lang.code)),
        countries_url: link(cfg, &paths::countries(&lang.code)),
        archive_url: link(cfg, &paths::archive(&lang.code)),
        feed_url: link(cfg, &paths::feed(&lang.code, &Scope::Front)),
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

/// The context every HTML page starts from.
pub fn base_context(site: &Site, l10n: &Localizer, prep: &Prepared, job: &Job) -> tera::Context {
    let cfg = &site.config;
    let lang = language(site, job_lang(site, job).unwrap_or(&cfg.default_language));
    let path = job_path(site, job).unwrap_or_else(|| paths::front(&lang.code));
    let alts = alternates(site, job);
    let xd = x_default(site, &lang.code, &path, &alts);
    let views: Vec<AlternateView<'_>> = alts
        .iter()
        .map(|a| {
            let l = language(site, &a.lang);
            AlternateView {
                lang: &l.code,
                lang_name: prep
                    .langs
                    .get(&l.code)
                    .map_or_else(|| lang_name(l10n, &l.code), |(_, _, name)| name.clone()),
                dir: l.direction.as_str(),
                href: permalink(cfg, &a.path),
                url: link(cfg, &a.path),
                title: alt_title(site, job, a),
                is_translation: a.is_translation,
            }
        })
        .collect();
    let mut ctx = tera::Context::new();
    ctx.insert("lang", &lang.code);
    ctx.insert("dir", lang.direction.as_str());
    match prep.langs.get(&lang.code) {
        Some((site_value, nav, name)) => {
            ctx.insert_value("site", site_value.clone());
            ctx.insert_value("nav_pages", nav.clone());
            ctx.insert("lang_name", name);
        }
        None => ctx.insert("site", &site_view(site, lang)),
    }
    ctx.insert("canonical", &permalink(cfg, &path));
    ctx.insert("url", &link(cfg, &path));
    ctx.insert("x_default", &permalink(cfg, &xd));
    ctx.insert("has_translations", &alts.iter().any(|a| a.is_translation));
    ctx.insert("alternates", &views);
    ctx
}

pub fn document_context(
    site: &Site,
    l10n: &Localizer,
    prep: &Prepared,
    id: DocId,
    body: String,
) -> tera::Context {
    let doc = &site.documents[id];
    let mut ctx = base_context(site, l10n, prep, &Job::Document(id));
    let view = DocView {
        card: prep.card(id),
        sources: &doc.sources,
        image: doc.image.as_ref().map(|i| ImageView {
            src: &i.src,
            alt: &i.alt,
            credit: i.credit.as_deref(),
        }),
        body,
        extra: &doc.extra,
        source_path: doc.path.to_string_lossy().replace('\\', "/"),
    };
    ctx.insert("page", &view);
    ctx.insert_value("related", prep.values(&site.related[id]));
    ctx
}

/// Groups articles (newest first) under one heading per calendar day in the site's time zone:
/// a list of `{heading, articles}`.
fn days(site: &Site, l10n: &Localizer, prep: &Prepared, lang: &str, ids: &[DocId]) -> tera::Value {
    let mut out: Vec<tera::Value> = Vec::new();
    let mut i = 0;
    while i < ids.len() {
        let Some(d) = &site.documents[ids[i]].date else {
            i += 1;
            continue;
        };
        let day = d.zoned.date();
        let mut j = i + 1;
        while j < ids.len()
            && site.documents[ids[j]]
                .date
                .as_ref()
                .is_some_and(|e| e.zoned.date() == day)
        {
            j += 1;
        }
        let midnight = PubDate {
            zoned: d.zoned.clone(),
            has_time: false,
        };
        let weekday = l10n.format(
            lang,
            &format!("weekday-{}", d.zoned.weekday().to_monday_one_offset()),
            &[],
        );
        let text = l10n.format(
            lang,
            "date-heading",
            &[
                ("weekday", Arg::Str(weekday)),
                ("date", Arg::Str(l10n.date(lang, &midnight))),
            ],
        );
        let heading = DateView {
            iso: day.to_string(),
            text,
            time: None,
            hijri: l10n.hijri(lang, &midnight),
        };
        let mut map: BTreeMap<&'static str, tera::Value> = BTreeMap::new();
        map.insert("heading", tera::Value::from_serializable(&heading));
        map.insert("articles", prep.values(&ids[i..j]));
        out.push(tera::Value::from(map));
        i = j;
    }
    tera::Value::from(out)
}

#[derive(Serialize)]
struct PageLink {
    /// `None` for a gap (…).
    number: Option<usize>,
    label: String,
    url: String,
    current: bool,
}

#[derive(Serialize)]
struct Pagination {
    current: usize,
    total: usize,
    prev: Option<String>,
    next: Option<String>,
    pages: Vec<PageLink>,
}

fn pagination(
    site: &Site,
    l10n: &Localizer,
    lang: &str,
    first: &str,
    current: usize,
    total: usize,
) -> Pagination {
    let cfg = &site.config;
    let url = |n: usize| link(cfg, &paths::page(first, n));
    let mut pages = Vec::new();
    let mut last_shown = 0;
    for n in 1..=total {
        let near = n.abs_diff(current) <= 2;
        if n == 1 || n == total || near {
            if last_shown != 0 && n > last_shown + 1 {
                pages.push(PageLink {
                    number: None,
                    label: "…".into(),
                    url: String::new(),
                    current: false,
                });
            }
            pages.push(PageLink {
                number: Some(n),
                label: l10n.number(lang, n as f64),
                url: url(n),
                current: n == current,
            });
            last_shown = n;
        }
    }
    Pagination {
        current,
        total,
        prev: (current > 1).then(|| url(current - 1)),
        next: (current < total).then(|| url(current + 1)),
        pages,
    }
}

pub fn list_context(site: &Site, l10n: &Localizer, prep: &Prepared, job: &Job) -> tera::Context {
    let mut ctx = base_context(site, l10n, prep, job);
    let Job::List { lang, scope, page } = job else {
        return ctx;
    };
    let cfg = &site.config;
    let all = site.scope_articles(lang, scope);
    let total = site.scope_pages(lang, scope);
    let slice = site.page_articles(lang, scope, *page);
    let (kind, key, name) = match scope {
        Scope::Front => ("front", String::new(), language(site, lang).title.clone()),
        Scope::Topic(k) => ("topic", k.clone(), topic_name(l10n, lang, k)),
        Scope::Country(c) => (
            "country",
            c.to_ascii_lowercase(),
            country_name(l10n, lang, c),
        ),
    };
    ctx.insert(
        "list",
        &serde_json::json!({
            "kind": kind,
            "key": key,
            "name": name,
            "count": all.len(),
            "feed_url": link(cfg, &paths::feed(lang, scope)),
        }),
    );
    ctx.insert_value("days", days(site, l10n, prep, lang, slice));
    ctx.insert(
        "pagination",
        &pagination(
            site,
            l10n,
            lang,
            &paths::scope(lang, scope),
            *page,
            total.max(1),
        ),
    );
    ctx
}

#[derive(Serialize)]
struct TermCount {
    key: String,
    name: String,
    count: usize,
    /// `None` when the term has no articles in this language (no page to link to).
    url: Option<String>,
}

pub fn topics_context(site: &Site, l10n: &Localizer, prep: &Prepared, lang: &str) -> tera::Context {
    let cfg = &site.config;
    let mut ctx = base_context(site, l10n, prep, &Job::Topics(lang.to_string()));
    let terms: Vec<TermCount> = site
        .topics
        .get(lang)
        .map(|t| {
            t.iter()
                .map(|(k, ids)| TermCount {
                    key: k.clone(),
                    name: topic_name(l10n, lang, k),
                    count: ids.len(),
                    url: (!ids.is_empty())
                        .then(|| link(cfg, &paths::scope(lang, &Scope::Topic(k.clone())))),
                })
                .collect()
        })
        .unwrap_or_default();
    ctx.insert("terms", &terms);
    ctx
}

pub fn countries_context(
    site: &Site,
    l10n: &Localizer,
    prep: &Prepared,
    lang: &str,
) -> tera::Context {
    let cfg = &site.config;
    let mut ctx = base_context(site, l10n, prep, &Job::Countries(lang.to_string()));
    let mut terms: Vec<TermCount> = site
        .countries
        .get(lang)
        .map(|c| {
            c.iter()
                .map(|(code, ids)| TermCount {
                    key: code.to_ascii_lowercase(),
                    name: country_name(l10n, lang, code),
                    count: ids.len(),
                    url: Some(link(
                        cfg,
                        &paths::scope(lang, &Scope::Country(code.clone())),
                    )),
                })
                .collect()
        })
        .unwrap_or_default();
    terms.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.key.cmp(&b.key)));
    ctx.insert("terms", &terms);
    ctx
}

fn month_name(site: &Site, l10n: &Localizer, lang: &str, year: i16, month: i8) -> String {
    // the 15th avoids time-zone edges; only the month and year are shown
    let zoned = jiff::civil::date(year, month, 15)
        .to_datetime(jiff::civil::Time::midnight())
        .to_zoned_datetime(site.config.timezone.clone());
    match zoned {
        Ok(z) => {
            let d = PubDate {
                zoned: z,
                has_time: false,
            };
            l10n.month_year(lang, &d)
        }
        Err(_) => format!("{year:04}-{month:02}"),
    }
}

pub fn month_context(site: &Site, l10n: &Localizer, prep: &Prepared, job: &Job) -> tera::Context {
    let mut ctx = base_context(site, l10n, prep, job);
    let Job::Month { lang, year, month } = job else {
        return ctx;
    };
    let ids = site.month_articles(lang, *year, *month);
    ctx.insert("month", &serde_json::json!({"name": month_name(site, l10n, lang, *year, *month), "count": ids.len(), "year": year, "month": month}));
    ctx.insert_value("days", days(site, l10n, prep, lang, ids));
    ctx
}

pub fn archive_context(
    site: &Site,
    l10n: &Localizer,
    prep: &Prepared,
    lang: &str,
) -> tera::Context {
    let cfg = &site.config;
    let mut ctx = base_context(site, l10n, prep, &Job::Archive(lang.to_string()));
    let months: Vec<serde_json::Value> = site
        .months
        .get(lang)
        .map(|m: &BTreeMap<(i16, i8), Vec<DocId>>| {
            m.iter()
                .rev()
                .map(|(&(y, mo), ids)| {
                    serde_json::json!({
                        "year": y,
                        "month": mo,
                        "name": month_name(site, l10n, lang, y, mo),
                        "count": ids.len(),
                        "url": link(cfg, &paths::month(lang, y, mo)),
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    ctx.insert("months", &months);
    ctx
}

/// The context of a page that is for every language at once (the root redirect, the 404 page):
/// the default language's `lang`, `dir` and `site`, and every language's front page.
fn every_language_context(site: &Site) -> (tera::Context, Vec<serde_json::Value>) {
    let cfg = &site.config;
    let default = language(site, &cfg.default_language);
    let mut ctx = tera::Context::new();
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

/// `root.html`: sends visitors to the default language; `alternates` lists every front page.
pub fn root_context(site: &Site) -> tera::Context {
    let cfg = &site.config;
    let (mut ctx, fronts) = every_language_context(site);
    let front = paths::front(&cfg.default_language);
    ctx.insert("target", &link(cfg, &front));
    ctx.insert("canonical", &permalink(cfg, &front));
    ctx.insert("x_default", &permalink(cfg, &front));
    ctx.insert("alternates", &fronts);
    ctx
}

/// `404.html` shows every language: `sections` has one entry per language.
pub fn not_found_context(site: &Site) -> tera::Context {
    let (mut ctx, fronts) = every_language_context(site);
    ctx.insert("sections", &fronts);
    ctx
}
