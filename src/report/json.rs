//! The JSON contract: one array, one element per input.
//!
//! ```json
//! [{"file": "request.json",
//!   "diagnostics": [{"rule": "name-charset", "severity": "error", "path": "/Name",
//!                    "message": "…", "apiErrorCode": "InvalidParameterValue",
//!                    "line": 2, "column": 15, "endLine": 2, "endColumn": 16,
//!                    "help": "…", "fixable": false}],
//!   "omitted": 0},
//!  {"file": "missing.json", "error": "No such file or directory (os error 2)"}]
//! ```
//!
//! - `rule`, `severity` (`error` | `warning`), `path` (RFC 6901 JSON Pointer), `message` and
//!   `apiErrorCode` (a string, or `null` where the server would accept the request) are always
//!   present.
//! - `line`, `column`, `endLine`, `endColumn` are 1-based; columns count Unicode scalar values
//!   (characters) here and UTF-16 code units in the JavaScript package. They are absent for a
//!   problem with no place in the text (a region given with `--region`).
//! - `help` is present when there is a suggestion.
//! - `suppressed` (the reason) is present when a configuration suppresses the rule for this
//!   input; such a diagnostic does not count towards the exit status.
//! - `resource` (`{"address", "attribute"}`) names the element of a larger document the request
//!   was read out of ([`Diagnostic::within`]): the Terraform resource and attribute when the
//!   input is a plan; `path` then points into the plan file.
//! - `fixable` says whether `check --fix` repairs it safely.
//! - `omitted` counts diagnostics left out past the limit; `fixed` (with `--fix`) lists the
//!   changes made: `rule`, `path`, `before` and `after` (JSON text).
//! - `error` says why an input could not be read (then it is the only field besides `file`),
//!   or why its fixes could not be written (then the file is unchanged, and `diagnostics` are
//!   those of its text as read).
//!
//! Diagnostics are listed in text order: by `line`, then `column`, then `rule`, those without a
//! line first ([`Report::in_text_order`]).
//!
//! New optional fields may be added; existing ones keep their name and meaning.

use serde::Serialize;
use serde::ser::{SerializeStruct, Serializer};

use super::{FileOutcome, Outcome};
use crate::fix::is_fixable_in_text;
use crate::{Diagnostic, Locale, Report, Severity, i18n};

/// What a column counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum ColumnUnit {
    /// Unicode scalar values: what people and terminals count.
    #[default]
    Characters,
    /// UTF-16 code units: what JavaScript strings and editors index.
    Utf16,
}

/// One diagnostic as the JSON contract writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct DiagnosticRecord {
    /// Rule id.
    pub rule: &'static str,
    /// `error` or `warning`.
    pub severity: Severity,
    /// JSON Pointer of the offending value.
    pub path: String,
    /// Message in the chosen language.
    pub message: String,
    /// The API error code the server would most likely answer.
    pub api_error_code: Option<&'static str>,
    /// 1-based line of the start.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// 1-based column of the start.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// 1-based line of the end (exclusive position).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_line: Option<usize>,
    /// 1-based column of the end (exclusive position).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_column: Option<usize>,
    /// What to do about it, when there is a suggestion.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// Whether `check --fix` (or `fix`) repairs it safely.
    pub fixable: bool,
    /// The element of a larger document (a Terraform plan's resource) and its attribute.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource: Option<ResourceRecord>,
    /// Why the rule is suppressed for this input; present only for suppressed diagnostics,
    /// which do not count as problems.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suppressed: Option<String>,
}

impl DiagnosticRecord {
    /// The record of `diagnostic` as the command line writes it: in `locale`, columns in
    /// characters, `fixable` when `check --fix` repairs it in the text.
    pub fn of_text(diagnostic: &Diagnostic, locale: Locale) -> Self {
        Self {
            fixable: is_fixable_in_text(diagnostic),
            ..Self::new(diagnostic, locale, ColumnUnit::Characters)
        }
    }

    /// The record of `diagnostic` in `locale`, with columns in `unit`.
    pub fn new(diagnostic: &Diagnostic, locale: Locale, unit: ColumnUnit) -> Self {
        let column = |p: crate::source::Position| match unit {
            ColumnUnit::Characters => p.column,
            ColumnUnit::Utf16 => p.column_utf16,
        };
        let location = diagnostic.location;
        Self {
            rule: diagnostic.rule().as_str(),
            severity: diagnostic.severity,
            path: diagnostic.path.clone(),
            message: diagnostic.message(locale),
            api_error_code: diagnostic.api_error_code().map(|c| c.as_str()),
            line: location.map(|l| l.start.line),
            column: location.map(|l| column(l.start)),
            end_line: location.map(|l| l.end.line),
            end_column: location.map(|l| column(l.end)),
            help: diagnostic.help(locale),
            fixable: diagnostic.is_fixable(),
            resource: diagnostic.within.as_ref().map(|within| ResourceRecord {
                address: within.address.clone(),
                attribute: within.attribute.clone(),
            }),
            suppressed: diagnostic.suppressed.clone(),
        }
    }
}

