//! Localized messages through `to_response` (feature `fluent`): every format renders the
//! translated message, title and violation messages and nothing else changes; the fallback
//! chain; what a variant offers its translations; hostile argument values; the bidi marks.

use std::sync::LazyLock;

use apifault::i18n::{FluentLocalizer, Locale, assert_translated, fluent_id};
use apifault::{ApiError, Boom, Context, FieldViolation, JsonApi, Problem};
use apifault_suite::render::{raw_in, value_in};
use serde_json::{Value, json};

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(
    rename_all = "kebab-case",
    type_base = "https://docs.example.com/errors/"
)]
enum OrderError {
    /// No such order.
    #[error("order {id} not found (owner {owner})")]
    #[status(404)]
    #[message("Order {id} not found.")]
    NotFound {
        id: u64,
        /// Never offered: neither interpolated nor exposed.
        owner: String,
    },

    /// Display as the message; the exposed field is offered.
    #[error("order named {name:?} exists")]
    #[status(409)]
    Duplicate {
        #[api_error(expose)]
        name: String,
    },

    /// A count for plurals.
    #[error("{count} items over the limit")]
    #[status(422)]
    #[message("{count} items over the limit.")]
    TooMany { count: u32 },

    #[error("invalid order")]
    #[status(400)]
    #[message("The order is invalid.")]
    Invalid {
        #[api_error(violations)]
        errors: Vec<FieldViolation>,
    },

    /// A 5xx without a message stays without one in every language.
    #[error("database down: {0}")]
    #[status(500)]
    Database(String),

    /// Only English has it.
    #[error("gone")]
    #[status(410)]
    #[message("The order is gone.")]
    Gone,

    /// A code Fluent does not take as an id.
    #[error("expired")]
    #[status(403)]
    #[code("token.expired")]
    #[message("The token expired {0} s ago.")]
    Expired(u64),

    #[error(transparent)]
    #[api_error(transparent)]
    Payment(#[from] PaymentError),
}

#[derive(Debug, thiserror::Error, ApiError)]
#[error("payment of {amount} declined")]
#[status(402)]
#[code("payment-declined")]
#[message("Payment of {amount} declined.")]
struct PaymentError {
    amount: u32,
}

const EN: &str = r#"
not-found = Order { $id } not found.
    .title = Order Not Found
duplicate = An order named { $name } already exists.
too-many = { $count ->
    [one] One item over the limit.
   *[other] { $count } items over the limit.
}
invalid = The order is invalid.
gone = The order is gone.
token-expired = The token expired { $field0 } s ago.
payment-declined = Payment of { $amount } declined.
violation-string-min = { $path } is too short.
"#;

const DE: &str = r#"
not-found = Bestellung { $id } nicht gefunden.
    .title = Bestellung nicht gefunden
duplicate = Eine Bestellung namens { $name } existiert bereits.
too-many = { $count ->
    [one] Ein Artikel über dem Limit.
   *[other] { $count } Artikel über dem Limit.
}
invalid = Die Bestellung ist ungültig.
token-expired = Das Token ist seit { $field0 } s abgelaufen.
payment-declined = Zahlung über { $amount } abgelehnt.
violation-string-min = { $path } ist zu kurz.
"#;

const DE_CH: &str = "not-found = Bestellig { $id } nöd gfunde.\n";

static LOCALIZER: LazyLock<FluentLocalizer> = LazyLock::new(|| {
    FluentLocalizer::builder()
        .locale("en", EN)
        .locale("de", DE)
        .locale("de-CH", DE_CH)
        .build()
        .unwrap()
});

fn context(accept_language: &str) -> Context<'static> {
    Context::new().with_locale(Locale::negotiate(&*LOCALIZER, accept_language).unwrap())
}

fn not_found() -> OrderError {
    OrderError::NotFound {
        id: 7,
        owner: "secret-owner".into(),
    }
}

#[test]
fn problem_renders_the_translation_and_nothing_else_changes() {
    let english = raw_in::<Problem, _>(&not_found(), &Context::new());
    assert_eq!(
        english,
        r#"{"type":"https://docs.example.com/errors/not-found","title":"Not Found","status":404,"detail":"Order 7 not found.","code":"not-found"}"#
    );
    let german = raw_in::<Problem, _>(&not_found(), &context("de"));
    assert_eq!(
        german,
        r#"{"type":"https://docs.example.com/errors/not-found","title":"Bestellung nicht gefunden","status":404,"detail":"Bestellung 7 nicht gefunden.","code":"not-found"}"#
    );
}

