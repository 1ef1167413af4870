//! `site.toml`: any text, parsed and resolved as `build` does.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nashra::diagnostics::Diagnostics;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let diags = Diagnostics::new();
        let _ = nashra::config::parse(text, &diags);
    }
});
