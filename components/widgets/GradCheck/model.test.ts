import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packParams } from '@/lib/adjoint/params';
import { parseProblem } from '@/lib/adjoint/problem';
import { defaultObs, problemFor } from '@/components/widgets/shared/presets';
import {
  chooseExplanations,
  comparisons,
  formatBytes,
  gradcheckSchema,
  groupLabels,
  relDiff,
  relDiffs,
  statsRows,
  tierOf,
  type Comparison,
  type RunResult,
  type Runs,
} from './model';
import { runChecks } from './runChecks';

const file = path.join(__dirname, '../../../tests/reference/seed-four-samples.json');
const raw = JSON.parse(readFileSync(file, 'utf8')) as { expected: { grad: { z0: number[][]; t: number[]; params: unknown } } };
const reference = parseProblem(JSON.parse(readFileSync(file, 'utf8')));

/** The reference files' block metric: max|x − ref| / max|ref|. */
function block(x: readonly number[], ref: readonly number[]): number {
  let num = 0;
  let den = 0;
  ref.forEach((r, i) => {
    num = Math.max(num, Math.abs(x[i] - r));
    den = Math.max(den, Math.abs(r));
  });
  return num / den;
}

describe('reproduces tests/reference/seed-four-samples.json (float64, the problem’s own rtol 1e-7 / atol 1e-9)', async () => {
  // The seed preset IS the reference problem (same times): the widget computes exactly this.
  const seed = problemFor('seed', defaultObs('seed'));
  const runs = await runChecks(seed, ['adjoint-float64', 'backprop-float64', 'fd-float64'], { pause: () => Promise.resolve() });
  const refTheta = Array.from(packParams(reference.dynamics, raw.expected.grad.params as never));
  const refZ0 = raw.expected.grad.z0.flat();
  const refT = raw.expected.grad.t;

  it('the seed preset is the reference problem', () => {
    expect(seed.t).toEqual(reference.t);
    expect(seed.z0).toEqual(reference.z0);
    expect(packParams(seed.dynamics)).toEqual(packParams(reference.dynamics));
  });

  // Tolerance 1e-6 in the block metric for adjoint and backprop (the problem's solver runs at rtol 1e-7;
  // measured: adjoint 1.8e-8 θ / 2.5e-8 z0 / 5.1e-8 t, backprop 5.5e-8 / 3.2e-8 / 5.8e-8); fd (step 1e-5
  // on a rtol-1e-7 solve) 1e-5, measured 6.6e-8 / 7.0e-8 / 6.6e-7.
  for (const [key, tol] of [['adjoint-float64', 1e-6], ['backprop-float64', 1e-6], ['fd-float64', 1e-5]] as const) {
    it(`${key}: dL/dθ, dL/dz0, dL/dt within ${tol} of expected`, () => {
      const r = runs[key]!;
      expect(block(r.theta, refTheta)).toBeLessThanOrEqual(tol);
      expect(block(r.z0, refZ0)).toBeLessThanOrEqual(tol);
      expect(block(r.t, refT)).toBeLessThanOrEqual(tol);
    });
  }

  it('the table’s comparisons of the three float64 runs are small (≤ 1e-5 per entry with the 1 % floor)', () => {
    for (const group of ['theta', 'z0', 't'] as const) {
      const cmp = comparisons(runs, group, ['float64'], runs['adjoint-float64']![group].length);
      for (const c of cmp) expect(c.max, `${group} ${c.name}`).toBeLessThan(1e-5);
    }
  });
});

// ---- synthetic inputs ----
function run(mode: RunResult['mode'], precision: RunResult['precision'], theta: number[]): RunResult {
  return { mode, precision, loss: 1, theta, z0: [1, 2], t: [0, 1], nfeForward: 10, nfeBackward: 20, ms: 1, memoryBytes: 100, memoryMethod: 'counted' };
}

