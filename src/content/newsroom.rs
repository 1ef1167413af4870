//! The newsroom keys of front matter: `corrections`, `aliases` and `expires`, and the checks a
//! news page needs of its headline (the length Google News shows).

use serde_saphyr::Spanned;

use super::dates::{self, PubDate};
use super::frontmatter::RawCorrection;
use crate::diagnostics::{Diagnostic, Pos};

/// The longest headline Google uses for a `NewsArticle` (schema.org `headline`).
pub const HEADLINE_MAX: usize = 110;

/// A dated correction or clarification shown under an article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Correction {
    pub date: PubDate,
    pub text: String,
}

/// An old URL of a document: `from` is a site path (no leading `/`, not percent-encoded) that
/// ends in `/` (a folder: the redirect page is `from` + `index.html`) or names an `.html` file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Alias {
    pub from: String,
    /// Where it is written in the front matter.
    pub pos: Pos,
}

impl Alias {
    /// The output file of the redirect page.
    pub fn file(&self) -> String {
        if self.from.ends_with('/') {
            format!("{}index.html", self.from)
        } else {
            self.from.clone()
        }
    }
}

/// Reads `corrections:`, oldest first.
pub fn corrections(
    raw: Vec<RawCorrection>,
    tz: &jiff::tz::TimeZone,
    pos: impl Fn(&serde_saphyr::Location) -> Pos,
    errors: &mut Vec<Diagnostic>,
) -> Vec<Correction> {
    let mut out = Vec::new();
    for c in raw {
        let text = c.text.value.trim().to_string();
        if text.is_empty() {
            errors.push(
                Diagnostic::error("bad-correction", "the correction has no text")
                    .at(pos(&c.text.referenced))
                    .help("say what was wrong and what is right, e.g. `text: An earlier version gave the wrong date.`"),
            );
            continue;
        }
        match dates::parse(&c.date.value, tz) {
            Ok(date) => out.push(Correction { date, text }),
            Err((msg, help)) => errors.push(
                Diagnostic::error("bad-date", format!("invalid correction `date`: {msg}"))
                    .at(pos(&c.date.referenced))
                    .help(help),
            ),
        }
    }
    out.sort_by_key(|c| c.date.timestamp());
    out
}

/// Reads `aliases:`. Each is a path on this site (`/2019/05/old-story/`, `old.html`); a full
/// URL of this site is accepted too when it starts with `base_url`.
pub fn aliases(
    raw: Vec<Spanned<String>>,
    base_url: &str,
    base_path: &str,
    pos: impl Fn(&serde_saphyr::Location) -> Pos,
    errors: &mut Vec<Diagnostic>,
) -> Vec<Alias> {
    let mut out: Vec<Alias> = Vec::new();
    for a in raw {
        let at = pos(&a.referenced);
        match alias_path(a.value.trim(), base_url, base_path) {
            Ok(from) => {
                if !out.iter().any(|o| o.from == from) {
                    out.push(Alias { from, pos: at });
                }
            }
            Err(why) => errors.push(
                Diagnostic::error("bad-alias", format!("invalid alias `{}`: {why}", a.value))
                    .at(at)
                    .help("write the old address as a path on this site, e.g. `aliases: [2019/05/old-story/]`"),
            ),
        }
    }
    out
}

/// The site path of an alias as written, or why it is not one.
fn alias_path(text: &str, base_url: &str, base_path: &str) -> Result<String, String> {
    let mut p = text;
    if p.starts_with("http://") || p.starts_with("https://") {
        p = p
            .strip_prefix(base_url.trim_end_matches('/'))
            .ok_or_else(|| format!("it is an address on another site (this site is {base_url})"))?;
    } else if base_path != "/" {
        // `/news/old/` on a site served under /news/
        if let Some(rest) = p.strip_prefix(base_path.trim_end_matches('/')) {
            if rest.starts_with('/') {
                p = rest;
            }
        }
    }
    if p.contains(['?', '#']) {
        return Err("a query (`?`) or fragment (`#`) cannot be redirected by a static page".into());
    }
    if p.contains(char::is_whitespace) {
        return Err("it contains spaces".into());
    }
    let decoded = super::slug::decode_path(p)
        .ok_or("its percent-encoding (`%XX`) is malformed or not UTF-8")?;
    let trimmed = decoded.trim_start_matches('/');
    if trimmed.is_empty() {
        return Err("it is the site's front page".into());
    }
    let is_file = trimmed.ends_with(".html") || trimmed.ends_with(".htm");
    let bare = trimmed.trim_end_matches('/');
    crate::safety::check_rel(bare)
        .map_err(|why| format!("it is not a path inside the site: {why}"))?;
    // each part becomes a folder or file name of the output
    if let Some(part) = bare
        .split('/')
        .find(|part| part.len() > super::slug::MAX_BYTES)
    {
        return Err(format!(
            "a part of it is {} bytes long, and file systems allow {} in a folder or file name",
            part.len(),
            super::slug::MAX_BYTES
        ));
    }
    Ok(if is_file {
        bare.to_string()
    } else {
        format!("{bare}/")
    })
}

/// A warning when a headline is longer than Google News shows.
pub fn headline_warning(title: &str, at: Pos) -> Option<Diagnostic> {
    let n = title.chars().count();
    (n > HEADLINE_MAX).then(|| {
        Diagnostic::warning(
            "long-headline",
            format!("the headline has {n} characters; Google News uses at most {HEADLINE_MAX}"),
        )
        .at(at)
        .help(format!(
            "shorten `title:`; the structured data (JSON-LD) carries its first {HEADLINE_MAX} characters"
        ))
    })
}

/// A headline as the structured data carries it: at most [`HEADLINE_MAX`] characters with the
/// `…`, cut at a word like summaries are.
pub fn headline(title: &str) -> String {
    super::markdown::cut_summary(title, HEADLINE_MAX - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alias_paths() {
        let ok = |s: &str| alias_path(s, "https://x.org/news/", "/news/");
        assert_eq!(ok("/2019/05/old/").as_deref(), Ok("2019/05/old/"));
        assert_eq!(ok("2019/05/old").as_deref(), Ok("2019/05/old/"));
        assert_eq!(ok("/news/2019/old.html").as_deref(), Ok("2019/old.html"));
        assert_eq!(ok("https://x.org/news/a/b/").as_deref(), Ok("a/b/"));
        assert_eq!(ok("/ar/%D8%A7/").as_deref(), Ok("ar/ا/"));
        assert!(ok("https://other.org/a/").is_err());
        assert!(ok("../etc/").is_err());
        assert!(ok("/a/?p=1").is_err());
        assert!(ok("/").is_err());
    }

    #[test]
    fn headlines_fit_google_news() {
        assert_eq!(headline("short"), "short");
        let long = "word ".repeat(30);
        let h = headline(&long);
        assert!(
            h.chars().count() <= HEADLINE_MAX && h.ends_with("word…"),
            "{h}"
        );
    }
}
