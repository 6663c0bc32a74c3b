//! The memory a read keeps what it reads in: an arena per thread, reset after each request
//! and kept for the next one while it stays small, so that reading a request asks the
//! allocator for nothing and leaves nothing to drop.

use std::cell::Cell;

use bumpalo::Bump;

/// Room a new arena starts with: a request's members, its `Storage` and a short list.
const FIRST_CAPACITY: usize = 4 * 1024;

/// The most an arena keeps between requests. A larger one (one that held a hundred thousand
/// `EventNames`) is freed after its request, not held by the thread.
const KEPT_BETWEEN_REQUESTS: usize = 64 * 1024;

/// The most entries [`Arena::list`] keeps room for between lists (32 KiB).
const KEPT_LIST_ENTRIES: usize = 4 * 1024;

/// Where a read keeps what it reads.
pub(crate) struct Arena {
    /// What the read keeps: nothing in it is dropped, it is reset.
    pub(super) bump: Bump,
    /// A list's entries while it is read, copied into `bump` at its end at their exact size:
    /// a long list grows here, where growing frees what it leaves, not in `bump`, where the
    /// room a list outgrew would be held to the end of the request.
    list: ListBuffer,
}

impl Arena {
    #[cold]
    pub(super) fn new() -> Self {
        Self {
            bump: Bump::with_capacity(FIRST_CAPACITY),
            list: ListBuffer::default(),
        }
    }

    /// The bump allocator and the list buffer, to read with.
    pub(super) fn parts(&mut self) -> (&Bump, &mut ListBuffer) {
        (&self.bump, &mut self.list)
    }
}

/// [`Arena::list`]: the entries of the list being read.
#[derive(Default)]
pub(super) struct ListBuffer(Vec<[u32; 2]>);

impl ListBuffer {
    /// Starts a list.
    pub(super) fn start(&mut self) {
        self.0.clear();
    }

    pub(super) fn push(&mut self, entry: [u32; 2]) {
        self.0.push(entry);
    }

    pub(super) fn len(&self) -> usize {
        self.0.len()
    }

    /// The list's entries, copied into `bump`. A buffer grown past what is kept between lists
    /// is first shrunk to its entries and then freed, so that the copy and the buffer are
    /// never both larger than the entries.
    pub(super) fn finish<'b>(&mut self, bump: &'b Bump) -> &'b [[u32; 2]] {
        if self.0.capacity() <= KEPT_LIST_ENTRIES {
            let entries = bump.alloc_slice_copy(&self.0);
            self.0.clear();
            return entries;
        }
        self.0.shrink_to_fit();
        let entries = bump.alloc_slice_copy(&self.0);
        self.0 = Vec::new();
        entries
    }
}

thread_local! {
    static ARENA: Cell<Option<Arena>> = const { Cell::new(None) };
}

/// Runs `read` with an empty arena: this thread's, or a new one when the thread's is in use
/// (a read inside a read) or gone (the thread is ending). Whatever `read` returns outlives
/// the arena, so it cannot borrow from it.
pub(crate) fn with_arena<R>(read: impl FnOnce(&mut Arena) -> R) -> R {
    let mut arena = ARENA
        .try_with(Cell::take)
        .ok()
        .flatten()
        .unwrap_or_else(Arena::new);
    let result = read(&mut arena);
    arena.bump.reset();
    if arena.bump.allocated_bytes() <= KEPT_BETWEEN_REQUESTS {
        // A thread that is ending drops it instead.
        let _ = ARENA.try_with(|cell| cell.set(Some(arena)));
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The size of the bump allocator this thread keeps, if it keeps one.
    fn kept() -> Option<usize> {
        ARENA.with(|cell| {
            let arena = cell.take();
            let size = arena.as_ref().map(|arena| arena.bump.allocated_bytes());
            cell.set(arena);
            size
        })
    }

    #[test]
    fn a_read_inside_a_read_has_an_arena_of_its_own() {
        let (outer, inner) = with_arena(|outer| {
            let kept = outer.bump.alloc_str("outer");
            let inner = with_arena(|inner| inner.bump.alloc_str("inner").to_owned());
            (kept.to_owned(), inner)
        });
        assert_eq!((outer.as_str(), inner.as_str()), ("outer", "inner"));
    }

    #[test]
    fn a_large_arena_is_freed_and_a_small_one_kept() {
        with_arena(|arena| {
            arena
                .bump
                .alloc_slice_fill_copy(4 * KEPT_BETWEEN_REQUESTS, 0u8);
        });
        assert_eq!(kept(), None, "the large arena was kept");
        with_arena(|arena| {
            arena.bump.alloc_str("small");
        });
        assert!(
            kept().is_some_and(|size| size <= KEPT_BETWEEN_REQUESTS),
            "{:?}",
            kept()
        );
    }

    #[test]
    fn a_list_is_copied_whole_and_a_long_one_leaves_no_buffer() {
        for count in [3, 2 * KEPT_LIST_ENTRIES] {
            with_arena(|arena| {
                let (bump, list) = arena.parts();
                list.start();
                for i in 0..count {
                    list.push([i as u32, i as u32 + 1]);
                }
                let entries = list.finish(bump);
                assert_eq!(entries.len(), count);
                assert_eq!(entries.last(), Some(&[count as u32 - 1, count as u32]));
                assert_eq!(list.len(), 0);
                assert!(
                    list.0.capacity() <= KEPT_LIST_ENTRIES,
                    "{}",
                    list.0.capacity()
                );
            });
        }
    }
}
