//! Where imported documents go: translations into one folder (`content/YYYY/MM/NAME/` for
//! articles, `content/pages/NAME/` for pages), slugs settled (numbered when two want one address,
//! renamed when a page's is one of nashra's sections), old addresses kept as aliases once each and
//! never over a new page's own, and the `site.toml` of a new site.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::PathBuf;

use super::{Doc, Options, Read, Report};
use crate::content::slug::slugify;

/// Whether `code` can be a site language (site.toml's rule: two or three lower-case letters).
pub(super) fn is_language_code(code: &str) -> bool {
    crate::config::is_language_code(code)
}

/// Languages that cannot be a file name's (`lang: "../x"`, `English`) become the default one,
/// and dates nashra cannot read are reported (the build will point at them).
pub(super) fn check_docs(read: &mut Read, opts: &Options, report: &mut Report) {
    let fallback = read
        .default_language
        .clone()
        .or_else(|| opts.lang.clone())
        .filter(|l| is_language_code(l))
        .unwrap_or_else(|| "en".to_string());
    if read
        .default_language
        .as_deref()
        .is_some_and(|l| !is_language_code(l))
    {
        read.default_language = Some(fallback.clone());
    }
    let utc = jiff::tz::TimeZone::UTC;
    // a region or script is kept where the site needs it to tell two languages apart (`zh-CN`
    // and `zh-TW`) or its configuration names the language with it; otherwise `en-US` is `en`
    let primary = |c: &str| c.split('-').next().unwrap_or_default().to_string();
    let mut tags: HashMap<String, BTreeSet<String>> = HashMap::new();
    let configured: BTreeSet<String> = read.lang_info.keys().cloned().collect();
    for code in read
        .docs
        .iter()
        .map(|d| crate::config::canonical_language(&d.lang))
        .chain(configured.iter().cloned())
    {
        if is_language_code(&code) {
            tags.entry(primary(&code)).or_default().insert(code);
        }
    }
    for d in &mut read.docs {
        let full = crate::config::canonical_language(&d.lang);
        let code = if configured.contains(&full)
            || tags
                .get(&primary(&full))
                .is_some_and(|t| t.iter().filter(|c| c.contains('-')).count() > 1)
        {
            full
        } else {
            primary(&full)
        };
        if is_language_code(&code) {
            d.lang = code;
        } else {
            report.note(
                format!("languages that are not language codes: read as `{fallback}`"),
                format!("{}: {}", d.origin, d.lang),
            );
            d.lang = fallback.clone();
        }
        let no_alt = d.fields.iter().any(|(k, v)| {
            *k == "image"
                && v.get("alt")
                    .and_then(|a| a.as_str())
                    .is_none_or(|a| a.trim().is_empty())
        });
        if no_alt {
            report.note(
                "lead images without alt text (describe each under `image:` with `alt:`)",
                d.origin.clone(),
            );
        }
        if let Some(date) = &d.date {
            if let Err((msg, _)) = crate::content::dates::parse(date, &utc) {
                report.note(
                    "dates nashra cannot read, written as they were (the build names each file)",
                    format!("{}: {date} ({msg})", d.origin),
                );
            }
        }
    }
}

/// A file to write: its text, or a file to copy.
pub(super) enum Out {
    Text(String),
    Copy(PathBuf),
}

pub(super) struct Plan {
    pub files: Vec<(PathBuf, Out)>,
    pub site_toml: Option<String>,
}

/// Site-relative URL of an article or a page as nashra makes it.
fn new_url(lang: &str, date: Option<&str>, slug: &str) -> String {
    match date.and_then(year_month) {
        Some((y, m)) => format!("{lang}/{y}/{m}/{slug}/"),
        None => format!("{lang}/{slug}/"),
    }
}

/// `2024-01-31…` → ("2024", "01").
fn year_month(date: &str) -> Option<(&str, &str)> {
    let y = date.get(0..4)?;
    let m = date.get(5..7)?;
    (y.bytes().all(|b| b.is_ascii_digit()) && m.bytes().all(|b| b.is_ascii_digit()))
        .then_some((y, m))
}

