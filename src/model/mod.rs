//! Stage 4: the site model — plain data that rendering only reads.
//!
//! [`build`] takes the loaded documents and works out, once: each document's URL, which
//! documents are translations of each other (by path or `translation_key`), the articles of each
//! language newest first, and which assets go beside which pages. Conflicts are found here, not
//! while rendering: two files claiming one URL, two files of one language claiming one
//! translation. Relations are indexes into [`Site::documents`] ([`DocId`]), not references.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::Arc;

use crate::config::Config;
use crate::content::dates::PubDate;
use crate::content::{Asset, Content, Document, Kind};

pub mod newsroom;
pub mod paths;
mod related;
pub mod tags;
use crate::diagnostics::{Diagnostic, Diagnostics};
pub use newsroom::{Byline, Redirect};

/// Index of a document in [`Site::documents`].
pub type DocId = usize;

/// Slugs a standalone page may not take: they are the site's own sections.
pub const RESERVED_SLUGS: &[&str] = &[
    "topics",
    "countries",
    "archive",
    "page",
    "feed.xml",
    "index.html",
    "authors",
    "corrections",
    "search",
    "tags",
];

#[derive(Debug)]
pub struct Site {
    /// Each document by its path under `content/` (`2025/11/summit.en.md`), for links written
    /// to other Markdown files.
    pub by_path: std::collections::HashMap<String, DocId>,
    /// Documents left out by the publication rules (drafts, embargoed, expired), by the same
    /// paths: links to them are shown as text.
    pub held_paths: std::collections::BTreeSet<String>,
    pub config: Config,
    /// Sorted by path, so ids are stable between runs.
    pub documents: Vec<Arc<Document>>,
    /// Site-relative URL path of each document, e.g. `ar/2025/11/csto-summit/` (no leading `/`,
    /// not percent-encoded).
    pub urls: Vec<String>,
    /// For each document, its translations in the order of the configured languages.
    pub translations: Vec<Vec<DocId>>,
    /// Articles of each language, newest first (ties by URL).
    pub articles: BTreeMap<String, Vec<DocId>>,
    /// Standalone pages of each language, by title.
    pub pages: BTreeMap<String, Vec<DocId>>,
    /// Assets and the documents beside whose pages they are copied.
    pub assets: Vec<(Asset, Vec<DocId>)>,
    /// Where each content file is published and the renditions of each picture (filled by the
    /// media stage after the model is built; empty until then).
    pub media: Arc<crate::media::Catalog>,
    /// Per language: every declared topic (in site.toml order) with its articles, newest first.
    pub topics: BTreeMap<String, Vec<(String, Vec<DocId>)>>,
    /// Per language: countries that have articles (by code), with their articles, newest first.
    pub countries: BTreeMap<String, BTreeMap<String, Vec<DocId>>>,
    /// Per language: months `(year, month)` with their articles, newest first.
    pub months: BTreeMap<String, BTreeMap<(i16, i8), Vec<DocId>>>,
    /// For each article: up to [`RELATED`] related articles of its language.
    pub related: Vec<Vec<DocId>>,
    /// The build time (what "the last 48 hours" of the news sitemap count from).
    pub now: jiff::Timestamp,
    /// Every alias of every published document, by old path.
    pub redirects: Vec<Redirect>,
    /// Every alert of `alerts.toml`, shown or not at `now` ([`Site::alerts_at_now`]).
    pub alerts: Vec<crate::alerts::Alert>,
    /// What `authors.toml` says about the writers.
    pub author_data: crate::authors::Authors,
    /// For each document, its bylines with the author each names.
    pub bylines: Vec<Vec<Byline>>,
    /// Per language: authors (by key) with their articles, newest first.
    pub authors: BTreeMap<String, BTreeMap<String, Vec<DocId>>>,
    /// Per language: articles with corrections, the most recently corrected first.
    pub corrections: BTreeMap<String, Vec<DocId>>,
    /// Per language: free tags (by slug) with their articles, newest first.
    pub tags: BTreeMap<String, BTreeMap<String, tags::TagList>>,
}

