//! The generated code names everything by absolute path and works with generics,
//! lifetimes, raw identifiers, `macro_rules!` input and a renamed runtime crate.

use std::fmt::{Debug, Display};

use apifault::{ApiError, FieldViolation};
use apifault_suite::render::value;
use http::StatusCode;
use serde_json::json;

// ---------------------------------------------------------------------------------------
// Decoys

/// Items named like everything generated code could refer to by a relative path.
#[allow(dead_code, non_snake_case, non_camel_case_types, clippy::all)]
mod decoys {
    use ::apifault::ApiError;

    pub struct Result;
    pub struct Option;
    pub struct Some;
    pub struct None;
    pub fn Ok() {}
    pub fn Err() {}
    pub struct StatusCode;
    pub struct HeaderMap;
    pub struct Formatter;
    pub struct Entry;
    pub struct Violations;
    pub struct Part;
    pub struct String;
    pub struct Vec;
    pub struct Box;
    pub trait Display {}
    pub trait Serialize {}
    pub trait SerializeMap {}
    pub trait Error {}
    pub mod core {}
    pub mod std {}
    pub mod http {}
    pub mod serde {}
    pub mod serde_json {}
    pub mod fmt {}
    pub mod apifault {}
    pub mod __private {}
    pub fn matches() {}
    pub fn format_args() {}
    pub fn write() {}

    /// Every attribute kind, among the decoys.
    #[derive(Debug, thiserror::Error, ApiError)]
    #[api_error(rename_all = "kebab-case", type_base = "https://errors.example.com/")]
    pub enum DecoyError {
        #[error("case {id} not found")]
        #[status(NOT_FOUND)]
        #[title("No Such Case")]
        #[api_error(
            instance = "/cases/{id}",
            link = "https://docs.example.com/{id:?}",
            header("X-Case" = "{id}"),
            header("X-Static" = "yes")
        )]
        NotFound {
            #[api_error(expose)]
            id: u64,
        },

        #[error("invalid")]
        #[status(400)]
        #[message("Invalid: {0}.")]
        Invalid(
            &'static str,
            #[api_error(violations)] ::std::vec::Vec<::apifault::FieldViolation>,
        ),

        #[error("internal")]
        #[status(500)]
        #[code("internal.error")]
        #[api_error(type = "urn:internal")]
        Internal,

        #[error(transparent)]
        #[api_error(transparent)]
        Inner(#[from] InnerDecoy),
    }

    /// Fields named like the generated code's own variables. `Display` is written by hand:
    /// thiserror's own derive binds fields by name and clashes with `__formatter`.
    #[derive(Debug, ApiError)]
    #[status(409)]
    #[message("{__part} {__formatter} {__field_0} {__map} {__headers} {f} {self_}")]
    #[api_error(header("X-Shadow" = "{__headers}"), type_base = "https://errors.example.com/")]
    pub struct Shadow {
        #[api_error(expose)]
        pub __part: u8,
        #[api_error(expose)]
        pub __formatter: u8,
        #[api_error(expose)]
        pub __field_0: u8,
        #[api_error(expose)]
        pub __map: u8,
        #[api_error(expose)]
        pub __headers: u8,
        #[api_error(expose)]
        pub f: u8,
        #[api_error(expose)]
        pub self_: u8,
    }

    impl ::core::fmt::Display for Shadow {
        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            f.write_str("shadow")
        }
    }

    impl ::std::error::Error for Shadow {}

    /// A transparent target among the decoys.
    #[derive(Debug, thiserror::Error, ApiError)]
    #[error("inner")]
    #[status(418)]
    #[api_error(code_in_body = false)]
    pub struct InnerDecoy;
}

