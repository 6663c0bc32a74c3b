//! Messages in both languages: every kind of violation has an English and a Chinese message,
//! they differ, and a help line in one language has its counterpart in the other.

use cloudaudit_lint::i18n::{help, message};
use cloudaudit_lint::source::{Expected, SyntaxErrorKind};
use cloudaudit_lint::violation::{BucketNameFault, PrefixFault};
use cloudaudit_lint::{Field, JsonType, Locale, RuleId, Switch, Violation};

/// One violation of every variant and sub-variant (with and without a suggestion where the
/// help line depends on it).
fn one_of_each() -> Vec<Violation> {
    use Violation as V;
    let mut all = vec![
        V::ByteOrderMark,
        V::NotAnObject {
            found: JsonType::Array,
        },
        V::NotAnObject {
            found: JsonType::Null,
        },
        V::DuplicateKey { key: "Name".into() },
        V::MissingParameter { name: "Name" },
        V::MissingParameter { name: "Region" },
        V::UnknownParameter {
            action: "CreateAuditTrack",
            name: "EventName".into(),
            suggestion: Some("EventNames"),
        },
        V::UnknownParameter {
            action: "DeleteAuditTrack",
            name: "Colour".into(),
            suggestion: None,
        },
        V::WrongType {
            name: "Status".into(),
            expected: JsonType::Integer,
            found: JsonType::String,
            replacement: Some("1".into()),
        },
        V::WrongType {
            name: "Storage".into(),
            expected: JsonType::Object,
            found: JsonType::Boolean,
            replacement: None,
        },
        V::WrongAction {
            found: "CreateAuditTrak".into(),
            expected: "CreateAuditTrack",
        },
        V::NotPositive {
            name: "TrackId",
            value: "0".into(),
        },
        V::NotPositive {
            name: "PageSize",
            value: "-1".into(),
        },
        V::ModifyName {
            value: "audit".into(),
        },
        V::WrongVersion {
            found: "2017-03-12".into(),
        },
        V::UnsupportedRegion {
            region: "ap-tokio".into(),
            suggestion: Some("ap-tokyo".into()),
            supported: vec!["ap-tokyo".into(), "ap-seoul".into()],
        },
        V::UnsupportedRegion {
            region: "na-ashburn".into(),
            suggestion: None,
            supported: vec!["ap-tokyo".into(), "ap-seoul".into()],
        },
        V::RegionMismatch {
            caller: "ap-guangzhou".into(),
            document: "ap-tokyo".into(),
        },
        V::NameLength {
            length: 2,
            min: 3,
            max: 48,
        },
        V::NameCharset {
            character: ' ',
            index: 2,
            count: 3,
        },
        V::ActionTypeValue {
            value: "read".into(),
            suggestion: Some("Read"),
        },
        V::ActionTypeValue {
            value: "Delete".into(),
            suggestion: None,
        },
        V::ResourceTypeFormat {
            value: String::new(),
            character: None,
        },
        V::ResourceTypeFormat {
            value: "cos,cls".into(),
            character: Some((',', 3)),
        },
        V::ResourceTypeCase {
            value: "COS".into(),
            lowercase: "cos".into(),
        },
        V::SwitchValue {
            switch: Switch::Status,
            value: "2".into(),
        },
        V::SwitchValue {
            switch: Switch::TrackForAllMembers,
            value: "2".into(),
        },
        V::EventNamesEmpty,
        V::EventNamesWildcard { count: 2 },
        V::EventNamesMixedWildcard { names: 1 },
        V::EventNamesDuplicate {
            name: "PutObject".into(),
            first_index: 0,
        },
        V::EventNamesCap {
            count: 11,
            cap: 10,
            product: "cos".into(),
            hard: true,
        },
        V::EventNamesCap {
            count: 11,
            cap: 10,
            product: "cvm".into(),
            hard: false,
        },
        V::EventNameFormat {
            name: String::new(),
            character: None,
        },
        V::EventNameFormat {
            name: "Put Object".into(),
            character: Some((' ', 3)),
        },
        V::StorageTypeValue {
            value: "COS".into(),
            suggestion: Some("cos".into()),
            accepted: vec!["cos".into(), "cls".into()],
        },
        V::StorageTypeValue {
            value: "ckafka".into(),
            suggestion: None,
            accepted: vec!["cos".into(), "cls".into()],
        },
        V::StorageRegionFormat {
            value: "guangzhou".into(),
        },
        V::StorageRegionUnknown {
            value: "ap-guangzou".into(),
            suggestion: Some("ap-guangzhou".into()),
        },
        V::StorageRegionUnknown {
            value: "ap-mars".into(),
            suggestion: None,
        },
        V::BucketName(BucketNameFault::Empty),
        V::BucketName(BucketNameFault::TooLong {
            length: 51,
            max: 50,
        }),
        V::BucketName(BucketNameFault::Charset {
            character: 'A',
            index: 0,
        }),
        V::BucketName(BucketNameFault::Charset {
            character: '_',
            index: 5,
        }),
        V::BucketName(BucketNameFault::EdgeHyphen),
        V::BucketNameAppId {
            bucket: "audit".into(),
            app_id: "1250000000".into(),
        },
        V::ClsTopicLength {
            length: 0,
            min: 1,
            max: 50,
        },
        V::CosPrefix(PrefixFault::Length {
            length: 2,
            min: 3,
            max: 40,
        }),
        V::CosPrefix(PrefixFault::Charset {
            character: '/',
            index: 4,
        }),
        V::StoragePrefixEmpty,
        V::CosHostLength {
            length: 61,
            max: 60,
        },
        V::StorageIdFormat {
            field: Field::StorageAccountId,
            value: "abc".into(),
        },
        V::StorageIdFormat {
            field: Field::StorageAppId,
            value: "abc".into(),
        },
        V::CompressValue { value: "0".into() },
    ];
    for field in [Field::Name, Field::EventName, Field::StoragePrefix] {
        for (leading, trailing) in [(true, false), (false, true), (true, true)] {
            all.push(V::SurroundingWhitespace {
                field,
                leading,
                trailing,
                trimmed: "audit".into(),
            });
        }
        all.push(V::ConfusableCharacter {
            field,
            character: '\u{430}',
            index: 0,
            looks_like: 'a',
            count: 2,
        });
        all.push(V::InvisibleCharacter {
            field,
            character: '\u{200B}',
            index: 1,
            count: 1,
        });
    }
    all.extend(syntax_kinds().into_iter().map(V::Syntax));
    all
}

