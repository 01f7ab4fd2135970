//! The five seed APIs, reproduced exactly: for each page in `../shared/seeds/`, the enum a
//! team would write, and the status, content type and body (as parsed JSON) of the examples
//! that page documents; and RFC 9457 §3's problem without `detail`. Penbox and JSON:API go through the built-in `Boom` and `JsonApi`;
//! awork, Kiteworks and Pax8 through the house formats of `apifault_suite::formats`, the
//! same ones the example programs run.
//!
//! The expected bodies are copied from the pages. When `../shared` is there, each one is
//! also looked up in its page, so a copy that drifted from the source fails here.

use apifault::{ApiError, Boom, Context, FieldViolation, JsonApi};
use apifault_suite::formats::{awork, kiteworks, pax8};
use http::StatusCode;
use serde_json::{Value, json};

/// Status, content type and parsed body of `error` in its own format, with `context`.
fn answer<E: ApiError>(error: &E, context: &Context<'_>) -> (u16, String, Value) {
    let response = error.to_response_in::<E::Format>(context);
    let content_type = response
        .headers()
        .get(http::header::CONTENT_TYPE)
        .expect("a content type")
        .to_str()
        .expect("an ASCII content type")
        .to_owned();
    let body = serde_json::from_slice(response.body()).expect("the body is JSON");
    (response.status().as_u16(), content_type, body)
}

/// The names of the headers of `error`'s response besides its content type: none of the
/// seeds' 401s sends a `WWW-Authenticate`, so their ports must not invent one.
fn extra_headers<E: ApiError>(error: &E) -> Vec<String> {
    error
        .to_response()
        .headers()
        .keys()
        .filter(|name| **name != http::header::CONTENT_TYPE)
        .map(ToString::to_string)
        .collect()
}

/// The text of the seed page whose name contains `id`, when `../shared` is there.
fn seed_page(id: &str) -> Option<String> {
    let shared = apifault_suite::shared_dir(&format!("the seed page {id} is not compared"))?;
    let dir = shared.join("seeds");
    let entries = std::fs::read_dir(&dir).expect("shared/seeds is readable");
    for entry in entries {
        let path = entry.expect("a directory entry").path();
        if path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().contains(id))
        {
            return Some(std::fs::read_to_string(path).expect("the seed page is UTF-8"));
        }
    }
    panic!("no seed page named *{id}* in {}", dir.display());
}

/// Every JSON object printed in `page`, parsed.
fn json_objects(page: &str) -> Vec<Value> {
    page.char_indices()
        .filter(|(_, c)| *c == '{')
        .filter_map(|(i, _)| {
            serde_json::Deserializer::from_str(&page[i..])
                .into_iter::<Value>()
                .next()?
                .ok()
        })
        .collect()
}

/// Asserts that `page` prints `body` as one of its examples.
fn assert_printed(page: Option<String>, body: &Value) {
    if let Some(page) = page {
        let printed = json_objects(&page);
        assert!(
            printed.contains(body),
            "the seed page does not print {body}; it prints {printed:#?}"
        );
    }
}

// ---------------------------------------------------------------------------------------
// Penbox: hapi's Boom payload plus Joi-style `errors` (seed 000).

/// Errors of a Penbox-style API on hapi.
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = Boom)]
enum PenboxError {
    /// The request is invalid: a required field is missing or a value is incorrect.
    #[error("invalid request")]
    #[status(400)]
    #[message("A human-readable description of the error")]
    BadRequest {
        #[api_error(violations)]
        errors: Vec<FieldViolation>,
    },

    /// The resource does not exist.
    #[error("case {0} not found")]
    #[status(404)]
    NotFound(u64),

    /// The endpoint does not exist: hapi's default 404, `Boom.notFound()`.
    #[error("no route for {0}")]
    #[status(404)]
    #[code("route_not_found")]
    #[api_error(no_message)]
    RouteNotFound(String),

    /// The request body is too large.
    #[error("the upload exceeds {limit} bytes")]
    #[status(413)]
    PayloadTooLarge { limit: u64 },

