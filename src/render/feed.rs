//! Feeds: Atom (RFC 4287, `feed.xml`) and JSON Feed 1.1 (`feed.json`) side by side, for every
//! language and every topic, country, tag and author.
//!
//! Written in code rather than a template: the formats are fixed, and escaping must be exact.
//! Every URL is absolute; entry ids are tag URIs made of the host, the publication date and the
//! article's path, so they do not change between builds, and an article has the same id in both
//! formats. A full entry carries the article as HTML (in Atom with `xml:base`, so relative links
//! and images in the body resolve); with `websub_hub` set, both formats name the hub.

use std::fmt::Write;

use crate::i18n::Localizer;
use crate::model::{paths, DocId, Scope, Site};

use super::view::{self, rfc3339, Card, Prepared};

/// Text with XML's special characters escaped and the characters XML 1.0 forbids removed.
/// Works on bytes: every byte that needs attention is ASCII, so runs of other bytes (all of
/// UTF-8's multi-byte sequences among them) are copied whole.
pub fn xml_escape(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let rep = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&apos;",
            b'\t' | b'\n' | b'\r' => continue,
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(&text[start..i]);
        out.push_str(rep);
        start = i + 1;
    }
    out.push_str(&text[start..]);
    // U+FFFE and U+FFFF are not XML characters either
    if out.contains(['\u{FFFE}', '\u{FFFF}']) {
        out = out.replace(['\u{FFFE}', '\u{FFFF}'], "");
    }
    out
}

/// Whether `text` holds a character XML 1.0 forbids: a control character other than tab and line
/// breaks, or U+FFFE/U+FFFF (both start with the byte 0xEF, which ordinary text rarely has; the
/// exact check runs only then).
fn has_non_xml(text: &str) -> bool {
    let suspect = text
        .bytes()
        .any(|b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || b == 0xEF);
    suspect
        && text.chars().any(|c| {
            (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
        })
}

/// Appends `text` to `out` as a CDATA section: no escaping, so an HTML body costs one copy. A
/// `]]>` inside is split across two sections; characters XML forbids are removed.
pub fn push_cdata(out: &mut String, text: &str) {
    let cleaned;
    let text = if has_non_xml(text) {
        cleaned = text
            .chars()
            .filter(|&c| {
                !((c < ' ' && !matches!(c, '\t' | '\n' | '\r'))
                    || matches!(c, '\u{FFFE}' | '\u{FFFF}'))
            })
            .collect::<String>();
        cleaned.as_str()
    } else {
        text
    };
    out.push_str("<![CDATA[");
    let mut rest = text;
    while let Some(i) = rest.find("]]>") {
        out.push_str(&rest[..i + 2]);
        out.push_str("]]><![CDATA[");
        rest = &rest[i + 2..];
    }
    out.push_str(rest);
    out.push_str("]]>");
}

/// The host of the base URL, for tag URIs.
fn host(site: &Site) -> &str {
    let url = &site.config.base_url;
    let rest = url.split_once("://").map_or(url.as_str(), |(_, r)| r);
    rest.split('/').next().unwrap_or(rest)
}

/// Resolves an image `src` against the page it sits on.
pub fn absolute(site: &Site, page_permalink: &str, src: &str) -> String {
    if src.starts_with("http://") || src.starts_with("https://") || src.starts_with("//") {
        src.to_string()
    } else if src.starts_with('/') {
        format!("{}{src}", view::origin(&site.config))
    } else {
        format!("{page_permalink}{src}")
    }
}

/// A feed's title: the language's site title, and the topic, country, author or tag it follows.
fn feed_title(site: &Site, l10n: &Localizer, lang: &str, scope: &Scope) -> String {
    let language = site
        .config
        .language(lang)
        .map_or(lang, |l| l.title.as_str());
    match scope {
        Scope::Front => language.to_string(),
        Scope::Topic(k) => format!("{language} — {}", view::topic_name(l10n, lang, k)),
        Scope::Country(c) => format!("{language} — {}", view::country_name(l10n, lang, c)),
        Scope::Author(k) => format!("{language} — {}", site.author_name(lang, k)),
        Scope::Tag(k) => format!("{language} — {}", site.tag_name(lang, k)),
    }
}

/// Whether a list's feed carries whole articles: the language's own feed does; topic, country,
/// tag and author feeds carry summaries unless site.toml says `term_feeds = "full"` (a reader
/// following a topic gets the link, not a second copy).
fn carries_full(site: &Site, scope: &Scope) -> bool {
    matches!(scope, Scope::Front) || site.config.term_feeds_full
}

/// The top of a JSON Feed (everything but `items`).
#[derive(serde::Serialize)]
struct JsonFeedTop<'a> {
    version: &'static str,
    title: &'a str,
    home_page_url: &'a str,
    feed_url: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    description: &'a str,
    language: &'a str,
    authors: [JsonAuthor<'a>; 1],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    hubs: Vec<JsonHub<'a>>,
}

#[derive(serde::Serialize)]
struct JsonAuthor<'a> {
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
}