#[test]
fn every_format_localizes_message_and_title_only() {
    let error = OrderError::Invalid {
        errors: vec![
            FieldViolation::new(["lines", "0", "sku"], "is too short").with_code("string.min"),
            FieldViolation::new(["note"], "is not allowed"),
        ],
    };
    let context = context("de-DE");
    assert_eq!(
        value_in::<Problem, _>(&error, &context),
        json!({
            "type": "https://docs.example.com/errors/invalid",
            "title": "Bad Request",
            "status": 400,
            "detail": "Die Bestellung ist ungültig.",
            "code": "invalid",
            "errors": [
                {"detail": "lines.0.sku ist zu kurz.", "pointer": "#/lines/0/sku", "code": "string.min"},
                {"detail": "is not allowed", "pointer": "#/note"}
            ]
        })
    );
    let jsonapi = value_in::<JsonApi, _>(&error, &context);
    let details: Vec<&Value> = jsonapi["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|object| &object["detail"])
        .collect();
    assert_eq!(
        details,
        [&json!("lines.0.sku ist zu kurz."), &json!("is not allowed")]
    );
    assert_eq!(jsonapi["errors"][0]["code"], "string.min");
    assert_eq!(
        value_in::<Boom, _>(&error, &context),
        json!({
            "statusCode": 400,
            "error": "Bad Request",
            "message": "Die Bestellung ist ungültig.",
            "errors": [
                {"message": "lines.0.sku ist zu kurz.", "path": ["lines", "0", "sku"], "type": "string.min"},
                {"message": "is not allowed", "path": ["note"], "type": "invalid"}
            ]
        })
    );
    let jsonapi = value_in::<JsonApi, _>(&not_found(), &context);
    assert_eq!(jsonapi["errors"][0]["title"], "Bestellung nicht gefunden");
    assert_eq!(
        jsonapi["errors"][0]["detail"],
        "Bestellung 7 nicht gefunden."
    );
    assert_eq!(jsonapi["errors"][0]["code"], "not-found");
}

#[test]
fn the_response_says_its_language() {
    let response = not_found().to_response_with(&context("fr, de;q=0.5"));
    assert_eq!(response.headers()["content-language"], "de");
    assert_eq!(
        response
            .headers()
            .get_all("vary")
            .iter()
            .collect::<Vec<_>>(),
        ["Accept-Language"]
    );
    let plain = not_found().to_response();
    assert!(plain.headers().get("content-language").is_none());
    assert!(plain.headers().get("vary").is_none());
}

#[test]
fn fallback_goes_through_the_parents_then_the_default_then_the_declared_text() {
    let detail = |error: &OrderError, accept: &str| {
        value_in::<Problem, _>(error, &context(accept))["detail"].clone()
    };
    assert_eq!(detail(&not_found(), "de-CH"), "Bestellig 7 nöd gfunde.");
    // de-CH has no `payment-declined`: German, its parent.
    let payment = OrderError::from(PaymentError { amount: 12 });
    assert_eq!(detail(&payment, "de-CH"), "Zahlung über 12 abgelehnt.");
    // German has no `gone`: English, the default.
    assert_eq!(detail(&OrderError::Gone, "de"), "The order is gone.");
    // Unknown languages: the default.
    assert_eq!(detail(&not_found(), "ja, ko;q=0.5"), "Order 7 not found.");
    // No locale has it: the declared text.
    let localizer: &'static FluentLocalizer = Box::leak(Box::new(
        FluentLocalizer::builder().locale("de", "").build().unwrap(),
    ));
    let context = Context::new().with_locale(Locale::negotiate(localizer, "de").unwrap());
    let body = value_in::<Problem, _>(&not_found(), &context);
    assert_eq!(body["detail"], "Order 7 not found.");
    assert_eq!(body["title"], "Not Found");
}

