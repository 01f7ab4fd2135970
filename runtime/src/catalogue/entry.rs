use core::fmt;

use http::StatusCode;

use crate::{Context, Format, GrpcCode, Part, RenderError, Specimen};

/// What is known about one error variant at compile time: the row of the error catalogue.
///
/// Every derived type hands out `&'static Entry` values, so reading a variant's status,
/// code or title never allocates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Entry {
    /// The Rust name of the variant (or of the struct).
    pub name: &'static str,
    /// The HTTP status.
    pub status: StatusCode,
    /// The stable machine code.
    pub code: &'static str,
    /// Whether the variant shares its code with others on purpose (`#[code("…", shared)]`):
    /// the catalogue lists such a code once, and
    /// [`Catalogue::duplicate_codes`](crate::Catalogue::duplicate_codes) does not report it.
    pub shared_code: bool,
    /// The declared `#[title]`, if any; formats fall back to the status phrase.
    pub title: Option<&'static str>,
    /// The variant's doc comment, trimmed (empty when it has none).
    pub description: &'static str,
    /// Whether the body carries a human message (`#[message]`, or `Display` for a 4xx
    /// without `no_message`).
    pub public_message: bool,
    /// The body member names the variant writes: its declared members
    /// (`member("name" = "…")`, the enum's included), then its exposed fields, in
    /// declaration order. An exposed `None` is left out of the body; a flattened field's
    /// members are known only at run time (`flattens`).
    pub members: &'static [&'static str],
    /// Whether the variant has a flattened field (`#[api_error(expose(flatten))]`), whose
    /// members are known only at run time.
    pub flattens: bool,
    /// Whether the variant answers with no body and no `Content-Type`
    /// (`#[api_error(no_body)]`).
    pub no_body: bool,
    /// The problem type URI when every value of the variant has the same one (`type_base`
    /// plus the code, or a `type = "…"` that interpolates nothing); `None` otherwise.
    ///
    /// A transparent variant of an enum with `type_base` lists its inner error's entries
    /// with the enum's base followed by their code, as it answers them, when they have no
    /// type of their own: in the enum's catalogue (`entries`, `lookup`, the OpenAPI
    /// examples). The value's [`ApiError::entry`](crate::ApiError::entry) stays the inner
    /// error's, unless the variant overrides the status or code; its body has the type
    /// either way. The base is the declared code's, also for a code taken at run time.
    pub type_uri: Option<&'static str>,
    /// Whether formats that can carry the code in the body do so (`code_in_body`). The
    /// entries a transparent variant lists in the catalogue of an enum with
    /// `code_in_body = false` say `false`, as their bodies under that enum carry no code.
    pub code_in_body: bool,
    /// Whether the status is taken at run time from a field (`#[api_error(status)]`);
    /// `status` is then the declared one, sent when the field's is not an error status.
    pub runtime_status: bool,
    /// The other statuses a runtime status is declared to take
    /// (`#[api_error(statuses(…))]`), besides `status`.
    pub runtime_statuses: &'static [StatusCode],
    /// Whether the code is taken at run time from a field (`#[api_error(code)]`); `code`
    /// is then the declared one, sent when the field's is not a valid code.
    pub runtime_code: bool,
    /// The other codes a runtime code is declared to take (`#[api_error(codes(…))]`),
    /// besides `code`.
    pub runtime_codes: &'static [&'static str],
    /// The gRPC code the variant declares (`#[api_error(grpc_code = …)]`, or its status in
    /// the enum's `grpc_codes(…)`); `None` when it answers by Google's mapping of its
    /// status ([`grpc`](Entry::grpc) gives the code either way).
    pub grpc_code: Option<GrpcCode>,
    /// The `ErrorInfo.domain` of its gRPC status (the type's `#[api_error(grpc_domain =
    /// "…")]`).
    pub grpc_domain: Option<&'static str>,
    /// `code` as an AIP-193 reason, computed at compile time for a type that speaks gRPC
    /// ([`grpc_reason`](crate::grpc_reason) at run time otherwise).
    pub grpc_reason: Option<&'static str>,
    /// One bit per [`Part`] the variant carries (`1 << part as u8`).
    parts: u8,
    /// The variant's own format (`#[api_error(format = …)]` on the variant); `None` when it
    /// answers in its type's.
    own_format: Option<VariantFormat>,
}

