//! A shareable link: the whole page's state as a URL fragment
//! `#key=value&key=value`, read leniently (every bad key is reported and
//! falls back to its default; the rest still applies) and written
//! canonically (defaults left out), so that `parse_link(&write_link(s)).0 == s`.

use std::fmt;
use std::str::FromStr;

use super::fragment::{self, quote};
use super::race_keys::RaceState;
use super::teacher_keys::{self, TeacherState};
use super::theme::ColorTheme;
use super::PlaygroundConfig;
use super::{keys, view_keys};
use crate::activation::Kind;

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

/// Why one key of a link was not used, phrased to follow the key:
/// `lr` + `accepts a number from 0.00001 to 10; got "abc"`.
#[derive(Clone, Debug, PartialEq)]
pub struct LinkProblem {
    pub key: String,
    pub problem: String,
}

impl LinkProblem {
    pub fn new(key: impl Into<String>, problem: String) -> Self {
        LinkProblem {
            key: key.into(),
            problem,
        }
    }
}

impl fmt::Display for LinkProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.key, self.problem)
    }
}

/// Reads a link's fragment (with or without `#`). Never fails: every key
/// that cannot be used is reported, keeps its default, and the rest apply.
pub fn parse_link(fragment: &str) -> (LinkState, Vec<LinkProblem>) {
    let (pairs, mut problems) = fragment::pairs(fragment);
    let mut state = LinkState::default();
    for problem in &mut problems {
        if let Some(key) = keys::all().find(|k| k.name == problem.key) {
            let accepts = (key.accepts)(&state);
            problem.problem.push_str(&format!("; it accepts {accepts}"));
        }
    }
    for pair in &pairs {
        let playground = teacher_keys::is_playground_hide(&pair.key);
        if !playground && !keys::all().any(|key| key.name == pair.key) {
            problems.push(LinkProblem::new(
                quote(&pair.key),
                format!("is not a key nnplay knows; {}", keys::suggest(&pair.key)),
            ));
        }
    }
    let mut given = Vec::new();
    for key in keys::all() {
        let Some(pair) = pairs.iter().find(|p| p.key == key.name) else {
            continue;
        };
        if (key.read)(&mut state, &pair.value).is_some() {
            given.push(key.name);
        } else {
            problems.push(LinkProblem::new(
                key.name,
                format!(
                    "accepts {}; got \"{}\"",
                    (key.accepts)(&state),
                    quote(&pair.value)
                ),
            ));
        }
    }
    for pair in pairs
        .iter()
        .filter(|p| teacher_keys::is_playground_hide(&p.key))
    {
        if let Err(problem) = teacher_keys::read_playground_hide(&mut state, &pair.key, &pair.value)
        {
            problems.push(problem);
        }
    }
    problems.extend(view_keys::cross_check(&mut state, &given));
    problems.extend(super::data_keys::cross_check(&mut state));
    (state, problems)
}

/// Writes `state` as a fragment without the `#`, keys in a fixed order and
/// those at their defaults left out (the default state is the empty string).
pub fn write_link(state: &LinkState) -> String {
    let default = LinkState::default();
    keys::all()
        .filter_map(|key| {
            let value = (key.write)(state);
            (value != (key.write)(&default)).then(|| format!("{}={value}", key.name))
        })
        .collect::<Vec<_>>()
        .join("&")
}
