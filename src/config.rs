//! The page's settings: the training view's config (`playground`), the
//! whole page's state (`state`) and every link key (`keys`), and how a
//! link's fragment is read and written (`link`).

mod catalogue;
mod catalogue_doc;
mod choices;
mod data_keys;
mod feature_keys;
mod fragment;
mod key;
mod keys;
mod layers;
mod link;
mod optimizer_keys;
mod playground;
mod problem;
mod race_keys;
mod race_state;
mod regularization_keys;
mod setting;
mod state;
mod teacher_keys;
mod teacher_state;
mod theme;
mod values;
mod view_keys;

pub use crate::edits::{edits_fit_link, write_edits};
pub use crate::session::{HiddenLayer, PlaygroundConfig, SettingError};
pub use catalogue::{
    first_view_settings, first_view_settings_json, plain_values, settings, settings_json, Plain,
    Setting,
};
pub use catalogue_doc::link_keys_markdown;
pub use link::{parse_link, write_link};
pub use playground::{learning_rates, L2, LEARNING_RATE};
pub use problem::LinkProblem;
pub use race_state::RaceState;
pub use setting::{Choice, Values};
pub use state::{ExplorerState, LinkState, Panel, SoftmaxState, MAX_STEPS, X_LIMIT};
pub use teacher_state::{TeacherState, HIDEABLE};
pub use theme::ColorTheme;
