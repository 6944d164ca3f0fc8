/**
 * Jacobians of a dynamics at one state, built from VJPs with unit cotangents (no separate code path
 * per family, so they agree with the gradients by construction).
 *
 * Orientation: ROWS are outputs f_i, COLUMNS are inputs — J[i][j] = ∂f_i/∂z_j (the corrected form of
 * the source post's equation 2) and ∂f_i/∂θ_k. Row-major Float64Array: J[i·cols + j].
 */
import type { Dynamics } from './dynamics/types';

function checkState(dyn: Dynamics, z: ArrayLike<number>): void {
  if (z.length !== dyn.D) throw new Error(`jacobian: expected one state of length D = ${dyn.D}, got ${z.length}.`);
}

/** ∂f/∂z at (t, z), D×D row-major (row i = ∂f_i/∂z). One batched VJP: D copies of z, cotangents = I. */
export function jacobianZ(dyn: Dynamics, t: number, z: ArrayLike<number>): Float64Array {
  checkState(dyn, z);
  const D = dyn.D;
  const zs = new Float64Array(D * D);
  const eye = new Float64Array(D * D);
  for (let r = 0; r < D; r++) {
    for (let j = 0; j < D; j++) zs[r * D + j] = z[j];
    eye[r * D + r] = 1;
  }
  // Row r of the batched result is e_rᵀ ∂f/∂z = ∂f_r/∂z: exactly row r of J.
  return dyn.vjp(t, zs, eye).z;
}

/** ∂f/∂θ at (t, z), D×P row-major (row i = ∂f_i/∂θ). D VJPs (θ-gradients are summed over a batch). */
export function jacobianTheta(dyn: Dynamics, t: number, z: ArrayLike<number>): Float64Array {
  checkState(dyn, z);
  const { D, P } = dyn;
  const zs = Float64Array.from(z);
  const a = new Float64Array(D);
  const out = new Float64Array(D * P);
  const scratch = { z: new Float64Array(D), theta: new Float64Array(P) };
  for (let i = 0; i < D; i++) {
    a.fill(0);
    a[i] = 1;
    out.set(dyn.vjp(t, zs, a, scratch).theta, i * P);
  }
  return out;
}

/** ∂f/∂t at (t, z), length D (zero unless the field depends on t). */
export function jacobianT(dyn: Dynamics, t: number, z: ArrayLike<number>): Float64Array {
  checkState(dyn, z);
  const D = dyn.D;
  const out = new Float64Array(D);
  if (!dyn.timeDependent) return out;
  const zs = Float64Array.from(z);
  const a = new Float64Array(D);
  for (let i = 0; i < D; i++) {
    a.fill(0);
    a[i] = 1;
    out[i] = dyn.vjp(t, zs, a).t;
  }
  return out;
}
