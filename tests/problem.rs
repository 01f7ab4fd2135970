//! The RFC 9457 `Problem` body: exact bytes, member order, phrases, exposed members,
//! violations, headers, transparent delegation and the RFC's own examples. What a 5xx
//! shows is in `tests/leaks.rs`.

use std::fmt;

use apifault::{ApiError, Context, FieldViolation, Format, PathSegment, Problem};
use apifault_suite::render::{raw, value, whole};
use http::StatusCode;
use serde_json::json;

// ---------------------------------------------------------------------------------------
// Messages

#[derive(Debug, thiserror::Error, ApiError)]
enum CaseError {
    #[error("case {id} not found")]
    #[status(404)]
    NotFound { id: u64 },

    #[error("internal text {id}")]
    #[status(409)]
    #[message("Case {id} exists; its owner is {owner:?}.")]
    Duplicate { id: u64, owner: String },

    #[error("tuple {0}")]
    #[status(400)]
    #[message("Field {0} is wrong ({1:?}); {{braces}} stay.")]
    Tuple(&'static str, u8),

    #[error("tricky")]
    #[status(400)]
    #[message("{text}")]
    Tricky { text: String },

    #[error("specs")]
    #[status(400)]
    #[message(
        "[{n:>4}] [{n:<4}] [{n:04}] [{n:#x}] [{n:b}] [{ratio:.2}] [{ratio:e}] [{name:?}] [{name:>6}]"
    )]
    Specs {
        n: u32,
        ratio: f64,
        name: &'static str,
    },
}

#[test]
fn four_hundreds_reuse_display_as_detail() {
    assert_eq!(
        raw(&CaseError::NotFound { id: 42 }),
        r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"case 42 not found","code":"not_found"}"#
    );
}

#[test]
fn message_interpolates_named_fields_and_debug() {
    let error = CaseError::Duplicate {
        id: 7,
        owner: "Ann \"the\" Admin".into(),
    };
    assert_eq!(error.to_string(), "internal text 7");
    assert_eq!(
        value(&error),
        json!({
            "type": "about:blank",
            "title": "Conflict",
            "status": 409,
            "detail": "Case 7 exists; its owner is \"Ann \\\"the\\\" Admin\".",
            "code": "duplicate",
        })
    );
}

#[test]
fn message_interpolates_positional_fields() {
    assert_eq!(
        raw(&CaseError::Tuple("age", 3)),
        r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"Field age is wrong (3); {braces} stay.","code":"tuple"}"#
    );
}

#[test]
fn message_format_specs() {
    let error = CaseError::Specs {
        n: 10,
        ratio: 1234.5678,
        name: "ab",
    };
    assert_eq!(
        value(&error)["detail"],
        r#"[  10] [10  ] [0010] [0xa] [1010] [1234.57] [1.2345678e3] ["ab"] [    ab]"#
    );
}

#[test]
fn any_text_renders_valid_json() {
    let nasty =
        "quote \" backslash \\ newline \n tab \t nul \0 bell \u{7} emoji 🦀 </script> \u{2028}";
    let error = CaseError::Tricky { text: nasty.into() };
    let body = value(&error);
    assert_eq!(body["detail"], nasty);
}

// ---------------------------------------------------------------------------------------
// Titles and phrases

#[derive(Debug, thiserror::Error, ApiError)]
enum Phrases {
    #[error("too large")]
    #[status(413)]
    TooLarge,

    #[error("unprocessable")]
    #[status(422)]
    Unprocessable,

    #[error("unregistered")]
    #[status(490)]
    Unregistered,

    #[error("unregistered server")]
    #[status(590)]
    UnregisteredServer,

    #[error("titled")]
    #[status(409)]
    #[title("Custom Title")]
    Titled,

    #[error("titled and typed")]
    #[status(409)]
    #[title("Custom Title")]
    #[api_error(type = "https://example.com/probs/custom")]
    TitledAndTyped,

