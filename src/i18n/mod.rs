//! Stage 3: load the Fluent translations and format interface text, numbers and dates.
//!
//! [`Localizer::load`] reads the built-in `locales/LANG/*.ftl` and the site's own, lints every file
//! with fluent-syntax (errors in file coordinates), merges them message by message (the site's
//! message wins), and builds one thread-safe bundle per language. Before a file reaches
//! fluent-bundle, every plural select (`{ $n -> [one] … }`) is rewritten to select on
//! `NASHRA_PLURAL($n)`, a function that asks ICU4X for the CLDR category: fluent-bundle's own
//! rules are wrong for Arabic from 103 on. Exact number variants (`[0]`) still win first, as
//! Fluent specifies. Numbers print in the language's `digits`.
//!
//! A message missing in a language falls back to the default language, then to its key; every
//! fallback is recorded and reported once as a warning naming the key and the language.

pub mod collate;
pub mod format;
mod rewrite;
mod source;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Mutex};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;

use crate::config::{Config, Digits, Language, MonthNames};
use crate::content::dates::PubDate;
use crate::diagnostics::{Diagnostic, Diagnostics, Pos};
use crate::theme::{self, Layer};
use format::Plurals;

struct LangBundle {
    code: String,
    digits: Digits,
    month_names: MonthNames,
    hijri: bool,
    bundle: FluentBundle<FluentResource>,
    ids: BTreeSet<String>,
    /// Where each message is defined (file to show, position), the site's file when it overrides.
    origins: BTreeMap<String, (std::path::PathBuf, Pos)>,
    /// Messages that take no arguments, formatted once at load (most interface text).
    fixed: rustc_hash::FxHashMap<String, String>,
    /// How names sort in this language (topic, country and author lists).
    collation: collate::Collation,
}

/// Interface text for every configured language. Shared by all render workers (`Sync`).
pub struct Localizer {
    default: String,
    langs: Vec<LangBundle>,
    fallbacks: Mutex<BTreeSet<(String, String)>>,
    /// Messages that exist but could not be formatted: (language, id, what went wrong).
    failures: Mutex<BTreeSet<(String, String, String)>>,
}

/// An argument for a message.
#[derive(Clone, Debug)]
pub enum Arg {
    Str(String),
    Num(f64),
}

