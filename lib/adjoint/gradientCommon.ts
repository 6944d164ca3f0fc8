import type { OdeOptions } from '../ode/types';
import { InvalidInputError } from '../ode/errors';
import type { DynamicsSpec, Float64Model, GradientOptions, ParamsGrad, ProblemData } from './gradientTypes';
import { float64Model } from './kernels64';

/**
 * What every gradient mode shares: the problem flattened to Float64Arrays, the loss and its
 * cotangents ∂L/∂ẑ_i, the closed-form dL/dt_i, and the conversions back to nested plain arrays.
 */
export interface FlatProblem {
  batch: number;
  dim: number;
  /** N + 1 observation times. */
  t: number[];
  z0: Float64Array;
  /** targets[i] flat, i = 0..N (targets[0] unused). */
  targets: Float64Array[];
  theta: Float64Array;
  spec: DynamicsSpec;
  loss: 'sse' | 'mse';
}

export function flattenProblem(problem: ProblemData): FlatProblem {
  const batch = problem.z0.length;
  const dim = batch > 0 ? problem.z0[0].length : 0;
  if (batch === 0 || dim === 0) throw new InvalidInputError('z0 must be a non-empty [batch][D] array.');
  const N = problem.t.length - 1;
  if (problem.targets.length !== N + 1) {
    throw new InvalidInputError(`targets has ${problem.targets.length} entries but t has ${N + 1} times.`);
  }
  return {
    batch,
    dim,
    t: problem.t.slice(),
    z0: Float64Array.from(problem.z0.flat()),
    targets: problem.targets.map((x) => Float64Array.from(x.flat())),
    theta: packTheta(problem.dynamics),
    spec: problem.dynamics,
    loss: problem.loss,
  };
}

/** θ flat: layers in order, W row-major [in][out] then b; linear: A row-major. */
export function packTheta(spec: DynamicsSpec): Float64Array {
  if (spec.kind === 'linear') return Float64Array.from(spec.A.flat());
  const out: number[] = [];
  for (const l of spec.layers) {
    for (const row of l.W) out.push(...row);
    out.push(...l.b);
  }
  return Float64Array.from(out);
}

/** The inverse of packTheta, shaped like the dynamics' parameters. */
export function unpackParams(spec: DynamicsSpec, flat: ArrayLike<number>): ParamsGrad {
  let p = 0;
  const take = (k: number): number[] => {
    const out = Array.from({ length: k }, (_, i) => flat[p + i]);
    p += k;
    return out;
  };
  if (spec.kind === 'linear') {
    const D = spec.A.length;
    return { A: Array.from({ length: D }, () => take(D)) };
  }
  return {
    layers: spec.layers.map((l) => {
      const nout = l.b.length;
      const W = Array.from({ length: l.W.length }, () => take(nout));
      return { W, b: take(nout) };
    }),
  };
}

export function modelOf(fp: FlatProblem, theta: Float64Array = fp.theta): Float64Model {
  return float64Model(fp.spec, theta, fp.batch, fp.dim);
}

/** L and ∂L/∂ẑ_i (i = 0..N; index 0 is all zeros: the initial state never enters the loss). */
export function lossAndCotangents(fp: FlatProblem, zhat: readonly ArrayLike<number>[]): { loss: number; cot: Float64Array[] } {
  const N = fp.t.length - 1;
  const n = fp.batch * fp.dim;
  const scale = fp.loss === 'mse' && N > 0 ? 1 / (N * n) : 1;
  let loss = 0;
  const cot: Float64Array[] = [new Float64Array(n)];
  for (let i = 1; i <= N; i++) {
    const z = zhat[i];
    const y = fp.targets[i];
    const c = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      const d = z[j] - y[j];
      loss += d * d;
      c[j] = 2 * scale * d;
    }
    cot.push(c);
  }
  return { loss: loss * scale, cot };
}

/**
 * dL/dt_i by the closed forms: (∂L/∂ẑ_i)·f(ẑ_i, t_i) for i ≥ 1, and −s(t₀)·f(z0, t₀) for i = 0
 * (moving an observation slides it along the trajectory; moving t₀ with z0 fixed shifts the whole
 * trajectory, hence the sign). Evaluated in float64 whatever precision produced ẑ and s(t₀).
 */
export function timeGradients(
  model: Float64Model,
  t: readonly number[],
  zhat: readonly ArrayLike<number>[],
  cot: readonly Float64Array[],
  gz0: ArrayLike<number>,
): number[] {
  const out: number[] = [];
  const dot = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
    let s = 0;
    for (let j = 0; j < a.length; j++) s += a[j] * b[j];
    return s;
  };
  const z0 = Float64Array.from(zhat[0]);
  out.push(-dot(gz0, model.f(t[0], z0)));
  for (let i = 1; i < t.length; i++) out.push(dot(cot[i], model.f(t[i], Float64Array.from(zhat[i]))));
  return out;
}

export function nest2(flat: ArrayLike<number>, batch: number, dim: number): number[][] {
  return Array.from({ length: batch }, (_, r) => Array.from({ length: dim }, (_, j) => flat[r * dim + j]));
}

export function nest3(states: readonly ArrayLike<number>[], batch: number, dim: number): number[][][] {
  return states.map((s) => nest2(s, batch, dim));
}

/** Solver options of a run: the problem's settings, overridden by the call's. */
export function solverOptions(problem: ProblemData, opts: GradientOptions): OdeOptions {
  const s = problem.solver ?? {};
  const o: OdeOptions = {};
  const method = opts.method ?? s.method;
  if (method !== undefined) o.method = method;
  const rtol = opts.rtol ?? s.rtol;
  const atol = opts.atol ?? s.atol;
  if (rtol !== undefined) o.rtol = rtol;
  if (atol !== undefined) o.atol = atol;
  for (const k of ['stepSize', 'stepsPerInterval', 'maxSteps', 'firstStep'] as const) {
    const v = s[k];
    if (typeof v === 'number') o[k] = v;
  }
  if (opts.maxSteps !== undefined) o.maxSteps = opts.maxSteps;
  return o;
}

