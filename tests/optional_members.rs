//! An exposed `None` is left out of the body, in every format and through every API a
//! house format reads members with; `expose(null)` keeps it as `null`; `expose(with = …)`
//! serializes a field as serde's `with` does. Through `to_response`, axum and actix-web.

mod http_support;

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use apifault::{ApiError, Boom, Context, JsonApi, Members};
use apifault_suite::formats::awork::Awork;
use apifault_suite::render::raw_in;
use http_support::every_integration;

/// `SystemTime` as whole seconds since the Unix epoch, as a serde `with` module.
mod unix_seconds {
    use std::time::{SystemTime, UNIX_EPOCH};

    pub fn serialize<S: serde::Serializer>(
        time: &SystemTime,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let seconds = time
            .duration_since(UNIX_EPOCH)
            .map_or(0, |since| since.as_secs());
        serializer.serialize_u64(seconds)
    }
}

/// The same for an optional time: `None` stays `None`, so it is left out too.
mod unix_seconds_opt {
    use std::time::SystemTime;

    pub fn serialize<S: serde::Serializer>(
        time: &Option<SystemTime>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match time {
            Some(time) => super::unix_seconds::serialize(time, serializer),
            None => serializer.serialize_none(),
        }
    }
}

fn milliseconds<S: serde::Serializer>(value: &Duration, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_u128(value.as_millis())
}

type MaybeShard = Option<u8>;

#[derive(Debug, thiserror::Error, ApiError)]
enum QuotaError {
    #[error("rate limited")]
    #[status(429)]
    #[api_error(header("Retry-After" = "30"))]
    Limited {
        #[api_error(expose)]
        retry_after: Option<u32>,
        #[api_error(expose)]
        shard: MaybeShard,
        #[api_error(expose(null))]
        reason: Option<String>,
        #[api_error(expose(with = unix_seconds))]
        since: SystemTime,
        #[api_error(expose(name = "resetAt", with = unix_seconds_opt))]
        reset_at: Option<SystemTime>,
        #[api_error(expose(serialize_with = milliseconds))]
        window: Duration,
    },
}

fn limited(retry_after: Option<u32>, reset: bool) -> QuotaError {
    QuotaError::Limited {
        retry_after,
        shard: None,
        reason: None,
        since: UNIX_EPOCH + Duration::from_secs(1_700_000_000),
        reset_at: reset.then(|| UNIX_EPOCH + Duration::from_secs(1_700_000_060)),
        window: Duration::from_millis(1500),
    }
}

#[test]
fn problem_leaves_out_an_exposed_none_and_keeps_a_null_asked_for() {
    let reply = every_integration(limited(None, false));
    assert_eq!(reply.status, 429);
    assert_eq!(reply.header("content-type"), "application/problem+json");
    assert_eq!(reply.header("retry-after"), "30");
    assert_eq!(
        reply.text(),
        r#"{"type":"about:blank","title":"Too Many Requests","status":429,"detail":"rate limited","code":"limited","reason":null,"since":1700000000,"window":1500}"#
    );
    let reply = every_integration(limited(Some(30), true));
    assert_eq!(
        reply.text(),
        r#"{"type":"about:blank","title":"Too Many Requests","status":429,"detail":"rate limited","code":"limited","retry_after":30,"reason":null,"since":1700000000,"resetAt":1700000060,"window":1500}"#
    );
}

#[test]
fn json_api_and_boom_leave_it_out_too() {
    let context = Context::new();
    assert_eq!(
        raw_in::<JsonApi, _>(&limited(None, false), &context),
        r#"{"errors":[{"status":"429","code":"limited","title":"Too Many Requests","detail":"rate limited","meta":{"reason":null,"since":1700000000,"window":1500}}]}"#
    );
    assert_eq!(
        raw_in::<Boom, _>(&limited(Some(5), false), &context),
        r#"{"statusCode":429,"error":"Too Many Requests","message":"rate limited","retry_after":5,"reason":null,"since":1700000000,"window":1500}"#
    );
}

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = JsonApi)]
enum SparseError {
    #[error("sparse")]
    #[status(400)]
    Sparse {
        #[api_error(expose)]
        hint: Option<&'static str>,
    },
}

#[test]
fn json_api_writes_no_meta_when_every_member_is_left_out() {
    let reply = every_integration(SparseError::Sparse { hint: None });
    assert_eq!(
        reply.text(),
        r#"{"errors":[{"status":"400","code":"sparse","title":"Bad Request","detail":"sparse"}]}"#
    );
    let reply = every_integration(SparseError::Sparse { hint: Some("h") });
    assert_eq!(
        reply.text(),
        r#"{"errors":[{"status":"400","code":"sparse","title":"Bad Request","detail":"sparse","meta":{"hint":"h"}}]}"#
    );
}

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = Awork)]
enum AworkError {
    #[error("invalid")]
    #[status(400)]
    Invalid {
        #[api_error(expose)]
        details: Option<Vec<&'static str>>,
    },
}

#[test]
fn a_house_format_reading_members_by_name_finds_no_none() {
    let absent = AworkError::Invalid { details: None };
    assert!(Members::of(&absent).get("details").is_none());
    assert!(Members::of(&absent).is_empty());
    assert_eq!(serde_json::to_string(&Members::of(&absent)).unwrap(), "{}");
    assert_eq!(
        every_integration(absent).text(),
        r#"{"code":"invalid","description":"invalid","link":"","details":[],"validationErrors":[]}"#
    );
    let present = AworkError::Invalid {
        details: Some(vec!["Or here."]),
    };
    assert!(!Members::of(&present).is_empty());
    assert_eq!(
        every_integration(present).text(),
        r#"{"code":"invalid","description":"invalid","link":"","details":["Or here."],"validationErrors":[]}"#
    );
}

#[test]
fn members_get_picks_by_name_past_a_left_out_none() {
    let error = limited(None, true);
    let members = Members::of(&error);
    assert!(members.get("retry_after").is_none());
    assert!(members.get("shard").is_none());
    let reason = members.get("reason").expect("a null kept on purpose");
    assert_eq!(serde_json::to_string(&reason).unwrap(), "null");
    let reset = members.get("resetAt").expect("present");
    assert_eq!(serde_json::to_string(&reset).unwrap(), "1700000060");
    let window = members.get("window").expect("present");
    assert_eq!(serde_json::to_string(&window).unwrap(), "1500");
}

#[test]
fn the_catalogue_lists_every_member_the_variant_may_write() {
    let entry = limited(None, false).entry();
    assert_eq!(
        entry.members,
        [
            "retry_after",
            "shard",
            "reason",
            "since",
            "resetAt",
            "window"
        ]
    );
    assert!(!entry.flattens);
    assert!(!entry.no_body);
}
