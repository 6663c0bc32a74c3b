//! `EventNames` given `ResourceType` (`rules::event_names`) and the catalogue's API names
//! (`rules::catalog::check_event_names_listed`).

#![no_main]

mod common;

use arbitrary::Unstructured;
use cloudaudit_lint::catalog::Catalog;
use cloudaudit_lint::rules::catalog::check_event_names_listed;
use cloudaudit_lint::rules::event_names::check_event_names;
use libfuzzer_sys::fuzz_target;

const NAMES: &[&str] = &[
    "*",
    "LookUpEvents",
    "PutObject",
    "GetObject",
    "RunInstances",
    "",
    " ",
];

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(profile) = common::profile(&mut u) else {
        return;
    };
    let Ok(resource_type) = common::string_near(&mut u, &["*", "cos", "cls", "cvm", "cloudaudit"])
    else {
        return;
    };
    let Ok(count) = u.int_in_range(0..=40usize) else {
        return;
    };
    let mut names = Vec::with_capacity(count);
    for _ in 0..count {
        match common::string_near(&mut u, NAMES) {
            Ok(name) => names.push(name),
            Err(_) => break,
        }
    }
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let found = check_event_names(&resource_type, &names, &profile);
    for (index, violation) in &found {
        if let Some(index) = index {
            assert!(
                *index < names.len(),
                "{violation:?} at {index} of {}",
                names.len()
            );
        }
    }
    let violations: Vec<_> = found.into_iter().map(|(_, v)| v).collect();
    common::render(&violations);

    let entries: Vec<Option<&str>> = names.iter().copied().map(Some).collect();
    let listed = check_event_names_listed(&resource_type, &entries, Catalog::builtin());
    for (index, _) in &listed {
        assert!(*index < names.len());
    }
    let violations: Vec<_> = listed.into_iter().map(|(_, v)| v).collect();
    common::render(&violations);
});
