//! `nashra check`: everything `build` checks (warnings count as errors), plus what only a whole
//! rendered site shows, without writing anything.
//!
//! The site is rendered in memory, page by page in parallel; of each page only its element ids
//! and its links are kept. Then: every internal link, image and `#anchor` must resolve to a
//! generated file (and id); every message the templates and the date formatting use must exist in
//! every language, and a site's messages must exist in all its languages; articles without a
//! translation are listed as notes. Broken links in article text point at the line of the
//! Markdown file where the link is written.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::build;
use crate::content::Kind;
use crate::diagnostics::{Diagnostic, Diagnostics, Failed, Pos};
use crate::i18n::Localizer;
use crate::model::Site;
use crate::render::{self, view, Job, Renderer};
use crate::theme::{self, Layer};

/// What one rendered page offers and asks for.
struct PageLinks {
    ids: HashSet<String>,
    links: Vec<String>,
    /// The Markdown file behind the page, if it is an article or page.
    source: Option<PathBuf>,
}

/// Checks the site at `root`. `Err` when there is any error or warning.
pub fn check(root: &Path, diags: &Diagnostics) -> Result<(), Failed> {
    let loaded = build::load(root, build::LoadRequest::default(), diags).ok_or(Failed)?;
    let renderer =
        Renderer::new(root, &loaded.site.config, Arc::clone(&loaded.l10n), diags).ok_or(Failed)?;
    let site = &loaded.site;
    let jobs = render::plan(site);
    render::collisions::find(site, &jobs, root, &loaded.statics, diags);
    let prepared = view::Prepared::new(site, &loaded.l10n);

    let pages: Vec<(String, Option<PageLinks>)> = jobs
        .par_iter()
        .flat_map_iter(
            |job| match renderer.render_job(site, &prepared, &jobs, job) {
                Ok(files) => files
                    .into_iter()
                    .map(|(rel, bytes)| {
                        let info = rel.ends_with(".html").then(|| {
                            let html = String::from_utf8_lossy(&bytes);
                            PageLinks {
                                ids: attr_values(&html, "id").into_iter().collect(),
                                links: attr_values(&html, "href")
                                    .into_iter()
                                    .chain(attr_values(&html, "src"))
                                    .collect(),
                                source: match job {
                                    Job::Document(id) => Some(site.documents[*id].path.clone()),
                                    _ => None,
                                },
                            }
                        });
                        (rel, info)
                    })
                    .collect::<Vec<_>>(),
                Err(d) => {
                    diags.push(d);
                    Vec::new()
                }
            },
        )
        .collect();

    diags.extend(prepared.held_link_warnings(root, site));
    let mut files: BTreeMap<String, Option<&PageLinks>> =
        pages.iter().map(|(r, i)| (r.clone(), i.as_ref())).collect();
    for f in theme::overlay(root, Layer::Static, site.config.follow_symlinks, diags) {
        files.insert(f.name.clone(), None);
    }
    for (asset, _) in &site.assets {
        let rel = asset.target();
        if site.media.copies(&rel) {
            files.insert(rel, None);
        }
    }
    for rel in site.media.output_paths() {
        files.insert(rel.to_string(), None);
    }
    check_links(root, site, &files, diags);
    loaded.l10n.report_fallbacks(diags);
    check_messages(&renderer, &loaded.l10n, diags);
    note_untranslated(site, diags);

    if diags.has_errors() || diags.has_warnings() {
        Err(Failed)
    } else {
        Ok(())
    }
}

