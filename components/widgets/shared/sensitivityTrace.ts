// Problem → trace: one forward solve, one backward (adjoint) solve, both float64 through lib/, then
// sampled on a dense grid into plain typed arrays (layout in traceTypes.ts). Pure and memoised by
// problem key, so scrubbing never recomputes: it only looks values up (traceLookup.ts).
//
// Everything numeric is lib/'s: odeint + float64Backend (forward, with dense output), lossValue /
// lossGrad (the jumps), adjointBacksolve (the augmented [z, s, gθ] system, dense output per interval)
// and expm for exact linear solutions. Dopri5 is forced because the grid is read from its dense output.
import { odeint } from '@/lib/ode/odeint';
import { float64Backend } from '@/lib/ode/backendFloat64';
import type { OdeOptions } from '@/lib/ode/types';
import { adjointBacksolve } from '@/lib/adjoint/adjointBacksolve';
import type { Float64Model } from '@/lib/adjoint/gradientTypes';
import { makeDynamics, dampedOscillatorMatrix } from '@/lib/adjoint/dynamics';
import { lossGrad, lossValue } from '@/lib/adjoint/loss';
import { expmApply } from '@/lib/adjoint/expm';
import { flattenBatch, flattenStates, type Problem } from '@/lib/adjoint/problem';
import type { SensitivityTrace } from './traceTypes';

export interface TraceOptions {
  /** Step budget of each solve (lib/ode's maxSteps). */
  maxSteps?: number;
  /** Approximate number of dense grid points over [t_0, t_N]. */
  gridPoints?: number;
}

export const DEFAULT_MAX_STEPS = 10_000;
const DEFAULT_GRID_POINTS = 320;

/** lib/adjoint's float64 dynamics in the shape adjointBacksolve expects (f and fused f + VJP). */
function backsolveModel(problem: Problem): { model: Float64Model; P: number; timeDependent: boolean } {
  const dyn = makeDynamics(problem.dynamics);
  const n = problem.z0.length * problem.z0[0].length;
  const model: Float64Model = {
    n,
    nTheta: dyn.P,
    f: (t, z) => dyn.f(t, z),
    fVjp: (t, z, a) => {
      const r = dyn.vjp(t, z, a);
      return { f: dyn.f(t, z), z: r.z, theta: r.theta, t: r.t };
    },
  };
  return { model, P: dyn.P, timeDependent: dyn.timeDependent };
}

/** The system matrix of a field that is linear in z (column convention), or null. */
function linearMatrix(problem: Problem): number[][] | null {
  const d = problem.dynamics;
  if (d.kind === 'linear') return d.A;
  if (d.kind === 'dampedOscillator') return dampedOscillatorMatrix(d.omega, d.zeta);
  return null;
}

