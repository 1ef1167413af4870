//! `/news-sitemap.xml`: the Google News sitemap. It lists the articles published in the 48 hours
//! before the build time (at most 1,000, newest first), each with its `news:publication` (the
//! publisher's name in the article's language, and the language), publication date and title,
//! as <https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap> asks.
//! An empty `urlset` is valid: a quiet news day gives an empty file, not a stale one.

use std::fmt::Write;

use crate::model::{DocId, Site};

use super::feed::xml_escape;
use super::view::{self, rfc3339};

pub const PATH: &str = "news-sitemap.xml";
/// Google reads at most this many entries from a news sitemap.
pub const MAX_ENTRIES: usize = 1000;
/// Articles older than this (before the build time) are left out.
pub const WINDOW_HOURS: i64 = 48;

/// The articles the news sitemap lists, newest first.
pub fn articles(site: &Site) -> Vec<DocId> {
    let since = site
        .now
        .checked_sub(jiff::SignedDuration::from_hours(WINDOW_HOURS))
        .unwrap_or(site.now);
    let mut ids: Vec<DocId> = site
        .articles
        .values()
        .flat_map(|list| {
            list.iter().copied().take_while(|&id| {
                site.documents[id]
                    .date
                    .as_ref()
                    .is_some_and(|d| d.timestamp() >= since)
            })
        })
        .filter(|&id| {
            site.documents[id]
                .date
                .as_ref()
                .is_some_and(|d| d.timestamp() <= site.now)
        })
        .collect();
    let time = |id: DocId| site.documents[id].date.as_ref().map(|d| d.timestamp());
    ids.sort_by(|&a, &b| {
        time(b)
            .cmp(&time(a))
            .then_with(|| site.url_of(a).cmp(site.url_of(b)))
    });
    ids.truncate(MAX_ENTRIES);
    ids
}

pub fn render(site: &Site) -> String {
    let cfg = &site.config;
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">\n",
    );
    for id in articles(site) {
        let doc = &site.documents[id];
        let Some(date) = &doc.date else { continue };
        let title = cfg.language(&doc.lang).map_or("", |l| l.title.as_str());
        let _ = write!(
            out,
            "  <url>\n    <loc>{}</loc>\n    <news:news>\n      <news:publication>\n        <news:name>{}</news:name>\n        <news:language>{}</news:language>\n      </news:publication>\n      <news:publication_date>{}</news:publication_date>\n      <news:title>{}</news:title>\n    </news:news>\n  </url>\n",
            xml_escape(&view::permalink(cfg, site.url_of(id))),
            xml_escape(cfg.publisher.name(&doc.lang, title)),
            xml_escape(&doc.lang),
            rfc3339(date),
            xml_escape(&doc.title),
        );
    }
    out.push_str("</urlset>\n");
    out
}
