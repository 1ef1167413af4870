//! `alerts.toml`: breaking-news banners (optional), one `[[alert]]` table each.
//!
//! ```toml
//! [[alert]]
//! lang = "ar"
//! text = "عاجل: انفجار في ميناء بيروت"
//! link = "/ar/2025/11/beirut-port/"     # optional: a page of the site or an http(s) address
//! start = "2025-11-27 10:00"            # optional: shown from the first build after it
//! expires = "2025-11-27 22:00"          # required: gone from the first build after it
//! ```
//!
//! An alert is shown while the build time is within `[start, expires)`: as a banner on its
//! language's front page, and in `/LANG/alert.json`, which the theme's small script reads on
//! every other page (so publishing or removing an alert rewrites the front page and one small
//! file per language, not every page). Its start and expiry bound the span the build cache
//! keeps an output for, and the earliest one still ahead is the "next rebuild at".

use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use crate::config::Config;
use crate::content::dates::PubDate;
use crate::diagnostics::{Diagnostic, Diagnostics, Pos};

pub const ALERTS_FILE: &str = "alerts.toml";

/// The longest banner text, in characters: a banner is one line of news, not an article.
pub const MAX_TEXT: usize = 300;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    alert: Vec<Spanned<RawAlert>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAlert {
    lang: Spanned<String>,
    text: Spanned<String>,
    #[serde(default)]
    link: Option<Spanned<String>>,
    #[serde(default)]
    start: Option<Spanned<When>>,
    #[serde(default)]
    expires: Option<Spanned<When>>,
}

/// A time as site.toml's users write it: a string in the front matter's forms, or a TOML date.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum When {
    Text(String),
    Date(toml::value::Datetime),
}

impl When {
    fn text(&self) -> String {
        match self {
            When::Text(t) => t.clone(),
            When::Date(d) => d.to_string(),
        }
    }
}

/// One alert of `alerts.toml`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Alert {
    pub lang: String,
    pub text: String,
    /// The link as written: a site path (`/ar/…`) or an absolute http(s) address.
    pub link: Option<String>,
    pub start: Option<PubDate>,
    pub expires: PubDate,
}

impl Alert {
    /// Whether the alert shows at `now`.
    pub fn shows_at(&self, now: jiff::Timestamp) -> bool {
        self.start.as_ref().is_none_or(|s| s.timestamp() <= now) && now < self.expires.timestamp()
    }

    /// The times at which the alert appears or goes.
    pub fn times(&self) -> impl Iterator<Item = jiff::Timestamp> + '_ {
        self.start
            .iter()
            .map(PubDate::timestamp)
            .chain(std::iter::once(self.expires.timestamp()))
    }
}

/// The earliest start or expiry of `alerts` after `now`: the site must be built again then.
pub fn next_change(alerts: &[Alert], now: jiff::Timestamp) -> Option<jiff::Timestamp> {
    alerts
        .iter()
        .flat_map(Alert::times)
        .filter(|&t| t > now)
        .min()
}

/// Reads `alerts.toml` if there is one (not through a link: a contributor's branch could make it
/// one). Problems, with their line, go to `diags`.
pub fn load(root: &Path, config: &Config, diags: &Diagnostics) -> Vec<Alert> {
    use std::io::Read;
    let path = root.join(ALERTS_FILE);
    // opened without following a link (`O_NOFOLLOW`), so nothing can swap one in between a
    // check and the read
    let opened = crate::output::no_follow(std::fs::OpenOptions::new().read(true)).open(&path);
    let is_link = || std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
    let bytes = match opened {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !is_link() => return Vec::new(),
        Err(_) if is_link() => {
            let target = std::fs::read_link(&path).unwrap_or_default();
            diags.push(
                Diagnostic::error(
                    "alerts",
                    format!(
                        "{ALERTS_FILE} is a symbolic link (to {}), which nashra does not follow",
                        target.display()
                    ),
                )
                .in_file(ALERTS_FILE)
                .help("make it a file in the site folder"),
            );
            return Vec::new();
        }
        Err(e) => Err(e),
        Ok(mut f) => {
            let mut b = Vec::new();
            f.read_to_end(&mut b).map(|_| b)
        }
    };
    let text = match bytes.map(String::from_utf8) {
        Ok(Ok(t)) => t,
        Ok(Err(e)) => {
            diags.push(
                Diagnostic::error("encoding", format!("{ALERTS_FILE} is not valid UTF-8"))
                    .in_file(ALERTS_FILE)
                    .at(Pos::of_bad_utf8(e.as_bytes()))
                    .help("save the file as UTF-8"),
            );
            return Vec::new();
        }
        Err(e) => {
            diags.push(
                Diagnostic::error("io", format!("cannot read {ALERTS_FILE}: {e}"))
                    .in_file(ALERTS_FILE),
            );
            return Vec::new();
        }
    };
    parse(&text, config, diags)
}

