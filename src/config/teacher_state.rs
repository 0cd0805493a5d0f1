//! What a teacher's embedded link asks of the page besides the settings.

/// What a teacher's link asks of the page besides the settings.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TeacherState {
    /// Settings whose controls are hidden, as link keys in `HIDEABLE`'s order.
    pub hide: Vec<&'static str>,
    /// Settings whose controls are shown but cannot be changed, in `HIDEABLE`'s order.
    pub lock: Vec<&'static str>,
    /// A tighter layout for small frames.
    pub compact: bool,
    /// Start training (or racing) as soon as the page opens.
    pub autoplay: bool,
    /// The embedded panel fills its frame.
    pub fit: bool,
}

/// The link keys of settings that have a control of their own on the page,
/// which `hide` and `lock` may name.
pub const HIDEABLE: &[&str] = &[
    "theme",
    "data",
    "noise",
    "split",
    "seed",
    "test",
    "discrete",
    "layers",
    "activation",
    "lr",
    "batch",
    "opt",
    "momentum",
    "rho",
    "beta1",
    "beta2",
    "eps",
    "schedule",
    "lr_every",
    "lr_factor",
    "reg",
    "reg_rate",
    "features",
    "curves",
    "xmin",
    "xmax",
    "leaky",
    "prelu",
    "elu",
    "maxout",
    "logits",
    "t",
    "race",
    "target",
    "seeds",
];
