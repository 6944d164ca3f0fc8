// The unrolled residual network: layer grid, exact backprop (FD check of the per-layer sensitivities),
// convergence to the continuous adjoint, and memory (linear in N for backprop, constant for the adjoint).
import { describe, expect, it } from 'vitest';
import { odeint } from '../ode/odeint';
import { float64Backend } from '../ode/backendFloat64';
import { spiralMlp, seedFourSamples } from './presets';
import { flattenStates } from './problem';
import { makeDynamics } from './dynamics';
import {
  convergenceSweep,
  layerCounts,
  layerGrid,
  logLayerCounts,
  referenceGradient,
  relativeError,
  unrolledError,
  unrolledGradient,
} from './unrolledGradient';

describe('layer grid', () => {
  it('distributes N layers ∝ interval length, ≥ 1 per interval, observations on the grid', () => {
    expect(layerCounts([0, 1, 2, 3, 4], 10)).toEqual([3, 3, 2, 2]);
    expect(layerCounts([0, 1, 2, 3, 4], 3)).toEqual([1, 1, 1, 1]);
    expect(layerCounts([0, 1, 3], 9)).toEqual([3, 6]);
    expect(layerCounts([0, 0.1, 4], 5)).toEqual([1, 4]);
    const g = layerGrid([0, 1, 3], 9);
    expect(g.obsIndex).toEqual([0, 3, 9]);
    expect(g.times[3]).toBe(1);
    expect(g.times[9]).toBe(3);
    expect(logLayerCounts(3, 1000, 20, 4)[0]).toBe(4);
    expect(logLayerCounts(3, 1000, 20, 4).at(-1)).toBe(1000);
    expect(() => layerCounts([0, 1], 0)).toThrow(/positive integer/);
  });
});

describe('unrolledGradient (spiral MLP)', () => {
  const problem = spiralMlp();
  const ref = referenceGradient(problem);

  it('per-layer sensitivities s_k = dL/dz_k match central differences of the unrolled net', () => {
    const N = 12;
    for (const method of ['euler', 'rk4'] as const) {
      const r = unrolledGradient(problem, method, N);
      const dyn = makeDynamics(problem.dynamics);
      const f = (t: number, z: Float64Array) => dyn.f(t, z);
      const targets = flattenStates(problem.targets);
      // L as a function of z_k: run the remaining layers, add the squared errors at observations ≥ k.
      const lossFrom = (k: number, zk: Float64Array): number => {
        const sol = odeint(f, zk, Array.from(r.times.subarray(k)), { method, stepsPerInterval: 1 }, float64Backend);
        let L = 0;
        r.obsIndex.forEach((idx, i) => {
          if (i === 0 || idx < k) return;
          const y = sol.ys[idx - k];
          for (let j = 0; j < y.length; j++) L += (y[j] - targets[i][j]) ** 2;
        });
        return L;
      };
      for (const k of [1, 3, 7, 11]) {
        const zk = r.states.slice(k * r.n, (k + 1) * r.n);
        const sk = r.sensitivities.slice(k * r.n, (k + 1) * r.n);
        const fd = zk.map((_, j) => {
          const p = zk.slice();
          const m = zk.slice();
          p[j] += 1e-6;
          m[j] -= 1e-6;
          return (lossFrom(k, p) - lossFrom(k, m)) / 2e-6;
        });
        expect(relativeError(sk, fd)).toBeLessThan(1e-7);
      }
      expect(Array.from(r.sensitivities.subarray(0, r.n))).toEqual(Array.from(r.gradZ0));
    }
  });

  it('Euler converges to the adjoint’s gradient: N = 1000 is ≈100× closer than N = 10 (first order)', () => {
    const e10 = unrolledError(problem, ref, 'euler', 10);
    const e1000 = unrolledError(problem, ref, 'euler', 1000);
    // Measured 1.904e-2 and 2.045e-4: a ratio of 93 for 100× more layers. First order means ≈100×,
    // not ≥ 100× (the h² term decides which side of 100 a problem lands on).
    expect(e10 / e1000).toBeGreaterThan(85);
    expect(e10 / e1000).toBeLessThan(120);
    // The higher-order methods gain far more than 100× over the same range.
    expect(unrolledError(problem, ref, 'midpoint', 10) / unrolledError(problem, ref, 'midpoint', 1000)).toBeGreaterThan(100 ** 2 * 0.7);
  });

  it('memory: backprop keeps layers × stages states (linear in N); the adjoint’s is constant', () => {
    const a = unrolledGradient(problem, 'euler', 100);
    const b = unrolledGradient(problem, 'euler', 1000);
    expect(a.storedStates).toBe(100);
    expect(b.storedStates).toBe(1000);
    expect(b.backpropBytes).toBe(1000 * 2 * 8);
    expect(unrolledGradient(problem, 'rk4', 100).storedStates).toBe(400);
    expect(referenceGradient(problem).adjointBytes).toBe(ref.adjointBytes);
    // Same problem, any N: the adjoint's count does not depend on a layer count at all.
    expect(ref.adjointBytes).toBe(5 * 2 * 8 + 10 * (2 * 2 + 82) * 8);
  });

  it('a network that blows up gives NaN in the sweep, not an exception', () => {
    const stiff = seedFourSamples();
    const sw = convergenceSweep(stiff, referenceGradient(stiff), [3, 30], ['euler']);
    expect(sw.layers).toEqual([3, 30]);
    expect(sw.errors.euler.every((e) => Number.isFinite(e) || Number.isNaN(e))).toBe(true);
  });
});

describe('convergenceSweep floor', () => {
  it('stops a method after two errors below the floor (the rest NaN)', () => {
    const p = spiralMlp();
    const sw = convergenceSweep(p, referenceGradient(p), [10, 40, 200, 800], ['rk4'], 1e-9);
    expect(sw.errors.rk4[0]).toBeGreaterThan(1e-9);
    expect(sw.errors.rk4[1]).toBeLessThan(1e-9);
    expect(sw.errors.rk4[2]).toBeLessThan(1e-9);
    expect(sw.errors.rk4[3]).toBeNaN();
  });
});
