import type { AcceptedStep, MethodName, VectorField } from './types';
import type { ButcherTableau } from './tableau';
import { TABLEAUS } from './methods';
import { float64Backend } from './backendFloat64';
import { rkStep, stageTime } from './rkStep';
import { InvalidInputError } from './errors';

/** aᵀ∂f/∂z, aᵀ∂f/∂θ (and optionally aᵀ∂f/∂t) at (t, z). Must not keep or mutate z or a. */
export interface VjpResult {
  z: Float64Array;
  theta: Float64Array;
  t?: number;
}
export type Vjp = (t: number, z: Float64Array, a: Float64Array) => VjpResult;

export interface DiscreteAdjointInput {
  /** The vector field of the forward solve (stages are recomputed from z0 and the recorded steps). */
  f: VectorField<Float64Array>;
  vjp: Vjp;
  z0: Float64Array;
  /** The output times of the forward solve. */
  t: ArrayLike<number>;
  /** `steps` of the forward solve (odeint with recordSteps: true), in integration order. */
  steps: readonly AcceptedStep[];
  /** The forward method (default 'dopri5') or its tableau. */
  method?: MethodName | ButcherTableau;
  /** dL/dy_i for i = 0..N (missing / null entries count as zero; index 0 adds to dL/dz0 directly). */
  cotangents: readonly (Float64Array | null | undefined)[];
  /** Number of parameters (length of vjp(...).theta). */
  nTheta: number;
  /** Also return dL/dy_i at every output time (`outputAdjoints`). Default false. */
  keepOutputAdjoints?: boolean;
}

export interface DiscreteAdjointResult {
  z0: Float64Array;
  theta: Float64Array;
  /** f evaluations of the forward recomputation. */
  nfe: number;
  nvjp: number;
  /** With keepOutputAdjoints: dL/dy_i for i = 0..N, the total derivative (through every later step,
   *  plus the output's own cotangent) — the discrete sensitivity at each output time. */
  outputAdjoints?: Float64Array[];
}

/** Stages whose derivative influences y1: b_i ≠ 0 or feeding such a stage. A trailing stage used only by
 *  the error estimate / FSAL (dopri5's 7th) is dropped; the kept stages are always a prefix. */
function neededStageCount(tab: ButcherTableau): number {
  const s = tab.b.length;
  const needed = tab.b.map((b) => b !== 0);
  for (let j = s - 1; j >= 0; j--) {
    if (!needed[j]) continue;
    for (let i = 0; i < j; i++) if (tab.a[j][i] !== 0) needed[i] = true;
  }
  let n = 0;
  for (let i = 0; i < s; i++) if (needed[i]) n = i + 1;
  return n;
}

/**
 * Reverse-mode differentiation through the solver's own accepted steps (discretise-then-optimise,
 * "backprop through the solver"), in float64. Step sizes are constants (not differentiated), which is
 * what backprop through an adaptive solver does when the controller's arithmetic is not on the tape.
 *
 * Per explicit RK step  Y_i = y + h Σ_j a_ij k_j,  k_i = f(t_i, Y_i),  y' = y + h Σ b_i k_i,
 * the adjoint ā = dL/dy' is pulled back from the last stage to the first:
 *   k̄_i = h b_i ā + Σ_{j>i} h a_ji Ȳ_j,   (Ȳ_i, θ̄_i) = vjp(t_i, Y_i, k̄_i),   ȳ = ā + Σ_i Ȳ_i,  θ̄ += Σ_i θ̄_i.
 * At each output time the cotangent dL/dy_i is added to ā (outputs are step ends, never interpolated).
 * The aᵀ∂f/∂t part of vjp results is not used (output-time gradients have closed forms; see
 * tests/reference/README.md).
 */
