//! `EventNames` given `ResourceType`: the wildcard rules, the caps, duplicates and the shape of
//! each entry.

use crate::common::{Case, Request, case, error, run, warning};

const VALUE: &str = "InvalidParameterValue";
const LIMIT: &str = "LimitExceeded";

/// `count` distinct API names as a JSON array.
fn names(count: usize) -> String {
    let names: Vec<String> = (0..count).map(|i| format!("\"Api{i}\"")).collect();
    format!("[{}]", names.join(", "))
}

fn request(resource_type: &str, event_names: &str) -> Request {
    Request::valid()
        .set("ResourceType", &format!("\"{resource_type}\""))
        .set("EventNames", event_names)
}

pub fn cases() -> Vec<Case> {
    [wildcards(), caps(), entries()].concat()
}

fn wildcards() -> Vec<Case> {
    let mut cases = vec![
        case("all products, all APIs", request("*", r#"["*"]"#)),
        case("one product, all its APIs", request("cos", r#"["*"]"#)),
    ];
    for (what, list) in [
        ("an API name", r#"["PutObject"]"#),
        ("an empty list", "[]"),
        ("the wildcard and a name", r#"["*", "PutObject"]"#),
    ] {
        cases.push(
            case(format!("ResourceType * with {what}"), request("*", list)).expect([error(
                "event-names-wildcard",
                "/EventNames",
                VALUE,
                (6, 17),
            )
            .message("ResourceType is * (all products), so EventNames must be exactly [\"*\"]")
            .help("set EventNames to [\"*\"], or set ResourceType to one product")]),
        );
    }
    // The second "*" is also a repeated entry.
    cases.push(
        case(
            "ResourceType * with two wildcards",
            request("*", r#"["*", "*"]"#),
        )
        .expect([
            error("event-names-wildcard", "/EventNames", VALUE, (6, 17)),
            warning("event-names-duplicate", "/EventNames/1", None, (6, 23)),
        ]),
    );
    cases.extend([
        case("an empty list for cos", request("cos", "[]")).expect([warning(
            "event-names-empty",
            "/EventNames",
            VALUE,
            (6, 17),
        )
        .message_zh("EventNames 为空")]),
        case(
            "the wildcard mixed with names",
            request("cvm", r#"["*", "RunInstances", "StopInstances"]"#),
        )
        .expect([
            warning("event-names-mixed-wildcard", "/EventNames", None, (6, 17))
                .message("EventNames has * (all APIs) and 2 API names"),
        ]),
    ]);
    cases
}

fn caps() -> Vec<Case> {
    let mut cases = Vec::new();
    for product in ["cos", "cls"] {
        cases.push(case(
            format!("10 names for {product}"),
            request(product, &names(10)),
        ));
        cases.push(
            case(
                format!("11 names for {product}"),
                request(product, &names(11)),
            )
            .expect([error("event-names-cap", "/EventNames", LIMIT, (6, 17))
                .message(&format!(
                    "EventNames lists 11 APIs; for {product} at most 10 are allowed"
                ))
                .message_zh(&format!(
                    "EventNames 列出了 11 个接口；{product} 最多允许 10 个"
                ))]),
        );
    }
    for product in ["cvm", "cloudaudit"] {
        cases.push(case(
            format!("10 names for {product}"),
            request(product, &names(10)),
        ));
        cases.push(
            case(
                format!("11 names for {product}"),
                request(product, &names(11)),
            )
            .expect([warning("event-names-cap-other", "/EventNames", LIMIT, (6, 17))
                .message(&format!("EventNames lists 11 APIs for {product}; the Chinese API reference caps every product at 10"))]),
        );
    }
    // The wildcard is not an API name: it does not count towards the cap.
    let mut ten_and_wildcard = names(10);
    ten_and_wildcard.insert_str(1, "\"*\", ");
    cases.push(
        case(
            "10 names and the wildcard for cos",
            request("cos", &ten_and_wildcard),
        )
        .expect([warning(
            "event-names-mixed-wildcard",
            "/EventNames",
            None,
            (6, 17),
        )]),
    );
    // Look-alikes are folded before the product is looked up: this is still cos.
    cases.push(
        case(
            "11 names for a cos with a Cyrillic с",
            request("\u{441}os", &names(11)),
        )
        .expect([
            error("confusable-character", "/ResourceType", VALUE, (4, 20)),
            error("event-names-cap", "/EventNames", LIMIT, (6, 17)),
        ]),
    );
    cases
}

fn entries() -> Vec<Case> {
    vec![
        case(
            "API names that are not PascalCase",
            request("cls", r#"["createTopic", "SMS_AddDumpLogTask"]"#),
        ),
        case(
            "a repeated name",
            request("cos", r#"["PutObject", "GetObject", "PutObject"]"#),
        )
        .expect([
            warning("event-names-duplicate", "/EventNames/2", None, (6, 44))
                .message("\"PutObject\" is listed again in EventNames (first at index 0)")
                .help("remove the repeated entry"),
        ]),
        case("a space in a name", request("cos", r#"["Put Object"]"#)).expect([warning(
            "event-name-format",
            "/EventNames/0",
            VALUE,
            (6, 22),
        )
        .message("the EventNames entry \"Put Object\" has U+0020 \" \" at character 4")]),
        case("an empty entry", request("cos", r#"["PutObject", ""]"#)).expect([warning(
            "event-name-format",
            "/EventNames/1",
            VALUE,
            (6, 31),
        )
        .message("an entry of EventNames is empty")]),
        case("a dotted name", request("cos", r#"["cos.PutObject"]"#)).expect([warning(
            "event-name-format",
            "/EventNames/0",
            VALUE,
            (6, 22),
        )]),
    ]
}

#[test]
fn wildcard_table() {
    run(&wildcards());
}

#[test]
fn cap_table() {
    run(&caps());
}

#[test]
fn entry_table() {
    run(&entries());
}
