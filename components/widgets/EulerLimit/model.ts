// The ResNet → ODE widget's model (pure). The numbers all come from lib/adjoint/unrolledGradient:
//   analysis  per problem (preset + observation times), computed once: the continuous adjoint's
//             reference gradient (dopri5 at 1e-12) and the convergence sweep — relative gradient
//             error of euler / midpoint / rk4 at SWEEP_POINTS layer counts from 3 to 1000 — with
//             the fitted log–log slopes (components/viz/loglog fitLogLog, the same fit LogLogPlot draws);
//   current   per (problem, method, N), memoised: the unrolled net's gradient, its error, the
//             per-layer sensitivities s_k, and memory (layers stored vs the adjoint's constant).
// Fit band: only points in the asymptotic range enter a slope — at least FIT_MIN_LAYERS layers, and a
// relative error between FIT_ERR_MIN (float64 round-off of the comparison; rk4 reaches it near
// N ≈ 100–300) and FIT_ERR_MAX (beyond it the h² terms still matter, e.g. Euler on the oscillator).
import { z } from 'zod';
import { qEnum, qInt } from '@/components/embed/queryParams';
import { fitLogLog, type LogLogFit } from '@/components/viz/loglog';
import {
  ORDER,
  STAGES,
  UNROLLED_METHODS,
  convergenceSweep,
  logLayerCounts,
  referenceGradient,
  relativeError,
  unrolledGradient,
  type ConvergenceSweep,
  type ReferenceGradient,
  type UnrolledMethod,
  type UnrolledResult,
} from '@/lib/adjoint/unrolledGradient';
import { SENSITIVITY_PRESET_IDS, problemFor, type SensitivityPresetId } from '@/components/widgets/shared/presets';
import { obsField } from '@/components/widgets/shared/urlState';
import type { Problem } from '@/lib/adjoint/problem';

export { UNROLLED_METHODS, ORDER, STAGES, type UnrolledMethod };

// ---- URL / embed state ----
export const N_MIN = 3;
export const N_MAX = 1000;
export const N_DEFAULT = 10;
export const eulerLimitSchema = z.object({
  preset: qEnum(SENSITIVITY_PRESET_IDS, 'spiral'),
  obs: obsField,
  n: qInt(N_DEFAULT, { min: N_MIN, max: N_MAX }),
  method: qEnum(UNROLLED_METHODS, 'euler'),
});
export type EulerLimitUrlState = z.infer<typeof eulerLimitSchema>;
export const EULER_LIMIT_HIDABLE = ['preset', 'n', 'method'] as const;

export const METHOD_LABELS: Readonly<Record<UnrolledMethod, string>> = {
  euler: 'Euler (a ResNet)',
  midpoint: 'midpoint',
  rk4: 'RK4',
};

// ---- the sweep and its fits ----
export const SWEEP_POINTS = 20;
export const FIT_MIN_LAYERS = 10;
export const FIT_ERR_MIN = 1e-11;
export const FIT_ERR_MAX = 0.2;
/** A method's sweep stops after two errors below this (round-off; lib convergenceSweep's `floor`). */
export const SWEEP_FLOOR = 1e-12;

export interface MethodFit {
  method: UnrolledMethod;
  /** Points inside the fit band (h, error), drawn filled with the fitted line. */
  fitted: { h: number[]; error: number[] };
  /** Points outside it (pre-asymptotic or round-off), drawn hollow. */
  excluded: { h: number[]; error: number[] };
  fit: LogLogFit;
}

export interface Analysis {
  key: string;
  problem: Problem;
  ref: ReferenceGradient;
  sweep: ConvergenceSweep;
  fits: Record<UnrolledMethod, MethodFit>;
  span: number;
  intervals: number;
  computeMs: number;
}

export function inFitBand(layers: number, error: number): boolean {
  return layers >= FIT_MIN_LAYERS && error >= FIT_ERR_MIN && error <= FIT_ERR_MAX;
}

