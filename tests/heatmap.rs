//! The heatmap's pieces: the grid's colours as a small image and the points
//! as a transparent layer, which `Heatmap::render` composes.

use nnplay::config::PlaygroundConfig;
use nnplay::data::Dataset;
use nnplay::plot::heatmap::{to_pixel, Heatmap, PointStyle, PointsLayer};
use nnplay::plot::Theme;
use nnplay::session::Session;

const SIZE: (usize, usize) = (240, 180);
const STYLE: PointStyle = PointStyle {
    radius: 4.0,
    show_test: false,
};

fn trained_circle() -> Session {
    let mut session = Session::new(PlaygroundConfig::default()).unwrap();
    session.run(300).unwrap();
    session
}

fn alpha_at(layer: &PointsLayer, (px, py): (usize, usize)) -> u8 {
    layer.pixels()[(py * SIZE.0 + px) * 4 + 3]
}

/// The pixel centre nearest to `x` on the picture.
fn centre_of(x: &[f64]) -> (usize, usize) {
    let (px, py) = to_pixel(x, SIZE.0, SIZE.1);
    (px as usize, py as usize)
}

fn points_of(set: &Dataset) -> impl Iterator<Item = &[f64]> {
    set.x.chunks_exact(2)
}

#[test]
fn the_cell_image_is_each_grid_point_in_its_predicted_class_colour() {
    let mut session = trained_circle();
    let mut heatmap = Heatmap::new(40);
    heatmap.set_discrete(true);
    let (trainer, _) = session.trainer_and_test();
    let image = heatmap.cell_image(trainer, Theme::LIGHT).to_vec();
    assert_eq!(image.len(), 40 * 40 * 4);
    // The class colours (230, 120, 20) and (0, 114, 178) moved 60 % of the
    // way from white, worked by hand.
    let expected = [[240, 174, 114, 255], [102, 170, 209, 255]];
    for (pixel, y_hat) in image.chunks(4).zip(heatmap.outputs().chunks(2)) {
        let class = usize::from(y_hat[1] > y_hat[0]);
        assert_eq!(pixel, expected[class]);
    }
}

#[test]
fn render_on_the_grid_itself_shows_the_cell_image() {
    let mut session = trained_circle();
    let mut heatmap = Heatmap::new(30);
    let (trainer, test) = session.trainer_and_test();
    let image = heatmap.cell_image(trainer, Theme::DARK).to_vec();
    // A negative radius covers no pixel: the plane alone, one pixel per grid point.
    let style = PointStyle {
        radius: -1.0,
        ..STYLE
    };
    let pixels = heatmap.render(trainer, test, (30, 30), style, Theme::DARK);
    assert_eq!(pixels, image);
    assert!(image.chunks(4).all(|p| p[3] == 255), "opaque");
}

#[test]
fn the_points_layer_covers_each_point_and_nothing_far_from_them() {
    let session = trained_circle();
    let (train, test) = (session.trainer().train_set(), session.test_set());
    let mut layer = PointsLayer::new();
    assert!(layer.update(train, test, SIZE, STYLE, Theme::LIGHT));
    assert_eq!(layer.pixels().len(), SIZE.0 * SIZE.1 * 4);
    for x in points_of(train) {
        assert_eq!(alpha_at(&layer, centre_of(x)), 255, "at {x:?}");
    }
    // Pixels further than the radius and a pixel of anti-aliasing from every point.
    let far = |px: usize, py: usize| {
        points_of(train).all(|x| {
            let (cx, cy) = to_pixel(x, SIZE.0, SIZE.1);
            (px as f64 + 0.5 - cx).hypot(py as f64 + 0.5 - cy) > STYLE.radius + 1.5
        })
    };
    let (mut empty, mut checked) = (0, 0);
    for (py, px) in (0..SIZE.1).flat_map(|py| (0..SIZE.0).map(move |px| (py, px))) {
        if far(px, py) {
            checked += 1;
            empty += usize::from(layer.pixels()[(py * SIZE.0 + px) * 4..][..4] == [0; 4]);
        }
    }
    assert!(checked > SIZE.0 * SIZE.1 / 4, "{checked} far pixels");
    assert_eq!(empty, checked, "far from every point the layer is clear");
}

#[test]
fn the_points_layer_is_repainted_only_when_what_it_shows_changes() {
    let mut session = trained_circle();
    let mut layer = PointsLayer::new();
    let (train, test) = (session.trainer().train_set(), session.test_set());
    assert!(layer.update(train, test, SIZE, STYLE, Theme::LIGHT));
    let first = layer.pixels().to_vec();
    assert!(!layer.update(train, test, SIZE, STYLE, Theme::LIGHT));
    assert_eq!(layer.pixels(), first, "reused as it was");
    // Training moves the weights, not the points.
    session.run(50).unwrap();
    let (train, test) = (session.trainer().train_set(), session.test_set());
    assert!(!layer.update(train, test, SIZE, STYLE, Theme::LIGHT));
    let with_test = PointStyle {
        show_test: true,
        ..STYLE
    };
    assert!(layer.update(train, test, SIZE, with_test, Theme::LIGHT));
    assert_ne!(layer.pixels(), first, "the test points join");
    let lone = points_of(test).find(|x| {
        let centre = to_pixel(x, SIZE.0, SIZE.1);
        points_of(train).all(|t| {
            let (cx, cy) = to_pixel(t, SIZE.0, SIZE.1);
            (centre.0 - cx).hypot(centre.1 - cy) > 2.0 * STYLE.radius + 2.0
        })
    });
    let lone = lone.expect("a test point clear of the training points");
    assert_eq!(
        first[(centre_of(lone).1 * SIZE.0 + centre_of(lone).0) * 4 + 3],
        0
    );
    assert_eq!(alpha_at(&layer, centre_of(lone)), 255);
    // Moving one point repaints; so do a new size and a new radius.
    let mut moved = train.clone();
    moved.x[0] += 0.5;
    assert!(layer.update(&moved, test, SIZE, with_test, Theme::LIGHT));
    assert!(layer.update(&moved, test, (SIZE.0, SIZE.1 + 1), with_test, Theme::LIGHT));
    let bigger = PointStyle {
        radius: 6.0,
        ..with_test
    };
    assert!(layer.update(&moved, test, (SIZE.0, SIZE.1 + 1), bigger, Theme::LIGHT));
}

#[test]
fn render_composites_the_points_layer_over_the_boundary() {
    let mut session = trained_circle();
    let mut heatmap = Heatmap::new(50);
    let (trainer, test) = session.trainer_and_test();
    let pixels = heatmap
        .render(trainer, test, SIZE, STYLE, Theme::LIGHT)
        .to_vec();
    let mut layer = PointsLayer::new();
    layer.update(trainer.train_set(), test, SIZE, STYLE, Theme::LIGHT);
    // Where the layer is opaque the picture is the layer; where clear, the boundary.
    let plain = PointStyle {
        radius: -1.0,
        ..STYLE
    };
    let boundary = heatmap.render(trainer, test, SIZE, plain, Theme::LIGHT);
    let rgba = pixels.chunks(4).zip(layer.pixels().chunks(4));
    for ((shown, point), under) in rgba.zip(boundary.chunks(4)) {
        match point[3] {
            255 => assert_eq!(shown[..3], point[..3]),
            0 => assert_eq!(shown, under),
            _ => {}
        }
        assert_eq!(shown[3], 255);
    }
}
