//! Diagnostics: a [`Violation`] placed in a request.
//!
//! A [`Diagnostic`] is a plain value: the violation (which knows its rule), the severity, the
//! JSON Pointer (RFC 6901) of the offending value and, when the request was validated from
//! text, its [`Location`]. Messages are rendered on demand in either language; reporters
//! (human, JSON, SARIF, the JavaScript bindings) only read diagnostics.
//!
//! **Coordinates.** Byte ranges are 0-based and half-open over the UTF-8 text as given. Lines
//! and columns are 1-based; `column` counts Unicode scalar values (characters, as people and
//! terminals count) and `column_utf16` counts UTF-16 code units (as JavaScript strings and
//! editors index).
//!
//! ```
//! use cloudaudit_lint::{validate_str, Locale, RuleId};
//! let report = validate_str(r#"{"Name": "a b"}"#, Some("ap-guangzhou"));
//! let name = report.diagnostics.iter().find(|d| d.rule() == RuleId::NameCharset).unwrap();
//! assert_eq!(name.path, "/Name");
//! let start = name.location.unwrap().start;
//! assert_eq!((start.line, start.column), (1, 12)); // the space itself
//! assert!(name.message(Locale::ZhCn).starts_with("Name 的第 2 个字符"));
//! ```

use crate::facts::ApiErrorCode;
use crate::i18n::{self, Locale};
use crate::source::{Position, Span};
use crate::{RuleId, Severity, Violation};

/// Where a diagnostic is in the validated text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Location {
    /// Byte range of the offending text (a value, a key, or one character of a string).
    pub span: Span,
    /// Position of the range's first character.
    pub start: Position,
    /// Position just past the range's last character.
    pub end: Position,
}

/// One problem in a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// What is wrong.
    pub violation: Violation,
    /// How serious it is.
    pub severity: Severity,
    /// JSON Pointer (RFC 6901) of the offending value; for a missing parameter, where it
    /// belongs; `""` for the whole document.
    pub path: String,
    /// Where it is in the text; `None` when validated from a value, or for problems with no
    /// place in the text (a region given by the caller).
    pub location: Option<Location>,
    /// Why its rule is suppressed for this input, if it is: a suppressed diagnostic is still
    /// reported, but does not count as a problem.
    pub suppressed: Option<String>,
    /// The Terraform resource and attribute it is about, for a plan or a `.tf` source.
    pub resource: Option<ResourceRef>,
}

/// A resource in a Terraform plan or `.tf` source, and one of its attributes.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ResourceRef {
    /// The resource address, e.g. `module.audit.tencentcloud_audit_track.main`.
    pub address: String,
    /// The attribute path, e.g. `storage[0].storage_name` (`""` for the resource itself).
    pub attribute: String,
    /// In a `.tf` source, the variable whose literal `default` the value came from
    /// (`name = var.name`): the diagnostic is at the default, and its message names it.
    pub variable: Option<String>,
}

impl Diagnostic {
    /// The rule that reported it.
    pub fn rule(&self) -> RuleId {
        self.violation.rule()
    }

    /// The error code the server would most likely answer, if it would refuse the request.
    pub fn api_error_code(&self) -> Option<ApiErrorCode> {
        self.rule().api_error_code()
    }

    /// The message in `locale`; for a `.tf` value from a variable's default, with a note
    /// naming the variable.
    pub fn message(&self, locale: Locale) -> String {
        let message = i18n::message(&self.violation, locale);
        match self.resource.as_ref().and_then(|r| r.variable.as_deref()) {
            Some(variable) => format!(
                "{message} {}",
                i18n::from_variable_default(locale, variable)
            ),
            None => message,
        }
    }

    /// The help line in `locale`, if there is one.
    pub fn help(&self, locale: Locale) -> Option<String> {
        i18n::help(&self.violation, locale)
    }

    /// Whether it is an error that counts: severity [`Severity::Error`] and not suppressed.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error && self.suppressed.is_none()
    }

    /// Whether a safe fix repairs it in its input: a request's, not a Terraform plan's or a
    /// `.tf` file's (fix the Terraform configuration by hand instead).
    pub fn is_fixable(&self) -> bool {
        self.resource.is_none() && self.violation.fix().is_some()
    }

    /// Whether it is a warning that counts (not suppressed).
    pub fn is_warning(&self) -> bool {
        self.severity == Severity::Warning && self.suppressed.is_none()
    }
}

/// Every diagnostic for one request, in a stable order: the API's parameter order (common
/// parameters, then `Name` … `Storage` and its fields in the page's order), unknown parameters
/// last by name. The order does not depend on the key order of the input, so text and value
/// validation of the same request agree.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// The diagnostics, at most the validator's limit.
    pub diagnostics: Vec<Diagnostic>,
    /// How many diagnostics were left out past the limit.
    pub omitted: usize,
    /// How many of the omitted ones are errors.
    pub omitted_errors: usize,
}

impl Report {
    /// Whether any diagnostic, reported or omitted, is an error.
    pub fn has_errors(&self) -> bool {
        self.omitted_errors > 0 || self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// How many reported diagnostics are errors (not suppressed).
    pub fn error_count(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    /// How many reported diagnostics are warnings (not suppressed).
    pub fn warning_count(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_warning()).count()
    }

    /// How many reported diagnostics are suppressed.
    pub fn suppressed_count(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.suppressed.is_some())
            .count()
    }

    /// Whether nothing at all was found.
    pub fn is_clean(&self) -> bool {
        self.diagnostics.is_empty() && self.omitted == 0
    }
}
