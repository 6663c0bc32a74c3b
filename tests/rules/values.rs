//! The single-value rules: `Name`, `ActionType`, `ResourceType`, `Status`,
//! `TrackForAllMembers`, `ExportId`.

use crate::common::{Case, Request, case, error, run, warning};

const VALUE: &str = "InvalidParameterValue";

pub fn cases() -> Vec<Case> {
    [names(), action_types(), resource_types(), switches()].concat()
}

fn name(raw: &str) -> Request {
    Request::valid().set("Name", &format!("\"{raw}\""))
}

fn names() -> Vec<Case> {
    let mut cases = Vec::new();
    for length in [3, 48] {
        cases.push(case(
            format!("a name of {length} characters"),
            name(&"a".repeat(length)),
        ));
    }
    for length in [1, 2, 49, 200] {
        cases.push(
            case(
                format!("a name of {length} characters"),
                name(&"a".repeat(length)),
            )
            .expect([
                error("name-length", "/Name", VALUE, (2, 11)).message(&format!(
                    "Name is {length} characters long; it must be 3 to 48 characters"
                )),
            ]),
        );
    }
    // An empty name, as a form sends an untouched field: said to be required.
    cases.push(
        case("an empty name", name("")).expect([error("name-length", "/Name", VALUE, (2, 11))
            .message("Name is required: it is empty, and must be 3 to 48 characters")
            .message_zh("Name 为必填项，不能为空；必须为 3 到 48 个字符")]),
    );
    cases.extend([
        case("every allowed kind of character", name("Audit-trail_01")),
        case("only hyphens", name("---")),
        case("a space", name("my audit")).expect([error("name-charset", "/Name", VALUE, (2, 14))
            .message("Name has U+0020 \" \" at character 3; a name may contain only ASCII letters, digits, hyphens (-) and underscores (_)")
            .message_zh("Name 的第 3 个字符是 U+0020 \" \"")
            .help("replace it with a letter, digit, - or _")]),
        case("dots", name("a.b.c")).expect([error("name-charset", "/Name", VALUE, (2, 13))
            .message("\".\" at character 2")
            .message("(and 1 more such character)")]),
        // Columns count characters: the caret lands on the first Chinese character.
        case("a Chinese name", name("审计日志")).expect([error(
            "name-charset",
            "/Name",
            VALUE,
            (2, 12),
        )
        .message("U+5BA1 \"审\" at character 1")
        .message("(and 3 more such characters)")]),
        // 16 three-byte characters are 48 bytes but 16 characters: only the charset fails.
        case("length counts characters", name(&"中".repeat(16)))
            .expect([error("name-charset", "/Name", VALUE, (2, 12))]),
        case("too short and a bad character", name("a!")).expect([
            error("name-length", "/Name", VALUE, (2, 11)),
            error("name-charset", "/Name", VALUE, (2, 13)),
        ]),
    ]);
    cases
}

fn action_types() -> Vec<Case> {
    let action = |raw: &str| Request::valid().set("ActionType", &format!("\"{raw}\""));
    let mut cases: Vec<Case> = ["Read", "Write", "*"]
        .into_iter()
        .map(|v| case(format!("ActionType {v}"), action(v)))
        .collect();
    cases.extend([
        case("ActionType in lowercase", action("read")).expect([error(
            "action-type-value",
            "/ActionType",
            VALUE,
            (3, 17),
        )
        .message("ActionType \"read\" is not one of Read, Write or * (all)")
        .message_zh("ActionType \"read\" 不是 Read、Write 或 *（全部）之一")
        .help("did you mean \"Read\"?")
        .help_zh("是否应为 \"Read\"？")]),
        case("ActionType in capitals", action("WRITE")).expect([error(
            "action-type-value",
            "/ActionType",
            VALUE,
            (3, 17),
        )
        .help("did you mean \"Write\"?")]),
        case("ActionType misspelt", action("Raed")).expect([error(
            "action-type-value",
            "/ActionType",
            VALUE,
            (3, 17),
        )
        .help("did you mean \"Read\"?")]),
        case("ActionType All", action("All")).expect([error(
            "action-type-value",
            "/ActionType",
            VALUE,
            (3, 17),
        )
        .help("did you mean \"*\"?")]),
        case("ActionType Delete", action("Delete")).expect([error(
            "action-type-value",
            "/ActionType",
            VALUE,
            (3, 17),
        )
        .no_help()]),
        case("an empty ActionType", action("")).expect([error(
            "action-type-value",
            "/ActionType",
            VALUE,
            (3, 17),
        )]),
    ]);
    cases
}

