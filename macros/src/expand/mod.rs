//! Quotes the `ApiError` impl of a checked input.

use proc_macro2::TokenStream;
use quote::quote_spanned;

use crate::expand::bounds::with_bounds;
use crate::expand::cx::Cx;
use crate::expand::entries::Entries;
use crate::internals::ast::Input;
use crate::internals::attr::Log;
use crate::internals::code;

pub mod bounds;
pub mod cx;
pub mod entries;
pub mod format;
pub mod grpc;
pub mod i18n;
pub mod interpolate;
pub mod log;
pub mod members;
pub mod parts;
pub mod payload;
pub mod runtime;
pub mod status;
pub mod wrapper;

use crate::expand::wrapper::wrapper;

pub fn derive(input: &Input) -> TokenStream {
    let krate = input
        .attrs
        .krate
        .as_ref()
        .map_or_else(|| q!([] ::apifault), |path| q!([path] #path));
    let private = q!([krate] #krate::__private);
    let cx = Cx {
        input,
        private: &private,
    };
    let format = input
        .type_format()
        .map_or_else(|| q!([krate] #krate::Problem), |path| q!([path] #path));
    let ident = input.ident;
    let generics = with_bounds(input, &private);
    let (impl_generics, type_generics, where_clause) = generics.split_for_impl();

    let Entries {
        statics,
        lookup: entry,
        catalogue,
        unique_codes,
    } = cx.entries();
    // `status()` and `code()` as matches of their own: the entry has both, but reading
    // them through it is one load more than the hand-written `match` they must equal.
    // A variant with a runtime status or code reads its field.
    let status = cx.method(
        |v| cx.runtime_status_arm(v),
        |v| cx.status_constant(v, false),
        |variant, via, inner| {
            let own = input.variant_attrs(variant).status.is_some();
            (!own).then(|| q!([via, inner] #via::status(#inner)))
        },
    );
    let code = cx.method(
        |v| cx.runtime_code_arm(v),
        |v| {
            let code = code::of(input, v).0;
            q!([code] #code)
        },
        |variant, via, inner| {
            let own = input.variant_attrs(variant).code.is_some();
            (!own).then(|| q!([via, inner] #via::code(#inner)))
        },
    );
    let has_part = cx.has_part();
    let fmt_part = cx.fmt_part();
    let (members, member_items) = cx.members(&format);
    let violations = cx.violations();
    let headers = cx.headers();
    let warn_refused = cx.warn_refused();
    let log_level = cx.log_level();
    let own_body = cx.own_body();
    let i18n = cx.i18n();
    // An empty enum has no value to match on, and `match self {}` is rejected (references
    // are always inhabited): `match *self {}` proves each method unreachable.
    let (entry, status, code, has_part, fmt_part) = if input.is_enum && input.variants.is_empty() {
        let never = q!([] match *self {});
        let [entry, status, code, has_part, fmt_part] = [(); 5].map(|()| never.clone());
        (entry, status, code, has_part, fmt_part)
    } else {
        (entry, status, code, has_part, fmt_part)
    };
    let to_response_with = cx.to_response_with();
    let format_aliases = cx.format_aliases();
    // A constant when the enum's setting is everyone's; else the entry's, per variant.
    let code_in_body = match &input.attrs.code_in_body {
        Some(flag) if !flag.value && !input.code_in_body_per_variant() => q!([]
            fn code_in_body(&self) -> bool {
                false
            }
        ),
        _ => TokenStream::new(),
    };
    // `LOG = false` only when no variant turns its event back on.
    let log = if input.attrs.logs()
        || input.variants.iter().any(|variant| {
            input
                .variant_attrs(variant)
                .log
                .as_ref()
                .is_some_and(Log::logs)
        }) {
        TokenStream::new()
    } else {
        q!([]
            const LOG: bool = false;
        )
    };
    // The header that repeats the code, lowercase as `HeaderName::from_static` takes it.
    let code_header = input.attrs.code_header.as_ref().map(|name| {
        let name = syn::LitStr::new(&name.value().to_ascii_lowercase(), name.span());
        q!([private, name]
            const CODE_HEADER: #private::core::option::Option<&'static str> = #private::Some(#name);
        )
    });
    // One error, at the type's name, when it is not an `Error` (a generic type is checked
    // where it is used, its `Error` impl may depend on its parameters).
    let assert_error = (input.attrs.wrapper.is_none()
        && input.generics.type_params().next().is_none()
        && input.generics.const_params().next().is_none())
    .then(|| {
        let (impl_generics, type_generics, where_clause) = input.generics.split_for_impl();
        let assertion =
            quote_spanned!(ident.span()=> #private::assert_error::<#ident #type_generics>());
        q! {[impl_generics, ident, type_generics, where_clause, assertion]
            // Type-checked, never called.
            #[allow(dead_code)]
            fn __apifault_assert_error #impl_generics (_: &#ident #type_generics) #where_clause {
                #assertion;
            }
        }
    });
    let wrapper = wrapper(input, &private);
    let [
        found_entry,
        found_status,
        found_code,
        found_has_part,
        found_fmt_part,
    ] = match wrapper.as_ref().and_then(|w| w.found.as_ref()) {
        Some(found) => [
            q!([] erased_entry()),
            q!([] erased_status()),
            q!([] erased_code()),
            q!([] erased_has_part(__part)),
            q!([] erased_fmt_part(__part, __formatter)),
        ]
        .map(|call| q!([private, found, call] if let #private::Some(__found) = #found { return __found.#call; })),
        None => [(); 5].map(|()| TokenStream::new()),
    };
    // A wrapper that looks for types answers with the one found: its violations, headers,
    // body and format; what it is by itself goes to `WrapperOwn`, beside the impl.
    let (violations, headers, code_in_body, to_response_with, wrapper_items) = match &wrapper {
        Some(wrapper) => wrapper.delegating(
            &private,
            ident,
            [&entry, &status, &code, &has_part, &fmt_part],
            headers,
            violations,
            code_in_body,
            to_response_with,
        ),
        None => (
            violations,
            headers,
            code_in_body,
            to_response_with,
            TokenStream::new(),
        ),
    };
    let (log_source, catalogue) = match &wrapper {
        Some(wrapper) => (wrapper.log_source.clone(), wrapper.catalogue(&catalogue)),
        None => (
            q! {[private]
                fn log_source(&self) -> #private::core::option::Option<&(dyn #private::std::error::Error + 'static)> {
                    #private::std::error::Error::source(self)
                }
            },
            catalogue,
        ),
    };
    let opt_out = (!input.attrs.framework_impls()).then(|| q!([] framework_impls = false,));

    // Paths are absolute (`::apifault::…`), which `unused_qualifications` never reports;
    // a `crate = path` of the user's may be relative, and then it would.
    let relative_crate = input
        .attrs
        .krate
        .as_ref()
        .filter(|path| path.leading_colon.is_none())
        .map(|_| q!([] unused_qualifications,));

    // The block scopes the entries' static to this impl; generic impls cannot hold one.
    // Allowed in it, as serde does for its derives: clippy's lints against the shape of
    // per-variant code (a `_` arm for the variants a method has nothing to do for, arms
    // alike, single-arm matches, positional format arguments that keep every field bound
    // by the match) and against the hashes of the duplicate check's table, which no one
    // reads.
    q! {[
        relative_crate, format_aliases, statics, unique_codes, member_items, assert_error,
        impl_generics, private, ident, type_generics, where_clause, format, catalogue, log,
        code_header, log_level, log_source, found_entry, entry, found_status, status,
        found_code, code, found_has_part, has_part, found_fmt_part, fmt_part, members,
        violations, headers, code_in_body, to_response_with, warn_refused, own_body, i18n,
        wrapper_items, opt_out
    ]
        #[allow(
            #relative_crate
            clippy::match_same_arms,
            clippy::match_wildcard_for_single_variants,
            clippy::single_match,
            clippy::single_match_else,
            clippy::uninlined_format_args,
            clippy::unreadable_literal
        )]
        const _: () = {
        #format_aliases

        #statics

        #unique_codes

        #member_items

        #assert_error

        #[automatically_derived]
        impl #impl_generics #private::ApiError for #ident #type_generics #where_clause {
            type Format = #format;

            const CATALOGUE: &'static #private::Catalogue = #catalogue;

            #log

            #code_header

            #log_level

            #log_source

            fn entry(&self) -> &'static #private::Entry { #found_entry #entry }

            fn status(&self) -> #private::http::StatusCode { #found_status #status }

            fn code(&self) -> &str { #found_code #code }

            fn has_part(&self, __part: #private::Part) -> bool { #found_has_part #has_part }

            fn fmt_part(&self, __part: #private::Part, __formatter: &mut #private::core::fmt::Formatter<'_>) -> #private::core::fmt::Result {
                #found_fmt_part
                #fmt_part
            }

            #members
            #violations
            #headers
            #code_in_body
            #to_response_with
            #warn_refused
            #own_body
            #i18n
        }

        #wrapper_items

        // The framework impls of the runtime's enabled features (`axum`, `actix-web`):
        // the runtime decides which exist, so the derive needs not know its features.
        #private::__integrations! { #opt_out [#impl_generics] [#ident #type_generics] [#where_clause] }
        };
    }
}
