//! The integrations, one module each behind its feature (re-exported at the crate root as
//! `apifault::axum`, …), and the framework impls every derived type gets, one macro per
//! integration.
//!
//! The derive emits a single `__integrations!` call and never learns which features are
//! on: that is decided here. Each integration's macro is defined twice, once under its
//! feature and once as a no-op, because a `#[cfg(feature = …)]` written inside a macro's
//! expansion would be evaluated in the user's crate, against the user's features.
//!
//! The input is `[impl generics] [self type] [where clause]`, as `split_for_impl` prints
//! them, so generic types, lifetimes and bounds carry over unchanged; a leading
//! `framework_impls = false,` (the type's `#[api_error(framework_impls = false)]`) leaves
//! out the framework impls (axum's `IntoResponse`, actix-web's `ResponseError`), which the
//! user then writes around the public helpers.

#[cfg(feature = "actix-web")]
#[cfg_attr(docsrs, doc(cfg(feature = "actix-web")))]
pub mod actix_web;
#[cfg(feature = "aide")]
#[cfg_attr(docsrs, doc(cfg(feature = "aide")))]
pub mod aide;
#[cfg(feature = "axum")]
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
pub mod axum;
#[cfg(any(feature = "axum", feature = "actix-web", feature = "tonic"))]
mod context;
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub(crate) mod docs;
#[cfg(feature = "i18n")]
#[cfg_attr(docsrs, doc(cfg(feature = "i18n")))]
pub mod i18n;
#[cfg(any(feature = "utoipa", feature = "aide"))]
mod openapi;
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub(crate) mod rejection;
#[cfg(feature = "tonic")]
#[cfg_attr(docsrs, doc(cfg(feature = "tonic")))]
pub mod tonic;
pub(crate) mod tracing;
#[cfg(feature = "utoipa")]
#[cfg_attr(docsrs, doc(cfg(feature = "utoipa")))]
pub mod utoipa;

/// Every enabled integration's impls for one derived type.
#[doc(hidden)]
#[macro_export]
macro_rules! __integrations {
    ([$($generics:tt)*] [$($ty:tt)*] [$($bounds:tt)*]) => {
        $crate::__axum_impl! { [$($generics)*] [$($ty)*] [$($bounds)*] }
        $crate::__actix_web_impl! { [$($generics)*] [$($ty)*] [$($bounds)*] }
        $crate::__utoipa_impl! { [$($generics)*] [$($ty)*] [$($bounds)*] }
        $crate::__aide_impl! { [$($generics)*] [$($ty)*] [$($bounds)*] }
        $crate::__tonic_impl! { [$($generics)*] [$($ty)*] [$($bounds)*] }
    };
    (framework_impls = false, [$($generics:tt)*] [$($ty:tt)*] [$($bounds:tt)*]) => {
        $crate::__utoipa_impl! { [$($generics)*] [$($ty)*] [$($bounds)*] }
        $crate::__aide_impl! { [$($generics)*] [$($ty)*] [$($bounds)*] }
    };
}

/// `axum::response::IntoResponse`, in the value's own format, with the request context of
/// [`ContextLayer`](crate::axum::ContextLayer) when it runs.
#[cfg(feature = "axum")]
#[doc(hidden)]
#[macro_export]
macro_rules! __axum_impl {
    ([$($generics:tt)*] [$($ty:tt)*] [$($bounds:tt)*]) => {
        #[automatically_derived]
        impl $($generics)* $crate::__private::axum::response::IntoResponse for $($ty)* $($bounds)* {
            fn into_response(self) -> $crate::__private::axum::response::Response {
                $crate::axum::respond(&self)
            }
        }
    };
}

#[cfg(not(feature = "axum"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __axum_impl {
    ($($input:tt)*) => {};
}

/// `actix_web::ResponseError`, in the value's own format.
#[cfg(feature = "actix-web")]
#[doc(hidden)]
#[macro_export]
macro_rules! __actix_web_impl {
    ([$($generics:tt)*] [$($ty:tt)*] [$($bounds:tt)*]) => {
        #[automatically_derived]
        impl $($generics)* $crate::__private::actix_web::ResponseError for $($ty)* $($bounds)* {
            fn status_code(&self) -> $crate::__private::actix_web::http::StatusCode {
                $crate::actix_web::status_code(self)
            }

            fn error_response(&self) -> $crate::__private::actix_web::HttpResponse {
                $crate::actix_web::respond(self)
            }
        }
    };
}

