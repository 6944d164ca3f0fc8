import type { DynamicsSpec, Float64Model } from './gradientTypes';
import { makeDynamics } from './dynamics';

/**
 * The float64 model the gradient modes run: the foundation's dynamics (dynamics/*.ts) seen as flat
 * [batch·D] states with θ bound. `fVjp` (f and the VJP from one forward pass) is what the augmented
 * adjoint field needs at every stage. θ is read by reference: mutating `theta` in place changes the
 * model (finite differences rely on that).
 *
 * (This file first held a fused MLP kernel of its own; the foundation's `fVjp` now shares the forward
 * pass the same way and was measured within ±10% of it, with identical results, so there is one kernel.)
 */
export function float64Model(spec: DynamicsSpec, theta: Float64Array, batch: number, dim: number): Float64Model {
  const dyn = makeDynamics(spec, theta);
  return {
    n: batch * dim,
    nTheta: dyn.P,
    f: (t, z) => dyn.f(t, z),
    fVjp: (t, z, a) => dyn.fVjp(t, z, a),
  };
}
