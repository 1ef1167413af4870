//! The `build` pipeline: config → locales → content → model → render → output.
//!
//! [`build`] runs the stages in order, collecting every problem into one [`Diagnostics`]; it
//! writes into a staging folder and swaps it in only when there were no errors, so a failed
//! build leaves the previous output untouched. `watch` and `check` call the same stages.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::config::{self, Config};
use crate::content::{self, LoadOptions};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::i18n::Localizer;
use crate::model::{self, Site};
use crate::output::{self, Staging};
use crate::progress::Progress;
use crate::render::{self, view, Renderer};

/// What the user asked for.
#[derive(Clone, Debug, Default)]
pub struct BuildOptions {
    pub root: PathBuf,
    /// Overrides `output_dir` (relative to the current folder, like any command-line path).
    pub output: Option<PathBuf>,
    pub base_url: Option<String>,
    pub drafts: bool,
    /// Warnings are errors.
    pub strict: bool,
    /// Wait for another nashra process writing the same output instead of failing at once.
    pub wait: bool,
    /// Publish articles dated after the build time.
    pub future: bool,
    /// The build time (a front matter date form); default `NASHRA_NOW`, else the clock.
    pub now: Option<String>,
    /// Show progress on stderr when it is a terminal (`build` in text mode).
    pub progress: bool,
    /// The output folder may be a symbolic link (`--follow-output-link`: the owner says so).
    pub follow_output_link: bool,
    /// Ignore the build cache: build everything (`--fresh`); the state is still written.
    pub fresh: bool,
}

impl BuildOptions {
    fn request(&self) -> LoadRequest<'_> {
        LoadRequest {
            base_url: self.base_url.as_deref(),
            drafts: self.drafts,
            future: self.future,
            now: self.now.as_deref(),
        }
    }
}

/// What the loading stages need to know of the command line.
#[derive(Clone, Copy, Debug, Default)]
pub struct LoadRequest<'a> {
    pub base_url: Option<&'a str>,
    pub drafts: bool,
    pub future: bool,
    /// The build time as written (`--now`); `None`: `NASHRA_NOW`, else the clock.
    pub now: Option<&'a str>,
}

/// What a finished build did.
#[derive(Clone, Debug)]
pub struct BuildReport {
    pub output: PathBuf,
    /// (language, articles, pages)
    pub per_language: Vec<(String, usize, usize)>,
    pub files: usize,
    pub elapsed: Duration,
    /// Drafts, scheduled and expired articles left out, and the next scheduled change.
    pub held: content::Held,
    /// Pictures decoded by this build, and pictures whose renditions came from the cache.
    pub images_decoded: usize,
    pub images_cached: usize,
    /// How many times a Markdown body was parsed while rendering: once per published document
    /// (its page, feed entries and search record share the parse).
    pub bodies_parsed: usize,
    /// nashra's files in the output: written, unchanged, removed.
    pub changes: output::Changes,
    /// What the build cache decided (`None`: not asked, as for `watch`).
    pub cache: Option<CacheUse>,
}

/// What the build cache (`.nashra-cache/build/`) decided.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CacheUse {
    /// Nothing changed since the last build into this output: nothing was written.
    Unchanged,
    /// Everything was built; why the last build's result could not be used.
    Full(String),
    /// `--fresh`: the cache was not read.
    Fresh,
    /// No build into this output has left a state yet.
    First,
    /// Inputs changed, and only the pages they reach were rendered: why, and how many of the
    /// build's render jobs kept the last build's files (of how many).
    Partial {
        why: String,
        kept: usize,
        jobs: usize,
    },
}

/// A build that did not finish; the reasons are in the run's [`Diagnostics`].
pub use crate::diagnostics::Failed as BuildFailed;

/// Everything up to the site model, shared by `build`, `check` and `watch`.
pub struct Loaded {
    pub site: Site,
    pub l10n: Arc<Localizer>,
    /// Every content file's parse result (kept by `watch` to re-read only what changes).
    pub files: content::Files,
    /// What the publication rules left out.
    pub held: content::Held,
    /// The files of `static/`, built-in and the site's, to copy.
    pub statics: Vec<crate::theme::ThemeFile>,
}

