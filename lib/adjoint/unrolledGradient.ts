/**
 * A neural ODE unrolled into a residual network, and the gradient of that network by exact
 * backpropagation (float64), next to the continuous adjoint's gradient (the "Euler limit" figure).
 *
 * The unrolled network: N layers z_{k+1} = z_k + h_k Φ(z_k, t_k, θ), where Φ is one step of a fixed-step
 * method (Euler: Φ = f, a plain residual block; midpoint, rk4: a block of 2 or 4 f evaluations).
 *
 * Layer grid (a choice, documented here): the N layers are distributed over the observation intervals
 * in proportion to their lengths (largest remainder), at least one per interval, so every observation
 * t_i is a layer boundary and the loss reads the network's own output there — no interpolation. With
 * equally spaced observations and N a multiple of their number, h is uniform. Fewer layers than
 * intervals is impossible: N is raised to the number of intervals (`layers` reports what ran).
 * Each layer is one odeint output interval (stepsPerInterval 1), so ys holds every z_k, and
 * lib/ode/discreteAdjoint (keepOutputAdjoints) returns the discrete sensitivity s_k = dL/dz_k at
 * every layer — including, at an observation, that observation's own loss gradient (the left limit
 * s(t_i⁻) of the continuous adjoint).
 */
import { odeint } from '../ode/odeint';
import { float64Backend } from '../ode/backendFloat64';
import { discreteAdjoint } from '../ode/discreteAdjoint';
import { InvalidInputError, StepSizeUnderflowError } from '../ode/errors';
import type { ProblemData } from './gradientTypes';
import { flattenProblem, lossAndCotangents, modelOf } from './gradientCommon';
import { computeGradient64 } from './gradient';
import { flattenBatch } from './problem';
import { packParams } from './params';
import { countedPeakBytes } from './memoryEstimate';

export const UNROLLED_METHODS = ['euler', 'midpoint', 'rk4'] as const;
export type UnrolledMethod = (typeof UNROLLED_METHODS)[number];

/** f evaluations per layer = activations the backward pass keeps per layer (discreteAdjoint's tape). */
export const STAGES: Readonly<Record<UnrolledMethod, number>> = { euler: 1, midpoint: 2, rk4: 4 };

/** Classical order of each method (the slope the convergence plot should show). */
export const ORDER: Readonly<Record<UnrolledMethod, number>> = { euler: 1, midpoint: 2, rk4: 4 };