#[derive(serde::Serialize)]
struct JsonHub<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    url: &'a str,
}

/// One JSON Feed item: the Atom entry's id, address, dates, authors, topics and countries, and
/// either the whole article (`content_html`) or its summary (`content_text`).
#[derive(serde::Serialize)]
struct JsonItem<'a> {
    id: &'a str,
    url: &'a str,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    content_html: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    content_text: Option<&'a str>,
    #[serde(skip_serializing_if = "str::is_empty")]
    summary: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    image: Option<&'a str>,
    date_published: &'a str,
    date_modified: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    authors: Vec<JsonAuthor<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tags: Vec<&'a str>,
    language: &'a str,
}

/// A list's JSON Feed 1.1 (<https://jsonfeed.org/version/1.1>): the same entries as its Atom
/// feed, in the same order, with the same ids. Each item is made once per build and shared by
/// every feed that carries it.
pub fn render_json(
    root: &std::path::Path,
    site: &Site,
    l10n: &Localizer,
    prep: &Prepared,
    lang: &str,
    scope: &Scope,
) -> String {
    let cfg = &site.config;
    let ids = site.feed_articles(lang, scope);
    let title = feed_title(site, l10n, lang, scope);
    let language = cfg.language(lang).map_or(lang, |l| l.title.as_str());
    let home = view::permalink(cfg, &paths::scope(lang, scope));
    let feed_url = view::permalink(cfg, &paths::json_feed(lang, scope));
    let top = JsonFeedTop {
        version: "https://jsonfeed.org/version/1.1",
        title: &title,
        home_page_url: &home,
        feed_url: &feed_url,
        description: cfg.language(lang).map_or("", |l| l.description.as_str()),
        language: lang,
        authors: [JsonAuthor {
            name: language,
            url: None,
        }],
        hubs: cfg
            .websub_hub
            .iter()
            .map(|url| JsonHub {
                kind: "WebSub",
                url,
            })
            .collect(),
    };
    let mut x = serde_json::to_string(&top).unwrap_or_else(|_| "{}".into());
    // reopen the object for `items`
    x.pop();
    x.push_str(",\"items\":[");
    let full = carries_full(site, scope);
    let mut first = true;
    for &id in ids {
        let slot = &prep.cards[id];
        let cell = if full {
            &slot.json_entry
        } else {
            &slot.json_short_entry
        };
        let item = cell.get_or_init(|| json_item(root, (site, l10n), prep, &slot.card, id, full));
        if item.is_empty() {
            continue;
        }
        if !first {
            x.push(',');
        }
        first = false;
        x.push('\n');
        x.push_str(item);
    }
    x.push_str("]}\n");
    x
}

/// One article as a JSON Feed item (empty for an undated document, which feeds never carry).
fn json_item(
    root: &std::path::Path,
    (site, l10n): (&Site, &Localizer),
    prep: &Prepared,
    card: &Card,
    id: DocId,
    full: bool,
) -> String {
    let doc = &site.documents[id];
    let Some(date) = &doc.date else {
        return String::new();
    };
    let published = rfc3339(date);
    let modified = doc.last_change().map_or_else(|| published.clone(), rfc3339);
    let item_id = entry_id(site, id, date);
    let html = full.then(|| content_html(root, (site, l10n), prep, card, id));
    let image = card
        .image
        .as_ref()
        .map(|pic| absolute(site, &card.permalink, &pic.picture.src));
    let bylines = bylines(site, id);
    let authors = bylines
        .iter()
        .map(|(name, url)| JsonAuthor {
            name,
            url: url.as_deref(),
        })
        .collect();
    let tags = card
        .topics
        .iter()
        .chain(&card.countries)
        .chain(&card.tags)
        .map(|t| t.view.name.as_str())
        .collect();
    // an item needs content: the summary stands in where the feed carries no bodies (or the
    // title, for an article without one)
    let text = if doc.summary.is_empty() {
        &doc.title
    } else {
        &doc.summary
    };
    let item = JsonItem {
        id: &item_id,
        url: &card.permalink,
        title: &doc.title,
        content_html: html.as_deref(),
        content_text: (!full).then_some(text.as_str()),
        summary: &doc.summary,
        image: image.as_deref(),
        date_published: &published,
        date_modified: &modified,
        authors,
        tags,
        language: &doc.lang,
    };
    serde_json::to_string(&item).unwrap_or_default()
}

