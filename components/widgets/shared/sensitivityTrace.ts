// Problem → trace: lib/adjoint's adjointTrajectory (float64: forward solve, backward solve of the
// augmented [z, s, gθ] system, both with dense output) sampled on a dense grid, then laid out as plain
// typed arrays (traceTypes.ts) with both one-sided limits at every observation. Pure and memoised by
// problem key, so scrubbing never recomputes: it only looks values up (traceLookup.ts). Exact linear
// solutions come from lib/adjoint's exactStates. Dopri5 is forced: the grid is read from dense output.
import { adjointTrajectory } from '@/lib/adjoint/adjointTrajectory';
import { exactStates } from '@/lib/adjoint/exact';
import { flattenStates, type Problem } from '@/lib/adjoint/problem';
import type { SensitivityTrace } from './traceTypes';

export interface TraceOptions {
  /** Step budget of each solve (lib/ode's maxSteps). */
  maxSteps?: number;
  /** Approximate number of dense grid points over [t_0, t_N]. */
  gridPoints?: number;
}

export const DEFAULT_MAX_STEPS = 10_000;
const DEFAULT_GRID_POINTS = 320;

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

  // The sample times: t_0, then each interval's interior points and its right end t_k.
  const pieces = piecesPerInterval(t, options.gridPoints ?? DEFAULT_GRID_POINTS);
  const grid: number[] = [t[0]];
  for (let k = 1; k <= N; k++) {
    for (let j = 1; j < pieces[k]; j++) grid.push(t[k - 1] + (t[k] - t[k - 1]) * (j / pieces[k]));
    grid.push(t[k]);
  }
  const tr = adjointTrajectory(problem, grid, {
    method: 'dopri5',
    rtol: problem.solver.rtol ?? 1e-7,
    atol: problem.solver.atol ?? 1e-9,
    maxSteps: options.maxSteps ?? DEFAULT_MAX_STEPS,
  });
  const P = tr.nTheta;

  // Backward nfe spent at τ inside interval k: the interval's share by accepted steps already taken.
  const spentAt = (k: number, tau: number): number => {
    const iv = tr.intervals[k];
    const before = iv.nfeCumulative - iv.nfe;
    const steps = iv.stepTimes.length - 1;
    if (steps <= 0) return before;
    let done = 0;
    for (let i = 0; i < steps; i++) if (iv.stepTimes[i] >= tau) done++;
    return before + Math.round((iv.nfe * done) / steps);
  };

  const M = grid.length + N; // every t_k (k ≥ 1) gets its right limit too
  const tg = new Float64Array(M);
  const zFwd = new Float64Array(M * n);
  const zBack = new Float64Array(M * n);
  const s = new Float64Array(M * n);
  const gTheta = new Float64Array(M * P);
  const nfe = new Int32Array(M);
  const copyRow = (m: number, g: number): void => {
    zFwd.set(tr.zForward.subarray(g * n, (g + 1) * n), m * n);
    zBack.set(tr.zBackward.subarray(g * n, (g + 1) * n), m * n);
    s.set(tr.s.subarray(g * n, (g + 1) * n), m * n);
    gTheta.set(tr.gTheta.subarray(g * P, (g + 1) * P), m * P);
  };

  let m = 0;
  let g = 0;
  tg[m] = t[0];
  copyRow(m, g);
  nfe[m] = tr.nfeBackward;
  m++;
  g++;
  for (let k = 1; k <= N; k++) {
    for (let j = 1; j < pieces[k]; j++, g++, m++) {
      tg[m] = grid[g];
      copyRow(m, g);
      nfe[m] = spentAt(k, grid[g]);
    }
    // Left limit at t_k: the backward solve has just restarted here with the jump added.
    const obs = tr.observations[k];
    const before = tr.intervals[k].nfeCumulative - tr.intervals[k].nfe;
    tg[m] = t[k];
    copyRow(m, g);
    nfe[m] = before;
    m++;
    g++;
    // Right limit: what arrived from later observations (nothing after t_N).
    tg[m] = t[k];
    zFwd.set(obs.zForward, m * n);
    zBack.set(obs.zBackwardArrival, m * n);
    s.set(obs.sAfter, m * n);
    gTheta.set(obs.gThetaAfter, m * P);
    nfe[m] = before;
    m++;
  }

  let zExact: Float64Array | null = null;
  const exact = exactStates(problem.dynamics, problem.z0, t[0], Array.from(tg));
  if (exact) zExact = Float64Array.from(exact.flatMap((row) => row.flat()));

  const stepTimes: number[] = [];
  let acceptedBackward = 0;
  let rejectedBackward = 0;
  for (let k = N; k >= 1; k--) {
    const iv = tr.intervals[k];
    for (let i = 0; i < iv.stepTimes.length - 1; i++) stepTimes.push(iv.stepTimes[i]);
    acceptedBackward += iv.accepted;
    rejectedBackward += iv.rejected;
  }
  stepTimes.push(t[0]);

  const flat = (rows: readonly ArrayLike<number>[]): Float64Array => {
    const out = new Float64Array(rows.length * n);
    rows.forEach((r, i) => out.set(r, i * n));
    return out;
  };

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
    zhat: flat(tr.observations.map((o) => o.zForward)),
    targets: flat(flattenStates(problem.targets)),
    jumps: flat(tr.observations.map((o) => o.jump)),
    stepTimes: Float64Array.from(stepTimes),
    loss: tr.loss,
    gradZ0: Float64Array.from(tr.gradZ0),
    gradTheta: Float64Array.from(tr.gradTheta),
    stats: {
      nfeForward: tr.nfeForward,
      nfeBackward: tr.nfeBackward,
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
