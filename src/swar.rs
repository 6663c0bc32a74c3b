//! Eight bytes at a time (SWAR): the word tests the string scans share (the reader's run of
//! plain string bytes, the hygiene rules' printable-ASCII test).
//!
//! Each test sets the high bit of the bytes it flags. A borrow can also flag a byte above a
//! truly flagged one, never below one, so a word with no true match flags nothing and the
//! lowest flag of a little-endian word (see [`words`]) is the first match in the text.

/// `byte` in each of a word's eight bytes.
const fn splat(byte: u8) -> u64 {
    u64::from_ne_bytes([byte; 8])
}

/// The high bit of each byte: where the tests below set their flags.
pub(crate) const HIGHS: u64 = splat(0x80);

/// Flags the bytes of `word` below `limit`, which is at most `0x80` (above it, the borrow
/// trick no longer holds).
#[inline]
pub(crate) const fn below(word: u64, limit: u8) -> u64 {
    assert!(limit <= 0x80);
    word.wrapping_sub(splat(limit)) & !word & HIGHS
}

/// Flags the bytes of `word` equal to `byte`.
#[inline]
pub(crate) const fn equal(word: u64, byte: u8) -> u64 {
    below(word ^ splat(byte), 1)
}

/// Flags the ASCII bytes of `word` at or above `limit`, which is at most `0x80`, exactly: each
/// byte's high bit is set before the subtraction, so no borrow crosses bytes. A byte past
/// ASCII may be flagged or not (mask it with [`high`]).
#[inline]
#[cfg(not(target_arch = "wasm32"))]
pub(crate) const fn at_least(word: u64, limit: u8) -> u64 {
    assert!(limit <= 0x80);
    (word | HIGHS).wrapping_sub(splat(limit)) & HIGHS
}

/// Flags the bytes of `word` with their high bit set (`0x80` and above: no ASCII).
#[inline]
pub(crate) const fn high(word: u64) -> u64 {
    word & HIGHS
}

/// The words of `bytes`, eight bytes each, little-endian (the first byte in the text lowest
/// in the word), and the fewer than eight bytes left over.
///
/// Natively an adapter chain, which compiles to the tightest loops there. The size-first
/// WebAssembly build left the chain's `next` as a call a word, the largest single cost of its
/// valid requests, so there the words come from [`Words`], whose `next` is always inlined.
#[inline]
pub(crate) fn words(bytes: &[u8]) -> (impl Iterator<Item = u64> + '_, &[u8]) {
    let chunks = bytes.chunks_exact(8);
    let rest = chunks.remainder();
    #[cfg(not(target_arch = "wasm32"))]
    let words = chunks
        .filter_map(|chunk| <[u8; 8]>::try_from(chunk).ok())
        .map(u64::from_le_bytes);
    #[cfg(target_arch = "wasm32")]
    let words = Words(chunks);
    (words, rest)
}

/// The words of [`words`] in the WebAssembly builds.
#[cfg(target_arch = "wasm32")]
struct Words<'a>(std::slice::ChunksExact<'a, u8>);

#[cfg(target_arch = "wasm32")]
impl Iterator for Words<'_> {
    type Item = u64;

    #[inline(always)]
    fn next(&mut self) -> Option<u64> {
        // Every chunk of `chunks_exact(8)` is eight bytes long.
        let word = <[u8; 8]>::try_from(self.0.next()?).ok()?;
        Some(u64::from_le_bytes(word))
    }
}

/// Whether `a` and `b` hold the same bytes, compared a word at a time in place: for the short
/// names a request's keys are, a call to `memcmp` costs more than the comparison. From eight
/// bytes on, the first and the last word (which overlap below sixteen) and the words between.
#[inline]
pub(crate) fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let (Some(last_a), Some(last_b)) = (last_word(a), last_word(b)) else {
        return a.iter().zip(b).all(|(x, y)| x == y);
    };
    let ((words_a, _), (words_b, _)) = (words(a), words(b));
    last_a == last_b && words_a.zip(words_b).all(|(x, y)| x == y)
}

