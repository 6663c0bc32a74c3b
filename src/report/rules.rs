//! The rule listing of `cloudaudit-lint rules`: a table for people, a JSON array for tools,
//! and one rule's page as a JSON record.
//!
//! ```text
//! json-syntax                   error    The request text is not valid JSON.
//! request-not-object            error    The request must be a JSON object.
//! ```
//!
//! ```
//! use cloudaudit_lint::report::rules;
//! use cloudaudit_lint::{Locale, RuleId};
//! let table = rules::table(&[RuleId::NameLength, RuleId::ParameterType], Locale::En);
//! let first = table.lines().next().unwrap();
//! assert!(first.starts_with("name-length     error    "));
//! let json: serde_json::Value = serde_json::from_str(&rules::json(&[RuleId::NameLength])).unwrap();
//! assert_eq!(json[0]["id"], "name-length");
//! ```

use serde::Serialize;

use crate::rule_doc::{self, DocError};
use crate::{Locale, RuleId, Severity};

/// A rule's one-line description in `locale`: the one place the listing takes it from.
fn description(rule: RuleId, locale: Locale) -> String {
    match locale {
        Locale::En => rule.description_en(),
        Locale::ZhCn => rule.description_zh(),
    }
    .to_owned()
}

/// One line per rule: its id, its default severity and its description in `locale`, in
/// aligned columns.
pub fn table(rules: &[RuleId], locale: Locale) -> String {
    let width = rules.iter().map(|r| r.as_str().len()).max().unwrap_or(0);
    rules
        .iter()
        .map(|rule| {
            format!(
                "{:<width$}  {:<7}  {}\n",
                rule.as_str(),
                rule.default_severity().as_str(),
                description(*rule, locale)
            )
        })
        .collect()
}

/// A rule as the JSON listing writes it; its keys in alphabetical order, as the listing has
/// always written them.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RuleRecord {
    api_error_code: Option<&'static str>,
    description: Descriptions,
    #[serde(skip_serializing_if = "Option::is_none")]
    documentation: Option<String>,
    help_uri: String,
    id: &'static str,
    severity: Severity,
}

#[derive(Serialize)]
struct Descriptions {
    en: String,
    #[serde(rename = "zh-CN")]
    zh_cn: String,
}

impl RuleRecord {
    fn new(rule: RuleId) -> Self {
        Self {
            api_error_code: rule.api_error_code().map(|c| c.as_str()),
            description: Descriptions {
                en: description(rule, Locale::En),
                zh_cn: description(rule, Locale::ZhCn),
            },
            documentation: None,
            help_uri: rule_doc::help_uri(rule),
            id: rule.as_str(),
            severity: rule.default_severity(),
        }
    }
}

/// A pretty-printed JSON array, one record per rule: `id`, `severity`, `apiErrorCode`
/// (`null` where the server would accept the request), `description` (`en` and `zh-CN`) and
/// `helpUri`.
pub fn json(rules: &[RuleId]) -> String {
    let records: Vec<RuleRecord> = rules.iter().map(|r| RuleRecord::new(*r)).collect();
    // Serializing plain strings cannot fail.
    serde_json::to_string_pretty(&records).unwrap_or_default() + "\n"
}

/// One rule's record as [`json`] writes it, with its documentation page in Markdown as
/// `documentation`.
///
/// # Errors
///
/// When the rule's page cannot be read ([`rule_doc::markdown`]).
pub fn page_json(rule: RuleId) -> Result<String, DocError> {
    let record = RuleRecord {
        documentation: Some(rule_doc::markdown(rule)?),
        ..RuleRecord::new(rule)
    };
    Ok(serde_json::to_string_pretty(&record).unwrap_or_default() + "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_aligns_ids_and_severities() {
        let rules = [
            RuleId::NameLength,
            RuleId::EventNamesCap,
            RuleId::ParameterType,
        ];
        let table = table(&rules, Locale::En);
        let lines: Vec<&str> = table.lines().collect();
        assert_eq!(lines.len(), rules.len());
        let width = rules.iter().map(|r| r.as_str().len()).max().unwrap();
        for (rule, line) in rules.iter().zip(&lines) {
            let (id, rest) = line.split_at(width);
            assert_eq!(id.trim_end(), rule.as_str());
            let (severity, text) = rest[2..].split_at(7);
            assert_eq!(severity.trim_end(), rule.default_severity().as_str());
            assert_eq!(&text[2..], rule.description_en());
        }
    }

    #[test]
    fn the_table_speaks_the_locale() {
        let table = table(&[RuleId::NameLength], Locale::ZhCn);
        assert!(table.ends_with(&format!("{}\n", RuleId::NameLength.description_zh())));
    }

    #[test]
    fn json_records_carry_both_languages_and_the_error_code() {
        let rules = [RuleId::NameLength, RuleId::ResourceTypeUnknown];
        let records: serde_json::Value = serde_json::from_str(&json(&rules)).unwrap();
        for (rule, record) in rules.iter().zip(records.as_array().unwrap()) {
            assert_eq!(record["id"], rule.as_str());
            assert_eq!(record["severity"], rule.default_severity().as_str());
            assert_eq!(
                record["apiErrorCode"].as_str(),
                rule.api_error_code().map(|c| c.as_str())
            );
            assert_eq!(record["description"]["en"], rule.description_en());
            assert_eq!(record["description"]["zh-CN"], rule.description_zh());
            assert_eq!(record["helpUri"], rule_doc::help_uri(*rule));
            assert!(record.get("documentation").is_none());
        }
    }

    #[test]
    fn a_page_adds_the_documentation() {
        let page: serde_json::Value =
            serde_json::from_str(&page_json(RuleId::NameLength).unwrap()).unwrap();
        assert_eq!(page["id"], "name-length");
        assert_eq!(
            page["documentation"],
            rule_doc::markdown(RuleId::NameLength).unwrap()
        );
    }
}
