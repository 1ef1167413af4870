//! Which pages one change to the content touches: [`affected`] compares the models before and
//! after a change (by document path) and says what to render again and what to delete;
//! [`same_shape`] and [`same_place`] say when work of the previous build can be reused.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::content;
use crate::model::{DocId, Scope, Site};
use crate::render::{self, view, Job};

/// True when no document was added or removed and no changed document moved in time, language,
/// kind, topics or countries: the related-article lists are then the same as before.
pub(super) fn same_shape(
    old: &Site,
    new_docs: &[Arc<content::Document>],
    changed: &BTreeSet<PathBuf>,
) -> bool {
    if old.documents.len() != new_docs.len() {
        return false;
    }
    let mut sorted: Vec<&Arc<content::Document>> = new_docs.iter().collect();
    sorted.sort_by(|a, b| a.path.cmp(&b.path));
    old.documents
        .iter()
        .zip(sorted)
        .all(|(o, n)| o.path == n.path && (!changed.contains(&n.path) || same_place(o, n)))
}

/// Whether two versions of a document sit in the same place in the site: same language, kind,
/// date, topics, countries, slug and translation key (so the same URL, lists and related
/// articles).
pub(super) fn same_place(o: &content::Document, n: &content::Document) -> bool {
    o.lang == n.lang
        && o.kind == n.kind
        && o.date == n.date
        && o.topics == n.topics
        && o.countries == n.countries
        && o.tags == n.tags
        && o.slug == n.slug
        && o.translation_key == n.translation_key
        && o.authors == n.authors
        && o.aliases == n.aliases
        && o.expires == n.expires
        && o.corrections == n.corrections
}

pub(super) struct Plan {
    pub render: Vec<Job>,
    /// Output files (or page folders, `true`) that no longer exist.
    pub remove: Vec<(String, bool)>,
}

/// Which scopes and months exist in which language, and how many pages each has: when this
/// changes, switchers and hreflang links of list and month pages may change.
fn shape(site: &Site) -> BTreeMap<(String, u8, String), usize> {
    let mut m = BTreeMap::new();
    for l in site.config.language_codes() {
        m.insert(
            (l.to_string(), 0, String::new()),
            site.scope_pages(l, &Scope::Front),
        );
        for (k, ids) in site.topics.get(l).into_iter().flatten() {
            m.insert(
                (l.to_string(), 1, k.clone()),
                site.scope_pages(l, &Scope::Topic(k.clone()))
                    .max(usize::from(!ids.is_empty())),
            );
        }
        for c in site.countries.get(l).into_iter().flat_map(|c| c.keys()) {
            m.insert(
                (l.to_string(), 2, c.clone()),
                site.scope_pages(l, &Scope::Country(c.clone())),
            );
        }
        for (y, mo) in site.months.get(l).into_iter().flat_map(|m| m.keys()) {
            m.insert((l.to_string(), 3, format!("{y:04}-{mo:02}")), 1);
        }
        for k in site.authors.get(l).into_iter().flat_map(|a| a.keys()) {
            m.insert(
                (l.to_string(), 4, k.clone()),
                site.scope_pages(l, &Scope::Author(k.clone())),
            );
        }
        for k in site.tags.get(l).into_iter().flat_map(|t| t.keys()) {
            m.insert(
                (l.to_string(), 5, k.clone()),
                site.scope_pages(l, &Scope::Tag(k.clone())),
            );
        }
    }
    m
}

