import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tf } from '../tf';
import './float32';
import { computeGradient } from './gradient';
import { adjointTrajectory } from './adjointTrajectory';
import { packParams } from './params';
import { parseProblem, type Problem } from './problem';
import type { GradientMode, GradientResult } from './gradientTypes';

/**
 * Every problem of tests/reference/ in every mode, against the float64 reference answers
 * (array metric of tests/reference/README.md: max|x − ref| / max|ref| per array):
 * - float64 at rtol 1e-10, atol 1e-12: ≤ 1e-6 (fd: per-coordinate metric ≤ 1e-5);
 * - float32 (tfjs) at the file's solver settings: ≤ 1e-4 (fd: ≤ 2e-2), tensors back to baseline.
 * fd is run on every coordinate of the small problems and on a fixed sample of the larger ones.
 */
const NAMES = ['linear-2d', 'seed-four-samples', 'spiral-batch', 'time-dependent', 'deep-long'] as const;
type Name = (typeof NAMES)[number];

interface Loaded {
  problem: Problem;
  raw: {
    expected: {
      zhat: number[][][];
      loss: number;
      grad: { z0: number[][]; t: number[]; params: unknown };
      adjoint: { t: number[]; s: number[][][] };
    };
  };
}

function load(name: Name): Loaded {
  const text = readFileSync(path.join(__dirname, '../../tests/reference', `${name}.json`), 'utf8');
  const raw = JSON.parse(text) as Loaded['raw'];
  return { problem: parseProblem(JSON.parse(text)), raw };
}
const REF: Record<Name, Loaded> = Object.fromEntries(NAMES.map((n) => [n, load(n)])) as Record<Name, Loaded>;

function flat(x: unknown): number[] {
  if (typeof x === 'number') return [x];
  if (ArrayBuffer.isView(x)) return Array.from(x as Float64Array);
  if (Array.isArray(x)) return x.flatMap(flat);
  if (x && typeof x === 'object') return Object.values(x).flatMap(flat);
  return [NaN];
}

/** max|x − ref| / max|ref| */
function rel(x: unknown, ref: unknown): number {
  const a = flat(x);
  const b = flat(ref);
  expect(a.length).toBe(b.length);
  let num = 0;
  let den = 0;
  for (let i = 0; i < b.length; i++) {
    num = Math.max(num, Math.abs(a[i] - b[i]));
    den = Math.max(den, Math.abs(b[i]));
  }
  return den === 0 ? num : num / den;
}

/** The README's finite-difference metric, over the coordinates that were differenced (non-NaN). */
function fdRel(x: ArrayLike<number>, ref: ArrayLike<number>): number {
  let scale = 0;
  for (let i = 0; i < ref.length; i++) scale = Math.max(scale, Math.abs(ref[i]));
  let worst = 0;
  for (let i = 0; i < ref.length; i++) {
    if (Number.isNaN(x[i])) continue;
    worst = Math.max(worst, Math.abs(x[i] - ref[i]) / Math.max(Math.abs(ref[i]), 0.01 * scale));
  }
  return worst;
}

function refTheta(name: Name): Float64Array {
  const { problem, raw } = REF[name];
  return packParams(problem.dynamics, raw.expected.grad.params as Parameters<typeof packParams>[1]);
}

function checkAll(name: Name, r: GradientResult, tol: number): void {
  const e = REF[name].raw.expected;
  const errs = {
    zhat: rel(r.zhat, e.zhat),
    loss: rel(r.loss, e.loss),
    z0: rel(r.grad.z0, e.grad.z0),
    params: rel(packParams(REF[name].problem.dynamics, r.grad.params), refTheta(name)),
    t: rel(r.grad.t, e.grad.t),
  };
  for (const [k, v] of Object.entries(errs)) expect(v, `${name} ${k}`).toBeLessThanOrEqual(tol);
  // Each parameter array separately, too (a small array can hide under a large one's scale).
  const p = r.grad.params as { layers?: { W: number[][]; b: number[] }[]; A?: number[][] };
  const q = e.grad.params as typeof p;
  if (p.layers && q.layers) {
    p.layers.forEach((l, i) => {
      expect(rel(l.W, q.layers![i].W), `${name} W${i + 1}`).toBeLessThanOrEqual(tol);
      expect(rel(l.b, q.layers![i].b), `${name} b${i + 1}`).toBeLessThanOrEqual(tol);
    });
  }
}

