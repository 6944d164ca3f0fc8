// Colour math for figures: the diverging scale for signed quantities (Jacobians, sensitivities,
// gradients), the categorical palette, and text colour on a coloured cell.
//
// Diverging scheme: ColorBrewer PuOr (d3-scale-chromatic's interpolatePuOr), purple < 0 < orange,
// centred on an off-white neutral at 0. Why PuOr: it is in ColorBrewer's colour-blind-safe set, and
// purple–orange separates along the blue–yellow axis that deuteranopes and protanopes keep (red–blue
// schemes lean on the red–green axis at their warm end). colorVision.test.ts checks it: simulated for
// deuteranopia and protanopia, each half stays monotone in lightness and the two ends stay far apart.
// Heatmap colours are literal hex (the same in light and dark mode); values are also printed on
// hover/focus, so colour is never the only channel.
//
//   const s = divergingScale(2);      // domain [−2, 2]
//   s(0)   // NEUTRAL ("#f3eeea")    s(2) // dark orange    s(-2) // dark purple
//   textColorOn(s(1.9))               // "#ffffff" or "#111111", whichever contrasts more
import { interpolatePuOr } from 'd3-scale-chromatic';
import { rgb } from 'd3-color';
import { categoricalLight, categoricalVar, CATEGORICAL_COUNT, okabeIto } from './theme';
import { symmetricDomain } from './scales';

export { categoricalVar, CATEGORICAL_COUNT, okabeIto };

/** The interpolator behind every diverging colour: t ∈ [0, 1], 0.5 is neutral. */
export const divergingInterpolator: (t: number) => string = interpolatePuOr;

/** Colour of exactly 0. */
export const NEUTRAL = toHex(divergingInterpolator(0.5));
/** Colour for a missing value (NaN): mid grey, outside the scheme's hues. */
export const MISSING_COLOR = '#9a9a9a';

export interface DivergingScale {
  (value: number): string;
  /** Symmetric domain [−m, m]. */
  readonly domain: readonly [number, number];
  /** The half-width m. */
  readonly maxAbs: number;
}

/**
 * value → hex colour, centred on 0 over [−maxAbs, maxAbs]; values outside are clamped to the ends.
 * `maxAbs` ≤ 0 or non-finite falls back to 1 (an all-zero matrix is all neutral, not an error).
 */
export function divergingScale(maxAbs: number): DivergingScale {
  const m = Number.isFinite(maxAbs) && maxAbs > 0 ? maxAbs : 1;
  const cache = new Map<number, string>();
  const f = (value: number): string => {
    if (!Number.isFinite(value)) return Number.isNaN(value) ? MISSING_COLOR : toHex(divergingInterpolator(value > 0 ? 1 : 0));
    const t = Math.min(1, Math.max(0, 0.5 + value / (2 * m)));
    // 256 levels is finer than the eye sees and lets large heatmaps reuse strings.
    const key = Math.round(t * 256);
    let c = cache.get(key);
    if (c === undefined) {
      c = toHex(divergingInterpolator(key / 256));
      cache.set(key, c);
    }
    return c;
  };
  return Object.assign(f, { domain: [-m, m] as const, maxAbs: m });
}

/** Diverging scale fitted to data: symmetric around 0, reaching the largest |value|. */
export function divergingScaleFor(values: Iterable<number> | ArrayLike<number>): DivergingScale {
  return divergingScale(symmetricDomain(values)[1]);
}

/** Literal hex of the i-th categorical colour (light mode), for contexts without CSS variables. */
export function categoricalHex(i: number): string {
  const k = ((Math.trunc(i) % CATEGORICAL_COUNT) + CATEGORICAL_COUNT) % CATEGORICAL_COUNT;
  return categoricalLight[k];
}

/** WCAG relative luminance of a CSS colour. */
export function relativeLuminance(color: string): number {
  const c = rgb(color);
  const lin = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
}

/** WCAG contrast ratio (1–21) between two CSS colours. */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

export const DARK_TEXT = '#000000'; // pure black: max(contrast with black, with white) ≥ √21 ≈ 4.58 for every colour
export const LIGHT_TEXT = '#ffffff';

/** Text colour (near-black or white) with the higher contrast on `background`. */
export function textColorOn(background: string): string {
  return contrastRatio(background, DARK_TEXT) >= contrastRatio(background, LIGHT_TEXT) ? DARK_TEXT : LIGHT_TEXT;
}

/** Any CSS colour → "#rrggbb". */
export function toHex(color: string): string {
  return rgb(color).formatHex();
}
