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