    #[error("teapot")]
    #[status(418)]
    Teapot,
}

#[test]
fn about_blank_takes_the_rfc_9110_phrase() {
    assert_eq!(
        raw(&Phrases::TooLarge),
        r#"{"type":"about:blank","title":"Content Too Large","status":413,"detail":"too large","code":"too_large"}"#
    );
    assert_eq!(
        raw(&Phrases::Unprocessable),
        r#"{"type":"about:blank","title":"Unprocessable Content","status":422,"detail":"unprocessable","code":"unprocessable"}"#
    );
}

#[test]
fn unregistered_statuses_get_no_title() {
    assert_eq!(
        raw(&Phrases::Unregistered),
        r#"{"type":"about:blank","status":490,"detail":"unregistered","code":"unregistered"}"#
    );
    assert_eq!(
        raw(&Phrases::UnregisteredServer),
        r#"{"type":"about:blank","status":590,"code":"unregistered_server"}"#
    );
    // RFC 9110 marks 418 "(Unused)": no phrase.
    assert_eq!(value(&Phrases::Teapot).get("title"), None);
    assert_eq!(Phrases::Unregistered.to_response().status().as_u16(), 490);
}

/// RFC 9457 §4.2.1: with `about:blank` the title SHOULD be the status phrase, so a
/// declared title shows only beside a declared type (it stays in the catalogue and in
/// formats without a type, such as JSON:API).
#[test]
fn a_declared_title_goes_with_a_declared_type() {
    assert_eq!(
        raw(&Phrases::Titled),
        r#"{"type":"about:blank","title":"Conflict","status":409,"detail":"titled","code":"titled"}"#
    );
    assert_eq!(Phrases::Titled.title(), Some("Custom Title"));
    assert_eq!(
        raw(&Phrases::TitledAndTyped),
        r#"{"type":"https://example.com/probs/custom","title":"Custom Title","status":409,"detail":"titled and typed","code":"titled_and_typed"}"#
    );
}

// ---------------------------------------------------------------------------------------
// Exposed members, instance, request id

#[derive(Debug, thiserror::Error, ApiError)]
enum Exposed {
    #[error("duplicate {name}")]
    #[status(409)]
    #[api_error(
        type = "https://errors.example.com/duplicate",
        instance = "/cases/{id}"
    )]
    Duplicate {
        #[api_error(expose)]
        zeta: u8,
        id: u64,
        #[api_error(expose = "supportId")]
        support_id: &'static str,
        hidden: &'static str,
        #[api_error(expose)]
        name: String,
        #[api_error(expose)]
        alpha: Vec<Option<bool>>,
    },

    #[error("tuple")]
    #[status(400)]
    Tuple(#[api_error(expose = "limit")] u32, u32),
}

#[test]
fn exposed_members_follow_the_standard_ones_in_declaration_order() {
    let error = Exposed::Duplicate {
        zeta: 1,
        id: 12,
        support_id: "S-1",
        hidden: "never shown",
        name: "Flood".into(),
        alpha: vec![Some(true), None],
    };
    assert_eq!(
        raw(&error),
        concat!(
            r#"{"type":"https://errors.example.com/duplicate","title":"Conflict","status":409,"#,
            r#""detail":"duplicate Flood","instance":"/cases/12","code":"duplicate","#,
            r#""zeta":1,"supportId":"S-1","name":"Flood","alpha":[true,null]}"#
        )
    );
    assert!(!whole(&error).contains("never shown"));
}

#[test]
fn exposed_tuple_field() {
    assert_eq!(
        raw(&Exposed::Tuple(10, 99)),
        r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"tuple","code":"tuple","limit":10}"#
    );
}

