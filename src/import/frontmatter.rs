//! Front matter on both sides of an import: reading another generator's (YAML `---` or TOML
//! `+++`, any keys) and writing nashra's.
//!
//! [`map`] reads the keys the generators share into nashra's: `date`/`publishDate`/`created`,
//! `lastmod`/`last_modified_at`/`updated`, `description`/`excerpt`/`summary`, `tags`,
//! `categories` and Zola's `[taxonomies]`, `author`/`authors`, `draft` and `published: false`,
//! `aliases`/`redirect_from`, `translationKey`/`ref`/`lang_ref`, `lang`, `image`/`cover`/
//! `featured_image`/`images`. Everything else is kept under `extra`, so nothing is lost.
//! [`document`] writes the result; values are written as JSON, which is YAML 1.2.

use serde_json::{Map, Value};

use super::Doc;

/// Front matter keys and values as read.
pub type Keys = Map<String, Value>;

/// A file's front matter as a map, and its body. `None` when the file has no front matter. The
/// block is cut as `build` cuts it ([`crate::content::frontmatter::split`]: BOM, CRLF, `---` or
/// `+++`, TOML read through the same line-preserving YAML).
pub fn read(text: &str) -> Result<Option<(Keys, String)>, String> {
    read_noting(text, &mut Vec::new())
}

/// [`read`], noting in `notes` what was read differently from how nashra reads its own files: a
/// key written twice keeps its last value, as Jekyll and Hugo do (nashra's own front matter
/// refuses it).
pub fn read_noting(text: &str, notes: &mut Vec<String>) -> Result<Option<(Keys, String)>, String> {
    let text = crate::content::normalize_text(text);
    let first = text.lines().next().unwrap_or("").trim_end();
    if first != "---" && first != "+++" {
        return Ok(None);
    }
    let split = crate::content::frontmatter::split(&text).map_err(|d| d.message)?;
    let value: Value = if split.yaml.trim().is_empty() {
        Value::Null
    } else {
        let first_line = |e: serde_saphyr::Error| {
            let t = e.to_string();
            t.lines().next().unwrap_or("invalid YAML").to_string()
        };
        match serde_saphyr::from_str(&split.yaml) {
            Ok(v) => v,
            Err(e) => match e.without_snippet() {
                serde_saphyr::Error::DuplicateMappingKey { key, location } => {
                    let line = crate::content::frontmatter::file_pos(&split, location).line;
                    notes.push(format!(
                        "`{}` is written twice (line {line}): the last value is kept",
                        key.as_deref().unwrap_or("a key")
                    ));
                    let options = serde_saphyr::options! {
                        duplicate_keys: serde_saphyr::DuplicateKeyPolicy::LastWins,
                    };
                    serde_saphyr::from_str_with_options(&split.yaml, options).map_err(first_line)?
                }
                _ => return Err(first_line(e)),
            },
        }
    };
    let body = split.body.to_string();
    match value {
        Value::Object(m) => Ok(Some((m, body))),
        Value::Null => Ok(Some((Map::new(), body))),
        _ => Err("the front matter is not a set of `key: value` lines".to_string()),
    }
}

/// TOML as JSON, dates as their text.
pub fn toml_json(v: toml::Value) -> Value {
    match v {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => Value::from(f),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(a) => Value::Array(a.into_iter().map(toml_json).collect()),
        toml::Value::Table(t) => {
            Value::Object(t.into_iter().map(|(k, v)| (k, toml_json(v))).collect())
        }
    }
}

/// What the shared keys say, taken out of the map.
#[derive(Debug, Default)]
pub struct Mapped {
    pub title: Option<String>,
    pub date: Option<String>,
    pub slug: Option<String>,
    pub lang: Option<String>,
    pub group: Option<String>,
    pub draft: bool,
    /// `url` (Hugo), `permalink` (Jekyll), `path` (Zola): the address the file asked for.
    pub url: Option<String>,
    pub aliases: Vec<String>,
    /// `categories`/`category` as written (Jekyll's `:categories`); they are tags too.
    pub categories: Vec<String>,
    pub fields: super::Fields,
}