describe('relative differences', () => {
  it('|a − b| / max(|a|, |b|, floor)', () => {
    expect(relDiff(1, 1)).toBe(0);
    expect(relDiff(0, 0)).toBe(0);
    expect(relDiff(1, 1.001)).toBeCloseTo(0.001 / 1.001, 15);
    expect(relDiff(-2, 2)).toBe(2);
    expect(relDiff(1e-6, 2e-6, 1e-2)).toBeCloseTo(1e-4, 15);
    expect(relDiff(Number.NaN, 1)).toBeNaN();
  });
  it('per entry, the floor is 1 % of the largest |value| of the two runs', () => {
    const d = relDiffs([100, 0.001], [100.01, 0.002]);
    expect(d[0]).toBeCloseTo(0.01 / 100.01, 12);
    expect(d[1]).toBeCloseTo(0.001 / 1.0001, 6); // floor 1.0001, not 0.002
  });
  it('comparison columns: 3 pairs per visible precision, plus float32 vs float64 per method when both are shown', () => {
    const runs: Runs = {
      'adjoint-float64': run('adjoint', 'float64', [1, 2]),
      'backprop-float64': run('backprop', 'float64', [1, 2.000002]),
      'fd-float64': run('fd', 'float64', [1.0001, 2]),
      'adjoint-float32': run('adjoint', 'float32', [1.00001, 2]),
    };
    const both = comparisons(runs, 'theta', ['float64', 'float32'], 2);
    expect(both.map((c) => c.name)).toEqual([
      'reldiff-adjoint-backprop-float64', 'reldiff-adjoint-fd-float64', 'reldiff-backprop-fd-float64',
      'reldiff-adjoint-backprop-float32', 'reldiff-adjoint-fd-float32', 'reldiff-backprop-fd-float32',
      'reldiff-float32-float64-adjoint', 'reldiff-float32-float64-backprop', 'reldiff-float32-float64-fd',
    ]);
    const get = (n: string) => both.find((c) => c.name === n)!;
    expect(get('reldiff-adjoint-backprop-float64').max).toBeCloseTo(0.000002 / 2.000002, 12);
    expect(get('reldiff-adjoint-fd-float64').values[0]).toBeCloseTo(0.0001 / 1.0001, 12);
    expect(get('reldiff-float32-float64-adjoint').max).toBeCloseTo(0.00001 / 1.00001, 12);
    expect(get('reldiff-adjoint-backprop-float32').max).toBeNaN(); // backprop-float32 not in yet
    expect(comparisons(runs, 'theta', ['float64'], 2)).toHaveLength(3);
  });
  it('tiers: < 1e-6 tight, < 1e-3 close, else loose; NaN none', () => {
    expect([1e-9, 5e-7, 1e-6, 5e-4, 1e-3, 1, Number.NaN].map(tierOf)).toEqual(['tight', 'tight', 'close', 'close', 'loose', 'loose', 'none']);
  });
});

