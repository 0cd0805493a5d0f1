#![cfg(not(target_arch = "wasm32"))]
//! Every picture finished: drawn to SVG, each chart's tick labels lie
//! inside it, legends fit and keep apart, a chart at step 0 has a real
//! axis, the explorer's default scales let every curve read, and its lines
//! are smooth and true at one device pixel per CSS pixel.

mod common;

use common::svg_of;
use nnplay::activation::{Activation, Kind, Piece};
use nnplay::config::{HiddenLayer, PlaygroundConfig};
use nnplay::plot::curves::{self, Curve, CurvePlot, Panel};
use nnplay::plot::diagnostics as charts;
use nnplay::plot::{color_of, hex, histograms, legend, loss, Theme};
use nnplay::session::Session;

/// The value of `name` in an SVG tag's text.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    tag[start..].split('"').next()
}

/// A label the SVG writes: its text, where it is anchored, its font's size.
struct Label {
    text: String,
    x: f64,
    y: f64,
    anchor: String,
    size: f64,
    rotated: bool,
}

impl Label {
    /// Its left and right edges, at 0.65 of the font's size per character
    /// of a number (a sans-serif digit is 0.64 of it), 0.55 of words (whose
    /// letters average under 0.5): the SVG backend has no fonts to measure.
    fn extent(&self) -> (f64, f64) {
        let number = self
            .text
            .chars()
            .all(|c| c.is_ascii_digit() || ".-−e".contains(c));
        let share = if number { 0.65 } else { 0.55 };
        let width = share * self.size * self.text.chars().count() as f64;
        match self.anchor.as_str() {
            "middle" => (self.x - width / 2.0, self.x + width / 2.0),
            "end" => (self.x - width, self.x),
            _ => (self.x, self.x + width),
        }
    }
}

fn labels(svg: &str) -> Vec<Label> {
    svg.match_indices("<text")
        .map(|(at, _)| {
            let rest = &svg[at..];
            let (tag, body) = rest.split_once('>').unwrap();
            let number = |name| attribute(tag, name).unwrap().parse::<f64>().unwrap();
            Label {
                text: body.split("</text>").next().unwrap().trim().to_string(),
                x: number("x"),
                y: number("y"),
                anchor: attribute(tag, "text-anchor").unwrap_or("start").to_string(),
                // The SVG writes a font's size divided by 1.24.
                size: number("font-size") * 1.24,
                rotated: tag.contains("rotate("),
            }
        })
        .collect()
}

/// Every label lies across inside `width`.
fn assert_labels_inside(svg: &str, width: u32, what: &str) {
    let found = labels(svg);
    assert!(!found.is_empty(), "{what}: no labels");
    for label in found.iter().filter(|l| !l.rotated) {
        let (left, right) = label.extent();
        assert!(
            left >= 0.0 && right <= f64::from(width),
            "{what}: {:?} runs from {left:.1} to {right:.1}, outside 0 … {width}",
            label.text
        );
    }
}

/// The points of every polyline drawn in `color` (upper case `#RRGGBB`).
fn polylines(svg: &str, color: &str) -> Vec<Vec<(i32, i32)>> {
    svg.match_indices("<polyline")
        .filter_map(|(at, _)| {
            let tag = svg[at..].split('>').next().unwrap();
            (attribute(tag, "stroke") == Some(color)).then(|| {
                let points = attribute(tag, "points").unwrap();
                points
                    .split_whitespace()
                    .map(|p| {
                        let (x, y) = p.split_once(',').unwrap();
                        (x.parse().unwrap(), y.parse().unwrap())
                    })
                    .collect()
            })
        })
        .collect()
}

fn color(kind: Kind) -> String {
    hex(color_of(kind)).to_uppercase()
}

fn plot_of(curves: Vec<Curve>, scale: f64) -> CurvePlot {
    CurvePlot {
        curves,
        x_min: -10.0,
        x_max: 10.0,
        cursor: None,
        scale,
        theme: Theme::LIGHT,
    }
}

fn all_eight() -> Vec<Curve> {
    let pieces = [Piece { w: 1.0, b: 0.0 }, Piece { w: 0.1, b: 0.0 }];
    let mut curves: Vec<Curve> = [
        Activation::Identity,
        Activation::Sigmoid,
        Activation::Tanh,
        Activation::Relu,
        Activation::LeakyRelu { alpha: 0.01 },
        Activation::Prelu { slope: 0.25 },
        Activation::Elu { alpha: 1.0 },
        Activation::Swish,
        Activation::Gelu,
    ]
    .into_iter()
    .map(Curve::Activation)
    .collect();
    curves.push(Curve::Maxout(pieces));
    curves
}

