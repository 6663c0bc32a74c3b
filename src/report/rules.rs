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
//! use cloudaudit_lint::{Locale, Profile, RuleId};
//! let profile = Profile::default();
//! let table = rules::table(&[RuleId::NameLength, RuleId::ParameterType], &profile, Locale::En);
//! let first = table.lines().next().unwrap();
//! assert!(first.starts_with("name-length     error    "));
//! let json: serde_json::Value = serde_json::from_str(&rules::json(&[RuleId::NameLength], &profile)).unwrap();
//! assert_eq!(json[0]["id"], "name-length");
//! ```

use serde::Serialize;

use crate::i18n::describe;
use crate::report::human::shown;
use crate::rule_doc::{self, DocError};
use crate::{Locale, Profile, RuleId, Severity};

/// A rule's one-line description in `locale`, with the facts of `profile`: the one place the
/// listing takes it from.
fn description(rule: RuleId, profile: &Profile, locale: Locale) -> String {
    describe(rule, profile, locale)
}

/// One line per rule: its id, its default severity and its description in `locale` (stating
/// the facts of `profile`, made safe to print: a configuration's region may hold an escape
/// sequence), in aligned columns.
pub fn table(rules: &[RuleId], profile: &Profile, locale: Locale) -> String {
    let width = rules.iter().map(|r| r.as_str().len()).max().unwrap_or(0);
    rules
        .iter()
        .map(|rule| {
            format!(
                "{:<width$}  {:<7}  {}\n",
                rule.as_str(),
                rule.default_severity().as_str(),
                shown(&description(*rule, profile, locale))
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

/// A rule's description in both languages, as `{"en": …, "zh-CN": …}`; the npm package's
/// `rules()` writes the same object.
#[derive(Serialize)]
pub(crate) struct Descriptions {
    pub(crate) en: String,
    #[serde(rename = "zh-CN")]
    pub(crate) zh_cn: String,
}

impl Descriptions {
    /// `rule`'s description in each language, with the facts of `profile`.
    pub(crate) fn of(rule: RuleId, profile: &Profile) -> Self {
        Self {
            en: description(rule, profile, Locale::En),
            zh_cn: description(rule, profile, Locale::ZhCn),
        }
    }
}

impl RuleRecord {
    fn new(rule: RuleId, profile: &Profile) -> Self {
        Self {
            api_error_code: rule.api_error_code().map(|c| c.as_str()),
            description: Descriptions::of(rule, profile),
            documentation: None,
            help_uri: rule_doc::help_uri(rule),
            id: rule.as_str(),
            severity: rule.default_severity(),
        }
    }
}

/// A pretty-printed JSON array, one record per rule: `id`, `severity`, `apiErrorCode`
/// (`null` where the server would accept the request), `description` (`en` and `zh-CN`) and
/// `helpUri`; the descriptions state the facts of `profile`.
pub fn json(rules: &[RuleId], profile: &Profile) -> String {
    let records: Vec<RuleRecord> = rules.iter().map(|r| RuleRecord::new(*r, profile)).collect();
    // Serializing plain strings cannot fail.
    serde_json::to_string_pretty(&records).unwrap_or_default() + "\n"
}

/// One rule's record as [`json`] writes it, with its documentation page in Markdown as
/// `documentation`, both stating the facts of `profile`.
///
/// # Errors
///
/// When the rule's page cannot be read ([`rule_doc::markdown_for`]).
pub fn page_json(rule: RuleId, profile: &Profile) -> Result<String, DocError> {
    let record = RuleRecord {
        documentation: Some(rule_doc::markdown_for(rule, profile)?),
        ..RuleRecord::new(rule, profile)
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
        let profile = Profile::default();
        let table = table(&rules, &profile, Locale::En);
        let lines: Vec<&str> = table.lines().collect();
        assert_eq!(lines.len(), rules.len());
        let width = rules.iter().map(|r| r.as_str().len()).max().unwrap();
        for (rule, line) in rules.iter().zip(&lines) {
            let (id, rest) = line.split_at(width);
            assert_eq!(id.trim_end(), rule.as_str());
            let (severity, text) = rest[2..].split_at(7);
            assert_eq!(severity.trim_end(), rule.default_severity().as_str());
            assert_eq!(&text[2..], describe(*rule, &profile, Locale::En));
        }
    }

    #[test]
    fn the_table_speaks_the_locale() {
        let profile = Profile::default();
        let table = table(&[RuleId::NameLength], &profile, Locale::ZhCn);
        let zh = describe(RuleId::NameLength, &profile, Locale::ZhCn);
        assert!(table.ends_with(&format!("{zh}\n")));
    }

    #[test]
    fn json_records_carry_both_languages_and_the_error_code() {
        let rules = [RuleId::NameLength, RuleId::ResourceTypeUnknown];
        let profile = Profile::default();
        let records: serde_json::Value = serde_json::from_str(&json(&rules, &profile)).unwrap();
        for (rule, record) in rules.iter().zip(records.as_array().unwrap()) {
            assert_eq!(record["id"], rule.as_str());
            assert_eq!(record["severity"], rule.default_severity().as_str());
            assert_eq!(
                record["apiErrorCode"].as_str(),
                rule.api_error_code().map(|c| c.as_str())
            );
            assert_eq!(
                record["description"]["en"],
                describe(*rule, &profile, Locale::En)
            );
            assert_eq!(
                record["description"]["zh-CN"],
                describe(*rule, &profile, Locale::ZhCn)
            );
            assert_eq!(record["helpUri"], rule_doc::help_uri(*rule));
            assert!(record.get("documentation").is_none());
        }
    }

    #[test]
    fn a_page_adds_the_documentation() {
        let page: serde_json::Value =
            serde_json::from_str(&page_json(RuleId::NameLength, &Profile::default()).unwrap())
                .unwrap();
        assert_eq!(page["id"], "name-length");
        assert_eq!(
            page["documentation"],
            rule_doc::markdown(RuleId::NameLength).unwrap()
        );
    }
}
