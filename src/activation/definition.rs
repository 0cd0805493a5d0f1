//! What each activation's file declares about itself besides f and f′: its
//! name and label, its parameter, the properties the notes judge it by, its
//! colour in the plots, how its layers start, and its formulas as the stage
//! view prints them.

/// Everything the rest of nnplay reads about one activation (its `DEFINITION`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Definition {
    /// The name used in the JS API, configs and links.
    pub name: &'static str,
    /// The adjustable parameter, if it has one.
    pub param: Option<ParamSpec>,
    /// The properties the notes list, with the label menus and tables show.
    pub properties: Properties,
    /// Its colour in every plot (sRGB), readable on the light and the dark
    /// theme's background alike.
    pub color: (u8, u8, u8),
    /// How a layer of it draws its first weights.
    pub init: Init,
    /// `f(z) = …` in the stage view's notation; `{param}` stands for the
    /// parameter's value.
    pub formula: &'static str,
    /// `f'(z) = …`, written the same way.
    pub derivative: &'static str,
}

/// An adjustable parameter: its name, default, the one range every door
/// accepts (`min` to `max`, both included) and the explorer slider's step.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ParamSpec {
    pub name: &'static str,
    pub default: f64,
    pub min: f64,
    pub max: f64,
    /// The explorer slider's grid (and its link key's).
    pub step: f64,
}

impl ParamSpec {
    /// Whether `value` is a finite number in the range.
    pub fn accepts(&self, value: f64) -> bool {
        value.is_finite() && (self.min..=self.max).contains(&value)
    }

    /// The range in words, as every refusal of it says: "a number from 0 to 1".
    pub fn describe(&self) -> String {
        format!("a number from {} to {}", self.min, self.max)
    }
}

/// How a layer's first weights are drawn: Glorot's scheme keeps the variance
/// of saturating units steady both ways; He's makes up for the half of a
/// ReLU-like unit that is (nearly) zero.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Init {
    Glorot,
    He,
}

/// Where the derivative (nearly) vanishes, so gradients die.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Saturation {
    Never,
    NegativeSide,
    BothSides,
}

impl Saturation {
    pub fn describe(self) -> &'static str {
        match self {
            Saturation::Never => "no",
            Saturation::NegativeSide => "for x < 0",
            Saturation::BothSides => "both tails",
        }
    }
}

/// The notes' "computational cost" property, as a class.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cost {
    /// Nothing but the input itself.
    Linear,
    /// One comparison (and maybe a multiply).
    Compare,
    /// Needs `exp()`, which the notes count as costly.
    Exp,
    /// Needs `erfc()`, dearer still than `exp()`.
    Erf,
    /// k dot products per unit instead of one.
    Pieces,
}

impl Cost {
    pub fn describe(self) -> &'static str {
        match self {
            Cost::Linear => "free",
            Cost::Compare => "cheap: one comparison",
            Cost::Exp => "costly: needs exp()",
            Cost::Erf => "costly: needs erfc() and exp()",
            Cost::Pieces => "k× the weights and dot products",
        }
    }
}

/// The properties of an activation, as the notes list them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Properties {
    pub label: &'static str,
    pub range: &'static str,
    pub zero_centered: bool,
    pub monotonic: bool,
    /// Continuously differentiable everywhere.
    pub smooth: bool,
    pub saturates: Saturation,
    pub cost: Cost,
}
