//! Feature `utoipa`: `IntoResponses` of derived types (statuses, codes, example bodies in
//! the type's format), the built-in formats' body schemas, and the example service's
//! OpenAPI document over real loopback HTTP.

mod http_support;

use apifault::{ApiError, Boom, FieldViolation, Format, JsonApi, Problem};
use apifault_suite::service::{app, cases};
use serde_json::{Value, json};
use utoipa::openapi::RefOr;
use utoipa::openapi::response::Response;
use utoipa::{IntoResponses, PartialSchema, ToSchema};

/// The responses of `E` as JSON, keyed by status.
fn responses<E: IntoResponses>() -> Value {
    let responses: std::collections::BTreeMap<String, RefOr<Response>> = E::responses();
    serde_json::to_value(responses).unwrap()
}

fn validator<F: PartialSchema>() -> jsonschema::Validator {
    let schema = serde_json::to_value(F::schema()).unwrap();
    jsonschema::validator_for(&schema).expect("the format's schema compiles")
}

fn assert_valid(validator: &jsonschema::Validator, body: &Value) {
    let errors: Vec<String> = validator
        .iter_errors(body)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{body}: {errors:?}");
}

#[tokio::test]
async fn the_service_documents_every_variant_status_and_code() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let client = http_support::Client::new(listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app::app()).await });

    let reply = client.get("/openapi.json").await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.header("content-type"), "application/json");
    let document = reply.json();
    assert_eq!(
        document,
        serde_json::to_value(<app::ApiDoc as utoipa::OpenApi>::openapi()).unwrap()
    );

    let problem = validator::<Problem>();
    let operations = [
        ("/cases/{id}", "get"),
        ("/cases", "post"),
        ("/me", "get"),
        ("/reports/export", "get"),
        ("/health/db", "get"),
    ];
    let entries: Vec<_> = cases::CaseError::CATALOGUE.entries().collect();
    assert_eq!(
        entries.len(),
        24,
        "the service's variants and axum's rejections"
    );
    for (path, method) in operations {
        let responses = &document["paths"][path][method]["responses"];
        for entry in &entries {
            let status = entry.status.as_str();
            let response = &responses[status];
            let description = response["description"].as_str().unwrap_or_else(|| {
                panic!("{method} {path}: no {status} response for {}", entry.code)
            });
            assert!(
                description.contains(&format!("- `{}`", entry.code)),
                "{method} {path} {status}: {description}"
            );
            let content = &response["content"]["application/problem+json"];
            let example = &content["examples"][entry.code]["value"];
            assert_eq!(example["status"], entry.status.as_u16(), "{example}");
            assert_eq!(example["code"], entry.code, "{example}");
            assert_valid(&problem, example);
            assert_eq!(
                content["schema"],
                serde_json::to_value(Problem::schema()).unwrap()
            );
        }
        // Nothing undocumented: every error status listed comes from the catalogue.
        for status in responses.as_object().unwrap().keys() {
            assert!(
                status.starts_with('2') || entries.iter().any(|e| e.status.as_str() == status),
                "{status}"
            );
        }
    }
    // The success responses are still the handlers' own.
    assert!(document["paths"]["/cases"]["post"]["responses"]["201"].is_object());
}

