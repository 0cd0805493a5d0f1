//! The network drawing's links grouped by how they are stroked, so that a
//! backend strokes each group in one go: a few dozen strokes for tens of
//! thousands of links. Backend-free; `network::draw` and the web facade both
//! draw from it.

use super::layout::{link_weight, Layout};
use crate::network::Network;
use crate::plot::palette::diverging;
use crate::plot::Theme;

/// Steps of colour from the faintest to the strongest link of one sign. The
/// colour's strength is `0.35 + 0.65·sqrt(|w| / largest)`; 16 steps keep
/// neighbouring steps within about 9 of 255 in any channel, too close to see.
pub const LEVELS: u8 = 16;

/// Links stroked alike: one colour, width and dash.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Bucket {
    /// The weights' sign: −1 or 1, or 0 for cut links (weight exactly 0).
    pub sign: i8,
    /// Colour step, 0 (faintest) to `LEVELS − 1`; 0 for cut links.
    pub level: u8,
    /// Red, green, blue.
    pub color: [u8; 3],
    /// Stroke width in pixels, at least 1.
    pub width: u32,
    /// Length in pixels of each dash and of each gap; `None` for a solid line.
    pub dash: Option<f64>,
    /// `x0, y0, x1, y1` per link, in picture pixels.
    pub segments: Vec<f64>,
}

impl Bucket {
    /// The links as `((x0, y0), (x1, y1))`.
    pub fn lines(&self) -> impl Iterator<Item = ((f64, f64), (f64, f64))> + '_ {
        self.segments
            .chunks_exact(4)
            .map(|s| ((s[0], s[1]), (s[2], s[3])))
    }
}

/// Every link of a network, bucketed by style. The buckets' buffers are kept
/// between `fill`s, so refilling for the same network shape allocates nothing.
#[derive(Clone, Debug, Default)]
pub struct Links {
    /// One bucket per possible style, faint and thin first, cut links at 0
    /// (see `slot`); most stay empty.
    table: Vec<Bucket>,
    /// The widest stroke at the table's scale, in whole pixels.
    widest: u32,
    /// The strongest link's width before rounding (`widest_stroke`).
    strongest: f64,
    /// Most links drawn (`set_limit`), or every link when `None`.
    limit: Option<usize>,
    /// One column pair's link sizes, to find the weakest link drawn; kept
    /// between `fill`s, so a limited fill allocates nothing either.
    sizes: Vec<f64>,
}

impl Links {
    /// Draws at most about `limit` links (`None`: every one): each pair of
    /// neighbouring columns keeps its share of the limit (by its share of
    /// the links), its strongest links by |value| / largest, and cut links
    /// always. A wide network plays this way (tens of thousands of links
    /// cost a software rasteriser about 20 ms a frame; 64 units in a column
    /// leave under 5 pixels between them, so the weak links among thousands
    /// are not seen apart) and is drawn whole once paused.
    pub fn set_limit(&mut self, limit: Option<usize>) {
        self.limit = limit;
    }

    /// Empties the buckets and fills them with `network`'s links, each from
    /// the middle of its unit's right side to the middle of the next unit's
    /// left side as `layout` places them; `scale` is device pixels per CSS
    /// pixel. A link's weight is `link_weight`'s (maxout: the piece of
    /// largest |w|).
    pub fn fill(&mut self, network: &Network, layout: &Layout, scale: f64, theme: Theme) {
        let largest = largest_abs(network.params(), 1e-9);
        let weight = |layer, i, j| (link_weight(network, layer, i, j), largest);
        self.fill_by(layout, scale, theme, weight);
    }

    /// As `fill`, with the links of the layers a stage has lit (layer `l`
    /// when `lit[l + 1]`, as `lit_columns` gives) drawn by the stage's
    /// `values` (per layer `fan_in × units`, dL/dW or ΔW, as
    /// `stage_view::network` gives them), measured against the largest of the
    /// lit layers'; the other layers keep showing their weights.
    pub fn fill_stage(
        &mut self,
        network: &Network,
        layout: &Layout,
        scale: f64,
        theme: Theme,
        values: &[Vec<f64>],
        lit: &[bool],
    ) {
        let lit_layer = |l: usize| lit[l + 1];
        let lit_values = values.iter().enumerate().filter(|&(l, _)| lit_layer(l));
        let largest = largest_abs(lit_values.flat_map(|(_, v)| v), 1e-300);
        let weights = largest_abs(network.params(), 1e-9);
        let value = |l: usize, i: usize, j: usize| match lit_layer(l) {
            true => (values[l][i * network.layers()[l].units() + j], largest),
            false => (link_weight(network, l, i, j), weights),
        };
        self.fill_by(layout, scale, theme, value);
    }

