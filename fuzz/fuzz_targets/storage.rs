//! The `Storage` fields (`rules::storage`): each field function, and `check_storage` joining
//! them (bucket names depend on `StorageType`).

#![no_main]

mod common;

use arbitrary::Unstructured;
use cloudaudit_lint::Param;
use cloudaudit_lint::rules::storage::{
    StorageFields, check_compress, check_storage, check_storage_id, check_storage_name,
    check_storage_prefix, check_storage_type,
};
use libfuzzer_sys::fuzz_target;

fn field(u: &mut Unstructured<'_>, near: &[&str]) -> arbitrary::Result<Option<String>> {
    Ok(if u.int_in_range(0..=4u8)? == 0 {
        None
    } else {
        Some(common::string_near(u, near)?)
    })
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(profile) = common::profile(&mut u) else {
        return;
    };
    let fields = (|| -> arbitrary::Result<_> {
        Ok((
            field(&mut u, &["cos", "cls", "COS", "ckafka"])?,
            field(&mut u, &["ap-guangzhou", "ap-hongkong", "ap-guangzhou-fsi"])?,
            field(
                &mut u,
                &["audit-cos", "audit-logs-1250000000", "-bad-", "topic-id"],
            )?,
            field(&mut u, &["logs", "ab", "cloudaudit"])?,
            field(&mut u, &["100000000001", "x1"])?,
            field(&mut u, &["1250000000", ""])?,
            if u.arbitrary()? {
                Some(u.arbitrary::<i64>()?)
            } else {
                None
            },
        ))
    })();
    let Ok((storage_type, region, name, prefix, account_id, app_id, compress)) = fields else {
        return;
    };
    let storage = StorageFields {
        storage_type: storage_type.as_deref(),
        region: region.as_deref(),
        name: name.as_deref(),
        prefix: prefix.as_deref(),
        account_id: account_id.as_deref(),
        app_id: app_id.as_deref(),
        compress,
    };
    let found = check_storage(&storage, &profile);
    for (field, violation) in &found {
        assert!(
            cloudaudit_lint::facts::STORAGE_PARAMS
                .iter()
                .any(|spec| spec.param == *field),
            "{violation:?} about a field {field} that is not one of Storage's"
        );
    }
    let violations: Vec<_> = found.into_iter().map(|(_, v)| v).collect();
    common::render(&violations);

    let kind = storage.storage_type;
    if let Some(value) = kind {
        common::render(&check_storage_type(value, &profile));
    }
    if let Some(value) = storage.name {
        common::render(&check_storage_name(kind, value));
    }
    if let Some(value) = storage.prefix {
        common::render(&check_storage_prefix(kind, value));
    }
    for (field, value) in [
        (Param::StorageAccountId, storage.account_id),
        (Param::StorageAppId, storage.app_id),
    ] {
        if let Some(value) = value {
            common::render(&check_storage_id(field, value));
        }
    }
    if let Some(value) = compress {
        common::render(&check_compress(value));
    }
});