fn syntax_kinds() -> Vec<SyntaxErrorKind> {
    use SyntaxErrorKind as K;
    let mut kinds = vec![
        K::EmptyInput,
        K::InvalidEscape { found: 'q' },
        K::InvalidUnicodeEscape,
        K::LoneSurrogate { code_unit: 0xD800 },
        K::ControlCharacterInString { found: '\n' },
        K::InvalidNumber,
        K::TrailingContent { found: 'x' },
        K::TooDeep { limit: 128 },
        K::InvalidUtf8,
        K::Utf16 { big_endian: true },
    ];
    for expected in [
        Expected::Value,
        Expected::ObjectKeyOrEnd,
        Expected::ObjectKey,
        Expected::Colon,
        Expected::CommaOrObjectEnd,
        Expected::CommaOrArrayEnd,
        Expected::ValueOrArrayEnd,
        Expected::StringEnd,
        Expected::Literal("true"),
    ] {
        kinds.push(K::UnexpectedEnd { expected });
        kinds.push(K::UnexpectedCharacter {
            found: '\'',
            expected,
        });
    }
    kinds
}

fn has_chinese(text: &str) -> bool {
    text.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c))
}

#[test]
fn the_list_has_every_rule() {
    let all = one_of_each();
    let missing: Vec<&str> = RuleId::ALL
        .iter()
        .filter(|rule| !all.iter().any(|v| v.rule() == **rule))
        .map(|rule| rule.as_str())
        .collect();
    assert!(missing.is_empty(), "no violation built for {missing:?}");
}

#[test]
fn every_violation_has_a_chinese_message_unlike_the_english_one() {
    for violation in one_of_each() {
        let en = message(&violation, Locale::En);
        let zh = message(&violation, Locale::ZhCn);
        assert!(
            !en.trim().is_empty(),
            "{violation:?}: empty English message"
        );
        assert!(
            !zh.trim().is_empty(),
            "{violation:?}: empty Chinese message"
        );
        assert_ne!(en, zh, "{violation:?}: the same text in both languages");
        assert!(has_chinese(&zh), "{violation:?}: {zh:?} has no Chinese");
        assert_eq!(en, violation.to_string(), "Display is the English message");
    }
}

#[test]
fn help_lines_exist_in_both_languages_or_neither() {
    for violation in one_of_each() {
        let en = help(&violation, Locale::En);
        let zh = help(&violation, Locale::ZhCn);
        match (&en, &zh) {
            (Some(en), Some(zh)) => {
                assert!(
                    !en.trim().is_empty() && !zh.trim().is_empty(),
                    "{violation:?}"
                );
                assert_ne!(en, zh, "{violation:?}");
                assert!(has_chinese(zh), "{violation:?}: {zh:?} has no Chinese");
            }
            (None, None) => {}
            _ => panic!("{violation:?}: help in one language only: en {en:?}, zh {zh:?}"),
        }
    }
}

#[test]
fn every_rule_is_described_in_both_languages() {
    for rule in RuleId::ALL {
        let (en, zh) = (rule.description_en(), rule.description_zh());
        assert!(!en.is_empty() && !zh.is_empty(), "{rule}");
        assert_ne!(en, zh, "{rule}");
        assert!(has_chinese(zh), "{rule}: {zh:?}");
    }
}

/// Messages name the value and the field: spot checks of the Chinese text.
#[test]
fn chinese_messages_name_field_and_value() {
    for (violation, expected) in [
        (
            Violation::NameLength {
                length: 2,
                min: 3,
                max: 48,
            },
            "Name 长度为 2 个字符；必须为 3 到 48 个字符",
        ),
        (
            Violation::MissingParameter { name: "Storage" },
            "缺少必填参数 Storage",
        ),
        (
            Violation::CompressValue { value: "0".into() },
            "Compress 为 0；必须为 1（压缩）或 2（不压缩）",
        ),
        (
            Violation::NotAnObject {
                found: JsonType::Array,
            },
            "请求必须是 JSON 对象，而不是数组",
        ),
    ] {
        assert_eq!(message(&violation, Locale::ZhCn), expected);
    }
}
