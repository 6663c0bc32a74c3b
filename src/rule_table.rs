//! The one table of rules: everything decided about a rule, beside everything it can find.
//!
//! - [`RuleId`], a row per rule: the stable id, the default severity, the API error code the
//!   server would most likely answer, and the rule's page as the row's doc comment. The
//!   one-line descriptions, which state the facts of the profile in force, are
//!   [`i18n::describe`]'s.
//! - [`Violation`], a variant per kind of finding, carrying the facts its message states (the
//!   bad character and its index, the length and the limit, the count and the cap) and
//!   nothing else; then, each an exhaustive `match`, the rule a finding belongs to
//!   ([`Violation::rule`]) and the advice it gets ([`Violation::help`], worded by each
//!   language's table in [`i18n`]).
//!
//! Adding a rule to an existing family is a row and a variant here, its check in the family's
//! file under [`rules`](crate::rules), its texts in the two message tables and a row of the
//! family's test table (README.md, "Adding a rule to an existing family").
//!
//! This table is the source for `cloudaudit-lint rules`, the JavaScript `rules()`, SARIF rule
//! metadata and the README's rule table. Ids are kebab-case and never change meaning; a rule
//! that goes away leaves its id unused.
//!
//! ```
//! use cloudaudit_lint::{RuleId, Severity, Violation};
//! let rule: RuleId = "name-charset".parse().unwrap();
//! assert_eq!(rule, RuleId::NameCharset);
//! assert_eq!(rule.default_severity(), Severity::Error);
//! assert_eq!(rule.api_error_code().unwrap().as_str(), "InvalidParameterValue");
//!
//! let v = Violation::NameLength { length: 2, min: 3, max: 48 };
//! assert_eq!(v.rule(), RuleId::NameLength);
//! assert_eq!(v.to_string(), "Name is 2 characters long; it must be 3 to 48 characters");
//! ```

use serde::{Deserialize, Serialize};

use crate::Param;
use crate::facts::{self, ApiErrorCode};
use crate::i18n::{self, Help, Locale};
use crate::source::SyntaxErrorKind;
use crate::violation::{
    BucketNameFault, Fix, IntegerRange, JsonType, NotJson, PolicyRule, PrefixFault, Replacement,
    integer_range,
};

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Severity {
    /// The server would refuse the request (or silently do something else than asked).
    Error,
    /// Likely a mistake, but the server may accept it.
    Warning,
}

impl Severity {
    /// `"error"` or `"warning"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Error => "error",
            Self::Warning => "warning",
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error returned when a string is not a rule id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown rule id `{0}`")]
pub struct UnknownRuleId(pub String);

macro_rules! rule_table {
    ($(
        $(#[doc = $doc:literal])*
        $variant:ident => $id:literal, $severity:ident, $code:expr;
    )*) => {
        /// A rule's stable identity. See the module documentation for the table.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum RuleId {
            $(
                $(#[doc = $doc])*
                $variant,
            )*
        }

        impl RuleId {
            /// Every rule, in the order of the table.
            pub const ALL: &'static [RuleId] = &[$(RuleId::$variant),*];

            /// The stable kebab-case id, e.g. `"name-charset"`.
            pub const fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $id,)* }
            }

            /// The severity the rule reports at unless configured otherwise.
            pub const fn default_severity(self) -> Severity {
                match self { $(Self::$variant => Severity::$severity,)* }
            }

            /// The error code the server would most likely answer, or `None` where it would
            /// accept the request as it is.
            pub const fn api_error_code(self) -> Option<ApiErrorCode> {
                match self { $(Self::$variant => $code,)* }
            }

            /// The rule's documentation page as written in its doc comment (Markdown, each
            /// line as the comment has it): see [`rule_doc`](crate::rule_doc) for the
            /// rendered page.
            pub const fn documentation(self) -> &'static str {
                match self { $(Self::$variant => concat!($($doc, "\n"),*),)* }
            }
        }
    };
}

use ApiErrorCode::*;

