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
/// templates read nothing else of them). With `hashed`, the list's `days` is not made at all but
/// named by its digest ([`days_digest`]), for a build that renders the list only if the digest
/// changed (and then makes its context again without `hashed`).
pub struct ListCards<'a> {
    pub make: &'a (dyn Fn(DocId) + Sync),
    pub html_only: bool,
    pub hashed: bool,
}

/// The runs of `ids` (newest first) published on one calendar day in the site's time zone, as
/// `(start, end, date of the first)`; articles without a date are in none.
fn day_runs<'s>(site: &'s Site, ids: &[DocId]) -> Vec<(usize, usize, &'s PubDate)> {
    let mut runs = Vec::new();
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
        runs.push((i, j, d));
        i = j;
    }
    runs
}

/// The heading of the day of `d`.
fn run_heading(l10n: &Localizer, prep: &Prepared, lang: &str, d: &PubDate) -> tera::Value {
    prep.day_heading(lang, d.zoned.date())
        .unwrap_or_else(|| day_heading(l10n, lang, d))
}

/// Puts a list's `days` into `ctx`: the articles (newest first) grouped under one heading per
/// calendar day, a list of `{heading, articles}`; each card's `html` is made first
/// (`make_card`). With [`ListCards::hashed`], only its digest ([`days_digest`]).
fn put_days(
    ctx: &mut crate::render::view::Ctx,
    site: &Site,
    l10n: &Localizer,
    prep: &Prepared,
    cards: &ListCards<'_>,
    lang: &str,
    ids: &[DocId],
) {
    if cards.hashed {
        ctx.insert_hashed(
            "days",
            days_digest(site, l10n, prep, cards.html_only, lang, ids),
        );
        return;
    }
    for &id in ids {
        (cards.make)(id);
    }
    let out: Vec<tera::Value> = day_runs(site, ids)
        .into_iter()
        .enumerate()
        .map(|(n, (i, j, d))| {
            let mut map: BTreeMap<&'static str, tera::Value> = BTreeMap::new();
            map.insert("heading", run_heading(l10n, prep, lang, d));
            map.insert(
                "articles",
                prep.list_values(&ids[i..j], n == 0, cards.html_only),
            );
            tera::Value::from(map)
        })
        .collect();
    ctx.insert_value("days", tera::Value::from(out));
}

/// The digest of a list's or month's `days` ([`days_digest`]), for a context made whole.
pub fn list_days_digest(
    site: &Site,
    l10n: &Localizer,
    prep: &Prepared,
    html_only: bool,
    job: &Job,
) -> Option<u128> {
    let (lang, ids) = match job {
        Job::List { lang, scope, page } => (lang, site.page_articles(lang, scope, *page)),
        Job::Month { lang, year, month } => (lang, site.month_articles(lang, *year, *month)),
        _ => return None,
    };
    Some(days_digest(site, l10n, prep, html_only, lang, ids))
}

/// The digest of the `days` [`put_days`] makes, without making it or any card's `html`. The
/// value is the runs' headings and, per card, either its `html` alone or all its fields with
/// its `html` (the lead, or every card with `html_only` off); a card's `html` is `card.html`
/// rendered with the card, `lead` false, its language, that language's direction and `site`.
/// Templates and the language settings are the same from build to build while the cache reuses
/// pages, a list's cards are all of the list's own language, and the list's context holds that
/// language's `site` itself; so the headings' digests, the cards' digests
/// ([`Prepared::card_digest`]), the runs' lengths and `html_only` decide the value.
fn days_digest(
    site: &Site,
    l10n: &Localizer,
    prep: &Prepared,
    html_only: bool,
    lang: &str,
    ids: &[DocId],
) -> u128 {
    use crate::incremental::jobs::digest_of;
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(&[u8::from(html_only)]);
    for (i, j, d) in day_runs(site, ids) {
        h.update(&digest_of(&run_heading(l10n, prep, lang, d)).to_le_bytes());
        h.update(&((j - i) as u64).to_le_bytes());
        for &id in &ids[i..j] {
            debug_assert_eq!(prep.card(id).lang(), lang);
            h.update(prep.card(id).lang().as_bytes());
            h.update(&[0]);
            h.update(&prep.card_digest(id).to_le_bytes());
        }
    }
    h.digest128()
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
            "json_feed_url": link(cfg, &paths::json_feed(lang, scope)),
        }),
    );
    if let Scope::Author(k) = scope {
        ctx.insert("author", &author_entry(site, lang, k));
    }
    put_days(&mut ctx, site, l10n, prep, cards, lang, slice);
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
    put_days(&mut ctx, site, l10n, prep, cards, lang, ids);
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
