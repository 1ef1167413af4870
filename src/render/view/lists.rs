//! Lists of articles: front, topic and country pages, months, the archive, term indexes.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::content::dates::PubDate;
use crate::i18n::{Arg, Localizer};
use crate::model::{paths, DocId, Scope, Site};

use super::*;
use crate::render::Job;

/// The templates that receive a list's `days`: while they are all the built-in ones, a list
/// passes each card but its lead as `{html}` alone ([`ListCards::html_only`]).
pub const LIST_TEMPLATES: [&str; 4] = ["list.html", "month.html", "days.html", "pagination.html"];

/// How a list gets its cards: the renderer's `make` renders a card's `html` (`card.html`) if it
/// is not made yet; with `html_only`, the cards but the lead are passed as `{html}` alone, a
/// value made once per card instead of a map of all its fields on every list (the built-in
/// templates read nothing else of them).
pub struct ListCards<'a> {
    pub make: &'a (dyn Fn(DocId) + Sync),
    pub html_only: bool,
}

/// Groups articles (newest first) under one heading per calendar day in the site's time zone:
/// a list of `{heading, articles}`. Each card's `html` is made first (`make_card`).
fn days(
    site: &Site,
    l10n: &Localizer,
    prep: &Prepared,
    cards: &ListCards<'_>,
    lang: &str,
    ids: &[DocId],
) -> tera::Value {
    for &id in ids {
        (cards.make)(id);
    }
    let mut lead = true;
    let mut out: Vec<tera::Value> = Vec::new();
    let mut i = 0;
    while i < ids.len() {
        let Some(d) = &site.documents[ids[i]].date else {
            i += 1;
            continue;
        };
        let day = d.zoned.date();
        let mut j = i + 1;
        while j < ids.len()
            && site.documents[ids[j]]
                .date
                .as_ref()
                .is_some_and(|e| e.zoned.date() == day)
        {
            j += 1;
        }
        let heading = prep
            .day_heading(lang, day)
            .unwrap_or_else(|| day_heading(l10n, lang, d));
        let mut map: BTreeMap<&'static str, tera::Value> = BTreeMap::new();
        map.insert("heading", heading);
        map.insert(
            "articles",
            prep.list_values(&ids[i..j], lead, cards.html_only),
        );
        lead = false;
        out.push(tera::Value::from(map));
        i = j;
    }
    tera::Value::from(out)
}

/// A list's heading for the day of `d`: `{iso, text, hijri}` (text like `الخميس ٢٧ نوفمبر ٢٠٢٥`).
pub(crate) fn day_heading(l10n: &Localizer, lang: &str, d: &PubDate) -> tera::Value {
    let midnight = PubDate {
        zoned: d.zoned.clone(),
        has_time: false,
    };
    let weekday = l10n.format(
        lang,
        &format!("weekday-{}", d.zoned.weekday().to_monday_one_offset()),
        &[],
    );
    let text = l10n.format(
        lang,
        "date-heading",
        &[
            ("weekday", Arg::Str(weekday)),
            ("date", Arg::Str(l10n.date(lang, &midnight))),
        ],
    );
    tera::Value::from_serializable(&DateView {
        iso: d.zoned.date().to_string(),
        text,
        time: None,
        hijri: l10n.hijri(lang, &midnight),
        zone: None,
    })
}

#[derive(Serialize)]
struct PageLink {
    /// `None` for a gap (…).
    number: Option<usize>,
    label: String,
    url: String,
    current: bool,
}

#[derive(Serialize)]
struct Pagination {
    current: usize,
    total: usize,
    prev: Option<String>,
    next: Option<String>,
    pages: Vec<PageLink>,
}

fn pagination(
    site: &Site,
    l10n: &Localizer,
    lang: &str,
    first: &str,
    current: usize,
    total: usize,
) -> Pagination {
    let cfg = &site.config;
    let url = |n: usize| link(cfg, &paths::page(first, n));
    let mut pages = Vec::new();
    let mut last_shown = 0;
    for n in 1..=total {
        let near = n.abs_diff(current) <= 2;
        if n == 1 || n == total || near {
            if last_shown != 0 && n > last_shown + 1 {
                pages.push(PageLink {
                    number: None,
                    label: "…".into(),
                    url: String::new(),
                    current: false,
                });
            }
            pages.push(PageLink {
                number: Some(n),
                label: l10n.number(lang, n as f64),
                url: url(n),
                current: n == current,
            });
            last_shown = n;
        }
    }
    Pagination {
        current,
        total,
        prev: (current > 1).then(|| url(current - 1)),
        next: (current < total).then(|| url(current + 1)),
        pages,
    }
}

pub fn list_context(
    site: &Site,
    l10n: &Localizer,
    prep: &Prepared,
    cards: &ListCards<'_>,
    job: &Job,
) -> crate::render::view::Ctx {
    let mut ctx = base_context(site, l10n, prep, job);
    let Job::List { lang, scope, page } = job else {
        return ctx;
    };
    let cfg = &site.config;
    let all = site.scope_articles(lang, scope);
    let total = site.scope_pages(lang, scope);
    let slice = site.page_articles(lang, scope, *page);
    let (kind, key, name) = match scope {
        Scope::Front => ("front", String::new(), language(site, lang).title.clone()),
        Scope::Topic(k) => ("topic", k.clone(), topic_name(l10n, lang, k)),
        Scope::Country(c) => (
            "country",
            c.to_ascii_lowercase(),
            country_name(l10n, lang, c),
        ),
        Scope::Author(k) => ("author", k.clone(), site.author_name(lang, k)),
        Scope::Tag(k) => ("tag", k.clone(), site.tag_name(lang, k)),
    };
    ctx.insert(
        "list",
        &serde_json::json!({
            "kind": kind,
            "key": key,
            "name": name,
            "count": all.len(),
            "feed_url": link(cfg, &paths::feed(lang, scope)),
        }),
    );
    if let Scope::Author(k) = scope {
        ctx.insert("author", &author_entry(site, lang, k));
    }
    ctx.insert_value("days", days(site, l10n, prep, cards, lang, slice));
    ctx.insert(
        "pagination",
        &pagination(
            site,
            l10n,
            lang,
            &paths::scope(lang, scope),
            *page,
            total.max(1),
        ),
    );
    ctx
}