rule_table! {
    /// ## What it checks
    /// The request text parses as JSON: no trailing commas, comments, single quotes or unquoted
    /// keys. The diagnostic points at the first place the parser stopped; no other rule runs on text
    /// that does not parse.
    ///
    /// ## Why
    /// The server answers `InvalidParameter` and says nothing about where the text broke. A trailing
    /// comma left after deleting a field is the usual cause, and JSON editors that accept it (JSON5,
    /// JSONC) hide it.
    ///
    /// ## Example
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit",}}
    /// ```
    ///
    /// Use instead:
    ///
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    JsonSyntax => "json-syntax", Error, Some(InvalidParameter);
    /// ## What it checks
    /// A Terraform `.tf` file parses as HCL: blocks closed, attributes one per line, strings
    /// quoted. The diagnostic points at the first place the parser stopped; no resource of a file
    /// that does not parse is checked.
    ///
    /// ## Why
    /// `terraform validate` needs `terraform init` and the providers; this check runs without
    /// them. A comma after an attribute, copied from JSON, is the usual cause.
    ///
    /// ## Example
    /// ```hcl
    /// resource "tencentcloud_audit_track" "main" {
    ///   name          = "audit-cos",
    ///   action_type   = "Write"
    ///   resource_type = "cos"
    ///   status        = 1
    ///   event_names   = ["DeleteBucket"]
    ///   storage {
    ///     storage_type   = "cos"
    ///     storage_region = "ap-guangzhou"
    ///     storage_name   = "audit-logs"
    ///     storage_prefix = "audit"
    ///   }
    /// }
    /// ```
    ///
    /// Use instead:
    ///
    /// ```hcl
    /// resource "tencentcloud_audit_track" "main" {
    ///   name          = "audit-cos"
    ///   action_type   = "Write"
    ///   resource_type = "cos"
    ///   status        = 1
    ///   event_names   = ["DeleteBucket"]
    ///   storage {
    ///     storage_type   = "cos"
    ///     storage_region = "ap-guangzhou"
    ///     storage_name   = "audit-logs"
    ///     storage_prefix = "audit"
    ///   }
    /// }
    /// ```
    HclSyntax => "hcl-syntax", Error, None;
    /// ## What it checks
    /// The text does not start with a byte order mark (U+FEFF, the bytes `EF BB BF` in UTF-8).
    /// Text in UTF-16 is refused too, with its own message.
    ///
    /// ## Why
    /// Editors on Windows save "UTF-8 with BOM" by default. JSON forbids the mark (RFC 8259,
    /// section 8.1) and the server's parser refuses the request with `InvalidParameter`, although the
    /// text looks right in every editor.
    ///
    /// ## Example
    /// The first request starts with the invisible U+FEFF:
    ///
    /// ```json
    /// ﻿{"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    ///
    /// Use instead:
    ///
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    ByteOrderMark => "byte-order-mark", Error, Some(InvalidParameter);
    /// ## What it checks
    /// The request is one JSON object, not an array, a string, a number or `null`.
    ///
    /// ## Why
    /// The API takes the parameters as the members of one object. Wrapping a request in an array
    /// (to send several at once) or quoting it as a string (JSON inside JSON) makes every parameter
    /// invisible to the server, which answers `InvalidParameter`.
    ///
    /// ## Example
    /// ```json
    /// [{"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///   "EventNames": ["DeleteBucket"],
    ///   "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///               "StorageName": "audit-logs", "StoragePrefix": "audit"}}]
    /// ```
    ///
    /// Use instead:
    ///
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    RequestNotObject => "request-not-object", Error, Some(InvalidParameter);
    /// ## What it checks
    /// No object has the same key twice. Every occurrence but the last is reported, since JSON
    /// parsers keep only the last value.
    ///
    /// ## Why
    /// What was written is not what is sent: the server sees one of the values, silently. A field
    /// pasted twice while editing, with two different values, is the usual cause.
    ///
    /// ## Example
    /// ```json
    /// {"Status": 0, "Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos",
    ///  "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    ///
    /// Use instead:
    ///
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    DuplicateKey => "duplicate-key", Error, None;
    /// ## What it checks
    /// Every parameter the action requires is present. For `CreateAuditTrack` these are `Name`,
    /// `ActionType`, `ResourceType`, `Status`, `EventNames` and `Storage` with its four fields; the
    /// `Region` comes from `--region` or from a `Region` key in the request.
    ///
    /// ## Why
    /// The server answers `MissingParameter` for the first one it misses, one round trip per
    /// parameter; this rule names all of them at once.
    ///
    /// ## Example
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    ///
    /// Use instead:
    ///
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    MissingParameter => "missing-parameter", Error, Some(MissingParameter);
    /// ## What it checks
    /// Every key is a parameter of the action being validated, with a did-you-mean for a near
    /// miss (`TrackForAllMember` → `TrackForAllMembers`).
    ///
    /// ## Why
    /// The server refuses a request with a parameter it does not define (`UnknownParameter`). A
    /// misspelt optional parameter is the dangerous case: without this rule, its value would never
    /// reach the server.
    ///
    /// ## Example
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "TrackForAllMember": 0,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    ///
    /// Use instead:
    ///
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "TrackForAllMembers": 0,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    UnknownParameter => "unknown-parameter", Error, Some(UnknownParameter);
    /// ## What it checks
    /// Every parameter has the JSON type the API defines: a string, an integer (a number written
    /// without fraction or exponent), an array of strings, or an object. When the intended value is
    /// certain, the help gives it (`"1"` → `1`) and `--fix` writes it.
    ///
    /// ## Why
    /// How the server treats a quoted number is undocumented, and a form that sends every field
    /// as a string gets it wrong for `Status`, `TrackForAllMembers` and `Compress`; the server
    /// answers `InvalidParameter`.
    ///
    /// ## Example
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": "1",
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    ///
    /// Use instead:
    ///
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    ParameterType => "parameter-type", Error, Some(InvalidParameter);
    /// ## What it checks
    /// A request that carries an `Action` key names the tracking-set API it is validated as:
    /// [`facts::ACTION`] unless `--action` (or `Validator::with_action`) chooses another.
    ///
    /// ## Why
    /// A misspelt action fails before any parameter is read (`InvalidAction`), and a request
    /// written for another action would be checked against the wrong parameters.
    ///
    /// ## Example
    /// ```json
    /// {"Action": "CreateAuditTrail", "Name": "audit-cos", "ActionType": "Write",
    ///  "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    ///
    /// Use instead:
    ///
    /// ```json
    /// {"Action": "CreateAuditTrack", "Name": "audit-cos", "ActionType": "Write",
    ///  "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    ActionValue => "action-value", Error, Some(InvalidAction);
    /// ## What it checks
    /// A request that carries a `Version` key names the API version this crate describes,
    /// [`facts::API_VERSION`].
    ///
    /// ## Why
    /// Each Tencent Cloud product has its own API versions; one copied from another product's
    /// request (CVM's `2017-03-12`) is answered with `NoSuchVersion`.
    ///
    /// ## Example
    /// ```json
    /// {"Version": "2017-03-12", "Name": "audit-cos", "ActionType": "Write",
    ///  "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    ///
    /// Use instead:
    ///
    /// ```json
    /// {"Version": "2019-03-19", "Name": "audit-cos", "ActionType": "Write",
    ///  "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    VersionValue => "version-value", Error, Some(NoSuchVersion);
    /// ## What it checks
    /// `TrackId`, which `ModifyAuditTrack`, `DeleteAuditTrack` and `DescribeAuditTrack` require, is
    /// a positive integer.
    ///
    /// ## Why
    /// Tracking-set IDs start at 1. A `0` or a negative number left by a form's default is
    /// answered with `InvalidParameterValue`, or, worse, deletes nothing while the caller believes it
    /// did.
    ///
    /// ## Example
    /// ```json
    /// {"Action": "DeleteAuditTrack", "TrackId": 0}
    /// ```
    ///
    /// Use instead:
    ///
    /// ```json
    /// {"Action": "DeleteAuditTrack", "TrackId": 12}
    /// ```
    TrackIdValue => "track-id-value", Error, Some(InvalidParameterValue);
    /// ## What it checks
    /// `PageNumber` and `PageSize` of `DescribeAuditTracks` are positive integers.
    ///
    /// ## Why
    /// Pages count from 1: a `PageNumber` of 0, the habit of zero-based indexes, is answered with
    /// `InvalidParameterValue`.
    ///
    /// ## Example
    /// ```json
    /// {"Action": "DescribeAuditTracks", "PageNumber": 0, "PageSize": 20}
    /// ```
    ///
    /// Use instead:
    ///
    /// ```json
    /// {"Action": "DescribeAuditTracks", "PageNumber": 1, "PageSize": 20}
    /// ```
    PageValue => "page-value", Error, Some(InvalidParameterValue);
    /// ## What it checks
    /// A `ModifyAuditTrack` (or `ModifyEventsAuditTrack`) request has no `Name`. It is a warning,
    /// not an error, because a `Name` equal to the tracking set's current name is accepted, and
    /// only the server knows it.
    ///
    /// ## Why
    /// The server refuses to rename a tracking set
    /// (`InvalidParameterValue.AuditTrackNameNotSupportModify`). A form that sends every field on
    /// each save sends the name too.
    ///
    /// ## Example
    /// ```json
    /// {"Action": "ModifyAuditTrack", "TrackId": 12, "Name": "audit-cos-2", "Status": 0}
    /// ```
    ///
    /// Use instead:
    ///
    /// ```json
    /// {"Action": "ModifyAuditTrack", "TrackId": 12, "Status": 0}
    /// ```
    ModifyName => "modify-name", Warning, Some(NameNotModifiable);
    /// ## What it checks
    /// The region the request is sent to, from `--region` (which wins) or from the request's
    /// `Region` key, is one the API is offered in: [`facts::SUPPORTED_REGIONS`]. A `Profile` or the
    /// configuration's `[api] regions` extends the list.
    ///
    /// ## Why
    /// CloudAudit is not offered in every region; a request sent elsewhere is answered with
    /// `UnsupportedRegion`, whatever its parameters.
    ///
    /// ## Example
    /// The same request, sent to a region the API is not offered in, and then to one it is:
    ///
    /// ```json region:ap-beijing
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    ///
    /// Use instead:
    ///
    /// ```json region:ap-guangzhou
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    RegionUnsupported => "region-unsupported", Error, Some(UnsupportedRegion);
    /// ## What it checks
    /// When the caller gives a region (`--region`, an SDK client's region) and the request has a
    /// `Region` key too, the two agree.
    ///
    /// ## Why
    /// The caller's region is the one used, so a `Region` in the document that says otherwise
    /// is ignored silently: the tracking set is created where the reader of the file does not expect
    /// it.
    ///
    /// ## Example
    /// ```json
    /// {"Region": "ap-hongkong", "Name": "audit-cos", "ActionType": "Write",
    ///  "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    ///
    /// Use instead:
    ///
    /// ```json
    /// {"Region": "ap-guangzhou", "Name": "audit-cos", "ActionType": "Write",
    ///  "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    RegionMismatch => "region-mismatch", Warning, None;
    /// ## What it checks
    /// No string parameter starts or ends with whitespace. The field's own rule then checks the
    /// trimmed value, so one stray space is one diagnostic. `--fix` trims it.
    ///
    /// ## Why
    /// The server does not trim: `"Write "` is not an `ActionType`, and `"audit-cos "` is not a
    /// valid name. A space copied from a spreadsheet or a form is invisible in most output.
    ///
    /// ## Example
    /// ```json
    /// {"Name": "audit-cos ", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    ///
    /// Use instead:
    ///
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    SurroundingWhitespace => "surrounding-whitespace", Error, Some(InvalidParameterValue);
    /// ## What it checks
    /// No string parameter holds a character that looks like an ASCII one but is not: Cyrillic
    /// and Greek letters, full-width forms, typographic dashes and quotes. The diagnostic names it
    /// by code point and the ASCII character it resembles; the field's own rule then checks the
    /// value with it folded.
    ///
    /// ## Why
    /// Values pasted from documents and chat tools carry look-alikes that no reader can see; the
    /// server compares code points and answers `InvalidParameterValue`. The first request below has
    /// a Cyrillic `а` (U+0430), written as a JSON escape so that it can be seen.
    ///
    /// ## Example
    /// ```json
    /// {"Name": "\u0430udit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    ///
    /// Use instead:
    ///
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    ConfusableCharacter => "confusable-character", Error, Some(InvalidParameterValue);
    /// ## What it checks
    /// No string parameter holds an invisible character: control characters, zero-width spaces
    /// and joiners, soft hyphens, or bidirectional-control characters. The diagnostic names it by
    /// code point and position.
    ///
    /// ## Why
    /// An invisible character makes two values that look equal differ, and a bidirectional
    /// control can make a value read differently from what it is (the "Trojan Source" attack). The
    /// server answers `InvalidParameterValue`. The first request below has a zero-width space
    /// (U+200B), written as a JSON escape so that it can be seen.
    ///
    /// ## Example
    /// ```json
    /// {"Name": "audit\u200b-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    ///
    /// Use instead:
    ///
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    InvisibleCharacter => "invisible-character", Error, Some(InvalidParameterValue);
    /// ## What it checks
    /// `Name` is [`facts::NAME_LENGTH`] characters long. Length counts characters, not bytes.
    ///
    /// ## Why
    /// The server answers `InvalidParameterValue` without saying which limit the name missed.
    ///
    /// ## Example
    /// ```json
    /// {"Name": "a1", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    ///
    /// Use instead:
    ///
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    NameLength => "name-length", Error, Some(InvalidParameterValue);
    /// ## What it checks
    /// `Name` has only ASCII letters, digits, hyphens (`-`) and underscores (`_`). The first other
    /// character is named by code point with its position, and the others are counted.
    ///
    /// ## Why
    /// The server answers `InvalidParameterValue` with no hint of which character it disliked; a
    /// space, a dot, or a name in Chinese are the usual causes.
    ///
    /// ## Example
    /// ```json
    /// {"Name": "audit cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    ///
    /// Use instead:
    ///
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    NameCharset => "name-charset", Error, Some(InvalidParameterValue);
    /// ## What it checks
    /// `ActionType` is one of [`facts::ACTION_TYPES`] (all events), with a did-you-mean for
    /// another case or a typo. `--fix` corrects the case.
    ///
    /// ## Why
    /// The values are case-sensitive and undocumented combinations such as `ReadWrite` are
    /// refused with `InvalidParameterValue`; `*` tracks both.
    ///
    /// ## Example
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "ReadWrite", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    ///
    /// Use instead:
    ///
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "*", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    ActionTypeValue => "action-type-value", Error, Some(InvalidParameterValue);
    /// ## What it checks
    /// `ResourceType` is `*` (all products) or one product code: ASCII letters and digits, such
    /// as `cos` or `cvm`.
    ///
    /// ## Why
    /// A tracking set covers one product or all of them. A list (`cos,cls`) or an empty value is
    /// answered with `InvalidParameterValue`; one tracking set per product, or `*`, is what the API
    /// takes.
    ///
    /// ## Example
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos,cls", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    ///
    /// Use instead:
    ///
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    ResourceTypeFormat => "resource-type-format", Error, Some(InvalidParameterValue);
    /// ## What it checks
    /// A product code in `ResourceType` is lowercase. It is a warning, since the server's
    /// handling of case is undocumented; `--fix` lowercases it.
    ///
    /// ## Why
    /// Product codes are lowercase everywhere in Tencent Cloud (`cos`, `cvm`), but product names
    /// are written in capitals (COS, CVM), and the name ends up in the field.
    ///
    /// ## Example
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "COS", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    ///
    /// Use instead:
    ///
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    ResourceTypeCase => "resource-type-case", Warning, Some(InvalidParameterValue);
    /// ## What it checks
    /// `ResourceType` is a product code the catalogue of audited products lists
    /// (`src/catalog/catalog.tsv`), with a did-you-mean for a typo or an old alias (`ca` →
    /// `cloudaudit`). It is advisory, a warning, because the catalogue is not complete: the live
    /// service knows more products. The rule needs the `catalog` feature, or a catalogue given to
    /// `Validator::with_catalog`.
    ///
    /// ## Why
    /// The server accepts any code, so a tracking set for a misspelt product is created and ships
    /// nothing, and nobody notices until the logs are needed.
    ///
    /// ## Example
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cmv", "Status": 1,
    ///  "EventNames": ["RunInstances"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    ///
    /// Use instead:
    ///
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cvm", "Status": 1,
    ///  "EventNames": ["RunInstances"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    ResourceTypeUnknown => "resource-type-unknown", Warning, None;
    /// ## What it checks
    /// `Status`, whether the tracking set ships logs, is one of [`facts::SWITCH_VALUES`]: 0 for
    /// not enabled, 1 for enabled. Whether it is an integer at all is `parameter-type`'s question.
    ///
    /// ## Why
    /// The server answers `InvalidParameterValue` for any other number; `2` or `-1` come from forms
    /// that map a checkbox to a number of their own.
    ///
    /// ## Example
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 2,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    ///
    /// Use instead:
    ///
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    StatusValue => "status-value", Error, Some(InvalidParameterValue);
    /// ## What it checks
    /// `TrackForAllMembers`, whether the tracking set covers every member account of an
    /// organization, is one of [`facts::SWITCH_VALUES`]: 0 for not enabled, 1 for enabled.
    ///
    /// ## Why
    /// The server answers `InvalidParameterValue` for any other number. Whether 1 is allowed
    /// depends on the account being an organization's admin, which only the server knows.
    ///
    /// ## Example
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "TrackForAllMembers": 2,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    ///
    /// Use instead:
    ///
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "TrackForAllMembers": 0,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    TrackForAllMembersValue => "track-for-all-members-value", Error, Some(InvalidParameterValue);
    /// ## What it checks
    /// `EventNames` lists at least one API name, or `*` for all of the product's APIs.
    ///
    /// ## Why
    /// An empty list is undocumented: the server may refuse it or create a tracking set that
    /// records nothing. It is a warning for that reason.
    ///
    /// ## Example
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": [],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    ///
    /// Use instead:
    ///
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    EventNamesEmpty => "event-names-empty", Warning, Some(InvalidParameterValue);
    /// ## What it checks
    /// When `ResourceType` is `*` (all products), `EventNames` is exactly `["*"]`. `--fix`
    /// keeps only the `*` of a list that has one.
    ///
    /// ## Why
    /// API names belong to one product, so they mean nothing across all products; the server
    /// answers `InvalidParameterValue`.
    ///
    /// ## Example
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "*", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    ///
    /// Use instead:
    ///
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "*", "Status": 1,
    ///  "EventNames": ["*"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    EventNamesWildcard => "event-names-wildcard", Error, Some(InvalidParameterValue);
    /// ## What it checks
    /// `EventNames` does not mix `*` (all APIs) with API names.
    ///
    /// ## Why
    /// `*` already covers every API of the product, so the names add nothing, and the reader
    /// cannot tell which was meant. The server's handling is undocumented, so it is a warning.
    ///
    /// ## Example
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["*", "DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    ///
    /// Use instead:
    ///
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["*"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    EventNamesMixedWildcard => "event-names-mixed-wildcard", Warning, None;
    /// ## What it checks
    /// No API name appears twice in `EventNames`. `--fix` removes the repeats.
    ///
    /// ## Why
    /// A repeat is harmless to the server but counts towards the cap on API names, and usually
    /// means another name was meant.
    ///
    /// ## Example
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket", "PutBucketACL", "DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    ///
    /// Use instead:
    ///
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket", "PutBucketACL"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    EventNamesDuplicate => "event-names-duplicate", Warning, None;
    /// ## What it checks
    /// For [`facts::CAPPED_PRODUCTS`], `EventNames` lists at most [`facts::EVENT_NAMES_CAP`] API
    /// names. `*` is not an API name and does not count.
    ///
    /// ## Why
    /// The server refuses a longer list with `LimitExceeded`. Tracking every API with `["*"]`,
    /// or splitting the names over several tracking sets, is the way out.
    ///
    /// ## Example
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket", "DeleteBucketCORS", "DeleteBucketPolicy", "DeleteBucketTagging",
    ///                 "DeleteBucketWebsite", "PutBucket", "PutBucketACL", "PutBucketCORS",
    ///                 "PutBucketPolicy", "PutBucketTagging", "PutBucketWebsite"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    ///
    /// Use instead:
    ///
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["*"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    EventNamesCap => "event-names-cap", Error, Some(LimitExceeded);
    /// ## What it checks
    /// For a product other than those `event-names-cap` covers, `EventNames` lists at most
    /// [`facts::EVENT_NAMES_CAP_OTHER`] API names. It is a warning: the English API page caps only
    /// cos and cls, the Chinese original every product.
    ///
    /// ## Why
    /// If the Chinese page is right, the server refuses the list with `LimitExceeded`; the
    /// configuration can make this rule an error (`event-names-cap-other = "error"`).
    ///
    /// ## Example
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cvm", "Status": 1,
    ///  "EventNames": ["RunInstances", "StartInstances", "StopInstances", "RebootInstances",
    ///                 "TerminateInstances", "ResetInstance", "ResizeInstanceDisks",
    ///                 "ModifyInstancesAttribute", "CreateImage", "DeleteImages", "CreateSnapshot"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    ///
    /// Use instead:
    ///
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cvm", "Status": 1,
    ///  "EventNames": ["*"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    EventNamesCapOther => "event-names-cap-other", Warning, Some(LimitExceeded);
    /// ## What it checks
    /// Each entry of `EventNames` is `*` or an API name: ASCII letters, digits and underscores,
    /// not empty. Only the characters are checked, since API names are not all PascalCase
    /// (`createTopic`, `SMS_AddDumpLogTask`).
    ///
    /// ## Why
    /// An entry with a space or a product prefix (`cos:DeleteBucket`) matches no event, so the
    /// tracking set records nothing for it. It is a warning, as the server's check is undocumented.
    ///
    /// ## Example
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["cos:DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    ///
    /// Use instead:
    ///
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    EventNameFormat => "event-name-format", Warning, Some(InvalidParameterValue);
    /// ## What it checks
    /// `Filters.ResourceFields` of `CreateEventsAuditTrack` and `ModifyEventsAuditTrack` is not
    /// empty.
    ///
    /// ## Why
    /// Each entry is one product to track; an empty list tracks nothing, which is never what a
    /// multi-product tracking set is for. The page does not say how the server answers (this rule
    /// is inferred, hence a warning); a list left empty by a template loop is the usual cause.
    ///
    /// ## Example
    /// ```json
    /// {"Action": "CreateEventsAuditTrack", "Name": "audit-multi", "Status": 1,
    ///  "Filters": {"ResourceFields": []},
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    ///
    /// Use instead:
    ///
    /// ```json
    /// {"Action": "CreateEventsAuditTrack", "Name": "audit-multi", "Status": 1,
    ///  "Filters": {"ResourceFields": [{"ResourceType": "cam", "ActionType": "*", "EventNames": ["AddSubAccount"]}]},
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    ResourceFieldsEmpty => "resource-fields-empty", Warning, Some(InvalidParameterValue);
    /// ## What it checks
    /// No two entries of `Filters.ResourceFields` name the same product (`ResourceType`, compared
    /// without surrounding whitespace). The later entry is reported, with the index of the first.
    ///
    /// ## Why
    /// Two entries for one product with different `ActionType` or `EventNames` leave unclear which
    /// the server keeps, or whether it merges them; merge them into one entry instead. The page does
    /// not document the case (this rule is inferred, hence a warning).
    ///
    /// ## Example
    /// ```json
    /// {"Action": "CreateEventsAuditTrack", "Name": "audit-multi", "Status": 1,
    ///  "Filters": {"ResourceFields": [{"ResourceType": "cam", "ActionType": "*", "EventNames": ["AddSubAccount"]},
    ///    {"ResourceType": "cam", "ActionType": "Read", "EventNames": ["AddSubAccountCheckingMFA"]}]},
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    ///
    /// Use instead:
    ///
    /// ```json
    /// {"Action": "CreateEventsAuditTrack", "Name": "audit-multi", "Status": 1,
    ///  "Filters": {"ResourceFields": [{"ResourceType": "cam", "ActionType": "*", "EventNames": ["AddSubAccount", "AddSubAccountCheckingMFA"]}]},
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    ResourceFieldsDuplicateProduct => "resource-fields-duplicate-product", Warning, None;
    /// ## What it checks
    /// No entry of `Filters.ResourceFields` has `*` (all products) as its `ResourceType` while
    /// others name specific products; the `*` entry is reported.
    ///
    /// ## Why
    /// `*` already covers every product, so the specific entries either add nothing or were meant
    /// to narrow what `*` tracks, which a list cannot do. The page does not document the case (this
    /// rule is inferred, hence a warning).
    ///
    /// ## Example
    /// ```json
    /// {"Action": "CreateEventsAuditTrack", "Name": "audit-multi", "Status": 1,
    ///  "Filters": {"ResourceFields": [{"ResourceType": "*", "ActionType": "*", "EventNames": ["*"]},
    ///    {"ResourceType": "cvm", "ActionType": "Write", "EventNames": ["*"]}]},
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    ///
    /// Use instead:
    ///
    /// ```json
    /// {"Action": "CreateEventsAuditTrack", "Name": "audit-multi", "Status": 1,
    ///  "Filters": {"ResourceFields": [{"ResourceType": "cvm", "ActionType": "Write", "EventNames": ["*"]}]},
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    ResourceFieldsWildcardMixed => "resource-fields-wildcard-mixed", Warning, None;
    /// ## What it checks
    /// Each API name in `EventNames` is one the catalogue lists for the product in `ResourceType`,
    /// with a did-you-mean for a near miss. It is advisory, a warning: the catalogue is stale and the
    /// live service knows more. It needs the `catalog` feature, or a catalogue given to
    /// `Validator::with_catalog`.
    ///
    /// ## Why
    /// The server accepts any name, so a misspelt one (`DeleteBuckets`) records nothing, silently.
    ///
    /// ## Example
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBuckets"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    ///
    /// Use instead:
    ///
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    EventNameUnknown => "event-name-unknown", Warning, None;
    /// ## What it checks
    /// `Storage.StorageType` is one of [`facts::STORAGE_TYPES`] (Cloud Object Storage or Cloud Log
    /// Service), with a did-you-mean. A `Profile` or the configuration's `[api] storage-types` adds
    /// others, such as the Chinese edition's `ckafka`.
    ///
    /// ## Why
    /// The server answers `InvalidParameterValue`, and the other storage rules need to know the
    /// type to check the name and the prefix.
    ///
    /// ## Example
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "s3", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    ///
    /// Use instead:
    ///
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    StorageTypeValue => "storage-type-value", Error, Some(InvalidParameterValue);
    /// ## What it checks
    /// `Storage.StorageRegion` is a region code: lowercase words joined by hyphens, such as
    /// `ap-guangzhou`, not a city's name.
    ///
    /// ## Why
    /// The console shows region names (Guangzhou, 广州), the API takes codes; the server answers
    /// `InvalidParameterValue`.
    ///
    /// ## Example
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "Guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    ///
    /// Use instead:
    ///
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    StorageRegionFormat => "storage-region-format", Error, Some(InvalidParameterValue);
    /// ## What it checks
    /// `Storage.StorageRegion` is a region Tencent Cloud publishes for COS and CLS, with a
    /// did-you-mean. It is a warning, because which regions CloudAudit ships to is only known at
    /// run time.
    ///
    /// ## Why
    /// A misspelt region (`ap-guangzou`) is answered with `InvalidParameterValue.CosRegionError`
    /// only after the round trip.
    ///
    /// ## Example
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    ///
    /// Use instead:
    ///
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    StorageRegionUnknown => "storage-region-unknown", Warning, Some(CosRegionError);
    /// ## What it checks
    /// For COS, `Storage.StorageName` is a bucket name: at most [`facts::COS_BUCKET_NAME_MAX`]
    /// lowercase ASCII letters, digits and hyphens, not starting or ending with a hyphen.
    ///
    /// ## Why
    /// COS refuses other bucket names, and the server answers `InvalidParameterValue`; uppercase
    /// letters and underscores, common in other clouds' names, are the usual causes.
    ///
    /// ## Example
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "Audit_Logs", "StoragePrefix": "audit"}}
    /// ```
    ///
    /// Use instead:
    ///
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    StorageNameCos => "storage-name-cos", Error, Some(InvalidParameterValue);
    /// ## What it checks
    /// For COS, `Storage.StorageName` does not end with an APPID suffix (a hyphen and ten digits,
    /// `-1250000000`). `--fix` removes it.
    ///
    /// ## Why
    /// The COS console shows buckets with the APPID appended, but CloudAudit wants the bare name:
    /// with the suffix the bucket is not found (`ResourceNotFound.CosNotExist`).
    ///
    /// ## Example
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs-1250000000", "StoragePrefix": "audit"}}
    /// ```
    ///
    /// Use instead:
    ///
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    StorageNameAppId => "storage-name-appid", Warning, Some(CosNotExist);
    /// ## What it checks
    /// For CLS, `Storage.StorageName` is a log topic ID of [`facts::CLS_TOPIC_LENGTH`] characters.
    ///
    /// ## Why
    /// The server answers `InvalidParameterValue`. A topic ID is a UUID; a longer value is often a
    /// topic ID and a log set ID pasted together.
    ///
    /// ## Example
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cls", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "b6e1c34c-3f16-4ab7-9d2e-6f3a1d1c0b8e/91f0e2a4-5c1d-4e7b-8a3f-2d6c9b0e1f47",
    ///              "StoragePrefix": "audit"}}
    /// ```
    ///
    /// Use instead:
    ///
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cls", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "b6e1c34c-3f16-4ab7-9d2e-6f3a1d1c0b8e",
    ///              "StoragePrefix": "audit"}}
    /// ```
    StorageNameCls => "storage-name-cls", Error, Some(InvalidParameterValue);
    /// ## What it checks
    /// For COS, `Storage.StoragePrefix` is [`facts::COS_PREFIX_LENGTH`] ASCII letters and digits.
    ///
    /// ## Why
    /// The prefix becomes part of the shipped files' names, and COS refuses other characters
    /// here; a path (`audit/logs`) or a hyphen is the usual cause. The server answers
    /// `InvalidParameterValue`.
    ///
    /// ## Example
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit/logs"}}
    /// ```
    ///
    /// Use instead:
    ///
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "auditlogs"}}
    /// ```
    StoragePrefixCos => "storage-prefix-cos", Error, Some(InvalidParameterValue);
    /// ## What it checks
    /// For storage other than COS (CLS), `Storage.StoragePrefix` is not empty. For COS, the length
    /// limit of `storage-prefix-cos` reports an empty prefix.
    ///
    /// ## Why
    /// The parameter is required, and an empty prefix is what a form sends for a field left
    /// blank; the server answers `InvalidParameterValue`.
    ///
    /// ## Example
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cls", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "b6e1c34c-3f16-4ab7-9d2e-6f3a1d1c0b8e",
    ///              "StoragePrefix": ""}}
    /// ```
    ///
    /// Use instead:
    ///
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cls", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "b6e1c34c-3f16-4ab7-9d2e-6f3a1d1c0b8e",
    ///              "StoragePrefix": "audit"}}
    /// ```
    StoragePrefixEmpty => "storage-prefix-empty", Warning, Some(InvalidParameterValue);
    /// ## What it checks
    /// For COS, the bucket's host name, `<bucket>-<APPID>.cos.<region>.myqcloud.com`, is at most
    /// [`facts::COS_HOST_MAX`] characters long, counting a ten-digit APPID. It is a warning: the
    /// APPID's length is assumed.
    ///
    /// ## Why
    /// A bucket name within its own limit can still make the host name too long for COS, and the
    /// shipping then fails at COS, after the tracking set was created.
    ///
    /// ## Example
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "cloudaudit-tracking-logs-for-production",
    ///              "StoragePrefix": "audit"}}
    /// ```
    ///
    /// Use instead:
    ///
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    StorageCosHostLength => "storage-cos-host-length", Warning, None;
    /// ## What it checks
    /// `Storage.StorageAccountId` and `Storage.StorageAppId` (Chinese edition: shipping to another
    /// account's storage) are strings of digits.
    ///
    /// ## Why
    /// Account IDs and APPIDs are numbers written as strings; a value copied with its label
    /// (`app-1250000000`) is refused with `InvalidParameterValue`. It is a warning, since the
    /// parameters are not on the English page.
    ///
    /// ## Example
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit",
    ///              "StorageAppId": "app-1250000000"}}
    /// ```
    ///
    /// Use instead:
    ///
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit",
    ///              "StorageAppId": "1250000000"}}
    /// ```
    StorageIdFormat => "storage-id-format", Warning, Some(InvalidParameterValue);
    /// ## What it checks
    /// `Storage.Compress` (Chinese edition) is one of [`facts::COMPRESS_VALUES`]: 1 to compress
    /// the shipped logs, 2 not to.
    ///
    /// ## Why
    /// Unlike the switches, 0 does not mean "off" here; the server answers
    /// `InvalidParameterValue`.
    ///
    /// ## Example
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit", "Compress": 0}}
    /// ```
    ///
    /// Use instead:
    ///
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit", "Compress": 2}}
    /// ```
    StorageCompressValue => "storage-compress-value", Error, Some(InvalidParameterValue);
    /// ## What it checks
    /// `Name` matches the pattern in the configuration's `[policy.name]`.
    ///
    /// ## Why
    /// A team's convention, checked before review instead of in it. The rule reports nothing without
    /// the configuration; the message is the configuration's `message`, when it has one.
    ///
    /// ## Example
    /// With this `cloudaudit-lint.toml`:
    ///
    /// ```toml
    /// [policy.name]
    /// pattern = "^prod-[a-z0-9-]+$"
    /// message = "tracking sets are named prod-<team>"
    /// ```
    ///
    /// this request is reported:
    ///
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    ///
    /// Use instead:
    ///
    /// ```json
    /// {"Name": "prod-audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    PolicyName => "policy-name", Error, None;
    /// ## What it checks
    /// `Storage.StorageType` is one of the configuration's `[policy.storage-type] allowed`.
    ///
    /// ## Why
    /// A team's convention, checked before review instead of in it. The rule reports nothing without
    /// the configuration; the message is the configuration's `message`, when it has one.
    ///
    /// ## Example
    /// With this `cloudaudit-lint.toml`:
    ///
    /// ```toml
    /// [policy.storage-type]
    /// allowed = ["cos"]
    /// ```
    ///
    /// this request is reported:
    ///
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cls", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "b6e1c34c-3f16-4ab7-9d2e-6f3a1d1c0b8e",
    ///              "StoragePrefix": "audit"}}
    /// ```
    ///
    /// Use instead:
    ///
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    PolicyStorageType => "policy-storage-type", Error, None;
    /// ## What it checks
    /// `Storage.StorageRegion` is one of the configuration's `[policy.storage-region] allowed`.
    ///
    /// ## Why
    /// A team's convention, checked before review instead of in it. The rule reports nothing without
    /// the configuration; the message is the configuration's `message`, when it has one.
    ///
    /// ## Example
    /// With this `cloudaudit-lint.toml`:
    ///
    /// ```toml
    /// [policy.storage-region]
    /// allowed = ["ap-guangzhou"]
    /// ```
    ///
    /// this request is reported:
    ///
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-shanghai",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    ///
    /// Use instead:
    ///
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    PolicyStorageRegion => "policy-storage-region", Error, None;
    /// ## What it checks
    /// `Status` is the configuration's `[policy.status] required`.
    ///
    /// ## Why
    /// A team's convention, checked before review instead of in it. The rule reports nothing without
    /// the configuration; the message is the configuration's `message`, when it has one.
    ///
    /// ## Example
    /// With this `cloudaudit-lint.toml`:
    ///
    /// ```toml
    /// [policy.status]
    /// required = 1
    /// ```
    ///
    /// this request is reported:
    ///
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 0,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    ///
    /// Use instead:
    ///
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    PolicyStatus => "policy-status", Error, None;
    /// ## What it checks
    /// `TrackForAllMembers` is the configuration's `[policy.track-for-all-members] required`.
    ///
    /// ## Why
    /// A team's convention, checked before review instead of in it. The rule reports nothing without
    /// the configuration; the message is the configuration's `message`, when it has one.
    ///
    /// ## Example
    /// With this `cloudaudit-lint.toml`:
    ///
    /// ```toml
    /// [policy.track-for-all-members]
    /// required = 0
    /// ```
    ///
    /// this request is reported:
    ///
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "TrackForAllMembers": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    ///
    /// Use instead:
    ///
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "TrackForAllMembers": 0,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    PolicyTrackForAllMembers => "policy-track-for-all-members", Error, None;
    /// ## What it checks
    /// `Storage.StoragePrefix` matches the pattern in the configuration's `[policy.storage-prefix]`.
    ///
    /// ## Why
    /// A team's convention, checked before review instead of in it. The rule reports nothing without
    /// the configuration; the message is the configuration's `message`, when it has one.
    ///
    /// ## Example
    /// With this `cloudaudit-lint.toml`:
    ///
    /// ```toml
    /// [policy.storage-prefix]
    /// pattern = "^[a-z]+$"
    /// ```
    ///
    /// this request is reported:
    ///
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "Audit2026"}}
    /// ```
    ///
    /// Use instead:
    ///
    /// ```json
    /// {"Name": "audit-cos", "ActionType": "Write", "ResourceType": "cos", "Status": 1,
    ///  "EventNames": ["DeleteBucket"],
    ///  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
    ///              "StorageName": "audit-logs", "StoragePrefix": "audit"}}
    /// ```
    PolicyStoragePrefix => "policy-storage-prefix", Error, None;
}

