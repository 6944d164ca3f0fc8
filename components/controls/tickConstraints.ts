// Draggable tick marks (e.g. observation times) keep their order and a minimum gap: a tick can move
// only between its neighbours ± minGap and the ends of the axis. Pure, so keyboard and pointer share it.
//
//   tickBounds([0.5, 1, 2], 1, { min: 0, max: 3, minGap: 0.1 })     // [0.6, 1.9]
//   moveTick([0.5, 1, 2], 1, 5, { min: 0, max: 3, minGap: 0.1 })    // [0.5, 1.9, 2]

export interface TickConstraint {
  min: number;
  max: number;
  /** Smallest allowed distance between neighbouring ticks (and between a tick and the ends if `gapAtEnds`). */
  minGap: number;
  /** Keep minGap from min/max too (e.g. no observation at t0). Default false. */
  gapAtEnds?: boolean;
}

/** [lo, hi] range tick `index` may take, given its (sorted) neighbours. */
export function tickBounds(values: readonly number[], index: number, c: TickConstraint): [number, number] {
  const endGap = c.gapAtEnds ? c.minGap : 0;
  const lo = index > 0 ? values[index - 1] + c.minGap : c.min + endGap;
  const hi = index < values.length - 1 ? values[index + 1] - c.minGap : c.max - endGap;
  return [lo, Math.max(lo, hi)];
}

/** A copy of `values` with tick `index` moved as close to `target` as the constraints allow. */
export function moveTick(values: readonly number[], index: number, target: number, c: TickConstraint): number[] {
  const [lo, hi] = tickBounds(values, index, c);
  const out = values.slice();
  out[index] = Math.min(hi, Math.max(lo, target));
  return out;
}