impl Localizer {
    /// Loads and lints all locale files. Returns `None` when a file has syntax errors.
    pub fn load(root: &std::path::Path, config: &Config, diags: &Diagnostics) -> Option<Localizer> {
        let mut files = theme::builtin_files(Layer::Locales);
        // files before this index are nashra's own, the rest the site's
        let builtin_count = files.len();
        files.extend(theme::site_files(
            root,
            Layer::Locales,
            config.follow_symlinks,
            diags,
        ));
        let mut ok = true;
        // language → (message id → rewritten FTL of that entry)
        let mut per_lang: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
        let mut origins: BTreeMap<String, BTreeMap<String, (std::path::PathBuf, Pos)>> =
            BTreeMap::new();
        let builtin_folders = locale_folders(&files[..builtin_count]);
        // which configured language reads a built-in folder: `pt-BR` reads `pt`, `zh-TW` reads
        // `zh-Hant` (see [`builtin_locale`])
        let mut builtin_for: Vec<(&str, &str)> = config
            .languages
            .iter()
            .filter_map(|l| builtin_locale(&l.code, &builtin_folders).map(|f| (f, l.code.as_str())))
            .collect();
        // a default language without built-in text starts from English (a site's own files
        // for it still win, message by message)
        let default_borrows = !builtin_for
            .iter()
            .any(|(_, code)| *code == config.default_language);
        if default_borrows {
            builtin_for.push(("en", config.default_language.as_str()));
        }
        for (i, f) in files.iter().enumerate() {
            let Some((folder, file)) = f.name.split_once('/') else {
                continue;
            };
            if !file.ends_with(".ftl") {
                continue;
            }
            let targets: Vec<&str> = if i < builtin_count {
                builtin_for
                    .iter()
                    .filter(|(f, _)| *f == folder)
                    .map(|&(_, code)| code)
                    .collect()
            } else if config.is_language(folder) {
                vec![folder]
            } else {
                Vec::new()
            };
            for lang in targets {
                if !load_file(f, lang, &mut per_lang, &mut origins, diags) {
                    ok = false;
                }
            }
        }
        if !ok {
            return None;
        }
        if default_borrows {
            diags.push(
                Diagnostic::warning(
                    "no-interface-text",
                    format!(
                        "nashra has no built-in interface text for `{}`: what its locales/ files do not say is shown in English",
                        config.default_language
                    ),
                )
                .in_file(format!("locales/{}", config.default_language))
                .help(format!(
                    "write locales/{}/ui.ftl, starting from a copy of nashra's locales/en/ui.ftl",
                    config.default_language
                )),
            );
        }

        // a language nashra has no text for starts from the default language's messages (and
        // their origins); its own files, if any, win message by message
        let with_text: BTreeSet<&str> = builtin_for.iter().map(|&(_, code)| code).collect();
        let default_entries = per_lang
            .get(&config.default_language)
            .cloned()
            .unwrap_or_default();
        let default_origins = origins
            .get(&config.default_language)
            .cloned()
            .unwrap_or_default();
        let mut langs = Vec::new();
        for lang in &config.languages {
            let own = per_lang.remove(&lang.code).unwrap_or_default();
            let mut own_origins = origins.remove(&lang.code).unwrap_or_default();
            let (entries, lang_origins) = if with_text.contains(lang.code.as_str()) {
                (own, own_origins)
            } else {
                let borrowed = default_entries
                    .keys()
                    .filter(|k| !k.starts_with('-') && !own.contains_key(*k))
                    .count();
                if borrowed > 0 {
                    diags.push(no_text_warning(
                        &lang.code,
                        &config.default_language,
                        own.len(),
                    ));
                }
                let mut entries = default_entries.clone();
                entries.extend(own);
                let mut o = default_origins.clone();
                o.append(&mut own_origins);
                (entries, o)
            };
            let mut bundle = build_bundle(lang, entries, diags)?;
            bundle.origins = lang_origins;
            langs.push(bundle);
        }
        Some(Localizer {
            default: config.default_language.clone(),
            langs,
            fallbacks: Mutex::new(BTreeSet::new()),
            failures: Mutex::new(BTreeSet::new()),
        })
    }
}

/// The warning for a language nashra has no interface text for: it shows the default
/// language's, for every message its own locale files (`own` messages) do not define.
fn no_text_warning(code: &str, default: &str, own: usize) -> Diagnostic {
    let message = if own == 0 {
        format!("`{code}` has no interface text of its own: pages in it show the default language's (`{default}`)")
    } else {
        format!(
            "`{code}` has its own text for {own} message{} only: the others show the default language's (`{default}`)",
            if own == 1 { "" } else { "s" }
        )
    };
    Diagnostic::warning("no-interface-text", message)
        .in_file(format!("locales/{code}"))
        .help(format!(
            "write locales/{code}/ui.ftl, starting from a copy of nashra's locales/en/ui.ftl"
        ))
}

/// The locale folders a list of locale files is in (`ar/ui.ftl` → `ar`).
fn locale_folders(files: &[theme::ThemeFile]) -> BTreeSet<&str> {
    files
        .iter()
        .filter_map(|f| f.name.split_once('/').map(|(l, _)| l))
        .collect()
}

/// Whether nashra ships interface text a language reads (its own, or its script's or base
/// language's, see [`builtin_locale`]).
pub fn has_builtin_text(code: &str) -> bool {
    let files = theme::builtin_files(Layer::Locales);
    builtin_locale(code, &locale_folders(&files)).is_some()
}

/// Messages a language may have that others do not: Syriac month names (Levantine and Iraqi
/// Arabic) and stand-alone month names (where a heading names a month differently than a date,
/// as Russian does).
pub fn is_optional_message(id: &str) -> bool {
    id.starts_with("month-syriac-") || id.starts_with("month-standalone-")
}

