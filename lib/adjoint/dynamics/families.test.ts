import { describe, expect, it } from 'vitest';
import { makeDynamics } from './index';
import { ODE_DEMO_A } from './spiral';

// Values worked out by hand from each family's defining formula (two batch rows each, so the
// row-major batch layout is exercised too).
describe('f of each family at hand-checked points', () => {
  it('linear: dz/dt = A z per row (Z·Aᵀ), not z·A', () => {
    const f = makeDynamics({ kind: 'linear', A: [[1, 2], [3, 4]] }).f(0, Float64Array.of(1, 10, -1, 0));
    expect(Array.from(f)).toEqual([21, 43, -1, -3]);
  });
  it('spiral: dz/dt = (z∘z∘z)·A, row-vector convention, with ode_demo’s A', () => {
    const f = makeDynamics({ kind: 'spiral', A: ODE_DEMO_A.map((r) => r.slice()) }).f(0, Float64Array.of(2, 0, 1, -1));
    // (8, 0)·A = (−0.8, 16);  (1, −1)·A = (−0.1 + 2, 2 + 0.1)
    expect(f[0]).toBeCloseTo(-0.8, 15);
    expect(f[1]).toBeCloseTo(16, 15);
    expect(f[2]).toBeCloseTo(1.9, 15);
    expect(f[3]).toBeCloseTo(2.1, 15);
  });
  it('lorenz: (σ(y − x), x(ρ − z) − y, xy − βz)', () => {
    const f = makeDynamics({ kind: 'lorenz', sigma: 10, rho: 28, beta: 8 / 3 }).f(0, Float64Array.of(1, 2, 3, 0, 0, 0));
    expect(Array.from(f)).toEqual([10, 23, 2 - 8, 0, 0, 0]);
  });
  it('damped oscillator: (v, −ω²x − 2ζωv)', () => {
    const f = makeDynamics({ kind: 'dampedOscillator', omega: 2, zeta: 0.25 }).f(0, Float64Array.of(1, -3, 0, 1));
    expect(Array.from(f)).toEqual([-3, -4 + 3, 1, -1]);
  });
  it('θ is live: writing dyn.theta changes f immediately', () => {
    const dyn = makeDynamics({ kind: 'dampedOscillator', omega: 2, zeta: 0.25 });
    dyn.theta.set([1, 0]);
    expect(Array.from(dyn.f(0, Float64Array.of(1, -3)))).toEqual([-3, -1]);
  });
});