#[test]
fn context_fills_instance_and_request_id() {
    let context = Context::new()
        .with_instance("/cases/7")
        .with_request_id("req-1");
    let body = Exposed::Tuple(1, 2)
        .to_response_in::<Problem>(&context)
        .into_body();
    assert_eq!(
        String::from_utf8(body).unwrap(),
        r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"tuple","instance":"/cases/7","code":"tuple","request_id":"req-1","limit":1}"#
    );
    // A declared instance wins over the request path.
    let error = Exposed::Duplicate {
        zeta: 1,
        id: 12,
        support_id: "S",
        hidden: "",
        name: String::new(),
        alpha: Vec::new(),
    };
    let body: serde_json::Value =
        serde_json::from_slice(error.to_response_in::<Problem>(&context).body()).unwrap();
    assert_eq!(body["instance"], "/cases/12");
}

// ---------------------------------------------------------------------------------------
// Violations

#[derive(Debug, thiserror::Error, ApiError)]
enum Validation {
    #[error("invalid request")]
    #[status(400)]
    #[message("The request is invalid. See `errors` for details.")]
    Invalid {
        #[api_error(violations)]
        errors: Vec<FieldViolation>,
    },

    #[error("maybe invalid")]
    #[status(400)]
    Optional {
        #[api_error(violations)]
        errors: Option<[FieldViolation; 1]>,
    },
}

#[test]
fn violations_go_under_errors() {
    let error = Validation::Invalid {
        errors: vec![
            FieldViolation::new(["a", "b"], "must be set"),
            FieldViolation::new(["profile", "color"], "must be 'green'").with_code("any.only"),
            FieldViolation::new(
                [
                    PathSegment::from("items"),
                    PathSegment::from(2),
                    PathSegment::from("x"),
                ],
                "too big",
            ),
            FieldViolation::new(["a/b", "m~n", "~1"], "escaped"),
            FieldViolation::new(Vec::<&'static str>::new(), "the whole document"),
        ],
    };
    assert_eq!(
        raw(&error),
        concat!(
            r#"{"type":"about:blank","title":"Bad Request","status":400,"#,
            r#""detail":"The request is invalid. See `errors` for details.","code":"invalid","errors":["#,
            r##"{"detail":"must be set","pointer":"#/a/b"},"##,
            r##"{"detail":"must be 'green'","pointer":"#/profile/color","code":"any.only"},"##,
            r##"{"detail":"too big","pointer":"#/items/2/x"},"##,
            r##"{"detail":"escaped","pointer":"#/a~1b/m~0n/~01"},"##,
            r##"{"detail":"the whole document","pointer":"#"}]}"##,
        )
    );
}

/// RFC 6901 §6: in a URI fragment, what the fragment grammar does not allow is
/// percent-encoded (after the `~0`/`~1` escapes).
#[test]
fn pointer_fragments_are_percent_encoded() {
    let error = Validation::Invalid {
        errors: vec![FieldViolation::new(
            ["first name", "50%", "é", "a\"b", "#x", "it's:ok@(1)", "~/"],
            "bad",
        )],
    };
    assert_eq!(
        value(&error)["errors"],
        json!([{"detail": "bad", "pointer": "#/first%20name/50%25/%C3%A9/a%22b/%23x/it's:ok@(1)/~0~1"}])
    );
}

#[test]
fn no_violations_no_errors_member() {
    let error = Validation::Invalid { errors: Vec::new() };
    assert_eq!(value(&error).get("errors"), None);
    let error = Validation::Optional { errors: None };
    assert_eq!(value(&error).get("errors"), None);
    let error = Validation::Optional {
        errors: Some([FieldViolation::new(["q"], "bad")]),
    };
    assert_eq!(
        value(&error)["errors"],
        json!([{"detail": "bad", "pointer": "#/q"}])
    );
}

// ---------------------------------------------------------------------------------------
// Headers

#[derive(Debug, thiserror::Error, ApiError)]
enum Limited {
    #[error("slow down")]
    #[status(TOO_MANY_REQUESTS)]
    #[api_error(
        header("Retry-After" = "{secs}"),
        header("X-RateLimit-Limit" = "100"),
        header("X-Reason" = "{reason}"),
        header("Link" = "<https://docs.example.com/{secs}>; rel=\"help\""),
        header("Link" = "<https://example.com/second>")
    )]
    RateLimited { secs: u32, reason: String },

    #[error("login")]
    #[status(401)]
    #[api_error(header("WWW-Authenticate" = "Bearer realm=\"api\""))]
    Unauthorized,
}

