//! House formats: error bodies of real APIs (awork, Kiteworks, Pax8, S3's XML), an HTML
//! page and a plain-text one, each written against apifault's public API only, the way a user writes a format of
//! their own.
//!
//! The examples show them, the tests check them against the seed pages and schemas, and
//! the fuzz targets render into them: all import them from here.

pub mod awork;
pub mod html_page;
pub mod kiteworks;
pub mod pax8;
pub mod plain_text;
pub mod s3_xml;

use apifault::{ApiError, Boom, Context, JsonApi, Problem};

/// `error`'s response in every format, built-in and house, in a fixed order: Problem,
/// JSON:API, Boom, awork, Kiteworks, Pax8.
pub fn every_format<E: ApiError>(error: &E, context: &Context<'_>) -> Vec<http::Response<Vec<u8>>> {
    vec![
        error.to_response_in::<Problem>(context),
        error.to_response_in::<JsonApi>(context),
        error.to_response_in::<Boom>(context),
        error.to_response_in::<awork::Awork>(context),
        error.to_response_in::<kiteworks::Kiteworks>(context),
        error.to_response_in::<pax8::Pax8>(context),
    ]
}
