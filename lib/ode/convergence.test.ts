import { describe, expect, it } from 'vitest';
import { odeint } from './odeint';
import { float64Backend } from './backendFloat64';
import type { MethodName } from './types';
import { flat, linearField, loadLinear2d, loadMlpReference, logLogSlope, relErr } from './testFixtures';

const ref = loadLinear2d();
const f = linearField(ref.A);
const z0 = flat(ref.z0);
const exact = Float64Array.from(ref.zhat.flat(2));

function globalError(method: MethodName, stepSize: number): number {
  const sol = odeint(f, z0, ref.t, { method, stepSize }, float64Backend);
  const got = new Float64Array(exact.length);
  sol.ys.forEach((y, i) => got.set(y, i * y.length));
  return relErr(got, exact);
}

describe('convergence on linear-2d (float64)', () => {
  const hs = [0.05, 0.025, 0.0125, 0.00625];
  const cases: [MethodName, number][] = [
    ['euler', 1],
    ['midpoint', 2],
    ['rk4', 4],
  ];
  for (const [method, order] of cases) {
    it(`${method}: log–log slope of global error vs h is ${order} ± 0.2`, () => {
      const errs = hs.map((h) => globalError(method, h));
      const slope = logLogSlope(hs, errs);
      expect(Math.abs(slope - order)).toBeLessThan(0.2);
      // Errors must actually shrink monotonically.
      for (let i = 1; i < errs.length; i++) expect(errs[i]).toBeLessThan(errs[i - 1]);
    });
  }

  it('dopri5 at rtol 1e-10 / atol 1e-12 reproduces expected.zhat to ≤ 1e-8 relative', () => {
    const sol = odeint(f, z0, ref.t, { rtol: 1e-10, atol: 1e-12 }, float64Backend);
    const got = new Float64Array(exact.length);
    sol.ys.forEach((y, i) => got.set(y, i * y.length));
    expect(relErr(got, exact)).toBeLessThan(1e-8);
  });

  it('dopri5 global error falls with rtol (≈ proportional, 1e-6 → 1e-9)', () => {
    const errAt = (rtol: number) => {
      const sol = odeint(f, z0, ref.t, { rtol, atol: rtol * 1e-2 }, float64Backend);
      const got = new Float64Array(exact.length);
      sol.ys.forEach((y, i) => got.set(y, i * y.length));
      return relErr(got, exact);
    };
    const e6 = errAt(1e-6);
    const e9 = errAt(1e-9);
    expect(e6).toBeLessThan(1e-4);
    expect(e9).toBeLessThan(e6 / 100);
  });
});

describe('dopri5 on every MLP reference problem (float64)', () => {
  for (const name of ['seed-four-samples', 'spiral-batch', 'time-dependent', 'deep-long']) {
    it(`${name}: rtol 1e-10 reproduces expected.zhat to ≤ 1e-8; the file's float32 settings (rtol 1e-7) to ≤ 1e-5`, () => {
      const p = loadMlpReference(name);
      const solveErr = (rtol: number, atol: number) => {
        const sol = odeint(p.f, p.z0, p.t, { rtol, atol }, float64Backend);
        const got = new Float64Array(p.zhat.length);
        sol.ys.forEach((y, i) => got.set(y, i * y.length));
        return relErr(got, p.zhat);
      };
      expect(solveErr(1e-10, 1e-12)).toBeLessThan(1e-8);
      expect(solveErr(1e-7, 1e-9)).toBeLessThan(1e-5);
    });
  }
});
