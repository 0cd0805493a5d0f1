//! The network drawing straight on a 2d canvas: one path and one stroke per
//! bucket of like links (see `plot::network::Links`), not one per link as
//! plotters' canvas backend would, so 20 000 links take a few dozen strokes;
//! and the units' thumbnails from one image holding them all.

use crate::plot::network::{frames, Layout, Links};
use crate::plot::palette::css;
use crate::plot::Theme;
use crate::web::common::canvas::Image;
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

/// The units' thumbnails stacked into one image on an off-DOM canvas: one
/// `putImageData` a frame, then each drawn into its unit's box, scaled up
/// with smoothing. Kept between frames.
#[derive(Debug, Default)]
pub(super) struct ThumbnailSheet {
    pixels: Vec<u8>,
    image: Option<Image>,
}

impl ThumbnailSheet {
    /// Draws `images` (`side` × `side` RGBA each, in `layout`'s unit order)
    /// into the units' boxes. As on the heatmap, a thumbnail's first and
    /// last pixels are grid points on the box's edges: the source rectangle
    /// runs between pixel centres, which also keeps each image from
    /// bleeding into its neighbour in the stack.
    pub(super) fn draw(
        &mut self,
        context: &CanvasRenderingContext2d,
        images: &[Vec<u8>],
        side: usize,
        layout: &Layout,
    ) -> Result<(), JsError> {
        if images.is_empty() {
            return Ok(());
        }
        self.pixels.clear();
        images.iter().for_each(|image| self.pixels.extend(image));
        let image = match &self.image {
            Some(image) => image,
            None => self.image.insert(Image::new()?),
        };
        image.fill(&self.pixels, side)?;
        context.set_image_smoothing_enabled(true);
        let (span, size) = ((side - 1) as f64, layout.size.round());
        let corners = layout.columns.iter().flatten();
        for (i, &(x, y)) in corners.enumerate().take(images.len()) {
            let top = (i * side) as f64 + 0.5;
            context
                .draw_image_with_html_canvas_element_and_sw_and_sh_and_dx_and_dy_and_dw_and_dh(
                    image.canvas(),
                    0.5,
                    top,
                    span,
                    span,
                    x.round(),
                    y.round(),
                    size,
                    size,
                )
                .map_err(|_| JsError::new("could not draw a unit's thumbnail"))?;
        }
        Ok(())
    }
}
