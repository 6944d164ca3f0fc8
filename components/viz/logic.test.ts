import { describe, expect, test } from 'vitest';
import { evalLogLog, fitLogLog } from './loglog';
import { arrowGeometry, clipToRange, nearestIndex } from './geometry';
import { createThrottle, type Clock } from './throttle';
import { moveCell } from './heatmapNav';

describe('fitLogLog', () => {
  test('recovers an exact power law', () => {
    const h = [0.1, 0.05, 0.025, 0.0125];
    const e = h.map((x) => 3 * x ** 2);
    const f = fitLogLog(h, e);
    expect(f.slope).toBeCloseTo(2, 12);
    expect(10 ** f.intercept).toBeCloseTo(3, 10);
    expect(f.r2).toBeCloseTo(1, 12);
    expect(f.n).toBe(4);
    expect(evalLogLog(f, 0.2)).toBeCloseTo(0.12, 10);
  });
  test('noisy first-order data, non-positive points skipped', () => {
    const f = fitLogLog([1, 0.1, 0.01, 0, 0.001], [1.1, 0.09, 0.011, 5, -1]);
    expect(f.n).toBe(3);
    // hand computation: log10 x = [0,-1,-2], log10 y = [0.04139, -1.04576, -1.95861]
    expect(f.slope).toBeCloseTo(0.99999, 4);
    expect(f.r2).toBeGreaterThan(0.99);
  });
  test('degenerate inputs give NaN, not a throw', () => {
    expect(fitLogLog([1], [1]).slope).toBeNaN();
    expect(fitLogLog([2, 2], [1, 3]).slope).toBeNaN();
  });
});

describe('geometry', () => {
  test('arrow along +x', () => {
    expect(arrowGeometry(0, 0, 40, 0, 8)).toEqual({ shaft: 'M0,0L32,0', head: 'M40,0L32,4L32,-4Z' });
    expect(arrowGeometry(1, 1, 1, 1)).toBeNull();
  });
  test('clipToRange interpolates the ends, also on decreasing grids', () => {
    expect(clipToRange([0, 1, 2, 3], [0, 10, 20, 30], 0.5, 2.25)).toEqual({ x: [0.5, 1, 2, 2.25], y: [5, 10, 20, 22.5] });
    expect(clipToRange([3, 2, 1, 0], [30, 20, 10, 0], 0.5, 2.25)).toEqual({ x: [0.5, 1, 2, 2.25], y: [5, 10, 20, 22.5] });
  });
  test('nearestIndex', () => {
    expect(nearestIndex([0, 1, 2], 1.4)).toBe(1);
    expect(nearestIndex([0, 1, 2], 1.6)).toBe(2);
    expect(nearestIndex([2, 1, 0], 1.6)).toBe(0);
    expect(nearestIndex([0, 1, 2], -5)).toBe(0);
    expect(nearestIndex([], 1)).toBe(-1);
  });
});

describe('throttle', () => {
  test('first value now, then at most one (the latest) per interval', () => {
    let now = 0;
    const timers: { at: number; fn: () => void }[] = [];
    const clock: Clock = {
      now: () => now,
      setTimeout: (fn, ms) => { const t = { at: now + ms, fn }; timers.push(t); return t; },
      clearTimeout: (h) => { const k = timers.indexOf(h as { at: number; fn: () => void }); if (k >= 0) timers.splice(k, 1); },
    };
    const out: [number, string][] = [];
    const t = createThrottle((m: string) => out.push([now, m]), 500, clock);
    t.push('a');
    now = 100; t.push('b');
    now = 200; t.push('c');
    expect(out).toEqual([[0, 'a']]);
    now = 500; timers.shift()?.fn();
    expect(out).toEqual([[0, 'a'], [500, 'c']]);
    now = 1200; t.push('d');
    expect(out.at(-1)).toEqual([1200, 'd']);
    now = 1300; t.push('e'); t.cancel();
    expect(timers).toHaveLength(0);
  });
});

describe('moveCell', () => {
  test('arrows clamp at the edges; Home/End; Ctrl', () => {
    expect(moveCell('ArrowRight', [0, 0], 2, 3)).toEqual([0, 1]);
    expect(moveCell('ArrowRight', [0, 2], 2, 3)).toEqual([0, 2]);
    expect(moveCell('ArrowDown', [1, 1], 2, 3)).toEqual([1, 1]);
    expect(moveCell('ArrowUp', [1, 1], 2, 3)).toEqual([0, 1]);
    expect(moveCell('End', [1, 0], 2, 3)).toEqual([1, 2]);
    expect(moveCell('Home', [1, 2], 2, 3, { ctrl: true })).toEqual([0, 0]);
    expect(moveCell('a', [0, 0], 2, 3)).toBeNull();
  });
});
