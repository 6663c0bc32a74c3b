//! How the catalogue finds a product by its code and an API name among a product's.
//!
//! A request's `ResourceType` and every one of its `EventNames` is looked up, and a product
//! lists up to two hundred names, many alike in length and first letters (`Describe…`), which a
//! binary search of strings compares at length: natively the names are found by a hash of their
//! bytes (`rustc-hash`'s `FxHasher` into hashbrown tables, one per product), a thousand
//! instructions less per request. The WebAssembly builds search the sorted lists instead: the
//! tables' code costs the browser module 2.1 KB gzip, and its size is what that package is
//! weighed by (benches/README.md, sixth round). Both answer as [`Product::has_event`] does;
//! the native tests hold the tables to it.

use super::Product;

#[cfg(not(target_arch = "wasm32"))]
pub(super) use by_hash::Index;
#[cfg(target_arch = "wasm32")]
pub(super) use by_search::Index;

#[cfg(not(target_arch = "wasm32"))]
mod by_hash {
    use hashbrown::HashTable;

    use super::Product;

    /// The products' places by their codes' hashes, and per product its API names' places.
    #[derive(Debug, Clone, Default)]
    pub(in crate::catalog) struct Index {
        products: HashTable<usize>,
        events: Vec<HashTable<usize>>,
    }

    /// The hash a name is found by. The catalogue is ours or the user's and a request's names
    /// are looked up in it, never added: a name that shares a hash costs one more comparison.
    fn name_hash(name: &str) -> u64 {
        use std::hash::Hasher;
        let mut hasher = rustc_hash::FxHasher::default();
        hasher.write(name.as_bytes());
        hasher.finish()
    }

    /// The places of `names`, by their hashes.
    fn hashed<T>(names: &[T], name: impl Fn(&T) -> &str) -> HashTable<usize> {
        let name_at = |at: &usize| names.get(*at).map_or("", &name);
        let mut table = HashTable::with_capacity(names.len());
        for at in 0..names.len() {
            table.insert_unique(name_hash(name_at(&at)), at, |at| name_hash(name_at(at)));
        }
        table
    }

    /// The place of `name` among the names `name_at` finds at the places `table` holds.
    fn find<'n>(
        table: &HashTable<usize>,
        name: &str,
        name_at: impl Fn(usize) -> &'n str,
    ) -> Option<usize> {
        table
            .find(name_hash(name), |&at| {
                crate::swar::same_bytes(name_at(at).as_bytes(), name.as_bytes())
            })
            .copied()
    }

    impl Index {
        pub(in crate::catalog) fn of(products: &[Product]) -> Self {
            Self {
                products: hashed(products, |product| &product.code),
                events: products
                    .iter()
                    .map(|product| hashed(&product.events, String::as_str))
                    .collect(),
            }
        }

        /// The place in `products` of the product with this code.
        pub(in crate::catalog) fn product(
            &self,
            products: &[Product],
            code: &str,
        ) -> Option<usize> {
            find(&self.products, code, |at| {
                products.get(at).map_or("", |product| &product.code)
            })
        }

        /// Whether `product`, at `at` in the products, lists `name`.
        pub(in crate::catalog) fn lists(&self, at: usize, product: &Product, name: &str) -> bool {
            let Some(table) = self.events.get(at) else {
                return false;
            };
            let events = &product.events;
            find(table, name, |at| events.get(at).map_or("", String::as_str)).is_some()
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn a_name_sharing_its_hash_is_told_apart_by_its_text() {
            let names = ["cvm", "cos"];
            let name_at = |at: usize| names.get(at).copied().unwrap_or_default();
            // As if "cvm" hashed as "cos" does.
            let mut table = HashTable::new();
            for at in [0, 1] {
                table.insert_unique(name_hash("cos"), at, |_| name_hash("cos"));
            }
            assert_eq!(find(&table, "cos", name_at), Some(1));
            assert_eq!(find(&table, "cvm", name_at), None);
            assert_eq!(find(&HashTable::new(), "cos", name_at), None);
        }
    }
}

#[cfg(target_arch = "wasm32")]
mod by_search {
    use super::Product;

    /// Nothing beyond the sorted lists themselves.
    #[derive(Debug, Clone, Default)]
    pub(in crate::catalog) struct Index;

    impl Index {
        pub(in crate::catalog) fn of(_products: &[Product]) -> Self {
            Self
        }

        /// The place in `products` (sorted by code) of the product with this code.
        pub(in crate::catalog) fn product(
            &self,
            products: &[Product],
            code: &str,
        ) -> Option<usize> {
            products
                .binary_search_by(|product| product.code.as_str().cmp(code))
                .ok()
        }

        /// Whether `product` lists `name`.
        pub(in crate::catalog) fn lists(&self, _at: usize, product: &Product, name: &str) -> bool {
            product.has_event(name)
        }
    }
}
