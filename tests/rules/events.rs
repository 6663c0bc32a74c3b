//! `CreateEventsAuditTrack` and `ModifyEventsAuditTrack`: the `CreateAuditTrack` rules run on
//! each entry of `Filters.ResourceFields` (with that entry's product), and the list's own rules.

use crate::common::{Case, error, run, text_case, warning};

const VALUE: &str = "InvalidParameterValue";
const CAM: &str = r#"{"ResourceType": "cam", "ActionType": "*", "EventNames": ["AddSubAccount", "AddSubAccountCheckingMFA"]}"#;
const CVM: &str = r#"{"ResourceType": "cvm", "ActionType": "*", "EventNames": ["*"]}"#;
const STORAGE: &str = r#"{"StorageType": "cos", "StorageRegion": "ap-guangzhou", "StorageName": "audit-logs", "StoragePrefix": "audit"}"#;

/// A `CreateEventsAuditTrack` request: `Action` on line 2, `Name` 3, `Status` 4, `Storage` 5,
/// `Filters` opening on line 6 and one entry per line from line 7 (at column 5).
fn create(entries: &[&str]) -> String {
    request("CreateEventsAuditTrack", &[], entries)
}

/// A request of `action` with `members` after `Action` (one a line, from line 3) and, when
/// `entries` is not `None`, `Filters` with those entries.
fn request(action: &str, members: &[(&str, &str)], entries: &[&str]) -> String {
    let mut lines = vec![format!("  \"Action\": \"{action}\"")];
    if members.is_empty() {
        lines.extend([
            "  \"Name\": \"audit-multi\"".to_owned(),
            "  \"Status\": 1".to_owned(),
            format!("  \"Storage\": {STORAGE}"),
        ]);
    }
    lines.extend(members.iter().map(|(k, v)| format!("  \"{k}\": {v}")));
    let entries: Vec<String> = entries.iter().map(|e| format!("    {e}")).collect();
    lines.push(format!(
        "  \"Filters\": {{\"ResourceFields\": [\n{}\n  ]}}",
        entries.join(",\n")
    ));
    format!("{{\n{}\n}}", lines.join(",\n"))
}

pub fn cases() -> Vec<Case> {
    [lists(), entries(), shapes(), modify()].concat()
}

