// The Euler-limit model: measured log–log slopes (float64) are the methods' orders within ±0.2 on
// every preset, the Euler error falls ≈100× from N = 10 to N = 1000, memory, URL state, drawing helpers.
import { describe, expect, it } from 'vitest';
import { defaultObs, SENSITIVITY_PRESET_IDS } from '@/components/widgets/shared/presets';
import {
  ORDER,
  UNROLLED_METHODS,
  analysisFor,
  clampN,
  currentFor,
  dotIndices,
  eulerLimitSchema,
  formatBytes,
  stackBlocks,
} from './model';

describe('EulerLimit model: convergence', () => {
  for (const id of SENSITIVITY_PRESET_IDS) {
    it(`${id}: fitted slopes 1, 2, 4 within ±0.2 (≥ 3 points each)`, () => {
      const a = analysisFor(id, defaultObs(id));
      const line = UNROLLED_METHODS.map((m) => `${m} ${a.fits[m].fit.slope.toFixed(3)} (n=${a.fits[m].fit.n})`).join(', ');
      console.log(`euler-limit slopes ${id}: ${line}; analysis ${a.computeMs.toFixed(0)} ms`);
      for (const m of UNROLLED_METHODS) {
        expect(a.fits[m].fit.n).toBeGreaterThanOrEqual(3);
        expect(Math.abs(a.fits[m].fit.slope - ORDER[m])).toBeLessThan(0.2);
      }
    });
  }

  it('spiral, Euler: error(N=1000) ≈ error(N=10)/100; midpoint and rk4 gain ≥ 100×', () => {
    const a = analysisFor('spiral', defaultObs('spiral'));
    const e = (m: (typeof UNROLLED_METHODS)[number], N: number) => currentFor(a, m, N).error;
    console.log(`euler-limit spiral errors: euler N=10 ${e('euler', 10)}, N=1000 ${e('euler', 1000)}; midpoint ${e('midpoint', 10)} → ${e('midpoint', 1000)}; rk4 ${e('rk4', 10)} → ${e('rk4', 1000)}`);
    expect(e('euler', 10) / e('euler', 1000)).toBeGreaterThan(85);
    expect(e('midpoint', 10) / e('midpoint', 1000)).toBeGreaterThan(100);
    expect(e('rk4', 10) / e('rk4', 1000)).toBeGreaterThan(100);
  });

  it('memory: stored states grow linearly with N, the adjoint’s bytes do not move', () => {
    const a = analysisFor('spiral', defaultObs('spiral'));
    const c10 = currentFor(a, 'euler', 10);
    const c1000 = currentFor(a, 'euler', 1000);
    expect(c1000.backpropBytes).toBe(100 * c10.backpropBytes);
    expect(c1000.adjointBytes).toBe(c10.adjointBytes);
    expect(currentFor(a, 'rk4', 10).backpropBytes).toBe(4 * c10.backpropBytes);
    // The crossover: first N where backprop stores more than the adjoint.
    const x = c10.crossover;
    expect(x * 2 * 8).toBeGreaterThan(c10.adjointBytes);
    expect((x - 1) * 2 * 8).toBeLessThanOrEqual(c10.adjointBytes);
  });
});

describe('EulerLimit model: state and drawing', () => {
  it('URL state: defaults, strings, invalid values rejected', () => {
    expect(eulerLimitSchema.parse({})).toEqual({ preset: 'spiral', obs: '', n: 10, method: 'euler' });
    expect(eulerLimitSchema.parse({ n: '50', method: 'rk4' })).toMatchObject({ n: 50, method: 'rk4' });
    expect(eulerLimitSchema.safeParse({ n: '2' }).success).toBe(false);
    expect(eulerLimitSchema.safeParse({ n: '5000' }).success).toBe(false);
    expect(eulerLimitSchema.safeParse({ method: 'heun' }).success).toBe(false);
    expect(clampN(2.4)).toBe(3);
    expect(clampN(1e9)).toBe(1000);
    expect(clampN(Number.NaN)).toBe(10);
  });

  it('stack blocks up to 40 layers, dots subsampled but observations kept', () => {
    const a = analysisFor('spiral', defaultObs('spiral'));
    const small = currentFor(a, 'euler', 10).result;
    const blocks = stackBlocks(small)!;
    expect(blocks).toHaveLength(10);
    expect(blocks.filter((b) => b.obsEnd)).toHaveLength(4);
    expect(stackBlocks(currentFor(a, 'euler', 41).result)).toBeNull();
    const big = currentFor(a, 'euler', 1000).result;
    const idx = dotIndices(big);
    expect(idx.length).toBeLessThanOrEqual(90);
    for (const k of big.obsIndex) expect(idx).toContain(k);
    expect(formatBytes(16000)).toBe('16 KiB');
    expect(formatBytes(160)).toBe('160 B');
  });
});
