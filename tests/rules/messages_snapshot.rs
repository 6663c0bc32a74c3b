//! One insta snapshot of every violation the tests produce (the tables' requests and the
//! syntax texts, the fixtures, the benchmark corpus, and a hand list of the kinds no request
//! text produces), held to a case of every variant the crate names, each
//! with its rule and its message and help line in English and in Chinese, sorted and
//! deduplicated: any change of wording is a reviewed diff of
//! `snapshots/rules__messages_snapshot__messages.snap`.
//!
//! The corpus generator checks its requests with the built-in catalogue, so the requests it
//! draws, and the snapshot, are those of a build with the `catalog` feature (the default).

use cloudaudit_lint::i18n::{help, message};
use cloudaudit_lint::{Locale, RuleId, Validator, Violation};

use crate::messages::harvested;

/// One of each variant and sub-kind, built by hand: the kinds no request text produces (the
/// npm package's `NotJson`) and those the tables may reach only in part.
fn by_hand() -> Vec<Violation> {
    use cloudaudit_lint::Param;
    use cloudaudit_lint::violation::{BucketNameFault, JsonType, NotJson, PolicyRule, PrefixFault};
    let not_json = |reason| Violation::NotJson {
        name: "Status".into(),
        reason,
    };
    let policy = |rule, value: &str, expected: &str, message: Option<&str>| Violation::Policy {
        rule,
        value: value.into(),
        expected: expected.into(),
        message: message.map(str::to_owned),
    };
    vec![
        Violation::HclSyntax {
            message: "expected `=`".into(),
        },
        Violation::ByteOrderMark,
        Violation::NotAnObject {
            found: JsonType::Null,
        },
        Violation::DuplicateKey { key: "Name".into() },
        Violation::MissingParameter {
            param: Param::Region,
        },
        Violation::MissingParameter {
            param: Param::Storage,
        },
        Violation::UnknownParameter {
            action: "CreateAuditTrack",
            name: "Colour".into(),
            suggestion: None,
        },
        not_json(NotJson::LoneSurrogate {
            code_unit: 0xD800,
            index: 2,
            in_key: false,
        }),
        not_json(NotJson::LoneSurrogate {
            code_unit: 0xDC00,
            index: 0,
            in_key: true,
        }),
        not_json(NotJson::BigInt),
        not_json(NotJson::Cycle),
        not_json(NotJson::TooDeep { limit: 128 }),
        not_json(NotJson::TooLarge { limit: 100_000 }),
        not_json(NotJson::Threw("TypeError: getter".into())),
        Violation::WrongType {
            name: "Status".into(),
            expected: JsonType::Integer,
            found: JsonType::Number,
            replacement: None,
        },
        Violation::WrongAction {
            found: "CreateAuditTrail".into(),
            expected: "CreateAuditTrack",
        },
        Violation::WrongVersion {
            found: "2017-03-12".into(),
        },
        Violation::UnsupportedRegion {
            region: "xx-nowhere".into(),
            suggestion: None,
            supported: vec!["ap-guangzhou".into(), "ap-tokyo".into()],
        },
        Violation::RegionMismatch {
            caller: "ap-guangzhou".into(),
            document: "ap-tokyo".into(),
        },
        Violation::SurroundingWhitespace {
            field: Param::ExportId,
            leading: true,
            trailing: true,
            trimmed: "x".into(),
        },
        Violation::ConfusableCharacter {
            field: Param::Action,
            character: 'а',
            index: 0,
            looks_like: 'a',
            count: 3,
        },
        Violation::InvisibleCharacter {
            field: Param::Version,
            character: '\u{200B}',
            index: 4,
            count: 1,
        },
        Violation::NameLength {
            length: 0,
            min: 3,
            max: 48,
        },
        Violation::NameCharset {
            character: '.',
            index: 1,
            count: 2,
        },
        Violation::ActionTypeValue {
            value: "Both".into(),
            suggestion: None,
        },
        Violation::ResourceTypeFormat {
            value: String::new(),
            character: None,
        },
        Violation::ResourceTypeCase {
            value: "COS".into(),
            lowercase: "cos".into(),
        },
        Violation::SwitchValue {
            param: Param::Status,
            value: "2".into(),
        },
        Violation::SwitchValue {
            param: Param::TrackForAllMembers,
            value: "-1".into(),
        },
        Violation::NotPositive {
            param: Param::TrackId,
            value: "0".into(),
        },
        Violation::NotPositive {
            param: Param::PageSize,
            value: "-3".into(),
        },
        Violation::ModifyName {
            action: "ModifyAuditTrack",
            value: "audit-2".into(),
        },
        Violation::EventNamesEmpty,
        Violation::EventNamesWildcard {
            count: 2,
            has_wildcard: false,
        },
        Violation::EventNamesMixedWildcard { names: 1 },
        Violation::EventNamesDuplicate {
            name: "PutObject".into(),
            first_index: 0,
        },
        Violation::EventNamesCap {
            count: 11,
            cap: 10,
            product: "cos".into(),
            hard: true,
        },
        Violation::EventNamesCap {
            count: 12,
            cap: 10,
            product: "cvm".into(),
            hard: false,
        },
        Violation::EventNameFormat {
            name: String::new(),
            character: None,
        },
        Violation::EventNameFormat {
            name: "Put Object".into(),
            character: Some((' ', 3)),
        },
        Violation::ResourceFieldsEmpty,
        Violation::ResourceFieldsDuplicateProduct {
            product: "cam".into(),
            first_index: 0,
        },
        Violation::ResourceFieldsWildcardMixed { products: 1 },
        Violation::ResourceFieldsWildcardMixed { products: 2 },
        Violation::StorageTypeValue {
            value: "kafka".into(),
            suggestion: None,
            accepted: vec!["cos".into(), "cls".into()],
        },
        Violation::StorageRegionFormat {
            value: "guangzhou".into(),
        },
        Violation::StorageRegionUnknown {
            value: "ap-mars".into(),
            suggestion: None,
        },
        Violation::BucketName(BucketNameFault::Empty),
        Violation::BucketName(BucketNameFault::TooLong {
            length: 51,
            max: 50,
        }),
        Violation::BucketName(BucketNameFault::Charset {
            character: 'A',
            index: 0,
        }),
        Violation::BucketName(BucketNameFault::Charset {
            character: '_',
            index: 2,
        }),
        Violation::BucketName(BucketNameFault::EdgeHyphen),
        Violation::BucketNameAppId {
            bucket: "logs".into(),
            app_id: "1250000000".into(),
            exact: true,
        },
        Violation::ClsTopicLength {
            length: 51,
            min: 1,
            max: 50,
        },
        Violation::CosPrefix(PrefixFault::Length {
            length: 2,
            min: 3,
            max: 40,
        }),
        Violation::CosPrefix(PrefixFault::Charset {
            character: '/',
            index: 5,
        }),
        Violation::StoragePrefixEmpty,
        Violation::CosHostLength {
            length: 61,
            max: 60,
        },
        Violation::StorageIdFormat {
            field: Param::StorageAccountId,
            value: "uin-1".into(),
        },
        Violation::StorageIdFormat {
            field: Param::StorageAppId,
            value: "app-1".into(),
        },
        Violation::CompressValue { value: "0".into() },
        Violation::ResourceTypeUnknown {
            value: "cmv".into(),
            suggestion: None,
        },
        Violation::EventNameUnknown {
            name: "PutBukcet".into(),
            product: "cos".into(),
            suggestion: None,
        },
        policy(PolicyRule::Name, "audit", "^prod-", None),
        policy(
            PolicyRule::Name,
            "audit",
            "^prod-",
            Some("named prod-<team>"),
        ),
        policy(PolicyRule::StorageType, "cls", "cos", None),
        policy(PolicyRule::StorageRegion, "ap-tokyo", "ap-guangzhou", None),
        policy(PolicyRule::Status, "0", "1", None),
        policy(PolicyRule::TrackForAllMembers, "1", "0", None),
        policy(PolicyRule::StoragePrefix, "Audit", "^[a-z]+$", None),
    ]
}

