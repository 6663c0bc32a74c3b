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

pub mod github;
pub mod gitlab;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;

use crate::Report;
use crate::fix::Change;

/// What came of one input.
#[derive(Debug, Clone, Copy)]
pub enum Outcome<'a> {
    /// It was read and validated.
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
    Unreadable {
        /// Why, in words.
        reason: &'a str,
    },
}

/// One input and what came of it.
#[derive(Debug, Clone, Copy)]
pub struct FileOutcome<'a> {
    /// The input's name as the user gave it (`-` for standard input; a name that is not
    /// UTF-8 is shown with U+FFFD). Reporters escape it: it is input like any other.
    pub file: &'a str,
    /// The outcome.
    pub outcome: Outcome<'a>,
}
