// The numbers the stepper shows, checked against lib/adjoint directly and against the reference file
// tests/reference/seed-four-samples.json (float64 answers of an independent implementation).
import { describe, expect, it } from 'vitest';
import seed from '@/tests/reference/seed-four-samples.json';
import { computeGradient64 } from '@/lib/adjoint/gradient';
import type { ProblemData } from '@/lib/adjoint/gradientTypes';
import { lossGrad } from '@/lib/adjoint/loss';
import { odeint } from '@/lib/ode/odeint';
import { float64Backend } from '@/lib/ode/backendFloat64';
import { MaxStepsExceededError } from '@/lib/ode/errors';
import { makeDynamics } from '@/lib/adjoint/dynamics';
import { flattenBatch, flattenStates } from '@/lib/adjoint/problem';
import { parseEmbedQuery } from '@/components/embed/parseEmbedQuery';
import { problemFor } from '@/components/widgets/shared/presets';
import { gThetaAt, sAt, zBackAt, zFwdAt } from '@/components/widgets/shared/traceLookup';
import { obsFor } from '@/components/widgets/shared/useSensitivityState';
import {
  SENSITIVITY_HIDABLE,
  commandTau,
  discreteFor,
  keyTau,
  playStart,
  playTau,
  readoutAt,
  sensitivitySchema,
  traceFor,
  withExtraObservation,
} from './model';

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
const seedTrace = () => traceFor('seed', SEED_OBS);

function seedProblemData(): ProblemData {
  const p = problemFor('seed', SEED_OBS);
  const d = p.dynamics;
  if (d.kind !== 'mlp') throw new Error('seed is an MLP problem');
  return { dynamics: d, z0: p.z0, t: p.t, targets: p.targets, loss: p.loss, solver: { method: 'dopri5', rtol: 1e-7, atol: 1e-9 } };
}

describe('sensitivity trace on the seed reference problem', () => {
  it('s on the reference adjoint grid matches expected.adjoint.s to 1e-6 (array metric)', () => {
    const tr = seedTrace();
    const ref = seed.expected.adjoint;
    const got: number[] = [];
    const want: number[] = [];
    ref.t.forEach((tau, i) => {
      got.push(...sAt(tr, tau));
      want.push(...ref.s[i][0]);
    });
    expect(relErr(got, want)).toBeLessThan(1e-6);
  });

  it('s just after t_i (backward) minus s just before equals the jump ∂L/∂ẑ_i, which matches the reference ẑ', () => {
    const tr = seedTrace();
    const refJumps = lossGrad(flattenStates(seed.expected.zhat), flattenStates(seed.targets), 'sse');
    for (let k = 1; k <= 3; k++) {
      const left = sAt(tr, SEED_OBS[k]); // τ = t_k: the jump is in
      const right = k < 3 ? sAt(tr, SEED_OBS[k] + 1e-12) : new Float64Array(2); // τ → t_k⁺: not yet (0 after t_N)
      const r = readoutAt(tr, SEED_OBS[k]);
      expect(r.obsIndex).toBe(k);
      for (let d = 0; d < 2; d++) {
        expect(left[d] - right[d]).toBeCloseTo(r.jump![d], 6);
        expect(Math.abs(r.jump![d] - refJumps[k][d])).toBeLessThan(1e-6 * Math.max(1, Math.abs(refJumps[k][d])));
      }
    }
  });

  it('s(t_0) and the running dL/dθ at t_0 are the reference gradients', () => {
    const tr = seedTrace();
    expect(relErr(sAt(tr, 0), seed.expected.grad.z0[0])).toBeLessThan(1e-6);
    const refTheta = seed.expected.grad.params.layers.flatMap((l) => [...l.W.flat(), ...l.b]);
    expect(relErr(gThetaAt(tr, 0), refTheta)).toBeLessThan(1e-6);
  });

  it('numbers at an arbitrary τ agree with lib/adjoint called directly', () => {
    const tr = seedTrace();
    const data = seedProblemData();
    for (const tau of [0.5, 1 + 1 / 3, 2.2222222222222223, 2.71]) {
      const direct = computeGradient64(data, { mode: 'adjoint', precision: 'float64', adjointGrid: [tau] });
      const sDirect = direct.adjoint!.s[0][0];
      // Off the dense grid the trace blends two grid points: 1e-3 covers the blend (h ≈ 0.009).
      expect(relErr(readoutAt(tr, tau).s, sDirect)).toBeLessThan(1e-3);
    }
    // On the grid the blend is exact: same solver, same answer.
    const onGrid = tr.t[40];
    const direct = computeGradient64(data, { mode: 'adjoint', precision: 'float64', adjointGrid: [onGrid] });
    expect(relErr(readoutAt(tr, onGrid).s, direct.adjoint!.s[0][0])).toBeLessThan(1e-9);
  });

  it('forward z agrees with lib/ode; the backward z restarts from ẑ_k at each observation', () => {
    const tr = seedTrace();
    const p = problemFor('seed', SEED_OBS);
    const dyn = makeDynamics(p.dynamics);
    const tau = tr.t[100];
    const sol = odeint((t, z) => dyn.f(t, z), flattenBatch(p.z0), [0, tau], { rtol: 1e-7, atol: 1e-9 }, float64Backend);
    expect(relErr(zFwdAt(tr, tau), sol.ys[1])).toBeLessThan(1e-6);
    for (let k = 1; k <= 3; k++) expect(relErr(zBackAt(tr, k), seed.expected.zhat[k][0])).toBeLessThan(1e-6);
    const r = readoutAt(tr, 0.5);
    expect(r.gap).toBeLessThan(1e-4); // the reconstruction drifts, but only at the solver's tolerance
  });

  it('counts backward function evaluations from 0 at t_N to the total at t_0', () => {
    const tr = seedTrace();
    expect(readoutAt(tr, 3 + 1).nfe).toBe(tr.nfe[tr.t.length - 2]); // clamped to t_N (left limit)
    expect(tr.nfe[tr.t.length - 1]).toBe(0);
    expect(readoutAt(tr, 0).nfe).toBe(tr.stats.nfeBackward);
    for (let i = 1; i < tr.t.length; i++) expect(tr.nfe[i]).toBeLessThanOrEqual(tr.nfe[i - 1]);
  });
});

