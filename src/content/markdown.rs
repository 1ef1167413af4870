//! Markdown to HTML with pulldown-cmark, and the plain-text summary.
//!
//! Enabled: tables, footnotes, strikethrough and `{#id}` heading attributes. Headings without an
//! id get one from their text (same rules as slugs, numbered when repeated), so every section can
//! be linked. Raw HTML passes through: newsrooms embed things.

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};

use super::slug::slugify;

/// How long a generated summary may be, in characters, before it is cut at a word boundary.
pub const SUMMARY_CHARS: usize = 300;

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// What the files a document links to have become: the media stage answers for the files it
/// publishes; anything else is left as written.
pub trait Media {
    /// The address to write for a link to `dest`, when it names a published file; an empty
    /// address when it names a document that is not published (a draft): the link's text is
    /// shown without the link.
    fn href(&self, dest: &str) -> Option<String>;
    /// The HTML of an image of `dest` (a `<picture>` with its renditions), when it is one.
    fn image(&self, dest: &str, alt: &str, title: &str) -> Option<String>;
}

/// No published files: every reference stays as written.
pub struct AsWritten;

impl Media for AsWritten {
    fn href(&self, _: &str) -> Option<String> {
        None
    }
    fn image(&self, _: &str, _: &str, _: &str) -> Option<String> {
        None
    }
}

/// The HTML of a Markdown text, its references left as written.
pub fn render(markdown: &str) -> String {
    render_with_text(markdown, &AsWritten, |_| {})
}

/// The HTML of a Markdown text, giving `text` every run of readable text on the way, as
/// [`text_runs`] does (one parse for the page and its search record); links and images to the
/// document's own files are written as `media` says.
pub fn render_with_text(markdown: &str, media: &dyn Media, mut text: impl FnMut(&str)) -> String {
    // adjacent text runs merged, so an address with `_` or `*` in it is one run
    let mut events: Vec<Event<'_>> =
        pulldown_cmark::TextMergeStream::new(Parser::new_ext(markdown, options())).collect();
    let mut unlink = false;
    for e in &mut events {
        match e {
            Event::Text(t) | Event::Code(t) => text(t),
            Event::Start(Tag::Link { dest_url, .. }) => {
                if let Some(h) = media.href(dest_url) {
                    if h.is_empty() {
                        unlink = true;
                        // a NUL cannot be in a written address: marks this link for removal
                        *dest_url = CowStr::from("\0");
                    } else {
                        *dest_url = CowStr::from(h);
                    }
                }
            }
            _ => {}
        }
    }
    if unlink {
        // links to unpublished documents: their text stays, the link goes (links do not nest)
        let mut inside = false;
        events.retain(|e| match e {
            Event::Start(Tag::Link { dest_url, .. }) if dest_url.as_ref() == "\0" => {
                inside = true;
                false
            }
            Event::End(TagEnd::Link) if inside => {
                inside = false;
                false
            }
            _ => true,
        });
    }

    // Give every heading an id: a set of the ids in use, and per base the last number tried, so
    // a live blog's thousand `## Update` headings cost one lookup each, not a scan per number.
    let mut used: rustc_hash::FxHashSet<String> = events
        .iter()
        .filter_map(|e| match e {
            Event::Start(Tag::Heading { id: Some(id), .. }) => Some(id.to_string()),
            _ => None,
        })
        .collect();
    let mut tried: rustc_hash::FxHashMap<String, usize> = rustc_hash::FxHashMap::default();
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading { id: None, .. }) = &events[i] {
            let mut text = String::new();
            for e in &events[i + 1..] {
                match e {
                    Event::End(TagEnd::Heading(_)) => break,
                    Event::Text(t) | Event::Code(t) => text.push_str(t),
                    _ => {}
                }
            }
            let base = match slugify(&text) {
                s if s.is_empty() => "section".to_string(),
                s => s,
            };
            let mut id = base.clone();
            let n = tried.entry(base.clone()).or_insert(1);
            if used.contains(&id) {
                loop {
                    *n += 1;
                    id = format!("{base}-{}", *n);
                    if !used.contains(&id) {
                        break;
                    }
                }
            }
            used.insert(id.clone());
            if let Event::Start(Tag::Heading {
                level,
                classes,
                attrs,
                ..
            }) = std::mem::replace(&mut events[i], Event::SoftBreak)
            {
                events[i] = Event::Start(Tag::Heading {
                    level,
                    id: Some(CowStr::from(id)),
                    classes,
                    attrs,
                });
            }
        }
        i += 1;
    }

    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    let events = code_and_addresses(events);
    pulldown_cmark::html::push_html(&mut html, images(events, media).into_iter());
    html
}