/// The built-in locale folder a language reads: its own (`fa`), else the one for its script
/// (`zh-TW`, `zh-HK` → `zh-Hant`; `zh`, `zh-CN` → `zh-Hans`), else its tag with the last subtag
/// dropped until one exists (`pt-BR` → `pt`, `sr-Latn-RS` → `sr-Latn` → `sr`).
fn builtin_locale<'a>(code: &str, folders: &BTreeSet<&'a str>) -> Option<&'a str> {
    let find = |c: &str| folders.iter().find(|f| f.eq_ignore_ascii_case(c)).copied();
    if let Some(f) = find(code) {
        return Some(f);
    }
    let lower = code.to_ascii_lowercase();
    if lower == "zh" || lower.starts_with("zh-") {
        let traditional = ["zh-hant", "zh-tw", "zh-hk", "zh-mo"]
            .iter()
            .any(|t| lower == *t || lower.starts_with(&format!("{t}-")));
        return find(if traditional { "zh-Hant" } else { "zh-Hans" });
    }
    let mut tag = code;
    while let Some((shorter, _)) = tag.rsplit_once('-') {
        if let Some(f) = find(shorter) {
            return Some(f);
        }
        tag = shorter;
    }
    None
}

/// Reads one locale file into `lang`'s messages; `false` when it cannot be read or parsed
/// (the error is pushed).
fn load_file(
    f: &theme::ThemeFile,
    lang: &str,
    per_lang: &mut BTreeMap<String, BTreeMap<String, String>>,
    origins: &mut BTreeMap<String, BTreeMap<String, (std::path::PathBuf, Pos)>>,
    diags: &Diagnostics,
) -> bool {
    let text = match f.read() {
        Ok(b) => match String::from_utf8(b.into_owned()) {
            Ok(t) => t,
            Err(e) => {
                diags.push(
                    Diagnostic::error("encoding", "the file is not valid UTF-8")
                        .in_file(&f.display)
                        .at(Pos::of_bad_utf8(e.as_bytes()))
                        .help("save the file as UTF-8"),
                );
                return false;
            }
        },
        Err(e) => {
            diags.push(
                Diagnostic::error("io", format!("cannot read file: {e}")).in_file(&f.display),
            );
            return false;
        }
    };
    let text = text
        .strip_prefix('\u{feff}')
        .unwrap_or(&text)
        .replace("\r\n", "\n");
    let resource = match fluent_syntax::parser::parse(text.as_str()) {
        Ok(r) => r,
        Err((_, errors)) => {
            for e in errors {
                let (at, message) = source::error_at(&text, &e);
                diags.push(
                    Diagnostic::error("fluent", message)
                        .in_file(&f.display)
                        .at(Pos::from_offset(&text, at))
                        .help("messages are `id = text`; continuation lines are indented; see https://projectfluent.org/fluent/guide/"),
                );
            }
            return false;
        }
    };
    let entries = per_lang.entry(lang.to_string()).or_default();
    let lines = source::id_lines(&text);
    for entry in resource.body {
        let id = match &entry {
            ast::Entry::Message(m) => m.id.name.to_string(),
            ast::Entry::Term(t) => format!("-{}", t.id.name),
            _ => continue,
        };
        let pos = lines
            .get(id.as_str())
            .map_or(Pos::new(1, 1), |&line| Pos::new(line, 1));
        origins
            .entry(lang.to_string())
            .or_default()
            .insert(id.clone(), (f.display.clone(), pos));
        let rewritten = rewrite::rewrite_entry(entry);
        let one = ast::Resource {
            body: vec![rewritten],
        };
        entries.insert(id, fluent_syntax::serializer::serialize(&one));
    }
    true
}

impl Localizer {
    /// Compares two names as a reader of `lang` sorts them (CLDR collation, see [`collate`]).
    pub fn compare_names(&self, lang: &str, a: &str, b: &str) -> std::cmp::Ordering {
        match self.lang(lang) {
            Some(l) => l.collation.compare(a, b),
            None => a.cmp(b),
        }
    }

    fn lang(&self, code: &str) -> Option<&LangBundle> {
        self.langs.iter().find(|l| l.code == code)
    }

