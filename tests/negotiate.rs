//! `negotiate(…)`: one error answered as problem+json, HTML or S3's XML as the request's
//! `Accept` chooses, with `Vary: Accept`, through `to_response_for`, axum and actix-web.

mod http_support;

use apifault::{ApiError, Context};
use apifault_suite::formats::html_page::HtmlPage;
use apifault_suite::formats::s3_xml::S3Xml;
use apifault_suite::render::header_list;
use http::Method;
use http_support::Client;

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(
    rename_all = "PascalCase",
    negotiate(apifault::Problem, HtmlPage, S3Xml)
)]
enum ObjectError {
    #[error("the specified key does not exist: {key}")]
    #[status(404)]
    #[message("The specified key does not exist.")]
    NoSuchKey { key: String },

    /// Plain text on purpose: a variant's own format is not negotiated.
    #[error("slow down")]
    #[status(503)]
    #[message("Please reduce your request rate.")]
    #[api_error(format = apifault_suite::formats::plain_text::PlainText)]
    SlowDown,
}

/// The explicit default: S3's XML unless the client prefers another.
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(
    rename_all = "PascalCase",
    format = S3Xml,
    negotiate(apifault::Problem, HtmlPage)
)]
enum GarageError {
    #[error("no such bucket")]
    #[status(404)]
    NoSuchBucket,

    #[error(transparent)]
    #[api_error(transparent)]
    Object(#[from] ObjectError),
}

const PROBLEM: &str = r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"The specified key does not exist.","instance":"/photos/cat.jpg","code":"NoSuchKey","request_id":"4442587FB7D0A2F9"}"#;
const HTML: &str = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>404 Not Found</title></head>\n<body><h1>Not Found</h1>\n<p class=\"message\">The specified key does not exist.</p>\n<p class=\"code\">Error code <code>NoSuchKey</code>, request <code>4442587FB7D0A2F9</code></p>\n</body></html>\n";
const XML: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Resource>/photos/cat.jpg</Resource><RequestId>4442587FB7D0A2F9</RequestId></Error>";

fn no_such_key() -> ObjectError {
    ObjectError::NoSuchKey {
        key: "cat.jpg".into(),
    }
}

fn request() -> Context<'static> {
    Context::new()
        .with_instance("/photos/cat.jpg")
        .with_request_id("4442587FB7D0A2F9")
}

