//! The race (docs/js-api.md, "The race: Race"): `Race` builds a race from a
//! link's fragment, advances it a bounded number of steps per call, reports
//! each contestant, and draws the loss chart and each contestant's
//! boundary; the multi-seed repeat is in `repeat`.

mod repeat;

use super::common::canvas::{drawable, theme, Canvas, NO_2D_CONTEXT};
use super::common::convert::{js_error, text};
use super::common::fields::{self, Fields};
use super::common::heatmap::HeatmapCanvas;
use super::common::strict::strict_link;
use crate::plot::heatmap::PointStyle;
use crate::plot::hex;
use crate::plot::race::{self as chart, contestant_colors, Entry};
use crate::race::{self, Comparison, RaceConfig, Repeat, Target};
use crate::session::Record;
use js_sys::Array;
use plotters::prelude::{IntoDrawingArea, RGBColor};
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

/// Points per side of each small boundary plot's grid.
const BOUNDARY_RESOLUTION: usize = 60;
/// Most steps one `run` or `repeat_step` call may take.
const MAX_STEPS_PER_CALL: u32 = 100_000;
/// Most pieces of work one `work` or `repeat_work` call may do.
const MAX_PIECES_PER_CALL: u32 = 100_000;

/// A speed-up as `{kind, value}`: "times" (both reached the target: `value`
/// times fewer steps), "at_least" (only this one reached it so far),
/// "at_most" (only the first did), "unknown", "diverged" (this one blew up:
/// out of the race) or "no_reference" (the first one did); `value` null for
/// the last three.
fn comparison(c: Comparison) -> Fields {
    let (kind, value) = match c {
        Comparison::Times(x) => ("times", Some(x)),
        Comparison::AtLeast(x) => ("at_least", Some(x)),
        Comparison::AtMost(x) => ("at_most", Some(x)),
        Comparison::Unknown => ("unknown", None),
        Comparison::Diverged => ("diverged", None),
        Comparison::NoReference => ("no_reference", None),
    };
    Fields::new()
        .with("kind", kind)
        .with("value", fields::maybe(value))
}

/// The race, kept in wasm memory between frames.
#[wasm_bindgen]
pub struct Race {
    race: race::Race,
    colors: Vec<RGBColor>,
    /// Shared by the contestants, which draw on canvases of one size from the same data.
    heatmap: HeatmapCanvas,
    repeat: Option<Repeat>,
}

#[wasm_bindgen]
impl Race {
    /// A race from a link's fragment: the training keys give the shared
    /// settings, `race`, `target` and `seeds` the race (docs/link-keys.md).
    /// Throws an Error naming each bad key, or what makes the race impossible.
    pub fn from_link(fragment: JsValue) -> Result<Race, JsError> {
        let state = strict_link(&text(&fragment, "fragment")?)?;
        let config = RaceConfig {
            base: state.training,
            contestants: state.race.contestants,
            target: state.race.target,
        };
        let kinds: Vec<_> = config.contestants.iter().map(|c| c.activation).collect();
        Ok(Race {
            race: race::Race::new(config).map_err(js_error)?,
            colors: contestant_colors(&kinds),
            heatmap: HeatmapCanvas::new(BOUNDARY_RESOLUTION),
            repeat: None,
        })
    }

    /// Runs `steps` SGD steps in every contestant (at most 100 000 per call).
    pub fn run(&mut self, steps: u32) {
        self.race.run(u64::from(steps.min(MAX_STEPS_PER_CALL)));
    }

    /// Does at most `pieces` pieces of the work of reaching step `target`
    /// (at most 100 000 per call), and returns how many it did: 0 once the
    /// race is there. A piece is one stage of one contestant's step, or its
    /// check of the test set every 10 steps, so a caller that times its
    /// calls keeps each one short however wide the network (the page's
    /// catch-up of a link's `race_steps`); the runs end with the same
    /// weights as `run` gives. Nothing is recorded: call `record` for each
    /// contestant before drawing.
    pub fn work(&mut self, target: u32, pieces: u32) -> u32 {
        let pieces = u64::from(pieces.min(MAX_PIECES_PER_CALL));
        // At most MAX_PIECES_PER_CALL, so it fits.
        self.race.work(u64::from(target), pieces) as u32
    }

    /// Records contestant `index`'s losses now, for the loss chart and
    /// `results` (`run` records every contestant itself). Throws an Error
    /// if there is no such contestant.
    pub fn record(&mut self, index: u32) -> Result<(), JsError> {
        let count = self.race.len();
        if index as usize >= count {
            return Err(JsError::new(&format!(
                "contestant {index} does not exist; the race has {count}"
            )));
        }
        self.race.record(index as usize);
        Ok(())
    }

    /// Back to step 0 and the shared start.
    pub fn reset(&mut self) {
        self.race.reset();
    }

    /// Steps the race has run.
    pub fn step_count(&self) -> f64 {
        self.race.step_count() as f64
    }

