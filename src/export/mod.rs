//! What a student keeps of a run: the network (its settings and every
//! weight) as a JSON file that loads back exactly, and the loss history as CSV.

mod csv;
mod network;

pub use csv::loss_csv;
pub use network::{network_file, read_network_file, FileError, NetworkFile, FORMAT, VERSION};
