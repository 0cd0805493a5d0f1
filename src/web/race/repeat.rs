//! The race's repeat over seeds at the JS boundary: started, advanced a
//! bounded number of steps per call (the page calls once per animation
//! frame), reported and drawn as a dot plot.

use super::{backend, comparison, js_error, theme, Race, MAX_PIECES_PER_CALL, MAX_STEPS_PER_CALL};
use crate::plot::dots::{self, DotRow};
use crate::race::{Repeat, REPEAT_LIMIT};
use crate::web::common::canvas::drawable;
use crate::web::common::fields::{self, Fields};
use js_sys::Array;
use plotters::prelude::IntoDrawingArea;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

#[wasm_bindgen]
impl Race {
    /// Starts repeating the race over `seeds` seeds (1 to 20) from its own
    /// seed, each run until the target or 10 000 steps; replaces any repeat.
    pub fn start_repeat(&mut self, seeds: u32) -> Result<(), JsError> {
        let config = self.race.config().clone();
        self.repeat = Some(Repeat::new(config, seeds as usize, REPEAT_LIMIT).map_err(js_error)?);
        Ok(())
    }

    /// Runs at most `budget` SGD steps of the repeat; returns its progress, 0 to 1.
    pub fn repeat_step(&mut self, budget: u32) -> Result<f64, JsError> {
        let repeat = self
            .repeat
            .as_mut()
            .ok_or_else(|| JsError::new("no repeat is running; call start_repeat first"))?;
        repeat
            .step(u64::from(budget.min(MAX_STEPS_PER_CALL)))
            .map_err(js_error)?;
        Ok(repeat.progress())
    }

    /// Does at most `pieces` pieces of the repeat's work (at most 100 000
    /// per call): a stage of one contestant's step, a check of its test
    /// set, or the building of the next seed's race, so a caller that times
    /// its calls keeps each one short however wide the network. Returns its
    /// progress, 0 to 1; the outcomes are those `repeat_step` gives.
    pub fn repeat_work(&mut self, pieces: u32) -> Result<f64, JsError> {
        let repeat = self
            .repeat
            .as_mut()
            .ok_or_else(|| JsError::new("no repeat is running; call start_repeat first"))?;
        repeat
            .work(u64::from(pieces.min(MAX_PIECES_PER_CALL)))
            .map_err(js_error)?;
        Ok(repeat.progress())
    }

    /// Stops and forgets the repeat.
    pub fn cancel_repeat(&mut self) {
        self.repeat = None;
    }

    /// `{progress, finished, seeds, limit}`: progress 0 to 1, the seeds
    /// finished of `seeds`, and the steps a run may take; `null` when no
    /// repeat exists.
    pub fn repeat_status(&self) -> JsValue {
        fields::maybe(self.repeat.as_ref().map(|r| {
            Fields::new()
                .with("progress", r.progress())
                .with("finished", r.finished() as u32)
                .with("seeds", r.seeds() as u32)
                .with("limit", r.limit() as f64)
        }))
    }

    /// One object per contestant over the finished seeds: `{median,
    /// fastest, slowest, reached, runs, speedup}`: the median steps (`null`:
    /// the median run never reached the target), the fastest and slowest
    /// (`null`: none did, or some never did), the runs that reached it of
    /// `runs`, and the median's speed-up against the first contestant (as in
    /// `results`); empty when no repeat exists.
    pub fn repeat_results(&self) -> Array {
        let Some(repeat) = &self.repeat else {
            return Array::new();
        };
        fields::list((0..self.race.len()).map(|i| {
            let spread = repeat.spread(i);
            Fields::new()
                .with("median", fields::maybe(spread.median))
                .with("fastest", fields::step(spread.fastest))
                .with("slowest", fields::step(spread.slowest))
                .with("reached", spread.reached as u32)
                .with("runs", spread.runs as u32)
                .with("speedup", comparison(repeat.speedup(i)))
        }))
    }

    /// Draws the repeat's dot plot: a dot per seed, a bar at each median.
    pub fn draw_repeat(
        &self,
        canvas: HtmlCanvasElement,
        scale: f64,
        dark: bool,
    ) -> Result<(), JsError> {
        let canvas = drawable(canvas)?;
        let root = backend(canvas)?.into_drawing_area();
        let labels = self.labels();
        let (rows, limit) = match &self.repeat {
            Some(repeat) => {
                let rows = (0..self.race.len()).map(|i| DotRow {
                    label: labels[i].clone(),
                    color: self.colors[i],
                    outcomes: repeat.outcomes(i),
                    median: repeat.spread(i).median,
                });
                (rows.collect(), repeat.limit())
            }
            None => (Vec::new(), REPEAT_LIMIT),
        };
        dots::draw(&root, &rows, limit, scale, theme(dark))
            .map_err(|e| JsError::new(&format!("drawing the repeat's dot plot failed: {e}")))
    }
}