pub fn render(
    root: &std::path::Path,
    site: &Site,
    l10n: &Localizer,
    prep: &Prepared,
    lang: &str,
    scope: &Scope,
) -> String {
    let cfg = &site.config;
    let language = cfg.language(lang).map_or(lang, |l| l.title.as_str());
    let ids = site.feed_articles(lang, scope);
    let title = feed_title(site, l10n, lang, scope);
    let page_url = view::permalink(cfg, &paths::scope(lang, scope));
    let self_url = view::permalink(cfg, &paths::feed(lang, scope));
    // an empty feed (a language without articles) still needs a fixed `updated`
    let updated = site
        .last_change(ids)
        .map_or_else(|| "1970-01-01T00:00:00Z".to_string(), rfc3339);
    let description = cfg.language(lang).map_or("", |l| l.description.as_str());

    let mut x = String::with_capacity(4096 + ids.len() * 8192);
    let _ = write!(
        x,
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n  <id>{}</id>\n  <title type=\"text\">{}</title>\n",
        xml_escape(lang),
        xml_escape(&page_url),
        xml_escape(&title)
    );
    if !description.is_empty() {
        let _ = writeln!(
            x,
            "  <subtitle type=\"text\">{}</subtitle>",
            xml_escape(description)
        );
    }
    let _ = write!(
        x,
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n  <link rel=\"alternate\" type=\"text/html\" hreflang=\"{}\" href=\"{}\"/>\n  <updated>{}</updated>\n  <author><name>{}</name></author>\n  <generator uri=\"https://github.com/nashra-ssg/nashra\">nashra</generator>\n",
        xml_escape(&self_url),
        xml_escape(lang),
        xml_escape(&page_url),
        updated,
        xml_escape(language)
    );
    if let Some(hub) = &cfg.websub_hub {
        let _ = writeln!(x, "  <link rel=\"hub\" href=\"{}\"/>", xml_escape(hub));
    }
    let full = carries_full(site, scope);
    for &id in ids {
        // an entry is the same in every feed that carries it: written once per build
        let slot = &prep.cards[id];
        let cell = if full { &slot.entry } else { &slot.short_entry };
        x.push_str(cell.get_or_init(|| {
            let capacity = if full {
                site.documents[id].body_len * 3 / 2 + 2048
            } else {
                2048
            };
            let mut e = String::with_capacity(capacity);
            entry(&mut e, root, (site, l10n), prep, &slot.card, id, full);
            e
        }));
    }
    x.push_str("</feed>\n");
    x
}

/// An entry's authors: each byline's name in the article's language and, for an author with a
/// page, that page's address.
fn bylines(site: &Site, id: DocId) -> Vec<(String, Option<String>)> {
    let lang = &site.documents[id].lang;
    site.bylines
        .get(id)
        .map(|b| {
            b.iter()
                .map(|b| match &b.key {
                    Some(k) => (
                        site.author_name(lang, k),
                        Some(view::permalink(
                            &site.config,
                            &paths::scope(lang, &Scope::Author(k.clone())),
                        )),
                    ),
                    None => (b.written.clone(), None),
                })
                .collect()
        })
        .unwrap_or_default()
}

