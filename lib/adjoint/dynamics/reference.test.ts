import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { flattenBatch, flattenStates, parseProblem } from '../problem';
import { lossGrad } from '../loss';
import { makeDynamics } from './index';
import { dot } from './testCases';

const REF = path.resolve(__dirname, '../../../tests/reference');
const NAMES = ['linear-2d', 'seed-four-samples', 'spiral-batch', 'time-dependent', 'deep-long'];

/**
 * The reference's closed-form dL/dt (README "Gradient with respect to t") uses f at the reference's own
 * states: grad.t[i] = (∂L/∂ẑᵢ)·f(ẑᵢ, tᵢ) for i ≥ 1 and grad.t[0] = −grad.z0·f(z0, t0). Reproducing it
 * from expected.zhat checks our f conventions (W orientation, time column last, cubeInput, Z·Aᵀ)
 * against the independent implementation, without any solver.
 */
describe.each(NAMES)('%s: f and the loss reproduce expected.grad.t', (name) => {
  const p = parseProblem(JSON.parse(readFileSync(path.join(REF, `${name}.json`), 'utf8')));
  const e = p.expected!;
  const dyn = makeDynamics(p.dynamics);
  const zhat = flattenStates(e.zhat);
  const cot = lossGrad(zhat, flattenStates(p.targets), p.loss);

  it('grad.t[i] = (∂L/∂ẑᵢ)·f(ẑᵢ, tᵢ) for i ≥ 1 and −grad.z0·f(z0, t0), to 1e-8 of max|grad.t|', () => {
    const scale = Math.max(...e.grad.t.map(Math.abs));
    const mine = p.t.map((ti, i) => (i === 0 ? -dot(flattenBatch(e.grad.z0), dyn.f(ti, zhat[0])) : dot(cot[i], dyn.f(ti, zhat[i]))));
    for (let i = 0; i < p.t.length; i++) expect(Math.abs(mine[i] - e.grad.t[i]) / scale).toBeLessThan(1e-8);
  });
});
