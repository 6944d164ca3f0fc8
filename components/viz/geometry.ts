// Small pure geometry used by the marks: arrow heads, series clipped to an x-range, nearest sample.
//
//   arrowPath(0, 0, 40, 0, 8)        // "M0,0L40,0M32,-4L40,0L32,4" style path (shaft + open head)
//   clipToRange(t, y, 0.5, 1.5)      // the samples in [0.5, 1.5] with interpolated end points
//   nearestIndex([0, 1, 2], 1.4)     // 1

/** Pixel path of an arrow from (x1,y1) to (x2,y2): shaft plus a filled head of length `head`. */
export function arrowGeometry(
  x1: number, y1: number, x2: number, y2: number, head = 8,
): { shaft: string; head: string } | null {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const len = Math.hypot(dx, dy);
  if (!(len > 1e-9) || !Number.isFinite(len)) return null;
  const h = Math.min(head, len * 0.6); // short arrows keep a visible shaft
  const ux = dx / len;
  const uy = dy / len;
  const bx = x2 - ux * h;
  const by = y2 - uy * h;
  const w = h * 0.5;
  const r = (v: number) => Math.round(v * 100) / 100;
  return {
    shaft: `M${r(x1)},${r(y1)}L${r(bx)},${r(by)}`,
    head: `M${r(x2)},${r(y2)}L${r(bx - uy * w)},${r(by + ux * w)}L${r(bx + uy * w)},${r(by - ux * w)}Z`,
  };
}

/** The (x, y) samples with x in [x0, x1], plus linearly interpolated samples exactly at x0 and x1. xs must be monotone. */
export function clipToRange(
  xs: ArrayLike<number>, ys: ArrayLike<number>, x0: number, x1: number,
): { x: number[]; y: number[] } {
  const lo = Math.min(x0, x1);
  const hi = Math.max(x0, x1);
  const n = Math.min(xs.length, ys.length);
  const order: number[] = [];
  for (let i = 0; i < n; i++) order.push(i);
  if (n > 1 && xs[0] > xs[n - 1]) order.reverse(); // decreasing time grids (backward solves)
  const x: number[] = [];
  const y: number[] = [];
  const at = (a: number, b: number, t: number) => {
    const xa = xs[a];
    const xb = xs[b];
    return xb === xa ? ys[a] : ys[a] + ((ys[b] - ys[a]) * (t - xa)) / (xb - xa);
  };
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    const prev = k > 0 ? order[k - 1] : -1;
    if (prev >= 0 && xs[prev] < lo && xs[i] > lo) {
      x.push(lo);
      y.push(at(prev, i, lo));
    }
    if (xs[i] >= lo && xs[i] <= hi) {
      x.push(xs[i]);
      y.push(ys[i]);
    }
    if (prev >= 0 && xs[prev] < hi && xs[i] > hi) {
      x.push(hi);
      y.push(at(prev, i, hi));
    }
  }
  return { x, y };
}

/** Index of the sample nearest to x (xs sorted ascending or descending); −1 for an empty array. */
export function nearestIndex(xs: ArrayLike<number>, x: number): number {
  const n = xs.length;
  if (n === 0) return -1;
  const asc = xs[n - 1] >= xs[0];
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (asc ? xs[mid] <= x : xs[mid] >= x) lo = mid;
    else hi = mid;
  }
  return Math.abs(xs[lo] - x) <= Math.abs(xs[hi] - x) ? lo : hi;
}

/** Rounds a coordinate to 1/100 px: invisible, and keeps server-rendered markup short. */
export function r2(v: number): number {
  return Math.round(v * 100) / 100;
}