#[test]
fn constant_and_interpolated_headers() {
    let response = Limited::RateLimited {
        secs: 30,
        reason: "burst".into(),
    }
    .to_response();
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    let headers = response.headers();
    assert_eq!(headers["content-type"], "application/problem+json");
    assert_eq!(headers["retry-after"], "30");
    assert_eq!(headers["x-ratelimit-limit"], "100");
    assert_eq!(headers["x-reason"], "burst");
    let links: Vec<_> = headers.get_all("link").iter().collect();
    assert_eq!(
        links,
        [
            "<https://docs.example.com/30>; rel=\"help\"",
            "<https://example.com/second>"
        ]
    );
    assert_eq!(headers.len(), 6);

    let response = Limited::Unauthorized.to_response();
    assert_eq!(
        response.headers()["www-authenticate"],
        "Bearer realm=\"api\""
    );
}

#[test]
fn a_header_value_with_cr_or_lf_is_dropped_not_split() {
    for reason in [
        "a\r\nX-Injected: 1",
        "a\nX-Injected: 1",
        "a\rX-Injected: 1",
        "nul\0",
    ] {
        let response = Limited::RateLimited {
            secs: 1,
            reason: reason.into(),
        }
        .to_response();
        let headers = response.headers();
        assert!(headers.get("x-reason").is_none(), "{reason:?}");
        assert!(headers.get("x-injected").is_none(), "{reason:?}");
        // The other headers are still sent.
        assert_eq!(headers["retry-after"], "1");
        assert_eq!(headers["x-ratelimit-limit"], "100");
        assert!(
            headers
                .values()
                .all(|v| !v.as_bytes().contains(&b'\n') && !v.as_bytes().contains(&b'\r'))
        );
    }
}

// ---------------------------------------------------------------------------------------
// Transparent delegation across two levels

/// A house format, to show that the outer type's format renders the body.
struct Plain;

impl Format for Plain {
    const CONTENT_TYPE: &'static str = "text/plain";

    fn write_body<E: ApiError>(
        error: &E,
        _: &Context<'_>,
        out: &mut Vec<u8>,
    ) -> Result<(), apifault::RenderError> {
        out.extend_from_slice(error.code().as_bytes());
        Ok(())
    }
}

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = Plain, rename_all = "kebab-case", type_base = "https://inner.example.com/")]
enum Inner {
    /// Too many requests for this account.
    #[error("inner display {account}")]
    #[status(429)]
    #[title("Slow Down")]
    #[message("Account {account} is limited.")]
    #[api_error(
        instance = "/accounts/{account}",
        link = "https://docs.example.com/limits",
        header("Retry-After" = "{secs}")
    )]
    RateLimited {
        #[api_error(expose)]
        account: u32,
        secs: u32,
        #[api_error(violations)]
        errors: Vec<FieldViolation>,
    },

    #[error("inner internal SOURCE-MARKER-5d1c")]
    #[status(500)]
    Internal,
}

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = Plain, rename_all = "SCREAMING_SNAKE_CASE")]
enum Middle {
    #[error(transparent)]
    #[api_error(transparent)]
    Inner(#[from] Inner),

    #[error("middle own")]
    #[status(400)]
    Own,
}

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(type_base = "https://outer.example.com/")]
enum Outer {
    #[error(transparent)]
    #[api_error(transparent)]
    Middle(Middle),

    #[error("outer own")]
    #[status(404)]
    Own,
}

