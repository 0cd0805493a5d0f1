//! The link keys of the regularisation: `reg`, `reg_rate`, and the older
//! `l2`. The rate is read after `reg` and only accepted with L1 or L2; at its
//! standard default it is left out.

use super::choices;
use super::key::{none, owned, put, unless_default, Key};
use super::setting::Values;
use crate::train::{self, Regularization};

fn rate() -> Values {
    Values::number(train::REGULARIZATION_RATE)
}

/// The regularisation rates the page's menu offers; a link may carry any from 0 to 10.
const RATES: [f64; 11] = [
    0.0, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0,
];

/// The regularisation's keys.
pub(super) const KEYS: &[Key] = &[
    Key {
        // Older links' L2 rate: `l2=0.01` is `reg=l2&reg_rate=0.01`, and
        // `l2=0` no regularisation. Links are written with `reg`, never with it.
        name: "l2",
        label: "",
        values: |_| rate(),
        note: none,
        help: "Older links' L2 rate; 0 for none.",
        read: |s, v| {
            let rate = rate().read_number(v)?;
            s.training.regularization = if rate > 0.0 {
                Regularization::L2(rate)
            } else {
                Regularization::None
            };
            Some(())
        },
        write: |_| String::new(),
    },
    Key {
        name: "reg",
        label: "Regularisation",
        values: |_| Values::Choice(choices::regularizers()),
        note: none,
        help: "A penalty on the weights' size: none, L1 or L2.",
        read: |s, v| {
            let rate = s.training.regularization.rate();
            let rate = rate.unwrap_or(train::DEFAULT_RATE);
            Regularization::named(v, rate).map(|x| s.training.regularization = x)
        },
        write: |s| s.training.regularization.name().into(),
    },
    Key {
        name: "reg_rate",
        label: "Regularisation rate",
        values: |_| rate().presets(&RATES),
        note: |s| owned("reg=l1 or reg=l2", "reg", s.training.regularization.name()),
        help: "How strongly the penalty pulls the weights to zero.",
        read: |s, v| {
            let x = rate().read_number(v)?;
            match &mut s.training.regularization {
                Regularization::None => None,
                Regularization::L1(rate) | Regularization::L2(rate) => put(rate, x),
            }
        },
        write: |s| unless_default(s.training.regularization.rate(), train::DEFAULT_RATE),
    },
];
