//! A team's policies ([`Policy`]), checked for the parameter they are about.
//!
//! **What it checks.** `Name` and `StoragePrefix` against the team's pattern, `StorageType`
//! and `StorageRegion` against the values it allows, `Status` and `TrackForAllMembers` against
//! the value it requires. Each policy is its own rule (`policy-name`, …), so it can be given its
//! own level; its parameter comes from [`PolicyRule::param`].
//!
//! ```
//! use cloudaudit_lint::rules::policy::check_text;
//! use cloudaudit_lint::{Config, Param, RuleId};
//! let config = Config::from_json(&serde_json::json!({
//!     "policy": {"name": {"pattern": "^prod-"}}
//! })).unwrap();
//! assert!(check_text(&config.policy, Param::Name, "prod-audit").is_none());
//! let found = check_text(&config.policy, Param::Name, "dev-audit").unwrap();
//! assert_eq!(found.rule(), RuleId::PolicyName);
//! assert!(check_text(&config.policy, Param::StoragePrefix, "anything").is_none());
//! ```

use crate::config::{AllowedPolicy, PatternPolicy, Policy, RequiredPolicy};
use crate::{Param, PolicyRule, Violation};

/// What one policy asks for.
enum Wanted<'p> {
    Pattern(&'p PatternPolicy),
    Allowed(&'p AllowedPolicy),
    Required(&'p RequiredPolicy),
}

/// The team's setting of `rule`, if it set one.
fn wanted(policy: &Policy, rule: PolicyRule) -> Option<Wanted<'_>> {
    match rule {
        PolicyRule::Name => policy.name.as_ref().map(Wanted::Pattern),
        PolicyRule::StoragePrefix => policy.storage_prefix.as_ref().map(Wanted::Pattern),
        PolicyRule::StorageType => policy.storage_type.as_ref().map(Wanted::Allowed),
        PolicyRule::StorageRegion => policy.storage_region.as_ref().map(Wanted::Allowed),
        PolicyRule::Status => policy.status.as_ref().map(Wanted::Required),
        PolicyRule::TrackForAllMembers => {
            policy.track_for_all_members.as_ref().map(Wanted::Required)
        }
    }
}

/// The policy violation of the string `value` of `param`, if a policy is about `param` and
/// `value` does not meet it.
#[inline]
pub fn check_text(policy: &Policy, param: Param, value: &str) -> Option<Violation> {
    // Inlined at every string rule, which most often finds no policy to ask.
    let rule = PolicyRule::of(param)?;
    let wanted = wanted(policy, rule)?;
    check_wanted_text(rule, wanted, value)
}

/// [`check_text`] for a parameter the team set a policy about.
#[inline(never)]
fn check_wanted_text(rule: PolicyRule, wanted: Wanted<'_>, value: &str) -> Option<Violation> {
    let (expected, message) = match wanted {
        Wanted::Pattern(p) => (!p.pattern.is_match(value))
            .then(|| (p.pattern.as_str().to_owned(), p.message.clone()))?,
        Wanted::Allowed(p) => (!p.allowed.iter().any(|a| a == value))
            .then(|| (p.allowed.join(", "), p.message.clone()))?,
        Wanted::Required(_) => return None,
    };
    Some(Violation::Policy {
        rule,
        value: value.to_owned(),
        expected,
        message,
    })
}

/// The policy violation of the integer `value` of `param`, if any.
pub fn check_integer(policy: &Policy, param: Param, value: i64) -> Option<Violation> {
    let rule = PolicyRule::of(param)?;
    let Wanted::Required(p) = wanted(policy, rule)? else {
        return None;
    };
    (value != p.required).then(|| Violation::Policy {
        rule,
        value: value.to_string(),
        expected: p.required.to_string(),
        message: p.message.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Config;

    fn policy() -> Policy {
        Config::from_json(&serde_json::json!({"policy": {
            "name": {"pattern": "^prod-"},
            "storage-prefix": {"pattern": "^audit"},
            "storage-type": {"allowed": ["cos"]},
            "storage-region": {"allowed": ["ap-guangzhou"], "message": "keep logs in Guangzhou"},
            "status": {"required": 1},
            "track-for-all-members": {"required": 0}
        }}))
        .expect("a valid configuration")
        .policy
    }

    #[test]
    fn each_policy_is_checked_for_its_own_parameter_only() {
        let policy = policy();
        let text = |param, value| check_text(&policy, param, value).map(|v| v.rule());
        assert_eq!(text(Param::Name, "dev"), Some(crate::RuleId::PolicyName));
        assert_eq!(text(Param::Name, "prod-a"), None);
        assert_eq!(
            text(Param::StoragePrefix, "logs"),
            Some(crate::RuleId::PolicyStoragePrefix)
        );
        assert_eq!(
            text(Param::StorageType, "cls"),
            Some(crate::RuleId::PolicyStorageType)
        );
        assert_eq!(text(Param::StorageType, "cos"), None);
        let region = check_text(&policy, Param::StorageRegion, "ap-tokyo").expect("refused");
        assert!(
            matches!(region, Violation::Policy { message: Some(m), .. } if m == "keep logs in Guangzhou")
        );
        // No policy is about these: neither the text nor the integer check says anything.
        for param in [Param::StorageName, Param::ExportId, Param::Region] {
            assert_eq!(text(param, "dev"), None, "{param}");
            assert!(check_integer(&policy, param, 5).is_none(), "{param}");
        }
        assert!(check_text(&policy, Param::Status, "0").is_none());
        assert_eq!(
            check_integer(&policy, Param::Status, 0).map(|v| v.rule()),
            Some(crate::RuleId::PolicyStatus)
        );
        assert!(check_integer(&policy, Param::Status, 1).is_none());
        assert_eq!(
            check_integer(&policy, Param::TrackForAllMembers, 1).map(|v| v.rule()),
            Some(crate::RuleId::PolicyTrackForAllMembers)
        );
        assert!(check_integer(&policy, Param::Name, 0).is_none());
        assert!(check_text(&Policy::default(), Param::Name, "dev").is_none());
    }

    #[test]
    fn every_policy_maps_to_a_distinct_parameter_and_back() {
        for &rule in PolicyRule::ALL {
            assert_eq!(PolicyRule::of(rule.param()), Some(rule));
        }
    }
}