/// Values of `attr` in the tags of an HTML page: only inside tags (`<a href="…">`), never in
/// text, comments, scripts or styles, where `href="…"` written as prose or code is not a link.
/// Quoted with `"` or `'`, or unquoted.
fn attr_values(html: &str, attr: &str) -> Vec<String> {
    let mut out = Vec::new();
    let bytes = html.as_bytes();
    let mut i = 0;
    while let Some(at) = html[i..].find('<') {
        let start = i + at;
        let rest = &html[start..];
        if rest.starts_with("<!--") {
            i = rest.find("-->").map_or(html.len(), |e| start + e + 3);
            continue;
        }
        // the tag's name
        let name_len = rest[1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .unwrap_or(rest.len() - 1);
        if name_len == 0 {
            i = start + 1;
            continue;
        }
        let name = rest[1..1 + name_len].to_ascii_lowercase();
        // its attributes, up to the `>` outside quotes
        let mut j = start + 1 + name_len;
        while j < bytes.len() && bytes[j] != b'>' {
            if bytes[j].is_ascii_whitespace() || bytes[j] == b'/' {
                j += 1;
                continue;
            }
            let n_start = j;
            while j < bytes.len()
                && !matches!(bytes[j], b'=' | b'>' | b' ' | b'\t' | b'\n' | b'\r' | b'/')
            {
                j += 1;
            }
            let a_name = &html[n_start..j];
            if bytes.get(j) != Some(&b'=') {
                continue;
            }
            j += 1;
            let (v_start, v_end, next) = match bytes.get(j) {
                Some(&q @ (b'"' | b'\'')) => {
                    let end = html[j + 1..]
                        .find(q as char)
                        .map_or(html.len(), |e| j + 1 + e);
                    (j + 1, end, (end + 1).min(html.len()))
                }
                _ => {
                    let end = html[j..]
                        .find(|c: char| c.is_ascii_whitespace() || c == '>')
                        .map_or(html.len(), |e| j + e);
                    (j, end, end)
                }
            };
            if a_name.eq_ignore_ascii_case(attr) {
                out.push(decode_entities(&html[v_start..v_end]));
            }
            j = next;
        }
        i = (j + 1).min(html.len());
        // what a script or style holds is not markup
        if name == "script" || name == "style" {
            let close = format!("</{name}");
            i = html[i..]
                .to_ascii_lowercase()
                .find(&close)
                .map_or(html.len(), |e| i + e);
        }
    }
    out
}

fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    s.replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
}

/// Decodes `%XX` escapes, keeping malformed ones as written.
fn percent_decode(s: &str) -> String {
    crate::content::slug::decode_path(s).unwrap_or_else(|| s.to_string())
}

/// `rel` of the output file a link points at, `None` for links that leave the site.
fn resolve(site: &Site, page: &str, link: &str) -> Option<Result<(String, String), ()>> {
    let cfg = &site.config;
    let (path, fragment) = match link.split_once('#') {
        Some((p, f)) => (p, f),
        None => (link, ""),
    };
    let path = path.split('?').next().unwrap_or(path);
    let lower = link.to_ascii_lowercase();
    let inside: String = if let Some(rest) = link.strip_prefix(cfg.base_url.as_str()) {
        rest.split('#')
            .next()
            .unwrap_or(rest)
            .split('?')
            .next()
            .unwrap_or("")
            .to_string()
    } else if lower.starts_with("http:")
        || lower.starts_with("https:")
        || lower.starts_with("//")
        || lower.starts_with("mailto:")
        || lower.starts_with("tel:")
        || lower.starts_with("data:")
        || lower.starts_with("javascript:")
    {
        return None;
    } else if path.is_empty() {
        // `#anchor` on the same page
        return Some(Ok((page.to_string(), percent_decode(fragment))));
    } else if let Some(rest) = path.strip_prefix(cfg.base_path.as_str()) {
        rest.to_string()
    } else if path.starts_with('/') {
        return Some(Err(()));
    } else {
        let dir = page.rsplit_once('/').map_or("", |(d, _)| d);
        let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
        for seg in path.split('/') {
            match seg {
                "" | "." => {}
                ".." => {
                    if parts.pop().is_none() {
                        return Some(Err(()));
                    }
                }
                s => parts.push(s),
            }
        }
        let mut joined = parts.join("/");
        if path.ends_with('/') {
            joined.push('/');
        }
        joined
    };
    let mut rel = percent_decode(&inside);
    if rel.is_empty() || rel.ends_with('/') {
        rel.push_str("index.html");
    }
    Some(Ok((rel, percent_decode(fragment))))
}

