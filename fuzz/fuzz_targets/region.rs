//! Regions: the API's `Region` (`rules::common::check_region`) and `Storage.StorageRegion`
//! (`rules::storage::check_storage_region`), with did-you-mean.

#![no_main]

mod common;

use arbitrary::Unstructured;
use cloudaudit_lint::Param;
use cloudaudit_lint::rules::common::check_region;
use cloudaudit_lint::rules::storage::check_storage_region;
use cloudaudit_lint::rules::text::clean;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(profile) = common::profile(&mut u) else {
        return;
    };
    let Ok(region) = common::string_near(
        &mut u,
        &["ap-guangzhou", "ap-hongkong", "eu-frankfurt", "na-ashburn"],
    ) else {
        return;
    };
    let found = check_region(&region, &profile);
    common::render(&found);
    // A listed region passes, unless it needs hygiene itself (a profile may list anything).
    if profile.is_supported_region(&region) && clean(Param::Region, &region).violations.is_empty() {
        assert!(found.is_empty(), "{region:?}: {found:?}");
    }
    common::render(&check_storage_region(&region, &profile));
});
