//! The race's repeat over seeds at the JS boundary: started, advanced a
//! bounded number of steps per call (the page calls once per animation
//! frame), reported and drawn as a dot plot.

use super::{
    backend, comparison, js_error, steps, theme, Race, MAX_PIECES_PER_CALL, MAX_STEPS_PER_CALL,
};
use crate::plot::dots::{self, DotRow};
use crate::race::{Repeat, REPEAT_LIMIT};
use crate::web::canvas::drawable;
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

    /// `[progress 0–1, seeds finished, seeds, step limit]`; empty when no repeat exists.
    pub fn repeat_status(&self) -> Vec<f64> {
        self.repeat.as_ref().map_or_else(Vec::new, |r| {
            vec![
                r.progress(),
                r.finished() as f64,
                r.seeds() as f64,
                r.limit() as f64,
            ]
        })
    }

    /// 7 numbers per contestant over the finished seeds: median steps (NaN:
    /// the median run never reached the target), fastest, slowest (NaN: some
    /// never did), runs that reached it, runs, and the median's speed-up
    /// against the first contestant as [kind, value] (as in `results`).
    pub fn repeat_results(&self) -> Vec<f64> {
        let Some(repeat) = &self.repeat else {
            return Vec::new();
        };
        let mut out = Vec::with_capacity(self.race.len() * 7);
        for i in 0..self.race.len() {
            let spread = repeat.spread(i);
            out.extend([
                spread.median.unwrap_or(f64::NAN),
                steps(spread.fastest),
                steps(spread.slowest),
                spread.reached as f64,
                spread.runs as f64,
            ]);
            out.extend(comparison(repeat.speedup(i)));
        }
        out
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
