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
 * through computeGradientAsync or directly via float32/computeGradient32.ts).
 */

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