#[test]
fn a_translation_reads_only_what_the_variant_offers() {
    // `owner` is neither interpolated nor exposed: a translation reading it does not
    // resolve, falls back, and the check fails on it.
    let localizer: &'static FluentLocalizer = Box::leak(Box::new(
        FluentLocalizer::builder()
            .locale("en", "not-found = Order { $id } of { $owner }.")
            .build()
            .unwrap(),
    ));
    let context = Context::new().with_locale(Locale::negotiate(localizer, "en").unwrap());
    let body = raw_in::<Problem, _>(&not_found(), &context);
    assert!(!body.contains("secret-owner"), "{body}");
    assert!(body.contains(r#""detail":"Order 7 not found.""#), "{body}");
    let report = apifault::i18n::check::<OrderError>(localizer, &[]).unwrap_err();
    assert!(
        report.findings.iter().any(|finding| finding.to_string()
            == "code `not-found`, locale `en`: the message translation reads argument `owner`, which is not offered (only `id`)"),
        "{report}"
    );
}

#[test]
fn plurals_exposed_fields_tuple_fields_and_mapped_codes() {
    let detail = |error: &OrderError, accept: &str| {
        value_in::<Problem, _>(error, &context(accept))["detail"].clone()
    };
    assert_eq!(
        detail(&OrderError::TooMany { count: 1 }, "de"),
        "Ein Artikel über dem Limit."
    );
    assert_eq!(
        detail(&OrderError::TooMany { count: 3 }, "de"),
        "3 Artikel über dem Limit."
    );
    assert_eq!(
        detail(&OrderError::Duplicate { name: "Q4".into() }, "de"),
        "Eine Bestellung namens Q4 existiert bereits."
    );
    assert_eq!(
        detail(&OrderError::Expired(30), "de"),
        "Das Token ist seit 30 s abgelaufen."
    );
    assert_eq!(fluent_id("token.expired"), "token-expired");
    assert_eq!(fluent_id("not-found"), "not-found");
    assert_eq!(fluent_id("not_found"), "not_found");
    assert_eq!(fluent_id("404"), "code-404");
    assert_eq!(fluent_id("_x.y"), "code-_x-y");
    assert_eq!(fluent_id(""), "code-");
}

#[test]
fn a_server_error_without_a_message_has_none_in_any_language() {
    let error = OrderError::Database("postgres://user:pw@db".into());
    for accept in ["en", "de", "de-CH"] {
        let body = raw_in::<Problem, _>(&error, &context(accept));
        assert!(!body.contains("detail"), "{body}");
        assert!(!body.contains("postgres"), "{body}");
        let boom = value_in::<Boom, _>(&error, &context(accept));
        assert_eq!(boom["message"], "An internal server error occurred");
    }
}

#[test]
fn hostile_argument_values_keep_every_body_valid() {
    for name in [
        "\"}],\"status\":200,\"x\":{\"",
        "\\",
        "\u{0}\u{1f}\u{7f}\u{2028}\u{2029}",
        "{ $name } { -term } {\"\"}",
        "\u{202e}evil\u{202c}",
        "😀 <script>alert(1)</script>",
    ] {
        let error = OrderError::Duplicate { name: name.into() };
        let context = context("de");
        for body in [
            raw_in::<Problem, _>(&error, &context),
            raw_in::<JsonApi, _>(&error, &context),
            raw_in::<Boom, _>(&error, &context),
        ] {
            let value: Value =
                serde_json::from_str(&body).unwrap_or_else(|e| panic!("{e}: {body}"));
            let text = value
                .get("detail")
                .or_else(|| value.get("message"))
                .or_else(|| value["errors"][0].get("detail"))
                .and_then(Value::as_str)
                .unwrap_or_else(|| panic!("{body}"));
            assert_eq!(
                text,
                format!("Eine Bestellung namens {name} existiert bereits.")
            );
        }
    }
}

#[test]
fn bidi_isolation_marks_are_off_unless_asked_for() {
    let isolating: &'static FluentLocalizer = Box::leak(Box::new(
        FluentLocalizer::builder()
            .locale("en", EN)
            .use_isolating(true)
            .build()
            .unwrap(),
    ));
    let context = Context::new().with_locale(Locale::negotiate(isolating, "en").unwrap());
    let body = value_in::<Problem, _>(&not_found(), &context);
    assert_eq!(body["detail"], "Order \u{2068}7\u{2069} not found.");
    let plain = value_in::<Problem, _>(&not_found(), &self::context("en"));
    assert_eq!(plain["detail"], "Order 7 not found.");
}

#[test]
fn the_catalogue_check_passes_with_every_code_translated() {
    let german_too: &'static FluentLocalizer = Box::leak(Box::new(
        FluentLocalizer::builder()
            .locale("en", EN)
            .locale("de", format!("{DE}gone = Die Bestellung ist weg.\n"))
            .build()
            .unwrap(),
    ));
    assert_translated::<OrderError>(german_too, &["string.min"]);
    let report = apifault::i18n::check::<OrderError>(&*LOCALIZER, &["string.min"]).unwrap_err();
    let lines: Vec<String> = report.findings.iter().map(ToString::to_string).collect();
    // de lacks `gone`; de-CH lacks all but `not-found`, and its title.
    assert!(lines.contains(&"code `gone`, locale `de`: no message translation".to_owned()));
    assert!(lines.contains(&"code `not-found`, locale `de-CH`: no title translation".to_owned()));
    assert!(
        lines.contains(
            &"code `payment-declined`, locale `de-CH`: no message translation".to_owned()
        )
    );
    assert!(
        lines.contains(&"code `string.min`, locale `de-CH`: no violation translation".to_owned())
    );
}

