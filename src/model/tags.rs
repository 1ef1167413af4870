//! Free tags in the site model: per language, each tag (by slug) with its name and its articles,
//! newest first. A tag's pages and feed are `/LANG/tags/SLUG/`; `/LANG/tags/` lists them all.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::{DocId, Site};
use crate::content::Document;

/// One tag's articles in one language.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TagList {
    /// The tag as its newest article writes it.
    pub name: String,
    /// Newest first.
    pub ids: Vec<DocId>,
}

/// Per language: every tag of its articles, by slug.
pub(super) fn tags(
    documents: &[Arc<Document>],
    articles: &BTreeMap<String, Vec<DocId>>,
) -> BTreeMap<String, BTreeMap<String, TagList>> {
    articles
        .iter()
        .map(|(lang, ids)| {
            let mut m: BTreeMap<String, TagList> = BTreeMap::new();
            for &id in ids {
                for t in &documents[id].tags {
                    match m.get_mut(&t.slug) {
                        Some(list) => list.ids.push(id),
                        None => {
                            m.insert(
                                t.slug.clone(),
                                TagList {
                                    name: t.name.clone(),
                                    ids: vec![id],
                                },
                            );
                        }
                    }
                }
            }
            (lang.clone(), m)
        })
        .collect()
}

impl Site {
    /// The articles of one tag (by slug) in one language (empty if none).
    pub fn tag_articles(&self, lang: &str, slug: &str) -> &[DocId] {
        self.tags
            .get(lang)
            .and_then(|t| t.get(slug))
            .map_or(&[], |t| t.ids.as_slice())
    }

    /// A tag's name in a language: as its newest article there writes it, else as any
    /// language's does, else the slug.
    pub fn tag_name(&self, lang: &str, slug: &str) -> String {
        self.tags
            .get(lang)
            .and_then(|t| t.get(slug))
            .or_else(|| self.tags.values().find_map(|t| t.get(slug)))
            .map_or_else(|| slug.to_string(), |t| t.name.clone())
    }

    /// Whether a language has any tag (and so a `/LANG/tags/` page).
    pub fn has_tags(&self, lang: &str) -> bool {
        self.tags.get(lang).is_some_and(|t| !t.is_empty())
    }
}
