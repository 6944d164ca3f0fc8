import { odeint } from '../ode/odeint';
import { float64Backend } from '../ode/backendFloat64';
import { InvalidInputError } from '../ode/errors';
import type { MethodName } from '../ode/types';
import type { ProblemData } from './gradientTypes';
import { flattenProblem, lossAndCotangents, modelOf, solverOptions } from './gradientCommon';
import { adjointBacksolve, augmentedAt, intervalOf } from './adjointBacksolve';
import { paramBlocks } from './params';

/**
 * The continuous adjoint as a trace for figures (float64): s(τ) = dL/dz(τ), the backward-reconstructed
 * z(τ), the forward z(τ) and the running dL/dθ(τ) at any requested times, plus what happens at each
 * observation (the jump of s) and what the backward solver did in each interval (its accepted steps and
 * function evaluations). Plain typed arrays only; states are flat row-major [batch·D].
 */
export interface TrajectoryOptions {
  rtol?: number;
  atol?: number;
  method?: MethodName;
  maxSteps?: number;
  seminorm?: boolean;
}

/** What happens at observation t_k. "before"/"after" follow the order of t: just before t_k is inside
 *  interval k (toward t_{k-1}), just after is inside interval k+1. The backward solve arrives from the
 *  "after" side, so s_before = s_after + ∂L/∂ẑ_k. */
export interface ObservationTrace {
  k: number;
  t: number;
  /** ∂L/∂ẑ_k (zeros for k = 0). */
  jump: Float64Array;
  sBefore: Float64Array;
  /** Zeros at the last observation (nothing after it). */
  sAfter: Float64Array;
  gThetaBefore: Float64Array;
  gThetaAfter: Float64Array;
  /** The forward solution ẑ_k (where the backward solve restarts z). */
  zForward: Float64Array;
  /** The z the backward solve had reconstructed on arrival at t_k (= ẑ_k at k = N); its distance to ẑ_k is
   *  the backward solve's drift. */
  zBackwardArrival: Float64Array;
}

/** The backward solve over interval k: from t_k down to t_{k-1} (in the order it ran). */
export interface IntervalTrace {
  k: number;
  from: number;
  to: number;
  /** Accepted step boundaries: every step's start, then `to` (length steps + 1). */
  stepTimes: Float64Array;
  nfe: number;
  /** Backward nfe of this and every later interval (the backward solve's running count at t_{k-1}). */
  nfeCumulative: number;
  accepted: number;
  rejected: number;
}

export interface AdjointTrajectory {
  batch: number;
  dim: number;
  nTheta: number;
  loss: number;
  /** The requested times, in the given order. */
  grid: Float64Array;
  /** [grid][batch·D] */
  s: Float64Array;
  zBackward: Float64Array;
  zForward: Float64Array;
  /** [grid][P]: dL/dθ accumulated from the end of the span down to τ. */
  gTheta: Float64Array;
  /** One per observation, index k = 0..N. */
  observations: ObservationTrace[];
  /** Index k = 1..N (index 0 unused). */
  intervals: IntervalTrace[];
  nfeForward: number;
  nfeBackward: number;
  /** grad.z0 and dL/dθ at t_0 (as computeGradient's adjoint mode). */
  gradZ0: Float64Array;
  gradTheta: Float64Array;
}

/** The reference grid of tests/reference/README.md: t_{k-1} + (t_k − t_{k-1})·j/9, j = 1..8, interval by interval. */
export function referenceGrid(t: readonly number[], perInterval = 8): number[] {
  const out: number[] = [];
  const m = perInterval + 1;
  for (let k = 1; k < t.length; k++) {
    for (let j = 1; j <= perInterval; j++) out.push(t[k - 1] + ((t[k] - t[k - 1]) * j) / m);
  }
  return out;
}