/// Places every document, pairs translations, settles slugs and aliases.
pub(super) fn layout(mut read: Read, opts: &Options, report: &mut Report) -> Plan {
    // the zone the source names (dates without an offset were read in it), else the one most
    // dates are written in
    let zone = match read.timezone.as_deref() {
        Some(z) if jiff::tz::TimeZone::get(z).is_ok() => z.to_string(),
        Some(z) => {
            report.note(
                "time zones nashra does not know: the zone most dates are written in is used",
                z.to_string(),
            );
            common_zone(&read.docs)
        }
        None => common_zone(&read.docs),
    };
    let mut docs = std::mem::take(&mut read.docs);
    let default_lang = read
        .default_language
        .clone()
        .or_else(|| opts.lang.clone())
        .unwrap_or_else(|| "en".to_string());

    let mut taken_urls: HashSet<String> = HashSet::new();
    let mut taken_folders: HashSet<String> = HashSet::new();
    // the next number to try for a folder or address that is taken
    let mut next_number: HashMap<String, usize> = HashMap::new();
    let mut copied: HashSet<PathBuf> = HashSet::new();
    let mut files = Vec::new();
    let mut langs: BTreeSet<String> = BTreeSet::new();
    let mut placed: Vec<(String, String, Doc)> = Vec::new(); // (new URL, folder, doc)

    // one document per language in a group: a second one of a language stands alone
    let mut seen: HashSet<(String, String)> = HashSet::new();
    for d in &mut docs {
        if !seen.insert((d.group.clone(), d.lang.clone())) {
            report.note(
                "documents of one language in one translation group: placed apart, unpaired",
                d.origin.clone(),
            );
            d.group = format!("{}#{}", d.group, d.origin);
        }
    }
    drop(seen);
    docs.sort_by(|a, b| a.group.cmp(&b.group).then_with(|| a.origin.cmp(&b.origin)));
    let mut groups: Vec<Vec<Doc>> = Vec::new();
    for d in docs {
        match groups.last_mut() {
            Some(g) if g[0].group == d.group => g.push(d),
            _ => groups.push(vec![d]),
        }
    }
    for mut group in groups {
        // the default language first: its slug names the folder
        group.sort_by_key(|d| (d.lang != default_lang, d.lang.clone()));
        if group.len() > 1 {
            report.paired += group.len() - 1;
        }
        let first = &group[0];
        let is_page = first.date.is_none();
        let base = slug_of(first).unwrap_or_else(|| "untitled".to_string());
        let parent = match first.date.as_deref().and_then(year_month) {
            Some((y, m)) if !is_page => format!("content/{y}/{m}"),
            _ => "content/pages".to_string(),
        };
        let wanted_folder = format!("{parent}/{base}");
        let mut folder = wanted_folder.clone();
        // numbers go on from the last one given for this name: 10,000 posts of one slug stay
        // linear
        let n = next_number.entry(wanted_folder.clone()).or_insert(2);
        while !taken_folders.insert(folder.clone()) {
            folder = format!("{wanted_folder}-{n}");
            *n += 1;
        }
        for mut d in group {
            langs.insert(d.lang.clone());
            let mut slug = slug_of(&d).unwrap_or_else(|| base.clone());
            let page = d.date.is_none();
            if page
                && (crate::model::RESERVED_SLUGS.contains(&slug.as_str())
                    || slug.chars().all(|c| c.is_ascii_digit()))
            {
                report.note(
                    "page slugs that are nashra's own sections: renamed with -page",
                    format!("{} ({slug})", d.origin),
                );
                slug = format!("{slug}-page");
            }
            let mut url = new_url(&d.lang, d.date.as_deref(), &slug);
            let wanted = slug.clone();
            if taken_urls.contains(&url) {
                let n = next_number.entry(url.clone()).or_insert(2);
                while taken_urls.contains(&url) {
                    slug = format!("{wanted}-{n}");
                    url = new_url(&d.lang, d.date.as_deref(), &slug);
                    *n += 1;
                }
            }
            if slug != wanted {
                report.note(
                    "documents whose address another one had: given a number",
                    format!("{} → /{url}", d.origin),
                );
            }
            taken_urls.insert(url.clone());
            d.slug = slug;
            if page {
                *report.pages.entry(d.lang.clone()).or_default() += 1;
            } else {
                *report.articles.entry(d.lang.clone()).or_default() += 1;
            }
            if d.draft {
                report.drafts += 1;
            }
            let dir = PathBuf::from(&folder);
            for (src, name) in std::mem::take(&mut d.files) {
                let target = dir.join(&name);
                // translations sharing a folder often share their pictures
                if copied.insert(target.clone()) {
                    files.push((target, Out::Copy(src)));
                    report.files += 1;
                }
            }
            placed.push((url, folder.clone(), d));
        }
    }

    // every old address a document had, for links written to it (before aliases are settled)
    let mut old_to_new: HashMap<String, String> = HashMap::new();
    for (url, _, d) in &placed {
        for old in &d.old_urls {
            old_to_new
                .entry(old.trim_start_matches('/').to_string())
                .or_insert_with(|| url.clone());
        }
    }
    // aliases: every old address that is not a new page's own, each once
    let mut alias_owner: HashMap<String, String> = HashMap::new();
    for (url, _, d) in placed.iter_mut() {
        let mut keep = Vec::new();
        for old in std::mem::take(&mut d.old_urls) {
            let old = old.trim_start_matches('/').to_string();
            if old.is_empty() || &old == url {
                continue;
            }
            if old.contains('\\') || old.split('/').any(|p| p == ".." || p == ".") {
                report.note(
                    "old addresses that are not paths on the site: not redirected",
                    format!("/{old}"),
                );
                continue;
            }
            if taken_urls.contains(&old) {
                report.note(
                    "old addresses that are now another page's: not redirected",
                    format!("/{old}"),
                );
                continue;
            }
            match alias_owner.get(&old) {
                Some(other) if other != url => {
                    report.note(
                        "old addresses claimed by two documents: the first keeps it",
                        format!("/{old}"),
                    );
                }
                Some(_) => {}
                None => {
                    alias_owner.insert(old.clone(), url.clone());
                    keep.push(old);
                }
            }
        }
        d.old_urls = keep;
    }
    point_links(&mut placed, old_to_new, read.base_url.as_deref(), report);
    // template tags left once links written with them (`{{< ref >}}`, `{% post_url %}`) are
    // resolved (WordPress lists its shortcodes as it reads them)
    if opts.source != super::Source::Wordpress {
        for (_, _, d) in &placed {
            if let Some(code) = super::markdown::template_code(&d.body) {
                report.note(
                    format!(
                        "{} shortcodes or template tags left as written (nashra shows them as text)",
                        opts.source.name()
                    ),
                    format!("{}: {code}", d.origin),
                );
            }
        }
    }
    for (_, folder, d) in placed {
        let path = PathBuf::from(folder).join(format!("index.{}.md", d.lang));
        report.aliases += d.old_urls.len();
        files.push((path, Out::Text(super::frontmatter::document(&d))));
    }
    for (src, rel) in std::mem::take(&mut read.statics) {
        files.push((PathBuf::from("static").join(rel), Out::Copy(src)));
        report.files += 1;
    }

    let site_toml = if std::fs::symlink_metadata(opts.dest.join("site.toml")).is_ok() {
        None
    } else {
        report.site_toml = true;
        let mut langs: Vec<String> = langs.into_iter().collect();
        if langs.is_empty() {
            langs.push(default_lang.clone());
        }
        let default = if langs.contains(&default_lang) {
            default_lang
        } else {
            langs[0].clone()
        };
        report.languages = langs.clone();
        for l in langs.iter().filter(|l| !crate::i18n::has_builtin_text(l)) {
            report.note(
                "languages without built-in interface text (write locales/LANG/ui.ftl from locales/en/ui.ftl)",
                l.clone(),
            );
        }
        let base_url = match read.base_url.as_deref().map(str::trim) {
            Some(b) if b.starts_with("https://") || b.starts_with("http://") => b.to_string(),
            other => {
                report.note(
                    "the old site's base URL is not an address nashra can use: site.toml has https://example.org/ until you write yours",
                    format!("{:?}", other.unwrap_or("(none)")),
                );
                "https://example.org/".to_string()
            }
        };
        Some(site_toml(&read, &base_url, &default, &langs, &zone))
    };
    Plan { files, site_toml }
}

