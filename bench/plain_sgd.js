// A plain-JavaScript twin of nnplay's Model for one case: tanh hidden layers,
// an identity output and ½·squared error, trained by minibatch SGD in order.
// It is the baseline bench/fit.mjs measures the wasm core against, so it is
// written the way a careful JS programmer would: flat Float64Arrays, every
// buffer allocated before training starts, a whole minibatch at a time,
// Math.tanh, and no allocation inside the training loop.
//
// Parameter layout (docs/js-api.md), layer by layer: W row-major (fan_in × units),
// then b (units). Start it from a Model's params() and both train alike.
//
// A classic script (for page.addScriptTag): it sets `globalThis.PlainSgd`.
"use strict";

/** A tanh network with an identity output layer, trained by plain SGD. */
class PlainSgd {
  /** `sizes` is [inputs, hidden…, outputs]; `params` is a Model's params(). */
  constructor(sizes, params) {
    this.sizes = sizes.slice();
    this.layers = layout(this.sizes);
    const last = this.layers[this.layers.length - 1];
    this.params = new Float64Array(last.b + last.units);
    this.gradient = new Float64Array(this.params.length);
    this.rows = 0;
    this.a = [];
    this.delta = [];
    this.setParams(params);
  }

  /** Copies `params` (the Model layout) in; throws on a wrong length. */
  setParams(params) {
    if (params.length !== this.params.length) {
      throw new Error(`params has ${params.length} numbers, expected ${this.params.length}`);
    }
    this.params.set(params);
  }

  /** Grows the per-layer a and delta buffers to hold `rows` rows (only ever before training). */
  reserve(rows) {
    if (rows <= this.rows) return;
    this.rows = rows;
    this.a = this.layers.map((layer) => new Float64Array(rows * layer.units));
    this.delta = this.layers.map((layer) => new Float64Array(rows * layer.units));
  }

  /** Minibatch SGD through the rows in order, like Model.fit; returns the loss over all rows. */
  fit(xs, ys, lr, batchSize, epochs) {
    const rows = xs.length / this.sizes[0];
    this.reserve(rows);
    for (let epoch = 0; epoch < epochs; epoch++) {
      for (let row0 = 0; row0 < rows; row0 += batchSize) {
        this.step(xs, ys, row0, Math.min(batchSize, rows - row0), lr);
      }
    }
    return this.loss(xs, ys);
  }

  /** Mean loss over all of xs, ys with the current parameters. */
  loss(xs, ys) {
    const rows = xs.length / this.sizes[0];
    this.reserve(rows);
    this.forward(xs, 0, rows);
    return this.batchLoss(ys, 0, rows);
  }

  /** One SGD update on rows [row0, row0 + rows) of xs, ys. */
  step(xs, ys, row0, rows, lr) {
    this.forward(xs, row0, rows);
    this.backward(xs, ys, row0, rows);
    this.descend(lr, rows);
  }

  /** Forward pass of rows [row0, row0 + rows) of xs: fills every layer's a. */
  forward(xs, row0, rows) {
    const last = this.layers.length - 1;
    for (let l = 0; l <= last; l++) {
      const input = l === 0 ? xs : this.a[l - 1];
      this.affine(this.layers[l], input, l === 0 ? row0 : 0, rows, this.a[l]);
      if (l < last) tanhInPlace(this.a[l], rows * this.layers[l].units);
    }
  }

  /** out = input·W + b for `rows` rows of `input` from row `inRow0` (loop order i-k-j). */
  affine(layer, input, inRow0, rows, out) {
    const { fanIn, units, w, b } = layer;
    const p = this.params;
    for (let i = 0; i < rows; i++) {
      const inRow = (inRow0 + i) * fanIn, outRow = i * units;
      for (let j = 0; j < units; j++) out[outRow + j] = p[b + j];
      for (let k = 0; k < fanIn; k++) {
        const x = input[inRow + k], wRow = w + k * units;
        for (let j = 0; j < units; j++) out[outRow + j] += x * p[wRow + j];
      }
    }
  }

