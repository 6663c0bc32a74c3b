//! `ActionType`: which events the tracking set ships.
//!
//! **What it checks.** The value is `Read`, `Write` or `*` (all), exactly. A value that differs
//! only in case (`read`) is still an error, because the server compares exactly, but it comes
//! with the right spelling as a suggestion.
//!
//! ```
//! use cloudaudit_lint::rules::action_type::check_action_type;
//! use cloudaudit_lint::Violation;
//! assert!(check_action_type("*").is_empty());
//! assert_eq!(
//!     check_action_type("write"),
//!     [Violation::ActionTypeValue { value: "write".into(), suggestion: Some("Write") }]
//! );
//! ```

use super::report;
use super::suggest::closest;
use super::text::clean;
use crate::{Param, Violation, facts};

/// Checks an `ActionType` value.
pub fn check_action_type(value: &str) -> Vec<Violation> {
    let cleaned = clean(Param::ActionType, value);
    let mut violations = cleaned.violations;
    if !facts::ACTION_TYPES.contains(&&*cleaned.value) {
        report(&mut violations, || Violation::ActionTypeValue {
            value: value.to_owned(),
            suggestion: closest(&cleaned.value, facts::ACTION_TYPES.iter().copied()).or_else(
                || match cleaned.value.to_ascii_lowercase().as_str() {
                    "all" => Some(facts::WILDCARD),
                    _ => None,
                },
            ),
        });
    }
    violations
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::RuleId;
    use crate::violation::Fix;

    #[test]
    fn values_table() {
        for (value, expected, suggestion) in [
            ("Read", None, None),
            ("Write", None, None),
            ("*", None, None),
            ("read", Some(RuleId::ActionTypeValue), Some("Read")),
            ("WRITE", Some(RuleId::ActionTypeValue), Some("Write")),
            ("Raed", Some(RuleId::ActionTypeValue), Some("Read")),
            ("All", Some(RuleId::ActionTypeValue), Some("*")),
            ("", Some(RuleId::ActionTypeValue), None),
            ("Delete", Some(RuleId::ActionTypeValue), None),
        ] {
            let found = check_action_type(value);
            assert_eq!(found.first().map(Violation::rule), expected, "{value:?}");
            if let Some(Violation::ActionTypeValue { suggestion: s, .. }) = found.first() {
                assert_eq!(*s, suggestion, "{value:?}");
            }
        }
    }

    #[test]
    fn a_case_slip_has_a_certain_replacement_a_typo_does_not() {
        assert_eq!(
            check_action_type("read")[0].fix(),
            Some(Fix::Replace("Read".into()))
        );
        assert_eq!(check_action_type("Raed")[0].fix(), None);
    }
}
