//! The built-in `JsonApi` format member by member: ids, links, sources (declared,
//! interpolated and escaped as JSON Pointer reference tokens), one object per violation,
//! `code_in_body = false` and RFC 9110 titles. What a 5xx shows is in `tests/leaks.rs`.

use apifault::{ApiError, Context, FieldViolation, JsonApi, PathSegment};
use apifault_suite::render::{raw_in, value_in};
use http::StatusCode;
use serde_json::{Value, json};

// ---------------------------------------------------------------------------------------
// JsonApi

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = JsonApi, rename_all = "kebab-case")]
enum ArticleError {
    #[error("article {id} has no title")]
    #[status(422)]
    #[title("Missing title")]
    #[api_error(
        id = "err-{id}",
        link = "https://docs.example.com/errors/missing-title?article={id}",
        type = "https://docs.example.com/errors/missing-title",
        source(pointer = "/data/attributes/{field}")
    )]
    MissingTitle {
        id: u64,
        field: &'static str,
        #[api_error(expose)]
        revision: u32,
        #[api_error(expose = "draft")]
        is_draft: bool,
    },

    #[error("unknown sort field {0:?}")]
    #[status(400)]
    #[api_error(source(parameter = "sort"))]
    BadSort(String),

    #[error("stale precondition")]
    #[status(412)]
    #[code("stale")]
    #[api_error(source(header = "If-Match"))]
    Stale,

    #[error("invalid article")]
    #[status(422)]
    #[message("The article is invalid.")]
    #[api_error(source(pointer = "/data/attributes"))]
    Invalid {
        #[api_error(violations)]
        errors: Vec<FieldViolation>,
    },

    #[error("invalid document")]
    #[status(400)]
    InvalidDocument {
        #[api_error(violations)]
        errors: Vec<FieldViolation>,
    },

    #[error("upload of {0} bytes is too large")]
    #[status(413)]
    TooLarge(u64),

    #[error("blocked")]
    #[status(490)]
    Blocked,

    #[error(transparent)]
    #[api_error(transparent)]
    Auth(#[from] AuthError),
}

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = JsonApi)]
enum AuthError {
    #[error("token expired")]
    #[status(401)]
    #[api_error(header("WWW-Authenticate" = "Bearer"), source(header = "Authorization"))]
    Expired,
}

#[test]
fn jsonapi_writes_every_member_in_order() {
    let error = ArticleError::MissingTitle {
        id: 42,
        field: "title",
        revision: 3,
        is_draft: true,
    };
    assert_eq!(
        raw_in::<JsonApi, _>(&error, &Context::new()),
        concat!(
            r#"{"errors":[{"id":"err-42","#,
            r#""links":{"about":"https://docs.example.com/errors/missing-title?article=42","type":"https://docs.example.com/errors/missing-title"},"#,
            r#""status":"422","code":"missing-title","title":"Missing title","detail":"article 42 has no title","#,
            r#""source":{"pointer":"/data/attributes/title"},"meta":{"revision":3,"draft":true}}]}"#
        )
    );
    let response = error.to_response();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        response.headers()[http::header::CONTENT_TYPE],
        "application/vnd.api+json"
    );
}

#[test]
fn jsonapi_id_is_declared_or_the_request_id() {
    let context = Context::new()
        .with_request_id("req-7")
        .with_instance("/articles/1");
    let declared = ArticleError::MissingTitle {
        id: 1,
        field: "title",
        revision: 1,
        is_draft: false,
    };
    assert_eq!(
        value_in::<JsonApi, _>(&declared, &context)["errors"][0]["id"],
        "err-1"
    );
    assert_eq!(
        value_in::<JsonApi, _>(&ArticleError::Stale, &context),
        json!({"errors": [{"id": "req-7", "status": "412", "code": "stale", "title": "Precondition Failed", "detail": "stale precondition", "source": {"header": "If-Match"}}]})
    );
    // Without either, no `id` member (and never `null`).
    assert_eq!(
        value_in::<JsonApi, _>(&ArticleError::Stale, &Context::new())["errors"][0].get("id"),
        None
    );
}

#[test]
fn jsonapi_source_parameter_and_header() {
    assert_eq!(
        value_in::<JsonApi, _>(&ArticleError::BadSort("-nope".into()), &Context::new()),
        json!({"errors": [{"status": "400", "code": "bad-sort", "title": "Bad Request", "detail": "unknown sort field \"-nope\"", "source": {"parameter": "sort"}}]})
    );
    // Through a transparent variant: everything comes from the inner error.
    let response = ArticleError::Auth(AuthError::Expired).to_response();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(response.headers()["www-authenticate"], "Bearer");
    assert_eq!(
        serde_json::from_slice::<Value>(response.body()).unwrap(),
        json!({"errors": [{"status": "401", "code": "expired", "title": "Unauthorized", "detail": "token expired", "source": {"header": "Authorization"}}]})
    );
}

