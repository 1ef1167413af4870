//! WordPress post bodies (HTML, often without `<p>`, with shortcodes) to Markdown.
//!
//! [`paragraphs`] does what WordPress does when it shows a classic-editor post: blank lines make
//! paragraphs, single line breaks `<br>`. `[caption]` shortcodes are unwrapped (their picture and
//! text kept); other shortcodes are left as written and counted. Addresses of pictures under
//! `wp-content/uploads/` are rewritten by [`Uploads`] to the copies beside the article. The HTML
//! is then converted with htmd (turndown's rules: ATX headings, fenced code, tables).

use std::path::{Path, PathBuf};

/// Block elements that start a paragraph of their own.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "blockquote",
    "figure",
    "table",
    "pre",
    "hr",
    "iframe",
    "!--",
    "section",
    "dl",
    "address",
    "form",
    "style",
    "script",
];

fn starts_with_block(chunk: &str) -> bool {
    let Some(rest) = chunk.strip_prefix('<') else {
        return false;
    };
    let rest = rest.strip_prefix('/').unwrap_or(rest).as_bytes();
    // bytes, not text: a tag name is ASCII, and what follows `<` may be any letter
    BLOCKS.iter().any(|b| {
        rest.get(..b.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(b.as_bytes()))
            && rest
                .get(b.len())
                .is_none_or(|c| !(c.is_ascii_alphanumeric() || *c >= 0x80))
    })
}

/// Classic-editor text to HTML paragraphs (content already in `<p>`s, as the block editor
/// writes it, is left alone).
pub fn paragraphs(html: &str) -> String {
    let html = html.replace("\r\n", "\n");
    if html.contains("<p>") || html.contains("<p ") || html.contains("<!-- wp:") {
        return html;
    }
    let mut out = String::with_capacity(html.len() + 64);
    for chunk in html.split("\n\n") {
        let chunk = chunk.trim();
        if chunk.is_empty() {
            continue;
        }
        if starts_with_block(chunk) {
            out.push_str(chunk);
        } else {
            out.push_str("<p>");
            out.push_str(&chunk.replace('\n', "<br>"));
            out.push_str("</p>");
        }
        out.push('\n');
    }
    out
}

/// `[caption …]<img …> Text[/caption]` → `<figure><img …><figcaption>Text</figcaption></figure>`.
pub fn captions(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("[caption") {
        let Some(open_end) = rest[start..].find(']').map(|i| start + i + 1) else {
            break;
        };
        let Some(close) = rest[open_end..].find("[/caption]").map(|i| open_end + i) else {
            break;
        };
        out.push_str(&rest[..start]);
        let inner = &rest[open_end..close];
        // the picture (maybe inside a link) then the caption text
        let split = inner.rfind('>').map_or(0, |i| i + 1);
        out.push_str("<figure>");
        out.push_str(&inner[..split]);
        let text = inner[split..].trim();
        if !text.is_empty() {
            out.push_str("<figcaption>");
            out.push_str(text);
            out.push_str("</figcaption>");
        }
        out.push_str("</figure>");
        rest = &rest[close + "[/caption]".len()..];
    }
    out.push_str(rest);
    out
}

/// `<figure>…<img …>…<figcaption>Text</figcaption></figure>` → `<p><img title="Text" …></p>`:
/// htmd writes the title into `![alt](src "Text")`, which nashra shows as a figure with that
/// caption. Figures without a picture or a caption are left alone.
pub fn figures(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<figure") {
        let Some(end) = rest[start..].find("</figure>").map(|i| start + i) else {
            break;
        };
        let inner = &rest[start..end];
        let img = inner
            .find("<img")
            .and_then(|i| inner[i..].find('>').map(|j| &inner[i..i + j + 1]));
        let caption = inner.find("<figcaption").and_then(|i| {
            let open = inner[i..].find('>')? + i + 1;
            let close = inner[open..].find("</figcaption>")? + open;
            Some(&inner[open..close])
        });
        out.push_str(&rest[..start]);
        match (img, caption) {
            (Some(img), Some(caption)) => {
                // the caption wins over a title the picture had (WordPress writes the file's
                // title there, not what the editor wrote under the picture)
                let text = text_of(caption).replace('"', "&quot;");
                let img = without_attribute(img, "title");
                out.push_str("<p>");
                out.push_str(&img.replacen("<img", &format!("<img title=\"{text}\""), 1));
                out.push_str("</p>");
            }
            _ => out.push_str(&rest[start..end + "</figure>".len()]),
        }
        rest = &rest[end + "</figure>".len()..];
    }
    out.push_str(rest);
    out
}

