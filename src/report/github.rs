//! GitHub Actions workflow commands: one `::error` or `::warning` line per diagnostic, which the
//! runner turns into an annotation on the file and line.
//!
//! ```text
//! ::error file=request.json,line=3,col=14,endLine=3,endColumn=15,title=cloudaudit-lint (name-charset)::Name has U+0020 " " at character 3; …
//! ```
//!
//! Escaping follows `@actions/core` (`packages/core/src/command.ts`): in the message `%`, `\r`
//! and `\n` become `%25`, `%0D` and `%0A`; in a property also `:` and `,` become `%3A` and
//! `%2C`. The message is also drawn with U+FFFD for every other control character, as human
//! output is, so the log shows what the request holds. A suppressed diagnostic is a `::notice`;
//! an input that could not be read or fixed is an `::error` on the file. A diagnostic with no
//! place in the text (a `--region` value) annotates the file without a line. File names are
//! written as given: run from the repository root with relative paths for GitHub to place them.

use std::fmt::Write as _;

use super::human::shown;
use super::{FileOutcome, Outcome};
use crate::{Diagnostic, Locale, Severity, i18n};

/// The workflow commands for `files`, one line each.
pub fn render(files: &[FileOutcome<'_>], locale: Locale) -> String {
    let mut out = String::new();
    for file in files {
        match file.outcome {
            Outcome::Checked {
                report, unwritten, ..
            } => {
                if let Some(reason) = unwritten {
                    let message = i18n::unwritable(locale, file.file, reason);
                    command(&mut out, "error", &[("file", file.file)], &message);
                }
                for diagnostic in report.in_text_order() {
                    annotation(&mut out, file.file, diagnostic, locale);
                }
            }
            Outcome::Unreadable { reason } => {
                let message = i18n::unreadable(locale, file.file, reason);
                command(&mut out, "error", &[("file", file.file)], &message);
            }
        }
    }
    out
}

/// One diagnostic as a workflow command.
fn annotation(out: &mut String, file: &str, diagnostic: &Diagnostic, locale: Locale) {
    let name = match (&diagnostic.suppressed, diagnostic.severity) {
        (Some(_), _) => "notice",
        (None, Severity::Error) => "error",
        (None, Severity::Warning) => "warning",
    };
    let numbers: Vec<(&str, String)> = diagnostic
        .location
        .map(|l| {
            vec![
                ("line", l.start.line.to_string()),
                ("col", l.start.column.to_string()),
                ("endLine", l.end.line.to_string()),
                ("endColumn", l.end.column.to_string()),
            ]
        })
        .unwrap_or_default();
    let title = format!("cloudaudit-lint ({})", diagnostic.rule());
    let mut properties: Vec<(&str, &str)> = vec![("file", file)];
    properties.extend(numbers.iter().map(|(k, v)| (*k, v.as_str())));
    properties.push(("title", &title));
    let mut message = diagnostic.headline(locale);
    if let Some(help) = diagnostic.help(locale) {
        let _ = write!(message, "\nhelp: {help}");
    }
    if let Some(reason) = &diagnostic.suppressed {
        let _ = write!(message, "\nsuppressed: {reason}");
    }
    command(out, name, &properties, &message);
}

/// Writes `::name key=value,…::message` and a line break.
fn command(out: &mut String, name: &str, properties: &[(&str, &str)], message: &str) {
    let _ = write!(out, "::{name}");
    for (i, (key, value)) in properties.iter().enumerate() {
        let separator = if i == 0 { ' ' } else { ',' };
        let _ = write!(out, "{separator}{key}={}", escape_property(value));
    }
    let _ = writeln!(out, "::{}", escape_data(message));
}

/// A message as GitHub reads it back: `%`, `\r` and `\n` percent-encoded; any other control
/// character drawn as U+FFFD.
///
/// ```
/// use cloudaudit_lint::report::github::escape_data;
/// assert_eq!(escape_data("50% a\r\nb::c\u{1b}"), "50%25 a%0D%0Ab::c\u{FFFD}");
/// ```
#[doc(hidden)]
pub fn escape_data(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c => out.push_str(&shown(c.encode_utf8(&mut [0; 4]))),
        }
    }
    out
}

/// A property value as GitHub reads it back: [`escape_data`]'s three, and `:` and `,`. A file
/// name keeps every other character, so that GitHub finds the file.
///
/// ```
/// use cloudaudit_lint::report::github::escape_property;
/// assert_eq!(escape_property("a,b:c%\n.json"), "a%2Cb%3Ac%25%0A.json");
/// ```
#[doc(hidden)]
pub fn escape_property(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            ':' => out.push_str("%3A"),
            ',' => out.push_str("%2C"),
            c => out.push(c),
        }
    }
    out
}
