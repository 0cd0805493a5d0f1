//! Prints `docs/link-keys.md` from the settings catalogue:
//! `cargo run --example link_keys > docs/link-keys.md`.

fn main() {
    print!("{}", nnplay::config::link_keys_markdown());
}
