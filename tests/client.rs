//! The client side: the example service answers over real loopback HTTP, the body decodes
//! into `apifault::client`'s type for its format, and the catalogue lookup of the received
//! code yields the variant's entry. Also the decoders' leniency rules.

mod http_support;

use apifault::ApiError;
use apifault::client::{BoomBody, JsonApiDocument, ProblemBody};
use apifault_suite::service::{app, cases};
use cases::CaseError;
use http_support::Client;
use serde_json::{Map, Value, json};

async fn serve() -> Client {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let client = Client::new(listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app::app()).await });
    client
}

fn object(value: Value) -> Map<String, Value> {
    match value {
        Value::Object(map) => map,
        other => panic!("not an object: {other}"),
    }
}

#[tokio::test]
async fn a_problem_body_decodes_and_its_code_finds_the_variant() {
    let client = serve().await;
    let reply = client.get("/cases/42").await;
    assert_eq!(reply.status, 404);
    let problem: ProblemBody = serde_json::from_slice(&reply.body).unwrap();
    let request_id = reply.header("x-request-id");
    assert_eq!(
        problem,
        ProblemBody {
            type_uri: "https://docs.example.com/errors/not_found".into(),
            title: Some("Not Found".into()),
            status: Some(404),
            detail: Some("case 42 not found".into()),
            instance: Some("/cases/42".into()),
            extensions: object(json!({"code": "not_found", "request_id": request_id, "id": 42})),
        }
    );
    assert_eq!(problem.code(), Some("not_found"));
    assert_eq!(problem.request_id(), Some(request_id));

    let entry = problem.entry_in(CaseError::CATALOGUE).unwrap();
    assert_eq!(entry.name, "NotFound");
    assert_eq!(entry.status, 404);
    assert_eq!(entry.description, "No case has this id.");
    assert_eq!(entry.members, ["id"]);
    assert!(std::ptr::eq(entry, CaseError::NotFound { id: 42 }.entry()));
}

