//! What the attributes of one item, variant or field say, as typed values that keep their
//! spans; each is set once.

use proc_macro2::Span;
use syn::{LitBool, LitStr};

use crate::internals::case::RenameRule;
use crate::internals::ctxt::Errors;
use crate::internals::grpc::GrpcCodeName;
use crate::internals::part::PartName;
use crate::internals::status::Status;
use crate::internals::template::Template;

pub struct Header {
    pub name: LitStr,
    pub value: Template,
}

/// Which JSON:API `source` member a variant's `source(kind = "...")` fills.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    Pointer,
    Parameter,
    Header,
}

impl SourceKind {
    /// Each kind under the name `source(...)` takes it by.
    pub const NAMED: [(&str, Self); 3] = [
        ("pointer", Self::Pointer),
        ("parameter", Self::Parameter),
        ("header", Self::Header),
    ];

    /// The runtime `Part` that carries it.
    pub fn part(self) -> PartName {
        match self {
            Self::Pointer => PartName::SourcePointer,
            Self::Parameter => PartName::SourceParameter,
            Self::Header => PartName::SourceHeader,
        }
    }
}

pub struct Source {
    pub kind: SourceKind,
    pub value: Template,
}

pub struct Expose {
    pub name: Option<LitStr>,
    pub span: Span,
    /// `expose(null)`: a `None` is written as `null` rather than left out.
    pub null: Option<Span>,
    /// `expose(flatten)`: the field's own members become members of the body.
    pub flatten: Option<Span>,
    /// `expose(with = module)` or `expose(serialize_with = function)`: serialized as serde's
    /// `with` and `serialize_with` do.
    pub with: Option<With>,
}

/// How an exposed field is serialized instead of by its own `Serialize`.
pub struct With {
    /// `with = module`: `module::serialize`; else `serialize_with = function`.
    pub module: bool,
    pub path: syn::Path,
    pub span: Span,
}

/// A body member the enum or a variant declares: `member("type" = "invalid_request")`.
pub struct DeclaredMember {
    pub name: LitStr,
    pub value: Template,
}

/// Every attribute of one item, variant or field; which ones may be set depends on the level.
#[derive(Default)]
pub struct Attrs {
    pub rename_all: Option<(RenameRule, LitStr)>,
    pub format: Option<syn::Path>,
    pub type_base: Option<LitStr>,
    pub default_status: Option<Status>,
    pub krate: Option<syn::Path>,
    pub code_in_body: Option<LitBool>,
    /// `no_message`: no public message on purpose (on the enum, every variant's default).
    pub no_message: Option<Span>,
    /// `framework_impls = false`: no `IntoResponse` / `ResponseError` impl is generated.
    pub framework_impls: Option<LitBool>,
    /// `log = false` (no event per response; the service logs), `log = true` (the default
    /// levels) or `log = "info"`: on the enum, every variant's default; on a variant, its own.
    pub log: Option<Log>,
    /// `wrapper`: the struct wraps an `anyhow::Error` (or a boxed `dyn Error`).
    pub wrapper: Option<Wrapper>,
    /// `negotiate(A, B)`: the formats the request's `Accept` chooses among; the default is
    /// `format`, else the first listed.
    pub negotiate: Option<Listed<syn::Path>>,
    /// `grpc_domain = "…"`: the `ErrorInfo.domain` of the type's gRPC statuses; it also
    /// makes every constant code's AIP-193 reason checked.
    pub grpc_domain: Option<LitStr>,
    /// `grpc_codes(409 = ALREADY_EXISTS)`: the gRPC code of the variants of each status.
    pub grpc_codes: Option<Listed<(Status, GrpcCodeName)>>,
    /// `grpc_code = ALREADY_EXISTS` on a variant: its gRPC code.
    pub grpc_code: Option<GrpcCodeName>,
    /// `code_header = "x-ms-error-code"`: the response header that repeats the code.
    pub code_header: Option<LitStr>,

