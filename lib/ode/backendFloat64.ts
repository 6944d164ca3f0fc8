import type { Backend } from './types';

/**
 * Plain Float64Array backend: V is a flat vector (a [batch, D] state is row-major).
 * Loops only, one allocation per result, no scopes to manage.
 */
export const float64Backend: Backend<Float64Array> = {
  name: 'float64',

  linComb(base, h, coeffs, ks) {
    const n = base ? base.length : ks[0].length;
    // new + set is several times faster than TypedArray.prototype.slice (species lookup) at these sizes.
    const out = new Float64Array(n);
    if (base) out.set(base);
    for (let i = 0; i < coeffs.length; i++) {
      const c = coeffs[i];
      if (c === 0) continue;
      const s = h * c;
      const k = ks[i];
      for (let j = 0; j < n; j++) out[j] += s * k[j];
    }
    return out;
  },

  errorNorm(err, y0, y1, rtol, atol, channels) {
    const n = channels === undefined ? err.length : Math.min(channels, err.length);
    let sum = 0;
    for (let j = 0; j < n; j++) {
      const a = Math.abs(y0[j]);
      const b = Math.abs(y1[j]);
      const r = err[j] / (atol + rtol * (a > b ? a : b));
      sum += r * r;
    }
    // The sum is NaN/Inf if err or the scaled entries are; y1 beyond the channels must be finite too.
    for (let j = n; j < y1.length; j++) if (!Number.isFinite(y1[j])) return NaN;
    for (let j = 0; j < n; j++) if (!Number.isFinite(y1[j])) return NaN;
    return n === 0 ? 0 : Math.sqrt(sum / n);
  },

  rms(v) {
    let sum = 0;
    for (let j = 0; j < v.length; j++) sum += v[j] * v[j];
    return v.length === 0 ? 0 : Math.sqrt(sum / v.length);
  },

  allFinite(v) {
    for (let j = 0; j < v.length; j++) if (!Number.isFinite(v[j])) return false;
    return true;
  },

  scope<T>(fn: () => T): T {
    return fn();
  },

  dispose() {
    // Garbage-collected.
  },

  clone(v) {
    const out = new Float64Array(v.length);
    out.set(v);
    return out;
  },

  describe(v) {
    return `float64[${v.length}]`;
  },

  toFloat64(v) {
    return v.slice();
  },

  guard<T>(fn: () => T): T {
    return fn();
  },
};