describe('the discrete view (backprop through Euler steps)', () => {
  it('converges to the continuous s as the steps grow (first order)', () => {
    const tr = seedTrace();
    const taus = [0, 0.5, 1.5, 2.5];
    const err = (steps: number): number => {
      const d = discreteFor('seed', SEED_OBS, steps);
      return Math.max(...taus.map((tau) => relErr(readoutAt(tr, tau, d).sDiscrete!, sAt(tr, tau))));
    };
    const e = [err(25), err(100), err(400)];
    expect(e[1]).toBeLessThan(e[0]);
    expect(e[2]).toBeLessThan(e[1]);
    expect(e[0] / e[1]).toBeGreaterThan(2.5); // ≈ 4 for a first-order method
    expect(e[2]).toBeLessThan(0.05);
  });

  it('with one step per interval it is exactly the product s(I + hJ) plus jumps', () => {
    const p = problemFor('linear', obsFor('linear', ''));
    const d = discreteFor('linear', p.t, 1);
    // Linear field: J = A, so s_{k-1} = s_k (I + hA) + jump_{k-1}; check the last interval by hand.
    if (p.dynamics.kind !== 'linear') throw new Error('linear');
    const A = p.dynamics.A;
    const N = p.t.length - 1;
    const h = p.t[N] - p.t[N - 1];
    const sN = readoutAt(traceFor('linear', p.t), p.t[N]).jump; // continuous jump uses dopri ẑ, so rebuild:
    expect(sN).not.toBeNull();
    const left = (i: number) => Array.from(d.s.subarray(i * d.n, i * d.n + 2));
    const M = d.t.length;
    const sAtN = left(M - 2); // left limit at t_N
    const sAtPrevRight = left(M - 3); // right limit at t_{N-1} (before its jump)
    const expected = [0, 1].map((j) => sAtN[j] + h * (sAtN[0] * A[0][j] + sAtN[1] * A[1][j]));
    expect(sAtPrevRight[0]).toBeCloseTo(expected[0], 12);
    expect(sAtPrevRight[1]).toBeCloseTo(expected[1], 12);
  });
});

