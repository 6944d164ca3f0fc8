// Reading a trace at any τ: a binary search and a linear blend between two dense grid points, so it is
// cheap enough for every animation frame. At an observation time exactly, the LEFT limit is returned
// (the jump there is already in s), matching the stepper's "just passed the observation" reading.
import type { SensitivityTrace } from './traceTypes';

export interface GridPosition {
  /** Blend (1 − w)·v[i] + w·v[i + 1]; w = 0 means exactly v[i]. */
  i: number;
  w: number;
}

export function clampTau(trace: SensitivityTrace, tau: number): number {
  const t = trace.obsTimes;
  const lo = t[0];
  const hi = t[t.length - 1];
  return Number.isFinite(tau) ? Math.min(hi, Math.max(lo, tau)) : hi;
}

/** Where τ falls on the grid (left limit at duplicated observation times). */
export function gridPosition(trace: SensitivityTrace, tau: number): GridPosition {
  const t = trace.t;
  const M = t.length;
  const x = clampTau(trace, tau);
  if (x <= t[0]) return { i: 0, w: 0 };
  // First index with t[j] >= x: at a duplicated time that is the left limit.
  let lo = 0;
  let hi = M - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (t[mid] >= x) hi = mid;
    else lo = mid + 1;
  }
  if (t[lo] === x) return { i: lo, w: 0 };
  const i = lo - 1;
  return { i, w: (x - t[i]) / (t[lo] - t[i]) };
}

/** Row `row` (width `width`, offset `offset` inside the row) of a grid-major array at a position. */
export function sampleAt(values: Float64Array, stride: number, pos: GridPosition, offset = 0, width = stride): Float64Array {
  const out = new Float64Array(width);
  const a = pos.i * stride + offset;
  if (pos.w === 0) {
    for (let j = 0; j < width; j++) out[j] = values[a + j];
    return out;
  }
  const b = a + stride;
  for (let j = 0; j < width; j++) out[j] = values[a + j] * (1 - pos.w) + values[b + j] * pos.w;
  return out;
}

const n = (trace: SensitivityTrace): number => trace.batch * trace.D;

/** s(τ) of batch row `row` (length D). */
export function sAt(trace: SensitivityTrace, tau: number, row = 0): Float64Array {
  return sampleAt(trace.s, n(trace), gridPosition(trace, tau), row * trace.D, trace.D);
}

export function zFwdAt(trace: SensitivityTrace, tau: number, row = 0): Float64Array {
  return sampleAt(trace.zFwd, n(trace), gridPosition(trace, tau), row * trace.D, trace.D);
}

export function zBackAt(trace: SensitivityTrace, tau: number, row = 0): Float64Array {
  return sampleAt(trace.zBack, n(trace), gridPosition(trace, tau), row * trace.D, trace.D);
}

/** Running dL/dθ at τ (length P). */
export function gThetaAt(trace: SensitivityTrace, tau: number): Float64Array {
  return sampleAt(trace.gTheta, trace.P, gridPosition(trace, tau));
}

/** Backward function evaluations spent from t_N down to τ. */
export function nfeAt(trace: SensitivityTrace, tau: number): number {
  const pos = gridPosition(trace, tau);
  if (pos.w === 0) return trace.nfe[pos.i];
  // The lower grid point has spent at least as much (the pass runs from high t to low t).
  return Math.max(trace.nfe[pos.i], trace.nfe[pos.i + 1]);
}

/** Index k ≥ 1 of the observation at τ (|τ − t_k| ≤ tol), or −1. */
export function observationAt(trace: SensitivityTrace, tau: number, tol = 1e-9): number {
  const t = trace.obsTimes;
  for (let k = 1; k < t.length; k++) if (Math.abs(t[k] - tau) <= tol * Math.max(1, Math.abs(t[k]))) return k;
  return -1;
}

/** ∂L/∂ẑ_k of batch row `row` (length D). */
export function jumpAt(trace: SensitivityTrace, k: number, row = 0): Float64Array {
  const o = k * n(trace) + row * trace.D;
  return trace.jumps.slice(o, o + trace.D);
}

/** The next accepted backward step boundary strictly below τ (t_0 at the end). */
export function nextStepBackward(trace: SensitivityTrace, tau: number): number {
  const st = trace.stepTimes;
  for (let i = 0; i < st.length; i++) if (st[i] < tau - 1e-12) return st[i];
  return trace.obsTimes[0];
}

/** The previous accepted backward step boundary strictly above τ (t_N at the end). */
export function nextStepForward(trace: SensitivityTrace, tau: number): number {
  const st = trace.stepTimes;
  for (let i = st.length - 1; i >= 0; i--) if (st[i] > tau + 1e-12) return st[i];
  return trace.obsTimes[trace.obsTimes.length - 1];
}

/** The nearest observation time strictly below τ (t_0 counts), or τ's clamp when none. */
export function prevObservation(trace: SensitivityTrace, tau: number): number {
  const t = trace.obsTimes;
  for (let k = t.length - 1; k >= 0; k--) if (t[k] < tau - 1e-12) return t[k];
  return t[0];
}

/** The nearest observation time strictly above τ, or t_N. */
export function nextObservation(trace: SensitivityTrace, tau: number): number {
  const t = trace.obsTimes;
  for (let k = 0; k < t.length; k++) if (t[k] > tau + 1e-12) return t[k];
  return t[t.length - 1];
}
