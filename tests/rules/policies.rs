//! A team's configuration: policies, each reported by its own rule with the team's message,
//! and rule levels that change a rule's severity or turn it off.

use serde_json::json;

use crate::common::{Case, Request, case, error, run, warning};

pub fn cases() -> Vec<Case> {
    [policies(), levels()].concat()
}

fn policies() -> Vec<Case> {
    let name_policy = json!({"policy": {"name": {
        "pattern": "^prod-[a-z0-9-]+$", "message": "tracking sets are named prod-<team>"}}});
    vec![
        case(
            "a name that follows the naming policy",
            Request::valid().set("Name", r#""prod-audit""#),
        )
        .config(name_policy.clone()),
        case("a name against the naming policy", Request::valid())
            .config(name_policy)
            .expect([error("policy-name", "/Name", None, (2, 11))
                .message("tracking sets are named prod-<team>")]),
        case("a storage type the team does not use", Request::cls())
            .config(json!({"policy": {"storage-type": {"allowed": ["cos"]}}}))
            .expect([error(
                "policy-storage-type",
                "/Storage/StorageType",
                None,
                (8, 20),
            )]),
        case(
            "a storage region the team does not use",
            Request::valid().storage("StorageRegion", r#""ap-tokyo""#),
        )
        .config(json!({"policy": {"storage-region": {"allowed": ["ap-guangzhou"]}}}))
        .expect([error(
            "policy-storage-region",
            "/Storage/StorageRegion",
            None,
            (9, 22),
        )]),
        case(
            "a tracking set left off",
            Request::valid().set("Status", "0"),
        )
        .config(json!({"policy": {"status": {"required": 1}}}))
        .expect([error("policy-status", "/Status", None, (5, 13))]),
        case(
            "members' logs not shipped",
            Request::valid().set("TrackForAllMembers", "0"),
        )
        .config(json!({"policy": {"track-for-all-members": {"required": 1}}}))
        .expect([error(
            "policy-track-for-all-members",
            "/TrackForAllMembers",
            None,
            (13, 25),
        )]),
        case(
            "a prefix against the prefix policy",
            Request::valid().storage("StoragePrefix", r#""Logs""#),
        )
        .config(json!({"policy": {"storage-prefix": {"pattern": "^[a-z]+$"}}}))
        .expect([error(
            "policy-storage-prefix",
            "/Storage/StoragePrefix",
            None,
            (11, 22),
        )]),
    ]
}

fn levels() -> Vec<Case> {
    let duplicate = Request::valid().set("EventNames", r#"["PutObject", "PutObject"]"#);
    vec![
        case("a warning raised to an error", duplicate.clone())
            .config(json!({"rules": {"event-names-duplicate": "error"}}))
            .expect([error(
                "event-names-duplicate",
                "/EventNames/1",
                None,
                (6, 31),
            )]),
        case(
            "an error lowered to a warning",
            Request::valid().set("Status", "2"),
        )
        .config(json!({"rules": {"status-value": "warning"}}))
        .expect([warning(
            "status-value",
            "/Status",
            "InvalidParameterValue",
            (5, 13),
        )]),
        case("a rule turned off", duplicate)
            .config(json!({"rules": {"event-names-duplicate": "off"}})),
    ]
}

#[test]
fn policy_table() {
    run(&policies());
}

#[test]
fn level_table() {
    run(&levels());
}