export function adjointTrajectory(
  problem: ProblemData,
  grid: readonly number[],
  opts: TrajectoryOptions = {},
): AdjointTrajectory {
  const fp = flattenProblem(problem);
  const model = modelOf(fp);
  const options = solverOptions(problem, { mode: 'adjoint', precision: 'float64', ...opts });
  const n = model.n;
  const P = model.nTheta;
  const N = fp.t.length - 1;
  // The forward solve records its steps so the forward z(τ) comes from dense output (dopri5) — no re-solve.
  const fwd = odeint(model.f, fp.z0, fp.t, { ...options, recordSteps: true }, float64Backend);
  const { loss, cot } = lossAndCotangents(fp, fwd.ys);
  const back = adjointBacksolve({
    model,
    t: fp.t,
    zhat: fwd.ys,
    cotangents: cot,
    options,
    seminorm: opts.seminorm,
    paramBlocks: paramBlocks(fp.spec).map((b) => b.size),
    record: true,
  });

  const G = grid.length;
  const s = new Float64Array(G * n);
  const zB = new Float64Array(G * n);
  const zF = new Float64Array(G * n);
  const gT = new Float64Array(G * P);
  for (let g = 0; g < G; g++) {
    const tau = grid[g];
    const k = N === 0 ? -1 : intervalOf(fp.t, tau);
    if (k < 1) {
      if (N === 0 && tau === fp.t[0]) {
        // A single time point: s = 0 there, z = z0.
        zB.set(fp.z0, g * n);
        zF.set(fp.z0, g * n);
        continue;
      }
      throw new InvalidInputError(`adjointTrajectory: time ${tau} lies outside [${fp.t[0]}, ${fp.t[N]}].`, tau);
    }
    const y = augmentedAt(model, back.intervals[k], fp.t[k], tau, options, back.backend);
    zB.set(y.subarray(0, n), g * n);
    s.set(y.subarray(n, 2 * n), g * n);
    gT.set(y.subarray(2 * n, 2 * n + P), g * P);
    zF.set(forwardAt(tau), g * n);
  }

  function forwardAt(tau: number): Float64Array {
    const i = fp.t.indexOf(tau);
    if (i >= 0) return fwd.ys[i];
    if (fwd.dense) return fwd.dense(tau);
    const k = intervalOf(fp.t, tau);
    return odeint(model.f, fwd.ys[k - 1], [fp.t[k - 1], tau], options, float64Backend).ys[1];
  }

  const observations: ObservationTrace[] = [];
  for (let k = 0; k <= N; k++) {
    const after = k < N ? back.intervals[k + 1].end : null;
    const sAfter = after ? after.slice(n, 2 * n) : new Float64Array(n);
    const gAfter = after ? after.slice(2 * n) : new Float64Array(P);
    const sBefore = sAfter.slice();
    for (let j = 0; j < n; j++) sBefore[j] += cot[k][j];
    observations.push({
      k,
      t: fp.t[k],
      jump: cot[k].slice(),
      sBefore,
      sAfter,
      gThetaBefore: gAfter.slice(),
      gThetaAfter: gAfter,
      zForward: fwd.ys[k].slice(),
      zBackwardArrival: after ? after.slice(0, n) : fwd.ys[k].slice(),
    });
  }

  const intervals: IntervalTrace[] = [];
  let cumulative = 0;
  for (let k = N; k >= 1; k--) {
    const iv = back.intervals[k];
    cumulative += iv.nfe;
    const steps = iv.steps ?? [];
    const stepTimes = new Float64Array(steps.length + 1);
    steps.forEach((st, i) => (stepTimes[i] = st.t));
    stepTimes[steps.length] = fp.t[k - 1];
    intervals[k] = {
      k,
      from: fp.t[k],
      to: fp.t[k - 1],
      stepTimes,
      nfe: iv.nfe,
      nfeCumulative: cumulative,
      accepted: iv.accepted,
      rejected: iv.rejected,
    };
  }

  return {
    batch: fp.batch,
    dim: fp.dim,
    nTheta: P,
    loss,
    grid: Float64Array.from(grid),
    s,
    zBackward: zB,
    zForward: zF,
    gTheta: gT,
    observations,
    intervals,
    nfeForward: fwd.stats.nfe,
    nfeBackward: back.nfe,
    gradZ0: back.z0,
    gradTheta: back.theta,
  };
}
