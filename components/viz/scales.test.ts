import { describe, expect, test } from 'vitest';
import { extentPositive, finiteExtent, flatten, linearScale, linearTicks, logScale, logTicks, paddedExtent, symmetricDomain } from './scales';

describe('scales', () => {
  test('linear scale is niced and maps the range', () => {
    const s = linearScale([0.13, 9.7], [0, 100]);
    expect(s.domain()).toEqual([0, 10]);
    expect(s(5)).toBeCloseTo(50, 12);
    expect(linearTicks([0, 1], 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(linearScale([3, 3], [0, 1], { nice: false }).domain()).toEqual([1.5, 4.5]);
  });
  test('log scale snaps to decades; ticks are powers of ten', () => {
    const s = logScale([3e-7, 0.02], [0, 100]);
    expect(s.domain()[0]).toBeCloseTo(1e-7, 20);
    expect(s.domain()[1]).toBeCloseTo(0.1, 15);
    expect(logTicks(s.domain())).toEqual([1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1]);
    expect(logTicks([1e-12, 1], 4)).toEqual([1e-12, 1e-8, 1e-4, 1]);
    expect(logTicks([-1, 1])).toEqual([]);
    expect(logScale([0, 0], [0, 1]).domain()).toEqual([1, 10]);
    expect(logScale([2, 2], [0, 1]).domain()).toEqual([0.1, 100]);
  });
  test('extents ignore non-finite values', () => {
    expect(finiteExtent([3, Number.NaN, -1, Infinity])).toEqual([-1, 3]);
    expect(finiteExtent([])).toEqual([0, 1]);
    expect(extentPositive(new Float64Array([0, -2, 1e-3, 10]))).toEqual([1e-3, 10]);
    expect(paddedExtent([0, 10], 0.1)).toEqual([-1, 11]);
  });
  test('symmetric diverging domain', () => {
    expect(symmetricDomain([-0.3, 2])).toEqual([-2, 2]);
    expect(symmetricDomain([0, 0])).toEqual([-1, 1]);
    expect(symmetricDomain(flatten([[1, -4], new Float64Array([2, Number.NaN])]))).toEqual([-4, 4]);
  });
});
