//! The JavaScript API in headless Chromium (chromedriver on PATH):
//! `cargo test --target wasm32-unknown-unknown --test wasm_browser`. The cases are in
//! `wasm_api/`, shared with `wasm_node.rs`.
#![cfg(target_arch = "wasm32")]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

mod wasm_api;
