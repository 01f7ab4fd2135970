//! What the derive gives each variant kind: status, code, message, title, the catalogue
//! entry, `rename_all` for every serde case name, type/instance/link and enum settings.

use apifault::{ApiError, Part};
use apifault_suite::render::value;
use http::StatusCode;

/// The public message as a `String`, for assertions.
fn message<E: ApiError>(error: &E) -> Option<String> {
    error.message().map(|text| text.to_string())
}

fn part<E: ApiError>(error: &E, text: Option<apifault::Text<'_, E>>) -> Option<String> {
    let _ = error;
    text.map(|text| text.to_string())
}

// ---------------------------------------------------------------------------------------
// Variant kinds

/// Errors of every variant shape.
#[derive(Debug, thiserror::Error, ApiError)]
enum Shapes {
    /// Nothing to say.
    #[error("unit variant")]
    #[status(400)]
    Unit,

    #[error("tuple {0} and {1}")]
    #[status(404)]
    Tuple(u32, &'static str),

    #[error("struct {id}")]
    #[status(409)]
    Struct { id: u64, name: String },

    #[error("unit server error")]
    #[status(500)]
    ServerUnit,

    #[error("tuple server error {0}")]
    #[status(503)]
    ServerTuple(u32),

    #[error("struct server error {id}")]
    #[status(502)]
    ServerStruct { id: u64 },
}

#[test]
fn unit_variant() {
    let error = Shapes::Unit;
    assert_eq!(error.status(), StatusCode::BAD_REQUEST);
    assert_eq!(error.code(), "unit");
    assert_eq!(message(&error).as_deref(), Some("unit variant"));
    assert_eq!(error.title(), None);
}

#[test]
fn tuple_variant() {
    let error = Shapes::Tuple(7, "x");
    assert_eq!(error.status(), StatusCode::NOT_FOUND);
    assert_eq!(error.code(), "tuple");
    assert_eq!(message(&error).as_deref(), Some("tuple 7 and x"));
    assert_eq!(error.title(), None);
}

#[test]
fn struct_variant() {
    let error = Shapes::Struct {
        id: 9,
        name: "n".into(),
    };
    assert_eq!(error.status(), StatusCode::CONFLICT);
    assert_eq!(error.code(), "struct");
    assert_eq!(message(&error).as_deref(), Some("struct 9"));
}

#[test]
fn server_errors_of_every_shape_have_no_message() {
    let errors = [
        Shapes::ServerUnit,
        Shapes::ServerTuple(1),
        Shapes::ServerStruct { id: 2 },
    ];
    let expected = [
        (StatusCode::INTERNAL_SERVER_ERROR, "server_unit"),
        (StatusCode::SERVICE_UNAVAILABLE, "server_tuple"),
        (StatusCode::BAD_GATEWAY, "server_struct"),
    ];
    for (error, (status, code)) in errors.iter().zip(expected) {
        assert_eq!(error.status(), status);
        assert_eq!(error.code(), code);
        assert!(error.message().is_none(), "{code} has a message");
        assert!(!error.has_part(Part::Message));
        assert!(!error.entry().public_message);
    }
}

/// A unit struct.
#[derive(Debug, thiserror::Error, ApiError)]
#[error("nothing here")]
#[status(410)]
struct GoneStruct;

/// A tuple struct.
#[derive(Debug, thiserror::Error, ApiError)]
#[error("order {0} is locked")]
#[status(423)]
#[title("Order locked")]
struct LockedOrder(u64);

/// A named struct.
#[derive(Debug, thiserror::Error, ApiError)]
#[error("user {user_id} is over quota")]
#[status(429)]
#[code("quota.exceeded")]
#[api_error(header("Retry-After" = "60"))]
struct OverQuota {
    user_id: u32,
}

#[test]
fn unit_struct() {
    let error = GoneStruct;
    assert_eq!(error.status(), StatusCode::GONE);
    assert_eq!(error.code(), "gone_struct");
    assert_eq!(message(&error).as_deref(), Some("nothing here"));
    assert_eq!(error.entry().name, "GoneStruct");
    assert_eq!(error.entry().description, "A unit struct.");
}

#[test]
fn tuple_struct() {
    let error = LockedOrder(5);
    assert_eq!(error.status(), StatusCode::LOCKED);
    assert_eq!(error.code(), "locked_order");
    assert_eq!(message(&error).as_deref(), Some("order 5 is locked"));
    assert_eq!(error.title(), Some("Order locked"));
}

#[test]
fn named_struct() {
    let error = OverQuota { user_id: 3 };
    assert_eq!(error.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(error.code(), "quota.exceeded");
    assert_eq!(message(&error).as_deref(), Some("user 3 is over quota"));
    let response = error.to_response();
    assert_eq!(response.headers()["retry-after"], "60");
}

// ---------------------------------------------------------------------------------------
// Statuses

#[derive(Debug, thiserror::Error, ApiError)]
enum Statuses {
    #[error("a")]
    #[status(NOT_FOUND)]
    Named,

    #[error("b")]
    #[status(StatusCode::UNPROCESSABLE_ENTITY)]
    Qualified,

    #[error("c")]
    #[status(490)]
    NonStandard,

    #[error("d")]
    #[status(599)]
    Highest,

    #[error("e")]
    #[status(IM_A_TEAPOT)]
    Teapot,
}

#[test]
fn status_constants_and_numbers() {
    assert_eq!(Statuses::Named.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        Statuses::Qualified.status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(Statuses::NonStandard.status().as_u16(), 490);
    assert_eq!(Statuses::Highest.status().as_u16(), 599);
    assert_eq!(Statuses::Teapot.status(), StatusCode::IM_A_TEAPOT);
    // 599 is a server error: no message.
    assert!(Statuses::Highest.message().is_none());
    assert_eq!(message(&Statuses::NonStandard).as_deref(), Some("c"));
}

#[test]
fn the_entry_status_matches() {
    for error in [
        Statuses::Named,
        Statuses::Qualified,
        Statuses::NonStandard,
        Statuses::Highest,
        Statuses::Teapot,
    ] {
        assert_eq!(error.entry().status, error.status());
        assert_eq!(error.entry().code, error.code());
        assert_eq!(error.to_response().status(), error.status());
    }
}

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(status = 500)]
enum Defaulted {
    #[error("uses the default")]
    Default,

    #[error("overrides it")]
    #[status(404)]
    Override,

    #[error("tuple {0}")]
    DefaultTuple(u8),
}

#[test]
fn enum_level_default_status() {
    assert_eq!(
        Defaulted::Default.status(),
        StatusCode::INTERNAL_SERVER_ERROR
    );
    assert!(Defaulted::Default.message().is_none());
    assert_eq!(
        Defaulted::DefaultTuple(1).status(),
        StatusCode::INTERNAL_SERVER_ERROR
    );
    assert_eq!(Defaulted::Override.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        message(&Defaulted::Override).as_deref(),
        Some("overrides it")
    );
}

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(status = BAD_REQUEST)]
enum DefaultedByName {
    #[error("x")]
    Only,
}

#[test]
fn enum_level_default_status_by_name() {
    assert_eq!(DefaultedByName::Only.status(), StatusCode::BAD_REQUEST);
}

// ---------------------------------------------------------------------------------------
// rename_all

macro_rules! renamed {
    ($name:ident, $rule:literal) => {
        #[derive(Debug, thiserror::Error, ApiError)]
        #[api_error(rename_all = $rule)]
        enum $name {
            #[error("x")]
            #[status(400)]
            NotFound,
            #[error("y")]
            #[status(400)]
            Single,
            #[error("z")]
            #[status(400)]
            #[code("explicit_Code-1.0")]
            Explicit,
        }
    };
}

renamed!(Lower, "lowercase");
renamed!(Upper, "UPPERCASE");
renamed!(Pascal, "PascalCase");
renamed!(Camel, "camelCase");
renamed!(Snake, "snake_case");
renamed!(ScreamingSnake, "SCREAMING_SNAKE_CASE");
renamed!(Kebab, "kebab-case");
renamed!(ScreamingKebab, "SCREAMING-KEBAB-CASE");

#[derive(Debug, thiserror::Error, ApiError)]
enum NoRename {
    #[error("x")]
    #[status(400)]
    NotFound,
    #[error("y")]
    #[status(400)]
    Single,
}

#[test]
fn rename_all_every_serde_case() {
    let cases: [(&str, &str, &str, &str); 8] = [
        (
            "lowercase",
            Lower::NotFound.code(),
            Lower::Single.code(),
            Lower::Explicit.code(),
        ),
        (
            "UPPERCASE",
            Upper::NotFound.code(),
            Upper::Single.code(),
            Upper::Explicit.code(),
        ),
        (
            "PascalCase",
            Pascal::NotFound.code(),
            Pascal::Single.code(),
            Pascal::Explicit.code(),
        ),
        (
            "camelCase",
            Camel::NotFound.code(),
            Camel::Single.code(),
            Camel::Explicit.code(),
        ),
        (
            "snake_case",
            Snake::NotFound.code(),
            Snake::Single.code(),
            Snake::Explicit.code(),
        ),
        (
            "SCREAMING_SNAKE_CASE",
            ScreamingSnake::NotFound.code(),
            ScreamingSnake::Single.code(),
            ScreamingSnake::Explicit.code(),
        ),
        (
            "kebab-case",
            Kebab::NotFound.code(),
            Kebab::Single.code(),
            Kebab::Explicit.code(),
        ),
        (
            "SCREAMING-KEBAB-CASE",
            ScreamingKebab::NotFound.code(),
            ScreamingKebab::Single.code(),
            ScreamingKebab::Explicit.code(),
        ),
    ];
    let expected = [
        ("lowercase", "notfound", "single"),
        ("UPPERCASE", "NOTFOUND", "SINGLE"),
        ("PascalCase", "NotFound", "Single"),
        ("camelCase", "notFound", "single"),
        ("snake_case", "not_found", "single"),
        ("SCREAMING_SNAKE_CASE", "NOT_FOUND", "SINGLE"),
        ("kebab-case", "not-found", "single"),
        ("SCREAMING-KEBAB-CASE", "NOT-FOUND", "SINGLE"),
    ];
    for ((rule, two_words, one_word, explicit), (want_rule, want_two, want_one)) in
        cases.into_iter().zip(expected)
    {
        assert_eq!(rule, want_rule);
        assert_eq!(two_words, want_two, "{rule}");
        assert_eq!(one_word, want_one, "{rule}");
        // An explicit code is never renamed.
        assert_eq!(explicit, "explicit_Code-1.0", "{rule}");
    }
}

#[test]
fn snake_case_is_the_default() {
    assert_eq!(NoRename::NotFound.code(), "not_found");
    assert_eq!(NoRename::Single.code(), "single");
}

#[test]
fn the_code_reaches_the_body_and_entry() {
    assert_eq!(
        value(&Kebab::NotFound)["code"],
        serde_json::json!("not-found")
    );
    assert_eq!(Kebab::NotFound.entry().code, "not-found");
    assert_eq!(Kebab::Explicit.entry().code, "explicit_Code-1.0");
}

// ---------------------------------------------------------------------------------------
// The catalogue entry

#[derive(Debug, thiserror::Error, ApiError)]
enum Documented {
    /// The case does not exist.
    ///
    /// Check the identifier.
    #[error("case {id} not found")]
    #[status(404)]
    NotFound { id: u64 },

