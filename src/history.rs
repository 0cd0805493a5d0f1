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
    /// Drops the newest record (there is one).
    fn pop_last(&mut self);
}

/// How a record is offered to a `History`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Offer {
    /// The next record in the series: kept if it falls on the stride.
    Next,
    /// The last one offered again, measured anew (a weight edit at the same
    /// step): it takes its place if that one was kept, and counts for nothing new.
    Again,
    /// Where the run stands between two records: shown as the newest record
    /// until anything else is offered, never counted for the stride, so a
    /// series comes out the same however often its tail was shown.
    Tail,
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
    /// Whether the last `Next` offered was kept.
    last_kept: bool,
    /// Whether the newest record is a `Tail`.
    tail: bool,
}

impl<S: Store> History<S> {
    /// An empty history kept in `store` (which should be empty).
    pub fn in_store(store: S) -> History<S> {
        History {
            store,
            stride: 1,
            offered: 0,
            last_kept: false,
            tail: false,
        }
    }

    /// Offers the next record; it is kept if it falls on the stride.
    pub fn push(&mut self, record: &S::Record) {
        self.offer(record, Offer::Next);
    }

    /// Offers one record as `how` says (see `Offer`).
    pub fn offer(&mut self, record: &S::Record, how: Offer) {
        if self.tail {
            self.store.pop_last();
            self.tail = false;
        }
        match how {
            Offer::Next => {
                self.last_kept = self.offered.is_multiple_of(self.stride);
                self.offered += 1;
                if !self.last_kept {
                    return;
                }
                if self.store.count() == HISTORY_LIMIT {
                    self.store.keep_even();
                    self.stride *= 2;
                    // keep_even keeps the first of each pair; the newest is
                    // being pushed now, so nothing of it is lost.
                }
                self.store.push(record);
            }
            Offer::Again if self.offered == 0 => self.offer(record, Offer::Next),
            Offer::Again => {
                if self.last_kept {
                    self.store.pop_last();
                    self.store.push(record);
                }
            }
            Offer::Tail => {
                // One past HISTORY_LIMIT at most: the stores have room for it.
                self.store.push(record);
                self.tail = true;
            }
        }
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
        self.last_kept = false;
        self.tail = false;
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

    fn pop_last(&mut self) {
        self.pop();
    }
}

impl<R: Copy> Default for History<Vec<R>> {
    /// An empty history of whole records, room for `HISTORY_LIMIT` made once.
    fn default() -> Self {
        History::in_store(Vec::with_capacity(HISTORY_LIMIT + 1))
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

    fn pop_last(&mut self) {
        let len = self.values.len().saturating_sub(self.width);
        self.values.truncate(len);
    }
}

impl History<Rows> {
    /// An empty history of records `width` numbers wide (≥ 1), its buffer
    /// sized once for `HISTORY_LIMIT` records.
    pub fn new(width: usize) -> History<Rows> {
        let width = width.max(1);
        let values = Vec::with_capacity(width * (HISTORY_LIMIT + 1));
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
