import { describe, expect, it } from 'vitest';
import { TABLEAUS } from './methods';

describe('Butcher tableaus', () => {
  for (const [name, tab] of Object.entries(TABLEAUS)) {
    it(`${name}: rows of a sum to c, b sums to 1 (to 1e-15)`, () => {
      const s = tab.b.length;
      expect(tab.c.length).toBe(s);
      expect(tab.a.length).toBe(s);
      for (let i = 0; i < s; i++) {
        expect(tab.a[i].length).toBe(i);
        const row = tab.a[i].reduce((x, y) => x + y, 0);
        expect(Math.abs(row - tab.c[i])).toBeLessThan(1e-15);
      }
      expect(Math.abs(tab.b.reduce((x, y) => x + y, 0) - 1)).toBeLessThan(1e-15);
    });
  }

  it('dopri5: order conditions up to 5 for b and 4 for b̂ = b − bErr (to 1e-14)', () => {
    const tab = TABLEAUS.dopri5;
    const bHat = tab.b.map((b, i) => b - tab.bErr![i]);
    const c = tab.c;
    const A = (i: number, j: number) => (j < i ? tab.a[i][j] : 0);
    const s = c.length;
    const sum = (w: readonly number[], g: (i: number) => number) => w.reduce((acc, wi, i) => acc + wi * g(i), 0);
    const Ac = (i: number) => {
      let r = 0;
      for (let j = 0; j < s; j++) r += A(i, j) * c[j];
      return r;
    };
    // Σ b c^(q-1) = 1/q for q = 1..5 and the two-stage condition Σ b_i a_ij c_j = 1/6.
    for (let q = 1; q <= 5; q++) expect(Math.abs(sum(tab.b, (i) => c[i] ** (q - 1)) - 1 / q)).toBeLessThan(1e-14);
    for (let q = 1; q <= 4; q++) expect(Math.abs(sum(bHat, (i) => c[i] ** (q - 1)) - 1 / q)).toBeLessThan(1e-14);
    expect(Math.abs(sum(tab.b, Ac) - 1 / 6)).toBeLessThan(1e-14);
    expect(Math.abs(sum(tab.b, (i) => c[i] * Ac(i)) - 1 / 8)).toBeLessThan(1e-14);
    // FSAL: the last row of a is b.
    tab.a[s - 1].forEach((v, j) => expect(v).toBe(tab.b[j]));
  });

  it('dopri5 dense output reproduces b at θ = 1 (to 1e-14)', () => {
    const tab = TABLEAUS.dopri5;
    tab.dense!.forEach((row, i) => {
      const atOne = row.reduce((x, y) => x + y, 0);
      expect(Math.abs(atOne - tab.b[i])).toBeLessThan(1e-14);
    });
  });
});
