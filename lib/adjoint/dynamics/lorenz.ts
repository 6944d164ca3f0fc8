/**
 * Lorenz system, θ = [σ, ρ, β]:  x' = σ(y − x),  y' = x(ρ − z) − y,  z' = xy − βz.
 */
import type { LorenzSpec } from '../problem';
import { packParams } from '../params';
import { batchOf, separateFVjp, vjpBuffers, type Dynamics, type VjpOut, type VjpResult } from './types';

export function lorenzDynamics(spec: LorenzSpec, theta: Float64Array = packParams(spec)): Dynamics {
  const D = 3;
  const P = 3;
  if (theta.length !== P) throw new Error(`lorenz dynamics: θ has ${theta.length} entries, expected ${P}.`);

  const f = (_t: number, z: Float64Array, out?: Float64Array): Float64Array => {
    const B = batchOf(z, D, 'lorenz');
    const y = out ?? new Float64Array(B * D);
    const sigma = theta[0];
    const rho = theta[1];
    const beta = theta[2];
    for (let r = 0; r < B; r++) {
      const o = r * D;
      const x = z[o];
      const yy = z[o + 1];
      const zz = z[o + 2];
      y[o] = sigma * (yy - x);
      y[o + 1] = x * (rho - zz) - yy;
      y[o + 2] = x * yy - beta * zz;
    }
    return y;
  };

  const vjp = (_t: number, z: Float64Array, a: Float64Array, out?: VjpOut): VjpResult => {
    const B = batchOf(z, D, 'lorenz');
    const res = vjpBuffers(z.length, P, out);
    const sigma = theta[0];
    const rho = theta[1];
    const beta = theta[2];
    let gs = 0;
    let gr = 0;
    let gb = 0;
    for (let r = 0; r < B; r++) {
      const o = r * D;
      const x = z[o];
      const yy = z[o + 1];
      const zz = z[o + 2];
      const a0 = a[o];
      const a1 = a[o + 1];
      const a2 = a[o + 2];
      res.z[o] = -sigma * a0 + (rho - zz) * a1 + yy * a2;
      res.z[o + 1] = sigma * a0 - a1 + x * a2;
      res.z[o + 2] = -x * a1 - beta * a2;
      gs += a0 * (yy - x);
      gr += a1 * x;
      gb -= a2 * zz;
    }
    res.theta[0] = gs;
    res.theta[1] = gr;
    res.theta[2] = gb;
    return { z: res.z, theta: res.theta, t: 0 };
  };

  return { kind: 'lorenz', D, P, theta, timeDependent: false, f, vjp, fVjp: separateFVjp(f, vjp) };
}
