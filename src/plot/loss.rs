//! The loss chart: train and test loss over the steps, and below it the
//! accuracy for classification — for one run (the training view) or several
//! overlaid (the race), each as a train and a test line.

use super::span::span;
use super::{legend, right_margin, steps_axis, Theme};
use crate::session::Record;
use plotters::coord::Shift;
use plotters::prelude::*;

/// Train in the theme's foreground colour, test in vermillion.
const TEST_COLOR: RGBColor = RGBColor(213, 94, 0);

type PlotResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// One run's records (oldest first) and how its train and test lines look.
pub struct Lines<'a> {
    pub records: &'a [Record],
    pub train: ShapeStyle,
    pub test: ShapeStyle,
}

/// Several runs in one chart: their lines, the legend of a panel named
/// "loss" or "accuracy", and a level to draw across each panel (a target).
pub struct Overlay<'a> {
    pub lines: Vec<Lines<'a>>,
    pub legend: &'a dyn Fn(&str) -> Vec<(String, RGBColor)>,
    pub loss_level: Option<f64>,
    pub accuracy_level: Option<f64>,
}

/// One panel: its name, the (train, test) pair it takes from a record, a fixed top, a level.
struct Panel {
    name: &'static str,
    pick: fn(&Record) -> (f64, f64),
    top: Option<f64>,
    level: Option<f64>,
}

/// Draws `records` (oldest first); `classifier` adds the accuracy panel.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    records: &[Record],
    classifier: bool,
    scale: f64,
    theme: Theme,
) -> PlotResult<DB> {
    let width = (2.0 * scale).max(1.0) as u32;
    let fg = theme.foreground;
    // The panels share the legend (their y axes say loss and accuracy).
    let legend = |_: &str| vec![("train".to_string(), fg), ("test".to_string(), TEST_COLOR)];
    let overlay = Overlay {
        lines: vec![Lines {
            records,
            train: fg.stroke_width(width),
            test: TEST_COLOR.stroke_width(width),
        }],
        legend: &legend,
        loss_level: None,
        accuracy_level: None,
    };
    draw_overlay(root, &overlay, classifier, scale, theme)
}

/// Draws every run of `overlay`; `classifier` adds the accuracy panel.
pub fn draw_overlay<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    overlay: &Overlay,
    classifier: bool,
    scale: f64,
    theme: Theme,
) -> PlotResult<DB> {
    root.fill(&theme.background)?;
    let last = overlay.lines.iter().filter_map(|l| l.records.last());
    let last_step = last.map(|r| r.step).max().unwrap_or(0) as f64;
    let loss = Panel {
        name: "loss",
        pick: |r| (r.train_loss, r.test_loss),
        top: None,
        level: overlay.loss_level,
    };
    if classifier {
        let height = root.dim_in_pixel().1;
        let (top, bottom) = root.split_vertically(height * 11 / 20);
        let accuracy = Panel {
            name: "accuracy",
            pick: |r| (r.train_accuracy, r.test_accuracy),
            top: Some(1.0),
            level: overlay.accuracy_level,
        };
        panel(&top, overlay, last_step, (&loss, false), scale, theme)?;
        panel(&bottom, overlay, last_step, (&accuracy, true), scale, theme)?;
    } else {
        panel(root, overlay, last_step, (&loss, true), scale, theme)?;
    }
    root.present()?;
    Ok(())
}

/// One panel: every run's train and test series that `panel.pick` takes,
/// its y axis titled by its name. The lowest panel (`bottom`) titles the
/// x axis ("step"); the top one holds the legend, which the panels share
/// (a line has one look in both), so a short chart writes it once.
fn panel<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    overlay: &Overlay,
    last_step: f64,
    (panel, bottom): (&Panel, bool),
    scale: f64,
    theme: Theme,
) -> PlotResult<DB> {
    let fg = theme.foreground;
    let finite = |v: f64| v.is_finite().then_some(v);
    let top = panel.top.unwrap_or_else(|| {
        let records = overlay.lines.iter().flat_map(|l| l.records.iter());
        let highest = records
            .flat_map(|r| <[f64; 2]>::from((panel.pick)(r)))
            .chain(panel.level)
            .filter_map(finite)
            .fold(0.0_f64, f64::max);
        // Before the first record there is no loss: 0 to 1, not 0 to 0.000001.
        if highest > 0.0 {
            (highest * 1.08).max(1e-6)
        } else {
            1.0
        }
    });
    let steps = steps_axis(last_step);
    let font = super::font(11.0 * scale).color(&fg);
    let widest = format!("{:.0}", steps.end);
    let below = if bottom { 32.0 } else { 20.0 };
    let mut chart = ChartBuilder::on(area)
        .margin((6.0 * scale) as i32)
        .margin_right(right_margin(area, &widest, &font, scale))
        .x_label_area_size((below * scale) as i32)
        .y_label_area_size((50.0 * scale) as i32)
        .build_cartesian_2d(steps.clone(), span(0.0, top))?;
    let mut mesh = chart.configure_mesh();
    if bottom {
        mesh.x_desc("step");
    }
    mesh.y_desc(panel.name)
        .axis_desc_style(font.clone())
        .light_line_style(theme.grid.mix(0.4))
        .bold_line_style(theme.grid)
        .axis_style(fg)
        .label_style(font.clone())
        .x_labels(5)
        .y_labels(4)
        .x_label_formatter(&|x| format!("{x:.0}"))
        .draw()?;
    if let Some(level) = panel.level {
        let across = [(0.0, level), (steps.end, level)];
        chart.draw_series(LineSeries::new(across, fg.mix(0.6).stroke_width(1)))?;
    }
    let mut drawn = Vec::new();
    for lines in &overlay.lines {
        let series = |test: bool| {
            let pick = panel.pick;
            lines.records.iter().filter_map(move |r| {
                let (train, test_value) = pick(r);
                finite(if test { test_value } else { train }).map(|v| (r.step as f64, v))
            })
        };
        super::line_or_dot(&mut chart, series(false).collect(), lines.train, scale)?;
        super::line_or_dot(&mut chart, series(true).collect(), lines.test, scale)?;
        drawn.push(legend::in_pixels(&chart, series(false)));
        drawn.push(legend::in_pixels(&chart, series(true)));
    }
    if bottom && panel.name != "loss" {
        return Ok(());
    }
    let plot = chart.plotting_area().strip_coord_spec();
    let entries = (overlay.legend)(panel.name);
    legend::draw(&plot, &entries, &font, scale, theme, (&drawn, &[]))
}