    /// An unexpected error occurred on our side.
    #[error("database: {0}")]
    #[status(500)]
    Internal(#[source] std::io::Error),
}

#[test]
fn penbox_400_example() {
    let error = PenboxError::BadRequest {
        errors: vec![FieldViolation::new(["field"], "validation detail").with_code("...")],
    };
    let expected = json!({
        "statusCode": 400,
        "error": "Bad Request",
        "message": "A human-readable description of the error",
        "errors": [
            { "message": "validation detail", "path": ["field"], "type": "..." }
        ]
    });
    assert_eq!(
        answer(&error, &Context::new()),
        (400, "application/json".to_owned(), expected.clone())
    );
    assert_printed(seed_page("000_"), &expected);
}

#[test]
fn penbox_other_statuses_follow_hapi() {
    assert_eq!(
        answer(&PenboxError::NotFound(7), &Context::new()).2,
        json!({"statusCode": 404, "error": "Not Found", "message": "case 7 not found"})
    );
    // hapi's own 404 for an unknown route carries no message of its own: the phrase.
    assert_eq!(
        answer(&PenboxError::RouteNotFound("/nope".into()), &Context::new()),
        (
            404,
            "application/json".to_owned(),
            json!({"statusCode": 404, "error": "Not Found", "message": "Not Found"})
        )
    );
    // The page's own table names 413 "Payload Too Large", as Node.js does.
    assert_eq!(
        answer(&PenboxError::PayloadTooLarge { limit: 10 }, &Context::new()).2,
        json!({"statusCode": 413, "error": "Payload Too Large", "message": "the upload exceeds 10 bytes"})
    );
    let internal = PenboxError::Internal(std::io::Error::other("db.internal refused"));
    assert_eq!(
        answer(&internal, &Context::new()),
        (
            500,
            "application/json".to_owned(),
            json!({"statusCode": 500, "error": "Internal Server Error", "message": "An internal server error occurred"})
        )
    );
}

// ---------------------------------------------------------------------------------------
// RFC 9457 §3, the second example: a validation problem with no `detail`.

/// Errors of a service answering in RFC 9457 problems without codes in the body.
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(code_in_body = false)]
enum RequestError {
    /// The request failed validation; the violations say where.
    #[error("Your request is not valid.")]
    #[status(422)]
    #[title("Your request is not valid.")]
    #[api_error(type = "https://example.net/validation-error", no_message)]
    Validation {
        #[api_error(violations)]
        errors: Vec<FieldViolation>,
    },
}

/// The RFC's body, plus `"status"`: `Problem` always writes the status (RFC 9457 §3.1.2
/// makes it advisory, and the RFC's own first example carries it).
#[test]
fn rfc_9457_validation_example() {
    let error = RequestError::Validation {
        errors: vec![
            FieldViolation::new(["age"], "must be a positive integer"),
            FieldViolation::new(["profile", "color"], "must be 'green', 'red' or 'blue'"),
        ],
    };
    let response = error.to_response();
    assert_eq!(
        response.headers()[http::header::CONTENT_TYPE],
        "application/problem+json"
    );
    assert_eq!(
        String::from_utf8(response.body().clone()).expect("UTF-8"),
        concat!(
            r#"{"type":"https://example.net/validation-error","title":"Your request is not valid.","#,
            r#""status":422,"errors":["#,
            r##"{"detail":"must be a positive integer","pointer":"#/age"},"##,
            r##"{"detail":"must be 'green', 'red' or 'blue'","pointer":"#/profile/color"}]}"##
        )
    );
    assert_eq!(
        answer(&error, &Context::new()),
        (
            422,
            "application/problem+json".to_owned(),
            json!({
                "type": "https://example.net/validation-error",
                "title": "Your request is not valid.",
                "status": 422,
                "errors": [
                    { "detail": "must be a positive integer", "pointer": "#/age" },
                    { "detail": "must be 'green', 'red' or 'blue'", "pointer": "#/profile/color" }
                ]
            })
        )
    );
}

