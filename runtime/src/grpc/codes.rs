//! The gRPC status codes, and the one an HTTP status answers with by default. Compiled
//! without the `tonic` feature too: every [`Entry`](crate::Entry) names its declared code.

use core::fmt;

use http::StatusCode;

/// A gRPC status code other than `OK`: what a derived error answers with over gRPC
/// (feature `tonic`), as `tonic::Code` of the same number.
///
/// By default a variant's code follows its HTTP status by Google's mapping
/// ([`for_status`](GrpcCode::for_status)); `#[api_error(grpc_code = ALREADY_EXISTS)]` on a
/// variant, or `#[api_error(grpc_codes(409 = ALREADY_EXISTS))]` on the enum, chooses another.
///
/// ```
/// use apifault::GrpcCode;
/// use apifault::http::StatusCode;
///
/// assert_eq!(GrpcCode::for_status(StatusCode::NOT_FOUND), GrpcCode::NotFound);
/// assert_eq!(GrpcCode::for_status(StatusCode::IM_A_TEAPOT), GrpcCode::FailedPrecondition);
/// assert_eq!(GrpcCode::NotFound.name(), "NOT_FOUND");
/// assert_eq!(GrpcCode::NotFound as i32, 5);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
#[repr(i32)]
pub enum GrpcCode {
    /// The operation was cancelled, typically by the caller.
    Cancelled = 1,
    /// Unknown error.
    Unknown = 2,
    /// The client specified an invalid argument.
    InvalidArgument = 3,
    /// The deadline expired before the operation could complete.
    DeadlineExceeded = 4,
    /// Some requested entity was not found.
    NotFound = 5,
    /// The entity a client attempted to create already exists.
    AlreadyExists = 6,
    /// The caller does not have permission to execute the operation.
    PermissionDenied = 7,
    /// Some resource has been exhausted (a quota, a rate limit).
    ResourceExhausted = 8,
    /// The system is not in a state required for the operation's execution.
    FailedPrecondition = 9,
    /// The operation was aborted, typically by a concurrency conflict.
    Aborted = 10,
    /// The operation was attempted past the valid range.
    OutOfRange = 11,
    /// The operation is not implemented or not supported.
    Unimplemented = 12,
    /// An invariant the system expects was broken.
    Internal = 13,
    /// The service is currently unavailable.
    Unavailable = 14,
    /// Unrecoverable data loss or corruption.
    DataLoss = 15,
    /// The request does not have valid authentication credentials.
    Unauthenticated = 16,
}

impl GrpcCode {
    /// Every code, in numeric order, with the name `#[api_error(grpc_code = …)]` takes.
    pub const ALL: [(&'static str, Self); 16] = [
        ("CANCELLED", Self::Cancelled),
        ("UNKNOWN", Self::Unknown),
        ("INVALID_ARGUMENT", Self::InvalidArgument),
        ("DEADLINE_EXCEEDED", Self::DeadlineExceeded),
        ("NOT_FOUND", Self::NotFound),
        ("ALREADY_EXISTS", Self::AlreadyExists),
        ("PERMISSION_DENIED", Self::PermissionDenied),
        ("RESOURCE_EXHAUSTED", Self::ResourceExhausted),
        ("FAILED_PRECONDITION", Self::FailedPrecondition),
        ("ABORTED", Self::Aborted),
        ("OUT_OF_RANGE", Self::OutOfRange),
        ("UNIMPLEMENTED", Self::Unimplemented),
        ("INTERNAL", Self::Internal),
        ("UNAVAILABLE", Self::Unavailable),
        ("DATA_LOSS", Self::DataLoss),
        ("UNAUTHENTICATED", Self::Unauthenticated),
    ];

    /// The code an error of HTTP status `status` answers with, by Google's mapping
    /// (`google.rpc.Code`): 400 `INVALID_ARGUMENT`, 401 `UNAUTHENTICATED`, 403
    /// `PERMISSION_DENIED`, 404 `NOT_FOUND`, 409 `ABORTED`, 416 `OUT_OF_RANGE`, 429
    /// `RESOURCE_EXHAUSTED`, 499 `CANCELLED`, any other 4xx `FAILED_PRECONDITION`, 501
    /// `UNIMPLEMENTED`, 503 `UNAVAILABLE`, 504 `DEADLINE_EXCEEDED`, any other status
    /// `INTERNAL`.
    #[must_use]
    pub const fn for_status(status: StatusCode) -> Self {
        match status.as_u16() {
            400 => Self::InvalidArgument,
            401 => Self::Unauthenticated,
            403 => Self::PermissionDenied,
            404 => Self::NotFound,
            409 => Self::Aborted,
            416 => Self::OutOfRange,
            429 => Self::ResourceExhausted,
            499 => Self::Cancelled,
            402 | 405..=408 | 410..=415 | 417..=428 | 430..=498 => Self::FailedPrecondition,
            501 => Self::Unimplemented,
            503 => Self::Unavailable,
            504 => Self::DeadlineExceeded,
            _ => Self::Internal,
        }
    }

    /// The code's name in `google.rpc.Code` (`NOT_FOUND`).
    #[must_use]
    pub const fn name(self) -> &'static str {
        Self::ALL[self as usize - 1].0
    }

    /// The code of number `number`, `None` for `OK` (0) and numbers of no code.
    #[must_use]
    pub const fn from_i32(number: i32) -> Option<Self> {
        if number >= 1 && number <= 16 {
            #[allow(clippy::cast_sign_loss)]
            Some(Self::ALL[number as usize - 1].1)
        } else {
            None
        }
    }
}

impl fmt::Display for GrpcCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_numbers_agree() {
        for (index, (name, code)) in GrpcCode::ALL.iter().enumerate() {
            assert_eq!(*code as usize, index + 1);
            assert_eq!(code.name(), *name);
            assert_eq!(GrpcCode::from_i32(*code as i32), Some(*code));
        }
        assert_eq!(GrpcCode::from_i32(0), None);
        assert_eq!(GrpcCode::from_i32(17), None);
    }
}