#[cfg(not(feature = "actix-web"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __actix_web_impl {
    ($($input:tt)*) => {};
}

/// `utoipa::IntoResponses`: every status with its codes and an example body per code, in
/// the type's format.
#[cfg(feature = "utoipa")]
#[doc(hidden)]
#[macro_export]
macro_rules! __utoipa_impl {
    ([$($generics:tt)*] [$($ty:tt)*] [$($bounds:tt)*]) => {
        #[automatically_derived]
        impl $($generics)* $crate::__private::utoipa::IntoResponses for $($ty)* $($bounds)* {
            fn responses() -> $crate::__private::std::collections::BTreeMap<
                $crate::__private::std::string::String,
                $crate::__private::utoipa::openapi::RefOr<
                    $crate::__private::utoipa::openapi::response::Response,
                >,
            > {
                $crate::utoipa::responses::<Self>()
            }
        }
    };
}

#[cfg(not(feature = "utoipa"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __utoipa_impl {
    ($($input:tt)*) => {};
}

/// `aide::OperationOutput`: every status with its codes and an example body per code, in
/// the type's format, as for utoipa.
#[cfg(feature = "aide")]
#[doc(hidden)]
#[macro_export]
macro_rules! __aide_impl {
    ([$($generics:tt)*] [$($ty:tt)*] [$($bounds:tt)*]) => {
        #[automatically_derived]
        impl $($generics)* $crate::__private::aide::OperationOutput for $($ty)* $($bounds)* {
            type Inner = Self;

            fn inferred_responses(
                context: &mut $crate::__private::aide::generate::GenContext,
                _: &mut $crate::__private::aide::openapi::Operation,
            ) -> $crate::__private::std::vec::Vec<(
                $crate::__private::core::option::Option<u16>,
                $crate::__private::aide::openapi::Response,
            )> {
                $crate::aide::inferred_responses::<Self>(context)
            }
        }
    };
}

#[cfg(not(feature = "aide"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __aide_impl {
    ($($input:tt)*) => {};
}

/// `From<E> for tonic::Status`, so `?` converts the error in a tonic handler, with the
/// request context of [`ContextLayer`](crate::tonic::ContextLayer) when it runs.
///
/// The type's bounds hold of the error as `Self`: the conversion is an impl of `ToStatus`
/// for it, under them, and the `From` impl requires that one under a binder, so a type
/// that is not an `Error` gets only the derive's one error, not one more here. The `From`
/// impl repeats the bounds for the type's own where-clause (its `Self: Error`, now of
/// `Status`, holds).
#[cfg(feature = "tonic")]
#[doc(hidden)]
#[macro_export]
macro_rules! __tonic_impl {
    ([$($generics:tt)*] [$($ty:tt)*] [$($bounds:tt)*]) => {
        #[automatically_derived]
        impl $($generics)* $crate::__private::ToStatus for $($ty)* $($bounds)* {
            fn to_status(&self) -> $crate::__private::tonic::Status {
                $crate::tonic::status(self)
            }
        }

        $crate::__tonic_from! { [$($generics)*] [$($ty)*] [$($bounds)*] }
    };
}

/// The `From` impl of [`__tonic_impl`], with or without the type's where-clause.
#[cfg(feature = "tonic")]
#[doc(hidden)]
#[macro_export]
macro_rules! __tonic_from {
    ([$($generics:tt)*] [$($ty:tt)*] [$(where $($bounds:tt)*)?]) => {
        #[automatically_derived]
        impl $($generics)* ::core::convert::From<$($ty)*> for $crate::__private::tonic::Status
        where
            for<'__apifault> $($ty)*: $crate::__private::ToStatus,
            $($($bounds)*)?
        {
            fn from(error: $($ty)*) -> Self {
                $crate::__private::ToStatus::to_status(&error)
            }
        }
    };
}

#[cfg(not(feature = "tonic"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __tonic_impl {
    ($($input:tt)*) => {};
}

/// The translation arguments of a derived type (feature `i18n`): the derive writes its
/// `__I18N_SIGNATURES` constant and `__i18n_arguments` method into this call inside its
/// `ApiError` impl, and without the feature they are not compiled at all.
#[cfg(feature = "i18n")]
#[doc(hidden)]
#[macro_export]
macro_rules! __i18n_impl {
    ($($items:tt)*) => {
        $($items)*
    };
}

#[cfg(not(feature = "i18n"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __i18n_impl {
    ($($items:tt)*) => {};
}