    #[error("duplicate")]
    #[status(409)]
    #[title("Already exists")]
    Duplicate {
        #[api_error(expose)]
        name: String,
        secret: String,
        #[api_error(expose = "supportId")]
        support_id: u32,
    },

    /// Hidden from clients.
    #[error("db")]
    #[status(500)]
    Database,

    /// Said in public.
    #[error("db {0}")]
    #[status(503)]
    #[message("Try again later.")]
    Unavailable(u32),

    #[error("tuple")]
    #[status(400)]
    TupleExposed(#[api_error(expose = "first")] u8, u8),
}

#[test]
fn entry_fields() {
    let entry = Documented::NotFound { id: 1 }.entry();
    assert_eq!(entry.name, "NotFound");
    assert_eq!(entry.status, StatusCode::NOT_FOUND);
    assert_eq!(entry.code, "not_found");
    assert_eq!(entry.title, None);
    assert_eq!(
        entry.description,
        "The case does not exist.\n\nCheck the identifier."
    );
    assert!(entry.public_message);
    assert!(entry.members.is_empty());

    let entry = Documented::Duplicate {
        name: String::new(),
        secret: String::new(),
        support_id: 0,
    }
    .entry();
    assert_eq!(entry.name, "Duplicate");
    assert_eq!(entry.title, Some("Already exists"));
    assert_eq!(entry.description, "");
    assert_eq!(entry.members, ["name", "supportId"]);

    let entry = Documented::Database.entry();
    assert_eq!(entry.description, "Hidden from clients.");
    assert!(!entry.public_message);

    let entry = Documented::Unavailable(1).entry();
    assert!(entry.public_message);
    assert_eq!(entry.status, StatusCode::SERVICE_UNAVAILABLE);

    assert_eq!(Documented::TupleExposed(1, 2).entry().members, ["first"]);
}

#[test]
fn the_entry_is_static_and_shared() {
    let a = Documented::NotFound { id: 1 };
    let b = Documented::NotFound { id: 2 };
    assert!(std::ptr::eq(a.entry(), b.entry()));
    assert!(!std::ptr::eq(a.entry(), Documented::Database.entry()));
}

#[test]
fn title_in_body() {
    let error = Documented::Duplicate {
        name: "n".into(),
        secret: "s".into(),
        support_id: 4,
    };
    assert_eq!(error.title(), Some("Already exists"));
    // Without a declared type the body's type is about:blank, whose title is the status
    // phrase (RFC 9457 §4.2.1); the declared title stays in `title()` and the catalogue.
    assert_eq!(value(&error)["type"], "about:blank");
    assert_eq!(value(&error)["title"], "Conflict");
    assert_eq!(value(&Documented::NotFound { id: 1 })["title"], "Not Found");
}

#[test]
fn five_hundreds_with_message() {
    let error = Documented::Unavailable(42);
    assert_eq!(message(&error).as_deref(), Some("Try again later."));
    assert!(error.has_part(Part::Message));
}

// ---------------------------------------------------------------------------------------
// type, instance, link, type_base, code_in_body

#[derive(Debug, thiserror::Error, ApiError)]
enum Links {
    #[error("no case {1}")]
    #[status(404)]
    #[api_error(
        type = "https://errors.example.com/cases/{1}",
        instance = "/cases/{1}/{0:?}",
        link = "https://docs.example.com/{0}"
    )]
    Templated(&'static str, u8),

    #[error("x")]
    #[status(400)]
    #[api_error(
        type = "https://errors.example.com/bad",
        link = "https://docs.example.com/bad"
    )]
    Constant,

    #[error("y")]
    #[status(400)]
    Nothing,
}

