//! The network drawing's links grouped by style (`plot::network::Links`):
//! every link in exactly one bucket, cut links dashed, styles ordered by
//! |w|, and few buckets even for the largest network the page builds.

use nnplay::activation::Kind;
use nnplay::network::{LayerConfig, Network, NetworkConfig};
use nnplay::plot::network::{column_units, layout, link_weight, Layout, Links, LEVELS};
use nnplay::plot::Theme;

/// A network of 2 inputs, `hidden` tanh layers and 2 softmax outputs.
fn network(hidden: &[usize]) -> Network {
    let layers = hidden
        .iter()
        .map(|&units| LayerConfig::new(units, Kind::Tanh))
        .chain([LayerConfig::new(2, Kind::Softmax)])
        .collect();
    Network::new(NetworkConfig::new(2, 3, layers)).unwrap()
}

fn picture(net: &Network, scale: f64) -> Layout {
    layout(&column_units(net), 900.0 * scale, 400.0 * scale, scale)
}

/// `net`'s links, filled for `layout` at `scale` in `theme`.
fn links_of(net: &Network, layout: &Layout, scale: f64, theme: Theme) -> Links {
    let mut links = Links::default();
    links.fill(net, layout, scale, theme);
    links
}

/// Every link as (layer, from, to, its segment), as the layout places it.
fn expected(net: &Network, layout: &Layout) -> Vec<(usize, usize, usize, [f64; 4])> {
    let (size, half) = (layout.size, layout.size / 2.0);
    let mut links = Vec::new();
    for (layer, pair) in layout.columns.windows(2).enumerate() {
        for (i, &(x0, y0)) in pair[0].iter().enumerate() {
            for (j, &(x1, y1)) in pair[1].iter().enumerate() {
                links.push((layer, i, j, [x0 + size, y0 + half, x1, y1 + half]));
            }
        }
    }
    let count: usize = net.layers().iter().map(|l| l.fan_in() * l.units()).sum();
    assert_eq!(links.len(), count);
    links
}

/// (sign, level, width, dashed) of every link, in `expected`'s order.
fn styles(net: &Network, layout: &Layout, links: &Links) -> Vec<(i8, u8, u32, bool)> {
    expected(net, layout)
        .iter()
        .map(|&(_, _, _, segment)| {
            let holding: Vec<_> = links
                .buckets()
                .filter(|b| b.segments.chunks_exact(4).any(|s| s == segment))
                .collect();
            assert_eq!(holding.len(), 1, "{segment:?} in one bucket");
            let b = holding[0];
            (b.sign, b.level, b.width, b.dash.is_some())
        })
        .collect()
}

#[test]
fn every_link_is_in_exactly_one_bucket() {
    for hidden in [&[4, 2][..], &[7, 5, 3]] {
        let net = network(hidden);
        let layout = picture(&net, 1.0);
        let links = links_of(&net, &layout, 1.0, Theme::LIGHT);
        let drawn: usize = links.buckets().map(|b| b.segments.len() / 4).sum();
        assert_eq!(drawn, expected(&net, &layout).len());
        styles(&net, &layout, &links);
    }
}

#[test]
fn refilling_keeps_the_same_buckets() {
    let net = network(&[6, 4]);
    let layout = picture(&net, 2.0);
    let mut links = links_of(&net, &layout, 2.0, Theme::DARK);
    let first: Vec<_> = links.buckets().cloned().collect();
    links.fill(&net, &layout, 2.0, Theme::DARK);
    assert_eq!(links.buckets().cloned().collect::<Vec<_>>(), first);
}

#[test]
fn a_zero_weight_goes_to_the_dashed_bucket_in_the_grid_colour() {
    let mut net = network(&[4, 2]);
    let layout = picture(&net, 1.0);
    // The weight from x₂ to unit 3 of layer 1: row 1, column 2 of W1.
    let mut params = net.params().to_vec();
    let index = net.layers()[0].w_range().start + net.layers()[0].columns() + 2;
    params[index] = 0.0;
    net.set_params(&params).unwrap();
    assert_eq!(link_weight(&net, 0, 1, 2), 0.0);
    let links = links_of(&net, &layout, 1.0, Theme::LIGHT);
    let dashed: Vec<_> = links.buckets().filter(|b| b.dash.is_some()).collect();
    assert_eq!(dashed.len(), 1);
    let cut = dashed[0];
    assert_eq!((cut.sign, cut.width, cut.segments.len()), (0, 1, 4));
    let grid = Theme::LIGHT.grid;
    assert_eq!(cut.color, [grid.0, grid.1, grid.2]);
    let (_, _, _, segment) = expected(&net, &layout)[4 + 2];
    assert_eq!(cut.segments, segment);
}

#[test]
fn sign_colour_and_width_follow_the_weight() {
    let net = network(&[16, 16]);
    let layout = picture(&net, 2.0);
    let links = links_of(&net, &layout, 2.0, Theme::LIGHT);
    let weights: Vec<f64> = expected(&net, &layout)
        .iter()
        .map(|&(layer, i, j, _)| link_weight(&net, layer, i, j))
        .collect();
    let styles = styles(&net, &layout, &links);
    for (&w, &(sign, ..)) in weights.iter().zip(&styles) {
        assert_eq!(f64::from(sign), w.signum(), "w = {w}");
    }
    for (a, style_a) in weights.iter().zip(&styles) {
        for (b, style_b) in weights.iter().zip(&styles) {
            if a.abs() > b.abs() {
                assert!(
                    style_a.1 >= style_b.1,
                    "level: {a} {style_a:?}, {b} {style_b:?}"
                );
                assert!(
                    style_a.2 >= style_b.2,
                    "width: {a} {style_a:?}, {b} {style_b:?}"
                );
            }
        }
    }
    // Blue for positive, orange for negative; stronger is further from grey.
    let mut positive: Vec<_> = links.buckets().filter(|b| b.sign > 0).collect();
    positive.sort_by_key(|b| b.level);
    assert!(positive.iter().all(|b| b.color[2] > b.color[0]));
    assert!(positive.windows(2).all(|p| p[0].color[0] >= p[1].color[0]));
    assert!(links
        .buckets()
        .filter(|b| b.sign < 0)
        .all(|b| b.color[0] > b.color[2]));
    let top = links.buckets().map(|b| b.level).max().unwrap();
    assert!(top < LEVELS && top > LEVELS / 2, "strongest level {top}");
}

