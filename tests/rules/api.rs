//! The page's example and the library's entry points: the typed request round-trips the
//! example, and validating a typed request, a `serde_json::Value`, text or bytes gives the same
//! diagnostics (locations aside).

use cloudaudit_lint::{
    CreateAuditTrackRequest, Locale, Report, RuleId, Severity, Storage, TrackRequest, Validator,
    validate_str, validate_value,
};
use serde_json::Value;

use crate::common::{REGION, Request, describe};

const EXAMPLE: &str = include_str!("../../examples/create-audit-track.json");

/// The parts of a diagnostic every entry point must agree on.
fn essentials(report: &Report) -> Vec<(String, Severity, String, String)> {
    report
        .diagnostics
        .iter()
        .map(|d| {
            (
                d.rule().as_str().to_owned(),
                d.severity,
                d.path.clone(),
                d.message(Locale::En),
            )
        })
        .collect()
}

fn example() -> CreateAuditTrackRequest {
    serde_json::from_str(EXAMPLE).expect("the page's example deserializes")
}

#[test]
fn the_pages_example_has_no_errors() {
    let report = Validator::new()
        .with_region(REGION)
        .with_catalog(Some(crate::common::catalog()))
        .validate_str(EXAMPLE);
    assert!(!report.has_errors(), "{}", describe(&report));
    // Its one finding is the catalogue's advice: the product's code is cloudaudit, not audit.
    let rules: Vec<RuleId> = report.diagnostics.iter().map(|d| d.rule()).collect();
    assert_eq!(
        rules,
        [RuleId::ResourceTypeUnknown],
        "{}",
        describe(&report)
    );
    let without_catalogue = Validator::new()
        .with_region(REGION)
        .with_catalog(None)
        .validate_str(EXAMPLE);
    assert!(
        without_catalogue.is_clean(),
        "{}",
        describe(&without_catalogue)
    );
}

#[test]
fn the_typed_request_round_trips_the_example() {
    let request = example();
    assert_eq!(request.name, "audit");
    assert_eq!(request.event_names, ["LookUpEvents", "DeleteAudit"]);
    assert_eq!(request.track_for_all_members, Some(1));
    assert_eq!(request.storage.storage_type, "cos");
    let original: Value = serde_json::from_str(EXAMPLE).expect("the example is JSON");
    assert_eq!(request.to_value(), original);
    let text = serde_json::to_string(&request).expect("a typed request serializes");
    let again: CreateAuditTrackRequest = serde_json::from_str(&text).expect("and reads back");
    assert_eq!(again, request);
}

#[test]
fn the_typed_request_refuses_unknown_fields() {
    let with_typo = EXAMPLE.replacen("\"EventNames\"", "\"EventName\"", 1);
    assert!(serde_json::from_str::<CreateAuditTrackRequest>(&with_typo).is_err());
}

/// Faulty typed requests, each with what it gets wrong.
fn faulty_requests() -> Vec<(&'static str, CreateAuditTrackRequest)> {
    let base = example();
    let with = |f: &dyn Fn(&mut CreateAuditTrackRequest)| {
        let mut request = base.clone();
        f(&mut request);
        request
    };
    vec![
        ("valid", base.clone()),
        ("short name", with(&|r| r.name = "ab".into())),
        (
            "name with a space and a look-alike",
            with(&|r| r.name = "аudit trail".into()),
        ),
        (
            "lowercase action type",
            with(&|r| r.action_type = "read".into()),
        ),
        ("status 2", with(&|r| r.status = 2)),
        (
            "track-for-all-members -1",
            with(&|r| r.track_for_all_members = Some(-1)),
        ),
        (
            "wildcard product with names",
            with(&|r| r.resource_type = "*".into()),
        ),
        (
            "eleven names for cos",
            with(&|r| {
                r.resource_type = "cos".into();
                r.event_names = (0..11).map(|i| format!("Api{i}")).collect();
            }),
        ),
        (
            "duplicate and empty event names",
            with(&|r| r.event_names = vec!["A".into(), "".into(), "A".into()]),
        ),
        (
            "bad storage",
            with(&|r| {
                r.storage = Storage {
                    storage_type: "cos".into(),
                    storage_region: "ap-mars".into(),
                    storage_name: "Audit-1250000000".into(),
                    storage_prefix: "a/".into(),
                    storage_account_id: Some("x".into()),
                    storage_app_id: Some("".into()),
                    compress: Some(3),
                }
            }),
        ),
        (
            "cls storage with an empty prefix",
            with(&|r| {
                r.storage.storage_type = "cls".into();
                r.storage.storage_prefix = String::new();
            }),
        ),
        (
            "export id with a trailing space",
            with(&|r| r.export_id = Some("t ".into())),
        ),
    ]
}

#[test]
fn typed_value_text_and_bytes_agree() {
    let validator = Validator::new().with_region(REGION);
    for (what, request) in faulty_requests() {
        let value = request.to_value();
        let text = serde_json::to_string_pretty(&value).expect("a value serializes");
        let typed = validator.validate_request(&request);
        let from_value = validator.validate_value(&value);
        let from_text = validator.validate_str(&text);
        let from_bytes = validator.validate_bytes(text.as_bytes());
        assert_eq!(
            essentials(&typed),
            essentials(&from_value),
            "{what}: typed vs value"
        );
        assert_eq!(
            essentials(&from_value),
            essentials(&from_text),
            "{what}: value vs text\n{text}"
        );
        assert_eq!(from_text, from_bytes, "{what}: text vs bytes");
        assert_eq!(
            from_value,
            validate_value(&value, Some(REGION)),
            "{what}: free function"
        );
        assert_eq!(
            from_text,
            validate_str(&text, Some(REGION)),
            "{what}: free function"
        );
        assert!(
            from_value.diagnostics.iter().all(|d| d.location.is_none()),
            "{what}: a value has no locations"
        );
        assert!(
            from_text.diagnostics.iter().all(|d| d.location.is_some()),
            "{what}: every diagnostic of a document is located\n{}",
            describe(&from_text)
        );
        if what == "valid" {
            assert!(!typed.has_errors(), "{}", describe(&typed));
            assert!(
                typed
                    .diagnostics
                    .iter()
                    .all(|d| d.rule() == RuleId::ResourceTypeUnknown),
                "only the catalogue's advice: {}",
                describe(&typed)
            );
        } else {
            assert!(!typed.is_clean(), "{what}: nothing found");
        }
    }
}

/// The table layout's faulty requests agree between text and value too.
#[test]
fn text_and_value_agree_on_table_requests() {
    let validator = Validator::new().with_region(REGION);
    for request in [
        Request::valid(),
        Request::valid().set("Status", "\"1\"").set("Colour", "1"),
        Request::valid()
            .remove("Name")
            .storage("StorageNmae", "\"x\""),
        Request::valid()
            .set("Region", "\"ap-tokyo\"")
            .set("Action", "\"X\""),
        Request::cls()
            .set("EventNames", "[]")
            .storage("StorageName", "\"\""),
    ] {
        let text = request.text();
        let value: Value = serde_json::from_str(&text).expect("table requests are JSON");
        assert_eq!(
            essentials(&validator.validate_str(&text)),
            essentials(&validator.validate_value(&value)),
            "{text}"
        );
    }
}
