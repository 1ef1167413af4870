//! The build cache (`.nashra-cache/build/`) against full builds: a seeded random sequence of
//! edits to a site with every feature, and after each, a cached `build` into one output compared
//! byte for byte (manifest included) with a `--fresh` build into another. Set
//! `NASHRA_DIFF_SEED` and `NASHRA_DIFF_STEPS` to run other sequences (FUZZING.md).

mod common;

use std::path::{Path, PathBuf};

use common::{nashra, read, tree, write, write_jpeg};
use nashra::build::{BuildOptions, CacheUse};
use nashra::diagnostics::Diagnostics;

/// splitmix64: a small, seeded, reproducible sequence.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    fn some<T: Clone>(&mut self, items: &[T]) -> Vec<T> {
        items.iter().filter(|_| self.chance(40)).cloned().collect()
    }
}

/// The tests' site.toml with short lists and feeds, so a few dozen articles fill several pages.
fn site_toml() -> String {
    common::SITE_TOML.replacen(
        "\n[languages.ar]",
        "paginate_by = 4\nfeed_entries = 5\n\n[languages.ar]",
        1,
    )
}

const AUTHORS: &str = r#"[sara-ahmed]
name = { ar = "سارة أحمد", en = "Sara Ahmed" }
bio = { ar = "مراسلة.", en = "Correspondent." }

[omar-ali]
name = "Omar Ali"
"#;

const WORDS_EN: &[&str] = &[
    "summit", "talks", "oil", "border", "water", "election", "trade", "minister", "drought",
    "port", "grain", "rates",
];
const WORDS_AR: &[&str] = &[
    "قمة",
    "محادثات",
    "نفط",
    "حدود",
    "مياه",
    "انتخابات",
    "تجارة",
    "وزير",
    "جفاف",
    "ميناء",
    "قمح",
];

/// One article folder `content/2025/MM/NAME/` and the languages it has.
#[derive(Clone, Debug)]
struct Story {
    month: u32,
    name: String,
    langs: Vec<&'static str>,
    picture: bool,
}

impl Story {
    fn folder(&self) -> String {
        format!("content/2025/{:02}/{}", self.month, self.name)
    }
    fn file(&self, lang: &str) -> String {
        format!("{}/index.{lang}.md", self.folder())
    }
}

struct Sim {
    root: PathBuf,
    rng: Rng,
    stories: Vec<Story>,
    serial: usize,
    /// The build time, hours after 2025-11-20 00:00 (site time).
    hours: i64,
    site_edits: usize,
    path_urls: bool,
    /// An article written with an error by the last step, removed by the next.
    broken: Option<String>,
}

impl Sim {
    fn now(&self) -> String {
        self.at(0)
    }

    /// The build time `hours` after (or before) the current one.
    fn at(&self, hours: i64) -> String {
        let t = jiff::civil::date(2025, 11, 20)
            .at(0, 0, 0, 0)
            .checked_add(jiff::Span::new().hours(self.hours + hours))
            .unwrap_or_else(|e| panic!("{e}"));
        t.strftime("%Y-%m-%d %H:%M").to_string()
    }