#[test]
fn decoys_do_not_capture_generated_paths() {
    use decoys::DecoyError;

    let error = DecoyError::NotFound { id: 3 };
    assert_eq!(error.status(), StatusCode::NOT_FOUND);
    assert_eq!(error.code(), "not-found");
    let response = error.to_response();
    assert_eq!(response.headers()["x-case"], "3");
    assert_eq!(response.headers()["x-static"], "yes");
    assert_eq!(
        value(&error),
        json!({
            "type": "https://errors.example.com/not-found",
            "title": "No Such Case",
            "status": 404,
            "detail": "case 3 not found",
            "instance": "/cases/3",
            "code": "not-found",
            "id": 3,
        })
    );
    assert_eq!(
        error.link().map(|link| link.to_string()).as_deref(),
        Some("https://docs.example.com/3")
    );

    let error = DecoyError::Invalid("bad", vec![FieldViolation::new(["a"], "no")]);
    assert_eq!(
        value(&error),
        json!({
            "type": "https://errors.example.com/invalid",
            "title": "Bad Request",
            "status": 400,
            "detail": "Invalid: bad.",
            "code": "invalid",
            "errors": [{"detail": "no", "pointer": "#/a"}],
        })
    );

    let error = DecoyError::Internal;
    assert_eq!(
        value(&error),
        json!({"type": "urn:internal", "title": "Internal Server Error", "status": 500, "code": "internal.error"})
    );

    let error = DecoyError::from(decoys::InnerDecoy);
    assert_eq!(error.status(), StatusCode::IM_A_TEAPOT);
    assert_eq!(error.code(), "inner_decoy");
}

#[test]
fn fields_named_like_generated_variables() {
    let error = decoys::Shadow {
        __part: 1,
        __formatter: 2,
        __field_0: 3,
        __map: 4,
        __headers: 5,
        f: 6,
        self_: 7,
    };
    let response = error.to_response();
    assert_eq!(response.headers()["x-shadow"], "5");
    assert_eq!(
        value(&error),
        json!({
            "type": "https://errors.example.com/shadow",
            "title": "Conflict",
            "status": 409,
            "detail": "1 2 3 4 5 6 7",
            "code": "shadow",
            "__part": 1,
            "__formatter": 2,
            "__field_0": 3,
            "__map": 4,
            "__headers": 5,
            "f": 6,
            "self_": 7,
        })
    );
}

// ---------------------------------------------------------------------------------------
// Generics and lifetimes

#[derive(Debug, thiserror::Error, ApiError)]
enum Generic<T: Display + Debug> {
    #[error("bad value {value}")]
    #[status(400)]
    #[api_error(header("X-Value" = "{value}"))]
    Value {
        #[api_error(expose)]
        value: T,
    },

    #[error("debug {0:?}")]
    #[status(422)]
    #[message("Got {0:?}.")]
    Debugged(T),
}

#[test]
fn generic_fields_are_interpolated_and_exposed() {
    let error = Generic::Value { value: 42_u32 };
    assert_eq!(error.to_response().headers()["x-value"], "42");
    assert_eq!(
        value(&error),
        json!({"type": "about:blank", "title": "Bad Request", "status": 400, "detail": "bad value 42", "code": "value", "value": 42})
    );
    let error = Generic::Value {
        value: String::from("text"),
    };
    assert_eq!(value(&error)["value"], "text");
    let error: Generic<&str> = Generic::Debugged("x");
    assert_eq!(value(&error)["detail"], "Got \"x\".");
}

/// Generic parameters in a where clause, a transparent generic and generic violations.
#[derive(Debug, thiserror::Error, ApiError)]
enum Wrapper<E, V>
where
    E: ApiError + 'static,
    V: apifault::Violation + Debug,
{
    #[error(transparent)]
    #[api_error(transparent)]
    Inner(E),

    #[error("invalid")]
    #[status(400)]
    Invalid {
        #[api_error(violations)]
        errors: Vec<V>,
    },
}

#[derive(Debug, thiserror::Error, ApiError)]
#[error("{name} not found")]
#[status(404)]
struct Missing {
    #[api_error(expose)]
    name: &'static str,
}

#[test]
fn generic_transparent_and_violations() {
    let error: Wrapper<Missing, FieldViolation> = Wrapper::Inner(Missing { name: "x" });
    assert_eq!(error.status(), StatusCode::NOT_FOUND);
    assert_eq!(value(&error)["name"], "x");
    let error: Wrapper<Missing, FieldViolation> = Wrapper::Invalid {
        errors: vec![FieldViolation::new(["q"], "bad")],
    };
    assert_eq!(
        value(&error)["errors"],
        json!([{"detail": "bad", "pointer": "#/q"}])
    );
}

