//! Stage 1: load and validate `site.toml`.
//!
//! The file is read into [`RawConfig`] ("as written", unknown keys rejected by serde) and then
//! converted once into [`Config`], whose values are checked and resolved (a parsed time zone, a
//! normalised base URL, the language list with the default language first). Every problem points
//! at its line in `site.toml`; all problems of the file are reported together.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::diagnostics::{did_you_mean, Diagnostic, Diagnostics, Pos};

pub mod images;
pub mod publisher;
pub mod text;
mod values;
pub(crate) use values::{canonical_language, is_language_code};

pub use images::{Format as ImageFormat, Images};
pub use publisher::Publisher;
pub use values::is_topic_key;
use values::{normalise_base_url, parse_timezone};

/// The name of the configuration file at the site root.
pub const CONFIG_FILE: &str = "site.toml";

/// The files a site may provide itself (`own_files` in site.toml, the file in `static/`): three
/// that nashra generates, and the static host's header rules (`_headers`, read by Netlify and
/// Cloudflare Pages), which nashra reserves. A file of the site at one of these paths is an error
/// unless site.toml lists it, so a contributor's branch cannot replace them unnoticed; every
/// other generated file is made by nashra alone.
pub const OWN_FILES: [&str; 4] = ["robots.txt", "404.html", "_redirects", "_headers"];

/// Whether a folder named in site.toml (`output_dir`, `cache_dir`) stays inside the site folder
/// as written: relative, without `..`; the reason otherwise.
pub fn inside_site(path: &str) -> Result<(), String> {
    let p = site_folder(path);
    if p.starts_with('/') || p.starts_with('\\') || p.get(1..2) == Some(":") {
        return Err(format!("`{path}` is an absolute path"));
    }
    crate::safety::check_rel(p).map_err(|why| format!("`{path}`: {why}"))
}

/// A folder named in site.toml as it is used: trimmed, without `./` in front or `/` at the end.
pub fn site_folder(path: &str) -> &str {
    let p = path.trim();
    let p = p.strip_prefix("./").unwrap_or(p);
    p.trim_end_matches('/')
}

/// Languages written right-to-left (by primary language subtag).
const RTL_LANGUAGES: &[&str] = &[
    "ar", "arc", "ckb", "dv", "fa", "he", "ks", "ku", "ps", "sd", "syr", "ug", "ur", "yi",
];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    base_url: Spanned<String>,
    default_language: Spanned<String>,
    #[serde(default)]
    timezone: Option<Spanned<String>>,
    #[serde(default)]
    paginate_by: Option<Spanned<i64>>,
    #[serde(default)]
    feed_entries: Option<Spanned<i64>>,
    #[serde(default)]
    output_dir: Option<Spanned<String>>,
    #[serde(default)]
    topics: Vec<Spanned<String>>,
    #[serde(default)]
    follow_symlinks: Option<bool>,
    #[serde(default)]
    search: Option<bool>,
    #[serde(default)]
    fonts: Option<bool>,
    #[serde(default)]
    render_timeout: Option<Spanned<i64>>,
    #[serde(default)]
    undated: Option<Spanned<String>>,
    term_feeds: Option<Spanned<String>>,
    #[serde(default)]
    websub_hub: Option<Spanned<String>>,
    #[serde(default)]
    urls: Option<Spanned<String>>,
    #[serde(default)]
    preserve: Vec<Spanned<String>>,
    #[serde(default)]
    own_files: Vec<Spanned<String>>,
    #[serde(default)]
    publisher: Option<publisher::RawPublisher>,
    #[serde(default)]
    images: Option<images::RawImages>,
    languages: Spanned<BTreeMap<String, Spanned<RawLanguage>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLanguage {
    title: Spanned<String>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    direction: Option<Spanned<String>>,
    #[serde(default)]
    digits: Option<Spanned<String>>,
    #[serde(default)]
    month_names: Option<Spanned<String>>,
    #[serde(default)]
    hijri: Option<bool>,
}