#[test]
fn transparent_delegates_everything_across_two_levels() {
    let inner = || Inner::RateLimited {
        account: 5,
        secs: 9,
        errors: vec![FieldViolation::new(["n"], "bad")],
    };
    let outer = Outer::Middle(Middle::Inner(inner()));
    let innermost = inner();

    assert_eq!(outer.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(outer.code(), "rate-limited");
    assert_eq!(outer.title(), Some("Slow Down"));
    assert!(std::ptr::eq(outer.entry(), innermost.entry()));
    assert_eq!(outer.entry().name, "RateLimited");
    assert_eq!(
        outer.entry().description,
        "Too many requests for this account."
    );
    assert_eq!(outer.entry().members, ["account"]);
    assert_eq!(
        outer.message().map(|m| m.to_string()).as_deref(),
        Some("Account 5 is limited.")
    );
    assert_eq!(
        outer.type_uri().map(|m| m.to_string()).as_deref(),
        Some("https://inner.example.com/rate-limited")
    );
    assert_eq!(
        outer.instance().map(|m| m.to_string()).as_deref(),
        Some("/accounts/5")
    );
    assert_eq!(
        outer.link().map(|m| m.to_string()).as_deref(),
        Some("https://docs.example.com/limits")
    );
    assert_eq!(outer.violations().len(), 1);

    // The inner types render as their own format...
    let response = innermost.to_response();
    assert_eq!(response.headers()["content-type"], "text/plain");
    assert_eq!(response.body(), b"rate-limited");
    let response = Middle::Inner(inner()).to_response();
    assert_eq!(response.headers()["content-type"], "text/plain");

    // ...and the outer type in its own, with every fact from the innermost.
    let response = outer.to_response();
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    assert_eq!(response.headers()["retry-after"], "9");
    assert_eq!(
        String::from_utf8(response.into_body()).unwrap(),
        concat!(
            r#"{"type":"https://inner.example.com/rate-limited","title":"Slow Down","status":429,"#,
            r#""detail":"Account 5 is limited.","instance":"/accounts/5","code":"rate-limited","#,
            r##""account":5,"errors":[{"detail":"bad","pointer":"#/n"}]}"##
        )
    );
}

#[test]
fn transparent_keeps_masking_and_own_variants() {
    let outer = Outer::Middle(Middle::Inner(Inner::Internal));
    assert_eq!(
        raw(&outer),
        r#"{"type":"https://inner.example.com/internal","title":"Internal Server Error","status":500,"code":"internal"}"#
    );

    let outer = Outer::Middle(Middle::Own);
    assert_eq!(outer.code(), "OWN");
    assert_eq!(
        value(&outer),
        // Middle declares no type: the outer enum's `type_base` gives one.
        json!({"type": "https://outer.example.com/OWN", "title": "Bad Request", "status": 400, "detail": "middle own", "code": "OWN"})
    );
    assert_eq!(
        value(&Outer::Own),
        json!({"type": "https://outer.example.com/own", "title": "Not Found", "status": 404, "detail": "outer own", "code": "own"})
    );
}

// ---------------------------------------------------------------------------------------
// RFC 9457 §3

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(code_in_body = false)]
enum AccountError {
    #[error("Your current balance is {balance}, but that costs {cost}.")]
    #[status(FORBIDDEN)]
    #[title("You do not have enough credit.")]
    #[api_error(
        type = "https://example.com/probs/out-of-credit",
        instance = "/account/{account}/msgs/{message}"
    )]
    OutOfCredit {
        #[api_error(expose)]
        balance: u64,
        cost: u64,
        account: u64,
        message: &'static str,
        #[api_error(expose)]
        accounts: Vec<&'static str>,
    },
}