/// Const generics.
#[derive(Debug, thiserror::Error, ApiError)]
#[error("{N} problems")]
#[status(400)]
struct Fixed<const N: usize> {
    #[api_error(violations)]
    errors: [FieldViolation; N],
}

#[test]
fn const_generic_violations() {
    let error = Fixed {
        errors: [
            FieldViolation::new(["a"], "x"),
            FieldViolation::new(["b"], "y"),
        ],
    };
    assert_eq!(value(&error)["detail"], "2 problems");
    assert_eq!(error.violations().len(), 2);
}

#[derive(Debug, thiserror::Error, ApiError)]
enum Borrowed<'a, 'b: 'a> {
    #[error("no user {name}")]
    #[status(404)]
    #[api_error(instance = "/users/{name}")]
    NoUser {
        #[api_error(expose)]
        name: &'a str,
        #[api_error(expose)]
        tags: &'b [&'b str],
    },

    #[error(transparent)]
    #[api_error(transparent)]
    Inner(NoName<'b>),
}

#[derive(Debug, thiserror::Error, ApiError)]
#[error("{name} not found")]
#[status(404)]
struct NoName<'a> {
    #[api_error(expose)]
    name: &'a str,
}

#[test]
fn borrowed_fields() {
    let name = String::from("ann");
    let tags = ["a", "b"];
    let error = Borrowed::NoUser {
        name: &name,
        tags: &tags,
    };
    assert_eq!(
        value(&error),
        json!({
            "type": "about:blank",
            "title": "Not Found",
            "status": 404,
            "detail": "no user ann",
            "instance": "/users/ann",
            "code": "no_user",
            "name": "ann",
            "tags": ["a", "b"],
        })
    );
    let error: Borrowed<'_, '_> = Borrowed::Inner(NoName { name: &name });
    assert_eq!(error.code(), "no_name");
    assert_eq!(value(&error)["name"], "ann");
}

// ---------------------------------------------------------------------------------------
// Raw identifiers

#[derive(Debug, thiserror::Error, ApiError)]
#[allow(non_camel_case_types)]
enum Raw {
    #[error("type {type} with {match}")]
    #[status(400)]
    #[message("Type {type}, match {r#match}.")]
    #[api_error(header("X-Type" = "{type}"), instance = "/{r#type}")]
    r#Type {
        #[api_error(expose = "kind")]
        r#type: &'static str,
        #[api_error(expose)]
        r#match: u8,
    },

    #[error("loop")]
    #[status(409)]
    r#loop,
}

