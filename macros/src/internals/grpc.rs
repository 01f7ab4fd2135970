//! gRPC: the code names `grpc_code` takes, the AIP-193 reason a machine code becomes, and
//! the rules of the gRPC attributes. The runtime defines both (`apifault::GrpcCode`,
//! `apifault::grpc_reason`); these mirror them for compile-time checks, and tests keep
//! them equal.

use proc_macro2::Span;
use syn::LitStr;
use syn::spanned::Spanned;

use crate::internals::ast::{Input, Variant};
use crate::internals::ctxt::Errors;
use crate::internals::{code, suggest};

/// The names of `google.rpc.Code` an error may answer with, in numeric order (`OK` is 0
/// and not an error): index + 1 is the code's number. The runtime's `GrpcCode` variant of
/// each is the name in `UpperCamelCase`.
pub const CODE_NAMES: [&str; 16] = [
    "CANCELLED",
    "UNKNOWN",
    "INVALID_ARGUMENT",
    "DEADLINE_EXCEEDED",
    "NOT_FOUND",
    "ALREADY_EXISTS",
    "PERMISSION_DENIED",
    "RESOURCE_EXHAUSTED",
    "FAILED_PRECONDITION",
    "ABORTED",
    "OUT_OF_RANGE",
    "UNIMPLEMENTED",
    "INTERNAL",
    "UNAVAILABLE",
    "DATA_LOSS",
    "UNAUTHENTICATED",
];

/// A gRPC code as written: its index in [`CODE_NAMES`] and where it is.
#[derive(Clone, Copy)]
pub struct GrpcCodeName {
    pub index: usize,
    pub span: Span,
}

impl GrpcCodeName {
    /// The runtime's `GrpcCode` variant: `ALREADY_EXISTS` is `AlreadyExists`.
    pub fn variant(self) -> String {
        CODE_NAMES[self.index]
            .split('_')
            .map(|word| {
                let mut chars = word.chars();
                chars.next().map_or_else(String::new, |first| {
                    first.to_string() + &chars.as_str().to_ascii_lowercase()
                })
            })
            .collect()
    }
}

/// `ALREADY_EXISTS`, `"ALREADY_EXISTS"` or `Code::AlreadyExists`'s name; an unknown name is
/// an error listing the valid ones, `OK` one saying it is no error.
pub fn parse_code_name(input: syn::parse::ParseStream) -> syn::Result<GrpcCodeName> {
    let (name, span) = if input.peek(LitStr) {
        let lit: LitStr = input.parse()?;
        (lit.value(), lit.span())
    } else {
        let path: syn::Path = input.parse().map_err(|e| {
            syn::Error::new(
                e.span(),
                "expected a gRPC code: write `grpc_code = ALREADY_EXISTS`",
            )
        })?;
        let last = path
            .segments
            .last()
            .map(|segment| segment.ident.to_string())
            .unwrap_or_default();
        (last, path.span())
    };
    if let Some(index) = CODE_NAMES.iter().position(|known| *known == name) {
        return Ok(GrpcCodeName { index, span });
    }
    if name.eq_ignore_ascii_case("ok") {
        return Err(syn::Error::new(
            span,
            "`OK` is not an error code: remove `grpc_code`, or choose an error code such as \
                `FAILED_PRECONDITION`",
        ));
    }
    // `AlreadyExists` (tonic's spelling) is the same code.
    let upper = crate::internals::case::RenameRule::ScreamingSnake.apply(&name);
    let hint = if CODE_NAMES.contains(&upper.as_str()) {
        format!("did you mean `{upper}`? ")
    } else {
        suggest::closest(&upper, CODE_NAMES.iter().copied())
            .map(|known| format!("did you mean `{known}`? "))
            .unwrap_or_default()
    };
    Err(syn::Error::new(
        span,
        format!(
            "unknown gRPC code `{name}`: {hint}use one of {}",
            CODE_NAMES.join(", ")
        ),
    ))
}

/// The longest reason AIP-193 allows.
const MAX_REASON_LEN: usize = 63;

