//! Links between imported documents, pointed at their new addresses once [`super::layout`] has
//! placed them: Zola's `@/section/page.md#anchor`, relative links to Markdown files
//! (`../other.md`, `post/index.md#x`), which break when the import moves files, and links to the
//! old site's own addresses (`https://old.example.org/2019/05/x/#a`, `/2019/05/x/`), which would
//! otherwise go through a redirect page and lose their `#anchor`.
//!
//! Destinations are found where Markdown and HTML write them — `](dest`, a reference definition
//! `[x]: dest`, `href="dest"` — outside code blocks and code spans, so documentation that shows
//! the syntax keeps it.

use std::collections::HashMap;

/// What a link can be resolved against.
pub(super) struct Targets<'a> {
    /// Source path under the content folder (`blog/post.md`) → new site-relative address.
    pub files: HashMap<String, String>,
    /// Old site-relative address, decoded, without a leading `/` → new address.
    pub old: HashMap<String, String>,
    /// The old site's base URL, to recognise its absolute addresses.
    pub base_url: Option<&'a str>,
    /// The new site's path prefix (`/` or `/news/`).
    pub base_path: String,
}

/// What a rewrite did to one body.
#[derive(Default, Debug)]
pub(super) struct Rewritten {
    pub changed: usize,
    /// `@/…` and `.md` links that name no imported document.
    pub unresolved: Vec<String>,
}

impl Targets<'_> {
    /// A new site-relative address as a link writes it: the site's path, then `#anchor` if any.
    fn address(&self, url: &str, anchor: Option<&str>) -> String {
        let mut out = format!("{}{url}", self.base_path);
        if let Some(a) = anchor {
            out.push('#');
            out.push_str(a);
        }
        out
    }

    /// The new address of a destination written in the document at `source` (its path under the
    /// content folder), or `None` to leave it as written.
    fn resolve(&self, source: Option<&str>, dest: &str, done: &mut Rewritten) -> Option<String> {
        let (path, anchor) = match dest.split_once('#') {
            Some((p, a)) => (p, Some(a)),
            None => (dest, None),
        };
        let with_anchor = |url: &String| self.address(url, anchor);
        if let Some(rest) = path.strip_prefix("@/") {
            let key = super::decode(rest);
            return match self.files.get(&key) {
                Some(url) => Some(with_anchor(url)),
                None => {
                    done.unresolved.push(dest.to_string());
                    None
                }
            };
        }
        let is_md = path.ends_with(".md") || path.ends_with(".markdown");
        let has_scheme = path.contains("://") || path.starts_with("//");
        if is_md && !has_scheme && !path.starts_with('/') {
            let source = source?;
            let dir = source.rsplit_once('/').map_or("", |(d, _)| d);
            let joined = normalize(&format!("{dir}/{}", super::decode(path)))?;
            return match self.files.get(&joined) {
                Some(url) => Some(with_anchor(url)),
                None => {
                    done.unresolved.push(dest.to_string());
                    None
                }
            };
        }
        // the old site's own address
        if !(has_scheme || path.starts_with('/')) || path.is_empty() {
            return None;
        }
        let p = super::site_path(path, self.base_url)?;
        if has_scheme && self.base_url.is_none() {
            return None;
        }
        let p = p.trim_start_matches('/');
        let candidates = [
            p.to_string(),
            format!("{p}/"),
            p.strip_suffix("index.html").unwrap_or(p).to_string(),
        ];
        let url = candidates.iter().find_map(|c| self.old.get(c))?;
        Some(with_anchor(url))
    }
}

/// `a/b/../c/./d.md` → `a/c/d.md`; `None` when it climbs out of the content folder.
fn normalize(path: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    Some(parts.join("/"))
}

/// `body` with every destination [`Targets`] resolves replaced.
pub(super) fn rewrite(
    body: &str,
    source: Option<&str>,
    targets: &Targets,
    done: &mut Rewritten,
) -> String {
    let mut out = String::with_capacity(body.len() + 64);
    let mut fence: Option<(char, usize)> = None;
    for line in body.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        if indent < 4 {
            let run = |c: char| trimmed.chars().take_while(|&x| x == c).count();
            match fence {
                Some((c, n)) => {
                    if run(c) >= n && trimmed[run(c)..].trim().is_empty() {
                        fence = None;
                    }
                    out.push_str(line);
                    continue;
                }
                None => {
                    for c in ['`', '~'] {
                        if run(c) >= 3 {
                            fence = Some((c, run(c)));
                        }
                    }
                    if fence.is_some() {
                        out.push_str(line);
                        continue;
                    }
                }
            }
        } else if fence.is_some() {
            out.push_str(line);
            continue;
        }
        out.push_str(&rewrite_line(line, source, targets, done));
    }
    out
}

