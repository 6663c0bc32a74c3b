//! The `Name` family: `rules::name::check_name` with the default or an odd profile, and the
//! text hygiene every string goes through.

#![no_main]

mod common;

use arbitrary::Unstructured;
use cloudaudit_lint::rules::name::check_name;
use cloudaudit_lint::rules::text::clean;
use cloudaudit_lint::unicode::ascii_lookalike;
use cloudaudit_lint::{Param, Violation};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(profile) = common::profile(&mut u) else {
        return;
    };
    let Ok(name) = common::string_near(&mut u, &["audit", "audit-trail_01", "ab"]) else {
        return;
    };
    let violations = check_name(&name, &profile);
    common::render(&violations);
    // A name passes exactly when it is within the lengths and all of the charset.
    let length = name.chars().count();
    let charset = name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    assert_eq!(
        violations.is_empty(),
        charset && profile.name_length().contains(&length),
        "{name:?}: {violations:?}"
    );
    // Indexes point at the character named, in the value as written.
    let chars: Vec<char> = name.chars().collect();
    for violation in &violations {
        if let Violation::NameCharset {
            character, index, ..
        }
        | Violation::ConfusableCharacter {
            character, index, ..
        }
        | Violation::InvisibleCharacter {
            character, index, ..
        } = violation
        {
            // The charset rule names the character as folded ("（" is checked as "(").
            let written = chars.get(*index).copied();
            assert!(
                written == Some(*character)
                    || written.and_then(ascii_lookalike) == Some(*character),
                "{name:?}: {violation:?}"
            );
        }
    }
    let cleaned = clean(Param::Name, &name);
    assert!(cleaned.violations.len() <= 3);
    common::render(&cleaned.violations);
});
