//! What every page of a build shares, prepared once: cards, terms, dates, per-language values.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Serialize;

use crate::content::dates::PubDate;
use crate::content::Kind;
use crate::i18n::Localizer;
use crate::model::{paths, DocId, Scope, Site};

use super::*;
#[derive(Serialize, Clone)]
pub struct DateView {
    /// RFC 3339, for `<time datetime>`.
    pub iso: String,
    /// `27 نوفمبر 2025` / `27 November 2025`
    pub text: String,
    /// `10:30`, when the author gave a time.
    pub time: Option<String>,
    /// Umm al-Qura date when the language has `hijri = true`.
    pub hijri: Option<String>,
    /// The time zone of `time` (`UTC+3`, from the `time-zone` message), when there is a time.
    pub zone: Option<String>,
}

#[derive(Serialize, Clone)]
pub struct TermView {
    pub key: String,
    pub name: String,
    pub url: String,
}

/// A topic or country in one language: its view for Rust code (feeds) and the same as a ready
/// template value, shared by every card that mentions it.
pub struct Term {
    pub view: TermView,
    value: tera::Value,
}

impl Term {
    fn new(view: TermView) -> Term {
        let value = tera::Value::from_serializable(&view);
        Term { view, value }
    }
}

/// Every topic and country of a site in every language, made once per build.
pub struct Terms(std::collections::HashMap<String, std::collections::HashMap<Scope, Arc<Term>>>);

impl Terms {
    pub fn new(site: &Site, l10n: &Localizer) -> Terms {
        let mut all: std::collections::HashMap<
            String,
            std::collections::HashMap<Scope, Arc<Term>>,
        > = Default::default();
        let topics = site
            .topics
            .iter()
            .flat_map(|(lang, t)| t.iter().map(move |(k, _)| (lang, Scope::Topic(k.clone()))));
        let countries = site.countries.iter().flat_map(|(lang, c)| {
            c.keys()
                .map(move |code| (lang, Scope::Country(code.clone())))
        });
        let tags = site
            .tags
            .iter()
            .flat_map(|(lang, t)| t.keys().map(move |slug| (lang, Scope::Tag(slug.clone()))));
        for (lang, scope) in topics.chain(countries).chain(tags) {
            let term = Arc::new(Term::new(term_view(site, l10n, lang, &scope)));
            all.entry(lang.clone()).or_default().insert(scope, term);
        }
        Terms(all)
    }

    /// The term, made now if the table does not have it.
    pub(crate) fn get(&self, site: &Site, l10n: &Localizer, lang: &str, scope: Scope) -> Arc<Term> {
        match self.0.get(lang).and_then(|m| m.get(&scope)) {
            Some(t) => Arc::clone(t),
            None => Arc::new(Term::new(term_view(site, l10n, lang, &scope))),
        }
    }
}

/// What lists need of an article; prepared once per build. A card keeps its document (the
/// title, summary, bylines, language are the document's, not copies) and what is made from it:
/// links, the dates as shown, the terms' and picture's ready template values. It becomes a
/// template map each time a template is given the whole card (a list's lead, related articles,
/// `card.html` once, and every card of a theme's own list templates).
#[derive(Clone)]
pub struct Card {
    pub doc: Arc<crate::content::Document>,
    /// The title as HTML in its language's direction, runs in the other direction in `<bdi>`;
    /// `None` when that is the title as it is (nothing to escape or isolate, most titles).
    title_html: Option<String>,
    pub url: String,
    pub permalink: String,
    /// `rtl`/`ltr` when the summary is mostly written in the other direction (an English summary
    /// of an Arabic article), with `summary_lang` the site's language of that direction, if one.
    pub summary_dir: Option<&'static str>,
    pub summary_lang: Option<String>,
    pub date: Option<DateView>,
    pub updated: Option<DateView>,
    pub topics: Vec<Arc<Term>>,
    pub countries: Vec<Arc<Term>>,
    /// Free tags, after the topics and countries.
    pub tags: Vec<Arc<Term>>,
    /// The lead image as a thumbnail (`src`, `srcset`, `sources`, `width`, `height`, `alt`,
    /// `focus`), or none.
    pub image: Option<Box<CardImage>>,
    /// `image` as one template value, made once (every list page showing the card shares it).
    image_value: tera::Value,
    /// The card as `card.html` writes it outside a lead, rendered once by the first list that
    /// shows it (see [`CardHtml`]); only lists' cards carry it ([`Prepared::list_values`]).
    pub html: CardHtml,
}

