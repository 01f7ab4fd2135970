//! The derive never panics: fed every attribute form in odd places (attributes on
//! fields that take none, empty parentheses, nested lists, non-string literals, broken
//! templates, very long enums), it answers with `compile_error!`s. The expansion runs
//! in-process on `proc_macro2`'s fallback tokens, each call inside `catch_unwind`.

use std::fmt::Write as _;
use std::panic::{AssertUnwindSafe, catch_unwind};

use syn::DeriveInput;

/// Malformed inputs, each of which must give at least one compile error.
const MALFORMED: &[(&str, &str)] = &[
    // Attributes on fields, which take only `expose` and `violations`.
    (
        "status on a field",
        "enum E { #[status(404)] A { #[status(404)] f: u8 } }",
    ),
    (
        "code on a field",
        r#"enum E { #[status(404)] A { #[code("x")] f: u8 } }"#,
    ),
    (
        "message on a field",
        r#"enum E { #[status(404)] A(#[message("m")] u8) }"#,
    ),
    (
        "title on a field",
        r#"enum E { #[status(404)] A(#[title("t")] u8) }"#,
    ),
    (
        "transparent on a field",
        "enum E { #[status(404)] A(#[api_error(transparent)] u8) }",
    ),
    (
        "rename_all on a field",
        r#"enum E { #[status(404)] A(#[api_error(rename_all = "snake_case")] u8) }"#,
    ),
    (
        "header on a field",
        r#"enum E { #[status(404)] A(#[api_error(header("A" = "b"))] u8) }"#,
    ),
    (
        "status key on a field",
        "enum E { #[status(404)] A(#[api_error(status = 500)] u8) }",
    ),
    // Attributes at the wrong level.
    (
        "status on an enum",
        "#[status(404)] enum E { #[status(404)] A }",
    ),
    (
        "message on an enum",
        r#"#[message("m")] enum E { #[status(404)] A }"#,
    ),
    (
        "expose on a variant",
        "enum E { #[status(404)] #[api_error(expose)] A }",
    ),
    (
        "violations on an enum",
        "#[api_error(violations)] enum E { #[status(404)] A }",
    ),
    (
        "default status on a struct",
        "#[api_error(status = 500)] struct S;",
    ),
    // Empty parentheses and missing arguments.
    ("empty status", "enum E { #[status()] A }"),
    ("empty code", "enum E { #[status(404)] #[code()] A }"),
    ("empty message", "enum E { #[status(404)] #[message()] A }"),
    (
        "empty api_error on a variant",
        "enum E { #[status(404)] #[api_error()] A }",
    ),
    (
        "empty api_error on a field",
        "enum E { #[status(404)] A(#[api_error()] u8) }",
    ),
    (
        "empty header",
        "enum E { #[status(404)] #[api_error(header())] A }",
    ),
    (
        "empty source",
        "enum E { #[status(404)] #[api_error(source())] A }",
    ),
    ("bare status", "enum E { #[status] A }"),
    ("bare api_error", "enum E { #[status(404)] #[api_error] A }"),
    (
        "name-value code",
        r#"enum E { #[status(404)] #[code = "x"] A }"#,
    ),
    ("lone comma", "enum E { #[status(404)] #[api_error(,)] A }"),
    // Nested lists where a flag or a value goes.
    (
        "nested expose",
        "enum E { #[status(404)] A(#[api_error(expose(name))] u8) }",
    ),
    (
        "nested transparent",
        "enum E { #[api_error(transparent(yes))] A(u8) }",
    ),
    (
        "nested source member",
        r#"enum E { #[status(404)] #[api_error(source(pointer(x = "/a")))] A }"#,
    ),
    (
        "two headers in one",
        r#"enum E { #[status(404)] #[api_error(header("A" = "b", "C" = "d"))] A }"#,
    ),
    ("nested status", "enum E { #[status(404(1))] A }"),
    (
        "nested rename_all",
        "#[api_error(rename_all(kebab))] enum E { #[status(404)] A }",
    ),
    (
        "path as a key",
        "enum E { #[status(404)] #[api_error(a::b)] A }",
    ),
    ("two statuses in one", "enum E { #[status(404, 500)] A }"),
    // Non-string literals and other wrong types.
    ("number as code", "enum E { #[status(404)] #[code(42)] A }"),
    (
        "bytes as message",
        r#"enum E { #[status(404)] #[message(b"bytes")] A }"#,
    ),
    ("char as title", "enum E { #[status(404)] #[title('t')] A }"),
    (
        "C string as message",
        r#"enum E { #[status(404)] #[message(c"cstr")] A }"#,
    ),
    ("quoted status", r#"enum E { #[status("404")] A }"#),
    ("float status", "enum E { #[status(404.0)] A }"),
    (
        "huge status",
        "enum E { #[status(99999999999999999999999)] A }",
    ),
    ("negative status", "enum E { #[status(-404)] A }"),
    (
        "number as type",
        "enum E { #[status(404)] #[api_error(type = 5)] A }",
    ),
    (
        "code_in_body on a field",
        "enum E { #[status(404)] A(#[api_error(code_in_body = false)] u8) }",
    ),
    (
        "code_in_body twice on a variant",
        "enum E { #[status(404)] #[api_error(code_in_body = false, code_in_body = true)] A }",
    ),
    (
        "bare code_in_body on a variant",
        "enum E { #[status(404)] #[api_error(code_in_body)] A }",
    ),
    (
        "code_in_body on a transparent variant",
        "enum E { #[api_error(transparent, code_in_body = false)] A(u8) }",
    ),
    (
        "no_message on a field",
        "enum E { #[status(404)] A(#[api_error(no_message)] u8) }",
    ),
    (
        "no_message twice",
        "enum E { #[status(404)] #[api_error(no_message, no_message)] A }",
    ),
    (
        "no_message with a value",
        "enum E { #[status(404)] #[api_error(no_message = true)] A }",
    ),
    (
        "no_message with arguments",
        "enum E { #[status(404)] #[api_error(no_message())] A }",
    ),
    (
        "no_message beside a message",
        r#"enum E { #[status(404)] #[message("m")] #[api_error(no_message)] A }"#,
    ),
    (
        "no_message on a transparent variant",
        "enum E { #[api_error(transparent, no_message)] A(u8) }",
    ),
    (
        "no_message beside a message on a struct",
        r#"#[api_error(no_message)] #[message("m")] #[status(404)] struct S;"#,
    ),
    (
        "empty omit_header",
        "enum E { #[status(401)] #[api_error(omit_header())] A }",
    ),
    (
        "bare omit_header",
        "enum E { #[status(401)] #[api_error(omit_header)] A }",
    ),
    (
        "omit_header with a value",
        r#"enum E { #[status(401)] #[api_error(omit_header = "Allow")] A }"#,
    ),
    (
        "omit_header of a number",
        "enum E { #[status(401)] #[api_error(omit_header(401))] A }",
    ),
    (
        "omit_header of a name = value",
        r#"enum E { #[status(401)] #[api_error(omit_header("Allow" = "GET"))] A }"#,
    ),
    (
        "omit_header on a field",
        r#"enum E { #[status(401)] A(#[api_error(omit_header("WWW-Authenticate"))] u8) }"#,
    ),
    (
        "omit_header on a transparent variant",
        r#"enum E { #[api_error(transparent, omit_header("WWW-Authenticate"))] A(u8) }"#,
    ),
    (
        "omit_header of a header the status does not mandate",
        r#"enum E { #[status(405)] #[api_error(omit_header("WWW-Authenticate"))] A }"#,
    ),
    (
        "omit_header on a variant without a status",
        r#"enum E { #[api_error(omit_header("Allow"))] A }"#,
    ),
    (
        "omit_header on the enum of a header no status mandates",
        r#"#[api_error(omit_header("X-Nope"))] enum E { #[status(404)] A }"#,
    ),
    (
        "omit_header and header of one name on the enum",
        r#"#[api_error(header("Allow" = "GET"), omit_header("allow"))] enum E { #[status(405)] A }"#,
    ),
    (
        "omit_header and header of one name on a struct",
        r#"#[api_error(header("Allow" = "GET"), omit_header("Allow"))] #[status(405)] struct S;"#,
    ),
    (
        "blank mandated header",
        r#"enum E { #[status(401)] #[api_error(header("WWW-Authenticate" = "  "))] A }"#,
    ),
    (
        "blank mandated header on the enum",
        r#"#[api_error(header("Allow" = ""))] enum E { #[status(405)] A }"#,
    ),
    (
        "content type header",
        r#"enum E { #[status(404)] #[api_error(header("content-type" = "text/plain"))] A }"#,
    ),
    (
        "content type header on the enum",
        r#"#[api_error(header("Content-Type" = "text/plain"))] enum E { #[status(404)] A }"#,
    ),
    (
        "interpolating header on the enum",
        r#"#[api_error(header("X-A" = "{0}"))] enum E { #[status(404)] A(u8) }"#,
    ),
    (
        "invalid header name on the enum",
        r#"#[api_error(header("Bad Name" = "1"))] enum E { #[status(404)] A }"#,
    ),
    (
        "empty header on the enum",
        "#[api_error(header())] enum E { #[status(404)] A }",
    ),
    (
        "shared code with a value",
        r#"enum E { #[status(400)] #[code("x", shared = true)] A }"#,
    ),
    (
        "shared code option misspelt",
        r#"enum E { #[status(400)] #[code("x", share)] A }"#,
    ),
    (
        "shared code option a literal",
        r#"enum E { #[status(400)] #[code("x", 5)] A }"#,
    ),
    (
        "shared without a code",
        "enum E { #[status(400)] #[code(shared)] A }",
    ),
    (
        "code with a trailing comma",
        r#"enum E { #[status(400)] #[code("x",)] A }"#,
    ),
    (
        "shared twice",
        r#"enum E { #[status(400)] #[code("x", shared, shared)] A }"#,
    ),
    (
        "shared code on a field",
        r#"enum E { #[status(400)] A(#[code("x", shared)] u8) }"#,
    ),
    (
        "shared code given twice on a variant",
        r#"enum E { #[status(400)] #[code("x", shared)] #[code("y", shared)] A }"#,
    ),
    (
        "shared code with statuses that disagree",
        r#"enum E { #[status(400)] #[code("x", shared)] A, #[status(422)] #[code("x", shared)] B }"#,
    ),
    (
        "shared code with a default status that disagrees",
        r#"#[api_error(status = 500)] enum E { #[code("x", shared)] A, #[status(422)] #[code("x", shared)] B }"#,
    ),
    (
        "code shared by one side only",
        r#"enum E { #[status(400)] #[code("x")] A, #[status(400)] #[code("x", shared)] B }"#,
    ),
    (
        "shared code repeating a derived one",
        r#"enum E { #[status(400)] X, #[status(400)] #[code("x", shared)] B }"#,
    ),
    (
        "transparent Option",
        "enum E { #[api_error(transparent)] A(Option<X>) }",
    ),
    (
        "transparent boxed Option",
        "enum E { #[api_error(transparent)] A(Box<std::option::Option<X>>) }",
    ),
    (
        "transparent override to 405",
        "enum E { #[api_error(transparent)] #[status(405)] A(X) }",
    ),
    (
        "transparent overriding with an invalid code",
        r#"enum E { #[api_error(transparent)] #[code("a b")] A(X) }"#,
    ),
    (
        "transparent overriding with a duplicate code",
        r#"enum E { #[status(404)] B, #[api_error(transparent)] #[code("b")] A(X) }"#,
    ),
    (
        "inner_format without transparent",
        "enum E { #[status(404)] #[api_error(inner_format)] A(X) }",
    ),
    (
        "inner_format with a format of the variant's own",
        "enum E { #[api_error(transparent, inner_format, format = JsonApi)] A(X) }",
    ),
    (
        "inner_format with a status override",
        "enum E { #[api_error(transparent, inner_format)] #[status(404)] A(X) }",
    ),
    (
        "inner_format with a code override",
        r#"enum E { #[api_error(transparent, inner_format)] #[code("x")] A(X) }"#,
    ),
    (
        "inner_format with a value",
        "enum E { #[api_error(transparent, inner_format = true)] A(X) }",
    ),
    (
        "inner_format twice",
        "enum E { #[api_error(transparent, inner_format, inner_format)] A(X) }",
    ),
    (
        "inner_format on a field",
        "enum E { #[api_error(transparent)] A(#[api_error(inner_format)] X) }",
    ),
    (
        "inner_format on the enum",
        "#[api_error(inner_format)] enum E { #[api_error(transparent)] A(X) }",
    ),
    // gRPC: the code, the status map, the domain, the reason check.
    (
        "grpc_code on an enum",
        "#[api_error(grpc_code = ABORTED)] enum E { #[status(409)] A }",
    ),
    (
        "grpc_code on a field",
        "enum E { #[status(409)] A(#[api_error(grpc_code = ABORTED)] u8) }",
    ),
    (
        "grpc_code empty",
        "enum E { #[status(409)] #[api_error(grpc_code)] A }",
    ),
    (
        "grpc_code empty parentheses",
        "enum E { #[status(409)] #[api_error(grpc_code())] A }",
    ),
    (
        "grpc_code OK",
        "enum E { #[status(409)] #[api_error(grpc_code = OK)] A }",
    ),
    (
        "grpc_code lowercase",
        r#"enum E { #[status(409)] #[api_error(grpc_code = "aborted")] A }"#,
    ),
    (
        "grpc_code a number",
        "enum E { #[status(409)] #[api_error(grpc_code = 10)] A }",
    ),
    (
        "grpc_code twice",
        "enum E { #[status(409)] #[api_error(grpc_code = ABORTED, grpc_code = ABORTED)] A }",
    ),
    (
        "grpc_code on a transparent variant",
        "enum E { #[error(transparent)] #[api_error(transparent, grpc_code = ABORTED)] A(Inner) }",
    ),
    (
        "grpc_codes on a variant",
        "enum E { #[status(409)] #[api_error(grpc_codes(409 = ABORTED))] A }",
    ),
    (
        "grpc_codes empty",
        "#[api_error(grpc_codes())] enum E { #[status(409)] A }",
    ),
    (
        "grpc_codes without a list",
        "#[api_error(grpc_codes)] enum E { #[status(409)] A }",
    ),
    (
        "grpc_codes without a code",
        "#[api_error(grpc_codes(409 =))] enum E { #[status(409)] A }",
    ),
    (
        "grpc_codes nested",
        "#[api_error(grpc_codes((409 = ABORTED)))] enum E { #[status(409)] A }",
    ),
    (
        "grpc_codes repeating a status",
        "#[api_error(grpc_codes(409 = ABORTED, 409 = ALREADY_EXISTS))] enum E { #[status(409)] A }",
    ),
    (
        "grpc_codes of a success status",
        "#[api_error(grpc_codes(200 = ABORTED))] enum E { #[status(409)] A }",
    ),
    (
        "grpc_domain empty",
        "#[api_error(grpc_domain)] enum E { #[status(409)] A }",
    ),
    (
        "grpc_domain a path",
        "#[api_error(grpc_domain = example)] enum E { #[status(409)] A }",
    ),
    (
        "grpc_domain on a variant",
        r#"enum E { #[status(409)] #[api_error(grpc_domain = "x.com")] A }"#,
    ),
    (
        "grpc_domain with an unconvertible code",
        r#"#[api_error(grpc_domain = "x.com")] enum E { #[status(409)] #[code("9-")] A }"#,
    ),
    (
        "grpc_domain with an unconvertible listed code",
        r#"#[api_error(grpc_domain = "x.com")] enum E { #[status(409)] #[api_error(codes("1"))] A(#[api_error(code)] String) }"#,
    ),
    (
        "code_header empty",
        "#[api_error(code_header)] enum E { #[status(409)] A }",
    ),
    (
        "code_header an empty string",
        r#"#[api_error(code_header = "")] enum E { #[status(409)] A }"#,
    ),
    (
        "code_header a path",
        "#[api_error(code_header = x_error_code)] enum E { #[status(409)] A }",
    ),
    (
        "code_header repeated",
        r#"#[api_error(code_header = "x-a", code_header = "x-b")] enum E { #[status(409)] A }"#,
    ),
    (
        "code_header on a variant",
        r#"enum E { #[status(409)] #[api_error(code_header = "x-a")] A }"#,
    ),
    (
        "code_header on a field",
        r#"enum E { #[status(409)] A(#[api_error(code_header = "x-a")] u8) }"#,
    ),
    (
        "code_header with a space",
        r#"#[api_error(code_header = "x error")] enum E { #[status(409)] A }"#,
    ),
    (
        "code_header a list",
        r#"#[api_error(code_header("x-a"))] enum E { #[status(409)] A }"#,
    ),
    (
        "negotiate on a variant",
        "enum E { #[status(404)] #[api_error(negotiate(Problem, Boom))] A }",
    ),
    (
        "negotiate on a field",
        "enum E { #[status(404)] A(#[api_error(negotiate(Problem, Boom))] u8) }",
    ),
    (
        "negotiate empty",
        "#[api_error(negotiate())] enum E { #[status(404)] A }",
    ),
    (
        "negotiate without a list",
        "#[api_error(negotiate)] enum E { #[status(404)] A }",
    ),
    (
        "negotiate with a value",
        "#[api_error(negotiate = Problem)] enum E { #[status(404)] A }",
    ),
    (
        "negotiate of one format",
        "#[api_error(negotiate(Boom))] enum E { #[status(404)] A }",
    ),
    (
        "negotiate of the default alone",
        "#[api_error(format = Boom, negotiate(apifault::Boom))] enum E { #[status(404)] A }",
    ),
    (
        "negotiate repeating a format",
        "#[api_error(negotiate(Problem, Boom, ::apifault::Boom))] enum E { #[status(404)] A }",
    ),
    (
        "negotiate twice",
        "#[api_error(negotiate(Problem, Boom), negotiate(Problem, Boom))] enum E { #[status(404)] A }",
    ),
    (
        "negotiate of a string",
        r#"#[api_error(negotiate("Problem", Boom))] enum E { #[status(404)] A }"#,
    ),
    (
        "negotiate of nine formats",
        "#[api_error(negotiate(A, B, C, D, E, F, G, H, I))] enum E { #[status(404)] A }",
    ),
    (
        "negotiate of a nested list",
        "#[api_error(negotiate((Problem, Boom)))] enum E { #[status(404)] A }",
    ),
    (
        "log on a field",
        r#"enum E { #[status(404)] A(#[api_error(log = "info")] u8) }"#,
    ),
    (
        "log with an unknown level",
        r#"enum E { #[status(404)] #[api_error(log = "inf")] A }"#,
    ),
    (
        "log with an empty level",
        r#"#[api_error(log = "")] enum E { #[status(404)] A }"#,
    ),
    (
        "log off as a string",
        r#"enum E { #[status(404)] #[api_error(log = "off")] A }"#,
    ),
    (
        "log as a number",
        "enum E { #[status(404)] #[api_error(log = 3)] A }",
    ),
    (
        "log as a level path",
        "enum E { #[status(404)] #[api_error(log = Level::INFO)] A }",
    ),
    (
        "log in parentheses",
        r#"enum E { #[status(404)] #[api_error(log("info"))] A }"#,
    ),
    (
        "log twice on a variant",
        r#"enum E { #[status(404)] #[api_error(log = false, log = "info")] A }"#,
    ),
    (
        "framework_impls on a field",
        "enum E { #[status(404)] A(#[api_error(framework_impls = false)] u8) }",
    ),
    (
        "log without a value",
        "#[api_error(log)] enum E { #[status(404)] A }",
    ),
    (
        "framework_impls twice",
        "#[api_error(framework_impls = false, framework_impls = true)] enum E { #[status(404)] A }",
    ),
    (
        "wrapper on an enum",
        "#[api_error(wrapper)] enum E { #[status(500)] A(X) }",
    ),
    (
        "wrapper on a variant",
        "enum E { #[status(500)] #[api_error(wrapper)] A(X) }",
    ),
    (
        "wrapper on a field",
        "#[status(500)] struct S(#[api_error(wrapper)] X);",
    ),
    (
        "wrapper on a unit struct",
        "#[api_error(wrapper)] #[status(500)] struct S;",
    ),
    (
        "wrapper with two fields",
        "#[api_error(wrapper)] #[status(500)] struct S(X, Y);",
    ),
    (
        "wrapper with a 4xx",
        "#[api_error(wrapper)] #[status(404)] struct S(X);",
    ),
    (
        "wrapper without a status",
        "#[api_error(wrapper)] struct S(X);",
    ),
    (
        "wrapper with a value",
        "#[api_error(wrapper = true)] #[status(500)] struct S(X);",
    ),
    (
        "wrapper with empty parentheses",
        "#[api_error(wrapper())] #[status(500)] struct S(X);",
    ),
    (
        "wrapper with an empty find",
        "#[api_error(wrapper(find()))] #[status(500)] struct S(X);",
    ),
    (
        "wrapper with find not a list",
        "#[api_error(wrapper(find = A))] #[status(500)] struct S(X);",
    ),
    (
        "wrapper with find twice",
        "#[api_error(wrapper(find(A), find(B)))] #[status(500)] struct S(X);",
    ),
    (
        "wrapper with a literal in find",
        r#"#[api_error(wrapper(find("A")))] #[status(500)] struct S(X);"#,
    ),
    (
        "wrapper twice",
        "#[api_error(wrapper, wrapper(find(A)))] #[status(500)] struct S(X);",
    ),
    (
        "wrapper with generics",
        "#[api_error(wrapper)] #[status(500)] struct S<T>(T);",
    ),
    (
        "wrapper and transparent",
        "#[api_error(wrapper, transparent)] #[status(500)] struct S(X);",
    ),
    (
        "framework_impls as a list",
        "#[api_error(framework_impls(axum))] enum E { #[status(404)] A }",
    ),
    (
        "quoted code_in_body",
        r#"#[api_error(code_in_body = "false")] enum E { #[status(404)] A }"#,
    ),
    (
        "number as exposed name",
        "enum E { #[status(404)] A { #[api_error(expose = 1)] f: u8 } }",
    ),
    (
        "number as format",
        "#[api_error(format = 5)] enum E { #[status(404)] A }",
    ),
    (
        "bad crate path",
        r#"#[api_error(crate = "not a path!")] enum E { #[status(404)] A }"#,
    ),
    (
        "bool as id",
        "enum E { #[status(404)] #[api_error(id = true)] A }",
    ),
    // Broken templates.
    (
        "open brace",
        r#"enum E { #[status(404)] #[message("{")] A }"#,
    ),
    (
        "close brace",
        r#"enum E { #[status(404)] #[message("}")] A }"#,
    ),
    (
        "empty braces",
        r#"enum E { #[status(404)] #[message("{}")] A { f: u8 } }"#,
    ),
    (
        "unknown field",
        r#"enum E { #[status(404)] #[message("{nope}")] A { f: u8 } }"#,
    ),
    (
        "index out of range",
        r#"enum E { #[status(404)] #[message("{3}")] A(u8) }"#,
    ),
    // Nested fields and extra arguments.
    (
        "nested path ending in a dot",
        r#"enum E { #[status(404)] #[message("{0.}")] A((u8, u8)) }"#,
    ),
    (
        "nested path starting with a dot",
        r#"enum E { #[status(404)] #[message("{.f}")] A { f: u8 } }"#,
    ),
    (
        "nested path with an empty segment",
        r#"enum E { #[status(404)] #[message("{f..len}")] A { f: u8 } }"#,
    ),
    (
        "nested path through self",
        r#"enum E { #[status(404)] #[message("{f.self}")] A { f: u8 } }"#,
    ),
    (
        "nested path through an underscore",
        r#"enum E { #[status(404)] #[message("{f._}")] A { f: u8 } }"#,
    ),
    (
        "unknown nested root",
        r#"enum E { #[status(404)] #[message("{g.len}")] A { f: u8 } }"#,
    ),
    (
        "members of code",
        r#"enum E { #[status(404)] #[message("{code.len}")] A }"#,
    ),
    (
        "members of an argument",
        r#"enum E { #[status(404)] #[message("{n.x}", n = .f)] A { f: u8 } }"#,
    ),
    (
        "argument of an unknown field",
        r#"enum E { #[status(404)] #[message("{}", .g.len())] A { f: u8 } }"#,
    ),
    (
        "argument never used",
        r#"enum E { #[status(404)] #[message("m", .f)] A { f: u8 } }"#,
    ),
    (
        "a lone dot as argument",
        r#"enum E { #[status(404)] #[message("m", .)] A { f: u8 } }"#,
    ),
    (
        "named argument without a value",
        r#"enum E { #[status(404)] #[message("{n}", n = )] A { f: u8 } }"#,
    ),
    (
        "empty argument between commas",
        r#"enum E { #[status(404)] #[message("{}", , .f)] A { f: u8 } }"#,
    ),
    (
        "too few arguments",
        r#"enum E { #[status(404)] #[message("{} {}", .f)] A { f: u8 } }"#,
    ),
    (
        "bare field as argument",
        r#"enum E { #[status(404)] #[message("{}", f)] A { f: u8 } }"#,
    ),
    (
        "numbered argument out of range",
        r#"enum E { #[status(404)] #[message("{1}", .0)] A(u8) }"#,
    ),
    (
        "empty type parentheses",
        "enum E { #[status(404)] #[api_error(type())] A }",
    ),
    (
        "type parentheses without a string",
        "enum E { #[status(404)] #[api_error(type(1, .f))] A { f: u8 } }",
    ),
    (
        "instance parentheses with two strings",
        r#"enum E { #[status(404)] #[api_error(instance("a" "b"))] A }"#,
    ),
    (
        "link argument of an unknown field",
        r#"enum E { #[status(404)] #[api_error(link("{}", .g))] A { f: u8 } }"#,
    ),
    (
        "id argument never used",
        r#"enum E { #[status(404)] #[api_error(id("x", .f))] A { f: u8 } }"#,
    ),
    (
        "pointer argument of an unknown field",
        r#"enum E { #[status(404)] #[api_error(source(pointer("/{}", .g)))] A { f: u8 } }"#,
    ),
    (
        "header argument then another header",
        r#"enum E { #[status(404)] #[api_error(header("A" = "{}", .f, "B" = "2"))] A { f: u8 } }"#,
    ),
    (
        "enum header argument reading a field",
        r#"#[api_error(header("A" = "{}", .f))] enum E { #[status(404)] A { f: u8 } }"#,
    ),
    (
        "enum header naming a field",
        r#"#[api_error(header("A" = "{f}"))] enum E { #[status(404)] A { f: u8 } }"#,
    ),
    (
        "dollar width",
        r#"enum E { #[status(404)] #[message("{0:1$}")] A(u8, usize) }"#,
    ),
    (
        "space in name",
        r#"enum E { #[status(404)] #[message("{a b}")] A { a: u8 } }"#,
    ),
    (
        "unicode digit name",
        r#"enum E { #[status(404)] #[message("{٣}")] A { f: u8 } }"#,
    ),
    (
        "superscript name",
        r#"enum E { #[status(404)] #[message("{x²}")] A { x: u8 } }"#,
    ),
    (
        "template in header name",
        r#"enum E { #[status(404)] #[api_error(header("{f}" = "1"))] A { f: u8 } }"#,
    ),
    (
        "CR LF in header value",
        r#"enum E { #[status(404)] #[api_error(header("A" = "x\r\ny"))] A }"#,
    ),
    (
        "bad header name",
        r#"enum E { #[status(404)] #[api_error(header("Bad Name" = "1"))] A }"#,
    ),
    // Rules across attributes.
    ("union", "union U { a: u8 }"),
    ("missing status", "enum E { A }"),
    ("status 200", "enum E { #[status(200)] A }"),
    ("status 600", "enum E { #[status(600)] A }"),
    ("unknown status name", "enum E { #[status(NOT_FUND)] A }"),
    ("transparent unit", "enum E { #[api_error(transparent)] A }"),
    (
        "transparent two fields",
        "enum E { #[api_error(transparent)] A(u8, u8) }",
    ),
    (
        "duplicate code",
        r#"enum E { #[status(404)] #[code("x")] A, #[status(404)] #[code("x")] B }"#,
    ),
    (
        "bad rename_all",
        r#"#[api_error(rename_all = "kebab")] enum E { #[status(404)] A }"#,
    ),
    ("non-ASCII code", "enum E { #[status(404)] Ünïcödé }"),
    (
        "empty code string",
        r#"enum E { #[status(404)] #[code("")] A }"#,
    ),
    (
        "Retry-After text",
        r#"enum E { #[status(503)] #[api_error(header("Retry-After" = "soon"))] A }"#,
    ),
    (
        "unnamed tuple expose",
        "enum E { #[status(404)] A(#[api_error(expose)] u8) }",
    ),
    (
        "reserved exposed name",
        r#"enum E { #[status(404)] A { #[api_error(expose = "status")] f: u8 } }"#,
    ),
    (
        "two violations fields",
        "enum E { #[status(400)] A { #[api_error(violations)] a: Vec<u8>, #[api_error(violations)] b: Vec<u8> } }",
    ),
    (
        "given twice",
        r#"enum E { #[status(404)] #[api_error(type = "a", type = "b")] A }"#,
    ),
    (
        "unknown key",
        "enum E { #[status(404)] #[api_error(transparnt)] A(u8) }",
    ),
    (
        "two sources",
        r#"enum E { #[status(404)] #[api_error(source(pointer = "/a", header = "B"))] A }"#,
    ),
    (
        "relative pointer",
        r#"enum E { #[status(404)] #[api_error(source(pointer = "data"))] A }"#,
    ),
    // A variant's own format.
    (
        "format on a field",
        "enum E { #[status(404)] A(#[api_error(format = JsonApi)] u8) }",
    ),
    (
        "variant format without value",
        "enum E { #[status(404)] #[api_error(format)] A }",
    ),
    (
        "variant format empty string",
        r#"enum E { #[status(404)] #[api_error(format = "")] A }"#,
    ),
    (
        "variant format not a path",
        r#"enum E { #[status(404)] #[api_error(format = "json api")] A }"#,
    ),
    (
        "variant format number",
        "enum E { #[status(404)] #[api_error(format = 5)] A }",
    ),
    (
        "variant format list",
        "enum E { #[status(404)] #[api_error(format(JsonApi))] A }",
    ),
    (
        "variant format twice",
        "enum E { #[status(404)] #[api_error(format = JsonApi, format = Boom)] A }",
    ),
    (
        "variant format twice in two attributes",
        "enum E { #[status(404)] #[api_error(format = JsonApi)] #[api_error(format = Boom)] A }",
    ),
    (
        "variant format the enum's default",
        "enum E { #[status(404)] #[api_error(format = apifault::Problem)] A }",
    ),
    (
        "variant format the enum's",
        "#[api_error(format = JsonApi)] enum E { #[status(404)] #[api_error(format = JsonApi)] A }",
    ),
    (
        "variant format writes the exposed member",
        r#"enum E { #[status(404)] #[api_error(format = Boom)] A { #[api_error(expose = "message")] f: u8 } }"#,
    ),
    // A runtime status or code, and its lists, in odd places and forms.
    (
        "runtime status with a value",
        "enum E { #[status(502)] A(#[api_error(status(503))] u16) }",
    ),
    (
        "runtime code with a value",
        r#"enum E { #[status(502)] A(#[api_error(code = "x")] String) }"#,
    ),
    (
        "runtime status twice on a field",
        "enum E { #[status(502)] A(#[api_error(status, status)] u16) }",
    ),
    (
        "runtime code on two fields",
        "enum E { #[status(502)] A(#[api_error(code)] String, #[api_error(code)] String) }",
    ),
    (
        "runtime code on a variant",
        "enum E { #[status(502)] #[api_error(code)] A(String) }",
    ),
    (
        "runtime code on an enum",
        "#[api_error(code)] enum E { #[status(502)] A(String) }",
    ),
    (
        "runtime status on a transparent variant",
        "enum E { #[api_error(transparent)] A(#[api_error(status)] u16) }",
    ),
    (
        "runtime status without a declared one",
        "enum E { A(#[api_error(status)] u16) }",
    ),
    (
        "statuses on a field",
        "enum E { #[status(502)] A(#[api_error(statuses(503))] u16) }",
    ),
    (
        "statuses on an enum",
        "#[api_error(statuses(503))] enum E { #[status(502)] A(#[api_error(status)] u16) }",
    ),
    (
        "statuses empty",
        "enum E { #[status(502)] #[api_error(statuses())] A(#[api_error(status)] u16) }",
    ),
    (
        "statuses without parentheses",
        "enum E { #[status(502)] #[api_error(statuses = 503)] A(#[api_error(status)] u16) }",
    ),
    (
        "statuses given twice",
        "enum E { #[status(502)] #[api_error(statuses(503), statuses(504))] A(#[api_error(status)] u16) }",
    ),
    (
        "statuses out of range",
        "enum E { #[status(502)] #[api_error(statuses(302))] A(#[api_error(status)] u16) }",
    ),
    (
        "statuses quoted",
        r#"enum E { #[status(502)] #[api_error(statuses("503"))] A(#[api_error(status)] u16) }"#,
    ),
    (
        "statuses nested",
        "enum E { #[status(502)] #[api_error(statuses((503, 504)))] A(#[api_error(status)] u16) }",
    ),
    (
        "statuses without a field",
        "enum E { #[status(502)] #[api_error(statuses(503))] A(u16) }",
    ),
    (
        "statuses on a transparent variant",
        "enum E { #[api_error(transparent, statuses(503))] A(u16) }",
    ),
    (
        "statuses of 405 without Allow",
        "enum E { #[status(502)] #[api_error(statuses(405))] A(#[api_error(status)] u16) }",
    ),
    (
        "codes not strings",
        "enum E { #[status(502)] #[api_error(codes(M_UNKNOWN))] A(#[api_error(code)] String) }",
    ),
    (
        "codes empty string",
        r#"enum E { #[status(502)] #[api_error(codes(""))] A(#[api_error(code)] String) }"#,
    ),
    (
        "codes bad character",
        r#"enum E { #[status(502)] #[api_error(codes("a/b"))] A(#[api_error(code)] String) }"#,
    ),
    (
        "codes of another variant",
        r#"enum E { #[status(502)] #[api_error(codes("b"))] A(#[api_error(code)] String), #[status(404)] B }"#,
    ),
    (
        "codes listed by two variants",
        r#"enum E { #[status(502)] #[api_error(codes("x"))] A(#[api_error(code)] String), #[status(404)] #[api_error(codes("x"))] B(#[api_error(code)] String) }"#,
    ),
    (
        "codes without a field",
        r#"enum E { #[status(502)] #[api_error(codes("x"))] A }"#,
    ),
    (
        "code placeholder",
        r#"enum E { #[status(416)] #[code("{kind}")] A { kind: String } }"#,
    ),
    (
        "code placeholder with a spec",
        r#"enum E { #[status(416)] #[code("x-{0:?}")] A(u8) }"#,
    ),
    // Declared members, `expose` options, `no_body` and `body`.
    (
        "member without parentheses",
        "enum E { #[status(404)] #[api_error(member)] A }",
    ),
    (
        "member empty",
        "enum E { #[status(404)] #[api_error(member())] A }",
    ),
    (
        "member without a value",
        r#"enum E { #[status(404)] #[api_error(member("a"))] A }"#,
    ),
    (
        "member with a number",
        r#"enum E { #[status(404)] #[api_error(member("a" = 1))] A }"#,
    ),
    (
        "member with two pairs",
        r#"enum E { #[status(404)] #[api_error(member("a" = "1", "b" = "2"))] A }"#,
    ),
    (
        "member named by an identifier",
        r#"enum E { #[status(404)] #[api_error(member(a = "1"))] A }"#,
    ),
    (
        "member with an empty name",
        r#"enum E { #[status(404)] #[api_error(member("" = "1"))] A }"#,
    ),
    (
        "member twice",
        r#"enum E { #[status(404)] #[api_error(member("a" = "1"), member("a" = "2"))] A }"#,
    ),
    (
        "member reserved",
        r#"enum E { #[status(404)] #[api_error(member("status" = "1"))] A }"#,
    ),
    (
        "member with an unknown field",
        r#"enum E { #[status(404)] #[api_error(member("a" = "{nope}"))] A }"#,
    ),
    (
        "member with a broken template",
        r#"enum E { #[status(404)] #[api_error(member("a" = "{"))] A }"#,
    ),
    (
        "member on a field",
        r#"enum E { #[status(404)] A(#[api_error(member("a" = "1"))] u8) }"#,
    ),
    (
        "member and an exposed field alike",
        r#"enum E { #[status(404)] #[api_error(member("f" = "1"))] A { #[api_error(expose)] f: u8 } }"#,
    ),
    (
        "member on a transparent variant",
        r#"enum E { #[api_error(transparent, member("a" = "1"))] A(X) }"#,
    ),
    (
        "expose with empty options",
        "enum E { #[status(404)] A(#[api_error(expose())] u8) }",
    ),
    (
        "expose with an unknown option",
        "enum E { #[status(404)] A { #[api_error(expose(flat))] f: u8 } }",
    ),
    (
        "expose null with a value",
        "enum E { #[status(404)] A { #[api_error(expose(null = true))] f: u8 } }",
    ),
    (
        "expose null twice",
        "enum E { #[status(404)] A { #[api_error(expose(null, null))] f: u8 } }",
    ),
    (
        "expose name twice",
        r#"enum E { #[status(404)] A { #[api_error(expose(name = "a", name = "b"))] f: u8 } }"#,
    ),
    (
        "expose name not a string",
        "enum E { #[status(404)] A { #[api_error(expose(name = 1))] f: u8 } }",
    ),
    (
        "expose with without a path",
        "enum E { #[status(404)] A { #[api_error(expose(with))] f: u8 } }",
    ),
    (
        "expose with a number",
        "enum E { #[status(404)] A { #[api_error(expose(with = 1))] f: u8 } }",
    ),
    (
        "expose with twice",
        "enum E { #[status(404)] A { #[api_error(expose(with = a, serialize_with = b))] f: u8 } }",
    ),
    (
        "flatten with a name",
        r#"enum E { #[status(404)] A { #[api_error(expose(name = "x", flatten))] f: u8 } }"#,
    ),
    (
        "flatten with null",
        "enum E { #[status(404)] A { #[api_error(expose(flatten, null))] f: u8 } }",
    ),
    (
        "flatten with with",
        "enum E { #[status(404)] A { #[api_error(expose(flatten, with = a))] f: u8 } }",
    ),
    (
        "flatten alone",
        "enum E { #[status(404)] A(#[api_error(flatten)] u8) }",
    ),
    (
        "flatten on a variant",
        "enum E { #[status(404)] #[api_error(flatten)] A }",
    ),
    (
        "expose options on a violations field",
        "enum E { #[status(400)] A(#[api_error(violations, expose(with = a))] Vec<V>) }",
    ),
    (
        "no_body with a value",
        "enum E { #[status(404)] #[api_error(no_body = true)] A }",
    ),
    (
        "no_body twice",
        "enum E { #[status(404)] #[api_error(no_body, no_body)] A }",
    ),
    (
        "no_body on a field",
        "enum E { #[status(404)] A(#[api_error(no_body)] u8) }",
    ),
    (
        "no_body with a message",
        r#"enum E { #[status(404)] #[message("m")] #[api_error(no_body)] A }"#,
    ),
    (
        "no_body with a member",
        r#"enum E { #[status(404)] #[api_error(no_body, member("a" = "1"))] A }"#,
    ),
    (
        "no_body with violations",
        "enum E { #[status(400)] #[api_error(no_body)] A(#[api_error(violations)] Vec<V>) }",
    ),
    (
        "no_body on a transparent variant",
        "enum E { #[api_error(transparent, no_body)] A(X) }",
    ),
    (
        "body with a value",
        "enum E { #[status(404)] A(#[api_error(body = 1)] u8) }",
    ),
    (
        "body on a variant",
        "enum E { #[status(404)] #[api_error(body)] A }",
    ),
    (
        "body twice on one field",
        "enum E { #[status(404)] A(#[api_error(body, body)] u8) }",
    ),
    (
        "two body fields",
        "enum E { #[status(404)] A(#[api_error(body)] u8, #[api_error(body)] u8) }",
    ),
    (
        "body and expose",
        "enum E { #[status(404)] A(#[api_error(body, expose)] u8) }",
    ),
    (
        "body beside a violations field",
        "enum E { #[status(400)] A(#[api_error(body)] u8, #[api_error(violations)] Vec<V>) }",
    ),
    (
        "body with no_body",
        "enum E { #[status(404)] #[api_error(no_body)] A(#[api_error(body)] u8) }",
    ),
    (
        "body on a transparent variant",
        "enum E { #[api_error(transparent)] A(#[api_error(body)] X) }",
    ),
];

/// Runs the derive on `source`; `Err` with the panic message if it panicked.
fn expand(source: &str) -> Result<String, String> {
    let input: DeriveInput =
        syn::parse_str(source).unwrap_or_else(|error| panic!("test input {source}: {error}"));
    catch_unwind(AssertUnwindSafe(|| crate::derive(&input).to_string())).map_err(|payload| {
        payload
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| payload.downcast_ref::<&str>().map(ToString::to_string))
            .unwrap_or_default()
    })
}