  /** Mean over `rows` rows of ½·Σ(y_hat − y)², after forward() of the rows from `row0`. */
  batchLoss(ys, row0, rows) {
    const outputs = this.layers[this.layers.length - 1].units;
    const yHat = this.a[this.a.length - 1];
    let total = 0;
    for (let i = 0; i < rows; i++) {
      let sum = 0;
      for (let j = 0; j < outputs; j++) {
        const e = yHat[i * outputs + j] - ys[(row0 + i) * outputs + j];
        sum += e * e;
      }
      total += 0.5 * sum;
    }
    return total / rows;
  }

  /** Backward pass after forward(): every layer's delta and the gradient, summed over rows. */
  backward(xs, ys, row0, rows) {
    const last = this.layers.length - 1, outputs = this.layers[last].units;
    outputDelta(this.a[last], ys, row0 * outputs, rows * outputs, this.delta[last]);
    for (let l = last; l >= 0; l--) {
      const input = l === 0 ? xs : this.a[l - 1];
      this.weightGradient(this.layers[l], input, l === 0 ? row0 : 0, rows, this.delta[l]);
      if (l > 0) this.deltaBelow(l, rows);
    }
  }

  /** dW = Σ aᵀ·delta and db = Σ delta over the rows (divided by rows in descend()). */
  weightGradient(layer, input, inRow0, rows, delta) {
    const { fanIn, units, w, b } = layer;
    const g = this.gradient;
    g.fill(0, w, b + units);
    for (let i = 0; i < rows; i++) {
      const inRow = (inRow0 + i) * fanIn, dRow = i * units;
      for (let k = 0; k < fanIn; k++) {
        const x = input[inRow + k], gRow = w + k * units;
        for (let j = 0; j < units; j++) g[gRow + j] += x * delta[dRow + j];
      }
      for (let j = 0; j < units; j++) g[b + j] += delta[dRow + j];
    }
  }

  /** delta of layer l − 1 = (delta_l · W_lᵀ) ⊙ (1 − a²), a being that layer's tanh output. */
  deltaBelow(l, rows) {
    const { fanIn, units, w } = this.layers[l];
    const p = this.params, delta = this.delta[l];
    const a = this.a[l - 1], below = this.delta[l - 1];
    for (let i = 0; i < rows; i++) {
      const dRow = i * units, bRow = i * fanIn;
      for (let k = 0; k < fanIn; k++) {
        const wRow = w + k * units;
        let sum = 0;
        for (let j = 0; j < units; j++) sum += delta[dRow + j] * p[wRow + j];
        const t = a[bRow + k];
        below[bRow + k] = sum * (1 - t * t);
      }
    }
  }

  /** params −= lr · gradient / rows: the batch's mean gradient, one SGD step. */
  descend(lr, rows) {
    const p = this.params, g = this.gradient, scale = lr / rows;
    for (let i = 0; i < p.length; i++) p[i] -= scale * g[i];
  }
}

/** Each layer's {fanIn, units} and the offsets of its W and b, for sizes [inputs, …, outputs]. */
function layout(sizes) {
  const layers = [];
  let offset = 0;
  for (let l = 1; l < sizes.length; l++) {
    const fanIn = sizes[l - 1], units = sizes[l];
    layers.push({ fanIn, units, w: offset, b: offset + fanIn * units });
    offset += fanIn * units + units;
  }
  return layers;
}

/** a = tanh(a) for the first `n` entries, in place. */
function tanhInPlace(a, n) {
  for (let i = 0; i < n; i++) a[i] = Math.tanh(a[i]);
}

/** delta = y_hat − y for `n` output entries, reading ys from index `y0`. */
function outputDelta(yHat, ys, y0, n, delta) {
  for (let i = 0; i < n; i++) delta[i] = yHat[i] - ys[y0 + i];
}

globalThis.PlainSgd = PlainSgd;