/// Issue 11: a rejection, a transparent variant of `CaseError`, takes the enum's
/// `type_base`. What the service really sends for a code is what its catalogue entry, its
/// Markdown row, its specimen and its OpenAPI examples say.
#[tokio::test]
async fn the_catalogue_and_the_examples_give_the_type_the_service_sends() {
    use apifault::Specimen;
    use http::Method;

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let client = http_support::Client::new(listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app::app()).await });
    // Each request: its method, path, body, whether it says the body is JSON, and the
    // code of the answer.
    let requests = [
        (Method::POST, "/cases", r#"{"name":"#, true, "invalid_json"),
        (
            Method::POST,
            "/cases",
            r#"{"name":"Hail"}"#,
            true,
            "invalid_body",
        ),
        (
            Method::POST,
            "/cases",
            r#"{"name":"x","priority":1}"#,
            false,
            "unsupported_media_type",
        ),
        (Method::DELETE, "/cases/1", "", false, "method_not_allowed"),
        (Method::GET, "/cases/abc", "", false, "invalid_path"),
        (Method::GET, "/cases?limit=lots", "", false, "invalid_query"),
        (Method::GET, "/nowhere", "", false, "no_route"),
    ];
    let document = serde_json::to_value(<app::ApiDoc as utoipa::OpenApi>::openapi()).unwrap();
    let page = apifault_suite::service::catalogue_page();
    for (method, path, body, json, code) in requests {
        let headers: &[(&str, &str)] = if json {
            &[("content-type", "application/json")]
        } else {
            &[]
        };
        let reply = client.send(method.clone(), path, headers, body).await;
        let sent = reply.json();
        assert_eq!(sent["code"], code, "{method} {path}: {sent}");
        let sent_type = sent["type"].as_str().unwrap();
        assert_eq!(
            sent_type,
            format!("https://docs.example.com/errors/{code}"),
            "{method} {path}: CaseError's type_base"
        );

        let entry = cases::CaseError::CATALOGUE.lookup(code).unwrap();
        assert_eq!(
            entry.type_uri,
            Some(sent_type),
            "{code}: the catalogue entry"
        );
        assert_eq!(entry.status.as_u16(), reply.status, "{code}");
        assert!(
            page.lines()
                .any(|line| line.starts_with(&format!("| {} | ", reply.status))
                    && line.contains(&format!("| `{code}` |"))),
            "{code}: the Markdown row\n{page}"
        );
        let specimen = Specimen::<Problem>::new(entry).render_json().unwrap();
        assert_eq!(specimen["type"], sent_type, "{code}: the specimen");
        let mut documented = 0;
        for operation in document["paths"].as_object().unwrap().values() {
            for responses in operation.as_object().unwrap().values() {
                let example = &responses["responses"][entry.status.as_str()]["content"]["application/problem+json"]
                    ["examples"][code]["value"];
                if example.is_null() {
                    continue;
                }
                assert_eq!(example["type"], sent_type, "{code}: the OpenAPI example");
                documented += 1;
            }
        }
        assert!(documented > 0, "{code}: in no OpenAPI example");
    }
    // Every rejection's entry, not only those sent above: what the sweep of
    // tests/every_rejection.rs pins on the wire.
    for entry in <apifault::axum::Rejection as ApiError>::CATALOGUE.entries() {
        let listed = cases::CaseError::CATALOGUE.lookup(entry.code).unwrap();
        let expected = format!("https://docs.example.com/errors/{}", entry.code);
        assert_eq!(entry.type_uri, None, "the rejection's own entry has none");
        assert_eq!(listed.type_uri, Some(expected.as_str()), "{}", entry.code);
        assert!(listed.has_part(apifault::Part::Type), "{}", entry.code);
        let specimen = Specimen::<Problem>::new(listed).render_json().unwrap();
        assert_eq!(specimen["type"], expected, "{}", entry.code);
    }
}

/// A JSON:API error enum with a title, a message, a 5xx and a transparent inner enum.
#[allow(dead_code)] // Documented, never constructed.
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = JsonApi, rename_all = "kebab-case")]
enum LedgerError {
    /// The account is closed.
    #[error("account {0} closed")]
    #[status(409)]
    #[title("Account closed")]
    Closed(u64),

    /// The ledger is
    /// being rebuilt.
    #[error("rebuilding")]
    #[status(503)]
    #[api_error(header("Retry-After" = "60"))]
    Rebuilding,

    #[error(transparent)]
    #[api_error(transparent)]
    Auth(#[from] AuthError),
}

#[allow(dead_code)] // Documented, never constructed.
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = JsonApi)]
enum AuthError {
    /// The token has expired.
    #[error("expired")]
    #[status(401)]
    #[message("Sign in again.")]
    #[api_error(header("WWW-Authenticate" = "Bearer"))]
    Expired,

    /// The token was revoked.
    #[error("revoked")]
    #[status(401)]
    #[api_error(header("WWW-Authenticate" = "Bearer"))]
    Revoked,
}