    /// Whether `lang` has its own message `id` (no fallback).
    pub fn has(&self, lang: &str, id: &str) -> bool {
        self.lang(lang).is_some_and(|l| l.ids.contains(id))
    }

    /// The message `id` in `lang`, falling back to the default language, then to the key.
    pub fn format(&self, lang: &str, id: &str, args: &[(&str, Arg)]) -> String {
        if let Some(s) = self.try_format(lang, id, args) {
            return s;
        }
        self.record_fallback(lang, id);
        if lang != self.default {
            if let Some(s) = self.try_format(&self.default, id, args) {
                return s;
            }
            self.record_fallback(&self.default, id);
        }
        id.to_string()
    }

    /// The message if `lang` has it; no fallback, nothing recorded.
    pub fn try_format(&self, lang: &str, id: &str, args: &[(&str, Arg)]) -> Option<String> {
        let l = self.lang(lang)?;
        if args.is_empty() {
            if let Some(s) = l.fixed.get(id) {
                return Some(s.clone());
            }
        }
        let msg = l.bundle.get_message(id)?;
        let pattern = msg.value()?;
        let mut fargs = FluentArgs::new();
        for (k, v) in args {
            match v {
                Arg::Str(s) => fargs.set(*k, FluentValue::from(s.as_str())),
                Arg::Num(n) => fargs.set(*k, FluentValue::from(*n)),
            }
        }
        let mut errors = Vec::new();
        let s = l.bundle.format_pattern(pattern, Some(&fargs), &mut errors);
        if !errors.is_empty() {
            let what = errors
                .iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("; ");
            if let Ok(mut set) = self.failures.lock() {
                set.insert((lang.to_string(), id.to_string(), what));
            }
        }
        Some(s.into_owned())
    }

    fn record_fallback(&self, lang: &str, id: &str) {
        if let Ok(mut set) = self.fallbacks.lock() {
            set.insert((lang.to_string(), id.to_string()));
        }
    }

    /// Reports every message that had to fall back during the run.
    pub fn report_fallbacks(&self, diags: &Diagnostics) {
        let set = match self.fallbacks.lock() {
            Ok(s) => s.clone(),
            Err(p) => p.into_inner().clone(),
        };
        for (lang, id) in set {
            diags.push(
                Diagnostic::warning(
                    "missing-message",
                    format!("Fluent message `{id}` is missing in `{lang}`"),
                )
                .in_file(format!("locales/{lang}"))
                .help(format!("add `{id} = …` to a file in locales/{lang}/")),
            );
        }
        let failures = match self.failures.lock() {
            Ok(s) => s.clone(),
            Err(p) => p.into_inner().clone(),
        };
        for (lang, id, what) in failures {
            let (file, pos) = self
                .origin(&lang, &id)
                .cloned()
                .unwrap_or_else(|| (format!("locales/{lang}").into(), Pos::new(1, 1)));
            diags.push(
                Diagnostic::warning(
                    "message-error",
                    format!("Fluent message `{id}` in `{lang}` could not be formatted: {what}"),
                )
                .in_file(file)
                .at(pos)
                .help(
                    "check the variables the message uses against what the template passes to t()",
                ),
            );
        }
    }

    /// Digits setting of a language.
    pub fn digits(&self, lang: &str) -> Digits {
        self.lang(lang).map_or(Digits::Latn, |l| l.digits)
    }

    /// A number with grouping in the language's digits.
    pub fn number(&self, lang: &str, n: f64) -> String {
        format::number(n, self.digits(lang))
    }

    /// A month's name on its own, as a heading writes it ("март 2024" where a date says
    /// "5 марта"): `month-standalone-N` where the language has it (Gregorian names only).
    fn standalone_month(&self, lang: &str, month: i8) -> String {
        let gregorian = self
            .lang(lang)
            .is_none_or(|l| l.month_names == MonthNames::Gregorian);
        match self.try_format(lang, &format!("month-standalone-{month}"), &[]) {
            Some(s) if gregorian => s,
            _ => self.month_name(lang, month),
        }
    }

