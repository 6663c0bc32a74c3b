//! The rest of the tracking-set family, chosen by the document's `Action` or by the caller:
//! `TrackId`, the page parameters, and renaming with `ModifyAuditTrack`.

use cloudaudit_lint::facts::TrackAction;

use crate::common::{Case, error, run, text_case, warning};

const VALUE: &str = "InvalidParameterValue";

/// A request of `action` with one member per line; members start on line 3 and their values
/// at column `key.len() + 7`.
fn request(action: &str, members: &[(&str, &str)]) -> String {
    let mut lines = vec![format!("  \"Action\": \"{action}\"")];
    lines.extend(members.iter().map(|(k, v)| format!("  \"{k}\": {v}")));
    format!("{{\n{}\n}}", lines.join(",\n"))
}

pub fn cases() -> Vec<Case> {
    [track_ids(), pages(), modify()].concat()
}

fn track_ids() -> Vec<Case> {
    let mut cases = Vec::new();
    for action in ["DeleteAuditTrack", "DescribeAuditTrack", "ModifyAuditTrack"] {
        cases.push(text_case(
            format!("{action} with TrackId 1"),
            request(action, &[("TrackId", "1")]),
        ));
        for value in ["0", "-3", "99999999999999999999"] {
            cases.push(
                text_case(
                    format!("{action} with TrackId {value}"),
                    request(action, &[("TrackId", value)]),
                )
                .expect([error("track-id-value", "/TrackId", VALUE, (3, 14))
                    .message(&format!(
                        "TrackId is {value}; it must be a positive integer (1 or more)"
                    ))]),
            );
        }
        cases.push(
            text_case(format!("{action} without TrackId"), request(action, &[])).expect([error(
                "missing-parameter",
                "/TrackId",
                "MissingParameter",
                (1, 1),
            )]),
        );
    }
    cases.extend([
        text_case(
            "DeleteAuditTrack takes no Name",
            request(
                "DeleteAuditTrack",
                &[("TrackId", "1"), ("Name", "\"audit\"")],
            ),
        )
        .expect([
            error("unknown-parameter", "/Name", "UnknownParameter", (4, 3))
                .message("\"Name\" is not a parameter of DeleteAuditTrack"),
        ]),
        // The caller's choice wins over the document's Action, which must then agree.
        text_case(
            "chosen as Delete, written as Describe",
            request("DescribeAuditTrack", &[("TrackId", "1")]),
        )
        .action(TrackAction::Delete)
        .expect([error("action-value", "/Action", "InvalidAction", (2, 13))
            .help("set Action to \"DeleteAuditTrack\"")]),
        text_case("chosen as Describe, no Action", "{\"TrackId\": 0}")
            .action(TrackAction::Describe)
            .expect([error("track-id-value", "/TrackId", VALUE, (1, 13))]),
    ]);
    cases
}

fn pages() -> Vec<Case> {
    let list = "DescribeAuditTracks";
    vec![
        text_case(
            "the first page of 20",
            request(list, &[("PageNumber", "1"), ("PageSize", "20")]),
        ),
        text_case(
            "page 0",
            request(list, &[("PageNumber", "0"), ("PageSize", "20")]),
        )
        .expect([error("page-value", "/PageNumber", VALUE, (3, 17))
            .message("PageNumber is 0; it must be a positive integer (1 or more)")
            .message_zh("PageNumber")]),
        text_case(
            "a negative page size",
            request(list, &[("PageNumber", "1"), ("PageSize", "-5")]),
        )
        .expect([error("page-value", "/PageSize", VALUE, (4, 15))]),
        text_case("no page size", request(list, &[("PageNumber", "2")])).expect([error(
            "missing-parameter",
            "/PageSize",
            "MissingParameter",
            (1, 1),
        )]),
    ]
}

fn modify() -> Vec<Case> {
    let modify = "ModifyAuditTrack";
    vec![
        text_case(
            "switching a tracking set off",
            request(modify, &[("TrackId", "12"), ("Status", "0")]),
        ),
        text_case(
            "a Name in ModifyAuditTrack",
            request(modify, &[("TrackId", "12"), ("Name", "\"audit\"")]),
        )
        .expect([warning(
            "modify-name",
            "/Name",
            "InvalidParameterValue.AuditTrackNameNotSupportModify",
            (4, 11),
        )
        .message("ModifyAuditTrack cannot rename a tracking set")
        .help("leave Name out unless it is the tracking set's current name")]),
        text_case(
            "ExportId in ModifyAuditTrack",
            request(modify, &[("TrackId", "12"), ("ExportId", "\"t\"")]),
        )
        .expect([error(
            "unknown-parameter",
            "/ExportId",
            "UnknownParameter",
            (4, 3),
        )]),
        text_case(
            "the Create value rules apply to Modify's fields",
            request(modify, &[("TrackId", "12"), ("ActionType", "\"read\"")]),
        )
        .expect([error("action-type-value", "/ActionType", VALUE, (4, 17))
            .help("did you mean \"Read\"?")]),
    ]
}

#[test]
fn track_id_table() {
    run(&track_ids());
}

#[test]
fn page_table() {
    run(&pages());
}

#[test]
fn modify_table() {
    run(&modify());
}
