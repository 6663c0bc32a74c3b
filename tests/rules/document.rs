//! The document itself: JSON syntax, byte order mark, the top-level type, duplicate keys,
//! missing and unknown parameters, and JSON types.

use crate::common::{Case, Request, case, error, run, text_case};

const INVALID: &str = "InvalidParameter";
const MISSING: &str = "MissingParameter";
const UNKNOWN: &str = "UnknownParameter";

pub fn cases() -> Vec<Case> {
    [
        syntax(),
        not_object(),
        duplicates(),
        missing(),
        unknown(),
        types(),
    ]
    .concat()
}

fn syntax() -> Vec<Case> {
    let valid = Request::valid().text();
    vec![
        text_case("a trailing comma", r#"{"Name": "audit",}"#).expect([error(
            "json-syntax",
            "",
            INVALID,
            (1, 18),
        )
        .message("the request is not valid JSON")
        .message_zh("请求不是有效的 JSON")
        .help("fix the JSON at the marked position")]),
        text_case("single quotes on line 2", "{\n  \"Name\": 'audit'\n}").expect([error(
            "json-syntax",
            "",
            INVALID,
            (2, 11),
        )]),
        text_case("the text ends inside the object", r#"{"Name": "audit""#).expect([error(
            "json-syntax",
            "",
            INVALID,
            (1, 17),
        )]),
        text_case("an empty text", "").expect([error("json-syntax", "", INVALID, (1, 1))]),
        text_case(
            "a .tf file with a comma after an attribute, after non-ASCII text",
            "# 审计\nresource \"tencentcloud_audit_track\" \"t\" {\n  name = \"审计\",\n}\n",
        )
        .hcl()
        .expect([error("hcl-syntax", "", None, (3, 14))
            .message("the Terraform file is not valid HCL")
            .message_zh("Terraform 文件不是有效的 HCL")
            .help("fix the HCL at the marked position")]),
        text_case("only whitespace", " \n ").expect([error("json-syntax", "", INVALID, (1, 1))]),
        text_case("a bad literal", "{\"Status\": tru}").expect([error(
            "json-syntax",
            "",
            INVALID,
            (1, 15),
        )]),
        text_case("a raw newline inside a string", "{\"Name\": \"au\ndit\"}").expect([error(
            "json-syntax",
            "",
            INVALID,
            (1, 13),
        )
        .message("U+000A")]),
        text_case("text after the object", format!("{valid} x")).expect([error(
            "json-syntax",
            "",
            INVALID,
            (13, 3),
        )]),
        text_case(
            "a byte order mark before a valid request",
            format!("\u{FEFF}{valid}"),
        )
        .expect([error("byte-order-mark", "", INVALID, (1, 1))
            .message("U+FEFF")
            .help("save the file as UTF-8 without a byte order mark")]),
    ]
}

fn not_object() -> Vec<Case> {
    let row = |name: &str, text: &str, at: (usize, usize), found: &str| {
        text_case(name, text).expect([error("request-not-object", "", INVALID, at)
            .message(&format!("must be a JSON object, not {found}"))])
    };
    vec![
        row("an array", "[1, 2]", (1, 1), "an array"),
        row("a string after spaces", "  \"audit\"", (1, 3), "a string"),
        row("null on line 2", "\nnull", (2, 1), "null"),
        row("a number", "42", (1, 1), "an integer"),
        row("a boolean", "true", (1, 1), "a boolean"),
    ]
}

