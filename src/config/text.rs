//! Values that site.toml and authors.toml share: text given once or per language, and a file of
//! the site or an absolute URL.

use std::collections::BTreeMap;

use serde::Deserialize;

/// `"…"` (every language) or `{ ar = "…", en = "…" }`.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum PerLanguage {
    One(String),
    Each(BTreeMap<String, String>),
}

impl PerLanguage {
    /// The trimmed, non-empty text of each language in `languages`; `unknown(code)` is called for
    /// each language the value names that is not configured.
    pub fn resolve<'a>(
        &self,
        languages: impl Iterator<Item = &'a str>,
        mut unknown: impl FnMut(&str),
    ) -> BTreeMap<String, String> {
        let languages: Vec<&str> = languages.collect();
        match self {
            PerLanguage::One(s) if s.trim().is_empty() => BTreeMap::new(),
            PerLanguage::One(s) => languages
                .iter()
                .map(|l| (l.to_string(), s.trim().to_string()))
                .collect(),
            PerLanguage::Each(m) => {
                for l in m.keys() {
                    if !languages.contains(&l.as_str()) {
                        unknown(l);
                    }
                }
                m.iter()
                    .filter(|(l, v)| languages.contains(&l.as_str()) && !v.trim().is_empty())
                    .map(|(l, v)| (l.clone(), v.trim().to_string()))
                    .collect()
            }
        }
    }
}

/// An absolute http(s) URL as written, or a path of the output (`/logo.png` → `logo.png`); the
/// reason when it is neither.
pub fn file_or_url(text: &str) -> Result<String, String> {
    let s = text.trim();
    if s.starts_with("https://") || s.starts_with("http://") {
        return Ok(s.to_string());
    }
    let rel = s.trim_start_matches('/');
    crate::safety::check_rel(rel)
        .map(|()| rel.to_string())
        .map_err(|why| format!("`{s}` is not a file of the site: {why}"))
}