/// `old_ids` maps each document path of `old` to its id.
pub(super) fn affected(
    old: &Site,
    old_ids: &HashMap<&Path, DocId>,
    new: &Site,
    changed: &BTreeSet<PathBuf>,
    new_jobs: &[Job],
    old_jobs: &[Job],
    md_links: bool,
) -> Plan {
    let is_changed = |site: &Site, id: DocId| changed.contains(&site.documents[id].path);
    let paths = |site: &'_ Site, ids: &[DocId]| -> Vec<PathBuf> {
        ids.iter()
            .map(|&i| site.documents[i].path.clone())
            .collect()
    };
    let shape_changed = shape(old) != shape(new);

    // languages touched, and whether URLs or dates moved (sitemap, deletions)
    let mut langs: BTreeSet<String> = BTreeSet::new();
    let mut moved = shape_changed;
    for path in changed {
        let o = old_ids.get(path.as_path()).map(|&i| &old.documents[i]);
        let n = new
            .documents
            .iter()
            .position(|d| &d.path == path)
            .map(|i| (i, &new.documents[i]));
        if let Some(o) = o {
            langs.insert(o.lang.clone());
        }
        if let Some((_, n)) = n {
            langs.insert(n.lang.clone());
        }
        match (o, n) {
            (Some(o), Some((ni, n))) => {
                let oi = old_ids[path.as_path()];
                if old.url_of(oi) != new.url_of(ni)
                    || o.date != n.date
                    || o.updated != n.updated
                    || o.translation_key != n.translation_key
                    || o.aliases != n.aliases
                    || o.expires != n.expires
                {
                    moved = true;
                }
            }
            _ => moved = true,
        }
    }

    let slice = |site: &Site, lang: &str, scope: &Scope, page: usize| -> Vec<PathBuf> {
        paths(site, site.page_articles(lang, scope, page))
    };
    let any_changed = |site: &Site, ids: &[DocId]| ids.iter().any(|&i| is_changed(site, i));

    // a link to a Markdown file follows the document it names: when one moved (or came or
    // went) and the site has such links, every page and feed is written again
    let links_moved = moved && md_links;
    let mut render = Vec::new();
    for job in new_jobs {
        let dirty = links_moved && matches!(job, Job::Document(_) | Job::Feed { .. });
        let dirty = dirty
            || match job {
                Job::Root | Job::NotFound | Job::Robots | Job::Manifest(_) | Job::Alerts(_) => {
                    false
                }
                Job::Sitemap => moved,
                Job::Document(id) => {
                    let id = *id;
                    match old_ids.get(new.documents[id].path.as_path()) {
                        None => true,
                        Some(&o) => {
                            is_changed(new, id)
                                || paths(old, &old.translations[o])
                                    != paths(new, &new.translations[id])
                                || any_changed(new, &new.translations[id])
                                || paths(old, &old.related[o]) != paths(new, &new.related[id])
                                || any_changed(new, &new.related[id])
                        }
                    }
                }
                Job::List { lang, scope, page } => {
                    shape_changed
                        || old.scope_pages(lang, scope) != new.scope_pages(lang, scope)
                        || old.scope_articles(lang, scope).len()
                            != new.scope_articles(lang, scope).len()
                        || slice(old, lang, scope, *page) != slice(new, lang, scope, *page)
                        || any_changed(new, new.page_articles(lang, scope, *page))
                }
                Job::Feed { lang, scope, .. } => {
                    let n = new.feed_articles(lang, scope);
                    paths(old, old.feed_articles(lang, scope)) != paths(new, n)
                        || any_changed(new, n)
                }
                Job::Topics(lang)
                | Job::Countries(lang)
                | Job::Archive(lang)
                | Job::Authors(lang)
                | Job::Tags(lang)
                | Job::Corrections(lang)
                | Job::Search(lang) => langs.contains(lang) || shape_changed,
                // only the records of changed articles are made again (their cards are new)
                Job::SearchIndex(lang) => langs.contains(lang),
                // a few small files, written again on every change
                Job::NewsSitemap | Job::RedirectsFile | Job::Redirect(_) => true,
                Job::Month { lang, year, month } => {
                    let n = new.month_articles(lang, *year, *month);
                    shape_changed
                        || paths(old, old.month_articles(lang, *year, *month)) != paths(new, n)
                        || any_changed(new, n)
                }
            };
        if dirty {
            render.push(job.clone());
        }
    }
    // a list or month page's `lastmod` in the sitemap is its newest article's: when its slice
    // changes without anything moving (an article joins a topic), the sitemap changes too
    if !render.contains(&Job::Sitemap)
        && render
            .iter()
            .any(|j| matches!(j, Job::List { .. } | Job::Month { .. }))
        && new_jobs.contains(&Job::Sitemap)
    {
        render.push(Job::Sitemap);
    }

    let mut remove = Vec::new();
    if moved {
        let outputs = |site: &Site, jobs: &[Job]| -> BTreeMap<String, bool> {
            jobs.iter()
                .filter_map(|j| match j {
                    Job::Document(id) => Some((site.url_of(*id).to_string(), true)),
                    Job::Feed {
                        lang,
                        scope,
                        format,
                    } => Some((format.path(lang, scope), false)),
                    Job::Redirect(i) => site.redirects.get(*i).map(|r| (r.alias.file(), false)),
                    Job::RedirectsFile => Some((render::redirects::FILE.to_string(), false)),
                    _ => view::job_path(site, j).map(|p| (format!("{p}index.html"), false)),
                })
                .collect()
        };
        let keep = outputs(new, new_jobs);
        for (rel, folder) in outputs(old, old_jobs) {
            if !keep.contains_key(&rel) {
                remove.push((rel, folder));
            }
        }
    }
    Plan { render, remove }
}
