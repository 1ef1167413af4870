//! Problems found in a site, and how they are shown.
//!
//! Every stage reports what it finds as [`Diagnostic`]s into one [`Diagnostics`] list instead of
//! stopping at the first problem; the command decides once, at the end, whether the run failed
//! (ripgrep's "collect, then decide"). A diagnostic is in file coordinates: the path relative to
//! the site root, a 1-based line and a 1-based column counted in characters, so an editor can jump
//! to it. Rendering follows rustc's layout:
//!
//! ```text
//! error: unknown topic `securty` (did you mean `security`?)
//!   --> content/2025/11/csto-summit.ar.md:5:12
//! ```

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// How bad a problem is.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The build fails.
    Error,
    /// The build goes on; `--strict` turns these into errors.
    Warning,
    /// Information (`check` lists untranslated articles); never fails a run.
    Note,
}

/// A position in a file: 1-based line and column (column counted in characters).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct Pos {
    pub line: usize,
    pub column: usize,
}

impl Pos {
    pub const fn new(line: usize, column: usize) -> Self {
        Pos { line, column }
    }

    /// The position of byte `offset` in `text`.
    /// Where the first byte that is not UTF-8 is in `bytes` (its line and column).
    pub fn of_bad_utf8(bytes: &[u8]) -> Self {
        let valid_up_to = std::str::from_utf8(bytes)
            .err()
            .map_or(0, |e| e.valid_up_to());
        let valid = std::str::from_utf8(&bytes[..valid_up_to]).unwrap_or_default();
        Pos::from_offset(valid, valid.len())
    }

    pub fn from_offset(text: &str, offset: usize) -> Self {
        let offset = offset.min(text.len());
        let mut cut = offset;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let before = &text[..cut];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        Pos { line, column }
    }
}

/// One problem: what, where, and how to fix it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// A short, stable name of the kind of problem (`yaml`, `unknown-topic`, …), for tools.
    pub kind: &'static str,
    pub message: String,
    /// Path relative to the site root where possible.
    pub file: Option<PathBuf>,
    pub pos: Option<Pos>,
    /// A hint on how to fix it, printed as `= help: …`.
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn error(kind: &'static str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            kind,
            message: message.into(),
            file: None,
            pos: None,
            help: None,
        }
    }

    pub fn warning(kind: &'static str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(kind, message)
        }
    }

    pub fn note(kind: &'static str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Note,
            ..Diagnostic::error(kind, message)
        }
    }

    pub fn in_file(mut self, file: impl AsRef<Path>) -> Self {
        self.file = Some(file.as_ref().to_path_buf());
        self
    }

    pub fn at(mut self, pos: Pos) -> Self {
        self.pos = Some(pos);
        self
    }

    pub fn at_opt(mut self, pos: Option<Pos>) -> Self {
        self.pos = pos;
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// `file:line:col` (or as much of it as is known).
    pub fn location(&self) -> Option<String> {
        let file = self.file.as_ref()?;
        let file = file.to_string_lossy();
        // on Windows, `/` like everywhere else; elsewhere a `\\` is part of a name, shown as is
        let file = if cfg!(windows) {
            file.replace('\\', "/")
        } else {
            file.into_owned()
        };
        Some(match self.pos {
            Some(p) => format!("{file}:{}:{}", p.line, p.column),
            None => file,
        })
    }
}

impl Severity {
    /// `error`, `warning` or `note`, as printed.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.severity.as_str(), self.message)?;
        if let Some(loc) = self.location() {
            write!(f, "\n  --> {loc}")?;
        }
        if let Some(help) = &self.help {
            write!(f, "\n  = help: {help}")?;
        }
        Ok(())
    }
}

/// The problems of one run. Stages running in parallel may push into it.
#[derive(Debug, Default)]
pub struct Diagnostics {
    items: Mutex<Vec<Diagnostic>>,
}

impl Diagnostics {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&self, d: Diagnostic) {
        match self.items.lock() {
            Ok(mut v) => v.push(d),
            Err(poisoned) => poisoned.into_inner().push(d),
        }
    }

    pub fn extend(&self, ds: impl IntoIterator<Item = Diagnostic>) {
        for d in ds {
            self.push(d);
        }
    }

    fn any(&self, severity: Severity) -> bool {
        match self.items.lock() {
            Ok(v) => v.iter().any(|d| d.severity == severity),
            Err(poisoned) => poisoned.into_inner().iter().any(|d| d.severity == severity),
        }
    }

    pub fn has_errors(&self) -> bool {
        self.any(Severity::Error)
    }

    /// All problems, sorted by file, position and message so output is stable whatever the
    /// order in which parallel stages found them; exact duplicates are dropped.
    pub fn snapshot(&self) -> Vec<Diagnostic> {
        let mut v = match self.items.lock() {
            Ok(v) => v.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        };
        v.sort_by(|a, b| {
            (&a.file, a.pos, a.severity, &a.message).cmp(&(&b.file, b.pos, b.severity, &b.message))
        });
        v.dedup();
        v
    }

    /// Whether there is any warning (which `--strict` and `check` count as errors).
    pub fn has_warnings(&self) -> bool {
        self.any(Severity::Warning)
    }
}