/// One line outside code blocks: template links resolved, then destinations outside code spans.
fn rewrite_line(
    line: &str,
    source: Option<&str>,
    targets: &Targets,
    done: &mut Rewritten,
) -> String {
    let templated = template_links(line, source, targets, done);
    let line = templated.as_str();
    let mut out = String::with_capacity(line.len());
    let bytes = line.as_bytes();
    let mut i = 0;
    let mut copied = 0;
    // a reference definition: `[label]: dest`
    let t = line.trim_start();
    if t.starts_with('[') && !t.starts_with("[^") {
        if let Some(close) = t.find("]:") {
            let start = line.len() - t.len() + close + 2;
            let ws = line[start..].len() - line[start..].trim_start().len();
            i = start + ws;
            if let Some((end, new)) = destination(line, i, source, targets, done) {
                out.push_str(&line[..i]);
                out.push_str(&new);
                copied = end;
            }
            i = copied.max(i);
        }
    }
    while i < bytes.len() {
        match bytes[i] {
            b'`' => {
                // a code span: skip to the matching run of backticks
                let n = bytes[i..].iter().take_while(|&&b| b == b'`').count();
                let ticks = &line[i..i + n];
                match line[i + n..].find(ticks) {
                    Some(j) => i += n + j + n,
                    None => i += n,
                }
            }
            b']' if bytes.get(i + 1) == Some(&b'(') => {
                let mut start = i + 2;
                if bytes.get(start) == Some(&b'<') {
                    start += 1;
                }
                if let Some((end, new)) = destination(line, start, source, targets, done) {
                    out.push_str(&line[copied..start]);
                    out.push_str(&new);
                    copied = end;
                    i = end;
                } else {
                    i = start;
                }
            }
            b'h' | b'H'
                if bytes.len() > i + 6 && bytes[i..i + 5].eq_ignore_ascii_case(b"href=") =>
            {
                let q = bytes[i + 5];
                if q == b'"' || q == b'\'' {
                    let start = i + 6;
                    if let Some(len) = line[start..].find(q as char) {
                        let dest = &line[start..start + len];
                        if let Some(new) =
                            targets.resolve(source, &super::wordpress::unescape_html(dest), done)
                        {
                            out.push_str(&line[copied..start]);
                            out.push_str(&new.replace('"', "%22").replace('\'', "%27"));
                            copied = start + len;
                            done.changed += 1;
                        }
                        i = start + len;
                        continue;
                    }
                }
                i += 5;
            }
            _ => i += 1,
        }
    }
    out.push_str(&line[copied..]);
    out
}

/// Liquid's `{{ site.baseurl }}` (an address prefix, gone: the links are then the old site's own
/// addresses), Jekyll's `{% post_url NAME %}` and `{% link PATH %}`, and Hugo's
/// `{{< ref "PATH" >}}`/`relref`, replaced by the new address of the document they name; one
/// that names none is left as written and listed.
fn template_links(
    line: &str,
    source: Option<&str>,
    targets: &Targets,
    done: &mut Rewritten,
) -> String {
    if !line.contains("{{") && !line.contains("{%") {
        return line.to_string();
    }
    let mut line = line.to_string();
    for prefix in [
        "{{ site.url }}{{ site.baseurl }}",
        "{{site.url}}{{site.baseurl}}",
        "{{ site.baseurl }}",
        "{{site.baseurl}}",
        "{{ site.url }}",
        "{{site.url}}",
    ] {
        if line.contains(prefix) {
            line = line.replace(prefix, "");
        }
    }
    let mut out = String::with_capacity(line.len());
    let mut rest = line.as_str();
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let (open, close) = if tail.starts_with("{{<") {
            (3, ">}}")
        } else if tail.starts_with("{{%") {
            (3, "%}}")
        } else if tail.starts_with("{%") {
            (2, "%}")
        } else {
            out.push('{');
            rest = &tail[1..];
            continue;
        };
        let Some(end) = tail[open..].find(close).map(|e| open + e) else {
            out.push_str(tail);
            rest = "";
            break;
        };
        let whole = &tail[..end + close.len()];
        let inner = tail[open..end].trim();
        let mut words = inner.split_whitespace();
        let kind = words.next().unwrap_or("");
        let arg = words
            .next()
            .unwrap_or("")
            .trim_matches(['"', '\''])
            .to_string();
        let found = match kind {
            "ref" | "relref" if close != "%}" => Some(hugo_ref(&arg, source, targets)),
            "post_url" if close == "%}" => Some(jekyll_post(&arg, source, targets)),
            "link" if close == "%}" => Some(
                targets
                    .files
                    .get(arg.trim_start_matches('/'))
                    .map(|u| targets.address(u, None)),
            ),
            _ => None,
        };
        match found {
            Some(Some(url)) => {
                done.changed += 1;
                out.push_str(&url);
            }
            Some(None) => {
                done.unresolved.push(whole.to_string());
                out.push_str(whole);
            }
            None => out.push_str(whole),
        }
        rest = &tail[end + close.len()..];
    }
    out.push_str(rest);
    out
}

