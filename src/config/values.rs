//! Checks and conversions of single site.toml values: the base URL, the time zone, topic keys
//! and language codes.

pub(super) fn normalise_base_url(url: &str) -> Result<(String, String), String> {
    let url = url.trim();
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(|| format!("base_url `{url}` must start with https:// or http://"))?;
    let (host, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    };
    if host.is_empty() || host.contains(char::is_whitespace) {
        return Err(format!("base_url `{url}` has no host name"));
    }
    if path.contains(['?', '#']) || path.contains(char::is_whitespace) {
        return Err(format!(
            "base_url `{url}` may not contain a query, fragment or spaces"
        ));
    }
    let mut path = path.to_string();
    if !path.ends_with('/') {
        path.push('/');
    }
    let scheme = if url.starts_with("https://") {
        "https"
    } else {
        "http"
    };
    Ok((format!("{scheme}://{host}{path}"), path))
}

/// A WebSub hub's address as site.toml gives it: an absolute `http(s)` URL with a host, no
/// spaces, quotes or angle brackets (it is written into every feed).
pub(super) fn hub_url(url: &str) -> Result<String, String> {
    let url = url.trim();
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(|| format!("websub_hub `{url}` must start with https:// or http://"))?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty() {
        return Err(format!("websub_hub `{url}` has no host name"));
    }
    if url
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>' | '\\'))
    {
        return Err(format!(
            "websub_hub `{url}` may not contain spaces, quotes or angle brackets"
        ));
    }
    Ok(url.to_string())
}

pub(super) fn parse_timezone(name: &str) -> Option<jiff::tz::TimeZone> {
    let name = name.trim();
    if let Some(sign) = name.chars().next().filter(|c| *c == '+' || *c == '-') {
        let digits = &name[1..];
        let (h, m) = digits.split_once(':').unwrap_or((digits, "0"));
        let h: i32 = h.parse().ok()?;
        let m: i32 = m.parse().ok()?;
        if h > 14 || m > 59 {
            return None;
        }
        let secs = (h * 3600 + m * 60) * if sign == '-' { -1 } else { 1 };
        let offset = jiff::tz::Offset::from_seconds(secs).ok()?;
        return Some(jiff::tz::TimeZone::fixed(offset));
    }
    if name.eq_ignore_ascii_case("utc") {
        return Some(jiff::tz::TimeZone::UTC);
    }
    jiff::tz::TimeZone::get(name).ok()
}

/// Topic keys: `[a-z0-9-]+`, starting with a letter.
pub fn is_topic_key(key: &str) -> bool {
    key.starts_with(|c: char| c.is_ascii_lowercase())
        && key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// A language tag in the case BCP 47 recommends: `zh_tw` → `zh-TW`, `ZH-hant` → `zh-Hant`,
/// `pt-br` → `pt-BR`. What is not a tag comes back with only `_` turned into `-`.
pub(crate) fn canonical_language(code: &str) -> String {
    let code = code.trim().replace('_', "-");
    let mut out = String::with_capacity(code.len());
    for (i, part) in code.split('-').enumerate() {
        if i > 0 {
            out.push('-');
        }
        let alpha = part.chars().all(|c| c.is_ascii_alphabetic());
        match (i, part.len()) {
            (0, _) => out.push_str(&part.to_ascii_lowercase()),
            (_, 2) if alpha => out.push_str(&part.to_ascii_uppercase()),
            (_, 4) if alpha => {
                let lower = part.to_ascii_lowercase();
                out.push_str(&lower[..1].to_ascii_uppercase());
                out.push_str(&lower[1..]);
            }
            _ => out.push_str(&part.to_ascii_lowercase()),
        }
    }
    out
}

/// Whether `code` can name a site language: a lower-case ISO 639 code (`ar`, `fil`), optionally
/// with BCP 47 subtags for a script, a region or a variant (`zh-Hant`, `pt-BR`, `es-419`,
/// `sr-Latn-RS`), since newsrooms publish regional editions under such codes.
pub(crate) fn is_language_code(code: &str) -> bool {
    let mut parts = code.split('-');
    let primary = parts.next().unwrap_or_default();
    if !((2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_lowercase())) {
        return false;
    }
    parts.all(|p| {
        let alpha = p.chars().all(|c| c.is_ascii_alphabetic());
        let digits = p.chars().all(|c| c.is_ascii_digit());
        match p.len() {
            2 => alpha,                                            // region: BR
            3 => digits,                                           // region: 419
            4 => alpha,                                            // script: Hant
            5..=8 => p.chars().all(|c| c.is_ascii_alphanumeric()), // variant
            _ => false,
        }
    })
}
