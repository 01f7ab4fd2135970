#![doc = include_str!("contract.md")]

mod diff;
mod lock;

use core::fmt;
use std::path::{Path, PathBuf};

pub use self::diff::Difference;
use crate::{ApiError, Catalogue};

/// The environment variable that rewrites the lock file with the catalogue as it is.
pub const ACCEPT_VAR: &str = "APIFAULT_ACCEPT_CONTRACT";

/// Fails when `E`'s catalogue breaks the contract in the lock file at `path` (a code
/// removed or renamed, a status changed, …); compatible changes (a code or member added)
/// pass, and are printed with the way to record them. With `APIFAULT_ACCEPT_CONTRACT=1` in
/// the environment, rewrites the file instead (for review in the diff). A relative `path` is taken from the package's directory (cargo's
/// `CARGO_MANIFEST_DIR` while it runs the tests), as trybuild's are.
///
/// ```no_run
/// # use apifault::ApiError;
/// # #[derive(Debug, thiserror::Error, ApiError)]
/// # enum CaseError { #[error("not found")] #[status(404)] NotFound }
/// #[test]
/// fn error_contract() {
///     apifault::contract::check::<CaseError>("errors.lock.json");
/// }
/// ```
///
/// # Panics
///
/// With the [`ContractError`]'s message: when a change breaks the contract (every
/// difference named, breaking ones first), when the file is missing or malformed, or when
/// it cannot be read or written.
#[track_caller]
pub fn check<E: ApiError>(path: impl AsRef<Path>) {
    let mode = if accepting() {
        Mode::Accept
    } else {
        Mode::Check
    };
    let name = std::any::type_name::<E>();
    match verify(E::CATALOGUE, name, path.as_ref(), mode) {
        Ok(differences) if mode == Mode::Accept && !differences.is_empty() => {
            eprintln!(
                "apifault: rewrote {} with the contract of `{name}`:\n{}",
                path.as_ref().display(),
                list(&differences)
            );
        }
        Ok(differences) if !differences.is_empty() => {
            eprintln!(
                "apifault: the error contract of `{name}` has compatible changes not yet in {} \
                 (recorded, a later removal is caught):\n{}record them with\n  {ACCEPT_VAR}=1 cargo test",
                path.as_ref().display(),
                list(&differences)
            );
        }
        Ok(_) => {}
        Err(error) => panic!("{error}"),
    }
}

/// Whether `APIFAULT_ACCEPT_CONTRACT` asks to rewrite: set, and neither empty nor `0`.
fn accepting() -> bool {
    std::env::var_os(ACCEPT_VAR).is_some_and(|value| !value.is_empty() && value != "0")
}

/// What [`verify`] does with a difference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Report a breaking difference as an error (with every other difference), return
    /// compatible ones, and leave the file alone.
    Check,
    /// Write the catalogue to the file, and report the differences it had.
    Accept,
}

/// [`check`] without the environment or the panic: compares `catalogue` (of the type
/// `name`) with the lock file at `path` (relative to `CARGO_MANIFEST_DIR`, when set), or
/// writes it under [`Mode::Accept`]. Returns the differences found (under
/// [`Mode::Check`], compatible ones only).
///
/// # Errors
///
/// Under [`Mode::Check`], a breaking difference, a missing or malformed file; under
/// either, a file that cannot be read or written.
pub fn verify(
    catalogue: &'static Catalogue,
    name: &str,
    path: &Path,
    mode: Mode,
) -> Result<Vec<Difference>, ContractError> {
    let full = resolve(path);
    let shown = path.to_path_buf();
    let current = lock::of(catalogue);
    let previous = match std::fs::read_to_string(&full) {
        Ok(text) => Some(text),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => None,
        Err(error) => return Err(ContractError::Io { path: shown, error }),
    };
    if mode == Mode::Accept {
        // A malformed or missing file is replaced whole: there is nothing to compare.
        let differences = previous
            .as_deref()
            .and_then(|text| lock::read(text).ok())
            .map(|locked| diff::compare(&locked, &current))
            .unwrap_or_default();
        if previous.as_deref() != Some(lock::write(&current).as_str()) {
            std::fs::write(&full, lock::write(&current))
                .map_err(|error| ContractError::Io { path: shown, error })?;
        }
        return Ok(differences);
    }
    let Some(previous) = previous else {
        return Err(ContractError::Missing { path: shown });
    };
    let locked = lock::read(&previous).map_err(|reason| ContractError::Malformed {
        path: shown.clone(),
        reason,
    })?;
    let mut differences = diff::compare(&locked, &current);
    if !differences.iter().any(Difference::is_breaking) {
        return Ok(differences);
    }
    // Breaking ones first, each group in the order of the codes.
    differences.sort_by_key(|d| !d.is_breaking());
    Err(ContractError::Changed {
        path: shown,
        name: name.to_owned(),
        differences,
    })
}