    fn words(&mut self, lang: &str, n: usize) -> String {
        let list = if lang == "ar" { WORDS_AR } else { WORDS_EN };
        (0..n)
            .map(|_| *self.rng.pick(list))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// A random date between 2025-09-01 and a few days past the build time.
    fn date(&mut self) -> String {
        let day = self.rng.below(95) as i64;
        let t = jiff::civil::date(2025, 9, 1)
            .at(self.rng.below(24) as i8, [0, 30][self.rng.below(2)], 0, 0)
            .checked_add(jiff::Span::new().days(day))
            .unwrap_or_else(|e| panic!("{e}"));
        t.strftime("%Y-%m-%d %H:%M").to_string()
    }

    fn front_matter(&mut self, story: &Story, lang: &str) -> String {
        let mut fm = format!("---\ntitle: \"{}\"\n", self.words(lang, 3));
        let date = self.date();
        fm += &format!("date: {date}\n");
        let topics = self.rng.some(&["security", "economy"]);
        if !topics.is_empty() {
            fm += &format!("topics: [{}]\n", topics.join(", "));
        }
        let countries = self.rng.some(&["SA", "EG", "KG"]);
        if !countries.is_empty() {
            fm += &format!("countries: [{}]\n", countries.join(", "));
        }
        let tags = self.rng.some(&["Water", "Grain", "مياه"]);
        if !tags.is_empty() {
            fm += &format!("tags: [{}]\n", tags.join(", "));
        }
        let authors = self.rng.some(&["sara-ahmed", "Omar Ali", "Lina Haddad"]);
        if !authors.is_empty() {
            fm += &format!("authors: [{}]\n", authors.join(", "));
        }
        if self.rng.chance(30) {
            fm += &format!("summary: \"{}\"\n", self.words(lang, 6));
        }
        if self.rng.chance(8) {
            fm += "draft: true\n";
        }
        if self.rng.chance(8) {
            let days = 1 + self.rng.below(30) as i64;
            let expires = jiff::civil::DateTime::strptime("%Y-%m-%d %H:%M", &date)
                .and_then(|d| d.checked_add(jiff::Span::new().days(days)))
                .unwrap_or_else(|e| panic!("{e}"));
            fm += &format!("expires: {}\n", expires.strftime("%Y-%m-%d %H:%M"));
        }
        if self.rng.chance(10) {
            fm += &format!("aliases: [{lang}/old/{}/]\n", story.name);
        }
        if self.rng.chance(10) {
            fm += &format!(
                "corrections:\n  - {{date: {}, text: \"{}\"}}\n",
                self.date(),
                self.words(lang, 4)
            );
        }
        if story.picture && self.rng.chance(70) {
            fm += "image: {src: lead.jpg, alt: A picture}\n";
        }
        fm + "---\n"
    }

    fn body(&mut self, lang: &str, picture: bool) -> String {
        let mut body = String::new();
        // a picture in the body: its HTML comes from the site's media catalog
        if picture && self.rng.chance(30) {
            body += "![In the body](lead.jpg)\n\n";
        }
        for _ in 0..1 + self.rng.below(3) {
            let n = 8 + self.rng.below(8);
            body += &self.words(lang, n);
            body += ".\n\n";
        }
        if self.rng.chance(25) && !self.stories.is_empty() {
            let other = self.stories[self.rng.below(self.stories.len())].clone();
            body += &format!(
                "See [this story](../../{:02}/{}/index.{lang}.md).\n",
                other.month, other.name
            );
        }
        body
    }

    fn write_article(&mut self, i: usize, lang: &'static str) {
        let story = self.stories[i].clone();
        let text = self.front_matter(&story, lang) + "\n" + &self.body(lang, story.picture);
        write(&self.root, &story.file(lang), &text);
    }

    fn add(&mut self) {
        self.serial += 1;
        let story = Story {
            month: 9 + self.rng.below(4) as u32,
            name: format!("story-{}", self.serial),
            langs: vec![*self.rng.pick(&["ar", "en"])],
            picture: false,
        };
        self.stories.push(story);
        let i = self.stories.len() - 1;
        let lang = self.stories[i].langs[0];
        self.write_article(i, lang);
    }

    fn random_story(&mut self) -> Option<usize> {
        (!self.stories.is_empty()).then(|| self.rng.below(self.stories.len()))
    }

    /// Rewrites one line of an article's front matter (or its body).
    fn edit(&mut self, what: &str) {
        let Some(i) = self.random_story() else { return };
        let lang = *self.rng.pick(&self.stories[i].langs.clone());
        let path = self.root.join(self.stories[i].file(lang));
        let Ok(text) = std::fs::read_to_string(&path) else {
            return;
        };
        let Some((front, body)) = text[4..].split_once("---\n") else {
            return;
        };
        let story = self.stories[i].clone();
        let fresh = self.front_matter(&story, lang);
        let fresh_lines: Vec<&str> = fresh.lines().collect();
        let text = match what {
            "body" => format!("---\n{front}---\n\n{}", self.body(lang, story.picture)),
            key => {
                // the key's line from a new front matter, or the key dropped; a date and an
                // expiry change together (an expiry must stay after its date)
                let keys: &[&str] = if key == "date" || key == "expires" {
                    &["date", "expires"]
                } else {
                    &[key]
                };
                let mut front = front.to_string();
                for key in keys {
                    let new_line = fresh_lines
                        .iter()
                        .find(|l| l.starts_with(&format!("{key}:")))
                        .map(|l| format!("{l}\n"))
                        .unwrap_or_default();
                    let mut out = String::new();
                    let mut done = false;
                    let mut skipping = false;
                    for l in front.lines() {
                        if skipping && l.starts_with("  ") {
                            continue;
                        }
                        skipping = false;
                        if l.starts_with(&format!("{key}:")) {
                            out += &new_line;
                            done = true;
                            skipping = true;
                        } else {
                            out += l;
                            out.push('\n');
                        }
                    }
                    if !done {
                        out += &new_line;
                    }
                    front = out;
                }
                format!("---\n{front}---\n{body}")
            }
        };
        write(&self.root, &story.file(lang), &text);
    }

    fn step(&mut self) -> String {
        if let Some(rel) = self.broken.take() {
            std::fs::remove_file(self.root.join(rel)).unwrap_or_else(|e| panic!("{e}"));
            return "fix".into();
        }
        let op = self.rng.below(100);
        match op {
            0..=11 => {
                self.add();
                "add".into()
            }
            12..=25 => {
                self.edit("body");
                "body".into()
            }
            26..=43 => {
                let key = *self.rng.pick(&[
                    "title",
                    "summary",
                    "date",
                    "topics",
                    "countries",
                    "tags",
                    "authors",
                    "expires",
                    "aliases",
                    "corrections",
                    "image",
                ]);
                self.edit(key);
                format!("edit {key}")
            }
            46..=50 => {
                let Some(i) = self.random_story() else {
                    return "rename (none)".into();
                };
                self.serial += 1;
                let from = self.root.join(self.stories[i].folder());
                self.stories[i].name = format!("story-{}", self.serial);
                let to = self.root.join(self.stories[i].folder());
                std::fs::rename(from, to).unwrap_or_else(|e| panic!("{e}"));
                "rename".into()
            }
            51..=55 => {
                let Some(i) = self.random_story() else {
                    return "delete (none)".into();
                };
                let s = self.stories.remove(i);
                std::fs::remove_dir_all(self.root.join(s.folder()))
                    .unwrap_or_else(|e| panic!("{e}"));
                "delete".into()
            }
            56..=61 => {
                let Some(i) = self.random_story() else {
                    return "translate (none)".into();
                };
                if self.stories[i].langs.len() == 2 {
                    let lang = self.stories[i].langs.remove(self.rng.below(2));
                    std::fs::remove_file(self.root.join(self.stories[i].file(lang)))
                        .unwrap_or_else(|e| panic!("{e}"));
                    return "untranslate".into();
                }
                let lang = if self.stories[i].langs[0] == "ar" {
                    "en"
                } else {
                    "ar"
                };
                self.stories[i].langs.push(lang);
                self.write_article(i, lang);
                "translate".into()
            }
            62..=66 => {
                self.edit("draft");
                "draft".into()
            }
            67..=74 => {
                self.hours += 1 + self.rng.below(40) as i64;
                format!("clock {}", self.now())
            }
            75..=77 => {
                let card = std::fs::read_to_string(
                    Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/card.html"),
                )
                .unwrap_or_else(|e| panic!("{e}"));
                self.site_edits += 1;
                write(
                    &self.root,
                    "templates/card.html",
                    &format!("{card}<!-- edit {} -->\n", self.site_edits),
                );
                "template".into()
            }
            78..=80 => {
                self.site_edits += 1;
                write(
                    &self.root,
                    "locales/en/site.ftl",
                    &format!("latest-news = Latest news, edition {}\n", self.site_edits),
                );
                "locale".into()
            }
            81..=83 => {
                self.site_edits += 1;
                if self.rng.chance(50) {
                    self.path_urls = !self.path_urls;
                }
                let mut toml = site_toml().replace(
                    "title = \"Nashra\"",
                    &format!("title = \"Nashra {}\"", self.site_edits),
                );
                if self.path_urls {
                    toml =
                        toml.replace("feed_entries = 5\n", "feed_entries = 5\nurls = \"path\"\n");
                }
                write(&self.root, "site.toml", &toml);
                "site.toml".into()
            }
            84..=86 => {
                self.site_edits += 1;
                write(
                    &self.root,
                    &format!("static/files/note-{}.txt", self.site_edits % 3),
                    &format!("note {}\n", self.site_edits),
                );
                "static".into()
            }
            87..=89 => {
                let Some(i) = self.random_story() else {
                    return "picture (none)".into();
                };
                self.stories[i].picture = true;
                let (w, h) = [(64, 48), (80, 40), (48, 64)][self.rng.below(3)];
                let rel = format!("{}/lead.jpg", self.stories[i].folder());
                write_jpeg(&self.root, &rel, w, h);
                let lang = self.stories[i].langs[0];
                self.edit("image");
                let _ = lang;
                "picture".into()
            }
            90..=93 => {
                // new times, same bytes: nothing to build
                for s in &self.stories {
                    for lang in &s.langs {
                        let p = self.root.join(s.file(lang));
                        if let Ok(t) = std::fs::read(&p) {
                            std::fs::write(&p, t).unwrap_or_else(|e| panic!("{e}"));
                        }
                    }
                }
                "touch".into()
            }
            44 | 45 => {
                // a breaking-news alert published, replaced or taken down (alerts.toml): its
                // start and expiry around the build time, so that clock steps cross them
                if self.rng.chance(30) {
                    let _ = std::fs::remove_file(self.root.join("alerts.toml"));
                    return "alert removed".into();
                }
                self.site_edits += 1;
                let lang = *self.rng.pick(&["ar", "en"]);
                let (from, to) = (self.rng.below(6) as i64 - 3, 4 + self.rng.below(40) as i64);
                let (start, expires) = (self.at(from), self.at(to));
                write(
                    &self.root,
                    "alerts.toml",
                    &format!(
                        "[[alert]]\nlang = \"{lang}\"\ntext = \"Alert {}\"\nlink = \"/{lang}/\"\nstart = \"{start}\"\nexpires = \"{expires}\"\n",
                        self.site_edits
                    ),
                );
                "alert".into()
            }
            94..=96 => "nothing".into(),
            97 | 98 => {
                // an error (both builds refuse it alike and keep the old output; watch too),
                // taken back by the next step
                let rel = format!("content/2025/11/broken-{}.en.md", self.serial);
                write(
                    &self.root,
                    &rel,
                    "---\ntitle: Broken\ndate: 2025-11-02\ntopics: [securty]\n---\nText.\n",
                );
                self.broken = Some(rel);
                "error".into()
            }
            _ => {
                // the same length, other bytes, right after the last build
                let Some(i) = self.random_story() else {
                    return "same-size (none)".into();
                };
                let lang = self.stories[i].langs[0];
                let p = self.root.join(self.stories[i].file(lang));
                if let Ok(t) = std::fs::read_to_string(&p) {
                    let swapped = if t.contains(".\n") {
                        t.replacen(".\n", "!\n", 1)
                    } else {
                        t
                    };
                    std::fs::write(&p, swapped).unwrap_or_else(|e| panic!("{e}"));
                }
                "same-size".into()
            }
        }
    }
}

/// Builds the site (`--fresh` or not): what the cache decided or the errors, the warnings
/// (sorted, each once) and the time it took.
fn build_warned(
    root: &Path,
    out: &Path,
    now: &str,
    fresh: bool,
) -> (Result<CacheUse, Vec<String>>, Vec<String>, u64) {
    let diags = Diagnostics::new();
    let started = std::time::Instant::now();
    let r = nashra::build::build(
        &BuildOptions {
            root: root.to_path_buf(),
            output: Some(out.to_path_buf()),
            now: Some(now.to_string()),
            fresh,
            ..Default::default()
        },
        &diags,
    );
    let ms = started.elapsed().as_millis() as u64;
    let mut warnings: Vec<String> = diags
        .snapshot()
        .iter()
        .filter(|d| d.severity == nashra::diagnostics::Severity::Warning)
        .map(|d| d.to_string())
        .collect();
    warnings.sort();
    warnings.dedup();
    match r {
        Ok(report) => (Ok(report.cache.unwrap_or(CacheUse::Fresh)), warnings, ms),
        Err(_) => {
            let mut errors: Vec<String> = diags
                .snapshot()
                .iter()
                .filter(|d| d.severity == nashra::diagnostics::Severity::Error)
                .map(|d| d.to_string())
                .collect();
            errors.sort();
            (Err(errors), warnings, ms)
        }
    }
}

/// Every input file and folder of the site with its bytes (folders: none), to tell which paths an
/// edit touched, as the file watcher would report them to `watch`.
fn inputs(root: &Path) -> std::collections::BTreeMap<PathBuf, Option<Vec<u8>>> {
    let mut out = std::collections::BTreeMap::new();
    for top in [
        "site.toml",
        "authors.toml",
        "alerts.toml",
        "content",
        "templates",
        "locales",
        "static",
    ] {
        let p = root.join(top);
        if !p.exists() {
            continue;
        }
        for e in walkdir::WalkDir::new(&p) {
            let e = e.unwrap_or_else(|e| panic!("{e}"));
            let bytes = e
                .file_type()
                .is_file()
                .then(|| std::fs::read(e.path()).unwrap_or_else(|e| panic!("{e}")));
            out.insert(e.path().to_path_buf(), bytes);
        }
    }
    out
}

fn touched(
    before: &std::collections::BTreeMap<PathBuf, Option<Vec<u8>>>,
    after: &std::collections::BTreeMap<PathBuf, Option<Vec<u8>>>,
) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = before
        .iter()
        .filter(|(k, v)| after.get(*k) != Some(v))
        .map(|(k, _)| k.clone())
        .collect();
    paths.extend(after.keys().filter(|k| !before.contains_key(*k)).cloned());
    paths.sort();
    paths
}

