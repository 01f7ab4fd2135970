//! The example service's translations pass the catalogue check, and a broken translation
//! is reported with its code, locale and argument.

use apifault::i18n::{FluentLocalizer, LanguageIdentifier, Localizer, assert_translated, check};
use apifault_suite::service::cases::CaseError;
use apifault_suite::service::i18n::{LOCALIZER, VIOLATION_CODES};

#[test]
fn every_case_api_code_is_translated_in_every_shipped_locale() {
    assert_translated::<CaseError>(&*LOCALIZER, VIOLATION_CODES);
    let locales: Vec<String> = LOCALIZER
        .locales()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(locales, ["en", "de"]);
    let english: LanguageIdentifier = "en".parse().unwrap();
    assert_eq!(LOCALIZER.declared(), Some(&english));
}

#[test]
fn the_check_names_code_locale_and_argument() {
    let localizer = FluentLocalizer::builder()
        .declared("en")
        .locale(
            "de",
            concat!(
                include_str!("../src/service/locales/de.ftl"),
                "\nnot_found = Fall { $id } von { $owner } fehlt.\n",
            ),
        )
        .build()
        .unwrap();
    // The first `not_found` wins in the bundle: the check reads what is served.
    assert!(check::<CaseError>(&localizer, VIOLATION_CODES).is_ok());

    let source = include_str!("../src/service/locales/de.ftl")
        .replace(
            "Der Fall { $id } wurde",
            "Der Fall { $id } von { $owner } wurde",
        )
        .replace(
            "rate_limited = { $retry_after ->",
            "rate_limited = { $retry_afte ->",
        )
        .replace(
            "violation-blank = darf nicht leer sein",
            "violation-blank = { $name } darf nicht leer sein",
        )
        .replace("unauthorized = Ein", "unauthorized = { Ein")
        .replace("no_route = Kein Pfad passt zu dieser Anfrage.\n", "")
        .replace("    .title = Konflikt", "    .title = Konflikt { $name }");
    let localizer = FluentLocalizer::builder()
        .declared("en")
        .locale("de", source)
        .build()
        .unwrap();
    let report = check::<CaseError>(&localizer, VIOLATION_CODES).unwrap_err();
    let lines: Vec<String> = report.findings.iter().map(ToString::to_string).collect();
    let expected = [
        "code `not_found`, locale `de`: the message translation reads argument `owner`, which is not offered (only `id`)",
        "code `duplicate_name`, locale `de`: the title translation reads argument `name`, which is not offered (none is)",
        "code `rate_limited`, locale `de`: the message translation reads argument `retry_afte`, which is not offered (only `retry_after`)",
        "code `no_route`, locale `de`: no message translation",
        "code `blank`, locale `de`: the violation translation reads argument `name`, which is not offered (only `path`)",
    ];
    for line in expected {
        assert!(
            lines.iter().any(|found| found == line),
            "{line}\nnot in:\n{report}"
        );
    }
    let unparsable = lines
        .iter()
        .find(|line| {
            line.starts_with(
                "code `unauthorized`, locale `de`: the message translation does not parse: line ",
            )
        })
        .unwrap_or_else(|| panic!("no parse error in:\n{report}"));
    assert!(unparsable.contains("line 11"), "{unparsable}");
    // The broken entry held the title too.
    assert!(
        lines.iter().any(|line| line
            .starts_with("code `unauthorized`, locale `de`: the title translation does not parse")),
        "{report}"
    );
    assert_eq!(lines.len(), expected.len() + 2, "{report}");
}
