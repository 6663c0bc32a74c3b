//! Reporters: they read diagnostics and write them out, and do nothing else.
//!
//! | reporter | for |
//! | --- | --- |
//! | [`human`] | people at a terminal: `file:line:column`, a code frame with a caret, the help |
//! | [`json`] | tools: the stable JSON contract of `cloudaudit-lint check --format json` |
//! | [`sarif`] | code-scanning services: SARIF 2.1.0 with rule metadata |
//! | [`github`] | GitHub Actions: workflow commands that become annotations |
//! | [`junit`] | CI test reports: JUnit XML, one test suite per input |
//! | [`gitlab`] | GitLab merge requests: the Code Quality report |
//! | [`rules`] | the rule listing of `cloudaudit-lint rules`: a table, JSON records |

pub mod github;
pub mod gitlab;
pub mod human;
pub mod json;
pub mod junit;
pub mod rules;
pub mod sarif;

use crate::Report;
use crate::fix::Change;

/// What came of one input.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub enum Outcome<'a> {
    /// It was read and validated.
    #[non_exhaustive]
    Checked {
        /// The text as validated (invalid UTF-8 shown with U+FFFD), for code frames.
        text: &'a str,
        /// The diagnostics.
        report: &'a Report,
        /// The fixes applied before validating (`check --fix`).
        fixes: &'a [Change],
        /// Why its fixes could not be written, when they could not (`check --fix`): the file
        /// is then unchanged, `fixes` is empty and the report is of the text as read.
        unwritten: Option<&'a str>,
    },
    /// It could not be read.
    #[non_exhaustive]
    Unreadable {
        /// Why, in words.
        reason: &'a str,
    },
}

/// One input and what came of it.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct FileOutcome<'a> {
    /// The input's name as the user gave it (`-` for standard input; a name that is not
    /// UTF-8 is shown with U+FFFD). Reporters escape it: it is input like any other.
    pub file: &'a str,
    /// The outcome.
    pub outcome: Outcome<'a>,
}

impl<'a> FileOutcome<'a> {
    /// `outcome` of the input named `file`.
    pub const fn new(file: &'a str, outcome: Outcome<'a>) -> Self {
        Self { file, outcome }
    }
}

impl<'a> Outcome<'a> {
    /// `text` was validated into `report`, with no fixes applied.
    ///
    /// ```
    /// use cloudaudit_lint::report::{FileOutcome, Outcome, json};
    /// use cloudaudit_lint::{Locale, validate_str};
    /// let text = r#"{"Name": "a b"}"#;
    /// let report = validate_str(text, Some("ap-guangzhou"));
    /// let files = [FileOutcome::new("request.json", Outcome::checked(text, &report))];
    /// assert!(json::render(&files, Locale::En).contains("name-charset"));
    /// ```
    pub const fn checked(text: &'a str, report: &'a Report) -> Self {
        Self::fixed(text, report, &[], None)
    }

    /// `text` was validated into `report` after `fixes` were applied (`check --fix`), or, with
    /// an `unwritten` reason, after fixes that could not be written (then `fixes` is empty and
    /// the report is of the text as read).
    pub const fn fixed(
        text: &'a str,
        report: &'a Report,
        fixes: &'a [Change],
        unwritten: Option<&'a str>,
    ) -> Self {
        Self::Checked {
            text,
            report,
            fixes,
            unwritten,
        }
    }

    /// The input could not be read, for `reason`.
    pub const fn unreadable(reason: &'a str) -> Self {
        Self::Unreadable { reason }
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::{Locale, Validator};

    /// A plan with one resource whose name has a space.
    const PLAN: &str = r#"{"format_version": "1.2", "planned_values": {"root_module": {"resources": [
      {"address": "module.a.tencentcloud_audit_track.main", "mode": "managed",
       "type": "tencentcloud_audit_track", "name": "main",
       "values": {"name": "a b", "action_type": "Read", "resource_type": "cvm", "status": 1,
                  "event_names": ["*"], "storage": [{"storage_type": "cls",
                  "storage_region": "ap-guangzhou", "storage_name": "topic", "storage_prefix": "x"}]}}]}}}"#;

    #[test]
    fn every_reporter_names_the_enclosing_element_the_same_way() {
        let validator = Validator::new().with_region("ap-guangzhou");
        let report = crate::terraform::check_plan(&validator, PLAN)
            .expect("JSON")
            .expect("a plan");
        let files = [FileOutcome {
            file: "plan.json",
            outcome: Outcome::Checked {
                text: PLAN,
                report: &report,
                fixes: &[],
                unwritten: None,
            },
        }];
        let locale = Locale::En;
        let expected = "module.a.tencentcloud_audit_track.main.name: Name has U+0020";
        for (format, out) in [
            (
                "human",
                human::render(&files, locale, human::Style::default()),
            ),
            ("github", github::render(&files, locale)),
            ("junit", junit::render(&files, locale)),
            ("gitlab", gitlab::render(&files, locale)),
        ] {
            assert!(out.contains(expected), "{format}: {out}");
        }
        let json: serde_json::Value = serde_json::from_str(&json::render(&files, locale)).unwrap();
        assert_eq!(
            json[0]["diagnostics"][0]["resource"],
            serde_json::json!({"address": "module.a.tencentcloud_audit_track.main", "attribute": "name"})
        );
        let root = sarif::SourceRoot::new(Path::new("/repo"), Path::new("/repo"));
        let sarif: serde_json::Value = serde_json::from_str(&sarif::render(
            &files,
            locale,
            &root,
            &crate::Profile::default(),
        ))
        .unwrap();
        let result = &sarif["runs"][0]["results"][0];
        assert_eq!(
            result["locations"][0]["logicalLocations"][1],
            serde_json::json!({"fullyQualifiedName": "module.a.tencentcloud_audit_track.main.name", "kind": "resource"})
        );
        assert_eq!(
            result["properties"]["resourceAddress"],
            "module.a.tencentcloud_audit_track.main"
        );
        assert_eq!(result["properties"]["resourceAttribute"], "name");
    }
}