/// Code is always left to right: a code block or inline code in an Arabic article would
/// otherwise be laid out right to left (`#![no_std]` shown as `[no_std]!#`). A bare address in
/// the text (`https://…`) becomes a link, isolated left to right, that may break anywhere so a
/// long one wraps instead of widening the page.
fn code_and_addresses(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut out = Vec::with_capacity(events.len());
    let mut in_link = 0usize;
    let mut in_code = false;
    for e in events {
        match e {
            Event::Start(Tag::CodeBlock(kind)) => {
                in_code = true;
                let mut html = String::from("<pre dir=\"ltr\"><code");
                if let pulldown_cmark::CodeBlockKind::Fenced(info) = &kind {
                    if let Some(lang) = info.split([' ', ',', '{']).next().filter(|l| !l.is_empty())
                    {
                        html.push_str(" class=\"language-");
                        let _ = pulldown_cmark_escape::escape_html(&mut html, lang);
                        html.push('"');
                    }
                }
                html.push('>');
                out.push(Event::Html(html.into()));
            }
            Event::End(TagEnd::CodeBlock) => {
                in_code = false;
                out.push(Event::Html("</code></pre>\n".into()));
            }
            Event::Code(t) => {
                let mut html = String::from("<code dir=\"ltr\">");
                let _ = pulldown_cmark_escape::escape_html(&mut html, &t);
                html.push_str("</code>");
                out.push(Event::InlineHtml(html.into()));
            }
            Event::Start(Tag::Link { .. }) => {
                in_link += 1;
                out.push(e);
            }
            Event::End(TagEnd::Link) => {
                in_link = in_link.saturating_sub(1);
                out.push(e);
            }
            Event::Text(t) if in_link == 0 && !in_code && t.contains("://") => {
                link_addresses(&t, &mut out);
            }
            e => out.push(e),
        }
    }
    out
}

/// The end of an address that starts at the beginning of `s`: up to a space or `<>"`, without
/// the punctuation that ends the sentence around it (a closing bracket stays when it closes one
/// opened inside the address, as in Wikipedia's).
fn address_len(s: &str) -> usize {
    let mut end = s
        .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"'))
        .unwrap_or(s.len());
    while let Some(c) = s[..end].chars().next_back() {
        let closes_own = c == ')' && s[..end].matches('(').count() >= s[..end].matches(')').count();
        if closes_own
            || !matches!(
                c,
                '.' | ',' | ':' | ';' | '!' | '?' | ')' | '\'' | '»' | '،' | '؛' | '؟'
            )
        {
            break;
        }
        end -= c.len_utf8();
    }
    end
}

