//! The common parameters `Action`, `Version` and `Region`.
//!
//! **What it checks.** When a document carries the common parameters itself, `Action` must be
//! `CreateAuditTrack`, `Version` `2019-03-19`, and `Region` one of the regions the API is
//! offered in (the page: ap-guangzhou, ap-hongkong, ap-seoul, ap-singapore, ap-tokyo,
//! eu-frankfurt).
//!
//! **Why.** A request sent to the wrong action or version fails before any parameter is read;
//! a region outside the list answers `UnsupportedRegion`.
//!
//! ```
//! use cloudaudit_lint::rules::common::check_region;
//! use cloudaudit_lint::{Profile, Violation};
//! assert!(check_region("ap-tokyo", &Profile::default()).is_empty());
//! let found = check_region("ap-tokio", &Profile::default());
//! assert!(matches!(&found[..], [Violation::UnsupportedRegion { suggestion: Some(s), .. }] if s == "ap-tokyo"));
//! ```

use super::report;
use super::suggest::closest;
use super::text::clean;
use crate::facts::TrackAction;
use crate::{Param, Profile, Violation, facts};

/// Checks `Action` against the API being validated.
pub fn check_action(action: &str, expected: TrackAction) -> Vec<Violation> {
    let expected = expected.name();
    check_fixed(Param::Action, action, expected, |found| {
        Violation::WrongAction { found, expected }
    })
}

/// Checks `Version`.
pub fn check_version(version: &str) -> Vec<Violation> {
    check_fixed(Param::Version, version, facts::API_VERSION, |found| {
        Violation::WrongVersion { found }
    })
}

fn check_fixed(
    field: Param,
    value: &str,
    expected: &str,
    wrong: impl FnOnce(String) -> Violation,
) -> Vec<Violation> {
    let cleaned = clean(field, value);
    let mut violations = cleaned.violations;
    if cleaned.value != expected {
        violations.push(wrong(value.to_owned()));
    }
    violations
}

/// Checks the API region (the request's `Region`, or the caller's region option).
pub fn check_region(region: &str, profile: &Profile) -> Vec<Violation> {
    let cleaned = clean(Param::Region, region);
    let mut violations = cleaned.violations;
    if !profile.is_supported_region(&cleaned.value) {
        report(&mut violations, || Violation::UnsupportedRegion {
            region: region.to_owned(),
            suggestion: closest(&cleaned.value, profile.regions.iter().map(String::as_str))
                .map(str::to_owned),
            supported: profile.regions.clone(),
        });
    }
    violations
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::RuleId;

    fn rules(violations: Vec<Violation>) -> Vec<RuleId> {
        violations.iter().map(Violation::rule).collect()
    }

    #[test]
    fn every_supported_region_passes_and_others_fail() {
        let profile = Profile::default();
        for region in facts::SUPPORTED_REGIONS {
            assert!(check_region(region, &profile).is_empty(), "{region}");
        }
        for region in ["ap-shanghai", "na-ashburn", "", "guangzhou", "AP-GUANGZHOU"] {
            assert_eq!(
                rules(check_region(region, &profile)),
                [RuleId::RegionUnsupported],
                "{region}"
            );
        }
    }

    #[test]
    fn a_profile_can_add_regions() {
        let profile = Profile::default().with_extra_regions(["ap-shanghai"]);
        assert!(check_region("ap-shanghai", &profile).is_empty());
    }

    #[test]
    fn whitespace_around_a_region_is_one_violation() {
        assert_eq!(
            rules(check_region(" ap-tokyo", &Profile::default())),
            [RuleId::SurroundingWhitespace]
        );
    }

    #[test]
    fn action_and_version_are_fixed_values() {
        assert!(check_action("CreateAuditTrack", TrackAction::Create).is_empty());
        assert!(check_action("ModifyAuditTrack", TrackAction::Modify).is_empty());
        assert_eq!(
            rules(check_action("ModifyAuditTrack", TrackAction::Create)),
            [RuleId::ActionValue]
        );
        assert!(check_version("2019-03-19").is_empty());
        assert_eq!(rules(check_version("2019-03-18")), [RuleId::VersionValue]);
        assert_eq!(
            rules(check_version("2019-03-19 ")),
            [RuleId::SurroundingWhitespace]
        );
    }
}
