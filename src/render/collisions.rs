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
    for job in jobs {
        // pages, and the redirect pages at old addresses (a folder or an `.html` file)
        let (path, file) = match job {
            // the index's fixed names beside the search page
            Job::SearchIndex(lang) => {
                let dir = crate::search::page_path(lang);
                files.insert(format!("{dir}meta.json"), dir.clone());
                for sub in ["t", "d", "f"] {
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
    let check = |target: &str, source: &Path| {
        let clash = folders
            .get(target.trim_end_matches('/'))
            .map(|page| format!("a folder of generated pages (e.g. /{page})"))
            .or_else(|| {
                files
                    .get(target)
                    .map(|page| format!("the generated page /{page}"))
            });
        if let Some(what) = clash {
            diags.push(
                Diagnostic::error(
                    "output-collision",
                    format!("this file would be written at /{target}, which is {what}"),
                )
                .in_file(source)
                .help("rename or move the file; a page and a file cannot share one path"),
            );
        }
    };
    for (asset, _) in &site.assets {
        let source = asset.source.strip_prefix(root).unwrap_or(&asset.source);
        check(&asset.target(), source);
    }
    for f in statics {
        check(&f.name, &f.display);
    }
}
