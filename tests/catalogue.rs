//! The error catalogue: every entry of a type in declaration order (transparent variants
//! contribute their inner type's entries), code lookup, duplicate detection and the
//! Markdown page.

use apifault::{ApiError, FieldViolation};

/// Errors of the authentication layer.
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(rename_all = "kebab-case")]
pub enum AuthError {
    /// The token is missing, invalid or expired.
    #[error("unauthorized")]
    #[status(401)]
    #[api_error(header("WWW-Authenticate" = "Bearer"))]
    Unauthorized,

    /// The token does not grant access to this workspace.
    #[error("forbidden")]
    #[status(403)]
    #[title("You cannot access this workspace.")]
    Forbidden,
}

/// Errors of the case API.
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(rename_all = "kebab-case")]
pub enum CaseError {
    /// The case does not exist.
    #[error("case {id} not found")]
    #[status(404)]
    NotFound { id: u64 },

    /// The request body failed validation:
    /// see `errors` for each field.
    #[error("invalid")]
    #[status(400)]
    Invalid {
        #[api_error(violations)]
        errors: Vec<FieldViolation>,
        #[api_error(expose)]
        hint: String,
    },

    #[error(transparent)]
    #[api_error(transparent)]
    Auth(#[from] AuthError),

    /// The database failed.
    #[error("database")]
    #[status(503)]
    #[api_error(header("Retry-After" = "30"))]
    Unavailable,
}

/// A generic wrapper: its catalogue is the inner type's.
#[derive(Debug, thiserror::Error, ApiError)]
pub enum Wrapped<E: ApiError + 'static> {
    #[error(transparent)]
    #[api_error(transparent)]
    Inner(E),

    /// Too many requests.
    #[error("slow down")]
    #[status(429)]
    TooMany,
}

#[test]
fn entries_in_declaration_order_with_transparent_inner_entries_in_place() {
    let codes: Vec<&str> = CaseError::CATALOGUE.entries().map(|e| e.code).collect();
    assert_eq!(
        codes,
        [
            "not-found",
            "invalid",
            "unauthorized",
            "forbidden",
            "unavailable"
        ]
    );
    let names: Vec<&str> = CaseError::CATALOGUE.entries().map(|e| e.name).collect();
    assert_eq!(
        names,
        [
            "NotFound",
            "Invalid",
            "Unauthorized",
            "Forbidden",
            "Unavailable"
        ]
    );
}

#[test]
fn entries_carry_status_title_description_visibility_and_members() {
    let invalid = CaseError::CATALOGUE.lookup("invalid").unwrap();
    assert_eq!(invalid.status, 400);
    assert_eq!(
        invalid.description,
        "The request body failed validation:\nsee `errors` for each field."
    );
    assert!(invalid.public_message);
    assert_eq!(invalid.members, ["hint"]);
    let unavailable = CaseError::CATALOGUE.lookup("unavailable").unwrap();
    assert!(
        !unavailable.public_message,
        "a 5xx without #[message] has no public message"
    );
    let forbidden = CaseError::CATALOGUE.lookup("forbidden").unwrap();
    assert_eq!(forbidden.title, Some("You cannot access this workspace."));
    assert_eq!(forbidden.status, 403);
}

#[test]
fn lookup_finds_inner_codes_and_nothing_else() {
    assert_eq!(
        CaseError::CATALOGUE.lookup("unauthorized").map(|e| e.name),
        Some("Unauthorized")
    );
    assert!(
        CaseError::CATALOGUE.lookup("Unauthorized").is_none(),
        "codes are exact"
    );
    assert!(CaseError::CATALOGUE.lookup("").is_none());
}

#[test]
fn the_entry_of_a_value_is_its_catalogue_entry() {
    let error = CaseError::Auth(AuthError::Forbidden);
    assert!(std::ptr::eq(
        error.entry(),
        CaseError::CATALOGUE.lookup("forbidden").unwrap()
    ));
}

