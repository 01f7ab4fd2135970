//! Every difference between the locked codes and the catalogue's, each classified.

use core::fmt;

use crate::contract::lock::Locked;

/// One difference between a committed lock file and the catalogue, from a client's point
/// of view: [`is_breaking`](Difference::is_breaking) says whether a client that branches on
/// what the lock file recorded may break.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Difference {
    /// A new code (compatible).
    Added {
        /// The new code.
        code: String,
        /// The variant that answers with it.
        variant: String,
    },
    /// A code no variant answers with any more (breaking).
    Removed {
        /// The removed code.
        code: String,
        /// The variant that answered with it.
        variant: String,
    },
    /// A variant whose code changed: a changed `rename_all` or `#[code]`, or a renamed
    /// variant under `rename_all` (the one code gone and the one new with the same status
    /// and members, reported with the variant's new name) (breaking).
    Renamed {
        /// The variant, whose name the code followed.
        variant: String,
        /// The locked code, which clients know.
        from: String,
        /// The code it answers with now.
        to: String,
    },
    /// A code answered with another HTTP status (breaking).
    StatusChanged {
        /// The code.
        code: String,
        /// The locked status.
        from: u16,
        /// The status now.
        to: u16,
    },
    /// An exposed body member a code no longer carries (breaking).
    MemberRemoved {
        /// The code.
        code: String,
        /// The member's name.
        member: String,
    },
    /// A problem type URI that changed or went away: RFC 9457 clients identify the problem
    /// by it (breaking; a type URI where the lock file recorded none, one that varied or was
    /// not known to the catalogue, is compatible).
    TypeChanged {
        /// The code.
        code: String,
        /// The locked URI.
        from: Option<String>,
        /// The URI now.
        to: Option<String>,
    },
    /// A code answered with another gRPC code, or no longer over gRPC (breaking; a gRPC
    /// code where there was none is compatible).
    GrpcCodeChanged {
        /// The code.
        code: String,
        /// The locked gRPC code.
        from: Option<String>,
        /// The gRPC code now.
        to: Option<String>,
    },
    /// A runtime code a variant is no longer declared to take (`codes(…)`), and no
    /// other variant answers with (breaking).
    RuntimeCodeRemoved {
        /// The variant's declared code.
        code: String,
        /// The runtime code it no longer takes.
        removed: String,
    },
    /// Anything else that changed and breaks no client: a title, a new member, a runtime
    /// status or code added or removed, a flag, the Rust name of a variant that kept its
    /// code (compatible).
    Changed {
        /// The code.
        code: String,
        /// The lock file's name of what changed.
        field: &'static str,
        /// The locked value.
        from: String,
        /// The value now.
        to: String,
    },
}

impl Difference {
    /// Whether a client relying on the locked contract may break.
    #[must_use]
    pub fn is_breaking(&self) -> bool {
        match self {
            Self::Removed { .. }
            | Self::Renamed { .. }
            | Self::StatusChanged { .. }
            | Self::MemberRemoved { .. }
            | Self::RuntimeCodeRemoved { .. } => true,
            Self::TypeChanged { from, .. } | Self::GrpcCodeChanged { from, .. } => from.is_some(),
            Self::Added { .. } | Self::Changed { .. } => false,
        }
    }
}

impl fmt::Display for Difference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let or_none = |value: &Option<String>| value.clone().unwrap_or_else(|| "none".to_owned());
        match self {
            Self::Added { code, variant } => write!(f, "`{code}` added (variant {variant})"),
            Self::Removed { code, variant } => {
                write!(f, "`{code}` removed (it was variant {variant}'s)")
            }
            Self::Renamed { variant, from, to } => write!(
                f,
                "`{from}` renamed to `{to}` (variant {variant}); keep the old code with \
                 #[code(\"{from}\")]"
            ),
            Self::StatusChanged { code, from, to } => {
                write!(f, "`{code}` status changed from {from} to {to}")
            }
            Self::MemberRemoved { code, member } => {
                write!(f, "`{code}` no longer exposes member `{member}`")
            }
            Self::TypeChanged { code, from, to } => write!(
                f,
                "`{code}` type URI changed from {} to {}",
                or_none(from),
                or_none(to)
            ),
            Self::GrpcCodeChanged { code, from, to } => write!(
                f,
                "`{code}` gRPC code changed from {} to {}",
                or_none(from),
                or_none(to)
            ),
            Self::RuntimeCodeRemoved { code, removed } => {
                write!(f, "`{code}` no longer takes the runtime code `{removed}`")
            }
            Self::Changed {
                code,
                field,
                from,
                to,
            } => write!(f, "`{code}` {field} changed from {from} to {to}"),
        }
    }
}

