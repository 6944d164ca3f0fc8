import { describe, expect, it } from 'vitest';
import { odeint } from './odeint';
import { float64Backend } from './backendFloat64';
import { flat, linearField, loadLinear2d, relErr } from './testFixtures';

const ref = loadLinear2d();
const f = linearField(ref.A);
const z0 = flat(ref.z0);
/** Exact solution of linear-2d: A = [[-0.1, 2], [-2, -0.1]], z0 = (2, 0). */
const exactAt = (t: number) => Float64Array.from([2 * Math.exp(-0.1 * t) * Math.cos(2 * t), -2 * Math.exp(-0.1 * t) * Math.sin(2 * t)]);

describe('dopri5 behaviour (float64)', () => {
  it('the closed form used below matches expected.zhat to 1e-14', () => {
    ref.t.forEach((t, i) => expect(relErr(exactAt(t), ref.zhat[i][0])).toBeLessThan(1e-14));
  });

  it('dense output matches the exact solution at interior points to ≤ 1e-8 relative (rtol 1e-10)', () => {
    const sol = odeint(f, z0, ref.t, { rtol: 1e-10, atol: 1e-12, recordSteps: true }, float64Backend);
    expect(sol.dense).toBeDefined();
    for (const t of [0.013, 0.3, 0.77, 1.2345, 1.9, 2]) {
      expect(relErr(sol.dense!(t), exactAt(t))).toBeLessThan(1e-8);
    }
    // Outputs are step ends: dense output at t_i is the step end itself (θ = 1 reproduces b).
    ref.t.forEach((t, i) => expect(relErr(sol.dense!(t), sol.ys[i])).toBeLessThan(1e-14));
    expect(() => sol.dense!(2.5)).toThrow(/outside the solved span/);
  });

  it('dense output is a 4th-order interpolant: at loose rtol its error stays comparable to the step-end error', () => {
    const sol = odeint(f, z0, ref.t, { rtol: 1e-5, atol: 1e-8, recordSteps: true }, float64Backend);
    let worstDense = 0;
    for (let k = 1; k < 200; k++) worstDense = Math.max(worstDense, relErr(sol.dense!(k / 100), exactAt(k / 100)));
    let worstEnd = 0;
    ref.t.forEach((t, i) => (worstEnd = Math.max(worstEnd, relErr(sol.ys[i], exactAt(t)))));
    expect(worstDense).toBeLessThan(1e-4);
    expect(worstDense).toBeLessThan(20 * Math.max(worstEnd, 1e-7));
  });

  it('backwards in time equals the mirrored forward problem (to 1e-12) and the exact values (1e-8)', () => {
    const tBack = [...ref.t].reverse();
    const zEnd = flat(ref.zhat[ref.zhat.length - 1]);
    const opts = { rtol: 1e-10, atol: 1e-12 };
    const back = odeint(f, zEnd, tBack, opts, float64Backend);
    // s = −t: dw/ds = −f(−s, w).
    const g = (s: number, w: Float64Array) => f(-s, w).map((v) => -v);
    const fwd = odeint(g, zEnd, tBack.map((t) => -t), opts, float64Backend);
    expect(back.stats).toEqual(fwd.stats);
    back.ys.forEach((y, i) => {
      expect(relErr(y, fwd.ys[i])).toBeLessThan(1e-12);
      expect(relErr(y, exactAt(tBack[i]))).toBeLessThan(1e-8);
    });
  });

  it('a single time point returns a copy of z0 and does no work', () => {
    const sol = odeint(f, z0, [0.7], {}, float64Backend);
    expect(sol.ys.length).toBe(1);
    expect(Array.from(sol.ys[0])).toEqual(Array.from(z0));
    expect(sol.ys[0]).not.toBe(z0);
    expect(sol.stats).toEqual({ nfe: 0, accepted: 0, rejected: 0 });
  });

  it('stats: FSAL dopri5 costs 6 evaluations per attempted step, +1 for f(t0), +1 for the automatic first step', () => {
    const auto = odeint(f, z0, ref.t, { rtol: 1e-8, atol: 1e-10 }, float64Backend);
    const s = auto.stats;
    expect(s.accepted).toBeGreaterThanOrEqual(ref.t.length - 1);
    expect(s.nfe).toBe(2 + 6 * (s.accepted + s.rejected));
    const given = odeint(f, z0, ref.t, { rtol: 1e-8, atol: 1e-10, firstStep: 0.01 }, float64Backend);
    const g = given.stats;
    expect(g.nfe).toBe(1 + 6 * (g.accepted + g.rejected));
    // A first step far too large is rejected, then the solve goes on.
    const big = odeint(f, z0, ref.t, { rtol: 1e-8, atol: 1e-10, firstStep: 0.5 }, float64Backend);
    expect(big.stats.rejected).toBeGreaterThan(0);
    expect(relErr(big.ys[4], ref.zhat[4][0])).toBeLessThan(1e-6);
  });

  it('fixed steps: rk4 with stepsPerInterval 10 costs 4 evaluations a step; stepSize lands exactly on every t_i', () => {
    const a = odeint(f, z0, ref.t, { method: 'rk4', stepsPerInterval: 10 }, float64Backend);
    expect(a.stats).toEqual({ nfe: 4 * 40, accepted: 40, rejected: 0 });
    // stepSize 0.3 does not divide 0.5: each interval is 0.3 + 0.2 (2 steps).
    const b = odeint(f, z0, ref.t, { method: 'euler', stepSize: 0.3, recordSteps: true }, float64Backend);
    expect(b.stats.accepted).toBe(8);
    expect(b.steps!.map((s) => s.h)).toEqual([0.3, 0.2, 0.3, 0.2, 0.3, 0.2, 0.3, 0.2].map((h, i) => expect.closeTo(h, 14) as unknown as number));
    // 0.1 into 0.5: five steps per interval, no sliver step from rounding.
    const c = odeint(f, z0, ref.t, { method: 'euler', stepSize: 0.1 }, float64Backend);
    expect(c.stats.accepted).toBe(20);
  });

  it('recordSteps: steps chain exactly and the last step of interval i ends on t_i', () => {
    const sol = odeint(f, z0, ref.t, { rtol: 1e-6, recordSteps: true }, float64Backend);
    const steps = sol.steps!;
    expect(steps.length).toBe(sol.stats.accepted);
    expect(steps[0].t).toBe(0);
    for (let k = 0; k < steps.length; k++) {
      const s = steps[k];
      const lastOfInterval = k === steps.length - 1 || steps[k + 1].interval !== s.interval;
      const end = lastOfInterval ? ref.t[s.interval] : s.t + s.h;
      if (lastOfInterval) expect(Math.abs(s.t + s.h - ref.t[s.interval])).toBeLessThan(1e-15);
      if (k + 1 < steps.length) expect(steps[k + 1].t).toBe(end);
    }
  });

  it('normChannels: a seminorm that ignores a wildly varying extra channel takes fewer steps', () => {
    // Augment z with a fast oscillating quadrature channel q' = sin(50 t) that does not feed back.
    const aug = (t: number, z: Float64Array) => {
      const base = f(t, z.subarray(0, 2));
      return Float64Array.from([base[0], base[1], Math.sin(50 * t) * 10]);
    };
    const za = Float64Array.from([2, 0, 0]);
    const full = odeint(aug, za, [0, 2], { rtol: 1e-6, atol: 1e-9 }, float64Backend);
    const semi = odeint(aug, za, [0, 2], { rtol: 1e-6, atol: 1e-9, normChannels: 2 }, float64Backend);
    expect(semi.stats.accepted).toBeLessThan(full.stats.accepted);
    expect(relErr(semi.ys[1].subarray(0, 2), exactAt(2))).toBeLessThan(1e-5);
  });
});