#[tokio::test]
async fn every_problem_route_round_trips_to_its_entry() {
    let client = serve().await;
    let json = "application/json";
    for (method, path, body, variant) in [
        ("GET", "/cases/42", "", "NotFound"),
        ("GET", "/cases/abc", "", "Rejected"),
        (
            "POST",
            "/cases",
            r#"{"name":"Flood claim","priority":2}"#,
            "Duplicate",
        ),
        ("POST", "/cases", r#"{"name":" ","priority":9}"#, "Invalid"),
        ("POST", "/cases", r#"{"name":"#, "Rejected"),
        ("GET", "/me", "", "Unauthorized"),
        ("GET", "/reports/export", "", "RateLimited"),
        ("GET", "/health/db", "", "Database"),
        ("GET", "/nowhere", "", "NoRoute"),
    ] {
        let headers: &[(&str, &str)] = if body.is_empty() {
            &[]
        } else {
            &[("content-type", json)]
        };
        let reply = client
            .send(method.parse().unwrap(), path, headers, body)
            .await;
        let problem: ProblemBody = serde_json::from_slice(&reply.body).unwrap();
        let entry = problem
            .entry_in(CaseError::CATALOGUE)
            .unwrap_or_else(|| panic!("{path}: no entry for {:?}", problem.code()));
        assert_eq!(entry.status, reply.status, "{path}");
        assert_eq!(problem.status, Some(reply.status), "{path}");
        if variant == "Rejected" {
            // axum's rejections are the inner type's entries.
            assert!(
                ["invalid_path", "invalid_json"].contains(&entry.code),
                "{path}"
            );
        } else {
            assert_eq!(entry.name, variant, "{path}");
        }
    }
}

#[tokio::test]
async fn a_jsonapi_document_decodes_one_error_per_violation() {
    let client = serve().await;
    let reply = client
        .post_json("/jsonapi/cases", r#"{"name":" ","priority":9}"#)
        .await;
    assert_eq!(reply.status, 400);
    assert_eq!(reply.header("content-type"), "application/vnd.api+json");
    let document: JsonApiDocument = serde_json::from_slice(&reply.body).unwrap();
    assert_eq!(document.errors.len(), 2);
    let [name, priority] = &document.errors[..] else {
        unreachable!()
    };
    assert_eq!(name.status_code(), Some(400));
    assert_eq!(
        name.code.as_deref(),
        Some("blank"),
        "a violation's own code"
    );
    assert_eq!(name.detail.as_deref(), Some("must not be blank"));
    assert_eq!(name.pointer.as_deref(), Some("/name"));
    assert_eq!(priority.pointer.as_deref(), Some("/priority"));
    assert_eq!(name.id.as_deref(), Some(reply.header("x-request-id")));
    assert_eq!(
        name.type_uri.as_deref(),
        Some("https://docs.example.com/errors/invalid")
    );

    let reply = client.get("/jsonapi/cases/42").await;
    let document: JsonApiDocument = serde_json::from_slice(&reply.body).unwrap();
    let [error] = &document.errors[..] else {
        panic!("{document:?}")
    };
    let entry = error.entry_in(CaseError::CATALOGUE).unwrap();
    assert_eq!(entry.name, "NotFound");
    assert_eq!(error.status_code(), Some(entry.status.as_u16()));
    assert_eq!(error.title.as_deref(), Some("Not Found"));
    assert_eq!(error.meta, object(json!({"id": 42})));
}

#[tokio::test]
async fn a_boom_payload_decodes_with_its_extra_members() {
    let client = serve().await;
    let reply = client.get("/boom/cases/42").await;
    let boom: BoomBody = serde_json::from_slice(&reply.body).unwrap();
    assert_eq!(
        boom,
        BoomBody {
            status_code: 404,
            error: "Not Found".into(),
            message: "case 42 not found".into(),
            extensions: object(json!({"id": 42})),
        }
    );
    let reply = client.get("/boom/health/db").await;
    let boom: BoomBody = serde_json::from_slice(&reply.body).unwrap();
    assert_eq!(boom.status_code, 500);
    assert_eq!(boom.message, "An internal server error occurred");
    assert!(boom.extensions.is_empty());
}

#[test]
fn problem_members_of_the_wrong_type_are_ignored_as_rfc_9457_asks() {
    let problem: ProblemBody = serde_json::from_value(json!({
        "type": 7,
        "title": ["x"],
        "status": "404",
        "detail": "Your balance is 30.",
        "instance": null,
        "balance": 30
    }))
    .unwrap();
    assert_eq!(
        problem,
        ProblemBody {
            type_uri: "about:blank".into(),
            title: None,
            status: None,
            detail: Some("Your balance is 30.".into()),
            instance: None,
            extensions: object(json!({"balance": 30})),
        }
    );
    assert_eq!(problem.code(), None);
    assert!(problem.entry_in(CaseError::CATALOGUE).is_none());
    // A status outside HTTP's range is no status.
    let problem: ProblemBody = serde_json::from_value(json!({"status": 99999})).unwrap();
    assert_eq!(problem.status, None);
    // Not an object at all is an error.
    assert!(serde_json::from_value::<ProblemBody>(json!([1])).is_err());
}

#[test]
fn a_jsonapi_document_needs_an_errors_array_of_objects() {
    for (body, message) in [
        (json!({"data": {}}), "missing field `errors`"),
        (json!({"errors": {}}), "`errors` is not an array"),
        (
            json!({"errors": [1]}),
            "an item of `errors` is not an object",
        ),
    ] {
        let error = serde_json::from_value::<JsonApiDocument>(body).unwrap_err();
        assert_eq!(error.to_string(), message);
    }
    // Links as link objects, a numeric status, and top-level meta.
    let document: JsonApiDocument = serde_json::from_value(json!({
        "errors": [{"status": 422, "links": {"about": {"href": "https://x/1"}}, "source": {"parameter": "sort"}}],
        "meta": {"trace": "t"}
    }))
    .unwrap();
    let error = &document.errors[0];
    assert_eq!(error.status.as_deref(), Some("422"));
    assert_eq!(error.about.as_deref(), Some("https://x/1"));
    assert_eq!(error.parameter.as_deref(), Some("sort"));
    assert_eq!(document.meta, object(json!({"trace": "t"})));
}

#[test]
fn a_boom_payload_needs_its_three_members() {
    for (body, message) in [
        (
            json!({"error": "Not Found", "message": "x"}),
            "missing field `statusCode`",
        ),
        (
            json!({"statusCode": "404", "error": "Not Found", "message": "x"}),
            "`statusCode` is not a number",
        ),
        (
            json!({"statusCode": 404, "message": "x"}),
            "missing field `error`",
        ),
        (
            json!({"statusCode": 404, "error": "Not Found", "message": 1}),
            "`message` is not a string",
        ),
    ] {
        let error = serde_json::from_value::<BoomBody>(body).unwrap_err();
        assert_eq!(error.to_string(), message);
    }
}