/// The differences from `locked` (the lock file) to `current` (the catalogue), in the
/// order of the codes.
pub(crate) fn compare(locked: &[Locked], current: &[Locked]) -> Vec<Difference> {
    let all_codes: Vec<&str> = current
        .iter()
        .flat_map(|c| core::iter::once(&c.code).chain(&c.codes))
        .map(String::as_str)
        .collect();
    let mut old_used = vec![false; locked.len()];
    let mut new_used = vec![false; current.len()];
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    // The same code of the same variant; then the same code of another variant (a Rust
    // rename that kept its code); then the same variant with another code (a rename).
    let rules: [fn(&Locked, &Locked) -> bool; 3] = [
        |a, b| a.code == b.code && a.variant == b.variant,
        |a, b| a.code == b.code,
        |a, b| a.variant == b.variant && !b.code.is_empty(),
    ];
    for (pass, same) in rules.iter().enumerate() {
        for (i, old) in locked.iter().enumerate() {
            if old_used[i] {
                continue;
            }
            let found = current.iter().enumerate().position(|(j, new)| {
                // A rename pairs a code that is gone with one that is new.
                let rename_ok = pass < 2
                    || (!all_codes.contains(&old.code.as_str())
                        && !locked.iter().any(|l| l.code == new.code));
                !new_used[j] && same(old, new) && rename_ok
            });
            if let Some(j) = found {
                old_used[i] = true;
                new_used[j] = true;
                pairs.push((i, j));
            }
        }
    }
    // A renamed variant renames its code under `rename_all`: the one code gone and the one
    // code new with the same status and members, when no other pair could be meant.
    let shape = |l: &Locked| {
        (
            l.status,
            l.members.clone(),
            l.runtime_code,
            l.runtime_status,
        )
    };
    for (i, old) in locked.iter().enumerate() {
        let gone = |k: usize| !old_used[k] && !all_codes.contains(&locked[k].code.as_str());
        if !gone(i) {
            continue;
        }
        let fresh = |new: &Locked| !locked.iter().any(|l| l.code == new.code);
        let candidates: Vec<usize> = (0..current.len())
            .filter(|&j| !new_used[j] && fresh(&current[j]) && shape(&current[j]) == shape(old))
            .collect();
        let rivals = (0..locked.len())
            .filter(|&k| gone(k) && shape(&locked[k]) == shape(old))
            .count();
        if let ([j], 1) = (candidates.as_slice(), rivals) {
            old_used[i] = true;
            new_used[*j] = true;
            pairs.push((i, *j));
        }
    }
    let mut differences = Vec::new();
    for (i, old) in locked.iter().enumerate() {
        if let Some(&(_, j)) = pairs.iter().find(|(o, _)| *o == i) {
            compare_pair(old, &current[j], &all_codes, &mut differences);
        } else if all_codes.contains(&old.code.as_str()) {
            // Another variant still answers with the code: only the Rust side changed.
            differences.push(Difference::Changed {
                code: old.code.clone(),
                field: "variant",
                from: old.variant.clone(),
                to: "(removed; the code is still answered by another variant)".to_owned(),
            });
        } else {
            differences.push(Difference::Removed {
                code: old.code.clone(),
                variant: old.variant.clone(),
            });
        }
    }
    for (j, new) in current.iter().enumerate() {
        if !new_used[j] {
            differences.push(Difference::Added {
                code: new.code.clone(),
                variant: new.variant.clone(),
            });
        }
    }
    differences
}

fn compare_pair(old: &Locked, new: &Locked, all_codes: &[&str], out: &mut Vec<Difference>) {
    let code = || old.code.clone();
    if old.code != new.code {
        out.push(Difference::Renamed {
            variant: new.variant.clone(),
            from: old.code.clone(),
            to: new.code.clone(),
        });
    }
    if old.variant != new.variant {
        out.push(changed(code(), "variant", &old.variant, &new.variant));
    }
    if old.status != new.status {
        out.push(Difference::StatusChanged {
            code: code(),
            from: old.status,
            to: new.status,
        });
    }
    if old.type_uri != new.type_uri {
        out.push(Difference::TypeChanged {
            code: code(),
            from: old.type_uri.clone(),
            to: new.type_uri.clone(),
        });
    }
    if old.grpc_code != new.grpc_code {
        out.push(Difference::GrpcCodeChanged {
            code: code(),
            from: old.grpc_code.clone(),
            to: new.grpc_code.clone(),
        });
    }
    for member in &old.members {
        // A flattened field's members are known only at run time: it may now write it.
        if !new.members.contains(member) && !new.flattens {
            out.push(Difference::MemberRemoved {
                code: code(),
                member: member.clone(),
            });
        }
    }
    let mut codes_changed = false;
    for removed in old.codes.iter().filter(|c| !new.codes.contains(c)) {
        if all_codes.contains(&removed.as_str()) {
            codes_changed = true;
        } else {
            out.push(Difference::RuntimeCodeRemoved {
                code: code(),
                removed: removed.clone(),
            });
        }
    }
    if codes_changed || new.codes.iter().any(|c| !old.codes.contains(c)) {
        out.push(changed(
            code(),
            "codes",
            &old.codes.join(", "),
            &new.codes.join(", "),
        ));
    }
    if old.members.iter().any(|m| !new.members.contains(m)) && new.flattens
        || new.members.iter().any(|m| !old.members.contains(m))
    {
        out.push(changed(
            code(),
            "members",
            &old.members.join(", "),
            &new.members.join(", "),
        ));
    }
    let title = |t: &Option<String>| t.clone().unwrap_or_else(|| "none".to_owned());
    if old.title != new.title {
        out.push(changed(
            code(),
            "title",
            &title(&old.title),
            &title(&new.title),
        ));
    }
    let statuses = |s: &[u16]| s.iter().map(u16::to_string).collect::<Vec<_>>().join(", ");
    if old.statuses != new.statuses {
        out.push(changed(
            code(),
            "statuses",
            &statuses(&old.statuses),
            &statuses(&new.statuses),
        ));
    }
    for (field, from, to) in [
        ("flattens", old.flattens, new.flattens),
        ("shared", old.shared, new.shared),
        ("runtime_status", old.runtime_status, new.runtime_status),
        ("runtime_code", old.runtime_code, new.runtime_code),
    ] {
        if from != to {
            out.push(changed(code(), field, &from.to_string(), &to.to_string()));
        }
    }
}

fn changed(code: String, field: &'static str, from: &str, to: &str) -> Difference {
    let shown = |text: &str| {
        if text.is_empty() {
            "none".to_owned()
        } else {
            text.to_owned()
        }
    };
    Difference::Changed {
        code,
        field,
        from: shown(from),
        to: shown(to),
    }
}
