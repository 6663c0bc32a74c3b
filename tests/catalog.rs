//! The product catalogue through whole-request validation and the CLI: unlisted products and
//! API names are warnings with did-you-mean, never errors.

use cloudaudit_lint::catalog::Catalog;
use cloudaudit_lint::{RuleId, Severity, Validator};

/// The catalogue's file, given explicitly, so that these tests run with or without the
/// `catalog` feature.
fn catalog() -> &'static Catalog {
    static CATALOG: std::sync::OnceLock<Catalog> = std::sync::OnceLock::new();
    CATALOG.get_or_init(|| {
        Catalog::parse(include_str!("../src/catalog/catalog.tsv")).expect("the catalogue parses")
    })
}

fn warnings(text: &str) -> Vec<(RuleId, String, Option<String>)> {
    Validator::new()
        .with_catalog(Some(catalog()))
        .with_region("ap-guangzhou")
        .validate_str(text)
        .diagnostics
        .iter()
        .map(|d| {
            assert_eq!(d.severity, Severity::Warning, "{:?}", d.rule());
            (d.rule(), d.path.clone(), d.help(Default::default()))
        })
        .collect()
}

fn request(resource_type: &str, event_names: &str) -> String {
    format!(
        r#"{{"Name": "audit", "ActionType": "Read", "ResourceType": "{resource_type}", "Status": 1,
            "EventNames": {event_names}, "Storage": {{"StorageType": "cls", "StorageRegion": "ap-guangzhou",
            "StorageName": "topic-1", "StoragePrefix": "audit"}}}}"#
    )
}

#[test]
fn listed_products_and_names_pass() {
    assert_eq!(
        warnings(&request("cloudaudit", r#"["LookUpEvents", "DeleteAudit"]"#)),
        []
    );
    assert_eq!(warnings(&request("cvm", r#"["*"]"#)), []);
    assert_eq!(warnings(&request("*", r#"["*"]"#)), []);
}

#[test]
fn unlisted_products_are_warned_with_suggestions() {
    for (product, suggestion) in [
        ("cmv", "cvm"),
        ("audit", "cloudaudit"),
        ("ca", "cloudaudit"),
    ] {
        assert_eq!(
            warnings(&request(product, r#"["*"]"#)),
            [(
                RuleId::ResourceTypeUnknown,
                "/ResourceType".to_owned(),
                Some(format!("did you mean \"{suggestion}\"?"))
            )],
            "{product}"
        );
    }
}

#[test]
fn unlisted_api_names_are_warned_at_their_entry() {
    assert_eq!(
        warnings(&request("cloudaudit", r#"["LookUpEvents", "lookupevent"]"#)),
        [(
            RuleId::EventNameUnknown,
            "/EventNames/1".to_owned(),
            Some("did you mean \"LookUpEvents\"?".to_owned())
        )]
    );
    // An unlisted product's names are not second-guessed.
    assert_eq!(
        warnings(&request("newproduct", r#"["Anything"]"#))
            .iter()
            .map(|(rule, ..)| *rule)
            .collect::<Vec<_>>(),
        [RuleId::ResourceTypeUnknown]
    );
}

#[test]
fn the_catalogue_can_be_left_out() {
    let report = Validator::new()
        .with_region("ap-guangzhou")
        .with_catalog(None)
        .validate_str(&request("cmv", r#"["RunInstance"]"#));
    assert!(report.is_clean());
}

#[cfg(feature = "cli")]
#[test]
fn the_cli_shows_the_suggestion_and_still_passes() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_cloudaudit-lint"))
        .args([
            "check",
            "--no-config",
            "--color",
            "never",
            "--region",
            "ap-guangzhou",
            "examples/create-audit-track.json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("warning[resource-type-unknown]"), "{text}");
    assert!(
        text.contains("help: did you mean \"cloudaudit\"?"),
        "{text}"
    );
}