#[derive(Debug, thiserror::Error, ApiError)]
enum NamedLinks {
    #[error("no case {id}")]
    #[status(404)]
    #[api_error(
        type = "https://errors.example.com/cases/{id}",
        instance = "/cases/{id}/{kind:?}",
        link = "https://docs.example.com/{{literal}}/{kind}"
    )]
    Templated { id: u32, kind: &'static str },
}

#[test]
fn type_instance_link_interpolated() {
    let error = NamedLinks::Templated {
        id: 7,
        kind: "claim",
    };
    assert_eq!(
        part(&error, error.type_uri()).as_deref(),
        Some("https://errors.example.com/cases/7")
    );
    assert_eq!(
        part(&error, error.instance()).as_deref(),
        Some("/cases/7/\"claim\"")
    );
    assert_eq!(
        part(&error, error.link()).as_deref(),
        Some("https://docs.example.com/{literal}/claim")
    );
    assert!(error.has_part(Part::Type));
    assert!(error.has_part(Part::Instance));
    assert!(error.has_part(Part::Link));
}

#[test]
fn tuple_fields_in_type_and_link() {
    let error = Links::Templated("guide", 3);
    assert_eq!(
        part(&error, error.type_uri()).as_deref(),
        Some("https://errors.example.com/cases/3")
    );
    assert_eq!(
        part(&error, error.instance()).as_deref(),
        Some("/cases/3/\"guide\"")
    );
    assert_eq!(
        part(&error, error.link()).as_deref(),
        Some("https://docs.example.com/guide")
    );
}

