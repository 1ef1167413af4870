//! `authors.toml`: what a newsroom knows about its writers (optional).
//!
//! ```toml
//! [sara-ahmed]                                  # the key: the author's URL /LANG/authors/sara-ahmed/
//! name = { ar = "سارة أحمد", en = "Sara Ahmed" } # or one name for every language: name = "…"
//! bio = { ar = "مراسلة في الرياض.", en = "Correspondent in Riyadh." }
//! url = "https://example.org/sara"              # her own page (schema.org `sameAs`)
//! image = "authors/sara.jpg"                    # a file in static/, or an absolute URL
//! ```
//!
//! A byline (`authors:` in front matter) names an author by key or by any of their names; a
//! byline that is in no table still gets a page, under the slug of the name as written.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use crate::config::text::{file_or_url, PerLanguage};
use crate::config::Config;
use crate::content::slug::slugify;
use crate::diagnostics::{Diagnostic, Diagnostics, Pos};

/// The file at the site root.
pub const AUTHORS_FILE: &str = "authors.toml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAuthor {
    name: Spanned<PerLanguage>,
    #[serde(default)]
    bio: Option<Spanned<PerLanguage>>,
    #[serde(default)]
    url: Option<Spanned<String>>,
    #[serde(default)]
    image: Option<Spanned<String>>,
}

/// One author.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Author {
    pub key: String,
    /// Name per language (a language without one uses the byline as written).
    pub names: BTreeMap<String, String>,
    pub bio: BTreeMap<String, String>,
    pub url: Option<String>,
    pub image: Option<String>,
}

/// Every author of `authors.toml`, and the names bylines may use for them.
#[derive(Clone, Debug, Default)]
pub struct Authors {
    pub by_key: BTreeMap<String, Author>,
    /// Normalised name or key → key.
    names: HashMap<String, String>,
}

fn normal(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    name.trim().nfc().collect::<String>().to_lowercase()
}

impl Authors {
    /// The key of the author a byline names: a known author, or the slug of the byline, cut to
    /// what a folder name may hold (it names the author's page).
    pub fn key_of(&self, byline: &str) -> String {
        self.names.get(&normal(byline)).cloned().unwrap_or_else(|| {
            let mut slug = slugify(byline);
            let max = crate::content::slug::MAX_BYTES;
            if slug.len() > max {
                let mut end = max;
                while !slug.is_char_boundary(end) {
                    end -= 1;
                }
                slug.truncate(end);
                let kept = slug.trim_end_matches('-').len();
                slug.truncate(kept);
            }
            slug
        })
    }

    pub fn get(&self, key: &str) -> Option<&Author> {
        self.by_key.get(key)
    }
}

/// Reads `authors.toml` if there is one. Problems (with their line) go to `diags`.
pub fn load(root: &Path, config: &Config, diags: &Diagnostics) -> Authors {
    let path = root.join(AUTHORS_FILE);
    let text = match std::fs::read(&path) {
        Ok(b) => match String::from_utf8(b) {
            Ok(t) => t,
            Err(e) => {
                diags.push(
                    Diagnostic::error("encoding", "authors.toml is not valid UTF-8")
                        .in_file(AUTHORS_FILE)
                        .at(Pos::of_bad_utf8(e.as_bytes()))
                        .help("save the file as UTF-8"),
                );
                return Authors::default();
            }
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Authors::default(),
        Err(e) => {
            diags.push(
                Diagnostic::error("io", format!("cannot read {AUTHORS_FILE}: {e}"))
                    .in_file(AUTHORS_FILE),
            );
            return Authors::default();
        }
    };
    parse(&text, config, diags)
}

/// Parses the text of an `authors.toml`.
pub fn parse(text: &str, config: &Config, diags: &Diagnostics) -> Authors {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let at = |span: std::ops::Range<usize>| Pos::from_offset(text, span.start);
    let raw: BTreeMap<Spanned<String>, Spanned<RawAuthor>> = match toml::from_str(text) {
        Ok(r) => r,
        Err(e) => {
            diags.push(
                Diagnostic::error("authors", format!("invalid {AUTHORS_FILE}: {}", e.message().trim()))
                    .in_file(AUTHORS_FILE)
                    .at_opt(e.span().map(at))
                    .help("each author is a table: [sara-ahmed] then name = { ar = \"…\", en = \"…\" }, bio, url, image"),
            );
            return Authors::default();
        }
    };
    let mut out = Authors::default();
    let err = |span: std::ops::Range<usize>, msg: String, help: &str| {
        diags.push(
            Diagnostic::error("authors", msg)
                .in_file(AUTHORS_FILE)
                .at(at(span))
                .help(help.to_string()),
        );
    };
    let each = |t: &Spanned<PerLanguage>, what: &str| -> BTreeMap<String, String> {
        t.get_ref().resolve(config.language_codes(), |l| {
            err(
                t.span(),
                format!("the {what} is given for `{l}`, which is not a configured language"),
                "use the language codes of site.toml",
            )
        })
    };
    for (key, a) in raw {
        let k = key.get_ref().trim();
        if slugify(k) != k || k.is_empty() {
            err(
                key.span(),
                format!("invalid author key `{k}`"),
                "keys are the author's address: lower-case letters, digits and `-`, like [sara-ahmed]",
            );
            continue;
        }
        let a = a.into_inner();
        let names = each(&a.name, "name");
        if names.is_empty() {
            err(
                a.name.span(),
                format!("author `{k}` has no name"),
                "add name = \"…\"",
            );
            continue;
        }
        let url = match a.url {
            Some(u)
                if u.get_ref().starts_with("https://") || u.get_ref().starts_with("http://") =>
            {
                Some(u.into_inner())
            }
            Some(u) => {
                err(
                    u.span(),
                    format!(
                        "author `{k}`: url `{}` is not an absolute http(s) address",
                        u.get_ref()
                    ),
                    "write it like \"https://example.org/sara\"",
                );
                None
            }
            None => None,
        };
        let author = Author {
            key: k.to_string(),
            bio: a.bio.as_ref().map(|b| each(b, "bio")).unwrap_or_default(),
            names,
            url,
            image: a.image.filter(|i| !i.get_ref().trim().is_empty()).and_then(|i| {
                file_or_url(i.get_ref())
                    .map_err(|why| {
                        err(
                            i.span(),
                            format!("author `{k}`: image {why}"),
                            "name a file in static/ (e.g. \"authors/sara.jpg\") or give an absolute https:// URL",
                        )
                    })
                    .ok()
            }),
        };
        out.names.insert(normal(k), k.to_string());
        for n in author.names.values() {
            out.names.entry(normal(n)).or_insert_with(|| k.to_string());
        }
        out.by_key.insert(k.to_string(), author);
    }
    out
}