const TIGHT = { rtol: 1e-10, atol: 1e-12 } as const;

describe('float64, rtol 1e-10 / atol 1e-12: every reference problem ≤ 1e-6', () => {
  for (const name of NAMES) {
    for (const mode of ['adjoint', 'backprop'] as GradientMode[]) {
      it(`${name} ${mode}`, () => {
        const grid = REF[name].raw.expected.adjoint.t;
        const r = computeGradient(REF[name].problem, { mode, precision: 'float64', ...TIGHT, adjointGrid: mode === 'adjoint' ? grid : undefined });
        checkAll(name, r, 1e-6);
        if (mode === 'adjoint') expect(rel(r.adjoint!.s, REF[name].raw.expected.adjoint.s)).toBeLessThanOrEqual(1e-6);
        expect(r.stats.nfeForward).toBeGreaterThan(0);
        expect(r.stats.nfeBackward).toBeGreaterThan(0);
      });
    }
  }

  it.each(NAMES)('%s adjointTrajectory: s on the grid ≤ 1e-6, jumps = ∂L/∂ẑ_k, forward/backward z agree', (name) => {
    const { problem, raw } = REF[name];
    const tr = adjointTrajectory(problem, raw.expected.adjoint.t, TIGHT);
    expect(rel(tr.s, raw.expected.adjoint.s)).toBeLessThanOrEqual(1e-6);
    expect(rel(tr.gradZ0, raw.expected.grad.z0)).toBeLessThanOrEqual(1e-6);
    expect(rel(tr.gradTheta, refTheta(name))).toBeLessThanOrEqual(1e-6);
    // The backward reconstruction of z stays on the forward trajectory (to the solver's accuracy).
    expect(rel(tr.zBackward, tr.zForward)).toBeLessThan(1e-7);
    const N = problem.t.length - 1;
    expect(tr.observations).toHaveLength(N + 1);
    for (const o of tr.observations) {
      for (let j = 0; j < o.jump.length; j++) expect(o.sBefore[j] - o.sAfter[j]).toBeCloseTo(o.jump[j], 12);
    }
    expect(Array.from(tr.observations[N].sAfter).every((v) => v === 0)).toBe(true);
    expect(rel(tr.observations[0].sBefore, raw.expected.grad.z0)).toBeLessThanOrEqual(1e-6);
    // Step times run from t_k to t_{k-1}, monotonically; cumulative nfe adds up to the total.
    for (let k = 1; k <= N; k++) {
      const iv = tr.intervals[k];
      const dir = Math.sign(iv.to - iv.from);
      expect(iv.stepTimes[0]).toBe(iv.from);
      expect(iv.stepTimes[iv.stepTimes.length - 1]).toBe(iv.to);
      for (let i = 1; i < iv.stepTimes.length; i++) expect(dir * (iv.stepTimes[i] - iv.stepTimes[i - 1])).toBeGreaterThan(0);
    }
    expect(tr.intervals[1].nfeCumulative).toBe(tr.nfeBackward);
  });
});

/** fd coordinates: all for the small problems, a fixed spread sample (first, last, every k-th) for the others. */
function sample(len: number, count: number): number[] {
  if (len <= count) return Array.from({ length: len }, (_, i) => i);
  const out = new Set<number>([0, len - 1]);
  for (let i = 0; out.size < count; i++) out.add(Math.floor((i * 7919) % len));
  return [...out].sort((a, b) => a - b);
}