#[derive(Serialize)]
struct TermCount {
    key: String,
    name: String,
    count: usize,
    /// `None` when the term has no articles in this language (no page to link to).
    url: Option<String>,
}

pub fn topics_context(
    site: &Site,
    l10n: &Localizer,
    prep: &Prepared,
    lang: &str,
) -> crate::render::view::Ctx {
    let cfg = &site.config;
    let mut ctx = base_context(site, l10n, prep, &Job::Topics(lang.to_string()));
    let mut terms: Vec<TermCount> = site
        .topics
        .get(lang)
        .map(|t| {
            t.iter()
                .map(|(k, ids)| TermCount {
                    key: k.clone(),
                    name: topic_name(l10n, lang, k),
                    count: ids.len(),
                    url: (!ids.is_empty())
                        .then(|| link(cfg, &paths::scope(lang, &Scope::Topic(k.clone())))),
                })
                .collect()
        })
        .unwrap_or_default();
    terms.sort_by(|a, b| {
        l10n.compare_names(lang, &a.name, &b.name)
            .then_with(|| a.key.cmp(&b.key))
    });
    ctx.insert("terms", &terms);
    ctx
}

pub fn countries_context(
    site: &Site,
    l10n: &Localizer,
    prep: &Prepared,
    lang: &str,
) -> crate::render::view::Ctx {
    let cfg = &site.config;
    let mut ctx = base_context(site, l10n, prep, &Job::Countries(lang.to_string()));
    let mut terms: Vec<TermCount> = site
        .countries
        .get(lang)
        .map(|c| {
            c.iter()
                .map(|(code, ids)| TermCount {
                    key: code.to_ascii_lowercase(),
                    name: country_name(l10n, lang, code),
                    count: ids.len(),
                    url: Some(link(
                        cfg,
                        &paths::scope(lang, &Scope::Country(code.clone())),
                    )),
                })
                .collect()
        })
        .unwrap_or_default();
    terms.sort_by(|a, b| {
        l10n.compare_names(lang, &a.name, &b.name)
            .then_with(|| a.key.cmp(&b.key))
    });
    ctx.insert("terms", &terms);
    ctx
}

/// `/LANG/tags/`: every free tag of the language's articles, by name, with its count.
pub fn tags_context(
    site: &Site,
    l10n: &Localizer,
    prep: &Prepared,
    lang: &str,
) -> crate::render::view::Ctx {
    let cfg = &site.config;
    let mut ctx = base_context(site, l10n, prep, &Job::Tags(lang.to_string()));
    let mut terms: Vec<TermCount> = site
        .tags
        .get(lang)
        .into_iter()
        .flatten()
        .map(|(slug, t)| TermCount {
            key: slug.clone(),
            name: t.name.clone(),
            count: t.ids.len(),
            url: Some(link(cfg, &paths::scope(lang, &Scope::Tag(slug.clone())))),
        })
        .collect();
    terms.sort_by(|a, b| {
        l10n.compare_names(lang, &a.name, &b.name)
            .then_with(|| a.key.cmp(&b.key))
    });
    ctx.insert("terms", &terms);
    ctx
}

fn month_name(site: &Site, l10n: &Localizer, lang: &str, year: i16, month: i8) -> String {
    // the 15th avoids time-zone edges; only the month and year are shown
    let zoned = jiff::civil::date(year, month, 15)
        .to_datetime(jiff::civil::Time::midnight())
        .to_zoned_datetime(site.config.timezone.clone());
    match zoned {
        Ok(z) => {
            let d = PubDate {
                zoned: z,
                has_time: false,
            };
            l10n.month_year(lang, &d)
        }
        Err(_) => format!("{year:04}-{month:02}"),
    }
}

pub fn month_context(
    site: &Site,
    l10n: &Localizer,
    prep: &Prepared,
    cards: &ListCards<'_>,
    job: &Job,
) -> crate::render::view::Ctx {
    let mut ctx = base_context(site, l10n, prep, job);
    let Job::Month { lang, year, month } = job else {
        return ctx;
    };
    let ids = site.month_articles(lang, *year, *month);
    ctx.insert("month", &serde_json::json!({"name": month_name(site, l10n, lang, *year, *month), "count": ids.len(), "year": year, "month": month}));
    ctx.insert_value("days", days(site, l10n, prep, cards, lang, ids));
    ctx
}

pub fn archive_context(
    site: &Site,
    l10n: &Localizer,
    prep: &Prepared,
    lang: &str,
) -> crate::render::view::Ctx {
    let cfg = &site.config;
    let mut ctx = base_context(site, l10n, prep, &Job::Archive(lang.to_string()));
    let months: Vec<serde_json::Value> = site
        .months
        .get(lang)
        .map(|m: &BTreeMap<(i16, i8), Vec<DocId>>| {
            m.iter()
                .rev()
                .map(|(&(y, mo), ids)| {
                    serde_json::json!({
                        "year": y,
                        "month": mo,
                        "name": month_name(site, l10n, lang, y, mo),
                        "count": ids.len(),
                        "url": link(cfg, &paths::month(lang, y, mo)),
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    ctx.insert("months", &months);
    ctx
}