fn session_with(layers: Vec<HiddenLayer>, steps: usize) -> Session {
    let config = PlaygroundConfig {
        hidden: layers,
        ..PlaygroundConfig::default()
    };
    let mut session = Session::new(config).unwrap();
    if steps > 0 {
        session.run(steps).unwrap();
    }
    session
}

fn six_tanh_layers() -> Vec<HiddenLayer> {
    (0..6).map(|_| HiddenLayer::new(8, Kind::Tanh)).collect()
}

#[test]
fn no_tick_label_is_cut_off_at_a_charts_right_edge() {
    // "10.0" under the explorer's right edge, "200" under the loss chart's.
    for (size, scale) in [((800, 500), 1.0), ((420, 300), 1.0), ((1600, 1000), 2.0)] {
        let plot = plot_of(vec![Curve::Activation(Activation::Tanh)], scale);
        let svg = svg_of(size, |root| {
            curves::draw(root, &plot).unwrap();
        });
        assert!(
            labels(&svg).iter().any(|l| l.text == "10.0"),
            "the range's end is ticked"
        );
        assert_labels_inside(&svg, size.0, "explorer");
    }
    let run = session_with(six_tanh_layers(), 200);
    for (size, scale) in [((300, 180), 1.0), ((600, 360), 2.0)] {
        let svg = svg_of(size, |root| {
            loss::draw(root, run.history().records(), true, scale, Theme::LIGHT).unwrap();
        });
        assert!(
            labels(&svg).iter().any(|l| l.text == "200"),
            "the last step is ticked"
        );
        assert_labels_inside(&svg, size.0, "loss chart");
    }
    let diagnostics = run.diagnostics();
    let size = (580, 260);
    let drawn = [
        svg_of(size, |r| {
            charts::draw_gradients(r, diagnostics, 1.0, Theme::LIGHT).unwrap()
        }),
        svg_of(size, |r| {
            charts::draw_units(r, diagnostics, 1.0, Theme::LIGHT).unwrap()
        }),
        svg_of(size, |r| {
            charts::draw_activations(r, diagnostics, 1.0, Theme::LIGHT).unwrap()
        }),
        svg_of(size, |r| {
            histograms::draw(r, diagnostics, 1.0, Theme::LIGHT).unwrap()
        }),
    ];
    for (svg, what) in drawn
        .iter()
        .zip(["gradients", "units", "activations", "histograms"])
    {
        assert_labels_inside(svg, size.0, what);
    }
}

#[test]
fn axes_have_titles() {
    let plot = plot_of(vec![Curve::Activation(Activation::Relu)], 1.0);
    let svg = svg_of((800, 500), |root| {
        curves::draw(root, &plot).unwrap();
    });
    let texts: Vec<_> = labels(&svg).into_iter().map(|l| l.text).collect();
    for title in ["f(x)", "x"] {
        assert!(
            texts.iter().any(|t| t.starts_with(title)),
            "explorer: {title}"
        );
    }
    let run = session_with(six_tanh_layers(), 20);
    let svg = svg_of((300, 180), |root| {
        loss::draw(root, run.history().records(), true, 1.0, Theme::LIGHT).unwrap();
    });
    let titles: Vec<_> = labels(&svg)
        .into_iter()
        .filter(|l| l.text == "step" || l.rotated)
        .map(|l| l.text)
        .collect();
    assert_eq!(
        titles,
        ["loss", "accuracy", "step"],
        "the y axes rotated, the x axis once under both"
    );
    let svg = svg_of((580, 260), |r| {
        charts::draw_gradients(r, run.diagnostics(), 1.0, Theme::LIGHT).unwrap()
    });
    assert!(
        labels(&svg).iter().any(|l| l.text == "step"),
        "gradients: step"
    );
}

/// The distinct x tick labels under a chart's lowest axis: numbers, in order.
fn x_ticks(svg: &str) -> Vec<String> {
    let found = labels(svg);
    let lowest = found
        .iter()
        .filter(|l| l.anchor == "middle" && l.text.parse::<f64>().is_ok())
        .map(|l| l.y)
        .fold(f64::NEG_INFINITY, f64::max);
    found
        .into_iter()
        .filter(|l| l.anchor == "middle" && l.y == lowest && l.text.parse::<f64>().is_ok())
        .map(|l| l.text)
        .collect()
}

