import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tf } from '../tf';
import './float32';
import { computeGradient } from './gradient';
import { packParams } from './params';
import { parseProblem, type Problem } from './problem';
import type { GradientMode, GradientResult, Precision } from './gradientTypes';
import { MaxStepsExceededError, StepSizeUnderflowError } from '../ode/errors';
import { GradientTimeoutError } from './gradientCommon';

/**
 * Cases the reference files do not cover: decreasing time (self-consistency of the three modes, and
 * the forward states against the reference run backwards), a single time point, the seminorm option,
 * and the typed errors.
 */
function load(name: string): { problem: Problem; zhat: number[][][] } {
  const raw = JSON.parse(readFileSync(path.join(__dirname, '../../tests/reference', `${name}.json`), 'utf8'));
  return { problem: parseProblem(raw), zhat: raw.expected.zhat };
}

function vec(r: GradientResult, spec: Problem['dynamics']): number[] {
  return [...r.grad.z0.flat(), ...packParams(spec, r.grad.params), ...r.grad.t];
}

function rel(a: readonly number[], b: readonly number[]): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < b.length; i++) {
    num = Math.max(num, Math.abs(a[i] - b[i]));
    den = Math.max(den, Math.abs(b[i]));
  }
  return num / den;
}

/** The problem run backwards in time: start from its final reference state, visit the times in reverse. */
function reversed(name: string): { problem: Problem; zhatRef: number[][][] } {
  const { problem, zhat } = load(name);
  const N = problem.t.length - 1;
  return {
    problem: {
      ...problem,
      z0: zhat[N],
      t: problem.t.slice().reverse(),
      targets: problem.targets.slice().reverse(),
    },
    zhatRef: zhat.slice().reverse(),
  };
}

const TIGHT = { rtol: 1e-10, atol: 1e-12 } as const;

