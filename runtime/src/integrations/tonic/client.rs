//! A received `tonic::Status` decoded back into what the server's error said.

use std::collections::HashMap;
use std::time::Duration;

use ::tonic::{Code, Status};
use tonic_types::StatusExt as _;

use crate::{Catalogue, Entry};

/// What a `tonic::Status` from an apifault server (or any server speaking Google's rich
/// error model) says: its code and message, and the details it carries.
///
/// ```
/// use apifault::tonic::decode;
///
/// let status = tonic::Status::not_found("case 7 not found");
/// let decoded = decode(&status);
/// assert_eq!(decoded.code, tonic::Code::NotFound);
/// assert_eq!(decoded.reason, None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct DecodedStatus {
    /// The gRPC code.
    pub code: Code,
    /// The status message (percent-decoded by tonic).
    pub message: String,
    /// `ErrorInfo.reason`: the machine code in AIP-193 form (`DUPLICATE_VALUE`).
    pub reason: Option<String>,
    /// `ErrorInfo.domain`.
    pub domain: Option<String>,
    /// `ErrorInfo.metadata`: the exposed fields (strings as they are, other values as
    /// JSON text).
    pub metadata: HashMap<String, String>,
    /// `BadRequest.field_violations`.
    pub violations: Vec<DecodedViolation>,
    /// `RetryInfo.retry_delay`.
    pub retry_delay: Option<Duration>,
    /// `Help.links`' URLs.
    pub links: Vec<String>,
    /// `RequestInfo.request_id`.
    pub request_id: Option<String>,
}

/// One per-field problem of a `BadRequest` detail.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct DecodedViolation {
    /// The field path in the dotted form (`steps[0].title`).
    pub field: String,
    /// What is wrong, for humans.
    pub description: String,
    /// The violation's code in AIP-193 form, empty when it has none.
    pub reason: String,
}

impl DecodedStatus {
    /// The entry of `catalogue` whose code has this reason: what a client of a typed API
    /// looks a received error up by (`CaseError::CATALOGUE`).
    #[must_use]
    pub fn entry_in(&self, catalogue: &'static Catalogue) -> Option<&'static Entry> {
        let reason = self.reason.as_deref()?;
        catalogue
            .entries()
            .find(|entry| super::grpc_reason(entry.code).as_deref() == Some(reason))
    }

    /// The metadata value of `key` (an exposed field's member name).
    #[must_use]
    pub fn metadata(&self, key: &str) -> Option<&str> {
        self.metadata.get(key).map(String::as_str)
    }
}

/// Decodes `status`: its code, message and every rich detail it carries. Details that do
/// not decode are left out; nothing panics, whatever the bytes hold.
#[must_use]
pub fn decode(status: &Status) -> DecodedStatus {
    let details = status.get_error_details();
    let (reason, domain, metadata) = match details.error_info() {
        Some(info) => (
            Some(info.reason.clone()),
            Some(info.domain.clone()),
            info.metadata.clone(),
        ),
        None => (None, None, HashMap::new()),
    };
    DecodedStatus {
        code: status.code(),
        message: status.message().to_owned(),
        reason,
        domain,
        metadata,
        violations: details
            .bad_request()
            .map(|bad_request| {
                bad_request
                    .field_violations
                    .iter()
                    .map(|violation| DecodedViolation {
                        field: violation.field.clone(),
                        description: violation.description.clone(),
                        reason: violation.reason.clone(),
                    })
                    .collect()
            })
            .unwrap_or_default(),
        retry_delay: details.retry_info().and_then(|info| info.retry_delay),
        links: details
            .help()
            .map(|help| help.links.iter().map(|link| link.url.clone()).collect())
            .unwrap_or_default(),
        request_id: details
            .request_info()
            .map(|info| info.request_id.clone())
            .filter(|id| !id.is_empty()),
    }
}
