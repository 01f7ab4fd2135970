//! `apifault::contract`: a type's codes checked against a committed lock file. The example
//! service pins its `CaseError`; small enums, before and after a change, show each kind of
//! difference named and classified, and the lock file written, read back and refused.

use std::path::PathBuf;

use apifault::contract::{self, ContractError, Difference, Mode};
use apifault::{ApiError, Catalogue};
use apifault_suite::service::cases::CaseError;

/// The two lines a service writes: the example service's contract, committed beside it.
#[test]
fn the_case_api_keeps_its_error_contract() {
    contract::check::<CaseError>("tests/snapshots/case_errors.lock.json");
}

/// A lock file of its own per test, in the temporary directory.
struct TempLock(PathBuf);

impl TempLock {
    fn new(name: &str) -> Self {
        let path = std::env::temp_dir().join(format!(
            "apifault-contract-{}-{name}.lock.json",
            std::process::id()
        ));
        let _ = std::fs::remove_file(&path);
        Self(path)
    }

    /// A lock file recording `catalogue`.
    fn of(name: &str, catalogue: &'static Catalogue) -> Self {
        let lock = Self::new(name);
        std::fs::write(&lock.0, contract::lock_file(catalogue)).unwrap();
        lock
    }

    fn read(&self) -> String {
        std::fs::read_to_string(&self.0).unwrap()
    }

    fn check(&self, catalogue: &'static Catalogue) -> Result<Vec<Difference>, ContractError> {
        contract::verify(catalogue, "After", &self.0, Mode::Check)
    }

    /// The differences the check fails with (breaking ones among them).
    fn differences(&self, catalogue: &'static Catalogue) -> Vec<Difference> {
        match self.check(catalogue) {
            Err(ContractError::Changed { differences, .. }) => differences,
            other => panic!("expected differences, got {other:?}"),
        }
    }
}

impl Drop for TempLock {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

mod before {
    use apifault::ApiError;

    #[derive(Debug, thiserror::Error, ApiError)]
    #[api_error(
        rename_all = "kebab-case",
        type_base = "https://docs.example.com/errors/"
    )]
    pub enum CaseError {
        #[error("case {id} not found")]
        #[status(404)]
        NotFound {
            #[api_error(expose)]
            id: u64,
            #[api_error(expose)]
            tenant: String,
        },

        #[error("the case is locked")]
        #[status(409)]
        Locked,

        #[error("the case is archived")]
        #[status(410)]
        Archived,

        #[error("upstream")]
        #[status(502)]
        #[api_error(codes("busy", "timeout"))]
        Upstream(#[api_error(code)] String),
    }
}

#[test]
fn an_unchanged_catalogue_passes() {
    let lock = TempLock::of("unchanged", before::CaseError::CATALOGUE);
    assert_eq!(lock.check(before::CaseError::CATALOGUE).unwrap(), []);
}

#[test]
fn the_lock_file_is_one_object_per_code_sorted_a_field_per_line() {
    assert_eq!(
        contract::lock_file(before::CaseError::CATALOGUE),
        r#"{
  "about": "The error codes clients depend on (apifault). Regenerate deliberately: APIFAULT_ACCEPT_CONTRACT=1 cargo test",
  "version": 1,
  "codes": [
    {
      "code": "archived",
      "variant": "Archived",
      "status": 410,
      "type": "https://docs.example.com/errors/archived",
      "members": []
    },
    {
      "code": "locked",
      "variant": "Locked",
      "status": 409,
      "type": "https://docs.example.com/errors/locked",
      "members": []
    },
    {
      "code": "not-found",
      "variant": "NotFound",
      "status": 404,
      "type": "https://docs.example.com/errors/not-found",
      "members": ["id", "tenant"]
    },
    {
      "code": "upstream",
      "variant": "Upstream",
      "status": 502,
      "type": "https://docs.example.com/errors/upstream",
      "members": [],
      "runtime_code": true,
      "codes": ["busy", "timeout"]
    }
  ]
}
"#
    );
}