/// Text direction of a language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Ltr,
    Rtl,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }

    /// The direction a language is written in, from its primary subtag.
    pub fn of_language(code: &str) -> Direction {
        let primary = code.split(['-', '_']).next().unwrap_or(code);
        if RTL_LANGUAGES.contains(&primary.to_ascii_lowercase().as_str()) {
            Direction::Rtl
        } else {
            Direction::Ltr
        }
    }
}

/// Which digits numbers are written with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Digits {
    /// 0123456789
    Latn,
    /// ٠١٢٣٤٥٦٧٨٩ (Arabic-Indic)
    Arab,
    /// ۰۱۲۳۴۵۶۷۸۹ (Extended Arabic-Indic: Persian, Urdu)
    Arabext,
}

/// How Gregorian month names are written in Arabic.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MonthNames {
    /// نوفمبر
    Gregorian,
    /// تشرين الثاني
    Syriac,
    /// نوفمبر/تشرين الثاني
    Both,
}

/// One configured language.
#[derive(Clone, Debug)]
pub struct Language {
    pub code: String,
    pub title: String,
    pub description: String,
    pub direction: Direction,
    pub digits: Digits,
    pub month_names: MonthNames,
    pub hijri: bool,
}

/// The validated configuration of a site.
#[derive(Clone, Debug)]
pub struct Config {
    /// Absolute URL ending in `/`.
    pub base_url: String,
    /// The path part of `base_url` (`/` or `/news/`), prefixed to every internal link.
    pub base_path: String,
    pub default_language: String,
    /// The default language first, then the others in alphabetical order.
    pub languages: Vec<Language>,
    pub timezone: jiff::tz::TimeZone,
    pub timezone_name: String,
    pub paginate_by: usize,
    pub feed_entries: usize,
    /// As written in site.toml (relative to the site root) or `public`.
    pub output_dir: PathBuf,
    /// Follow symbolic links in the source folders that stay inside the site (default: refuse).
    pub follow_symlinks: bool,
    /// Write the search page and index of each language (`search = false` turns it off).
    pub search: bool,
    /// Ship and use the theme's webfonts (`fonts = false`: system fonts only, no font files).
    pub fonts: bool,
    /// How long one page may take to render before the build stops it (`render_timeout`,
    /// seconds, default 30): a template that never finishes is an error, not a hung build.
    pub render_timeout: std::time::Duration,
    /// `undated = "page"`: a file outside `content/pages/` without a `date` is a standalone
    /// page, not an error (sites whose documentation pages live among the articles).
    pub undated_pages: bool,
    /// `term_feeds = "full"`: topic, country, tag and author feeds carry whole articles; by
    /// default they carry summaries (the language's own feed always carries whole articles).
    pub term_feeds_full: bool,
    /// `websub_hub`: the WebSub hub every feed names (`<link rel="hub">` in Atom, `hubs` in JSON
    /// Feed), so readers subscribed through it hear of a new story as soon as the deploy step
    /// pings the hub (nashra itself never calls the network).
    pub websub_hub: Option<String>,
    /// `urls = "path"`: articles at `/LANG/FOLDERS/SLUG/` (their folders under `content/`)
    /// instead of `/LANG/YYYY/MM/SLUG/`, for sites whose addresses follow folders.
    pub path_urls: bool,
    /// Paths in the output folder that a rebuild keeps although nashra did not write them.
    pub preserve: Vec<String>,
    /// Generated files the site provides itself in `static/` (`own_files`, from [`OWN_FILES`]):
    /// nashra does not generate them.
    pub own_files: Vec<String>,
    pub topics: Vec<String>,
    /// Where each topic is declared in site.toml (parallel to `topics`).
    pub topic_positions: Vec<Pos>,
    /// `[publisher]`: names, logo, default card image.
    pub publisher: Publisher,
    /// `[images]`: derivative widths, formats, quality, cache folder.
    pub images: Images,
}

