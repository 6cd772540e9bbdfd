#![no_main]
//! Fuzzes format sniffing (including binary detection) and whichever reader it picks.

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    common::read_and_extract(data, None);
});
