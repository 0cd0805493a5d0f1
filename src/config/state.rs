//! Everything a link carries: the whole page's state, each panel's part.

use std::str::FromStr;

use super::race_state::RaceState;
use super::teacher_state::TeacherState;
use super::theme::ColorTheme;
use crate::activation::Kind;
use crate::session::PlaygroundConfig;

/// Most SGD steps a link may ask to train before showing.
pub const MAX_STEPS: u64 = 1_000_000;
/// The widest x range the explorer draws, either way.
pub const X_LIMIT: f64 = 1000.0;

/// The page's panels, as links name them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Panel {
    /// The activation explorer.
    Curves,
    Softmax,
    /// The training view.
    Train,
    /// The stage stepper (sample batch, forward, backward, update).
    Stages,
    /// The activation race.
    Race,
}

impl Panel {
    pub const ALL: [Panel; 5] = [
        Panel::Curves,
        Panel::Softmax,
        Panel::Train,
        Panel::Stages,
        Panel::Race,
    ];

    /// The name used in links: `curves`, `softmax`, `train`, `stages`, `race`.
    pub fn name(self) -> &'static str {
        match self {
            Panel::Curves => "curves",
            Panel::Softmax => "softmax",
            Panel::Train => "train",
            Panel::Stages => "stages",
            Panel::Race => "race",
        }
    }
}

impl FromStr for Panel {
    type Err = ();

    fn from_str(name: &str) -> Result<Self, ()> {
        Panel::ALL.into_iter().find(|p| p.name() == name).ok_or(())
    }
}

/// The activation explorer's controls.
#[derive(Clone, Debug, PartialEq)]
pub struct ExplorerState {
    /// The functions drawn, in `Kind::ALL`'s order, element-wise kinds and maxout.
    pub curves: Vec<Kind>,
    pub x_min: f64,
    pub x_max: f64,
    pub leaky_alpha: f64,
    pub prelu_slope: f64,
    pub elu_alpha: f64,
    /// Maxout's two lines: `[w1, b1, w2, b2]`.
    pub maxout: [f64; 4],
    /// Where the readout cursor stands.
    pub cursor: f64,
}

impl Default for ExplorerState {
    /// What the page shows before anyone touches it.
    fn default() -> Self {
        ExplorerState {
            curves: vec![Kind::Sigmoid, Kind::Relu],
            x_min: -10.0,
            x_max: 10.0,
            leaky_alpha: 0.01,
            prelu_slope: 0.25,
            elu_alpha: 1.0,
            maxout: [1.0, 0.0, 0.1, 0.0],
            cursor: 0.0,
        }
    }
}

/// The softmax panel's controls.
#[derive(Clone, Debug, PartialEq)]
pub struct SoftmaxState {
    /// 3 to 5 logits.
    pub logits: Vec<f64>,
    pub temperature: f64,
}

impl Default for SoftmaxState {
    fn default() -> Self {
        SoftmaxState {
            logits: vec![2.0, 1.0, 0.1],
            temperature: 1.0,
        }
    }
}

/// Everything a link carries.
#[derive(Clone, Debug, PartialEq)]
pub struct LinkState {
    pub training: PlaygroundConfig,
    /// Whether the heatmap shows the test data.
    pub show_test: bool,
    /// Whether the heatmap paints hard regions ("discretize output").
    pub discrete: bool,
    /// SGD steps to train before showing (0 to `MAX_STEPS`).
    pub steps: u64,
    pub explorer: ExplorerState,
    pub softmax: SoftmaxState,
    /// The panels shown on the full page, in `Panel::ALL`'s order.
    pub panels: Vec<Panel>,
    /// The panel the reader was at; the page scrolls there.
    pub view: Option<Panel>,
    /// Show this panel alone, for an `<iframe>`.
    pub embed: Option<Panel>,
    /// The colour theme: the reader's system setting, or forced light or dark.
    pub theme: ColorTheme,
    /// The activation race's settings.
    pub race: RaceState,
    /// What a teacher's embed asks: hidden and locked settings, compact, autoplay, fit.
    pub teacher: TeacherState,
}

impl Default for LinkState {
    fn default() -> Self {
        LinkState {
            training: PlaygroundConfig::default(),
            show_test: true,
            discrete: false,
            steps: 0,
            explorer: ExplorerState::default(),
            softmax: SoftmaxState::default(),
            panels: Panel::ALL.to_vec(),
            view: None,
            embed: None,
            theme: ColorTheme::Auto,
            race: RaceState::default(),
            teacher: TeacherState::default(),
        }
    }
}