/** Layers per observation interval: ∝ interval length, ≥ 1 each, summing to max(N, intervals). */
export function layerCounts(t: readonly number[], N: number): number[] {
  const m = t.length - 1;
  if (m < 1) throw new InvalidInputError('An unrolled network needs at least two observation times.');
  if (!(Number.isInteger(N) && N >= 1)) throw new InvalidInputError(`The number of layers must be a positive integer, got ${N}.`);
  const total = Math.max(N, m);
  const span = t[m] - t[0];
  const len = Array.from({ length: m }, (_, i) => t[i + 1] - t[i]);
  // One layer per interval first, the rest by largest remainder of the proportional share.
  const extra = total - m;
  const share = len.map((l) => (extra * l) / span);
  const counts = share.map((s) => 1 + Math.floor(s + 1e-9));
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = share.map((s, i) => ({ i, r: s - Math.floor(s + 1e-9) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let j = 0; left > 0; j = (j + 1) % m, left--) counts[order[j].i]++;
  return counts;
}

/** The layer boundaries t_0 = τ_0 < … < τ_L = t_N, and where each observation sits among them. */
export function layerGrid(t: readonly number[], N: number): { times: Float64Array; obsIndex: number[] } {
  const counts = layerCounts(t, N);
  const L = counts.reduce((a, b) => a + b, 0);
  const times = new Float64Array(L + 1);
  const obsIndex = [0];
  times[0] = t[0];
  let k = 0;
  for (let i = 1; i < t.length; i++) {
    const n = counts[i - 1];
    // From the interval start (no drift); the interval's last layer ends exactly on t_i.
    for (let j = 1; j <= n; j++) times[k + j] = j === n ? t[i] : t[i - 1] + ((t[i] - t[i - 1]) * j) / n;
    k += n;
    obsIndex.push(k);
  }
  return { times, obsIndex };
}

export interface UnrolledResult {
  method: UnrolledMethod;
  /** Layers that ran (max(N, intervals)). */
  layers: number;
  /** Mean step (t_N − t_0) / layers (the x axis of the convergence plot). */
  h: number;
  /** Layer boundaries, layers + 1. */
  times: Float64Array;
  /** Index of each observation t_i in `times`. */
  obsIndex: number[];
  loss: number;
  gradZ0: Float64Array;
  gradTheta: Float64Array;
  /** [dL/dz0, dL/dθ] flattened (what the error compares). */
  grad: Float64Array;
  /** z_k at every layer boundary, (layers + 1) × n. */
  states: Float64Array;
  /** s_k = dL/dz_k at every layer boundary, (layers + 1) × n (at an observation: with its own ∂ℓ_i/∂ẑ_i). */
  sensitivities: Float64Array;
  /** n = batch·D. */
  n: number;
  /** Vectors the backward pass keeps: the input of every f evaluation, layers × STAGES[method]. */
  storedStates: number;
  /** storedStates · n · 8 bytes (float64). */
  backpropBytes: number;
  /** f evaluations forward + backward (recomputation) and vector–Jacobian products. */
  nfe: number;
  nvjp: number;
}

/** Forward through the N-layer network and exact backpropagation through it (float64). */
export function unrolledGradient(problem: ProblemData, method: UnrolledMethod, N: number): UnrolledResult {
  if (!UNROLLED_METHODS.includes(method)) throw new InvalidInputError(`Unknown unrolled method "${String(method)}"; use euler, midpoint or rk4.`);
  const fp = flattenProblem(problem);
  const model = modelOf(fp);
  const { times, obsIndex } = layerGrid(fp.t, N);
  const L = times.length - 1;
  const fwd = odeint(model.f, fp.z0, times, { method, stepsPerInterval: 1, recordSteps: true, maxSteps: L + 1 }, float64Backend);
  const { loss, cot } = lossAndCotangents(fp, obsIndex.map((k) => fwd.ys[k]));
  const cotangents: (Float64Array | null)[] = new Array<Float64Array | null>(L + 1).fill(null);
  obsIndex.forEach((k, i) => {
    if (i > 0) cotangents[k] = cot[i];
  });
  const back = discreteAdjoint({
    f: model.f,
    vjp: (t, z, a) => model.fVjp(t, z, a),
    z0: fp.z0,
    t: times,
    steps: fwd.steps ?? [],
    method,
    cotangents,
    nTheta: model.nTheta,
    keepOutputAdjoints: true,
  });
  const n = model.n;
  const states = new Float64Array((L + 1) * n);
  const sensitivities = new Float64Array((L + 1) * n);
  for (let k = 0; k <= L; k++) {
    states.set(fwd.ys[k], k * n);
    sensitivities.set(back.outputAdjoints![k], k * n);
  }
  const storedStates = L * STAGES[method];
  return {
    method,
    layers: L,
    h: (fp.t[fp.t.length - 1] - fp.t[0]) / L,
    times,
    obsIndex,
    loss,
    gradZ0: back.z0,
    gradTheta: back.theta,
    grad: concat(back.z0, back.theta),
    states,
    sensitivities,
    n,
    storedStates,
    backpropBytes: storedStates * n * 8,
    nfe: fwd.stats.nfe + back.nfe,
    nvjp: back.nvjp,
  };
}

function concat(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Tolerances of the reference: far below every error the sweep measures (rk4 stops above 1e-11). */
export const REFERENCE_TOL = 1e-12;

export interface ReferenceGradient {
  loss: number;
  gradZ0: Float64Array;
  gradTheta: Float64Array;
  grad: Float64Array;
  nfe: number;
  /** lib's counted bytes of the adjoint run (memoryEstimate.ts): ẑ at the observations plus one
   *  backward step's working set of [z, s, gθ] — independent of any step count. */
  adjointBytes: number;
}

/** The continuous adjoint's gradient at tight tolerances (dopri5, rtol = atol = 1e-12, float64). */
export function referenceGradient(problem: ProblemData): ReferenceGradient {
  const r = computeGradient64(problem, { mode: 'adjoint', precision: 'float64', method: 'dopri5', rtol: REFERENCE_TOL, atol: REFERENCE_TOL, maxSteps: 200_000 });
  const gradZ0 = flattenBatch(r.grad.z0);
  const gradTheta = packParams(problem.dynamics, r.grad.params);
  const batch = problem.z0.length;
  const dim = problem.z0[0].length;
  return {
    loss: r.loss,
    gradZ0,
    gradTheta,
    grad: concat(gradZ0, gradTheta),
    nfe: r.stats.nfeForward + r.stats.nfeBackward,
    adjointBytes: countedPeakBytes('adjoint', { batch, dim, P: gradTheta.length, points: problem.t.length, stepsForward: 0 }),
  };
}

/** ‖g − ref‖₂ / ‖ref‖₂ (absolute when ref is 0). */
export function relativeError(g: ArrayLike<number>, ref: ArrayLike<number>): number {
  let d = 0;
  let r = 0;
  for (let i = 0; i < ref.length; i++) {
    d += (g[i] - ref[i]) ** 2;
    r += ref[i] ** 2;
  }
  return r > 0 ? Math.sqrt(d / r) : Math.sqrt(d);
}

/**
 * `count` layer counts from `min` to `max`, evenly spaced in log N, rounded to multiples of `multiple`
 * (the number of observation intervals: then every interval has the same number of layers), distinct.
 */
export function logLayerCounts(min: number, max: number, count: number, multiple = 1): number[] {
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const v = min * (max / min) ** (count === 1 ? 0 : i / (count - 1));
    const r = Math.max(multiple, Math.round(v / multiple) * multiple);
    if (!out.includes(r)) out.push(r);
  }
  return out;
}

export interface ConvergenceSweep {
  /** Layer counts that ran, h = span / layers, and the relative gradient error per method. */
  layers: number[];
  h: number[];
  errors: Record<UnrolledMethod, number[]>;
}

/** The relative gradient error of one network; NaN when its forward pass blows up (h too large). */
export function unrolledError(problem: ProblemData, ref: ReferenceGradient, method: UnrolledMethod, N: number): number {
  try {
    return relativeError(unrolledGradient(problem, method, N).grad, ref.grad);
  } catch (err) {
    if (err instanceof StepSizeUnderflowError) return Number.NaN;
    throw err;
  }
}

/**
 * Relative gradient error of every method at every layer count (one unrolled run each; Ns ascending).
 * With `floor`, a method stops after two consecutive errors below it (float64 round-off: more layers
 * only cost time); the layer counts it skipped get NaN.
 */
export function convergenceSweep(
  problem: ProblemData,
  ref: ReferenceGradient,
  Ns: readonly number[],
  methods: readonly UnrolledMethod[] = UNROLLED_METHODS,
  floor = 0,
): ConvergenceSweep {
  const span = problem.t[problem.t.length - 1] - problem.t[0];
  const layers = Ns.map((N) => Math.max(N, problem.t.length - 1));
  const errors = {} as Record<UnrolledMethod, number[]>;
  for (const m of methods) {
    let below = 0;
    errors[m] = Ns.map((N) => {
      if (below >= 2) return Number.NaN;
      const e = unrolledError(problem, ref, m, N);
      below = e < floor ? below + 1 : 0;
      return e;
    });
  }
  return { layers, h: layers.map((L) => span / L), errors };
}
