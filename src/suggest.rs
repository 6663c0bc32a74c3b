//! Did-you-mean suggestions: the closest accepted value to what was written.
//!
//! **What it checks.** Nothing by itself: the value rules call it to turn "not one of …" into
//! "did you mean …?". A case-insensitive match wins outright; otherwise the candidate with the
//! smallest edit distance (optimal string alignment: insertions, deletions, substitutions and
//! swaps of neighbours), if that distance is small for the word's length (one edit per three
//! characters, at least one).
//!
//! ```
//! use cloudaudit_lint::suggest::closest;
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
    let lowercase = value.to_ascii_lowercase();
    let length = lowercase.chars().count();
    let mut letters = Letters::of(&lowercase);
    let mut best: Option<(usize, &'c str)> = None;
    // Made for the first candidate measured: most calls skip every candidate on its length.
    let mut measure: Option<Measure> = None;
    for candidate in candidates {
        if candidate.eq_ignore_ascii_case(value) {
            return Some(candidate);
        }
        // Lower bounds on the distance, cheapest first and without allocating: a candidate
        // that cannot be within the limit, or better than the best so far, is skipped. The
        // difference in length (ASCII lowercasing keeps it) also keeps a megabyte-long value
        // from costing seconds; the bag distance looks at the letters.
        let skip = |bound: usize| bound > limit || best.is_some_and(|(d, _)| bound >= d);
        let candidate_length = if candidate.is_ascii() {
            candidate.len()
        } else {
            candidate.chars().count()
        };
        if skip(length.abs_diff(candidate_length)) {
            continue;
        }
        if let Some(bound) = letters
            .as_mut()
            .and_then(|l| l.distance_at_least(candidate))
            && skip(bound)
        {
            continue;
        }
        let distance = measure
            .get_or_insert_with(|| Measure::new(&lowercase))
            .distance(candidate);
        if best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    best.filter(|(distance, _)| *distance <= limit)
        .map(|(_, candidate)| candidate)
}

/// The optimal string alignment distance (Damerau-Levenshtein where no part is edited twice)
/// of one lowercase word to candidates compared case-insensitively (ASCII).
///
/// Natively it is rapidfuzz's bit-parallel measure of one word to many (the faulty corpus's
/// did-you-means cost 23.5M instructions with strsim's Damerau-Levenshtein, 5.7M with it); the
/// WebAssembly builds use strsim's dynamic programme, as rapidfuzz costs the browser module
/// 2.7 KB gzip (benches/README.md, seventh round). The tests hold [`closest`] to strsim's
/// measure of every candidate.
#[cfg(not(target_arch = "wasm32"))]
struct Measure(rapidfuzz::distance::osa::BatchComparator<char>);

#[cfg(not(target_arch = "wasm32"))]
impl Measure {
    fn new(lowercase: &str) -> Self {
        Self(rapidfuzz::distance::osa::BatchComparator::new(
            lowercase.chars(),
        ))
    }

    /// `&mut` as the WebAssembly builds' measure needs it (it lowercases into a buffer).
    fn distance(&mut self, candidate: &str) -> usize {
        self.0
            .distance(candidate.chars().map(|c| c.to_ascii_lowercase()))
    }
}

#[cfg(target_arch = "wasm32")]
struct Measure {
    word: String,
    candidate: String,
}

#[cfg(target_arch = "wasm32")]
impl Measure {
    fn new(lowercase: &str) -> Self {
        Self {
            word: lowercase.to_owned(),
            candidate: String::new(),
        }
    }

    fn distance(&mut self, candidate: &str) -> usize {
        self.candidate.clear();
        self.candidate.push_str(candidate);
        self.candidate.make_ascii_lowercase();
        strsim::osa_distance(&self.word, &self.candidate)
    }
}

/// How often each ASCII character occurs in a lowercase ASCII word.
///
/// Each edit changes the counts by at most one on each side (a transposition not at all),
/// so the larger of "characters the word has and the candidate lacks" and the reverse is a
/// lower bound on the edit distance (the bag distance).
struct Letters {
    counts: [isize; 128],
    len: usize,
}

impl Letters {
    fn of(lowercase: &str) -> Option<Self> {
        if !lowercase.is_ascii() {
            return None;
        }
        let mut counts = [0; 128];
        for b in lowercase.bytes() {
            if let Some(count) = counts.get_mut(usize::from(b)) {
                *count += 1;
            }
        }
        Some(Self {
            counts,
            len: lowercase.len(),
        })
    }

    /// The bag distance to `candidate` compared case-insensitively; `None` for a candidate
    /// that is not ASCII (whose lowercase form may differ in length). Touches only the
    /// candidate's characters, and leaves the counts as it found them.
    fn distance_at_least(&mut self, candidate: &str) -> Option<usize> {
        if !candidate.is_ascii() {
            return None;
        }
        let (mut matched, mut unmatched) = (0usize, 0usize);
        for b in candidate.bytes() {
            if let Some(count) = self.counts.get_mut(usize::from(b.to_ascii_lowercase())) {
                if *count > 0 {
                    matched += 1;
                } else {
                    unmatched += 1;
                }
                *count -= 1;
            }
        }
        for b in candidate.bytes() {
            if let Some(count) = self.counts.get_mut(usize::from(b.to_ascii_lowercase())) {
                *count += 1;
            }
        }
        Some((self.len - matched).max(unmatched))
    }
}

#[cfg(test)]
mod tests {
    use super::{Letters, Measure, closest};
    use proptest::prelude::*;

    /// [`closest`] without its shortcuts: every candidate measured.
    fn closest_by_measuring_all<'c>(value: &str, candidates: &[&'c str]) -> Option<&'c str> {
        if value.is_empty() {
            return None;
        }
        if let Some(same) = candidates.iter().find(|c| c.eq_ignore_ascii_case(value)) {
            return Some(same);
        }
        let limit = (value.chars().count() / 3).max(1);
        let lowercase = value.to_ascii_lowercase();
        let mut best: Option<(usize, &'c str)> = None;
        for candidate in candidates {
            let distance = strsim::osa_distance(&lowercase, &candidate.to_ascii_lowercase());
            if best.is_none_or(|(d, _)| distance < d) {
                best = Some((distance, candidate));
            }
        }
        best.filter(|(d, _)| *d <= limit).map(|(_, c)| c)
    }

    proptest! {
        /// The measure is strsim's optimal string alignment distance, for words of one machine
        /// word's letters and for longer ones (rapidfuzz measures those a block at a time),
        /// and compares the candidate case-insensitively.
        #[test]
        fn the_measure_is_the_optimal_string_alignment_distance(
            word in "[a-d_é]{0,150}",
            candidate in "[a-dA-D_é]{0,150}",
        ) {
            let mut measure = Measure::new(&word);
            prop_assert_eq!(
                measure.distance(&candidate),
                strsim::osa_distance(&word, &candidate.to_ascii_lowercase())
            );
        }

        /// Skipping on the lower bounds never changes a suggestion.
        #[test]
        fn the_shortcuts_change_no_suggestion(
            value in "[a-cA-C_é]{0,10}",
            candidates in proptest::collection::vec("[a-cA-C_é]{0,12}", 0..12),
        ) {
            let candidates: Vec<&str> = candidates.iter().map(String::as_str).collect();
            prop_assert_eq!(
                closest(&value, candidates.iter().copied()),
                closest_by_measuring_all(&value, &candidates)
            );
        }

        /// The bag distance never exceeds the edit distance, so skipping on it
        /// never changes a suggestion.
        #[test]
        fn bag_distance_is_a_lower_bound(word in "[a-zA-Z_-]{1,12}", candidate in "[a-zA-Z_-]{0,12}") {
            let lowercase = word.to_lowercase();
            let mut letters = Letters::of(&lowercase).expect("ASCII");
            let bound = letters.distance_at_least(&candidate).expect("ASCII");
            let distance = strsim::osa_distance(&lowercase, &candidate.to_lowercase());
            prop_assert!(bound <= distance, "{bound} > {distance}");
        }
    }

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
