//! The network drawing straight on a 2d canvas: one path and one stroke per
//! bucket of like links (see `plot::network::Links`), not one per link as
//! plotters' canvas backend would, so 20 000 links take a few dozen strokes.

use crate::plot::network::{frames, Layout, Links};
use crate::plot::palette::css;
use crate::plot::Theme;
use plotters::style::RGBColor;
use wasm_bindgen::prelude::*;
use web_sys::CanvasRenderingContext2d;

/// `#rrggbb` of a theme colour.
fn css_of(color: RGBColor) -> String {
    css([color.0, color.1, color.2].map(f64::from))
}

/// Fills the canvas (`width` × `height` pixels) with the background, then
/// strokes `links` bucket by bucket and each unit's frame in `layout`.
pub(super) fn draw(
    context: &CanvasRenderingContext2d,
    (width, height): (f64, f64),
    links: &Links,
    layout: &Layout,
    theme: Theme,
) -> Result<(), JsError> {
    context.set_fill_style_str(&css_of(theme.background));
    context.fill_rect(0.0, 0.0, width, height);
    for bucket in links.buckets() {
        context.set_stroke_style_str(&css(bucket.color.map(f64::from)));
        context.set_line_width(f64::from(bucket.width));
        if let Some(dash) = bucket.dash {
            set_dash(context, &[dash, dash])?;
        }
        context.begin_path();
        for ((x0, y0), (x1, y1)) in bucket.lines() {
            context.move_to(x0, y0);
            context.line_to(x1, y1);
        }
        context.stroke();
        if bucket.dash.is_some() {
            set_dash(context, &[])?;
        }
    }
    context.set_stroke_style_str(&css_of(theme.foreground));
    context.set_line_width(1.0);
    context.begin_path();
    for [left, top, right, bottom] in frames(layout) {
        let (x, y) = (f64::from(left), f64::from(top));
        context.rect(x, y, f64::from(right - left), f64::from(bottom - top));
    }
    context.stroke();
    Ok(())
}

/// Sets the line dash: on and off lengths in pixels; empty for solid lines.
fn set_dash(context: &CanvasRenderingContext2d, pattern: &[f64]) -> Result<(), JsError> {
    let lengths: js_sys::Array = pattern.iter().map(|&v| JsValue::from_f64(v)).collect();
    context
        .set_line_dash(&lengths)
        .map_err(|_| JsError::new("could not set the network drawing's line dash"))
}
