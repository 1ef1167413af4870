//! Free tags: `tags:` and `categories:` as other generators (Hugo, Jekyll, WordPress exports)
//! write them — any words, in any script, nothing to declare in site.toml.
//!
//! Both keys take a list (`tags: [مناخ, COP29]`) or one line of names separated by commas
//! (`tags: مناخ، COP29`, Arabic comma too). Numbers and `true`/`false` are read as the names they
//! look like. The two keys make one set of tags: a WordPress category and a Hugo tag are both just
//! labels to a reader. Each tag's address is its name slugged like a title (Arabic kept), so
//! `Climate Change` and `climate-change` are one tag. Tags are separate from the declared
//! `topics`, which keep their translated names and their place in the navigation.

use serde::Deserialize;

use crate::diagnostics::{Diagnostic, Pos};

/// One tag of a document: its name as written and its slug (its address under `/LANG/tags/`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tag {
    pub name: String,
    pub slug: String,
}

/// The names in one line of names separated by commas (`,` or the Arabic `،`), trimmed.
pub fn split_names(line: &str) -> impl Iterator<Item = String> + '_ {
    line.split([',', '،'])
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

/// The names a `tags:`/`categories:` value holds, as written.
#[derive(Debug, Default)]
pub struct Names(pub Vec<String>);

impl<'de> Deserialize<'de> for Names {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Names;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a list of tag names, or names separated by commas")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Names, E> {
                Ok(Names(split_names(v).collect()))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Names, E> {
                Ok(Names(vec![v.to_string()]))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Names, E> {
                Ok(Names(vec![v.to_string()]))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Names, E> {
                Ok(Names(vec![v.to_string()]))
            }
            fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<Names, E> {
                Ok(Names(vec![v.to_string()]))
            }
            fn visit_unit<E: serde::de::Error>(self) -> Result<Names, E> {
                Ok(Names::default())
            }
            fn visit_none<E: serde::de::Error>(self) -> Result<Names, E> {
                Ok(Names::default())
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Names, A::Error> {
                use serde::de::Error;
                let mut out = Vec::new();
                // items are names: text, numbers and booleans as written; an empty item is skipped
                while let Some(item) = seq.next_element::<serde_json::Value>()? {
                    match item {
                        serde_json::Value::String(s) if s.trim().is_empty() => {}
                        serde_json::Value::String(s) => out.push(s.trim().to_string()),
                        serde_json::Value::Number(n) => out.push(n.to_string()),
                        serde_json::Value::Bool(b) => out.push(b.to_string()),
                        serde_json::Value::Null => {}
                        _ => return Err(A::Error::custom("a tag name, not a list or a map")),
                    }
                }
                Ok(Names(out))
            }
        }
        deserializer.deserialize_any(V)
    }
}

/// The document's tags from `tags:` then `categories:`, one per slug (the first spelling wins).
/// A name with nothing to make an address of (only punctuation) or one too long for a folder
/// name is left out with a warning at `pos`.
pub fn resolve<'a>(
    lists: impl IntoIterator<Item = (&'a Names, Pos)>,
    warnings: &mut Vec<Diagnostic>,
) -> Vec<Tag> {
    let mut out: Vec<Tag> = Vec::new();
    for (names, pos) in lists {
        for name in &names.0 {
            let slug = super::slug::slugify(name);
            if slug.is_empty() || slug.len() > super::slug::MAX_BYTES {
                let why = if slug.is_empty() {
                    "has no letters or digits to make its address from"
                } else {
                    "is too long to be a folder name"
                };
                warnings.push(
                    Diagnostic::warning("bad-tag", format!("the tag `{name}` {why}; it is left out"))
                        .at(pos)
                        .help("write the tag with letters or digits, in at most about 120 Arabic or 250 Latin letters"),
                );
                continue;
            }
            if !out.iter().any(|t| t.slug == slug) {
                out.push(Tag {
                    name: name.clone(),
                    slug,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct F {
        tags: Names,
    }

    fn names(yaml: &str) -> Vec<String> {
        match serde_saphyr::from_str::<F>(yaml) {
            Ok(f) => f.tags.0,
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn lists_lines_and_scalars() {
        assert_eq!(names("tags: [a, 2024, true]"), ["a", "2024", "true"]);
        assert_eq!(names("tags: مناخ، طاقة, COP29"), ["مناخ", "طاقة", "COP29"]);
        assert_eq!(names("tags:\n  - one\n  -\n  - two"), ["one", "two"]);
        assert!(names("tags:").is_empty());
        let nested = serde_saphyr::from_str::<F>("tags: [a, [b]]").map(|f| f.tags.0);
        assert!(
            nested
                .as_ref()
                .is_err_and(|e| e.to_string().contains("a tag name, not a list or a map")),
            "{nested:?}"
        );
    }

    #[test]
    fn one_tag_per_slug_and_bad_names_warned() {
        let mut w = Vec::new();
        let n = Names(vec![
            "Climate Change".into(),
            "climate-change".into(),
            "!!!".into(),
            "الطاقة".into(),
        ]);
        let tags = resolve([(&n, Pos::new(3, 1))], &mut w);
        let slugs: Vec<&str> = tags.iter().map(|t| t.slug.as_str()).collect();
        assert_eq!(slugs, ["climate-change", "الطاقة"]);
        assert_eq!(tags[0].name, "Climate Change");
        assert_eq!(w.len(), 1);
        assert_eq!(
            w[0].message,
            "the tag `!!!` has no letters or digits to make its address from; it is left out"
        );
    }
}
