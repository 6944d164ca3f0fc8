// The gradient-integral widget's model. For one parameter θ_j:
//   integrand  s(t)ᵀ ∂f/∂θ_j (z(t), t) on the trace's grid — ONE lib VJP per grid point with
//              cotangent s(t) (summed over the batch, as dL/dθ is), memoised per problem;
//   running    ∫_τ^{t_N} s(t)ᵀ ∂f/∂θ_j dt — read from the trace's running dL/dθ(τ) (lib's adjoint
//              backward solve, not a quadrature of ours), so at τ = t_0 it IS the adjoint gradient;
//   final      dL/dθ_j = the running value at t_0 (the trace's gradTheta);
//   backprop   lib computeGradient float64 'backprop' (through the solver's steps; all of θ, once per problem);
//   fd         lib computeGradient float64 'fd' for the one coordinate j (2 forward solves), at tight
//              tolerances as lib/adjoint/finiteDifferences.ts asks (solver noise / 2h must stay small).
// Sign convention: the adjoint accumulates from t_N backward, so the running value grows from 0 at t_N
// to the full dL/dθ_j at t_0, and dL/dθ = ∫_{t_0}^{t_N} s(t)ᵀ ∂f/∂θ dt.
import { z } from 'zod';
import { computeGradient } from '@/lib/adjoint/gradient';
import { packParams } from '@/lib/adjoint/params';
import { sharedStateShape } from '@/components/widgets/shared/urlState';
import { clampTau, gridPosition, sampleAt } from '@/components/widgets/shared/traceLookup';
import type { ProblemTrace } from '@/components/widgets/Jacobian/problemTrace';

// ---- URL / embed state ----
export const integralSchema = z.object({ ...sharedStateShape });
export type IntegralUrlState = z.infer<typeof integralSchema>;
/** Controls an embed may hide with ?hide=a,b. */
export const INTEGRAL_HIDABLE = ['preset', 'param', 'time'] as const;

/** Tolerances of the finite-difference solves (see the file comment). */
export const FD_RTOL = 1e-10;
export const FD_ATOL = 1e-12;

/** A parameter index the problem has (a shared index from another preset may be out of range). */
export function clampParam(pt: ProblemTrace, j: number): number {
  const P = pt.trace.P;
  return Number.isInteger(j) && j >= 0 && j < P ? j : 0;
}

// ---- the integrand over the whole grid ----
const integrandMemo = new Map<string, Float64Array>();

/** s(t_m)ᵀ ∂f/∂θ at every grid point m, M × P row-major (memoised per problem). */
export function integrandMatrix(pt: ProblemTrace): Float64Array {
  const hit = integrandMemo.get(pt.key);
  if (hit) return hit;
  const { trace, dyn } = pt;
  const n = trace.batch * trace.D;
  const P = trace.P;
  const M = trace.t.length;
  const out = new Float64Array(M * P);
  const scratch = { z: new Float64Array(n), theta: new Float64Array(P) };
  for (let m = 0; m < M; m++) {
    const r = dyn.vjp(trace.t[m], trace.zFwd.subarray(m * n, (m + 1) * n), trace.s.subarray(m * n, (m + 1) * n), scratch);
    out.set(r.theta, m * P);
  }
  integrandMemo.set(pt.key, out);
  if (integrandMemo.size > 12) integrandMemo.delete(integrandMemo.keys().next().value as string);
  return out;
}

/** The integrand of parameter j against the trace's time grid (left and right limits at each t_k). */
export function integrandSeries(pt: ProblemTrace, j: number): { t: Float64Array; y: Float64Array } {
  const all = integrandMatrix(pt);
  const P = pt.trace.P;
  const M = pt.trace.t.length;
  const y = new Float64Array(M);
  for (let m = 0; m < M; m++) y[m] = all[m * P + j];
  return { t: pt.trace.t, y };
}

/** The integrand at τ (blended like every trace lookup; left limit at an observation). */
export function integrandAt(pt: ProblemTrace, tau: number, j: number): number {
  return sampleAt(integrandMatrix(pt), pt.trace.P, gridPosition(pt.trace, tau), j, 1)[0];
}

/** ∫_τ^{t_N} s(t)ᵀ ∂f/∂θ_j dt: the trace's running dL/dθ_j(τ) (lib's adjoint solve). */
export function runningAt(pt: ProblemTrace, tau: number, j: number): number {
  return sampleAt(pt.trace.gTheta, pt.trace.P, gridPosition(pt.trace, clampTau(pt.trace, tau)), j, 1)[0];
}

/** dL/dθ_j by the continuous adjoint (the running value at t_0). */
export function finalGrad(pt: ProblemTrace, j: number): number {
  return pt.trace.gradTheta[j];
}

// ---- the two independent gradients ----
const backpropMemo = new Map<string, Float64Array>();

/** dL/dθ by backpropagation through the float64 solver (all coordinates, memoised per problem). */
export function backpropGrad(pt: ProblemTrace): Float64Array {
  const hit = backpropMemo.get(pt.key);
  if (hit) return hit;
  const r = computeGradient(pt.problem, { mode: 'backprop', precision: 'float64' });
  const g = packParams(pt.problem.dynamics, r.grad.params);
  backpropMemo.set(pt.key, g);
  if (backpropMemo.size > 12) backpropMemo.delete(backpropMemo.keys().next().value as string);
  return g;
}

const fdMemo = new Map<string, number>();

/** dL/dθ_j by a central difference of the loss (two float64 solves at FD_RTOL; memoised per problem and j). */
export function fdGrad(pt: ProblemTrace, j: number): number {
  const memoKey = `${pt.key}#${j}`;
  const hit = fdMemo.get(memoKey);
  if (hit !== undefined) return hit;
  const r = computeGradient(pt.problem, { mode: 'fd', precision: 'float64', rtol: FD_RTOL, atol: FD_ATOL, fdCoordinates: { theta: [j] } });
  const v = packParams(pt.problem.dynamics, r.grad.params)[j];
  fdMemo.set(memoKey, v);
  if (fdMemo.size > 256) fdMemo.delete(fdMemo.keys().next().value as string);
  return v;
}

/** Whether the comparison numbers for (problem, j) are already known (no solve needed to show them). */
export function hasComparison(pt: ProblemTrace, j: number): boolean {
  return backpropMemo.has(pt.key) && fdMemo.has(`${pt.key}#${j}`);
}

/** Significant digits of the largest gradient entry of a problem (model.test.ts: the methods agree to them). */
export const GRAD_DIGITS = 4;

/**
 * Significant digits for one gradient entry: the SAME absolute resolution as the problem's largest
 * entry (scale), so a tiny entry is not printed to digits that only the solver's noise decides — the
 * three methods agree to about 1e-7 of the scale, not of each entry.
 */
export function gradDigits(value: number, scale: number): number {
  if (!(Math.abs(value) > 0) || !(scale > 0)) return GRAD_DIGITS;
  const shift = Math.floor(Math.log10(scale)) - Math.floor(Math.log10(Math.abs(value)));
  return Math.min(GRAD_DIGITS, Math.max(1, GRAD_DIGITS - Math.max(0, shift)));
}

/** max |dL/dθ_j| of the problem (the adjoint's), for gradDigits. */
export function gradScale(pt: ProblemTrace): number {
  let m = 0;
  for (const v of pt.trace.gradTheta) m = Math.max(m, Math.abs(v));
  return m;
}