/// The build time: `--now`, else `NASHRA_NOW`, else the clock; written like a front matter date
/// (in the site's time zone unless it has an offset).
pub fn build_time(now: Option<&str>, config: &Config) -> Result<jiff::Timestamp, Diagnostic> {
    let (text, from) = match now {
        Some(t) => (t.to_string(), "--now"),
        None => match std::env::var("NASHRA_NOW") {
            Ok(t) if !t.trim().is_empty() => (t, "NASHRA_NOW"),
            _ => return Ok(jiff::Timestamp::now()),
        },
    };
    content::dates::parse(&text, &config.timezone)
        .map(|d| d.timestamp())
        .map_err(|(msg, help)| Diagnostic::error("usage", format!("{from}: {msg}")).help(help))
}

/// Runs the loading stages. `None` if a stage could not produce its result.
pub fn load(root: &Path, req: LoadRequest<'_>, diags: &Diagnostics) -> Option<Loaded> {
    let t = std::time::Instant::now();
    let timings = std::env::var_os("NASHRA_TIMINGS").is_some();
    let config = load_config(root, req.base_url, diags)?;
    let l10n = Localizer::load(root, &config, diags);
    if timings {
        eprintln!("timing: config + locales {:?}", t.elapsed());
    }
    let files = content::load_files(root, &config, diags);
    if timings {
        eprintln!("timing: content {:?}, {} MiB", t.elapsed(), rss_mib());
    }
    diags.extend(files.diagnostics(req.drafts));
    // static/ (built-in overlaid with the site's) is walked once: its refused names and links are
    // reported with the content's, the list serves the collision check and the copy
    let mut statics = crate::theme::overlay(
        root,
        crate::theme::Layer::Static,
        config.follow_symlinks,
        diags,
    );
    if !config.fonts {
        // `fonts = false`: the theme's webfonts are not published (a site's own fonts/ files are)
        statics.retain(|f| !(f.is_builtin() && f.name.starts_with("fonts/")));
    }
    let l10n = Arc::new(l10n?);
    check_topic_names(&config, &l10n, diags);
    let now = match build_time(req.now, &config) {
        Ok(t) => t,
        Err(d) => {
            diags.push(d);
            return None;
        }
    };
    let opts = LoadOptions {
        drafts: req.drafts,
        future: req.future,
        now,
    };
    let content = files.content(&opts);
    let held = content.held.clone();
    let authors = crate::authors::load(root, &config, diags);
    let mut site = model::build_with(config, content, authors, diags, None);
    site.alerts = crate::alerts::load(root, &site.config, diags);
    let mut held = held;
    // an alert's start or expiry is a scheduled change too
    if let Some(t) = crate::alerts::next_change(&site.alerts, now)
        .filter(|&t| held.next.as_ref().is_none_or(|(n, _)| t < n.timestamp()))
    {
        let zoned = t.to_zoned_datetime(site.config.timezone.clone());
        let at = content::dates::PubDate {
            zoned,
            has_time: true,
        };
        held.next = Some((at, PathBuf::from(crate::alerts::ALERTS_FILE)));
    }
    if timings {
        eprintln!("timing: model {:?}, {} MiB", t.elapsed(), rss_mib());
    }
    if let Err(d) = crate::media::check_cache_dir(root, &site.config.images) {
        diags.push(d);
        return None;
    }
    site.media = Arc::new(crate::media::process(root, &site, diags));
    if timings {
        eprintln!(
            "timing: media {:?} ({} pictures decoded, {} from the cache), {} MiB",
            t.elapsed(),
            site.media.decoded,
            site.media.cached,
            rss_mib()
        );
    }
    Some(Loaded {
        site,
        l10n,
        files,
        held,
        statics,
    })
}

/// site.toml, with `--base-url` applied.
fn load_config(root: &Path, base_url: Option<&str>, diags: &Diagnostics) -> Option<Config> {
    let mut config: Config = config::load(root, diags)?;
    if let Some(url) = base_url {
        if let Err(msg) = config.set_base_url(url) {
            diags.push(Diagnostic::error("usage", format!("--base-url: {msg}")));
            return None;
        }
    }
    Some(config)
}

/// What a build checks and takes before it touches `output`: nashra's own paths are never
/// links (the output only when the owner says so), and one writer per output folder, held
/// until the build (or `watch`) is done.
fn claim_output(
    opts: &BuildOptions,
    output: &Path,
    diags: &Diagnostics,
) -> Result<Arc<output::OutputLock>, BuildFailed> {
    if let Err(d) = output::refuse_links(&opts.root, output, opts.follow_output_link) {
        diags.push(d);
        return Err(BuildFailed);
    }
    output::lock(output, opts.wait).map_err(|d| {
        diags.push(d);
        BuildFailed
    })
}

