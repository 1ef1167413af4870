//! A site's `locales/en/fuzz.ftl`: any bytes, loaded with the built-in locales, then a few
//! messages formatted (plural selection goes through nashra's ICU4X rewrite).
#![no_main]

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use nashra::diagnostics::Diagnostics;
use nashra::i18n::{Arg, Localizer};

#[path = "common.rs"]
mod common;

struct Fixture {
    root: PathBuf,
    config: nashra::config::Config,
    /// The built-in messages, to tell the fuzzed file's own from them.
    builtin: BTreeSet<String>,
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let diags = Diagnostics::new();
        let config = common::config();
        let root = common::site();
        std::fs::create_dir_all(root.join("locales/en")).unwrap_or_else(|e| panic!("{e}"));
        let builtin = Localizer::load(&root, &config, &diags)
            .and_then(|l| l.ids("en").cloned())
            .unwrap_or_default();
        Fixture {
            root,
            config,
            builtin,
        }
    })
}

fuzz_target!(|data: &[u8]| {
    let f = fixture();
    if std::fs::write(f.root.join("locales/en/fuzz.ftl"), data).is_err() {
        return;
    }
    let diags = Diagnostics::new();
    let Some(l10n) = Localizer::load(&f.root, &f.config, &diags) else {
        return;
    };
    let Some(ids) = l10n.ids("en") else { return };
    for id in ids.iter().filter(|id| !f.builtin.contains(*id)).take(16) {
        for n in [0.0, 1.0, 2.0, 3.0, 11.0, 103.0, 1.5] {
            let args = [("count", Arg::Num(n)), ("name", Arg::Str("قمة".into()))];
            let _ = l10n.format("en", id, &args);
            let _ = l10n.format("ar", id, &args);
        }
    }
});