/// Links between documents pointed at their new addresses (see [`super::links`]).
fn point_links(
    placed: &mut [(String, String, Doc)],
    old_to_new: HashMap<String, String>,
    base_url: Option<&str>,
    report: &mut Report,
) {
    let files: HashMap<String, String> = placed
        .iter()
        .filter_map(|(url, _, d)| Some((d.source.clone()?, url.clone())))
        .collect();
    let base_path = base_url
        .and_then(|b| b.split_once("://"))
        .and_then(|(_, rest)| rest.split_once('/'))
        .map(|(_, p)| format!("/{}", p.trim_matches('/')))
        .map(|p| if p == "/" { p } else { format!("{p}/") })
        .unwrap_or_else(|| "/".to_string());
    let targets = super::links::Targets {
        files,
        old: old_to_new,
        base_url,
        base_path,
    };
    for (_, _, d) in placed.iter_mut() {
        let mut done = super::links::Rewritten::default();
        let body = super::links::rewrite(&d.body, d.source.as_deref(), &targets, &mut done);
        if done.changed > 0 {
            d.body = body;
            report.links += done.changed;
        }
        for u in done.unresolved {
            report.note(
                "links to documents that are not in the import: left as written",
                format!("{}: {u}", d.origin),
            );
        }
    }
}