/// Parses the text of an `alerts.toml`.
pub fn parse(text: &str, config: &Config, diags: &Diagnostics) -> Vec<Alert> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let at = |span: std::ops::Range<usize>| Pos::from_offset(text, span.start);
    let raw: RawFile = match toml::from_str(text) {
        Ok(r) => r,
        Err(e) => {
            diags.push(
                Diagnostic::error("alerts", format!("invalid {ALERTS_FILE}: {}", e.message().trim()))
                    .in_file(ALERTS_FILE)
                    .at_opt(e.span().map(at))
                    .help("each alert is a table: [[alert]] then lang, text, expires, and link and start if wanted"),
            );
            return Vec::new();
        }
    };
    let err = |span: std::ops::Range<usize>, msg: String, help: &str| {
        diags.push(
            Diagnostic::error("alerts", msg)
                .in_file(ALERTS_FILE)
                .at(at(span))
                .help(help.to_string()),
        );
    };
    let time = |w: &Spanned<When>, key: &str| -> Option<PubDate> {
        match crate::content::dates::parse(&w.get_ref().text(), &config.timezone) {
            Ok(d) => Some(d),
            Err((msg, help)) => {
                err(w.span(), format!("alert `{key}`: {msg}"), help);
                None
            }
        }
    };
    let mut out = Vec::new();
    for a in raw.alert {
        let span = a.span();
        let a = a.into_inner();
        let lang = a.lang.get_ref().trim();
        if config.language(lang).is_none() {
            err(
                a.lang.span(),
                format!("alert for `{lang}`, which is not a configured language"),
                "use a language code of site.toml",
            );
            continue;
        }
        let words = a
            .text
            .get_ref()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if words.is_empty() {
            err(
                a.text.span(),
                "alert text is empty".into(),
                "write the line the banner shows",
            );
            continue;
        }
        if words.chars().count() > MAX_TEXT {
            err(
                a.text.span(),
                format!(
                    "alert text has {} characters; a banner has at most {MAX_TEXT}",
                    words.chars().count()
                ),
                "shorten it, and link the story for the rest",
            );
            continue;
        }
        let link = match &a.link {
            None => None,
            Some(l) => {
                let v = l.get_ref().trim();
                let site_path = v.starts_with('/') && !v.starts_with("//");
                let web = v.starts_with("https://") || v.starts_with("http://");
                if !(site_path || web)
                    || v.chars().any(|c| c.is_whitespace() || c.is_control())
                    || v.contains(['"', '<', '>', '\\'])
                {
                    err(
                        l.span(),
                        format!("alert link `{v}` is neither a page of the site nor an http(s) address"),
                        "write a path like \"/ar/2025/11/story/\" or an address like \"https://example.org/story\"",
                    );
                    continue;
                }
                Some(v.to_string())
            }
        };
        let start = match &a.start {
            Some(s) => match time(s, "start") {
                Some(d) => Some(d),
                None => continue,
            },
            None => None,
        };
        let Some(expires_at) = &a.expires else {
            err(
                span,
                "alert has no `expires`".into(),
                "add expires = \"YYYY-MM-DD HH:MM\": an alert without one would stay on every page",
            );
            continue;
        };
        let Some(expires) = time(expires_at, "expires") else {
            continue;
        };
        if start
            .as_ref()
            .is_some_and(|s| s.timestamp() >= expires.timestamp())
        {
            err(
                expires_at.span(),
                "alert expires before it starts".into(),
                "`expires` is after `start`",
            );
            continue;
        }
        out.push(Alert {
            lang: lang.to_string(),
            text: words,
            link,
            start,
            expires,
        });
    }
    out
}
