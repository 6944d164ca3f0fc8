import { describe, expect, it } from 'vitest';
import seed from '@/tests/reference/seed-four-samples.json';
import {
  LEARNING_RATE,
  OBS_TIMES,
  Z0_DEFAULT,
  Z0_LIMIT,
  adjointGradient,
  computeFigure,
  gradientStep,
  initialState,
  lossAt,
  moveZ0,
  predictions,
  redraw,
  setZ0,
  trainSteps,
  trueSamples,
  weightsForSeed,
  type Vec2,
} from './model';
import { computeGradient64 } from '@/lib/adjoint/gradient';
import { packParams } from '@/lib/adjoint/params';
import { seedNetwork } from './problemSource';

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);
const maxAbsDiff = (a: readonly Vec2[], b: readonly (readonly number[])[]): number =>
  Math.max(...a.map((v, i) => Math.max(Math.abs(v[0] - b[i][0]), Math.abs(v[1] - b[i][1]))));

describe('Samples model: the reference problem', () => {
  const fig = computeFigure(initialState());

  it('starts from the seed problem (z0 = (2, 0), t = 0..3, the reference network)', () => {
    expect(Z0_DEFAULT).toEqual([2, 0]);
    expect(OBS_TIMES).toEqual(seed.t);
    expect(Array.from(initialState().theta)).toEqual(Array.from(packParams(seedNetwork())));
  });

  it('initial loss equals expected.loss (float64, ≤ 1e-6 relative)', () => {
    expect(rel(fig.loss, seed.expected.loss)).toBeLessThan(1e-6);
    // The squared errors drawn as segments add up to the loss shown.
    expect(fig.sqErr[0]).toBe(0);
    expect(fig.sqErr.reduce((a, b) => a + b, 0)).toBeCloseTo(fig.loss, 12);
  });

  it('predictions equal expected.zhat (≤ 1e-7 absolute; values are O(1))', () => {
    expect(maxAbsDiff(fig.zhat, seed.expected.zhat.map((s) => s[0]))).toBeLessThan(1e-7);
  });

  it('the true cubic spiral from z0 = (2, 0) reproduces the file’s samples (≤ 1e-7)', () => {
    // The honest "true trajectory": the reference file's description names this system.
    expect(maxAbsDiff(fig.samples.slice(1), seed.targets.slice(1).map((s) => s[0]))).toBeLessThan(1e-7);
  });

  it('the drawn curves pass through the samples and predictions at t1..t3', () => {
    const n = fig.truth.t.length;
    for (const [i, t] of OBS_TIMES.entries()) {
      const k = Math.round((t / OBS_TIMES[3]) * (n - 1));
      expect(fig.truth.t[k]).toBeCloseTo(t, 12);
      expect(fig.truth.x[k]).toBeCloseTo(fig.samples[i][0], 7);
      expect(fig.truth.y[k]).toBeCloseTo(fig.samples[i][1], 7);
      expect(fig.pred.x[k]).toBeCloseTo(fig.zhat[i][0], 7);
      expect(fig.pred.y[k]).toBeCloseTo(fig.zhat[i][1], 7);
    }
  });

  it('the adjoint gradient is the reference file’s dL/dθ (≤ 1e-6 relative, array metric)', () => {
    const s = initialState();
    const { loss, grad } = adjointGradient(s.theta, s.z0, fig.samples);
    const expected = packParams(seedNetwork(), seed.expected.grad.params);
    let err = 0;
    let scale = 0;
    for (let i = 0; i < expected.length; i++) {
      err = Math.max(err, Math.abs(grad[i] - expected[i]));
      scale = Math.max(scale, Math.abs(expected[i]));
    }
    expect(err / scale).toBeLessThan(1e-6);
    expect(rel(loss, seed.expected.loss)).toBeLessThan(1e-6);
  });
});

describe('Samples model: gradient steps', () => {
  it('a gradient step lowers the loss, at the full learning rate on the default problem', () => {
    const s = initialState();
    const r = gradientStep(s);
    expect(r.moved).toBe(true);
    expect(r.halvings).toBe(0);
    expect(r.stepSize).toBe(LEARNING_RATE);
    expect(r.lossAfter).toBeLessThan(r.lossBefore);
    // "Visibly": from 26.28 to under 10 in one step.
    expect(r.lossAfter).toBeLessThan(10);
    expect(r.state.steps).toBe(1);
    // The loss the step reports is the loss the figure then shows.
    expect(computeFigure(r.state).loss).toBe(r.lossAfter);
    // The input state is not mutated.
    expect(Array.from(s.theta)).toEqual(Array.from(initialState().theta));
  });

  it('the step is θ − η·dL/dθ with the adjoint gradient', () => {
    const s = initialState();
    const r = gradientStep(s);
    const { grad } = adjointGradient(s.theta, s.z0, trueSamples(s.z0).samples);
    for (let i = 0; i < grad.length; i++) expect(r.state.theta[i]).toBeCloseTo(s.theta[i] - r.stepSize * grad[i], 14);
  });

  it('50 steps never raise the loss (backtracking), and end well below the start', () => {
    const { losses, state } = trainSteps(initialState(), 50);
    expect(losses.length).toBe(51);
    for (let k = 1; k < losses.length; k++) expect(losses[k]).toBeLessThan(losses[k - 1]);
    expect(losses[50]).toBeLessThan(6);
    expect(state.steps).toBe(50);
  });

  it('backtracking halves the step when the full step would raise the loss', () => {
    // A state already trained for a while, then a deliberately huge z0 change makes the full step
    // overshoot somewhere; we only require the invariant: the loss never rises, and η = LR/2^h.
    let s = setZ0(initialState(), [-2.5, 2.5]);
    for (let k = 0; k < 5; k++) {
      const r = gradientStep(s);
      expect(r.lossAfter).toBeLessThanOrEqual(r.lossBefore);
      if (r.moved) expect(r.stepSize).toBe(LEARNING_RATE / 2 ** r.halvings);
      s = r.state;
    }
  });
});