    /// As `fill`, each link drawn by the value `value(layer, i, j)` gives
    /// with the largest |value| it is measured against (the stage stepper
    /// draws dL/dW or ΔW this way, by colour and width as a weight is).
    pub fn fill_by(
        &mut self,
        layout: &Layout,
        scale: f64,
        theme: Theme,
        value: impl Fn(usize, usize, usize) -> (f64, f64),
    ) {
        self.strongest = widest_stroke(layout, scale);
        let widest = stroke_width(1.0, self.strongest);
        let slots = 1 + 2 * usize::from(LEVELS) * widest as usize;
        if self.widest != widest || self.table.len() != slots {
            self.table = vec![Bucket::default(); slots];
            self.widest = widest;
        }
        for bucket in &mut self.table {
            bucket.segments.clear();
        }
        let half = layout.size / 2.0;
        let pair_links = |pair: &[Vec<(f64, f64)>]| pair[0].len() * pair[1].len();
        let total: usize = layout.columns.windows(2).map(pair_links).sum();
        for (layer, pair) in layout.columns.windows(2).enumerate() {
            let weakest = match self.limit {
                Some(limit) if total > limit => {
                    // This pair's share of the limit, rounded up, so every pair keeps a link.
                    let keep = (limit * pair_links(pair)).div_ceil(total);
                    self.weakest_kept(pair, keep, |i, j| value(layer, i, j))
                }
                _ => 0.0,
            };
            for (i, &(x0, y0)) in pair[0].iter().enumerate() {
                for (j, &(x1, y1)) in pair[1].iter().enumerate() {
                    let (w, largest) = value(layer, i, j);
                    if w != 0.0 && w.abs() / largest < weakest {
                        continue;
                    }
                    let bucket = self.bucket_for(w, largest, scale, theme);
                    bucket
                        .segments
                        .extend([x0 + layout.size, y0 + half, x1, y1 + half]);
                }
            }
        }
    }

    /// The size (|value| / largest) of the weakest of the `keep` strongest
    /// links between the columns `pair`, whose values `value(i, j)` gives;
    /// 0 (every link) when the pair has no more than `keep`.
    fn weakest_kept(
        &mut self,
        pair: &[Vec<(f64, f64)>],
        keep: usize,
        value: impl Fn(usize, usize) -> (f64, f64),
    ) -> f64 {
        self.sizes.clear();
        for i in 0..pair[0].len() {
            for j in 0..pair[1].len() {
                let (w, largest) = value(i, j);
                self.sizes.push(w.abs() / largest);
            }
        }
        if keep == 0 || keep >= self.sizes.len() {
            return 0.0;
        }
        // The keep-th largest: sizes are finite or NaN (a diverged run), ordered by total_cmp.
        let at = self.sizes.len() - keep;
        *self.sizes.select_nth_unstable_by(at, f64::total_cmp).1
    }

    /// The buckets holding at least one link, in drawing order: cut links
    /// first, then from faint and thin to strong and wide, so strong links
    /// lie on top.
    pub fn buckets(&self) -> impl Iterator<Item = &Bucket> {
        self.table.iter().filter(|b| !b.segments.is_empty())
    }

    /// The bucket of a link of weight `w` when the largest |parameter| is
    /// `largest`, its style set if it was empty.
    fn bucket_for(&mut self, w: f64, largest: f64, scale: f64, theme: Theme) -> &mut Bucket {
        let cut = w == 0.0;
        let size = (w.abs() / largest).min(1.0);
        let level = (size.sqrt() * f64::from(LEVELS - 1)).round() as u8;
        let width = stroke_width(size, self.strongest).min(self.widest);
        let sign = if w < 0.0 { -1 } else { 1 };
        let slot = match cut {
            true => 0,
            false => {
                let step = usize::from(level) * self.widest as usize + (width - 1) as usize;
                1 + 2 * step + usize::from(sign > 0)
            }
        };
        let bucket = &mut self.table[slot];
        if bucket.segments.is_empty() {
            let segments = std::mem::take(&mut bucket.segments);
            *bucket = Bucket {
                segments,
                ..match cut {
                    true => cut_style(scale, theme),
                    false => style(sign, level, width),
                }
            };
        }
        bucket
    }
}

/// A cut link's style: a thin dashed line in the grid's colour.
fn cut_style(scale: f64, theme: Theme) -> Bucket {
    Bucket {
        color: [theme.grid.0, theme.grid.1, theme.grid.2],
        width: 1,
        dash: Some((3.0 * scale).round().max(1.0)),
        ..Bucket::default()
    }
}

/// The style of links of sign `sign` at colour step `level`, `width` pixels wide.
fn style(sign: i8, level: u8, width: u32) -> Bucket {
    let strength = 0.35 + 0.65 * f64::from(level) / f64::from(LEVELS - 1);
    Bucket {
        sign,
        level,
        color: diverging(f64::from(sign) * strength).map(|v| v.round() as u8),
        width,
        ..Bucket::default()
    }
}

/// The stroke width of a link of size `size` (|w| / largest |w|, 0–1) when
/// the largest weight is drawn `widest` pixels wide.
fn stroke_width(size: f64, widest: f64) -> u32 {
    (widest * (0.1 + 0.9 * size)).round().max(1.0) as u32
}

/// The width of the strongest link: 5 CSS pixels, or a quarter of the gap
/// between neighbouring units when they sit closer (64 units in a column
/// leave under 5 pixels, so 1-pixel links), so links stay apart instead of
/// filling the picture, and a dense network costs the browser thin strokes
/// (a software rasteriser draws 2-pixel lines four times slower than 1-pixel ones).
fn widest_stroke(layout: &Layout, scale: f64) -> f64 {
    let gap = layout
        .columns
        .iter()
        .filter_map(|column| Some(column.get(1)?.1 - column.first()?.1))
        .fold(f64::INFINITY, f64::min);
    (5.0 * scale).min(gap / 4.0).max(1.0)
}

/// The largest |value| of `values`, at least `floor` (so a scale of all
/// zeros draws thin grey strokes, never a division by zero).
pub(super) fn largest_abs<'a>(values: impl IntoIterator<Item = &'a f64>, floor: f64) -> f64 {
    values.into_iter().fold(floor, |m, v| m.max(v.abs()))
}