/// Resident memory in MiB (Linux), for `NASHRA_TIMINGS`.
fn rss_mib() -> u64 {
    std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|s| {
            s.split_whitespace()
                .nth(1)
                .and_then(|v| v.parse::<u64>().ok())
        })
        .map_or(0, |pages| pages * 4096 / (1024 * 1024))
}

/// Every declared topic needs a name in every language (`topic-KEY`).
fn check_topic_names(config: &Config, l10n: &Localizer, diags: &Diagnostics) {
    for (i, topic) in config.topics.iter().enumerate() {
        for lang in config.language_codes() {
            let id = format!("topic-{topic}");
            if !l10n.has(lang, &id) {
                let pos = config.topic_positions.get(i).copied();
                diags.push(
                    Diagnostic::error("missing-topic-name", format!("topic `{topic}` has no name in `{lang}`"))
                        .in_file(config::CONFIG_FILE)
                        .at_opt(pos)
                        .help(format!("add `{id} = …` to a file in locales/{lang}/, e.g. locales/{lang}/topics.ftl")),
                );
            }
        }
    }
}

/// The output folder: `--output` (relative to the current folder) or `output_dir` (relative to the root).
pub fn output_dir(opts: &BuildOptions, config: &Config) -> PathBuf {
    match &opts.output {
        Some(o) => o.clone(),
        None => opts.root.join(&config.output_dir),
    }
}

/// A finished full build and everything it used: `watch` keeps it to rebuild incrementally.
pub struct Built {
    pub loaded: Loaded,
    pub renderer: Renderer,
    pub prepared: view::Prepared,
    pub jobs: Vec<render::Job>,
    /// The output folder, as given (not canonicalised).
    pub output: PathBuf,
    /// This process is the output's only writer while any `Built` holds this.
    pub lock: Arc<output::OutputLock>,
    pub report: BuildReport,
}

/// Builds the site, or finds that the output is already this build's result (the build cache,
/// [`crate::incremental`]). On `Err`, the previous output is untouched and `diags` says why.
pub fn build(opts: &BuildOptions, diags: &Diagnostics) -> Result<BuildReport, BuildFailed> {
    build_cached(opts, diags, false)
}

/// [`build`] for a process that exits right after: the site model is not taken apart piece by
/// piece (the operating system frees it at once), which saves tens of milliseconds on big sites.
pub fn build_and_exit(
    opts: &BuildOptions,
    diags: &Diagnostics,
) -> Result<BuildReport, BuildFailed> {
    build_cached(opts, diags, true)
}

/// The build cache's view of this build: its state file and what it says; `None` when the
/// cache cannot be asked (a site.toml with problems: the full build reports them).
fn open_cache(
    opts: &BuildOptions,
    diags: &Diagnostics,
) -> Result<Option<(crate::incremental::Cache, Config, PathBuf)>, BuildFailed> {
    let t = Instant::now();
    let timings = std::env::var_os("NASHRA_TIMINGS").is_some();
    // its problems are the full build's to report
    let scratch = Diagnostics::new();
    let Some(config) = load_config(&opts.root, opts.base_url.as_deref(), &scratch) else {
        return Ok(None);
    };
    if !scratch.snapshot().is_empty() {
        return Ok(None);
    }
    let cache_dir = config.images.cache_dir.clone();
    // a link at the cache folder itself is the image cache's error, reported by the full build
    if crate::safety::first_link_under(&opts.root, &cache_dir).is_some() {
        return Ok(None);
    }
    if let Err(d) = crate::incremental::check_dir(&opts.root, &cache_dir) {
        diags.push(d);
        return Err(BuildFailed);
    }
    let output = output_dir(opts, &config);
    let key = crate::incremental::settings_key(&crate::incremental::Settings {
        root: &opts.root,
        output: &output,
        base_url: opts.base_url.as_deref(),
        drafts: opts.drafts,
        future: opts.future,
    });
    let path = crate::incremental::state_path(&opts.root, &cache_dir, &output);
    if timings {
        eprintln!("timing: cache: config {:?}", t.elapsed());
    }
    let cache = crate::incremental::Cache::open(&opts.root, config.follow_symlinks, path, key);
    if timings {
        eprintln!("timing: cache: inputs walked, state read {:?}", t.elapsed());
    }
    Ok(cache.ok().map(|c| (c, config, output)))
}

