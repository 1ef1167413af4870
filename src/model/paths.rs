//! URL paths of the generated pages (relative to the base path, not percent-encoded, `/`-ended).

use super::Scope;

pub fn front(lang: &str) -> String {
    format!("{lang}/")
}

pub fn scope(lang: &str, scope: &Scope) -> String {
    match scope {
        Scope::Front => front(lang),
        Scope::Topic(k) => format!("{lang}/topics/{k}/"),
        Scope::Country(c) => format!("{lang}/countries/{}/", c.to_ascii_lowercase()),
        Scope::Author(k) => format!("{lang}/authors/{k}/"),
        Scope::Tag(k) => format!("{lang}/tags/{k}/"),
    }
}

/// Page `n` (1-based) of a list whose first page is at `first`.
pub fn page(first: &str, n: usize) -> String {
    if n <= 1 {
        first.to_string()
    } else {
        format!("{first}page/{n}/")
    }
}

pub fn feed(lang: &str, scope: &Scope) -> String {
    format!("{}feed.xml", self::scope(lang, scope))
}

/// A list's JSON Feed, beside its Atom feed.
pub fn json_feed(lang: &str, scope: &Scope) -> String {
    format!("{}feed.json", self::scope(lang, scope))
}

/// A language's alerts for the theme's script.
pub fn alerts(lang: &str) -> String {
    format!("{lang}/alert.json")
}

/// The web app manifest of a language (name, direction, start page, icons).
pub fn manifest(lang: &str) -> String {
    format!("{lang}/manifest.webmanifest")
}

pub fn topics(lang: &str) -> String {
    format!("{lang}/topics/")
}

pub fn countries(lang: &str) -> String {
    format!("{lang}/countries/")
}

pub fn archive(lang: &str) -> String {
    format!("{lang}/archive/")
}

pub fn authors(lang: &str) -> String {
    format!("{lang}/authors/")
}

pub fn tags(lang: &str) -> String {
    format!("{lang}/tags/")
}

pub fn corrections(lang: &str) -> String {
    format!("{lang}/corrections/")
}

pub fn month(lang: &str, year: i16, month: i8) -> String {
    format!("{lang}/{year:04}/{month:02}/")
}