    /// Sets the target: `measure` "loss" (a test loss from 0.001 to 10) or
    /// "accuracy" (a whole test-accuracy percentage from 1 to 100).
    pub fn set_target(&mut self, measure: JsValue, value: f64) -> Result<(), JsError> {
        let measure = text(&measure, "measure")?;
        let target = match measure.as_str() {
            "loss" => Target::Loss(value),
            "accuracy" if value.fract() == 0.0 && (1.0..=100.0).contains(&value) => {
                Target::Accuracy(value as u32)
            }
            "accuracy" => Target::Accuracy(0),
            _ => {
                return Err(JsError::new(&format!(
                    "the target's measure must be \"loss\" or \"accuracy\", got \"{measure}\""
                )))
            }
        };
        self.race.set_target(target).map_err(js_error)
    }

    /// Each contestant's name ("ReLU", "Leaky ReLU (alpha 0.1)", …).
    pub fn labels(&self) -> Vec<String> {
        let contestants = &self.race.config().contestants;
        contestants.iter().map(|c| c.label()).collect()
    }

    /// Each contestant's colour, `#rrggbb`.
    pub fn colors(&self) -> Vec<String> {
        self.colors.iter().map(|&c| hex(c)).collect()
    }

    /// True when the output is softmax over classes (accuracy applies).
    pub fn is_classifier(&self) -> bool {
        self.race.config().base.dataset.classes() > 0
    }

    /// One object per contestant: `{reached_at, train_loss, test_loss,
    /// train_accuracy, test_accuracy, dead_units, hidden_units, diverged_at,
    /// speedup}`: the checked step at which it met the target (`null`: not
    /// yet), the latest losses and accuracies (`null` for regression), its
    /// dead and all its hidden units, the step it diverged at (`null`: it
    /// did not) and its speed-up against the first contestant (`{kind,
    /// value}`, see `comparison`).
    pub fn results(&self) -> Array {
        fields::list((0..self.race.len()).map(|i| {
            let latest = self.race.session(i).map(|s| s.latest());
            let pick = |f: fn(&Record) -> f64| latest.as_ref().map_or(f64::NAN, f);
            let (dead, units) = self.race.dead_units(i);
            Fields::new()
                .with("reached_at", fields::step(self.race.reached(i)))
                .with("train_loss", pick(|r| r.train_loss))
                .with("test_loss", pick(|r| r.test_loss))
                .with("train_accuracy", fields::known(pick(|r| r.train_accuracy)))
                .with("test_accuracy", fields::known(pick(|r| r.test_accuracy)))
                .with("dead_units", dead as u32)
                .with("hidden_units", units as u32)
                .with("diverged_at", fields::step(self.race.diverged_at(i)))
                .with("speedup", comparison(self.race.speedup(i)))
        }))
    }

    /// Whether every contestant met the target or diverged: Play stops then.
    pub fn finished(&self) -> bool {
        self.race.finished()
    }

    /// Draws every contestant's train and test loss (and accuracy) over the steps.
    pub fn draw_loss(
        &self,
        canvas: HtmlCanvasElement,
        scale: f64,
        dark: bool,
    ) -> Result<(), JsError> {
        let canvas = drawable(canvas)?;
        let labels = self.labels();
        let entries: Vec<Entry> = (0..self.race.len())
            .filter_map(|i| self.race.session(i).map(|s| (i, s)))
            .map(|(i, session)| Entry {
                label: labels[i].clone(),
                color: self.colors[i],
                records: session.history().records(),
            })
            .collect();
        let root = backend(canvas)?.into_drawing_area();
        let target = self.race.config().target;
        chart::draw(
            &root,
            &entries,
            self.is_classifier(),
            target,
            scale,
            theme(dark),
        )
        .map_err(|e| JsError::new(&format!("drawing the race's loss chart failed: {e}")))
    }

    /// Paints contestant `index`'s decision boundary and the data on `canvas`.
    pub fn draw_boundary(
        &mut self,
        index: u32,
        canvas: HtmlCanvasElement,
        scale: f64,
        show_test: bool,
        dark: bool,
    ) -> Result<(), JsError> {
        let canvas = drawable(canvas)?;
        let count = self.race.len();
        let session = self.race.session_mut(index as usize).ok_or_else(|| {
            JsError::new(&format!(
                "contestant {index} does not exist; the race has {count}"
            ))
        })?;
        let style = PointStyle {
            radius: 2.5 * scale.clamp(0.5, 4.0),
            show_test,
        };
        let (trainer, test) = session.trainer_and_test();
        self.heatmap
            .draw(&canvas, trainer, test, style, theme(dark))
    }
}

fn backend(canvas: HtmlCanvasElement) -> Result<Canvas, JsError> {
    Canvas::new(canvas).ok_or_else(|| JsError::new(NO_2D_CONTEXT))
}
