//! The rich error details (`google.rpc.ErrorInfo`, `BadRequest`, `RetryInfo`, `Help`,
//! `RequestInfo`) of a derived error: what it already says over HTTP.

use http::HeaderMap;
use http::header::RETRY_AFTER;

use super::wire::{Details, ErrorInfo, Reason};
use crate::{ApiError, Context};

/// Every detail `error` carries.
pub(super) fn of<'a, E: ApiError>(error: &'a E, context: &Context<'a>) -> Details<'a> {
    let entry = error.entry();
    let code = error.code();
    // The reason computed at compile time, unless a runtime code replaced the entry's.
    let reason = match entry.grpc_reason {
        Some(reason) if code == entry.code => Some(Reason::Static(reason)),
        _ => super::grpc_reason(code).map(Reason::Owned),
    };
    let mut details = Details {
        error_info: reason.map(|reason| ErrorInfo {
            reason,
            domain: entry.grpc_domain.unwrap_or_default(),
            metadata: metadata(error),
        }),
        request_id: context.request_id,
        ..Details::default()
    };
    let violations = error.violations();
    if !violations.is_empty() {
        details.violations = violations
            .iter()
            .map(|violation| {
                (
                    violation.path().dotted().to_string(),
                    violation.message(),
                    violation
                        .code()
                        .and_then(super::grpc_reason)
                        .unwrap_or_default(),
                )
            })
            .collect();
    }
    // `Retry-After` is read on the error statuses that take it (RFC 9110 413 and 503, RFC
    // 6585 429): the others skip building the headers.
    if matches!(error.status().as_u16(), 413 | 429 | 503) {
        details.retry_seconds = retry_after(error);
    }
    if let Some(link) = error.link() {
        let description = error.title().unwrap_or(code);
        details.help = Some((description, link.to_string()));
    }
    details
}

/// The declared `Retry-After`, when it is a number of seconds.
fn retry_after<E: ApiError>(error: &E) -> Option<u64> {
    let mut headers = HeaderMap::new();
    error.headers(&mut headers);
    headers.get(RETRY_AFTER)?.to_str().ok()?.trim().parse().ok()
}

/// The exposed fields as `ErrorInfo.metadata`, in declaration order: strings as they are,
/// other values as their JSON text. A field that fails to serialize is left out.
fn metadata<E: ApiError>(error: &E) -> Vec<(String, String)> {
    let mut metadata = Vec::new();
    crate::member_texts::each(error, |name, text| {
        metadata.push((name, text.into_string()))
    });
    metadata
}
