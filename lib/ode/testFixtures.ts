/**
 * Test-only fixtures for lib/ode (imported by *.test.ts, never by library code):
 * the linear reference problem and a small nonlinear field with a hand-written VJP.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { VjpResult } from './discreteAdjoint';

export interface LinearReference {
  A: number[][];
  z0: number[][];
  t: number[];
  targets: number[][][];
  zhat: number[][][];
  loss: number;
  gradZ0: number[][];
  gradA: number[][];
}

export function loadLinear2d(): LinearReference {
  const file = path.resolve(__dirname, '../../tests/reference/linear-2d.json');
  const d = JSON.parse(readFileSync(file, 'utf8'));
  return {
    A: d.dynamics.A,
    z0: d.z0,
    t: d.t,
    targets: d.targets,
    zhat: d.expected.zhat,
    loss: d.expected.loss,
    gradZ0: d.expected.grad.z0,
    gradA: d.expected.grad.params.A,
  };
}

export const flat = (rows: number[][]): Float64Array => Float64Array.from(rows.flat());

/** dz/dt = A z for each batch row of a row-major [batch, D] state (Z·Aᵀ). */
export function linearField(A: number[][]): (t: number, z: Float64Array) => Float64Array {
  const D = A.length;
  return (_t, z) => {
    const out = new Float64Array(z.length);
    for (let r = 0; r < z.length; r += D) {
      for (let i = 0; i < D; i++) {
        let s = 0;
        for (let j = 0; j < D; j++) s += A[i][j] * z[r + j];
        out[r + i] = s;
      }
    }
    return out;
  };
}

/** VJP of the linear field: z̄ = Aᵀa per row, Ā[i][j] = Σ_rows a_i z_j (θ = A row-major). */
export function linearVjp(A: number[][]): (t: number, z: Float64Array, a: Float64Array) => VjpResult {
  const D = A.length;
  return (_t, z, a) => {
    const gz = new Float64Array(z.length);
    const gA = new Float64Array(D * D);
    for (let r = 0; r < z.length; r += D) {
      for (let i = 0; i < D; i++) {
        const ai = a[r + i];
        for (let j = 0; j < D; j++) {
          gz[r + j] += A[i][j] * ai;
          gA[i * D + j] += ai * z[r + j];
        }
      }
    }
    return { z: gz, theta: gA };
  };
}

/**
 * dz/dt = tanh(W z + b + t·c) per batch row, θ = [W (D×D row-major), b (D), c (D)]: nonlinear, with
 * parameters and explicit time dependence.
 */
export function tanhField(D: number, theta: Float64Array) {
  const W = (i: number, j: number) => theta[i * D + j];
  const bOff = D * D;
  const cOff = D * D + D;
  const pre = (t: number, z: Float64Array, r: number, i: number): number => {
    let s = theta[bOff + i] + t * theta[cOff + i];
    for (let j = 0; j < D; j++) s += W(i, j) * z[r + j];
    return s;
  };
  const f = (t: number, z: Float64Array): Float64Array => {
    const out = new Float64Array(z.length);
    for (let r = 0; r < z.length; r += D) for (let i = 0; i < D; i++) out[r + i] = Math.tanh(pre(t, z, r, i));
    return out;
  };
  const vjp = (t: number, z: Float64Array, a: Float64Array): VjpResult => {
    const gz = new Float64Array(z.length);
    const gth = new Float64Array(theta.length);
    let gt = 0;
    for (let r = 0; r < z.length; r += D) {
      for (let i = 0; i < D; i++) {
        const th = Math.tanh(pre(t, z, r, i));
        const g = a[r + i] * (1 - th * th);
        for (let j = 0; j < D; j++) {
          gz[r + j] += W(i, j) * g;
          gth[i * D + j] += g * z[r + j];
        }
        gth[bOff + i] += g;
        gth[cOff + i] += g * t;
        gt += g * theta[cOff + i];
      }
    }
    return { z: gz, theta: gth, t: gt };
  };
  return { f, vjp };
}

/** max|x − ref| / max|ref| (the reference files' array metric). */
export function relErr(x: ArrayLike<number>, ref: ArrayLike<number>): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < ref.length; i++) {
    num = Math.max(num, Math.abs(x[i] - ref[i]));
    den = Math.max(den, Math.abs(ref[i]));
  }
  return num / den;
}

/** Least-squares slope of log(err) against log(h). */
export function logLogSlope(hs: number[], errs: number[]): number {
  const xs = hs.map(Math.log);
  const ys = errs.map(Math.log);
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  return num / den;
}

/** A reference problem's MLP dynamics (tests/reference/README.md) as a float64 field, and its zhat. */
export function loadMlpReference(name: string) {
  const file = path.resolve(__dirname, `../../tests/reference/${name}.json`);
  const d = JSON.parse(readFileSync(file, 'utf8'));
  const dyn = d.dynamics as {
    activation: 'tanh' | 'softplus';
    timeInput: boolean;
    cubeInput: boolean;
    layers: { W: number[][]; b: number[] }[];
  };
  const D = (d.z0 as number[][])[0].length;
  const act = dyn.activation === 'tanh' ? Math.tanh : (x: number) => (x > 30 ? x : Math.log1p(Math.exp(x)));
  const f = (t: number, z: Float64Array): Float64Array => {
    const out = new Float64Array(z.length);
    for (let r = 0; r < z.length; r += D) {
      let x: number[] = [];
      for (let i = 0; i < D; i++) x.push(dyn.cubeInput ? z[r + i] ** 3 : z[r + i]);
      if (dyn.timeInput) x.push(t);
      dyn.layers.forEach((layer, li) => {
        const y = layer.b.slice();
        for (let i = 0; i < x.length; i++) for (let j = 0; j < y.length; j++) y[j] += x[i] * layer.W[i][j];
        x = li < dyn.layers.length - 1 ? y.map(act) : y;
      });
      for (let i = 0; i < D; i++) out[r + i] = x[i];
    }
    return out;
  };
  return {
    f,
    z0: Float64Array.from((d.z0 as number[][]).flat()),
    t: d.t as number[],
    zhat: Float64Array.from((d.expected.zhat as number[][][]).flat(2)),
  };
}