fn check_links(
    root: &Path,
    site: &Site,
    files: &BTreeMap<String, Option<&PageLinks>>,
    diags: &Diagnostics,
) {
    // message -> (pages, first page) of broken links that come from templates
    let mut from_templates: BTreeMap<String, (usize, String)> = BTreeMap::new();
    for (page, info) in files {
        let Some(info) = info else { continue };
        let mut reported: BTreeSet<&str> = BTreeSet::new();
        for link in &info.links {
            let problem = match resolve(site, page, link) {
                None => continue,
                Some(Err(())) => Some(format!("link `{link}` points outside the site")),
                Some(Ok((target, fragment))) => match files.get(&target) {
                    None => files
                        .contains_key(&format!("{target}/index.html"))
                        .then_some(())
                        .map_or_else(
                            || {
                                Some(format!(
                                    "broken link `{link}`: nothing is generated at `/{target}`"
                                ))
                            },
                            |()| None,
                        ),
                    Some(t) if !fragment.is_empty() => match t {
                        Some(p) if !p.ids.contains(&fragment) => Some(format!(
                            "broken link `{link}`: `/{target}` has no element with id `{fragment}`"
                        )),
                        _ => None,
                    },
                    Some(_) => None,
                },
            };
            let Some(message) = problem else { continue };
            if !reported.insert(link.as_str()) {
                continue;
            }
            // a link written in the article's Markdown points at its line; any other comes
            // from a template and is reported once for all the pages it breaks
            let in_markdown = info.source.as_ref().and_then(|src| {
                let text = std::fs::read_to_string(root.join(src)).ok()?;
                // as it is in the page, or as the editor wrote it (`صفحة/`, which the page
                // percent-encodes)
                // or as a link to the other Markdown file (`other.en.md#key`), which the page
                // writes as that article's address
                let md_anchor = || {
                    let (_, fragment) = link.split_once('#')?;
                    [fragment.to_string(), percent_decode(fragment)]
                        .iter()
                        .find_map(|f| text.find(&format!(".md#{f}")))
                };
                let i = text
                    .find(link.as_str())
                    .or_else(|| text.find(percent_decode(link).as_str()))
                    .or_else(md_anchor)?;
                Some((src.clone(), Pos::from_offset(&text, i)))
            });
            match in_markdown {
                Some((src, pos)) => diags.push(
                    Diagnostic::error("broken-link", message)
                        .in_file(src)
                        .at(pos)
                        .help("fix the link, or add the page or file it points to"),
                ),
                None => {
                    let e = from_templates.entry(message).or_insert((0, page.clone()));
                    e.0 += 1;
                }
            }
        }
    }
    for (message, (pages, first)) in from_templates {
        let more = if pages > 1 {
            format!(" and {} more", pages - 1)
        } else {
            String::new()
        };
        diags.push(
            Diagnostic::error("broken-link", format!("{message} (on /{first}{more})"))
                .in_file("templates")
                .help("the link comes from a template"),
        );
    }
}

/// Message ids the templates name literally: `t(key="…")`, in the templates the renderer read.
fn template_keys(renderer: &Renderer) -> Vec<(String, PathBuf, Pos)> {
    let mut out = Vec::new();
    for (_, shown, text) in renderer.templates() {
        let mut from = 0;
        while let Some(i) = text[from..].find("t(key=\"") {
            let start = from + i + "t(key=\"".len();
            let Some(end) = text[start..].find('"') else {
                break;
            };
            out.push((
                text[start..start + end].to_string(),
                shown.to_path_buf(),
                Pos::from_offset(text, start),
            ));
            from = start + end;
        }
    }
    out
}

