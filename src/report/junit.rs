//! JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure Pipelines).
//!
//! ```xml
//! <testsuites name="cloudaudit-lint" tests="2" failures="1" errors="0">
//!   <testsuite name="request.json" tests="1" failures="1" errors="0" skipped="0">
//!     <testcase name="name-charset /Name" classname="request.json" file="request.json" line="3">
//!       <failure message="Name has U+0020 …" type="error">request.json:3:14: error[name-charset]: …</failure>
//!     </testcase>
//!   </testsuite>
//! </testsuites>
//! ```
//!
//! One `testsuite` per input; one `testcase` per diagnostic, failing (`type` is its severity),
//! or one passing `testcase` named after the file when it has none. A suppressed diagnostic is
//! a `skipped` test case with its reason; an input that could not be read, or whose fixes could
//! not be written, is a test case with an `error`. Text is escaped for XML 1.0, and every
//! character XML 1.0 forbids (control characters but tab and line breaks, U+FFFE, U+FFFF) is
//! written as U+FFFD; line breaks and tabs in attributes are written as character references,
//! so they survive attribute normalisation.

use std::fmt::Write as _;

use super::{FileOutcome, Outcome};
use crate::{Diagnostic, Locale, i18n};

/// One test case, its outcome not yet written.
enum Case {
    Passed,
    Failed {
        message: String,
        kind: &'static str,
        detail: String,
    },
    Skipped {
        reason: String,
    },
    Error {
        message: String,
    },
}

struct TestCase {
    name: String,
    line: Option<usize>,
    case: Case,
}

/// The JUnit XML document for `files`.
pub fn render(files: &[FileOutcome<'_>], locale: Locale) -> String {
    let suites: Vec<(&str, Vec<TestCase>)> = files
        .iter()
        .map(|f| (f.file, test_cases(f, locale)))
        .collect();
    let count = |cases: &[TestCase], pick: fn(&Case) -> bool| {
        cases.iter().filter(|c| pick(&c.case)).count()
    };
    let is_failure = |c: &Case| matches!(c, Case::Failed { .. });
    let is_error = |c: &Case| matches!(c, Case::Error { .. });
    let is_skipped = |c: &Case| matches!(c, Case::Skipped { .. });
    let total = |pick: fn(&Case) -> bool| {
        suites
            .iter()
            .map(|(_, cases)| count(cases, pick))
            .sum::<usize>()
    };
    let tests: usize = suites.iter().map(|(_, cases)| cases.len()).sum();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"cloudaudit-lint\" tests=\"{tests}\" failures=\"{}\" errors=\"{}\">",
        total(is_failure),
        total(is_error)
    );
    for (file, cases) in &suites {
        let file = attribute(file);
        let _ = writeln!(
            out,
            "  <testsuite name=\"{file}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\">",
            cases.len(),
            count(cases, is_failure),
            count(cases, is_error),
            count(cases, is_skipped),
        );
        for case in cases {
            let line = case
                .line
                .map(|l| format!(" line=\"{l}\""))
                .unwrap_or_default();
            let _ = write!(
                out,
                "    <testcase name=\"{}\" classname=\"{file}\" file=\"{file}\"{line}",
                attribute(&case.name)
            );
            match &case.case {
                Case::Passed => out.push_str("/>\n"),
                Case::Failed {
                    message,
                    kind,
                    detail,
                } => {
                    let _ = writeln!(
                        out,
                        ">\n      <failure message=\"{}\" type=\"{kind}\">{}</failure>\n    </testcase>",
                        attribute(message),
                        text(detail)
                    );
                }
                Case::Skipped { reason } => {
                    let _ = writeln!(
                        out,
                        ">\n      <skipped message=\"{}\"/>\n    </testcase>",
                        attribute(reason)
                    );
                }
                Case::Error { message } => {
                    let _ = writeln!(
                        out,
                        ">\n      <error message=\"{}\" type=\"input\">{}</error>\n    </testcase>",
                        attribute(message),
                        text(message)
                    );
                }
            }
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}

fn test_cases(file: &FileOutcome<'_>, locale: Locale) -> Vec<TestCase> {
    let mut cases = Vec::new();
    match file.outcome {
        Outcome::Checked {
            report, unwritten, ..
        } => {
            if let Some(reason) = unwritten {
                cases.push(TestCase {
                    name: file.file.to_owned(),
                    line: None,
                    case: Case::Error {
                        message: i18n::unwritable(locale, file.file, reason),
                    },
                });
            }
            cases.extend(
                report
                    .in_text_order()
                    .into_iter()
                    .map(|d| diagnostic_case(file.file, d, locale)),
            );
        }
        Outcome::Unreadable { reason } => cases.push(TestCase {
            name: file.file.to_owned(),
            line: None,
            case: Case::Error {
                message: i18n::unreadable(locale, file.file, reason),
            },
        }),
    }
    if cases.is_empty() {
        cases.push(TestCase {
            name: file.file.to_owned(),
            line: None,
            case: Case::Passed,
        });
    }
    cases
}

fn diagnostic_case(file: &str, diagnostic: &Diagnostic, locale: Locale) -> TestCase {
    let name = format!("{} {}", diagnostic.rule(), diagnostic.path);
    let line = diagnostic.location.map(|l| l.start.line);
    let message = diagnostic.headline(locale);
    let case = match &diagnostic.suppressed {
        Some(reason) => Case::Skipped {
            reason: reason.clone(),
        },
        None => {
            let place = match diagnostic.location {
                Some(l) => format!("{file}:{}:{}", l.start.line, l.start.column),
                None => file.to_owned(),
            };
            let mut detail = format!(
                "{place}: {}[{}]: {message}",
                diagnostic.severity,
                diagnostic.rule()
            );
            if let Some(help) = diagnostic.help(locale) {
                let _ = write!(detail, "\nhelp: {help}");
            }
            if let Some(code) = diagnostic.api_error_code() {
                let _ = write!(detail, "\napi error: {code}");
            }
            Case::Failed {
                message,
                kind: diagnostic.severity.as_str(),
                detail,
            }
        }
    };
    TestCase { name, line, case }
}

/// Whether XML 1.0 allows `c` in a document (its `Char` production; Rust strings hold no
/// surrogates).
fn allowed_in_xml(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Element text: `&`, `<` and `>` escaped, forbidden characters as U+FFFD.
///
/// ```
/// use cloudaudit_lint::report::junit::text;
/// assert_eq!(text("a<b&c\u{0}\u{1b}\n"), "a&lt;b&amp;c\u{FFFD}\u{FFFD}\n");
/// ```
#[doc(hidden)]
pub fn text(value: &str) -> String {
    escape(value, false)
}

/// An attribute value: [`text`]'s escapes, quotes, and tabs and line breaks as character
/// references.
///
/// ```
/// use cloudaudit_lint::report::junit::attribute;
/// assert_eq!(attribute("\"a'\n\u{FFFF}"), "&quot;a&apos;&#10;\u{FFFD}");
/// ```
#[doc(hidden)]
pub fn attribute(value: &str) -> String {
    escape(value, true)
}

fn escape(value: &str, in_attribute: bool) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if in_attribute => out.push_str("&quot;"),
            '\'' if in_attribute => out.push_str("&apos;"),
            '\n' if in_attribute => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' if in_attribute => out.push_str("&#9;"),
            c if allowed_in_xml(c) => out.push(c),
            _ => out.push('\u{FFFD}'),
        }
    }
    out
}