    /// The language's name of a Gregorian month (1–12), per `month_names`.
    fn month_name(&self, lang: &str, month: i8) -> String {
        let l = self.lang(lang);
        let greg = || self.format(lang, &format!("month-{month}"), &[]);
        let syriac = || self.try_format(lang, &format!("month-syriac-{month}"), &[]);
        match l.map_or(MonthNames::Gregorian, |l| l.month_names) {
            MonthNames::Gregorian => greg(),
            MonthNames::Syriac => syriac().unwrap_or_else(greg),
            MonthNames::Both => match syriac() {
                Some(s) => format!("{}/{s}", greg()),
                None => greg(),
            },
        }
    }

    /// `27 نوفمبر/تشرين الثاني 2025` or `27 November 2025`.
    pub fn date(&self, lang: &str, d: &PubDate) -> String {
        let z = &d.zoned;
        let digits = self.digits(lang);
        self.format(
            lang,
            "date-long",
            &[
                (
                    "day",
                    Arg::Str(format::digits(&z.day().to_string(), digits)),
                ),
                ("month", Arg::Str(self.month_name(lang, z.month()))),
                (
                    "year",
                    Arg::Str(format::digits(&z.year().to_string(), digits)),
                ),
            ],
        )
    }

    /// `نوفمبر/تشرين الثاني ٢٠٢٥` or `November 2025` (message `month-year`).
    pub fn month_year(&self, lang: &str, d: &PubDate) -> String {
        let z = &d.zoned;
        self.format(
            lang,
            "month-year",
            &[
                ("month", Arg::Str(self.standalone_month(lang, z.month()))),
                (
                    "year",
                    Arg::Str(format::digits(&z.year().to_string(), self.digits(lang))),
                ),
            ],
        )
    }

    /// `10:30` in the language's digits, or `None` for a date without time.
    pub fn time(&self, lang: &str, d: &PubDate) -> Option<String> {
        if !d.has_time {
            return None;
        }
        let digits = self.digits(lang);
        let z = &d.zoned;
        Some(self.format(
            lang,
            "time-short",
            &[
                (
                    "hour",
                    Arg::Str(format::digits(&format!("{:02}", z.hour()), digits)),
                ),
                (
                    "minute",
                    Arg::Str(format::digits(&format!("{:02}", z.minute()), digits)),
                ),
            ],
        ))
    }

    /// The Umm al-Qura date (`6 جمادى الآخرة 1447 هـ`) when the language has `hijri = true`.
    pub fn hijri(&self, lang: &str, d: &PubDate) -> Option<String> {
        let l = self.lang(lang)?;
        if !l.hijri {
            return None;
        }
        let z = &d.zoned;
        let (y, m, day) = format::hijri(z.year(), z.month(), z.day())?;
        Some(self.format(
            lang,
            "date-hijri",
            &[
                ("day", Arg::Str(format::digits(&day.to_string(), l.digits))),
                (
                    "month",
                    Arg::Str(self.format(lang, &format!("hijri-month-{m}"), &[])),
                ),
                ("year", Arg::Str(format::digits(&y.to_string(), l.digits))),
            ],
        ))
    }

    /// Message ids of a language (for checks).
    pub fn ids(&self, lang: &str) -> Option<&BTreeSet<String>> {
        self.lang(lang).map(|l| &l.ids)
    }

    /// Where a message of a language is defined.
    pub fn origin(&self, lang: &str, id: &str) -> Option<&(std::path::PathBuf, Pos)> {
        self.lang(lang).and_then(|l| l.origins.get(id))
    }

    /// The configured languages, default first.
    pub fn languages(&self) -> impl Iterator<Item = &str> {
        self.langs.iter().map(|l| l.code.as_str())
    }

    /// Whether a language shows Hijri dates / uses Syriac month names (which messages it needs).
    pub fn needs(&self, lang: &str) -> (bool, bool) {
        self.lang(lang).map_or((false, false), |l| {
            (l.hijri, l.month_names != MonthNames::Gregorian)
        })
    }
}