#[test]
fn constant_type_and_link() {
    let error = Links::Constant;
    assert_eq!(
        part(&error, error.type_uri()).as_deref(),
        Some("https://errors.example.com/bad")
    );
    assert_eq!(
        part(&error, error.link()).as_deref(),
        Some("https://docs.example.com/bad")
    );
    assert!(error.instance().is_none());
    assert!(!error.has_part(Part::Instance));

    let error = Links::Nothing;
    assert!(error.type_uri().is_none());
    assert!(error.instance().is_none());
    assert!(error.link().is_none());
}

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(
    rename_all = "kebab-case",
    type_base = "https://docs.example.com/errors/"
)]
enum Based {
    #[error("x")]
    #[status(404)]
    NotFound,

    #[error("y")]
    #[status(409)]
    #[code("duplicate-value")]
    Duplicate,

    #[error("z")]
    #[status(400)]
    #[api_error(type = "https://elsewhere.example.com/{code}")]
    Own { code: u8 },
}

#[test]
fn type_base_plus_code() {
    let error = Based::NotFound;
    assert_eq!(
        part(&error, error.type_uri()).as_deref(),
        Some("https://docs.example.com/errors/not-found")
    );
    let error = Based::Duplicate;
    assert_eq!(
        part(&error, error.type_uri()).as_deref(),
        Some("https://docs.example.com/errors/duplicate-value")
    );
    assert_eq!(
        value(&error)["type"],
        "https://docs.example.com/errors/duplicate-value"
    );
    // A variant's own `type` wins over the base.
    let error = Based::Own { code: 5 };
    assert_eq!(
        part(&error, error.type_uri()).as_deref(),
        Some("https://elsewhere.example.com/5")
    );
}