#[test]
fn a_chart_at_step_0_has_whole_distinct_ticks() {
    let run = session_with(six_tanh_layers(), 0);
    for records in [run.history().records(), &[]] {
        let svg = svg_of((300, 180), |root| {
            loss::draw(root, records, true, 1.0, Theme::LIGHT).unwrap();
        });
        let ticks = x_ticks(&svg);
        let mut distinct = ticks.clone();
        distinct.dedup();
        assert_eq!(ticks, distinct, "no tick twice (today \"0 0 1\")");
        assert!(
            ticks.len() >= 3 && ticks.first().unwrap() == "0",
            "{ticks:?}"
        );
        assert!(
            ticks.iter().all(|t| !t.contains('.')),
            "whole steps: {ticks:?}"
        );
        // A loss axis, not 0 … 0.000001.
        let tiny = labels(&svg).into_iter().find(|l| l.text.contains("e-"));
        assert!(
            tiny.is_none(),
            "no tiny numbers on the loss axis: {:?}",
            tiny.map(|l| l.text)
        );
    }
    let svg = svg_of((580, 260), |r| {
        charts::draw_gradients(r, run.diagnostics(), 1.0, Theme::LIGHT).unwrap()
    });
    let ticks = x_ticks(&svg);
    let mut distinct = ticks.clone();
    distinct.dedup();
    assert_eq!(ticks, distinct);
    assert!(ticks.len() >= 3, "{ticks:?}");
}

/// Whether two boxes (left, top, right, bottom) share any pixel.
fn overlap(a: (i32, i32, i32, i32), b: (i32, i32, i32, i32)) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

fn within(inner: (i32, i32, i32, i32), outer: (i32, i32, i32, i32)) -> bool {
    inner.0 >= outer.0 && inner.1 >= outer.1 && inner.2 <= outer.2 && inner.3 <= outer.3
}

#[test]
fn seven_legend_entries_keep_apart_inside_their_box_and_the_plot() {
    // Six hidden layers and the output, as the gradient chart names them.
    let sizes: Vec<(u32, u32)> = (0..7).map(|i| (if i == 6 { 95 } else { 85 }, 14)).collect();
    for (dim, scale) in [((520, 150), 1.0), ((340, 90), 1.0), ((1040, 300), 2.0)] {
        let placed = legend::layout(&sizes, dim, &[], scale);
        let plot = (0, 0, dim.0 as i32, dim.1 as i32);
        assert!(
            within(placed.frame, plot),
            "{dim:?}: frame {:?}",
            placed.frame
        );
        assert_eq!(placed.entries.len(), 7);
        for (i, &a) in placed.entries.iter().enumerate() {
            assert!(
                within(a, placed.frame),
                "{dim:?}: entry {i} {a:?} outside {:?}",
                placed.frame
            );
            for (j, &b) in placed.entries.iter().enumerate().skip(i + 1) {
                assert!(
                    !overlap(a, b),
                    "{dim:?}: entries {i} and {j} overlap: {a:?} {b:?}"
                );
            }
        }
    }
}

#[test]
fn a_legend_goes_where_it_covers_no_line() {
    let sizes = [(60, 14), (60, 14)];
    // A line along the top of the plot, as a loss chart starts: the legend goes below it.
    let along_top = vec![(0, 10), (400, 12)];
    let placed = legend::layout(&sizes, (400, 200), &[along_top], 1.0);
    let (_, top, _, bottom) = placed.frame;
    assert!(
        top > 12 || bottom < 10,
        "{:?} covers the line",
        placed.frame
    );
    // Nothing to avoid: the upper right.
    let placed = legend::layout(&sizes, (400, 200), &[], 1.0);
    assert!(
        placed.frame.1 < 20 && placed.frame.2 > 380,
        "{:?}",
        placed.frame
    );
    // A falling line from the upper left to the lower right: a free corner is found.
    let falling = vec![(0, 0), (400, 200)];
    let placed = legend::layout(&sizes, (400, 200), &[falling], 1.0);
    let (l, t, r, b) = placed.frame;
    let crosses = (0..=400).any(|x| {
        let y = x / 2;
        x >= l && x <= r && y >= t && y <= b
    });
    assert!(!crosses, "{:?} covers the falling line", placed.frame);
}

