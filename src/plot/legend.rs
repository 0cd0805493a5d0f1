//! A series legend in a plot's upper-right corner. Unlike plotters' own
//! (`configure_series_labels`), it measures its labels through the drawing
//! backend, so on a canvas the browser measures them without the inline
//! `style` attribute plotters' wasm font code sets (the page's CSP blocks it).

use super::Theme;
use plotters::coord::Shift;
use plotters::prelude::*;

/// Draws one line per `(label, colour)` entry, a short stroke of the colour
/// then the label, on a box in the upper-right corner of `area` (pixels).
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    entries: &[(String, RGBColor)],
    font: &TextStyle,
    scale: f64,
    theme: Theme,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let px = |v: f64| (v * scale).round() as i32;
    let mut sizes = Vec::with_capacity(entries.len());
    for (label, _) in entries {
        sizes.push(area.estimate_text_size(label, font)?);
    }
    let text_width = sizes.iter().map(|s| s.0 as i32).max().unwrap_or(0);
    let line = sizes.iter().map(|s| s.1 as i32).max().unwrap_or(0) + px(4.0);
    let (pad, stroke) = (px(6.0), px(14.0));
    let width = pad + stroke + pad + text_width + pad;
    let height = pad + line * entries.len() as i32 + pad / 2;
    let right = area.dim_in_pixel().0 as i32 - px(8.0);
    let (left, top) = (right - width, px(8.0));
    let corners = [(left, top), (right, top + height)];
    area.draw(&Rectangle::new(
        corners,
        theme.background.mix(0.85).filled(),
    ))?;
    area.draw(&Rectangle::new(corners, theme.grid))?;
    for (i, (label, color)) in entries.iter().enumerate() {
        let y = top + pad + line * i as i32;
        let middle = y + line / 2 - px(2.0);
        let line_style = color.stroke_width(px(2.0).max(1) as u32);
        area.draw(&PathElement::new(
            vec![(left + pad, middle), (left + pad + stroke, middle)],
            line_style,
        ))?;
        area.draw(&Text::new(
            label.as_str(),
            (left + pad + stroke + pad, y),
            font.clone(),
        ))?;
    }
    Ok(())
}
