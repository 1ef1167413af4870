//! Sorting names the way a reader of the language expects: CLDR collation (ICU4X `icu_collator`)
//! instead of code-point order, which puts أوكرانيا and إثيوبيا before الأردن in Arabic (hamza
//! forms of alef are separate code points) and every capitalised English name before "Åland".
//!
//! One collator per configured language, made once when the translations load; a language ICU4X
//! has no tailoring for gets the root collation (still better than code points). Ties (names that
//! collate equal) fall back to code-point order, so the result is the same on every build.

use std::cmp::Ordering;

use icu_collator::options::CollatorOptions;
use icu_collator::{Collator, CollatorBorrowed};
use icu_locale_core::Locale;

/// The collator of one language.
pub struct Collation(Option<CollatorBorrowed<'static>>);

impl Collation {
    /// The collator for a BCP 47 tag (`ar`, `en`, `pt-BR`); the root collation for a tag ICU4X
    /// cannot parse or has no data for.
    pub fn new(lang: &str) -> Collation {
        let options = CollatorOptions::default();
        let locale = Locale::try_from_str(lang).unwrap_or(Locale::UNKNOWN);
        let collator = Collator::try_new(locale.into(), options)
            .or_else(|_| Collator::try_new(Locale::UNKNOWN.into(), options))
            .ok();
        Collation(collator)
    }

    /// Compares two names; equal names (for the collation) in code-point order.
    pub fn compare(&self, a: &str, b: &str) -> Ordering {
        match &self.0 {
            Some(c) => c.compare(a, b).then_with(|| a.cmp(b)),
            None => a.cmp(b),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(lang: &str, names: &[&str]) -> Vec<String> {
        let c = Collation::new(lang);
        let mut v: Vec<String> = names.iter().map(|s| s.to_string()).collect();
        v.sort_by(|a, b| c.compare(a, b));
        v
    }

    #[test]
    fn arabic_hamza_forms_sort_with_alef() {
        // code points: أ (U+0623) and إ (U+0625) come before ا (U+0627)
        assert_eq!(
            sorted("ar", &["أوكرانيا", "الأردن", "إثيوبيا", "تونس", "البحرين"]),
            ["إثيوبيا", "الأردن", "البحرين", "أوكرانيا", "تونس"]
        );
    }

    #[test]
    fn english_compares_letters_before_case_and_accents() {
        assert_eq!(
            sorted(
                "en",
                &[
                    "Zambia",
                    "Åland Islands",
                    "algeria",
                    "Côte d’Ivoire",
                    "Cuba"
                ]
            ),
            [
                "Åland Islands",
                "algeria",
                "Côte d’Ivoire",
                "Cuba",
                "Zambia"
            ]
        );
    }

    #[test]
    fn an_unknown_language_gets_the_root_collation() {
        assert_eq!(sorted("zz-Qaaa", &["b", "A", "a"]), ["a", "A", "b"]);
    }
}