impl Card {
    pub fn title(&self) -> &str {
        &self.doc.title
    }

    pub fn summary(&self) -> &str {
        &self.doc.summary
    }

    pub fn lang(&self) -> &str {
        &self.doc.lang
    }

    pub fn title_html(&self) -> &str {
        self.title_html.as_deref().unwrap_or(&self.doc.title)
    }
}

/// The terms' ready values as one template list.
struct TermValues<'a>(&'a [Arc<Term>]);

impl Serialize for TermValues<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|t| &t.value))
    }
}

/// The fields docs/templates.md lists under "the card".
impl Serialize for Card {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let doc = &*self.doc;
        let mut st = s.serialize_struct("Card", 18)?;
        st.serialize_field("kind", &doc.kind)?;
        st.serialize_field("title", &doc.title)?;
        st.serialize_field("title_html", self.title_html())?;
        st.serialize_field("url", &self.url)?;
        st.serialize_field("permalink", &self.permalink)?;
        st.serialize_field("lang", &doc.lang)?;
        st.serialize_field("summary", &doc.summary)?;
        st.serialize_field("summary_written", &doc.summary_written)?;
        st.serialize_field("summary_dir", &self.summary_dir)?;
        st.serialize_field("summary_lang", &self.summary_lang)?;
        st.serialize_field("date", &self.date)?;
        st.serialize_field("updated", &self.updated)?;
        st.serialize_field("topics", &TermValues(&self.topics))?;
        st.serialize_field("countries", &TermValues(&self.countries))?;
        st.serialize_field("tags", &TermValues(&self.tags))?;
        st.serialize_field("authors", &doc.authors)?;
        st.serialize_field("image", &self.image_value)?;
        st.serialize_field("html", &self.html)?;
        st.end()
    }
}

/// A card's HTML from the site's `card.html`, made once per card and build (a card appears on
/// the front page, its topics', countries', tags' and authors' pages and its month: rendering
/// the template anew on each was most of the cost of list pages), kept as the template value
/// `{html}` that lists share. Empty until the first list showing the card asks for it; `watch`
/// makes a new card, and with it a new slot, whenever the card changes, and rebuilds everything
/// when a template or a message changes.
#[derive(Clone, Default)]
pub struct CardHtml(std::sync::OnceLock<tera::Value>);

impl CardHtml {
    pub fn is_made(&self) -> bool {
        self.0.get().is_some()
    }

    /// The HTML as a (safe) template value.
    fn html(&self) -> Option<&tera::Value> {
        self.0.get()?.as_map()?.get(&tera::value::Key::Str("html"))
    }

    pub fn set(&self, html: String) {
        let mut map = tera::Map::default();
        map.insert(
            tera::value::Key::Str("html"),
            tera::Value::safe_string(&html),
        );
        let _ = self.0.set(tera::Value::from(map));
    }
}

thread_local! {
    /// Set while [`Prepared::list_values`] serializes cards: only then does a card's `html` show
    /// (an article's `page` and its related cards, made at the same time on other threads,
    /// always have `null`, whether or not a list has made it yet). A flag rather than a second
    /// struct: serde's `flatten`, or adding the field to each card's map, cost 1–2 % of a build.
    static LIST_HTML: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

impl Serialize for CardHtml {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.html() {
            Some(v) if LIST_HTML.with(std::cell::Cell::get) => v.serialize(s),
            _ => s.serialize_none(),
        }
    }
}

/// A card's picture: its renditions up to [`crate::media::markup::THUMB_MAX`], so a list can
/// show it at any size.
#[derive(Clone, Debug, serde::Serialize)]
pub struct CardImage {
    #[serde(flatten)]
    pub picture: crate::media::markup::PictureView,
    pub alt: String,
    /// CSS position of the focus (`30% 40%`), for `object-position` in a cropped thumbnail.
    pub focus: String,
    /// The default theme's markup of the thumbnail (lazy, [`THUMB_SIZES`]) and of the lead
    /// story's picture ([`LEAD_SIZES`], `fetchpriority="high"`), made once per card: a card
    /// appears on several list pages, and writing a `<picture>` in the template costs more than
    /// the rest of the card.
    pub thumb_html: String,
    pub lead_html: String,
}

