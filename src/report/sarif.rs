//! SARIF 2.1.0: one run, every rule as `reportingDescriptor` metadata, one result per
//! diagnostic with its physical location (columns in Unicode code points, as `columnKind`
//! says) and its JSON Pointer as a logical location. Unreadable inputs become tool execution
//! notifications.
//!
//! Code-scanning services resolve a file against the repository they scanned, so file URIs
//! are relative to `%SRCROOT%`, a [`SourceRoot`] whose absolute `file:` URI the log gives in
//! `originalUriBaseIds`; a file outside it gets an absolute `file:` URI. Each result carries
//! a `partialFingerprints` entry that does not depend on line numbers (see [`fingerprint`]),
//! and a fixable result the `fixes` that `check --fix` would make for it.
//!
//! ```
//! use std::path::Path;
//! use cloudaudit_lint::report::sarif::SourceRoot;
//! let root = SourceRoot::new(Path::new("/repo"), Path::new("/repo/sub"));
//! assert_eq!(root.artifact_location("../requests/a b.json")["uri"], "requests/a%20b.json");
//! assert_eq!(root.artifact_location("../requests/a b.json")["uriBaseId"], "%SRCROOT%");
//! assert_eq!(root.artifact_location("/tmp/x.json")["uri"], "file:///tmp/x.json");
//! ```

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Component, Path, PathBuf};

use serde_json::{Value, json};

use super::{FileOutcome, Outcome};
use crate::diagnostic::text_order;
use crate::fix::{TextEdit, edits_for, is_fixable_in_text};
use crate::source::locate;
use crate::{Diagnostic, Locale, Profile, RuleId, Severity, rule_doc};

/// The SARIF version written.
pub const SARIF_VERSION: &str = "2.1.0";

const SARIF_SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// The `uriBaseId` of file URIs relative to the [`SourceRoot`].
pub const SRCROOT: &str = "%SRCROOT%";

/// The key of the result's entry in `partialFingerprints`; the version changes whenever the
/// [`fingerprint`] of a result would.
pub const FINGERPRINT_KEY: &str = "cloudauditLint/v1";

/// The folder that file URIs are relative to (`%SRCROOT%`, usually the repository root), and
/// the folder that input names are relative to (the working directory).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceRoot {
    root: PathBuf,
    cwd: PathBuf,
}

impl SourceRoot {
    /// `root` and `cwd` should be absolute; a relative `root` is taken relative to `cwd`.
    /// `.` and `..` are resolved in the names, not through the file system, as a shell's
    /// `cd` does: a symbolic link is not followed.
    pub fn new(root: &Path, cwd: &Path) -> Self {
        let cwd = normalized(cwd);
        Self {
            root: normalized(&cwd.join(root)),
            cwd,
        }
    }

    /// The root, absolute.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The SARIF `artifactLocation` of an input named `file` (as given: relative to the
    /// working directory, or absolute): relative to `%SRCROOT%` when it is inside the root,
    /// else an absolute `file:` URI. Standard input (`-`) stays `-`, with no base.
    pub fn artifact_location(&self, file: &str) -> Value {
        if file == "-" {
            return json!({ "uri": "-" });
        }
        let path = normalized(&self.cwd.join(file));
        match path.strip_prefix(&self.root) {
            Ok(relative) => json!({ "uri": relative_uri(relative), "uriBaseId": SRCROOT }),
            Err(_) => json!({ "uri": file_uri(&path) }),
        }
    }

    /// The `originalUriBaseIds` entry: the root's absolute `file:` URI, ending in `/`.
    fn base_uri(&self) -> String {
        let mut uri = file_uri(&self.root);
        if !uri.ends_with('/') {
            uri.push('/');
        }
        uri
    }
}

