//! nnplay: an in-browser playground for the lecture "Activation Function in NN".
//!
//! The pure core holds every piece of mathematics and state and builds natively;
//! `web` (wasm32 only) is the one door to JavaScript.

pub mod activation;
pub mod config;
pub mod data;
pub mod diagnostics;
pub mod edits;
pub mod export;
pub mod features;
pub mod format;
pub mod history;
pub mod json;
pub mod loss;
pub mod metrics;
pub mod network;
pub mod plot;
pub mod race;
pub mod session;
pub mod stage_view;
pub mod train;

#[cfg(target_arch = "wasm32")]
pub mod web;
