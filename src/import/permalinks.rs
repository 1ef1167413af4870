//! The addresses documents had on the old site, worked out the way each generator made them:
//! Hugo (sections, `[permalinks]` patterns, `url`, `slug`, language prefixes), Jekyll (`permalink`
//! styles and patterns with categories, pages by path) and Zola (sections, `path`, slugs).

use std::path::Path;

use super::frontmatter;
use super::markdown::Site;
use super::Source;
use crate::content::slug::slugify;

/// The address a file had on the old site (site-relative, no leading `/`).
#[allow(clippy::too_many_arguments)]
pub(super) fn old_url(
    source: Source,
    site: &Site,
    m: &frontmatter::Mapped,
    lang: &str,
    sections: &[String],
    name: &str,
    date: Option<&str>,
    title: &str,
    bundle: bool,
    rel: &Path,
) -> Option<String> {
    let prefix = match source {
        // Hugo writes language keys in lower case in addresses (`zh-tw/`)
        Source::Hugo if lang != site.default_lang || site.default_in_subdir => {
            format!("{}/", lang.to_ascii_lowercase())
        }
        Source::Zola if lang != site.default_lang => format!("{lang}/"),
        Source::Jekyll if site.langs.len() > 1 && lang != site.default_lang => format!("{lang}/"),
        _ => String::new(),
    };
    if let Some(u) = &m.url {
        if source == Source::Jekyll && u.contains(':') && !u.contains("://") {
            // a pattern, filled in below
        } else {
            let p = super::site_path(u, site.base_url.as_deref())?;
            let p = p.trim_start_matches('/');
            // Hugo's `url` and Zola's `path` are the whole address (Zola adds the language only
            // to paths it makes itself); jekyll-polyglot serves every other language's
            // documents under `/LANG/`, permalinks too
            return Some(if source == Source::Jekyll {
                format!("{prefix}{p}")
            } else {
                p.to_string()
            });
        }
    }
    let slug_part = m.slug.clone().unwrap_or_else(|| name.to_string());
    let ymd = |i: std::ops::Range<usize>| date.and_then(|d| d.get(i)).unwrap_or("").to_string();
    let path = match source {
        Source::Hugo => {
            let section = sections.first().map(String::as_str).unwrap_or("");
            match site.permalinks.iter().find(|(s, _)| s == section) {
                Some((_, pattern)) if date.is_some() || !pattern.contains(":year") => {
                    fill(pattern, &|t| match t {
                        "year" => Some(ymd(0..4)),
                        "month" => Some(ymd(5..7)),
                        "day" => Some(ymd(8..10)),
                        "section" => Some(section.to_string()),
                        "sections" => Some(sections.join("/")),
                        t if t.starts_with("sections[") => {
                            slice(sections, &t["sections[".len()..t.len() - 1])
                        }
                        "title" => Some(slugify(title)),
                        "slug" | "slugorfilename" | "slugorcontentbasename" => Some(
                            m.slug
                                .clone()
                                .map_or_else(|| slugify(title), |s| slugify(&s)),
                        ),
                        "filename" | "contentbasename" => Some(name.to_string()),
                        _ => None,
                    })?
                }
                _ => {
                    let mut p: Vec<String> = sections.to_vec();
                    p.push(slug_part);
                    format!("{}/", p.join("/"))
                }
            }
        }
        Source::Zola => {
            let mut p: Vec<String> = sections.iter().map(|s| slugify(s)).collect();
            p.push(slugify(&slug_part));
            format!("{}/", p.join("/"))
        }
        _ => {
            let is_post = rel
                .components()
                .any(|c| c.as_os_str() == "_posts" || c.as_os_str() == "_drafts");
            if !is_post {
                // pages keep their path: about.md → about.html, docs/index.md → docs/
                let mut p: Vec<String> = sections.to_vec();
                if let Some(u) = &m.url {
                    return fill(u, &|_| None)
                        .map(|u| format!("{prefix}{}", u.trim_start_matches('/')));
                }
                if bundle || name == "index" {
                    return Some(format!(
                        "{prefix}{}",
                        if p.is_empty() {
                            String::new()
                        } else {
                            format!("{}/", p.join("/"))
                        }
                    ));
                }
                p.push(format!("{name}.html"));
                return Some(format!("{prefix}{}", p.join("/")));
            }
            let pattern = m
                .url
                .clone()
                .or_else(|| default_permalink(site, rel))
                .or_else(|| site.permalinks.first().map(|(_, p)| p.clone()))
                .unwrap_or_default();
            // folders above `_posts`, then the front matter's categories: lower case, each
            // once (Jekyll's URL drop keeps them in a set; spaces are served percent-encoded)
            let mut cats: Vec<String> = Vec::new();
            for c in sections.iter().chain(&m.categories) {
                let c = c.to_lowercase();
                if !cats.contains(&c) {
                    cats.push(c);
                }
            }
            fill(&pattern, &|t| match t {
                "year" => Some(ymd(0..4)),
                "month" => Some(ymd(5..7)),
                "day" => Some(ymd(8..10)),
                "i_month" => Some(ymd(5..7).trim_start_matches('0').to_string()),
                "i_day" => Some(ymd(8..10).trim_start_matches('0').to_string()),
                "short_year" => Some(ymd(2..4)),
                "title" => Some(jekyll_slug(m.slug.as_deref().unwrap_or(name), true)),
                "slug" | "name" => Some(jekyll_slug(&slug_part, false)),
                "categories" => Some(cats.join("/")),
                "output_ext" => Some(".html".into()),
                _ => None,
            })?
        }
    };
    let path = path.trim_start_matches('/');
    // `//` left by an empty :categories
    let mut clean = String::with_capacity(path.len());
    for c in path.chars() {
        if !(c == '/' && clean.ends_with('/')) {
            clean.push(c);
        }
    }
    let clean = clean.trim_start_matches('/');
    Some(if source == Source::Hugo {
        format!("{prefix}{}", hugo_path(clean))
    } else {
        format!("{prefix}{clean}")
    })
}

