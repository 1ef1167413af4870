//! What a content file's name says: its name and its language (`summit.pt-BR.md`).

use crate::config::Config;

/// `NAME.LANG.md` → (NAME, Some(LANG)); `NAME.md` → (NAME, None).
pub(super) fn split_name<'a>(file_name: &'a str, config: &Config) -> (&'a str, Option<&'a str>) {
    let stem = file_name.strip_suffix(".md").unwrap_or(file_name);
    if let Some((name, lang)) = stem.rsplit_once('.') {
        if config.is_language(lang) || looks_like_language_tag(lang) {
            return (name, Some(lang));
        }
    }
    (stem, None)
}

/// Whether a file name's last part before `.md` is written as a language: two letters (`es`), or
/// a BCP 47 tag with subtags (`pt-BR`, `zh-Hant`, `es-419`, `sr-Latn-RS`). A lone three-letter
/// word (`notes.new.md`) is not taken for one.
fn looks_like_language_tag(s: &str) -> bool {
    let mut parts = s.split(['-', '_']);
    let first = parts.next().unwrap_or_default();
    let subtags: Vec<&str> = parts.collect();
    let subtag =
        |p: &&str| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric());
    match (first.len(), subtags.is_empty()) {
        // `es`, as always: lower case
        (2, true) => first.chars().all(|c| c.is_ascii_lowercase()),
        (2 | 3, false) => {
            first.chars().all(|c| c.is_ascii_alphabetic()) && subtags.iter().all(subtag)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn language_tags_in_file_names() {
        for tag in [
            "es",
            "pt-BR",
            "pt_BR",
            "zh-Hant",
            "es-419",
            "sr-Latn-RS",
            "yue-HK",
        ] {
            assert!(super::looks_like_language_tag(tag), "{tag}");
        }
        for not in ["new", "EU", "v2", "final", "draft-2", "x-y", "", "pt-"] {
            assert!(!super::looks_like_language_tag(not), "{not}");
        }
    }
}
