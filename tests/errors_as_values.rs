//! Errors as values: an error's body embedded in another serde structure (`Embedded`), and
//! any body decoded back into code, message, members and violations (`client::Decoded`)
//! to be relayed in another format.

use apifault::client::{self, Decode, DecodeError, Decoded};
use apifault::{ApiError, Boom, Context, Embedded, FieldViolation, JsonApi, PathSegment, Problem};
use apifault_suite::formats::s3_xml::S3Xml;
use serde::Serialize;

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(rename_all = "snake_case")]
enum IndexError {
    #[error("index `{uid}` not found")]
    #[status(404)]
    IndexNotFound {
        #[api_error(expose)]
        uid: String,
    },

    #[error("invalid settings")]
    #[status(400)]
    #[message("The settings are invalid.")]
    InvalidSettings {
        #[api_error(violations)]
        errors: Vec<FieldViolation>,
    },
}

fn not_found() -> IndexError {
    IndexError::IndexNotFound {
        uid: "movies".into(),
    }
}

/// `/rankingRules/0`.
fn ranking_rule() -> [PathSegment; 2] {
    [PathSegment::from("rankingRules"), PathSegment::Index(0)]
}

fn invalid() -> IndexError {
    IndexError::InvalidSettings {
        errors: vec![
            FieldViolation::new(ranking_rule(), "must be a known rule").with_code("invalid_rule"),
            FieldViolation::new(["typo/Tolerance"], "must be an object"),
        ],
    }
}

/// A `_bulk` response: one result per item, an error where the item failed.
#[derive(Serialize)]
struct Bulk {
    took: u32,
    errors: bool,
    items: Vec<Item>,
}

#[derive(Serialize)]
struct Item {
    id: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<Embedded>,
}

#[test]
fn a_batch_carries_each_error_as_its_response_body() {
    let context = Context::new().with_request_id("req-1");
    let bulk = Bulk {
        took: 3,
        errors: true,
        items: vec![
            Item {
                id: 1,
                error: Some(not_found().to_embedded(&context)),
            },
            Item { id: 2, error: None },
            Item {
                id: 3,
                error: Some(Embedded::new::<JsonApi, _>(&invalid(), &Context::new())),
            },
        ],
    };
    let expected = concat!(
        r#"{"took":3,"errors":true,"items":["#,
        r#"{"id":1,"error":{"type":"about:blank","title":"Not Found","status":404,"detail":"index `movies` not found","code":"index_not_found","request_id":"req-1","uid":"movies"}},"#,
        r#"{"id":2},"#,
        r#"{"id":3,"error":{"errors":["#,
        r#"{"status":"400","code":"invalid_rule","title":"Bad Request","detail":"must be a known rule","source":{"pointer":"/rankingRules/0"}},"#,
        r#"{"status":"400","code":"invalid_settings","title":"Bad Request","detail":"must be an object","source":{"pointer":"/typo~1Tolerance"}}"#,
        r#"]}}]}"#,
    );
    assert_eq!(serde_json::to_string(&bulk).unwrap(), expected);
    // The same bytes `to_response` sends.
    let embedded = not_found().to_embedded(&context);
    assert_eq!(
        embedded.as_str().as_bytes(),
        not_found().to_response_with(&context).body().as_slice()
    );
    assert_eq!(embedded.status(), 404);
    assert_eq!(embedded.content_type(), Some("application/problem+json"));
    // `to_value` (for serializers other than serde_json) is the same structure.
    let value = serde_json::to_value(&bulk).unwrap();
    assert_eq!(value["items"][0]["error"], embedded.to_value());
    assert_eq!(
        value,
        serde_json::from_str::<serde_json::Value>(expected).unwrap()
    );
}

#[test]
fn a_body_in_markup_is_embedded_as_its_text() {
    let embedded = Embedded::new::<S3Xml, _>(&not_found(), &Context::new());
    let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>index_not_found</Code><Message>index `movies` not found</Message></Error>";
    assert_eq!(embedded.as_str(), xml);
    assert_eq!(
        serde_json::to_string(&embedded).unwrap(),
        serde_json::to_string(xml).unwrap()
    );
}

/// The parts every decoded body must give back for `invalid()` and `not_found()`.
fn assert_decoded(decoded: &Decoded, format: &str, with_code: bool) {
    let code = |code: &str| with_code.then(|| code.to_owned());
    match decoded.status {
        Some(404) => {
            assert_eq!(decoded.code, code("index_not_found"), "{format}");
            assert_eq!(
                decoded.message.as_deref(),
                Some("index `movies` not found"),
                "{format}"
            );
            assert_eq!(decoded.members["uid"], "movies", "{format}");
            assert!(decoded.violations.is_empty(), "{format}");
        }
        Some(400) => {
            if format == "JSON:API" {
                // JSON:API writes no error-level detail beside the violations.
                assert_eq!(decoded.message, None);
            } else {
                assert_eq!(
                    decoded.message.as_deref(),
                    Some("The settings are invalid."),
                    "{format}"
                );
            }
            let expected = match invalid() {
                IndexError::InvalidSettings { mut errors } => {
                    if format == "Boom" {
                        // Boom's `type` is the violation's code, else the error's.
                        errors[1] = errors[1].clone().with_code("invalid_settings");
                    }
                    if format == "JSON:API" {
                        // The first object's code is taken as the error's.
                        errors[0] = FieldViolation::new(ranking_rule(), "must be a known rule");
                    }
                    errors
                }
                IndexError::IndexNotFound { .. } => unreachable!(),
            };
            assert_eq!(decoded.violations, expected, "{format}");
        }
        other => panic!("{format}: status {other:?}"),
    }
}

