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

pub(crate) fn is_language_code(code: &str) -> bool {
    (2..=3).contains(&code.len()) && code.chars().all(|c| c.is_ascii_lowercase())
}
