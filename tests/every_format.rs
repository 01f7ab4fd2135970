//! What holds in every format, built-in and house (`apifault_suite::formats`): the status
//! phrase each names 413 and 422 by, valid JSON whatever the strings hold, and no member
//! written twice when an error declared for one format is rendered in another.

use apifault::{ApiError, Boom, Context, FieldViolation, JsonApi, Problem, phrase};
use apifault_suite::formats::{awork, every_format, kiteworks, pax8};
use apifault_suite::render::{raw_in, value_in};
use http::StatusCode;
use serde_json::{Value, json};

// ---------------------------------------------------------------------------------------
// 413 and 422 in every format: RFC 9110 names for the standards-based formats, Node.js
// names for Boom; house formats carry the message, which 4xx always have.

#[derive(Debug, thiserror::Error, ApiError)]
enum SizeError {
    #[error("the body exceeds {0} bytes")]
    #[status(PAYLOAD_TOO_LARGE)]
    TooLarge(u32),

    #[error("the order is closed")]
    #[status(UNPROCESSABLE_ENTITY)]
    Closed,
}

#[test]
fn phrases_for_413_and_422_in_every_format() {
    assert_eq!(
        phrase::rfc9110(StatusCode::PAYLOAD_TOO_LARGE),
        Some("Content Too Large")
    );
    assert_eq!(
        phrase::nodejs(StatusCode::PAYLOAD_TOO_LARGE),
        Some("Payload Too Large")
    );
    assert_eq!(
        phrase::rfc9110(StatusCode::UNPROCESSABLE_ENTITY),
        Some("Unprocessable Content")
    );
    assert_eq!(
        phrase::nodejs(StatusCode::UNPROCESSABLE_ENTITY),
        Some("Unprocessable Entity")
    );

    let large = SizeError::TooLarge(1024);
    let closed = SizeError::Closed;
    let cx = Context::new().with_instance("/orders/1");
    assert_eq!(
        value_in::<Problem, _>(&large, &cx),
        json!({"type": "about:blank", "title": "Content Too Large", "status": 413, "detail": "the body exceeds 1024 bytes", "instance": "/orders/1", "code": "too_large"})
    );
    assert_eq!(
        value_in::<Problem, _>(&closed, &cx),
        json!({"type": "about:blank", "title": "Unprocessable Content", "status": 422, "detail": "the order is closed", "instance": "/orders/1", "code": "closed"})
    );
    assert_eq!(
        value_in::<JsonApi, _>(&large, &cx),
        json!({"errors": [{"status": "413", "code": "too_large", "title": "Content Too Large", "detail": "the body exceeds 1024 bytes"}]})
    );
    assert_eq!(
        value_in::<JsonApi, _>(&closed, &cx),
        json!({"errors": [{"status": "422", "code": "closed", "title": "Unprocessable Content", "detail": "the order is closed"}]})
    );
    assert_eq!(
        value_in::<Boom, _>(&large, &cx),
        json!({"statusCode": 413, "error": "Payload Too Large", "message": "the body exceeds 1024 bytes"})
    );
    assert_eq!(
        value_in::<Boom, _>(&closed, &cx),
        json!({"statusCode": 422, "error": "Unprocessable Entity", "message": "the order is closed"})
    );
    assert_eq!(
        value_in::<awork::Awork, _>(&closed, &cx),
        json!({"code": "closed", "description": "the order is closed", "link": "", "details": [], "validationErrors": []})
    );
    assert_eq!(
        value_in::<kiteworks::Kiteworks, _>(&large, &cx),
        json!({"code": "too_large", "message": "the body exceeds 1024 bytes"})
    );
    assert_eq!(
        value_in::<pax8::Pax8, _>(&closed, &cx),
        json!({"type": "closed", "message": "the order is closed", "instance": "/orders/1", "status": 422, "details": []})
    );
    for (error, status) in [(&large, 413), (&closed, 422)] {
        for response in every_format(error, &cx) {
            assert_eq!(response.status().as_u16(), status);
        }
    }
}

