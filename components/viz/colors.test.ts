import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { hcl } from 'd3-color';
import {
  categoricalHex, contrastRatio, divergingInterpolator, divergingScale, divergingScaleFor, MISSING_COLOR, NEUTRAL,
  textColorOn, toHex,
} from './colors';
import { DEUTERANOPIA, PROTANOPIA, simulate } from './colorVision';
import { categoricalDark, categoricalLight, categoricalVar, themeCss, themeTokens, vizVar } from './theme';

describe('divergingScale (PuOr, centred on 0)', () => {
  const s = divergingScale(2);
  test('0 → neutral, ±max → the ends, beyond clamps', () => {
    expect(NEUTRAL).toBe('#f3eeea');
    expect(s(0)).toBe(NEUTRAL);
    expect(s(-0)).toBe(NEUTRAL);
    expect(s(2)).toBe(toHex(divergingInterpolator(1)));
    expect(s(2)).toBe('#7f3b08'); // dark orange
    expect(s(-2)).toBe('#2d004b'); // dark purple
    expect(s(5)).toBe(s(2));
    expect(s(-5)).toBe(s(-2));
    expect(s.domain).toEqual([-2, 2]);
    expect(s(Number.NaN)).toBe(MISSING_COLOR);
  });
  test('degenerate domains and fitting to data', () => {
    expect(divergingScale(0).maxAbs).toBe(1);
    expect(divergingScale(Number.NaN)(0)).toBe(NEUTRAL);
    expect(divergingScaleFor([0.5, -3, 1]).domain).toEqual([-3, 3]);
    expect(divergingScaleFor(new Float64Array([0, 0])).maxAbs).toBe(1);
  });
  test('lightness falls monotonically away from 0 on both sides (also for deuteranopes and protanopes)', () => {
    for (const m of [null, DEUTERANOPIA, PROTANOPIA]) {
      const L = (v: number) => hcl(m ? simulate(s(v), m) : s(v)).l;
      for (let k = 0; k < 20; k++) {
        const a = (k / 20) * 2;
        const b = ((k + 1) / 20) * 2;
        expect(L(b)).toBeLessThan(L(a) + 0.5);
        expect(L(-b)).toBeLessThan(L(-a) + 0.5);
      }
      // the two halves stay distinguishable at equal |value|: their simulated colours differ in hue/chroma
      for (const v of [0.5, 1, 2]) {
        const p = hcl(m ? simulate(s(v), m) : s(v));
        const n = hcl(m ? simulate(s(-v), m) : s(-v));
        const dist = Math.hypot(p.l - n.l, (p.c - n.c) / 2, Math.min(Math.abs(p.h - n.h), 360 - Math.abs(p.h - n.h)) / 4);
        expect(dist).toBeGreaterThan(10);
      }
    }
  });
});

describe('contrast and text colour', () => {
  test('WCAG contrast ratio', () => {
    expect(contrastRatio('#000', '#fff')).toBeCloseTo(21, 6);
    expect(contrastRatio('#777', '#777')).toBeCloseTo(1, 6);
  });
  test('text on heatmap cells always reaches 4.5:1', () => {
    const s = divergingScale(1);
    expect(textColorOn(s(0))).toBe('#000000');
    expect(textColorOn(s(1))).toBe('#ffffff');
    expect(textColorOn(s(-1))).toBe('#ffffff');
    for (let v = -1; v <= 1; v += 0.05) expect(contrastRatio(s(v), textColorOn(s(v)))).toBeGreaterThanOrEqual(4.5);
  });
});

describe('theme', () => {
  test('first four categorical colours reach 3:1 against the background in both modes', () => {
    for (let i = 0; i < 4; i++) {
      expect(contrastRatio(categoricalLight[i], themeTokens.bg.light)).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(categoricalDark[i], themeTokens.bg.dark)).toBeGreaterThanOrEqual(3);
    }
    expect(categoricalHex(9)).toBe(categoricalLight[1]);
    expect(categoricalVar(-1)).toBe('var(--viz-cat-7)');
  });
  test('text tokens reach 4.5:1 and control/focus tokens 3:1 in both modes', () => {
    for (const mode of ['light', 'dark'] as const) {
      const bg = themeTokens.bg[mode];
      expect(contrastRatio(themeTokens.fg[mode], bg)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(themeTokens.muted[mode], bg)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(themeTokens.tooltipFg[mode], themeTokens.tooltipBg[mode])).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(themeTokens.alertFg[mode], themeTokens.alertBg[mode])).toBeGreaterThanOrEqual(4.5);
      for (const k of ['focus', 'controlBorder', 'accent', 'controlActive', 'error'] as const) {
        expect(contrastRatio(themeTokens[k][mode], bg), `${k} ${mode}`).toBeGreaterThanOrEqual(3);
      }
    }
  });
  test('viz.css carries the generated token block (run components/viz/writeThemeCss.ts after edits)', () => {
    const css = readFileSync(path.join(__dirname, 'viz.css'), 'utf8');
    expect(css.includes(themeCss())).toBe(true);
    expect(vizVar.accent).toBe('var(--viz-accent)');
    expect(vizVar.areaPos).toBe('var(--viz-area-pos)');
    expect(css).toContain('--viz-area-pos: #E69F00;');
  });
});
