// The site's visual tokens for figures and controls, defined ONCE here. Components refer to them as
// CSS variables (`vizVar.fg` → "var(--viz-fg)"), so light/dark mode is one stylesheet switch and no
// component knows about modes. viz.css carries the generated block (`themeCss()`); a test keeps the
// two in sync — after editing a value here run:  npx tsx components/viz/writeThemeCss.ts
//
// Categorical colours are Okabe & Ito's colour-blind-safe set ("Color Universal Design", 2008). The
// ORDER matters: in each mode the first four have ≥ 3:1 contrast with the page background (WCAG
// 1.4.11 for graphics). Dark mode keeps each slot's hue name (slot 0 is "blue" in both), swapping
// Okabe–Ito's blue (3.4:1 on dark) for its sky blue (7.7:1). Series 5+ should carry direct labels.
//
//   <path style={{ stroke: categoricalVar(1) }} />     // vermillion in light, vermillion in dark
//   <text className="viz-muted">…</text>              // classes in viz.css use the same tokens

export interface ThemeToken {
  light: string;
  dark: string;
  /** What the token is for (doc only). */
  use: string;
}

/** Okabe–Ito colours by name (hex), for places that need a literal colour rather than a CSS variable. */
export const okabeIto = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
  black: '#000000',
} as const;

const o = okabeIto;
/** Categorical series colours per mode, in the order series should use them. */
export const categoricalLight = [o.blue, o.vermillion, o.bluishGreen, o.reddishPurple, o.orange, o.skyBlue, o.yellow, '#000000'] as const;
export const categoricalDark = [o.skyBlue, o.vermillion, o.bluishGreen, o.reddishPurple, o.orange, o.blue, o.yellow, '#e8e8e8'] as const;
export const CATEGORICAL_COUNT = categoricalLight.length;

export const themeTokens = {
  bg: { light: '#ffffff', dark: '#16181d', use: 'figure background (matches the page)' },
  fg: { light: '#1a1a1a', dark: '#e6e6e6', use: 'text, axis labels, default marks' },
  muted: { light: '#5a6270', dark: '#a3acb9', use: 'tick labels, secondary text (≥ 4.5:1)' },
  grid: { light: '#e3e6ea', dark: '#2c3038', use: 'grid lines, heatmap cell borders' },
  axis: { light: '#5c6370', dark: '#a2a9b4', use: 'axis domain lines and ticks (same values as app/globals.css, which also sets it)' },
  accent: { light: '#0072B2', dark: '#56B4E9', use: 'emphasis in controls (same hue as series 0)' },
  rule: { light: '#1a1a1a', dark: '#e6e6e6', use: 'current-time rule (τ): neutral, so it never reads as a series' },
  marker: { light: '#5a6270', dark: '#a3acb9', use: 'observation-time markers' },
  error: { light: '#D55E00', dark: '#E69F00', use: 'error segments (prediction vs target)' },
  areaPos: { light: '#E69F00', dark: '#E69F00', use: 'shaded area where the integrand is > 0 (diverging positive hue)' },
  areaNeg: { light: '#7b68b0', dark: '#9d8fd0', use: 'shaded area where the integrand is < 0 (diverging negative hue)' },
  focus: { light: '#0b57d0', dark: '#8ab4f8', use: 'focus rings (≥ 3:1 against bg)' },
  tooltipBg: { light: '#1a1a1a', dark: '#f2f2f2', use: 'tooltip background' },
  tooltipFg: { light: '#ffffff', dark: '#111111', use: 'tooltip text' },
  controlBg: { light: '#f4f5f7', dark: '#23262d', use: 'buttons, select, track' },
  controlBorder: { light: '#767e8a', dark: '#8a929e', use: 'control borders (≥ 3:1 against bg)' },
  controlActive: { light: '#0072B2', dark: '#56B4E9', use: 'slider fill, pressed/on state' },
  alertBg: { light: '#fdecea', dark: '#3b1d1a', use: 'error banner background' },
  alertFg: { light: '#7a1b0c', dark: '#ffb4a6', use: 'error banner text' },
  alertBorder: { light: '#D55E00', dark: '#D55E00', use: 'error banner edge' },
} as const satisfies Record<string, ThemeToken>;

export type ThemeTokenName = keyof typeof themeTokens;

function cssName(name: string): string {
  return '--viz-' + name.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());
}

/** `var(--viz-…)` for every token: `vizVar.accent` → "var(--viz-accent)". */
export const vizVar = Object.fromEntries(
  Object.keys(themeTokens).map((k) => [k, `var(${cssName(k)})`]),
) as { readonly [K in ThemeTokenName]: string };

/** The i-th categorical colour as a CSS variable (wraps around after CATEGORICAL_COUNT). */
export function categoricalVar(i: number): string {
  const k = ((Math.trunc(i) % CATEGORICAL_COUNT) + CATEGORICAL_COUNT) % CATEGORICAL_COUNT;
  return `var(--viz-cat-${k})`;
}

/** The CSS custom-property block (light default, dark under prefers-color-scheme) that viz.css embeds. */
export function themeCss(): string {
  const entries = Object.entries(themeTokens) as [string, ThemeToken][];
  const light = entries.map(([k, t]) => `  ${cssName(k)}: ${t.light};`);
  const dark = entries.map(([k, t]) => `    ${cssName(k)}: ${t.dark};`);
  categoricalLight.forEach((c, i) => light.push(`  --viz-cat-${i}: ${c};`));
  categoricalDark.forEach((c, i) => dark.push(`    --viz-cat-${i}: ${c};`));
  return [
    '/* BEGIN generated by components/viz/theme.ts (themeCss) */',
    ':root {',
    ...light,
    '}',
    '@media (prefers-color-scheme: dark) {',
    '  :root {',
    ...dark,
    '  }',
    '}',
    '/* END generated */',
  ].join('\n');
}