/// Hugo's `ref`: a path from the document's own folder or from the content folder
/// (`posts/x.md`, `../x`, `x.md#anchor`, without `.md`, a bundle's folder), else a file name
/// found once.
fn hugo_ref(arg: &str, source: Option<&str>, targets: &Targets) -> Option<String> {
    let (path, anchor) = match arg.split_once('#') {
        Some((p, a)) => (p, Some(a)),
        None => (arg, None),
    };
    let with = |url: &String| targets.address(url, anchor);
    if path.is_empty() {
        return anchor.map(|a| format!("#{a}"));
    }
    let dir = source
        .and_then(|s| s.rsplit_once('/'))
        .map_or("", |(d, _)| d);
    let bare = path.trim_start_matches('/').trim_end_matches('/');
    let mut bases = vec![bare.to_string()];
    if !path.starts_with('/') {
        if let Some(joined) = normalize(&format!("{dir}/{bare}")) {
            bases.insert(0, joined);
        }
    }
    for b in &bases {
        for candidate in [
            b.clone(),
            format!("{b}.md"),
            format!("{b}/index.md"),
            format!("{b}/_index.md"),
        ] {
            if let Some(url) = targets.files.get(&candidate) {
                return Some(with(url));
            }
        }
    }
    // a file name alone, found once
    let name = bare.rsplit('/').next().unwrap_or(bare);
    let name = if name.ends_with(".md") {
        name.to_string()
    } else {
        format!("{name}.md")
    };
    let mut found = targets
        .files
        .iter()
        .filter(|(k, _)| k.rsplit('/').next() == Some(name.as_str()));
    match (found.next(), found.next()) {
        (Some((_, url)), None) => Some(with(url)),
        _ => None,
    }
}

/// Jekyll's `post_url`: the post whose file name (without extension) is `name`, in the
/// document's own folder when several languages have one (jekyll-polyglot's `_posts/LANG/`).
fn jekyll_post(name: &str, source: Option<&str>, targets: &Targets) -> Option<String> {
    let name = name.trim_start_matches('/');
    let mut found: Vec<(&String, &String)> = targets
        .files
        .iter()
        .filter(|(k, _)| {
            let stem = k
                .strip_suffix(".md")
                .or_else(|| k.strip_suffix(".markdown"))
                .or_else(|| k.strip_suffix(".html"));
            k.contains("_posts/") && stem.is_some_and(|s| s.ends_with(&format!("/{name}")))
        })
        .collect();
    if found.len() > 1 {
        let own = source.and_then(|s| s.rsplit_once('/')).map(|(d, _)| d);
        found.retain(|(k, _)| own.is_some_and(|d| k.starts_with(&format!("{d}/"))));
    }
    match found.as_slice() {
        [(_, url)] => Some(targets.address(url, None)),
        _ => None,
    }
}