describe('decreasing t', () => {
  for (const name of ['seed-four-samples', 'time-dependent']) {
    it(`${name} reversed: zhat retraces the reference; adjoint = backprop ≤ 1e-7, fd ≤ 1e-5 (float64)`, () => {
      const { problem, zhatRef } = reversed(name);
      const res = Object.fromEntries(
        (['adjoint', 'backprop', 'fd'] as GradientMode[]).map((mode) => [mode, computeGradient(problem, { mode, precision: 'float64', ...TIGHT })]),
      ) as Record<GradientMode, GradientResult>;
      expect(rel(res.adjoint.zhat.flat(2), zhatRef.flat(2))).toBeLessThan(1e-7);
      const a = vec(res.adjoint, problem.dynamics);
      expect(rel(vec(res.backprop, problem.dynamics), a)).toBeLessThan(1e-7);
      expect(rel(vec(res.fd, problem.dynamics), a)).toBeLessThan(1e-5);
      expect(res.adjoint.loss).toBeCloseTo(res.fd.loss, 12);
    });
  }

  it('seed-four-samples reversed in float32: adjoint and backprop match float64 ≤ 1e-4, no tensors left', () => {
    const { problem } = reversed('seed-four-samples');
    const before = tf.memory().numTensors;
    const ref = vec(computeGradient(problem, { mode: 'adjoint', precision: 'float64', ...TIGHT }), problem.dynamics);
    for (const mode of ['adjoint', 'backprop'] as GradientMode[]) {
      expect(rel(vec(computeGradient(problem, { mode, precision: 'float32' }), problem.dynamics), ref)).toBeLessThan(1e-4);
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('a single time point', () => {
  const { problem } = load('time-dependent');
  const single: Problem = { ...problem, t: [0.3], targets: [problem.targets[0]] };
  for (const precision of ['float64', 'float32'] as Precision[]) {
    for (const mode of ['adjoint', 'backprop', 'fd'] as GradientMode[]) {
      it(`${mode} ${precision}: loss 0, every gradient 0, zhat = [z0]`, () => {
        const r = computeGradient(single, { mode, precision, adjointGrid: mode === 'adjoint' ? [] : undefined });
        expect(r.loss).toBe(0);
        expect(r.zhat).toHaveLength(1);
        expect(rel(r.zhat[0].flat(), problem.z0.flat())).toBeLessThan(precision === 'float64' ? 1e-15 : 1e-7);
        expect(vec(r, single.dynamics).every((v) => v === 0)).toBe(true);
        expect(r.grad.t).toEqual([0]);
      });
    }
  }
});

describe('fixed-step rk4 (no dense output)', () => {
  it('s(τ) on the grid by re-solving: float32 matches float64 ≤ 1e-4, adjoint = backprop ≤ 1e-6 (float64)', () => {
    const { problem } = load('seed-four-samples');
    const rk4: Problem = { ...problem, solver: { method: 'rk4', stepsPerInterval: 40 } };
    const grid = [0.5, 1.25, 2.9];
    const before = tf.memory().numTensors;
    const a64 = computeGradient(rk4, { mode: 'adjoint', precision: 'float64', adjointGrid: grid });
    const a32 = computeGradient(rk4, { mode: 'adjoint', precision: 'float32', adjointGrid: grid });
    const b64 = computeGradient(rk4, { mode: 'backprop', precision: 'float64' });
    expect(tf.memory().numTensors).toBe(before);
    expect(rel(a32.adjoint!.s.flat(2), a64.adjoint!.s.flat(2))).toBeLessThan(1e-4);
    // With 40 rk4 steps per interval the continuous adjoint and the discrete gradient agree closely.
    expect(rel(vec(b64, rk4.dynamics), vec(a64, rk4.dynamics))).toBeLessThan(1e-6);
  });
});

describe('seminorm', () => {
  it('deep-long: same gradient (≤ 1e-6 at tight tolerances), fewer backward evaluations', () => {
    const { problem } = load('deep-long');
    const full = computeGradient(problem, { mode: 'adjoint', precision: 'float64', ...TIGHT });
    const semi = computeGradient(problem, { mode: 'adjoint', precision: 'float64', ...TIGHT, seminorm: true });
    expect(rel(vec(semi, problem.dynamics), vec(full, problem.dynamics))).toBeLessThan(1e-6);
    expect(semi.stats.nfeBackward).toBeLessThan(full.stats.nfeBackward);
    expect(semi.stats.nfeForward).toBe(full.stats.nfeForward);
  });
});

describe('errors', () => {
  const { problem } = load('seed-four-samples');
  it('too many steps → MaxStepsExceededError (both precisions, every mode)', () => {
    const long: Problem = { ...problem, t: [0, 1e7], targets: problem.targets.slice(0, 2) };
    const before = tf.memory().numTensors;
    for (const precision of ['float64', 'float32'] as Precision[]) {
      for (const mode of ['adjoint', 'backprop', 'fd'] as GradientMode[]) {
        expect(() => computeGradient(long, { mode, precision, maxSteps: 200 })).toThrow(MaxStepsExceededError);
      }
    }
    // Failed float32 runs leave no tensors (nor gradient-tape records) behind.
    expect(tf.memory().numTensors).toBe(before);
  });

  it('a field that blows up → StepSizeUnderflowError', () => {
    const lin: Problem = {
      ...problem,
      dynamics: { kind: 'spiral', A: [[1, 0], [0, 1]] },
      z0: [[2, 1]],
      t: [0, 10],
      targets: problem.targets.slice(0, 2),
    };
    expect(() => computeGradient(lin, { mode: 'adjoint', precision: 'float64' })).toThrow(StepSizeUnderflowError);
  });

  it('timeoutMs stops a long computation with GradientTimeoutError', () => {
    const { problem: big } = load('deep-long');
    expect(() => computeGradient(big, { mode: 'fd', precision: 'float64', ...TIGHT, timeoutMs: 50 })).toThrow(GradientTimeoutError);
  });
});
