//! The README's rule table is the rule table: every rule appears with its severity, API error
//! code and description, so the two cannot drift apart.

use cloudaudit_lint::i18n::describe;
use cloudaudit_lint::{Locale, Profile, RuleId};

#[test]
fn readme_rule_table_matches_the_rule_table() {
    let readme = include_str!("../README.md");
    for rule in RuleId::ALL {
        let code = rule.api_error_code().map_or("—", |c| c.as_str());
        let row = format!(
            "| `{}` | {} | {} | {} |",
            rule.as_str(),
            rule.default_severity(),
            code,
            describe(*rule, &Profile::default(), Locale::En)
        );
        assert!(readme.contains(&row), "README lacks the row\n{row}");
    }
    let rows = readme.lines().filter(|l| l.starts_with("| `")).count();
    assert!(rows >= RuleId::ALL.len());
}