/// How wide the default theme shows a list's lead story picture and the other thumbnails.
pub const LEAD_SIZES: &str = "(min-width: 60rem) 38rem, calc(100vw - 2rem)";
pub const THUMB_SIZES: &str = "(min-width: 60rem) 20rem, 7rem";

impl CardImage {
    fn new(picture: crate::media::markup::PictureView, alt: String, focus: String) -> CardImage {
        use crate::media::markup::html_with;
        let mut style = String::from(" style=\"object-position: ");
        let _ = pulldown_cmark_escape::escape_html(&mut style, &focus);
        style.push('"');
        let thumb_html = html_with(
            &picture,
            "",
            "",
            THUMB_SIZES,
            &format!("{style} loading=\"lazy\" decoding=\"async\""),
        );
        let lead_html = html_with(
            &picture,
            "",
            "",
            LEAD_SIZES,
            &format!("{style} fetchpriority=\"high\" decoding=\"async\""),
        );
        CardImage {
            picture,
            alt,
            focus,
            thumb_html,
            lead_html,
        }
    }
}

pub fn date_view(l10n: &Localizer, lang: &str, d: &PubDate) -> DateView {
    DateView {
        iso: rfc3339(d),
        text: l10n.date(lang, d),
        time: l10n.time(lang, d),
        hijri: l10n.hijri(lang, d),
        zone: d.has_time.then(|| zone(l10n, lang, d)),
    }
}

/// `UTC+3`, `UTC+5:30`, `UTC` in the language's digits and words (`time-zone` message).
pub fn zone(l10n: &Localizer, lang: &str, d: &PubDate) -> String {
    let secs = d.zoned.offset().seconds();
    let (sign, secs) = if secs < 0 { ('-', -secs) } else { ('+', secs) };
    let (h, m) = (secs / 3600, secs % 3600 / 60);
    let offset = match (h, m) {
        (0, 0) => String::new(),
        (h, 0) => format!("{sign}{h}"),
        (h, m) => format!("{sign}{h}:{m:02}"),
    };
    let offset = crate::i18n::format::digits(&offset, l10n.digits(lang));
    l10n.format(
        lang,
        "time-zone",
        &[("offset", crate::i18n::Arg::Str(offset))],
    )
}

/// RFC 3339 with the site's offset, e.g. `2025-11-27T10:30:00+03:00`.
pub fn rfc3339(d: &PubDate) -> String {
    d.zoned.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string()
}

pub fn topic_name(l10n: &Localizer, lang: &str, key: &str) -> String {
    l10n.format(lang, &format!("topic-{key}"), &[])
}

pub fn country_name(l10n: &Localizer, lang: &str, code: &str) -> String {
    l10n.try_format(lang, &format!("country-{code}"), &[])
        .unwrap_or_else(|| {
            l10n.format(lang, &format!("country-{}", code.to_ascii_lowercase()), &[])
        })
}

/// One document's card, and what is made from it once and shared (its Atom entries, its body
/// when a feed carries it, its search record), in one allocation: `watch` keeps a slot across
/// rebuilds by cloning the `Arc`. A card becomes a template map each time a page is given it
/// whole: keeping a whole ready value per card cost 4 KiB a card and was no faster
/// (BENCHMARKS.md).
#[derive(Clone)]
pub struct CardSlot(Arc<Slot>);

pub struct Slot {
    pub card: Card,
    pub entry: std::sync::OnceLock<String>,
    /// The entry as topic, country, tag and author feeds carry it by default: the summary and
    /// the link, without the body.
    pub short_entry: std::sync::OnceLock<String>,
    /// `entry` and `short_entry` as JSON Feed items.
    pub json_entry: std::sync::OnceLock<String>,
    pub json_short_entry: std::sync::OnceLock<String>,
    /// The body's HTML, kept only for documents that a feed carries (their page and their feed
    /// entries share one rendering).
    body: std::sync::OnceLock<Result<Arc<str>, crate::diagnostics::Diagnostic>>,
    /// The questions the body's rendering asked and the body's key (`incremental::jobs`), once
    /// it was rendered.
    calls: std::sync::OnceLock<(Vec<crate::incremental::jobs::Call>, u128)>,
    /// The article's search record, made when the search index is first written.
    search: std::sync::OnceLock<SearchSlot>,
    /// The key of the article's search record (`search::record_key`), made once.
    search_key: std::sync::OnceLock<u128>,
    /// The digest of the card as an article's `page` and `related` carry it (without `html`),
    /// for the build cache ([`Prepared::card_digest`]).
    digest: std::sync::OnceLock<u128>,
}

