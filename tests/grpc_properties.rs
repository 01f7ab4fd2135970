//! Properties of the gRPC conversion: the code mapping (Google's table, whatever the
//! status), the AIP-193 reason form (whatever the code), and hostile strings in every
//! exposed field, violation and message, which must stay valid protobuf and valid HTTP/2
//! headers and come back unchanged (`grpc-message` percent-encoding round-trips).

use apifault::http::StatusCode;
use apifault::{ApiError, FieldViolation, GrpcCode, grpc_reason};
use proptest::prelude::*;
use tonic::Code;
use tonic_types::StatusExt as _;

/// Google's table, written out once more as a list of its rows.
fn google(status: u16) -> GrpcCode {
    match status {
        400 => GrpcCode::InvalidArgument,
        401 => GrpcCode::Unauthenticated,
        403 => GrpcCode::PermissionDenied,
        404 => GrpcCode::NotFound,
        409 => GrpcCode::Aborted,
        416 => GrpcCode::OutOfRange,
        429 => GrpcCode::ResourceExhausted,
        499 => GrpcCode::Cancelled,
        501 => GrpcCode::Unimplemented,
        503 => GrpcCode::Unavailable,
        504 => GrpcCode::DeadlineExceeded,
        status if status < 500 => GrpcCode::FailedPrecondition,
        _ => GrpcCode::Internal,
    }
}

/// A variant whose status and code are its fields' (`#[api_error(status)]`, `code`), and
/// whose every text a client sees comes from a field.
#[derive(Debug, thiserror::Error, ApiError)]
#[error("{message}")]
#[status(400)]
#[message("{message}")]
struct Hostile {
    #[api_error(status)]
    status: u16,
    #[api_error(code)]
    code: String,
    message: String,
    #[api_error(expose)]
    note: String,
    #[api_error(expose)]
    numbers: Vec<i64>,
    #[api_error(violations)]
    violations: Vec<FieldViolation>,
}

proptest! {
    #[test]
    fn every_status_maps_by_googles_table(status in 400_u16..=599) {
        let status = StatusCode::from_u16(status).unwrap();
        prop_assert_eq!(GrpcCode::for_status(status), google(status.as_u16()));
        // `tonic::Code` of the same number.
        prop_assert_eq!(
            Code::from_i32(GrpcCode::for_status(status) as i32) as i32,
            GrpcCode::for_status(status) as i32
        );
    }

    /// A reason, when there is one, has the AIP-193 form, and is the code with its letters
    /// upper-cased, its separators as `_` and `_` at camel-case boundaries: removing every
    /// `_` from both leaves the same upper-cased letters and digits.
    #[test]
    fn reasons_have_the_aip_193_form(code in "[A-Za-z0-9._-]{0,70}") {
        match grpc_reason(&code) {
            Some(reason) => {
                let bytes = reason.as_bytes();
                prop_assert!(bytes.len() >= 3 && bytes.len() <= 63, "{reason}");
                prop_assert!(bytes[0].is_ascii_uppercase(), "{reason}");
                prop_assert!(bytes[bytes.len() - 1] != b'_', "{reason}");
                prop_assert!(
                    bytes.iter().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || *b == b'_'),
                    "{reason}"
                );
                let letters = |text: &str| -> String {
                    text.chars()
                        .filter(char::is_ascii_alphanumeric)
                        .map(|c| c.to_ascii_uppercase())
                        .collect()
                };
                prop_assert_eq!(letters(&reason), letters(&code));
                // Already a reason: unchanged.
                prop_assert_eq!(grpc_reason(&reason), Some(reason.clone()));
            }
            None => {
                let starts = code.bytes().next().is_some_and(|b| b.is_ascii_alphabetic());
                let ends = code.bytes().last().is_some_and(|b| b.is_ascii_alphanumeric());
                prop_assert!(!starts || !ends || code.len() < 3 || code.len() > 31, "{code}");
            }
        }
    }

    /// Whatever the strings hold, the status crosses HTTP/2 headers and comes back the
    /// same: message, metadata and violations.
    #[test]
    fn hostile_strings_round_trip(
        status in 400_u16..=599,
        code in "\\PC{0,20}",
        message in "\\PC{0,40}|[\\x00-\\x1f%\\x7f]{0,10}",
        note in any::<String>(),
        numbers in proptest::collection::vec(any::<i64>(), 0..3),
        fields in proptest::collection::vec((any::<String>(), any::<String>(), "[a-z._]{0,8}"), 0..3),
    ) {
        let error = Hostile {
            status,
            code,
            message: message.clone(),
            note: note.clone(),
            numbers: numbers.clone(),
            violations: fields
                .iter()
                .map(|(field, text, code)| FieldViolation::new([field.clone()], text.clone()).with_code(code.clone()))
                .collect(),
        };
        let sent_code = error.grpc_code() as i32;
        let public = error.message().map(|m| m.to_string());
        let status = tonic::Status::from(error);
        let mut headers = apifault::http::HeaderMap::new();
        status.add_header(&mut headers).expect("valid headers");
        let received = tonic::Status::from_header_map(&headers).expect("a status");
        prop_assert_eq!(received.code() as i32, sent_code);
        match public {
            Some(public) => prop_assert_eq!(received.message(), public.as_str()),
            None => prop_assert!(!received.message().is_empty()),
        }
        let decoded = apifault::tonic::decode(&received);
        if decoded.reason.is_some() {
            prop_assert_eq!(decoded.metadata("note"), Some(note.as_str()));
            let json = serde_json::to_string(&numbers).unwrap();
            prop_assert_eq!(decoded.metadata("numbers"), Some(json.as_str()));
        }
        let details = received.get_error_details();
        if !fields.is_empty() {
            let violations = &details.bad_request().expect("BadRequest").field_violations;
            prop_assert_eq!(violations.len(), fields.len());
            for (violation, (field, text, code)) in violations.iter().zip(&fields) {
                prop_assert_eq!(&violation.field, field);
                prop_assert_eq!(&violation.description, text);
                prop_assert_eq!(violation.reason.clone(), grpc_reason(code).unwrap_or_default());
            }
        }
        prop_assert!(details.debug_info().is_none());
    }
}