#[test]
fn six_layers_of_64_need_few_buckets() {
    let net = network(&[64; 6]);
    for scale in [1.0, 2.0] {
        let layout = picture(&net, scale);
        let links = links_of(&net, &layout, scale, Theme::LIGHT);
        let buckets = links.buckets().count();
        assert!(buckets < 80, "{buckets} buckets at scale {scale}");
        let drawn: usize = links.buckets().map(|b| b.segments.len() / 4).sum();
        assert_eq!(drawn, 2 * 64 + 5 * 64 * 64 + 64 * 2);
    }
}

#[test]
fn links_of_dense_columns_are_thinner_than_the_gap_between_units() {
    let widest = |hidden: &[usize], scale: f64| {
        let net = network(hidden);
        let layout = picture(&net, scale);
        let links = links_of(&net, &layout, scale, Theme::LIGHT);
        links.buckets().map(|b| b.width).max().unwrap()
    };
    // The strongest link of a small network is 5 pixels wide per CSS pixel…
    assert_eq!(widest(&[4, 2], 1.0), 5);
    assert_eq!(widest(&[4, 2], 2.0), 10);
    // …but 64 units in 400 pixels sit 6.25 pixels apart: at most a quarter
    // of that (1.56, drawn 2 pixels wide; 3.1 at scale 2).
    assert_eq!(widest(&[64, 64], 1.0), 2);
    assert_eq!(widest(&[64, 64], 2.0), 3);
    // The page's 300-pixel drawing: 4.7 pixels apart, 1-pixel links.
    let net = network(&[64, 64]);
    let page = layout(&column_units(&net), 900.0, 300.0, 1.0);
    let links = links_of(&net, &page, 1.0, Theme::LIGHT);
    assert!(links.buckets().all(|b| b.width == 1));
}

#[test]
fn a_limit_keeps_each_column_pairs_share_of_its_strongest_links_and_every_cut_link() {
    let mut net = network(&[64; 6]);
    // Cut one weak link of the third layer (64 → 64): cut links stay drawn.
    let mut params = net.params().to_vec();
    params[net.layers()[2].w_range().start + 5] = 0.0;
    net.set_params(&params).unwrap();
    let layout = picture(&net, 1.0);
    let mut links = Links::default();
    links.set_limit(Some(2_000));
    links.fill(&net, &layout, 1.0, Theme::LIGHT);
    let kept: Vec<[f64; 4]> = links
        .buckets()
        .flat_map(|b| b.segments.chunks_exact(4).map(|s| [s[0], s[1], s[2], s[3]]))
        .collect();
    let all = expected(&net, &layout);
    let largest = net.params().iter().fold(1e-9, |m: f64, v| m.max(v.abs()));
    for layer in 0..net.layers().len() {
        let pair: Vec<(usize, usize, usize, [f64; 4])> =
            all.iter().copied().filter(|l| l.0 == layer).collect();
        // The pair's share of 2 000 of the 20 736 links, rounded up.
        let share = (2_000 * pair.len()).div_ceil(all.len());
        let weight = |l: &(usize, usize, usize, [f64; 4])| link_weight(&net, l.0, l.1, l.2);
        let (drawn, left): (Vec<_>, Vec<_>) =
            pair.iter().copied().partition(|l| kept.contains(&l.3));
        let cut = drawn.iter().filter(|l| weight(l) == 0.0).count();
        assert_eq!(
            drawn.len(),
            share + cut,
            "layer {layer}: its share, and its cut link"
        );
        // Every link left out is weaker than every uncut link drawn.
        let size = |l: &(usize, usize, usize, [f64; 4])| weight(l).abs() / largest;
        let weakest_drawn = drawn
            .iter()
            .filter(|l| weight(l) != 0.0)
            .map(size)
            .fold(f64::INFINITY, f64::min);
        let strongest_left = left.iter().map(size).fold(0.0, f64::max);
        assert!(
            strongest_left <= weakest_drawn,
            "layer {layer}: {strongest_left} left out, {weakest_drawn} drawn"
        );
    }
    assert!(
        kept.len() <= 2_000 + net.layers().len() + 1,
        "{} drawn",
        kept.len()
    );
    // No limit again: every link.
    links.set_limit(None);
    links.fill(&net, &layout, 1.0, Theme::LIGHT);
    let drawn: usize = links.buckets().map(|b| b.segments.len() / 4).sum();
    assert_eq!(drawn, all.len());
    // A network with fewer links than the limit draws them all.
    let small = network(&[8, 8]);
    let layout = picture(&small, 1.0);
    links.set_limit(Some(2_000));
    links.fill(&small, &layout, 1.0, Theme::LIGHT);
    let drawn: usize = links.buckets().map(|b| b.segments.len() / 4).sum();
    assert_eq!(drawn, expected(&small, &layout).len());
}
