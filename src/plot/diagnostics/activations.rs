//! The mean of each hidden layer's activations over the steps, with a band
//! of ± one spread around it.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::chart::{
    builder, draw_line, finish, font, last_step, layer_color, mesh, points, Field, PlotResult,
};
use crate::diagnostics::Diagnostics;
use crate::plot::legend::in_pixels;
use crate::plot::span::span;
use crate::plot::Theme;

type Points = Vec<(f64, f64)>;

/// Each hidden layer's means and spreads of a over the steps.
fn bands(diagnostics: &Diagnostics) -> Vec<(Points, Points)> {
    let hidden = diagnostics.labels().len().saturating_sub(1);
    (0..hidden)
        .map(|l| {
            let means = points(diagnostics, l, Field::Mean);
            let spreads = points(diagnostics, l, Field::Spread);
            (means, spreads)
        })
        .collect()
}

/// The y range that holds every band, padded a little, at least −0.1 … 0.1.
fn band_range(bands: &[(Points, Points)]) -> (f64, f64) {
    let (lo, hi) = bands
        .iter()
        .flat_map(|(m, s)| m.iter().zip(s).map(|(m, s)| (m.1 - s.1, m.1 + s.1)))
        .fold((-0.1_f64, 0.1_f64), |(lo, hi), (a, b)| {
            (lo.min(a), hi.max(b))
        });
    let pad = (hi - lo) * 0.05;
    (lo - pad, hi + pad)
}

/// The outline of mean ± spread: along the top, then back along the bottom.
fn band_outline(means: &[(f64, f64)], spreads: &[(f64, f64)]) -> Points {
    let upper = means.iter().zip(spreads).map(|(m, s)| (m.0, m.1 + s.1));
    let lower = means
        .iter()
        .zip(spreads)
        .rev()
        .map(|(m, s)| (m.0, m.1 - s.1));
    upper.chain(lower).collect()
}

/// The mean of each hidden layer's activations over the steps, with a band
/// of ± one spread (standard deviation) around it.
pub fn draw_activations<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    diagnostics: &Diagnostics,
    scale: f64,
    theme: Theme,
) -> PlotResult<DB> {
    root.fill(&theme.background)?;
    let layers = diagnostics.labels().len();
    let bands = bands(diagnostics);
    let (lo, hi) = band_range(&bands);
    let caption = "mean of a per layer, ± one spread";
    let x_end = last_step(diagnostics);
    let mut chart = builder(root, (caption, 1.15), 40.0, (x_end, true), scale, theme)
        .build_cartesian_2d(0.0..x_end, span(lo, hi))?;
    mesh!(chart, scale, theme, |y: &f64| format!("{y:.2}"), true)?;
    let zero = vec![(0.0, 0.0), (x_end, 0.0)];
    chart.draw_series(std::iter::once(PathElement::new(
        zero,
        theme.foreground.mix(0.5),
    )))?;
    let (mut entries, mut drawn, mut filled) = (Vec::new(), Vec::new(), Vec::new());
    for (l, (means, spreads)) in bands.into_iter().enumerate() {
        let color = layer_color(l, layers, theme);
        let outline = band_outline(&means, &spreads);
        // The band itself, for the legend to avoid: inside a wide band it would cross no line.
        let edges = means.iter().zip(&spreads);
        let upper = in_pixels(&chart, edges.clone().map(|(m, s)| (m.0, m.1 + s.1)));
        let lower = in_pixels(&chart, edges.map(|(m, s)| (m.0, m.1 - s.1)));
        filled.push(
            upper
                .iter()
                .zip(&lower)
                .map(|(u, d)| (u.0, u.1, d.1))
                .collect(),
        );
        let band = Polygon::new(outline, color.mix(0.15).filled());
        chart.draw_series(std::iter::once(band))?;
        draw_line(&mut chart, means, (color, &mut drawn), scale)?;
        entries.push((diagnostics.labels()[l].clone(), color));
    }
    finish(root, &chart, (&entries, (&drawn, &filled)), scale, theme)
}
