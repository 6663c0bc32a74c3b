//! Table tests for the tracking-set family: each action's required parameters, value rules
//! and how the action is chosen.

use cloudaudit_lint::facts::TrackAction;
use cloudaudit_lint::{
    CreateEventsAuditTrackRequest, DeleteAuditTrackRequest, DescribeAuditTracksRequest, Filters,
    ModifyAuditTrackRequest, ModifyEventsAuditTrackRequest, ResourceField, RuleId, Validator,
};

/// (rule, path) of every diagnostic.
fn found(validator: &Validator, text: &str) -> Vec<(RuleId, String)> {
    validator
        .validate_str(text)
        .diagnostics
        .iter()
        .map(|d| (d.rule(), d.path.clone()))
        .collect()
}

fn as_action(action: TrackAction) -> Validator {
    Validator::new()
        .with_region("ap-guangzhou")
        .with_action(action)
}

#[test]
fn track_id_actions() {
    for action in [
        TrackAction::Delete,
        TrackAction::Describe,
        TrackAction::Modify,
    ] {
        let v = as_action(action);
        let cases: &[(&str, &[(RuleId, &str)])] = &[
            (r#"{"TrackId": 1}"#, &[]),
            (r#"{"TrackId": 9007199254740993}"#, &[]),
            (r#"{}"#, &[(RuleId::MissingParameter, "/TrackId")]),
            (r#"{"TrackId": 0}"#, &[(RuleId::TrackIdValue, "/TrackId")]),
            (r#"{"TrackId": -3}"#, &[(RuleId::TrackIdValue, "/TrackId")]),
            (
                r#"{"TrackId": "7"}"#,
                &[(RuleId::ParameterType, "/TrackId")],
            ),
            (
                r#"{"TrackId": 1.5}"#,
                &[(RuleId::ParameterType, "/TrackId")],
            ),
            (
                r#"{"TrackID": 1}"#,
                &[
                    (RuleId::MissingParameter, "/TrackId"),
                    (RuleId::UnknownParameter, "/TrackID"),
                ],
            ),
        ];
        for (text, expected) in cases {
            let expected: Vec<(RuleId, String)> = expected
                .iter()
                .map(|(r, p)| (*r, (*p).to_owned()))
                .collect();
            assert_eq!(found(&v, text), expected, "{} {text}", action.name());
        }
    }
}

#[test]
fn delete_and_describe_take_nothing_but_the_track_id() {
    for action in [TrackAction::Delete, TrackAction::Describe] {
        let rules = found(&as_action(action), r#"{"TrackId": 1, "Name": "audit"}"#);
        assert_eq!(rules, [(RuleId::UnknownParameter, "/Name".to_owned())]);
    }
}

#[test]
fn describe_list_pages() {
    let v = as_action(TrackAction::DescribeList);
    assert_eq!(found(&v, r#"{"PageNumber": 1, "PageSize": 20}"#), []);
    assert_eq!(
        found(&v, r#"{"PageNumber": 0}"#),
        [
            (RuleId::PageValue, "/PageNumber".to_owned()),
            (RuleId::MissingParameter, "/PageSize".to_owned())
        ]
    );
}

#[test]
fn modify_checks_present_fields_with_the_create_rules() {
    let v = as_action(TrackAction::Modify);
    assert_eq!(found(&v, r#"{"TrackId": 3, "Status": 1}"#), []);
    assert_eq!(
        found(&v, r#"{"TrackId": 3, "ActionType": "read", "Status": 2}"#),
        [
            (RuleId::ActionTypeValue, "/ActionType".to_owned()),
            (RuleId::StatusValue, "/Status".to_owned())
        ]
    );
    // Storage, when present, is complete.
    assert_eq!(
        found(
            &v,
            r#"{"TrackId": 3, "Storage": {"StorageType": "cls", "StorageRegion": "ap-guangzhou", "StorageName": "t"}}"#
        ),
        [(
            RuleId::MissingParameter,
            "/Storage/StoragePrefix".to_owned()
        )]
    );
    // A Name is checked and warned about: the server does not rename.
    assert_eq!(
        found(&v, r#"{"TrackId": 3, "Name": "a b"}"#),
        [
            (RuleId::NameCharset, "/Name".to_owned()),
            (RuleId::ModifyName, "/Name".to_owned())
        ]
    );
    // ExportId belongs to CreateAuditTrack only.
    assert_eq!(
        found(&v, r#"{"TrackId": 3, "ExportId": "x"}"#),
        [(RuleId::UnknownParameter, "/ExportId".to_owned())]
    );
}

#[test]
fn the_document_action_chooses_unless_the_caller_did() {
    let default = Validator::new().with_region("ap-guangzhou");
    assert_eq!(
        found(&default, r#"{"Action": "DeleteAuditTrack", "TrackId": 5}"#),
        []
    );
    // A caller's choice wins; the document then disagrees with it.
    assert_eq!(
        found(
            &as_action(TrackAction::Describe),
            r#"{"Action": "DeleteAuditTrack", "TrackId": 5}"#
        ),
        [(RuleId::ActionValue, "/Action".to_owned())]
    );
    // An action outside the family is an error, and the request is checked as a create.
    let rules = found(&default, r#"{"Action": "LookUpEvents"}"#);
    assert_eq!(rules[0], (RuleId::ActionValue, "/Action".to_owned()));
    assert!(rules.contains(&(RuleId::MissingParameter, "/Name".to_owned())));
}

#[test]
fn typed_requests_validate_as_their_action() {
    let v = Validator::new().with_region("ap-guangzhou");
    assert!(
        v.validate_request(&DeleteAuditTrackRequest { track_id: 4 })
            .is_clean()
    );
    let report = v.validate_request(&DescribeAuditTracksRequest {
        page_number: 1,
        page_size: 0,
    });
    assert_eq!(report.diagnostics[0].rule(), RuleId::PageValue);
    let modify = ModifyAuditTrackRequest {
        track_id: 4,
        status: Some(3),
        ..ModifyAuditTrackRequest::default()
    };
    assert_eq!(
        v.validate_request(&modify).diagnostics[0].rule(),
        RuleId::StatusValue
    );
}

#[test]
fn typed_events_requests_validate_each_entry_and_the_list() {
    let v = Validator::new().with_region("ap-guangzhou");
    let example: CreateEventsAuditTrackRequest =
        serde_json::from_str(include_str!("../examples/create-events-audit-track.json"))
            .expect("the example is a request");
    let mut request = example.clone();
    request.filters.resource_fields.push(ResourceField {
        resource_type: "cam".into(),
        action_type: "Write".into(),
        event_names: vec!["*".into(), "GetUser".into()],
    });
    let found: Vec<(RuleId, String)> = v
        .validate_request(&request)
        .diagnostics
        .iter()
        .map(|d| (d.rule(), d.path.clone()))
        .collect();
    assert_eq!(
        found,
        [
            (
                RuleId::ResourceFieldsDuplicateProduct,
                "/Filters/ResourceFields/2/ResourceType".to_owned()
            ),
            (
                RuleId::EventNamesMixedWildcard,
                "/Filters/ResourceFields/2/EventNames".to_owned()
            )
        ]
    );
    let modify = ModifyEventsAuditTrackRequest {
        track_id: 4,
        filters: Some(Filters::default()),
        ..ModifyEventsAuditTrackRequest::default()
    };
    let report = v.validate_request(&modify);
    assert_eq!(report.diagnostics.len(), 1);
    assert_eq!(report.diagnostics[0].rule(), RuleId::ResourceFieldsEmpty);
    // The same request as another action is not one of its parameters.
    let as_create = v.clone().with_action(TrackAction::Create);
    let found = as_create.validate_value(&serde_json::to_value(&example).expect("a value"));
    assert!(
        found
            .diagnostics
            .iter()
            .any(|d| d.rule() == RuleId::UnknownParameter && d.path == "/Filters")
    );
}

#[cfg(feature = "cli")]
#[test]
fn the_cli_validates_events_tracking_sets() {
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_cloudaudit-lint"))
            .args(args)
            .output()
            .expect("the binary runs")
    };
    // The document's Action chooses CreateEventsAuditTrack: warnings only, exit 0.
    let out = run(&[
        "check",
        "--region",
        "ap-guangzhou",
        "--format",
        "json",
        "tests/fixtures/events.json",
    ]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    for rule in [
        "resource-fields-wildcard-mixed",
        "resource-fields-duplicate-product",
        "action-type-value",
    ] {
        assert!(stdout.contains(rule), "{rule}: {stdout}");
    }
    assert!(
        stdout.contains("/Filters/ResourceFields/2/ActionType"),
        "{stdout}"
    );
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    // Chosen by --action, the example without an Action is clean.
    let ok = run(&[
        "check",
        "--action",
        "CreateEventsAuditTrack",
        "--region",
        "ap-guangzhou",
        "examples/create-events-audit-track.json",
    ]);
    assert_eq!(
        ok.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&ok.stdout)
    );
    // As ModifyEventsAuditTrack, it lacks TrackId and renames.
    let modify = run(&[
        "check",
        "--action",
        "ModifyEventsAuditTrack",
        "--region",
        "ap-guangzhou",
        "examples/create-events-audit-track.json",
    ]);
    let stdout = String::from_utf8_lossy(&modify.stdout);
    assert_eq!(modify.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("modify-name") && stdout.contains("TrackId"),
        "{stdout}"
    );
}

#[cfg(feature = "cli")]
#[test]
fn the_cli_takes_the_action_by_name() {
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_cloudaudit-lint"))
            .args(args)
            .output()
            .expect("the binary runs")
    };
    let ok = run(&[
        "check",
        "--region",
        "ap-guangzhou",
        "tests/fixtures/modify.json",
    ]);
    assert_eq!(
        ok.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&ok.stdout)
    );
    let wrong = run(&[
        "check",
        "--action",
        "DeleteAuditTrack",
        "--region",
        "ap-guangzhou",
        "tests/fixtures/modify.json",
    ]);
    assert_eq!(wrong.status.code(), Some(1));
    let bad = run(&[
        "check",
        "--action",
        "CreateTrack",
        "tests/fixtures/modify.json",
    ]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("ModifyAuditTrack"));
}
