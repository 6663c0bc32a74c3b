//! Diagnostics: a [`Violation`] placed in a request.
//!
//! A [`Diagnostic`] is a plain value: the violation (which knows its rule), the severity, the
//! JSON Pointer (RFC 6901) of the offending value and, when the request was validated from
//! text, its [`Location`]; for a request read out of a larger document (a Terraform plan), the
//! [`Enclosing`] element. Messages are rendered on demand in either language; reporters
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
pub use crate::source::{Position, Span};
use crate::{RuleId, Severity, Violation};

/// Where a diagnostic is in the validated text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
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
#[non_exhaustive]
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
    /// Where the request sits in a larger document, when it was read out of one (a resource
    /// of a Terraform plan or a `.tf` source): `path` and `location` then point into that document.
    pub within: Option<Enclosing>,
}

/// The element of a larger document a request was read out of, and the attribute of it a
/// diagnostic is about: a Terraform plan's or a `.tf` source's `tencentcloud_audit_track` resource, say.
///
/// Reporters show it the same way whatever its kind: `address.attribute` before the message
/// (its [`Display`](std::fmt::Display)), the address and attribute in the JSON contract's
/// `resource`, a SARIF logical location.
///
/// ```
/// use cloudaudit_lint::diagnostic::{Enclosing, EnclosingKind};
/// let within = Enclosing::new(EnclosingKind::TerraformResource, "module.a.tencentcloud_audit_track.main", "storage[0].storage_name");
/// assert_eq!(within.to_string(), "module.a.tencentcloud_audit_track.main.storage[0].storage_name");
/// assert_eq!(within.kind.as_str(), "terraform-resource");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Enclosing {
    /// What kind of element it is.
    pub kind: EnclosingKind,
    /// The element's address in its document, e.g.
    /// `module.audit.tencentcloud_audit_track.main`.
    pub address: String,
    /// The attribute path inside the element, e.g. `storage[0].storage_name` (`""` for the
    /// element itself).
    pub attribute: String,
    /// In a `.tf` source, the variable whose literal `default` the value came from
    /// (`name = var.name`): the diagnostic is at the default, and its message names it.
    pub variable: Option<String>,
}

impl Enclosing {
    /// The element of `kind` at `address`, and its `attribute` (`""` for the element itself).
    pub fn new(
        kind: EnclosingKind,
        address: impl Into<String>,
        attribute: impl Into<String>,
    ) -> Self {
        Self {
            kind,
            address: address.into(),
            attribute: attribute.into(),
            variable: None,
        }
    }
}

/// `address.attribute`, or the address alone for the element itself.
impl std::fmt::Display for Enclosing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.attribute.as_str() {
            "" => f.write_str(&self.address),
            attribute => write!(f, "{}.{attribute}", self.address),
        }
    }
}

/// The kinds of document element a request can be read out of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum EnclosingKind {
    /// A resource of a Terraform plan (`terraform show -json`) or a resource block of a `.tf`
    /// source.
    TerraformResource,
}

