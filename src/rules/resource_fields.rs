//! `Filters.ResourceFields` of `CreateEventsAuditTrack` and `ModifyEventsAuditTrack`: what only
//! the list can get wrong. Each entry's `ResourceType`, `ActionType` and `EventNames` are checked
//! by the same rules as `CreateAuditTrack`'s; this module looks at the entries together.
//!
//! **What it checks** (none of it documented: inferred from what the list means, so warnings).
//! - An empty list tracks nothing.
//! - A product listed twice: which entry the server keeps is unknown.
//! - `*` (all products) next to specific products: `*` already covers them.
//!
//! ```
//! use cloudaudit_lint::rules::resource_fields::check_resource_fields;
//! use cloudaudit_lint::RuleId;
//! assert!(check_resource_fields(&[Some("cam"), Some("cvm")]).is_empty());
//! let found = check_resource_fields(&[Some("cam"), Some("cam")]);
//! assert_eq!(found[0].0, Some(1)); // about the second entry
//! assert_eq!(found[0].1.rule(), RuleId::ResourceFieldsDuplicateProduct);
//! assert_eq!(check_resource_fields(&[])[0].1.rule(), RuleId::ResourceFieldsEmpty);
//! ```

use super::event_names::EntryViolation;
use crate::{Violation, facts};

/// Checks the list of entries given each entry's `ResourceType` (`None` where an entry has
/// none, or not a string: those are reported by the entry's own rules). Findings are in entry
/// order, the list's own (index `None`) first.
pub fn check_resource_fields(resource_types: &[Option<&str>]) -> Vec<EntryViolation> {
    if resource_types.is_empty() {
        return vec![(None, Violation::ResourceFieldsEmpty)];
    }
    let products: Vec<Option<&str>> = resource_types
        .iter()
        .map(|product| product.map(str::trim))
        .collect();
    // Entries with no product group together; they are skipped below.
    let first =
        crate::order::first_equal(products.len(), &mut |a, b| products[a].cmp(&products[b]));
    let is_first = |index: usize| first.get(index) == Some(&index);
    let specific = products
        .iter()
        .enumerate()
        .filter(|&(index, product)| {
            is_first(index) && product.is_some_and(|product| product != facts::WILDCARD)
        })
        .count();
    let mut found = Vec::new();
    for (index, product) in products.iter().enumerate() {
        let Some(key) = *product else {
            continue;
        };
        match first.get(index) {
            Some(&first_index) if first_index != index => found.push((
                Some(index),
                Violation::ResourceFieldsDuplicateProduct {
                    product: key.to_owned(),
                    first_index,
                },
            )),
            _ => {
                if key == facts::WILDCARD && specific > 0 {
                    found.push((
                        Some(index),
                        Violation::ResourceFieldsWildcardMixed { products: specific },
                    ));
                }
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::RuleId;

    fn rules(found: &[EntryViolation]) -> Vec<(Option<usize>, RuleId)> {
        found.iter().map(|(i, v)| (*i, v.rule())).collect()
    }

    #[test]
    fn distinct_products_pass() {
        assert!(check_resource_fields(&[Some("cam"), Some("cvm"), None]).is_empty());
        assert!(check_resource_fields(&[Some("*")]).is_empty());
    }

    #[test]
    fn each_repeat_names_the_first_entry() {
        let found = check_resource_fields(&[Some("cos"), Some("cvm"), Some(" cos"), Some("cos")]);
        assert_eq!(
            rules(&found),
            [
                (Some(2), RuleId::ResourceFieldsDuplicateProduct),
                (Some(3), RuleId::ResourceFieldsDuplicateProduct)
            ]
        );
        assert!(matches!(
            found[1].1,
            Violation::ResourceFieldsDuplicateProduct { first_index: 0, .. }
        ));
    }

    #[test]
    fn a_wildcard_beside_products_is_reported_once_at_the_wildcard() {
        let found = check_resource_fields(&[Some("cam"), Some("*"), Some("cvm"), Some("*")]);
        assert_eq!(
            rules(&found),
            [
                (Some(1), RuleId::ResourceFieldsWildcardMixed),
                (Some(3), RuleId::ResourceFieldsDuplicateProduct)
            ]
        );
        assert!(matches!(
            found[0].1,
            Violation::ResourceFieldsWildcardMixed { products: 2 }
        ));
        // Products are counted once however many entries name them.
        let found = check_resource_fields(&[Some("cam"), Some("*"), Some("cam ")]);
        assert!(matches!(
            found[0].1,
            Violation::ResourceFieldsWildcardMixed { products: 1 }
        ));
    }
}
