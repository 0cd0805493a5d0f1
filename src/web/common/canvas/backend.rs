//! The plotters backend for the page's canvases: `plotters_canvas`'s
//! `CanvasBackend`, changed where it costs or where the page's
//! Content-Security-Policy forbids what it does.
//!
//! - Text is measured with the canvas's own `measureText`. Plotters' default
//!   on wasm measures a `<span>` it gives an inline `style` attribute, which
//!   `style-src 'self'` blocks.
//! - Measured sizes are remembered per font and text: a chart measures the
//!   same tick labels and legend every frame.
//! - A run of lines in one colour and width (a chart's grid, its ticks) is
//!   one path, stroked once, instead of a path, two style strings and a
//!   stroke per line. Every other drawing strokes the run first, so the
//!   order of what is drawn is kept.
//! - Text sets the font, colour and alignment only when they change.
//!
//! Every style crosses to JavaScript as a string, which the browser decodes:
//! these calls, not the drawing, were most of a loss chart's time.

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontTransform,
};
use plotters_canvas::CanvasBackend;
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

mod style;

use style::{crisp, css, font};

type Error = DrawingErrorKind<<CanvasBackend as DrawingBackend>::ErrorType>;

/// Sizes remembered before the list starts again: the labels and legends of
/// the charts on screen fit several times over, and a search stays short.
const MEASURED_CAP: usize = 256;

thread_local! {
    /// Text sizes in pixels by font and text ("<font>\0<text>"). A list, not
    /// a hash map, which would add more code to download than it saves time.
    static MEASURED: RefCell<Vec<(String, (u32, u32))>> = const { RefCell::new(Vec::new()) };
}

/// A line's look: lines that share it can share a path.
#[derive(Clone, Copy, Debug, PartialEq)]
struct LineStyle {
    rgb: (u8, u8, u8),
    alpha: f64,
    width: u32,
}

/// The text state last set on the context: font, fill colour and anchor.
#[derive(Clone, Debug, PartialEq)]
struct TextState {
    font: String,
    fill: String,
    align: &'static str,
    baseline: &'static str,
}

/// `CanvasBackend`, with the changes above.
pub struct Canvas {
    inner: CanvasBackend,
    context: CanvasRenderingContext2d,
    /// The style of the lines in the open path, not yet stroked.
    lines: Option<LineStyle>,
    /// The context's text state, when this backend knows it.
    text: RefCell<Option<TextState>>,
}

impl Canvas {
    /// A backend drawing on `canvas`; `None` if it has no 2d context.
    pub fn new(canvas: HtmlCanvasElement) -> Option<Canvas> {
        let context = canvas.get_context("2d").ok()??.dyn_into().ok()?;
        let inner = CanvasBackend::with_canvas_object(canvas)?;
        Some(Canvas {
            inner,
            context,
            lines: None,
            text: RefCell::new(None),
        })
    }

    /// Strokes the open run of lines, if any.
    fn stroke_lines(&mut self) {
        if self.lines.take().is_some() {
            self.context.stroke();
        }
    }

    /// Before `CanvasBackend` draws: the lines so far are stroked, and the
    /// text state is unknown (it sets the fill colour).
    fn hand_over(&mut self) -> &mut CanvasBackend {
        self.stroke_lines();
        *self.text.get_mut() = None;
        &mut self.inner
    }
}

impl Drop for Canvas {
    fn drop(&mut self) {
        self.stroke_lines();
    }
}

impl DrawingBackend for Canvas {
    type ErrorType = <CanvasBackend as DrawingBackend>::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }

    fn ensure_prepared(&mut self) -> Result<(), Error> {
        self.inner.ensure_prepared()
    }

    fn present(&mut self) -> Result<(), Error> {
        self.hand_over().present()
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result<(), Error> {
        self.hand_over().draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), Error> {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let look = LineStyle {
            rgb: color.rgb,
            alpha: color.alpha,
            width: style.stroke_width(),
        };
        if self.lines != Some(look) {
            self.stroke_lines();
            self.context.set_stroke_style_str(&css(color));
            self.context.set_line_width(f64::from(look.width));
            self.context.begin_path();
            self.lines = Some(look);
        }
        let (from, to) = crisp(from, to);
        self.context.move_to(from.0, from.1);
        self.context.line_to(to.0, to.1);
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), Error> {
        self.hand_over()
            .draw_rect(upper_left, bottom_right, style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), Error> {
        self.hand_over().draw_path(path, style)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), Error> {
        self.hand_over().draw_circle(center, radius, style, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vertices: I,
        style: &S,
    ) -> Result<(), Error> {
        self.hand_over().fill_polygon(vertices, style)
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), Error> {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        if !matches!(style.transform(), FontTransform::None) {
            return self.hand_over().draw_text(text, style, pos);
        }
        self.stroke_lines();
        let wanted = TextState {
            font: font(style),
            fill: css(color),
            align: match style.anchor().h_pos {
                HPos::Left => "start",
                HPos::Right => "end",
                HPos::Center => "center",
            },
            baseline: match style.anchor().v_pos {
                VPos::Top => "top",
                VPos::Center => "middle",
                VPos::Bottom => "bottom",
            },
        };
        let known = self.text.get_mut().take();
        let known = known.as_ref();
        if known.map(|t| &t.font) != Some(&wanted.font) {
            self.context.set_font(&wanted.font);
        }
        if known.map(|t| &t.fill) != Some(&wanted.fill) {
            self.context.set_fill_style_str(&wanted.fill);
        }
        if known.map(|t| t.align) != Some(wanted.align) {
            self.context.set_text_align(wanted.align);
        }
        if known.map(|t| t.baseline) != Some(wanted.baseline) {
            self.context.set_text_baseline(wanted.baseline);
        }
        *self.text.get_mut() = Some(wanted);
        // A failed fillText draws nothing; the chart goes on without the label.
        let _ = self
            .context
            .fill_text(text, f64::from(pos.0), f64::from(pos.1));
        Ok(())
    }

    /// Width from `measureText` in the font `draw_text` sets; height from
    /// the font's box. Remembered per font and text.
    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), Error> {
        let font = font(style);
        let key = format!("{font}\0{text}");
        let known = MEASURED.with(|m| {
            m.borrow()
                .iter()
                .find(|(k, _)| *k == key)
                .map(|&(_, size)| size)
        });
        if let Some(size) = known {
            return Ok(size);
        }
        let size = style.size();
        // measureText reads the context's font: set it, and say so to draw_text.
        match self.text.borrow_mut().as_mut() {
            Some(state) if state.font == font => {}
            Some(state) => {
                self.context.set_font(&font);
                state.font = font;
            }
            None => self.context.set_font(&font),
        }
        let metrics = self.context.measure_text(text).ok();
        let width = metrics
            .as_ref()
            .map_or(0.6 * size * text.chars().count() as f64, |m| m.width());
        let height = metrics
            .map(|m| m.font_bounding_box_ascent() + m.font_bounding_box_descent())
            .filter(|h| h.is_finite() && *h > 0.0)
            .unwrap_or(1.2 * size);
        let measured = (width.ceil() as u32, height.ceil() as u32);
        MEASURED.with(|m| {
            let mut m = m.borrow_mut();
            if m.len() >= MEASURED_CAP {
                m.clear();
            }
            m.push((key, measured));
        });
        Ok(measured)
    }
}