describe('explanations', () => {
  const cmp = (values: Record<string, number>): Comparison[] =>
    Object.entries(values).map(([name, max]) => ({ name, label: name, a: 'adjoint-float64', b: 'fd-float64', values: [max], max }));
  const ctx = { rtol: 1e-7 };

  it('the measured pattern (seed preset): all three apply, each to its own difference', () => {
    const e = chooseExplanations(
      cmp({
        'reldiff-adjoint-backprop-float64': 1.8e-6, 'reldiff-adjoint-fd-float64': 7.6e-5, 'reldiff-backprop-fd-float64': 7.6e-5,
        'reldiff-adjoint-backprop-float32': 6e-5, 'reldiff-adjoint-fd-float32': 7e-3, 'reldiff-backprop-fd-float32': 7e-3,
        'reldiff-float32-float64-adjoint': 3e-5, 'reldiff-float32-float64-backprop': 3.1e-5, 'reldiff-float32-float64-fd': 7e-3,
      }),
      ctx,
    );
    expect(e.map((x) => [x.id, x.comparison])).toEqual([
      ['discretisation', 'reldiff-adjoint-backprop-float64'],
      ['float32-rounding', 'reldiff-float32-float64-backprop'],
      ['fd-step', 'reldiff-adjoint-fd-float32'],
    ]);
    expect(e[0].text).toContain('discretise-then-optimise');
    expect(e[0].text).toContain('optimise-then-discretise');
    expect(e[0].text).toContain('10⁻⁷');
    expect(e[2].text).toContain('float32');
    expect(e[2].text).toContain('about 2 correct digits'); // 7e-3
  });
  it('float64 only: no float32 sentence; fd in float64 explained only when it stands out', () => {
    const e = chooseExplanations(cmp({ 'reldiff-adjoint-backprop-float64': 5e-8, 'reldiff-adjoint-fd-float64': 1e-7, 'reldiff-backprop-fd-float64': 9e-8 }), ctx);
    expect(e.map((x) => x.id)).toEqual(['discretisation']);
    const f = chooseExplanations(cmp({ 'reldiff-adjoint-backprop-float64': 5e-8, 'reldiff-adjoint-fd-float64': 1e-5, 'reldiff-backprop-fd-float64': 9e-6 }), ctx);
    expect(f.map((x) => [x.id, x.comparison])).toEqual([['discretisation', 'reldiff-adjoint-backprop-float64'], ['fd-step', 'reldiff-adjoint-fd-float64']]);
    expect(f[1].text).not.toContain('float32');
  });
  it('identical float64 methods (roundoff) need no discretisation sentence; float32 differences no larger than float64 ones need no rounding sentence', () => {
    const e = chooseExplanations(
      cmp({
        'reldiff-adjoint-backprop-float64': 1e-14, 'reldiff-adjoint-fd-float64': 1e-14, 'reldiff-backprop-fd-float64': 1e-14,
        'reldiff-float32-float64-adjoint': 2e-14, 'reldiff-float32-float64-backprop': 2e-14,
      }),
      ctx,
    );
    expect(e).toEqual([]);
  });
  it('missing runs (NaN) choose nothing', () => {
    expect(chooseExplanations(cmp({ 'reldiff-adjoint-backprop-float64': Number.NaN, 'reldiff-float32-float64-adjoint': Number.NaN }), ctx)).toEqual([]);
  });
});

describe('labels, stats, URL state', () => {
  const seed = problemFor('seed', defaultObs('seed'));
  it('labels θ by block (W₁[0,3]), z0 by [batch, dim], t by index; keys for data-value names', () => {
    const th = groupLabels(seed, 'theta');
    expect(th).toHaveLength(82);
    expect(th[3]).toEqual({ key: 'θ3', text: 'W₁[0,3]' });
    expect(th[32].text).toBe('b₁[0]');
    expect(groupLabels(seed, 'z0')).toEqual([{ key: 'z0_0', text: 'z₀[0,0]' }, { key: 'z0_1', text: 'z₀[0,1]' }]);
    expect(groupLabels(seed, 't').map((l) => l.text)).toEqual(['t₀', 't₁', 't₂', 't₃']);
  });
  it('stats rows per visible precision, nfe = forward + backward', () => {
    const rows = statsRows({ 'adjoint-float64': run('adjoint', 'float64', [1]) }, ['float64']);
    expect(rows.map((r) => r.key)).toEqual(['adjoint-float64', 'backprop-float64', 'fd-float64']);
    expect(rows[0].nfe).toBe(30);
    expect(rows[1].nfe).toBeNaN();
  });
  it('bytes print in decimal units', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(26560)).toBe('26.6 kB');
    expect(formatBytes(4.8e6)).toBe('4.8 MB');
  });
  it('URL state: defaults, and invalid values rejected (the embed falls back with a notice)', () => {
    expect(gradcheckSchema.parse({})).toMatchObject({ preset: 'spiral', group: 'theta', precision: 'both' });
    expect(gradcheckSchema.parse({ preset: 'seed', group: 'z0', precision: 'float64' })).toMatchObject({ preset: 'seed', group: 'z0', precision: 'float64' });
    expect(gradcheckSchema.safeParse({ group: 'nope' }).success).toBe(false);
    expect(gradcheckSchema.safeParse({ precision: 'float16' }).success).toBe(false);
  });
});
