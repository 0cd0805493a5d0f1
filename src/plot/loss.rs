//! The loss chart: train and test loss over the steps, and below it the
//! accuracy for classification.

use super::{legend, Theme};
use crate::session::Record;
use plotters::coord::Shift;
use plotters::prelude::*;

/// Train in the theme's foreground colour, test in vermillion.
const TEST_COLOR: RGBColor = RGBColor(213, 94, 0);

type PlotResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// Draws `records` (oldest first); `classifier` adds the accuracy panel.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    records: &[Record],
    classifier: bool,
    scale: f64,
    theme: Theme,
) -> PlotResult<DB> {
    root.fill(&theme.background)?;
    let last_step = records.last().map_or(1, |r| r.step.max(1)) as f64;
    if classifier {
        let height = root.dim_in_pixel().1;
        let (top, bottom) = root.split_vertically(height * 3 / 5);
        let loss = |r: &Record| (r.train_loss, r.test_loss);
        panel(&top, records, last_step, "loss", loss, None, scale, theme)?;
        let accuracy = |r: &Record| (r.train_accuracy, r.test_accuracy);
        panel(
            &bottom,
            records,
            last_step,
            "accuracy",
            accuracy,
            Some(1.0),
            scale,
            theme,
        )?;
    } else {
        let loss = |r: &Record| (r.train_loss, r.test_loss);
        panel(root, records, last_step, "loss", loss, None, scale, theme)?;
    }
    root.present()?;
    Ok(())
}

/// One panel: the train and test series that `pick` takes from each record.
#[allow(clippy::too_many_arguments)]
fn panel<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    records: &[Record],
    last_step: f64,
    name: &str,
    pick: impl Fn(&Record) -> (f64, f64),
    fixed_top: Option<f64>,
    scale: f64,
    theme: Theme,
) -> PlotResult<DB> {
    let fg = theme.foreground;
    let finite = |v: f64| v.is_finite().then_some(v);
    let top = fixed_top.unwrap_or_else(|| {
        let highest = records
            .iter()
            .flat_map(|r| {
                let (a, b) = pick(r);
                [a, b]
            })
            .filter_map(finite)
            .fold(0.0_f64, f64::max);
        (highest * 1.08).max(1e-6)
    });
    let mut chart = ChartBuilder::on(area)
        .margin((6.0 * scale) as i32)
        .x_label_area_size((20.0 * scale) as i32)
        .y_label_area_size((44.0 * scale) as i32)
        .build_cartesian_2d(0.0..last_step, 0.0..top)?;
    chart
        .configure_mesh()
        .light_line_style(theme.grid.mix(0.4))
        .bold_line_style(theme.grid)
        .axis_style(fg)
        .label_style(super::font(11.0 * scale).color(&fg))
        .x_labels(5)
        .y_labels(4)
        .x_label_formatter(&|x| format!("{x:.0}"))
        .draw()?;
    let width = (2.0 * scale).max(1.0) as u32;
    let train = records
        .iter()
        .filter_map(|r| finite(pick(r).0).map(|v| (r.step as f64, v)));
    chart.draw_series(LineSeries::new(train, fg.stroke_width(width)))?;
    let test = records
        .iter()
        .filter_map(|r| finite(pick(r).1).map(|v| (r.step as f64, v)));
    chart.draw_series(LineSeries::new(test, TEST_COLOR.stroke_width(width)))?;
    let entries = [
        (format!("train {name}"), fg),
        (format!("test {name}"), TEST_COLOR),
    ];
    let font = super::font(11.0 * scale).color(&fg);
    let plot = chart.plotting_area().strip_coord_spec();
    legend::draw(&plot, &entries, &font, scale, theme)?;
    Ok(())
}