// ---------------------------------------------------------------------------------------
// awork (seed 001). The page prints its example without braces, so it cannot be parsed;
// its member values are looked up in the page instead.

/// Errors of an awork-style API.
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = awork::Awork, rename_all = "kebab-case")]
enum AworkError {
    /// The model validation of the request failed.
    #[error("model validation failed")]
    #[status(400)]
    #[message("The model sent in the request is invalid. See the validation errors for details.")]
    ValidationFailed {
        #[api_error(violations)]
        errors: Vec<FieldViolation>,
        #[api_error(expose)]
        details: Vec<&'static str>,
    },

    /// The requested resource could not be located.
    #[error("the requested resource could not be located")]
    #[status(404)]
    NotFound,

    /// The requesting user lacks the permissions the request needs. awork sends no
    /// challenge with it.
    #[error("the requesting user is lacking the necessary permissions for the request")]
    #[status(401)]
    #[api_error(omit_header("WWW-Authenticate"))]
    Unauthorized,
}

#[test]
fn awork_validation_example() {
    let error = AworkError::ValidationFailed {
        errors: vec![FieldViolation::new(["Name"], "'Name' should not be empty.")],
        details: vec!["Some more details about the error can go here.", "Or here."],
    };
    let expected = json!({
        "code": "validation-failed",
        "description": "The model sent in the request is invalid. See the validation errors for details.",
        "link": "",
        "details": [
            "Some more details about the error can go here.",
            "Or here."
        ],
        "validationErrors": [
            { "property": "Name", "message": "'Name' should not be empty." }
        ]
    });
    assert_eq!(
        answer(&error, &Context::new()),
        (400, "application/json".to_owned(), expected)
    );
    if let Some(page) = seed_page("001_") {
        for text in [
            r#""code": "validation-failed""#,
            r#""description": "The model sent in the request is invalid. See the validation errors for details.""#,
            r#""link": """#,
            r#""Some more details about the error can go here.""#,
            r#""Or here.""#,
            r#""property": "Name""#,
            r#""message": "'Name' should not be empty.""#,
        ] {
            assert!(page.contains(text), "the awork page does not print {text}");
        }
    }
}

#[test]
fn awork_members_are_always_present() {
    assert_eq!(
        answer(&AworkError::NotFound, &Context::new()).2,
        json!({
            "code": "not-found",
            "description": "the requested resource could not be located",
            "link": "",
            "details": [],
            "validationErrors": []
        })
    );
}

#[test]
fn awork_401_has_no_challenge() {
    let error = AworkError::Unauthorized;
    assert_eq!(
        answer(&error, &Context::new()),
        (
            401,
            "application/json".to_owned(),
            json!({
                "code": "unauthorized",
                "description": "the requesting user is lacking the necessary permissions for the request",
                "link": "",
                "details": [],
                "validationErrors": []
            })
        )
    );
    assert_eq!(extra_headers(&error), Vec::<String>::new());
    if let Some(page) = seed_page("001_") {
        assert!(page.contains("401 (Unauthorized)"));
    }
}

// ---------------------------------------------------------------------------------------
// JSON:API (seed 002).

/// Errors of a JSON:API service whose error objects carry no code.
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = JsonApi, code_in_body = false)]
enum ResourceError {
    /// The resource id is not a valid UUIDv5.
    #[error("the provided guid is not a valid UUIDv5")]
    #[status(422)]
    #[title("invalid field value")]
    #[api_error(source(pointer = "/data/id"))]
    InvalidGuid {
        #[api_error(expose)]
        provided_guid: String,
    },
}

#[test]
fn jsonapi_422_example() {
    let error = ResourceError::InvalidGuid {
        provided_guid: "1234-invalid-guid".into(),
    };
    let expected = json!({ "errors": [ {
        "status": "422",
        "title": "invalid field value",
        "detail": "the provided guid is not a valid UUIDv5",
        "source": { "pointer": "/data/id" },
        "meta": { "provided_guid": "1234-invalid-guid" }
    } ] });
    assert_eq!(
        answer(&error, &Context::new()),
        (422, "application/vnd.api+json".to_owned(), expected.clone())
    );
    assert_printed(seed_page("002_"), &expected);
}