impl std::ops::Deref for CardSlot {
    type Target = Slot;

    fn deref(&self) -> &Slot {
        &self.0
    }
}

type SearchSlot = Result<Arc<crate::search::Record>, crate::diagnostics::Diagnostic>;

impl CardSlot {
    pub fn new(card: Card) -> CardSlot {
        CardSlot(Arc::new(Slot {
            card,
            entry: std::sync::OnceLock::new(),
            short_entry: std::sync::OnceLock::new(),
            json_entry: std::sync::OnceLock::new(),
            json_short_entry: std::sync::OnceLock::new(),
            body: std::sync::OnceLock::new(),
            calls: std::sync::OnceLock::new(),
            search: std::sync::OnceLock::new(),
            search_key: std::sync::OnceLock::new(),
            digest: std::sync::OnceLock::new(),
        }))
    }
}

/// What every page of one language shares: the `site` and `nav_pages` template values, the
/// language's own name, and the parts of social cards and JSON-LD that are the same on every page.
pub(crate) struct LangPrep {
    pub site: tera::Value,
    pub nav_pages: tera::Value,
    pub name: String,
    pub meta: crate::render::meta::LangMeta,
}

/// What every page of a build shares, prepared once: each document's card, and for each
/// language a [`LangPrep`].
pub struct Prepared {
    pub cards: Vec<CardSlot>,
    /// The topics and countries the cards share.
    pub terms: Terms,
    pub(crate) langs: BTreeMap<String, LangPrep>,
    /// Documents that some feed carries.
    in_feed: Vec<bool>,
    /// Lists' day headings (`lists::day_heading`) for every day that has an article, made once
    /// (a day is a heading on every list page that shows one of its articles).
    day_headings: std::collections::HashMap<
        String,
        std::collections::HashMap<jiff::civil::Date, tera::Value>,
    >,
    /// Set while rendering when a page has a link to a Markdown file: `watch` then renders every
    /// page again when a document moves, since such a link follows it (kept across rebuilds).
    pub md_links: Arc<std::sync::atomic::AtomicBool>,
    /// Links to documents the publication rules left out, as rendering meets them (document,
    /// link as written): `build` warns about each once.
    pub held_links: std::sync::Mutex<Vec<(usize, String)>>,
    /// How many times a Markdown body was parsed (for the page, a feed or the search record):
    /// once per document in a full build.
    pub parses: std::sync::atomic::AtomicUsize,
}

impl Prepared {
    /// Builds every card (in parallel) and the per-language values.
    pub fn new(site: &Site, l10n: &Localizer) -> Prepared {
        use rayon::prelude::*;
        let terms = Terms::new(site, l10n);
        let cards = (0..site.documents.len())
            .into_par_iter()
            .map(|id| CardSlot::new(card(site, l10n, &terms, id)))
            .collect();
        Prepared::with_cards(site, l10n, cards, terms)
    }

    /// The per-language values around given cards (`watch` reuses unchanged cards) and the
    /// terms they were made with.
    pub fn with_cards(
        site: &Site,
        l10n: &Localizer,
        cards: Vec<CardSlot>,
        terms: Terms,
    ) -> Prepared {
        let cfg = &site.config;
        let langs = cfg
            .languages
            .iter()
            .map(|lang| {
                let site_value = tera::Value::from_serializable(&site_view(site, lang));
                let pages: Vec<serde_json::Value> = site
                    .pages
                    .get(&lang.code)
                    .map(|ids| ids.iter().map(|&id| serde_json::json!({"title": site.documents[id].title, "url": link(cfg, site.url_of(id))})).collect())
                    .unwrap_or_default();
                let prep = LangPrep {
                    site: site_value,
                    nav_pages: tera::Value::from_serializable(&pages),
                    name: lang_name(l10n, &lang.code),
                    meta: crate::render::meta::LangMeta::new(site, lang),
                };
                (lang.code.clone(), prep)
            })
            .collect();
        // every list of a language has a feed (`render::plan`)
        let mut in_feed = vec![false; site.documents.len()];
        for lang in &cfg.languages {
            for scope in site.scopes(&lang.code) {
                for &i in site.feed_articles(&lang.code, &scope) {
                    in_feed[i] = true;
                }
            }
        }
        let mut day_headings: std::collections::HashMap<String, std::collections::HashMap<_, _>> =
            std::collections::HashMap::new();
        for doc in &site.documents {
            if let Some(d) = &doc.date {
                day_headings
                    .entry(doc.lang.clone())
                    .or_default()
                    .entry(d.zoned.date())
                    .or_insert_with(|| super::lists::day_heading(l10n, &doc.lang, d));
            }
        }
        Prepared {
            cards,
            terms,
            langs,
            in_feed,
            day_headings,
            md_links: Arc::default(),
            held_links: Default::default(),
            parses: Default::default(),
        }
    }