/// `text` as events, each `http://` or `https://` address in it a link.
fn link_addresses<'a>(text: &str, out: &mut Vec<Event<'a>>) {
    let mut rest = text;
    while let Some(at) = rest
        .find("http://")
        .into_iter()
        .chain(rest.find("https://"))
        .min()
    {
        let len = address_len(&rest[at..]);
        let scheme = if rest[at..].starts_with("https://") {
            8
        } else {
            7
        };
        // a word that only ends in a scheme (`xhttp://`) or an address with no host is not one
        let starts_word = rest[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        if len <= scheme || !starts_word {
            let skip = at + scheme;
            out.push(Event::Text(rest[..skip].to_string().into()));
            rest = &rest[skip..];
            continue;
        }
        if at > 0 {
            out.push(Event::Text(rest[..at].to_string().into()));
        }
        let url = &rest[at..at + len];
        let mut html = String::from("<a class=\"url\" dir=\"ltr\" href=\"");
        let _ = pulldown_cmark_escape::escape_href(&mut html, url);
        html.push_str("\">");
        let _ = pulldown_cmark_escape::escape_html(&mut html, url);
        html.push_str("</a>");
        out.push(Event::InlineHtml(html.into()));
        rest = &rest[at + len..];
    }
    if !rest.is_empty() {
        out.push(Event::Text(rest.to_string().into()));
    }
}

/// Body images: loaded lazily and decoded off the main thread (the lead image is the one the
/// reader sees first); an image alone in its paragraph becomes a `<figure>` whose caption is the
/// Markdown title (`![alt](photo.jpg "Caption")`).
fn images<'a>(events: Vec<Event<'a>>, media: &dyn Media) -> Vec<Event<'a>> {
    if !events
        .iter()
        .any(|e| matches!(e, Event::Start(Tag::Image { .. })))
    {
        return events;
    }
    let mut out: Vec<Event<'_>> = Vec::with_capacity(events.len());
    let mut it = events.into_iter().peekable();
    while let Some(e) = it.next() {
        let Event::Start(Tag::Image {
            dest_url, title, ..
        }) = e
        else {
            out.push(e);
            continue;
        };
        // the description, up to the image's end (an image inside it gives its own text)
        let mut alt = String::new();
        let mut depth = 0usize;
        for inner in it.by_ref() {
            match inner {
                Event::Start(Tag::Image { .. }) => depth += 1,
                Event::End(TagEnd::Image) if depth == 0 => break,
                Event::End(TagEnd::Image) => depth -= 1,
                Event::Text(t) | Event::Code(t) => alt.push_str(&t),
                Event::SoftBreak | Event::HardBreak => alt.push(' '),
                _ => {}
            }
        }
        let alone = matches!(out.last(), Some(Event::Start(Tag::Paragraph)))
            && matches!(it.peek(), Some(Event::End(TagEnd::Paragraph)));
        let title_attr = if alone { "" } else { &title };
        let img = media
            .image(&dest_url, &alt, title_attr)
            .unwrap_or_else(|| plain_img(&dest_url, &alt, title_attr));
        if alone {
            out.pop();
            it.next();
            let mut figure = format!("<figure class=\"body-image\">{img}");
            if !title.trim().is_empty() {
                figure.push_str("<figcaption>");
                let _ = pulldown_cmark_escape::escape_html(&mut figure, &title);
                figure.push_str("</figcaption>");
            }
            figure.push_str("</figure>\n");
            out.push(Event::Html(figure.into()));
        } else {
            out.push(Event::InlineHtml(img.into()));
        }
    }
    out
}

/// An `<img>` of a picture nashra does not publish (an address elsewhere).
fn plain_img(dest: &str, alt: &str, title: &str) -> String {
    let mut img = String::from("<img src=\"");
    let _ = pulldown_cmark_escape::escape_href(&mut img, dest);
    img.push_str("\" alt=\"");
    let _ = pulldown_cmark_escape::escape_html(&mut img, alt);
    img.push('"');
    if !title.is_empty() {
        img.push_str(" title=\"");
        let _ = pulldown_cmark_escape::escape_html(&mut img, title);
        img.push('"');
    }
    img.push_str(" loading=\"lazy\" decoding=\"async\">");
    img
}

/// The first top-level paragraph of `markdown` as plain text, reading no further than it.
pub fn first_paragraph_of(markdown: &str) -> String {
    first_paragraph(Parser::new_ext(markdown, options()))
}