/// Text of a scalar (strings, numbers, booleans).
pub fn text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// Names in a list, or a comma-separated line.
fn names(v: &Value) -> Vec<String> {
    match v {
        Value::Array(a) => a.iter().filter_map(text).collect(),
        Value::String(s) => crate::content::tags::split_names(s).collect(),
        other => text(other).into_iter().collect(),
    }
}

/// Reads the shared keys (see the module doc) out of `m`; the rest goes under `extra`.
pub fn map(mut m: Map<String, Value>) -> Mapped {
    let mut out = Mapped::default();
    let mut take = |keys: &[&str]| -> Option<Value> {
        let mut found = None;
        for k in keys {
            if let Some(v) = m.remove(*k) {
                if found.is_none() && !v.is_null() {
                    found = Some(v);
                }
            }
        }
        found
    };
    out.title = take(&["title"]).as_ref().and_then(text);
    out.date = take(&["date", "publishDate", "pubDate", "created"])
        .as_ref()
        .and_then(text);
    let updated = take(&[
        "lastmod",
        "updated",
        "last_modified_at",
        "lastupdated",
        "modified",
    ])
    .as_ref()
    .and_then(text);
    let expires = take(&["expiryDate", "expirydate", "expires", "expiry_date"])
        .as_ref()
        .and_then(text);
    let summary = take(&["summary", "description", "excerpt"])
        .as_ref()
        .and_then(text);
    out.slug = take(&["slug"]).as_ref().and_then(text);
    out.lang = take(&["lang", "language", "locale"])
        .as_ref()
        .and_then(text);
    out.group = take(&[
        "translationKey",
        "translation_key",
        "ref",
        "lang_ref",
        "i18n",
    ])
    .as_ref()
    .and_then(text);
    let draft = take(&["draft"]).is_some_and(|v| v == Value::Bool(true));
    let unpublished = take(&["published"]).is_some_and(|v| v == Value::Bool(false));
    out.draft = draft || unpublished;
    out.url = take(&["url", "permalink", "path"]).as_ref().and_then(text);
    out.aliases = [take(&["aliases"]), take(&["redirect_from"])]
        .iter()
        .flatten()
        .flat_map(names)
        .collect();
    let mut tags: Vec<String> = take(&["tags"]).as_ref().map(names).unwrap_or_default();
    out.categories = take(&["categories", "category"])
        .as_ref()
        .map(names)
        .unwrap_or_default();
    tags.extend(out.categories.iter().cloned());
    if let Some(Value::Object(tax)) = take(&["taxonomies"]) {
        for (_, v) in tax {
            tags.extend(names(&v));
        }
    }
    let authors: Vec<String> = match take(&["authors", "author"]) {
        Some(Value::Object(a)) => a.get("name").and_then(text).into_iter().collect(),
        Some(v) => names(&v),
        None => Vec::new(),
    };
    let image = match take(&["image", "featured_image", "cover", "thumbnail", "images"]) {
        Some(Value::String(s)) => Some((s, None)),
        Some(Value::Array(a)) => a.first().and_then(text).map(|s| (s, None)),
        Some(Value::Object(o)) => o
            .get("image")
            .or_else(|| o.get("src"))
            .or_else(|| o.get("path"))
            .and_then(text)
            .map(|s| (s, o.get("alt").and_then(text))),
        _ => None,
    };
    // nashra's own checked keys would fail on another site's values: kept as data
    let f = &mut out.fields;
    if let Some(u) = updated {
        f.push(("updated", Value::String(u)));
    }
    if let Some(s) = summary {
        f.push(("summary", Value::String(s)));
    }
    if let Some(e) = expires {
        f.push(("expires", Value::String(e)));
    }
    if !tags.is_empty() {
        f.push(("tags", Value::from(tags)));
    }
    if !authors.is_empty() {
        f.push(("authors", Value::from(authors)));
    }
    if let Some((src, alt)) = image {
        let mut img = Map::new();
        img.insert("src".into(), Value::String(src));
        img.insert("alt".into(), Value::String(alt.unwrap_or_default()));
        f.push(("image", Value::Object(img)));
    }
    let mut extra = match m.remove("extra") {
        Some(Value::Object(e)) => e,
        _ => Map::new(),
    };
    extra.extend(m);
    if !extra.is_empty() {
        f.push(("extra", Value::Object(extra)));
    }
    out
}