/// A document's slug by nashra's rules (from its slug, else its title), short enough to be a
/// folder name with room for `-NN`; `None` when neither has a letter or digit.
fn slug_of(d: &Doc) -> Option<String> {
    let s = slugify(&d.slug);
    let s = if s.is_empty() { slugify(&d.title) } else { s };
    (!s.is_empty()).then(|| truncate_slug(&s))
}

/// A slug short enough to be a folder name with room for `-NN`.
fn truncate_slug(s: &str) -> String {
    let max = crate::content::slug::MAX_BYTES - 8;
    if s.len() <= max {
        return s.to_string();
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s[..end].trim_end_matches('-').to_string()
}

/// The time zone most dates are written in, as a fixed-offset zone (`Etc/GMT-3` is UTC+3: the
/// tz database's signs are inverted); `UTC` when dates carry no offset or a fractional one.
fn common_zone(docs: &[Doc]) -> String {
    let mut count: HashMap<i32, usize> = HashMap::new();
    for d in docs {
        let Some(date) = &d.date else { continue };
        let offset = if date.ends_with('Z') {
            Some(0)
        } else {
            date.len()
                .checked_sub(6)
                .and_then(|i| date.get(i..))
                .filter(|t| {
                    let b = t.as_bytes();
                    matches!(b[0], b'+' | b'-') && b[3] == b':' && date.len() > 16
                })
                .and_then(|t| {
                    let h: i32 = t.get(1..3)?.parse().ok()?;
                    let m: i32 = t.get(4..6)?.parse().ok()?;
                    let sign = if t.starts_with('-') { -1 } else { 1 };
                    Some(sign * (h * 60 + m))
                })
        };
        if let Some(o) = offset {
            *count.entry(o).or_default() += 1;
        }
    }
    let best = count
        .into_iter()
        .max_by_key(|&(o, n)| (n, std::cmp::Reverse(o)))
        .map(|(o, _)| o);
    match best {
        Some(o) if o != 0 && o % 60 == 0 => {
            let h = o / 60;
            // Etc/GMT-3 is three hours ahead of UTC
            if h > 0 {
                format!("Etc/GMT-{h}")
            } else {
                format!("Etc/GMT+{}", -h)
            }
        }
        _ => "UTC".to_string(),
    }
}

/// The site.toml of an imported site: each language's title, description and direction as the
/// source's configuration gave them.
fn site_toml(read: &Read, base_url: &str, default: &str, langs: &[String], zone: &str) -> String {
    let q = |s: &str| serde_json::Value::from(s).to_string();
    let mut base = base_url.trim().to_string();
    if !base.ends_with('/') {
        base.push('/');
    }
    let mut out = format!(
        "# Written by `nashra import`: see the README's \"site.toml\" section.\n\
         base_url = {}\n\
         default_language = {}\n\
         # the old site's zone, else the one most imported dates were written in (e.g. \"Asia/Qatar\")\n\
         timezone = {}\n\
         # files without a date (documentation, notes) are standalone pages\n\
         undated = \"page\"\n\
         topics = []\n",
        q(&base),
        q(default),
        q(zone)
    );
    for l in langs {
        let info = read.lang_info.get(l).cloned().unwrap_or_default();
        let title = info
            .title
            .or_else(|| read.title.clone())
            .unwrap_or_else(|| "News".to_string());
        out.push_str(&format!("\n[languages.{}]\ntitle = {}\n", q(l), q(&title)));
        let description = info.description.or_else(|| {
            (l == default || read.lang_info.is_empty())
                .then(|| read.description.clone())
                .flatten()
        });
        if let Some(d) = description {
            out.push_str(&format!("description = {}\n", q(&d)));
        }
        let derived = crate::config::Direction::of_language(l) == crate::config::Direction::Rtl;
        match info.rtl {
            Some(true) if !derived => out.push_str("direction = \"rtl\"\n"),
            Some(false) if derived => out.push_str("direction = \"ltr\"\n"),
            _ => {}
        }
        if l == "ar" {
            out.push_str("digits = \"arab\"\nmonth_names = \"both\"\n");
        }
        if l == "fa" {
            out.push_str("digits = \"arabext\"\n");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_document_of_one_language_in_a_group_stands_alone() {
        let doc = |origin: &str, lang: &str| Doc {
            origin: origin.into(),
            lang: lang.into(),
            date: Some("2024-03-05".into()),
            title: "Rain".into(),
            slug: "rain".into(),
            group: "g".into(),
            ..Doc::default()
        };
        let read = Read {
            docs: vec![doc("a", "en"), doc("b", "ar"), doc("c", "en")],
            default_language: Some("en".into()),
            ..Read::default()
        };
        let opts = Options {
            source: super::super::Source::Hugo,
            src: "src".into(),
            dest: "/nonexistent/nashra-import-test".into(),
            uploads: None,
            lang: None,
        };
        let mut report = Report::default();
        let plan = layout(read, &opts, &mut report);
        let mut paths: Vec<String> = plan
            .files
            .iter()
            .map(|(p, _)| p.to_string_lossy().into_owned())
            .collect();
        paths.sort();
        assert_eq!(
            paths,
            [
                "content/2024/03/rain-2/index.en.md",
                "content/2024/03/rain/index.ar.md",
                "content/2024/03/rain/index.en.md"
            ]
        );
        assert_eq!(report.paired, 1);
        assert_eq!(
            report
                .notes
                .get("documents of one language in one translation group: placed apart, unpaired"),
            Some(&vec!["c".to_string()])
        );
    }

    #[test]
    fn new_addresses() {
        assert_eq!(
            new_url("ar", Some("2024-01-31 10:00"), "x"),
            "ar/2024/01/x/"
        );
        assert_eq!(new_url("en", None, "about"), "en/about/");
    }

    #[test]
    fn the_zone_most_dates_are_written_in() {
        let doc = |d: &str| Doc {
            date: Some(d.to_string()),
            ..Doc::default()
        };
        let docs = [
            doc("2024-03-05T10:00:00+03:00"),
            doc("2024-03-06T10:00:00+03:00"),
            doc("2024-03-07T10:00:00Z"),
            doc("2024-03-08"),
        ];
        assert_eq!(common_zone(&docs), "Etc/GMT-3");
        assert_eq!(
            common_zone(&[doc("2024-03-05T10:00:00-05:00")]),
            "Etc/GMT+5"
        );
        assert_eq!(common_zone(&[doc("2024-03-05T10:00:00+05:30")]), "UTC");
        assert_eq!(common_zone(&[doc("2024-03-05")]), "UTC");
    }
}
