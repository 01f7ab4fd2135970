//! An error built from the fuzzer's bytes, rendered in `pax8::Pax8`: see `apifault_fuzz::check`
//! for the invariants.
#![no_main]

use apifault_fuzz::{Checks, Input, check};

libfuzzer_sys::fuzz_target!(|input: Input| check::<apifault_fuzz::pax8::Pax8>(
    &input,
    Checks::Pax8
));
