//! Pins the example service's error catalogue page (`cargo run --example catalogue`), the
//! published documentation: a changed description or title changes it too. Accept a change
//! with `UPDATE_SNAPSHOTS=1 cargo test --test catalogue_snapshot` and review the diff.
//!
//! The codes themselves, which clients branch on, are pinned by `tests/contract.rs`
//! (`apifault::contract`), which names each breaking change: use that for your own API.

use std::path::Path;

use apifault_suite::service::{cases, catalogue_page};

const SNAPSHOT: &str = "tests/snapshots/service_errors.md";

#[test]
fn the_catalogue_page_matches_its_snapshot() {
    let page = catalogue_page();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(SNAPSHOT);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some_and(|v| v == "1") {
        std::fs::write(&path, &page).expect("write the snapshot");
        return;
    }
    let snapshot = std::fs::read_to_string(&path).unwrap_or_else(|error| {
        panic!(
            "no snapshot at {SNAPSHOT} ({error}): create it with\n  \
             UPDATE_SNAPSHOTS=1 cargo test --test catalogue_snapshot"
        )
    });
    assert!(
        page == snapshot,
        "the error catalogue changed: clients depend on these codes.\n\n\
         {}\n\
         If the change is deliberate, accept it with\n  \
         UPDATE_SNAPSHOTS=1 cargo test --test catalogue_snapshot\n\
         and review {SNAPSHOT} in the diff.",
        line_diff(&snapshot, &page)
    );
}

#[test]
fn every_code_of_the_enum_is_on_the_page() {
    use apifault::ApiError;

    let page = catalogue_page();
    for entry in cases::CaseError::CATALOGUE.entries() {
        let row = format!("| {} | ", entry.status.as_u16());
        let line = page
            .lines()
            .find(|line| line.contains(&format!("| `{}` |", entry.code)))
            .unwrap_or_else(|| panic!("{} is not on the page", entry.code));
        assert!(line.starts_with(&row), "{line}");
    }
    cases::CaseError::CATALOGUE.assert_unique_codes();
}

/// The lines only in `old` (`-`) and only in `new` (`+`), in order, from their longest
/// common subsequence: enough to see which row changed.
fn line_diff(old: &str, new: &str) -> String {
    let (old, new): (Vec<&str>, Vec<&str>) = (old.lines().collect(), new.lines().collect());
    // common[i][j]: the length of the longest common subsequence of old[i..] and new[j..].
    let mut common = vec![vec![0usize; new.len() + 1]; old.len() + 1];
    for i in (0..old.len()).rev() {
        for j in (0..new.len()).rev() {
            common[i][j] = if old[i] == new[j] {
                common[i + 1][j + 1] + 1
            } else {
                common[i + 1][j].max(common[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut diff) = (0, 0, String::new());
    while i < old.len() || j < new.len() {
        if i < old.len() && j < new.len() && old[i] == new[j] {
            (i, j) = (i + 1, j + 1);
        } else if i < old.len() && (j == new.len() || common[i + 1][j] >= common[i][j + 1]) {
            diff += &format!("- {}\n", old[i]);
            i += 1;
        } else {
            diff += &format!("+ {}\n", new[j]);
            j += 1;
        }
    }
    diff
}