describe('Samples model: seeds and z0', () => {
  it('seeded redraw is deterministic, and seed 0 is the reference network', () => {
    const a = redraw(initialState(), 3);
    const b = redraw(initialState({ z0: [1, 1] }), 3);
    expect(Array.from(a.theta)).toEqual(Array.from(b.theta));
    expect(a.seed).toBe(3);
    expect(a.steps).toBe(0);
    expect(Array.from(weightsForSeed(4))).not.toEqual(Array.from(weightsForSeed(3)));
    expect(Array.from(redraw(a, 0).theta)).toEqual(Array.from(packParams(seedNetwork())));
    expect(computeFigure(a).loss).toBe(computeFigure(redraw(initialState(), 3)).loss);
    // Same scale as the reference: first-layer W std ≈ 1/√2 (a loose check on 32 draws).
    const w = Array.from(weightsForSeed(7).slice(0, 32));
    const std = Math.sqrt(w.reduce((s, v) => s + v * v, 0) / w.length);
    expect(std).toBeGreaterThan(0.4);
    expect(std).toBeLessThan(1.1);
  });

  it('redraw resets the step counter and wraps the seed into range', () => {
    const trained = gradientStep(initialState()).state;
    expect(redraw(trained, 1).steps).toBe(0);
    expect(redraw(trained, 10000).seed).toBe(0);
    expect(redraw(trained, -1).seed).toBe(9999);
  });

  it('dragging z0 moves the samples consistently: they are the true system started at the new z0', () => {
    const s = moveZ0(initialState(), -0.25, 0.05);
    expect(s.z0).toEqual([1.75, 0.05]);
    const f = computeFigure(s);
    expect(f.samples[0]).toEqual([1.75, 0.05]);
    expect(f.zhat[0]).toEqual([1.75, 0.05]);
    // Semigroup property of the true flow: solving from z1 over [0, 2] lands on z3 (autonomous system).
    const fromZ1 = trueSamples(f.samples[1]).samples;
    expect(fromZ1[2][0]).toBeCloseTo(f.samples[3][0], 7);
    expect(fromZ1[2][1]).toBeCloseTo(f.samples[3][1], 7);
    // The loss is recomputed from the new samples and predictions.
    expect(f.loss).toBeCloseTo(lossAt(s.theta, s.z0, f.samples), 12);
    expect(f.zhat).toEqual(predictions(s.theta, s.z0));
    expect(Math.abs(f.loss - seed.expected.loss)).toBeGreaterThan(1e-3);
  });

  it('z0 is clamped to the square and rounded, so keyboard steps do not drift', () => {
    let s = initialState();
    for (let k = 0; k < 20; k++) s = moveZ0(s, 0.05, 0);
    expect(s.z0).toEqual([Z0_LIMIT, 0]);
    for (let k = 0; k < 3; k++) s = moveZ0(s, -0.1, 0);
    expect(s.z0).toEqual([2.2, 0]);
    expect(setZ0(s, [Number.NaN, 9]).z0).toEqual([0, Z0_LIMIT]);
    // Unchanged z0 returns the same object (React can skip the recompute).
    expect(setZ0(s, [2.2, 0])).toBe(s);
  });

  it('agrees with lib/adjoint’s forward loss on a moved z0 (the file’s problem with new targets)', () => {
    const s = setZ0(initialState(), [1, -1.5]);
    const f = computeFigure(s);
    const r = computeGradient64(
      {
        dynamics: seedNetwork(),
        z0: [[1, -1.5]],
        t: OBS_TIMES.slice(),
        targets: f.samples.map((v) => [[v[0], v[1]]]),
        loss: 'sse',
        solver: { method: 'dopri5', rtol: 1e-12, atol: 1e-12 },
      },
      { mode: 'adjoint', precision: 'float64' },
    );
    expect(rel(f.loss, r.loss)).toBeLessThan(1e-7);
  });
});