/// The address and attribute path of a [`Diagnostic::within`] element.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ResourceRecord {
    /// `module.audit.tencentcloud_audit_track.main`.
    pub address: String,
    /// `storage[0].storage_name`.
    pub attribute: String,
}

/// A report as the JSON contract writes it, in a language: `{"diagnostics": […], "omitted": N}`,
/// each diagnostic a [`DiagnosticRecord::of_text`], in text order
/// ([`Report::in_text_order`]).
///
/// ```
/// use cloudaudit_lint::report::json::ReportRecord;
/// use cloudaudit_lint::{Locale, validate_str};
/// let report = validate_str(r#"{"Name": "a b"}"#, Some("ap-guangzhou"));
/// let json = serde_json::to_value(ReportRecord::new(&report, Locale::ZhCn)).unwrap();
/// assert_eq!(json["omitted"], 0);
/// assert!(json["diagnostics"].as_array().unwrap().iter().any(|d| d["rule"] == "name-charset"));
/// ```
#[derive(Debug, Clone, Copy)]
pub struct ReportRecord<'a> {
    report: &'a Report,
    locale: Locale,
}

impl<'a> ReportRecord<'a> {
    /// `report` in `locale`.
    pub fn new(report: &'a Report, locale: Locale) -> Self {
        Self { report, locale }
    }
}

impl Serialize for ReportRecord<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let diagnostics: Vec<DiagnosticRecord> = self
            .report
            .in_text_order()
            .into_iter()
            .map(|d| DiagnosticRecord::of_text(d, self.locale))
            .collect();
        let mut record = serializer.serialize_struct("Report", 2)?;
        record.serialize_field("diagnostics", &diagnostics)?;
        record.serialize_field("omitted", &self.report.omitted)?;
        record.end()
    }
}

/// The JSON contract in English: `{"diagnostics": […], "omitted": N}`, as
/// `cloudaudit-lint check --format json` writes each input's (without its `file`).
///
/// ```
/// use cloudaudit_lint::validate_str;
/// let report = validate_str(r#"{"Name": "a b"}"#, Some("ap-guangzhou"));
/// let json = serde_json::to_value(&report).unwrap();
/// let name = json["diagnostics"].as_array().unwrap().iter().find(|d| d["rule"] == "name-charset").unwrap();
/// assert_eq!((name["line"].as_u64(), name["column"].as_u64()), (Some(1), Some(12)));
/// ```
impl Serialize for Report {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        ReportRecord::new(self, Locale::En).serialize(serializer)
    }
}

/// One diagnostic of the JSON contract, in English ([`DiagnosticRecord::of_text`]).
///
/// ```
/// use cloudaudit_lint::validate_str;
/// let report = validate_str(r#"{"Status": "1"}"#, Some("ap-guangzhou"));
/// let status = report.diagnostics.iter().find(|d| d.path == "/Status").unwrap();
/// let json = serde_json::to_value(status).unwrap();
/// assert_eq!(json["rule"], "parameter-type");
/// assert_eq!(json["fixable"], true);
/// assert_eq!(json["help"], "write 1");
/// ```
impl Serialize for Diagnostic {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        DiagnosticRecord::of_text(self, Locale::En).serialize(serializer)
    }
}

/// A change `check --fix` made.
#[derive(Serialize)]
struct ChangeRecord<'a> {
    rule: &'static str,
    path: &'a str,
    before: &'a str,
    after: &'a str,
}

#[derive(Serialize)]
#[serde(untagged)]
enum FileRecord<'a> {
    Checked {
        file: &'a str,
        #[serde(flatten)]
        report: ReportRecord<'a>,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        fixed: Vec<ChangeRecord<'a>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        error: Option<String>,
    },
    Unreadable {
        file: &'a str,
        error: &'a str,
    },
}

/// The JSON array for `files`, pretty-printed.
pub fn render(files: &[FileOutcome<'_>], locale: Locale) -> String {
    let records: Vec<FileRecord<'_>> = files
        .iter()
        .map(|f| match f.outcome {
            Outcome::Checked {
                report,
                fixes,
                unwritten,
                ..
            } => FileRecord::Checked {
                file: f.file,
                report: ReportRecord::new(report, locale),
                fixed: fixes
                    .iter()
                    .map(|c| ChangeRecord {
                        rule: c.rule.as_str(),
                        path: &c.path,
                        before: &c.before,
                        after: &c.after,
                    })
                    .collect(),
                error: unwritten.map(|reason| i18n::unwritable(locale, f.file, reason)),
            },
            Outcome::Unreadable { reason } => FileRecord::Unreadable {
                file: f.file,
                error: reason,
            },
        })
        .collect();
    // Serializing plain strings and numbers cannot fail.
    serde_json::to_string_pretty(&records).unwrap_or_default()
}
