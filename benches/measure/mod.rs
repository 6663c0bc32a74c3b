//! Timing and heap accounting for the benchmark.
//!
//! Times are medians of repeated batches: each sample runs the whole input set enough times to
//! last a few tens of milliseconds, and the median of the samples is reported, which shrugs off
//! the odd descheduling on a shared machine better than a mean.
//!
//! Memory is counted by a global allocator that wraps the system one. It counts only while
//! [`peak_heap`] runs a measurement, so the timings pay one relaxed load per allocation and
//! nothing else.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering::Relaxed};
use std::time::{Duration, Instant};

/// The system allocator, counting live and peak bytes while [`COUNTING`] is set.
pub struct CountingAllocator;

static COUNTING: AtomicBool = AtomicBool::new(false);
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(bytes: usize) {
    if COUNTING.load(Relaxed) {
        let live = LIVE.fetch_add(bytes, Relaxed) + bytes;
        PEAK.fetch_max(live, Relaxed);
    }
}

fn shrank(bytes: usize) {
    if COUNTING.load(Relaxed) {
        // Memory allocated before counting started may be freed during it: saturate at zero.
        let _ = LIVE.fetch_update(Relaxed, Relaxed, |live| Some(live.saturating_sub(bytes)));
    }
}

// SAFETY: every call is forwarded unchanged to the system allocator; the counters are only
// bookkeeping.
unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded with the caller's layout.
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            grew(layout.size());
        }
        ptr
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded with the caller's layout.
        let ptr = unsafe { System.alloc_zeroed(layout) };
        if !ptr.is_null() {
            grew(layout.size());
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` was allocated by `System` with `layout`.
        unsafe { System.dealloc(ptr, layout) };
        shrank(layout.size());
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `ptr` was allocated by `System` with `layout`.
        let new = unsafe { System.realloc(ptr, layout, new_size) };
        if !new.is_null() {
            if new_size >= layout.size() {
                grew(new_size - layout.size());
            } else {
                shrank(layout.size() - new_size);
            }
        }
        new
    }
}

/// The most heap bytes `run` had allocated at once beyond what was live when it started
/// (its result is dropped inside the measurement, after the peak).
pub fn peak_heap<T>(run: impl FnOnce() -> T) -> usize {
    LIVE.store(0, Relaxed);
    PEAK.store(0, Relaxed);
    COUNTING.store(true, Relaxed);
    let result = black_box(run());
    drop(result);
    COUNTING.store(false, Relaxed);
    PEAK.load(Relaxed)
}

/// How long to measure: samples, and the least time one sample lasts.
#[derive(Debug, Clone, Copy)]
pub struct Plan {
    pub samples: usize,
    pub sample_time: Duration,
    pub warm_up: Duration,
}

impl Plan {
    /// For the corpus: many short samples.
    pub const CORPUS: Plan = Plan {
        samples: 21,
        sample_time: Duration::from_millis(40),
        warm_up: Duration::from_millis(200),
    };

    /// For the large inputs: a few samples of at least one run each.
    pub const LARGE: Plan = Plan {
        samples: 7,
        sample_time: Duration::from_millis(100),
        warm_up: Duration::from_millis(100),
    };
}

/// The median time per item, in nanoseconds, of `batch`, which processes `items` items.
pub fn per_item_ns(plan: Plan, items: usize, mut batch: impl FnMut()) -> f64 {
    let start = Instant::now();
    let mut runs = 0u32;
    while runs == 0 || start.elapsed() < plan.warm_up {
        batch();
        runs += 1;
    }
    let one = start.elapsed() / runs;
    let repeats = (plan.sample_time.as_nanos() / one.as_nanos().max(1)).max(1) as usize;
    let mut samples: Vec<f64> = (0..plan.samples)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..repeats {
                batch();
            }
            start.elapsed().as_nanos() as f64 / (repeats * items.max(1)) as f64
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}
