//! What every target checks besides "no panic": the invariants a report must keep.

#![allow(dead_code)] // each target uses a different part

use arbitrary::{Arbitrary, Unstructured};
use cloudaudit_lint::{Locale, Profile, Report, Violation, i18n};

mod reports;
#[allow(unused_imports)] // each target uses a different part
pub use reports::{Replayed, check_located, check_message, replay_bytes};

/// Renders every message and help of `violations` in both languages (the i18n tables are
/// code too), and checks that the rule table knows the rule.
pub fn render(violations: &[Violation]) {
    for violation in violations {
        for locale in [Locale::En, Locale::ZhCn] {
            let message = i18n::message(violation, locale);
            assert!(!message.is_empty(), "{violation:?} has an empty message");
            let _ = i18n::help(violation, locale);
        }
        let rule = violation.rule();
        assert!(!rule.as_str().is_empty());
        let _ = violation.fix();
        let _ = violation.character_index();
    }
}

/// The invariants of a report on a value: nothing located, messages render.
pub fn check_unlocated(report: &Report, max: usize) {
    assert!(report.diagnostics.len() <= max);
    for d in &report.diagnostics {
        check_message(d);
        assert!(d.location.is_none());
    }
}

/// What two reports must share: rule, severity, pointer and message, in order.
pub fn essentials(report: &Report) -> Vec<(String, String, String)> {
    report
        .diagnostics
        .iter()
        .map(|d| {
            (
                d.rule().as_str().to_owned(),
                d.path.clone(),
                d.message(Locale::En),
            )
        })
        .collect()
}

/// A short string, often one of `choices` (as written or slightly changed), so that the
/// rules past the first checks are reached.
pub fn string_near(u: &mut Unstructured<'_>, choices: &[&str]) -> arbitrary::Result<String> {
    let mut value = match u.int_in_range(0..=3u8)? {
        0 => String::arbitrary(u)?,
        _ => (*u.choose(choices)?).to_owned(),
    };
    if u.arbitrary::<bool>()? && !value.is_empty() {
        // One edit: a character replaced by an arbitrary one.
        let chars: Vec<char> = value.chars().collect();
        let at = u.choose_index(chars.len())?;
        let with = char::arbitrary(u)?;
        value = chars
            .iter()
            .enumerate()
            .map(|(i, c)| if i == at { with } else { *c })
            .collect();
    }
    Ok(value)
}

/// The default profile, or one with odd limits (empty lists, zero caps, min above max).
pub fn profile(u: &mut Unstructured<'_>) -> arbitrary::Result<Profile> {
    let mut profile = Profile::default();
    if u.arbitrary::<bool>()? {
        profile.name_min = u.int_in_range(0..=64)?;
        profile.name_max = u.int_in_range(0..=64)?;
        profile.event_names_cap = u.int_in_range(0..=12)?;
        profile.event_names_cap_other = u.int_in_range(0..=12)?;
        if u.arbitrary::<bool>()? {
            profile.regions.clear();
            profile.storage_regions.clear();
            profile.storage_types.clear();
            profile.capped_products.clear();
        }
        if u.arbitrary::<bool>()? {
            profile.regions.push(String::arbitrary(u)?);
            profile.storage_types.push(String::arbitrary(u)?);
            profile.capped_products.push(String::arbitrary(u)?);
        }
    }
    Ok(profile)
}