    /// One warning for each link to an unpublished document that rendering met, at the line of
    /// the document that has it.
    pub fn held_link_warnings(
        &self,
        root: &std::path::Path,
        site: &Site,
    ) -> Vec<crate::diagnostics::Diagnostic> {
        let mut seen = match self.held_links.lock() {
            Ok(h) => h.clone(),
            Err(p) => p.into_inner().clone(),
        };
        seen.sort();
        seen.dedup();
        seen.into_iter()
            .filter_map(|(id, dest)| {
                let doc = site.documents.get(id)?;
                let text = std::fs::read_to_string(root.join(&doc.path)).unwrap_or_default();
                let line = text
                    .lines()
                    .position(|l| l.contains(dest.as_str()))
                    .map(|i| crate::diagnostics::Pos::new(i + 1, 1));
                Some(
                    crate::diagnostics::Diagnostic::warning(
                        "held-link",
                        format!("the link to {dest} is shown as text: that article is not published (a draft, embargoed or expired)"),
                    )
                    .in_file(&doc.path)
                    .at_opt(line)
                    .help("the link comes back by itself when the article is published; remove it if it should not"),
                )
            })
            .collect()
    }

    /// How a document's references to files are written: through the site's media catalog, and
    /// to other documents' pages.
    pub(crate) fn media_of<'a>(
        &'a self,
        site: &'a Site,
        id: DocId,
    ) -> crate::media::markup::ForDocument<'a> {
        crate::media::markup::ForDocument {
            catalog: &site.media,
            folder: &site.documents[id].folder,
            base: &site.config.base_path,
            documents: &site.by_path,
            urls: &site.urls,
            md_links: &self.md_links,
            held: &site.held_paths,
            held_links: &self.held_links,
            id,
        }
    }

    /// The HTML of a document's body: rendered once and shared when a feed also carries it. An
    /// article's search record, when the site has search and it is not made yet, is made from
    /// the same parse (whichever of its page and its feed entries comes first).
    pub fn body(
        &self,
        root: &std::path::Path,
        site: &Site,
        l10n: &Localizer,
        id: DocId,
    ) -> Result<String, crate::diagnostics::Diagnostic> {
        let slot = &self.cards[id];
        let make = || {
            self.render_recorded(root, site, l10n, id)
                .map(|(html, calls, key)| {
                    let _ = slot.calls.set((calls, key));
                    html
                })
        };
        if !self.in_feed.get(id).copied().unwrap_or(false) {
            return make();
        }
        // a page and a feed that want it at once: one parses, the other waits for its result
        match slot.body.get_or_init(|| make().map(Arc::from)) {
            Ok(html) => Ok(html.to_string()),
            Err(d) => Err(d.clone()),
        }
    }

    /// The body's HTML ([`Prepared::body`]: rendered once and shared with the feeds that carry
    /// it), the questions its rendering asked the site and its key (`incremental::jobs`).
    pub fn body_recorded(
        &self,
        root: &std::path::Path,
        site: &Site,
        l10n: &Localizer,
        id: DocId,
    ) -> Result<(String, Vec<crate::incremental::jobs::Call>, u128), crate::diagnostics::Diagnostic>
    {
        let html = self.body(root, site, l10n, id)?;
        // `body` notes the questions whenever it renders, before it shares the HTML
        match self.cards[id].calls.get() {
            Some((calls, key)) => Ok((html, calls.clone(), *key)),
            None => self.render_recorded(root, site, l10n, id),
        }
    }

    /// Renders the body, noting its questions, and the search record from the same parse when
    /// it is not made yet.
    fn render_recorded(
        &self,
        root: &std::path::Path,
        site: &Site,
        l10n: &Localizer,
        id: DocId,
    ) -> Result<(String, Vec<crate::incremental::jobs::Call>, u128), crate::diagnostics::Diagnostic>
    {
        let doc = &site.documents[id];
        let slot = &self.cards[id];
        self.parses
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let media = self.media_of(site, id);
        let rec = crate::incremental::jobs::Recording::new(&media);
        let html = if site.config.search && doc.kind == Kind::Article && slot.search.get().is_none()
        {
            self.body_and_record(root, site, l10n, id, &rec)?
        } else {
            crate::content::render_body(root, doc, &rec)?
        };
        let (calls, key) = rec.finish(doc.body_hash);
        Ok((html, calls, key))
    }

    /// Renders the body and makes the search record from one parse of the Markdown.
    fn body_and_record(
        &self,
        root: &std::path::Path,
        site: &Site,
        l10n: &Localizer,
        id: DocId,
        media: &dyn crate::content::markdown::Media,
    ) -> Result<String, crate::diagnostics::Diagnostic> {
        let doc = &site.documents[id];
        let slot = &self.cards[id];
        let card = &slot.card;
        let mut html = None;
        let record =
            crate::search::record_with(site, l10n, &card.url, card.summary(), id, |add| {
                crate::content::with_body(root, doc, |md| {
                    html = Some(crate::content::markdown::render_with_text(md, media, add));
                })
            })?;
        // another thread may have made it meanwhile: the same record
        let _ = slot.search.set(Ok(Arc::new(record)));
        match html {
            Some(html) => Ok(html),
            None => crate::content::render_body(root, doc, media),
        }
    }

    /// The article's search record, made once (and kept while its card is), or taken from
    /// `old` when it has the record of the article's key.
    pub fn search_record(
        &self,
        root: &std::path::Path,
        site: &Site,
        l10n: &Localizer,
        id: DocId,
        old: Option<&crate::search::store::Stored>,
    ) -> SearchSlot {
        let slot = &self.cards[id];
        slot.search
            .get_or_init(|| {
                if let Some(r) =
                    old.and_then(|o| o.get(crate::search::record_key(site, l10n, self, id)))
                {
                    return Ok(r);
                }
                let card = &slot.card;
                self.parses
                    .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                crate::search::record(root, site, l10n, &card.url, card.summary(), id).map(Arc::new)
            })
            .clone()
    }

    /// The key of the article's search record, made once by `make`.
    pub(crate) fn search_key(&self, id: DocId, make: impl FnOnce() -> u128) -> u128 {
        match self.cards.get(id) {
            Some(slot) => *slot.search_key.get_or_init(make),
            None => make(),
        }
    }

    /// The article's search record if this build made or took it.
    pub fn made_search_record(&self, id: DocId) -> Option<Arc<crate::search::Record>> {
        match self.cards.get(id)?.search.get()? {
            Ok(r) => Some(Arc::clone(r)),
            Err(_) => None,
        }
    }

    /// The day heading made for a day of `lang`, if a document had that day when this was made.
    pub(crate) fn day_heading(&self, lang: &str, day: jiff::civil::Date) -> Option<tera::Value> {
        self.day_headings.get(lang)?.get(&day).cloned()
    }

    pub fn card(&self, id: DocId) -> &Card {
        &self.cards[id].card
    }

    /// Replaces one document's card (its cached feed entry goes with it).
    pub fn set(&mut self, id: DocId, card: Card) {
        self.cards[id] = CardSlot::new(card);
    }

    /// Cards as lists show them: with their `html` (elsewhere it is `null`). With `html_only`,
    /// a card whose `html` is made is passed as `{html}` alone, unless it is the first of a list
    /// whose first day this is (`first_day`): that is the lead, which `card.html` renders in place.
    pub(crate) fn list_values(
        &self,
        ids: &[DocId],
        first_day: bool,
        html_only: bool,
    ) -> tera::Value {
        // only while this flag is set does a card's `html` show ([`LIST_HTML`])
        let with_html = |make: &dyn Fn() -> tera::Value| {
            LIST_HTML.with(|on| {
                on.set(true);
                let value = make();
                on.set(false);
                value
            })
        };
        if !html_only {
            return with_html(&|| self.values(ids));
        }
        let values: Vec<tera::Value> = ids
            .iter()
            .enumerate()
            .map(|(n, &id)| {
                let card = &self.cards[id].card;
                match card.html.0.get() {
                    Some(only) if !(first_day && n == 0) => only.clone(),
                    _ => with_html(&|| tera::Value::from_serializable(card)),
                }
            })
            .collect();
        tera::Value::from(values)
    }

    /// The digest of a card as [`Prepared::values`] and an article's `page` give it to a
    /// template (`html` is `null` there), made once per card.
    pub(crate) fn card_digest(&self, id: DocId) -> u128 {
        let slot = &self.cards[id];
        *slot.digest.get_or_init(|| {
            // never inside `list_values`, where a card's `html` shows
            debug_assert!(!LIST_HTML.with(std::cell::Cell::get));
            crate::incremental::jobs::digest_of(&slot.card)
        })
    }

    /// The digest of [`Prepared::values`] of `ids`.
    pub(crate) fn cards_digest(&self, ids: &[DocId]) -> u128 {
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        h.update(&(ids.len() as u64).to_le_bytes());
        for &id in ids {
            h.update(&self.card_digest(id).to_le_bytes());
        }
        h.digest128()
    }

    pub(crate) fn values(&self, ids: &[DocId]) -> tera::Value {
        let cards: Vec<&Card> = ids.iter().map(|&i| &self.cards[i].card).collect();
        tera::Value::from_serializable(&cards)
    }
}

