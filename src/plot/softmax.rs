//! The softmax panel's plot: one bar per class probability, its value above it.

use super::palette::OKABE_ITO;
use super::Theme;
use plotters::coord::Shift;
use plotters::prelude::*;

/// Bar colours, one per class (five of Okabe–Ito's).
const BAR_COLORS: &[RGBColor] = OKABE_ITO.as_slice().split_at(5).0;

/// Draws `probabilities` as bars on a 0–1 scale; `scale` is the device pixel ratio.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    probabilities: &[f64],
    scale: f64,
    theme: Theme,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    root.fill(&theme.background)?;
    let fg = theme.foreground;
    let n = probabilities.len();
    let mut chart = ChartBuilder::on(root)
        .margin((8.0 * scale) as i32)
        .x_label_area_size((22.0 * scale) as i32)
        .y_label_area_size((36.0 * scale) as i32)
        .build_cartesian_2d(-0.5..n as f64 - 0.5, 0.0..1.08)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(theme.grid.mix(0.5))
        .bold_line_style(theme.grid)
        .axis_style(fg)
        .label_style(super::font(11.0 * scale).color(&fg))
        .x_labels(n)
        .x_label_formatter(&|x| {
            // Label bar centres only (plotters may offer in-between key points).
            if (x - x.round()).abs() < 1e-9 && *x >= 0.0 {
                format!("class {}", x.round() as usize + 1)
            } else {
                String::new()
            }
        })
        .y_labels(6)
        .draw()?;
    let bars = probabilities.iter().enumerate().map(|(i, &p)| {
        let left = i as f64 - 0.35;
        let color = BAR_COLORS[i % BAR_COLORS.len()].filled();
        Rectangle::new([(left, 0.0), (left + 0.7, p)], color)
    });
    chart.draw_series(bars)?;
    let font = super::font(12.0 * scale).color(&fg);
    let labels = probabilities
        .iter()
        .enumerate()
        .map(|(i, &p)| Text::new(format!("{p:.3}"), (i as f64 - 0.2, p + 0.06), font.clone()));
    chart.draw_series(labels)?;
    root.present()?;
    Ok(())
}
