//! Splitting a Markdown file into YAML front matter and body, and reading the front matter.
//!
//! [`split`] finds the block between a first line `---` and the next `---` (after a UTF-8 BOM,
//! with CRLF or LF line endings, trailing spaces allowed). [`parse`] reads it with serde-saphyr
//! into [`RawFrontMatter`], the "as written" form, and reports every YAML problem in file
//! coordinates: serde-saphyr counts lines from the start of the block, so the block's first line
//! number in the file is added (the front matter starts on line 2).

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::diagnostics::{did_you_mean, Diagnostic, Pos};

/// The front matter keys nashra knows (SPEC §2).
pub const KNOWN_KEYS: &[&str] = &[
    "title",
    "date",
    "updated",
    "summary",
    "topics",
    "countries",
    "source",
    "image",
    "authors",
    "slug",
    "draft",
    "translation_key",
    "extra",
    "corrections",
    "aliases",
    "expires",
    "tags",
    "categories",
];

/// A file cut into its front matter and its body.
pub struct Split<'a> {
    /// The YAML text between the delimiters (TOML front matter turned into YAML).
    pub yaml: std::borrow::Cow<'a, str>,
    /// 1-based line in the file of the first YAML line.
    pub yaml_first_line: usize,
    pub body: &'a str,
    /// 1-based line in the file where the body starts.
    pub body_first_line: usize,
}

/// Cuts `text` (already without BOM and with `\n` line endings) into front matter and body:
/// YAML between `---` lines, or TOML between `+++` lines (Hugo, Zola), read as YAML.
pub fn split(text: &str) -> Result<Split<'_>, Diagnostic> {
    let first = text.split_inclusive('\n').next().unwrap_or("");
    let fence = first.trim_end();
    if fence != "---" && fence != "+++" {
        return Err(Diagnostic::error("front-matter", "the file does not start with front matter")
            .at(Pos::new(1, 1))
            .help("begin the file with a line `---`, then `title:` and `date:`, then a closing `---`"));
    }
    let start = first.len();
    // the closing fence: where the block ends, where the body starts, and the body's first line
    let mut offset = start;
    let mut closing = None;
    for (i, line) in text[start..].split_inclusive('\n').enumerate() {
        if line.trim_end() == fence {
            closing = Some((offset, offset + line.len(), i + 3));
            break;
        }
        offset += line.len();
    }
    let Some((end, body, body_first_line)) = closing else {
        return Err(
            Diagnostic::error("front-matter", "the front matter is never closed")
                .at(Pos::new(1, 1))
                .help(format!(
                    "add a line `{fence}` after the last front matter key"
                )),
        );
    };
    let block = &text[start..end];
    let yaml = if fence == "---" {
        std::borrow::Cow::Borrowed(block)
    } else {
        let yaml = super::toml_front::as_yaml(block).map_err(|(at, message)| {
            let p = Pos::from_offset(block, at);
            Diagnostic::error("toml", format!("invalid TOML front matter: {message}"))
                .at(Pos::new(p.line + 1, p.column))
                .help("TOML front matter is `key = value` lines between `+++` lines; quote text: `title = \"…\"`")
        })?;
        std::borrow::Cow::Owned(yaml)
    };
    Ok(Split {
        yaml,
        yaml_first_line: 2,
        body: &text[body..],
        body_first_line,
    })
}

/// One or several values (`source: {…}` or `source: [{…}, {…}]`).
#[derive(Debug)]
pub enum OneOrMany<T> {
    One(T),
    Many(Vec<T>),
}

/// Decided by the YAML node's shape (a list or not), so that a problem inside the value is
/// reported as itself (`unknown field `site``) rather than as "no variant matched".
impl<'de, T: Deserialize<'de>> Deserialize<'de> for OneOrMany<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
        use serde::de::IntoDeserializer;
        struct V<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for V<T> {
            type Value = OneOrMany<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("one value or a list of values")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                seq: A,
            ) -> Result<Self::Value, A::Error> {
                Vec::<T>::deserialize(SeqAccessDeserializer::new(seq)).map(OneOrMany::Many)
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<Self::Value, A::Error> {
                T::deserialize(MapAccessDeserializer::new(map)).map(OneOrMany::One)
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
                T::deserialize(v.into_deserializer()).map(OneOrMany::One)
            }
        }
        deserializer.deserialize_any(V(std::marker::PhantomData))
    }
}

impl<T> OneOrMany<T> {
    pub fn into_vec(self) -> Vec<T> {
        match self {
            OneOrMany::One(t) => vec![t],
            OneOrMany::Many(v) => v,
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, expecting = "a source: `{name: …, url: …}`")]
pub struct RawSource {
    pub name: String,
    #[serde(default)]
    pub url: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "an image: `{src: …, alt: …, credit: …, caption: …, focus: \"0.5,0.3\"}`"
)]
pub struct RawImage {
    pub src: String,
    #[serde(default)]
    pub alt: Option<String>,
    #[serde(default)]
    pub credit: Option<String>,
    #[serde(default)]
    pub caption: Option<String>,
    /// The point to keep in crops, `"x,y"` as fractions of the width and height.
    #[serde(default)]
    pub focus: Option<String>,
}

