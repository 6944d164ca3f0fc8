// The integral widget's numbers: its final value against the seed reference file's expected.grad.params,
// against lib's backprop and finite differences, its integrand against lib's jacobianTheta, and the
// running value against a quadrature of the integrand (which pins the sign convention).
import { describe, expect, it } from 'vitest';
import seedRef from '@/tests/reference/seed-four-samples.json';
import { jacobianTheta } from '@/lib/adjoint/jacobian';
import { makeDynamics } from '@/lib/adjoint/dynamics';
import { sAt, zFwdAt } from '@/components/widgets/shared/traceLookup';
import { SENSITIVITY_PRESET_IDS, defaultObs } from '@/components/widgets/shared/presets';
import { formatNumber } from '@/components/viz/format';
import { problemTrace } from '@/components/widgets/Jacobian/problemTrace';
import {
  backpropGrad,
  clampParam,
  fdGrad,
  finalGrad,
  gradDigits,
  gradScale,
  integralSchema,
  integrandAt,
  integrandSeries,
  runningAt,
} from './model';

const SEED_OBS = [0, 1, 2, 3];
const refTheta = seedRef.expected.grad.params.layers.flatMap((l) => [...l.W.flat(), ...l.b]);
const maxAbs = (xs: ArrayLike<number>) => Math.max(...Array.from(xs, Math.abs));
/** |x − ref| relative to |ref|, with a floor of 1e-3·(largest entry) so entries that are ~0 do not divide by ~0. */
const rel = (x: number, ref: number, scale: number) => Math.abs(x - ref) / Math.max(Math.abs(ref), 1e-3 * scale);

describe('integral model', () => {
  it('final dL/dθ_j on the seed problem equals expected.grad.params (every entry ≤ 1e-6 rel)', () => {
    const pt = problemTrace('seed', SEED_OBS);
    expect(pt.trace.P).toBe(refTheta.length);
    const scale = maxAbs(refTheta);
    let worst = 0;
    for (let j = 0; j < refTheta.length; j++) worst = Math.max(worst, rel(finalGrad(pt, j), refTheta[j], scale));
    expect(worst).toBeLessThan(1e-6);
  });

  it('running(τ): 0 at t_N, the final value at t_0 (the trace’s own adjoint number, to 1e-13)', () => {
    for (const id of SENSITIVITY_PRESET_IDS) {
      const pt = problemTrace(id, defaultObs(id));
      const t = pt.trace.obsTimes;
      for (const j of [0, pt.trace.P - 1]) {
        // The trace's last running row and lib's gradTheta are the same sum up to one rounding.
        expect(Math.abs(runningAt(pt, t[0], j) - finalGrad(pt, j))).toBeLessThanOrEqual(1e-13 * Math.max(1, Math.abs(finalGrad(pt, j))));
        expect(runningAt(pt, t[t.length - 1], j)).toBe(0);
      }
    }
  });

  it('running(τ) = ∫_τ^{t_N} integrand dt (trapezoid on the grid, ≤ 2e-3 of the largest value): the sign convention', () => {
    for (const id of SENSITIVITY_PRESET_IDS) {
      const pt = problemTrace(id, defaultObs(id));
      for (const j of [0, 1, pt.trace.P - 1]) {
        const { t, y } = integrandSeries(pt, j);
        const M = t.length;
        let acc = 0;
        let worst = 0;
        let scale = 0;
        for (let m = M - 1; m >= 1; m--) {
          acc += 0.5 * (y[m] + y[m - 1]) * (t[m] - t[m - 1]); // zero-width pieces at duplicated t_k add nothing
          const run = runningAt(pt, t[m - 1], j);
          scale = Math.max(scale, Math.abs(run));
          worst = Math.max(worst, Math.abs(acc - pt.trace.gTheta[(m - 1) * pt.trace.P + j]));
        }
        expect(worst).toBeLessThan(2e-3 * Math.max(scale, 1e-12));
      }
    }
  });

  it('the integrand is s(t)ᵀ ∂f/∂θ_j with lib’s jacobianTheta at the trace’s z(t)', () => {
    const pt = problemTrace('spiral', defaultObs('spiral'));
    const dyn = makeDynamics(pt.problem.dynamics);
    for (const tau of [0.37, 1.5, 2.91]) {
      const J = jacobianTheta(dyn, tau, zFwdAt(pt.trace, tau));
      const s = sAt(pt.trace, tau);
      for (const j of [0, 5, 40, 81]) {
        const want = s[0] * J[j] + s[1] * J[pt.trace.P + j];
        // Off the grid the widget blends two grid points (linear in t): agreement to the blend's error.
        expect(Math.abs(integrandAt(pt, tau, j) - want)).toBeLessThan(1e-3 * Math.max(1, Math.abs(want)));
      }
    }
    // On a grid point exactly: equal to rounding.
    const m = 17;
    const tm = pt.trace.t[m];
    const J = jacobianTheta(dyn, tm, pt.trace.zFwd.subarray(m * 2, m * 2 + 2));
    const s = pt.trace.s.subarray(m * 2, m * 2 + 2);
    expect(integrandSeries(pt, 7).y[m]).toBeCloseTo(s[0] * J[7] + s[1] * J[pt.trace.P + 7], 12);
  });

  it('final = backprop = fd (≤ 1e-5 rel) for every preset, and they print the same at the digits shown (gradDigits)', () => {
    for (const id of SENSITIVITY_PRESET_IDS) {
      const pt = problemTrace(id, defaultObs(id));
      const P = pt.trace.P;
      const bp = backpropGrad(pt);
      const scale = maxAbs(pt.trace.gradTheta);
      expect(gradScale(pt)).toBe(scale);
      const shown = (v: number, ref: number) => formatNumber(v, { digits: gradDigits(ref, scale) });
      // fd costs two solves at rtol 1e-10 per coordinate (~2 s for all 2·82 + 2·82 + 4 + 2 here).
      const fdCoords = Array.from({ length: P }, (_, j) => j);
      for (let j = 0; j < P; j++) {
        const a = finalGrad(pt, j);
        expect(rel(bp[j], a, scale)).toBeLessThan(1e-5);
        expect(shown(bp[j], a), `${id} θ${j}`).toBe(shown(a, a));
      }
      for (const j of fdCoords) {
        const a = finalGrad(pt, j);
        const f = fdGrad(pt, j);
        expect(rel(f, a, scale)).toBeLessThan(1e-5);
        expect(shown(f, a), `${id} θ${j}`).toBe(shown(a, a));
      }
    }
  }, 60_000);

  it('clamps a shared parameter index into the problem’s range', () => {
    const pt = problemTrace('oscillator', defaultObs('oscillator'));
    expect(clampParam(pt, 1)).toBe(1);
    expect(clampParam(pt, 40)).toBe(0);
    expect(clampParam(pt, -1)).toBe(0);
  });

  it('URL state: defaults and query strings', () => {
    expect(integralSchema.parse({})).toEqual({ preset: 'spiral', tau: 0, obs: '', param: 0 });
    expect(integralSchema.parse({ preset: 'linear', param: '3', tau: '0.5' })).toMatchObject({ preset: 'linear', param: 3, tau: 0.5 });
    expect(integralSchema.safeParse({ param: '-1' }).success).toBe(false);
  });
});