/// A topic's or country's key, name and link in a language.
fn term_view(site: &Site, l10n: &Localizer, lang: &str, scope: &Scope) -> TermView {
    let (key, name) = match scope {
        Scope::Topic(k) => (k.clone(), topic_name(l10n, lang, k)),
        Scope::Country(c) => (c.to_ascii_lowercase(), country_name(l10n, lang, c)),
        Scope::Author(k) => (k.clone(), site.author_name(lang, k)),
        Scope::Tag(k) => (k.clone(), site.tag_name(lang, k)),
        Scope::Front => (String::new(), String::new()),
    };
    TermView {
        key,
        name,
        url: link(&site.config, &paths::scope(lang, scope)),
    }
}

/// The card of one document, its topics and countries taken from `terms`.
pub fn card(site: &Site, l10n: &Localizer, terms: &Terms, id: DocId) -> Card {
    let cfg = &site.config;
    let doc = &site.documents[id];
    let lang = doc.lang.as_str();
    let url = site.url_of(id);
    let topics: Vec<Arc<Term>> = doc
        .topics
        .iter()
        .map(|k| terms.get(site, l10n, lang, Scope::Topic(k.clone())))
        .collect();
    let countries: Vec<Arc<Term>> = doc
        .countries
        .iter()
        .map(|c| terms.get(site, l10n, lang, Scope::Country(c.clone())))
        .collect();
    let tags: Vec<Arc<Term>> = doc
        .tags
        .iter()
        .map(|t| terms.get(site, l10n, lang, Scope::Tag(t.slug.clone())))
        .collect();
    // renditions up to 1200 px: a list's largest picture is its lead story's, about 40rem wide
    let image = super::image_view_as(site, doc, crate::media::markup::thumb)
        .map(|v| Box::new(CardImage::new(v.picture, v.alt.to_string(), v.focus)));
    let dir = cfg.language(lang).map_or_else(
        || crate::config::Direction::of_language(lang),
        |l| l.direction,
    );
    let summary_dir = super::bidi::dominant(&doc.summary).filter(|&d| d != dir);
    let summary_lang = summary_dir.and_then(|d| {
        let mut of_dir = cfg.languages.iter().filter(|l| l.direction == d);
        match (of_dir.next(), of_dir.next()) {
            (Some(l), None) => Some(l.code.clone()),
            _ => None,
        }
    });
    let title_html = super::bidi::isolate_runs(&doc.title, dir);
    Card {
        doc: Arc::clone(doc),
        title_html: (title_html != doc.title).then_some(title_html),
        url: link(cfg, url),
        permalink: permalink(cfg, url),
        summary_dir: summary_dir.map(crate::config::Direction::as_str),
        summary_lang,
        date: doc.date.as_ref().map(|d| date_view(l10n, lang, d)),
        updated: doc.updated.as_ref().map(|d| date_view(l10n, lang, d)),
        tags,
        topics,
        countries,
        image_value: image
            .as_ref()
            .map_or_else(tera::Value::none, tera::Value::from_serializable),
        image,
        html: CardHtml::default(),
    }
}
