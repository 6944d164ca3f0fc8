// keepOutputAdjoints: dL/dy_i at every output time (the discrete sensitivities the Euler-limit figure
// plots), checked against central differences of the loss with respect to an intermediate output.
import { describe, expect, it } from 'vitest';
import { odeint } from './odeint';
import { float64Backend } from './backendFloat64';
import { discreteAdjoint } from './discreteAdjoint';
import { relErr, tanhField } from './testFixtures';

describe('discreteAdjoint keepOutputAdjoints', () => {
  const D = 3;
  const theta = Float64Array.from({ length: D * D + 2 * D }, (_, i) => Math.sin(1.7 * i + 0.3));
  const z0 = Float64Array.from({ length: D }, (_, i) => Math.cos(i + 0.5));
  const ts = [0, 0.3, 0.7, 1.2, 1.5];
  const w = ts.map((_, i) => Float64Array.from({ length: D }, (_, j) => Math.sin(i + 2 * j)));
  const { f, vjp } = tanhField(D, theta);

  /** L = Σ_{i ≥ from} w_i · y_i, with y_from = y and the solve restarted there. */
  function lossFrom(from: number, y: Float64Array): number {
    const sol = odeint(f, y, ts.slice(from), { method: 'rk4', stepsPerInterval: 3 }, float64Backend);
    let L = 0;
    sol.ys.forEach((v, k) => {
      for (let j = 0; j < D; j++) L += w[from + k][j] * v[j];
    });
    return L;
  }

  it('returns dL/dy_i for every output (FD to 1e-8), entry 0 = dL/dz0; absent by default', () => {
    const sol = odeint(f, z0, ts, { method: 'rk4', stepsPerInterval: 3, recordSteps: true }, float64Backend);
    const input = { f, vjp, z0, t: ts, steps: sol.steps!, method: 'rk4' as const, cotangents: w, nTheta: theta.length };
    expect(discreteAdjoint(input).outputAdjoints).toBeUndefined();
    const g = discreteAdjoint({ ...input, keepOutputAdjoints: true });
    expect(g.outputAdjoints).toHaveLength(ts.length);
    expect(Array.from(g.outputAdjoints![0])).toEqual(Array.from(g.z0));
    // The last output sees only its own cotangent.
    expect(Array.from(g.outputAdjoints![ts.length - 1])).toEqual(Array.from(w[ts.length - 1]));
    for (let i = 1; i < ts.length - 1; i++) {
      const fd = sol.ys[i].map((_, j) => {
        const p = sol.ys[i].slice();
        const m = sol.ys[i].slice();
        p[j] += 1e-6;
        m[j] -= 1e-6;
        return (lossFrom(i, p) - lossFrom(i, m)) / 2e-6;
      });
      expect(relErr(g.outputAdjoints![i], fd)).toBeLessThan(1e-8);
    }
  });
});