/// The content type, `Vary` and body answered for `accept`.
fn answer<E: ApiError>(error: &E, accept: &str) -> (String, String, String) {
    let response = error.to_response_for(accept, &request());
    let headers = response.headers();
    let text = |name: &str| {
        headers
            .get_all(name)
            .iter()
            .map(|value| value.to_str().expect("text"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    (
        text("content-type"),
        text("vary"),
        String::from_utf8(response.body().clone()).expect("UTF-8"),
    )
}

#[test]
fn accept_chooses_the_representation() {
    let error = no_such_key();
    let problem = ("application/problem+json", PROBLEM);
    let html = ("text/html; charset=utf-8", HTML);
    let xml = ("application/xml", XML);
    for (accept, (content_type, body)) in [
        ("application/problem+json", problem),
        ("application/json", problem),
        ("*/*", problem),
        ("", problem),
        ("image/png", problem),
        ("text/html;q=0", problem),
        (
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            html,
        ),
        ("text/*", html),
        ("application/xml", xml),
        ("application/xml, text/html;q=0.9", xml),
        ("application/json;q=0.5, application/xml;q=0.6", xml),
        ("APPLICATION/XML", xml),
    ] {
        assert_eq!(
            answer(&error, accept),
            (
                content_type.to_owned(),
                "Accept".to_owned(),
                body.to_owned()
            ),
            "Accept: {accept}"
        );
    }
    let response = error.to_response_for("text/html", &request());
    assert_eq!(response.status(), 404);
    assert_eq!(
        header_list(response.headers()),
        [
            ("content-type", "text/html; charset=utf-8".to_owned()),
            ("vary", "Accept".to_owned())
        ]
    );
}

#[test]
fn without_accept_the_default_answers_with_vary() {
    let response = no_such_key().to_response_with(&request());
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    assert_eq!(response.headers()["vary"], "Accept");
    assert_eq!(response.body(), PROBLEM.as_bytes());
    // `to_response` has no request: the default, still varying on `Accept`.
    assert_eq!(no_such_key().to_response().headers()["vary"], "Accept");
}

#[test]
fn an_explicit_default_answers_when_nothing_is_preferred() {
    let (content_type, vary, body) = answer(&GarageError::NoSuchBucket, "*/*");
    assert_eq!(
        (content_type.as_str(), vary.as_str()),
        ("application/xml", "Accept")
    );
    assert_eq!(
        body,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NoSuchBucket</Code><Message>no such bucket</Message><Resource>/photos/cat.jpg</Resource><RequestId>4442587FB7D0A2F9</RequestId></Error>"
    );
    assert_eq!(
        answer(&GarageError::NoSuchBucket, "application/json").0,
        "application/problem+json"
    );
    assert_eq!(
        GarageError::NoSuchBucket.to_response().headers()["content-type"],
        "application/xml"
    );
}

#[test]
fn a_transparent_variant_negotiates_in_the_outer_formats() {
    let error = GarageError::Object(no_such_key());
    assert_eq!(answer(&error, "text/html").2, HTML);
    assert_eq!(answer(&error, "application/xml").2, XML);
}

#[test]
fn a_variant_format_of_its_own_is_not_negotiated() {
    let response = ObjectError::SlowDown.to_response_for("application/xml", &request());
    assert_eq!(
        response.headers()["content-type"],
        "text/plain; charset=utf-8"
    );
    assert!(response.headers().get("vary").is_none());
    assert_eq!(response.body(), b"Please reduce your request rate.\n");
}

#[test]
fn a_type_without_negotiate_ignores_accept() {
    #[derive(Debug, thiserror::Error, ApiError)]
    enum Plain {
        #[error("gone")]
        #[status(410)]
        Gone,
    }
    let response = Plain::Gone.to_response_for("text/html", &Context::new());
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    assert!(response.headers().get("vary").is_none());
}

#[test]
fn a_declared_vary_is_kept_beside_accept() {
    #[derive(Debug, thiserror::Error, ApiError)]
    #[api_error(negotiate(apifault::Problem, HtmlPage), header("Vary" = "Origin"))]
    enum Cors {
        #[error("forbidden")]
        #[status(403)]
        Forbidden,
    }
    let response = Cors::Forbidden.to_response_for("text/html", &Context::new());
    let vary: Vec<_> = response.headers().get_all("vary").iter().collect();
    assert_eq!(vary, ["Origin", "Accept"]);
}

async fn object(
    axum::extract::Path(key): axum::extract::Path<String>,
) -> Result<String, ObjectError> {
    Err(ObjectError::NoSuchKey { key })
}

#[tokio::test]
async fn axum_answers_as_accept_prefers_inside_the_context_layer() {
    let app = axum::Router::new()
        .route("/photos/{key}", axum::routing::get(object))
        .layer(apifault::axum::ContextLayer::new());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind loopback");
    let client = Client::new(listener.local_addr().expect("local address"));
    tokio::spawn(async move { axum::serve(listener, app).await });

    let headers = [
        ("accept", "application/xml"),
        ("x-request-id", "4442587FB7D0A2F9"),
    ];
    let reply = client
        .send(Method::GET, "/photos/cat.jpg", &headers, "")
        .await;
    assert_eq!(reply.status, 404);
    assert_eq!(reply.header("content-type"), "application/xml");
    assert_eq!(reply.header("vary"), "Accept");
    assert_eq!(reply.text(), XML);

    let headers = [
        ("accept", "text/html"),
        ("x-request-id", "4442587FB7D0A2F9"),
    ];
    let reply = client
        .send(Method::GET, "/photos/cat.jpg", &headers, "")
        .await;
    assert_eq!(reply.text(), HTML);

    let headers = [("x-request-id", "4442587FB7D0A2F9")];
    let reply = client
        .send(Method::GET, "/photos/cat.jpg", &headers, "")
        .await;
    assert_eq!(reply.text(), PROBLEM);
    assert_eq!(reply.header("vary"), "Accept");
}

#[tokio::test]
async fn axum_answers_the_default_without_the_layer() {
    let app = axum::Router::new().route("/photos/{key}", axum::routing::get(object));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind loopback");
    let client = Client::new(listener.local_addr().expect("local address"));
    tokio::spawn(async move { axum::serve(listener, app).await });
    let reply = client
        .send(
            Method::GET,
            "/photos/cat.jpg",
            &[("accept", "text/html")],
            "",
        )
        .await;
    assert_eq!(reply.header("content-type"), "application/problem+json");
    assert_eq!(reply.header("vary"), "Accept");
}

async fn actix_object(key: actix_web::web::Path<String>) -> Result<String, ObjectError> {
    Err(ObjectError::NoSuchKey {
        key: key.into_inner(),
    })
}

async fn actix_helper(request: actix_web::HttpRequest) -> actix_web::HttpResponse {
    apifault::actix_web::respond_to(&no_such_key(), &request)
}

/// `(content type, vary, body)` of a GET through an actix-web app built by `app`.
fn actix_get(accept: &str, middleware: bool, path: &str) -> (String, String, String) {
    use actix_web::{App, test, web};
    actix_web::rt::System::new().block_on(async {
        let app = App::new()
            .route("/photos/{key}", web::get().to(actix_object))
            .route("/helper", web::get().to(actix_helper));
        let mut request = test::TestRequest::get().uri(path);
        if !accept.is_empty() {
            request = request.insert_header(("accept", accept));
        }
        if middleware {
            // The middleware uses the client's id, as axum's layer does.
            request = request.insert_header(("x-request-id", "4442587FB7D0A2F9"));
        }
        let response = if middleware {
            let service =
                test::init_service(app.wrap(apifault::actix_web::ContextMiddleware::new())).await;
            test::call_service(&service, request.to_request()).await
        } else {
            let service = test::init_service(app).await;
            test::call_service(&service, request.to_request()).await
        };
        assert_eq!(response.status().as_u16(), 404);
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .map(|value| value.to_str().expect("text").to_owned())
                .unwrap_or_default()
        };
        let (content_type, vary) = (header("content-type"), header("vary"));
        let body = test::read_body(response).await;
        (
            content_type,
            vary,
            String::from_utf8(body.to_vec()).expect("UTF-8"),
        )
    })
}

/// The bodies above without the request's path and id, which actix-web's answer lacks
/// outside the `ContextMiddleware`.
fn without_request(body: &str) -> String {
    body.replace(r#","instance":"/photos/cat.jpg""#, "")
        .replace(r#","request_id":"4442587FB7D0A2F9""#, "")
        .replace("<Resource>/photos/cat.jpg</Resource>", "")
        .replace("<RequestId>4442587FB7D0A2F9</RequestId>", "")
        .replace(", request <code>4442587FB7D0A2F9</code>", "")
}

#[test]
fn actix_answers_as_accept_prefers_inside_the_middleware() {
    let (content_type, vary, body) = actix_get("application/xml", true, "/photos/cat.jpg");
    assert_eq!(
        (content_type.as_str(), vary.as_str()),
        ("application/xml", "Accept")
    );
    assert_eq!(body, XML);
    let (content_type, _, body) = actix_get("text/html", true, "/photos/cat.jpg");
    assert_eq!(content_type, "text/html; charset=utf-8");
    assert_eq!(body, HTML);
    let (content_type, vary, body) = actix_get("", true, "/photos/cat.jpg");
    assert_eq!(
        (content_type.as_str(), vary.as_str()),
        ("application/problem+json", "Accept")
    );
    assert_eq!(body, PROBLEM);
}

#[test]
fn actix_answers_the_default_without_the_middleware_unless_a_handler_passes_the_request() {
    let (content_type, vary, _) = actix_get("application/xml", false, "/photos/cat.jpg");
    assert_eq!(
        (content_type.as_str(), vary.as_str()),
        ("application/problem+json", "Accept")
    );
    let (content_type, _, body) = actix_get("application/xml", false, "/helper");
    assert_eq!(content_type, "application/xml");
    assert_eq!(body, without_request(XML));
}
