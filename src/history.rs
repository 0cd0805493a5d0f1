//! A decimating history: records over time, kept to at most `HISTORY_LIMIT`
//! by halving the resolution, so memory stays flat however long a run goes.
//! A run's losses (`session::History`) and its diagnostics
//! (`diagnostics::Series`) are both one of these.

/// Most records a history keeps; past that it halves its resolution.
pub const HISTORY_LIMIT: usize = 1000;

/// What a history keeps its records in.
pub trait Store {
    /// One record as it is offered.
    type Record: ?Sized;
    /// Records kept.
    fn count(&self) -> usize;
    /// Appends one record.
    fn push(&mut self, record: &Self::Record);
    /// Keeps the records at even positions (the 1st, 3rd, 5th, …), in order.
    fn keep_even(&mut self);
    /// Forgets every record.
    fn clear(&mut self);
}

/// Records over time, decimated: of the records offered every `stride`-th
/// is kept; at `HISTORY_LIMIT` records every other kept one is dropped and
/// the stride doubles. Stores sized for `HISTORY_LIMIT` records never
/// allocate on a push.
#[derive(Clone, Debug)]
pub struct History<S> {
    store: S,
    stride: u64,
    offered: u64,
}

impl<S: Store> History<S> {
    /// An empty history kept in `store` (which should be empty).
    pub fn in_store(store: S) -> History<S> {
        History {
            store,
            stride: 1,
            offered: 0,
        }
    }

    /// Offers one record; it is kept if it falls on the stride.
    pub fn push(&mut self, record: &S::Record) {
        let keep = self.offered.is_multiple_of(self.stride);
        self.offered += 1;
        if !keep {
            return;
        }
        if self.store.count() == HISTORY_LIMIT {
            self.store.keep_even();
            self.stride *= 2;
        }
        self.store.push(record);
    }

    /// Number of records kept.
    pub fn len(&self) -> usize {
        self.store.count()
    }

    pub fn is_empty(&self) -> bool {
        self.store.count() == 0
    }

    /// Forgets every record; the next one offered is kept.
    pub fn clear(&mut self) {
        self.store.clear();
        self.stride = 1;
        self.offered = 0;
    }
}

impl<R: Copy> Store for Vec<R> {
    type Record = R;

    fn count(&self) -> usize {
        self.len()
    }

    fn push(&mut self, record: &R) {
        Vec::push(self, *record);
    }

    fn keep_even(&mut self) {
        let mut index = 0;
        self.retain(|_| {
            index += 1;
            index % 2 == 1
        });
    }

    fn clear(&mut self) {
        Vec::clear(self);
    }
}

impl<R: Copy> Default for History<Vec<R>> {
    /// An empty history of whole records, room for `HISTORY_LIMIT` made once.
    fn default() -> Self {
        History::in_store(Vec::with_capacity(HISTORY_LIMIT))
    }
}

impl<R: Copy> History<Vec<R>> {
    /// The kept records, oldest first.
    pub fn records(&self) -> &[R] {
        &self.store
    }
}

/// Records of a fixed number of `f64`s each, in one flat buffer.
#[derive(Clone, Debug)]
pub struct Rows {
    width: usize,
    values: Vec<f64>,
}

impl Store for Rows {
    type Record = [f64];

    fn count(&self) -> usize {
        self.values.len() / self.width
    }

    /// Extra numbers are ignored, missing ones are NaN.
    fn push(&mut self, record: &[f64]) {
        let take = record.len().min(self.width);
        self.values.extend_from_slice(&record[..take]);
        let padding = self.width - take;
        self.values.extend(std::iter::repeat_n(f64::NAN, padding));
    }

    fn keep_even(&mut self) {
        let (width, kept) = (self.width, self.count().div_ceil(2));
        for row in 0..kept {
            let from = 2 * row * width;
            self.values.copy_within(from..from + width, row * width);
        }
        self.values.truncate(kept * width);
    }

    fn clear(&mut self) {
        self.values.clear();
    }
}

impl History<Rows> {
    /// An empty history of records `width` numbers wide (≥ 1), its buffer
    /// sized once for `HISTORY_LIMIT` records.
    pub fn new(width: usize) -> History<Rows> {
        let width = width.max(1);
        let values = Vec::with_capacity(width * HISTORY_LIMIT);
        History::in_store(Rows { width, values })
    }

    /// Numbers per record.
    pub fn width(&self) -> usize {
        self.store.width
    }

    /// The kept records, oldest first, each `width` numbers.
    pub fn records(&self) -> std::slice::ChunksExact<'_, f64> {
        self.store.values.chunks_exact(self.store.width)
    }
}
