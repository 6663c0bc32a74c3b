//! Product codes and API names against the [`Catalog`]: advisory warnings with did-you-mean.
//!
//! **What it checks.** A `ResourceType` that is not a listed product code (`cmv` → `cvm`,
//! `audit` → `cloudaudit`, the old alias `ca` → `cloudaudit`), and API names not listed for a
//! listed product (`lookupevent` → `LookUpEvents`).
//!
//! **Why.** The API accepts any product and API name and simply matches no events: a typo
//! leaves a tracking set that silently ships nothing. The catalogue is stale, so these are
//! warnings only.
//!
//! ```
//! use cloudaudit_lint::catalog::Catalog;
//! use cloudaudit_lint::rules::catalog::{check_product, check_event_names_listed};
//! use cloudaudit_lint::Violation;
//! let catalog = Catalog::builtin();
//! assert!(check_product("cvm", catalog).is_empty());
//! assert!(matches!(&check_product("cmv", catalog)[..],
//!     [Violation::ResourceTypeUnknown { suggestion: Some(s), .. }] if s == "cvm"));
//! let found = check_event_names_listed("cloudaudit", &[Some("LookUpEvents"), Some("LookUpEvent")], catalog);
//! assert_eq!(found.len(), 1);
//! assert_eq!(found[0].0, 1);
//! ```

use super::reported;
use super::text::clean;
use crate::catalog::{Catalog, ListedProduct, SUGGESTED_EVENTS_LIMIT};
use crate::{Param, RuleId, Violation, facts};

/// Warns when `resource_type` (a well-formed lowercase code) is not listed.
pub fn check_product(resource_type: &str, catalog: &Catalog) -> Vec<Violation> {
    let cleaned = clean(Param::ResourceType, resource_type);
    let code = &*cleaned.value;
    let well_formed = !code.is_empty() && facts::PRODUCT_CODE_LOWERCASE.holds(code);
    if code == facts::WILDCARD || !well_formed || catalog.product(code).is_some() {
        return Vec::new();
    }
    reported(|| Violation::ResourceTypeUnknown {
        value: resource_type.to_owned(),
        suggestion: catalog.suggest_product(code).map(str::to_owned),
    })
}

/// Warns for each entry (by index) that is not an API name listed for `resource_type`.
/// Nothing is said for an unlisted product, `*`, or entries that are not strings.
pub fn check_event_names_listed(
    resource_type: &str,
    entries: &[Option<&str>],
    catalog: &Catalog,
) -> Vec<(usize, Violation)> {
    let Some(mut listed) = Listed::new(resource_type, catalog) else {
        return Vec::new();
    };
    entries
        .iter()
        .enumerate()
        .filter_map(|(index, entry)| Some((index, listed.check((*entry)?, |_| true)?)))
        .collect()
}

/// `name` without surrounding whitespace, as [`str::trim`] makes it, without its search when
/// the first and the last byte are printable ASCII (an API name's are).
fn trim(name: &str) -> &str {
    let printable = |b: Option<&u8>| b.is_some_and(u8::is_ascii_graphic);
    let bytes = name.as_bytes();
    if printable(bytes.first()) && printable(bytes.last()) {
        name
    } else {
        name.trim()
    }
}

/// [`check_event_names_listed`] an entry at a time, in entry order.
pub(crate) struct Listed<'c> {
    catalog: &'c Catalog,
    product: ListedProduct<'c>,
    /// How many did-you-mean searches were made: they stop at [`SUGGESTED_EVENTS_LIMIT`].
    suggested: usize,
}

impl<'c> Listed<'c> {
    /// `None` for a product the catalogue does not list.
    pub(crate) fn new(resource_type: &str, catalog: &'c Catalog) -> Option<Self> {
        let product_code = clean(Param::ResourceType, resource_type).value;
        Some(Self {
            catalog,
            product: catalog.listed_product(&product_code)?,
            suggested: 0,
        })
    }

    /// The warning about the next entry `name`, if it is not listed and `admit` wants it
    /// (when not, it is not built, its did-you-mean not searched).
    pub(crate) fn check(
        &mut self,
        name: &str,
        admit: impl FnOnce(RuleId) -> bool,
    ) -> Option<Violation> {
        let trimmed = trim(name);
        if trimmed == facts::WILDCARD
            || trimmed.is_empty()
            || self.catalog.lists(self.product, trimmed)
        {
            return None;
        }
        let suggest = self.suggested < SUGGESTED_EVENTS_LIMIT;
        if suggest {
            self.suggested += 1;
        }
        if !admit(RuleId::EventNameUnknown) {
            return None;
        }
        let suggestion = suggest
            .then(|| self.catalog.suggest_event(self.product.product, trimmed))
            .flatten()
            .map(str::to_owned);
        Some(Violation::EventNameUnknown {
            name: name.to_owned(),
            product: self.product.product.code.clone(),
            suggestion,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn products_table() {
        let catalog = Catalog::builtin();
        for (value, warned) in [
            ("cos", false),
            ("*", false),
            ("cloudaudit", false),
            ("audit", true), // the page's own example
            ("ca", true),
            ("cmv", true),
            ("COS", false),  // resource-type-case speaks for it
            ("c.os", false), // resource-type-format speaks for it
            ("", false),
        ] {
            assert_eq!(
                !check_product(value, catalog).is_empty(),
                warned,
                "{value:?}"
            );
        }
        assert_eq!(
            check_product("ca", catalog)[0].rule(),
            RuleId::ResourceTypeUnknown
        );
    }

    #[test]
    fn event_names_are_checked_for_listed_products_only() {
        let catalog = Catalog::builtin();
        assert!(check_event_names_listed("newproduct", &[Some("Anything")], catalog).is_empty());
        assert!(check_event_names_listed("cvm", &[Some("*"), None], catalog).is_empty());
        let found = check_event_names_listed("cvm", &[Some("RunInstance")], catalog);
        assert!(
            matches!(&found[..], [(0, Violation::EventNameUnknown { suggestion: Some(s), .. })] if s == "RunInstances")
        );
    }

    #[test]
    fn suggestions_are_bounded_for_huge_lists() {
        let names: Vec<String> = (0..1000).map(|i| format!("Unlisted{i}")).collect();
        let entries: Vec<Option<&str>> = names.iter().map(|n| Some(n.as_str())).collect();
        let found = check_event_names_listed("cvm", &entries, Catalog::builtin());
        assert_eq!(found.len(), 1000);
    }
}
