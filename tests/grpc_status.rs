//! Every derived type converts into a `tonic::Status`: the code (Google's mapping, or the
//! declared one), the message, and the rich error details, decoded here as a client does,
//! with tonic-types.

use std::time::Duration;

use apifault::{ApiError, Context, FieldViolation, GrpcCode};
use tonic::Code;
use tonic_types::StatusExt as _;

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(
    rename_all = "kebab-case",
    grpc_domain = "cases.example.com",
    grpc_codes(422 = INVALID_ARGUMENT)
)]
enum CaseError {
    #[error("case {id} not found")]
    #[status(404)]
    NotFound {
        #[api_error(expose)]
        id: u64,
    },

    #[error("a case named {name:?} already exists")]
    #[status(409)]
    #[code("duplicate-value")]
    #[message("A case with this name already exists.")]
    #[api_error(grpc_code = ALREADY_EXISTS, link = "https://docs.example.com/errors/duplicate")]
    Duplicate {
        #[api_error(expose)]
        name: String,
        #[api_error(expose = "similarCases")]
        similar: Vec<u64>,
    },

    #[error("invalid case")]
    #[status(422)]
    #[message("The case is invalid.")]
    Invalid {
        #[api_error(violations)]
        errors: Vec<FieldViolation>,
    },

    #[error("export rate limited for {retry_after} s")]
    #[status(TOO_MANY_REQUESTS)]
    #[message("Too many exports.")]
    #[api_error(header("Retry-After" = "{retry_after}"))]
    RateLimited { retry_after: u32 },

    #[error("database at {dsn} unavailable")]
    #[status(500)]
    Database {
        dsn: String,
        #[source]
        source: std::io::Error,
    },

    #[error("the case store is down")]
    #[status(503)]
    #[message("The case store is down for maintenance.")]
    Maintenance,
}

#[test]
fn the_code_follows_the_status_or_the_declaration() {
    assert_eq!(
        tonic::Status::from(CaseError::NotFound { id: 7 }).code(),
        Code::NotFound
    );
    let duplicate = CaseError::Duplicate {
        name: "Flood".into(),
        similar: vec![],
    };
    assert_eq!(duplicate.grpc_code(), GrpcCode::AlreadyExists);
    assert_eq!(tonic::Status::from(duplicate).code(), Code::AlreadyExists);
    // The enum maps its 422s.
    let invalid = CaseError::Invalid { errors: vec![] };
    assert_eq!(tonic::Status::from(invalid).code(), Code::InvalidArgument);
    let limited = CaseError::RateLimited { retry_after: 30 };
    assert_eq!(tonic::Status::from(limited).code(), Code::ResourceExhausted);
    assert_eq!(
        tonic::Status::from(CaseError::Maintenance).code(),
        Code::Unavailable
    );
}

#[test]
fn error_info_carries_reason_domain_and_exposed_fields() {
    let status = tonic::Status::from(CaseError::Duplicate {
        name: "Flood \"claim\"".into(),
        similar: vec![3, 4],
    });
    assert_eq!(status.message(), "A case with this name already exists.");
    let details = status.get_error_details();
    let info = details.error_info().expect("ErrorInfo");
    assert_eq!(info.reason, "DUPLICATE_VALUE");
    assert_eq!(info.domain, "cases.example.com");
    assert_eq!(info.metadata.len(), 2);
    // Strings as they are, other values as their JSON text.
    assert_eq!(info.metadata["name"], "Flood \"claim\"");
    assert_eq!(info.metadata["similarCases"], "[3,4]");
    let help = details.help().expect("Help");
    assert_eq!(help.links.len(), 1);
    assert_eq!(
        help.links[0].url,
        "https://docs.example.com/errors/duplicate"
    );
    assert!(details.bad_request().is_none());
    assert!(details.retry_info().is_none());
    assert!(details.debug_info().is_none());
    let info = tonic::Status::from(CaseError::NotFound { id: 42 })
        .get_error_details()
        .error_info()
        .cloned()
        .expect("ErrorInfo");
    assert_eq!(info.reason, "NOT_FOUND");
    assert_eq!(info.metadata["id"], "42");
}

