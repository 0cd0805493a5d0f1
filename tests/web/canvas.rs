//! The plotters backend on a real canvas: a run of lines shares one path and
//! one stroke, and text sets only the styles that changed, yet what is drawn
//! later still covers what was drawn before, in the colours asked for.

use nnplay::web::common::canvas::Canvas;
use plotters::prelude::*;
use plotters_backend::DrawingBackend;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

const SIZE: u32 = 40;

/// A SIZE × SIZE canvas in no document, and its 2d context.
pub fn canvas() -> (HtmlCanvasElement, CanvasRenderingContext2d) {
    let document = web_sys::window().unwrap().document().unwrap();
    let canvas: HtmlCanvasElement = document
        .create_element("canvas")
        .unwrap()
        .dyn_into()
        .unwrap();
    canvas.set_width(SIZE);
    canvas.set_height(SIZE);
    let context = canvas
        .get_context("2d")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    (canvas, context)
}

/// The RGBA pixel at (x, y).
fn pixel(context: &CanvasRenderingContext2d, x: u32, y: u32) -> [u8; 4] {
    let data = context
        .get_image_data(f64::from(x), f64::from(y), 1.0, 1.0)
        .unwrap()
        .data();
    [data[0], data[1], data[2], data[3]]
}

/// The pixels of rows `rows` whose colour is mostly `channel` (0 red, 2 blue).
fn count_mostly(
    context: &CanvasRenderingContext2d,
    rows: std::ops::Range<u32>,
    channel: usize,
) -> usize {
    let data = context
        .get_image_data(
            0.0,
            f64::from(rows.start),
            f64::from(SIZE),
            f64::from(rows.end - rows.start),
        )
        .unwrap()
        .data();
    data.chunks_exact(4)
        .filter(|p| p[3] > 100 && p[channel] > 150 && (0..3).all(|c| c == channel || p[c] < 100))
        .count()
}

#[wasm_bindgen_test]
fn lines_in_a_run_are_drawn_and_later_shapes_cover_them() {
    let (element, context) = canvas();
    {
        let mut backend = Canvas::new(element).unwrap();
        // Two red lines (one run), a blue box over the second, a green line after.
        backend.draw_line((0, 6), (SIZE as i32, 6), &RED).unwrap();
        backend.draw_line((0, 20), (SIZE as i32, 20), &RED).unwrap();
        backend
            .draw_rect((0, 16), (SIZE as i32, 24), &BLUE, true)
            .unwrap();
        backend
            .draw_line((10, 0), (10, SIZE as i32), &GREEN)
            .unwrap();
        // Dropping the backend strokes the last run.
    }
    // A horizontal line at y covers pixel row y − 1 exactly (the half-pixel shift).
    let expected = [
        ((30, 5), [255, 0, 0, 255], "the first red line"),
        ((30, 19), [0, 0, 255, 255], "the box covers the second line"),
        (
            (9, 30),
            [0, 255, 0, 255],
            "the green line, stroked at the end",
        ),
        (
            (9, 5),
            [0, 255, 0, 255],
            "the green line crosses over the red",
        ),
        ((30, 30), [0, 0, 0, 0], "nothing elsewhere"),
    ];
    for ((x, y), rgba, what) in expected {
        assert_eq!(pixel(&context, x, y), rgba, "{what}");
    }
}

#[wasm_bindgen_test]
fn text_takes_its_own_colour_after_other_drawing() {
    let (element, context) = canvas();
    {
        let mut backend = Canvas::new(element).unwrap();
        let red = ("sans-serif", 18).into_font().color(&RED);
        let blue = ("sans-serif", 18).into_font().color(&BLUE);
        backend.draw_text("MM", &red, (2, 2)).unwrap();
        // The box sets the fill colour behind the text state's back.
        backend.draw_rect((0, 30), (4, 34), &BLUE, true).unwrap();
        backend.draw_text("MM", &red, (2, 21)).unwrap();
        backend.draw_text("MM", &blue, (22, 21)).unwrap();
    }
    assert!(
        count_mostly(&context, 0..20, 0) > 10,
        "the first text is red"
    );
    let second: usize = count_mostly(&context, 21..30, 0);
    assert!(
        second > 10,
        "the text after the box is red too ({second} red pixels)"
    );
    assert!(
        count_mostly(&context, 21..30, 2) > 10,
        "the third text is blue"
    );
}

#[wasm_bindgen_test]
fn text_sizes_are_measured_once_and_grow_with_the_text() {
    let (element, _) = canvas();
    let backend = Canvas::new(element).unwrap();
    let font = TextStyle::from(("sans-serif", 14).into_font());
    let one = backend.estimate_text_size("M", &font).unwrap();
    let four = backend.estimate_text_size("MMMM", &font).unwrap();
    assert!(one.0 > 0 && one.1 > 0, "{one:?}");
    assert!(four.0 > 3 * one.0, "{four:?} against {one:?}");
    assert_eq!(four.1, one.1, "one font, one height");
    assert_eq!(
        backend.estimate_text_size("M", &font).unwrap(),
        one,
        "remembered"
    );
    let bigger = backend
        .estimate_text_size("M", &TextStyle::from(("sans-serif", 28).into_font()))
        .unwrap();
    assert!(
        bigger.0 > one.0 && bigger.1 > one.1,
        "{bigger:?} against {one:?}"
    );
}
