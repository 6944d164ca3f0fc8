import { describe, expect, it } from 'vitest';
import { expm, expm2, expmApply } from './expm';
import { exactStates, linearSystemMatrix } from './exact';
import { linear2d } from './presets';
import { relErr } from './dynamics/testCases';

describe('expm2 (closed form)', () => {
  it('rotation: e^{[[0, θ], [−θ, 0]]} = [[cos θ, sin θ], [−sin θ, cos θ]]', () => {
    const E = expm2([[0, 0.7], [-0.7, 0]]);
    expect(relErr(E.flat(), [Math.cos(0.7), Math.sin(0.7), -Math.sin(0.7), Math.cos(0.7)])).toBeLessThan(1e-15);
  });
  it('diagonal, real distinct eigenvalues and a Jordan block', () => {
    expect(relErr(expm2([[1, 0], [0, -2]]).flat(), [Math.E, 0, 0, Math.exp(-2)])).toBeLessThan(1e-15);
    // [[a, 1], [0, a]] → e^a [[1, 1], [0, 1]]
    expect(relErr(expm2([[0.3, 1], [0, 0.3]]).flat(), [1, 1, 0, 1].map((v) => v * Math.exp(0.3)))).toBeLessThan(1e-15);
    // [[1, 2], [2, 1]] has eigenvalues 3, −1 with eigenvectors (1, 1), (1, −1).
    const a = (Math.exp(3) + Math.exp(-1)) / 2;
    const b = (Math.exp(3) - Math.exp(-1)) / 2;
    expect(relErr(expm2([[1, 2], [2, 1]]).flat(), [a, b, b, a])).toBeLessThan(1e-14);
  });
  it('agrees with the general Taylor/squaring expm on 2×2 matrices (via 3×3 block embedding)', () => {
    const M = [[-0.3, 2.5], [-1.7, 0.4]];
    const big = expm([[...M[0], 0], [...M[1], 0], [0, 0, 0.5]]);
    expect(relErr([big[0][0], big[0][1], big[1][0], big[1][1]], expm2(M).flat())).toBeLessThan(1e-13);
    expect(big[2][2]).toBeCloseTo(Math.exp(0.5), 14);
  });
});

describe('exact solutions', () => {
  it('linear-2d: expm reproduces the reference’s exact zhat to 1e-12', () => {
    const p = linear2d();
    const states = exactStates(p.dynamics, p.z0, p.t[0], p.t)!;
    expect(relErr(states.flat(2), p.expected!.zhat.flat(2))).toBeLessThan(1e-12);
    const A = linearSystemMatrix(p.dynamics)!;
    expect(relErr(expmApply(A, p.t[3] - p.t[0], p.z0[0]), p.expected!.zhat[3][0])).toBeLessThan(1e-12);
  });
  it('is null for nonlinear fields', () => {
    expect(exactStates({ kind: 'lorenz', sigma: 1, rho: 1, beta: 1 }, [[1, 1, 1]], 0, [1])).toBeNull();
  });
});