/// The report and problems of a build, as the state keeps them.
#[derive(serde::Serialize, serde::Deserialize)]
struct Kept {
    files: usize,
    per_language: Vec<(String, usize, usize)>,
    drafts: usize,
    scheduled: usize,
    expired: usize,
    /// The next scheduled change (a zoned time, RFC 9557) and its file.
    next: Option<(String, PathBuf)>,
    problems: Vec<KeptProblem>,
}

#[derive(serde::Serialize, serde::Deserialize)]
struct KeptProblem {
    severity: crate::diagnostics::Severity,
    kind: String,
    message: String,
    file: Option<PathBuf>,
    pos: Option<crate::diagnostics::Pos>,
    help: Option<String>,
}

/// A state's report keeps at most this many problems; a build with more is not kept.
const KEPT_PROBLEMS: usize = 1000;

fn keep(report: &BuildReport, problems: &[Diagnostic]) -> Option<Vec<u8>> {
    if problems.len() > KEPT_PROBLEMS {
        return None;
    }
    serde_json::to_vec(&Kept {
        files: report.files,
        per_language: report.per_language.clone(),
        drafts: report.held.drafts,
        scheduled: report.held.scheduled,
        expired: report.held.expired,
        next: report
            .held
            .next
            .as_ref()
            .map(|(d, f)| (d.zoned.to_string(), f.clone())),
        problems: problems
            .iter()
            .map(|d| KeptProblem {
                severity: d.severity,
                kind: d.kind.to_string(),
                message: d.message.clone(),
                file: d.file.clone(),
                pos: d.pos,
                help: d.help.clone(),
            })
            .collect(),
    })
    .ok()
}

/// The kinds of problems, made `'static` once each (a state keeps at most [`KEPT_PROBLEMS`]).
fn kind_name(kind: &str) -> &'static str {
    static KINDS: std::sync::Mutex<Vec<&'static str>> = std::sync::Mutex::new(Vec::new());
    let mut kinds = match KINDS.lock() {
        Ok(k) => k,
        Err(p) => p.into_inner(),
    };
    if let Some(k) = kinds.iter().find(|k| **k == kind) {
        return k;
    }
    let k: &'static str = Box::leak(kind.to_string().into_boxed_str());
    kinds.push(k);
    k
}

/// The report of an unchanged build, from the state; `None` if it cannot be read back.
fn replay(
    state: &crate::incremental::state::State,
    output: &Path,
    start: Instant,
    diags: &Diagnostics,
) -> Option<BuildReport> {
    let k: Kept = serde_json::from_slice(&state.report).ok()?;
    if k.problems.len() > KEPT_PROBLEMS {
        return None;
    }
    let next = match k.next {
        Some((zoned, file)) => Some((
            content::dates::PubDate {
                zoned: zoned.parse().ok()?,
                has_time: true,
            },
            file,
        )),
        None => None,
    };
    diags.extend(k.problems.into_iter().map(unkept));
    Some(BuildReport {
        output: output.to_path_buf(),
        per_language: k.per_language,
        files: k.files,
        elapsed: start.elapsed(),
        held: content::Held {
            drafts: k.drafts,
            scheduled: k.scheduled,
            expired: k.expired,
            next,
            paths: Default::default(),
        },
        images_decoded: 0,
        images_cached: 0,
        bodies_parsed: 0,
        changes: output::Changes {
            unchanged: state.outputs.iter().map(|o| o.path.clone()).collect(),
            ..Default::default()
        },
        cache: Some(CacheUse::Unchanged),
    })
}

