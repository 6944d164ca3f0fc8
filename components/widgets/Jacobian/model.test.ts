// The Jacobian heatmap's numbers against lib/adjoint: ∂f/∂z and ∂f/∂θ at the trace's z(τ), and at the
// seed reference problem's observation times evaluated at the reference file's own ẑ_i; ds/dt = −sᵀJ
// and its agreement with the slope of the trace's s(t); parameter groups; URL state.
import { describe, expect, it } from 'vitest';
import seedRef from '@/tests/reference/seed-four-samples.json';
import { jacobianTheta, jacobianZ } from '@/lib/adjoint/jacobian';
import { makeDynamics } from '@/lib/adjoint/dynamics';
import { seedFourSamples } from '@/lib/adjoint/presets';
import { sAt, zFwdAt } from '@/components/widgets/shared/traceLookup';
import { traceKey } from '@/components/widgets/Sensitivity/model';
import { SENSITIVITY_PRESET_IDS, defaultObs } from '@/components/widgets/shared/presets';
import { problemKey, problemTrace } from './problemTrace';
import { paramColumnGroups, paramColumnLabel, paramName } from './paramGroups';
import { cellName, cellValue, colourRange, jacobianAt, jacobianSchema, matrixRows } from './model';

/** The reference README's array metric: max|x − ref| / max|ref|. */
function relErr(x: ArrayLike<number>, ref: ArrayLike<number>): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < ref.length; i++) {
    num = Math.max(num, Math.abs(x[i] - ref[i]));
    den = Math.max(den, Math.abs(ref[i]));
  }
  return num / den;
}

const SEED_OBS = [0, 1, 2, 3];

