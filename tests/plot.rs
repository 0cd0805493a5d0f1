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

mod training_view {
    use nnplay::config::PlaygroundConfig;
    use nnplay::data::Dataset;
    use nnplay::plot::heatmap::{to_pixel, Heatmap, PointStyle};
    use nnplay::plot::network::{self, Thumbnails};
    use nnplay::plot::{loss, Theme};
    use nnplay::session::Session;
    use plotters::prelude::*;

    fn trained_circle() -> Session {
        let mut session = Session::new(PlaygroundConfig::default()).unwrap();
        session.run(3000).unwrap();
        session
    }

    fn label(set: &Dataset, i: usize) -> usize {
        set.label(i).unwrap()
    }

    #[test]
    fn the_heatmap_grid_agrees_with_the_test_labels_where_they_lie() {
        let mut session = trained_circle();
        let mut heatmap = Heatmap::new(100);
        let style = PointStyle {
            radius: 4.0,
            show_test: true,
        };
        let (trainer, test) = session.trainer_and_test();
        let pixels = heatmap
            .render(trainer, test, (300, 200), style, Theme::LIGHT)
            .to_vec();
        assert_eq!(pixels.len(), 300 * 200 * 4);
        assert!(pixels.chunks(4).all(|p| p[3] == 255), "opaque");
        // Each test point's nearest grid cell predicts its class (row 0 is x2 = +6).
        let outputs = heatmap.outputs();
        let test = session.test_set();
        let right = (0..test.len())
            .filter(|&i| {
                let x = &test.x[2 * i..2 * i + 2];
                let col = ((x[0] + 6.0) / 12.0 * 99.0).round() as usize;
                let row = ((6.0 - x[1]) / 12.0 * 99.0).round() as usize;
                let cell = &outputs[(row * 100 + col) * 2..][..2];
                usize::from(cell[1] > cell[0]) == label(test, i)
            })
            .count();
        assert!(
            right as f64 >= 0.9 * test.len() as f64,
            "{right} of {}",
            test.len()
        );
    }

    #[test]
    fn points_are_drawn_in_their_class_colour_with_train_and_test_rings() {
        let mut session = Session::new(PlaygroundConfig::default()).unwrap();
        let mut heatmap = Heatmap::new(20);
        let size = (240, 240);
        let style = PointStyle {
            radius: 5.0,
            show_test: false,
        };
        let (trainer, test) = session.trainer_and_test();
        let pixels = heatmap
            .render(trainer, test, size, style, Theme::LIGHT)
            .to_vec();
        let train = session.trainer().train_set();
        let class_colors = [[230u8, 120, 20], [0, 114, 178]];
        let centre_matches = (0..train.len())
            .filter(|&i| {
                let (px, py) = to_pixel(&train.x[2 * i..2 * i + 2], size.0, size.1);
                let (px, py) = (px as usize, py as usize);
                if px >= size.0 || py >= size.1 {
                    return false;
                }
                let at = (py * size.0 + px) * 4;
                pixels[at..at + 3] == class_colors[label(train, i)]
            })
            .count();
        // Overlapping discs hide some centres; most must show their class colour.
        assert!(
            centre_matches * 2 > train.len(),
            "{centre_matches} of {}",
            train.len()
        );
    }

    #[test]
    fn the_network_drawing_has_a_link_per_weight_and_a_box_per_unit() {
        let session = Session::new(PlaygroundConfig::default()).unwrap();
        let net = session.trainer().network();
        let units = network::column_units(net);
        assert_eq!(units, vec![2, 4, 2, 2]);
        let layout = network::layout(&units, 600.0, 300.0, 1.0);
        assert_eq!(
            layout.columns.iter().map(Vec::len).collect::<Vec<_>>(),
            units
        );
        assert!(layout.size > 10.0 && layout.size <= 34.0);
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (600, 300)).into_drawing_area();
            network::draw(&root, net, &layout, 1.0, Theme::LIGHT).unwrap();
        }
        assert_eq!(svg.matches("<polyline").count(), 2 * 4 + 4 * 2 + 2 * 2);
        assert_eq!(
            svg.matches("<rect").count(),
            1 + 10,
            "background and ten units"
        );
    }

    #[test]
    fn thumbnails_show_each_unit_over_the_plane() {
        let mut session = Session::new(PlaygroundConfig::default()).unwrap();
        let mut thumbnails = Thumbnails::new(16);
        let images = thumbnails.render(session.trainer_mut());
        assert_eq!(images.len(), 10);
        assert!(images.iter().all(|image| image.len() == 16 * 16 * 4));
        // x1's thumbnail runs from orange (x1 = −6, left) to blue (x1 = +6, right).
        let x1 = &images[0];
        let (left, right) = (&x1[0..3], &x1[15 * 4..15 * 4 + 3]);
        assert!(
            left[0] > left[2] && right[2] > right[0],
            "{left:?} {right:?}"
        );
        // x2's runs from blue at the top (x2 = +6) to orange at the bottom.
        let x2 = &images[1];
        let (top, bottom) = (&x2[0..3], &x2[15 * 16 * 4..15 * 16 * 4 + 3]);
        assert!(
            top[2] > top[0] && bottom[0] > bottom[2],
            "{top:?} {bottom:?}"
        );
    }

    #[test]
    fn the_loss_chart_shows_train_and_test_and_accuracy_for_classes() {
        let session = trained_circle();
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (400, 300)).into_drawing_area();
            loss::draw(&root, session.history().records(), true, 1.0, Theme::LIGHT).unwrap();
        }
        // A legend of train and test, once for both panels; each y axis titled.
        for text in ["train", "test", "loss", "accuracy"] {
            let label = format!(">\n{text}\n</text>");
            assert_eq!(svg.matches(&label).count(), 1, "{text} once in {svg}");
        }
        assert!(svg.contains("3000"), "the x axis reaches the last step");
    }
}