/// A full entry's content: the lead image (its published rendition, with its credit) and the
/// body's HTML. A file that vanished mid-build leaves it without a body; its page reports the
/// error.
fn content_html(
    root: &std::path::Path,
    (site, l10n): (&Site, &Localizer),
    prep: &Prepared,
    card: &Card,
    id: DocId,
) -> String {
    let doc = &site.documents[id];
    let body = prep.body(root, site, l10n, id).unwrap_or_default();
    let mut html = String::with_capacity(body.len() + 256);
    if let (Some(img), Some(pic)) = (&doc.image, &card.image) {
        let _ = writeln!(
            html,
            "<figure><img src=\"{}\" alt=\"{}\">{}</figure>",
            xml_escape(&absolute(site, &card.permalink, &pic.picture.src)),
            xml_escape(&img.alt),
            img.credit
                .as_deref()
                .map(|c| format!("<figcaption>{}</figcaption>", xml_escape(c)))
                .unwrap_or_default()
        );
    }
    html.push_str(&body);
    html
}

/// An entry's id, the same in both formats and in every build: a tag URI of the host, the
/// publication day and the article's path.
fn entry_id(site: &Site, id: DocId, date: &crate::content::dates::PubDate) -> String {
    format!(
        "tag:{},{}:/{}",
        host(site),
        date.zoned.date(),
        crate::content::slug::encode_path(site.url_of(id))
    )
}

fn entry(
    x: &mut String,
    root: &std::path::Path,
    (site, l10n): (&Site, &Localizer),
    prep: &Prepared,
    card: &Card,
    id: DocId,
    full: bool,
) {
    let doc = &site.documents[id];
    let Some(date) = &doc.date else { return };
    let published = rfc3339(date);
    let updated = doc.last_change().map_or_else(|| published.clone(), rfc3339);
    let tag = entry_id(site, id, date);
    let _ = write!(
        x,
        "  <entry>\n    <id>{}</id>\n    <title type=\"text\">{}</title>\n    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n    <published>{published}</published>\n    <updated>{updated}</updated>\n",
        xml_escape(&tag),
        xml_escape(&doc.title),
        xml_escape(&card.permalink)
    );
    for (name, uri) in bylines(site, id) {
        match uri {
            Some(uri) => {
                let _ = writeln!(
                    x,
                    "    <author><name>{}</name><uri>{}</uri></author>",
                    xml_escape(&name),
                    xml_escape(&uri)
                );
            }
            None => {
                let _ = writeln!(x, "    <author><name>{}</name></author>", xml_escape(&name));
            }
        }
    }
    for t in card.topics.iter().map(|t| &t.view) {
        let _ = writeln!(
            x,
            "    <category term=\"{}\" label=\"{}\" scheme=\"{}\"/>",
            xml_escape(&t.key),
            xml_escape(&t.name),
            xml_escape(&view::permalink(&site.config, &paths::topics(&doc.lang)))
        );
    }
    for c in card.countries.iter().map(|c| &c.view) {
        let _ = writeln!(
            x,
            "    <category term=\"{}\" label=\"{}\" scheme=\"{}\"/>",
            xml_escape(&c.key),
            xml_escape(&c.name),
            xml_escape(&view::permalink(&site.config, &paths::countries(&doc.lang)))
        );
    }
    if !doc.summary.is_empty() {
        let _ = writeln!(
            x,
            "    <summary type=\"text\">{}</summary>",
            xml_escape(&doc.summary)
        );
    }
    if !full {
        x.push_str("  </entry>\n");
        return;
    }
    let html = content_html(root, (site, l10n), prep, card, id);
    let _ = write!(
        x,
        "    <content type=\"html\" xml:base=\"{}\">",
        xml_escape(&card.permalink),
    );
    push_cdata(x, &html);
    x.push_str("</content>\n  </entry>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_strips() {
        assert_eq!(xml_escape("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&apos;");
        assert_eq!(xml_escape("قمة\u{1}\tx\u{FFFF}"), "قمة\tx");
    }

    #[test]
    fn cdata_splits_its_end_marker_and_strips() {
        let mut out = String::new();
        push_cdata(&mut out, "<p>a]]>b & \u{FEFF}c</p>");
        assert_eq!(out, "<![CDATA[<p>a]]]]><![CDATA[>b & \u{FEFF}c</p>]]>");
        let doc = format!("<x>{out}</x>");
        let parsed = roxmltree::Document::parse(&doc).unwrap();
        let text: String = parsed
            .root_element()
            .children()
            .filter_map(|n| n.text())
            .collect();
        assert_eq!(text, "<p>a]]>b & \u{FEFF}c</p>");
        let mut out = String::new();
        push_cdata(&mut out, "x\u{1}y\u{FFFE}z\n");
        assert_eq!(out, "<![CDATA[xyz\n]]>");
    }
}