fn duplicates() -> Vec<Case> {
    vec![
        // The first "Name" is shadowed: reported at its key; the last one is used and valid.
        case(
            "a duplicate top-level key",
            Request::valid().push("Name", r#""other""#),
        )
        .expect([error("duplicate-key", "/Name", None, (2, 3))
            .message("\"Name\" appears again later")
            .help("keep only one of them")]),
        case(
            "a duplicate key inside Storage",
            Request::valid().push_storage("StorageName", r#""other-cos""#),
        )
        .expect([error(
            "duplicate-key",
            "/Storage/StorageName",
            None,
            (10, 5),
        )]),
        case(
            "a duplicate key inside an unknown parameter",
            Request::valid().set("Extra", r#"{"a": 1, "a": 2}"#),
        )
        .expect([
            error("unknown-parameter", "/Extra", UNKNOWN, (13, 3)),
            error("duplicate-key", "/Extra/a", None, (13, 13)),
        ]),
        case(
            "a duplicate key inside a value of the wrong type",
            Request::valid().set("Status", r#"{"a": 1, "a": 2}"#),
        )
        .expect([
            error("parameter-type", "/Status", INVALID, (5, 13)),
            error("duplicate-key", "/Status/a", None, (5, 14)),
        ]),
        case(
            "a duplicate key in an object inside EventNames",
            Request::valid().set("EventNames", r#"[{"b": [{"c": 1, "c": 2}]}]"#),
        )
        .expect([
            error("parameter-type", "/EventNames/0", INVALID, (6, 18)),
            error("duplicate-key", "/EventNames/0/b/0/c", None, (6, 26)),
        ]),
        case(
            "a key written three times",
            Request::valid().push("Status", "0").push("Status", "1"),
        )
        .expect([
            error("duplicate-key", "/Status", None, (5, 3)),
            error("duplicate-key", "/Status", None, (13, 3)),
        ]),
    ]
}

fn missing() -> Vec<Case> {
    let mut cases = Vec::new();
    for name in [
        "Name",
        "ActionType",
        "ResourceType",
        "Status",
        "EventNames",
        "Storage",
    ] {
        cases.push(
            case(format!("no {name}"), Request::valid().remove(name)).expect([error(
                "missing-parameter",
                &format!("/{name}"),
                MISSING,
                (1, 1),
            )
            .message(&format!("the required parameter {name} is missing"))
            .help(&format!("add \"{name}\""))]),
        );
    }
    for field in [
        "StorageType",
        "StorageRegion",
        "StorageName",
        "StoragePrefix",
    ] {
        cases.push(
            case(
                format!("no Storage.{field}"),
                Request::valid().remove_storage(field),
            )
            .expect([error(
                "missing-parameter",
                &format!("/Storage/{field}"),
                MISSING,
                (7, 14),
            )]),
        );
    }
    cases.push(
        case("no Region anywhere", Request::valid())
            .region(None)
            .expect([error("missing-parameter", "/Region", MISSING, (1, 1))
                .help("give the region with --region (the `region` option), or add \"Region\" to the request")]),
    );
    cases.push(
        text_case("an empty object", "{}").expect(
            [
                "/Name",
                "/ActionType",
                "/ResourceType",
                "/Status",
                "/EventNames",
                "/Storage",
            ]
            .map(|path| error("missing-parameter", path, MISSING, (1, 1))),
        ),
    );
    cases.push(
        case("an empty Storage", Request::valid().set("Storage", "{}")).expect(
            [
                "/Storage/StorageType",
                "/Storage/StorageRegion",
                "/Storage/StorageName",
                "/Storage/StoragePrefix",
            ]
            .map(|path| error("missing-parameter", path, MISSING, (7, 14))),
        ),
    );
    // Optional parameters may be left out; the page's optional ones may also be given.
    cases.push(case(
        "every optional parameter given",
        Request::valid()
            .set("TrackForAllMembers", "0")
            .set("ExportId", r#""task-01""#)
            .storage("StorageAccountId", r#""100000000001""#)
            .storage("StorageAppId", r#""1250000000""#)
            .storage("Compress", "1"),
    ));
    cases
}

fn unknown() -> Vec<Case> {
    vec![
        case(
            "EventName for EventNames",
            Request::valid().set("EventName", r#"["PutObject"]"#),
        )
        .expect([error("unknown-parameter", "/EventName", UNKNOWN, (13, 3))
            .message("\"EventName\" is not a parameter of CreateAuditTrack")
            .help("did you mean \"EventNames\"?")
            .help_zh("是否应为 \"EventNames\"？")]),
        case("a lowercase name", Request::valid().set("status", "1")).expect([error(
            "unknown-parameter",
            "/status",
            UNKNOWN,
            (13, 3),
        )
        .help("did you mean \"Status\"?")]),
        case(
            "a key like no parameter",
            Request::valid().set("Colour", r#""red""#),
        )
        .expect([error("unknown-parameter", "/Colour", UNKNOWN, (13, 3)).help("remove it")]),
        case(
            "a typo inside Storage",
            Request::valid().storage("StorageNmae", r#""audit-cos""#),
        )
        .expect([error(
            "unknown-parameter",
            "/Storage/StorageNmae",
            UNKNOWN,
            (12, 5),
        )
        .help("did you mean \"StorageName\"?")]),
        case(
            "a top-level parameter inside Storage",
            Request::valid().storage("Name", r#""audit""#),
        )
        .expect([error(
            "unknown-parameter",
            "/Storage/Name",
            UNKNOWN,
            (12, 5),
        )]),
        // Unknown parameters come last, sorted by name, whatever their order in the text.
        case(
            "two unknown keys",
            Request::valid().set("Zeta", "1").set("Alpha", "2"),
        )
        .expect([
            error("unknown-parameter", "/Alpha", UNKNOWN, (14, 3)),
            error("unknown-parameter", "/Zeta", UNKNOWN, (13, 3)),
        ]),
        case(
            "a key that needs JSON Pointer escapes",
            Request::valid().set("a/b~c", "1"),
        )
        .expect([error("unknown-parameter", "/a~1b~0c", UNKNOWN, (13, 3))]),
    ]
}

fn types() -> Vec<Case> {
    let status = |name: &str, raw: &str| case(name, Request::valid().set("Status", raw));
    vec![
        status("Status as a string", r#""1""#).expect([error(
            "parameter-type",
            "/Status",
            INVALID,
            (5, 13),
        )
        .message("Status must be an integer, not a string")
        .message_zh("Status 必须是整数，而不是字符串")
        .help("write 1")]),
        status("Status as a boolean", "true").expect([error(
            "parameter-type",
            "/Status",
            INVALID,
            (5, 13),
        )
        .message("not a boolean")
        .no_help()]),
        status("Status with a fraction", "1.5").expect([error(
            "parameter-type",
            "/Status",
            INVALID,
            (5, 13),
        )
        .message("not a number with a fraction or an exponent")
        .no_help()]),
        status("Status as 1.0", "1.0").expect([error(
            "parameter-type",
            "/Status",
            INVALID,
            (5, 13),
        )
        .help("write 1")]),
        status("Status as null", "null").expect([error(
            "parameter-type",
            "/Status",
            INVALID,
            (5, 13),
        )
        .message("not null")]),
        status("Status beyond f64", "1e400").expect([error(
            "parameter-type",
            "/Status",
            INVALID,
            (5, 13),
        )
        .no_help()]),
        // An integer too large for any integer type is still an integer, and not 0 or 1.
        status("Status beyond u64", "18446744073709551616").expect([error(
            "status-value",
            "/Status",
            "InvalidParameterValue",
            (5, 13),
        )
        .message("Status is 18446744073709551616")]),
        status("Status as an array", "[1]").expect([error(
            "parameter-type",
            "/Status",
            INVALID,
            (5, 13),
        )]),
        case("Name as a number", Request::valid().set("Name", "5")).expect([error(
            "parameter-type",
            "/Name",
            INVALID,
            (2, 11),
        )
        .help("write \"5\"")]),
        case(
            "EventNames as a string",
            Request::valid().set("EventNames", r#""PutObject""#),
        )
        .expect([error("parameter-type", "/EventNames", INVALID, (6, 17))
            .message("EventNames must be an array, not a string")
            .help("write [\"PutObject\"]")]),
        case(
            "a number inside EventNames",
            Request::valid().set("EventNames", r#"["PutObject", 5]"#),
        )
        .expect([error("parameter-type", "/EventNames/1", INVALID, (6, 31))
            .message("EventNames[1] must be a string, not an integer")]),
        case(
            "Storage as a string",
            Request::valid().set("Storage", r#""cos""#),
        )
        .expect([error("parameter-type", "/Storage", INVALID, (7, 14))
            .message("Storage must be an object, not a string")]),
        case(
            "StorageName as a number",
            Request::valid().storage("StorageName", "5"),
        )
        .expect([error(
            "parameter-type",
            "/Storage/StorageName",
            INVALID,
            (10, 20),
        )]),
        case(
            "Compress as a string",
            Request::valid().storage("Compress", r#""1""#),
        )
        .expect([error("parameter-type", "/Storage/Compress", INVALID, (12, 17)).help("write 1")]),
        case(
            "TrackForAllMembers as a boolean",
            Request::valid().set("TrackForAllMembers", "true"),
        )
        .expect([error(
            "parameter-type",
            "/TrackForAllMembers",
            INVALID,
            (13, 25),
        )]),
        case(
            "ExportId as a number",
            Request::valid().set("ExportId", "7"),
        )
        .expect([error("parameter-type", "/ExportId", INVALID, (13, 15))]),
        // A type error stops that parameter's value rules and nothing else.
        case(
            "a type error next to a value error",
            Request::valid()
                .set("Name", "true")
                .set("ActionType", r#""read""#),
        )
        .expect([
            error("parameter-type", "/Name", INVALID, (2, 11)),
            error(
                "action-type-value",
                "/ActionType",
                "InvalidParameterValue",
                (3, 17),
            ),
        ]),
    ]
}

#[test]
fn syntax_table() {
    run(&syntax());
}

#[test]
fn not_object_table() {
    run(&not_object());
}

#[test]
fn duplicate_key_table() {
    run(&duplicates());
}

#[test]
fn missing_parameter_table() {
    run(&missing());
}

#[test]
fn unknown_parameter_table() {
    run(&unknown());
}

#[test]
fn parameter_type_table() {
    run(&types());
}

/// A warning must not hide behind an error-free verdict: used by the CLI's exit status.
#[test]
fn warnings_alone_are_not_errors() {
    let report = cloudaudit_lint::validate_str(
        &Request::valid().set("ResourceType", r#""COS""#).text(),
        Some("ap-guangzhou"),
    );
    assert_eq!(report.warning_count(), 1, "{report:?}");
    assert!(!report.has_errors(), "{report:?}");
}
