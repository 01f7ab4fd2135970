//! The example service's error catalogue as a Markdown docs page:
//! `cargo run --example catalogue > errors.md`.
//!
//! The enum is the single source of truth: every status, code, title and doc comment on
//! the page comes from `CaseError` (and from axum's rejections, a transparent variant).
//! `tests/catalogue_snapshot.rs` pins this page; the codes themselves are the error contract
//! of `tests/contract.rs` (`apifault::contract`), which names each breaking change.

fn main() {
    print!("{}", apifault_suite::service::catalogue_page());
}
