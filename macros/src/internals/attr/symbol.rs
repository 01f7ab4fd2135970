//! The names of the attributes the derive reads, each written once.

// The attributes the derive reads. `lib.rs` must list them too, in
// `#[proc_macro_derive]`, which takes no constant: a test keeps the two equal.
pub const STATUS: &str = "status";
pub const CODE: &str = "code";
pub const MESSAGE: &str = "message";
pub const TITLE: &str = "title";
pub const API_ERROR: &str = "api_error";
pub const HELPERS: [&str; 5] = [STATUS, CODE, MESSAGE, TITLE, API_ERROR];

#[cfg(test)]
mod tests {
    /// `#[proc_macro_derive(ApiError, attributes(...))]` takes no constant, so `lib.rs`
    /// spells the helper names out: they must be the ones the parser reads.
    #[test]
    fn lib_declares_the_helpers_the_parser_reads() {
        let lib = include_str!("../../lib.rs");
        let declared = lib
            .split_once("attributes(")
            .and_then(|(_, rest)| rest.split_once(')'))
            .map(|(list, _)| list.split(',').map(str::trim).collect::<Vec<_>>());
        assert_eq!(declared.as_deref(), Some(&super::HELPERS[..]));
    }
}