#[test]
fn the_six_layer_legends_write_every_layer_inside_the_chart() {
    let run = session_with(six_tanh_layers(), 50);
    let diagnostics = run.diagnostics();
    for (size, scale) in [((580, 260), 1.0), ((340, 260), 1.0), ((1160, 520), 2.0)] {
        let drawn = [
            svg_of(size, |r| {
                charts::draw_gradients(r, diagnostics, scale, Theme::LIGHT).unwrap()
            }),
            svg_of(size, |r| {
                charts::draw_units(r, diagnostics, scale, Theme::LIGHT).unwrap()
            }),
            svg_of(size, |r| {
                charts::draw_activations(r, diagnostics, scale, Theme::LIGHT).unwrap()
            }),
        ];
        for svg in &drawn {
            let entries: Vec<_> = labels(svg)
                .into_iter()
                .filter(|l| l.text.starts_with("layer "))
                .collect();
            assert!(
                entries.len() >= 6,
                "{size:?}: {} layer entries",
                entries.len()
            );
            for layer in 1..=6 {
                let name = format!("layer {layer} · tanh");
                assert!(entries.iter().any(|l| l.text == name), "{size:?}: {name}");
            }
            let boxes: Vec<_> = entries
                .iter()
                .map(|l| {
                    let (left, right) = l.extent();
                    (left, l.y, right, l.y + l.size)
                })
                .collect();
            for (i, a) in boxes.iter().enumerate() {
                assert!(
                    a.0 >= 0.0 && a.2 <= f64::from(size.0) && a.3 <= f64::from(size.1),
                    "{size:?}: {a:?}"
                );
                for b in &boxes[i + 1..] {
                    let apart = a.2 <= b.0 || b.2 <= a.0 || a.3 <= b.1 || b.3 <= a.1;
                    assert!(apart, "{size:?}: {a:?} and {b:?} overlap");
                }
            }
        }
    }
}

/// Each curve's f line: from the top panel, its lowest and highest pixel row.
fn value_extent(svg: &str, kind: Kind, panel_bottom: i32) -> i32 {
    let lines = polylines(svg, &color(kind));
    let rows: Vec<i32> = lines
        .iter()
        .flatten()
        .filter(|p| p.1 < panel_bottom)
        .map(|p| p.1)
        .collect();
    assert!(!rows.is_empty(), "{kind} has an f line");
    rows.iter().max().unwrap() - rows.iter().min().unwrap()
}

#[test]
fn the_explorers_default_view_lets_every_curve_read() {
    let (width, height) = (800, 500);
    // f takes 11/20 of the height above the rows that name saturation.
    let panel_bottom = height as i32 * 11 / 20 - 60;
    let defaults = plot_of(
        vec![
            Curve::Activation(Activation::Sigmoid),
            Curve::Activation(Activation::Relu),
        ],
        1.0,
    );
    let svg = svg_of((width, height), |root| {
        curves::draw(root, &defaults).unwrap();
    });
    let sigmoid = value_extent(&svg, Kind::Sigmoid, panel_bottom);
    assert!(
        sigmoid >= 50,
        "sigmoid spans {sigmoid} px (it was 15 beside ReLU's 0 … 10)"
    );
    assert!(
        svg.contains("taller ones run off"),
        "the cut y axis says so"
    );
    let every = plot_of(all_eight(), 1.0);
    let svg = svg_of((width, height), |root| {
        curves::draw(root, &every).unwrap();
    });
    for curve in &every.curves {
        let spans = value_extent(&svg, curve.kind(), panel_bottom);
        assert!(spans >= 50, "{}: {spans} px", curve.kind());
    }
    // No cut where nothing is flattened: ReLU and identity share their range.
    let lines = [
        vec![(-10.0, 0.0), (10.0, 10.0)],
        vec![(-10.0, -10.0), (10.0, 10.0)],
    ];
    let ((lo, hi), cut) = curves::y_range(&lines, Panel::Value);
    assert!(!cut && lo < -10.0 && hi > 10.0, "{lo} … {hi}");
    // Sigmoid beside ReLU: a third of the range at least.
    let lines = [
        vec![(-10.0, 0.0), (10.0, 1.0)],
        vec![(-10.0, 0.0), (10.0, 10.0)],
    ];
    let ((lo, hi), cut) = curves::y_range(&lines, Panel::Value);
    assert!(
        cut && (hi - lo) * curves::FLATTEST_SHARE <= 1.0 * 1.2,
        "{lo} … {hi}"
    );
    assert!(
        lo <= 0.0 && hi >= 1.0,
        "the flattest curve is whole: {lo} … {hi}"
    );
}

#[test]
fn a_line_is_cut_where_it_leaves_the_range_not_laid_along_its_edge() {
    let line = [(0.0, 0.0), (1.0, 1.0), (2.0, 2.0), (3.0, 3.0), (4.0, 1.0)];
    let runs = curves::clip(&line, (-1.0, 1.5));
    assert_eq!(runs.len(), 2, "{runs:?}");
    assert_eq!(runs[0], vec![(0.0, 0.0), (1.0, 1.0), (1.5, 1.5)]);
    assert_eq!(runs[1], vec![(3.75, 1.5), (4.0, 1.0)]);
    assert!(runs.iter().flatten().all(|p| p.1 <= 1.5));
}

