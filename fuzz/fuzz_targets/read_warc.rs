#![no_main]
//! Fuzzes the Warc reader and the pipeline behind it.

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    common::read_and_extract(data, Some(dateline_read::Format::Warc));
});
