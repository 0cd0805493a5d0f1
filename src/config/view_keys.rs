//! The activation explorer's and the softmax panel's link keys, on their
//! sliders' grids, and the one check that spans two keys (xmin below xmax).

use super::key::{none, Key};
use super::problem::LinkProblem;
use super::setting::Values;
use super::state::{LinkState, X_LIMIT};
use super::values::{self, list, name_set, number};
use crate::activation::Kind;

/// An activation's parameter slider: the parameter's one range (the same
/// everywhere it is accepted) on the slider's grid.
fn param_values(kind: Kind) -> Values {
    let spec = kind.param().expect("a kind with a parameter");
    Values::grid(spec.min, spec.max, spec.step)
}

/// The explorer's sliders and the softmax panel's, each on its grid.
fn leaky() -> Values {
    param_values(Kind::LeakyRelu)
}
fn prelu() -> Values {
    param_values(Kind::Prelu)
}
fn elu() -> Values {
    param_values(Kind::Elu)
}
fn maxout_w() -> Values {
    Values::grid(-2.0, 2.0, 0.05)
}
fn maxout_b() -> Values {
    Values::grid(-5.0, 5.0, 0.1)
}
fn logit() -> Values {
    Values::grid(-5.0, 5.0, 0.1)
}
fn temperature() -> Values {
    Values::grid(0.1, 5.0, 0.1)
}
/// The softmax panel's classes: 3 to 5 logits.
const LOGITS: (usize, usize) = (3, 5);
/// The x range the explorer draws.
fn x_range() -> Values {
    Values::number(-X_LIMIT..=X_LIMIT)
}

/// The named parts of the explorer's and softmax's structured keys, each
/// with its values (the sliders behind `maxout` and `logits`).
pub fn parts(key: &str) -> Option<Vec<(&'static str, Values)>> {
    match key {
        "maxout" => Some(vec![("w", maxout_w()), ("b", maxout_b())]),
        "logits" => Some(vec![
            (
                "count",
                Values::whole(LOGITS.0 as u64..=LOGITS.1 as u64, "logits"),
            ),
            ("logit", logit()),
        ]),
        _ => None,
    }
}