#[test]
fn curves_are_sampled_at_least_once_per_device_pixel() {
    for width in [300, 800, 1200, 2400] {
        assert!(curves::sample_count(width) > width as usize, "{width}");
    }
    // ReLU's f′ jumps at 0: drawn as a step one pixel wide at most, at DPR 1.
    let plot = plot_of(vec![Curve::Activation(Activation::Relu)], 1.0);
    let svg = svg_of((1200, 500), |root| {
        curves::draw(root, &plot).unwrap();
    });
    let lines = polylines(&svg, &color(Kind::Relu));
    let jump = lines
        .iter()
        .flat_map(|l| l.windows(2))
        .any(|w| (w[1].0 - w[0].0).abs() <= 1 && (w[1].1 - w[0].1).abs() > 50);
    assert!(jump, "a sharp step in f′");
}

#[test]
fn sigmoid_is_smooth_at_one_device_pixel_per_css_pixel() {
    let plot = plot_of(
        vec![
            Curve::Activation(Activation::Sigmoid),
            Curve::Activation(Activation::Relu),
        ],
        1.0,
    );
    let svg = svg_of((800, 500), |root| {
        curves::draw(root, &plot).unwrap();
    });
    for line in polylines(&svg, &color(Kind::Sigmoid)) {
        // A staircase has a vertical riser after each tread: a smooth curve none.
        for w in line.windows(2) {
            assert!(
                w[0].0 != w[1].0 || w[0].1 == w[1].1,
                "a vertical step at {:?} → {:?}",
                w[0],
                w[1]
            );
        }
    }
    // Thinning keeps the line within half a pixel of every sample.
    let to_pixel = |(x, y): (f64, f64)| (x * 30.0, 300.0 - y * 200.0);
    let points: Vec<_> = (0..=1200)
        .map(|i| {
            let x = -10.0 + 20.0 * f64::from(i) / 1200.0;
            (x, Activation::Sigmoid.f(x))
        })
        .collect();
    let kept = curves::thin(&points, to_pixel, 0.5);
    assert!(
        kept.len() < points.len() / 10,
        "{} of {} kept",
        kept.len(),
        points.len()
    );
    assert_eq!(
        (kept[0], *kept.last().unwrap()),
        (points[0], *points.last().unwrap())
    );
    for p in &points {
        let (px, py) = to_pixel(*p);
        let segment = kept
            .windows(2)
            .map(|w| (to_pixel(w[0]), to_pixel(w[1])))
            .find(|(a, b)| a.0 <= px && px <= b.0)
            .unwrap();
        let ((ax, ay), (bx, by)) = segment;
        let off = ((px - ax) * (by - ay) - (py - ay) * (bx - ax)).abs() / (bx - ax).hypot(by - ay);
        assert!(off <= 0.5 + 1e-9, "at x = {}: {off} px off the line", p.0);
    }
}

#[test]
fn each_saturated_region_is_named_with_its_function() {
    let plot = plot_of(all_eight(), 1.0);
    let svg = svg_of((800, 560), |root| {
        curves::draw(root, &plot).unwrap();
    });
    let texts: Vec<_> = labels(&svg).into_iter().map(|l| l.text).collect();
    for kind in [
        Kind::Sigmoid,
        Kind::Tanh,
        Kind::Relu,
        Kind::Elu,
        Kind::Swish,
        Kind::Gelu,
    ] {
        let name = format!("{}: |f′| &lt; 0.01", kind.definition().properties.label);
        assert!(texts.contains(&name), "{name} in {texts:?}");
    }
    for kind in [Kind::Identity, Kind::LeakyRelu, Kind::Prelu, Kind::Maxout] {
        let label = kind.definition().properties.label;
        assert!(
            !texts.iter().any(|t| t.starts_with(&format!("{label}:"))),
            "{label} does not saturate"
        );
    }
    // The rows' bars lie under the plots, inside the canvas.
    let bars = svg
        .match_indices("<rect")
        .map(|(at, _)| svg[at..].split('>').next().unwrap())
        .filter(|tag| attribute(tag, "opacity") == Some("0.35"))
        .count();
    assert!(bars >= 6, "{bars} bars");
}