/// Compares two output trees, the `.nashra` manifest left out when `manifest` is false (`watch`
/// appends what it wrote to it; a build writes it sorted).
fn same_tree(a_dir: &Path, b_dir: &Path, manifest: bool, context: &str) {
    let mut a = tree(a_dir);
    let mut b = tree(b_dir);
    if !manifest {
        a.remove(Path::new(".nashra"));
        b.remove(Path::new(".nashra"));
    }
    let only_a: Vec<_> = a.keys().filter(|k| !b.contains_key(*k)).collect();
    let only_b: Vec<_> = b.keys().filter(|k| !a.contains_key(*k)).collect();
    assert!(
        only_a.is_empty() && only_b.is_empty(),
        "{context}: files only in the incremental output: {only_a:?}; only in the full build: {only_b:?}"
    );
    for (k, v) in &b {
        if a.get(k) != Some(v) {
            let mine =
                String::from_utf8_lossy(a.get(k).map_or(&[][..], Vec::as_slice)).into_owned();
            let full = String::from_utf8_lossy(v).into_owned();
            let lines: Vec<(&str, &str)> = mine.lines().zip(full.lines()).collect();
            let first = lines
                .iter()
                .position(|(x, y)| x != y)
                .map(|i| {
                    let (x, y) = lines[i];
                    let before = if i > 0 { lines[i - 1].1 } else { "" };
                    format!("after: {before}\nincremental: {x}\nfull build:  {y}")
                })
                .unwrap_or_else(|| {
                    format!(
                        "{} against {} lines",
                        mine.lines().count(),
                        full.lines().count()
                    )
                });
            panic!(
                "{context}: {} differs from a full build; first difference:\n{first}",
                k.display()
            );
        }
    }
}