// ---------------------------------------------------------------------------------------
// Rendering never panics and stays valid JSON, whatever the strings hold.

#[derive(Debug, thiserror::Error, ApiError)]
enum WildError {
    #[error("{text}")]
    #[status(400)]
    #[api_error(id = "{text}", source(pointer = "/data/{text}"), link = "{text}")]
    Wild {
        text: String,
        #[api_error(expose)]
        echo: String,
        #[api_error(violations)]
        errors: Vec<FieldViolation>,
    },
}

#[test]
fn odd_strings_stay_valid_json_in_every_format() {
    let text = "\"quotes\" \\ back\nslash \u{0} nul \u{1F600} </script> {{braces}} ~/";
    let error = WildError::Wild {
        text: text.into(),
        echo: text.into(),
        errors: vec![FieldViolation::new([text.to_owned()], text)],
    };
    for response in every_format(
        &error,
        &Context::new().with_instance(text).with_request_id(text),
    ) {
        let body: Value = serde_json::from_slice(response.body()).expect("valid JSON");
        assert!(body.to_string().contains("</script>"));
    }
}

// ---------------------------------------------------------------------------------------
// Rendering in a format other than the declared one

/// Declared for JSON:API, where exposed fields go under `meta` and no name is reserved:
/// these names are fine there, but each is a member Problem, Boom or Pax8 write themselves.
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = JsonApi)]
enum ForeignNames {
    #[error("conflict")]
    #[status(409)]
    Clash {
        #[api_error(expose)]
        status: u16,
        #[api_error(expose = "type")]
        kind: &'static str,
        #[api_error(expose)]
        message: &'static str,
        #[api_error(expose)]
        details: Vec<u8>,
        #[api_error(expose)]
        kept: bool,
    },
}

fn clash() -> ForeignNames {
    ForeignNames::Clash {
        status: 200,
        kind: "spoofed",
        message: "spoofed",
        details: vec![1],
        kept: true,
    }
}

/// How often `"name":` stands in `body` as a member name.
fn occurrences(body: &str, name: &str) -> usize {
    body.matches(&format!("\"{name}\":")).count()
}

#[test]
fn a_foreign_format_never_repeats_a_member_it_writes_itself() {
    let error = clash();
    let problem = raw_in::<Problem, _>(&error, &Context::new());
    for name in ["status", "type"] {
        assert_eq!(occurrences(&problem, name), 1, "{name} in {problem}");
    }
    let parsed = value_in::<Problem, _>(&error, &Context::new());
    assert_eq!(
        (&parsed["status"], &parsed["type"]),
        (&json!(409), &json!("about:blank")),
        "{problem}"
    );
    // Problem writes no `message` or `details`: those stay extension members there.
    assert_eq!(
        (&parsed["message"], &parsed["kept"]),
        (&json!("spoofed"), &json!(true))
    );

    let boom = raw_in::<Boom, _>(&error, &Context::new());
    assert_eq!(occurrences(&boom, "message"), 1, "{boom}");
    assert_eq!(
        value_in::<Boom, _>(&error, &Context::new())["statusCode"],
        409
    );
    assert_eq!(
        value_in::<Boom, _>(&error, &Context::new())["message"],
        "conflict",
        "{boom}"
    );
    // Boom writes no `type` or `status`: those stay exposed members there.
    assert_eq!(value_in::<Boom, _>(&error, &Context::new())["status"], 200);

    let pax8 = raw_in::<pax8::Pax8, _>(&error, &Context::new());
    for name in ["status", "type", "message", "details"] {
        assert_eq!(occurrences(&pax8, name), 1, "{name} in {pax8}");
    }
    assert_eq!(
        value_in::<pax8::Pax8, _>(&error, &Context::new())["status"],
        409
    );

    // In its own format every name is an ordinary `meta` member.
    let own = value_in::<JsonApi, _>(&error, &Context::new());
    assert_eq!(
        own["errors"][0]["meta"],
        json!({"status": 200, "type": "spoofed", "message": "spoofed", "details": [1], "kept": true})
    );
}
