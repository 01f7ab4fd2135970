//! Collects every error of one derive so they are all reported in one build.

use proc_macro2::Span;
use std::fmt::Display;

#[derive(Default)]
pub struct Errors {
    list: Vec<syn::Error>,
}

impl Errors {
    pub fn at(&mut self, span: Span, message: impl Display) {
        self.list.push(syn::Error::new(span, message));
    }

    pub fn push(&mut self, error: syn::Error) {
        self.list.push(error);
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// All errors as one, in the order they were found.
    pub fn into_result(self) -> Result<(), syn::Error> {
        let mut list = self.list.into_iter();
        match list.next() {
            None => Ok(()),
            Some(mut first) => {
                for error in list {
                    first.combine(error);
                }
                Err(first)
            }
        }
    }
}