#[test]
fn raw_identifiers() {
    let error = Raw::r#Type {
        r#type: "t",
        r#match: 2,
    };
    assert_eq!(error.code(), "type");
    assert_eq!(error.entry().name, "Type");
    assert_eq!(error.entry().members, ["kind", "match"]);
    assert_eq!(error.to_response().headers()["x-type"], "t");
    assert_eq!(
        value(&error),
        json!({
            "type": "about:blank",
            "title": "Bad Request",
            "status": 400,
            "detail": "Type t, match 2.",
            "instance": "/t",
            "code": "type",
            "kind": "t",
            "match": 2,
        })
    );
    assert_eq!(Raw::r#loop.code(), "loop");
    assert_eq!(Raw::r#loop.entry().name, "loop");
}

// ---------------------------------------------------------------------------------------
// macro_rules! input

macro_rules! api_errors {
    (
        $(#[$meta:meta])*
        enum $name:ident {
            $($variant:ident($field:ident: $ty:ty) = $status:literal, $msg:literal, $public:literal;)*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, thiserror::Error, ApiError)]
        #[api_error(rename_all = "kebab-case")]
        enum $name {
            $(
                #[error($msg)]
                #[status($status)]
                #[message($public)]
                #[api_error(header("X-Field" = $public))]
                $variant {
                    #[api_error(expose)]
                    $field: $ty,
                },
            )*
        }
    };
}

api_errors! {
    /// Declared through a macro.
    enum FromMacro {
        NotFound(id: u32) = 404, "no {id}", "Nothing at {id}.";
        Busy(retry: u16) = 503, "busy {retry}", "Retry in {retry} s.";
    }
}

#[test]
fn macro_rules_input() {
    let error = FromMacro::NotFound { id: 4 };
    assert_eq!(error.status(), StatusCode::NOT_FOUND);
    assert_eq!(error.code(), "not-found");
    assert_eq!(error.to_response().headers()["x-field"], "Nothing at 4.");
    assert_eq!(
        value(&error),
        json!({"type": "about:blank", "title": "Not Found", "status": 404, "detail": "Nothing at 4.", "code": "not-found", "id": 4})
    );
    let error = FromMacro::Busy { retry: 5 };
    assert_eq!(error.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(value(&error)["detail"], "Retry in 5 s.");
    assert_eq!(error.to_string(), "busy 5");
}

macro_rules! single_error {
    ($name:ident, $status:literal, $msg:literal) => {
        #[derive(Debug, thiserror::Error, ApiError)]
        #[error($msg)]
        #[status($status)]
        struct $name;
    };
}

single_error!(Teapot, 418, "short and stout");

#[test]
fn macro_rules_struct() {
    assert_eq!(Teapot.status(), StatusCode::IM_A_TEAPOT);
    assert_eq!(Teapot.code(), "teapot");
    assert_eq!(value(&Teapot)["detail"], "short and stout");
}

// ---------------------------------------------------------------------------------------
// `crate = path`

mod reexport {
    pub use apifault;
}

#[derive(Debug, thiserror::Error, reexport::apifault::ApiError)]
#[api_error(crate = reexport::apifault, rename_all = "camelCase")]
enum ThroughReexport {
    #[error("gone {0}")]
    #[status(410)]
    #[api_error(header("X-Id" = "{0}"))]
    GoneAway(#[api_error(expose = "id")] u8),
}

mod nested {
    /// The runtime reached by an absolute path through the re-export.
    #[derive(Debug, thiserror::Error, crate::reexport::apifault::ApiError)]
    #[api_error(crate = crate::reexport::apifault, format = crate::reexport::apifault::Problem)]
    #[error("nested")]
    #[status(400)]
    pub struct Nested;
}

#[test]
fn crate_path_through_a_reexport() {
    let error = ThroughReexport::GoneAway(1);
    assert_eq!(error.code(), "goneAway");
    assert_eq!(error.to_response().headers()["x-id"], "1");
    assert_eq!(value(&error)["id"], 1);
    assert_eq!(nested::Nested.status(), StatusCode::BAD_REQUEST);
    assert_eq!(value(&nested::Nested)["code"], "nested");
}

// ---------------------------------------------------------------------------------------
// Used through traits

#[derive(Debug, thiserror::Error, ApiError)]
enum Layered {
    #[error("io failed")]
    #[status(500)]
    Io(#[source] std::io::Error),

    #[error("missing {0}")]
    #[status(404)]
    Missing(u32),
}

fn describe<E: ApiError>(error: &E) -> (StatusCode, &str, Option<String>) {
    (
        error.status(),
        error.code(),
        error.message().map(|m| m.to_string()),
    )
}

#[test]
fn as_dyn_error_and_generic_api_error() {
    let error: Box<dyn std::error::Error + Send + Sync> =
        Box::new(Layered::Io(std::io::Error::other("disk")));
    assert_eq!(error.to_string(), "io failed");
    assert_eq!(
        error.source().map(ToString::to_string).as_deref(),
        Some("disk")
    );
    let typed = error.downcast_ref::<Layered>().expect("downcasts");
    assert_eq!(
        describe(typed),
        (StatusCode::INTERNAL_SERVER_ERROR, "io", None)
    );

    let error = Layered::Missing(3);
    let as_dyn: &dyn std::error::Error = &error;
    assert_eq!(as_dyn.to_string(), "missing 3");
    assert!(as_dyn.source().is_none());
    assert_eq!(
        describe(&error),
        (
            StatusCode::NOT_FOUND,
            "missing",
            Some("missing 3".to_owned())
        )
    );
}
