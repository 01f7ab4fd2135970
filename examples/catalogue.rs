//! The example service's error catalogue as a Markdown docs page:
//! `cargo run --example catalogue > errors.md`.
//!
//! The enum is the single source of truth: every status, code, title and doc comment on
//! the page comes from `CaseError` (and from axum's rejections, a transparent variant).
//! `tests/catalogue_snapshot.rs` pins this page, so a code that changes by accident (a
//! renamed variant under `rename_all`) fails a test instead of breaking clients.

fn main() {
    print!("{}", apifault_suite::service::catalogue_page());
}
