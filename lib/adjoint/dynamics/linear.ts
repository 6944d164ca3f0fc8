/**
 * Linear field dz/dt = A z (column-vector convention, as `kind: "linear"` in the reference format), so a
 * batch of row states evolves as Z·Aᵀ. θ = A row-major.
 */
import type { LinearSpec } from '../problem';
import { packParams } from '../params';
import { batchOf, separateFVjp, vjpBuffers, type Dynamics, type VjpOut, type VjpResult } from './types';

export function linearDynamics(spec: LinearSpec, theta: Float64Array = packParams(spec)): Dynamics {
  const D = spec.A.length;
  const P = D * D;
  if (theta.length !== P) throw new Error(`linear dynamics: θ has ${theta.length} entries, expected ${P}.`);

  const f = (_t: number, z: Float64Array, out?: Float64Array): Float64Array => {
    const B = batchOf(z, D, 'linear');
    const y = out ?? new Float64Array(B * D);
    for (let r = 0; r < B; r++) {
      const o = r * D;
      for (let i = 0; i < D; i++) {
        let s = 0;
        for (let j = 0; j < D; j++) s += theta[i * D + j] * z[o + j];
        y[o + i] = s;
      }
    }
    return y;
  };

  // f_i = Σ_j A_ij z_j  ⇒  (aᵀ∂f/∂z)_j = Σ_i a_i A_ij,  (aᵀ∂f/∂A)_ij = a_i z_j.
  const vjp = (_t: number, z: Float64Array, a: Float64Array, out?: VjpOut): VjpResult => {
    const B = batchOf(z, D, 'linear');
    const res = vjpBuffers(z.length, P, out);
    res.theta.fill(0);
    for (let r = 0; r < B; r++) {
      const o = r * D;
      for (let j = 0; j < D; j++) {
        let s = 0;
        for (let i = 0; i < D; i++) s += a[o + i] * theta[i * D + j];
        res.z[o + j] = s;
      }
      for (let i = 0; i < D; i++) {
        const ai = a[o + i];
        for (let j = 0; j < D; j++) res.theta[i * D + j] += ai * z[o + j];
      }
    }
    return { z: res.z, theta: res.theta, t: 0 };
  };

  return { kind: 'linear', D, P, theta, timeDependent: false, f, vjp, fVjp: separateFVjp(f, vjp) };
}