/// The destination starting at `start` of `line` (up to a space, `)` or `>`), resolved: (its
/// end, the new text).
fn destination(
    line: &str,
    start: usize,
    source: Option<&str>,
    targets: &Targets,
    done: &mut Rewritten,
) -> Option<(usize, String)> {
    let rest = line.get(start..)?;
    let len = rest
        .find(|c: char| c.is_whitespace() || c == ')' || c == '>')
        .unwrap_or(rest.len());
    let dest = &rest[..len];
    if dest.is_empty() {
        return None;
    }
    let new = targets.resolve(source, dest, done)?;
    done.changed += 1;
    // a Markdown destination cannot hold spaces or parentheses unencoded
    let new = new
        .replace(' ', "%20")
        .replace('(', "%28")
        .replace(')', "%29");
    Some((start + len, new))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn targets() -> Targets<'static> {
        Targets {
            files: [
                ("blog/post.md".to_string(), "en/2024/03/post/".to_string()),
                ("docs/guide/index.md".to_string(), "en/guide/".to_string()),
            ]
            .into_iter()
            .collect(),
            old: [(
                "2019/05/story/".to_string(),
                "en/2019/05/story/".to_string(),
            )]
            .into_iter()
            .collect(),
            base_url: Some("https://old.example.org/"),
            base_path: "/".to_string(),
        }
    }

    #[test]
    fn links_point_at_new_addresses() {
        let t = targets();
        let mut done = Rewritten::default();
        let body = "See [a](@/blog/post.md#rates) and [b](../guide/index.md \"t\"), \
                    [c](https://old.example.org/2019/05/story/#x), <a href=\"/2019/05/story\">d</a>.\n\
                    [ref]: @/docs/guide/index.md\n\
                    `[code](@/blog/post.md)`\n\
                    ```\n[fenced](@/blog/post.md)\n```\n\
                    [gone](@/nowhere.md) [ext](https://other.org/2019/05/story/)\n";
        let out = rewrite(body, Some("docs/start/index.md"), &t, &mut done);
        assert_eq!(
            out,
            "See [a](/en/2024/03/post/#rates) and [b](/en/guide/ \"t\"), \
             [c](/en/2019/05/story/#x), <a href=\"/en/2019/05/story/\">d</a>.\n\
             [ref]: /en/guide/\n\
             `[code](@/blog/post.md)`\n\
             ```\n[fenced](@/blog/post.md)\n```\n\
             [gone](@/nowhere.md) [ext](https://other.org/2019/05/story/)\n"
        );
        assert_eq!(done.changed, 5);
        assert_eq!(done.unresolved, ["@/nowhere.md"]);
    }

    #[test]
    fn template_links_resolve() {
        let mut t = targets();
        t.files.insert(
            "_posts/ar/2020-01-05-hello.md".into(),
            "ar/2020/01/hello/".into(),
        );
        t.files.insert(
            "_posts/en/2020-01-05-hello.md".into(),
            "en/2020/01/hello/".into(),
        );
        t.old.insert("seo/".into(), "en/seo/".into());
        let mut done = Rewritten::default();
        let body = "[a]({{< ref \"blog/post.md#rates\" >}}) [b]({{< relref \"post\" >}}) \
                    [c]({% post_url 2020-01-05-hello %}) [d]({{ site.baseurl }}/seo/) \
                    [e]({{< ref \"missing.md\" >}}) {{< figure src=\"x.png\" >}} \
                    [f]({% link _posts/en/2020-01-05-hello.md %})\n";
        let out = rewrite(body, Some("_posts/ar/2020-02-01-x.md"), &t, &mut done);
        assert_eq!(
            out,
            "[a](/en/2024/03/post/#rates) [b](/en/2024/03/post/) [c](/ar/2020/01/hello/) \
             [d](/en/seo/) [e]({{< ref \"missing.md\" >}}) {{< figure src=\"x.png\" >}} \
             [f](/en/2020/01/hello/)\n"
        );
        assert_eq!(done.unresolved, ["{{< ref \"missing.md\" >}}"]);
    }

    #[test]
    fn text_in_every_script_is_left_as_it_is() {
        let t = targets();
        let mut done = Rewritten::default();
        // `h` right before a multi-byte character, `]` and `(` inside CJK text, a lone backtick
        for body in [
            "Jekyll h代码 hrefs 接收你的内容，渲染 Markdown h",
            "العربية ](نص) `غير مغلق [رابط](@/blog/post.md)",
            "href='",
            "h",
        ] {
            let out = rewrite(body, Some("a.md"), &t, &mut done);
            assert_eq!(out.replace("/en/2024/03/post/", "@/blog/post.md"), body);
        }
    }

    #[test]
    fn paths_stay_inside_the_content_folder() {
        assert_eq!(normalize("a/b/../c/./d.md").as_deref(), Some("a/c/d.md"));
        assert_eq!(normalize("../x.md"), None);
    }
}