impl Config {
    pub fn language(&self, code: &str) -> Option<&Language> {
        self.languages.iter().find(|l| l.code == code)
    }

    pub fn is_language(&self, code: &str) -> bool {
        self.language(code).is_some()
    }

    pub fn language_codes(&self) -> impl Iterator<Item = &str> {
        self.languages.iter().map(|l| l.code.as_str())
    }

    /// Replaces the base URL (`--base-url`).
    pub fn set_base_url(&mut self, url: &str) -> Result<(), String> {
        let (base_url, base_path) = normalise_base_url(url)?;
        self.base_url = base_url;
        self.base_path = base_path;
        Ok(())
    }
}

/// Reads `site.toml` under `root`. On failure every problem found is in `diags`.
pub fn load(root: &Path, diags: &Diagnostics) -> Option<Config> {
    let path = root.join(CONFIG_FILE);
    let text = match std::fs::read(&path).map(String::from_utf8) {
        Ok(Ok(t)) => t,
        Ok(Err(e)) => {
            diags.push(
                Diagnostic::error("encoding", format!("{CONFIG_FILE} is not valid UTF-8"))
                    .in_file(CONFIG_FILE)
                    .at(Pos::of_bad_utf8(e.as_bytes()))
                    .help("save the file as UTF-8"),
            );
            return None;
        }
        Err(e) => {
            let d = if e.kind() == std::io::ErrorKind::NotFound {
                Diagnostic::error("config", format!("no {CONFIG_FILE} in {}", root.display()))
                    .help("run nashra in a site folder, pass --root DIR, or make a new site with `nashra init DIR`")
            } else {
                Diagnostic::error("io", format!("cannot read {CONFIG_FILE}: {e}"))
                    .in_file(CONFIG_FILE)
            };
            diags.push(d);
            return None;
        }
    };
    parse(&text, diags)
}

