// The ONE number formatter of the site: every number a reader sees (readouts, tooltips, tick labels,
// aria-valuetext, live announcements) goes through formatNumber, so the same value always reads the same.
//
// Rules (why): significant digits rather than fixed decimals, because the article's numbers span
// 1e-12 (gradient errors) to 1e3 (step counts); scientific notation outside [1e-3, 1e5) so tiny
// errors never print as "0.000"; a true minus sign U+2212 (typographically aligned with "+", and what
// screen readers read as "minus"); NaN and undefined print as an em dash, not "NaN".
//
//   formatNumber(-0.012345)        // "−0.0123"
//   formatNumber(1.5e-7)           // "1.5×10⁻⁷"
//   formatNumber(2, { digits: 4, trim: false }) // "2.000"
//   parseFormatted("−1.5×10⁻⁷")    // -1.5e-7  (for e2e tests reading the page)

export const MINUS = '\u2212';
export const MISSING = '\u2014';

const SUPERSCRIPT: Record<string, string> = {
  '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '-': '⁻',
};
const FROM_SUPERSCRIPT: Record<string, string> = Object.fromEntries(
  Object.entries(SUPERSCRIPT).map(([k, v]) => [v, k]),
);

export interface FormatOptions {
  /** Significant digits (1–15). Default 3. */
  digits?: number;
  /** Drop trailing zeros ("0.500" → "0.5"). Default true; set false for readouts that should not jitter in width. */
  trim?: boolean;
  /** Prefix "+" on positive numbers (for differences and slopes). Default false. */
  signed?: boolean;
  /** Below this magnitude use scientific notation. Default 1e-3. */
  minFixed?: number;
  /** At or above this magnitude use scientific notation. Default 1e5. */
  maxFixed?: number;
  /** Always scientific (log-axis ticks read "10⁻²", "10⁻⁶" alike). Default false. */
  scientific?: boolean;
}

/** Formats a number for display. See the file comment for the rules. */
export function formatNumber(value: number | null | undefined, options: FormatOptions = {}): string {
  if (value === null || value === undefined || Number.isNaN(value)) return MISSING;
  const { digits = 3, trim = true, signed = false, minFixed = 1e-3, maxFixed = 1e5, scientific = false } = options;
  const p = Math.min(15, Math.max(1, Math.round(digits)));
  const sign = value < 0 ? MINUS : signed && value > 0 ? '+' : '';
  if (!Number.isFinite(value)) return sign + '∞';
  const abs = Math.abs(value);
  if (abs === 0) return '0'; // also −0: a sign on zero only confuses
  // Round first, then decide the notation, so 99999.9 → "1×10⁵" rather than "100000".
  const [mant, expStr] = abs.toExponential(p - 1).split('e');
  const exp = Number(expStr);
  const rounded = Number(`${mant}e${exp}`);
  if (scientific || rounded < minFixed || rounded >= maxFixed) {
    const m = trim ? trimZeros(mant) : mant;
    const powerOfTen = '10' + superscript(String(exp));
    return sign + (m === '1' ? powerOfTen : `${m}×${powerOfTen}`);
  }
  const decimals = Math.max(0, p - 1 - exp);
  const fixed = rounded.toFixed(decimals);
  return sign + (trim ? trimZeros(fixed) : fixed);
}

/** A formatter with fixed options, handy as a `format` prop: `format={formatter({ digits: 2 })}`. */
export function formatter(options: FormatOptions): (value: number) => string {
  return (value) => formatNumber(value, options);
}

/** Powers of ten as "10⁻²" (log-axis ticks); other values in scientific notation. */
export function formatPower(value: number): string {
  return formatNumber(value, { scientific: true });
}

/** Formats a signed difference or slope: always shows "+" or "−". */
export function formatSigned(value: number, digits = 3): string {
  return formatNumber(value, { digits, signed: true });
}

/**
 * Inverse of formatNumber for tests and scripts reading the page: "−1.5×10⁻⁷" → -1.5e-7,
 * "—" → NaN, "−∞" → -Infinity. Accepts plain ASCII numbers too.
 */
export function parseFormatted(text: string): number {
  const s = text.trim().replace(/\u2212/g, '-').replace(/^\+/, '');
  if (s === MISSING || s === '') return Number.NaN;
  if (s === '∞') return Number.POSITIVE_INFINITY;
  if (s === '-∞') return Number.NEGATIVE_INFINITY;
  const m = /^(-?)(?:([\d.]+)×)?10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)$/.exec(s);
  if (m) {
    const exp = [...m[3]].map((c) => FROM_SUPERSCRIPT[c] ?? '').join('');
    return Number(`${m[1]}${m[2] ?? '1'}e${exp}`);
  }
  return Number(s);
}

function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

function superscript(s: string): string {
  return [...s].map((c) => SUPERSCRIPT[c] ?? c).join('');
}
