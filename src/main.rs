//! The `nashra` command line: parses arguments and calls the library's pipeline.

#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use nashra::build::{self, BuildOptions};
use nashra::diagnostics::{Diagnostics, Severity};

/// nashra (نشرة) builds a bilingual news site (Arabic right-to-left, English left-to-right)
/// from Markdown articles with YAML front matter.
#[derive(Parser)]
#[command(name = "nashra", version, about, long_about = None, after_help = "Run `nashra help build` for the options of a command.\nExit codes: 0 success, 1 problems in the site, 2 wrong usage.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder (`public/` unless site.toml or --output say otherwise)
    ///
    /// Reads site.toml, content/, templates/, locales/ and static/ in the site folder. Every
    /// problem found is reported with its file, line and column; if there is any error the
    /// previous output is left exactly as it was and the exit code is 1.
    Build {
        /// The site folder (the one with site.toml)
        #[arg(long, default_value = ".", value_name = "DIR")]
        root: PathBuf,
        /// Write the site here instead of `output_dir` from site.toml
        #[arg(long, short, value_name = "DIR")]
        output: Option<PathBuf>,
        /// Use this base URL instead of `base_url` from site.toml (e.g. for a staging host)
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
        /// Include articles marked `draft: true`
        #[arg(long)]
        drafts: bool,
        /// Treat warnings (unknown front matter keys, missing messages, …) as errors
        #[arg(long)]
        strict: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build {
            root,
            output,
            base_url,
            drafts,
            strict,
        } => {
            let opts = BuildOptions {
                root,
                output,
                base_url,
                drafts,
                strict,
            };
            let diags = Diagnostics::new();
            let result = build::build(&opts, &diags);
            print_diagnostics(&diags, strict);
            match result {
                Ok(report) => {
                    let langs: Vec<String> = report
                        .per_language
                        .iter()
                        .map(|(l, a, p)| format!("{l}: {a} articles, {p} pages"))
                        .collect();
                    eprintln!(
                        "built {} files into {} in {} ms ({})",
                        report.files,
                        report.output.display(),
                        report.elapsed.as_millis(),
                        langs.join("; ")
                    );
                    ExitCode::SUCCESS
                }
                Err(_) => {
                    let n = diags
                        .snapshot()
                        .iter()
                        .filter(|d| strict || d.severity == Severity::Error)
                        .count();
                    eprintln!(
                        "build failed with {n} error{}; the previous output was left as it was",
                        if n == 1 { "" } else { "s" }
                    );
                    ExitCode::from(1)
                }
            }
        }
    }
}

fn print_diagnostics(diags: &Diagnostics, strict: bool) {
    for mut d in diags.snapshot() {
        if strict {
            d.severity = Severity::Error;
        }
        eprintln!("{d}\n");
    }
}
