//! WordPress, from its export file (WXR: Tools → Export → All content): posts, pages, their
//! categories and tags, authors, featured images, and WPML or Polylang languages and translation
//! groups. No live site or network is needed; pictures are copied when a copy of
//! `wp-content/uploads` is given (`--uploads`), and otherwise keep their WordPress addresses.

use std::collections::HashMap;

use quick_xml::events::Event;
use serde_json::{Map, Value};

use super::{html, Doc, Options, Read, Report};
use crate::diagnostics::Diagnostic;

/// One `<item>` as the export writes it.
#[derive(Debug, Default)]
struct Item {
    title: String,
    link: String,
    creator: String,
    content: String,
    excerpt: String,
    post_id: String,
    post_date: String,
    post_date_gmt: String,
    modified: String,
    modified_gmt: String,
    post_name: String,
    status: String,
    post_type: String,
    /// `wp:post_password` is set: the post is for readers with the password only.
    password: bool,
    attachment_url: String,
    /// (domain, nicename, text)
    categories: Vec<(String, String, String)>,
    meta: Vec<(String, String)>,
}

impl Item {
    fn meta(&self, key: &str) -> Option<&str> {
        self.meta
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .filter(|v| !v.is_empty())
    }

    fn category(&self, domain: &str) -> Option<&str> {
        self.categories
            .iter()
            .find(|(d, _, _)| d == domain)
            .map(|(_, n, _)| n.as_str())
    }
}

#[derive(Debug, Default)]
struct Channel {
    title: String,
    /// The site's tagline.
    description: String,
    link: String,
    language: String,
    base_blog_url: String,
    /// login → display name
    authors: HashMap<String, String>,
    items: Vec<Item>,
}

