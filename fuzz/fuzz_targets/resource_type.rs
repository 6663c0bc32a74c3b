//! `ResourceType` (`rules::resource_type`) and the catalogue's product check
//! (`rules::catalog::check_product`).

#![no_main]

mod common;

use arbitrary::Unstructured;
use cloudaudit_lint::catalog::Catalog;
use cloudaudit_lint::rules::catalog::check_product;
use cloudaudit_lint::rules::resource_type::check_resource_type;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(value) = common::string_near(&mut u, &["cos", "cls", "*", "cloudaudit", "COS", "cvm"])
    else {
        return;
    };
    common::render(&check_resource_type(&value));
    common::render(&check_product(&value, Catalog::builtin()));
});
