//! `#[api_error(wrapper)]`: a struct around an `anyhow::Error` (or a boxed `dyn Error`),
//! which cannot be a `std::error::Error` itself. Its `Display` is the wrapped error's, its
//! log chain the wrapped error's sources, and with `find(…)` the first listed type in the
//! chain answers in its place.

use proc_macro2::{Ident, TokenStream};
use quote::quote_spanned;
use syn::spanned::Spanned;

use crate::code::join;
use crate::internals::ast::Input;

pub struct Wrapper {
    /// The wrapped error as a `&dyn Error`.
    wrapped: TokenStream,
    /// The search of the listed types, an `Option<&dyn DynApiError>`; none without `find`.
    pub found: Option<TokenStream>,
    /// The listed types' catalogue items.
    listed: Vec<TokenStream>,
    pub log_source: TokenStream,
    private: TokenStream,
}

/// The wrapper of a checked input with `#[api_error(wrapper)]`.
pub fn wrapper(input: &Input, private: &TokenStream) -> Option<Wrapper> {
    let attr = input.attrs.wrapper.as_ref()?;
    let member = &input.variants.first()?.fields.first()?.member;
    let field = input.variants.first()?.fields.first()?;
    let wrapped = quote_spanned!(field.ty.span()=> #private::Wrapped::as_error(&self.#member));
    let found = (!attr.find.is_empty()).then(|| {
        let finders = attr
            .find
            .iter()
            .map(|ty| q!([ty, private] <#ty as #private::Findable>::downcast));
        q!([private, wrapped, finders = join(finders, Some(','))] #private::find(#wrapped, &[#finders]))
    });
    let listed = attr
        .find
        .iter()
        .map(|ty| {
            // A found type answers in its own format, not the wrapper's.
            q!([ty, private] <#ty as #private::Findable>::ITEM)
        })
        .collect();
    let log_source = q! {[private, wrapped]
        fn log_source(&self) -> #private::core::option::Option<&(dyn #private::std::error::Error + 'static)> {
            #private::std::error::Error::source(#wrapped)
        }
    };
    Some(Wrapper {
        wrapped,
        found,
        listed,
        log_source,
        private: private.clone(),
    })
}

impl Wrapper {
    /// The wrapper's own catalogue, then each listed type's.
    pub fn catalogue(&self, own: &TokenStream) -> TokenStream {
        let private = &self.private;
        let listed = &self.listed;
        if listed.is_empty() {
            return own.clone();
        }
        q!([private, own, listed = join(listed, Some(','))] &#private::Catalogue { __items: &[#private::CatalogueItem::Nested(#own), #listed] })
    }

    /// The methods that answer with the found type, and the wrapper's items beside the impl:
    /// its `Display` and, with `find`, what it is by itself (`WrapperOwn`), which answers
    /// when no listed type is found. `own` are the bodies of its own `entry`, `status`,
    /// `code`, `has_part` and `fmt_part`.
    #[allow(clippy::too_many_arguments)]
    pub fn delegating(
        &self,
        private: &TokenStream,
        ident: &Ident,
        own: [&TokenStream; 5],
        headers: TokenStream,
        violations: TokenStream,
        code_in_body: TokenStream,
        to_response_with: TokenStream,
    ) -> (
        TokenStream,
        TokenStream,
        TokenStream,
        TokenStream,
        TokenStream,
    ) {
        let wrapped = &self.wrapped;
        let [own_entry, own_status, own_code, own_has_part, own_fmt_part] = own;
        let display = q! {[private, ident, wrapped]
            #[automatically_derived]
            impl #private::core::fmt::Display for #ident {
                fn fmt(&self, __formatter: &mut #private::core::fmt::Formatter<'_>) -> #private::core::fmt::Result {
                    #private::core::fmt::Display::fmt(#wrapped, __formatter)
                }
            }
        };
        let Some(found) = &self.found else {
            return (violations, headers, code_in_body, to_response_with, display);
        };
        let own_headers = if headers.is_empty() {
            q!([private] fn headers(&self, _: &mut #private::http::HeaderMap) {})
        } else {
            headers
        };
        // A wrapper has one field, the wrapped error: no violations, one format, its own
        // `code_in_body` a constant.
        let own_code_in_body = if code_in_body.is_empty() {
            q!([private] #private::WrapperOwn::own_entry(self).code_in_body)
        } else {
            q!([] false)
        };
        (
            q! {[private, found]
                fn violations(&self) -> #private::Violations<'_> {
                    match #found {
                        #private::Some(__found) => __found.erased_violations(),
                        #private::None => #private::Violations::none(),
                    }
                }
            },
            q! {[private, found]
                fn headers(&self, __headers: &mut #private::http::HeaderMap) {
                    if let #private::Some(__found) = #found {
                        __found.erased_headers(__headers);
                    } else {
                        #private::WrapperOwn::own_headers(self, __headers);
                    }
                }
            },
            q! {[found, private]
                fn code_in_body(&self) -> bool {
                    match #found {
                        #private::Some(__found) => __found.erased_code_in_body(),
                        #private::None => #private::WrapperOwn::own_code_in_body(self),
                    }
                }
            },
            q! {[private, found]
                fn to_response_with(&self, __context: &#private::Context<'_>) -> #private::http::Response<#private::std::vec::Vec<u8>> {
                    match #found {
                        #private::Some(__found) => __found.erased_response(__context),
                        #private::None => #private::response::<<Self as #private::ApiError>::Format, _>(&#private::Own(self), __context),
                    }
                }
            },
            q! {[
                display, private, ident, own_headers, own_entry, own_status, own_code,
                own_has_part, own_fmt_part, own_code_in_body
            ]
                #display

                /// The headers the wrapper declares itself, sent when no listed type is found.
                trait __ApifaultOwnHeaders {
                    fn headers(&self, __headers: &mut #private::http::HeaderMap);
                }

                impl __ApifaultOwnHeaders for #ident {
                    #own_headers
                }

                #[automatically_derived]
                impl #private::WrapperOwn for #ident {
                    fn own_entry(&self) -> &'static #private::Entry { #own_entry }

                    fn own_status(&self) -> #private::http::StatusCode { #own_status }

                    fn own_code(&self) -> &str { #own_code }

                    fn own_has_part(&self, __part: #private::Part) -> bool { #own_has_part }

                    fn own_fmt_part(&self, __part: #private::Part, __formatter: &mut #private::core::fmt::Formatter<'_>) -> #private::core::fmt::Result {
                        #own_fmt_part
                    }

                    fn own_headers(&self, __headers: &mut #private::http::HeaderMap) {
                        __ApifaultOwnHeaders::headers(self, __headers);
                    }

                    fn own_code_in_body(&self) -> bool {
                        #own_code_in_body
                    }
                }
            },
        )
    }
}