#[test]
fn responses_group_codes_by_status_with_one_example_each_in_the_enums_format() {
    let responses = responses::<LedgerError>();
    let statuses: Vec<&String> = responses.as_object().unwrap().keys().collect();
    assert_eq!(statuses, ["401", "409", "503"]);
    let schema = serde_json::to_value(JsonApi::schema()).unwrap();
    assert_eq!(
        responses["401"],
        json!({
            "description": "Unauthorized\n\n- `expired`: The token has expired.\n- `revoked`: The token was revoked.",
            "content": {"application/vnd.api+json": {
                "schema": schema,
                "examples": {
                    "expired": {
                        "summary": "The token has expired.",
                        "value": {"errors": [{"status": "401", "code": "expired", "title": "Unauthorized", "detail": "The token has expired."}]}
                    },
                    "revoked": {
                        "summary": "The token was revoked.",
                        "value": {"errors": [{"status": "401", "code": "revoked", "title": "Unauthorized", "detail": "The token was revoked."}]}
                    }
                }
            }}
        })
    );
    assert_eq!(
        responses["409"]["description"],
        "Conflict\n\n- `closed`: Account closed — The account is closed."
    );
    assert_eq!(
        responses["409"]["content"]["application/vnd.api+json"]["examples"]["closed"]["value"],
        json!({"errors": [{"status": "409", "code": "closed", "title": "Account closed", "detail": "The account is closed."}]})
    );
    // A 5xx without #[message] has no detail in its example either; the doc comment's
    // lines are joined.
    assert_eq!(
        responses["503"]["content"]["application/vnd.api+json"]["examples"]["rebuilding"],
        json!({
            "summary": "The ledger is being rebuilt.",
            "value": {"errors": [{"status": "503", "code": "rebuilding", "title": "Service Unavailable"}]}
        })
    );
}

#[allow(dead_code)] // Documented, never constructed.
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = Boom)]
enum JobError {
    /// The job does not exist.
    #[error("no job")]
    #[status(404)]
    Missing,

    /// The worker crashed.
    #[error("worker crashed")]
    #[status(500)]
    #[message("The worker crashed.")]
    Crashed,
}

#[test]
fn boom_examples_follow_boom_rules() {
    let responses = responses::<JobError>();
    let examples =
        |status: &str| responses[status]["content"]["application/json"]["examples"].clone();
    assert_eq!(
        examples("404")["missing"]["value"],
        json!({"statusCode": 404, "error": "Not Found", "message": "The job does not exist."})
    );
    // hapi masks every 500's message, declared or not.
    assert_eq!(
        examples("500")["crashed"]["value"],
        json!({"statusCode": 500, "error": "Internal Server Error", "message": "An internal server error occurred"})
    );
}

/// Examples carry what every value of a variant carries: the enum's `code_in_body` setting
/// and a type URI that interpolates nothing (from `type_base` or a constant `type`).
#[allow(dead_code)] // Documented, never constructed.
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(code_in_body = false, type_base = "https://docs.example.com/errors/")]
enum QuotaError {
    /// The quota is used up.
    #[error("quota exceeded")]
    #[status(403)]
    Exceeded,

    /// The plan does not include this.
    #[error("not in plan")]
    #[status(402)]
    #[api_error(type = "https://docs.example.com/plans")]
    NotInPlan,

    /// The plan {plan} has ended.
    #[error("plan {plan} ended")]
    #[status(410)]
    #[api_error(type = "https://docs.example.com/plans/{plan}")]
    Ended { plan: String },
}

#[test]
fn examples_follow_code_in_body_and_constant_type_uris() {
    let responses = responses::<QuotaError>();
    let example = |status: &str, code: &str| {
        responses[status]["content"]["application/problem+json"]["examples"][code]["value"].clone()
    };
    assert_eq!(
        example("403", "exceeded"),
        json!({"type": "https://docs.example.com/errors/exceeded", "title": "Forbidden", "status": 403, "detail": "The quota is used up."})
    );
    assert_eq!(
        example("402", "not_in_plan"),
        json!({"type": "https://docs.example.com/plans", "title": "Payment Required", "status": 402, "detail": "The plan does not include this."})
    );
    // The type of `Ended` depends on the value: the example cannot know it, so it has none.
    assert_eq!(
        example("410", "ended"),
        json!({"type": "about:blank", "title": "Gone", "status": 410, "detail": "The plan {plan} has ended."})
    );
    let entry = QuotaError::CATALOGUE.lookup("exceeded").unwrap();
    assert_eq!(
        entry.type_uri,
        Some("https://docs.example.com/errors/exceeded")
    );
    assert!(!entry.code_in_body);
    assert_eq!(
        QuotaError::CATALOGUE.lookup("ended").unwrap().type_uri,
        None
    );
}

/// Generic enums get `IntoResponses` with their bounds, the inner catalogue instantiated.
#[allow(dead_code)] // Documented, never constructed.
#[derive(Debug, thiserror::Error, ApiError)]
enum Wrapped<E: ApiError + 'static> {
    #[error(transparent)]
    #[api_error(transparent)]
    Inner(E),

    /// Slow down.
    #[error("slow down")]
    #[status(429)]
    #[api_error(header("Retry-After" = "1"))]
    TooMany,
}

