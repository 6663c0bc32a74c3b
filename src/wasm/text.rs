//! A JavaScript string's text, written as UTF-8 by the engine's own encoder straight into the
//! module's memory, in one crossing.
//!
//! wasm-bindgen's `JsValue::as_string` copies a string in a JavaScript loop, one UTF-16 unit
//! at a time, up to its first non-ASCII character; for a request of a few hundred characters
//! that loop was the largest single cost of a valid request in Node. `TextEncoder.encodeInto`
//! does the same work natively. Both replace a lone surrogate with U+FFFD, so the text read
//! is the same (the callers look for lone surrogates in the string itself).
//!
//! The encoder writes into a buffer kept between calls ([`SCRATCH`]), so a call asks nothing
//! of JavaScript beforehand (not the string's length, not the memory object) and, for a text
//! that fits, zeroes nothing: one crossing for a text that fits, two for one that does not.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/wasm/bindings.js")]
extern "C" {
    /// Encodes `text` into `capacity` bytes of `memory` at `at`: the bytes written; -1 for a
    /// value that is not a string; `-2 - units` (its length in UTF-16 units) when the bytes
    /// did not hold all of it.
    #[wasm_bindgen(js_name = encodeInto)]
    fn encode_into(text: &JsValue, memory: &JsValue, at: u32, capacity: u32) -> f64;
}

/// The most the scratch buffer keeps between calls: a request's text of a few hundred bytes
/// fits many times over; the room a larger one took is given back once it is copied out.
const SCRATCH_KEPT: usize = 64 * 1024;

/// What the scratch buffer starts with: the typical request and then some.
const SCRATCH_FIRST: usize = 4 * 1024;

thread_local! {
    /// The module's memory, as JavaScript sees it: the same object however much it grows.
    static MEMORY: JsValue = wasm_bindgen::memory();
    /// Where the encoder writes a text that fits.
    static SCRATCH: RefCell<Vec<u8>> = RefCell::new(vec![0; SCRATCH_FIRST]);
}

/// Calls `read` with the module's memory object (kept, not asked of JavaScript each time).
pub(crate) fn with_memory<T>(read: impl FnOnce(&JsValue) -> T) -> T {
    MEMORY.with(read)
}

/// What one try at encoding gave.
enum Encoded {
    /// The text's UTF-8 in the buffer's first bytes.
    Bytes(usize),
    /// The value is no string.
    NotText,
    /// The buffer was too small for this many UTF-16 units.
    TooSmall(usize),
}

/// Encodes `value` into `buffer` when it is a string.
fn encode(value: &JsValue, buffer: &mut [u8]) -> Encoded {
    // Within `u32` on wasm32, where `usize` is 32 bits; saturated elsewhere.
    let capacity = u32::try_from(buffer.len()).unwrap_or(u32::MAX);
    // wasm32 addresses are 32 bits: the pointer is the offset into the memory.
    let at = buffer.as_mut_ptr() as usize as u32;
    let answer = with_memory(|memory| encode_into(value, memory, at, capacity));
    if answer >= 0.0 {
        // At most `capacity` (the encoder writes no more than the view it is given).
        Encoded::Bytes((answer as usize).min(buffer.len()))
    } else if answer == -1.0 {
        Encoded::NotText
    } else {
        Encoded::TooSmall((-answer - 2.0) as usize)
    }
}

/// The text of `value` when it is a string (as `JsValue::as_string`), `None` otherwise.
pub(crate) fn string_of(value: &JsValue) -> Option<String> {
    SCRATCH.with_borrow_mut(|scratch| {
        let units = match encode(value, scratch) {
            Encoded::Bytes(written) => return text(&scratch[..written], value),
            Encoded::NotText => return None,
            Encoded::TooSmall(units) => units,
        };
        // Every UTF-16 unit takes at most three bytes of UTF-8.
        let Some(needed) = units.checked_mul(3) else {
            return value.as_string();
        };
        scratch.resize(needed, 0);
        let read = match encode(value, scratch) {
            Encoded::Bytes(written) => text(&scratch[..written], value),
            _ => value.as_string(),
        };
        if scratch.len() > SCRATCH_KEPT {
            scratch.truncate(SCRATCH_KEPT);
            scratch.shrink_to_fit();
        }
        read
    })
}

/// The encoder's bytes as a `String` (the check is the one `str` asks for, not a doubt).
fn text(bytes: &[u8], value: &JsValue) -> Option<String> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Some(text.to_owned()),
        Err(_) => value.as_string(),
    }
}
