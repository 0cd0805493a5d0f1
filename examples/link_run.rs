//! Runs a shared link natively and prints its losses to the last bit, so a
//! browser test can check that wasm reproduces the same trajectory.
//!
//! `cargo run --example link_run -- 'data=xor&layers=4:relu&steps=200'`
//! prints `step <n> train <bits> test <bits>`, the losses as hex IEEE-754 bits.

use nnplay::config::parse_link;
use nnplay::session::Session;

fn main() {
    let fragment = std::env::args().nth(1).unwrap_or_default();
    let (state, problems) = parse_link(&fragment);
    if !problems.is_empty() {
        for problem in problems {
            eprintln!("{problem}");
        }
        std::process::exit(2);
    }
    let mut session = match Session::new(state.training) {
        Ok(session) => session,
        Err(error) => {
            eprintln!("{error}");
            std::process::exit(2);
        }
    };
    if let Err(error) = session.run(state.steps as usize) {
        eprintln!("{error}");
    }
    let latest = session.latest();
    println!(
        "step {} train {:016x} test {:016x}",
        latest.step,
        latest.train_loss.to_bits(),
        latest.test_loss.to_bits()
    );
}
