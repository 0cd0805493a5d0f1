//! The compact text of drawn data in a link: one byte of classes (0 for
//! regression), then per point x1 and x2 on a 10-bit grid over −6 … 6 and
//! its label (2 bits of class, or a 12-bit value over −10 … 10), packed
//! most significant bit first, zero-padded to a byte; all in unpadded
//! base64url. The `points` key's text in docs/link-keys.md says the same.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

use super::custom::{
    assemble, dequantise, quantise, CustomData, CustomPoint, COORDINATE_STEPS, MAX_CLASSES,
    VALUE_LIMIT, VALUE_STEPS,
};
use super::dataset::{DOMAIN, POINTS};

/// Most points a link carries; past that the link leaves the data out.
pub const LINK_POINTS: usize = 200;

const COORDINATE_BITS: u32 = 10;
const CLASS_BITS: u32 = 2;
const VALUE_BITS: u32 = 12;

fn label_bits(classes: usize) -> u32 {
    if classes == 0 {
        VALUE_BITS
    } else {
        CLASS_BITS
    }
}

/// Bits packed most significant first into bytes.
struct BitWriter {
    bytes: Vec<u8>,
    used: u32,
}

impl BitWriter {
    fn push(&mut self, value: u32, bits: u32) {
        for bit in (0..bits).rev() {
            if self.used.is_multiple_of(8) {
                self.bytes.push(0);
            }
            let byte = self.bytes.len() - 1;
            self.bytes[byte] |= (((value >> bit) & 1) as u8) << (7 - self.used % 8);
            self.used += 1;
        }
    }
}

/// Reads `bits` bits starting at bit `at` of `bytes` (the caller checks the length).
fn read_bits(bytes: &[u8], at: usize, bits: u32) -> u32 {
    (0..bits as usize).fold(0, |value, k| {
        let bit = at + k;
        (value << 1) | u32::from((bytes[bit / 8] >> (7 - bit % 8)) & 1)
    })
}

/// The text of `data` (any number of points; the link writer checks `LINK_POINTS`).
pub fn encode(data: &CustomData) -> String {
    let mut writer = BitWriter {
        bytes: vec![data.classes() as u8],
        used: 8,
    };
    let bits = label_bits(data.classes());
    for point in data.points() {
        for v in point.x {
            writer.push(quantise(v, DOMAIN, COORDINATE_STEPS), COORDINATE_BITS);
        }
        let label = if data.classes() == 0 {
            quantise(point.label, VALUE_LIMIT, VALUE_STEPS)
        } else {
            point.label as u32
        };
        writer.push(label, bits);
    }
    URL_SAFE_NO_PAD.encode(&writer.bytes)
}

/// The data `text` describes, or `None` unless it is exactly what `encode`
/// writes for some data: classes 0 or 2 … 4, labels below the classes, no
/// stray bits, at most `POINTS` points.
pub fn decode(text: &str) -> Option<CustomData> {
    let bytes = URL_SAFE_NO_PAD.decode(text).ok()?;
    let (&classes, _) = bytes.split_first()?;
    let classes = usize::from(classes);
    if classes != 0 && !(2..=MAX_CLASSES).contains(&classes) {
        return None;
    }
    let per_point = (2 * COORDINATE_BITS + label_bits(classes)) as usize;
    let payload = (bytes.len() - 1) * 8;
    let count = payload / per_point;
    let spare = payload - count * per_point;
    if spare >= 8 || count > *POINTS.end() {
        return None;
    }
    let end = 8 + count * per_point;
    if read_bits(&bytes, end, spare as u32) != 0 {
        return None;
    }
    let mut points = Vec::with_capacity(count);
    for i in 0..count {
        let at = 8 + i * per_point;
        let coordinate = |k: usize| {
            let q = read_bits(&bytes, at + k * COORDINATE_BITS as usize, COORDINATE_BITS);
            (q <= COORDINATE_STEPS).then(|| dequantise(q, DOMAIN, COORDINATE_STEPS))
        };
        let x = [coordinate(0)?, coordinate(1)?];
        let q = read_bits(
            &bytes,
            at + 2 * COORDINATE_BITS as usize,
            label_bits(classes),
        );
        let label = match classes {
            0 => (q <= VALUE_STEPS).then(|| dequantise(q, VALUE_LIMIT, VALUE_STEPS))?,
            k => (q < k as u32).then_some(f64::from(q))?,
        };
        points.push(CustomPoint { x, label });
    }
    Some(assemble(classes, points))
}