/// A path as Hugo's `urlize` makes it: letters, marks, digits and `./_-+~@#%` kept, spaces
/// become `-`, anything else (`?`, `!`, quotes) dropped, and lower case.
fn hugo_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        if c.is_alphanumeric()
            || matches!(c, '.' | '/' | '_' | '-' | '+' | '~' | '@' | '#' | '%')
            || is_mark(c)
        {
            out.extend(c.to_lowercase());
        } else if c.is_whitespace() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out
}

/// Whether `c` is a combining mark (Arabic vowel signs, accents written apart).
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED | 0x0591..=0x05C7 | 0x200C | 0x200D)
}

/// The permalink a Jekyll `defaults:` entry gives a file: the matching scope with the longest
/// path wins, one naming the type (`posts`, `pages`) over one that does not.
fn default_permalink(site: &Site, rel: &Path) -> Option<String> {
    let rel = rel.to_string_lossy().replace('\\', "/");
    let is_post = rel.split('/').any(|c| c == "_posts" || c == "_drafts");
    site.default_permalinks
        .iter()
        .filter(|(path, kind, _)| {
            let path_ok = path.is_empty() || rel == *path || rel.starts_with(&format!("{path}/"));
            let kind_ok = match kind.as_deref() {
                None => true,
                Some("posts") | Some("drafts") => is_post,
                Some("pages") => !is_post,
                Some(_) => false,
            };
            path_ok && kind_ok
        })
        .max_by_key(|(path, kind, _)| (path.len(), kind.is_some()))
        .map(|(_, _, p)| p.clone())
}

/// A Hugo slice of the sections, joined: `1:`, `:last`, `last`, `0`, `1:2`; `None` for a form
/// Hugo does not have.
fn slice(sections: &[String], spec: &str) -> Option<String> {
    let n = sections.len();
    let index = |s: &str, empty: usize| -> Option<usize> {
        match s.trim() {
            "" => Some(empty),
            "last" => Some(n.saturating_sub(1)),
            x => x.parse::<usize>().ok(),
        }
    };
    let (from, to) = match spec.split_once(':') {
        Some((a, b)) => (index(a, 0)?, index(b, n)?),
        None => {
            let i = index(spec, 0)?;
            (i, i + 1)
        }
    };
    let (from, to) = (from.min(n), to.min(n));
    Some(sections.get(from..to.max(from)).unwrap_or(&[]).join("/"))
}

/// Jekyll's `slugify`: `pretty` mode (for `:title`, case kept) keeps `._~!$&'()+,;=@` as well
/// as letters, marks and digits; the default mode keeps only those, in lower case. Every other
/// run of characters becomes one `-`, none at the ends.
fn jekyll_slug(s: &str, pretty: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let keep = c.is_alphabetic()
            || c.is_numeric()
            || is_mark(c)
            || (pretty && "._~!$&'()+,;=@".contains(c));
        if keep {
            if pretty {
                out.push(c);
            } else {
                out.extend(c.to_lowercase());
            }
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

/// A permalink pattern with its `:tokens` filled in; `None` when a token is unknown.
fn fill(pattern: &str, value: &dyn Fn(&str) -> Option<String>) -> Option<String> {
    let mut out = String::new();
    let mut rest = pattern;
    while let Some(i) = rest.find(':') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let end = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(after.len());
        // Hugo's slices: `:sections[1:]`, `:sections[last]`
        let end = match after[end..].strip_prefix('[').and_then(|r| r.find(']')) {
            Some(close) => end + 1 + close + 1,
            None => end,
        };
        let token = &after[..end];
        out.push_str(&value(token)?);
        rest = &after[end..];
    }
    out.push_str(rest);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns() {
        let v = |t: &str| match t {
            "year" => Some("2024".to_string()),
            "title" => Some("x".to_string()),
            "output_ext" => Some(".html".to_string()),
            _ => None,
        };
        assert_eq!(
            fill("/:year/:title:output_ext", &v).as_deref(),
            Some("/2024/x.html")
        );
        assert_eq!(fill("/:unknown/", &v), None);
    }

    #[test]
    fn section_slices() {
        let s: Vec<String> = ["docs", "guides", "setup"].map(String::from).to_vec();
        assert_eq!(slice(&s, "1:").as_deref(), Some("guides/setup"));
        assert_eq!(slice(&s, ":last").as_deref(), Some("docs/guides"));
        assert_eq!(slice(&s, "last").as_deref(), Some("setup"));
        assert_eq!(slice(&s, "0").as_deref(), Some("docs"));
        assert_eq!(slice(&s, "1:2").as_deref(), Some("guides"));
        assert_eq!(slice(&s, "x"), None);
    }

    #[test]
    fn jekyll_slugs() {
        assert_eq!(jekyll_slug("forbidding evil", true), "forbidding-evil");
        assert_eq!(jekyll_slug("Why? Now!", true), "Why-Now!");
        assert_eq!(jekyll_slug("Why? Now!", false), "why-now");
        assert_eq!(jekyll_slug("قمة الدوحة", false), "قمة-الدوحة");
    }

    #[test]
    fn hugo_urlizes_paths() {
        assert_eq!(hugo_path("posts/A hacker hunt?/"), "posts/a-hacker-hunt/");
        assert_eq!(hugo_path("أخبار/قمة الدوحة/"), "أخبار/قمة-الدوحة/");
    }
}
