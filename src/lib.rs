//! Validate Tencent Cloud CloudAudit `CreateAuditTrack` requests (API version 2019-03-19)
//! before they are sent.
//!
//! The server enforces its rules only after a round trip, one terse error code at a time. This
//! crate reports **every** problem at once, each with a stable rule id, a severity, the JSON
//! Pointer of the offending value, its line and column when validated from text, a message in
//! English and Simplified Chinese, the API error code the server would most likely answer, and
//! a suggestion where one is certain.
//!
//! ```
//! use cloudaudit_lint::{Locale, Validator};
//! let report = Validator::new().with_region("ap-guangzhou").validate_str(
//!     r#"{"Name": "audit", "ActionType": "read", "ResourceType": "cos", "Status": 1,
//!         "EventNames": ["PutBucketACL"], "Storage": {"StorageType": "cos",
//!         "StorageRegion": "ap-guangzhou", "StorageName": "audit-cos", "StoragePrefix": "logs"}}"#,
//! );
//! let d = &report.diagnostics[0];
//! assert_eq!(d.rule().as_str(), "action-type-value");
//! assert_eq!(d.path, "/ActionType");
//! assert_eq!(d.help(Locale::En).as_deref(), Some(r#"did you mean "Read"?"#));
//! assert_eq!(d.api_error_code().unwrap().as_str(), "InvalidParameterValue");
//! ```
//!
//! The layers, in the direction data flows: the text reader (one pass over the text that checks
//! its syntax and keeps, with positions, only what the rules read) → [`validate`] (the
//! parameters of [`facts::Param`]'s table → [`rules`]) → [`Violation`] → [`Diagnostic`] → reporters
//! ([`report`], the command-line program, the WebAssembly bindings). The API's facts live in
//! [`facts`] and reach the rules through a [`Profile`]; rule ids in [`RuleId`]; every message
//! in [`i18n`]. Two leaves that depend on nothing else in the crate serve the rules, the
//! messages, the catalogue and the reporters alike: [`suggest`] (did-you-mean) and [`unicode`]
//! (invisible and look-alike characters, display widths).

#![deny(missing_docs)]

pub mod catalog;
pub mod config;
pub mod diagnostic;
pub mod facts;
pub mod fix;
pub mod i18n;
#[cfg(all(feature = "cli", not(target_arch = "wasm32")))]
pub mod lsp;
mod order;
pub mod profile;
pub mod report;
pub mod request;
pub mod rule_doc;
pub mod rule_table;
pub mod rules;
pub mod schema;
// The text reader (decoding, parsing, positions): internal, public only for the CLI, the fuzz
// targets and the benchmarks. The types of it that the API returns are re-exported below:
// `Span` and `Position` with `Location`, and the syntax error types. Its links to its own
// hidden items are not rendered, which rustdoc would otherwise warn of.
#[doc(hidden)]
#[allow(rustdoc::broken_intra_doc_links)]
pub mod source;
pub mod suggest;
mod swar;
pub mod terraform;
pub mod unicode;
pub mod validate;
pub mod violation;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use config::Config;
pub use diagnostic::{Diagnostic, Enclosing, EnclosingKind, Location, Position, Report, Span};
pub use facts::Param;
pub use i18n::Locale;
pub use profile::Profile;
pub use request::{
    CreateAuditTrackRequest, CreateEventsAuditTrackRequest, DeleteAuditTrackRequest,
    DescribeAuditTrackRequest, DescribeAuditTracksRequest, Filters, ModifyAuditTrackRequest,
    ModifyEventsAuditTrackRequest, ResourceField, Storage, TrackRequest,
};
pub use rule_table::{RuleId, Severity, Violation};
pub use source::{Expected, SyntaxError, SyntaxErrorKind};
pub use validate::{Validator, validate_str, validate_value};
pub use violation::{JsonType, NotJson, PolicyRule, Replacement};

/// The README's Rust examples, run as doctests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
