import { describe, expect, it } from 'vitest';
import { odeint } from './odeint';
import { float64Backend } from './backendFloat64';
import { discreteAdjoint } from './discreteAdjoint';
import type { OdeOptions } from './types';
import { flat, linearField, linearVjp, loadLinear2d, relErr, tanhField } from './testFixtures';

/** Deterministic pseudo-random numbers in [-1, 1) (no Math.random in tests). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s / 2 ** 32) * 2 - 1;
  };
}

describe('discreteAdjoint (float64 reverse mode through the RK steps)', () => {
  // A [batch 2, D 3] state under dz/dt = tanh(W z + b + t c).
  const D = 3;
  const rnd = lcg(7);
  const theta = Float64Array.from({ length: D * D + 2 * D }, () => rnd());
  const z0 = Float64Array.from({ length: 2 * D }, () => rnd());
  const ts = [0, 0.4, 1.1, 1.5];
  const weights = ts.map(() => Float64Array.from({ length: 2 * D }, () => rnd()));
  const opts: OdeOptions = { method: 'rk4', stepsPerInterval: 7 };

  /** L = Σ_{i≥1} w_i · y_i  +  ½|y_N|² (nonlinear in the output too). */
  function loss(th: Float64Array, z: Float64Array): number {
    const { f } = tanhField(D, th);
    const sol = odeint(f, z, ts, opts, float64Backend);
    let L = 0;
    for (let i = 1; i < ts.length; i++) for (let j = 0; j < z.length; j++) L += weights[i][j] * sol.ys[i][j];
    const yN = sol.ys[ts.length - 1];
    for (let j = 0; j < z.length; j++) L += 0.5 * yN[j] * yN[j];
    return L;
  }

  it('rk4 with fixed steps: dL/dz0 and dL/dθ match central finite differences to 1e-7 relative', () => {
    const { f, vjp } = tanhField(D, theta);
    const sol = odeint(f, z0, ts, { ...opts, recordSteps: true }, float64Backend);
    const cot = ts.map((_, i) => (i === 0 ? null : weights[i].slice()));
    const yN = sol.ys[ts.length - 1];
    for (let j = 0; j < yN.length; j++) cot[ts.length - 1]![j] += yN[j];
    const g = discreteAdjoint({ f, vjp, z0, t: ts, steps: sol.steps!, method: 'rk4', cotangents: cot, nTheta: theta.length });
    expect(g.nvjp).toBe(4 * 21);
    expect(g.nfe).toBe(4 * 21);

    const eps = 1e-6;
    const fdZ = z0.map((_, j) => {
      const p = z0.slice();
      const m = z0.slice();
      p[j] += eps;
      m[j] -= eps;
      return (loss(theta, p) - loss(theta, m)) / (2 * eps);
    });
    const fdTh = theta.map((_, j) => {
      const p = theta.slice();
      const m = theta.slice();
      p[j] += eps;
      m[j] -= eps;
      return (loss(p, z0) - loss(m, z0)) / (2 * eps);
    });
    expect(relErr(g.z0, fdZ)).toBeLessThan(1e-7);
    expect(relErr(g.theta, fdTh)).toBeLessThan(1e-7);
  });

  it('euler and midpoint too (fixed steps, FD to 1e-7), and a cotangent at t0 adds to dL/dz0', () => {
    for (const method of ['euler', 'midpoint'] as const) {
      const o: OdeOptions = { method, stepSize: 0.05 };
      const { f, vjp } = tanhField(D, theta);
      const sol = odeint(f, z0, ts, { ...o, recordSteps: true }, float64Backend);
      const L = (z: Float64Array) => {
        const s = odeint(f, z, ts, o, float64Backend);
        let v = 0;
        for (let i = 0; i < ts.length; i++) for (let j = 0; j < z.length; j++) v += weights[i][j] * s.ys[i][j];
        return v;
      };
      const g = discreteAdjoint({ f, vjp, z0, t: ts, steps: sol.steps!, method, cotangents: weights, nTheta: theta.length });
      const fd = z0.map((_, j) => {
        const p = z0.slice();
        const m = z0.slice();
        p[j] += 1e-6;
        m[j] -= 1e-6;
        return (L(p) - L(m)) / 2e-6;
      });
      expect(relErr(g.z0, fd)).toBeLessThan(1e-7);
    }
  });

  it('dopri5 at rtol 1e-10 matches the exact gradient of linear-2d (matrix exponential) to 1e-7', () => {
    const ref = loadLinear2d();
    const f = linearField(ref.A);
    const zz0 = flat(ref.z0);
    const sol = odeint(f, zz0, ref.t, { rtol: 1e-10, atol: 1e-12, recordSteps: true }, float64Backend);
    // sse: dL/dy_i = 2 (y_i − target_i), i ≥ 1.
    const cot = sol.ys.map((y, i) => (i === 0 ? null : y.map((v, j) => 2 * (v - ref.targets[i][0][j]))));
    const g = discreteAdjoint({ f, vjp: linearVjp(ref.A), z0: zz0, t: ref.t, steps: sol.steps!, cotangents: cot, nTheta: 4 });
    expect(relErr(g.z0, flat(ref.gradZ0))).toBeLessThan(1e-7);
    expect(relErr(g.theta, flat(ref.gradA))).toBeLessThan(1e-7);
    // 6 stage VJPs per step: the FSAL stage only serves the error estimate.
    expect(g.nvjp).toBe(6 * sol.steps!.length);
  });

  it('decreasing time works (dopri5, linear-2d backwards from z(2))', () => {
    const ref = loadLinear2d();
    const f = linearField(ref.A);
    const tb = [...ref.t].reverse();
    const zEnd = flat(ref.zhat[4]);
    const w = tb.map((_, i) => Float64Array.from([Math.cos(i), Math.sin(i)]));
    const L = (z: Float64Array) => {
      const s = odeint(f, z, tb, { rtol: 1e-10, atol: 1e-12 }, float64Backend);
      return s.ys.reduce((acc, y, i) => acc + w[i][0] * y[0] + w[i][1] * y[1], 0);
    };
    const sol = odeint(f, zEnd, tb, { rtol: 1e-10, atol: 1e-12, recordSteps: true }, float64Backend);
    const g = discreteAdjoint({ f, vjp: linearVjp(ref.A), z0: zEnd, t: tb, steps: sol.steps!, cotangents: w, nTheta: 4 });
    // L is linear in z: FD with a large step is exact up to rounding (for the same step sequence).
    const fd = zEnd.map((_, j) => {
      const p = zEnd.slice();
      const m = zEnd.slice();
      p[j] += 1e-3;
      m[j] -= 1e-3;
      return (L(p) - L(m)) / 2e-3;
    });
    expect(relErr(g.z0, fd)).toBeLessThan(1e-7);
  });
});
