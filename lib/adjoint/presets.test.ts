import { describe, expect, it } from 'vitest';
import { PRESET_IDS, presetProblem, seedFourSamples, spiralMlp, dampedOscillator, trueSpiralStates, DAMPED_TRUE } from './presets';
import { parseProblem, flattenStates, problemDims } from './problem';
import { makeDynamics } from './dynamics';
import { exactStates } from './exact';
import { lossValue } from './loss';
import { relErr } from './dynamics/testCases';

describe('presets', () => {
  it.each(PRESET_IDS)('%s is a valid problem, identical on every call, and a fresh copy', (id) => {
    const a = presetProblem(id);
    const b = presetProblem(id);
    expect(parseProblem(JSON.parse(JSON.stringify(a)))).toEqual(a);
    expect(b).toEqual(a);
    a.z0[0][0] = 123;
    expect(presetProblem(id).z0[0][0]).not.toBe(123);
  });

  it('the true spiral reproduces the seed problem’s targets (they were sampled from it) to 1e-9', () => {
    const seed = seedFourSamples();
    const states = trueSpiralStates(seed.z0, seed.t);
    expect(relErr(states.slice(1).flat(2), seed.targets.slice(1).flat(2))).toBeLessThan(1e-9);
  });

  it('spiralMlp: z0 = (2, 0), t = 0..4, targets of the true spiral (= the seed’s at t = 1, 2, 3), a gentle start', () => {
    const p = spiralMlp();
    const seed = seedFourSamples();
    expect(problemDims(p)).toEqual({ N: 4, batch: 1, D: 2 });
    expect(relErr(p.targets.slice(1, 4).flat(2), seed.targets.slice(1).flat(2))).toBeLessThan(1e-9);
    const dyn = makeDynamics(p.dynamics);
    expect(dyn.P).toBe(2 * 16 + 16 + 16 * 2 + 2);
    const f0 = dyn.f(0, Float64Array.from(p.z0[0]));
    // Small seeded weights: the untrained field at z0 is O(0.1–1), not a blow-up.
    expect(Math.hypot(f0[0], f0[1])).toBeGreaterThan(0.01);
    expect(Math.hypot(f0[0], f0[1])).toBeLessThan(2);
  });

  it('dampedOscillator: targets are the exact ω = 2, ζ = 0.1 motion; the model (ω = 1.6, ζ = 0.25) has a positive loss', () => {
    const p = dampedOscillator();
    const exact = exactStates({ kind: 'dampedOscillator', ...DAMPED_TRUE }, p.z0, 0, p.t)!;
    expect(p.targets).toEqual(exact);
    // x(t) = e^{−ζωt}(cos ω_d t + ζω/ω_d sin ω_d t) from rest at x = 1.
    const wd = 2 * Math.sqrt(1 - 0.01);
    const x = (t: number) => Math.exp(-0.2 * t) * (Math.cos(wd * t) + (0.2 / wd) * Math.sin(wd * t));
    expect(p.targets[2][0][0]).toBeCloseTo(x(3), 13);
    const model = exactStates(p.dynamics, p.z0, 0, p.t)!;
    expect(lossValue(flattenStates(model), flattenStates(p.targets), 'sse')).toBeGreaterThan(0.1);
  });
});
