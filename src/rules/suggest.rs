//! Did-you-mean suggestions: the closest accepted value to what was written.
//!
//! **What it checks.** Nothing by itself: the value rules call it to turn "not one of …" into
//! "did you mean …?". A case-insensitive match wins outright; otherwise the candidate with the
//! smallest Damerau-Levenshtein distance, if that distance is small for the word's length
//! (one edit per three characters, at least one).
//!
//! ```
//! use cloudaudit_lint::rules::suggest::closest;
//! assert_eq!(closest("read", ["Read", "Write", "*"]), Some("Read"));
//! assert_eq!(closest("EventName", ["Name", "EventNames"]), Some("EventNames"));
//! assert_eq!(closest("Colour", ["Name", "EventNames"]), None);
//! ```

/// The candidate closest to `value`, if any is close enough to be a likely typo.
pub fn closest<'c, I>(value: &str, candidates: I) -> Option<&'c str>
where
    I: IntoIterator<Item = &'c str>,
{
    if value.is_empty() {
        return None;
    }
    let limit = (value.chars().count() / 3).max(1);
    let lowercase = value.to_lowercase();
    let length = lowercase.chars().count();
    let mut best: Option<(usize, &'c str)> = None;
    for candidate in candidates {
        if candidate.eq_ignore_ascii_case(value) {
            return Some(candidate);
        }
        let candidate_lowercase = candidate.to_lowercase();
        // The distance is at least the difference in length: a candidate that cannot be
        // within the limit is skipped, which keeps a megabyte-long value from costing seconds.
        if length.abs_diff(candidate_lowercase.chars().count()) > limit {
            continue;
        }
        let distance = strsim::damerau_levenshtein(&lowercase, &candidate_lowercase);
        if best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    best.filter(|(distance, _)| *distance <= limit)
        .map(|(_, candidate)| candidate)
}

#[cfg(test)]
mod tests {
    use super::closest;

    #[test]
    fn suggestions_table() {
        let params = [
            "Name",
            "ActionType",
            "ResourceType",
            "EventNames",
            "Storage",
            "Status",
        ];
        for (typo, expected) in [
            ("name", Some("Name")),
            ("Actiontype", Some("ActionType")),
            ("ResourceTyp", Some("ResourceType")),
            ("Stroage", Some("Storage")),
            ("Statsu", Some("Status")),
            ("Bucket", None),
            ("", None),
        ] {
            assert_eq!(closest(typo, params), expected, "{typo}");
        }
    }

    #[test]
    fn regions_suggest_by_edit_distance() {
        let regions = ["ap-guangzhou", "ap-hongkong", "eu-frankfurt"];
        assert_eq!(closest("ap-guanzhou", regions), Some("ap-guangzhou"));
        assert_eq!(closest("AP-HONGKONG", regions), Some("ap-hongkong"));
        assert_eq!(closest("na-ashburn", regions), None);
    }
}