/// One entry of `corrections:`.
#[derive(Debug, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a correction: `{date: 2025-11-28 09:00, text: …}`"
)]
pub struct RawCorrection {
    pub date: Spanned<String>,
    pub text: Spanned<String>,
}

/// Front matter as written.
#[derive(Debug, Deserialize)]
pub struct RawFrontMatter {
    pub title: Option<Spanned<String>>,
    pub date: Option<Spanned<String>>,
    pub updated: Option<Spanned<String>>,
    pub summary: Option<String>,
    pub topics: Option<Vec<Spanned<String>>>,
    pub countries: Option<Vec<Spanned<String>>>,
    pub source: Option<OneOrMany<RawSource>>,
    pub image: Option<Spanned<RawImage>>,
    pub authors: Option<OneOrMany<String>>,
    pub slug: Option<Spanned<String>>,
    pub draft: Option<bool>,
    pub translation_key: Option<String>,
    pub extra: Option<serde_json::Map<String, serde_json::Value>>,
    pub corrections: Option<Vec<RawCorrection>>,
    pub aliases: Option<Vec<Spanned<String>>>,
    pub expires: Option<Spanned<String>>,
    /// Free tags (see [`super::tags`]).
    pub tags: Option<Spanned<super::tags::Names>>,
    pub categories: Option<Spanned<super::tags::Names>>,
    // Other generators' names for nashra's keys (Hugo, Jekyll, Zola, Obsidian, mkdocs), read by
    // [`adopt_dialects`] into the fields above.
    pub description: Option<String>,
    pub lastmod: Option<Spanned<String>>,
    pub lastupdated: Option<Spanned<String>>,
    pub created: Option<Spanned<String>>,
    #[serde(rename = "publishDate")]
    pub publish_date: Option<Spanned<String>>,
    #[serde(flatten)]
    pub unknown: BTreeMap<String, serde_json::Value>,
}

/// Reads other generators' keys as nashra's: `description` as `summary`, `lastmod` and
/// `lastupdated` as `updated`, and `created` and `publishDate` as `date` (with a warning that
/// names `date`, since those mean a file's creation or a scheduled time elsewhere). A nashra
/// key written beside its other name wins.
fn adopt_dialects(
    raw: &mut RawFrontMatter,
    lines: impl Fn(&str) -> Option<usize>,
    warnings: &mut Vec<Diagnostic>,
) {
    if raw.summary.is_none() {
        raw.summary = raw.description.take();
    }
    for other in [raw.lastmod.take(), raw.lastupdated.take()] {
        if raw.updated.is_none() {
            raw.updated = other;
        }
    }
    for (name, other) in [
        ("created", raw.created.take()),
        ("publishDate", raw.publish_date.take()),
    ] {
        if raw.date.is_none() && other.is_some() {
            raw.date = other;
            warnings.push(
                Diagnostic::warning(
                    "date-key",
                    format!("`{name}` is read as the article's `date`"),
                )
                .at_opt(lines(name).map(|l| Pos::new(l, 1)))
                .help(format!(
                    "nashra calls it `date`: rename `{name}:` to `date:` to silence this"
                )),
            );
        }
    }
}

/// Converts a serde-saphyr location (lines counted from the YAML block) to the file.
pub fn file_pos(split: &Split<'_>, loc: &serde_saphyr::Location) -> Pos {
    Pos::new(
        loc.line() as usize + split.yaml_first_line - 1,
        loc.column().max(1) as usize,
    )
}

/// Reads the YAML block. Errors carry positions in the file; warnings (unknown keys) are
/// returned beside the value.
pub fn parse(split: &Split<'_>) -> Result<(RawFrontMatter, Vec<Diagnostic>), Diagnostic> {
    if split.yaml.trim().is_empty() {
        return Err(
            Diagnostic::error("front-matter", "the front matter is empty")
                .at(Pos::new(1, 1))
                .help("add at least `title:` and `date:` between the `---` lines"),
        );
    }
    let options = serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_anchors: 100,
            max_depth: 64,
        },
    };
    let mut raw: RawFrontMatter = serde_saphyr::from_str_with_options(&split.yaml, options).map_err(|e| {
        let pos = e.location().map(|l| file_pos(split, &l));
        let msg = yaml_message(&e);
        let help = "front matter is YAML: `key: value` lines; quote text that contains `: ` or starts with a symbol";
        // the library's advice is for programmers
        if let Some(rest) = msg.strip_prefix("duplicate mapping key: ") {
            let key = rest.split(',').next().unwrap_or(rest).trim();
            return Diagnostic::error("yaml", format!("invalid front matter: the key `{key}` appears twice"))
                .at_opt(pos)
                .help("keep one of the two lines");
        }
        Diagnostic::error("yaml", format!("invalid front matter: {msg}"))
            .at_opt(pos)
            .help(help)
    })?;
    let mut warnings = Vec::new();
    let lines = if raw.unknown.is_empty() && raw.created.is_none() && raw.publish_date.is_none() {
        Default::default()
    } else {
        key_lines(split)
    };
    adopt_dialects(&mut raw, |k| lines.get(k).copied(), &mut warnings);
    for key in raw.unknown.keys() {
        let pos = lines.get(key.as_str()).map(|&line| Pos::new(line, 1));
        let mut d = Diagnostic::warning("unknown-key", format!("unknown front matter key `{key}`"))
            .at_opt(pos);
        d = match did_you_mean(key, KNOWN_KEYS.iter().copied()) {
            Some(k) => d.help(format!("did you mean `{k}`? (kept for templates under `extra.{key}`)")),
            None => d.help(format!("it is kept for templates under `extra.{key}`; put free data under `extra:` to silence this")),
        };
        warnings.push(d);
    }
    Ok((raw, warnings))
}

