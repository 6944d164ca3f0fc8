import type { GradientOptions, GradientResult, ProblemData } from './gradientTypes';
import { InvalidInputError } from '../ode/errors';
import { adjointGradient64 } from './adjointBacksolve';
import { backpropGradient64 } from './backpropGradient';
import { finiteDifferences64 } from './finiteDifferences';

/**
 * computeGradient: the loss of a problem and its gradient w.r.t. z0, the dynamics parameters and the
 * observation times, by one of three methods and in one of two precisions. Everything returned is
 * plain data (numbers and arrays), never live tensors.
 *
 * - 'adjoint'  optimise-then-discretise: backward solve of [z, s, gθ] (adjointBacksolve.ts);
 * - 'backprop' discretise-then-optimise: reverse mode through the solver's own steps (backpropGradient.ts);
 * - 'fd'       central finite differences of the loss (finiteDifferences.ts): the slow, independent check.
 * grad.t uses the closed forms of tests/reference/README.md in every mode (backprop through the
 * solver's step clipping is the least accurate way to get dL/dt).
 * 'float64' runs plain Float64Array loops; 'float32' runs tfjs (lib/adjoint/float32/, loaded on demand
 * through computeGradientAsync, or registered by importing ./float32).
 */

/** The float32 (tfjs) implementation, registered by importing './float32' (kept out of float64-only bundles). */
type Float32Impl = (problem: ProblemData, opts: GradientOptions) => GradientResult;
let float32Impl: Float32Impl | null = null;

/** Called by float32/index.ts when it is imported. */
export function registerFloat32(impl: Float32Impl): void {
  float32Impl = impl;
}

/**
 * The loss and its gradient by `opts.mode` in `opts.precision`. float64 is always available; float32
 * needs tfjs: import '@/lib/adjoint/float32' once (Node scripts, tests, workers) or call
 * computeGradientAsync, which loads it on demand (the browser keeps tfjs out of the first load).
 */
export function computeGradient(problem: ProblemData, opts: GradientOptions): GradientResult {
  if (opts.precision === 'float64') return computeGradient64(problem, opts);
  if (opts.precision !== 'float32') {
    throw new InvalidInputError(`Unknown precision "${String(opts.precision)}"; use float64 or float32.`);
  }
  if (!float32Impl) {
    throw new Error("float32 gradients need tfjs: import '@/lib/adjoint/float32' first, or use computeGradientAsync.");
  }
  return float32Impl(problem, opts);
}

/** computeGradient that loads the tfjs path on first use (dynamic import). */
export async function computeGradientAsync(problem: ProblemData, opts: GradientOptions): Promise<GradientResult> {
  if (opts.precision === 'float32' && !float32Impl) await import('./float32');
  return computeGradient(problem, opts);
}

/** float64 gradient (synchronous). float32 lives in ./float32 (tfjs) — see computeGradient32. */
export function computeGradient64(problem: ProblemData, opts: GradientOptions): GradientResult {
  switch (opts.mode) {
    case 'adjoint':
      return adjointGradient64(problem, opts);
    case 'backprop':
      return backpropGradient64(problem, opts);
    case 'fd':
      return finiteDifferences64(problem, opts);
    default:
      throw new InvalidInputError(`Unknown gradient mode "${String(opts.mode)}"; use adjoint, backprop or fd.`);
  }
}
