// The second plain-JavaScript rival of bench/fit.mjs: the same network and
// SGD as plain_sgd.js (tanh hidden layers, an identity output, ½·squared
// error, minibatch SGD through the rows in order), written the other way a
// careful programmer would: one sample at a time, with each unit's weights
// contiguous (W stored unit-major, units × fan_in), so the forward pass is
// one dot product per unit over contiguous memory, and the gradient of a
// batch is summed sample by sample. Flat Float64Arrays, all allocated before
// training, Math.tanh, no allocation in the loop. On small networks this
// beats the batched twin; bench/fit.mjs races Model.fit against the faster.
//
// It starts from a Model's params() (layer by layer, W row-major fan_in ×
// units, then b) and can give its own back in that layout.
//
// A classic script (for page.addScriptTag): it sets `globalThis.PlainSgdUnit`.
"use strict";

class PlainSgdUnit {
  /** `sizes` is [inputs, hidden…, outputs]; `params` is a Model's params(). */
  constructor(sizes, params) {
    this.sizes = sizes.slice();
    this.layers = [];
    let offset = 0;
    for (let l = 1; l < sizes.length; l++) {
      const fanIn = sizes[l - 1], units = sizes[l];
      // In this class's own vector: W unit-major, then b.
      this.layers.push({ fanIn, units, w: offset, b: offset + fanIn * units });
      offset += fanIn * units + units;
    }
    this.params = new Float64Array(offset);
    this.gradient = new Float64Array(offset);
    this.a = this.layers.map((layer) => new Float64Array(layer.units));
    this.delta = this.layers.map((layer) => new Float64Array(layer.units));
    this.setParams(params);
  }

  /** Copies `params` (the Model layout: W row-major) in, transposing each W. */
  setParams(params) {
    if (params.length !== this.params.length) {
      throw new Error(`params has ${params.length} numbers, expected ${this.params.length}`);
    }
    for (const { fanIn, units, w, b } of this.layers) {
      for (let k = 0; k < fanIn; k++) {
        for (let j = 0; j < units; j++) this.params[w + j * fanIn + k] = params[w + k * units + j];
      }
      for (let j = 0; j < units; j++) this.params[b + j] = params[b + j];
    }
  }

  /** The parameters in the Model's layout. */
  modelParams() {
    const out = new Float64Array(this.params.length);
    for (const { fanIn, units, w, b } of this.layers) {
      for (let k = 0; k < fanIn; k++) {
        for (let j = 0; j < units; j++) out[w + k * units + j] = this.params[w + j * fanIn + k];
      }
      for (let j = 0; j < units; j++) out[b + j] = this.params[b + j];
    }
    return out;
  }

  /** Minibatch SGD through the rows in order, like Model.fit; returns the loss over all rows. */
  fit(xs, ys, lr, batchSize, epochs) {
    const inputs = this.sizes[0], outputs = this.sizes[this.sizes.length - 1];
    const rows = xs.length / inputs;
    const g = this.gradient, p = this.params;
    for (let epoch = 0; epoch < epochs; epoch++) {
      for (let row0 = 0; row0 < rows; row0 += batchSize) {
        const end = Math.min(row0 + batchSize, rows);
        g.fill(0);
        for (let r = row0; r < end; r++) {
          this.forward(xs, r * inputs);
          this.backward(xs, r * inputs, ys, r * outputs);
        }
        const scale = lr / (end - row0);
        for (let i = 0; i < p.length; i++) p[i] -= scale * g[i];
      }
    }
    return this.loss(xs, ys);
  }

  /** Mean ½·Σ(y_hat − y)² over all rows with the current parameters. */
  loss(xs, ys) {
    const inputs = this.sizes[0], outputs = this.sizes[this.sizes.length - 1];
    const rows = xs.length / inputs;
    const yHat = this.a[this.a.length - 1];
    let total = 0;
    for (let r = 0; r < rows; r++) {
      this.forward(xs, r * inputs);
      let sum = 0;
      for (let j = 0; j < outputs; j++) {
        const e = yHat[j] - ys[r * outputs + j];
        sum += e * e;
      }
      total += 0.5 * sum;
    }
    return total / rows;
  }

  /** One sample's forward pass, from xs[x0…]: fills each layer's a. */
  forward(xs, x0) {
    const p = this.params, last = this.layers.length - 1;
    for (let l = 0; l <= last; l++) {
      const { fanIn, units, w, b } = this.layers[l];
      const input = l === 0 ? xs : this.a[l - 1], in0 = l === 0 ? x0 : 0, out = this.a[l];
      for (let j = 0; j < units; j++) {
        let z = p[b + j];
        const row = w + j * fanIn;
        for (let k = 0; k < fanIn; k++) z += p[row + k] * input[in0 + k];
        out[j] = l < last ? Math.tanh(z) : z;
      }
    }
  }

  /** One sample's backward pass after forward(): adds its gradient to this.gradient. */
  backward(xs, x0, ys, y0) {
    const p = this.params, g = this.gradient, last = this.layers.length - 1;
    const top = this.delta[last], yHat = this.a[last];
    for (let j = 0; j < top.length; j++) top[j] = yHat[j] - ys[y0 + j];
    for (let l = last; l >= 0; l--) {
      const { fanIn, units, w, b } = this.layers[l];
      const input = l === 0 ? xs : this.a[l - 1], in0 = l === 0 ? x0 : 0, delta = this.delta[l];
      const below = l > 0 ? this.delta[l - 1] : null;
      if (below) below.fill(0);
      for (let j = 0; j < units; j++) {
        const d = delta[j], row = w + j * fanIn;
        g[b + j] += d;
        for (let k = 0; k < fanIn; k++) g[row + k] += d * input[in0 + k];
        if (below) for (let k = 0; k < fanIn; k++) below[k] += d * p[row + k];
      }
      if (below) {
        for (let k = 0; k < fanIn; k++) {
          const t = input[k];
          below[k] *= 1 - t * t;
        }
      }
    }
  }
}

globalThis.PlainSgdUnit = PlainSgdUnit;
