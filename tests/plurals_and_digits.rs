//! Arabic plurals must follow CLDR for every count (fluent-bundle's own rules are wrong from
//! 103 on), and numbers must follow the language's `digits` setting.

mod common;

use icu_locale_core::locale;
use icu_plurals::PluralRules;
use nashra::diagnostics::Diagnostics;
use nashra::i18n::{Arg, Localizer};

fn localizer(site_toml: &str, extra_ftl: &str) -> (tempfile::TempDir, Localizer) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    common::write(dir.path(), "site.toml", site_toml);
    common::write(dir.path(), "locales/ar/test.ftl", extra_ftl);
    let diags = Diagnostics::new();
    let config = nashra::config::load(dir.path(), &diags)
        .unwrap_or_else(|| panic!("{:?}", diags.snapshot()));
    let l = Localizer::load(dir.path(), &config, &diags)
        .unwrap_or_else(|| panic!("{:?}", diags.snapshot()));
    (dir, l)
}

const CATEGORY_FTL: &str = "category = { $n ->\n    [zero] zero\n    [one] one\n    [two] two\n    [few] few\n    [many] many\n   *[other] other\n}\n";

#[test]
fn arabic_plural_categories_agree_with_icu_for_0_to_1200() {
    let (_d, l) = localizer(common::SITE_TOML, CATEGORY_FTL);
    let icu = PluralRules::try_new_cardinal(locale!("ar").into()).unwrap_or_else(|e| panic!("{e}"));
    let mut seen = std::collections::BTreeSet::new();
    for n in 0..=1200u32 {
        let got = l.format("ar", "category", &[("n", Arg::Num(f64::from(n)))]);
        let want = nashra::i18n::format::category_name(icu.category_for(n));
        assert_eq!(got, want, "n = {n}");
        seen.insert(want);
    }
    assert_eq!(
        seen.len(),
        6,
        "all six Arabic categories occur in 0..=1200: {seen:?}"
    );
    // the cases fluent-bundle 0.16 alone gets wrong
    assert_eq!(l.format("ar", "category", &[("n", Arg::Num(103.0))]), "few");
    assert_eq!(
        l.format("ar", "category", &[("n", Arg::Num(111.0))]),
        "many"
    );
}

#[test]
fn article_counts_read_naturally_in_arabic() {
    let (_d, l) = localizer(common::SITE_TOML, "");
    let count = |n: f64| l.format("ar", "articles-count", &[("count", Arg::Num(n))]);
    assert_eq!(count(0.0), "لا توجد مقالات");
    assert_eq!(count(1.0), "مقال واحد");
    assert_eq!(count(2.0), "مقالان");
    assert_eq!(count(3.0), "٣ مقالات");
    assert_eq!(count(11.0), "١١ مقالًا");
    assert_eq!(count(103.0), "١٠٣ مقالات");
    assert_eq!(count(1200.0), "١٬٢٠٠ مقال");
}

#[test]
fn latin_digits_when_configured() {
    let toml = common::SITE_TOML.replace("digits = \"arab\"", "digits = \"latn\"");
    let (_d, l) = localizer(&toml, "");
    assert_eq!(
        l.format("ar", "articles-count", &[("count", Arg::Num(11.0))]),
        "11 مقالًا"
    );
    assert_eq!(
        l.format("ar", "articles-count", &[("count", Arg::Num(1200.0))]),
        "1,200 مقال"
    );
    assert_eq!(
        l.format("en", "articles-count", &[("count", Arg::Num(1200.0))]),
        "1,200 articles"
    );
    assert_eq!(
        l.format("en", "articles-count", &[("count", Arg::Num(0.0))]),
        "No articles"
    );
}

#[test]
fn a_missing_message_falls_back_to_the_default_language_then_the_key_and_is_reported() {
    let (_d, l) = localizer(common::SITE_TOML, "only-arabic = نص عربي\n");
    assert_eq!(l.format("en", "only-arabic", &[]), "نص عربي");
    assert_eq!(l.format("en", "nowhere", &[]), "nowhere");
    let diags = Diagnostics::new();
    l.report_fallbacks(&diags);
    let msgs: Vec<String> = diags.snapshot().into_iter().map(|d| d.message).collect();
    assert_eq!(
        msgs,
        [
            "Fluent message `nowhere` is missing in `ar`",
            "Fluent message `nowhere` is missing in `en`",
            "Fluent message `only-arabic` is missing in `en`",
        ]
    );
}

#[test]
fn a_message_that_cannot_be_formatted_is_reported_where_it_is_written() {
    let (_d, l) = localizer(common::SITE_TOML, "# site\ngreeting = مرحبًا { $name }\n");
    assert_eq!(l.format("ar", "greeting", &[]), "مرحبًا {$name}");
    let diags = Diagnostics::new();
    l.report_fallbacks(&diags);
    let all = diags.snapshot();
    assert_eq!(all.len(), 1, "{all:?}");
    assert_eq!(all[0].message, "Fluent message `greeting` in `ar` could not be formatted: Resolver error: Unknown variable: $name");
    assert_eq!(
        all[0].location().as_deref(),
        Some("locales/ar/test.ftl:2:1")
    );
}