fn start_watch(root: &Path, out: &Path, now: &str) -> Option<nashra::serve::session::Session> {
    let diags = Diagnostics::new();
    nashra::serve::session::Session::start(
        BuildOptions {
            root: root.to_path_buf(),
            output: Some(out.to_path_buf()),
            now: Some(now.to_string()),
            fresh: true,
            ..Default::default()
        },
        &diags,
    )
    .ok()
}

fn run(seed: u64, steps: usize) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let root = dir.path().join("site");
    let inc_out = dir.path().join("inc");
    let full_out = dir.path().join("full");
    let watch_out = dir.path().join("watch");
    write(&root, "site.toml", &site_toml());
    write(&root, "authors.toml", AUTHORS);
    let mut sim = Sim {
        root: root.clone(),
        rng: Rng(seed),
        stories: Vec::new(),
        serial: 0,
        hours: 0,
        site_edits: 0,
        path_urls: false,
        broken: None,
    };
    for _ in 0..12 {
        sim.add();
    }
    let mut last_good: Option<std::collections::BTreeMap<PathBuf, Vec<u8>>> = None;
    let mut session = start_watch(&root, &watch_out, &sim.now());
    let mut session_now = sim.now();
    let mut watched = 0;
    let mut unchanged = 0;
    let mut partial = 0;
    let mut kinds = std::collections::BTreeMap::<String, usize>::new();
    for step in 0..=steps {
        let before = inputs(&root);
        let what = if step == 0 {
            "start".into()
        } else {
            sim.step()
        };
        let paths = touched(&before, &inputs(&root));
        *kinds
            .entry(what.split(' ').next().unwrap_or("").to_string())
            .or_default() += 1;
        let now = sim.now();
        let (inc, inc_warnings, _) = build_warned(&root, &inc_out, &now, false);
        let (full, full_warnings, _) = build_warned(&root, &full_out, &now, true);
        let context = format!("seed {seed}, step {step} ({what}), --now {now:?}");
        match (&inc, &full) {
            (Ok(use_), Ok(_)) => {
                assert_eq!(
                    inc_warnings, full_warnings,
                    "{context}: the cached build ({use_:?}) warned otherwise than a full build"
                );
                if *use_ == CacheUse::Unchanged {
                    unchanged += 1;
                }
                if matches!(use_, CacheUse::Partial { .. }) {
                    partial += 1;
                }
                if what == "nothing" && std::env::var_os("NASHRA_DIFF_DEBUG").is_some() {
                    eprintln!("{context}: {use_:?}");
                }
                same_tree(
                    &inc_out,
                    &full_out,
                    true,
                    &format!("{context}, build (cache: {use_:?})"),
                );
                last_good = Some(tree(&inc_out));
                // watch: the same edit as the file watcher reports it; a new build time is a
                // new session (watch rebuilds everything at the time it scheduled)
                if session_now != now || session.is_none() {
                    session = start_watch(&root, &watch_out, &now);
                    session_now = now.clone();
                } else if let Some(s) = session.as_mut() {
                    let diags = Diagnostics::new();
                    if s.apply(&paths, &diags).is_err() {
                        panic!(
                            "{context}: watch failed where build did not: {:?}",
                            diags.snapshot()
                        );
                    }
                }
                if session.is_some() {
                    same_tree(&watch_out, &full_out, false, &format!("{context}, watch"));
                    watched += 1;
                }
            }
            (Err(e1), Err(e2)) => {
                if std::env::var_os("NASHRA_DIFF_DEBUG").is_some() {
                    eprintln!("{context}: failed: {e1:?}");
                }
                assert_eq!(e1, e2, "{context}: the two builds failed differently");
                // (a new build time alone is no event for `watch`: it rebuilds at the time the
                // last build scheduled, which a later successful step restarts it for)
                if let Some(s) = session
                    .as_mut()
                    .filter(|_| !paths.is_empty() && session_now == now)
                {
                    let diags = Diagnostics::new();
                    assert!(
                        s.apply(&paths, &diags).is_err(),
                        "{context}: watch accepted what build refused (touched {paths:?})"
                    );
                }
                if let Some(old) = &last_good {
                    assert!(
                        tree(&inc_out) == *old,
                        "{context}: a failed build changed the output"
                    );
                }
            }
            _ => panic!("{context}: cached build {inc:?}, full build {full:?}"),
        }
    }
    // the sequence must have exercised both paths
    assert!(
        unchanged > 5,
        "seed {seed}: only {unchanged} unchanged builds; {kinds:?}"
    );
    assert!(
        partial > steps / 4,
        "seed {seed}: only {partial} builds kept pages of the last one; {kinds:?}"
    );
    assert!(
        watched > steps / 2,
        "seed {seed}: watch compared only {watched} times"
    );
    eprintln!(
        "seed {seed}: {steps} steps, {unchanged} unchanged builds, {partial} that kept pages, {watched} watch comparisons, {kinds:?}"
    );
}

