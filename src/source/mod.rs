//! The request text: decoding, parsing and locating.
//!
//! Every problem the crate reports points at a place in the text the user
//! wrote, so the text is parsed here rather than with serde_json, which
//! cannot serve that purpose:
//!
//! - it keeps no positions, while every [`Node`] here carries the [`Span`]
//!   of its text and every [`Member`] the span of its key;
//! - it silently keeps only the last of duplicate object keys, while
//!   [`JsonValue::Object`] keeps every member, so duplicates can be reported;
//! - it turns numbers into `f64`/`u64`/`i64`, losing their text, while
//!   [`JsonValue::Number`] keeps it exactly (`1.50`, `1e400`, `-0`);
//! - its recursion limit surfaces as an error without a usable location,
//!   while here nesting deeper than [`MAX_DEPTH`] is a [`SyntaxError`] at the
//!   offending bracket, like every other syntax error.
//!
//! [`decode`] turns file bytes into text (refusing UTF-16 and invalid UTF-8),
//! [`parse`] turns text into a tree of nodes, and [`locate`] /
//! [`locate_all`] turn byte offsets into the line and column people and
//! editors use.
//!
//! ```
//! use cloudaudit_lint::source::{decode, locate, parse};
//!
//! let bytes = b"{\n  \"Name\": \"trail\",\n  \"Name\": 7\n}";
//! let text = decode(bytes).unwrap();
//! let root = parse(text).unwrap();
//! let names: Vec<_> = root
//!     .value
//!     .as_object()
//!     .unwrap()
//!     .iter()
//!     .filter(|member| member.key == "Name")
//!     .map(|member| locate(text, member.key_span.start).line)
//!     .collect();
//! assert_eq!(names, [2, 3]);
//! ```

mod arena;
mod decode;
mod error;
mod json_string;
mod parse;
mod pointer;
mod position;
mod shallow;
mod value;

pub use decode::decode;
pub use error::{Expected, SyntaxError, SyntaxErrorKind};
pub(crate) use json_string::push_json_string;
pub use parse::{JsonValue, MAX_DEPTH, Member, Node, parse};
pub(crate) use pointer::{pointer, unescape_token};
// The WebAssembly bindings' own uses: paths written key by key, columns JavaScript counts.
pub(crate) use arena::with_arena;
#[cfg(target_arch = "wasm32")]
pub(crate) use pointer::push_token;
pub(crate) use position::Locator;
#[cfg(target_arch = "wasm32")]
pub(crate) use position::utf16_len;
pub use position::{Position, Span, locate, locate_all};
pub(crate) use shallow::{Duplicate, Place, Shallow, ShallowMember, ShallowValue, read_request};
pub(crate) use value::{read_member_value, read_value};
