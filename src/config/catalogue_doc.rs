//! `docs/link-keys.md`, written from the settings catalogue.

use super::catalogue::settings;

/// The link keys as a Markdown page: each key's control, what it accepts,
/// its default and a line of help, in the order links write them.
pub fn link_keys_markdown() -> String {
    let mut page = String::from(
        "# Link keys\n\n\
         <!-- Generated from the settings catalogue (src/config/keys.rs and its\n\
         \x20    neighbours); do not edit. Regenerate with\n\
         \x20    `cargo run --example link_keys > docs/link-keys.md`. -->\n\n\
         A link's fragment is `#key=value&key=value`, keys in any order; the page\n\
         writes them in this order and leaves out those at their defaults. A bad\n\
         key is named in a notice and keeps its default; the rest still apply.\n\n\
         | Key | Control | Accepts | Default | About |\n\
         |---|---|---|---|---|\n",
    );
    for s in settings() {
        let cells = [
            format!("`{}`", s.key),
            s.label.to_owned(),
            s.accepts,
            if s.default.is_empty() {
                "(none)".to_owned()
            } else {
                format!("`{}`", s.default)
            },
            s.help.to_owned(),
        ];
        let cells: Vec<String> = cells.iter().map(|c| c.replace('|', "\\|")).collect();
        page.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    page
}
