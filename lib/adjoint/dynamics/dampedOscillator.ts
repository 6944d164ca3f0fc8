/**
 * Damped harmonic oscillator x'' + 2ζω x' + ω² x = 0 as a first-order system in z = (x, v):
 *   x' = v,  v' = −ω² x − 2ζω v.
 * Linear in z (so `dampedOscillatorMatrix` + expm gives exact solutions), nonlinear in θ = [ω, ζ].
 */
import type { DampedOscillatorSpec } from '../problem';
import { packParams } from '../params';
import { batchOf, separateFVjp, vjpBuffers, type Dynamics, type VjpOut, type VjpResult } from './types';

/** The system matrix M (dz/dt = M z, column convention): [[0, 1], [−ω², −2ζω]]. */
export function dampedOscillatorMatrix(omega: number, zeta: number): number[][] {
  return [
    [0, 1],
    [-omega * omega, -2 * zeta * omega],
  ];
}

export function dampedOscillatorDynamics(spec: DampedOscillatorSpec, theta: Float64Array = packParams(spec)): Dynamics {
  const D = 2;
  const P = 2;
  if (theta.length !== P) throw new Error(`dampedOscillator dynamics: θ has ${theta.length} entries, expected ${P}.`);

  const f = (_t: number, z: Float64Array, out?: Float64Array): Float64Array => {
    const B = batchOf(z, D, 'dampedOscillator');
    const y = out ?? new Float64Array(B * D);
    const w = theta[0];
    const zeta = theta[1];
    for (let r = 0; r < B; r++) {
      const x = z[2 * r];
      const v = z[2 * r + 1];
      y[2 * r] = v;
      y[2 * r + 1] = -w * w * x - 2 * zeta * w * v;
    }
    return y;
  };

  const vjp = (_t: number, z: Float64Array, a: Float64Array, out?: VjpOut): VjpResult => {
    const B = batchOf(z, D, 'dampedOscillator');
    const res = vjpBuffers(z.length, P, out);
    const w = theta[0];
    const zeta = theta[1];
    let gw = 0;
    let gz = 0;
    for (let r = 0; r < B; r++) {
      const x = z[2 * r];
      const v = z[2 * r + 1];
      const a0 = a[2 * r];
      const a1 = a[2 * r + 1];
      res.z[2 * r] = -w * w * a1;
      res.z[2 * r + 1] = a0 - 2 * zeta * w * a1;
      gw += a1 * (-2 * w * x - 2 * zeta * v);
      gz += a1 * (-2 * w * v);
    }
    res.theta[0] = gw;
    res.theta[1] = gz;
    return { z: res.z, theta: res.theta, t: 0 };
  };

  return { kind: 'dampedOscillator', D, P, theta, timeDependent: false, f, vjp, fVjp: separateFVjp(f, vjp) };
}