export function fitSweep(sweep: ConvergenceSweep): Record<UnrolledMethod, MethodFit> {
  const out = {} as Record<UnrolledMethod, MethodFit>;
  for (const method of UNROLLED_METHODS) {
    const fitted = { h: [] as number[], error: [] as number[] };
    const excluded = { h: [] as number[], error: [] as number[] };
    sweep.layers.forEach((L, i) => {
      const e = sweep.errors[method][i];
      if (!(e > 0 && Number.isFinite(e))) return;
      const to = inFitBand(L, e) ? fitted : excluded;
      to.h.push(sweep.h[i]);
      to.error.push(e);
    });
    out[method] = { method, fitted, excluded, fit: fitLogLog(fitted.h, fitted.error) };
  }
  return out;
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export function problemKey(presetId: SensitivityPresetId, obs: readonly number[]): string {
  return `${presetId}|${obs.join(',')}`;
}

const analysisMemo = new Map<string, Analysis>();

/** Reference + sweep + fits of a problem (memoised: a few hundred ms once per problem). */
export function analysisFor(presetId: SensitivityPresetId, obs: readonly number[]): Analysis {
  const key = problemKey(presetId, obs);
  const hit = analysisMemo.get(key);
  if (hit) return hit;
  const start = now();
  const problem = problemFor(presetId, obs);
  const ref = referenceGradient(problem);
  const intervals = problem.t.length - 1;
  // Multiples of the interval count: every interval gets the same number of layers at every point.
  const sweep = convergenceSweep(problem, ref, logLayerCounts(N_MIN, N_MAX, SWEEP_POINTS, intervals), UNROLLED_METHODS, SWEEP_FLOOR);
  const a: Analysis = {
    key,
    problem,
    ref,
    sweep,
    fits: fitSweep(sweep),
    span: problem.t[intervals] - problem.t[0],
    intervals,
    computeMs: now() - start,
  };
  analysisMemo.set(key, a);
  if (analysisMemo.size > 8) analysisMemo.delete(analysisMemo.keys().next().value as string);
  return a;
}

// ---- the current network ----
export interface Current {
  result: UnrolledResult;
  /** |g_N − g_adj| / |g_adj| over [dL/dz0, dL/dθ]. */
  error: number;
  backpropBytes: number;
  adjointBytes: number;
  /** Smallest layer count at which this method's stored states outgrow the adjoint's memory. */
  crossover: number;
}

const currentMemo = new Map<string, Current>();

/** The N-layer network of a method on the analysed problem (memoised, LRU 64). */
export function currentFor(a: Analysis, method: UnrolledMethod, N: number): Current {
  const key = `${a.key}|${method}|${N}`;
  const hit = currentMemo.get(key);
  if (hit) {
    currentMemo.delete(key);
    currentMemo.set(key, hit);
    return hit;
  }
  const result = unrolledGradient(a.problem, method, N);
  const perLayer = STAGES[method] * result.n * 8;
  const c: Current = {
    result,
    error: relativeError(result.grad, a.ref.grad),
    backpropBytes: result.backpropBytes,
    adjointBytes: a.ref.adjointBytes,
    crossover: Math.floor(a.ref.adjointBytes / perLayer) + 1,
  };
  currentMemo.set(key, c);
  if (currentMemo.size > 64) currentMemo.delete(currentMemo.keys().next().value as string);
  return c;
}

/** A valid layer count from anything (slider, URL): integer in [N_MIN, N_MAX]. */
export function clampN(n: number): number {
  return Number.isFinite(n) ? Math.min(N_MAX, Math.max(N_MIN, Math.round(n))) : N_DEFAULT;
}

// ---- drawing helpers ----
/** Above this many layers the stack is drawn as one compressed band. */
export const STACK_MAX_BLOCKS = 40;

export interface StackBlock {
  k: number;
  t0: number;
  t1: number;
  /** The layer ends on an observation time. */
  obsEnd: boolean;
}

export function stackBlocks(r: UnrolledResult): StackBlock[] | null {
  if (r.layers > STACK_MAX_BLOCKS) return null;
  const obsEnds = new Set(r.obsIndex);
  return Array.from({ length: r.layers }, (_, k) => ({ k, t0: r.times[k], t1: r.times[k + 1], obsEnd: obsEnds.has(k + 1) }));
}

/** Layer indices whose s_k are drawn as dots: all for small N, else every stride-th plus observations. */
export function dotIndices(r: UnrolledResult, maxDots = 80): number[] {
  const L = r.layers;
  const stride = Math.max(1, Math.ceil((L + 1) / maxDots));
  const set = new Set<number>(r.obsIndex);
  for (let k = 0; k <= L; k += stride) set.add(k);
  return [...set].sort((x, y) => x - y);
}

/** s_k component j of batch row 0 at the given layer indices. */
export function sensitivityDots(r: UnrolledResult, D: number, j: number, idx: readonly number[]): { t: number[]; s: number[] } {
  return { t: idx.map((k) => r.times[k]), s: idx.map((k) => r.sensitivities[k * r.n + j]) };
}

export function formatBytes(b: number): string {
  if (b < 1024) return `${b} B`;
  if (b < 1024 * 1024) return `${(b / 1024).toFixed(b < 10 * 1024 ? 1 : 0)} KiB`;
  return `${(b / (1024 * 1024)).toFixed(1)} MiB`;
}