// ---------------------------------------------------------------------------------------
// Kiteworks (seed 003): no example body, only the field table (`code`, `field` for errors
// like a 422 on a request-body parameter, `message`) and the status list with 490.

/// Errors of a Kiteworks-style API.
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = kiteworks::Kiteworks, rename_all = "SCREAMING_SNAKE_CASE")]
enum KiteworksError {
    /// The email address in the request body is not valid.
    #[error("invalid email address")]
    #[status(422)]
    #[message("The email address is not valid.")]
    #[api_error(source(parameter = "email"))]
    InvalidEmail,

    /// A request parameter failed validation.
    #[error("invalid parameter")]
    #[status(422)]
    InvalidParameter {
        #[api_error(violations)]
        errors: Vec<FieldViolation>,
    },

    /// Authentication is required and has failed or has not yet been provided; Kiteworks
    /// documents no challenge with it.
    #[error("Authentication is required and has failed or has not yet been provided.")]
    #[status(401)]
    #[api_error(omit_header("WWW-Authenticate"))]
    Unauthorized,

    /// The request was blocked by the Web Application Firewall.
    #[error("The request was blocked by Web Application Firewall.")]
    #[status(490)]
    RequestBlockedByWaf,
}

#[test]
fn kiteworks_422_names_the_field() {
    assert_eq!(
        answer(&KiteworksError::InvalidEmail, &Context::new()),
        (
            422,
            "application/json".to_owned(),
            json!({"code": "INVALID_EMAIL", "field": "email", "message": "The email address is not valid."})
        )
    );
    let error = KiteworksError::InvalidParameter {
        errors: vec![FieldViolation::new(
            ["profile", "phone"],
            "must be an E.164 number",
        )],
    };
    assert_eq!(
        answer(&error, &Context::new()).2,
        json!({"code": "INVALID_PARAMETER", "field": "profile.phone", "message": "must be an E.164 number"})
    );
}

#[test]
fn kiteworks_490_waf_block_has_no_field() {
    let error = KiteworksError::RequestBlockedByWaf;
    assert_eq!(error.status(), StatusCode::from_u16(490).unwrap());
    assert_eq!(
        answer(&error, &Context::new()),
        (
            490,
            "application/json".to_owned(),
            json!({"code": "REQUEST_BLOCKED_BY_WAF", "message": "The request was blocked by Web Application Firewall."})
        )
    );
    if let Some(page) = seed_page("003_") {
        for text in ["490", "Request blocked by WAF", "code", "field", "message"] {
            assert!(
                page.contains(text),
                "the Kiteworks page does not mention {text}"
            );
        }
    }
}

#[test]
fn kiteworks_401_has_no_challenge() {
    let error = KiteworksError::Unauthorized;
    assert_eq!(
        answer(&error, &Context::new()),
        (
            401,
            "application/json".to_owned(),
            json!({"code": "UNAUTHORIZED", "message": "Authentication is required and has failed or has not yet been provided."})
        )
    );
    assert_eq!(extra_headers(&error), Vec::<String>::new());
    if let Some(page) = seed_page("003_") {
        assert!(
            page.contains(
                "Authentication is required and has failed or has not yet been provided."
            )
        );
    }
}

// ---------------------------------------------------------------------------------------
// Pax8 (seed 004): three examples, two of the partner endpoints and one of the vendor
// endpoints, whose `details` carry a support id.

/// Errors of Pax8's partner endpoints.
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = pax8::Pax8, rename_all = "SCREAMING_SNAKE_CASE")]
enum PartnerError {
    /// The company does not exist.
    #[error("no company {0}")]
    #[status(404)]
    #[code("NOT_FOUND")]
    #[message("Company Not Found: {0}")]
    CompanyNotFound(String),