impl Entry {
    /// An entry of no variant: what a const array of entries holds before it is filled.
    pub(crate) const PLACEHOLDER: Self = Self::__new(
        "",
        StatusCode::INTERNAL_SERVER_ERROR,
        "",
        false,
        None,
        "",
        false,
        &[],
        None,
        true,
        0,
    );

    #[doc(hidden)]
    #[must_use]
    #[allow(clippy::too_many_arguments)]
    pub const fn __new(
        name: &'static str,
        status: StatusCode,
        code: &'static str,
        shared_code: bool,
        title: Option<&'static str>,
        description: &'static str,
        public_message: bool,
        members: &'static [&'static str],
        type_uri: Option<&'static str>,
        code_in_body: bool,
        parts: u8,
    ) -> Self {
        Self {
            name,
            status,
            code,
            shared_code,
            title,
            description,
            public_message,
            members,
            type_uri,
            code_in_body,
            runtime_status: false,
            runtime_statuses: &[],
            runtime_code: false,
            runtime_codes: &[],
            flattens: false,
            no_body: false,
            grpc_code: None,
            grpc_domain: None,
            grpc_reason: None,
            parts,
            own_format: None,
        }
    }

    /// The entry of a derived variant, from what every variant has; what only some have
    /// is set by the `__…` methods below, each called only where it differs from this
    /// default (no shared code, no title, no members, no type URI, the code in the body).
    /// An argument costs the compiler of every deriving crate per variant, so there are few.
    #[doc(hidden)]
    #[must_use]
    pub const fn __of(
        name: &'static str,
        status: StatusCode,
        code: &'static str,
        description: &'static str,
        public_message: bool,
        parts: u8,
    ) -> Self {
        Self::__new(
            name,
            status,
            code,
            false,
            None,
            description,
            public_message,
            &[],
            None,
            true,
            parts,
        )
    }

    /// The entry of a variant that shares its code with others (`code(shared)`).
    #[doc(hidden)]
    #[must_use]
    pub const fn __shared(mut self) -> Self {
        self.shared_code = true;
        self
    }

    /// The entry of a variant with a `#[title]`.
    #[doc(hidden)]
    #[must_use]
    pub const fn __title(mut self, title: &'static str) -> Self {
        self.title = Some(title);
        self
    }

    /// The entry of a variant whose body has members of its own.
    #[doc(hidden)]
    #[must_use]
    pub const fn __members(mut self, members: &'static [&'static str]) -> Self {
        self.members = members;
        self
    }

    /// The entry of a variant with a type URI.
    #[doc(hidden)]
    #[must_use]
    pub const fn __type_uri(mut self, type_uri: &'static str) -> Self {
        self.type_uri = Some(type_uri);
        self
    }

    /// The entry of a variant whose body leaves its code out (`code_in_body = false`).
    #[doc(hidden)]
    #[must_use]
    pub const fn __code_not_in_body(mut self) -> Self {
        self.code_in_body = false;
        self
    }

    /// The entry of a variant whose body is not the plain one: it flattens a field, or it
    /// has no body at all. Only the variants that do are built through it.
    #[doc(hidden)]
    #[must_use]
    pub const fn __body(mut self, flattens: bool, no_body: bool) -> Self {
        self.flattens = flattens;
        self.no_body = no_body;
        self
    }

    /// The entry of a variant that answers in its own format, `A::Format`. Only the
    /// variants that declare one are built through it, so the entries of every other type
    /// stay as they were.
    #[doc(hidden)]
    #[must_use]
    pub const fn __in_format<A: OwnFormat>(mut self) -> Self {
        self.own_format = Some(VariantFormat::of::<A::Format>());
        self
    }

    /// The `Content-Type` of the variant's own format (`#[api_error(format = …)]` on the
    /// variant); `None` when it answers in its type's format,
    /// [`ApiError::Format`](crate::ApiError::Format).
    #[must_use]
    pub const fn content_type(&self) -> Option<&'static str> {
        match &self.own_format {
            Some(format) => Some(format.content_type),
            None => None,
        }
    }

    /// The variant's own format, if it declares one.
    pub(crate) const fn own_format(&self) -> Option<&VariantFormat> {
        self.own_format.as_ref()
    }

    /// The entry of a variant whose status or code is taken at run time from a field.
    #[doc(hidden)]
    #[must_use]
    pub const fn __runtime(
        mut self,
        runtime_status: bool,
        runtime_statuses: &'static [StatusCode],
        runtime_code: bool,
        runtime_codes: &'static [&'static str],
    ) -> Self {
        self.runtime_status = runtime_status;
        self.runtime_statuses = runtime_statuses;
        self.runtime_code = runtime_code;
        self.runtime_codes = runtime_codes;
        self
    }

    /// The entry of a variant of a type that speaks gRPC: its declared gRPC code, its
    /// type's domain, its code's reason. Only such variants are built through it.
    #[doc(hidden)]
    #[must_use]
    pub const fn __grpc(
        mut self,
        grpc_code: Option<GrpcCode>,
        grpc_domain: Option<&'static str>,
        grpc_reason: Option<&'static str>,
    ) -> Self {
        self.grpc_code = grpc_code;
        self.grpc_domain = grpc_domain;
        self.grpc_reason = grpc_reason;
        self
    }

    /// The gRPC code the variant answers with (feature `tonic`): the declared one, else
    /// Google's mapping of its status ([`GrpcCode::for_status`]).
    #[must_use]
    pub const fn grpc(&self) -> GrpcCode {
        match self.grpc_code {
            Some(code) => code,
            None => GrpcCode::for_status(self.status),
        }
    }

    /// Every status the variant is declared to answer with: `status`, then the
    /// `runtime_statuses`.
    pub fn statuses(&self) -> impl Iterator<Item = StatusCode> + use<> {
        core::iter::once(self.status).chain(self.runtime_statuses.iter().copied())
    }

    /// Every code the variant is declared to answer with: `code`, then the
    /// `runtime_codes`.
    pub fn codes(&self) -> impl Iterator<Item = &'static str> + use<> {
        core::iter::once(self.code).chain(self.runtime_codes.iter().copied())
    }

    /// This entry answered with another status or code (a transparent variant that
    /// overrides them); a 5xx status masks the message, and the code is shared by every
    /// entry of the inner error.
    #[doc(hidden)]
    #[must_use]
    pub const fn __overridden(
        &self,
        status: Option<StatusCode>,
        code: Option<&'static str>,
    ) -> Self {
        let mut entry = *self;
        if let Some(status) = status {
            entry.status = status;
            // A gRPC code the inner error chose for its own status does not carry over.
            entry.grpc_code = None;
            if status.as_u16() >= 500 {
                entry.public_message = false;
                entry.parts &= !Part::Message.bit();
            }
        }
        if let Some(code) = code {
            entry.code = code;
            entry.grpc_reason = None;
            // Every entry of the inner error now answers with this one code.
            entry.shared_code = true;
        }
        entry
    }

    /// This entry under a transparent variant of an enum with `type_base`: with `type_uri`
    /// (the base and its code) when it has no type of its own, and in the variant's own
    /// `format`, if any, else in the enum's.
    pub(crate) const fn with_base_type(
        &self,
        type_uri: Option<&'static str>,
        format: Option<VariantFormat>,
    ) -> Self {
        let mut entry = *self;
        if type_uri.is_some() {
            entry.type_uri = type_uri;
            entry.parts |= Part::Type.bit();
        }
        entry.own_format = format;
        entry
    }

    /// Whether every value of the variant carries `part` (its message, type URI, …); the
    /// derived [`ApiError::has_part`](crate::ApiError::has_part) answers from here.
    #[must_use]
    pub const fn has_part(&self, part: Part) -> bool {
        self.parts & part.bit() != 0
    }
}

