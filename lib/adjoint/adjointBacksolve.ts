import { odeint } from '../ode/odeint';
import { float64Backend } from '../ode/backendFloat64';
import type { AcceptedStep, Backend, OdeOptions } from '../ode/types';
import { InvalidInputError } from '../ode/errors';
import type { Float64Model, GradientOptions, GradientResult, ProblemData } from './gradientTypes';
import {
  flattenProblem,
  lossAndCotangents,
  modelOf,
  nest2,
  nest3,
  solverOptions,
  timeGradients,
  unpackParams,
} from './gradientCommon';
import { paramBlocks } from './params';

/**
 * The continuous adjoint (optimise-then-discretise) in float64, torchdiffeq's convention:
 * the augmented state y = [z, s, gθ] (flattened into one Float64Array) obeys
 *   dz/dt = f(z, t),   ds/dt = −sᵀ ∂f/∂z,   dgθ/dt = −sᵀ ∂f/∂θ
 * and is solved backward interval by interval, from the last observation to the first. At each
 * observation t_k the sensitivity jumps by ∂L/∂ẑ_k and z restarts from the stored forward value
 * (the backward solve of z drifts away from the forward one; restarting keeps the two consistent).
 */
export interface BacksolveInput {
  model: Float64Model;
  t: readonly number[];
  /** Forward states ẑ_0..ẑ_N (flat, length model.n each). */
  zhat: readonly Float64Array[];
  /** ∂L/∂ẑ_i, i = 0..N (index 0 is unused by our losses but honoured). */
  cotangents: readonly Float64Array[];
  /** Solver settings of every backward interval (method, rtol, atol, ...). */
  options: OdeOptions;
  /** Error control over z and s only (the parameter channels are ignored): fewer steps, same gradient. */
  seminorm?: boolean;
  /** Sizes of the parameter blocks (W1, b1, … in params.ts order) for the mixed error norm; default one block. */
  paramBlocks?: readonly number[];
  /** Keep each interval's accepted steps and dense output (for adjointTrajectory and the CLI grid). */
  record?: boolean;
}

/** One backward interval k: from t_k (start, after the jump) to t_{k-1} (end, before the next jump). */
export interface BackwardInterval {
  k: number;
  /** Augmented state at t_k right after adding ∂L/∂ẑ_k (z = ẑ_k). */
  start: Float64Array;
  /** Augmented state reached at t_{k-1}, before the jump there. */
  end: Float64Array;
  nfe: number;
  accepted: number;
  rejected: number;
  steps?: AcceptedStep[];
  /** Augmented state at any τ in [t_{k-1}, t_k] (dopri5 only). */
  dense?: (tau: number) => Float64Array;
}

export interface BacksolveResult {
  z0: Float64Array;
  theta: Float64Array;
  /** Indexed by k = 1..N (index 0 unused). */
  intervals: BackwardInterval[];
  nfe: number;
  accepted: number;
  rejected: number;
  /** The backend (error norm) the intervals were solved with, for re-solves that must match them. */
  backend: Backend<Float64Array>;
}

/** The augmented vector field [f, −sᵀ∂f/∂z, −sᵀ∂f/∂θ] on a flat state. */
export function augmentedField(model: Float64Model): (t: number, y: Float64Array) => Float64Array {
  const n = model.n;
  const P = model.nTheta;
  return (t, y) => {
    const z = y.subarray(0, n);
    const s = y.subarray(n, 2 * n);
    const r = model.fVjp(t, z, s);
    const out = new Float64Array(2 * n + P);
    out.set(r.f, 0);
    const vz = r.z;
    for (let j = 0; j < n; j++) out[n + j] = -vz[j];
    const vt = r.theta;
    for (let p = 0; p < P; p++) out[2 * n + p] = -vt[p];
    return out;
  };
}

/** Block boundaries of the augmented state: z, s, then each parameter block. */
export function adjointBlocks(n: number, paramSizes: readonly number[]): number[] {
  const bounds = [0, n, 2 * n];
  for (const p of paramSizes) bounds.push(bounds[bounds.length - 1] + p);
  return bounds;
}

/**
 * The backward solve's error norm, as torchdiffeq's adjoint: a MIXED norm, the max over blocks
 * (z, s, each parameter tensor) of each block's RMS error ratio. With `blocksUsed` = 2 it is the
 * seminorm (z and s only): the parameter channels never feed back into the dynamics, so their error
 * need not limit the step. (A plain RMS over the whole vector would let the many parameter entries
 * dilute the error of the few state entries, which is looser than either.)
 */
export function mixedNormBackend(bounds: readonly number[], blocksUsed?: number): Backend<Float64Array> {
  const nb = Math.min(blocksUsed ?? bounds.length - 1, bounds.length - 1);
  return {
    ...float64Backend,
    errorNorm(err, y0, y1, rtol, atol) {
      let worst = 0;
      for (let b = 0; b < nb; b++) {
        const lo = bounds[b];
        const hi = bounds[b + 1];
        if (hi <= lo) continue;
        let sum = 0;
        for (let j = lo; j < hi; j++) {
          const a = Math.abs(y0[j]);
          const c = Math.abs(y1[j]);
          const r = err[j] / (atol + rtol * (a > c ? a : c));
          sum += r * r;
        }
        const v = Math.sqrt(sum / (hi - lo));
        if (!(v <= worst)) worst = v; // NaN propagates
      }
      for (let j = 0; j < y1.length; j++) if (!Number.isFinite(y1[j])) return NaN;
      return worst;
    },
  };
}