impl std::fmt::Display for RuleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for RuleId {
    type Err = UnknownRuleId;

    fn from_str(id: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .iter()
            .copied()
            .find(|rule| rule.as_str() == id)
            .ok_or_else(|| UnknownRuleId(id.to_owned()))
    }
}

impl Serialize for RuleId {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for RuleId {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let id = String::deserialize(deserializer)?;
        id.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A rule's discriminant is its place in `ALL`: the validator's table of levels is
    /// indexed so.
    #[test]
    fn each_rule_is_at_its_discriminant_in_all() {
        for (place, &rule) in RuleId::ALL.iter().enumerate() {
            assert_eq!(rule as usize, place, "{}", rule.as_str());
        }
    }

    #[test]
    fn ids_are_unique_kebab_case_and_round_trip() {
        let mut seen = std::collections::HashSet::new();
        for rule in RuleId::ALL {
            let id = rule.as_str();
            assert!(seen.insert(id), "duplicate id {id}");
            assert!(
                id.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{id} is not kebab-case"
            );
            assert_eq!(id.parse::<RuleId>(), Ok(*rule));
        }
        assert!("no-such-rule".parse::<RuleId>().is_err());
    }

    #[test]
    fn every_rule_is_described_in_both_languages() {
        use crate::i18n::{Locale, describe};
        let profile = crate::Profile::default();
        for rule in RuleId::ALL {
            assert!(
                describe(*rule, &profile, Locale::En).ends_with('.'),
                "{rule}"
            );
            assert!(
                describe(*rule, &profile, Locale::ZhCn).ends_with('。'),
                "{rule}"
            );
        }
    }
}

/// One problem found by one rule. Character indexes are 0-based and count Unicode scalar
/// values in the value as written (before trimming).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", i18n::message(self, Locale::En))]
#[non_exhaustive]
pub enum Violation {
    /// The text is not JSON.
    Syntax(SyntaxErrorKind),
    /// A Terraform `.tf` file is not valid HCL.
    HclSyntax {
        /// What the HCL parser expected, as it words it (English).
        message: String,
    },
    /// The text starts with U+FEFF.
    ByteOrderMark,
    /// The request is a JSON value other than an object.
    NotAnObject {
        /// What it is instead.
        found: JsonType,
    },
    /// A key appears again later in the same object; this occurrence is ignored.
    DuplicateKey {
        /// The key.
        key: String,
    },
    /// A required parameter is absent.
    MissingParameter {
        /// The parameter (a field of `Storage` is named by its own name).
        param: Param,
    },
    /// A parameter the API does not define.
    UnknownParameter {
        /// The API validated against.
        action: &'static str,
        /// The key as written.
        name: String,
        /// The defined parameter it most resembles.
        suggestion: Option<&'static str>,
    },
    /// A JavaScript value has no faithful JSON form (the npm package only): the
    /// `parameter-type` rule, since it is no value of any JSON type.
    NotJson {
        /// The parameter, e.g. `Status` or `EventNames[2]`.
        name: String,
        /// Why.
        reason: NotJson,
    },
    /// A value has the wrong JSON type.
    WrongType {
        /// The parameter, e.g. `Status` or `EventNames[2]`.
        name: String,
        /// The type the API takes.
        expected: JsonType,
        /// The type found.
        found: JsonType,
        /// The value to write instead, when the intent is unambiguous (`"1"` → `1`).
        replacement: Option<Replacement>,
    },
    /// `Action` names another API.
    WrongAction {
        /// The value found.
        found: String,
        /// The API being validated.
        expected: &'static str,
    },
    /// `Version` names another version.
    WrongVersion {
        /// The value found.
        found: String,
    },
    /// The API is not offered in the region.
    UnsupportedRegion {
        /// The region.
        region: String,
        /// A supported region it resembles.
        suggestion: Option<String>,
        /// The regions the profile supports.
        supported: Vec<String>,
    },
    /// The caller's region and the document's `Region` differ; the caller's is used.
    RegionMismatch {
        /// The caller's region.
        caller: String,
        /// The document's region.
        document: String,
    },
    /// Whitespace before or after the value.
    SurroundingWhitespace {
        /// The parameter (an entry of `EventNames` is named as `EventNames`).
        field: Param,
        /// Whether there is whitespace before the value.
        leading: bool,
        /// Whether there is whitespace after the value.
        trailing: bool,
        /// The value without it.
        trimmed: String,
    },
    /// A character that looks like an ASCII one.
    ConfusableCharacter {
        /// The parameter (an entry of `EventNames` is named as `EventNames`).
        field: Param,
        /// The character.
        character: char,
        /// Its 0-based character index.
        index: usize,
        /// The ASCII character it looks like.
        looks_like: char,
        /// How many such characters the value has in all.
        count: usize,
    },
    /// An invisible, control or bidirectional-control character.
    InvisibleCharacter {
        /// The parameter (an entry of `EventNames` is named as `EventNames`).
        field: Param,
        /// The character.
        character: char,
        /// Its 0-based character index.
        index: usize,
        /// How many such characters the value has in all.
        count: usize,
    },
    /// The name is too short or too long.
    NameLength {
        /// Its length in characters.
        length: usize,
        /// The shortest allowed.
        min: usize,
        /// The longest allowed.
        max: usize,
    },
    /// The name has a character outside its charset.
    NameCharset {
        /// The first such character.
        character: char,
        /// Its 0-based character index.
        index: usize,
        /// How many such characters the name has in all.
        count: usize,
    },
    /// `ActionType` is not one of its values.
    ActionTypeValue {
        /// The value found.
        value: String,
        /// The value it most resembles.
        suggestion: Option<&'static str>,
    },
    /// `ResourceType` is empty or has characters no product code has.
    ResourceTypeFormat {
        /// The value found.
        value: String,
        /// The first character that is not an ASCII letter or digit, if any (else it is empty).
        character: Option<(char, usize)>,
    },
    /// `ResourceType` has uppercase letters.
    ResourceTypeCase {
        /// The value found.
        value: String,
        /// The lowercase form.
        lowercase: String,
    },
    /// A switch is neither 0 nor 1.
    SwitchValue {
        /// Which switch: `Status` or `TrackForAllMembers`.
        param: Param,
        /// The number as written.
        value: String,
    },
    /// `TrackId`, `PageNumber` or `PageSize` is not a positive integer.
    NotPositive {
        /// Which parameter: `TrackId`, `PageNumber` or `PageSize`.
        param: Param,
        /// The number as written.
        value: String,
    },
    /// `ModifyAuditTrack` or `ModifyEventsAuditTrack` carries a `Name`, which the server refuses
    /// to change.
    ModifyName {
        /// The API validated against.
        action: &'static str,
        /// The name given.
        value: String,
    },
    /// `EventNames` is an empty array.
    EventNamesEmpty,
    /// `ResourceType` is `*` but `EventNames` is not exactly `["*"]`.
    EventNamesWildcard {
        /// How many entries `EventNames` has.
        count: usize,
        /// Whether `*` is among them (then `["*"]` is the certain fix).
        has_wildcard: bool,
    },
    /// `*` together with API names for a specific product.
    EventNamesMixedWildcard {
        /// How many entries besides `*`.
        names: usize,
    },
    /// An API name repeated.
    EventNamesDuplicate {
        /// The name.
        name: String,
        /// The 0-based index of its first occurrence.
        first_index: usize,
    },
    /// More API names than the product's cap.
    EventNamesCap {
        /// How many names are listed.
        count: usize,
        /// The cap.
        cap: usize,
        /// The product (`ResourceType`).
        product: String,
        /// Whether the cap is the page's hard cap (cos, cls) or the inferred one.
        hard: bool,
    },
    /// An entry of `EventNames` that cannot be an API name.
    EventNameFormat {
        /// The entry.
        name: String,
        /// The first character that is not an ASCII letter, digit or underscore; `None` when
        /// the entry is empty.
        character: Option<(char, usize)>,
    },
    /// `Filters.ResourceFields` is an empty array.
    ResourceFieldsEmpty,
    /// Two entries of `Filters.ResourceFields` name the same product.
    ResourceFieldsDuplicateProduct {
        /// The product code (without surrounding whitespace).
        product: String,
        /// The 0-based index of the entry that names it first.
        first_index: usize,
    },
    /// An entry of `Filters.ResourceFields` is `*` (all products) and others name products.
    ResourceFieldsWildcardMixed {
        /// How many distinct specific products the other entries name.
        products: usize,
    },
    /// `StorageType` is not accepted.
    StorageTypeValue {
        /// The value found.
        value: String,
        /// The accepted value it most resembles.
        suggestion: Option<String>,
        /// The accepted values.
        accepted: Vec<String>,
    },
    /// `StorageRegion` is not shaped like a region code.
    StorageRegionFormat {
        /// The value found.
        value: String,
    },
    /// `StorageRegion` is not a known storage region.
    StorageRegionUnknown {
        /// The value found.
        value: String,
        /// A known region it resembles.
        suggestion: Option<String>,
    },
    /// The COS bucket name is refused.
    BucketName(BucketNameFault),
    /// The COS bucket name ends with `-APPID`.
    BucketNameAppId {
        /// The bucket name without the suffix.
        bucket: String,
        /// The APPID digits.
        app_id: String,
        /// `bucket` is the name as written less the suffix (and surrounding whitespace), so
        /// the fix writes it; false when the suffix was found only once characters were
        /// folded or removed.
        exact: bool,
    },
    /// The CLS topic ID length is out of range.
    ClsTopicLength {
        /// Its length in characters.
        length: usize,
        /// The shortest allowed.
        min: usize,
        /// The longest allowed.
        max: usize,
    },
    /// The COS prefix is refused.
    CosPrefix(PrefixFault),
    /// The storage prefix is the empty string.
    StoragePrefixEmpty,
    /// `<bucket>-<APPID>.cos.<region>.myqcloud.com` would be too long.
    CosHostLength {
        /// The host's length with a 10-digit APPID.
        length: usize,
        /// COS's limit, including the APPID.
        max: usize,
    },
    /// `StorageAccountId` or `StorageAppId` is not digits.
    StorageIdFormat {
        /// Which field: `StorageAccountId` or `StorageAppId`.
        field: Param,
        /// The value found.
        value: String,
    },
    /// `Compress` is neither 1 nor 2.
    CompressValue {
        /// The number as written.
        value: String,
    },
    /// `ResourceType` is not a product code the catalogue lists.
    ResourceTypeUnknown {
        /// The value found.
        value: String,
        /// The listed code it most resembles (or whose old alias it is).
        suggestion: Option<String>,
    },
    /// An API name the catalogue does not list for the product.
    EventNameUnknown {
        /// The name found.
        name: String,
        /// The product.
        product: String,
        /// The listed name it most resembles.
        suggestion: Option<String>,
    },
    /// A team policy is not met.
    Policy {
        /// Which policy.
        rule: PolicyRule,
        /// The value found.
        value: String,
        /// What the policy wants: the pattern, the allowed values, or the required value.
        expected: String,
        /// The team's own message, shown instead of the default one.
        message: Option<String>,
    },
}

/// Names every variant of [`Violation`] once, for [`Violation::variant_name`] (an exhaustive
/// match, so a new variant does not compile until it is named here) and
/// [`Violation::VARIANT_NAMES`] (the list the message snapshot test holds its cases to).
macro_rules! variant_names {
    ($($variant:ident),* $(,)?) => {
        impl Violation {
            /// Every variant's name, in declaration order.
            #[doc(hidden)]
            pub const VARIANT_NAMES: &'static [&'static str] = &[$(stringify!($variant)),*];

            /// The variant's name (`"NameLength"`), for the message snapshot test, which
            /// holds every name in [`Violation::VARIANT_NAMES`] to a case it shows.
            #[doc(hidden)]
            pub const fn variant_name(&self) -> &'static str {
                match self {
                    $(Self::$variant { .. } => stringify!($variant)),*
                }
            }
        }
    };
}

