//! The example service in German over real loopback HTTP, axum and actix-web alike:
//! `Accept-Language` picks the language, `Content-Language` and `Vary` say it, the codes,
//! types and members stay as they are.

mod http_support;

use http::Method;
use http_support::{Client, ExampleActix, Reply, serve_example_axum};
use serde_json::{Value, json};

async fn get(client: &Client, path: &str, accept_language: &str) -> Reply {
    client
        .send(
            Method::GET,
            path,
            &[("accept-language", accept_language)],
            "",
        )
        .await
}

/// The body without its request context (`instance`, `request_id`), which the context
/// tests cover.
fn body(reply: &Reply) -> Value {
    let mut body = reply.json();
    if let Some(members) = body.as_object_mut() {
        members.remove("request_id");
        members.remove("instance");
    }
    body
}

fn assert_language(reply: &Reply, language: &str) {
    assert_eq!(reply.header("content-language"), language);
    let vary: Vec<&str> = reply
        .headers
        .get_all("vary")
        .iter()
        .map(|value| value.to_str().unwrap())
        .collect();
    assert!(vary.contains(&"Accept-Language"), "{vary:?}");
}

async fn german_answers(client: &Client) {
    let reply = get(client, "/cases/42", "de-CH, en;q=0.5").await;
    assert_eq!(reply.status, 404);
    assert_language(&reply, "de");
    assert_eq!(
        body(&reply),
        json!({
            "type": "https://docs.example.com/errors/not_found",
            "title": "Nicht gefunden",
            "status": 404,
            "detail": "Der Fall 42 wurde nicht gefunden.",
            "code": "not_found",
            "id": 42
        })
    );

    let reply = client
        .send(
            Method::POST,
            "/cases",
            &[
                ("content-type", "application/json"),
                ("accept-language", "de"),
            ],
            r#"{"name":" ","priority":9}"#,
        )
        .await;
    assert_eq!(reply.status, 400);
    assert_language(&reply, "de");
    assert_eq!(
        body(&reply),
        json!({
            "type": "https://docs.example.com/errors/invalid",
            "title": "Ungültige Anfrage",
            "status": 400,
            "detail": "Der Fall ist ungültig. Einzelheiten stehen unter `errors`.",
            "code": "invalid",
            "errors": [
                {"detail": "darf nicht leer sein", "pointer": "#/name", "code": "blank"},
                {"detail": "muss zwischen 1 und 5 liegen", "pointer": "#/priority", "code": "out_of_range"}
            ]
        })
    );

    let reply = get(client, "/reports/export", "de").await;
    assert_eq!(reply.status, 429);
    let body = body(&reply);
    assert_eq!(body["title"], "Zu viele Anfragen");
    assert!(
        body["detail"]
            .as_str()
            .unwrap()
            .starts_with("Zu viele Exporte. Bitte in "),
        "{body}"
    );
    assert_eq!(body["code"], "rate_limited");

    // A 5xx without a message: a German title, still no detail.
    let reply = get(client, "/health/db", "de").await;
    assert_eq!(reply.status, 500);
    let text = reply.text();
    assert!(!text.contains("detail"), "{text}");
    assert_eq!(reply.json()["title"], "Interner Serverfehler");
}

async fn english_by_default(client: &Client) {
    for accept_language in ["", "ja", "*", "de;q=0, en", "x;q=7, ;;, q=0.5"] {
        let reply = get(client, "/cases/42", accept_language).await;
        assert_eq!(reply.status, 404, "{accept_language:?}");
        assert_language(&reply, "en");
        assert_eq!(
            reply.json()["detail"],
            "case 42 not found",
            "{accept_language:?}"
        );
        assert_eq!(reply.json()["title"], "Not Found", "{accept_language:?}");
    }
    let huge = format!("{}de", "xx-YY;q=0.1, ".repeat(2_000));
    let reply = get(client, "/cases/42", &huge).await;
    assert_eq!(reply.status, 404);
    assert_language(&reply, "en");
}

#[tokio::test]
async fn axum_answers_in_the_negotiated_language() {
    let client = serve_example_axum().await.unpooled();
    german_answers(&client).await;
    english_by_default(&client).await;

    // axum serves every format under a prefix: The other formats, the same language.
    let reply = get(&client, "/boom/cases/42", "de").await;
    assert_language(&reply, "de");
    assert_eq!(
        reply.json(),
        json!({"statusCode": 404, "error": "Not Found", "message": "Der Fall 42 wurde nicht gefunden.", "id": 42})
    );
    let reply = get(&client, "/jsonapi/cases/42", "de").await;
    let error = &reply.json()["errors"][0];
    assert_eq!(error["title"], "Nicht gefunden");
    assert_eq!(error["detail"], "Der Fall 42 wurde nicht gefunden.");
    assert_eq!(error["code"], "not_found");

    // axum's JSON rejection, with its violation codes, in German.
    let reply = client
        .send(
            Method::POST,
            "/cases",
            &[
                ("content-type", "application/json"),
                ("accept-language", "de"),
            ],
            r#"{"priority":2}"#,
        )
        .await;
    assert_eq!(reply.status, 422, "{}", reply.text());
    let body = body(&reply);
    assert_eq!(
        body["detail"],
        "Der Anfragekörper hat nicht die erwartete Form."
    );
    assert_eq!(body["code"], "invalid_body");
    assert_eq!(body["errors"][0]["detail"], "ist erforderlich");
    assert_eq!(body["errors"][0]["code"], "missing_field");
}

#[tokio::test]
async fn actix_web_answers_in_the_negotiated_language() {
    let actix = ExampleActix::start();
    let client = actix.client().unpooled();
    german_answers(&client).await;
    english_by_default(&client).await;
}