#[test]
fn violations_become_a_bad_request() {
    let status = tonic::Status::from(CaseError::Invalid {
        errors: vec![
            FieldViolation::new(["name"], "must not be blank").with_code("string.empty"),
            FieldViolation::new(["steps", "0", "title"], "too long"),
            FieldViolation::new(
                vec![apifault::PathSegment::from("tags"), 2.into()],
                "unknown",
            ),
        ],
    });
    assert_eq!(status.message(), "The case is invalid.");
    let details = status.get_error_details();
    let violations = &details.bad_request().expect("BadRequest").field_violations;
    let seen: Vec<(&str, &str, &str)> = violations
        .iter()
        .map(|v| (v.field.as_str(), v.description.as_str(), v.reason.as_str()))
        .collect();
    assert_eq!(
        seen,
        [
            ("name", "must not be blank", "STRING_EMPTY"),
            ("steps.0.title", "too long", ""),
            ("tags[2]", "unknown", ""),
        ]
    );
}

#[test]
fn retry_after_becomes_retry_info() {
    let status = tonic::Status::from(CaseError::RateLimited { retry_after: 30 });
    let details = status.get_error_details();
    assert_eq!(
        details.retry_info().expect("RetryInfo").retry_delay,
        Some(Duration::from_secs(30))
    );
    assert_eq!(
        details.error_info().expect("ErrorInfo").reason,
        "RATE_LIMITED"
    );
}

#[test]
fn the_request_id_becomes_request_info() {
    let context = Context::new()
        .with_request_id("req-7")
        .with_instance("/cases.v1.Cases/Get");
    let status = apifault::tonic::status_with(&CaseError::NotFound { id: 7 }, &context);
    let details = status.get_error_details();
    assert_eq!(
        details.request_info().expect("RequestInfo").request_id,
        "req-7"
    );
}

#[test]
fn a_5xx_without_message_says_nothing_of_its_cause() {
    let error = CaseError::Database {
        dsn: "postgres://admin:hunter2@db".into(),
        source: std::io::Error::other("connection refused to 10.0.0.7"),
    };
    let status = tonic::Status::from(error);
    assert_eq!(status.code(), Code::Internal);
    assert_eq!(status.message(), "Internal Server Error");
    let details = status.get_error_details();
    let info = details.error_info().expect("ErrorInfo");
    assert_eq!(info.reason, "DATABASE");
    assert!(info.metadata.is_empty());
    assert!(details.debug_info().is_none());
    let everything = format!("{status:?}");
    for secret in [
        "hunter2",
        "10.0.0.7",
        "connection refused",
        "postgres",
        "Database {",
    ] {
        assert!(
            !everything.contains(secret),
            "{secret} leaked: {everything}"
        );
    }
    // A 5xx with a message says it, and no more.
    let status = tonic::Status::from(CaseError::Maintenance);
    assert_eq!(status.message(), "The case store is down for maintenance.");
}

/// An error of a type that declares no gRPC attribute converts all the same, without a
/// domain.
#[test]
fn a_type_without_grpc_attributes_converts() {
    #[derive(Debug, thiserror::Error, ApiError)]
    #[error("no user {0}")]
    #[status(404)]
    struct NoUser(u32);

    assert!(
        NoUser::CATALOGUE
            .entries()
            .all(|entry| entry.grpc_domain.is_none())
    );
    let status = tonic::Status::from(NoUser(3));
    assert_eq!(status.code(), Code::NotFound);
    assert_eq!(status.message(), "no user 3");
    let details = status.get_error_details();
    let info = details.error_info().expect("ErrorInfo");
    assert_eq!(
        (info.reason.as_str(), info.domain.as_str()),
        ("NO_USER", "")
    );
}

#[test]
fn entries_show_their_grpc_code() {
    let codes: Vec<(&str, GrpcCode, Option<GrpcCode>)> = CaseError::CATALOGUE
        .entries()
        .map(|entry| (entry.name, entry.grpc(), entry.grpc_code))
        .collect();
    assert_eq!(
        codes,
        [
            ("NotFound", GrpcCode::NotFound, None),
            (
                "Duplicate",
                GrpcCode::AlreadyExists,
                Some(GrpcCode::AlreadyExists)
            ),
            (
                "Invalid",
                GrpcCode::InvalidArgument,
                Some(GrpcCode::InvalidArgument)
            ),
            ("RateLimited", GrpcCode::ResourceExhausted, None),
            ("Database", GrpcCode::Internal, None),
            ("Maintenance", GrpcCode::Unavailable, None),
        ]
    );
    assert!(
        CaseError::CATALOGUE
            .entries()
            .all(|entry| entry.grpc_domain == Some("cases.example.com"))
    );
}

