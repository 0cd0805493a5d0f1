//! The stage stepper on the network drawing: which columns a stage has lit,
//! and the marks it lays over the units. Forward lights the columns from the
//! inputs rightwards and Backward from the output leftwards, as the notes'
//! passes run, so a page can light them one layer at a time. A lit unit gets
//! a ring coloured by its value's sign and as thick as its size (the units'
//! largest |value| at full width), and the value written under it where the
//! column leaves room; a column the stage will light next is veiled.

use super::layout::Layout;
use super::links::largest_abs;
use crate::plot::palette::diverging;
use crate::plot::{font, Theme};
use crate::train::Stage;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// The drawing's columns (inputs, then each layer) that `stage` has lit
/// when `lit` of its layers are (`None`: all of them). Sample batch lights
/// the inputs (the chosen example's x); Forward the inputs and the first
/// `lit` layers; Backward the last `lit` layers; Update the first `lit`.
pub fn lit_columns(stage: Stage, layers: usize, lit: Option<usize>) -> Vec<bool> {
    let lit = lit.unwrap_or(layers).min(layers);
    (0..=layers)
        .map(|column| match stage {
            Stage::SampleBatch => column == 0,
            Stage::Forward => column <= lit,
            Stage::Backward => column >= 1 && column > layers - lit,
            Stage::Update => column >= 1 && column <= lit,
        })
        .collect()
}

/// What a stage lays over the drawing's units.
#[derive(Clone, Copy, Debug)]
pub struct StageMarks<'a> {
    /// Per column, a value per unit; empty where the stage shows nothing.
    pub units: &'a [Vec<f64>],
    /// Per column, whether it is lit (`lit_columns`).
    pub lit: &'a [bool],
}

/// A value as the drawing writes it under a unit, and as the page's words
/// say it (`short` in www/js/dom.js keeps the same rule; a shared table of
/// cases in tests/common/short_numbers.txt holds both to it). Two
/// significant digits: what a glance under a unit compares, and what fits
/// there (at most seven characters, "−0.0042"); below 0.001 and from 100 000
/// up, e-notation with one decimal ("3.2e−4", "1.2e5"). A half is rounded
/// away from zero (0.125 is "0.13"), as JavaScript's `toPrecision` does,
/// so the two never differ by a digit; the minus sign is U+2212, as on every
/// number the page shows a reader; 0 is "0".
pub fn short(value: f64) -> String {
    if value == 0.0 {
        return "0".into();
    }
    if !value.is_finite() {
        let word = if value.is_nan() { "NaN" } else { "Infinity" };
        return format!("{}{word}", sign(value));
    }
    let size = value.abs();
    // The exact value's leading digits (21 are enough to tell a true half
    // from a double just either side of it) and its decimal exponent.
    let exact = format!("{size:.20e}");
    let (digits, exponent) = exact.split_once('e').unwrap_or((&exact, "0"));
    let mut exponent: i32 = exponent.parse().unwrap_or(0);
    let digits: Vec<u32> = digits.chars().filter_map(|c| c.to_digit(10)).collect();
    let mut kept = digits[0] * 10 + digits[1];
    if digits[2] >= 5 {
        kept += 1;
    }
    if kept == 100 {
        kept = 10;
        exponent += 1;
    }
    if !(1e-3..1e5).contains(&size) {
        return format!(
            "{}{}.{}e{}",
            sign(value),
            kept / 10,
            kept % 10,
            minus(exponent)
        );
    }
    // kept × 10^(exponent − 1), written out and without trailing zeros.
    let shift = exponent - 1;
    let text = if shift >= 0 {
        format!("{kept}{}", "0".repeat(shift as usize))
    } else {
        let places = (-shift) as usize;
        let padded = format!("{kept:0>width$}", width = places + 1);
        let (whole, part) = padded.split_at(padded.len() - places);
        let part = part.trim_end_matches('0');
        if part.is_empty() {
            whole.to_owned()
        } else {
            format!("{whole}.{part}")
        }
    };
    format!("{}{text}", sign(value))
}

/// "−" (U+2212) before a negative value, else nothing.
fn sign(value: f64) -> &'static str {
    if value < 0.0 {
        "\u{2212}"
    } else {
        ""
    }
}

/// An exponent with the minus sign U+2212.
fn minus(exponent: i32) -> String {
    exponent.to_string().replace('-', "\u{2212}")
}

/// The largest |value| over the lit columns (at least 1e-300, so a stage
/// of zeros draws thin grey rings, not a division by zero).
fn largest(marks: &StageMarks) -> f64 {
    let lit = marks.units.iter().zip(marks.lit).filter(|(_, &lit)| lit);
    largest_abs(lit.flat_map(|(values, _)| values), 1e-300)
}

/// Lays `marks` over the units `layout` places (after the links and the
/// thumbnails): veils the columns still to light, rings each lit unit, and
/// writes its value under it where there is room (`scale` is device pixels
/// per CSS pixel).
pub fn draw_stage<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    layout: &Layout,
    marks: &StageMarks,
    scale: f64,
    theme: Theme,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let largest = largest(marks);
    let size = layout.size;
    let text_px = (11.0 * scale).round();
    let text = TextStyle::from(font(text_px))
        .color(&theme.foreground)
        .pos(Pos::new(HPos::Center, VPos::Top));
    let veil = theme.background.mix(0.7).filled();
    for ((column, values), &lit) in layout.columns.iter().zip(marks.units).zip(marks.lit) {
        if values.is_empty() {
            continue;
        }
        let step = match column.as_slice() {
            [first, second, ..] => second.1 - first.1,
            _ => f64::INFINITY,
        };
        let labelled = step - size >= text_px + 4.0 * scale;
        for (&(x, y), &value) in column.iter().zip(values) {
            let (x0, y0) = (x.round() as i32, y.round() as i32);
            let (x1, y1) = ((x + size).round() as i32, (y + size).round() as i32);
            if !lit {
                root.draw(&Rectangle::new([(x0, y0), (x1, y1)], veil))?;
                continue;
            }
            let strength = (value.abs() / largest).min(1.0).sqrt();
            let [r, g, b] = diverging(value.signum() * (0.35 + 0.65 * strength));
            let color = RGBColor(r.round() as u8, g.round() as u8, b.round() as u8);
            let width = (scale * (1.0 + 4.0 * strength)).round().max(1.0);
            // The ring sits outside the unit's frame, growing outwards.
            let out = (2.0 * scale + width / 2.0).round() as i32;
            let ring = color.stroke_width(width as u32);
            // A closed path, not a rectangle: every backend strokes a path at its width.
            let (left, top, right, bottom) = (x0 - out, y0 - out, x1 + out, y1 + out);
            let corners = [(left, top), (right, top), (right, bottom), (left, bottom)];
            root.draw(&PathElement::new(
                [&corners[..], &corners[..1]].concat(),
                ring,
            ))?;
            if labelled {
                let below = y1 + out + (width / 2.0).ceil() as i32 + 1;
                root.draw_text(&short(value), &text, ((x0 + x1) / 2, below))?;
            }
        }
    }
    root.present()
}