describe('Jacobian model', () => {
  it('uses the stepper’s trace key, so the article computes one trace for all three figures', () => {
    for (const id of SENSITIVITY_PRESET_IDS) expect(problemKey(id, defaultObs(id))).toBe(traceKey(id, defaultObs(id), 10_000));
  });

  it('heatmap numbers are lib jacobianZ / jacobianTheta at the trace’s z(τ), for every preset', () => {
    for (const id of SENSITIVITY_PRESET_IDS) {
      const pt = problemTrace(id, defaultObs(id));
      const dyn = makeDynamics(pt.problem.dynamics); // a fresh lib object, not the widget's
      const t = pt.trace.obsTimes;
      for (const f of [0, 0.13, 0.5, 0.77, 1]) {
        const tau = t[0] + f * (t[t.length - 1] - t[0]);
        const at = jacobianAt(pt, tau);
        const zt = zFwdAt(pt.trace, tau);
        expect(Array.from(at.z)).toEqual(Array.from(zt));
        expect(Array.from(at.jz)).toEqual(Array.from(jacobianZ(dyn, tau, zt)));
        expect(Array.from(at.jtheta)).toEqual(Array.from(jacobianTheta(dyn, tau, zt)));
        expect(at.jz.length).toBe(pt.trace.D ** 2);
        expect(at.jtheta.length).toBe(pt.trace.D * pt.trace.P);
      }
    }
  });

  it('at τ = t_i of the seed reference problem: equal to lib’s Jacobians at the file’s ẑ_i (≤ 1e-5, array metric)', () => {
    const pt = problemTrace('seed', SEED_OBS);
    const dyn = makeDynamics(seedFourSamples().dynamics); // built from lib presets, independently of the store
    for (let i = 0; i < SEED_OBS.length; i++) {
      const zhat = seedRef.expected.zhat[i][0];
      const at = jacobianAt(pt, SEED_OBS[i]);
      expect(relErr(at.z, zhat)).toBeLessThan(1e-6);
      // z(t_i) differs from the reference by the solver's tolerance (rtol 1e-7), the Jacobians likewise.
      expect(relErr(at.jz, jacobianZ(dyn, SEED_OBS[i], zhat))).toBeLessThan(1e-5);
      expect(relErr(at.jtheta, jacobianTheta(dyn, SEED_OBS[i], zhat))).toBeLessThan(1e-5);
    }
  });

  it('ds/dt = −s(τ)ᵀ ∂f/∂z (to 1e-12), and it is the slope of the trace’s s(t) between observations', () => {
    for (const id of SENSITIVITY_PRESET_IDS) {
      const pt = problemTrace(id, defaultObs(id));
      const D = pt.trace.D;
      const t = pt.trace.obsTimes;
      for (const tau of [0.5 * (t[0] + t[1]), 0.3 * t[1] + 0.7 * t[2]]) {
        const at = jacobianAt(pt, tau);
        const s = sAt(pt.trace, tau);
        const scale = Math.max(...Array.from(at.dsdt, Math.abs), 1e-300);
        for (let j = 0; j < D; j++) {
          let sJ = 0;
          for (let i = 0; i < D; i++) sJ += s[i] * at.jz[i * D + j];
          expect(Math.abs(at.dsdt[j] + sJ)).toBeLessThan(1e-12 * Math.max(1, scale));
        }
        // Central difference of the trace's own s(t) (blended grid, step ≈ grid spacing): first-order agreement.
        const h = (t[t.length - 1] - t[0]) / 60;
        const sp = sAt(pt.trace, tau + h);
        const sm = sAt(pt.trace, tau - h);
        const slope = Array.from(sp, (v, j) => (v - sm[j]) / (2 * h));
        expect(relErr(slope, at.dsdt)).toBeLessThan(2e-2);
      }
    }
  });

  it('memoises per (problem, τ) and returns the same object', () => {
    const pt = problemTrace('seed', SEED_OBS);
    expect(jacobianAt(pt, 1.2345)).toBe(jacobianAt(pt, 1.2345));
    expect(jacobianAt(pt, -5).tau).toBe(0);
    expect(jacobianAt(pt, 99).tau).toBe(3);
  });

  it('the colour range covers every entry along the trajectory', () => {
    const pt = problemTrace('spiral', defaultObs('spiral'));
    const r = colourRange(pt);
    for (const tau of [0, 0.9, 2.2, 4]) {
      const at = jacobianAt(pt, tau);
      expect(Math.max(...Array.from(at.jz, Math.abs))).toBeLessThanOrEqual(r.jz * (1 + 1e-12));
      expect(Math.max(...Array.from(at.jtheta, Math.abs))).toBeLessThanOrEqual(r.jtheta * (1 + 1e-12));
    }
    expect(r.jz).toBeGreaterThan(0);
  });

  it('cells: rows are outputs f_i, columns inputs; values read from the row-major matrices', () => {
    const pt = problemTrace('seed', SEED_OBS);
    const at = jacobianAt(pt, 1.5);
    const rows = matrixRows(at.jz, 2, 2);
    expect(rows[1][0]).toBe(at.jz[2]);
    expect(cellValue(at, 2, pt.trace.P, 'jz', 1, 0)).toBe(at.jz[2]);
    expect(cellValue(at, 2, pt.trace.P, 'jtheta', 1, 5)).toBe(at.jtheta[pt.trace.P + 5]);
    expect(Number.isNaN(cellValue(at, 2, pt.trace.P, 'jz', 2, 0))).toBe(true);
    expect(cellName(pt, 'jz', 0, 1)).toBe('∂f₁/∂z₂');
    expect(cellName(pt, 'jtheta', 1, 3)).toBe('∂f₂/∂W₁[0,3]');
  });

  it('∂f/∂θ columns are grouped by layer and W/b (seed MLP 2-16-2: 32 + 16 + 32 + 2)', () => {
    const pt = problemTrace('seed', SEED_OBS);
    expect(paramColumnGroups(pt.blocks)).toEqual([
      { label: 'W₁', start: 0, end: 32 },
      { label: 'b₁', start: 32, end: 48 },
      { label: 'W₂', start: 48, end: 80 },
      { label: 'b₂', start: 80, end: 82 },
    ]);
    expect(paramColumnLabel(pt.labels[17])).toBe('[1,1]');
    expect(paramName(pt.labels[33])).toBe('b₁[1]');
    const osc = problemTrace('oscillator', defaultObs('oscillator'));
    expect(paramColumnGroups(osc.blocks)).toEqual([{ label: 'physical parameters', start: 0, end: 2 }]);
    expect(osc.labels.map(paramName)).toEqual(['ω', 'ζ']);
  });

  it('URL state: defaults, query strings, invalid values rejected', () => {
    expect(jacobianSchema.parse({})).toEqual({ preset: 'spiral', tau: 0, obs: '', param: 0 });
    expect(jacobianSchema.parse({ preset: 'seed', tau: '1.5', obs: '0,1,2,3', param: '4' })).toEqual({ preset: 'seed', tau: 1.5, obs: '0,1,2,3', param: 4 });
    expect(jacobianSchema.safeParse({ preset: 'nope' }).success).toBe(false);
    expect(jacobianSchema.safeParse({ tau: 'abc' }).success).toBe(false);
  });
});