/// RFC 9457 §3, the first example. Our body adds `"status"`: DESIGN.md has the body always
/// carry it (RFC 9457 §3.1.2 makes it advisory); the RFC's example leaves it out.
#[test]
fn rfc_9457_out_of_credit() {
    let error = AccountError::OutOfCredit {
        balance: 30,
        cost: 50,
        account: 12345,
        message: "abc",
        accounts: vec!["/account/12345", "/account/67890"],
    };
    let response = error.to_response();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    let expected = json!({
        "type": "https://example.com/probs/out-of-credit",
        "title": "You do not have enough credit.",
        "status": 403, // not in the RFC's example, see above
        "detail": "Your current balance is 30, but that costs 50.",
        "instance": "/account/12345/msgs/abc",
        "balance": 30,
        "accounts": ["/account/12345", "/account/67890"]
    });
    assert_eq!(value(&error), expected);
    // The RFC's member order, with `status` after `title`.
    assert_eq!(
        raw(&error),
        concat!(
            r#"{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","status":403,"#,
            r#""detail":"Your current balance is 30, but that costs 50.","instance":"/account/12345/msgs/abc","#,
            r#""balance":30,"accounts":["/account/12345","/account/67890"]}"#
        )
    );
}

// RFC 9457 §3's second example, a problem without `detail`, is reproduced in
// `tests/seeds.rs`.

// ---------------------------------------------------------------------------------------
// A failing exposed field

/// A field whose serialization always fails.
#[derive(Debug)]
struct Unserializable;

impl serde::Serialize for Unserializable {
    fn serialize<S: serde::Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
        Err(serde::ser::Error::custom("UNSERIALIZABLE-MARKER"))
    }
}

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(type_base = "https://errors.example.com/")]
enum Broken {
    #[error("broken {name}")]
    #[status(409)]
    #[title("Broken Thing")]
    #[api_error(header("X-Name" = "{name}"))]
    Member {
        #[api_error(expose)]
        name: String,
        #[api_error(expose)]
        value: Unserializable,
    },
}

#[test]
fn a_failing_member_falls_back_to_a_bare_body() {
    let error = Broken::Member {
        name: "n".into(),
        value: Unserializable,
    };
    assert!(Problem::render(&error, &Context::default()).is_err());
    let response = error.to_response();
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    assert_eq!(response.headers()["x-name"], "n");
    assert_eq!(
        String::from_utf8(response.into_body()).unwrap(),
        r#"{"type":"about:blank","title":"Conflict","status":409,"code":"member"}"#
    );
}

// ---------------------------------------------------------------------------------------
// A failing `Display`

/// A value whose `Display` breaks the formatting contract and fails.
#[derive(Debug)]
struct FailingDisplay;

impl fmt::Display for FailingDisplay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("partial")?;
        Err(fmt::Error)
    }
}

#[derive(Debug, thiserror::Error, ApiError)]
enum Faulty {
    #[error("display {0}")]
    #[status(400)]
    Display(FailingDisplay),

    #[error("message")]
    #[status(400)]
    #[message("message {0}")]
    Message(FailingDisplay),

    #[error("header")]
    #[status(429)]
    #[api_error(header("Retry-After" = "{0}"), header("X-Ok" = "yes"))]
    Header(FailingDisplay),

    #[error("type")]
    #[status(404)]
    #[api_error(type = "https://errors.example.com/{0}")]
    TypeUri(FailingDisplay),
}

/// A `Display` that fails on its own (not because the output failed) would make
/// `serde_json` and `ToString` panic; the response falls back to the bare body instead,
/// and a header whose value cannot be formatted is left out.
#[test]
fn a_failing_display_never_panics() {
    for (error, code) in [
        (Faulty::Display(FailingDisplay), "display"),
        (Faulty::Message(FailingDisplay), "message"),
        (Faulty::TypeUri(FailingDisplay), "type_uri"),
    ] {
        let response = error.to_response();
        let body: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
        let status = error.status();
        assert_eq!(
            body,
            json!({
                "type": "about:blank",
                "title": status.canonical_reason().unwrap(),
                "status": status.as_u16(),
                "code": code,
            })
        );
    }
    let response = Faulty::Header(FailingDisplay).to_response();
    assert!(response.headers().get("retry-after").is_none());
    assert_eq!(response.headers()["x-ok"], "yes");
}