/// The lock file's text for `catalogue`: what [`check`] compares with and
/// `APIFAULT_ACCEPT_CONTRACT=1` writes.
#[must_use]
pub fn lock_file(catalogue: &'static Catalogue) -> String {
    lock::write(&lock::of(catalogue))
}

/// The differences from the lock file's text `lock_file` to `catalogue`, in the order of
/// the codes.
///
/// # Errors
///
/// A `lock_file` that is not a lock file, with what is wrong in it.
pub fn compare(catalogue: &'static Catalogue, lock_file: &str) -> Result<Vec<Difference>, String> {
    Ok(diff::compare(&lock::read(lock_file)?, &lock::of(catalogue)))
}

/// A relative path from the package's directory while cargo runs the tests.
fn resolve(path: &Path) -> PathBuf {
    match std::env::var_os("CARGO_MANIFEST_DIR") {
        Some(dir) if path.is_relative() => Path::new(&dir).join(path),
        _ => path.to_path_buf(),
    }
}

/// Why [`verify`] failed; its `Display` is the message [`check`] panics with.
#[derive(Debug)]
#[non_exhaustive]
pub enum ContractError {
    /// The catalogue differs from the lock file.
    Changed {
        /// The lock file, as given.
        path: PathBuf,
        /// The error type's name.
        name: String,
        /// Every difference, breaking ones first.
        differences: Vec<Difference>,
    },
    /// There is no lock file yet.
    Missing {
        /// The lock file, as given.
        path: PathBuf,
    },
    /// The lock file is not one.
    Malformed {
        /// The lock file, as given.
        path: PathBuf,
        /// What is wrong in it.
        reason: String,
    },
    /// The lock file could not be read or written.
    Io {
        /// The lock file, as given.
        path: PathBuf,
        /// The error.
        error: std::io::Error,
    },
}

impl fmt::Display for ContractError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let accept = |f: &mut fmt::Formatter<'_>, path: &Path| {
            write!(
                f,
                "  {ACCEPT_VAR}=1 cargo test\nand review {} in the diff.",
                path.display()
            )
        };
        match self {
            Self::Changed {
                path,
                name,
                differences,
            } => {
                let breaking = differences.iter().filter(|d| d.is_breaking()).count();
                writeln!(
                    f,
                    "the error contract of `{name}` differs from {}:\n",
                    path.display()
                )?;
                let compatible = differences.len() - breaking;
                if breaking > 0 {
                    writeln!(
                        f,
                        "{} (clients may depend on what changed):",
                        count(breaking, "breaking change")
                    )?;
                }
                let (first, rest) = differences.split_at(breaking);
                f.write_str(&list(first))?;
                if compatible > 0 {
                    writeln!(
                        f,
                        "{} not yet recorded (recorded, a later removal is caught):",
                        count(compatible, "compatible change")
                    )?;
                }
                f.write_str(&list(rest))?;
                f.write_str("\nIf the change is deliberate, accept it with\n")?;
                accept(f, path)
            }
            Self::Missing { path } => {
                writeln!(f, "no error contract at {}: create it with", path.display())?;
                accept(f, path)
            }
            Self::Malformed { path, reason } => {
                write!(
                    f,
                    "{} is not an apifault error contract: {reason}.\nFix it, or write it \
                     anew with\n",
                    path.display()
                )?;
                accept(f, path)
            }
            Self::Io { path, error } => write!(f, "{}: {error}", path.display()),
        }
    }
}

impl std::error::Error for ContractError {}

/// "1 breaking change", "2 breaking changes".
fn count(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// One line per difference: `-` for a breaking one, `+` for a compatible one.
fn list(differences: &[Difference]) -> String {
    differences
        .iter()
        .map(|d| format!("  {} {d}\n", if d.is_breaking() { '-' } else { '+' }))
        .collect()
}