#[test]
fn a_legend_keeps_off_a_filled_band_though_it_crosses_no_line() {
    let sizes = [(60, 14), (60, 14)];
    // A spread band over the upper 60% of the plot, its edges outside any
    // corner's box: the legend goes below it.
    let band: legend::Band = (0..=400).step_by(10).map(|x| (x, 2, 120)).collect();
    let placed = legend::layout_around(&sizes, (400, 200), (&[], std::slice::from_ref(&band)), 1.0);
    let (_, top, _, _) = placed.frame;
    assert!(top >= 120, "{:?} lies on the band", placed.frame);
    // The band's edges as lines alone would leave the legend at the upper right, inside it.
    let edges: Vec<Vec<(i32, i32)>> = [1, 2]
        .iter()
        .map(|&i| {
            band.iter()
                .map(|p| (p.0, if i == 1 { p.1 } else { p.2 }))
                .collect()
        })
        .collect();
    let lines_only = legend::layout(&sizes, (400, 200), &edges, 1.0);
    assert!(
        lines_only.frame.1 < 120,
        "the case needs the band: {lines_only:?}"
    );
    // A band down the left half: the legend stays at the upper right.
    let left: legend::Band = (0..=200).step_by(10).map(|x| (x, 0, 200)).collect();
    let placed = legend::layout_around(&sizes, (400, 200), (&[], &[left]), 1.0);
    assert!(
        placed.frame.0 >= 200 && placed.frame.1 < 20,
        "{:?}",
        placed.frame
    );
}

/// The polygons an SVG fills (the activation chart's bands), each its points.
fn polygons(svg: &str) -> Vec<Vec<(f64, f64)>> {
    svg.match_indices("<polygon")
        .map(|(at, _)| {
            let tag = svg[at..].split_once('>').unwrap().0;
            attribute(tag, "points")
                .unwrap()
                .split_whitespace()
                .map(|p| {
                    let (x, y) = p.split_once(',').unwrap();
                    (x.parse().unwrap(), y.parse().unwrap())
                })
                .collect()
        })
        .collect()
}

/// Whether `p` lies inside `polygon` (even-odd rule).
fn inside_polygon(p: (f64, f64), polygon: &[(f64, f64)]) -> bool {
    let mut inside = false;
    for (i, &a) in polygon.iter().enumerate() {
        let b = polygon[(i + 1) % polygon.len()];
        if (a.1 > p.1) != (b.1 > p.1) && p.0 < a.0 + (p.1 - a.1) * (b.0 - a.0) / (b.1 - a.1) {
            inside = !inside;
        }
    }
    inside
}

/// The legend's box in an SVG: the rectangle filled at 0.85 of the background.
fn legend_box(svg: &str) -> (f64, f64, f64, f64) {
    let tag = svg
        .match_indices("<rect")
        .map(|(at, _)| svg[at..].split_once('>').unwrap().0)
        .find(|tag| attribute(tag, "opacity") == Some("0.85"))
        .expect("a legend box");
    let number = |name| attribute(tag, name).unwrap().parse::<f64>().unwrap();
    let (x, y) = (number("x"), number("y"));
    (x, y, x + number("width"), y + number("height"))
}

/// The plotting area of a chart's SVG, from its two axes (the longest
/// vertical and horizontal strokes of two points in the foreground at full
/// opacity, the y axis leftmost and the x axis lowest): left, top, right, bottom.
fn plot_area(svg: &str, foreground: &str) -> (f64, f64, f64, f64) {
    let strokes: Vec<Vec<(f64, f64)>> = svg
        .match_indices("<polyline")
        .map(|(at, _)| svg[at..].split_once('>').unwrap().0)
        .filter(|tag| {
            attribute(tag, "stroke") == Some(foreground) && attribute(tag, "opacity") == Some("1")
        })
        .filter_map(|tag| {
            let points: Vec<(f64, f64)> = attribute(tag, "points")?
                .split_whitespace()
                .map(|p| {
                    let (x, y) = p.split_once(',').unwrap();
                    (x.parse().unwrap(), y.parse().unwrap())
                })
                .collect();
            Some(points).filter(|p| p.len() == 2)
        })
        .collect();
    let length = |p: &Vec<(f64, f64)>| (p[1].0 - p[0].0).abs() + (p[1].1 - p[0].1).abs();
    let longest = |vertical: bool| {
        let mut axis = strokes
            .iter()
            .filter(|p| (p[0].0 == p[1].0) == vertical)
            .max_by(|a, b| length(a).total_cmp(&length(b)))
            .unwrap()
            .clone();
        axis.sort_by(|a, b| (a.0 + a.1).total_cmp(&(b.0 + b.1)));
        axis
    };
    let (y_axis, x_axis) = (longest(true), longest(false));
    (y_axis[0].0, y_axis[0].1, x_axis[1].0, x_axis[0].1)
}

/// How many of 21 × 11 points spread over `frame` lie on one of `bands`.
fn on_bands(frame: (f64, f64, f64, f64), bands: &[Vec<(f64, f64)>]) -> usize {
    let (l, t, r, b) = frame;
    (0..=20)
        .flat_map(|i| {
            (0..=10).map(move |j| {
                (
                    l + (r - l) * f64::from(i) / 20.0,
                    t + (b - t) * f64::from(j) / 10.0,
                )
            })
        })
        .filter(|&p| bands.iter().any(|band| inside_polygon(p, band)))
        .count()
}