describe('moving τ', () => {
  it('keys step by 1/200 of the span and stop exactly on an observation they would cross', () => {
    const tr = seedTrace();
    expect(keyTau(tr, 1.5, 'ArrowLeft')).toBeCloseTo(1.485, 12);
    expect(keyTau(tr, 2.01, 'ArrowLeft')).toBe(2);
    expect(keyTau(tr, 2, 'ArrowLeft')).toBeCloseTo(1.985, 12);
    expect(keyTau(tr, 1.99, 'ArrowRight')).toBe(2);
    expect(keyTau(tr, 1.5, 'PageDown')).toBe(1.35);
    expect(keyTau(tr, 1.5, 'Home')).toBe(0);
    expect(keyTau(tr, 1.5, 'End')).toBe(3);
    expect(keyTau(tr, 1.5, 'x')).toBeNull();
  });

  it('steps follow the backward solver and observations', () => {
    const tr = seedTrace();
    let tau = 3;
    const visited: number[] = [];
    for (let i = 0; i < 1000 && tau > 0; i++) {
      tau = commandTau(tr, tau, 'step-back');
      visited.push(tau);
    }
    expect(tau).toBe(0);
    expect(visited).toContain(2);
    expect(visited).toContain(1);
    expect(visited.length).toBe(tr.stepTimes.length - 1); // every accepted step start below t_N, then t_0
    expect(commandTau(tr, 2.5, 'obs-back')).toBe(2);
    expect(commandTau(tr, 2, 'obs-back')).toBe(1);
    expect(commandTau(tr, 2, 'obs-forward')).toBe(3);
  });

  it('playback runs the span in 8 s at speed 1 and restarts from t_N', () => {
    const tr = seedTrace();
    expect(playStart(tr, 0, 'backward')).toBe(3);
    expect(playTau(tr, 3, 'backward', 1, 4).tau).toBeCloseTo(1.5, 12);
    expect(playTau(tr, 0.1, 'backward', 1, 1)).toEqual({ tau: 0, done: true });
    expect(playTau(tr, 3, 'backward', 1, 0)).toEqual({ tau: 3, done: false }); // starting at t_N
    expect(playTau(tr, 0, 'forward', 1, 0)).toEqual({ tau: 0, done: false });
    expect(playTau(tr, 2.9, 'forward', 1, 1)).toEqual({ tau: 3, done: true });
  });

  it('adds an observation in the widest gap', () => {
    expect(withExtraObservation([0, 1, 3])).toEqual([0, 1, 2, 3]);
  });
});

describe('every preset', () => {
  it('traces at its own times and after an edit, with s(t_0) = dL/dz0 from lib/adjoint', () => {
    for (const id of ['spiral', 'linear', 'oscillator', 'seed'] as const) {
      const obs = obsFor(id, '');
      const edited = withExtraObservation(obs);
      for (const o of [obs, edited]) {
        const tr = traceFor(id, o);
        const p = problemFor(id, o);
        const direct = computeGradient64(p, { mode: 'adjoint', precision: 'float64' });
        expect(relErr(sAt(tr, o[0]), direct.grad.z0[0])).toBeLessThan(1e-9);
        expect(tr.loss).toBeCloseTo(direct.loss, 10);
      }
    }
  });
});

describe('failures and URL state', () => {
  it('a tiny step budget raises lib/ode MaxStepsExceededError (shown in the banner)', () => {
    expect(() => traceFor('seed', SEED_OBS, 10)).toThrow(MaxStepsExceededError);
  });

  it('the exact linear solution agrees with the solver', () => {
    const obs = obsFor('linear', '');
    const tr = traceFor('linear', obs);
    expect(tr.zExact).not.toBeNull();
    expect(relErr(tr.zFwd, tr.zExact!)).toBeLessThan(1e-6);
  });

  it('parses ?preset=linear&tau=1.5&obs=0,1,2,3&hide=speed', () => {
    const q = parseEmbedQuery('?preset=linear&tau=1.5&obs=0,1,2,3&hide=speed', sensitivitySchema, SENSITIVITY_HIDABLE);
    expect(q.problems).toEqual([]);
    expect(q.state.preset).toBe('linear');
    expect(q.state.tau).toBe(1.5);
    expect(obsFor(q.state.preset, q.state.obs)).toEqual([0, 1, 2, 3]);
    expect(q.hidden).toEqual(['speed']);
    const bad = parseEmbedQuery('?obs=0,0.01&preset=nope', sensitivitySchema, SENSITIVITY_HIDABLE);
    expect(bad.problems.length).toBe(1);
    expect(obsFor(bad.state.preset, bad.state.obs)).toEqual(obsFor('spiral', '')); // too close: defaults
  });
});
