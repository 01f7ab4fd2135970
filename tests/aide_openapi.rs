//! Issue 14, item 3: the case API documented with aide (`src/service/aide_app.rs`,
//! `cargo run --example aide`). The document aide generates from the handlers' types is
//! checked against what the service really answers over loopback HTTP: for each failing
//! request, its operation documents the status, the content type, an example under the
//! body's code, and a schema the body validates against.

mod http_support;

use apifault_suite::service::aide_app;
use http::Method;
use http_support::Client;
use serde_json::Value;

async fn serve() -> (Client, Value) {
    let (app, api) = aide_app::app();
    let document = serde_json::to_value(&*api).expect("the document serializes");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind loopback");
    let client = Client::new(listener.local_addr().expect("local address"));
    tokio::spawn(async move { axum::serve(listener, app).await });
    (client, document)
}

/// `schema` with a `$ref` into the document's components replaced by its target.
fn resolved<'a>(document: &'a Value, schema: &'a Value) -> &'a Value {
    match schema["$ref"].as_str() {
        Some(reference) => {
            let name = reference
                .strip_prefix("#/components/schemas/")
                .unwrap_or_else(|| panic!("an unexpected reference {reference}"));
            &document["components"]["schemas"][name]
        }
        None => schema,
    }
}

/// A failing request and what it answers: method, path, its template in the document,
/// headers, body, status, code.
type Probe = (
    Method,
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str)],
    &'static str,
    u16,
    &'static str,
);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_document_matches_what_the_service_answers() {
    let (client, document) = serve().await;
    const JSON: &[(&str, &str)] = &[("content-type", "application/json")];
    let requests: [Probe; 11] = [
        (
            Method::GET,
            "/cases/42",
            "/cases/{id}",
            &[],
            "",
            404,
            "not_found",
        ),
        (
            Method::GET,
            "/cases/abc",
            "/cases/{id}",
            &[],
            "",
            400,
            "invalid_path",
        ),
        (
            Method::GET,
            "/cases?limit=lots",
            "/cases",
            &[],
            "",
            400,
            "invalid_query",
        ),
        (
            Method::GET,
            "/cases",
            "/cases",
            &[],
            "",
            400,
            "invalid_query",
        ),
        (
            Method::POST,
            "/cases",
            "/cases",
            JSON,
            r#"{"name":"#,
            400,
            "invalid_json",
        ),
        (
            Method::POST,
            "/cases",
            "/cases",
            JSON,
            r#"{"name":"Hail","priority":1.5}"#,
            422,
            "invalid_body",
        ),
        (
            Method::POST,
            "/cases",
            "/cases",
            JSON,
            r#"{"name":" ","priority":9}"#,
            400,
            "invalid",
        ),
        (
            Method::POST,
            "/cases",
            "/cases",
            JSON,
            r#"{"name":"Flood claim","priority":2}"#,
            409,
            "duplicate_name",
        ),
        (Method::GET, "/me", "/me", &[], "", 401, "unauthorized"),
        (
            Method::GET,
            "/reports/export",
            "/reports/export",
            &[],
            "",
            429,
            "rate_limited",
        ),
        (
            Method::GET,
            "/health/db",
            "/health/db",
            &[],
            "",
            500,
            "database",
        ),
    ];
    for (method, path, template, headers, body, status, code) in requests {
        let what = format!("{method} {path}");
        let reply = client.send(method.clone(), path, headers, body).await;
        assert_eq!(reply.status, status, "{what}: {}", reply.text());
        let sent = reply.json();
        assert_eq!(sent["code"], code, "{what}");

        let operation = &document["paths"][template][method.as_str().to_lowercase()];
        assert!(operation.is_object(), "{what}: no operation {template}");
        let response = &operation["responses"][status.to_string()];
        assert!(
            response.is_object(),
            "{what}: {status} is not documented: {}",
            operation["responses"]
        );
        let content_type = reply.header("content-type");
        let media = &response["content"][content_type];
        assert!(
            media.is_object(),
            "{what}: {content_type} is not documented: {}",
            response["content"]
        );
        let example = &media["examples"][code]["value"];
        assert!(
            example.is_object(),
            "{what}: no example for `{code}`: {}",
            media["examples"]
        );
        assert_eq!(example["status"], status, "{what}");
        assert_eq!(example["type"], sent["type"], "{what}: the example's type");
        assert!(
            response["description"]
                .as_str()
                .is_some_and(|description| description.contains(&format!("`{code}`"))),
            "{what}: {}",
            response["description"]
        );

        let schema = resolved(&document, &media["schema"]);
        assert_eq!(schema["type"], "object", "{what}: {schema}");
        let validator = jsonschema::validator_for(schema).expect("a valid schema");
        assert!(
            validator.is_valid(&sent),
            "{what}: the body does not fit {schema}"
        );
        assert!(
            validator.is_valid(example),
            "{what}: the example does not fit {schema}"
        );
    }

    // The successes are documented too, from the handlers' types.
    assert!(document["paths"]["/cases/{id}"]["get"]["responses"]["200"].is_object());
    assert_eq!(
        document["paths"]["/cases/{id}"]["get"]["parameters"][0]["name"],
        "id"
    );
    assert_eq!(
        document["paths"]["/cases"]["post"]["requestBody"]["content"]["application/json"]["schema"]
            ["$ref"],
        "#/components/schemas/NewCase"
    );
    // The built-in body's schema is a component, named as with utoipa.
    assert!(document["components"]["schemas"]["ProblemDetails"].is_object());

    // What the service serves at /openapi.json is that document.
    let served = client.get("/openapi.json").await;
    assert_eq!(served.status, 200);
    assert_eq!(served.json(), document);
}