#[test]
fn generic_transparent_variants_nest_the_instantiated_inner_catalogue() {
    let codes: Vec<&str> = Wrapped::<AuthError>::CATALOGUE
        .entries()
        .map(|e| e.code)
        .collect();
    assert_eq!(codes, ["unauthorized", "forbidden", "too_many"]);
    let codes: Vec<&str> = Wrapped::<CaseError>::CATALOGUE
        .entries()
        .map(|e| e.code)
        .collect();
    assert_eq!(codes.len(), 6);
}

#[test]
fn unique_codes_pass_the_check() {
    CaseError::CATALOGUE.assert_unique_codes();
    assert!(CaseError::CATALOGUE.duplicate_codes().is_empty());
}

/// Reuses `unauthorized`, which `AuthError` already has. With `AuthError` named, the
/// derive refuses the clash at compile time (`tests/ui/duplicate_code_across_nesting.rs`);
/// a generic inner type's catalogue is known only per instantiation, so there the
/// runtime check finds it.
#[derive(Debug, thiserror::Error, ApiError)]
pub enum Clashing<Inner: ApiError> {
    /// A second `unauthorized`.
    #[error("unauthorized")]
    #[status(401)]
    #[api_error(header("WWW-Authenticate" = "Basic"))]
    Unauthorized,

    #[error(transparent)]
    #[api_error(transparent)]
    Auth(Inner),
}

#[test]
fn duplicates_across_transparent_variants_are_found() {
    let catalogue = Clashing::<AuthError>::CATALOGUE;
    assert_eq!(catalogue.duplicate_codes(), ["unauthorized"]);
    let panic = std::panic::catch_unwind(|| catalogue.assert_unique_codes()).unwrap_err();
    let message = panic.downcast_ref::<String>().unwrap();
    assert!(message.contains("\"unauthorized\""), "{message}");
}

/// `AuthError` reached three ways: inside `CaseError` (itself behind a `Box` and an
/// `Arc`), directly, and answered as a 500. Each is the same variant, no clash: the
/// derive's compile-time check accepts the type, and the runtime check agrees.
#[derive(Debug, thiserror::Error, ApiError)]
pub enum Layered {
    #[error(transparent)]
    #[api_error(transparent)]
    Cases(Box<std::sync::Arc<CaseError>>),

    #[error(transparent)]
    #[api_error(transparent)]
    Auth(AuthError),

    #[error(transparent)]
    #[api_error(transparent)]
    #[status(500)]
    AuthDown(std::sync::Arc<AuthError>),
}

#[test]
fn a_variant_nested_twice_is_no_duplicate() {
    assert!(Layered::CATALOGUE.duplicate_codes().is_empty());
    Layered::CATALOGUE.assert_unique_codes();
    let statuses: Vec<(&str, u16)> = Layered::CATALOGUE
        .entries()
        .filter(|entry| entry.code == "unauthorized")
        .map(|entry| (entry.name, entry.status.as_u16()))
        .collect();
    assert_eq!(
        statuses,
        [
            ("Unauthorized", 401),
            ("Unauthorized", 401),
            ("Unauthorized", 500)
        ]
    );
    let down = Layered::AuthDown(std::sync::Arc::new(AuthError::Unauthorized));
    assert_eq!((down.status().as_u16(), down.code()), (500, "unauthorized"));
}

#[test]
fn markdown_page_groups_client_and_server_errors_ordered_by_status() {
    let page = CaseError::CATALOGUE.to_markdown("Case API errors");
    let expected = "\
# Case API errors

## Client errors (4xx)

| Status | Name | Code | Title | Description |
|---|---|---|---|---|
| 400 | Bad Request | `invalid` |  | The request body failed validation: see `errors` for each field. |
| 401 | Unauthorized | `unauthorized` |  | The token is missing, invalid or expired. |
| 403 | Forbidden | `forbidden` | You cannot access this workspace. | The token does not grant access to this workspace. |
| 404 | Not Found | `not-found` |  | The case does not exist. |

## Server errors (5xx)

| Status | Name | Code | Title | Description |
|---|---|---|---|---|
| 503 | Service Unavailable | `unavailable` |  | The database failed. |
";
    assert_eq!(page, expected);
}