/// A struct with type-level settings.
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(
    rename_all = "SCREAMING_SNAKE_CASE",
    type_base = "urn:problem:",
    code_in_body = false
)]
#[error("too big")]
#[status(413)]
struct UploadTooBig;

#[test]
fn struct_takes_type_level_keys() {
    let error = UploadTooBig;
    assert_eq!(error.code(), "UPLOAD_TOO_BIG");
    assert!(!error.code_in_body());
    assert_eq!(
        part(&error, error.type_uri()).as_deref(),
        Some("urn:problem:UPLOAD_TOO_BIG")
    );
    assert_eq!(
        value(&error),
        serde_json::json!({
            "type": "urn:problem:UPLOAD_TOO_BIG",
            "title": "Content Too Large",
            "status": 413,
            "detail": "too big",
        })
    );
}

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(code_in_body = false)]
enum NoCode {
    #[error("gone")]
    #[status(410)]
    Gone,
}

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(code_in_body = true)]
enum WithCode {
    #[error("gone")]
    #[status(410)]
    Gone,
}

#[test]
fn code_in_body_setting() {
    assert!(!NoCode::Gone.code_in_body());
    assert_eq!(NoCode::Gone.code(), "gone");
    assert_eq!(
        value(&NoCode::Gone),
        serde_json::json!({"type": "about:blank", "title": "Gone", "status": 410, "detail": "gone"})
    );
    assert!(WithCode::Gone.code_in_body());
    assert_eq!(
        value(&WithCode::Gone),
        serde_json::json!({"type": "about:blank", "title": "Gone", "status": 410, "detail": "gone", "code": "gone"})
    );
}

#[test]
fn response_status_and_content_type() {
    let response = Shapes::Tuple(1, "a").to_response();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        response.headers()[http::header::CONTENT_TYPE],
        "application/problem+json"
    );
    assert_eq!(response.headers().len(), 1);
}

// ---------------------------------------------------------------------------------------
// Transparent structs and empty enums

/// A newtype that is the inner error in all but name.
#[derive(Debug, thiserror::Error, ApiError)]
#[error(transparent)]
#[api_error(transparent)]
struct Newtype(Documented);

#[test]
fn transparent_struct_delegates() {
    let error = Newtype(Documented::NotFound { id: 3 });
    assert_eq!(error.status(), StatusCode::NOT_FOUND);
    assert_eq!(error.code(), "not_found");
    assert_eq!(error.entry().name, "NotFound");
    assert_eq!(message(&error).as_deref(), Some("case 3 not found"));
    assert_eq!(
        value(&error),
        serde_json::json!({"type": "about:blank", "title": "Not Found", "status": 404, "detail": "case 3 not found", "code": "not_found"})
    );
    let error = Newtype(Documented::Duplicate {
        name: "n".into(),
        secret: "s".into(),
        support_id: 1,
    });
    assert_eq!(value(&error)["supportId"], 1);
}

/// An error type with no variants yet (a placeholder, or a generic parameter's default).
#[derive(Debug, thiserror::Error, ApiError)]
enum Never {}

#[test]
fn empty_enum_derives() {
    fn assert_api_error<E: ApiError>() {}
    assert_api_error::<Never>();
}

// ---------------------------------------------------------------------------------------
// A house format that shares a built-in's name

/// A house format called `Problem`, in a module of its own: what it reserves is its own
/// `RESERVED_MEMBERS`, not the built-in `Problem`'s list.
mod house {
    use apifault::{ApiError, Context, Format, RenderError};
    use serde::ser::{SerializeMap as _, Serializer as _};

