/**
 * Counted memory of a gradient run: the bytes of the arrays the algorithm keeps, computed from its
 * sizes (a float64 run has no allocator to ask; a float32 run reports tfjs's measured peak in
 * stats.peakBytes instead). One formula for `npm run bench` (memory-horizon) and the gradient-check
 * figure, so both report the same number for the same run:
 * - every mode keeps its outputs ẑ_0..ẑ_N ((N+1)·n words, n = batch·D);
 * - backprop adds the tape of lib/ode/discreteAdjoint (6 stage inputs per accepted forward step, in
 *   float64 words) and the recorded steps ({t, h, interval}, 3 doubles each), plus 12·n of work space;
 * - adjoint adds the working set of one backward step: the augmented state [z, s, gθ], its 7 stages
 *   and error estimate (10 copies of 2n + P);
 * - fd adds the working set of one forward solve (state, 7 stages, error estimate: 10·n words) and
 *   its gradient arrays (n + P + N + 1 doubles).
 * These are estimates of what the algorithm holds, not of the JavaScript heap.
 */
import type { GradientMode } from './gradientTypes';

export interface MemoryShape {
  batch: number;
  dim: number;
  /** Number of parameters (θ entries). */
  P: number;
  /** Number of observation times N + 1. */
  points: number;
  /** Accepted steps of the forward solve (stats.stepsForward). */
  stepsForward: number;
}

/** Bytes of ẑ_0..ẑ_N, which every mode returns. */
export function outputBytes(shape: Pick<MemoryShape, 'batch' | 'dim' | 'points'>, wordBytes = 8): number {
  return shape.points * shape.batch * shape.dim * wordBytes;
}

/** Counted peak bytes of one gradient run (see the file comment); wordBytes 8 (float64) or 4. */
export function countedPeakBytes(mode: GradientMode, shape: MemoryShape, wordBytes = 8): number {
  const n = shape.batch * shape.dim;
  const out = outputBytes(shape, wordBytes);
  switch (mode) {
    case 'backprop':
      return shape.stepsForward * (6 * n * 8 + 3 * 8) + out + 12 * n * 8;
    case 'adjoint':
      return out + 10 * (2 * n + shape.P) * wordBytes;
    case 'fd':
      return out + 10 * n * wordBytes + (n + shape.P + shape.points) * 8;
  }
}