    /// Improper API usage: data in a bad format, such as a number for a string.
    #[error("a request member has the wrong type")]
    #[status(400)]
    #[code("BAD_REQUEST", shared)]
    #[message("Api failed to process the request")]
    BadDataFormat,

    /// Improper API usage: a required parameter is missing.
    #[error("a required request member is missing")]
    #[status(400)]
    #[code("BAD_REQUEST", shared)]
    #[message("Api failed to process the request")]
    MissingParameter,

    /// No valid API key provided. Pax8 sends no challenge with it.
    #[error("no valid API key provided")]
    #[status(401)]
    #[message("No valid API key provided")]
    #[api_error(omit_header("WWW-Authenticate"))]
    Unauthorized,
}

/// Errors of Pax8's vendor endpoints.
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = pax8::Pax8, rename_all = "kebab-case")]
enum VendorError {
    /// A required field is blank.
    #[error("field {field} is blank")]
    #[status(400)]
    #[message("field {field} must not be blank")]
    InvalidRequest { field: &'static str },
}

#[test]
fn pax8_company_not_found_example() {
    let id = "3d0617ac-57f6-40e3-951d-e91da47a326b";
    let path = format!("/public/v1/companies/{id}");
    let error = PartnerError::CompanyNotFound(id.into());
    let expected = json!({
        "type": "NOT_FOUND",
        "message": "Company Not Found: 3d0617ac-57f6-40e3-951d-e91da47a326b",
        "instance": "/public/v1/companies/3d0617ac-57f6-40e3-951d-e91da47a326b",
        "status": 404,
        "details": []
    });
    assert_eq!(
        answer(&error, &Context::new().with_instance(&path)),
        (404, "application/json".to_owned(), expected.clone())
    );
    assert_printed(seed_page("004_"), &expected);
}

#[test]
fn pax8_bad_request_example() {
    let expected = json!({
        "type": "BAD_REQUEST",
        "message": "Api failed to process the request",
        "instance": "/public/.../",
        "status": 400,
        "details": []
    });
    // Both of the page's malformed requests, a bad data format and a missing parameter,
    // answer with the one `BAD_REQUEST`, declared shared in one enum.
    for error in [PartnerError::BadDataFormat, PartnerError::MissingParameter] {
        assert_eq!(error.code(), "BAD_REQUEST");
        assert_eq!(
            answer(&error, &Context::new().with_instance("/public/.../")),
            (400, "application/json".to_owned(), expected.clone())
        );
    }
    assert_printed(seed_page("004_"), &expected);
    assert!(PartnerError::CATALOGUE.duplicate_codes().is_empty());
    assert_eq!(
        PartnerError::CATALOGUE
            .lookup("BAD_REQUEST")
            .map(|entry| entry.name),
        Some("BadDataFormat")
    );
}

#[test]
fn pax8_vendor_support_id_example() {
    let context = Context::new()
        .with_instance("/example")
        .with_request_id("2f78b0321e2c945293108ded671cba51");
    let expected = json!({
        "type": "invalid-request",
        "status": 400,
        "message": "field x must not be blank",
        "instance": "/example",
        "details": [ { "supportId": "2f78b0321e2c945293108ded671cba51" } ]
    });
    assert_eq!(
        answer(&VendorError::InvalidRequest { field: "x" }, &context),
        (400, "application/json".to_owned(), expected.clone())
    );
    assert_printed(seed_page("004_"), &expected);
}

#[test]
fn pax8_401_has_no_challenge() {
    let error = PartnerError::Unauthorized;
    assert_eq!(
        answer(
            &error,
            &Context::new().with_instance("/public/v1/companies")
        ),
        (
            401,
            "application/json".to_owned(),
            json!({
                "type": "UNAUTHORIZED",
                "message": "No valid API key provided",
                "instance": "/public/v1/companies",
                "status": 401,
                "details": []
            })
        )
    );
    assert_eq!(extra_headers(&error), Vec::<String>::new());
    if let Some(page) = seed_page("004_") {
        assert!(page.contains("401UnauthorizedNo valid API key provided"));
    }
}