impl EnclosingKind {
    /// The kind's stable name: `terraform-resource`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::TerraformResource => "terraform-resource",
        }
    }
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
        let mut message = String::new();
        let _infallible = self.write_message(&mut message, locale);
        message
    }

    /// Writes [`message`](Self::message) to the end of `out` (writing to a `String` cannot
    /// fail).
    pub(crate) fn write_message(&self, out: &mut String, locale: Locale) -> std::fmt::Result {
        i18n::write_message(out, &self.violation, locale)?;
        match self.within.as_ref().and_then(|r| r.variable.as_deref()) {
            Some(variable) => {
                out.push(' ');
                out.push_str(&i18n::from_variable_default(locale, variable));
                Ok(())
            }
            None => Ok(()),
        }
    }

    /// The help line in `locale`, if there is one.
    pub fn help(&self, locale: Locale) -> Option<String> {
        i18n::help(&self.violation, locale)
    }

    /// The message in `locale`, after the element of a larger document it is in when there is
    /// one (`module.audit.tencentcloud_audit_track.main.name: Name has …`): the one-line text
    /// of the human, GitHub, JUnit and GitLab reporters and of [`Display`](std::fmt::Display).
    pub(crate) fn headline(&self, locale: Locale) -> String {
        let message = self.message(locale);
        match &self.within {
            Some(within) => format!("{within}: {message}"),
            None => message,
        }
    }

    /// Whether it is an error that counts: severity [`Severity::Error`] and not suppressed.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error && self.suppressed.is_none()
    }

    /// Whether a safe fix repairs it in its input: a request's, not one read out of a larger
    /// document such as a Terraform plan or a `.tf` file (fix the Terraform configuration by
    /// hand instead).
    pub fn is_fixable(&self) -> bool {
        self.within.is_none() && self.violation.is_fixable()
    }

    /// Whether it is a warning that counts (not suppressed).
    pub fn is_warning(&self) -> bool {
        self.severity == Severity::Warning && self.suppressed.is_none()
    }
}

/// One line in English: `line:column` (else the JSON Pointer, when the diagnostic has no place
/// in the text), the severity and rule, the message, and why it is suppressed if it is.
///
/// ```
/// use cloudaudit_lint::validate_str;
/// let report = validate_str(r#"{"Name": "a b"}"#, None);
/// let name = report.diagnostics.iter().find(|d| d.path == "/Name").unwrap();
/// assert_eq!(
///     name.to_string(),
///     r#"1:12: error[name-charset]: Name has U+0020 " " at character 2; a name may contain only ASCII letters, digits, hyphens (-) and underscores (_)"#
/// );
/// let region = cloudaudit_lint::validate_value(&serde_json::json!({}), None);
/// assert!(region.diagnostics[0].to_string().starts_with("/Region: error[missing-parameter]: "));
/// ```
impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.location {
            Some(location) => write!(f, "{}:{}: ", location.start.line, location.start.column)?,
            None if self.path.is_empty() => {}
            None => write!(f, "{}: ", self.path)?,
        }
        write!(
            f,
            "{}[{}]: {}",
            self.severity,
            self.rule(),
            self.headline(Locale::En)
        )?;
        match &self.suppressed {
            Some(reason) => write!(f, " (suppressed: {reason})"),
            None => Ok(()),
        }
    }
}

/// Every diagnostic for one request.
///
/// **Order.** [`diagnostics`](Report::diagnostics) holds them in the API's parameter order
/// (common parameters, then `Name` … `Storage` and its fields in the page's order, unknown
/// parameters last by name), which does not depend on the key order of the input, so text
/// and value validation of the same request agree, and the limit keeps the same ones.
/// Everything that writes a report out lists them in **text order** instead
/// ([`in_text_order`](Report::in_text_order)): by line, then column, then rule id, those with
/// no place in the text (a region given by the caller, any diagnostic of a validated value)
/// first, ties in the parameter order. So do [`Display`](std::fmt::Display),
/// [`Serialize`](serde::Serialize) (the JSON contract), every reporter in
/// [`report`](crate::report) and the npm package.
///
/// ```
/// use cloudaudit_lint::validate_str;
/// let report = validate_str("{\"Status\": \"1\",\n \"Name\": \"a b\"}", Some("ap-guangzhou"));
/// let lines = |order: Vec<&cloudaudit_lint::Diagnostic>| -> Vec<usize> {
///     order.iter().map(|d| d.location.unwrap().start.line).collect()
/// };
/// // Name (line 2) comes before the missing ActionType (at `{`, line 1) in parameter order…
/// assert_eq!(lines(report.diagnostics.iter().collect())[..2], [2, 1]);
/// // … and after it in text order.
/// assert!(lines(report.in_text_order()).is_sorted());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
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

    /// The diagnostics in text order ([`text_order`]): how every output lists them.
    pub fn in_text_order(&self) -> Vec<&Diagnostic> {
        let mut diagnostics: Vec<&Diagnostic> = self.diagnostics.iter().collect();
        crate::order::sort_by(&mut diagnostics, |a, b| text_order(a, b));
        diagnostics
    }
}