/// `path` with `.` dropped and each `..` taking away the name before it.
fn normalized(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push(component);
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// The SARIF log for `files`, pretty-printed, with file URIs relative to `root`; the rule
/// metadata states the facts of `profile`, the profile in force.
pub fn render(
    files: &[FileOutcome<'_>],
    locale: Locale,
    root: &SourceRoot,
    profile: &Profile,
) -> String {
    let mut results = Vec::new();
    let mut notifications = Vec::new();
    for file in files {
        let location = root.artifact_location(file.file);
        match file.outcome {
            Outcome::Checked {
                text,
                report,
                unwritten,
                ..
            } => {
                let edits = edits_for(text, &report.diagnostics);
                let mut seen: HashMap<String, usize> = HashMap::new();
                // Fingerprints are counted in the report's order, which does not depend on
                // where things are in the text; the results are listed in text order.
                let mut found: Vec<(&Diagnostic, Value)> = Vec::new();
                for (diagnostic, edit) in report.diagnostics.iter().zip(&edits) {
                    let key = fingerprint_input(&location, diagnostic);
                    let occurrence = seen.entry(key.clone()).or_insert(0);
                    let mut result = result(&location, diagnostic, locale);
                    result["partialFingerprints"] =
                        json!({ FINGERPRINT_KEY: fingerprint(&key, *occurrence) });
                    *occurrence = occurrence.saturating_add(1);
                    if let Some(edit) = edit {
                        result["fixes"] = json!([fix(&location, text, edit)]);
                    }
                    found.push((diagnostic, result));
                }
                found.sort_by(|(a, _), (b, _)| text_order(a, b));
                results.extend(found.into_iter().map(|(_, result)| result));
                if let Some(reason) = unwritten {
                    let text = crate::i18n::unwritable(locale, file.file, reason);
                    notifications.push(notification(&text, &location));
                }
            }
            Outcome::Unreadable { reason } => notifications.push(notification(reason, &location)),
        }
    }
    let log = json!({
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [{
            "tool": { "driver": driver(locale, profile) },
            "invocations": [{
                "executionSuccessful": notifications.is_empty(),
                "toolExecutionNotifications": notifications,
            }],
            "originalUriBaseIds": { SRCROOT: { "uri": root.base_uri() } },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    serde_json::to_string_pretty(&log).unwrap_or_default()
}

/// What identifies a result apart from its line: the rule, the file and the JSON Pointer (in
/// a larger document such as a Terraform plan, the enclosing element's address and attribute,
/// which stay when elements move).
fn fingerprint_input(location: &Value, diagnostic: &Diagnostic) -> String {
    let place = match &diagnostic.within {
        Some(within) => format!("{}\0{}", within.address, within.attribute),
        None => diagnostic.path.clone(),
    };
    let fields = [
        diagnostic.rule().as_str(),
        location["uriBaseId"].as_str().unwrap_or_default(),
        location["uri"].as_str().unwrap_or_default(),
        &place,
    ];
    // Each field with its length first, so no two lists of fields give the same input.
    fields.iter().fold(String::new(), |mut input, field| {
        let _ = write!(input, "{}:{field}", field.len());
        input
    })
}

/// A result's fingerprint: 64-bit FNV-1a of its `fingerprint_input` and how many results
/// before it in the same file had the same input, in hexadecimal. Moving lines changes
/// neither, so a code-scanning service keeps matching the result to its earlier alerts.
///
/// ```
/// use cloudaudit_lint::report::sarif::fingerprint;
/// assert_eq!(fingerprint("a", 0), fingerprint("a", 0));
/// assert_ne!(fingerprint("a", 0), fingerprint("a", 1));
/// assert_eq!(fingerprint("", 0).len(), 16);
/// ```
#[doc(hidden)]
pub fn fingerprint(input: &str, occurrence: usize) -> String {
    const OFFSET_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let occurrence = u64::try_from(occurrence).unwrap_or(u64::MAX).to_le_bytes();
    let hash = input
        .as_bytes()
        .iter()
        .chain(&occurrence)
        .fold(OFFSET_BASIS, |hash, byte| {
            (hash ^ u64::from(*byte)).wrapping_mul(PRIME)
        });
    format!("{hash:016x}")
}

/// The SARIF `fix` for one result: the edit `check --fix` makes for it.
fn fix(location: &Value, text: &str, edit: &TextEdit) -> Value {
    json!({
        "artifactChanges": [{
            "artifactLocation": location,
            "replacements": [{
                "deletedRegion": region(text, edit.start, edit.end),
                "insertedContent": { "text": edit.replacement },
            }],
        }],
    })
}

/// A SARIF region of the bytes `start..end` of `text`, in lines and columns (code points,
/// the end exclusive) and in bytes.
fn region(text: &str, start: usize, end: usize) -> Value {
    let (from, to) = (locate(text, start), locate(text, end));
    json!({
        "startLine": from.line,
        "startColumn": from.column,
        "endLine": to.line,
        "endColumn": to.column,
        "byteOffset": start,
        "byteLength": end.saturating_sub(start),
    })
}

/// A tool execution notification: an input that could not be read or written.
fn notification(text: &str, location: &Value) -> Value {
    json!({
        "level": "error",
        "message": { "text": text },
        "locations": [{ "physicalLocation": { "artifactLocation": location } }],
    })
}

fn driver(locale: Locale, profile: &Profile) -> Value {
    let rules: Vec<Value> = RuleId::ALL
        .iter()
        .map(|rule| {
            let description = crate::i18n::describe(*rule, profile, locale);
            let mut descriptor = json!({
                "id": rule.as_str(),
                "shortDescription": { "text": description },
                "helpUri": rule_doc::help_uri(*rule),
                "defaultConfiguration": { "level": level(rule.default_severity()) },
                "properties": { "apiErrorCode": rule.api_error_code().map(|c| c.as_str()) },
            });
            // The pages are in English only; the tests hold every rule to having one.
            if let (Ok(doc), Ok(text), Ok(markdown)) = (
                rule_doc::RuleDoc::for_profile(*rule, profile),
                rule_doc::text_for(*rule, profile),
                rule_doc::markdown_for(*rule, profile),
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
        "informationUri": env!("CARGO_PKG_REPOSITORY"),
        "rules": rules,
    })
}

fn result(location: &Value, diagnostic: &Diagnostic, locale: Locale) -> Value {
    let rule = diagnostic.rule();
    let rule_index = RuleId::ALL.iter().position(|r| *r == rule);
    let mut physical = json!({ "artifactLocation": location });
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
    // The JSON Pointer, then the element of a larger document it is in, if any.
    let mut logical = vec![json!({ "fullyQualifiedName": diagnostic.path, "kind": "member" })];
    if let Some(within) = &diagnostic.within {
        logical.push(json!({ "fullyQualifiedName": within.to_string(), "kind": "resource" }));
    }
    let mut result = json!({
        "ruleId": rule.as_str(),
        "ruleIndex": rule_index,
        "level": level(diagnostic.severity),
        "message": { "text": message },
        "locations": [{
            "physicalLocation": physical,
            "logicalLocations": logical,
        }],
        "properties": {
            "jsonPointer": diagnostic.path,
            "apiErrorCode": diagnostic.api_error_code().map(|c| c.as_str()),
            "fixable": is_fixable_in_text(diagnostic),
        },
    });
    if let Some(within) = &diagnostic.within {
        // Named as in the JSON contract's `resource`.
        result["properties"]["resourceAddress"] = json!(within.address);
        result["properties"]["resourceAttribute"] = json!(within.attribute);
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

/// A relative URI reference for a relative path: its names percent-encoded, joined by `/`.
fn relative_uri(path: &Path) -> String {
    let names: Vec<String> = path
        .components()
        .map(|c| percent_encoded(&c.as_os_str().to_string_lossy()))
        .collect();
    names.join("/")
}

/// The `file:` URI of an absolute path, its names percent-encoded (a Windows drive, `C:`,
/// kept as it is).
fn file_uri(path: &Path) -> String {
    let mut uri = String::from("file://");
    for component in path.components() {
        match component {
            Component::Prefix(prefix) => {
                uri.push('/');
                uri.push_str(&prefix.as_os_str().to_string_lossy().replace('\\', "/"));
            }
            Component::RootDir => {}
            other => {
                uri.push('/');
                uri.push_str(&percent_encoded(&other.as_os_str().to_string_lossy()));
            }
        }
    }
    // The root folder itself.
    if uri == "file://" {
        uri.push('/');
    }
    uri
}

/// One file name, percent-encoded but for the characters a URI segment may hold as they are.
/// A `\` is part of a Unix file name (`%5C`); on Windows it separates names, and never gets
/// here.
fn percent_encoded(name: &str) -> String {
    let mut encoded = String::with_capacity(name.len());
    for byte in name.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                encoded.push(char::from(byte));
            }
            _ => {
                let _ = write!(encoded, "%{byte:02X}");
            }
        }
    }
    encoded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_become_uri_references() {
        let root = SourceRoot::new(Path::new("/repo"), Path::new("/repo"));
        let uri = |file: &str| root.artifact_location(file)["uri"].clone();
        assert_eq!(uri("requests/a b.json"), "requests/a%20b.json");
        assert_eq!(uri("./requests/../审计.json"), "%E5%AE%A1%E8%AE%A1.json");
        assert_eq!(uri("a:b.json"), "a%3Ab.json");
        if cfg!(unix) {
            assert_eq!(uri("dir\\x.json"), "dir%5Cx.json");
        }
    }

    #[test]
    fn files_outside_the_root_get_absolute_file_uris() {
        let root = SourceRoot::new(Path::new("/repo/"), Path::new("/repo/sub"));
        let location = root.artifact_location("../../elsewhere/a#1.json");
        assert_eq!(location, json!({ "uri": "file:///elsewhere/a%231.json" }));
        assert_eq!(
            root.artifact_location("/repo/x.json"),
            json!({ "uri": "x.json", "uriBaseId": SRCROOT })
        );
        // A sibling whose name starts with the root's is not inside it.
        assert_eq!(
            root.artifact_location("/repository/x.json"),
            json!({ "uri": "file:///repository/x.json" })
        );
        assert_eq!(root.base_uri(), "file:///repo/");
        assert_eq!(
            SourceRoot::new(Path::new("/"), Path::new("/")).base_uri(),
            "file:///"
        );
        assert_eq!(root.artifact_location("-"), json!({ "uri": "-" }));
    }

    #[test]
    fn fingerprints_are_fnv_1a() {
        // The published FNV-1a test vector for "a" (no occurrence bytes), to pin the hash
        // against a drift that would reopen every alert.
        let fnv = |bytes: &[u8]| {
            bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
                (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
            })
        };
        assert_eq!(fnv(b"a"), 0xaf63_dc4c_8601_ec8c);
        let mut input = b"a".to_vec();
        input.extend_from_slice(&0u64.to_le_bytes());
        assert_eq!(fingerprint("a", 0), format!("{:016x}", fnv(&input)));
    }
}