    pub status: Option<Status>,
    /// A status was written here, even if invalid or misplaced: "missing status" would
    /// only repeat that error.
    pub status_written: bool,
    pub code: Option<LitStr>,
    /// `#[code("…", shared)]`: other variants use the code too, on purpose.
    pub code_shared: Option<Span>,
    pub message: Option<Template>,
    pub title: Option<LitStr>,
    pub transparent: Option<Span>,
    /// `inner_format` on a transparent variant: it answers as its inner error does on its
    /// own, in the inner type's formats.
    pub inner_format: Option<Span>,
    pub type_uri: Option<Template>,
    pub instance: Option<Template>,
    pub link: Option<Template>,
    pub headers: Vec<Header>,
    /// `omit_header("…")`: headers a status mandates that the API deliberately leaves out.
    pub omitted_headers: Vec<LitStr>,
    pub id: Option<Template>,
    pub source: Option<Source>,
    /// `member("name" = "value")`: declared body members, constant or interpolated.
    pub members: Vec<DeclaredMember>,
    /// `no_body`: the variant answers with no body and no `Content-Type`.
    pub no_body: Option<Span>,
    /// `#[api_error(body)]` on a field: the variant's whole body is this field's value.
    pub body: Option<Span>,
    pub doc: String,

    /// `statuses(…)`: the statuses a runtime status may take besides the declared one.
    pub statuses: Option<Listed<Status>>,
    /// `codes(…)`: the codes a runtime code may take besides the declared one.
    pub codes: Option<Listed<LitStr>>,

    pub expose: Option<Expose>,
    pub violations: Option<Span>,
    /// `#[api_error(status)]` on a field: the variant's status is this field's value.
    pub runtime_status: Option<Span>,
    /// `#[api_error(code)]` on a field: the variant's code is this field's value.
    pub runtime_code: Option<Span>,
}

/// `wrapper` or `wrapper(find(A, B))` on a struct holding an `anyhow::Error` or a
/// `Box<dyn Error + Send + Sync>`: the types to look for in its chain.
pub struct Wrapper {
    pub span: Span,
    pub find: Vec<syn::Type>,
}

/// A list key (`statuses(…)`, `codes(…)`): where its key is, and its items.
pub struct Listed<T> {
    pub span: Span,
    pub items: Vec<T>,
}

/// What a template of a variant writes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Part(PartName),
    Header,
    /// A declared member's value.
    Member,
}

impl Attrs {
    /// Whether the framework impls (axum, actix-web) are generated: unless
    /// `framework_impls = false`.
    pub fn framework_impls(&self) -> bool {
        self.framework_impls.as_ref().is_none_or(|flag| flag.value)
    }

    /// Whether apifault logs one event per response: unless `log = false`.
    pub fn logs(&self) -> bool {
        self.log.as_ref().is_none_or(Log::logs)
    }

    /// Every template of a variant with what it writes, the parts in `Part` order, then
    /// the headers: the one list the checks, the bounds and the expansion read.
    pub fn templates(&self) -> impl Iterator<Item = (Role, &Template)> {
        [
            (PartName::Message, self.message.as_ref()),
            (PartName::Type, self.type_uri.as_ref()),
            (PartName::Instance, self.instance.as_ref()),
            (PartName::Link, self.link.as_ref()),
            (PartName::Id, self.id.as_ref()),
        ]
        .into_iter()
        .chain(
            self.source
                .iter()
                .map(|source| (source.kind.part(), Some(&source.value))),
        )
        .filter_map(|(part, template)| Some((Role::Part(part), template?)))
        .chain(
            self.headers
                .iter()
                .map(|header| (Role::Header, &header.value)),
        )
        .chain(
            self.members
                .iter()
                .map(|member| (Role::Member, &member.value)),
        )
    }

    /// The template that writes `part`, if the variant has one.
    pub fn template_of(&self, part: PartName) -> Option<&Template> {
        self.templates()
            .find_map(|(role, template)| (role == Role::Part(part)).then_some(template))
    }
}

/// Records `value` in `slot`, or reports it at `span` if the slot is already set.
pub fn set<T>(slot: &mut Option<T>, value: T, span: Span, what: &str, errors: &mut Errors) {
    if slot.is_some() {
        errors.at(span, format!("{what} is given twice: keep one"));
    } else {
        *slot = Some(value);
    }
}

/// The value of `log = …`.
pub enum Log {
    /// `log = false` (no event) or `log = true` (the default levels).
    Flag(LitBool),
    /// `log = "info"`: the index of the level in [`Log::LEVELS`].
    Level(usize),
}

impl Log {
    /// The levels `log = "…"` takes, and the runtime's `LogLevel` variant of each.
    pub const LEVELS: [(&'static str, &'static str); 5] = [
        ("error", "Error"),
        ("warn", "Warn"),
        ("info", "Info"),
        ("debug", "Debug"),
        ("trace", "Trace"),
    ];

    /// Whether a response logs an event: unless `log = false`.
    pub fn logs(&self) -> bool {
        match self {
            Self::Flag(flag) => flag.value,
            Self::Level(_) => true,
        }
    }
}