fn build_cached(
    opts: &BuildOptions,
    diags: &Diagnostics,
    exit: bool,
) -> Result<BuildReport, BuildFailed> {
    use crate::incremental::Checked;
    let start = Instant::now();
    let mut why = "site.toml has problems, or an input cannot be read".to_string();
    // held through the full build too: no other writer between the check and the build
    let mut _lock = None;
    let mut reuse = None;
    let cache = match open_cache(opts, diags)? {
        Some((mut cache, config, output)) => {
            if !opts.fresh {
                _lock = Some(claim_output(opts, &output, diags)?);
                match build_time(opts.now.as_deref(), &config) {
                    Err(d) => why = d.message,
                    Ok(now) => {
                        match cache.check(now, &output, crate::incremental::marker_hash(&output)) {
                            Checked::Same(state) => {
                                let problems = Diagnostics::new();
                                if let Some(report) = replay(state, &output, start, &problems) {
                                    if std::env::var_os("NASHRA_TIMINGS").is_some() {
                                        eprintln!("timing: cache: checked {:?}", start.elapsed());
                                    }
                                    diags.extend(problems.snapshot());
                                    if failed(diags, opts.strict) {
                                        return Err(BuildFailed);
                                    }
                                    return Ok(report);
                                }
                                why = "its report cannot be read".into();
                            }
                            Checked::Changed {
                                why: w,
                                parts,
                                report,
                            } => {
                                why = w;
                                reuse = Some((parts, report));
                            }
                            Checked::Full(w) => why = w,
                        }
                    }
                }
            }
            Some(cache)
        }
        None => None,
    };
    if std::env::var_os("NASHRA_TIMINGS").is_some() {
        eprintln!("timing: cache: checked {:?}", start.elapsed());
    }
    let (old_parts, old_report) = reuse.unzip();
    let ledger = match cache {
        Some(_) => crate::incremental::jobs::Ledger::new(old_parts.unwrap_or_default()),
        None => crate::incremental::jobs::Ledger::off(),
    };
    let built = build_with(opts, diags, &ledger)?;
    let mut report = built.report.clone();
    let kept = ledger.kept();
    if kept > 0 {
        // the pages kept would have reported these again: the same templates and messages
        // with the same values (the cache keeps pages only while templates/ and locales/
        // are unchanged)
        if let Some(k) = old_report.and_then(|r| serde_json::from_slice::<Kept>(&r).ok()) {
            let now = diags.snapshot();
            let again: Vec<Diagnostic> = k
                .problems
                .into_iter()
                .filter(|p| p.kind == "missing-message" || p.kind == "message-error")
                .map(unkept)
                .filter(|d| {
                    !now.iter()
                        .any(|n| n.kind == d.kind && n.message == d.message && n.file == d.file)
                })
                .collect();
            diags.extend(again);
            if failed(diags, opts.strict) {
                return Err(BuildFailed);
            }
        }
    }
    // the search records for the next build, before the ledger's old ones go
    let search_records = if cache.is_some() {
        let loaded = &built.loaded;
        crate::search::stored(
            &loaded.site,
            &loaded.l10n,
            &built.prepared,
            ledger.old_records(),
        )
    } else {
        Vec::new()
    };
    let parts = ledger.into_parts(search_records);
    report.cache = Some(if opts.fresh {
        CacheUse::Fresh
    } else if kept > 0 {
        CacheUse::Partial {
            why,
            kept,
            jobs: parts.jobs.len(),
        }
    } else if why.is_empty() {
        CacheUse::First
    } else {
        CacheUse::Full(why)
    });
    if let Some(cache) = cache {
        let path = cache.path.clone();
        let saved = match (
            crate::incremental::marker_hash(&built.output),
            keep(&report, &diags.snapshot()),
        ) {
            (Some(marker), Some(kept)) => {
                let span = crate::incremental::time_span(&built.loaded.files, &built.loaded.site);
                // the manifest's list: every file this build produced, sorted
                let mut files: Vec<String> = report
                    .changes
                    .written
                    .iter()
                    .chain(&report.changes.unchanged)
                    .cloned()
                    .collect();
                files.sort_unstable();
                cache
                    .save(&built.output, &files, marker, span, kept, parts)
                    .map_err(|e| e.to_string())
            }
            _ => Err("the build is not kept".into()),
        };
        if std::env::var_os("NASHRA_TIMINGS").is_some() {
            eprintln!("timing: cache: saved {:?}", start.elapsed());
        }
        if let Err(e) = saved {
            crate::incremental::state::remove(&path);
            diags.push(Diagnostic::note(
                "cache",
                format!("the build cache could not be written: {e}"),
            ));
        }
    }
    if exit {
        std::mem::forget(built);
    }
    Ok(report)
}

/// A problem as the state kept it, as a diagnostic again.
fn unkept(p: KeptProblem) -> Diagnostic {
    Diagnostic {
        severity: p.severity,
        kind: kind_name(&p.kind),
        message: p.message,
        file: p.file,
        pos: p.pos,
        help: p.help,
    }
}

/// Runs every stage and replaces the output folder; returns the state for incremental rebuilds.
pub fn build_full(opts: &BuildOptions, diags: &Diagnostics) -> Result<Built, BuildFailed> {
    build_with(opts, diags, &crate::incremental::jobs::Ledger::off())
}

