//! Regressions: each test names the behaviour that was once wrong.

use cloudaudit_lint::{Locale, Validator};

fn messages(text: &str, region: &str) -> Vec<(String, String)> {
    Validator::new()
        .with_region(region)
        .validate_str(text)
        .diagnostics
        .iter()
        .map(|d| (d.rule().as_str().to_owned(), d.message(Locale::En)))
        .collect()
}

/// The version and the regions belong to the whole API, not to CreateAuditTrack: a Modify or
/// Delete request's messages must not name another action.
#[test]
fn version_and_region_messages_do_not_name_another_action() {
    let version = messages(
        r#"{"Action": "ModifyAuditTrack", "Version": "2020-01-01", "TrackId": 1}"#,
        "ap-guangzhou",
    );
    assert_eq!(version.len(), 1, "{version:?}");
    assert_eq!(
        version[0].1,
        "Version is \"2020-01-01\"; the CloudAudit API's version is 2019-03-19"
    );
    let region = messages(
        r#"{"Action": "DeleteAuditTrack", "TrackId": 1}"#,
        "ap-shanghai",
    );
    assert_eq!(region.len(), 1, "{region:?}");
    assert_eq!(
        region[0].1,
        "the CloudAudit API is not offered in the region \"ap-shanghai\""
    );
}

/// A problem with the document as a whole comes before its parameters' problems.
#[test]
fn the_byte_order_mark_is_reported_first() {
    let found = messages("\u{FEFF}{\"Name\": \"ab\", \"Zeta\": 1}", "ap-guangzhou");
    assert_eq!(found[0].0, "byte-order-mark", "{found:?}");
    assert_eq!(
        found.last().map(|f| f.0.as_str()),
        Some("unknown-parameter")
    );
}