/// The lines of means an SVG of the activation chart draws (`width` wide),
/// but the legend's own strokes inside `legend`: each line's points.
fn mean_lines(svg: &str, width: f64, legend: (f64, f64, f64, f64)) -> Vec<Vec<(f64, f64)>> {
    svg.match_indices("<polyline")
        .map(|(at, _)| svg[at..].split_once('>').unwrap().0)
        .filter(|tag| attribute(tag, "stroke-width") == Some(width.to_string().as_str()))
        .map(|tag| {
            attribute(tag, "points")
                .unwrap()
                .split_whitespace()
                .map(|p| {
                    let (x, y) = p.split_once(',').unwrap();
                    (x.parse().unwrap(), y.parse().unwrap())
                })
                .collect::<Vec<(f64, f64)>>()
        })
        .filter(|line| !line.iter().all(|p| within_box(*p, legend)))
        .collect()
}

fn within_box(p: (f64, f64), frame: (f64, f64, f64, f64)) -> bool {
    p.0 >= frame.0 && p.0 <= frame.2 && p.1 >= frame.1 && p.1 <= frame.3
}

/// Whether one of `lines` passes through `frame`.
fn crosses(frame: (f64, f64, f64, f64), lines: &[Vec<(f64, f64)>]) -> bool {
    lines.iter().any(|line| {
        line.windows(2).any(|pair| {
            (0..=100).any(|i| {
                let t = f64::from(i) / 100.0;
                let p = (
                    pair[0].0 + t * (pair[1].0 - pair[0].0),
                    pair[0].1 + t * (pair[1].1 - pair[0].1),
                );
                within_box(p, frame)
            })
        })
    })
}

#[test]
fn the_activation_charts_legend_takes_a_corner_free_of_the_spread_bands_where_there_is_one() {
    // tanh and sigmoid (the zero-centred experiment), ELU, sigmoid, six tanh layers; early and later.
    let two = |units, first, second| {
        vec![
            HiddenLayer::new(units, first),
            HiddenLayer::new(units, second),
        ]
    };
    let nets = [
        (two(6, Kind::Tanh, Kind::Sigmoid), 0.03),
        (two(6, Kind::Tanh, Kind::Sigmoid), 3.0),
        (two(8, Kind::Elu, Kind::Elu), 0.03),
        (two(4, Kind::Sigmoid, Kind::Sigmoid), 3.0),
        (two(8, Kind::Relu, Kind::Relu), 1.0),
        (six_tanh_layers(), 0.03),
        (six_tanh_layers(), 1.0),
    ];
    let (mut free, mut moved) = (0, 0);
    for (layers, rate) in nets {
        for steps in [0, 20, 300] {
            let mut config = PlaygroundConfig {
                hidden: layers.clone(),
                ..PlaygroundConfig::default()
            };
            config.train.learning_rate = rate;
            let mut run = Session::new(config).unwrap();
            if steps > 0 {
                run.run(steps).unwrap();
            }
            for (size, scale) in [((580, 260), 1.0), ((1160, 520), 2.0)] {
                let svg = svg_of(size, |r| {
                    charts::draw_activations(r, run.diagnostics(), scale, Theme::LIGHT).unwrap()
                });
                let bands = polygons(&svg);
                let chosen = legend_box(&svg);
                let lines = mean_lines(&svg, 2.0 * scale, chosen);
                let (width, height) = (chosen.2 - chosen.0, chosen.3 - chosen.1);
                let (left, top, right, bottom) = plot_area(&svg, &hex(Theme::LIGHT.foreground));
                // One pixel more than the chart's inset, so a corner's box is not counted for a band's rounded edge.
                let inset = 6.0 * scale + 1.0;
                let corner = |x: f64, y: f64| (x, y, x + width, y + height);
                let upper_right = corner(right - inset - width, top + inset);
                let corners = [
                    upper_right,
                    corner(left + inset, top + inset),
                    corner(right - inset - width, bottom - inset - height),
                    corner(left + inset, bottom - inset - height),
                ];
                let clear = |c| on_bands(c, &bands) == 0 && !crosses(c, &lines);
                if !corners.iter().any(|&c| clear(c)) {
                    continue;
                }
                free += 1;
                let shrunk = (
                    chosen.0 + 1.0,
                    chosen.1 + 1.0,
                    chosen.2 - 1.0,
                    chosen.3 - 1.0,
                );
                assert_eq!(
                    on_bands(shrunk, &bands),
                    0,
                    "{layers:?} at rate {rate} after {steps} steps at {size:?}: the legend {chosen:?} lies on a band though a corner is free"
                );
                moved += usize::from(on_bands(upper_right, &bands) > 0);
            }
        }
    }
    assert!(free >= 4, "only {free} charts with a free corner");
    assert!(
        moved > 0,
        "no case where a band moves the legend from the upper right"
    );
}