/// The explorer's and softmax's keys.
pub const KEYS: &[Key] = &[
    Key {
        name: "curves",
        label: "",
        values: |_| {
            Values::Text(format!(
                "a comma-separated list of distinct functions from {} (empty for none)",
                curve_names()
            ))
        },
        note: none,
        help: "The functions the explorer draws.",
        read: |s, v| name_set(v, &curve_kinds(), Kind::name).map(|x| s.explorer.curves = x),
        write: |s| values::names(&s.explorer.curves, Kind::name),
    },
    Key {
        name: "xmin",
        label: "x from",
        values: |_| x_range(),
        note: |_| ", below xmax".into(),
        help: "The left end of the x range drawn.",
        read: |s, v| x_range().read_number(v).map(|x| s.explorer.x_min = x),
        write: |s| number(s.explorer.x_min),
    },
    Key {
        name: "xmax",
        label: "x to",
        values: |_| x_range(),
        note: |_| ", above xmin".into(),
        help: "The right end of the x range drawn.",
        read: |s, v| x_range().read_number(v).map(|x| s.explorer.x_max = x),
        write: |s| number(s.explorer.x_max),
    },
    Key {
        name: "leaky",
        label: "Leaky ReLU alpha",
        values: |_| leaky(),
        note: none,
        help: "Leaky ReLU's slope for negative x.",
        read: |s, v| leaky().read_number(v).map(|x| s.explorer.leaky_alpha = x),
        write: |s| number(s.explorer.leaky_alpha),
    },
    Key {
        name: "prelu",
        label: "PReLU slope a",
        values: |_| prelu(),
        note: none,
        help: "PReLU's slope for negative x (learned in a network).",
        read: |s, v| prelu().read_number(v).map(|x| s.explorer.prelu_slope = x),
        write: |s| number(s.explorer.prelu_slope),
    },
    Key {
        name: "elu",
        label: "ELU alpha",
        values: |_| elu(),
        note: none,
        help: "The level ELU approaches for very negative x, as -alpha.",
        read: |s, v| elu().read_number(v).map(|x| s.explorer.elu_alpha = x),
        write: |s| number(s.explorer.elu_alpha),
    },
    Key {
        name: "maxout",
        label: "",
        values: |_| {
            Values::Text(format!(
                "four numbers w1,b1,w2,b2: each w {}, each b {}",
                maxout_w().describe(),
                maxout_b().describe()
            ))
        },
        note: none,
        help: "Maxout's two lines, max(w1·x + b1, w2·x + b2).",
        read: |s, v| read_maxout(v).map(|x| s.explorer.maxout = x),
        write: |s| values::numbers(&s.explorer.maxout),
    },
    Key {
        name: "x",
        label: "",
        values: |_| x_range(),
        note: |_| ", the cursor's x".into(),
        help: "Where the readout cursor stands.",
        read: |s, v| x_range().read_number(v).map(|x| s.explorer.cursor = x),
        write: |s| number(s.explorer.cursor),
    },
    Key {
        name: "logits",
        label: "",
        values: |_| {
            Values::Text(format!(
                "{} to {} comma-separated logits, each {}",
                LOGITS.0,
                LOGITS.1,
                logit().describe()
            ))
        },
        note: none,
        help: "The softmax panel's logits, one per class.",
        read: |s, v| {
            let logits = list(v, &(LOGITS.0..=LOGITS.1), |x| logit().read_number(x));
            logits.map(|x| s.softmax.logits = x)
        },
        write: |s| values::numbers(&s.softmax.logits),
    },
    Key {
        name: "t",
        label: "Temperature",
        values: |_| temperature(),
        note: none,
        help: "Softmax's temperature: high flattens, low sharpens.",
        read: |s, v| {
            temperature()
                .read_number(v)
                .map(|x| s.softmax.temperature = x)
        },
        write: |s| number(s.softmax.temperature),
    },
];

/// The check that spans two keys, after every key was read: xmin below
/// xmax. (`batch` is read after `split`, so it checks its own limit.) A key
/// given in the link that breaks it falls back to its default and is reported.
pub fn cross_check(state: &mut LinkState, given: &[&str]) -> Vec<LinkProblem> {
    let mut problems = Vec::new();
    let default = LinkState::default();
    let explorer = &mut state.explorer;
    if explorer.x_min >= explorer.x_max {
        let got = format!(
            "xmin={} and xmax={}",
            number(explorer.x_min),
            number(explorer.x_max)
        );
        for name in ["xmin", "xmax"].into_iter().filter(|n| given.contains(n)) {
            problems.push(LinkProblem::new(
                name,
                format!(
                    "needs xmin below xmax; got {got} (both fall back to -10 and 10 where given)"
                ),
            ));
        }
        if given.contains(&"xmin") {
            explorer.x_min = default.explorer.x_min;
        }
        if given.contains(&"xmax") {
            explorer.x_max = default.explorer.x_max;
        }
        if explorer.x_min >= explorer.x_max {
            (explorer.x_min, explorer.x_max) = (default.explorer.x_min, default.explorer.x_max);
        }
    }
    problems
}

/// The explorer draws element-wise functions and maxout.
fn curve_kinds() -> Vec<Kind> {
    Kind::ALL
        .into_iter()
        .filter(|&k| k != Kind::Softmax)
        .collect()
}

fn curve_names() -> String {
    values::names(&curve_kinds(), Kind::name).replace(',', ", ")
}

fn read_maxout(text: &str) -> Option<[f64; 4]> {
    let parts: Vec<&str> = text.split(',').collect();
    let [w1, b1, w2, b2] = parts.as_slice() else {
        return None;
    };
    Some([
        maxout_w().read_number(w1)?,
        maxout_b().read_number(b1)?,
        maxout_w().read_number(w2)?,
        maxout_b().read_number(b2)?,
    ])
}
