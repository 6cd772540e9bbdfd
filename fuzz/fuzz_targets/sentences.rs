#![no_main]
//! Fuzzes the tokenizer and sentence splitter on arbitrary text.

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    common::check(&dateline::Pipeline::new(), dateline::Article::from_body(text));
});