/// The machine code `code` as an AIP-193 reason, or `None`: the runtime's
/// `apifault::grpc_reason`, which the tests compare it with.
pub fn reason(code: &str) -> Option<String> {
    let bytes = code.as_bytes();
    let mut reason = String::with_capacity(bytes.len() + 4);
    for (i, &byte) in bytes.iter().enumerate() {
        let previous = i.checked_sub(1).map(|p| bytes[p]);
        let next = bytes.get(i + 1).copied();
        match byte {
            b'-' | b'.' | b'_' => reason.push('_'),
            b'a'..=b'z' | b'0'..=b'9' => reason.push(char::from(byte.to_ascii_uppercase())),
            b'A'..=b'Z' => {
                let boundary = previous.is_some_and(|p| p.is_ascii_lowercase())
                    || (previous.is_some_and(|p| p.is_ascii_uppercase())
                        && next.is_some_and(|n| n.is_ascii_lowercase()));
                if boundary {
                    reason.push('_');
                }
                reason.push(char::from(byte));
            }
            _ => return None,
        }
    }
    let bytes = reason.as_bytes();
    let valid = bytes.len() >= 3
        && bytes.len() <= MAX_REASON_LEN
        && bytes[0].is_ascii_uppercase()
        && bytes[bytes.len() - 1] != b'_';
    valid.then_some(reason)
}

/// Why `code` has no AIP-193 reason, for the error message.
fn why_no_reason(code: &str) -> &'static str {
    match reason_candidate_len(code) {
        _ if code
            .bytes()
            .next()
            .is_some_and(|b| !b.is_ascii_alphabetic()) =>
        {
            "it does not start with a letter"
        }
        len if len < 3 => "it is shorter than 3 characters",
        len if len > MAX_REASON_LEN => "it is longer than 63 characters",
        _ => "it ends with a separator",
    }
}

/// A code near `code` that has a reason: separators trimmed at both ends, an `E` before a
/// leading digit (`1001` as `E1001`); `None` when that is still too short or too long.
fn repaired(code: &str) -> Option<String> {
    let trimmed = code.trim_matches(|c| matches!(c, '-' | '.' | '_'));
    let candidate = if trimmed.starts_with(|c: char| c.is_ascii_digit()) {
        let prefix = if trimmed.bytes().any(|b| b.is_ascii_lowercase()) {
            "e"
        } else {
            "E"
        };
        format!("{prefix}{trimmed}")
    } else {
        trimmed.to_owned()
    };
    reason(&candidate).map(|_| candidate)
}

/// The length of the reason `code` would convert to.
fn reason_candidate_len(code: &str) -> usize {
    let bytes = code.as_bytes();
    bytes.len()
        + (1..bytes.len())
            .filter(|&i| {
                bytes[i].is_ascii_uppercase()
                    && (bytes[i - 1].is_ascii_lowercase()
                        || (bytes[i - 1].is_ascii_uppercase()
                            && bytes.get(i + 1).is_some_and(u8::is_ascii_lowercase)))
            })
            .count()
}

/// The rules of the gRPC attributes: no `grpc_code` on a transparent variant (it answers
/// with its inner error's), each status once in `grpc_codes(…)`, and, on a type that
/// declares `grpc_domain`, every constant code convertible to an AIP-193 reason.
pub fn check(input: &Input, errors: &mut Errors) {
    if let Some(map) = &input.attrs.grpc_codes {
        for (i, (status, _)) in map.items.iter().enumerate() {
            if map.items[..i]
                .iter()
                .any(|(earlier, _)| earlier.code == status.code)
            {
                errors.at(
                    status.span,
                    format!(
                        "status {} is mapped twice in `grpc_codes`: keep one",
                        status.code
                    ),
                );
            }
        }
    }
    let speaks_grpc = input.attrs.grpc_domain.is_some();
    for variant in &input.variants {
        let attrs = input.variant_attrs(variant);
        if input.transparent(variant) {
            if let Some(name) = attrs.grpc_code {
                errors.at(
                    name.span,
                    "a transparent variant answers with its inner error's gRPC code: declare \
                        `grpc_code` on the inner error's variant, or remove it here",
                );
            }
            if attrs.code.is_none() {
                continue;
            }
        }
        if speaks_grpc {
            check_reasons(input, variant, errors);
        }
    }
}

