//! The JavaScript API in Node.js: `cargo test --target wasm32-unknown-unknown --test wasm_node`
//! (the runner is set in .cargo/config.toml; scripts/test-wasm.sh runs it). The cases are in
//! `wasm_api/`, shared with `wasm_browser.rs`.
#![cfg(target_arch = "wasm32")]

mod wasm_api;
