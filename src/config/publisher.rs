//! `[publisher]` in site.toml: who publishes the site, for social cards and structured data.
//!
//! ```toml
//! [publisher]
//! name = { ar = "نشرة", en = "Nashra" }  # default: each language's `title`
//! logo = "logo.png"                      # in static/ (or an absolute URL): schema.org logo
//! image = "card.png"                     # the social card of pages without a picture
//! twitter = "@nashra"                    # twitter:site
//! ```

use std::collections::BTreeMap;

use serde::Deserialize;

use super::text::{file_or_url, PerLanguage};

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPublisher {
    #[serde(default)]
    pub name: Option<toml::Spanned<PerLanguage>>,
    #[serde(default)]
    pub logo: Option<toml::Spanned<String>>,
    #[serde(default)]
    pub image: Option<toml::Spanned<String>>,
    #[serde(default)]
    pub twitter: Option<toml::Spanned<String>>,
}

/// The resolved `[publisher]`.
#[derive(Clone, Debug, Default)]
pub struct Publisher {
    /// Name per language (every configured language has one).
    pub names: BTreeMap<String, String>,
    /// Path in the output (`logo.png`) or absolute URL.
    pub logo: Option<String>,
    pub image: Option<String>,
    /// `@handle`
    pub twitter: Option<String>,
}

impl Publisher {
    pub fn name<'a>(&'a self, lang: &str, fallback: &'a str) -> &'a str {
        self.names.get(lang).map_or(fallback, String::as_str)
    }
}

/// Resolves `[publisher]`; `err(span, message, help)` reports a problem.
pub(super) fn resolve(
    raw: Option<RawPublisher>,
    languages: &[super::Language],
    err: &mut dyn FnMut(std::ops::Range<usize>, String, &str),
) -> Publisher {
    let raw = raw.unwrap_or_default();
    let mut names: BTreeMap<String, String> = languages
        .iter()
        .map(|l| (l.code.clone(), l.title.clone()))
        .collect();
    if let Some(n) = &raw.name {
        let given = n
            .get_ref()
            .resolve(languages.iter().map(|l| l.code.as_str()), |l| {
                err(
                    n.span(),
                    format!("publisher name for `{l}`, which is not a configured language"),
                    "use the language codes of [languages.…]",
                )
            });
        names.extend(given);
    }
    let mut path = |v: Option<toml::Spanned<String>>, what: &str| {
        let v = v?;
        file_or_url(v.get_ref())
            .map_err(|why| {
                err(
                    v.span(),
                    format!("publisher `{what}` {why}"),
                    "name a file in static/ (e.g. \"logo.png\") or give an absolute https:// URL",
                )
            })
            .ok()
    };
    let logo = path(raw.logo, "logo");
    let image = path(raw.image, "image");
    let twitter = raw.twitter.and_then(|t| {
        let h = t.get_ref().trim().trim_start_matches('@');
        if h.is_empty() || !h.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            err(
                t.span(),
                format!(
                    "publisher `twitter` `{}` is not an X/Twitter handle",
                    t.get_ref()
                ),
                "write it like \"@nashra\"",
            );
            None
        } else {
            Some(format!("@{h}"))
        }
    });
    Publisher {
        names,
        logo,
        image,
        twitter,
    }
}