describe('fd, float64: every reference problem (per-coordinate metric ≤ 1e-5)', () => {
  for (const name of NAMES) {
    it(name, () => {
      const { problem, raw } = REF[name];
      const small = name === 'linear-2d' || name === 'seed-four-samples';
      const n = problem.z0.length * problem.z0[0].length;
      const P = refTheta(name).length;
      const coords = small
        ? undefined
        : name === 'deep-long'
          ? { z0: sample(n, 4), theta: sample(P, 8), t: sample(problem.t.length, 3) } // ~55 ms a solve at 1e-10
          : { z0: sample(n, 8), theta: sample(P, 12), t: sample(problem.t.length, 10) };
      const r = computeGradient(problem, { mode: 'fd', precision: 'float64', ...TIGHT, fdCoordinates: coords });
      expect(rel(r.zhat, raw.expected.zhat)).toBeLessThanOrEqual(1e-6);
      expect(rel(r.loss, raw.expected.loss)).toBeLessThanOrEqual(1e-6);
      expect(fdRel(flat(r.grad.z0), flat(raw.expected.grad.z0))).toBeLessThanOrEqual(1e-5);
      expect(fdRel(packParams(problem.dynamics, r.grad.params), refTheta(name))).toBeLessThanOrEqual(1e-5);
      expect(fdRel(r.grad.t, raw.expected.grad.t)).toBeLessThanOrEqual(1e-5);
      if (small) expect(flat(r.grad).every((v) => Number.isFinite(v))).toBe(true);
    });
  }
});

describe('float32 (tfjs) at the file solver settings: ≤ 1e-4, tensors back to baseline', () => {
  let baseline = 0;
  beforeEach(() => {
    baseline = tf.memory().numTensors;
  });
  afterEach(() => {
    expect(tf.memory().numTensors).toBe(baseline);
  });

  for (const name of NAMES) {
    for (const mode of ['adjoint', 'backprop'] as GradientMode[]) {
      it(`${name} ${mode}`, () => {
        const grid = REF[name].raw.expected.adjoint.t;
        const r = computeGradient(REF[name].problem, { mode, precision: 'float32', adjointGrid: mode === 'adjoint' ? grid : undefined });
        checkAll(name, r, 1e-4);
        if (mode === 'adjoint') expect(rel(r.adjoint!.s, REF[name].raw.expected.adjoint.s)).toBeLessThanOrEqual(1e-4);
        expect(r.stats.peakBytes).toBeGreaterThan(0);
      });
    }
  }

  for (const name of ['linear-2d', 'seed-four-samples'] as const) {
    it(`${name} fd (≤ 2e-2)`, () => {
      const { problem, raw } = REF[name];
      const r = computeGradient(problem, { mode: 'fd', precision: 'float32' });
      expect(rel(r.zhat, raw.expected.zhat)).toBeLessThanOrEqual(1e-4);
      expect(rel(r.grad.z0, raw.expected.grad.z0)).toBeLessThanOrEqual(2e-2);
      expect(rel(packParams(problem.dynamics, r.grad.params), refTheta(name))).toBeLessThanOrEqual(2e-2);
      expect(rel(r.grad.t, raw.expected.grad.t)).toBeLessThanOrEqual(2e-2);
    });
  }

  it('a solve that blows up throws a typed error and leaves no tensors behind', () => {
    const p = structuredClone(REF['spiral-batch'].problem);
    p.t = [0, 1e6];
    p.targets = [p.targets[0], p.targets[1]];
    if (p.dynamics.kind === 'mlp') p.dynamics.layers[0].W = p.dynamics.layers[0].W.map((r) => r.map((v) => v * 1e3));
    for (const mode of ['adjoint', 'backprop'] as GradientMode[]) {
      expect(() => computeGradient(p, { mode, precision: 'float32', rtol: 1e-12, atol: 1e-14, maxSteps: 50 })).toThrow();
    }
  });
});
