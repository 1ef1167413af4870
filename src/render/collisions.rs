//! Output paths that two things claim (SECURITY.md, item 5).
//!
//! A content asset or a static file whose output path is a folder of generated pages (a plain
//! file `content/en/2025` against the month pages under `/en/2025/`) or a generated page's own
//! file would make one of them overwrite or delete the other. [`find`] reports every such
//! collision as an error naming both, before anything is written, so `build` (fresh or in
//! place), `watch` and `check` all refuse the site the same way.

use std::collections::HashMap;
use std::path::Path;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::Site;
use crate::render::{view, Job};
use crate::theme::ThemeFile;

/// Reports every copied file whose output path collides with generated pages.
/// `statics` are the files of `static/` (`build::Loaded::statics`).
pub fn find(site: &Site, jobs: &[Job], root: &Path, statics: &[ThemeFile], diags: &Diagnostics) {
    // every folder that holds a generated page, with one page in it to name
    let mut folders: HashMap<String, String> = HashMap::new();
    let mut files: HashMap<String, String> = HashMap::new();
    // generated files that are not pages (feeds, sitemaps, robots.txt, _redirects, …)
    let mut generated: HashMap<String, String> = HashMap::new();
    for job in jobs {
        // generated files that are not pages: the file, and its folders
        if let Some(file) = crate::render::job_file(job) {
            if matches!(job, Job::Sitemap) {
                folders.insert("sitemaps".into(), file.clone());
            }
            if let Some((folder, _)) = file.rsplit_once('/') {
                folders
                    .entry(folder.to_string())
                    .or_insert_with(|| file.clone());
            }
            generated.insert(file.clone(), file);
            continue;
        }
        // pages, and the redirect pages at old addresses (a folder or an `.html` file)
        let (path, file) = match job {
            // the index's fixed names beside the search page
            Job::SearchIndex(lang) => {
                let dir = crate::search::page_path(lang);
                files.insert(format!("{dir}meta.json"), dir.clone());
                for sub in crate::search::INDEX_FOLDERS {
                    folders.insert(format!("{dir}{sub}"), dir.clone());
                }
                continue;
            }
            Job::Redirect(i) => match site.redirects.get(*i) {
                Some(r) => (r.alias.from.clone(), r.alias.file()),
                None => continue,
            },
            _ => match view::job_path(site, job) {
                Some(path) => {
                    let file = format!("{path}index.html");
                    (path, file)
                }
                None => continue,
            },
        };
        let page = match file.rsplit_once('/') {
            Some((folder, _)) => folder,
            None => "",
        };
        files.insert(file.clone(), path.clone());
        let mut end = page.len();
        loop {
            let folder = &page[..end];
            if folder.is_empty() || folders.contains_key(folder) {
                break;
            }
            folders.insert(folder.to_string(), path.clone());
            match folder.rfind('/') {
                Some(i) => end = i,
                None => break,
            }
        }
    }
    // what nashra generates, or reserves, whether or not this build writes it
    let site_wide = [
        Job::Root,
        Job::NotFound,
        Job::Robots,
        Job::Sitemap,
        Job::NewsSitemap,
        Job::RedirectsFile,
    ];
    let reserved = site_wide
        .iter()
        .filter_map(crate::render::job_file)
        .chain(["_headers".to_string()]);
    for name in reserved {
        if !site.config.own_files.contains(&name) {
            generated.entry(name.clone()).or_insert(name);
        }
    }
    let check = |target: &str, source: &Path| {
        let own = |name: &str| crate::config::OWN_FILES.contains(&name);
        // a generated file where this file or one of its folders would be
        let file_clash = std::iter::once(target)
            .chain(target.match_indices('/').map(|(i, _)| &target[..i]))
            .find(|&p| generated.contains_key(p) || (p != target && files.contains_key(p)))
            .map(|p| (p == target, p));
        let (what, help) = if let Some((same, file)) = file_clash {
            let what = if same {
                format!("the file /{file} that nashra generates or reserves")
            } else {
                format!("inside /{file}, a file that nashra generates or reserves")
            };
            let help = if same && own(file) {
                format!("to publish your own /{file}, add `own_files = [\"{file}\"]` to site.toml and keep the file in static/; otherwise rename or remove it")
            } else {
                "rename or move the file; nashra writes this path itself".to_string()
            };
            (what, help)
        } else if let Some(page) = folders.get(target.trim_end_matches('/')) {
            (
                format!("a folder of generated pages (e.g. /{page})"),
                "rename or move the file; a page and a file cannot share one path".to_string(),
            )
        } else if let Some(page) = files.get(target) {
            (
                format!("the generated page /{page}"),
                "rename or move the file; a page and a file cannot share one path".to_string(),
            )
        } else {
            return;
        };
        diags.push(
            Diagnostic::error(
                "output-collision",
                format!("this file would be written at /{target}, which is {what}"),
            )
            .in_file(source)
            .help(help),
        );
    };
    for (asset, _) in &site.assets {
        let source = asset.source.strip_prefix(root).unwrap_or(&asset.source);
        check(&asset.target(), source);
    }
    for f in statics {
        check(&f.name, &f.display);
    }
    for own in &site.config.own_files {
        let provided = statics.iter().any(|f| &f.name == own)
            || site.assets.iter().any(|(a, _)| &a.target() == own);
        if !provided {
            diags.push(
                Diagnostic::warning(
                    "own-file-missing",
                    format!("site.toml says the site provides its own /{own} (`own_files`), but neither static/ nor content/ has it: the site is published without one"),
                )
                .in_file(crate::config::CONFIG_FILE)
                .help(format!("add static/{own}, or remove \"{own}\" from `own_files` to let nashra generate it")),
            );
        }
    }
}