/// The text of the first paragraph that is not inside a quote, list or other block.
fn first_paragraph<'a>(events: impl IntoIterator<Item = Event<'a>>) -> String {
    let mut out = String::new();
    let mut depth = 0usize; // open blocks around us, before the paragraph
    let mut inner = 0usize; // open inline tags inside the paragraph
    let mut inside = false;
    for e in events {
        if inside {
            match e {
                Event::End(TagEnd::Paragraph) if inner == 0 => break,
                Event::Start(_) => inner += 1,
                Event::End(_) => inner = inner.saturating_sub(1),
                Event::Text(t) | Event::Code(t) => out.push_str(&t),
                Event::SoftBreak | Event::HardBreak => out.push(' '),
                _ => {}
            }
        } else {
            match e {
                Event::Start(Tag::Paragraph) if depth == 0 => inside = true,
                Event::Start(_) => depth += 1,
                Event::End(_) => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Calls `each` with every run of readable text of `markdown` (text, inline code, code blocks,
/// image descriptions; not raw HTML), in order: what search indexes.
pub fn text_runs(markdown: &str, mut each: impl FnMut(&str)) {
    for e in Parser::new_ext(markdown, options()) {
        if let Event::Text(t) | Event::Code(t) = e {
            each(&t);
        }
    }
}

/// Cuts `text` at a word boundary near `max` characters, adding `…` when it cut.
pub fn cut_summary(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_string();
    }
    let end = text.char_indices().nth(max).map_or(text.len(), |(i, _)| i);
    let head = &text[..end];
    let cut = head
        .rfind(char::is_whitespace)
        .filter(|&i| i > end / 2)
        .unwrap_or(end);
    let mut s = head[..cut]
        .trim_end_matches(|c: char| c.is_whitespace() || ",،؛;:".contains(c))
        .to_string();
    s.push('…');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_is_left_to_right_and_addresses_are_links() {
        let html = render("```rust\nfn main() {}\n```\n\nنص `#![no_std]` هنا");
        assert!(
            html.contains("<pre dir=\"ltr\"><code class=\"language-rust\">fn main() {}"),
            "{html}"
        );
        assert!(
            html.contains("<code dir=\"ltr\">#![no_std]</code>"),
            "{html}"
        );
        let html = render("انظر https://example.org/a_b_(c)/x?y=1، ثم (https://example.org/z).");
        assert!(
            html.contains("<a class=\"url\" dir=\"ltr\" href=\"https://example.org/a_b_(c)/x?y=1\">https://example.org/a_b_(c)/x?y=1</a>، ثم"),
            "{html}"
        );
        assert!(html.contains("(<a class=\"url\" dir=\"ltr\" href=\"https://example.org/z\">https://example.org/z</a>)."), "{html}");
        // not inside links or code, and not a bare scheme
        let html = render("[https://a.example](https://b.example) `https://c.example` https:// x");
        assert_eq!(html.matches("<a ").count(), 1, "{html}");
    }

    #[test]
    fn extensions_and_heading_ids() {
        let r = render("Intro *text* here.\n\n## جدول الأعمال\n\n## Agenda {#agenda}\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~ note[^1]\n\n[^1]: A footnote.\n");
        assert!(r.contains("<h2 id=\"جدول-الأعمال\">"), "{r}");
        assert!(r.contains("<h2 id=\"agenda\">"), "{r}");
        assert!(r.contains("<table>"));
        assert!(r.contains("<del>old</del>"));
        assert!(r.contains("footnote-definition"));
        assert!(r.starts_with("<p>Intro <em>text</em> here.</p>"));
        // body images: a figure when alone in a paragraph, lazy everywhere, text escaped
        let r = render(
            "![Leaders & guests](photo.jpg \"The summit <2025>\")\n\nText ![icon](i.svg) here.\n",
        );
        assert!(
            r.starts_with("<figure class=\"body-image\"><img src=\"photo.jpg\" alt=\"Leaders &amp; guests\" loading=\"lazy\" decoding=\"async\"><figcaption>The summit &lt;2025&gt;</figcaption></figure>\n"),
            "{r}"
        );
        assert!(
            r.contains("<p>Text <img src=\"i.svg\" alt=\"icon\" loading=\"lazy\" decoding=\"async\"> here.</p>"),
            "{r}"
        );
        assert_eq!(
            first_paragraph_of("## Head\n\nIntro *text* here.\n\nMore."),
            "Intro text here."
        );
        assert_eq!(
            first_paragraph_of("> quoted\n\nFirst [link](x) text\nwraps.\n\nSecond."),
            "First link text wraps."
        );
    }

    #[test]
    fn summaries_cut_at_words() {
        let long = "word ".repeat(100);
        let s = cut_summary(&long, 300);
        assert!(s.ends_with("word…"));
        assert!(s.chars().count() <= 301);
        assert_eq!(cut_summary("short", 300), "short");
    }
}
