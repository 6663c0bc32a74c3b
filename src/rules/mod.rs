//! The rules, one module per rule family, each a set of pure functions over plain values.
//!
//! A form can call them field by field as the user types; whole-request validation
//! ([`validate`](crate::validate)) calls the same functions after checking JSON types. Every
//! function returns [`Violation`]s, never text: an empty list means the
//! value passes. String values first go through [`text::clean`] (whitespace, look-alike and
//! invisible characters), and the family's own rule checks what the user meant.
//!
//! | module | parameters |
//! | --- | --- |
//! | [`common`] | `Action`, `Version`, `Region` |
//! | [`name`] | `Name` |
//! | [`action_type`] | `ActionType` |
//! | [`resource_type`] | `ResourceType` |
//! | [`switch`] | `Status`, `TrackForAllMembers` |
//! | [`event_names`] | `EventNames` given `ResourceType` |
//! | [`resource_fields`] | `Filters.ResourceFields` as a list (each entry's fields as above) |
//! | [`storage`] | `Storage` and its fields |
//! | [`catalog`] | `ResourceType` and `EventNames` against the product catalogue (advisory) |
//! | [`policy`] | the team's policies, each about one parameter |
//! | [`text`] | whitespace, look-alike and invisible characters in any string |

pub mod action_type;
pub mod catalog;
pub mod common;
mod dispatch;
pub mod event_names;
pub mod name;
pub mod policy;
pub mod resource_fields;
pub mod resource_type;
pub mod storage;
pub mod switch;
pub mod text;

pub(crate) use dispatch::Rules;

use crate::Violation;

/// Adds the violation `build` makes to `found`, out of line.
///
/// A rule's fault path (owned copies of the value, a did-you-mean search) is rare. Natively it
/// is built here, away from the checks, which keeps the checks' code compact (the string
/// rules' dispatch 23.5 → 9.7 KB; benches/README.md, twelfth round). The WebAssembly builds,
/// which weigh bytes first, keep it in line.
#[cfg_attr(not(target_arch = "wasm32"), cold, inline(never))]
#[cfg_attr(target_arch = "wasm32", inline(always))]
pub(crate) fn report(found: &mut Vec<Violation>, build: impl FnOnce() -> Violation) {
    found.push(build());
}

/// The one violation `build` makes, out of line as in [`report`].
#[cfg_attr(not(target_arch = "wasm32"), cold, inline(never))]
#[cfg_attr(target_arch = "wasm32", inline(always))]
pub(crate) fn reported(build: impl FnOnce() -> Violation) -> Vec<Violation> {
    vec![build()]
}

/// The did-you-mean helper under its old path; [`crate::suggest`] is its home.
#[doc(hidden)]
pub use crate::suggest;
