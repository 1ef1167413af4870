//! The `nashra` command line: parses arguments and calls the library's pipeline.

#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use nashra::build::{self, BuildOptions};
use nashra::diagnostics::{Diagnostics, Severity};

/// mimalloc instead of the system allocator: rendering allocates many short-lived strings and
/// values on every worker thread, where glibc's per-thread arenas cost more (BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// nashra (نشرة) builds a bilingual news site (Arabic right-to-left, English left-to-right)
/// from Markdown articles with YAML front matter.
#[derive(Parser)]
#[command(
    name = "nashra",
    version,
    after_help = "Run `nashra help build` for the options of a command.\nExit codes: 0 success, 1 problems in the site, 2 wrong usage."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum Format {
    Text,
    Json,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder (`public/` unless site.toml or --output say otherwise)
    ///
    /// Reads site.toml, authors.toml and alerts.toml (if there), content/, templates/, locales/
    /// and static/ in the site folder. Every
    /// problem found is reported with its file, line and column; if there is any error the
    /// previous output is left exactly as it was and the exit code is 1. Building into an earlier
    /// output rewrites only the files that changed, and keeps files nashra did not write (.git,
    /// CNAME, `preserve` in site.toml); the output is replaced in one step, so readers and a
    /// killed build see the old site or the new one, never a mix. Only one nashra process writes
    /// an output at a time. With the environment variable
    /// NASHRA_TIMINGS=1 the time and memory of each stage are printed.
    Build {
        /// The site folder (the one with site.toml)
        #[arg(long, default_value = ".", value_name = "DIR")]
        root: PathBuf,
        /// Write the site here instead of `output_dir` from site.toml
        #[arg(long, short, value_name = "DIR")]
        output: Option<PathBuf>,
        /// Build into the output folder even if it is a symbolic link (refused otherwise: a link
        /// committed to the site could point the build at any folder)
        #[arg(long)]
        follow_output_link: bool,
        /// Use this base URL instead of `base_url` from site.toml (e.g. for a staging host)
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
        /// Include articles marked `draft: true`
        #[arg(long)]
        drafts: bool,
        /// Treat warnings (unknown front matter keys, missing messages, …) as errors
        #[arg(long)]
        strict: bool,
        /// If another nashra process is writing the same output, wait for it instead of failing
        #[arg(long)]
        wait: bool,
        /// Also publish articles dated after the build time (embargoed or scheduled ones)
        #[arg(long)]
        future: bool,
        /// The build time, e.g. "2025-11-28 06:00" (site time zone) or RFC 3339: articles dated
        /// later are held back, `expires` counts from it, the news sitemap lists the 48 hours
        /// before it [default: the environment variable NASHRA_NOW, else the clock]
        #[arg(long, value_name = "TIME")]
        now: Option<String>,
        /// Build everything, without asking the build cache whether the output is already up to
        /// date (.nashra-cache/build/; the cache is still written for the next build)
        #[arg(long)]
        fresh: bool,
        /// `text` for people, `json` for scripts (one JSON object on stdout: files written,
        /// unchanged and removed, what was left out, the next scheduled time, every problem)
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Build, serve the site on http://127.0.0.1:1111/ and rebuild on every save
    ///
    /// Watches content/, templates/, locales/, static/, site.toml, authors.toml and alerts.toml.
    /// Only what a change touches
    /// is rebuilt, and open pages reload by themselves. When a save has errors, they are printed
    /// here and shown over the open pages while the last good site keeps being served. The
    /// output is the same as `nashra build` (the reload script is added only while serving).
    Watch {
        /// The site folder (the one with site.toml)
        #[arg(long, default_value = ".", value_name = "DIR")]
        root: PathBuf,
        /// Address to listen on: the default is this computer only; `0.0.0.0` shares the preview
        /// with the network (a phone on the same Wi-Fi), and watch warns that it does
        #[arg(long, default_value = "127.0.0.1", value_name = "IP")]
        bind: std::net::IpAddr,
        /// Port to listen on; 0 picks any free port
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Include articles marked `draft: true`
        #[arg(long)]
        drafts: bool,
        /// Also show articles dated after the current time
        #[arg(long)]
        future: bool,
        /// If another nashra process is writing the same output, wait for it instead of failing
        #[arg(long)]
        wait: bool,
    },
    /// Check the site without writing anything: everything `build` checks (warnings count as
    /// errors), plus broken internal links and anchors, missing images, messages missing in a
    /// language, and a list of articles without a translation
    Check {
        /// The site folder (the one with site.toml)
        #[arg(long, default_value = ".", value_name = "DIR")]
        root: PathBuf,
        /// `text` for people, `json` for CI systems (one JSON object per line and problem)
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Bring a Hugo, Jekyll or Zola site, or a WordPress export, into a nashra site
    ///
    /// SRC is the other site's folder (Hugo, Jekyll, Zola) or the .xml file WordPress writes
    /// (Tools → Export → All content). DEST is a new folder (site.toml is written there) or a
    /// nashra site to add to; nothing is overwritten. Articles go to content/YYYY/MM/NAME/ with
    /// their translations beside them, pages to content/pages/NAME/; front matter is turned into
    /// nashra's keys (tags and categories become free tags, anything else is kept under
    /// `extra`); every old address is kept as an alias, so links to the old site keep working.
    /// A report says what was mapped and what was not.
    Import {
        /// What made the site: hugo, jekyll, zola or wordpress
        #[arg(value_enum)]
        from: nashra::import::Source,
        /// The site folder, or the WordPress export file
        src: PathBuf,
        /// Where to write the nashra site
        dest: PathBuf,
        /// WordPress: a copy of the site's wp-content/uploads folder, to copy pictures from
        #[arg(long, value_name = "DIR")]
        uploads: Option<PathBuf>,
        /// The language of documents nothing else gives one to (default: the source's, else en)
        #[arg(long)]
        lang: Option<String>,
    },
    /// Make a new site in DIR with a sample article that builds at once
    Init {
        /// The folder to create (it must not exist, or be empty)
        dir: PathBuf,
    },
    /// Write a new article with its front matter filled in (as a draft)
    ///
    /// PATH is inside content/, e.g. `2025/11/summit` (the language suffix is added) or
    /// `2025/11/summit.en.md`. The date is now, in the site's time zone.
    New {
        /// Where to write the article, inside content/
        path: String,
        /// The article's language (default: the site's default language)
        #[arg(long)]
        lang: Option<String>,
        /// The headline (default: made from the file name)
        #[arg(long)]
        title: Option<String>,
        /// The site folder (the one with site.toml)
        #[arg(long, default_value = ".", value_name = "DIR")]
        root: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build {
            root,
            output,
            follow_output_link,
            base_url,
            drafts,
            strict,
            wait,
            future,
            now,
            fresh,
            format,
        } => {
            stop_stuck_renders(matches!(format, Format::Json), "build");
            let opts = BuildOptions {
                root,
                output,
                follow_output_link,
                base_url,
                drafts,
                strict,
                wait,
                future,
                now,
                progress: matches!(format, Format::Text)
                    && std::env::var_os("NASHRA_TIMINGS").is_none(),
                fresh,
            };
            let diags = Diagnostics::new();
            let result = build::build_and_exit(&opts, &diags);
            if let Format::Json = format {
                println!("{}", build_json(&result, &diags, strict));
                return match result {
                    Ok(_) => ExitCode::SUCCESS,
                    Err(_) => ExitCode::from(1),
                };
            }
            print_diagnostics(&diags, strict);
            match result {
                Ok(report) if report.cache == Some(build::CacheUse::Unchanged) => {
                    eprintln!(
                        "{} in {} are up to date: nothing changed since the last build ({} ms; `--fresh` builds everything)",
                        count(report.files, "file", "files"),
                        report.output.display(),
                        report.elapsed.as_millis(),
                    );
                    print_held(&report.held);
                    ExitCode::SUCCESS
                }
                Ok(report) => {
                    match &report.cache {
                        Some(build::CacheUse::Full(why)) => eprintln!("building everything: {why}"),
                        Some(build::CacheUse::Partial { why, kept, jobs }) => eprintln!(
                            "building what changed: {why} ({} of {} pages kept from the last build)",
                            grouped(*kept),
                            grouped(*jobs)
                        ),
                        _ => {}
                    }
                    let langs: Vec<String> = report
                        .per_language
                        .iter()
                        .map(|(l, a, p)| {
                            format!(
                                "{l}: {}, {}",
                                count(*a, "article", "articles"),
                                count(*p, "page", "pages")
                            )
                        })
                        .collect();
                    eprintln!(
                        "built {} into {} in {} ms ({})",
                        count(report.files, "file", "files"),
                        report.output.display(),
                        report.elapsed.as_millis(),
                        langs.join("; ")
                    );
                    let c = &report.changes;
                    eprintln!(
                        "changes: {} written, {} unchanged, {} removed",
                        grouped(c.written.len()),
                        grouped(c.unchanged.len()),
                        grouped(c.removed.len())
                    );
                    if report.images_decoded + report.images_cached > 0 {
                        eprintln!(
                            "pictures: {} processed, {} from the cache",
                            report.images_decoded, report.images_cached
                        );
                    }
                    print_held(&report.held);
                    ExitCode::SUCCESS
                }
                Err(_) => {
                    let n = failures(&diags, strict);
                    eprintln!(
                        "build failed with {}; the previous output was left as it was",
                        count(n, "error", "errors")
                    );
                    ExitCode::from(1)
                }
            }
        }
        Command::Watch {
            root,
            bind,
            port,
            drafts,
            future,
            wait,
        } => {
            stop_stuck_renders(false, "watch");
            match nashra::serve::run(nashra::serve::WatchOptions {
                root,
                bind,
                port,
                drafts,
                future,
                wait,
            }) {
                Ok(()) => ExitCode::SUCCESS,
                Err(d) => {
                    eprintln!("{d}");
                    ExitCode::from(1)
                }
            }
        }
        Command::Check { root, format } => {
            stop_stuck_renders(matches!(format, Format::Json), "check");
            let diags = Diagnostics::new();
            let result = nashra::check::check(&root, &diags);
            let all = diags.snapshot();
            match format {
                Format::Json => {
                    for d in &all {
                        println!("{}", diagnostic_json(d, true));
                    }
                }
                Format::Text => {
                    print_diagnostics(&diags, true);
                    let problems = all.iter().filter(|d| d.severity != Severity::Note).count();
                    let notes = all.len() - problems;
                    let notes = if notes > 0 {
                        format!(" ({notes} note{})", if notes == 1 { "" } else { "s" })
                    } else {
                        String::new()
                    };
                    if problems == 0 {
                        eprintln!("check: no problems{notes}");
                    } else {
                        eprintln!(
                            "check: {problems} problem{}{notes}",
                            if problems == 1 { "" } else { "s" }
                        );
                    }
                }
            }
            match result {
                Ok(()) => ExitCode::SUCCESS,
                Err(_) => ExitCode::from(1),
            }
        }
        Command::Import {
            from,
            src,
            dest,
            uploads,
            lang,
        } => {
            let opts = nashra::import::Options {
                source: from,
                src,
                dest,
                uploads,
                lang,
            };
            match nashra::import::run(&opts) {
                Ok(report) => {
                    print!("{}", report.text(&opts));
                    ExitCode::SUCCESS
                }
                Err(d) => {
                    eprintln!("{d}");
                    ExitCode::from(1)
                }
            }
        }
        Command::Init { dir } => match nashra::scaffold::init(&dir, jiff::Timestamp::now()) {
            Ok(files) => {
                println!(
                    "made a new site in {} ({} files)",
                    dir.display(),
                    files.len()
                );
                println!("next: cd {} && nashra watch", dir.display());
                ExitCode::SUCCESS
            }
            Err(d) => {
                eprintln!("{d}");
                ExitCode::from(1)
            }
        },
        Command::New {
            path,
            lang,
            title,
            root,
        } => {
            let diags = Diagnostics::new();
            match nashra::scaffold::new_article(
                &root,
                &path,
                lang.as_deref(),
                title.as_deref(),
                jiff::Timestamp::now(),
                &diags,
            ) {
                Ok(file) => {
                    println!("{}", file.display());
                    eprintln!(
                        "this article is a draft: `nashra watch --drafts` previews it, and it is \
                         published once you delete its `draft: true` line"
                    );
                    ExitCode::SUCCESS
                }
                Err(_) => {
                    print_diagnostics(&diags, false);
                    ExitCode::from(1)
                }
            }
        }
    }
}

/// `n thing` / `n things`, by the English CLDR plural rules (the same ICU4X rules the pages use).
/// `28869` → `28,869`.
fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn count(n: usize, one: &str, other: &str) -> String {
    let word = if nashra::i18n::format::Plurals::new("en").category(n as f64) == "one" {
        one
    } else {
        other
    };
    format!("{n} {word}")
}

/// How many problems failed the run (warnings count with --strict).
/// Ends the process when a template render overruns `render_timeout` by a second without
/// coming back (a loop that writes nothing cannot be stopped from inside Tera): the error names
/// the template and the article, and the previous output stays as it was (a build writes into a
/// staging folder, which the next run removes).
fn stop_stuck_renders(json: bool, command: &'static str) {
    nashra::render::guard::watchdog(std::time::Duration::from_secs(1), move |r| {
        let about = r.about.as_ref().map_or(String::new(), |p| {
            format!(" (while rendering {})", p.display())
        });
        let d = nashra::diagnostics::Diagnostic::error(
            "template",
            format!(
                "template `{}` did not finish rendering within {} s{about}",
                r.template,
                r.limit.as_secs()
            ),
        )
        .in_file(&r.file)
        .help("look for a loop over a huge range, or a component (or include) that calls itself more than once per level; this render wrote nothing nashra could stop it at, so nashra stopped");
        if json {
            let problems = vec![diagnostic_json(&d, false)];
            println!(
                "{}",
                serde_json::json!({"ok": false, "errors": 1, "problems": problems})
            );
        } else {
            eprintln!(
                "{d}
"
            );
            let kept = if command == "check" {
                ""
            } else {
                "; the previous output was left as it was"
            };
            eprintln!("{command} failed with 1 error{kept}");
        }
        std::process::exit(1);
    });
}

fn failures(diags: &Diagnostics, strict: bool) -> usize {
    diags
        .snapshot()
        .iter()
        .filter(|d| d.severity == Severity::Error || (strict && d.severity == Severity::Warning))
        .count()
}

/// One problem as JSON. `strict`: warnings are reported as errors (as they count).
fn diagnostic_json(d: &nashra::diagnostics::Diagnostic, strict: bool) -> serde_json::Value {
    let severity = match d.severity {
        Severity::Note => "note",
        Severity::Warning if !strict => "warning",
        _ => "error",
    };
    serde_json::json!({
        "severity": severity,
        "kind": d.kind,
        "file": d.file.as_ref().map(|f| f.to_string_lossy().into_owned()),
        "line": d.pos.map(|p| p.line),
        "column": d.pos.map(|p| p.column),
        "message": d.message,
        "help": d.help,
    })
}

/// What the build left out, and when it should run again.
fn print_held(held: &nashra::content::Held) {
    let mut out = Vec::new();
    if held.drafts > 0 {
        out.push(count(held.drafts, "draft", "drafts"));
    }
    if held.scheduled > 0 {
        out.push(format!(
            "{} dated later (use --future to include)",
            count(held.scheduled, "article", "articles")
        ));
    }
    if held.expired > 0 {
        out.push(format!(
            "{} expired",
            count(held.expired, "article", "articles")
        ));
    }
    if !out.is_empty() {
        eprintln!("left out: {}", out.join(", "));
    }
    if let Some((next, file)) = &held.next {
        eprintln!(
            "next: {} — rebuild then ({})",
            next.zoned.strftime("%Y-%m-%d %H:%M %:z"),
            file.display()
        );
    }
}

/// `build --format json`: the report (or the failure) and every problem, as one object.
fn build_json(
    result: &Result<build::BuildReport, build::BuildFailed>,
    diags: &Diagnostics,
    strict: bool,
) -> serde_json::Value {
    let problems: Vec<serde_json::Value> = diags
        .snapshot()
        .iter()
        .map(|d| diagnostic_json(d, strict))
        .collect();
    match result {
        Ok(r) => serde_json::json!({
            "ok": true,
            "output": r.output.to_string_lossy(),
            "files": r.files,
            "elapsed_ms": r.elapsed.as_millis() as u64,
            "languages": r.per_language.iter().map(|(l, a, p)| serde_json::json!({"lang": l, "articles": a, "pages": p})).collect::<Vec<_>>(),
            "left_out": {"drafts": r.held.drafts, "scheduled": r.held.scheduled, "expired": r.held.expired},
            "next": r.held.next.as_ref().map(|(n, _)| n.zoned.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string()),
            "next_file": r.held.next.as_ref().map(|(_, f)| f.to_string_lossy().into_owned()),
            "cache": match &r.cache {
                Some(build::CacheUse::Unchanged) => serde_json::json!({"unchanged": true}),
                Some(build::CacheUse::Full(why)) => serde_json::json!({"unchanged": false, "why": why}),
                Some(build::CacheUse::Partial { why, kept, jobs }) => serde_json::json!({"unchanged": false, "why": why, "kept_jobs": kept, "jobs": jobs}),
                Some(build::CacheUse::Fresh) => serde_json::json!({"unchanged": false, "why": "--fresh"}),
                Some(build::CacheUse::First) => serde_json::json!({"unchanged": false, "why": "first build into this output"}),
                None => serde_json::Value::Null,
            },
            "written": r.changes.written,
            "unchanged": r.changes.unchanged,
            "removed": r.changes.removed,
            "problems": problems,
        }),
        Err(_) => serde_json::json!({
            "ok": false,
            "errors": failures(diags, strict),
            "problems": problems,
        }),
    }
}

/// Prints the problems; one message repeated at many places (the same missing message in every
/// template, the same broken address in fifty articles) is shown in full at its first
/// [`REPEATS_SHOWN`] places, then as one line listing the others.
fn print_diagnostics(diags: &Diagnostics, strict: bool) {
    for (mut d, more) in nashra::diagnostics::group_repeats(diags.snapshot(), REPEATS_SHOWN) {
        if strict && d.severity == Severity::Warning {
            d.severity = Severity::Error;
        }
        if more.is_empty() {
            eprintln!("{d}\n");
        } else {
            let places: Vec<&str> = more.iter().take(10).map(String::as_str).collect();
            let rest = more.len().saturating_sub(places.len());
            eprintln!(
                "{d}\n  = the same {} at {} more place{}: {}{}\n",
                d.severity.as_str(),
                more.len(),
                if more.len() == 1 { "" } else { "s" },
                places.join(", "),
                if rest > 0 {
                    format!(", … ({rest} more)")
                } else {
                    String::new()
                }
            );
        }
    }
}

/// How many places of one repeated message are printed in full.
const REPEATS_SHOWN: usize = 3;
