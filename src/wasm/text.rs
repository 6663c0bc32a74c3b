//! A JavaScript string's text, written as UTF-8 by the engine's own encoder straight into the
//! module's memory, in one crossing.
//!
//! wasm-bindgen's `JsValue::as_string` copies a string in a JavaScript loop, one UTF-16 unit
//! at a time, up to its first non-ASCII character; for a request of a few hundred characters
//! that loop was the largest single cost of a valid request in Node. `TextEncoder.encodeInto`
//! does the same work natively. A string with a lone surrogate (half of a UTF-16 pair) is no
//! text: the bindings tell it from the engine's own check (`isWellFormed`) before encoding,
//! and it is read the slow way, with U+FFFD in place of each, its first one's place given
//! ([`JsText::LoneSurrogate`]) for the caller to report.
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
    /// did not hold all of it; NaN, writing nothing, for a string with a lone surrogate.
    #[wasm_bindgen(js_name = encodeInto)]
    fn encode_into(text: &JsValue, memory: &JsValue, at: u32, capacity: u32) -> f64;
    /// The UTF-16 index of the first lone surrogate of `text`, -1 for none (found by a
    /// regular expression in unicode mode, where a surrogate that pairs is one code point;
    /// engines without `isWellFormed` use the same one to tell a string with one).
    #[wasm_bindgen(js_name = loneSurrogateAt)]
    fn lone_surrogate_at(text: &JsValue) -> f64;
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

/// Where `at` lies in the module's memory: wasm32 addresses are 32 bits, and the pointer is
/// the offset into the memory.
pub(crate) fn address(at: *const u8) -> u32 {
    at as usize as u32
}

/// A length in the module's memory, as JavaScript takes it: within `u32` on wasm32, where
/// `usize` is 32 bits; saturated elsewhere.
pub(crate) fn length(length: usize) -> u32 {
    u32::try_from(length).unwrap_or(u32::MAX)
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
    /// The value is a string with a lone surrogate.
    IllFormed,
}

/// Encodes `value` into `buffer` when it is a string.
fn encode(value: &JsValue, buffer: &mut [u8]) -> Encoded {
    let (at, capacity) = (address(buffer.as_ptr()), length(buffer.len()));
    let answer = with_memory(|memory| encode_into(value, memory, at, capacity));
    if answer.is_nan() {
        Encoded::IllFormed
    } else if answer >= 0.0 {
        // At most `capacity` (the encoder writes no more than the view it is given).
        Encoded::Bytes((answer as usize).min(buffer.len()))
    } else if answer == -1.0 {
        Encoded::NotText
    } else {
        Encoded::TooSmall((-answer - 2.0) as usize)
    }
}

/// A JavaScript string as text.
pub(crate) enum JsText {
    /// The string, which is text.
    Text(String),
    /// A string with a lone surrogate (half of a UTF-16 pair), which is not text: read with
    /// U+FFFD in place of each (as `JsValue::as_string` reads it).
    LoneSurrogate {
        /// The string so read.
        text: String,
        /// The first lone surrogate's index, in UTF-16 units.
        index: usize,
        /// Its code unit.
        code_unit: u16,
    },
}

/// The text of `value` when it is a string (as `JsValue::as_string`, a lone surrogate read as
/// U+FFFD), `None` otherwise.
pub(crate) fn string_of(value: &JsValue) -> Option<String> {
    js_text(value).map(|text| match text {
        JsText::Text(text) | JsText::LoneSurrogate { text, .. } => text,
    })
}

/// `value` as text when it is a string, saying whether it holds a lone surrogate; `None` when
/// it is no string.
pub(crate) fn js_text(value: &JsValue) -> Option<JsText> {
    // Taken for the call, not borrowed across it: the encoder is JavaScript, and what it calls
    // (`isWellFormed`, `encodeInto`) a page can patch to call the module again, which then
    // finds no buffer here and grows one of its own.
    let mut scratch = SCRATCH.take();
    let read = read_text(value, &mut scratch);
    if scratch.len() > SCRATCH_KEPT {
        scratch.truncate(SCRATCH_KEPT);
        scratch.shrink_to_fit();
    }
    SCRATCH.set(scratch);
    read
}

/// [`js_text`] with `scratch` to encode into, grown when the text needs more room.
fn read_text(value: &JsValue, scratch: &mut Vec<u8>) -> Option<JsText> {
    let units = match encode(value, scratch) {
        Encoded::Bytes(written) => return text(&scratch[..written], value).map(JsText::Text),
        Encoded::NotText => return None,
        Encoded::IllFormed => return ill_formed(value),
        Encoded::TooSmall(units) => units,
    };
    // Every UTF-16 unit takes at most three bytes of UTF-8.
    let Some(needed) = units.checked_mul(3) else {
        return value.as_string().map(JsText::Text);
    };
    scratch.resize(needed, 0);
    match encode(value, scratch) {
        Encoded::Bytes(written) => text(&scratch[..written], value).map(JsText::Text),
        _ => value.as_string().map(JsText::Text),
    }
}

/// A string with a lone surrogate, read the slow way (it is no request anyone can send).
fn ill_formed(value: &JsValue) -> Option<JsText> {
    let text = value.as_string()?;
    let index = lone_surrogate_at(value);
    let Some(code_unit) = (index >= 0.0)
        .then(|| {
            value
                .unchecked_ref::<js_sys::JsString>()
                .char_code_at(index as u32)
        })
        .filter(|unit| unit.is_finite())
    else {
        return Some(JsText::Text(text));
    };
    Some(JsText::LoneSurrogate {
        text,
        index: index as usize,
        code_unit: code_unit as u16,
    })
}

/// The encoder's bytes as a `String` (the check is the one `str` asks for, not a doubt).
fn text(bytes: &[u8], value: &JsValue) -> Option<String> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Some(text.to_owned()),
        Err(_) => value.as_string(),
    }
}