    /// `{"message": …, exposed members…}`.
    pub struct Problem;

    impl Format for Problem {
        const CONTENT_TYPE: &'static str = "application/json";
        const RESERVED_MEMBERS: &'static [&'static str] = &["message"];

        fn write_body<E: ApiError>(
            error: &E,
            _: &Context<'_>,
            out: &mut Vec<u8>,
        ) -> Result<(), RenderError> {
            let mut serializer = serde_json::Serializer::new(out);
            let mut map = serializer.serialize_map(None)?;
            map.serialize_entry("message", &error.message().map(|m| m.to_string()))?;
            error.serialize_members(&mut map, Self::RESERVED_MEMBERS)?;
            map.end()?;
            Ok(())
        }
    }
}

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = house::Problem)]
enum HouseNamedProblem {
    #[error("out of stock")]
    #[status(409)]
    OutOfStock {
        // `detail` is reserved by RFC 9457's `Problem`, not by this one.
        #[api_error(expose)]
        detail: String,
    },
}

#[test]
fn a_house_format_named_like_a_built_in_reserves_its_own_members() {
    let error = HouseNamedProblem::OutOfStock {
        detail: "sku 7".into(),
    };
    assert_eq!(
        value(&error),
        serde_json::json!({"message": "out of stock", "detail": "sku 7"})
    );
}

// ---------------------------------------------------------------------------------------
// The parts a variant carries, as its catalogue entry records them

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(type_base = "https://docs.example.com/errors/")]
enum EveryPart {
    #[error("all of them")]
    #[status(422)]
    #[api_error(
        instance = "/things/{id}",
        link = "https://docs.example.com/things",
        id = "{id}",
        source(pointer = "/data/{id}")
    )]
    Pointer { id: u32 },

    #[error("a parameter")]
    #[status(400)]
    #[api_error(source(parameter = "sort"))]
    Parameter,

    #[error("a header")]
    #[status(412)]
    #[api_error(source(header = "If-Match"))]
    Header,

    #[error("nothing public")]
    #[status(500)]
    Internal,
}

const PARTS: [Part; 8] = [
    Part::Message,
    Part::Type,
    Part::Instance,
    Part::Link,
    Part::Id,
    Part::SourcePointer,
    Part::SourceParameter,
    Part::SourceHeader,
];

/// What `fmt_part` writes for a part, called directly: `Text::of` asks `has_part` first,
/// so it cannot show a part written but not recorded, or recorded but written empty.
struct Written<'a, E>(&'a E, Part);

impl<E: ApiError> std::fmt::Display for Written<'_, E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt_part(self.1, f)
    }
}

/// The parts `error` carries, after checking that `has_part`, its catalogue entry and
/// what `fmt_part` writes agree on each: a carried part writes a non-empty text (the same
/// through `Text`), any other part writes nothing.
fn carried<E: ApiError + std::fmt::Debug>(error: &E) -> Vec<Part> {
    PARTS
        .into_iter()
        .filter(|&part| {
            let written = Written(error, part).to_string();
            assert_eq!(
                error.has_part(part),
                error.entry().has_part(part),
                "{error:?} {part:?}"
            );
            assert_eq!(
                !written.is_empty(),
                error.has_part(part),
                "{error:?} {part:?} writes {written:?}"
            );
            assert_eq!(
                apifault::Text::of(error, part).map(|text| text.to_string()),
                error.has_part(part).then(|| written.clone()),
                "{error:?} {part:?}"
            );
            error.has_part(part)
        })
        .collect()
}

#[test]
fn the_entry_records_exactly_the_parts_a_variant_writes() {
    assert_eq!(
        carried(&EveryPart::Pointer { id: 7 }),
        [
            Part::Message,
            Part::Type,
            Part::Instance,
            Part::Link,
            Part::Id,
            Part::SourcePointer
        ]
    );
    assert_eq!(
        carried(&EveryPart::Parameter),
        [Part::Message, Part::Type, Part::SourceParameter]
    );
    assert_eq!(
        carried(&EveryPart::Header),
        [Part::Message, Part::Type, Part::SourceHeader]
    );
    // A 5xx without `#[message]` carries no message; its type comes from `type_base`.
    assert_eq!(carried(&EveryPart::Internal), [Part::Type]);
}
