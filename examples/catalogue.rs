//! The example service's error catalogue as a Markdown docs page:
//! `cargo run --example catalogue > errors.md`.
//!
//! The enum is the single source of truth: every status, code, title and doc comment on
//! the page comes from `CaseError` (and from axum's rejections, a transparent variant).
//! `tests/catalogue_snapshot.rs` pins this page, so a code that changes by accident (a
//! renamed variant under `rename_all`) fails a test instead of breaking clients.

// The domain is shared with the service examples; only its error enum is used here.
#[allow(dead_code)]
#[path = "service/cases.rs"]
pub(crate) mod cases;

use apifault::ApiError;

/// The page: one table for client errors and one for server errors, ordered by status.
pub fn page() -> String {
    cases::CaseError::CATALOGUE.to_markdown("Case API errors")
}

#[allow(dead_code)] // Not called when the snapshot test includes this file.
fn main() {
    print!("{}", page());
}
