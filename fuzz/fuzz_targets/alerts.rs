//! `alerts.toml`: any text, parsed and resolved as `build` does (against the sample site's
//! configuration); every alert that comes out has a banner's text and shows from its start until,
//! not at, its expiry.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use nashra::diagnostics::Diagnostics;

static CONFIG: LazyLock<Option<nashra::config::Config>> = LazyLock::new(|| {
    nashra::config::parse(
        "base_url = \"https://example.org/news/\"\ndefault_language = \"ar\"\ntimezone = \"Asia/Riyadh\"\n[languages.ar]\ntitle = \"نشرة\"\n[languages.en]\ntitle = \"Nashra\"\n",
        &Diagnostics::new(),
    )
});

fuzz_target!(|data: &[u8]| {
    let (Ok(text), Some(config)) = (std::str::from_utf8(data), CONFIG.as_ref()) else {
        return;
    };
    let diags = Diagnostics::new();
    let alerts = nashra::alerts::parse(text, config, &diags);
    for a in &alerts {
        assert!(!a.text.is_empty() && a.text.chars().count() <= nashra::alerts::MAX_TEXT);
        // an alert shows from its start (if any) and never at its expiry
        let expires = a.expires.timestamp();
        assert!(!a.shows_at(expires));
        if let Some(start) = &a.start {
            assert!(a.shows_at(start.timestamp()));
        }
    }
});