fn build_bundle(
    lang: &Language,
    entries: BTreeMap<String, String>,
    diags: &Diagnostics,
) -> Option<LangBundle> {
    let langid: unic_langid::LanguageIdentifier = lang.code.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![langid]);
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(match lang.digits {
        Digits::Latn => format_latn,
        Digits::Arab => format_arab,
        Digits::Arabext => format_arabext,
    }));
    let plurals = Arc::new(Plurals::new(&lang.code));
    let added = bundle.add_function("NASHRA_PLURAL", move |positional, _named| match positional
        .first()
    {
        Some(FluentValue::Number(n)) => FluentValue::from(plurals.category(n.value)),
        Some(FluentValue::String(s)) => match s.parse::<f64>() {
            Ok(n) => FluentValue::from(plurals.category(n)),
            Err(_) => FluentValue::String(s.clone()),
        },
        _ => FluentValue::from("other"),
    });
    if added.is_err() {
        return None;
    }
    let ids: BTreeSet<String> = entries
        .keys()
        .filter(|k| !k.starts_with('-'))
        .cloned()
        .collect();
    let source: String = entries.into_values().collect::<Vec<_>>().join("\n");
    let resource = match FluentResource::try_new(source) {
        Ok(r) => r,
        Err((r, errors)) => {
            for e in errors {
                diags.push(
                    Diagnostic::error(
                        "fluent",
                        format!("internal: rewritten Fluent did not parse: {}", e.kind),
                    )
                    .in_file(format!("locales/{}", lang.code)),
                );
            }
            r
        }
    };
    if let Err(errors) = bundle.add_resource(resource) {
        for e in errors {
            diags.push(
                Diagnostic::error("fluent", format!("{e}"))
                    .in_file(format!("locales/{}", lang.code)),
            );
        }
    }
    Some(LangBundle {
        code: lang.code.clone(),
        digits: lang.digits,
        month_names: lang.month_names,
        hijri: lang.hijri,
        fixed: rustc_hash::FxHashMap::default(),
        collation: collate::Collation::new(&lang.code),
        bundle,
        ids,
        origins: BTreeMap::new(),
    })
    .map(|mut l| {
        // format every message that needs no argument once, now
        let mut fixed = rustc_hash::FxHashMap::default();
        for id in &l.ids {
            let Some(pattern) = l.bundle.get_message(id).and_then(|m| m.value()) else {
                continue;
            };
            let mut errors = Vec::new();
            let s = l.bundle.format_pattern(pattern, None, &mut errors);
            if errors.is_empty() {
                fixed.insert(id.clone(), s.into_owned());
            }
        }
        l.fixed = fixed;
        l
    })
}

fn format_with(v: &FluentValue<'_>, d: Digits) -> Option<String> {
    match v {
        FluentValue::Number(n) if n.options.minimum_fraction_digits.is_none() => {
            Some(format::number(n.value, d))
        }
        _ => None,
    }
}

fn format_latn<M>(v: &FluentValue<'_>, _: &M) -> Option<String> {
    format_with(v, Digits::Latn)
}

fn format_arab<M>(v: &FluentValue<'_>, _: &M) -> Option<String> {
    format_with(v, Digits::Arab)
}

fn format_arabext<M>(v: &FluentValue<'_>, _: &M) -> Option<String> {
    format_with(v, Digits::Arabext)
}

#[cfg(test)]
mod tests {
    /// Every built-in language has every message English has (Syriac month names and the
    /// optional stand-alone month names aside), nothing English lacks, every file parses, and
    /// every plural select covers each CLDR category ICU4X gives the language, with `other` as
    /// the default.
    #[test]
    fn languages_read_the_closest_built_in_locale() {
        let folders: BTreeSet<&str> = ["ar", "en", "pt", "sr", "zh-Hans", "zh-Hant"].into();
        for (code, folder) in [
            ("ar", Some("ar")),
            ("AR", Some("ar")),
            ("pt-BR", Some("pt")),
            ("zh", Some("zh-Hans")),
            ("zh-CN", Some("zh-Hans")),
            ("zh-TW", Some("zh-Hant")),
            ("zh-HK", Some("zh-Hant")),
            ("zh-Hant-TW", Some("zh-Hant")),
            ("sr-Latn-RS", Some("sr")),
            ("sw", None),
            ("es-419", None),
        ] {
            assert_eq!(builtin_locale(code, &folders), folder, "{code}");
        }
    }

