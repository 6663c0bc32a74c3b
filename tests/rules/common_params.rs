//! The common parameters in the document (`Action`, `Version`, `Region`) and the caller's
//! region (`--region`).

use cloudaudit_lint::facts::SUPPORTED_REGIONS;

use crate::common::{Case, Request, case, error, run, warning};

const UNSUPPORTED: &str = "UnsupportedRegion";

pub fn cases() -> Vec<Case> {
    [action_and_version(), regions()].concat()
}

fn action_and_version() -> Vec<Case> {
    vec![
        case(
            "the right Action and Version",
            Request::valid()
                .set("Action", r#""CreateAuditTrack""#)
                .set("Version", r#""2019-03-19""#),
        ),
        // Not an action of the family: the request is still validated as CreateAuditTrack.
        case(
            "a misspelt Action",
            Request::valid().set("Action", r#""CreateAuditTrak""#),
        )
        .expect([error("action-value", "/Action", "InvalidAction", (13, 13))
            .message(
                "Action is \"CreateAuditTrak\", but this request is validated as CreateAuditTrack",
            )
            .help("set Action to \"CreateAuditTrack\"")]),
        case(
            "an Action of another service",
            Request::valid().set("Action", r#""RunInstances""#),
        )
        .expect([error("action-value", "/Action", "InvalidAction", (13, 13))]),
        case(
            "another Version",
            Request::valid().set("Version", r#""2019-03-18""#),
        )
        .expect([
            error("version-value", "/Version", "NoSuchVersion", (13, 14))
                .help("set Version to \"2019-03-19\"")
                .help_zh("请将 Version 设为 \"2019-03-19\""),
        ]),
        case("Action as a number", Request::valid().set("Action", "1")).expect([error(
            "parameter-type",
            "/Action",
            "InvalidParameter",
            (13, 13),
        )]),
        // Whitespace is one slip, reported once: the trimmed value is right.
        case(
            "Version with a trailing space",
            Request::valid().set("Version", r#""2019-03-19 ""#),
        )
        .expect([error(
            "surrounding-whitespace",
            "/Version",
            "InvalidParameterValue",
            (13, 14),
        )]),
    ]
}

fn regions() -> Vec<Case> {
    let mut cases = Vec::new();
    for region in SUPPORTED_REGIONS {
        cases.push(case(format!("caller region {region}"), Request::valid()).region(Some(region)));
        cases.push(
            case(
                format!("document Region {region}"),
                Request::valid().set("Region", &format!("\"{region}\"")),
            )
            .region(None),
        );
        cases.push(
            case(
                format!("caller and document agree on {region}"),
                Request::valid().set("Region", &format!("\"{region}\"")),
            )
            .region(Some(region)),
        );
    }
    for region in [
        "ap-shanghai",
        "na-ashburn",
        "ap-beijing",
        "AP-GUANGZHOU",
        "",
    ] {
        // The caller's region has no place in the text.
        cases.push(
            case(format!("caller region {region:?}"), Request::valid())
                .region(Some(region))
                .expect([
                    error("region-unsupported", "/Region", UNSUPPORTED, None).message(&format!(
                        "the CloudAudit API is not offered in the region \"{region}\""
                    )),
                ]),
        );
        cases.push(
            case(
                format!("document Region {region:?}"),
                Request::valid().set("Region", &format!("\"{region}\"")),
            )
            .region(None)
            .expect([error(
                "region-unsupported",
                "/Region",
                UNSUPPORTED,
                (13, 13),
            )]),
        );
    }
    cases.extend([
        case("a region one letter off", Request::valid())
            .region(Some("ap-tokio"))
            .expect([error("region-unsupported", "/Region", UNSUPPORTED, None)
                .help("did you mean \"ap-tokyo\"?")]),
        case("a region like none supported", Request::valid())
            .region(Some("na-ashburn"))
            .expect([error("region-unsupported", "/Region", UNSUPPORTED, None).help(
                "supported regions: ap-guangzhou, ap-hongkong, ap-seoul, ap-singapore, ap-tokyo, eu-frankfurt",
            )]),
        case(
            "the document's Region differs from the caller's",
            Request::valid().set("Region", r#""ap-tokyo""#),
        )
        .expect([warning("region-mismatch", "/Region", None, (13, 13))
            .message("the document's Region \"ap-tokyo\" differs from the region given by the caller, \"ap-guangzhou\"")
            .message_zh("文档中的 Region \"ap-tokyo\" 与调用方指定的地域 \"ap-guangzhou\" 不一致")]),
        // The caller's region is the one checked; the document's only has to agree with it.
        case(
            "an unsupported caller region and another document Region",
            Request::valid().set("Region", r#""ap-tokyo""#),
        )
        .region(Some("ap-shanghai"))
        .expect([
            error("region-unsupported", "/Region", UNSUPPORTED, None),
            warning("region-mismatch", "/Region", None, (13, 13)),
        ]),
        case(
            "Region as a number",
            Request::valid().set("Region", "1"),
        )
        .region(None)
        .expect([error("parameter-type", "/Region", "InvalidParameter", (13, 13))]),
        case(
            "a document Region with a leading space",
            Request::valid().set("Region", r#"" ap-tokyo""#),
        )
        .region(None)
        .expect([error(
            "surrounding-whitespace",
            "/Region",
            "InvalidParameterValue",
            (13, 13),
        )
        .help("did you mean \"ap-tokyo\"?")]),
    ]);
    cases
}

#[test]
fn action_and_version_table() {
    run(&action_and_version());
}

#[test]
fn region_table() {
    run(&regions());
}