/// Reads the export file's channel and items.
fn parse(xml: &str) -> Result<Channel, (u64, String)> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut ch = Channel::default();
    let mut stack: Vec<String> = Vec::new();
    let mut text = String::new();
    let mut item: Option<Item> = None;
    let mut category: Option<(String, String)> = None;
    let mut meta_key = String::new();
    let mut author = (String::new(), String::new());
    loop {
        let at = reader.buffer_position();
        let event = reader.read_event().map_err(|e| (at, e.to_string()))?;
        match event {
            Event::Start(e) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                match name.as_str() {
                    "item" => item = Some(Item::default()),
                    "category" => {
                        let attr = |k: &str| {
                            e.try_get_attribute(k)
                                .ok()
                                .flatten()
                                .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
                                .unwrap_or_default()
                        };
                        category = Some((attr("domain"), attr("nicename")));
                    }
                    _ => {}
                }
                stack.push(name);
                text.clear();
            }
            Event::Empty(_) => {}
            Event::Text(t) => {
                text.push_str(&t.decode().map_err(|e| (at, e.to_string()))?);
            }
            Event::CData(t) => {
                text.push_str(&String::from_utf8_lossy(&t.into_inner()));
            }
            Event::GeneralRef(r) => {
                let name = r.decode().map_err(|e| (at, e.to_string()))?;
                match r.resolve_char_ref() {
                    Ok(Some(c)) => text.push(c),
                    _ => match quick_xml::escape::resolve_predefined_entity(&name) {
                        Some(s) => text.push_str(s),
                        None => {
                            text.push('&');
                            text.push_str(&name);
                            text.push(';');
                        }
                    },
                }
            }
            Event::End(_) => {
                let Some(name) = stack.pop() else {
                    continue;
                };
                let value = std::mem::take(&mut text);
                let parent = stack.last().map(String::as_str).unwrap_or("");
                if let Some(it) = item.as_mut() {
                    match name.as_str() {
                        "item" => {
                            if let Some(done) = item.take() {
                                ch.items.push(done);
                            }
                        }
                        "title" if parent == "item" => it.title = value,
                        "link" if parent == "item" => it.link = value,
                        "dc:creator" => it.creator = value,
                        "content:encoded" => it.content = value,
                        "excerpt:encoded" => it.excerpt = value,
                        "wp:post_id" => it.post_id = value.trim().to_string(),
                        "wp:post_date" => it.post_date = value.trim().to_string(),
                        "wp:post_date_gmt" => it.post_date_gmt = value.trim().to_string(),
                        "wp:post_modified" => it.modified = value.trim().to_string(),
                        "wp:post_modified_gmt" => it.modified_gmt = value.trim().to_string(),
                        "wp:post_name" => it.post_name = value.trim().to_string(),
                        "wp:status" => it.status = value.trim().to_string(),
                        "wp:post_type" => it.post_type = value.trim().to_string(),
                        "wp:post_password" => it.password = !value.trim().is_empty(),
                        "wp:attachment_url" => it.attachment_url = value.trim().to_string(),
                        "category" => {
                            if let Some((domain, nice)) = category.take() {
                                it.categories.push((domain, nice, value));
                            }
                        }
                        "wp:meta_key" => meta_key = value,
                        "wp:meta_value" => it.meta.push((std::mem::take(&mut meta_key), value)),
                        _ => {}
                    }
                } else {
                    match name.as_str() {
                        "title" if parent == "channel" => ch.title = value,
                        "link" if parent == "channel" => ch.link = value,
                        "description" if parent == "channel" => ch.description = value,
                        "language" if parent == "channel" => ch.language = value,
                        "wp:base_blog_url" => ch.base_blog_url = value,
                        "wp:author_login" => author.0 = value,
                        "wp:author_display_name" => author.1 = value,
                        "wp:author" => {
                            let (login, display) = std::mem::take(&mut author);
                            ch.authors.insert(login, display);
                        }
                        _ => {}
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(ch)
}

/// HTML character references (`&#8217;`, `&amp;`), as WordPress leaves in titles and HTML writes
/// in attributes.
pub(super) fn unescape_html(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let end = after.find(';').filter(|&e| e <= 32);
        let decoded = end.and_then(|e| {
            let name = &after[..e];
            if let Some(num) = name.strip_prefix('#') {
                let n = match num.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok(),
                    None => num.parse().ok(),
                };
                n.and_then(char::from_u32).map(String::from)
            } else {
                named_entity(name).map(String::from)
            }
        });
        match (decoded, end) {
            (Some(d), Some(e)) => {
                out.push_str(&d);
                rest = &after[e + 1..];
            }
            _ => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The named HTML entities WordPress writes in titles and excerpts.
fn named_entity(name: &str) -> Option<&'static str> {
    Some(match name {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        "nbsp" => "\u{a0}",
        "hellip" => "…",
        "ndash" => "–",
        "mdash" => "—",
        "lsquo" => "‘",
        "rsquo" => "’",
        "ldquo" => "“",
        "rdquo" => "”",
        "laquo" => "«",
        "raquo" => "»",
        _ => return None,
    })
}

/// The block editor's footnotes (post meta `footnotes`, a JSON list of `{id, content}`).
fn footnote_texts(meta: Option<&str>) -> Vec<(String, String)> {
    let Some(Ok(serde_json::Value::Array(list))) = meta.map(serde_json::from_str) else {
        return Vec::new();
    };
    list.iter()
        .filter_map(|f| {
            Some((
                f.get("id")?.as_str()?.to_string(),
                f.get("content")?.as_str()?.to_string(),
            ))
        })
        .collect()
}

/// Text without tags or entities (excerpts, captions).
fn strip_tags(s: &str) -> String {
    unescape_html(&html::text_of(s))
}

/// `2024-01-31 13:00:00` and its GMT twin → `2024-01-31T13:00:00+03:00`; without a GMT time
/// (drafts) the local time alone.
fn wp_date(local: &str, gmt: &str) -> Option<String> {
    let parse = |s: &str| s.replace(' ', "T").parse::<jiff::civil::DateTime>().ok();
    let l = parse(local).filter(|d| d.year() > 1)?;
    let Some(g) = parse(gmt).filter(|d| d.year() > 1) else {
        return Some(local.to_string());
    };
    let secs = l.duration_since(g).as_secs().clamp(-18 * 3600, 18 * 3600);
    let sign = if secs < 0 { '-' } else { '+' };
    let a = secs.abs();
    Some(format!(
        "{}{sign}{:02}:{:02}",
        l.strftime("%Y-%m-%dT%H:%M:%S"),
        a / 3600,
        (a % 3600) / 60
    ))
}

/// Reads a WXR file into documents.
pub fn read(opts: &Options, report: &mut Report) -> Result<Read, Diagnostic> {
    let bytes = std::fs::read(&opts.src)
        .map_err(|e| Diagnostic::error("io", format!("cannot read {}: {e}", opts.src.display())))?;
    from_str(&String::from_utf8_lossy(&bytes), opts, report)
}

/// Reads an export's text (`opts.src` names it in messages).
pub fn from_str(xml: &str, opts: &Options, report: &mut Report) -> Result<Read, Diagnostic> {
    let ch = parse(xml).map_err(|(at, msg)| {
        let p = crate::diagnostics::Pos::from_offset(xml, at as usize);
        Diagnostic::error("wxr", format!("not a readable WordPress export: {msg}"))
            .in_file(&opts.src)
            .at(p)
            .help("export again from WordPress: Tools → Export → All content")
    })?;
    if ch.items.is_empty() && ch.title.is_empty() {
        return Err(Diagnostic::error(
            "wxr",
            format!("{} has no WordPress channel or items", opts.src.display()),
        )
        .help("pass the .xml file WordPress's Tools → Export writes"));
    }
    let base = Some(ch.base_blog_url.as_str())
        .filter(|b| !b.is_empty())
        .unwrap_or(ch.link.as_str())
        .to_string();
    let site_lang = opts.lang.clone().unwrap_or_else(|| {
        let l = ch
            .language
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        if l.is_empty() {
            "en".to_string()
        } else {
            l
        }
    });
    let attachments: HashMap<&str, &Item> = ch
        .items
        .iter()
        .filter(|i| i.post_type == "attachment")
        .map(|i| (i.post_id.as_str(), i))
        .collect();
    let uploads = html::Uploads::new(opts.uploads.as_deref());

    let mut wanted: Vec<&Item> = Vec::new();
    for it in &ch.items {
        match it.post_type.as_str() {
            "post" | "page" => match it.status.as_str() {
                "trash" | "auto-draft" | "inherit" => {
                    report.skip(format!("{} in the trash or auto-saved", it.post_type))
                }
                _ => wanted.push(it),
            },
            "attachment" => report.skip(
                "attachments (media library entries; the pictures posts use are copied with them)",
            ),
            other => report.skip(format!("items of type `{other}`")),
        }
    }

    use rayon::prelude::*;
    let converter = html::converter();
    let made: Vec<(Doc, Notes, usize)> = wanted
        .par_iter()
        .map(|it| {
            item_doc(
                it,
                &ch,
                &base,
                &site_lang,
                &attachments,
                &uploads,
                &converter,
            )
        })
        .collect();
    let links = match uploads.links.into_inner() {
        Ok(l) => l,
        Err(p) => p.into_inner(),
    };
    for l in links {
        report.note(
            "pictures in --uploads reached through a symbolic link: not copied (left at their old addresses)",
            l,
        );
    }
    let mut docs = Vec::with_capacity(made.len());
    let mut missing = 0;
    for (doc, notes, miss) in made {
        for (what, example) in notes {
            report.note(what, example);
        }
        missing += miss;
        docs.push(doc);
    }
    report.remote_pictures += missing;
    Ok(Read {
        docs,
        title: Some(unescape_html(&ch.title)).filter(|t| !t.is_empty()),
        base_url: Some(base).filter(|b| !b.is_empty()),
        default_language: Some(site_lang),
        // WXR carries each post's offset, not the site's zone
        timezone: None,
        description: Some(unescape_html(&ch.description)).filter(|t| !t.is_empty()),
        lang_info: Default::default(),
        statics: Vec::new(),
    })
}

type Notes = Vec<(String, String)>;

fn item_doc(
    it: &Item,
    ch: &Channel,
    base: &str,
    site_lang: &str,
    attachments: &HashMap<&str, &Item>,
    uploads: &html::Uploads<'_>,
    converter: &htmd::HtmlToMarkdown,
) -> (Doc, Notes, usize) {
    let mut notes: Notes = Vec::new();
    let origin = format!("{} {} ({})", it.post_type, it.post_id, it.link);
    let lang = it
        .category("language")
        .or_else(|| it.meta("_wpml_import_language_code"))
        .or_else(|| it.meta("_wpml_language"))
        .map(|l| l.split(['-', '_']).next().unwrap_or(l).to_ascii_lowercase())
        .unwrap_or_else(|| site_lang.to_string());
    let group = it
        .category("post_translations")
        .or_else(|| it.meta("_wpml_import_translation_group"))
        .map_or_else(|| format!("wp-{}", it.post_id), |g| format!("wp-group-{g}"));
    // titles may carry markup (`<em>`, `<br>`): their text is the headline
    let title = strip_tags(it.title.trim());
    let date = if it.post_type == "post" {
        let d = wp_date(&it.post_date, &it.post_date_gmt);
        if d.is_none() {
            notes.push(("posts without a date: made pages".into(), origin.clone()));
        }
        d
    } else {
        None
    };
    let slug = match super::decode(&it.post_name) {
        s if s.trim().is_empty() => title.clone(),
        s => s,
    };

    let mut fields: super::Fields = Vec::new();
    if it.modified != it.post_date && it.post_type == "post" {
        if let Some(u) = wp_date(&it.modified, &it.modified_gmt) {
            if date.as_deref() < Some(u.as_str()) {
                fields.push(("updated", Value::String(u)));
            }
        }
    }
    let excerpt = strip_tags(&it.excerpt);
    if !excerpt.is_empty() {
        fields.push(("summary", Value::String(excerpt)));
    }
    let tags: Vec<String> = it
        .categories
        .iter()
        .filter(|(d, n, _)| (d == "category" && n != "uncategorized") || d == "post_tag")
        .map(|(_, _, t)| unescape_html(t.trim()))
        .filter(|t| !t.is_empty())
        .collect();
    if !tags.is_empty() {
        fields.push(("tags", Value::from(tags)));
    }
    let author = ch
        .authors
        .get(&it.creator)
        .filter(|d| !d.trim().is_empty())
        .cloned()
        .unwrap_or_else(|| it.creator.clone());
    if !author.trim().is_empty() && it.post_type == "post" {
        fields.push(("authors", Value::from(vec![author])));
    }

    let mut missing = 0;
    let body_html = html::figures(&html::paragraphs(&html::captions(&it.content)));
    let (body_html, mut files) = uploads.rewrite(&body_html, &mut missing);
    if let Some(att) = it.meta("_thumbnail_id").and_then(|id| attachments.get(id)) {
        let alt = att
            .meta("_wp_attachment_image_alt")
            .unwrap_or("")
            .to_string();
        let src = match uploads.local(&att.attachment_url) {
            Some(p) => {
                let name = p
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                if !files.iter().any(|(_, n)| *n == name) {
                    files.push((p, name.clone()));
                }
                name
            }
            None => {
                if !att.attachment_url.is_empty() {
                    missing += 1;
                }
                att.attachment_url.clone()
            }
        };
        if !src.is_empty() {
            let mut img = Map::new();
            img.insert("src".into(), Value::String(src));
            img.insert("alt".into(), Value::String(unescape_html(&alt)));
            let caption = strip_tags(&att.excerpt);
            if !caption.is_empty() {
                img.insert("caption".into(), Value::String(caption));
            }
            fields.push(("image", Value::Object(img)));
        }
    }
    // what the conversion would drop: named anchors (in-page links point at them) and block
    // footnotes (their text is in the post's meta, JSON)
    let body_html = html::mark_anchors(&body_html);
    let (body_html, footnote_ids) = html::mark_footnotes(&body_html);
    let footnotes = footnote_texts(it.meta("footnotes"));
    let body = match html::markdown(converter, &body_html) {
        Some(md) => {
            let mut md = html::restore_marks(&md);
            for (n, id) in footnote_ids.iter().enumerate() {
                let text = footnotes
                    .iter()
                    .find(|(i, _)| i == id)
                    .map(|(_, t)| {
                        html::markdown(converter, t)
                            .map(|m| html::restore_marks(&m))
                            .unwrap_or_else(|| strip_tags(t))
                    })
                    .unwrap_or_default();
                if text.is_empty() {
                    notes.push((
                        "footnotes whose text the export does not have: left empty".into(),
                        origin.clone(),
                    ));
                }
                md.push_str(&format!(
                    "{}[^{}]: {}\n",
                    if n == 0 { "\n\n" } else { "" },
                    n + 1,
                    text.replace('\n', " ")
                ));
            }
            md
        }
        None => {
            notes.push((
                format!(
                    "posts whose HTML nests more than {} elements deep: kept as HTML, not converted",
                    html::MAX_NESTING
                ),
                origin.clone(),
            ));
            body_html.clone()
        }
    };
    let mut extra = Map::new();
    extra.insert("wordpress_id".into(), Value::String(it.post_id.clone()));
    fields.push(("extra", Value::Object(extra)));

    if let Some(code) = html::shortcode(&body_html) {
        notes.push((
            "WordPress shortcodes left as written (nashra shows them as text)".into(),
            format!("{origin}: {}", code.chars().take(60).collect::<String>()),
        ));
    }
    let old_urls = super::site_path(&it.link, Some(base))
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect();
    // a password-protected post is not public: a static site cannot protect it, so it is
    // imported as a draft (as private posts are) and listed
    let draft = matches!(it.status.as_str(), "draft" | "pending" | "private") || it.password;
    if it.password && !matches!(it.status.as_str(), "draft" | "pending" | "private") {
        notes.push((
            "password-protected posts: imported as drafts (a static site cannot ask for the password)".into(),
            origin.clone(),
        ));
    }
    (
        Doc {
            origin,
            source: None,
            lang,
            date,
            title: if title.is_empty() {
                slug.clone()
            } else {
                title
            },
            slug,
            fields,
            body,
            files,
            old_urls,
            group,
            draft,
        },
        notes,
        missing,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_keep_the_local_time_and_its_offset() {
        assert_eq!(
            wp_date("2024-01-31 13:00:00", "2024-01-31 10:00:00").as_deref(),
            Some("2024-01-31T13:00:00+03:00")
        );
        assert_eq!(
            wp_date("2024-01-31 13:00:00", "0000-00-00 00:00:00").as_deref(),
            Some("2024-01-31 13:00:00")
        );
        assert_eq!(wp_date("0000-00-00 00:00:00", ""), None);
    }

    #[test]
    fn html_references_in_titles() {
        assert_eq!(
            unescape_html("It&#8217;s &amp; &quot;ok&quot; &bogus"),
            "It’s & \"ok\" &bogus"
        );
    }
}