/// Every breaking kind at once: `NotFound` lost a member, `Locked` was renamed to
/// `CaseLocked` (its code with it), `Archived` was removed, `Upstream` takes one runtime
/// code less, and the status of `Conflict`... is `Locked`'s new status.
mod breaking {
    use apifault::ApiError;

    #[derive(Debug, thiserror::Error, ApiError)]
    #[api_error(
        rename_all = "kebab-case",
        type_base = "https://docs.example.com/errors/"
    )]
    pub enum CaseError {
        #[error("case {id} not found")]
        #[status(404)]
        NotFound {
            #[api_error(expose)]
            id: u64,
        },

        #[error("the case is locked")]
        #[status(409)]
        CaseLocked,

        #[error("upstream")]
        #[status(502)]
        #[api_error(codes("busy"))]
        Upstream(#[api_error(code)] String),
    }
}

#[test]
fn each_breaking_change_is_named() {
    let lock = TempLock::of("breaking", before::CaseError::CATALOGUE);
    let differences = lock.differences(breaking::CaseError::CATALOGUE);
    let shown: Vec<(bool, String)> = differences
        .iter()
        .map(|d| (d.is_breaking(), d.to_string()))
        .collect();
    assert_eq!(
        shown,
        [
            (
                true,
                "`archived` removed (it was variant Archived's)".to_owned()
            ),
            (
                true,
                "`locked` renamed to `case-locked` (variant CaseLocked); keep the old code \
                 with #[code(\"locked\")]"
                    .to_owned()
            ),
            (
                true,
                "`locked` type URI changed from https://docs.example.com/errors/locked to \
                 https://docs.example.com/errors/case-locked"
                    .to_owned()
            ),
            (
                true,
                "`not-found` no longer exposes member `tenant`".to_owned()
            ),
            (
                true,
                "`upstream` no longer takes the runtime code `timeout`".to_owned()
            ),
            (
                false,
                "`locked` variant changed from Locked to CaseLocked".to_owned()
            ),
        ]
    );
}

/// The same variant names, a new `rename_all` (every code renamed) and a changed status.
mod renamed {
    use apifault::ApiError;

    #[derive(Debug, thiserror::Error, ApiError)]
    #[api_error(rename_all = "SCREAMING_SNAKE_CASE")]
    pub enum CaseError {
        #[error("case {id} not found")]
        #[status(404)]
        NotFound {
            #[api_error(expose)]
            id: u64,
            #[api_error(expose)]
            tenant: String,
        },

        #[error("the case is locked")]
        #[status(423)]
        #[code("locked")]
        Locked,
    }
}

#[test]
fn a_code_renamed_under_the_same_variant_and_a_changed_status_are_breaking() {
    let lock = TempLock::of("renamed", before::CaseError::CATALOGUE);
    let differences = lock.differences(renamed::CaseError::CATALOGUE);
    assert!(differences.contains(&Difference::Renamed {
        variant: "NotFound".into(),
        from: "not-found".into(),
        to: "NOT_FOUND".into(),
    }));
    assert!(differences.contains(&Difference::StatusChanged {
        code: "locked".into(),
        from: 409,
        to: 423,
    }));
    assert!(differences.contains(&Difference::TypeChanged {
        code: "locked".into(),
        from: Some("https://docs.example.com/errors/locked".into()),
        to: None,
    }));
    assert!(differences.iter().all(Difference::is_breaking));
}

/// Only additions: a variant, a member, a title.
mod added {
    use apifault::ApiError;

    #[derive(Debug, thiserror::Error, ApiError)]
    #[api_error(
        rename_all = "kebab-case",
        type_base = "https://docs.example.com/errors/"
    )]
    pub enum CaseError {
        #[error("case {id} not found")]
        #[status(404)]
        #[title("Case not found")]
        NotFound {
            #[api_error(expose)]
            id: u64,
            #[api_error(expose)]
            tenant: String,
            #[api_error(expose)]
            region: String,
        },

        #[error("the case is locked")]
        #[status(409)]
        Locked,

        #[error("the case is archived")]
        #[status(410)]
        Archived,

        #[error("upstream")]
        #[status(502)]
        #[api_error(codes("busy", "timeout", "overloaded"))]
        Upstream(#[api_error(code)] String),

        #[error("too many cases")]
        #[status(429)]
        #[api_error(header("Retry-After" = "5"))]
        TooMany,
    }
}

