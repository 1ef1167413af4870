//! Related articles: for each article, the articles of its language that share the most topics,
//! countries and tags with it, looked for near it in each list (linear in the number of articles).

use std::collections::BTreeMap;
use std::sync::Arc;

use super::{tags, DocId, RELATED, RELATED_WINDOW};
use crate::content::{Document, Kind};

/// Up to [`RELATED`] articles of the same language sharing the most topics, countries and tags
/// with each article, newest first among equals. Candidates are the [`RELATED_WINDOW`] neighbours on
/// each side of the article in each of its topic and country lists, so the work grows linearly
/// and related stories come from around the same time.
pub(super) fn related_articles(
    documents: &[Arc<Document>],
    articles: &BTreeMap<String, Vec<DocId>>,
    topics: &BTreeMap<String, Vec<(String, Vec<DocId>)>>,
    countries: &BTreeMap<String, BTreeMap<String, Vec<DocId>>>,
    tags: &BTreeMap<String, BTreeMap<String, tags::TagList>>,
) -> Vec<Vec<DocId>> {
    use rayon::prelude::*;
    // position of every article in its language's newest-first list
    let mut rank = vec![usize::MAX; documents.len()];
    for ids in articles.values() {
        for (i, &id) in ids.iter().enumerate() {
            rank[id] = i;
        }
    }
    // position of every article inside each term list it belongs to
    let mut lists: Vec<&[DocId]> = Vec::new();
    let mut memberships: Vec<Vec<(usize, usize)>> = vec![Vec::new(); documents.len()];
    let term_lists = topics
        .values()
        .flat_map(|t| t.iter().map(|(_, ids)| ids.as_slice()))
        .chain(
            countries
                .values()
                .flat_map(|c| c.values().map(Vec::as_slice)),
        )
        .chain(
            tags.values()
                .flat_map(|t| t.values().map(|l| l.ids.as_slice())),
        );
    for ids in term_lists {
        let li = lists.len();
        lists.push(ids);
        for (pos, &id) in ids.iter().enumerate() {
            memberships[id].push((li, pos));
        }
    }
    // Each worker counts shared lists in its own array indexed by document (a byte per document:
    // no sorting, no hashing), then keeps the best RELATED of the candidates it touched.
    (0..documents.len())
        .into_par_iter()
        .map_init(
            || (vec![0u8; documents.len()], Vec::new()),
            |(count, touched), id| {
                if documents[id].kind != Kind::Article || memberships[id].is_empty() {
                    return Vec::new();
                }
                for &(li, pos) in &memberships[id] {
                    let list = lists[li];
                    let lo = pos.saturating_sub(RELATED_WINDOW);
                    let hi = (pos + RELATED_WINDOW + 1).min(list.len());
                    for &o in &list[lo..hi] {
                        if o != id {
                            if count[o] == 0 {
                                touched.push(o);
                            }
                            count[o] = count[o].saturating_add(1);
                        }
                    }
                }
                // most shared lists first, then newest (lowest rank); ranks are unique in a
                // language, so the order is total and the result deterministic
                let mut best: Vec<(u8, usize, DocId)> = Vec::with_capacity(RELATED + 1);
                let better = |a: &(u8, usize, DocId), b: &(u8, usize, DocId)| {
                    a.0 > b.0 || (a.0 == b.0 && a.1 < b.1)
                };
                for &o in touched.iter() {
                    let c = (count[o], rank[o], o);
                    count[o] = 0;
                    if best.len() == RELATED && !better(&c, &best[RELATED - 1]) {
                        continue;
                    }
                    let at = best
                        .iter()
                        .position(|b| better(&c, b))
                        .unwrap_or(best.len());
                    best.insert(at, c);
                    best.truncate(RELATED);
                }
                touched.clear();
                best.iter().map(|&(_, _, o)| o).collect()
            },
        )
        .collect()
}
