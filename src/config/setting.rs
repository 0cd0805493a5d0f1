//! The values a setting takes: a number in a range (maybe on a slider's
//! grid), a whole number, one of a few choices, a flag, or text in a grammar
//! of its own. Each says in words what it accepts, and reads a link's text
//! strictly, so a setting's range, its message and its check are one thing.

use std::ops::RangeInclusive;

use super::values::{finite, whole_in};

/// One choice of a menu: its link name, the label the page shows and a line about it.
#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    pub name: &'static str,
    pub label: &'static str,
    /// A line of help (an optimiser's update rule); may be empty.
    pub help: &'static str,
}

/// The values of one setting.
#[derive(Clone, Debug, PartialEq)]
pub enum Values {
    /// A number from `min` to `max` (without `min` or `max` themselves when open),
    /// on a grid of `step` when there is one; `presets` are the values a menu offers.
    Number {
        min: f64,
        max: f64,
        min_open: bool,
        max_open: bool,
        step: Option<f64>,
        presets: Vec<f64>,
    },
    /// A whole number from `min` to `max`, a multiple of `step`; `unit` names what it counts.
    Whole {
        min: u64,
        max: u64,
        step: u64,
        unit: &'static str,
    },
    /// One of these.
    Choice(Vec<Choice>),
    /// 0 (`off`, said in words) or 1 (`on`).
    Flag { off: &'static str, on: &'static str },
    /// Text in a grammar of its own, described in words.
    Text(String),
}

impl Values {
    /// Any number in `range`.
    pub fn number(range: RangeInclusive<f64>) -> Values {
        Values::Number {
            min: *range.start(),
            max: *range.end(),
            min_open: false,
            max_open: false,
            step: None,
            presets: Vec::new(),
        }
    }

    /// A number from `min` on a grid of `step` up to `max` (a slider's values).
    pub fn grid(min: f64, max: f64, step: f64) -> Values {
        Values::Number {
            min,
            max,
            min_open: false,
            max_open: false,
            step: Some(step),
            presets: Vec::new(),
        }
    }

    /// A whole number in `range`, counting `unit` ("" for a plain number, "%" for a percentage).
    pub fn whole(range: RangeInclusive<u64>, unit: &'static str) -> Values {
        Values::Whole {
            min: *range.start(),
            max: *range.end(),
            step: 1,
            unit,
        }
    }

    /// The same values with `min` and `max` left out where `open` says so.
    pub fn open(self, open_min: bool, open_max: bool) -> Values {
        match self {
            Values::Number {
                min,
                max,
                step,
                presets,
                ..
            } => Values::Number {
                min,
                max,
                min_open: open_min,
                max_open: open_max,
                step,
                presets,
            },
            other => other,
        }
    }

    /// The same whole numbers, multiples of `step` only.
    pub fn step(self, by: u64) -> Values {
        match self {
            Values::Whole { min, max, unit, .. } => Values::Whole {
                min,
                max,
                step: by,
                unit,
            },
            other => other,
        }
    }

    /// The same numbers, with the values a menu offers.
    pub fn presets(self, values: &[f64]) -> Values {
        match self {
            Values::Number {
                min,
                max,
                min_open,
                max_open,
                step,
                ..
            } => Values::Number {
                min,
                max,
                min_open,
                max_open,
                step,
                presets: values.to_vec(),
            },
            other => other,
        }
    }

    /// What a setting with these values accepts, in words: "a number from
    /// 0.00001 to 10", "a whole percentage from 0 to 50 in steps of 5", "one of a, b".
    pub fn describe(&self) -> String {
        match self {
            Values::Number {
                min,
                max,
                min_open,
                max_open,
                step,
                ..
            } => {
                let (min, max) = (decimal(*min), decimal(*max));
                let range = match (min_open, max_open) {
                    (false, false) => format!("from {min} to {max}"),
                    (false, true) => format!("from {min} up to but not including {max}"),
                    (true, false) => format!("above {min} and at most {max}"),
                    (true, true) => format!("above {min} and below {max}"),
                };
                let grid = step.map_or(String::new(), |s| format!(" in steps of {}", decimal(s)));
                format!("a number {range}{grid}")
            }
            Values::Whole {
                min,
                max,
                step,
                unit,
            } => {
                let what = match *unit {
                    "" => "a whole number".to_owned(),
                    "%" => "a whole percentage".to_owned(),
                    unit => format!("a whole number of {unit}"),
                };
                let grid = if *step > 1 {
                    format!(" in steps of {step}")
                } else {
                    String::new()
                };
                format!("{what} from {min} to {max}{grid}")
            }
            Values::Choice(choices) => {
                let names: Vec<&str> = choices.iter().map(|c| c.name).collect();
                format!("one of {}", names.join(", "))
            }
            Values::Flag { off, on } => format!("0 ({off}) or 1 ({on})"),
            Values::Text(text) => text.clone(),
        }
    }

    /// Whether `x` is one of these numbers (or whole numbers).
    pub fn contains(&self, x: f64) -> bool {
        match self {
            Values::Number {
                min,
                max,
                min_open,
                max_open,
                step,
                ..
            } => {
                let above = if *min_open { x > *min } else { x >= *min };
                let below = if *max_open { x < *max } else { x <= *max };
                let on_grid = step.is_none_or(|s| {
                    let scaled = x * (1.0 / s).round();
                    (scaled - scaled.round()).abs() < 1e-6
                });
                x.is_finite() && above && below && on_grid
            }
            Values::Whole { min, max, step, .. } => {
                x.fract() == 0.0
                    && x >= *min as f64
                    && x <= *max as f64
                    && (x as u64).is_multiple_of(*step)
            }
            _ => false,
        }
    }

    /// The number `text` names, if it is one of these; on a grid, the nearest
    /// double to `k · step` (the one the decimal literal parses to).
    pub fn read_number(&self, text: &str) -> Option<f64> {
        let x = finite(text)?;
        let x = match self {
            Values::Number {
                step: Some(step), ..
            } => {
                let scale = (1.0 / step).round();
                let k = (x * scale).round();
                if (x * scale - k).abs() >= 1e-6 {
                    return None;
                }
                k / scale + 0.0 // + 0.0 turns −0 into 0
            }
            _ => x,
        };
        self.contains(x).then_some(x)
    }

    /// The whole number `text` names (digits only), if it is one of these.
    pub fn read_whole(&self, text: &str) -> Option<u64> {
        let Values::Whole { min, max, step, .. } = self else {
            return None;
        };
        whole_in(text, &(*min..=*max)).filter(|n| n.is_multiple_of(*step))
    }

    /// The flag `text` names: `0` or `1`.
    pub fn read_flag(text: &str) -> Option<bool> {
        match text {
            "0" => Some(false),
            "1" => Some(true),
            _ => None,
        }
    }
}

/// `x` as a reader writes it: `0.00001`, `-1000`, but `1e-12` where the
/// decimal would run long.
pub fn decimal(x: f64) -> String {
    let plain = format!("{x}");
    if plain.len() > 8 {
        format!("{x:e}")
    } else {
        plain
    }
}