#[test]
fn additions_are_compatible_and_pass_unrecorded() {
    let lock = TempLock::of("added", before::CaseError::CATALOGUE);
    let locked = lock.read();
    let differences = lock
        .check(added::CaseError::CATALOGUE)
        .expect("compatible changes pass");
    let shown: Vec<String> = differences.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [
            "`not-found` members changed from id, tenant to id, tenant, region",
            "`not-found` title changed from none to Case not found",
            "`upstream` codes changed from busy, timeout to busy, timeout, overloaded",
            "`too-many` added (variant TooMany)",
        ]
    );
    assert!(!differences.iter().any(Difference::is_breaking));
    // Not recorded behind the user's back: the file is as it was.
    assert_eq!(lock.read(), locked);
}

#[test]
fn the_message_lists_breaking_changes_first_and_says_how_to_accept() {
    let lock = TempLock::of("message", before::CaseError::CATALOGUE);
    let message = lock
        .check(renamed::CaseError::CATALOGUE)
        .unwrap_err()
        .to_string();
    let path = lock.0.display();
    assert_eq!(
        message,
        format!(
            "the error contract of `After` differs from {path}:\n\n\
             6 breaking changes (clients may depend on what changed):\n  \
             - `archived` removed (it was variant Archived's)\n  \
             - `locked` status changed from 409 to 423\n  \
             - `locked` type URI changed from https://docs.example.com/errors/locked to none\n  \
             - `not-found` renamed to `NOT_FOUND` (variant NotFound); keep the old code with \
             #[code(\"not-found\")]\n  \
             - `not-found` type URI changed from https://docs.example.com/errors/not-found to \
             none\n  \
             - `upstream` removed (it was variant Upstream's)\n\
             \nIf the change is deliberate, accept it with\n  \
             APIFAULT_ACCEPT_CONTRACT=1 cargo test\nand review {path} in the diff."
        )
    );
}

#[test]
fn accepting_rewrites_the_file_and_reports_what_it_accepted() {
    let lock = TempLock::of("accept", before::CaseError::CATALOGUE);
    let accepted = contract::verify(
        breaking::CaseError::CATALOGUE,
        "After",
        &lock.0,
        Mode::Accept,
    )
    .unwrap();
    let expected = contract::compare(
        breaking::CaseError::CATALOGUE,
        &contract::lock_file(before::CaseError::CATALOGUE),
    )
    .unwrap();
    assert_eq!(accepted, expected);
    assert!(accepted.iter().any(Difference::is_breaking));
    assert_eq!(
        lock.read(),
        contract::lock_file(breaking::CaseError::CATALOGUE)
    );
    assert_eq!(lock.check(breaking::CaseError::CATALOGUE).unwrap(), []);
}

#[test]
fn a_missing_lock_file_says_how_to_create_it_and_accepting_creates_it() {
    let lock = TempLock::new("missing");
    let error = lock.check(before::CaseError::CATALOGUE).unwrap_err();
    assert!(matches!(error, ContractError::Missing { .. }));
    assert_eq!(
        error.to_string(),
        format!(
            "no error contract at {}: create it with\n  APIFAULT_ACCEPT_CONTRACT=1 cargo \
             test\nand review {} in the diff.",
            lock.0.display(),
            lock.0.display()
        )
    );
    contract::verify(before::CaseError::CATALOGUE, "After", &lock.0, Mode::Accept).unwrap();
    assert_eq!(
        lock.read(),
        contract::lock_file(before::CaseError::CATALOGUE)
    );
}