/// Issue 30.16: a site in the languages news sites of the region publish in — Persian, Urdu,
/// Hebrew, Turkish, French, Spanish, German, Russian, Chinese (Simplified and Traditional) and
/// Portuguese, regional tags among them — builds and checks with no missing message: months,
/// weekdays and country names from CLDR, dates in each language's order, right-to-left where
/// the language is.
#[test]
fn thirteen_languages_build_and_check_with_their_own_interface_text() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let r = dir.path();
    let langs = [
        "en", "ar", "fa", "ur", "he", "tr", "fr", "es", "de", "ru", "zh-CN", "zh-TW", "pt-BR",
    ];
    let mut toml = String::from(
        "base_url = \"https://news.example.org/\"\ndefault_language = \"en\"\ntimezone = \"UTC\"\ntopics = [\"economy\"]\n",
    );
    for l in langs {
        toml.push_str(&format!("\n[languages.{l}]\ntitle = \"News {l}\"\n"));
        if l == "fa" {
            // Persian papers write Persian digits
            toml.push_str("digits = \"arabext\"\n");
        }
    }
    common::write(r, "site.toml", &toml);
    for l in langs {
        common::write(
            r,
            &format!("content/2025/03/rain.{l}.md"),
            &format!("---\ntitle: Rain {l}\ndate: 2025-03-05T10:30:00Z\ntopics: [economy]\ncountries: [de]\n---\n\nText.\n"),
        );
    }
    let check = common::nashra(r, &["check"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    assert!(
        check.stderr.contains("check: no problems"),
        "{}",
        check.stderr
    );
    let build = common::nashra(r, &["build"]);
    assert_eq!(build.code, 0, "{}", build.stderr);
    assert!(!build.stderr.contains("warning"), "{}", build.stderr);
    let page = |l: &str| common::read(&r.join(format!("public/{l}/2025/03/rain/index.html")));
    for (l, dir, date) in [
        ("fa", "rtl", "۵ مارس ۲۰۲۵"),
        ("ur", "rtl", "5 مارچ، 2025"),
        ("he", "rtl", "5 במרץ 2025"),
        ("ru", "ltr", "5 марта 2025 г."),
        ("zh-TW", "ltr", "2025年3月5日"),
        ("zh-CN", "ltr", "2025年3月5日"),
        ("pt-BR", "ltr", "5 de março de 2025"),
        ("de", "ltr", "5. März 2025"),
        ("tr", "ltr", "5 Mart 2025"),
    ] {
        let html = page(l);
        assert!(
            html.contains(&format!("lang=\"{l}\" dir=\"{dir}\"")),
            "{l}: {html}"
        );
        assert!(html.contains(date), "{l} should show {date}: {html}");
    }
    // country names from CLDR, in each language
    assert!(page("ru").contains("Германия"), "{}", page("ru"));
    assert!(page("zh-TW").contains("德國"), "{}", page("zh-TW"));
    // a month heading names the month on its own ("март", where a date says "марта")
    let archive = common::read(&r.join("public/ru/archive/index.html"));
    assert!(archive.contains("март 2025"), "{archive}");
}

/// Issue 30.16: a language nashra has no interface text for borrows the default language's with
/// one warning (a 16-language site used to get ~12,000 missing-message problems from `check`).
#[test]
fn a_language_without_interface_text_borrows_the_default_one_with_one_warning() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let r = dir.path();
    common::write(
        r,
        "site.toml",
        "base_url = \"https://news.example.org/\"\ndefault_language = \"en\"\n[languages.en]\ntitle = \"News\"\n[languages.sw]\ntitle = \"Habari\"\n",
    );
    common::write(
        r,
        "content/2025/03/rain.sw.md",
        "---\ntitle: Mvua\ndate: 2025-03-05\n---\n\nMaandishi.\n",
    );
    // the build succeeds with exactly one warning, this one
    let builds_with_one_warning = |warning: &str| {
        let build = common::nashra(r, &["build"]);
        assert_eq!(build.code, 0, "{}", build.stderr);
        assert_eq!(
            build.stderr.matches("warning").count(),
            1,
            "{}",
            build.stderr
        );
        assert!(
            build
                .stderr
                .contains(&format!("warning: {warning}\n  --> locales/sw")),
            "{}",
            build.stderr
        );
    };
    builds_with_one_warning(
        "`sw` has no interface text of its own: pages in it show the default language's (`en`)",
    );
    let html = common::read(&r.join("public/sw/2025/03/rain/index.html"));
    assert!(html.contains("March"), "{html}");
    // `check` counts it (as every warning) as a problem, once
    let check = common::nashra(r, &["check"]);
    assert_eq!(
        check.stderr.matches("has no interface text").count(),
        1,
        "{}",
        check.stderr
    );
    assert!(
        check.stderr.contains("check: 1 problem"),
        "{}",
        check.stderr
    );

    // a site that translates a few messages itself: those are used, the rest borrowed, and
    // still one warning (not one per message it lacks)
    common::write(r, "locales/sw/ui.ftl", "latest-news = Habari mpya\n");
    builds_with_one_warning(
        "`sw` has its own text for 1 message only: the others show the default language's (`en`)",
    );
    let front = common::read(&r.join("public/sw/index.html"));
    assert!(front.contains("Habari mpya"), "{front}");
    assert!(front.contains("Skip to content"), "{front}");
}