/// Parses and validates the text of a `site.toml`.
pub fn parse(text: &str, diags: &Diagnostics) -> Option<Config> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let at = |span: std::ops::Range<usize>| Pos::from_offset(text, span.start);
    let raw: RawConfig = match toml::from_str(text) {
        Ok(r) => r,
        Err(e) => {
            let mut message = e.message().trim().to_string();
            let mut help = None;
            if let Some(rest) = message.strip_prefix("unknown field `") {
                if let Some((field, _)) = rest.split_once('`') {
                    let known = [
                        "base_url",
                        "default_language",
                        "timezone",
                        "paginate_by",
                        "feed_entries",
                        "output_dir",
                        "topics",
                        "follow_symlinks",
                        "search",
                        "fonts",
                        "render_timeout",
                        "undated",
                        "term_feeds",
                        "websub_hub",
                        "urls",
                        "preserve",
                        "own_files",
                        "publisher",
                        "images",
                        "widths",
                        "formats",
                        "quality",
                        "cache_dir",
                        "process",
                        "max_megapixels",
                        "languages",
                        "name",
                        "logo",
                        "image",
                        "twitter",
                        "title",
                        "description",
                        "direction",
                        "digits",
                        "month_names",
                        "hijri",
                    ];
                    help = did_you_mean(field, known).map(|k| format!("did you mean `{k}`?"));
                    message = format!("unknown key `{field}` in {CONFIG_FILE}");
                }
            }
            let mut d = Diagnostic::error("config", message)
                .in_file(CONFIG_FILE)
                .at_opt(e.span().map(at));
            if let Some(h) = help {
                d = d.help(h);
            }
            diags.push(d);
            return None;
        }
    };

    let err = |span: std::ops::Range<usize>, msg: String, help: &str| {
        let d = Diagnostic::error("config", msg)
            .in_file(CONFIG_FILE)
            .at(at(span));
        diags.push(if help.is_empty() {
            d
        } else {
            d.help(help.to_string())
        });
    };
    let mut ok = true;

    let (base_url, base_path) = match normalise_base_url(raw.base_url.get_ref()) {
        Ok(v) => v,
        Err(msg) => {
            err(
                raw.base_url.span(),
                msg,
                "write it like \"https://example.org/\"",
            );
            ok = false;
            (String::new(), String::from("/"))
        }
    };

    let (timezone, timezone_name) = match &raw.timezone {
        None => (jiff::tz::TimeZone::UTC, "UTC".to_string()),
        Some(tz) => match parse_timezone(tz.get_ref()) {
            Some(z) => (z, tz.get_ref().clone()),
            None => {
                err(
                    tz.span(),
                    format!("unknown time zone `{}`", tz.get_ref()),
                    "use an IANA name such as \"Asia/Riyadh\" or a fixed offset such as \"+03:00\"",
                );
                ok = false;
                (jiff::tz::TimeZone::UTC, String::new())
            }
        },
    };

    let mut positive = |v: &Option<Spanned<i64>>, name: &str, default: usize| -> usize {
        match v {
            None => default,
            Some(n) if *n.get_ref() >= 1 && *n.get_ref() <= 10_000 => *n.get_ref() as usize,
            Some(n) => {
                err(
                    n.span(),
                    format!("`{name}` must be between 1 and 10000, not {}", n.get_ref()),
                    "",
                );
                ok = false;
                default
            }
        }
    };
    let paginate_by = positive(&raw.paginate_by, "paginate_by", 20);
    let feed_entries = positive(&raw.feed_entries, "feed_entries", 20);
    let render_timeout =
        std::time::Duration::from_secs(positive(&raw.render_timeout, "render_timeout", 30) as u64);
    // a setting with two values, the first the default: whether the second is chosen
    let mut switch =
        |v: &Option<Spanned<String>>, name: &str, (off, on): (&str, &str), help: &str| {
            let Some(v) = v else { return false };
            match v.get_ref().as_str() {
                s if s == off => false,
                s if s == on => true,
                other => {
                    err(
                        v.span(),
                        format!("`{name}` is \"{off}\" or \"{on}\", not \"{other}\""),
                        help,
                    );
                    ok = false;
                    false
                }
            }
        };
    let path_urls = switch(
        &raw.urls,
        "urls",
        ("date", "path"),
        "\"date\" (the default) puts articles at /LANG/YYYY/MM/SLUG/; \"path\" at /LANG/FOLDERS/SLUG/, following content/",
    );
    let undated_pages = switch(
        &raw.undated,
        "undated",
        ("error", "page"),
        "\"page\" makes a file without a date a standalone page; \"error\" (the default) asks for a date",
    );
    let term_feeds_full = switch(
        &raw.term_feeds,
        "term_feeds",
        ("summary", "full"),
        "\"summary\" (the default): topic, country, tag and author feeds carry each article's summary and link; \"full\": whole articles, as the language's feed does",
    );

    let websub_hub = match &raw.websub_hub {
        None => None,
        Some(h) => match values::hub_url(h.get_ref()) {
            Ok(url) => Some(url),
            Err(msg) => {
                err(
                    h.span(),
                    msg,
                    "write the hub's address, like \"https://pubsubhubbub.appspot.com/\", or leave `websub_hub` out",
                );
                ok = false;
                None
            }
        },
    };

    let output_dir = match &raw.output_dir {
        None => PathBuf::from("public"),
        Some(o) if o.get_ref().trim().is_empty() => {
            err(
                o.span(),
                "`output_dir` is empty".into(),
                "leave it out to use \"public\"",
            );
            ok = false;
            PathBuf::from("public")
        }
        Some(o) => match inside_site(o.get_ref()) {
            Ok(()) => PathBuf::from(site_folder(o.get_ref())),
            Err(why) => {
                err(
                    o.span(),
                    format!("`output_dir` must be a folder inside the site folder: {why}"),
                    "site.toml can come from anyone's branch, and a build replaces its output folder; to build elsewhere, pass --output on the command line",
                );
                ok = false;
                PathBuf::from("public")
            }
        },
    };
    let mut preserve = Vec::new();
    for p in &raw.preserve {
        let v = p.get_ref().trim().trim_end_matches('/');
        match crate::safety::check_rel(v) {
            Ok(()) if v != crate::output::MARKER => preserve.push(v.to_string()),
            Ok(()) => {
                err(
                    p.span(),
                    "`preserve` cannot name nashra's own `.nashra` file".into(),
                    "",
                );
                ok = false;
            }
            Err(why) => {
                err(
                    p.span(),
                    format!("`preserve` entry `{v}` is not a path inside the output: {why}"),
                    "write paths relative to the output folder, e.g. \"CNAME\" or \"downloads\"",
                );
                ok = false;
            }
        }
    }
    let mut own_files = Vec::new();
    for f in &raw.own_files {
        let v = f.get_ref().trim().trim_start_matches('/');
        if OWN_FILES.contains(&v) {
            if !own_files.iter().any(|o| o == v) {
                own_files.push(v.to_string());
            }
        } else {
            err(
                f.span(),
                format!("`own_files` cannot name `{v}`"),
                &format!(
                    "a site can provide these generated files itself, in static/: {}",
                    OWN_FILES.join(", ")
                ),
            );
            ok = false;
        }
    }

    let mut topics: Vec<String> = Vec::new();
    let mut topic_positions = Vec::new();
    for t in &raw.topics {
        let key = t.get_ref();
        if !is_topic_key(key) {
            err(
                t.span(),
                format!("invalid topic key `{key}`"),
                "topic keys are lower-case Latin letters, digits and `-`, like \"security\"; their names go in the locales as `topic-KEY`",
            );
            ok = false;
        } else if topics.contains(key) {
            err(t.span(), format!("topic `{key}` is declared twice"), "");
            ok = false;
        } else {
            topics.push(key.clone());
            topic_positions.push(at(t.span()));
        }
    }

    let mut languages = Vec::new();
    for (code, lang) in raw.languages.get_ref() {
        let span = lang.span();
        let lang = lang.get_ref();
        if !is_language_code(code) {
            err(
                span.clone(),
                format!("invalid language code `{code}`"),
                "use a lower-case ISO 639 code such as `ar` or `en`, with a region or script if needed (`pt-BR`, `zh-Hant`)",
            );
            ok = false;
            continue;
        }
        let direction = match &lang.direction {
            None => Direction::of_language(code),
            Some(d) => match d.get_ref().as_str() {
                "rtl" => Direction::Rtl,
                "ltr" => Direction::Ltr,
                other => {
                    err(
                        d.span(),
                        format!("invalid direction `{other}`"),
                        "use \"rtl\" or \"ltr\"",
                    );
                    ok = false;
                    Direction::Ltr
                }
            },
        };
        let digits = match &lang.digits {
            None => Digits::Latn,
            Some(d) => match d.get_ref().as_str() {
                "latn" => Digits::Latn,
                "arab" => Digits::Arab,
                "arabext" => Digits::Arabext,
                other => {
                    err(
                        d.span(),
                        format!("invalid digits `{other}`"),
                        "use \"latn\" (0123456789), \"arab\" (٠١٢٣٤٥٦٧٨٩) or \"arabext\" (۰۱۲۳۴۵۶۷۸۹, Persian and Urdu)",
                    );
                    ok = false;
                    Digits::Latn
                }
            },
        };
        let month_names = match &lang.month_names {
            None => MonthNames::Gregorian,
            Some(m) => match m.get_ref().as_str() {
                "gregorian" => MonthNames::Gregorian,
                "syriac" => MonthNames::Syriac,
                "both" => MonthNames::Both,
                other => {
                    err(
                        m.span(),
                        format!("invalid month_names `{other}`"),
                        "use \"gregorian\", \"syriac\" or \"both\"",
                    );
                    ok = false;
                    MonthNames::Gregorian
                }
            },
        };
        if lang.title.get_ref().trim().is_empty() {
            err(
                lang.title.span(),
                format!("the title of language `{code}` is empty"),
                "",
            );
            ok = false;
        }
        languages.push(Language {
            code: code.clone(),
            title: lang.title.get_ref().clone(),
            description: lang.description.clone().unwrap_or_default(),
            direction,
            digits,
            month_names,
            hijri: lang.hijri.unwrap_or(false),
        });
    }
    if raw.languages.get_ref().is_empty() {
        err(
            raw.languages.span(),
            "no languages are configured".into(),
            "add a [languages.ar] and/or [languages.en] table",
        );
        ok = false;
    }

    let default_language = raw.default_language.get_ref().clone();
    if let Some(i) = languages.iter().position(|l| l.code == default_language) {
        let d = languages.remove(i);
        languages.insert(0, d);
    } else if !raw.languages.get_ref().is_empty() {
        let known: Vec<&str> = raw.languages.get_ref().keys().map(String::as_str).collect();
        err(
            raw.default_language.span(),
            format!(
                "default_language `{default_language}` has no [languages.{default_language}] table"
            ),
            &format!("configured languages: {}", known.join(", ")),
        );
        ok = false;
    }

    let publisher = publisher::resolve(raw.publisher, &languages, &mut |span, msg, help| {
        err(span, msg, help);
        ok = false;
    });

    let images = images::resolve(raw.images, &mut |span, msg, help| {
        err(span, msg, help);
        ok = false;
    });

    if !ok {
        return None;
    }
    Some(Config {
        publisher,
        images,
        base_url,
        base_path,
        default_language,
        languages,
        timezone,
        timezone_name,
        paginate_by,
        feed_entries,
        output_dir,
        topics,
        topic_positions,
        follow_symlinks: raw.follow_symlinks.unwrap_or(false),
        search: raw.search.unwrap_or(true),
        fonts: raw.fonts.unwrap_or(true),
        render_timeout,
        undated_pages,
        term_feeds_full,
        websub_hub,
        path_urls,
        preserve,
        own_files,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
base_url = "https://example.org/news"
default_language = "ar"
timezone = "Asia/Riyadh"
topics = ["security", "economy"]

[languages.en]
title = "Nashra"

[languages.ar]
title = "نشرة"
digits = "arab"
month_names = "both"
hijri = true
"#;

    #[test]
    fn resolves_a_good_config() {
        let diags = Diagnostics::new();
        let c = parse(GOOD, &diags).expect("config");
        assert_eq!(c.base_url, "https://example.org/news/");
        assert_eq!(c.base_path, "/news/");
        assert_eq!(c.language_codes().collect::<Vec<_>>(), ["ar", "en"]);
        assert_eq!(c.languages[0].direction, Direction::Rtl);
        assert_eq!(c.languages[1].direction, Direction::Ltr);
        assert_eq!(c.languages[0].digits, Digits::Arab);
        assert_eq!(c.paginate_by, 20);
    }

    #[test]
    fn bad_values_point_at_their_line() {
        let diags = Diagnostics::new();
        let text = GOOD
            .replace("Asia/Riyadh", "Asia/Riyad")
            .replace("\"arab\"", "\"arabic\"");
        assert!(parse(&text, &diags).is_none());
        let all = diags.snapshot();
        assert_eq!(all.len(), 2, "{all:?}");
        assert_eq!(all[0].message, "unknown time zone `Asia/Riyad`");
        assert_eq!(all[0].pos, Some(Pos::new(4, 12)));
        assert_eq!(all[1].message, "invalid digits `arabic`");
        assert_eq!(all[1].pos, Some(Pos::new(12, 10)));
    }

    #[test]
    fn fixed_offsets() {
        assert!(parse_timezone("+03:00").is_some());
        assert!(parse_timezone("-05:30").is_some());
        assert!(parse_timezone("+25:00").is_none());
    }
}
