// The Jacobian heatmap's model: at the current time τ, the two Jacobians of the dynamics at the
// trace's forward state z(τ) — ∂f/∂z (D×D) and ∂f/∂θ (D×P), rows = outputs f_i, columns = inputs —
// and ds/dt = −s(τ)ᵀ ∂f/∂z. Every number is one lib/adjoint call (jacobianZ, jacobianTheta, the
// dynamics' VJP) on values looked up in the shared trace; nothing is integrated or differentiated
// here. Results are memoised per (problem, τ), so dragging back and forth only looks values up.
import { z } from 'zod';
import { jacobianTheta, jacobianZ } from '@/lib/adjoint/jacobian';
import { sharedStateShape } from '@/components/widgets/shared/urlState';
import { clampTau, sAt, zFwdAt } from '@/components/widgets/shared/traceLookup';
import type { ProblemTrace } from './problemTrace';
import { paramName, subscript } from './paramGroups';

// ---- URL / embed state ----
export const jacobianSchema = z.object({ ...sharedStateShape });
export type JacobianUrlState = z.infer<typeof jacobianSchema>;
/** Controls an embed may hide with ?hide=a,b. */
export const JACOBIAN_HIDABLE = ['preset', 'time'] as const;

// ---- the numbers at τ ----
export interface JacobianAt {
  /** τ clamped into [t_0, t_N]. */
  tau: number;
  /** Forward z(τ) and s(τ) of the first batch row (length D). */
  z: Float64Array;
  s: Float64Array;
  /** ∂f/∂z, D×D row-major: jz[i·D + j] = ∂f_i/∂z_j. */
  jz: Float64Array;
  /** ∂f/∂θ, D×P row-major: jtheta[i·P + k] = ∂f_i/∂θ_k. */
  jtheta: Float64Array;
  /** ds/dt = −s(τ)ᵀ ∂f/∂z (length D), from the dynamics' VJP with cotangent s(τ). */
  dsdt: Float64Array;
}

const atMemo = new Map<string, JacobianAt>();
const AT_MEMO_SIZE = 256;

/** The Jacobians and ds/dt at τ (memoised). Throws lib errors unchanged. */
export function jacobianAt(pt: ProblemTrace, tauIn: number): JacobianAt {
  const { trace, dyn } = pt;
  const tau = clampTau(trace, tauIn);
  const memoKey = `${pt.key}@${tau}`;
  const hit = atMemo.get(memoKey);
  if (hit) return hit;
  const zt = zFwdAt(trace, tau);
  const s = sAt(trace, tau);
  const vjp = dyn.vjp(tau, zt, s);
  const dsdt = vjp.z.map((v) => -v);
  const out: JacobianAt = { tau, z: zt, s, jz: jacobianZ(dyn, tau, zt), jtheta: jacobianTheta(dyn, tau, zt), dsdt };
  atMemo.set(memoKey, out);
  if (atMemo.size > AT_MEMO_SIZE) atMemo.delete(atMemo.keys().next().value as string);
  return out;
}

export interface ColourRange {
  /** max |∂f_i/∂z_j| over the whole trajectory: one colour scale for every τ, so colours compare over time. */
  jz: number;
  jtheta: number;
}

const rangeMemo = new Map<string, ColourRange>();

/** The colour-scale half-widths of a problem (max |entry| over the trace's grid; memoised). */
export function colourRange(pt: ProblemTrace): ColourRange {
  const hit = rangeMemo.get(pt.key);
  if (hit) return hit;
  const { trace, dyn } = pt;
  const n = trace.batch * trace.D;
  let mz = 0;
  let mt = 0;
  for (let m = 0; m < trace.t.length; m++) {
    // Duplicated observation times have the same z on both sides: evaluate once.
    if (m > 0 && trace.t[m] === trace.t[m - 1]) continue;
    const zt = trace.zFwd.subarray(m * n, m * n + trace.D);
    for (const v of jacobianZ(dyn, trace.t[m], zt)) mz = Math.max(mz, Math.abs(v));
    for (const v of jacobianTheta(dyn, trace.t[m], zt)) mt = Math.max(mt, Math.abs(v));
  }
  const r = { jz: mz, jtheta: mt };
  rangeMemo.set(pt.key, r);
  if (rangeMemo.size > 12) rangeMemo.delete(rangeMemo.keys().next().value as string);
  return r;
}

/** Row views of a row-major matrix (no copies), the shape the Heatmap takes. */
export function matrixRows(values: Float64Array, rows: number, cols: number): Float64Array[] {
  return Array.from({ length: rows }, (_, i) => values.subarray(i * cols, (i + 1) * cols));
}

// ---- labels ----
export const outputLabel = (i: number): string => `f${subscript(i + 1)}`;
export const stateLabel = (j: number): string => `z${subscript(j + 1)}`;

export type MatrixName = 'jz' | 'jtheta';

/** "∂f₁/∂z₂" or "∂f₂/∂W₁[0,3]": the name of one cell, for the readout and announcements. */
export function cellName(pt: ProblemTrace, which: MatrixName, i: number, j: number): string {
  const input = which === 'jz' ? stateLabel(j) : paramName(pt.labels[j]);
  return `∂${outputLabel(i)}/∂${input}`;
}

/** The value of one cell at τ (NaN outside the matrix). */
export function cellValue(at: JacobianAt, D: number, P: number, which: MatrixName, i: number, j: number): number {
  const cols = which === 'jz' ? D : P;
  if (i < 0 || i >= D || j < 0 || j >= cols) return Number.NaN;
  return (which === 'jz' ? at.jz : at.jtheta)[i * cols + j];
}

/** The scrubber's keyboard step: 1/200 of the span, like the stepper's. */
export function tauStep(pt: ProblemTrace): number {
  const t = pt.trace.obsTimes;
  return (t[t.length - 1] - t[0]) / 200;
}
