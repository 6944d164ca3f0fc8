import { describe, expect, test } from 'vitest';
import { formatNumber, formatSigned, parseFormatted, MINUS } from './format';

describe('formatNumber', () => {
  test.each<[number, string]>([
    [0, '0'],
    [-0, '0'],
    [1, '1'],
    [0.5, '0.5'],
    [-0.012345, '−0.0123'],
    [3.14159, '3.14'],
    [-2.5, '−2.5'],
    [12345, '12300'],
    [99999.9, '10⁵'],
    [123456, '1.23×10⁵'],
    [0.001, '0.001'],
    [0.00099951, '0.001'], [0.00012345, '1.23×10⁻⁴'],
    [1.5e-7, '1.5×10⁻⁷'],
    [-1.5e-7, '−1.5×10⁻⁷'],
    [1e-12, '10⁻¹²'],
    [6.02e23, '6.02×10²³'],
    [Number.NaN, '—'],
    [Number.POSITIVE_INFINITY, '∞'],
    [Number.NEGATIVE_INFINITY, '−∞'],
  ])('%s → %s', (x, s) => {
    expect(formatNumber(x)).toBe(s);
  });

  test('uses U+2212, never a hyphen, for negatives', () => {
    expect(formatNumber(-1)).toBe(`${MINUS}1`);
    expect(formatNumber(-1).includes('-')).toBe(false);
  });

  test('options: digits, trim, signed, null', () => {
    expect(formatNumber(2, { digits: 4, trim: false })).toBe('2.000');
    expect(formatNumber(1 / 3, { digits: 6 })).toBe('0.333333');
    expect(formatNumber(2e-5, { digits: 2, trim: false })).toBe('2.0×10⁻⁵');
    expect(formatSigned(0.25)).toBe('+0.25');
    expect(formatSigned(-0.25)).toBe('−0.25');
    expect(formatNumber(undefined)).toBe('—');
    expect(formatNumber(null)).toBe('—');
  });

  test('parseFormatted inverts formatNumber to its precision', () => {
    for (const x of [0, 1, -0.0123, 1.5e-7, -6.02e23, 12300, 1e-12, 0.5]) {
      const back = parseFormatted(formatNumber(x));
      expect(Math.abs(back - x)).toBeLessThanOrEqual(Math.abs(x) * 5e-3);
    }
    expect(parseFormatted('—')).toBeNaN();
    expect(parseFormatted('−∞')).toBe(Number.NEGATIVE_INFINITY);
    expect(parseFormatted('+0.25')).toBe(0.25);
  });
});

test('scientific option and formatPower (log-axis ticks)', async () => {
  const { formatPower } = await import('./format');
  expect(formatPower(0.01)).toBe('10⁻²');
  expect(formatPower(1)).toBe('10⁰');
  expect(formatPower(1000)).toBe('10³');
  expect(formatNumber(0.05, { scientific: true })).toBe('5×10⁻²');
});