#[test]
fn cached_builds_match_full_builds_over_300_random_edits() {
    let seed = std::env::var("NASHRA_DIFF_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20_261_207);
    let steps = std::env::var("NASHRA_DIFF_STEPS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(300);
    run(seed, steps);
}

#[test]
fn an_unchanged_site_is_not_built_again_and_json_lists_the_changes() {
    let site = common::minimal_site();
    let root = site.path();
    let json = |args: &[&str]| -> serde_json::Value {
        let mut all = vec!["build", "--format", "json", "--now", "2025-12-01 08:00"];
        all.extend_from_slice(args);
        let run = nashra(root, &all);
        assert_eq!(run.code, 0, "{}", run.stderr);
        serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.stdout))
    };
    let first = json(&[]);
    assert_eq!(first["cache"]["unchanged"], false);
    let files = first["files"].as_u64().unwrap_or(0) as usize;
    assert_eq!(first["written"].as_array().map(Vec::len), Some(files));
    let second = json(&[]);
    assert_eq!(second["cache"]["unchanged"], true, "{second}");
    assert_eq!(second["written"].as_array().map(Vec::len), Some(0));
    assert_eq!(second["unchanged"].as_array().map(Vec::len), Some(files));
    // every source written again with its bytes (a fresh checkout): new times, same site
    for entry in walkdir::WalkDir::new(root.join("content")) {
        let entry = entry.unwrap_or_else(|e| panic!("{e}"));
        if entry.file_type().is_file() {
            let bytes = std::fs::read(entry.path()).unwrap_or_else(|e| panic!("{e}"));
            std::fs::remove_file(entry.path()).unwrap_or_else(|e| panic!("{e}"));
            std::fs::write(entry.path(), bytes).unwrap_or_else(|e| panic!("{e}"));
        }
    }
    let checkout = json(&[]);
    assert_eq!(checkout["cache"]["unchanged"], true, "{checkout}");
    // one article edited: its page and what lists it are written, the rest kept
    write(
        root,
        "content/2025/11/summit.en.md",
        &common::ARTICLE_EN.replace("The article.", "The article, corrected."),
    );
    let third = json(&[]);
    assert_eq!(
        third["cache"]["why"], "content/2025/11/summit.en.md changed",
        "{third}"
    );
    let written: Vec<&str> = third["written"]
        .as_array()
        .map(|a| a.iter().filter_map(|v| v.as_str()).collect())
        .unwrap_or_default();
    assert!(
        written.contains(&"en/2025/11/summit/index.html"),
        "{written:?}"
    );
    assert!(
        !written.contains(&"ar/2025/11/summit/index.html"),
        "{written:?}"
    );
    assert!(third["unchanged"].as_array().map_or(0, Vec::len) > 10);
    // an article deleted: its page is listed as removed
    std::fs::remove_file(root.join("content/2025/11/summit.en.md"))
        .unwrap_or_else(|e| panic!("{e}"));
    let fourth = json(&[]);
    let removed: Vec<&str> = fourth["removed"]
        .as_array()
        .map(|a| a.iter().filter_map(|v| v.as_str()).collect())
        .unwrap_or_default();
    assert!(
        removed.contains(&"en/2025/11/summit/index.html"),
        "{removed:?}"
    );
    // --fresh builds everything although nothing changed
    let fresh = json(&["--fresh"]);
    assert_eq!(fresh["cache"]["why"], "--fresh");
    // text mode says the site is up to date
    let run = nashra(root, &["build", "--now", "2025-12-01 08:00"]);
    assert!(run.stderr.contains("up to date"), "{}", run.stderr);
    // a page of the output edited by hand: the next build notices and writes it again
    let front = root.join("public/en/index.html");
    let good = std::fs::read(&front).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(&front, "defaced").unwrap_or_else(|e| panic!("{e}"));
    let again = json(&[]);
    assert_eq!(
        again["cache"]["why"], "en/index.html in the output was changed since the last build",
        "{again}"
    );
    assert_eq!(std::fs::read(&front).unwrap_or_default(), good);
}

