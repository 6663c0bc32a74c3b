//! A JavaScript string's text, written as UTF-8 by the engine's own encoder straight into the
//! module's memory.
//!
//! wasm-bindgen's `JsValue::as_string` copies a string in a JavaScript loop, one UTF-16 unit
//! at a time, up to its first non-ASCII character; for a request of a few hundred characters
//! that loop was the largest single cost of a valid request in Node. `TextEncoder.encodeInto`
//! does the same work natively. Both replace a lone surrogate with U+FFFD, so the text read
//! is the same (the callers look for lone surrogates in the string itself).

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/wasm/bindings.js")]
extern "C" {
    /// The string's length in UTF-16 units, or -1 for a value that is not a string.
    #[wasm_bindgen(js_name = utf16Length)]
    fn utf16_length(value: &JsValue) -> f64;
    /// Encodes `text` into `capacity` bytes of `memory` at `at`: the bytes written, or -1 when
    /// they did not hold all of it.
    #[wasm_bindgen(js_name = encodeInto)]
    fn encode_into(text: &JsValue, memory: &JsValue, at: u32, capacity: u32) -> f64;
}

/// The text of `value` when it is a string (as `JsValue::as_string`), `None` otherwise.
pub(crate) fn string_of(value: &JsValue) -> Option<String> {
    let units = utf16_length(value);
    if units < 0.0 {
        return None;
    }
    // Every UTF-16 unit takes at most three bytes of UTF-8; ASCII takes one, so the first
    // try, at one byte a unit, holds most requests.
    let units = units as usize;
    let memory = wasm_bindgen::memory();
    let attempts = [Some(units), units.checked_mul(3)];
    for capacity in attempts.into_iter().flatten() {
        let Ok(room) = u32::try_from(capacity) else {
            break;
        };
        let mut bytes = vec![0_u8; capacity];
        let at = bytes.as_mut_ptr() as usize as u32;
        let written = encode_into(value, &memory, at, room);
        if written < 0.0 {
            continue;
        }
        bytes.truncate(written as usize);
        // The encoder writes UTF-8; the check is the one `String` asks for, not a doubt.
        return String::from_utf8(bytes).ok().or_else(|| value.as_string());
    }
    value.as_string()
}