fn lists() -> Vec<Case> {
    vec![
        text_case("the page's example", create(&[CAM, CVM])),
        text_case(
            "the page's example, with the catalogue",
            create(&[CAM, CVM]),
        )
        .catalog(),
        text_case("one product", create(&[CVM])),
        text_case("no product", create(&[])).expect([warning(
            "resource-fields-empty",
            "/Filters/ResourceFields",
            VALUE,
            (6, 33),
        )
        .message("Filters.ResourceFields is empty")
        .message_zh("Filters.ResourceFields 为空")
        .help("add an entry per product: ResourceType, ActionType and EventNames")]),
        text_case(
            "a product listed twice",
            create(&[
                CAM,
                CVM,
                r#"{"ResourceType": "cam", "ActionType": "Read", "EventNames": ["GetUser"]}"#,
            ]),
        )
        .expect([warning(
            "resource-fields-duplicate-product",
            "/Filters/ResourceFields/2/ResourceType",
            None,
            (9, 22),
        )
        .message("the product \"cam\" is listed again in Filters.ResourceFields (first at index 0)")
        .help("merge the product's entries into one, with every API name it tracks")]),
        text_case(
            "all products next to two",
            create(&[
                CAM,
                r#"{"ResourceType": "*", "ActionType": "*", "EventNames": ["*"]}"#,
                CVM,
            ]),
        )
        .expect([warning(
            "resource-fields-wildcard-mixed",
            "/Filters/ResourceFields/1/ResourceType",
            None,
            (8, 22),
        )
        .message("next to 2 specific products")
        .message_zh("2 个具体产品")
        .help("keep only the * entry to track every product, or remove it and list the products")]),
        text_case(
            "all products alone",
            create(&[r#"{"ResourceType": "*", "ActionType": "Write", "EventNames": ["*"]}"#]),
        ),
    ]
}

fn entries() -> Vec<Case> {
    vec![
        text_case(
            "each entry's EventNames with its own ResourceType",
            create(&[
                CAM,
                r#"{"ResourceType": "*", "ActionType": "*", "EventNames": ["AddSubAccount"]}"#,
            ]),
        )
        .expect([
            warning(
                "resource-fields-wildcard-mixed",
                "/Filters/ResourceFields/1/ResourceType",
                None,
                (8, 22),
            ),
            error(
                "event-names-wildcard",
                "/Filters/ResourceFields/1/EventNames",
                VALUE,
                (8, 60),
            ),
        ]),
        text_case(
            "the ActionType and ResourceType rules per entry",
            create(&[
                r#"{"ResourceType": "CVM", "ActionType": "read", "EventNames": ["*"]}"#,
            ]),
        )
        .expect([
            warning(
                "resource-type-case",
                "/Filters/ResourceFields/0/ResourceType",
                VALUE,
                (7, 22),
            )
            .help("did you mean \"cvm\"?"),
            error(
                "action-type-value",
                "/Filters/ResourceFields/0/ActionType",
                VALUE,
                (7, 43),
            ),
        ]),
        text_case(
            "the cap of cos per entry",
            create(&[&format!(
                r#"{{"ResourceType": "cos", "ActionType": "Write", "EventNames": [{}]}}"#,
                (0..11)
                    .map(|i| format!("\"PutObject{i}\""))
                    .collect::<Vec<_>>()
                    .join(", ")
            )]),
        )
        .expect([error(
            "event-names-cap",
            "/Filters/ResourceFields/0/EventNames",
            "LimitExceeded",
            (7, 66),
        )]),
        text_case(
            "an entry's API name hygiene and duplicates",
            create(&[
                r#"{"ResourceType": "cam", "ActionType": "*", "EventNames": ["GetUser", "Get User", "GetUser"]}"#,
            ]),
        )
        .expect([
            warning(
                "event-name-format",
                "/Filters/ResourceFields/0/EventNames/1",
                VALUE,
                (7, 78),
            ),
            warning(
                "event-names-duplicate",
                "/Filters/ResourceFields/0/EventNames/2",
                None,
                (7, 86),
            ),
        ]),
        text_case(
            "the catalogue per entry's product",
            create(&[
                CVM,
                r#"{"ResourceType": "cam", "ActionType": "*", "EventNames": ["AddSubAcount"]}"#,
            ]),
        )
        .catalog()
        .expect([warning(
            "event-name-unknown",
            "/Filters/ResourceFields/1/EventNames/0",
            None,
            (8, 63),
        )
        .help("did you mean \"AddSubAccount\"?")]),
    ]
}

fn shapes() -> Vec<Case> {
    vec![
        text_case(
            "an entry without EventNames, with an unknown key and a repeated one",
            create(&[
                r#"{"ResourceType": "cam", "ActionType": "*", "ActionType": "Read", "EventName": ["*"]}"#,
            ]),
        )
        .expect([
            error("duplicate-key", "/Filters/ResourceFields/0/ActionType", None, (7, 29)),
            error(
                "missing-parameter",
                "/Filters/ResourceFields/0/EventNames",
                "MissingParameter",
                (7, 5),
            ),
            error(
                "unknown-parameter",
                "/Filters/ResourceFields/0/EventName",
                "UnknownParameter",
                (7, 70),
            )
            .message("\"EventName\" is not a parameter of CreateEventsAuditTrack")
            .help("did you mean \"EventNames\"?"),
        ]),
        text_case("an entry that is not an object", create(&[CVM, r#""cam""#])).expect([error(
            "parameter-type",
            "/Filters/ResourceFields/1",
            "InvalidParameter",
            (8, 5),
        )]),
        text_case(
            "ResourceFields not an array, Filters with an unknown key",
            format!(
                "{{\"Action\": \"CreateEventsAuditTrack\", \"Name\": \"audit-multi\", \"Status\": 1,\n\"Storage\": {STORAGE},\n\"Filters\": {}}}",
                r#"{"ResourceFields": {}, "Tags": [{"a": 1, "a": 2}]}"#
            ),
        )
        .expect([
            error(
                "parameter-type",
                "/Filters/ResourceFields",
                "InvalidParameter",
                (3, 31),
            ),
            error("unknown-parameter", "/Filters/Tags", "UnknownParameter", (3, 35)),
            error("duplicate-key", "/Filters/Tags/0/a", None, (3, 45)),
        ]),
        text_case(
            "no Filters, no Storage",
            "{\"Action\": \"CreateEventsAuditTrack\", \"Name\": \"audit-multi\", \"Status\": 1, \"ResourceType\": \"cos\"}",
        )
        .expect([
            error("missing-parameter", "/Storage", "MissingParameter", (1, 1)),
            error("missing-parameter", "/Filters", "MissingParameter", (1, 1)),
            error("unknown-parameter", "/ResourceType", "UnknownParameter", (1, 74)),
        ]),
        text_case(
            "Filters without ResourceFields",
            request(
                "CreateEventsAuditTrack",
                &[("Name", "\"audit-multi\""), ("Status", "1"), ("Storage", STORAGE)],
                &[],
            )
            .replace("{\"ResourceFields\": [\n\n  ]}", "{}"),
        )
        .expect([error(
            "missing-parameter",
            "/Filters/ResourceFields",
            "MissingParameter",
            (6, 14),
        )]),
    ]
}

fn modify() -> Vec<Case> {
    let modify = "ModifyEventsAuditTrack";
    let only = |members: &[(&str, &str)]| {
        let mut lines = vec![format!("  \"Action\": \"{modify}\"")];
        lines.extend(members.iter().map(|(k, v)| format!("  \"{k}\": {v}")));
        format!("{{\n{}\n}}", lines.join(",\n"))
    };
    vec![
        text_case(
            "switching it off",
            only(&[("TrackId", "12"), ("Status", "0")]),
        ),
        text_case(
            "a Name in ModifyEventsAuditTrack",
            only(&[("TrackId", "12"), ("Name", "\"audit-multi\"")]),
        )
        .expect([warning(
            "modify-name",
            "/Name",
            "InvalidParameterValue.AuditTrackNameNotSupportModify",
            (4, 11),
        )]),
        text_case("no TrackId", only(&[("Status", "0")])).expect([error(
            "missing-parameter",
            "/TrackId",
            "MissingParameter",
            (1, 1),
        )]),
        text_case(
            "new filters, checked as Create's",
            request(modify, &[("TrackId", "12")], &[CVM, CVM]),
        )
        .expect([warning(
            "resource-fields-duplicate-product",
            "/Filters/ResourceFields/1/ResourceType",
            None,
            (6, 22),
        )]),
    ]
}

#[test]
fn resource_fields_list_table() {
    run(&lists());
}

#[test]
fn resource_fields_entry_table() {
    run(&entries());
}

#[test]
fn events_shape_table() {
    run(&shapes());
}

#[test]
fn modify_events_table() {
    run(&modify());
}
