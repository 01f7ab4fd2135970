//! Helpers shared by apifault's integration tests and examples (unpublished).

use std::path::PathBuf;

/// `../shared` beside the repository (schemas and seed pages), when it is there.
///
/// Tests that need it call this and print that they skipped when it returns `None`
/// (a user's clone has no `../shared`); CI always has it.
#[must_use]
pub fn shared_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared");
    dir.join("DESIGN.md").is_file().then_some(dir)
}

/// The JSON schema `../shared/schemas/{name}`, parsed; `None` (after printing that the
/// check is skipped) when `../shared` is not there.
///
/// # Panics
///
/// When the file is there but unreadable or not JSON: a broken checkout, not a skip.
#[must_use]
pub fn shared_schema(name: &str) -> Option<serde_json::Value> {
    let Some(shared) = shared_dir() else {
        println!("skipped: ../shared is not there, {name} is not checked");
        return None;
    };
    let path = shared.join("schemas").join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Some(serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
}