/// The last eight bytes of `bytes` as a word, if it has eight.
#[inline]
fn last_word(bytes: &[u8]) -> Option<u64> {
    let start = bytes.len().checked_sub(8)?;
    let word = <[u8; 8]>::try_from(bytes.get(start..)?).ok()?;
    Some(u64::from_le_bytes(word))
}

/// The length of the leading run of `bytes` that no byte stops: `flags` tests eight bytes at a
/// time (the lowest flag of a word is exact, so the word that stops the run also tells where),
/// `stops` the fewer than eight left over, one at a time. The two must agree.
#[inline]
pub(crate) fn run_len(
    bytes: &[u8],
    flags: impl Fn(u64) -> u64,
    stops: impl Fn(u8) -> bool,
) -> usize {
    let (words, rest) = words(bytes);
    let mut run = 0;
    for word in words {
        let flagged = flags(word);
        if flagged != 0 {
            // The lowest flag is the first such byte; at most 7, the flag being its high bit.
            return run + (flagged.trailing_zeros() / 8) as usize;
        }
        run += 8;
    }
    run + bytes_before(rest, stops)
}

/// How many of the first bytes of `bytes` come before the first one that `stops` (all of
/// them if none does), a byte at a time. A plain loop in the WebAssembly builds, where the
/// size-first one called `position`'s closure for every byte.
#[inline(always)]
pub(crate) fn bytes_before(bytes: &[u8], stops: impl Fn(u8) -> bool) -> usize {
    #[cfg(not(target_arch = "wasm32"))]
    return bytes
        .iter()
        .position(|&byte| stops(byte))
        .unwrap_or(bytes.len());
    #[cfg(target_arch = "wasm32")]
    {
        let mut run = 0;
        for &byte in bytes {
            if stops(byte) {
                break;
            }
            run += 1;
        }
        run
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn same_bytes_is_slice_equality(a in proptest::collection::vec(any::<u8>(), 0..40), b in proptest::collection::vec(any::<u8>(), 0..40), cut in 0usize..40) {
            prop_assert_eq!(same_bytes(&a, &b), a == b);
            // Equal up to a byte, anywhere in a word or in the rest.
            let mut c = a.clone();
            if let Some(byte) = c.get_mut(cut) {
                *byte ^= 1;
            }
            prop_assert_eq!(same_bytes(&a, &c), a == c);
            prop_assert!(same_bytes(&a, &a.clone()));
        }
    }

    /// The flags as a byte-at-a-time test sets them: the first matching byte's, if any.
    fn first(word: u64, matches: impl Fn(u8) -> bool) -> Option<u32> {
        word.to_le_bytes()
            .iter()
            .position(|&byte| matches(byte))
            .and_then(|at| u32::try_from(at).ok())
    }

    proptest! {
        /// The lowest flag is the first match, and no match flags nothing.
        #[test]
        fn the_lowest_flag_is_the_first_match(bytes in any::<[u8; 8]>(), limit in 0u8..=0x80, byte in any::<u8>()) {
            let word = u64::from_le_bytes(bytes);
            let lowest = |flags: u64| (flags != 0).then(|| flags.trailing_zeros() / 8);
            prop_assert_eq!(lowest(below(word, limit)), first(word, |b| b < limit));
            prop_assert_eq!(lowest(equal(word, byte)), first(word, |b| b == byte));
            prop_assert_eq!(lowest(high(word)), first(word, |b| b >= 0x80));
        }
    }

    #[test]
    fn words_are_little_endian_with_the_rest_after() {
        let (words, rest) = words(b"abcdefghij");
        assert_eq!(
            words.collect::<Vec<_>>(),
            [u64::from_le_bytes(*b"abcdefgh")]
        );
        assert_eq!(rest, b"ij");
    }
}
