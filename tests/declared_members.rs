//! `member("name" = "value")`: body members the enum or a variant declares, constant or
//! interpolated from fields, in every format and through `to_response`, axum and
//! actix-web. A variant's member of the same name overrides the enum's.

mod http_support;

use apifault::{ApiError, Boom, Context, Format, JsonApi, Members, RenderError};
use apifault_suite::render::raw_in;
use http_support::every_integration;
use serde::ser::{SerializeMap, Serializer};

/// Meilisearch's error object: `{"message", "code", "type", "link"}`, the last two from the
/// enum's declared members (the link built from each variant's `{code}`).
struct Meilisearch;

impl Format for Meilisearch {
    const CONTENT_TYPE: &'static str = "application/json";
    const RESERVED_MEMBERS: &'static [&'static str] = &["message", "code"];

    fn write_body<E: ApiError>(
        error: &E,
        _: &Context<'_>,
        out: &mut Vec<u8>,
    ) -> Result<(), RenderError> {
        let mut serializer = serde_json::Serializer::new(out);
        let mut map = serializer.serialize_map(None)?;
        match error.message() {
            Some(message) => map.serialize_entry("message", &message)?,
            None => map.serialize_entry("message", "an internal error occurred")?,
        }
        map.serialize_entry("code", error.code())?;
        error.serialize_members(&mut map, Self::RESERVED_MEMBERS)?;
        map.end()?;
        Ok(())
    }
}

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(
    format = Meilisearch,
    member("type" = "invalid_request"),
    member("link" = "https://docs.meilisearch.com/errors#{code}")
)]
enum MeiliError {
    #[error("Index `{0}` not found.")]
    #[status(404)]
    IndexNotFound(String),

    #[error("The provided API key is invalid.")]
    #[status(403)]
    #[api_error(member("type" = "auth"))]
    InvalidApiKey,

    #[error("disk full")]
    #[status(500)]
    #[api_error(member("type" = "system"))]
    NoSpaceLeftOnDevice,
}

#[test]
fn meilisearchs_contract_from_enum_level_members_and_a_house_format() {
    let reply = every_integration(MeiliError::IndexNotFound("movies".into()));
    assert_eq!(reply.status, 404);
    assert_eq!(reply.header("content-type"), "application/json");
    assert_eq!(
        reply.text(),
        r#"{"message":"Index `movies` not found.","code":"index_not_found","type":"invalid_request","link":"https://docs.meilisearch.com/errors#index_not_found"}"#
    );
    assert_eq!(
        every_integration(MeiliError::InvalidApiKey).text(),
        r#"{"message":"The provided API key is invalid.","code":"invalid_api_key","type":"auth","link":"https://docs.meilisearch.com/errors#invalid_api_key"}"#
    );
    assert_eq!(
        every_integration(MeiliError::NoSpaceLeftOnDevice).text(),
        r#"{"message":"an internal error occurred","code":"no_space_left_on_device","type":"system","link":"https://docs.meilisearch.com/errors#no_space_left_on_device"}"#
    );
    assert_eq!(
        MeiliError::InvalidApiKey.entry().members,
        ["type", "link"],
        "the override takes the enum member's place"
    );
}

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(member("category" = "cases"))]
enum CaseError {
    #[error("case {id} not found")]
    #[status(404)]
    #[api_error(member("help" = "https://docs.example.com/cases/{id}#{{missing}}"))]
    NotFound {
        id: u64,
        #[api_error(expose)]
        shard: u8,
    },

    #[error("conflict")]
    #[status(409)]
    #[api_error(member("category" = "{kind:?} conflict"))]
    Conflict { kind: Kind },

    #[error("storage failed")]
    #[status(500)]
    Storage { secret: String },
}

#[derive(Debug)]
enum Kind {
    Name,
}

#[test]
fn interpolated_members_come_before_exposed_fields_in_problem() {
    let reply = every_integration(CaseError::NotFound { id: 7, shard: 2 });
    assert_eq!(
        reply.text(),
        r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"case 7 not found","code":"not_found","category":"cases","help":"https://docs.example.com/cases/7#{missing}","shard":2}"#
    );
    let reply = every_integration(CaseError::Conflict { kind: Kind::Name });
    assert_eq!(
        reply.text(),
        r#"{"type":"about:blank","title":"Conflict","status":409,"detail":"conflict","code":"conflict","category":"Name conflict"}"#
    );
}

#[test]
fn a_5xx_gets_the_enums_constant_members_and_nothing_of_its_fields() {
    let error = CaseError::Storage {
        secret: "hunter2".into(),
    };
    let reply = every_integration(error);
    assert_eq!(
        reply.text(),
        r#"{"type":"about:blank","title":"Internal Server Error","status":500,"code":"storage","category":"cases"}"#
    );
}

#[test]
fn json_api_puts_declared_members_in_meta_and_boom_beside_its_own() {
    let error = CaseError::NotFound { id: 7, shard: 2 };
    let context = Context::new();
    assert_eq!(
        raw_in::<JsonApi, _>(&error, &context),
        r#"{"errors":[{"status":"404","code":"not_found","title":"Not Found","detail":"case 7 not found","meta":{"category":"cases","help":"https://docs.example.com/cases/7#{missing}","shard":2}}]}"#
    );
    assert_eq!(
        raw_in::<Boom, _>(&error, &context),
        r#"{"statusCode":404,"error":"Not Found","message":"case 7 not found","category":"cases","help":"https://docs.example.com/cases/7#{missing}","shard":2}"#
    );
    let help = Members::of(&error).get("help").expect("declared");
    assert_eq!(
        serde_json::to_string(&help).unwrap(),
        r#""https://docs.example.com/cases/7#{missing}""#
    );
}

/// A declared member that another format writes itself is left out there, as an exposed
/// field of that name is: `status` is only reserved by `Problem`.
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = JsonApi, member("status" = "degraded"))]
enum StatusError {
    #[error("degraded")]
    #[status(503)]
    #[api_error(header("Retry-After" = "5"))]
    Degraded,
}

#[test]
fn a_member_the_rendering_format_writes_itself_is_left_out() {
    let context = Context::new();
    assert_eq!(
        every_integration(StatusError::Degraded).text(),
        r#"{"errors":[{"status":"503","code":"degraded","title":"Service Unavailable","meta":{"status":"degraded"}}]}"#
    );
    assert_eq!(
        raw_in::<apifault::Problem, _>(&StatusError::Degraded, &context),
        r#"{"type":"about:blank","title":"Service Unavailable","status":503,"code":"degraded"}"#
    );
}