/// Every constant code of `variant` has an AIP-193 reason.
fn check_reasons(input: &Input, variant: &Variant, errors: &mut Errors) {
    let (code, span) = code::of(input, variant);
    let listed = input
        .listed_codes(variant)
        .into_iter()
        .map(|lit| (lit.value(), lit.span()));
    for (code, span) in std::iter::once((code, span)).chain(listed) {
        // An invalid code is reported by the code rules already.
        if code::invalid(&code).is_some() || code::placeholder(&code).is_some() {
            continue;
        }
        if reason(&code).is_none() {
            let fix = match repaired(&code) {
                Some(repaired) => format!("write `#[code(\"{repaired}\")]`"),
                None => "give the variant a `#[code(\"…\")]` of 3 to 63 characters that \
                    starts with a letter"
                    .to_owned(),
            };
            errors.at(
                span,
                format!(
                    "code {code:?} has no gRPC reason (AIP-193: `UPPER_SNAKE_CASE` matching \
                        `[A-Z][A-Z0-9_]+[A-Z0-9]`, at most 63 characters) because {}: {fix}, \
                        or remove `grpc_domain`",
                    why_no_reason(&code)
                ),
            );
        }
    }
}

/// The gRPC code `variant` declares: its own `grpc_code`, else its status in the type's
/// `grpc_codes(…)`. A variant whose status is decided at run time takes no code from the
/// map, which names one status: each of its statuses answers by Google's mapping.
pub fn declared_code(input: &Input, variant: &Variant) -> Option<GrpcCodeName> {
    let attrs = input.variant_attrs(variant);
    if input.runtime_status_field(variant).is_some() {
        return attrs.grpc_code;
    }
    attrs.grpc_code.or_else(|| {
        let status = input.status(variant);
        input.attrs.grpc_codes.as_ref().and_then(|map| {
            map.items
                .iter()
                .find(|(mapped, _)| mapped.code == status)
                .map(|&(_, name)| name)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_names_are_the_runtimes() {
        let runtime: Vec<(&str, i32)> = apifault::GrpcCode::ALL
            .iter()
            .map(|(name, code)| (*name, *code as i32))
            .collect();
        let ours: Vec<(&str, i32)> = CODE_NAMES
            .iter()
            .enumerate()
            .map(|(i, name)| (*name, i32::try_from(i + 1).unwrap()))
            .collect();
        assert_eq!(ours, runtime);
        for (index, (_, code)) in apifault::GrpcCode::ALL.iter().enumerate() {
            let name = GrpcCodeName {
                index,
                span: Span::call_site(),
            };
            assert_eq!(name.variant(), format!("{code:?}"));
        }
    }

    /// Every string up to 4 characters over an alphabet holding each character class the
    /// conversion treats apart, and some longer ones: the mirror equals the runtime.
    #[test]
    fn reason_is_the_runtimes() {
        const ALPHABET: &[u8] = b"aZ0-._ !";
        let mut words: Vec<String> = vec![String::new()];
        let mut all = Vec::new();
        for _ in 0..4 {
            words = words
                .iter()
                .flat_map(|word| {
                    ALPHABET
                        .iter()
                        .map(move |&c| format!("{word}{}", char::from(c)))
                })
                .collect();
            all.extend(words.iter().cloned());
        }
        all.extend([
            "a".repeat(63),
            "a".repeat(64),
            "aB".repeat(32),
            "HTTPError".into(),
        ]);
        for code in &all {
            assert_eq!(reason(code), apifault::grpc_reason(code), "{code:?}");
        }
    }

    #[test]
    fn repairs_are_convertible() {
        assert_eq!(repaired("1001").as_deref(), Some("E1001"));
        assert_eq!(repaired("404-not-found").as_deref(), Some("e404-not-found"));
        assert_eq!(repaired("limit-").as_deref(), Some("limit"));
        assert_eq!(repaired("_x_"), None);
        assert_eq!(repaired("no"), None);
    }

    #[test]
    fn each_cause_is_named() {
        assert_eq!(why_no_reason("1001"), "it does not start with a letter");
        assert_eq!(why_no_reason("-a"), "it does not start with a letter");
        assert_eq!(why_no_reason("ab"), "it is shorter than 3 characters");
        assert_eq!(
            why_no_reason(&"a".repeat(64)),
            "it is longer than 63 characters"
        );
        assert_eq!(
            why_no_reason(&"aB".repeat(32)),
            "it is longer than 63 characters"
        );
        assert_eq!(why_no_reason("abc-"), "it ends with a separator");
    }
}
