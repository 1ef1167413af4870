//! Atom feeds (RFC 4287): `/LANG/feed.xml` and one per topic and country.
//!
//! Written in code rather than a template: the format is fixed, and escaping must be exact.
//! Every URL is absolute; entry ids are tag URIs made of the host, the publication date and the
//! article's path, so they do not change between builds. Each entry carries the full article as
//! HTML with `xml:base`, so relative links and images in the body resolve.

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
    let title = match scope {
        Scope::Front => language.to_string(),
        Scope::Topic(k) => format!("{language} — {}", view::topic_name(l10n, lang, k)),
        Scope::Country(c) => format!("{language} — {}", view::country_name(l10n, lang, c)),
        Scope::Author(k) => format!("{language} — {}", site.author_name(lang, k)),
        Scope::Tag(k) => format!("{language} — {}", site.tag_name(lang, k)),
    };
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
    // the language's feed carries whole articles; the others their summaries unless site.toml
    // says `term_feeds = "full"` (a reader following a topic gets the link, not a second copy)
    let full = matches!(scope, Scope::Front) || cfg.term_feeds_full;
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
    let tag = format!(
        "tag:{},{}:/{}",
        host(site),
        date.zoned.date(),
        crate::content::slug::encode_path(site.url_of(id))
    );
    let _ = write!(
        x,
        "  <entry>\n    <id>{}</id>\n    <title type=\"text\">{}</title>\n    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n    <published>{published}</published>\n    <updated>{updated}</updated>\n",
        xml_escape(&tag),
        xml_escape(&doc.title),
        xml_escape(&card.permalink)
    );
    for a in &doc.authors {
        let _ = writeln!(x, "    <author><name>{}</name></author>", xml_escape(a));
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
    // a file that vanished mid-build leaves an entry without content; its page reports the error
    let body = prep.body(root, site, l10n, id).unwrap_or_default();
    let mut html = String::with_capacity(body.len() + 256);
    if let (Some(img), Some(pic)) = (&doc.image, &card.image) {
        // the published rendition (the card's), not the source file
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
