//! Terraform plans (`terraform show -json`): every `tencentcloud_audit_track` and
//! `tencentcloud_events_audit_track` resource, in any module, validated with the resource
//! address and attribute path, located in the plan file.

#[cfg(feature = "cli")]
mod common;

#[cfg(feature = "cli")]
use std::process::Command;

use cloudaudit_lint::{RuleId, Validator, terraform};

const PLAN: &str = include_str!("fixtures/terraform/plan.json");

/// (address, attribute, rule, line, JSON Pointer) of every diagnostic of `plan`.
fn located(validator: &Validator, plan: &str) -> Vec<(String, String, RuleId, usize, String)> {
    terraform::check_plan(validator, plan)
        .expect("the plan is JSON")
        .expect("it is a plan")
        .diagnostics
        .into_iter()
        .map(|d| {
            let rule = d.rule();
            let resource = d.within.expect("every diagnostic names its resource");
            let line = d.location.expect("located in the plan").start.line;
            (resource.address, resource.attribute, rule, line, d.path)
        })
        .collect()
}

/// (address, attribute, rule, line) of every diagnostic of the fixture plan.
fn findings(validator: &Validator) -> Vec<(String, String, RuleId, usize)> {
    located(validator, PLAN)
        .into_iter()
        .map(|(address, attribute, rule, line, _)| (address, attribute, rule, line))
        .collect()
}

#[test]
fn two_resources_in_different_modules_get_their_own_diagnostics() {
    let main = "module.audit.tencentcloud_audit_track.main";
    let archive = "module.audit.module.archive.tencentcloud_audit_track.archive[0]";
    let found = findings(&Validator::new().with_catalog(None));
    let expected: Vec<(String, String, RuleId, usize)> = [
        (main, "name", RuleId::NameCharset, 30),
        (main, "action_type", RuleId::ActionTypeValue, 31),
        (main, "event_names[1]", RuleId::EventNamesDuplicate, 34),
        (
            main,
            "storage[0].storage_name",
            RuleId::StorageNameAppId,
            40,
        ),
        (archive, "status", RuleId::StatusValue, 66),
        (archive, "event_names", RuleId::EventNamesWildcard, 67),
    ]
    .into_iter()
    .map(|(a, attr, r, l)| (a.to_owned(), attr.to_owned(), r, l))
    .collect();
    assert_eq!(found, expected);
}

/// An events tracking set's entries map to `/Filters/ResourceFields/i/X`: the entry rules and
/// the list rules, at `filters[0].resource_fields[i].x`; an entry value known only at apply
/// time is not missing.
#[test]
fn events_tracking_sets_are_checked_entry_by_entry_and_as_a_list() {
    let plan = include_str!("fixtures/terraform/events-plan.json");
    let found = located(&Validator::new(), plan);
    let multi = "tencentcloud_events_audit_track.multi";
    let entries = "/planned_values/root_module/resources/0/values/filters/0/resource_fields";
    let expected: Vec<(String, String, RuleId, usize, String)> = [
        (
            multi,
            "filters[0].resource_fields[0].action_type",
            RuleId::ActionTypeValue,
            34,
            format!("{entries}/0/action_type"),
        ),
        (
            multi,
            "filters[0].resource_fields[1].resource_type",
            RuleId::ResourceFieldsWildcardMixed,
            38,
            format!("{entries}/1/resource_type"),
        ),
        (
            multi,
            "filters[0].resource_fields[1].event_names",
            RuleId::EventNamesWildcard,
            40,
            format!("{entries}/1/event_names"),
        ),
        (
            multi,
            "filters[0].resource_fields[2].resource_type",
            RuleId::ResourceFieldsDuplicateProduct,
            43,
            format!("{entries}/2/resource_type"),
        ),
        (
            "tencentcloud_events_audit_track.empty",
            "filters[0].resource_fields",
            RuleId::ResourceFieldsEmpty,
            71,
            "/planned_values/root_module/resources/1/values/filters/0/resource_fields".to_owned(),
        ),
    ]
    .into_iter()
    .map(|(a, attr, r, l, p)| (a.to_owned(), attr.to_owned(), r, l, p))
    .collect();
    assert_eq!(found, expected);
}

#[test]
fn values_known_only_at_apply_time_are_not_missing() {
    // The archive's name and storage_name are in after_unknown: no missing-parameter for them.
    let found = findings(&Validator::new().with_catalog(None));
    assert!(
        !found
            .iter()
            .any(|(_, _, rule, _)| *rule == RuleId::MissingParameter)
    );
}

#[test]
fn the_region_comes_from_the_provider_unless_the_caller_gives_one() {
    let found = findings(
        &Validator::new()
            .with_catalog(None)
            .with_region("ap-shanghai"),
    );
    let region_errors = found
        .iter()
        .filter(|(_, _, rule, _)| *rule == RuleId::RegionUnsupported)
        .count();
    assert_eq!(region_errors, 2, "one per resource");
}

#[test]
fn paths_point_into_the_plan() {
    let report = terraform::check_plan(&Validator::new().with_catalog(None), PLAN)
        .unwrap()
        .unwrap();
    assert_eq!(
        report.diagnostics[3].path,
        "/planned_values/root_module/child_modules/0/resources/0/values/storage/0/storage_name"
    );
}

#[test]
fn requests_are_not_plans() {
    let request = include_str!("../examples/create-audit-track.json");
    assert_eq!(terraform::check_plan(&Validator::new(), request), Ok(None));
    assert!(terraform::check_plan(&Validator::new(), "{").is_err());
}

#[cfg(feature = "cli")]
#[test]
fn the_cli_reports_plans_by_address_and_never_fixes_them() {
    let dir = common::process::Folder::new("terraform", "plan");
    let file = dir.join("plan.json");
    std::fs::write(&file, PLAN).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_cloudaudit-lint"))
        .args(["check", "--fix", "--no-config", "--format", "json"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        PLAN,
        "a plan is never rewritten"
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let first = &json[0]["diagnostics"][0];
    assert_eq!(
        first["resource"]["address"],
        "module.audit.tencentcloud_audit_track.main"
    );
    assert_eq!(first["resource"]["attribute"], "name");
    assert_eq!(first["line"], 30);
    assert!(
        json[0]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["fixable"] == false)
    );
    std::fs::remove_dir_all(&dir).ok();
}
