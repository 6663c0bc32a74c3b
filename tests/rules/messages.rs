//! Messages in both languages: every violation the tables produce has an English and a
//! Chinese message, they differ, and a help line in one language has its counterpart in the
//! other. The violations are harvested from the tables' requests (plus texts for every kind of
//! syntax error), so every rule is covered without building violations by hand.

use cloudaudit_lint::i18n::{help, message};
use cloudaudit_lint::{Locale, RuleId, Validator, Violation};

use crate::all_cases;

/// Texts for the kinds of syntax error the tables do not reach.
const SYNTAX_TEXTS: &[&str] = &[
    "",
    "{",
    "{\"a\"",
    "{\"a\":",
    "{\"a\" 1}",
    "{\"a\": 1 \"b\": 2}",
    "{,}",
    "[1 2]",
    "[",
    "\"abc",
    "\"\\q\"",
    "\"\\u12\"",
    "\"\\uD800\"",
    "\"a\u{1}b\"",
    "01",
    "1.",
    "-",
    "{} x",
    "nul",
    "tru",
];

/// One of each distinct violation the tables and syntax texts produce.
pub fn harvested() -> Vec<Violation> {
    let mut seen = std::collections::HashSet::new();
    let mut violations = Vec::new();
    let mut reports: Vec<cloudaudit_lint::Report> =
        all_cases().iter().map(|c| c.report()).collect();
    let syntax = SYNTAX_TEXTS.iter().copied().chain(["\u{FEFF}{}"]);
    reports.extend(syntax.map(|text| Validator::new().validate_str(text)));
    for report in reports {
        for d in report.diagnostics {
            if seen.insert(format!("{:?}", d.violation)) {
                violations.push(d.violation);
            }
        }
    }
    for bytes in [&b"\xff{}"[..], b"{\0\"\0"] {
        for d in Validator::new().validate_bytes(bytes).diagnostics {
            violations.push(d.violation);
        }
    }
    violations
}

fn has_chinese(text: &str) -> bool {
    text.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c))
}

#[test]
fn the_harvest_has_every_rule() {
    let all = harvested();
    let missing: Vec<&str> = RuleId::ALL
        .iter()
        .filter(|rule| !all.iter().any(|v| v.rule() == **rule))
        .map(|rule| rule.as_str())
        .collect();
    assert!(missing.is_empty(), "no violation harvested for {missing:?}");
    assert!(all.len() > 150, "only {} distinct violations", all.len());
}

#[test]
fn every_violation_has_a_chinese_message_unlike_the_english_one() {
    for violation in harvested() {
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
        assert!(
            !has_chinese(&en) || en.contains('"'),
            "{violation:?}: {en:?}"
        );
        assert_eq!(en, violation.to_string(), "Display is the English message");
    }
}

#[test]
fn help_lines_exist_in_both_languages_or_neither() {
    for violation in harvested() {
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
        let profile = cloudaudit_lint::Profile::default();
        let en = cloudaudit_lint::i18n::describe(*rule, &profile, Locale::En);
        let zh = cloudaudit_lint::i18n::describe(*rule, &profile, Locale::ZhCn);
        assert!(!en.is_empty() && !zh.is_empty(), "{rule}");
        assert_ne!(en, zh, "{rule}");
        assert!(has_chinese(&zh), "{rule}: {zh:?}");
    }
}

/// Messages name the field and the value: spot checks of whole Chinese messages.
#[test]
fn chinese_messages_name_field_and_value() {
    let validator = Validator::new().with_region("ap-guangzhou");
    for (text, expected) in [
        (
            r#"{"Name": "ab"}"#,
            "Name 长度为 2 个字符；必须为 3 到 48 个字符",
        ),
        ("{}", "缺少必填参数 Name"),
        ("[]", "请求必须是 JSON 对象，而不是数组"),
        (
            r#"{"Name": "a b c"}"#,
            "Name 的第 2 个字符是 U+0020 \" \"；名称只能包含 ASCII 字母、数字、连字符（-）和下划线（_）（另有 1 个此类字符）",
        ),
    ] {
        let report = validator.validate_str(text);
        assert_eq!(
            report.diagnostics[0].message(Locale::ZhCn),
            expected,
            "{text}"
        );
    }
}
