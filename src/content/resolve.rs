//! Front matter as written ([`RawFrontMatter`]) → a validated [`Document`]: every key checked
//! against the configuration, positions of problems in file coordinates.

use std::path::{Path, PathBuf};

use super::frontmatter::{self, RawFrontMatter, Split};
use super::newsroom;
use super::*;
use crate::config::Config;
use crate::diagnostics::{did_you_mean, Diagnostic, Pos};

pub(super) struct ResolveCtx<'a> {
    pub(super) rel: &'a Path,
    pub(super) name: &'a str,
    pub(super) lang: String,
    pub(super) folder: PathBuf,
    pub(super) kind: Kind,
}

pub(super) fn resolve(
    raw: RawFrontMatter,
    split: &Split<'_>,
    config: &Config,
    cx: ResolveCtx<'_>,
    errors: &mut Vec<Diagnostic>,
    warnings: &mut Vec<Diagnostic>,
) -> Option<Document> {
    let pos = |loc: &serde_saphyr::Location| frontmatter::file_pos(split, loc);
    let mut cx = cx;
    if raw.date.is_none() && cx.kind == Kind::Article && config.undated_pages {
        cx.kind = Kind::Page;
    }

    let title = match &raw.title {
        Some(t) if !t.value.trim().is_empty() => t.value.trim().to_string(),
        Some(t) => {
            errors.push(
                Diagnostic::error("missing-title", "the title is empty")
                    .at(pos(&t.referenced))
                    .help("write the headline after `title:`"),
            );
            String::new()
        }
        None => {
            errors.push(
                Diagnostic::error("missing-title", "front matter has no `title`")
                    .at(Pos::new(split.yaml_first_line, 1))
                    .help("add a line `title: …` with the headline"),
            );
            String::new()
        }
    };

    let parse_date = |field: &str,
                      v: &serde_saphyr::Spanned<String>,
                      errors: &mut Vec<Diagnostic>|
     -> Option<PubDate> {
        match dates::parse(&v.value, &config.timezone) {
            Ok(d) => Some(d),
            Err((msg, help)) => {
                errors.push(
                    Diagnostic::error("bad-date", format!("invalid `{field}`: {msg}"))
                        .at(pos(&v.referenced))
                        .help(help),
                );
                None
            }
        }
    };
    let date = match &raw.date {
        Some(d) => parse_date("date", d, errors),
        None if cx.kind == Kind::Article => {
            errors.push(
                Diagnostic::error("missing-date", "front matter has no `date`")
                    .at(Pos::new(split.yaml_first_line, 1))
                    .help("add a line `date: 2025-11-27 10:30` with the publication time; a page that is not news (about, contact) goes under content/pages/, or set `undated = \"page\"` in site.toml"),
            );
            None
        }
        None => None,
    };
    let updated = raw
        .updated
        .as_ref()
        .and_then(|d| parse_date("updated", d, errors));
    if let (Some(d), Some(u), Some(raw_u)) = (&date, &updated, &raw.updated) {
        if u.timestamp() < d.timestamp() {
            warnings.push(
                Diagnostic::warning("updated-before-date", "`updated` is earlier than `date`")
                    .at(pos(&raw_u.referenced))
                    .help(
                        "`updated` is the time of the last substantive change, after publication",
                    ),
            );
        }
    }

    let mut topics = Vec::new();
    for t in raw.topics.iter().flatten() {
        let key = t.value.trim();
        if config.topics.iter().any(|k| k == key) {
            if !topics.iter().any(|k: &String| k == key) {
                topics.push(key.to_string());
            }
        } else {
            let mut d = Diagnostic::error(
                "unknown-topic",
                match did_you_mean(key, config.topics.iter().map(String::as_str)) {
                    Some(s) => format!("unknown topic `{key}` (did you mean `{s}`?)"),
                    None => format!("unknown topic `{key}`"),
                },
            )
            .at(pos(&t.referenced));
            d = d.help(format!(
                "declared topics: {}; declare new ones in site.toml `topics`",
                config.topics.join(", ")
            ));
            errors.push(d);
        }
    }

    let mut countries = Vec::new();
    for c in raw.countries.iter().flatten() {
        let code = c.value.trim().to_ascii_uppercase();
        if countries::CODES.binary_search(&code.as_str()).is_ok() {
            if !countries.contains(&code) {
                countries.push(code);
            }
        } else {
            let hint = match code.as_str() {
                "UK" => Some("GB"),
                "EL" => Some("GR"),
                _ => None,
            };
            let msg = match hint {
                Some(h) => format!("invalid country code `{}` (did you mean `{h}`?)", c.value),
                None => format!("invalid country code `{}`", c.value),
            };
            errors.push(
                Diagnostic::error("bad-country", msg)
                    .at(pos(&c.referenced))
                    .help("use ISO 3166-1 alpha-2 codes such as KG, RU, SA (any case)"),
            );
        }
    }

    let tags = super::tags::resolve(
        raw.tags
            .iter()
            .chain(&raw.categories)
            .map(|t| (&t.value, pos(&t.referenced))),
        warnings,
    );

    let sources = raw
        .source
        .map(|s| s.into_vec())
        .unwrap_or_default()
        .into_iter()
        .map(|s| Source {
            name: s.name,
            url: s.url.filter(|u| !u.trim().is_empty()),
        })
        .collect();

    let image = raw.image.map(|img| {
        let alt = img.value.alt.clone().unwrap_or_default();
        if alt.trim().is_empty() {
            warnings.push(
                Diagnostic::warning("image-alt", "the lead image has no `alt` text")
                    .at(pos(&img.referenced))
                    .help("describe the picture under `image:` with `alt: …` for readers who cannot see it"),
            );
        }
        let focus = img.value.focus.as_deref().and_then(|f| match parse_focus(f) {
            Some(xy) => Some(xy),
            None => {
                errors.push(
                    Diagnostic::error("bad-focus", format!("invalid image `focus` `{f}`"))
                        .at(pos(&img.referenced))
                        .help("write the point to keep as two fractions, across then down: `focus: \"0.5,0.3\"` (0,0 is the top left corner)"),
                );
                None
            }
        });
        Box::new(Image {
            src: img.value.src,
            alt,
            credit: img.value.credit.filter(|c| !c.trim().is_empty()),
            caption: img.value.caption.filter(|c| !c.trim().is_empty()),
            focus,
            pos: pos(&img.referenced),
        })
    });

    let (slug_source, url_pos) = match &raw.slug {
        Some(s) => (s.value.as_str(), pos(&s.referenced)),
        None => (
            cx.name,
            raw.title
                .as_ref()
                .map_or(Pos::new(1, 1), |t| pos(&t.referenced)),
        ),
    };
    let slug_source = if raw.slug.is_none() && cx.name == "index" {
        cx.folder
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or(cx.name)
    } else {
        slug_source
    };
    let slug = slug::slugify(slug_source);
    if slug.is_empty() {
        errors.push(
            Diagnostic::error("bad-slug", format!("`{slug_source}` gives an empty slug"))
                .at(url_pos)
                .help("set `slug:` to letters or digits, e.g. `slug: csto-summit`"),
        );
    } else if slug.len() > slug::MAX_BYTES {
        errors.push(
            Diagnostic::error(
                "bad-slug",
                format!(
                    "the slug is {} bytes long ({} characters); a folder name can have at most {} bytes",
                    slug.len(),
                    slug.chars().count(),
                    slug::MAX_BYTES
                ),
            )
            .at(url_pos)
            .help("set a shorter `slug:`, a few words of the headline (Arabic letters take two bytes each)"),
        );
    }

    // in NFC: macOS writes names decomposed (NFD), other systems composed, and a translation
    // saved on each must still pair up
    use unicode_normalization::UnicodeNormalization;
    let translation_key = match raw.translation_key {
        Some(k) if !k.trim().is_empty() => format!("key:{}", k.trim().nfc()),
        _ => {
            let base = if cx.name == "index" {
                cx.folder.clone()
            } else {
                cx.folder.join(cx.name)
            };
            let base = base.to_string_lossy().replace('\\', "/");
            format!("path:{}", base.nfc())
        }
    };

    let expires = raw
        .expires
        .as_ref()
        .and_then(|d| parse_date("expires", d, errors));
    if let (Some(d), Some(e), Some(raw_e)) = (&date, &expires, &raw.expires) {
        if e.timestamp() <= d.timestamp() {
            errors.push(
                Diagnostic::error("expires-before-date", "`expires` is not after `date`")
                    .at(pos(&raw_e.referenced))
                    .help("`expires` is when the article is taken off the site; it must come after `date`"),
            );
        }
    }
    let corrections = newsroom::corrections(
        raw.corrections.unwrap_or_default(),
        &config.timezone,
        pos,
        errors,
    );
    let aliases = newsroom::aliases(
        raw.aliases.unwrap_or_default(),
        &config.base_url,
        &config.base_path,
        pos,
        errors,
    );
    if cx.kind == Kind::Article {
        if let Some(t) = &raw.title {
            warnings.extend(newsroom::headline_warning(&title, pos(&t.referenced)));
        }
    }

    let mut extra = raw.extra.unwrap_or_default();
    for (k, v) in raw.unknown {
        extra.entry(k).or_insert(v);
    }

    let body = &split.body;
    let (summary, summary_written) = match raw.summary {
        Some(s) if !s.trim().is_empty() => (s.trim().to_string(), true),
        _ => (
            markdown::cut_summary(&markdown::first_paragraph_of(body), markdown::SUMMARY_CHARS),
            false,
        ),
    };

    if !errors.is_empty() {
        return None;
    }
    Some(Document {
        path: Path::new("content").join(cx.rel),
        folder: cx.folder,
        lang: cx.lang,
        kind: cx.kind,
        translation_key,
        title,
        date,
        updated: updated.map(Box::new),
        summary,
        summary_written,
        topics,
        countries,
        tags,
        sources,
        image,
        authors: raw.authors.map(|a| a.into_vec()).unwrap_or_default(),
        slug,
        draft: raw.draft.unwrap_or(false),
        expires: expires.map(Box::new),
        corrections,
        aliases,
        extra,
        body_len: body.len(),
        body_hash: xxhash_rust::xxh3::xxh3_128(body.as_bytes()),
        body: None,
        url_pos,
    })
}

/// `"0.5,0.3"` → (500, 300): each fraction from 0 to 1, in thousandths.
fn parse_focus(text: &str) -> Option<(u16, u16)> {
    let (x, y) = text.split_once(',')?;
    let part = |t: &str| -> Option<u16> {
        let v: f64 = t.trim().parse().ok()?;
        (0.0..=1.0)
            .contains(&v)
            .then(|| (v * 1000.0).round() as u16)
    };
    Some((part(x)?, part(y)?))
}