/// How many related articles an article lists.
pub const RELATED: usize = 5;
/// How far, in each shared topic or country list, related articles are looked for on either
/// side of the article (keeps the work linear in the number of articles).
pub const RELATED_WINDOW: usize = 40;

/// A document's path (`content/2025/11/x.en.md`) as its key in [`Site::by_path`]: under
/// `content/`, `/`-separated, in NFC (as [`crate::media::resolve`] writes references).
pub fn content_path(path: &std::path::Path) -> String {
    use unicode_normalization::UnicodeNormalization;
    let rel = path.strip_prefix("content").unwrap_or(path);
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/").nfc().collect()
}

impl Site {
    /// The alerts of `lang` shown at the build time, in the order `alerts.toml` lists them.
    pub fn alerts_at_now(&self, lang: &str) -> Vec<&crate::alerts::Alert> {
        self.alerts
            .iter()
            .filter(|a| a.lang == lang && a.shows_at(self.now))
            .collect()
    }

    pub fn url_of(&self, id: DocId) -> &str {
        &self.urls[id]
    }

    /// The articles of one topic in one language (empty if none).
    pub fn topic_articles(&self, lang: &str, key: &str) -> &[DocId] {
        self.topics
            .get(lang)
            .and_then(|t| t.iter().find(|(k, _)| k == key))
            .map_or(&[], |(_, ids)| ids.as_slice())
    }

    /// The articles of one country (upper-case code) in one language (empty if none).
    pub fn country_articles(&self, lang: &str, code: &str) -> &[DocId] {
        self.countries
            .get(lang)
            .and_then(|c| c.get(code))
            .map_or(&[], Vec::as_slice)
    }

    /// The articles of one month in one language (empty if none).
    pub fn month_articles(&self, lang: &str, year: i16, month: i8) -> &[DocId] {
        self.months
            .get(lang)
            .and_then(|m| m.get(&(year, month)))
            .map_or(&[], Vec::as_slice)
    }
}

/// The URL path of a document (without base path): `/LANG/YYYY/MM/SLUG/` for an article, or
/// with `urls = "path"` `/LANG/FOLDERS/SLUG/` (its folders under `content/`, each slugged; a
/// folder article's own folder is its slug); `/LANG/SLUG/` for a page.
pub fn url_for(doc: &Document, path_urls: bool) -> String {
    if path_urls && doc.kind == Kind::Article {
        let mut folder = doc.folder.as_path();
        if doc
            .path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with("index."))
        {
            folder = folder.parent().unwrap_or(folder);
        }
        let mut out = format!("{}/", doc.lang);
        for part in folder.components() {
            let s = crate::content::slug::slugify(&part.as_os_str().to_string_lossy());
            if !s.is_empty() {
                out.push_str(&s);
                out.push('/');
            }
        }
        out.push_str(&doc.slug);
        out.push('/');
        return out;
    }
    match (doc.kind, &doc.date) {
        (Kind::Article, Some(d)) => format!(
            "{}/{:04}/{:02}/{}/",
            doc.lang,
            d.zoned.year(),
            d.zoned.month(),
            doc.slug
        ),
        _ => format!("{}/{}/", doc.lang, doc.slug),
    }
}

/// The site model of `content`, without authors.toml (tests and tools).
pub fn build(config: Config, content: Content, diags: &Diagnostics) -> Site {
    build_with(config, content, Default::default(), diags, None)
}

