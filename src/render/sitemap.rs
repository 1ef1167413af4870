//! `/sitemap.xml`: every public page with `lastmod` and its `hreflang` alternates (plus
//! `x-default`), taken from the same [`view::alternates`] the pages use, so the sitemap and the
//! pages always agree. Past 50,000 URLs (the protocol's limit per file) `/sitemap.xml` becomes a
//! sitemap index and the URLs go into `/sitemaps/sitemap-N.xml`.

use std::fmt::Write;

use crate::content::dates::PubDate;
use crate::model::{DocId, Site};

use super::feed::xml_escape;
use super::view::{self, rfc3339};
use super::Job;

/// URLs per sitemap file (the sitemap protocol's limit).
pub const MAX_URLS: usize = 50_000;

fn newest(site: &Site, ids: &[DocId]) -> Option<String> {
    ids.iter()
        .filter_map(|&id| {
            let d = &site.documents[id];
            d.updated.as_ref().or(d.date.as_ref())
        })
        .max_by_key(|p: &&PubDate| p.timestamp())
        .map(rfc3339)
}

fn lastmod(site: &Site, job: &Job) -> Option<String> {
    match job {
        Job::Document(id) => {
            let d = &site.documents[*id];
            d.updated.as_ref().or(d.date.as_ref()).map(rfc3339)
        }
        Job::List { lang, scope, page } => {
            let all = site.scope_articles(lang, scope);
            let per = site.config.paginate_by;
            newest(
                site,
                all.get((page - 1) * per..(page * per).min(all.len()))
                    .unwrap_or(&[]),
            )
        }
        Job::Month { lang, year, month } => newest(site, site.month_articles(lang, *year, *month)),
        Job::Topics(lang) | Job::Countries(lang) | Job::Archive(lang) => {
            newest(site, site.articles.get(lang).map_or(&[], Vec::as_slice))
        }
        _ => None,
    }
}

fn url_entry(out: &mut String, site: &Site, job: &Job) {
    let cfg = &site.config;
    let (Some(path), Some(lang)) = (view::job_path(site, job), view::job_lang(site, job)) else {
        return;
    };
    let _ = write!(
        out,
        "  <url>\n    <loc>{}</loc>\n",
        xml_escape(&view::permalink(cfg, &path))
    );
    if let Some(m) = lastmod(site, job) {
        let _ = writeln!(out, "    <lastmod>{m}</lastmod>");
    }
    let alts: Vec<view::Alt> = view::alternates(site, job)
        .into_iter()
        .filter(|a| a.is_translation)
        .collect();
    if !alts.is_empty() {
        let mut all: Vec<(&str, &str)> = vec![(lang, path.as_str())];
        all.extend(alts.iter().map(|a| (a.lang.as_str(), a.path.as_str())));
        all.sort();
        for (l, p) in all {
            let _ = writeln!(
                out,
                "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                xml_escape(l),
                xml_escape(&view::permalink(cfg, p))
            );
        }
        let xd = view::x_default(site, lang, &path, &alts);
        let _ = writeln!(
            out,
            "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\"/>",
            xml_escape(&view::permalink(cfg, &xd))
        );
    }
    out.push_str("  </url>\n");
}

const URLSET_OPEN: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n";

/// The sitemap file(s): (path, bytes).
pub fn render(site: &Site, jobs: &[Job]) -> Vec<(String, Vec<u8>)> {
    let pages: Vec<&Job> = jobs
        .iter()
        .filter(|j| view::job_path(site, j).is_some())
        .collect();
    let chunk = |jobs: &[&Job]| {
        let mut out = String::with_capacity(jobs.len() * 400 + 256);
        out.push_str(URLSET_OPEN);
        for j in jobs {
            url_entry(&mut out, site, j);
        }
        out.push_str("</urlset>\n");
        out.into_bytes()
    };
    if pages.len() <= MAX_URLS {
        return vec![("sitemap.xml".into(), chunk(&pages))];
    }
    let mut files = Vec::new();
    let mut index = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for (i, part) in pages.chunks(MAX_URLS).enumerate() {
        let name = format!("sitemaps/sitemap-{}.xml", i + 1);
        let _ = write!(
            index,
            "  <sitemap>\n    <loc>{}</loc>\n  </sitemap>\n",
            xml_escape(&view::permalink(&site.config, &name))
        );
        files.push((name, chunk(part)));
    }
    index.push_str("</sitemapindex>\n");
    files.push(("sitemap.xml".into(), index.into_bytes()));
    files
}