variant_names!(
    Syntax,
    HclSyntax,
    ByteOrderMark,
    NotAnObject,
    DuplicateKey,
    MissingParameter,
    UnknownParameter,
    NotJson,
    WrongType,
    WrongAction,
    WrongVersion,
    UnsupportedRegion,
    RegionMismatch,
    SurroundingWhitespace,
    ConfusableCharacter,
    InvisibleCharacter,
    NameLength,
    NameCharset,
    ActionTypeValue,
    ResourceTypeFormat,
    ResourceTypeCase,
    SwitchValue,
    NotPositive,
    ModifyName,
    EventNamesEmpty,
    EventNamesWildcard,
    EventNamesMixedWildcard,
    EventNamesDuplicate,
    EventNamesCap,
    EventNameFormat,
    ResourceFieldsEmpty,
    ResourceFieldsDuplicateProduct,
    ResourceFieldsWildcardMixed,
    StorageTypeValue,
    StorageRegionFormat,
    StorageRegionUnknown,
    BucketName,
    BucketNameAppId,
    ClsTopicLength,
    CosPrefix,
    StoragePrefixEmpty,
    CosHostLength,
    StorageIdFormat,
    CompressValue,
    ResourceTypeUnknown,
    EventNameUnknown,
    Policy,
);

impl Violation {
    /// The rule that reports this violation.
    pub fn rule(&self) -> RuleId {
        match self {
            Self::Syntax(_) => RuleId::JsonSyntax,
            Self::HclSyntax { .. } => RuleId::HclSyntax,
            Self::ByteOrderMark => RuleId::ByteOrderMark,
            Self::NotAnObject { .. } => RuleId::RequestNotObject,
            Self::DuplicateKey { .. } => RuleId::DuplicateKey,
            Self::MissingParameter { .. } => RuleId::MissingParameter,
            Self::UnknownParameter { .. } => RuleId::UnknownParameter,
            Self::WrongType { .. } | Self::NotJson { .. } => RuleId::ParameterType,
            Self::WrongAction { .. } => RuleId::ActionValue,
            Self::WrongVersion { .. } => RuleId::VersionValue,
            Self::UnsupportedRegion { .. } => RuleId::RegionUnsupported,
            Self::RegionMismatch { .. } => RuleId::RegionMismatch,
            Self::SurroundingWhitespace { .. } => RuleId::SurroundingWhitespace,
            Self::ConfusableCharacter { .. } => RuleId::ConfusableCharacter,
            Self::InvisibleCharacter { .. } => RuleId::InvisibleCharacter,
            Self::NameLength { .. } => RuleId::NameLength,
            Self::NameCharset { .. } => RuleId::NameCharset,
            Self::ActionTypeValue { .. } => RuleId::ActionTypeValue,
            Self::ResourceTypeFormat { .. } => RuleId::ResourceTypeFormat,
            Self::ResourceTypeCase { .. } => RuleId::ResourceTypeCase,
            // Only a switch or a positive parameter has such a violation; any other would map
            // to `parameter-type`, the rule about a value of the wrong kind.
            Self::SwitchValue { param, .. } | Self::NotPositive { param, .. } => {
                match integer_range(*param) {
                    Some(IntegerRange::Switch(rule) | IntegerRange::Positive(rule)) => rule,
                    Some(IntegerRange::Storage) | None => RuleId::ParameterType,
                }
            }
            Self::ModifyName { .. } => RuleId::ModifyName,
            Self::EventNamesEmpty => RuleId::EventNamesEmpty,
            Self::EventNamesWildcard { .. } => RuleId::EventNamesWildcard,
            Self::EventNamesMixedWildcard { .. } => RuleId::EventNamesMixedWildcard,
            Self::EventNamesDuplicate { .. } => RuleId::EventNamesDuplicate,
            Self::EventNamesCap { hard: true, .. } => RuleId::EventNamesCap,
            Self::EventNamesCap { hard: false, .. } => RuleId::EventNamesCapOther,
            Self::EventNameFormat { .. } => RuleId::EventNameFormat,
            Self::ResourceFieldsEmpty => RuleId::ResourceFieldsEmpty,
            Self::ResourceFieldsDuplicateProduct { .. } => RuleId::ResourceFieldsDuplicateProduct,
            Self::ResourceFieldsWildcardMixed { .. } => RuleId::ResourceFieldsWildcardMixed,
            Self::StorageTypeValue { .. } => RuleId::StorageTypeValue,
            Self::StorageRegionFormat { .. } => RuleId::StorageRegionFormat,
            Self::StorageRegionUnknown { .. } => RuleId::StorageRegionUnknown,
            Self::BucketName(_) => RuleId::StorageNameCos,
            Self::BucketNameAppId { .. } => RuleId::StorageNameAppId,
            Self::ClsTopicLength { .. } => RuleId::StorageNameCls,
            Self::CosPrefix(_) => RuleId::StoragePrefixCos,
            Self::StoragePrefixEmpty => RuleId::StoragePrefixEmpty,
            Self::CosHostLength { .. } => RuleId::StorageCosHostLength,
            Self::StorageIdFormat { .. } => RuleId::StorageIdFormat,
            Self::CompressValue { .. } => RuleId::StorageCompressValue,
            Self::ResourceTypeUnknown { .. } => RuleId::ResourceTypeUnknown,
            Self::EventNameUnknown { .. } => RuleId::EventNameUnknown,
            Self::Policy { rule, .. } => match rule {
                PolicyRule::Name => RuleId::PolicyName,
                PolicyRule::StorageType => RuleId::PolicyStorageType,
                PolicyRule::StorageRegion => RuleId::PolicyStorageRegion,
                PolicyRule::Status => RuleId::PolicyStatus,
                PolicyRule::TrackForAllMembers => RuleId::PolicyTrackForAllMembers,
                PolicyRule::StoragePrefix => RuleId::PolicyStoragePrefix,
            },
        }
    }