#[test]
fn generic_types_list_their_inner_types_statuses() {
    let responses = responses::<Wrapped<JobError>>();
    let statuses: Vec<&String> = responses.as_object().unwrap().keys().collect();
    assert_eq!(statuses, ["404", "429", "500"]);
    // In the outer type's format (Problem), not the inner one's.
    assert_eq!(
        responses["404"]["content"]["application/problem+json"]["examples"]["missing"]["value"],
        json!({"type": "about:blank", "title": "Not Found", "status": 404, "detail": "The job does not exist.", "code": "missing"})
    );
}

#[test]
fn the_format_schemas_have_names_and_accept_real_bodies() {
    assert_eq!(Problem::name(), "ProblemDetails");
    assert_eq!(JsonApi::name(), "JsonApiErrorDocument");
    assert_eq!(Boom::name(), "BoomPayload");
    assert_eq!(
        serde_json::to_value(<Problem as Format>::body_schema()).unwrap(),
        serde_json::to_value(Problem::schema()).unwrap()
    );

    let invalid = cases::CaseError::Invalid {
        errors: vec![
            FieldViolation::new(["name"], "must not be blank").with_code("blank"),
            FieldViolation::new(["tags", "0"], "unknown tag"),
        ],
    };
    let duplicate = cases::CaseError::Duplicate {
        name: "Flood claim".into(),
    };
    let database = cases::CaseError::Database(std::io::Error::other("down"));
    let body = |response: http::Response<Vec<u8>>| -> Value {
        serde_json::from_slice(response.body()).unwrap()
    };
    let context = apifault::Context::new()
        .with_instance("/cases")
        .with_request_id("r-1");
    let (problem, jsonapi, boom) = (
        validator::<Problem>(),
        validator::<JsonApi>(),
        validator::<Boom>(),
    );
    for error in [&invalid, &duplicate, &database] {
        assert_valid(&problem, &body(error.to_response_in::<Problem>(&context)));
        assert_valid(&jsonapi, &body(error.to_response_in::<JsonApi>(&context)));
        assert_valid(&boom, &body(error.to_response_in::<Boom>(&context)));
    }
    // And they are not vacuous.
    assert!(!problem.is_valid(&json!({"type": "about:blank", "status": "404"})));
    assert!(!jsonapi.is_valid(&json!({"errors": []})));
    assert!(!jsonapi.is_valid(&json!({"errors": [{"status": 404}]})));
    assert!(!boom.is_valid(&json!({"statusCode": 404, "error": "Not Found"})));
    assert!(!boom.is_valid(&json!({"statusCode": 400, "error": "Bad Request", "message": "x", "errors": [{"message": "m", "path": [true], "type": "t"}]})));
}

/// Rate limits: an optional member, a flattened one, and a challenge without a body.
#[derive(Debug, thiserror::Error, ApiError)]
enum LimitError {
    /// Slow down.
    #[error("limited")]
    #[status(429)]
    #[api_error(header("Retry-After" = "1"))]
    Limited {
        #[api_error(expose)]
        retry_after_ms: Option<u64>,
        #[api_error(expose(flatten))]
        extra: Option<serde_json::Map<String, Value>>,
    },

    /// No credentials.
    #[error("no token")]
    #[status(401)]
    #[api_error(no_body, header("WWW-Authenticate" = "Bearer"))]
    NoToken,
}

#[test]
fn an_optional_member_is_required_nowhere_and_no_body_has_no_content() {
    let responses = responses::<LimitError>();
    let limited = &responses["429"]["content"]["application/problem+json"];
    let schema = &limited["schema"];
    let required = schema["required"]
        .as_array()
        .expect("the format's own members");
    assert!(!required.contains(&json!("retry_after_ms")), "{schema}");
    let validator = validator::<Problem>();
    for error in [
        LimitError::Limited {
            retry_after_ms: None,
            extra: None,
        },
        LimitError::Limited {
            retry_after_ms: Some(1500),
            extra: Some(serde_json::Map::from_iter([("soft".into(), json!(true))])),
        },
    ] {
        let body: Value = serde_json::from_slice(error.to_response().body()).unwrap();
        assert_valid(&validator, &body);
    }
    assert!(LimitError::NoToken.to_response().body().is_empty());
    let unauthorized = &responses["401"];
    assert!(unauthorized.get("content").is_none(), "{unauthorized}");
    assert!(
        unauthorized["description"]
            .as_str()
            .unwrap()
            .contains("`no_token`: No credentials.")
    );
}
