//! The built-in `Boom` format (hapi's error body) member by member: exposed fields,
//! violations as Joi details, Node.js status phrases. What a 5xx shows is in
//! `tests/leaks.rs`.

use apifault::{ApiError, Boom, Context, FieldViolation, PathSegment};
use apifault_suite::render::{raw_in, value_in};
use serde_json::{Value, json};

// ---------------------------------------------------------------------------------------
// Boom

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = Boom, rename_all = "kebab-case")]
enum StepError {
    #[error("step {name:?} already started")]
    #[status(409)]
    AlreadyStarted {
        #[api_error(expose)]
        name: String,
        #[api_error(expose = "stepIndex")]
        index: usize,
    },

    #[error("invalid steps")]
    #[status(400)]
    Invalid {
        #[api_error(violations)]
        errors: Vec<FieldViolation>,
    },

    #[error("short and stout")]
    #[status(418)]
    Teapot,

    #[error("the file is {0} bytes")]
    #[status(413)]
    TooLarge(u64),

    #[error("the case fails rule {0}")]
    #[status(422)]
    Rule(&'static str),

    #[error("blocked")]
    #[status(490)]
    Blocked,
}

#[test]
fn boom_writes_hapi_members_then_exposed_fields() {
    let error = StepError::AlreadyStarted {
        name: "sign".into(),
        index: 2,
    };
    assert_eq!(
        raw_in::<Boom, _>(&error, &Context::new().with_request_id("ignored")),
        r#"{"statusCode":409,"error":"Conflict","message":"step \"sign\" already started","name":"sign","stepIndex":2}"#
    );
    assert_eq!(
        error.to_response().headers()[http::header::CONTENT_TYPE],
        "application/json"
    );
}

#[test]
fn boom_violations_are_joi_details() {
    let error = StepError::Invalid {
        errors: vec![
            FieldViolation::new(
                [
                    PathSegment::from("steps"),
                    PathSegment::from(0),
                    PathSegment::from("title"),
                ],
                "\"title\" is required",
            )
            .with_code("any.required"),
            FieldViolation::new(["owner"], "must be an email"),
        ],
    };
    assert_eq!(
        raw_in::<Boom, _>(&error, &Context::new()),
        concat!(
            r#"{"statusCode":400,"error":"Bad Request","message":"invalid steps","errors":["#,
            r#"{"message":"\"title\" is required","path":["steps",0,"title"],"type":"any.required"},"#,
            r#"{"message":"must be an email","path":["owner"],"type":"invalid"}]}"#
        )
    );
    // An empty list writes no `errors` member, as hapi only adds it for validation failures.
    assert_eq!(
        value_in::<Boom, _>(&StepError::Invalid { errors: Vec::new() }, &Context::new()),
        json!({"statusCode": 400, "error": "Bad Request", "message": "invalid steps"})
    );
}

#[test]
fn boom_phrases_are_node_js_ones() {
    let cases: [(StepError, Value); 4] = [
        (
            StepError::Teapot,
            json!({"statusCode": 418, "error": "I'm a Teapot", "message": "short and stout"}),
        ),
        (
            StepError::TooLarge(5),
            json!({"statusCode": 413, "error": "Payload Too Large", "message": "the file is 5 bytes"}),
        ),
        (
            StepError::Rule("R1"),
            json!({"statusCode": 422, "error": "Unprocessable Entity", "message": "the case fails rule R1"}),
        ),
        (
            StepError::Blocked,
            json!({"statusCode": 490, "error": "Unknown", "message": "blocked"}),
        ),
    ];
    for (error, expected) in cases {
        assert_eq!(
            value_in::<Boom, _>(&error, &Context::new()),
            expected,
            "{error:?}"
        );
    }
}
