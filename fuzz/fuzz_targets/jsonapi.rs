//! An error built from the fuzzer's bytes, rendered in `JsonApi`: see `apifault_fuzz::check`
//! for the invariants.
#![no_main]

use apifault_fuzz::{Checks, Input, check};

libfuzzer_sys::fuzz_target!(|input: Input| check::<apifault_fuzz::JsonApi>(
    &input,
    Checks::Jsonapi
));
