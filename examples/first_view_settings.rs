//! Prints the explorer-first module's settings from the catalogue:
//! `cargo run --example first_view_settings > src/web/first_view_settings.json`.

fn main() {
    print!("{}", nnplay::config::first_view_settings_json());
}