/// Whether the expansion reports an error (`compile_error!` is printed as `compile_error !`
/// by `proc_macro2`; either spelling counts).
fn has_error(tokens: &str) -> bool {
    tokens.contains("compile_error")
}

#[test]
fn malformed_input_gives_errors_not_panics() {
    let mut failures = String::new();
    for (what, source) in MALFORMED {
        match expand(source) {
            Err(panic) => writeln!(failures, "{what}: panicked: {panic}").unwrap(),
            Ok(tokens) if !has_error(&tokens) => {
                writeln!(failures, "{what}: no compile error for {source}").unwrap();
            }
            Ok(_) => {}
        }
    }
    assert!(failures.is_empty(), "\n{failures}");
    assert!(MALFORMED.len() >= 40);
}

/// Every malformed attribute in one enum: all reported in one expansion, still no panic.
#[test]
fn every_mistake_at_once() {
    let mut variants = String::new();
    let mut included = 0;
    for (i, (_, source)) in MALFORMED.iter().enumerate() {
        // The variant part of each `enum E { ... }` case, renamed to stay distinct.
        if let Some(body) = source
            .strip_prefix("enum E { ")
            .and_then(|rest| rest.strip_suffix(" }"))
        {
            let body = body
                .replace(" A", &format!(" V{i}A"))
                .replace(" B", &format!(" V{i}B"));
            write!(variants, "{body}, ").unwrap();
            included += 1;
        }
    }
    let source = format!("enum E {{ {variants} }}");
    let tokens = expand(&source).unwrap_or_else(|panic| panic!("panicked: {panic}"));
    // Each case is an error on its own, so none may be lost among the others.
    assert!(included >= 60, "only {included} cases are variant-level");
    let reported = tokens.matches("compile_error").count();
    assert!(
        reported >= included,
        "{reported} errors for {included} mistakes: {tokens}"
    );
}

