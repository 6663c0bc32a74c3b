//! `ResourceType`: the product whose events are tracked.
//!
//! **What it checks.** The value is `*` (all products) or a product code: not empty, ASCII
//! letters and digits only (`cos`, `cvm`, `cloudaudit`). Product codes are lowercase, so
//! uppercase letters draw a warning with the lowercase form.
//!
//! **Why.** The API takes any string here and only fails later to match events; a typo leaves a
//! tracking set that silently ships nothing.
//!
//! ```
//! use cloudaudit_lint::rules::resource_type::check_resource_type;
//! use cloudaudit_lint::RuleId;
//! assert!(check_resource_type("cos").is_empty());
//! assert_eq!(check_resource_type("COS")[0].rule(), RuleId::ResourceTypeCase);
//! assert_eq!(check_resource_type("")[0].rule(), RuleId::ResourceTypeFormat);
//! ```

use super::report;
use super::text::{clean, written_index};
use crate::{Param, Violation, facts};

/// Checks a `ResourceType` value.
pub fn check_resource_type(value: &str) -> Vec<Violation> {
    let cleaned = clean(Param::ResourceType, value);
    let mut violations = cleaned.violations;
    let product = &*cleaned.value;
    if product == facts::WILDCARD {
        return violations;
    }
    let outside = facts::PRODUCT_CODE_CHARS.first_outside(product);
    if product.is_empty() || outside.is_some() {
        report(&mut violations, || Violation::ResourceTypeFormat {
            value: value.to_owned(),
            character: outside.map(|(index, c)| (c, written_index(value, cleaned.offset, index))),
        });
    } else if !facts::PRODUCT_CODE_LOWERCASE.holds(product) {
        report(&mut violations, || Violation::ResourceTypeCase {
            value: value.to_owned(),
            lowercase: product.to_ascii_lowercase(),
        });
    }
    violations
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::RuleId;

    #[test]
    fn values_table() {
        for (value, expected) in [
            ("*", &[][..]),
            ("cos", &[]),
            ("cloudaudit", &[]),
            ("tcaplusdb", &[]),
            ("COS", &[RuleId::ResourceTypeCase]),
            ("Cvm", &[RuleId::ResourceTypeCase]),
            ("", &[RuleId::ResourceTypeFormat]),
            ("cos,cls", &[RuleId::ResourceTypeFormat]),
            ("**", &[RuleId::ResourceTypeFormat]),
            ("c os", &[RuleId::ResourceTypeFormat]),
            ("сos", &[RuleId::ConfusableCharacter]),
            (" * ", &[RuleId::SurroundingWhitespace]),
        ] {
            let rules: Vec<_> = check_resource_type(value)
                .iter()
                .map(Violation::rule)
                .collect();
            assert_eq!(rules, expected, "{value:?}");
        }
    }

    #[test]
    fn the_bad_character_is_located_in_the_value_as_written() {
        assert_eq!(
            check_resource_type(" c.os"),
            [
                Violation::SurroundingWhitespace {
                    field: Param::ResourceType,
                    leading: true,
                    trailing: false,
                    trimmed: "c.os".into()
                },
                Violation::ResourceTypeFormat {
                    value: " c.os".into(),
                    character: Some(('.', 2))
                }
            ]
        );
    }
}