    #[test]
    fn built_in_languages_are_complete_and_cover_their_plurals() {
        let mut ids: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let mut problems: Vec<String> = Vec::new();
        for f in theme::builtin_files(Layer::Locales) {
            let Some((lang, _)) = f.name.split_once('/') else {
                continue;
            };
            let bytes = f.read().unwrap_or_else(|e| panic!("{e}"));
            let text = String::from_utf8(bytes.into_owned()).unwrap_or_else(|e| panic!("{e}"));
            let resource = match fluent_syntax::parser::parse(text.as_str()) {
                Ok(r) => r,
                Err((_, errors)) => {
                    problems.push(format!("{}: {errors:?}", f.name));
                    continue;
                }
            };
            let categories = format::Plurals::new(lang).categories();
            for entry in &resource.body {
                let ast::Entry::Message(m) = entry else {
                    continue;
                };
                ids.entry(lang.to_string())
                    .or_default()
                    .insert(m.id.name.to_string());
                let Some(pattern) = &m.value else { continue };
                for element in &pattern.elements {
                    let ast::PatternElement::Placeable {
                        expression: ast::Expression::Select { variants, .. },
                    } = element
                    else {
                        continue;
                    };
                    let keys: BTreeSet<&str> = variants
                        .iter()
                        .filter_map(|v| match &v.key {
                            ast::VariantKey::Identifier { name } => Some(*name),
                            ast::VariantKey::NumberLiteral { .. } => None,
                        })
                        .collect();
                    let default_is_other = variants.iter().any(|v| {
                        v.default && matches!(v.key, ast::VariantKey::Identifier { name: "other" })
                    });
                    if !default_is_other {
                        problems.push(format!(
                            "{lang} {}: the default variant is not [other]",
                            m.id.name
                        ));
                    }
                    for c in &categories {
                        if !keys.contains(c) {
                            problems.push(format!("{lang} {}: no [{c}] variant", m.id.name));
                        }
                    }
                }
            }
        }
        let en = ids.get("en").cloned().unwrap_or_default();
        assert!(en.len() > 300, "{}", en.len());
        assert!(ids.len() >= 13, "{:?}", ids.keys());
        for (lang, have) in &ids {
            for id in en.difference(have) {
                problems.push(format!("{lang}: `{id}` is missing"));
            }
            for id in have.difference(&en).filter(|id| !is_optional_message(id)) {
                problems.push(format!("{lang}: `{id}` is not an English message"));
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    use super::*;

    fn localizer(ftl_ar: &str) -> Localizer {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let root = dir.path();
        std::fs::create_dir_all(root.join("locales/ar")).unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(root.join("locales/ar/test.ftl"), ftl_ar).unwrap_or_else(|e| panic!("{e}"));
        let cfg = "base_url = \"https://x.org/\"\ndefault_language = \"ar\"\n[languages.ar]\ntitle = \"t\"\ndigits = \"arab\"\n[languages.en]\ntitle = \"t\"\n";
        let diags = Diagnostics::new();
        let config =
            crate::config::parse(cfg, &diags).unwrap_or_else(|| panic!("{:?}", diags.snapshot()));
        Localizer::load(root, &config, &diags).unwrap_or_else(|| panic!("{:?}", diags.snapshot()))
    }

    #[test]
    fn exact_numbers_beat_categories_and_digits_follow_settings() {
        let l =
            localizer("n = { $n ->\n    [0] لا شيء\n    [one] واحد\n   *[other] { $n } أخرى\n}\n");
        assert_eq!(l.format("ar", "n", &[("n", Arg::Num(0.0))]), "لا شيء");
        assert_eq!(l.format("ar", "n", &[("n", Arg::Num(1.0))]), "واحد");
        assert_eq!(
            l.format("ar", "n", &[("n", Arg::Num(1200.0))]),
            "١٬٢٠٠ أخرى"
        );
    }
}
