//! What a service supplies to the request context: typed values a house format reads, and
//! members the built-in formats write (`Problem` after `request_id`, `JsonApi` in `meta`,
//! `Boom` after `message`), never over a member the body has of its own.

use apifault::{ApiError, Boom, Context, ContextValues, Format, JsonApi, Problem, RenderError};
use apifault_suite::render::raw_in;

#[derive(Debug, thiserror::Error, ApiError)]
enum CaseError {
    #[error("case {id} not found")]
    #[status(404)]
    NotFound {
        #[api_error(expose)]
        id: u64,
    },

    #[error("storage failed")]
    #[status(500)]
    Storage,
}

/// A configuration value a house format reads.
#[derive(Debug, Clone, PartialEq)]
struct Region(&'static str);

/// A house format that tells which region answered: `{"code":…,"region":…}`.
struct Regional;

impl Format for Regional {
    const CONTENT_TYPE: &'static str = "application/json";

    fn write_body<E: ApiError>(
        error: &E,
        context: &Context<'_>,
        out: &mut Vec<u8>,
    ) -> Result<(), RenderError> {
        let body = serde_json::json!({
            "code": error.code(),
            "region": context.get::<Region>().map(|region| region.0),
        });
        serde_json::to_writer(out, &body)?;
        Ok(())
    }
}

fn supplied() -> (ContextValues, ContextValues) {
    let mut app = ContextValues::new();
    app.insert(Region("eu-west-1"));
    app.member("region", "eu-west-1");
    app.member("elapsed_ms", 0);
    let mut request = ContextValues::new();
    request.member("trace_id", "4bf92f3577b34da6");
    // The request's value of a name comes before the app's.
    request.member("elapsed_ms", 12);
    // The body's own members win: these two are left out.
    request.member("status", 200);
    request.member("id", "not the exposed one");
    (app, request)
}

#[test]
fn problem_writes_the_supplied_members_after_request_id() {
    let (app, request) = supplied();
    let context = Context::new()
        .with_request_id("r-1")
        .with_app_values(&app)
        .with_values(&request);
    assert_eq!(
        raw_in::<Problem, _>(&CaseError::NotFound { id: 7 }, &context),
        r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"case 7 not found","code":"not_found","request_id":"r-1","trace_id":"4bf92f3577b34da6","elapsed_ms":12,"region":"eu-west-1","id":7}"#
    );
}

#[test]
fn json_api_writes_them_in_meta_beside_the_exposed_fields() {
    let (app, request) = supplied();
    let context = Context::new().with_app_values(&app).with_values(&request);
    assert_eq!(
        raw_in::<JsonApi, _>(&CaseError::NotFound { id: 7 }, &context),
        r#"{"errors":[{"status":"404","code":"not_found","title":"Not Found","detail":"case 7 not found","meta":{"id":7,"trace_id":"4bf92f3577b34da6","elapsed_ms":12,"status":200,"region":"eu-west-1"}}]}"#
    );
    // Without exposed fields, `meta` holds the supplied members alone.
    assert_eq!(
        raw_in::<JsonApi, _>(&CaseError::Storage, &Context::new().with_app_values(&app)),
        r#"{"errors":[{"status":"500","code":"storage","title":"Internal Server Error","meta":{"region":"eu-west-1","elapsed_ms":0}}]}"#
    );
}

#[test]
fn boom_writes_them_after_message() {
    let (app, request) = supplied();
    let context = Context::new().with_app_values(&app).with_values(&request);
    assert_eq!(
        raw_in::<Boom, _>(&CaseError::NotFound { id: 7 }, &context),
        r#"{"statusCode":404,"error":"Not Found","message":"case 7 not found","trace_id":"4bf92f3577b34da6","elapsed_ms":12,"status":200,"region":"eu-west-1","id":7}"#
    );
}

#[test]
fn without_supplied_values_the_bodies_are_unchanged() {
    let values = ContextValues::new();
    for context in [Context::new(), Context::new().with_values(&values)] {
        assert_eq!(
            raw_in::<Problem, _>(&CaseError::Storage, &context),
            r#"{"type":"about:blank","title":"Internal Server Error","status":500,"code":"storage"}"#
        );
        assert_eq!(
            raw_in::<JsonApi, _>(&CaseError::Storage, &context),
            r#"{"errors":[{"status":"500","code":"storage","title":"Internal Server Error"}]}"#
        );
    }
}

#[test]
fn a_house_format_reads_typed_values() {
    let (app, request) = supplied();
    let context = Context::new().with_app_values(&app).with_values(&request);
    assert_eq!(
        raw_in::<Regional, _>(&CaseError::Storage, &context),
        r#"{"code":"storage","region":"eu-west-1"}"#
    );
    // The request's value of a type comes before the app's.
    let mut moved = ContextValues::new();
    moved.insert(Region("us-east-2"));
    let context = context.with_values(&moved);
    assert_eq!(context.get::<Region>(), Some(&Region("us-east-2")));
    assert_eq!(
        raw_in::<Regional, _>(&CaseError::Storage, &Context::new()),
        r#"{"code":"storage","region":null}"#
    );
}
