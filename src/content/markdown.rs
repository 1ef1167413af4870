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

/// The HTML of a Markdown text.
pub fn render(markdown: &str) -> String {
    render_with_text(markdown, |_| {})
}

/// [`render`], giving `text` every run of readable text on the way, as [`text_runs`] does: one
/// parse for the page and its search record.
pub fn render_with_text(markdown: &str, mut text: impl FnMut(&str)) -> String {
    let mut events: Vec<Event<'_>> = Parser::new_ext(markdown, options()).collect();
    for e in &events {
        if let Event::Text(t) | Event::Code(t) = e {
            text(t);
        }
    }

    // Give every heading an id.
    let mut used: Vec<String> = events
        .iter()
        .filter_map(|e| match e {
            Event::Start(Tag::Heading { id: Some(id), .. }) => Some(id.to_string()),
            _ => None,
        })
        .collect();
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
            let mut n = 1;
            while used.contains(&id) {
                n += 1;
                id = format!("{base}-{n}");
            }
            used.push(id.clone());
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
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    html
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
    fn extensions_and_heading_ids() {
        let r = render("Intro *text* here.\n\n## جدول الأعمال\n\n## Agenda {#agenda}\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~ note[^1]\n\n[^1]: A footnote.\n");
        assert!(r.contains("<h2 id=\"جدول-الأعمال\">"), "{r}");
        assert!(r.contains("<h2 id=\"agenda\">"), "{r}");
        assert!(r.contains("<table>"));
        assert!(r.contains("<del>old</del>"));
        assert!(r.contains("footnote-definition"));
        assert!(r.starts_with("<p>Intro <em>text</em> here.</p>"));
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