#[test]
fn warnings_of_an_unchanged_build_are_shown_again_and_strict_still_fails() {
    let site = common::minimal_site();
    let root = site.path();
    write(
        root,
        "content/2025/11/odd.en.md",
        "---\ntitle: Odd\ndate: 2025-11-20\nmood: cheerful\n---\nBody.\n",
    );
    let first = nashra(root, &["build", "--now", "2025-12-01 08:00"]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    assert!(first.stderr.contains("mood"), "{}", first.stderr);
    let second = nashra(root, &["build", "--now", "2025-12-01 08:00"]);
    assert!(second.stderr.contains("up to date"), "{}", second.stderr);
    assert!(second.stderr.contains("mood"), "{}", second.stderr);
    let strict = nashra(root, &["build", "--strict", "--now", "2025-12-01 08:00"]);
    assert_eq!(strict.code, 1, "{}", strict.stderr);
}

#[test]
fn an_embargo_lifting_ends_the_unchanged_span() {
    let site = common::minimal_site();
    let root = site.path();
    write(
        root,
        "content/2025/12/later.en.md",
        "---\ntitle: Later\ndate: 2025-12-01 09:00\n---\nBody.\n",
    );
    let at = |now: &str| nashra(root, &["build", "--now", now]);
    let before = at("2025-12-01 08:00");
    assert_eq!(before.code, 0, "{}", before.stderr);
    assert!(!root.join("public/en/2025/12/later/index.html").exists());
    assert!(at("2025-12-01 08:59").stderr.contains("up to date"));
    let after = at("2025-12-01 09:00");
    assert!(after.stderr.contains("embargo"), "{}", after.stderr);
    assert!(root.join("public/en/2025/12/later/index.html").exists());
}

#[test]
fn a_damaged_or_truncated_state_means_a_full_build_that_says_why() {
    let site = common::minimal_site();
    let root = site.path();
    let args = ["build", "--now", "2025-12-01 08:00"];
    assert_eq!(nashra(root, &args).code, 0);
    let dir = root.join(".nashra-cache/build");
    let state = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{e}"))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "state"))
        .unwrap_or_else(|| panic!("no state in {}", dir.display()));
    let bytes = std::fs::read(&state).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(&state, &bytes[..bytes.len() / 2]).unwrap_or_else(|e| panic!("{e}"));
    let run = nashra(root, &args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("building everything") && run.stderr.contains("damaged or truncated"),
        "{}",
        run.stderr
    );
    assert!(nashra(root, &args).stderr.contains("up to date"));
    // a state whose checksum matches but whose jobs do not read (only a nashra bug could write
    // one): the build that would reuse pages builds everything instead, and says why
    let edit = |text: &str| {
        write(
            root,
            "content/2025/11/summit.en.md",
            &common::ARTICLE_EN.replace("The article.", text),
        )
    };
    let mut s = nashra::incremental::state::read(&state)
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("no state"));
    s.tail = nashra::incremental::state::Tail::Raw(b"not jobs".to_vec());
    nashra::incremental::state::write(&state, &s).unwrap_or_else(|e| panic!("{e}"));
    edit("The article, corrected.");
    let run = nashra(root, &args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("building everything")
            && run
                .stderr
                .contains("it is damaged (a field is out of range)"),
        "{}",
        run.stderr
    );
    // search records that do not read are made again: the index is a full build's
    let mut s = nashra::incremental::state::read(&state)
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("no state"));
    let mut parts = s.tail.into_parts().unwrap_or_else(|e| panic!("{e}"));
    assert!(!parts.records.is_empty(), "the site has search");
    parts.records = b"not records".to_vec();
    s.tail = nashra::incremental::state::Tail::Parts(parts);
    nashra::incremental::state::write(&state, &s).unwrap_or_else(|e| panic!("{e}"));
    edit("The article, corrected twice.");
    let run = nashra(root, &args);
    assert!(
        run.stderr.contains("building what changed"),
        "{}",
        run.stderr
    );
    let full = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = full.path().join("out");
    let out_arg = out.to_string_lossy().into_owned();
    let run = nashra(root, &[&args[..], &["--output", &out_arg]].concat());
    assert_eq!(run.code, 0, "{}", run.stderr);
    let search = |dir: &Path| {
        tree(dir)
            .into_iter()
            .filter(|(p, _)| p.starts_with("en/search"))
            .collect::<Vec<_>>()
    };
    let cached = search(&root.join("public"));
    assert!(!cached.is_empty());
    assert_eq!(cached, search(&out));
    // someone else's file in its place
    std::fs::write(&state, "not a state").unwrap_or_else(|e| panic!("{e}"));
    let run = nashra(root, &args);
    assert!(
        run.stderr.contains("not written by nashra"),
        "{}",
        run.stderr
    );
    // an output changed by another build (another option) is not trusted
    assert_eq!(
        nashra(root, &["build", "--now", "2025-12-01 08:00", "--drafts"]).code,
        0
    );
    let run = nashra(root, &args);
    assert!(run.stderr.contains("building everything"), "{}", run.stderr);
}

