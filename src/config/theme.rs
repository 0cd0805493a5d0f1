//! The `theme` key: the page's colours follow the reader's system setting
//! (`auto`), or are forced `light` or `dark`.

use std::str::FromStr;

/// The colour theme a link asks for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ColorTheme {
    /// Follow the reader's `prefers-color-scheme`.
    #[default]
    Auto,
    Light,
    Dark,
}

impl ColorTheme {
    pub const ALL: [ColorTheme; 3] = [ColorTheme::Auto, ColorTheme::Light, ColorTheme::Dark];

    /// The name used in links: `auto`, `light`, `dark`.
    pub fn name(self) -> &'static str {
        match self {
            ColorTheme::Auto => "auto",
            ColorTheme::Light => "light",
            ColorTheme::Dark => "dark",
        }
    }

    /// "auto, light, dark", for messages.
    pub fn names() -> String {
        ColorTheme::ALL.map(ColorTheme::name).join(", ")
    }
}

impl FromStr for ColorTheme {
    type Err = ();

    fn from_str(name: &str) -> Result<Self, ()> {
        ColorTheme::ALL
            .into_iter()
            .find(|t| t.name() == name)
            .ok_or(())
    }
}