/// Text order: by start line, then column, then rule id, a diagnostic with no place in the text
/// before any with one. Sorting with it is stable, so equal ones keep the report's order.
///
/// ```
/// use std::cmp::Ordering;
/// use cloudaudit_lint::diagnostic::text_order;
/// let report = cloudaudit_lint::validate_str(r#"{"Name": "a b"}"#, None);
/// let name = report.diagnostics.iter().find(|d| d.path == "/Name").unwrap();
/// let region = report.diagnostics.iter().find(|d| d.path == "/Region").unwrap(); // at `{`
/// assert_eq!(text_order(region, name), Ordering::Less);
/// ```
pub fn text_order(a: &Diagnostic, b: &Diagnostic) -> std::cmp::Ordering {
    let key = |d: &Diagnostic| d.location.map(|l| (l.start.line, l.start.column));
    key(a)
        .cmp(&key(b))
        .then_with(|| a.rule().as_str().cmp(b.rule().as_str()))
}

/// One [`Diagnostic`] a line in text order, then how many were left out past the limit, if any; nothing
/// for a clean report.
///
/// ```
/// use cloudaudit_lint::Validator;
/// let report = Validator::new().with_max_diagnostics(1).validate_str(r#"{"Name": "a b"}"#);
/// let text = report.to_string();
/// let lines: Vec<&str> = text.lines().collect();
/// assert_eq!(lines.len(), 2);
/// assert!(lines[0].starts_with("1:1: error[missing-parameter]: "));
/// assert_eq!(lines[1], format!("… {} more, {} of them errors", report.omitted, report.omitted_errors));
/// ```
impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for diagnostic in self.in_text_order() {
            writeln!(f, "{diagnostic}")?;
        }
        if self.omitted > 0 {
            writeln!(
                f,
                "… {} more, {} of them errors",
                self.omitted, self.omitted_errors
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate_str;

    #[test]
    fn display_names_the_enclosing_element_and_the_suppression() {
        let report = validate_str(r#"{"Name": "a b"}"#, Some("ap-guangzhou"));
        let mut name = report
            .diagnostics
            .iter()
            .find(|d| d.path == "/Name")
            .expect("a name diagnostic")
            .clone();
        name.within = Some(Enclosing::new(
            EnclosingKind::TerraformResource,
            "tencentcloud_audit_track.main",
            "name",
        ));
        name.suppressed = Some("legacy trail".to_owned());
        let line = name.to_string();
        assert!(
            line.starts_with(
                "1:12: error[name-charset]: tencentcloud_audit_track.main.name: Name has U+0020"
            ),
            "{line}"
        );
        assert!(line.ends_with(" (suppressed: legacy trail)"), "{line}");
        assert!(!name.is_fixable());
    }

    #[test]
    fn text_order_is_line_column_rule_with_unplaced_ones_first() {
        let text = "{\"Status\": \"1\",\n \"Name\": \"a b\", \"EventNames\": []}";
        // The caller's region is not in the text: its diagnostic has no place.
        let report = crate::Validator::new()
            .with_region("ap guangzhou")
            .validate_str(text);
        let order: Vec<(Option<(usize, usize)>, &str)> = report
            .in_text_order()
            .iter()
            .map(|d| {
                (
                    d.location.map(|l| (l.start.line, l.start.column)),
                    d.rule().as_str(),
                )
            })
            .collect();
        let mut expected = order.clone();
        expected.sort();
        assert_eq!(order, expected);
        assert_eq!(order.len(), report.diagnostics.len());
        assert_eq!(order[0].0, None);
        assert_eq!(order[1].0, Some((1, 1))); // a missing parameter, at `{`
        assert!(
            order
                .iter()
                .any(|(at, _)| at.is_some_and(|(line, _)| line == 2))
        );
    }
}
