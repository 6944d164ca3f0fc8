/**
 * Seeded dynamics specs and finite-difference helpers shared by the lib/adjoint tests (test-only code).
 */
import type { Activation, DynamicsSpec } from '../problem';
import { gaussian, gaussianMatrix, mulberry32 } from '../random';

export function randomMlp(seed: number, widths: number[], activation: Activation, timeInput: boolean, cubeInput: boolean): DynamicsSpec {
  const normal = gaussian(mulberry32(seed));
  const layers = widths.slice(0, -1).map((nin, l) => {
    const nout = widths[l + 1];
    return { W: gaussianMatrix(normal, nin, nout, 0.7), b: Array.from({ length: nout }, () => 0.3 * normal()) };
  });
  return { kind: 'mlp', activation, timeInput, cubeInput, layers };
}

export interface Case {
  name: string;
  spec: DynamicsSpec;
  batch: number;
}

/** Every family and every MLP option, batch > 1. */
export const CASES: Case[] = [
  { name: 'mlp tanh 2-8-2', spec: randomMlp(1, [2, 8, 2], 'tanh', false, false), batch: 3 },
  { name: 'mlp softplus timeInput 3-6-2', spec: randomMlp(2, [3, 6, 2], 'softplus', true, false), batch: 3 },
  { name: 'mlp tanh cubeInput+timeInput deep 4-5-4-3', spec: randomMlp(3, [4, 5, 4, 3], 'tanh', true, true), batch: 2 },
  { name: 'mlp softplus cubeInput 2-7-7-2', spec: randomMlp(4, [2, 7, 7, 2], 'softplus', false, true), batch: 4 },
  { name: 'mlp tanh single linear layer 2-2', spec: randomMlp(5, [2, 2], 'tanh', false, false), batch: 2 },
  { name: 'linear 3x3', spec: { kind: 'linear', A: gaussianMatrix(gaussian(mulberry32(6)), 3, 3, 1) }, batch: 2 },
  { name: 'spiral ode_demo A', spec: { kind: 'spiral', A: [[-0.1, 2], [-2, -0.1]] }, batch: 3 },
  { name: 'lorenz', spec: { kind: 'lorenz', sigma: 10, rho: 28, beta: 8 / 3 }, batch: 2 },
  { name: 'damped oscillator', spec: { kind: 'dampedOscillator', omega: 1.7, zeta: 0.2 }, batch: 3 },
];

export function randomVector(seed: number, n: number, scale = 1): Float64Array {
  const normal = gaussian(mulberry32(seed));
  return Float64Array.from({ length: n }, () => scale * normal());
}

/** Array metric of the reference README: max|x − ref| / max|ref|. */
export function relErr(x: ArrayLike<number>, ref: ArrayLike<number>): number {
  if (x.length !== ref.length) throw new Error(`relErr: lengths ${x.length} vs ${ref.length}`);
  let num = 0;
  let den = 0;
  for (let i = 0; i < x.length; i++) {
    num = Math.max(num, Math.abs(x[i] - ref[i]));
    den = Math.max(den, Math.abs(ref[i]));
  }
  return den === 0 ? num : num / den;
}

export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** Central difference of the scalar g at x along each coordinate (step h·max(1,|x_k|)). */
export function centralGrad(g: (x: Float64Array) => number, x: Float64Array, h = 1e-5): Float64Array {
  const out = new Float64Array(x.length);
  const y = Float64Array.from(x);
  for (let k = 0; k < x.length; k++) {
    const step = h * Math.max(1, Math.abs(x[k]));
    y[k] = x[k] + step;
    const up = g(y);
    y[k] = x[k] - step;
    const down = g(y);
    y[k] = x[k];
    out[k] = (up - down) / (2 * step);
  }
  return out;
}