/// A 2,000-variant enum: valid, it expands without an error; with every variant missing
/// its status, it gives 2,000 errors, promptly.
#[test]
fn very_long_enums() {
    let mut valid = String::from("#[api_error(rename_all = \"kebab-case\")] enum Big { ");
    let mut invalid = String::from("enum Big { ");
    for i in 0..2000 {
        // 401 and 405 need a header each; the rest need nothing else.
        let status = [
            400, 403, 404, 409, 410, 418, 422, 451, 490, 500, 502, 504, 599,
        ][i % 13];
        write!(
            valid,
            "/// Variant {i}.\n#[status({status})] #[message(\"v{i} {{0}}\")] V{i}(u32), "
        )
        .unwrap();
        write!(invalid, "V{i}, ").unwrap();
    }
    valid.push('}');
    invalid.push('}');

    let started = std::time::Instant::now();
    let tokens = expand(&valid).unwrap_or_else(|panic| panic!("panicked: {panic}"));
    let error = tokens
        .find("compile_error")
        .map(|at| &tokens[at..(at + 300).min(tokens.len())]);
    assert!(error.is_none(), "a valid enum gave an error: {error:?}");
    assert!(tokens.contains("v1999"), "every variant is expanded");

    let tokens = expand(&invalid).unwrap_or_else(|panic| panic!("panicked: {panic}"));
    assert_eq!(tokens.matches("compile_error").count(), 2000);
    // Generous: catches quadratic blow-ups, not machine speed.
    assert!(started.elapsed() < std::time::Duration::from_secs(60));
}