/// The serde-saphyr message without its trailing "at line N, column M".
fn yaml_message(e: &serde_saphyr::Error) -> String {
    let text = e.without_snippet().to_string();
    let first = text.lines().next().unwrap_or("").trim();
    let cut = first.rfind(" at line ").map_or(first, |i| &first[..i]);
    cut.trim_start_matches("error: ").to_string()
}

/// The file line on which each top-level key is first written (`key:` at the start of a line,
/// quotes removed), read in one pass: a block of many keys costs one scan, not one per key.
fn key_lines<'s>(split: &'s Split<'_>) -> rustc_hash::FxHashMap<&'s str, usize> {
    let mut out = rustc_hash::FxHashMap::default();
    for (i, line) in split.yaml.lines().enumerate() {
        if line.starts_with(|c: char| c.is_whitespace() || c == '#' || c == '-') {
            continue;
        }
        let Some((key, _)) = line.split_once(':') else {
            continue;
        };
        let key = key.trim_end();
        let key = key
            .strip_prefix('"')
            .and_then(|k| k.strip_suffix('"'))
            .or_else(|| key.strip_prefix('\'').and_then(|k| k.strip_suffix('\'')))
            .unwrap_or(key);
        out.entry(key).or_insert(i + split.yaml_first_line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every key nashra knows, and the other generators' names, is read into its field: none of
    /// them lands among the unknown keys (each would then warn and be lost).
    #[test]
    fn every_known_key_is_read_into_its_field() {
        let value = |key: &str| match key {
            "source" => "{name: Agency}",
            "image" => "{src: a.jpg}",
            "corrections" => "[{date: 2025-11-28 09:00, text: Fixed}]",
            "extra" => "{a: 1}",
            "draft" => "false",
            "topics" | "countries" | "aliases" | "authors" | "tags" | "categories" => "[x]",
            _ => "\"x\"",
        };
        let others = [
            "description",
            "lastmod",
            "lastupdated",
            "created",
            "publishDate",
        ];
        for key in KNOWN_KEYS.iter().chain(others.iter()) {
            let yaml = format!("{key}: {}\n", value(key));
            let split = Split {
                yaml: yaml.as_str().into(),
                yaml_first_line: 2,
                body: "",
                body_first_line: 4,
            };
            let (raw, _) = parse(&split).unwrap_or_else(|d| panic!("{key}: {}", d.message));
            assert!(raw.unknown.is_empty(), "`{key}` was read as unknown");
        }
        let split = Split {
            yaml: "title: x\nmood: calm\n".into(),
            yaml_first_line: 2,
            body: "",
            body_first_line: 4,
        };
        let (raw, warnings) = parse(&split).unwrap_or_else(|d| panic!("{}", d.message));
        assert_eq!(raw.unknown.keys().collect::<Vec<_>>(), ["mood"]);
        assert_eq!(warnings.len(), 1);
    }

    #[test]
    fn splits_with_trailing_spaces_on_delimiters() {
        let s = split("---  \ntitle: x\n--- \nBody\n")
            .map_err(|d| d.message)
            .unwrap_or_else(|m| panic!("{m}"));
        assert_eq!(s.yaml, "title: x\n");
        assert_eq!(s.body, "Body\n");
        assert_eq!(s.body_first_line, 4);
    }

    #[test]
    fn yaml_errors_are_in_file_lines() {
        let text = "---\ntitle: ok\ndate: \"2025-11-27\nx: 1\n---\n";
        let s = split(text)
            .map_err(|d| d.message)
            .unwrap_or_else(|m| panic!("{m}"));
        let e = parse(&s).err().map(|d| (d.pos, d.message));
        assert_eq!(
            e,
            Some((
                Some(Pos::new(3, 7)),
                "invalid front matter: unclosed quote".to_string()
            ))
        );
    }
}