export function discreteAdjoint(input: DiscreteAdjointInput): DiscreteAdjointResult {
  const tab = typeof input.method === 'object' ? input.method : TABLEAUS[input.method ?? 'dopri5'];
  if (!tab) throw new InvalidInputError(`Unknown method ${String(input.method)}.`);
  const ts = Array.from(input.t);
  const { steps, f, vjp } = input;
  const n = input.z0.length;
  const nStages = neededStageCount(tab);
  const B = float64Backend;
  let nfe = 0;
  let nvjp = 0;
  const countedF: VectorField<Float64Array> = (t, z) => {
    nfe++;
    return f(t, z);
  };

  // Forward recomputation, keeping every stage input (what a tape would store).
  interface Tape {
    t: number;
    h: number;
    tEnd: number;
    inputs: Float64Array[];
  }
  const tape: Tape[] = [];
  let y: Float64Array = input.z0.slice();
  for (let s = 0; s < steps.length; s++) {
    const st = steps[s];
    if (!(st.interval >= 1 && st.interval < ts.length)) {
      throw new InvalidInputError(`Step ${s} has interval ${st.interval}, outside 1..${ts.length - 1}.`, st.t);
    }
    const lastOfInterval = s === steps.length - 1 || steps[s + 1].interval !== st.interval;
    const tEnd = lastOfInterval ? ts[st.interval] : st.t + st.h;
    const r = rkStep(countedF, tab, B, st.t, tEnd, y, st.h, undefined, nStages, true);
    tape.push({ t: st.t, h: st.h, tEnd, inputs: r.inputs! });
    y = r.y1;
  }

  const theta = new Float64Array(input.nTheta);
  const a = new Float64Array(n);
  const outputAdjoints: Float64Array[] | undefined = input.keepOutputAdjoints ? new Array<Float64Array>(ts.length) : undefined;
  const addCotangent = (i: number): void => {
    const c = input.cotangents[i];
    if (c) {
      if (c.length !== n) throw new InvalidInputError(`cotangents[${i}] has length ${c.length}, expected ${n}.`);
      for (let j = 0; j < n; j++) a[j] += c[j];
    }
    // Every later step is pulled back and output i's own cotangent is in: a = dL/dy_i.
    if (outputAdjoints) outputAdjoints[i] = a.slice();
  };

  let interval = ts.length; // no interval yet
  const kbar: Float64Array[] = Array.from({ length: nStages }, () => new Float64Array(n));
  const Ybar: (Float64Array | null)[] = new Array<Float64Array | null>(nStages).fill(null);
  for (let s = tape.length - 1; s >= 0; s--) {
    const st = tape[s];
    const iv = steps[s].interval;
    // Entering interval iv from its end: add the cotangents of every output passed on the way.
    while (interval > iv) {
      interval--;
      addCotangent(interval);
    }
    const h = st.h;
    for (let i = nStages - 1; i >= 0; i--) {
      const kb = kbar[i];
      const hb = h * tab.b[i];
      for (let j = 0; j < n; j++) kb[j] = hb * a[j];
      for (let l = i + 1; l < nStages; l++) {
        const coef = tab.a[l][i];
        const yb = Ybar[l];
        if (coef === 0 || !yb) continue;
        const hc = h * coef;
        for (let j = 0; j < n; j++) kb[j] += hc * yb[j];
      }
      const r = vjp(stageTime(tab, i, st.t, h, st.tEnd), st.inputs[i], kb);
      nvjp++;
      Ybar[i] = r.z;
      const th = r.theta;
      for (let p = 0; p < theta.length; p++) theta[p] += th[p];
    }
    for (let i = 0; i < nStages; i++) {
      const yb = Ybar[i]!;
      for (let j = 0; j < n; j++) a[j] += yb[j];
    }
  }
  while (interval > 0) {
    interval--;
    addCotangent(interval);
  }
  const result: DiscreteAdjointResult = { z0: a, theta, nfe, nvjp };
  if (outputAdjoints) result.outputAdjoints = outputAdjoints;
  return result;
}