export function adjointBacksolve(input: BacksolveInput): BacksolveResult {
  const { model, t, zhat, cotangents } = input;
  const n = model.n;
  const P = model.nTheta;
  const N = t.length - 1;
  const aug = augmentedField(model);
  const y = new Float64Array(2 * n + P);
  const intervals: BackwardInterval[] = [];
  let nfe = 0;
  let accepted = 0;
  let rejected = 0;
  // At t_N: z = ẑ_N, s = ∂L/∂ẑ_N, gθ = 0.
  y.set(zhat[N], 0);
  addInto(y, n, cotangents[N]);
  const opts: OdeOptions = { ...input.options, recordSteps: input.record ?? false };
  const backend = mixedNormBackend(adjointBlocks(n, input.paramBlocks ?? [P]), input.seminorm ? 2 : undefined);
  for (let k = N; k >= 1; k--) {
    const start = y.slice();
    const sol = odeint(aug, start, [t[k], t[k - 1]], opts, backend);
    const end = sol.ys[1];
    nfe += sol.stats.nfe;
    accepted += sol.stats.accepted;
    rejected += sol.stats.rejected;
    const iv: BackwardInterval = {
      k,
      start,
      end,
      nfe: sol.stats.nfe,
      accepted: sol.stats.accepted,
      rejected: sol.stats.rejected,
    };
    if (sol.steps) iv.steps = sol.steps;
    if (sol.dense) iv.dense = sol.dense;
    intervals[k] = iv;
    // Jump at t_{k-1}: restart z from the forward value, add the observation's cotangent to s.
    y.set(end);
    y.set(zhat[k - 1], 0);
    addInto(y, n, cotangents[k - 1]);
  }
  return {
    z0: y.slice(n, 2 * n),
    theta: y.slice(2 * n, 2 * n + P),
    intervals,
    nfe,
    accepted,
    rejected,
    backend,
  };
}

function addInto(y: Float64Array, offset: number, v: Float64Array | undefined): void {
  if (!v) return;
  for (let j = 0; j < v.length; j++) y[offset + j] += v[j];
}

/**
 * Augmented state at time tau (strictly inside interval k, or at its ends) from a recorded backward
 * interval: dense output when the method has one, else a re-solve from t_k to tau (same settings).
 */
export function augmentedAt(
  model: Float64Model,
  iv: BackwardInterval,
  tk: number,
  tau: number,
  options: OdeOptions,
  backend: Backend<Float64Array> = float64Backend,
): Float64Array {
  if (tau === tk) return iv.start.slice();
  if (iv.dense) return iv.dense(tau);
  const sol = odeint(augmentedField(model), iv.start, [tk, tau], { ...options, recordSteps: false }, backend);
  return sol.ys[1];
}

/** Index k of the interval (t_{k-1}, t_k) holding tau (strictly inside or on its ends); −1 if none. */
export function intervalOf(t: readonly number[], tau: number): number {
  const dir = t.length > 1 && t[1] < t[0] ? -1 : 1;
  for (let k = 1; k < t.length; k++) {
    if (dir * (tau - t[k - 1]) >= 0 && dir * (t[k] - tau) >= 0) return k;
  }
  return -1;
}

/** The 'adjoint' gradient mode in float64. */
export function adjointGradient64(problem: ProblemData, opts: GradientOptions): GradientResult {
  const fp = flattenProblem(problem);
  const model = modelOf(fp, fp.theta, opts.timeoutMs);
  const options = solverOptions(problem, opts);
  const fwd = odeint(model.f, fp.z0, fp.t, options, float64Backend);
  const { loss, cot } = lossAndCotangents(fp, fwd.ys);
  const grid = opts.adjointGrid;
  const back = adjointBacksolve({
    model,
    t: fp.t,
    zhat: fwd.ys,
    cotangents: cot,
    options,
    seminorm: opts.seminorm,
    paramBlocks: paramBlocks(fp.spec).map((b) => b.size),
    record: grid !== undefined && grid.length > 0,
  });
  const result: GradientResult = {
    loss,
    zhat: nest3(fwd.ys, fp.batch, fp.dim),
    grad: {
      z0: nest2(back.z0, fp.batch, fp.dim),
      params: unpackParams(fp.spec, back.theta),
      t: timeGradients(model, fp.t, fwd.ys, cot, back.z0),
    },
    stats: {
      nfeForward: fwd.stats.nfe,
      nfeBackward: back.nfe,
      stepsForward: fwd.stats.accepted,
      stepsBackward: back.accepted,
      rejectedForward: fwd.stats.rejected,
      rejectedBackward: back.rejected,
    },
  };
  if (grid) {
    const n = model.n;
    const s = grid.map((tau) => {
      const k = intervalOf(fp.t, tau);
      if (k < 1) throw new InvalidInputError(`adjointGrid time ${tau} lies outside the observation times.`, tau);
      const y = augmentedAt(model, back.intervals[k], fp.t[k], tau, options, back.backend);
      return nest2(y.subarray(n, 2 * n), fp.batch, fp.dim);
    });
    result.adjoint = { t: grid.slice(), s };
  }
  return result;
}