/// A format a variant declares for itself (`#[api_error(format = …)]`), named once by the
/// derive in an impl of this trait: a type that is not a [`Format`] is then one error, at
/// that impl, and every other use goes through this trait, whose `Format` is one by its
/// bound.
#[doc(hidden)]
pub trait OwnFormat {
    /// The format.
    type Format: Format;
}

/// A format chosen at compile time, for what needs it without naming its type: a variant's
/// own format in its [`Entry`], and the format a transparent variant with its own answers
/// its inner type's entries in, in the catalogue.
#[doc(hidden)]
#[derive(Clone, Copy)]
pub struct VariantFormat {
    pub(crate) content_type: &'static str,
    /// The body of a [`Specimen`] of an entry with one of its statuses and codes, in this
    /// format.
    pub(crate) render_specimen:
        fn(&'static Entry, StatusCode, &'static str) -> Result<Vec<u8>, RenderError>,
    /// The whole response of a [`Specimen`] of an entry with one of its statuses and
    /// codes, in this format.
    pub(crate) specimen_response:
        fn(&'static Entry, StatusCode, &'static str, &Context<'_>) -> http::Response<Vec<u8>>,
    /// The format's [`Format::body_schema`].
    #[cfg(feature = "utoipa")]
    pub(crate) body_schema:
        fn() -> Option<::utoipa::openapi::RefOr<::utoipa::openapi::schema::Schema>>,
    /// The format's [`Format::json_schema`].
    #[cfg(feature = "aide")]
    pub(crate) json_schema: fn(&mut ::schemars::SchemaGenerator) -> Option<::schemars::Schema>,
}

impl VariantFormat {
    /// A variant's own format.
    #[must_use]
    pub const fn own<A: OwnFormat>() -> Self {
        Self::of::<A::Format>()
    }

