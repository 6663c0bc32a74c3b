//! `ActionType` (`rules::action_type`) and the common `Action` and `Version` values
//! (`rules::common`).

#![no_main]

mod common;

use arbitrary::Unstructured;
use cloudaudit_lint::facts::TrackAction;
use cloudaudit_lint::rules::action_type::check_action_type;
use cloudaudit_lint::rules::common::{check_action, check_version};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(value) =
        common::string_near(&mut u, &["Read", "Write", "*", "read", "CreateAuditTrack"])
    else {
        return;
    };
    let found = check_action_type(&value);
    common::render(&found);
    assert_eq!(
        found.is_empty(),
        ["Read", "Write", "*"].contains(&value.as_str()),
        "{value:?}"
    );
    for action in [
        TrackAction::Create,
        TrackAction::Modify,
        TrackAction::Delete,
        TrackAction::Describe,
        TrackAction::DescribeList,
    ] {
        common::render(&check_action(&value, action));
    }
    common::render(&check_version(&value));
});
