//! A derived error as a `tonic::Status`: code, message and the rich error details.

use core::fmt::Write as _;

use ::tonic::{Code, Status};

use crate::integrations::context::with_context;
use crate::{ApiError, Context};

/// `error` as a `tonic::Status`, with the request context of
/// [`ContextLayer`](crate::tonic::ContextLayer) when called inside it: what every derived
/// type's `From<E> for tonic::Status` does.
///
/// See [`status_with`] for what it carries.
pub fn status<E: ApiError>(error: &E) -> Status {
    with_context(|context| status_with(error, context))
}

/// `error` as a `tonic::Status`, with what is known of the request.
///
/// - the code is [`ApiError::grpc_code`]: the declared one, else Google's mapping of the
///   HTTP status;
/// - the message is the public message; without one (a 5xx without `#[message]`, or
///   `no_message`) the declared `#[title]`, else the status phrase ("Internal Server
///   Error"): never the `Display` text, a source, `Debug` output or an unexposed field;
/// - `grpc-status-details-bin` holds a `google.rpc.Status` (the bytes tonic-types'
///   `ErrorDetails` would encode, written directly) with `ErrorInfo` (the code as
///   an AIP-193 reason, the type's `grpc_domain`, the exposed fields as metadata: strings
///   as they are, other values as their JSON text), `BadRequest` (the violations),
///   `RetryInfo` (a declared `Retry-After` in seconds, on a 413, 429 or 503), `Help` (the `link`) and
///   `RequestInfo` (the request id), each only when there is something to say. Never
///   `DebugInfo`;
/// - with a locale in the context (feature `i18n`: the layer's
///   [`localizer`](crate::tonic::ContextLayer::localizer) negotiates the request's
///   `accept-language` metadata), the details are in that locale (violations, the help
///   link's title) and a `LocalizedMessage` carries the translated message, when the
///   localizer has one; the status message stays the declared one, for developers.
///
/// The error is logged once (feature `tracing`), as an HTTP response of it would be.
pub fn status_with<E: ApiError>(error: &E, context: &Context<'_>) -> Status {
    error.__warn_refused();
    if E::LOG {
        crate::integrations::tracing::error_response(error, context);
    }
    let code = Code::from_i32(error.grpc_code() as i32);
    let message = message(error);
    // In a locale: the details in it, and its message as a `LocalizedMessage`; the status
    // message stays the declared one, for developers (AIP-193).
    #[cfg(feature = "i18n")]
    if let Some(locale) = context.locale() {
        let localized = crate::i18n::Localized::new(error, locale);
        let mut details = super::details::of(&localized, context);
        details.localized_message = localized
            .translated_message()
            .map(|text| (locale.id().to_string(), text));
        return with_details(code, message, &details);
    }
    let details = super::details::of(error, context);
    if details.is_empty() {
        Status::new(code, message)
    } else {
        let bytes = super::wire::encode(code as i32, &message, &details);
        Status::with_details(code, message, bytes::Bytes::from(bytes))
    }
}

/// The status of `code` and `message`, with `details` when there are any.
#[cfg(feature = "i18n")]
fn with_details(code: Code, message: String, details: &super::wire::Details<'_>) -> Status {
    if details.is_empty() {
        Status::new(code, message)
    } else {
        let bytes = super::wire::encode(code as i32, &message, details);
        Status::with_details(code, message, bytes::Bytes::from(bytes))
    }
}

/// The public message, else the title, else the status phrase.
fn message<E: ApiError>(error: &E) -> String {
    if let Some(text) = error.message() {
        // Most messages fit: no reallocation while the text is written.
        let mut message = String::with_capacity(64);
        if write!(message, "{text}").is_ok() {
            return message;
        }
    }
    error
        .title()
        .or_else(|| error.status().canonical_reason())
        .unwrap_or("Error")
        .to_owned()
}
