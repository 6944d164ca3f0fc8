/**
 * The float64 interface every dynamics family implements: dz/dt = f(t, z; θ) for a batch of states,
 * and its vector–Jacobian product. This is the hot path of every float64 gradient, so:
 * - states are flat row-major Float64Arrays [batch·D] (lib/ode's float64 layout), batch = z.length / D;
 * - `theta` is the live parameter vector (layout in params.ts): `dyn.theta.set(newTheta)` changes f
 *   immediately, nothing derived from θ is cached;
 * - f and vjp are plain closures (safe to pass unbound, e.g. `odeint(dyn.f, …)`), they never mutate
 *   z or a, and keep only their own scratch buffers (grown to the largest batch seen, then reused).
 */
import type { DynamicsKind } from '../problem';

/** aᵀ∂f/∂z per batch row, aᵀ∂f/∂θ summed over the batch, aᵀ∂f/∂t summed over the batch. */
export interface VjpResult {
  z: Float64Array;
  theta: Float64Array;
  t: number;
}

/** vjp plus f(t, z) itself, from one forward pass. */
export interface FVjpResult extends VjpResult {
  f: Float64Array;
}

/** Optional destination buffers (z and f: length batch·D, theta: length P); they are overwritten. */
export interface VjpOut {
  z?: Float64Array;
  theta?: Float64Array;
  /** Used by fVjp only. */
  f?: Float64Array;
}

export interface Dynamics {
  readonly kind: DynamicsKind;
  /** State dimension. */
  readonly D: number;
  /** Number of parameters (length of theta). */
  readonly P: number;
  /** Live parameter vector θ (layout: params.ts). */
  readonly theta: Float64Array;
  /** Whether f depends on t explicitly (mlp with timeInput); if false, vjp(...).t is always 0. */
  readonly timeDependent: boolean;
  /** f(t, z) for every batch row; writes into `out` (length z.length) if given, else allocates. */
  f(t: number, z: Float64Array, out?: Float64Array): Float64Array;
  /** (aᵀ∂f/∂z, aᵀ∂f/∂θ, aᵀ∂f/∂t) at (t, z) for cotangent a (same layout as z). Outputs are fresh arrays
   *  unless `out` supplies them. */
  vjp(t: number, z: Float64Array, a: Float64Array, out?: VjpOut): VjpResult;
  /** f(t, z) and the VJP together — what the augmented adjoint field needs at every stage. The MLP
   *  shares one forward pass between them; the other families just call both. */
  fVjp(t: number, z: Float64Array, a: Float64Array, out?: VjpOut): FVjpResult;
}

/** fVjp for families whose f is cheap next to their VJP: f and vjp one after the other. */
export function separateFVjp(
  f: Dynamics['f'],
  vjp: Dynamics['vjp'],
): Dynamics['fVjp'] {
  return (t, z, a, out) => {
    const fz = f(t, z, out?.f);
    return { f: fz, ...vjp(t, z, a, out) };
  };
}

/** Batch size of a flat state, with a clear error when the length does not fit D. */
export function batchOf(z: Float64Array, D: number, kind: string): number {
  const B = z.length / D;
  if (!Number.isInteger(B) || B < 1) {
    throw new Error(`${kind} dynamics: state length ${z.length} is not a positive multiple of D = ${D}.`);
  }
  return B;
}

export function vjpBuffers(n: number, P: number, out: VjpOut | undefined): { z: Float64Array; theta: Float64Array } {
  const z = out?.z ?? new Float64Array(n);
  const theta = out?.theta ?? new Float64Array(P);
  if (z.length !== n || theta.length !== P) {
    throw new Error(`vjp: output buffers have lengths ${z.length}/${theta.length}, expected ${n}/${P}.`);
  }
  return { z, theta };
}
