import { describe, expect, test } from 'vitest';
import { fractionOf, pointKeyDelta, roundToStep, sliderKeyValue, valueAtFraction } from './keyboard';
import { moveTick, tickBounds } from './tickConstraints';
import { sliderMapping } from './sliderMapping';

describe('slider keys', () => {
  const o = { min: 0, max: 1, step: 0.01 };
  test('arrows, pages, ends, clamping, snapping', () => {
    expect(sliderKeyValue('ArrowRight', 0.3, o)).toBe(0.31);
    expect(sliderKeyValue('ArrowUp', 0.3, o)).toBe(0.31);
    expect(sliderKeyValue('ArrowLeft', 0.3, o)).toBe(0.29);
    expect(sliderKeyValue('PageUp', 0.3, o)).toBe(0.4);
    expect(sliderKeyValue('PageDown', 0.05, o)).toBe(0);
    expect(sliderKeyValue('ArrowRight', 0.3, o, true)).toBe(0.4);
    expect(sliderKeyValue('Home', 0.3, o)).toBe(0);
    expect(sliderKeyValue('End', 0.3, o)).toBe(1);
    expect(sliderKeyValue('ArrowRight', 1, o)).toBe(1);
    expect(sliderKeyValue('Enter', 0.3, o)).toBeNull();
    expect(sliderKeyValue('PageUp', 0.3, { ...o, pageStep: 0.25 })).toBe(0.55);
    expect(roundToStep(0.1 + 0.2, 0, 0.1)).toBe(0.3);
  });
  test('pointer fractions, reversed tracks', () => {
    expect(valueAtFraction(0.25, 0, 2, 0.01)).toBe(0.5);
    expect(valueAtFraction(0.25, 0, 2, 0.01, true)).toBe(1.5);
    expect(valueAtFraction(1.5, 0, 2, 0.01)).toBe(2);
    expect(fractionOf(0.5, 0, 2)).toBe(0.25);
    expect(fractionOf(0.5, 0, 2, true)).toBe(0.75);
  });
  test('2-D point keys', () => {
    expect(pointKeyDelta('ArrowUp')).toEqual([0, 1]);
    expect(pointKeyDelta('ArrowLeft', true)).toEqual([-10, 0]);
    expect(pointKeyDelta('Home')).toBeNull();
  });
});

describe('draggable ticks', () => {
  const c = { min: 0, max: 3, minGap: 0.1 };
  test('bounds between neighbours', () => {
    expect(tickBounds([0.5, 1, 2], 1, c)[0]).toBeCloseTo(0.6, 12);
    expect(tickBounds([0.5, 1, 2], 1, c)[1]).toBeCloseTo(1.9, 12);
    expect(tickBounds([0.5, 1, 2], 0, c)).toEqual([0, 0.9]);
    expect(tickBounds([0.5, 1, 2], 2, { ...c, gapAtEnds: true })).toEqual([1.1, 2.9]);
  });
  test('moves are clamped, never reorder', () => {
    expect(moveTick([0.5, 1, 2], 1, 5, c)).toEqual([0.5, 1.9, 2]);
    expect(moveTick([0.5, 1, 2], 1, -5, c)[1]).toBeCloseTo(0.6, 12);
    expect(moveTick([0.5, 1, 2], 2, 2.5, c)).toEqual([0.5, 1, 2.5]);
  });
});

describe('sliderMapping', () => {
  test('log mapping round-trips and spaces decades evenly', () => {
    const m = sliderMapping({ min: 1e-4, max: 1, log: true });
    expect(m.input).toEqual({ min: 0, max: 1000, step: 1 });
    expect(m.toPosition(1e-2)).toBe(500);
    expect(m.toValue(500)).toBe(0.01);
    expect(m.toValue(0)).toBe(1e-4);
    expect(m.toValue(1000)).toBe(1);
    expect(m.toValue(m.toPosition(0.003))).toBeCloseTo(0.003, 4);
  });
  test('integer and linear', () => {
    const m = sliderMapping({ min: 1, max: 1000, integer: true, log: true });
    expect(m.toValue(333)).toBe(10);
    const l = sliderMapping({ min: 0, max: 10, integer: true });
    expect(l.input).toEqual({ min: 0, max: 10, step: 1 });
    expect(l.toValue(3.6)).toBe(4);
    expect(sliderMapping({ min: 0, max: 1, step: 0.1 }).toValue(2)).toBe(1);
  });
});
