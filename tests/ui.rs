//! The derive's compile-time diagnostics: one mistake per `tests/ui/*.rs`, its exact
//! compiler output in the `.stderr` beside it. Regenerate with
//! `TRYBUILD=overwrite cargo test --test ui`, then read every changed `.stderr`.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/*.rs");
}