/// The site model, with what authors.toml says about the writers, reusing the related-article
/// lists of a previous model when the caller knows they cannot have changed (same documents,
/// same dates, topics and countries).
pub fn build_with(
    config: Config,
    content: Content,
    author_data: crate::authors::Authors,
    diags: &Diagnostics,
    related: Option<Vec<Vec<DocId>>>,
) -> Site {
    let held_paths = content.held.paths.clone();
    let mut documents = content.documents;
    documents.sort_by(|a, b| a.path.cmp(&b.path));

    // URLs, and files claiming the same one.
    let urls: Vec<String> = {
        use rayon::prelude::*;
        let path_urls = config.path_urls;
        documents
            .par_iter()
            .map(|d| url_for(d, path_urls))
            .collect()
    };
    let mut owner: HashMap<&str, DocId> = HashMap::with_capacity(documents.len());
    let mut dropped = vec![false; documents.len()];
    for (id, doc) in documents.iter().enumerate() {
        let url = urls[id].as_str();
        if doc.kind == Kind::Page
            && (RESERVED_SLUGS.contains(&doc.slug.as_str())
                || doc.slug.chars().all(|c| c.is_ascii_digit()))
        {
            diags.push(
                Diagnostic::error(
                    "reserved-url",
                    format!(
                        "the page slug `{}` is reserved for the site's own pages",
                        doc.slug
                    ),
                )
                .in_file(&doc.path)
                .at(doc.url_pos)
                .help("choose another `slug:`"),
            );
            dropped[id] = true;
        }
        let first_segment = url.split('/').nth(1).unwrap_or_default();
        if config.path_urls && doc.kind == Kind::Article && RESERVED_SLUGS.contains(&first_segment)
        {
            diags.push(
                Diagnostic::error(
                    "reserved-url",
                    format!(
                        "with urls = \"path\", the folder `{first_segment}` would put this article at `/{url}`, among the site's own pages"
                    ),
                )
                .in_file(&doc.path)
                .at(doc.url_pos)
                .help("move the article to another folder, or rename the folder"),
            );
            dropped[id] = true;
        }
        match owner.get(url) {
            Some(&first) => {
                diags.push(
                    Diagnostic::error(
                        "duplicate-url",
                        format!(
                            "`/{url}` is claimed by two files: this one and {}",
                            documents[first].path.display()
                        ),
                    )
                    .in_file(&doc.path)
                    .at(doc.url_pos)
                    .help("give one of them another `slug:` (or another date)"),
                );
                dropped[id] = true;
            }
            None => {
                owner.insert(url, id);
            }
        }
    }
    drop(owner);

    // Translations: group by key; one document per language per key.
    // (sorting pairs: documents come sorted by path, so translations are mostly neighbours)
    let mut keyed: Vec<(&str, DocId)> = documents
        .iter()
        .enumerate()
        .filter(|&(id, _)| !dropped[id])
        .map(|(id, doc)| (doc.translation_key.as_str(), id))
        .collect();
    keyed.sort_unstable();
    let groups = keyed
        .chunk_by(|a, b| a.0 == b.0)
        .map(|run| run.iter().map(|&(_, id)| id).collect::<Vec<DocId>>());
    let lang_rank = |code: &str| {
        config
            .languages
            .iter()
            .position(|l| l.code == code)
            .unwrap_or(usize::MAX)
    };
    let mut translations = vec![Vec::new(); documents.len()];
    for ids in groups {
        let mut by_lang: BTreeMap<usize, DocId> = BTreeMap::new();
        for id in ids {
            let doc = &documents[id];
            match by_lang.get(&lang_rank(&doc.lang)) {
                Some(&first) => {
                    let key = doc
                        .translation_key
                        .split_once(':')
                        .map_or(doc.translation_key.as_str(), |(_, k)| k);
                    diags.push(
                        Diagnostic::error(
                            "duplicate-translation",
                            format!(
                                "two `{}` files are versions of `{key}`: this one and {}",
                                doc.lang,
                                documents[first].path.display()
                            ),
                        )
                        .in_file(&doc.path)
                        .at(doc.url_pos)
                        .help("a `translation_key` must link at most one file per language"),
                    );
                }
                None => {
                    by_lang.insert(lang_rank(&doc.lang), id);
                }
            }
        }
        let members: Vec<DocId> = by_lang.values().copied().collect();
        for &id in &members {
            translations[id] = members.iter().copied().filter(|&o| o != id).collect();
        }
    }

    let mut articles: BTreeMap<String, Vec<DocId>> = BTreeMap::new();
    let mut pages: BTreeMap<String, Vec<DocId>> = BTreeMap::new();
    for l in &config.languages {
        articles.insert(l.code.clone(), Vec::new());
        pages.insert(l.code.clone(), Vec::new());
    }
    for (id, doc) in documents.iter().enumerate() {
        if dropped[id] {
            continue;
        }
        let list = match doc.kind {
            Kind::Article => articles.entry(doc.lang.clone()).or_default(),
            Kind::Page => pages.entry(doc.lang.clone()).or_default(),
        };
        list.push(id);
    }
    // newest first; the URL orders articles of the same second
    let time: Vec<Option<jiff::Timestamp>> = documents
        .iter()
        .map(|d| d.date.as_ref().map(|d| d.timestamp()))
        .collect();
    for list in articles.values_mut() {
        list.sort_unstable_by(|&a, &b| time[b].cmp(&time[a]).then_with(|| urls[a].cmp(&urls[b])));
    }
    for list in pages.values_mut() {
        list.sort_by(|&a, &b| {
            documents[a]
                .title
                .cmp(&documents[b].title)
                .then_with(|| urls[a].cmp(&urls[b]))
        });
    }

    // Assets go beside every page whose file is in the same folder.
    let mut by_folder: HashMap<&PathBuf, Vec<DocId>> = HashMap::new();
    for (id, doc) in documents.iter().enumerate() {
        if !dropped[id] {
            by_folder.entry(&doc.folder).or_default().push(id);
        }
    }
    let assets = content
        .assets
        .into_iter()
        .map(|a| {
            let owners = by_folder.get(&a.folder).cloned().unwrap_or_default();
            (a, owners)
        })
        .collect();

    // Taxonomies and archives, from the sorted article lists (so each list is newest first).
    // (one language per worker)
    type Lists = (
        Vec<(String, Vec<DocId>)>,
        BTreeMap<String, Vec<DocId>>,
        BTreeMap<(i16, i8), Vec<DocId>>,
    );
    let per_lang: Vec<(&String, Lists)> = {
        use rayon::prelude::*;
        let langs: Vec<(&String, &Vec<DocId>)> = articles.iter().collect();
        langs
            .into_par_iter()
            .map(|(lang, ids)| {
                let mut by_topic: Vec<(String, Vec<DocId>)> = config
                    .topics
                    .iter()
                    .map(|t| (t.clone(), Vec::new()))
                    .collect();
                let mut by_country: BTreeMap<String, Vec<DocId>> = BTreeMap::new();
                let mut by_month: BTreeMap<(i16, i8), Vec<DocId>> = BTreeMap::new();
                for &id in ids {
                    let doc = &documents[id];
                    for t in &doc.topics {
                        if let Some((_, list)) = by_topic.iter_mut().find(|(k, _)| k == t) {
                            list.push(id);
                        }
                    }
                    for c in &doc.countries {
                        match by_country.get_mut(c) {
                            Some(list) => list.push(id),
                            None => {
                                by_country.insert(c.clone(), vec![id]);
                            }
                        }
                    }
                    if let Some(d) = &doc.date {
                        by_month
                            .entry((d.zoned.year(), d.zoned.month()))
                            .or_default()
                            .push(id);
                    }
                }
                (lang, (by_topic, by_country, by_month))
            })
            .collect()
    };
    let mut topics = BTreeMap::new();
    let mut countries: BTreeMap<String, BTreeMap<String, Vec<DocId>>> = BTreeMap::new();
    let mut months: BTreeMap<String, BTreeMap<(i16, i8), Vec<DocId>>> = BTreeMap::new();
    for (lang, (by_topic, by_country, by_month)) in per_lang {
        topics.insert(lang.clone(), by_topic);
        countries.insert(lang.clone(), by_country);
        months.insert(lang.clone(), by_month);
    }

    let tags = tags::tags(&documents, &articles);
    let related = match related {
        Some(r) if r.len() == documents.len() => r,
        _ => related::related_articles(&documents, &articles, &topics, &countries, &tags),
    };

    let redirects = newsroom::redirects(&documents, &urls, &dropped, diags);
    let corrections = newsroom::corrections(&documents, &articles);

    let bylines: Vec<Vec<Byline>> = documents
        .iter()
        .map(|d| {
            d.authors
                .iter()
                .map(|a| Byline {
                    key: Some(author_data.key_of(a)).filter(|k| !k.is_empty()),
                    written: a.clone(),
                })
                .collect()
        })
        .collect();
    let authors = newsroom::authors(&articles, &bylines);

    let by_path = documents
        .iter()
        .enumerate()
        .map(|(id, d)| (content_path(&d.path), id))
        .collect();
    Site {
        by_path,
        held_paths,
        now: content.now.unwrap_or_else(jiff::Timestamp::now),
        alerts: Vec::new(),
        redirects,
        author_data,
        bylines,
        authors,
        corrections,
        tags,
        config,
        documents,
        urls,
        translations,
        articles,
        pages,
        assets,
        media: Arc::default(),
        topics,
        countries,
        months,
        related,
    }
}