fn check_messages(renderer: &Renderer, l10n: &Localizer, diags: &Diagnostics) {
    let langs: Vec<&str> = l10n.languages().collect();
    // used by templates
    for (key, file, pos) in template_keys(renderer) {
        for lang in &langs {
            if !l10n.has(lang, &key) {
                diags.push(
                    Diagnostic::warning(
                        "missing-message",
                        format!(
                            "the templates use the message `{key}`, which `{lang}` does not have"
                        ),
                    )
                    .in_file(&file)
                    .at(pos)
                    .help(format!("add `{key} = …` to a file in locales/{lang}/")),
                );
            }
        }
    }
    // used by date formatting
    for lang in &langs {
        let (hijri, syriac) = l10n.needs(lang);
        let mut needed: Vec<String> = [
            "date-long",
            "date-heading",
            "time-short",
            "month-year",
            "language-name",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        needed.extend((1..=12).map(|m| format!("month-{m}")));
        needed.extend((1..=7).map(|d| format!("weekday-{d}")));
        if hijri {
            needed.push("date-hijri".into());
            needed.extend((1..=12).map(|m| format!("hijri-month-{m}")));
        }
        if syriac {
            needed.extend((1..=12).map(|m| format!("month-syriac-{m}")));
        }
        for key in needed {
            if !l10n.has(lang, &key) {
                diags.push(
                    Diagnostic::warning(
                        "missing-message",
                        format!("dates in `{lang}` need the message `{key}`"),
                    )
                    .in_file(format!("locales/{lang}"))
                    .help(format!("add `{key} = …` to a file in locales/{lang}/")),
                );
            }
        }
    }
    // a message in one language only (Syriac and stand-alone month names are optional per
    // language)
    for a in &langs {
        let Some(ids) = l10n.ids(a) else { continue };
        for id in ids {
            if crate::i18n::is_optional_message(id)
                || id.starts_with("hijri-month-")
                || id == "date-hijri"
            {
                continue;
            }
            for b in &langs {
                if a != b && !l10n.has(b, id) {
                    let (file, pos) = l10n
                        .origin(a, id)
                        .cloned()
                        .unwrap_or_else(|| (PathBuf::from(format!("locales/{a}")), Pos::new(1, 1)));
                    diags.push(
                        Diagnostic::warning(
                            "untranslated-message",
                            format!("the message `{id}` is in `{a}` but not in `{b}`"),
                        )
                        .in_file(file)
                        .at(pos)
                        .help(format!("add `{id} = …` to a file in locales/{b}/")),
                    );
                }
            }
        }
    }
}

fn note_untranslated(site: &Site, diags: &Diagnostics) {
    let langs: Vec<&str> = site.config.language_codes().collect();
    if langs.len() < 2 {
        return;
    }
    for (id, doc) in site.documents.iter().enumerate() {
        if doc.kind != Kind::Article {
            continue;
        }
        let have: BTreeSet<&str> = site.translations[id]
            .iter()
            .map(|&t| site.documents[t].lang.as_str())
            .collect();
        let missing: Vec<&str> = langs
            .iter()
            .copied()
            .filter(|l| *l != doc.lang && !have.contains(l))
            .collect();
        if !missing.is_empty() {
            diags.push(
                Diagnostic::note("untranslated", format!("this article has no {} version", missing.join(", ")))
                    .in_file(&doc.path)
                    .help("write one next to it with the same name and the language suffix, or link one with `translation_key`"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_attributes_of_tags_are_links() {
        let html = "<p>Write <code>href='x.html'</code> or href=\"y.html\" in text.</p>\
                    <!-- <a href=\"gone.html\"> --><script>let a = '<a href=\"js.html\">';</script>\
                    <a class=x href='/a/' id=top>a</a><img src=/i.png alt=\"a > b\"><a href=\"/b/?x=1&amp;y=2\">b</a>";
        assert_eq!(attr_values(html, "href"), ["/a/", "/b/?x=1&y=2"]);
        assert_eq!(attr_values(html, "src"), ["/i.png"]);
        assert_eq!(attr_values(html, "id"), ["top"]);
    }
}