/// A tag without one of its attributes (`title="…"` or `title='…'`).
fn without_attribute(tag: &str, name: &str) -> String {
    for q in ['"', '\''] {
        let pat = format!(" {name}={q}");
        if let Some(i) = tag.find(&pat) {
            let value = i + pat.len();
            if let Some(end) = tag[value..].find(q) {
                return format!("{}{}", &tag[..i], &tag[value + end + 1..]);
            }
        }
    }
    tag.to_string()
}

/// Marks put in the HTML before it is converted, for what htmd would drop: named anchors
/// (`<a name="x">`, `<a id="x">` without `href`) and WordPress footnote references. Letters
/// only, so the conversion leaves them as they are; [`restore_marks`] turns them into Markdown.
const MARK_OPEN: &str = "NASHRAMARKx";
const MARK_CLOSE: &str = "xKRAMARHSAN";

/// `<a name="x">text</a>` → a mark for `<a id="x"></a>` followed by the text.
pub fn mark_anchors(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = find_tag(rest, "a") {
        let Some(end) = rest[i..].find('>').map(|e| i + e + 1) else {
            break;
        };
        let tag = &rest[i..end];
        out.push_str(&rest[..i]);
        let id = (!tag.contains("href="))
            .then(|| attribute(tag, "name").or_else(|| attribute(tag, "id")))
            .flatten();
        match id {
            Some(id) => {
                out.push_str(&mark(&format!(
                    "<a id=\"{}\"></a>",
                    id.replace('"', "&quot;")
                )));
                // its end tag, if it closes right here or later, is dropped with it
                let after = &rest[end..];
                match after.find("</a>") {
                    Some(close) if !after[..close].contains("<a") => {
                        out.push_str(&after[..close]);
                        rest = &after[close + 4..];
                    }
                    _ => rest = after,
                }
            }
            None => {
                out.push_str(tag);
                rest = &rest[end..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Where the next `<NAME ` or `<NAME>` tag starts (ASCII case ignored).
fn find_tag(html: &str, name: &str) -> Option<usize> {
    let lower = html.to_ascii_lowercase();
    let open = format!("<{name}");
    let mut from = 0;
    while let Some(i) = lower[from..].find(&open) {
        let at = from + i;
        match lower.as_bytes().get(at + open.len()) {
            Some(b' ' | b'>' | b'\t' | b'\n') => return Some(at),
            _ => from = at + open.len(),
        }
    }
    None
}

/// The value of an attribute in a tag.
pub fn attribute(tag: &str, name: &str) -> Option<String> {
    for q in ['"', '\''] {
        let pat = format!(" {name}={q}");
        if let Some(i) = tag.find(&pat) {
            let value = i + pat.len();
            let end = tag[value..].find(q)?;
            return Some(tag[value..value + end].to_string());
        }
    }
    None
}

/// A mark standing for `markdown` (hex-encoded, so the conversion leaves it alone).
pub fn mark(markdown: &str) -> String {
    let hex: String = markdown.bytes().map(|b| format!("{b:02x}")).collect();
    format!("{MARK_OPEN}{hex}{MARK_CLOSE}")
}

/// The marks of [`mark`] turned back into what they stand for.
pub fn restore_marks(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(MARK_OPEN) {
        let start = i + MARK_OPEN.len();
        let Some(len) = rest[start..].find(MARK_CLOSE) else {
            break;
        };
        let hex = &rest[start..start + len];
        let bytes: Option<Vec<u8>> = (0..hex.len())
            .step_by(2)
            .map(|j| {
                hex.get(j..j + 2)
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
            })
            .collect();
        out.push_str(&rest[..i]);
        match bytes.and_then(|b| String::from_utf8(b).ok()) {
            Some(s) => out.push_str(&s),
            None => out.push_str(&rest[i..start + len + MARK_CLOSE.len()]),
        }
        rest = &rest[start + len + MARK_CLOSE.len()..];
    }
    out.push_str(rest);
    out
}

/// WordPress block footnotes: each `<sup data-fn="ID" …>…</sup>` becomes a mark for `[^N]`, in
/// the order they appear; returns the HTML and the ids in that order.
pub fn mark_footnotes(html: &str) -> (String, Vec<String>) {
    let mut out = String::with_capacity(html.len());
    let mut ids = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find("<sup data-fn=") {
        let Some(end) = rest[i..].find("</sup>").map(|e| i + e + "</sup>".len()) else {
            break;
        };
        let open_end = rest[i..].find('>').map_or(end, |e| i + e + 1);
        let Some(id) = attribute(&rest[i..open_end], "data-fn") else {
            out.push_str(&rest[..end]);
            rest = &rest[end..];
            continue;
        };
        out.push_str(&rest[..i]);
        let n = match ids.iter().position(|x| *x == id) {
            Some(p) => p + 1,
            None => {
                ids.push(id);
                ids.len()
            }
        };
        out.push_str(&mark(&format!("[^{n}]")));
        rest = &rest[end..];
    }
    out.push_str(rest);
    (out.replace("<!-- wp:footnotes /-->", ""), ids)
}

/// The text of an HTML fragment: tags dropped, runs of white space made one space (entities
/// are left as they are).
pub fn text_of(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut inside = false;
    for c in html.chars() {
        match c {
            '<' => inside = true,
            '>' => inside = false,
            c if !inside => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first shortcode left in a body (`[gallery ids="1,2"]`), if any.
pub fn shortcode(body: &str) -> Option<&str> {
    let mut rest = body;
    while let Some(i) = rest.find('[') {
        let after = &rest[i + 1..];
        let name_len = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
            .unwrap_or(after.len());
        let next = after[name_len..].chars().next();
        if name_len > 1
            && after.as_bytes()[0].is_ascii_lowercase()
            && matches!(next, Some(' ' | ']'))
        {
            if let Some(end) = after.find(']') {
                // `[text](url)` is a Markdown link, not a shortcode
                if !after[end + 1..].starts_with('(') {
                    return Some(&rest[i..i + 2 + end]);
                }
            }
        }
        rest = after;
    }
    None
}

/// Copies of WordPress uploads: a local folder standing for `…/wp-content/uploads/`.
pub struct Uploads<'a> {
    pub dir: Option<&'a Path>,
    /// Files under `dir` reached through a symbolic link, which are not copied (a link in a copy
    /// of someone's uploads could point at any file of this machine).
    pub links: std::sync::Mutex<Vec<String>>,
}

impl<'a> Uploads<'a> {
    pub fn new(dir: Option<&'a Path>) -> Self {
        Uploads {
            dir,
            links: Default::default(),
        }
    }

    /// The local file for an address under `wp-content/uploads/`, if it exists as a regular file
    /// reached without a symbolic link.
    pub fn local(&self, url: &str) -> Option<PathBuf> {
        let dir = self.dir?;
        let (_, rel) = url.split_once("wp-content/uploads/")?;
        let rel = rel.split(['?', '#']).next()?;
        let rel = super::decode(rel);
        if rel.split('/').any(|p| p == ".." || p.is_empty()) || rel.contains('\\') {
            return None;
        }
        if let Some((link, target)) = crate::safety::first_link_under(dir, Path::new(&rel)) {
            if let Ok(mut l) = self.links.lock() {
                l.push(format!("{} → {}", link.display(), target.display()));
            }
            return None;
        }
        let p = dir.join(&rel);
        std::fs::symlink_metadata(&p)
            .is_ok_and(|m| m.is_file())
            .then_some(p)
    }

    /// Rewrites every `…/wp-content/uploads/…` address in `html` whose file exists to its file
    /// name, and returns the files to copy (source, name). Addresses without a local file are
    /// kept and counted in `missing`.
    pub fn rewrite(&self, html: &str, missing: &mut usize) -> (String, Vec<(PathBuf, String)>) {
        const MARK: &str = "wp-content/uploads/";
        if !html.contains(MARK) {
            return (html.to_string(), Vec::new());
        }
        let stop = |c: char| {
            matches!(
                c,
                '"' | '\'' | ' ' | '\n' | '\t' | ')' | '(' | '<' | '>' | ','
            )
        };
        let mut out = String::with_capacity(html.len());
        let mut files: Vec<(PathBuf, String)> = Vec::new();
        let mut rest = html;
        while let Some(at) = rest.find(MARK) {
            let start = rest[..at].rfind(stop).map_or(0, |i| i + 1);
            let end = at + rest[at..].find(stop).unwrap_or(rest.len() - at);
            let url = &rest[start..end];
            out.push_str(&rest[..start]);
            match self.local(url) {
                Some(src) => {
                    let name = src
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    if !files.iter().any(|(_, n)| *n == name) {
                        files.push((src, name.clone()));
                    }
                    out.push_str(&crate::content::slug::encode_path(&name));
                }
                None => {
                    *missing += 1;
                    out.push_str(url);
                }
            }
            rest = &rest[end..];
        }
        out.push_str(rest);
        (out, files)
    }
}

/// How deep HTML elements may nest for the conversion to Markdown: the converter walks the tree
/// recursively, and 20,000 nested elements overflowed its stack. Real posts nest a few dozen deep.
pub const MAX_NESTING: usize = 200;

/// HTML to Markdown; `None` when the HTML nests deeper than [`MAX_NESTING`] (the caller keeps
/// it as HTML, which Markdown takes as it is).
pub fn markdown(converter: &htmd::HtmlToMarkdown, html: &str) -> Option<String> {
    if nesting(html) > MAX_NESTING {
        return None;
    }
    Some(converter.convert(html).unwrap_or_else(|_| html.to_string()))
}

/// How deep the elements of `html` nest, counted from its tags in one pass (elements that have
/// no end tag, and self-closed ones, do not count).
pub fn nesting(html: &str) -> usize {
    // elements without an end tag, and those whose end tag HTML lets authors leave out (a table
    // of unclosed `<td>`s is not deep): counted as void, which can only under-count
    const VOID: [&str; 25] = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr", "p", "li", "td", "th", "tr", "thead", "tbody", "tfoot", "dt",
        "dd", "option",
    ];
    let bytes = html.as_bytes();
    let (mut depth, mut max) = (0usize, 0usize);
    let mut i = 0;
    while let Some(at) = bytes[i..].iter().position(|&b| b == b'<') {
        let start = i + at + 1;
        i = start;
        if bytes[start..].starts_with(b"!--") {
            // a comment: what it holds is not markup
            i = html[start..]
                .find("-->")
                .map_or(bytes.len(), |n| start + n + 3);
            continue;
        }
        match bytes.get(start) {
            Some(b'/') => depth = depth.saturating_sub(1),
            Some(b) if b.is_ascii_alphabetic() => {
                let name_end = bytes[start..]
                    .iter()
                    .position(|b| !b.is_ascii_alphanumeric())
                    .map_or(bytes.len(), |n| start + n);
                let name = html.get(start..name_end).unwrap_or("").to_ascii_lowercase();
                let close = bytes[name_end..]
                    .iter()
                    .position(|&b| b == b'>')
                    .map_or(bytes.len(), |n| name_end + n);
                let self_closed = close > 0 && bytes.get(close - 1) == Some(&b'/');
                if !VOID.contains(&name.as_str()) && !self_closed {
                    depth += 1;
                    max = max.max(depth);
                }
            }
            _ => {}
        }
    }
    max
}

/// The converter every post shares.
pub fn converter() -> htmd::HtmlToMarkdown {
    htmd::HtmlToMarkdown::builder()
        .skip_tags(vec!["script", "style", "noscript"])
        .options(htmd::options::Options {
            heading_style: htmd::options::HeadingStyle::Atx,
            code_block_style: htmd::options::CodeBlockStyle::Fenced,
            ..Default::default()
        })
        .build()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_and_footnotes_survive_the_conversion() {
        let html =
            mark_anchors("<p><a name=\"sec1\">Part one</a> and <a href=\"#sec1\">back</a></p>");
        let (html, ids) = mark_footnotes(&format!(
            "{html}<p>Claim<sup data-fn=\"f-1\" class=\"fn\"><a href=\"#f-1\" id=\"f-1-link\">1</a></sup>.</p><!-- wp:footnotes /-->"
        ));
        assert_eq!(ids, ["f-1"]);
        let md = markdown(&converter(), &html).map(|m| restore_marks(&m));
        assert_eq!(
            md.as_deref(),
            Some("<a id=\"sec1\"></a>Part one and [back](#sec1)\n\nClaim[^1].")
        );
    }

    #[test]
    fn a_caption_wins_over_the_picture_title() {
        let html = figures("<figure><img src=\"p.jpg\" title=\"IMG_2041\" alt=\"a\"><figcaption>The port</figcaption></figure>");
        assert_eq!(
            html,
            "<p><img title=\"The port\" src=\"p.jpg\" alt=\"a\"></p>"
        );
    }

    #[test]
    fn nesting_counts_only_elements_that_enclose() {
        assert_eq!(nesting("<div><p>a<p>b<img src=x><br/></div>"), 1);
        assert_eq!(nesting(&"<div>".repeat(300)), 300);
        // a long table written without end tags is not deep
        let table = format!("<table>{}</table>", "<tr><td>x<td>y".repeat(500));
        assert_eq!(nesting(&table), 1);
        assert_eq!(nesting("<!-- <div> --> text"), 0);
    }

    #[test]
    fn classic_editor_text_becomes_paragraphs() {
        let html = paragraphs("First line\nsecond line\n\n<h2>Head</h2>\n\nLast");
        assert_eq!(
            html,
            "<p>First line<br>second line</p>\n<h2>Head</h2>\n<p>Last</p>\n"
        );
        let md = markdown(&converter(), &html).unwrap_or_default();
        assert!(md.contains("## Head"), "{md}");
        // found by the wxr fuzz target: a multi-byte letter after `<`
        assert_eq!(paragraphs("<pé>x\n\ny"), "<p><pé>x</p>\n<p>y</p>\n");
        assert_eq!(
            paragraphs("<\u{10348}x\n\ny"),
            "<p><\u{10348}x</p>\n<p>y</p>\n"
        );
    }

    #[test]
    fn captions_and_shortcodes() {
        let html = captions(
            "a [caption id=\"x\" align=\"alignnone\"]<img src=\"p.jpg\"> The port[/caption] b",
        );
        assert_eq!(
            html,
            "a <figure><img src=\"p.jpg\"><figcaption>The port</figcaption></figure> b"
        );
        assert_eq!(
            shortcode("See [gallery ids=\"1,2\"] and [a link](x)."),
            Some("[gallery ids=\"1,2\"]")
        );
        assert_eq!(shortcode("Only [a link](x) and [1]."), None);
        let md = markdown(&converter(), &figures(&html)).unwrap_or_default();
        assert_eq!(md, "a\n\n![](p.jpg \"The port\")\n\nb");
    }
}