/// Inputs that are odd but legal (or whose errors belong to rustc, not the derive): they
/// must not panic; what they expand to is checked by the trybuild and integration tests.
#[test]
fn odd_but_legal_input_does_not_panic() {
    let odd = [
        "enum E {}",
        "struct S;",
        "struct S(u8);",
        r#"enum E { #[status(404)] #[message("{r#type}")] A { r#type: u8 } }"#,
        r#"enum E { #[status(404)] #[message("{{}}{{{{")] A }"#,
        r#"enum E { #[status(404)] #[message("{0:>8}{0:?}{0:#x}")] A(u8) }"#,
        r#"enum E<'a, T: Clone = u8, const N: usize = 3> where T: Copy { #[status(404)] #[message("{0:?}")] A(&'a [T; N]) }"#,
        r#"enum E { #[status(404)] #[api_error(expose = "")] A { f: u8 } }"#,
        r#"enum E { #[status(404)] #[code("x"suffix)] A }"#,
        "enum E { #[status(404u16)] A }",
        r##"enum E { #[status(404)] #[message(r#"raw {0}"#)] A(u8) }"##,
        "enum E { #[status(404)] #[api_error::other] #[serde(rename = 1)] A }",
        "enum E { #[status(404)] A = 1 }",
        "enum E { #[api_error(transparent)] A(Box) }",
        "enum E { #[api_error(transparent)] A(Box<>) }",
        "enum E { #[api_error(transparent)] A(Box<X, Alloc>) }",
        "enum E { #[api_error(transparent)] A(::std::sync::Arc<alloc::boxed::Box<X>>) }",
        "enum E { #[api_error(transparent)] #[status(404)] A(<X as Tr>::Assoc) }",
        r#"enum E { #[api_error(transparent)] #[status(599)] #[code("x")] A(Box<X>) }"#,
        r#"enum E { #[code("x", shared)] #[api_error(transparent)] A(X) }"#,
        r#"#[doc = "x"] #[doc] #[doc(hidden)] enum E { #[status(404)] A }"#,
        "enum E { #[status(404)] #[api_error(format = JsonApi)] A }",
        "#[api_error(negotiate(Problem, Html,))] enum E { #[status(404)] A }",
        "#[api_error(format = Xml, negotiate(Problem, Html))] enum E { #[status(404)] #[api_error(format = Text)] A, #[api_error(transparent)] B(X) }",
        "#[api_error(negotiate(Problem, Html))] struct S;",
        "#[api_error(negotiate(A, B, C, D, E, F, G, H))] enum E<T> { #[api_error(transparent, inner_format)] A(T) }",
        r#"enum E { #[status(404)] #[api_error(format = "apifault::JsonApi")] A, #[status(500)] B }"#,
        "enum E { #[api_error(transparent, format = Boom)] A(Inner), #[status(404)] B }",
        "enum E { #[api_error(transparent, inner_format)] A(Inner), #[status(404)] B }",
        "enum E { #[api_error(transparent, inner_format)] A(Box<Inner>), #[api_error(transparent, format = Boom)] B(Arc<Other>) }",
        "#[api_error(transparent, inner_format)] struct S(std::sync::Arc<Inner>);",
        "enum E<T> { #[api_error(transparent, inner_format)] A(T) }",
        "enum E<F> { #[status(404)] #[api_error(format = ::house::Plain<F>)] A(F) }",
        "#[status(502)] #[api_error(statuses(503))] struct S(#[api_error(status)] u16);",
        r#"#[status(502)] #[api_error(codes("a", "a", "s"))] struct S(#[api_error(code)] String);"#,
        "enum E { #[status(502)] #[api_error(statuses(502, 503, 503,))] A(#[api_error(status)] u16) }",
        "enum E<S> { #[status(502)] A(#[api_error(status)] S, #[api_error(code)] S) }",
        r#"enum E { #[status(404)] #[message("{r#type.r#fn}{0.1.2}")] A { r#type: u8 } }"#,
        r#"enum E { #[status(404)] #[message("{}{n}{0:?}", .0.1, n = .0 .0, )] A((u8, u8)) }"#,
        r#"enum E { #[status(404)] #[message("{}", match .0 { 0 => "z", _ => "n" })] A(u8) }"#,
        r#"enum E { #[status(404)] #[message("{code:?}{status:#x}{code}{status}")] A { code: u8 } }"#,
        r#"#[api_error(header("X" = "{code}/{status}"))] enum E { #[status(404)] A { code: u8 } }"#,
        r#"enum E { #[status(429)] #[api_error(header("Retry-After" = "{d}"))] A { d: Option<Option<core::time::Duration>> } }"#,
        r#"enum E { #[status(503)] #[api_error(header("Retry-After" = "{d:?}{d}{e}"))] A { d: (SystemTime), e: Option<u8> } }"#,
        r#"enum E<T> { #[status(404)] #[api_error(type("{}", .0), header("X" = "{0.len}"))] A(T) }"#,
        r#"#[api_error(member("a" = "1"))] enum E {}"#,
        r#"#[api_error(member("a" = "{0}"))] enum E { #[status(404)] #[api_error(member("a" = "x"))] A }"#,
        r#"#[status(404)] #[api_error(member("a" = "{{}}"), member("b" = "{0:?}"))] struct S(u8);"#,
        r#"enum E<'a, T, const N: usize> { #[status(404)] A(#[api_error(expose(with = m, null))] &'a [T; N]) }"#,
        "enum E { #[status(404)] A(#[api_error(expose(flatten))] u8, #[api_error(expose(flatten))] u8) }",
        r#"#[status(401)] #[api_error(no_body, omit_header("WWW-Authenticate"))] struct S;"#,
        "#[status(500)] struct S(#[api_error(body)] u8);",
    ];
    for source in odd {
        if let Err(panic) = expand(source) {
            panic!("{source}: panicked: {panic}");
        }
    }
}
