//! SARIF 2.1.0: one run, every rule as `reportingDescriptor` metadata, one result per
//! diagnostic with its physical location (columns in Unicode code points, as `columnKind`
//! says) and its JSON Pointer as a logical location. Unreadable inputs become tool execution
//! notifications.

use std::borrow::Cow;
use std::fmt::Write as _;

use serde_json::{Value, json};

use super::{FileOutcome, Outcome};
use crate::fix::is_fixable_in_text;
use crate::{Diagnostic, Locale, RuleId, Severity, rule_doc};

/// The SARIF version written.
pub const SARIF_VERSION: &str = "2.1.0";

const SARIF_SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// The SARIF log for `files`, pretty-printed.
pub fn render(files: &[FileOutcome<'_>], locale: Locale) -> String {
    let mut results = Vec::new();
    let mut notifications = Vec::new();
    for file in files {
        match file.outcome {
            Outcome::Checked {
                report, unwritten, ..
            } => {
                results.extend(
                    report
                        .diagnostics
                        .iter()
                        .map(|d| result(file.file, d, locale)),
                );
                if let Some(reason) = unwritten {
                    let text = crate::i18n::unwritable(locale, file.file, reason);
                    notifications.push(notification(&text, file.file));
                }
            }
            Outcome::Unreadable { reason } => notifications.push(notification(reason, file.file)),
        }
    }
    let log = json!({
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [{
            "tool": { "driver": driver(locale) },
            "invocations": [{
                "executionSuccessful": notifications.is_empty(),
                "toolExecutionNotifications": notifications,
            }],
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    serde_json::to_string_pretty(&log).unwrap_or_default()
}

/// A tool execution notification: an input that could not be read or written.
fn notification(text: &str, file: &str) -> Value {
    json!({
        "level": "error",
        "message": { "text": text },
        "locations": [{ "physicalLocation": { "artifactLocation": { "uri": uri(file) } } }],
    })
}

fn driver(locale: Locale) -> Value {
    let rules: Vec<Value> = RuleId::ALL
        .iter()
        .map(|rule| {
            let description = match locale {
                Locale::En => rule.description_en(),
                Locale::ZhCn => rule.description_zh(),
            };
            let mut descriptor = json!({
                "id": rule.as_str(),
                "shortDescription": { "text": description },
                "helpUri": rule_doc::help_uri(*rule),
                "defaultConfiguration": { "level": level(rule.default_severity()) },
                "properties": { "apiErrorCode": rule.api_error_code().map(|c| c.as_str()) },
            });
            // The pages are in English only; the tests hold every rule to having one.
            if let (Ok(doc), Ok(text), Ok(markdown)) = (
                rule_doc::RuleDoc::of(*rule),
                rule_doc::text(*rule),
                rule_doc::markdown(*rule),
            ) {
                descriptor["fullDescription"] = json!({
                    "text": doc.what_it_checks.replace('`', ""),
                    "markdown": doc.what_it_checks,
                });
                descriptor["help"] = json!({ "text": text, "markdown": markdown });
            }
            descriptor
        })
        .collect();
    json!({
        "name": env!("CARGO_PKG_NAME"),
        "version": env!("CARGO_PKG_VERSION"),
        "rules": rules,
    })
}

fn result(file: &str, diagnostic: &Diagnostic, locale: Locale) -> Value {
    let rule = diagnostic.rule();
    let rule_index = RuleId::ALL.iter().position(|r| *r == rule);
    let mut physical = json!({ "artifactLocation": { "uri": uri(file) } });
    if let Some(location) = diagnostic.location {
        physical["region"] = json!({
            "startLine": location.start.line,
            "startColumn": location.start.column,
            "endLine": location.end.line,
            "endColumn": location.end.column,
            "byteOffset": location.span.start,
            "byteLength": location.span.end.saturating_sub(location.span.start),
        });
    }
    let mut message = diagnostic.message(locale);
    if let Some(help) = diagnostic.help(locale) {
        message = format!("{message} ({help})");
    }
    let mut result = json!({
        "ruleId": rule.as_str(),
        "ruleIndex": rule_index,
        "level": level(diagnostic.severity),
        "message": { "text": message },
        "locations": [{
            "physicalLocation": physical,
            "logicalLocations": [{ "fullyQualifiedName": diagnostic.path, "kind": "member" }],
        }],
        "properties": {
            "jsonPointer": diagnostic.path,
            "apiErrorCode": diagnostic.api_error_code().map(|c| c.as_str()),
            "fixable": is_fixable_in_text(diagnostic),
        },
    });
    if let Some(resource) = &diagnostic.resource {
        result["properties"]["terraformAddress"] = json!(resource.address);
        result["properties"]["terraformAttribute"] = json!(resource.attribute);
    }
    if let Some(reason) = &diagnostic.suppressed {
        result["suppressions"] = json!([{ "kind": "external", "justification": reason }]);
    }
    result
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// A relative URI reference for a file name: `/` separators, percent-encoded where needed.
/// A `\` is a separator on Windows only; elsewhere it is part of a name (`%5C`).
fn uri(file: &str) -> String {
    let file = if cfg!(windows) {
        Cow::Owned(file.replace('\\', "/"))
    } else {
        Cow::Borrowed(file)
    };
    let mut uri = String::with_capacity(file.len());
    for byte in file.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                uri.push(char::from(byte));
            }
            _ => {
                let _ = write!(uri, "%{byte:02X}");
            }
        }
    }
    uri
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_become_uri_references() {
        assert_eq!(uri("requests/a b.json"), "requests/a%20b.json");
        let separator = if cfg!(windows) { "/" } else { "%5C" };
        assert_eq!(uri("dir\\x.json"), format!("dir{separator}x.json"));
        assert_eq!(uri("审计.json"), "%E5%AE%A1%E8%AE%A1.json");
    }
}