/// The file nashra reads: front matter, a blank line, the body.
pub fn document(d: &Doc) -> String {
    let mut out = String::with_capacity(d.body.len() + 512);
    out.push_str("---\n");
    let mut line = |k: &str, v: &Value| {
        out.push_str(k);
        out.push_str(": ");
        out.push_str(&v.to_string());
        out.push('\n');
    };
    line("title", &Value::String(d.title.clone()));
    if let Some(date) = &d.date {
        line("date", &Value::String(date.clone()));
    }
    line("slug", &Value::String(d.slug.clone()));
    for (k, v) in &d.fields {
        line(k, v);
    }
    if !d.old_urls.is_empty() {
        let encoded: Vec<String> = d.old_urls.iter().map(|u| alias_text(u)).collect();
        line("aliases", &Value::from(encoded));
    }
    if d.draft {
        line("draft", &Value::Bool(true));
    }
    out.push_str("---\n\n");
    out.push_str(d.body.trim_start_matches('\n'));
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// An old address as `aliases:` takes it: the characters a path cannot carry as they are
/// (spaces, `?`, `#`, `%`, controls) percent-encoded, as the old generator served them; letters
/// of every script stay readable.
pub fn alias_text(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        if c.is_whitespace() || c.is_control() || matches!(c, '?' | '#' | '%' | '"' | '<' | '>') {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_carry_what_a_path_cannot_encoded() {
        assert_eq!(
            alias_text("2020/07/21/forbidding evil.html"),
            "2020/07/21/forbidding%20evil.html"
        );
        assert_eq!(alias_text("why?/50%/"), "why%3F/50%25/");
        assert_eq!(alias_text("ar/قمة/"), "ar/قمة/");
    }

    #[test]
    fn toml_and_yaml_map_to_nashra_keys() {
        let (m, body) = match read("+++\ntitle = \"Hi\"\ndate = 2024-01-02T10:00:00+03:00\n[taxonomies]\ntags = [\"a\", \"ب\"]\n[extra]\nx = 1\n+++\nBody\n") {
            Ok(Some(x)) => x,
            other => panic!("{other:?}"),
        };
        assert_eq!(body, "Body\n");
        // CRLF and a BOM, as build reads them
        let crlf = read("\u{feff}---\r\ntitle: Hi\r\n---\r\nBody\r\n");
        assert!(
            matches!(&crlf, Ok(Some((m, b))) if m.contains_key("title") && b == "Body\n"),
            "{crlf:?}"
        );
        let mapped = map(m);
        assert_eq!(mapped.date.as_deref(), Some("2024-01-02T10:00:00+03:00"));
        let fields: Vec<String> = mapped
            .fields
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        assert_eq!(fields, ["tags=[\"a\",\"ب\"]", "extra={\"x\":1}"]);

        let (m, _) = match read(
            "---\ntitle: Hi\npublished: false\nauthor: {name: Sara}\nlayout: post\n---\n",
        ) {
            Ok(Some(x)) => x,
            other => panic!("{other:?}"),
        };
        let mapped = map(m);
        assert!(mapped.draft);
        let fields: Vec<String> = mapped
            .fields
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        assert_eq!(
            fields,
            ["authors=[\"Sara\"]", "extra={\"layout\":\"post\"}"]
        );
    }
}
