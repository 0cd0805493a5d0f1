//! A race: one network trained with two to four hidden activations side by
//! side. Everything else is shared — data, split, learning rate, batch size,
//! seed, the order of the batches and (see `start`) the initial weights — so
//! the runs differ only in the activation, and the race can say which one
//! reaches a target test loss or accuracy in fewer steps (`runs`), or over
//! several seeds (`repeat`).

mod contestant;
mod repeat;
mod run;
mod runs;
mod start;
mod target;

pub use contestant::{Contestant, RaceConfig, RaceError, CONTESTANTS};
pub use repeat::{median, Repeat, Spread, REPEAT_LIMIT, SEEDS};
pub use run::CHECK_EVERY;
pub use runs::Race;
pub use target::{compare, Comparison, Progress, Target, ACCURACY_TARGET, LOSS_TARGET};