/// The violations of the request fixtures (tests/fixtures/*.json).
fn from_fixtures() -> Vec<Violation> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(&dir)
        .expect("the fixtures folder is read")
        .map(|entry| entry.expect("a fixture entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let validator = Validator::new()
        .with_region("ap-guangzhou")
        .with_catalog(Some(crate::common::catalog()));
    files
        .iter()
        .flat_map(|path| {
            let bytes = std::fs::read(path).expect("a fixture is read");
            validator.validate_bytes(&bytes).diagnostics
        })
        .map(|d| d.violation)
        .collect()
}

/// The violations of the benchmark corpus's faulty requests (a fixed seed).
fn from_corpus() -> Vec<Violation> {
    let validator = Validator::new()
        .with_region(crate::corpus::CALLER_REGION)
        .with_catalog(Some(crate::common::catalog()));
    crate::corpus::generate(20_261_201, 120, 0)
        .iter()
        .flat_map(|case| validator.validate_str(&case.text).diagnostics)
        .map(|d| d.violation)
        .collect()
}

/// Every violation the tests produce: the tables' and syntax texts' (`harvested`), the
/// fixtures', the corpus's and the hand list's.
fn every_violation() -> Vec<Violation> {
    [harvested(), from_fixtures(), from_corpus(), by_hand()].concat()
}

/// One violation as the snapshot shows it: its rule, then its message and help in each
/// language.
fn entry(violation: &Violation) -> String {
    let mut entry = format!("{}\n", violation.rule());
    for (tag, locale) in [("en", Locale::En), ("zh", Locale::ZhCn)] {
        entry.push_str(&format!("  {tag}:      {}\n", message(violation, locale)));
        if let Some(help) = help(violation, locale) {
            entry.push_str(&format!("  {tag} help: {help}\n"));
        }
    }
    entry
}

/// Every message and help line the tests produce, in both languages, in one reviewed
/// snapshot: a change of wording anywhere is a diff of it.
#[test]
fn every_message_and_help_line_in_both_languages() {
    let violations = every_violation();
    // Every variant, as the crate's exhaustive list names them, has a case.
    let missing_variants: Vec<&str> = Violation::VARIANT_NAMES
        .iter()
        .copied()
        .filter(|name| !violations.iter().any(|v| v.variant_name() == *name))
        .collect();
    assert!(
        missing_variants.is_empty(),
        "variants without a case in the snapshot (add one to a test table, or to by_hand): {missing_variants:?}"
    );
    let missing_rules: Vec<&str> = RuleId::ALL
        .iter()
        .filter(|rule| !violations.iter().any(|v| v.rule() == **rule))
        .map(|rule| rule.as_str())
        .collect();
    assert!(missing_rules.is_empty(), "rules missing: {missing_rules:?}");
    let entries: std::collections::BTreeSet<String> = violations.iter().map(entry).collect();
    let snapshot: String = entries.into_iter().collect::<Vec<_>>().join("\n");
    insta::assert_snapshot!("messages", snapshot);
}
