//! The integer switches `Status` and `TrackForAllMembers`.
//!
//! **What it checks.** The value is 0 (not enabled) or 1 (enabled). Whether the value is an
//! integer at all (`"1"`, `true`, `1.0`) is a type question answered by whole-request
//! validation; these functions take the integer.
//!
//! **Why.** `TrackForAllMembers` may only be 1 for an organization admin account; that needs the
//! account and is left to the server.
//!
//! ```
//! use cloudaudit_lint::rules::switch::check_status;
//! assert!(check_status(1).is_empty());
//! assert_eq!(check_status(2)[0].to_string(), "Status is 2; it must be 0 (not enabled) or 1 (enabled)");
//! ```

use super::reported;
use crate::{Param, Violation, facts};

/// Checks `Status`.
pub fn check_status(value: i64) -> Vec<Violation> {
    check_switch(Param::Status, value)
}

/// Checks `TrackForAllMembers`.
pub fn check_track_for_all_members(value: i64) -> Vec<Violation> {
    check_switch(Param::TrackForAllMembers, value)
}

/// Checks either switch: `param` is `Status` or `TrackForAllMembers`.
pub fn check_switch(param: Param, value: i64) -> Vec<Violation> {
    if facts::SWITCH_VALUES.contains(&value) {
        Vec::new()
    } else {
        reported(|| Violation::SwitchValue {
            param,
            value: value.to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::RuleId;

    #[test]
    fn values_table() {
        for (value, ok) in [
            (0, true),
            (1, true),
            (2, false),
            (-1, false),
            (i64::MAX, false),
        ] {
            assert_eq!(check_status(value).is_empty(), ok, "{value}");
            assert_eq!(check_track_for_all_members(value).is_empty(), ok, "{value}");
        }
        assert_eq!(check_status(5)[0].rule(), RuleId::StatusValue);
        assert_eq!(
            check_track_for_all_members(5)[0].rule(),
            RuleId::TrackForAllMembersValue
        );
    }
}
