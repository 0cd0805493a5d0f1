//! Dead units per hidden layer and the saturated fraction of each sigmoid or
//! tanh layer, over the steps.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::chart::{
    builder, draw_line, font, last_step, layer_color, mesh, points, Field, PlotResult,
};
use crate::diagnostics::Diagnostics;
use crate::plot::span::span;
use crate::plot::{legend, Theme};

/// Two panels over the steps: dead units per hidden layer (above) and the
/// saturated fraction of each sigmoid or tanh layer (below).
pub fn draw_units<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    diagnostics: &Diagnostics,
    scale: f64,
    theme: Theme,
) -> PlotResult<DB> {
    root.fill(&theme.background)?;
    let hidden = diagnostics.labels().len().saturating_sub(1);
    let most = diagnostics.latest()[..hidden]
        .iter()
        .map(|s| s.units)
        .max()
        .unwrap_or(1);
    let (top, bottom) = root.split_vertically(root.dim_in_pixel().1 / 2);
    let caption = "dead units per layer (ReLU output 0 on every training point)";
    over_time(
        &top,
        diagnostics,
        (Field::Dead, false),
        caption,
        most.max(1) as f64,
        scale,
        theme,
    )?;
    let caption = "saturated fraction of z (sigmoid, tanh: |f′(z)| < 0.01)";
    over_time(
        &bottom,
        diagnostics,
        (Field::Saturated, true),
        caption,
        1.0,
        scale,
        theme,
    )?;
    root.present()
}

/// One panel: `field` of every hidden layer over the steps, from 0 to `top`.
/// The lower panel (`bottom`) names the x axis; the upper one holds the
/// legend of every hidden layer, which the two panels share (a layer has
/// one colour in both), so that six layers' entries are written once.
#[allow(clippy::too_many_arguments)]
fn over_time<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    diagnostics: &Diagnostics,
    (field, bottom): (Field, bool),
    caption: &str,
    top: f64,
    scale: f64,
    theme: Theme,
) -> PlotResult<DB> {
    let layers = diagnostics.labels().len();
    let x_end = last_step(diagnostics);
    let mut chart = builder(area, (caption, 1.1), 40.0, (x_end, bottom), scale, theme)
        .build_cartesian_2d(0.0..x_end, span(0.0, top * 1.05))?;
    mesh!(chart, scale, theme, |y: &f64| format!("{y}"), bottom)?;
    let (mut entries, mut drawn, mut any) = (Vec::new(), Vec::new(), false);
    for l in 0..layers.saturating_sub(1) {
        let color = layer_color(l, layers, theme);
        entries.push((diagnostics.labels()[l].clone(), color));
        let line = points(diagnostics, l, field);
        if !line.is_empty() {
            any = true;
            draw_line(&mut chart, line, (color, &mut drawn), scale)?;
        }
    }
    let plot = chart.plotting_area().strip_coord_spec();
    if !any {
        return say_none(&plot, field, scale, theme);
    }
    if bottom {
        return Ok(());
    }
    legend::draw(
        &plot,
        &entries,
        &font(scale, theme),
        scale,
        theme,
        (&drawn, &[]),
    )
}

/// Says, in the middle of an empty panel, why it has no lines.
fn say_none<DB: DrawingBackend>(
    plot: &DrawingArea<DB, Shift>,
    field: Field,
    scale: f64,
    theme: Theme,
) -> PlotResult<DB> {
    let text = match field {
        Field::Saturated => "no sigmoid or tanh layer: only they saturate",
        _ => "no hidden layers",
    };
    let (width, height) = plot.dim_in_pixel();
    let style = font(scale, theme).pos(Pos::new(HPos::Center, VPos::Center));
    let middle = (width as i32 / 2, height as i32 / 2);
    plot.draw(&Text::new(text, middle, style))
}
