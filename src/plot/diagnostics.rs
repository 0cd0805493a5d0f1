//! The diagnostics charts: gradient size per layer over time (log scale,
//! here), dead units and saturation over time (`units`), the mean and spread
//! of each layer's activations (`activations`), and what they share
//! (`chart`); the z histograms are in `histograms`.

mod activations;
mod chart;
mod units;

pub use activations::draw_activations;
pub(crate) use chart::font;
pub use chart::{layer_color, points, Field};
pub use units::draw_units;

use crate::diagnostics::Diagnostics;
use crate::plot::Theme;
use chart::{builder, draw_line, finish, last_step, mesh, PlotResult};
use plotters::coord::Shift;
use plotters::prelude::*;

/// Mean |dL/dW| of every layer over the steps, one line per layer on a log
/// scale: in a deep sigmoid net the first layers sit decades below the last.
pub fn draw_gradients<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    diagnostics: &Diagnostics,
    scale: f64,
    theme: Theme,
) -> PlotResult<DB> {
    root.fill(&theme.background)?;
    let layers = diagnostics.labels().len();
    let lines: Vec<_> = (0..layers)
        .map(|l| points(diagnostics, l, Field::Gradient))
        .map(|line| line.into_iter().filter(|p| p.1 > 0.0).collect::<Vec<_>>())
        .collect();
    let (lo, hi) = decades(lines.iter().flatten().map(|p| p.1));
    let caption = "mean |dL/dW| per layer (log scale)";
    let x_end = last_step(diagnostics);
    let mut chart = builder(root, (caption, 1.15), 52.0, (x_end, true), scale, theme)
        .build_cartesian_2d(0.0..x_end, (lo..hi).log_scale())?;
    mesh!(chart, scale, theme, |y: &f64| format!("{y:.0e}"), true)?;
    let (mut entries, mut drawn) = (Vec::new(), Vec::new());
    for (l, line) in lines.into_iter().enumerate() {
        let color = layer_color(l, layers, theme);
        draw_line(&mut chart, line, (color, &mut drawn), scale)?;
        entries.push((diagnostics.labels()[l].clone(), color));
    }
    finish(root, &chart, (&entries, (&drawn, &[])), scale, theme)
}

/// Whole decades around the positive `values` (1e-6 … 1 when there are none).
pub fn decades(values: impl Iterator<Item = f64>) -> (f64, f64) {
    // Clamped, so that an overflowed gradient still gives whole, finite decades.
    let limit = super::span::AXIS_LIMIT;
    let values = values
        .filter(|v| *v > 0.0)
        .map(|v| v.clamp(1.0 / limit, limit));
    let (lo, hi) = values.fold((f64::INFINITY, 0.0_f64), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    if !(lo.is_finite() && hi > 0.0) {
        return (1e-6, 1.0);
    }
    let lo = libm::pow(10.0, libm::log10(lo).floor());
    let hi = libm::pow(10.0, libm::log10(hi).ceil()).max(lo * 10.0);
    (lo, hi)
}
