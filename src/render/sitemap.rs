//! `/sitemap.xml`: every public page with `lastmod` and its `hreflang` alternates (plus
//! `x-default`), taken from the same [`view::alternates`] the pages use, so the sitemap and the
//! pages always agree. Past 50,000 URLs (the protocol's limit per file) `/sitemap.xml` becomes a
//! sitemap index and the URLs go into `/sitemaps/sitemap-N.xml`.

use std::fmt::Write;

use crate::model::{DocId, Site};

use super::feed::xml_escape;
use super::view::{self, rfc3339};
use super::Job;

/// URLs per sitemap file (the sitemap protocol's limit).
pub const MAX_URLS: usize = 50_000;

fn lastmod(site: &Site, job: &Job) -> Option<String> {
    let newest = |ids: &[DocId]| site.last_change(ids).map(rfc3339);
    match job {
        Job::Document(id) => site.documents[*id].last_change().map(rfc3339),
        Job::List { lang, scope, page } => newest(site.page_articles(lang, scope, *page)),
        Job::Month { lang, year, month } => newest(site.month_articles(lang, *year, *month)),
        Job::Topics(lang)
        | Job::Countries(lang)
        | Job::Archive(lang)
        | Job::Authors(lang)
        | Job::Tags(lang)
        | Job::Corrections(lang) => newest(site.articles.get(lang).map_or(&[], Vec::as_slice)),
        _ => None,
    }
}

/// One `<url>` entry: the page `job` at URL path `path`.
fn url_entry(out: &mut String, site: &Site, job: &Job, path: &str) {
    let cfg = &site.config;
    let Some(lang) = view::job_lang(site, job) else {
        return;
    };
    let _ = write!(
        out,
        "  <url>\n    <loc>{}</loc>\n",
        xml_escape(&view::permalink(cfg, path))
    );
    if let Some(m) = lastmod(site, job) {
        let _ = writeln!(out, "    <lastmod>{m}</lastmod>");
    }
    let alts: Vec<view::Alt> = view::alternates(site, job)
        .into_iter()
        .filter(|a| a.is_translation)
        .collect();
    if !alts.is_empty() {
        let mut all: Vec<(&str, &str)> = vec![(lang, path)];
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
        let xd = view::job_x_default(site, job, lang, path, &alts);
        let _ = writeln!(
            out,
            "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\"/>",
            xml_escape(&view::permalink(cfg, &xd))
        );
    }
    out.push_str("  </url>\n");
}

/// The `<url>` of `/`: every front page as its alternates, itself as the x-default.
fn root_entry(out: &mut String, site: &Site) {
    let cfg = &site.config;
    let root = view::permalink(cfg, "");
    let _ = write!(out, "  <url>\n    <loc>{}</loc>\n", xml_escape(&root));
    // as new as the newest front page
    let newest = cfg
        .language_codes()
        .filter_map(|l| {
            lastmod(
                site,
                &Job::List {
                    lang: l.to_string(),
                    scope: crate::model::Scope::Front,
                    page: 1,
                },
            )
        })
        .max();
    if let Some(m) = newest {
        let _ = writeln!(out, "    <lastmod>{m}</lastmod>");
    }
    let mut langs: Vec<&str> = cfg.language_codes().collect();
    langs.sort_unstable();
    for l in langs {
        let _ = writeln!(
            out,
            "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
            xml_escape(l),
            xml_escape(&view::permalink(cfg, &crate::model::paths::front(l)))
        );
    }
    let _ = writeln!(
        out,
        "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\"/>",
        xml_escape(&root)
    );
    out.push_str("  </url>\n");
}

const URLSET_OPEN: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n";

/// The sitemap file(s): (path, bytes).
pub fn render(site: &Site, jobs: &[Job]) -> Vec<(String, Vec<u8>)> {
    render_chunked(site, jobs, MAX_URLS)
}

/// [`render`] with at most `max_urls` URLs per file.
fn render_chunked(site: &Site, jobs: &[Job], max_urls: usize) -> Vec<(String, Vec<u8>)> {
    let pages: Vec<(&Job, String)> = jobs
        .iter()
        // the search page is for readers, not for search engines
        .filter(|j| !matches!(j, Job::Search(_)))
        .filter_map(|j| match j {
            // `/`, the language chooser: listed when there are languages to choose between
            Job::Root if site.config.languages.len() > 1 => Some((j, String::new())),
            _ => view::job_path(site, j).map(|p| (j, p)),
        })
        .collect();
    let chunk = |pages: &[(&Job, String)]| {
        let mut out = String::with_capacity(pages.len() * 400 + 256);
        out.push_str(URLSET_OPEN);
        for (j, path) in pages {
            if matches!(j, Job::Root) {
                root_entry(&mut out, site);
                continue;
            }
            url_entry(&mut out, site, j, path);
        }
        out.push_str("</urlset>\n");
        out.into_bytes()
    };
    if pages.len() <= max_urls {
        return vec![("sitemap.xml".into(), chunk(&pages))];
    }
    let mut files = Vec::new();
    let mut index = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for (i, part) in pages.chunks(max_urls.max(1)).enumerate() {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Diagnostics;

    #[test]
    fn past_the_limit_the_sitemap_becomes_an_index() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("content")).unwrap();
        for i in 0..4 {
            std::fs::write(
                root.join(format!("content/a{i}.md")),
                format!("---\ntitle: t{i}\ndate: 2025-11-0{}\n---\nx\n", i + 1),
            )
            .unwrap();
        }
        let diags = Diagnostics::new();
        let config = crate::config::parse("base_url = \"https://x.org/\"\ndefault_language = \"ar\"\n[languages.ar]\ntitle = \"t\"\n", &diags).unwrap();
        let content = crate::content::load_files(root, &config, &diags)
            .content(&crate::content::LoadOptions::all());
        let site = crate::model::build(config, content, &diags);
        let jobs = crate::render::plan(&site);
        let pages = jobs
            .iter()
            .filter(|j| view::job_path(&site, j).is_some())
            .count();
        let files = render_chunked(&site, &jobs, 3);
        assert_eq!(files.len(), pages.div_ceil(3) + 1);
        let (name, index) = files.last().unwrap();
        assert_eq!(name, "sitemap.xml");
        let index = String::from_utf8_lossy(index);
        assert!(index.contains("<sitemapindex"));
        assert!(index.contains("<loc>https://x.org/sitemaps/sitemap-1.xml</loc>"));
        assert_eq!(files[0].0, "sitemaps/sitemap-1.xml");
        assert_eq!(
            String::from_utf8_lossy(&files[0].1)
                .matches("<url>")
                .count(),
            3
        );
        // one file while under the limit
        assert_eq!(render(&site, &jobs).len(), 1);
    }
}