#[test]
fn a_malformed_lock_file_is_refused_with_what_is_wrong() {
    let lock = TempLock::new("malformed");
    let cases = [
        (
            "{\"version\": 1, \"codes\": [",
            "not JSON: EOF while parsing a list at line 1 column 25",
        ),
        (
            "[]",
            "the file is not a JSON object with `version` and `codes`",
        ),
        ("{\"codes\": []}", "`version` is missing or not a number"),
        (
            "{\"version\": 2, \"codes\": []}",
            "`version` is 2, this apifault reads version 1",
        ),
        ("{\"version\": 1}", "`codes` is missing or not an array"),
        (
            "{\"version\": 1, \"codes\": [{\"code\": \"a\", \"status\": 404}]}",
            "`codes[0]`: `variant` is missing",
        ),
        (
            "{\"version\": 1, \"codes\": [{\"code\": \"a\", \"variant\": \"A\", \"status\": 4040}]}",
            "`codes[0]`: `status` is missing or not an HTTP status",
        ),
        (
            "{\"version\": 1, \"codes\": [{\"code\": \"a\", \"variant\": \"A\", \"status\": 404, \"members\": \"id\"}]}",
            "`codes[0]`: `members` is not an array of strings",
        ),
    ];
    for (text, reason) in cases {
        std::fs::write(&lock.0, text).unwrap();
        let error = lock.check(before::CaseError::CATALOGUE).unwrap_err();
        assert_eq!(
            error.to_string(),
            format!(
                "{} is not an apifault error contract: {reason}.\nFix it, or write it anew \
                 with\n  APIFAULT_ACCEPT_CONTRACT=1 cargo test\nand review {} in the diff.",
                lock.0.display(),
                lock.0.display()
            ),
            "{text}"
        );
        assert_eq!(
            contract::compare(before::CaseError::CATALOGUE, text).unwrap_err(),
            reason
        );
    }
}

#[test]
#[should_panic(
    expected = "1 breaking change (clients may depend on what changed):\n  - `archived` removed"
)]
fn check_panics_with_the_message() {
    use small::{Larger, Smaller};
    // An absolute path is taken as it is.
    let lock = TempLock::of("panics", Larger::CATALOGUE);
    contract::check::<Smaller>(&lock.0);
}

mod small {
    use apifault::ApiError;

    #[derive(Debug, thiserror::Error, ApiError)]
    pub enum Smaller {
        #[error("locked")]
        #[status(409)]
        #[code("locked")]
        Locked,
    }

    #[derive(Debug, thiserror::Error, ApiError)]
    pub enum Larger {
        #[error("locked")]
        #[status(409)]
        #[code("locked")]
        Locked,
        #[error("archived")]
        #[status(410)]
        #[code("archived")]
        Archived,
    }
}

/// The environment variable, in a child process: this test binary again, running this
/// test alone, which then plays the user's `cargo test` (`CONTRACT_CHILD_LOCK` names its
/// lock file): it rewrites the file, and the test passes.
#[test]
fn the_environment_variable_rewrites_the_file() {
    if let Some(path) = std::env::var_os("CONTRACT_CHILD_LOCK") {
        contract::check::<breaking::CaseError>(PathBuf::from(path));
        return;
    }
    let child = |accept: &str, lock: &TempLock| {
        std::process::Command::new(std::env::current_exe().unwrap())
            .args([
                "the_environment_variable_rewrites_the_file",
                "--exact",
                "--nocapture",
            ])
            .env("APIFAULT_ACCEPT_CONTRACT", accept)
            .env("CONTRACT_CHILD_LOCK", &lock.0)
            .output()
            .unwrap()
    };
    let lock = TempLock::of("env", before::CaseError::CATALOGUE);
    let status = child("1", &lock);
    assert!(status.status.success(), "{status:?}");
    let stderr = String::from_utf8_lossy(&status.stderr);
    assert!(
        stderr.contains("apifault: rewrote ") && stderr.contains("  - `archived` removed"),
        "{stderr}"
    );
    assert_eq!(
        lock.read(),
        contract::lock_file(breaking::CaseError::CATALOGUE)
    );
    // `0` accepts nothing: the check fails in the child.
    std::fs::write(&lock.0, contract::lock_file(before::CaseError::CATALOGUE)).unwrap();
    let status = child("0", &lock);
    assert!(!status.status.success());
    assert_eq!(
        lock.read(),
        contract::lock_file(before::CaseError::CATALOGUE)
    );
}
