//! GitLab Code Quality: the JSON array GitLab reads from a `codequality` report artifact (the
//! Code Climate issue format, the subset GitLab documents).
//!
//! ```json
//! [{"description": "name-charset: Name has U+0020 \" \" at character 3; …",
//!   "check_name": "name-charset",
//!   "fingerprint": "5b1c…",
//!   "severity": "major",
//!   "location": {"path": "request.json", "lines": {"begin": 3, "end": 3}}}]
//! ```
//!
//! - `severity`: an error is `major`, a warning `minor`; an input that could not be read or
//!   fixed is `blocker` (check `input-unreadable` or `fix-unwritten`, at line 1).
//! - `fingerprint` (32 hex digits) hashes the file, the rule, the JSON Pointer and the Terraform
//!   resource, not the line, so an issue keeps its fingerprint when lines move; a repeat of the
//!   same tuple is numbered to keep fingerprints unique, as GitLab requires.
//! - Suppressed diagnostics are left out: GitLab has no notion of them.
//! - A diagnostic with no place in the text (a `--region` value) is at line 1.

use std::collections::HashMap;

use serde::Serialize;

use super::{FileOutcome, Outcome};
use crate::diagnostic::text_order;
use crate::{Diagnostic, Locale, Severity, i18n};

#[derive(Serialize)]
struct Issue {
    description: String,
    check_name: String,
    fingerprint: String,
    severity: &'static str,
    location: IssueLocation,
}

#[derive(Serialize)]
struct IssueLocation {
    path: String,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: usize,
    end: usize,
}

/// The Code Quality report for `files`, pretty-printed.
pub fn render(files: &[FileOutcome<'_>], locale: Locale) -> String {
    let mut issues = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut unique = |key: String| {
        let count = seen.entry(key.clone()).or_insert(0);
        *count += 1;
        fingerprint(&format!("{key}\u{0}{count}"))
    };
    for file in files {
        let problem = |check: &str, description: String, fingerprint: String| Issue {
            description,
            check_name: check.to_owned(),
            fingerprint,
            severity: "blocker",
            location: IssueLocation {
                path: file.file.to_owned(),
                lines: Lines { begin: 1, end: 1 },
            },
        };
        match file.outcome {
            Outcome::Checked {
                report, unwritten, ..
            } => {
                if let Some(reason) = unwritten {
                    let description = i18n::unwritable(locale, file.file, reason);
                    let key = format!("{}\u{0}fix-unwritten", file.file);
                    issues.push(problem("fix-unwritten", description, unique(key)));
                }
                // Fingerprints are counted in the report's order, which does not depend on
                // where things are in the text; the issues are listed in text order.
                let mut found: Vec<(&Diagnostic, Issue)> = report
                    .diagnostics
                    .iter()
                    .filter(|d| d.suppressed.is_none())
                    .map(|d| {
                        (
                            d,
                            issue(file.file, d, locale, unique(identity(file.file, d))),
                        )
                    })
                    .collect();
                found.sort_by(|(a, _), (b, _)| text_order(a, b));
                issues.extend(found.into_iter().map(|(_, issue)| issue));
            }
            Outcome::Unreadable { reason } => {
                let description = i18n::unreadable(locale, file.file, reason);
                let key = format!("{}\u{0}input-unreadable", file.file);
                issues.push(problem("input-unreadable", description, unique(key)));
            }
        }
    }
    // Serializing plain strings and numbers cannot fail.
    serde_json::to_string_pretty(&issues).unwrap_or_default()
}

/// What identifies a diagnostic across edits: everything but its place.
fn identity(file: &str, diagnostic: &Diagnostic) -> String {
    let resource = diagnostic
        .within
        .as_ref()
        .map(|within| format!("{}\u{0}{}", within.address, within.attribute))
        .unwrap_or_default();
    format!(
        "{file}\u{0}{}\u{0}{}\u{0}{resource}",
        diagnostic.rule(),
        diagnostic.path
    )
}

fn issue(file: &str, diagnostic: &Diagnostic, locale: Locale, fingerprint: String) -> Issue {
    let (begin, end) = diagnostic
        .location
        .map_or((1, 1), |l| (l.start.line, l.end.line.max(l.start.line)));
    let mut description = format!("{}: {}", diagnostic.rule(), diagnostic.headline(locale));
    if let Some(help) = diagnostic.help(locale) {
        description.push_str(" (");
        description.push_str(&help);
        description.push(')');
    }
    Issue {
        description,
        check_name: diagnostic.rule().as_str().to_owned(),
        fingerprint,
        severity: match diagnostic.severity {
            Severity::Error => "major",
            Severity::Warning => "minor",
        },
        location: IssueLocation {
            path: file.to_owned(),
            lines: Lines { begin, end },
        },
    }
}

/// 128 bits of FNV-1a (two 64-bit passes with different offsets) as 32 hex digits: stable
/// across runs, platforms and releases, which `std`'s hasher does not promise.
///
/// ```
/// use cloudaudit_lint::report::gitlab::fingerprint;
/// assert_eq!(fingerprint("a"), fingerprint("a"));
/// assert_ne!(fingerprint("a"), fingerprint("b"));
/// assert_eq!(fingerprint("a").len(), 32);
/// ```
#[doc(hidden)]
pub fn fingerprint(key: &str) -> String {
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let fnv = |offset: u64| {
        key.bytes().fold(offset, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(PRIME)
        })
    };
    format!(
        "{:016x}{:016x}",
        fnv(0xcbf2_9ce4_8422_2325),
        fnv(0x6c62_272e_07bb_0142)
    )
}
