import { describe, expect, it } from 'vitest';
import { odeint } from './odeint';
import { float64Backend } from './backendFloat64';
import { InvalidInputError, MaxStepsExceededError, OdeError, StepSizeUnderflowError } from './errors';
import type { OdeOptions } from './types';
import { flat, linearField, loadLinear2d } from './testFixtures';

const ref = loadLinear2d();
const f = linearField(ref.A);
const z0 = flat(ref.z0);

/** Runs fn, expects it to throw, returns the error. */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

const square = (_t: number, z: Float64Array) => z.map((v) => v * v);

describe('errors (float64)', () => {
  it('NaN in z0 → InvalidInputError naming the time', () => {
    const e = thrown(() => odeint(f, Float64Array.from([NaN, 0]), [0, 1], {}, float64Backend));
    expect(e).toBeInstanceOf(InvalidInputError);
    expect(e).toBeInstanceOf(OdeError);
    expect((e as InvalidInputError).time).toBe(0);
    expect((e as Error).message).toMatch(/z0 contains NaN or Inf \(at t = 0\)/);
  });

  it('t: empty, NaN, non-monotonic, repeated → InvalidInputError', () => {
    expect(() => odeint(f, z0, [], {}, float64Backend)).toThrow(InvalidInputError);
    expect(() => odeint(f, z0, [0, NaN], {}, float64Backend)).toThrow(/t\[1\] = NaN is not a finite number/);
    const nm = thrown(() => odeint(f, z0, [0, 1, 0.5], {}, float64Backend)) as InvalidInputError;
    expect(nm).toBeInstanceOf(InvalidInputError);
    expect(nm.time).toBe(0.5);
    expect(nm.message).toMatch(/not monotonic at t\[2\] = 0.5/);
    const rep = thrown(() => odeint(f, z0, [0, 1, 1], {}, float64Backend)) as InvalidInputError;
    expect(rep).toBeInstanceOf(InvalidInputError);
    expect(rep.message).toMatch(/repeated time t\[1\] = t\[2\] = 1/);
  });

  it('shape mismatch between f(t, z) and z0 → InvalidInputError at t0', () => {
    const bad = () => new Float64Array(3);
    const e = thrown(() => odeint(bad, z0, [0.25, 1], {}, float64Backend)) as InvalidInputError;
    expect(e).toBeInstanceOf(InvalidInputError);
    expect(e.time).toBe(0.25);
    expect(e.message).toMatch(/returned shape float64\[3\] but z0 has shape float64\[2\] \(at t = 0.25\)/);
    // Also for fixed-step methods (k1 is the first evaluation there).
    expect(() => odeint(bad, z0, [0, 1], { method: 'rk4', stepSize: 0.1 }, float64Backend)).toThrow(InvalidInputError);
  });

  it('bad options → InvalidInputError with the option named', () => {
    const cases: [OdeOptions, RegExp][] = [
      [{ method: 'rk4', stepSize: 0.1, stepsPerInterval: 3 }, /either stepSize or stepsPerInterval/],
      [{ method: 'rk4' }, /give stepSize or stepsPerInterval/],
      [{ rtol: 0 }, /rtol must be a finite number > 0/],
      [{ atol: -1e-9 }, /atol must be a finite number > 0/],
      [{ stepsPerInterval: 2.5, method: 'euler' }, /stepsPerInterval must be a positive integer/],
      [{ maxSteps: 0 }, /maxSteps must be a positive integer/],
      [{ rTol: 1e-3 } as unknown as OdeOptions, /Unknown option "rTol"/],
      [{ method: 'rk45' } as unknown as OdeOptions, /Unknown method "rk45"/],
      [{ normChannels: 3 }, /normChannels = 3 exceeds the state length 2/],
    ];
    for (const [opts, msg] of cases) {
      const e = thrown(() => odeint(f, z0, [0, 1], opts, float64Backend));
      expect(e).toBeInstanceOf(InvalidInputError);
      expect((e as Error).message).toMatch(msg);
    }
  });

  it("blow-up dz/dt = z² from z = 1 over [0, 2] → StepSizeUnderflowError('too-small') near t = 1", () => {
    // Documented behaviour: as t → 1 the controller keeps |y| accurate by shrinking h geometrically;
    // h drops under minStep (~2e-14 here) while y (~1e8…1e13) is still finite, so the reason is 'too-small'.
    const e = thrown(() => odeint(square, Float64Array.from([1]), [0, 2], {}, float64Backend)) as StepSizeUnderflowError;
    expect(e).toBeInstanceOf(StepSizeUnderflowError);
    expect(e.reason).toBe('too-small');
    expect(Math.abs(e.time! - 1)).toBeLessThan(1e-3);
    expect(e.message).toMatch(/smaller than minStep at t = 1\.0|smaller than minStep at t = 0\.9/);
  });

  it("a field that returns NaN → StepSizeUnderflowError('non-finite') where it starts (adaptive and fixed)", () => {
    const nanAfterHalf = (t: number, z: Float64Array) => (t > 0.5 ? z.map(() => NaN) : z.slice());
    const e = thrown(() => odeint(nanAfterHalf, Float64Array.from([1]), [0, 2], {}, float64Backend)) as StepSizeUnderflowError;
    expect(e).toBeInstanceOf(StepSizeUnderflowError);
    expect(e.reason).toBe('non-finite');
    expect(Math.abs(e.time! - 0.5)).toBeLessThan(1e-9);
    expect(e.message).toMatch(/became NaN\/Inf at t = 0\.49999/);
    const fx = thrown(() =>
      odeint(nanAfterHalf, Float64Array.from([1]), [0, 2], { method: 'rk4', stepSize: 0.25 }, float64Backend),
    ) as StepSizeUnderflowError;
    expect(fx.reason).toBe('non-finite');
    expect(fx.time).toBe(0.5);
    // NaN already at t0.
    const at0 = thrown(() => odeint(() => Float64Array.from([NaN]), Float64Array.from([1]), [0, 1], {}, float64Backend));
    expect((at0 as StepSizeUnderflowError).reason).toBe('non-finite');
    expect((at0 as StepSizeUnderflowError).time).toBe(0);
  });

  it('fixed-step blow-up (Euler on z² overflows to Inf) → non-finite at the start of the failing step', () => {
    // y ← y + 0.5·y²: 1, 1.5, 2.6, 6.1, 24.5, 325, 5.3e4, 1.4e9, 1e18, 5e35, 1e71, 8e141, 3e283, Inf.
    const e = thrown(() =>
      odeint(square, Float64Array.from([1]), [0, 10], { method: 'euler', stepSize: 0.5 }, float64Backend),
    ) as StepSizeUnderflowError;
    expect(e).toBeInstanceOf(StepSizeUnderflowError);
    expect(e.reason).toBe('non-finite');
    expect(e.time).toBe(6);
    expect(e.message).toMatch(/at t = 6 /);
  });

  it('maxSteps too small → MaxStepsExceededError with the time reached', () => {
    const e = thrown(() => odeint(f, z0, ref.t, { maxSteps: 5, rtol: 1e-10 }, float64Backend)) as MaxStepsExceededError;
    expect(e).toBeInstanceOf(MaxStepsExceededError);
    expect(e.maxSteps).toBe(5);
    expect(e.time!).toBeGreaterThan(0);
    expect(e.time!).toBeLessThan(2);
    expect(e.message).toMatch(/Reached maxSteps = 5 at t = .*Try increasing maxSteps/);
  });

  it('a tiny fixed step raises MaxStepsExceeded at once instead of looping', () => {
    const t0 = performance.now();
    const e = thrown(() => odeint(f, z0, [0, 1], { method: 'rk4', stepSize: 1e-300 }, float64Backend));
    const e2 = thrown(() => odeint(f, z0, [0, 1, 2], { method: 'euler', stepSize: 1e-5 }, float64Backend)) as MaxStepsExceededError;
    expect(performance.now() - t0).toBeLessThan(50);
    expect(e).toBeInstanceOf(MaxStepsExceededError);
    expect(e2.time).toBeCloseTo(0.1, 10); // 10 000 steps of 1e-5
  });

  it("errors thrown by f itself propagate unchanged", () => {
    const boom = () => {
      throw new RangeError('boom');
    };
    expect(() => odeint(boom, z0, [0, 1], {}, float64Backend)).toThrow(RangeError);
  });
});