/// Diagnostics in order, each message kept in full at its first `shown` places; the places of its
/// further repeats (same severity, kind and text) follow it as locations (`file:line:column`).
pub fn group_repeats(all: Vec<Diagnostic>, shown: usize) -> Vec<(Diagnostic, Vec<String>)> {
    use std::collections::HashMap;
    let key = |d: &Diagnostic| (d.severity, d.kind, d.message.clone());
    let mut count: HashMap<(Severity, &'static str, String), usize> = HashMap::new();
    for d in &all {
        *count.entry(key(d)).or_default() += 1;
    }
    let mut out: Vec<(Diagnostic, Vec<String>)> = Vec::new();
    // index in `out` of the last printed place of each repeated message
    let mut last: HashMap<(Severity, &'static str, String), (usize, usize)> = HashMap::new();
    for d in all {
        let k = key(&d);
        if count.get(&k).copied().unwrap_or(0) <= shown + 1 {
            out.push((d, Vec::new()));
            continue;
        }
        match last.get_mut(&k) {
            Some((seen, at)) if *seen >= shown => {
                let place = d.location().unwrap_or_else(|| "(no file)".to_string());
                out[*at].1.push(place);
            }
            Some((seen, at)) => {
                *seen += 1;
                out.push((d, Vec::new()));
                *at = out.len() - 1;
            }
            None => {
                out.push((d, Vec::new()));
                last.insert(k, (1, out.len() - 1));
            }
        }
    }
    out
}

/// An operation that did not finish; the reasons are in its [`Diagnostics`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Failed;

impl fmt::Display for Failed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("failed; the diagnostics say why")
    }
}

impl std::error::Error for Failed {}

/// The closest candidate to `word` by edit distance, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let word_lc = word.to_lowercase();
    let mut best: Option<(usize, &str)> = None;
    for c in candidates {
        let d = levenshtein(&word_lc, &c.to_lowercase());
        let limit = (c.chars().count().max(word.chars().count()) / 3).max(1);
        if d <= limit && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c)
}

fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeats_are_grouped_after_the_first_places() {
        let d = |file: &str, msg: &str| {
            Diagnostic::warning("x", msg)
                .in_file(file)
                .at(Pos::new(1, 1))
        };
        let all = vec![
            d("a.md", "same"),
            d("b.md", "same"),
            d("c.md", "other"),
            d("d.md", "same"),
            d("e.md", "same"),
            d("f.md", "same"),
        ];
        let grouped = group_repeats(all, 2);
        let shown: Vec<(String, Vec<String>)> = grouped
            .iter()
            .map(|(d, more)| (d.location().unwrap_or_default(), more.clone()))
            .collect();
        assert_eq!(
            shown,
            [
                ("a.md:1:1".to_string(), vec![]),
                (
                    "b.md:1:1".to_string(),
                    vec![
                        "d.md:1:1".to_string(),
                        "e.md:1:1".to_string(),
                        "f.md:1:1".to_string()
                    ]
                ),
                ("c.md:1:1".to_string(), vec![]),
            ]
        );
        // a message repeated only once more than shown is printed in full
        let grouped = group_repeats(vec![d("a.md", "s"), d("b.md", "s"), d("c.md", "s")], 2);
        assert!(grouped.iter().all(|(_, more)| more.is_empty()));
    }

    #[test]
    fn positions_count_characters_not_bytes() {
        let text = "---\ntitle: قمة\ntopics: [x]\n";
        let off = text.find("[x]").unwrap_or(0);
        assert_eq!(Pos::from_offset(text, off), Pos::new(3, 9));
        let off = text.find('\n').unwrap_or(0) + 1 + "title: قمة".len();
        assert_eq!(Pos::from_offset(text, off), Pos::new(2, 11));
    }

    #[test]
    fn suggestions() {
        let topics = ["security", "diplomacy", "economy"];
        assert_eq!(did_you_mean("securty", topics), Some("security"));
        assert_eq!(did_you_mean("sports", topics), None);
    }
}