#[test]
fn every_built_in_body_decodes_into_its_parts() {
    for error in [not_found(), invalid()] {
        let problem = error.to_response_in::<Problem>(&Context::new());
        assert_decoded(&Problem::decode(problem.body()).unwrap(), "Problem", true);
        let boom = error.to_response_in::<Boom>(&Context::new());
        assert_decoded(&Boom::decode(boom.body()).unwrap(), "Boom", false);
        // By content type too.
        for response in [problem, boom] {
            let content_type = response.headers()["content-type"].to_str().unwrap();
            let by_type = client::decode(content_type, response.body()).unwrap();
            assert_eq!(by_type.status, Some(error.status().as_u16()));
        }
    }
    let jsonapi = not_found().to_response_in::<JsonApi>(&Context::new());
    assert_decoded(&JsonApi::decode(jsonapi.body()).unwrap(), "JSON:API", true);
    let jsonapi = invalid().to_response_in::<JsonApi>(&Context::new());
    let decoded = client::decode("application/vnd.api+json", jsonapi.body()).unwrap();
    assert_eq!(decoded.code.as_deref(), Some("invalid_rule"));
    assert!(client::decode("text/html", b"<p>").is_err());
    assert!(Boom::decode(b"{\"status\":404}").is_err());
}

#[test]
fn a_proxy_relays_a_jsonapi_error_as_problem_details_with_its_code() {
    // What the upstream service answered.
    let upstream = IndexError::IndexNotFound {
        uid: "movies".into(),
    }
    .to_response_in::<JsonApi>(&Context::new().with_request_id("upstream-7"));
    let mut relayed = client::decode("application/vnd.api+json", upstream.body()).unwrap();
    // The proxy's mapping: the upstream's 404 is the proxy's 502, its own request id.
    relayed.status = relayed
        .status
        .map(|status| if status == 404 { 502 } else { status });
    relayed.request_id = None;
    let response = relayed.to_response_in::<Problem>(&Context::new().with_request_id("proxy-1"));
    assert_eq!(response.status(), 502);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    assert_eq!(
        std::str::from_utf8(response.body()).unwrap(),
        r#"{"type":"about:blank","title":"Bad Gateway","status":502,"detail":"index `movies` not found","code":"index_not_found","request_id":"proxy-1","uid":"movies"}"#
    );
    assert_eq!(relayed.code(), "index_not_found");

    // Violations survive the trip too, and a relayed status out of range is never sent.
    let upstream = invalid().to_response_in::<Problem>(&Context::new());
    let mut relayed = Problem::decode(upstream.body()).unwrap();
    relayed.status = Some(200);
    let response = relayed.to_response_in::<Boom>(&Context::new());
    assert_eq!(response.status(), 502);
    assert_eq!(
        std::str::from_utf8(response.body()).unwrap(),
        r#"{"statusCode":502,"error":"Bad Gateway","message":"The settings are invalid.","errors":[{"message":"must be a known rule","path":["rankingRules",0],"type":"invalid_rule"},{"message":"must be an object","path":["typo/Tolerance"],"type":"invalid_settings"}]}"#
    );
}

/// S3's XML error, decoded by the house format's own decoder.
struct S3XmlDecoder;

impl Decode for S3XmlDecoder {
    fn decode(body: &[u8]) -> Result<Decoded, DecodeError> {
        let text = std::str::from_utf8(body).map_err(DecodeError::new)?;
        let document = roxmltree::Document::parse(text).map_err(DecodeError::new)?;
        let root = document.root_element();
        if !root.has_tag_name("Error") {
            return Err(DecodeError::new("not an S3 <Error> document"));
        }
        let child = |name: &str| {
            root.children()
                .find(|node| node.has_tag_name(name))
                .map(|node| node.text().unwrap_or_default().to_owned())
        };
        Ok(Decoded {
            code: child("Code"),
            message: child("Message"),
            instance: child("Resource"),
            request_id: child("RequestId"),
            ..Decoded::default()
        })
    }
}

#[test]
fn a_house_format_with_a_decoder_is_relayed_too() {
    let upstream = not_found().to_response_in::<S3Xml>(
        &Context::new()
            .with_instance("/movies/<1>")
            .with_request_id("4442587FB7D0A2F9"),
    );
    let mut relayed = S3XmlDecoder::decode(upstream.body()).unwrap();
    assert_eq!(relayed.instance.as_deref(), Some("/movies/<1>"));
    relayed.status = Some(404);
    let body = relayed
        .to_response_in::<Problem>(&Context::new())
        .into_body();
    assert_eq!(
        String::from_utf8(body).unwrap(),
        r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"index `movies` not found","instance":"/movies/<1>","code":"index_not_found"}"#
    );
    assert!(S3XmlDecoder::decode(b"<Other/>").is_err());
    assert!(S3XmlDecoder::decode(b"<Error>").is_err());
}