#[test]
fn jsonapi_renders_one_object_per_violation() {
    let error = ArticleError::Invalid {
        errors: vec![
            FieldViolation::new(["firstName"], "must not be blank").with_code("blank"),
            FieldViolation::new(
                [
                    PathSegment::from("tags"),
                    PathSegment::from(2),
                    PathSegment::from("a/b~c"),
                ],
                "is too long",
            ),
        ],
    };
    let context = Context::new().with_request_id("req-9");
    assert_eq!(
        value_in::<JsonApi, _>(&error, &context),
        json!({"errors": [
            {"id": "req-9", "status": "422", "code": "blank", "title": "Unprocessable Content", "detail": "must not be blank", "source": {"pointer": "/data/attributes/firstName"}},
            {"id": "req-9", "status": "422", "code": "invalid", "title": "Unprocessable Content", "detail": "is too long", "source": {"pointer": "/data/attributes/tags/2/a~1b~0c"}}
        ]})
    );
}

#[test]
fn jsonapi_violations_without_a_declared_pointer_and_empty_lists() {
    let error = ArticleError::InvalidDocument {
        errors: vec![
            FieldViolation::new(["data", "type"], "is required"),
            FieldViolation::new(Vec::<&'static str>::new(), "must be an object"),
        ],
    };
    assert_eq!(
        value_in::<JsonApi, _>(&error, &Context::new()),
        json!({"errors": [
            {"status": "400", "code": "invalid-document", "title": "Bad Request", "detail": "is required", "source": {"pointer": "/data/type"}},
            // An empty path points at nothing in particular: no `source`.
            {"status": "400", "code": "invalid-document", "title": "Bad Request", "detail": "must be an object"}
        ]})
    );
    // No violations: the error itself is the one object.
    let error = ArticleError::Invalid { errors: Vec::new() };
    assert_eq!(
        value_in::<JsonApi, _>(&error, &Context::new()),
        json!({"errors": [{"status": "422", "code": "invalid", "title": "Unprocessable Content", "detail": "The article is invalid.", "source": {"pointer": "/data/attributes"}}]})
    );
}

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = JsonApi, code_in_body = false)]
enum QuietError {
    #[error("invalid")]
    #[status(400)]
    Invalid {
        #[api_error(violations)]
        errors: Vec<FieldViolation>,
    },
}

#[test]
fn jsonapi_code_in_body_false_keeps_violation_codes() {
    let error = QuietError::Invalid {
        errors: vec![
            FieldViolation::new(["a"], "bad").with_code("a.bad"),
            FieldViolation::new(["b"], "worse"),
        ],
    };
    assert_eq!(
        value_in::<JsonApi, _>(&error, &Context::new()),
        json!({"errors": [
            {"status": "400", "code": "a.bad", "title": "Bad Request", "detail": "bad", "source": {"pointer": "/a"}},
            {"status": "400", "title": "Bad Request", "detail": "worse", "source": {"pointer": "/b"}}
        ]})
    );
}

#[test]
fn jsonapi_titles_follow_rfc_9110() {
    assert_eq!(
        value_in::<JsonApi, _>(&ArticleError::TooLarge(9), &Context::new()),
        json!({"errors": [{"status": "413", "code": "too-large", "title": "Content Too Large", "detail": "upload of 9 bytes is too large"}]})
    );
    // 490 has no registered phrase: no title rather than an invented one.
    assert_eq!(
        value_in::<JsonApi, _>(&ArticleError::Blocked, &Context::new()),
        json!({"errors": [{"status": "490", "code": "blocked", "detail": "blocked"}]})
    );
}

// ---------------------------------------------------------------------------------------
// Pointers interpolated from fields

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = JsonApi)]
enum PointerError {
    #[error("bad member {name}")]
    #[status(422)]
    #[api_error(source(pointer = "/data/attributes/{name}/{index}/{index:x}/{name:?}"))]
    BadMember { name: String, index: usize },
}

#[test]
fn interpolated_pointer_values_are_escaped_reference_tokens() {
    let error = PointerError::BadMember {
        name: "a/b~c".into(),
        index: 26,
    };
    assert_eq!(
        value_in::<JsonApi, _>(&error, &Context::new())["errors"][0]["source"]["pointer"],
        r#"/data/attributes/a~1b~0c/26/1a/"a~1b~0c""#
    );
}
