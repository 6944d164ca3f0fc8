import { describe, expect, it } from 'vitest';
import { seedFourSamples } from '../presets';
import { makeDynamics } from './index';
import { mlpDynamics, sigmoid, softplus } from './mlp';

describe('mlp f on the seed problem', () => {
  it('f(z0 = (2, 0)) equals the value computed by hand (numpy-free Python loops over the JSON) to 1e-15', () => {
    const p = seedFourSamples();
    const f = makeDynamics(p.dynamics).f(0, Float64Array.from(p.z0[0]));
    // tanh(x·W1 + b1)·W2 + b2 with x = (2, 0), computed independently in Python (float64).
    expect(f[0]).toBeCloseTo(0.3364116641938063, 15);
    expect(f[1]).toBeCloseTo(0.3926107868776593, 15);
  });
});

describe('mlp conventions', () => {
  it('W is [in][out], the time column comes LAST, cubeInput cubes z (not t)', () => {
    // One linear layer with 3 inputs (z1, z2, t) and 2 outputs: f = [z³?, t]·W + b.
    const W = [[1, 10], [100, 1000], [0.5, -0.25]];
    const spec = { kind: 'mlp' as const, activation: 'tanh' as const, timeInput: true, cubeInput: true, layers: [{ W, b: [0.125, 0.0625] }] };
    const f = mlpDynamics(spec).f(4, Float64Array.of(2, -1));
    // x = (8, −1, 4)
    expect(Array.from(f)).toEqual([8 * 1 - 100 + 4 * 0.5 + 0.125, 8 * 10 - 1000 - 4 * 0.25 + 0.0625]);
  });
  it('softplus and its derivative are stable far out', () => {
    expect(softplus(800)).toBe(800);
    expect(softplus(-800)).toBe(0);
    expect(softplus(0)).toBeCloseTo(Math.LN2, 15);
    expect(softplus(-40)).toBeCloseTo(Math.exp(-40), 30);
    expect(sigmoid(-800)).toBe(0);
    expect(sigmoid(800)).toBe(1);
  });
});
