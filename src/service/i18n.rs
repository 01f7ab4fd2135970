//! The case API's translations: English, the language its messages are declared in, and
//! German, as Fluent files (`locales/*.ftl`). The axum, actix-web and gRPC services
//! negotiate each error response's language from the request's `Accept-Language`.

use std::sync::LazyLock;

use apifault::i18n::FluentLocalizer;

/// The violation codes the case API's validation and the framework rejections use: the
/// catalogue check (`tests/i18n_service.rs`) wants a translation of each.
pub const VIOLATION_CODES: &[&str] = &[
    "blank",
    "too_long",
    "out_of_range",
    "invalid_type",
    "invalid_value",
    "invalid_length",
    "unknown_variant",
    "unknown_field",
    "missing_field",
    "duplicate_field",
];

/// The localizer every service of the example shares: English (declared, the default),
/// then German.
pub static LOCALIZER: LazyLock<FluentLocalizer> = LazyLock::new(|| {
    FluentLocalizer::builder()
        .declared("en")
        .locale("en", include_str!("locales/en.ftl"))
        .locale("de", include_str!("locales/de.ftl"))
        .build()
        .expect("the example's locales are valid language tags")
});
