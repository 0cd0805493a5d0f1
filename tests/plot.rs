#![cfg(not(target_arch = "wasm32"))]
//! Native tests of the plots: rendered to SVG, the drawing is checked for what
//! it must show (one line per curve and panel, shading only where f' dies).

use nnplay::activation::{Activation, Piece};
use nnplay::plot::curves::{self, Curve, CurvePlot};
use nnplay::plot::{color_of, hex, softmax, Theme};
use plotters::prelude::*;

fn render_curves(plot: &CurvePlot) -> (String, curves::PlotGeometry) {
    let mut svg = String::new();
    let geometry = {
        let root = SVGBackend::with_string(&mut svg, (800, 500)).into_drawing_area();
        curves::draw(&root, plot).expect("drawing succeeds")
    };
    (svg, geometry)
}

fn plot_of(curves: Vec<Curve>) -> CurvePlot {
    CurvePlot {
        curves,
        x_min: -10.0,
        x_max: 10.0,
        cursor: None,
        scale: 1.0,
        theme: Theme::LIGHT,
    }
}

/// How many polylines are drawn in `color`.
fn lines_in(svg: &str, color: &str) -> usize {
    svg.match_indices("<polyline")
        .filter(|(at, _)| svg[*at..].split('>').next().unwrap().contains(color))
        .count()
}

#[test]
fn each_curve_is_drawn_as_value_and_derivative() {
    let plot = plot_of(vec![
        Curve::Activation(Activation::Sigmoid),
        Curve::Activation(Activation::Relu),
    ]);
    let (svg, _) = render_curves(&plot);
    for kind in [Activation::Sigmoid.kind(), Activation::Relu.kind()] {
        let color = hex(color_of(kind)).to_uppercase();
        assert_eq!(lines_in(&svg, &color), 2, "{kind}: f and f′");
    }
    assert!(svg.contains("f(x)") && svg.contains("f′(x)"));
}

#[test]
fn saturation_is_shaded_for_sigmoid_and_not_for_identity() {
    let shaded = |act: Activation| {
        let (svg, _) = render_curves(&plot_of(vec![Curve::Activation(act)]));
        let color = hex(color_of(act.kind())).to_uppercase();
        svg.match_indices("<rect")
            .filter(|(at, _)| {
                let tag = svg[*at..].split('>').next().unwrap();
                tag.contains(&color) && tag.contains("opacity=\"0.13")
            })
            .count()
    };
    assert_eq!(shaded(Activation::Sigmoid), 2, "both tails");
    assert_eq!(shaded(Activation::Relu), 1, "x < 0");
    assert_eq!(shaded(Activation::Identity), 0);
}

#[test]
fn geometry_maps_pixels_back_to_x() {
    let (_, geometry) = render_curves(&plot_of(vec![Curve::Activation(Activation::Tanh)]));
    assert!(geometry.left > 20 && geometry.right < 800 && geometry.left < geometry.right);
    let x_at = |px: i32| geometry.x_at(f64::from(px), -10.0, 10.0);
    assert_eq!(x_at(geometry.left), -10.0);
    assert_eq!(x_at(geometry.right), 10.0);
    assert!(x_at((geometry.left + geometry.right) / 2).abs() < 0.05);
    assert_eq!(x_at(0), -10.0, "clamped");
}

#[test]
fn maxout_draws_both_pieces_and_their_max() {
    let pieces = [Piece { w: 1.0, b: 0.0 }, Piece { w: -0.5, b: 1.0 }];
    let (svg, _) = render_curves(&plot_of(vec![Curve::Maxout(pieces)]));
    let color = hex(color_of(nnplay::activation::Kind::Maxout)).to_uppercase();
    assert_eq!(lines_in(&svg, &color), 4, "two pieces, max, derivative");
}

#[test]
fn cursor_draws_a_ring_on_each_curve() {
    let mut plot = plot_of(vec![Curve::Activation(Activation::Elu { alpha: 1.0 })]);
    let (without, _) = render_curves(&plot);
    plot.cursor = Some(1.5);
    let (with, _) = render_curves(&plot);
    let circles = |svg: &str| svg.matches("<circle").count();
    assert_eq!(circles(&with), circles(&without) + 2, "one ring per panel");
}

#[test]
fn softmax_bars_show_each_probability() {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (400, 240)).into_drawing_area();
        softmax::draw(&root, &[0.09, 0.245, 0.665], 1.0, Theme::LIGHT).unwrap();
    }
    for label in ["0.090", "0.245", "0.665", "class 1", "class 3"] {
        assert!(svg.contains(label), "missing {label}");
    }
}
