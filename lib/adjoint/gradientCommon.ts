import type { OdeOptions } from '../ode/types';
import { InvalidInputError } from '../ode/errors';
import type { DynamicsSpec, Float64Model, GradientOptions, ProblemData } from './gradientTypes';
import { float64Model } from './kernels64';
import { flattenBatch, flattenStates } from './problem';
import { packParams, unpackParams } from './params';
import { lossGrad, lossValue } from './loss';

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
  if (problem.targets.length !== problem.t.length) {
    throw new InvalidInputError(`targets has ${problem.targets.length} entries but t has ${problem.t.length} times.`);
  }
  return {
    batch,
    dim,
    t: problem.t.slice(),
    z0: flattenBatch(problem.z0),
    targets: flattenStates(problem.targets),
    theta: packParams(problem.dynamics),
    spec: problem.dynamics,
    loss: problem.loss,
  };
}

export { unpackParams };

/** A run exceeded GradientOptions.timeoutMs (the CLI's hard guard against runaway solves). */
export class GradientTimeoutError extends Error {
  constructor(ms: number) {
    super(`The computation took longer than ${ms} ms and was stopped; loosen rtol/atol, shorten the time span or use fewer parameters.`);
    this.name = 'GradientTimeoutError';
  }
}

/** A check to call often: throws GradientTimeoutError after timeoutMs (no-op without a timeout). */
export function deadlineCheck(timeoutMs: number | undefined): () => void {
  if (timeoutMs === undefined) return () => {};
  const end = performance.now() + timeoutMs;
  let calls = 0;
  return () => {
    // performance.now() is cheap, but not free: look every 16 calls.
    if ((++calls & 15) === 0 && performance.now() > end) throw new GradientTimeoutError(timeoutMs);
  };
}

export function modelOf(fp: FlatProblem, theta: Float64Array = fp.theta, timeoutMs?: number): Float64Model {
  const m = float64Model(fp.spec, theta, fp.batch, fp.dim);
  if (timeoutMs === undefined) return m;
  const check = deadlineCheck(timeoutMs);
  return {
    ...m,
    f: (t, z) => {
      check();
      return m.f(t, z);
    },
    fVjp: (t, z, a) => {
      check();
      return m.fVjp(t, z, a);
    },
  };
}

/** L and ∂L/∂ẑ_i (loss.ts; index 0 is all zeros: the initial state never enters the loss). */
export function lossAndCotangents(fp: FlatProblem, zhat: readonly ArrayLike<number>[]): { loss: number; cot: Float64Array[] } {
  return { loss: lossValue(zhat, fp.targets, fp.loss), cot: lossGrad(zhat, fp.targets, fp.loss) };
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
  out.push(0 - dot(gz0, model.f(t[0], z0))); // 0 − x: no −0 when s(t₀) = 0
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
  const s: Partial<Record<string, unknown>> & { method?: OdeOptions['method']; rtol?: number; atol?: number } = problem.solver ?? {};
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

