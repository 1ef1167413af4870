//! The newsroom parts of the site model: bylines and their authors, aliases (redirects), and
//! corrected articles. Built by [`super::build_with`] with the rest of the model.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use super::{DocId, Site};
use crate::content::Document;
use crate::diagnostics::{Diagnostic, Diagnostics};

/// One name of a document's `authors`, and the author (page) it stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Byline {
    /// The author's key (their page `/LANG/authors/KEY/`); `None` when the name gives no slug.
    pub key: Option<String>,
    /// The name as the front matter writes it.
    pub written: String,
}

/// An old URL that sends readers to a document's page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Redirect {
    pub alias: crate::content::newsroom::Alias,
    pub target: DocId,
}

/// Per language: each author's articles, newest first.
pub(super) fn authors(
    articles: &BTreeMap<String, Vec<DocId>>,
    bylines: &[Vec<Byline>],
) -> BTreeMap<String, BTreeMap<String, Vec<DocId>>> {
    articles
        .iter()
        .map(|(lang, ids)| {
            let mut m: BTreeMap<String, Vec<DocId>> = BTreeMap::new();
            for &id in ids {
                for k in bylines[id].iter().filter_map(|b| b.key.as_ref()) {
                    let list = m.entry(k.clone()).or_default();
                    if list.last() != Some(&id) {
                        list.push(id);
                    }
                }
            }
            (lang.clone(), m)
        })
        .collect()
}

/// Every alias, checked: an alias may not be another page's URL or another document's alias.
pub(super) fn redirects(
    documents: &[Arc<Document>],
    urls: &[String],
    dropped: &[bool],
    diags: &Diagnostics,
) -> Vec<Redirect> {
    let pages: HashMap<&str, DocId> = urls
        .iter()
        .enumerate()
        .filter(|&(i, _)| !dropped[i])
        .map(|(i, u)| (u.as_str(), i))
        .collect();
    let mut seen: HashMap<String, DocId> = HashMap::new();
    let mut out = Vec::new();
    for (id, doc) in documents.iter().enumerate() {
        if dropped[id] {
            continue;
        }
        for alias in &doc.aliases {
            let clash = |what: String| {
                Diagnostic::error(
                    "alias-collision",
                    format!("the alias `/{}` is {what}", alias.from),
                )
                .in_file(&doc.path)
                .at(alias.pos)
                .help("an old address can send readers to one page only; remove one of the two")
            };
            if let Some(&p) = pages.get(alias.from.as_str()) {
                let what = if p == id {
                    "this article's own address".to_string()
                } else {
                    format!("the address of {}", documents[p].path.display())
                };
                diags.push(clash(what));
                continue;
            }
            match seen.get(&alias.from) {
                Some(&o) if o != id => {
                    diags.push(clash(format!(
                        "also an alias of {}",
                        documents[o].path.display()
                    )));
                }
                Some(_) => {}
                None => {
                    seen.insert(alias.from.clone(), id);
                    out.push(Redirect {
                        alias: alias.clone(),
                        target: id,
                    });
                }
            }
        }
    }
    out.sort_by(|a, b| a.alias.from.cmp(&b.alias.from));
    out
}

/// Per language, the articles with corrections, the most recently corrected first.
pub(super) fn corrections(
    documents: &[Arc<Document>],
    articles: &BTreeMap<String, Vec<DocId>>,
) -> BTreeMap<String, Vec<DocId>> {
    articles
        .iter()
        .map(|(lang, ids)| {
            let mut with: Vec<DocId> = ids
                .iter()
                .copied()
                .filter(|&i| !documents[i].corrections.is_empty())
                .collect();
            let last = |i: DocId| documents[i].corrections.last().map(|c| c.date.timestamp());
            // `ids` is newest first, and the sort is stable
            with.sort_by_key(|&b| std::cmp::Reverse(last(b)));
            (lang.clone(), with)
        })
        .collect()
}

impl Site {
    /// The name a byline shows in a language: authors.toml's, else as written.
    pub fn byline_name<'a>(&'a self, lang: &str, b: &'a Byline) -> &'a str {
        b.key
            .as_ref()
            .and_then(|k| self.author_data.get(k))
            .and_then(|a| a.names.get(lang))
            .map_or(b.written.as_str(), String::as_str)
    }

    /// The articles of one author in one language (empty if none).
    pub fn author_articles(&self, lang: &str, key: &str) -> &[DocId] {
        self.authors
            .get(lang)
            .and_then(|a| a.get(key))
            .map_or(&[], Vec::as_slice)
    }

    /// An author's name in a language: from authors.toml, else the byline of their newest
    /// article in that language, else in any language.
    pub fn author_name(&self, lang: &str, key: &str) -> String {
        if let Some(n) = self.author_data.get(key).and_then(|a| a.names.get(lang)) {
            return n.clone();
        }
        let written = |id: DocId| {
            self.bylines[id]
                .iter()
                .find(|b| b.key.as_deref() == Some(key))
                .map(|b| b.written.clone())
        };
        if let Some(n) = self
            .author_articles(lang, key)
            .first()
            .and_then(|&i| written(i))
        {
            return n;
        }
        self.authors
            .values()
            .find_map(|m| {
                m.get(key)
                    .and_then(|ids| ids.first())
                    .and_then(|&i| written(i))
            })
            .unwrap_or_else(|| key.to_string())
    }
}