    /// Format `F`.
    #[must_use]
    pub const fn of<F: Format>() -> Self {
        Self {
            content_type: F::CONTENT_TYPE,
            render_specimen: render_specimen::<F>,
            specimen_response: specimen_response::<F>,
            #[cfg(feature = "utoipa")]
            body_schema: F::body_schema,
            #[cfg(feature = "aide")]
            json_schema: F::json_schema,
        }
    }
}

fn render_specimen<F: Format>(
    entry: &'static Entry,
    status: StatusCode,
    code: &'static str,
) -> Result<Vec<u8>, RenderError> {
    let specimen = Specimen::<F>::in_format(entry)
        .with_status(status)
        .with_code(code);
    F::render(&specimen, &Context::new())
}

fn specimen_response<F: Format>(
    entry: &'static Entry,
    status: StatusCode,
    code: &'static str,
    context: &Context<'_>,
) -> http::Response<Vec<u8>> {
    let specimen = Specimen::<F>::in_format(entry)
        .with_status(status)
        .with_code(code);
    crate::response::<F, _>(&specimen, context)
}

impl fmt::Debug for VariantFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("VariantFormat")
            .field("content_type", &self.content_type)
            .finish_non_exhaustive()
    }
}

/// The same format: the same content type and the same renderer.
impl PartialEq for VariantFormat {
    fn eq(&self, other: &Self) -> bool {
        self.content_type == other.content_type
            && core::ptr::fn_addr_eq(self.render_specimen, other.render_specimen)
    }
}

impl Eq for VariantFormat {}
