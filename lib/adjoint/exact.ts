/**
 * Exact solutions for the dynamics that are linear in z (kind `linear`, `dampedOscillator`):
 * z(t) = e^{M (t − t0)} z(t0) per batch row, M the column-convention system matrix.
 */
import type { DynamicsSpec } from './problem';
import { dampedOscillatorMatrix } from './dynamics/dampedOscillator';
import { expm } from './expm';

/** M with dz/dt = M z, or null when the field is not linear in z. */
export function linearSystemMatrix(spec: DynamicsSpec): number[][] | null {
  if (spec.kind === 'linear') return spec.A.map((r) => r.slice());
  if (spec.kind === 'dampedOscillator') return dampedOscillatorMatrix(spec.omega, spec.zeta);
  return null;
}

/** States [time][batch][D] at `times` from z0 [batch][D] at t0, or null if the field is not linear. */
export function exactStates(spec: DynamicsSpec, z0: readonly (readonly number[])[], t0: number, times: readonly number[]): number[][][] | null {
  const M = linearSystemMatrix(spec);
  if (!M) return null;
  return times.map((t) => {
    const E = expm(M.map((row) => row.map((v) => v * (t - t0))));
    return z0.map((z) => E.map((row) => row.reduce((s, v, j) => s + v * z[j], 0)));
  });
}