/// [`build_full`] with a ledger of render jobs: with the last build's digests in it, the jobs
/// whose inputs are unchanged keep their files ([`crate::incremental::jobs`]); this build's
/// digests are recorded in it.
fn build_with(
    opts: &BuildOptions,
    diags: &Diagnostics,
    ledger: &crate::incremental::jobs::Ledger,
) -> Result<Built, BuildFailed> {
    let start = Instant::now();
    let timings = std::env::var_os("NASHRA_TIMINGS").is_some();
    let progress = Progress::for_terminal(opts.progress);
    progress.stage("reading content");
    let loaded = load(&opts.root, opts.request(), diags).ok_or(BuildFailed)?;
    let output = output_dir(opts, &loaded.site.config);
    let lock = claim_output(opts, &output, diags)?;
    if let Err(d) = output::check_output_dir(&opts.root, &output, &loaded.site.config.preserve) {
        diags.push(d);
        return Err(BuildFailed);
    }
    let renderer = Renderer::new(
        &opts.root,
        &loaded.site.config,
        Arc::clone(&loaded.l10n),
        diags,
    );
    if failed(diags, opts.strict) {
        return Err(BuildFailed);
    }
    let renderer = renderer.ok_or(BuildFailed)?;
    let site = &loaded.site;
    if timings {
        eprintln!("timing: templates {:?}", start.elapsed());
    }

    let staging = Staging::create(&output, &site.config.preserve).map_err(|e| {
        diags.push(Diagnostic::error(
            "io",
            format!(
                "cannot create a staging folder beside {}: {e}",
                output.display()
            ),
        ));
        BuildFailed
    })?;
    if timings {
        eprintln!("timing: staging created {:?}", start.elapsed());
    }
    let jobs = render::plan(site);
    render::collisions::find(site, &jobs, &opts.root, &loaded.statics, diags);
    if failed(diags, opts.strict) {
        staging.discard();
        return Err(BuildFailed);
    }
    if timings {
        eprintln!("timing: templates + staging {:?}", start.elapsed());
    }
    let prepared = view::Prepared::new(site, &loaded.l10n);
    if timings {
        eprintln!("timing: cards {:?}, {} MiB", start.elapsed(), rss_mib());
    }
    progress.counted("rendering", jobs.len());
    let mut files = renderer.render_each(
        site,
        &prepared,
        render::Batch {
            all_jobs: &jobs,
            jobs: &jobs,
        },
        &progress,
        diags,
        render::Reuse {
            ledger,
            keep: &|rel| staging.keep(rel),
            unkeep: &|rel| staging.unkeep(rel),
        },
        |rel, bytes| staging.put(rel, bytes).map(|_| ()),
    );
    if timings {
        eprintln!("timing: render {:?}, {} MiB", start.elapsed(), rss_mib());
        for line in render::timings::report() {
            eprintln!("{line}");
        }
    }
    if timings {
        eprintln!(
            "timing: bodies parsed {}",
            prepared.parses.load(std::sync::atomic::Ordering::Relaxed)
        );
    }
    diags.extend(prepared.held_link_warnings(&opts.root, site));
    progress.stage("copying files");
    files += render::copy_static(&loaded.statics, &staging, diags);
    files += render::copy_assets(site, &staging, diags);
    files += crate::media::write(&site.media, &staging, diags);
    loaded.l10n.report_fallbacks(diags);
    if let Some(d) = staging.disk_full() {
        diags.push(d);
    }
    if failed(diags, opts.strict) {
        staging.discard();
        return Err(BuildFailed);
    }
    progress.done();
    if timings {
        eprintln!("timing: copied {:?}", start.elapsed());
    }
    let changes = staging.commit().map_err(|e| {
        diags.push(Diagnostic::error(
            "io",
            format!("cannot replace {}: {e}", output.display()),
        ));
        BuildFailed
    })?;
    if timings {
        eprintln!("timing: committed {:?}", start.elapsed());
    }

    let per_language = site
        .config
        .languages
        .iter()
        .map(|l| {
            (
                l.code.clone(),
                site.articles.get(&l.code).map_or(0, Vec::len),
                site.pages.get(&l.code).map_or(0, Vec::len),
            )
        })
        .collect();
    let report = BuildReport {
        output: output.clone(),
        per_language,
        files,
        elapsed: start.elapsed(),
        held: loaded.held.clone(),
        images_decoded: site.media.decoded,
        images_cached: site.media.cached,
        bodies_parsed: prepared.parses.load(std::sync::atomic::Ordering::Relaxed),
        changes,
        cache: None,
    };
    Ok(Built {
        loaded,
        renderer,
        prepared,
        jobs,
        output,
        lock,
        report,
    })
}

fn failed(diags: &Diagnostics, strict: bool) -> bool {
    diags.has_errors() || (strict && diags.has_warnings())
}