fn resource_types() -> Vec<Case> {
    let resource = |raw: &str| Request::valid().set("ResourceType", &format!("\"{raw}\""));
    let mut cases: Vec<Case> = ["cos", "cls", "cvm", "cloudaudit", "audit", "tcaplusdb"]
        .into_iter()
        .map(|v| case(format!("ResourceType {v}"), resource(v)))
        .collect();
    cases.extend([
        case(
            "ResourceType * with [\"*\"]",
            resource("*").set("EventNames", r#"["*"]"#),
        ),
        case("an empty ResourceType", resource("")).expect([error(
            "resource-type-format",
            "/ResourceType",
            VALUE,
            (4, 19),
        )
        .message("ResourceType is empty")]),
        case("two products in ResourceType", resource("cos,cls")).expect([error(
            "resource-type-format",
            "/ResourceType",
            VALUE,
            (4, 23),
        )
        .message("ResourceType \"cos,cls\" has \",\" at character 4")]),
        case("a double wildcard", resource("**")).expect([error(
            "resource-type-format",
            "/ResourceType",
            VALUE,
            (4, 20),
        )]),
        case("ResourceType in capitals", resource("COS")).expect([warning(
            "resource-type-case",
            "/ResourceType",
            VALUE,
            (4, 19),
        )
        .message("ResourceType \"COS\" has uppercase letters; product codes are lowercase")
        .help("did you mean \"cos\"?")]),
    ]);
    cases
}

fn switches() -> Vec<Case> {
    let mut cases = Vec::new();
    for value in ["0", "1"] {
        cases.push(case(
            format!("Status {value}"),
            Request::valid().set("Status", value),
        ));
        cases.push(case(
            format!("TrackForAllMembers {value}"),
            Request::valid().set("TrackForAllMembers", value),
        ));
    }
    for value in ["2", "-1", "9223372036854775807"] {
        cases.push(
            case(
                format!("Status {value}"),
                Request::valid().set("Status", value),
            )
            .expect([error("status-value", "/Status", VALUE, (5, 13))
                .message(&format!(
                    "Status is {value}; it must be 0 (not enabled) or 1 (enabled)"
                ))
                .no_help()]),
        );
        cases.push(
            case(
                format!("TrackForAllMembers {value}"),
                Request::valid().set("TrackForAllMembers", value),
            )
            .expect([error(
                "track-for-all-members-value",
                "/TrackForAllMembers",
                VALUE,
                (13, 25),
            )
            .message_zh(&format!(
                "TrackForAllMembers 为 {value}；必须为 0（不开启）或 1（开启）"
            ))]),
        );
    }
    cases.extend([
        case(
            "ExportId",
            Request::valid().set("ExportId", r#""task-2025_01""#),
        ),
        case(
            "ExportId with a zero width space",
            Request::valid().set("ExportId", "\"task\u{200B}\""),
        )
        .expect([error("invisible-character", "/ExportId", VALUE, (13, 20))]),
    ]);
    cases
}

#[test]
fn name_table() {
    run(&names());
}

#[test]
fn action_type_table() {
    run(&action_types());
}

#[test]
fn resource_type_table() {
    run(&resource_types());
}

#[test]
fn switch_table() {
    run(&switches());
}