/// The dots an SVG draws: centre, radius and fill of each `<circle>`.
fn dots(svg: &str) -> Vec<(f64, f64, f64, String)> {
    svg.match_indices("<circle")
        .map(|(at, _)| {
            let tag = svg[at..].split_once('>').unwrap().0;
            let number = |name| attribute(tag, name).unwrap().parse::<f64>().unwrap();
            let fill = attribute(tag, "fill").unwrap_or("none").to_string();
            (number("cx"), number("cy"), number("r"), fill)
        })
        .collect()
}

#[test]
fn a_series_of_one_record_is_drawn_as_a_dot_of_its_colour() {
    // At step 0 a run has its first record only: a line of one point draws nothing.
    let run = session_with(six_tanh_layers(), 0);
    let records = run.history().records();
    assert_eq!(records.len(), 1, "one record at step 0");
    for (size, scale) in [((300, 180), 1.0), ((600, 360), 2.0)] {
        let svg = svg_of(size, |root| {
            loss::draw(root, records, true, scale, Theme::LIGHT).unwrap();
        });
        let found = dots(&svg);
        // Train and test, in the loss panel and the accuracy panel.
        assert_eq!(found.len(), 4, "{size:?}: {found:?}");
        for (x, y, r, fill) in &found {
            assert!(*r >= 2.0 * scale, "{size:?}: a dot of radius {r}");
            assert_ne!(fill, "none", "{size:?}: the dot is filled");
            assert!(*x > 0.0 && *x < f64::from(size.0) && *y > 0.0 && *y < f64::from(size.1));
        }
        let fills: std::collections::BTreeSet<_> = found.iter().map(|d| d.3.clone()).collect();
        assert_eq!(fills.len(), 2, "the train and the test colour: {fills:?}");
    }
    // The diagnostics charts at their first record: a dot per layer.
    let diagnostics = run.diagnostics();
    let svg = svg_of((580, 260), |r| {
        charts::draw_gradients(r, diagnostics, 1.0, Theme::LIGHT).unwrap()
    });
    assert_eq!(dots(&svg).len(), 7, "six layers and the output");
    let svg = svg_of((580, 260), |r| {
        charts::draw_activations(r, diagnostics, 1.0, Theme::LIGHT).unwrap()
    });
    assert_eq!(dots(&svg).len(), 6, "six hidden layers' means");
    // Two records make a line again, and no dot.
    let run = session_with(six_tanh_layers(), 1);
    let svg = svg_of((300, 180), |root| {
        loss::draw(root, run.history().records(), true, 1.0, Theme::LIGHT).unwrap();
    });
    assert!(run.history().records().len() >= 2);
    assert!(dots(&svg).is_empty(), "a line, not dots");
}

/// The shared cases of how a number reads under a unit and in the page's
/// words (tests/e2e/numbers.test.js holds the page's `short` to them too).
const SHORT_NUMBERS: &str = include_str!("common/short_numbers.txt");

#[test]
fn the_drawing_writes_numbers_by_the_pages_rule() {
    use nnplay::plot::network::short;
    let cases: Vec<(f64, &str)> = SHORT_NUMBERS
        .lines()
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|line| {
            let (value, text) = line.split_once('\t').unwrap();
            (value.parse().unwrap(), text)
        })
        .collect();
    assert!(cases.len() >= 20);
    for (value, text) in cases {
        assert_eq!(short(value), text, "{value}");
    }
}

#[test]
fn a_negative_unit_value_on_the_drawing_reads_as_in_the_words() {
    use nnplay::plot::network::{draw_stage, layout, StageMarks};
    let layout = layout(&[2, 3, 2], 600.0, 300.0, 1.0);
    let units = vec![vec![], vec![-0.4219, 0.000321, -0.125], vec![]];
    let svg = svg_of((600, 300), |root| {
        let marks = StageMarks {
            units: &units,
            lit: &[false, true, false],
        };
        draw_stage(root, &layout, &marks, 1.0, Theme::LIGHT).unwrap();
    });
    let written: Vec<String> = labels(&svg).into_iter().map(|l| l.text).collect();
    // As the stage's words write them (tests/e2e/numbers.test.js): "a1 = −0.42, 3.2e−4, −0.13".
    assert_eq!(written, ["\u{2212}0.42", "3.2e\u{2212}4", "\u{2212}0.13"]);
    assert!(!svg.contains(">-"), "no ASCII hyphen-minus before a number");
}