    /// The advice for this violation, when there is something to suggest: decided here, once
    /// for every language, and worded by each message table (see [`Help`]).
    ///
    /// ```
    /// use cloudaudit_lint::i18n::Help;
    /// use cloudaudit_lint::Violation;
    /// let v = Violation::DuplicateKey { key: "Name".into() };
    /// assert_eq!(v.help(), Some(Help::KeepOneKey));
    /// ```
    pub fn help(&self) -> Option<Help<'_>> {
        use Help as H;
        use Violation as V;
        let did_you_mean = |suggestion| Some(H::DidYouMean { suggestion });
        match self {
            V::Syntax(_) => Some(H::FixSyntax),
            V::HclSyntax { .. } => Some(H::FixHcl),
            V::ByteOrderMark => Some(H::SaveWithoutBom),
            V::DuplicateKey { .. } => Some(H::KeepOneKey),
            // The caller can make up for a missing region with its own option.
            V::MissingParameter {
                param: Param::Region,
            } => Some(H::GiveRegion {
                name: Param::Region.name(),
            }),
            V::MissingParameter { param } => Some(H::AddParameter { name: param.name() }),
            V::UnknownParameter {
                suggestion: Some(s),
                ..
            } => did_you_mean(s),
            V::UnknownParameter { .. } => Some(H::RemoveParameter),
            V::WrongType {
                replacement: Some(replacement),
                ..
            } => Some(H::WriteValue { replacement }),
            V::NotJson {
                reason: NotJson::LoneSurrogate { .. },
                ..
            } => Some(H::CompleteSurrogatePair),
            V::WrongAction { expected, .. } => Some(H::SetAction { expected }),
            V::ModifyName { .. } => Some(H::LeaveNameOut),
            V::WrongVersion { .. } => Some(H::SetVersion {
                version: facts::API_VERSION,
            }),
            V::UnsupportedRegion {
                suggestion: Some(s),
                ..
            } => did_you_mean(s),
            V::UnsupportedRegion { supported, .. } => {
                Some(H::SupportedRegions { regions: supported })
            }
            V::SurroundingWhitespace { trimmed, .. } => did_you_mean(trimmed),
            V::ConfusableCharacter { looks_like, .. } => Some(H::RetypeAscii {
                looks_like: *looks_like,
            }),
            V::InvisibleCharacter { .. } => Some(H::DeleteInvisible),
            V::NameCharset { .. } => Some(H::ReplaceNameCharacter),
            V::ActionTypeValue {
                suggestion: Some(s),
                ..
            } => did_you_mean(s),
            V::ResourceTypeCase { lowercase, .. } => did_you_mean(lowercase),
            V::EventNamesWildcard { .. } => Some(H::WildcardOrOneProduct),
            V::EventNamesMixedWildcard { .. } => Some(H::WildcardOrNames),
            V::EventNamesDuplicate { .. } => Some(H::RemoveRepeatedEntry),
            V::EventNamesCap { .. } => Some(H::WildcardOrSplit),
            V::ResourceFieldsEmpty => Some(H::AddResourceField),
            V::ResourceFieldsDuplicateProduct { .. } => Some(H::MergeProductEntries),
            V::ResourceFieldsWildcardMixed { .. } => Some(H::WildcardOrProducts),
            V::StorageTypeValue {
                suggestion: Some(s),
                ..
            }
            | V::StorageRegionUnknown {
                suggestion: Some(s),
                ..
            }
            | V::ResourceTypeUnknown {
                suggestion: Some(s),
                ..
            }
            | V::EventNameUnknown {
                suggestion: Some(s),
                ..
            } => did_you_mean(s),
            V::BucketName(BucketNameFault::Charset { character, .. })
                if character.is_ascii_uppercase() =>
            {
                Some(H::LowercaseBucket)
            }
            V::BucketNameAppId { bucket, .. } => did_you_mean(bucket),
            V::StorageIdFormat {
                field: Param::StorageAccountId,
                ..
            } => Some(H::GiveAccountUin),
            V::StorageIdFormat { .. } => Some(H::GiveAccountAppId),
            // Listed rather than caught, so that a new violation is a decision here.
            V::NotAnObject { .. }
            | V::WrongType { .. }
            | V::NotJson { .. }
            | V::RegionMismatch { .. }
            | V::NameLength { .. }
            | V::ActionTypeValue { .. }
            | V::ResourceTypeFormat { .. }
            | V::SwitchValue { .. }
            | V::NotPositive { .. }
            | V::EventNamesEmpty
            | V::EventNameFormat { .. }
            | V::StorageTypeValue { .. }
            | V::StorageRegionFormat { .. }
            | V::StorageRegionUnknown { .. }
            | V::BucketName(_)
            | V::ClsTopicLength { .. }
            | V::CosPrefix(_)
            | V::StoragePrefixEmpty
            | V::CosHostLength { .. }
            | V::CompressValue { .. }
            | V::ResourceTypeUnknown { .. }
            | V::EventNameUnknown { .. }
            | V::Policy { .. } => None,
        }
    }

    /// The 0-based character index, in the value as written, of the character this violation
    /// is about, when it is about one character. Reporters use it to point at that character.
    pub fn character_index(&self) -> Option<usize> {
        match self {
            Self::ConfusableCharacter { index, .. }
            | Self::InvisibleCharacter { index, .. }
            | Self::NameCharset { index, .. }
            | Self::BucketName(BucketNameFault::Charset { index, .. })
            | Self::CosPrefix(PrefixFault::Charset { index, .. }) => Some(*index),
            Self::ResourceTypeFormat {
                character: Some((_, index)),
                ..
            }
            | Self::EventNameFormat {
                character: Some((_, index)),
                ..
            } => Some(*index),
            _ => None,
        }
    }

    /// The safe fix, when one is certain: wrong case of an enum value, surrounding
    /// whitespace, a quoted integer, a repeated or redundant `EventNames` entry, the `-APPID`
    /// suffix. Never a guess: a too-long name or an unknown value has none.
    ///
    /// ```
    /// use cloudaudit_lint::violation::Fix;
    /// use cloudaudit_lint::Violation;
    /// let v = Violation::ActionTypeValue { value: "read".into(), suggestion: Some("Read") };
    /// assert_eq!(v.fix(), Some(Fix::Replace("Read".into())));
    /// let v = Violation::ActionTypeValue { value: "Raed".into(), suggestion: Some("Read") };
    /// assert_eq!(v.fix(), None); // a typo: the suggestion is a guess
    /// ```
    pub fn fix(&self) -> Option<Fix> {
        Some(match self.fix_of()? {
            FixOf::Text(text) => Fix::Replace(Replacement::from(text)),
            FixOf::Value(replacement) => Fix::Replace(replacement.clone()),
            FixOf::RemoveEntry => Fix::RemoveEntry,
            FixOf::OnlyWildcard => Fix::OnlyWildcard,
        })
    }

    /// Whether [`fix`](Self::fix) has a fix, asked without building it.
    ///
    /// ```
    /// use cloudaudit_lint::Violation;
    /// let v = Violation::ResourceTypeCase { value: "COS".into(), lowercase: "cos".into() };
    /// assert!(v.is_fixable());
    /// assert!(!Violation::EventNamesEmpty.is_fixable());
    /// ```
    pub fn is_fixable(&self) -> bool {
        self.fix_of().is_some()
    }

    /// The one decision of what is fixable and how, borrowing the fix's text.
    fn fix_of(&self) -> Option<FixOf<'_>> {
        match self {
            Self::SurroundingWhitespace { trimmed, .. } => Some(FixOf::Text(trimmed)),
            Self::WrongType { replacement, .. } => replacement.as_ref().map(FixOf::Value),
            Self::ResourceTypeCase { lowercase, .. } => Some(FixOf::Text(lowercase)),
            Self::BucketNameAppId {
                bucket,
                exact: true,
                ..
            } => Some(FixOf::Text(bucket)),
            Self::ActionTypeValue {
                value,
                suggestion: Some(s),
            } if value.eq_ignore_ascii_case(s) => Some(FixOf::Text(s)),
            Self::StorageTypeValue {
                value,
                suggestion: Some(s),
                ..
            } if value.eq_ignore_ascii_case(s) => Some(FixOf::Text(s)),
            Self::UnsupportedRegion {
                region,
                suggestion: Some(s),
                ..
            } if region.eq_ignore_ascii_case(s) => Some(FixOf::Text(s)),
            Self::EventNamesDuplicate { .. } => Some(FixOf::RemoveEntry),
            Self::EventNamesWildcard {
                has_wildcard: true, ..
            } => Some(FixOf::OnlyWildcard),
            _ => None,
        }
    }
}

/// A [`Fix`] as [`Violation::fix_of`] decides it, its text borrowed from the violation.
enum FixOf<'v> {
    /// Write this string.
    Text(&'v str),
    /// Write this value.
    Value(&'v Replacement),
    /// Remove the entry.
    RemoveEntry,
    /// Replace the array with `["*"]`.
    OnlyWildcard,
}
