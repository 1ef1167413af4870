//! Stage 4: the site model — plain data that rendering only reads.
//!
//! [`build`] takes the loaded documents and works out, once: each document's URL, which
//! documents are translations of each other (by path or `translation_key`), the articles of each
//! language newest first, and which assets go beside which pages. Conflicts are found here, not
//! while rendering: two files claiming one URL, two files of one language claiming one
//! translation. Relations are indexes into [`Site::documents`] ([`DocId`]), not references.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use crate::config::Config;
use crate::content::{Asset, Content, Document, Kind};
use crate::diagnostics::{Diagnostic, Diagnostics};

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
];

#[derive(Debug)]
pub struct Site {
    pub config: Config,
    /// Sorted by path, so ids are stable between runs.
    pub documents: Vec<Document>,
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
}

impl Site {
    pub fn url_of(&self, id: DocId) -> &str {
        &self.urls[id]
    }
}

/// The URL path of a document (without base path).
pub fn url_for(doc: &Document) -> String {
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

pub fn build(config: Config, content: Content, diags: &Diagnostics) -> Site {
    let mut documents = content.documents;
    documents.sort_by(|a, b| a.path.cmp(&b.path));

    // URLs, and files claiming the same one.
    let mut urls = Vec::with_capacity(documents.len());
    let mut owner: HashMap<String, DocId> = HashMap::with_capacity(documents.len());
    let mut dropped = vec![false; documents.len()];
    for (id, doc) in documents.iter().enumerate() {
        let url = url_for(doc);
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
        match owner.get(&url) {
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
                owner.insert(url.clone(), id);
            }
        }
        urls.push(url);
    }

    // Translations: group by key; one document per language per key.
    let mut groups: BTreeMap<&str, Vec<DocId>> = BTreeMap::new();
    for (id, doc) in documents.iter().enumerate() {
        if !dropped[id] {
            groups
                .entry(doc.translation_key.as_str())
                .or_default()
                .push(id);
        }
    }
    let lang_rank = |code: &str| {
        config
            .languages
            .iter()
            .position(|l| l.code == code)
            .unwrap_or(usize::MAX)
    };
    let mut translations = vec![Vec::new(); documents.len()];
    for ids in groups.values() {
        let mut by_lang: BTreeMap<usize, DocId> = BTreeMap::new();
        for &id in ids {
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
    for list in articles.values_mut() {
        list.sort_by(|&a, &b| {
            let ta = documents[a].date.as_ref().map(|d| d.timestamp());
            let tb = documents[b].date.as_ref().map(|d| d.timestamp());
            tb.cmp(&ta).then_with(|| urls[a].cmp(&urls[b]))
        });
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

    Site {
        config,
        documents,
        urls,
        translations,
        articles,
        pages,
        assets,
    }
}
