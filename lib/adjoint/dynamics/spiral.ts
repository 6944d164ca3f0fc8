/**
 * The article's true spiral (torchdiffeq's ode_demo): dz/dt = (z∘z∘z)·A in the ROW-vector convention
 * (`true_y0 ** 3 @ true_A`), with ode_demo's A = [[-0.1, 2], [-2, -0.1]]. θ = A row-major.
 */
import type { SpiralSpec } from '../problem';
import { packParams } from '../params';
import { batchOf, separateFVjp, vjpBuffers, type Dynamics, type VjpOut, type VjpResult } from './types';

/** torchdiffeq ode_demo's `true_A`. */
export const ODE_DEMO_A: readonly (readonly number[])[] = [
  [-0.1, 2.0],
  [-2.0, -0.1],
];

export function spiralDynamics(spec: SpiralSpec, theta: Float64Array = packParams(spec)): Dynamics {
  const D = spec.A.length;
  const P = D * D;
  if (theta.length !== P) throw new Error(`spiral dynamics: θ has ${theta.length} entries, expected ${P}.`);

  // f_j = Σ_i z_i³ A_ij
  const f = (_t: number, z: Float64Array, out?: Float64Array): Float64Array => {
    const B = batchOf(z, D, 'spiral');
    const y = out ?? new Float64Array(B * D);
    for (let r = 0; r < B; r++) {
      const o = r * D;
      for (let j = 0; j < D; j++) {
        let s = 0;
        for (let i = 0; i < D; i++) {
          const v = z[o + i];
          s += v * v * v * theta[i * D + j];
        }
        y[o + j] = s;
      }
    }
    return y;
  };

  // (aᵀ∂f/∂z)_i = 3 z_i² Σ_j A_ij a_j,  (aᵀ∂f/∂A)_ij = z_i³ a_j.
  const vjp = (_t: number, z: Float64Array, a: Float64Array, out?: VjpOut): VjpResult => {
    const B = batchOf(z, D, 'spiral');
    const res = vjpBuffers(z.length, P, out);
    res.theta.fill(0);
    for (let r = 0; r < B; r++) {
      const o = r * D;
      for (let i = 0; i < D; i++) {
        const v = z[o + i];
        let s = 0;
        for (let j = 0; j < D; j++) {
          s += theta[i * D + j] * a[o + j];
          res.theta[i * D + j] += v * v * v * a[o + j];
        }
        res.z[o + i] = 3 * v * v * s;
      }
    }
    return { z: res.z, theta: res.theta, t: 0 };
  };

  return { kind: 'spiral', D, P, theta, timeDependent: false, f, vjp, fVjp: separateFVjp(f, vjp) };
}
