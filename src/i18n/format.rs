//! Locale data that Fluent gets wrong or does not have: CLDR plural categories (ICU4X; fluent's
//! own rules pick the wrong Arabic category for 103, 111, …), digits, grouping, and the Hijri
//! (Umm al-Qura) calendar.

use std::sync::OnceLock;

use icu_calendar::cal::Hijri;
use icu_calendar::Date;
use icu_decimal::input::Decimal;
use icu_decimal::DecimalFormatter;
use icu_locale_core::Locale;
use icu_plurals::{PluralCategory, PluralRules};

use crate::config::Digits;

/// Plural rules of one language, from ICU4X compiled CLDR data.
pub struct Plurals {
    rules: PluralRules,
}

impl Plurals {
    pub fn new(lang: &str) -> Plurals {
        let locale = Locale::try_from_str(lang).unwrap_or(Locale::UNKNOWN);
        let rules = PluralRules::try_new_cardinal(locale.clone().into())
            .or_else(|_| PluralRules::try_new_cardinal(Locale::UNKNOWN.into()));
        match rules {
            Ok(rules) => Plurals { rules },
            // compiled data always has the root locale; this is unreachable in practice
            Err(_) => Plurals {
                rules: fallback_rules(),
            },
        }
    }

    /// The names of every category the language has (`one`, `few`, `many`, `other` for Russian).
    pub fn categories(&self) -> Vec<&'static str> {
        self.rules.categories().map(category_name).collect()
    }

    /// The CLDR category name (`zero`, `one`, `two`, `few`, `many`, `other`) of `n`.
    pub fn category(&self, n: f64) -> &'static str {
        let cat = if n.fract() == 0.0 && n.abs() < 1e15 {
            self.rules.category_for(n as i64)
        } else {
            match n.to_string().parse::<Decimal>() {
                Ok(d) => self.rules.category_for(&d),
                Err(_) => PluralCategory::Other,
            }
        };
        category_name(cat)
    }
}

fn fallback_rules() -> PluralRules {
    // `Locale::UNKNOWN` (root) is in every compiled data set.
    #[allow(clippy::expect_used)]
    PluralRules::try_new_cardinal(Locale::UNKNOWN.into())
        .expect("root plural rules are compiled in")
}

pub fn category_name(c: PluralCategory) -> &'static str {
    match c {
        PluralCategory::Zero => "zero",
        PluralCategory::One => "one",
        PluralCategory::Two => "two",
        PluralCategory::Few => "few",
        PluralCategory::Many => "many",
        PluralCategory::Other => "other",
    }
}

/// Rewrites ASCII digits (and `.`/`,` between digits) into the language's digits.
pub fn digits(text: &str, d: Digits) -> String {
    match d {
        Digits::Latn => text.to_string(),
        Digits::Arab | Digits::Arabext => {
            let zero = if d == Digits::Arab { 0x0660 } else { 0x06F0 };
            let chars: Vec<char> = text.chars().collect();
            let mut out = String::with_capacity(text.len() * 2);
            for (i, &c) in chars.iter().enumerate() {
                let between = i > 0
                    && chars[i - 1].is_ascii_digit()
                    && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit());
                match c {
                    '0'..='9' => {
                        out.push(char::from_u32(zero + (c as u32 - '0' as u32)).unwrap_or(c))
                    }
                    '.' if between => out.push('\u{066B}'),
                    ',' if between => out.push('\u{066C}'),
                    _ => out.push(c),
                }
            }
            out
        }
    }
}

fn decimal_formatter(d: Digits) -> Option<&'static DecimalFormatter> {
    static LATN: OnceLock<Option<DecimalFormatter>> = OnceLock::new();
    static ARAB: OnceLock<Option<DecimalFormatter>> = OnceLock::new();
    static ARABEXT: OnceLock<Option<DecimalFormatter>> = OnceLock::new();
    let (cell, tag) = match d {
        Digits::Latn => (&LATN, "en"),
        Digits::Arab => (&ARAB, "ar-u-nu-arab"),
        Digits::Arabext => (&ARABEXT, "fa-u-nu-arabext"),
    };
    cell.get_or_init(|| {
        let locale = Locale::try_from_str(tag).ok()?;
        DecimalFormatter::try_new(locale.into(), Default::default()).ok()
    })
    .as_ref()
}

/// A number with grouping, in the given digits: 1200 → `1,200` / `١٬٢٠٠`.
pub fn number(n: f64, d: Digits) -> String {
    let text = if n.fract() == 0.0 && n.abs() < 1e15 {
        (n as i64).to_string()
    } else {
        n.to_string()
    };
    if let (Some(f), Ok(dec)) = (decimal_formatter(d), text.parse::<Decimal>()) {
        return f.format_to_string(&dec);
    }
    digits(&text, d)
}

/// The Umm al-Qura Hijri date of a Gregorian date: (year, month 1–12, day).
pub fn hijri(year: i16, month: i8, day: i8) -> Option<(i32, u8, u8)> {
    let iso = Date::try_new_iso(i32::from(year), month as u8, day as u8).ok()?;
    let h = iso.to_calendar(Hijri::new_umm_al_qura());
    Some((h.era_year().year, h.month().ordinal, h.day_of_month().0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_digits_and_grouping() {
        assert_eq!(number(1200.0, Digits::Arab), "١٬٢٠٠");
        assert_eq!(number(1200.0, Digits::Latn), "1,200");
        assert_eq!(number(7.0, Digits::Arab), "٧");
        assert_eq!(digits("10:30, 2025", Digits::Arab), "١٠:٣٠, ٢٠٢٥");
        assert_eq!(digits("5 مارس 2025", Digits::Arabext), "۵ مارس ۲۰۲۵");
        assert_eq!(number(1200.0, Digits::Arabext), "۱٬۲۰۰");
    }

    #[test]
    fn hijri_date_of_the_seed_article() {
        assert_eq!(hijri(2025, 11, 27), Some((1447, 6, 6)));
    }

    #[test]
    fn arabic_plurals_follow_cldr() {
        let p = Plurals::new("ar");
        let got: Vec<&str> = [0.0, 1.0, 2.0, 3.0, 11.0, 100.0, 103.0, 111.0]
            .iter()
            .map(|&n| p.category(n))
            .collect();
        assert_eq!(
            got,
            ["zero", "one", "two", "few", "many", "other", "few", "many"]
        );
    }
}