/** Pieces per interval: multiples of 9 (the reference grid), proportional to the interval's length. */
function piecesPerInterval(t: readonly number[], gridPoints: number): number[] {
  const span = t[t.length - 1] - t[0];
  const out = [0];
  for (let k = 1; k < t.length; k++) {
    const share = (gridPoints * (t[k] - t[k - 1])) / span;
    out.push(9 * Math.max(2, Math.round(share / 9)));
  }
  return out;
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/**
 * The full trace of a problem (t must increase). Throws lib/ode's typed errors (MaxStepsExceededError,
 * StepSizeUnderflowError, InvalidInputError) unchanged, so the caller can show them.
 */
export function computeTrace(key: string, problem: Problem, options: TraceOptions = {}): SensitivityTrace {
  const start = now();
  const t = problem.t;
  const N = t.length - 1;
  if (N < 1 || !(t[N] > t[0])) throw new RangeError('sensitivity trace: need at least two increasing observation times.');
  const batch = problem.z0.length;
  const D = problem.z0[0].length;
  const n = batch * D;
  const { model, P } = backsolveModel(problem);
  const odeOptions: OdeOptions = {
    method: 'dopri5',
    rtol: problem.solver.rtol ?? 1e-7,
    atol: problem.solver.atol ?? 1e-9,
    maxSteps: options.maxSteps ?? DEFAULT_MAX_STEPS,
  };

  const z0 = flattenBatch(problem.z0);
  const fwd = odeint(model.f, z0, t, { ...odeOptions, recordSteps: true }, float64Backend);
  const zhat = fwd.ys;
  const targets = flattenStates(problem.targets);
  const loss = lossValue(zhat, targets, problem.loss);
  const cot = lossGrad(zhat, targets, problem.loss);
  const back = adjointBacksolve({ model, t, zhat, cotangents: cot, options: odeOptions, record: true });

  // Backward nfe spent before entering interval k (from t_N down to t_k).
  const nfeBefore = new Array<number>(N + 2).fill(0);
  for (let k = N; k >= 1; k--) nfeBefore[k] = nfeBefore[k + 1] + back.intervals[k].nfe;

  const pieces = piecesPerInterval(t, options.gridPoints ?? DEFAULT_GRID_POINTS);
  let M = 1;
  for (let k = 1; k <= N; k++) M += pieces[k] + 1; // interior points, the left limit, the right limit
  const tg = new Float64Array(M);
  const zFwd = new Float64Array(M * n);
  const zBack = new Float64Array(M * n);
  const s = new Float64Array(M * n);
  const gTheta = new Float64Array(M * P);
  const nfe = new Int32Array(M);
  const A = linearMatrix(problem);
  const zExact = A ? new Float64Array(M * n) : null;

  let m = 0;
  const put = (tau: number, zf: ArrayLike<number>, aug: ArrayLike<number>, spent: number): void => {
    tg[m] = tau;
    for (let j = 0; j < n; j++) {
      zFwd[m * n + j] = zf[j];
      zBack[m * n + j] = aug[j];
      s[m * n + j] = aug[n + j];
    }
    for (let p = 0; p < P; p++) gTheta[m * P + p] = aug[2 * n + p];
    nfe[m] = spent;
    if (A && zExact) {
      for (let b = 0; b < batch; b++) {
        const zt = expmApply(A, tau - t[0], Array.from(z0.subarray(b * D, (b + 1) * D)));
        for (let d = 0; d < D; d++) zExact[m * n + b * D + d] = zt[d];
      }
    }
    m++;
  };

  // Backward nfe spent at τ inside interval k: the interval's share by accepted steps already taken.
  const spentAt = (k: number, tau: number): number => {
    const iv = back.intervals[k];
    const steps = iv.steps ?? [];
    if (steps.length === 0) return nfeBefore[k + 1];
    let done = 0;
    for (const st of steps) if (st.t >= tau) done++;
    return nfeBefore[k + 1] + Math.round((iv.nfe * done) / steps.length);
  };

  put(t[0], zhat[0], back.intervals[1].end, nfeBefore[1]);
  for (let k = 1; k <= N; k++) {
    const iv = back.intervals[k];
    const dense = iv.dense;
    const fdense = fwd.dense;
    if (!dense || !fdense) throw new Error('sensitivity trace: the solver returned no dense output (dopri5 expected).');
    const c = pieces[k];
    for (let j = 1; j < c; j++) {
      const tau = t[k - 1] + (t[k] - t[k - 1]) * (j / c);
      put(tau, fdense(tau), dense(tau), spentAt(k, tau));
    }
    put(t[k], zhat[k], iv.start, nfeBefore[k + 1]); // left limit: the jump at t_k is in
    if (k < N) {
      put(t[k], zhat[k], back.intervals[k + 1].end, nfeBefore[k + 1]);
    } else {
      const before = new Float64Array(2 * n + P); // right of t_N nothing has been seen yet: s = 0
      before.set(zhat[N], 0);
      put(t[N], zhat[N], before, 0);
    }
  }

  const stepTimes: number[] = [];
  for (let k = N; k >= 1; k--) for (const st of back.intervals[k].steps ?? []) stepTimes.push(st.t);
  stepTimes.push(t[0]);

  const flat = (rows: readonly ArrayLike<number>[]): Float64Array => {
    const out = new Float64Array(rows.length * n);
    rows.forEach((r, i) => out.set(r, i * n));
    return out;
  };
  let rejectedBackward = 0;
  let acceptedBackward = 0;
  for (let k = 1; k <= N; k++) {
    rejectedBackward += back.intervals[k].rejected;
    acceptedBackward += back.intervals[k].accepted;
  }

  return {
    key,
    D,
    batch,
    P,
    obsTimes: Float64Array.from(t),
    t: tg,
    zFwd,
    zBack,
    s,
    gTheta,
    nfe,
    zExact,
    zhat: flat(zhat),
    targets: flat(targets),
    jumps: flat(cot),
    stepTimes: Float64Array.from(stepTimes),
    loss,
    gradZ0: back.z0.slice(),
    gradTheta: back.theta.slice(),
    stats: {
      nfeForward: fwd.stats.nfe,
      nfeBackward: back.nfe,
      acceptedForward: fwd.stats.accepted,
      acceptedBackward,
      rejectedBackward,
    },
    computeMs: now() - start,
  };
}

// A handful of recent problems: flipping between presets or undoing a drag is instant.
const MEMO_SIZE = 12;
const memo = new Map<string, SensitivityTrace>();

/** computeTrace, memoised by key (least recently used entries are dropped). Errors are not cached. */
export function memoTrace(key: string, problem: () => Problem, options: TraceOptions = {}): SensitivityTrace {
  const hit = memo.get(key);
  if (hit) {
    memo.delete(key);
    memo.set(key, hit);
    return hit;
  }
  const trace = computeTrace(key, problem(), options);
  memo.set(key, trace);
  if (memo.size > MEMO_SIZE) memo.delete(memo.keys().next().value as string);
  return trace;
}

/** Whether memoTrace already holds this key (a lookup, not a recompute: for timing and tests). */
export function hasTrace(key: string): boolean {
  return memo.has(key);
}
