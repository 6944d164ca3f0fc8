// Scale helpers shared by every chart: domains that read well (padded, nice, symmetric around 0)
// and tick lists. Charts take d3 scales; these helpers only choose domains and ticks.
//
//   const x = linearScale([0, 10], [40, 620]);         // nice linear scale
//   const y = logScale(extentPositive(errors), [300, 20]);
//   const ticks = logTicks(y.domain());                  // [1e-8, 1e-6, …] powers of ten
//   symmetricDomain([-0.3, 2])                            // [-2, 2]
import { scaleLinear, scaleLog, type ScaleLinear, type ScaleLogarithmic } from 'd3-scale';

/** What Axis and the charts need from a scale (d3's linear and log scales both fit). */
export interface ContinuousScale {
  (value: number): number;
  domain(): number[];
  range(): number[];
  ticks(count?: number): number[];
  invert(value: number): number;
}

/** A linear scale over `domain` (niced unless `nice: false`) mapped to `range`. */
export function linearScale(
  domain: readonly [number, number],
  range: readonly [number, number],
  { nice = true, ticks = 6 }: { nice?: boolean; ticks?: number } = {},
): ScaleLinear<number, number> {
  const s = scaleLinear().domain(safeDomain(domain)).range([range[0], range[1]]);
  return nice ? s.nice(ticks) : s;
}

/** A log-10 scale over positive `domain`, widened to whole decades so ticks fall on powers of ten. */
export function logScale(
  domain: readonly [number, number],
  range: readonly [number, number],
  { decades = true }: { decades?: boolean } = {},
): ScaleLogarithmic<number, number> {
  let [a, b] = domain[0] <= domain[1] ? [domain[0], domain[1]] : [domain[1], domain[0]];
  if (!(a > 0) || !Number.isFinite(a)) a = b > 0 && Number.isFinite(b) ? b / 10 : 1;
  if (!(b > 0) || !Number.isFinite(b)) b = a * 10;
  if (a === b) [a, b] = [a / 10, b * 10];
  if (decades) [a, b] = [Number(`1e${Math.floor(Math.log10(a))}`), Number(`1e${Math.ceil(Math.log10(b))}`)];
  return scaleLog().domain([a, b]).range([range[0], range[1]]);
}

/** Linear ticks for a domain (d3's 1-2-5 rule). */
export function linearTicks(domain: readonly number[], count = 6): number[] {
  return scaleLinear().domain(safeDomain([domain[0], domain[domain.length - 1]])).ticks(count);
}

/** Powers of ten inside a positive domain; if there are more than `max`, every k-th decade. */
export function logTicks(domain: readonly number[], max = 8): number[] {
  const lo = Math.min(domain[0], domain[domain.length - 1]);
  const hi = Math.max(domain[0], domain[domain.length - 1]);
  if (!(lo > 0) || !Number.isFinite(hi)) return [];
  const e0 = Math.ceil(Math.log10(lo) - 1e-9);
  const e1 = Math.floor(Math.log10(hi) + 1e-9);
  const stride = Math.max(1, Math.ceil((e1 - e0 + 1) / max));
  const out: number[] = [];
  for (let e = e0; e <= e1; e += stride) out.push(Number(`1e${e}`)); // exact decimal, unlike 10 ** e
  return out;
}

/** [min, max] of finite values, or `fallback` when there are none. */
export function finiteExtent(
  values: Iterable<number> | ArrayLike<number>,
  fallback: [number, number] = [0, 1],
): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of toIterable(values)) {
    if (Number.isFinite(v)) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return lo <= hi ? [lo, hi] : fallback;
}

/** [min, max] of the finite positive values (for log axes). */
export function extentPositive(values: Iterable<number> | ArrayLike<number>): [number, number] {
  const pos: number[] = [];
  for (const v of toIterable(values)) if (v > 0 && Number.isFinite(v)) pos.push(v);
  return finiteExtent(pos, [1, 10]);
}

/** Extent widened by `pad` × its span on each side (a zero span widens by ±pad·max(1, |v|)). */
export function paddedExtent(values: Iterable<number> | ArrayLike<number>, pad = 0.05): [number, number] {
  const [lo, hi] = finiteExtent(values);
  const span = hi - lo || Math.max(1, Math.abs(lo));
  return [lo - pad * span, hi + pad * span];
}

/** Symmetric domain [−m, m] with m = max |value| (1 when all values are 0 or missing). */
export function symmetricDomain(values: Iterable<number> | ArrayLike<number>): [number, number] {
  let m = 0;
  for (const v of toIterable(values)) if (Number.isFinite(v) && Math.abs(v) > m) m = Math.abs(v);
  if (m === 0) m = 1;
  return [-m, m];
}

/** Flattens rows (arrays or typed arrays) into one iterable of numbers. */
export function* flatten(rows: ArrayLike<ArrayLike<number>>): Iterable<number> {
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    for (let j = 0; j < r.length; j++) yield r[j];
  }
}

function safeDomain([a, b]: readonly [number, number]): [number, number] {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return [0, 1];
  if (a === b) return [a - Math.max(1, Math.abs(a)) * 0.5, b + Math.max(1, Math.abs(b)) * 0.5];
  return [a, b];
}

function toIterable(values: Iterable<number> | ArrayLike<number>): Iterable<number> {
  if (Symbol.iterator in Object(values)) return values as Iterable<number>;
  return Array.from(values as ArrayLike<number>);
}
