import type { ButcherTableau } from './tableau';
import { InvalidInputError } from './errors';

/** What one accepted step keeps for dense output: its start, signed size, start state and stages (float64). */
export interface DenseStep {
  t: number;
  h: number;
  y0: Float64Array;
  ks: Float64Array[];
}

/**
 * Continuous extension over the accepted steps:
 * y(t + θh) = y0 + h Σ_i k_i Σ_j dense[i][j] θ^(j+1). Steps are in integration order
 * (increasing or decreasing t); a query is located by binary search.
 */
export function makeDenseOutput(tab: ButcherTableau, steps: readonly DenseStep[]): (t: number) => Float64Array {
  const P = tab.dense;
  if (!P) throw new InvalidInputError(`Method ${tab.name} has no dense-output coefficients.`);
  if (steps.length === 0) throw new InvalidInputError('Dense output needs at least one accepted step.');
  const first = steps[0];
  const last = steps[steps.length - 1];
  const dir = first.h > 0 ? 1 : -1;
  const tStart = first.t;
  const tStop = last.t + last.h;
  return (tq: number): Float64Array => {
    if (!Number.isFinite(tq) || dir * (tq - tStart) < 0 || dir * (tq - tStop) > 1e-12 * Math.max(1, Math.abs(tStop))) {
      throw new InvalidInputError(`Dense output asked at t = ${tq}, outside the solved span [${tStart}, ${tStop}].`, tq);
    }
    // Last step whose start is at or before tq (in the direction of integration).
    let lo = 0;
    let hi = steps.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (dir * (tq - steps[mid].t) >= 0) lo = mid;
      else hi = mid - 1;
    }
    const s = steps[lo];
    const theta = Math.min(1, Math.max(0, (tq - s.t) / s.h));
    const out = Float64Array.from(s.y0);
    for (let i = 0; i < s.ks.length; i++) {
      const row = P[i];
      let w = 0;
      let pow = theta;
      for (let j = 0; j < row.length; j++) {
        w += row[j] * pow;
        pow *= theta;
      }
      if (w === 0) continue;
      const hw = s.h * w;
      const k = s.ks[i];
      for (let n = 0; n < out.length; n++) out[n] += hw * k[n];
    }
    return out;
  };
}