mod negotiation {
    use apifault::i18n::{LanguageIdentifier, negotiate};
    use proptest::prelude::*;

    fn available() -> Vec<LanguageIdentifier> {
        ["en", "de", "de-CH", "fr", "pt-BR", "zh-Hant"]
            .iter()
            .map(|tag| tag.parse().unwrap())
            .collect()
    }

    /// A language range as clients (and attackers) write them.
    fn range() -> impl Strategy<Value = String> {
        let tag = prop_oneof![
            Just("*".to_owned()),
            Just("de".to_owned()),
            Just("de-CH".to_owned()),
            Just("EN-gb".to_owned()),
            Just("zh-Hant-TW".to_owned()),
            "[a-z]{1,9}(-[A-Za-z0-9]{1,9}){0,3}",
            "[^,]{0,12}",
        ];
        let weight = prop_oneof![
            Just(String::new()),
            Just(";q=0".to_owned()),
            Just(";q=1.000".to_owned()),
            "(;q=0\\.[0-9]{1,3})",
            ";[qQ]=[^,]{0,6}",
            ";[^,]{0,8}",
        ];
        (tag, weight).prop_map(|(tag, weight)| format!("{tag}{weight}"))
    }

    proptest! {
        // Failures print the shrunk case; nothing is written into the source tree.
        #![proptest_config(ProptestConfig {
            cases: 256,
            failure_persistence: None,
            ..ProptestConfig::default()
        })]

        #[test]
        fn any_header_picks_an_available_locale(header in ".{0,3000}") {
            let available = available();
            let picked = negotiate(&header, &available).unwrap();
            prop_assert!(available.contains(picked));
        }

        #[test]
        fn a_first_unweighted_available_locale_wins_unless_refused(
            first in 0usize..6,
            // Within the limits (the unit tests cover what lies beyond them).
            ranges in prop::collection::vec(range(), 0..apifault::i18n::MAX_RANGES),
        ) {
            let available = available();
            let wanted = &available[first];
            let header = format!("{wanted}, {}", ranges.join(", "));
            let picked = negotiate(&header, &available).unwrap();
            // Refused: a range of weight 0 that matches it.
            prop_assert!(header.len() <= apifault::i18n::MAX_HEADER_LEN);
            let refused = ranges
                .iter()
                .filter_map(|range| {
                    let (tag, weight) = range.split_once(';')?;
                    let weight = weight.trim().strip_prefix("q=").or_else(|| weight.trim().strip_prefix("Q="))?;
                    let zero = matches!(weight.trim(), "0" | "0." | "0.0" | "0.00" | "0.000");
                    let tag: LanguageIdentifier = tag.trim().parse().ok()?;
                    zero.then_some(tag)
                })
                .any(|tag| wanted.matches(&tag, false, true));
            if !refused {
                prop_assert_eq!(picked, wanted, "{}", header);
            } else {
                prop_assert!(available.contains(picked));
            }
        }
    }
}

/// Exposed fields are offered by their body member names, declared members too; an
/// exposed `None` is not offered.
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(rename_all = "kebab-case")]
enum TicketError {
    #[error("ticket locked")]
    #[status(423)]
    #[api_error(member("help" = "https://help.example.com/{code}"))]
    Locked {
        #[api_error(expose = "supportId")]
        support_id: u32,
        #[api_error(expose)]
        holder: Option<String>,
    },
}

#[test]
fn body_members_are_offered_by_their_names() {
    let localizer: &'static FluentLocalizer = Box::leak(Box::new(
        FluentLocalizer::builder()
            .declared("en")
            .locale(
                "de",
                "locked = Gesperrt (Vorgang { $supportId }, { $holder }), siehe { $help }.\n",
            )
            .build()
            .unwrap(),
    ));
    assert_translated::<TicketError>(localizer, &[]);
    let context = Context::new().with_locale(Locale::negotiate(localizer, "de").unwrap());
    let held = TicketError::Locked {
        support_id: 12,
        holder: Some("Ada".into()),
    };
    assert_eq!(
        value_in::<Problem, _>(&held, &context)["detail"],
        "Gesperrt (Vorgang 12, Ada), siehe https://help.example.com/locked."
    );
    // `holder` is `None`: the translation does not resolve, the declared text is sent.
    let free = TicketError::Locked {
        support_id: 12,
        holder: None,
    };
    assert_eq!(
        value_in::<Problem, _>(&free, &context)["detail"],
        "ticket locked"
    );
}
