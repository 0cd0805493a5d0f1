//! The race's loss chart (the loss chart of `loss`, overlaid): every
//! contestant's test loss strong and train loss faint, one colour each, with
//! the target drawn across; and the contestants' colours.

use super::loss::{self, Lines, Overlay};
use super::palette::OKABE_ITO;
use super::{color_of, Theme};
use crate::activation::Kind;
use crate::race::Target;
use crate::session::Record;
use plotters::coord::Shift;
use plotters::prelude::*;

/// Okabe–Ito colours for a contestant whose activation's colour is taken.
/// (Black, sky blue, yellow, orange.)
const SPARE: [RGBColor; 4] = [OKABE_ITO[7], OKABE_ITO[5], OKABE_ITO[6], OKABE_ITO[4]];

/// One colour per contestant: its activation's colour (as in the explorer),
/// or for a second contestant of the same kind a spare that no one uses.
pub fn contestant_colors(kinds: &[Kind]) -> Vec<RGBColor> {
    let mut colors: Vec<RGBColor> = Vec::with_capacity(kinds.len());
    for &kind in kinds {
        let own = color_of(kind);
        let free = |c: &RGBColor| !colors.contains(c) && !kinds.iter().any(|&k| color_of(k) == *c);
        let color = if colors.contains(&own) {
            SPARE.into_iter().find(free).unwrap_or(own)
        } else {
            own
        };
        colors.push(color);
    }
    colors
}

/// One contestant's line in the chart.
pub struct Entry<'a> {
    pub label: String,
    pub color: RGBColor,
    /// Oldest first.
    pub records: &'a [Record],
}

/// Draws every entry; `classifier` adds the accuracy panel; the target is
/// drawn across the panel of its measure.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    entries: &[Entry],
    classifier: bool,
    target: Target,
    scale: f64,
    theme: Theme,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let strong = (2.0 * scale).max(1.0) as u32;
    let lines = entries.iter().map(|e| Lines {
        records: e.records,
        train: e.color.mix(0.45).stroke_width(1),
        test: e.color.stroke_width(strong),
    });
    // One legend for both panels: a contestant has one colour in each.
    let legend = |_: &str| entries.iter().map(|e| (e.label.clone(), e.color)).collect();
    let overlay = Overlay {
        lines: lines.collect(),
        legend: &legend,
        loss_level: match target {
            Target::Loss(loss) => Some(loss),
            Target::Accuracy(_) => None,
        },
        accuracy_level: match target {
            Target::Accuracy(percent) => Some(f64::from(percent) / 100.0),
            Target::Loss(_) => None,
        },
    };
    loss::draw_overlay(root, &overlay, classifier, scale, theme)
}
