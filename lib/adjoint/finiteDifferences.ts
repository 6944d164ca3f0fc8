import { odeint } from '../ode/odeint';
import { float64Backend } from '../ode/backendFloat64';
import type { OdeOptions } from '../ode/types';
import type { GradientOptions, GradientResult, ProblemData } from './gradientTypes';
import {
  type FlatProblem,
  flattenProblem,
  lossAndCotangents,
  modelOf,
  nest2,
  nest3,
  solverOptions,
  unpackParams,
} from './gradientCommon';

/**
 * The 'fd' gradient mode: central differences (L(x + h) − L(x − h)) / 2h of the loss for every
 * coordinate of z0, θ and t — 2·(B·D + P + N + 1) forward solves, so only for small problems and as
 * an independent check of the other two modes.
 *
 * Step choice, h = ε·max(1, |x|):
 * - float64: ε = 1e-5. The truncation error is O(h²) ≈ 1e-10 relative; the solver's noise (the loss
 *   jumps by ~rtol·L when a perturbation changes the accepted step sequence) divided by 2h stays
 *   ≈ 1e-5·L at rtol 1e-10, so run fd with tight tolerances.
 * - float32: ε = 3e-3 (the float32 loss is only good to ~1e-7 relative: 1e-7/3e-3 ≈ 3e-5 of noise
 *   against 1e-5 of truncation error).
 * A time step is further capped at a quarter of the shortest neighbouring interval so t stays
 * strictly monotonic.
 */
export const FD_STEP = { float64: 1e-5, float32: 3e-3 } as const;

/** The step for coordinate value x (and, for times, the neighbouring gaps). */
export function fdStep(eps: number, x: number, t?: readonly number[], i?: number): number {
  let h = eps * Math.max(1, Math.abs(x));
  if (t && i !== undefined && t.length > 1) {
    const gaps: number[] = [];
    if (i > 0) gaps.push(Math.abs(t[i] - t[i - 1]));
    if (i < t.length - 1) gaps.push(Math.abs(t[i + 1] - t[i]));
    h = Math.min(h, 0.25 * Math.min(...gaps));
  }
  return h;
}

/**
 * Central differences of any loss function of (z0, θ, t), perturbing one coordinate in place at a time.
 * Shared by both precisions (float32 passes a tfjs loss).
 */
export function centralDifferences(
  fp: FlatProblem,
  eps: number,
  lossOf: (z0: Float64Array, theta: Float64Array, t: number[]) => number,
  only?: GradientOptions['fdCoordinates'],
): { z0: Float64Array; theta: Float64Array; t: Float64Array; solves: number } {
  const z0 = fp.z0.slice();
  const theta = fp.theta.slice();
  const t = fp.t.slice();
  let solves = 0;
  const diff = (arr: Float64Array | number[], j: number, h: number): number => {
    const x = arr[j];
    arr[j] = x + h;
    const lp = lossOf(z0, theta, t);
    arr[j] = x - h;
    const lm = lossOf(z0, theta, t);
    arr[j] = x;
    solves += 2;
    return (lp - lm) / (2 * h);
  };
  const indices = (len: number, pick: readonly number[] | undefined): number[] =>
    only ? (pick ?? []).filter((j) => j >= 0 && j < len) : Array.from({ length: len }, (_, j) => j);
  const gz = new Float64Array(z0.length).fill(only ? NaN : 0);
  for (const j of indices(z0.length, only?.z0)) gz[j] = diff(z0, j, fdStep(eps, z0[j]));
  const gth = new Float64Array(theta.length).fill(only ? NaN : 0);
  for (const p of indices(theta.length, only?.theta)) gth[p] = diff(theta, p, fdStep(eps, theta[p]));
  // A single time point: the loss is identically 0, so dL/dt0 = 0 (and there is no neighbour to bound the step).
  const gt = new Float64Array(t.length).fill(only && t.length > 1 ? NaN : 0);
  if (t.length > 1) for (const i of indices(t.length, only?.t)) gt[i] = diff(t, i, fdStep(eps, t[i], fp.t, i));
  return { z0: gz, theta: gth, t: gt, solves };
}

export function finiteDifferences64(problem: ProblemData, opts: GradientOptions): GradientResult {
  const fp = flattenProblem(problem);
  const options: OdeOptions = solverOptions(problem, opts);
  let nfe = 0;
  let steps = 0;
  let rejected = 0;
  const theta = fp.theta.slice();
  // The model reads θ by reference, so perturbing `theta` in place perturbs the dynamics.
  const model = modelOf(fp, theta, opts.timeoutMs);
  const lossOf = (z0: Float64Array, th: Float64Array, t: number[]): number => {
    theta.set(th);
    const sol = odeint(model.f, z0, t, options, float64Backend);
    nfe += sol.stats.nfe;
    steps += sol.stats.accepted;
    rejected += sol.stats.rejected;
    return lossAndCotangents(fp, sol.ys).loss;
  };
  const nominal = odeint(model.f, fp.z0, fp.t, options, float64Backend);
  const { loss } = lossAndCotangents(fp, nominal.ys);
  const g = centralDifferences(fp, opts.fdStep ?? FD_STEP.float64, lossOf, opts.fdCoordinates);
  return {
    loss,
    zhat: nest3(nominal.ys, fp.batch, fp.dim),
    grad: {
      z0: nest2(g.z0, fp.batch, fp.dim),
      params: unpackParams(fp.spec, g.theta),
      t: Array.from(g.t),
    },
    stats: {
      nfeForward: nominal.stats.nfe,
      nfeBackward: nfe,
      stepsForward: nominal.stats.accepted,
      stepsBackward: steps,
      rejectedForward: nominal.stats.rejected,
      rejectedBackward: rejected,
      solves: g.solves + 1,
    },
  };
}