/// `?` converts in a tonic handler's signature.
#[test]
fn question_mark_converts() {
    fn find(id: u64) -> Result<(), CaseError> {
        Err(CaseError::NotFound { id })
    }
    fn handler() -> Result<(), tonic::Status> {
        find(9)?;
        Ok(())
    }
    assert_eq!(handler().unwrap_err().code(), Code::NotFound);
}

/// A generic type converts too, under its bounds.
#[test]
fn a_generic_type_converts() {
    #[derive(Debug, thiserror::Error, ApiError)]
    #[api_error(grpc_domain = "jobs.example.com")]
    enum JobError<T: std::fmt::Display + std::fmt::Debug + serde::Serialize> {
        #[error("job {0} conflicts")]
        #[status(409)]
        #[api_error(grpc_code = FAILED_PRECONDITION)]
        Conflict(#[api_error(expose = "job")] T),
    }

    let status = tonic::Status::from(JobError::Conflict("nightly"));
    assert_eq!(status.code(), Code::FailedPrecondition);
    assert_eq!(status.message(), "job nightly conflicts");
    let info = status
        .get_error_details()
        .error_info()
        .cloned()
        .expect("ErrorInfo");
    assert_eq!(info.metadata["job"], "nightly");
    assert_eq!(info.domain, "jobs.example.com");
}

/// An exposed `Option` is metadata as its value is: `Some` text as it is, as a plain string
/// field is, never as JSON (`"\"Ada\""`); a `None` is left out, as in the body.
#[test]
fn an_exposed_option_is_metadata_as_its_value() {
    #[derive(Debug, thiserror::Error, ApiError)]
    #[api_error(grpc_domain = "tickets.example.com")]
    #[error("ticket locked")]
    #[status(423)]
    struct Locked {
        #[api_error(expose)]
        holder: Option<String>,
        #[api_error(expose)]
        since: Option<u32>,
    }

    let info = |error: Locked| {
        tonic::Status::from(error)
            .get_error_details()
            .error_info()
            .cloned()
            .expect("ErrorInfo")
    };
    let held = info(Locked {
        holder: Some("Ada".into()),
        since: Some(3),
    });
    assert_eq!(held.metadata["holder"], "Ada");
    assert_eq!(held.metadata["since"], "3");
    let free = info(Locked {
        holder: None,
        since: None,
    });
    assert!(free.metadata.is_empty(), "{:?}", free.metadata);
}

/// The catalogue page of a type that speaks gRPC has a gRPC column; others' pages do not
/// change.
#[test]
fn the_catalogue_page_shows_the_grpc_code() {
    let page = CaseError::CATALOGUE.to_markdown("Case API errors");
    assert!(
        page.contains("| Status | Name | Code | gRPC | Description |\n|---|---|---|---|---|\n"),
        "{page}"
    );
    assert!(
        page.contains("| 409 | Conflict | `duplicate-value` | `ALREADY_EXISTS` |  |"),
        "{page}"
    );
    assert!(
        page.contains("| 422 | Unprocessable Content | `invalid` | `INVALID_ARGUMENT` |  |"),
        "{page}"
    );
    assert!(
        page.contains("| 503 | Service Unavailable | `maintenance` | `UNAVAILABLE` |  |"),
        "{page}"
    );

    #[derive(Debug, thiserror::Error, ApiError)]
    #[error("no user")]
    #[status(404)]
    struct NoUser;
    assert!(!NoUser::CATALOGUE.to_markdown("Users").contains("gRPC"));
}

/// apifault writes the `google.rpc.Status` bytes directly: they are the bytes tonic-types'
/// `ErrorDetails` encodes for the same details, byte for byte (one metadata entry at most,
/// since a `HashMap` has no order), each detail kind included.
#[test]
fn the_details_are_the_bytes_error_details_encodes() {
    use std::collections::HashMap;
    use tonic_types::{ErrorDetails, FieldViolation as Violation, HelpLink};

    let context = Context::new().with_request_id("req-1");
    let by_hand = |code, message: &str, details: ErrorDetails| {
        tonic::Status::with_error_details(code, message, details)
            .details()
            .to_vec()
    };
    let ours = |error: &CaseError| {
        apifault::tonic::status_with(error, &context)
            .details()
            .to_vec()
    };

    let mut details = ErrorDetails::new();
    details.set_retry_info(Some(Duration::from_secs(30)));
    details.set_error_info("RATE_LIMITED", "cases.example.com", HashMap::new());
    details.set_request_info("req-1", "");
    assert_eq!(
        ours(&CaseError::RateLimited { retry_after: 30 }),
        by_hand(Code::ResourceExhausted, "Too many exports.", details)
    );

    let mut details = ErrorDetails::new();
    details.set_error_info(
        "NOT_FOUND",
        "cases.example.com",
        HashMap::from([("id".to_owned(), "7".to_owned())]),
    );
    details.set_request_info("req-1", "");
    assert_eq!(
        ours(&CaseError::NotFound { id: 7 }),
        by_hand(Code::NotFound, "case 7 not found", details)
    );

    let mut details = ErrorDetails::new();
    details.set_error_info("INVALID", "cases.example.com", HashMap::new());
    details.set_bad_request(vec![
        {
            let mut violation = Violation::new("name", "must not be blank");
            violation.reason = "STRING_EMPTY".into();
            violation
        },
        Violation::new("tags[2]", ""),
    ]);
    details.set_request_info("req-1", "");
    assert_eq!(
        ours(&CaseError::Invalid {
            errors: vec![
                FieldViolation::new(["name"], "must not be blank").with_code("string.empty"),
                FieldViolation::new(vec![apifault::PathSegment::from("tags"), 2.into()], ""),
            ],
        }),
        by_hand(Code::InvalidArgument, "The case is invalid.", details)
    );

    // Two metadata entries: the same once decoded.
    let duplicate = CaseError::Duplicate {
        name: "Flood".into(),
        similar: vec![1],
    };
    let mut details = ErrorDetails::new();
    details.set_error_info(
        "DUPLICATE_VALUE",
        "cases.example.com",
        HashMap::from([
            ("name".to_owned(), "Flood".to_owned()),
            ("similarCases".to_owned(), "[1]".to_owned()),
        ]),
    );
    details.set_request_info("req-1", "");
    details.set_help(vec![HelpLink::new(
        "duplicate-value",
        "https://docs.example.com/errors/duplicate",
    )]);
    let hand = tonic::Status::with_error_details(
        Code::AlreadyExists,
        "A case with this name already exists.",
        details,
    );
    let ours = apifault::tonic::status_with(&duplicate, &context);
    assert_eq!(ours.details().len(), hand.details().len());
    let (ours, hand) = (ours.get_error_details(), hand.get_error_details());
    let info = |details: &ErrorDetails| {
        let info = details.error_info().cloned().expect("ErrorInfo");
        (info.reason, info.domain, info.metadata)
    };
    assert_eq!(info(&ours), info(&hand));
    let links = |details: &ErrorDetails| {
        let help = details.help().expect("Help");
        help.links
            .iter()
            .map(|link| (link.description.clone(), link.url.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(links(&ours), links(&hand));
    assert_eq!(
        ours.request_info().map(|info| info.request_id.clone()),
        hand.request_info().map(|info| info.request_id.clone())
    );
}

/// The enum's `grpc_codes` maps declared statuses: a status decided at run time answers by
/// Google's mapping of the status sent.
#[test]
fn a_runtime_status_answers_by_the_status_sent() {
    #[derive(Debug, thiserror::Error, ApiError)]
    #[api_error(grpc_domain = "upstream.example.com", grpc_codes(502 = UNAVAILABLE))]
    enum UpstreamError {
        #[error("upstream answered {status}")]
        #[status(502)]
        #[api_error(statuses(503, 504))]
        Failed {
            #[api_error(status)]
            status: u16,
        },
        #[error("bad gateway")]
        #[status(502)]
        BadGateway,
    }

    let code = |error: UpstreamError| tonic::Status::from(error).code();
    assert_eq!(code(UpstreamError::BadGateway), Code::Unavailable);
    assert_eq!(
        code(UpstreamError::Failed { status: 504 }),
        Code::DeadlineExceeded
    );
    assert_eq!(code(UpstreamError::Failed { status: 502 }), Code::Internal);
}