/// Which article list a page shows.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Scope {
    /// The language's front page: all articles.
    Front,
    /// One topic (key).
    Topic(String),
    /// One country (upper-case code).
    Country(String),
    /// One author (key).
    Author(String),
    /// One free tag (slug).
    Tag(String),
}

impl Site {
    /// The articles a scope lists in a language, newest first.
    pub fn scope_articles(&self, lang: &str, scope: &Scope) -> &[DocId] {
        match scope {
            Scope::Front => self.articles.get(lang).map_or(&[], Vec::as_slice),
            Scope::Topic(k) => self.topic_articles(lang, k),
            Scope::Country(c) => self.country_articles(lang, c),
            Scope::Author(k) => self.author_articles(lang, k),
            Scope::Tag(k) => self.tag_articles(lang, k),
        }
    }

    /// The articles on page `page` (1-based) of a scope's list.
    pub fn page_articles(&self, lang: &str, scope: &Scope, page: usize) -> &[DocId] {
        let all = self.scope_articles(lang, scope);
        let per = self.config.paginate_by;
        let start = page.saturating_sub(1) * per;
        all.get(start..(start + per).min(all.len())).unwrap_or(&[])
    }

    /// The lists that have pages (and a feed) in a language: the front page, every topic with
    /// articles, every country with articles.
    pub fn scopes(&self, lang: &str) -> Vec<Scope> {
        let mut scopes = vec![Scope::Front];
        scopes.extend(
            self.topics
                .get(lang)
                .into_iter()
                .flatten()
                .filter(|(_, ids)| !ids.is_empty())
                .map(|(k, _)| Scope::Topic(k.clone())),
        );
        scopes.extend(
            self.countries
                .get(lang)
                .into_iter()
                .flatten()
                .map(|(c, _)| Scope::Country(c.clone())),
        );
        scopes.extend(
            self.authors
                .get(lang)
                .into_iter()
                .flatten()
                .map(|(k, _)| Scope::Author(k.clone())),
        );
        scopes.extend(
            self.tags
                .get(lang)
                .into_iter()
                .flatten()
                .map(|(k, _)| Scope::Tag(k.clone())),
        );
        scopes
    }

    /// The articles a scope's feed carries: its newest `feed_entries`.
    pub fn feed_articles(&self, lang: &str, scope: &Scope) -> &[DocId] {
        let all = self.scope_articles(lang, scope);
        &all[..all.len().min(self.config.feed_entries)]
    }

    /// The latest `updated` (or `date`) among `ids`.
    pub fn last_change(&self, ids: &[DocId]) -> Option<&PubDate> {
        ids.iter()
            .filter_map(|&id| self.documents[id].last_change())
            .max_by_key(|p| p.timestamp())
    }

    /// How many list pages a scope has in a language: 0 when it has no page there (a topic or
    /// country without articles in that language); the front page always has at least one.
    pub fn scope_pages(&self, lang: &str, scope: &Scope) -> usize {
        let n = self.scope_articles(lang, scope).len();
        match scope {
            Scope::Front => n.div_ceil(self.config.paginate_by).max(1),
            _ => n.div_ceil(self.config.paginate_by),
        }
    }
}