#[cfg(unix)]
#[test]
fn a_committed_link_at_the_build_cache_is_refused_and_nothing_is_written_through_it() {
    let site = common::minimal_site();
    let root = site.path();
    let elsewhere = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    std::fs::create_dir_all(root.join(".nashra-cache")).unwrap_or_else(|e| panic!("{e}"));
    std::os::unix::fs::symlink(elsewhere.path(), root.join(".nashra-cache/build"))
        .unwrap_or_else(|e| panic!("{e}"));
    let run = nashra(root, &["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("refusing to follow the symbolic link")
            && run.stderr.contains(".nashra-cache/build"),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read_dir(elsewhere.path())
            .map(|d| d.count())
            .unwrap_or(1),
        0,
        "something was written through the link"
    );
    assert!(!root.join("public").exists(), "the build went on");
    // a link in place of the state file itself: replaced, its target untouched
    std::fs::remove_file(root.join(".nashra-cache/build")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(nashra(root, &["build"]).code, 0);
    let state = std::fs::read_dir(root.join(".nashra-cache/build"))
        .unwrap_or_else(|e| panic!("{e}"))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "state"))
        .unwrap_or_else(|| panic!("no state"));
    let victim = elsewhere.path().join("victim.txt");
    std::fs::write(&victim, "keep me").unwrap_or_else(|e| panic!("{e}"));
    std::fs::remove_file(&state).unwrap_or_else(|e| panic!("{e}"));
    std::os::unix::fs::symlink(&victim, &state).unwrap_or_else(|e| panic!("{e}"));
    write(
        root,
        "content/2025/11/new.en.md",
        "---\ntitle: New\ndate: 2025-11-28\n---\nNew.\n",
    );
    let run = nashra(root, &["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(common::read(&victim), "keep me");
    assert!(!std::fs::symlink_metadata(&state)
        .map(|m| m.file_type().is_symlink())
        .unwrap_or(true));
}

#[test]
fn only_the_last_four_outputs_keep_a_state() {
    let site = common::minimal_site();
    let root = site.path();
    for i in 0..6 {
        let out = format!("out-{i}");
        let run = nashra(
            root,
            &["build", "--output", &out, "--now", "2025-12-01 08:00"],
        );
        assert_eq!(run.code, 0, "{}", run.stderr);
        // distinct modification times, so "the most recent" is well defined
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let states = std::fs::read_dir(root.join(".nashra-cache/build"))
        .unwrap_or_else(|e| panic!("{e}"))
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".state"))
        .count();
    assert_eq!(states, 4);
    // the newest output still has its state; the oldest has lost it
    let newest = nashra(
        root,
        &["build", "--output", "out-5", "--now", "2025-12-01 08:00"],
    );
    assert!(newest.stderr.contains("up to date"), "{}", newest.stderr);
    let oldest = nashra(
        root,
        &["build", "--output", "out-0", "--now", "2025-12-01 08:00"],
    );
    assert!(!oldest.stderr.contains("up to date"), "{}", oldest.stderr);
}

#[cfg(unix)]
#[test]
fn a_committed_link_at_the_state_s_temporary_file_is_not_written_through() {
    let site = common::minimal_site();
    let root = site.path();
    assert_eq!(nashra(root, &["build"]).code, 0);
    let dir = root.join(".nashra-cache/build");
    let state = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{e}"))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "state"))
        .unwrap_or_else(|| panic!("no state in {}", dir.display()));
    let name = state
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let elsewhere = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let victim = elsewhere.path().join("victim.txt");
    std::fs::write(&victim, "keep me").unwrap_or_else(|e| panic!("{e}"));
    std::os::unix::fs::symlink(&victim, dir.join(format!(".{name}.tmp")))
        .unwrap_or_else(|e| panic!("{e}"));
    write(
        root,
        "content/2025/11/new.en.md",
        "---\ntitle: New\ndate: 2025-11-28\n---\nNew.\n",
    );
    let run = nashra(root, &["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(common::read(&victim), "keep me");
    // the state was written, and the next build uses it
    assert!(nashra(root, &["build"]).stderr.contains("up to date"));
}

/// A site whose content and output have many more folders than a process may have open files
/// (a page bundle per article, as Hugo sites are imported): listing them (the cache's walk of the
/// inputs, the staging folder's index of the old output) must not hold a folder open per folder.
/// Run with `ulimit -n 100`; the old listing kept every folder open and failed with "Too many
/// open files".
#[test]
fn folders_beyond_the_open_file_limit_are_listed() {
    let dir = common::minimal_site();
    let root = dir.path();
    for i in 0..260 {
        common::write(
            root,
            &format!("content/2025/11/story-{i}/index.en.md"),
            &format!("---\ntitle: \"Story {i}\"\ndate: 2025-11-20 10:00\ntopics: [economy]\n---\n\nText {i}.\n"),
        );
    }
    let limited = |args: &str| {
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!(
                "ulimit -n 100 && exec '{}' build {args}",
                env!("CARGO_BIN_EXE_nashra")
            ))
            .current_dir(root)
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(out.status.success(), "build {args}: {stderr}");
        stderr
    };
    limited("");
    let folders = walkdir::WalkDir::new(root.join("public"))
        .into_iter()
        .filter(|e| e.as_ref().is_ok_and(|e| e.file_type().is_dir()))
        .count();
    assert!(folders > 300, "only {folders} folders in the output");
    // into the full output: the old output is listed, and the inputs walked
    common::write(
        root,
        "content/2025/11/story-7/index.en.md",
        "---\ntitle: \"Story 7, corrected\"\ndate: 2025-11-20 10:00\ntopics: [economy]\n---\n\nText 7.\n",
    );
    let again = limited("");
    assert!(again.contains("building what changed"), "{again}");
    limited("--fresh");
    assert!(
        common::read(&root.join("public/en/2025/11/story-7/index.html"))
            .contains("Story 7, corrected")
    );
}

/// A correction parses one body: the other articles' pages are known unchanged from their
/// Markdown hash and the answers to their questions (README: "not parsed for its page"), and
/// their search records come from the state. The site's feed has 3 entries, the only other
/// readers of bodies.
#[test]
fn a_correction_parses_only_the_corrected_body_and_the_feeds() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let root = dir.path();
    // with search: the language's index is made again, from the other articles' records as the
    // last build kept them
    write(
        root,
        "site.toml",
        &common::SITE_TOML.replacen("topics = ", "feed_entries = 3\ntopics = ", 1),
    );
    let article = |i: usize, text: &str| {
        format!("---\ntitle: \"Story {i}\"\ndate: 2025-11-{:02} 10:00\n---\n\n{text} See [story 1](story-1.en.md).\n", i + 1)
    };
    for i in 0..20 {
        write(
            root,
            &format!("content/2025/11/story-{i}.en.md"),
            &article(i, "Text."),
        );
    }
    let build = || {
        let diags = Diagnostics::new();
        nashra::build::build(
            &BuildOptions {
                root: root.to_path_buf(),
                now: Some("2025-12-01 08:00".into()),
                ..Default::default()
            },
            &diags,
        )
        .unwrap_or_else(|_| panic!("{:?}", diags.snapshot()))
    };
    assert_eq!(build().bodies_parsed, 20);
    write(
        root,
        "content/2025/11/story-4.en.md",
        &article(4, "Text, corrected."),
    );
    let report = build();
    assert!(
        matches!(report.cache, Some(CacheUse::Partial { .. })),
        "{:?}",
        report.cache
    );
    // story 4 and the three newest (stories 17-19) in the language's feed
    assert_eq!(report.bodies_parsed, 4);
    assert!(
        report
            .changes
            .written
            .iter()
            .any(|f| f.starts_with("en/search/")),
        "the index was made again: {:?}",
        report.changes.written
    );
    let page = common::read(&root.join("public/en/2025/11/story-4/index.html"));
    assert!(page.contains("Text, corrected."), "{page}");
}

/// Issue 33.2: publishing or removing an alert rewrites its language's front page and
/// `alert.json` and keeps every other page; an alert's expiry ends the unchanged span; each cached
/// build equals a full build byte for byte.
#[test]
fn an_alert_rewrites_only_the_front_page_and_alert_json() {
    let site = common::minimal_site();
    let root = site.path();
    let fresh = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let json = |now: &str| -> serde_json::Value {
        let run = nashra(root, &["build", "--format", "json", "--now", now]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let full = nashra(
            root,
            &[
                "build",
                "--fresh",
                "--now",
                now,
                "--output",
                &fresh.path().join("out").to_string_lossy(),
            ],
        );
        assert_eq!(full.code, 0, "{}", full.stderr);
        same_tree(
            &root.join("public"),
            &fresh.path().join("out"),
            false,
            &format!("alerts at {now}"),
        );
        serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.stdout))
    };
    let written = |v: &serde_json::Value| -> Vec<String> {
        let mut w: Vec<String> = v["written"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|s| s.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default();
        w.sort();
        w
    };
    json("2025-12-01 08:00");
    write(
        root,
        "alerts.toml",
        "[[alert]]\nlang = \"en\"\ntext = \"Breaking: a ceasefire\"\nexpires = \"2025-12-01 12:00\"\n",
    );
    let published = json("2025-12-01 08:00");
    assert_eq!(
        published["cache"]["why"], "alerts.toml is new",
        "{published}"
    );
    assert_eq!(
        written(&published),
        ["en/alert.json", "en/index.html"],
        "{published}"
    );
    assert!(read(&root.join("public/en/index.html")).contains("Breaking: a ceasefire"));
    // the expiry ends the span the output stays right for
    let up_to_date = nashra(root, &["build", "--now", "2025-12-01 11:59"]);
    assert!(
        up_to_date.stderr.contains("up to date"),
        "{}",
        up_to_date.stderr
    );
    let expired = json("2025-12-01 12:00");
    assert_eq!(
        written(&expired),
        ["en/alert.json", "en/index.html"],
        "{expired}"
    );
    assert!(!read(&root.join("public/en/index.html")).contains("a ceasefire"));
    // removed before it expires
    json("2025-12-01 08:00");
    std::fs::remove_file(root.join("alerts.toml")).unwrap_or_else(|e| panic!("{e}"));
    let removed = json("2025-12-01 08:00");
    assert_eq!(
        written(&removed),
        ["en/alert.json", "en/index.html"],
        "{removed}"
    );
}
