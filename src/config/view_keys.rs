//! The activation explorer's and the softmax panel's link keys, on their
//! sliders' grids, and the one check that spans two keys (xmin below xmax).

use super::key::Key;
use super::problem::LinkProblem;
use super::state::{LinkState, X_LIMIT};
use super::values::{self, list, name_set, number, number_in, Grid};
use crate::activation::Kind;

const LEAKY: Grid = Grid {
    min: 0.0,
    max: 0.3,
    per_unit: 100,
};
const PRELU: Grid = Grid {
    min: -1.0,
    max: 1.0,
    per_unit: 20,
};
const ELU: Grid = Grid {
    min: 0.1,
    max: 3.0,
    per_unit: 10,
};
const MAXOUT_W: Grid = Grid {
    min: -2.0,
    max: 2.0,
    per_unit: 20,
};
const MAXOUT_B: Grid = Grid {
    min: -5.0,
    max: 5.0,
    per_unit: 10,
};
const LOGIT: Grid = Grid {
    min: -5.0,
    max: 5.0,
    per_unit: 10,
};
const TEMPERATURE: Grid = Grid {
    min: 0.1,
    max: 5.0,
    per_unit: 10,
};

/// The explorer's and softmax's keys.
pub const KEYS: &[Key] = &[
    Key {
        name: "curves",
        accepts: |_| {
            format!(
                "a comma-separated list of distinct functions from {} (empty for none)",
                curve_names()
            )
        },
        read: |s, v| name_set(v, &curve_kinds(), Kind::name).map(|x| s.explorer.curves = x),
        write: |s| values::names(&s.explorer.curves, Kind::name),
    },
    Key {
        name: "xmin",
        accepts: |_| format!("a number from -{X_LIMIT} to {X_LIMIT}, below xmax"),
        read: |s, v| number_in(v, &(-X_LIMIT..=X_LIMIT)).map(|x| s.explorer.x_min = x),
        write: |s| number(s.explorer.x_min),
    },
    Key {
        name: "xmax",
        accepts: |_| format!("a number from -{X_LIMIT} to {X_LIMIT}, above xmin"),
        read: |s, v| number_in(v, &(-X_LIMIT..=X_LIMIT)).map(|x| s.explorer.x_max = x),
        write: |s| number(s.explorer.x_max),
    },
    Key {
        name: "leaky",
        accepts: |_| format!("Leaky ReLU's alpha, {}", LEAKY.describe()),
        read: |s, v| LEAKY.read(v).map(|x| s.explorer.leaky_alpha = x),
        write: |s| number(s.explorer.leaky_alpha),
    },
    Key {
        name: "prelu",
        accepts: |_| format!("PReLU's slope, {}", PRELU.describe()),
        read: |s, v| PRELU.read(v).map(|x| s.explorer.prelu_slope = x),
        write: |s| number(s.explorer.prelu_slope),
    },
    Key {
        name: "elu",
        accepts: |_| format!("ELU's alpha, {}", ELU.describe()),
        read: |s, v| ELU.read(v).map(|x| s.explorer.elu_alpha = x),
        write: |s| number(s.explorer.elu_alpha),
    },
    Key {
        name: "maxout",
        accepts: |_| {
            format!(
                "four numbers w1,b1,w2,b2: each w {}, each b {}",
                MAXOUT_W.describe(),
                MAXOUT_B.describe()
            )
        },
        read: |s, v| read_maxout(v).map(|x| s.explorer.maxout = x),
        write: |s| values::numbers(&s.explorer.maxout),
    },
    Key {
        name: "x",
        accepts: |_| format!("the cursor's x, a number from -{X_LIMIT} to {X_LIMIT}"),
        read: |s, v| number_in(v, &(-X_LIMIT..=X_LIMIT)).map(|x| s.explorer.cursor = x),
        write: |s| number(s.explorer.cursor),
    },
    Key {
        name: "logits",
        accepts: |_| format!("3 to 5 comma-separated logits, each {}", LOGIT.describe()),
        read: |s, v| list(v, &(3..=5), |x| LOGIT.read(x)).map(|x| s.softmax.logits = x),
        write: |s| values::numbers(&s.softmax.logits),
    },
    Key {
        name: "t",
        accepts: |_| format!("the temperature, {}", TEMPERATURE.describe()),
        read: |s, v| TEMPERATURE.read(v).map(|x| s.softmax.temperature = x),
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
        MAXOUT_W.read(w1)?,
        MAXOUT_B.read(b1)?,
        MAXOUT_W.read(w2)?,
        MAXOUT_B.read(b2)?,
    ])
}
